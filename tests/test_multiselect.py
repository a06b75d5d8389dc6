"""Tick-all-that-apply questions: each survey platform's layout read as one no/yes answer per
option, write-ins never an option, and the questions carried through convert, link, report,
compare-waves and export-qdpx. The answers are fictional."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

import carevoice as cv
from carevoice._options import multi_select_argument
from carevoice.cli import app
from carevoice.corpus import read_corpus, read_respondents, survey_from_frame, write_corpus
from carevoice.errors import InputError

runner = CliRunner()

Q = "What do you do in your free time?"
OPTIONS = ["Sport", "Music", "Youth club", "Gaming"]
# Each respondent's options ticked, and what they wrote in for "Other". r04 answered nothing
# of the question; r10 only wrote in. "fishing with Tariq" is written in by two respondents:
# a write-in repeated must not become an option (it holds a name).
TICKED = {
    "r01": (["Sport", "Music"], None),
    "r02": (["Music"], None),
    "r03": (["Sport", "Youth club", "Gaming"], None),
    "r04": ([], None),
    "r05": (["Gaming"], None),
    "r06": (["Sport", "Gaming"], "fishing with Tariq"),
    "r07": (["Youth club"], None),
    "r08": (["Music", "Gaming"], None),
    "r09": (["Sport"], "fishing with Tariq"),
    "r10": ([], "baking with Nan Rose"),
    "r11": (["Youth club", "Gaming"], None),
    "r12": (["Sport", "Music", "Youth club"], None),
}
WRITTEN = ("Tariq", "Nan Rose", "fishing", "baking")
AGES = ["8-10", "11-13"] * 6
BETTER = ["more trips", "seeing my brother", None, "a bike", "more money", "less moving",
          "my own room", None, "clubs", "a phone", "more time", "school help"]


def _qualtrics(acts: list[str], other: str | None) -> str | None:
    ticked = acts + (["Other (please specify)"] if other else [])
    return ",".join(ticked) or None


def _msforms(acts: list[str], other: str | None) -> str | None:
    if not acts and not other:
        return None
    return "".join(f"{a};" for a in acts) + (f"{other};" if other else "")


def _googleforms(acts: list[str], other: str | None) -> str | None:
    return ", ".join(acts + ([other] if other else [])) or None


JOINED = {"qualtrics": _qualtrics, "msforms": _msforms, "googleforms": _googleforms}


def _wide(layout: str) -> pd.DataFrame:
    """A small export in a platform's layout: id, age, the question, a free-text column."""
    ids = list(TICKED)
    frame = pd.DataFrame({"ID": ids, "How old are you?": AGES})
    if layout in JOINED:
        frame[Q] = [JOINED[layout](*TICKED[r]) for r in ids]
        if layout == "qualtrics":  # Qualtrics puts the write-in in a column of its own
            frame["Q4_5_TEXT"] = [TICKED[r][1] for r in ids]
    else:  # SurveyMonkey: one column per option, the option when ticked; "Other" last
        headers = [f"{Q} (tick all that apply)", "Unnamed: 5", "Unnamed: 6", "Unnamed: 7"]
        for header, option in zip(headers, OPTIONS, strict=True):
            frame[header] = [option if option in TICKED[r][0] else None for r in ids]
        frame["Unnamed: 8"] = [TICKED[r][1] for r in ids]
    frame["What would make your life better?"] = BETTER
    return frame


SM_COLUMNS = [f"{Q} (tick all that apply)", "Unnamed: 5", "Unnamed: 6", "Unnamed: 7",
              "Unnamed: 8"]


def _survey(layout: str, **kwargs: object) -> cv.Corpus:
    multi = {"Free time": SM_COLUMNS} if layout == "surveymonkey" else [Q]
    return survey_from_frame(_wide(layout), id_column="ID",
                             text_columns={"What would make your life better?": "better"},
                             drop_columns=["Q4_5_TEXT"] if layout == "qualtrics" else [],
                             multi_select=multi, **kwargs)  # type: ignore[arg-type]


def _expected(option: str, rid: str) -> str | None:
    acts, other = TICKED[rid]
    if not acts and not other:
        return None
    return "yes" if option in acts else "no"


# ---------------------------------------------------------------- each layout
@pytest.mark.parametrize("layout", ["qualtrics", "msforms", "googleforms", "surveymonkey"])
def test_each_layout_gives_one_no_yes_answer_per_option(layout, caplog):
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        answers = _survey(layout).respondents.set_index("respondent_id")
    name = "Free time" if layout == "surveymonkey" else Q
    columns = [c for c in answers.columns if c.startswith(name)]
    # Most ticked first (Sport and Gaming by five, Music and Youth club by four), or in the
    # order of the option columns.
    options = OPTIONS if layout == "surveymonkey" else ["Sport", "Gaming", "Music", "Youth club"]
    extra = {"qualtrics": ["Other (please specify)"],
             "surveymonkey": ["Other (written in)"]}.get(layout, [])
    assert columns == [f"{name}: {o}" for o in options + extra]
    for option in OPTIONS:
        column = answers[f"{name}: {option}"]
        assert column.dtype == pd.CategoricalDtype(["no", "yes"], ordered=True)
        got = [None if pd.isna(v) else v for v in column]
        assert got == [_expected(option, r) for r in TICKED], option
    # Nothing ticked of the question: no answer; only a write-in: every option "no" (but
    # "Other" where the platform has a column or an option for it).
    assert answers.loc["r04", columns].isna().all()
    assert (answers.loc["r10", [f"{name}: {o}" for o in OPTIONS]] == "no").all()
    if extra:
        assert answers.loc["r10", f"{name}: {extra[0]}"] == "yes"
        assert answers.loc["r06", f"{name}: {extra[0]}"] == "yes"
    # No combination of options, and no write-in, is a level or a column anywhere.
    shown = " ".join(map(str, answers.columns)) + " ".join(
        str(v) for c in columns for v in answers[c].cat.categories)
    assert not any(w in shown for w in WRITTEN)
    assert "," not in "".join(answers[columns[0]].cat.categories)
    if layout != "qualtrics":  # write-ins left out, with a warning naming the column only
        assert "tick-all-that-apply" in caplog.text and repr(name) in caplog.text
        assert not any(w in caplog.text for w in WRITTEN)


def test_joined_answers_read_as_before_without_the_argument():
    """Without multi_select a joined column is refused as free text (the error now says how
    to declare it) or, vouched for, one closed answer with a combination per level."""
    wide = _wide("qualtrics")
    kwargs = {"id_column": "ID", "drop_columns": ["Q4_5_TEXT"],
              "text_columns": {"What would make your life better?": "better"}}
    with pytest.raises(cv.ValidationError, match="multi_select"):
        survey_from_frame(wide, **kwargs)  # type: ignore[arg-type]
    corpus = survey_from_frame(wide, not_free_text=[Q], **kwargs)  # type: ignore[arg-type]
    assert "Sport,Music" in list(corpus.respondents[Q].cat.categories)


def test_write_ins_are_the_comments_of_the_column_when_it_is_a_text_column_too(caplog):
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        corpus = survey_from_frame(_wide("msforms"), id_column="ID",
                                   text_columns={"What would make your life better?": "better",
                                                 Q: "free_time_other"},
                                   multi_select={Q: ";"})
    other = corpus.comments[corpus.comments["question_id"] == "free_time_other"]
    texts = dict(zip(other["respondent_id"], other["text"], strict=True))
    assert texts["r06"] == "fishing with Tariq" and texts["r10"] == "baking with Nan Rose"
    assert pd.isna(texts["r01"]) and pd.isna(texts["r04"])  # options are not comments
    assert "kept as the comments" in caplog.text
    assert f"{Q}: Sport" in corpus.respondents.columns


def test_given_options_decide_the_options_and_their_order():
    corpus = _survey("googleforms", levels={Q: ["Music", "Sport", "Youth club", "Gaming"]})
    columns = [c for c in corpus.respondents.columns if c.startswith(Q)]
    assert columns == [f"{Q}: {o}" for o in ["Music", "Sport", "Youth club", "Gaming"]]


def test_a_write_in_after_other_in_the_cell_is_left_out():
    wide = pd.DataFrame({"ID": ["1", "2", "3", "4"], "age": ["8-10"] * 4,
                         "Q4": ["Sport;Other: fishing with Tariq", "Sport", "Other: drawing",
                                "Music;Sport;Other - boxing at the club"],
                         "better": ["a", "b", "c", "d"]})
    answers = survey_from_frame(wide, id_column="ID", text_columns=["better"],
                                multi_select={"Q4": ";"}).respondents
    assert [c for c in answers.columns if c.startswith("Q4")] == ["Q4: Sport", "Q4: Other"]
    assert answers["Q4: Other"].tolist() == ["yes", "no", "yes", "yes"]


def test_a_column_named_twice_or_missing_is_an_error():
    with pytest.raises(InputError, match="two questions"):
        survey_from_frame(_wide("surveymonkey"), id_column="ID",
                          text_columns=["What would make your life better?"],
                          multi_select={"A": SM_COLUMNS[:2], "B": SM_COLUMNS[1:]})
    with pytest.raises(cv.ValidationError, match="no columns"):
        survey_from_frame(_wide("msforms"), id_column="ID", text_columns=["ID"],
                          multi_select=["Free time?"])
    with pytest.raises(InputError, match="single string"):
        survey_from_frame(_wide("msforms"), id_column="ID",
                          text_columns=["What would make your life better?"],
                          multi_select=Q)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the side file and readers
def test_the_side_file_records_the_question_and_later_reads_agree(tmp_path):
    corpus = _survey("msforms")
    paths = write_corpus(corpus, tmp_path)
    schema = json.loads(paths["respondents"].with_name("respondents.schema.json").read_text())
    assert schema[f"{Q}: Gaming"] == {"type": "ordered", "levels": ["no", "yes"],
                                      "multi_select": {"question": Q, "option": "Gaming"}}
    for multi in (None, [Q]):  # declaring it again reads it as written
        again = read_corpus(paths["comments"], paths["respondents"], multi_select=multi)
        pd.testing.assert_frame_equal(again.respondents, corpus.respondents)
        assert again.respondents.attrs["multi_select"][f"{Q}: Sport"] == {
            "question": Q, "option": "Sport"}


def test_read_respondents_splits_a_joined_column(tmp_path):
    path = tmp_path / "respondents.csv"
    wide = _wide("qualtrics").rename(columns={"ID": "respondent_id"})
    wide.drop(columns=["Q4_5_TEXT", "What would make your life better?"]).to_csv(path,
                                                                                 index=False)
    answers = read_respondents(path, multi_select={Q: ","})
    assert f"{Q}: Other (please specify)" in answers.columns and Q not in answers.columns
    with pytest.raises(InputError, match="lacks"):
        read_respondents(path, multi_select=["Free time"])


# ---------------------------------------------------------------- the command line
def _long_files(tmp_path, layout: str = "msforms") -> list[str]:
    """comments, codes (red_tape raised by those who tick Sport) and raw respondents."""
    wide = _wide(layout).rename(columns={"ID": "respondent_id"})
    ids = list(TICKED)
    comments = pd.DataFrame({"comment_id": [f"{r}-better" for r in ids], "respondent_id": ids,
                             "question_id": "better", "text": ["a comment"] * len(ids)})
    codes = pd.DataFrame({"comment_id": [f"{r}-better" for r in ids],
                          "theme": "red_tape",
                          "assigned": ["Sport" in TICKED[r][0] for r in ids]})
    paths = [tmp_path / "comments.csv", tmp_path / "codes.csv", tmp_path / "respondents.csv"]
    comments.to_csv(paths[0], index=False)
    codes.to_csv(paths[1], index=False)
    wide.drop(columns=["What would make your life better?"]).to_csv(paths[2], index=False)
    return [str(p) for p in paths]


def test_convert_then_link_tests_each_option_ticked_or_not(tmp_path):
    export = tmp_path / "export.csv"
    _wide("msforms").to_csv(export, index=False)
    result = runner.invoke(app, ["convert", str(export), "--id-column", "ID",
                                 "--text-column", "What would make your life better?=better",
                                 "--multi-select", f"{Q}=;", "-o", str(tmp_path / "long")])
    assert result.exit_code == 0, result.output
    long = tmp_path / "long"
    respondents = pd.read_csv(long / "respondents.csv", dtype=str)
    assert f"{Q}: Youth club" in respondents.columns
    assert not any(w in (long / "respondents.csv").read_text() for w in WRITTEN)
    codes = pd.DataFrame({"comment_id": [f"{r}-better" for r in TICKED], "theme": "red_tape",
                          "assigned": ["Sport" in TICKED[r][0] for r in TICKED]})
    codes.to_csv(tmp_path / "codes.csv", index=False)
    out = tmp_path / "assoc.csv"
    result = runner.invoke(app, ["link", str(long / "comments.csv"), str(tmp_path / "codes.csv"),
                                 str(long / "respondents.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assoc = pd.read_csv(out, dtype={"level": str})
    assoc = assoc[assoc["theme"] == "red_tape"]
    sport = assoc[assoc["variable"] == f"{Q}: Sport"].set_index("level")
    assert list(sport.index) == ["no", "yes"]
    assert sport.at["yes", "share_level"] == 1.0 and sport.at["no", "share_level"] == 0.0
    assert set(assoc["variable"]) == {"How old are you?",
                                      *(f"{Q}: {o}" for o in OPTIONS)}


def test_link_report_waves_and_export_read_a_joined_column_with_the_option(tmp_path):
    from carevoice.qda import read_qdpx

    files = _long_files(tmp_path)
    option = ["--multi-select", Q]
    result = runner.invoke(app, ["link", *files, "-o", str(tmp_path / "a.csv"),
                                 "--prevalence", str(tmp_path / "p.csv"), *option])
    assert result.exit_code == 0, result.output
    prevalence = pd.read_csv(tmp_path / "p.csv", dtype={"level": str})
    assert {f"{Q}: Gaming", f"{Q}: Sport"} <= set(prevalence["variable"])
    assert not prevalence["level"].astype(str).str.contains(";").any()
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", *files, "-o", str(out), "--format", "md",
                                 "--embedder", "hashing", "--pseudonymised",
                                 "--attribute", "How old are you?",
                                 "--subgroup", f"{Q}: Sport", *option])
    assert result.exit_code == 0, result.output
    # named so that Windows can write it (no ':' or '?')
    by_option = pd.read_csv(out / "tables" / "by_What do you do in your free time__ Sport.csv")
    assert list(by_option.columns) == ["Theme", "no", "yes"]
    assert "Sport" in (out / "report.md").read_text("utf-8")
    tables = " ".join(p.read_text("utf-8") for p in (out / "tables").glob("*.csv"))
    assert not any(f"{o};" in tables for o in OPTIONS)  # no combination of options
    manifest = json.loads(next(out.glob("*manifest*.json")).read_text("utf-8"))
    assert manifest["settings"]["reading"]["multi_select"] == {Q: None}
    result = runner.invoke(app, ["compare-waves", "w1", *files, "w2", *files,
                                 "--by", f"{Q}: Sport", "-o", str(tmp_path / "waves.csv"),
                                 *option])
    assert result.exit_code == 0, result.output
    waves = pd.read_csv(tmp_path / "waves.csv", dtype=str)
    assert f"{Q}: Sport" in set(waves.stack())
    qdpx = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", *files, "-o", str(qdpx),
                                 "--already-pseudonymised", *option])
    assert result.exit_code == 0, result.output
    cases = read_qdpx(qdpx).respondents
    assert cases[f"{Q}: Music"].astype(str).tolist()[:2] == ["yes", "yes"]


def test_surveymonkey_option_columns_on_the_command_line(tmp_path):
    files = _long_files(tmp_path, "surveymonkey")
    columns = ",".join(SM_COLUMNS[:4])
    result = runner.invoke(app, ["validate", files[0], files[2], "--drop-column", "Unnamed: 8",
                                 "--multi-select-columns", f"Free time={columns}"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["link", *files, "-o", str(tmp_path / "a.csv"),
                                 "--drop-column", "Unnamed: 8",
                                 "--multi-select-columns", f"Free time={columns}"])
    assert result.exit_code == 0, result.output
    assoc = pd.read_csv(tmp_path / "a.csv", dtype={"level": str})
    assert {f"Free time: {o}" for o in OPTIONS} <= set(assoc["variable"])


def test_convert_takes_the_options_from_levels(tmp_path):
    """--levels gives a joined question its options, in order: an option only ever last in
    its cell (Gaming, here never followed by a write-in) is kept, and a repeated write-in is
    still left out."""
    wide = _wide("msforms")
    wide[Q] = wide[Q].str.replace("Gaming;fishing", "fishing", regex=False)
    export = tmp_path / "export.csv"
    wide.to_csv(export, index=False)
    args = ["convert", str(export), "--id-column", "ID",
            "--text-column", "What would make your life better?=better", "--multi-select", Q]
    for extra, options in (([], ["Sport", "Music", "Youth club"]),
                           (["--levels", f"{Q}=Youth club,Sport,Gaming,Music"],
                            ["Youth club", "Sport", "Gaming", "Music"])):
        out = tmp_path / f"long{len(extra)}"
        result = runner.invoke(app, [*args, *extra, "-o", str(out)])
        assert result.exit_code == 0, result.output
        columns = pd.read_csv(out / "respondents.csv", nrows=0).columns
        assert [c for c in columns if c.startswith(Q)] == [f"{Q}: {o}" for o in options]


def test_surveymonkey_export_with_both_header_rows_is_declared_by_its_question(tmp_path):
    """Read with its second header row, SurveyMonkey's option columns are named 'Question -
    Option': --multi-select QUESTION finds them, and names each option by its header (the
    platform's label), so an option ticked once is named too and the write-ins of 'Other
    (please specify)' stay out."""
    question = f"{Q} (tick all that apply)"
    header = ["Respondent ID", "How old are you?", question, "", "", "", "",
              "What would make your life better?"]
    second = ["", "Response", *OPTIONS, "Other (please specify)", "Open-Ended Response"]
    rows = [[r, age, *(o if o in TICKED[r][0] else "" for o in OPTIONS), TICKED[r][1] or "",
             better or ""] for (r, age, better) in zip(TICKED, AGES, BETTER, strict=True)]
    export = tmp_path / "surveymonkey.csv"
    pd.DataFrame([second, *rows], columns=header).to_csv(export, index=False)
    result = runner.invoke(app, ["convert", str(export), "--id-column", "Respondent ID",
                                 "--text-column", "What would make your life better?=better",
                                 "--multi-select", question, "-o", str(tmp_path / "long")])
    assert result.exit_code == 0, result.output
    answers = pd.read_csv(tmp_path / "long" / "respondents.csv", dtype=str).set_index(
        "respondent_id")
    columns = [c for c in answers.columns if c.startswith(question)]
    assert columns == [f"{question}: {o}" for o in [*OPTIONS, "Other (please specify)"]]
    assert answers.loc["r10", f"{question}: Other (please specify)"] == "yes"
    assert answers.loc["r10", f"{question}: Sport"] == "no"
    assert answers.loc["r04"].filter(like=question).isna().all()
    assert not any(w in (tmp_path / "long" / "respondents.csv").read_text() for w in WRITTEN)


def test_option_parsing():
    assert multi_select_argument([f"{Q}=;", "Q4=,", "A=B"], ['F="x, y",z']) == {
        Q: ";", "Q4": ",", "A=B": None, "F": ["x, y", "z"]}
    with pytest.raises(InputError, match="--multi-select-columns"):
        multi_select_argument(None, ["no columns"])
    with pytest.raises(InputError, match="twice"):
        multi_select_argument(["Q4", "Q4=;"], None)


# ---------------------------------------------------------------- single-level columns
def test_a_column_skipped_for_one_level_is_named_in_a_warning(tmp_path, caplog):
    """SurveyMonkey's option columns read without the declaration: each has one answer, so
    none can be tested; that used to happen without a word."""
    files = _long_files(tmp_path, "surveymonkey")
    with caplog.at_level("WARNING", logger="carevoice.link"):
        # vouched for: else refused as option columns without a header (below)
        result = runner.invoke(app, ["link", *files, "-o", str(tmp_path / "a.csv"),
                                     "--drop-column", "Unnamed: 8",
                                     *(w for c in SM_COLUMNS[1:4]
                                       for w in ("--not-free-text", c))])
    assert result.exit_code == 0, result.output
    assert "'Unnamed: 5' is not tested" in caplog.text
    assert "multi-select-columns" in caplog.text
    assert "Unnamed: 5" not in set(pd.read_csv(tmp_path / "a.csv")["variable"])


def _headerless_respondents(tmp_path) -> tuple[list[str], str]:
    """A hand-made respondents file from a SurveyMonkey export whose second header row (the
    options) was deleted: the option columns after the question have blank headers."""
    files = _long_files(tmp_path, "surveymonkey")
    wide = pd.read_csv(files[2], dtype=str)
    header = [c if not c.startswith("Unnamed: ") else "" for c in wide.columns]
    wide.to_csv(files[2], index=False, header=header)
    assert pd.read_csv(files[2], nrows=0).columns[3:].str.startswith("Unnamed").all()
    return files, SM_COLUMNS[0]


@pytest.mark.parametrize("command", ["validate", "link", "report", "compare-waves"])
def test_commands_refuse_option_columns_without_a_header(tmp_path, command):
    """As convert (read_survey) refuses them: validate, link, report and compare-waves read
    SurveyMonkey's option columns without a header ('Unnamed: 3' ...) as questions of one
    answer each, never tested, and an 'Other (please specify)' column without the header
    that marks it as free text. The error names the file, the columns and the question they
    follow, and the options that declare or leave them out; never an answer."""
    files, question = _headerless_respondents(tmp_path)
    comments, codes, respondents = files
    args = {"validate": [comments, respondents],
            "link": [comments, codes, respondents, "-o", str(tmp_path / "a.csv")],
            "report": [comments, codes, respondents, "-o", str(tmp_path / "report"),
                       "--format", "md", "--embedder", "hashing", "--already-pseudonymised"],
            "compare-waves": ["w1", *files, "w2", *files, "-o", str(tmp_path / "w.csv")]
            }[command]
    result = runner.invoke(app, [command, *args])
    said = " ".join(result.output.split())
    assert result.exit_code == 2, said
    assert "respondents.csv" in said and "unnamed_columns" in said
    unnamed = ["Unnamed: 3", "Unnamed: 4", "Unnamed: 5", "Unnamed: 6"]
    assert f"{', '.join(repr(c) for c in unnamed)} after {question!r}" in said
    assert f"--multi-select-columns '{question}={question},{','.join(unnamed)}'" in said
    assert "--drop-column COLUMN" in said
    assert not any(w in said for w in WRITTEN) and "Sport" not in said
    assert not any((tmp_path / n).exists() for n in ("a.csv", "report", "w.csv"))


def test_declared_or_left_out_option_columns_without_a_header_pass(tmp_path):
    files, question = _headerless_respondents(tmp_path)
    declared = ["--multi-select-columns",
                f"Free time={question},Unnamed: 3,Unnamed: 4,Unnamed: 5",
                "--drop-column", "Unnamed: 6"]
    result = runner.invoke(app, ["validate", files[0], files[2], *declared])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["link", *files, "-o", str(tmp_path / "a.csv"), *declared])
    assert result.exit_code == 0, result.output
    assoc = pd.read_csv(tmp_path / "a.csv", dtype={"level": str})
    assert {f"Free time: {o}" for o in OPTIONS} <= set(assoc["variable"])
    dropped = ["--drop-column", question,
               *(w for c in ("Unnamed: 3", "Unnamed: 4", "Unnamed: 5", "Unnamed: 6")
                 for w in ("--drop-column", c))]
    result = runner.invoke(app, ["validate", files[0], files[2], *dropped])
    assert result.exit_code == 0, result.output


def test_python_link_and_a_batch_run_refuse_them_in_their_own_words(tmp_path):
    """link() on a frame, and a batch run's [input] respondents, name the arguments and
    settings their users write."""
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks
    from carevoice.batch.runner import _read_respondents, _source
    from carevoice.errors import ValidationError
    from carevoice.link import link

    files, question = _headerless_respondents(tmp_path)
    comments = pd.read_csv(files[0], dtype=str)
    codes = pd.read_csv(files[1])
    with pytest.raises(ValidationError) as caught:
        link(comments, codes, read_respondents(files[2]))
    said = " ".join(str(caught.value).split())
    assert "'Unnamed: 3', 'Unnamed: 4', 'Unnamed: 5', 'Unnamed: 6' after" in said
    assert "read_respondents(..., multi_select={" in said
    assert "respondents.drop(columns=[...])" in said
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\n[input]\ncomments = "{files[0]}"\n'
                    f'respondents = "{files[2]}"\n', "utf-8")
    cfg = load_config(toml)
    source = _source(cfg)
    with pytest.raises(ValidationError) as caught:
        _read_respondents(cfg, source, plan_chunks(source, 100))
    said = " ".join(str(caught.value).split())
    assert "[input] respondents" in said and "[input] drop_columns" in said
    assert f'[input.multi_select] "{question}" = ["{question}", "Unnamed: 3"' in said


# ---------------------------------------------------------------- batch runs
@pytest.mark.parametrize("kind", ["respondents", "survey"])
@pytest.mark.parametrize("setting", [f'multi_select = ["{Q}"]\n',
                                     f'[input.multi_select]\n"{Q}" = ";"\n'])
def test_batch_multi_select_setting_splits_the_runs_answers(tmp_path, kind, setting):
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks
    from carevoice.batch.runner import _read_respondents, _source

    wide = _wide("msforms").rename(columns={"What would make your life better?": "Better"})
    wide.to_csv(tmp_path / "export.csv", index=False)
    wide.rename(columns={"ID": "respondent_id"}).drop(columns=["Better"]).to_csv(
        tmp_path / "respondents.csv", index=False)
    (tmp_path / "comments.csv").write_text("comment_id,respondent_id,text\nc1,r01,hi\n",
                                           "utf-8")
    source = ('survey = "export.csv"\nid_column = "ID"\n' if kind == "survey"
              else 'comments = "comments.csv"\nrespondents = "respondents.csv"\n')
    texts = '[input.text_columns]\n"Better" = "better"\n' if kind == "survey" else ""
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text(f'[run]\noutput = "run"\nchunk_size = 5\n[input]\n{source}{setting}'
                    f'{texts}', "utf-8")
    cfg = load_config(toml)
    answers = _read_respondents(cfg, _source(cfg), plan_chunks(_source(cfg), 5))
    assert [c for c in answers.columns if c.startswith(Q)] == [
        f"{Q}: {o}" for o in ["Sport", "Gaming", "Music", "Youth club"]]
    assert answers.attrs["multi_select"][f"{Q}: Music"] == {"question": Q, "option": "Music"}


def test_batch_multi_select_of_a_text_column_is_refused(tmp_path):
    from carevoice.batch import config_from_dict

    with pytest.raises(cv.ValidationError, match="multi_select names text columns"):
        config_from_dict({"run": {"output": "run"},
                          "input": {"survey": "export.csv", "id_column": "ID",
                                    "text_columns": {Q: "free_time"}, "multi_select": [Q]}},
                         check_files=False)
