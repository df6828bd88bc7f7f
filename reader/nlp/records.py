"""The per-article annotation records: what the annotator finds and the cache stores.

Plain msgspec structs, spans are (start, end) character offsets into the article body.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

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
    rule: str | None = None  # the attribution rule that found the speaker (nlp/rules.py)
    # how the words at the attribution became the speaker: name, pronoun, role, antecedent,
    # as-written (nlp/mentions.py)
    resolution: str | None = None
    confidence: str | None = None  # "high", "medium", "low"; None without a speaker

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def words(self, body: str) -> str:
        """The quoted words, parts joined by a space (the jsonl ``quote`` field)."""
        return " ".join(body[a:b] for a, b in self.parts)

    def display(self, body: str) -> str:
        """The quoted words as a reader should see them: a gap between parts shown as “…”."""
        return display_text(body, self.parts)


def display_text(body: str, parts: Iterable[tuple[int, int]]) -> str:
    return " … ".join(body[a:b] for a, b in parts)


class Annotation(msgspec.Struct):
    entities: list[Entity]
    chunks: list[tuple[int, int]]  # noun chunks (the search ranks topics from them)
    quotes: list[Quote]
    # Why annotating this article failed (then the lists are empty): the article is shown
    # as plain text and the failure reported, and the cache keeps it so a warm run says so
    # again without spaCy.
    error: str | None = None


def fits(ann: Annotation, length: int) -> bool:
    """Do the annotation's offsets fit a body of ``length`` characters (in range, each span
    ordered, a quote's parts in text order)? A cache entry that decodes can still lie."""

    def ok(a: int, b: int) -> bool:
        return 0 <= a <= b <= length

    if not all(ok(e.start, e.end) for e in ann.entities) or not all(ok(a, b) for a, b in ann.chunks):
        return False
    for q in ann.quotes:
        if not q.parts or not all(ok(a, b) for a, b in q.parts):
            return False
        if any(q.parts[i][1] > q.parts[i + 1][0] for i in range(len(q.parts) - 1)):
            return False
        if q.mention is not None and not ok(*q.mention):
            return False
    return True


def _pack(offsets: list[int]) -> bytes:
    """Character offsets, stored as compressed differences (they climb through the text:
    small steps, which compress to a byte or two each)."""
    import numpy as np  # (here: a start that shows only last run's list never needs it)

    steps = np.diff(np.asarray(offsets, dtype=np.int64), prepend=0).astype(np.int32)
    return zlib.compress(steps.tobytes(), 1)


def _unpack(packed: bytes) -> list[int]:
    import numpy as np

    offsets: list[int] = np.cumsum(np.frombuffer(zlib.decompress(packed), dtype=np.int32), dtype=np.int64).tolist()
    return offsets


class Entities(Sequence[Entity]):
    """An article's entities kept packed: offsets as ``_pack`` stores them and a label number
    each, a few bytes an entity instead of about 130; ``Entity`` records are made as they are
    read."""

    __slots__ = ("_offsets", "_labels_of", "_n")
    _labels: list[str] = []  # label number -> label, shared by every article
    _number: dict[str, int] = {}

    def __init__(self, entities: list[Entity]) -> None:
        self._offsets = _pack([x for e in entities for x in (e.start, e.end)])
        self._labels_of = bytes(self._label_number(e.label) for e in entities)
        self._n = len(entities)

    @classmethod
    def _label_number(cls, label: str) -> int:
        n = cls._number.get(label)
        if n is None:
            n = cls._number[label] = len(cls._labels)
            cls._labels.append(label)
        return n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Entity: ...
    @overload
    def __getitem__(self, i: slice) -> list[Entity]: ...
    def __getitem__(self, i: int | slice) -> Entity | list[Entity]:
        return list(self)[i]

    def __iter__(self) -> Iterator[Entity]:
        offsets, labels = _unpack(self._offsets), self._labels
        return (Entity(offsets[2 * k], offsets[2 * k + 1], labels[n]) for k, n in enumerate(self._labels_of))


class Chunks:
    """Noun chunks packed like entity offsets."""

    __slots__ = ("_offsets",)

    def __init__(self, chunks: list[tuple[int, int]]) -> None:
        self._offsets = _pack([x for pair in chunks for x in pair])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        it = iter(_unpack(self._offsets))
        return zip(it, it)


def compact(ann: Annotation) -> Annotation:
    """For keeping in memory (never for the cache): entities, noun chunks and quotes packed
    (at 10,000 articles: 420 MB as objects, about 25 MB so)."""
    if isinstance(ann.chunks, list):
        ann.chunks = Chunks(ann.chunks)  # type: ignore[assignment]  # read only as an iterable here, never encoded
    if isinstance(ann.entities, list):
        ann.entities = Entities(ann.entities)  # type: ignore[assignment]  # a read-only sequence, never encoded
    if isinstance(ann.quotes, list):
        ann.quotes = Quotes(ann.quotes)  # type: ignore[assignment]  # a read-only sequence, never encoded
    return ann


class Quotes(Sequence[Quote]):
    """An article's quotes kept packed (msgpack, compressed) and unpacked when read; the last
    article read stays unpacked, as it is read quote by quote."""

    __slots__ = ("_packed", "_n")
    _encode = msgspec.msgpack.Encoder().encode
    _decode = msgspec.msgpack.Decoder(list[Quote]).decode
    _last: tuple[Quotes | None, list[Quote]] = (None, [])

    def __init__(self, quotes: list[Quote]) -> None:
        self._packed = zlib.compress(self._encode(quotes), 1)
        self._n = len(quotes)

    def _unpacked(self) -> list[Quote]:
        last = Quotes._last  # one read: another thread may replace it meanwhile
        if last[0] is not self:
            last = Quotes._last = (self, self._decode(zlib.decompress(self._packed)))
        return last[1]

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Quote: ...
    @overload
    def __getitem__(self, i: slice) -> list[Quote]: ...
    def __getitem__(self, i: int | slice) -> Quote | list[Quote]:
        return self._unpacked()[i]

    def __iter__(self) -> Iterator[Quote]:
        return iter(self._unpacked())
