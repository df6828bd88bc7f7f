"""The in-memory search index: speakers, entities, topics, quotes, titles and paragraphs.

Ranking (one function, ``rank``): an exact match first, then entries that hold every query
word as a whole word, then as a word prefix (what is being typed), then fuzzily (rapidfuzz
``ratio`` >= FUZZY_CUTOFF per word, for words of four letters or more); within a tier, rapidfuzz
``WRatio`` of query and entry, then weight (a speaker's quotes, an entity's mentions), then the
text A-Z. Accents and case are folded.

The index finds the same results without looking at every entry: a word -> entries table, the
sorted vocabulary for prefixes (bisect), and for fuzzy words only the vocabulary words whose
length can reach the cutoff (rapidfuzz ``cdist``). Tiers come from set algebra on those
postings; scores from one ``cdist`` call over the candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from reader.nlp.names import fold

FUZZY_CUTOFF = 75
FUZZY_MIN_LEN = 4
KINDS = ("speaker", "topic", "entity", "quote", "article", "text")
_WORD = re.compile(r"[\w'’]+")


def words_of(folded: str) -> list[str]:
    return [w.strip("'’") for w in _WORD.findall(folded) if w.strip("'’")]


@dataclass(frozen=True)
class Entry:
    kind: str  # one of KINDS
    text: str  # what is shown and searched
    weight: float = 1.0  # how often: a speaker's quotes, an entity's mentions
    ref: tuple = ()  # what it points at (speaker id, entity key, (article, start, end), ...)
    detail: str = ""  # a second line: the article's title, the entity's kind
    shown: str = ""  # what to show when it is not ``text`` (an alias shows its person's name)

    @property
    def title(self) -> str:
        return self.shown or self.text


@dataclass
class Hit:
    entry: Entry
    tier: int  # 3 exact, 2 whole words, 1 word prefixes, 0 fuzzy
    score: float
    index: int = -1

    def spans(self, query: str) -> list[tuple[int, int]]:
        """Where the query's words (or their fuzzy stand-ins) are in ``entry.text``."""
        return match_spans(self.entry.text, query)


@dataclass
class SearchIndex:
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keys: list[str] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._dirty = True
        entries, self.entries = self.entries, []
        self.add(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entries) -> None:
        """Add entries (cheap; the sorted views are rebuilt at the next search)."""
        for entry in entries:
            n = len(self.entries)
            key = fold(entry.text)
            self.entries.append(entry)
            self.keys.append(key)
            self._by_key[key].append(n)
            for w in set(words_of(key)):
                self._postings[w].append(n)
        self._dirty = True

    def _prepare(self) -> None:
        if not self._dirty:
            return
        self._vocab = sorted(self._postings)
        by_len: dict[int, list[str]] = defaultdict(list)
        for w in self._vocab:
            by_len[len(w)].append(w)
        self._by_len = dict(by_len)
        self._weights = np.array([e.weight for e in self.entries], dtype=np.float64)
        order = sorted(range(len(self.entries)), key=lambda i: self.entries[i].text.lower())
        self._text_rank = np.empty(len(self.entries), dtype=np.int64)
        self._text_rank[order] = np.arange(len(self.entries))
        self._kinds = np.array([KINDS.index(e.kind) for e in self.entries], dtype=np.int8)
        self._dirty = False

    # --- candidates ------------------------------------------------------------------------------

    def _prefix_words(self, w: str) -> list[str]:
        lo = bisect_left(self._vocab, w)
        hi = bisect_left(self._vocab, w + "\U0010ffff")
        return self._vocab[lo:hi]

    def _fuzzy_words(self, w: str) -> list[str]:
        if len(w) < FUZZY_MIN_LEN:
            return []
        # ratio = 200*matches/(len_a+len_b) can reach the cutoff only for these lengths
        most = int(len(w) * (200 / FUZZY_CUTOFF - 1))
        least = int(np.ceil(len(w) / (200 / FUZZY_CUTOFF - 1)))
        found = []
        for n in range(least, most + 1):
            bucket = self._by_len.get(n)
            if not bucket:
                continue
            scores = process.cdist([w], bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, workers=1)[0]
            found.extend(bucket[i] for i in np.nonzero(scores)[0])
        return found

    def _ids(self, words: list[str]) -> set[int]:
        ids: set[int] = set()
        for v in words:
            ids.update(self._postings[v])
        return ids

    def search(self, query: str, limit: int = 10, kinds: tuple[str, ...] | None = None, per_kind: int | None = None) -> list[Hit]:
        """Ranked hits; ``per_kind`` keeps at most that many of each kind."""
        self._prepare()
        q = fold(query).strip()
        qwords = words_of(q)
        if not qwords:
            return []
        exact_sets, prefix_sets, any_sets = [], [], []
        for w in qwords:
            exact = set(self._postings.get(w, ()))
            prefix = self._ids(self._prefix_words(w))
            fuzzy = self._ids(self._fuzzy_words(w))
            exact_sets.append(exact)
            prefix_sets.append(prefix)
            any_sets.append(prefix | fuzzy)
        candidates = set.intersection(*sorted(any_sets, key=len))
        if not candidates:
            return []
        prefix_all = set.intersection(*prefix_sets)
        exact_all = set.intersection(*exact_sets)
        ids = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        if kinds:
            wanted = np.isin(self._kinds[ids], [KINDS.index(k) for k in kinds])
            ids = ids[wanted]
            if not len(ids):
                return []
        tiers = np.zeros(len(ids), dtype=np.int64)
        tiers[np.isin(ids, np.fromiter(prefix_all, dtype=np.int64, count=len(prefix_all)))] = 1
        tiers[np.isin(ids, np.fromiter(exact_all, dtype=np.int64, count=len(exact_all)))] = 2
        tiers[np.isin(ids, np.array(self._by_key.get(q, []), dtype=np.int64))] = 3
        scores = process.cdist([q], [self.keys[i] for i in ids], scorer=fuzz.WRatio, workers=1)[0]
        order = np.lexsort((self._text_rank[ids], -self._weights[ids], -np.round(scores, 6), -tiers))
        return self._take(ids, tiers, scores, order, limit, per_kind)

    def _take(self, ids, tiers, scores, order, limit, per_kind) -> list[Hit]:
        hits, counts, seen = [], defaultdict(int), set()
        for j in order:
            entry = self.entries[ids[j]]
            if entry.ref:  # one hit per thing: a speaker's best-matching alias
                if (entry.kind, entry.ref) in seen:
                    continue
                seen.add((entry.kind, entry.ref))
            if per_kind is not None:
                if counts[entry.kind] >= per_kind:
                    continue
                counts[entry.kind] += 1
            hits.append(Hit(entry, int(tiers[j]), float(scores[j]), int(ids[j])))
            if len(hits) >= limit:
                break
        return hits

    def exhaustive(self, query: str, limit: int = 10) -> list[Hit]:
        """The same ranking computed entry by entry with no index: the reference for tests and
        the benchmark's recall."""
        self._prepare()
        q = fold(query).strip()
        qwords = words_of(q)
        scored = []
        for n, key in enumerate(self.keys):
            tier = rank(q, qwords, key)
            if tier is not None:
                scored.append((n, tier))
        if not scored:
            return []
        ids = np.array([n for n, _ in scored], dtype=np.int64)
        tiers = np.array([t for _, t in scored], dtype=np.int64)
        scores = process.cdist([q], [self.keys[i] for i in ids], scorer=fuzz.WRatio, workers=1)[0]
        order = np.lexsort((self._text_rank[ids], -self._weights[ids], -np.round(scores, 6), -tiers))
        return self._take(ids, tiers, scores, order, limit, None)


def rank(q: str, qwords: list[str], key: str) -> int | None:
    """The tier of one folded entry for a folded query, or None when it does not match."""
    if not qwords:
        return None
    if key == q:
        return 3
    kwords = words_of(key)
    kset = set(kwords)
    if all(w in kset for w in qwords):
        return 2
    tier = 1
    for w in qwords:
        if any(k.startswith(w) for k in kwords):
            continue
        if len(w) >= FUZZY_MIN_LEN and any(fuzz.ratio(w, k) >= FUZZY_CUTOFF for k in kset):
            tier = 0
            continue
        return None
    return tier


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` to highlight for ``query``: words that start with a query
    word, or are fuzzily alike."""
    qwords = words_of(fold(query))
    spans = []
    for m in _WORD.finditer(text):
        w = fold(m.group()).strip("'’")
        for q in qwords:
            if w.startswith(q):
                spans.append((m.start(), m.start() + min(len(q), len(m.group()))))
                break
            if len(q) >= FUZZY_MIN_LEN and fuzz.ratio(q, w) >= FUZZY_CUTOFF:
                spans.append((m.start(), m.end()))
                break
    return spans
