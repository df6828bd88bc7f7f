"""The in-memory search index: speakers, entities, topics, quotes, titles and paragraphs.

Ranking (one definition, ``rank`` plus ``_scores``): an exact match first, then entries that
hold every query word as a whole word, then as a word prefix (what is being typed), then
fuzzily (rapidfuzz ``ratio`` >= FUZZY_CUTOFF per word, for words of four letters or more).
Within a tier: rapidfuzz ``WRatio`` of query and entry (for a broad query with more than BROAD
matches, plain ``ratio`` against the entry's start), then weight (a speaker's quotes, an
entity's mentions), then the text A-Z. Accents and case are folded.

The index finds exactly what ranking every entry would (``exhaustive`` does that, for tests
and the benchmark) without looking at every entry: a word -> entries table, the sorted
vocabulary for prefixes (bisect), and for fuzzy words only the vocabulary words whose length
can reach the cutoff. Tiers come from boolean masks over those postings, scores from one
``cdist`` call, the order from one packed key and a partial sort.
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
        n = len(self.entries)
        self._vocab = sorted(self._postings)
        self._arrays = {w: np.array(ids, dtype=np.int64) for w, ids in self._postings.items()}
        by_len: dict[int, list[str]] = defaultdict(list)
        for w in self._vocab:
            by_len[len(w)].append(w)
        self._by_len = dict(by_len)
        # Ties are broken by weight, then text: both as ranks, packed into one sort key.
        weights = np.array([e.weight for e in self.entries], dtype=np.float64)
        self._weight_rank = np.empty(n, dtype=np.int64)
        self._weight_rank[np.argsort(-weights, kind="stable")] = np.arange(n)
        order = sorted(range(n), key=lambda i: self.entries[i].text.lower())
        self._text_rank = np.empty(n, dtype=np.int64)
        self._text_rank[order] = np.arange(n)
        self._kinds = np.array([KINDS.index(e.kind) for e in self.entries], dtype=np.int8)
        self._masks: dict[str, np.ndarray] = {}
        self._key_array = np.array(self.keys, dtype=object)
        self._short_array = np.array([k[:BROAD_CHARS] for k in self.keys], dtype=object)
        self._memo: dict[tuple, list[Hit]] = {}
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
        # (integers: float division put 5/(5/3) at 3.0000000000000004 and lost "han" for "huang")
        c, n = FUZZY_CUTOFF, len(w)
        least, most = -(-c * n // (200 - c)), (200 - c) * n // c
        found = []
        for n in range(least, most + 1):
            bucket = self._by_len.get(n)
            if not bucket:
                continue
            scores = process.cdist([w], bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, workers=1)[0]
            found.extend(bucket[i] for i in np.nonzero(scores)[0])
        return found

    def _mask(self, words: list[str]) -> np.ndarray:
        mask = np.zeros(len(self.entries), dtype=bool)
        if words:
            mask[np.concatenate([self._arrays[v] for v in words])] = True
        return mask

    def _prefix_mask(self, w: str) -> np.ndarray:
        """Entries with a word starting with ``w``; kept for one- and two-letter prefixes,
        which are the expensive ones and come back at every new query."""
        if len(w) > 2:
            return self._mask(self._prefix_words(w))
        mask = self._masks.get(w)
        if mask is None:
            mask = self._masks[w] = self._mask(self._prefix_words(w))
        return mask

    def search(self, query: str, limit: int = 10, kinds: tuple[str, ...] | None = None, per_kind: int | None = None) -> list[Hit]:
        """Ranked hits; ``per_kind`` keeps at most that many of each kind."""
        self._prepare()
        q = fold(query).strip()
        qwords = words_of(q)
        if not qwords or not self.entries:
            return []
        memo_key = (q, limit, kinds, per_kind)
        if len(q) <= 2 and memo_key in self._memo:  # the broadest queries come back at every new search
            return self._memo[memo_key]
        n = len(self.entries)
        matched = np.ones(n, dtype=bool)
        prefix_all = np.ones(n, dtype=bool)
        exact_all = np.ones(n, dtype=bool)
        for w in qwords:
            prefix = self._prefix_mask(w)
            matched &= prefix | self._mask(self._fuzzy_words(w))
            prefix_all &= prefix
            exact_all &= self._mask([w] if w in self._arrays else [])
        if kinds:
            matched &= np.isin(self._kinds, [KINDS.index(k) for k in kinds])
        ids = np.nonzero(matched)[0]
        if not len(ids):
            return []
        tiers = prefix_all[ids].astype(np.int64) + exact_all[ids]
        exact = self._by_key.get(q)
        if exact:
            tiers[np.isin(ids, exact)] = 3
        scores = self._scores(q, ids)
        hits = self._take(ids, tiers, scores, self._order(ids, tiers, scores, limit, per_kind), limit, per_kind)
        if len(q) <= 2:
            self._memo[memo_key] = hits
        return hits

    def _scores(self, q: str, ids: np.ndarray) -> np.ndarray:
        """Within a tier: WRatio (rapidfuzz's best all-round score) for a focused query; for a
        broad one (more than BROAD matches: a letter or two, a common word) plain ``ratio``
        against the entry's first BROAD_CHARS characters, many times cheaper, which prefers the
        entries closest to the query as a whole."""
        if len(ids) <= BROAD:
            keys, scorer = self._key_array[ids].tolist(), fuzz.WRatio
        else:
            keys, scorer = self._short_array[ids].tolist(), fuzz.ratio
        return np.round(process.cdist([q], keys, scorer=scorer, workers=1, dtype=np.float64)[0], 2)

    def _order(self, ids, tiers, scores, limit, per_kind) -> np.ndarray:
        """Positions sorted by tier, score, weight, text: one packed key, partial sort."""
        n = max(len(self.entries), 1)
        bits = int(n).bit_length()
        key = (tiers << 14) | np.round(scores * 100).astype(np.int64)  # higher is better
        key = (key << bits) | (n - 1 - self._weight_rank[ids])
        key = (key << bits) | (n - 1 - self._text_rank[ids])
        take = len(ids) if per_kind is not None or len(ids) <= 4 * limit else 4 * limit
        if take < len(ids):
            top = np.argpartition(-key, take)[:take]
            return top[np.argsort(-key[top], kind="stable")]
        return np.argsort(-key, kind="stable")

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
        scores = self._scores(q, ids)
        return self._take(ids, tiers, scores, self._order(ids, tiers, scores, len(ids), None), limit, None)


BROAD = 3000  # more matches than this: the query is too broad for WRatio to tell them apart
BROAD_CHARS = 48


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
