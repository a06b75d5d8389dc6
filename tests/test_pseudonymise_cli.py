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
    assert out.columns.tolist() == ["comment_id", "respondent_id", "text"]
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
