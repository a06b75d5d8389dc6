"""A tick-all-that-apply question left undeclared: its write-ins are refused as free text.

Microsoft Forms and Google Forms put an "Other" write-in in the same cell as the options
ticked. Read as one closed answer, every write-in ("fishing with Aisha") would be a level
copied unpseudonymised into the respondents file, the tables, the REFI-QDA project and the
report, so the free-text check refuses such a column (docs/data.md, "Microsoft Forms"), while
a joined column of options only, and closed single-choice questions with many levels (some
with commas inside), still pass. Every answer and name here is fictional.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest
from typer.testing import CliRunner

import carevoice as cv
from carevoice._multiselect import undeclared_write_ins
from carevoice.cli import app
from carevoice.corpus import closed_answers, free_text_columns, survey_from_frame

runner = CliRunner()

Q = "What do you do in your free time?"
OPTIONS = ["Sport", "Music", "Gaming", "Youth club"]
FRIENDS = ["Aisha", "Callum"]
N = 36


def _ticked(i: int) -> list[str]:
    return [o for j, o in enumerate(OPTIONS) if (i * (j + 3)) % 5 < 2]


def _write_in(i: int) -> str | None:
    """Six of 36 write in an activity with a friend's name, each name three times."""
    return f"fishing with {FRIENDS[i // 6 % 2]}" if i % 6 == 0 else None


def _cell(layout: str, i: int, write_ins: bool = True) -> str | None:
    answers = _ticked(i) + ([_write_in(i)] if write_ins and _write_in(i) else [])
    if layout == "msforms":  # every answer followed by ';', the write-in last
        return "".join(f"{a};" for a in answers) or None
    return ", ".join(answers) or None  # Google Forms


def _export(layout: str, write_ins: bool = True) -> pd.DataFrame:
    return pd.DataFrame({
        "ID": [str(i + 1) for i in range(N)],
        "How old are you?": [["8-10", "11-13", "14-15", "16-17"][i % 4] for i in range(N)],
        Q: [_cell(layout, i, write_ins) for i in range(N)],
        "What would make your life better?": [f"answer {i}" for i in range(N)]})


KW = {"id_column": "ID", "text_columns": {"What would make your life better?": "better"}}


# ---------------------------------------------------------------- refused, and the ways out
@pytest.mark.parametrize("layout, sep", [("msforms", ";"), ("googleforms", ",")])
def test_an_undeclared_forms_question_with_write_ins_is_refused(layout, sep):
    wide = _export(layout)
    with pytest.raises(cv.ValidationError) as info:
        survey_from_frame(wide, **KW)  # type: ignore[arg-type]
    problem = info.value.problems[0]
    assert problem.check == "free_text_column"
    message = str(info.value)
    assert repr(Q) in message and f"--multi-select '{Q}={sep}'" in message
    assert "multi_select=" in message and "--not-free-text" in message
    assert "6 of them hold words written in" in message
    assert not any(name in message for name in FRIENDS)  # never the answers
    # declared, one no/yes answer per option and the write-ins left out
    declared = survey_from_frame(wide, multi_select={Q: sep}, **KW)  # type: ignore[arg-type]
    answers = declared.respondents
    assert f"{Q}: Sport" in answers.columns and Q not in answers.columns
    assert not answers.astype(str).apply(lambda c: c.str.contains("fishing")).any().any()
    # vouched for, kept as it is (the user's call)
    vouched = survey_from_frame(wide, not_free_text=[Q], **KW)  # type: ignore[arg-type]
    assert vouched.respondents[Q].astype(str).str.contains("fishing").sum() == 6


def test_link_and_validate_refuse_it_in_a_respondents_file(tmp_path):
    """The respondents file of an older convert (or one made by hand) is refused by the
    commands that read it, until the question is declared."""
    wide = _export("msforms").rename(columns={"ID": "respondent_id"})
    ids = wide["respondent_id"].tolist()
    comments = pd.DataFrame({"comment_id": [f"{r}-better" for r in ids], "respondent_id": ids,
                             "question_id": "better",
                             "text": wide["What would make your life better?"]})
    codes = pd.DataFrame({"comment_id": comments["comment_id"], "theme": "money",
                          "assigned": [i % 3 == 0 for i in range(N)]})
    files = [tmp_path / "comments.csv", tmp_path / "codes.csv", tmp_path / "respondents.csv"]
    comments.to_csv(files[0], index=False)
    codes.to_csv(files[1], index=False)
    wide.drop(columns=["What would make your life better?"]).to_csv(files[2], index=False)
    paths = [str(p) for p in files]
    result = runner.invoke(app, ["validate", paths[0], paths[2]])
    assert result.exit_code == 2 and "free_text_column" in result.output
    out = tmp_path / "assoc.csv"
    result = runner.invoke(app, ["link", *paths, "-o", str(out)])
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    assert "--multi-select" in flat and "--not-free-text" in flat
    assert "fishing" not in result.output and not out.exists()
    result = runner.invoke(app, ["link", *paths, "-o", str(out), "--multi-select", f"{Q}=;"])
    assert result.exit_code == 0, result.output
    assert "fishing" not in out.read_text("utf-8")


def test_convert_refuses_the_audits_export(tmp_path):
    export = tmp_path / "forms.csv"
    _export("msforms").to_csv(export, index=False)
    args = ["convert", str(export), "--id-column", "ID",
            "--text-column", "What would make your life better?=better"]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "long")])
    assert result.exit_code == 2 and "free_text_column" in result.output
    assert not (tmp_path / "long" / "respondents.csv").exists()
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "long2"),
                                 "--multi-select", f"{Q}=;"])
    assert result.exit_code == 0, result.output
    assert "fishing" not in (tmp_path / "long2" / "respondents.csv").read_text("utf-8")


def test_text_written_after_other_in_a_cell_is_a_write_in():
    cells = ["Sport;Music", "Music;Gaming", "Sport", "Gaming;Sport", "Music"] * 4
    assert undeclared_write_ins(pd.Series(cells)) is None
    assert undeclared_write_ins(pd.Series([*cells, "Sport;Other: boxing"])) == (";", 1)


# ---------------------------------------------------------------- still closed
@pytest.mark.parametrize("layout", ["msforms", "googleforms"])
def test_a_joined_question_of_options_only_still_passes(layout):
    wide = _export(layout, write_ins=False)
    assert free_text_columns(wide, [Q]) == {}
    corpus = survey_from_frame(wide, **KW)  # type: ignore[arg-type]
    assert len(corpus.respondents[Q].cat.categories) == 5  # a level per combination


def test_options_ticked_by_few_still_pass_when_they_read_as_labels():
    """An option ticked by one or two ("Drama", "Art club") is a label, not one's own words."""
    rng = random.Random(5)
    options = ["Sport", "Music", "Gaming", "Youth club", "Drama", "Art club"]
    cells = []
    for i in range(60):
        picked = [o for o in options[:4] if rng.random() < 0.5] or ["Sport"]
        picked += {7: ["Drama"], 21: ["Art club"], 40: ["Art club"]}.get(i, [])
        cells.append(", ".join(picked))
    assert undeclared_write_ins(pd.Series(cells)) is None


ONS_ETHNIC = [
    "White - English, Welsh, Scottish, Northern Irish or British", "White - Irish",
    "White - Gypsy or Irish Traveller", "Any other White background, please describe",
    "Mixed - White and Black Caribbean", "Mixed - White and Asian",
    "Any other Mixed or Multiple background, please describe", "Asian or Asian British - Indian",
    "Asian or Asian British - Pakistani", "Any other Asian background, please describe",
    "Black, Black British, Caribbean or African - Caribbean",
    "Black, Black British, Caribbean or African - African",
    "Any other Black, Black British, or Caribbean background, please describe",
    "Other ethnic group - Arab", "Any other ethnic group, please describe"]
SINGLE = {
    "What is your ethnic group?": ONS_ETHNIC,
    "Do you get pocket money?": ["Yes, every week", "Yes, sometimes", "No, never",
                                 "No, I save it for college", "Not sure"],
    "Who do you live with?": ["Foster carers", "Foster carers, and their children",
                              "Residential staff", "My nan, grandad", "My aunt, uncle",
                              "On my own", "Friends, in a shared flat"],
}


@pytest.mark.parametrize("n", [15, 40, 120])
def test_single_choice_questions_with_many_levels_and_commas_still_pass(n):
    rng = random.Random(n)
    wide = pd.DataFrame({"respondent_id": [f"r{i}" for i in range(n)],
                         **{q: [levels[i % len(levels)] if i < len(levels) * 2
                                else rng.choice(levels[:3]) for i in range(n)]
                            for q, levels in SINGLE.items()}})
    assert free_text_columns(wide, list(SINGLE)) == {}
    assert list(closed_answers(wide).columns) == list(wide.columns)
