"""Annotation in a process of its own, as the app runs it: `reader annotate --jsonl --app`
started, watched and stopped here. Both ends speak `Progress` lines (one JSON object a line on
the annotator's stdout); the app asks for an article first with `first ID` on its stdin."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

import msgspec

from reader.library.cache import Cache
from reader.nlp.records import Annotation


class Progress(msgspec.Struct):
    """One finished article: which, how far along, and why it failed if it did."""

    id: str
    done: int
    total: int
    error: str | None = None


_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(Progress)


def progress_line(progress: Progress) -> str:
    return _encoder.encode(progress).decode() + "\n"


def read_progress(line: str | bytes) -> Progress | None:
    """A progress line, or None for anything else the process printed."""
    try:
        return _decoder.decode(line)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


class Annotator:
    """The annotator process for ``paths``: it writes ``cache``; ``run`` hands each annotation on
    as it lands there."""

    def __init__(self, paths: list[Path], model: str | None, cache: Cache) -> None:
        self.paths, self.model, self.cache = paths, model, cache
        self._proc: subprocess.Popen[str] | None = None
        self._asked: list[str] = []  # asked for before the process started

    def run(self, on_annotated: Callable[[str, Annotation], None]) -> str | None:
        """Annotate until done (blocking: call it from a thread); None, or why it stopped."""
        cmd = [sys.executable, "-m", "reader", "annotate", "--jsonl", "--app", *map(str, self.paths)]
        if self.model:
            cmd += ["--model", self.model]
        env = {**os.environ, "READER_CACHE_DIR": str(self.cache.root)}
        try:
            errors: IO[str] = tempfile.TemporaryFile("w+")  # noqa: SIM115 (lives as long as the process; a pipe nobody reads while it runs could fill up)
            proc = self._proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=errors,
                stdin=subprocess.PIPE,
                text=True,
                env=env,
                # a session of its own: Ctrl+C in the terminal is the app's to handle, and the
                # annotator and its workers end together (its stdin closing ends them too, should
                # the app die without a word)
                start_new_session=True,
            )
        except OSError as exc:
            return f"Annotation could not start: {exc}"
        for article_id in self._asked:
            self.first(article_id)
        assert proc.stdout is not None
        for line in proc.stdout:
            progress = read_progress(line)
            if progress is None:
                continue
            ann = self.cache.get(progress.id)
            if ann is not None:
                on_annotated(progress.id, ann)
        proc.wait()
        if proc.returncode in (0, -signal.SIGTERM):
            return None
        errors.seek(0)
        err = errors.read().strip().splitlines()
        return f"Annotation stopped: {err[-1] if err else proc.returncode}"

    @property
    def pid(self) -> int | None:
        """The annotator's process id while it runs (its process group's too)."""
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    def first(self, article_id: str) -> None:
        """Annotate this article next (the one the user has just opened)."""
        proc = self._proc
        if proc is None:
            self._asked.append(article_id)
            return
        if proc.poll() is not None or proc.stdin is None:
            return
        try:
            proc.stdin.write(f"first {article_id}\n")
            proc.stdin.flush()
        except (OSError, ValueError):
            pass  # it has just finished

    def stop(self) -> None:
        """What is finished is in the cache already; the rest is done at the next start. The
        whole process group goes: the annotator and its workers."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except OSError:
                proc.terminate()
