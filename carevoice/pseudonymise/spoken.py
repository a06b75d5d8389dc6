"""Identifiers said aloud, as transcripts of interviews, focus groups and voice notes write them.

Speech-to-text software and the people who type up recordings write what was said: "oh two
oh seven nine four six ...", "twenty three crossley street", "l s nine seven z z", "q q one two
three four five six c", "kayla underscore xo", "d dot walsh two thousand and seven at example
dot org", a name spelt out letter by letter ("k a i d e n"). :func:`written_form` turns such
runs of number words, single letters and spoken punctuation into the characters they stand for
("02079 46...", "23 crossley street", "LS97ZZ", "kayla_xo", "d.walsh2007@example.org") and
keeps, for every character it writes, the stretch of the original text it came from.
:class:`SpokenDetector` runs the identifier, date and address patterns over that written form
and reports what they find in the original's offsets; it also marks names spelt letter by
letter.

Examples
--------
>>> form = written_form("its l s nine seven z z and twenty three mill lane")
>>> form.text
'its LS97ZZ and 23 mill lane'
>>> import pandas as pd
>>> said = "my ni is q q one two three four five six c"
>>> frame = pd.DataFrame({"comment_id": ["a"], "text": [said]})
>>> SpokenDetector().detect(frame)[["start", "end", "label"]].values.tolist()
[[9, 42, 'ID']]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ._base import Span, TextDetector
from ._pattern import Pattern
from ._words import FUNCTION_WORDS

__all__ = ["SpokenDetector", "WrittenForm", "written_form"]

_UNITS = {"zero": 0, "oh": 0, "o": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4,
          "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9}
_ORDINALS = {**_ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
             "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
             "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
_REPEATS = {"double": 2, "triple": 3}

#: Single letters that are also text-speak words ("c u", "me n him", "2 b honest"): they count
#: as spelt letters only next to another letter ("n g five", "c r two").
_TEXT_SPEAK_LETTERS = frozenset("bcknruxy")

#: Words for the letters, as a handle is read out ("tee jay underscore mills").
_LETTER_NAMES = frozenset({"bee", "cee", "dee", "gee", "jay", "kay", "el", "em", "en", "pee",
                           "cue", "ar", "ess", "tee", "vee", "ex", "zed", "wy", "aitch"})

#: Spoken punctuation inside an e-mail address or handle.
_CONNECTORS = {"underscore": "_", "dot": "."}

#: The ends of an e-mail host: "at example dot com".
_MAIL_ENDS = frozenset({"com", "org", "net", "uk", "co", "ac", "gov", "nhs", "sch", "io", "me",
                        "info", "edu", "biz"})

#: Words before a name spelt out letter by letter.
_SPELLING_CUES = frozenset({"spell", "spelt", "spelled", "spelling", "letters", "letter"})

#: A word or number standing alone, or letters then digits ("r78": one part of a handle read
#: out); not part of "L.Bramwell@..." or "it's".
_WORD = re.compile(r"(?<![\w'\u2019.@/])(?:[A-Za-z]+\d[A-Za-z\d]*|[A-Za-z]+(?:-[A-Za-z]+)?|\d+)"
                   r"(?![\w'\u2019]|[.@_/-]\w)")


@dataclass(frozen=True)
class WrittenForm:
    """A text with spoken identifiers written as characters, and the way back.

    Parameters
    ----------
    text : str
        The written form.
    starts, ends : tuple of int
        For each character of ``text``, the start and end in the original text of what it
        stands for.
    converted : tuple of bool
        For each character of ``text``, whether it was written from spoken words (a span that
        touches none of these is found in the original text by the usual patterns).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    converted: tuple[bool, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original offsets of ``text[start:end]``.

        Parameters
        ----------
        start, end : int

        Returns
        -------
        tuple of int
        """
        return self.starts[start], self.ends[end - 1]

    def touches_speech(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a character written from spoken words.

        Parameters
        ----------
        start, end : int

        Returns
        -------
        bool
        """
        return any(self.converted[start:end])


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str

    @property
    def low(self) -> str:
        return self.word.lower()


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _adjacent(text: str, a: _Token, b: _Token) -> bool:
    """Whether only spaces (or one hyphen) lie between two tokens."""
    gap = text[a.end:b.start]
    return gap.isspace() or gap == "-" or (gap.strip() == "-" and len(gap) <= 3)


def _is_number_word(low: str) -> bool:
    parts = low.split("-")
    if len(parts) == 2:  # "twenty-three", "twenty-first"
        return parts[0] in _TENS and (parts[1] in _UNITS or parts[1] in _ORDINAL_UNITS)
    return low in _UNITS or low in _TEENS or low in _TENS or low in _ORDINALS \
        or low in ("hundred", "thousand") or low.isdigit()


def _is_letter(low: str) -> bool:
    return len(low) == 1 and low.isalpha()


def _spoken_runs(text: str, tokens: list[_Token]) -> list[tuple[int, int]]:
    """Index ranges ``[i, j)`` of tokens that are runs of number words and single letters."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not (_is_number_word(tokens[i].low) or _is_letter(tokens[i].low)
                or tokens[i].low in _REPEATS):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]) and (
                _is_number_word(tokens[j].low) or _is_letter(tokens[j].low)
                or tokens[j].low in _REPEATS
                or (tokens[j].low == "and" and j + 1 < len(tokens)
                    and tokens[j - 1].low in ("hundred", "thousand")
                    and _is_number_word(tokens[j + 1].low))):
            j += 1
        runs.append(_trim_letters(tokens, i, j))
        i = j
    return [(i, j) for i, j in runs if j > i]


def _trim_letters(tokens: list[_Token], i: int, j: int) -> tuple[int, int]:
    """Drop from a run's ends the letters that are words there ("i", "a", text-speak "u") and
    a trailing "double"."""
    def letter_ok(k: int) -> bool:
        low = tokens[k].low
        if not _is_letter(low):
            return True
        near = [tokens[m].low for m in (k - 1, k + 1) if i <= m < j]
        if low == "i":
            return False
        if (k in (i, j - 1)) and _spelt_postcode(tokens, i, j):
            return True  # the first or last letter of a postcode: "b 1 1 a a", "l s 9 7 d a"
        if low == "a":  # the last letter of an insurance number: "... five six a"
            return k == j - 1 and k - i >= 3 and tokens[k - 1].low.isdigit() is False \
                and _is_number_word(tokens[k - 1].low)
        if low in _TEXT_SPEAK_LETTERS or low == "o":
            # next to another letter ("n g five"), or closing a run that starts with letters
            # ("q q one two three four five six c")
            others = [tokens[m].low for m in range(i, j) if m != k]
            return any(_is_letter(n) and n not in ("a", "i") for n in near) or (
                low == "o" and any(_is_number_word(n) for n in near)) or (
                j - i >= 4 and any(_is_letter(n) and n not in ("a", "i") for n in others))
        return True

    while i < j and (not letter_ok(i) or tokens[i].low in ("and",)):
        i += 1
    while j > i and (not letter_ok(j - 1) or tokens[j - 1].low in _REPEATS
                     or tokens[j - 1].low == "and"):
        j -= 1
    if j - i == 1 and tokens[i].low in ("oh", "o"):
        return i, i  # "oh i forgot"
    # only the ends are trimmed: a letter inside a run ("q q one two") stays
    return i, j


_SPELT_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}")


def _spelt_postcode(tokens: list[_Token], i: int, j: int) -> bool:
    """Whether the run's tokens, one letter or digit (or number word) each, read as a
    postcode ("s w 1 a 1 a a", "l s nine seven d a")."""
    chars = []
    for tok in tokens[i:j]:
        low = tok.low
        if _is_letter(low):
            chars.append(low.upper())
        elif low.isdigit() or (low in _UNITS and low not in ("o", "oh")):
            chars.append(low if low.isdigit() else str(_UNITS[low]))
        else:
            return False
    return bool(_SPELT_POSTCODE.fullmatch("".join(chars)))


def _value_below_hundred(words: list[str], k: int) -> tuple[int | None, int]:
    """Read "twenty three", "eleven" or "seven" from ``words[k]``: (value, next index)."""
    if k >= len(words):
        return None, k
    w = words[k]
    if w in _TENS:
        if k + 1 < len(words) and words[k + 1] in _UNITS and _UNITS[words[k + 1]]:
            return _TENS[w] + _UNITS[words[k + 1]], k + 2
        return _TENS[w], k + 1
    if w in _TEENS:
        return _TEENS[w], k + 1
    if w in _UNITS:
        return _UNITS[w], k + 1
    return None, k


def _pieces(run: list[_Token]) -> Iterator[tuple[str, int, int]]:
    """Yield ``(characters, first token, last token)`` for a run, in order."""
    words: list[str] = []
    owners: list[int] = []
    for n, tok in enumerate(run):  # "twenty-three" reads as two words
        for part in tok.low.split("-"):
            words.append(part)
            owners.append(n)
    k = 0
    while k < len(words):
        w, first = words[k], owners[k]
        if w in _REPEATS and k + 1 < len(words) and (words[k + 1] in _UNITS
                                                       or _is_letter(words[k + 1])):
            nxt = words[k + 1]
            char = str(_UNITS[nxt]) if nxt in _UNITS and nxt != "o" else nxt.upper()
            if nxt == "o":
                char = "0"
            yield char * _REPEATS[w], first, owners[k + 1]
            k += 2
            continue
        if w.isdigit():
            yield w, first, first
            k += 1
            continue
        if w in _UNITS and k + 1 < len(words) and words[k + 1] in ("hundred", "thousand"):
            value, k = _hundreds_and_thousands(words, k)
            yield str(value), first, owners[k - 1]
            continue
        if w in _TENS and k + 1 < len(words) and words[k + 1] in _ORDINAL_UNITS:
            day = _TENS[w] + _ORDINAL_UNITS[words[k + 1]]
            yield f"{day}{_suffix(day)}", first, owners[k + 1]
            k += 2
            continue
        if w in _ORDINALS:
            yield f"{_ORDINALS[w]}{_suffix(_ORDINALS[w])}", first, first
            k += 1
            continue
        if w in _TENS or w in _TEENS or w in _UNITS:
            value, nxt = _value_below_hundred(words, k)
            yield str(value), first, owners[nxt - 1]
            k = nxt
            continue
        if _is_letter(w):
            yield w.upper(), first, first
        k += 1  # a stray "hundred", "thousand", "and" or "double" writes nothing


def _hundreds_and_thousands(words: list[str], k: int) -> tuple[int, int]:
    """Read "nine hundred and twelve", "two thousand and seven": (value, next index)."""
    value = 0
    while k + 1 < len(words) and words[k] in _UNITS and words[k + 1] in ("hundred", "thousand"):
        scale = 100 if words[k + 1] == "hundred" else 1000
        value += _UNITS[words[k]] * scale
        k += 2
        said_and = k < len(words) and words[k] == "and"
        if said_and:
            k += 1
        if scale == 1000 and k + 1 < len(words) and words[k] in _UNITS \
                and words[k + 1] == "hundred":
            continue
        rest, nxt = _value_below_hundred(words, k)
        # "nine hundred and twelve" is 912, but "nine hundred one two three" is 900 123
        if rest is not None and (scale == 1000 or said_and or words[k] not in _UNITS):
            value += rest
            k = nxt
        break
    return value, k


def _suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _chain(text: str, tokens: list[_Token], c: int) -> tuple[int, int] | None:
    """The tokens an "underscore" or "dot" at ``c`` joins: ``[i, j)``, or None."""
    if c == 0 or c + 1 >= len(tokens) or not _adjacent(text, tokens[c - 1], tokens[c]) \
            or not _adjacent(text, tokens[c], tokens[c + 1]):
        return None
    i, j = c - 1, c + 2
    while j + 1 < len(tokens) and tokens[j].low in _CONNECTORS \
            and _adjacent(text, tokens[j - 1], tokens[j]) \
            and _adjacent(text, tokens[j], tokens[j + 1]):
        j += 2
    # letters, letter names and numbers said after the last part: "mills oh nine", "mo x x"
    while j < len(tokens) and tokens[j - 1].low not in _MAIL_ENDS \
            and _adjacent(text, tokens[j - 1], tokens[j]) and (
            _is_letter(tokens[j].low) and tokens[j].low not in ("a", "i")
            or tokens[j].low in _LETTER_NAMES or _is_number_word(tokens[j].low)
            or tokens[j].low in _REPEATS or tokens[j].low == "and" and j + 1 < len(tokens)
            and tokens[j - 1].low == "thousand"):
        j += 1
    # and before the first part: "tee jay underscore mills"
    while i > 0 and _adjacent(text, tokens[i - 1], tokens[i]) and (
            tokens[i - 1].low in _LETTER_NAMES
            or _is_letter(tokens[i - 1].low) and tokens[i - 1].low not in ("a", "i")):
        i -= 1
    # and one word more after a spoken "at": "at big z underscore official"
    if i > 1 and tokens[i - 2].low == "at" and tokens[i - 1].word.isalnum() \
            and tokens[i - 1].low not in FUNCTION_WORDS \
            and _adjacent(text, tokens[i - 1], tokens[i]):
        i -= 1
    return i, j


def written_form(text: str) -> WrittenForm:
    """Write the spoken identifiers of ``text`` as characters.

    Runs of number words and single letters become digits and capitals ("twenty three" ->
    "23", "h x one four z z" -> "HX14ZZ", "nine hundred" -> "900", "two thousand and seven"
    -> "2007", "the fourteenth" -> "the 14th"); words joined by a spoken "underscore" or "dot"
    become one word ("kayla underscore xo" -> "kayla_xo"), and "at" before such a word or an
    e-mail host becomes "@".

    Parameters
    ----------
    text : str

    Returns
    -------
    WrittenForm

    Examples
    --------
    >>> written_form("its oh seven seven double oh nine hundred one two three").text
    'its 07700900123'
    >>> written_form("email dee underscore h ninety nine at example dot org").text
    'email dee_h99@example.org'
    """
    tokens = _tokens(text)
    joined = _joined_words(text, tokens)
    taken = {k for i, j, _ in joined for k in range(i, j)}
    out = sorted(joined + [run for run in _number_runs(text, tokens)
                           if not any(k in taken for k in range(run[0], run[1]))])
    return _assemble(text, tokens, _at_signs(text, tokens, out))


#: A part of the written form: the tokens ``[i, j)`` it replaces, and its pieces (characters,
#: first token, last token).
_Part = tuple[int, int, list[tuple[str, int, int]]]


def _joined_words(text: str, tokens: list[_Token]) -> list[_Part]:
    """Words joined by a spoken "underscore" or "dot", numbers said inside them written out:
    "kayla underscore xo" -> "kayla_xo", "mills oh nine" -> "mills09"."""
    out: list[_Part] = []
    taken: set[int] = set()
    for c, tok in enumerate(tokens):
        if tok.low not in _CONNECTORS or c in taken:
            continue
        found = _chain(text, tokens, c)
        if found is None:
            continue
        i, j = found
        if tok.low == "dot" and not any(tokens[k].low == "underscore" for k in range(i, j)) \
                and not _dot_joins(tokens, i, j):
            continue
        chars: list[tuple[str, int, int]] = []
        k = i
        while k < j:
            if tokens[k].low in _CONNECTORS:
                chars.append((_CONNECTORS[tokens[k].low], k, k))
                k += 1
                continue
            run_end = k
            while run_end < j and tokens[run_end].low not in _CONNECTORS and (
                    _is_number_word(tokens[run_end].low) or tokens[run_end].low in _REPEATS
                    or tokens[run_end].low == "and"):
                run_end += 1
            if run_end > k:
                chars.extend((s, k + a, k + b) for s, a, b in _pieces(tokens[k:run_end]))
                k = run_end
                continue
            chars.append((tokens[k].word, k, k))
            k += 1
        taken.update(range(i, j))
        out.append((i, j, chars))
    return out


def _number_runs(text: str, tokens: list[_Token]) -> Iterator[_Part]:
    """Runs of number words and letters written out: "twenty three" -> "23"."""
    for i, j in _spoken_runs(text, tokens):
        words = [t.low for t in tokens[i:j]]
        if all(w.isdigit() for w in words) or (len(words) == 1 and _is_letter(words[0])) \
                or words == ["one"]:
            continue  # figures are the patterns' own; "no one", "the one" are no numbers
        chars = [(s, i + a, i + b) for s, a, b in _pieces(tokens[i:j])]
        if chars and "".join(s for s, _, _ in chars) != " ".join(t.word for t in tokens[i:j]):
            yield i, j, chars


#: Words a little before a handle read out: "add me on snap its t j dot rosie".
_HANDLE_CUES = frozenset({"snap", "snapchat", "insta", "instagram", "tiktok", "twitter", "x",
                          "facebook", "fb", "discord", "xbox", "psn", "handle", "username",
                          "gamertag", "account", "follow", "add", "ps", "playstation",
                          "roblox", "steam", "twitch", "youtube", "ign", "tag"})


def _dot_joins(tokens: list[_Token], i: int, j: int) -> bool:
    """Whether a spoken "dot" writes part of an address or handle: it ends in an e-mail host's
    ending, "at" comes just before it ("at chlo dot bee") or just after it (the address's
    host follows), a social-media word comes a few words before it, it is one of two dots or
    more (three words so joined are no sentence's words), or it joins a word to digits ("reecey
    dot 09"; a decimal joins digits to digits)."""
    return tokens[j - 1].low in _MAIL_ENDS or (i > 0 and tokens[i - 1].low == "at") \
        or (j < len(tokens) and tokens[j].low == "at") \
        or any(t.low in _HANDLE_CUES for t in tokens[max(0, i - 5):i]) \
        or sum(t.low == "dot" for t in tokens[i:j]) >= 2 \
        or (tokens[i].low.isalpha() and tokens[j - 1].low.isdigit())  # "reecey dot 09"


def _at_signs(text: str, tokens: list[_Token], out: list[_Part]) -> list[_Part]:
    """Write "at" as "@" where it stands before a joined handle or an e-mail host."""
    joined = {i: (j, chars) for i, j, chars in out if any(s in "_." for s, _, _ in chars)}
    result = list(out)
    for i, (j, _chars) in joined.items():
        at = i - 1
        if at < 0 or tokens[at].low != "at" or not _adjacent(text, tokens[at], tokens[i]):
            continue
        if j < len(tokens) and tokens[j].low == "at":
            continue  # "at dee_h99 at example.org": the first "at" is "email me at"
        result.append((at, at + 1, [("@", at, at)]))
    result.sort()
    return result


def _assemble(text: str, tokens: list[_Token], out: list[_Part]) -> WrittenForm:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    converted: list[bool] = []

    def copy(a: int, b: int) -> None:
        chars.extend(text[a:b])
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))
        converted.extend([False] * (b - a))

    pos = 0
    after_at = False
    last = -1
    for i, j, pieces in out:
        begin = tokens[i].start
        if begin < pos:
            continue
        # "at kayla_xo" is "@kayla_xo", and "dee_h99 at example.org" "dee_h99@example.org":
        # no space next to an "@" between joined words
        if not after_at and not (pieces[0][0] == "@" and last == i):
            copy(pos, begin)
        last = j
        for piece, a, b in pieces:
            chars.extend(piece)
            starts.extend([tokens[a].start] * len(piece))
            ends.extend([tokens[b].end] * len(piece))
            converted.extend([True] * len(piece))
        pos = tokens[j - 1].end
        after_at = pieces[-1][0] == "@"
    copy(pos, len(text))
    return WrittenForm("".join(chars), tuple(starts), tuple(ends), tuple(converted))


@dataclass(frozen=True)
class SpokenDetector(TextDetector):
    """Detect identifiers said aloud and names spelt letter by letter.

    Runs ``patterns`` over :func:`written_form` of each comment and keeps what they find in
    the written-out parts, in the original offsets.

    Parameters
    ----------
    patterns : tuple of Pattern, optional
        The patterns to run; by default :data:`carevoice.pseudonymise.patterns.PATTERNS`.
    name : str, default "spoken"
        The detector name; each span's ``detector`` is ``"<name>:<pattern name>"``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["a"], "text": ["its j o r d a n with a j"]})
    >>> SpokenDetector().detect(frame)[["start", "end", "label"]].values.tolist()
    [[4, 15, 'PERSON']]
    """

    patterns: tuple[Pattern, ...] | None = None
    name: str = "spoken"

    def find(self, comment_id: str, text: str) -> list[Span]:
        from .patterns import PATTERNS

        form = written_form(text)
        spans = [Span(comment_id, start, end, "PERSON", 0.8, f"{self.name}:spelt_name")
                 for start, end in spelt_names(text)]
        if not any(form.converted):
            return spans
        for pattern in self.patterns if self.patterns is not None else PATTERNS:
            for start, end, score in pattern.finditer(form.text):
                if form.touches_speech(start, end):
                    s, e = form.original(start, end)
                    spans.append(Span(comment_id, s, e, pattern.label, score,
                                      f"{self.name}:{pattern.name}"))
        return spans


def spelt_names(text: str) -> list[tuple[int, int]]:
    """Offsets of names spelt out letter by letter: "k a i d e n", "its s h a n i c e".

    Three or more single letters in a row count when they spell a first name, surname or
    nickname the name lists know, or follow a word about spelling ("can you spell that").

    Parameters
    ----------
    text : str

    Returns
    -------
    list of tuple of int

    Examples
    --------
    >>> spelt_names("yeah r e e c e with two es")
    [(5, 14)]
    """
    from .lexicons import NICKNAMES, first_names, surnames

    tokens = _tokens(text)
    found = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _is_letter(tokens[j].low) and (
                j == i or _adjacent(text, tokens[j - 1], tokens[j])):
            j += 1
        if j - i >= 3:
            word = "".join(t.low for t in tokens[i:j])
            cue = any(t.low in _SPELLING_CUES for t in tokens[max(0, i - 10):i])
            if cue or word in first_names() or word in surnames() or word in NICKNAMES:
                found.append((tokens[i].start, tokens[j - 1].end))
        i = max(j, i + 1)
    return found


_SPELT_RUN = re.compile(r"(?<![\w'\u2019])[a-z](?: [a-z]){2,}(?![\w'\u2019])")


def in_spelt_run(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one lower-case letter of three or more read out in a
    row ("n h s", "c a m h s"): a word spelt out, not an initial. Names spelt out are
    :func:`spelt_names`'.

    Examples
    --------
    >>> in_spelt_run("my n h s number", 5, 6), in_spelt_run("j said no", 0, 1)
    (True, False)
    """
    if end - start != 1:
        return False
    lo = max(0, start - 80)
    return any(m.start() <= start and end <= m.end()
               for m in _SPELT_RUN.finditer(text, lo, min(len(text), end + 80)))
