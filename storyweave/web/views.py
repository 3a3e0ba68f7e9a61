"""View models for the story page: the analysis JSON arranged for reading, with every
citation pointing at the exact span of the cited article.

Nothing here escapes text: templates autoescape everything they print.
"""

from __future__ import annotations

from typing import Any, Sequence

from rapidfuzz import fuzz

from ..model import Article

#: A brief sentence cites the claim of the cited article that is at least this similar
#: to it (rapidfuzz ratio, 0-100); below it the citation opens the article without a mark.
CITE_MIN_SIMILARITY = 60


def article_href(article_id: str, story_id: str | None = None, span: Sequence[int] | None = None) -> str:
    """Link to an article page, with the span to highlight."""
    query = []
    if story_id:
        query.append(f"story={story_id}")
    if span:
        query.append(f"hl={int(span[0])}-{int(span[1])}")
    return f"/articles/{article_id}" + ("?" + "&".join(query) if query else "") + ("#hl" if span else "")


def story_view(story: dict[str, Any], articles: Sequence[Article]) -> dict[str, Any]:
    """Everything the story template shows, from a story object and its articles."""
    sid = story["id"]
    by_id = {a.id: a for a in articles}
    label = {a.id: (a.source or a.title or a.id) for a in articles}
    entities = {e["id"]: e for e in story.get("entities", [])}
    claims = {c["id"]: c for c in story.get("claims", [])}
    quotes = {q["id"]: q for q in story.get("quotes", [])}

    def cite(aid: str, span: Sequence[int] | None) -> dict[str, Any]:
        return {"id": aid, "label": label.get(aid, aid), "href": article_href(aid, sid, span)}

    def claim_span(text: str, aid: str) -> Sequence[int] | None:
        best, score = None, 0.0
        for fact in story.get("facts", []):
            if fact["text"] == text:
                for cid in fact.get("claims", []):
                    c = claims.get(cid)
                    if c and c["article"] == aid:
                        return c["span"]
        for c in story.get("claims", []):
            if c["article"] == aid:
                s = fuzz.ratio(c["text"], text)
                if s > score:
                    best, score = c["span"], s
        return best if score >= CITE_MIN_SIMILARITY else None

    brief = [
        {"text": s["text"], "citations": [cite(a, claim_span(s["text"], a)) for a in s.get("citations", [])]}
        for s in story.get("brief", {}).get("sentences", [])
    ]
    quote_groups = []
    for g in story.get("quote_groups", []):
        speaker = entities.get(g.get("speaker") or "", {}).get("name")
        items = []
        for qid in g.get("quotes", []):
            q = quotes.get(qid)
            if q:
                items.append({"text": q["text"], "cue": q.get("cue"), "channel": q.get("channel"),
                              "speaker_text": q.get("speaker_text"), "cite": cite(q["article"], q.get("span"))})
        if items:
            quote_groups.append({"speaker": speaker or items[0]["speaker_text"] or "unknown speaker",
                                 "quotes": items, "drift": g.get("drift", 0)})
    discrepancies = [
        {"kind": d["kind"], "explanation": d.get("explanation", ""),
         "items": [{"text": i["text"], "cite": cite(i["article"], i.get("span"))} for i in d.get("items", [])]}
        for d in story.get("discrepancies", [])
    ]

    def fact_view(f: dict[str, Any]) -> dict[str, Any]:
        cites: list[dict[str, Any]] = []
        for cid in f.get("claims", []):
            c = claims.get(cid)
            if c and c["article"] not in [x["id"] for x in cites]:
                cites.append(cite(c["article"], c["span"]))
        for aid in f.get("sources", []):
            if aid not in [x["id"] for x in cites]:
                cites.append(cite(aid, None))
        return {"text": f["text"], "citations": cites}

    facts = {status: [fact_view(f) for f in story.get("facts", []) if f.get("status") == status]
             for status in ("corroborated", "contested", "single-source")}
    timeline = [{"date": t.get("date"), "text": t["text"], "cite": cite(t["article"], t.get("span"))}
                for t in story.get("timeline", [])]
    provenance = [{"source": cite(p["source"], None), "derived": cite(p["derived"], None), "kind": p.get("kind"),
                   "score": p.get("score"), "shared": p.get("shared_sentences")} for p in story.get("provenance", [])]
    framing = [{"cite": cite(f["article"], None), "headline": f.get("headline", ""),
                "sensationalism": f.get("sensationalism"), "signals": f.get("signals", [])}
               for f in story.get("framing", [])]
    original = {}
    for p in story.get("provenance", []):
        if p.get("original_share") is not None:
            original[p["derived"]] = p["original_share"]
    article_rows = [{"id": aid, "label": label.get(aid, aid), "title": by_id[aid].title, "published": by_id[aid].published,
                     "href": article_href(aid, sid), "original": original.get(aid)}
                    for aid in story.get("articles", []) if aid in by_id]
    return {"id": sid, "title": story.get("brief", {}).get("headline") or story.get("title") or sid,
            "event_date": story.get("event_date"), "brief": brief, "quote_groups": quote_groups,
            "discrepancies": discrepancies, "facts": facts, "timeline": timeline, "provenance": provenance,
            "framing": framing, "articles": article_rows,
            "entities": [e["name"] for e in story.get("entities", [])][:30]}


def highlighted(text: str, span: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """The article text cut into (piece, is-highlighted) parts for the template."""
    if span is None:
        return [(text, False)]
    start, end = max(0, span[0]), min(len(text), span[1])
    if start >= end:
        return [(text, False)]
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]


def parse_span(value: str | None) -> tuple[int, int] | None:
    """``"12-40"`` -> (12, 40); anything else -> None."""
    if not value:
        return None
    try:
        a, b = value.split("-", 1)
        return int(a), int(b)
    except ValueError:
        return None
