"""A warm run never imports spaCy or Textual. (That the domain imports nothing of the UI is
import-linter's contract in pyproject.toml, run by .ci/run.)"""

import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

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
