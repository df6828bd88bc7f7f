"""The help screen: every key, from the bindings themselves (so a remapped key shows)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import bindings


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = bindings("help")

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Action")
        for keys, what in self.rows:
            table.add_row(Text(keys), Text(what))
        with VerticalScroll():
            yield Static(Text("reader — keys", style="bold"))
            yield Static(table)
            yield Static(Text("escape closes this screen", style="dim"))
