"""Named entities: :class:`SpacyDetector`, the packaged spaCy pipeline's recogniser.

Only the ``ner`` component runs, texts are batched with ``nlp.pipe`` and long comments are
split at whitespace; spaCy is imported only when the detector first runs. The entities it
keeps are people, places and organisations, trimmed of the words around them that are not
personal data. The detector follows the :class:`carevoice.schema.Detector` protocol.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ._base import Span, check_comments, iter_texts, spans_frame, title_case
from ._words import (
    FUNCTION_WORDS,
    ORG_NOUNS,
    TITLES,
    abbreviation_at,
    dictionary_word,
    frequency,
    misspelt_word,
    sentence_initial,
)
from .initials import DOTTED_LETTERS, dotted_initials_ok
from .lexicons import (
    CARE_SHORTHAND,
    NOT_PII,
    ROLE_WORDS,
    WORD_NAMES,
    countries,
    first_names,
    surnames,
    uk_places,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "MAX_CHUNK",
    "SPACY_LABELS",
    "SpacyDetector",
    "might_hold_entity",
    "split_long_text",
]


#: spaCy entity labels kept, mapped to carevoice labels, with the score given to each.
SPACY_LABELS: dict[str, tuple[str, float]] = {
    "PERSON": ("PERSON", 0.8),
    "GPE": ("LOCATION", 0.8),
    "LOC": ("LOCATION", 0.7),
    "FAC": ("LOCATION", 0.6),
    "ORG": ("ORG", 0.6),
}

#: Longest piece of text given to spaCy at once; longer comments are split at whitespace.
MAX_CHUNK = 5_000


def split_long_text(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """Split a text into pieces of at most ``limit`` characters at whitespace.

    Parameters
    ----------
    text : str
    limit : int, default 5000

    Returns
    -------
    list of (int, str)
        ``(offset, piece)`` pairs that cover the text.

    Examples
    --------
    >>> split_long_text("aaa bbb ccc", limit=4)
    [(0, 'aaa '), (4, 'bbb '), (8, 'ccc')]
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces, pos = [], 0
    while pos < len(text):
        cut = min(len(text), pos + limit)
        if cut < len(text):
            space = text.rfind(" ", pos + limit // 2, cut)
            cut = space + 1 if space > pos else cut
        pieces.append((pos, text[pos:cut]))
        pos = cut
    return pieces


@dataclass(frozen=True)
class SpacyDetector:
    """Named-entity recognition with the packaged spaCy pipeline (NER only, batched).

    Parameters
    ----------
    batch_size : int, default 256
        Texts per ``nlp.pipe`` batch.
    n_process : int, default 1
        Processes for ``nlp.pipe``; 2 or more pays off from a few thousand comments.
    skip_plain : bool, default True
        Do not run the recogniser on texts without a capitalised word that could start a name
        (see :func:`might_hold_entity`); the lexicon detectors cover lower-case names. This
        roughly halves the time on informal writing.
    name : str, default "spacy"

    Examples
    --------
    >>> SpacyDetector(batch_size=64).name
    'spacy'
    """

    batch_size: int = 256
    n_process: int = 1
    skip_plain: bool = True
    name: str = "spacy"

    def __post_init__(self) -> None:
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise InputError("The 'batch_size' parameter of SpacyDetector must be an int in the "
                             f"range [1, inf). Got {self.batch_size!r} instead.")
        if not isinstance(self.n_process, int) or self.n_process < 1:
            raise InputError("The 'n_process' parameter of SpacyDetector must be an int in the "
                             f"range [1, inf). Got {self.n_process!r} instead.")

    def nlp(self) -> Any:
        """Return the packaged pipeline with every component but ``ner`` disabled.

        Returns
        -------
        spacy.language.Language
        """
        from ..models import load_spacy

        return load_spacy(disable=("tok2vec", "tagger", "parser", "attribute_ruler",
                                   "lemmatizer"))

    def find_many(self, items: Sequence[tuple[str, str]]) -> list[Span]:
        """Return the spans of many ``(comment_id, text)`` pairs, identical texts run once.

        Parameters
        ----------
        items : sequence of (str, str)

        Returns
        -------
        list of Span
        """
        pieces: dict[str, None] = {}
        for _, text in items:
            if text.strip():
                for _, piece in split_long_text(text):
                    if not self.skip_plain or might_hold_entity(piece):
                        pieces.setdefault(piece, None)
        if not pieces:
            return []
        nlp = self.nlp()
        found: dict[str, list[tuple[int, int, str, float]]] = {}
        n_process = self.n_process if len(pieces) >= 2_000 else 1
        for piece, doc in zip(pieces, nlp.pipe(pieces, batch_size=self.batch_size,
                                               n_process=n_process), strict=True):
            found[piece] = _entities(doc)
        spans = []
        for cid, text in items:
            if not text.strip():
                continue
            for offset, piece in split_long_text(text):
                for start, end, label, score in found.get(piece, ()):
                    spans.append(Span(cid, offset + start, offset + end, label, score, self.name))
        return spans

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments``.

        Parameters
        ----------
        comments : pandas.DataFrame

        Returns
        -------
        pandas.DataFrame
        """
        check_comments(comments)
        return spans_frame(self.find_many(list(iter_texts(comments))))


def might_hold_entity(text: str) -> bool:
    """Whether a text has a capitalised word that spaCy could tag as a name, place or organisation.

    True when some capitalised or upper-case word is neither a function word, a role word nor
    a known non-personal word, and is inside a sentence or is not a common English word.

    Parameters
    ----------
    text : str

    Returns
    -------
    bool

    Examples
    --------
    >>> might_hold_entity("i miss my mum. She is ok"), might_hold_entity("i miss Kai")
    (False, True)
    """
    for m in _CAPITALISED.finditer(text):
        low = m.group().lower()
        if low in FUNCTION_WORDS or low in NOT_PII or low in ROLE_WORDS:
            continue
        if not sentence_initial(text, m.start()) or frequency(low) < 20_000:
            return True
    return False


_CAPITALISED = re.compile(r"(?<![\w'\u2019])[A-Z][A-Za-z\u00c0-\u024f'\u2019-]*")


def _entities(doc: Any) -> list[tuple[int, int, str, float]]:
    out = []
    text = doc.text  # built from the tokens on every access: read it once
    titled = title_case(text)
    # a comment written all in capitals says as little about names as one in Title Case: the
    # tagger's span runs on into the sentence ("JAYDEN SHOUTED AT ME")
    shouted = text.upper() == text and sum(c.isalpha() for c in text) >= 8
    for ent in doc.ents:
        mapped = SPACY_LABELS.get(ent.label_)
        if mapped is None:
            continue
        tokens = list(ent)
        # trim role words, determiners and punctuation at the edges ("the", "Mum", "'s")
        while tokens and (tokens[0].lower_ in _EDGE_DROP or not tokens[0].text.strip("'\"-")):
            tokens.pop(0)
        while tokens and (tokens[-1].lower_ in _EDGE_DROP or tokens[-1].is_punct
                          or tokens[-1].lower_ in ("'s", "\u2019s")):
            tokens.pop()
        # a lower-case ordinary word after a capitalised name is the next word of the
        # sentence, not part of the name ("my advocate Sam rang the council")
        while len(tokens) > 1 and mapped[0] == "PERSON" and tokens[-1].text.islower() \
                and tokens[0].text[:1].isupper() and frequency(tokens[-1].lower_) >= 2_000 \
                and tokens[-1].lower_ not in first_names() \
                and tokens[-1].lower_ not in surnames():
            tokens.pop()
        # care workers' shorthand before a name is not part of it: "FC Sandra", "YP DOB
        # 12/03/2009" (the date is the patterns' to find); other never-PII words may start an
        # organisation's name ("Care Leavers Collective")
        while len(tokens) > 1 and tokens[0].lower_ in _SHORTHAND_BEFORE:
            tokens.pop(0)
        # a function word and only words that are never personal data after it are the
        # sentence's: "in Harrow for Easter" (not "Stoke on Trent")
        cut = next((k for k in range(1, len(tokens) - 1)
                    if tokens[k].lower_ in FUNCTION_WORDS
                    and all(t.lower_ in NOT_PII or t.is_punct for t in tokens[k + 1:])), None)
        if cut is not None:
            tokens = tokens[:cut]
        # and a lower-case function word before one is the sentence's too ("care is wen Faye
        # helps", text-speak the tagger reads as a first name)
        while len(tokens) > 1 and mapped[0] == "PERSON" and tokens[0].text.islower() \
                and tokens[0].lower_ in FUNCTION_WORDS and tokens[1].text[:1].isupper():
            tokens.pop(0)
        if tokens and titled:
            tokens = _title_case_entity(tokens)
        if tokens and shouted:
            # cut back to the name; if what is left reads as an ordinary word the filters below
            # drop, keep the tagger's span as it was ("SUMMER AND BLUE ARE ...": "BLUE ARE")
            short = _shouted_entity(tokens)
            if len(short) < len(tokens) and _kept(short, text, mapped):
                tokens = short
        if not tokens or not _kept(tokens, text, mapped):
            continue
        label, score = mapped
        out.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), label, score))
    return out


def _kept(tokens: list[Any], text: str, mapped: tuple[str, float]) -> bool:
    """Whether a tagger's entity, trimmed to ``tokens``, is kept (not a role word, a country,
    an abbreviation, or an ordinary word tagged by mistake)."""
    words = [t.lower_ for t in tokens if not t.is_punct]
    if not words or all(w in NOT_PII or w in ROLE_WORDS or w in FUNCTION_WORDS for w in words):
        return False
    surface = " ".join(words)
    if surface in countries():
        return False
    whole = text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    if DOTTED_LETTERS.fullmatch(whole) and not dotted_initials_ok(whole):
        return False  # "P.E.", "the G.P.", "U.K.": an abbreviation, not someone's initials
    if len(tokens) == 1 and abbreviation_at(text, tokens[0].idx,
                                            tokens[0].idx + len(tokens[0].text)):
        return False  # "Tel. 07700 ...": not a name
    if len(words) == 1 and words[0] in WORD_NAMES and _used_as_word(text, tokens[0].idx):
        return False  # "Frank conversation with my sw", "Grace period on my rent": a word
    if len(words) == 1 and frequency(words[0]) >= 20_000 and tokens[0].text.islower():
        return False  # an ordinary lower-case word tagged by mistake
    if len(words) == 1 and tokens[0].text.islower() and frequency(words[0]) == 0 \
            and misspelt_word(words[0], threshold=20_000) \
            and words[0] not in first_names() and words[0] not in uk_places():
        return False  # a misspelt ordinary word ("anyone actualy wants"), not a name
    if len(words) == 1 and tokens[0].text.isupper() and len(words[0]) >= 4 \
            and frequency(words[0]) >= 2_000 and dictionary_word(words[0]) \
            and words[0] not in first_names() and words[0] not in uk_places():
        return False  # a shouted ordinary word ("A HAIRCUT")
    # ordinary lower-case words ("bin bags", "housing association")
    return not (len(words) > 1 and all(t.text.islower() for t in tokens if not t.is_punct)
                and all(frequency(w) >= 2_000 and w not in first_names() for w in words))


def _used_as_word(text: str, start: int) -> bool:
    """Whether the word-name at ``start`` is used as the ordinary word by the words after it
    (:func:`._word_name_use.word_name_used_as_word`)."""
    from ._word_name_use import word_name_used_as_word
    from .learned import tokenise

    tokens = tokenise(text)
    at = next((k for k, (s, _) in enumerate(tokens) if s == start), None)
    return at is not None and word_name_used_as_word(text, tokens, at)


#: Care workers' shorthand, and "DOB", which no name starts with.
_SHORTHAND_BEFORE = CARE_SHORTHAND | {"dob", "d.o.b"}

#: Words that end a name in a comment written in Title Case: the sentence goes on after them
#: ("Callum From The Junction Project Takes Me Bowling").
_CLAUSE_WORDS = frozenset(
    """me my i you your he she we they him her us them it his their our is are was were am
    be been has have had do does did will would can could should because but when if so
    then""".split())
#: Last words of an organisation's name ("... Project", "... Trust"), kept at a name's end.
_ORG_HEADS = ORG_NOUNS | {"house", "trust", "foundation", "hub", "partnership", "hospital",
                           "surgery", "lodge", "court", "hall", "view", "grange"}


def _title_case_entity(tokens: list[Any]) -> list[Any]:
    """A tagger's entity in a comment written in Title Case, cut where the sentence goes on:
    before a pronoun, auxiliary or conjunction, then without ordinary words at its end
    ("Junction Project Takes Me Bowling" -> "Junction Project", "Jolene Takes" -> "Jolene")."""
    while len(tokens) > 1 and tokens[0].lower_ in FUNCTION_WORDS:
        tokens = tokens[1:]  # "From The Leaving Care Team"
    for k, token in enumerate(tokens[1:], start=1):
        if token.lower_ in _CLAUSE_WORDS:
            tokens = tokens[:k]
            break
    while len(tokens) > 1 and tokens[-1].lower_ not in _ORG_HEADS \
            and frequency(tokens[-1].lower_) >= 2_000 and dictionary_word(tokens[-1].lower_) \
            and tokens[-1].lower_ not in first_names() and tokens[-1].lower_ not in uk_places():
        tokens = tokens[:-1]
    return tokens


def _shouted_entity(tokens: list[Any]) -> list[Any]:
    """A tagger's entity in a comment written all in capitals, cut as in Title Case and then
    without ordinary words at either end that are no name or place ("JAYDEN SHOUTED AT" ->
    "JAYDEN")."""
    def ordinary(low: str) -> bool:
        return frequency(low) >= 2_000 and low not in _ORG_HEADS and low not in first_names() \
            and low not in surnames() and low not in uk_places()

    tokens = _title_case_entity(tokens)
    while len(tokens) > 1 and ordinary(tokens[-1].lower_):
        tokens = tokens[:-1]
    while len(tokens) > 1 and ordinary(tokens[0].lower_):
        tokens = tokens[1:]
    return tokens


_EDGE_DROP = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their"}) | (
    ROLE_WORDS - TITLES
)
