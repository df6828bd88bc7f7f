"""Property tests: any text gives spans inside the body, no exception, and the rendered text
is the body."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.nlp.marks import find_quoted
from reader.reading.layout import _end_cells, _end_narrow, _wrap, wrap
from reader.sources.plain import parse
from reader.text import clean, paragraphs

MARKS = "\"'“”‘’«»„ "
texty = st.text(
    alphabet=st.sampled_from(
        list("abc XY.,;:!?\n\t—–-()[]") + list(MARKS) + ["\x00", "\x1b", "\x7f", "\x9b", "é", "漢", "\u200b", "\r"]
    ),
    max_size=400,
)


@given(st.binary(max_size=600))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_loader_never_fails_and_cleans(tmp_path_factory, data):
    from reader.sources.files import read_file

    path = tmp_path_factory.mktemp("p") / "a.txt"
    path.write_bytes(data)
    article, problems = read_file(path)
    if article is not None:
        body = article.body
        assert not any(c in body for c in "\x00\x1b\x7f\x9b\r")
        for a, b in paragraphs(body):
            assert 0 <= a < b <= len(body)


@given(texty)
def test_clean_keeps_length_after_line_ends(text):
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert len(clean(text)) == len(normalised)


@given(texty)
@settings(max_examples=300)
def test_marks_give_ordered_spans_inside_the_text(text):
    body = clean(text)
    spans = find_quoted(body, paragraphs(body))
    last = -1
    for q in spans:
        for a, b in q.parts:
            assert 0 <= a < b <= len(body)
            assert a >= last
            last = b


@pytest.fixture(scope="module")
def extract_fn(nlp):
    from reader.nlp.annotate import from_doc

    return lambda text: from_doc(nlp(text))


@pytest.mark.slow
@given(text=texty)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_extractor_spans_inside_the_body(extract_fn, text):
    article, _ = parse("“" + text + " he said.", __import__("pathlib").Path("x.txt"))
    ann = extract_fn(article.body)
    for q in ann.quotes:
        for a, b in q.parts:
            assert 0 <= a < b <= len(article.body)
    for e in ann.entities:
        assert 0 <= e.start <= e.end <= len(article.body)


@given(texty, st.integers(min_value=8, max_value=60))
def test_layout_shows_every_character_of_the_body(text, width):
    body = clean(text)
    lines = wrap(body, width)
    shown = "".join(body[x.start : x.end] for x in lines)
    assert "".join(shown.split()) == "".join(body.split())  # only white space is laid out anew


@given(st.text(alphabet="ab c\n", max_size=200), st.integers(min_value=8, max_value=30))
def test_fast_and_cell_wrapping_agree(text, width):
    assert _wrap(text, 0, len(text), width, 0, _end_narrow) == _wrap(text, 0, len(text), width, 0, _end_cells)


async def test_rendered_plain_text_is_the_body():
    from app_fixture import make_app
    from rich.text import Text

    from reader.ui.widgets.reading_pane import ReadingPane

    app = make_app(with_third=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "n")
        pane = app.query_one(ReadingPane)
        styled = pane._styled
        assert isinstance(styled, Text) and styled.plain == pane.shown.body
        for line in pane.lines:
            assert styled[line.start : line.end].plain == pane.shown.body[line.start : line.end]
