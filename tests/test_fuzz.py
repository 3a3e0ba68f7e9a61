"""Fuzzing ingest, clean and the JSONL reader with hypothesis (issue 11).

Whatever the bytes, reading them yields articles or one-line failure records naming the
input; nothing else escapes (a :class:`~storyweave.errors.StoryweaveError` from clean is
turned into a failure by the pipeline, anything else fails the test). Derandomized, with
a fixed number of examples, so CI runs the same few thousand cases every time.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.clean import clean
from storyweave.errors import StoryweaveError
from storyweave.ingest import ingest
from storyweave.model import Article, InputFailure
from storyweave.options import Options
from storyweave.pipeline import read_sources

#: Small limit, so that the size checks are reached by generated inputs too.
OPTIONS = Options(max_article_chars=5_000)


def _fuzz(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="storyweave-fuzz-") as tmp:
        yield Path(tmp)


def _read(path: Path) -> list[Article | InputFailure]:
    """Ingest then clean, as the pipeline does; only documented errors are allowed."""
    out: list[Article | InputFailure] = []
    for item in ingest(str(path), OPTIONS):
        if isinstance(item, InputFailure):
            out.append(item)
            continue
        assert isinstance(item, Article)
        try:
            out.append(clean(item, OPTIONS))
        except StoryweaveError as exc:
            out.append(InputFailure(item.location, str(exc)))
    return out


def _check(items: list[Article | InputFailure], path: Path) -> None:
    assert items, "every input yields an article or a failure"
    for item in items:
        if isinstance(item, InputFailure):
            assert item.source.startswith(str(path)), item
            assert item.reason.strip() and "\n" not in str(item), item
        else:
            assert isinstance(item.text, str) and isinstance(item.title, str)
            assert len(item.id) == 16
            assert len(item.text) <= OPTIONS.max_article_chars
            item.text.encode("utf-8")  # storable and printable: no lone surrogates
            item.title.encode("utf-8")
            json.dumps(item.to_json(), ensure_ascii=False).encode("utf-8")


_PROSE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
_SURROGATE = st.sampled_from(["\ud800", "\udc00", "\udbff\udbff", "\udfff"])
#: Any text, lone surrogates included (JSON can escape them; they must not leak through).
_ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=400) | st.builds(
    lambda a, s, b: a + s + b, _PROSE, _SURROGATE, _PROSE)


@_fuzz(1500)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".xml", ""]))
def test_fuzz_ingest_any_bytes(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"bytes{suffix}"
    path.write_bytes(data)
    _check(_read(path), path)


@_fuzz(300)
@given(data=st.binary(max_size=2000))
def test_fuzz_ingest_gzip_of_any_bytes(folder: Path, data: bytes) -> None:
    path = folder / "packed.txt.gz"
    whole = gzip.compress(data, mtime=0)
    path.write_bytes(whole[: max(2, len(whole) * 3 // 4)] if data[:1] == b"\x00" else whole)
    _check(_read(path), path)


@_fuzz(600)
@given(title=_PROSE, paragraphs=st.lists(_PROSE, max_size=6), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_fuzz_ingest_text_files(folder: Path, title: str, paragraphs: list[str], encoding: str) -> None:
    path = folder / "article.txt"
    path.write_bytes((title + "\n\n" + "\n\n".join(paragraphs)).encode(encoding, "surrogatepass"))
    items = _read(path)
    _check(items, path)


_TAGS = st.sampled_from(["p", "div", "article", "main", "script", "style", "h1", "title", "a", "span", "iframe",
                         "table", "td", "li", "ul", "br", "body", "head", "html", "meta", "svg", "template"])
_ATTRS = st.sampled_from(["", " class='x'", " onclick='alert(1)'", " href='javascript:alert(1)'", " charset='utf-8'",
                          " property='og:title' content='T'", " lang='ru'", " style='x:expression(1)'", " id=\"a\""])


@st.composite
def _html_pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{draw(_TAGS)}{draw(_ATTRS)}>")
        elif kind == 1:
            parts.append(f"</{draw(_TAGS)}>")
        elif kind == 2:
            parts.append(draw(_PROSE))
        else:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;",
                                                "&#x10FFFF;", "<?xml version='1.0'?>", "<!doctype html>", "<"])))
    return "".join(parts)


@_fuzz(400)
@given(page=_html_pages())
def test_fuzz_ingest_and_clean_html(folder: Path, page: str) -> None:
    path = folder / "page.html"
    path.write_bytes(page.encode("utf-8"))
    _check(_read(path), path)


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _ANY_TEXT
_JSON = st.recursive(_JSON_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_PROSE, inner, max_size=3),
                     max_leaves=8)
_FIELDS = ["id", "title", "text", "html", "url", "source", "published", "language"]


@st.composite
def _jsonl_lines(draw: st.DrawFn) -> list[str]:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 5))
        if kind == 5:  # \u escapes JSON allows but UTF-8 cannot hold (lone surrogates)
            lines.append(json.dumps({"title": draw(_ANY_TEXT), "text": draw(_PROSE) + draw(_SURROGATE)}))
        elif kind <= 2:  # an article-like object with any values in its fields
            obj = {k: draw(_JSON | _PROSE) for k in draw(st.lists(st.sampled_from(_FIELDS), unique=True, max_size=8))}
            if kind == 0:
                obj["text"] = draw(_PROSE)
            lines.append(json.dumps(obj, ensure_ascii=draw(st.booleans())))
        elif kind == 3:  # any JSON value
            lines.append(json.dumps(draw(_JSON)))
        else:  # any text, usually not JSON
            lines.append(draw(_PROSE).replace("\n", " ").replace("\r", " "))
    return lines


@_fuzz(1000)
@given(lines=_jsonl_lines())
def test_fuzz_jsonl_reader_one_outcome_per_line(folder: Path, lines: list[str]) -> None:
    path = folder / "dump.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
    items = list(ingest(str(path), OPTIONS))
    _check(items, path)
    filled = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if not filled:
        assert len(items) == 1 and isinstance(items[0], InputFailure)
        return
    # One article or one failure per non-blank line, in order, named FILE:LINE.
    assert [item.location if isinstance(item, Article) else item.source for item in items] == [f"{path}:{n}" for n in filled]
    result = read_sources([str(path)], OPTIONS)  # clean too: nothing escapes the pipeline
    assert len(result.articles) + len(result.failures) <= len(filled)
