"""The per-article annotation records: what the annotator finds and the cache stores.

Plain msgspec structs, spans are (start, end) character offsets into the article body.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

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


class Entities(Sequence):
    """An article's entities kept flat: (start, end, label number) in one array, 12 bytes an
    entity instead of about 130; ``Entity`` records are made as they are read."""

    _labels: list[str] = []  # label number -> label, shared by every article
    _number: dict[str, int] = {}

    def __init__(self, entities: list[Entity]) -> None:
        self._flat = array("I")
        for e in entities:
            self._flat.extend((e.start, e.end, self._label_number(e.label)))

    @classmethod
    def _label_number(cls, label: str) -> int:
        n = cls._number.get(label)
        if n is None:
            n = cls._number[label] = len(cls._labels)
            cls._labels.append(label)
        return n

    def __len__(self) -> int:
        return len(self._flat) // 3

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        start, end, label = self._flat[3 * i : 3 * i + 3]
        return Entity(start, end, self._labels[label])

    def __iter__(self) -> Iterator[Entity]:
        flat, labels = self._flat, self._labels
        return (Entity(flat[j], flat[j + 1], labels[flat[j + 2]]) for j in range(0, len(flat), 3))


def compact(ann: Annotation) -> Annotation:
    """For keeping in memory (never for the cache): entities and noun chunks as flat arrays of
    offsets and quotes packed (at 10,000 articles: 420 MB as objects, 120 MB so)."""
    if isinstance(ann.chunks, list):
        ann.chunks = array("I", [x for pair in ann.chunks for x in pair])
    if isinstance(ann.entities, list):
        ann.entities = Entities(ann.entities)
    if isinstance(ann.quotes, list):
        ann.quotes = Quotes(ann.quotes)
    return ann


class Quotes(Sequence):
    """An article's quotes kept packed (msgpack, a tenth of their size as objects) and
    unpacked when read; the last article read stays unpacked, as it is read quote by quote."""

    __slots__ = ("_packed", "_n")
    _encode = msgspec.msgpack.Encoder().encode
    _decode = msgspec.msgpack.Decoder(list[Quote]).decode
    _last: tuple = (None, [])

    def __init__(self, quotes: list[Quote]) -> None:
        self._packed = self._encode(quotes)
        self._n = len(quotes)

    def _unpacked(self) -> list[Quote]:
        last = Quotes._last  # one read: another thread may replace it meanwhile
        if last[0] is not self:
            last = Quotes._last = (self, self._decode(self._packed))
        return last[1]

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        return self._unpacked()[i]

    def __iter__(self) -> Iterator[Quote]:
        return iter(self._unpacked())

    def __eq__(self, other) -> bool:
        return list(self) == list(other)


def chunk_spans(ann: Annotation) -> Iterator[tuple[int, int]]:
    chunks = ann.chunks
    if isinstance(chunks, array):
        it = iter(chunks)
        return zip(it, it)
    return iter(chunks)
