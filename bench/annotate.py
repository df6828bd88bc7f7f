"""Annotation speed: the reader's annotation against bare spaCy, and cold vs warm CLI runs.

    python bench/annotate.py [N]      (default N = 200)

Builds N articles by recombining the seed paragraphs (shuffled, 8-16 paragraphs each, every
body distinct), then prints in one run:
- words/s of the reader's annotation (spaCy + entities, noun chunks, quotes and speakers) and
  of bare ``nlp.pipe`` on a freshly loaded model (same model and components, same texts, same
  batch size), and their ratio (target >= 0.9);
- wall time of ``reader entities DIR`` with an empty cache (cold) and again (warm), and their
  ratio (target <= 0.10).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.nlp import pipeline  # noqa: E402
from reader.nlp.annotate import BATCH_SIZE, annotate  # noqa: E402
from reader.text import paragraphs  # noqa: E402


def make_articles(n: int, seed: int = 7) -> list[str]:
    pars = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        pars += [body[a:b] for a, b in paragraphs(body)]
    rng = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        body = "\n".join(rng.sample(pars, rng.randint(8, min(16, len(pars))))) + "\n"
        if body not in seen:
            seen.add(body)
            out.append(body)
    return out


def words_per_second(fn, texts) -> float:
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    fn(texts)
    return words / (time.perf_counter() - start)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    texts = make_articles(n)
    words = sum(len(t.split()) for t in texts)
    print(f"articles={n} words={words} (recombined seed paragraphs)")

    import spacy

    name = pipeline.model_info().name
    ours = pipeline.load(name)
    bare = spacy.load(name)
    warm = texts[:8]
    list(annotate(ours, warm))
    list(bare.pipe(warm, batch_size=BATCH_SIZE))

    def run_bare(ts):
        for _ in bare.pipe(ts, batch_size=BATCH_SIZE):
            pass

    def run_ours(ts):
        for _ in annotate(ours, ts, batch_size=BATCH_SIZE):
            pass

    # Alternate the two twice and keep each one's best, so a busy moment does not decide it.
    bare_wps = max(words_per_second(run_bare, texts) for _ in range(2))
    ours_wps = max(words_per_second(run_ours, texts) for _ in range(2))
    ratio = ours_wps / bare_wps
    print(f"bare nlp.pipe     {bare_wps:9.0f} words/s  (model {name}, batch {BATCH_SIZE})")
    print(f"reader annotate   {ours_wps:9.0f} words/s")
    print(f"ratio             {ratio:9.3f}  (target >= 0.9)")

    with tempfile.TemporaryDirectory() as tmp:
        lib = Path(tmp) / "lib"
        lib.mkdir()
        for i, body in enumerate(texts):
            (lib / f"{i:05d}.txt").write_text(body, encoding="utf-8")
        env = {**os.environ, "READER_CACHE_DIR": str(Path(tmp) / "cache")}
        cmd = [sys.executable, "-m", "reader", "entities", str(lib)]

        def timed() -> float:
            start = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            return time.perf_counter() - start

        cold = timed()
        warm_t = min(timed() for _ in range(3))
    print(f"reader entities   cold {cold:6.2f} s   warm {warm_t:6.2f} s   warm/cold {warm_t / cold:5.3f}  (target <= 0.10)")
    print(f"ratio={ratio:.3f} cold_s={cold:.2f} warm_s={warm_t:.2f} warm_over_cold={warm_t / cold:.3f}")


if __name__ == "__main__":
    main()
