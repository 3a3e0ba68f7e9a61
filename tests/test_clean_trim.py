"""The precision-mode trim: short teasers and shouted promotions around the body are cut,
with their reason; the article's paragraphs, long edge paragraphs included, stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyweave import extractors
from storyweave.clean import clean
from storyweave.ingest import ingest
from storyweave.model import Article

PAGES = Path(__file__).parent / "data" / "pages"
LONG = ("The harbour council voted on Tuesday to build a new sea wall along the eastern quay, ending "
        "a two-year argument over how to protect the old fish market from the winter storms.")
MIDDLE = ("Councillor Ann Price said the wall would cost 4.2 million pounds and take eighteen months to "
          "finish, with work starting in the spring once the fishing season ends.")
LAST = ("The council will publish the construction schedule next month, and a public meeting about "
        "traffic on the quay is planned for early March.")


def test_clean_trim_cuts_teaser_and_shouted_promotion() -> None:
    (page,) = ingest(str(PAGES / "sea-wall-teasers.html"))
    article = clean(page)
    assert "Ferry timetable returns to normal" not in article.text
    assert "GET THE GAZETTE APP" not in article.text
    removed = {cut.text: cut.reason for cut in article.removed}
    assert removed["Ferry timetable returns to normal after storm"] == extractors.TRIMMED
    assert removed["GET THE GAZETTE APP FOR BREAKING NEWS ALERTS"] == extractors.TRIMMED
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The harbour council voted on Tuesday")
    assert paragraphs[-1].startswith("The council will publish the construction schedule")
    assert len(paragraphs) == 4


def _page(monkeypatch: pytest.MonkeyPatch, default: list[str], precise: list[str]) -> Article:
    def fake(html: str, location: str, favor_recall: bool = False, favor_precision: bool = False,
             fast: bool = False) -> str:
        return "\n".join(precise if favor_precision else default)

    monkeypatch.setattr(extractors, "_trafilatura", fake)
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in default) + "</body></html>"
    return Article(id="a", source="Gazette", location="page.html", title="Sea wall", text="\n".join(default),
                   raw_html=html)


def test_clean_trim_keeps_a_long_edge_paragraph_precision_mode_drops(monkeypatch: pytest.MonkeyPatch) -> None:
    article = clean(_page(monkeypatch, [LONG, MIDDLE, LAST, "Read our tide tables"], [MIDDLE, LAST]))
    assert article.text.split("\n\n") == [LONG, MIDDLE, LAST]
    assert ("Read our tide tables", extractors.TRIMMED) in {(c.text, c.reason) for c in article.removed}


def test_clean_trim_keeps_short_lines_inside_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    # A short line between kept paragraphs (a subheading) stays unless it shouts.
    article = clean(_page(monkeypatch, [LONG, "What happens next", MIDDLE, LAST], [LONG, MIDDLE, LAST]))
    assert "What happens next" in article.text.split("\n\n")


def test_clean_trim_cuts_nothing_when_precision_mode_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ["Ferry timetable returns to normal", LONG, MIDDLE, LAST]
    article = clean(_page(monkeypatch, lines, lines))
    assert article.text.split("\n\n") == lines
    assert all(cut.reason != extractors.TRIMMED for cut in article.removed)
