"""The learned token model: features, training, saving, the detector and the packaged model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.pseudonymise import (
    PseudonymiseConfig,
    TokenModel,
    TokenModelDetector,
    default_detectors,
    detect_pii,
    train_token_model,
)
from carevoice.pseudonymise.learned import packaged_token_model, token_features, tokenise

ROOT = Path(__file__).resolve().parents[1]


def _toy_comments() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Comments where a word after "my mate" is a person and after "moved to" a place."""
    people = ["zorn", "quill", "brax", "tilde", "vosk", "perrin", "yarrow", "kestle"]
    places = ["hulmby", "strane", "wedfold", "crickle", "morrow", "pelling", "dunnock", "ashby"]
    out = []
    for person, place in zip(people, places, strict=True):
        text = f"my mate {person} is kind"
        out.append((text, [(8, 8 + len(person), "PERSON")]))
        text = f"we moved to {place} last year"
        out.append((text, [(12, 12 + len(place), "LOCATION")]))
        out.append(("my mate is kind and we moved to a flat last year", []))
    return out


def test_tokenise_keeps_inner_apostrophes_and_hyphens() -> None:
    text = "o'neill and amy-leigh, then 07700!"
    assert [text[s:e] for s, e in tokenise(text)] == ["o'neill", "and", "amy-leigh", ",",
                                                      "then", "07700", "!"]


def test_token_features_read_the_word_and_its_neighbours() -> None:
    tokens, features = token_features("Me and Rowan went")
    assert len(tokens) == len(features) == 4
    rowan = features[2]
    assert {"w=rowan", "cap", "w-1=and", "w-2=me", "w1=went", "w2=<pad>", "sh=Xxx"} <= set(rowan)
    assert "sent0" in features[0] and "sent0" not in rowan
    assert token_features("Me and Rowan went") == (tokens, features)  # deterministic


def test_train_learns_the_cue_and_the_label_of_unseen_words() -> None:
    model = train_token_model(_toy_comments(), min_count=1, strength=10.0)
    assert model.classes == ("LOCATION", "O", "PERSON")
    frame = pd.DataFrame({"comment_id": ["a", "b", "c"],
                          "text": ["my mate quorbex is kind", "we moved to fenwold last year",
                                   "my mate is kind"]})
    spans = _detect_with(model, frame)
    got = {(c, frame.set_index("comment_id").loc[c, "text"][s:e], lab)
           for c, s, e, lab in spans[["comment_id", "start", "end", "label"]].itertuples(
               index=False)}
    assert got == {("a", "quorbex", "PERSON"), ("b", "fenwold", "LOCATION")}


def _detect_with(model: TokenModel, frame: pd.DataFrame) -> pd.DataFrame:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = model.save(Path(folder) / "toy.npz")
        return TokenModelDetector(model_path=path).detect(frame)


def test_save_and_load_give_the_same_probabilities(tmp_path: Path) -> None:
    model = train_token_model(_toy_comments(), min_count=1)
    back = TokenModel.load(model.save(tmp_path / "m.npz"))
    assert back.vocabulary == model.vocabulary and back.classes == model.classes
    features = token_features("my mate quorbex is kind")[1]
    np.testing.assert_allclose(back.predict_proba(features), model.predict_proba(features),
                               rtol=1e-6)
    assert np.allclose(model.predict_proba(features).sum(axis=1), 1.0)


def test_a_version_one_model_still_loads_and_reads_the_same(tmp_path: Path) -> None:
    """Features version 2 only added kinds of feature, which a version-1 model's vocabulary
    lacks and so ignores: such a model (a user's own, trained before) loads and predicts as
    it did."""
    model = train_token_model(_toy_comments(), min_count=1)
    with np.load(model.save(tmp_path / "m.npz")) as data:
        parts = dict(data)
    parts["version"] = np.array(1)
    np.savez_compressed(tmp_path / "v1.npz", **parts)
    features = token_features("in year 5 my mate zorn is kind")[1]
    np.testing.assert_allclose(TokenModel.load(tmp_path / "v1.npz").predict_proba(features),
                               model.predict_proba(features), atol=1e-6)


def test_load_refuses_other_files_and_other_feature_versions(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(InputError, match="'path' argument"):
        TokenModel.load(bad)
    model = train_token_model(_toy_comments(), min_count=1)
    path = model.save(tmp_path / "m.npz")
    with np.load(path) as data:
        parts = dict(data)
    parts["version"] = np.array(999)
    np.savez_compressed(tmp_path / "old.npz", **parts)
    with pytest.raises(InputError, match="features version 999"):
        TokenModel.load(tmp_path / "old.npz")


def _many_named() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Twelve comments naming twelve different people after "i see", plus one rare name said
    twelve times, and as many comments without a name."""
    people = ["zorn", "quill", "brax", "tilde", "vosk", "perrin", "yarrow", "kestle", "ombry",
              "fennick", "garrow", "lisk"]
    out = [(f"i see {p} on fridays", [(6, 6 + len(p), "PERSON")]) for p in people]
    out += [("i see oyelaran on fridays", [(6, 14, "PERSON")])] * 12
    out += [("i see my mum on fridays", [])] * 24
    return out


def test_a_shareable_model_keeps_no_word_of_a_marked_span(tmp_path: Path) -> None:
    full = train_token_model(_many_named(), min_count=1)
    shared = train_token_model(_many_named(), min_count=1, shareable=True)
    assert "w=oyelaran" in full.vocabulary and not full.shareable
    marked = {"zorn", "quill", "brax", "oyelaran"}
    leaked = [f for f in shared.vocabulary if any(w in f for w in marked)]
    assert leaked == [] and shared.shareable
    # affixes of one name only go too; the context the names share stays
    assert "p3=oye" in full.vocabulary and "p3=oye" not in shared.vocabulary
    assert {"w-1=see", "w1=on", "w-2w-1=i_see"} <= set(shared.vocabulary)
    # features seen in fewer than min_comments comments go ("w=mum" is in 24)
    assert "w=mum" in shared.vocabulary
    assert "w=mum" not in train_token_model(_many_named(), shareable=True,
                                            min_comments=25).vocabulary
    # it still finds a name it never saw, from the context alone, and says what it is
    frame = pd.DataFrame({"comment_id": ["a", "b"],
                          "text": ["i see quorbex on fridays", "i see my mum on fridays"]})
    spans = _detect_with(shared, frame)
    assert list(zip(spans["comment_id"], spans["start"], spans["end"], strict=True)) == [
        ("a", 6, 13)]
    back = TokenModel.load(shared.save(tmp_path / "shared.npz"))
    assert back.shareable and back.vocabulary == shared.vocabulary
    with np.load(tmp_path / "shared.npz") as data:  # a file saved before the flag existed
        parts = {k: v for k, v in data.items() if k != "shareable"}
    np.savez_compressed(tmp_path / "older.npz", **parts)
    assert not TokenModel.load(tmp_path / "older.npz").shareable
    with pytest.raises(InputError, match="'shareable'"):
        train_token_model(_many_named(), shareable="yes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="'min_comments'"):
        train_token_model(_many_named(), shareable=True, min_comments=0)


def test_training_and_detector_check_their_arguments() -> None:
    with pytest.raises(InputError, match="'threshold'"):
        TokenModelDetector(threshold=0)
    with pytest.raises(InputError, match="'min_count'"):
        train_token_model(_toy_comments(), min_count=0)
    with pytest.raises(InputError, match="'strength'"):
        train_token_model(_toy_comments(), strength=-1)
    with pytest.raises(InputError, match="'comments' argument must hold tokens of names"):
        train_token_model([("no names here at all", [])])
    with pytest.raises(InputError, match="'use_learned'"):
        PseudonymiseConfig(use_learned="yes")  # type: ignore[arg-type]


def test_the_model_runs_by_default_and_can_be_left_out() -> None:
    assert [d.name for d in default_detectors()][-1] == "learned"
    assert "learned" not in [d.name for d in default_detectors(
        PseudonymiseConfig(use_learned=False))]


#: Names written with no cue a rule reads (new wording, not from any probe round); the rules
#: alone miss each of them and the packaged model finds it.
NO_CUE = [
    ("we all went bowling and then brook got chips for everyone", "brook"),
    ("stayed two nights with ash while the heating got fixed", "ash"),
    ("best thing this year was when heath helped me fix my bike", "heath"),
    ("reese never turns up on time but hes sound", "reese"),
]


@pytest.mark.parametrize(("text", "name"), NO_CUE)
def test_the_packaged_model_finds_names_the_rules_miss(text: str, name: str) -> None:
    frame = pd.DataFrame({"comment_id": ["c1"], "text": [text]})
    start = text.index(name)
    rules = detect_pii(frame, config=PseudonymiseConfig(use_learned=False))
    assert not any(s <= start < e for s, e in zip(rules["start"], rules["end"], strict=True))
    spans = detect_pii(frame)
    assert any(s <= start and start + len(name) <= e
               for s, e in zip(spans["start"], spans["end"], strict=True))


def test_a_plain_dictionary_word_and_the_word_before_a_number_are_features() -> None:
    features = token_features("school is ok but exams are stressful")[1]
    assert "lx=plain" in features[4] and "lx1=plain" in features[3]
    features = token_features("year 5 ruby and hope came")[1]
    # a name list knows "ruby" and "hope", so they are no plain words
    assert not {"lx=plain"} & (set(features[2]) | set(features[4]))
    assert "w-2#=year" in features[2] and not any(f.startswith("w-2#=") for f in features[3])
    assert "w-2#=" in token_features("5 ruby")[1][1]  # nothing before the number


def test_the_word_before_a_number_is_a_word_a_shareable_model_may_drop() -> None:
    from carevoice.pseudonymise.learned import _feature_words

    assert _feature_words("w-2#=kai") == ["kai"]


#: Faults of the packaged model found in the twenty-fourth session: an ordinary noun where a
#: name stands, marked as one; a child's lower-case name after a school year, missed. The
#: sentences are new (not in the probe or in corpora/token_contrasts.txt, where these
#: nouns do not occur and these names only as words).
PLAIN_NOUNS = [  # the model of the twenty-second session marked each of these nouns
    ("school is ok but exams are stressful", "exams"),
    ("school is ok but uniforms are stressful", "uniforms"),
    ("school is ok but worksheets are stressful", "worksheets"),
]
# Still marked (docs/pseudonymise.md): "college is ok and exams are next week", "deadlines"
# and "bursaries" in the same places; the subject after "and" before "are" is a strong cue.
SCHOOL_YEAR_NAMES = [
    ("in year 4 daisy pushed me over at dinner", "daisy"),
    ("year 6 holly sed i smell", "holly"),
    ("yr 3 poppy took my pencil case", "poppy"),
]
#: The same words used as words, which stay unmarked.
AS_WORDS = {"daisy": "she put daisy chains on her head", "holly": "we cut holly for the door",
            "poppy": "i wore a poppy on my blazer"}


@pytest.mark.parametrize(("text", "noun"), PLAIN_NOUNS)
def test_an_ordinary_noun_where_a_name_stands_is_not_marked(text: str, noun: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(noun)
    assert not any(s <= start < e for s, e in zip(spans["start"], spans["end"], strict=True))


@pytest.mark.parametrize(("text", "name"), SCHOOL_YEAR_NAMES)
def test_a_childs_lower_case_name_after_a_school_year_is_marked(text: str, name: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(name)
    assert any(s <= start and start + len(name) <= e
               for s, e in zip(spans["start"], spans["end"], strict=True)), spans
    # and the same word used as a word is left alone
    assert detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [AS_WORDS[name]]})).empty


def test_the_contrast_comments_hold_none_of_the_test_sentences() -> None:
    """The tests above check what the model learnt, not what it was shown."""
    lines = (ROOT / "corpora" / "token_contrasts.txt").read_text("utf-8").lower().splitlines()
    text = "\n".join(ln for ln in lines if not ln.startswith("#"))
    assert len(text) > 2_000
    for sentence, word in PLAIN_NOUNS + SCHOOL_YEAR_NAMES:
        assert sentence not in text and AS_WORDS.get(word, "-") not in text
        assert f":{word}]]" not in text
    assert "exams" not in text


def test_spans_found_only_by_the_model_go_to_review() -> None:
    from carevoice.pseudonymise.review import needs_review

    text, name = NO_CUE[0]
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    row = spans[spans["start"] == text.index(name)]
    assert row["detector"].tolist() == ["learned"]
    assert needs_review(row).tolist() == [True]


def test_the_packaged_model_is_what_the_training_script_makes() -> None:
    """Retrain from the repository's marked comments (about 20 s) and compare."""
    spec = importlib.util.spec_from_file_location("train_token_model",
                                                  ROOT / "corpora" / "train_token_model.py")
    script = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules.setdefault("train_token_model", script)
    spec.loader.exec_module(script)  # type: ignore[union-attr]
    fresh = script.train(script.training_rows())
    shipped = packaged_token_model()
    assert fresh.vocabulary == shipped.vocabulary, (
        "carevoice/data/token_model.npz is out of date: run python corpora/train_token_model.py")
    assert fresh.classes == shipped.classes
    # the same here to the last bit; the tolerances leave room for another machine's floats
    np.testing.assert_allclose(fresh.coef, shipped.coef, atol=1e-2)
    features = [f for text, _ in NO_CUE for f in token_features(text)[1]]
    np.testing.assert_allclose(fresh.predict_proba(features), shipped.predict_proba(features),
                               atol=5e-3)


def _holdout() -> dict[str, list[tuple[str, list[tuple[int, int]]]]]:
    """The held-out blind rounds (``tests/data/pii_holdout.txt``), by kind ("hard", "mix")."""
    spec = importlib.util.spec_from_file_location("train_token_model",
                                                  ROOT / "corpora" / "train_token_model.py")
    script = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(script)  # type: ignore[union-attr]
    parse = script._parse_markup()
    out: dict[str, list[tuple[str, list[tuple[int, int]]]]] = {"hard": [], "mix": []}
    kind = None
    for line in (ROOT / "tests" / "data" / "pii_holdout.txt").read_text("utf-8").splitlines():
        if line.startswith("# Round"):
            kind = "hard" if ", hard" in line else "mix"
        elif line.strip() and not line.startswith("#") and kind:
            text, spans = parse(line)
            out[kind].append((text, [(s["start"], s["end"]) for s in spans]))
    return out


def _recall(rows: list[tuple[str, list[tuple[int, int]]]], config: PseudonymiseConfig) -> float:
    frame = pd.DataFrame({"comment_id": [f"h{i}" for i in range(len(rows))],
                          "text": [text for text, _ in rows]})
    found: dict[str, set[int]] = {}
    for cid, s, e in detect_pii(frame, config=config)[["comment_id", "start", "end"]].itertuples(
            index=False):
        found.setdefault(cid, set()).update(range(s, e))
    caught = total = 0
    for i, (text, spans) in enumerate(rows):
        for s, e in spans:
            total += 1
            caught += {j for j in range(s, e) if not text[j].isspace()} <= found.get(f"h{i}",
                                                                                    set())
    return caught / total


def test_held_out_blind_rounds_are_found_with_the_model() -> None:
    """Fresh blind rounds nobody wrote rules from or trained on: 2026-12-04, rules alone found
    0.902 of the 604 hard spans and 0.986 of the 222 general ones; with the model 0.982 and
    1.000."""
    rounds = _holdout()
    assert len(rounds["hard"]) == 480 and len(rounds["mix"]) == 300
    hard = _recall(rounds["hard"], PseudonymiseConfig())
    rules_only = _recall(rounds["hard"], PseudonymiseConfig(use_learned=False))
    assert hard >= 0.95, hard
    assert hard - rules_only >= 0.05, (hard, rules_only)
    assert _recall(rounds["mix"], PseudonymiseConfig()) >= 0.98


def test_detect_in_chunks_gives_what_find_gives_per_comment(monkeypatch) -> None:
    from carevoice.pseudonymise import learned

    texts = [text for text, _ in NO_CUE] + ["", "n/a", "me and jaylen went to the park"]
    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(texts))], "text": texts})
    detector = TokenModelDetector()
    one_by_one = [tuple(s) for i, t in enumerate(texts) for s in detector.find(f"c{i}", t)]
    monkeypatch.setattr(learned, "_CHUNK", 3)  # chunk boundaries inside the frame
    together = [tuple(r) for r in detector.detect(frame).itertuples(index=False)]
    assert together == one_by_one and len(together) >= len(NO_CUE)


@pytest.mark.parametrize(("text", "name", "home"), [
    ("we had a sleepover at Priya's house on friday", "Priya", "house"),
    ("went back to Tomasz's flat after football", "Tomasz", "flat"),
])
def test_someones_home_is_not_part_of_their_name(text: str, name: str, home: str) -> None:
    found = [text[s.start:s.end] for s in TokenModelDetector().find("c1", text)]
    assert name in found, found  # the name without its 's
    assert not any(home in f for f in found), found


@pytest.mark.parametrize("text", [
    "the Project helped me with my forms",  # without the rule the model marks "Project"
    "Housing Association flats are better than the hostel",  # and "Association"
])
def test_an_organisation_word_alone_is_not_a_name(text: str) -> None:
    from carevoice.pseudonymise.learned import _ORG_HEADS

    found = [text[s.start:s.end].lower() for s in TokenModelDetector().find("c1", text)]
    assert not any(f in _ORG_HEADS for f in found), found


def test_an_acronym_that_is_never_personal_data_is_not_marked_alone() -> None:
    """"My Junior ISA": without the rule the retrained model marks "ISA"; initials of two
    letters that are also an acronym stay the model's to mark ("JD from the team")."""
    from carevoice.pseudonymise.learned import _acronym_never_a_name

    text = "My Junior ISA went straight into my current account at 18"
    assert "ISA" not in [text[s.start:s.end] for s in TokenModelDetector().find("c1", text)]
    assert _acronym_never_a_name("ISA") and _acronym_never_a_name("PCSO")
    assert not _acronym_never_a_name("JD") and not _acronym_never_a_name("Isa")


def test_a_plain_word_opening_a_sentence_is_not_marked_alone() -> None:
    """"Kinship carers need more help": capitalised only because it starts the sentence, a
    dictionary word no name list knows (without the rule the model marks it)."""
    text = "Kinship carers need more help with money"
    assert TokenModelDetector().find("c1", text) == []
    # a known name opening a sentence is still the model's to mark
    text = "Jaylen came round with the dog and we watched a film"
    assert [text[s.start:s.end] for s in TokenModelDetector().find("c1", text)] == ["Jaylen"]
