"""``--levels COLUMN=LEVEL,...``: the readers' ``levels=`` on every command that reads answers.

Fictional respondents answer "How often do you see your mum?" with levels that hold a comma,
a slash and a hyphen; sorted as text they would come in another order than the one given.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.cli import app

runner = CliRunner()

#: The answers in the order the survey asked them; as text they sort "every week - or more",
#: "less often, or never", "once a month / fortnightly".
ORDER = ["less often, or never", "once a month / fortnightly", "every week - or more"]
LEVELS = ["--levels", ('see_mum="less often, or never",once a month / fortnightly,'
                      "every week - or more")]


def _flat(output: str) -> str:
    return " ".join(output.split())


def _files(folder, *, odd: str | None = None):
    """Eighteen fictional respondents, six per answer; ``odd``: respondent r4's answer."""
    comments = ["comment_id,respondent_id,question_id,text"]
    codes = ["comment_id,theme,score,assigned"]
    answers = ["respondent_id,see_mum,placement_type"]
    for i in range(18):
        comments.append(f"c{i},r{i},q,I want to see my mum more")
        codes.append(f"c{i},family_contact,0.9,{'true' if i % 3 == 0 else 'false'}")
        answer = odd if odd is not None and i == 4 else ORDER[i % 3]
        answers.append(f'r{i},"{answer}",{"foster" if i % 2 else "residential"}')
    paths = []
    for name, rows in (("comments.csv", comments), ("codes.csv", codes),
                       ("respondents.csv", answers)):
        (folder / name).write_text("\n".join(rows) + "\n", "utf-8")
        paths.append(str(folder / name))
    return paths


def _levels(frame: pd.DataFrame, column: str = "level") -> list[str]:
    rows = frame[frame["variable"] == "see_mum"] if "variable" in frame else frame
    return list(dict.fromkeys(rows[column].astype(str)))


def test_link_lists_the_levels_in_the_order_given(tmp_path):
    files = _files(tmp_path)
    out = ["--output", str(tmp_path / "assoc.csv"), "--prevalence", str(tmp_path / "prev.csv")]
    result = runner.invoke(app, ["link", *files, *out])
    assert result.exit_code == 0, result.output
    assert _levels(pd.read_csv(tmp_path / "assoc.csv")) == sorted(ORDER)  # text order by default
    result = runner.invoke(app, ["link", *files, *out, *LEVELS])
    assert result.exit_code == 0, result.output
    assert _levels(pd.read_csv(tmp_path / "assoc.csv")) == ORDER
    assert _levels(pd.read_csv(tmp_path / "prev.csv")) == ORDER


def test_compare_waves_lists_the_levels_in_the_order_given(tmp_path):
    files = _files(tmp_path)
    result = runner.invoke(app, ["compare-waves", "w1", *files, "w2", *files,
                                 "--output", str(tmp_path / "changes.csv"), "--by", "see_mum",
                                 "--prevalence", str(tmp_path / "prev.csv"), *LEVELS])
    assert result.exit_code == 0, result.output
    assert _levels(pd.read_csv(tmp_path / "changes.csv")) == ORDER
    assert _levels(pd.read_csv(tmp_path / "prev.csv")) == ORDER


def test_report_tabulates_the_levels_in_the_order_given_and_records_them(tmp_path):
    files = _files(tmp_path)
    out = tmp_path / "rep"
    result = runner.invoke(app, ["report", *files, "--output", str(out), "--format", "md",
                                 "--embedder", "hashing", "--already-pseudonymised",
                                 "--subgroup", "see_mum", "--threshold", "1", *LEVELS])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "tables" / "by_see_mum.csv")
    assert table.columns.tolist() == ["Theme", *ORDER]
    reading = json.loads((out / "manifest.json").read_text("utf-8"))["settings"]["reading"]
    assert reading == {"encoding": None, "sep": None, "missing_values": None,
                       "levels": {"see_mum": ORDER}}


def test_export_qdpx_writes_the_levels_in_the_order_given(tmp_path):
    from carevoice.qda import read_qdpx

    files = _files(tmp_path)
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", *files, "-o", str(out),
                                 "--already-pseudonymised", *LEVELS])
    assert result.exit_code == 0, result.output
    see_mum = read_qdpx(out).respondents["see_mum"]
    assert list(see_mum.cat.categories) == ORDER and see_mum.cat.ordered


def test_convert_records_the_order_given(tmp_path):
    wide = tmp_path / "export.csv"
    rows = ["ID,Anything else?,How often do you see your mum?"]
    rows += [f'{i},hello {i},"{ORDER[i % 3]}"' for i in range(9)]
    wide.write_text("\n".join(rows) + "\n", "utf-8")
    result = runner.invoke(app, [
        "convert", str(wide), "--id-column", "ID", "--text-column", "Anything else?=better",
        "--output", str(tmp_path / "long"), "--levels",
        ('How often do you see your mum?="less often, or never",once a month / fortnightly,'
        "every week - or more")])
    assert result.exit_code == 0, result.output
    schema = json.loads((tmp_path / "long" / "respondents.schema.json").read_text("utf-8"))
    assert schema["How often do you see your mum?"] == {"type": "ordered", "levels": ORDER}


def test_validate_refuses_an_answer_outside_the_levels_without_showing_it(tmp_path):
    files = _files(tmp_path, odd="at Kayleigh's nan's")
    result = runner.invoke(app, ["validate", files[0], files[2]])
    # undeclared, the column is refused as free text: a first name was typed in as an answer
    assert result.exit_code == 2, result.output
    assert "free_text_column" in _flat(result.output) and "Kayleigh" not in result.output
    result = runner.invoke(app, ["validate", files[0], files[2], *LEVELS])
    assert result.exit_code == 2, result.output
    flat = _flat(result.output)
    assert "unknown_level [column 'see_mum']" in flat and "(r4)" in flat
    assert "1 answer is not among the levels" in flat and "given once, not shown" in flat
    assert "Kayleigh" not in result.output
    ok = _files(tmp_path)
    result = runner.invoke(app, ["validate", ok[0], ok[2], *LEVELS])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["validate", "link", "report", "compare-waves",
                                     "export-qdpx", "convert"])
def test_a_column_the_respondents_lack_is_named(tmp_path, command):
    files = _files(tmp_path)
    wide = tmp_path / "export.csv"
    wide.write_text("ID,Q,see_mum\n1,hi,weekly\n2,hello,monthly\n", "utf-8")
    args = {"validate": ["validate", files[0], files[2]],
            "link": ["link", *files, "--output", str(tmp_path / "assoc.csv")],
            "report": ["report", *files, "--output", str(tmp_path / "rep"), "--format", "md",
                       "--embedder", "hashing", "--already-pseudonymised"],
            "compare-waves": ["compare-waves", "w1", *files, "w2", *files,
                              "--output", str(tmp_path / "changes.csv")],
            "export-qdpx": ["export-qdpx", *files, "-o", str(tmp_path / "p.qdpx")],
            "convert": ["convert", str(wide), "--id-column", "ID", "--text-column", "Q",
                        "--output", str(tmp_path / "long")]}[command]
    result = runner.invoke(app, [*args, "--levels", "see_mom=weekly,monthly"])
    assert result.exit_code == 2, result.output
    flat = _flat(result.output)
    assert "The --levels option names columns" in flat and "['see_mom']" in flat
    assert not re.search(r"'\w+' (argument|parameter)", flat), flat
    assert not (tmp_path / "assoc.csv").exists() and not (tmp_path / "long").exists()


@pytest.mark.parametrize(("value", "said"), [
    ("see_mum", "its 1st value has no column before '='"),
    ("=weekly,monthly", "its 1st value has no column before '='"),
    ("see_mum=", "gives no levels for column 'see_mum'"),
    ("see_mum=weekly,,monthly", "gives an empty level for column 'see_mum' (the 2nd of 3)"),
    ("see_mum=weekly,monthly,", "gives an empty level for column 'see_mum' (the 3rd of 3)"),
    ("see_mum=Weekly,monthly,weekly", ("the same level twice for column 'see_mum' (the 1st "
                                      "and 3rd of 3, ignoring case)")),
    ('see_mum="less often, or never,weekly', "for column 'see_mum' opens a double quote"),
])
def test_bad_levels_are_named_by_the_option_and_column(tmp_path, value, said):
    files = _files(tmp_path)
    result = runner.invoke(app, ["link", *files, "--output", str(tmp_path / "assoc.csv"),
                                 "--levels", value])
    assert result.exit_code == 2, result.output
    flat = _flat(result.output)
    assert flat.startswith("error: The --levels option") and said in flat, flat
    assert "Traceback" not in result.output and not (tmp_path / "assoc.csv").exists()
    assert "weekly" not in flat and "never" not in flat  # a level is named by its place


def test_a_column_given_twice_and_levels_without_respondents_are_refused(tmp_path):
    files = _files(tmp_path)
    result = runner.invoke(app, ["link", *files, "--output", str(tmp_path / "assoc.csv"),
                                 "--levels", "see_mum=a,b", "--levels", "see_mum=b,a"])
    assert result.exit_code == 2
    assert "gives the column 'see_mum' twice" in _flat(result.output)
    for args in (["validate", files[0]],
                 ["export-qdpx", files[0], files[1], "-o", str(tmp_path / "p.qdpx")]):
        result = runner.invoke(app, [*args, *LEVELS])
        assert result.exit_code == 2, result.output
        assert "no RESPONDENTS file was given" in _flat(result.output)


def test_help_says_how_to_write_a_level_with_a_comma():
    result = runner.invoke(app, ["link", "--help"], terminal_width=200)
    flat = _flat(re.sub(r"[│╭╮╰╯─]", " ", result.output))
    assert "--levels" in flat and "put a level with a comma in double quotes" in flat
