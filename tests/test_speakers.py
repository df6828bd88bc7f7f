"""Merging speakers across the library."""

import pytest

from reader.library.speakers import SpeakerIndex


def index(quoted, known=()):
    return SpeakerIndex([(a, n, k, []) for a, n, k in quoted], list(known))


MERGES = [
    # (id, quoted (article, name, kind), known names, expected groups {display: count})
    (
        "accents-and-surname",
        [("a1", "Antonio Guterres", "person"), ("a2", "António Guterres", "person"), ("a2", "Guterres", "person")],
        [],
        {"António Guterres": 3},
    ),
    (
        "spelling-variant",
        [("a1", "Volodymyr Zelensky", "person"), ("a2", "Volodymyr Zelenskyy", "person"), ("a3", "Zelenskyy", "person")],
        [],
        {"Volodymyr Zelensky": 3},
    ),  # a tie on form and count: alphabetically first
    (
        "two-people-one-surname",
        [("a1", "John Smith", "person"), ("a2", "Jane Smith", "person"), ("a3", "Smith", "person")],
        [],
        {"John Smith": 1, "Jane Smith": 1, "Smith": 1},
    ),
    (
        "a-surname-alone-is-not-a-spelling-variant",
        [("a1", "Bill Sternberg", "person"), ("a2", "Stenberg", "person")],
        [],
        {"Bill Sternberg": 1, "Stenberg": 1},
    ),
    (
        "joint-speakers-stay-a-pair",
        [("a1", "Lee and Park", "group"), ("a2", "Lee and Park", "group"), ("a2", "Park", "person")],
        [],
        {"Lee and Park": 2, "Park": 1},
    ),
    ("fuller-name-from-entities", [("a1", "Dujarric", "person")], ["Stephane Dujarric"], {"Stephane Dujarric": 1}),
    (
        "spokespeople-stay-apart",
        [("a1", "a spokesperson", "description"), ("a2", "a spokesperson", "description")],
        [],
        {"a spokesperson": 2},
    ),  # two speakers of one name each; counted below
    (
        "organisations-merge",
        [("a1", "African National Congress", "org"), ("a2", "African National Congress", "org")],
        [],
        {"African National Congress": 2},
    ),
]


@pytest.mark.parametrize("quoted,known,expected", [m[1:] for m in MERGES], ids=[m[0] for m in MERGES])
def test_merge(quoted, known, expected):
    idx = index(quoted, known)
    got = {}
    for sp in idx.speakers.values():
        got[sp.name] = got.get(sp.name, 0) + sp.quotes
    assert got == expected


def test_joint_speakers_are_one_speaker_across_articles():
    idx = index([("a1", "Lee and Park", "group"), ("a2", "Lee and Park", "group")])
    assert [(s.id, s.quotes) for s in idx.speakers.values()] == [("group:lee-and-park", 2)]


def test_spokespeople_in_two_articles_are_two_speakers():
    idx = index([("a1", "a spokesperson", "description"), ("a2", "a spokesperson", "description")])
    assert len(idx.speakers) == 2
    assert idx.speaker_id("a1", "a spokesperson", "description") != idx.speaker_id("a2", "a spokesperson", "description")


def test_id_survives_a_fuller_name_arriving():
    before = index([("a1", "Guterres", "person")])
    after = index([("a1", "Guterres", "person"), ("a2", "António Guterres", "person")])
    assert before.speaker_id("a1", "Guterres", "person") == after.speaker_id("a1", "Guterres", "person") == "person:guterres"
    assert after.get("person:guterres").name == "António Guterres"


def test_display_name_prefers_diacritics_then_frequency():
    idx = index(
        [("a1", "Antonio Guterres", "person"), ("a2", "Antonio Guterres", "person"), ("a3", "António Guterres", "person")]
    )
    (sp,) = idx.speakers.values()
    assert sp.name == "António Guterres"
    assert {"Antonio Guterres", "António Guterres", "Guterres"} <= set(sp.aliases)


def test_fuzzy_find():
    idx = index([("a1", "António Guterres", "person"), ("a1", "Stephane Dujarric", "person")])
    assert [s.name for s in idx.find("guteres")] == ["António Guterres"]
    assert [s.name for s in idx.find("antonio")] == ["António Guterres"]
    assert idx.find("nobody-like-this") == []
