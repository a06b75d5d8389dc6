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
