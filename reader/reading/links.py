"""Opening an article's link: in a graphical browser when there is one, else the caller shows
the URL and copies it (over SSH or on a console, a browser would take over the terminal or
open on another screen)."""

from __future__ import annotations

import os
import re
import shlex
import sys
import urllib.parse
import webbrowser
from collections.abc import Mapping

# What webbrowser falls back to without a display: they would run inside our terminal.
_CONSOLE_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m", "links2"})


def openable(url: str | None) -> bool:
    """Only web links: a feed could carry ``file:`` or ``javascript:`` ones."""
    return bool(url) and urllib.parse.urlsplit(url).scheme in ("http", "https")


def graphical_browser(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    if platform.startswith("linux") or "bsd" in platform:
        if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            return False  # a console, or SSH without a forwarded display
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    name = os.path.basename(getattr(browser, "name", "") or "")
    return name not in _CONSOLE_BROWSERS


def open_in_browser(url: str) -> bool:
    return webbrowser.open(url, new=2)


# A web address written in the text, up to white space or a closing bracket or quote mark;
# trailing sentence punctuation is not part of it.
_URL = re.compile(r"https?://[^\s<>\"“”‘’()\[\]{}]+")
_TRAILING = ".,;:!?'’)"


def links_in(url: str | None, body: str) -> list[str]:
    """The article's own link, then every web address its text gives, each once, in order."""
    found = [url] if url and openable(url) else []
    for m in _URL.finditer(body):
        link = m.group().rstrip(_TRAILING)
        if openable(link) and link not in found:
            found.append(link)
    return found


def browser_command(template: str, url: str) -> list[str]:
    """config.toml's ``browser`` as a command: %u becomes the URL (one argument, never parsed
    by a shell); without %u the URL goes last."""
    words = shlex.split(template)
    if not any("%u" in w for w in words):
        return [*words, url]
    return [w.replace("%u", url) for w in words]
