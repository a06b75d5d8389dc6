"""Train the pseudonymiser's packaged token model (carevoice/data/token_model.npz).

Usage (from the repository root)::

    python corpora/train_token_model.py            # train on the probe and write (~1 minute)
    python corpora/train_token_model.py --cv 5     # also: grouped cross-validation figures
    python corpora/train_token_model.py --cv 5 --shareable --output /tmp/shareable.npz
                                                   # the same for a shareable model

The model learns from carevoice's own fictional, gold-marked comments (people, places and
organisations): the probe in ``tests/data/pii_probe.txt``, the demo corpus, the theme
coder's reference supplement and a few contrasts written to teach it what the blind rounds
had too little of (``corpora/token_contrasts.txt``: ordinary nouns where names stand,
children's lower-case names about school and friends). Re-run it after changing any of them or
:func:`carevoice.pseudonymise.learned.token_features`; the test suite retrains it and checks
that the shipped file matches.

``--cv K`` measures what the model adds to the rules on comments it was not trained on: the
comments are split into K groups (the probe by round, each header line starting one; the demo
corpus and the supplement by comment); for each group a model trained on the others runs with
the rule detectors on that group's comments. It prints, per source, span recall and character
precision of the rules alone and of the rules with the model. The rules were written after
reading these comments, so "rules alone" is an in-sample figure; the model's gain on held-out
groups is the honest part. Fresh blind rounds and the shared development set are the real test
(docs/pseudonymise.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "data" / "pii_probe.txt"
CONTRASTS = ROOT / "corpora" / "token_contrasts.txt"
TARGET = ROOT / "carevoice" / "data" / "token_model.npz"


def _parse_markup():  # type: ignore[no-untyped-def]
    build_demo = sys.modules.get("build_demo")
    if build_demo is None:
        spec = importlib.util.spec_from_file_location("build_demo",
                                                      ROOT / "corpora" / "build_demo.py")
        build_demo = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules["build_demo"] = build_demo
        spec.loader.exec_module(build_demo)  # type: ignore[union-attr]
    return build_demo.parse_markup


def read_probe(path: Path = PROBE) -> list[tuple[int, str, list[tuple[int, int, str]]]]:
    """The probe's comments as ``(round, text, spans)``; a header line starting "# Round"
    starts a new round (the lines before the first are round 0)."""
    parse = _parse_markup()
    rows, group = [], 0
    for line in path.read_text("utf-8").splitlines():
        if line.lower().startswith("# round"):
            group += 1
        elif line.strip() and not line.startswith("#"):
            text, spans = parse(line)
            rows.append((group, text, [(s["start"], s["end"], s["label"]) for s in spans]))
    return rows


Row = tuple[str, int, str, list[tuple[int, int, str]]]  # source, group, text, spans


def training_rows() -> list[Row]:
    """Every marked comment the packaged model learns from, with its source and group."""
    from carevoice.demo import load_demo, load_demo_gold
    from carevoice.themes.reference import supplement_rows

    rows: list[Row] = [("probe", g, text, spans) for g, text, spans in read_probe()]
    demo = load_demo().comments
    gold = dict(zip(load_demo_gold()["comment_id"], load_demo_gold()["pii"], strict=True))
    for i, (cid, text) in enumerate(zip(demo["comment_id"], demo["text"], strict=True)):
        spans = [(p["start"], p["end"], p["label"]) for p in gold.get(cid, [])]
        rows.append(("demo", i, str(text) if isinstance(text, str) else "", spans))
    for i, row in enumerate(supplement_rows()):
        rows.append(("supplement", i, row["text"],
                     [(p["start"], p["end"], p["label"]) for p in row["pii"]]))
    parse = _parse_markup()
    lines = [ln for ln in CONTRASTS.read_text("utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for i, line in enumerate(lines):
        text, spans = parse(line)
        rows.append(("contrasts", i, text, [(s["start"], s["end"], s["label"]) for s in spans]))
    return rows


def train(rows: list[Row], shareable: bool = False):  # type: ignore[no-untyped-def]
    from carevoice.pseudonymise.learned import train_token_model

    return train_token_model(((text, spans) for _, _, text, spans in rows), shareable=shareable)


def _score(rows: list[Row], detectors: list) -> tuple[int, int, int, int]:  # type: ignore[type-arg]
    """Spans wholly found, spans, and marked characters that are (and all that are) gold."""
    import pandas as pd

    from carevoice.pseudonymise import detect_pii

    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(rows))],
                          "text": [text for _, _, text, _ in rows]})
    found: dict[str, set[int]] = {}
    for cid, s, e in detect_pii(frame, detectors)[["comment_id", "start", "end"]].itertuples(
            index=False):
        found.setdefault(cid, set()).update(range(s, e))
    got = total = marked = right = 0
    for i, (_, _, text, spans) in enumerate(rows):
        pred = {j for j in found.get(f"c{i}", set()) if not text[j].isspace()}
        gold: set[int] = set()
        for s, e, _ in spans:
            chars = {j for j in range(s, e) if not text[j].isspace()}
            gold |= chars
            total += 1
            got += chars <= pred
        marked += len(pred)
        right += len(pred & gold)
    return got, total, right, marked


def cross_validate(rows: list[Row], folds: int, shareable: bool = False) -> None:
    from carevoice.pseudonymise import default_detectors
    from carevoice.pseudonymise.learned import TokenModelDetector

    rules = [d for d in default_detectors() if d.name != "learned"]
    totals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            path = train([r for r in rows if r[1] % folds != k], shareable).save(
                Path(tmp) / f"fold{k}.npz")
            for source in dict.fromkeys(r[0] for r in rows):
                held = [r for r in rows if r[1] % folds == k and r[0] == source]
                got0, total, right0, marked0 = _score(held, rules)
                got1, _, right1, marked1 = _score(
                    held, [*rules, TokenModelDetector(model_path=path)])
                sums = totals.setdefault(source, [0] * 7)
                for i, v in enumerate((got0, got1, total, right0, marked0, right1, marked1)):
                    sums[i] += v
            print(f"fold {k} done", flush=True)
    for source, v in totals.items():
        got0, got1, total, right0, marked0, right1, marked1 = v
        print(f"{source}: {total:.0f} spans held out: rules {got0 / total:.4f} ({got0:.0f}), "
              f"rules + model {got1 / total:.4f} ({got1:.0f}); character precision "
              f"{right0 / marked0:.4f} -> {right1 / marked1:.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="also cross-validate over K groups")
    parser.add_argument("--output", type=Path, default=TARGET)
    parser.add_argument("--shareable", action="store_true",
                        help="train with shareable=True (give --output: not the packaged model)")
    args = parser.parse_args(argv)
    if args.shareable and args.output == TARGET:
        parser.error("--shareable needs --output: the packaged model is trained without it")
    rows = training_rows()
    if args.cv:
        cross_validate(rows, args.cv, args.shareable)
    start = time.perf_counter()
    model = train(rows, args.shareable)
    model.save(args.output)
    print(f"trained on {len(rows)} comments in {time.perf_counter() - start:.0f} s: "
          f"{len(model.vocabulary)} features, classes {list(model.classes)}; wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
