"""Review decisions that no longer fit their span are named, with the reason; fingerprints that
a spreadsheet cannot turn into numbers (audit of the Excel round trip, finding 9.3).
All texts are fictional."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice.pseudonymise import (
    NameDetector,
    PatternDetector,
    ReviewConfig,
    apply_decisions,
    detect_pii,
    pseudonymise,
    read_decisions,
    write_review,
)
from carevoice.pseudonymise.review import fingerprint, fingerprint_matches

DETECTORS = (PatternDetector(), NameDetector())
TEXTS = ["me and Zorblax went to the park", "Quentin Vark is my worker",
         "i live with Bramwell now", "nothing to say"]


@pytest.fixture
def comments() -> pd.DataFrame:
    return pd.DataFrame({"comment_id": ["c1", "c2", "c3", "c4"], "text": TEXTS})


def test_fingerprints_cannot_look_like_numbers_and_old_ones_still_match():
    # among many texts, some have an all-digit 12-character hash (as "Vinnie Mo" did)
    texts = [f"name {i}" for i in range(3000)]
    digits = [t for t in texts if fingerprint(t)[2:].isdigit()]
    assert digits  # the old form of these was all digits
    for text in [*digits, *texts[:50]]:
        new = fingerprint(text)
        with pytest.raises(ValueError):
            float(new)
        assert fingerprint_matches(new, text) and fingerprint_matches(new[2:], text)
        assert fingerprint_matches(f" {new.upper()} ", text)
        assert not fingerprint_matches(new, text + "x")


def test_a_stale_decision_is_named_with_its_reason_and_offered_again(tmp_path, comments):
    spans = detect_pii(comments, DETECTORS)
    table = write_review(tmp_path / "r.csv", comments, spans, config=ReviewConfig(threshold=1.0))
    assert len(table) >= 3
    table["decision"] = "reject"
    ids = table["comment_id"].tolist()
    table.loc[0, "fingerprint"] = "3.09012E+11"  # an all-digit fingerprint re-saved by Excel
    table.loc[1, "fingerprint"] = "fp000000000000"  # the text changed since the review
    table.loc[2, "fingerprint"] = table.loc[2, "fingerprint"][2:]  # an older review file
    table.to_csv(tmp_path / "r.csv", index=False)
    decided = read_decisions(tmp_path / "r.csv")
    applied = apply_decisions(spans, decided, comments)
    assert applied.attrs["decisions"]["stale"] == 2
    assert [(s[0], s[3]) for s in applied.attrs["stale_decisions"]] == [
        (ids[0], "number"), (ids[1], "changed")]
    result = pseudonymise(comments, detectors=DETECTORS, decisions=decided,
                          config=None)
    note = next(n for n in result.notes if "not applied" in n)
    assert f"comment {ids[0]} the fingerprint in the decisions file is a number" in note
    assert f"comment {ids[1]} the fingerprint no longer matches" in note
    assert not any(name in note for name in ("Zorblax", "Quentin", "Vark", "Bramwell"))
    # the two stale spans are in the new review table to be decided again; the rest are not
    again = list(zip(result.review["comment_id"], result.review["start"], strict=True))
    for i in (0, 1):
        assert (ids[i], table.loc[i, "start"]) in again
    assert (ids[2], table.loc[2, "start"]) not in again


def test_the_command_prints_the_stale_decisions(tmp_path):
    from carevoice.cli import app

    src = tmp_path / "c.csv"
    src.write_text("comment_id,text\nc1,me and Zorblax went\nc2,Quentin Vark is my worker\n",
                   "utf-8")
    review = tmp_path / "r.csv"
    runner = CliRunner()
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o.csv"),
                               "--review-file", str(review), "--review-threshold", "1.0"])
    assert done.exit_code == 0, done.output
    table = pd.read_csv(review, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert table["fingerprint"].str.startswith("fp").all()
    table["decision"] = "reject"
    table.loc[table["comment_id"] == "c2", "fingerprint"] = "3.09012E+11"
    table.to_csv(review, index=False)
    done = runner.invoke(app, ["pseudonymise", str(src), "-o", str(tmp_path / "o2.csv"),
                               "--decisions", str(review)])
    assert done.exit_code == 0, done.output
    flat = " ".join(done.output.split())
    assert "'stale': 1" in flat
    assert "for comment c2 the fingerprint in the decisions file is a number" in flat
