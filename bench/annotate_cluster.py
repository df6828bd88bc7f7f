"""The Dask cluster path against the local pool, on one machine.

    python bench/annotate_cluster.py [N] [WORKERS] [--dask-malloc]
                                                       (defaults: 1000 articles, 2 workers)

Writes N articles with bench/make_corpus.py, then in one run annotates them twice with an empty
cache each time: `reader annotate --processes WORKERS` (the local pool) and `reader annotate
--scheduler local --processes WORKERS` (a Dask LocalCluster of WORKERS single-threaded worker
processes). Each is timed from process start to exit, so the cluster's start and each worker's
model load count against it, as they do for the user. Prints words/s of each, their ratio
(target: the cluster within 15% of the pool, so that adding machines is pure gain), and whether
the two caches hold the same records byte for byte. With --dask-malloc, a third run: the
cluster with the `MALLOC_TRIM_THRESHOLD_=65536` Dask's nanny gives its workers by default
(reader/library/cluster.py leaves it out), set in the environment the workers inherit.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(lib: Path, cache: Path, extra: list[str], env_extra: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds of one `reader annotate` into an empty ``cache``, and the words it did."""
    env = {**os.environ, "READER_CACHE_DIR": str(cache), **(env_extra or {})}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "annotate", str(lib), *extra], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"reader annotate {' '.join(extra)} failed:\n{result.stderr}")
    found = re.search(r"\((\d+) words\)", result.stderr)
    assert found, result.stderr
    return seconds, int(found.group(1))


def records(cache: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in cache.glob("a*/*/*.msgpack")}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    workers = args[1] if len(args) > 1 else "2"
    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / "lib"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(lib)], check=True, capture_output=True
        )
        pool_s, words = run(lib, Path(tmp) / "pool", ["--processes", workers])
        print(
            f"local pool, {workers} processes:        {n} articles, {words} words in {pool_s:6.1f} s: {words / pool_s:6.0f} words/s"
        )
        dask_s, _ = run(lib, Path(tmp) / "dask", ["--scheduler", "local", "--processes", workers])
        print(
            f"Dask LocalCluster, {workers} workers:     {n} articles, {words} words in {dask_s:6.1f} s: {words / dask_s:6.0f} words/s"
        )
        ratio = pool_s / dask_s
        print(f"cluster / pool: {ratio:.2f} of the pool's speed (target: at least 0.85)")
        same = records(Path(tmp) / "pool") == records(Path(tmp) / "dask")
        print(f"the two caches hold the same records byte for byte: {'yes' if same else 'NO'}")
        if "--dask-malloc" in sys.argv:
            trim = {"MALLOC_TRIM_THRESHOLD_": "65536"}
            slow_s, _ = run(lib, Path(tmp) / "dask-malloc", ["--scheduler", "local", "--processes", workers], trim)
            print(
                f"the same cluster with Dask's MALLOC_TRIM_THRESHOLD_=65536: {words / slow_s:6.0f} words/s "
                f"({dask_s / slow_s:.2f} of the cluster's speed without it)"
            )


if __name__ == "__main__":
    main()
