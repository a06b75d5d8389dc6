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
    with pytest.raises(KeyFileError, match="not a valid carevoice key file"):
        read_key(tmp_path / "other.json", secret)


def test_key_is_not_overwritten_unless_asked(tmp_path, comments):
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    result.write_key(tmp_path / "key.json", secret)
    with pytest.raises(KeyFileError, match="exists"):
        result.write_key(tmp_path / "key.json", secret)
    result.write_key(tmp_path / "key.json", secret, overwrite=True)


def test_an_edited_comment_is_never_restored_by_guessing(comments):
    # a shortened quote used to be restored by string replacement; now the key's digest of the
    # pseudonymised text decides, and a changed comment is refused (or left masked)
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    edited = result.comments.copy()
    edited.loc[0, "text"] = "... went to see [PERSON_2]"
    with pytest.raises(InputError, match="c1") as info:
        reidentify(edited, result.key)
    assert "Quenby" not in str(info.value) and "PERSON" not in str(info.value)
    back = reidentify(edited, result.key, if_changed="keep")
    assert back["text"].iloc[0] == "... went to see [PERSON_2]"
    assert back.attrs["not_reidentified"] == ["c1"]
    assert back["text"].iloc[1] == TEXTS[1]  # the unchanged comments are restored
    with pytest.raises(InputError, match="if_changed"):
        reidentify(edited, result.key, if_changed="guess")


def _key(text: str, spans: list[tuple[int, int]], replacements: list[str], mode: str):
    """A key for one comment whose spans are replaced by the given strings."""
    from carevoice.pseudonymise import ReidentificationKey
    from carevoice.pseudonymise.keys import text_digest

    rows, pieces, pos, out_len = [], [], 0, 0
    for (start, end), rep in zip(spans, replacements, strict=True):
        pieces.append(text[pos:start])
        out_len += start - pos
        rows.append(("c1", start, end, "PERSON", f"e{start}", text[start:end], rep, out_len,
                     out_len + len(rep)))
        pieces.append(rep)
        out_len += len(rep)
        pos = end
    out = "".join(pieces) + text[pos:]
    occ = pd.DataFrame(rows, columns=["comment_id", "start", "end", "label", "entity_id",
                                      "original", "replacement", "out_start", "out_end"])
    return out, ReidentificationKey(occ, mode, digests={"c1": text_digest(out)})


@pytest.mark.parametrize(("original", "spans", "replacements", "mode"), [
    # redaction: every mask reads the same, so no string says which name it was
    ("Tom and Amy and Lee", [(0, 3), (8, 11), (16, 19)], ["[REDACTED]"] * 3, "redact"),
    # a surrogate inside an ordinary word: "jack" in "jacket" must not become "kai"
    ("kai lent me his jacket", [(0, 3)], ["jack"], "surrogates"),
])
def test_a_prefixed_quote_is_refused_in_every_mode(original, spans, replacements, mode):
    out, key = _key(original, spans, replacements, mode)
    exact = reidentify(pd.DataFrame({"comment_id": ["c1"], "text": [out]}), key)
    assert exact["text"].iloc[0] == original
    quoted = pd.DataFrame({"comment_id": ["c1"], "text": ["Quote: " + out]})
    with pytest.raises(InputError, match="c1"):
        reidentify(quoted, key)
    kept = reidentify(quoted, key, if_changed="keep")["text"].iloc[0]
    assert kept == "Quote: " + out and "kaiet" not in kept


def test_a_key_from_another_wave_is_refused(comments):
    # two waves share comment ids; the first wave's key must not name the second's children
    secret = generate_secret()
    first = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    wave2 = comments.assign(text=["me and Zara went to see Quenby", "kai rang me", None,
                                  "Grace is my social worker"])
    second = pseudonymise(wave2, secret=secret, detectors=DETECTORS)
    with pytest.raises(InputError, match="another file or survey wave"):
        reidentify(second.comments, first.key)


def test_a_version_1_key_file_is_still_read(tmp_path, comments):
    from carevoice.pseudonymise.keys import _fernet
    from carevoice.pseudonymise.replace import OCCURRENCE_COLUMNS

    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    payload = {"mode": "tags", "columns": list(OCCURRENCE_COLUMNS),
               "rows": result.key.occurrences.astype(object).values.tolist()}
    salt = os.urandom(16)
    token = _fernet(read_secret_bytes(secret), salt).encrypt(json.dumps(payload).encode())
    path = tmp_path / "v1.json"
    path.write_text(json.dumps({"format": "carevoice-reidentification-key", "version": 1,
                                "kdf": "scrypt", "n": 2**15, "r": 8, "p": 1,
                                "salt": base64.b64encode(salt).decode(),
                                "token": token.decode()}))
    key = read_key(path, secret)
    assert key.digests is None and key.mapping is None
    back = reidentify(result.comments, key)
    assert back["text"].tolist()[:2] == TEXTS[:2]
    # without digests the recorded offsets still catch an edit that moves the masks
    quoted = result.comments.assign(text=["Quote: " + str(t) for t in result.comments["text"]])
    with pytest.raises(InputError, match="c1"):
        reidentify(quoted, key)


def read_secret_bytes(secret: str) -> bytes:
    from carevoice.pseudonymise.replace import as_secret

    return as_secret(secret)


@pytest.mark.parametrize(("field", "value"), [
    ("n", 3), ("n", 2**26), ("n", "32768"), ("r", 1), ("p", 16), ("kdf", "pbkdf2"),
    ("salt", None), ("salt", "not base64!"), ("salt", base64.b64encode(b"short").decode()),
    ("token", 123), ("token", None), ("version", 3), ("version", True), ("format", None),
])
def test_an_edited_key_header_is_refused_clearly(tmp_path, comments, field, value):
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    path = result.write_key(tmp_path / "key.json", secret)
    document = json.loads(path.read_text())
    if value is None:
        del document[field]
    else:
        document[field] = value
    path.write_text(json.dumps(document))
    with pytest.raises(KeyFileError, match="not a valid carevoice key file"):
        read_key(path, secret)


@pytest.mark.parametrize("content", ["", "[1, 2]", "not json", "\udcff"])
def test_a_file_that_is_no_key_is_refused_clearly(tmp_path, content):
    path = tmp_path / "key.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.raises(KeyFileError, match="not a valid carevoice key file"):
        read_key(path, generate_secret())


def test_a_missing_key_file_says_so(tmp_path):
    with pytest.raises(KeyFileError, match="does not exist"):
        read_key(tmp_path / "nowhere.json", generate_secret())
    with pytest.raises(KeyFileError, match="does not exist"):
        read_secret(tmp_path / "nowhere.txt")


def test_overwriting_a_key_leaves_it_owner_only(tmp_path, comments):
    secret = generate_secret()
    result = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    path = tmp_path / "key.json"
    path.write_text("old")
    path.chmod(0o644)
    result.write_key(path, secret, overwrite=True)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["key.json"]  # no temporary file left
    with pytest.raises(KeyFileError, match="another project secret"):
        result.write_key(tmp_path / "other.json", generate_secret())


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


def test_a_key_from_a_run_without_a_secret_can_still_be_written(tmp_path, comments):
    result = pseudonymise(comments, detectors=DETECTORS)  # a random secret for this run
    secret = generate_secret()
    path = result.write_key(tmp_path / "key.json", secret)
    assert reidentify(result.comments, path, secret=secret)["text"].tolist()[:2] == TEXTS[:2]


def test_a_key_without_an_entity_table_still_continues_a_wave(tmp_path, comments):
    # the batch runner builds its key from occurrences alone; it must carry the tags on too
    from carevoice.pseudonymise import ReidentificationKey, write_key

    secret = generate_secret()
    first = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    bare = ReidentificationKey(first.key.occurrences, "tags")
    path = tmp_path / "bare.json"
    write_key(path, bare, secret)
    wave2 = pd.DataFrame({"comment_id": ["w1"], "text": ["Zorblax and Kai came"]})
    second = pseudonymise(wave2, secret=secret, detectors=DETECTORS, previous_key=path)
    assert second.comments["text"].iloc[0] == "[PERSON_4] and [PERSON_1] came"  # after 3


# --------------------------------------------------------------------------------------------
# min_score: never a direct identifier, never silently (data-protection audit, finding 4)
# --------------------------------------------------------------------------------------------
LOW = pd.DataFrame({"comment_id": ["m1", "m2", "m3", "m4"], "text": [
    "Hope is my carer and i hope she stays", "we saw Grimblewick at the park",
    "i live in BD3 now, my brother \u0645\u062d\u0645\u062f",
    "call me on 07700 900456 or kai.b@example.com, dob 03/09/2008"]})
FAST = {"use_spacy": False, "use_learned": False}


@pytest.mark.parametrize("value", [0.61, 0.75, 1.0, -0.1, "0.5", True])
def test_a_min_score_above_the_ceiling_is_refused(value):
    # 1.0 left names, phones, emails, dates of birth and addresses; 0.75 a phone number
    with pytest.raises(InputError, match=r"'min_score'.*\[0, 0\.6\]"):
        PseudonymiseConfig(min_score=value)
    assert PseudonymiseConfig(min_score=0.6).min_score == 0.6


def test_min_score_never_unmasks_a_direct_identifier_and_says_what_it_left():
    with pytest.warns(UserWarning, match=r"left 2 name.*m1, m2") as caught:
        result = pseudonymise(LOW, PseudonymiseConfig(min_score=0.6, **FAST),
                              secret=generate_secret())
    texts = result.comments["text"].tolist()
    # the postcode district (0.5) and the other script (0.4) stay masked, and so does all of m4
    assert texts[2] == "i live in [POSTCODE_1] now, my brother [OTHER_SCRIPT_1]"
    assert texts[3] == "call me on [PHONE_1] or [EMAIL_1], dob [DATE_1]"
    # its legitimate use: "i hope" (a repeat of the name Hope, 0.5) is no longer masked
    assert texts[0] == "[PERSON_1] is my carer and i hope she stays"
    assert texts[1] == "we saw Grimblewick at the park"  # the cost, shown to a reviewer:
    below = result.review[result.review["in_output"] == "unmasked (min_score)"]
    assert set(below["decision"]) == {""}  # for a person to decide: the tool decides none
    assert below[["comment_id", "span_text"]].values.tolist() == [["m1", "hope"],
                                                                   ["m2", "Grimblewick"]]
    assert result.spans.attrs["below_min_score"] == 2
    assert any("min_score = 0.6 left 2" in n for n in result.notes)
    message = str(caught[0].message)
    assert "Grimblewick" not in message and "hope" not in message.lower()


def test_a_span_min_score_left_is_masked_once_a_reviewer_accepts_it(tmp_path):
    with pytest.warns(UserWarning):
        first = pseudonymise(LOW, PseudonymiseConfig(min_score=0.6, **FAST), secret="s" * 40)
    decisions = first.review.copy()
    decisions.loc[decisions["span_text"] == "Grimblewick", "decision"] = "accept"
    decisions.loc[decisions["span_text"] == "hope", "decision"] = "reject"
    decisions.to_csv(tmp_path / "review.csv", index=False)
    # no warning (warnings are errors here): "hope" is a reviewer's rejection
    again = pseudonymise(LOW, PseudonymiseConfig(min_score=0.6, **FAST), secret="s" * 40,
                         decisions=read_decisions(tmp_path / "review.csv"))
    assert again.comments["text"].iloc[1] == "we saw [PERSON_2] at the park"
    assert again.comments["text"].iloc[0] == "[PERSON_1] is my carer and i hope she stays"
    assert again.spans.attrs["below_min_score"] == 0
    assert "reject" not in set(again.review["decision"])  # the open rows: m3's, undecided


def test_the_default_min_score_drops_nothing_and_warns_nothing():
    result = pseudonymise(LOW, PseudonymiseConfig(**FAST), secret=generate_secret())
    assert result.spans.attrs["below_min_score"] == 0 and not result.notes
    assert "Grimblewick" not in result.comments["text"].iloc[1]
    assert set(result.review["decision"]) <= {""}


# --------------------------------------------------------------------------------------------
# reidentify with a key that is not the file's (data-protection audit, finding 5)
# --------------------------------------------------------------------------------------------
def test_a_key_that_knows_none_of_the_comments_is_refused(comments):
    secret = generate_secret()
    other = pseudonymise(pd.DataFrame({"comment_id": ["z1"], "text": ["Zara said hi"]}),
                         secret=secret, detectors=DETECTORS)
    mine = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    for if_changed in ("raise", "keep"):
        with pytest.raises(InputError, match="Does this key belong to this file") as info:
            reidentify(mine.comments, other.key, if_changed=if_changed)
        assert "c1, c2" in str(info.value) and "Kai" not in str(info.value)


def test_comments_with_tags_the_key_does_not_know_are_warned_about(comments):
    secret = generate_secret()
    mine = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    extra = pd.DataFrame({"comment_id": ["x9"], "text": ["[PERSON_7] rang me"]})
    both = pd.concat([mine.comments, extra], ignore_index=True)
    with pytest.warns(UserWarning, match=r"1 of the 5 comment\(s\) hold carevoice tags.*x9"):
        back = reidentify(both, mine.key)
    assert back["text"].tolist()[:2] == TEXTS[:2] and back["text"].iloc[4] == "[PERSON_7] rang me"
    assert back.attrs["not_in_key"] == ["x9"] and back.attrs["reidentified"] == 3


def test_a_surrogates_key_that_knows_no_comment_id_is_refused(comments):
    secret = generate_secret()
    mine = pseudonymise(comments, PseudonymiseConfig(mode="surrogates"), secret=secret,
                        detectors=DETECTORS)
    renamed = mine.comments.assign(comment_id=["y1", "y2", "y3", "y4"])
    with pytest.raises(InputError, match="no comment_id of the file"):
        reidentify(renamed, mine.key)
    # comments without any personal data and without tags need nothing, and say so quietly
    plain = pd.DataFrame({"comment_id": ["p1"], "text": ["nothing to add"]})
    tags = pseudonymise(comments, secret=secret, detectors=DETECTORS)
    assert reidentify(plain, tags.key).attrs["reidentified"] == 0
