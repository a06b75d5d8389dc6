"""Editing discovered topics, promoting one into the codebook, and the plots."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carevoice import InputError
from carevoice.discover import (
    OUTLIER,
    ThemeDiscovery,
    Topics,
    merge_topics,
    plot_topic_map,
    plot_topic_sizes,
    plot_topics_by_group,
    promote_topic,
    reject_topic,
    rename_topic,
    split_topic,
    topics_by_group,
)
from carevoice.discover.plots import topic_map_coordinates


def _blobs() -> tuple[pd.DataFrame, np.ndarray]:
    """Four groups of 10 fictional comments with synthetic vectors around four directions."""
    rng = np.random.default_rng(0)
    words = ["brother sister contact visit", "money allowance rent bills",
             "social worker changing agency", "school college exams tutor"]
    x = np.vstack([np.eye(16)[g] + 0.08 * rng.normal(size=(10, 16)) for g in range(4)])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    texts = [f"{words[g]} comment {i}" for g in range(4) for i in range(10)]
    frame = pd.DataFrame({"comment_id": [f"c{i:02d}" for i in range(40)],
                          "respondent_id": [f"r{i // 2:02d}" for i in range(40)], "text": texts})
    return frame, x


@pytest.fixture(scope="module")
def topics() -> Topics:
    frame, x = _blobs()
    return ThemeDiscovery(n_topics=4).fit(frame, embeddings=x).topics_


def _topic_of(topics: Topics, word: str) -> int:
    for t, kw in zip(topics.topics["topic"], topics.topics["keywords"], strict=True):
        if any(word in k for k in kw):
            return int(t)
    raise AssertionError(f"no topic with keyword {word}")


def test_merge_keeps_smallest_id_and_sums_members(topics):
    a, b = _topic_of(topics, "money"), _topic_of(topics, "school")
    merged = merge_topics(topics, [b, a], label="money and school")
    keep = min(a, b)
    assert max(a, b) not in merged.topic_ids
    row = merged.topics.set_index("topic").loc[keep]
    assert row["n_primary"] == 20 and row["label"] == "money and school"
    assert merged.history == (f"merge {sorted([a, b])} -> {keep}",)
    assert topics.history == ()  # the input is unchanged
    assert len(topics.topic_ids) == 4


def test_rename_survives_later_edits(topics):
    t = _topic_of(topics, "brother")
    renamed = rename_topic(topics, t, "family contact")
    assert renamed.topics.set_index("topic").loc[t, "label"] == "family contact"
    other = [x for x in renamed.topic_ids if x != t][:2]
    after = merge_topics(renamed, other)
    assert after.topics.set_index("topic").loc[t, "label"] == "family contact"


def test_split_gives_new_ids_above_every_id_used(topics):
    merged = merge_topics(topics, [_topic_of(topics, "money"), _topic_of(topics, "school")])
    keep = min(_topic_of(topics, "money"), _topic_of(topics, "school"))
    split = split_topic(merged, keep, 2)
    assert len(split.topic_ids) == 4
    new = max(split.topic_ids)
    assert new == max(topics.topic_ids) + 1  # the merged-away id included, never reused
    sizes = split.topics.set_index("topic")["n_primary"]
    assert sizes.loc[keep] == 10 and sizes.loc[new] == 10  # the planted groups come back apart


def test_reject_with_and_without_reassignment(topics):
    t = _topic_of(topics, "school")
    gone = reject_topic(topics, t, reassign=False)
    assert t not in gone.topic_ids
    assert gone.outlier_share == pytest.approx(0.25)
    primary = gone.assignments[gone.assignments["primary"]]
    assert (primary["topic"] == OUTLIER).sum() == 10
    # a later edit keeps the rejected comments out
    again = rename_topic(merge_topics(gone, list(gone.topic_ids[:2])), gone.topic_ids[0], "x")
    assert again.outlier_share == pytest.approx(0.25)
    moved = reject_topic(topics, t, reassign=True, )
    assert moved.outlier_share < gone.outlier_share or moved.outlier_share == 0.25


@pytest.mark.parametrize(("function", "kwargs", "match"), [
    (merge_topics, {"ids": [0]}, "'ids'"),
    (merge_topics, {"ids": [0, 99]}, "'ids'"),
    (merge_topics, {"ids": [0, 0]}, "one topic only"),
    (rename_topic, {"topic": 0, "label": " "}, "'label'"),
    (rename_topic, {"topic": 42, "label": "x"}, "'topic'"),
    (split_topic, {"topic": 0, "n": 1}, "'n'"),
    (reject_topic, {"topic": "zero"}, "'topic'"),
])
def test_bad_edits_are_named(topics, function, kwargs, match):
    with pytest.raises(InputError, match=match):
        function(topics, **kwargs)
    with pytest.raises(InputError, match="'topics'"):
        function("not topics", **kwargs)


def test_promotion_adds_a_valid_theme(topics, tmp_path):
    from carevoice.themes import Codebook, load_codebook, write_codebook

    t = _topic_of(topics, "money")
    book = promote_topic(topics, t, theme_id="cash_worries", label="Cash worries",
                         n_examples=6)
    assert isinstance(book, Codebook)
    assert "cash_worries" in book and len(book) == len(load_codebook()) + 1
    theme = book["cash_worries"]
    assert theme.label == "Cash worries" and len(theme.examples) == 6
    members = set(topics.members(t)["text"])
    assert set(theme.examples) <= members
    assert "money" in theme.definition
    assert book.version.endswith("+discovered")

    # it survives a round trip through the codebook file (which validates every theme)
    again = load_codebook(write_codebook(book, tmp_path / "codebook.yaml"))
    assert again["cash_worries"] == theme
    with pytest.raises(InputError, match="'theme_id'"):
        promote_topic(topics, t, book, theme_id="cash_worries")


def _with_non_answers(real: int) -> Topics:
    """Two topics of synthetic vectors: one of ``real`` answers plus non-answers and a phrasing
    the default codebook already has, one of ten money comments."""
    from carevoice.themes import load_codebook

    known = load_codebook()["family_contact"].examples[0]
    first = ["n/a", "idk", "Nothing.", "  N/A ", known,
             *[f"i wish i saw my brother more {i}" for i in range(real)]]
    texts = first + [f"money allowance rent bills {i}" for i in range(10)]
    rng = np.random.default_rng(1)
    x = np.vstack([np.eye(8)[0] + 0.05 * rng.normal(size=(len(first), 8)),
                   np.eye(8)[1] + 0.05 * rng.normal(size=(10, 8))])
    frame = pd.DataFrame({"comment_id": [f"c{i:02d}" for i in range(len(texts))],
                          "text": texts})
    return ThemeDiscovery(n_topics=2, text_is_pseudonymised=True).fit(
        frame, embeddings=x / np.linalg.norm(x, axis=1, keepdims=True)).topics_


def test_promotion_skips_non_answers_and_phrasings_the_codebook_has():
    """Audit 2026-12: a topic holding 'n/a' and 'idk' could not be promoted (the codebook's
    no-theme examples already had them)."""
    from carevoice.themes import load_codebook

    topics = _with_non_answers(real=12)
    t = _topic_of(topics, "brother")
    book = promote_topic(topics, t, theme_id="brothers", n_examples=8)  # no warning: 8 remain
    examples = book["brothers"].examples
    assert len(examples) == 8
    assert all(e.startswith("i wish i saw my brother more") for e in examples)
    assert set(examples) <= set(topics.members(t)["text"])
    assert load_codebook(book)["brothers"] == book["brothers"]  # a valid codebook


def test_promotion_says_how_many_it_skipped_when_fewer_remain():
    topics = _with_non_answers(real=3)
    t = _topic_of(topics, "brother")
    with pytest.warns(UserWarning, match=r"3 example phrasing\(s\) for 'brothers' instead of 8: "
                                         r"4 comment\(s\)"):
        book = promote_topic(topics, t, theme_id="brothers", n_examples=8)
    assert len(book["brothers"].examples) == 3  # "n/a" and " N/A " count once
    from carevoice.themes import Codebook, Theme, load_codebook

    known = load_codebook()["family_contact"].examples[0]
    only = Codebook((Theme("xx", "X", "X.", examples=(known,)),), version="t",
                    no_theme_examples=tuple(f"i wish i saw my brother more {i}"
                                            for i in range(3)))
    with pytest.raises(InputError, match=f"topic {t} has no comment that can be an example"):
        promote_topic(topics, t, only, theme_id="brothers")


def test_topic_map_coordinates_are_deterministic(topics):
    a = topic_map_coordinates(topics)
    assert a.shape == (40, 2)
    np.testing.assert_array_equal(a, topic_map_coordinates(topics))


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plots_render_offline(topics, tmp_path, suffix, no_network):
    frame, _ = _blobs()
    respondents = pd.DataFrame({"respondent_id": [f"r{i:02d}" for i in range(20)],
                                "age_group": ["8-10", "11-13", "14-15", "16-17"] * 5})
    figures = {
        "map": plot_topic_map(topics),
        "sizes": plot_topic_sizes(topics),
        "groups": plot_topics_by_group(topics, frame, respondents, "age_group"),
    }
    for name, fig in figures.items():
        path = tmp_path / f"{name}.{suffix}"
        fig.savefig(path)
        data = path.read_bytes()
        assert len(data) > 1000
        assert data.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in data[:2000]
    assert no_network == []


def test_topics_by_group_counts_respondents(topics):
    frame, _ = _blobs()
    respondents = pd.DataFrame({"respondent_id": [f"r{i:02d}" for i in range(20)],
                                "placement": ["foster"] * 10 + ["residential"] * 10})
    table = topics_by_group(topics, frame, respondents, "placement")
    assert list(table.columns) == ["topic", "label", "variable", "level", "n", "respondents",
                                   "share", "suppressed", "base_suppressed"]
    family = _topic_of(topics, "brother")  # comments c00-c09: respondents r00-r04, all foster
    rows = table[table["topic"] == family].set_index("level")
    assert rows.loc["foster", "n"] == 5 and rows.loc["residential", "n"] == 0
    assert rows.loc["foster", "share"] == 0.5
    with pytest.raises(InputError, match="lacks column"):
        topics_by_group(topics, frame, respondents, "age_group")
    ages = respondents.assign(age=[12.0, 8.0, 10.0, np.nan] * 5)  # a float column with a gap
    levels = topics_by_group(topics, frame, ages, "age")["level"]
    assert list(dict.fromkeys(levels)) == ["8", "10", "12"]  # by value, without ".0"


def test_new_topic_ids_are_never_reused_after_reject_or_merge() -> None:
    from carevoice.discover.edit import example_topics

    topics = example_topics()
    rejected = reject_topic(topics, 1, reassign=False)
    split = split_topic(rejected, 0, 2)
    assert 1 not in split.topic_ids and max(split.topic_ids) == 2
    assert split.history[-1] == "split 0 -> [0, 2]"
    merged = merge_topics(split, [0, 2])
    again = split_topic(merged, 0, 2)
    assert set(again.topic_ids) == {0, 3}
    assert again.next_topic_id == 4


def test_edits_refuse_non_integral_topic_ids_and_non_string_theme_ids() -> None:
    from carevoice.discover.edit import example_topics

    topics = example_topics()
    with pytest.raises(InputError, match="'topic' argument of rename_topic"):
        rename_topic(topics, 1.7, "money")
    with pytest.raises(InputError, match="'topic' argument of rename_topic"):
        rename_topic(topics, True, "money")
    assert rename_topic(topics, 1.0, "money").labels == {1: "money"}
    with pytest.raises(InputError, match="must be a string id") as info:
        promote_topic(topics, 1, theme_id=5)
    assert "already in the codebook" not in str(info.value)


def test_topic_map_gives_forty_topics_forty_colours_and_outliers_grey():
    """tab20 repeated its colours from the 21st topic, and drew topics in grey like outliers."""
    from matplotlib.colors import to_hex

    from carevoice.discover.plots import _OUTLIER_COLOUR

    rng = np.random.default_rng(1)
    x = np.vstack([np.eye(64)[g] + 0.05 * rng.normal(size=(4, 64)) for g in range(40)])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    frame = pd.DataFrame({"comment_id": [f"c{i:03d}" for i in range(160)],
                          "text": [f"fictional comment {i}" for i in range(160)]})
    forty = ThemeDiscovery(n_topics=40).fit(frame, embeddings=x).topics_
    assert len(forty.topic_ids) == 40

    def colours(fig):
        return {c.get_label(): to_hex(c.get_facecolor()[0]) for c in fig.axes[0].collections
                if len(c.get_offsets())}

    drawn = colours(plot_topic_map(forty))
    topic_colours = [v for k, v in drawn.items() if not k.startswith("outliers")]
    assert len(topic_colours) == 40 and len(set(topic_colours)) == 40
    greys = [c for c in topic_colours if c[1:3] == c[3:5] == c[5:7]]
    assert greys == []
    assert drawn.get("outliers (no topic)", _OUTLIER_COLOUR) == _OUTLIER_COLOUR
    assert colours(plot_topic_map(forty)) == drawn  # deterministic
