"""Quote marks without the model: one row per construction, the text in, the quoted words out
(parts of one quote joined by " | ")."""

import pytest

from reader.nlp.marks import find_quoted, speaker_label
from reader.text import paragraphs

ROWS = [
    # (construction, text, quotes)
    ("straight double", 'He said "we will go" and left.', ["we will go"]),
    ("curly double", "He said “we will go” and left.", ["we will go"]),
    ("curly single", "He said ‘we will go’ and left.", ["we will go"]),
    ("straight single", "He said 'we will go' and left.", ["we will go"]),
    ("guillemets", "Il a dit « nous irons » hier.", ["nous irons"]),
    ("typewriter double", "He said ''we will go'' and left.", ["we will go"]),
    ("split around an attribution", "“We will go,” she said, “and soon.”", ["We will go,", "and soon."]),
    ("nested single inside double", "“He told me ‘never’ twice,” she said.", ["He told me ‘never’ twice,"]),
    ("apostrophes are not marks", "“It’s the dogs’ bowls and O’Leary’s,” he said.", ["It’s the dogs’ bowls and O’Leary’s,"]),
    ("elided year", "Back in the ‘90s it was “different,” she said.", ["different,"]),
    ("two quotes in a line", "“Yes,” said A. “No,” said B.", ["Yes,", "No,"]),
    (
        "over paragraphs: reopened",
        "“First part of it.\n“Second part of it,” he said.",
        ["First part of it. | Second part of it,"],
    ),
    ("over paragraphs: not reopened", "“First part of it.\nThen the reporter wrote more.", ["First part of it."]),
    ("a transcript label starts anew", "“SMITH: Well, yes.\n“JONES: No.", ["SMITH: Well, yes.", "JONES: No."]),
    ("unclosed at the end", "He said “we will", ["we will"]),
    ("empty marks", "He said “” twice.", []),
    ("no marks", "Nothing quoted here at all.", []),
]


@pytest.mark.parametrize(("construction", "text", "quotes"), ROWS, ids=[r[0] for r in ROWS])
def test_marks(construction, text, quotes):
    found = find_quoted(text, paragraphs(text))
    assert [" | ".join(text[a:b] for a, b in q.parts) for q in found] == quotes


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("SMITH: Well.", "SMITH"),
        ("SEN. WARREN: No.", "SEN. WARREN"),
        ("Smith: no.", None),
        ("A: x", None),
        ("NO LABEL here", None),
    ],
)
def test_speaker_label(text, label):
    assert speaker_label(text, 0, len(text)) == label
