"""Tune the rules fast: parse the public PolNeAR set once, then rerun only the rules.

    python bench/polnear_docs.py parse [--store DIR]        # about 2 minutes: spaCy once
    python bench/polnear_docs.py run OUT.jsonl [--part tune|held-out|whole] [--store DIR]
    python bench/polnear.py --pred OUT.jsonl --parts tune --verbose

`run` takes about 8 s instead of 2 minutes: the parsed documents (a spaCy DocBin) are read
back and go through the same extraction, library-wide steps and jsonl rows as `reader quotes`.
Reparse after changing anything that runs before the rules (tokenizer, pipeline components).
Tune on the tuning part; look at the held-out part only to check.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import polnear  # noqa: E402

from reader.cli import output  # noqa: E402
from reader.cli.listing import quote_json  # noqa: E402
from reader.library.core import load_library  # noqa: E402
from reader.nlp import pipeline  # noqa: E402
from reader.nlp.annotate import _merge, _shift, from_doc, pieces  # noqa: E402

ARTICLES = polnear.POLNEAR / "articles"


def parse(store: Path) -> None:
    from spacy.tokens import DocBin

    lib = load_library([ARTICLES])
    nlp = pipeline.load(pipeline.model_info().name)
    items = [(a.id, off, text) for a in lib.articles for off, text in pieces(a.body)]
    db, meta = DocBin(store_user_data=False), []
    for doc, (aid, off) in nlp.pipe(((t, (aid, off)) for aid, off, t in items), batch_size=32, as_tuples=True):
        db.add(doc)
        meta.append((aid, off))
    store.mkdir(parents=True, exist_ok=True)
    (store / "docs.spacy").write_bytes(db.to_bytes())
    (store / "meta.pkl").write_bytes(pickle.dumps(meta))


def run(out: Path, part: str, store: Path) -> None:
    from spacy.tokens import DocBin

    nlp = pipeline.load(pipeline.model_info().name)
    db = DocBin().from_bytes((store / "docs.spacy").read_bytes())
    meta = pickle.loads((store / "meta.pkl").read_bytes())
    lib = load_library([ARTICLES])
    keep = polnear.parts_of(os.listdir(ARTICLES))[part]
    lib.articles = [a for a in lib.articles if a.path.name in keep]
    ids = {a.id for a in lib.articles}
    start = time.perf_counter()
    parts: dict[str, list] = {}
    for doc, (aid, off) in zip(db.get_docs(nlp.vocab), meta):
        if aid in ids:
            parts.setdefault(aid, []).append(_shift(from_doc(doc), off))
    for aid, found in parts.items():
        lib.annotations[aid] = _merge(found)
    rows = lib.finish().quote_rows()
    with open(out, "w", encoding="utf-8") as fh:
        output.jsonl((quote_json(r) for r in rows), fh)
    print(f"rules and library steps {time.perf_counter() - start:.1f} s, {len(rows)} quotes -> {out}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("parse", "run"))
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--part", default="tune", choices=("tune", "held-out", "whole"))
    ap.add_argument("--store", type=Path, default=Path("/tmp/polnear_docs"))
    a = ap.parse_args()
    if a.what == "parse":
        parse(a.store)
    else:
        run(a.out or Path("/tmp/polnear_pred.jsonl"), a.part, a.store)


if __name__ == "__main__":
    main()
