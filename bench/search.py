"""Search speed and quality: keystroke latency of the index at 100,000 entries, and recall.

    python bench/search.py [N] [--library DIR]     (default N = 100000)

Builds N generated entries (at least 20,000 distinct person names, with accents; organisations,
places, topics, quotes, titles and paragraphs composed from word lists), then types 50 queries
character by character (a third with a typo, a third with accents dropped or added, a third as
written) and times ``SearchIndex.search`` at every keystroke. Recall@10 compares the index's top
ten with ``SearchIndex.exhaustive`` (the same ranking computed entry by entry, no index, ties by
score, then weight, then text) on every full query and on 100 sampled prefixes. When fzf is
installed, ``fzf --filter`` is timed on the same entries for the full queries. The last line is
``p50_ms=... p95_ms=... recall10=... fzf_ms=...``.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordlists import ADJ, FIRST, LAST, NOUN, ORG, PLACE  # noqa: E402

from reader.search.index import Entry, SearchIndex  # noqa: E402


def make_entries(n: int, rng: random.Random) -> tuple[list[Entry], list[str]]:
    names = sorted({f"{f} {s}" for f in FIRST for s in LAST})
    rng.shuffle(names)
    people = names[: max(20_000, n // 5)]
    entries: list[Entry] = []

    def weight() -> int:
        return max(1, int(rng.paretovariate(1.2)))

    for name in people:  # speakers and person entities
        entries.append(Entry("speaker", name, weight(), (name,)))
    k = 0
    while len(entries) < n:
        k += 1
        r = rng.random()
        if r < 0.2:
            text = f"{rng.choice(PLACE)} {rng.choice(ADJ).title()} {rng.choice(ORG)}"
            entries.append(Entry("entity", text, weight(), ("org", k)))
        elif r < 0.45:
            text = f"{rng.choice(ADJ)} {rng.choice(NOUN)}" + (f" {rng.choice(NOUN)}" if rng.random() < 0.4 else "")
            entries.append(Entry("topic", text, weight(), ("topic", k)))
        elif r < 0.65:
            text = f"The {rng.choice(ADJ)} {rng.choice(NOUN)} will {rng.choice(['not ', ''])}{rng.choice(['help', 'hurt', 'change', 'end'])} the {rng.choice(NOUN)} in {rng.choice(PLACE)}"
            entries.append(Entry("quote", text, 1, ("quote", k)))
        elif r < 0.8:
            text = f"{rng.choice(people)} {rng.choice(['warns', 'says', 'calls for', 'rejects'])} {rng.choice(ADJ)} {rng.choice(NOUN)}"
            entries.append(Entry("article", text, 1, ("article", k)))
        else:
            words = [rng.choice(ADJ + NOUN) for _ in range(rng.randint(12, 30))]
            text = " ".join(words) + f" in {rng.choice(PLACE)}, said {rng.choice(people)}."
            entries.append(Entry("text", text, 1, ("text", k)))
    return entries, people


_ACCENTED = str.maketrans("aeiouncAEIOU", "áéíóúñçÁÉÍÓÚ")


def queries(people: list[str], topics: list[str], rng: random.Random, n: int = 50) -> list[str]:
    out = []
    for i in range(n):
        target = rng.choice(people) if i % 5 else rng.choice(topics)
        words = target.split()
        q = " ".join(words[-1:]) if rng.random() < 0.5 else target
        if i % 3 == 0 and len(q) > 5:  # a typo: drop, swap or replace a letter
            j = rng.randrange(1, len(q) - 1)
            q = rng.choice([q[:j] + q[j + 1 :], q[:j] + q[j + 1] + q[j] + q[j + 2 :], q[:j] + "e" + q[j + 1 :]])
        elif i % 3 == 1:  # accents dropped, or added where there were none
            import unicodedata

            plain = "".join(c for c in unicodedata.normalize("NFKD", q) if not unicodedata.combining(c))
            q = plain if plain != q else q.translate(_ACCENTED)
        out.append(q.lower() if rng.random() < 0.5 else q)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def type_queries(index: SearchIndex, qs: list[str], **kw) -> tuple[list[float], list[str]]:
    """Every prefix of every query, timed as the app asks it."""
    times, prefixes = [], []
    for q in qs:
        for k in range(1, len(q) + 1):
            t = time.perf_counter()
            index.search(q[:k], **kw)
            times.append((time.perf_counter() - t) * 1000)
            prefixes.append(q[:k])
    return times, prefixes


def on_library(folder: Path, rng: random.Random) -> None:
    """The same typing on the index of a real library (the scale issue's 10,000 articles),
    with the search bar's own call (30 hits, 5 a kind). Annotations come from the cache
    (READER_CACHE_DIR); annotate first with `reader annotate DIR`."""
    from reader.library.core import open_library
    from reader.search.entries import library_entries

    start = time.perf_counter()
    lib = open_library([folder])
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    entries = library_entries(lib)
    index = SearchIndex(entries)
    index.prepare()
    built = time.perf_counter() - start
    print(
        f"library {folder}: {len(lib.articles)} articles loaded in {loaded:.1f} s; index of {len(index)} entries built in {built:.1f} s"
    )
    people = [sp.name for sp in lib.speakers.speakers.values() if sp.kind == "person"]
    topics = [e.text for e in entries.small if e.kind in ("topic", "entity")]
    qs = queries(people, topics, rng)
    times, _ = type_queries(index, qs, limit=30, per_kind=5)
    print(f"library keystrokes={len(times)} p50_ms={pct(times, 50):.2f} p95_ms={pct(times, 95):.2f} max_ms={max(times):.2f}")
    sample = qs[:10]
    recalls = []
    for q in sample:
        got = {h.index for h in index.search(q, 10)}
        want = {h.index for h in index.exhaustive(q, 10)}
        recalls.append(len(got & want) / len(want) if want else 1.0)
    print(f"library recall@10 over {len(sample)} full queries = {statistics.mean(recalls):.3f}")


def main() -> None:
    args = sys.argv[1:]
    library = None
    if "--library" in args:
        at = args.index("--library")
        library = Path(args[at + 1])
        del args[at : at + 2]
    n = int(args[0]) if args else 100_000
    rng = random.Random(11)
    entries, people = make_entries(n, rng)
    distinct_names = len({e.text for e in entries if e.kind == "speaker"})
    start = time.perf_counter()
    index = SearchIndex(entries)
    index.prepare()
    build = time.perf_counter() - start
    print(f"entries={len(index)} distinct_names={distinct_names} build_s={build:.2f}")
    qs = queries(people, [e.text for e in entries if e.kind == "topic"], rng)
    times, prefixes = type_queries(index, qs, limit=10)
    p50, p95 = pct(times, 50), pct(times, 95)
    print(f"keystrokes={len(times)} p50_ms={p50:.2f} p95_ms={p95:.2f} max_ms={max(times):.2f}")

    sample = qs + rng.sample(prefixes, min(100, len(prefixes)))
    recalls = []
    for q in sample:
        got = {h.index for h in index.search(q, 10)}
        want = {h.index for h in index.exhaustive(q, 10)}
        recalls.append(len(got & want) / len(want) if want else 1.0)
    recall = statistics.mean(recalls)
    print(f"recall@10 over {len(sample)} queries (50 full, {len(sample) - 50} prefixes) = {recall:.3f}")

    fzf_ms = "NA"
    if shutil.which("fzf"):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
            fh.write("\n".join(e.text for e in entries))
            path = fh.name
        runs = []
        for q in qs:
            t = time.perf_counter()
            with open(path, "rb") as src:
                subprocess.run(["fzf", "--filter", q], stdin=src, stdout=subprocess.DEVNULL, check=False)
            runs.append((time.perf_counter() - t) * 1000)
        fzf_ms = f"{statistics.median(runs):.1f}"
        print(f"fzf --filter (whole process, full queries): median {fzf_ms} ms, p95 {pct(runs, 95):.1f} ms")
    else:
        print("fzf not installed (apt-get install fzf): not compared")
    if library:
        on_library(library, rng)
    else:
        print("no --library DIR (a bench/make_corpus.py folder, annotated): not run on a real library index")
    print(f"p50_ms={p50:.2f} p95_ms={p95:.2f} recall10={recall:.3f} fzf_ms={fzf_ms}")


if __name__ == "__main__":
    main()
