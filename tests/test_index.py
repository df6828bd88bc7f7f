"""The search index on entries written here: tiers, ties, folding, and the index agreeing with
the exhaustive ranking."""

import random

from reader.search.index import Entry, SearchIndex

ENTRIES = [
    Entry("speaker", "António Guterres", 6, ("person:guterres",)),
    Entry("speaker", "Antonio Guterres", 6, ("person:guterres",), shown="António Guterres"),
    Entry("speaker", "Guterres", 6, ("person:guterres",), shown="António Guterres"),
    Entry("speaker", "Volodymyr Zelensky", 2, ("person:zelensky",)),
    Entry("speaker", "Volodymyr Zelenskyy", 2, ("person:zelensky",), shown="Volodymyr Zelensky"),
    Entry("speaker", "Stephane Dujarric", 4, ("person:dujarric",)),
    Entry("entity", "Guterres", 8, ("entity", "guterres", "PERSON")),
    Entry("topic", "evacuations", 3, ("topic", "evacuations")),
    Entry("topic", "the safe evacuation", 1, ("topic", "safe evacuation")),
    Entry("quote", "The evacuation went better than we feared,", 1, (3, 0)),
    Entry("article", "Guterres calls for new talks", 1, (2,)),
    Entry("text", "Buses left in the first evacuation organised by the Red Cross.", 1, (3, 0, 60)),
]

RANKING = [
    # (query, kinds, expected first hit's title)
    ("guteres", ("speaker",), "António Guterres"),
    ("antonio", ("speaker",), "António Guterres"),
    ("Guterres", None, "Guterres"),  # exact first: the entity, then the speaker (tier, then weight)
    ("zelenskyy", ("speaker",), "Volodymyr Zelensky"),
    ("zelensky", ("speaker",), "Volodymyr Zelensky"),
    ("evacuation", ("topic",), "the safe evacuation"),  # whole word beats a prefix of "evacuations"
    ("evac", ("topic",), "evacuations"),  # both prefixes: the more frequent first
    ("dujaric", None, "Stephane Dujarric"),
]


def test_ranking_table():
    index = SearchIndex(ENTRIES)
    for query, kinds, first in RANKING:
        hits = index.search(query, limit=5, kinds=kinds)
        assert hits and hits[0].entry.title == first, (query, [h.entry.title for h in hits])


def test_one_hit_per_person_and_accents_fold():
    index = SearchIndex(ENTRIES)
    speakers = [h.entry.ref for h in index.search("zelenskyy", kinds=("speaker",))]
    assert speakers == [("person:zelensky",)]
    assert [h.entry.ref for h in index.search("ANTÓNIO", kinds=("speaker",))] == [("person:guterres",)]


def test_tiers_in_order():
    index = SearchIndex(ENTRIES)
    tiers = [h.tier for h in index.search("evacuation", limit=20)]
    assert tiers == sorted(tiers, reverse=True)
    assert index.search("nothing-like-this") == []


def test_per_kind_and_kinds():
    index = SearchIndex(ENTRIES)
    hits = index.search("guterres", limit=20, per_kind=1)
    kinds = [h.entry.kind for h in hits]
    assert len(kinds) == len(set(kinds))
    assert {h.entry.kind for h in index.search("guterres", kinds=("article",))} == {"article"}


def test_index_agrees_with_exhaustive_ranking():
    rng = random.Random(3)
    words = ["guterres", "antonio", "zelensky", "evacuation", "peace", "talks", "spokesperson", "ukraine", "convoys"]
    entries = []
    for n in range(3000):
        text = " ".join(rng.sample(words, rng.randint(1, 4))) + f" {rng.choice(words)[:5]}{n % 37}"
        entries.append(Entry(rng.choice(["topic", "quote", "text"]), text, rng.randint(1, 9), (n,)))
    index = SearchIndex(entries)
    for _ in range(60):
        w = rng.choice(words)
        q = w[: rng.randint(1, len(w))]
        if rng.random() < 0.3 and len(q) > 4:  # a typo
            i = rng.randrange(len(q))
            q = q[:i] + rng.choice("aeiou") + q[i + 1 :]
        assert [h.index for h in index.search(q, 10)] == [h.index for h in index.exhaustive(q, 10)], q


def test_incremental_add():
    index = SearchIndex(ENTRIES[:3])
    assert not index.search("dujarric")
    index.add(ENTRIES[3:])
    assert index.search("dujarric")[0].entry.title == "Stephane Dujarric"
