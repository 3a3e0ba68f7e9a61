"""compare: where the sources part ways, and how each frames the story.

Reads the aligned facts and quote groups; adds discrepancies (date, number, wording,
certainty, attribution, contradiction), headline framing and the provenance links made
before alignment. Each discrepancy compares statements that align says are the same, so
two sentences about different things are never set against each other.

One module per kind of finding: :mod:`~storyweave.compare.dates`,
:mod:`~storyweave.compare.numbers` (figures read in :mod:`~storyweave.compare.figures`),
:mod:`~storyweave.compare.lengths`, :mod:`~storyweave.compare.ages`, :mod:`~storyweave.compare.casualties`,
:mod:`~storyweave.compare.records`, :mod:`~storyweave.compare.owned_counts`, :mod:`~storyweave.compare.contradictions`,
:mod:`~storyweave.compare.attribution`, :mod:`~storyweave.compare.wording` and
:mod:`~storyweave.compare.certainty`; :mod:`~storyweave.compare.findings` holds what they
share. This module runs them over a story (:func:`discrepancies`), marks the contested
facts (:func:`contest`) and adds framing (:func:`compare`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any, Sequence

from ..align import plainest
from ..framing import frame_headline
from ..model import (
    Alignment,
    Annotation,
    Claim,
    Comparison,
    Discrepancy,
    DiscrepancyItem,
    Fact,
    FactStatus,
    DiscrepancyKind,
    Framing,
    ProvenanceLink,
    Quote,
)
from ..provenance import copied_wording
from .ages import _children_conflicts, _group_age_conflicts, _person_age_conflicts
from .attribution import _attribution_drift
from .casualties import _casualty_conflicts, _shot_count_conflicts
from .certainty import _certainty_shifts
from .contradictions import _contradiction
from .dates import _date_conflicts, _year_conflicts
from .deed_counts import _deed_count_conflicts
from .findings import _id, _item
from .lengths import _duration_conflicts
from .numbers import _number_conflicts
from .owned_counts import _owned_count_conflicts
from .records import _record_conflicts
from .wording import _wording_drift, same_spelling, word_changes

__all__ = ["CONTESTING", "compare", "contest", "discrepancies", "same_spelling", "word_changes"]


def discrepancies(alignment: Alignment, annotations: Sequence[Annotation], anchors: dict[str, tuple[dt.date | None, bool]],
                  confidences: dict[str, float]) -> list[Discrepancy]:
    """Every way the story's sources disagree, each with its items and an explanation."""
    extraction = alignment.extraction
    docs = {a.article.id: a.doc for a in annotations}
    claims_by_fact: dict[str, list[Claim]] = {}
    for c in extraction.claims:
        if c.fact:
            claims_by_fact.setdefault(c.fact, []).append(c)
    quotes_by_group: dict[str, list[Quote]] = {}
    for q in extraction.quotes:
        if q.group:
            quotes_by_group.setdefault(q.group, []).append(q)
    names = {e.id: e.name for e in extraction.entities}
    found: list[Discrepancy] = []

    def add(kind: DiscrepancyKind, explanation: str, items: Sequence[DiscrepancyItem]) -> None:
        for known in found:
            # The same difference seen through a quote and through its sentence is one finding.
            if known.kind is kind and len(known.items) == len(items) and all(
                x.article == y.article and x.span[0] < y.span[1] and y.span[0] < x.span[1]
                for x, y in zip(known.items, items)
            ):
                return
        # The same figures of the same sentences, found by two readings (a count of the
        # injured read as a count, and as a count of casualties), are one finding: the one
        # citing more versions stays.
        figures = {(i.article, tuple(i.span), i.figure) for i in items if i.figure}
        for n, known in enumerate(found):
            told = {(i.article, tuple(i.span), i.figure) for i in known.items if i.figure}
            if known.kind is kind and figures and told and len(figures) == len(items) and len(told) == len(known.items):
                if figures <= told:
                    return
                if told < figures:
                    found[n] = Discrepancy(_id(kind.value, items), kind, explanation, tuple(items))
                    return
        found.append(Discrepancy(_id(kind.value, items), kind, explanation, tuple(items)))

    groups: list[list[Any]] = list(claims_by_fact.values())
    groups += [[q for q in quotes if q.kind == "direct"] for quotes in quotes_by_group.values()]
    for members in groups:
        _date_conflicts(members, anchors, add)
        # The versions one negation sets apart make one finding ("overturned" in one outlet,
        # "not overturned" in another and in its copy), not one per pair.
        # ("“naked” … “clothed”" and "“clothed” … “naked”", as two pairs meet the words in
        # either order, are one finding too: keyed by the words set against each other)
        contradictions: dict[tuple[str, ...], tuple[str, list[Any]]] = {}
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.article == b.article:
                    continue
                contradiction = _contradiction((docs.get(a.article), a.span, a.text), (docs.get(b.article), b.span, b.text),
                                               (_day_written(a, members, anchors), _day_written(b, members, anchors)))
                if contradiction:
                    key = tuple(sorted(re.findall(r"“([^”]*)”", contradiction))) or (contradiction,)
                    _, versions = contradictions.setdefault(key, (contradiction, []))
                    versions += [v for v in (a, b) if v not in versions]
        for contradiction, versions in contradictions.values():
            ordered = sorted(versions, key=lambda v: (v.article, v.span))
            add(DiscrepancyKind.CONTRADICTION, contradiction, [_item(v.article, v.text, v.span) for v in ordered])
    known_days = {a.article.id: _known_day(anchors, a.article.id) for a in annotations}
    _number_conflicts(extraction.claims, add, docs, known_days)
    _children_conflicts(extraction.claims, add)
    _group_age_conflicts(extraction.claims, add)
    _person_age_conflicts(extraction.claims, extraction.entities, known_days, add)
    _casualty_conflicts(extraction.claims, add, docs)
    _shot_count_conflicts(extraction.claims, add, docs)
    _duration_conflicts(extraction.claims, add, known_days, docs)
    _record_conflicts(extraction.claims, add)
    _owned_count_conflicts(extraction.claims, add, docs, known_days)
    _deed_count_conflicts(extraction.claims, add, docs, known_days)
    _year_conflicts(extraction.claims, add, docs)

    _certainty_shifts(extraction.claims, docs, add)

    for group in alignment.quote_groups:
        quotes = quotes_by_group.get(group.id, [])
        # The speaker's own words, whole (direct) or in part (mixed), are compared for wording.
        _wording_drift([q for q in quotes if q.kind != "indirect"], add)
        _attribution_drift(quotes, confidences, docs, names, add)
    found.sort(key=lambda d: (list(DiscrepancyKind).index(d.kind), d.items[0].article, d.items[0].span))
    return found


def _known_day(anchors: dict[str, tuple[dt.date | None, bool]], article: str) -> dt.date | None:
    """An article's publication day, when it is known (not only a lower bound)."""
    day, lower_bound = anchors.get(article, (None, True))
    return None if lower_bound else day


def _day_written(version: Any, members: Sequence[Any], anchors: dict[str, tuple[dt.date | None, bool]]) -> dt.date | None:
    """The day a version (a claim or a quote) was written by: its article's publication
    day, or, when that is unknown, the earliest known day of another article printing the
    same words (:func:`~storyweave.provenance.copied_wording`), since a copy was written
    no later than its first printing."""
    day = _known_day(anchors, version.article)
    if day is not None:
        return day
    days = [d for o in members if o.article != version.article and copied_wording(o.text, version.text)
            for d in [_known_day(anchors, o.article)] if d is not None]
    return min(days, default=None)


def contest(facts: Sequence[Fact], found: Sequence[Discrepancy], claims: Sequence[Claim]) -> list[Fact]:
    """Facts whose versions disagree on a date, a number or a negation become contested,
    with the discrepancies that say so (a reader asks why; the other side of one may be a
    sentence the facts did not join to this one).

    A finding contests a fact through two of its versions or more. When only one version
    is in it, the disputed detail rides along in that outlet's sentence ("Lena Roos, 34, a
    mother of four, was killed in 2019" joined to "Lena Roos, 34, was killed on May 3,
    2019"): what the versions state together is not in dispute, so the fact is not
    contested, and it is worded by a version without the detail."""
    by_span: dict[tuple[str, tuple[int, int]], list[str]] = {}
    for d in found:
        if d.kind in CONTESTING:
            for i in d.items:
                by_span.setdefault((i.article, tuple(i.span)), []).append(d.id)
    members: dict[str, list[Claim]] = {}
    for c in claims:
        if c.fact:
            members.setdefault(c.fact, []).append(c)
    return [_contested(f, members.get(f.id, []), by_span) for f in facts]


def _contested(fact: Fact, versions: Sequence[Claim], by_span: dict[tuple[str, tuple[int, int]], list[str]]) -> Fact:
    """The fact, contested by each finding that holds two of its versions or more and then
    worded by one of those, or else worded away from a detail only one of its versions gives
    and a finding disputes."""
    if len(fact.sources) < 2:
        return fact
    found = {c.id: by_span.get((c.article, tuple(c.span)), []) for c in versions}
    for c in versions:
        # A finding may list one of two copies of a sentence: the other gives the same detail.
        copied = next((o for o in versions if found[o.id] and copied_wording(c.text, o.text)), None)
        if not found[c.id] and copied is not None:
            found[c.id] = found[copied.id]
    held: dict[str, int] = {}
    for discs in found.values():
        for disc in dict.fromkeys(discs):
            held[disc] = held.get(disc, 0) + 1
    reasons = tuple(d for d, n in held.items() if n >= 2)
    if reasons:
        # Shown contested, the fact is told by a version that gives what is disputed.
        disputed = [c for c in versions if set(found[c.id]) & set(reasons)]
        text = fact.text if any(c.text == fact.text for c in disputed) else plainest(disputed).text
        return replace(fact, text=text, status=FactStatus.CONTESTED, contested_by=reasons)
    undisputed = [c for c in versions if not found[c.id]]
    if held and undisputed and not any(c.text == fact.text for c in undisputed):
        return replace(fact, text=plainest(undisputed).text)
    return fact



CONTESTING = frozenset({DiscrepancyKind.DATE, DiscrepancyKind.NUMBER, DiscrepancyKind.CONTRADICTION})


def compare(alignment: Alignment, annotations: Sequence[Annotation], links: Sequence[ProvenanceLink],
            anchors: dict[str, tuple[dt.date | None, bool]], confidences: dict[str, float]) -> Comparison:
    """Discrepancies, provenance and framing of one story."""
    framing = []
    for ann in annotations:
        result = frame_headline(ann.article.title, ann.article.text[:1500])
        framing.append(Framing(ann.article.id, ann.article.title, round(result.sensationalism, 3), tuple(result.signals)))
    return Comparison(tuple(discrepancies(alignment, annotations, anchors, confidences)), tuple(links), tuple(framing))
