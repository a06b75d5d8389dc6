"""The discovery plots read without telling colours apart, and publish no small numbers."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from carevoice import InputError
from carevoice._palette import contrast_ratio
from carevoice.disclosure import DisclosureConfig, suppress_prevalence
from carevoice.discover import (
    ThemeDiscovery,
    plot_topic_map,
    plot_topic_sizes,
    plot_topics_by_group,
    topics_by_group,
)
from carevoice.discover.edit import example_topics

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def forty():
    """40 topics of 4 to 8 fictional comments each (synthetic vectors), one respondent each."""
    rng = np.random.default_rng(1)
    x = np.vstack([np.eye(64)[g] + 0.05 * rng.normal(size=(4 + g % 5, 64)) for g in range(40)])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    frame = pd.DataFrame({"comment_id": [f"c{i:03d}" for i in range(len(x))],
                          "text": [f"fictional comment {i}" for i in range(len(x))]})
    topics = ThemeDiscovery(n_topics=40).fit(frame, embeddings=x).topics_
    assert len(topics.topic_ids) == 40
    return topics


@pytest.fixture(scope="module")
def six():
    """Six topics of 12 to 120 comments, one comment per respondent, four placement types."""
    rng = np.random.default_rng(2)
    sizes = [120, 90, 60, 40, 25, 12]
    x = np.vstack([np.eye(16)[g] + 0.08 * rng.normal(size=(s, 16))
                   for g, s in enumerate(sizes)])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ids = [f"c{i:03d}" for i in range(len(x))]
    comments = pd.DataFrame({"comment_id": ids, "respondent_id": [f"r{i:03d}" for i in
                                                                  range(len(x))],
                             "text": [f"fictional comment {i}" for i in range(len(x))]})
    respondents = pd.DataFrame({
        "respondent_id": comments["respondent_id"],
        "placement_type": rng.choice(["foster", "residential", "kinship", "staying_put"],
                                     size=len(x), p=[0.5, 0.3, 0.15, 0.05])})
    topics = ThemeDiscovery(n_topics=6).fit(comments, embeddings=x).topics_
    return topics, comments, respondents


def test_topic_map_tells_every_topic_apart_without_colour(forty):
    """Topics differed by colour only: ax.legend was never called and only the 12 largest
    topics had a text label."""
    fig = plot_topic_map(forty)
    ax = fig.axes[0]
    legend = ax.get_legend()
    assert legend is not None
    entries = [t.get_text() for t in legend.get_texts()]
    labels = forty.topics.set_index("topic")["label"]
    for t in forty.topic_ids:
        assert any(e.startswith(f"{t}: {str(labels.loc[t])[:20]}") for e in entries), t
    assert entries[-1].startswith("outliers")
    # every topic's id is written on the map, at its centre
    texts = {t.get_text().split(":")[0] for t in ax.texts}
    assert {str(t) for t in forty.topic_ids} <= texts
    # shapes vary with the colours: no two topics share both, and neighbours differ in shape
    drawn = [c for c in ax.collections if not c.get_label().startswith("outliers")]
    shapes = [tuple(map(tuple, c.get_paths()[0].vertices.round(3))) for c in drawn]
    colours = [tuple(c.get_facecolor()[0].round(3)) for c in drawn]
    assert len(set(shapes)) >= 8
    assert all(a != b for a, b in itertools.pairwise(shapes))
    assert len(set(zip(colours, shapes, strict=True))) == 40


def test_topic_map_colours_are_visible_on_white(forty):
    """Topic 1 was #aec7e8 (1.73:1 against white) and outliers #bbbbbb (1.92:1)."""
    fig = plot_topic_map(example_topics())
    low = [(c.get_label(), contrast_ratio(c.get_facecolor()[0] if len(c.get_facecolor())
                                          else c.get_edgecolor()[0]))
           for c in fig.axes[0].collections]
    assert low and all(ratio >= 3 for _, ratio in low), low
    fig = plot_topic_map(forty)
    assert min(contrast_ratio(c.get_facecolor()[0]) for c in fig.axes[0].collections
               if len(c.get_facecolor())) >= 3


def test_size_chart_tells_its_two_series_apart_by_pattern_and_numbers(forty):
    """The primary bars (#3182bd) lay over the in-topic bars (#9ecae1): 2.37:1 between them,
    1.75:1 against white, and told apart by a colour legend only."""
    fig = plot_topic_sizes(forty, top=10)
    ax = fig.axes[0]
    outer, inner = ax.containers
    assert {p.get_hatch() for p in outer} == {"////"}
    assert {p.get_hatch() for p in inner} == {None}
    assert contrast_ratio(outer[0].get_edgecolor()) >= 3
    assert contrast_ratio(inner[0].get_facecolor()) >= 3
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("hatched" in t for t in legend) and any("solid" in t for t in legend)
    # every bar says both numbers in words
    shown = forty.topics.sort_values(["size", "topic"], ascending=[False, True],
                                     kind="stable").head(10)
    texts = [t.get_text() for t in ax.texts]
    assert texts == [f"{s} in all ({p} primary)" for s, p in
                     zip(shown["size"], shown["n_primary"], strict=True)]


def _cells(ax):
    """The heat map's cell texts with the colour of the cell under them."""
    from matplotlib.colors import to_rgba

    image = ax.images[0]
    values = image.get_array()
    out = []
    for text in ax.texts:
        j, i = (round(v) for v in text.get_position())
        value = values[i, j]
        background = (1.0, 1.0, 1.0, 1.0) if np.ma.is_masked(value) or np.isnan(value) \
            else image.cmap(image.norm(value))
        out.append((text.get_text(), to_rgba(text.get_color()), background))
    return out


def test_heat_map_text_contrasts_with_its_cell(six):
    """White 7pt text went on every cell above half the maximum: Blues(0.501) = #6aaed6 with
    white text is 2.43:1."""
    topics, comments, respondents = six
    fig = plot_topics_by_group(topics, comments, respondents, "placement_type")
    cells = _cells(fig.axes[0])
    assert len(cells) == 24
    ratios = [contrast_ratio(colour, background) for _, colour, background in cells]
    assert min(ratios) >= 4.5, sorted(zip(ratios, cells, strict=True))[:3]


def test_heat_map_hides_small_numbers_and_shows_group_sizes():
    """With 3 residential respondents the cell read "100%" (3 of 3), with no group size
    shown; the colour bar ran 0-1 beside cells in %, and the title said "placement_type"."""
    topics = example_topics()
    ids = topics.comments["comment_id"]
    comments = pd.DataFrame({"comment_id": ids,
                             "respondent_id": [f"r{i}" for i in range(len(ids))]})
    respondents = pd.DataFrame({"respondent_id": comments["respondent_id"],
                                "placement_type": ["foster"] * (len(ids) - 3)
                                + ["residential"] * 3})
    fig = plot_topics_by_group(topics, comments, respondents, "placement_type")
    ax = fig.axes[0]
    shown = [t.get_text() for t in ax.texts]
    assert shown and set(shown) == {"[c]"}  # 5 and 3 respondents: everything is small
    assert len([p for p in ax.patches if p.get_hatch()]) == len(shown)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["foster care\n(n = [c])", "residential care\n(n = [c])"]
    assert ax.get_xlabel().startswith("Placement type\n")
    assert "[c] Suppressed to protect confidentiality" in ax.get_xlabel()
    assert "placement_type" not in ax.get_title() and "placement type" in ax.get_title()
    colour_bar = fig.axes[1]
    assert colour_bar.yaxis.get_major_formatter()(0.5) == "50%"


def test_heat_map_shows_safe_cells_and_suppresses_the_rest_as_the_report_does(six):
    topics, comments, respondents = six
    table = topics_by_group(topics, comments, respondents, "placement_type")
    fig = plot_topics_by_group(topics, comments, respondents, "placement_type")
    ax = fig.axes[0]
    sizes = respondents["placement_type"].value_counts()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == f"foster care\n(n = {sizes['foster']})"
    shown = {t.get_text() for t in ax.texts}
    assert "[c]" in shown and len(shown) > 2
    order = topics.topics.sort_values(["size", "topic"], ascending=[False, True],
                                      kind="stable")["topic"].tolist()
    levels = list(dict.fromkeys(table["level"]))
    for text in ax.texts:
        j, i = (round(v) for v in text.get_position())
        row = table[(table["topic"] == order[i]) & (table["level"] == levels[j])].iloc[0]
        if row["suppressed"]:
            assert text.get_text() == "[c]"
        else:
            assert text.get_text() == f"{row['share']:.0%}"
            assert not 1 <= row["n"] < 5 and not 1 <= row["respondents"] - row["n"] < 5


def test_topics_by_group_marks_cells_like_the_report():
    topics = example_topics()
    ids = topics.comments["comment_id"].tolist() * 3  # three respondents per comment
    comments = pd.DataFrame({"comment_id": ids,
                             "respondent_id": [f"r{i}" for i in range(len(ids))]})
    respondents = pd.DataFrame({"respondent_id": comments["respondent_id"],
                                "placement_type": ["foster"] * (len(ids) - 3)
                                + ["residential"] * 3})
    table = topics_by_group(topics, comments, respondents, "placement_type")
    assert list(table.columns) == ["topic", "label", "variable", "level", "n", "respondents",
                                   "share", "suppressed", "base_suppressed"]
    rows = table.set_index(["topic", "level"])
    assert rows.loc[(1, "residential"), ["n", "respondents"]].tolist() == [3, 3]  # kept
    assert rows.loc[(1, "residential"), "suppressed"]
    assert rows.xs("residential", level="level")["base_suppressed"].all()
    # the same marks as carevoice.disclosure.suppress_prevalence, overall row included
    prevalence = pd.DataFrame(
        [{"theme": str(t), "variable": "all", "level": "all", "base": len(respondents),
          "n": int(table.loc[table["topic"] == t, "n"].sum())} for t in topics.topic_ids]
        + [{"theme": str(r.topic), "variable": "placement_type", "level": r.level, "n": r.n,
            "base": r.respondents} for r in table.itertuples()])
    marks = suppress_prevalence(prevalence)
    marks = marks[marks["variable"] != "all"]
    assert table["suppressed"].tolist() == marks["suppressed"].tolist()
    # a lower threshold shows more
    loose = topics_by_group(topics, comments, respondents, "placement_type",
                            disclosure=DisclosureConfig(threshold=3))
    assert loose["suppressed"].sum() < table["suppressed"].sum()
    with pytest.raises(InputError, match="'disclosure' argument of topics_by_group"):
        topics_by_group(topics, comments, respondents, "placement_type", disclosure=5)


def test_heat_map_of_a_question_nobody_answered_says_so():
    """It drew an empty heat map with a matplotlib warning about singular limits."""
    topics = example_topics()
    ids = topics.comments["comment_id"]
    comments = pd.DataFrame({"comment_id": ids, "respondent_id": ids})
    respondents = pd.DataFrame({"respondent_id": ids, "placement_type": [None] * len(ids)})
    with pytest.raises(InputError, match="'variable' argument of plot_topics_by_group"):
        plot_topics_by_group(topics, comments, respondents, "placement_type")
