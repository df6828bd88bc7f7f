"""Moving between quotes across the library: next/previous, and next by the same speaker.

Pure: the app asks it where to go and shows the answer.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    def __init__(self, stops: list[Stop]):
        self.stops = stops
        self._index = {(s.article, s.quote): n for n, s in enumerate(stops)}

    @classmethod
    def for_library(cls, articles, quotes_of, speaker_of) -> Navigator:
        """``quotes_of(article)`` gives its quotes in text order; ``speaker_of(article, quote)``
        gives the merged speaker id or None."""
        stops = []
        for a, article in enumerate(articles):
            for q, quote in enumerate(quotes_of(article)):
                stops.append(Stop(a, q, speaker_of(article, quote)))
        return cls(stops)

    def index(self, article: int, quote: int) -> int | None:
        return self._index.get((article, quote))

    def step(self, article: int, quote: int | None, forward: bool = True) -> Move:
        """The next (or previous) quote. With no current quote, the first quote of the current
        article (or the last, going back), else the nearest one in the articles after it."""
        if not self.stops:
            return Move(None)
        if quote is not None and (n := self.index(article, quote)) is not None:
            m = n + (1 if forward else -1)
            if 0 <= m < len(self.stops):
                return Move(self.stops[m])
            return Move(self.stops[0 if forward else -1], wrapped=True)
        if forward:
            for s in self.stops:
                if s.article >= article:
                    return Move(s)
            return Move(self.stops[0], wrapped=True)
        for s in reversed(self.stops):
            if s.article <= article:
                # the last quote of this article, or of one before it
                return Move(s)
        return Move(self.stops[-1], wrapped=True)

    def step_speaker(self, article: int, quote: int, forward: bool = True) -> Move:
        """The next (or previous) quote by the same speaker, across the library."""
        n = self.index(article, quote)
        if n is None:
            return Move(None)
        speaker = self.stops[n].speaker_id
        if speaker is None:
            return Move(None)
        size = len(self.stops)
        for k in range(1, size + 1):
            m = n + k if forward else n - k
            s = self.stops[m % size]
            if s.speaker_id == speaker:
                wrapped = not 0 <= m < size
                return Move(s, wrapped=wrapped)
        return Move(None)
