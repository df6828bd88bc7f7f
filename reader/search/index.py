"""The in-memory search index: speakers, entities, topics, quotes, titles and paragraphs.

Ranking (one definition, ``rank`` plus ``_scores``): an exact match first, then entries that
hold every query word as a whole word, then as a word prefix (what is being typed), then
fuzzily (rapidfuzz ``ratio`` per word at least ``fuzzy_cutoff`` of its length, for words of three
letters or more: a short word's one slip costs more of its ratio, "holly" finds "Hollie").
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
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from reader.text import fold

_Ints = npt.NDArray[np.int64]
_Floats = npt.NDArray[np.float64]

FUZZY_CUTOFF = 75
FUZZY_SHORT_CUTOFF = 70  # words shorter than FUZZY_SHORT letters
FUZZY_SHORT = 7
FUZZY_MIN_LEN = 3


def fuzzy_cutoff(word: str) -> int:
    return FUZZY_SHORT_CUTOFF if len(word) < FUZZY_SHORT else FUZZY_CUTOFF


KINDS = ("speaker", "topic", "entity", "quote", "article", "text")
_WORD = re.compile(r"[\w'’]+")


# A word: letters, digits and inner apostrophes ("o'leary"), none at its ends ("’90s" is 90s).
_INNER_WORD = re.compile(r"\w(?:[\w'’]*\w)?")


def words_of(folded: str) -> list[str]:
    return _INNER_WORD.findall(folded)


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # one of KINDS
    text: str  # what is shown and searched
    weight: float = 1.0  # how often: a speaker's quotes, an entity's mentions
    ref: tuple[Any, ...] = ()  # what it points at (speaker id, entity key, (article, start, end), ...)
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


# Kinds with one entry per paragraph or quote: hundreds of thousands in a big library. Their
# text is not kept by the index (``entries[i]`` makes it again from the article when needed),
# they sort after the other kinds' A-Z order in the order they were added, and within a tier
# they are not scored (see ``_scores``).
BULK = frozenset({"quote", "text"})
_MEMO_MASKS = 32


class SearchIndex:
    """``entries`` may be any sequence of ``Entry``: a big library passes one that makes its
    paragraph and quote entries on demand, so the index holds columns, not texts."""

    def __init__(self, entries: Sequence[Entry] = ()) -> None:
        self._parts: list[tuple[int, Sequence[Entry]]] = []  # (first index, sequence)
        self._n = 0
        self._keys: list[str | None] = []  # folded text; None for bulk entries
        self._key_len = array("I")
        self._kind = array("b")
        self._weight = array("d")
        self._by_key: dict[str, int | list[int]] = {}  # an int: most keys are one entry's
        self._word_id: dict[str, int] = {}
        self._post_words = array("I")  # (word, entry) pairs, sorted into postings by _prepare
        self._post_entries = array("I")
        self._postings: npt.NDArray[np.int32] | None = None
        self._starts: npt.NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        self._dirty = True
        self.add(entries)

    def __len__(self) -> int:
        return self._n

    def entry(self, i: int) -> Entry:
        first, seq = self._parts[bisect_right(self._parts, i, key=lambda p: p[0]) - 1]
        return seq[i - first]

    def key(self, i: int) -> str:
        key = self._keys[i]
        return key if key is not None else fold(self.entry(i).text)

    def add(self, entries: Sequence[Entry]) -> None:
        """Add entries (cheap; the sorted views are rebuilt at the next search)."""
        if not len(entries):
            return
        self._parts.append((self._n, entries))
        word_id = self._word_id
        for entry in entries:
            n = self._n
            self._n += 1
            key = fold(entry.text)
            bulk = entry.kind in BULK
            self._keys.append(None if bulk else key)
            self._key_len.append(len(key))
            self._kind.append(KINDS.index(entry.kind))
            self._weight.append(entry.weight)
            if not bulk:
                had = self._by_key.setdefault(key, n)
                if had != n:
                    self._by_key[key] = [*had, n] if isinstance(had, list) else [had, n]
            words = set(words_of(key))
            for w in words.difference(word_id):
                word_id[w] = len(word_id)
            self._post_words.extend(map(word_id.__getitem__, words))
            self._post_entries.extend(repeat(n, len(words)))
        self._dirty = True

    def prepare(self) -> None:
        if not self._dirty:
            return
        n = self._n
        # postings: one array of entry ids grouped by word, and where each word's run starts;
        # the (word, entry) pairs are let go once sorted (tens of megabytes in a big library)
        words = np.frombuffer(self._post_words, dtype=np.uint32).astype(np.int32)
        entries = np.frombuffer(self._post_entries, dtype=np.uint32).astype(np.int32)
        self._post_words, self._post_entries = array("I"), array("I")
        if self._postings is not None:  # entries added after a search: merge with the old
            old_words = np.repeat(np.arange(len(self._starts) - 1, dtype=np.int32), np.diff(self._starts))
            words, entries = np.concatenate([old_words, words]), np.concatenate([self._postings, entries])
        order = np.argsort(words, kind="stable")
        self._postings = entries[order]
        self._starts = np.zeros(len(self._word_id) + 1, dtype=np.int64)
        np.cumsum(np.bincount(words, minlength=len(self._word_id)), out=self._starts[1:])
        del words, entries, order
        self._vocab = sorted(self._word_id)
        by_len: dict[int, list[str]] = defaultdict(list)
        for w in self._vocab:
            by_len[len(w)].append(w)
        self._by_len = dict(by_len)
        # Ties are broken by weight, then text: both as ranks, packed into one sort key.
        weights = np.array(self._weight, dtype=np.float64)
        self._weight_rank = np.empty(n, dtype=np.int32)
        self._weight_rank[np.argsort(-weights, kind="stable")] = np.arange(n, dtype=np.int32)
        self._bulk = np.fromiter((k is None for k in self._keys), dtype=bool, count=n)
        small = np.nonzero(~self._bulk)[0].tolist()
        small.sort(key=lambda i: self.entry(i).text.lower())
        self._text_rank = np.empty(n, dtype=np.int32)
        self._text_rank[np.array(small, dtype=np.int32)] = np.arange(len(small), dtype=np.int32)
        self._text_rank[self._bulk] = np.arange(len(small), n, dtype=np.int32)
        self._kinds = np.array(self._kind, dtype=np.int8)
        self._key_lens = np.array(self._key_len, dtype=np.int32)
        self._masks: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memo: dict[tuple[Any, ...], list[Hit]] = {}
        self._dirty = False

    def _posting(self, w: str) -> np.ndarray:
        wid = self._word_id[w]
        assert self._postings is not None  # (prepared before any search)
        return self._postings[self._starts[wid] : self._starts[wid + 1]]

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
        c, n = fuzzy_cutoff(w), len(w)
        least, most = -(-c * n // (200 - c)), (200 - c) * n // c
        found: list[str] = []
        for n in range(least, most + 1):
            bucket = self._by_len.get(n)
            if not bucket:
                continue
            scores = process.cdist([w], bucket, scorer=fuzz.ratio, score_cutoff=c, workers=1)[0]
            found.extend(bucket[i] for i in np.nonzero(scores)[0])
        return found

    def _mask(self, words: list[str]) -> np.ndarray:
        mask = np.zeros(self._n, dtype=bool)
        if words:
            mask[np.concatenate([self._posting(v) for v in words])] = True
        return mask

    def _prefix_mask(self, w: str) -> np.ndarray:
        """Entries with a word starting with ``w``; kept for one- and two-letter prefixes,
        which are the expensive ones and come back at every new query."""
        if len(w) > 2:
            return self._mask(self._prefix_words(w))
        mask = self._masks.get(w)
        if mask is None:
            mask = self._masks[w] = self._mask(self._prefix_words(w))
            if len(self._masks) > _MEMO_MASKS:
                self._masks.popitem(last=False)
        else:
            self._masks.move_to_end(w)
        return mask

    def search(self, query: str, limit: int = 10, kinds: tuple[str, ...] | None = None, per_kind: int | None = None) -> list[Hit]:
        """Ranked hits; ``per_kind`` keeps at most that many of each kind."""
        self.prepare()
        q = fold(query).strip()
        qwords = words_of(q)
        if not qwords or not self._n:
            return []
        memo_key = (q, limit, kinds, per_kind)
        if len(q) <= 2 and memo_key in self._memo:  # the broadest queries come back at every new search
            return self._memo[memo_key]
        n = self._n
        matched = np.ones(n, dtype=bool)
        prefix_all = np.ones(n, dtype=bool)
        exact_all = np.ones(n, dtype=bool)
        for w in qwords:
            prefix = self._prefix_mask(w)
            matched &= prefix | self._mask(self._fuzzy_words(w))
            prefix_all &= prefix
            exact_all &= self._mask([w] if w in self._word_id else [])
        if kinds:
            matched &= np.isin(self._kinds, [KINDS.index(k) for k in kinds])
        ids = np.nonzero(matched)[0]
        if not len(ids):
            return []
        tiers = prefix_all[ids].astype(np.int64) + exact_all[ids]
        tiers[self._exact(q, ids)] = 3
        scores = self._scores(q, ids)
        hits = self._take(ids, tiers, scores, self._order(ids, tiers, scores, limit, per_kind), limit, per_kind)
        if len(q) <= 2:
            self._memo[memo_key] = hits
        return hits

    def _exact(self, q: str, ids: np.ndarray) -> np.ndarray:
        """Which of ``ids`` are the query itself."""
        out = np.zeros(len(ids), dtype=bool)
        exact = self._by_key.get(q)
        if exact is not None:
            out |= np.isin(ids, exact)
        for j in np.nonzero(self._bulk[ids] & (self._key_lens[ids] == len(q)))[0]:
            out[j] = self.key(int(ids[j])) == q
        return out

    def _scores(self, q: str, ids: np.ndarray) -> np.ndarray:
        """Within a tier: WRatio (rapidfuzz's best all-round score) for a focused query; for a
        broad one (more than BROAD matches: a letter or two, a common word) plain ``ratio``
        against the entry's first BROAD_CHARS characters, many times cheaper, which prefers the
        entries closest to the query as a whole. Paragraphs and quotes are not scored: against
        a long text WRatio says little, and making their texts again for every keystroke was
        most of the search's time in a big library; they keep reading order within a tier."""
        scores = np.zeros(len(ids), dtype=np.float64)
        pos = np.nonzero(~self._bulk[ids])[0]
        if not len(pos):
            return scores
        if len(ids) <= BROAD:
            keys, scorer = [self._keys[i] for i in ids[pos].tolist()], fuzz.WRatio
        else:
            keys, scorer = [self._keys[i][:BROAD_CHARS] for i in ids[pos].tolist()], fuzz.ratio
        scores[pos] = np.round(process.cdist([q], keys, scorer=scorer, workers=1, dtype=np.float64)[0], 2)
        return scores

    def _order(self, ids: _Ints, tiers: _Ints, scores: _Floats, limit: int, per_kind: int | None) -> _Ints:
        """Positions sorted by tier, score, weight, text: one packed key, partial sorts (for
        ``per_kind``, each kind's best are taken apart)."""
        n = max(self._n, 1)
        bits = int(n).bit_length()
        key = (tiers << 14) | np.round(scores * 100).astype(np.int64)  # higher is better
        key = (key << bits) | (n - 1 - self._weight_rank[ids].astype(np.int64))
        key = (key << bits) | (n - 1 - self._text_rank[ids].astype(np.int64))
        if per_kind is None:
            pos = _top(key, np.arange(len(ids)), 4 * limit)
        else:
            kinds = self._kinds[ids]
            pos = np.concatenate([_top(key, np.nonzero(kinds == k)[0], 4 * per_kind) for k in np.unique(kinds)])
        return pos[np.argsort(-key[pos], kind="stable")]

    def _take(self, ids: _Ints, tiers: _Ints, scores: _Floats, order: _Ints, limit: int, per_kind: int | None) -> list[Hit]:
        hits: list[Hit] = []
        counts: dict[str, int] = defaultdict(int)
        seen: set[Any] = set()
        for j in order:
            entry = self.entry(int(ids[j]))
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
        self.prepare()
        q = fold(query).strip()
        qwords = words_of(q)
        scored = []
        for n in range(self._n):
            tier = rank(q, qwords, self.key(n))
            if tier is not None:
                scored.append((n, tier))
        if not scored:
            return []
        ids = np.array([n for n, _ in scored], dtype=np.int64)
        tiers = np.array([t for _, t in scored], dtype=np.int64)
        scores = self._scores(q, ids)
        return self._take(ids, tiers, scores, self._order(ids, tiers, scores, len(ids), None), limit, None)


def _top(key: np.ndarray, pos: np.ndarray, take: int) -> np.ndarray:
    """The ``take`` positions among ``pos`` with the highest keys (unordered)."""
    if len(pos) <= take:
        return pos
    return pos[np.argpartition(-key[pos], take)[:take]]


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
        if len(w) >= FUZZY_MIN_LEN and any(fuzz.ratio(w, k) >= fuzzy_cutoff(w) for k in kset):
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
            if len(q) >= FUZZY_MIN_LEN and fuzz.ratio(q, w) >= fuzzy_cutoff(q):
                spans.append((m.start(), m.end()))
                break
    return spans
