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
from .dates import find_time_expressions, latest_explicit_date, looked_forward_to, stated_day, wire_dateline_day
from .entities import PERSON_PRONOUNS, THING_PRONOUNS, EntityIndex, canonical_entities, entity_id
from .quotes import Attribution, find_quotes

#: Days from a publication date within which a date written in the story can be its event's.
EVENT_WINDOW_DAYS = 31
#: A TIMEX3 value that names a day, alone or with a time of it ("2016-03-09TNI").
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")

__all__ = ["extract", "StoryExtraction"]


def _short_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]


def _bare_pronoun(text: str) -> bool:
    """Whether a speaker's words are a pronoun alone ("She"): it names no one."""
    return text.strip().lower() in PERSON_PRONOUNS | THING_PRONOUNS


#: Nouns that name an organisation by its kind ("the company said" after "Acme said").
ORGANISATION_NOUNS = frozenset("company firm group network newspaper paper publication outlet agency "
                               "organization organisation station website".split())
#: How far back, in characters, a repeated description looks for the body it repeats.
DESCRIBED_AGAIN_WINDOW = 600
#: Cues of a body relaying the news rather than acting in it ("Reuters reported").
REPORTING_CUE = re.compile(r"\b(?:report|according|reveal|publish|quot)", re.I)


def _speaker_entity(attribution: Attribution) -> str | None:
    """The entity a quote's speaker is or gets: a named one, or one made of the words that
    describe it (see :func:`extract`)."""
    q = attribution.quote
    if q.speaker is not None:
        return q.speaker
    if q.speaker_text and not attribution.unnamed and not _bare_pronoun(q.speaker_text):
        return entity_id(q.speaker_text, "OTHER")
    return None


def _name_of(eid: str, index: EntityIndex) -> str | None:
    """The name of a story entity, None for one made of a speaker's words."""
    entity = index.get(eid)
    return entity.name if entity is not None else None


def _body_described_again(words: str, start: int, spoke: list[tuple[int, str, str, str]], index: EntityIndex) -> str | None:
    """The speaker a definite description repeats: "the campaign" after "the Sanders campaign
    said" (the same head noun, the last such speaker of the article), "the company" after an
    organisation that spoke right before it and did not report the news ("Reuters reported …
    The company said" is another body); within :data:`DESCRIBED_AGAIN_WINDOW` characters."""
    described = re.fullmatch(r"[Tt]he ([a-z]+)", words.strip())
    if described is None:
        return None
    noun = described.group(1)
    before = [s for s in spoke if s[0] < start and start - s[0] <= DESCRIBED_AGAIN_WINDOW]
    for at, eid, name, _ in reversed(before):
        if name.lower() != words.strip().lower() and name.lower().split()[-1] == noun:
            return eid
    if noun in ORGANISATION_NOUNS and before:
        _, eid, _, cue = before[-1]
        entity = index.get(eid)
        if entity is not None and entity.type == "ORG" and not REPORTING_CUE.search(cue):
            return eid
    return None


def _published_day(annotation: Annotation) -> dt.date | None:
    published = annotation.article.published
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    return None


def _anchor(annotation: Annotation, lower_bound: dt.date | None) -> tuple[dt.date | None, bool]:
    published = _published_day(annotation)
    if published:
        # A wire report stamped a day off its publication date was written on its dateline's day.
        return wire_dateline_day(annotation.article.text, published) or published, False
    stated = stated_day(annotation.article.text)
    if stated:
        return stated, False
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
    # An undated article of a story whose other articles have dates was most likely
    # published when they were: its weekdays ("died Saturday") follow the tense from the
    # latest of those days, as from a real date. In a story with no dated article the
    # latest date written is an event's, which the reports come after: a weekday is the
    # first one on or after it ("inked a pact on Wednesday", the day after the arrival).
    dated = [d for d in map(_published_day, annotations) if d]
    weekdays_ahead = False if dated else None

    quotes: list[Quote] = []
    confidences: dict[str, float] = {}
    claims = []
    dates = []
    anchors = {}
    extra_entities: dict[str, Entity] = {}
    for ann in annotations:
        attributions: list[Attribution] = find_quotes(ann, index)
        # this article's speakers named or described by a name: (start, entity, name)
        spoke = sorted(((a.quote.speaker_span or a.quote.span)[0], eid, _name_of(eid, index) or a.quote.speaker_text or "",
                        a.quote.cue or "") for a in attributions if (eid := _speaker_entity(a)) is not None)
        for attribution in attributions:
            q = attribution.quote
            speaker = q.speaker
            if speaker is None and q.speaker_text:
                # "The campaign said" after "the Sanders campaign said": the body named before
                speaker = _body_described_again(q.speaker_text, (q.speaker_span or q.span)[0], spoke, index)
            if speaker is None and q.speaker_text and not attribution.unnamed and not _bare_pronoun(q.speaker_text):
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
    published = [d for d in map(_published_day, annotations) if d]
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
