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


SHARED = REPO.parent / "shared"


def _analyse(folder: Path) -> dict:
    from storyweave.pipeline import analyze
    from storyweave.store import open_store

    with open_store(":memory:") as store:
        analysis, failures = analyze([str(folder)], store=store)
    assert not failures, failures
    return analysis


@pytest.fixture(scope="session")
def seed_analysis() -> dict:
    """The analysis JSON of the five seed articles, computed once per test session."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed articles not found at {path}")
    return _analyse(path)


@pytest.fixture(scope="session")
def polnear_train() -> dict[str, str]:
    """PolNeAR's training articles (``../shared/data/polnear``), text by file name: real
    reports to hold a reading the parser makes hard to write in an invented sentence."""
    import gzip
    import json

    path = SHARED / "data" / "polnear" / "train.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"PolNeAR not found at {path}")
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        return {row["filename"]: row["text"] for row in map(json.loads, rows)}


@pytest.fixture(scope="session")
def example_analysis() -> dict:
    """The analysis JSON of the invented sample corpus in ``examples/``."""
    return _analyse(REPO / "examples")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-contract", action="store_true", help="rewrite tests/data/analysis_contract.json")
