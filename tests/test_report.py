"""The HTML report opened in real headless Chromium, and the brief it leads with.

The seeds are analysed once per session. Chromium comes from Debian
(``apt-get install -y chromium``); without it the browser tests fail in CI (where CI is
set) and are skipped elsewhere or when STORYWEAVE_SKIP_BROWSER is set. Screenshots go to
tests/artifacts/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from storyweave.render import html as html_report
from storyweave.render import html_assets
from storyweave.render import markdown, terminal

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).parent / "artifacts"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

HOSTILE = """Harbour council <script>window.__pwned = 1</script> approves new quay
The harbour council of Port Ellis approved a new quay on Monday, the council's chair Mara Lind said. <img src=x onerror="window.__pwned = 2"> The quay will cost 4 million crowns, according to the council.
"We needed this for years," Lind said. <a href="javascript:window.__pwned = 3">Read more</a> <svg onload="window.__pwned = 4"></svg>
Fishermen said the work would start in May. </script><script>window.__pwned = 5</script><!-- <iframe src="http://127.0.0.1:9/"></iframe>
"""


def _analyse(sources: list[str]) -> dict[str, Any]:
    from storyweave.pipeline import analyze
    from storyweave.store import open_store

    with open_store(":memory:") as store:
        analysis, failures = analyze(sources, store=store)
    assert not failures
    return analysis


@pytest.fixture(scope="session")
def seeds_analysis() -> dict[str, Any]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return _analyse([str(SEEDS)])


@pytest.fixture(scope="session")
def hostile_analysis(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return _analyse([str(folder)])


# Module scope: Playwright's sync API keeps an event loop running while it is open, and
# the web UI tests start their own.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        # CI installs Chromium, so there a missing browser is a failure; on a developer's
        # machine with only Python the browser tests are skipped with the install line.
        if os.environ.get("STORYWEAVE_SKIP_BROWSER") or not os.environ.get("CI"):
            pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium to run the browser tests")
        pytest.fail(f"{CHROMIUM} not found: install it with 'apt-get update && apt-get install -y chromium' "
                    "(or set STORYWEAVE_SKIP_BROWSER=1 to skip the browser tests locally)")
    try:
        import playwright.sync_api as playwright_api
    except ImportError:
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]' (no 'playwright install' needed)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _open(browser: Any, analysis: dict[str, Any], tmp_path: Path, name: str) -> tuple[Any, list[str], list[str]]:
    """The report in a new page; returns the page, every request it made, and its errors."""
    path = tmp_path / f"{name}.html"
    path.write_text(html_report.render(analysis), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))

    def route(r: Any) -> None:
        requests.append(r.request.url)
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests, errors


#: Every chart container holds Vega's drawing.
CHARTS_DRAWN = "() => [...document.querySelectorAll('.sw-chart')].every(c => c.querySelector('svg'))"


def _shot(page: Any, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


# -- the report in the browser ------------------------------------------------------------------


def test_report_shows_every_section(browser: Any, seeds_analysis: dict[str, Any], tmp_path: Path) -> None:
    page, _, errors = _open(browser, seeds_analysis, tmp_path, "seeds")
    page.wait_for_function(CHARTS_DRAWN)
    headings = page.locator("h2").all_inner_texts()
    for title in ["Brief", "Who said what", "Where sources differ", "Single-source claims", "Who reports what",
                  "Timeline", "Who copies whom", "Headlines", "Sources", "Articles"]:
        assert title in headings
    assert page.locator("ol.sw-brief > li").count() >= 3
    assert page.locator(".sw-quotes del").count() > 0 and page.locator(".sw-quotes ins").count() > 0
    assert page.locator(".sw-chart svg").count() == 4  # matrix, timeline, provenance graph, headlines
    assert page.locator("details.sw-article").count() == len(seeds_analysis["articles"])
    assert page.locator("details.sw-junk").count() >= 1
    assert errors == []
    _shot(page, "report-top")
    _shot(page, "report-full", full=True)
    page.close()


def test_report_citation_click_highlights_passage(browser: Any, seeds_analysis: dict[str, Any], tmp_path: Path) -> None:
    page, _, _ = _open(browser, seeds_analysis, tmp_path, "seeds")
    sentence = page.locator("ol.sw-brief > li").first
    cite = sentence.locator("a.sw-cite").first
    target = cite.get_attribute("data-target")
    assert page.locator(f"#{target}").get_attribute("open") is None  # articles start folded
    cite.click()
    mark = page.locator("mark.sw-hl")
    assert mark.count() == 1
    assert page.locator(f"#{target}").get_attribute("open") is not None
    assert mark.evaluate("m => m.closest('details').id") == target
    brief_text = sentence.inner_text()
    assert mark.inner_text().strip().rstrip(".")[:40] in brief_text  # the cited words themselves
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900  # scrolled into view
    _shot(page, "report-citation")
    # A second click moves the highlight; the old one is gone.
    page.locator("ol.sw-brief > li").nth(1).locator("a.sw-cite").first.click()
    assert page.locator("mark.sw-hl").count() == 1
    page.close()


def test_report_shows_the_brief_before_drawing_charts(browser: Any, seeds_analysis: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "seeds.html"
    path.write_text(html_report.render(seeds_analysis), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    # What the page holds when it has loaded: the brief, but not yet the charting library.
    page.add_init_script("""window.addEventListener('load', () => { window.__atLoad = {
        vega: typeof vega, charts: document.querySelectorAll('.sw-chart svg').length,
        brief: document.querySelectorAll('ol.sw-brief > li').length }; });""")
    page.goto(path.as_uri(), wait_until="load")
    at_load = page.evaluate("window.__atLoad")
    assert at_load["vega"] == "undefined" and at_load["charts"] == 0
    assert at_load["brief"] >= 3
    # The citations work before the charts are drawn, and the charts all come after.
    page.locator("ol.sw-brief a.sw-cite").first.click()
    assert page.locator("mark.sw-hl").count() == 1
    page.wait_for_function(CHARTS_DRAWN)
    assert page.locator(".sw-chart svg").count() == 4
    assert errors == []  # the deferred library ran under the page's script policy
    page.close()


def test_report_makes_no_request(browser: Any, seeds_analysis: dict[str, Any], tmp_path: Path) -> None:
    page, requests, _ = _open(browser, seeds_analysis, tmp_path, "seeds")
    page.wait_for_function(CHARTS_DRAWN)
    page.locator("ol.sw-brief a.sw-cite").first.click()
    page.locator(".sw-chart").first.hover()
    assert requests == [(tmp_path / "seeds.html").as_uri()]
    page.close()


def test_report_hostile_article_runs_no_script(browser: Any, hostile_analysis: dict[str, Any], tmp_path: Path) -> None:
    page, requests, errors = _open(browser, hostile_analysis, tmp_path, "hostile")
    for link in page.locator("a.sw-cite").all()[:10]:
        link.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("main img, main iframe, main svg[onload], [onerror]").count() == 0
    # The markup is shown as the text it is.
    assert "<script>window.__pwned = 1</script>" in page.locator("details.sw-article summary").first.inner_text()
    assert 'onerror="window.__pwned = 2"' in page.locator(".sw-text").first.text_content()
    assert [e for e in errors if "pwned" in e] == []
    assert all(url.startswith("file:") for url in requests)
    _shot(page, "report-hostile", full=True)
    page.close()


# -- the file -------------------------------------------------------------------------------------


def test_report_is_small_and_self_contained(seeds_analysis: dict[str, Any]) -> None:
    text = html_report.render(seeds_analysis)
    assert len(text.encode("utf-8")) < 2_000_000
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", text)
    assert text == html_report.render(seeds_analysis)  # deterministic


def test_report_escapes_json_inside_script() -> None:
    raw = html_report.script_json({"t": "</script><!-- \u2028 \u2029 &"})
    assert "</" not in raw and "<!--" not in raw and "\u2028" not in raw and "\u2029" not in raw
    import json

    assert json.loads(raw) == {"t": "</script><!-- \u2028 \u2029 &"}


def test_report_fragment_is_one_story(seeds_analysis: dict[str, Any]) -> None:
    story = seeds_analysis["stories"][0]
    fragment = html_report.render_story_fragment(seeds_analysis, story["id"])
    assert fragment.startswith('<div class="sw-story"') and "<html" not in fragment
    assert ".sw-story" in html_assets.css() and "sw-cite" in html_assets.script()
    with pytest.raises(KeyError):
        html_report.render_story_fragment(seeds_analysis, "no-such-story")


# -- the brief ------------------------------------------------------------------------------------


def test_report_brief_cites_only_articles_that_say_it(seeds_analysis: dict[str, Any]) -> None:
    from storyweave.brief.support import supports

    texts = {a["id"]: a["text"] for a in seeds_analysis["articles"]}
    story = seeds_analysis["stories"][0]
    sentences = story["brief"]["sentences"]
    assert 3 <= len(sentences) <= 15
    claims_by_article: dict[str, list[str]] = {}
    for claim in story["claims"]:
        claims_by_article.setdefault(claim["article"], []).append(claim["text"])
    for sentence in sentences:
        assert sentence["citations"], sentence["text"]
        for article in sentence["citations"]:
            said = claims_by_article.get(article, []) + [s for s in re.split(r"(?<=[.!?”])\s+", texts[article])]
            assert any(supports(sentence["text"], s) for s in said), (sentence["text"], article)


def test_report_brief_covers_corroborated_facts(seeds_analysis: dict[str, Any]) -> None:
    from storyweave.align import SAME_STATEMENT, same_statement

    story = seeds_analysis["stories"][0]
    brief = [s["text"] for s in story["brief"]["sentences"]]
    corroborated = [f["text"] for f in story["facts"] if f["status"] == "corroborated"]
    covered = [f for f in corroborated if any(same_statement(f, b) >= SAME_STATEMENT for b in brief)]
    assert len(covered) >= 0.7 * len(corroborated)


def test_report_markdown_names_copied_single_sources() -> None:
    analysis = {"articles": [{"id": "a", "source": "Wire A", "text": "x"}, {"id": "b", "source": "Paper B", "text": "x"}],
                "stories": [{"id": "s", "articles": ["a", "b"],
                             "facts": [{"id": "f", "text": "The quay opens in May.", "sources": ["a", "b"], "claims": [],
                                        "status": "single-source", "independent_sources": 1}],
                             "provenance": [{"source": "a", "derived": "b", "kind": "copy", "directed": True, "score": 0.9,
                                             "shared_sentences": 4, "original_share": 0.1}]}]}
    md = markdown.render(analysis)
    assert "2 articles, 1 independent source: they share text \\(\\[2\\] copies \\[1\\]\\)" in md
    page = html_report.render_story_fragment(analysis, "s")
    assert "2 articles, 1 independent source" in page


def test_report_a_wire_story_copied_by_many_outlets_names_each_outlet_once() -> None:
    ids = "abcde"
    links = [{"source": s, "derived": d, "kind": "paraphrase" if d == "e" else "copy", "directed": False, "score": 0.9,
              "shared_sentences": 4, "original_share": 0.1} for i, s in enumerate(ids) for d in ids[i + 1:]]
    analysis = {"articles": [{"id": a, "source": f"Paper {a}", "text": "x"} for a in ids],
                "stories": [{"id": "s", "articles": list(ids),
                             "facts": [{"id": "f", "text": "The quay opens in May.", "sources": list(ids), "claims": [],
                                        "status": "single-source", "independent_sources": 1}],
                             "provenance": links}]}
    out = terminal.render(analysis, color=False, width=200)
    # Ten links between five articles would be ten phrases; the reader needs the five once.
    note = next(line for line in out.splitlines() if "The quay opens in May." in line)
    assert note.endswith("5 articles, 1 independent source: they share text: "
                         "[1], [2], [3], [4] and [5] (copies and paraphrases))")


def test_report_html_is_a_renderer(hostile_analysis: dict[str, Any]) -> None:
    from storyweave.render import RENDERERS

    assert "html" in RENDERERS
    out = RENDERERS["html"](hostile_analysis)
    assert out.startswith("<!DOCTYPE html>") and "<script>window.__pwned" not in out


def test_report_who_said_what_shows_a_denial_in_its_cue_and_repeated_words_once() -> None:
    quote = {"article": "a", "speaker": "e1", "speaker_text": "Varga", "channel": None, "kind": "direct",
             "text": "The pier is safe.", "group": None, "speakers": []}
    analysis = {"articles": [{"id": "a", "source": "Paper A", "text": "x"}],
                "entities": [{"id": "e1", "name": "Ilse Varga", "type": "PERSON", "aliases": [], "articles": ["a"]}],
                "stories": [{"id": "s", "articles": ["a"], "quote_groups": [],
                             "quotes": [{**quote, "id": "q1", "cue": "said", "span": [0, 17]},
                                        {**quote, "id": "q2", "cue": "wrote", "span": [40, 57], "text": '"The pier is safe.'},
                                        {**quote, "id": "q3", "cue": "did not recommend", "kind": "indirect",
                                         "text": "the pier be closed", "span": [60, 78]}]}]}
    md = markdown.render(analysis)
    said = md.split("## Who said what")[1]
    # The same words printed twice in one article (the quote, then the post it came from).
    assert said.count("The pier is safe") == 1
    assert "did not recommend the pier be closed" in said
