"""The reader on a big library: cold and warm times, first paint, keypress latency, memory.

    python bench/scale.py DIR [--cold]       (DIR from bench/make_corpus.py; the cache used is
                                             READER_CACHE_DIR, else a folder beside DIR)

Prints:
- cold (with --cold: an empty cache) and warm wall time of `reader quotes DIR --format jsonl`,
  and warm/cold;
- first paint: process start until the first article title is on screen, read in tmux
  (120x40) with capture-pane every 10 ms, warm cache, beside a bare Textual app's (started in
  turn), and their ratio;
- keypress latency in the article list: 200 `j` presses, each timed inside the app from the key
  event to the end of the refresh that follows (`call_after_refresh`), p50/p95;
- choosing a speaker in the search (the list narrows to their articles and their first quote
  opens), timed the same way, for the 40 speakers with most quotes, p50/p95;
- a speaker's dossier (`d`) for the 40 most quoted, and the library overview (`I`), each
  timed from the action to the new screen's first refresh, p50/max;
- resident memory (RSS) of the app process with the library loaded and its search index built
  (spaCy is not loaded on a warm start).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import first_paint as fp  # noqa: E402

READER = Path(sys.executable).parent / "reader"


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def first_paint(lib: Path, env: dict) -> tuple[float, float]:
    """Medians of 5 first paints of the reader (warm) and of a bare Textual app, in turn
    (bench/first_paint.py has the method, and the starts after `annotate` and `quotes`)."""
    if not shutil.which("tmux"):
        return float("nan"), float("nan")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reader")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(fp.BARE)
        marker = fp.first_title(lib)
        pairs = [
            (fp.paint(f"{READER} {lib}", marker, env), fp.paint(f"{sys.executable} {bare}", "bare app ready", env))
            for _ in range(5)
        ]
    return statistics.median(r for r, _ in pairs), statistics.median(b for _, b in pairs)


async def keypresses(lib: Path) -> tuple[list[float], int]:
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_list import ArticleList

    app = ReaderApp([lib])
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.query_one(ArticleList)
        for _ in range(600):
            await pilot.pause(0.05)
            if len(articles.rows) > 1000 and app.library and len(app.library.annotations) == len(app.library.articles):
                break
        while app.index is None:  # the search index is the last thing built
            await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        rss = _rss_mb()
        loop = asyncio.get_running_loop()
        for _ in range(200):
            done = loop.create_future()
            start = time.perf_counter()
            articles.action_cursor(1)  # what the `j` binding runs
            app.call_after_refresh(lambda done=done: done.done() or done.set_result(time.perf_counter()))
            end = await done
            latencies.append((end - start) * 1000)
            await asyncio.sleep(0.01)
        # a speaker chosen in the search: the list narrows to their articles, first quote opens
        filters = []
        people = sorted(app.library.speakers.speakers.values(), key=lambda sp: -sp.quotes)[:40]
        for sp in people:
            hits = app.index.search(sp.name, limit=1, kinds=("speaker",))
            if not hits:
                continue
            done = loop.create_future()
            start = time.perf_counter()
            app.open_hit(hits[0])
            app.call_after_refresh(lambda done=done: done.done() or done.set_result(time.perf_counter()))
            filters.append((await done - start) * 1000)
            await asyncio.sleep(0.01)

        async def timed_screen(open_it) -> float:
            """From the key's action to the screen's first refresh, then close it."""
            done = loop.create_future()
            start = time.perf_counter()
            open_it()  # (pushes the screen: it is app.screen from here, drawn in the next refresh)
            app.screen.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter()))
            took = (await done - start) * 1000
            await pilot.press("escape")
            await pilot.pause(0.05)
            return took

        # a speaker's dossier (`d`) for the 40 most quoted, and the overview (`I`)
        dossiers = [await timed_screen(lambda sp=sp: app.open_dossier(sp.id)) for sp in people]
        overviews = [await timed_screen(app.action_overview) for _ in range(10)]
    return latencies, filters, rss, dossiers, overviews


def _rss_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def main() -> None:
    lib = Path(sys.argv[1]).resolve()
    cold_run = "--cold" in sys.argv
    cache = os.environ.get("READER_CACHE_DIR") or str(lib.parent / f"{lib.name}-cache")
    env = {**os.environ, "READER_CACHE_DIR": cache, "XDG_DATA_HOME": str(lib.parent / f"{lib.name}-data")}
    os.environ.update(env)
    n = len(list(lib.glob("*.md")))
    cmd = [str(READER), "quotes", str(lib), "--format", "jsonl"]
    cold = None
    if cold_run:
        shutil.rmtree(cache, ignore_errors=True)
        cold = timed([str(READER), "annotate", str(lib)], env) + timed(cmd, env)
    warm = min(timed(cmd, env) for _ in range(2))
    paint, bare = first_paint(lib, env)
    latencies, filters, rss, dossiers, overviews = asyncio.run(keypresses(lib))
    d50, d_max = statistics.median(dossiers[1:]), max(dossiers[1:])
    o50, o_max = statistics.median(overviews[1:]), max(overviews[1:])
    f50, f95 = statistics.median(filters), sorted(filters)[int(0.95 * (len(filters) - 1))]
    p50, p95 = statistics.median(latencies), sorted(latencies)[int(0.95 * (len(latencies) - 1))]
    print(f"articles={n}")
    if cold is not None:
        print(f"cold (annotate + quotes) {cold:.1f} s; warm quotes {warm:.2f} s; warm/cold {warm / cold:.3f}")
    else:
        print(f"warm quotes {warm:.2f} s")
    print(f"first paint (tmux, warm) {paint * 1000:.0f} ms; a bare Textual app {bare * 1000:.0f} ms; ratio {paint / bare:.2f}")
    print(f"list keypress p50 {p50:.1f} ms p95 {p95:.1f} ms; app RSS {rss} MB (library loaded, search index built)")
    print(
        f"filter by speaker (search hit chosen -> list narrowed, first quote shown) p50 {f50:.1f} ms p95 {f95:.1f} ms over {len(filters)} speakers"
    )
    print(
        f"dossier opened (d: computed and drawn) first {dossiers[0]:.1f} ms (the screen is made), then p50 {d50:.1f} ms "
        f"max {d_max:.1f} ms over the {len(dossiers)} most quoted; overview (I) first {overviews[0]:.1f} ms, then p50 "
        f"{o50:.1f} ms max {o_max:.1f} ms (target: under 100 ms)"
    )
    print(
        f"cold_s={cold if cold is None else round(cold, 1)} warm_s={warm:.2f} first_paint_ms={paint * 1000:.0f} bare_ms={bare * 1000:.0f} "
        f"key_p95_ms={p95:.1f} filter_p95_ms={f95:.1f} dossier_max_ms={d_max:.1f} overview_max_ms={o_max:.1f} rss_mb={rss}"
    )


if __name__ == "__main__":
    main()
