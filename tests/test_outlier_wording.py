"""Discovery's outlier warning in the words of whoever gave the settings.

``ThemeDiscovery(method="sparse")`` warns (:class:`carevoice.errors.OutlierWarning`) when more
than 15% of the answered comments get no topic, naming its Python arguments; ``carevoice
discover`` says it in its options. A batch run (``[discover] options`` in the settings file)
and ``carevoice demo --discover-method sparse`` said it in Python's words too
(``method="sparse", centre=True``), which their users never typed. Fictional comments only.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from carevoice._argnames import typed_names
from carevoice.batch import run_batch
from carevoice.cli import app
from carevoice.discover import ThemeDiscovery
from carevoice.discover.sparse import outliers_said
from carevoice.embed import HashingEmbedder
from carevoice.errors import OutlierWarning
from carevoice.pipeline import _demo_outliers

WORDS = ["brother sister contact visit", "money allowance rent bills",
         "social worker changing agency", "school college exams tutor"]


def _comments(folder: Path) -> Path:
    texts = [f"{WORDS[i % 4]} {WORDS[(i // 4) % 4] if i % 3 == 0 else ''} {i}"
             for i in range(40)]
    path = folder / "comments.csv"
    pd.DataFrame({"comment_id": [f"q{i:02d}" for i in range(40)], "text": texts}).to_csv(
        path, index=False)
    return path


def _pipeline(folder: Path, n_topics: int) -> Path:
    _comments(folder)
    toml = folder / f"p{n_topics}.toml"
    toml.write_text(
        f'[run]\noutput = "run{n_topics}"\nprogress = false\nseed = 0\n'
        '[input]\ncomments = "comments.csv"\n'
        # made-up word lists: the wording is tested, not what a model reads in them
        '[pseudonymise]\nuse_spacy = false\nuse_learned = false\n'
        '[embed]\nmodel = "hashing"\n[discover]\nenabled = true\n'
        'options = { method = "sparse", centre = true, low_confidence = 1.0, '
        f'n_topics = {n_topics} }}\n', "utf-8")
    return toml


@pytest.mark.slow
def test_a_batch_run_says_it_in_its_settings_words_once(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(_pipeline(tmp_path, 2)), "--no-progress"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert said.count("have no topic") == 1 and said.count("warning:") == 1
    # the share depends on the pseudonymised text; the words around it are what is tested
    assert re.search(r'warning: \d+\.\d% of the answered comments have no topic \(outliers\) '
                     r'with \[discover\] options method = "sparse", centre = true at 2 topics, '
                     r'more than 15%', said), said
    assert '([discover] options method = "kmeans")' in said
    assert '([discover] options n_topics; n_topics = "auto" gives' in said
    assert 'method="' not in said and "centre=True" not in said
    # Python: the same settings file, the same words, one warning of the same class
    with pytest.warns(OutlierWarning) as caught:
        run_batch(_pipeline(tmp_path, 2), resume=False)
    assert len(caught) == 1
    share = caught[0].message.share
    assert share > 0.15
    assert str(caught[0].message).startswith(
        f'{share:.1%} of the answered comments have no topic (outliers) with [discover] options '
        'method = "sparse", centre = true')
    # within the limit: nothing said (warnings are errors in the suite)
    quiet = CliRunner().invoke(app, ["run", str(_pipeline(tmp_path, 4)), "--no-progress"])
    assert quiet.exit_code == 0 and "warning" not in quiet.output


def _fit_that_leaves_many_out() -> None:
    rng = np.random.default_rng(0)
    eye = np.eye(16)
    x = np.array([eye[g] + 0.08 * rng.normal(size=16) for g in range(4) for _ in range(8)])
    frame = pd.DataFrame({"comment_id": [f"c{i}" for i in range(32)],
                          "text": [f"{WORDS[i // 8]} {i}" for i in range(32)]})
    ThemeDiscovery(HashingEmbedder(), method="sparse", n_topics=2).fit(frame, embeddings=x)


def test_the_demo_says_it_with_its_option_or_its_argument() -> None:
    # carevoice demo records its options as the commands do (typed_command): the demo's
    # discovery is wrapped in outliers_said(_demo_outliers) in run_demo
    with typed_names({"discover_method": "--discover-method"}), pytest.warns(
            OutlierWarning) as caught, outliers_said(_demo_outliers):
        _fit_that_leaves_many_out()
    assert len(caught) == 1
    said = str(caught[0].message)
    assert "with --discover-method sparse at 2 topics" in said
    assert "k-means, the default (--discover-method kmeans);" in said
    assert 'method="' not in said and "n_topics" not in said  # the demo has no such option
    with pytest.warns(OutlierWarning) as caught, outliers_said(_demo_outliers):
        _fit_that_leaves_many_out()  # run_demo(discover_method="sparse") in Python
    said = str(caught[0].message)
    assert 'with discover_method="sparse" at 2 topics' in said
    assert '(discover_method="kmeans")' in said


def test_run_demo_wraps_its_discovery() -> None:
    import inspect

    from carevoice import pipeline

    source = inspect.getsource(pipeline.run_demo)
    assert "with outliers_said(_demo_outliers):" in source


def test_other_warnings_pass_through_as_they_were() -> None:
    def say(found: OutlierWarning) -> str:
        return "reworded"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with outliers_said(say):
            warnings.warn("something else", UserWarning, stacklevel=1)
            _fit_that_leaves_many_out()
    assert [(w.category, str(w.message)) for w in caught] == [
        (UserWarning, "something else"), (OutlierWarning, "reworded")]
