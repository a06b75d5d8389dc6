"""Names in forms the word rules of :class:`~carevoice.pseudonymise.names.NameDetector` do not
read by themselves: digits typed for letters ("J4ck", "Ch4rl0tte", "S0phie"), a name signed at
a comment's end ("love hodan x", "cheers, ignatius", "- ayo") and a family called by its surname
in the plural ("the Okafors", "the mensahs"). Names joined by "/", "+" or "&" ("me/jade/remi")
are read by :meth:`carevoice.pseudonymise._tokens.Tokens.read`.
"""

from __future__ import annotations

import itertools
import re

from ._base import Span
from ._leet import digit_readings
from ._name_words import _PERSON_VERBS, _SURNAME_WORDS, _fuzzy_name, _is_capitalised
from ._tokens import NOT_ONLY_PEOPLE, SUBJECT_VERBS, Tokens, link_like, pet_form_of, tier
from ._words import (
    FUNCTION_WORDS,
    KIN,
    KIN_FRIENDS,
    KIN_OTHER_LANGUAGES,
    KIN_STAFF,
    PERSON_NOUNS,
    POSSESSIVES,
    dictionary_word,
    frequency,
    misspelt_word,
    no_word_at_all,
    not_a_word,
)
from .lexicons import (
    CARE_SHORTHAND,
    NOT_PII,
    ROLE_WORDS,
    countries,
    places_abroad,
    uk_places,
)

#: Letters after a number that are a unit, a time or an ordinal ("5am", "8th", "3kg").
_UNITS = frozenset("""am pm st nd rd th kg km ft mph yrs yr hrs hr mins min secs sec ish ml mg
                      gb mb cm mm lbs oz""".split())

#: A run of letters and digits standing alone: a word, a number or a mix of the two.
_RUN = re.compile(r"(?<![\w@$])[A-Za-z0-9@$]+(?![\w@$])")


def _readings(run: str) -> list[str]:
    """The words ``run`` may be read as with each digit typed for a letter ("M1lly" ->
    "Milly", "Mllly"), or none where a sign stands for no letter ("2day" -> "zday")."""
    return digit_readings(run)


def _text_speak(run: str) -> bool:
    """Whether a digit in ``run`` stands for its sound and makes a word ("any1", "gr8", "l8r",
    "4ever", "m8")."""
    return any(frequency(w) >= 500 for w in digit_readings(
        run.lower(), letters=False, sounds=True, keep=True, limit=64))


def digit_reading(run: str) -> tuple[str, bool] | None:
    """The name a word typed with digits for some of its letters spells, and whether it is a
    first name of the lexicon (else a pet form or a one-letter misspelling of one).

    The word has two letters or more and no more digits than letters, every digit stands for
    a letter, and it is no text-speak ("gr8", "any1", "4ever"), time, ordinal or unit ("5am",
    "8th"); digits only at its end follow three letters or more (not "Y11", "LS6", "ne1").

    Parameters
    ----------
    run : str
        Letters, digits and "@" or "$", without spaces.

    Returns
    -------
    tuple of (str, bool) or None
        The reading in the case it is written in ("J4ck" -> "Jack").

    Examples
    --------
    >>> digit_reading("Ch4rl0tte")
    ('Charlotte', True)
    >>> digit_reading("gr8") is None and digit_reading("Y11") is None
    True
    """
    from .lexicons import first_names

    letters = sum(c.isalpha() for c in run)
    signs = len(run) - letters
    if not signs or letters < 2 or signs > letters or run.lower() in FUNCTION_WORDS:
        return None
    lead = len(run) - len(run.lstrip("0123456789@$"))
    if run[lead:].isalpha() and run[lead:].lower() in _UNITS:
        return None  # "5am", "8th", "10kg"
    if run.rstrip("0123456789@$").isalpha() and letters < 3:
        return None  # "Y11", "LS6", "ne1": a school year, a postcode district
    readings = _readings(run)
    names = first_names()
    for reading in readings:
        if reading.lower() in names:
            return reading, True
    if _text_speak(run):
        return None
    for reading in readings:
        low = reading.lower()
        if frequency(low) == 0 and not dictionary_word(low) and low not in countries() \
                and (pet_form_of(low, names) or _fuzzy_name(low)):
            return reading, False  # "M1lly": "milly", a letter from "molly"
    return None


def fold_digits(text: str) -> tuple[str, list[tuple[int, int, str, bool]]]:
    """``text`` with each name typed with digits spelt in letters ("J4ck" -> "Jack"), of the
    same length, and where each is: ``(start, end, reading, known)`` (:func:`digit_reading`).
    A link or an e-mail address is left as it is."""
    found = []
    for m in _RUN.finditer(text):
        run = m.group()
        if run.isalpha() or run.isdigit():
            continue
        reading = digit_reading(run)
        # a link or an e-mail address around it, whatever "@" the word itself has ("K@te")
        if reading is not None and not link_like(
                text[:m.start()] + run.replace("@", "a") + text[m.end():], m.start()):
            found.append((m.start(), m.end(), *reading))
    if not found:
        return text, []
    chars = list(text)
    for start, end, reading, _ in found:
        chars[start:end] = reading
    return "".join(chars), found


#: A letter typed three times or more ("jessssica", "Saaaam").
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)

#: A word of letters: where a stretched letter is looked for.
_LETTERS = re.compile(r"[^\W\d_]+")


def _surname_reading(run: str) -> str | None:
    """The surname a word typed with digits for letters reads as ("Okaf0r" -> "Okafor"),
    with the guards of :func:`digit_reading`: three letters or more, no text-speak."""
    from .lexicons import surnames

    if sum(c.isalpha() for c in run) < 3 or _text_speak(run):
        return None
    return next((r for r in _readings(run) if r.lower() in surnames()), None)


def _unstretched(word: str) -> str:
    """``word`` with each letter typed three times or more typed twice or once, whichever
    makes a name of the lexicons, twice where both do ("Saaaam" -> "Sam", "jessssica" ->
    "jessica", "Annnna" -> "Anna"); as it is where neither does ("Aaron", "sooo")."""
    from .lexicons import NICKNAMES, first_names, surnames

    runs = list(_STRETCHED.finditer(word))
    if not runs:
        return word
    options: list[tuple[str, ...]] = []
    pos = 0
    for m in runs:
        options += [(word[pos:m.start()],), (m.group()[:2], m.group()[:1])]
        pos = m.end()
    options.append((word[pos:],))
    for parts in itertools.islice(itertools.product(*options), 16):
        low = "".join(parts).lower()
        if low in first_names() or low in surnames() or low in NICKNAMES:
            return "".join(parts)
    return word


def name_reading(text: str) -> str:
    """A person's name as the detector reads it: each word typed with digits for letters
    that reads as a name spelt in letters (:func:`digit_reading`, or a surname: "J4ck" ->
    "Jack", "Okaf0r" -> "Okafor"; not "gr8", "Y11"), and a letter typed three times or more
    typed as the name has it ("jessssica" -> "jessica", "SAAAAM" -> "SAM").

    Distinct spellings of distinct names stay apart ("Ana" and "Anna", "Jon" and "Joan").

    Parameters
    ----------
    text : str
        The text of a span labelled ``PERSON``.

    Returns
    -------
    str
        ``text`` read so, in the case it is written in (of another length where a letter
        was stretched).

    Examples
    --------
    >>> name_reading("J4ck Okaf0r"), name_reading("jessssica"), name_reading("Aaron")
    ('Jack Okafor', 'jessica', 'Aaron')
    >>> name_reading("gr8"), name_reading("Anna")
    ('gr8', 'Anna')
    """

    def digits(m: re.Match[str]) -> str:
        run = m.group()
        if run.isalpha() or run.isdigit():
            return run
        found = digit_reading(run)
        return found[0] if found else _surname_reading(run) or run

    return _LETTERS.sub(lambda m: _unstretched(m.group()), _RUN.sub(digits, text))


def digit_names(comment_id: str, found: list[tuple[int, int, str, bool]],
                detector: str) -> list[Span]:
    """The names :func:`fold_digits` found that are names whatever stands around them: a
    first name that is no ordinary word ("J4ck", "Ch4rl0tte"), one that is when capitalised
    ("Gr4ce"), and a pet form or misspelling of a name when capitalised ("M1lly"). An ordinary
    word or a word in no list in lower case ("h0pe", "m1lly", "n00b") is left to the context
    rules, which read the folded text ("m1lly is my best mate")."""
    out = []
    for start, end, reading, known in found:
        low = reading.lower()
        if known and tier(low) != "A":
            out.append(Span(comment_id, start, end, "PERSON", 0.75, detector))
        elif _is_capitalised(reading):  # "Gr4ce", "M1lly" (not "h0pe", "n00b")
            out.append(Span(comment_id, start, end, "PERSON", 0.6, detector))
    return out


#: Words a comment is signed off with before the writer's name: "love hodan x", "from ayo",
#: "cheers, ignatius", "lots of love, wren x", "kind regards sima".
_SIGN_OFFS = frozenset({"love", "luv", "lov", "from", "thanks", "thx", "thanx", "thankyou",
                        "ta", "cheers", "regards", "wishes", "bye"})

#: Who a comment is signed off to, and text-speak it ends with, after a sign-off word, a dash
#: or alone ("thanks hun x", "cheers bruv", "love yall", "soz x", "tysm x", "- yum"): no name.
_NOT_SIGNED = frozenset(
    """hun hunny hon babe babes bae darling darlin sweetie sweetheart pet duck chuck mate mates
    pal bruv bro bros fam guys yall yous youse lads lasses cuz cuzzy blud soz sozz tysm tyvm ty
    ily ilysm ilu ttyl luvya nite gnite gn cya xoxo peace laters lol lols haha hehe innit muah
    mwah hugs bestie bestiee bezzie bezzy noob ppl peeps everyone everybody amen bless
    blessings respect bredrin yum yay meh ugh urgh hmm ew eww rip xd oof bruh""".split())

#: A kiss or hug a comment may end with: "x", "xx", "xoxo".
_KISS = re.compile(r"[xo]*x[xo]*", re.IGNORECASE)

#: What may follow a signed name: spaces, punctuation and emoji, no letter or digit.
_NO_WORD = re.compile(r"[^\w]*")


def _signed_name(low: str, lenient: bool, word_name: bool = False) -> bool:
    """Whether ``low`` can be the name a comment is signed with: a lexicon name (one that is
    also an ordinary word only where ``word_name``: a capital or a kiss after a sign-off that
    opens its sentence) or a word in no dictionary, no misspelling and no place (one in no word
    list at all unless ``lenient``: after a sign-off that opens its sentence, or a dash)."""
    from .lexicons import first_names, surnames

    if len(low) < 2 or not low.isalpha() or low in FUNCTION_WORDS or low in ROLE_WORDS \
            or low in KIN or low in KIN_OTHER_LANGUAGES or low in CARE_SHORTHAND \
            or low in _SIGN_OFFS or low in _NOT_SIGNED:
        return False
    given = low in first_names()
    if not given and (low in uk_places() or low in places_abroad() or low in countries()):
        return False  # "i moved here from Poland"
    if given or low in surnames():
        return tier(low) != "A" or (word_name and low not in NOT_PII)
    return len(low) >= 3 and low not in NOT_PII and not dictionary_word(low) \
        and frequency(low) < (1_000 if lenient else 1) and not misspelt_word(low) \
        and not _KISS.fullmatch(low)


def sign_off(comment_id: str, sent: Tokens, detector: str) -> list[Span]:
    """The name a comment is signed with at its end: after a sign-off word ("love hodan x",
    "thanks for listening, from bilal xx", "cheers, ignatius"), after a dash ("i want to go
    home - ayo") or alone after the last sentence with a kiss ("it's hard here. priyanka x");
    one word, or two where the second is a surname, a word in no dictionary or an initial
    ("love jodie stone x"). Not "love you x", "thanks everyone", "from staff"."""
    from .lexicons import surnames

    n = len(sent)
    k = n
    while k and _KISS.fullmatch(sent.words[k - 1]) and sent.words[k - 1].lower() != "o":
        k -= 1
    kisses = k < n
    # nothing but kisses, punctuation and emoji after the name
    if not k or any(not _NO_WORD.fullmatch(sent.gap(j)) for j in range(k, n)) \
            or not _NO_WORD.fullmatch(sent.text, sent.tokens[-1][0] + len(sent.tokens[-1][1])):
        return []
    for first in (k - 2, k - 1):  # a first name and a surname, or one name
        if first < 0 or (first < k - 1 and sent.gap(k - 1) != " "):
            continue
        end = sent.tokens[k - 1][0] + len(sent.words[k - 1])
        words, lows = sent.words[first:k], [w.lower() for w in sent.words[first:k]]
        opens = first == 0 or sent.gap(first).strip()[-1:] in (".", "!", "?", ",", ";", ":")
        before = sent.low(first - 1)
        # the sign-off opens what it says: "..., love X", "love from X", "x love X"
        said = before in _SIGN_OFFS and (
            first == 1 or any(c in sent.gap(first - 1) for c in ".!?,;:\n")
            or _KISS.fullmatch(sent.words[first - 2]) is not None
            or sent.low(first - 2) in ("of", "you", "u", "kind", "best", "warm", "many", "love"))
        dash = first > 0 and sent.gap(first).strip() in ("-", "--", "~")
        bare = kisses and opens and before not in _SIGN_OFFS
        # inside a sentence only with a kiss, and never "from" ("i moved here from poland x")
        if not (said or dash or bare or (before in _SIGN_OFFS - {"from"} and kisses)):
            continue
        word_name = (said or dash) and (kisses or _is_capitalised(words[0]))
        if not _signed_name(lows[0], said or dash, word_name):
            continue
        if len(words) == 2 and not (
                len(lows[1]) == 1 or (lows[1] in surnames() and lows[1] not in FUNCTION_WORDS)
                or _signed_name(lows[1], False) or lows[1] in _SURNAME_WORDS):
            continue
        if bare and tier(lows[0]) == "A":
            continue  # "... here. Peace x"
        start = sent.tokens[first][0]
        score = 0.75 if tier(lows[0]) == "C" and (said or dash) else 0.6
        return [Span(comment_id, start, end, "PERSON", score, detector)]
    return []


#: Words after a family's name in the plural that say they are people: "the nowaks were my
#: first placement", "the nowaks are so kind", "the nowaks fostered me".
_PEOPLE_AFTER_ARE = POSSESSIVES | frozenset(
    """a the so really very well kind nice lovely strict mean horrible racist amazing caring
    friendly nasty weird alright ok okay good great always never like""".split())
_FOSTERING = frozenset({"fostered", "adopted", "foster", "adopt", "fosters", "adopts"})
_PEOPLE_VERBS = (SUBJECT_VERBS - NOT_ONLY_PEOPLE) | _PERSON_VERBS | _FOSTERING
#: Words before "the" and a family's name in the plural: "stayed with the nowaks", "went
#: round the nowaks".
_PEOPLE_BEFORE = frozenset({"with", "wiv", "at", "to", "round", "from", "visit", "visited",
                            "visiting", "see", "saw", "seeing", "miss", "missed"})


def _compound(low: str) -> bool:
    """Whether ``low`` is two dictionary words of three letters or more ("packhouses")."""
    return any(dictionary_word(low[:k]) and dictionary_word(low[k:])
               for k in range(3, len(low) - 2))


def family_plurals(comment_id: str, sent: Tokens, names: frozenset[str],
                   family: frozenset[str], detector: str) -> list[Span]:
    """A family called by its surname in the plural after "the": capitalised, of a surname or
    name ("the Smiths", "the Okafors", "the Browns") or a word in no dictionary ("the
    Kowalskis"); in lower case, of a surname or name that is no ordinary word ("the mensahs"),
    or, said of people, of a word in no dictionary, no misspelling and no compound ("the nowaks
    were my carers", "stayed with the nowaks"; not "at the offis", "the packhouses") or of a
    surname that is also a word ("the browns were my carers"). Not "the kids", "the carers",
    "the woods", "the pages"."""
    out = []
    for i in range(1, len(sent)):
        word = sent.words[i]
        low = word.lower()
        if sent.lows[i - 1] != "the" or not low.endswith("s") or len(low) < 5 \
                or sent.gap(i) != " " or word != sent.tokens[i][1] or not word.isalpha():
            continue
        stems = [low[:-1]] + ([low[:-2]] if low.endswith("es") else [])
        if any(s in ROLE_WORDS or s in KIN or s in FUNCTION_WORDS or s in CARE_SHORTHAND
               or s in _NOT_SIGNED or (s in NOT_PII and s not in _SURNAME_WORDS)
               for s in [low, *stems]) \
                or low in uk_places() or low in countries():
            continue
        known = [s for s in stems if s in family or s in names]
        if _is_capitalised(word):
            found = bool(known) or any(s in _SURNAME_WORDS for s in stems) or (
                not dictionary_word(low) and frequency(low) < 1_000)
            score = 0.75 if found and known else 0.6
        else:
            nxt, nxt2 = sent.low(i + 1), sent.low(i + 2)
            found = any(tier(s) == "C" and frequency(low) < 1_000 for s in known)
            if not found and no_word_at_all(low) and not_a_word(stems[0]) \
                    and len(stems[0]) >= 4 and not _compound(low):
                found = sent.low(i - 2) in _PEOPLE_BEFORE or nxt in _PEOPLE_VERBS or (
                    nxt in ("are", "were", "r") and nxt2 in _PEOPLE_AFTER_ARE)
            elif not found and any(s in _SURNAME_WORDS or (s in known and tier(s) != "A")
                                   for s in stems):
                # a surname that is also a word: "the browns were my carers", "went round the
                # greens" (not "the greens are nice", "with the woods")
                found = sent.low(i - 2) in _PEOPLE_BEFORE - {"with", "wiv", "at", "to", "from"} \
                    or nxt in _FOSTERING or (nxt in ("are", "were", "r") and nxt2 in POSSESSIVES)
            score = 0.6
        if found:
            start = sent.tokens[i][0]
            out.append(Span(comment_id, start, start + len(word), "PERSON", score, detector))
    return out


#: Words hyphenated after one letter that are things, not nicknames: "x-ray", "t-shirt".
_LETTER_COMPOUNDS = frozenset(
    """e-mail e-mails x-ray x-rays t-shirt t-shirts u-turn a-level a-levels e-cig e-cigs e-bike
    k-pop b-movie g-string""".split())

#: What a person did, after a nickname opening a comment: "j-dog said he would come".
_SAID_OR_DID = _PERSON_VERBS | frozenset(
    """said says reckons reckoned helped helps came comes promised""".split())

#: People after "is a" or "was my": "t-bone is a good lad", "k-man was my best mate".
_PEOPLE = PERSON_NOUNS | KIN | KIN_FRIENDS | KIN_STAFF | frozenset(
    """lad lads girl boy kid mate bro sis roommate housemate""".split())


def hyphen_nicknames(comment_id: str, sent: Tokens, detector: str) -> list[Span]:
    """Nicknames of one letter, a hyphen and a word opening a sentence as its subject ("t-bone
    is a good lad", "j-dog said he would come"): before something said of a person only (a
    verb of saying or contact, or "is"/"was" and a person noun within four words). Not a thing
    so written ("x-ray", "t-shirt")."""
    spans = []
    for i in range(len(sent) - 2):
        if len(sent.lows[i]) != 1 or not sent.lows[i].isalpha() or sent.gap(i + 1) != "-" \
                or (i and not any(c in sent.gap(i) for c in ".!?\n")):
            continue
        word = f"{sent.lows[i]}-{sent.lows[i + 1]}"
        if word in _LETTER_COMPOUNDS or len(sent.lows[i + 1]) < 2 or sent.gap(i + 2) != " ":
            continue
        verb = sent.lows[i + 2]
        person = verb in _SAID_OR_DID or (
            verb in ("is", "was", "isnt", "wasnt") and i + 3 < len(sent)
            and sent.lows[i + 3] in ("a", "my", "the", "such", "our", "me", "an")
            and any(w in _PEOPLE for w in sent.lows[i + 4:i + 8]))
        if person:
            start = sent.tokens[i][0]
            spans.append(Span(comment_id, start, start + len(word), "PERSON", 0.55, detector))
    return spans
