"""While a cold library is being annotated, the article the reader opens is annotated next."""

import time

import pytest

from reader.library.processes import TASK_ARTICLES
from reader.ui.app import ReaderApp
from reader.ui.widgets.reading_pane import ReadingPane

SENTENCES = [
    "“We will open the new clinic in {n} weeks,” said Dr. Ana Ruiz, who runs the county health board.",
    "The council met on Tuesday to discuss the budget for the coming year and the state of the roads.",
    "“Nobody told us the bridge would close,” said Tom Baker, a baker whose shop is near the river.",
    "Officials said the repairs would cost about {n} million dollars and take most of the summer.",
]


@pytest.mark.slow
async def test_the_opened_article_jumps_a_queue_of_500(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    lib = tmp_path / "lib"
    lib.mkdir()
    for n in range(500):
        body = " ".join(s.format(n=n) for s in SENTENCES * 3)
        (lib / f"a{n:03}.txt").write_text(f"Story {n}\n\n{body}\n")
    # the longest sorts last in the annotation order
    (lib / "target.txt").write_text("The long one\n\n" + "\n\n".join(s.format(n=k) for k in range(20) for s in SENTENCES) + "\n")
    app = ReaderApp([lib])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):  # until the annotator is at work (it has finished something)
            await pilot.pause(0.05)
            if app.library is not None and len(app.library.annotations) >= 1:
                break
        assert app.library is not None and 1 <= len(app.library.annotations) < 100
        target = next(i for i, a in enumerate(app.library.articles) if a.title == "The long one")
        target_id = app.library.articles[target].id
        assert target_id not in app.library.annotations
        start = time.monotonic()
        done_before = len(app.library.annotations)
        app.open_article(target)
        while target_id not in app.library.annotations and time.monotonic() - start < 20:
            await pilot.pause(0.02)
        elapsed = time.monotonic() - start
        # what finished in between: the task each of the two workers had in hand, and what the
        # other worker gets through while the long target is parsed (a task or two)
        in_between = len(app.library.annotations) - done_before - 1
        for _ in range(50):  # and the pane shows its quotes
            await pilot.pause(0.02)
            if app.query_one(ReadingPane).shown.quotes:
                break
        waiting = 501 - len(app.library.annotations)
        print(f"annotated {elapsed:.2f} s after opening, {in_between} finished in between, {waiting} still waiting")
        # The order is the behaviour under test; the time (under 2 s on an idle machine) is
        # measured by bench/opened_next.py, since a shared CI machine makes any timing flaky.
        assert target_id in app.library.annotations, f"not annotated after {elapsed:.1f} s"
        assert in_between <= 4 * TASK_ARTICLES, in_between
        assert app.query_one(ReadingPane).shown.quotes and waiting > 100  # it jumped the queue
        await pilot.press("q")
