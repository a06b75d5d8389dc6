"""Brand words that are also people's names: "a job at Costa" is left, "my support worker Costa"
is masked.

:data:`~carevoice.pseudonymise.lexicons.NOT_PII` holds words no detector masks: brands, shops,
apps, clubs, festivals, text-speak. A few of them are also a given name or a surname of the
name lexicon (:func:`not_pii_names`: "Costa", "Villa", "Roma", "Isa", "Sen", "Nando",
"McDonald's"), and a child's worker, teacher or friend may be called so. They stay left as
brands, shops, clubs or words ("got a job at costa", "Villa won"), but are masked (score 0.5,
detector ``"names:brand"``, so they go to review) where the words around say someone the child
knows: the checks that keep a public name masked (:mod:`carevoice.pseudonymise.public_names`:
"my support worker Costa", "Mr Costa", "me and Costa", "Costa is my key worker", "my best
friend is Costa"), or someone who spoke or is thanked, as the name rules read them ("Costa said
I could stay", "thanks Costa").

A word of three letters or fewer written all in capitals is read as an acronym and left ("my
SEN support", "an ISA").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ._base import texts_by_id
from ._words import WORD_TOKEN
from .public_names import _person_known

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["brand_name_people", "not_pii_names", "people_with_brand_names"]

#: Words of :data:`NOT_PII` in the name lists that children use as words, never as a name:
#: spellings the Faker lists happen to hold ("arent", "theres", "noone", "gona", "sayin"), a
#: family word ("madar", mother in Dari), a festival and the pandemic ("ramadan", "corona":
#: "during Ramadan my family ...").
_USED_AS_WORDS = frozenset({"arent", "theres", "noone", "gona", "sayin", "madar", "ramadan",
                            "corona"})
#: The word right after a word, a space or a tab between.
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
#: Verbs said of someone who thanks someone right after: "thank you Costa", "thank u Isa".
_THANK = frozenset({"thank", "fank"})


def _stem(low: str) -> str:
    """A word without its possessive "'s" ("costa's", "mcdonald's")."""
    return low.removesuffix("'s")


@functools.cache
def not_pii_names() -> frozenset[str]:
    """Return the words of :data:`NOT_PII` that are also a given name or a surname.

    A word of :data:`~carevoice.pseudonymise.lexicons.NOT_PII` is one when it, or it without
    its "'s", is in :func:`~carevoice.pseudonymise.lexicons.first_names`,
    :func:`~carevoice.pseudonymise.lexicons.surnames` or
    :func:`~carevoice.pseudonymise.lexicons.community_names`; left out are common English
    words ("art", "french", "young"), the words that are also names which the name rules read
    by their use (:data:`~carevoice.pseudonymise.lexicons.WORD_NAMES`: "june", "august") and
    a few words children use as words only ("ramadan", "corona", "theres").

    Returns
    -------
    frozenset of str
        Lower case, with apostrophes as ASCII "'".

    Examples
    --------
    >>> {"costa", "villa", "mcdonald's"} <= not_pii_names()
    True
    >>> "tesco" in not_pii_names() or "june" in not_pii_names()
    False
    """
    from .lexicons import (
        NOT_PII,
        WORD_NAMES,
        community_names,
        first_names,
        is_common_word,
        surnames,
    )

    names = first_names() | surnames() | community_names()
    return frozenset(
        w for w in NOT_PII
        if _stem(w) in names and w not in WORD_NAMES and w not in _USED_AS_WORDS
        and not is_common_word(_stem(w)))


def _spoken_of(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` spoke ("Costa said") or is thanked ("thanks
    Costa", "thank you Costa"), read with the name rules' words for these."""
    from ._tokens import SPEECH, THANKS

    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).lower() in SPEECH:
        return True
    before = [m.group().lower() for m in WORD_TOKEN.finditer(text, max(0, start - 20), start)]
    return bool(before) and (before[-1] in THANKS or (
        len(before) > 1 and before[-1] in ("you", "u") and before[-2] in _THANK))


def brand_name_people(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a word of :func:`not_pii_names` said of a person the child knows.

    Parameters
    ----------
    text : str
        A comment.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` of each such word, without its "'s".

    Examples
    --------
    >>> text = "My support worker Costa is lovely, she got me a job at Costa."
    >>> [text[s:e] for s, e in brand_name_people(text)]
    ['Costa']
    """
    names = not_pii_names()
    out = []
    for m in WORD_TOKEN.finditer(text):
        word = m.group().replace("\u2019", "'")
        low = word.lower()
        if low not in names and _stem(low) not in names:
            continue
        if len(word) <= 3 and word.isupper():
            continue  # an acronym: "SEN", "ISA"
        end = m.start() + len(_stem(word))
        if _person_known(text, m.start(), m.end()) or _spoken_of(text, m.start(), m.end()):
            out.append((m.start(), end))
    return out


def people_with_brand_names(comments: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """Add a person span for each word of :func:`not_pii_names` said of a person the child
    knows (:func:`brand_name_people`).

    Parameters
    ----------
    comments : pandas.DataFrame
        With ``comment_id`` and ``text``.
    spans : pandas.DataFrame
        Raw spans.

    Returns
    -------
    pandas.DataFrame
        ``spans`` plus the new ones (label ``PERSON``, score 0.5, detector ``"names:brand"``;
        not resolved).

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.pseudonymise._base import spans_frame
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"],
    ...                          "text": ["Costa said I could stay", "we went to Costa"]})
    >>> people_with_brand_names(comments, spans_frame([]))[["comment_id", "start", "end"]
    ...                                                     ].values.tolist()
    [['c1', 0, 5]]
    """
    import pandas as pd

    from ._base import spans_frame

    new = [(cid, s, e, "PERSON", 0.5, "names:brand")
           for cid, text in texts_by_id(comments).items() for s, e in brand_name_people(text)]
    if not new:
        return spans
    return pd.concat([spans, spans_frame(new)], ignore_index=True) if len(spans) \
        else spans_frame(new)
