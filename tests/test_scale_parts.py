"""Pieces of the big-library path: the list manifest and the annotate process."""

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT

from reader.library import manifest


def test_manifest_is_used_only_while_nothing_changed(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    for n in range(3):
        (lib / f"{n}.txt").write_text(f"Article {n}.\n")
    rows = [manifest.Row(f"id{n}", f"Article {n}.", "detail", n) for n in range(3)]
    manifest.save_rows([lib], rows)
    assert [r.title for r in manifest.load_rows([lib])] == ["Article 0.", "Article 1.", "Article 2."]
    (lib / "1.txt").write_text("Changed, and longer than before.\n")
    assert manifest.load_rows([lib]) is None
    manifest.save_rows([lib], rows)
    (lib / "3.txt").write_text("A new article.\n")
    assert manifest.load_rows([lib]) is None


@pytest.mark.slow
def test_annotate_with_two_processes_fills_the_cache(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    for n in range(6):
        (lib / f"{n}.txt").write_text(f"Story {n}.\n“We are ready for round {n},” said coach Sam Ortiz.\n")
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-m", "reader", "annotate", str(lib), "--processes", "2", "--jsonl"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted(d["done"] for d in lines) == [1, 2, 3, 4, 5, 6] and all(d["total"] == 6 for d in lines)
    assert len(list((tmp_path / "cache").rglob("*.msgpack"))) == 6
    quotes = subprocess.run(
        [sys.executable, "-m", "reader", "quotes", str(lib), "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert [json.loads(line)["speaker"] for line in quotes.stdout.splitlines()] == ["Sam Ortiz"] * 6


@pytest.mark.slow
def test_annotate_leaves_the_list_for_the_apps_first_paint(tmp_path, monkeypatch):
    lib = tmp_path / "lib"
    lib.mkdir()
    for n in range(2):
        (lib / f"{n}.txt").write_text(f"Story {n}.\n“We are ready for round {n},” said coach Sam Ortiz.\n")
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    subprocess.run(
        [sys.executable, "-m", "reader", "annotate", str(lib), "--processes", "1"],
        capture_output=True,
        text=True,
        env=os.environ,
        cwd=ROOT,
        check=True,
    )
    rows = manifest.load_rows([lib])
    assert [(r.title, r.quotes) for r in rows] == [("Story 0.", 1), ("Story 1.", 1)]
