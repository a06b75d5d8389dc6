"""Discovered topics do not depend on row order or on the last bits of the vectors, and their
stability over seeds can be measured (``stability=N``, ``--stability N``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from carevoice import HashingEmbedder
from carevoice.discover import ThemeDiscovery, merge_topics, topic_stability
from carevoice.discover.model import _knn_affinity
from carevoice.errors import InputError


@pytest.fixture(scope="module")
def _demo() -> tuple[pd.DataFrame, np.ndarray]:
    from carevoice.demo import load_demo

    comments = load_demo().answered[["comment_id", "text"]].head(250).reset_index(drop=True)
    return comments, HashingEmbedder().encode(comments["text"].tolist())


@pytest.fixture
def demo(_demo: tuple[pd.DataFrame, np.ndarray]) -> tuple[pd.DataFrame, np.ndarray]:
    return _demo[0].copy(), _demo[1].copy()


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


def _near_tie(first: float, second: float) -> np.ndarray:
    """Comment 0 with four close neighbours, then A and B at similarity ``first``, ``second``.

    A and B each have five closer friends of their own, so comment 0 is not among their
    neighbours: the edges 0-A and 0-B exist only through comment 0's neighbourhood (k = 5),
    whose fifth place A and B contest.
    """
    dim = 40
    e = np.eye(dim)
    rows = [e[0]] + [_unit(e[0] + t * e[1 + i]) for i, t in enumerate((0.2, 0.3, 0.4, 0.5))]
    for sim, axis in ((first, 6), (second, 20)):
        centre = sim * e[0] + np.sqrt(1 - sim ** 2) * e[axis]
        rows.append(centre)
        rows += [_unit(centre + 0.1 * e[axis + 1 + j]) for j in range(5)]
    return np.asarray(rows, dtype=np.float32)


def test_a_near_tie_at_the_edge_of_a_neighbourhood_barely_moves_the_graph():
    """The k-th and (k+1)-th neighbours swapping places (a last-bit question) used to add or
    remove an edge of weight ~0.7; the tapered weights change by about as much as the
    similarities."""
    a_fifth = _knn_affinity(_near_tie(0.7, 0.7 - 1e-6), 5).toarray()
    b_fifth = _knn_affinity(_near_tie(0.7 - 1e-6, 0.7), 5).toarray()
    a, b = 5, 11  # the rows of A and B
    # At most the 1e-3 of the weak edge that joins a group left without edges to the rest
    # (here A's or B's, whichever came sixth) keeps the graph connected.
    assert np.abs(a_fifth - b_fifth).max() <= 1.001e-3
    assert a_fifth[0, a] < 1e-4 and b_fifth[0, b] < 1e-4  # the contested place weighs ~0
    assert a_fifth[0, 1] > 0.9  # the nearest neighbours keep their similarity as weight


def test_shuffled_rows_give_the_same_topics(demo):
    """Same comments, another row order (a re-export, a sort): the same topics, ids, sizes,
    labels, examples and assignments, returned in the caller's order. k-means used to see the
    rows in the order given (ARI 0.70 between the two orders in the audit)."""
    comments, x = demo
    base = ThemeDiscovery(HashingEmbedder(), random_state=0, text_is_pseudonymised=True).fit(
        comments, embeddings=x)
    order = np.random.default_rng(1).permutation(len(comments))
    moved = ThemeDiscovery(HashingEmbedder(), random_state=0, text_is_pseudonymised=True).fit(
        comments.iloc[order], embeddings=x[order])
    pd.testing.assert_frame_equal(base.topics_.topics, moved.topics_.topics)
    assert moved.topics_.comments["comment_id"].tolist() == \
        comments["comment_id"].iloc[order].tolist()

    def by_comment(assignments: pd.DataFrame) -> pd.DataFrame:
        return assignments.sort_values("comment_id", kind="stable").reset_index(drop=True)

    pd.testing.assert_frame_equal(by_comment(base.topics_.assignments),
                                  by_comment(moved.topics_.assignments))
    first = moved.topics_.assignments.drop_duplicates("comment_id")["comment_id"]
    assert first.tolist() == comments["comment_id"].iloc[order].tolist()  # caller's order
    np.testing.assert_array_equal(moved.reduced_, base.reduced_[order])
    np.testing.assert_array_equal(moved.topics_.embeddings,
                                  base.topics_.embeddings[order])


def test_shuffled_background_gives_the_same_topics(demo):
    comments, _ = demo
    own, back = comments.iloc[:120], comments.iloc[120:]
    model = ThemeDiscovery(HashingEmbedder(), random_state=0, n_topics=8,
                           text_is_pseudonymised=True)
    base = model.fit(own, background=back).topics_.assignments
    order = np.random.default_rng(2).permutation(len(back))
    moved = model.fit(own, background=back.iloc[order]).topics_.assignments
    pd.testing.assert_frame_equal(base, moved)


def test_stability_adds_a_column_of_mean_best_jaccard_over_refits(demo):
    comments, x = demo
    plain = ThemeDiscovery(random_state=0, text_is_pseudonymised=True).fit(
        comments, embeddings=x).topics_
    model = ThemeDiscovery(random_state=0, stability=3, text_is_pseudonymised=True)
    topics = model.fit(comments, embeddings=x).topics_
    assert "stability" not in plain.topics.columns
    # The topics themselves are those of the plain fit; only the column is added.
    pd.testing.assert_frame_equal(topics.topics.drop(columns="stability"), plain.topics)
    scores = topics.topics["stability"]
    assert scores.between(0, 1).all() and scores.notna().all()
    assert 0 < scores.min() < scores.max() <= 1  # some topics come back more than others
    # The refits are the same fits at seeds 1-3: recompute the figure from them.
    refits = [ThemeDiscovery(random_state=s, text_is_pseudonymised=True).fit(
        comments, embeddings=x).topics_.clusters for s in (1, 2, 3)]
    assert topic_stability(plain, refits).tolist() == scores.tolist()
    again = ThemeDiscovery(random_state=0, stability=3, text_is_pseudonymised=True).fit(
        comments.iloc[::-1], embeddings=x[::-1]).topics_
    pd.testing.assert_frame_equal(again.topics, topics.topics)
    # An edited topic was not refitted: edits drop the column.
    merged = merge_topics(topics, list(topics.topic_ids[:2]))
    assert "stability" not in merged.topics.columns


@pytest.mark.parametrize("value", [-1, 1.5, True, "3"])
def test_stability_must_be_a_whole_number(demo, value):
    comments, x = demo
    with pytest.raises(InputError, match="'stability' parameter of ThemeDiscovery"):
        ThemeDiscovery(stability=value, text_is_pseudonymised=True).fit(comments, embeddings=x)


def test_discover_command_writes_stability_to_topics_info(demo, tmp_path: Path):
    from typer.testing import CliRunner

    from carevoice.cli import app

    comments, _ = demo
    source = tmp_path / "comments.csv"
    comments[~comments["text"].str.contains(r"\d")].to_csv(source, index=False)  # no numbers
    args = ["discover", str(source), "--output", str(tmp_path / "t.csv"), "--embedder",
            "hashing", "--already-pseudonymised", "--n-topics", "6"]
    done = CliRunner().invoke(app, [*args, "--topics-info", str(tmp_path / "info.csv"),
                                    "--stability", "2"])
    assert done.exit_code == 0, done.output
    info = pd.read_csv(tmp_path / "info.csv")
    assert info["stability"].between(0, 1).all() and len(info) == 6
    bad = CliRunner().invoke(app, [*args, "--stability", "-2"])
    assert bad.exit_code == 2
    assert "The --stability option must be a whole number, 0 or more. Got -2" in bad.output


@pytest.mark.model
def test_batch_topics_equal_the_command_reading_the_runs_embedding_cache(tmp_path: Path):
    """docs/batch.md: the batch's topics are the command's, byte for byte, when the command
    reads the vectors the run embedded (``--cache`` with the run's ``[embed] cache``): the
    packaged model's vectors of one text depend in their last bits on the batch it was
    embedded in, and those are what a fresh embedding changes."""
    from typer.testing import CliRunner

    from carevoice.batch import run_batch
    from carevoice.cli import app
    from carevoice.demo import load_demo

    corpus = load_demo()
    corpus.comments.head(120).to_csv(tmp_path / "comments.csv", index=False)
    corpus.respondents.to_csv(tmp_path / "respondents.csv", index=False)
    cache = tmp_path / "cache"
    toml = tmp_path / "run.toml"
    toml.write_text(
        '[run]\noutput = "run"\nchunk_size = 50\nprogress = false\nseed = 3\n'
        f'[input]\ncomments = "{(tmp_path / "comments.csv").as_posix()}"\n'
        f'respondents = "{(tmp_path / "respondents.csv").as_posix()}"\n'
        '[pseudonymise]\nuse_spacy = false\n'
        f'[embed]\nmodel = "minilm"\ncache = "{cache.as_posix()}"\n'
        '[discover]\nenabled = true\noptions = { n_topics = 6, low_confidence = 0.9 }\n',
        "utf-8")
    outputs = run_batch(toml).outputs
    by_hand = tmp_path / "by_hand.csv"
    done = CliRunner().invoke(app, [
        "discover", str(outputs["comments"]), "--output", str(by_hand), "--codes",
        str(outputs["codes"]), "--low-confidence", "0.9", "--n-topics", "6", "--seed", "3",
        "--cache", str(cache), "--already-pseudonymised"])
    assert done.exit_code == 0, done.output
    assert outputs["topics"].read_bytes() == by_hand.read_bytes()
