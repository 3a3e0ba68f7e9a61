"""Shared fixtures: the seed articles (read in place, never copied) and saved pages."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    """The five founding seed articles in ``../shared/seeds`` next to the repository."""
    path = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed articles not found at {path}")
    return path


@pytest.fixture
def pages_dir() -> Path:
    """Saved HTML pages written for the tests (made-up content)."""
    return DATA / "pages"


@pytest.fixture
def examples_dir() -> Path:
    """The invented sample corpus shipped for the README demo."""
    return REPO / "examples"
