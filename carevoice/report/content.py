"""What a report shows (:class:`ReportContent`), computed by
:func:`carevoice.report.make_report` and rendered by :mod:`carevoice.report.render`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..disclosure import SYMBOL
from ..link import LinkResult
from ..schema import COMMENT_ID, RESPONDENT_ID, TEXT

#: The report formats :func:`build_report` can write.
FORMATS: tuple[str, ...] = ("html", "docx", "md")

#: The columns of ``quotes.csv``, which :func:`write_report` writes for the analyst: every
#: quote printed, as printed, with its ``comment_id`` (an internal key, for the analyst; never
#: in the documents) and ``details``: what its text holds that the person who reviews the
#: report before publication should look at (an exact age, a house number, a number), and
#: ``respondent_id``, so that a later wave's report (``--earlier-report``) quotes no young
#: person again.
QUOTE_KEY_COLUMNS: tuple[str, ...] = ("theme", "variable", "level", "rank", COMMENT_ID,
                                      "attribution", TEXT, "details", "language",
                                      RESPONDENT_ID)


@dataclass(frozen=True)
class ReportContent:
    """Everything a report shows, already suppressed and formatted.

    Parameters
    ----------
    title, summary : str
        The heading and the one-paragraph description of the data.
    prevalence : pandas.DataFrame
        Overall prevalence table.
    subgroups : dict of str to pandas.DataFrame
        Prevalence by subgroup, per variable.
    associations, hypotheses, differences : pandas.DataFrame
        Formatted association, hypothesis and numeric-difference tables.
    joint : dict of str to pandas.DataFrame
        The joint display of each theme.
    chart_svg, chart_png : bytes
        The prevalence chart.
    footnotes : list of str
        Notes (suppression symbol, methods).
    manifest : dict
        The run manifest.
    labels : dict
        Theme id to label.
    association_note, hypotheses_note, differences_note : str
        How the association, hypothesis and numeric-difference tables were made: the test,
        the number of tests and the family their q-values are adjusted over.
    max_q : float
        The q-value cut-off used.
    link_result : LinkResult or None
        The unsuppressed analysis tables (not rendered; for the research team).
    quotes : pandas.DataFrame or None
        Exactly the quotes the joint displays print, in the order printed, with their ids
        and ``details`` (not rendered as such; written as ``not-for-publication/quotes.csv``).
    changes : pandas.DataFrame
        The formatted change between survey waves (empty without ``waves``).
    changes_note : str
        How the changes were computed.
    guide : list of str
        The short "How to read this report" notes, in plain words (shown before the results).
    suppression_note : str
        What the suppression symbol means (shown under each table that holds it).
    symbol : str
        The suppression symbol.
    key_points : list of str
        The summary at the top of the report, in plain words, from the suppressed tables.
    glossary : list of (str, str)
        The words the report uses (methods terms, and the care words its quotes use), each
        with a plain explanation.
    ci_level : float
        The confidence level of the report's intervals (0.95 unless ``alpha`` was given); the
        headers, notes, chart and glossary name it.
    safeguarding_withheld : int
        How many comments were withheld from quoting for safeguarding: the exact number, for
        the analyst (``not-for-publication/analyst.json``); the published text gives it only
        when it is ``disclosure.threshold`` or more.
    cells : pandas.DataFrame
        The report's prevalence cells with their suppression marks (``theme``, ``variable``,
        ``level``, ``n``, ``base``, ``suppressed``, ``base_suppressed``): exact counts, for
        the analyst (``not-for-publication/cells.csv``). Give them to the next report that
        prints a change from this wave (``make_report(earlier=...)``, ``carevoice report
        --earlier-report``), so that its change table hides what this report hid.
    """

    title: str
    summary: str
    prevalence: pd.DataFrame
    subgroups: dict[str, pd.DataFrame]
    associations: pd.DataFrame
    hypotheses: pd.DataFrame
    differences: pd.DataFrame
    joint: dict[str, pd.DataFrame]
    chart_svg: bytes
    chart_png: bytes
    footnotes: list[str]
    manifest: dict[str, Any]
    labels: dict[str, str] = field(default_factory=dict)
    association_note: str = ""
    max_q: float = 0.05
    hypotheses_note: str = ""
    differences_note: str = ""
    link_result: LinkResult | None = field(default=None, repr=False)
    quotes: pd.DataFrame | None = field(default=None, repr=False)
    changes: pd.DataFrame = field(default_factory=pd.DataFrame)
    changes_note: str = ""
    guide: list[str] = field(default_factory=list)
    suppression_note: str = ""
    symbol: str = SYMBOL
    safeguarding_withheld: int = 0
    key_points: list[str] = field(default_factory=list)
    glossary: list[tuple[str, str]] = field(default_factory=list)
    ci_level: float = 0.95
    cells: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
