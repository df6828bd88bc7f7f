"""Themes, settings and the keymap in the running app."""

from app_fixture import make_configured_app


async def test_remapped_key_works_and_old_key_does_not(tmp_path):
    app = make_configured_app(tmp_path, '[keymap]\n"quote.next" = "v"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.press("n")
        assert app.quote is None
        await pilot.press("v")
        assert app.quote == 0
        await pilot.press("question_mark")
        assert ("v", "Next quote") in app.screen.rows


async def test_config_problems_are_shown_and_defaults_used(tmp_path):
    app = make_configured_app(tmp_path, 'theme = 3\n[keymap]\n"quote.next" = "ctrl+blorp"\n"no.such" = "z"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        messages = "\n".join(n.message for n in app._notifications)
        assert "`theme` must be a non-empty string" in messages
        assert "'ctrl+blorp' is not a key name" in messages
        assert "`keymap.no.such`: no binding has that id" in messages
        assert app.theme == "reader-dark"
        await pilot.press("enter", "n")  # the default key still works
        assert app.quote == 0


async def test_theme_precedence_and_remembering(tmp_path):
    state = tmp_path / "state.json"
    app = make_configured_app(tmp_path, 'theme = "sepia"\n', state=state)
    async with app.run_test(size=(100, 30)):
        assert app.theme == "sepia"  # config.toml
        app.theme = "newsprint"  # chosen in the app (the palette's theme picker does this)
    config_text = (tmp_path / "config.toml").read_text()
    assert config_text == 'theme = "sepia"\n'  # never rewritten
    again = make_configured_app(tmp_path, 'theme = "sepia"\n', state=state)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "newsprint"  # remembered state beats config.toml
    flagged = make_configured_app(tmp_path, 'theme = "sepia"\n', theme="high-contrast", state=state)
    async with flagged.run_test(size=(100, 30)):
        assert flagged.theme == "high-contrast"  # the flag beats both


async def test_unknown_theme_falls_back(tmp_path):
    app = make_configured_app(tmp_path, theme="no-such-theme")
    async with app.run_test(size=(100, 30)):
        assert app.theme == "reader-dark"
        assert any("unknown theme 'no-such-theme'" in n.message for n in app._notifications)


async def test_highlight_setting_limits_entity_kinds(tmp_path):
    from reader.ui.widgets.reading_pane import ReadingPane

    app = make_configured_app(tmp_path, 'highlight = ["person"]\n')
    async with app.run_test(size=(100, 30)):
        assert app.query_one(ReadingPane).kinds == {"person"}


def test_light_theme_snapshot(snap_compare, tmp_path):
    assert snap_compare(make_configured_app(tmp_path, theme="newsprint"), terminal_size=(100, 30), press=["enter", "n"])
