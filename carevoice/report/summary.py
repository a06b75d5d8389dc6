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

#: "75%", "<1%" or ">99%" at the start of a formatted cell: the share as the table prints it.
_SHARE = re.compile(r"^([<>]?)(\d+)%")

#: The odds ratio at the start of a formatted cell: "2.1 (0.86 to 5.4)", "<0.001 (...)".
_ODDS = re.compile(r"^(<?)(\d[\d,]*(?:\.\d+)?)(?: |$)")

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


def _odds_above_one(row: pd.Series) -> bool | None:
    """Whether the odds ratio a formatted row prints is above 1 (None: none printed)."""
    column = next((c for c in row.index if str(c).startswith("Odds ratio")), None)
    match = _ODDS.match(str(row.get(column, ""))) if column is not None else None
    if match is None:
        return None
    return not match.group(1) and float(match.group(2).replace(",", "")) > 1


def _percent(cell: str) -> float | None:
    """The percentage a formatted cell starts with: "30%" -> 30, "<1%" -> 0.5, ">99%" -> 99.5
    (None: none, as in a suppressed cell)."""
    match = _SHARE.match(cell)
    if match is None:
        return None
    return float(match.group(2)) + {"<": -0.5, ">": 0.5}.get(match.group(1), 0.0)


def _in_100(cell: str) -> str:
    """A table's percentage in plain words: "30%" -> "30 in every 100", "<1%" -> "fewer than
    1 in every 100" (the cell starts with a percentage)."""
    match = _SHARE.match(cell)
    if match is None:  # not reached: _percent checks the cell first
        return cell
    prefix = {"<": "fewer than ", ">": "more than "}.get(match.group(1), "")
    return f"{prefix}{match.group(2)} in every 100"


def _more_often(row: pd.Series, weighted: bool) -> str | None:
    """The summary's sentence on an association, when those giving the answer raised the
    theme more often; None otherwise.

    "More often" is what the table prints: a higher percentage than the others' (weighted in
    a weighted report), and an odds ratio above 1. The figures are the table's too: its counts
    unweighted, and its percentages when ``weighted``, since weighted shares need not go the
    same way as the counts of young people."""
    cells = [str(row.get(c, "")) for c in ("Raised (answer)", "Raised (others)")]
    counts = [_COUNTS.search(cell) for cell in cells]
    shares = [_percent(cell) for cell in cells]
    if None in counts or shares[0] is None or shares[1] is None:
        return None
    if not shares[0] > shares[1] or _odds_above_one(row) is False:
        return None
    lead = (f"Young people who answered \u201c{row['Answer']}\u201d wrote about "
            f"{str(row['Theme']).lower()} more often")
    a, b, c, d = (_count(x) for m in counts for x in m.groups())  # type: ignore[union-attr]
    if not weighted and b and d and a / b > c / d:
        return f"{lead}: {a:,} of {b:,}, compared with {c:,} of {d:,} others."
    # weighted (or counts that go the other way): the percentages the table prints
    return f"{lead}: {_in_100(cells[0])}, compared with {_in_100(cells[1])} others."


def _most_weighted(shown: pd.DataFrame, top: int) -> list[str]:
    """The themes raised most, by the weighted percentages the table prints (highest first)
    and in words: their counts of young people can go the other way, so that a theme named
    "most" with 20 of 80 young people would stand above one with 30 of 80."""
    shares = shown["Share"].map(lambda v: _percent(str(v))) if "Share" in shown else None
    if shares is None:
        return []
    # a stable sort: the table's own order (by weighted share) where the printed shares tie
    ranked = shown.assign(_share=shares).dropna(subset=["_share"]).sort_values(
        "_share", ascending=False, kind="stable").head(top)
    named = [(str(r["Theme"]), _in_100(str(r["Share"]))) for _, r in ranked.iterrows()]
    if not named:
        return []
    theme, share = named[0]
    return [(f"{theme} was what they wrote about most: {share} young people, counting each "
             "young person by their survey weight."),
            *(f"{theme}: {share} young people." for theme, share in named[1:])]


def key_points(prevalence: pd.DataFrame, associations: pd.DataFrame, *, symbol: str,
               threshold: int, top: int = 3, weighted: bool = False) -> list[str]:
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
    weighted : bool, default False
        The tables are weighted: the themes raised most, and an association's sentence,
        give the weighted percentages the table prints, not its counts of young people,
        which can go the other way (the theme with the highest weighted share can have
        fewer young people than the next). In either case "more often" is what the table
        shows: a higher percentage than the others' and an odds ratio above 1.

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
    if weighted:
        points += _most_weighted(shown, top)
    else:
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
    more = [point for _, r in associations.iterrows()
            if (point := _more_often(r, weighted)) is not None]
    if more:
        points += more[:2]
        if weighted:
            points.append("These figures count each young person by their survey weight.")
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
