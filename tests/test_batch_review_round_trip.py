"""A batch run's review round trip: review rows out, a reviewer's decisions back in.

``carevoice pseudonymise --review-file`` lists the spans, and the words in a shape of a missed
name, that a person should decide, and ``--decisions`` applies a filled-in copy. A batch run
wrote only ``outputs/review_flags.csv`` (ids and reasons) and read no decisions: a flagged
comment could be cleared only by editing ``needs_review`` by hand, and a reviewer's decisions
could not be applied to a re-run. Now the run writes ``outputs/review.csv`` (the review file's
columns, without text) and ``[pseudonymise] decisions`` applies a filled-in copy.
Everything here is fictional.
"""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.batch import run_batch
from carevoice.cli import app
from carevoice.errors import ValidationError
from carevoice.pseudonymise import PseudonymiseConfig, pseudonymise, read_decisions
from carevoice.pseudonymise.review import REVIEW_COLUMNS

pytestmark = pytest.mark.slow

#: Names the detectors score low ("zuleika" after "ghosted", "brixa" after "messaged": also
#: words in a shape of a missed name) and one they are sure of.
TEXTS = ["I miss my sister Marvel, Marvel is only six.",
         "i ghosted zuleika after she lied about me",
         "we messaged brixa all night and it was fun",
         "Money is tight, my mate Darnel lends me some when I run out.",
         "I want more pocket money for the bus.",
         "Kai rang me on 07700 900123 last week."] + [
             f"school is ok and my tutor helps {i}" for i in range(5)] + [
         # a word after two tags: cleared at its place in the pseudonymised text
         "Kai and Amara messaged quenby after tea"]
NAMES = ("Marvel", "zuleika", "brixa", "Darnel", "quenby", "Amara")


def _settings(folder: Path, decisions: str | None = None) -> Path:
    toml = folder / "PIPELINE.toml"
    toml.write_text(
        '[run]\noutput = "run"\nprogress = false\nseed = 0\nchunk_size = 4\n'
        '[input]\ncomments = "comments.csv"\n'
        '[pseudonymise]\nuse_spacy = false\nmin_score = 0.55\n'
        + (f'decisions = "{decisions}"\n' if decisions else "")
        + '[embed]\nmodel = "hashing"\n', "utf-8")
    return toml


def _comments(folder: Path) -> pd.DataFrame:
    frame = pd.DataFrame({"comment_id": [f"c{i:02d}" for i in range(len(TEXTS))],
                          "text": TEXTS})
    frame.to_csv(folder / "comments.csv", index=False)
    return frame


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _run(toml: Path) -> str:
    done = CliRunner().invoke(app, ["run", str(toml), "--no-progress"])
    assert done.exit_code == 0, done.output
    return done.output


def _detect_keys(folder: Path) -> list[str]:
    manifest = json.loads((folder / "run" / "manifest.json").read_text())
    return [chunk["detect_key"] for chunk in manifest["chunks"]]


def _log_tail(folder: Path) -> str:
    log = (folder / "run" / "run.log").read_text()
    return log[log.rindex(" start: "):]


def test_review_rows_out_decisions_in(tmp_path: Path) -> None:
    frame = _comments(tmp_path)
    out = tmp_path / "run" / "outputs"
    _run(_settings(tmp_path))

    # 1. the review rows: the review file's columns and format, owner-only, no text
    path = out / "review.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, as --review-file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = _read(path)
    assert rows.columns.tolist() == list(REVIEW_COLUMNS)
    assert (rows[["span_text", "context", "fingerprint"]] == "").all().all()
    raw = path.read_text("utf-8-sig")
    assert not [name for name in NAMES if name in raw]
    shape = rows["detector"].str.startswith("shape:")
    assert set(rows.loc[shape, "comment_id"]) == {"c01", "c02", "c11"}
    assert set(rows.loc[rows["in_output"] == "unmasked (min_score)", "comment_id"]) == {
        "c00", "c01", "c02", "c11"}
    assert set(rows["decision"]) == {""}  # a person's to fill in: the run decides none
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["not_published"]["review"] == {"file": "outputs/review.csv"}
    assert "review" not in manifest["outputs"]
    flags = _read(out / "review_flags.csv")
    assert {"c01", "c02", "c11"} <= set(flags["comment_id"])
    for cid in ("c02", "c11"):
        assert "shape_after_contact" in set(flags.loc[flags["comment_id"] == cid, "reason"])
    first = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False)
    first_bytes = (out / "comments.csv").read_bytes()
    assert first.set_index("comment_id").loc[["c01", "c02"], "needs_review"].tolist() == [
        "True", "True"]
    first_keys = _detect_keys(tmp_path)

    # 2. a reviewer: "zuleika" is a name (accept), "brixa" is none (reject the flag)
    decided = rows.copy()
    # (each row of the word: the span min_score left unmasked, and the shape's)
    decided.loc[decided["comment_id"] == "c01", "decision"] = "accept"
    decided.loc[decided["comment_id"].isin(["c02", "c11"]), "decision"] = "reject"
    decided.to_csv(tmp_path / "review-decided.csv", index=False)
    _run(_settings(tmp_path, "review-decided.csv"))
    second = pd.read_csv(out / "comments.csv", dtype=str, keep_default_na=False).set_index(
        "comment_id")
    assert second.loc["c01", "text"].startswith("i ghosted [PERSON_")
    assert "zuleika" not in (out / "comments.csv").read_text()
    assert second.loc["c02", "text"] == TEXTS[2]  # no name: left as written
    assert second.loc["c11", "text"].endswith("] messaged quenby after tea")
    assert second.loc[["c01", "c02", "c11"], "needs_review"].tolist() == ["False"] * 3
    assert second.loc["c00", "needs_review"] == "True"  # its guessed span is still undecided
    flags = _read(out / "review_flags.csv")
    assert not {"c01", "c02", "c11"} & set(flags["comment_id"])
    assert not {"c01", "c02", "c11"} & set(_read(out / "review.csv")["comment_id"])
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    digest = hashlib.sha256((tmp_path / "review-decided.csv").read_bytes()).hexdigest()
    assert manifest["inputs"]["decisions"] == {"file": "review-decided.csv", "sha256": digest}
    assert manifest["settings"]["pseudonymise"]["decisions"] == "review-decided.csv"
    # the decisions changed detection: no chunk detected under no decisions was reused
    second_keys = _detect_keys(tmp_path)
    assert not set(first_keys) & set(second_keys)
    assert "detect: 0 chunks reused, 3 to compute" in _log_tail(tmp_path)
    # the same as carevoice pseudonymise --decisions over the whole file in one piece
    with pytest.warns(UserWarning, match="left 1 .* c00"):  # undecided: still unmasked
        one = pseudonymise(frame, PseudonymiseConfig(use_spacy=False, min_score=0.55),
                           decisions=read_decisions(tmp_path / "review-decided.csv"))
    assert second["text"].tolist() == one.comments["text"].tolist()

    # 3. the same decisions again: every chunk reused; other decisions: detected again
    _run(_settings(tmp_path, "review-decided.csv"))
    assert "detect: 3 chunks reused, 0 to compute" in _log_tail(tmp_path)
    assert _detect_keys(tmp_path) == second_keys
    decided["decision"] = ""  # a reviewer who decided nothing: the first run's outputs
    decided.to_csv(tmp_path / "review-decided.csv", index=False)
    with pytest.warns(UserWarning, match="min_score = 0.55 left 4"):  # as the first run
        result = run_batch(_settings(tmp_path, "review-decided.csv"))
    assert "detect: 0 chunks reused, 3 to compute" in _log_tail(tmp_path)
    assert (out / "comments.csv").read_bytes() == first_bytes
    assert result.outputs["review"] == out / "review.csv"
    assert result.counts["for_review"] == len(rows)


def test_decisions_for_other_comments_stop_the_run_before_any_work(tmp_path: Path) -> None:
    _comments(tmp_path)
    pd.DataFrame({"comment_id": ["c01", "x77", "c04"], "start": [10, 0, 30],
                  "end": [17, 4, 90], "label": ["PERSON"] * 3,
                  "decision": ["accept", "reject", "accept"]}).to_csv(
        tmp_path / "wrong.csv", index=False)
    with pytest.raises(ValidationError) as caught:
        run_batch(_settings(tmp_path, "wrong.csv"))
    said = str(caught.value)
    assert "[pseudonymise] decisions" in said and "'wrong.csv'" in said
    assert "not in this run's input" in said and "x77" in said
    assert "outside the text" in said and "c04" in said
    assert not [name for name in (*NAMES, "pocket money") if name in said]
    assert not (tmp_path / "run" / "outputs").exists()
    assert not (tmp_path / "run" / "chunks").exists()
    # a decisions file inside the run folder is refused as every input there is
    (tmp_path / "run").mkdir(exist_ok=True)
    (tmp_path / "run" / "d.csv").write_bytes((tmp_path / "wrong.csv").read_bytes())
    done = CliRunner().invoke(app, ["run", str(_settings(tmp_path, "run/d.csv"))])
    assert done.exit_code == 2 and "[pseudonymise] decisions" in done.output
