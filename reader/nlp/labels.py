"""spaCy's entity labels in the five kinds the reader colours and lists."""

from __future__ import annotations

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date-number",
    "TIME": "date-number",
    "MONEY": "date-number",
    "QUANTITY": "date-number",
    "PERCENT": "date-number",
    "CARDINAL": "date-number",
    "ORDINAL": "date-number",
    "NORP": "other",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "LANGUAGE": "other",
    "PRODUCT": "other",
}
KINDS = ("person", "organisation", "place", "date-number", "other")
# Names, not numbers: only these take part in label votes.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})


def kind_of(label: str) -> str:
    return KIND_OF_LABEL.get(label, "other")
