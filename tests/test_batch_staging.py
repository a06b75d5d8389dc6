"""The staging folders of batch runs (private copies of XLSX and UTF-16 inputs) are cleaned up
only when their process is gone *and* they are a day old: a run in another container or
sandbox that shares the temporary folder has a process id that looks dead from here."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import pytest

from carevoice.batch.runner import _STAGING_PREFIX, _staging_folder


@pytest.mark.skipif(os.name != "posix", reason="process ids are checked on POSIX only")
def test_a_fresh_folder_of_a_dead_process_is_kept_and_a_day_old_one_removed(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = int(done.stdout)
    fresh = tmp_path / f"{_STAGING_PREFIX}{dead}-fresh"
    old = tmp_path / f"{_STAGING_PREFIX}{dead}-old"
    for folder in (fresh, old):
        folder.mkdir()
        (folder / "input.parquet").write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    with _staging_folder(False) as staging:
        assert staging is None
    assert fresh.exists()
    assert not old.exists()
