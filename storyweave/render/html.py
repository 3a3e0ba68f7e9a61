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

For the web app: :func:`render_story_fragment` gives one story's body, and
:mod:`~storyweave.render.html_assets` the assets it needs, served as files. A page whose
Content-Security-Policy forbids ``'unsafe-eval'`` names the bundle's address in
``<meta name="storyweave-charts" content="URL">``: the script loads it after the first
paint and draws the same charts with vega-embed's expression interpreter (``ast: true``),
which never compiles code from strings.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from ..extract.dates import value_start
from . import (DiffOps, GroupView, StoryView, after_cue, brief_order_words, counted, passage_articles, phase_heading,
               passages, readable_date, relation_phrase, score, share, story_views, with_weekday)
from .html_assets import css, script, vega_script
from .html_charts import STATUS_COLORS, STATUS_LABELS, copy_graph, fact_matrix, headline_bars, time_axis
from .markdown import support_note

__all__ = ["render", "render_story_fragment", "script_json"]

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
            # a story told phase by phase: each phase's reports under their days, numbering on
            (f'</ol><p class="sw-brief-phase">{esc(heading)}</p><ol class="sw-brief" start="{n + 1}">'
             if (heading := phase_heading(sentences, n)) else "")
            + f'<li>{esc(b.get("text", ""))} <span class="sw-cites">{self.cites_for_text(str(b.get("text") or ""), list(b.get("citations") or []))}</span></li>'
            for n, b in enumerate(sentences)
        )
        body = (f'<ol class="sw-brief">{items}</ol>'.replace('<ol class="sw-brief"></ol>', "")
                if items else '<p class="sw-none">No brief: no statement is supported well enough.</p>')
        return self.section("brief", "Brief", body, f"What happened, in the sources’ own words, {brief_order_words(sentences)}; each sentence "
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
        spec = fact_matrix(cells, outlets, rows)
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
            spec = time_axis(points)
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
        spec = copy_graph(nodes, edges)
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
        spec = headline_bars(bars)
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

    Place :mod:`~storyweave.render.html_assets`'s ``css()`` and ``script()`` once on the
    page that holds it, and either ``vega_script()`` inline (as the report does) or
    ``chart_bundle()`` as a file named by ``<meta name="storyweave-charts" content="URL">``.

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
    nonce = hashlib.sha256((body + script()).encode("utf-8")).hexdigest()[:24]
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
        f'<script type="text/plain" id="sw-vega-code">{vega}</script><script nonce="{nonce}">{script()}</script></body></html>\n'
    )
