"""Shared fixtures. ctest runs this suite with PYTHONPATH at the package in the
build tree and JADWAL_SOURCE_DIR at the project root."""

import os
import pathlib

import pytest

import jadwal

SOURCE_DIR = pathlib.Path(os.environ.get("JADWAL_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))
SMALL = SOURCE_DIR / "examples" / "small" / "scenario.yaml"
BAD = SOURCE_DIR / "tests" / "data" / "bad"

#: Quick and deterministic: no time limit, a move limit.
MOVES = 20_000


@pytest.fixture(scope="session")
def small_path() -> pathlib.Path:
    return SMALL


@pytest.fixture
def scenario() -> jadwal.Scenario:
    """A fresh copy of the small example (tests may edit it)."""
    return jadwal.load(SMALL)


@pytest.fixture(scope="session")
def plan() -> jadwal.Solution:
    """The small example planned under its `flexible` policy (the default one places nothing)."""
    return jadwal.solve(jadwal.load(SMALL), policy="flexible", seed=1, max_moves=MOVES)
