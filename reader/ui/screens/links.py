"""The links screen (`L`): the article's own link and every web address in its text; `enter`
opens one as `o` would."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.text import safe
from reader.ui.keys import bindings
from reader.ui.widgets.lists import KeyList


class LinksScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    LinksScreen { align: center middle; }
    LinksScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    LinksScreen OptionList { height: auto; max-height: 30; border: none; }
    """
    BINDINGS = bindings("links")

    def __init__(self, title: str, links: list[str], own: bool) -> None:
        super().__init__()
        self.title_text = title
        self.links = links
        self.own = own  # the first link is the article's own

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Links in “{safe(self.title_text)}” ({len(self.links)})", style="bold"))
            options = KeyList(id="link-list")
            if not self.links:
                options.add_option(Option(Text("This article has no web links.", style="dim"), disabled=True))
            for n, link in enumerate(self.links):
                note = "  (the article's own link)" if n == 0 and self.own else ""
                options.add_option(Option(Text.assemble(safe(link), (note, "dim")), id=str(n)))
            yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.links:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[int(event.option.id or 0)])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
