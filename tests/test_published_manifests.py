"""A manifest that may be published holds no checksum of a file that may not be.

Docs audit F2 (session 28): a batch run's ``manifest.json`` (and the demo's: see
``tests/test_pipeline.py``) listed ``report/not-for-publication/analyst.json`` with its SHA-256.
That file holds one small count that the report publishes only as "fewer than 5" (comments
withheld from quoting for safeguarding), so trying each number against the checksum gave the
count back at once. Everything here is fictional: six comments from four young people.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from carevoice.batch import run_batch
from carevoice.provenance import OWNER_ONLY_OUTPUTS, published_outputs

COMMENTS = [("c1", "r1", "I want to see my brother more, it has been ages"),
            ("c2", "r2", "More money for trips, five pounds is not enough"),
            ("c3", "r3", "My social worker keeps changing, I had four this year"),
            ("c4", "r3", ""),
            ("c5", "r4", "I would like to stay at my school when I move placement"),
            ("c6", "r4", "Nobody listens at my reviews, ask Tayo Brennan on 07700 900123")]
RESPONDENTS = [("r1", "12-15", "foster care"), ("r2", "16-17", "residential"),
               ("r3", "8-11", "kinship care"), ("r4", "12-15", "foster care")]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unpublished_hashes(folder: Path, manifests: list[Path]) -> dict[str, str]:
    """SHA-256 to path of every file in ``folder`` that may not be published with it.

    The files of any ``not-for-publication/`` and the owner-only outputs; a file
    byte-identical to a published one (a manifest lists that one) is not counted.
    """
    hidden = {path for path in folder.rglob("*")
              if path.is_file() and ("not-for-publication" in path.parts
                                     or path.stem in OWNER_ONLY_OUTPUTS)}
    published = {_sha(p) for p in folder.rglob("*") if p.is_file() and p not in hidden}
    return {_sha(p): p.relative_to(folder).as_posix() for p in hidden
            if _sha(p) not in published and p not in manifests}


def published_manifests(folder: Path) -> list[Path]:
    """The manifests a user may publish: all but those inside ``not-for-publication/``."""
    return sorted(p for p in folder.rglob("*.json")
                  if "manifest" in p.name and "not-for-publication" not in p.parts)


def assert_no_hidden_checksum(folder: Path) -> None:
    manifests = published_manifests(folder)
    assert manifests
    hidden = unpublished_hashes(folder, manifests)
    # not vacuous: the report's analyst.json and the owner-only flags files are there
    assert any(p.endswith("not-for-publication/analyst.json") for p in hidden.values())
    assert any(p.endswith("safeguarding_flags.csv") for p in hidden.values())
    for manifest in manifests:
        text = manifest.read_text("utf-8")
        leaked = sorted(path for sha, path in hidden.items() if sha in text)
        assert not leaked, f"{manifest.relative_to(folder)} holds the checksum of {leaked}"


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("tiny-run")
    (folder / "comments.csv").write_text(
        "comment_id,respondent_id,question_id,text\n"
        + "".join(f'{c},{r},better,"{t}"\n' for c, r, t in COMMENTS), "utf-8")
    (folder / "respondents.csv").write_text(
        "respondent_id,age_group,placement_type\n"
        + "".join(",".join(row) + "\n" for row in RESPONDENTS), "utf-8")
    toml = folder / "PIPELINE.toml"
    toml.write_text('[run]\noutput = "runs/tiny"\nseed = 0\nprogress = false\n'
                    '[input]\ncomments = "comments.csv"\nrespondents = "respondents.csv"\n'
                    '[pseudonymise]\nuse_spacy = false\n[embed]\nmodel = "hashing"\n'
                    '[report]\nformats = ["md"]\n', "utf-8")
    return run_batch(toml)


def test_a_runs_manifest_holds_no_checksum_of_an_unpublished_file(tiny_run) -> None:
    folder = tiny_run.folder
    assert_no_hidden_checksum(folder)
    manifest = json.loads(tiny_run.manifest.read_text("utf-8"))
    # the withheld count cannot be recovered by trying each number (the audit's loop)
    analyst = folder / "outputs" / "report" / "not-for-publication" / "analyst.json"
    assert "safeguarding_withheld_from_quotes" in json.loads(analyst.read_text("utf-8"))
    hashes = json.dumps(manifest)
    assert _sha(analyst) not in hashes
    # the unpublished files are named, without a checksum; the published ones keep theirs
    assert manifest["not_published"]["report_analyst"] == {
        "file": "outputs/report/not-for-publication/analyst.json"}
    assert set(OWNER_ONLY_OUTPUTS) <= set(manifest["not_published"])
    assert manifest["outputs"]["report_md"]["sha256"] == _sha(
        folder / "outputs" / "report" / "report.md")
    assert manifest["outputs"]["codes"]["sha256"] == _sha(folder / "outputs" / "codes.csv")
    assert not set(manifest["outputs"]) & set(manifest["not_published"])


def test_published_outputs_hashes_only_what_may_be_shared(tmp_path: Path) -> None:
    (tmp_path / "report" / "not-for-publication").mkdir(parents=True)
    files = {"codes": "codes.csv", "safeguarding_flags": "safeguarding_flags.csv",
             "report_md": "report/report.md",
             "report_quotes": "report/not-for-publication/quotes.csv"}
    for path in files.values():
        (tmp_path / path).write_text(path, "utf-8")
    outputs, hidden = published_outputs(
        {**{k: tmp_path / v for k, v in files.items()}, "missing": tmp_path / "gone.csv"},
        tmp_path)
    assert outputs == {k: {"file": files[k], "sha256": _sha(tmp_path / files[k])}
                       for k in ("codes", "report_md")}
    assert hidden == {k: {"file": files[k]} for k in ("report_quotes", "safeguarding_flags")}


#: Two of six comments disclose harm (fictional): fewer than the disclosure threshold.
DISCLOSING = [("d1", "r1", "i keep going missing from my placement at night and staff dont know"),
              ("d2", "r2", "my boyfriend takes my money and checks my phone every night"),
              *COMMENTS[:4]]


def _small_run(folder: Path, extra: str = ""):
    (folder / "comments.csv").write_text(
        "comment_id,respondent_id,question_id,text\n"
        + "".join(f'{c},{r},better,"{t}"\n' for c, r, t in DISCLOSING), "utf-8")
    toml = folder / "PIPELINE.toml"
    toml.write_text('[run]\noutput = "run"\nseed = 0\nprogress = false\n'
                    '[input]\ncomments = "comments.csv"\n'
                    '[pseudonymise]\nuse_spacy = false\n[embed]\nmodel = "hashing"\n' + extra,
                    "utf-8")
    return run_batch(toml)


def test_a_runs_manifest_and_log_give_a_small_safeguarding_count_in_words(
        tmp_path: Path) -> None:
    """Leftover of session 28: the run's manifest.json (shared so that others can check the
    outputs) and run.log gave the number of comments the safeguarding screen flagged exactly,
    "safeguarding_flagged": 2, where the report says "fewer than 5"; the exact count is the
    analyst's, in outputs/not-for-publication/analyst.json."""
    import pandas as pd

    result = _small_run(tmp_path)
    outputs = result.folder / "outputs"
    flags = pd.read_csv(outputs / "safeguarding_flags.csv", dtype=str)
    n = flags["comment_id"].nunique()
    assert n == 2  # not vacuous: both disclosures flagged, by the rules
    priority = flags.loc[flags["level"] == "priority", "comment_id"].nunique()
    manifest = json.loads(result.manifest.read_text("utf-8"))
    assert manifest["counts"]["safeguarding_flagged"] == "fewer than 5"
    log = (result.folder / "run.log").read_text("utf-8")
    assert "safeguarding: fewer than 5 comments flagged" in log
    assert "safeguarding_flagged=fewer than 5" in log
    assert f"safeguarding: {n} " not in log and f"safeguarding_flagged={n}" not in log
    assert f"({priority} priority)" not in log
    # exact for the analyst: in Python and in not-for-publication/, named unhashed
    assert result.counts["safeguarding_flagged"] == n
    analyst = outputs / "not-for-publication" / "analyst.json"
    assert result.outputs["analyst"] == analyst
    record = json.loads(analyst.read_text("utf-8"))
    assert record["safeguarding_flagged"] == n and record["safeguarding_priority"] == priority
    assert manifest["not_published"]["analyst"] == {
        "file": "outputs/not-for-publication/analyst.json"}
    assert _sha(analyst) not in json.dumps(manifest)
    # the review flags stay exact: they say how sure the pseudonymiser was, not who disclosed
    assert isinstance(manifest["counts"]["review_flagged"], int)


def test_a_count_at_the_runs_threshold_is_published(tmp_path: Path) -> None:
    result = _small_run(tmp_path, '[report]\nthreshold = 2\n')
    manifest = json.loads(result.manifest.read_text("utf-8"))
    assert manifest["counts"]["safeguarding_flagged"] == 2
    assert "safeguarding: 2 comments flagged" in (result.folder / "run.log").read_text("utf-8")
