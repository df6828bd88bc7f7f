"""An option list that moves with j/k and g/G as well as the arrows (every list in the app)."""

from __future__ import annotations

from textual.widgets import OptionList

from reader.ui.keys import bindings


class KeyList(OptionList):
    BINDINGS = bindings("options")
