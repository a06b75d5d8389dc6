"""Exports from survey platforms (Qualtrics, SurveyMonkey, Microsoft Forms, Google Forms):
their header rows, their metadata and identifier columns, partial responses, and answers that
Excel turned into dates on the way.

Every name, address, place and answer here is fictional (``example.invalid`` addresses,
documentation IP ranges).
"""

from __future__ import annotations

import pandas as pd
import pytest

from carevoice.corpus import free_text_columns, read_table

N = 36
FIRST_NAMES = ["Zebedee", "Quorn", "Ottoline", "Barnaby"] * (N // 4)


# --------------------------------------------------------------------------------------------
# F2: identifiers under CamelCase headers
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("header, values", [
    ("RecipientFirstName", FIRST_NAMES),
    ("RecipientLastName", ["Testperson", "Sampleton"] * (N // 2)),
    ("RecipientEmail", ["carer.a@example.invalid", "carer.b@example.invalid"] * (N // 2)),
    ("RecipientPhone", ["07700900001", "07700900002"] * (N // 2)),
    ("IPAddress", ["192.0.2.10", "192.0.2.10", "198.51.100.7"] * (N // 3)),
    ("IPAddress", ["192.0.2.10"] * N),  # one children's home, one network
    ("LocationLatitude", ["53.7446", "53.7401"] * (N // 2)),
    ("LocationLongitude", ["-0.3352"] * N),
    ("ExternalReference", ["REF-0012", "REF-0013", "REF-0014"] * (N // 3)),
    ("ExternalDataReference", ["REF-0012", "REF-0013", "REF-0014"] * (N // 3)),
])
def test_platform_identifier_columns_are_refused_whatever_their_values(header, values):
    """Qualtrics' CamelCase headers were matched by no header rule (no word boundary inside
    RecipientFirstName) and latitude, longitude and external references by none at all, so
    they were kept as closed answers as soon as their values repeated."""
    found = free_text_columns(pd.DataFrame({header: values}))
    assert header in found
    assert found[header] in {"it records who answered, or where from",
                             "its question asks for a name or contact details"}


def test_camel_case_headers_of_names_read_as_words():
    """``YoungPersonName`` and ``ChildFirstName`` ask for a name as "Young person name" does;
    ordinary CamelCase closed questions are still closed."""
    frame = pd.DataFrame({"YoungPersonName": FIRST_NAMES, "ChildFirstName": FIRST_NAMES,
                          "AgeGroup": ["8-10", "11-13"] * (N // 2),
                          "FeelsSafe": ["Always", "Never", "Sometimes"] * (N // 3),
                          "HowLongInCare": ["Less than 1 year", "1-2 years"] * (N // 2)})
    assert set(free_text_columns(frame)) == {"YoungPersonName", "ChildFirstName"}


# --------------------------------------------------------------------------------------------
# F1: Qualtrics' three header rows; F9.4: SurveyMonkey's two
# --------------------------------------------------------------------------------------------
QUALTRICS_COLUMNS = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId",
                     "Q1", "Q2", "Q3", "Q5"]
QUALTRICS_WORDING = ["Start Date", "End Date", "Response Type", "Progress", "Finished",
                     "Response ID", "How old are you?", "Where do you live now?",
                     "Anything else you want to tell us?", "What would make your life better?"]
QUALTRICS_IMPORT = ['{"ImportId":"startDate","timeZone":"Europe/London"}',
                    '{"ImportId":"endDate","timeZone":"Europe/London"}', '{"ImportId":"status"}',
                    '{"ImportId":"progress"}', '{"ImportId":"finished"}',
                    '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2"}',
                    '{"ImportId":"QID3_TEXT"}', '{"ImportId":"QID5_TEXT"}']
AGES = ["8-10", "11-13", "14-15", "16-17"]
PLACES = ["Foster care", "Residential", "Kinship care"]


def _qualtrics_rows(n: int = 12) -> list[list[str]]:
    return [[f"2026-03-{1 + i % 28:02d} 10:{i:02d}:00",
             f"2026-03-{1 + i % 28:02d} 10:{i + 9:02d}:00",
             "IP Address", "100" if i % 4 else "43", "True" if i % 4 else "False",
             f"R_{i:04d}fict", AGES[i % 4], PLACES[i % 3], ["my dog Biscuit", "nothing"][i % 2],
             f"more time with my friends {i}"] for i in range(n)]


def _write_csv(path, header_rows, rows):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in [*header_rows, *rows]:
            writer.writerow(row)
    return path


def _write_xlsx(path, header_rows, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [*header_rows, *rows]:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("writer", [_write_csv, _write_xlsx])
def test_qualtrics_header_rows_are_skipped_and_the_question_text_kept(tmp_path, writer,
                                                                      caplog):
    """Rows 2-3 of a Qualtrics export (question text, import ids) were read as two
    respondents: the question text became a comment, the import ids levels of every closed
    question, and the report said 14 young people for 12."""
    import carevoice as cv

    suffix = ".csv" if writer is _write_csv else ".xlsx"
    path = writer(tmp_path / f"qualtrics{suffix}",
                  [QUALTRICS_COLUMNS, QUALTRICS_WORDING, QUALTRICS_IMPORT], _qualtrics_rows())
    corpus = cv.read_survey(path, text_columns={"Q5": "better"}, id_column="ResponseId",
                            drop_columns=["Q3"])
    respondents = corpus.respondents
    assert len(respondents) == 12 and len(corpus.comments) == 12
    assert "Response ID" not in set(respondents["respondent_id"])
    assert not corpus.comments["text"].str.contains("ImportId|What would make").any()
    assert list(respondents["Q1"].cat.categories) == AGES  # an ordered scale, no extra level
    assert respondents.attrs["question_wording"]["Q1"] == "How old are you?"
    unit = "lines" if suffix == ".csv" else "rows"
    assert f"{unit} 2 and 3 are Qualtrics' header rows" in caplog.text
    # the wording travels with the respondents file into later commands
    cv.write_corpus(corpus, tmp_path / "long")
    again = cv.read_respondents(tmp_path / "long" / "respondents.csv")
    assert again.attrs["question_wording"]["Q2"] == "Where do you live now?"


def test_qualtrics_question_text_feeds_the_free_text_check(tmp_path):
    """Q3's short name says nothing; its question text ("Anything else you want to tell
    us?") asks for free text, so the column is refused although its answers repeat."""
    import carevoice as cv

    path = _write_csv(tmp_path / "q.csv", [QUALTRICS_COLUMNS, QUALTRICS_WORDING,
                                           QUALTRICS_IMPORT], _qualtrics_rows())
    with pytest.raises(cv.ValidationError, match=r"'Q3' \(its question asks for free text\)"):
        cv.read_survey(path, text_columns={"Q5": "better"}, id_column="ResponseId")


@pytest.mark.parametrize("kept, skipped", [
    ([QUALTRICS_IMPORT], "line 2 is Qualtrics' header row (the import ids)"),
    ([QUALTRICS_WORDING], "line 2 is Qualtrics' header row (the question text)"),
])
def test_qualtrics_header_rows_partly_deleted_are_skipped(tmp_path, caplog, kept, skipped):
    import carevoice as cv

    path = _write_csv(tmp_path / "q.csv", [QUALTRICS_COLUMNS, *kept], _qualtrics_rows())
    corpus = cv.read_survey(path, text_columns={"Q5": "better"}, id_column="ResponseId",
                            drop_columns=["Q3"])
    assert len(corpus.respondents) == 12
    assert skipped in caplog.text


def test_qualtrics_header_rows_among_the_respondents_are_refused_by_line(tmp_path):
    """Rows 2-3 sorted down among the respondents (a spreadsheet sort) are never read as
    respondents: the file is refused, naming their lines."""
    import carevoice as cv

    rows = _qualtrics_rows()
    path = _write_csv(tmp_path / "q.csv", [QUALTRICS_COLUMNS],
                      rows[:5] + [QUALTRICS_WORDING, QUALTRICS_IMPORT] + rows[5:])
    with pytest.raises(cv.InputError, match=r"q\.csv: lines 7 and 8 look like Qualtrics' "
                                            r"header rows"):
        read_table(path)


def test_qualtrics_line_numbers_after_the_header_rows_are_the_file_lines(tmp_path):
    import carevoice as cv

    rows = _qualtrics_rows()
    rows[3][5] = ""  # line 7 of the file (3 header rows, then the fourth respondent)
    path = _write_csv(tmp_path / "q.csv", [QUALTRICS_COLUMNS, QUALTRICS_WORDING,
                                           QUALTRICS_IMPORT], rows)
    with pytest.raises(cv.ValidationError, match=r"\(7\)"):
        cv.read_survey(path, text_columns={"Q5": "better"}, id_column="ResponseId",
                       drop_columns=["Q3"])


SM_HEADER = ["Respondent ID", "Collector ID", "Start Date", "How old are you?",
             "What do you do in your free time? (tick all that apply)", "", "", "",
             "What would make your life better?"]
SM_SUBHEADER = ["", "", "", "Response", "Sport", "Music", "Gaming", "Other (please specify)",
                "Open-Ended Response"]
OTHER_ACTIVITIES = ["fishing with Zebedee", "skating in Quornby", "baking with Ottoline"]


def _surveymonkey_rows(n: int = 12) -> list[list[str]]:
    return [[str(114000 + i), "400001", f"03/{1 + i % 28:02d}/2026 10:00:00 AM", AGES[i % 4],
             "Sport" if i % 2 else "", "Music" if i % 3 else "", "",
             OTHER_ACTIVITIES[i % 3] if i % 4 == 0 else "", f"a bus pass {i}"]
            for i in range(n)]


@pytest.mark.parametrize("writer", [_write_csv, _write_xlsx])
def test_surveymonkey_second_header_row_names_the_option_columns(tmp_path, writer, caplog):
    """SurveyMonkey's row 2 was refused as a respondent without an id; deleted by hand, the
    option columns became 'Unnamed: 5' ... and the 'Other (please specify)' column lost the
    header that marks it as free text."""
    import carevoice as cv

    suffix = ".csv" if writer is _write_csv else ".xlsx"
    path = writer(tmp_path / f"sm{suffix}", [SM_HEADER, SM_SUBHEADER], _surveymonkey_rows())
    frame = read_table(path)
    question = "What do you do in your free time? (tick all that apply)"
    assert list(frame.columns[4:8]) == [f"{question} - {o}" for o in
                                        ("Sport", "Music", "Gaming", "Other (please specify)")]
    assert len(frame) == 12 and frame["Respondent ID"].notna().all()
    assert "SurveyMonkey's second header row" in caplog.text
    with pytest.raises(cv.ValidationError, match=r"Other \(please specify\)' \(its question "
                                                 r"asks for free text\)"):
        cv.read_survey(path, text_columns={"What would make your life better?": "better"},
                       id_column="Respondent ID")


# --------------------------------------------------------------------------------------------
# F3: platform metadata and one-respondent-per-level columns; F9.2: partial responses
# --------------------------------------------------------------------------------------------
def _forms_export(n: int = 24) -> pd.DataFrame:
    """A Microsoft Forms-like export: ID, submission times, three closed questions."""
    return pd.DataFrame({
        "ID": [str(i + 1) for i in range(n)],
        "Start time": [f"2026-03-{1 + i % 28:02d}T10:{i:02d}:00" for i in range(n)],
        "Completion time": [f"2026-03-{1 + i % 28:02d}T10:{i + 9:02d}:00" for i in range(n)],
        "Last modified time": [None] * n,
        "How old are you?": [AGES[i % 4] for i in range(n)],
        "Where do you live now?": [PLACES[i % 3] for i in range(n)],
        "What would make your life better?": [f"more trips out {i}" for i in range(n)]})


def test_convert_leaves_platform_metadata_out_with_a_warning(tmp_path, caplog):
    """Microsoft Forms' 'Start time' and 'Completion time' were kept as closed answers and
    then tested level by level (one young person per level) by link and report."""
    from carevoice.corpus import survey_from_frame

    wide = _forms_export()
    wide["Status"] = ["Looked after", "Care leaver"] * 12  # a survey question, kept
    corpus = survey_from_frame(wide, text_columns={"What would make your life better?":
                                                   "better"}, id_column="ID")
    assert list(corpus.respondents.columns) == [
        "respondent_id", "How old are you?", "Where do you live now?", "Status"]
    assert "'Start time', 'Completion time', 'Last modified time'" in caplog.text
    kept = survey_from_frame(wide, text_columns={"What would make your life better?":
                                                 "better"}, id_column="ID",
                             not_free_text=["Completion time"])
    assert "Completion time" in kept.respondents.columns


def test_qualtrics_metadata_and_partial_responses_at_convert(tmp_path, caplog):
    import carevoice as cv

    path = _write_csv(tmp_path / "q.csv", [QUALTRICS_COLUMNS, QUALTRICS_WORDING,
                                           QUALTRICS_IMPORT], _qualtrics_rows())
    corpus = cv.read_survey(path, text_columns={"Q5": "better"}, id_column="ResponseId",
                            drop_columns=["Q3"])
    assert list(corpus.respondents.columns) == ["respondent_id", "Q1", "Q2"]
    assert "q.csv: 3 of 12 respondents did not finish the survey" in caplog.text
    assert "'StartDate', 'EndDate', 'Status', 'Progress', 'Finished'" in caplog.text


def _link_inputs(n: int = 24):
    respondents = _forms_export(n).drop(columns=["What would make your life better?",
                                                 "Last modified time"])
    respondents = respondents.rename(columns={"ID": "respondent_id",
                                              "How old are you?": "age_group"})
    # not a platform's name, but one respondent per level
    respondents["date_returned"] = [f"2026-04-{1 + i % 28:02d}T09:{i:02d}:00" for i in range(n)]
    comments = pd.DataFrame({"comment_id": [f"{i + 1}-better" for i in range(n)],
                             "respondent_id": respondents["respondent_id"]})
    # wellbeing raised by the young people aged 8-10 only: a finding
    codes = pd.DataFrame({"comment_id": [f"{i + 1}-better" for i in range(n) if i % 4 == 0],
                          "theme": "wellbeing"})
    return comments, codes, respondents


def test_link_leaves_metadata_and_one_respondent_per_level_columns_out(caplog):
    """Each timestamp added one test per young person to the Benjamini-Hochberg adjustment
    (the audit: 2 findings at q < 0.05 instead of 7)."""
    from carevoice.link import link

    comments, codes, respondents = _link_inputs()
    result = link(comments, codes, respondents)
    assert set(result.associations["variable"]) == {"age_group", "Where do you live now?"}
    assert set(result.prevalence["variable"]) == {"all", "age_group", "Where do you live now?"}
    assert "'Start time' (a survey platform's metadata)" in caplog.text
    assert "'date_returned' (every answer differs (one respondent per level))" in caplog.text
    row = result.associations.set_index(["variable", "level"]).loc[("age_group", "8-10")]
    assert row["q_value"] < 0.05
    # asked for by name, a column is tested
    asked = link(comments, codes, respondents, variables=["Start time"])
    assert set(asked.associations["variable"]) == {"Start time"}


def test_validate_counts_partial_responses(tmp_path, caplog):
    """A respondents file that kept Qualtrics' Finished column: validate says how many did
    not finish (they pass without a word otherwise)."""
    from typer.testing import CliRunner

    from carevoice.cli import app

    (tmp_path / "comments.csv").write_text(
        "comment_id,respondent_id,question_id,text\n"
        + "".join(f"{i}-b,{i},b,more trips {i}\n" for i in range(8)), "utf-8")
    (tmp_path / "respondents.csv").write_text(
        "respondent_id,age_group,Finished\n" + "".join(
            f"{i},{AGES[i % 4]},{'False' if i in (2, 5) else 'True'}\n" for i in range(8)),
        "utf-8")
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "comments.csv"),
                                      str(tmp_path / "respondents.csv")])
    assert result.exit_code == 0, result.output
    assert "respondents.csv: 2 of 8 respondents did not finish the survey" in caplog.text


# --------------------------------------------------------------------------------------------
# F9.1: convert --not-free-text is remembered
# --------------------------------------------------------------------------------------------
def test_convert_remembers_the_columns_vouched_for(tmp_path):
    """After ``convert --not-free-text COLUMN``, link refused the same column again until
    the vouching was repeated on every later command."""
    from typer.testing import CliRunner

    from carevoice.cli import app

    wide = _forms_export()
    activities = ["Sport;Music;", "Youth club;", "Gaming;Sport;", "Music;Youth club;Gaming;",
                  "Sport;", "Music;Gaming;", "Sport;Youth club;Music;", "Gaming;"]
    wide["What do you do in your free time?"] = [
        activities[i % 8] if i % 5 else f"seeing my nan on day {i};Sport;"
        for i in range(len(wide))]
    wide.to_csv(tmp_path / "forms.csv", index=False)
    activity = "What do you do in your free time?"
    convert = ["convert", str(tmp_path / "forms.csv"), "--id-column", "ID",
               "--text-column", "What would make your life better?=better",
               "--rename", f"{activity}=activities", "-o", str(tmp_path / "long")]
    refused = CliRunner().invoke(app, convert)
    assert refused.exit_code == 2 and activity in refused.output
    done = CliRunner().invoke(app, [*convert, "--not-free-text", activity])
    assert done.exit_code == 0, done.output
    long = tmp_path / "long"
    (long / "codes.csv").write_text("comment_id,theme\n1-better,wellbeing\n", "utf-8")
    linked = CliRunner().invoke(app, ["link", str(long / "comments.csv"),
                                      str(long / "codes.csv"), str(long / "respondents.csv"),
                                      "-o", str(tmp_path / "assoc.csv")])
    assert linked.exit_code == 0, linked.output
    validated = CliRunner().invoke(app, ["validate", str(long / "comments.csv"),
                                         str(long / "respondents.csv")])
    assert validated.exit_code == 0, validated.output


# --------------------------------------------------------------------------------------------
# F8: ranges that Excel turned into dates
# --------------------------------------------------------------------------------------------
def test_ranges_excel_made_dates_are_warned_about(caplog):
    """'8-10' saved by Excel as '08-Oct' was reported as the age group 'aged 08-Oct' without
    a word when the respondents file had no side file."""
    from carevoice.corpus import type_answers

    answers = pd.DataFrame({"respondent_id": [str(i) for i in range(9)],
                            "age_group": ["08-Oct", "08-Oct", "11-13", "14-15", "16-17",
                                          "11-13", "3-May", "14-15", "16-17"],
                            "visit_date": ["2026-10-08"] * 4 + ["2026-11-01"] * 5,
                            "times_band": ["1-2", "3-5", "6-10"] * 3})
    type_answers(answers)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert warnings[0].startswith("column 'age_group': 3 answers ('08-Oct' and 1 answer "
                                  "given once, not shown) look like ranges that Excel turned")
    assert "3-May" not in warnings[0]


def test_a_date_cell_among_ranges_in_an_xlsx_file(tmp_path, caplog):
    import datetime as dt

    import carevoice as cv

    path = _write_xlsx(tmp_path / "respondents.xlsx", [["respondent_id", "age_group"]],
                       [[str(i), dt.datetime(2026, 10, 8) if i % 4 == 0 else AGES[i % 4]]
                        for i in range(12)])
    cv.read_respondents(path)
    assert "column 'age_group': 3 answers ('2026-10-08') look like ranges" in caplog.text


def test_ranges_excel_made_dates_at_convert(caplog):
    from carevoice.corpus import survey_from_frame

    wide = _forms_export(12)
    wide["How old are you?"] = ["08-Oct" if a == "8-10" else a for a in wide["How old are you?"]]
    survey_from_frame(wide, text_columns={"What would make your life better?": "better"},
                      id_column="ID")
    assert "column 'How old are you?': 3 answers ('08-Oct') look like ranges" in caplog.text


# --------------------------------------------------------------------------------------------
# F9.5: the platform headers a user must type are shown in messages
# --------------------------------------------------------------------------------------------
def test_messages_show_platform_headers_but_not_names():
    """validate showed Microsoft Forms' 'Completion time' as '<a 15-character header, not
    shown>', and Qualtrics' 'Duration (in seconds)' likewise: the exact names a user must
    type for --drop-column. A header that may be a child's name or words stays hidden."""
    from carevoice.corpus import describe_columns

    shown = describe_columns(["ID", "Start time", "Completion time", "Last modified time",
                              "Duration (in seconds)", "IP Address", "Custom Data 1",
                              "Zebedee Quorn", "my nan lives in Quornby"])
    for header in ("Completion time", "Last modified time", "Duration (in seconds)",
                   "IP Address", "Custom Data 1"):
        assert repr(header) in shown
    assert "Zebedee" not in shown and "Quornby" not in shown


# --------------------------------------------------------------------------------------------
# SurveyMonkey's second header row deleted by hand
# --------------------------------------------------------------------------------------------
def test_surveymonkey_option_columns_without_a_header_are_named(tmp_path):
    """With row 2 deleted, the option columns were read as closed questions called
    'Unnamed: 5' ... (each of one answer, never tested) and the 'Other (please specify)'
    column lost the header that marks it as free text."""
    import carevoice as cv

    path = _write_csv(tmp_path / "sm.csv", [SM_HEADER], _surveymonkey_rows())
    question = "What do you do in your free time? (tick all that apply)"
    with pytest.raises(cv.ValidationError) as info:
        cv.read_survey(path, text_columns={"What would make your life better?": "better"},
                       id_column="Respondent ID")
    said = " ".join(str(info.value).split())
    assert (f"'Unnamed: 5', 'Unnamed: 7' after '{question}'") in said
    assert "second header row (its options) was deleted" in said
    assert f'multi_select={{"{question}": ["{question}", "Unnamed: 5", "Unnamed: 7"]}}' in said
    assert f"--multi-select-columns '{question}={question},Unnamed: 5,Unnamed: 7'" in said
    assert "Unnamed: 5' (" not in said  # not refused as free text on top
    assert not any(name in said for name in OTHER_ACTIVITIES)
    # declared as the message says, the question is read one option per column
    corpus = cv.read_survey(path, text_columns={"What would make your life better?": "better"},
                            id_column="Respondent ID",
                            multi_select={question: [question, "Unnamed: 5", "Unnamed: 7"]})
    options = [c for c in corpus.respondents.columns if c.startswith(question)]
    assert options == [f"{question}: {o}" for o in ("Sport", "Music", "Other (written in)")]


def test_columns_left_blank_by_another_tool_are_not_taken_for_options():
    from carevoice._platforms import unnamed_option_columns

    frame = pd.DataFrame({"id": ["1", "2", "3"], "age": ["8-10", "11-13", "8-10"],
                          "Unnamed: 2": ["a", "b", "c"]})
    assert unnamed_option_columns(frame, ["age", "Unnamed: 2"]) == {}


def test_batch_run_names_option_columns_without_a_header(tmp_path):
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks
    from carevoice.batch.runner import _read_respondents, _source
    from carevoice.errors import ValidationError

    _write_csv(tmp_path / "sm.csv", [SM_HEADER], _surveymonkey_rows())
    toml = tmp_path / "PIPELINE.toml"
    toml.write_text('[run]\noutput = "run"\n[input]\nsurvey = "sm.csv"\n'
                    'id_column = "Respondent ID"\n[input.text_columns]\n'
                    '"What would make your life better?" = "better"\n', "utf-8")
    cfg = load_config(toml)
    source = _source(cfg)
    with pytest.raises(ValidationError) as info:
        _read_respondents(cfg, source, plan_chunks(source, 100))
    said = " ".join(str(info.value).split())
    question = "What do you do in your free time? (tick all that apply)"
    # the batch reader keeps the blank column of an option nobody ticked (Gaming)
    assert f"'Unnamed: 5', 'Unnamed: 6', 'Unnamed: 7' after '{question}'" in said
    assert f'[input.multi_select] "{question}" = ["{question}", "Unnamed: 5", ' in said


# --------------------------------------------------------------------------------------------
# "Please tell us ..." in a closed question's wording
# --------------------------------------------------------------------------------------------
AGREE = ["Agree a lot", "Agree a little", "Not sure", "Disagree a little", "Disagree a lot"]


def test_closed_matrix_question_worded_please_tell_us_is_kept(tmp_path):
    """A Qualtrics matrix question worded "Please tell us how much you agree ... - I feel
    safe where I live", answered on a scale carevoice does not know, was refused as free
    text because of its wording: the answers (five short labels, each chosen by several)
    are a closed question's."""
    import carevoice as cv

    columns = ["ResponseId", "Q1", "Q6_1", "Q6_2", "Q5"]
    wording = ["Response ID", "How old are you?",
               "Please tell us how much you agree with these - I feel safe where I live",
               "Please tell us how much you agree with these - My carers listen to me",
               "What would make your life better?"]
    imports = ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID6_1"}',
               '{"ImportId":"QID6_2"}', '{"ImportId":"QID5_TEXT"}']
    rows = [[f"R_{i:04d}fict", AGES[i % 4], AGREE[i % 5], AGREE[(i * 2) % 5],
             f"more trips to the seaside {i}"] for i in range(20)]
    path = _write_csv(tmp_path / "q.csv", [columns, wording, imports], rows)
    corpus = cv.read_survey(path, text_columns={"Q5": "better"}, id_column="ResponseId")
    assert list(corpus.respondents.columns) == ["respondent_id", "Q1", "Q6_1", "Q6_2"]


@pytest.mark.parametrize("answers", [
    # a few answers repeat, but each names a pet: a young person's own words
    ["My dog Biscuit", "Nothing", "My cat Zebedee"] * 6,
    # lower-case replies repeated: not the labels of a list
    ["my dog", "nothing", "school"] * 6,
    # one answer given once
    [*(["Nothing", "School"] * 8), "Seeing my brother Quorn"],
    # sentences
    ["I like it here.", "It is ok."] * 8,
])
def test_please_tell_us_still_refuses_free_text(answers):
    """The answers win over "tell us" only when they are a closed question's: short labels
    (no names inside), each chosen by two young people or more, few of them."""
    wide = pd.DataFrame({"Please tell us about your pets": answers})
    assert free_text_columns(wide) == {
        "Please tell us about your pets": "its question asks for free text"}


@pytest.mark.parametrize("header", ["Anything else you want to tell us?",
                                    "Other (please specify)", "Please tell us your name"])
def test_other_free_text_wordings_stay_refused_whatever_the_answers(header):
    wide = pd.DataFrame({header: ["Agree a lot", "Not sure"] * 8})
    assert header in free_text_columns(wide)
