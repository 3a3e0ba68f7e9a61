"""Reported speech without quotation marks: the clause a speech or belief verb reports,
found from cue words in the parse, also inserted ("The pier, she said, will reopen") or
after "as" ("As Varga put it, …"). Each phase returns candidates ``(start, end, cue token,
kind)`` that do not overlap the spans ``covered`` by the phases before it; reported speech
that is no such clause (labels, requests, findings, stances, answers, views) is
:mod:`~storyweave.extract.quote_reported_acts`'s."""

from __future__ import annotations

import re
from typing import Any

from .._text import DATELINE
from .attribution_words import (DEMAND_VERBS, INDIRECT_VERBS, LISTENER_VERBS, MIN_QUOTE_WORDS, NOT_VOICING_VERBS,
                                RELATIVE_PRONOUNS, SPEECH_VERBS, THAT_CONJUNCTIONS)
from .quote_context import FinderBase
from .quote_cues import (_circumstance, _complement, _is_speech, _passive, _put_it, _saying_noun_before, aims_something,
                         demanded_of_subject)
from .quote_holders import _finding_holder
from .quote_marks import _words, quoted_spans
from .quote_report_clauses import (_CONDITION_MARKS, _TOPIC_PREPS, _about_the_speaker, _adverbial_relative,
                                   _after_comma_and, _closing_conjunct, _joined_to_report, _made_clear,
                                   _participle_read_as_clause, _relative_gap, _reports_again,
                                   _second_that_clause, _set_off_by_dash, _states_finding, _stolen_subject,
                                   _stranded, _that_clause, _whole_clause, _writers_addition)
from .quote_stances import _object_infinitive
from .quote_subjects import _fronted_subject, _speakers_next_act, _subject, _tense_tag



def _that_clause_after_aside(verb: Any, subject: Any) -> Any:
    """The last word of a "that" clause right after an attribution set off after a noun
    ("… an indication, some aides believe, that Brel could …"), which the parser hung on
    the attribution's verb as anything but its clause; None otherwise."""
    doc = verb.doc
    comma_before = doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    if comma_before is None or comma_before.text != "," or comma_before.i == 0 \
            or doc[comma_before.i - 1].pos_ != "NOUN" or verb.i + 2 >= len(doc):
        return None
    if doc[verb.i + 1].text != "," or doc[verb.i + 2].lower_ != "that" or any(
            c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    last = verb.sent[-1]
    while last.i > verb.i + 2 and last.is_punct:
        last = doc[last.i - 1]
    return doc[last.i] if last.i > verb.i + 3 else None

class ReportedSpeech(FinderBase):
    """The phases that find the clauses speech and belief verbs report."""

    def _indirect(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        out = []
        quoted = quoted_spans(self.text)
        for token in self.doc:
            lemma = token.lemma_.lower()
            made_clear = _made_clear(token)
            if not (token.pos_ == "VERB" and (lemma in INDIRECT_VERBS or lemma in DEMAND_VERBS or made_clear is not None
                                              or self._voices_that_clause(token))) or aims_something(token) \
                    or demanded_of_subject(token):
                continue  # ("asked that the mayor explain the cost": she is to explain, and has not)
            if _finding_holder(token) is not None and not _that_clause(token):
                continue  # "the polls showing Varga leading" is read last (_participle_findings)
            gap = _relative_gap(token)
            if token.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in token.children) \
                    and not _adverbial_relative(token) and gap is None:
                # "the things he said he would do" leaves an unmarked gap in its clause; "voters
                # who said they were angry" (the relative pronoun being the speaker) reports a
                # whole one, and "the levy, which she said was overdue" one about the noun.
                continue
            clause = _complement(token) if lemma in INDIRECT_VERBS or lemma not in DEMAND_VERBS else None
            demand = None
            clause = made_clear if made_clear is not None else clause
            if clause is None and lemma in DEMAND_VERBS:
                # "Clinton called for a ban on assault weapons": the demand is what was said,
                # when someone who can speak made it ("the situation calls for calm" is no demand).
                subject = _subject(token)
                if subject is None or not self._can_demand(subject) or _passive(token, ("auxpass",)):
                    continue  # ("500 supporters were called for the rally": called on, not calling)
                if lemma == "call" and any(c.dep_ in ("dobj", "oprd") for c in token.children):
                    continue  # "called the deal a turning point for the coast" names; "called for" has no object
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                clause = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")),
                              None) if prep is not None else None
                demand = clause
            # "the plan, which she said would fail" reports only through the gap its relative
            # pronoun fills (below); a demonstrative "that" ("said that was a mistake", tagged DT)
            # is an ordinary subject.
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not None else []
            # ("told investors that concerns … were overblown": a "that" beside another subject
            # is the complementiser the parser misread; "insisted that was not part of the deal":
            # right after the verb it is a demonstrative, relative to nothing)
            if clause is None or gap is None and len(subjects) == 1 and subjects[0].lower_ in RELATIVE_PRONOUNS \
                    and subjects[0].tag_ in ("WDT", "WP") and subjects[0].i != token.i + 1:
                continue
            if _participle_read_as_clause(clause):
                continue
            start, end = self._clause_span(clause)
            purpose = _object_infinitive(token, clause.right_edge) if demand is not None else None
            if purpose is not None:
                # "called for a special prosecutor to oversee the inquiry": what the one asked for should do
                end = self._clause_end(purpose.right_edge.idx + len(purpose.right_edge.text), start)
            split = next((c for c in token.children if c.dep_ == "ccomp" and c.i > clause.i > token.i
                          and c.left_edge.i == clause.right_edge.i + 1 and not c.left_edge.is_punct and not _circumstance(c)
                          # "said A, and more than half said B" is a second report
                          and clause.right_edge.dep_ != "cc" and not _is_speech(c) and not _states_finding(c)
                          # "the levy, which she said was overdue, passed": the comma closes the aside
                          and not (gap is not None and clause.right_edge.text == ",")), None)
            if split is not None and "\n" not in self.text[end : split.right_edge.idx]:
                # "told the board he was upset there have not been more boats …": the parser broke
                # one clause into two complements of the verb, side by side
                end = max(end, self._clause_end(split.right_edge.idx + len(split.right_edge.text), start))
            small = _small_clause_subject(token, clause)
            if small is not None:
                start = min(start, small.left_edge.idx)  # "polls that showed [him] victorious"
            verbed = _verb_after_fragment(token, clause)
            if verbed is not None and "\n" not in self.text[end : verbed.right_edge.idx]:
                # "learned that no matter the setting, no matter the stakes, Varga will insist
                # …": the parser took a noun of the opening phrase for the clause
                end = max(end, self._clause_end(verbed.right_edge.idx + len(verbed.right_edge.text), start))
            stolen = _stolen_subject(token, clause)
            if stolen is not None:
                start = min(start, stolen.left_edge.idx)
            if gap is not None:
                # "the levy, which she said was overdue": the relative pronoun stands for the
                # noun before and fills a gap in the clause; what was said is the clause after
                # the verb, about that noun.
                if not (gap.i < token.i < clause.i) or clause.i not in {t.i for t in token.children}:
                    continue
                start = max(start, self.doc[token.i + 1].idx)
            long_quotes = [(a, b) for a, b in quoted if _words(self.text[a:b]) >= MIN_QUOTE_WORDS]
            end = self._run_on_end(token, clause, start, end, covered + long_quotes)
            # (the noun a gap stands for is the subject of its clause: "a review Lind said was overdue")
            if start <= token.idx < end or _words(self.text[start:end]) < 4 and not _whole_clause(
                    clause, self.text[start:end], gap is not None and gap.i == token.head.i) and clause is not demand:
                continue  # (a demand is whole in a few words: "called for higher wages")
            if _words(self.text[start:end]) < 4:
                self._short_answers.add((start, end))  # "said they were angry" is a statement whole
            if end <= token.idx:
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
                if subject is None:
                    continue  # a clause before the verb is speech only in "…, X said" order
                # The parser hangs a second half ("… has collapsed but the store is intact,
                # crews said") or an apposition ("Yemen, two countries on the gulf, Sinha
                # said") on the speech verb: all before the speaker is what was said, and before
                # the verb when the speaker follows it ("…, says harbour master Ida Marsh").
                # (an adverb with words of its own, "as long as they …", is a clause the parser
                # hung on the verb, part of what was said)
                cue = min([token.idx] + [c.idx for c in token.children
                                         if c.dep_ in ("aux", "neg", "advmod") and clause.right_edge.i < c.i < token.i
                                         and not (c.dep_ == "advmod" and (c.n_lefts or c.n_rights))])
                end = max(end, self._clause_end(min(subject.left_edge.idx, cue), start))
                last_word = _that_clause_after_aside(token, subject)
                if last_word is not None and "\n" not in self.text[token.idx : last_word.idx]:
                    # "… an indication, some aides believe, that Brel could …": the noun's
                    # clause goes on after the attribution set in before it
                    aside = (self.doc[subject.left_edge.i - 1].idx, token.idx + len(token.text))
                    end = self._clause_end(last_word.idx + len(last_word.text), start)
                    self._inserted[(start, end)] = aside
            # Reported speech stays in its paragraph: a line above it the parser read into the
            # clause ("Live updates and local coverage") is no part of what was said.
            if token.idx > start:
                start = max(start, self.text.rfind("\n", start, min(end, token.idx)) + 1)
            end = self._before_quoted_aside(token, clause, start, end, covered)
            # (a verb inside the clause is an aside in it: "Any plan, said Lind, would fail")
            inner = self._reported_inside(token, token, start, end) if not start <= token.idx < end else set()
            if self._holds_quote(start, end, [c for c in covered if c not in inner], [q for q in quoted if q not in inner]):
                continue  # scare quotes ("the NFL has gone “soft”") leave it reported speech
            if gap is not None and token.head.ent_type_ not in ("DATE", "TIME") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != gap.i for c in clause.children):
                # only a gap for the subject reads with the noun before it ("[the levy] was
                # overdue", not "[the toll] the port should collect"); a clause "on Monday,
                # which …" is about the thing, not the day
                self._gap_nouns[(start, end)] = self._gap_noun(token)
            out.append((start, end, token, "indirect"))
        return out

    def _run_on_end(self, verb: Any, clause: Any, start: int, end: int, taken: list[tuple[int, int]]) -> int:
        """The end of a reported clause after the verb, run on through what the parser joined
        to the speech verb but is still reported: a second "that" clause ("said the pier needs
        repairs, but that the council would not pay") and a verb in the present or future
        (``_joined_to_report``); ``taken`` are quotes the run may not reach into."""
        if clause.i < verb.i:
            return end
        more = next((c for c in verb.children if c.dep_ == "conj" and c.idx >= end and not _is_speech(c)
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        # "said that she had seen the letters, and that the talk masked …": the parser may make
        # the second "that" clause a complement of its own; "and that" still joins it to the first
        more = more or next((c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i and c.idx >= end
                             and _second_that_clause(c)), None)
        if more is not None and "\n" not in self.text[end : more.idx]:
            end = self._clause_end(more.right_edge.idx + len(more.right_edge.text), start)
        joined = _joined_to_report(verb, clause)
        return self._joined_end(joined, start, end, taken) if joined is not None else end

    def _joined_end(self, joined: Any, start: int, end: int, taken: list[tuple[int, int]]) -> int:
        """The end of a reported clause run on to the verb joined to it (``_joined_to_report``),
        short of the punctuation after it ("… it still leaks. ''" where the parser took in the
        next quote's opening mark); ``end`` when that would cross a paragraph or run into a quote
        (``taken``; scare quotes of one word leave it reported speech, as in ``_holds_quote``)."""
        last = joined.right_edge
        while last.i > joined.i and (last.is_punct or last.is_quote or last.is_space):
            last = last.nbor(-1)
        stop = self._clause_end(last.idx + len(last.text), start)
        if "\n" in self.text[end:stop] or any(s < stop and end < e for s, e in taken):
            return end
        return max(end, stop)

    def _reported_inside(self, head: Any, verb: Any, start: int, end: int) -> set[tuple[int, int]]:
        """The spans covered so far (quotes, mixed quotes' clauses, reported clauses) that the
        clause ``start``–``end`` of ``head`` holds with a speaker and cue of their own before
        them ("Ross said Obama had told the leaders he would allow “no daylight”", "Instead,
        she said, her boss told her he had booked a room"): ``verb`` reports that statement
        whole, so they leave its clause reported speech; which of the two is the utterance is
        settled when both are made (``_without_relays``)."""
        inside: set[tuple[int, int]] = set()
        subtree = {t.i for t in head.subtree}
        for span, cue in self._covered_cues.items():
            # the inner cue opens its statement; one after a quote ("“…,” Lind added") hands
            # the quote over to a speaker of its own
            if cue.i == verb.i or cue.i not in subtree or not start <= cue.idx < span[0] < end:
                continue
            if verb.idx >= end and re.search(r"[—–-]\s*(?:''|\W)?$", self.text[max(start, span[0] - 5) : span[0]]):
                continue  # "… - “He would have loved Stalin,” Biden said - …": an aside of its own
            subject = _subject(cue)
            if subject is not None and start <= subject.idx < end:
                inside.add(span)
        return inside

    def _holds_quote(self, start: int, end: int, covered: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> bool:
        """Whether a clause overlaps a quote already found or holds quoted words of its own,
        which leave it to the direct quote; the title of a work named in a longer clause
        ("said it reminds him of the book titled “…”") does neither."""
        def title_inside(s: int, e: int) -> bool:
            return (s, e) in self._work_titles and _words(self.text[start:end]) - _words(self.text[s:e]) >= 4
        return any(s < end and start < e and not title_inside(s, e) for s, e in covered) or any(
            s < end and start < e and _words(self.text[s:e]) >= MIN_QUOTE_WORDS and not title_inside(s, e) for s, e in quoted)

    def _before_quoted_aside(self, verb: Any, clause: Any, start: int, end: int, covered: list[tuple[int, int]]) -> int:
        """"said he backed the bill on accreditation bodies, which he called “a cartel”": a
        quote in a relative clause set off by a comma is a remark of its own about a noun
        of what was said, as is one a participle of speech introduces ("…, explaining, “…”"),
        so the report ends at that comma and both are kept."""
        quoted = [s for s, e in covered if start < s < end and (s, e) not in self._work_titles]
        if not quoted:
            return end
        first = min(quoted)
        for token in clause.subtree:
            aside = token.dep_ == "relcl" or token.dep_ == "advcl" and token.tag_ == "VBG" and _is_speech(token)
            if not aside or token.left_edge.i == 0:
                continue
            comma = self.doc[token.left_edge.i - 1]
            if comma.is_quote and comma.i > 0:
                comma = self.doc[comma.i - 1]  # "the book titled “…,” explaining"
            last = token.right_edge
            if comma.text == "," and max(start, verb.idx) < comma.idx < first <= last.idx + len(last.text) + 1 \
                    and _words(self.text[start:comma.idx]) >= 4:
                return comma.idx
        return end

    def _gap_noun(self, verb: Any) -> str:
        """The noun phrase a relative clause's gap stands for, without the clause ("Harbor
        Tools, which he said moved 1,400 jobs" → "Harbor Tools"); a capital "The" opening a
        sentence is lowered, as the words are shown inside the quote."""
        if verb.dep_ != "relcl":
            # "what she said is overdue": "[it] is overdue", as editors fill a free relative
            # ("what he said were lies": "[they] were lies")
            plural = any(c.dep_ == "ccomp" and (c.tag_ == "VBP" or c.lower_ == "were") for c in verb.children)
            return "they" if plural else "it"
        noun = verb.head
        first = noun.left_edge
        last = max((t for t in noun.subtree if t.i < verb.left_edge.i), key=lambda t: t.i, default=noun)
        while last.i > first.i and (last.is_punct or last.dep_ == "cc"):
            last = self.doc[last.i - 1]
        words = self.text[first.idx : last.idx + len(last.text)]
        if first.dep_ == "det" and first.is_sent_start and first.text in ("The", "A", "An"):
            words = first.lower_ + words[len(first.text):]
        return words

    def _voices_that_clause(self, verb: Any) -> bool:
        """Whether a verb outside the speech lists still reports what its subject said or
        thinks: "joked that …", "conceded privately that …", "figures that …". A "that"
        clause after the verb of someone who can speak is their statement or belief; verbs of
        bringing something about ("ensured that the pier reopened") are not."""
        if verb.lemma_.lower() in NOT_VOICING_VERBS:
            return False
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None) if clause is not None else None
        if mark is None:
            return False
        if any(t.lower_ in ("so", "such") for c in verb.children if c.i < clause.i for t in (c, *c.children)):
            return False  # "was so consumed with the hostages that he traded arms": a result, not a statement
        if mark.i > 0 and mark.doc[mark.i - 1].lower_ in THAT_CONJUNCTIONS:
            return False  # "is spending more now that others pay": a time or condition, not a statement
        if _saying_noun_before(verb, clause) is not None:
            return False  # "cannot trust Varga's assertion that …": what she asserted, not trusted
        subject = _subject(verb)
        return subject is not None and self._can_speak(subject)

    def _what_said(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"adapt to what she said is growing demand for …", "end what he said were unfair
        rules": a free relative "what" with a speech verb and then "is" or "was" says that the
        speaker called the complement so, whatever the parser made of it; the words from
        "is" to the end of the sentence are the report, "[it]" standing for the "what". A
        belief so put ("lays out what he believes are …") is the writer's account of it, not a
        report of words."""
        out = []
        for token in self.doc:
            if token.lemma_.lower() not in INDIRECT_VERBS or token.lemma_.lower() not in SPEECH_VERBS \
                    or token.tag_ not in ("VBD", "VBZ", "VBP") \
                    or token.i + 2 >= len(self.doc) or self.doc[token.i + 1].lower_ not in _BE_FORMS:
                continue
            subject = _subject_right_before(token)
            if subject is None or subject.i < 2 or self.doc[subject.i - 1].lower_ != "what":
                continue
            governor = self.doc[subject.i - 2]
            if not (governor.pos_ == "ADP" or governor.pos_ == "VERB" and governor.lemma_.lower() not in INDIRECT_VERBS
                    and governor.lemma_.lower() not in SPEECH_VERBS):
                # "What he said was wrong", "I know what he said was wrong": the free relative
                # is the subject of "was", a verdict on his words, not a report of them; only
                # as the object of a preposition or an act ("adapt to what …", "end what …") is
                # the complement what was said
                continue
            be = self.doc[token.i + 1]
            start = be.idx
            end = token.sent[-1].idx + len(token.sent[-1].text)
            if "\n" in self.text[start:end]:
                end = self.text.index("\n", start)  # a report stays in its paragraph
            end = self._clause_end(end, start)
            if _words(self.text[start:end]) < 4 or self._holds_quote(start, end, covered, self._quoted):
                continue
            self._gap_nouns[(start, end)] = "they" if be.lower_ in ("are", "were") else "it"
            out.append((start, end, token, "indirect"))
        return out

    def _parentheticals(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"The pier, she said, will reopen in May", "The pier will reopen, she said": the
        parser hangs an inserted attribution on the reported clause as a side remark, so the
        speech verb has no clause of its own; what was said is the whole clause around it.
        So it is when the parser joins a closing attribution to the clause as a second verb
        ("The cannery will close by May, said its owner": ``_closing_conjunct``)."""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.dep_ != "parataxis" and not _closing_conjunct(token) or token.pos_ != "VERB" \
                    or not (lemma in INDIRECT_VERBS or lemma in SPEECH_VERBS):
                continue
            around = self._inserted_clause(token)
            if around is None:
                continue
            start, end, first, last = around
            closing = token.dep_ == "conj"
            if closing:
                end = self._clause_end(first, start)  # what was said ends where its attribution begins
            while end > start and self.text[end - 1] in "'\"”’ .,":
                end -= 1  # a stray closing mark of the passage around is no part of the clause
            if _words(self.text[start:end]) - (0 if closing else _words(self.text[first:last])) < 4:
                continue
            inner = self._reported_inside(token.head, token, start, end)
            if self._holds_quote(start, end, [c for c in covered if c not in inner], [q for q in self._quoted if q not in inner]):
                continue
            if not closing:
                self._inserted[(start, end)] = (first, last)
            out.append((start, end, token, "indirect"))
        return out

    def _as_attributions(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"As Varga told reporters, the pier will close in May", "The pier, as Varga noted,
        is older than the town hall": an attribution opened by "as" says the clause it is
        set in; the clause around it is what was said."""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            # verbs that report a clause: "as the crowd shouted, …" tells when
            if token.dep_ != "advcl" or token.pos_ != "VERB" or lemma not in INDIRECT_VERBS and not _put_it(token):
                continue
            if token.left_edge.lower_ != "as" or token.left_edge.dep_ != "mark" \
                    or not any(c.dep_ == "nsubj" for c in token.children):
                continue
            # "as he said he would" reports its own clause; "as she expected it" is no attribution
            # and "as the council hints at new rules" tells what it speaks about, not the clause
            if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ in ("dobj", "obj") and lemma not in LISTENER_VERBS and not _put_it(token)
                   or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS for c in token.children):
                continue
            host = token.head
            if host.pos_ in ("NOUN", "PROPN", "PRON") and host.head.i != host.i:
                host = host.head  # "The pier, as the mayor noted, is …": hung on the subject
            aside = range(token.left_edge.i, token.right_edge.i + 1)
            if host.pos_ not in ("VERB", "AUX") or host.i in aside or not self._set_off(aside):
                continue
            subject = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            # "Of course, as Ruiz observed, the pier …": words before an attribution that opens
            # the clause frame it, they are not said
            tokens = [t for t in host.subtree if t.i not in aside and (subject is None or subject.i < aside[0] or t.i > aside[-1])]
            condition = next((c for c in host.children if c.dep_ == "advcl" and c.i != token.i and c.right_edge.i == aside[0] - 2
                              and any(m.dep_ == "mark" for m in c.children)), None)
            if condition is not None:
                # "If the wages rise, as some hope, the town gains": the hope is the condition's
                tokens = list(condition.subtree)
            while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc" or tokens[0].lower_ in _CONDITION_MARKS):
                tokens.pop(0)
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if not tokens:
                continue
            start = max(tokens[0].idx, self.text.rfind("\n", 0, token.idx) + 1)
            end = self._clause_end(tokens[-1].idx + len(tokens[-1].text), start)
            if _words(self.text[start:end]) < 4 or "\n" in self.text[start:end] or self._holds_quote(start, end, covered, self._quoted):
                continue
            first, last = self.doc[aside[0]], self.doc[aside[-1]]
            if start < first.idx < end:
                self._inserted[(start, end)] = (self.doc[aside[0] - 1].idx, last.idx + len(last.text))
            out.append((start, end, token, "indirect"))
        return out

    def _set_off(self, aside: range) -> bool:
        """Whether a span of tokens is set off from its sentence by commas or dashes (or
        opens or closes it)."""
        before = self.doc[aside[0] - 1] if aside[0] > 0 else None
        after = self.doc[aside[-1] + 1] if aside[-1] + 1 < len(self.doc) else None
        opens = before is None or before.is_sent_end or before.is_space or before.i < self.doc[aside[0]].sent.start
        closes = after is None or after.is_sent_end or after.text in ".!?"
        return (opens or before.text in (",", "—", "–")) and (closes or after.text in (",", "—", "–")) \
            and not (opens and closes)

    def _inserted_clause(self, token: Any) -> tuple[int, int, int, int] | None:
        """The clause an inserted attribution ("The pier, she said, will reopen") sits in, as
        characters (start, end) without it, and the characters of the attribution with its
        comma or dash; None when ``token`` is no such inserted speech verb."""
        lemma = token.lemma_.lower()
        host = token.head
        if host.pos_ not in ("VERB", "AUX") or host.i == token.i:
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return None
        # an inserted attribution reports nothing of its own: "told reporters" names the
        # one spoken to, but a clause or object of its own is a sentence of its own
        if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ in ("dobj", "obj") and lemma not in ("tell", "ask") for c in token.children):
            return None
        fronted = _fronted_subject(token)
        # "At times, aides said, the mere mention …": the parser can hang the clause's opening
        # phrase on the inserted verb; the attribution begins at its subject or verb
        opening = min(token.i, *(c.left_edge.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass")))
        carried_on = {t.i for c in _carried_on(token) for t in c.subtree}
        inserted = [t for t in token.subtree if (fronted is None or t.i > fronted.right_edge.i) and t.i >= opening
                    and t.i not in carried_on]
        first, last = inserted[0], inserted[-1]
        words = [t for t in inserted if not t.is_punct]
        before = self.doc[words[0].i - 1] if words[0].i > 0 else None
        if before is None or before.text not in (",", "—", "–"):
            return None  # set off by a comma or a dash, as an inserted remark is
        first = min(first, before, key=lambda t: t.i)
        if host.dep_ in ("relcl", "acl"):
            return None  # "the days when, he said, …" reports inside a description
        # an aside after the clause ("…, the latter a reference to …") is the writer's
        # gloss, not what was said
        framing = {t.i for c in host.children if c.i != token.i and (
            c.dep_ in ("npadvmod", "appos") and c.i > last.i
            and self.doc[c.left_edge.i - 1].text == ",") for t in c.subtree}
        framing |= {t.i for c in host.subtree if c.i > last.i and _latter_gloss(c) for t in c.subtree}
        cut = min(framing, default=host.right_edge.i + 1)
        tokens = [t for t in host.subtree if not first.i <= t.i <= last.i and t.i < cut]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens.pop(0)
        if not tokens or tokens[0].tag_ in ("WRB", "WDT") and not tokens[0].lower_.endswith("ever") \
                and tokens[0].head.i == host.i:
            # "the days when, he said, …" reports inside a description ("Whatever progress he
            # made, aides said, could …" opens a clause of its own, and so does a time clause
            # the words open with: "When she saw him, he said, her eyes widened")
            return None
        start = min(t.idx for t in tokens)
        end = self._clause_end(max(t.idx + len(t.text) for t in tokens), start)
        start = max(start, self.text.rfind("\n", 0, token.idx) + 1)
        if "\n" in self.text[token.idx : end]:
            end = self._clause_end(self.text.index("\n", token.idx), start)
        return start, end, first.idx, last.idx + len(last.text)

    def _clause_span(self, clause: Any) -> tuple[int, int]:
        """Characters of a clause without its complementiser and closing punctuation."""
        tokens = list(clause.subtree)
        second = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and not _second_that_clause(c) and (
            _is_speech(c) and clause.head.i < clause.i and _is_speech(clause.head) and (
                any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) or _reports_again(c, clause.head)
                # "says he respects her and calls her “a fine mayor”": a second act of speech that
                # quotes words of its own is the speaker's, not part of the first report
                or _tense_tag(c) == _tense_tag(clause.head) and self._quotes_in(c))
            # the parser may tag the second verb wrongly ("and most voters said …" as a modifier)
            or any(t.tag_ in ("VBD", "VBZ", "VBP") and t.lemma_.lower() in INDIRECT_VERBS and t.lemma_.lower() in SPEECH_VERBS
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree))]
        # "worry that the gates will slow boats, and councillors want to see the budget": a
        # belief or wish set off by a comma and "and", with a subject of its own, is another
        # report the parser joined to the clause (without the comma it may still be reported:
        # "said the pier is safe and residents want it open")
        second += [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and not _is_speech(c)
                   and c.lemma_.lower() in INDIRECT_VERBS and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   and _after_comma_and(c)]
        # "said she would resign and left the room": the speaker's next act, not part of what was said
        second += [c for c in clause.children if _speakers_next_act(c)]
        # "said he saw no need to change, telling reporters that …": a participle of speech
        # after a comma is the speaker's next utterance, with its own content.
        second += [c for c in clause.children if c.i > clause.i and c.doc[c.left_edge.i - 1].text == ","
                   and c.dep_ == "advcl" and c.tag_ == "VBG" and _is_speech(c)]
        # "said the pier would reopen, while the council wants it closed": a contrast set off
        # after the clause is the writer's
        second += [c for c in clause.children if c.i > clause.i and c.dep_ == "advcl"
                   and c.doc[c.left_edge.i - 1].text in (",", "—", "–", "--") and _writers_addition(c)]
        # "said she would keep the pier open, touting a plan for moorings": a participle set off
        # after a report of the speaker's own doing tells what her saying did, and is the
        # writer's; after a report about others ("said the storm hit, killing two") it stays
        second += [c for c in clause.children if c.i > clause.i and c.dep_ == "advcl" and c.tag_ == "VBG"
                   and c.left_edge.i == c.i and c.doc[c.i - 1].text == "," and _about_the_speaker(clause)
                   and not any(s <= c.idx < e for s, e in self._quoted)]
        if second:
            # "said A and said B", "said A, and most voters said B": a second speech verb
            # joined to the clause reports a clause of its own.
            first = min(second, key=lambda c: c.i)
            tokens = [t for t in tokens if t.i < first.left_edge.i]
            while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()
        while len(tokens) > 1 and _stranded(tokens[-1]):
            tokens.pop()
        # "pushed for a single-payer system — a dream for many Democrats": the writer's aside
        aside = {t.i for c in clause.children if c.dep_ == "appos" and c.i > clause.i and _set_off_by_dash(c) for t in c.subtree}
        tokens = [t for t in tokens if t.i not in aside] or tokens
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("that", "whether")), None)
        if mark is not None and mark.i > tokens[0].i and clause.doc[mark.i - 1].is_punct:
            # "said — on Twitter, as it happens — that …": a remark set off before the
            # complementiser is the writer's aside
            tokens = [t for t in tokens if t.i >= mark.i]
        while len(tokens) > 1 and tokens[0].dep_ == "cc" and tokens[0].i < clause.i:
            tokens = tokens[1:]  # "But Eggleston had limited time …, the people said": the writer's link
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        # A clause the parser ran over a line break ("… around twelve days" in a title, then
        # a date line and the first paragraph): what was reported stays on its verb's line.
        start = max(start, self.text.rfind("\n", 0, clause.idx) + 1)
        line_end = self.text.find("\n", clause.idx, end)
        end = line_end if line_end != -1 else end
        dateline = DATELINE.match(self.text, start, end)
        if dateline:
            start = dateline.end()  # "LOS ANGELES, Feb. 2 (UPI) — The record is done, Kiedis said"
        # "questioning whether he was eligible" asks; only "that" goes
        lead = re.match(r"that\s+", self.text[start:end], re.I)
        first = min(tokens, key=lambda t: t.i)
        if lead and first.dep_ not in ("nsubj", "nsubjpass"):  # "said that was a mistake": a subject, kept
            start += lead.end()
        end = self._clause_end(end, start)
        # "they were worried about the economy, and …": a conjunction the clause was cut at
        trail = re.search(r"[\s,;]+(and|but|or)$", self.text[start:end])
        return start, self._clause_end(start + trail.start(), start) if trail else end

    def _quotes_in(self, token: Any) -> bool:
        """Whether a quoted passage of two words or more lies in a token's subtree."""
        first, last = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        return any(first <= s and e <= last and _words(self.text[s:e]) >= MIN_QUOTE_WORDS for s, e in self._quoted)


#: Words by which a writer points back at one of two things just named ("the latter a
#: reference to …"), glossing the words rather than reporting more of them.
_POINTING_BACK = frozenset({"latter", "former"})


def _small_clause_subject(verb: Any, clause: Any) -> Any:
    """The object the parser gave the verb right before a reported "clause" of an adjective
    with no subject of its own ("polls that showed him victorious"): that clause's subject,
    without which it says nothing of anyone; else None."""
    if clause.pos_ not in ("ADJ", "ADV") or clause.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.right_edge.i == clause.left_edge.i - 1), None)


def _verb_after_fragment(verb: Any, clause: Any) -> Any:
    """The clause with a verb the parser also hung on ``verb`` after a reported "clause" with
    none (a noun of an opening phrase read as the clause), with no other verb between them;
    None when the reported clause has its verb."""
    if clause.pos_ in ("VERB", "AUX") or clause.i < verb.i:
        return None
    later = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i and c.pos_ in ("VERB", "AUX")), None)
    if later is None or any(t.pos_ in ("VERB", "AUX") for t in verb.doc[clause.i + 1 : later.left_edge.i]):
        return None
    return later


def _latter_gloss(phrase: Any) -> bool:
    """Whether ``phrase`` is a gloss set off by a comma that opens with "the latter" or "the
    former" and then says what that one is ("…, the latter a reference to clubs that …"):
    the writer explains a word of the report, wherever the parser hung the gloss. ("the
    former governor" is a description, so "the former" must be followed by an article.)"""
    if phrase.dep_ not in ("npadvmod", "appos") or phrase.left_edge.i < 1:
        return False
    doc = phrase.doc
    first = phrase.left_edge
    if doc[first.i - 1].text != "," or first.lower_ != "the" or first.i + 2 >= len(doc):
        return False
    pointer, after = doc[first.i + 1], doc[first.i + 2]
    return pointer.lower_ == "latter" or pointer.lower_ in _POINTING_BACK and after.pos_ == "DET"


def _carried_on(verb: Any) -> list[Any]:
    """The words joined after an inserted attribution closed by its comma ("Take action now,
    they said, and you risk …"): the parser hangs the rest of the reported sentence on the
    speech verb as a second verb, but the comma closed the remark, so it goes on with what
    was said (the "and" with it). A second verb with no subject of its own is the speaker's
    act ("The pier will reopen, she said, and walked away")."""
    closing = next((t for t in verb.doc[verb.i + 1 : verb.sent.end] if t.text == ","), None)
    if closing is None:
        return []
    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > closing.i
              and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    if not joined:
        return []
    return joined + [c for c in verb.children if c.dep_ == "cc" and closing.i < c.i < joined[0].i]


#: Forms of "be" after which a free relative "what she said" names what was said to be so.
_BE_FORMS = frozenset({"is", "was", "are", "were"})


def _subject_right_before(verb: Any) -> Any:
    """The subject written right before ``verb``: a personal pronoun or a name (its first
    word), else None."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None:
        return None
    if before.lower_ in ("he", "she", "they", "we", "i"):
        return before
    if before.pos_ != "PROPN":
        return None
    first = before
    while first.i > 0 and verb.doc[first.i - 1].pos_ == "PROPN":
        first = verb.doc[first.i - 1]
    return first
