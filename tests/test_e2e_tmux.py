"""The installed `reader` in a real terminal (tmux): keys in, screen read back."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SEEDS

pytestmark = pytest.mark.slow


def tmux(*args) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, timeout: float = 30) -> str:
    end = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < end:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


def test_reader_in_tmux(tmp_path):
    assert shutil.which("tmux"), "tmux is needed for this test (.ci/run installs it)"
    reader = Path(sys.executable).parent / "reader"
    assert reader.exists(), "the `reader` command is not installed in this environment"
    session = f"reader-e2e-{os.getpid()}"
    env = (
        f"READER_CACHE_DIR={tmp_path / 'cache'} XDG_DATA_HOME={tmp_path / 'data'} "
        f"XDG_CONFIG_HOME={tmp_path / 'config'} TERM=xterm-256color"
    )
    # Start a shell at the final size, then the reader in it: a program started with the
    # session may read the size before tmux has applied -x/-y.
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "sh")
    try:
        # COLUMNS/LINES inherited from the test runner would override the real size.
        tmux("send-keys", "-t", session, f"exec env -u COLUMNS -u LINES {env} {reader} {SEEDS}", "Enter")
        wait_for(session, "The United Nations")
        size = tmux("display", "-p", "-t", session, "#{window_width}x#{window_height}").strip()
        assert size == "120x40", size
        wait_for(session, "5 quotes", timeout=60)  # annotated in the background, then counted
        tmux("send-keys", "-t", session, "Enter")
        tmux("send-keys", "-t", session, "n")
        screen = wait_for(session, "António Guterres")
        assert "It was clear for us" in screen
        tmux("send-keys", "-t", session, "q")
        end = time.monotonic() + 10
        while time.monotonic() < end:
            if subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("reader did not quit on q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
