"""q values printed beside hidden rows (audit s28 Q1).

Benjamini-Hochberg over every tested row made a shown row's q move with a hidden row's p: a
reader who recomputes the shown rows' p values from their printed counts can try each count a
``[c]`` may hide and keep those that reproduce the printed q values. The shown rows are now
adjusted as if every hidden row's p were 1. All data here are fictional.
"""

from __future__ import annotations

import csv
import re

import numpy as np
import pandas as pd
import pytest
from scipy.stats import fisher_exact

from carevoice.disclosure import suppress_associations, suppress_changes, suppress_differences
from carevoice.link.indicators import bh, bh_shown
from carevoice.report.tables import fmt_p

from ._survey_files import write_survey

_SAYS = {"money": "I never have enough money for food by the end of the month.",
         "advocacy": "My advocate helped me say what I wanted at my review.",
         "family_contact": "I want to see my brothers and sisters more often."}


def _write(folder, people) -> list[str]:
    """One fictional wave: per young person (respondent_id, answers, themes raised)."""
    folder.mkdir()
    resp, comm, codes = [], [], []
    for rid, answers, mine in people:
        resp.append({"respondent_id": rid, **answers})
        text = " ".join(_SAYS[t] for t in mine) or "My carers are kind and I feel settled now."
        comm.append({"comment_id": f"{rid}-better", "respondent_id": rid,
                     "question_id": "better", "text": text})
        for t in _SAYS:
            codes.append({"comment_id": f"{rid}-better", "theme": t,
                          "score": 0.9 if t in mine else 0.1,
                          "assigned": "true" if t in mine else "false"})
    return write_survey(folder, comm, codes, resp)


def _wave(folder, n: int, counts: dict[str, int], start: int) -> list[str]:
    """The audit's waves: money on the first young people, advocacy on the last, family
    contact on those from the 16th."""
    people = []
    for i in range(n):
        mine = [t for t, hit in (("money", i < counts["money"]),
                                 ("advocacy", i >= n - counts["advocacy"]),
                                 ("family_contact",
                                  15 <= i < 15 + counts["family_contact"])) if hit]
        people.append((f"Y{start + i:03d}", {"survey": "in_care" if i % 2 else "care_leaver"},
                       mine))
    return _write(folder, people)


def _read(path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.reader(fh))[1:]


def _bh_over(ps: list[float]) -> list[float]:
    return bh(pd.Series(ps)).tolist()


def test_shown_q_values_do_not_move_with_a_hidden_p():
    """A change table with one hidden row: the shown rows' q values are the same whatever the
    hidden row's p, each at least its q over the true p values; with no hidden row, the q
    values are those the comparison computed."""
    def table(hidden_p: float, hide: bool) -> pd.DataFrame:
        p = pd.Series([0.019, hidden_p, 0.9])
        return pd.DataFrame({
            "theme": ["money", "advocacy", "family"], "variable": "all", "level": "all",
            "wave_from": "2024", "wave_to": "2025", "analysis": "independent",
            "n_from": [12, 4 if hide else 10, 40], "base_from": 70,
            "n_to": [24, 12, 38], "base_to": 67, "overlap": None, "both": None,
            "from_only": None, "to_only": None, "neither": None,
            "p_value": p, "q_value": bh(p)})

    shown = []
    for hidden_p in (0.001, 0.02, 0.03, 0.5):
        out = suppress_changes(table(hidden_p, True))
        assert out["suppressed"].tolist() == [False, True, False]
        shown.append(out.loc[[0, 2], "q_value"].tolist())
        assert (out.loc[[0, 2], "q_value"] >= table(hidden_p, True).loc[[0, 2], "q_value"]
                - 1e-12).all()
    assert all(q == shown[0] for q in shown)
    assert shown[0] == pytest.approx(_bh_over([0.019, 1.0, 0.9])[::2])
    # nothing hidden: the comparison's own q values, unchanged
    whole = table(0.03, False)
    assert suppress_changes(whole)["q_value"].tolist() == whole["q_value"].tolist()


def test_bh_shown_hands_back_the_q_values_when_nothing_is_hidden():
    p = pd.Series([0.01, np.nan, 0.04, 0.2])
    q = bh(p)
    assert bh_shown(p, pd.Series([False, True, False, False]), q).equals(q)  # untested hidden
    moved = bh_shown(p, pd.Series([False, False, True, False]), q)
    assert moved[2] == q[2]  # a hidden row keeps its own (never printed)
    assert moved[[0, 3]].tolist() == pytest.approx([0.03, 0.3])  # over 0.01, 0.2 and 1


def test_differences_and_associations_adjust_the_shown_rows():
    numeric = pd.DataFrame({"theme": ["t", "t", "u"], "variable": ["a", "b", "a"],
                            "n_raised": [12, 3, 15], "n_not": [28, 37, 25],
                            "p_value": [0.01, 0.001, 0.04]})
    numeric["q_value"] = bh(numeric["p_value"])
    out = suppress_differences(numeric)
    assert out["suppressed"].tolist() == [False, True, False]
    assert out.loc[[0, 2], "q_value"].tolist() == pytest.approx(_bh_over([0.01, 1, 0.04])[::2])
    assoc = pd.DataFrame({"theme": "t", "variable": "v", "level": ["a", "b", "c"],
                          "min_cell": [2, 8, 9], "raised_level": [2, 10, 12],
                          "p_value": [0.001, 0.01, 0.03]})
    assoc["q_value"] = bh(assoc["p_value"])
    out = suppress_associations(assoc)
    hidden = out["suppressed"].to_numpy()
    assert hidden[0]
    expected = _bh_over([1.0 if h else p for p, h in zip(assoc["p_value"], hidden,
                                                            strict=True)])
    assert [q for q, h in zip(out["q_value"], hidden, strict=True) if not h] == \
        pytest.approx([q for q, h in zip(expected, hidden, strict=True) if not h])


def test_change_table_q_values_do_not_pin_a_hidden_count(tmp_path):
    """The audit's reproduction: 2024 advocacy 4 of 70, hidden in both reports. The printed
    q of money (a shown row) read 0.05, not 3 x its p (0.06), because the hidden advocacy
    row's p sat just above money's; of the counts [c] can hide, only 4 gave 0.05. Now every
    candidate count gives the printed q values, and the auditor's recovery pins nothing."""
    from typer.testing import CliRunner

    from carevoice.cli import app

    before = _wave(tmp_path / "2024", 70, {"money": 12, "advocacy": 4, "family_contact": 40},
                   1)
    after = _wave(tmp_path / "2025", 67, {"money": 24, "advocacy": 12, "family_contact": 38},
                  101)
    runner = CliRunner()
    out = tmp_path / "changes.csv"
    done = runner.invoke(app, ["compare-waves", "2024", *before, "2025", *after, "--output",
                               str(out)])
    assert done.exit_code == 0, done.output
    common = ["--subgroup", "survey", "--attribute", "survey", "--embedder", "hashing",
              "--no-safeguarding-similarity", "--no-timestamp", "--quotes", "0",
              "--format", "md", "--already-pseudonymised"]
    done = runner.invoke(app, ["report", *before, *common, "--output", str(tmp_path / "r24")])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["report", *after, *common, "--changes", str(out),
                               "--earlier-report", str(tmp_path / "r24"), "--output",
                               str(tmp_path / "r25")])
    assert done.exit_code == 0, done.output
    rows = _read(tmp_path / "r25" / "tables" / "changes.csv")
    tested = [r for r in rows if r[6] != "not tested"]
    assert [r[0] for r in tested if r[3] == "[c]"] == ["Advocacy"]
    counts = {r[0]: [tuple(map(int, re.search(r"\((\d+) of (\d+)\)", r[c]).groups()))
                     for c in (3, 4)] for r in tested if r[3] != "[c]"}
    printed = {r[0]: r[6] for r in tested if r[3] != "[c]"}
    adv25 = next(r for r in _read(tmp_path / "r25" / "tables" / "prevalence.csv")
             if r[0] == "Advocacy")
    shown_p = [fisher_exact([[a, n1 - a], [b, n2 - b]])[1]
               for (a, n1), (b, n2) in counts.values()]
    pinned, same = [], []
    for k in [*range(1, 5), *range(66, 70)]:  # what [c] may hide of 70
        hidden_p = fisher_exact([[k, 70 - k], [int(adv25[1]), int(adv25[2]) - int(adv25[1])]])[1]
        over_all = _bh_over([*shown_p, hidden_p])[:-1]   # the auditor's recovery
        if [fmt_p(q) for q in over_all] == list(printed.values()):
            pinned.append(k)
        as_printed = _bh_over([*shown_p, 1.0])[:-1]      # the rule: a hidden p taken as 1
        same.append([fmt_p(q) for q in as_printed] == list(printed.values()))
    assert pinned != [4]
    assert all(same)
    # the report says how the q values beside a hidden row are worked out; last year's, with
    # no change table, hides no tested row and says nothing of it
    said = "as if its p value were 1"
    assert said in (tmp_path / "r25" / "report.md").read_text(encoding="utf-8")
    assert said not in (tmp_path / "r24" / "report.md").read_text(encoding="utf-8")


def test_association_q_values_do_not_narrow_hidden_cells(tmp_path):
    """The audit's association table: see family weekly 20, monthly 25, rarely 25; advocacy
    raised by 6, 2 and 0, money by 4, 8 and 16. The rows of weekly and monthly were hidden
    for both themes; the printed q values of the shown rows narrowed the hidden advocacy
    split to 6 and 2 or 1 and 7. Now every split gives the printed q values."""
    from itertools import product

    from typer.testing import CliRunner

    from carevoice.cli import app

    want = {"money": {"weekly": 4, "monthly": 8, "rarely": 16},
            "advocacy": {"weekly": 6, "monthly": 2, "rarely": 0},
            "family_contact": {"weekly": 12, "monthly": 10, "rarely": 8}}
    sizes = {"weekly": 20, "monthly": 25, "rarely": 25}
    seen = {t: dict.fromkeys(sizes, 0) for t in want}
    people = []
    for i, level in enumerate([lv for lv, n in sizes.items() for _ in range(n)]):
        mine = []
        for t in want:
            if seen[t][level] < want[t][level]:
                mine.append(t)
                seen[t][level] += 1
        people.append((f"Z{i + 1:03d}", {"survey": "in_care" if i % 2 else "care_leaver",
                                         "see_family": level}, mine))
    paths = _write(tmp_path / "data", people)
    done = CliRunner().invoke(app, [
        "report", *paths, "--subgroup", "survey", "--attribute", "survey", "--embedder",
        "hashing", "--no-safeguarding-similarity", "--no-timestamp", "--quotes", "0",
        "--max-q", "1", "--format", "md", "--already-pseudonymised", "--output",
        str(tmp_path / "rep")])
    assert done.exit_code == 0, done.output
    shown = {(r[0], r[1].split(": ")[1]): r[5]
             for r in _read(tmp_path / "rep" / "tables" / "associations.csv")}
    assert ("Advocacy", "weekly") not in shown and ("Advocacy", "rarely") in shown

    def p(k: int, total: int, level: str) -> float:
        n = sizes[level]
        return fisher_exact([[k, n - k], [total - k, 70 - n - (total - k)]])[1]

    narrowed, same = set(), []
    for mw, aw in product(range(13), range(9)):
        cells = {("Money", "weekly"): mw, ("Money", "monthly"): 12 - mw,
                 ("Money", "rarely"): 16, ("Advocacy", "weekly"): aw,
                 ("Advocacy", "monthly"): 8 - aw, ("Advocacy", "rarely"): 0,
                 ("Family contact", "weekly"): 12, ("Family contact", "monthly"): 10,
                 ("Family contact", "rarely"): 8}
        total = {"Money": 28, "Advocacy": 8, "Family contact": 30}
        keys = list(cells)
        ps = [p(cells[k], total[k[0]], k[1]) for k in keys]
        over_all = dict(zip(keys, _bh_over(ps), strict=True))  # the auditor's recovery
        if all(fmt_p(over_all[k]) == v for k, v in shown.items()):
            narrowed.add(aw)
        rule = dict(zip(keys, _bh_over([q if k in shown else 1.0 for k, q in zip(
            keys, ps, strict=True)]), strict=True))
        same.append(all(fmt_p(rule[k]) == v for k, v in shown.items()))
    assert narrowed != {1, 6}
    assert all(same)


def test_the_note_on_hidden_rows_does_not_depend_on_their_q_values():
    """The note under the tables counted the hidden rows whose q (over their true p) was at
    most max_q: four kinship young people who all raised money gave "2 association or
    numeric-answer results with q of 0.05 or less are not listed", one of four gave no note,
    so the note told how the hidden group's result came out. It now counts every hidden row,
    the same in both reports."""
    from carevoice import HashingEmbedder
    from carevoice.report import make_report

    from .conftest import SCREEN_RULES

    ids = [f"r{i:03d}" for i in range(80)]
    respondents = pd.DataFrame({"respondent_id": ids,
                                "placement_type": ["foster"] * 76 + ["kinship"] * 4})
    comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids,
                             "text": "one two three four five"})
    notes = []
    for kinship in ([76, 77, 78, 79], [76]):  # p about 0.0003, then about 0.5
        codes = pd.DataFrame({"comment_id": [ids[i] for i in [*range(10), *kinship]],
                              "theme": "money"})
        content = make_report((comments, respondents), codes, embedder=HashingEmbedder(),
                              text_is_pseudonymised=True, safeguarding=SCREEN_RULES)
        notes.append([n for n in content.footnotes if "not listed" in n])
        assert content.associations.empty
        # every theme's two rows (foster, kinship), each with a group of 4
        rows = 2 * len(content.link_result.indicators.columns)
        assert content.associations.attrs["suppressed"] == rows
    said = (f"{rows} association or numeric-answer comparisons are not listed, whatever their "
            "q values: a group in each is too small to publish.")
    assert notes[0] == notes[1] == [said]
