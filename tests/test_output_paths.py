"""The output-path checks' own examples (carevoice._output_paths). Fictional data only."""

from __future__ import annotations

import doctest
import tempfile

import carevoice._output_paths as output_paths


def test_the_examples_leave_no_temporary_folder_behind(tmp_path, monkeypatch):
    # every temporary folder the examples make goes here, where it can be seen
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = doctest.testmod(output_paths, optionflags=doctest.ELLIPSIS)
    assert result.attempted and result.failed == 0
    assert list(tmp_path.iterdir()) == []
