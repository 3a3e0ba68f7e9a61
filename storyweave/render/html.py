"""The analysis as one self-contained HTML report: open the file, read the story.

The report needs no network: its CSS, its script and the Vega charting library are
inlined (Vega is read at render time from the ``altair_viewer`` package, which ships the
minified bundle), and a Content-Security-Policy forbids every request a page could make.
The bundle is inlined inert (``<script type="text/plain">``) and run by the report's script
after the first paint, so the brief is on screen before Vega is parsed and the charts drawn.

Article text is untrusted. It reaches the page only through :func:`html.escape` (text and
attribute values) or :func:`script_json` (data inside ``<script>``); no article string is
ever a URL, a tag or an attribute name. Scripts carry a nonce derived from the report's
own content, so markup that slipped through escaping still could not run.

Spans in the analysis JSON are code-point offsets into an article's ``text``; the page's
script works in UTF-16 units, so every offset is converted before it is written.

For the web app: :func:`render_story_fragment` gives one story's body, and :func:`css`,
:func:`script` and :func:`chart_bundle` the assets it needs, served as files. A page whose
Content-Security-Policy forbids ``'unsafe-eval'`` names the bundle's address in
``<meta name="storyweave-charts" content="URL">``: the script loads it after the first
paint and draws the same charts with vega-embed's expression interpreter (``ast: true``),
which never compiles code from strings.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import math
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import ModelMissingError
from ..extract.dates import value_start
from . import (DiffOps, GroupView, StoryView, after_cue, counted, passage_articles, passages, readable_date, relation_phrase,
               score, share, story_views, with_weekday)
from .markdown import support_note

__all__ = ["render", "render_story_fragment", "css", "script", "vega_script", "chart_bundle", "script_json"]

#: The Vega build the report inlines; the newest one altair_viewer ships.
VEGA_FILE = "vega-5.21.0.js"
#: Vega-Lite and vega-embed builds of the same package, for :func:`chart_bundle`:
#: vega-embed 6.20 carries Vega's CSP-safe expression interpreter (vega-interpreter)
#: and loads only next to Vega-Lite.
VEGA_LITE_FILE = "vega-lite-4.17.0.js"
VEGA_EMBED_FILE = "vega-embed-6.20.0.js"
STATUS_COLORS = {"corroborated": "#1a7f37", "single-source": "#d4a72c", "contested": "#cf222e"}
STATUS_LABELS = {"corroborated": "corroborated", "single-source": "single source", "contested": "contested"}
#: Facts in the matrix get one row each; past this many, single-source rows are dropped
#: (they are all listed under "Single-source claims") so the chart stays readable.
MATRIX_MAX_ROWS = 80
_WS = re.compile(r"\s+")


def esc(value: Any) -> str:
    """Any value as inert HTML text (also safe inside a quoted attribute)."""
    return html.escape(str(value), quote=True)


def script_json(data: Any) -> str:
    """JSON safe to place inside a ``<script>`` element.

    ``</`` could close the element and ``<!--`` switch the parser into a comment state;
    U+2028/U+2029 end lines in older JavaScript parsers. All four are written as escapes,
    which JSON.parse reads back unchanged.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _viewer_script(name: str) -> str:
    """One JavaScript file shipped by the installed ``altair_viewer``.

    Raises:
        ModelMissingError: the package (or that file) is not installed.
    """
    spec = importlib.util.find_spec("altair_viewer")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / "scripts" / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise ModelMissingError(
        f"the HTML report needs the Vega charting library ({name}); install it with: pip install altair_viewer==0.4.0"
    )


@lru_cache(maxsize=1)
def vega_script() -> str:
    """The Vega library's minified JavaScript, read from the installed ``altair_viewer``.

    Raises:
        ModelMissingError: the package is not installed.
    """
    code = _viewer_script(VEGA_FILE)
    # Inline script must not contain its own end tag; the shipped bundle does not,
    # but a future one might, and the fix keeps the code's meaning.
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


@lru_cache(maxsize=1)
def chart_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, to be served as a file.

    With it loaded, :func:`script` draws charts through vega-embed with ``ast: true``:
    expressions are parsed to trees and evaluated by the interpreter, so the page needs
    no ``'unsafe-eval'`` (the web app's policy is ``script-src 'self'``).

    Raises:
        ModelMissingError: the ``altair_viewer`` package is not installed.
    """
    # Each file is a complete UMD module; the semicolons keep them separate statements.
    return ";\n".join(_viewer_script(name) for name in (VEGA_FILE, VEGA_LITE_FILE, VEGA_EMBED_FILE)) + ";\n"


def css() -> str:
    """The report's stylesheet (no external fonts or images)."""
    return _CSS


def script() -> str:
    """The report's own script: citation clicks, passage highlighting, charts."""
    return _JS


# ---------------------------------------------------------------------------------------
# Offsets


class _Offsets:
    """Code-point offsets of one article's text as UTF-16 offsets, as the browser counts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.astral = any(ord(ch) > 0xFFFF for ch in text)

    def __call__(self, offset: int) -> int:
        offset = max(0, min(int(offset), len(self.text)))
        if not self.astral:
            return offset
        return len(self.text[:offset].encode("utf-16-le")) // 2


def _page_text(text: str) -> str:
    # The HTML parser turns CR LF into LF, which would shift every later offset; a space
    # keeps the length.
    return text.replace("\r", " ")


def _dice(a: str, b: str) -> float:
    wa = {w for w in re.findall(r"\w+", a.lower()) if len(w) > 2}
    wb = {w for w in re.findall(r"\w+", b.lower()) if len(w) > 2}
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


# ---------------------------------------------------------------------------------------
# One story


class _Story:
    """Builds one story's HTML; ``prefix`` keeps element ids unique on a page."""

    def __init__(self, view: StoryView, prefix: str, article_link: Callable[[str], str] | None = None,
                 listed: bool = False) -> None:
        self.view = view
        self.listed = listed  # one of a page's several stories: its menu leads back to the list
        self.article_link = article_link
        self.s = view.story
        self.prefix = prefix
        self.articles = view.articles
        self._offsets: dict[str, _Offsets] = {}
        self.claims = list(self.s.get("claims") or [])
        self.charts: dict[str, dict[str, Any]] = {}

    def offsets(self, article_id: str) -> _Offsets | None:
        """The UTF-16 offsets of an article's text, worked out on first use: the analysis
        may hold thousands of articles, a story a few."""
        if article_id not in self.articles:
            return None
        if article_id not in self._offsets:
            self._offsets[article_id] = _Offsets(str(self.articles[article_id].get("text") or ""))
        return self._offsets[article_id]

    # -- citations ---------------------------------------------------------------------------

    def anchor(self, article_id: str) -> str:
        return f"{self.prefix}-a{self.view.label(article_id)}"

    def cite(self, article_id: str, span: Any = None, title: str = "") -> str:
        """A citation link: a click opens the article and highlights ``span``."""
        n = self.view.label(article_id)
        attrs = f'class="sw-cite" href="#{self.anchor(article_id)}" data-target="{self.anchor(article_id)}"'
        off = self.offsets(article_id)
        if off is not None and isinstance(span, (list, tuple)) and len(span) == 2:
            attrs += f' data-start="{off(span[0])}" data-end="{off(span[1])}"'
        tip = title or f"{self.view.outlet(article_id)}: open the passage"
        return f'<a {attrs} title="{esc(tip)}">[{n}]</a>'

    def cites_for_text(self, text: str, ids: list[str]) -> str:
        """Citations of ``text`` in each article, each pointing at its best passage there."""
        ordered = sorted(set(i for i in ids if i in self.view._labels), key=self.view.label)
        return "".join(self.cite(aid, self.locate(aid, text)) for aid in ordered)

    def locate(self, article_id: str, text: str) -> list[int] | None:
        """Where an article says ``text``: the exact words, else its closest claim."""
        body = str((self.articles.get(article_id) or {}).get("text") or "")
        at = body.find(text) if text else -1
        if at >= 0:
            return [at, at + len(text)]
        best, span = 0.0, None
        for claim in self.claims:
            if claim.get("article") == article_id:
                d = _dice(text, str(claim.get("text") or ""))
                if d > best:
                    best, span = d, claim.get("span")
        return list(span) if span and best >= 0.3 else None

    def outlet(self, article_id: str) -> str:
        return f'<span class="sw-outlet">{esc(self.view.outlet(article_id))}</span>'

    def by(self, ids: list[str], text: str = "") -> str:
        """'Outlet [1], Outlet [3]' with each citation pointing at ``text`` in that article."""
        seen = sorted(set(i for i in ids if i in self.view._labels), key=self.view.label)
        return ", ".join(f"{self.outlet(a)} {self.cite(a, self.locate(a, text) if text else None)}" for a in seen)

    # -- sections ----------------------------------------------------------------------------

    def section(self, key: str, title: str, body: str, lead: str = "") -> str:
        lead_html = f'<p class="sw-lead">{lead}</p>' if lead else ""
        return f'<section class="sw-section" id="{self.prefix}-{key}"><h2>{esc(title)}</h2>{lead_html}{body}</section>'

    def header(self) -> str:
        s = self.s
        facts = s.get("facts") or []
        counts = {k: sum(1 for f in facts if f.get("status") == k) for k in STATUS_COLORS}
        outlets = len({self.view.outlet(a) for a in s.get("articles") or []})
        chips = "".join(
            f'<span class="sw-chip sw-{k}">{counts[k]} {esc(STATUS_LABELS[k])}</span>' for k in STATUS_COLORS
        ) + f'<span class="sw-chip sw-diff">{len(s.get("discrepancies") or [])} differences</span>'
        headline = self.view.headline
        meta = (f"Event date <strong>{esc(with_weekday(s.get('event_date')) or 'unknown')}</strong> · "
                f"{counted(len(s.get('articles') or []), 'article')} from {counted(outlets, 'outlet')}")
        error = f'<p class="sw-note">Not analysed: {esc(s["error"])}</p>' if s.get("error") else ""
        return (f'<header class="sw-head"><p class="sw-kicker">storyweave report</p><h1>{esc(headline)}</h1>'
                f'<p class="sw-meta">{meta}</p><p class="sw-chips">{chips}</p>{error}</header>')

    def nav(self) -> str:
        items = [("brief", "Brief"), ("said", "Who said what"), ("differ", "Where sources differ"),
                 ("single", "Single-source claims"), ("matrix", "Who reports what"), ("timeline", "Timeline"),
                 ("provenance", "Who copies whom"), ("framing", "Headlines"), ("articles", "Articles")]
        links = "".join(f'<a href="#{self.prefix}-{k}">{esc(t)}</a>' for k, t in items)
        return f'<nav class="sw-nav">{links}{_TO_THE_LIST if self.listed else ""}</nav>'

    def sources(self) -> str:
        rows = []
        for src in self.view.sources():
            rows.append(
                f'<tr><td>{self.cite(src.id)}</td><td>{esc(src.outlet)}</td><td>{esc(src.title)}</td>'
                f"<td>{esc(src.published or '–')}</td></tr>"
            )
        table = f'<table class="sw-table"><thead><tr><th>#</th><th>Outlet</th><th>Headline</th><th>Published</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        return self.section("sources", "Sources", table, "Click any number in brackets to open the passage it cites, highlighted in its article.")

    def brief(self) -> str:
        sentences = (self.s.get("brief") or {}).get("sentences") or []
        items = "".join(
            f'<li>{esc(b.get("text", ""))} <span class="sw-cites">{self.cites_for_text(str(b.get("text") or ""), list(b.get("citations") or []))}</span></li>'
            for b in sentences
        )
        body = f'<ol class="sw-brief">{items}</ol>' if items else '<p class="sw-none">No brief: no statement is supported well enough.</p>'
        return self.section("brief", "Brief", body, "What happened, in the sources’ own words, most important first; each sentence "
                            "cites the articles that say it. [Brackets] name who a pronoun of the source stands for, "
                            "or who said the quoted words that follow, or the day a “yesterday” or “today” stands for.")

    def _quote_by(self, quote: dict[str, Any], speaker: str | None = None) -> str:
        via = f' <span class="sw-via">via {esc(quote["channel"])}</span>' if quote.get("channel") else ""
        unnamed = self.view.unnamed_source(quote)
        credited = self.view.credited_elsewhere(quote, speaker)
        citing = (f', citing <span class="sw-unnamed">{esc(unnamed)}</span>' if unnamed
                  else f' credited to <span class="sw-credited">{esc(credited)}</span>' if credited else "")
        return f"{self.outlet(quote['article'])} {self.cite(quote['article'], quote.get('span'))}{via}{citing}"

    @staticmethod
    def diff(ops: DiffOps) -> str:
        parts = []
        for tag, words in ops:
            if not words:
                continue
            if tag == "equal":
                parts.append(esc(words))
            elif tag == "delete":
                parts.append(f'<del title="not in this wording">{esc(words)}</del>')
            else:
                parts.append(f'<ins title="only in this wording">{esc(words)}</ins>')
        return " ".join(parts)

    def words(self, quote: dict[str, Any], html: str) -> str:
        """The speaker's own words in quotation marks (``<q>``); a paraphrase after its cue,
        without (``html`` is already escaped)."""
        cue = self.view.cue(quote)
        if cue is None:
            return f"<q>{html}</q>"
        return f'<span class="sw-reported" title="in the reporter\'s words">{esc(cue) + " " if cue else ""}{html}</span>'

    def group(self, group: GroupView, speaker: str) -> str:
        ref = group.reference
        said = "; ".join(self._quote_by(q, speaker) for q in group.same)
        text = str(ref.get("text", ""))
        out = f'<li>{self.words(ref, esc(after_cue(text) if self.view.cue(ref) else text))} <span class="sw-by">— {said}</span>'
        if group.variants:
            drift = f" (wording drift {group.drift:.2f})" if group.drift is not None else ""
            rows = "".join(f'<li><span class="sw-by">{self._quote_by(v.quote, speaker)}</span>: {self.words(v.quote, self.diff(v.ops))}</li>'
                           for v in group.variants)
            out += f'<ul class="sw-variants" title="worded differently{esc(drift)}">{rows}</ul>'
        if group.parts:
            rows = "".join(f'<li>in part: {self.words(p.reference, esc(str(p.reference.get("text", ""))))} '
                           f'<span class="sw-by">— {"; ".join(self._quote_by(q, speaker) for q in p.quotes())}</span></li>' for p in group.parts)
            out += f'<ul class="sw-variants" title="the same words quoted in part">{rows}</ul>'
        return out + "</li>"

    def said(self) -> str:
        blocks = []
        for speaker in self.view.speakers():
            n = sum(len(g.quotes()) + sum(len(p.quotes()) for p in g.parts) for g in speaker.groups)
            items = "".join(self.group(g, speaker.name) for g in speaker.groups)
            blocks.append(f'<div class="sw-speaker"><h3>{esc(speaker.name)} <small>{counted(n, "quote")}</small></h3><ul class="sw-quotes">{items}</ul></div>')
        body = "".join(blocks) or '<p class="sw-none">No quotes found.</p>'
        legend = 'One line per utterance; where outlets word it differently, <del>struck words</del> are in the first wording only and <ins>underlined words</ins> only in this one.'
        return self.section("said", "Who said what", body, legend)

    def differ(self) -> str:
        blocks = []
        for kind, title, discs in self.view.discrepancies():
            items = []
            for disc in discs:
                rows = "".join(
                    f'<li>{self.outlet(i["article"])} {self.cite(i["article"], i.get("span"))}: <q>{esc(i.get("text", ""))}</q></li>'
                    for i in disc.get("items") or []
                )
                items.append(f'<li><p>{esc(disc.get("explanation") or "")}</p><ul>{rows}</ul></li>')
            listing = f'<ul class="sw-discs">{"".join(items)}</ul>'
            if kind == "wording":
                # The word diffs are already under "Who said what"; here they are a list to check.
                listing = f'<details><summary>{counted(len(discs), "quote")} worded differently by different outlets</summary>{listing}</details>'
            blocks.append(f'<div class="sw-kind sw-kind-{esc(kind)}"><h3>{esc(title)}</h3>{listing}</div>')
        contested = self.view.facts("contested")
        if contested:
            rows = "".join(
                f'<li>{esc(f.get("text", ""))} — {self.by(list(f.get("sources") or []), str(f.get("text") or ""))}'
                + "".join(f'<br><small>because {esc(reason)}</small>' for reason in self.view.contested_because(f))
                + "</li>" for f in contested)
            blocks.append(f'<div class="sw-kind"><h3>Contested statements</h3><ul class="sw-discs">{rows}</ul></div>')
        body = "".join(blocks) or f'<p class="sw-none">{esc(self.view.nothing_differs())}</p>'
        return self.section("differ", "Where sources differ", body, "Hard contradictions (dates, numbers) first, then who said it, certainty and quote wording.")

    def single(self) -> str:
        facts = {f.get("text"): f for f in self.view.facts("single-source")}
        blocks = []
        # Grouped by outlet: "what does only this outlet claim?" is the reader's question.
        for first, items in self.view.single_source_by_outlet():
            rows = []
            for text, ids, certainties in items:
                how = ", ".join(c for c in certainties if c)
                note = ""
                fact = facts.get(text)
                if len(set(ids)) > 1:
                    note = f'<span class="sw-note">{esc(support_note(self.view, list(ids), fact))}</span>'
                tag = f'<span class="sw-tag">{esc(how)}</span>' if how else ""
                rows.append(f"<li>{esc(text)} — {self.by(list(ids), text)} {tag}{note}</li>")
            head = f'{self.outlet(first)} {self.cite(first)}' if first else "Unknown outlet"
            blocks.append(f'<div class="sw-outlet"><h3>From {head} <small>{counted(len(rows), "claim")}</small></h3>'
                          f'<ul class="sw-single">{"".join(rows)}</ul></div>')
        body = "".join(blocks) or '<p class="sw-none">Every claim is backed by two or more independent sources.</p>'
        legend = ("What one outlet alone reports (or articles that copy one another), grouped by outlet. Not confirmed by an "
                  "independent source — not necessarily wrong. Tags: asserted (stated as fact), hedged (“may”, “reportedly”), "
                  "attributed (someone is said to have said it).")
        return self.section("single", "Single-source claims", body, legend)

    # -- charts ------------------------------------------------------------------------------

    def chart(self, key: str, spec: dict[str, Any], caption: str) -> str:
        cid = f"{self.prefix}-chart-{key}"
        self.charts[cid] = spec
        return (f'<figure class="sw-figure"><div class="sw-chart" id="{cid}" role="img" aria-label="{esc(caption)}"></div>'
                f"<figcaption>{esc(caption)}</figcaption></figure>")

    def matrix(self) -> str:
        facts = [f for f in self.s.get("facts") or [] if f.get("sources")]
        order = {"contested": 0, "corroborated": 1, "single-source": 2}
        facts.sort(key=lambda f: (order.get(str(f.get("status")), 3), -len(f.get("sources") or []), str(f.get("id"))))
        if len(facts) > MATRIX_MAX_ROWS:
            facts = [f for f in facts if f.get("status") != "single-source"][:MATRIX_MAX_ROWS] or facts[:MATRIX_MAX_ROWS]
        claims = {c["id"]: c for c in self.claims}
        outlets = [f"[{src.label}] {src.outlet}" for src in self.view.sources() if src.id in (self.s.get("articles") or [])]
        cells, rows = [], []
        for n, fact in enumerate(facts, 1):
            text = _WS.sub(" ", str(fact.get("text") or ""))
            row = f"{n}. {text}"
            rows.append(row)
            spans = {claims[c]["article"]: claims[c]["span"] for c in fact.get("claims") or [] if c in claims}
            for aid in sorted(set(fact.get("sources") or []), key=lambda a: self.view.label(a) if a in self.view._labels else 0):
                if aid not in self.view._labels:
                    continue
                span = spans.get(aid) or self.locate(aid, text)
                off = self.offsets(aid)
                cells.append({
                    "row": row, "outlet": f"[{self.view.label(aid)}] {self.view.outlet(aid)}",
                    "status": STATUS_LABELS.get(str(fact.get("status")), str(fact.get("status"))),
                    "text": text, "target": self.anchor(aid),
                    "start": off(span[0]) if off and span else None, "end": off(span[1]) if off and span else None,
                })
        if not cells:
            return self.section("matrix", "Who reports what", '<p class="sw-none">No facts were found.</p>')
        spec = {
            "$schema": "https://vega.github.io/schema/vega/v5.json",
            "width": max(160, 46 * len(outlets)), "height": 17 * len(rows), "padding": 5,
            "data": [{"name": "cells", "values": cells}],
            "scales": [
                {"name": "x", "type": "band", "domain": outlets, "range": "width", "padding": 0.08},
                {"name": "y", "type": "band", "domain": rows, "range": "height", "padding": 0.12},
                {"name": "color", "type": "ordinal", "domain": [STATUS_LABELS[k] for k in STATUS_COLORS],
                 "range": list(STATUS_COLORS.values())},
            ],
            "axes": [
                {"orient": "top", "scale": "x", "labelAngle": -35, "labelAlign": "left", "labelLimit": 160, "domain": False, "ticks": False},
                {"orient": "left", "scale": "y", "labelLimit": 430, "domain": False, "ticks": False, "labelFontSize": 11},
            ],
            "legends": [{"fill": "color", "title": "status", "orient": "bottom", "direction": "horizontal"}],
            "marks": [{
                "type": "rect", "from": {"data": "cells"},
                "encode": {
                    "enter": {"x": {"scale": "x", "field": "outlet"}, "width": {"scale": "x", "band": 1},
                              "y": {"scale": "y", "field": "row"}, "height": {"scale": "y", "band": 1},
                              "fill": {"scale": "color", "field": "status"}, "cursor": {"value": "pointer"},
                              "tooltip": {"signal": "{'outlet': datum.outlet, 'status': datum.status, 'says': datum.text}"}},
                    "update": {"opacity": {"value": 0.9}}, "hover": {"opacity": {"value": 0.6}},
                },
            }],
        }
        caption = "Each row a statement, each column an outlet; a filled cell means the outlet reports it. Click a cell to read the passage."
        return self.section("matrix", "Who reports what", self.chart("matrix", spec, caption))

    def timeline(self) -> str:
        entries = [t for t in self.s.get("timeline") or [] if t.get("date")]
        if not entries:
            return self.section("timeline", "Timeline", '<p class="sw-none">No dated events were found.</p>')
        items = ""
        for t in entries:
            cited = sorted((p for p in passages(t) if p.get("article") in self.view._labels), key=lambda p: self.view.label(p["article"]))
            items += (f'<li><time>{esc(readable_date(t["date"]))}</time> {esc(t.get("text", ""))} '
                      + "".join(self.cite(p["article"], p.get("span")) for p in cited) + "</li>")
        points = []
        for n, t in enumerate(entries, 1):
            when = _timestamp(str(t["date"]))
            if when is None or t.get("article") not in self.view._labels:
                continue
            text = _WS.sub(" ", str(t.get("text") or ""))
            span, off = t.get("span"), self.offsets(t["article"])
            cited = "".join(f"[{n}]" for n in self.view.labels(passage_articles(t)))
            points.append({"when": when, "row": f"{readable_date(t['date'])} {cited} {text}", "text": text, "date": readable_date(t["date"]),
                           "target": self.anchor(t["article"]),
                           "start": off(span[0]) if off and span else None, "end": off(span[1]) if off and span else None})
        chart = ""
        if points:
            spec = {
                "$schema": "https://vega.github.io/schema/vega/v5.json",
                "width": 420, "height": 22 * len(points), "padding": 5,
                "data": [{"name": "events", "values": points}],
                "scales": [
                    {"name": "x", "type": "utc", "domain": {"data": "events", "field": "when"}, "range": "width", "nice": True},
                    {"name": "y", "type": "band", "domain": [p["row"] for p in points], "range": "height", "padding": 0.3},
                ],
                "axes": [{"orient": "bottom", "scale": "x", "grid": True, "tickCount": 6},
                         {"orient": "left", "scale": "y", "labelLimit": 420, "domain": False, "ticks": False}],
                "marks": [{
                    "type": "symbol", "from": {"data": "events"},
                    "encode": {"enter": {"x": {"scale": "x", "field": "when"}, "y": {"scale": "y", "field": "row", "band": 0.5},
                                         "size": {"value": 110}, "fill": {"value": "#0969da"}, "cursor": {"value": "pointer"},
                                         "tooltip": {"signal": "{'date': datum.date, 'says': datum.text}"}}},
                }],
            }
            chart = self.chart("timeline", spec, "Dated events on one time axis; click a point to read the passage.")
        return self.section("timeline", "Timeline", f'<ol class="sw-timeline">{items}</ol>{chart}',
                            "Each sentence at the date it tells of, in date order (relative dates such as “yesterday” resolved; a date it only counts from or compares with is left out).")

    def provenance(self) -> str:
        links = list(self.s.get("provenance") or [])
        ids = [a for a in self.s.get("articles") or [] if a in self.view._labels]
        share_of: dict[str, float] = {}
        for link in links:
            value = link.get("original_share")
            if isinstance(value, (int, float)):
                share_of[link["derived"]] = min(share_of.get(link["derived"], 1.0), float(value))
        rows = "".join(
            f"<tr><td>{self.outlet(p['derived'])} {self.cite(p['derived'])}</td><td>{esc(relation_phrase(p))}</td>"
            f"<td>{self.outlet(p['source'])} {self.cite(p['source'])}</td><td>{esc(score(p.get('score')))}</td>"
            f"<td>{esc(p.get('shared_sentences', '–'))}</td><td>{esc(share(p.get('original_share')))}</td></tr>"
            for p in links
        )
        table = ('<table class="sw-table"><thead><tr><th>Article</th><th>Relation</th><th>Source</th><th>Score</th>'
                 f'<th>Shared sentences</th><th>Own text</th></tr></thead><tbody>{rows}</tbody></table>') if links else '<p class="sw-none">No article copies another: every outlet wrote its own text.</p>'
        nodes, pos = [], {}
        radius = 130
        for i, aid in enumerate(ids):
            angle = 2 * math.pi * i / max(1, len(ids)) - math.pi / 2
            x, y = 260 + 1.6 * radius * math.cos(angle), 160 + radius * math.sin(angle)
            pos[aid] = (x, y)
            own = share_of.get(aid, 1.0)
            # Labels sit outside the ring, above the top half's nodes and below the others.
            nodes.append({"x": round(x, 1), "y": round(y, 1), "label": f"[{self.view.label(aid)}] {self.view.outlet(aid)}",
                          "own": own, "share": f"{own:.0%} own text", "target": self.anchor(aid),
                          "dy": -38 if math.sin(angle) < -0.1 else 30})
        edges = []
        for p in links:
            if p.get("source") in pos and p.get("derived") in pos:
                (x1, y1), (x2, y2) = pos[p["derived"]], pos[p["source"]]
                edges.append({"x": round(x1, 1), "y": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                              "mx": round((x1 + x2) / 2, 1), "my": round((y1 + y2) / 2, 1),
                              "kind": str(p.get("kind") or "shared text"), "score": float(p.get("score") or 0)})
        spec = {
            "$schema": "https://vega.github.io/schema/vega/v5.json",
            "width": 520, "height": 320, "padding": 36,
            "data": [{"name": "nodes", "values": nodes}, {"name": "edges", "values": edges}],
            "scales": [{"name": "own", "type": "linear", "domain": [0, 1], "range": ["#cf222e", "#1a7f37"]}],
            "legends": [{"fill": "own", "title": "share of own text", "format": ".0%", "orient": "right", "gradientLength": 120}],
            "marks": [
                {"type": "rule", "from": {"data": "edges"},
                 "encode": {"enter": {"x": {"field": "x"}, "y": {"field": "y"}, "x2": {"field": "x2"}, "y2": {"field": "y2"},
                                      "stroke": {"value": "#57606a"}, "strokeWidth": {"signal": "1 + 8 * datum.score"},
                                      "tooltip": {"field": "kind"}}}},
                {"type": "text", "from": {"data": "edges"},
                 "encode": {"enter": {"x": {"field": "mx"}, "y": {"field": "my"}, "text": {"field": "kind"}, "align": {"value": "center"},
                                      "dy": {"value": -6}, "fontSize": {"value": 11}, "fill": {"value": "#24292f"}}}},
                {"type": "symbol", "from": {"data": "nodes"},
                 "encode": {"enter": {"x": {"field": "x"}, "y": {"field": "y"}, "size": {"value": 900}, "fill": {"scale": "own", "field": "own"},
                                      "stroke": {"value": "#fff"}, "strokeWidth": {"value": 2}, "cursor": {"value": "pointer"},
                                      "tooltip": {"signal": "{'article': datum.label, 'original': datum.share}"}}}},
                {"type": "text", "from": {"data": "nodes"},
                 "encode": {"enter": {"x": {"field": "x"}, "y": {"field": "y"}, "dy": {"field": "dy"}, "align": {"value": "center"},
                                      "baseline": {"value": "middle"}, "fontSize": {"value": 11},
                                      "text": {"signal": "[datum.label, datum.share]"}, "limit": {"value": 200}}}},
            ],
        }
        graph = self.chart("provenance", spec, "Articles as circles (colour: share of own text); a line joins two articles that share text.")
        return self.section("provenance", "Who copies whom", graph + table,
                            "Articles that copy one another count as one source when support is counted.")

    def framing(self) -> str:
        framing = list(self.s.get("framing") or [])
        if not framing:
            return self.section("framing", "Headlines", '<p class="sw-none">No headlines to compare.</p>')
        rows = "".join(
            f"<tr><td>{self.outlet(f['article'])} {self.cite(f['article'])}</td><td>{esc(f.get('headline', ''))}</td>"
            f"<td>{esc(score(f.get('sensationalism')))}</td><td>{esc(', '.join(str(x) for x in f.get('signals') or []) or '–')}</td></tr>"
            for f in framing if f.get("article") in self.view._labels
        )
        bars = [{"outlet": f"[{self.view.label(f['article'])}] {self.view.outlet(f['article'])}",
                 "value": float(f.get("sensationalism") or 0), "signals": ", ".join(str(x) for x in f.get("signals") or []) or "none",
                 "target": self.anchor(f["article"])} for f in framing if f.get("article") in self.view._labels]
        spec = {
            "$schema": "https://vega.github.io/schema/vega/v5.json",
            "width": 360, "height": 26 * len(bars), "padding": 5,
            "data": [{"name": "bars", "values": bars}],
            "scales": [{"name": "x", "type": "linear", "domain": [0, 1], "range": "width"},
                       {"name": "y", "type": "band", "domain": [b["outlet"] for b in bars], "range": "height", "padding": 0.2},
                       {"name": "c", "type": "linear", "domain": [0, 1], "range": ["#8c959f", "#cf222e"]}],
            "axes": [{"orient": "bottom", "scale": "x", "title": "sensationalism (0 plain – 1 clickbait)", "format": ".1f"},
                     {"orient": "left", "scale": "y", "labelLimit": 200}],
            "marks": [{"type": "rect", "from": {"data": "bars"},
                       "encode": {"enter": {"x": {"scale": "x", "value": 0}, "x2": {"scale": "x", "field": "value"},
                                            "y": {"scale": "y", "field": "outlet"}, "height": {"scale": "y", "band": 1},
                                            "fill": {"scale": "c", "field": "value"}, "cursor": {"value": "pointer"},
                                            "tooltip": {"signal": "{'outlet': datum.outlet, 'signals': datum.signals}"}}}}],
        }
        chart = self.chart("framing", spec, "How sensational each headline is.")
        table = f'<table class="sw-table"><thead><tr><th>Outlet</th><th>Headline</th><th>Sensationalism</th><th>Signals</th></tr></thead><tbody>{rows}</tbody></table>'
        return self.section("framing", "Headlines", chart + table, "The brief’s headline is the plainest one.")

    def article_texts(self) -> str:
        blocks = []
        for src in self.view.sources():
            art = self.articles.get(src.id)
            if not art:
                continue
            removed = art.get("removed") or []
            junk = "".join(f'<li><span class="sw-tag">{esc(r.get("reason") or "unknown")}</span> {esc(r.get("text", ""))}</li>' for r in removed)
            junk_html = (f'<details class="sw-junk"><summary>{counted(len(removed), "piece")} of page junk removed</summary><ul>{junk}</ul></details>'
                         if removed else '<p class="sw-none">Nothing removed.</p>')
            page = f' · <a href="{esc(self.article_link(src.id))}">article page</a>' if self.article_link else ""
            where = f'<p class="sw-meta">{esc(src.location)}{" · " + esc(src.published) if src.published else ""}{page}</p>'
            blocks.append(
                f'<details class="sw-article" id="{self.anchor(src.id)}"><summary><span class="sw-num">[{src.label}]</span> '
                f'{esc(src.outlet)} — <em>{esc(src.title)}</em></summary>{where}'
                f'<div class="sw-text">{esc(_page_text(str(art.get("text") or "")))}</div>{junk_html}</details>'
            )
        return self.section("articles", "Articles", "".join(blocks), "The cleaned text of every article; what was cut as page junk is kept below each.")

    def build(self) -> str:
        body = (self.header() + self.nav() + self.brief() + self.said() + self.differ() + self.single()
                + self.matrix() + self.timeline() + self.provenance() + self.framing() + self.sources() + self.article_texts())
        data = f'<script type="application/json" class="sw-charts">{script_json(self.charts)}</script>' if self.charts else ""
        return f'<div class="sw-story" id="{self.prefix}">{body}{data}</div>'


def _timestamp(value: str) -> int | None:
    """A TIMEX3 calendar value (1961, 2024-06, 2024-06-19, and since the dates round a week
    2024-W25 or a season 2024-SU, at its first day) as milliseconds since 1970 (UTC)."""
    start = value_start(value)
    if start is None:
        return None
    return int(datetime(start.year, start.month, start.day, tzinfo=timezone.utc).timestamp() * 1000)


def render_story_fragment(analysis: dict[str, Any], story_id: str,
                          article_link: Callable[[str], str] | None = None) -> str:
    """One story's report as an HTML fragment (no ``<html>``, styles or scripts).

    Place :func:`css` and :func:`script` once on the page that holds it, and either
    :func:`vega_script` inline (as the report does) or :func:`chart_bundle` as a file
    named by ``<meta name="storyweave-charts" content="URL">``.

    Args:
        analysis: the analysis JSON.
        story_id: the ``id`` of one of its stories.
        article_link: gives the address of an article's own page from its id; each
            article in the "Articles" section then links to it.

    Returns:
        A ``<div class="sw-story">`` element.

    Raises:
        KeyError: no story has that id.
    """
    for i, view in enumerate(story_views(analysis)):
        if view.story.get("id") == story_id:
            return _Story(view, f"s{i}", article_link).build()
    raise KeyError(f"no story {story_id!r} in the analysis")


def render(analysis: dict[str, Any]) -> str:
    """The analysis as one self-contained HTML document.

    Args:
        analysis: the analysis JSON.

    Returns:
        The HTML text; it makes no network request when opened.

    Raises:
        ModelMissingError: the Vega library (package ``altair_viewer``) is not installed.
    """
    return "".join(chunks(analysis))


#: The link a story's menu ends with on a page of several stories.
_TO_THE_LIST = '<a href="#sw-index">All stories</a>'


def chunks(analysis: dict[str, Any]) -> Iterator[str]:
    """:func:`render`'s text. The page's head (its title and the policy's nonce) is made
    from every story, so the stories are held as HTML until the last is read."""
    stories: list[str] = []
    index: list[str] = []
    title = ""
    for i, view in enumerate(story_views(analysis)):
        title = title or view.title
        stories.append(_Story(view, f"s{i}", listed=True).build())
        index.append(f'<li><a href="#s{i}">{esc(view.headline)}</a> <span class="sw-by">{esc(view.at_a_glance())}</span></li>')
    if len(stories) != 1:
        title = f"{len(stories)} stories"
    # Many stories read as one long page: a list of them first, each a link to its report.
    contents = (f'<nav class="sw-index" id="sw-index" aria-label="Stories"><h1>{len(stories)} stories</h1>'
                f'<ol>{"".join(index)}</ol></nav>' if len(stories) > 1 else "")
    body = "".join(stories)
    if not contents:
        body = body.replace(_TO_THE_LIST, "")  # a page of one story has no list to lead back to
    body = contents + body or '<p class="sw-none">No stories found in the input.</p>'
    del stories
    vega = vega_script()
    # A nonce from the content itself: deterministic, yet no article can know it in advance.
    nonce = hashlib.sha256((body + _JS).encode("utf-8")).hexdigest()[:24]
    policy = (f"default-src 'none'; script-src 'nonce-{nonce}' 'unsafe-eval'; style-src 'unsafe-inline'; "
              "img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'")
    yield (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)} — storyweave</title><style>{css()}</style></head>"
        f'<body><main class="sw-main">'
    )
    yield body
    yield (
        f'</main><footer class="sw-foot">Made by storyweave from the analysis JSON; charts drawn with Vega.</footer>'
        f'<script type="text/plain" id="sw-vega-code">{vega}</script><script nonce="{nonce}">{_JS}</script></body></html>\n'
    )


_CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--blue:#0969da;--green:#1a7f37;--amber:#9a6700;--red:#cf222e}
*{box-sizing:border-box}
body{margin:0;background:var(--soft);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.sw-main{max-width:1040px;margin:0 auto;padding:24px 20px 60px}
.sw-index{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:8px 28px 20px;margin-bottom:32px}
.sw-index h1{font-size:1.4rem;margin:.5em 0 .3em}.sw-index li{margin:.35em 0}.sw-index a{color:var(--blue);text-decoration:none;font-weight:600}
.sw-story{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:8px 28px 28px;margin-bottom:32px}
.sw-head h1{font-size:1.75rem;line-height:1.25;margin:.2em 0 .3em}
.sw-kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:var(--muted);margin:1.2em 0 0}
.sw-meta{color:var(--muted);margin:.2em 0;font-size:.92rem;word-break:break-word}
.sw-chips{margin:.6em 0 0}
.sw-chip{display:inline-block;border-radius:999px;padding:2px 10px;margin:0 6px 6px 0;font-size:.85rem;font-weight:600;border:1px solid var(--line)}
.sw-corroborated{background:#dafbe1;color:var(--green)}.sw-single-source{background:#fff8c5;color:var(--amber)}
.sw-contested{background:#ffebe9;color:var(--red)}.sw-diff{background:#ddf4ff;color:var(--blue)}
.sw-nav{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);padding:8px 0;margin:12px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.88rem}
.sw-nav a{color:var(--blue);text-decoration:none}.sw-nav a:hover{text-decoration:underline}
.sw-section{border-top:1px solid var(--line);padding-top:6px;margin-top:22px;scroll-margin-top:48px}
.sw-section h2{font-size:1.25rem;margin:.5em 0 .2em}.sw-section h3{font-size:1.02rem;margin:1em 0 .3em}
.sw-section h3 small{color:var(--muted);font-weight:400}
.sw-lead{color:var(--muted);margin:0 0 .8em;font-size:.92rem}
.sw-brief{padding-left:1.4em}.sw-brief li{margin:.45em 0;font-size:1.04rem}
.sw-cite{color:var(--blue);text-decoration:none;font-weight:600;font-size:.85em;padding:0 1px;white-space:nowrap}
.sw-cite:hover,.sw-cite:focus{text-decoration:underline}
.sw-outlet{font-weight:600}.sw-by{color:var(--muted)}.sw-via{font-style:italic}.sw-credited{font-weight:600}
.sw-quotes,.sw-discs,.sw-single,.sw-timeline{padding-left:1.2em}.sw-quotes>li,.sw-discs>li,.sw-single>li,.sw-timeline>li{margin:.5em 0}
.sw-discs p{margin:.1em 0}
q{quotes:"“" "”"}
.sw-variants{list-style:none;padding-left:1em;border-left:3px solid var(--line);margin:.3em 0}
del{background:#ffebe9;color:#82071e;text-decoration:line-through}
ins{background:#dafbe1;color:#116329;text-decoration:underline}
.sw-tag{display:inline-block;background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:.78rem;color:var(--muted)}
.sw-note{display:block;color:var(--amber);font-size:.88rem}
.sw-none{color:var(--muted);font-style:italic}
.sw-timeline time{font-variant-numeric:tabular-nums;font-weight:600;margin-right:.4em}
.sw-table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.6em 0}
.sw-table th,.sw-table td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.sw-table th{background:var(--soft)}
.sw-figure{margin:.6em 0;overflow-x:auto}.sw-figure figcaption{color:var(--muted);font-size:.85rem}
.sw-article{border:1px solid var(--line);border-radius:8px;margin:.6em 0;padding:6px 14px;scroll-margin-top:48px}
.sw-article>summary{cursor:pointer;font-weight:600}
.sw-num{color:var(--blue)}
.sw-text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:1.6;margin:.6em 0}
.sw-junk summary{cursor:pointer;color:var(--muted);font-size:.88rem}
.sw-junk li{font-size:.85rem;color:var(--muted);word-break:break-word}
mark.sw-hl{background:#ffe066;outline:2px solid #f0b400;border-radius:2px;scroll-margin-top:80px}
.sw-foot{color:var(--muted);text-align:center;font-size:.8rem;padding-bottom:24px}
@media print{.sw-nav{position:static}.sw-article{break-inside:avoid}}
"""

_JS = r"""
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll("mark.sw-hl").forEach(function (m) {
      var parent = m.parentNode;
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parent.normalize();
    });
  }
  function show(target, start, end) {
    var box = document.getElementById(target);
    if (!box) { return; }
    if (box.tagName === "DETAILS") { box.open = true; }
    clear();
    var text = box.querySelector(".sw-text");
    var node = text && text.firstChild;
    if (node && node.nodeType === 3 && isFinite(start) && isFinite(end) && end > start && end <= node.length) {
      var range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      var mark = document.createElement("mark");
      mark.className = "sw-hl";
      mark.tabIndex = -1;
      range.surroundContents(mark);
      mark.scrollIntoView({block: "center"});
      mark.focus({preventScroll: true});
      return;
    }
    box.scrollIntoView({block: "start"});
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.sw-cite") : null;
    if (!link) { return; }
    event.preventDefault();
    var start = link.getAttribute("data-start"), end = link.getAttribute("data-end");
    show(link.getAttribute("data-target"), start === null ? NaN : +start, end === null ? NaN : +end);
  });
  window.storyweaveShow = show;
  // Charts wait until the page has loaded and painted: parsing the Vega bundle and
  // drawing four charts would otherwise hold back the first view of the brief. The
  // bundle sits in an inert <script type="text/plain"> and runs here, under this
  // script's nonce. A page that names the bundle's address instead (the web app, in
  // <meta name="storyweave-charts">) has it loaded from there, then the charts drawn.
  var nonce = document.currentScript ? document.currentScript.nonce : "";
  var fetching = false;
  function loadVega(then) {
    if (typeof vega !== "undefined") { return true; }
    var code = document.getElementById("sw-vega-code");
    var src = document.querySelector('meta[name="storyweave-charts"]');
    var run = document.createElement("script");
    if (code) {
      run.nonce = nonce;
      run.textContent = code.textContent;
      document.body.appendChild(run);
      return typeof vega !== "undefined";
    }
    if (src && !fetching) {
      fetching = true;
      run.src = src.getAttribute("content");
      run.onload = then;
      document.head.appendChild(run);
    }
    return false;
  }
  function clicked(event, item) {
    var d = item && item.datum;
    if (d && d.target) { show(d.target, d.start === null ? NaN : d.start, d.end === null ? NaN : d.end); }
  }
  function draw(box, spec) {
    if (box.swDrawn) { return; }
    box.swDrawn = true;
    if (typeof vegaEmbed === "function") {
      // A page whose policy forbids eval: vega-embed parses every expression to a tree
      // (ast) and runs it with its interpreter. No menu, no injected style sheet.
      var copy = Object.assign({}, spec);
      delete copy.$schema;  // the mode says it is Vega; the schema URL only draws a version warning
      vegaEmbed(box, copy, {mode: "vega", ast: true, renderer: "svg", actions: false, defaultStyle: false,
                            tooltip: false, hover: true})
        .then(function (result) { result.view.addEventListener("click", clicked); });
      return;
    }
    var view = new vega.View(vega.parse(spec), {renderer: "svg", container: box, hover: true});
    view.addEventListener("click", clicked);
    view.runAsync();
  }
  function inView(box) {
    var r = box.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight ? 1 : 0;
  }
  function charts() {
    var pending = [];
    document.querySelectorAll("script.sw-charts").forEach(function (data) {
      var specs = JSON.parse(data.textContent);
      Object.keys(specs).forEach(function (id) {
        var box = document.getElementById(id);
        if (box && !box.swDrawn) { pending.push([box, specs[id]]); }
      });
    });
    if (!pending.length || !loadVega(charts)) { return; }
    // The charts on screen first, then the rest in page order, one per task so that a
    // click or a scroll is never kept waiting behind all of them.
    pending.sort(function (a, b) { return inView(b[0]) - inView(a[0]); });
    (function next() {
      var item = pending.shift();
      if (!item) { return; }
      draw(item[0], item[1]);
      setTimeout(next, 0);
    })();
  }
  function whenIdle() {
    // The task after the next frame: the first paint has happened by then.
    window.requestAnimationFrame(function () { setTimeout(charts, 0); });
  }
  window.storyweaveCharts = charts;
  if (document.readyState === "complete") { whenIdle(); } else { window.addEventListener("load", whenIdle); }
})();
"""
