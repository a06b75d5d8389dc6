"""Plots of discovered topics: free functions that take results and return matplotlib figures.

Nothing here fits a model. Every function draws on a new figure (or the ``ax`` you pass), uses
matplotlib's object-oriented API (no global state, no ``pyplot.show``) and renders offline to
PNG, SVG or PDF with ``fig.savefig``. matplotlib is an optional dependency
(``pip install 'carevoice[discover]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._palette import distinct_colours
from ..errors import InputError, ModelNotInstalledError
from ..schema import COMMENT_ID, RESPONDENT_ID
from .result import OUTLIER, Topics

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "plot_topic_map",
    "plot_topic_sizes",
    "plot_topics_by_group",
    "topic_map_coordinates",
    "topics_by_group",
]


def _figure(ax: Any, size: tuple[float, float]) -> tuple[Any, Any]:
    try:
        from matplotlib.figure import Figure
    except ImportError as e:
        raise ModelNotInstalledError("The discovery plots need matplotlib: pip install "
                                     "'carevoice[discover]'.") from e
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _check(topics: Any, function: str) -> Topics:
    if not isinstance(topics, Topics):
        raise InputError(f"The 'topics' argument of {function} must be a Topics object; got "
                         f"{type(topics).__name__}.")
    return topics


#: The grey of outliers on the topic map; no topic colour is grey.
_OUTLIER_COLOUR = "#bbbbbb"


def topic_map_coordinates(topics: Topics) -> np.ndarray:
    """2D coordinates of the comments for a topic map.

    The comments' similarities to the topic centroids are projected on their first two
    principal components (deterministic, fast at 100,000 comments), which separates topics
    better than a projection of the raw embeddings.

    Parameters
    ----------
    topics : Topics
        The topics.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_comments, 2)``, in the order of ``topics.comments``.
    """
    topics = _check(topics, "topic_map_coordinates")
    sims = topics.embeddings @ topics.centroids.T if len(topics.centroids) else topics.embeddings
    if sims.shape[1] < 2:
        return np.column_stack([sims[:, 0] if sims.shape[1] else np.zeros(len(sims)),
                                np.zeros(len(sims))])
    centred = sims - sims.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    coords = centred @ vt[:2].T
    signs = np.sign(vt[:2].sum(axis=1))  # fix the sign so the picture is stable
    return coords * np.where(signs == 0, 1, signs)


def plot_topic_map(topics: Topics, *, ax: Any = None, label_topics: int = 12,
                   point_size: float = 8.0) -> Any:
    """A 2D map of the comments coloured by primary topic (outliers in grey).

    Every topic has its own colour, in the order of ``topics.topic_ids`` (54 distinct
    colours from matplotlib's tab20, tab20b and tab20c palettes, then more round the colour
    wheel), so the same topics get the same colours on every run.

    Parameters
    ----------
    topics : Topics
        The topics.
    ax : matplotlib Axes, optional
        Draw here instead of on a new figure.
    label_topics : int, default 12
        Write the labels of this many largest topics at their centres.
    point_size : float, default 8.0
        Marker size.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from carevoice.discover.edit import example_topics
    >>> fig = plot_topic_map(example_topics())
    >>> len(fig.axes)
    1
    """
    topics = _check(topics, "plot_topic_map")
    fig, ax = _figure(ax, (8, 6))
    coords = topic_map_coordinates(topics)
    primary = topics.assignments[topics.assignments["primary"]].set_index(COMMENT_ID)["topic"]
    topic_of = primary.reindex(topics.comments[COMMENT_ID].astype(str)).fillna(OUTLIER).to_numpy()
    out = topic_of == OUTLIER
    ax.scatter(coords[out, 0], coords[out, 1], s=point_size, c=_OUTLIER_COLOUR,
               label="outliers", linewidths=0)
    colours = distinct_colours(len(topics.topic_ids))
    for t, colour in zip(topics.topic_ids, colours, strict=True):
        mask = topic_of == t
        ax.scatter(coords[mask, 0], coords[mask, 1], s=point_size, color=colour,
                   label=f"topic {t}", linewidths=0)
    info = topics.topics.set_index("topic")
    for t in topics.topic_ids[:label_topics]:
        mask = topic_of == t
        if mask.any():
            x, y = np.median(coords[mask], axis=0)
            ax.annotate(f"{t}: {info.loc[t, 'label']}", (x, y), fontsize=7, ha="center",
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.7,
                              "lw": 0})
    ax.set_title(f"{len(topics.topic_ids)} topics, {topics.outlier_share:.0%} outliers")
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def plot_topic_sizes(topics: Topics, *, ax: Any = None, top: int = 30) -> Any:
    """Horizontal bars: how many comments each topic holds (primary and in all).

    Parameters
    ----------
    topics : Topics
        The topics.
    ax : matplotlib Axes, optional
        Draw here instead of on a new figure.
    top : int, default 30
        Show the largest ``top`` topics.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from carevoice.discover.edit import example_topics
    >>> fig = plot_topic_sizes(example_topics())
    >>> fig.axes[0].get_xlabel()
    'comments'
    """
    topics = _check(topics, "plot_topic_sizes")
    frame = topics.topics.sort_values(["size", "topic"], ascending=[False, True],
                                      kind="stable").head(top)
    fig, ax = _figure(ax, (7, 0.3 * len(frame) + 1.2))
    names = [f"{t}: {lab}" for t, lab in zip(frame["topic"], frame["label"], strict=True)]
    y = np.arange(len(frame))[::-1]
    ax.barh(y, frame["size"], color="#9ecae1", label="in topic")
    ax.barh(y, frame["n_primary"], color="#3182bd", label="primary topic")
    ax.set_yticks(y, names, fontsize=8)
    ax.set_xlabel("comments")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(f"Topic sizes ({topics.outlier_share:.0%} of comments are outliers)")
    return fig


def topics_by_group(topics: Topics, comments: pd.DataFrame, respondents: pd.DataFrame,
                    variable: str) -> pd.DataFrame:
    """How many respondents of each group raised each topic.

    A respondent raises a topic when any of their comments is in it (primary or not). The
    denominator (``respondents``) is every respondent of the group in ``respondents``, whether
    or not they wrote a comment; :func:`carevoice.link.prevalence` divides by those who
    answered a free-text question instead. Pass only the respondents who commented to get
    the same base.

    Parameters
    ----------
    topics : Topics
        The topics.
    comments : pandas.DataFrame
        ``comment_id`` and ``respondent_id``.
    respondents : pandas.DataFrame
        ``respondent_id`` and the grouping ``variable``.
    variable : str
        A column of ``respondents``.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``topic``, ``label``, ``variable``, ``level``, ``n``, ``respondents``, ``share``.
    """
    import pandas as pd

    from .._answers import level_label

    topics = _check(topics, "topics_by_group")
    for name, frame, cols in (("comments", comments, (COMMENT_ID, RESPONDENT_ID)),
                              ("respondents", respondents, (RESPONDENT_ID, variable))):
        if not isinstance(frame, pd.DataFrame):
            raise InputError(f"The '{name}' argument of topics_by_group must be a pandas "
                             f"DataFrame; got {type(frame).__name__}.")
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise InputError(f"The '{name}' argument of topics_by_group lacks column(s) "
                             f"{', '.join(map(repr, missing))}.")
    owner = comments[[COMMENT_ID, RESPONDENT_ID]].astype({COMMENT_ID: str})
    rows = topics.assignments[topics.assignments["topic"] != OUTLIER].merge(owner, on=COMMENT_ID)
    raised = rows[[RESPONDENT_ID, "topic"]].drop_duplicates()
    groups = respondents[[RESPONDENT_ID, variable]]
    raised = raised.merge(groups, on=RESPONDENT_ID)
    totals = groups.groupby(variable, observed=True).size()
    counts = raised.groupby(["topic", variable], observed=True).size()
    labels = topics.topics.set_index("topic")["label"]
    records = []
    for t in topics.topic_ids:
        for level, total in totals.items():
            n = int(counts.get((t, level), 0))
            records.append({"topic": t, "label": labels.loc[t], "variable": variable,
                            "level": level_label(level), "n": n, "respondents": int(total),
                            "share": round(n / total, 4) if total else float("nan")})
    return pd.DataFrame(records, columns=["topic", "label", "variable", "level", "n",
                                          "respondents", "share"])


def plot_topics_by_group(topics: Topics, comments: pd.DataFrame, respondents: pd.DataFrame,
                         variable: str, *, ax: Any = None, top: int = 15) -> Any:
    """A heat map: the share of each group's respondents who raised each topic.

    Parameters
    ----------
    topics : Topics
        The topics.
    comments : pandas.DataFrame
        ``comment_id`` and ``respondent_id``.
    respondents : pandas.DataFrame
        ``respondent_id`` and the grouping ``variable``.
    variable : str
        A column of ``respondents`` (e.g. ``"age_group"``).
    ax : matplotlib Axes, optional
        Draw here instead of on a new figure.
    top : int, default 15
        Show the largest ``top`` topics.

    Returns
    -------
    matplotlib.figure.Figure
    """
    table = topics_by_group(topics, comments, respondents, variable)
    shown = list(topics.topics.sort_values(["size", "topic"], ascending=[False, True],
                                           kind="stable")["topic"].head(top))
    table = table[table["topic"].isin(shown)]
    wide = table.pivot(index="topic", columns="level", values="share").reindex(shown)
    levels = list(dict.fromkeys(table["level"]))
    wide = wide[levels]
    fig, ax = _figure(ax, (1.1 * len(levels) + 4, 0.35 * len(shown) + 1.5))
    image = ax.imshow(wide.to_numpy(dtype=float), aspect="auto", cmap="Blues", vmin=0)
    labels = topics.topics.set_index("topic")["label"]
    ax.set_yticks(range(len(shown)), [f"{t}: {labels.loc[t]}" for t in shown], fontsize=8)
    ax.set_xticks(range(len(levels)), levels, rotation=30, ha="right", fontsize=8)
    for i in range(wide.shape[0]):
        for j in range(wide.shape[1]):
            value = wide.iat[i, j]
            if not np.isnan(value):
                ax.text(j, i, f"{value:.0%}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.5 * np.nanmax(wide.to_numpy()) else "black")
    fig.colorbar(image, ax=ax, label="share of respondents")
    ax.set_title(f"Topics by {variable}")
    return fig
