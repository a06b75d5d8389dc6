"""Score the default theme coder on every set of the blind theme probe, and on a gold file.

Run (from the repository root)::

    .venv/bin/python benchmarks/bench_theme_probe.py                     # seed 0, probe only
    .venv/bin/python benchmarks/bench_theme_probe.py --seeds 0,1,2,3,4 \\
        --gold ../shared/eval/dev.jsonl                                  # and the dev set
    .venv/bin/python benchmarks/bench_theme_probe.py --no-clause-themes  # clause themes off

Fits the default coder (packaged model, reference comments) once per seed (``random_state``)
and scores every set of ``tests/data/theme_probe.jsonl`` and the ``--gold`` comments in one
process. The gold comments (JSON lines with ``comment_id``, ``text`` and ``themes``) are
pseudonymised first, as ``carevoice code`` reads them, so seed 0 gives what
``../shared/eval/run-eval`` scores. Prints, per set, macro-F1 over the themes its comments
carry (over all 18 for the gold file), micro-F1, exact match and the no-theme comments left
without a theme, as means over the seeds, then the F1 of ``--theme`` themes with the comments
found and coded. Only figures are printed, never a comment.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

PROBE = Path(__file__).resolve().parents[1] / "tests" / "data" / "theme_probe.jsonl"


def figures(gold: list[set[str]], pred: list[set[str]], themes: list[str]) -> dict:
    per = {}
    for t in themes:
        tp = sum(t in g and t in p for g, p in zip(gold, pred, strict=True))
        n_gold, n_pred = sum(t in g for g in gold), sum(t in p for p in pred)
        per[t] = (2 * tp / (n_gold + n_pred) if n_gold + n_pred else 1.0, tp, n_gold, n_pred)
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    total = sum(map(len, gold)) + sum(map(len, pred))
    return {"macro": float(np.mean([v[0] for v in per.values()])),
            "micro": 2 * tp / total if total else 1.0,
            "exact": float(np.mean([g == p for g, p in zip(gold, pred, strict=True)])),
            "none": sum(not p for g, p in zip(gold, pred, strict=True) if not g),
            "per": per}


def main(argv: list[str] | None = None) -> None:
    from carevoice import SentenceTransformerEmbedder
    from carevoice.pseudonymise.declared import pseudonymised_copy
    from carevoice.themes import ThemeCoder

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0", help="comma-separated random_state values")
    ap.add_argument("--gold", help="a gold JSONL to score too, pseudonymised first")
    ap.add_argument("--theme", action="append",
                    help="themes to show per set (default: voice_decisions, relationships_trust)")
    ap.add_argument("--no-clause-themes", action="store_true",
                    help="ThemeCoder(clause_themes=()): every theme's segment weight 0.25")
    args = ap.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    shown = args.theme or ["voice_decisions", "relationships_trust"]

    sets: dict[str, tuple[list[str], list[str], list[set[str]]]] = {}
    rows = [json.loads(line) for line in PROBE.read_text("utf-8").splitlines() if line]
    for name in dict.fromkeys(r["set"] for r in rows):
        part = [r for r in rows if r["set"] == name]
        sets[name] = ([r["comment_id"] for r in part], [r["text"] for r in part],
                      [set(r["themes"]) for r in part])
    if args.gold:
        gold = [json.loads(line) for line in Path(args.gold).read_text("utf-8").splitlines()
                if line]
        frame = pd.DataFrame({"comment_id": [f"gold:{r['comment_id']}" for r in gold],
                              "text": [r["text"] for r in gold]})
        sets["gold"] = (list(frame["comment_id"]), list(pseudonymised_copy(frame)["text"]),
                        [set(r["themes"]) for r in gold])
    ids = [i for v in sets.values() for i in v[0]]
    comments = pd.DataFrame({"comment_id": ids, "text": [t for v in sets.values() for t in v[1]]})

    embedder = SentenceTransformerEmbedder()
    results: dict[str, list[dict]] = {name: [] for name in sets}
    for seed in seeds:
        kw = {"clause_themes": ()} if args.no_clause_themes else {}
        coder = ThemeCoder(embedder=embedder, random_state=seed, **kw).fit()
        codes = coder.predict(comments)
        assigned = codes[codes["assigned"]].groupby("comment_id")["theme"].apply(set)
        for name, (set_ids, _, gold_themes) in sets.items():
            themes = (list(coder.themes_) if name == "gold"
                      else sorted(set().union(*gold_themes)))
            results[name].append(figures(gold_themes, [assigned.get(i, set()) for i in set_ids],
                                         themes))

    print(f"seeds {seeds}; clause themes {'off' if args.no_clause_themes else 'on'}")
    for name, runs in results.items():
        n_none = sum(not g for g in sets[name][2])
        each = ", ".join(format(r["macro"], ".3f") for r in runs)
        print(f"{name:14s} n={len(sets[name][0]):4d} "
              f"macro-F1 {np.mean([r['macro'] for r in runs]):.3f} ({each}) "
              f"micro-F1 {np.mean([r['micro'] for r in runs]):.3f} "
              f"exact {np.mean([r['exact'] for r in runs]):.3f} "
              f"no theme kept {np.mean([r['none'] for r in runs]):.1f}/{n_none}")
        for t in shown:
            if t in runs[0]["per"]:
                f1, tp, n_gold, n_pred = (np.mean([r["per"][t][k] for r in runs])
                                          for k in range(4))
                print(f"    {t}: F1 {f1:.2f}, found {tp:.1f} of {n_gold:.0f}, coded {n_pred:.1f}")


if __name__ == "__main__":
    main()
