"""`reader quotes seeds --format jsonl` against the hand-made gold, scored as the judge does."""

import json

import pytest
from helpers import DATA, ROOT, SEEDS
from judge import judge

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def predicted():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "reader", "quotes", str(SEEDS), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_every_gold_quote_found_with_its_speaker(predicted):
    gold = [json.loads(line) for line in (DATA / "seeds_quotes.jsonl").read_text().splitlines() if line.strip()]
    bodies = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    result = judge(gold, predicted, bodies)
    assert result["problems"] == []
    assert result["found"] == result["right"] == len(gold) == 13
    assert len(result["spurious"]) <= 1


def test_jsonl_fields_and_offsets(predicted):
    bodies = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for p in predicted:
        assert {
            "article",
            "article_id",
            "title",
            "quote",
            "display",
            "parts",
            "start",
            "end",
            "speaker",
            "speaker_id",
            "mention",
            "rule",
            "resolution",
            "confidence",
        } <= set(p)
        body = bodies[p["article"]]
        assert p["quote"] == " ".join(body[a:b] for a, b in p["parts"])
        assert p["display"] == " … ".join(body[a:b] for a, b in p["parts"])
        assert (p["confidence"] in ("high", "medium", "low")) == (p["speaker"] is not None)
        assert (p["rule"] is None) == (p["speaker"] is None)
        assert p["start"] == p["parts"][0][0] and p["end"] == p["parts"][-1][1]
    guterres = {p["speaker_id"] for p in predicted if p["speaker"] and "Guterres" in p["speaker"]}
    assert len(guterres) == 1


def test_speaker_filter_is_fuzzy():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "reader", "quotes", str(SEEDS), "--speaker", "guteres", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 4 and {r["speaker"] for r in rows} == {"António Guterres"}
