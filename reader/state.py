"""What the reader keeps for the user: read marks, the last position, the theme chosen in the
app, and bookmarked quotes. SQLite in the user's data folder, keyed by article id (a hash of the
text), so moving or renaming a file keeps all of it.

SQLite commits are atomic: a process killed mid-write leaves the last committed state. A file
that is not a readable database is moved aside (never deleted) and a fresh one started.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import msgspec

from reader import paths
from reader.text import safe

T = TypeVar("T")
log = logging.getLogger("reader.state")
TIMEOUT = 5.0  # seconds to wait for another process's lock

SCHEMA = """
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS read (article_id TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS bookmarks (
    article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    quote TEXT NOT NULL, speaker TEXT, title TEXT NOT NULL, file TEXT, url TEXT, at REAL NOT NULL,
    PRIMARY KEY (article_id, start)
);
"""


class Remembered(msgspec.Struct):
    article_id: str | None = None
    quote: int | None = None  # index of the current quote in that article
    scroll: int = 0  # first line shown
    theme: str | None = None
    sort: str = "library"  # how the list is ordered (reading/listing.py SORTS)
    grouped: bool = False  # grouped by source
    unread_only: bool = False


@dataclass(frozen=True)
class Bookmark:
    article_id: str
    start: int
    end: int
    quote: str
    speaker: str | None
    title: str
    file: str | None = None
    url: str | None = None
    at: float = 0.0


class StateFile:
    """The user's reading state (the name stays from when it was a JSON file)."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        # Why the state lives in memory for this session (set once; the app and CLI say it once)
        self.problem: str | None = None

    @classmethod
    def default(cls) -> StateFile:
        return cls(paths.data_dir() / "reader.sqlite3")

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        """The state file; moved aside only when SQLite says it is damaged. A file that is
        locked by another process, or a folder that cannot be made or written, leaves the
        state in memory for this session (and says so once), never touching the file."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(self.path)
        except sqlite3.DatabaseError as exc:
            if _code(exc) not in (SQLITE_CORRUPT, SQLITE_NOTADB):
                return self._in_memory(exc)  # busy, locked, read-only, full: not damaged
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            log.warning("reading state %s unreadable (%s); kept as %s, starting fresh", self.path, exc, aside.name)
            try:
                self.path.replace(aside)
                return self._connect(self.path)
            except (OSError, sqlite3.Error) as again:
                return self._in_memory(again)
        except OSError as exc:  # the data folder is a file, or cannot be made
            return self._in_memory(exc)

    def _in_memory(self, exc: BaseException, copy_from: sqlite3.Connection | None = None) -> sqlite3.Connection:
        if _code(exc) in (SQLITE_BUSY, SQLITE_LOCKED):
            why = "it is busy: another program holds it locked"
        elif isinstance(exc, (FileExistsError, NotADirectoryError)):
            why = "a file stands where its folder should be"
        else:
            why = getattr(exc, "strerror", None) or str(exc)
        # (said once by the app or the command, which read it from here)
        self.problem = f"cannot save the reading state to {safe(str(self.path))} ({why}); keeping it in memory for this session"
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        if copy_from is not None:
            try:
                copy_from.backup(db)
            except sqlite3.Error:
                pass
        db.executescript(SCHEMA)
        return db

    @staticmethod
    def _connect(path: Path | str) -> sqlite3.Connection:
        # a locked file is waited for up to TIMEOUT seconds, then called busy (never corrupt)
        db = sqlite3.connect(path, timeout=TIMEOUT, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.execute("SELECT count(*) FROM kv").fetchone()  # a damaged file fails here, not later
        return db

    def _run(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run a write; when the disk refuses it (full, read-only, locked), go on in memory with
        everything read so far, and do it there."""
        try:
            return action(self.db)
        except sqlite3.Error as exc:
            if self.db_in_memory:
                raise
            self._db = self._in_memory(exc, copy_from=self._db)
            return action(self._db)

    @property
    def db_in_memory(self) -> bool:
        return self.problem is not None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- position and theme ----------------------------------------------------------------------

    def load(self) -> Remembered:
        try:
            row = self.db.execute("SELECT value FROM kv WHERE key = 'remembered'").fetchone()
            return msgspec.json.decode(row[0], type=Remembered) if row else Remembered()
        except (sqlite3.Error, msgspec.DecodeError, msgspec.ValidationError) as exc:
            log.warning("reading state %s: %s; starting fresh", self.path, exc)
            return Remembered()

    def save(self, state: Remembered) -> None:
        self._write("INSERT OR REPLACE INTO kv VALUES ('remembered', ?)", (msgspec.json.encode(state).decode(),))

    # --- read marks ------------------------------------------------------------------------------

    def mark_read(self, article_id: str) -> None:
        self._write("INSERT OR IGNORE INTO read VALUES (?, ?)", (article_id, time.time()))

    def mark_all_read(self, article_ids: list[str]) -> None:
        now = time.time()
        self._many("INSERT OR IGNORE INTO read VALUES (?, ?)", [(a, now) for a in article_ids])

    def mark_unread(self, article_id: str) -> None:
        self._write("DELETE FROM read WHERE article_id = ?", (article_id,))

    def read_ids(self) -> set[str]:
        try:
            return {r[0] for r in self.db.execute("SELECT article_id FROM read")}
        except sqlite3.Error:
            return set()

    # --- bookmarks -------------------------------------------------------------------------------

    def toggle_bookmark(self, b: Bookmark) -> bool:
        """Bookmark the quote, or remove it if it was bookmarked; True if it is now."""

        def toggle(db: sqlite3.Connection) -> bool:
            with db:
                db.execute("BEGIN IMMEDIATE")
                gone = db.execute("DELETE FROM bookmarks WHERE article_id = ? AND start = ?", (b.article_id, b.start)).rowcount
                if not gone:
                    db.execute(
                        "INSERT INTO bookmarks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (b.article_id, b.start, b.end, b.quote, b.speaker, b.title, b.file, b.url, b.at or time.time()),
                    )
            return not gone

        return self._run(toggle)

    def bookmarks(self) -> list[Bookmark]:
        try:
            rows = self.db.execute(
                'SELECT article_id, start, "end", quote, speaker, title, file, url, at FROM bookmarks ORDER BY at'
            )
            return [Bookmark(*row) for row in rows]
        except sqlite3.Error:
            return []

    def _many(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        try:  # one transaction: marking 10,000 articles read is one write
            self._run(lambda db: db.executemany(sql, rows))
        except sqlite3.Error as exc:
            log.warning("could not keep the reading state (%s)", exc)

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        try:  # a full or read-only disk costs the saving, not the session
            self._run(lambda db: db.execute(sql, args))
        except sqlite3.Error as exc:
            log.warning("could not keep the reading state (%s)", exc)


# SQLite's result codes (the sqlite3 module names them only from Python 3.11)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CORRUPT, SQLITE_NOTADB = 5, 6, 11, 26


def _code(exc: BaseException) -> int | None:
    """SQLite's own error code (SQLITE_BUSY, SQLITE_CORRUPT, ...), when there is one."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11 and later
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    for words, value in (
        ("not a database", SQLITE_NOTADB),
        ("malformed", SQLITE_CORRUPT),
        ("locked", SQLITE_BUSY),
    ):
        if words in text:
            return value
    return None
