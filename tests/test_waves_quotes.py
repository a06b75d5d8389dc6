"""A quote must not single out its author across two waves' reports.

Audit s28 X1: a young person wrote the same sentence in two annual waves; each year's report
quoted it with that year's description ("in care, aged 14-17"; next year "care leaver, aged
18-21, own tenancy"), each fitting k young people of its wave, together one. Given the
earlier report (``--earlier-report``, ``earlier_quotes=``), a report quotes neither the
same (or nearly the same) words nor the same young person again. All data are fictional.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice import HashingEmbedder
from carevoice._disclosure_repeats import check_earlier_quotes, quote_words, repeated_quotes
from carevoice.cli import app
from carevoice.errors import InputError
from carevoice.quotes import QuoteConfig, select_quotes

from ._survey_files import write_survey

# survey, age group, respondents, how many raise money, placements
_GROUPS = [("in_care", "8-10", 12, 2, ["foster care", "kinship care"]),
           ("in_care", "11-13", 14, 6, ["foster care", "residential care"]),
           ("in_care", "14-17", 14, 7, ["foster care", "residential care"]),
           ("care_leaver", "18-21", 20, 8, ["supported accommodation", "own tenancy"]),
           ("care_leaver", "22-25", 10, 5, ["own tenancy", "staying put"])]
# each young person who raises money writes their own sentence: two halves, combined in turn
_MONEY_A = ["My money never lasts", "The allowance I get is too small",
            "Pocket money runs out fast", "Nobody explained my savings",
            "The leaving care grant was not enough", "I borrow money from friends",
            "Budgeting is hard for me", "My bank card got stopped"]
_MONEY_B = ["so I stay in at the weekend.", "and the bus to college costs a lot.",
            "when the rent is due.", "because the electric meter eats it.",
            "and I cannot buy new clothes.", "so I worry every single week.",
            "and nobody helps me plan."]
_FAMILY = ["Visits with my dad keep getting cancelled at the last minute.",
           "I want to spend more time with my little brothers.",
           "Phone calls with my nan are only once a fortnight.",
           "I miss my sister since she moved to another placement.",
           "Contact at the family centre feels watched and awkward."]
# R033: aged 14-17 in care in the first wave, a care leaver of 18-21 in their own tenancy in
# the second (nobody else changes group), and writes one of the theme's most typical
# sentences both times
MOVER = "R033"
REPEATED = ("My money never lasts and the allowance I get is too small, so I stay in and "
            "the bus to college costs a lot.")
# someone not quoted in the first wave writes a new sentence in the second
NEWCOMER = "R041"
NEW_SENTENCE = ("Pocket money runs out fast when the rent is due, and I cannot buy new clothes "
                "so I worry every week.")


def _write_wave(folder: Path, second: bool) -> list[str]:
    folder.mkdir()
    resp, comm, codes = [], [], []
    i = k = 0
    for survey, age, n, money, placements in _GROUPS:
        money += 3 if second and age in ("14-17", "18-21") else 0  # more raise it in 2025
        for j in range(n):
            i += 1
            rid = f"R{i:03d}"
            row = {"respondent_id": rid, "survey": survey, "age_group": age,
                   "placement_type": placements[j % len(placements)]}
            theme = "money" if j < money else "family_contact"
            text = _FAMILY[(i + j) % len(_FAMILY)]
            if theme == "money":
                text = f"{_MONEY_A[k % len(_MONEY_A)]} {_MONEY_B[k % len(_MONEY_B)]}"
                k += 1
            if rid == MOVER:
                theme, text = "money", REPEATED
                if second:
                    row.update(survey="care_leaver", age_group="18-21",
                               placement_type="own tenancy")
            if rid == NEWCOMER and second:
                theme, text = "money", NEW_SENTENCE
            resp.append(row)
            comm.append({"comment_id": f"{rid}-better", "respondent_id": rid,
                         "question_id": "better", "text": text})
            for t in ("money", "family_contact"):
                codes.append({"comment_id": f"{rid}-better", "theme": t,
                              "score": 0.9 if t == theme else 0.1,
                              "assigned": "true" if t == theme else "false"})
    return write_survey(folder, comm, codes, resp)


# described by survey and age group: "in care, aged 14-17" fits 7 young people who raised
# money in the first wave, "care leaver, aged 18-21" 9 in the second, both only R033
_COMMON = ["--no-timestamp", "--embedder", "hashing", "--format", "md",
           "--already-pseudonymised", "--no-safeguarding-similarity",
           "--attribute", "survey", "--attribute", "age_group"]


def _report(runner: CliRunner, wave: list[str], out: Path, *extra: str) -> str:
    done = runner.invoke(app, ["report", *wave, "--output", str(out), *_COMMON, *extra])
    assert done.exit_code == 0, done.output
    return done.output


def _quotes(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "not-for-publication" / "quotes.csv", dtype=str,
                       keep_default_na=False)


@pytest.fixture(scope="module")
def waves(tmp_path_factory) -> tuple[Path, list[str], list[str], Path]:
    """Both waves and the first wave's report."""
    root = tmp_path_factory.mktemp("waves")
    first, second = _write_wave(root / "2024", False), _write_wave(root / "2025", True)
    _report(CliRunner(), first, root / "rep2024")
    return root, first, second, root / "rep2024"


def test_the_first_report_quotes_the_sentence_and_records_its_author(waves):
    _, _, _, rep2024 = waves
    quotes = _quotes(rep2024)
    mine = quotes[quotes["text"] == REPEATED]
    assert len(mine) == 1 and mine["respondent_id"].tolist() == [MOVER]
    assert mine["attribution"].tolist() == ["in care, aged 14-17"]
    assert REPEATED in (rep2024 / "report.md").read_text("utf-8")


def test_without_the_earlier_report_the_second_report_quotes_it_again(waves, tmp_path):
    """The audit's finding, as it stands without --earlier-report: the same words, the
    other wave's description (what the fix must prevent when the earlier report is given)."""
    _, _, second, _ = waves
    _report(CliRunner(), second, tmp_path / "rep2025")
    quotes = _quotes(tmp_path / "rep2025")
    assert quotes.loc[quotes["text"] == REPEATED, "attribution"].tolist() == [
        "care leaver, aged 18-21"]


def test_the_earlier_report_keeps_the_sentence_and_its_author_out(waves, tmp_path):
    """With --earlier-report, the repeated sentence is not quoted, no young person quoted in
    2024 is quoted again, and the theme still gets its quotes: a new sentence of a young
    person not quoted before among them."""
    _, _, second, rep2024 = waves
    _report(CliRunner(), second, tmp_path / "rep2025", "--earlier-report", str(rep2024))
    before, after = _quotes(rep2024), _quotes(tmp_path / "rep2025")
    assert REPEATED not in (tmp_path / "rep2025" / "report.md").read_text("utf-8")
    assert not {quote_words(t) for t in before["text"]} & {quote_words(t)
                                                            for t in after["text"]}
    assert not set(before["respondent_id"]) & set(after["respondent_id"])
    money = after[after["theme"] == "money"]
    assert len(money) == 3
    assert NEW_SENTENCE in money["text"].tolist()


def test_with_changes_the_earlier_report_protects_quotes_too(waves, tmp_path):
    """The documented annual workflow (--changes with --earlier-report); --changes alone
    says that quotes are not checked across waves."""
    _, first, second, rep2024 = waves
    runner = CliRunner()
    changes = tmp_path / "changes.csv"
    done = runner.invoke(app, ["compare-waves", "2024", *first, "2025", *second, "--paired",
                               "--output", str(changes)])
    assert done.exit_code == 0, done.output
    said = _report(runner, second, tmp_path / "with", "--changes", str(changes),
                   "--earlier-report", str(rep2024))
    assert "not checked" not in said
    assert REPEATED not in _quotes(tmp_path / "with")["text"].tolist()
    said = _report(runner, second, tmp_path / "without", "--changes", str(changes))
    assert "--earlier-report" in said and "not checked" in said
    assert REPEATED in _quotes(tmp_path / "without")["text"].tolist()


def test_a_report_folder_written_before_respondent_ids_were_recorded(waves, tmp_path):
    """An earlier quotes.csv without a respondent_id column (as carevoice wrote it before):
    read, its words checked (its authors cannot be)."""
    _, _, second, rep2024 = waves
    old = tmp_path / "old2024"
    (old / "not-for-publication").mkdir(parents=True)
    quotes = _quotes(rep2024).drop(columns=["respondent_id"])
    quotes.to_csv(old / "not-for-publication" / "quotes.csv", index=False)
    _report(CliRunner(), second, tmp_path / "rep2025", "--earlier-report", str(old))
    assert REPEATED not in _quotes(tmp_path / "rep2025")["text"].tolist()


def test_an_earlier_report_folder_without_quotes_is_refused_naming_the_option(waves,
                                                                              tmp_path):
    _, _, second, _ = waves
    (tmp_path / "empty").mkdir()
    done = CliRunner().invoke(app, ["report", *second, "--output", str(tmp_path / "r"),
                                    *_COMMON, "--earlier-report", str(tmp_path / "empty")])
    assert done.exit_code == 2 and "--earlier-report" in done.output


def _frames(texts: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    ids = [f"r{i}" for i in range(len(texts))]
    comments = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))],
                             "respondent_id": ids, "text": texts})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money"})
    resp = pd.DataFrame({"respondent_id": ids, "survey": "in_care", "age_group": "14-17",
                         "placement_type": "foster care"})
    return comments, codes, resp


@pytest.mark.parametrize("earlier", [
    "there is never enough money for a bus pass, to college!",  # case, punctuation
    "There is never enough money for a bus ticket to college",  # one word of ten
])
def test_select_quotes_leaves_out_the_same_or_nearly_the_same_words(earlier):
    texts = ["There is never enough money for a bus pass to college"] + [
        f"{a} {b}" for a, b in zip(_MONEY_A[:6], _MONEY_B, strict=False)]
    comments, codes, resp = _frames(texts)
    kwargs = {"text_is_pseudonymised": True, "embedder": HashingEmbedder(),
              "config": QuoteConfig(n_quotes=7, avoid_details=False),
              "safeguarding": pd.DataFrame({"comment_id": []})}  # none withheld
    first = select_quotes(comments, codes, resp, **kwargs)
    assert texts[0] in first["text"].tolist()
    again = select_quotes(comments, codes, resp, **kwargs,
                          earlier_quotes=[pd.DataFrame({"text": [earlier]})])
    assert texts[0] not in again["text"].tolist() and len(again) == len(first) - 1


def test_repeated_quotes_matches_tags_without_their_numbers_and_authors():
    earlier = check_earlier_quotes(pd.DataFrame({
        "text": ["I want to live with [PERSON_12] in [LOCATION_3] when I leave care"],
        "respondent_id": ["R9"]}))
    found = repeated_quotes(["I want to live with [PERSON_1] in [LOCATION_1] when I leave care",
                             "Nobody ever showed me how my savings account works.",
                             "My carers are kind to me."], ["R1", "R2", "R9"], earlier)
    assert found.tolist() == [True, False, True]
    assert not repeated_quotes(["anything"], ["R1"], check_earlier_quotes(None)).any()


def test_earlier_quotes_of_the_wrong_shape_are_refused():
    with pytest.raises(InputError, match="'earlier_quotes' argument"):
        check_earlier_quotes([pd.DataFrame({"quote": ["x"]})])


def test_check_k_anonymity_refuses_what_the_selection_refuses_across_waves(waves, tmp_path):
    """check_k_anonymity took no earlier quotes: a quote list of one's own choosing that
    repeated last year's words, or quoted last year's young person, passed the check. Given
    the earlier report's quotes it lists them, by the selection's rule, and passes the quotes
    the report chose with --earlier-report."""
    from carevoice.disclosure import check_k_anonymity
    from carevoice.report.unpublished import read_earlier_quotes

    _, _, second, rep2024 = waves
    respondents = pd.read_csv(second[2], dtype=str)
    before = read_earlier_quotes(rep2024)
    runner = CliRunner()
    _report(runner, second, tmp_path / "again")
    _report(runner, second, tmp_path / "checked", "--earlier-report", str(rep2024))
    # as the report attributed them (--attribute survey --attribute age_group)
    again, checked = (_quotes(tmp_path / name).assign(attributes_used="survey,age_group")
                      for name in ("again", "checked"))
    assert check_k_anonymity(again, respondents) == []
    listed = check_k_anonymity(again, respondents, earlier_quotes=before)
    seen = {quote_words(t) for t in before["text"]}
    assert MOVER in listed
    assert set(listed) >= {r for r, t in zip(again["respondent_id"], again["text"],
                                              strict=True)
                           if r in set(before["respondent_id"]) or quote_words(t) in seen}
    assert check_k_anonymity(checked, respondents, earlier_quotes=[before]) == []
    # one's own pick: last year's words from a young person never quoted
    words = checked.iloc[:1].assign(text=REPEATED, respondent_id=NEWCOMER)
    assert check_k_anonymity(words, respondents) == []
    assert check_k_anonymity(words, respondents, earlier_quotes=before) == [NEWCOMER]
    with pytest.raises(InputError, match="'quotes' argument of check_k_anonymity.*'text'"):
        check_k_anonymity(words.drop(columns="text"), respondents, earlier_quotes=before)
    with pytest.raises(InputError, match="'earlier_quotes' argument of check_k_anonymity"):
        check_k_anonymity(words, respondents, earlier_quotes=[pd.DataFrame({"quote": ["x"]})])


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_manifest_names_the_earlier_reports_it_was_checked_against(waves, tmp_path):
    """The manifest did not say that a report's quotes and cells were checked across waves,
    nor against which report. It now names each --earlier-report by its folder and the
    SHA-256 of its published manifest.json, and counts the reports whose quotes and cells
    were read; no checksum of an earlier not-for-publication file is in it."""
    import json

    _, first, second, rep2024 = waves
    runner = CliRunner()
    changes = tmp_path / "changes.csv"
    done = runner.invoke(app, ["compare-waves", "2024", *first, "2025", *second, "--paired",
                               "--output", str(changes)])
    assert done.exit_code == 0, done.output
    _report(runner, second, tmp_path / "alone")
    _report(runner, second, tmp_path / "quotes", "--earlier-report", str(rep2024))
    _report(runner, second, tmp_path / "both", "--changes", str(changes),
            "--earlier-report", str(rep2024))
    named = [{"folder": "rep2024", "manifest_sha256": _sha(rep2024 / "manifest.json")}]
    hidden = {_sha(p) for p in (rep2024 / "not-for-publication").iterdir()}
    for name, quotes, cells, reports in (("alone", 0, 0, []), ("quotes", 1, 0, named),
                                         ("both", 1, 1, named)):
        text = (tmp_path / name / "manifest.json").read_text("utf-8")
        record = json.loads(text)["earlier_reports"]
        assert (record["quotes_checked_against"], record["cells_checked_against"],
                record["reports"]) == (quotes, cells, reports), name
        assert not any(h in text for h in hidden)
    # the report prints its manifest: a reader of the published report sees it too
    assert named[0]["manifest_sha256"] in (tmp_path / "both" / "report.md").read_text("utf-8")


def test_make_report_refuses_earlier_reports_with_nothing_checked(waves):
    from carevoice.report import make_report

    _, _, second, rep2024 = waves
    comments, codes, respondents = (pd.read_csv(p, dtype=str) for p in second)
    with pytest.raises(InputError, match="'earlier_reports' argument of make_report"):
        make_report((comments, respondents), codes, earlier_reports=[rep2024])
