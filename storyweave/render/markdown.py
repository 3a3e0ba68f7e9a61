"""The analysis as GitHub-flavoured Markdown: one document, a section per finding.

Article text is untrusted: every piece of it goes through :func:`md_escape`, so no raw
HTML, link, image or emphasis from an article reaches the reader's Markdown viewer.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any, Iterator

from .._text import names_together, outlet_host
from ..provenance import connected
from . import (DiffOps, GroupView, StoryView, after_cue, brief_order_words, counted, passage_articles, phase_heading,
               readable_date, relation_phrase, score, share, story_views, with_weekday)

#: Characters that start Markdown syntax inside a line (links, images, emphasis, code,
#: table cells, strikethrough, '#' issue references). '<', '>' and '&' become entities.
#: Line-start syntax ('-', '+', '1.') needs no escape: escaped text never starts a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~])")
_SPACE = re.compile(r"\s+")


def md_escape(text: Any) -> str:
    """Article-derived text made inert: HTML entities and Markdown specials escaped.

    Newlines become spaces, since every escaped value sits inside a list item or a table
    cell, where a line break would end it.
    """
    flat = _SPACE.sub(" ", str(text)).strip()
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _cite(view: StoryView, ids: list[str]) -> str:
    return "".join(f"[{n}]" for n in view.labels(ids))


def _by(view: StoryView, ids: list[str]) -> str:
    """'Coastline Times [1], Norland Wire [3]'."""
    seen = sorted(set(ids), key=view.label)
    return ", ".join(f"{md_escape(view.outlet(a))} [{view.label(a)}]" for a in seen)


def _said_by(view: StoryView, quote: dict[str, Any], speaker: str | None = None) -> str:
    who = f"{md_escape(view.outlet(quote['article']))} [{view.label(quote['article'])}]"
    if quote.get("channel"):
        who += f" via {md_escape(quote['channel'])}"
    unnamed = view.unnamed_source(quote)
    if unnamed:
        return f"{who}, citing {md_escape(unnamed)}"
    credited = view.credited_elsewhere(quote, speaker)
    return f"{who} credited to {md_escape(credited)}" if credited else who


def _diff(ops: DiffOps) -> str:
    parts = []
    for tag, words in ops:
        text = md_escape(words)
        if not text:
            continue
        parts.append(text if tag == "equal" else f"~~{text}~~" if tag == "delete" else f"**{text}**")
    return " ".join(parts)


def _words(view: StoryView, quote: dict[str, Any], text: str) -> str:
    """The speaker's own words in quotation marks; a paraphrase after its cue, without
    (``text`` is already escaped)."""
    cue = view.cue(quote)
    if cue is None:
        return f"“{text}”"
    return f"{md_escape(cue)} {text}" if cue else text


def _group(view: StoryView, group: GroupView, speaker: str) -> list[str]:
    drift = f" (wording drift {group.drift:.2f})" if group.variants and group.drift is not None else ""
    text = after_cue(group.reference["text"]) if view.cue(group.reference) else group.reference["text"]
    lines = [f"- {_words(view, group.reference, md_escape(text))} — "
             + "; ".join(_said_by(view, q, speaker) for q in group.same) + drift]
    for variant in group.variants:
        lines.append(f"  - {_said_by(view, variant.quote, speaker)}: {_words(view, variant.quote, _diff(variant.ops))}")
    for part in group.parts:
        lines.append(f"  - in part: {_words(view, part.reference, md_escape(part.reference['text']))} — "
                     + "; ".join(_said_by(view, q, speaker) for q in part.quotes()))
    return lines


#: Provenance links spelt out one by one under a claim; beyond this, a wire story copied by
#: five outlets would list ten pairs, so the articles that share text are named once.
MAX_LINKS_LISTED = 2
#: How the kinds of provenance link read when a set of articles is summed up.
_LINK_KINDS = {"copy": "copies", "paraphrase": "paraphrases"}


def _shared_text_sets(view: StoryView, links: list[dict[str, Any]]) -> str:
    """'they share text: [1], [3] and [6] (copies and paraphrases)': each set of articles
    linked by provenance, named once."""
    pairs = [(p["source"], p["derived"]) for p in links]
    root = connected({a for pair in pairs for a in pair}, pairs)
    sets: dict[str, list[dict[str, Any]]] = {}
    for p in links:
        sets.setdefault(root[p["source"]], []).append(p)
    parts = []
    for members in sets.values():
        labels = sorted({view.label(a) for p in members for a in (p["derived"], p["source"])})
        kinds = sorted({_LINK_KINDS.get(str(p.get("kind") or ""), "shared wording") for p in members})
        parts.append((labels, f"{names_together([f'[{n}]' for n in labels])} ({' and '.join(kinds)})"))
    return "they share text: " + "; ".join(text for _, text in sorted(parts))


def support_note(view: StoryView, ids: list[str], fact: dict[str, Any] | None) -> str:
    """Why several articles are one source: '2 articles, 1 independent source: they share text ([2] copies [1])'.

    Returned as plain text (outlet names are not in it), for any renderer to escape.
    """
    ids = sorted(set(ids), key=lambda a: view.label(a) if a in view._labels else 0)
    independent = int((fact or {}).get("independent_sources") or 1)
    links = [p for p in view.story.get("provenance") or [] if p.get("source") in ids and p.get("derived") in ids]
    reasons = []
    if len(links) > MAX_LINKS_LISTED:
        reasons.append(_shared_text_sets(view, links))
    elif links:
        reasons.append("they share text (" + "; ".join(f"[{view.label(p['derived'])}] {relation_phrase(p)} [{view.label(p['source'])}]"
                                                      for p in links) + ")")
    hosts = Counter(outlet_host(view.article_url(a)) for a in ids)
    reasons += [f"{n} are from {host}" for host, n in sorted(hosts.items(), key=lambda kv: str(kv[0])) if host and n > 1]
    why = "; ".join(reasons) or "they repeat the same wording"
    return f"{counted(len(ids), 'article')}, {counted(independent, 'independent source')}: {why}"


def _none() -> list[str]:
    return ["_None found._", ""]


def _story(view: StoryView) -> list[str]:
    s = view.story
    out = [f"# {md_escape(view.title)}", ""]
    meta = [f"**Event date:** {md_escape(with_weekday(s.get('event_date')) or 'unknown')}", f"**Articles:** {len(s.get('articles') or [])}"]
    out += [" · ".join(meta), ""]
    if s.get("error"):
        out += [f"> **Not analysed:** {md_escape(s['error'])}", ""]

    out += ["## Sources", "", "| # | Outlet | Title | Published | Location |", "|---|---|---|---|---|"]
    for src in view.sources():
        out.append(f"| [{src.label}] | {md_escape(src.outlet)} | {md_escape(src.title)} | {md_escape(src.published)} | {md_escape(src.location)} |")
    out.append("")

    brief = s.get("brief") or {}
    out += ["## Brief", ""]
    if brief.get("headline"):
        out += [f"**{md_escape(brief['headline'])}**", ""]
    sentences = brief.get("sentences") or []
    if sentences:
        out += [f"_What happened, in the sources' own words, {brief_order_words(sentences)}; each sentence cites the articles that say it. "
                "\\[Brackets\\] name who a pronoun of the source stands for, or who said the quoted words that follow, "
                "or the day a \"yesterday\" or \"today\" stands for._", ""]
    for n, b in enumerate(sentences):
        if heading := phase_heading(sentences, n):
            out += ([""] if n else []) + [f"_{md_escape(heading)}_", ""]
        out.append(f"- {md_escape(b.get('text', ''))} {_cite(view, b.get('citations') or [])}".rstrip())
    out += [] if sentences else ["_No brief._"]
    out.append("")

    out += ["## Who said what", ""]
    speakers = view.speakers()
    for speaker in speakers:
        out += [f"### {md_escape(speaker.name)}", ""]
        for group in speaker.groups:
            out += _group(view, group, speaker.name)
        out.append("")
    if not speakers:
        out += _none()

    out += ["## Where sources differ", ""]
    kinds = view.discrepancies()
    for _, title, discs in kinds:
        out += [f"### {title}", ""]
        for disc in discs:
            out.append(f"- {md_escape(disc.get('explanation') or '')}")
            for item in disc.get("items") or []:
                out.append(f"  - {_by(view, [item['article']])}: “{md_escape(item.get('text', ''))}”")
        out.append("")
    contested = view.facts("contested")
    if contested:
        out += ["### Contested facts", ""]
        for f in contested:
            out.append(f"- {md_escape(f.get('text', ''))} — {_by(view, f.get('sources') or [])}")
            out += [f"  - because {md_escape(reason)}" for reason in view.contested_because(f)]
        out.append("")
    if not kinds and not contested:
        out += [f"_{view.nothing_differs()}_", ""]

    out += ["## Single-source claims", ""]
    single = view.single_source()
    facts = {f.get("text"): f for f in view.facts("single-source")}
    if single:
        out += ["What one outlet alone reports (or articles that copy one another), grouped by outlet: not confirmed by an "
                "independent source, not necessarily wrong. Asserted: stated as fact; hedged: \u201cmay\u201d, \u201creportedly\u201d; "
                "attributed: someone is said to have said it.", ""]
    for first, items in view.single_source_by_outlet():
        out += [f"### From {_by(view, [first]) if first else 'an unknown outlet'} ({len(items)})", ""]
        for text, ids, certainties in items:
            how = f" ({', '.join(c for c in certainties if c)})" if any(certainties) else ""
            note = f" — _{md_escape(support_note(view, ids, facts.get(text)))}_" if len(set(ids)) > 1 else ""
            out.append(f"- {md_escape(text)} — {_by(view, ids)}{how}{note}")
        out.append("")
    out += [] if single else _none()

    out += ["## Corroborated facts", ""]
    corroborated = view.facts("corroborated")
    out += [f"- {md_escape(f.get('text', ''))} — {_by(view, f.get('sources') or [])}" for f in corroborated]
    out += [""] if corroborated else _none()

    out += ["## Provenance", ""]
    links = s.get("provenance") or []
    if links:
        out += ["| Article | Relation | Source | Score | Shared sentences | Original |", "|---|---|---|---|---|---|"]
        for link in links:
            relation = md_escape(relation_phrase(link))
            out.append(
                f"| {_by(view, [link['derived']])} | {relation} | {_by(view, [link['source']])} | {score(link.get('score'))}"
                f" | {link.get('shared_sentences', '–')} | {share(link.get('original_share'))} |"
            )
        out.append("")
    else:
        out += ["_No article copies another._", ""]

    out += ["## Headline framing", ""]
    framing = s.get("framing") or []
    if framing:
        out += ["| Outlet | Headline | Sensationalism (0–1) | Signals |", "|---|---|---|---|"]
        for f in framing:
            signals = ", ".join(md_escape(x) for x in f.get("signals") or []) or "–"
            out.append(f"| {_by(view, [f['article']])} | {md_escape(f.get('headline', ''))} | {score(f.get('sensationalism'))} | {signals} |")
        out.append("")
    else:
        out += _none()

    if "timeline" in s:
        out += ["## Timeline", ""]
        entries = s.get("timeline") or []
        for t in entries:
            cite = " " + "".join(f"[{n}]" for n in view.labels(passage_articles(t))) if t.get("article") else ""
            out.append(f"- **{md_escape(readable_date(t.get('date')) or 'undated')}** — {md_escape(t.get('text', ''))}{cite}")
        out += [""] if entries else _none()

    out += ["## Removed junk", ""]
    for src, counts in view.junk():
        if counts:
            detail = ", ".join(f"{md_escape(reason)} ×{n}" for reason, n in counts.items())
            out.append(f"- {md_escape(src.outlet)} [{src.label}]: {sum(counts.values())} removed — {detail}")
        else:
            out.append(f"- {md_escape(src.outlet)} [{src.label}]: nothing removed")
    out.append("")
    return out


def render(analysis: dict[str, Any]) -> str:
    """The analysis as a Markdown document, one top-level section per story.

    Args:
        analysis: the analysis JSON.

    Returns:
        Markdown text ending with a newline.
    """
    return "".join(chunks(analysis))


def chunks(analysis: dict[str, Any]) -> Iterator[str]:
    """:func:`render`'s text a story at a time."""
    count = 0
    index = []
    for view in story_views(analysis):
        text = "\n".join(_story(view)).rstrip("\n") + "\n"
        yield ("\n---\n\n" if count else "") + text
        count += 1
        index.append(f"{count}. **{md_escape(view.title)}** — {md_escape(view.at_a_glance())}\n")
    # Stories come as they are analysed, so the list of them closes the report.
    if count > 1:
        yield f"\n---\n\n# {count} stories in this report\n\n" + "".join(index)
    if not count:
        yield "# storyweave\n\n_No stories found in the input._\n"
