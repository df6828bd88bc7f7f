"""What the screens show, as plain data computed from the library: an article as the reading
pane draws it, the speakers pane's lists, a quote as it is copied or bookmarked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.nlp.labels import kind_of
from reader.nlp.records import display_text
from reader.state import Bookmark
from reader.text import shown

if TYPE_CHECKING:  # (this module is on the app's first paint: only what drawing needs at import)
    from reader.library.core import Library
    from reader.library.speakers import Speaker
    from reader.reading.navigation import Navigator

UNATTRIBUTED = "unattributed"  # the speakers pane's row for the quotes nobody was found to say


@dataclass
class Shown:
    """An article as the reading pane shows it: plain data from the library, styled there."""

    body: str
    title: str
    entities: list[tuple[int, int, str]]  # (start, end, kind)
    quotes: list[list[tuple[int, int]]]  # each quote's parts
    speakers: list[str | None]  # each quote's speaker display name
    confidence: list[str | None] | None = None  # each quote's speaker confidence (high/medium/low)

    def unsure(self, q: int) -> bool:
        """A speaker the extractor guessed at (low confidence): shown dimmed, with a "?"."""
        return self.confidence is not None and self.speakers[q] is not None and self.confidence[q] == "low"

    def quote_text(self, q: int) -> str:
        return display_text(self.body, self.quotes[q])


def article_view(lib: Library, index: int) -> Shown:
    article = lib.articles[index]
    ann = lib.annotations.get(article.id)
    if ann is None:
        return Shown(article.body, article.title, [], [], [])
    entities = [(e.start, e.end, kind_of(lib.label_of(article.body[e.start : e.end], e.label))) for e in ann.entities]
    speakers: list[str | None] = []
    confidence: list[str | None] = []
    for q in ann.quotes:
        sp = lib.people.get(lib.people.speaker_id(article.id, q.speaker, q.speaker_kind))
        speakers.append(sp.name if sp else None)
        confidence.append(q.confidence if sp else None)
    return Shown(article.body, article.title, entities, [q.parts for q in ann.quotes], speakers, confidence)


def quote_with_attribution(lib: Library, index: int, quote: int) -> str:
    """A quote as it is copied: its words, who said it (a guess says so), the article."""
    view = article_view(lib, index)
    who = (view.speakers[quote] or "unknown speaker") + (" (?)" if view.unsure(quote) else "")
    return f"“{shown(view.quote_text(quote))}” — {who}, {view.title}"


def bookmark_of(lib: Library, index: int, quote: int) -> Bookmark:
    article = lib.articles[index]
    view = article_view(lib, index)
    parts = view.quotes[quote]
    return Bookmark(
        article.id,
        parts[0][0],
        parts[-1][1],
        view.quote_text(quote),
        view.speakers[quote],
        article.title,
        str(article.path),
        article.url,
    )


def quote_at(lib: Library, index: int, start: int) -> int | None:
    """The quote of the article that begins at ``start`` (where a bookmark points)."""
    quotes = article_view(lib, index).quotes
    return next((q for q, parts in enumerate(quotes) if parts[0][0] == start), None)


def by_quotes(speakers: list[Speaker]) -> list[Speaker]:
    """Speakers as every list orders them: most quoted first, then by name."""
    return sorted(speakers, key=lambda s: (-s.quotes, s.name.lower()))


SpeakerRow = tuple[str, str, int]  # (speaker id, name, quotes)
QuoteOf = tuple[int, int, str, str]  # (article, quote, its words, the article's title)


def speaker_rows(lib: Library, nav: Navigator) -> tuple[list[SpeakerRow], Callable[[str], list[QuoteOf]]]:
    """Every speaker with their number of quotes, then the quotes nobody was found to say
    (``UNATTRIBUTED``), and a function giving their quotes in library order (made when the
    pane asks: a big library has hundreds of thousands)."""
    rows = [(s.id, s.name, s.quotes) for s in by_quotes(list(lib.people.speakers.values()))]
    nobody = nav.count_of(None)
    if nobody:
        rows.append((UNATTRIBUTED, "Unattributed", nobody))

    def quotes_of(speaker_id: str) -> list[QuoteOf]:
        found = []
        for stop in nav.stops_of(None if speaker_id == UNATTRIBUTED else speaker_id):
            article = lib.articles[stop.article]
            quote = lib.annotations[article.id].quotes[stop.quote]
            found.append((stop.article, stop.quote, quote.display(article.body), article.title))
        return found

    return rows, quotes_of


def quoted_saying(
    lib: Library, nav: Navigator, mentions: list[tuple[int, int, int]]
) -> tuple[list[SpeakerRow], Callable[[str], list[QuoteOf]]]:
    """Who is quoted saying a topic or entity: the speakers whose quotes hold one of its
    ``mentions`` ((article, start, end)), with how many such quotes each, most first (then
    ``UNATTRIBUTED``), and a function giving those quotes of a speaker in library order."""
    by_article: dict[int, list[tuple[int, int]]] = {}
    for a, start, end in mentions:
        by_article.setdefault(a, []).append((start, end))
    found: dict[str, list[QuoteOf]] = {}
    for a in sorted(by_article):
        article = lib.articles[a]
        ann = lib.annotations.get(article.id)
        if ann is None:
            continue
        for q, quote in enumerate(ann.quotes):
            if any(s <= start and end <= e for s, e in quote.parts for start, end in by_article[a]):
                sid = lib.people.speaker_id(article.id, quote.speaker, quote.speaker_kind) or UNATTRIBUTED
                found.setdefault(sid, []).append((a, q, quote.display(article.body), article.title))
    names = {sid: (lib.people.speakers[sid].name if sid in lib.people.speakers else "Unattributed") for sid in found}
    rows = sorted(
        ((sid, names[sid], len(qs)) for sid, qs in found.items()), key=lambda r: (r[0] == UNATTRIBUTED, -r[2], r[1].lower())
    )
    return rows, lambda sid: found.get(sid, [])
