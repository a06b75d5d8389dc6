"""Numbers saved by Excel where the comma is the decimal mark (";" between values, 6,5): read as
numbers in such a file, warned about elsewhere, and named in the weights and score errors
(audit of the Excel round trip, finding 7). All data are fictional."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.corpus import read_codes, read_respondents
from carevoice.errors import ValidationError
from carevoice.link import prevalence

EXCEL_EU = ("respondent_id;age_group;hours_sleep;weight;times_moved;activities;money\r\n"
            "001;8-10;6,5;0,75;0;1,2,3;1,500\r\n"
            "002;11-13;7;1,25;2;2;2,000\r\n"
            "003;11-13;8,0;1;1;1,2;1,250\r\n"
            "004;8-10;7,5;0,5;6;3;3,000\r\n")


def _warnings(caplog) -> dict[str, str]:
    return {r.args[0]: r.getMessage() for r in caplog.records
            if r.levelname == "WARNING" and r.args}


def test_a_semicolon_file_reads_decimal_commas_as_numbers_with_a_notice(tmp_path, caplog):
    path = tmp_path / "respondents.csv"
    path.write_bytes(EXCEL_EU.encode("cp1252"))
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        resp = read_respondents(path)
    assert resp["hours_sleep"].dtype == "Float64" and resp["weight"].dtype == "Float64"
    assert resp["hours_sleep"].tolist() == [6.5, 7.0, 8.0, 7.5]
    assert resp["weight"].tolist() == [0.75, 1.25, 1.0, 0.5]
    assert resp["times_moved"].dtype == "Int64"
    warned = _warnings(caplog)
    assert "read as numbers (6,5 as 6.5)" in warned["hours_sleep"]
    assert "read as numbers" in warned["weight"]
    # answers joined by commas are not numbers; commas that may be thousands stay text
    assert str(resp["activities"].dtype) == "category"
    assert "decimal comma" not in warned.get("activities", "")
    assert str(resp["money"].dtype) == "category"
    assert "thousands separator" in warned["money"]
    # levels given for a column keep it a category
    caplog.clear()
    given = read_respondents(path, levels={"hours_sleep": ["6,5", "7", "7,5", "8,0"]})
    assert given["hours_sleep"].cat.categories.tolist() == ["6,5", "7", "7,5", "8,0"]


def test_a_comma_separated_file_warns_that_decimal_commas_stay_text(tmp_path, caplog):
    path = tmp_path / "respondents.csv"
    path.write_text('respondent_id,hours_sleep\n001,"6,5"\n002,7\n003,"8,0"\n', "utf-8")
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        resp = read_respondents(path)
    assert str(resp["hours_sleep"].dtype) == "category"
    messages = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(messages) == 1  # not also the "mostly numbers" warning
    assert "look like numbers written with a comma" in messages[0]
    assert "only in a ;-separated file" in messages[0]


def test_weights_not_read_as_numbers_say_so(tmp_path):
    path = tmp_path / "respondents.csv"
    path.write_text('respondent_id,w\nr000,"0,75"\nr001,1\nr002,-1\n', "utf-8")
    resp = read_respondents(path)
    ind = pd.DataFrame({"safety": [True, False, True]},
                       index=pd.Index(["r000", "r001", "r002"], name="respondent_id"))
    with pytest.raises(ValidationError) as caught:
        prevalence(ind, resp, weights="w")
    message = str(caught.value)
    assert "were not read as numbers; they are written with a decimal comma" in message
    assert "r000" in message and "finite and non-negative" in message and "r002" in message


def test_scores_with_a_decimal_comma(tmp_path):
    eu = tmp_path / "codes_eu.csv"
    eu.write_bytes(b"comment_id;theme;score;assigned\r\n1-better;money;0,4246;TRUE\r\n"
                   b"2-better;money;6,87E-02;FALSE\r\n3-better;safety;1;TRUE\r\n")
    # 6,87E-02 is not a plain decimal comma number: Excel writes it only in scientific format
    with pytest.raises(ValidationError, match="line numbers"):
        read_codes(eu)
    eu.write_bytes(b"comment_id;theme;score;assigned\r\n1-better;money;0,4246;TRUE\r\n"
                   b"2-better;money;0,0687;FALSE\r\n3-better;safety;1;TRUE\r\n")
    assert read_codes(eu)["score"].tolist() == [0.4246, 0.0687, 1.0]
    quoted = tmp_path / "codes.csv"
    quoted.write_text('comment_id,theme,score\n1-better,money,"0,42"\n', "utf-8")
    with pytest.raises(ValidationError, match="written with a decimal comma"):
        read_codes(quoted)


def test_link_with_weights_from_a_semicolon_file(tmp_path):
    from carevoice.cli import app

    (tmp_path / "respondents.csv").write_bytes(EXCEL_EU.encode("cp1252"))
    (tmp_path / "comments.csv").write_text(
        "comment_id,respondent_id,text\n" + "".join(
            f"{i}-better,00{i},some words\n" for i in range(1, 5)), "utf-8")
    (tmp_path / "codes.csv").write_bytes(
        b"comment_id;theme;score;assigned\r\n1-better;money;0,91;TRUE\r\n"
        b"2-better;money;0,12;FALSE\r\n3-better;money;0,88;TRUE\r\n")
    done = CliRunner().invoke(app, [
        "link", str(tmp_path / "comments.csv"), str(tmp_path / "codes.csv"),
        str(tmp_path / "respondents.csv"), "-o", str(tmp_path / "assoc.csv"),
        "--prevalence", str(tmp_path / "prev.csv"), "--weights", "weight"])
    assert done.exit_code == 0, done.output
    assoc = pd.read_csv(tmp_path / "assoc.csv")
    assert "age_group" in set(assoc["variable"])
    assert "hours_sleep" not in set(assoc["variable"])  # numeric, not tested level by level


# --------------------------------------------------------------------------------------------
# Turning decimal-comma reading off; numeric tick-all-that-apply answers
# --------------------------------------------------------------------------------------------
CODES_EU = ("respondent_id;age_group;support_code;activities;better\r\n"
            "001;8-10;1,5;1,2;more trips out\r\n"
            "002;11-13;2,1;2;a bike\r\n"
            "003;11-13;1,5;1,3;see my brother more\r\n"
            "004;8-10;2,1;2,3;a phone\r\n"
            "005;8-10;1;1;more pocket money\r\n")


def _codes_file(tmp_path, columns=None):
    path = tmp_path / "respondents.csv"
    text = CODES_EU
    if columns is not None:  # a respondents file: the text column left out
        text = "\r\n".join(";".join(line.split(";")[:-1]) for line in text.split("\r\n")
                           if line) + "\r\n"
    path.write_bytes(text.encode("cp1252"))
    return path


def test_decimal_comma_false_keeps_comma_codes_as_text(tmp_path, caplog):
    """'1,5' and '2,1' are a service's codes, not numbers: with no way to say so, a
    ;-separated file read them as 1.5 and 2.1."""
    import carevoice as cv

    path = _codes_file(tmp_path, columns="respondents")
    assert read_respondents(path)["support_code"].dtype == "Float64"  # the default
    caplog.clear()
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        kept = read_respondents(path, decimal_comma=False, multi_select=["activities"])
    assert str(kept["support_code"].dtype) == "category"
    assert sorted(kept["support_code"].cat.categories) == ["1", "1,5", "2,1"]
    assert not any("support_code" in r.getMessage() for r in caplog.records
                   if r.levelname == "WARNING")
    survey = tmp_path / "survey.csv"
    survey.write_bytes(CODES_EU.encode("cp1252"))
    corpus = cv.read_survey(survey, text_columns=["better"], id_column="respondent_id",
                            multi_select=["activities"], decimal_comma=False)
    assert str(corpus.respondents["support_code"].dtype) == "category"
    from carevoice.corpus import read_table, survey_from_frame

    frame = read_table(survey)
    corpus = survey_from_frame(frame, text_columns=["better"], id_column="respondent_id",
                               multi_select=["activities"], decimal_comma=False)
    assert str(corpus.respondents["support_code"].dtype) == "category"


@pytest.mark.parametrize("reader", ["read_survey", "read_respondents"])
def test_a_numeric_multi_select_is_split_not_read_as_a_decimal(tmp_path, reader):
    """'1,2' in a ;-separated file is options 1 and 2 when the column is declared a
    tick-all-that-apply question, not 1.2."""
    import carevoice as cv

    if reader == "read_survey":
        survey = tmp_path / "survey.csv"
        survey.write_bytes(CODES_EU.encode("cp1252"))
        answers = cv.read_survey(survey, text_columns=["better"], id_column="respondent_id",
                                 multi_select=["activities"]).respondents
    else:
        answers = read_respondents(_codes_file(tmp_path, columns="respondents"),
                                   multi_select=["activities"])
    assert [c for c in answers.columns if c.startswith("activities")] == [
        "activities: 1", "activities: 2", "activities: 3"]
    assert answers["activities: 1"].tolist() == ["yes", "no", "yes", "no", "yes"]


def test_no_decimal_comma_on_the_command_line(tmp_path):
    from carevoice.cli import app

    survey = tmp_path / "survey.csv"
    survey.write_bytes(CODES_EU.encode("cp1252"))
    runner = CliRunner()
    args = ["convert", str(survey), "--id-column", "respondent_id", "--text-column", "better",
            "--multi-select", "activities"]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "on")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, [*args, "--no-decimal-comma", "-o", str(tmp_path / "off")])
    assert result.exit_code == 0, result.output
    on = pd.read_csv(tmp_path / "on" / "respondents.csv", dtype=str)
    off = pd.read_csv(tmp_path / "off" / "respondents.csv", dtype=str)
    assert on["support_code"].tolist() == ["1.5", "2.1", "1.5", "2.1", "1.0"]
    assert off["support_code"].tolist() == ["1,5", "2,1", "1,5", "2,1", "1"]
    # link reads the same respondents file with or without the switch
    (tmp_path / "codes.csv").write_text("comment_id,theme\n001-better,money\n", "utf-8")
    raw = _codes_file(tmp_path, columns="respondents")
    (tmp_path / "comments.csv").write_text(
        "comment_id,respondent_id,text\n" + "".join(f"00{i}-better,00{i},x\n"
                                                    for i in range(1, 6)), "utf-8")
    result = runner.invoke(app, ["link", str(tmp_path / "comments.csv"),
                                 str(tmp_path / "codes.csv"), str(raw), "--no-decimal-comma",
                                 "--multi-select", "activities",
                                 "-o", str(tmp_path / "assoc.csv")])
    assert result.exit_code == 0, result.output
    assoc = pd.read_csv(tmp_path / "assoc.csv", dtype=str)
    assert "1,5" in set(assoc.loc[assoc["variable"] == "support_code", "level"])


@pytest.mark.parametrize("kind", ["survey", "respondents"])
def test_batch_decimal_comma_setting(tmp_path, kind):
    from carevoice.batch import load_config
    from carevoice.batch.chunks import plan_chunks
    from carevoice.batch.runner import _read_respondents, _source

    (tmp_path / "survey.csv").write_bytes(CODES_EU.encode("cp1252"))
    _codes_file(tmp_path, columns="respondents")
    (tmp_path / "c.csv").write_text("comment_id,respondent_id,text\n001-b,001,x\n", "utf-8")
    source_lines = ('survey = "survey.csv"\nid_column = "respondent_id"\n'
                    'multi_select = ["activities"]\n[input.text_columns]\nbetter = "better"\n'
                    if kind == "survey" else
                    'comments = "c.csv"\nrespondents = "respondents.csv"\n'
                    'multi_select = ["activities"]\n')

    def answers(settings: str) -> pd.DataFrame:
        toml = tmp_path / "PIPELINE.toml"
        toml.write_text(f'[run]\noutput = "run"\n[input]\n{settings}{source_lines}', "utf-8")
        cfg = load_config(toml)
        source = _source(cfg)
        return _read_respondents(cfg, source, plan_chunks(source, 100))

    assert answers("")["support_code"].dtype == "Float64"
    off = answers("decimal_comma = false\n")
    assert str(off["support_code"].dtype) == "category"
    assert "activities: 1" in off.columns
    with pytest.raises(ValidationError, match="decimal_comma"):
        answers('decimal_comma = "no"\n')
