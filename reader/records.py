"""The per-article annotation records: what the annotator finds and the cache stores.

Plain msgspec structs, spans are (start, end) character offsets into the article body.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

import msgspec


class Entity(msgspec.Struct, array_like=True, frozen=True):
    start: int
    end: int
    label: str  # spaCy's label (PERSON, ORG, GPE, ...)


class Quote(msgspec.Struct, frozen=True):
    parts: list[tuple[int, int]]  # the quoted words, marks excluded; one part per piece
    speaker: str | None = None  # name as the article resolves it, or a description as written
    speaker_kind: str | None = None  # "person", "org", "description"
    mention: tuple[int, int] | None = None  # the words at the attribution
    roles: list[str] = []

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


class Annotation(msgspec.Struct):
    entities: list[Entity]
    chunks: list[tuple[int, int]]  # noun chunks (the search ranks topics from them)
    quotes: list[Quote]


def compact(ann: Annotation) -> Annotation:
    """For keeping in memory (never for the cache): noun chunks as one flat array of offsets,
    8 bytes a chunk instead of about a hundred (half of a big library's annotation memory)."""
    if isinstance(ann.chunks, list):
        ann.chunks = array("I", [x for pair in ann.chunks for x in pair])
    return ann


def chunk_spans(ann: Annotation) -> Iterator[tuple[int, int]]:
    chunks = ann.chunks
    if isinstance(chunks, array):
        it = iter(chunks)
        return zip(it, it)
    return iter(chunks)
