"""The `reader` command as a user runs it."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT, SEEDS, reader

pytestmark = pytest.mark.slow


def run(*args, cwd=ROOT, **kw):
    return reader(*args, cwd=cwd, **kw)


def test_version_and_help():
    from reader import __version__

    assert run("--version").stdout.strip() == f"reader {__version__}"
    out = run("--help").stdout
    for word in ("quotes", "speakers", "entities", "articles", "cache"):
        assert word in out


def test_bare_reader_lists_the_seeds():
    result = run()
    assert result.returncode == 0, result.stderr
    assert "000_e3be8faee07f3469.txt" in result.stdout and "004_10164021a52d338b.txt" in result.stdout


def test_articles_and_entities_jsonl():
    rows = [json.loads(line) for line in run("articles", str(SEEDS), "--format", "jsonl").stdout.splitlines()]
    assert len(rows) == 2 and all(r["entities"] > 10 for r in rows)
    ents = [json.loads(line) for line in run("entities", str(SEEDS), "--kind", "person", "--format", "jsonl").stdout.splitlines()]
    # one person is one entity, however the articles spell them
    guterres = [e for e in ents if "Guterres" in e["text"]]
    assert len(guterres) == 1 and guterres[0]["text"] == "António Guterres"
    assert guterres[0]["label"] == "PERSON" and len(guterres[0]["articles"]) == 2
    assert {"Guterres", "António Guterres"} <= set(guterres[0]["forms"])


def test_speakers_table():
    out = run("speakers", str(SEEDS)).stdout
    assert "António Guterres" in out and "Stephane Dujarric" in out


def test_closed_pipe_is_quiet():
    cmd = f"{sys.executable} -m reader quotes {SEEDS} --format jsonl | head -c 10"
    result = subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


def test_ctrl_c_is_quiet(tmp_path):
    # Many uncached articles keep it busy annotating; SIGINT must end it without a traceback.
    for n in range(100):
        (tmp_path / f"{n}.txt").write_text(f"Article {n}. " + "“We will see,” said Ann Lee. " * 200)
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    # As from a terminal: SIGINT handled (a test run started in the background, `cmd &`, has
    # it ignored, and a child would inherit that and never see the Ctrl+C)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "quotes", str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60  # interrupt it mid-annotation, however slow the machine
    while not list((tmp_path / "cache").rglob("*.msgpack")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err


def test_subcommand_wins_over_a_folder_and_says_so(tmp_path):
    folder = tmp_path / "quotes"
    folder.mkdir()
    (folder / "a.txt").write_text("“Hello there,” said Ann Lee.\n")
    result = run("quotes", cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "is a subcommand" in result.stderr and "reader ./quotes" in result.stderr
    # the subcommand ran on the samples
    assert "Guterres" in result.stdout
    opened = run("open", "quotes", cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "a.txt" in opened.stdout
    dotted = run("./quotes", cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "a.txt" in dotted.stdout


def test_unreadable_files_are_reported_and_others_open(tmp_path):
    (tmp_path / "good.txt").write_text("“Fine,” said Ann Lee.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    result = run("articles", str(tmp_path))
    assert result.returncode == 0
    assert "good.txt" in result.stdout
    assert "bad.txt: skipped, binary data" in result.stderr
    assert "Traceback" not in result.stderr


def test_cache_path_and_clear(tmp_path):
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "c")}
    assert run("cache", "--path", env=env).stdout.strip() == str(tmp_path / "c")
    run("articles", str(SEEDS), env=env)
    assert (tmp_path / "c").exists()
    run("cache", "--clear", env=env)
    assert not (tmp_path / "c").exists()
