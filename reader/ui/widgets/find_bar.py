"""Find in the open article (`f`): type, enter; the matches are walked with m / M."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from reader.ui.keys import bindings


class FindBar(Horizontal):
    DEFAULT_CSS = """
    FindBar { dock: bottom; height: 1; display: none; background: $surface; }
    FindBar.-shown { display: block; }
    FindBar #find-prompt { padding: 0 1; background: $accent; color: $text; text-style: bold; }
    FindBar Input { width: 1fr; padding: 0 1; background: $boost; }
    """
    BINDINGS = bindings("find")

    class Find(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Find", id="find-prompt")
        yield Input(placeholder="words in this article; enter, then m / M for next / previous", id="find-input", compact=True)

    def open(self) -> None:
        self.add_class("-shown")
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.remove_class("-shown")
        self.post_message(self.Find(event.value))

    def action_close(self) -> None:
        self.remove_class("-shown")
        self.post_message(self.Closed())
