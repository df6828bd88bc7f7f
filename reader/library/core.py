"""A library: the articles under some paths, their cached annotations, and what is computed
across all of them (entity label votes, merged speakers)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from reader import faults
from reader.library.cache import Cache
from reader.library.entities import name_key, vote_labels
from reader.library.speakers import Speaker, SpeakerIndex
from reader.limits import DEFAULT, Limits
from reader.nlp import pipeline
from reader.nlp.labels import NAME_LABELS
from reader.nlp.records import Annotation, Quote, compact, fits
from reader.nlp.version import ANNOTATOR_VERSION
from reader.sources.article import Article
from reader.sources.files import load_paths
from reader.text import safe

T = TypeVar("T")


def pipeline_key(model: str | None = None) -> str:
    info = pipeline.model_info(model)
    return f"a{ANNOTATOR_VERSION}-{info.key}"


@dataclass
class QuoteRow:
    """A quote with its article and its library-wide speaker."""

    article: Article
    quote: Quote
    speaker: Speaker | None

    @property
    def text(self) -> str:
        """The words, parts joined by a space (what scripts read)."""
        return self.quote.words(self.article.body)

    @property
    def display(self) -> str:
        """The words as a reader sees them: the gap between parts shown as “…”."""
        return self.quote.display(self.article.body)

    @property
    def confidence(self) -> str | None:
        return self.quote.confidence if self.speaker else None

    def shown_speaker(self, nobody: str | None) -> str | None:
        """The speaker's name for people to read; a guessed one (low confidence) with "(?)"."""
        if self.speaker is None:
            return nobody
        return self.speaker.name + (" (?)" if self.confidence == "low" else "")

    @property
    def mention(self) -> str | None:
        m = self.quote.mention
        return self.article.body[m[0] : m[1]] if m else None


@dataclass
class Library:
    articles: list[Article]
    annotations: dict[str, Annotation] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    speakers: SpeakerIndex | None = None
    _reported: set[tuple[str, str]] = field(default_factory=set, repr=False)
    _by_id: dict[str, Article] | None = field(default=None, repr=False)

    @property
    def people(self) -> SpeakerIndex:
        """The merged speakers: there once ``finish`` has run."""
        assert self.speakers is not None, "the library is not finished"
        return self.speakers

    def article(self, article_id: str) -> Article:
        if self._by_id is None or len(self._by_id) != len(self.articles):
            self._by_id = {a.id: a for a in self.articles}
        return self._by_id[article_id]

    def add(self, article: Article, ann: Annotation) -> None:
        """An article's annotation, kept compact; a failed one is reported in ``problems``."""
        if ann.error is not None:
            self.problems.append(failure_message(article, ann.error))
        self.annotations[article.id] = compact(ann)

    def finish(self) -> Library:
        """The library-wide steps: cheap, so recomputed from the cached parts on every run.
        What fails for one article (or one speaker entry) costs that article's part only and
        is reported once in ``problems``."""
        # Generators and a set, not lists of every mention: at 10,000 articles those lists
        # were a hundred megabytes the process kept after they were freed.
        self.labels = vote_labels(self._mentions())
        people = {text for text, label in self._mentions() if self.label_of(text, label) == "PERSON"}
        quoted = [entry for article in self.articles for entry in self._guarded(article, "listing speakers", self._quoted)]
        self.speakers = SpeakerIndex(quoted, people)
        # a name the text treats as a speaker is a person wherever it occurs
        for sp in self.speakers.speakers.values():
            if sp.kind == "person":
                self.labels.update(dict.fromkeys((name_key(a) for a in sp.aliases), "PERSON"))
        for article_id, exc in self.speakers.faults:
            self.fault(self.article(article_id), "speaker merging", exc)
        return self

    def fault(self, article: Article, step: str, exc: Exception) -> None:
        """Report a failure in a library-wide step for one article, once per article and step."""
        if (article.id, step) not in self._reported:
            self._reported.add((article.id, step))
            self.problems.append(faults.report(describe(article), step, exc))

    def _guarded(self, article: Article, step: str, entries: Callable[[Article], list[T]]) -> list[T]:
        try:
            return entries(article)
        except Exception as exc:
            self.fault(article, step, exc)
            return []

    def _quoted(self, article: Article) -> list[tuple[str, str, str, list[str]]]:
        return [
            (article.id, sys.intern(q.speaker), sys.intern(q.speaker_kind or "person"), q.roles)
            for q in self._quotes(article)
            if q.speaker
        ]

    def _mentions(self) -> Iterator[tuple[str, str]]:
        for article in self.articles:
            yield from self._guarded(article, "entity labels", self._entity_texts)

    def _entity_texts(self, article: Article) -> list[tuple[str, str]]:
        ann = self.annotations.get(article.id)
        if ann is None:
            return []
        body = article.body
        return [(body[e.start : e.end], e.label) for e in ann.entities]

    def _quotes(self, article: Article) -> list[Quote]:
        ann = self.annotations.get(article.id)
        return ann.quotes if ann else []

    def entity_key(self, text: str, label: str) -> tuple[str, str]:
        """What the mentions of one entity share, with its voted label: one person the speakers
        know is one entity however it is spelt ("António Guterres", "Guterres")."""
        label = self.label_of(text, label)
        if label == "PERSON" and self.speakers is not None:
            sid = self.speakers.person_of(text)
            if sid is not None:
                return sid, label
        return (name_key(text) if label in NAME_LABELS else text.lower()), label

    def label_of(self, text: str, label: str) -> str:
        if label not in NAME_LABELS:
            return label
        return self.labels.get(name_key(text), label)

    def quote_rows(self) -> list[QuoteRow]:
        rows = []
        for article in self.articles:
            for q in self._quotes(article):
                sid = self.speakers.speaker_id(article.id, q.speaker, q.speaker_kind) if self.speakers else None
                rows.append(QuoteRow(article, q, self.speakers.get(sid) if self.speakers else None))
        return rows


def load_library(paths: list[Path], limits: Limits = DEFAULT) -> Library:
    """The articles under ``paths``, not yet annotated."""
    loaded = load_paths(paths, limits.file_bytes)
    return Library(loaded.articles, problems=loaded.problems)


def still_to_annotate(lib: Library, cache: Cache, limits: Limits = DEFAULT) -> list[Article]:
    """Fill in what the cache has; show the articles over the size limit as plain text (saying
    so); return the rest, still to annotate."""
    missing, skipped = too_long(take_cached(lib, cache), limits.annotate_chars)
    for article in skipped:
        lib.problems.append(skip_message(article, limits.annotate_chars))
        lib.annotations[article.id] = Annotation([], [], [])
    return missing


def take_cached(lib: Library, cache: Cache) -> list[Article]:
    """Fill in what the cache has (saying again which articles failed); return the articles
    still to annotate."""
    missing = []
    for article in lib.articles:
        ann = cache.get(article.id)
        if ann is not None and not fits(ann, len(article.body)):
            # it decoded, but its offsets do not fit the text: drawing it would fail
            lib.problems.append(f"{describe(article)}: its cached annotation did not fit the text; annotating it again")
            cache.drop(article.id)
            ann = None
        if ann is None:
            missing.append(article)
        else:
            lib.add(article, ann)
    return missing


def failure_message(article: Article, error: str) -> str:
    """One line for an article whose annotation failed (the traceback is in the log)."""
    return f"{describe(article)}: not annotated ({error}); shown as plain text, details in {safe(str(faults.log_path()))}"


def describe(article: Article) -> str:
    """An article as a message names it: its file (and its entry in a feed or dump)."""
    return safe(str(article.path)) + (f"#{article.entry}" if article.entry else "")


def too_long(articles: list[Article], limit: int) -> tuple[list[Article], list[Article]]:
    """(articles to annotate, articles shown as plain text because they are over the limit)."""
    ok = [a for a in articles if len(a.body) <= limit]
    return ok, [a for a in articles if len(a.body) > limit]


def skip_message(article: Article, limit: int) -> str:
    return (
        f"{describe(article)}: not annotated, {len(article.body):,} characters is over the "
        f"{limit:,} limit (max_annotate_chars in config.toml); shown as plain text"
    )


def annotations_for(
    articles: list[Article], cache: Cache, model: str | None = None, batch_size: int | None = None
) -> Iterator[tuple[Article, Annotation]]:
    """Annotate and cache in this process, yielding each article as it is done (spaCy is
    loaded only here)."""
    from reader.nlp.annotate import BATCH_SIZE, annotate

    nlp = pipeline.load(pipeline.model_info(model).name)
    # Shortest first: batches of like lengths pad less, and the first results come sooner.
    order = sorted(articles, key=lambda a: len(a.body))
    names = [describe(a) for a in order]
    for article, ann in zip(order, annotate(nlp, (a.body for a in order), batch_size or BATCH_SIZE, names)):
        cache.put(article.id, ann)
        yield article, ann


def open_library(
    paths: list[Path],
    *,
    model: str | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits = DEFAULT,
) -> Library:
    """Load articles, take what the cache has, annotate the rest, and finish."""
    lib = load_library(paths, limits)
    cache = cache or Cache(pipeline_key(model))
    missing = still_to_annotate(lib, cache, limits)
    for done, (article, ann) in enumerate(annotations_for(missing, cache, model) if missing else (), 1):
        lib.add(article, ann)  # after annotations_for has cached it
        if progress:
            progress(done, len(missing))
    return lib.finish()
