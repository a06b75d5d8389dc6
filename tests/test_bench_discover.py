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
