"""The key table (reader/keys.py) as Textual bindings."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.keys import keys_of


def bindings(owner: str) -> list[BindingType]:
    """The bindings of the app or of one pane or screen."""
    return [Binding(k.keys, k.action, k.description, show=k.show, key_display=k.display, id=k.id) for k in keys_of(owner)]
