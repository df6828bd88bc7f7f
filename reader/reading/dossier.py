"""A speaker's record across the library: who they are said to be, when and where they were
quoted, what they said, and who was quoted beside them. For the app's dossier screen and
`reader speaker`."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.reading.charts import Timeline, timeline
from reader.reading.listing import date_key

if TYPE_CHECKING:
    from reader.library.core import Library
    from reader.reading.navigation import Navigator

ROLES_SHOWN = 8  # a much-quoted person collects dozens, most of them once (and some noise)
ORGANISATIONS_SHOWN = 5
FIRST_LINE = 100  # characters of a quote shown in the list of quotes


@dataclass
class QuoteLine:
    article: int  # index in the library
    quote: int  # index in its article
    text: str  # its first line, cut at FIRST_LINE
    low_confidence: bool


@dataclass
class ArticleQuotes:
    article: int
    date: str  # "YYYY-MM-DD" or ""
    source: str
    title: str
    quotes: list[QuoteLine]


@dataclass
class Dossier:
    speaker_id: str
    name: str
    kind: str  # person, org, group, description
    spellings: list[str]  # other ways the articles write the name
    roles: list[str]  # the ones the most articles give, most first
    organisations: list[str]  # the same
    more_roles: int  # roles given less often, not listed
    quotes: int
    low_confidence: int
    articles: list[ArticleQuotes]  # newest first; undated ones last
    over_time: Timeline  # quotes by article date
    beside: list[tuple[str, str, int]] = field(default_factory=list)  # (id, name, articles shared)


def first_line(text: str, limit: int = FIRST_LINE) -> str:
    """The first line of ``text``, with "…" when there is more."""
    lines = text.strip().splitlines() or [""]
    line = lines[0].strip()
    return line[: limit - 1].rstrip() + "…" if len(lines) > 1 or len(line) > limit else line


def dossier(lib: Library, nav: Navigator, speaker_id: str, beside: int = 12) -> Dossier | None:
    """The dossier of ``speaker_id`` (None when no such speaker is quoted)."""
    speaker = lib.people.get(speaker_id)
    if speaker is None:
        return None
    # the fullest few of their names ("Maria Lopez, a nurse at ..."; a surname alone, rarely)
    names = sorted({speaker.name, *speaker.aliases}, key=len, reverse=True)[:4]
    by_article: dict[int, ArticleQuotes] = {}
    dates: list[str] = []
    organisations: Counter[str] = Counter()  # in how many articles
    roles: Counter[str] = Counter()  # (folded) in how many articles
    spelled: dict[str, str] = {}  # folded role -> as first written
    seen_here: set[str] = set()  # roles counted for this article
    low = 0
    for stop in nav.stops_of(speaker_id):
        article = lib.articles[stop.article]
        ann = lib.annotations[article.id]
        quote = ann.quotes[stop.quote]
        entry = by_article.get(stop.article)
        if entry is None:
            entry = by_article[stop.article] = ArticleQuotes(
                stop.article, date_key(article.date), article.source or "", article.title, []
            )
            if speaker.kind == "person":  # (a description, "the minister", names no one)
                organisations.update(set(_organisations(lib, stop.article, names)))
            seen_here = set()
        for role in quote.roles:
            key = role.lower()
            spelled.setdefault(key, role)
            if key not in seen_here:
                seen_here.add(key)
                roles[key] += 1
        sure = quote.confidence != "low"
        low += not sure
        entry.quotes.append(QuoteLine(stop.article, stop.quote, first_line(quote.display(article.body)), not sure))
        dates.append(entry.date)
    dated = sorted((a for a in by_article.values() if a.date), key=lambda a: (a.date, -a.article), reverse=True)
    ordered = dated + [a for a in by_article.values() if not a.date]
    near = [
        (sid, lib.people.speakers[sid].name, n) for sid, n in nav.quoted_beside(speaker_id)[:beside] if sid in lib.people.speakers
    ]
    return Dossier(
        speaker_id=speaker_id,
        name=speaker.name,
        kind=speaker.kind,
        spellings=_other_spellings(speaker.name, speaker.aliases),
        roles=[spelled[k] for k, _ in roles.most_common(ROLES_SHOWN)],
        more_roles=max(0, len(roles) - ROLES_SHOWN),
        organisations=[o for o, _ in organisations.most_common(ORGANISATIONS_SHOWN)],
        quotes=sum(len(a.quotes) for a in ordered),
        low_confidence=low,
        articles=ordered,
        over_time=timeline(dates),
        beside=near,
    )


def _other_spellings(name: str, aliases: list[str]) -> list[str]:
    """The aliases that read differently from the name (not just in their spaces)."""
    seen = {" ".join(name.split())}
    out = []
    for alias in aliases:
        key = " ".join(alias.split())
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


APPOSITION = 90  # characters from a name to an organisation in the description after it


def _organisations(lib: Library, article_index: int, names: list[str]) -> list[str]:
    """Organisations the article names in a description right after the person's name, in
    the same sentence: "Marco Bell, a spokesman for the Riverside Transit Authority," gives
    "Riverside Transit Authority"."""
    article = lib.articles[article_index]
    body = article.body
    windows = []  # (start, end) of the text after "Name," up to the sentence's end
    for name in names:
        at = body.find(name + ",")
        while at >= 0:
            start = at + len(name) + 1
            window = _SENTENCE_END.split(body[start : start + APPOSITION], 1)[0]
            windows.append((start, start + len(window)))
            at = body.find(name + ",", start)
    if not windows:  # (most articles: no entity need be read)
        return []
    found = []
    for ent in lib.annotations[article.id].entities:
        if any(a <= ent.start and ent.end <= b for a, b in windows):
            text = body[ent.start : ent.end]
            if lib.label_of(text, ent.label) == "ORG":
                found.append(text.removeprefix("the ").removeprefix("The "))
    return found


_SENTENCE_END = re.compile(r"[.;“”\"\n]")
