"""Moving between quotes across the library: next/previous, and next by the same speaker.

Pure: the app asks it where to go and shows the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from reader.library.core import Library
    from reader.nlp.records import Quote
    from reader.sources.article import Article


CONFIDENCE: list[str | None] = [None, "low", "medium", "high"]  # codes in the array


@dataclass(frozen=True)
class Stop:
    """One quote in library order."""

    article: int  # index of the article in the list's order
    quote: int  # index of the quote in its article
    speaker_id: str | None


@dataclass(frozen=True)
class Move:
    stop: Stop | None
    wrapped: bool = False  # went past the end (or start) of the library and came round


class Navigator:
    """Every quote of the library in order, as arrays (a big library has hundreds of
    thousands: as objects they were tens of megabytes)."""

    def __init__(self, stops: list[Stop], confidence: Sequence[str | None] = ()):
        """``confidence``: each stop's speaker confidence ("high", "medium", "low" or None),
        for the library's figures; unknown when not given."""
        self._article = np.array([s.article for s in stops], dtype=np.int32)
        self._confidence = np.array([CONFIDENCE.index(c) for c in confidence] or [0] * len(stops), dtype=np.int8)
        self._quote = np.array([s.quote for s in stops], dtype=np.int32)
        self._speakers: list[str | None] = [None]  # speaker code -> id; 0 is nobody
        codes: dict[str | None, int] = {None: 0}
        for s in stops:
            if s.speaker_id not in codes:
                codes[s.speaker_id] = len(self._speakers)
                self._speakers.append(s.speaker_id)
        self._code = codes
        self._speaker = np.array([codes[s.speaker_id] for s in stops], dtype=np.int32)
        self._keys = (self._article.astype(np.int64) << 32) | self._quote  # sorted: library order

    @classmethod
    def for_library(
        cls,
        articles: list[Article],
        quotes_of: Callable[[Article], Sequence[Quote]],
        speaker_of: Callable[[Article, Quote], str | None],
    ) -> Navigator:
        """``quotes_of(article)`` gives its quotes in text order; ``speaker_of(article, quote)``
        gives the merged speaker id or None."""
        stops, confidence = [], []
        for a, article in enumerate(articles):
            for q, quote in enumerate(quotes_of(article)):
                speaker = speaker_of(article, quote)
                stops.append(Stop(a, q, speaker))
                confidence.append((quote.confidence or "medium") if speaker else None)
        return cls(stops, confidence)

    def __len__(self) -> int:
        return len(self._keys)

    def stop(self, n: int) -> Stop:
        return Stop(int(self._article[n]), int(self._quote[n]), self._speakers[self._speaker[n]])

    def stops_of(self, speaker_id: str | None) -> list[Stop]:
        """A speaker's quotes in library order (None: the quotes without a speaker)."""
        code = self._code.get(speaker_id)
        return [] if code is None else [self.stop(int(n)) for n in np.nonzero(self._speaker == code)[0]]

    def articles_of(self, speaker_id: str | None) -> np.ndarray:
        """The articles (indexes, ascending) where a speaker is quoted."""
        code = self._code.get(speaker_id)
        return np.unique(self._article[self._speaker == code]) if code is not None else np.zeros(0, np.int32)

    def quoted_beside(self, speaker_id: str) -> list[tuple[str, int]]:
        """Everyone else quoted in the articles where ``speaker_id`` is, with the number of
        those articles each shares, most shared first."""
        code = self._code.get(speaker_id)
        if code is None:
            return []
        here = np.isin(self._article, self.articles_of(speaker_id))
        others = here & (self._speaker != code) & (self._speaker != 0)
        pairs = np.unique((self._article[others].astype(np.int64) << 32) | self._speaker[others])
        counts = np.bincount((pairs & 0xFFFFFFFF).astype(np.int64), minlength=len(self._speakers))
        found = [(sid, int(n)) for sid, n in zip(self._speakers, counts) if n and sid is not None]
        return sorted(found, key=lambda x: -x[1])

    def per_article(self, articles: int) -> np.ndarray:
        """How many quotes each of the first ``articles`` articles has, by article index."""
        return np.bincount(self._article, minlength=articles)[:articles]

    def confidence_counts(self) -> dict[str | None, int]:
        """Quotes by their speaker's confidence (None: no speaker)."""
        counts = np.bincount(self._confidence, minlength=len(CONFIDENCE))
        return {c: int(counts[i]) for i, c in enumerate(CONFIDENCE)}

    def count_of(self, speaker_id: str | None) -> int:
        code = self._code.get(speaker_id)
        return 0 if code is None else int(np.count_nonzero(self._speaker == code))

    def index(self, article: int, quote: int) -> int | None:
        key = (article << 32) | quote
        n = int(np.searchsorted(self._keys, key))
        return n if n < len(self._keys) and self._keys[n] == key else None

    def step(self, article: int, quote: int | None, forward: bool = True) -> Move:
        """The next (or previous) quote. With no current quote, the first quote of the current
        article (or the last, going back), else the nearest one in the articles after it."""
        size = len(self._keys)
        if not size:
            return Move(None)
        if quote is not None and (n := self.index(article, quote)) is not None:
            m = n + (1 if forward else -1)
            if 0 <= m < size:
                return Move(self.stop(m))
            return Move(self.stop(0 if forward else size - 1), wrapped=True)
        if forward:  # the first quote of this article or of one after it
            n = int(np.searchsorted(self._article, article, side="left"))
            return Move(self.stop(n)) if n < size else Move(self.stop(0), wrapped=True)
        # the last quote of this article, or of one before it
        n = int(np.searchsorted(self._article, article, side="right")) - 1
        return Move(self.stop(n)) if n >= 0 else Move(self.stop(size - 1), wrapped=True)

    def step_speaker(self, article: int, quote: int, forward: bool = True) -> Move:
        """The next (or previous) quote by the same speaker, across the library."""
        n = self.index(article, quote)
        if n is None or not self._speaker[n]:
            return Move(None)
        same = np.nonzero(self._speaker == self._speaker[n])[0]
        if len(same) == 1:
            return Move(None)
        at = int(np.searchsorted(same, n))
        m = at + (1 if forward else -1)
        if 0 <= m < len(same):
            return Move(self.stop(int(same[m])))
        return Move(self.stop(int(same[m % len(same)])), wrapped=True)


def library_navigator(lib: Library) -> Navigator:
    """Every quote of ``lib`` in its list's order, with its merged speaker (run ``lib.finish()``
    first)."""
    return Navigator.for_library(
        lib.articles,
        lambda a: lib.annotations[a.id].quotes if a.id in lib.annotations else [],
        lambda a, q: lib.people.speaker_id(a.id, q.speaker, q.speaker_kind),
    )
