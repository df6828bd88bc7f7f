"""Failures caught at one article's edge: one line for the user, the whole traceback in a log.

Whatever goes wrong while reading or annotating one article, or in a library-wide step for one
entry, costs that article (or entry) only: the caller catches it, calls ``report``, shows the
line it returns and goes on. The log is a file in the user's state folder (``log_path``), kept
small by rotation; worker processes append to it too.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from reader import paths
from reader.text import safe

LOG_NAME = "reader.log"
_log = logging.getLogger("reader.faults")
_log.propagate = False  # the traceback goes to the file, never to the terminal
_handler_pid: int | None = None


def log_path() -> Path:
    return paths.state_dir() / LOG_NAME


def _ensure_handler() -> None:
    """A file handler per process (a forked worker opens its own, appending)."""
    global _handler_pid
    if _handler_pid == os.getpid():
        return
    for old in list(_log.handlers):
        _log.removeHandler(old)
    try:
        log_path().parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_path(), maxBytes=1_000_000, backupCount=2, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.NullHandler()  # no log folder: the one-line report still reaches the user
    handler.setFormatter(logging.Formatter("%(asctime)s pid %(process)d %(message)s"))
    _log.addHandler(handler)
    _log.setLevel(logging.ERROR)
    _handler_pid = os.getpid()


def summary(exc: BaseException) -> str:
    """``IndexError: list index out of range (attribution.py, _loose_subject)``: the error and
    the function that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}, {frames[-1].name})" if frames else ""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return safe(f"{type(exc).__name__}{': ' + text[:160] if text else ''}{where}")


def report(what: str, step: str, exc: BaseException) -> str:
    """Log the whole traceback; return the one line to show: what failed, in which step, why."""
    _ensure_handler()
    try:
        _log.error("%s: %s failed\n%s", what, step, "".join(traceback.format_exception(exc)).rstrip())
    except Exception:  # a full disk must not turn one article's failure into everyone's
        pass
    return f"{safe(what)}: {step} failed, {summary(exc)}; details in {safe(str(log_path()))}"
