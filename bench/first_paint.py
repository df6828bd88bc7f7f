"""First paint of the reader against a bare Textual app, side by side, on this machine.

    python bench/first_paint.py DIR [DIR...]     (DIRs from bench/make_corpus.py, annotated:
                                                 READER_CACHE_DIR, else a folder beside DIR)

First paint is process start until the first article title is on screen, read in tmux (120x40)
with capture-pane every 10 ms; the bare app is a Textual App showing one Label, started and read
the same way, in turn with the reader's starts. Bytecode is compiled first and used, as in an
installed package. For each library it prints the median of 7 starts in three situations:
- after `reader annotate` (the first app start after it),
- after `reader quotes` only (no app and no annotate run before),
- later starts (the app has run before),
each beside the bare app's median over the same minutes, and their ratio.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = 7
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
            [
                "tmux",
                "send-keys",
                "-t",
                session,
                f"clear; exec env -u COLUMNS -u LINES -u PYTHONDONTWRITEBYTECODE {envs} {command}",
                "Enter",
            ],
            check=True,
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
    # An installed package runs from bytecode (pip compiles it); so does the bare app's Textual.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reader")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE)
        base = {**os.environ, "XDG_CONFIG_HOME": str(Path(tmp) / "config"), "XDG_STATE_HOME": str(Path(tmp) / "state")}

        def bare() -> float:
            return paint(f"{sys.executable} {bare_script}", "bare app ready", base)

        def side_by_side(reader: Callable[[], float]) -> tuple[float, float]:
            """Medians of RUNS starts of the reader and of the bare app, taken in turn (the
            machine's mood changes over a minute; alternating keeps the ratio honest)."""
            pairs = [(reader(), bare()) for _ in range(RUNS)]
            return median([r for r, _ in pairs]), median([b for _, b in pairs])

        for lib in libs:
            cache = os.environ.get("READER_CACHE_DIR") or str(lib.parent / f"{lib.name}-cache")
            env = {**base, "READER_CACHE_DIR": cache, "XDG_DATA_HOME": str(Path(tmp) / "data")}
            marker = first_title(lib)
            n = len(list(lib.rglob("*.md")))
            print(f"{n} articles (median of {RUNS} starts each, the bare Textual app started in turn):")
            situations = [
                ("after `reader annotate`", ["annotate"]),
                ("after `reader quotes`  ", ["quotes", "--format", "jsonl"]),
                ("later starts           ", None),
            ]
            for name, after in situations:
                if after is None:  # one whole run first: what a start leaves for the next
                    paint(f"{BIN / 'reader'} {lib}", marker, env, linger=n / 200 + 5)
                took, bare_took = side_by_side(partial(start, lib, env, marker, after))
                print(f"  {name} first paint {took * 1000:4.0f} ms, bare app {bare_took * 1000:4.0f} ms: {took / bare_took:.2f}x")


if __name__ == "__main__":
    main()
