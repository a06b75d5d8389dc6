"""One call that links theme codes to survey answers: :func:`link`."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .._answers import closed_answers
from .._platforms import left_out_by_default
from .indicators import (
    DEFAULT_EXCLUDE,
    categorical_variables,
    group_levels,
    numeric_variables,
    respondent_themes,
)
from .regression import numeric_differences
from .tables import Hypothesis, associations, hypothesis_tests, prevalence

__all__ = ["LinkResult", "link"]

_log = logging.getLogger("carevoice.link")


# --------------------------------------------------------------------------------------------
# One call
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkResult:
    """Everything :func:`link` computes, as tidy frames.

    Parameters
    ----------
    indicators : pandas.DataFrame
        Respondent x theme booleans.
    prevalence : pandas.DataFrame
        See :func:`prevalence`.
    associations : pandas.DataFrame
        See :func:`associations`.
    numeric : pandas.DataFrame
        See :func:`numeric_differences`.
    hypotheses : pandas.DataFrame
        See :func:`hypothesis_tests` (empty when none were given).
    settings : dict
        The arguments used, for the run manifest.
    """

    indicators: pd.DataFrame
    prevalence: pd.DataFrame
    associations: pd.DataFrame
    numeric: pd.DataFrame
    hypotheses: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)


def link(comments: pd.DataFrame, codes: pd.DataFrame, respondents: pd.DataFrame, *,
         themes: Sequence[str] | None = None, by: Sequence[str] | None = None,
         variables: Sequence[str] | None = None, exclude: Iterable[str] = DEFAULT_EXCLUDE,
         groups: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
         hypotheses: Sequence[Hypothesis] = (), test: str = "fisher",
         weights: str | pd.Series | None = None, base: str = "commented",
         alpha: float = 0.05, min_group: int = 5,
         closed_columns: Sequence[str] | None = None,
         not_free_text: Sequence[str] = ()) -> LinkResult:
    """Link theme codes to survey answers in one call.

    Parameters
    ----------
    comments, codes, respondents : pandas.DataFrame
        As in :func:`respondent_themes`.
    themes : sequence of str, optional
        Theme order (e.g. the codebook's ids); default the themes in ``codes``.
    by : sequence of str, optional
        Subgroups for prevalence; default every categorical column.
    variables, exclude, groups, test : optional
        As in :func:`associations` (``groups`` applies to prevalence, associations and
        regression alike).
    hypotheses : sequence of Hypothesis, default ()
        Pre-specified hypotheses (:func:`hypothesis_tests`).
    weights : str or pandas.Series, optional
        Survey weights.
    base : {"commented", "all"}, default "commented"
        Denominator, see :func:`respondent_themes`.
    alpha : float, default 0.05
        1 - confidence level.
    min_group : int, default 5
        Numeric differences are tested only when each group has at least this many answers
        (and some spread); see :func:`numeric_differences`.
    closed_columns : sequence of str, optional
        The only answer columns to use, trusted to be closed questions; the others are left
        out (a warning names them). By default every column is used, and one that looks like
        free text or asks for a name ("Other (please specify)", "anything_else",
        "first_name"; see :func:`carevoice.corpus.free_text_columns`) is refused: its answers
        would be written, unpseudonymised, as levels of the tables. Leave such a column out
        of the frame (``respondents.drop(columns=[...])``) or, if it is a closed question
        after all, name it in ``not_free_text``.
    not_free_text : sequence of str, default ()
        Answer columns you vouch for as closed questions: used and not checked, while every
        other column is used and checked (see :func:`carevoice.corpus.closed_answers`).

    Notes
    -----
    When ``variables`` or ``by`` is not given, a survey platform's metadata (submission
    times, ``Duration (in seconds)``, ``Progress``, ``Finished``, the platform's ids) and a
    categorical column in which every answer differs (eight answers or more, one respondent
    per level) are left out of the default, with a warning on the ``carevoice.link`` logger
    naming them (:func:`carevoice._platforms.left_out_by_default`): tested level by level
    they can give no finding, but each level adds a test to the Benjamini-Hochberg
    adjustment. Name one in ``variables`` or ``by`` to use it anyway.

    Returns
    -------
    LinkResult
        The indicator, prevalence, association, numeric and hypothesis tables.

    Raises
    ------
    ValidationError
        If answer columns look like free text (named, never quoted), or ``closed_columns``
        names a column the respondents lack.

    Examples
    --------
    >>> comments = pd.DataFrame({"comment_id": ["c1", "c2"], "respondent_id": ["r1", "r2"]})
    >>> codes = pd.DataFrame({"comment_id": ["c1"], "theme": ["money"]})
    >>> resp = pd.DataFrame({"respondent_id": ["r1", "r2"], "survey": ["in_care"] * 2,
    ...                      "feels_safe": ["always", "never"]})
    >>> result = link(comments, codes, resp)
    >>> result.associations[["theme", "variable", "level"]].values.tolist()
    [['money', 'feels_safe', 'always'], ['money', 'feels_safe', 'never']]
    """
    respondents = closed_answers(respondents, closed_columns=closed_columns,
                                 not_free_text=not_free_text)
    if groups:
        respondents = group_levels(respondents, groups)
    indicators = respondent_themes(comments, codes, respondents, themes=themes, base=base)
    # A platform's metadata and columns with one respondent per level are left out of the
    # default variables (not of those asked for by name).
    left = left_out_by_default(respondents) if variables is None or by is None else {}
    if left:
        _log.warning(
            "left out of the tests and prevalence tables by default: %s. Name one with "
            "--variable COLUMN (variables=[...]) to test it anyway.",
            "; ".join(f"{c!r} ({why})" for c, why in left.items()))
        if by is None:
            by = categorical_variables(respondents, exclude=left)
        if variables is None:
            variables = categorical_variables(respondents, exclude=[*exclude, *left])
    prev = prevalence(indicators, respondents, by, weights=weights, alpha=alpha)
    assoc = associations(indicators, respondents, variables, test=test, exclude=exclude,
                         weights=weights, alpha=alpha)
    numeric = numeric_differences(
        indicators, respondents,
        None if not left else [v for v in numeric_variables(respondents, exclude=left)
                               if not (isinstance(weights, str) and v == weights)],
        weights=weights, alpha=alpha, min_group=min_group)
    hyp = hypothesis_tests(indicators, respondents, hypotheses, test=test, weights=weights,
                           alpha=alpha)
    settings = {"themes": list(indicators.columns), "by": None if by is None else list(by),
                "variables": None if variables is None else list(variables),
                "exclude": list(exclude), "groups": {k: {n: list(v) for n, v in m.items()}
                                                     for k, m in (groups or {}).items()},
                "hypotheses": [h.name for h in hypotheses], "test": test,
                "weights": weights if isinstance(weights, str) or weights is None
                else "series", "base": base, "alpha": alpha, "min_group": min_group,
                "multiple_testing": "Benjamini-Hochberg over the whole association table",
                "closed_columns": None if closed_columns is None else list(closed_columns),
                "not_free_text": list(not_free_text)}
    return LinkResult(indicators, prev, assoc, numeric, hyp, settings)
