"""The embedded fictional demo corpus and the ``carevoice demo`` pipeline.

The demo corpus is fiction written for carevoice (see ``corpora/README.md``): no real child's
words, names or contact details. It ships inside the package so that the demo and the tutorials
run offline on a fresh install.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pandas as pd

from .corpus import read_corpus
from .errors import InputError
from .schema import Corpus

__all__ = ["DEMO_FILES", "demo_path", "load_demo", "load_demo_codes", "load_demo_gold"]

#: The files of the embedded demo corpus.
DEMO_FILES = ("comments.csv", "respondents.csv", "respondents.schema.json", "gold.jsonl",
              "survey_export.csv")


def demo_path(name: str = "comments.csv") -> Path:
    """Return the path of a file of the embedded demo corpus.

    Parameters
    ----------
    name : str, default "comments.csv"
        One of :data:`DEMO_FILES`.

    Returns
    -------
    pathlib.Path
        The file inside the installed package.

    Examples
    --------
    >>> demo_path("respondents.csv").name
    'respondents.csv'
    """
    if name not in DEMO_FILES:
        raise InputError(f"The 'name' argument of demo_path must be one of {list(DEMO_FILES)}. "
                         f"Got {name!r} instead.")
    return Path(str(resources.files("carevoice").joinpath("data", "demo", name)))


def load_demo() -> Corpus:
    """Load the embedded fictional demo corpus.

    Returns
    -------
    Corpus
        About 1,700 comments from 650 fictional respondents, with typed survey answers.

    Examples
    --------
    >>> corpus = load_demo()
    >>> len(corpus.comments) >= 1500 and len(corpus.respondents) >= 600
    True
    """
    return read_corpus(demo_path("comments.csv"), demo_path("respondents.csv"))


def load_demo_gold() -> pd.DataFrame:
    """Load the gold annotations of the demo corpus.

    Returns
    -------
    pandas.DataFrame
        One row per comment: ``comment_id``, ``themes`` (list of theme ids) and ``pii`` (list of
        ``{"start", "end", "label", "text"}`` dicts, offsets into the comment text).

    Examples
    --------
    >>> gold = load_demo_gold()
    >>> sorted(gold.columns)
    ['comment_id', 'pii', 'themes']
    """
    rows = [json.loads(line) for line in
            demo_path("gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return pd.DataFrame(rows, columns=["comment_id", "themes", "pii"])


def load_demo_codes() -> pd.DataFrame:
    """The demo corpus's theme codes as its authors gave them, in the long form of a codes frame.

    Returns
    -------
    pandas.DataFrame
        ``comment_id`` and ``theme``, one row per comment and theme, in corpus order; a comment
        coded "no theme" has no row. Ready for :func:`carevoice.themes.agreement` or
        ``ThemeCoder.fit(comments, codes)``.

    Examples
    --------
    >>> codes = load_demo_codes()
    >>> codes.columns.tolist(), bool(codes.groupby("comment_id").size().max() > 1)
    (['comment_id', 'theme'], True)
    """
    gold = load_demo_gold()
    pairs = [(cid, theme) for cid, themes in zip(gold["comment_id"], gold["themes"], strict=True)
             for theme in themes]
    return pd.DataFrame(pairs, columns=["comment_id", "theme"])
