"""Benchmarks of the batch path: end-to-end time and peak memory, embedder speed and theme F1.

Commands (run from the repository root)::

    # end-to-end `carevoice run` on 10,000 and 100,000 synthetic comments (default model)
    .venv/bin/python benchmarks/bench_batch.py run --sizes 10000 100000

    # the same with another embedder or engine
    .venv/bin/python benchmarks/bench_batch.py run --sizes 10000 --model minilm-onnx-int8
    .venv/bin/python benchmarks/bench_batch.py run --sizes 10000 --engine dask

    # embedding speed of every embedder, and cosine to the PyTorch fp32 vectors
    .venv/bin/python benchmarks/bench_batch.py embed --n 2000

    # theme macro-F1 of the coder with every embedder on a gold set (via its scorer)
    .venv/bin/python benchmarks/bench_batch.py f1 --gold ../shared/eval/dev.jsonl

Synthetic inputs resample the fictional demo corpus with small perturbations (new ids, case
changes, a dropped or doubled word, a swapped letter pair), so that most texts are new to the
embedding cache and to the de-duplication inside the coder. Each size runs in a fresh process
(``python -m carevoice.batch``); peak memory is the largest max RSS of the runs so far (run one
size per call for a clean figure), CPU seconds are the run's own; step times come from the run
log. On a shared machine, wall time is inflated by the other load: compare CPU seconds. Results
are printed as a table and written as JSON (``--json``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ("minilm", "minilm-onnx", "minilm-onnx-int8", "static")


def perturb(text: str, rng: random.Random) -> str:
    """A small, meaning-preserving change to a text."""
    words = text.split()
    roll = rng.random()
    if len(words) > 3 and roll < 0.25:
        del words[rng.randrange(len(words))]
    elif words and roll < 0.5:
        i = rng.randrange(len(words))
        words.insert(i, words[i])
    elif roll < 0.75:
        words = [w.lower() for w in words]
    elif words:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def synthetic(n: int, folder: Path, seed: int = 0) -> tuple[Path, Path]:
    """Write ``n`` synthetic comments and their respondents into ``folder``."""
    import pandas as pd

    from carevoice.demo import load_demo

    rng = random.Random(seed)
    corpus = load_demo()
    comments = corpus.answered.reset_index(drop=True)
    resp = corpus.respondents
    n_resp = max(1, n // 2)
    pick = [rng.randrange(len(resp)) for _ in range(n_resp)]
    respondents = resp.iloc[pick].copy()
    respondents["respondent_id"] = [f"S{i:07d}" for i in range(n_resp)]
    rows = []
    for i in range(n):
        src = comments.iloc[rng.randrange(len(comments))]
        rows.append({"comment_id": f"S{i:07d}", "respondent_id": f"S{i % n_resp:07d}",
                     "question_id": src["question_id"], "text": perturb(str(src["text"]), rng)})
    folder.mkdir(parents=True, exist_ok=True)
    cpath, rpath = folder / "comments.csv", folder / "respondents.csv"
    pd.DataFrame(rows).to_csv(cpath, index=False)
    respondents.to_csv(rpath, index=False)
    return cpath, rpath


def run_size(n: int, model: str, engine: str, chunk_size: int, work: Path,
             report: bool = True) -> dict:
    """One end-to-end run in a fresh process; returns step seconds and peak memory."""
    folder = work / f"n{n}-{model}-{engine}"
    cpath, rpath = synthetic(n, folder)
    toml = folder / "PIPELINE.toml"
    toml.write_text(
        f'[run]\noutput = "run"\nchunk_size = {chunk_size}\nengine = "{engine}"\n'
        f'progress = false\n[input]\ncomments = "{cpath.name}"\nrespondents = "{rpath.name}"\n'
        f'[embed]\nmodel = "{model}"\n[dask]\nn_workers = 1\nthreads_per_worker = 2\n'
        + ('[report]\nformats = ["html", "md", "docx"]\n' if report else ""),
        "utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "carevoice.batch", str(toml), "--no-resume"],
                          check=False,
                          capture_output=True, text=True, cwd=folder)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = after.ru_maxrss / 1024
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    done = [line for line in (folder / "run" / "run.log").read_text().splitlines()
            if " done: " in line][-1]
    seconds = dict(re.findall(r"(\w+)=([\d.]+)", done.split("seconds:")[1]))
    return {"comments": n, "model": model, "engine": engine, "wall_s": round(wall, 1),
            "cpu_s": round(cpu, 1),
            "peak_rss_mb_max_so_far": round(peak_mb), **{k: float(v)
                                                         for k, v in seconds.items()}}


def cmd_run(args: argparse.Namespace) -> list[dict]:
    work = Path(args.work or tempfile.mkdtemp(prefix="cv-bench-"))
    results = []
    for n in args.sizes:
        result = run_size(n, args.model, args.engine, args.chunk_size, work,
                          report=not args.no_report)
        results.append(result)
        print(json.dumps(result), flush=True)
    return results


def _texts(n: int) -> list[str]:
    from carevoice.demo import load_demo

    rng = random.Random(1)
    base = load_demo().answered["text"].astype(str).tolist()
    return [perturb(base[rng.randrange(len(base))], rng) for _ in range(n)]


def _embedder(name: str, folder: str | None):
    from carevoice.batch.config import EmbedSettings
    from carevoice.batch.steps import build_embedder

    return build_embedder(EmbedSettings(model=name, model_folder=folder and Path(folder)))


def cmd_embed(args: argparse.Namespace) -> list[dict]:

    texts = _texts(args.n)
    results, ref = [], None
    for name in args.models:
        emb = _embedder(name, args.model_folder)
        emb.encode(texts[:8])  # load / convert outside the timing
        started = time.perf_counter()
        vectors = emb.encode(texts)
        secs = time.perf_counter() - started
        row = {"model": name, "texts": len(texts), "per_second": round(len(texts) / secs, 1)}
        if name == "minilm":
            ref = vectors
        elif ref is not None and vectors.shape == ref.shape:
            cos = (ref * vectors).sum(1)
            row.update(cosine_mean=round(float(cos.mean()), 4),
                       cosine_min=round(float(cos.min()), 4))
        results.append(row)
        print(json.dumps(row), flush=True)
    return results


def cmd_f1(args: argparse.Namespace) -> list[dict]:
    import pandas as pd

    from carevoice.themes import ThemeCoder

    score = Path(args.scorer or Path(args.gold).with_name("score.py"))
    work = Path(tempfile.mkdtemp(prefix="cv-f1-"))
    comments_csv = work / "comments.csv"
    subprocess.run([sys.executable, str(score), "csv", args.gold, str(comments_csv)], check=True,
                   capture_output=True)
    comments = pd.read_csv(comments_csv, dtype=str, keep_default_na=False)
    results = []
    for name in args.models:
        started = time.perf_counter()
        coder = ThemeCoder(embedder=_embedder(name, args.model_folder)).fit()
        codes = coder.predict(comments[["comment_id", "text"]], min_score=0.05)
        codes["assigned"] = codes["assigned"].map({True: "true", False: "false"})
        out = work / f"codes-{name}.csv"
        codes.to_csv(out, index=False)
        proc = subprocess.run([sys.executable, str(score), "themes", args.gold, str(out)],
                              check=True, capture_output=True, text=True)
        headline = json.loads(proc.stdout.strip().splitlines()[-1])
        row = {"model": name, "seconds": round(time.perf_counter() - started, 1), **headline}
        results.append(row)
        print(json.dumps(row), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="end-to-end time and peak memory")
    run.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    run.add_argument("--model", default="minilm")
    run.add_argument("--engine", default="local", choices=["local", "dask"])
    run.add_argument("--chunk-size", type=int, default=5000)
    run.add_argument("--work", help="folder for inputs and runs (default: a temporary one)")
    run.add_argument("--no-report", action="store_true",
                     help="skip the HTML/Markdown/Word report (on by default)")
    emb = sub.add_parser("embed", help="embedding speed and cosine to fp32")
    emb.add_argument("--n", type=int, default=2000)
    emb.add_argument("--models", nargs="+", default=list(MODELS))
    emb.add_argument("--model-folder")
    f1 = sub.add_parser("f1", help="theme macro-F1 per embedder on a gold set")
    f1.add_argument("--gold", required=True)
    f1.add_argument("--scorer", help="score.py (default: beside the gold file)")
    f1.add_argument("--models", nargs="+", default=list(MODELS))
    f1.add_argument("--model-folder")
    for p in (run, emb, f1):
        p.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args()
    results = {"run": cmd_run, "embed": cmd_embed, "f1": cmd_f1}[args.command](args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), "utf-8")


if __name__ == "__main__":
    main()
