"""The analysis JSON (schema ``storyweave.analysis/1``): the one contract between the
analysis and every renderer, the web app and other programs."""

from __future__ import annotations

from typing import Any

from . import __version__
from .model import Analysis, Story, StoryAnalysis
from .options import Options

SCHEMA = "storyweave.analysis/1"


def story_json(sa: StoryAnalysis) -> dict[str, Any]:
    """One story object of the analysis JSON."""
    ex = sa.alignment.extraction
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
        "timeline": [
            {"date": t.date, "text": t.text, "article": t.article, "span": list(t.span),
             "passages": [{"article": p.article, "span": list(p.span)} for p in t.passages]}
            for t in sa.timeline
        ],
        "brief": {
            "headline": sa.brief.headline,
            "sentences": [{"text": s.text, "citations": list(s.citations),
                           **({"phase": {"first": s.phase[0], "last": s.phase[1]}} if s.phase else {})}
                          for s in sa.brief.sentences],
        },
    }


def unanalysed_story_json(story: Story, error: BaseException) -> dict[str, Any]:
    """The story object of a story whose analysis failed: its articles, every list empty,
    and ``error`` saying why, so that one story's fault costs that story alone."""
    return {
        "id": story.id, "title": story.title, "articles": list(story.articles), "event_date": None,
        "duplicates": [{"article": a, "duplicate_of": d} for a, d in sorted(story.duplicates.items())],
        **{key: [] for key in ("entities", "quotes", "quote_groups", "claims", "dates", "facts", "discrepancies",
                               "provenance", "framing", "timeline")},
        "brief": {"headline": story.title, "sentences": []},
        "error": f"this story could not be analysed ({type(error).__name__}: {error}); "
                 "its articles are listed as read; please report it with them",
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
