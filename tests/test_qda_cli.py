"""The export-qdpx and import-qdpx commands, run through typer's CliRunner."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from carevoice.qda import read_qdpx, validate_refi

from ._apps import qda_app

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    """The two commands as the carevoice app registers them."""
    return qda_app()


@pytest.fixture
def files(tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text(
        "comment_id,respondent_id,question_id,text\n"
        "c1,r1,better,i never see my brother\n"
        "c2,r1,care_is,\n"
        'c3,r2,better,"new social worker again, third this year"\n', "utf-8")
    codes = tmp_path / "codes.csv"
    codes.write_text("comment_id,theme,score,assigned\n"
                     "c1,family_contact,0.93,True\nc1,money,0.2,False\n"
                     "c3,staff_turnover,0.71,True\n", "utf-8")
    respondents = tmp_path / "respondents.csv"
    respondents.write_text("respondent_id,age_group,n_placements\nr1,8-10,2\nr2,16-17,5\n",
                           "utf-8")
    return comments, codes, respondents


def test_export_then_import(app, files, tmp_path):
    comments, codes, respondents = files
    out = tmp_path / "project.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "--output", str(out), "--already-pseudonymised", "--validate",
                                 "--user", "coder"])
    assert result.exit_code == 0, result.output
    assert "2 comments, 2 codings" in result.output
    assert validate_refi(out) == []
    project = read_qdpx(out)
    assert project.respondents["n_placements"].dtype == "Int64"
    assert project.codes["user"].unique().tolist() == ["coder"]

    back = tmp_path / "back.csv"
    result = runner.invoke(app, ["import-qdpx", str(out), "--output", str(back),
                                 "--comments", str(tmp_path / "c.csv"),
                                 "--respondents", str(tmp_path / "r.csv"),
                                 "--codebook", str(tmp_path / "cb.qdc")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(back)
    assert table[["comment_id", "theme", "user", "score"]].values.tolist() == [
        ["c1", "family_contact", "coder", 0.93], ["c3", "staff_turnover", "coder", 0.71]]
    assert pd.read_csv(tmp_path / "r.csv")["respondent_id"].tolist() == ["r1", "r2"]
    assert validate_refi(tmp_path / "cb.qdc") == []

    reviewed = tmp_path / "reviewed.csv"
    result = runner.invoke(app, ["import-qdpx", str(out), "-o", str(reviewed), "--reviewed",
                                 "--user", "coder"])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(reviewed).columns.tolist() == ["comment_id", "theme", "assigned"]


def test_export_with_a_qdc_codebook_and_inline_text(app, files, tmp_path):
    comments, codes, respondents = files
    first = tmp_path / "first.qdpx"
    runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                        "-o", str(first), "--already-pseudonymised"])
    qdc = tmp_path / "cb.qdc"
    runner.invoke(app, ["import-qdpx", str(first), "-o", str(tmp_path / "x.csv"),
                        "--codebook", str(qdc)])
    out = tmp_path / "second.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), "-o", str(out),
                                 "--already-pseudonymised", "--codebook", str(qdc),
                                 "--inline-text", "--name", "wave 2"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        assert z.namelist() == ["project.qde"]
    assert read_qdpx(out).name == "wave 2"


@pytest.mark.parametrize("case", ["unknown comment", "not a project", "unknown user"])
def test_errors_exit_2_without_comment_text(app, files, tmp_path, case):
    comments, codes, _ = files
    if case == "unknown comment":
        codes.write_text("comment_id,theme\nc9,money\n", "utf-8")
        args = ["export-qdpx", str(comments), str(codes), "-o", str(tmp_path / "p.qdpx"),
                "--already-pseudonymised"]
        expected = "c9"
    elif case == "not a project":
        args = ["import-qdpx", str(comments), "-o", str(tmp_path / "x.csv")]
        expected = "not a REFI-QDA project"
    else:
        out = tmp_path / "p.qdpx"
        runner.invoke(app, ["export-qdpx", str(comments), str(codes), "-o", str(out),
                            "--already-pseudonymised"])
        args = ["import-qdpx", str(out), "-o", str(tmp_path / "x.csv"), "--user", "nobody"]
        expected = "The --user option names users with no coding: nobody"  # as typed
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert "brother" not in result.output and "social worker" not in result.output


def test_a_missing_qdc_codebook_is_named_as_typed(app, files, tmp_path):
    comments, codes, _ = files
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), "-o",
                                 str(tmp_path / "p.qdpx"), "--already-pseudonymised",
                                 "--codebook", str(tmp_path / "missing.qdc")])
    assert result.exit_code == 2, result.output
    assert "The --codebook option names no file" in result.output
    assert "'path'" not in result.output


def test_export_types_answers_and_counts_only_codings(app, files, tmp_path):
    comments, codes, respondents = files
    codes.write_text("comment_id,theme,score,assigned\n"
                     "c1,family_contact,0.93,1.0\nc1,money,0.2,0.0\nc1,no_theme,0.9,1.0\n"
                     "c3,staff_turnover,0.71,1.0\n", "utf-8")
    respondents.write_text(
        "respondent_id,has_advocate,surveyed,worried,anything_else\n"
        "r1,TRUE,2024-05-01,yes,ask for Jayden Okafor on 07700 900123\n"
        "r2,false,2024-06-30,no,\n", "utf-8")
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised", "--validate"])
    assert result.exit_code == 0, result.output
    assert "2 comments, 2 codings" in result.output  # no_theme and 0.0 rows are not codings
    assert "free-text answers in anything_else written as given" in result.output
    assert "pseudonymised on export" not in result.output
    back = read_qdpx(out).respondents
    assert back["has_advocate"].tolist() == [True, False]
    assert back["surveyed"].dt.strftime("%Y-%m-%d").tolist() == ["2024-05-01", "2024-06-30"]
    assert back["worried"].dtype == "category"  # yes / no stays a category
    assert back["anything_else"].dtype == "string"  # free text: no levels
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised",
                                 "--free-text", "worried"])
    assert result.exit_code == 0, result.output
    # naming one free-text column does not make the one found a closed question
    assert "free-text answers in worried, anything_else written" in result.output
    back = read_qdpx(out).respondents
    assert back["worried"].dtype == "string" and back["anything_else"].dtype == "string"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised",
                                 "--drop-column", "anything_else"])
    assert result.exit_code == 0, result.output
    assert "free-text answers" not in result.output
    with zipfile.ZipFile(out) as z:
        everything = b"".join(z.read(n) for n in z.namelist()).decode("utf-8")
    assert "anything_else" not in everything and "Okafor" not in everything
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--drop-column", "nope"])
    assert result.exit_code == 2 and "nope" in result.output
    for extra in (["--not-free-text", "nope"], ["--not-free-text", "worried", "--free-text",
                                                 "worried"]):
        result = runner.invoke(app, ["export-qdpx", str(comments), str(codes),
                                     str(respondents), "-o", str(out), *extra])
        assert result.exit_code == 2 and "--not-free-text" in result.output, result.output


def test_export_without_codings(app, files, tmp_path):
    comments, codes, respondents = files
    codes.write_text("comment_id,theme,score,assigned\nc1,staff_turnover,0.2,False\n", "utf-8")
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised"])
    assert result.exit_code == 0, result.output
    assert "2 comments, 0 codings" in result.output
    assert validate_refi(out) == []


def test_import_refuses_changed_text_unless_allowed(app, files, tmp_path):
    comments, codes, _ = files
    out = tmp_path / "p.qdpx"
    runner.invoke(app, ["export-qdpx", str(comments), str(codes), "-o", str(out),
                        "--already-pseudonymised", "--inline-text"])
    with zipfile.ZipFile(out) as z:
        data = z.read("project.qde").decode("utf-8").replace("never see", "rarely see")
    edited = tmp_path / "edited.qdpx"
    with zipfile.ZipFile(edited, "w") as z:
        z.writestr("project.qde", data)
    result = runner.invoke(app, ["import-qdpx", str(edited), "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "changed_text" in result.output and "'c1'" in result.output
    assert "brother" not in result.output
    result = runner.invoke(app, ["import-qdpx", str(edited), "-o", str(tmp_path / "x.csv"),
                                 "--allow-changed-text"])
    assert result.exit_code == 0, result.output


@pytest.mark.model
def test_export_pseudonymises_free_text_answers(app, files, tmp_path):
    comments, codes, respondents = files
    respondents.write_text("respondent_id,age_group,anything_else\n"
                           "r1,8-10,ask for Jayden Okafor on 07700 900123\nr2,16-17,no\n",
                           "utf-8")
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ("(comment text and free-text answers in anything_else pseudonymised on export)"
            in result.output)
    with zipfile.ZipFile(out) as z:
        everything = b"".join(z.read(n) for n in z.namelist()).decode("utf-8")
    assert "Okafor" not in everything and "07700 900123" not in everything


def test_outputs_are_checked_before_any_work(app, files, tmp_path):
    comments, codes, respondents = files
    for out, expected in ((tmp_path, "folder"), (tmp_path / "project.zip", ".qdpx")):
        result = CliRunner().invoke(app, ["export-qdpx", str(comments), str(codes),
                                          str(respondents), "-o", str(out),
                                          "--already-pseudonymised"])
        assert result.exit_code == 2 and expected in result.output, result.output


def test_export_refuses_respondents_whose_ids_do_not_match(app, tmp_path):
    """A spreadsheet dropped the leading zeros: "007" in the comments, 7 in the respondents.

    `link` and `report` refuse these files with unknown_respondent; so does the export, rather
    than writing empty cases and comments without their survey variables.
    """
    comments = tmp_path / "comments.csv"
    comments.write_text("comment_id,respondent_id,text\n007-a,007,i never see my brother\n"
                        "008-a,008,new social worker again\n", "utf-8")
    codes = tmp_path / "codes.csv"
    codes.write_text("comment_id,theme,assigned\n007-a,family_contact,true\n", "utf-8")
    respondents = tmp_path / "respondents.csv"
    respondents.write_text("respondent_id,age_group\n7,8-10\n8,16-17\n", "utf-8")
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised"])
    assert result.exit_code == 2, result.output
    assert "unknown_respondent" in result.output and "007, 008" in result.output
    assert "brother" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("where", ["comment", "answer"])
def test_export_refuses_text_said_to_be_pseudonymised_with_a_direct_identifier(app, files,
                                                                              tmp_path, where):
    """Audit 2026-12 (finding 6): --already-pseudonymised wrote the text as given, unchecked.

    The free-text answers it writes as given are checked too.
    """
    comments, codes, respondents = files
    if where == "comment":
        comments.write_text(comments.read_text("utf-8") + (
            "c4,r2,care_is,email me at jay.b@example.org or ring 020 7946 0123\n"), "utf-8")
    else:
        respondents.write_text(
            "respondent_id,age_group,anything_else\n"
            "r1,8-10,my NI number is QQ 12 34 56 C and nothing else to say\nr2,16-17,no\n",
            "utf-8")
    out = tmp_path / "p.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "-o", str(out), "--already-pseudonymised"])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())  # the message is wrapped to the terminal
    if where == "comment":
        assert "COMMENTS 'comments.csv'" in said
        assert "(c4: e-mail address, phone number)" in said
    else:
        assert "free-text answers in column 'anything_else' of RESPONDENTS" in said
        assert "(r1: National Insurance number)" in said
    for text in ("jay.b", "7946", "QQ"):
        assert text not in said
    assert not out.exists()


def test_export_names_the_coder_the_codes_name_never_the_model_unasked(app, files, tmp_path):
    """Codes typed by a person are not labelled as carevoice's model's codings: the codes'
    'user' or 'coder' column, else --user, else --model-codes, else a coder not stated."""
    comments, codes, respondents = files

    def users(*options, codes_file=codes):
        out = tmp_path / "p.qdpx"
        done = runner.invoke(app, ["export-qdpx", str(comments), str(codes_file),
                                   str(respondents), "-o", str(out), "--already-pseudonymised",
                                   *options])
        assert done.exit_code == 0, done.output
        return sorted(set(read_qdpx(out).codes["user"]))

    assert users() == ["carevoice export (coder not stated)"]
    assert users("--user", "Amina") == ["Amina"]
    model = users("--model-codes")
    assert len(model) == 1 and model[0].startswith("carevoice ") and \
        "ThemeCoder" in model[0] and model[0].endswith(", codebook 1.3.0)")
    typed = tmp_path / "typed.csv"
    typed.write_text("comment_id,theme,coder\nc1,family_contact,Amina\nc3,money,Ben\n"
                     "c3,staff_turnover,\n", "utf-8")
    assert users(codes_file=typed) == ["Amina", "Ben", "carevoice export (coder not stated)"]
    assert users("--model-codes", codes_file=typed)[:2] == ["Amina", "Ben"]
    both = runner.invoke(app, ["export-qdpx", str(comments), str(codes), "-o",
                               str(tmp_path / "q.qdpx"), "--user", "Amina", "--model-codes"])
    assert both.exit_code == 2 and "--user" in both.output and "--model-codes" in both.output
    assert not (tmp_path / "q.qdpx").exists()


def test_codes_whose_manifest_says_carevoice_code_made_them_are_the_models(app, files,
                                                                            tmp_path):
    """codes.manifest.json beside the codes (as `carevoice code` writes it) names the model
    as their coder, with the codebook version and carevoice version it records, unless
    --user names another; a manifest of another step, or of other bytes, does not."""
    import json

    from carevoice.provenance import manifest_path, write_step_manifest
    from carevoice.qda.export import default_user
    from carevoice.themes import load_codebook

    comments, codes, respondents = files

    def export(*options, codes_file=codes):
        out = tmp_path / "p.qdpx"
        done = runner.invoke(app, ["export-qdpx", str(comments), str(codes_file),
                                   str(respondents), "-o", str(out), "--already-pseudonymised",
                                   *options])
        assert done.exit_code == 0, done.output
        settings = json.loads(manifest_path(out).read_text("utf-8"))["settings"]
        return sorted(set(read_qdpx(out).codes["user"])), settings, done.output

    def made_by(step, path=codes):
        write_step_manifest(path, step, seed=0, codebook=None, settings={}, inputs={},
                            outputs={"--output": path}, models=False)

    made_by("code")
    users, settings, said = export()
    model = default_user(load_codebook().version)
    assert users == [model] and settings["coder_from"] == "codes.manifest.json"
    assert "attributed to carevoice's coder, as codes.manifest.json says" in " ".join(
        said.split())
    users, settings, _ = export("--user", "Amina")
    assert users == ["Amina"] and settings["coder_from"] == "--user"
    typed = tmp_path / "typed.csv"  # rows that name their coder keep it
    typed.write_text("comment_id,theme,coder\nc1,family_contact,Amina\nc3,money,\n", "utf-8")
    made_by("code", typed)
    assert export(codes_file=typed)[0] == sorted(["Amina", model])

    made_by("pseudonymise")  # not codes carevoice's coder made
    assert export()[0] == ["carevoice export (coder not stated)"]
    made_by("code")
    codes.write_text(codes.read_text("utf-8") + "c3,money,0.9,True\n", "utf-8")  # edited since
    users, settings, _ = export()
    assert users == ["carevoice export (coder not stated)"] and settings["coder_from"] is None
    manifest_path(codes).unlink()
    assert export()[0] == ["carevoice export (coder not stated)"]


def test_import_writes_its_manifest_beside_the_codes(app, files, tmp_path):
    """As every single-step command does: the settings, the project's and every written
    file's SHA-256; the --user names (people's, perhaps) are not recorded."""
    import json

    from carevoice.provenance import codes_provenance, file_sha256

    comments, codes, respondents = files
    out = tmp_path / "project.qdpx"
    result = runner.invoke(app, ["export-qdpx", str(comments), str(codes), str(respondents),
                                 "--output", str(out), "--already-pseudonymised",
                                 "--user", "amina"])
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.csv"
    result = runner.invoke(app, ["import-qdpx", str(out), "-o", str(back), "--reviewed",
                                 "--user", "amina", "--comments", str(tmp_path / "c.csv")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "back.manifest.json").read_text("utf-8")
    assert "amina" not in text
    manifest = json.loads(text)
    assert manifest["step"] == "import-qdpx"
    assert manifest["inputs"]["PROJECT"]["sha256"] == file_sha256(out)
    assert manifest["outputs"]["--output"]["sha256"] == file_sha256(back)
    assert manifest["outputs"]["--comments"]["sha256"] == file_sha256(tmp_path / "c.csv")
    assert "--respondents" not in manifest["outputs"]
    assert manifest["settings"]["reviewed"] is True
    assert manifest["settings"]["users_given"] == 1
    # agreement and report read it: these codes were not made by carevoice's coder
    made = codes_provenance(back)
    assert made["known"] is True and made["step"] == "import-qdpx"
