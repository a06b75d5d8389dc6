"""A theme with nothing to compare between waves is not tested, in either analysis
(statistics audit L4): the paired rows ran McNemar's test (p = 1, counted in the
Benjamini-Hochberg family) for a theme every young person raised in both waves, for which the
independent row already said "none"."""

from __future__ import annotations

import numpy as np
import pandas as pd

from carevoice.link import wave_changes


def test_a_theme_everyone_raised_in_both_waves_is_not_tested():
    ids = pd.Index([f"r{i}" for i in range(30)], name="respondent_id")
    wave = pd.DataFrame({"all": [True] * 30, "some": np.arange(30) % 3 == 0}, index=ids)
    later = wave.assign(some=np.arange(30) % 2 == 0)
    changes = wave_changes({"w1": wave, "w2": later}, paired=True).set_index(
        ["analysis", "theme"])
    for analysis in ("independent", "paired"):
        row = changes.loc[(analysis, "all")]
        assert row["test"] == "none" and np.isnan(row["p_value"]), analysis
        assert np.isnan(row["q_value"])
    # the other theme is tested, and its q value is its p value: a family of one
    row = changes.loc[("paired", "some")]
    assert row["test"] == "mcnemar_exact" and row["q_value"] == row["p_value"]
