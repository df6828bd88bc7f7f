"""How to spread annotation: batch size, length-sorted order, worker processes, worker memory.

    python bench/annotate_sweep.py DIR [N]     (DIR from bench/make_corpus.py; default N = 200)

Prints, for the first N articles of DIR:
- words/s of the reader's annotation in this process (one core) for batch sizes 8, 32, 128,
  with the texts in file order and sorted by length;
- wall time and words/s of `reader annotate` (a process of its own, as the app starts it) with 1
  and 2 worker processes on an empty cache, and the peak memory of its processes, sampled every
  0.2 s: RSS of each, and PSS (forked workers share the model's pages with their parent, so RSS
  counts those pages in every process; PSS splits them).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.nlp import pipeline  # noqa: E402
from reader.nlp.annotate import annotate  # noqa: E402
from reader.sources.files import load_paths  # noqa: E402

READER = Path(sys.executable).parent / "reader"


def in_process(nlp, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in annotate(nlp, texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def _mem(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in MB."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) // 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) // 1024
    except OSError:
        pass
    return rss, pss


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def as_process(folder: Path, processes: int) -> tuple[float, dict[str, tuple[int, int]]]:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "READER_CACHE_DIR": cache}
        start = time.perf_counter()
        proc = subprocess.Popen(
            [str(READER), "annotate", str(folder), "--processes", str(processes)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        peak: dict[str, tuple[int, int]] = {}
        while proc.poll() is None:
            for name, pid in [("main", proc.pid)] + [(f"worker{n}", c) for n, c in enumerate(_children(proc.pid))]:
                rss, pss = _mem(pid)
                old = peak.get(name, (0, 0))
                peak[name] = (max(old[0], rss), max(old[1], pss))
            time.sleep(0.2)
        return time.perf_counter() - start, peak


def main() -> None:
    folder = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    files = sorted(folder.glob("*.md"))[:n]
    articles = load_paths(files).articles
    texts = [a.body for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"articles={len(texts)} words={words}")
    nlp = pipeline.load(pipeline.model_info().name)
    in_process(nlp, texts[:20], 32)  # warm up
    for batch in (8, 32, 128):
        for label, order in (("file order", texts), ("by length", sorted(texts, key=len))):
            t = in_process(nlp, order, batch)
            print(f"one core, batch {batch:>3}, {label:<10}: {words / t:7.0f} words/s")
    with tempfile.TemporaryDirectory() as tmp:
        sub = Path(tmp) / "articles"
        sub.mkdir()
        for f in files:
            (sub / f.name).write_bytes(f.read_bytes())
        for processes in (1, 2):
            t, peak = as_process(sub, processes)
            mem = ", ".join(f"{k} RSS {r} MB PSS {p} MB" for k, (r, p) in sorted(peak.items()))
            print(f"reader annotate --processes {processes}: {t:.1f} s, {words / t:.0f} words/s; peak {mem}")


if __name__ == "__main__":
    main()
