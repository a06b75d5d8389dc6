"""The learned token model: features, training, saving, the detector and the packaged model."""

from __future__ import annotations

import importlib.util
import re
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


@pytest.mark.parametrize("version", [1, 2])
def test_an_earlier_version_model_still_loads_and_reads_the_same(tmp_path: Path,
                                                                 version: int) -> None:
    """Features versions 2 and 3 only added kinds of feature, which an earlier model's
    vocabulary lacks and so ignores: such a model (a user's own, trained before) loads and
    predicts as it did."""
    model = train_token_model(_toy_comments(), min_count=1)
    with np.load(model.save(tmp_path / "m.npz")) as data:
        parts = dict(data)
    parts["version"] = np.array(version)
    np.savez_compressed(tmp_path / "old.npz", **parts)
    features = token_features("in year 5 my mate zorn is kind and deadlines are close")[1]
    np.testing.assert_allclose(TokenModel.load(tmp_path / "old.npz").predict_proba(features),
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


def test_a_plain_plural_and_a_school_group_before_a_number_are_features() -> None:
    """Features version 3 (twenty-fifth session)."""
    _, features = token_features("college is ok and bursaries are late, assemblies too")
    assert "lx=plural" in features[4] and "lx1=plural" in features[3]
    assert "lx=plural" in features[8]  # "assemblies": the dictionary lists "assembly" only
    # a plural of a name is no plain plural: "jades mum", "willows" (a home named after trees)
    for text in ("jades mum came", "we lived at willows", "kai and ruby"):
        assert not any("lx=plural" in f for f in token_features(text)[1]), text
    for text, at in (("in yr 4 hope pushed me", 3), ("class 3 kai sed", 2), ("y6 ava sed", 1),
                     ("in year 5 ruby", 3)):
        assert "grp#" in token_features(text)[1][at], text
    assert not any("grp#" in f for f in token_features("in room 4 kai sed")[1])
    assert not any("grp#" in f for f in token_features("it was 5 ruby rings")[1])


def test_the_model_reads_the_name_and_place_lists_the_rules_read() -> None:
    """Since 2026-12-07 (thirty-second session) the model's list facts are the rules' lists:
    a given name only in ``given_names.txt``, a virtue name and a district only in
    ``uk_districts_nations.txt`` are facts about the word, as they are to the rules."""
    from carevoice.pseudonymise.lexicons import (
        NOT_NAMES,
        VIRTUE_NAMES,
        community_names,
        uk_districts,
    )

    _, features = token_features("me and angharad got the bus to anniesland with glory")
    assert "lx=first" in features[2] and "lx1=first" in features[1]
    assert "lx=place" in features[7]
    assert {"lx=first", "lx=wordname"} <= set(features[9])
    for name in sorted(community_names() - NOT_NAMES):
        assert "lx=first" in token_features(f"me and {name}")[1][2], name
    for place in sorted(p for p in uk_districts() if " " not in p):
        assert "lx=place" in token_features(f"we moved to {place}")[1][3], place
    for name in sorted(VIRTUE_NAMES):
        assert "lx=wordname" in token_features(f"me and {name}")[1][2], name


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
# Marked until the twenty-fifth session, now left (the plural feature and more contrasts):
# plural nouns after "and" before "are", and plurals the dictionary lists only as singulars.
PLAIN_PLURALS = [
    ("college is ok and exams are next week", "exams"),
    ("school is alright but bursaries are late every month", "bursaries"),
    ("sixth form is ok and assemblies are on mondays", "assemblies"),
    ("college is fine and deadlines are coming up", "deadlines"),
]
# Still marked (docs/pseudonymise.md): "deadlines" in some places ("the unit is ok but
# deadlines are tight"), and "quizzes" (no plural the dictionary reads).
SCHOOL_YEAR_NAMES = [
    ("in year 4 daisy pushed me over at dinner", "daisy"),
    ("year 6 holly sed i smell", "holly"),
    ("yr 3 poppy took my pencil case", "poppy"),
]
#: Found since the twenty-fifth session (a school group before the number, however written):
#: word-names after "yr N", "class N", "set N", and a lower-case "will" before a surname.
MORE_SCHOOL_NAMES = [
    ("in yr 5 hope hid my bag", "hope"),
    ("in class 2 teddy threw my shoe", "teddy"),
    ("in set 3 rocky calls me names", "rocky"),
    ("will pennington-moss from the home took my charger", "will pennington-moss"),
]
#: The same words used as words, which stay unmarked.
AS_WORDS = {"daisy": "she put daisy chains on her head", "holly": "we cut holly for the door",
            "poppy": "i wore a poppy on my blazer", "hope": "i hope my new school is better",
            "teddy": "my teddy came with me to every placement",
            "rocky": "the path to the beach was rocky"}


@pytest.mark.parametrize(("text", "noun"), PLAIN_NOUNS)
def test_an_ordinary_noun_where_a_name_stands_is_not_marked(text: str, noun: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(noun)
    assert not any(s <= start < e for s, e in zip(spans["start"], spans["end"], strict=True))


@pytest.mark.parametrize(("text", "noun"), PLAIN_PLURALS)
def test_a_plain_plural_where_a_name_stands_is_not_marked(text: str, noun: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(noun)
    assert not any(s <= start < e for s, e in zip(spans["start"], spans["end"], strict=True))


@pytest.mark.parametrize(("text", "name"), SCHOOL_YEAR_NAMES + MORE_SCHOOL_NAMES)
def test_a_childs_lower_case_name_after_a_school_year_is_marked(text: str, name: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(name)
    assert any(s <= start and start + len(name) <= e
               for s, e in zip(spans["start"], spans["end"], strict=True)), spans
    # and the same word used as a word is left alone
    if name in AS_WORDS:
        assert detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [AS_WORDS[name]]})).empty


#: "will" and "may" before a verb are the modal: the model, reading "my carer X" as a cue,
#: marked them (main: "my carer will help me" 0.88) until the twenty-fifth session.
MODALS = [
    "my carer will help me fill in the forms",
    "my sw will ring me back on monday",
    "my iro may come to my school",
    "my pa will never listen to me",
]
#: ... but a name before a past tense, a verb with an s, "is" or "and" is a name.
WILL_THE_NAME = [
    ("my brother will sorted my phone out", "will"),
    ("my sw will never rings me back, will if u read this ring me", "will"),
    ("me and will went to the shops", "will"),
]


@pytest.mark.parametrize("text", MODALS)
def test_will_and_may_before_a_verb_are_the_modal(text: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    assert spans.empty, [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]


@pytest.mark.parametrize(("text", "name"), WILL_THE_NAME)
def test_will_the_name_is_still_marked(text: str, name: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(name)
    assert any(s <= start and start + len(name) <= e
               for s, e in zip(spans["start"], spans["end"], strict=True)), spans


#: Word-names used as words by what follows them: a noun a month, season or adjective
#: describes, "of" or "in" what one believes in after an abstract noun, a predicate of time.
WORD_NAMES_AS_WORDS = [
    "sunny afternoons are when i feel ok",
    "frank advice from my iro helped",
    "faith in adults is hard for me",
    "hope of going home keeps me going",
    "june was the longest month ever",
    "april is my favourite month",
    "June is the month i moved in",
    "Sunny weekends are for the park",
    "Winter nights feel long here",
    "Faith in people is hard",
    # fixed phrases, a season coming, what one has
    "i was frank with her about the move",
    "my iro was crystal clear about it",
    "no joy from my pa yet",
    "with winter coming the flat gets cold",
    "autumn coming up means a new school",
    "hope is all we have left",
]
#: ... but what a person does or is, or a thing a person owns, keeps the name.
WORD_NAMES_AS_NAMES = [
    ("summer rang me last week", "summer"),
    ("faith is my best friend", "faith"),
    ("june is my best mate", "june"),
    ("frank car got nicked", "frank"),
    ("sunny mum picks us up", "sunny"),
    ("hope in my class is kind", "hope"),
    ("rose texts me every night", "rose"),
    ("frank fault we got caught", "frank"),  # "frank's fault", its "s" left out
    ("sunny voice is so loud", "sunny"),
    ("summer is coming round later", "summer"),
    ("joy from my old home rang me", "joy"),
    ("crystal came round yesterday", "crystal"),
    ("frank with me is my favourite worker", "frank"),
]


@pytest.mark.parametrize("text", WORD_NAMES_AS_WORDS)
def test_a_word_name_used_as_a_word_is_not_marked(text: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    assert spans.empty, [text[s:e] for s, e in zip(spans["start"], spans["end"], strict=True)]


@pytest.mark.parametrize(("text", "name"), WORD_NAMES_AS_NAMES)
def test_a_word_name_said_of_a_person_is_still_marked(text: str, name: str) -> None:
    spans = detect_pii(pd.DataFrame({"comment_id": ["c1"], "text": [text]}))
    start = text.index(name)
    assert any(s <= start and start + len(name) <= e
               for s, e in zip(spans["start"], spans["end"], strict=True)), spans


def test_the_contrast_comments_hold_none_of_the_test_sentences() -> None:
    """The tests above check what the model learnt, not what it was shown."""
    lines = (ROOT / "corpora" / "token_contrasts.txt").read_text("utf-8").lower().splitlines()
    text = "\n".join(ln for ln in lines if not ln.startswith("#"))
    assert len(text) > 2_000
    for sentence, word in PLAIN_NOUNS + SCHOOL_YEAR_NAMES + PLAIN_PLURALS + MORE_SCHOOL_NAMES:
        assert sentence not in text and (word not in AS_WORDS or AS_WORDS[word] not in text)
        assert f":{word}]]" not in text and f":{word} " not in text
    for word in ("exams", "bursaries", "assemblies", "deadlines", "hope", "teddy", "rocky",
                 "pennington"):
        assert word not in text, word
    for sentence in MODALS:
        assert sentence not in text
    # nor the twenty-fifth session's check words, but "storm" and "rose" (there before)
    words = set(re.findall(r"[a-z]+", text))
    checked = {w for pair in CHECK_FULL_NAMES for part in pair for w in part.split("-")}
    checked |= set(CHECK_NOUNS) | set(CHECK_NAMES) | {w for c in CHECK_CAFES for w in c.split()}
    assert words & checked == {"storm", "rose"}, sorted(words & checked)


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


#: Check sentences written in the twenty-fifth session before any change was tried, and kept
#: fixed (docs/pseudonymise.md reports them): plural nouns where names stand (12 nouns x 5
#: frames), word-names as children's names (10 x 5) and first names that are words before a
#: surname (8 x 2), cafes named in ordinary words after a job (6 x 2), and the same words used
#: as words (20). None is in corpora/token_contrasts.txt, except that "storm" and "rose" were
#: there already (twenty-fourth session) as a name and as a word.
CHECK_NOUNS = ["deadlines", "bursaries", "assemblies", "exams", "essays", "interviews",
               "activities", "parties", "outings", "lectures", "quizzes", "rotas"]
CHECK_NOUN_FRAMES = ["college is ok and {} are next week", "school is fine but {} are stressful",
                     "{} are the worst bit of being in care",
                     "my flat is nice and {} are cheap round here",
                     "i dont mind school but {} make me anxious"]
CHECK_NAMES = ["hope", "honey", "teddy", "joy", "sunny", "rocky", "angel", "storm", "sky",
               "faith"]
CHECK_NAME_FRAMES = ["in yr 4 {} pushed me", "in class 3 {} took my pens",
                     "me and {} walked home from school", "{} woz mean to me at break",
                     "at dinner {} sat next to me"]
CHECK_FULL_NAMES = [("will", "ashworth-kane"), ("hope", "hartley-boyd"), ("grace", "okafor-lee"),
                    ("mark", "brennan-shaw"), ("bill", "mcallister"), ("rose", "pemberton"),
                    ("faith", "adeyemi"), ("frank", "whitlock")]
CHECK_FULL_NAME_FRAMES = ["{} from my class said hi", "me and {} went to the park"]
CHECK_CAFES = ["copper kettle", "blue door", "daily grind", "hungry fox", "rolling pin",
               "little acorn"]
CHECK_CAFE_FRAMES = ["i got a job at the {} in town", "my shift at the {} starts at 7"]
CHECK_AS_WORDS = [
    "i hope it gets better", "i will go to college next year", "we had honey on toast",
    "my teddy is old but i love it", "the sky was grey all week", "it was sunny at the beach",
    "i felt joy for the first time", "the storm knocked the fence down",
    "faith is important to me", "will you ring me back", "grace before dinner is a rule here",
    "i got a good mark in maths", "the bill was massive", "rose petals on the table",
    "to be frank i dont care", "i got a job at the weekend",
    "my shift at the hospital starts at 7", "i got a job at the big tesco",
    "my job at the moment is boring", "angel cake for pudding"]


def _check_cases() -> dict[str, list[tuple[str, str]]]:
    return {
        "nouns": [(f.format(n), n) for n in CHECK_NOUNS for f in CHECK_NOUN_FRAMES],
        "names": [(f.format(n), n) for n in CHECK_NAMES for f in CHECK_NAME_FRAMES]
        + [(f.format(f"{a} {b}"), f"{a} {b}") for a, b in CHECK_FULL_NAMES
           for f in CHECK_FULL_NAME_FRAMES],
        "cafes": [(f.format(c), c) for c in CHECK_CAFES for f in CHECK_CAFE_FRAMES],
        "words": [(t, t) for t in CHECK_AS_WORDS],
    }


def test_the_twenty_fifth_sessions_check_sentences() -> None:
    """Rules + model on the check sentences: main (before the session) marked 17 of the 60
    nouns, found 56 of the 66 names and none of the 12 cafes, and marked 3 of the 20 words;
    the session's changes give 3, 62, 10 and 3 (docs/pseudonymise.md). Since the twenty-seventh
    session's reading of word-names by their context (``learned._read_by_context``), all 66
    names ("honey" in the four frames it was missed in). A regression guard."""
    cases = _check_cases()
    rows = [(kind, text, part) for kind, pairs in cases.items() for text, part in pairs]
    frame = pd.DataFrame({"comment_id": [f"k{i}" for i in range(len(rows))],
                          "text": [text for _, text, _ in rows]})
    marked: dict[str, set[int]] = {}
    for cid, s, e in detect_pii(frame)[["comment_id", "start", "end"]].itertuples(index=False):
        marked.setdefault(cid, set()).update(range(s, e))
    touched: dict[str, int] = dict.fromkeys(cases, 0)
    whole: dict[str, int] = dict.fromkeys(cases, 0)
    for i, (kind, text, part) in enumerate(rows):
        start = text.index(part)
        chars = {j for j in range(start, start + len(part)) if not text[j].isspace()}
        got = marked.get(f"k{i}", set())
        touched[kind] += bool(chars & got)
        whole[kind] += chars <= got
    assert (len(cases["nouns"]), len(cases["names"]), len(cases["cafes"])) == (60, 66, 12)
    assert touched["nouns"] <= 4, touched
    assert whole["names"] >= 66, whole
    assert whole["cafes"] >= 9, whole
    assert touched["words"] <= 3, touched


#: Contrast sentences written in the twenty-sixth session before any change was tried, and
#: kept fixed (docs/pseudonymise.md reports them): words that are names too, used as words in
#: several frames ("sunny", "faith", "rose", "honey" as an endearment, "quizzes", "deadlines",
#: "a little acorn" and other word-names), and the same words as people's or a nursery's names.
CHECK_WORDS_26 = [
    "it was sunny at the park so we had a picnic",
    "its been sunny all week but i stayed in my room",
    "the weather was sunny the day we moved in",
    "a sunny afternoon at the lake with my carers was the best",
    "sunny weather makes me feel better about stuff",
    "i have faith in my new worker she seems ok",
    "faith is a big part of my life and i go to mosque on fridays",
    "my faith helps me when things are hard",
    "i lost all faith in the council after the last move",
    "keeping the faith is hard when nobody rings you back",
    "the rent rose by fifty pound this year",
    "my anxiety rose when they said i had to move again",
    "rose petals fell all over the path",
    "we planted a rose in the garden for my nan",
    "the sun rose and i still hadnt slept",
    "thanks honey she said when i made her a brew",
    "my carer calls everyone honey even the postman",
    "we had honey on toast for breakfast",
    "honey and lemon is good for a sore throat",
    "night honey love you, my foster mum says every night",
    "quizzes at school stress me out",
    "i like the quizzes we do at youth club on tuesdays",
    "the quizzes on friday are the worst bit of the week",
    "deadlines at college are too tight for me",
    "i keep missing deadlines because of all the moving",
    "my deadlines got moved after i told my tutor",
    "there was a little acorn on the path outside the home",
    "i felt like a little acorn waiting to grow into something",
    "hope is what keeps me going some days",
    "summer holidays are so boring in care",
    "it was a joy to see my brother again",
    "the sky was grey the day i left",
    "the storm kept me up all night",
    "my mark in english went up this term",
    "the gas bill is too high for my flat",
    "to be frank nobody listens to us",
    "the traffic light went amber and my carer slammed the brakes",
    "the ginger cat next door sits on our wall",
    "a penny for your thoughts my nan always says",
    "we ate cherry pie at christmas and it was lush",
]
#: (sentence, the name in it)
CHECK_NAMES_26 = [
    ("the little acorn nursery on our road is shutting down", "little acorn nursery"),
    ("Sunny is my key worker and shes sound", "Sunny"),
    ("sunny my key worker sorted my bus pass", "sunny"),
    ("Faith my PA rang me today about my flat", "Faith"),
    ("faith from the leaving care team helped me move", "faith"),
    ("Rose from the leaving care team is the best", "Rose"),
    ("me and rose went into town on saturday", "rose"),
    ("honey my little sister is 4 and she lives with my nan", "honey"),
    ("my best mate honey lives in the next street", "honey"),
    ("my sister honey got adopted last year", "honey"),
    ("my little brother goes to little acorns nursery", "little acorns"),
    ("hope my social worker is lovely", "hope"),
    ("i went to the park with summer and grace", "summer"),
    ("i went to the park with summer and grace", "grace"),
    ("amber and jade are my foster sisters", "amber"),
    ("amber and jade are my foster sisters", "jade"),
    ("sky in my class keeps calling me names", "sky"),
]


def test_the_twenty_sixth_sessions_contrast_sentences() -> None:
    """Rules + model on the contrast sentences: 4 of the 40 words are marked ("sunny" twice,
    "faith" opening a sentence, "rose" before "petals"), on main and after the twenty-sixth
    session alike (measured, not fixed: docs/pseudonymise.md says what was tried); 15 of the
    17 names were found whole on main and 16 after it ("grace" in "with summer and grace",
    joined to the name the model found; "little" of a nursery's name is still left). The
    twenty-seventh session's reading of word-names by their context marks a fifth word, the
    endearment in "my carer calls everyone honey" (the price of finding "honey" as a child's
    name: docs/pseudonymise.md). A regression guard: a change that marks more of these words
    or finds fewer of these names fails it."""
    texts = CHECK_WORDS_26 + list(dict.fromkeys(t for t, _ in CHECK_NAMES_26))
    frame = pd.DataFrame({"comment_id": [f"w{i}" for i in range(len(texts))], "text": texts})
    marked: dict[str, set[int]] = {}
    for cid, s, e in detect_pii(frame)[["comment_id", "start", "end"]].itertuples(index=False):
        marked.setdefault(cid, set()).update(range(s, e))
    ids = dict(zip(texts, frame["comment_id"], strict=True))
    words = sum(bool(marked.get(ids[t])) for t in CHECK_WORDS_26)
    found = 0
    for text, name in CHECK_NAMES_26:
        start = text.index(name)
        found += set(range(start, start + len(name))) - {
            start + k for k, ch in enumerate(name) if ch == " "} <= marked.get(ids[text], set())
    assert (len(CHECK_WORDS_26), len(CHECK_NAMES_26)) == (40, 17)
    assert words <= 5, words
    assert found >= 16, found


def _word_name_contrasts() -> list[tuple[str, list[tuple[int, int]]]]:
    """``tests/data/word_name_contrasts.txt``: each sentence and its names' offsets."""
    spec = importlib.util.spec_from_file_location("build_demo", ROOT / "corpora" / "build_demo.py")
    build_demo = sys.modules.get("build_demo")
    if build_demo is None:
        build_demo = importlib.util.module_from_spec(spec)
        sys.modules["build_demo"] = build_demo
        spec.loader.exec_module(build_demo)
    out = []
    path = ROOT / "tests" / "data" / "word_name_contrasts.txt"
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            text, pii = build_demo.parse_markup(line)
            out.append((text, [(p["start"], p["end"]) for p in pii]))
    return out


def test_the_twenty_seventh_sessions_word_name_contrasts() -> None:
    """Rules + model on ``tests/data/word_name_contrasts.txt`` (written before any change was
    tried, kept fixed): 18 word-names as words in 43 sentences and as names in 46 (47 names).
    Main marked 10 of the words and found 44 of the names (missed: "honey" twice, "with will
    all nite"); reading word-names by their context too finds 46, and marks the same 10
    words (docs/pseudonymise.md). Leaving a word-name alone where the words after it make it
    the word ("Sunny days", "Summer is my favourite time of year") marks 8.
    A regression guard."""
    rows = _word_name_contrasts()
    frame = pd.DataFrame({"comment_id": [f"x{i}" for i in range(len(rows))],
                          "text": [text for text, _ in rows]})
    marked: dict[str, set[int]] = {}
    for cid, s, e in detect_pii(frame)[["comment_id", "start", "end"]].itertuples(index=False):
        marked.setdefault(cid, set()).update(range(s, e))
    words = sum(bool(marked.get(f"x{i}")) for i, (_, names) in enumerate(rows) if not names)
    found = sum(set(range(s, e)) <= marked.get(f"x{i}", set())
                for i, (_, names) in enumerate(rows) for s, e in names)
    assert (sum(not n for _, n in rows), sum(len(n) for _, n in rows)) == (43, 47)
    assert words <= 8, words
    assert found >= 46, found


@pytest.mark.parametrize("text", ["in yr 4 honey pushed me", "at dinner honey sat next to me",
                                  "i miss honey so much since she moved"])
def test_a_word_name_is_read_by_its_context_too(text: str) -> None:
    """"honey" weighs against a name by itself (-0.77, and the affixes of "honest" and
    "money"), which outvoted frames where the model reads any other word-name as a name
    ("in yr 4 hope pushed me"); read without its own features too, the likelier reading wins."""
    start = text.index("honey")
    found = [(s.start, s.end) for s in TokenModelDetector().find("c1", text)]
    assert (start, start + 5) in found, found


def test_the_context_reading_only_raises_a_name_probability() -> None:
    from carevoice.pseudonymise.learned import OUTSIDE, _read_by_context

    model = packaged_token_model()
    outside = model.classes.index(OUTSIDE)
    for text in ("we had honey on toast", "in yr 4 honey pushed me", "me and will went",
                 "i will ring kai"):
        features = token_features(text)[1]
        plain = model.predict_proba(features)
        read = _read_by_context(model, features, plain.copy())
        assert (read[:, outside] <= plain[:, outside] + 1e-12).all(), text
        for i, feats in enumerate(features):  # only words that are names and words change
            if "lx=wordname" not in feats:
                np.testing.assert_array_equal(read[i], plain[i])
