"""The analysis JSON (schema ``storyweave.analysis/1``): the one contract between the
analysis and every renderer, the web app and other programs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import __version__
from ._text import DATELINE
from .extract.dates import value_start
from .model import Analysis, StoryAnalysis
from .options import Options

SCHEMA = "storyweave.analysis/1"

#: Words before a date that make it a point of reference, not the time of what the sentence
#: tells: "his first visit since July 2000" did not happen in 2000.
_REFERENCE_POINT = re.compile(r"\b(?:since|ever since)\s+(?:the\s+)?$", re.I)


def _in_time(key: tuple[str, str, tuple[int, int]]) -> tuple[dt.date, str, str, tuple[int, int]]:
    """Sorts timeline entries by when their time starts: "2016-W30" (a week in July) comes
    before "2016-11-08", which sorting the values as text would not do."""
    return (value_start(key[0]) or dt.date.max, *key)


def _one_entry_per_fact(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline entries of one fact on one date made one, citing every article's sentence
    (``passages``): copies of a wire story tell the same event at the same date, and the
    reader should see it once with its sources, as the facts list shows it. The first
    sentence in time order speaks for them (``text``, ``article``, ``span``)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    out = []
    for entry in entries:
        fact = entry.pop("fact")
        passage = {"article": entry["article"], "span": entry["span"]}
        first = merged.get((entry["date"], fact)) if fact else None
        if first is not None:
            first["passages"].append(passage)
            continue
        entry["passages"] = [passage]
        if fact:
            merged[(entry["date"], fact)] = entry
        out.append(entry)
    return out


def story_json(sa: StoryAnalysis) -> dict[str, Any]:
    """One story object of the analysis JSON."""
    ex = sa.alignment.extraction
    timeline: dict[tuple[str, str, tuple[int, int]], dict[str, Any]] = {}
    for d in ex.dates:
        if not (d.value and len(d.value) >= 7 and d.value[:4].isdigit()):
            continue
        sentence = next((c for c in ex.claims if c.article == d.article and c.span[0] <= d.span[0] < c.span[1]), None)
        if sentence is None:
            continue
        before = sentence.text[: d.span[0] - sentence.span[0]]
        dateline = DATELINE.match(sentence.text)
        if _REFERENCE_POINT.search(before) or dateline and len(before) < dateline.end():
            continue  # "PHILADELPHIA, July 29 (UPI) —" dates the report, not what it tells
        timeline[(d.value, d.article, sentence.span)] = {
            "date": d.value, "text": sentence.text, "article": d.article, "span": list(sentence.span), "fact": sentence.fact}
    # One entry per sentence and day: "yesterday (July 21st)" names one day twice, and
    # "this morning (July 21)" is told at its finer value (2013-07-21TMO) only.
    finer = {(key[1], key[2], key[0][:10]) for key in timeline if len(key[0]) > 10}
    timeline = {key: entry for key, entry in timeline.items() if not (len(key[0]) == 10 and (key[1], key[2], key[0]) in finer)}
    return {
        "id": sa.story.id,
        "title": sa.brief.headline or sa.story.title,
        "articles": list(sa.story.articles),
        "event_date": ex.event_date,
        "duplicates": [{"article": a, "duplicate_of": d} for a, d in sorted(sa.story.duplicates.items())],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles),
             "stands_for": e.stands_for}
            for e in ex.entities
        ],
        "quotes": [
            {
                "id": q.id, "article": q.article, "speaker": q.speaker, "speakers": list(q.credited()), "speaker_text": q.speaker_text,
                "speaker_span": list(q.speaker_span) if q.speaker_span else None, "cue": q.cue,
                "channel": q.channel, "text": q.text, "span": list(q.span), "group": q.group, "kind": q.kind,
            }
            for q in ex.quotes
        ],
        "quote_groups": [
            {"id": g.id, "speaker": g.speaker, "speakers": list(g.credited()), "quotes": list(g.quotes), "drift": g.drift,
             "differences": list(g.differences)}
            for g in sa.alignment.quote_groups
        ],
        "claims": [
            {"id": c.id, "article": c.article, "text": c.text, "span": list(c.span), "certainty": c.certainty.value,
             "cue": c.cue, "fact": c.fact}
            for c in ex.claims
        ],
        "dates": [{"id": d.id, "article": d.article, "text": d.text, "span": list(d.span), "value": d.value} for d in ex.dates],
        "facts": [
            {"id": f.id, "text": f.text, "sources": list(f.sources), "claims": list(f.claims), "status": f.status.value,
             "independent_sources": f.independent_sources, "contested_by": list(f.contested_by)}
            for f in sa.alignment.facts
        ],
        "discrepancies": [
            {"id": d.id, "kind": d.kind.value, "explanation": d.explanation,
             "items": [{"article": i.article, "text": i.text, "span": list(i.span)} for i in d.items]}
            for d in sa.comparison.discrepancies
        ],
        "provenance": [
            {"source": p.source, "derived": p.derived, "kind": p.kind, "score": p.score,
             "shared_sentences": p.shared_sentences, "directed": p.directed, "original_share": p.original_share}
            for p in sa.comparison.provenance
        ],
        "framing": [
            {"article": f.article, "headline": f.headline, "sensationalism": f.sensationalism, "signals": list(f.signals)}
            for f in sa.comparison.framing
        ],
        "timeline": _one_entry_per_fact([timeline[key] for key in sorted(timeline, key=_in_time)]),
        "brief": {
            "headline": sa.brief.headline,
            "sentences": [{"text": s.text, "citations": list(s.citations)} for s in sa.brief.sentences],
        },
    }


def to_json(analysis: Analysis, options: Options | None = None) -> dict[str, Any]:
    """The analysis as the JSON object of the public contract."""
    options = options or Options()
    return {
        "schema": SCHEMA,
        "storyweave": __version__,
        "options": {"embedder": options.embedder, "nlp_model": options.nlp_model},
        "articles": [a.to_json() for a in analysis.articles],
        "stories": [story_json(s) for s in analysis.stories],
    }
