"""The pre-registered sparse-coding test (2026-12-07-discovery-sparse-coding.md), condensed.

Run from the repository root, one thread (the figures were measured that way)::

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 .venv/bin/python \
        benchmarks/preregistered/2026-12-07-discovery-sparse-coding.py \
        --cache FOLDER --dev ../shared/eval/dev.jsonl [--corpus dev z demo] [--method ...]

A topic is an atom of a non-negative sparse code of the vectors that ``ThemeDiscovery.fit``
reads; a comment belongs to (at most three of) the atoms whose code exceeds ``tau``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench_discover as bd

# name: (atoms, "auto" = auto_n_topics(n); alpha; centred; tau)
CANDIDATES = {"sc_auto": ("auto", 0.2, False, 0.05), "sc_40": (40, 0.2, False, 0.05),
              "sc_centred": ("auto", 0.2, True, 0.0)}


def sparse_code(vectors: np.ndarray, atoms: int, alpha: float, centre: bool, seed: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """Non-negative lasso codes of the unit (optionally centred) vectors, and the atoms."""
    from sklearn.decomposition import DictionaryLearning

    x = np.asarray(vectors, dtype=np.float64)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    if centre:
        x = x - x.mean(axis=0)
        x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    model = DictionaryLearning(n_components=atoms, alpha=alpha, max_iter=100, tol=1e-6,
                               fit_algorithm="cd", transform_algorithm="lasso_cd",
                               transform_alpha=alpha, positive_code=True, random_state=seed,
                               transform_max_iter=2000)
    code = model.fit_transform(x)
    return code, x @ model.components_.T


def memberships(ids: list[str], code: np.ndarray, tau: float) -> dict[str, set[int]]:
    """Each comment's atoms with a code above ``tau``, at most three (largest first), or -1."""
    out = {}
    for i, cid in enumerate(ids):
        order = np.argsort(-code[i], kind="stable")[:3]
        out[str(cid)] = {int(a) for a in order if code[i, a] > tau} or {-1}
    return out


def atom_ceiling(scores: np.ndarray, gold) -> int:
    """Label-knowing: themes whose best atom, at its best threshold, reaches F1 >= 0.5."""
    order = np.argsort(-scores, axis=0, kind="stable")
    ranks = np.arange(1, len(scores) + 1)[:, None]
    count = 0
    for theme in sorted({t for ts in gold["themes"] for t in ts}):
        truth = np.array([theme in ts for ts in gold["themes"]])
        count += bool((2 * np.cumsum(truth[order], axis=0) / (truth.sum() + ranks)).max() >= 0.5)
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--dev", type=Path, default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--corpus", nargs="+", default=["dev", "z", "demo"])
    parser.add_argument("--method", nargs="+", default=["default", *CANDIDATES])
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    from carevoice import CachedEmbedder, SentenceTransformerEmbedder
    from carevoice.discover import auto_n_topics

    embedder = CachedEmbedder(SentenceTransformerEmbedder(), args.cache)
    paths = {"demo": None, "dev": args.dev, "z": Path("corpora/discover_z.jsonl"),
             "w": Path("corpora/discover_w.jsonl")}
    for corpus in args.corpus:
        gold = bd.load_gold(paths[corpus])
        read, vectors = bd.discovery_reading(gold, embedder)
        ids = gold["comment_id"].astype(str).tolist()
        for method in args.method:
            counts, extra = [], ""
            for seed in range(args.seeds):
                if method == "default":
                    found = bd.run_carevoice(read, vectors, seed)
                    again = bd.run_carevoice(read, vectors, seed)
                else:
                    atoms, alpha, centre, tau = CANDIDATES[method]
                    k = auto_n_topics(len(ids)) if atoms == "auto" else atoms
                    code, projection = sparse_code(vectors, k, alpha, centre, seed)
                    found = memberships(ids, code, tau)
                    again_code = sparse_code(vectors, k, alpha, centre, seed)[0]
                    again = memberships(ids, again_code, tau)
                    same = again_code.tobytes() == code.tobytes()
                    extra = (f"ceiling {atom_ceiling(code, gold)}/"
                             f"{atom_ceiling(projection, gold)} codes identical {same}")
                counts.append(bd.matched_themes(found, gold)[0])
                rows = sum(len(t) for t in found.values()) / len(found)
                topics = len({t for ts in found.values() for t in ts} - {-1})
                print(f"{corpus} {method} seed {seed}: matched {counts[-1]} outliers "
                      f"{bd.outlier_share(found):.4f} rows {rows:.3f} topics {topics} "
                      f"identical {found == again} {extra}", flush=True)
            print(f"{corpus} {method}: {counts} mean {np.mean(counts):.1f}", flush=True)


if __name__ == "__main__":
    main()
