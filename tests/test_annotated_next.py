"""While a cold library is being annotated, the article the reader opens is annotated next."""

import time

import pytest

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
        app.open_article(target)
        while target_id not in app.library.annotations and time.monotonic() - start < 20:
            await pilot.pause(0.02)
        elapsed = time.monotonic() - start
        for _ in range(50):  # and the pane shows its quotes
            await pilot.pause(0.02)
            if app.query_one(ReadingPane).shown.quotes:
                break
        waiting = 501 - len(app.library.annotations)
        print(f"annotated {elapsed:.2f} s after opening, {waiting} articles still waiting")
        assert elapsed < 2.0, f"{elapsed:.2f} s"
        assert app.query_one(ReadingPane).shown.quotes and waiting > 100  # it jumped the queue
        await pilot.press("q")
