"""The web app's story page is the HTML report's story: same sections, same citations,
charts drawn under a policy without ``'unsafe-eval'``; every article string escaped.

These tests read the page through Starlette's TestClient; the browser tests in
``test_webui.py`` click through it in Chromium.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyweave.model import Article, Story  # noqa: E402
from storyweave.options import Options  # noqa: E402
from storyweave.store import open_store  # noqa: E402
from storyweave.web import create_app  # noqa: E402
from storyweave.web.refresh import analysis_key, summarize  # noqa: E402

#: The report's sections (``id`` suffix and heading), in the report's order.
SECTIONS = [("brief", "Brief"), ("said", "Who said what"), ("differ", "Where sources differ"),
            ("single", "Single-source claims"), ("matrix", "Who reports what"), ("timeline", "Timeline"),
            ("provenance", "Who copies whom"), ("framing", "Headlines"), ("articles", "Articles")]


def _store_analysis(db: str, analysis: dict[str, Any]) -> list[str]:
    """An analysis written into a store as the job worker writes it; returns the story ids."""
    key = analysis_key(Options())
    with open_store(db) as store:
        articles = {a["id"]: Article.from_json(a) for a in analysis["articles"]}
        store.add_articles(list(articles.values()))
        for story in analysis["stories"]:
            store.save_stories([Story(story["id"], story.get("title") or "", tuple(story["articles"]))])
            store.save_analysis(story["id"], key, story)
            store.save_story_summaries([summarize(story, articles)])
    return [s["id"] for s in analysis["stories"]]


def _sections(page: str) -> list[str]:
    return [m for m in re.findall(r'<section class="sw-section" id="s\d+-(\w+)"><h2>', page)]


def test_web_story_page_has_the_report_sections_and_cited_spans(seed_analysis: dict[str, Any], tmp_path: Path) -> None:
    db = str(tmp_path / "web.db")
    (sid,) = _store_analysis(db, seed_analysis)
    with TestClient(create_app(db, start_worker=False)) as client:
        page = client.get(f"/stories/{sid}")
    assert page.status_code == 200
    body = page.text
    shown = _sections(body)
    assert [key for key, _ in SECTIONS if key in shown] == [key for key, _ in SECTIONS]
    for _, heading in SECTIONS:
        assert f"<h2>{html.escape(heading)}</h2>" in body, heading
    # Every chart of the report travels as data; the library is fetched after the first paint.
    charts = json.loads(re.search(r'<script type="application/json" class="sw-charts">(.*?)</script>', body).group(1))
    assert sorted(k.rsplit("-", 1)[1] for k in charts) == ["framing", "matrix", "provenance", "timeline"]
    assert '<meta name="storyweave-charts" content="/assets/charts.js?v=' in body
    # A brief citation names the article block and the span of the words it cites there.
    texts = {a["id"]: a["text"] for a in seed_analysis["articles"]}
    brief = re.search(r'<ol class="sw-brief">(.*?)</ol>', body).group(1)
    cites = re.findall(r'data-target="(s\d+-a\d+)" data-start="(\d+)" data-end="(\d+)"', brief)
    assert len(cites) >= 3
    blocks = dict(re.findall(r'<details class="sw-article" id="(s\d+-a\d+)">.*?<div class="sw-text">(.*?)</div>', body, re.S))
    target, start, end = cites[0]
    cited = html.unescape(blocks[target])[int(start):int(end)]
    assert len(cited) > 20 and any(cited in t for t in texts.values())
    # Each article links to its own page (cleaned text and the junk removed from it).
    for aid in seed_analysis["stories"][0]["articles"]:
        assert f'href="/articles/{aid}?story={sid}">article page</a>' in body


def test_web_story_page_policy_forbids_eval_and_assets_are_served(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "web.db"), start_worker=False)) as client:
        script = client.get("/assets/report.js?v=1")
        bundle = client.get("/assets/charts.js")
        style = client.get("/assets/report.css")
        missing = client.get("/assets/evil.js")
    for answer in (script, bundle, style):
        assert answer.status_code == 200
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-eval" not in policy
        assert "immutable" in answer.headers["cache-control"]
    assert script.headers["content-type"].startswith("text/javascript") and "vegaEmbed" in script.text
    assert "ast: true" in script.text  # charts go through the expression interpreter
    assert bundle.headers["content-type"].startswith("text/javascript") and "vegaEmbed" in bundle.text
    assert style.headers["content-type"].startswith("text/css") and ".sw-story" in style.text
    assert missing.status_code == 404 and "no asset" in missing.json()["error"]


HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def _hostile_analysis() -> dict[str, Any]:
    """A story whose every article string carries markup, built by hand (no models)."""
    text = f"The dam near Rivertown broke on Tuesday {HOSTILE}, officials said. Rescue teams worked all night."
    art = Article("h1", f"Outlet {HOSTILE}", "https://x.example/a", f"Dam {HOSTILE} breaks", text, published="2024-06-18")
    span = [0, text.index(",")]
    story = {
        "id": "s-hostile", "title": art.title, "articles": ["h1"], "event_date": "2024-06-18",
        "entities": [{"id": "e1", "name": f"Mayor {HOSTILE}", "type": "PERSON", "aliases": [], "articles": ["h1"]}],
        "quotes": [{"id": "q1", "article": "h1", "speaker": "e1", "speaker_text": "officials", "speaker_span": [0, 1],
                    "cue": "said", "channel": HOSTILE, "text": text[:span[1]], "span": span, "group": "g1"}],
        "quote_groups": [{"id": "g1", "speaker": "e1", "quotes": ["q1"], "drift": 0.0, "differences": []}],
        "claims": [{"id": "c1", "article": "h1", "text": text[:span[1]], "span": span, "certainty": "asserted", "fact": "f1"}],
        "dates": [], "facts": [{"id": "f1", "text": text[:span[1]], "sources": ["h1"], "claims": ["c1"], "status": "single-source"}],
        "discrepancies": [{"id": "d1", "kind": "date", "explanation": f"Dates differ {HOSTILE}",
                           "items": [{"article": "h1", "text": HOSTILE, "span": span}]}],
        "provenance": [], "timeline": [{"date": "2024-06-18", "text": HOSTILE, "article": "h1", "span": span}],
        "framing": [{"article": "h1", "headline": art.title, "sensationalism": 0.4, "signals": [HOSTILE]}],
        "brief": {"headline": art.title, "sentences": [{"text": f"The dam broke {HOSTILE}.", "citations": ["h1"]}]},
    }
    return {"articles": [art.to_json()], "stories": [story]}


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag a browser's parser would see, with its attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str | None]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Tags().feed(page)
    return found


def test_web_story_page_escapes_every_article_string(tmp_path: Path) -> None:
    db = str(tmp_path / "web.db")
    (sid,) = _store_analysis(db, _hostile_analysis())
    with TestClient(create_app(db, start_worker=False)) as client:
        body = client.get(f"/stories/{sid}").text
    tags = _tags(body)
    assert not [t for t, _ in tags if t in ("img", "iframe", "object", "embed")]
    assert not [(t, a) for t, a in tags if any(name.startswith("on") for name in a)]  # no event handler anywhere
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    # The chart data is JSON inside a script element that never runs, with "<" escaped.
    data = re.search(r'<script type="application/json" class="sw-charts">(.*?)</script>', body, re.S).group(1)
    assert "<" not in data and HOSTILE in json.dumps(json.loads(data), ensure_ascii=False)
    scripts = [a for t, a in tags if t == "script"]
    assert all(a.get("type") == "application/json" or str(a.get("src")).startswith(("/assets/", "/static/")) for a in scripts), scripts
