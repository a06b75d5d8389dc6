"""Public names are not personal data: "a job at Primark", "a Man United shirt" keep their names.

The statistical taggers and the name rules take many public names for a person, place or
organisation of the child's: national charities ("Barnardo's", "Red Cross"), national chains as
employers ("a job at McDonald's"), football clubs ("Man United"), national venues ("Alton
Towers"), public figures young people talk about ("Rashford", "MrBeast"), fictional characters
("Harry Potter"), government schemes ("Kickstart") and apps ("ig"). None identifies a child or
the people around them (DESIGN.md), and masked they are lost to every reader of the quotes.

This step drops the person, place and organisation spans that lie wholly inside a public name
of ``carevoice/data/public_names.txt`` (:func:`public_names`), compared case-insensitively with
apostrophes, full stops, hyphens, "the" before it and "'s" after it ignored. Safety first
(when in doubt, mask), a public name is masked as before when:

- the words before it say a person the child knows ("my mate Rashford", "Mr Sheeran", "called
  Saka", "me and Saka", "my best friend is Saka") or the words after it do ("Bellingham is my
  best mate", "Saka and me are cousins");
- it is alone a given name or a surname of the name lexicon (never written to the list, and
  checked again here: "Chelsea", "Marcus", "Costa");
- it is also a UK place ("Wembley", "Anfield", "Crystal Palace") and no event or supporter
  comes before it or after it ("tickets for Wembley", "a match at Anfield", "Palace fans"; not
  "I live near Wembley", "I live in Crystal Palace");
- it is a surname in the plural after "the" ("the Morrisons", a family);
- it is part of a longer name: a capitalised word beside it ("Kai Rashford", "Bristol City
  Council", "Barnardo's Leaving Care"), a first name before it in lower case ("kai rashford"),
  or a local place, service or team after it ("bristol city council", "the Barnardo's
  project", "Spurs juniors");
- a span runs past it ("Primark Halifax", "Farsley Juniors"): only spans inside it are dropped.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from ._base import drop_name_spans

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["drop_public_names", "public_name_spans", "public_names"]

#: A word of a name: letters and digits with apostrophes and full stops inside ("Barnardo's",
#: "St.James"), or "&" and "+" ("M&S", "Disney+").
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\u2018`][^\W_]+)*['\u2019]?|[&+]")
#: What may stand between the words of a public name ("Spider-Man", "St. James' Park").
_GAP = re.compile(r"[\s\-\u2010\u2011.]*")
#: Words before a name that say the child knows the person: "my mate", "Mr", "called".
_CALLED = frozenset({"called", "named", "nicknamed", "aka", "calls", "call", "name", "names"})
#: "me and" as children write it before a person: "me and", "me n", "me &".
_ME_AND = re.compile(r"\bme\s*(?:and|n|an|&|\+)\s*$", re.IGNORECASE)
#: An event before a name that is also a UK place: "tickets for Wembley", "a match at Anfield".
_EVENT_BEFORE = re.compile(
    r"\b(?:tickets?|match|matches|game|games|final|finals|gig|gigs|concert|concerts|show|trip|"
    r"day\s+out|tour|stadium|support|supports|supporter|supporters|fan|fans|shirt|kit)\b"
    r"[^.!?\n]{0,25}$", re.IGNORECASE)
#: What after a name that is also a UK place says it is the club or venue: "Palace fans".
_EVENT_AFTER = re.compile(r"\s+(?:fans?|supporters?|shirt|top|kit|match|game|stadium|ground)\b",
                          re.IGNORECASE)
#: The word right after a name and the word right before it (spaces or a hyphen between).
_WORD_AFTER = re.compile(r"[ \t\-]+([^\W\d_][\w'\u2019]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'\u2019]*)[ \t\-]+$")
#: Where a sentence opens: the text's start, or after a full stop, "!", "?" or a line break.
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])\s*$")
#: "I" and its contractions, capitalised wherever they stand.
_I = frozenset({"i", "i'm", "im", "i've", "i'd", "i'll", "i\u2019m", "i\u2019ve", "i\u2019d",
                "i\u2019ll"})
#: Words after a name that make it the name of a local place, service or team: "Bristol City
#: Council", "the Barnardo's project", "Spurs juniors".
_HEADS = frozenset(
    """council councils academy school college uni university hospital house home homes lodge
    court road street lane avenue close drive estate centre center church mosque temple
    juniors junior youth under rangers rovers united town city ladies girls boys team branch
    foundation services service project hub group club office unit ward""".split())
_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018`.")


def _plain(word: str) -> str:
    """A word as the list holds it: lower case, no apostrophe and no full stop."""
    return word.lower().translate(_APOSTROPHES)


def _stem(word: str) -> str:
    """A word without its possessive ("Rashford's", "the Gunners'")."""
    low = word.lower()
    for s in ("'s", "\u2019s", "'", "\u2019"):
        if low.endswith(s):
            return _plain(low[:-len(s)])
    return _plain(low)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_plain(m.group()) for m in _TOKEN.finditer(text.replace("-", " ")))


@functools.cache
def public_names() -> frozenset[tuple[str, ...]]:
    """Return the public names of ``carevoice/data/public_names.txt``, each as its words.

    National brands and chains, national charities, government schemes, apps and games,
    Premier League and Championship clubs, national venues and attractions, public figures
    young people name and fictional franchises, compiled by hand from general knowledge.
    Words are lower case without apostrophes or full stops, hyphens split words, and "the"
    before a name is left off.

    Returns
    -------
    frozenset of tuple of str

    Examples
    --------
    >>> {("barnardos",), ("man", "united"), ("m", "&", "s")} <= public_names()
    True
    """
    from importlib import resources

    text = resources.files("carevoice").joinpath("data/public_names.txt").read_text("utf-8")
    names = set()
    for line in text.splitlines():
        words = _tokens(line.split("#", 1)[0])
        if words[:1] == ("the",):
            words = words[1:]
        if words:
            names.add(words)
    return frozenset(names)


@functools.cache
def _by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(public_names(), key=len, reverse=True):  # the longest first
        first.setdefault(name[0], []).append(name)
    return {w: tuple(names) for w, names in first.items()}


def _person_known(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` say it is a person the child knows."""
    from ._tokens import KIN_MODIFIERS, ROLE_MODIFIERS
    from ._words import KIN, TITLES

    before = re.findall(r"[^\W\d_]+", text[max(0, start - 40):start].lower())
    if before and (before[-1] in KIN or before[-1] in TITLES) or _CALLED & set(before[-3:]):
        return True  # "my mate Saka", "Mr Sheeran", "everyone calls me Messi"
    if before[-2:] in (["name", "is"], ["names", "is"], ["known", "as"]) or (
            _ME_AND.search(text, max(0, start - 12), start)) or (
            len(before) > 1 and before[-2] in KIN and before[-1] in ("is", "was")):
        return True  # "her name is ...", "me and ...", "my best friend is ..."
    after = text[end:end + 40].lower()
    if re.match(r"\s*(?:,\s*)?(?:and|n|&)\s+me\b", after):
        return True  # "... and me are cousins"
    kin = re.match(r"[\s,(\-]*(?:is\s+|was\s+|[^\w.!?\n]+)?(?:my|our)\s", after)
    # the family or role word, after any words that say which ("my best mate", "my leaving
    # care worker", "my advocate and she ..."), in the same sentence
    words = re.findall(r"[^\W\d_]+", after[kin.end():]) if kin else []
    return next((w for w in words[:4] if w not in KIN_MODIFIERS and w not in ROLE_MODIFIERS),
                "") in KIN


def _in_a_longer_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a longer name: a capitalised word beside it ("Kai
    Rashford", "Bristol City Council", "Barnardo's Leaving Care"; not "I", nor an ordinary word
    opening the sentence, "Loved Alton Towers"), a first name before it or a surname after it
    in lower case ("kai rashford"), or the kind of place or group after it ("bristol city
    council", "barnardo's project", "spurs juniors")."""
    from .lexicons import first_names, is_common_word, surnames

    after = _WORD_AFTER.match(text, end)
    if after:
        word = after.group(1)
        low = word.lower()
        if (word[0].isupper() and low not in _I) or low in _HEADS or (
                low in surnames() and not is_common_word(low)):
            return True
    before = _WORD_BEFORE.search(text, 0, start)
    if before:
        word = before.group(1)
        low = word.lower()
        opens = _SENTENCE_START.search(text, 0, before.start(1)) is not None
        if word[0].isupper() and low not in _I and (not opens or not is_common_word(low)):
            return True
        if low in first_names() and not is_common_word(low):
            return True
    return False


def _kept(text: str, start: int, end: int, name: tuple[str, ...]) -> bool:
    """Whether a public name found at ``text[start:end]`` must still be masked."""
    from .lexicons import first_names, surnames, uk_places

    if _person_known(text, start, end) or _in_a_longer_name(text, start, end):
        return True
    joined = " ".join(name)
    if len(name) == 1 and (joined in first_names() or joined in surnames()):
        return True
    if joined in uk_places() and not _EVENT_BEFORE.search(text[max(0, start - 60):start]) \
            and not _EVENT_AFTER.match(text, end):
        return True
    the_before = re.search(r"\bthe\s+$", text[max(0, start - 6):start], re.IGNORECASE)
    return bool(len(name) == 1 and the_before and joined.endswith("s")
                and joined[:-1] in surnames())


def _name_at(text: str, run: list[re.Match[str]], name: tuple[str, ...]) -> bool:
    """Whether the words ``run`` are ``name``, the last one maybe with its "'s", written with
    only spaces, hyphens or full stops between them."""
    return len(run) == len(name) and all(
        _plain(t.group()) == w for t, w in zip(run[:-1], name[:-1], strict=True)) \
        and name[-1] in (_plain(run[-1].group()), _stem(run[-1].group())) \
        and all(_GAP.fullmatch(text[a.end():b.start()]) for a, b in itertools.pairwise(run))


def public_name_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a public name that is not said of a person the child knows.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each public name (:func:`public_names`), with a "the" before it and
        its "'s" after it, leaving out those still to be masked (see the module's notes).

    Examples
    --------
    >>> text = "Barnardo's got me a job at McDonald's. My mate Rashford said I live near Wembley."
    >>> [text[s:e] for s, e in public_name_spans(text)]
    ["Barnardo's", "McDonald's"]
    """
    first = _by_first_word()
    tokens = list(_TOKEN.finditer(text.replace("-", " ")))
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        match = next((name for name in first.get(_plain(tokens[i].group()), ())
                      if _name_at(text, tokens[i:i + len(name)], name)), None)
        if match is None:
            i += 1
            continue
        start, end = tokens[i].start(), tokens[i + len(match) - 1].end()
        if not _kept(text, start, end, match):
            the = re.search(r"\bthe\s+$", text[max(0, start - 6):start], re.IGNORECASE)
            found.append((start - len(the.group()) if the else start, end))
        i += len(match)
    return found


def drop_public_names(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Drop person, place and organisation spans that lie inside a public name.

    A span is dropped when it lies wholly inside a public name the comment holds
    (:func:`public_name_spans`): "Barnardo's", "a job at Primark", "a Man United shirt",
    "Harry Potter". A span that runs past one ("Primark Halifax") and the identifiers (phone
    numbers, handles, dates) are left alone.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Raw spans.

    Returns
    -------
    pandas.DataFrame
        ``spans`` without those inside a public name.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> comments = pd.DataFrame({"comment_id": ["c1"],
    ...                          "text": ["I got a job at Primark, Kai works there too"]})
    >>> spans = spans_frame([("c1", 15, 22, "ORG", 0.6, "patterns"),
    ...                      ("c1", 24, 27, "PERSON", 0.9, "names")])
    >>> drop_public_names(comments, spans)[["start", "end"]].values.tolist()
    [[24, 27]]
    """
    return drop_name_spans(comments, spans, public_name_spans,
                           lambda _, start, end, inside: any(s <= start and end <= e
                                                             for s, e in inside))
