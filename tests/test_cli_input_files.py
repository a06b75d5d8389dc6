"""Bad input files on the command line: outputs that are inputs, collisions, broken rows.

Fictional data only.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from carevoice.cli import app

COMMENTS = ("comment_id,respondent_id,question_id,text\n"
            "c1,r1,q1,I never see my mum\nc2,r2,q1,My social worker keeps changing\n")
CODES_A = ("comment_id,theme,score,assigned\n"
           "c1,family_contact,0.9,true\nc2,staff_turnover,0.8,true\n")
CODES_B = ("comment_id,theme,score,assigned\n"
           "c1,family_contact,0.9,true\nc2,staff_turnover,0.8,false\n")


def _run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def _said(result) -> str:
    """What the command printed, on one line (long messages are wrapped)."""
    return " ".join(result.output.split())


@pytest.fixture
def files(tmp_path):
    (tmp_path / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    (tmp_path / "a.csv").write_text(CODES_A, encoding="utf-8")
    (tmp_path / "b.csv").write_text(CODES_B, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("args", "victim", "named"), [
    (["code", "{d}/comments.csv", "-o", "{d}/comments.csv", "--no-progress"],
     "comments.csv", "COMMENTS"),
    (["code", "{d}/comments.csv", "-o", "{d}/a.csv", "--examples", "{d}/a.csv"],
     "a.csv", "--examples"),
    (["discover", "{d}/comments.csv", "-o", "{d}/comments.csv", "--embedder", "hashing"],
     "comments.csv", "COMMENTS"),
    (["discover", "{d}/comments.csv", "-o", "{d}/t.csv", "--topics-info", "{d}/a.csv",
      "--codes", "{d}/a.csv", "--embedder", "hashing"], "a.csv", "--codes"),
    (["agreement", "{d}/a.csv", "{d}/b.csv", "-o", "{d}/a.csv"], "a.csv", "CODES_A"),
    (["agreement", "{d}/a.csv", "{d}/b.csv", "-o", "{d}/comments.csv", "--comments",
      "{d}/comments.csv"], "comments.csv", "--comments"),
])
def test_commands_never_write_over_their_input(files, args, victim, named):
    before = (files / victim).read_bytes()
    result = _run(*(a.format(d=files) for a in args))
    assert result.exit_code == 2, result.output
    assert f"is the {named} file; carevoice never writes over its input" in _said(result)
    assert (files / victim).read_bytes() == before


@pytest.fixture
def project(files):
    path = files / "p.qdpx"
    result = _run("export-qdpx", files / "comments.csv", files / "a.csv", "-o", path)
    assert result.exit_code == 0, result.output
    return path


def test_import_qdpx_refuses_output_and_comments_in_one_file(files, project):
    result = _run("import-qdpx", project, "-o", files / "same.csv", "--comments",
                  files / "same.csv")
    assert result.exit_code == 2, result.output
    assert "--output and --comments are the same file" in _said(result)
    assert not (files / "same.csv").exists()


def test_discover_refuses_output_and_topics_info_in_one_file(files):
    result = _run("discover", files / "comments.csv", "-o", files / "t.csv", "--topics-info",
                  files / "t.csv", "--embedder", "hashing")
    assert result.exit_code == 2, result.output
    assert "--output and --topics-info are the same file" in _said(result)
    assert not (files / "t.csv").exists()


def test_import_qdpx_keeps_an_existing_comments_file_unless_told(files, project):
    mine = files / "mine.csv"
    mine.write_text(COMMENTS.replace("mum", "nan"), encoding="utf-8")
    result = _run("import-qdpx", project, "-o", files / "back.csv", "--comments", mine)
    assert result.exit_code == 2, result.output
    assert "--comments file" in _said(result) and "--overwrite" in _said(result)
    assert mine.read_text(encoding="utf-8") == COMMENTS.replace("mum", "nan")
    assert not (files / "back.csv").exists()
    result = _run("import-qdpx", project, "-o", files / "back.csv", "--comments", mine,
                  "--overwrite")
    assert result.exit_code == 0, result.output
    assert "mum" in mine.read_text(encoding="utf-8")


def test_convert_never_writes_over_its_survey(tmp_path):
    survey = tmp_path / "comments.csv"
    survey.write_text("ID,placement,Q1\n001,foster,I never see my mum\n", encoding="utf-8")
    before = survey.read_bytes()
    result = _run("convert", survey, "--id-column", "ID", "--text-column", "Q1", "-o", tmp_path)
    assert result.exit_code == 2, result.output
    assert "is the SURVEY file; carevoice never writes over its input" in _said(result)
    assert survey.read_bytes() == before


def test_convert_xlsx_refuses_a_control_character_in_a_closed_answer(tmp_path):
    survey = tmp_path / "wide.csv"
    survey.write_text("ID,placement,Q1\n001,foster,I never see my mum\n"
                      "002,resid\x01ential,social worker changing\n003,foster,ok\n",
                      encoding="utf-8")
    out = tmp_path / "long"
    result = _run("convert", survey, "--id-column", "ID", "--text-column", "Q1", "-o", out,
                  "--format", "xlsx")
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "column 'placement' (respondent_ids 002)" in said
    assert "resid" not in said and "Traceback" not in said
    assert not out.exists() or not list(out.iterdir())  # neither table written


def test_write_table_xlsx_checks_category_columns(tmp_path):
    import pandas as pd

    from carevoice.corpus import write_table
    from carevoice.errors import InputError

    frame = pd.DataFrame({"respondent_id": ["r1", "r2"],
                          "placement": pd.Categorical(["foster", "kin\x02ship"])})
    with pytest.raises(InputError, match=r"column 'placement' \(respondent_ids r2\)"):
        write_table(frame, tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


def test_import_qdpx_writes_no_table_when_one_cannot_be_written(tmp_path):
    (tmp_path / "comments.csv").write_text(COMMENTS.replace("never", "never\x01"),
                                           encoding="utf-8")
    (tmp_path / "a.csv").write_text(CODES_A, encoding="utf-8")
    project = tmp_path / "p.qdpx"
    assert _run("export-qdpx", tmp_path / "comments.csv", tmp_path / "a.csv", "-o",
                project).exit_code == 0
    result = _run("import-qdpx", project, "-o", tmp_path / "back.csv", "--comments",
                  tmp_path / "c.xlsx")
    assert result.exit_code == 2, result.output
    assert "column 'text' (comment_ids c1)" in _said(result)
    assert not (tmp_path / "back.csv").exists()
    assert not (tmp_path / "back.manifest.json").exists()
    assert not (tmp_path / "c.xlsx").exists()


def test_read_codes_refuses_contradictory_rows_naming_the_comment_ids(tmp_path):
    from carevoice.corpus import read_codes
    from carevoice.errors import ValidationError

    path = tmp_path / "dup.csv"
    path.write_text(CODES_A + "c1,family_contact,0.1,FALSE\nc2,staff_turnover,0.8,yes\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError, match="contradictory_codes") as caught:
        read_codes(path)
    assert caught.value.problems[0].ids == ("c1",)  # c2's rows agree


def test_read_codes_keeps_repeated_rows_that_agree_and_other_users(tmp_path):
    from carevoice.corpus import read_codes

    path = tmp_path / "spans.csv"
    path.write_text("comment_id,theme,user,assigned\nc1,family_contact,amina,true\n"
                    "c1,family_contact,amina,true\nc1,family_contact,model,false\n",
                    encoding="utf-8")
    assert len(read_codes(path)) == 3


def test_agreement_refuses_contradictory_codes(files):
    (files / "dup.csv").write_text(CODES_A + "c1,family_contact,0.1,false\n", encoding="utf-8")
    result = _run("agreement", files / "dup.csv", files / "b.csv", "-o", files / "ag.csv")
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "contradictory_codes" in said and "c1" in said and "mum" not in said
    assert not (files / "ag.csv").exists()


def test_a_row_cut_off_at_the_end_of_the_file_is_refused_naming_its_line(tmp_path):
    short = tmp_path / "short.csv"
    short.write_text("comment_id,respondent_id,question_id,text\nc1,r1,q1,I never see my mum\n"
                     "c2,r2", encoding="utf-8")
    result = _run("validate", short)
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "line 3, the last, has 2 fields but the header (line 1) has 4" in said
    assert "cut off" in said


def test_short_rows_excel_writes_are_still_read_as_blank(tmp_path):
    # Excel leaves out the separators of empty trailing cells, but ends every line
    from carevoice.corpus import read_comments

    path = tmp_path / "excel.csv"
    path.write_text("comment_id,respondent_id,question_id,text\nc1,r1,q1,I never see my mum\n"
                    "c2,r2,q1\n", encoding="utf-8")
    assert read_comments(path)["text"].isna().tolist() == [False, True]


def test_an_empty_last_field_is_still_read_as_blank(tmp_path):
    from carevoice.corpus import read_comments

    path = tmp_path / "blank.csv"
    path.write_text("comment_id,respondent_id,question_id,text\nc1,r1,q1,I never see my mum\n"
                    "c3,r3,q1,\n", encoding="utf-8")
    frame = read_comments(path)
    assert frame["text"].isna().tolist() == [False, True]


def test_agreement_names_the_codes_file_with_a_bad_assigned_value(files):
    (files / "bad.csv").write_text(CODES_A.replace("0.8,true", "0.8,maybe"), encoding="utf-8")
    result = _run("agreement", files / "a.csv", files / "bad.csv", "-o", files / "ag.csv")
    assert result.exit_code == 2, result.output
    assert "CODES_B has 'assigned' values that are neither true nor false" in _said(result)


def test_export_qdpx_names_comments_as_typed(files):
    (files / "unk.csv").write_text(CODES_A.replace("c2,", "c9,"), encoding="utf-8")
    result = _run("export-qdpx", files / "comments.csv", files / "unk.csv", "-o",
                  files / "p.qdpx")
    assert result.exit_code == 2, result.output
    assert "codes name comments that are not in COMMENTS" in _said(result)


def test_a_workbook_named_csv_is_recognised(tmp_path):
    import pandas as pd

    book = tmp_path / "book.csv"
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        pd.DataFrame({"comment_id": ["c1"], "text": ["x"]}).to_excel(writer, index=False)
    result = _run("validate", book)
    assert result.exit_code == 2, result.output
    assert "most likely an Excel workbook. Name it .xlsx" in _said(result)


def test_an_empty_codes_file_is_not_told_to_add_comment_columns(files):
    (files / "empty.csv").write_bytes(b"")
    result = _run("agreement", files / "a.csv", files / "empty.csv", "-o", files / "ag.csv")
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "is empty: it has no header row" in said and "comment_id, text" not in said


# ---------------------------------------------------------------- a comments file with no rows
HEADER_ONLY = "comment_id,respondent_id,question_id,text\n"
RESPONDENTS = "respondent_id,placement\nr1,foster\nr2,residential\n"
NO_ROWS = "COMMENTS (none.csv) has a header but no comment rows, so there is nothing to analyse"


@pytest.fixture
def no_rows(files):
    (files / "none.csv").write_text(HEADER_ONLY, encoding="utf-8")
    (files / "nocodes.csv").write_text("comment_id,theme,score,assigned\n", encoding="utf-8")
    (files / "resp.csv").write_text(RESPONDENTS, encoding="utf-8")
    return files


@pytest.mark.parametrize("args", [
    ["validate", "{d}/none.csv"],
    ["validate", "{d}/none.csv", "{d}/resp.csv"],
    ["code", "{d}/none.csv", "-o", "{d}/out/x.csv", "--no-progress"],
    ["discover", "{d}/none.csv", "-o", "{d}/out/x.csv", "--embedder", "hashing"],
    ["link", "{d}/none.csv", "{d}/nocodes.csv", "{d}/resp.csv", "-o", "{d}/out/x.csv"],
    ["report", "{d}/none.csv", "{d}/nocodes.csv", "{d}/resp.csv", "-o", "{d}/out"],
    ["export-qdpx", "{d}/none.csv", "{d}/nocodes.csv", "{d}/resp.csv", "-o", "{d}/out/x.qdpx"],
    ["pseudonymise", "{d}/none.csv", "-o", "{d}/out/x.csv"],
    ["safeguarding", "{d}/none.csv", "-o", "{d}/out/x.csv"],
    ["compare-waves", "w1", "{d}/none.csv", "{d}/nocodes.csv", "{d}/resp.csv",
     "w2", "{d}/comments.csv", "{d}/a.csv", "{d}/resp.csv", "-o", "{d}/out/x.csv"],
])
def test_a_comments_file_with_only_a_header_is_refused_by_every_command(no_rows, args):
    result = _run(*(a.format(d=no_rows) for a in args))
    assert result.exit_code == 2, result.output
    assert NO_ROWS in _said(result)
    assert not (no_rows / "out").exists() or not list((no_rows / "out").iterdir())


def test_a_batch_run_refuses_an_input_with_only_a_header(tmp_path):
    (tmp_path / "c.csv").write_text(HEADER_ONLY, encoding="utf-8")
    (tmp_path / "p.toml").write_text(
        '[run]\noutput = "run"\nprogress = false\n[input]\ncomments = "c.csv"\n'
        '[pseudonymise]\nuse_spacy = false\n[embed]\nmodel = "hashing"\n', "utf-8")
    result = _run("run", tmp_path / "p.toml")
    assert result.exit_code == 2, result.output
    assert ("The [input] comments setting (c.csv) has a header but no comment rows"
            in _said(result))
    assert not (tmp_path / "run" / "outputs").exists()


def test_comments_that_are_all_blank_are_still_read(tmp_path):
    (tmp_path / "blank.csv").write_text(HEADER_ONLY + "c1,r1,q1,\nc2,r2,q1,   \n",
                                        encoding="utf-8")
    result = _run("validate", tmp_path / "blank.csv")
    assert result.exit_code == 0, result.output
    assert "ok: 2 comments (0 answered, 2 no answer)" in _said(result)


def test_read_comments_and_read_corpus_name_their_argument_for_a_header_only_file(tmp_path):
    from carevoice.corpus import read_comments, read_corpus
    from carevoice.errors import ValidationError

    (tmp_path / "none.csv").write_text(HEADER_ONLY, encoding="utf-8")
    (tmp_path / "resp.csv").write_text(RESPONDENTS, encoding="utf-8")
    with pytest.raises(ValidationError, match=r"The 'path' argument \(none.csv\) has a "
                                              "header but no comment rows"):
        read_comments(tmp_path / "none.csv")
    with pytest.raises(ValidationError, match=r"The 'comments' argument \(none.csv\) has a "
                                              "header but no comment rows"):
        read_corpus(tmp_path / "none.csv", tmp_path / "resp.csv")



# ------------------------------------------------- a survey or respondents file with no rows
SURVEY_HEADER = "Respondent ID,Age group,What would make your life better?\n"
RESPONDENTS_HEADER = "respondent_id,placement\n"
NO_RESPONDENTS = ("has a header but no respondent rows, so there is nothing to analyse. Check "
                  "that it is the file (or, in a workbook, the sheet) that holds the "
                  "respondents")


def test_convert_refuses_a_survey_with_only_a_header(tmp_path):
    (tmp_path / "wide.csv").write_text(SURVEY_HEADER, encoding="utf-8")
    result = _run("convert", tmp_path / "wide.csv", "--id-column", "Respondent ID",
                  "--text-column", "What would make your life better?=better",
                  "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert f"SURVEY (wide.csv) {NO_RESPONDENTS}" in _said(result)
    assert not (tmp_path / "out").exists()


def test_read_survey_and_read_respondents_refuse_a_file_with_only_a_header(tmp_path):
    import pandas as pd

    from carevoice.corpus import read_respondents, read_survey, survey_from_frame
    from carevoice.errors import ValidationError

    (tmp_path / "wide.csv").write_text(SURVEY_HEADER, encoding="utf-8")
    (tmp_path / "resp.csv").write_text(RESPONDENTS_HEADER, encoding="utf-8")
    question = "What would make your life better?"
    with pytest.raises(ValidationError, match=re.escape(
            f"The 'path' argument (wide.csv) {NO_RESPONDENTS}")) as caught:
        read_survey(tmp_path / "wide.csv", text_columns=[question], id_column="Respondent ID")
    assert [p.check for p in caught.value.problems] == ["no_rows"]
    with pytest.raises(ValidationError, match=re.escape(
            f"The 'path' argument (resp.csv) {NO_RESPONDENTS}")):
        read_respondents(tmp_path / "resp.csv")
    # with a missing column too: every problem at once
    with pytest.raises(ValidationError) as caught:
        read_survey(tmp_path / "wide.csv", text_columns=["Anything else?"],
                    id_column="Respondent ID")
    assert [p.check for p in caught.value.problems] == ["missing_column", "no_rows"]
    # a frame in memory is not a file exported by mistake: read as before
    wide = pd.DataFrame({"Respondent ID": [], question: []}, dtype=object)
    assert len(survey_from_frame(wide, text_columns=[question],
                                 id_column="Respondent ID").comments) == 0


@pytest.mark.parametrize("args", [
    ["validate", "{d}/comments.csv", "{d}/resp.csv"],
    ["link", "{d}/comments.csv", "{d}/a.csv", "{d}/resp.csv", "-o", "{d}/out/x.csv"],
    ["report", "{d}/comments.csv", "{d}/a.csv", "{d}/resp.csv", "-o", "{d}/out"],
    ["export-qdpx", "{d}/comments.csv", "{d}/a.csv", "{d}/resp.csv", "-o", "{d}/out/x.qdpx"],
])
def test_a_respondents_file_with_only_a_header_is_refused_alike(files, args):
    (files / "resp.csv").write_text(RESPONDENTS_HEADER, encoding="utf-8")
    result = _run(*(a.format(d=files) for a in args))
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert f"RESPONDENTS (resp.csv) {NO_RESPONDENTS}" in said
    # not every comment listed as an orphan of a file that holds no one
    assert "missing_respondent" not in said and "unknown_respondent" not in said
    assert not (files / "out").exists() or not list((files / "out").iterdir())


def test_a_batch_run_refuses_respondents_with_only_a_header(files):
    (files / "resp.csv").write_text(RESPONDENTS_HEADER, encoding="utf-8")
    (files / "p.toml").write_text(
        '[run]\noutput = "run"\nprogress = false\n[input]\ncomments = "comments.csv"\n'
        'respondents = "resp.csv"\n[pseudonymise]\nuse_spacy = false\n[embed]\n'
        'model = "hashing"\n', "utf-8")
    result = _run("run", files / "p.toml")
    assert result.exit_code == 2, result.output
    assert f"The [input] respondents setting (resp.csv) {NO_RESPONDENTS}" in _said(result)
    assert not (files / "run" / "outputs").exists()

def test_link_says_who_answered_a_column_that_it_cannot_test(caplog):
    import pandas as pd

    from carevoice.link import associations

    indicators = pd.DataFrame({"family_contact": [True, False]},
                              index=pd.Index(["r1", "r2"], name="respondent_id"))
    respondents = pd.DataFrame({"respondent_id": ["r1", "r2", "r3", "r4"],
                                "placement": [None, None, "foster", "kinship"],
                                "gender": ["girl", "girl", "boy", None],
                                "region": [None, None, None, None]})
    with caplog.at_level("WARNING", logger="carevoice.link"):
        associations(indicators, respondents, ["placement", "gender", "region"])
    said = " ".join(caplog.text.split())
    # placement was answered, but only by respondents who wrote no comment
    assert ("'placement' is not tested: none of the respondents analysed answered it (2 who "
            "did are not analysed" in said)
    assert "'gender' is not tested: every respondent analysed who answered it" in said
    assert "'region' is not tested: no respondent answered it" in said


# ---------------------------------------------------------------- advice that works where given
WRONG_COLUMNS = "ID,Answer\nc1,I never see my mum\n"


@pytest.mark.parametrize("command", [["validate"], ["code", "-o", "{d}/x.csv", "--no-progress"]])
def test_a_command_without_column_mapping_is_told_to_rename_the_columns(tmp_path, command):
    (tmp_path / "wrong.csv").write_text(WRONG_COLUMNS, encoding="utf-8")
    result = _run(command[0], tmp_path / "wrong.csv",
                  *(a.format(d=tmp_path) for a in command[1:]))
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "Rename the columns in the file's header and save it again" in said
    assert "read_comments(" not in said and "columns=" not in said


def test_pseudonymise_is_told_of_its_column_option(tmp_path):
    (tmp_path / "wrong.csv").write_text(WRONG_COLUMNS, encoding="utf-8")
    result = _run("pseudonymise", tmp_path / "wrong.csv", "-o", tmp_path / "p.csv")
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "map them with --column (e.g. --column ID=comment_id --column Answer=text)" in said
    assert "read_comments(" not in said


def test_python_is_still_told_of_columns(tmp_path):
    from carevoice.corpus import read_comments, read_respondents
    from carevoice.errors import ValidationError

    (tmp_path / "wrong.csv").write_text(WRONG_COLUMNS, encoding="utf-8")
    with pytest.raises(ValidationError, match=r"read_comments\(\.\.\., columns="):
        read_comments(tmp_path / "wrong.csv")
    with pytest.raises(ValidationError, match=r"read_respondents\(\.\.\., columns="):
        read_respondents(tmp_path / "wrong.csv")


def test_an_empty_respondents_or_codes_file_is_named_by_its_argument(files):
    (files / "empty.csv").write_bytes(b"")
    (files / "resp.csv").write_text(RESPONDENTS, encoding="utf-8")
    result = _run("link", files / "comments.csv", files / "a.csv", files / "empty.csv",
                  "-o", files / "x.csv")
    assert result.exit_code == 2, result.output
    assert "RESPONDENTS (empty.csv) is empty: it has no header row" in _said(result)
    result = _run("link", files / "comments.csv", files / "empty.csv", files / "resp.csv",
                  "-o", files / "x.csv")
    assert result.exit_code == 2, result.output
    assert "CODES (empty.csv) is empty: it has no header row" in _said(result)


def test_a_batch_run_names_the_line_of_a_row_without_an_id(tmp_path):
    # a comment over two lines and a blank line before the row: line 6, as validate says
    (tmp_path / "c.csv").write_text(
        HEADER_ONLY + 'c1,r1,q1,"I never\nsee my mum"\n\nc2,r2,q1,hello\n,r3,q1,no id\n'
        "c4,r4,q1,ok\n", encoding="utf-8")
    (tmp_path / "p.toml").write_text(
        '[run]\noutput = "run"\nchunk_size = 2\nprogress = false\n[input]\n'
        'comments = "c.csv"\n[pseudonymise]\nuse_spacy = false\n[embed]\nmodel = "hashing"\n',
        "utf-8")
    said = _said(_run("validate", tmp_path / "c.csv"))
    assert "(line numbers in c.csv, the header being line 1): (6)" in said
    result = _run("run", tmp_path / "p.toml")
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "(line numbers in c.csv, the header being line 1): (6)" in said
    assert "rows of the frame" not in said and "no id" not in said


def test_import_qdpx_keeps_an_existing_respondents_file_unless_told(files, project):
    mine = files / "resp.csv"
    mine.write_text(RESPONDENTS, encoding="utf-8")
    result = _run("import-qdpx", project, "-o", files / "back.csv", "--respondents", mine)
    assert result.exit_code == 2, result.output
    assert "The --respondents file" in _said(result) and "--overwrite" in _said(result)
    assert mine.read_text(encoding="utf-8") == RESPONDENTS
    assert not (files / "back.csv").exists()
    result = _run("import-qdpx", project, "-o", files / "back.csv", "--respondents", mine,
                  "--overwrite")
    assert result.exit_code == 0, result.output
    assert mine.read_text(encoding="utf-8") != RESPONDENTS


# ---------------------------------------------------------------- output folders hold no input
REPORT = ["--format", "md", "--embedder", "hashing", "--no-timestamp"]


@pytest.fixture
def report_inputs(files):
    (files / "resp.csv").write_text(RESPONDENTS, encoding="utf-8")
    return files


def test_report_refuses_the_folder_that_holds_comments(report_inputs):
    d = report_inputs
    result = _run("report", d / "comments.csv", d / "a.csv", d / "resp.csv", "-o", d, *REPORT)
    assert result.exit_code == 2, result.output
    assert "The --output folder" in _said(result)
    assert "holds the COMMENTS file" in _said(result)
    assert not (d / "report.md").exists() and not (d / "tables").exists()


def test_report_refuses_an_input_it_would_replace(report_inputs):
    d = report_inputs
    (d / "rep" / "tables").mkdir(parents=True)
    mine = d / "rep" / "tables" / "prevalence.csv"  # a name the report writes
    mine.write_text(CODES_A, encoding="utf-8")
    result = _run("report", d / "comments.csv", mine, d / "resp.csv", "-o", d / "rep", *REPORT)
    assert result.exit_code == 2, result.output
    assert "holds the CODES file" in _said(result)
    assert mine.read_text(encoding="utf-8") == CODES_A


def test_report_refuses_a_folder_inside_an_earlier_report(report_inputs):
    d = report_inputs
    (d / "old" / "not-for-publication").mkdir(parents=True)
    result = _run("report", d / "comments.csv", d / "a.csv", d / "resp.csv", "-o",
                  d / "old" / "new", "--earlier-report", d / "old", *REPORT)
    assert result.exit_code == 2, result.output
    assert "lies in the --earlier-report folder" in _said(result)
    assert not (d / "old" / "new").exists()


def test_a_batch_run_refuses_an_input_in_its_run_folder(tmp_path):
    # a re-run from an earlier run's outputs into the same run folder cleared that input
    outputs = tmp_path / "run" / "outputs"
    outputs.mkdir(parents=True)
    (outputs / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    (tmp_path / "p.toml").write_text(
        '[run]\noutput = "run"\nprogress = false\n[input]\n'
        'comments = "run/outputs/comments.csv"\n[pseudonymise]\nuse_spacy = false\n'
        '[embed]\nmodel = "hashing"\n', "utf-8")
    result = _run("run", tmp_path / "p.toml")
    assert result.exit_code == 2, result.output
    assert "The [run] output folder" in _said(result)
    assert "holds the [input] comments file" in _said(result)
    assert (outputs / "comments.csv").read_text(encoding="utf-8") == COMMENTS
    assert sorted(p.name for p in (tmp_path / "run").rglob("*")) == ["comments.csv", "outputs"]


def _earlier_report(folder):
    (folder / "not-for-publication").mkdir(parents=True)
    (folder / "not-for-publication" / "quotes.csv").write_text(
        "theme,rank,comment_id,attribution,text\nmoney,1,c7,in care,Not enough.\n", "utf-8")


def _earlier_run(tmp_path, output: str, earlier: list[str]):
    (tmp_path / "comments.csv").write_text(COMMENTS, encoding="utf-8")
    (tmp_path / "resp.csv").write_text(RESPONDENTS, encoding="utf-8")
    listed = ", ".join(f'"{e}"' for e in earlier)
    (tmp_path / "p.toml").write_text(
        f'[run]\noutput = "{output}"\nprogress = false\n[input]\ncomments = "comments.csv"\n'
        f'respondents = "resp.csv"\n[pseudonymise]\nuse_spacy = false\n[embed]\n'
        f'model = "hashing"\n[report]\nformats = ["md"]\nearlier_reports = [{listed}]\n',
        "utf-8")
    return _run("run", tmp_path / "p.toml")


def test_a_batch_run_refuses_an_earlier_report_in_its_run_folder(tmp_path):
    # last wave's report left in the run folder, whose outputs the run clears
    _earlier_report(tmp_path / "run" / "outputs" / "report")
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "run").rglob("*"))
    result = _earlier_run(tmp_path, "run", ["run/outputs/report"])
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert "The [run] output folder" in said
    assert "holds the [report] earlier_reports folder" in said
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "run").rglob("*")) == before


def test_a_batch_run_refuses_a_run_folder_inside_an_earlier_report(tmp_path):
    _earlier_report(tmp_path / "old")
    _earlier_report(tmp_path / "older")
    result = _earlier_run(tmp_path, "older/wave3", ["old", "older"])
    assert result.exit_code == 2, result.output
    assert "lies in the [report] earlier_reports' 2nd folder" in _said(result)
    assert not (tmp_path / "older" / "wave3").exists()
