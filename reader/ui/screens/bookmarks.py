"""The bookmarks screen (`B`): every bookmarked quote; `enter` opens one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.state import Bookmark
from reader.text import safe
from reader.ui.keys import bindings
from reader.ui.widgets.lists import KeyList


class BookmarksScreen(ModalScreen[Bookmark | None]):
    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    BookmarksScreen OptionList { height: auto; max-height: 30; border: none; }
    """
    BINDINGS = bindings("bookmarks")

    def __init__(self, bookmarks: list[Bookmark]) -> None:
        super().__init__()
        self.bookmarks = bookmarks

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Bookmarks ({len(self.bookmarks)})", style="bold"))
            options = KeyList(id="bookmark-list")
            if not self.bookmarks:
                options.add_option(Option(Text("No bookmarks yet: b on a quote bookmarks it.", style="dim"), disabled=True))
            for n, b in enumerate(self.bookmarks):
                words = b.quote if len(b.quote) <= 160 else b.quote[:159] + "…"
                options.add_option(
                    Option(
                        Text.assemble(
                            f"“{safe(words)}”\n", (f"— {safe(b.speaker or 'unknown speaker')}, {safe(b.title)}", "dim")
                        ),
                        id=str(n),
                    )
                )
            yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.bookmarks:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.bookmarks[int(event.option.id or 0)])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
