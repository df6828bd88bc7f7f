"""Hostile text and dying processes never crash, hang or eat the machine (each test failed
before its fix)."""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import ROOT, SEEDS, reader

from reader.library.cache import Cache
from reader.library.core import load_library, take_cached
from reader.nlp.records import Annotation, Entity, Quote
from reader.sources.fetch import Fetcher
from reader.state import Bookmark, StateFile

# --- 1. runs of quote marks -------------------------------------------------------------------


def test_a_run_of_marks_is_a_few_tokens_and_other_text_is_tokenized_as_before(nlp):
    marks = '"' * 100_000 + " said Bob.\n"
    doc = nlp.tokenizer(marks)
    assert doc.text == marks and len(doc) < 200  # one token a mark made 100,000 words to parse
    inner = nlp.tokenizer.tokenizer  # the wrapped spaCy tokenizer
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in inner(text)]
    mixed = "Before it.  " + "“‘" * 800 + "\nAfter it, “fine,” said Ann Lee."
    assert nlp.tokenizer(mixed).text == mixed


def test_batches_hold_a_bounded_number_of_characters():
    from reader.nlp.annotate import BATCH_CHARS, PIECE_CHARS, _batches, _pieces_of

    body = ("A sentence of some words. " * 40 + "\n") * 4000  # about 4 million characters
    sizes = [sum(len(t) for t, _ in batch) for batch in _batches(_pieces_of([body, "short"]), 32, BATCH_CHARS)]
    assert max(sizes) < BATCH_CHARS + PIECE_CHARS and sum(sizes) == len(body) + 5


@pytest.mark.slow
def test_quotes_on_a_million_marks_finishes(tmp_path):
    (tmp_path / "q.txt").write_text('"' * 1_000_000 + " said Bob.\n")
    (tmp_path / "ok.txt").write_text("“We are ready,” said Ann Lee.\n")
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "c")}
    result = reader("quotes", str(tmp_path), "--format", "jsonl", env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert [json.loads(r)["speaker"] for r in result.stdout.splitlines()] == ["Ann Lee"]


# --- 2. deep TOML -------------------------------------------------------------------------------

DEEP = "x = " + "[" * 450 + "]" * 450 + "\n"


def test_deep_front_matter_is_one_line_and_the_body_is_read(tmp_path):
    (tmp_path / "a.md").write_text("+++\n" + DEEP + "+++\nHi there.\n")
    (tmp_path / "b.txt").write_text("Another article.\n")
    lib = load_library([tmp_path])
    assert sorted(a.title for a in lib.articles) == ["Another article.", "Hi there."]
    assert lib.problems == [f"{tmp_path / 'a.md'}: bad front matter (nested too deeply to read); metadata ignored"]


def test_deep_config_and_theme_files_are_one_line_each(tmp_path):
    from reader.config import load_config
    from reader.themes import load_themes

    (tmp_path / "config.toml").write_text(DEEP)
    config = load_config(tmp_path / "config.toml")
    assert config.problems == [f"{tmp_path / 'config.toml'}: not valid TOML (nested too deeply to read); using the defaults"]
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "deep.toml").write_text(DEEP)
    loaded = load_themes(user_dir=themes)
    assert [p for p in loaded.problems if "deep.toml" in p] == [
        f"{themes / 'deep.toml'}: not valid TOML (nested too deeply to read)"
    ]
    assert "reader-dark" in loaded.themes  # the rest loads


# --- 3. a worker that dies ----------------------------------------------------------------------

KILLER = """
import os, signal
from reader.nlp import rules

def die(ctx, quote):
    if "Zanzibar" in ctx.doc.text:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return None

rules.RULES.insert(0, ("die", die))
"""


def _library(folder: Path, n: int, killer: int | None = None, long: bool = False) -> None:
    folder.mkdir()
    more = (
        "".join(f"The council met for the {k}th time on Monday and said little about the port.\n" for k in range(40))
        if long
        else ""
    )
    for i in range(n):
        place = "Zanzibar" if i == killer else "Lisbon"
        (folder / f"{i:03d}.txt").write_text(
            f"Story {i} from {place}.\n{more}“We are ready for round {i},” said coach Sam Ortiz.\n"
        )


@pytest.mark.slow
def test_annotate_survives_a_worker_that_always_dies(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(KILLER)
    _library(tmp_path / "lib", 40, killer=7)
    env = {**os.environ, "PYTHONPATH": str(hook), "READER_CACHE_DIR": str(tmp_path / "c")}
    result = reader("annotate", str(tmp_path / "lib"), "--processes", "2", env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    died = [line for line in result.stderr.splitlines() if "not annotated" in line]
    assert len(died) == 1 and "007.txt" in died[0] and "died" in died[0]
    plain = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    quotes = reader("quotes", str(tmp_path / "lib"), "--format", "jsonl", env=plain)
    assert len(quotes.stdout.splitlines()) == 39  # every other article was annotated


@pytest.mark.slow
def test_annotate_notices_a_killed_worker_and_retries_its_articles(tmp_path):
    _library(tmp_path / "lib", 200, long=True)
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "annotate", str(tmp_path / "lib"), "--processes", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((tmp_path / "c").rglob("*.msgpack"))) < 20:
        time.sleep(0.05)  # mid-run: some articles are done, most are not
    os.kill(_children(proc.pid)[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    assert "not annotated" not in err  # the lost articles went again, in a new worker
    assert len(list((tmp_path / "c").rglob("*.msgpack"))) >= 200


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _group_alive(pgid: int) -> bool:
    """Is any process of the group still running (zombies, ended and waiting to be reaped, are
    not)?"""
    out = subprocess.run(["ps", "-eo", "pgid=,stat="], capture_output=True, text=True).stdout
    return any(int(g) == pgid and not st.startswith("Z") for g, st in (line.split() for line in out.splitlines()))


# --- 4. quitting ends the annotator and its workers ---------------------------------------------


@pytest.mark.slow
async def test_quitting_the_app_ends_the_annotation_process_group(tmp_path, monkeypatch):
    from reader.ui.app import ReaderApp

    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "c"))
    _library(tmp_path / "lib", 300, long=True)
    app = ReaderApp([tmp_path / "lib"])
    async with app.run_test(size=(100, 30)) as pilot:
        pid = None
        for _ in range(600):
            await pilot.pause(0.05)
            pid = app.annotator.pid if app.annotator else None
            if pid is not None and _children(pid):
                break
        assert pid is not None and _children(pid), "the annotator never started its workers"
        await pilot.press("q")
    start = time.monotonic()
    while _group_alive(pid) and time.monotonic() - start < 5:
        time.sleep(0.05)
    assert not _group_alive(pid) and time.monotonic() - start < 3.0  # promptly (a hang would be 5 s)


@pytest.mark.slow
def test_the_annotator_ends_when_the_app_is_gone(tmp_path):
    """The app dying without a word (a closed terminal, kill -9) closes the annotator's stdin."""
    _library(tmp_path / "lib", 300, long=True)
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "annotate", "--jsonl", "--app", str(tmp_path / "lib")],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    proc.stdout.readline()  # the first article is done: workers are running
    proc.stdin.close()
    start = time.monotonic()
    while _group_alive(proc.pid) and time.monotonic() - start < 5:
        time.sleep(0.05)
    proc.wait(timeout=5)
    assert not _group_alive(proc.pid) and time.monotonic() - start < 3.0  # promptly, on a busy machine too


# --- 5. a cache entry that decodes but lies -----------------------------------------------------


def test_a_cache_entry_that_does_not_fit_its_text_is_rebuilt(tmp_path):
    (tmp_path / "a.txt").write_text("“Short,” said Ann Lee.\n")
    lib = load_library([tmp_path])
    article = lib.articles[0]
    cache = Cache("test", tmp_path / "cache")
    cache.put(article.id, Annotation([Entity(0, 5000, "PERSON")], [], [Quote(parts=[(1, 9000)], speaker="X")]))
    missing = take_cached(lib, cache)
    assert missing == [article] and article.id not in lib.annotations
    assert lib.problems == [f"{article.path}: its cached annotation did not fit the text; annotating it again"]
    assert cache.get(article.id) is None  # dropped


# --- 6 and 7. a bad server ------------------------------------------------------------------------


class RawServer:
    """A server on 127.0.0.1 that answers each path with bytes of our choosing (broken HTTP)."""

    def __init__(self, answers: dict[str, list[tuple[bytes, float]]]) -> None:
        self.answers = answers  # path -> [(bytes to send, seconds to wait after)]
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn) -> None:
        with conn:
            request = conn.recv(65536).decode("latin-1")
            path = request.split(" ")[1] if " " in request else "/"
            try:
                for data, pause in self.answers.get(path, [(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", 0)]):
                    conn.sendall(data)
                    time.sleep(pause)
            except OSError:
                pass


PAGE_OK = b"<html><body><p>A page that is fine, with enough words to be an article.</p></body></html>"


def _ok(body: bytes = PAGE_OK) -> list[tuple[bytes, float]]:
    return [(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body, 0)]


def test_a_bad_server_costs_only_its_urls_and_the_state_is_saved(tmp_path):
    server = RawServer(
        {
            "/chunks": [
                (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 0)
            ],
            "/garbage": [(b"GARBAGE\r\n\r\n", 0)],
            "/304": [(b"HTTP/1.1 304 Not Modified\r\n\r\n", 0)],
            "/short": [(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>short", 0)],
            "/fine": _ok(),
        }
    )
    urls = [f"{server.url}/{p}" for p in ("chunks", "garbage", "304", "short", "fine")]
    result = Fetcher(tmp_path, timeout=5).run(urls)
    assert len(result.failures) == 4 and [p.name for p in result.saved] == [Path(result.saved[0]).name]
    by_url = {f.split(": ", 1)[0]: f for f in result.failures}
    assert "broken" in by_url[urls[0]] and "broken" in by_url[urls[1]]
    assert "304" in by_url[urls[2]] and "cut short (11 of 1,000 bytes)" in by_url[urls[3]]
    state = json.loads((tmp_path / ".fetch-state.json").read_text())
    assert list(state) == [urls[4]]


def test_a_truncated_download_keeps_the_old_copy(tmp_path):
    server = RawServer({"/p": _ok()})
    fetcher = Fetcher(tmp_path, timeout=5)
    fetcher.run([f"{server.url}/p"])
    saved = next((tmp_path / "pages").iterdir())
    good = saved.read_bytes()
    server.answers["/p"] = [(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>trunc", 0)]
    result = Fetcher(tmp_path, timeout=5).run([f"{server.url}/p"])
    assert result.saved == [] and len(result.failures) == 1
    assert saved.read_bytes() == good


def test_a_slow_drip_is_cut_at_the_deadline(tmp_path):
    drip = [(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n", 0)] + [(b"x", 0.2)] * 100
    server = RawServer({"/drip": drip})
    start = time.monotonic()
    result = Fetcher(tmp_path, timeout=1.0).run([f"{server.url}/drip"])
    assert time.monotonic() - start < 6  # cut near the deadline, not after the whole 20 s drip
    assert len(result.failures) == 1 and "did not come within 1 s" in result.failures[0]


# --- 8. a full disk, a data folder that is a file -------------------------------------------------


def _mark(n: int = 0) -> Bookmark:
    return Bookmark("abc", n, n + 5, "Hello there", "Ann Lee", "Title", "/x.txt", None)


def test_bookmarking_on_a_full_disk_goes_on_in_memory(tmp_path):
    store = StateFile(tmp_path / "s.sqlite3")
    assert store.toggle_bookmark(_mark(0)) is True
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    for n in range(1, 200):
        assert store.toggle_bookmark(_mark(n)) is True
    assert "database or disk is full" in store.problem and "in memory" in store.problem
    assert len(store.bookmarks()) == 200  # the first one and all the new ones, in memory


def test_a_data_folder_that_is_a_file(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    store = StateFile(tmp_path / "data" / "reader.sqlite3")
    assert store.load().article_id is None and store.bookmarks() == []
    assert store.toggle_bookmark(_mark()) is True
    assert "a file stands where its folder should be" in store.problem
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    (tmp_path / "xdg").mkdir()
    (tmp_path / "xdg" / "quotereader").write_text("a file")
    for command in (["bookmarks"], ["config"]):
        result = reader(*command, env=env)
        assert result.returncode == 0 and "Traceback" not in result.stderr
        assert result.stderr.count("keeping it in memory") == 1


def test_a_locked_database_is_busy_not_corrupt(tmp_path, monkeypatch):
    import reader.state as state

    path = tmp_path / "s.sqlite3"
    first = StateFile(path)
    first.toggle_bookmark(_mark())
    first.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(state, "TIMEOUT", 0.2)
    store = StateFile(path)
    assert store.bookmarks() == [] and "busy" in store.problem
    assert not any(".corrupt-" in p.name for p in tmp_path.iterdir())  # nothing moved aside
    holder.execute("COMMIT")
    holder.close()
    assert [b.quote for b in StateFile(path).bookmarks()] == ["Hello there"]  # all still there


async def test_the_app_says_once_that_bookmarks_live_in_memory(tmp_path):
    from app_fixture import make_app

    app = make_app(with_third=False, state=tmp_path / "s.sqlite3")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "n", "b")
        app.state_file.db.execute("PRAGMA query_only = ON")  # as a disk that refuses writes
        for _ in range(4):  # every write fails; one notice
            await pilot.press("n", "b")
        notes = [n.message for n in app._notifications if "in memory" in n.message]
        assert len(notes) == 1
        assert len(app.state_file.bookmarks()) == 5
