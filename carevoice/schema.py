"""Column names, the :class:`Corpus` container and the protocols of pluggable parts.

Everything in carevoice passes pandas DataFrames with the column names defined here, so that a
notebook can stop between any two steps, inspect the frame and carry on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "CODE_COLUMNS",
    "COMMENT_COLUMNS",
    "COMMENT_ID",
    "MIN_SCORE_CEILING",
    "MIN_SCORE_LABELS",
    "PII_LABELS",
    "QUESTION_ID",
    "RESPONDENT_ID",
    "SPAN_COLUMNS",
    "TEXT",
    "Corpus",
    "Detector",
    "Embedder",
]

COMMENT_ID = "comment_id"
RESPONDENT_ID = "respondent_id"
QUESTION_ID = "question_id"
TEXT = "text"

#: The optional comments column giving a comment's language as a BCP 47 tag ("cy", "pl",
#: "ar", "ps"; blank: English); the report marks a quote in another language with it, and
#: quote selection counts a quote's language among what it tells of its author.
LANGUAGE = "language"

#: The file of comments with an unresolved review flag (``comment_id``, ``reason``; ids only)
#: that a batch run and the demo write beside their pseudonymised comments, and that
#: ``carevoice report`` reads from beside COMMENTS when ``--flagged`` is not given.
REVIEW_FILE = "review_flags.csv"

#: The columns of a ``comments`` frame, in order.
COMMENT_COLUMNS: tuple[str, ...] = (COMMENT_ID, RESPONDENT_ID, QUESTION_ID, TEXT)

#: The columns of a ``spans`` frame (detected personal data), offsets into the original text.
SPAN_COLUMNS: tuple[str, ...] = (COMMENT_ID, "start", "end", "label", "score", "detector")

#: The columns of a long ``codes`` frame (theme coding), one row per comment and theme.
CODE_COLUMNS: tuple[str, ...] = (COMMENT_ID, "theme", "score", "assigned")

#: Labels of personal data that the pseudonymiser detects (``OTHER_SCRIPT``: words in a script
#: it cannot read, masked because they may hold a name).
PII_LABELS: tuple[str, ...] = (
    "PERSON",
    "LOCATION",
    "ORG",
    "PHONE",
    "EMAIL",
    "HANDLE",
    "DATE",
    "ADDRESS",
    "POSTCODE",
    "ID",
    "OTHER_SCRIPT",
)

#: The labels that the pseudonymiser's ``min_score`` may leave unmasked: names of people, places
#: and organisations, found by name lists, gazetteers and statistical models with a confidence
#: that varies (a name a pattern found is masked all the same). Every other label (phone
#: numbers, emails, handles, dates, addresses, postcodes, ID numbers, other scripts) is a
#: direct identifier found by a pattern and masked whatever ``min_score``.
MIN_SCORE_LABELS: tuple[str, ...] = ("PERSON", "LOCATION", "ORG")

#: The highest ``min_score`` accepted: the default review threshold, so that ``min_score`` only
#: leaves unmasked spans that a person would otherwise have been asked to review. Above it, the
#: spans dropped are mostly real names (on the demo corpus 0.65 leaves 9 real names unmasked
#: for 22 false alarms; 0.6 leaves 2 for 12).
MIN_SCORE_CEILING: float = 0.6


@dataclass(frozen=True)
class Corpus:
    """Comments and the survey answers of the respondents who wrote them.

    Build one with :func:`carevoice.read_survey` (a wide export) or
    :func:`carevoice.read_corpus` (long form), which validate it; the constructor does not.

    Parameters
    ----------
    comments : pandas.DataFrame
        One row per comment with columns ``comment_id``, ``respondent_id``, ``question_id``,
        ``text`` (string dtype; ``<NA>`` marks "no answer") and possibly more.
    respondents : pandas.DataFrame
        One row per respondent with ``respondent_id`` and the closed answers, typed
        (ordered categoricals where the level order is known, numbers where numeric).
    """

    comments: pd.DataFrame
    respondents: pd.DataFrame

    def __repr__(self) -> str:
        answered = int(self.comments[TEXT].notna().sum()) if TEXT in self.comments else 0
        return (
            f"Corpus({len(self.comments)} comments ({answered} answered), "
            f"{len(self.respondents)} respondents, "
            f"{max(0, self.respondents.shape[1] - 1)} closed questions)"
        )

    @property
    def answered(self) -> pd.DataFrame:
        """The comments that hold an answer (text not missing).

        Returns
        -------
        pandas.DataFrame
            A copy of ``comments`` without the "no answer" rows.
        """
        return self.comments[self.comments[TEXT].notna()].copy()


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into fixed-size vectors.

    Any object with an ``encode`` method of this shape works: carevoice duck-types it.
    """

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``, L2-normalised rows."""
        ...  # pragma: no cover


@runtime_checkable
class Detector(Protocol):
    """Finds personal data in comments.

    ``detect`` takes a comments frame (``comment_id``, ``text``) and returns a spans frame with
    the columns :data:`SPAN_COLUMNS`, offsets into the original text.
    """

    name: str

    def detect(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the spans found in ``comments``."""
        ...  # pragma: no cover
