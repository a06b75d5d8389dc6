"""A learned token model: :class:`TokenModelDetector` finds names from the words around them.

The rule detectors (:mod:`.names`, :mod:`.places`, :mod:`.institutions`) read cues a person
wrote down: "my sw X", "moved to X". A name with no written cue ("hope came round with the
dog", "a flat in sale") slips past them. The token model learns the cues from marked comments
instead: for every word, a multinomial logistic regression over the word itself, its shape,
its affixes, the name lists and gazetteer it is in, and the two words on each side, gives the
probability that the word is part of a person's, place's or organisation's name.

The packaged model (``carevoice/data/token_model.npz``) was trained by
``corpora/train_token_model.py`` on carevoice's own fictional, gold-marked comments (the probe in
``tests/data/pii_probe.txt``, the demo corpus, the theme coder's reference supplement and the
contrasts in ``corpora/token_contrasts.txt``); a test retrains it and checks that the result
matches. Train your own on reviewed comments with
:func:`train_token_model`. Spans found only by this detector go to review
(:class:`carevoice.pseudonymise.review.ReviewConfig`). Where a rule's span and this model's
overlap, the merged span takes the label of a rule's span covering all of it, else of this
model's span covering all of it, else of the best rule's part
(:func:`carevoice.pseudonymise.core.resolve_spans`).

scikit-learn is imported only to train; predicting needs numpy and scipy.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError
from ._base import NAME_LABELS, Span, TextDetector, check_comments, iter_texts, spans_frame
from ._word_name_use import names_an_identifier, word_name_used_as_word
from ._words import (
    FUNCTION_WORDS,
    KIN,
    ORG_NOUNS,
    PERSON_NOUNS,
    abbreviation_at,
    dictionary_word,
    frequency,
    misspelt_word,
    sentence_initial,
    speaker_label_at,
    two_edits_from_common,
)
from .initials import dotted_abbreviation_at
from .spoken import in_spelt_run

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FEATURES_VERSION",
    "TokenModel",
    "TokenModelDetector",
    "never_a_name",
    "packaged_token_model",
    "token_features",
    "tokenise",
    "train_token_model",
]

#: Bumped whenever :func:`token_features` changes, so that a model saved with other features
#: is refused rather than read wrongly. Version 2 added two kinds of feature ("lx=plain",
#: "w-2#=...") and version 3 two more ("lx=plural", "grp#"); neither changed a feature that
#: was there before, so a model of an earlier version, whose vocabulary lacks the new kinds,
#: reads version-3 features exactly as it read its own (:data:`_READS`).
FEATURES_VERSION = 3

#: The features versions :meth:`TokenModel.load` accepts.
_READS = frozenset({1, 2, 3})

#: Words for a school group before its number: "year 4", "yr 4", "class 3", "set 2".
_SCHOOL_GROUPS = frozenset({"year", "yr", "yrs", "y", "class", "set", "form", "group"})
#: A school group and its number written as one token: "y4", "yr4", "year4".
_SCHOOL_GROUP_NUMBER = re.compile(r"(?:y|yr|year)\d{1,2}")

#: The name lists and gazetteer facts (:func:`_lexicons`) that make a dictionary word a
#: possible name or place rather than a plain word.
_NAMED = frozenset({"first", "sur", "place", "nick", "child", "wordname"})

#: Lower-case words for where someone lives, which do not extend a name said as an owner's
#: ("Chloe's house", "graces flat").
_DWELLINGS = frozenset({"house", "home", "flat", "place", "room", "bedroom", "caravan"})
_OWNER = re.compile(r"(?<=\w)['\u2019]s$", re.IGNORECASE)

#: The last words of an organisation's name, which are never a name on their own: the model
#: marks "association" in "a housing association" or "the project" only as part of a run.
_ORG_HEADS = ORG_NOUNS | {"association", "trust", "foundation", "partnership", "society",
                          "network", "forum", "panel", "board", "committee", "department",
                          "children's", "childrens", "children\u2019s"}


def _plain_word_opening(text: str, start: int, word: str) -> bool:
    """Whether ``word`` opens a sentence, capitalised only for that, and is a dictionary word
    that no name list or gazetteer knows ("Bursary", "Stability", "Fostering"): the rules
    leave such a word alone, and so does the model, unless the next word is marked too."""
    from .lexicons import NICKNAMES, first_names, places_abroad, surnames, uk_places

    low = word.lower()
    return word[:1].isupper() and word[1:].islower() and sentence_initial(text, start) \
        and dictionary_word(low) and low not in first_names() and low not in surnames() \
        and low not in NICKNAMES and low not in uk_places() and low not in places_abroad()


def _acronym_never_a_name(word: str) -> bool:
    """Whether ``word`` is an acronym of three letters or more that is never personal data
    ("ISA", "CPS", "PCSO"; not two letters, which may be initials: "JD from the team"), or a
    common abbreviation in any case (:data:`~.lexicons.ABBREVIATIONS`: "BS", "PhD", "btec"):
    the model marks it only inside a longer name."""
    from .lexicons import ABBREVIATIONS, NOT_PII

    low = word.lower()
    return low in ABBREVIATIONS or (
        len(word) >= 3 and word.isupper() and word.isalpha() and low in NOT_PII)


#: Modal verbs that are names too ("Will", "May").
_NAME_MODALS = frozenset({"will", "may"})
#: Words a modal stands before that say nothing of a name after them: "my carer will be
#: there", "my sw may never ring".
_AFTER_MODAL = frozenset({"be", "have", "get", "go", "do"})
#: Adverbs between a modal and its verb: "my sw will never ring" (but "will never does
#: anything": a name, with the verb read after them).
_MODAL_ADVERBS = frozenset(
    """not never always just still really probably prob defo def definitely actually literally
    only also soon""".split())
#: Verb forms after an adverb that no modal stands before: "will never did".
_NO_MODAL_AFTER_ADVERB = frozenset({"did", "does", "was", "is", "has", "had", "said", "went",
                                    "got", "came", "told", "made", "took", "gave", "rang"})
#: Verbs said of workers and carers that a surname list holds too ("ring"): after "will" or
#: "may" they are the verb.
_MODAL_VERBS = frozenset(
    """ring phone text call email message visit help sort pick come take bring tell ask see
    meet drive sign reply answer listen try say let make give find look move send pay book
    check chase fix""".split())


def _modal_before_verb(text: str, tokens: list[tuple[int, int]], i: int) -> bool:
    """Whether token ``i`` is "will" or "may" written in lower case before a verb a modal
    stands before, so the modal rather than a name: "my carer will help me", "my PA will
    reply", "my sw may never ring" (the model, reading "my carer X" as a cue, marked "will").
    Not before a past tense or a verb with an s, also after an adverb ("will sorted my pass",
    "will never rings back", which no modal stands before), a name, a surname or a word in no
    dictionary ("will baker-hill"), nor "is", "and" ("will is sound", "will and kai").

    Examples
    --------
    >>> text = "my carer will help me but will never rings"
    >>> tokens = tokenise(text)
    >>> _modal_before_verb(text, tokens, 2), _modal_before_verb(text, tokens, 6)
    (True, False)
    """
    from ._name_verbs import _NO_MODAL_BEFORE
    from .lexicons import NICKNAMES, first_names, surnames, uk_places

    start, end = tokens[i]
    if text[start:end] not in _NAME_MODALS:
        return False
    j = i + 1
    while j < len(tokens) and text[tokens[j][0]:tokens[j][1]] in _MODAL_ADVERBS:
        j += 1
    if j >= len(tokens):
        return j > i + 1  # "... and my sw will never"
    after = text[tokens[j][0]:tokens[j][1]]
    spaced = j > i + 1 or text[end:tokens[j][0]].isspace()
    if not (after.isalpha() and after.islower() and spaced):
        return False
    if after in _NO_MODAL_AFTER_ADVERB:
        return False
    if after in _AFTER_MODAL or after in _MODAL_VERBS:
        return True
    if after in FUNCTION_WORDS or after in _NO_MODAL_BEFORE or after.endswith(("s", "ed")):
        return False
    return dictionary_word(after) and after not in first_names() and after not in surnames() \
        and after not in NICKNAMES and after not in uk_places()


def _next_in_run(tokens: list[tuple[int, int]], proba: np.ndarray, i: int, outside: int,
                 threshold: float) -> bool:
    """Whether the word after token ``i`` is marked too, so that token ``i`` starts a run."""
    return i + 1 < len(tokens) and 1.0 - float(proba[i + 1][outside]) >= threshold


#: The features that describe a word by itself (:func:`token_features`): the word and its
#: affixes.
_OWN = ("w=", "p3=", "s3=", "s2=")


def _read_by_context(model: TokenModel, features: Sequence[Sequence[str]],
                     proba: np.ndarray) -> np.ndarray:
    """Read each word that is a name and an ordinary word (feature ``lx=wordname``) also
    without its own features, by the words around it and its name lists alone, and keep the
    reading more likely to be a name: "in yr 4 honey pushed me" reads as "in yr 4 hope pushed
    me" does. The training comments hold too few of each such word to learn how often that
    word is a name ("honey": an endearment in most of them), and the word's weight would
    otherwise outvote a frame where any other name stands. Only raises a probability of a
    name, never lowers one (when in doubt, mask). ``proba`` is changed in place."""
    at = [i for i, feats in enumerate(features) if "lx=wordname" in feats]
    if not at:
        return proba
    bare = model.predict_proba([[f for f in features[i] if not f.startswith(_OWN)]
                                for i in at])
    outside = model.classes.index(OUTSIDE)
    for i, row in zip(at, bare, strict=True):
        if row[outside] < proba[i][outside]:
            proba[i] = row
    return proba


#: Comments whose words are scored together by :meth:`TokenModelDetector.detect`.
_CHUNK = 2_000

#: The class of words that are not part of a name.
OUTSIDE = "O"

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*|\S")
_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
_LOWER = re.compile(r"[a-z\u00df-\u00ff]")
_RUNS = re.compile(r"(.)\1{2,}")
_ENDS = frozenset(".!?")


def tokenise(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the words and punctuation marks of ``text``.

    A word keeps its inner apostrophes and hyphens ("tayla-mae", "o'neill").

    Examples
    --------
    >>> text = "me n tayla-mae went"
    >>> [text[s:e] for s, e in tokenise(text)]
    ['me', 'n', 'tayla-mae', 'went']
    """
    return [m.span() for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=65_536)
def _shape(word: str) -> str:
    shape = _LOWER.sub("x", _UPPER.sub("X", word))
    shape = re.sub(r"\d", "d", shape)
    return _RUNS.sub(r"\1\1", shape)


@functools.lru_cache(maxsize=1)
def _lexicons() -> tuple[tuple[str, frozenset[str]], ...]:
    from . import lexicons

    # the lists the rules read: retrain the model (corpora/train_token_model.py) when they change
    return (("first", lexicons.first_names()), ("sur", lexicons.surnames()),
            ("place", lexicons.uk_places()), ("nick", lexicons.NICKNAMES),
            ("child", lexicons.UK_CHILD_NAMES), ("role", lexicons.ROLE_WORDS),
            ("notpii", lexicons.NOT_PII), ("wordname", lexicons.WORD_NAMES),
            ("func", FUNCTION_WORDS))


@functools.lru_cache(maxsize=65_536)
def _word_facts(low: str) -> tuple[str, ...]:
    facts = [name for name, words in _lexicons() if low in words]
    count = frequency(low)
    facts.append(f"fr{0 if count <= 0 else min(7, int(math.log10(count + 1)))}")
    if dictionary_word(low):
        facts.append("dict")
        if _NAMED.isdisjoint(facts):  # "exams", "deadlines": no name list knows them
            facts.append("plain")
    elif count < 1_000 and low.isalpha():
        if misspelt_word(low):
            facts.append("edit1")
        elif len(low) >= 4 and two_edits_from_common(low):
            facts.append("edit2")
    if _NAMED.isdisjoint(facts) and _plural_of_plain_word(low):
        facts.append("plural")  # "deadlines", "bursaries": no name list knows them
    return tuple(facts)


def _plural_of_plain_word(low: str) -> bool:
    """Whether ``low`` is the plural of a word that no name list or gazetteer knows: of a
    dictionary word ("deadlines", "bursaries", "assemblies", "buses"), of a common word the
    dictionary lacks ("laptops", "emails") or of two dictionary words written as one
    ("worksheets"). The dictionary lists no plurals, and a plural is rarer than its
    singular in the word counts, so the other facts read it as a rarer word than it is. Not
    "jades" or "willows": "jade" and "willow" are names too, and such a word is more often a
    name with its possessive s or a home named after trees.

    Examples
    --------
    >>> _plural_of_plain_word("bursaries"), _plural_of_plain_word("worksheets")
    (True, True)
    >>> _plural_of_plain_word("jades"), _plural_of_plain_word("class")
    (False, False)
    """
    if len(low) < 4 or not low.isalpha() or not low.endswith("s") or low.endswith("ss"):
        return False
    singular = [w for w in (low[:-1], low[:-2] if low.endswith("es") else "",
                            low[:-3] + "y" if low.endswith("ies") else "") if _a_word(w)]
    return bool(singular) and all(_NAMED.isdisjoint(_word_facts(w)) for w in singular)


def _a_word(low: str) -> bool:
    """A dictionary word, a common word, or two dictionary words of three letters or more
    written as one that the word counts know ("worksheet"; not "ashworth", "oakfield", which
    they do not: names of people and places)."""
    from .lexicons import lowercase_words

    words = lowercase_words()
    if low in words or frequency(low) >= 1_000:
        return True
    return len(low) >= 6 and frequency(low) > 0 and any(
        low[:k] in words and low[k:] in words for k in range(3, len(low) - 2))


def token_features(text: str) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """Return the tokens of ``text`` and the feature names of each.

    Each word is described by itself (lower-cased), its shape ("Xxxx"), its first three and
    last two or three letters, the name lists, gazetteer and word lists it is in, how common it
    is, whether it is a dictionary word that none of the name lists or the gazetteer knows
    ("lx=plain": "exams"), or the plural of one ("lx=plural": "deadlines", "bursaries"),
    whether it starts a sentence or a capital, and the same of the two tokens on each side;
    after a number, also the word before the number ("w-2#=year" in "year 5 ruby", whatever the
    number), and whether that word names a school group, however written ("grp#": "year 5",
    "yr 5", "y5", "class 3", "set 2").

    Parameters
    ----------
    text : str

    Returns
    -------
    tokens : list of (int, int)
        Offsets, as :func:`tokenise`.
    features : list of list of str
        One list of feature names per token.

    Examples
    --------
    >>> tokens, features = token_features("my mate hope came")
    >>> "w=hope" in features[2], "w-1=mate" in features[2]
    (True, True)
    """
    tokens = tokenise(text)
    words = [text[s:e] for s, e in tokens]
    lows = [w.lower() for w in words]
    facts = [_word_facts(low) for low in lows]
    shapes = [_shape(w) for w in words]
    out: list[list[str]] = []
    for i, (word, low) in enumerate(zip(words, lows, strict=True)):
        capital = word[:1].isupper()
        feats = ["bias", f"w={low}", f"sh={shapes[i]}", *_affixes(low)]
        feats += [f"lx={fact}" for fact in facts[i]]
        if i == 0 or words[i - 1] in _ENDS:
            feats.append("sent0")
        if capital:
            feats.append("cap")
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < len(words):
                feats.append(f"w{d}=<pad>")
                continue
            feats += [f"w{d}={lows[j]}", f"sh{d}={shapes[j]}"]
            if d in (-1, 1):
                feats += [f"lx{d}={fact}" for fact in facts[j]]
                feats.append(f"w{d}|w={lows[j]}|{'cap' if capital else 'low'}")
        feats.append(f"w-2w-1={lows[i - 2] if i > 1 else ''}_{lows[i - 1] if i else ''}")
        if i and lows[i - 1].isdigit():  # "year 5 ruby", "yr 3 noah": the word before the number
            feats.append(f"w-2#={lows[i - 2] if i > 1 else ''}")
            if i > 1 and lows[i - 2] in _SCHOOL_GROUPS:  # and any school group's: "class 3"
                feats.append("grp#")
        elif i and _SCHOOL_GROUP_NUMBER.fullmatch(lows[i - 1]):  # "y4 ruby", "yr4 ruby"
            feats.append("grp#")
        out.append(feats)
    return tokens, out


@dataclass(frozen=True)
class TokenModel:
    """A trained token model: feature weights per class.

    Parameters
    ----------
    vocabulary : tuple of str
        Feature names, in the order of the rows of ``coef``.
    coef : numpy.ndarray
        Weights, shape ``(len(vocabulary), len(classes))``.
    intercept : numpy.ndarray
        Shape ``(len(classes),)``.
    classes : tuple of str
        ``"O"`` (not part of a name) and the name labels.
    shareable : bool, default False
        Whether the model was trained with ``shareable=True`` (:func:`train_token_model`): its
        vocabulary keeps no word of a marked span and no feature seen in few comments.
    """

    vocabulary: tuple[str, ...]
    coef: np.ndarray = field(repr=False)
    intercept: np.ndarray = field(repr=False)
    classes: tuple[str, ...]
    shareable: bool = False

    def __post_init__(self) -> None:
        if OUTSIDE not in self.classes:
            raise InputError(f"A token model's classes must include {OUTSIDE!r}. "
                             f"Got {list(self.classes)}.")
        if self.coef.shape != (len(self.vocabulary), len(self.classes)):
            raise InputError(f"A token model's weights have shape {self.coef.shape}, expected "
                             f"{(len(self.vocabulary), len(self.classes))}.")

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.vocabulary)}

    def predict_proba(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        """Return each token's probability of each class.

        Parameters
        ----------
        features : sequence of sequence of str
            Feature names per token (:func:`token_features`).

        Returns
        -------
        numpy.ndarray
            Shape ``(len(features), len(classes))``; rows sum to 1.
        """
        from scipy.sparse import csr_matrix

        index = self._index
        indptr, columns = [0], []
        for feats in features:
            columns += [i for i in map(index.get, feats) if i is not None]
            indptr.append(len(columns))
        x = csr_matrix((np.ones(len(columns)), columns, indptr),
                       shape=(len(features), len(self.vocabulary)))
        scores = np.asarray(x @ self.coef.astype(np.float64)) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        return scores / scores.sum(axis=1, keepdims=True)

    def save(self, path: str | Path) -> Path:
        """Write the model to ``path`` (a compressed ``.npz``, no pickles).

        Returns
        -------
        pathlib.Path
        """
        path = Path(path)
        np.savez_compressed(
            path, version=np.array(FEATURES_VERSION),
            vocabulary=np.frombuffer("\n".join(self.vocabulary).encode("utf-8"), dtype=np.uint8),
            coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32),
            classes=np.array(self.classes), shareable=np.array(bool(self.shareable)))
        return path

    @classmethod
    def load(cls, path: str | Path) -> TokenModel:
        """Read a model written by :meth:`save`.

        Raises
        ------
        InputError
            If the file is not such a model, or was saved with other features.
        """
        try:
            with np.load(Path(path), allow_pickle=False) as data:
                version = int(data["version"])
                vocabulary = tuple(bytes(data["vocabulary"]).decode("utf-8").split("\n"))
                coef, intercept = data["coef"], data["intercept"]
                classes = tuple(str(c) for c in data["classes"])
                shareable = bool(data["shareable"]) if "shareable" in data.files else False
        except (OSError, KeyError, ValueError) as e:
            raise InputError(f"The 'path' argument {str(path)!r} is not a carevoice token "
                             f"model ({type(e).__name__}).") from e
        if version not in _READS:
            raise InputError(f"The token model at {str(path)!r} was saved with features version "
                             f"{version}; this carevoice reads versions "
                             f"{', '.join(map(str, sorted(_READS)))}. "
                             "Retrain it with train_token_model.")
        return cls(vocabulary, coef, intercept, classes, shareable)


def train_token_model(comments: Iterable[tuple[str, Sequence[tuple[int, int, str]]]], *,
                      labels: Sequence[str] = NAME_LABELS, strength: float = 1.0,
                      min_count: int = 2, max_iter: int = 3000, shareable: bool = False,
                      min_comments: int = 10) -> TokenModel:
    """Train a token model on marked comments.

    .. warning::
       By default the model's vocabulary holds the words of the training comments, names
       included (features such as ``w=kai``). A model trained on real comments that way is
       personal data: keep it with the comments, never publish or share it. ``shareable=True``
       trains one without them (below); carevoice's packaged model was trained on fictional
       comments only.

    Parameters
    ----------
    comments : iterable of (str, sequence of (int, int, str))
        Each comment's text and its personal-data spans as ``(start, end, label)``. A token
        overlapping a span of one of ``labels`` is that label's; every other token, including
        those of identifiers such as phone numbers (the patterns' job), is ``"O"``.
    labels : sequence of str, default ("PERSON", "LOCATION", "ORG")
        The span labels to learn.
    strength : float, default 1.0
        Inverse regularisation strength ``C`` of the logistic regression.
    min_count : int, default 2
        Features seen in fewer tokens are left out (they are mostly one-off word pairs).
    max_iter : int, default 3000
    shareable : bool, default False
        Keep out of the model every feature that could carry what a training comment said of
        someone: any feature naming a word that stands inside a marked span of the comments
        (of any label, names and identifiers alike) and is not a common lower-case word
        (``w=kai``, ``w-1=kai``, ``w-2w-1=with_kai`` all go; ``w=hope`` and ``w=park`` may
        stay), any affix feature of such words that fewer than three of them share (``p3=kai``
        goes unless three marked words start "kai"), and any feature seen in fewer than
        ``min_comments`` comments. What remains describes words that many comments share,
        shapes, common affixes, the name lists and the context around names, so the model can
        be passed to another team. It is still no anonymisation guarantee for text that was not
        marked (a name the markers missed stays a word like any other); review the marks first.
    min_comments : int, default 10
        With ``shareable=True``: the fewest comments a kept feature is seen in.

    Returns
    -------
    TokenModel
        With ``shareable`` set as asked.

    Raises
    ------
    InputError
        If the comments hold no token of a name or no other token, or a parameter is out of
        range.

    Examples
    --------
    >>> marked = [("i see kai on fridays", [(6, 9, "PERSON")])] * 12 + [
    ...     ("i see my mum on fridays", [])] * 12
    >>> model = train_token_model(marked, shareable=True)
    >>> model.shareable, "w=kai" in model.vocabulary, "w-1=see" in model.vocabulary
    (True, False, True)
    """
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    if not isinstance(min_count, int) or min_count < 1:
        raise InputError(f"The 'min_count' parameter must be an int >= 1. Got {min_count!r}.")
    if not isinstance(strength, (int, float)) or not strength > 0:
        raise InputError(f"The 'strength' parameter must be a float > 0. Got {strength!r}.")
    if not isinstance(shareable, bool):
        raise InputError(f"The 'shareable' parameter must be a bool. Got {shareable!r}.")
    if not isinstance(min_comments, int) or min_comments < 1:
        raise InputError(f"The 'min_comments' parameter must be an int >= 1. "
                         f"Got {min_comments!r}.")
    wanted = tuple(labels)
    rows: list[list[str]] = []
    targets: list[str] = []
    seen_in: Counter[str] = Counter()  # how many comments each feature is seen in
    marked: set[str] = set()  # the words inside any marked span
    for text, spans in comments:
        tokens, features = token_features(text)
        for (start, end), feats in zip(tokens, features, strict=True):
            inside = [lab for s, e, lab in spans if s < end and start < e]
            hit = [lab for lab in inside if lab in wanted]
            rows.append(feats)
            targets.append(hit[0] if hit else OUTSIDE)
            if inside:
                marked.add(text[start:end].lower())
        if shareable:
            seen_in.update({f for feats in features for f in feats})
    classes = tuple(sorted(set(targets)))
    if OUTSIDE not in classes or len(classes) < 2:
        raise InputError("The 'comments' argument must hold tokens of names (labels "
                         f"{list(wanted)}) and other tokens to learn from.")
    counts = Counter(f for feats in rows for f in feats)
    kept = {f for f, n in counts.items() if n >= min_count}
    if shareable:
        private = {w for w in marked if frequency(w) < _COMMON}
        shared_by = Counter(a for w in private for a in _affixes(w))
        kept = {f for f in kept if seen_in[f] >= min_comments
                and not private.intersection(_feature_words(f))
                and not 0 < shared_by[f] < _FEW_WORDS}
    vocabulary = tuple(sorted(kept))
    index = {f: i for i, f in enumerate(vocabulary)}
    indptr, indices = [0], []
    for feats in rows:
        indices += sorted({index[f] for f in feats if f in index})
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocabulary)))
    model = LogisticRegression(C=float(strength), max_iter=max_iter)
    model.fit(x, np.array(targets))
    order = [list(model.classes_).index(c) for c in classes]
    coef = model.coef_.T[:, order] if len(classes) > 2 else np.hstack(
        [-model.coef_.T / 2, model.coef_.T / 2])
    intercept = model.intercept_[order] if len(classes) > 2 else np.array(
        [-model.intercept_[0] / 2, model.intercept_[0] / 2])
    return TokenModel(vocabulary, np.asarray(coef, dtype=np.float32),
                      np.asarray(intercept, dtype=np.float32), classes, shareable)


#: How often (per the word list's count) a word inside a marked span must be used in lower
#: case for a shareable model to keep features naming it: "hope", "park", "house".
_COMMON = 20_000

#: A shareable model keeps an affix feature of the words inside marked spans ("p3=jay") only
#: when at least this many different such words share it (jayden, jaylen, jaya), so that it
#: points to no one name.
_FEW_WORDS = 3

#: The kinds of feature (:func:`token_features`) whose value is a word of the comment.
_WORD_KINDS = frozenset({"w", "w-2", "w-1", "w1", "w2", "w-2#"})


def _feature_words(feature: str) -> list[str]:
    """The words of the comment a feature name holds: ``w-1|w=kai|cap`` -> ``["kai"]``,
    ``w-2w-1=with_kai`` -> ``["with", "kai"]`` (tokens hold no underscore), shapes, affixes
    and list facts none."""
    kind, _, value = feature.partition("=")
    if kind in _WORD_KINDS:
        return [value]
    if kind.endswith("|w"):
        return [value.rsplit("|", 1)[0]]
    if kind == "w-2w-1":
        return value.split("_")
    return []


def _affixes(low: str) -> tuple[str, str, str]:
    """The affix features of the word ``low``: its first three and last three and two letters
    (used by :func:`token_features`, and by :func:`train_token_model` to keep a shareable
    model's affixes general)."""
    return f"p3={low[:3]}", f"s3={low[-3:]}", f"s2={low[-2:]}"


@functools.lru_cache(maxsize=4)
def _load(path: str) -> TokenModel:
    return TokenModel.load(path)


def packaged_token_model() -> TokenModel:
    """Return the token model shipped with carevoice (loaded once).

    Returns
    -------
    TokenModel
    """
    with resources.as_file(resources.files("carevoice") / "data" / "token_model.npz") as path:
        return _load(str(path))


def never_a_name(low: str) -> bool:
    """Whether the model may not mark ``low``, as the rules would not: a family or role word,
    also with a possessive s ("nans", "grannys"), or a rare word of five letters or more that is
    no dictionary word nor known name or place and is one edit from a common word, so a
    misspelling ("werker", "stopd"). (Refusing words two edits away as well lost more names
    than it saved marks, in cross-validation.)

    Examples
    --------
    >>> never_a_name("grannys"), never_a_name("nan's"), never_a_name("werker")
    (True, True, True)
    >>> never_a_name("jaylen")
    False
    >>> never_a_name("brook"), never_a_name("zainab")
    (False, False)
    """
    from .lexicons import CARE_SHORTHAND, ROLE_WORDS, first_names, surnames, uk_places

    bare = re.sub(r"['\u2019]?s$", "", low)
    if any(w in ROLE_WORDS or w in KIN or w in PERSON_NOUNS or w in CARE_SHORTHAND
           for w in (low, bare)):
        return True
    if (not low.isalpha() or frequency(low) >= 1_000 or dictionary_word(low)
            or low in first_names() or low in surnames() or low in uk_places()):
        return False
    return misspelt_word(low)


@dataclass(frozen=True)
class TokenModelDetector(TextDetector):
    """Find people, places and organisations with a learned token model.

    Adjacent words the model reads as parts of a name (probability of not being ``"O"`` at
    least ``threshold``) form one span, labelled with their most probable name class and
    scored with the lowest of their probabilities. A word that is a name and an ordinary word
    ("honey", "sunny") is read by the words around it as well as by itself, and the reading
    more likely to be a name is kept. Family and role words and misspellings of
    common words are never marked (:func:`never_a_name`), and a name said as an owner stops
    before the home: "Chloe's house" gives "Chloe".

    Parameters
    ----------
    threshold : float, default 0.5
        Lowest probability of a word being part of a name.
    model_path : str or pathlib.Path, optional
        A model saved with :meth:`TokenModel.save`; default the packaged one.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment_id": ["c1"], "text": ["me and zainab went to the park"]})
    >>> TokenModelDetector().detect(frame)[["start", "end", "label"]].values.tolist()
    [[7, 13, 'PERSON']]
    """

    threshold: float = 0.5
    model_path: str | Path | None = None
    name: str = field(default="learned", init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, (int, float)) or not 0.0 < self.threshold <= 1.0:
            raise InputError("The 'threshold' parameter must be a float in the range (0, 1]. "
                             f"Got {self.threshold!r} instead.")

    @property
    def model(self) -> TokenModel:
        """The token model in use."""
        if self.model_path is None:
            return packaged_token_model()
        return _load(str(self.model_path))

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments`` (all comments' words scored at once).

        Parameters
        ----------
        comments : pandas.DataFrame
            With ``comment_id`` and ``text``.

        Returns
        -------
        pandas.DataFrame
            Columns of :data:`carevoice.schema.SPAN_COLUMNS`.
        """
        check_comments(comments)
        texts = list(iter_texts(comments))
        spans: list[Span] = []
        for first in range(0, len(texts), _CHUNK):  # bounded memory on large corpora
            read = [(cid, text, *token_features(text))
                    for cid, text in texts[first:first + _CHUNK]]
            model = self.model
            flat = [f for *_, features in read for f in features]
            proba = _read_by_context(model, flat, model.predict_proba(flat))
            at = 0
            for cid, text, tokens, _ in read:
                spans += self._spans(cid, text, tokens, proba[at:at + len(tokens)])
                at += len(tokens)
        return spans_frame(spans)

    def find(self, comment_id: str, text: str) -> list[Span]:
        """Return the spans the model finds in one text.

        Parameters
        ----------
        comment_id : str
        text : str

        Returns
        -------
        list of Span
        """
        tokens, features = token_features(text)
        model = self.model
        return self._spans(comment_id, text, tokens,
                           _read_by_context(model, features, model.predict_proba(features)))

    def _spans(self, comment_id: str, text: str, tokens: list[tuple[int, int]],
               proba: np.ndarray) -> list[Span]:
        if not tokens:
            return []
        model = self.model
        outside = model.classes.index(OUTSIDE)
        names = [i for i in range(len(model.classes)) if i != outside]
        spans: list[Span] = []
        run: list[tuple[int, int, str, float]] = []
        for i, ((start, end), p) in enumerate(zip(tokens, proba, strict=True)):
            inside = 1.0 - float(p[outside])
            word = text[start:end]
            if word in _DWELLINGS and i and text[tokens[i - 1][1] - 1] in "sS" and (
                    text[tokens[i - 1][1]:start].isspace()):
                # "graces house", "Chloe's house": someone's home, not part of a name
                self._close(comment_id, run, spans)
                run = []
                continue
            label = model.classes[max(names, key=lambda k: p[k])]
            joins = (run and run[-1][2] == label and text[run[-1][1]:start].strip() == "")
            if inside >= self.threshold and any(ch.isalpha() for ch in word) and not (
                    never_a_name(word.lower()) or abbreviation_at(text, start, end)
                    or dotted_abbreviation_at(text, start, end)
                    or speaker_label_at(text, start, end) or in_spelt_run(text, start, end)
                    or _modal_before_verb(text, tokens, i)
                    or names_an_identifier(text, start, end, text[
                        tokens[i - 1][0]:tokens[i - 1][1]].lower() if i else "")
                    or ((word.lower() in _ORG_HEADS or _plain_word_opening(text, start, word)
                         or _acronym_never_a_name(word) or word_name_used_as_word(text, tokens, i))
                        and not joins
                        and not _next_in_run(tokens, proba, i, outside, self.threshold))):
                if not joins:
                    self._close(comment_id, run, spans)
                    run = []
                before_home = i + 1 < len(tokens) and (
                    text[tokens[i + 1][0]:tokens[i + 1][1]] in _DWELLINGS)
                owner = _OWNER.search(word) if label == "PERSON" or before_home else None
                if owner:  # "Chloe's house": the name without its 's, and no more
                    run.append((start, start + owner.start(), label, inside))
                    self._close(comment_id, run, spans)
                    run = []
                    continue
                run.append((start, end, label, inside))
            else:
                self._close(comment_id, run, spans)
                run = []
        self._close(comment_id, run, spans)
        return spans

    @staticmethod
    def _close(comment_id: str, run: list[tuple[int, int, str, float]],
               spans: list[Span]) -> None:
        if run:
            spans.append(Span(comment_id, run[0][0], run[-1][1], run[0][2],
                              round(min(r[3] for r in run), 3), "learned"))
