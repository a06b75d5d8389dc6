"""What the report prints around its statistics: the number of tests in the notes, the
wording of weighted reports, the summary's direction, the p values' rounding.

The figures themselves are checked in ``test_link.py``; these tests check that the words and
counts beside them say what was done (findings of the statistics audit)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from carevoice import HashingEmbedder
from carevoice.link import Hypothesis


def _coded(n: int, raised: np.ndarray, seed: int = 0):
    """``n`` fictional young people, one comment each; 'family_contact' coded where
    ``raised``, 'money' coded for nobody (a row per comment, as a coder writes)."""
    rng = np.random.default_rng(seed)
    ids = [f"r{i}" for i in range(n)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "respondent_id": ids,
                             "text": ["I want to see my mum more."] * n})
    codes = pd.DataFrame({"comment_id": list(comments["comment_id"]) * 2,
                          "theme": ["family_contact"] * n + ["money"] * n,
                          "assigned": list(raised) + [False] * n, "score": 0.9})
    respondents = pd.DataFrame({"respondent_id": ids,
                                "feels_safe": rng.choice(["always", "sometimes", "never"], n),
                                "age_group": rng.choice(["8-10", "11-13", "14-17"], n)})
    return comments, codes, respondents


def _report(comments, codes, respondents, **options):
    from carevoice.report import make_report

    return make_report(comments, codes, respondents=respondents, text_is_pseudonymised=True,
                       timestamp=False, quotes_by=[], embedder=HashingEmbedder(), **options)


def test_notes_count_the_tests_made_not_the_rows():
    """A theme nobody raised has a row per answer but no test (p NaN): the note said "12
    tests" where Benjamini-Hochberg adjusted over 6, and the hypotheses note counted a
    hypothesis on that theme as one of the family."""
    rng = np.random.default_rng(0)
    comments, codes, respondents = _coded(60, rng.random(60) < 0.4)
    hyps = [Hypothesis("family_contact", "feels_safe", ("never",)),
            Hypothesis("family_contact", "age_group", ("14-17",)),
            Hypothesis("money", "feels_safe", ("never",))]
    content = _report(comments, codes, respondents, themes=["family_contact", "money"],
                      hypotheses=hyps)
    assoc = content.link_result.associations
    tested = int(assoc["p_value"].notna().sum())
    assert (len(assoc), tested) == (12, 6)
    assert re.search(r"\d[\d,]* tests", content.association_note).group(0) == "6 tests"
    assert "6 comparisons were not tested and are not counted" in content.association_note
    assert content.link_result.hypotheses["p_value"].notna().sum() == 2
    assert "over these 2 hypotheses only" in content.hypotheses_note
    assert "3 hypotheses" not in content.hypotheses_note
    assert "1 hypothesis was not tested and is not counted" in content.hypotheses_note


def test_notes_when_every_comparison_was_tested_or_none_was():
    from carevoice.report.notes import _association_note, _hypotheses_note

    assert "not tested" not in _association_note(4, "fisher", False)
    assert _hypotheses_note(0, "fisher", False) == ""
    none = _hypotheses_note(0, "fisher", False, n_untested=2)
    assert none.startswith("None of the hypotheses") and "2 hypotheses were not" in none
    assert "over this hypothesis only" in _hypotheses_note(1, "fisher", False, n_untested=1)


def _wave(seed: int, share: float, n: int = 80):
    """One fictional wave: raisers weigh 0.3, so weighted and unweighted shares differ."""
    rng = np.random.default_rng(seed)
    ids = [f"r{i}" for i in range(n)]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(n)], "respondent_id": ids,
                             "text": ["I want to see my mum more."] * n})
    raised = rng.random(n) < share
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "family_contact",
                          "assigned": raised, "score": 0.9})
    respondents = pd.DataFrame({"respondent_id": ids,
                                "age_group": rng.choice(["11-13", "14-17"], n),
                                "w": np.where(raised, 0.3, 1.0)})
    return comments, codes, respondents


def test_weighted_report_says_its_change_between_waves_is_unweighted():
    """compare_waves takes no weights: a weighted report printed the unweighted change (45%
    for 2025) under a footnote saying every percentage was weighted, beside a weighted 20%."""
    from carevoice.link import compare_waves

    before, after = _wave(1, 0.3), _wave(2, 0.5)
    waves = compare_waves({"2024": before, "2025": after}, themes=["family_contact"])
    content = _report(*after, themes=["family_contact"], weights="w", waves=waves)
    assert content.prevalence.loc[0, "Share"] == "20%"          # weighted
    assert content.changes.loc[0, "After"].startswith("45%")    # unweighted
    assert "Not weighted" in content.changes_note
    weighted = next(f for f in content.footnotes if f.startswith("Weighted:"))
    assert "except those of the change between waves" in weighted
    assert "The change between waves is not weighted" in weighted
    assert any("The change between waves is the exception" in g for g in content.guide)
    # without weights, or without waves, nothing is said of it
    plain = _report(*after, themes=["family_contact"], waves=waves)
    assert "weighted" not in plain.changes_note.lower()
    alone = _report(*after, themes=["family_contact"], weights="w")
    weighted = next(f for f in alone.footnotes if f.startswith("Weighted:"))
    assert "change between waves" not in weighted
    assert not any("change between waves" in g for g in alone.guide)
