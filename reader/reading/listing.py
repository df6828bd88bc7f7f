"""The article list as the reader shapes it: sorted by date or title, grouped by source with
unread counts, or only the unread. Plain data: the UI draws it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from reader.sources.article import Article

SORTS = ("library", "date", "title")  # as loaded; newest first; A to Z
SORT_NAMES = {"library": "as loaded", "date": "newest first", "title": "by title"}
NO_SOURCE = "(no source)"


@dataclass(frozen=True)
class Heading:
    """A group's line: its source, how many articles, how many unread."""

    source: str
    articles: int
    unread: int


Item = int | Heading  # an article (its index in the library) or a group's heading


def source_of(article: Article) -> str:
    """What an article is grouped under: its publisher, else the folder it came from."""
    if article.source:
        return article.source
    return article.path.parent.name or NO_SOURCE


def shape(
    articles: Sequence[Article],
    listed: Sequence[int],
    read: set[str],
    sort: str = "library",
    grouped: bool = False,
    unread_only: bool = False,
) -> list[Item]:
    """The list's lines for the articles ``listed`` (a filter's, in library order)."""
    chosen = [i for i in listed if not (unread_only and articles[i].id in read)]
    if sort == "date":  # newest first; undated at the end, in library order
        keys = {i: date_key(articles[i].date) for i in chosen}
        dated = sorted((i for i in chosen if keys[i]), key=lambda i: keys[i], reverse=True)
        chosen = dated + [i for i in chosen if not keys[i]]
    elif sort == "title":
        chosen = sorted(chosen, key=lambda i: articles[i].title.casefold())
    if not grouped:
        return list(chosen)
    groups: dict[str, list[int]] = {}
    for i in chosen:
        groups.setdefault(source_of(articles[i]), []).append(i)
    out: list[Item] = []
    for source in sorted(groups, key=lambda s: (s == NO_SOURCE, s.casefold())):
        members = groups[source]
        out.append(Heading(source, len(members), sum(articles[i].id not in read for i in members)))
        out.extend(members)
    return out


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_key(date: str | None) -> str:
    """A date as "YYYY-MM-DD" for ordering ("" when there is none or it cannot be read):
    ISO dates as written, and the RFC 822 dates of feeds ("Tue, 10 May 2022 ...")."""
    if not date:
        return ""
    m = _ISO.search(date)
    if m:
        return m.group()
    try:
        return parsedate_to_datetime(date).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return ""


def next_sort(sort: str) -> str:
    return SORTS[(SORTS.index(sort) + 1) % len(SORTS)] if sort in SORTS else SORTS[0]
