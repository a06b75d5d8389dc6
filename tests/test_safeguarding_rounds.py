"""The safeguarding screen on its labelled development sets, at in-sample floors.

Rounds C and D (``tests/data/safeguarding_round_c.jsonl``, ``..._round_d.jsonl``) were written
blind by two outside writers and scored blind (``docs/safeguarding.md``); they have since been
read, and rules and examples were written for the kinds of wording they showed, so the floors
here are in sample: they say the screen still does what it was tuned to do, not how it does on
new wording (a fresh blind round measures that). Our own sets (development, holdout, holdout
b) are in sample too. Every comment is fictional. Floors sit a little under the figures
measured when they were set, so that a change that loses a concern or adds false alarms on
these sets is seen.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from carevoice.safeguarding import SafeguardingConfig, screen_comments

from .conftest import block_network

DATA = Path(__file__).parent / "data"


def _labelled(name: str) -> pd.DataFrame:
    rows = [json.loads(line) for line in (DATA / f"safeguarding_{name}.jsonl").read_text(
        "utf-8").splitlines() if line.strip()]
    return pd.DataFrame(rows)


def _scores(labelled: pd.DataFrame, config: SafeguardingConfig) -> tuple[float, float]:
    """Recall (concerns flagged in any category) and precision (flagged that are concerns)."""
    flags = screen_comments(labelled.rename(columns={"id": "comment_id"})[
        ["comment_id", "text"]], config)
    flagged = set(flags["comment_id"])
    concerns = set(labelled.loc[labelled["concern"].astype(bool), "id"])
    return len(flagged & concerns) / len(concerns), len(flagged & concerns) / len(flagged)


@pytest.mark.parametrize(("name", "recall", "precision"), [
    # measured with the rules alone when set: C 0.87 / 1.00, D 0.87 / 0.99 (before the rounds
    # were read: 0.72 / 0.99 and 0.72 / 0.97); our sets 1.00 / 1.00
    ("round_c", 0.85, 0.97),
    ("round_d", 0.85, 0.97),
    ("dev", 0.98, 0.98),
    ("holdout", 0.98, 0.98),
    ("holdout_b", 0.98, 0.98),
])
def test_rules_alone_on_the_development_sets(name, recall, precision):
    found = _scores(_labelled(name), SafeguardingConfig(similarity=False))
    assert found[0] >= recall and found[1] >= precision, found


@pytest.mark.model
@pytest.mark.parametrize(("name", "recall", "precision"), [
    # measured with the similarity path when set: C and D 1.00 / 0.97 (before the rounds were
    # read: C 0.86 / 0.89, D 0.89 / 0.88); 1.00 / 0.99 each once jokes, play and denials were
    # left alone (twenty-sixth session)
    ("round_c", 0.97, 0.97),
    ("round_d", 0.97, 0.97),
])
def test_full_screen_on_rounds_c_and_d(monkeypatch, name, recall, precision):
    block_network(monkeypatch)
    found = _scores(_labelled(name), SafeguardingConfig())
    assert found[0] >= recall and found[1] >= precision, found


def test_rounds_are_labelled_as_the_screen_reads_them():
    """Each round: 170 comments, 95 concerns, categories and levels from the screen's ids."""
    from carevoice.safeguarding import CATEGORIES, LEVELS

    for name in ("round_c", "round_d", "round_e"):
        frame = _labelled(name)
        assert len(frame) == 170 and frame["id"].is_unique
        assert int(frame["concern"].sum()) == 95
        for row in frame.itertuples():
            assert set(row.categories) <= set(CATEGORIES)
            assert bool(row.categories) == row.concern
            assert (row.level in LEVELS) if row.concern else pd.isna(row.level)


@pytest.mark.model
def test_blind_round_e_regression_guard(monkeypatch):
    """Round E (``tests/data/safeguarding_round_e.jsonl``): a fifth writer, the same brief,
    written in the twenty-fifth session and scored blind, before anyone read it, at the
    session's start (full screen 0.895 / 0.885, rules alone 0.779 / 0.961) and after the rounds
    C and D review (0.905 / 0.896 and 0.821 / 0.963). Nobody has read it: do not write rules or
    examples from it, so that it stays a measure of new wording. Floors sit a little under
    the figures after the review."""
    block_network(monkeypatch)
    frame = _labelled("round_e")
    full = _scores(frame, SafeguardingConfig())
    rules = _scores(frame, SafeguardingConfig(similarity=False))
    assert full[0] >= 0.88 and full[1] >= 0.86, full
    assert rules[0] >= 0.79 and rules[1] >= 0.93, rules
