"""The pre-registered test of centred sparse coding at fewer topics
(2026-12-07-discovery-sparse-reassign.md).

Run from the repository root, one thread::

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 .venv/bin/python \\
        benchmarks/preregistered/2026-12-07-discovery-sparse-reassign.py \\
        --cache FOLDER --dev ../shared/eval/dev.jsonl [--corpus dev z w demo]

For each corpus and number of topics K it prints, for ``sc_centred_r`` (the candidate), and for
``sc_centred``, ``sc_auto`` and k-means (seed 0) beside it: gold themes matched (F1 >= 0.5),
outlier share of answered comments, topic rows per comment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench_discover as bd

CORPORA = {"dev": None, "z": Path("corpora/discover_z.jsonl"),
           "w": Path("corpora/discover_w.jsonl"), "demo": None}
SIZES = (3, 5, 10, 15, "auto")
MIN_SIMILARITY = 0.2  # ThemeDiscovery's min_similarity default (k-means' outlier rule)


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def memberships(assignments: pd.DataFrame) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for cid, topic in zip(assignments["comment_id"], assignments["topic"], strict=True):
        out.setdefault(str(cid), set()).add(int(topic))
    return out


def reassigned(found: dict[str, set[int]], ids: list[str], vectors: np.ndarray,
               answered: np.ndarray) -> dict[str, set[int]]:
    """One pass of k-means' outlier rule over the answered comments with no topic."""
    x = _unit(vectors)
    row = {cid: i for i, cid in enumerate(ids)}
    topics = sorted({t for ts in found.values() for t in ts} - {-1})
    if not topics:
        return found
    centroids = _unit(np.vstack([
        x[[row[c] for c, ts in found.items() if t in ts]].mean(axis=0) for t in topics]))
    out = dict(found)
    for cid, ts in found.items():
        i = row[cid]
        if ts == {-1} and answered[i]:
            sims = centroids @ x[i]
            best = int(np.argmax(sims))  # first maximum: the lowest topic id
            if sims[best] >= MIN_SIMILARITY:
                out[cid] = {topics[best]}
    return out


def fit(read: pd.DataFrame, vectors: np.ndarray, k: int | str, **params: object
        ) -> dict[str, set[int]]:
    from carevoice.discover import ThemeDiscovery

    model = ThemeDiscovery(n_topics=k, random_state=0, text_is_pseudonymised=True, **params)
    return memberships(model.fit(read[["comment_id", "text"]], embeddings=vectors)
                       .topics_.assignments)


def describe(found: dict[str, set[int]], gold: pd.DataFrame, answered_ids: set[str]) -> str:
    matched = bd.matched_themes(found, gold)[0]
    outliers = sum(found[c] == {-1} for c in answered_ids) / max(1, len(answered_ids))
    rows = sum(len(t) for t in found.values()) / len(found)
    return f"{matched:2d} themes {outliers:6.1%} out {rows:4.2f} rows"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--dev", type=Path, default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--corpus", nargs="+", default=list(CORPORA))
    args = parser.parse_args()
    from carevoice.embed import CachedEmbedder, SentenceTransformerEmbedder

    embedder = CachedEmbedder(SentenceTransformerEmbedder(), args.cache)
    for name in args.corpus:
        path = args.dev if name == "dev" else CORPORA[name]
        gold = bd.load_gold(path)
        read, vectors = bd.discovery_reading(gold, embedder)
        ids = [str(c) for c in read["comment_id"]]
        answered = np.array([isinstance(t, str) and bool(t.strip()) for t in read["text"]])
        answered_ids = {c for c, a in zip(ids, answered, strict=True) if a}
        for k in SIZES:
            centred = fit(read, vectors, k, method="sparse", centre=True)
            candidate = reassigned(centred, ids, vectors, answered)
            again = reassigned(fit(read, vectors, k, method="sparse", centre=True), ids,
                               vectors, answered)
            uncentred = fit(read, vectors, k, method="sparse")
            cells = [(f"sc_centred_r {describe(candidate, gold, answered_ids)} "
                      f"identical {candidate == again}"),
                     f"sc_centred {describe(centred, gold, answered_ids)}",
                     f"sc_auto {describe(uncentred, gold, answered_ids)}",
                     f"kmeans {describe(fit(read, vectors, k), gold, answered_ids)}"]
            print(f"{name:5} K={k!s:4} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
