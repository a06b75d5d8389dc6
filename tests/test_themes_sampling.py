"""Stratified samples for double-coding."""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.themes import double_coding_sample


@pytest.fixture
def comments() -> pd.DataFrame:
    q = ["better"] * 60 + ["care_is"] * 30 + ["advocate"] * 10
    text = ["an answer"] * 98 + [None, "  "]
    return pd.DataFrame({"comment_id": [f"c{i}" for i in range(100)], "question_id": q,
                         "text": pd.array(text, dtype="string")})


def test_proportional_with_minimum(comments):
    s = double_coding_sample(comments, n=20, min_per_stratum=3)
    counts = s["question_id"].value_counts()
    assert len(s) == 20 and counts.sum() == 20
    assert counts["advocate"] >= 3 and counts["better"] > counts["care_is"] > 0
    assert s["text"].str.strip().ne("").all() and s["text"].notna().all()
    assert s.index.is_monotonic_increasing and "stratum" in s


def test_deterministic_and_seeded(comments):
    a = double_coding_sample(comments, n=15, random_state=1)
    b = double_coding_sample(comments, n=15, random_state=1)
    c = double_coding_sample(comments, n=15, random_state=2)
    pd.testing.assert_frame_equal(a, b)
    assert a["comment_id"].tolist() != c["comment_id"].tolist()


def test_stratify_by_model_top_theme(comments):
    codes = pd.DataFrame({
        "comment_id": ["c0", "c0", "c1", "c2"], "theme": ["money", "safety", "safety", "money"],
        "score": [0.9, 0.6, 0.7, 0.2], "assigned": [True, True, True, False]})
    s = double_coding_sample(comments, n=10, by=(), codes=codes, min_per_stratum=1)
    assert {"money", "safety"} <= set(s["stratum"]) and "no_theme" in set(s["stratum"])
    assert {"c0", "c1"} <= set(s["comment_id"])


def test_n_larger_than_corpus(comments):
    assert len(double_coding_sample(comments, n=1000)) == 98


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"n": 0}, "'n'"), ({"by": ["age"]}, "not in 'comments': age"),
     ({"min_per_stratum": -1}, "min_per_stratum"),
     ({"codes": pd.DataFrame({"comment_id": []})}, "'codes'")],
)
def test_bad_arguments(comments, kwargs, match):
    with pytest.raises(InputError, match=match):
        double_coding_sample(comments, **kwargs)
