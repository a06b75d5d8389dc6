"""Whether a closed answer names a person, or could: the pseudonymiser's name lexicon applied
to a survey's closed answers.

Internal helpers of :func:`carevoice.corpus.free_text_columns` and
:mod:`carevoice._multiselect`. A young person who types into the "Other" box of a
single-choice or tick-all-that-apply question may write a first name ("Jayden") that reads
like one more option label; carevoice publishes closed answers as written, so such an answer
must be caught. The name lists are those of :mod:`carevoice.pseudonymise` (read on first
use, never at import):

- :func:`person_named`: :class:`carevoice.pseudonymise.NameDetector` finds a first name or
  surname in the answer that is a name rather than an ordinary word ("Jayden", "Skye",
  "Nan Kai"), with the score it gives a lexicon name that is no English word. A name that
  is also a word ("Summer", "Grace", "Rose") and a capitalised word outside the lexicon
  ("Tariq", but also "Zumba", "Kirklees") are not caught: option labels use them too.
- :func:`plain_labels`: every answer is a short label made of ordinary English words
  (:func:`carevoice.pseudonymise.lexicons.lowercase_words`), a lone word being no name of
  the lexicon either: "Foster care", "Year 10", "Semi-independent", "Football", not
  "Leeds", "Xbox", "Art" (also a name) or "Zebedee".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

#: The score :class:`carevoice.pseudonymise.NameDetector` gives a lexicon name that is also
#: an English word ("Summer", "Grace": 0.5) or an unknown capitalised word ("Zumba": 0.45);
#: a name scored above it is no word ("Jayden", "Skye": 0.75).
WORD_NAME_SCORE = 0.5

#: How often (in pyspellchecker's English list) a word outside Webster's lower-case words
#: must be to count as an ordinary word in a label ("online", "okay", "mainstream"; not
#: "carers" unless its stem is listed, nor "Xbox", "Zebedee", "Leeds").
ORDINARY_FREQUENCY = 1000

# A subject or a verb of a sentence typed in: "I like it here", "Staff are sound", "Can't
# wait to leave"; a label says so seldom ("When I ask", "I don't know").
_SAYS = re.compile(r"(?i)\b(?:i|i'm|im|i've|ive|it|it's|its|we|they|he|she|you|u|is|are|"
                   r"was|were|am|can't|cant|won't|wont)\b")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# A list label: a capital or a digit first, no sentence end, six words or fewer, and no
# capitalised word inside (a name) but "I"; no options joined in one cell either ("Sport;Music;",
# an undeclared tick-all-that-apply question, is checked as such).
_LABEL = re.compile(r"[A-Z0-9][^.!?;|,]*")
_INNER_CAPITAL = re.compile(r"(?<=\s)(?!I\b|I['\u2019])[A-Z\u00C0-\u00DE]")


def person_named(answers: Iterable[str]) -> list[str]:
    """The answers in which the pseudonymiser's name lexicon finds a person's name.

    Parameters
    ----------
    answers : iterable of str
        Distinct answers of one column.

    Returns
    -------
    list of str
        The answers holding a first name or surname that is no English word.

    Examples
    --------
    >>> person_named(["Football", "Jayden", "Summer", "Youth club", "Nan Skye"])
    ['Jayden', 'Nan Skye']
    """
    from .pseudonymise import NameDetector  # the lexicons load on first use

    detector = NameDetector(fuzzy=False, capitalised_unknown=False)
    return [a for a in answers
            if any(s.label == "PERSON" and s.score > WORD_NAME_SCORE
                   for s in detector.find("answer", str(a)))]


def plain_labels(present: pd.Series) -> bool:
    """Whether every answer is a closed list's label of ordinary words.

    A label starts with a capital or a digit, does not end as a sentence, has six words or
    fewer, no comma, semicolon or bar and no capitalised word inside; each of its words is a
    number or an ordinary English word (Webster's lists it in lower case; or, being no UK
    place or name of the lexicon, its stem is listed or it is frequent), and a label of one
    word is no first name or surname of the pseudonymiser's lexicon either ("Art", "Rose").
    Options joined in one cell ("Sport;Music;", "Sport, Music": an undeclared
    tick-all-that-apply question) are no label, and answers that say who does what ("I like
    it here", "Staff are sound": a subject or "is", "are", "can't") in two answers and a
    quarter of them or more are typed words, not labels.

    Examples
    --------
    >>> plain_labels(pd.Series(["Foster care", "Year 10", "Semi-independent", "Football"]))
    True
    >>> plain_labels(pd.Series(["Foster care", "Leeds"])), plain_labels(pd.Series(["Art"]))
    (False, False)
    """
    from .pseudonymise.lexicons import (
        first_names,
        lowercase_words,
        surnames,
        uk_places,
        word_frequency,
    )

    words_known, names = lowercase_words(), first_names() | surnames()
    places, frequency = uk_places(), word_frequency()

    def ordinary(word: str, alone: bool) -> bool:
        if word in words_known:
            return True
        if alone and (word in places or word in names):  # "Leeds" is no plural of "leed"
            return False
        stems = {re.sub(r"'s$", "", word), re.sub(r"(?:s|es|ed|ing)$", "", word)}
        return bool(stems & words_known) or frequency.get(word, 0) >= ORDINARY_FREQUENCY

    def plain(label: str) -> bool:
        text = label.strip()
        if not _LABEL.fullmatch(text) or len(text.split()) > 6 or _INNER_CAPITAL.search(text) \
                or text.casefold() in places:
            return False
        words = [w.casefold() for w in _WORD.findall(text)]
        alone = len(words) == 1
        return all(ordinary(w, alone) for w in words) and not (alone and words[0] in names)

    if not present.map(plain).all():
        return False
    # labels seldom say who does what ("When I ask" may be one); typed words often do
    said = int(present.str.contains(_SAYS, regex=True).sum())
    return said < max(2, 0.25 * len(present))
