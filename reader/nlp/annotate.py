"""Per-article annotation: entities, noun chunks and quotes from one spaCy pass.

Everything here is per article and cached; library-wide steps (label votes, speaker merging)
run later over the cached records.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence

import msgspec

from reader import faults
from reader.articles import paragraphs
from reader.nlp.quotes import extract
from reader.records import Annotation, Entity

# Bump when the records change for the same text: the cache keys on it. (That includes a fix
# that turns a failure into a result: failed articles are cached, with their reason.)
ANNOTATOR_VERSION = "11"
# spaCy's parser needs about 1 GB per 100,000 characters: longer texts are parsed in pieces cut
# at paragraph ends, and their spans shifted back into the body.
PIECE_CHARS = 20_000
BATCH_SIZE = 32


def pieces(body: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, text) pieces of at most ``limit`` characters, cut at paragraph ends where
    possible (a single longer paragraph is cut at a space)."""
    if len(body) <= limit:
        return [(0, body)]
    out, start = [], 0
    while start < len(body):
        end = min(start + limit, len(body))
        if end < len(body):
            cut = body.rfind("\n", start, end)
            if cut <= start:
                cut = body.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, body[start:end]))
        start = end
    return out


def from_doc(doc) -> Annotation:
    text = doc.text
    entities = [Entity(*_trim(text, e.start_char, e.end_char), e.label_) for e in doc.ents]
    chunks = [(c.start_char, c.end_char) for c in doc.noun_chunks]
    quotes = extract(doc, paragraphs(text), text)
    return Annotation([e for e in entities if e.end > e.start], chunks, quotes)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """NER spans sometimes take a quote mark or a bracket with them ("Luthuli House ‘"), or run
    from a cross-head into the next paragraph: keep the part after the break."""
    a = max(a, text.rfind("\n", a, b) + 1)
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] in ".)"):
        b -= 1
    return a, b


def _shift(ann: Annotation, offset: int) -> Annotation:
    if not offset:
        return ann
    return Annotation(
        [Entity(e.start + offset, e.end + offset, e.label) for e in ann.entities],
        [(a + offset, b + offset) for a, b in ann.chunks],
        [
            msgspec.structs.replace(
                q,
                parts=[(a + offset, b + offset) for a, b in q.parts],
                mention=(q.mention[0] + offset, q.mention[1] + offset) if q.mention else None,
            )
            for q in ann.quotes
        ],
    )


def annotate(
    nlp, bodies: Iterable[str], batch_size: int = BATCH_SIZE, names: Sequence[str] | None = None
) -> Iterator[Annotation]:
    """Annotate texts in order, one Annotation each, streaming through ``nlp.pipe``; each
    piece of a long text travels with its body number and offset (``as_tuples``).

    A failure costs only its article: an exception in our rules gives that article an
    Annotation with ``error`` set (the traceback goes to the log, naming ``names[n]``), and
    one inside spaCy ends that ``nlp.pipe`` run, whose unfinished pieces are then parsed one
    at a time before a new run takes the rest.
    """
    feed = _Feed(bodies)
    parts: list[Annotation] = []
    failed: str | None = None

    def take(doc, n: int, offset: int, text: str | None = None) -> None:
        nonlocal failed
        if failed is not None:
            return  # an earlier piece of this article failed: the article is failed
        try:
            if doc is None:
                doc = nlp(text)
            parts.append(_shift(from_doc(doc), offset))
        except Exception as exc:
            name = names[n] if names is not None and n < len(names) else f"text {n + 1}"
            faults.report(name, "annotation", exc)
            failed = faults.summary(exc)

    def finish() -> Annotation:
        nonlocal failed, parts
        ann = _merge(parts) if failed is None else Annotation([], [], [], error=failed)
        parts, failed = [], None
        return ann

    while not feed.exhausted:
        try:
            for doc, (n, offset, last) in nlp.pipe(feed, batch_size=batch_size, as_tuples=True):
                feed.returned()
                take(doc, n, offset)
                if last:
                    yield finish()
        except Exception:
            # spaCy itself failed on something in the batch it was working on: those pieces one
            # by one (the culprit fails alone), then on with a fresh run over the rest
            for text, (n, offset, last) in feed.in_flight():
                take(None, n, offset, text)
                if last:
                    yield finish()


class _Feed:
    """The pieces for ``nlp.pipe``, remembering which it has taken and not yet given back."""

    def __init__(self, bodies: Iterable[str]) -> None:
        self._pieces = self._cut(bodies)
        self._taken: deque = deque()
        self.exhausted = False

    @staticmethod
    def _cut(bodies: Iterable[str]):
        for n, body in enumerate(bodies):
            cut = pieces(body)
            for k, (offset, text) in enumerate(cut):
                yield text, (n, offset, k == len(cut) - 1)

    def __iter__(self):
        return self

    def __next__(self):
        try:
            item = next(self._pieces)
        except StopIteration:
            self.exhausted = True
            raise
        self._taken.append(item)
        return item

    def returned(self) -> None:
        self._taken.popleft()

    def in_flight(self) -> list:
        taken, self._taken = list(self._taken), deque()
        return taken


def _merge(parts: list[Annotation]) -> Annotation:
    if len(parts) == 1:
        return parts[0]
    return Annotation(
        [e for p in parts for e in p.entities],
        [c for p in parts for c in p.chunks],
        [q for p in parts for q in p.quotes],
    )
