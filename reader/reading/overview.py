"""The library at a glance: who is quoted most, quotes per source, how sure the speakers are,
articles and quotes over time. For the app's overview screen and `reader stats`.

Everything comes from arrays already built (the navigator's, the speakers' counts) and one
pass over the articles' dates, so it is quick on a big library."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.reading.charts import Timeline, timeline
from reader.reading.listing import NO_SOURCE, date_key

if TYPE_CHECKING:
    from reader.library.core import Library
    from reader.reading.navigation import Navigator


@dataclass
class Overview:
    articles: int
    quotes: int
    speakers: int
    most_quoted: list[tuple[str, str, int]]  # people: (speaker id, name, quotes)
    by_source: list[tuple[str, int, int]]  # (source, articles, quotes), most quotes first
    with_speaker: int  # quotes with a speaker found with medium or high confidence
    low_confidence: int  # ... with a speaker guessed (low confidence)
    without_speaker: int
    articles_over_time: Timeline
    quotes_over_time: Timeline  # the same periods


def overview(lib: Library, nav: Navigator, top: int = 15) -> Overview:
    quotes_of = nav.per_article(len(lib.articles)).tolist()
    sources: Counter[str] = Counter()
    source_quotes: Counter[str] = Counter()
    dates = []
    for article, n in zip(lib.articles, quotes_of):
        source = article.source or NO_SOURCE
        sources[source] += 1
        source_quotes[source] += n
        dates.append(date_key(article.date))
    articles_time = timeline(dates)
    confidence = nav.confidence_counts()
    quoted = [s for s in lib.people.speakers.values() if s.quotes]
    people = heapq.nsmallest(top, (s for s in quoted if s.kind == "person"), key=lambda s: (-s.quotes, s.name.lower()))
    return Overview(
        articles=len(lib.articles),
        quotes=len(nav),
        speakers=len(quoted),
        most_quoted=[(s.id, s.name, s.quotes) for s in people],  # (by_quotes' order, the top only)
        by_source=sorted(((s, sources[s], source_quotes[s]) for s in sources), key=lambda x: (-x[2], -x[1], x[0])),
        with_speaker=confidence["medium"] + confidence["high"],
        low_confidence=confidence["low"],
        without_speaker=confidence[None],
        articles_over_time=articles_time,
        quotes_over_time=timeline(dates, articles_time.unit, weights=quotes_of),  # (the same periods)
    )
