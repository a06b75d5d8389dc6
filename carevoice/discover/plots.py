"""Plots of discovered topics: free functions that take results and return matplotlib figures.

Nothing here fits a model. Every function draws on a new figure (or the ``ax`` you pass), uses
matplotlib's object-oriented API (no global state, no ``pyplot.show``) and renders offline to
PNG, SVG or PDF with ``fig.savefig``. matplotlib is an optional dependency
(``pip install 'carevoice[discover]'``).

The plots are for exploring topics, and readable without telling colours apart: every colour
has at least 3:1 contrast against white, topics are told apart by marker shape and label as
well as colour, the two series of the size chart by pattern, and the text on a heat-map cell is
black or white, whichever contrasts more with the cell. Shares by group follow the report's
small-number rule (:mod:`carevoice.disclosure`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .._disclosure_links import LINKS, linked_levels
from .._palette import distinct_colours, text_colour
from ..disclosure import DisclosureConfig, answer_wording, footnote, suppress_prevalence
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


#: The grey of outliers on the topic map (3.4:1 against white); no topic colour is grey.
_OUTLIER_COLOUR = "#8c8c8c"
#: Topic markers, in turn: a topic differs from the next ones in shape as well as colour.
#: Outliers are crosses ("x"), so no topic is.
_MARKERS = ("o", "s", "^", "D", "v", "P", "<", "h", ">", "p", "*", "d")
#: The size chart's colour (4.8:1 against white).
_BAR_COLOUR = "#1f77b4"


def _short(text: object, width: int = 40) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="...")


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
                   point_size: float = 12.0) -> Any:
    """A 2D map of the comments by primary topic, with a legend of every topic.

    Each topic has its own colour and marker shape (colours in the order of
    ``topics.topic_ids``, from :func:`carevoice._palette.distinct_colours`, each at least 3:1
    against white; twelve shapes in turn), so the same topics look the same on every run and
    can be told apart without telling colours apart. Every topic's id is written at its
    centre, and the legend beside the map gives each id its label. Outliers are grey crosses.

    Parameters
    ----------
    topics : Topics
        The topics.
    ax : matplotlib Axes, optional
        Draw here instead of on a new figure.
    label_topics : int, default 12
        Write the labels, not only the ids, of this many largest topics at their centres.
    point_size : float, default 12.0
        Marker size (area, in points squared).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from carevoice.discover.edit import example_topics
    >>> fig = plot_topic_map(example_topics())
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['0: miss / brother', '1: money', 'outliers (no topic)']
    """
    topics = _check(topics, "plot_topic_map")
    n_entries = len(topics.topic_ids) + 1
    columns = 1 if n_entries <= 24 else 2 if n_entries <= 60 else 3
    fig, ax = _figure(ax, (7 + 2.6 * columns,
                           max(6.0, 0.16 * -(-n_entries // columns) + 1.2)))
    coords = topic_map_coordinates(topics)
    primary = topics.assignments[topics.assignments["primary"]].set_index(COMMENT_ID)["topic"]
    topic_of = primary.reindex(topics.comments[COMMENT_ID].astype(str)).fillna(OUTLIER).to_numpy()
    out = topic_of == OUTLIER
    info = topics.topics.set_index("topic")
    colours = distinct_colours(len(topics.topic_ids))
    for i, (t, colour) in enumerate(zip(topics.topic_ids, colours, strict=True)):
        mask = topic_of == t
        ax.scatter(coords[mask, 0], coords[mask, 1], s=point_size, color=colour,
                   marker=_MARKERS[i % len(_MARKERS)], linewidths=0,
                   label=f"{t}: {_short(info.loc[t, 'label'])}")
    ax.scatter(coords[out, 0], coords[out, 1], s=point_size, c=_OUTLIER_COLOUR, marker="x",
               linewidths=0.8, label="outliers (no topic)")
    named = set(topics.topic_ids[:label_topics])
    for t, colour in zip(topics.topic_ids, colours, strict=True):
        mask = topic_of == t
        if mask.any():
            x, y = np.median(coords[mask], axis=0)
            text = f"{t}: {_short(info.loc[t, 'label'], 30)}" if t in named else str(t)
            ax.annotate(text, (x, y), fontsize=7, ha="center", va="center", color="black",
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.85,
                              "ec": colour, "lw": 0.8})
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, ncols=columns,
              markerscale=1.8, frameon=False, title="topic", title_fontsize=8)
    ax.set_title(f"{len(topics.topic_ids)} topics, {topics.outlier_share:.0%} outliers")
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def plot_topic_sizes(topics: Topics, *, ax: Any = None, top: int = 30) -> Any:
    """Horizontal bars: how many comments each topic holds (primary and in all).

    A hatched bar shows the comments in the topic, as their primary topic or not; the solid
    bar inside it those for which it is the primary topic. Each bar is labelled with both
    numbers, so the chart reads without telling colours apart.

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
    >>> fig.axes[0].texts[0].get_text()
    '4 in all (4 primary)'
    """
    topics = _check(topics, "plot_topic_sizes")
    frame = topics.topics.sort_values(["size", "topic"], ascending=[False, True],
                                      kind="stable").head(top)
    fig, ax = _figure(ax, (8, 0.3 * len(frame) + 1.6))
    names = [f"{t}: {_short(lab, 45)}" for t, lab in zip(frame["topic"], frame["label"],
                                                          strict=True)]
    y = np.arange(len(frame))[::-1]
    ax.barh(y, frame["size"], color="white", edgecolor=_BAR_COLOUR, hatch="////",
            linewidth=0.8, label="in the topic, primary or not (hatched)")
    ax.barh(y, frame["n_primary"], color=_BAR_COLOUR, edgecolor=_BAR_COLOUR, linewidth=0.8,
            label="primary topic (solid)")
    largest = float(frame["size"].max()) if len(frame) else 1.0
    for yi, size, n_primary in zip(y, frame["size"], frame["n_primary"], strict=True):
        ax.annotate(f"{int(size)} in all ({int(n_primary)} primary)", (size, yi),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=7,
                    color="black")
    ax.set_xlim(0, 1.6 * largest)
    ax.set_yticks(y, names, fontsize=8)
    ax.set_xlabel("comments")
    # Above the bars, under the title: a legend inside the axes would cover bars or numbers.
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, fontsize=8,
              frameon=False, borderaxespad=0.2)
    ax.set_title(f"Topic sizes ({topics.outlier_share:.0%} of comments are outliers)",
                 pad=22)
    return fig


def topics_by_group(topics: Topics, comments: pd.DataFrame, respondents: pd.DataFrame,
                    variable: str, *, disclosure: DisclosureConfig | None = None,
                    linked: Sequence[str] | None = None) -> pd.DataFrame:
    """How many respondents of each group raised each topic, with the cells to suppress.

    A respondent raises a topic when any of their comments is in it (primary or not). The
    denominator (``respondents``) is every respondent of the group in ``respondents``, whether
    or not they wrote a comment; :func:`carevoice.link.prevalence` divides by those who
    answered a free-text question instead. Pass only the respondents who commented to get
    the same base.

    The ``suppressed`` and ``base_suppressed`` columns mark what the report's small-number rule
    (:func:`carevoice.disclosure.suppress_prevalence`) would hide: a count, or its complement
    (the group's respondents who did not raise the topic), from 1 to ``threshold - 1``, a
    group of fewer than ``threshold`` respondents, and the further cells from which one of
    those could be worked out by subtraction (from the group sizes, or from the number of
    respondents who raised the topic in all, which another variable's table gives away). The
    tables of other questions are protected together with this one, as the report's tables
    are (:func:`carevoice.disclosure.suppress_prevalence`, nested levels): where the levels
    of one question lie inside a level of another (age bands inside the survey), the cells
    that add up are a group too, so that a heat map by survey and one by age group together
    give back no hidden count. Every table of the same ``respondents`` and ``linked``
    questions gets the same marks. The counts themselves are kept for your analysis: publish
    ``n`` and ``share`` only where ``suppressed`` is False, and ``respondents`` only where
    ``base_suppressed`` is False.

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
    disclosure : DisclosureConfig, optional
        The small-number settings (``threshold``, default 5, and ``suppress_zeros``), as in
        the report.
    linked : sequence of str, optional
        The other columns of ``respondents`` whose tables may be shared beside this one:
        their cells are marked together with this table's. Default: every other column of
        ``respondents`` (pass only the questions you group by, or ``[]`` when this is the
        only table you share).

    Returns
    -------
    pandas.DataFrame
        Tidy: ``topic``, ``label``, ``variable``, ``level``, ``n``, ``respondents``,
        ``share``, ``suppressed``, ``base_suppressed``.

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.discover.edit import example_topics
    >>> topics = example_topics()
    >>> ids = topics.comments["comment_id"]
    >>> comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids})
    >>> respondents = pd.DataFrame({"respondent_id": ids, "placement_type":
    ...                             ["foster"] * 5 + ["residential"] * 3})
    >>> table = topics_by_group(topics, comments, respondents, "placement_type")
    >>> table[["topic", "level", "n", "respondents", "suppressed"]]
       topic        level  n  respondents  suppressed
    0      0       foster  4            5        True
    1      0  residential  0            3        True
    2      1       foster  1            5        True
    3      1  residential  3            3        True
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
    if linked is None:
        linked = [c for c in respondents.columns if c not in (RESPONDENT_ID, variable)]
    else:
        linked = [c for c in linked if c != variable]
        unknown = [c for c in linked if c not in respondents.columns]
        if unknown:
            raise InputError(f"The 'linked' argument of topics_by_group names "
                             f"{', '.join(map(repr, unknown))}, which are not respondents "
                             "columns.")
    if disclosure is not None and not isinstance(disclosure, DisclosureConfig):
        raise InputError("The 'disclosure' argument of topics_by_group must be a "
                         f"DisclosureConfig or None; got {type(disclosure).__name__}.")
    owner = comments[[COMMENT_ID, RESPONDENT_ID]].astype({COMMENT_ID: str})
    rows = topics.assignments[topics.assignments["topic"] != OUTLIER].merge(owner, on=COMMENT_ID)
    raised = rows[[RESPONDENT_ID, "topic"]].drop_duplicates()
    questions = [variable, *linked]
    groups = respondents[[RESPONDENT_ID, *questions]]
    raised = raised.merge(groups, on=RESPONDENT_ID)
    overall = raised.groupby("topic").size()
    labels = topics.topics.set_index("topic")["label"]
    records, cells = [], []
    for t in topics.topic_ids:
        # Every respondent, those who left the question blank included: another variable's
        # table gives this total away, so the cells are protected against it too.
        cells.append({"theme": str(t), "variable": "all", "level": "all",
                      "n": int(overall.get(t, 0)), "base": len(groups)})
    for question in questions:  # this table's cells first, then the linked questions'
        totals = groups.groupby(question, observed=True).size()
        counts = raised.groupby(["topic", question], observed=True).size()
        for t in topics.topic_ids:
            for level, total in totals.items():
                n = int(counts.get((t, level), 0))
                cells.append({"theme": str(t), "variable": f"q:{question}",
                              "level": str(level), "n": n, "base": int(total)})
                if question == variable:
                    records.append({"topic": t, "label": labels.loc[t], "variable": variable,
                                    "level": level_label(level), "n": n,
                                    "respondents": int(total),
                                    "share": round(n / total, 4) if total else float("nan")})
    table = pd.DataFrame(records, columns=["topic", "label", "variable", "level", "n",
                                           "respondents", "share"])
    table["suppressed"] = table["base_suppressed"] = False
    if records:
        cells = pd.DataFrame(cells)
        # the levels of one question that lie inside a level of another, as the report's
        # prevalence records them (carevoice._disclosure_links.linked_levels)
        cells.attrs[LINKS] = linked_levels({
            f"q:{q}": respondents[q].astype(object).where(respondents[q].notna(), None)
            .astype(object).to_numpy() for q in questions})
        marks = suppress_prevalence(cells, disclosure)
        marks = marks[marks["variable"] == f"q:{variable}"]
        for column in ("suppressed", "base_suppressed"):
            table[column] = marks[column].to_numpy(dtype=bool)
    return table


def _heading(variable: object) -> str:
    """A column name as a heading: ``placement_type`` -> ``Placement type``."""
    text = " ".join(str(variable).replace("_", " ").split())
    return text[:1].upper() + text[1:]


def plot_topics_by_group(topics: Topics, comments: pd.DataFrame, respondents: pd.DataFrame,
                         variable: str, *, ax: Any = None, top: int = 15,
                         disclosure: DisclosureConfig | None = None,
                         linked: Sequence[str] | None = None) -> Any:
    """A heat map: the share of each group's respondents who raised each topic.

    Each column is a group, labelled with its number of respondents (``n``); each cell gives
    the share as a percentage, in black or white, whichever contrasts more with the cell's
    blue. Cells that the report's small-number rule would hide (see :func:`topics_by_group`)
    are hatched and read ``[c]``, with a footnote saying why; a group too small to show has
    ``n = [c]``. The plot is for exploring topics: the report's tables, with confidence
    intervals, are for publishing.

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
    disclosure : DisclosureConfig, optional
        The small-number settings (``threshold``, default 5), as in the report.
    linked : sequence of str, optional
        The other questions whose tables may be shared beside this one (see
        :func:`topics_by_group`); default every other column of ``respondents``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> from carevoice.discover.edit import example_topics
    >>> topics = example_topics()
    >>> ids = topics.comments["comment_id"]
    >>> comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids})
    >>> respondents = pd.DataFrame({"respondent_id": ids, "placement_type":
    ...                             ["foster"] * 5 + ["residential"] * 3})
    >>> fig = plot_topics_by_group(topics, comments, respondents, "placement_type")
    >>> print(fig.axes[0].get_xticklabels()[1].get_text())
    residential care
    (n = [c])
    """
    config = disclosure or DisclosureConfig()
    table = topics_by_group(topics, comments, respondents, variable, disclosure=config,
                            linked=linked)
    shown = list(topics.topics.sort_values(["size", "topic"], ascending=[False, True],
                                           kind="stable")["topic"].head(top))
    table = table[table["topic"].isin(shown)]
    levels = list(dict.fromkeys(table["level"]))
    if not levels:
        raise InputError("The 'variable' argument of plot_topics_by_group names a column with "
                         "no answers among the respondents; there is no group to plot.")
    public = table["share"].where(~table["suppressed"].astype(bool))
    wide = table.assign(share=public).pivot(index="topic", columns="level",
                                            values="share").reindex(shown)[levels]
    hidden = table.pivot(index="topic", columns="level",
                         values="suppressed").reindex(shown)[levels].fillna(False)
    fig, ax = _figure(ax, (1.2 * len(levels) + 4, 0.35 * len(shown) + 2.2))
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import PercentFormatter

    values = wide.to_numpy(dtype=float)
    top_value = float(np.nanmax(values)) if np.isfinite(values).any() else 1.0
    image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0, vmax=max(top_value, 0.01))
    labels = topics.topics.set_index("topic")["label"]
    ax.set_yticks(range(len(shown)), [f"{t}: {labels.loc[t]}" for t in shown], fontsize=8)
    sizes = table.drop_duplicates("level").set_index("level")
    ticks = []
    for level in levels:
        n = config.symbol if sizes.at[level, "base_suppressed"] else \
            f"{int(sizes.at[level, 'respondents']):,}"
        ticks.append(f"{textwrap.fill(answer_wording(level), 16)}"
                     f"\n(n = {n})")
    ax.set_xticks(range(len(levels)), ticks, fontsize=8)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if hidden.iat[i, j]:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white",
                                       edgecolor="#767676", hatch="///", linewidth=0))
                ax.text(j, i, config.symbol, ha="center", va="center", fontsize=7,
                        color="black", bbox={"boxstyle": "square,pad=0.15", "fc": "white",
                                             "lw": 0})
            elif not np.isnan(values[i, j]):
                background = image.cmap(image.norm(values[i, j]))
                ax.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center", fontsize=7,
                        color=text_colour(background))
    fig.colorbar(image, ax=ax, label="share of the group's respondents",
                 format=PercentFormatter(xmax=1, decimals=0))
    heading = _heading(variable)
    note = f"\n\n{textwrap.fill(footnote(config), 80)}" if hidden.to_numpy().any() else ""
    ax.set_xlabel(heading + note, fontsize=8)
    ax.set_title(f"Topics by {heading[:1].lower() + heading[1:]}: share of respondents "
                 "who raised each")
    return fig
