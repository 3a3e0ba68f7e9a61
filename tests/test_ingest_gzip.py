"""Compressed inputs: a ``.gz`` file is decompressed a chunk at a time under the size limit."""

from __future__ import annotations

import builtins
import gzip
import os
from pathlib import Path
from typing import Any

import pytest

from storyweave.ingest import ingest
from storyweave.model import Article, InputFailure
from storyweave.options import Options

SMALL = Options(max_article_chars=50_000)  # 200,000 bytes of input at most
STORY = ("Harbour council approves sea wall plan\n\n"
         "The harbour council voted on Tuesday to build a new sea wall along the eastern quay.\n")


def _counting_open(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[int]:
    """Count the bytes ingest reads from ``target``."""
    read: list[int] = []
    real_open = builtins.open

    class Counting:
        def __init__(self, fh: Any) -> None:
            self._fh = fh

        def read(self, n: int = -1) -> bytes:
            data = self._fh.read(n)
            read.append(len(data))
            return data

        def __enter__(self) -> "Counting":
            return self

        def __exit__(self, *exc: object) -> None:
            self._fh.close()

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(file, mode, *args, **kwargs)
        return Counting(fh) if os.fspath(file) == str(target) and "b" in mode else fh

    monkeypatch.setattr(builtins, "open", fake_open)
    return read


def test_ingest_gzip_too_big_is_refused_after_reading_only_its_start(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # 16 MB of text, far over the limit; half of it compressed.
    path = tmp_path / "huge.txt.gz"
    path.write_bytes(gzip.compress(os.urandom(8 << 20).hex().encode(), compresslevel=1))
    read = _counting_open(monkeypatch, path)
    (failure,) = list(ingest(str(path), SMALL))
    assert isinstance(failure, InputFailure)
    assert "over the limit of 50,000 characters" in failure.reason
    assert sum(read) < path.stat().st_size / 4  # stopped early, not read whole


def test_ingest_gzip_under_the_limit_is_read_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Incompressible padding makes the compressed file span many chunks.
    text = STORY + "\n" + " ".join(os.urandom(20_000).hex()[i:i + 12] for i in range(0, 40_000, 12))
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(text.encode()))
    read = _counting_open(monkeypatch, path)
    (article,) = list(ingest(str(path), SMALL))
    assert isinstance(article, Article)
    assert article.title == "Harbour council approves sea wall plan"
    assert len(read) > 1


def test_ingest_gzip_cut_short_says_so(tmp_path: Path) -> None:
    data = gzip.compress((STORY * 2000).encode())
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    (failure,) = list(ingest(str(path)))
    assert isinstance(failure, InputFailure)
    assert failure.reason == "the gzip file is cut short; re-compress or re-download it"


def test_ingest_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * (32 << 20)))  # 32 MB from about 32 KB
    (failure,) = list(ingest(str(path), SMALL))
    assert isinstance(failure, InputFailure)
    assert "over the limit of 50,000 characters" in failure.reason
