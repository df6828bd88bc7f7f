"""Entity kinds, consistent labels across the library, and the entity listing."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.nlp.labels import NAME_LABELS, kind_of
from reader.text import fold

if TYPE_CHECKING:
    from reader.library.core import Library


@lru_cache(maxsize=16384)  # a library names the same people and places over and over
def name_key(text: str) -> str:
    """What two mentions of one name share: folded, without a leading "the" or a possessive."""
    words = fold(text).replace("'s", "").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def vote_labels(mentions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``(text, label)`` mentions -> the label each name key takes.

    A name takes the label of the fuller name it is part of ("Guterres" is a PERSON because
    "António Guterres" is), else the label most of its mentions have.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for text, label in mentions:
        if label in NAME_LABELS:
            key = name_key(text)
            if key:
                votes[key][label] += 1
    majority = {k: _top(c) for k, c in votes.items()}
    # Fuller names by their last and first words (surname, first name) when they are people.
    fuller: dict[str, Counter[str]] = defaultdict(Counter)
    for key, label in majority.items():
        words = key.split()
        if len(words) > 1 and label == "PERSON":
            n = sum(votes[key].values())
            fuller[words[-1]]["PERSON"] += n
            fuller[words[0]]["PERSON"] += n
    result = {}
    for key, label in majority.items():
        if len(key.split()) == 1 and key in fuller and label != "PERSON":
            label = "PERSON"
        result[key] = label
    return result


def _top(counter: Counter[str]) -> str:
    # Ties go to the label a person would pick first for a name: PERSON, ORG, GPE, ...
    order = list(NAME_LABELS_ORDER)
    best: str = max(counter.items(), key=lambda kv: (kv[1], -order.index(kv[0]) if kv[0] in order else -99))[0]
    return best


NAME_LABELS_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT")


@dataclass
class EntityRow:
    text: str
    label: str
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)

    @property
    def kind(self) -> str:
        return kind_of(self.label)


def entity_rows(library: Library) -> list[EntityRow]:
    """Every entity of the library with its voted label, mention count and articles."""
    rows: dict[tuple[str, str], EntityRow] = {}
    for article in library.articles:
        ann = library.annotations.get(article.id)
        if ann is None:
            continue
        for e in ann.entities:
            text = article.body[e.start : e.end]
            key = library.entity_key(text, e.label)
            row = rows.get(key)
            if row is None:
                row = rows[key] = EntityRow(text, key[1])
            row.mentions += 1
            row.articles.add(article.id)
            row.forms[text] += 1
    for key, row in rows.items():
        person = library.speakers.get(key[0]) if key[0].startswith("person:") and library.speakers else None
        row.text = person.name if person else row.forms.most_common(1)[0][0]
    return sorted(rows.values(), key=lambda r: (-r.mentions, r.text.lower()))
