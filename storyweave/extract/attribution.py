"""What the quote finder hands back: an attribution (a quote with its spans) and the
speaker it credits, before ids are given. Re-exported by :mod:`storyweave.extract.quotes`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..model import Quote


class Speaker(NamedTuple):
    """Who an attribution credits, before ids are given."""

    entity: str | None
    text: str | None
    span: tuple[int, int] | None
    confidence: float
    unnamed: bool = False  # described by common nouns only ("officials"): no entity
    # the others a joint subject names ("Putin and his counterpart, Kim Jong-un, agreed")
    also: tuple[str, ...] = ()
    # the person whose people a possessive pronoun names ("his team said": him), when the
    # speaker is those people
    owner: str | None = None


@dataclass(frozen=True)


class Attribution:
    """A quote before ids are given: the span and how confident the speaker is."""

    quote: Quote
    confidence: float  # 1.0 named in the attribution; lower when resolved from context
    # the verb (with its auxiliaries and particle: "has also said", "pointed out") or phrase,
    # as characters of the text
    cue_span: tuple[int, int] | None = None
    continues: bool = False  # a further quoted passage of the attribution before it
    content_span: tuple[int, int] | None = None  # mixed quotes: the reported clause around the words
    unnamed: bool = False  # the speaker is described, not named ("officials said"): no entity is made
    relative: bool = False  # spoken in a relative clause ("voters who said …")
    # The source and content as attribution corpora (PolNeAR, PARC) mark them, set by
    # ``find_quotes``: the source is the whole noun phrase (titles, appositions, modifiers),
    # the content keeps its quotation marks and complementiser. ``Quote`` keeps the words
    # reports show.
    source_span: tuple[int, int] | None = None
    marked_content_span: tuple[int, int] | None = None
    # the attribution inserted in the marked content ("The pier, she said, will reopen": ", she
    # said,"), which corpora leave out of it: the content is the words on either side
    inserted_span: tuple[int, int] | None = None
    # the person whose team, campaign or aides speak, named by a possessive pronoun ("her
    # campaign said"): the speaker is their body of people (``Speaker.owner``)
    owner: str | None = None
