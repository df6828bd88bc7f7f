"""Reading state in SQLite: read marks, position, bookmarks; nothing lost on kill -9."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from app_fixture import make_app
from helpers import ROOT

from reader.state import Bookmark, Remembered, StateFile
from reader.ui.screens.bookmarks import BookmarksScreen
from reader.ui.widgets.article_list import ArticleList


def test_store_round_trip(tmp_path):
    store = StateFile(tmp_path / "s.sqlite3")
    store.save(Remembered(article_id="abc", quote=2, scroll=10, theme="sepia"))
    store.mark_read("abc")
    b = Bookmark("abc", 5, 20, "Hello", "Ann Lee", "Title", "/x.txt", None)
    assert store.toggle_bookmark(b) is True
    store.close()
    again = StateFile(tmp_path / "s.sqlite3")
    assert again.load() == Remembered(article_id="abc", quote=2, scroll=10, theme="sepia")
    assert again.read_ids() == {"abc"}
    assert [m.quote for m in again.bookmarks()] == ["Hello"]
    assert again.toggle_bookmark(b) is False and again.bookmarks() == []


def test_corrupt_store_is_kept_aside(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = StateFile(path)
    assert store.load() == Remembered()
    assert any(p.name.startswith("s.sqlite3.corrupt-") for p in tmp_path.iterdir())
    store.mark_read("x")
    assert store.read_ids() == {"x"}


async def test_read_marks_survive_restart(tmp_path):
    state = tmp_path / "s.sqlite3"
    app = make_app(state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")
        await pilot.press("q")
    again = make_app(state=state)
    async with again.run_test(size=(120, 40)):
        rows = again.query_one(ArticleList).rows
        assert rows[1].unread is False and rows[2].unread is True


async def test_bookmark_keys(tmp_path):
    state = tmp_path / "s.sqlite3"
    app = make_app(state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n", "n", "b")  # bookmark the second quote of seed 000
        await pilot.press("down", "enter", "n", "b")  # and the first of seed 004
        assert len(app.state_file.bookmarks()) == 2
        await pilot.press("b")  # again: removes it
        assert len(app.state_file.bookmarks()) == 1
        await pilot.press("B")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("enter")
        assert (app.article, app.quote) == (0, 1)


@pytest.mark.slow
def test_bookmarks_export(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    store = StateFile(tmp_path / "quotereader" / "reader.sqlite3")
    store.toggle_bookmark(Bookmark("abc", 1, 9, "A | pipe\nand a line", "Ann Lee", "T|itle", "/x.txt", "https://x.test/a"))
    store.close()
    md = subprocess.run([sys.executable, "-m", "reader", "bookmarks"], capture_output=True, text=True, env=env, cwd=ROOT).stdout
    assert "| Ann Lee | “A \\| pipe<br>and a line” | T\\|itle | <https://x.test/a> |" in md
    js = subprocess.run(
        [sys.executable, "-m", "reader", "bookmarks", "--format", "jsonl"], capture_output=True, text=True, env=env, cwd=ROOT
    ).stdout
    assert json.loads(js)["speaker"] == "Ann Lee"


WRITER = """
import sys, itertools
from pathlib import Path
from reader.state import Bookmark, Remembered, StateFile
s = StateFile(Path(sys.argv[1]))
for n in itertools.count():
    s.save(Remembered(article_id=str(n), quote=n % 7, scroll=n))
    s.toggle_bookmark(Bookmark("a%d" % (n % 50), n % 50, n % 50 + 3, "q" * 500, "S", "T"))
    s.mark_read("r%d" % n)
"""


@pytest.mark.slow
def test_kill_9_while_saving_state(tmp_path):
    path = tmp_path / "s.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT)
    time.sleep(2.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    store = StateFile(path)
    state = store.load()
    assert state.article_id is not None and int(state.article_id) > 0
    assert len(store.read_ids()) > 0
    assert all(len(b.quote) == 500 for b in store.bookmarks())


@pytest.mark.slow
def test_kill_9_while_annotating(tmp_path):
    from reader.library.cache import Cache
    from reader.library.core import load_library, open_library, pipeline_key, take_cached

    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    for n in range(80):
        (lib_dir / f"{n:03d}.txt").write_text(f"Story {n}. " + f"“We are ready for round {n},” said coach Sam Ortiz. " * (40 + n))
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "READER_CACHE_DIR": str(cache_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "articles", str(lib_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(cache_dir.rglob("*.msgpack"))) < 5:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished = list(cache_dir.rglob("*.msgpack"))
    assert 5 <= len(finished) < 80
    cache = Cache(pipeline_key(), cache_dir)
    lib = load_library([lib_dir])
    missing = take_cached(lib, cache)
    # every finished entry is whole and used; only the rest is annotated again
    assert len(lib.annotations) == len(finished)
    assert len(missing) == 80 - len(finished)
    done = open_library([lib_dir], cache=cache)
    assert len(done.annotations) == 80
    assert all(a.quotes and a.quotes[0].speaker == "Sam Ortiz" for a in done.annotations.values())
