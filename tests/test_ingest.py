"""Tests for storyweave.ingest: what a user sees when files, folders, JSONL and stdin are read."""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import re
from pathlib import Path

import importlib

import pytest

# The package exports the function ingest under the module's name: fetch the module itself.
ingest_module = importlib.import_module("storyweave.ingest")
from storyweave.ingest import ingest
from storyweave.model import Article, InputFailure
from storyweave.options import Options


def articles(items: list[Article | InputFailure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def failures(items: list[Article | InputFailure]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


def write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


GOOD = "Harbour Gates Close for the Winter\n\nThe harbour gates closed on Monday.\n\nThey reopen in March.\n"


# --- the seed articles --------------------------------------------------------------


def test_ingest_seed_folder_yields_one_article_per_file_in_path_order(seeds_dir: Path) -> None:
    items = list(ingest(str(seeds_dir)))
    assert failures(items) == []
    got = articles(items)
    files = sorted(seeds_dir.iterdir())
    assert [a.source for a in got] == [f.stem for f in files]
    assert [a.location for a in got] == [str(f) for f in files]
    for article, file in zip(got, files):
        first_line = next(line for line in file.read_text().split("\n") if line.strip())
        assert article.title == first_line.strip()
        assert article.input_id is None
        assert article.language == "en"
        assert article.raw_html is None
        assert re.fullmatch(r"[0-9a-f]{16}", article.id)
        # The body is the file minus its first line, junk included (clean removes it).
        lines = file.read_text().split("\n")
        rest = lines[lines.index(first_line) + 1 :]
        assert article.text == "\n".join(line.rstrip() for line in rest).strip("\n")


def test_ingest_seed_ids_are_stable_across_runs_and_distinct(seeds_dir: Path) -> None:
    first = [a.id for a in articles(list(ingest(str(seeds_dir))))]
    second = [a.id for a in articles(list(ingest(str(seeds_dir))))]
    assert first == second
    assert len(set(first)) == len(first) == 5


def test_ingest_id_is_the_same_for_the_same_text_however_spaced(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", GOOD)
    b = write(tmp_path / "b.txt", "  harbour gates close for the WINTER\r\n\r\nThe  harbour gates closed on Monday.\r\nThey reopen in March.")
    c = write(tmp_path / "c.txt", GOOD.replace("March", "April"))
    ids = [next(iter(ingest(path))).id for path in (a, b, c)]  # type: ignore[union-attr]
    assert ids[0] == ids[1]
    assert ids[0] != ids[2]


def test_ingest_plain_text_title_is_first_non_empty_line(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "\n\n  " + GOOD)
    (article,) = list(ingest(path))
    assert isinstance(article, Article)
    assert article.title == "Harbour Gates Close for the Winter"
    assert article.text == "The harbour gates closed on Monday.\n\nThey reopen in March."
    assert article.source == "story"
    assert article.location == path


# --- bad input ----------------------------------------------------------------------


def test_ingest_bad_inputs_each_yield_one_failure_and_good_ones_go_on(tmp_path: Path) -> None:
    sources = [
        write(tmp_path / "good1.txt", GOOD),
        write(tmp_path / "empty.txt", ""),
        write(tmp_path / "blank.txt", " \n\t\n  \n"),
        write(tmp_path / "photo.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        str(tmp_path / "missing.txt"),
        write(tmp_path / "good2.txt", GOOD.replace("Monday", "Tuesday")),
    ]
    results = [list(ingest(source)) for source in sources]
    assert [len(r) for r in results] == [1] * len(sources)
    kinds = [type(r[0]).__name__ for r in results]
    assert kinds == ["Article", "InputFailure", "InputFailure", "InputFailure", "InputFailure", "Article"]
    reasons = {Path(r[0].source).name: r[0].reason for r in results if isinstance(r[0], InputFailure)}
    assert reasons == {
        "empty.txt": "the file is empty; remove it or add the article text",
        "blank.txt": "the file holds only whitespace; remove it or add the article text",
        "photo.bin": "not text (binary data); pass .txt, .html or .jsonl files",
        "missing.txt": "no such file or directory; check the path",
    }
    for result in results:
        assert "\n" not in str(result[0])


def test_ingest_folder_with_bad_files_still_reads_the_good_ones(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "b_empty.txt", "")
    write(tmp_path / "c_scan.txt", bytes(range(256)) * 4)
    os.symlink(tmp_path / "gone.txt", tmp_path / "d_dangling.txt")
    write(tmp_path / "sub" / "e.txt", GOOD.replace("Monday", "Friday"))
    items = list(ingest(str(tmp_path)))
    assert [Path(a.location).name for a in articles(items)] == ["a.txt", "e.txt"]
    assert [(Path(f.source).name, f.reason.split(";")[0]) for f in failures(items)] == [
        ("b_empty.txt", "the file is empty"),
        ("c_scan.txt", "not text (binary data)"),
        ("d_dangling.txt", "no such file or directory"),
    ]


def test_ingest_unreadable_file_yields_a_failure_and_the_rest_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.txt", GOOD)
    locked = write(tmp_path / "b.txt", GOOD.replace("Monday", "Sunday"))
    write(tmp_path / "c.txt", GOOD.replace("Monday", "Friday"))

    # Tests may run as root, where chmod 000 does not stop reading: fail the open instead.
    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "open", fake_open, raising=False)
    items = list(ingest(str(tmp_path)))
    assert [Path(a.location).name for a in articles(items)] == ["a.txt", "c.txt"]
    assert [str(f) for f in failures(items)] == [
        f"{locked}: permission denied; make the file readable or leave it out"
    ]


def test_ingest_folder_skips_hidden_files_and_non_article_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / ".draft.txt", GOOD.replace("Monday", "Sunday"))
    write(tmp_path / ".git" / "b.txt", GOOD.replace("Monday", "Friday"))
    write(tmp_path / "README.md", "# Notes\n\nNot an article.\n")
    items = list(ingest(str(tmp_path)))
    assert [Path(a.location).name for a in articles(items)] == ["a.txt"]
    assert failures(items) == []


def test_ingest_empty_folder_yields_a_failure(tmp_path: Path) -> None:
    (failure,) = list(ingest(str(tmp_path)))
    assert isinstance(failure, InputFailure)
    assert "no .txt, .html or .jsonl files" in failure.reason


def test_ingest_latin1_file_is_read_as_windows_1252(tmp_path: Path) -> None:
    text = "Café Owners Welcome the Barrier\n\nThe owner of the café on the quay, José Núñez, said the plan was «très bien».\n"
    path = write(tmp_path / "latin1.txt", text.encode("latin-1"))
    (article,) = list(ingest(path))
    assert isinstance(article, Article)
    assert article.title == "Café Owners Welcome the Barrier"
    assert "José Núñez" in article.text and "«très bien»" in article.text


def test_ingest_bytes_in_no_known_encoding_yield_a_failure(tmp_path: Path) -> None:
    # High bytes with no NUL: not UTF-8, and as Windows-1252 it is mostly symbols.
    path = write(tmp_path / "garbled.txt", bytes(range(0x80, 0x100)) * 8)
    (failure,) = list(ingest(path))
    assert isinstance(failure, InputFailure)
    assert failure.reason == "not text (binary data); pass .txt, .html or .jsonl files"


def test_ingest_binary_bytes_saved_as_a_page_yield_a_failure(tmp_path: Path) -> None:
    # An image saved with a page's name: no NUL near the top, no tag, no prose.
    path = write(tmp_path / "story.html", bytes(range(0x80, 0x100)) * 8 + b"\x01\x02\x03" * 40)
    (failure,) = list(ingest(path))
    assert isinstance(failure, InputFailure)
    assert failure.reason == "not text (binary data); pass .txt, .html or .jsonl files"
    # a page whose tags the saver left out is still read as the text it is
    (page,) = list(ingest(write(tmp_path / "plain.html", GOOD)))
    assert isinstance(page, Article)


def test_ingest_utf16_and_utf8_bom_files_are_read(tmp_path: Path) -> None:
    a = write(tmp_path / "utf16.txt", GOOD.encode("utf-16"))
    b = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    titles = [next(iter(ingest(p))).title for p in (a, b)]  # type: ignore[union-attr]
    assert titles == ["Harbour Gates Close for the Winter"] * 2


def test_ingest_title_only_file_yields_a_failure(tmp_path: Path) -> None:
    (failure,) = list(ingest(write(tmp_path / "one.txt", "Just a headline\n")))
    assert isinstance(failure, InputFailure)
    assert "no article text" in failure.reason


def test_ingest_enforces_max_article_chars(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "Long Story\n\n" + "word " * 400)
    (failure,) = list(ingest(path, Options(max_article_chars=1000)))
    assert isinstance(failure, InputFailure)
    assert "over the limit of 1,000 characters (max_article_chars)" in failure.reason
    assert "raise the limit" in failure.reason
    (article,) = list(ingest(path, Options(max_article_chars=10_000)))
    assert isinstance(article, Article)


def test_ingest_file_url_is_refused_with_a_clear_reason() -> None:
    (failure,) = list(ingest("file:///etc/passwd"))
    assert isinstance(failure, InputFailure)
    assert failure.source == "file:///etc/passwd"
    assert failure.reason.startswith("file URLs are not fetched")


def test_ingest_gzip_text_file_is_read_transparently(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt.gz", gzip.compress(GOOD.encode()))
    (article,) = list(ingest(path))
    plain = next(iter(ingest(write(tmp_path / "story.txt", GOOD))))
    assert isinstance(article, Article)
    assert (article.title, article.text, article.id, article.source) == (
        plain.title, plain.text, plain.id, "story"  # type: ignore[union-attr]
    )


def test_ingest_broken_gzip_yields_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt.gz", gzip.compress(GOOD.encode())[:20])
    (failure,) = list(ingest(path))
    assert isinstance(failure, InputFailure)
    assert "gzip" in failure.reason


# --- JSONL --------------------------------------------------------------------------


def jsonl(*rows: object) -> str:
    return "\n".join(row if isinstance(row, str) else json.dumps(row) for row in rows) + "\n"


def test_ingest_jsonl_bad_line_yields_failure_with_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": 1, "title": "First", "text": "Body one.", "source": "Coast Wire"},
            "",
            "{not json",
            {"id": "b2", "title": "Second", "text": "Body two."},
            ["a", "list"],
            {"id": 4, "title": "No body"},
        ),
    )
    items = list(ingest(path))
    assert [(a.input_id, a.location, a.source) for a in articles(items)] == [
        ("1", f"{path}:1", "Coast Wire"),
        ("b2", f"{path}:4", "feed"),
    ]
    assert [str(f) for f in failures(items)] == [
        f"{path}:3: not valid JSON; JSONL needs one JSON object per line",
        f"{path}:5: not a JSON object; JSONL needs one JSON object per line",
        f'{path}:6: no article text; give the body in a non-empty "text" or "html" field',
    ]


def test_ingest_jsonl_published_rfc2822_iso_and_written_dates_are_normalised(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"title": "A", "text": "One.", "published": "Tue, 03 Mar 2026 14:05:00 +0100"},
            {"title": "B", "text": "Two.", "published": "2026-03-03T14:05:00Z"},
            {"title": "C", "text": "Three.", "published": "2026-03-03"},
            {"title": "D", "text": "Four.", "published": "last Tuesday"},
            {"title": "E", "text": "Five.", "language": "de", "url": "https://x.example/e"},
            # a site dump's own way of writing the day is read, as a text file's date line is
            {"title": "F", "text": "Six.", "published": "Dec. 3, 2025"},
            {"title": "G", "text": "Seven.", "published": "Wednesday, 4 March 2026"},
        ),
    )
    items = list(ingest(path))
    assert [a.published for a in articles(items)] == [
        "2026-03-03T14:05:00+01:00",
        "2026-03-03T14:05:00+00:00",
        "2026-03-03",
        None,
        "2025-12-03",
        "2026-03-04",
    ]
    assert articles(items)[3].language == "de"
    assert articles(items)[3].url == "https://x.example/e"
    (failure,) = failures(items)
    assert failure.source == f"{path}:4"
    assert str(failure) == (f"{path}:4: \"published\" is not a date with its day, month and year ('last Tuesday'); "
                            "write it as ISO 8601 (2024-06-19) or leave the field out")


def test_ingest_a_placeholder_publication_date_is_no_date(tmp_path: Path) -> None:
    # Content systems print an empty date as Go's zero time or the Unix clock's zero: the
    # article is kept, undated, rather than dated to the year 1 (a weekday read from such a
    # day fell off the calendar) or refused.
    path = write(tmp_path / "feed.jsonl", jsonl(
        {"title": "A", "text": "The pier reopened on Tuesday.", "published": "0001-01-01T00:00:00Z"},
        {"title": "B", "text": "The pier reopened on Tuesday.", "published": "1970-01-01T00:00:00Z"},
        {"title": "C", "text": "The pier reopened on Tuesday.", "published": "9999-12-31T23:59:59Z"},
        {"title": "D", "text": "The pier reopened on Tuesday.", "published": "1851-09-18"}))
    items = list(ingest(path))
    assert not failures(items)
    assert [a.published for a in articles(items)] == [None, None, None, "1851-09-18"]
    page = write(tmp_path / "page.html", (
        '<html><head><title>Pier reopens</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}</script>'
        '<meta property="article:modified_time" content="2026-03-04T08:00:00Z"></head>'
        "<body><article><h1>Pier reopens</h1><p>" + "The harbour pier reopened on Tuesday after a month of repairs. " * 4
        + "</p><time datetime=\"2026-03-03T09:00:00Z\">March 3</time></article></body></html>"))
    assert [a.published for a in articles(list(ingest(page)))] == ["2026-03-03T09:00:00+00:00"]


def test_ingest_jsonl_gz_is_read_transparently(tmp_path: Path) -> None:
    rows = jsonl({"id": 7, "title": "Zipped", "text": "A zipped body."}, "oops")
    path = write(tmp_path / "feed.jsonl.gz", gzip.compress(rows.encode()))
    items = list(ingest(path))
    assert [(a.title, a.input_id, a.source) for a in articles(items)] == [("Zipped", "7", "feed")]
    assert [f.source for f in failures(items)] == [f"{path}:2"]


def test_ingest_jsonl_html_field_keeps_raw_html(tmp_path: Path) -> None:
    html = "<html><head><title>Gate Test</title></head><body><p>The gates were tested.</p></body></html>"
    path = write(tmp_path / "pages.jsonl", jsonl({"id": "p1", "html": html}))
    (article,) = list(ingest(path))
    assert isinstance(article, Article)
    assert article.raw_html == html
    assert article.title == "Gate Test"
    assert article.text == "The gates were tested."


def test_ingest_jsonl_same_article_gets_same_id_as_the_file(tmp_path: Path) -> None:
    file_article = next(iter(ingest(write(tmp_path / "a.txt", GOOD))))
    title, _, body = GOOD.partition("\n")
    line_article = next(iter(ingest(write(tmp_path / "a.jsonl", jsonl({"title": title, "text": body})))))
    assert file_article.id == line_article.id  # type: ignore[union-attr]


# --- stdin --------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_ingest_stdin_detects_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(jsonl({"id": 1, "title": "T", "text": "Body."}, "bad").encode()))
    items = list(ingest("-"))
    assert [a.location for a in articles(items)] == ["<stdin>:1"]
    assert [f.source for f in failures(items)] == ["<stdin>:2"]


def test_ingest_stdin_detects_plain_text_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(GOOD.encode()))
    (text_article,) = list(ingest("-"))
    assert isinstance(text_article, Article)
    assert (text_article.title, text_article.location, text_article.raw_html) == (
        "Harbour Gates Close for the Winter", "<stdin>", None
    )
    page = b"<!DOCTYPE html><html><body><h1>Gates</h1><p>They closed.</p></body></html>"
    monkeypatch.setattr("sys.stdin", _Stdin(page))
    (html_article,) = list(ingest("-"))
    assert isinstance(html_article, Article)
    assert html_article.raw_html is not None and html_article.title == "Gates"


# --- HTML ---------------------------------------------------------------------------


def test_ingest_html_page_metadata(pages_dir: Path) -> None:
    path = str(pages_dir / "lakeside-library.html")
    (article,) = list(ingest(path))
    assert isinstance(article, Article)
    # <title> carries " | The Millbrook Courier", so the h1 is the headline.
    assert article.title == "Lakeside Votes to Reopen Its Old Library"
    assert article.source == "The Millbrook Courier"
    assert article.published == "2026-02-11T08:30:00+01:00"
    assert article.url == "https://courier.example/local/lakeside-library"
    assert article.raw_html is not None and "<nav>" in article.raw_html
    assert "stood empty since a roof collapse in 2019" in article.text
    assert "font-family" not in article.text  # styles and scripts are not text


@pytest.mark.parametrize(
    ("head", "body", "title", "published", "source"),
    [
        (
            '<meta property="og:title" content="Ferry Fares Rise"><title>Ferry fares | Bay News</title>',
            "<h1>Bay News</h1>",
            "Ferry Fares Rise",
            None,
            "page",
        ),
        (
            "<title>Ferry Fares Rise</title>",
            '<h1>Menu</h1><time datetime="2026-01-05">5 Jan</time>',
            "Ferry Fares Rise",
            "2026-01-05",
            "page",
        ),
        (
            '<meta property="og:site_name" content="Bay News"><title>Ferry Fares Rise - Bay News</title>'
            '<script type="application/ld+json">{"@graph": [{"datePublished": "2026-01-06T09:00:00Z"}]}</script>',
            "<h1>Ferry Fares Rise</h1>",
            "Ferry Fares Rise",
            "2026-01-06T09:00:00+00:00",
            "Bay News",
        ),
    ],
)
def test_ingest_html_title_and_published_sources(
    tmp_path: Path, head: str, body: str, title: str, published: str | None, source: str
) -> None:
    page = f"<html><head>{head}</head><body>{body}<p>Fares rise by ten percent in May.</p></body></html>"
    (article,) = list(ingest(write(tmp_path / "page.htm", page)))
    assert isinstance(article, Article)
    assert (article.title, article.published, article.source) == (title, published, source)
