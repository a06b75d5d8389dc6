"""The code and the tutorials pass ruff with the project settings (pyproject.toml; ruff pinned)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is part of the [test] extra: pip install -e '.[dev]'"
    done = subprocess.run([ruff, "check", "--no-cache", "carevoice", "tests", "benchmarks",
                           "corpora", "notebooks"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
