"""Score the safeguarding screen against comments labelled with concerns.

Run (from the repository root)::

    .venv/bin/python benchmarks/bench_safeguarding.py                 # the fictional dev set
    .venv/bin/python benchmarks/bench_safeguarding.py --jsonl FILE     # any labelled JSONL
    .venv/bin/python benchmarks/bench_safeguarding.py --demo           # counts on the demo corpus

A labelled JSONL has one object per line: ``id``, ``text``, ``concern`` (true/false),
``categories`` (category ids, empty when no concern) and ``level`` (``priority`` or
``review``; null when no concern). Printed, for the screen at its default settings:

* recall: the share of concerns flagged (any category, any level), overall and by gold level;
* precision: the share of flagged comments that are concerns;
* category agreement: of the concerns flagged, the share whose flagged categories are exactly
  the gold ones, and the recall of each gold category;
* level agreement: of the concerns flagged, the share whose level (priority when any flag of
  the comment is priority) is the gold level.

``--rules-only`` screens without the similarity path (no model is loaded). ``--show`` adds
the ids of the misses, false alarms and disagreements (never their text), so
that the rules can be read against them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "safeguarding_dev.jsonl"


def read_labelled(path: Path) -> pd.DataFrame:
    """The labelled comments of a JSONL file (``id``, ``text``, ``concern``, ``categories``,
    ``level``)."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    frame = pd.DataFrame(rows)
    missing = [c for c in ("id", "text", "concern") if c not in frame]
    if missing:
        raise SystemExit(f"{path.name} lacks the fields {missing}")
    frame["id"] = frame["id"].astype(str)
    frame["categories"] = frame.get("categories", pd.Series([[]] * len(frame))).apply(
        lambda v: sorted(v) if isinstance(v, list) else [])
    frame["level"] = frame.get("level", pd.Series([None] * len(frame)))
    frame["concern"] = frame["concern"].astype(bool)
    return frame


def score(labelled: pd.DataFrame, similarity: bool = True) -> dict:
    """The screen's recall, precision, category and level agreement on labelled comments."""
    from carevoice.safeguarding import CATEGORIES, SafeguardingConfig, screen_comments

    flags = screen_comments(labelled.rename(columns={"id": "comment_id"})[["comment_id",
                                                                           "text"]],
                            SafeguardingConfig(similarity=similarity))
    by_id: dict[str, dict[str, str]] = {}
    for row in flags.itertuples(index=False):
        by_id.setdefault(row.comment_id, {})[row.category] = row.level
    gold = labelled.set_index("id")
    flagged = set(by_id)
    concerns = set(gold.index[gold["concern"]])
    tp = flagged & concerns
    out: dict = {
        "n": len(gold), "concerns": len(concerns), "flagged": len(flagged),
        "recall": len(tp) / len(concerns) if concerns else float("nan"),
        "precision": len(tp) / len(flagged) if flagged else float("nan"),
        "misses": sorted(concerns - flagged), "false_alarms": sorted(flagged - concerns)}
    for level in ("priority", "review"):
        ids = set(gold.index[gold["concern"] & (gold["level"] == level)])
        out[f"recall_{level}"] = len(ids & flagged) / len(ids) if ids else float("nan")
        out[f"n_{level}"] = len(ids)
    exact = [i for i in tp if sorted(by_id[i]) == gold.at[i, "categories"]]
    out["category_agreement"] = len(exact) / len(tp) if tp else float("nan")
    out["category_disagreements"] = sorted(tp - set(exact))
    per_category = {}
    for category in CATEGORIES:
        ids = [i for i in concerns if category in gold.at[i, "categories"]]
        if ids:
            found = sum(category in by_id.get(i, {}) for i in ids)
            per_category[category] = (found, len(ids))
    out["category_recall"] = per_category
    levels = {i: "priority" if "priority" in by_id[i].values() else "review" for i in tp}
    same = [i for i in tp if levels[i] == gold.at[i, "level"]]
    out["level_agreement"] = len(same) / len(tp) if tp else float("nan")
    out["level_disagreements"] = sorted(tp - set(same))
    return out


def demo_counts(similarity: bool = True) -> None:
    """Count the demo corpus's flags by category and level, with the flagged ids."""
    from carevoice.corpus import read_comments
    from carevoice.demo import demo_path
    from carevoice.safeguarding import SafeguardingConfig, flag_summary, screen_comments

    comments = read_comments(demo_path("comments.csv"))
    flags = screen_comments(comments, SafeguardingConfig(similarity=similarity))
    print(f"demo corpus: {comments['text'].notna().sum()} answered comments, "
          f"{flags['comment_id'].nunique()} flagged")
    print(flag_summary(flags).to_string(index=False))
    for level in ("priority", "review"):
        ids = flags.loc[flags["level"] == level, "comment_id"].drop_duplicates().tolist()
        print(f"{level}: {', '.join(ids)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", type=Path, default=DEV,
                        help="Labelled comments (default: the fictional dev set).")
    parser.add_argument("--demo", action="store_true",
                        help="Count the flags on the demo corpus instead.")
    parser.add_argument("--rules-only", action="store_true",
                        help="Screen with the rules alone (no similarity path, no model).")
    parser.add_argument("--show", action="store_true",
                        help="List the ids of misses, false alarms and disagreements.")
    args = parser.parse_args(argv)
    if args.demo:
        demo_counts(similarity=not args.rules_only)
        return 0
    result = score(read_labelled(args.jsonl), similarity=not args.rules_only)
    print(f"{args.jsonl.name} ({'rules only' if args.rules_only else 'rules + similarity'}): "
          f"{result['n']} comments, {result['concerns']} concerns, {result['flagged']} flagged")
    print(f"recall     {result['recall']:.3f} (priority {result['recall_priority']:.3f} of "
          f"{result['n_priority']}, review {result['recall_review']:.3f} of "
          f"{result['n_review']})")
    print(f"precision  {result['precision']:.3f}")
    print(f"category agreement {result['category_agreement']:.3f} (exact set, of concerns "
          "flagged)")
    print("category recall    " + ", ".join(f"{c} {f}/{n}" for c, (f, n) in
                                            result["category_recall"].items()))
    print(f"level agreement    {result['level_agreement']:.3f} (of concerns flagged)")
    if args.show:
        for key in ("misses", "false_alarms", "category_disagreements", "level_disagreements"):
            print(f"{key}: {', '.join(result[key]) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
