"""brief: a neutral summary built from the best-supported facts, every sentence cited.

Reads the aligned facts and the comparison; adds the brief. Facts are ranked by how many
independent sources carry them, then by how early the articles report them (news puts
what matters first); the chosen sentences are then put back in reading order. The
wording is a source sentence, never a new one: hedges are kept, and the headline is the
least sensational of the story's headlines.
"""

from __future__ import annotations

import re
from typing import Sequence

from .model import Alignment, Annotation, Brief, BriefSentence, Comparison, FactStatus

MIN_SENTENCES = 3
MAX_SENTENCES = 8
#: A sentence with these is opinion or a teaser, not a summary line.
SLANTED = re.compile(r"\b(you|your|we|our|us|I|my)\b|[!?]|\.\.\.|…", re.I)
MAX_WORDS = 45


def brief(alignment: Alignment, comparison: Comparison, annotations: Sequence[Annotation]) -> Brief:
    """The story's brief: 3–8 cited sentences.

    Args:
        alignment: facts and quote groups.
        comparison: discrepancies and framing (the headline comes from the plainest title).
        annotations: the story's articles.

    Returns:
        A :class:`Brief` whose every sentence cites the articles that support it.
    """
    claims = {c.id: c for c in alignment.extraction.claims}
    length = {a.article.id: max(1, len(a.article.text)) for a in annotations}
    contested = {i.article + str(i.span) for d in comparison.discrepancies for i in d.items if d.kind.value in ("date", "number", "contradiction")}
    candidates = []
    for fact in alignment.facts:
        if fact.status is FactStatus.CONTESTED or SLANTED.search(fact.text) or len(fact.text.split()) > MAX_WORDS:
            continue
        members = [claims[c] for c in fact.claims]
        if any(c.article + str(c.span) in contested for c in members if c.text == fact.text):
            continue  # a sentence another source contradicts is reported under "differ", not here
        position = sum(c.span[0] / length[c.article] for c in members) / len(members)
        candidates.append((fact, position))
    candidates.sort(key=lambda fp: (-fp[0].independent_sources, -len(fp[0].sources), fp[1], fp[0].id))
    chosen = [fp for fp in candidates if fp[0].independent_sources >= 2][:MAX_SENTENCES]
    if len(chosen) < MIN_SENTENCES:
        chosen += [fp for fp in candidates if fp not in chosen][: MIN_SENTENCES - len(chosen)]
    chosen.sort(key=lambda fp: (fp[1], fp[0].id))
    sentences = tuple(BriefSentence(f.text, f.sources) for f, _ in chosen)
    plain = min(comparison.framing, key=lambda f: (f.sensationalism, len(f.headline)), default=None)
    return Brief(plain.headline if plain else "", sentences)
