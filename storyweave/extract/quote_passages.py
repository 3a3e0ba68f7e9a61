"""Passages taken together: an uncued quoted passage continuing the quote before it, two
passages on one cue as one utterance, each continuation right after what it continues,
and reported clauses cut or dropped where they hold another speaker's attribution."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..model import Quote
from .attribution import Attribution
from .attribution_words import (
    PRONOUNS, GROUP_PRONOUNS, MIN_UNCUED_QUOTE_WORDS, MAX_CONTINUATION_GAP, MAX_ATTRIBUTING_GAP,
)
from .quote_context import FinderBase
from .quote_cues import _is_speech
from .quote_marks import _opening_mark_width, _words
from .quote_subjects import _subject_joined_before


def _same_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotes credit the same named speaker."""
    return a.speaker is not None and a.speaker == b.speaker


def _passages_of_one_cue(found: list[Attribution]) -> list[Attribution]:
    """“A,” she said, “B.”: two quoted passages hung on the same speech verb are one
    utterance, the second continuing the first (PolNeAR keeps them as one attribution)."""
    out: list[Attribution] = []
    for a in found:
        previous = out[-1] if out else None
        if (previous is not None and a.quote.kind == "direct" and previous.quote.kind == "direct"
                and a.cue_span is not None and a.cue_span == previous.cue_span
                and a.quote.speaker_span == previous.quote.speaker_span):
            a = replace(a, continues=True)
        out.append(a)
    return out


def _among(item: Attribution, items: list[Attribution]) -> bool:
    """``item in items``, the spans compared first: comparing two attributions whole is
    slow, and this runs for every pair of an article's attributions."""
    return any(x is item or x.quote.span == item.quote.span and x == item for x in items)


def _without_relays(found: list[Attribution], spoken: Callable[[Attribution], bool],
                    relayed: dict[tuple[int, int], Attribution] | None = None) -> list[Attribution]:
    """Drop a reported clause that holds another attribution whole ("[Putin said X], media
    reported"): the inner quote is the utterance, and the outer speaker is its channel. An
    inner belief is no utterance ("a spokesman said that the company felt the articles were
    unfair": the spokesman said it), so both stay. ``relayed`` is filled with each inner
    quote's span and the widest attribution dropped around it."""
    def holds(outer: Quote, inner: Quote) -> bool:
        return (outer is not inner and outer.kind != "direct" and inner.speaker_span is not None
                and outer.span[0] <= inner.speaker_span[0] and inner.span[1] <= outer.span[1]
                and outer.span[0] <= inner.span[0])
    def echoed(inner: Attribution) -> bool:
        # "Rubio told reporters that he knows voters are angry": a pronoun speaker inside a
        # reported clause is the reporter of it again, so the inner verb is part of what was said.
        # So is a relative clause ("said the pier was built for fishermen who know the winters"):
        # it describes someone in what the outer speaker says.
        return (inner.quote.speaker_text or "").lower() in PRONOUNS | GROUP_PRONOUNS or inner.relative
    def relays(a: Attribution, b: Attribution) -> bool:
        return holds(a.quote, b.quote) and not echoed(b) and spoken(b)
    kept = [a for a in found
            if not any(relays(a, b) for b in found)
            and not (echoed(a) and any(holds(b.quote, a.quote) for b in found))]
    # "Brennick said he would tell them “no more nonsense”": the words he quotes himself saying
    # are his, in the clause he said; the report keeps them as a mixed quote
    for i, outer in enumerate(kept):
        words = next((a for a in found if not _among(a, kept) and a.quote.kind in ("direct", "mixed") and echoed(a)
                      and holds(outer.quote, a.quote) and outer.content_span is None), None)
        if words is not None:
            quote = replace(outer.quote, text=words.quote.text, span=words.quote.span, kind="mixed")
            kept[i] = replace(outer, quote=quote, content_span=outer.quote.span)
    if relayed is not None:
        dropped = [a for a in found if not _among(a, kept)]
        for b in kept:
            outers = [a for a in dropped if relays(a, b)]
            if outers:
                relayed[b.quote.span] = max(outers, key=lambda a: a.quote.span[1] - a.quote.span[0])
    return kept


class Passages(FinderBase):
    """Continuation and grouping of the attributions found."""

    def _continuations(self, uncued: list[tuple[int, int]], found: list[Attribution]) -> list[Attribution]:
        """A quote with no cue of its own right after an attributed one ("“A,” she said.
        “B.”") continues it: same speaker, same cue."""
        out: list[Attribution] = []
        for start, end in uncued:
            before = [a for a in found + out if a.quote.span[1] <= start and a.quote.kind in ("direct", "mixed")]
            if not before:
                continue
            previous = max(before, key=lambda a: a.quote.span[1])
            # A speaker who is named but not recognised as an entity ("Espinoza said") or
            # an unresolved "he" still speaks the next passage.
            if not self._continues_after(previous.quote, start) or previous.quote.speaker_span is None:
                continue
            if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS and not self._right_after(previous.quote, start):
                continue  # a short passage ("“Everybody sues, right?”") goes on only right after the quote
            between = [a for a in found if previous.quote.span[1] <= a.quote.span[0] < start]
            if not all(self._remark_of_the_speaker(a.quote, previous.quote, start) or self._aside(a, previous.quote)
                       for a in between):
                continue
            q = replace(previous.quote, text=self.text[start:end], span=(start, end))
            # the passage's speaker is the one described before: unnamed if that one was, so
            # "the spokesman" of both passages is listed once, among the unnamed sources
            made = Attribution(q, previous.confidence * 0.9, None, continues=True, unnamed=previous.unnamed,
                               owner=previous.owner)
            if between:
                # "“A,” Varga says. She says the pier should reopen. “B.”": the passage goes on
                # from the speaker's last statement
                last = max(between, key=lambda a: a.quote.span[0])
                self._anchors[id(made)] = last if _same_speaker(last.quote, previous.quote) and self._spoken(last) else previous
            out.append(made)
        return out

    def _remark_of_the_speaker(self, remark: Quote, previous: Quote, start: int) -> bool:
        """Whether an attribution between a quote ``previous`` and an uncued passage at
        ``start`` leaves the passage to the same speaker: a remark in the sentence that
        attributes the quote ("“A,” said Varga, referring to the pier. “B.”") or, in the same
        paragraph, another indirect statement of the same person ("She says the pier …")."""
        if remark.kind == "direct":
            return False
        sentence = self.context.sentence_of(max(0, previous.span[1] - 1))
        if remark.speaker_span == previous.speaker_span and self.context.sentence_of(remark.span[0]) == sentence:
            return True
        return self._same_paragraph(previous.span[1], start) and _same_speaker(remark, previous)

    def _aside(self, remark: Attribution, previous: Quote) -> bool:
        """Whether an attribution sits in a relative clause of the sentence that attributes
        the quote ``previous`` ("“A,” LeVell declared, … a radio show during which callers asked
        how much he was paid. “B.”"): a side remark that leaves the next passage his."""
        if remark.quote.kind == "direct" or remark.cue_span is None or previous.speaker_span is None:
            return False
        if self.context.sentence_of(remark.cue_span[0]) != self.context.sentence_of(previous.speaker_span[0]):
            return False
        cue = self.doc.char_span(*remark.cue_span, alignment_mode="expand")
        return cue is not None and any(t.dep_ in ("relcl", "acl") for t in (cue.root, *cue.root.ancestors))

    def _opens_sentence(self, start: int) -> bool:
        """Whether the quotation mark before ``start`` opens a sentence of its own (after a
        full stop or a paragraph break), as a passage does, not a scare quote inside one."""
        before = self.text[: start - _opening_mark_width(self.text, start)].rstrip(" \t\xa0")
        return not before or before[-1] in ".!?\n"

    def _right_after(self, previous: Quote, start: int) -> bool:
        """Whether a passage at ``start`` follows the quote ``previous`` in its paragraph
        with only a short attribution between ("“They sue,” he said. “Right?”")."""
        gap = self.text[previous.span[1] : start]
        return len(gap) <= MAX_CONTINUATION_GAP and "\n" not in gap

    def _continues_after(self, previous: Quote, start: int) -> bool:
        """Whether a passage at ``start`` can continue the quote ``previous``: a short gap,
        the rest of the attributing sentence ("“A,” Trump said at a rally in Evansville last
        month. “B.”"), or narration about the same speaker in the same paragraph ("“A,” said
        Varga, 44. She has fished here for years. “B.”"), but no one else's."""
        previous_end = previous.span[1]
        gap = self.text[previous_end:start]
        if gap.count("\n") > 2 or len(gap) > MAX_ATTRIBUTING_GAP:
            return False
        lead = gap[gap.rfind("\n") + 1 :] if "\n" in gap else ""
        if len(re.findall(r"\b[A-Z][A-Z'’-]+\b", lead)) >= 2:
            return False  # a news digest's next item under its capitalised heading ("UN: PEACEKEEPERS …")
        if len(gap) <= MAX_CONTINUATION_GAP:
            return True
        if self._same_paragraph(previous_end, start) and not self._someone_else_acts(previous, start):
            return True
        return self.context.sentence_of(start) - self.context.sentence_of(max(0, previous_end - 1)) <= 1

    def _someone_else_acts(self, previous: Quote, start: int) -> bool:
        """Whether a person other than the speaker of ``previous`` is a grammatical subject
        between its end and ``start``."""
        return any(previous.span[1] <= char < start and is_subject and eid != previous.speaker
                   for _, char, eid, is_subject in self.context.persons)

    def _same_paragraph(self, start: int, end: int) -> bool:
        """Whether no paragraph break lies between two characters of the text."""
        return "\n" not in self.text[start:end]

    def _after_anchors(self, found: list[Attribution]) -> list[Attribution]:
        """Each continuation put right after the passage it continues: a remark of the same
        speaker between the two ("“A,” said Varga, referring to the pier. “B.”") would
        otherwise stand before it."""
        moved = [a for a in found if id(a) in self._anchors]
        if not moved:
            return found
        out = [a for a in found if id(a) not in self._anchors]
        for a in moved:
            anchor = self._anchors[id(a)]
            at = next((k for k, b in enumerate(out) if b is anchor), None)
            if at is None:
                at = next((k for k, b in enumerate(out) if b.quote.span[0] > a.quote.span[0]), len(out)) - 1
            out.insert(at + 1, a)
        return out

    def _before_relative_statements(self, found: list[Attribution]) -> list[Attribution]:
        """A reported clause cut before a statement of other people in it ("61 percent said
        they had decided, against 38 percent who said they could change their mind"): a
        relative clause with a speech verb of its own is their statement, not a part of the
        first one."""
        out = []
        for a in found:
            inner = next((b for b in found if b.relative and self._spoken(b) and b.quote.speaker_span is not None
                          and a.quote.kind != "direct" and a.content_span is None
                          and a.quote.span[0] < b.quote.speaker_span[0] and b.quote.span[1] <= a.quote.span[1]), None)
            if inner is not None:
                a = self._cut_before(a, self._phrase_start(inner.quote.speaker_span[0]))
            out.append(a)
        return out

    def _before_joined_subjects(self, found: list[Attribution]) -> list[Attribution]:
        """A reported clause or stance cut before the subject of the next verb the parser
        joined to it ("McCain supported it and Cruz, as he has, opposed the measure": McCain
        supported "it", not "it and Cruz"; :func:`~.quote_subjects._subject_joined_before`)."""
        joins = [subject for verb in self.doc if verb.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) for subject in [_subject_joined_before(verb)]
            if subject is not None]
        cuts = [next((c.idx for c in s.head.children if c.dep_ == "cc" and c.i < s.i), s.left_edge.idx) for s in joins]
        out = []
        for a in found:
            cut = next((c for c in cuts if a.quote.kind == "indirect" and a.content_span is None
                        and a.quote.span[0] < c < a.quote.span[1]), None)
            out.append(a if cut is None else self._cut_before(a, cut, least=1))  # ("supported it" is a stance whole)
        return out

    def _phrase_start(self, char: int) -> int:
        """Where the phrase holding the noun at ``char`` starts: "a quarter of [residents]
        who …" starts at "a quarter", and "against a quarter of residents" at "against"."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return char
        token = span[0]
        while token.dep_ in ("det", "amod", "compound", "nummod", "poss") and token.head.i > token.i:
            token = token.head  # "a booker who …": the phrase's noun, not its article
        while token.dep_ == "pobj" and token.head.dep_ in ("prep", "dative"):
            if token.head.head.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
                return token.head.idx
            token = token.head.head
        return token.left_edge.idx

    def _spoken(self, attribution: Attribution) -> bool:
        """Whether an attribution's cue is a verb of speech ("said", "told"), not of belief."""
        cue = self.doc.char_span(*attribution.cue_span, alignment_mode="expand") if attribution.cue_span else None
        return cue is not None and len(cue) == 1 and _is_speech(cue[0])

    def _cut_before(self, attribution: Attribution, stop: int, least: int = MIN_UNCUED_QUOTE_WORDS - 1) -> Attribution:
        """The attribution with its reported clause ended before ``stop`` (and the
        conjunction or punctuation there), unless fewer than ``least`` words would be left."""
        start = attribution.quote.span[0]
        end = self._clause_end(stop, start)
        trail = re.search(r"[\s,;—–-]+(and|but|or|while|whereas)?$", self.text[start:end])
        end = self._clause_end(start + trail.start(), start) if trail else end
        if _words(self.text[start:end]) < least:
            return attribution
        quote = replace(attribution.quote, span=(start, end), text=self.text[start:end])
        return replace(attribution, quote=quote)
