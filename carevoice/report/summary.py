"""The report's plain-language parts: the summary at the top and the words it uses.

Written for the young people the report is about (a Children in Care Council, aged 11 to 18)
and for councillors: short sentences, counts as "12 of 40 young people", no statistics
jargon. The summary is read from the formatted, already suppressed tables, so it can never
say more than they do: a theme whose count is hidden is not named with a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

__all__: list[str] = []

#: "(15 of 20)" in a formatted cell: the count and the base.
_COUNTS = re.compile(r"\((\d[\d,]*) of (\d[\d,]*)[;)]")

#: The words a report may use, with what they mean in plain words. Methods terms are always
#: listed (the notes use them); care terms only when a quote uses them.
_METHOD_WORDS: tuple[tuple[str, str], ...] = (
    ("[c]", ("A number we do not show, to keep answers private. It is fewer than {threshold} "
             "young people, or would let you work out such a number.")),
    ("95% confidence interval (CI)", ("The range the true number is likely to be in. A wide "
                                      "range means few young people answered.")),
    ("Odds ratio", ("Compares two groups. Above 1: the group raised the theme more often. "
                    "Below 1: less often.")),
    ("p value", ("How likely a difference this big would be by chance alone. Small means "
                 "unlikely.")),
    ("q value", "A p value made stricter because the report makes many comparisons."),
    ("Benjamini-Hochberg", "The way the q values are worked out from the p values."),
    ("Fisher's exact test", "A way to check whether two groups raised a theme equally often."),
    ("Welch's t test", "A way to check whether two groups gave different numbers on average."),
    ("Exploratory", "Found by looking at many answers. It may be chance and needs checking."),
    ("Pre-specified hypothesis", ("Something we said we would test before looking at the "
                                  "answers.")),
    ("vs", "Compared with."),
)

#: Care words young people use in their comments, with what they stand for.
_CARE_WORDS: dict[str, str] = {
    "IRO": "Independent reviewing officer: checks a young person's care plan.",
    "PA": "Personal adviser: supports a care leaver.",
    "CAMHS": "Child and adolescent mental health services.",
    "LAC": "Looked-after child: a child in care.",
    "PEP": "Personal education plan.",
    "SW": "Social worker.",
    "YP": "Young person.",
    "UASC": "Unaccompanied asylum-seeking child.",
}

#: Abbreviations the HTML marks with ``<abbr title=...>`` at first use.
ABBREVIATIONS: dict[str, str] = {
    "[c]": "confidential: not shown to protect privacy",
    "CI": "confidence interval",
    "vs": "compared with",
    **{k: v.split(":")[0].rstrip(".") for k, v in _CARE_WORDS.items()},
}


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def _people(n: int, base: int) -> str:
    return f"{n:,} of {base:,} young people"


def key_points(prevalence: pd.DataFrame, associations: pd.DataFrame, *, symbol: str,
               threshold: int, top: int = 3) -> list[str]:
    """The summary at the top of the report, in short plain sentences.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        The formatted overall table (:func:`carevoice.report.prevalence_table`).
    associations : pandas.DataFrame
        The formatted exploratory associations
        (:func:`carevoice.report.association_table`), lowest q first.
    symbol : str
        The suppression symbol: a hidden count is never named.
    threshold : int
        The disclosure threshold (said in words for the hidden themes).
    top : int, default 3
        How many of the most often raised themes to name.

    Returns
    -------
    list of str

    Examples
    --------
    >>> prev = pd.DataFrame({"Theme": ["Money", "Advocacy", "Safety"],
    ...                      "Raised by": ["26", "12", "[c]"], "Of": ["80", "80", "80"]})
    >>> points = key_points(prev, pd.DataFrame(), symbol="[c]", threshold=5)
    >>> points[1]
    'Money was what they wrote about most: 26 of 80 young people.'
    >>> points[3][:50]
    '1 theme was raised by fewer than 5 young people. W'
    """
    points: list[str] = []
    if prevalence.empty:
        return points
    base = _count(str(prevalence["Of"].iloc[0]))
    points.append(f"{base:,} young people wrote answers in their own words.")
    shown = prevalence[prevalence["Raised by"].astype(str) != symbol]
    shown = shown[shown["Raised by"].astype(str).str.replace(",", "").str.fullmatch(r"\d+")]
    shown = shown[shown["Raised by"].map(lambda v: _count(str(v))) > 0]
    named = [(str(r["Theme"]), _count(str(r["Raised by"])), _count(str(r["Of"])))
             for _, r in shown.head(top).iterrows()]
    if named:
        theme, n, of = named[0]
        points.append(f"{theme} was what they wrote about most: {_people(n, of)}.")
    points += [f"{theme}: {_people(n, of)}." for theme, n, of in named[1:]]
    hidden = int((prevalence["Raised by"].astype(str) == symbol).sum())
    if hidden:
        which = "1 theme was" if hidden == 1 else f"{hidden:,} themes were"
        points.append(f"{which} raised by fewer than {threshold} young people. We do not give "
                      "those numbers, to keep answers private.")
    more = []
    for _, r in associations.iterrows():
        mine, others = (_COUNTS.search(str(r.get(c, ""))) for c in ("Raised (answer)",
                                                                      "Raised (others)"))
        if mine is None or others is None:
            continue
        a, b, c, d = (_count(x) for x in (*mine.groups(), *others.groups()))
        if b and d and a / b > c / d:
            more.append(f"Young people who answered \u201c{r['Answer']}\u201d wrote about "
                        f"{str(r['Theme']).lower()} more often: {a:,} of {b:,}, compared "
                        f"with {c:,} of {d:,} others.")
    if more:
        points += more[:2]
        points.append("Differences like these may be down to chance. They need checking.")
    points.append("The rest of the report gives the details. \u201cWords used in this "
                  "report\u201d explains the terms.")
    return points


def glossary(texts: Iterable[str], threshold: int = 5,
             level: float = 0.95) -> list[tuple[str, str]]:
    """The words used in the report, each with a plain explanation: the methods terms, and
    the care words (IRO, PA, CAMHS...) that ``texts`` (the quotes) use; ``threshold`` is the
    disclosure threshold that ``[c]`` stands for, ``level`` the intervals' confidence level.

    Examples
    --------
    >>> [t for t, _ in glossary(["my IRO never listens"])][-1]
    'IRO'
    """
    pct = f"{round(float(level) * 100, 6):g}%"
    words = [(t.replace("95%", pct), d.format(threshold=threshold)) for t, d in _METHOD_WORDS]
    joined = "\n".join(str(t) for t in texts)
    words += [(k, v) for k, v in _CARE_WORDS.items()
              if re.search(rf"(?<![\w\[]){re.escape(k)}(?!\w)", joined)]
    return words
