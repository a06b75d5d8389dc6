"""A batch run's full review file, and its review rows given back unedited.

``outputs/review.csv`` holds no text (it sits in the shared run folder), so a reviewer had to
look each word up by ``comment_id`` and offsets, and decisions made on it carried no
fingerprint to catch a comment changed since. ``[pseudonymise] review_file`` now writes the
rows with their words outside the run folder, as ``carevoice pseudonymise --review-file``
does. And the rows were written ``reject`` on the spans ``min_score`` left unmasked: given
back unedited they cleared ``needs_review`` on comments nobody had read.
Everything here is fictional.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.batch import run_batch
from carevoice.cli import app
from carevoice.errors import ValidationError

pytestmark = pytest.mark.slow

#: Names the rules guess (scored below min_score, and in no shape of a missed name: only
#: min_score flags them) and a sure one.
TEXTS = ["brixa is my best friend at school",
         "went to the park with tamsyn and her dog",
         "Kai rang me on 07700 900123 last week.",
         "school is ok and my tutor helps me"]
NAMES = ("brixa", "tamsyn")


def _settings(folder: Path, extra: str = "") -> Path:
    toml = folder / "PIPELINE.toml"
    toml.write_text(
        '[run]\noutput = "run"\nprogress = false\nseed = 0\nchunk_size = 2\n'
        '[input]\ncomments = "comments.csv"\n'
        '[pseudonymise]\nuse_spacy = false\nuse_learned = false\nmin_score = 0.55\n'
        + extra
        + '[embed]\nmodel = "hashing"\n', "utf-8")
    return toml


def _comments(folder: Path, texts: list[str] = TEXTS) -> None:
    pd.DataFrame({"comment_id": [f"b{i}" for i in range(len(texts))], "text": texts}).to_csv(
        folder / "comments.csv", index=False)


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _run(toml: Path) -> None:
    done = CliRunner().invoke(app, ["run", str(toml), "--no-progress"])
    assert done.exit_code == 0, done.output


def _flagged(folder: Path) -> list[str]:
    out = _read(folder / "run" / "outputs" / "comments.csv")
    return out.loc[out["needs_review"] == "True", "comment_id"].tolist()


def test_review_rows_given_back_unedited_clear_nothing(tmp_path: Path) -> None:
    _comments(tmp_path)
    _run(_settings(tmp_path))
    out = tmp_path / "run" / "outputs"
    first = (out / "comments.csv").read_bytes()
    assert {"b0", "b1"} <= set(_flagged(tmp_path))
    (tmp_path / "given.csv").write_bytes((out / "review.csv").read_bytes())
    _run(_settings(tmp_path, 'decisions = "given.csv"\n'))
    assert (out / "comments.csv").read_bytes() == first  # no text changed, no flag cleared
    # a reviewer's own word still decides: every row of b0 rejected (no name)
    rows = _read(tmp_path / "given.csv")
    rows.loc[rows["comment_id"] == "b0", "decision"] = "reject"
    rows.to_csv(tmp_path / "given.csv", index=False)
    _run(_settings(tmp_path, 'decisions = "given.csv"\n'))
    assert "b0" not in _flagged(tmp_path) and "b1" in _flagged(tmp_path)


def test_the_review_file_with_words_lies_outside_the_run_folder(tmp_path: Path) -> None:
    _comments(tmp_path)
    (tmp_path / "private").mkdir()
    _run(_settings(tmp_path, 'review_file = "private/full.csv"\n'))
    full = tmp_path / "private" / "full.csv"
    assert stat.S_IMODE(full.stat().st_mode) == 0o600
    rows = _read(full)
    shared = _read(tmp_path / "run" / "outputs" / "review.csv")
    assert rows[["comment_id", "start", "end", "detector"]].equals(
        shared[["comment_id", "start", "end", "detector"]])
    assert set(NAMES) <= set(rows["span_text"])
    assert rows["fingerprint"].str.startswith("fp").all()
    assert "[[brixa]]" in rows.loc[rows["comment_id"] == "b0", "context"].iloc[0]
    # the shared review rows hold none of the words (the comments do: min_score left them
    # unmasked); the manifest names the file, with no checksum
    for path in (tmp_path / "run" / "outputs" / "review.csv", tmp_path / "run" / "run.log"):
        assert not [n for n in NAMES if n in path.read_text("utf-8-sig")], path
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["not_published"]["review_file"] == {"file": "full.csv"}
    assert "review_file" not in manifest["outputs"]

    # its fingerprints catch a comment changed since the review: the decision is not applied
    rows["decision"] = "reject"
    rows.to_csv(tmp_path / "decided.csv", index=False)
    _comments(tmp_path, [TEXTS[0], TEXTS[1].replace("tamsyn", "tamsin"), *TEXTS[2:]])
    _run(_settings(tmp_path, 'decisions = "decided.csv"\n'))
    assert _flagged(tmp_path) == ["b1"]  # b0's reject applied; b1's is stale
    log = (tmp_path / "run" / "run.log").read_text()
    assert not [n for n in ("tamsin", *NAMES) if n in log]


@pytest.mark.parametrize(("value", "said"), [
    ("run/full.csv", "must lie outside the run folder"),
    ("run/outputs/full.csv", "must lie outside the run folder"),
    ("full.txt", ".csv or .xlsx"),
    ("decided.csv", "must not be decisions"),
])
def test_a_review_file_in_the_run_folder_is_refused(tmp_path: Path, value: str,
                                                    said: str) -> None:
    _comments(tmp_path)
    pd.DataFrame({"comment_id": ["b0"], "start": [12], "end": [17],
                  "decision": [""]}).to_csv(tmp_path / "decided.csv", index=False)
    toml = _settings(tmp_path, f'decisions = "decided.csv"\nreview_file = "{value}"\n')
    with pytest.raises(ValidationError) as caught:
        run_batch(toml)
    assert "[pseudonymise] review_file" in str(caught.value) and said in str(caught.value)
    assert not (tmp_path / "run" / "outputs").exists()
