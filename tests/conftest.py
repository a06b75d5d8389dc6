"""Shared fixtures: tiny synthetic corpora, handed out as copies; a network blocker."""

from __future__ import annotations

import os
import socket

import pandas as pd
import pytest

from carevoice.safeguarding import SafeguardingConfig

#: The safeguarding screen's rules alone, for tests of reports and quotes that do not test the
#: screen: flagged comments are still withheld, and the packaged sentence-transformers model
#: (the similarity path's) is not loaded. Tests of the screen use the default.
SCREEN_RULES = SafeguardingConfig(similarity=False)


@pytest.fixture
def tiny_comments() -> pd.DataFrame:
    """Five fictional comments from three respondents, one of them blank."""
    return pd.DataFrame({
        "comment_id": ["c1", "c2", "c3", "c4", "c5"],
        "respondent_id": ["r1", "r1", "r2", "r3", "r3"],
        "question_id": ["better", "care_is", "better", "better", "anything"],
        "text": ["I want to see my brother more", "care is ok", "   ",
                 "new worker every time i blink", "n/a"],
    })


@pytest.fixture
def tiny_respondents() -> pd.DataFrame:
    """Closed answers of the three respondents of ``tiny_comments``."""
    return pd.DataFrame({
        "respondent_id": ["r1", "r2", "r3"],
        "age_group": ["8-10", "16-17", "11-13"],
        "feels_safe": ["always", "sometimes", "never"],
        "life_satisfaction": ["7", "4", "9"],
    })


#: Thread pools of the numerical libraries (torch, BLAS, OpenMP) that size themselves to every core
#: when they start.
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def pytest_configure(config: pytest.Config) -> None:
    """Give each pytest-xdist worker one thread per numerical library.

    With ``-n 2`` on two cores, every worker's torch and BLAS would start one thread per core:
    four busy threads on two cores, which made the model-heavy tests about a fifth slower
    (measured on four of them: 238 s against 192 s). Set here, in the controller before it starts
    the workers, the setting reaches them and every process they start (notebook kernels, CLI
    runs). A value the user has already set is kept; ``-n 0`` runs keep every core.
    """
    workers = getattr(config.option, "numprocesses", None)
    if workers in (None, 0, 1) or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach the network."""


def block_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every socket connection and name lookup fail; return the list of attempts."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise NetworkBlocked(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block the network for one test; return the list of attempts (should stay empty)."""
    return block_network(monkeypatch)
