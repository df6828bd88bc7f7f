"""What the search index holds for a library, and where each hit points."""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.articles import paragraphs
from reader.entities import NAME_LABELS, kind_of, name_key
from reader.index import Entry, SearchIndex
from reader.nlp.names import fold
from reader.records import chunk_spans

# Noun chunks that are only these words are not topics ("he", "it", "the time").
_STOP = frozenset(
    """i me my we us our you your he him his she her it its they them their this that these those
    who what which whom there here one ones a an the some any each every all time times way
    people thing things something nothing everything anything someone day days year years""".split()
)
TEXT_PIECE = 2000
_LEADING = frozenset("the a an this that these those his her its their our my your some any".split())


def topic_key(text: str) -> str | None:
    """A noun chunk as a topic: folded, without its leading determiner; None if empty talk."""
    words = fold(text).replace("’", "'").split()
    while words and words[0] in _LEADING:
        words = words[1:]
    if not words or all(w in _STOP or not any(c.isalpha() for c in w) for w in words):
        return None
    return " ".join(words)


def entity_key(text: str, label: str) -> tuple[str, str]:
    return (name_key(text) if label in NAME_LABELS else text.lower(), label)


def library_entries(lib) -> list[Entry]:
    entries: list[Entry] = []
    # speakers: the display name and every alias point to one person
    for sp in lib.speakers.speakers.values():
        roles = ", ".join(sp.roles[:2])
        detail = f"{sp.quotes} quote{'s' if sp.quotes != 1 else ''}" + (f" · {roles}" if roles else "")
        entries.append(Entry("speaker", sp.name, sp.quotes, (sp.id,), detail))
        for alias in sp.aliases:
            if fold(alias) != fold(sp.name):
                entries.append(Entry("speaker", alias, sp.quotes, (sp.id,), f"also “{alias}” · {detail}", shown=sp.name))
    entity_counts: Counter = Counter()
    entity_forms: dict[tuple, Counter] = defaultdict(Counter)
    entity_articles: dict[tuple, set] = defaultdict(set)
    topic_counts: Counter = Counter()
    topic_forms: dict[str, Counter] = defaultdict(Counter)
    topic_articles: dict[str, set] = defaultdict(set)
    for n, article in enumerate(lib.articles):
        body = article.body
        entries.append(Entry("article", article.title, 1, (n,), article.source or article.file_name))
        for a, b in paragraphs(body):
            # a paragraph is one entry, cut in pieces when huge (a 5 MB one-line file)
            for x in range(a, b, TEXT_PIECE):
                y = min(b, x + TEXT_PIECE)
                entries.append(Entry("text", body[x:y], 1, (n, x, y), article.title))
        ann = lib.annotations.get(article.id)
        if ann is None:
            continue
        for e in ann.entities:
            text = body[e.start : e.end]
            label = lib.label_of(text, e.label)
            key = entity_key(text, label)
            entity_counts[key] += 1
            entity_forms[key][text] += 1
            entity_articles[key].add(n)
        for a, b in chunk_spans(ann):
            key = topic_key(body[a:b])
            if key:
                topic_counts[key] += 1
                topic_forms[key][body[a:b]] += 1
                topic_articles[key].add(n)
        for q, quote in enumerate(ann.quotes):
            sid = lib.speakers.speaker_id(article.id, quote.speaker, quote.speaker_kind)
            sp = lib.speakers.get(sid)
            words = " ".join(body[a:b] for a, b in quote.parts)
            entries.append(Entry("quote", words, 1, (n, q), f"{sp.name if sp else 'unknown speaker'} — {article.title}"))
    for key, count in entity_counts.items():
        text = entity_forms[key].most_common(1)[0][0]
        arts = len(entity_articles[key])
        entries.append(Entry("entity", text, count, ("entity", *key), f"{kind_of(key[1])} · {_n(count, 'mention')} in {_n(arts, 'article')}"))
    names = {k[0] for k in entity_counts}
    for key, count in topic_counts.items():
        if key in names:
            continue  # the entity entry stands for it
        arts = len(topic_articles[key])
        # a topic is a phrase the library returns to, or one that carries several words
        if count < 2 and len(key.split()) < 2:
            continue
        text = topic_forms[key].most_common(1)[0][0]
        entries.append(Entry("topic", text, count, ("topic", key), f"topic · {_n(count, 'mention')} in {_n(arts, 'article')}"))
    return entries


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def build_index(lib) -> SearchIndex:
    return SearchIndex(library_entries(lib))


def mentions(lib, ref: tuple) -> list[tuple[int, int, int]]:
    """Every place an entity or topic is mentioned: (article, start, end), in library order."""
    found = []
    kind = ref[0]
    for n, article in enumerate(lib.articles):
        ann = lib.annotations.get(article.id)
        if ann is None:
            continue
        body = article.body
        if kind == "entity":
            want = tuple(ref[1:])
            for e in ann.entities:
                text = body[e.start : e.end]
                if entity_key(text, lib.label_of(text, e.label)) == want:
                    found.append((n, e.start, e.end))
        elif kind == "topic":
            for a, b in chunk_spans(ann):
                if topic_key(body[a:b]) == ref[1]:
                    found.append((n, a, b))
    return sorted(found)
