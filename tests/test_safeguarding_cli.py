"""``carevoice safeguarding``: the flags file (columns, 0600), counts without text, errors.
Every comment here is fictional."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.cli import app
from carevoice.safeguarding import FLAG_COLUMNS, read_flags, write_flags

runner = CliRunner()
TEXTS = {"c1": "i could kill for a pizza", "c2": "my bf takes my money n checks my phone",
         "c3": "i used to cut myself but im safe now", "c4": "keep going missing from my placement"}


@pytest.fixture
def comments(tmp_path):
    path = tmp_path / "comments.csv"
    pd.DataFrame({"comment_id": list(TEXTS), "respondent_id": ["r1", "r2", "r3", "r4"],
                  "text": list(TEXTS.values())}).to_csv(path, index=False)
    return path


def _no_text(output: str) -> None:
    for text in TEXTS.values():
        assert text not in output
    for word in ("pizza", "checks my phone", "placement"):
        assert word not in output


def test_writes_flags_owner_only_and_prints_counts(comments, tmp_path):
    out = tmp_path / "flags.csv"
    result = runner.invoke(app, ["safeguarding", str(comments), "--output", str(out),
                                 "--no-similarity"])
    assert result.exit_code == 0, result.output
    flags = pd.read_csv(out, dtype=str)
    assert list(flags.columns) == list(FLAG_COLUMNS)
    assert flags[["comment_id", "category", "level"]].values.tolist() == [
        ["c2", "domestic_abuse", "priority"], ["c4", "missing", "priority"],
        ["c3", "self_harm", "review"]]
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert "3 to read now (2 with a priority flag)" in result.output
    assert "domestic_abuse: 1 priority, 0 review" in result.output
    assert "owner read/write only" in result.output
    _no_text(result.output)
    _no_text(out.read_text("utf-8"))


def test_replaces_an_existing_flags_file_owner_only(comments, tmp_path):
    out = tmp_path / "flags.csv"
    out.write_text("old", "utf-8")
    out.chmod(0o644)
    result = runner.invoke(app, ["safeguarding", str(comments), "-o", str(out),
                                 "--priority-only", "--category", "self_harm",
                                 "--no-similarity"])
    assert result.exit_code == 0, result.output
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert pd.read_csv(out).empty  # the self-harm flag is a review flag


@pytest.mark.parametrize(("args", "message"), [
    (["--output", "{comments}"], "is the COMMENTS file"),
    (["--output", "{tmp}/flags.xlsx"], "--output option must name a .csv file"),
    (["--output", "{tmp}/f.csv", "--category", "bullying"], "--category option must be"),
])
def test_errors_name_the_option_never_text(comments, tmp_path, args, message):
    args = [a.format(comments=comments, tmp=tmp_path) for a in args]
    result = runner.invoke(app, ["safeguarding", str(comments), *args, "--no-similarity"])
    assert result.exit_code == 2
    assert message in result.output
    _no_text(result.output)


def test_bad_comments_file_names_ids_not_text(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"comment_id": ["d1", "d1"], "text": [TEXTS["c2"], TEXTS["c4"]]}).to_csv(
        path, index=False)
    result = runner.invoke(app, ["safeguarding", str(path), "-o", str(tmp_path / "f.csv")])
    assert result.exit_code == 2 and "d1" in result.output
    _no_text(result.output)
    assert not (tmp_path / "f.csv").exists()


def test_read_and_write_flags(tmp_path):
    flags = pd.DataFrame({"comment_id": ["a", None, 3], "category": ["missing"] * 3})
    path = write_flags(flags, tmp_path / "f.csv")
    assert read_flags(path)["comment_id"].tolist() == ["a", "3"]
    with pytest.raises(ValueError, match="must name a .csv file") as info:
        write_flags(flags, tmp_path / "f.parquet")
    # one check, the shared one: what was expected, what was given, and why
    assert str(info.value) == ("The 'path' argument must name a .csv file; got f.parquet. "
                               "write_flags writes flags as UTF-8 CSV, owner-only (0600).")
    assert not (tmp_path / "f.parquet").exists()
    pd.DataFrame({"id": ["a"]}).to_csv(tmp_path / "g.csv", index=False)
    with pytest.raises(ValueError, match="without a 'comment_id' column"):
        read_flags(tmp_path / "g.csv", argument="safeguarding_flags")


@pytest.mark.model
def test_similarity_path_by_default(comments, tmp_path):
    out = tmp_path / "flags.csv"
    result = runner.invoke(app, ["safeguarding", str(comments), "-o", str(out)])
    assert result.exit_code == 0, result.output
    flags = pd.read_csv(out, dtype=str)
    assert {"c2", "c3", "c4"} <= set(flags["comment_id"])
    assert "c1" not in set(flags["comment_id"])  # an idiom stays unflagged
    _no_text(result.output)
