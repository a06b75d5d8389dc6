"""Charts for reports, drawn with matplotlib without pyplot (no global state, no display).

Charts come back as bytes (SVG or PNG) so that reports can embed them inline: nothing is
loaded from the web when a report is opened.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..disclosure import DisclosureConfig, _marked_prevalence
from ..link import ALL

__all__ = ["prevalence_chart"]


def prevalence_chart(prevalence: pd.DataFrame, labels: Mapping[str, str] | None = None,
                     config: DisclosureConfig | None = None, *, format: str = "svg") -> bytes:
    """A horizontal bar chart of theme prevalence with Wilson 95% intervals.

    Suppressed themes are drawn without a bar and labelled with the suppression symbol.

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
        ax.barh([v for v, s in zip(y, shown, strict=True) if s], share[shown], color="#2b6f8e",
                height=0.6)
        ax.errorbar(share[shown], [v for v, s in zip(y, shown, strict=True) if s],
                    xerr=[np.clip(share[shown] - low[shown], 0, None),
                          np.clip(high[shown] - share[shown], 0, None)], fmt="none",
                    ecolor="#222222", capsize=2, linewidth=0.8)
        for v, s in zip(y, shown, strict=True):
            if not s:
                ax.text(0.5, v, config.symbol, va="center", ha="left", fontsize=8)
        ax.set_yticks(y, names)
        ax.set_xlabel("Young people who raised the theme (%), with 95% confidence interval")
        ax.set_xlim(0, max(10.0, float(high[shown].max()) + 5 if shown.any() else 10.0))
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if format == "svg" else {"Software": None}
        fig.savefig(buf, format=format, metadata=metadata)
    return buf.getvalue()
