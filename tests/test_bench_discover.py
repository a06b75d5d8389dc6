"""The discovery benchmark's label-knowing yardsticks count what they say they count."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_discover",
                                                  ROOT / "benchmarks" / "bench_discover.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_discover"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("bench_discover", None)


def _corpus(seed: int, n: int = 120) -> tuple[np.ndarray, pd.DataFrame]:
    """Two themes written along two directions of the space, one theme written nowhere."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 8))
    themes: list[list[str]] = [[] for _ in range(n)]
    for i in range(n):
        if i % 4 == 0:
            x[i, 0] += 4.0
            themes[i].append("money")
        if i % 5 == 0:
            x[i, 1] += 4.0
            themes[i].append("school")
        if rng.random() < 0.2:
            themes[i].append("noise")  # independent of the vectors
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x, pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "themes": themes})


def test_linear_probe_counts_the_themes_written_into_the_vectors(bench):
    x, gold = _corpus(0)
    assert bench.linear_ceiling(x, gold) == {"C=1": 2, "C=10": 2}
    other_x, other_gold = _corpus(1)
    assert bench.linear_ceiling(x, gold, (other_x, other_gold), strengths=(1.0,)) == {"C=1": 2}


def test_linear_probe_finds_nothing_in_vectors_that_hold_no_theme(bench):
    _, gold = _corpus(0)
    rng = np.random.default_rng(2)
    x = rng.normal(size=(len(gold), 8))
    assert bench.linear_ceiling(x, gold, strengths=(1.0,)) == {"C=1": 0}


def test_matched_themes_scores_the_best_topic_per_theme(bench):
    gold = pd.DataFrame({"comment_id": ["a", "b", "c", "d"],
                         "themes": [["money"], ["money"], ["school"], []]})
    memberships = {"a": {0}, "b": {0, 1}, "c": {1}, "d": {-1}}
    matched, total, best = bench.matched_themes(memberships, gold)
    assert (matched, total) == (2, 2)
    assert best == {"money": 1.0, "school": round(2 / 3, 3)}


#: Fictional comments naming people, places and schools, in no particular comment_id order.
_NAMED = pd.DataFrame({
    "comment_id": ["k7", "a2", "m1", "b9", "z3", "c4", "q8", "d5", "x6", "e0", "f1", "g2"],
    "text": ["i miss my brother Tyrone so much", "Mrs Okafor at Brambleford Academy helped me",
             "moved from Grimsby to Scunthorpe and lost my mates",
             "my social worker Precious never rings back",
             "got excluded from Halsworth High in year 9", "more money for driving lessons",
             "contact with my nan in Doncaster got cancelled again",
             "the leaving care grant ran out fast", "Jaydon my PA left after two months",
             "i want to go to college in Hull", "cant pay my gas bill", "n/a"]})


def test_discovery_reading_is_the_text_and_vectors_fit_uses(bench):
    from carevoice import HashingEmbedder
    from carevoice.discover import ThemeDiscovery
    from carevoice.placeholders import model_texts

    read, vectors = bench.discovery_reading(_NAMED, HashingEmbedder())
    fitted = ThemeDiscovery(HashingEmbedder()).fit(_NAMED)  # fit pseudonymises itself
    # the same pseudonymised text, tags numbered as fit numbers them, in the caller's order
    assert read["comment_id"].tolist() == _NAMED["comment_id"].tolist()
    assert read["text"].tolist() == fitted.topics_.comments["text"].tolist()
    for name in ("Tyrone", "Okafor", "Brambleford", "Grimsby", "Precious", "Doncaster"):
        assert not read["text"].str.contains(name).any()
    np.testing.assert_allclose(vectors, HashingEmbedder().encode(model_texts(read["text"])))
    # so the benchmark's carevoice row is what a user's fit gives
    assignments = fitted.topics_.assignments
    mine: dict[str, set[int]] = {}
    for cid, t in zip(assignments["comment_id"], assignments["topic"], strict=True):
        mine.setdefault(str(cid), set()).add(int(t))
    assert bench.run_carevoice(read, vectors) == mine
    np.testing.assert_allclose(fitted.topics_.embeddings, vectors / np.maximum(
        np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12), atol=1e-6)


def test_load_gold_reads_comment_ids_under_either_name(bench, tmp_path):
    lines = ['{"comment_id": "d1", "text": "more money", "themes": ["money"]}',
             '{"id": "z002", "question": "Anything else?", "text": "n/a", "themes": []}']
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    gold = bench.load_gold(path)
    assert gold["comment_id"].tolist() == ["d1", "z002"]
    assert gold["themes"].tolist() == [["money"], []]


def test_blind_corpus_z_is_the_file_the_preregistered_test_scored(bench):
    import hashlib

    from carevoice.themes import load_codebook

    path = ROOT / "corpora" / "discover_z.jsonl"
    # the SHA-256 recorded in benchmarks/preregistered/2026-12-06-discovery-placeholder-readings.md
    assert hashlib.sha256(path.read_bytes()).hexdigest() == (
        "b0275097b598c499ace7d20f2aff3f5fc8b27922aa0755bd5d873a5330f949a2")
    gold = bench.load_gold(path)
    assert len(gold) == 220 and gold["comment_id"].is_unique
    counts = pd.Series([t for ts in gold["themes"] for t in ts]).value_counts()
    assert set(counts.index) == set(load_codebook().theme_ids)
    assert counts.min() >= 12


def test_blind_corpus_w_is_the_file_the_replication_scored(bench):
    import hashlib

    from carevoice.themes import load_codebook

    path = ROOT / "corpora" / "discover_w.jsonl"
    # the SHA-256 recorded in benchmarks/preregistered/2026-12-07-discovery-sparse-replication.md
    assert hashlib.sha256(path.read_bytes()).hexdigest() == (
        "4974d59222f914ebcd20fb88a573a1815a580b026442fb52263b85dae1c00d47")
    gold = bench.load_gold(path)
    assert len(gold) == 220 and gold["comment_id"].is_unique
    assert gold["comment_id"].tolist() == [f"w{i:03d}" for i in range(1, 221)]
    counts = pd.Series([t for ts in gold["themes"] for t in ts]).value_counts()
    assert set(counts.index) == set(load_codebook().theme_ids)
    assert counts.min() >= 12 and counts.max() <= 30
    per_comment = gold["themes"].map(len).value_counts().to_dict()
    assert per_comment == {0: 35, 1: 55, 2: 90, 3: 35, 4: 5}
