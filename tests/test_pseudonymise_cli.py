"""Bad input, errors without comment text, and the commands through typer's CliRunner."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from carevoice.errors import CarevoiceError, InputError
from carevoice.pseudonymise import NameDetector, PatternDetector, detect_pii, pseudonymise
from carevoice.pseudonymise.command import pseudonymise_command, reidentify_command

DETECTORS = (PatternDetector(), NameDetector())
SECRET = b"test-secret-with-enough-bytes-0123456789"


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """A local app with the two commands, registered the way carevoice.cli does."""
    app = typer.Typer()
    app.command("pseudonymise")(pseudonymise_command)
    app.command("reidentify")(reidentify_command)
    return app


def test_bad_cells_pass_through_safely():
    big = ("my brother Kai " + "blah " * 20_000)[:100_000]
    comments = pd.DataFrame({
        "comment_id": ["empty", "space", "nan", "none", "int", "float", "emoji", "mixed", "big"],
        "text": ["", "   ", np.nan, None, 12345, 3.5, "😀😀 me and kai 🎉 went",
                 "Привет Kai, 你好 Bev مرحبا", big],
    })
    result = pseudonymise(comments, secret=SECRET, detectors=DETECTORS)
    texts = dict(zip(result.comments["comment_id"], result.comments["text"], strict=True))
    assert texts["empty"] == "" and texts["space"] == "   "
    assert pd.isna(texts["nan"]) and texts["none"] is None
    assert texts["emoji"] == "😀😀 me and [PERSON_1] 🎉 went"
    assert "Kai" not in texts["mixed"] and "Bev" not in texts["mixed"]
    # words in a script the rules cannot read are masked too, not passed through
    assert texts["mixed"] == ("[OTHER_SCRIPT_1] [PERSON_1], [OTHER_SCRIPT_2] [PERSON_2] "
                              "[OTHER_SCRIPT_3]")
    assert texts["big"].startswith("my brother [PERSON_1] ")


@pytest.mark.model
def test_bad_cells_with_spacy():
    comments = pd.DataFrame({"comment_id": ["a", "b", "c", "d"],
                             "text": ["", np.nan, "😀 Sarah Jones 🎉", "x" * 50_000 + " Leeds"]})
    spans = detect_pii(comments)
    assert set(spans["comment_id"]) >= {"c"}


@pytest.mark.parametrize(("frame", "word"), [
    (pd.DataFrame({"id": ["a"], "text": ["Kai Brennan rang"]}), "comment_id"),
    (pd.DataFrame({"comment_id": ["a", "a"], "text": ["Kai Brennan", "Bev"]}), "duplicate"),
])
def test_errors_name_ids_never_text(frame, word):
    with pytest.raises(InputError, match=word) as err:
        pseudonymise(frame, detectors=DETECTORS)
    assert "Kai" not in str(err.value) and "Bev" not in str(err.value)


def test_not_a_frame():
    with pytest.raises(InputError, match="DataFrame"):
        pseudonymise(["Kai"], detectors=DETECTORS)  # type: ignore[arg-type]


def write_csv(path, rows):
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_cli_round_trip(tmp_path, app):
    src = write_csv(tmp_path / "comments.csv", {
        "comment_id": ["c1", "c2", "c3"], "respondent_id": ["r1", "r2", "r3"],
        "text": ["me and Kai went", "ring 07700 900123 or email kai@example.com", "n/a"]})
    runner = CliRunner()
    done = runner.invoke(app, [
        "pseudonymise", str(src), "--output", str(tmp_path / "out.csv"),
        "--spans", str(tmp_path / "spans.jsonl"), "--key-file", str(tmp_path / "key.json"),
        "--new-secret", str(tmp_path / "secret.txt"), "--review-file", str(tmp_path / "r.csv")])
    assert done.exit_code == 0, done.output
    assert "Kai" not in done.output and "07700" not in done.output
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    # needs_review: the comments a report must not quote until the review is done
    assert out.columns.tolist() == ["comment_id", "respondent_id", "text", "needs_review"]
    assert "Kai" not in " ".join(out["text"]) and "07700" not in " ".join(out["text"])
    spans = [json.loads(line) for line in (tmp_path / "spans.jsonl").read_text().splitlines()]
    assert {"comment_id", "start", "end", "label", "score", "detector"} <= set(spans[0])
    text = "me and Kai went"
    assert any(s["comment_id"] == "c1" and text[s["start"]:s["end"]] == "Kai" for s in spans)
    back = runner.invoke(app, ["reidentify", str(tmp_path / "out.csv"), "--key-file",
                               str(tmp_path / "key.json"), "--secret-file",
                               str(tmp_path / "secret.txt"), "-o", str(tmp_path / "back.csv")])
    assert back.exit_code == 0, back.output
    restored = pd.read_csv(tmp_path / "back.csv", dtype=str, keep_default_na=False)
    assert restored["text"].tolist()[:2] == ["me and Kai went",
                                             "ring 07700 900123 or email kai@example.com"]


def test_cli_key_needs_a_secret(tmp_path, app):
    src = write_csv(tmp_path / "c.csv", {"comment_id": ["c1"], "text": ["me and Kai"]})
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                                    "--key-file", str(tmp_path / "k.json")])
    assert done.exit_code == 2
    assert "secret" in done.output and "Kai" not in done.output
    assert not (tmp_path / "k.json").exists()


def test_cli_bad_mode_and_missing_column(tmp_path, app):
    src = write_csv(tmp_path / "c.csv", {"comment_id": ["c1"], "text": ["me and Kai"]})
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                                    "--mode", "blur"])
    assert done.exit_code == 2 and "mode" in done.output
    bad = write_csv(tmp_path / "b.csv", {"id": ["c1"], "answer": ["me and Kai"]})
    done = CliRunner().invoke(app, ["pseudonymise", str(bad), "-o", str(tmp_path / "o.csv")])
    assert done.exit_code == 2 and "Kai" not in done.output


def test_cli_reads_cp1252_and_applies_decisions(tmp_path, app):
    src = tmp_path / "c.csv"
    src.write_bytes("comment_id,text\nc1,caf\xe9 with Zorblax\nc2,me and kai\n".encode("cp1252"))
    runner = CliRunner()
    first = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                                "--review-file", str(tmp_path / "r.csv"),
                                "--review-threshold", "1.0"])
    assert first.exit_code == 0, first.output
    review = pd.read_csv(tmp_path / "r.csv", dtype=str, keep_default_na=False,
                         encoding="utf-8-sig")
    assert "Zorblax" in review["span_text"].tolist()
    review["decision"] = ["accept" if t == "kai" else "reject" for t in review["span_text"]]
    review.to_csv(tmp_path / "r.csv", index=False)
    second = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o2.csv"),
                                 "--decisions", str(tmp_path / "r.csv")])
    assert second.exit_code == 0, second.output
    out = pd.read_csv(tmp_path / "o2.csv", dtype=str, keep_default_na=False)
    assert out["text"].tolist()[0] == "café with Zorblax"
    assert "kai" not in out["text"].tolist()[1]


def test_carevoice_errors_are_value_errors():
    assert issubclass(InputError, CarevoiceError) and issubclass(InputError, ValueError)


def test_cli_reads_a_token_model_of_ones_own(tmp_path, app):
    from carevoice.pseudonymise import PseudonymiseConfig, train_token_model

    marked = [(f"my mate {n} is kind", [(8, 8 + len(n), "PERSON")])
              for n in ("zorn", "quill", "brax", "tilde", "vosk", "perrin")]
    marked += [("my mate is kind and fun", [])] * 6
    model = train_token_model(marked, min_count=1, strength=10.0).save(tmp_path / "mine.npz")
    src = tmp_path / "c.csv"
    pd.DataFrame({"comment_id": ["a"], "text": ["my mate quorbex is kind"]}).to_csv(src,
                                                                                index=False)
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                                    "--spans", str(tmp_path / "s.jsonl"),
                                    "--token-model", str(model)])
    assert done.exit_code == 0, done.output
    spans = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert any("learned" in s["detector"] and (s["start"], s["end"]) == (8, 15) for s in spans)
    with pytest.raises(InputError, match="'token_model'"):
        PseudonymiseConfig(token_model=tmp_path / "absent.npz")
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                                    "--token-model", str(tmp_path / "absent.npz")])
    assert done.exit_code != 0 and "token_model" in done.output


def test_cli_checks_every_path_before_writing(tmp_path, app):
    # a run refused because the key file exists must not have written OUT.csv first
    src = write_csv(tmp_path / "c.csv", {"comment_id": ["c1"], "text": ["me and Kai went"]})
    secret = tmp_path / "s.txt"
    secret.write_text("a-secret-long-enough-for-carevoice-tests\n")
    out, key = tmp_path / "out.csv", tmp_path / "key.json"
    out.write_text("earlier output\n")
    key.write_text("earlier key\n")
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(out), "--spans",
                                    str(tmp_path / "s.jsonl"), "--key-file", str(key),
                                    "--secret-file", str(secret)])
    assert done.exit_code == 2 and "exists already" in done.output
    assert out.read_text() == "earlier output\n" and key.read_text() == "earlier key\n"
    assert not (tmp_path / "s.jsonl").exists()


@pytest.mark.parametrize("option", ["-o", "--spans", "--review-file"])
def test_cli_never_writes_over_its_input(tmp_path, app, option):
    src = write_csv(tmp_path / "same.csv", {"comment_id": ["c1"], "text": ["me and Kai went"]})
    raw = src.read_bytes()
    args = ["pseudonymise", str(src), "-o", str(src if option == "-o" else tmp_path / "o.csv")]
    if option != "-o":
        args += [option, str(src)]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 2 and "never writes over its input" in done.output
    assert src.read_bytes() == raw
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "x.csv"),
                                    "--spans", str(tmp_path / "x.csv")])
    assert done.exit_code == 2 and "same file" in done.output


def test_cli_quotes_a_bare_carriage_return(tmp_path, app):
    src = tmp_path / "c.csv"
    pd.DataFrame({"comment_id": ["c1", "c2"], "text": ["mac Kai\rline3", "fine"]}).to_csv(
        src, index=False, lineterminator="\r\n")
    runner = CliRunner()
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                               "--spans", str(tmp_path / "s.jsonl"), "--new-secret",
                               str(tmp_path / "secret.txt"), "--key-file",
                               str(tmp_path / "k.json")])
    assert done.exit_code == 0, done.output
    out = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert out["comment_id"].tolist() == ["c1", "c2"] and "\r" in out["text"].iloc[0]
    assert "Kai" not in out["text"].iloc[0]
    text = "mac Kai\rline3"
    for span in map(json.loads, (tmp_path / "s.jsonl").read_text().splitlines()):
        assert "\r" not in text[span["start"]:span["end"]]  # no span runs over the line break
    back = runner.invoke(app, ["reidentify", str(tmp_path / "o.csv"), "--key-file",
                               str(tmp_path / "k.json"), "--secret-file",
                               str(tmp_path / "secret.txt"), "-o", str(tmp_path / "b.csv")])
    assert back.exit_code == 0, back.output
    restored = pd.read_csv(tmp_path / "b.csv", dtype=str, keep_default_na=False)
    assert restored["text"].tolist() == [text, "fine"]
    # LF lines as every other carevoice CSV, the carriage return kept inside its quoted field
    assert (tmp_path / "o.csv").read_bytes().count(b"\r\n") == 0
    assert b'"mac [' in (tmp_path / "o.csv").read_bytes()
    assert (tmp_path / "b.csv").read_bytes() == (
        b'comment_id,text,needs_review\nc1,"mac Kai\rline3",False\nc2,fine,False\n')


def test_cli_files_with_original_text_are_owner_only(tmp_path, app):
    import os
    import stat

    src = write_csv(tmp_path / "c.csv", {"comment_id": ["c1"], "text": ["me and Zorblax went"]})
    key = tmp_path / "k.json"
    key.write_text("old")
    key.chmod(0o644)
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                                    "--new-secret", str(tmp_path / "s.txt"), "--key-file",
                                    str(key), "--overwrite", "--review-file",
                                    str(tmp_path / "r.csv"), "--review-threshold", "1.0"])
    assert done.exit_code == 0, done.output
    for path in (key, tmp_path / "r.csv", tmp_path / "s.txt"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path.name


def test_cli_reidentify_refuses_another_waves_file(tmp_path, app):
    runner = CliRunner()
    wave1 = write_csv(tmp_path / "w1.csv", {"comment_id": ["c1"], "text": ["me and Kai went"]})
    # (two comments that pseudonymise to the same words cannot be told apart by any check)
    wave2 = write_csv(tmp_path / "w2.csv", {"comment_id": ["c1"], "text": ["Zara said hi"]})
    secret = tmp_path / "s.txt"
    first = runner.invoke(app, ["pseudonymise", str(wave1), "-o", str(tmp_path / "o1.csv"),
                                "--new-secret", str(secret), "--key-file",
                                str(tmp_path / "k1.json")])
    second = runner.invoke(app, ["pseudonymise", str(wave2), "-o", str(tmp_path / "o2.csv"),
                                 "--secret-file", str(secret)])
    assert first.exit_code == 0 and second.exit_code == 0
    args = ["reidentify", str(tmp_path / "o2.csv"), "--key-file", str(tmp_path / "k1.json"),
            "--secret-file", str(secret), "-o", str(tmp_path / "b.csv")]
    done = runner.invoke(app, args)
    assert done.exit_code == 2 and "c1" in done.output and "Kai" not in done.output
    assert not (tmp_path / "b.csv").exists()
    kept = runner.invoke(app, [*args, "--keep-changed"])
    assert kept.exit_code == 0 and "left masked" in kept.output
    restored = pd.read_csv(tmp_path / "b.csv", dtype=str, keep_default_na=False)
    assert restored["text"].tolist() == ["[PERSON_1] said hi"]


def test_cli_previous_key_continues_the_tags(tmp_path, app):
    runner = CliRunner()
    wave1 = write_csv(tmp_path / "w1.csv", {"comment_id": ["a1"], "text": ["me and Kai went"]})
    wave2 = write_csv(tmp_path / "w2.csv", {"comment_id": ["b1"],
                                            "text": ["Zorblax and Kai came"]})
    secret = tmp_path / "s.txt"
    assert runner.invoke(app, ["pseudonymise", str(wave1), "-o", str(tmp_path / "o1.csv"),
                               "--new-secret", str(secret), "--key-file",
                               str(tmp_path / "k1.json")]).exit_code == 0
    done = runner.invoke(app, ["pseudonymise", str(wave2), "-o", str(tmp_path / "o2.csv"),
                               "--secret-file", str(secret), "--previous-key",
                               str(tmp_path / "k1.json"), "--tag-style", "words"])
    assert done.exit_code == 0, done.output
    out = pd.read_csv(tmp_path / "o2.csv", dtype=str)
    assert out["text"].tolist() == ["[Person 2] and [Person 1] came"]
    done = runner.invoke(app, ["pseudonymise", str(wave2), "-o", str(tmp_path / "o3.csv"),
                               "--previous-key", str(tmp_path / "k1.json")])
    assert done.exit_code == 2 and "secret" in done.output


def test_cli_maps_columns_and_says_how(tmp_path, app):
    bad = write_csv(tmp_path / "b.csv", {"ID": ["c1"], "Answer": ["me and Kai went"]})
    done = CliRunner().invoke(app, ["pseudonymise", str(bad), "-o", str(tmp_path / "o.csv")])
    assert done.exit_code == 2 and "--column ID=comment_id" in done.output
    done = CliRunner().invoke(app, ["pseudonymise", str(bad), "-o", str(tmp_path / "o.csv"),
                                    "--column", "ID=comment_id", "--column", "Answer=text"])
    assert done.exit_code == 0, done.output
    out = pd.read_csv(tmp_path / "o.csv", dtype=str)
    assert out["text"].tolist() == ["me and [PERSON_1] went"]


def test_cli_refuses_other_columns_of_free_text_until_left_out(tmp_path, app):
    src = write_csv(tmp_path / "c.csv", {
        "comment_id": ["c1", "c2", "c3"], "respondent_id": ["r1", "r2", "r3"],
        "question_id": ["better"] * 3, "text": ["me and Kai went", "fine", "n/a"],
        "wave": ["w1"] * 3, "child_name": ["Zebedee Quorn", "Marigold Bramble", "Kai Brennan"],
        "worker_note": ["call 07700 900222", None, "rang twice"]})
    out = tmp_path / "o.csv"
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(out)])
    assert done.exit_code == 2, done.output
    assert "'child_name'" in done.output and "'worker_note'" in done.output
    assert "'wave'" not in done.output and "--drop-column" in done.output
    assert "Zebedee" not in done.output and "07700" not in done.output and not out.exists()
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(out), "--drop-column",
                                    "child_name", "--drop-column", "worker_note"])
    assert done.exit_code == 0, done.output
    written = pd.read_csv(out, dtype=str)
    assert written.columns.tolist() == ["comment_id", "respondent_id", "question_id", "text",
                                        "wave", "needs_review"]
    assert "Zebedee" not in out.read_text("utf-8") and "07700" not in out.read_text("utf-8")
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(out), "--drop-column",
                                    "text"])
    assert done.exit_code == 2 and "'text'" in done.output


def test_cli_output_must_be_csv_and_semicolon_files_are_read(tmp_path, app):
    src = tmp_path / "c.csv"
    src.write_text("comment_id;text\nc1;my sw Jayden left\nc2;i like school\n", "utf-8")
    refused = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.xlsx")])
    assert refused.exit_code == 2 and ".csv" in refused.output
    assert not (tmp_path / "o.xlsx").exists()
    done = CliRunner().invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv")])
    assert done.exit_code == 0, done.output
    assert "Jayden" not in (tmp_path / "o.csv").read_text("utf-8")


def test_comments_without_an_id_are_refused_by_index():
    frame = pd.DataFrame({"comment_id": ["c1", None, " "], "text": ["a", "Zebedee Quorn", "b"]})
    with pytest.raises(InputError) as info:
        pseudonymise(frame)
    assert "2 comment(s) without" in str(info.value) and "Zebedee" not in str(info.value)


def test_cli_reidentify_says_when_the_key_is_not_the_files(tmp_path, app):
    # the audit: "41 comments re-identified from 1 occurrences", exit 0, every comment tagged
    runner = CliRunner()
    secret = tmp_path / "s.txt"
    small = write_csv(tmp_path / "small.csv", {"comment_id": ["q1"], "text": ["me and Kai"]})
    texts = [f"Zara and Bev said hi {i}" for i in range(5)]
    big = write_csv(tmp_path / "big.csv", {"comment_id": [f"b{i}" for i in range(5)],
                                           "text": texts})
    for source, out, key in ((small, "o1.csv", "k1.json"), (big, "o2.csv", "k2.json")):
        option = ["--new-secret", str(secret)] if key == "k1.json" else [
            "--secret-file", str(secret)]
        done = runner.invoke(app, ["pseudonymise", str(source), "-o", str(tmp_path / out),
                                   *option, "--key-file", str(tmp_path / key)])
        assert done.exit_code == 0, done.output
    args = ["--secret-file", str(secret), "-o", str(tmp_path / "back.csv")]
    done = runner.invoke(app, ["reidentify", str(tmp_path / "o2.csv"), "--key-file",
                               str(tmp_path / "k1.json"), *args])
    assert done.exit_code == 2 and "Does this key belong to this file" in done.output
    assert "b0" in done.output and "Zara" not in done.output
    assert not (tmp_path / "back.csv").exists()
    # some comments from another file: restored where the key knows them, the rest named
    mixed = pd.concat([pd.read_csv(tmp_path / "o1.csv", dtype=str),
                       pd.read_csv(tmp_path / "o2.csv", dtype=str)], ignore_index=True)
    mixed.to_csv(tmp_path / "mixed.csv", index=False)
    done = runner.invoke(app, ["reidentify", str(tmp_path / "mixed.csv"), "--key-file",
                               str(tmp_path / "k1.json"), *args])
    assert done.exit_code == 0, done.output
    assert "1 of 6 comments re-identified" in done.output
    assert "warning: 5 of the 6 comment(s) hold carevoice tags" in done.output
    assert "b0, b1" in done.output and "Zara" not in done.output
    back = pd.read_csv(tmp_path / "back.csv", dtype=str)
    assert back["text"].iloc[0] == "me and Kai" and "Zara" not in " ".join(back["text"])
