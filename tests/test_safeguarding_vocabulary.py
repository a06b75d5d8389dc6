"""The screen's vocabulary of harm keeps up with its cue rules, and the screen reads carevoice's
tags as words: pseudonymised text is screened for what it says. Every comment is fictional."""

from __future__ import annotations

import itertools
import re
from re import _constants as sre_constants
from re import _parser as sre_parser

import pandas as pd
import pytest

from carevoice.pseudonymise._words import frequency
from carevoice.pseudonymise.lexicons import NOT_PII, ROLE_WORDS
from carevoice.safeguarding import SafeguardingConfig, screen_comments, screen_text
from carevoice.safeguarding.cues import CUES, _expand
from carevoice.safeguarding.vocabulary import HARM_WORDS, NAMES_TOO

_UNKNOWN = "\x00"  # a part of a pattern that matches more than a few fixed strings
_CAP = 4000


def _forms(items: list) -> list[str]:
    """The strings a parsed pattern matches, letters kept, other characters as spaces, and
    any part that matches open-ended text as :data:`_UNKNOWN`."""
    out = [""]
    for op, av in items:
        found = _item(op, av)
        if found is None or len(out) * len(found) > _CAP:
            out = [o + _UNKNOWN for o in out] if len(out) <= _CAP else [_UNKNOWN]
            continue
        out = [a + b for a in out for b in found]
    return out


def _item(op, av) -> list[str] | None:
    c = sre_constants
    if op is c.LITERAL:
        return [chr(av) if chr(av).isalpha() else " "]
    if op is c.AT:
        return [" "]
    if op in (c.ASSERT, c.ASSERT_NOT):  # look-arounds consume nothing
        return [""]
    if op is c.SUBPATTERN:
        return _forms(av[3])
    if op is c.BRANCH:
        return [f for branch in av[1] for f in _forms(branch)]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, sub = av
        if high is c.MAXREPEAT or high > 3:
            return None
        forms = _forms(sub)
        if len(forms) ** high > _CAP:
            return None
        return ["".join(p) for k in range(low, high + 1)
                for p in itertools.product(forms, repeat=k)]
    if op is c.IN and all(o is c.LITERAL for o, _ in av) and len(av) <= 4:
        return [chr(a) if chr(a).isalpha() else " " for _, a in av]
    return None


def _cue_words() -> set[str]:
    """The whole words the cue rules match, written out in a rule (not a stem before
    open-ended letters, "cuckoo" of "cuckoo\\w*", nor letters joined across an optional space)."""
    patterns = [_expand(p) for cue in CUES for p in (cue.pattern, *(r for _, r in cue.routes))]
    plain = [re.sub(r"\\[A-Za-z]", " ", p) for p in patterns]
    words = set()
    for pattern in patterns:
        for form in _forms(sre_parser.parse(pattern)):
            words |= {w for w in form.split(" ") if w and _UNKNOWN not in w}
    return {w for w in words
            if any(re.search(rf"(?<![a-z]){w}(?![a-z])", p) for p in plain)}


def test_every_uncommon_word_of_the_rules_is_in_the_vocabulary():
    """A word the cue rules read that the pseudonymiser would take for an unknown name when
    capitalised (rarer than 500 in its word list) is in HARM_WORDS, unless it is never personal
    data anyway or is also someone's name (NAMES_TOO). A new rule with a new word fails here:
    add the word to carevoice/safeguarding/vocabulary.py."""
    words = _cue_words()
    assert {"county", "lines", "cunch", "shotting", "nudes", "bailiffs"} <= words  # read right
    assert "cuckoo" not in words and "andb" not in words  # a stem; letters across a space
    uncommon = {w for w in words if len(w) >= 3 and frequency(w) < 500}
    missing = sorted(uncommon - HARM_WORDS - NOT_PII - ROLE_WORDS - NAMES_TOO)
    assert missing == []


def test_the_vocabulary_names_the_forms_of_the_rules_stems():
    """Words written by the rules as a stem ("cuckoo\\w*", "traffick\\w*") are in the
    vocabulary in the forms young people write, and the screen flags each of them."""
    for word in ("cuckooing", "cuckooed", "trafficking", "trafficked", "sextortion",
                 "overdosed", "absconding", "misper", "groomed", "exploited"):
        assert word in HARM_WORDS
        assert screen_text(f"it was {word}"), word


@pytest.mark.parametrize(("text", "category"), [
    ("[PERSON_1] hits me when nobody is home", "abuse"),
    ("[Person 4] hits me when nobody is home", "abuse"),
    ("i sleep at [PERSON_2]s house and my carers dont know where i am", "missing"),
    ("my boyfriend [PERSON_7] takes my money and checks my phone", "domestic_abuse"),
])
def test_the_screen_reads_tags_as_words(text, category):
    """A tag reads as "someone" (as the models read it), not as the words "person 1"."""
    assert category in screen_text(text)


def test_a_tag_is_not_read_as_its_label():
    """"missing [PERSON_3]" is someone missed, not a "missing person"."""
    assert screen_text("care is missing [PERSON_3] she is my big sister") == {}
    assert screen_text("care is missing [Person 3] she is my big sister") == {}
    assert "missing" in screen_text("i was reported as a missing person twice")


def test_tags_give_the_flags_of_any_name_in_their_place():
    """The same comment with a tag or with a name of a person gives the same flags."""
    pairs = [("someone hits me at the weekends", "[PERSON_12] hits me at the weekends"),
             ("i stay at someones flat and my carers dont know",
              "i stay at [PERSON_3]'s flat and my carers dont know")]
    rules = SafeguardingConfig(similarity=False)
    for plain, tagged in pairs:
        frame = pd.DataFrame({"comment_id": ["a", "b"], "text": [plain, tagged]})
        flags = screen_comments(frame, rules)
        by = {cid: set(zip(g["category"], g["level"])) for cid, g in flags.groupby("comment_id")}
        assert by.get("a") and by.get("a") == by.get("b")
