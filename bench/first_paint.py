"""First paint of the reader against a bare Textual app, side by side, on this machine.

    python bench/first_paint.py DIR [DIR...]     (DIRs from bench/make_corpus.py, annotated:
                                                 READER_CACHE_DIR, else a folder beside DIR)

First paint is process start until the first article title is on screen, read in tmux (120x40)
with capture-pane every 10 ms; the bare app is a Textual App showing one Label, started and read
the same way. For each library it prints the median of 5 starts in three situations:
- after `reader annotate` (the first app start after it),
- after `reader quotes` only (no app and no annotate run before),
- later starts (the app has run before),
then the bare app's time and the ratios.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BARE = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("bare app ready")

Bare().run()
"""


def paint(command: str, marker: str, env: dict[str, str], linger: float = 0.0) -> float:
    """Seconds from the command's start until ``marker`` is on the tmux screen (the program is
    then left running ``linger`` seconds more, to finish what it does after the first paint)."""
    session = f"paint-{os.getpid()}"
    for _ in range(20):  # (a server just ending with the last session refuses for a moment)
        if subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "sh"]).returncode == 0:
            break
        time.sleep(0.1)
    else:
        raise RuntimeError("tmux would not start a session")
    try:
        time.sleep(0.3)
        envs = " ".join(
            f"{k}={v}" for k, v in env.items() if k in ("READER_CACHE_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
        )
        subprocess.run(
            ["tmux", "send-keys", "-t", session, f"clear; exec env -u COLUMNS -u LINES {envs} {command}", "Enter"], check=True
        )
        start = time.perf_counter()
        while time.perf_counter() - start < 60:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in screen:
                took = time.perf_counter() - start
                time.sleep(linger)
                return took
            time.sleep(0.01)
        return float("nan")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def first_title(lib: Path) -> str:
    """Words of the first title the list shows (the files' first heading line, A-Z by file)."""
    first = sorted(lib.rglob("*.md"))[0].read_text(encoding="utf-8")
    title = next(line for line in first.splitlines() if line.startswith("title"))
    return title.split("=", 1)[1].strip().strip('"')[:20]


def start(lib: Path, env: dict[str, str], marker: str, after: list[str] | None) -> float:
    """The app's first paint; ``after``: the command run just before, as if no app had run."""
    if after is not None:
        shutil.rmtree(Path(env["READER_CACHE_DIR"]) / "manifests", ignore_errors=True)
        subprocess.run(
            [str(BIN / "reader"), *after, str(lib)], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    return paint(f"{BIN / 'reader'} {lib}", marker, env)


def main() -> None:
    if not shutil.which("tmux"):
        sys.exit("tmux is needed (apt-get install tmux)")
    libs = [Path(a).resolve() for a in sys.argv[1:]]
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE)
        base = {**os.environ, "XDG_CONFIG_HOME": str(Path(tmp) / "config"), "XDG_STATE_HOME": str(Path(tmp) / "state")}
        bare = median([paint(f"{sys.executable} {bare_script}", "bare app ready", base) for _ in range(5)])
        print(f"bare Textual app: first paint {bare * 1000:.0f} ms")
        for lib in libs:
            cache = os.environ.get("READER_CACHE_DIR") or str(lib.parent / f"{lib.name}-cache")
            env = {**base, "READER_CACHE_DIR": cache, "XDG_DATA_HOME": str(Path(tmp) / "data")}
            marker = first_title(lib)
            reader = f"{BIN / 'reader'} {lib}"
            n = len(list(lib.rglob("*.md")))
            after_annotate = median([start(lib, env, marker, ["annotate"]) for _ in range(5)])
            after_quotes = median([start(lib, env, marker, ["quotes", "--format", "jsonl"]) for _ in range(5)])
            paint(reader, marker, env, linger=n / 200 + 5)  # one whole run: what a start leaves for the next
            later = median([start(lib, env, marker, None) for _ in range(5)])
            print(
                f"{n} articles: first paint after `reader annotate` {after_annotate * 1000:.0f} ms "
                f"({after_annotate / bare:.2f}x bare), after `reader quotes` {after_quotes * 1000:.0f} ms "
                f"({after_quotes / bare:.2f}x), later starts {later * 1000:.0f} ms ({later / bare:.2f}x)"
            )


if __name__ == "__main__":
    main()
