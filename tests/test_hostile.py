"""Messy real material: every kind of bad file gets one clear line, the rest still opens,
nothing reaches the terminal."""

import codecs
import json
import os

import pytest
from helpers import reader

pytestmark = pytest.mark.slow


def run(*args, env=None):
    return reader(*args, env={**os.environ, **(env or {})}, text=False)


@pytest.fixture
def messy(tmp_path):
    d = tmp_path / "lib"
    d.mkdir()
    (d / "good.txt").write_text("“We will rebuild,” said Maria Lopez.\n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "latin1.txt").write_bytes("Café owners said “no”, said José Pérez.\n".encode("cp1252"))
    (d / "utf16.txt").write_bytes("“Ready,” said Ann Lee.\n".encode("utf-16"))
    (d / "empty.txt").write_text("")
    (d / "blank.md").write_text("  \n\t\n")
    (d / "nul.txt").write_bytes(b"Text with a \x00 NUL byte inside, said Bob Hall.\n")
    (d / "frontmatter.md").write_text('+++\ntitle = "Broken\n+++\nThe body is still read.\n')
    (d / "controls.txt").write_bytes(b"Escape \x1b]0;pwned\x07 and \x1b[31mred\x1b[0m, DEL \x7f, C1 \xc2\x9b here.\n")
    (d / "markup.txt").write_text("[bold]not bold[/bold] and [@click=app.quit]x[/] stay.\n")
    (d / "stray “quote marks.txt").write_text("He said “this never closes. And ‘this’ neither” ” “.\n")
    (d / "name with\nnewline.txt").write_text("A file with a newline in its name.\n")
    os.symlink(d / "missing.txt", d / "dangling.txt")
    os.symlink(d, d / "loop")
    os.mkfifo(d / "fifo.txt")
    try:
        (d / b"bad-\xff-name.txt".decode("utf-8", "surrogateescape")).write_text("Odd bytes in the name.\n")
    except (OSError, UnicodeEncodeError):
        pass
    return d


def test_articles_on_messy_folder(messy):
    result = run("articles", str(messy), "--format", "jsonl")
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, err
    assert "Traceback" not in err
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    files = {r["file"].rsplit("/", 1)[-1] for r in rows}
    for name in ("good.txt", "latin1.txt", "utf16.txt", "nul.txt", "frontmatter.md", "controls.txt", "markup.txt"):
        assert name in files, (name, files)
    for what in (
        "binary.txt: skipped, binary",
        "empty.txt: skipped, no text",
        "blank.md: skipped, no text",
        "frontmatter.md:line",
        "dangling.txt: ",
        "fifo.txt: not a regular file",
    ):
        assert what in err, (what, err)
    # one line each
    assert all(line.startswith("reader: ") for line in err.splitlines())
    # nothing that could drive a terminal, anywhere in the output
    for stream in (result.stdout, result.stderr):
        assert not any(b in stream for b in (b"\x1b", b"\x07", b"\x7f", b"\xc2\x9b"))


def test_quotes_on_messy_folder(messy):
    result = run("quotes", str(messy), "--format", "jsonl")
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(r["speaker"] == "Maria Lopez" for r in rows)
    assert any(r["speaker"] == "José Pérez" for r in rows)  # decoded from cp1252


def test_table_output_with_odd_names(messy):
    result = run("articles", str(messy))
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert b"\x1b" not in result.stdout


def test_size_limits_from_config(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "huge.txt").write_text("word " * 1_100_000)  # 5.5 MB, one line
    (lib / "small.txt").write_text("“Fine,” said Ann Lee.\n")
    config = tmp_path / "config.toml"
    config.write_text("max_annotate_chars = 100000\n")
    result = run("quotes", str(lib), "--format", "jsonl", env={"READER_CONFIG": str(config)})
    err = result.stderr.decode()
    assert result.returncode == 0 and "Traceback" not in err
    assert "huge.txt: not annotated, 5,500,000 characters is over the 100,000 limit" in err
    assert [json.loads(line)["speaker"] for line in result.stdout.decode().splitlines()] == ["Ann Lee"]
    config.write_text("max_file_mb = 2\n")
    err = run("articles", str(lib), env={"READER_CONFIG": str(config)}).stderr.decode()
    assert "huge.txt: skipped, 5.5 MB is over the 2 MB limit" in err


def test_json_escapes_del_and_c1():
    import io

    from reader.cli import output

    buf = io.StringIO()
    output.jsonl([{"t": "a\x7fb\x9bc\x1bd"}], buf)
    line = buf.getvalue()
    assert "\x7f" not in line and "\x9b" not in line and "\x1b" not in line
    assert json.loads(line)["t"] == "a\x7fb\x9bc\x1bd"


def test_link_loop_is_not_followed(tmp_path):
    from reader.sources.files import load_paths

    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text("Text.\n")
    os.symlink(d, d / "loop")
    os.symlink(tmp_path, d / "up")
    result = load_paths([d])
    assert [a.body for a in result.articles] == ["Text.\n"]


def test_bom_utf16_and_offsets(tmp_path):
    from reader.sources.files import read_file

    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "“Hi,” she said.\r\n".encode("utf-16-le"))
    article, problems = read_file(p)
    assert article.body == "“Hi,” she said.\n" and problems == []


async def test_reading_pane_on_a_5_mb_article(tmp_path):
    import time

    from reader.library.core import load_library
    from reader.nlp.records import Annotation
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.reading_pane import ReadingPane

    (tmp_path / "big.txt").write_text(("A paragraph of news text that goes on. " * 40 + "\n") * 3300)  # over 5 MB
    lib = load_library([tmp_path])
    assert len(lib.articles[0].body) > 5_000_000
    lib.annotations = {lib.articles[0].id: Annotation([], [], [])}
    app = ReaderApp(library=lib.finish())
    async with app.run_test(size=(120, 40)) as pilot:
        start = time.monotonic()
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        await pilot.press("tab", "G")
        await pilot.pause()
        assert pane.scroll_y > 100_000  # at the end of some 150,000 lines
        assert "goes on." in pane.render_line(0).text + pane.render_line(1).text
        assert time.monotonic() - start < 30  # it answers (a benchmark would time it; this guards a hang)
