"""The staging folders of batch runs (private copies of XLSX, SPSS, Stata and UTF-16 inputs).

Each run holds a lock on its folder for its life; another run's clean-up removes a folder only
when it can take that lock. The runs here are real processes sharing a temporary folder.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from carevoice.batch.staging import STAGING_PREFIX, staging_folder

#: A run that stages its input, says where, and waits for a line on stdin before it ends. With
#: HANDOVER set, the process that made the folder ends at once and a child it forked carries on
#: with the folder (and the lock): its process id then looks dead, as a run's does from another
#: container or sandbox that shares the temporary folder.
_RUN = textwrap.dedent("""
    import os, sys
    from carevoice.batch.staging import staging_folder

    with staging_folder(True) as folder:
        (folder / "comments.parquet").write_bytes(b"original text would be here")
        if os.environ.get("HANDOVER") and os.fork():
            os._exit(0)
        print(folder, flush=True)
        sys.stdin.readline()
""")

#: Another run's clean-up: a run whose input needs no staging.
_CLEAN = ("from carevoice.batch.staging import staging_folder\n"
          "with staging_folder(False) as folder:\n    assert folder is None\n")


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp),
            "PYTHONPATH": path, **extra}


def _start(tmp: Path, **extra: str) -> tuple[subprocess.Popen[str], Path]:
    proc = subprocess.Popen([sys.executable, "-c", _RUN], env=_env(tmp, **extra), text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line, "the staging process ended early"
    return proc, Path(line)


def _clean_up(tmp: Path) -> None:
    subprocess.run([sys.executable, "-c", _CLEAN], env=_env(tmp), check=True)


@pytest.fixture()
def tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.glob(f"{STAGING_PREFIX}*"))


def test_a_live_runs_folder_survives_another_runs_clean_up(tmp: Path) -> None:
    proc, folder = _start(tmp)
    try:
        assert folder.parent == tmp and folder.name.startswith(STAGING_PREFIX)
        if os.name == "posix":
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        _clean_up(tmp)
        assert (folder / "comments.parquet").exists()
    finally:
        proc.communicate("\n", timeout=60)
    assert proc.returncode == 0
    assert _leftovers(tmp) == []  # its run removed it, and its lock file


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_live_run_whose_process_id_looks_dead_keeps_its_folder(tmp: Path) -> None:
    proc, folder = _start(tmp, HANDOVER="1")
    assert proc.wait(timeout=60) == 0  # the process that made the folder has gone
    try:
        _clean_up(tmp)
        assert (folder / "comments.parquet").exists()
        with staging_folder(False):  # and from this process
            pass
        assert (folder / "comments.parquet").exists()
    finally:
        # the pipes are the forked run's now: it has ended once its end of stdout closes
        proc.communicate("\n", timeout=60)
    assert _leftovers(tmp) == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_runs_folder_is_removed_by_the_next_run(tmp: Path) -> None:
    proc, folder = _start(tmp)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert (folder / "comments.parquet").exists()  # left behind
    _clean_up(tmp)
    assert not folder.exists()
    assert _leftovers(tmp) == []


def test_a_run_in_the_same_process_keeps_the_other_runs_folder(tmp: Path) -> None:
    with staging_folder(True) as first:
        assert first is not None
        with staging_folder(True) as second:
            assert second is not None and second != first
            assert first.exists()
        assert not second.exists()
        assert first.exists()
    assert _leftovers(tmp) == []


def test_an_older_versions_folder_follows_its_process(tmp: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          check=True, capture_output=True, text=True)
    gone = tmp / f"{STAGING_PREFIX}{int(dead.stdout)}-abcd1234"
    live = tmp / f"{STAGING_PREFIX}{os.getpid()}-abcd1234"
    for folder in (gone, live):
        folder.mkdir()
        (folder / "comments.parquet").write_bytes(b"x")
    with staging_folder(False):
        pass
    assert live.exists()
    assert gone.exists() == (os.name != "posix")  # Windows: left alone, as before
