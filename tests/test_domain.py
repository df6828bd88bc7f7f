"""A warm run never imports spaCy or Textual. (That the domain imports nothing of the UI is
import-linter's contract in pyproject.toml, run by .ci/run.)"""

import subprocess
import sys

import pytest
from helpers import ROOT, SEEDS

pytestmark = pytest.mark.slow

PROBE = """
import sys
from pathlib import Path
from reader.library.core import open_library
from reader.library.entities import entity_rows
lib = open_library([Path(sys.argv[1])])
assert lib.quote_rows() and entity_rows(lib)
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'spacy', 'thinc'))
print(','.join(bad))
"""


def test_warm_domain_imports_neither_textual_nor_spacy():
    subprocess.run([sys.executable, "-m", "reader", "articles", str(SEEDS)], check=True, capture_output=True, cwd=ROOT)
    out = subprocess.run([sys.executable, "-c", PROBE, str(SEEDS)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("command", ["themes", "config"])
def test_settings_commands_load_no_textual(command):
    """`reader themes` and `reader config` read theme files and the key table without the UI."""
    probe = (
        "import sys, contextlib, io\n"
        "from reader.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main([{command!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
