"""The per-article annotation records: what the annotator finds and the cache stores.

Plain msgspec structs, spans are (start, end) character offsets into the article body.
"""

from __future__ import annotations

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
