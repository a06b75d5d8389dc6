"""Charts for reports, drawn with matplotlib without pyplot (no global state, no display).

Charts come back as bytes (SVG or PNG) so that reports can embed them inline: nothing is
loaded from the web when a report is opened. The SVG carries its text alternative
(``role="img"`` and a ``<title>``); the Word report gives the PNG the same one.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..disclosure import DisclosureConfig, _marked_prevalence
from ..link import ALL
from .tables import ci_level_of, ci_words

__all__ = ["CHART_ALT", "chart_alt", "prevalence_chart"]

#: The text alternative of the prevalence chart (for screen readers; WCAG 1.1.1).
CHART_ALT = ("Bar chart: share of young people raising each theme, with 95% confidence "
             "intervals; the figures are in the table below.")

#: The id of the chart's ``<title>`` element, which names the SVG (``aria-labelledby``).
_TITLE_ID = "prevalence-chart-title"

#: Bars, and the interval whiskers drawn over them: black whiskers have 3.8:1 contrast with
#: the bars and the bars 5.6:1 with white (WCAG 1.4.11 asks 3:1).
_BAR, _WHISKER = "#2b6f8e", "#000000"


def _titled(svg: bytes, title: str) -> bytes:
    """The SVG with ``role="img"``, a ``<title>`` and ``aria-labelledby`` naming it."""
    from xml.sax.saxutils import escape

    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start)
    opening = text[start:end] + f' role="img" aria-labelledby="{_TITLE_ID}">'
    label = f'\n <title id="{_TITLE_ID}">{escape(title)}</title>'
    return (text[:start] + opening + label + text[end + 1:]).encode("utf-8")


def chart_alt(level: float = 0.95) -> str:
    """The chart's text alternative at the intervals' confidence level (:data:`CHART_ALT` at
    0.95)."""
    return CHART_ALT.replace("95%", f"{round(float(level) * 100, 6):g}%")


def prevalence_chart(prevalence: pd.DataFrame, labels: Mapping[str, str] | None = None,
                     config: DisclosureConfig | None = None, *, format: str = "svg") -> bytes:
    """A horizontal bar chart of theme prevalence with Wilson intervals (at the frame's
    ``ci_level``, 95% without one).

    Suppressed themes are drawn without a bar and labelled with the suppression symbol, which
    the axis title explains. The SVG is named by :data:`CHART_ALT` (``role="img"``, ``<title>``);
    the PNG is drawn at 200 dpi, sharp at a page's width.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        From :func:`carevoice.link.prevalence` (the overall rows are used), or as marked by
        :func:`carevoice.disclosure.suppress_prevalence` with the same ``config``.
    labels : mapping, optional
        Theme id to label.
    config : DisclosureConfig, optional
        Disclosure settings.
    format : {"svg", "png"}, default "svg"
        Output format.

    Returns
    -------
    bytes
        The image (SVG text is UTF-8, deterministic for the same input).

    Examples
    --------
    >>> prev = pd.DataFrame({"theme": ["a", "b"], "variable": "all", "level": "all",
    ...                      "n": [12, 20], "base": 40, "share": [0.3, 0.5],
    ...                      "ci_low": [0.18, 0.35], "ci_high": [0.45, 0.65]})
    >>> prevalence_chart(prev)[:5]
    b'<?xml'
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    if format not in ("svg", "png"):
        raise ValueError(f"The 'format' argument of prevalence_chart must be 'svg' or 'png'. "
                         f"Got {format!r} instead.")
    config = config or DisclosureConfig()
    labels = dict(labels or {})
    marked = _marked_prevalence(prevalence, config)
    overall = marked[marked["variable"] == ALL].sort_values(["share", "theme"],
                                                             ascending=[True, False])
    level = ci_level_of(overall)
    names = [labels.get(t, t) for t in overall["theme"]]
    shown = ~overall["suppressed"].to_numpy()
    share = overall["share"].to_numpy() * 100
    low = overall["ci_low"].to_numpy() * 100
    high = overall["ci_high"].to_numpy() * 100
    rc = {"svg.hashsalt": "carevoice", "svg.fonttype": "none", "font.size": 9}
    with rc_context(rc):
        fig = Figure(figsize=(7.5, 0.32 * len(names) + 1.2), dpi=100)
        ax = fig.add_subplot()
        y = list(range(len(names)))
        ax.barh([v for v, s in zip(y, shown, strict=True) if s], share[shown], color=_BAR,
                height=0.6)
        ax.errorbar(share[shown], [v for v, s in zip(y, shown, strict=True) if s],
                    xerr=[np.clip(share[shown] - low[shown], 0, None),
                          np.clip(high[shown] - share[shown], 0, None)], fmt="none",
                    ecolor=_WHISKER, capsize=2, linewidth=0.8)
        for v, s in zip(y, shown, strict=True):
            if not s:  # clear of the axis line, a few points to its right
                ax.annotate(config.symbol, xy=(0, v), xytext=(4, 0), textcoords="offset points",
                            va="center", ha="left", fontsize=8)
        ax.set_yticks(y, names)
        ax.set_ylim(-0.6, len(names) - 0.4)  # a row without a bar keeps its height
        label = ("Young people who raised the theme (%), with "
                 f"{ci_words(level)[:-3]} confidence interval")
        if not shown.all():
            label += f"\n{config.symbol}: not shown, to protect confidentiality"
        ax.set_xlabel(label)
        ax.set_xlim(0, max(10.0, float(high[shown].max()) + 5 if shown.any() else 10.0))
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if format == "svg" else {"Software": None}
        fig.savefig(buf, format=format, metadata=metadata, dpi=200 if format == "png" else 100)
    return _titled(buf.getvalue(), chart_alt(level)) if format == "svg" else buf.getvalue()
