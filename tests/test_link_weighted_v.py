"""Cramér's V of a weighted run is V of the weighted table (statistics audit L3: it ignored
the weights, giving 0.0 beside a weighted odds ratio of 5.0)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from carevoice.link import associations


def test_weighted_cramers_v_is_that_of_the_weighted_table():
    ids = [f"r{i}" for i in range(40)]
    raised = np.arange(40) % 2 == 0
    indicators = pd.DataFrame({"t": raised}, index=pd.Index(ids, name="respondent_id"))
    weights = np.where(raised & (np.arange(40) < 20), 5.0, 1.0)
    respondents = pd.DataFrame({"respondent_id": ids, "g": ["a"] * 20 + ["b"] * 20,
                                "w": weights})
    plain = associations(indicators, respondents, ["g"])
    weighted = associations(indicators, respondents, ["g"], weights="w")
    assert plain["cramers_v"].iloc[0] == 0.0  # 10 of 20 in each group
    assert weighted["odds_ratio"].iloc[0] == pytest.approx(5.0)
    # the weighted table: a raised 50, not 10; b raised 10, not 10 -> phi = 400 / 1200
    assert weighted["cramers_v"].iloc[0] == pytest.approx(1 / 3)
    # the weights' scale does not matter
    doubled = associations(indicators, respondents.assign(w=weights * 2), ["g"], weights="w")
    assert doubled["cramers_v"].iloc[0] == pytest.approx(1 / 3)
    # weights of one give the unweighted V
    ones = associations(indicators, respondents.assign(w=1.0), ["g"], weights="w")
    assert ones["cramers_v"].iloc[0] == pytest.approx(plain["cramers_v"].iloc[0])
    assert not math.isnan(weighted["cramers_v"].iloc[1])
