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
from .attribution_words import FINITE_TAGS
from .quote_context import FinderBase
from .quote_cues import _according_span, _according_to
from .quote_marks import _opening_mark_width
from .quote_noun_phrases import _a_dash, _np_span
from .quote_sources import _names_poll


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
        relay = self._relayed.get(attribution.quote.span)
        if relay is not None and not attribution.continues and self._reports_whole(attribution.cue_span, relay.quote.span):
            # "The Gazette reported that Varga said X": PolNeAR marks only the outermost of
            # nested attributions, the relay's; the quote keeps its speaker, the relay its channel
            outer = self._as_marked(relay)
            return replace(attribution, source_span=outer.source_span, cue_span=outer.cue_span,
                           marked_content_span=outer.marked_content_span, inserted_span=outer.inserted_span)
        outer = self._vouched_for(attribution) or self._polled(attribution)
        if outer is not None:
            return replace(attribution, **outer)
        marked = self._marked_content(content)
        inserted = self._inserted.get(attribution.quote.span)
        if inserted is not None and not marked[0] < inserted[0] < inserted[1] < marked[1]:
            inserted = None
        return replace(attribution, source_span=self._marked_source(attribution, content),
                       cue_span=self._marked_cue(attribution.cue_span, content),
                       marked_content_span=marked, inserted_span=inserted)

    def _reports_whole(self, cue: tuple[int, int] | None, span: tuple[int, int]) -> bool:
        """Whether a relay's words report the statement whose cue is ``cue`` as it stands
        ("the poll shows 30 percent say …"), not inside a description of something in them
        ("pointed to a stop where the mayor thanked …", "announced his run to ask …")."""
        verb = self.doc.char_span(*cue, alignment_mode="expand") if cue is not None else None
        if verb is None or not len(verb):
            return False
        token = verb[0]
        while token.head.i != token.i and span[0] <= token.head.idx < span[1]:
            if token.dep_ in ("relcl", "acl"):
                return False
            token = token.head
        return True

    def _polled(self, attribution: Attribution) -> dict[str, tuple[int, int] | None] | None:
        """The corpus spans of a poll opening the sentence in which people no one names say
        something ("In a harbour poll last week, 62 percent of fishermen said …"), or None: the
        poll is the outermost source, "In" the cue and the rest of the sentence its content. A
        named speaker ("In a study, the council found …") reports a finding of its own."""
        quote, cue = attribution.quote, attribution.cue_span
        if cue is None or quote.speaker is not None or quote.speaker_span is None or attribution.continues:
            return None
        cue_words = self.doc.char_span(*cue, alignment_mode="expand")
        if not cue_words or cue_words[0].lower_ == "in":
            return None
        sent = cue_words.sent
        opener = sent[0]
        poll = next((c for c in opener.children if c.dep_ == "pobj"), None)
        if opener.lower_ != "in" or opener.dep_ != "prep" or poll is None or not _names_poll(poll):
            return None
        comma = next((t for t in sent if t.i > poll.i and t.text == ","), None)
        if comma is None or comma.i - poll.i > 8 or any(t.tag_ in FINITE_TAGS for t in self.doc[poll.i : comma.i]) \
                or quote.speaker_span[0] < comma.idx:
            return None  # ("In a poll last week, …": the poll may carry its date, but no clause of its own)
        last = next((t for t in reversed(sent) if not t.is_punct and not t.is_space), None)
        if last is None or last.i <= comma.i:
            return None
        start = self.doc[comma.i + 1].idx
        end = self._clause_end(last.idx + len(last.text), start)
        source = replace(quote, speaker_span=_np_span(poll))
        return {"source_span": self._marked_source(replace(attribution, quote=source, relative=False), (start, end)),
                "cue_span": (opener.idx, opener.idx + len(opener.text)), "marked_content_span": self._marked_content((start, end))}

    def _vouched_for(self, attribution: Attribution) -> dict[str, tuple[int, int] | None] | None:
        """The corpus spans of the "according to" that vouches for a whole attribution ("Varga
        told the council the pier will close, according to a transcript"), or None. PolNeAR
        marks only the outermost of nested attributions: the phrase's object is the source
        and the speaker, cue and words it vouches for are its content. The quote keeps its
        speaker, and the phrase stays its channel."""
        quote, cue = attribution.quote, attribution.cue_span
        if cue is None or quote.speaker_span is None or quote.cue == "according to" or attribution.continues:
            return None
        cue_words = self.doc.char_span(*cue, alignment_mode="expand")
        according = _according_to(cue_words.sent) if cue_words else None
        if according is None:
            return None
        if not any(t.i in {w.i for w in according.head.head.head.subtree} for t in cue_words):
            return None  # "praised the plan, and won 77 percent, according to exit polls": another clause's source
        side = self._according_side(according.head.head)
        phrase = _according_span(according)
        inner = [quote.speaker_span, cue, attribution.content_span or quote.span]
        if not all(side[0] <= start and end <= side[1] for start, end in inner) \
                or any(start <= phrase[0] < end for start, end in inner):
            return None  # the phrase inside the words or the speaker vouches for no one's statement
        source = replace(quote, speaker_span=_np_span(according))
        return {"source_span": self._marked_source(replace(attribution, quote=source, relative=False), side),
                "cue_span": phrase, "marked_content_span": self._marked_content(side)}

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
        clause: set[int] = set()
        if attribution.relative and words[-1].lower_ in RELATIVE_PRONOUNS | {"whom"}:
            relative = words[-1]
            if relative.lower_ != "that" or relative.head.dep_ != "relcl":
                return relative.idx, relative.idx + len(relative.text)
            # "a harbour group that backed Varga": "that" is no pronoun but the word that opens the
            # clause (it takes no "whom", no preposition), so it names no one; the source is the
            # noun phrase it follows
            head = relative.head.head
            clause = {t.i for t in relative.head.subtree}
            words = self.doc[head.i : head.i + 1]
        head = words.root
        if head.lower_ in PRONOUNS | NON_PERSON_PRONOUNS:
            return span
        cue = attribution.cue_span or content  # a passage without a cue of its own: its content
        # "said Ilse Varga, the mayor, about the audit": a phrase set off after the
        # apposition tells what or where she spoke, not who she is
        aside = {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i and c.i > 0
                 and self.doc[c.i - 1].text == "," for t in c.subtree}
        subtree = {t.i for t in head.subtree} - aside - clause

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
