"""Per-article annotation: entities, noun chunks and quotes from one spaCy pass.

Everything here is per article and cached; library-wide steps (label votes, speaker merging)
run later over the cached records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import msgspec

from reader import faults
from reader.nlp.quotes import extract
from reader.nlp.records import Annotation, Entity
from reader.text import paragraphs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's parser needs about 1 GB per 100,000 characters: longer texts are parsed in pieces cut
# at paragraph ends, and their spans shifted back into the body.
PIECE_CHARS = 20_000
BATCH_SIZE = 32
# At most this many characters go to the parser at once (a batch of 32 news articles is
# about 150,000; a 2-million-character text would otherwise be 32 pieces of 20,000 at once).
BATCH_CHARS = 60_000


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


def from_doc(doc: Doc) -> Annotation:
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
    nlp: Language, bodies: Iterable[str], batch_size: int = BATCH_SIZE, names: Sequence[str] | None = None
) -> Iterator[Annotation]:
    """Annotate texts in order, one Annotation each. Pieces of at most ``PIECE_CHARS`` go to
    ``nlp.pipe`` in batches of at most ``batch_size`` pieces and ``BATCH_CHARS`` characters, so
    the parser's memory stays bounded however long an article is.

    A failure costs only its article: an exception in our rules gives that article an
    Annotation with ``error`` set (the traceback goes to the log, naming ``names[n]``), and
    one inside spaCy makes that batch's pieces go through one at a time (the culprit fails
    alone).
    """
    parts: list[Annotation] = []
    failed: str | None = None

    def take(doc: Doc | None, n: int, offset: int, text: str) -> None:
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

    for batch in _batches(_pieces_of(bodies), batch_size, BATCH_CHARS):
        texts = [text for text, _ in batch]
        try:
            docs: list[Doc | None] = list(nlp.pipe(texts, batch_size=len(texts)))
        except Exception:
            docs = [None] * len(texts)  # spaCy itself failed on one of them: one at a time
        for doc, (text, (n, offset, last)) in zip(docs, batch):
            take(doc, n, offset, text)
            if last:
                yield _merge(parts) if failed is None else Annotation([], [], [], error=failed)
                parts, failed = [], None


_Piece = tuple[str, tuple[int, int, bool]]  # (text, (body number, offset, last piece of its body))


def _pieces_of(bodies: Iterable[str]) -> Iterator[_Piece]:
    """(piece, (body number, offset, last piece of its body)) for every piece of every body."""
    for n, body in enumerate(bodies):
        cut = pieces(body)
        for k, (offset, text) in enumerate(cut):
            yield text, (n, offset, k == len(cut) - 1)


def _batches(items: Iterator[_Piece], size: int, chars: int) -> Iterator[list[_Piece]]:
    batch: list[_Piece] = []
    total = 0
    for item in items:
        batch.append(item)
        total += len(item[0])
        if len(batch) >= size or total >= chars:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _merge(parts: list[Annotation]) -> Annotation:
    if len(parts) == 1:
        return parts[0]
    return Annotation(
        [e for p in parts for e in p.entities],
        [c for p in parts for c in p.chunks],
        [q for p in parts for q in p.quotes],
    )
