"""Source, cue and content spans as attribution corpora (PolNeAR, PARC) mark them, beside
the words reports show: the source's whole noun phrase, the cue with its auxiliaries and
particle, the content with its quotation marks and complementiser."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .attribution import Attribution
from .attribution_words import (
    PRONOUNS, NON_PERSON_PRONOUNS, RELATIVE_PRONOUNS, ASIDE_RELATIVES, QUOTE_MARKS, COMPLEMENTISERS,
    CUE_MODIFIERS, CUE_ADVERBS, CUE_PARTICLES,
)
from .quote_context import FinderBase
from .quote_marks import _opening_mark_width
from .quote_speakers import _a_dash


def _within(token: Any, span: tuple[int, int]) -> bool:
    return span[0] <= token.idx < span[1]


def _cue_modifier(token: Any, verb: Any) -> bool:
    """Whether a word before a cue verb is part of the cue: its auxiliary or negation, or an
    adverb of time or repetition ("also", "later")."""
    return token.head == verb and (token.dep_ in CUE_MODIFIERS or token.dep_ == "advmod" and token.lower_ in CUE_ADVERBS)


def _writers_gloss(token: Any) -> bool:
    """Whether a word heads the writer's description of someone or something named: a
    relative clause ("Eric Fanning, who was his chief of staff") or a common noun set beside
    a name ("the Hyde Amendment, a federal provision that …"). A name beside a common noun
    ("his court pick, Merrick Garland") says who was meant, and stays."""
    if token.dep_ == "relcl":
        return token.left_edge.lower_ in ASIDE_RELATIVES
    # "differ on Israel, the Iran deal and the court": a list the parser read as an apposition
    return token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN" \
        and not any(c.dep_ == "conj" for c in token.children)


class CorpusSpans(FinderBase):
    """The spans of a found attribution as corpora mark them."""

    def _as_marked(self, attribution: Attribution) -> Attribution:
        """The attribution with its source, cue and content spans as attribution corpora mark
        them (see :class:`Attribution`); the quote itself is left as reports show it."""
        content = attribution.content_span or attribution.quote.span
        return replace(attribution, source_span=self._marked_source(attribution, content),
                       cue_span=self._marked_cue(attribution.cue_span, content),
                       marked_content_span=self._marked_content(content))

    def _marked_content(self, span: tuple[int, int]) -> tuple[int, int]:
        """A content span with the marks corpora count in it: the quotation marks around a
        quote and the punctuation inside them (“We will win,”), a mark closing a quoted end of
        a reported clause, and the complementiser opening a reported clause, quoted or not
        ("that …", "that “…”")."""
        start, end = span
        opened = _opening_mark_width(self.text, start)
        if not opened:
            end = self._before_trailing_aside(start, end)
        start -= opened
        inside = self.text[start:end]
        unclosed = sum(inside.count(m) for m in "“«„") > sum(inside.count(m) for m in "”»") or inside.count('"') % 2 == 1 \
            or inside.count("''") % 2 == 1
        closing = re.match(r"""[,.;:!?]*(?:[”"»]|'')""", self.text[end : end + 4])
        if closing and (opened or unclosed):
            end += closing.end()
        return self._complementiser_start(start), end

    def _before_trailing_aside(self, start: int, end: int) -> int:
        """``end`` moved back before a relative clause set off by a comma that closes a
        reported clause ("said the emails went to Eric Fanning, who was his chief of staff"):
        the writer's description of someone named, which corpora leave out of what was said.
        Words in quotation marks are the speaker's own and stay."""
        words = self.doc.char_span(start, end, alignment_mode="contract")
        for token in words or ():
            first = token.left_edge
            if not _writers_gloss(token) or first.i == 0 \
                    or self.doc[first.i - 1].text != "," or not start <= token.head.idx < first.idx:
                continue
            last = token.right_edge
            rest = self.text[last.idx + len(last.text) : end]
            if rest.strip(" .,;:") or any(m in self.text[first.idx : end] for m in QUOTE_MARKS):
                continue
            return self._clause_end(self.doc[first.i - 1].idx, start)
        return end

    def _complementiser_start(self, start: int) -> int:
        """``start`` moved back over the complementiser that opens a reported clause there."""
        lead = re.search(r"\b(\w+)\s+$", self.text[max(0, start - 12) : start])
        if lead is None or lead.group(1).lower() not in COMPLEMENTISERS:
            return start
        at = start - len(lead.group(0))
        word = self.doc.char_span(at, at + len(lead.group(1)))
        return at if word is not None and word[0].dep_ == "mark" else start

    def _marked_cue(self, span: tuple[int, int] | None, content: tuple[int, int]) -> tuple[int, int] | None:
        """A one-verb cue with the words corpora mark with it: its auxiliaries, negation and
        adverbs of time before it ("has also said", "did not mention"), the particle or
        preposition of a phrasal verb that takes the content ("pointed out", "called for"),
        and a colon handing over to the content ("said:")."""
        tokens = self.doc.char_span(*span) if span is not None else None
        if tokens is None or len(tokens) != 1 or tokens[0].pos_ not in ("VERB", "AUX"):
            return span
        verb = tokens[0]
        first = last = verb
        while first.i > 0 and _cue_modifier(self.doc[first.i - 1], verb) and not _within(self.doc[first.i - 1], content):
            first = self.doc[first.i - 1]
        after = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
        if after is not None and after.head == verb and after.dep_ in CUE_PARTICLES and not _within(after, content) \
                and (after.dep_ == "prt" or any(_within(c, content) for c in after.children)):
            last = after
        after = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
        if after is not None and after.text == ":" and after.idx < content[0]:
            last = after
        return first.idx, last.idx + len(last.text)

    def _marked_source(self, attribution: Attribution, content: tuple[int, int]) -> tuple[int, int] | None:
        """The source as corpora mark it: the whole noun phrase the speaker heads, with its
        titles, appositions, prepositional and relative modifiers (and the comma closing an
        apposition before the cue); for a speaker in a relative clause, the pronoun alone."""
        span = attribution.quote.speaker_span
        words = self.doc.char_span(*span, alignment_mode="expand") if span is not None else None
        if words is None or not len(words):
            return span
        if attribution.relative and words[-1].lower_ in RELATIVE_PRONOUNS | {"whom"}:
            return words[-1].idx, words[-1].idx + len(words[-1].text)
        head = words.root
        if head.lower_ in PRONOUNS | NON_PERSON_PRONOUNS:
            return span
        cue = attribution.cue_span or content  # a passage without a cue of its own: its content
        # "said Ilse Varga, the mayor, about the audit": a phrase set off after the
        # apposition tells what or where she spoke, not who she is
        aside = {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i and c.i > 0
                 and self.doc[c.i - 1].text == "," for t in c.subtree}
        subtree = {t.i for t in head.subtree} - aside

        # "Of course, as Ana Ruiz of the Ledger observed, the pier …": an attribution inserted
        # in what was said is no part of it
        inserted = self._inserted.get(attribution.quote.span)

        def joins(token: Any) -> bool:
            return token.i in subtree and (not _within(token, content) or inserted is not None and _within(token, inserted)) \
                and not _within(token, cue) \
                and "\n" not in token.text and not _a_dash(token)
        first, last = words.start, words.end - 1
        while first > 0 and joins(self.doc[first - 1]):
            first -= 1
        while last + 1 < len(self.doc) and joins(self.doc[last + 1]):
            last += 1
        while first < last and self.doc[first].is_punct:
            first += 1
        while last > first and self.doc[last].is_punct and self.doc[last].text != ")":
            last -= 1
        following = self.doc[last + 1] if last + 1 < len(self.doc) else None
        if following is not None and following.text == "," and "," in self.doc[first : last + 1].text \
                and following.idx < cue[0]:
            last += 1  # "Ilse Varga, the mayor, said": the comma closes the apposition
        return self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text)
