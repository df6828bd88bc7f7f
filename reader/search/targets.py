"""Where a search hit leads, decided once for the CLI and the app: a speaker, the mentions of
an entity or topic, a quote, an article, or a place in an article's text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.library.core import Library
from reader.search.entries import mentions
from reader.search.index import Hit


@dataclass(frozen=True)
class SpeakerTarget:
    speaker_id: str
    name: str


@dataclass(frozen=True)
class MentionsTarget:
    """An entity or topic: every place it is mentioned (computed when asked)."""

    kind: str  # "entity" or "topic"
    name: str
    ref: tuple[Any, ...]

    def mentions(self, lib: Library) -> list[tuple[int, int, int]]:
        return mentions(lib, self.ref)


@dataclass(frozen=True)
class QuoteTarget:
    article: int
    quote: int
    start: int
    end: int
    speaker_id: str | None


@dataclass(frozen=True)
class ArticleTarget:
    article: int


@dataclass(frozen=True)
class TextTarget:
    article: int
    start: int
    end: int


Target = SpeakerTarget | MentionsTarget | QuoteTarget | ArticleTarget | TextTarget


def target_of(lib: Library, hit: Hit) -> Target:
    entry = hit.entry
    if entry.kind == "speaker":
        return SpeakerTarget(entry.ref[0], entry.title)
    if entry.kind in ("entity", "topic"):
        return MentionsTarget(entry.kind, entry.title, entry.ref)
    if entry.kind == "quote":
        article_index, quote_index = entry.ref
        article = lib.articles[article_index]
        q = lib.annotations[article.id].quotes[quote_index]
        speaker_id = lib.people.speaker_id(article.id, q.speaker, q.speaker_kind)
        return QuoteTarget(article_index, quote_index, q.start, q.end, speaker_id)
    if entry.kind == "text":
        return TextTarget(*entry.ref)
    return ArticleTarget(entry.ref[0])
