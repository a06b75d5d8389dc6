"""Sparse-coding topics: ``ThemeDiscovery(method="sparse")``, its edits, predict and CLI."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice import HashingEmbedder, InputError
from carevoice.discover import (
    OUTLIER,
    ThemeDiscovery,
    Topics,
    merge_topics,
    plot_topic_map,
    reject_topic,
    rename_topic,
    split_topic,
)
from carevoice.discover.sparse import CODE_ALPHA, CODE_THRESHOLD
from carevoice.errors import OutlierWarning

from ._apps import discover_app

WORDS = ["brother sister contact visit", "money allowance rent bills",
         "social worker changing agency", "school college exams tutor"]


def _corpus() -> tuple[pd.DataFrame, np.ndarray]:
    """Fictional comments: 8 near each of four directions, 6 mixing two, 2 blank."""
    rng = np.random.default_rng(0)
    eye = np.eye(16)
    rows = [eye[g] + 0.08 * rng.normal(size=16) for g in range(4) for _ in range(8)]
    texts = [f"{WORDS[g]} comment {i}" for g in range(4) for i in range(8)]
    for i, (a, b) in enumerate([(0, 1), (0, 1), (1, 2), (1, 2), (2, 3), (2, 3)]):
        rows.append(eye[a] + 0.8 * eye[b] + 0.05 * rng.normal(size=16))
        texts.append(f"{WORDS[a]} and {WORDS[b]} mixed {i}")
    rows.extend([0.1 * rng.normal(size=16), 0.1 * rng.normal(size=16)])
    texts.extend(["", "   "])
    x = np.vstack(rows)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    frame = pd.DataFrame({"comment_id": [f"s{i:02d}" for i in range(len(texts))],
                          "text": texts})
    return frame, x


@pytest.fixture(scope="module")
def fitted() -> ThemeDiscovery:
    frame, x = _corpus()
    return ThemeDiscovery(method="sparse", n_topics=4).fit(frame, embeddings=x)


def _memberships(assignments: pd.DataFrame) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for cid, t in zip(assignments["comment_id"], assignments["topic"], strict=True):
        out.setdefault(str(cid), []).append(int(t))
    return out


def _groups(memberships: dict[str, list[int]] | dict[str, set[int]]) -> list[frozenset[str]]:
    """The topics as sets of comment_ids (ids differ between runs; contents must not)."""
    groups: dict[int, set[str]] = {}
    for cid, ts in memberships.items():
        for t in ts:
            groups.setdefault(t, set()).add(cid)
    return sorted((frozenset(g) for t, g in groups.items() if t != OUTLIER), key=sorted)


def test_memberships_are_the_lasso_codes_rule(fitted):
    # An independent fit of the registered sc_auto: scikit-learn's DictionaryLearning on the
    # unit vectors of the answered comments in comment_id order, a comment in the (at most
    # three) atoms whose code exceeds 0.05. k-means would put each comment in one cluster and
    # never give the mixed comments two topics by their codes.
    from sklearn.decomposition import DictionaryLearning

    frame, x = _corpus()
    answered = frame["text"].str.strip() != ""
    code = DictionaryLearning(n_components=4, alpha=CODE_ALPHA, max_iter=100, tol=1e-6,
                              fit_algorithm="cd", transform_algorithm="lasso_cd",
                              transform_alpha=CODE_ALPHA, positive_code=True, random_state=0,
                              transform_max_iter=2000).fit_transform(x[answered.to_numpy()])
    expected: dict[str, set[int]] = {}
    for cid, c in zip(frame.loc[answered, "comment_id"], code, strict=True):
        order = np.argsort(-c, kind="stable")[:3]
        expected[cid] = {int(a) for a in order if c[a] > CODE_THRESHOLD} or {OUTLIER}
    got = _memberships(fitted.topics_.assignments)
    assert _groups(got) == _groups(expected)
    assert {c for c, ts in got.items() if ts == [OUTLIER]} == {"s38", "s39"}  # the blanks
    # each primary topic is the largest code
    primary = fitted.topics_.assignments[fitted.topics_.assignments["primary"]]
    codes = fitted.topics_.sparse
    for cid, t in zip(primary["comment_id"], primary["topic"], strict=True):
        if t != OUTLIER:
            row = codes.codes[frame.index[frame["comment_id"] == cid][0]]
            assert codes.ids[int(np.argmax(row))] == t
    mixed = [c for c, ts in got.items() if len(ts) > 1]
    assert mixed and set(mixed) <= {f"s{i}" for i in range(32, 38)}


def test_topics_are_the_usual_value(fitted):
    topics = fitted.topics_
    assert isinstance(topics, Topics) and topics.topic_ids == (0, 1, 2, 3)
    held = topics.assignments.groupby("topic")["comment_id"].nunique()
    assert topics.topics.set_index("topic")["size"].to_dict() == held.drop(OUTLIER).to_dict()
    assert (topics.topics["n_primary"] <= topics.topics["size"]).all()
    assert (topics.assignments.groupby("comment_id")["primary"].sum() == 1).all()
    assert topics.assignments.groupby("comment_id").size().max() <= 3
    assert all(len(r) == 5 for r in topics.topics["representative"])
    labels = " ".join(topics.topics["label"])
    for word in ("sister", "money", "social worker", "school"):
        assert word in labels or any(word in " ".join(k) for k in topics.topics["keywords"])
    assert topics.describe().shape[0] == 4
    assert plot_topic_map(topics) is not None


def test_two_runs_and_any_seed_are_identical():
    frame, x = _corpus()
    a = ThemeDiscovery(method="sparse", n_topics=4).fit(frame, embeddings=x)
    b = ThemeDiscovery(method="sparse", n_topics=4, random_state=5).fit(frame, embeddings=x)
    pd.testing.assert_frame_equal(a.topics_.assignments, b.topics_.assignments)
    pd.testing.assert_frame_equal(a.topics_.topics, b.topics_.topics)
    assert a.topics_.sparse.codes.tobytes() == b.topics_.sparse.codes.tobytes()
    assert a.topics_.to_table().to_csv(index=False) == b.topics_.to_table().to_csv(index=False)


def test_row_order_does_not_matter(fitted):
    frame, x = _corpus()
    order = np.random.default_rng(1).permutation(len(frame))
    shuffled = ThemeDiscovery(method="sparse", n_topics=4).fit(
        frame.iloc[order].reset_index(drop=True), embeddings=x[order]).topics_
    assert list(shuffled.comments["comment_id"]) == list(frame["comment_id"].iloc[order])
    key = ["comment_id", "topic", "primary"]
    mine = shuffled.assignments.sort_values(key).reset_index(drop=True)
    theirs = fitted.topics_.assignments.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, theirs)
    pd.testing.assert_frame_equal(shuffled.topics, fitted.topics_.topics)


def test_edits_follow_the_codes(fitted):
    topics = fitted.topics_
    by_cid = _memberships(topics.assignments)
    a, b = topics.topic_ids[:2]
    merged = merge_topics(topics, [a, b], label="merged")
    assert merged.topic_ids == tuple(t for t in topics.topic_ids if t != b)
    assert merged.sparse.ids == merged.topic_ids
    col = merged.sparse.ids.index(a)
    before = topics.sparse.codes[:, [topics.sparse.ids.index(a), topics.sparse.ids.index(b)]]
    assert np.allclose(merged.sparse.codes[:, col], before.sum(axis=1))
    inside = {c for c, ts in by_cid.items() if a in ts or b in ts}
    assert set(merged.members(a)["comment_id"]) == inside
    assert merged.topics.set_index("topic").loc[a, "label"] == "merged"

    split = split_topic(merged, a, 2)
    assert len(split.topic_ids) == 4 and max(split.topic_ids) == max(topics.topic_ids) + 1
    assert split.sparse.ids == split.topic_ids
    assert set(split.members(a)["comment_id"]) | set(
        split.members(max(split.topic_ids))["comment_id"]) == inside

    rejected = reject_topic(topics, a)
    assert a not in rejected.topic_ids and rejected.sparse.ids == rejected.topic_ids
    after = _memberships(rejected.assignments)
    for cid, ts in by_cid.items():  # each comment keeps its other topics, largest code first
        rest = [t for t in ts if t != a]
        assert after[cid] == (rest or [OUTLIER])
    pinned = reject_topic(topics, b, reassign=False)
    assert all(_memberships(pinned.assignments)[c] == [OUTLIER]
               for c, ts in by_cid.items() if ts[0] == b)
    renamed = rename_topic(topics, a, "family")
    assert renamed.sparse is topics.sparse
    assert topics.history == ()


def test_predict_codes_new_comments_like_the_fit(fitted):
    frame, x = _corpus()
    again = fitted.predict(frame, embeddings=x)
    pd.testing.assert_frame_equal(again, fitted.topics_.assignments)
    topics = fitted.topics_
    a, b = topics.topic_ids[:2]
    merged = merge_topics(topics, [a, b])
    for edited in (reject_topic(topics, a), merged, split_topic(merged, a, 2),
                   reject_topic(split_topic(topics, a, 2), b)):
        predicted = fitted.predict(frame, topics=edited, embeddings=x)
        assert _memberships(predicted) == _memberships(edited.assignments), edited.history


def test_an_edit_never_changes_the_dictionary(fitted):
    topics = fitted.topics_
    merged = merge_topics(topics, list(topics.topic_ids[:2]))
    split = split_topic(merged, topics.topic_ids[0], 2)
    for edited in (merged, split, reject_topic(split, topics.topic_ids[2])):
        assert edited.sparse.atoms is topics.sparse.atoms
        assert edited.sparse.atom_codes.tobytes() == topics.sparse.atom_codes.tobytes()
        assert np.allclose(edited.sparse.codes.sum(axis=1), topics.sparse.codes.sum(axis=1)) \
            or "reject" in edited.history[-1]


def test_centre_and_stability_and_method_are_checked():
    frame, x = _corpus()
    with pytest.raises(InputError, match="'method' parameter.*'kmeans', 'sparse'"):
        ThemeDiscovery(method="nmf").fit(frame, embeddings=x)
    with pytest.raises(InputError, match="'centre' parameter.*method='sparse' only"):
        ThemeDiscovery(centre=True).fit(frame, embeddings=x)
    with pytest.raises(InputError, match="'stability' parameter.*method='sparse'"):
        ThemeDiscovery(method="sparse", stability=2).fit(frame, embeddings=x)
    centred = ThemeDiscovery(method="sparse", centre=True, n_topics=4).fit(frame, embeddings=x)
    assert centred.topics_.sparse.threshold == 0.0 and centred.topics_.sparse.mean is not None
    assert ThemeDiscovery().get_params()["method"] == "kmeans"


@pytest.mark.parametrize(("name", "value"), [
    ("reducer", "umap"), ("n_components", 5), ("n_neighbors", 30), ("min_similarity", 0.3),
    ("second_similarity", 0.4), ("second_margin", 0.2), ("membership", "similarity"),
    ("member_probability", 0.7)])
def test_a_kmeans_setting_is_refused_not_ignored_by_sparse_topics(name, value):
    # it changed nothing with method="sparse": a researcher would believe it had
    frame, x = _corpus()
    with pytest.raises(InputError, match=f"'{name}' parameter.*k-means topics only.*'kmeans'"):
        ThemeDiscovery(method="sparse", **{name: value}).fit(frame, embeddings=x)
    # at its default it is no setting, and k-means takes it
    default = ThemeDiscovery().get_params()[name]
    ThemeDiscovery(method="sparse", n_topics=4, **{name: default}).fit(frame, embeddings=x)
    ThemeDiscovery(n_topics=4, **{name: value})._check_params()


def test_cli_refuses_a_kmeans_option_with_method_sparse(tmp_path):
    frame, _ = _corpus()
    frame.to_csv(tmp_path / "c.csv", index=False)
    result = CliRunner().invoke(discover_app(), [
        "discover", str(tmp_path / "c.csv"), "--output", str(tmp_path / "t.csv"),
        "--embedder", "hashing", "--method", "sparse", "--reducer", "umap"])
    assert result.exit_code == 2
    assert "The --reducer option applies to k-means topics only" in result.output
    assert "set the --method option to 'kmeans'" in result.output
    assert not (tmp_path / "t.csv").exists()


_app = discover_app


def test_cli_method_sparse(tmp_path):
    import json

    # every third comment names a second group's words: the methods give it other topics
    texts = [f"{WORDS[i % 4]} {WORDS[(i // 4) % 4] if i % 3 == 0 else ''} {i}"
             for i in range(40)]
    frame = pd.DataFrame({"comment_id": [f"q{i:02d}" for i in range(40)], "text": texts})
    frame.to_csv(tmp_path / "comments.csv", index=False)
    outputs = []
    for method in ("sparse", "sparse", "kmeans"):
        out = tmp_path / f"topics{len(outputs)}.csv"
        result = CliRunner().invoke(_app(), [
            "discover", str(tmp_path / "comments.csv"), "--output", str(out), "--embedder",
            "hashing", "--method", method, "--n-topics", "4", "--already-pseudonymised",
            "--topics-info", str(tmp_path / f"info{len(outputs)}.csv")])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] != outputs[2]
    from carevoice.provenance import manifest_path

    manifest = json.loads(manifest_path(tmp_path / "topics0.csv").read_text())
    assert manifest["settings"]["method"] == "sparse"
    expected = ThemeDiscovery(HashingEmbedder(), method="sparse", n_topics=4,
                              text_is_pseudonymised=True).fit(frame).topics_.to_table()
    table = pd.read_csv(tmp_path / "topics0.csv", dtype={"comment_id": str})
    assert table["topic"].tolist() == expected["topic"].tolist()
    bad = CliRunner().invoke(_app(), ["discover", str(tmp_path / "comments.csv"), "--output",
                                      str(tmp_path / "x.csv"), "--embedder", "hashing",
                                      "--method", "lda"])
    assert bad.exit_code == 2 and "method" in bad.output
    centred = CliRunner().invoke(_app(), [
        "discover", str(tmp_path / "comments.csv"), "--output", str(tmp_path / "c.csv"),
        "--embedder", "hashing", "--method", "sparse", "--centre", "--n-topics", "4",
        "--already-pseudonymised"])
    assert centred.exit_code == 0, centred.output
    assert json.loads(manifest_path(tmp_path / "c.csv").read_text())["settings"]["centre"]
    refused = CliRunner().invoke(_app(), [
        "discover", str(tmp_path / "comments.csv"), "--output", str(tmp_path / "s.csv"),
        "--embedder", "hashing", "--method", "sparse", "--stability", "2"])
    assert refused.exit_code == 2 and "--stability" in refused.output
    assert not (tmp_path / "s.csv").exists()


# ---------------------------------------------------------------- many outliers: a warning
def test_a_fit_that_leaves_many_comments_out_warns_once():
    frame, x = _corpus()
    for centre in (False, True):
        with pytest.warns(OutlierWarning) as caught:
            model = ThemeDiscovery(method="sparse", n_topics=2, centre=centre).fit(
                frame, embeddings=x)
        assert len(caught) == 1
        share = model.topics_.outlier_share
        assert share > 0.15
        said = str(caught[0].message)
        assert said.startswith(f"{share:.1%} of the answered comments have no topic")
        assert f'method="sparse"{", centre=True" if centre else ""} at 2 topics' in said
        assert 'k-means, the default (method="kmeans")' in said
        assert 'more topics (n_topics; n_topics="auto" gives' in said
        assert caught[0].filename == __file__  # the caller's line, not the library's
    # within the limit, and k-means, say nothing (warnings are errors in the suite)
    assert ThemeDiscovery(method="sparse", n_topics=4, centre=True).fit(
        frame, embeddings=x).topics_.outlier_share <= 0.15
    ThemeDiscovery(n_topics=2).fit(frame, embeddings=x)


def test_cli_shows_the_outlier_warning_once_naming_its_options(tmp_path):
    texts = [f"{WORDS[i % 4]} {WORDS[(i // 4) % 4] if i % 3 == 0 else ''} {i}"
             for i in range(40)]
    pd.DataFrame({"comment_id": [f"q{i:02d}" for i in range(40)], "text": texts}).to_csv(
        tmp_path / "comments.csv", index=False)
    args = ["discover", str(tmp_path / "comments.csv"), "--output", str(tmp_path / "t.csv"),
            "--embedder", "hashing", "--method", "sparse", "--centre",
            "--already-pseudonymised", "--n-topics"]
    result = CliRunner().invoke(_app(), [*args, "2"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert said.count("warning:") == 1 and said.count("have no topic") == 1
    assert ("warning: 40.0% of the answered comments have no topic (outliers) with --method "
            "sparse --centre at 2 topics, more than 15%") in said
    assert "(--method kmeans)" in said and "(--n-topics; --n-topics auto gives" in said
    assert 'method="' not in said
    quiet = CliRunner().invoke(_app(), [*args, "4"])
    assert quiet.exit_code == 0 and "warning" not in quiet.output
