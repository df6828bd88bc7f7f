"""The extractor on the public PolNeAR set, scored on a tuning half and a held-out half.

    python bench/polnear.py [--pred P.jsonl] [--levels] [--verbose]

Runs `reader quotes ../shared/polnear/articles --format jsonl` (or reads --pred), then the
public scorer (../shared/tools/score_polnear.py) on the whole set and on each part: every fifth
article (sorted by name; the 5th, 10th, ...) is held out and never looked at when tuning, the
rest is the tuning part. Prints the scorer's last line for each.

--levels adds, for each part, the speaker accuracy of every (rule, resolution) pair and of each
confidence level, with their share of quotes: what nlp/rules.py's CONFIDENCE table is set from.
A speaker is judged where the gold can judge it: a named source must be the predicted person
(the scorer's named check); a pronoun or description source can only be checked at the
attribution's words (the scorer's mention check), which says nothing about whom they were
resolved to, so those are listed apart.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "polnear"
SCORER = SHARED / "tools" / "score_polnear.py"


def parts_of(names: list[str]) -> dict[str, set[str]]:
    names = sorted(names)
    held = {n for i, n in enumerate(names) if i % 5 == 4}
    return {"whole": set(names), "tune": set(names) - held, "held-out": held}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_polnear", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_line(gold: list[dict], pred: list[dict], names: set[str], verbose: bool) -> str:
    """The public scorer's output on the articles ``names`` (its --texts is a folder of links)."""
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "a"
        texts.mkdir()
        for n in names:
            os.symlink(POLNEAR / "articles" / n, texts / n)
        g, p = Path(tmp) / "g.jsonl", Path(tmp) / "p.jsonl"
        g.write_text("".join(json.dumps(x) + "\n" for x in gold if x["article"] in names))
        p.write_text("".join(json.dumps(x) + "\n" for x in pred if x["article"] in names))
        cmd = [
            sys.executable,
            str(SCORER),
            str(g),
            str(p),
            "--texts",
            str(texts),
            "--not-quotes",
            str(POLNEAR / "not_quotes.jsonl"),
        ] + (["--verbose"] if verbose else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()
    if verbose:
        counts = next((line for line in out if line.strip().startswith("counts:")), "")
        return counts.strip() + "\n" + out[-1]
    return out[-1]


def judged(gold: list[dict], pred: list[dict], names: set[str]) -> list[tuple[dict, str]]:
    """(prediction, verdict) for every gold quote a prediction matched: "right"/"wrong" where
    the source is named, "mention-right"/"mention-wrong" for pronoun or description sources,
    "no-source" where the annotators saw none."""
    sc = _scorer()
    by_art_p = defaultdict(list)
    for j, p in enumerate(pred):
        if p["article"] in names:
            by_art_p[p["article"]].append(j)
    out = []
    for g in gold:
        if g["article"] not in names:
            continue
        gw = sc.words(g["quote"])
        best, best_j = 0.0, None
        for j in by_art_p[g["article"]]:
            s = sc.f1(gw, sc.words(pred[j]["quote"]))
            if s < sc.MATCH_F1 and sc.covered(gw, sc.words(pred[j]["quote"])) >= 0.9:
                s = sc.MATCH_F1
            if s > best:
                best, best_j = s, j
        if best < sc.MATCH_F1:
            continue
        p = pred[best_j]
        if not g.get("speaker_mention"):
            verdict = "no-source"
        elif g.get("speaker_named"):
            verdict = "right" if sc.named_ok(g["speaker"], p.get("speaker")) else "wrong"
        else:
            verdict = "mention-right" if sc.mention_ok(g["speaker_mention"], p) else "mention-wrong"
        out.append((p, verdict))
    return out


def level_table(rows: list[tuple[dict, str]]) -> str:
    """Accuracy per (rule, resolution) and per confidence level, over quotes with a speaker."""
    with_speaker = [(p, v) for p, v in rows if p.get("speaker")]
    total = len(with_speaker) or 1
    lines = []

    def tally(key) -> dict:
        t = defaultdict(lambda: defaultdict(int))
        for p, v in with_speaker:
            t[key(p)][v] += 1
        return t

    def fmt(name: str, c: dict) -> str:
        named = c["right"] + c["wrong"]
        ment = c["mention-right"] + c["mention-wrong"]
        n = sum(c.values())
        acc = f"{c['right'] / named:.3f}" if named else "  -  "
        macc = f"{c['mention-right'] / ment:.3f}" if ment else "  -  "
        return f"  {name:<34} n={n:5d} share={n / total:6.1%}  named {acc} (of {named:4d})  mention {macc} (of {ment:4d})  no-source {c['no-source']}"

    lines.append("by rule and resolution:")
    for key, c in sorted(tally(lambda p: (p.get("rule"), p.get("resolution"))).items(), key=lambda kv: -sum(kv[1].values())):
        lines.append(fmt(f"{key[0]} / {key[1]}", c))
    lines.append("by confidence:")
    for key, c in sorted(
        tally(lambda p: p.get("confidence")).items(),
        key=lambda kv: ("high", "medium", "low").index(kv[0]) if kv[0] in ("high", "medium", "low") else 9,
    ):
        lines.append(fmt(str(key), c))
    none = sum(1 for p, _ in rows if not p.get("speaker"))
    lines.append(f"  matched quotes without a speaker: {none} of {len(rows)}")
    return "\n".join(lines)


# How a (rule, resolution) pair earns its level: "high" when right >= 95% of the time on at
# least 50 judged quotes, where "right" counts named sources (the right person) and, for
# pronoun or description sources, the right attribution words; pairs resolved through a
# pronoun or a description are at most "medium" (the gold does not say whom "he" meant);
# "medium" from 80% on at least 10; the rest "low" (about one in four or more wrong, or too
# rare to tell).
HIGH, MEDIUM, MIN_N, MIN_N_MEDIUM = 0.95, 0.80, 50, 10
UNVERIFIABLE = {"pronoun", "antecedent", "role", "as-written", "thing"}


def proposed_levels(rows: list[tuple[dict, str]]) -> dict[tuple[str, str], tuple[str, float, int]]:
    """(rule, resolution) -> (level, accuracy, judged quotes) by the policy above."""
    t = defaultdict(lambda: defaultdict(int))
    for p, v in rows:
        if p.get("speaker"):
            t[(p.get("rule"), p.get("resolution"))][v] += 1
    out = {}
    for key, c in t.items():
        judged = c["right"] + c["wrong"] + c["mention-right"] + c["mention-wrong"]
        acc = (c["right"] + c["mention-right"]) / judged if judged else 0.0
        level = (
            "high"
            if acc >= HIGH and judged >= MIN_N and key[1] not in UNVERIFIABLE
            else "medium"
            if acc >= MEDIUM and judged >= MIN_N_MEDIUM
            else "low"
        )
        out[key] = (level, acc, judged)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pred", type=Path, help="predictions already made (else `reader quotes` runs now)")
    ap.add_argument("--levels", action="store_true", help="speaker accuracy per rule and per confidence level")
    ap.add_argument("--verbose", action="store_true", help="the scorer's counts of each kind of miss")
    ap.add_argument("--parts", default="whole,tune,held-out")
    a = ap.parse_args()
    if a.pred is None:
        a.pred = Path(tempfile.mkstemp(suffix=".jsonl")[1])
        with open(a.pred, "w") as out:
            subprocess.run(
                [sys.executable, "-m", "reader", "quotes", str(POLNEAR / "articles"), "--format", "jsonl"],
                stdout=out,
                check=True,
                cwd=ROOT,
            )
        print(f"predictions: {a.pred}")
    gold, pred = load(POLNEAR / "gold.jsonl"), load(a.pred)
    parts = parts_of([n for n in os.listdir(POLNEAR / "articles") if n.endswith(".txt")])
    for name in a.parts.split(","):
        print(f"== {name} ({len(parts[name])} articles)")
        print(score_line(gold, pred, parts[name], a.verbose))
        if a.levels and name != "whole":
            rows = judged(gold, pred, parts[name])
            print(level_table(rows))
            if name == "tune":
                print("proposed CONFIDENCE (nlp/rules.py), from this part:")
                for key, (level, acc, n) in sorted(proposed_levels(rows).items(), key=lambda kv: -kv[1][2]):
                    if level != "low":
                        print(f"    ({key[0]!r}, {key[1]!r}): {level!r},  # right {acc:.3f} of {n}")


if __name__ == "__main__":
    main()
