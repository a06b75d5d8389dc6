"""Replacement: tags, surrogates, redaction; consistency and HMAC determinism. No spaCy here."""

from __future__ import annotations

import re
import sys

import pandas as pd
import pytest

from carevoice.errors import InputError
from carevoice.pseudonymise import (
    NameDetector,
    PatternDetector,
    PseudonymiseConfig,
    ReplaceConfig,
    pseudonymise,
    replace_spans,
)
from carevoice.pseudonymise.replace import (
    Replacer,
    as_secret,
    entity_id,
    normalise_entity,
    span_mentions,
)

SECRET = b"test-secret-with-enough-bytes-0123456789"
DETECTORS = (PatternDetector(), NameDetector())


@pytest.fixture
def comments() -> pd.DataFrame:
    return pd.DataFrame({
        "comment_id": ["c1", "c2", "c3"],
        "respondent_id": ["r1", "r1", "r2"],
        "text": ["me and Kai went to see Bev", "kai rang me on 07700 900123",
                 "KAI's mate Bev moved to LS6 2AB on 4th January 2021"],
    }, index=[5, 6, 7])


def spans_for(comments):
    from carevoice.pseudonymise import detect_pii

    return detect_pii(comments, DETECTORS)


def test_replace_py_never_imports_spacy():
    import subprocess

    code = ("import sys, pandas as pd; import carevoice.pseudonymise.replace as r; "
            "r.replace_spans(pd.DataFrame({'comment_id':['a'],'text':['x Kai']}), "
            "pd.DataFrame({'comment_id':['a'],'start':[2],'end':[5],'label':['PERSON']}), "
            "secret=b'0'*32, config=r.ReplaceConfig(mode='surrogates')); "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_tags_are_consistent_across_the_corpus(comments):
    result = pseudonymise(comments, secret=SECRET, detectors=DETECTORS)
    texts = result.comments["text"].tolist()
    assert texts[0] == "me and [PERSON_1] went to see [PERSON_2]"
    assert texts[1].startswith("[PERSON_1] rang me on [PHONE_1]")
    assert texts[2].startswith("[PERSON_1]'s mate [PERSON_2] moved to [POSTCODE_1] on [DATE_1]")


def test_input_is_not_mutated_and_index_kept(comments):
    before = comments.copy(deep=True)
    result = pseudonymise(comments, secret=SECRET, detectors=DETECTORS)
    pd.testing.assert_frame_equal(comments, before)
    assert list(result.comments.index) == [5, 6, 7]
    assert list(result.comments.columns) == list(comments.columns)
    assert result.comments["respondent_id"].tolist() == ["r1", "r1", "r2"]


def test_hmac_is_keyed_and_deterministic():
    a = entity_id(SECRET, "PERSON", "Kai")
    assert a == entity_id(SECRET, "PERSON", " kai ")
    assert a == entity_id(SECRET, "PERSON", "KAI's")
    assert a != entity_id(SECRET, "LOCATION", "Kai")
    assert a != entity_id(b"another-secret-of-enough-length!!", "PERSON", "Kai")
    import hashlib

    assert a != hashlib.sha256(b"Kai").hexdigest()  # not a plain, guessable hash
    assert re.fullmatch(r"[0-9a-f]{64}", a)


def test_surrogates_same_secret_same_values(comments):
    config = PseudonymiseConfig(mode="surrogates")
    one = pseudonymise(comments, config, secret=SECRET, detectors=DETECTORS).comments["text"]
    two = pseudonymise(comments, config, secret=SECRET, detectors=DETECTORS).comments["text"]
    other = pseudonymise(comments, config, secret=b"x" * 32, detectors=DETECTORS).comments["text"]
    assert one.tolist() == two.tolist()
    assert one.tolist() != other.tolist()
    assert not any("Kai" in t or "kai" in t or "Bev" in t or "07700 900123" in t for t in one)


@pytest.mark.parametrize(("label", "original", "shape"), [
    ("PERSON", "Kai", r"[A-Z][a-z]+"),
    ("PERSON", "kai", r"[a-z]+"),
    ("PERSON", "Mrs Khan", r"Mrs [A-Z][A-Za-z'-]+"),
    ("PERSON", "Mister Khan", r"Mister [A-Z][A-Za-z'-]+"),
    ("PERSON", "Kai Brennan", r"[A-Z][a-z]+ [A-Z][A-Za-z'-]+"),
    ("PHONE", "07700 900318", r"07700 900\d{3}"),
    ("EMAIL", "jade@example.com", r"[a-z]+\.[a-z'-]+\d*@example\.com"),
    ("HANDLE", "@daz_mcr_77", r"@\S+"),
    ("POSTCODE", "LS6 2AB", r"[A-Z0-9]{2,4} [0-9][A-Z]{2}"),
    ("POSTCODE", "ls62ab", r"[a-z0-9]{5,7}"),
    ("ID", "CR/2019/40772", r"[A-Z]{2}/\d{4}/\d{5}"),
    ("DATE", "14/03/2023", r"\d{2}/\d{2}/2023"),
    ("DATE", "4th January 2021", r"\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ 2021"),
    ("DATE", "2008-07-03", r"2008-\d{2}-\d{2}"),
    # nothing to shift: a date is written instead, never the original
    ("DATE", "christmas day 2009", r"\d{1,2} [A-Za-z]+ 2009"),
    ("ORG", "Willow Lodge", r"[A-Z][A-Za-z'-]+ Lodge"),
    ("ORG", "Kirkwood Council", r"[A-Z][A-Za-z'-]+ Council"),
    ("LOCATION", "Mill Lane", r"[A-Z][A-Za-z'-]+ Lane"),
    ("ADDRESS", "14 Cranbrook Street", r"\d+ .+"),
])
def test_surrogates_keep_the_shape(label, original, shape):
    replacer = Replacer(SECRET, ReplaceConfig(mode="surrogates"))
    _, value = replacer.replace(original, label)
    assert re.fullmatch(shape, value), value
    assert normalise_entity(value) != normalise_entity(original)


def test_a_name_after_a_title_gets_a_surname():
    # detectors leave the title out of the span; the name after it is a surname, and its
    # surrogate is one (Faker's surnames), not a first name ("Mrs Alison")
    from carevoice.pseudonymise.surrogates import name_pools

    frame = pd.DataFrame({"comment_id": ["a"], "text": ["Mrs Okafor said no, then Okafor left"]})
    spans = pd.DataFrame({"comment_id": ["a", "a"], "start": [4, 25], "end": [10, 31],
                          "label": ["PERSON", "PERSON"]})
    out, occ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(mode="surrogates"))
    first, second = occ["replacement"].tolist()
    assert first == second and first != "Okafor"
    assert out["text"].iloc[0] == f"Mrs {first} said no, then {first} left"
    assert first in name_pools().surnames[1]


def test_redaction(comments):
    result = pseudonymise(comments, PseudonymiseConfig(mode="redact"), detectors=DETECTORS)
    assert result.comments["text"].iloc[0] == "me and [REDACTED] went to see [REDACTED]"


def test_replace_spans_rejects_overlaps_and_unknown_ids(comments):
    overlapping = pd.DataFrame({"comment_id": ["c1", "c1"], "start": [7, 8], "end": [10, 9],
                                "label": ["PERSON", "PERSON"]})
    with pytest.raises(InputError, match="c1") as err:
        replace_spans(comments, overlapping, secret=SECRET)
    assert "Kai" not in str(err.value)
    unknown = pd.DataFrame({"comment_id": ["zz"], "start": [0], "end": [1], "label": ["ID"]})
    with pytest.raises(InputError, match="zz"):
        replace_spans(comments, unknown, secret=SECRET)


def test_given_spans_are_used_instead_of_detection(comments):
    spans = pd.DataFrame({"comment_id": ["c1"], "start": [0], "end": [2], "label": ["PERSON"]})
    result = pseudonymise(comments, secret=SECRET, spans=spans)
    assert result.comments["text"].tolist()[0] == "[PERSON_1] and Kai went to see Bev"
    assert result.comments["text"].tolist()[1] == comments["text"].tolist()[1]


def test_secret_checks():
    assert len(as_secret(None)) == 32
    assert as_secret("a" * 20) == b"a" * 20
    with pytest.raises(InputError, match="16 bytes"):
        as_secret("short")
    with pytest.raises(InputError, match="bytes or str"):
        as_secret(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize(("kwargs", "word"), [
    ({"mode": "blur"}, "mode"), ({"review_threshold": 2.0}, "review_threshold"),
    ({"n_process": 0}, "n_process"), ({"batch_size": True}, "batch_size"),
    ({"use_spacy": "yes"}, "use_spacy"), ({"min_score": -1}, "min_score"),
])
def test_config_is_checked(kwargs, word):
    with pytest.raises(InputError, match=word):
        PseudonymiseConfig(**kwargs)


def test_result_repr_holds_no_text(comments):
    result = pseudonymise(comments, secret=SECRET, detectors=DETECTORS)
    shown = repr(result) + repr(result.key)
    assert "Kai" not in shown and "Bev" not in shown and "07700" not in shown
    assert set(result.counts()["label"]) >= {"PERSON", "PHONE"}


def test_text_in_another_script_is_masked_in_every_mode_and_comes_back() -> None:
    frame = pd.DataFrame({"comment_id": ["a", "b"],
                          "text": ["my brother محمد lives with us", "محمد and علي came"]})
    tags = pseudonymise(frame, PseudonymiseConfig(mode="tags"), secret=SECRET)
    assert tags.comments["text"].tolist() == ["my brother [OTHER_SCRIPT_1] lives with us",
                                              "[OTHER_SCRIPT_1] and [OTHER_SCRIPT_2] came"]
    fake = pseudonymise(frame, PseudonymiseConfig(mode="surrogates"), secret=SECRET)
    assert fake.comments["text"].tolist() == ["my brother [other script] lives with us",
                                              "[other script] and [other script] came"]
    assert set(tags.spans["label"]) == {"OTHER_SCRIPT"}
    from carevoice.pseudonymise import reidentify

    for result in (tags, fake):
        back = reidentify(result.comments, result.key)
        assert back["text"].tolist() == frame["text"].tolist()


def _people(names: list[str], secret: bytes = SECRET) -> dict[str, str]:
    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(names))],
                          "text": [f"me and {n} went" for n in names]})
    spans = pd.DataFrame({"comment_id": frame["comment_id"], "start": 7,
                          "end": [7 + len(n) for n in names], "label": "PERSON"})
    _, occ = replace_spans(frame, spans, secret=secret, config=ReplaceConfig(mode="surrogates"))
    return dict(zip(occ["original"], occ["replacement"], strict=True))


def _names(n: int) -> list[str]:
    from carevoice.pseudonymise.surrogates import name_pools

    pools = name_pools()
    return sorted(set(pools.male[1] + pools.female[1]))[::7][:n]


def test_different_people_never_share_a_surrogate():
    # the old pool was en_GB's 364 first names and reused a surrogate after 20 collisions
    got = _people(_names(400))
    assert len(set(got.values())) == 400
    assert not set(got.values()) & set(got)  # no surrogate is another child's real name


def test_a_surrogate_does_not_depend_on_who_came_first():
    names = _names(120)
    alone = _people(names[:100])
    assert _people(names[:100][::-1]) == alone  # the same people in another order
    # 20 new people before the same 100 (the old code changed 7 of 100): a new person may
    # take a surrogate first (when the secret's order puts them first) or be a surrogate's
    # name ("Beth"), so a few move; a previous wave's key keeps them all (tested below)
    later = _people(names[100:] + names[:100])
    assert sum(alone[n] != later[n] for n in names[:100]) <= 5


def test_a_surrogate_is_never_a_name_found_in_the_data():
    # whatever the secret draws first for "Kai", put that name in the data as well: Kai's
    # surrogate must then be another name, and no one's surrogate may be "Kai"
    first = _people(["Kai"])["Kai"]
    got = _people(["Kai", first])
    assert got["Kai"] not in ("Kai", first) and got[first] not in ("Kai", first)


def test_parts_of_one_name_map_to_parts_of_one_surrogate():
    text = "My sw is Sarah Okafor. Sarah is nice but Okafor is strict, ask Ms Okafor"
    frame = pd.DataFrame({"comment_id": ["a"], "text": [text]})
    spans = pd.DataFrame({"comment_id": "a", "start": [9, 23, 41, 66], "end": [21, 28, 47, 72],
                          "label": "PERSON"})
    out, occ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(mode="surrogates"))
    full, first, last, titled = occ["replacement"].tolist()
    assert full == f"{first} {last}" and titled == last
    assert out["text"].iloc[0] == (f"My sw is {full}. {first} is nice but {last} is strict, "
                                   f"ask Ms {last}")


def test_a_surrogate_follows_the_gender_the_words_around_give():
    from carevoice.pseudonymise.surrogates import name_pools

    pools = name_pools()
    male = set(pools.male[1]) | set(pools.either[1])
    frame = pd.DataFrame({"comment_id": ["a", "b"],
                          "text": ["my brother Zorblax is 9", "he said Quixley was kind, he"]})
    spans = pd.DataFrame({"comment_id": ["a", "b"], "start": [11, 8], "end": [18, 15],
                          "label": "PERSON"})
    _, occ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(mode="surrogates"))
    assert set(occ["replacement"]) <= male


@pytest.mark.parametrize("initials", ["TJ", "KB", "tj"])
def test_initials_get_initials_as_their_surrogate(initials):
    # "my mate TJ" gave "my mate CLAIRE": a name in capitals where initials stood
    frame = pd.DataFrame({"comment_id": ["a"], "text": [f"me and {initials} went out"]})
    spans = pd.DataFrame({"comment_id": ["a"], "start": [7], "end": [7 + len(initials)],
                          "label": ["PERSON"]})
    _, occ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(mode="surrogates"))
    value = occ["replacement"].iloc[0]
    assert len(value) == len(initials) and value != initials, value
    assert value.isupper() == initials.isupper() and value.isalpha(), value


@pytest.mark.parametrize(("names", "gender"), [
    (["Deano", "Stevo", "Danno", "Jamesy", "Daveo"], "male"),
    (["Jadey", "Chloey"], "female"),
])
def test_a_pet_form_gets_a_surrogate_of_the_gender_of_its_name(names, gender):
    # "deano", a pet form of "dean", is in no name list: its surrogate could be a girl's name
    from carevoice.pseudonymise.surrogates import name_pools

    pools = name_pools()
    own = set(getattr(pools, gender)[1]) | set(pools.either[1])
    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(len(names))],
                          "text": [f"{name} got moved" for name in names]})
    spans = pd.DataFrame({"comment_id": frame["comment_id"], "start": 0,
                          "end": [len(n) for n in names], "label": "PERSON"})
    _, occ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(mode="surrogates"))
    assert set(occ["replacement"]) <= own, occ["replacement"].tolist()


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("i went to jaydens house", (10, 17), "s house"),
    ("that is Kai's room", (8, 13), "'s room"),
])
def test_a_possessive_ending_is_kept(text, span, kept):
    frame = pd.DataFrame({"comment_id": ["a"], "text": [text]})
    spans = pd.DataFrame({"comment_id": ["a"], "start": [span[0]], "end": [span[1]],
                          "label": ["PERSON"]})
    for mode in ("tags", "surrogates"):
        out, _ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(mode=mode))
        assert out["text"].iloc[0].endswith(kept), out["text"].iloc[0]
    # "jaydens" is the person "jayden": the same tag as "jayden" elsewhere
    both = pd.DataFrame({"comment_id": ["a", "b"], "text": ["jaydens house", "me and jayden"]})
    spans = pd.DataFrame({"comment_id": ["a", "b"], "start": [0, 7], "end": [7, 13],
                          "label": "PERSON"})
    out, _ = replace_spans(both, spans, secret=SECRET)
    assert out["text"].tolist() == ["[PERSON_1]s house", "me and [PERSON_1]"]


def test_tags_in_words():
    frame = pd.DataFrame({"comment_id": ["a"], "text": ["me and Kai in Leeds"]})
    spans = pd.DataFrame({"comment_id": "a", "start": [7, 14], "end": [10, 19],
                          "label": ["PERSON", "LOCATION"]})
    out, _ = replace_spans(frame, spans, secret=SECRET, config=ReplaceConfig(tag_style="words"))
    assert out["text"].iloc[0] == "me and [Person 1] in [Place 1]"
    with pytest.raises(InputError, match="tag_style"):
        ReplaceConfig(tag_style="fancy")
    with pytest.raises(InputError, match="locale"):
        ReplaceConfig(locale="xx_XX")
    with pytest.raises(InputError, match="redaction"):
        ReplaceConfig(redaction="")


WAVE1 = pd.DataFrame({"comment_id": ["a1", "a2"],
                      "text": ["me and Kai went", "Bev lives in Leeds"]})
WAVE2 = pd.DataFrame({"comment_id": ["b1", "b2"],
                      "text": ["Zorblax and Bev came", "then Kai moved to Leeds"]})


@pytest.mark.parametrize("mode", ["tags", "surrogates"])
def test_a_wave_continues_the_previous_waves_replacements(tmp_path, mode):
    config = PseudonymiseConfig(mode=mode)
    first = pseudonymise(WAVE1, config, secret=SECRET, detectors=DETECTORS)
    path = first.write_key(tmp_path / "wave1.key", SECRET)
    second = pseudonymise(WAVE2, config, secret=SECRET, detectors=DETECTORS, previous_key=path)
    before = dict(zip(first.key.occurrences["original"], first.key.occurrences["replacement"],
                      strict=True))
    after = dict(zip(second.key.occurrences["original"], second.key.occurrences["replacement"],
                     strict=True))
    assert after["Kai"] == before["Kai"] and after["Bev"] == before["Bev"]
    assert after["Zorblax"] not in before.values()
    if mode == "tags":
        assert after["Zorblax"] == "[PERSON_3]"  # numbered after the first wave's two
    # the third wave still knows the first wave's people through the second wave's key
    third = pseudonymise(pd.DataFrame({"comment_id": ["c1"], "text": ["Kai and Zorblax"]}),
                         config, secret=SECRET, detectors=DETECTORS,
                         previous_key=second.key)
    occ = third.key.occurrences
    assert dict(zip(occ["original"], occ["replacement"], strict=True)) == {
        "Kai": before["Kai"], "Zorblax": after["Zorblax"]}
    # without the previous key, tags restart: the claim the docs no longer make
    if mode == "tags":
        alone = pseudonymise(WAVE2, config, secret=SECRET, detectors=DETECTORS)
        assert alone.comments["text"].iloc[0] == "[PERSON_1] and [PERSON_2] came"


def test_a_previous_surrogate_that_is_now_a_real_name_is_drawn_again():
    config = PseudonymiseConfig(mode="surrogates")
    first = pseudonymise(WAVE1, config, secret=SECRET, detectors=DETECTORS)
    kai = first.key.occurrences.set_index("original").loc["Kai", "replacement"]
    wave2 = pd.DataFrame({"comment_id": ["b1"], "text": [f"me and Kai and {kai} went"]})
    second = pseudonymise(wave2, config, secret=SECRET, detectors=DETECTORS,
                          previous_key=first.key)
    after = dict(zip(second.key.occurrences["original"], second.key.occurrences["replacement"],
                     strict=True))
    assert after["Kai"] != kai and after[kai] != kai
    assert second.notes and "drawn again" in second.notes[0]


def test_a_previous_key_must_match_secret_and_mode():
    first = pseudonymise(WAVE1, secret=SECRET, detectors=DETECTORS)
    with pytest.raises(InputError, match="another project secret"):
        pseudonymise(WAVE2, secret=b"y" * 32, detectors=DETECTORS, previous_key=first.key)
    with pytest.raises(InputError, match="mode"):
        pseudonymise(WAVE2, PseudonymiseConfig(mode="surrogates"), secret=SECRET,
                     detectors=DETECTORS, previous_key=first.key)
    with pytest.raises(InputError, match="secret"):
        pseudonymise(WAVE2, detectors=DETECTORS, previous_key=first.key)


def test_a_corpus_replaced_piece_by_piece_after_one_plan_is_replaced_as_one_piece():
    """Planned with every piece's mentions first, the pieces get the surrogates of one run
    over the whole corpus; planned piece by piece, the first piece's surrogate can be a real
    name of a later piece."""
    from carevoice.pseudonymise.replace import span_mentions

    config = ReplaceConfig(mode="surrogates")
    taken = Replacer(SECRET, config).replace("Kai", "PERSON")[1]
    comments = pd.DataFrame({"comment_id": ["c1", "c2", "c3"],
                             "text": ["my friend Kai came", f"{taken} is my mate", "Mrs Lee"]})
    spans = pd.DataFrame({"comment_id": ["c1", "c2", "c3"], "start": [10, 0, 4],
                          "end": [13, len(taken), 7], "label": ["PERSON"] * 3})
    whole, occurrences = replace_spans(comments, spans, secret=SECRET, config=config)
    assert taken not in " ".join(whole["text"])
    replacer = Replacer(SECRET, config)
    replacer.plan(span_mentions(comments, spans))
    pieces = [replace_spans(comments.iloc[[i]], spans.iloc[[i]], replacer=replacer, plan=False)
              for i in range(3)]
    assert pd.concat([p[0] for p in pieces])["text"].tolist() == whole["text"].tolist()
    assert pd.concat([p[1] for p in pieces], ignore_index=True).equals(occurrences)
    alone = Replacer(SECRET, config)
    first = replace_spans(comments.iloc[[0]], spans.iloc[[0]], replacer=alone)[0]
    assert first["text"].tolist() == [f"my friend {taken} came"]


# --- one person however the name is spelt -------------------------------------------------

VARIANTS = pd.DataFrame({"comment_id": ["v1", "v2", "v3", "v4"], "text": [
    "Fr3ddie said Freddie is fine, freddddie to his mates",
    "FREDDDDIE rang Mrs Mens4h and then Mrs Mensah",
    "Ana and Anna, Jon and Joan, Sam and Sami are six people",
    "Bellllla and Bella came with Saaaami",
]})
#: The spellings of one person each.
ONE_PERSON = [{"Fr3ddie", "Freddie", "freddddie", "FREDDDDIE"}, {"Mens4h", "Mensah"},
              {"Bellllla", "Bella"}, {"Saaaami", "Sami"}]
#: Names that look alike and are different people.
DIFFERENT = ["Ana", "Anna", "Jon", "Joan", "Sam", "Sami"]


def name_spans(comments: pd.DataFrame) -> pd.DataFrame:
    """A PERSON span for every word of :data:`ONE_PERSON` and :data:`DIFFERENT`."""
    names = set(DIFFERENT).union(*ONE_PERSON)
    rows = [(cid, m.start(), m.end(), "PERSON")
            for cid, text in zip(comments["comment_id"], comments["text"], strict=True)
            for m in re.finditer(r"[\w@$]+", text) if m.group() in names]
    return pd.DataFrame(rows, columns=["comment_id", "start", "end", "label"])


def replaced_as(occurrences: pd.DataFrame) -> dict[str, set[tuple[str, str]]]:
    """Each name as written -> its (entity_id, replacement case-folded)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for original, eid, rep in occurrences[["original", "entity_id", "replacement"]].itertuples(
            index=False):
        out.setdefault(original, set()).add((eid, rep.casefold()))
    return out


@pytest.mark.parametrize("mode", ["tags", "surrogates"])
def test_every_spelling_of_one_name_gets_one_tag_or_surrogate(mode):
    """ "Fr3ddie" and "freddddie" are Freddie, as the detector reads them: one entity, one
    tag, one surrogate, in one comment and across comments; "Ana" and "Anna" stay two."""
    spans = name_spans(VARIANTS)
    out, occurrences = replace_spans(VARIANTS, spans, secret=SECRET,
                                     config=ReplaceConfig(mode=mode))
    seen = replaced_as(occurrences)
    for spellings in ONE_PERSON:
        assert len(set().union(*(seen[w] for w in spellings))) == 1, spellings
    different = [seen[w] for w in DIFFERENT]
    assert all(len(d) == 1 for d in different)
    assert len(set().union(*different)) == len(DIFFERENT)  # six people, six replacements
    people = {eid for (eid, _), in seen.values()}
    assert len(people) == len(ONE_PERSON) + len(DIFFERENT) - 1  # "Sami" is one of each
    if mode == "tags":
        assert out["text"].iloc[0] == "[PERSON_1] said [PERSON_1] is fine, [PERSON_1] to his mates"
    else:  # a surrogate of letters, in the case of the spelling it stands for
        reps = dict(zip(occurrences["original"], occurrences["replacement"], strict=True))
        assert not re.search(r"\d", " ".join(out["text"]))
        assert reps["freddddie"].islower() and reps["FREDDDDIE"].isupper()
        assert reps["Fr3ddie"] == reps["Freddie"] == reps["freddddie"].capitalize()
    # the batch runner's way: one replacer planned with every piece, the pieces one by one
    replacer = Replacer(SECRET, ReplaceConfig(mode=mode))
    replacer.plan(span_mentions(VARIANTS, spans))
    pieces = [replace_spans(VARIANTS.iloc[[i]], spans[spans["comment_id"] == cid],
                            replacer=replacer, plan=False)
              for i, cid in enumerate(VARIANTS["comment_id"])]
    assert pd.concat([p[0] for p in pieces])["text"].tolist() == out["text"].tolist()


@pytest.mark.parametrize("mode", ["tags", "surrogates"])
def test_a_later_wave_gives_another_spelling_the_earlier_replacement(mode):
    config = ReplaceConfig(mode=mode)
    first = Replacer(SECRET, config)
    then = first.replace("Fr3ddie", "PERSON")
    later = Replacer(SECRET, config, previous=first.mapping())
    lower = then[1].lower() if mode == "surrogates" else then[1]  # a surrogate in its case
    assert later.replace("freddie", "PERSON") == (then[0], lower)
    assert later.replace("Freddddie", "PERSON") == then


def test_the_entity_key_of_other_labels_is_as_it_was():
    assert entity_id(SECRET, "LOCATION", "Le3ds") != entity_id(SECRET, "LOCATION", "Leeds")
    assert entity_id(SECRET, "ORG", "Saaaam Court") != entity_id(SECRET, "ORG", "Sam Court")
    assert entity_id(SECRET, "PERSON", "Saaaam") == entity_id(SECRET, "PERSON", "sam")
