"""The data model: plain, frozen dataclasses named in the reader's words.

Every stage takes these records and returns new ones (``dataclasses.replace``); none
changes its input. Spans are ``(start, end)`` character offsets into an article's
cleaned ``text`` (the body only; the title lives in ``title``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Span = tuple[int, int]


class Certainty(StrEnum):
    """How firmly a sentence states its claim."""

    ASSERTED = "asserted"
    HEDGED = "hedged"
    ATTRIBUTED = "attributed"


class FactStatus(StrEnum):
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    CONTESTED = "contested"


class DiscrepancyKind(StrEnum):
    DATE = "date"
    NUMBER = "number"
    WORDING = "wording"
    CERTAINTY = "certainty"
    ATTRIBUTION = "attribution"
    CONTRADICTION = "contradiction"


@dataclass(frozen=True)
class Removed:
    """A piece of the input that is not the article, kept with the reason it was cut."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One news article.

    ``raw`` is what ingest read (plain text or HTML) and is only used by clean; ``text``
    is the body. Before clean, ``text`` holds the body as read, junk included.
    """

    id: str
    source: str
    location: str
    title: str
    text: str
    input_id: str | None = None
    published: str | None = None  # ISO 8601, as precise as known
    language: str = "en"
    removed: tuple[Removed, ...] = ()
    url: str | None = None  # the page's canonical URL, when known
    raw_html: str | None = field(default=None, repr=False, compare=False)
    author: str | None = None  # the byline, as the page gives it
    # Whether ``source`` names the outlet (a JSONL "source", a page's site name) rather
    # than standing in for one (a file name, a host): one outlet counts as one source.
    source_named: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input_id": self.input_id,
            "source": self.source,
            "source_named": self.source_named,
            "location": self.location,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            input_id=data.get("input_id"),
            source=data.get("source") or "",
            source_named=bool(data.get("source_named", False)),
            location=data.get("location") or "",
            title=data.get("title") or "",
            published=data.get("published"),
            language=data.get("language") or "en",
            text=data.get("text") or "",
            removed=tuple(Removed(r["text"], r["reason"]) for r in data.get("removed", [])),
            url=data.get("url"),
            author=data.get("author"),
        )


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read; the batch goes on without it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Sentence:
    text: str
    span: Span
    hash: str


@dataclass(frozen=True)
class Mention:
    """A named-entity mention found by the NER model."""

    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, DATE, CARDINAL, ...
    span: Span
    sentence: int  # index into Annotation.sentences


@dataclass(frozen=True)
class Annotation:
    """What annotate adds to one cleaned article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    vectors: Any  # numpy array, one unit-length row per sentence
    doc: Any = field(default=None, repr=False, compare=False)  # the spaCy Doc, for parses


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    duplicates: dict[str, str] = field(default_factory=dict)  # article id -> first copy


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    stands_for: str | None = None  # a capital used for its country's government: that entity's id


@dataclass(frozen=True)
class Quote:
    id: str
    article: str
    speaker: str | None  # entity id
    speaker_text: str | None
    speaker_span: Span | None
    cue: str | None
    channel: str | None
    text: str
    span: Span
    kind: str = "direct"  # direct | indirect
    speaker_resolved: bool = False  # speaker came from a pronoun or from context
    group: str | None = None
    # Everyone a joint attribution credits ("Putin and Kim agreed"), ``speaker`` first;
    # empty when it credits one speaker or none.
    speakers: tuple[str, ...] = ()

    def credited(self) -> tuple[str, ...]:
        """The entity ids the quote is credited to: the joint speakers, else the speaker."""
        return self.speakers or ((self.speaker,) if self.speaker else ())


@dataclass(frozen=True)
class QuoteGroup:
    id: str
    speaker: str | None
    quotes: tuple[str, ...]
    drift: float  # 0 = same words, 1 = nothing in common
    differences: tuple[dict[str, Any], ...]
    speakers: tuple[str, ...] = ()  # as ``Quote.speakers``: the best-attested quote's joint speakers

    def credited(self) -> tuple[str, ...]:
        """The entity ids the group's words are credited to, as :meth:`Quote.credited`."""
        return self.speakers or ((self.speaker,) if self.speaker else ())


@dataclass(frozen=True)
class DateMention:
    id: str
    article: str
    text: str
    span: Span
    value: str | None  # TIMEX3 value, None when it cannot be resolved


@dataclass(frozen=True)
class Claim:
    id: str
    article: str
    text: str
    span: Span
    certainty: Certainty
    cue: str | None = None
    fact: str | None = None
    core: str | None = field(default=None, compare=False)  # the main clause, without asides
    # what its main speech verb reports, and the words framing it other than the speaker
    speech: tuple[str, str] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Fact:
    id: str
    text: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]
    status: FactStatus
    independent_sources: int = 0
    # The discrepancies that make it contested (their items are versions of it).
    contested_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class DiscrepancyItem:
    article: str
    text: str
    span: Span
    # For a number finding, the figure this version gives ("61", "48 and 68"), so that what
    # each side says can be counted; "" for other kinds.
    figure: str = ""


@dataclass(frozen=True)
class Discrepancy:
    id: str
    kind: DiscrepancyKind
    explanation: str
    items: tuple[DiscrepancyItem, ...]


@dataclass(frozen=True)
class ProvenanceLink:
    source: str
    derived: str
    kind: str  # copy | paraphrase | shared-source
    score: float
    shared_sentences: int
    directed: bool = False
    original_share: float = 1.0  # share of the derived article not found in the source


@dataclass(frozen=True)
class Framing:
    article: str
    headline: str
    sensationalism: float
    signals: tuple[str, ...]


@dataclass(frozen=True)
class BriefSentence:
    text: str
    citations: tuple[str, ...]
    #: The first and last day (ISO) of the phase the line tells, in a story of several dated
    #: phases (:mod:`storyweave.brief.phases`); None in a story of one.
    phase: tuple[str, str] | None = None


@dataclass(frozen=True)
class Brief:
    headline: str
    sentences: tuple[BriefSentence, ...]


@dataclass(frozen=True)
class Passage:
    article: str
    span: Span


@dataclass(frozen=True)
class TimelineEntry:
    """A sentence at the date it tells (TIMEX3 value), with every article's sentence of the
    same fact at that date (``passages``, the first being ``article`` and ``span``)."""

    date: str
    text: str
    article: str
    span: Span
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Extraction:
    """What extract finds in one story."""

    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    dates: tuple[DateMention, ...]
    event_date: str | None


@dataclass(frozen=True)
class Alignment:
    """What align makes of an extraction: facts and quote groups."""

    extraction: Extraction
    facts: tuple[Fact, ...]
    quote_groups: tuple[QuoteGroup, ...]


@dataclass(frozen=True)
class Comparison:
    discrepancies: tuple[Discrepancy, ...]
    provenance: tuple[ProvenanceLink, ...]
    framing: tuple[Framing, ...]


@dataclass(frozen=True)
class StoryAnalysis:
    story: Story
    alignment: Alignment
    comparison: Comparison
    brief: Brief
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True)
class Analysis:
    articles: tuple[Article, ...]
    stories: tuple[StoryAnalysis, ...]
    failures: tuple[InputFailure, ...] = ()
