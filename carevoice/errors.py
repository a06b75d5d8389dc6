"""Exceptions raised by carevoice.

Every error subclasses a built-in exception so that callers can catch it generically. Messages
point at data by column name and ``comment_id`` and never echo comment text, which may hold a
child's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "CarevoiceError",
    "CodebookError",
    "InputError",
    "ModelIntegrityError",
    "ModelNotInstalledError",
    "NotFittedError",
    "OutlierWarning",
    "Problem",
    "ValidationError",
]

#: How many ids an error message lists before it says "and N more".
MAX_IDS_SHOWN = 20


def _shown_id(value: str) -> str:
    """An id as an error may show it: hidden when it has three words or more, or over 40
    characters (ids are short codes; such a value is more likely a comment's text)."""
    if len(value) > 40 or len(value.split()) >= 3:
        return f"<a {len(value)}-character value, not shown: it may be comment text>"
    return value


def format_ids(ids: Iterable[object], limit: int = MAX_IDS_SHOWN) -> str:
    """Format ids for an error message, truncating long lists.

    Parameters
    ----------
    ids : iterable
        The ids to show (``comment_id`` or ``respondent_id`` values).
    limit : int, default 20
        How many to show before summarising the rest.

    Returns
    -------
    str
        Comma-separated ids, e.g. ``"C1, C2 and 3 more"``.

    Examples
    --------
    >>> format_ids(["C1", "C2", "C3"], limit=2)
    'C1, C2 and 1 more'

    A value that reads like a sentence is not shown: a row shifted by a stray separator can put
    a comment's words where an id belongs.

    >>> format_ids(["R12", "Jo Bloggs lives at 4 Elm Road"])
    'R12, <a 29-character value, not shown: it may be comment text>'
    """
    shown = [_shown_id(str(i)) for i in ids]
    if len(shown) <= limit:
        return ", ".join(shown)
    return ", ".join(shown[:limit]) + f" and {len(shown) - limit} more"


class CarevoiceError(Exception):
    """Base class of every carevoice error."""


class InputError(CarevoiceError, ValueError):
    """An argument or input file is not what carevoice expects."""


@dataclass(frozen=True)
class Problem:
    """One problem found while validating input.

    Parameters
    ----------
    check : str
        A short stable name for the check, e.g. ``"duplicate_id"``.
    message : str
        What is wrong and how to fix it; names columns and ids, never comment text.
    column : str or None
        The column concerned, if any.
    ids : tuple of str
        The ``comment_id`` (or ``respondent_id``) values concerned.
    rows : tuple of int
        Where the problem has no id to point at (a missing id): the rows concerned, as 1-based
        line numbers of a CSV file (the header is line 1), row numbers of a spreadsheet, or
        1-based positions in a frame; ``message`` says which.

    Examples
    --------
    >>> print(Problem("missing_id", "lines of c.csv without one:", column="comment_id",
    ...               rows=(3, 7)))
    missing_id [column 'comment_id']: lines of c.csv without one: (3, 7)
    """

    check: str
    message: str
    column: str | None = None
    ids: tuple[str, ...] = field(default_factory=tuple)
    rows: tuple[int, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        where = f" [column {self.column!r}]" if self.column else ""
        ids = f" ({format_ids(self.ids)})" if self.ids else ""
        rows = f" ({format_ids(self.rows)})" if self.rows else ""
        return f"{self.check}{where}: {self.message}{ids}{rows}"


class ValidationError(InputError):
    """Input failed validation; carries every problem found, not just the first.

    Parameters
    ----------
    what : str
        What was validated, e.g. ``"comments"`` or a file name.
    problems : sequence of Problem
        Every problem found.
    """

    def __init__(self, what: str, problems: Sequence[Problem]) -> None:
        self.what = what
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in {what}:\n{lines}")

    def failure_cases(self):
        """Return the problems as a DataFrame with one row per problem and id (or row).

        Returns
        -------
        pandas.DataFrame
            Columns ``check``, ``column``, ``id``, ``message`` and ``row`` (the row of a problem
            that has no id, such as a missing id, as in :attr:`Problem.rows`; else missing).
        """
        import pandas as pd

        rows = []
        for p in self.problems:
            for i in p.ids or (() if p.rows else (None,)):
                rows.append({"check": p.check, "column": p.column, "id": i, "message": p.message,
                             "row": None})
            for r in p.rows:
                rows.append({"check": p.check, "column": p.column, "id": None,
                             "message": p.message, "row": r})
        frame = pd.DataFrame(rows, columns=["check", "column", "id", "message", "row"])
        frame["row"] = frame["row"].astype("Int64")
        return frame


class ModelNotInstalledError(CarevoiceError, ImportError):
    """A packaged model or optional dependency is not installed."""


class ModelIntegrityError(CarevoiceError, RuntimeError):
    """A packaged model's files do not match the hashes carevoice was released with."""


class NotFittedError(CarevoiceError, ValueError, AttributeError):
    """An estimator was used before ``fit``.

    What carevoice raises is also scikit-learn's ``NotFittedError`` (see :func:`not_fitted`),
    so ``except sklearn.exceptions.NotFittedError`` catches it too. This class does not
    derive from it itself, so that ``import carevoice`` does not import scikit-learn.
    """


@lru_cache(maxsize=1)
def _sklearn_not_fitted_class() -> type[NotFittedError]:
    from sklearn.exceptions import NotFittedError as SklearnNotFitted

    return type("SklearnNotFittedError", (NotFittedError, SklearnNotFitted), {
        "__module__": __name__,
        "__doc__": "A :class:`NotFittedError` that is also scikit-learn's NotFittedError.",
    })


def not_fitted(message: str) -> NotFittedError:
    """The error to raise when an estimator is used before ``fit``.

    An instance of :class:`NotFittedError` and of ``sklearn.exceptions.NotFittedError`` (a
    subclass of both, made when first needed).

    Parameters
    ----------
    message : str
        What was called and how to fit first.

    Returns
    -------
    NotFittedError

    Examples
    --------
    >>> from sklearn.exceptions import NotFittedError as SklearnNotFitted
    >>> e = not_fitted("call fit() first")
    >>> isinstance(e, NotFittedError), isinstance(e, SklearnNotFitted), isinstance(e, ValueError)
    (True, True, True)
    """
    return _sklearn_not_fitted_class()(message)


def __getattr__(name: str) -> object:
    # The scikit-learn flavoured class, by name, so that pickle finds it.
    if name == "SklearnNotFittedError":
        return _sklearn_not_fitted_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class CodebookError(InputError):
    """A codebook file or object is malformed."""


class OutlierWarning(UserWarning):
    """A discovery fit left many answered comments without a topic (outliers).

    Issued by :meth:`carevoice.discover.ThemeDiscovery.fit`; its message names the share, the
    method and what leaves fewer out. Silence it for one call with ``warnings.catch_warnings``
    and ``warnings.simplefilter("ignore", OutlierWarning)``, never globally.

    The warning carries its numbers, so that a caller that gives the settings under other
    names (a batch run's ``[discover] options``, ``carevoice demo --discover-method``) says
    the same in its own words (:func:`carevoice.discover.sparse.outliers_said`).

    Parameters
    ----------
    message : str
    share : float, optional
        The answered comments' share left without a topic.
    centre : bool, default False
        Whether the fit centred the vectors.
    n_topics : int, optional
        The number of topics (atoms) of the fit.
    n_auto : int, optional
        How many ``n_topics="auto"`` gives for these comments.
    """

    def __init__(self, message: str, *, share: float | None = None, centre: bool = False,
                 n_topics: int | None = None, n_auto: int | None = None) -> None:
        super().__init__(message)
        self.share, self.centre, self.n_topics, self.n_auto = share, centre, n_topics, n_auto
