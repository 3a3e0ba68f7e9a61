"""extract: entities, quotes, claims and dates of one story.

Reads the story's annotations; adds an :class:`~storyweave.model.Extraction` with
canonical entities, quotes (speaker, cue, channel), claims (certainty) and time
expressions (TIMEX3 values), plus the story's event date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from ..model import Annotation, DateMention, Entity, Extraction, Quote, Story
from .claims import find_claims
from .clause_tense import clause_tense_reader
from .dates import (find_time_expressions, latest_explicit_date, looked_forward_to, page_stamp_day, stated_day,
                    wire_dateline_day)
from .entities import EntityIndex, canonical_entities, entity_id
from .quote_bodies import (bare_pronoun, body_continued, body_described_again, group_of_described, group_of_owner,
                           group_of_person, person_described, speakers_in_order)
from .quotes import Attribution, find_quotes

#: Days from a publication date within which a date written in the story can be its event's.
EVENT_WINDOW_DAYS = 31
#: A TIMEX3 value that names a day, alone or with a time of it ("2016-03-09TNI").
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")

__all__ = ["extract", "StoryExtraction", "written_day"]


def _short_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]


def published_day(annotation: Annotation) -> dt.date | None:
    """The day an article was published, when known."""
    published = annotation.article.published
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    return None


def written_day(annotation: Annotation) -> dt.date | None:
    """The day an article was written: its publication day, else the day of the page's own
    date stamp (:func:`~storyweave.extract.dates.page_stamp_day`: "Posted April 12, 2007" at
    the top or the bottom of a saved page without metadata). The stamp's day is no
    publication time: ``Article.published`` stays empty, and renderers show none."""
    return published_day(annotation) or page_stamp_day(annotation.article.text, annotation.article.title)


def _anchor(annotation: Annotation, lower_bound: dt.date | None) -> tuple[dt.date | None, bool]:
    published = published_day(annotation)
    if published:
        # A wire report stamped a day off its publication date was written on its dateline's day.
        return wire_dateline_day(annotation.article.text, published) or published, False
    stated = stated_day(annotation.article.text)
    if stated:
        return stated, False
    # A page's own stamp is the day its "Monday" and "yesterday" are told from, not the
    # latest date its story writes (an April 2007 "Monday" read from a May 2008 one).
    stamped = page_stamp_day(annotation.article.text, annotation.article.title)
    if stamped:
        return stamped, False
    return lower_bound, lower_bound is not None


class StoryExtraction:
    """An extraction plus what later stages need that is not in the JSON contract."""

    def __init__(self, extraction: Extraction, index: EntityIndex, confidences: dict[str, float], anchors: dict[str, tuple[dt.date | None, bool]]) -> None:
        self.extraction = extraction
        self.index = index
        self.confidences = confidences  # quote id -> how sure the speaker is
        self.anchors = anchors  # article id -> (anchor date, anchor is only a lower bound)


def extract(story: Story, annotations: Sequence[Annotation]) -> StoryExtraction:
    """Entities, quotes, claims and dates of one story.

    Args:
        story: the story.
        annotations: annotations of the story's articles, in story order.

    Returns:
        A :class:`StoryExtraction`.
    """
    index = canonical_entities(annotations)
    # When an article's publication date is unknown, the latest full date written in the
    # story (an embedded post's date included) is a date it cannot have been published before.
    written = [a.article.text for a in annotations] + [r.text for a in annotations for r in a.article.removed]
    lower_bound = latest_explicit_date(written)
    # An undated article of a story whose other articles have dates (a publication day or
    # a page's stamp) was most likely published when they were: its weekdays ("died
    # Saturday") follow the tense from the latest of those days, as from a real date. In a
    # story with no dated article the latest date written is an event's, which the reports
    # come after: a weekday is the first one on or after it ("inked a pact on Wednesday",
    # the day after the arrival).
    dated = [d for d in map(written_day, annotations) if d]
    weekdays_ahead = False if dated else None

    quotes: list[Quote] = []
    confidences: dict[str, float] = {}
    claims = []
    dates = []
    anchors = {}
    extra_entities: dict[str, Entity] = {}
    for ann in annotations:
        attributions: list[Attribution] = find_quotes(ann, index)
        spoke = speakers_in_order(attributions, index)
        last_body: tuple[int, str] | None = None  # where the last body that spoke spoke, and which
        described: dict[tuple[int, int], str] = {}  # a description's place -> the person it stood for
        for attribution in attributions:
            q = attribution.quote
            speaker = q.speaker
            if speaker is None and q.speaker_text:
                # "The campaign said" after "the Brennick campaign said": the body named before
                speaker = body_described_again(q.speaker_text, (q.speaker_span or q.span)[0], spoke, index)
                if speaker is not None:
                    last_body = ((q.speaker_span or q.span)[0], speaker)
                elif last_body is not None:
                    # "“…,” the company wrote in its statement. It added, “…”": the body just described
                    speaker = body_continued(q.speaker_text, (q.speaker_span or q.span)[0], last_body)
            owned = group_of_person(q.speaker_text, ann.article.id, index) if speaker is None and q.speaker_text else None
            if owned is None and speaker is None and attribution.owner is not None and q.speaker_text:
                # "his team believes …": the team of the one "his" stands for
                owned = group_of_owner(q.speaker_text, attribution.owner, index)
            if owned is None and speaker is None and q.speaker_text and q.speaker_span:
                # "the campaign of the former senator from Ostland": the campaign of the one described
                owned = group_of_described(q.speaker_text, q.speaker_span, ann, index, q.span)
            if owned is not None:
                # "Mr. Varga's aides" and "Varga’ aides" in another report: one body of hers
                speaker = owned[0]
                known = extra_entities.get(speaker)
                articles = tuple(sorted({*(known.articles if known else ()), ann.article.id}))
                extra_entities[speaker] = Entity(speaker, owned[1], "OTHER", (), articles)
            if speaker is None and q.speaker_span in described:
                # "“A,” the nominee wrote. “B.”": the passage goes on in the words of the one
                # the description stood for in the first (whom B may no longer name apart)
                speaker = described[q.speaker_span]
            if speaker is None and q.speaker_text and q.speaker_span:
                # "the retired surgeon said": the person the story describes so
                speaker = person_described(q.speaker_text, q.speaker_span, ann, index, q.span)
                if speaker is not None:
                    described[q.speaker_span] = speaker
            if speaker is None and q.speaker_text and not attribution.unnamed and not bare_pronoun(q.speaker_text):
                # A speaker that is no named entity ("state media") still gets an entity;
                # one described by common nouns only ("officials") names no one and gets none,
                # nor does a pronoun the resolver could not tie to anyone ("She added: …").
                speaker = entity_id(q.speaker_text, "OTHER")
                known = extra_entities.get(speaker)
                articles = tuple(sorted({*(known.articles if known else ()), ann.article.id}))
                extra_entities[speaker] = Entity(speaker, q.speaker_text, "OTHER", (), articles)
            qid = _short_id("q-", ann.article.id, q.span)
            quotes.append(replace(q, id=qid, speaker=speaker))
            confidences[qid] = attribution.confidence
        for claim in find_claims(ann, attributions):
            claims.append(replace(claim, id=_short_id("c-", ann.article.id, claim.span)))
        anchor, is_lower_bound = _anchor(ann, lower_bound)
        if is_lower_bound and dated:
            anchor = max(dated)
        anchors[ann.article.id] = (anchor, is_lower_bound)
        for expression in find_time_expressions(ann.article.text, anchor, anchor_is_lower_bound=is_lower_bound,
                                                 weekdays_ahead=weekdays_ahead, clause_tense=clause_tense_reader(ann.doc)):
            dates.append(DateMention(_short_id("d-", ann.article.id, expression.span), ann.article.id, expression.text, expression.span, expression.value))
    entities = index.entities + tuple(sorted(extra_entities.values(), key=lambda e: e.name))
    extraction = Extraction(entities, tuple(quotes), tuple(claims), tuple(dates), _event_date(dates, annotations))
    return StoryExtraction(extraction, index, confidences, anchors)


def _event_date(dates: Sequence[DateMention], annotations: Sequence[Annotation]) -> str | None:
    """The day most articles date the event to; the lead paragraphs break ties."""
    votes: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, int]] = {}
    order = {a.article.id: i for i, a in enumerate(annotations)}
    texts = {a.article.id: a.article.text for a in annotations}
    for d in dates:
        # "Wednesday night" (2016-03-09TNI) dates the event to its day as "Wednesday" does.
        day = d.value[:10] if d.value and _FULL_DAY.match(d.value) else None
        # A day still to come ("is scheduled to open November 20") is not when it happened.
        if day and not looked_forward_to(texts.get(d.article, ""), d.span[0]):
            votes[day] += 1
            first_seen[day] = min(first_seen.get(day, (d.span[0], order[d.article])), (d.span[0], order[d.article]))
    if not votes:
        return None
    # A story's event happened near when it was reported: a date years back ("the attacks of
    # Sept. 11, 2001") is background, however often it is written, when a nearer one is.
    # With only such dates (a column recalling "April 18, 1977"), the event's day is unknown.
    published = [d for d in map(published_day, annotations) if d]
    near = [v for v in votes if _days_from(v, published) <= EVENT_WINDOW_DAYS]
    if published and not near:
        return None
    return min(near or votes, key=lambda v: (-votes[v], first_seen[v]))


def _days_from(day: str, published: Sequence[dt.date]) -> float:
    """Days between a written day and the nearest publication date (infinite without one)."""
    try:
        return min((abs((dt.date.fromisoformat(day) - p).days) for p in published), default=float("inf"))
    except ValueError:
        return float("inf")
