"""The one-line summaries that ``carevoice code`` and ``carevoice discover`` print.

A blank answer (text missing or only spaces: a question the respondent skipped) is neither
coded nor clustered, so the summaries count the answered comments and give the blank answers
on their own: "51 with no theme" or "78.8% outliers" would otherwise count skipped questions as
comments the coder or the topics could not place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["blank_mask", "coding_summary", "topics_summary"]


def blank_mask(texts: pd.Series) -> np.ndarray:
    """Which texts are blank answers: missing, or only spaces.

    Parameters
    ----------
    texts : pandas.Series

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> import pandas as pd
    >>> blank_mask(pd.Series(["n/a", "", "  ", None, "hi"])).tolist()
    [False, True, True, True, False]
    """
    import numpy as np
    import pandas as pd

    return np.array([pd.isna(t) or not str(t).strip() for t in texts.tolist()], dtype=bool)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _blank_part(n_blank: int, verb: str) -> str:
    return f"; {_count(n_blank, 'blank answer', 'blank answers')}, not {verb}" if n_blank else ""


def coding_summary(comments: pd.DataFrame, codes: pd.DataFrame) -> str:
    """The summary of ``carevoice code``: answered comments and their codes, blanks apart.

    Parameters
    ----------
    comments : pandas.DataFrame
        The comments coded (``comment_id``, ``text``).
    codes : pandas.DataFrame
        The codes written (``assigned`` as ``"true"``/``"false"`` or bool); ``no_theme`` rows
        are not theme codes.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> comments = pd.DataFrame({"comment_id": ["a", "b", "c", "d"],
    ...                          "text": ["see my mum more", "n/a", "", None]})
    >>> codes = pd.DataFrame({"comment_id": ["a"], "theme": ["family_contact"],
    ...                       "assigned": ["true"]})
    >>> print(coding_summary(comments, codes).replace("; ", ";\\n"))
    coded 2 answered comments: 1 theme code assigned to 1 comment, 1 with no theme;
    2 blank answers, not coded
    """
    from ._flags import assigned_mask
    from .schema import COMMENT_ID, TEXT
    from .themes.codebook import NO_THEME

    themed = codes[assigned_mask(codes) & (codes["theme"] != NO_THEME).to_numpy()]
    n_themed = themed[COMMENT_ID].nunique()
    n_blank = int(blank_mask(comments[TEXT]).sum())
    answered = len(comments) - n_blank
    return (f"coded {_count(answered, 'answered comment', 'answered comments')}: "
            f"{_count(len(themed), 'theme code', 'theme codes')} assigned to "
            f"{_count(n_themed, 'comment', 'comments')}, {answered - n_themed} with no theme"
            + _blank_part(n_blank, "coded"))


def topics_summary(comments: pd.DataFrame, topics: object, *, with_codes: bool = False) -> str:
    """The summary of ``carevoice discover``: answered comments, topics and outliers among them.

    Parameters
    ----------
    comments : pandas.DataFrame
        The comments given to discovery (``text``), blank answers included.
    topics : carevoice.discover.Topics
        The discovered topics.
    with_codes : bool, default False
        Whether discovery ran only over the comments the codes left without a confident
        theme (``--codes``).

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice import HashingEmbedder
    >>> from carevoice.discover import ThemeDiscovery
    >>> comments = pd.DataFrame({"comment_id": list("abcdef"), "text": [
    ...     "i miss my brother", "i miss my sister", "more money", "money please", "", None]})
    >>> topics = ThemeDiscovery(HashingEmbedder(), n_topics=2,
    ...                         text_is_pseudonymised=True).fit(comments).topics_
    >>> topics_summary(comments, topics)
    '4 answered comments, 2 topics, 0.0% outliers; 2 blank answers, not clustered'
    """
    from .schema import TEXT

    n_blank = int(blank_mask(comments[TEXT]).sum())
    frame = topics.comments  # type: ignore[attr-defined]
    n = len(frame) - topics.n_blank  # type: ignore[attr-defined]
    share = topics.outlier_share  # type: ignore[attr-defined]
    what = _count(n, "answered comment", "answered comments")
    if with_codes:
        total = len(comments) - n_blank
        what += f" without a confident theme (of {total} answered)"
    n_topics = len(topics.topic_ids)  # type: ignore[attr-defined]
    return (f"{what}, {_count(n_topics, 'topic', 'topics')}, {share:.1%} outliers"
            + _blank_part(n_blank, "clustered"))
