"""Time and peak memory of `reader quotes` on hostile and huge texts, against their size.

    python bench/hostile.py [--sizes 10000,100000,1000000] [--kinds marks,nested,dense]

Each case is a fresh `python -m reader quotes FILE` with an empty cache (so the model loads and
the text is parsed), run from a small wrapper that reports the child's peak RSS. Kinds:
- marks:  a run of straight double quote marks, then " said Bob."
- nested: curly double and single opening marks at random, no spaces
- dense:  news-like prose full of quotes (split quotes, nested quotes, partial quotes)
Prints one line per case: kind, characters, seconds, peak RSS in MB.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WRAPPER = r"""
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def make(kind: str, size: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    if kind == "marks":
        return '"' * size + " said Bob.\n"
    if kind == "nested":
        return "".join(rng.choice("“‘") for _ in range(size)) + "\n"
    names = ["Maria Lopez", "Tom Baker", "Ann Lee", "Omar Haddad", "Jane Doe", "Carl Banks"]
    verbs = ["said", "told reporters", "added", "wrote", "insisted", "warned"]
    bits = [
        "we will rebuild the bridge",
        "it is a ‘disgrace’ and a shame",
        "nobody saw it coming",
        "prices will fall next year",
        "I told him ‘never again’",
        "this is not over",
    ]
    paras: list[str] = []
    total = 0
    while total < size:
        s = []
        for _ in range(rng.randint(2, 5)):
            who, verb, bit = rng.choice(names), rng.choice(verbs), rng.choice(bits)
            form = rng.randint(0, 3)
            if form == 0:
                s.append(f"“{bit.capitalize()},” {who} {verb}.")
            elif form == 1:
                s.append(f"{who} {verb} that “{bit}.”")
            elif form == 2:
                s.append(f"“{bit.capitalize()},” {verb.split()[0]} {who}, “and {rng.choice(bits)}.”")
            else:
                s.append(f"He called it “{rng.choice(['a farce', 'theatre', 'nonsense'])}” on Monday.")
        paras.append(" ".join(s))
        total += len(paras[-1]) + 2
    return "A long transcript of the hearing\n\n" + "\n\n".join(paras) + "\n"


def measure(text: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_text(text, encoding="utf-8")
        env = {**os.environ, "READER_CACHE_DIR": str(Path(tmp) / "cache"), "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "reader", "quotes", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        seconds = time.perf_counter() - start
    return seconds, int(out[1]) / 1024, int(out[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--kinds", default="marks,nested,dense")
    a = ap.parse_args()
    print(f"{'kind':<8} {'chars':>10} {'seconds':>8} {'peak MB':>8}")
    for kind in a.kinds.split(","):
        for size in map(int, a.sizes.split(",")):
            text = make(kind, size)
            seconds, mb, rc = measure(text)
            print(f"{kind:<8} {len(text):>10,} {seconds:>8.1f} {mb:>8.0f}" + ("" if rc == 0 else f"  exit {rc}"), flush=True)


if __name__ == "__main__":
    main()
