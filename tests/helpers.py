"""What the tests share: where things are, and the `reader` command run as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


def reader(*args, env=None, cwd=ROOT, text=True, **kw) -> subprocess.CompletedProcess:
    """`python -m reader ARGS` in the project folder; ``env`` replaces the environment."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=text,
        cwd=cwd,
        env=env if env is not None else os.environ.copy(),
        **kw,
    )
