"""One article never costs the others: a failure in its annotation, or in a library-wide step
for it, is one line for the user, a traceback in the log, and the run goes on."""

import json
import os
from pathlib import Path

import pytest
from helpers import reader

from reader import faults
from reader.library.speakers import SpeakerIndex

# Loaded at interpreter start (sitecustomize) by the subprocesses of these tests: a rule that
# fails on any article that mentions Zanzibar, put first in the table.
INJECT = """
from reader.nlp import rules

def explode(ctx, quote):
    if "Zanzibar" in ctx.doc.text:
        raise RuntimeError("injected failure")
    return None

rules.RULES.insert(0, ("explode", explode))
"""
ARTICLES = {
    "a.txt": "Ann Lee spoke on Monday.\n“We will rebuild the bridge,” said Ann Lee.\n",
    "b.txt": "Bob Ray flew to Zanzibar.\n“The island is calm,” said Bob Ray.\n",
    "c.txt": "Cy Dunn met voters.\n“Taxes will fall,” said Cy Dunn.\n",
    "d.txt": "Di Moss toured the port.\n“Ships are late,” said Di Moss.\n",
}


@pytest.fixture
def injected(tmp_path, monkeypatch):
    """A library of four articles, one of which trips the injected rule; private folders."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(INJECT)
    lib = tmp_path / "lib"
    lib.mkdir()
    for name, text in ARTICLES.items():
        (lib / name).write_text(text)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    env = {**os.environ, "PYTHONPATH": str(hook)}
    return lib, env, tmp_path / "state" / "quotereader" / "reader.log"


def _only_failure_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.slow
def test_cli_goes_on_past_a_failing_article(injected):
    lib, env, log = injected
    result = reader("quotes", str(lib), "--format", "jsonl", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    line = _only_failure_line(result.stderr)
    assert "b.txt" in line and "RuntimeError: injected failure" in line and str(log) in line
    speakers = {json.loads(r)["speaker"] for r in result.stdout.splitlines()}
    assert speakers == {"Ann Lee", "Cy Dunn", "Di Moss"}
    text = log.read_text()
    assert "Traceback" in text and "explode" in text and "b.txt" in text
    # the failure is cached with its reason: a warm run says so again, and still exits 0
    again = reader("quotes", str(lib), "--format", "jsonl", env=env)
    assert again.returncode == 0 and "b.txt" in _only_failure_line(again.stderr)
    listed = reader("articles", str(lib), "--format", "jsonl", env=env)
    assert {json.loads(r)["file"].rsplit("/", 1)[-1] for r in listed.stdout.splitlines()} == set(ARTICLES)


@pytest.mark.slow
def test_annotate_with_two_processes_goes_on(injected):
    lib, env, log = injected
    result = reader("annotate", str(lib), "--processes", "2", env=env)
    assert result.returncode == 0, result.stderr
    failures = [line for line in result.stderr.splitlines() if "not annotated" in line]
    assert len(failures) == 1 and "b.txt" in failures[0] and "injected failure" in failures[0]
    assert "annotated 4 articles" in result.stderr
    assert "explode" in log.read_text()
    # the other three were cached: a later run (without the injection) reads them as they are
    plain = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    quotes = reader("quotes", str(lib), "--format", "jsonl", env=plain)
    assert {json.loads(r)["speaker"] for r in quotes.stdout.splitlines()} == {"Ann Lee", "Cy Dunn", "Di Moss"}


@pytest.mark.slow
async def test_app_shows_the_failure_and_the_article(injected, monkeypatch):
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.reading_pane import ReadingPane

    lib, env, _ = injected
    monkeypatch.setenv("PYTHONPATH", env["PYTHONPATH"])  # the app's `reader annotate` inherits it
    app = ReaderApp([lib])
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if app.library is not None and len(app.library.annotations) == 4 and not app.query_one("#progress").display:
                break
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        notes = [n.message for n in app._notifications]
        assert any("b.txt" in n and "injected failure" in n for n in notes), notes
        rows = app.query_one(ArticleList).rows
        assert len(rows) == 4
        quotes = {a.path.name: len(app.library.annotations[a.id].quotes) for a in app.library.articles}
        assert quotes == {"a.txt": 1, "b.txt": 0, "c.txt": 1, "d.txt": 1}
        b = next(i for i, a in enumerate(app.library.articles) if a.path.name == "b.txt")
        app.open_article(b)
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        shown = "\n".join(pane.render_line(y).text for y in range(pane.size.height))
        assert "Bob Ray flew to Zanzibar." in shown


def test_a_library_wide_step_failing_for_one_article_costs_only_it(monkeypatch):
    from app_fixture import fixture_library

    import reader.library.speakers as speakers

    real = speakers.SpeakerIndex._merge_surnames

    def failing(self, surnames, forms):
        if "dujarric" in surnames:
            raise ValueError("injected merge failure")
        return real(self, surnames, forms)

    monkeypatch.setattr(speakers.SpeakerIndex, "_merge_surnames", failing)
    lib = fixture_library()
    names = {s.name for s in lib.speakers.speakers.values()}
    assert "António Guterres" in names and "Stephane Dujarric" not in names
    lines = [p for p in lib.problems if "speaker merging failed" in p]
    assert len(lines) == 1 and "004_10164021a52d338b.txt" in lines[0] and "injected merge failure" in lines[0]
    lib.finish()  # the steps run again as annotations arrive: the failure is reported once
    assert len([p for p in lib.problems if "speaker merging failed" in p]) == 1


def test_spacy_failing_inside_a_batch_costs_only_that_text(monkeypatch):
    """An exception from inside nlp.pipe: the batch's texts are parsed one by one, the one that
    fails alone is marked failed, and a new run takes the rest."""
    from reader.nlp import annotate as annotate_module
    from reader.nlp.records import Annotation

    class Doc:
        def __init__(self, text):
            if "KABOOM" in text:
                raise ValueError("the parser broke")
            self.text = text

    class FakeNlp:
        def __call__(self, text):
            return Doc(text)

        def pipe(self, texts, batch_size):
            yield from [Doc(text) for text in texts]  # one bad text fails the batch

    monkeypatch.setattr(annotate_module, "from_doc", lambda doc: Annotation([], [(0, len(doc.text))], []))
    texts = [f"text {n}" for n in range(10)] + ["KABOOM"] + [f"after {n}" for n in range(9)]
    out = list(annotate_module.annotate(FakeNlp(), texts, batch_size=4, names=[f"{n}.txt" for n in range(20)]))
    assert len(out) == 20
    assert [n for n, a in enumerate(out) if a.error] == [10]
    assert "ValueError: the parser broke" in out[10].error
    assert all(a.chunks == [(0, len(t))] for a, t in zip(out, texts) if not a.error)
    assert "10.txt" in faults.log_path().read_text()


@pytest.mark.parametrize(
    "quoted",
    [
        # ">John Smith" (a forum post quoted in an article) once slugged like "John Smith"
        # and took its id: a KeyError that stopped the whole library
        [("a1", "John Smith"), ("a2", ">John Smith"), ("a3", "Jane Smith")],
        [("a1", "Hillary Clinton"), ("a2", "[Hillary] Clinton"), ("a3", "Bill Clinton")],
    ],
    ids=["leading-punctuation", "editors-brackets"],
)
def test_speaker_names_with_punctuation_merge(quoted):
    index = SpeakerIndex([(a, n, "person", []) for a, n in quoted])
    assert index.faults == []
    first = index.speaker_id(*quoted[0][:2], "person")
    assert first is not None and index.speaker_id(*quoted[1][:2], "person") == first
    assert index.speaker_id(*quoted[2][:2], "person") not in (None, first)
    assert index.get(first).quotes == 2


def test_names_lose_markup_and_brackets():
    from reader.nlp.names import clean_name

    assert clean_name(">Smith") == "Smith"
    assert clean_name("[Hillary] Clinton") == "Hillary Clinton"
    assert clean_name("[link=https://example.org]Bob Jones[/link]") == "Bob Jones"
    assert clean_name("Bob Jones[/link") == "Bob Jones"
    assert clean_name("Doug \u00adAndres") == "Doug Andres"  # a soft hyphen
    assert clean_name("O’Leary’s") == "O’Leary"


def test_report_is_one_line_and_logs_the_traceback():
    try:
        {}["missing"]
    except KeyError as exc:
        line = faults.report("some/file.txt", "annotation", exc)
    assert "\n" not in line
    assert line.startswith(
        "some/file.txt: annotation failed, KeyError: 'missing' (test_faults.py, test_report_is_one_line_and_logs_the_traceback)"
    )
    assert "Traceback (most recent call last)" in Path(faults.log_path()).read_text()


def test_an_empty_description_is_never_a_role(nlp):
    """The parser can take a role noun for punctuation ("…,” professor Anna He said", in a
    generated article), and the description came out empty: every role check then failed
    on it (IndexError). Blank descriptions are not roles."""
    from reader.nlp.mentions import ArticleMentions

    doc = nlp("Ann Lee, a nurse, spoke on Monday.")
    people = ArticleMentions(doc, [False] * len(doc))
    key = next(iter(people.roles))
    people._add_role(key, "")
    people._add_role(key, "  ")
    assert all(r.strip() for roles in people.roles.values() for r in roles)
    assert people._is_role("nurse") and not people._is_role("plumber")
