"""How the safeguarding screen reads a comment: one normal form for the ways children write.

Lower case, no apostrophes ("don't", "dont" and "dnt" are one word), text-speak spelled out
("wen", "u", "2nite"), letters repeated for emphasis cut to two ("sooo"), and the clause
boundaries (``.``, ``!``, ``?``, ``;``, line breaks, commas) kept as `` . `` and `` , `` tokens so
that negation and idiom rules look within a clause. carevoice's own tags read as its models read
them (:func:`carevoice.placeholders.model_text`: "[PERSON_3]" as "someone"), so pseudonymised
text is screened for what it says, not for the words of its tags ("missing [PERSON_3]" is no
"missing person"); and a person's name as written reads as its tag would ("Kai" as "someone",
:mod:`._names`). The cue rules in :mod:`.cues` are written against this form. Nothing here
keeps or logs the text.
"""

from __future__ import annotations

import re

__all__ = ["normalise"]

#: Text-speak and common misspellings -> the form the cue rules are written in.
_WORDS = {
    "u": "you", "yu": "you", "ya": "you", "ur": "your", "r": "are", "wen": "when", "wn": "when",
    "wot": "what", "wat": "what", "wt": "what", "dnt": "dont", "dont": "dont", "dno": "dont know",
    "didnt": "didnt", "dint": "didnt", "didint": "didnt", "didn": "didnt", "dident": "didnt",
    "doesnt": "doesnt", "dosnt": "doesnt", "dosent": "doesnt", "doesn": "doesnt", "dsnt": "doesnt",
    "cant": "cant", "carnt": "cant", "cnt": "cant", "cannot": "cant", "wont": "wont",
    "havnt": "havent", "havint": "havent", "aint": "aint", "isnt": "isnt", "wasnt": "wasnt",
    "wasn": "wasnt", "wernt": "werent", "ima": "im", "imma": "im", "iam": "im", "iv": "ive",
    "coz": "because", "cos": "because", "cuz": "because", "cus": "because", "bc": "because",
    "bcoz": "because", "becuz": "because", "becoz": "because", "becos": "because",
    "wiv": "with", "wid": "with", "wif": "with", "nd": "and", "n": "and", "&": "and",
    "gonna": "going to", "gna": "going to", "guna": "going to", "gunna": "going to",
    "wanna": "want to", "wana": "want to", "wnna": "want to", "gotta": "got to",
    "hav": "have", "kno": "know", "knw": "know", "sum1": "someone", "some1": "someone",
    "any1": "anyone", "no1": "no one", "noone": "no one", "ppl": "people", "pple": "people",
    "rn": "right now", "2nite": "tonight", "2night": "tonight", "tonite": "tonight",
    "tnight": "tonight", "2day": "today", "2moro": "tomorrow", "thru": "through",
    "fone": "phone", "bf": "boyfriend", "gf": "girlfriend", "m8": "mate", "m8s": "mates",
    "b4": "before", "evry": "every", "evryday": "every day", "everyday": "every day",
    "evryone": "everyone", "evry1": "everyone", "every1": "everyone", "evrything": "everything",
    "brekfast": "breakfast", "brekkie": "breakfast", "2nd": "second",
    "sumthin": "something", "sumthing": "something", "somethin": "something",
    "nuthin": "nothing", "nothin": "nothing", "nufin": "nothing", "nuffin": "nothing",
    "anymore": "any more", "nomore": "no more", "cud": "could", "wud": "would", "shud": "should",
    "tht": "that", "dat": "that", "dis": "this", "dey": "they", "thay": "they", "dem": "them",
    "fink": "think", "mam": "mum", "mom": "mum", "mams": "mums", "moms": "mums", "mummy": "mum",
    "ma": "my", "mi": "my",
    "til": "till", "untill": "until", "nite": "night", "nites": "nights", "hme": "home",
    "hom": "home",
    "skool": "school", "skl": "school", "kms": "kill myself", "kys": "kill yourself",
    "od": "overdose", "oded": "overdosed", "odd": "odd", "hitted": "hit", "hurted": "hurt",
    "stabed": "stabbed", "stabing": "stabbing", "kil": "kill", "kiled": "killed",
    "selfharm": "self harm", "selfharming": "self harming", "sh": "self harm",
    "scard": "scared", "skared": "scared", "scaried": "scared", "fritened": "frightened",
    "thretened": "threatened", "threatend": "threatened", "thretend": "threatened",
    "cuting": "cutting", "cutt": "cut", "hert": "hurt", "herts": "hurts", "wrists": "wrists",
    "tabs": "tablets", "pils": "pills", "evicted": "evicted", "homless": "homeless",
    "hungary": "hungry", "hungery": "hungry", "eatin": "eating", "sleepin": "sleeping",
    "runnin": "running", "goin": "going", "doin": "doing", "nowere": "nowhere",
    "noware": "nowhere", "nowear": "nowhere", "anywere": "anywhere", "ne1": "anyone",
    "sed": "said", "sez": "says", "sayin": "saying", "tryna": "trying to", "lyk": "like",
    "wit": "with", "yh": "yeah", "dunno": "dont know", "olders": "olders", "elders": "elders",
    "hes": "hes", "shes": "shes", "thats": "thats", "ok": "ok", "okay": "ok",
}

_APOSTROPHE = re.compile(r"(?<=[a-z0-9])['’‘`´](?=[a-z])")
_BOUNDARY = re.compile(r"[.!?;:\n\r\u2026]+|\s[-\u2013\u2014]+\s")
_COMMA = re.compile(r",")
_OTHER = re.compile(r"[^a-z0-9£&., ]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_DIGIT_WORDS = re.compile(
    r"(?<=[a-z])(?<!till)(?<!until)(?<! at)(?<! by)(?<!past)(?<!about)(?<!after)(?<!before)"
    r"(?<!around)(?<! or)(?<! and)(?<! to) ([24]) (?!(?:in the|am|pm|oclock|days?|nights?|"
    r"hours?|weeks?|years?|months?|times?|of|or|and|most)\b)(?=[a-z0-9])")
_SPACES = re.compile(r" +")
_KIN_AFTER_ME = re.compile(
    r" me (mum|mums|dad|dads|nan|nana|brother|sister|bro|sis|carer|carers|mate|mates|boyfriend|"
    r"girlfriend|stepdad|stepmum|uncle|auntie|aunt|cousin|grandad|ex|partner|little|big|baby) ")
_JOINED = [
    (re.compile(r" step (dad|mum|father|mother) "), r" step\1 "),
    (re.compile(r" self (harm\w*) "), r" self \1 "),
    (re.compile(r" any more "), " any more "),
    (re.compile(r" no (body) "), r" nobody "),
]


def normalise(text: object) -> str:
    """The normal form of a comment that the cue rules match, padded with a space each side.

    Parameters
    ----------
    text : object
        The comment; anything that is not a string (a missing answer) gives ``" "``.

    Returns
    -------
    str
        Lower case, apostrophes removed, text-speak spelled out, clause boundaries as ``.``
        and ``,`` tokens; carevoice's tags as :func:`carevoice.placeholders.model_text` reads
        them ("[PERSON_3]" as "someone"), and people's names as their tags would read
        (:func:`carevoice.safeguarding._names.names_as_tags`: "Kai" as "someone").

    Examples
    --------
    >>> normalise("I DONT want 2 go hme wen u r there!!!")
    ' i dont want to go home when you are there . '
    >>> normalise("me mam's bf  hits her,sooo scared")
    ' my mums boyfriend hits her , soo scared '
    >>> normalise("[PERSON_3] hits me, [Person 12] is missing")
    ' someone hits me , someone is missing '
    >>> normalise("Kai hits me")
    ' someone hits me '
    """
    if not isinstance(text, str):
        return " "
    from ..placeholders import MODEL_FORMS, model_text
    from ..pseudonymise.normalise import fold_text
    from ._names import names_as_tags

    # NFKC, invisible characters dropped, and Cyrillic/Greek look-alike letters inside a Latin
    # word read as Latin ("h\u0430rm" with a Cyrillic "a"), as the pseudonymiser reads text;
    # carevoice's own tags read as the models read them ("[PERSON_3] hits me" as "someone hits
    # me"), never as the words "person 3"; and a person's name as written reads as its tag
    # would ("Kai hits me" as "someone hits me"), so the rules see it where they see a tag
    t = model_text(names_as_tags(fold_text(text), MODEL_FORMS["PERSON"])).lower()
    t = _APOSTROPHE.sub("", t)
    t = _BOUNDARY.sub(" . ", t)
    t = _COMMA.sub(" , ", t)
    t = _OTHER.sub(" ", t)
    t = _REPEATS.sub(r"\1\1", t)
    words = [_WORDS.get(w, w) for w in t.split()]
    t = " " + " ".join(words) + " "
    t = _DIGIT_WORDS.sub(lambda m: " to " if m.group(1) == "2" else " for ", t)
    t = _KIN_AFTER_ME.sub(lambda m: f" my {m.group(1)} ", t)
    for pattern, repl in _JOINED:
        t = pattern.sub(repl, t)
    return _SPACES.sub(" ", t)
