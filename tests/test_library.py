"""The library end to end on files written here: the real model, the cache, merging."""

import pytest

from reader.library.core import open_library

pytestmark = pytest.mark.slow


def write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_cross_article_merge_and_labels(tmp_path):
    write(
        tmp_path,
        "a.txt",
        "United Nations Secretary-General Antonio Guterres visited Kyiv.\n"
        "“We need peace now,” Antonio Guterres told reporters on Tuesday.\n",
    )
    write(
        tmp_path,
        "b.txt",
        "António Guterres spoke in New York on Friday.\n“The war must end,” Guterres said.\n“There is no other way,” he added.\n",
    )
    write(
        tmp_path,
        "c.txt",
        "Officials met on Monday to discuss the budget.\n“We are studying the proposal,” a spokesperson said.\n",
    )
    write(
        tmp_path,
        "d.txt",
        "The ministry made no other comment on the matter.\n“No decision has been taken,” a spokesperson said.\n",
    )
    lib = open_library([tmp_path])
    rows = lib.quote_rows()
    guterres = {r.speaker.id for r in rows if r.speaker and "Guterres" in r.speaker.name}
    assert guterres == {"person:guterres"}
    sp = lib.speakers.get("person:guterres")
    assert sp.name == "António Guterres" and sp.quotes == 3 and len(sp.articles) == 2
    spokes = [s for s in lib.speakers.speakers.values() if s.name == "a spokesperson"]
    assert len(spokes) == 2  # never-named spokespeople in two articles are two people
    # "Guterres" alone takes the label of the fuller name.
    assert lib.label_of("Guterres", "ORG") == "PERSON"


def test_seed_labels_are_consistent():
    from helpers import SEEDS

    from reader.library.entities import entity_rows

    lib = open_library([SEEDS])
    assert lib.label_of("Guterres", "ORG") == "PERSON"  # the small model calls it ORG six times
    rows = [r for r in entity_rows(lib) if "Guterres" in r.forms]
    assert len(rows) == 1 and rows[0].text == "António Guterres" and rows[0].label == "PERSON"


def test_second_open_uses_the_cache(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", "“We will win,” said Maria Lopez.\n")
    open_library([tmp_path])
    import reader.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "load", lambda name: pytest.fail("warm open loaded spaCy"))
    lib = open_library([tmp_path])
    assert lib.quote_rows()[0].speaker.name == "Maria Lopez"
