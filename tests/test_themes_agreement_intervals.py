"""Agreement's bootstrap intervals for rare themes and for the macro average (statistics
audit M2): no interval that collapses to its point, and a macro interval over the same themes
in every resample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.themes import agreement


def _coded(seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """100 fictional comments: a common theme with fair agreement, 'advocacy' that both
    coders used on one comment, 'money' that one coder used once."""
    ids = [f"c{i}" for i in range(100)]
    rng = np.random.default_rng(seed)
    x = rng.random(100) < 0.3
    y = np.where(rng.random(100) < 0.85, x, ~x)
    person = [{"comment_id": c, "theme": "family_contact"} for c, v in zip(ids, x) if v]
    model = [{"comment_id": c, "theme": "family_contact"} for c, v in zip(ids, y) if v]
    person += [{"comment_id": "c0", "theme": "advocacy"}, {"comment_id": "c1", "theme": "money"}]
    model += [{"comment_id": "c0", "theme": "advocacy"}]
    return pd.DataFrame(person), pd.DataFrame(model), ids


def test_rare_themes_get_no_interval_rather_than_a_collapsed_one():
    """Were "kappa 1.0 (1.0 to 1.0)" for advocacy and "0.0 (0.0 to 0.0)" for money."""
    person, model, ids = _coded()
    t = agreement(person, model, comment_ids=ids).set_index("theme")
    assert t.loc["advocacy", "kappa"] == 1.0 and t.loc["money", "kappa"] == 0.0
    for theme in ("advocacy", "money"):
        for name in ("kappa", "alpha", "f1"):
            assert np.isnan(t.loc[theme, f"{name}_low"]), (theme, name)
            assert np.isnan(t.loc[theme, f"{name}_high"]), (theme, name)
    common = t.loc["family_contact"]
    assert common["kappa_low"] < common["kappa"] < common["kappa_high"]
    assert t.loc["overall", "kappa_low"] < t.loc["overall", "kappa_high"]


def test_macro_interval_is_over_the_themes_its_point_averages():
    """The macro point averaged three themes but each resample averaged the themes defined in
    it (often the common theme alone): 0.52 (0.22 to 0.83). With rare themes in the average it
    has no interval; over the common themes, every resample averages the same themes."""
    person, model, ids = _coded()
    t = agreement(person, model, comment_ids=ids).set_index("theme")
    assert t.loc["macro", "kappa"] == pytest.approx(
        t.loc[["advocacy", "family_contact", "money"], "kappa"].mean())
    assert np.isnan(t.loc["macro", "kappa_low"]) and np.isnan(t.loc["macro", "kappa_high"])
    one = agreement(person, model, comment_ids=ids, themes=["family_contact"]).set_index("theme")
    for name in ("kappa", "alpha", "f1"):
        for end in ("low", "high"):
            assert one.loc["macro", f"{name}_{end}"] == pytest.approx(
                one.loc["family_contact", f"{name}_{end}"])


def test_macro_interval_averages_a_fixed_set_of_themes():
    """Two common themes: the macro interval is the percentile interval of the resamples'
    mean over both, computed here by hand from the same resamples."""
    rng = np.random.default_rng(4)
    ids = [f"c{i}" for i in range(60)]
    x = rng.random((60, 2)) < [0.4, 0.15]
    y = np.where(rng.random((60, 2)) < 0.85, x, ~x)
    themes = ["money", "safety"]
    a = pd.DataFrame([(ids[i], themes[j]) for i in range(60) for j in range(2) if x[i, j]],
                     columns=["comment_id", "theme"])
    b = pd.DataFrame([(ids[i], themes[j]) for i in range(60) for j in range(2) if y[i, j]],
                     columns=["comment_id", "theme"])
    t = agreement(a, b, comment_ids=ids, themes=themes, n_boot=300,
                  random_state=7).set_index("theme")
    assert (t.loc[themes, "n_a"] >= 5).all() and not t.loc[themes, "kappa_low"].isna().any()
    from carevoice.themes.agreement import _stats

    boot = np.random.default_rng(7).integers(0, 60, size=(300, 60))
    xi, yi = x.astype(int), y.astype(int)
    cells = [m[boot].sum(1) for m in (xi & yi, xi & (1 - yi), (1 - xi) & yi,
                                      (1 - xi) & (1 - yi))]
    means = _stats(*cells)["kappa"].mean(1)
    means = means[np.isfinite(means)]
    assert t.loc["macro", "kappa_low"] == pytest.approx(np.quantile(means, 0.025))
    assert t.loc["macro", "kappa_high"] == pytest.approx(np.quantile(means, 0.975))


def test_min_codes_sets_the_rule():
    person, model, ids = _coded()
    every = agreement(person, model, comment_ids=ids, min_codes=0).set_index("theme")
    assert every.loc["advocacy", "kappa_low"] == 1.0  # the collapse the rule prevents
    strict = agreement(person, model, comment_ids=ids, min_codes=200).set_index("theme")
    assert strict[["kappa_low", "kappa_high"]].isna().all().all()
    with pytest.raises(InputError, match="'min_codes' argument of agreement"):
        agreement(person, model, comment_ids=ids, min_codes=-1)


def test_cli_says_why_the_macro_has_no_interval(tmp_path):
    from typer.testing import CliRunner

    from carevoice.cli import app

    person, model, ids = _coded()
    person.to_csv(tmp_path / "person.csv", index=False)
    model.to_csv(tmp_path / "model.csv", index=False)
    pd.DataFrame({"comment_id": ids}).to_csv(tmp_path / "sample.csv", index=False)
    done = CliRunner().invoke(app, ["agreement", str(tmp_path / "person.csv"),
                                    str(tmp_path / "model.csv"), "--comments",
                                    str(tmp_path / "sample.csv"), "--n-boot", "200",
                                    "-o", str(tmp_path / "agreement.csv")])
    assert done.exit_code == 0, done.output
    assert "macro kappa 0.52, alpha" in done.output
    assert "no macro interval where a theme has fewer than 5 codes" in done.output
    written = pd.read_csv(tmp_path / "agreement.csv").set_index("theme")
    assert np.isnan(written.loc["advocacy", "kappa_low"])
