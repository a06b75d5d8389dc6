"""The encrypted re-identification key, secrets, and the review round trip."""

from __future__ import annotations

import base64
import json
import os
import stat

import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.pseudonymise import (
    KeyFileError,
    NameDetector,
    PatternDetector,
    PseudonymiseConfig,
    ReviewConfig,
    apply_decisions,
    detect_pii,
    generate_secret,
    pseudonymise,
    read_decisions,
    read_key,
    read_secret,
    reidentify,
    write_review,
    write_secret,
)

DETECTORS = (PatternDetector(), NameDetector())
TEXTS = ["me and Kai went to see Quenby", "kai rang me on 07700 900123", None,
         "Grace is my social worker and I hope she stays"]


@pytest.fixture
def comments() -> pd.DataFrame:
    return pd.DataFrame({"comment_id": ["c1", "c2", "c3", "c4"], "text": TEXTS})


@pytest.mark.parametrize("mode", ["tags", "surrogates", "redact"])
def test_key_round_trip(tmp_path, comments, mode):
    secret = generate_secret()
    result = pseudonymise(comments, PseudonymiseConfig(mode=mode), secret=secret,
                          detectors=DETECTORS)
    path = result.write_key(tmp_path / "key.json", secret)
    document = json.loads(path.read_text(encoding="utf-8"))
    # Encrypted: no plaintext in the readable fields, nor in the decoded ciphertext. (Searching
    # the base64 text itself failed now and then: "Kai" turns up in random base64 by chance.)
    cipher = {"token": base64.urlsafe_b64decode(document["token"]),
              "salt": base64.b64decode(document["salt"])}
    readable = json.dumps({k: v for k, v in document.items() if k not in cipher})
    for word in ("Kai", "Quenby", "07700", "Grace"):
        assert word not in readable
        assert not any(word.encode() in blob for blob in cipher.values())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    back = reidentify(result.comments, path, secret=secret)
    assert back["text"].tolist()[:2] == TEXTS[:2] and back["text"].tolist()[3] == TEXTS[3]
    assert pd.isna(back["text"].tolist()[2])


def test_wrong_secret_and_tampering_are_refused(tmp_path, comments):
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    path = result.write_key(tmp_path / "key.json", secret)
    with pytest.raises(KeyFileError, match="does not open"):
        read_key(path, generate_secret())
    document = json.loads(path.read_text())
    document["token"] = document["token"][:-8] + "AAAAAAAA"
    path.write_text(json.dumps(document))
    with pytest.raises(KeyFileError):
        read_key(path, secret)
    (tmp_path / "other.json").write_text("{}")
    with pytest.raises(KeyFileError, match="not a carevoice"):
        read_key(tmp_path / "other.json", secret)


def test_key_is_not_overwritten_unless_asked(tmp_path, comments):
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    result.write_key(tmp_path / "key.json", secret)
    with pytest.raises(KeyFileError, match="exists"):
        result.write_key(tmp_path / "key.json", secret)
    result.write_key(tmp_path / "key.json", secret, overwrite=True)


def test_reidentify_edited_quote_by_string(comments):
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    edited = result.comments.copy()
    edited.loc[0, "text"] = "... went to see [PERSON_2]"
    back = reidentify(edited, result.key)
    assert back["text"].iloc[0] == "... went to see Quenby"
    assert back.attrs["reidentified_by_string"] == ["c1"]


def test_key_entities_table(comments):
    result = pseudonymise(comments, secret=generate_secret(), detectors=DETECTORS)
    entities = result.key.entities()
    kai = entities[entities["replacement"] == "[PERSON_1]"].iloc[0]
    assert kai["n"] == 2 and kai["comment_ids"] == ["c1", "c2"]


def test_secret_files(tmp_path):
    path = write_secret(tmp_path / "secret.txt")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert len(read_secret(path)) == 43
    with pytest.raises(KeyFileError, match="exists"):
        write_secret(path)
    with pytest.raises(KeyFileError, match="Cannot read"):
        read_secret(tmp_path / "missing.txt")


def test_review_round_trip(tmp_path, comments):
    spans = detect_pii(comments, DETECTORS)
    review_path = tmp_path / "review.csv"
    table = write_review(review_path, comments, spans)
    assert len(table) >= 1
    decisions = pd.read_csv(review_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    decisions["decision"] = "reject"
    decisions.to_csv(review_path, index=False)
    decided = read_decisions(review_path)
    applied = apply_decisions(spans, decided, comments)
    assert len(applied) == len(spans) - len(table)
    assert applied.attrs["decisions"]["rejected"] == len(table)
    result = pseudonymise(comments, secret=generate_secret(), detectors=DETECTORS,
                          decisions=decided)
    assert len(result.spans) == len(applied) and result.review.empty


def test_review_accept_relabels_and_stale_decisions_are_ignored(tmp_path, comments):
    spans = detect_pii(comments, DETECTORS)
    table = write_review(tmp_path / "r.csv", comments, spans, config=ReviewConfig(threshold=1.0))
    table["decision"] = "accept"
    table["label"] = "ORG"
    table.loc[0, "fingerprint"] = "000000000000"  # as if the text changed since the review
    table.to_csv(tmp_path / "r.csv", index=False)
    applied = apply_decisions(spans, read_decisions(tmp_path / "r.csv"), comments)
    assert applied.attrs["decisions"]["stale"] == 1
    assert (applied["label"] == "ORG").sum() == len(table) - 1


@pytest.mark.parametrize(("content", "word"), [
    ("comment_id,start,end\nc1,0,3\n", "decision"),
    ("comment_id,start,end,decision\nc1,0,3,maybe\n", "c1"),
    ("comment_id,start,end,decision\nc1,x,3,accept\n", "non-numeric"),
    ("comment_id,start,end,label,decision\nc1,0,3,NAME,accept\n", "labels"),
])
def test_bad_decisions_files(tmp_path, content, word):
    path = tmp_path / "d.csv"
    path.write_text(content)
    with pytest.raises(InputError, match=word):
        read_decisions(path)
