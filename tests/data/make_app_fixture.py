"""Write app_fixture.json: the annotations the app tests run on, frozen so that the app tests
do not move when the extractor improves. Rerun after a deliberate change and review the diff:

    python tests/data/make_app_fixture.py
"""

from pathlib import Path

import msgspec

from reader.library.core import load_library
from reader.nlp import pipeline
from reader.nlp.annotate import annotate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

lib = load_library([ROOT / "seeds", HERE / "library", HERE / "search_library"])
nlp = pipeline.load(pipeline.model_info().name)
anns = dict(zip((a.id for a in lib.articles), annotate(nlp, [a.body for a in lib.articles])))
(HERE / "app_fixture.json").write_bytes(msgspec.json.format(msgspec.json.encode(anns), indent=1) + b"\n")
print(f"wrote {len(anns)} annotations")

# The dated articles the dossier and overview screens are drawn on (tests/test_glance.py).
dossier = load_library([HERE / "dossier_library"])
anns = dict(zip((a.id for a in dossier.articles), annotate(nlp, [a.body for a in dossier.articles])))
(HERE / "dossier_fixture.json").write_bytes(msgspec.json.format(msgspec.json.encode(anns), indent=1) + b"\n")
print(f"wrote {len(anns)} dossier annotations")
