"""What the search index holds for a library, and where each hit points."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, overload

from reader.library import memory
from reader.nlp.labels import kind_of
from reader.search.index import Entry, SearchIndex
from reader.text import fold, paragraphs

if TYPE_CHECKING:
    from reader.library.core import Library

# Noun chunks that are only these words are not topics ("he", "it", "the time").
_STOP = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "who",
        "what",
        "which",
        "whom",
        "there",
        "here",
        "one",
        "ones",
        "a",
        "an",
        "the",
        "some",
        "any",
        "each",
        "every",
        "all",
        "time",
        "times",
        "way",
        "people",
        "thing",
        "things",
        "something",
        "nothing",
        "everything",
        "anything",
        "someone",
        "day",
        "days",
        "year",
        "years",
    ]
)
TEXT_PIECE = 2000
_ALPHA = re.compile(r"[^\W\d_]")  # a letter
_LEADING = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "any"]
)


def topic_key(text: str) -> str | None:
    """A noun chunk as a topic: folded, without its leading determiner; None if empty talk."""
    words = fold(text).split()
    while words and words[0] in _LEADING:
        words = words[1:]
    if not _ALPHA.search(" ".join(w for w in words if w not in _STOP)):
        return None
    return " ".join(words)


class LibraryEntries(Sequence[Entry]):
    """The library's search entries: speakers, articles, entities and topics as a list;
    paragraphs and quotes (most of a big library's entries) as offsets, made into entries
    when the index asks, so their text is never held twice."""

    def __init__(self, lib: Library, small: list[Entry], tallied: int, articles: array[int], bulk: array[int]) -> None:
        self.lib = lib
        self.small = small  # entities and topics (from ``tallied`` on) without their detail line
        self.tallied = tallied
        self.articles = articles  # per entity or topic: how many articles it is in
        self.bulk = bulk  # (article, start, end) per paragraph piece; (article, quote, -1) per quote

    def __len__(self) -> int:
        return len(self.small) + len(self.bulk) // 3

    @overload
    def __getitem__(self, i: int) -> Entry: ...
    @overload
    def __getitem__(self, i: slice) -> list[Entry]: ...
    def __getitem__(self, i: int | slice) -> Entry | list[Entry]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < len(self.small):
            entry = self.small[i]
            if i < self.tallied:
                return entry
            what = kind_of(entry.ref[2]) if entry.kind == "entity" else "topic"
            count, arts = int(entry.weight), self.articles[i - self.tallied]
            return replace(entry, detail=f"{what} · {_n(count, 'mention')} in {_n(arts, 'article')}")
        j = 3 * (i - len(self.small))
        n, x, y = self.bulk[j : j + 3]
        article = self.lib.articles[n]
        if y != _QUOTE:
            return Entry("text", article.body[x:y], 1, (n, x, y), article.title)
        lib = self.lib
        quote = lib.annotations[article.id].quotes[x]
        sp = lib.people.get(lib.people.speaker_id(article.id, quote.speaker, quote.speaker_kind))
        return Entry("quote", quote.display(article.body), 1, (n, x), f"{sp.name if sp else 'unknown speaker'} — {article.title}")

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(len(self)))


_QUOTE = 0xFFFFFFFF


class _Tally:
    """How often a name or topic is met, in how many articles, and its most frequent
    spelling (the first met among equals); a Counter of spellings only when there are two."""

    __slots__ = ("count", "articles", "last", "forms")

    def __init__(self, text: str) -> None:
        self.count = self.articles = 0
        self.last = -1
        self.forms: str | Counter[str] = text

    def add(self, text: str, article: int) -> None:
        if isinstance(self.forms, str) and text != self.forms:
            self.forms = Counter({self.forms: self.count})
        if not isinstance(self.forms, str):
            self.forms[text] += 1
        self.count += 1
        if article != self.last:  # articles come in order
            self.articles += 1
            self.last = article

    def form(self) -> str:
        return self.forms if isinstance(self.forms, str) else self.forms.most_common(1)[0][0]


def library_entries(lib: Library) -> LibraryEntries:
    small: list[Entry] = []
    bulk = array("I")
    articles = array("I")
    # speakers: the display name and every alias point to one person
    for sp in lib.people.speakers.values():
        roles = ", ".join(sp.roles[:2])
        detail = f"{sp.quotes} quote{'s' if sp.quotes != 1 else ''}" + (f" · {roles}" if roles else "")
        small.append(Entry("speaker", sp.name, sp.quotes, (sp.id,), detail))
        for alias in sp.aliases:
            if fold(alias) != fold(sp.name):
                small.append(Entry("speaker", alias, sp.quotes, (sp.id,), f"also “{alias}” · {detail}", shown=sp.name))
    entities: dict[tuple[str, ...], _Tally] = {}
    topics: dict[str, _Tally] = {}
    for n, article in enumerate(lib.articles):
        body = article.body
        small.append(Entry("article", article.title, 1, (n,), article.source or article.file_name))
        for a, b in paragraphs(body):
            # a paragraph is one entry, cut in pieces when huge (a 5 MB one-line file)
            for x in range(a, b, TEXT_PIECE):
                bulk.extend((n, x, min(b, x + TEXT_PIECE)))
        ann = lib.annotations.get(article.id)
        if ann is None:
            continue
        for e in ann.entities:
            text = body[e.start : e.end]
            entity = lib.entity_key(text, e.label)
            tally = entities.get(entity) or entities.setdefault(entity, _Tally(text))
            tally.add(text, n)
        for a, b in ann.chunks:
            text = body[a:b]
            topic = topic_key(text)
            if topic:
                tally = topics.get(topic) or topics.setdefault(topic, _Tally(text))
                tally.add(text, n)
        for q in range(len(ann.quotes)):
            bulk.extend((n, q, _QUOTE))
    tallied = len(small)
    for key, t in entities.items():
        person = lib.people.get(key[0]) if key[0].startswith("person:") else None
        small.append(Entry("entity", person.name if person else t.form(), t.count, ("entity", *key)))
        articles.append(t.articles)
    names = {k[0] for k in entities}
    for phrase, t in topics.items():
        if phrase in names:
            continue  # the entity entry stands for it
        # a topic is a phrase the library returns to, or one that carries several words
        if t.count < 2 and " " not in phrase:
            continue
        small.append(Entry("topic", t.form(), t.count, ("topic", phrase)))
        articles.append(t.articles)
    return LibraryEntries(lib, small, tallied, articles, bulk)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def build_index(lib: Library) -> SearchIndex:
    index = SearchIndex(library_entries(lib))
    index.prepare()  # here, off the event loop, not at the first keystroke
    memory.trim()
    return index


def mentions(lib: Library, ref: tuple[Any, ...]) -> list[tuple[int, int, int]]:
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
                if lib.entity_key(text, e.label) == want:
                    found.append((n, e.start, e.end))
        elif kind == "topic":
            for a, b in ann.chunks:
                if topic_key(body[a:b]) == ref[1]:
                    found.append((n, a, b))
    return sorted(found)
