"""Deeply nested pages: text below the parser's default depth limit (256) is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyweave.clean import clean
from storyweave.ingest import ingest
from storyweave.model import Article

BODY = (
    "<h1>Harbour council approves sea wall plan</h1>"
    "<p>The harbour council voted on Tuesday to build a new sea wall along the eastern quay, ending a "
    "two-year argument over how to protect the old fish market from winter storms.</p>"
    "<p>Councillor Ann Price said the wall would cost 4.2 million pounds and take eighteen months to "
    "finish, with work starting in the spring once the fishing season ends.</p>"
)


@pytest.mark.parametrize("depth", [300, 5000])
def test_ingest_deeply_nested_page_keeps_its_text(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Sea wall</title></head><body>"
                    + '<div class="wrap">' * depth + BODY + "</div>" * depth + "</body></html>")
    (article,) = list(ingest(str(page)))
    assert isinstance(article, Article)
    text = clean(article).text
    assert "eastern quay" in text
    assert "fishing season ends" in text
