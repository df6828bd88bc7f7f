"""Themes and config.toml: loading, contrast, broken files, precedence, keymap."""

from pathlib import Path

import pytest
from textual.color import Color

from reader.config import decide, load_config
from reader.nlp.labels import KINDS
from reader.themes import load_theme, load_themes
from reader.ui.keymap import check_keymap
from reader.ui.theming import to_textual

SHIPPED = sorted((Path(__file__).resolve().parent.parent / "themes").glob("*.toml"))
TEXT_KEYS = [*KINDS, "quote", "speaker"]


def _lum(c: Color) -> float:
    def ch(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)


def wcag(a: str, b: str) -> float:
    la, lb = sorted((_lum(Color.parse(a)), _lum(Color.parse(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_at_least_four_shipped_themes_each_a_textual_theme():
    assert len(SHIPPED) >= 4
    kinds = set()
    for path in SHIPPED:
        spec, problem = load_theme(path, "shipped")
        assert problem is None, problem
        theme, problem = to_textual(spec)
        assert problem is None and theme.name == spec.name
        assert {f"reader-{k}" for k in [*TEXT_KEYS, "current-quote"]} <= set(theme.variables)
        kinds.add("ansi" if spec.ansi else "dark" if spec.dark else "light")
    assert kinds == {"ansi", "dark", "light"}


@pytest.mark.parametrize("path", [p for p in SHIPPED if not load_theme(p, "shipped")[0].ansi], ids=lambda p: p.stem)
def test_text_contrast_at_least_4_5(path):
    spec, _ = load_theme(path, "shipped")
    bg = spec.colors["background"]
    for key in TEXT_KEYS:
        assert wcag(spec.reader[key], bg) >= 4.5, (key, wcag(spec.reader[key], bg))
    # on the current quote's highlight: the text colour and every entity colour
    hi = spec.reader["current-quote"]
    for colour in [spec.colors["foreground"], *(spec.reader[k] for k in KINDS)]:
        assert wcag(colour, hi) >= 4.5, (colour, wcag(colour, hi))


def test_ansi_theme_has_distinct_colours_per_kind():
    for path in SHIPPED:
        spec, _ = load_theme(path, "shipped")
        if spec.ansi:
            colours = [spec.reader[k] for k in [*KINDS, "quote", "speaker"]]
            assert len(set(colours)) == len(colours)


BROKEN = [
    ("bad-toml", 'name = "x"\n[colors]\nprimary = = "#fff"\n', "line 3, column"),
    ("unknown-key", 'name = "x"\nfont = "big"\n[colors]\nprimary = "#fff"\n', "unknown key `font`"),
    (
        "unknown-reader-key",
        'name = "x"\n[colors]\nprimary = "#fff"\n[reader]\nspeaker-colour = "#000"\n',
        "unknown key `reader.speaker-colour`",
    ),
    (
        "bad-colour",
        'name = "x"\n[colors]\nprimary = "#fff"\n[reader]\nperson = "violetish"\n',
        "`reader.person` = 'violetish' is not a colour",
    ),
    ("no-name", '[colors]\nprimary = "#fff"\n', "`name` must be"),
]


@pytest.mark.parametrize("text,message", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_user_theme_is_reported_and_others_load(tmp_path, text, message):
    from reader.ui.theming import textual_themes

    (tmp_path / "broken.toml").write_text(text)
    (tmp_path / "mine.toml").write_text('name = "mine"\n[colors]\nprimary = "#123456"\n')
    themes, problems = textual_themes(load_themes(tmp_path))
    names = {t.name for t in themes}
    assert {"mine", "reader-dark", "newsprint", "sepia", "high-contrast"} <= names
    assert len(problems) == 1 and "broken.toml" in problems[0] and message in problems[0]


def test_user_theme_replaces_a_shipped_one(tmp_path):
    (tmp_path / "n.toml").write_text('name = "newsprint"\ndark = false\n[colors]\nprimary = "#000000"\n')
    themes = load_themes(tmp_path)
    assert themes.themes["newsprint"].origin == "user"


PRECEDENCE = [
    # flag, env, state, config, expected
    ("a", "b", "c", "d", "a"),
    (None, "b", "c", "d", "b"),
    (None, None, "c", "d", "c"),
    (None, None, None, "d", "d"),
    (None, None, None, None, "default"),
]


@pytest.mark.parametrize("flag,env,state,config,expected", PRECEDENCE)
def test_precedence(monkeypatch, flag, env, state, config, expected):
    if env:
        monkeypatch.setenv("READER_THEME", env)
    else:
        monkeypatch.delenv("READER_THEME", raising=False)
    assert decide(flag, "READER_THEME", state, config, "default") == expected


CONFIGS = [
    ("unknown-key", 'colour = "red"\n', "unknown key `colour`"),
    ("wrong-type", "theme = 3\n", "`theme` must be a non-empty string"),
    ("bad-library", 'library = "~/news"\n', "`library` must be a list of strings"),
    ("bad-highlight", 'highlight = ["person", "colours"]\n', "`highlight` has"),
    ("bad-toml", 'theme = "x\n', "line 1, column"),
]


@pytest.mark.parametrize("text,message", [c[1:] for c in CONFIGS], ids=[c[0] for c in CONFIGS])
def test_config_errors_name_file_and_key(tmp_path, text, message):
    path = tmp_path / "config.toml"
    path.write_text(text)
    config = load_config(path)
    assert len(config.problems) == 1
    assert str(path) in config.problems[0] and message in config.problems[0]


def test_config_values(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "sepia"\nmodel = "en_core_web_sm"\nlibrary = ["/news"]\nhighlight = ["person"]\ncache_dir = "/tmp/c"\n[keymap]\n"quote.next" = "j"\n'
    )
    c = load_config(path)
    assert (c.theme, c.model, c.library, c.highlight, str(c.cache_dir), c.keymap) == (
        "sepia",
        "en_core_web_sm",
        [Path("/news")],
        ["person"],
        "/tmp/c",
        {"quote.next": "j"},
    )
    assert c.problems == []


def test_keymap_checks():
    bindings = {"quote.next": "n", "quote.prev": "N", "app.quit": "q"}
    good, problems = check_keymap(
        {"quote.next": "ctrl+n", "nope.id": "x", "quote.prev": "ctrl+blorp", "app.quit": "ctrl+n"}, bindings, "c.toml"
    )
    assert good == {"quote.next": "ctrl+n"}
    text = "\n".join(problems)
    assert "`keymap.nope.id`: no binding has that id" in text
    assert "'ctrl+blorp' is not a key name" in text
    assert "`keymap.app.quit`: key 'ctrl+n' is already used by `quote.next`" in text


def test_config_env_points_elsewhere(tmp_path, monkeypatch):
    from reader.config import config_path

    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "other.toml"))
    assert config_path() == tmp_path / "other.toml"
