"""Theme specs -> Textual themes, and the theme variables the widgets use."""

from __future__ import annotations

from textual.theme import Theme

from reader.themes import ThemeSet, ThemeSpec
from reader.ui.colours import colour_problem

# Theme variables the widgets use, with values that read well on Textual's built-in themes.
READER_DEFAULTS = {
    "reader-person": "#b48cff",
    "reader-organisation": "#3fc1d6",
    "reader-place": "#e5a03c",
    "reader-date-number": "#8fbf6f",
    "reader-other": "#d98ccd",
    "reader-quote": "#8fd99a",
    "reader-speaker": "#6aaef5",
    "reader-current-quote": "#4a3f10",
    "reader-mark": "#1f4e79",
}


def to_textual(spec: ThemeSpec) -> tuple[Theme | None, str | None]:
    """A Textual Theme, or None and the first colour Textual cannot parse."""
    problem = colour_problem(spec)
    if problem:
        return None, problem
    variables = dict(spec.variables)
    variables.update({f"reader-{k}": v for k, v in spec.reader.items()})
    theme = Theme(name=spec.name, dark=spec.dark, ansi=spec.ansi, variables=variables, **spec.colors)  # type: ignore[arg-type]  # colours by name: every key is a colour string
    return theme, None


def textual_themes(themes: ThemeSet) -> tuple[list[Theme], list[str]]:
    out: list[Theme] = []
    problems = list(themes.problems)
    for spec in themes.themes.values():
        theme, problem = to_textual(spec)
        if theme is None:
            problems.append(problem or spec.name)
        else:
            out.append(theme)
    return out, problems
