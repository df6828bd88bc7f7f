"""Loading articles: front matter, encodings, offsets, titles, duplicates, bad files."""

import codecs

import pytest

from reader.sources.article import derive_title
from reader.sources.files import load_paths, read_file
from reader.text import paragraphs

BODY = "“It works,” she said.\nSecond paragraph.\n"

FILES = [
    # (id, bytes, expected body, expected title or None for "derived")
    ("plain-utf8", BODY.encode(), BODY, None),
    ("bom-crlf", codecs.BOM_UTF8 + BODY.replace("\n", "\r\n").encode(), BODY, None),
    ("utf16-bom", BODY.encode("utf-16"), BODY, None),
    ("latin1", "Café owners said “no”.\n".encode("cp1252"), "Café owners said “no”.\n", None),
    (
        "front-matter",
        ('+++\ntitle = "Peace talks"\nsource = "Wire"\ndate = 2024-05-01\nauthors = ["A. Writer"]\n+++\n' + BODY).encode(),
        BODY,
        "Peace talks",
    ),
    ("controls-replaced", "Bad\x1b[31m text\x07 here\x9b.\n".encode(), "Bad\ufffd[31m text\ufffd here\ufffd.\n", None),
]


@pytest.mark.parametrize("data,body,title", [f[1:] for f in FILES], ids=[f[0] for f in FILES])
def test_read(tmp_path, data, body, title):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article, problems = read_file(path)
    assert problems == []
    assert article.body == body
    assert article.title == (title or derive_title(body))


def test_front_matter_fields(tmp_path):
    path = tmp_path / "a.md"
    path.write_text('+++\ntitle = "T"\nurl = "https://x.test/a"\ndate = 2024-05-01\nauthors = "One Writer"\n+++\nText here.\n')
    article, _ = read_file(path)
    assert (article.title, article.url, article.date, article.authors) == ("T", "https://x.test/a", "2024-05-01", ["One Writer"])
    assert article.body == "Text here.\n"


def test_broken_front_matter_names_line_and_column(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text('+++\ntitle = "ok"\ndate = = 3\n+++\nThe body is still read.\n')
    article, problems = read_file(path)
    assert article.body == "The body is still read.\n"
    assert len(problems) == 1 and "bad.txt:line 3, column" in problems[0]


def test_offsets_hold_after_cleaning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"One\r\nTwo \x00three\r\n")
    article, _ = read_file(path)
    assert article.body == "One\nTwo \ufffdthree\n"
    assert [article.body[a:b] for a, b in paragraphs(article.body)] == ["One", "Two \ufffdthree"]


TITLES = [
    ("short-sentence", "Talks resume in Geneva. More text follows.", "Talks resume in Geneva."),
    (
        "long-cut-at-word",
        "The United Nations Secretary-General struck an ominous tone Wednesday when asked about his recent meeting.",
        "The United Nations Secretary-General struck an ominous tone Wednesday when…",
    ),
    ("headline-line", "Lynx coach unhappy after win\nBody.", "Lynx coach unhappy after win"),
    ("empty", "   \n", "(untitled)"),
]


@pytest.mark.parametrize("body,title", [t[1:] for t in TITLES], ids=[t[0] for t in TITLES])
def test_derive_title(body, title):
    assert derive_title(body) == title


def test_folders_recurse_dedupe_and_skip(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Same text.\n")
    (tmp_path / "sub" / "copy.md").write_text("Same text.\n")
    (tmp_path / "sub" / "other.md").write_text("Other text.\n")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "notes.csv").write_text("ignored,by,extension\n")
    result = load_paths([tmp_path])
    assert sorted(a.body for a in result.articles) == ["Other text.\n", "Same text.\n"]
    same = next(a for a in result.articles if a.body == "Same text.\n")
    assert [p.name for p in same.paths] == ["a.txt", "copy.md"]
    assert any("image.txt" in p and "binary" in p for p in result.problems)
    assert any("empty.txt" in p and "no text" in p for p in result.problems)
    assert len(result.problems) == 2


def test_missing_path_is_reported(tmp_path):
    result = load_paths([tmp_path / "nope"])
    assert result.articles == [] and "no such file" in result.problems[0]


def test_hard_wrapped_paragraphs():
    body = "First line of a\nwrapped paragraph.\n\nSecond one\nalso wrapped.\n"
    assert [body[a:b] for a, b in paragraphs(body)] == ["First line of a\nwrapped paragraph.", "Second one\nalso wrapped."]
