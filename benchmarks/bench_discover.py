"""Benchmark: carevoice theme discovery side by side with plain BERTopic on the same embeddings.

Run from the repository root (BERTopic is in the ``bench`` extra)::

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/bench_discover.py [--dev ../shared/eval/dev.jsonl] \
        [--gold corpora/discover_z.jsonl] [--dev-background] [--scale 10000] \
        [--cache .bench-cache] [--seeds 10] [--ceiling] [--stability 3] [--raw-text] [--sparse] \
        [--output benchmarks/results/discover.json]

For each corpus (the embedded demo corpus, a gold JSON-lines file given with ``--dev``, and any
further gold files given with ``--gold``, such as the blind corpus Z in
``corpora/discover_z.jsonl``) it
reads the comments as :meth:`carevoice.discover.ThemeDiscovery.fit` reads them, which is what a
user gets: pseudonymised once with the default pseudonymiser (tags mode, in ``comment_id``
order, as ``fit`` does), then embedded once with the packaged all-MiniLM-L6-v2 model as
:func:`carevoice.placeholders.model_text` reads the tags (:func:`discovery_reading`). Then it
runs, on the same text and the same vectors, so that the comparison stays like for like and no
tool sees a name from the raw text:

* ``carevoice``: :class:`carevoice.discover.ThemeDiscovery` with its defaults (k-means);
* ``carevoice_sparse`` and ``carevoice_sparse_centred`` (with ``--sparse``): the same with
  ``method="sparse"`` (and ``centre=True``), the sparse-coding topics;
* ``carevoice+background`` (with ``--dev-background``): the same on the ``--dev`` file, with the
  demo corpus's comments (read the same way) as unlabelled ``background`` (clustered together,
  never reported);
* ``bertopic``: plain BERTopic 0.17 (UMAP with ``random_state=42``, HDBSCAN, c-TF-IDF), as a
  user would run it;
* ``carevoice_raw_text`` (with ``--raw-text``): a secondary row, carevoice on vectors of the raw,
  unpseudonymised text, as this benchmark measured it before 2026-12-06 (twenty-fifth
  session). No user gets this reading: ``fit`` pseudonymises first.

It reports how many of the gold themes are matched by some discovered topic with F1 >= 0.5 (a
topic is the set of comments assigned to it, primary or not; outliers belong to no topic), the
outlier share, whether two runs give identical assignments, wall time (of a run without
``tracemalloc``) and peak traced memory (of a second run under it; numpy arrays included).
``--scale N`` also times both on N comments made by resampling the demo comments with small
perturbations (dropped words), embedding included.
``--seeds N`` also counts carevoice's matched themes at ``random_state`` 0 .. N-1 (the count
moves with the seed; read the range). ``--ceiling`` prints a label-knowing oracle: how many
themes a neighbourhood of the embedding space (a comment and its nearest neighbours) could
match at best; and a supervised linear probe: how many themes a logistic regression on the
embeddings reaches with F1 >= 0.5 when it is given labels (cross-validated on the corpus, and,
for the ``--dev`` file, trained on the demo corpus's labels). Discovery does not see gold
labels; they are only used to score. The ceilings and ``--stability`` use the pseudonymised
reading's vectors too. ``--stability N`` measures, at ``random_state`` 0 ..
N-1, how far the topics move when the vectors get noise of sd 1e-7, 1e-6 and 1e-5 (the size of
the differences between machines, BLAS builds and batch compositions) or the rows are shuffled:
the adjusted Rand index of the primary topics against the unperturbed fit.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd


def load_gold(path: Path | None) -> pd.DataFrame:
    """Comments with gold themes: the demo corpus (None) or a gold JSON-lines file.

    Each line of the file is an object with ``text``, ``themes`` (a list of theme ids) and the
    comment's id as ``comment_id`` (the development set) or ``id`` (the blind corpora).
    """
    if path is None:
        from carevoice.demo import load_demo, load_demo_gold

        comments = load_demo().answered[["comment_id", "text"]].reset_index(drop=True)
        gold = load_demo_gold().set_index("comment_id")["themes"]
        comments["themes"] = [list(gold.loc[c]) for c in comments["comment_id"]]
        return comments
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return pd.DataFrame({"comment_id": [str(r["comment_id"] if "comment_id" in r else r["id"])
                                        for r in rows],
                         "text": [r["text"] for r in rows],
                         "themes": [list(r.get("themes", [])) for r in rows]})


def discovery_reading(comments: pd.DataFrame, embedder: object
                      ) -> tuple[pd.DataFrame, np.ndarray]:
    """The comments and their vectors as :meth:`ThemeDiscovery.fit` reads them.

    The text is pseudonymised once with the default pseudonymiser in tags mode, the comments in
    ``comment_id`` order as ``fit`` orders them (so the tags are numbered as ``fit`` numbers
    them), and returned in the caller's order; the vectors are of
    :func:`carevoice.placeholders.model_text` of that text (blank text as ``""``), as ``fit``
    embeds it. So ``ThemeDiscovery(text_is_pseudonymised=True).fit(read, embeddings=vectors)``
    gives the topics that ``ThemeDiscovery(embedder).fit(comments)`` gives.

    Returns
    -------
    read : pandas.DataFrame
        A copy of ``comments`` with ``text`` pseudonymised.
    vectors : numpy.ndarray
        One row per comment.
    """
    from carevoice.placeholders import model_texts
    from carevoice.pseudonymise import pseudonymise

    order = np.array(sorted(range(len(comments)),
                            key=lambda i: str(comments["comment_id"].iloc[i])), dtype=np.int64)
    safe = pseudonymise(comments[["comment_id", "text"]].iloc[order].reset_index(drop=True))
    texts = np.empty(len(comments), dtype=object)
    texts[order] = safe.comments["text"].to_numpy()
    read = comments.copy()
    read["text"] = texts
    words = ["" if not isinstance(t, str) or not t.strip() else t for t in texts]
    vectors = np.asarray(embedder.encode(model_texts(words)))  # type: ignore[attr-defined]
    return read, vectors


def matched_themes(memberships: dict[str, set[int]], gold: pd.DataFrame,
                   threshold: float = 0.5) -> tuple[int, int, dict[str, float]]:
    """How many gold themes some topic matches with F1 >= threshold, and each theme's best F1."""
    topics: dict[int, set[str]] = {}
    for cid, ts in memberships.items():
        for t in ts:
            if t != -1:
                topics.setdefault(t, set()).add(cid)
    best: dict[str, float] = {}
    themes = sorted({t for ts in gold["themes"] for t in ts})
    for theme in themes:
        truth = {c for c, ts in zip(gold["comment_id"], gold["themes"], strict=True)
                 if theme in ts}
        f1 = 0.0
        for members in topics.values():
            tp = len(truth & members)
            if tp:
                f1 = max(f1, 2 * tp / (len(truth) + len(members)))
        best[theme] = round(f1, 3)
    return sum(f >= threshold for f in best.values()), len(themes), best


def measure(function: Callable[[], dict[str, set[int]]]
            ) -> tuple[dict[str, set[int]], float, float, dict[str, set[int]]]:
    """Run twice: timed, then traced; return both results, the seconds and the peak in MiB.

    The time comes from a run without ``tracemalloc``, which traces every allocation and made
    the sparse-coding fits (scikit-learn's coordinate descent) about 7 times slower (11.5 s
    against 86 s on the demo corpus, 2026-12-07); the peak traced memory from a second run
    under it. The two results tell whether two runs are identical.
    """
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    again = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, peak / 2**20, again


#: The sparse-coding rows' settings (``--sparse``), by method name.
SPARSE = {"carevoice_sparse": {"method": "sparse"},
          "carevoice_sparse_centred": {"method": "sparse", "centre": True}}


def run_carevoice(comments: pd.DataFrame, vectors: np.ndarray, seed: int = 0,
                  background: tuple[pd.DataFrame, np.ndarray] | None = None,
                  **params: object) -> dict[str, set[int]]:
    from carevoice.discover import ThemeDiscovery

    back, back_vectors = background if background is not None else (None, None)
    # The text is pseudonymised already (discovery_reading), or deliberately raw for the
    # secondary raw-text row; either way fit must not pseudonymise it again.
    topics = ThemeDiscovery(random_state=seed, text_is_pseudonymised=True, **params).fit(
        comments[["comment_id", "text"]], embeddings=vectors,
        background=None if back is None else back[["comment_id", "text"]],
        background_embeddings=back_vectors).topics_
    out: dict[str, set[int]] = {}
    for cid, t in zip(topics.assignments["comment_id"], topics.assignments["topic"],
                      strict=True):
        out.setdefault(str(cid), set()).add(int(t))
    return out


def run_bertopic(comments: pd.DataFrame, vectors: np.ndarray, seed: int = 42
                 ) -> dict[str, set[int]]:
    from bertopic import BERTopic
    from umap import UMAP

    umap_model = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                      random_state=seed)
    model = BERTopic(umap_model=umap_model, calculate_probabilities=False, verbose=False)
    labels, _ = model.fit_transform(comments["text"].tolist(), embeddings=vectors)
    return {str(c): {int(t)} for c, t in zip(comments["comment_id"], labels, strict=True)}


def neighbourhood_ceiling(vectors: np.ndarray, gold: pd.DataFrame,
                          shares: tuple[float, ...] = (0.04, 0.06, 0.08, 0.1)) -> dict[str, int]:
    """How many gold themes a neighbourhood in the embedding space could match, knowing the labels.

    For each theme, the best F1 of a topic made of some comment and its nearest neighbours
    (cosine), over every centre comment: with one neighbourhood size for all themes (each of
    ``shares`` of the corpus: 8, 12, 16 and 20 of 202 comments), and with the best size chosen
    per theme and centres among the theme's own comments ("free"). An oracle, not a method: it
    uses the gold labels to pick centres and sizes. It shows how far the geometry of the
    embeddings lets any topic of that shape reach F1 >= 0.5.
    """
    x = np.asarray(vectors, dtype=np.float64)
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    order = np.argsort(-(x @ x.T), axis=1, kind="stable")
    themes = sorted({t for ts in gold["themes"] for t in ts})
    ranks = np.arange(1, len(x) + 1)
    sizes = {f"{share:.0%}": max(1, round(share * len(x))) for share in shares}
    out = dict.fromkeys(sizes, 0) | {"free": 0}
    for theme in themes:
        truth = np.array([theme in ts for ts in gold["themes"]])
        hits = np.cumsum(truth[order], axis=1)  # centre i: positives among its r nearest
        f1 = 2 * hits / (truth.sum() + ranks)
        for name, m in sizes.items():
            out[name] += bool(f1[:, m - 1].max() >= 0.5)
        out["free"] += bool(f1[truth].max() >= 0.5)
    return out


def linear_ceiling(vectors: np.ndarray, gold: pd.DataFrame,
                   train: tuple[np.ndarray, pd.DataFrame] | None = None,
                   strengths: tuple[float, ...] = (1.0, 10.0)) -> dict[str, int]:
    """How many gold themes a linear classifier on the embeddings reaches, given labels.

    A supervised probe, not a method: for each theme, a class-balanced logistic regression on
    the vectors predicts the theme, and the theme counts when the predictions reach F1 >= 0.5.
    Without ``train`` the predictions are 3-fold cross-validated on ``gold`` itself (two thirds
    of its labels to train on); with ``train`` (vectors and gold of another corpus) the
    classifier learns from that corpus and is scored on ``gold``. One count per inverse
    regularisation strength ``C``. It shows whether the themes are written into the embeddings
    at all, which the neighbourhood ceiling cannot tell apart from their forming clusters.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    x = np.asarray(vectors, dtype=np.float64)
    themes = sorted({t for ts in gold["themes"] for t in ts})
    out: dict[str, int] = {}
    for c in strengths:
        count = 0
        for theme in themes:
            truth = np.array([theme in ts for ts in gold["themes"]])
            model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
            if train is None:
                folds = StratifiedKFold(min(3, int(truth.sum())), shuffle=True, random_state=0)
                predicted = cross_val_predict(model, x, truth, cv=folds)
            else:
                other = np.array([theme in ts for ts in train[1]["themes"]])
                predicted = model.fit(np.asarray(train[0], dtype=np.float64), other).predict(x)
            hits = int((predicted & truth).sum())
            count += bool(2 * hits >= 0.5 * (predicted.sum() + truth.sum()))
        out[f"C={c:g}"] = count
    return out


def seed_range(gold: pd.DataFrame, vectors: np.ndarray, seeds: int,
               background: tuple[pd.DataFrame, np.ndarray] | None = None) -> list[int]:
    """Gold themes matched by carevoice at ``random_state`` 0 .. seeds - 1."""
    return [matched_themes(run_carevoice(gold, vectors, seed, background), gold)[0]
            for seed in range(seeds)]


def primary_topics(comments: pd.DataFrame, vectors: np.ndarray, seed: int = 0) -> pd.Series:
    """carevoice's primary topic of each comment (by comment_id), text taken as given."""
    from carevoice.discover import ThemeDiscovery

    assignments = ThemeDiscovery(random_state=seed, text_is_pseudonymised=True).fit(
        comments[["comment_id", "text"]], embeddings=vectors).topics_.assignments
    primary = assignments[assignments["primary"].to_numpy()]
    return primary.set_index(primary["comment_id"].astype(str))["topic"]


def perturbation_stability(comments: pd.DataFrame, vectors: np.ndarray, seeds: int = 3,
                           noise: tuple[float, ...] = (1e-7, 1e-6, 1e-5),
                           draws: int = 3) -> dict[str, object]:
    """How far carevoice's topics move under changes that should not matter.

    At ``random_state`` 0 .. seeds - 1, the adjusted Rand index (ARI) of the primary topics
    between the fit on ``vectors`` and fits on the same comments with Gaussian noise of each
    standard deviation in ``noise`` added to the vectors (``draws`` draws each, as a different
    BLAS, CPU or batch composition changes their last bits), and with the rows shuffled. Also
    the ARI between the fits at two consecutive seeds (what the seed alone changes).
    """
    from sklearn.metrics import adjusted_rand_score

    x = np.asarray(vectors, dtype=np.float32)
    out: dict[str, object] = {}
    for seed in range(seeds):
        base = primary_topics(comments, x, seed)
        row: dict[str, object] = {}
        for sd in noise:
            scores = []
            for draw in range(draws):
                rng = np.random.default_rng(1000 * seed + draw)
                moved = primary_topics(comments, x + rng.normal(0, sd, x.shape).astype(
                    np.float32), seed)
                scores.append(round(adjusted_rand_score(base, moved.loc[base.index]), 3))
            row[f"noise_{sd:g}"] = scores
        order = np.random.default_rng(seed).permutation(len(comments))
        shuffled = primary_topics(comments.iloc[order].reset_index(drop=True), x[order], seed)
        row["shuffled"] = round(adjusted_rand_score(base, shuffled.loc[base.index]), 3)
        other = primary_topics(comments, x, seed + 1)
        row["next_seed"] = round(adjusted_rand_score(base, other.loc[base.index]), 3)
        out[f"seed_{seed}"] = row
    return out


def outlier_share(memberships: dict[str, set[int]]) -> float:
    return round(sum(ts == {-1} for ts in memberships.values()) / max(1, len(memberships)), 4)


def perturbed(comments: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` comments resampled from ``comments``, each dropping about 15% of its words."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(comments), size=n)
    texts = []
    for i in picks:
        words = str(comments["text"].iloc[i]).split()
        keep = [w for w in words if rng.random() > 0.15] or words[:1]
        texts.append(" ".join(keep))
    return pd.DataFrame({"comment_id": [f"S{i:06d}" for i in range(n)], "text": texts})


def read_corpus(gold: pd.DataFrame, embedder: object) -> dict[str, object]:
    """:func:`discovery_reading` of a gold corpus (themes kept), with its seconds."""
    start = time.perf_counter()
    read, vectors = discovery_reading(gold, embedder)
    return {"comments": read, "vectors": vectors,
            "seconds": round(time.perf_counter() - start, 1)}


def bench_corpus(name: str, gold: pd.DataFrame, embedder: object, methods: list[str],
                 background: tuple[pd.DataFrame, np.ndarray] | None = None, *,
                 seeds: int = 0, ceiling: bool = False, stability: int = 0,
                 train: tuple[np.ndarray, pd.DataFrame] | None = None,
                 read: dict[str, object] | None = None,
                 raw_text: bool = False) -> dict[str, object]:
    """Every method on one corpus; ``gold`` is the raw text, ``read`` its discovery reading."""
    read = read if read is not None else read_corpus(gold, embedder)
    comments: pd.DataFrame = read["comments"]  # type: ignore[assignment]
    vectors: np.ndarray = read["vectors"]  # type: ignore[assignment]
    report: dict[str, object] = {
        "comments": len(gold), "reading": "pseudonymised (tags mode), tags read by model_text",
        "pseudonymise_and_embedding_seconds": read["seconds"]}
    if background is not None:
        methods = [*methods, "carevoice+background"]
    raw_vectors = None
    if raw_text:
        methods = [*methods, "carevoice_raw_text"]
        start = time.perf_counter()
        raw_vectors = np.asarray(embedder.encode(gold["text"].tolist()))  # type: ignore[attr-defined]
        report["raw_text_embedding_seconds"] = round(time.perf_counter() - start, 1)
    for method in methods:
        runner: Callable[[pd.DataFrame, np.ndarray], dict[str, set[int]]] = {
            "carevoice": run_carevoice, "bertopic": run_bertopic,
            "carevoice+background": lambda c, v: run_carevoice(c, v, background=background),
            "carevoice_raw_text": run_carevoice,
            **{name: lambda c, v, p=params: run_carevoice(c, v, **p)
               for name, params in SPARSE.items()},
        }[method]
        texts, x = (gold, raw_vectors) if method == "carevoice_raw_text" else (comments, vectors)
        first, seconds, peak, second = measure(lambda r=runner, t=texts, v=x: r(t, v))
        matched, total, best = matched_themes(first, gold)
        report[method] = {
            "matched_themes": matched, "gold_themes": total,
            "outlier_share": outlier_share(first),
            "rows_per_comment": round(sum(len(t) for t in first.values()) / len(first), 3),
            "n_topics": len({t for ts in first.values() for t in ts} - {-1}),
            "two_runs_identical": first == second,
            "seconds": round(seconds, 2), "peak_traced_mib": round(peak, 1),
            "best_f1": best,
        }
        print(f"{name:6} {method:20} matched {matched:2d}/{total} "
              f"outliers {outlier_share(first):6.1%} identical {first == second} "
              f"time {seconds:6.1f}s peak {peak:7.1f} MiB", flush=True)
        if seeds and method != "bertopic" and method not in SPARSE:  # sparse: no seed
            back = background if method == "carevoice+background" else None
            counts = seed_range(texts, x, seeds, back)
            report[method]["matched_by_seed"] = counts  # type: ignore[index]
            print(f"{name:6} {method:20} seeds 0-{seeds - 1}: {counts} "
                  f"(mean {np.mean(counts):.1f})", flush=True)
    if stability:
        report["perturbation_ari"] = perturbation_stability(comments, vectors, stability)
        for seed, row in report["perturbation_ari"].items():  # type: ignore[attr-defined]
            print(f"{name:6} perturbation ARI {seed}: {row}", flush=True)
    if ceiling:
        report["neighbourhood_ceiling"] = neighbourhood_ceiling(vectors, gold)
        print(f"{name:6} neighbourhood ceiling (oracle) {report['neighbourhood_ceiling']}",
              flush=True)
        report["linear_ceiling_cv"] = linear_ceiling(vectors, gold)
        print(f"{name:6} linear probe, 3-fold CV (labels) {report['linear_ceiling_cv']}",
              flush=True)
        if train is not None:
            report["linear_ceiling_from_demo"] = linear_ceiling(vectors, gold, train)
            print(f"{name:6} linear probe, trained on demo labels "
                  f"{report['linear_ceiling_from_demo']}", flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, help="A gold JSON-lines file (e.g. dev.jsonl).")
    parser.add_argument("--gold", type=Path, action="append", default=[],
                        help="A further gold JSON-lines file, benchmarked as --dev is but "
                             "without background (repeatable; e.g. corpora/discover_z.jsonl). "
                             "Its results are stored under the file's name.")
    parser.add_argument("--scale", type=int, default=0,
                        help="Also time both methods on this many resampled comments.")
    parser.add_argument("--cache", type=Path, help="Embedding cache folder.")
    parser.add_argument("--skip-bertopic", action="store_true")
    parser.add_argument("--dev-background", action="store_true",
                        help="Also run carevoice on the --dev file with the demo corpus as "
                             "unlabelled background comments.")
    parser.add_argument("--seeds", type=int, default=0,
                        help="Also count carevoice's matched themes at random_state 0 .. N-1.")
    parser.add_argument("--ceiling", action="store_true",
                        help="Also print the label-knowing neighbourhood ceiling (an oracle).")
    parser.add_argument("--stability", type=int, default=0,
                        help="Also measure, at random_state 0 .. N-1, the ARI of the topics "
                             "under noise of sd 1e-7, 1e-6, 1e-5 on the vectors and under a "
                             "row shuffle.")
    parser.add_argument("--raw-text", action="store_true",
                        help="Also run carevoice on vectors of the raw, unpseudonymised text "
                             "(a secondary row: fit never reads text that way).")
    parser.add_argument("--sparse", action="store_true",
                        help="Also run carevoice's sparse-coding topics (method='sparse', "
                             "uncentred and centred) beside the default.")
    parser.add_argument("--output", type=Path, help="Write the results as JSON here.")
    parser.add_argument("--note", help="A note (date, machine load) stored as 'measured' in "
                                       "the JSON.")
    args = parser.parse_args(argv)

    from carevoice import CachedEmbedder, SentenceTransformerEmbedder

    embedder: object = SentenceTransformerEmbedder()
    if args.cache:
        embedder = CachedEmbedder(embedder, args.cache)
    methods = (["carevoice"] + (list(SPARSE) if args.sparse else [])
               + ([] if args.skip_bertopic else ["bertopic"]))
    results: dict[str, object] = {**({"measured": args.note} if args.note else {}),
                                  "python": platform.python_version(),
                                  "machine": platform.machine()}
    demo = load_gold(None)
    # Import carevoice's discovery libraries before anything is timed: with cached embeddings
    # nothing else has loaded scikit-learn yet, and its import would count as discovery time.
    warm = demo.head(60)
    run_carevoice(warm, np.asarray(embedder.encode(warm["text"].tolist())))  # type: ignore[attr-defined]
    extra = {"seeds": args.seeds, "ceiling": args.ceiling, "stability": args.stability,
             "raw_text": args.raw_text}
    # Read (pseudonymise and embed) the demo corpus once: it is also the dev file's background,
    # the probe's training set and the source of the --scale comments.
    demo_read = read_corpus(demo, embedder)
    demo_safe: pd.DataFrame = demo_read["comments"]  # type: ignore[assignment]
    demo_vectors: np.ndarray = demo_read["vectors"]  # type: ignore[assignment]
    results["demo"] = bench_corpus("demo", demo, embedder, methods, read=demo_read, **extra)
    if args.dev:
        background = (demo_safe, demo_vectors) if args.dev_background else None
        train = (demo_vectors, demo_safe) if args.ceiling else None
        results["dev"] = bench_corpus("dev", load_gold(args.dev), embedder, methods,
                                      background, train=train, **extra)
    for path in args.gold:
        train = (demo_vectors, demo_safe) if args.ceiling else None
        results[path.stem] = bench_corpus(path.stem, load_gold(path), embedder, methods,
                                          train=train, **extra)
    if args.scale:
        # Resampled from the pseudonymised comments, so they need no pseudonymising again.
        from carevoice.placeholders import model_texts

        big = perturbed(demo_safe, args.scale)
        start = time.perf_counter()
        vectors = np.asarray(embedder.encode(  # type: ignore[attr-defined]
            model_texts(big["text"].tolist())))
        scale: dict[str, object] = {"comments": args.scale,
                                    "embedding_seconds": round(time.perf_counter() - start, 1)}
        for method in methods:
            params = SPARSE.get(method, {})
            first, seconds, peak, _ = measure(
                lambda m=method, p=params: run_bertopic(big, vectors) if m == "bertopic"
                else run_carevoice(big, vectors, **p))
            scale[method] = {"seconds": round(seconds, 1), "peak_traced_mib": round(peak, 1),
                             "outlier_share": outlier_share(first)}
            print(f"{args.scale} {method:24} time {seconds:6.1f}s peak {peak:7.1f} MiB "
                  f"outliers {outlier_share(first):6.1%}", flush=True)
        results["scale"] = scale
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
