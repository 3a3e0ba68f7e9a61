"""Reported speech without quotation marks, found from cue words in the parse: the clause a
speech or belief verb reports (also inserted: "The pier, she said, will reopen"), labels
("called him a loser"), requests and vows, findings of polls and records, stances, topics
and choices, short answers ("said so") and nouns of voicing a view ("her criticism of
…"). Each phase returns candidates ``(start, end, cue token, kind)`` that do not overlap
the spans ``covered`` by the phases before it."""

from __future__ import annotations

import re
from typing import Any

from .._text import DATELINE
from .attribution_words import (AGENT_COMMIT_VERBS, ANSWER_VERBS, ANSWER_WORDS, BACKING_VERBS, COMMIT_VERBS,
                                CONTRAST_MARKS, DEMAND_VERBS, FINDING_VERBS, GREETING_VERBS, INDIRECT_VERBS,
                                INSTITUTION_NOUNS, LABEL_VERBS, LISTENER_VERBS, MIN_LABEL_WORDS,
                                MIN_QUOTE_WORDS, MIN_STANCE_WORDS, NOT_VOICING_VERBS, OBJECT_PRONOUNS,
                                ORDER_VERBS, PERSON_NOUNS, PRESSING_VERBS, REASON_PREPS, REFLEXIVE_PRONOUNS,
                                REGARD_VERBS, RELATIVE_PRONOUNS, REQUEST_VERBS, RESEARCH_NOUNS,
                                RESEARCH_ONLY_FINDING_VERBS, SPEAKER_ONLY_TOPIC_VERBS, SPEECH_VERBS,
                                STANCE_VERBS, THAT_CONJUNCTIONS, TOPIC_VERBS, VOICING_VERBS, WITHHELD_NOUNS)
from .quote_context import FinderBase
from .quote_cues import (_a_broadcast, _circumstance, _complement, _is_speech, _passive, _put_it,
                         _saying_noun_before, _voiced_object, aims_something)
from .quote_holders import _finding_holder, _quoted_label, _side_taker
from .quote_marks import _words, quoted_spans
from .quote_report_clauses import (_CONDITION_MARKS, _TOPIC_PREPS, _about_the_speaker, _adverbial_relative,
                                   _after_comma_and, _closing_conjunct, _joined_to_report, _made_clear,
                                   _participle_read_as_clause, _relative_gap, _reports_again,
                                   _second_that_clause, _set_off_by_dash, _states_finding, _stolen_subject,
                                   _stranded, _that_clause, _whole_clause, _writers_addition)
from .quote_stances import (_PASSIVE_NO_VIEW, _PEOPLE_WORDS, _a_place, _attitude_complement,
                            _circumstance_prep, _linked_attitude, _list_tail, _object_infinitive,
                            _opening_attitude, _regarded_as, _side_taken_by_role, _small_clause, _supposed)
from .quote_subjects import _fronted_subject, _speakers_next_act, _subject, _tense_tag
from .quote_views import _named_owner_above, _owner_of_example, _view_content


class ReportedSpeech(FinderBase):
    """The phases that find reported speech from cue words."""

    def _indirect(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        out = []
        quoted = quoted_spans(self.text)
        for token in self.doc:
            lemma = token.lemma_.lower()
            made_clear = _made_clear(token)
            if not (token.pos_ == "VERB" and (lemma in INDIRECT_VERBS or lemma in DEMAND_VERBS or made_clear is not None
                                              or self._voices_that_clause(token))) or aims_something(token):
                continue
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
        inserted = [t for t in token.subtree if (fronted is None or t.i > fronted.right_edge.i) and t.i >= opening]
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

    def _labels(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Bush called him a loser": the object and its label, as reported speech."""
        out = []
        for token in self.doc:
            span = self._label_span(token) if token.pos_ == "VERB" else None
            if span is None or _words(self.text[span[0] : span[1]]) < MIN_LABEL_WORDS:
                continue
            if any(s < span[1] and span[0] < e for s, e in covered):
                continue
            out.append((span[0], span[1], token, "indirect"))
        return out

    def _label_span(self, verb: Any) -> tuple[int, int] | None:
        """Characters of the object and its label after a labelling verb in the active voice
        ("called [him a loser]", "labelled [the plan “reckless”]"); None for a name given
        ("a group called the Freedom Caucus": no subject) or a passive ("he was called")."""
        span = self._label_by_parse(verb)
        if span is None and (words := _quoted_label(verb)) is not None and _subject(verb) is not None:
            # the parser may hang the object or the label anywhere ("called the system
            # “rigged”" read the label as the object's participle), or read the verb as a
            # noun's modifier; the quotation marks still show where the label ends
            span = words[0].idx, words[1].idx + len(words[1].text)
        return span

    def _label_by_parse(self, verb: Any) -> tuple[int, int] | None:
        """The object and label of ``_label_span`` as the parse shows them."""
        lemma = verb.lemma_.lower()
        if lemma not in LABEL_VERBS and lemma not in REGARD_VERBS and lemma != "refer" or verb.dep_ in ("acl", "relcl", "amod"):
            return None
        if _passive(verb) or _subject(verb) is None:
            return None
        if lemma == "refer":
            # "referred to Varga as a bright leader": a label given through "to … as"
            to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i), None)
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and to is not None and c.i > to.i), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None or as_ is None:
                return None
            start, last = obj.left_edge.idx, as_.right_edge
            return start, self._clause_end(last.idx + len(last.text), start)
        if lemma in REGARD_VERBS:
            predicates = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
            predicates = predicates or _regarded_as(verb)
        elif (small := _small_clause(verb)) is not None:
            # "considers Varga untrustworthy", "called him a liar": object and label read as one clause
            return small.left_edge.idx, self._clause_end(small.right_edge.idx + len(small.right_edge.text), small.left_edge.idx)
        else:
            predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
            # "called the plan “a reckless gamble”" is often parsed as an apposition
            predicates += [a for c in verb.children if c.dep_ in ("dobj", "obj") for a in c.children if a.dep_ == "appos"]
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "obj", "oprd", "nmod", "ccomp")]
        objects = [c for c in right if not (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))]
        if not predicates or len(objects) < 2 and not any(c.dep_ in ("dobj", "obj") for c in right):
            # "called Trump" with no label, or a label with no object (a clause after it is no
            # object: "a PAC called Our Principles is ramping up" gives a name, read as the main verb)
            return None
        start = right[0].left_edge.idx
        last = predicates[-1].right_edge
        return start, self._clause_end(last.idx + len(last.text), start)

    def _requests(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga urged the council to rebuild the pier": whom the subject asked, and to do
        what. (Questions, "asked whether …", are clauses and read as indirect speech.)"""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.pos_ != "VERB" or lemma not in REQUEST_VERBS and lemma not in COMMIT_VERBS \
                    and lemma not in DEMAND_VERBS or token.dep_ in ("amod", "acl", "relcl"):
                continue
            if _passive(token) or _subject(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            act = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i), None)
            pressed = obj if lemma in PRESSING_VERBS else None  # "pushed the board to act", as "urged"
            if lemma in DEMAND_VERBS:
                if not self._can_demand(_subject(token)):
                    continue  # "the plan calls for the council to pay": a document's terms, no demand
                # "called on the mayor to resign": the one asked is the object of "on"; "called for
                # the council to act": the parser makes the act a clause marked by "for".
                on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > token.i), None)
                obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
                if on is not None and obj is None:
                    # the parser often leaves "on" bare and hangs the person on the verb
                    obj = next((c for c in token.children if c.dep_ in ("oprd", "dobj", "obj") and c.i > on.i), None)
                clause = next((c for c in token.children if c.dep_ == "advcl" and c.i > token.i and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
                if obj is None and clause is not None:
                    obj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    act = clause
                obj = pressed if obj is None and on is None and clause is None else obj
            if lemma in COMMIT_VERBS and not (lemma in DEMAND_VERBS and obj is not None):
                # "vowed to veto the bill": the act alone, no one asked ("pushed for the board
                # to act" stays a demand of the board, and "pushed the board to act" asks it)
                obj = act if obj is None and not any(c.dep_ in ("dobj", "obj") and c.i > token.i for c in token.children) else None
                subject = _subject(token)
                if lemma in ("promise", "threaten") and not (self._can_speak(subject) or subject.ent_type_ == "NORP"
                                                            or subject.lemma_.lower() in PERSON_NOUNS):
                    continue  # "retirements promise to swell costs", "the decision threatens to create a bind"
                if lemma in AGENT_COMMIT_VERBS and subject.pos_ == "NOUN" and "Plur" not in subject.morph.get("Number") \
                        and not self._person_or_speaker(subject):
                    continue  # "the levy aims to cut debts": a thing's purpose, no one's aim
                if lemma == "look" and (act is None or act.lemma_.lower() == "be" or token.tag_ != "VBG"):
                    continue  # "is looking to win" is an aim; "looks to be close" a guess
            if obj is None or act is None or act.i < obj.i:
                continue
            if lemma in ORDER_VERBS and not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                continue  # "told the gazette in an interview recorded …": no act asked of anyone
            start = obj.left_edge.idx
            last = act.right_edge
            while last.i > act.i and (last.is_punct or last.dep_ == "cc"):
                last = last.nbor(-1)
            tail = _list_tail(last)  # "vowed to dredge the harbour, rebuild the pier and cut the levy"
            last = tail if tail is not None else act.right_edge
            end = self._clause_end(last.idx + len(last.text), start)
            if any(s < end and start < e for s, e in covered):
                continue
            if _words(self.text[start:end]) < 4:
                if not (lemma in COMMIT_VERBS and _is_speech(act)):
                    continue
                # "declined to comment", "refused to say": a refusal to speak is short but whole
                self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _attitudes(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga was eager to reopen the pier", "the mayors are wary of the levy", "Holm is
        confident that the ferry will sail": an adjective of attitude after a linking verb
        names a position its subject holds; what its complement names is that position. So
        does one, or a participle of feeling, opening the sentence ("Alarmed by the vote,
        party leaders …", "Convinced that the pier was unsafe, Varga …")."""
        out = []
        for adjective in self.doc:
            side = _side_taken_by_role(adjective)
            if not (_linked_attitude(adjective) or _opening_attitude(adjective) or side is not None):
                continue
            subject = _subject(adjective)
            if subject is None or not self._person_or_speaker(subject) or _supposed(adjective.head):
                continue
            what = side if side is not None else _attitude_complement(adjective)
            if what is None:
                continue
            tokens = [t for t in sorted(what.subtree, key=lambda t: t.i) if not (t.dep_ == "mark" and t.head.i == what.i)]
            start = tokens[0].idx
            end = self._clause_end(tokens[-1].idx + len(tokens[-1].text), start)
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, adjective, "indirect"))
        return out

    def _findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A new poll shows Brennick with a ten-point lead", "records showed the council
        ignoring the warnings": what a poll, record or document shows is its finding, a
        source's claim. A person who shows something ("showed his papers") makes no claim."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in FINDING_VERBS or token.dep_ in ("amod", "acl", "relcl") \
                    or _finding_holder(token) is not None:
                continue  # (a participle's finding, "a poll showing …", is read last: _participle_findings)
            if _passive(token) or any(c.dep_ == "ccomp" for c in token.children):
                continue
            subject = _subject(token)
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if subject is None or obj is None or subject.pos_ != "NOUN" or self._can_speak(subject) \
                    or subject.ent_type_ == "PERSON":
                continue
            if token.lemma_.lower() in RESEARCH_ONLY_FINDING_VERBS and subject.lemma_.lower() not in RESEARCH_NOUNS:
                continue  # "the refugees found their way", "a graduate finds a job": no finding
            span = self._finding_span(token, obj, covered)
            if span is not None:
                out.append((*span, token, "indirect"))
        return out

    def _finding_span(self, verb: Any, obj: Any, covered: list[tuple[int, int]]) -> tuple[int, int] | None:
        """What a finding verb's object and the words after it state, None when it is under
        four words or overlaps ``covered``."""
        # the figures a finding goes on to give are part of it ("showed Varga ahead, winning 51
        # percent to 39", "…, 32 to 25, while Holm was at 18"), and so is a participle joined
        # to it that says more of the object ("found Varga even statewide, but losing the
        # coast"); a joined verb of its own, or a writer's "although …" or "because …", is not
        rest = [c for c in verb.children if c.i >= obj.i and (
            c.dep_ not in ("punct", "cc", "conj", "advcl")
            or c.dep_ in ("conj", "advcl") and c.tag_ == "VBG"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
            or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children))]
        start = obj.left_edge.idx
        last = max((c.right_edge for c in rest), key=lambda t: t.i)
        end = self._clause_end(last.idx + len(last.text), start)
        if _words(self.text[start:end]) < 4 or any(s < end and start < e for s, e in covered):
            return None
        return start, end

    def _participle_findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"With a new poll showing Brennick ahead", "a survey showing her support down to 20
        percent": a participle of finding on a poll or record states that noun's finding, its
        object and what follows it, or the clause the parser made of them ("polls showing Varga
        leading Holm"). Read last, as ``_sides_taken``, so that a finding inside another
        attribution ("refused to dispute the polls showing Varga leading") is left to it, as
        corpora mark only the outer one. (A "that" clause after it, "a poll showing that …", is
        reported speech, read first by ``_indirect``, whose stances it holds.)"""
        out = []
        for token in self.doc:
            if _finding_holder(token) is None or _that_clause(token) \
                    or _passive(token):
                continue
            clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
            if clause is not None:
                start, end = self._clause_span(clause)
                if _words(self.text[start:end]) >= 4 and not any(s < end and start < e for s, e in covered):
                    out.append((start, end, token, "indirect"))
                continue
            # "suggesting" and "indicating" report a clause; an object alone ("a report suggesting
            # donors [were granted …]") is the parser's cut of one
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None) \
                if token.lemma_.lower() in FINDING_VERBS else None
            span = self._finding_span(token, obj, covered) if obj is not None else None
            if span is not None:
                out.append((*span, token, "indirect"))
        return out

    def _stances(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Most voters support a ban on imports", "Varga criticised the council for its
        delay", "spoke about the budget", "would vote for Brennick": the object (with what
        it is blamed or praised for) is the position, topic or choice voiced."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.dep_ in ("amod", "acl"):
                continue
            if _passive(token):
                span = self._passive_stance(token)
                if span is not None and not any(s < span[1] and span[0] < e for s, e in covered):
                    out.append((span[0], span[1], token, "indirect"))
                continue
            if _subject(token) is None:
                continue
            first = token
            while first.dep_ == "conj":
                first = first.head
            if first.dep_ == "xcomp" and (any(c.dep_ in ("dobj", "obj") for c in first.head.children)
                                          or first.head.lemma_.lower() in DEMAND_VERBS):
                # "asked him to condemn violence", "called on the council to attack the levy", "urged
                # them to rebuild and praise the crews": an act asked of someone else, not a stance
                continue
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in token.children):
                continue  # "asked Varga if she would ever endorse Brennick": a question, no side taken
            obj = _voiced_object(token)
            if obj is None or not any(t.pos_ in ("NOUN", "PROPN", "VERB", "NUM") for t in obj.subtree) and not (
                    obj.lower_ in OBJECT_PRONOUNS | REFLEXIVE_PRONOUNS
                    and any(c.dep_ == "nsubj" and c.lower_ not in OBJECT_PRONOUNS for c in token.children)
                    and (token.lemma_.lower() in BACKING_VERBS or any(
                        c.dep_ == "prep" and (c.lower_ in REASON_PREPS or c.lower_ == "as") and c.i > obj.i for c in token.children))):
                # "agreed to support each other": no position in the words; but "the governor
                # endorsed her" takes a side on someone named before, and "criticized him for
                # saying …" or "portrayed him as aloof" says what for or as what, when the verb
                # has its own subject ("would see him endorse her" is the writer's guess at an outcome)
                continue
            if token.lemma_.lower() in GREETING_VERBS and (obj.ent_type_ == "PERSON" or obj.pos_ == "PRON"):
                continue  # "Kim welcomed Putin at the airport": a greeting, not a stance
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "dative")]
            if token.lemma_.lower() == "deny" and (any(o.lemma_.lower() in WITHHELD_NOUNS for o in objects) or len(objects) > 1
                                                   or any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)):
                continue  # "denied Sanders the nomination" withholds; "denied the charges" answers
            # "voted for Brennick, a harbour pilot who …": a description set off after a name
            # is the writer's, not the choice voiced
            # ("pushed for a single-payer system — a dream for many Democrats —": an aside
            # set off by dashes is the writer's whatever it describes)
            described = {t.i for a in obj.children if a.dep_ in ("appos", "relcl") and a.i > obj.i and (
                obj.pos_ == "PROPN" and self.doc[a.left_edge.i - 1].text == "," or _set_off_by_dash(a)) for t in a.subtree}
            tokens = [t for t in obj.subtree if t.i not in described]
            while described and tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            glued = max(tokens, key=lambda t: t.i)
            while not glued.whitespace_ and glued.i + 1 < len(self.doc) and self.doc[glued.i + 1].head.i == obj.head.i \
                    and self.doc[glued.i + 1].dep_ == obj.dep_:
                # "endorsed the re-election of …": the parser can read the parts of a hyphenated
                # word as objects side by side; the object runs on through all of them
                glued = self.doc[glued.i + 1]
                tokens.extend(glued.subtree)
            if token.lemma_.lower() in SPEAKER_ONLY_TOPIC_VERBS and not self._person_or_speaker(_subject(token)):
                continue
            if token.lemma_.lower() == "vote" and _a_place(_subject(token)):
                continue
            reason = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > obj.i
                           and not any(_a_broadcast(c, p) for p in c.children)), None)
            if reason is None and token.lemma_.lower() == "accuse" and not any(
                    c.dep_ == "prep" and c.lower_ in REASON_PREPS for c in obj.children):
                # an accusation without its charge (or with a charge the parser lost) says
                # nothing; "accused the mayor of lying" may hang the charge on the person
                continue
            if reason is not None:
                tokens.extend(reason.subtree)
            # the parser hangs what completes the object on the verb ("announced a concert in
            # support of the senator", "described the crowd as shocked"); a comma ends it
            last = max(tokens, key=lambda t: t.i)
            for c in sorted(token.children if obj.head.i == token.i else (), key=lambda c: c.i):
                if c.i <= last.i:
                    continue
                if c.dep_ not in ("prep", "oprd", "advcl") or c.dep_ == "advcl" and (not any(
                        m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and c.left_edge.lower_ != "as"
                        or any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)):
                    break  # ("tweeted his observations as he lined up outside": "as" with a subject is when)
                if any(t.is_punct or t.is_space for t in self.doc[last.i + 1 : c.left_edge.i]) or c.lower_ in REASON_PREPS \
                        or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) or _circumstance_prep(c, obj):
                    # when, where or how it was voiced ("endorsed her in 2008", "mocked Varga on
                    # the radio", "praised the crews at a rally") is no part of it
                    break
                tokens.extend(c.subtree)
                last = max(tokens, key=lambda t: t.i)
            # "announced a series of steps to tighten gun sales", "defended his call to raise the
            # wage": the parser hangs the purpose on the verb, but it says what the object is
            purpose = next((c for c in token.children if c.dep_ == "xcomp" and c.i > obj.i), None) \
                if token.lemma_.lower() in TOPIC_VERBS else None
            if purpose is None:
                purpose = _object_infinitive(token, last)
            if purpose is not None:
                tokens.extend(purpose.subtree)
            tokens.sort(key=lambda t: t.i)
            while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()  # "favored Mr. Cruz and 12 percent backed …": the parser's loose "and"
            tail = _list_tail(tokens[-1])
            if tail is not None:
                # the parser hangs a list's later members anywhere; they share its first one's role
                tokens.extend(self.doc[tokens[-1].i + 1 : tail.i + 1])
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            if "\n" in self.text[start:end] and start > token.idx:
                # the parser can run a headline into the next paragraph; a stance stays in its own
                end = self._clause_end(self.text.index("\n", start), start)
            # what it is blamed or praised for may hold a report of its own ("criticized him for
            # saying he had served"): both stand, one inside the other
            reason_from = reason.idx if reason is not None else end
            if any(t.i > token.i and self._record_aside(t) is not None for t in token.sent):
                # "Most residents oppose the levy, a survey found, …": records set off after the
                # verb state the whole clause (``_record_asides``), the stance with it
                continue
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e and not reason_from <= s < e <= end
                                                                     for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _passive_stance(self, verb: Any) -> tuple[int, int] | None:
        """"The levy was opposed by most fishermen", "the plan has been criticized by Varga":
        a stance or topic verb in the passive voices its subject, and the "by" phrase names who
        voiced it (``_subject`` reads the speaker there). None without a "by" phrase naming
        someone who can voice a view ("was opposed from the start", "is backed by data"), and
        for the verbs whose object is no view in the passive ("was denied bail", "was offered a
        post", "was identified by police"; "was welcomed" a person is a greeting)."""
        lemma = verb.lemma_.lower()
        if not (lemma in STANCE_VERBS or lemma in TOPIC_VERBS) or lemma in _PASSIVE_NO_VIEW:
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
        voicer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if voicer is None or not (self._person_or_speaker(voicer) or voicer.lower_ in _PEOPLE_WORDS or self._can_demand(voicer)
                                  or voicer.ent_type_ == "PERCENT" or voicer.pos_ == "NUM"):
            return None
        if any(c.dep_ == "prep" and c.i > verb.i and (c.lower_ in REASON_PREPS or c.lower_ == "as") for c in verb.children):
            # "Holm was berated by his father for the delay", "was dismissed by critics as a
            # lightweight": the position runs on either side of the verb, more than one span holds
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        if subject is not None and lemma in GREETING_VERBS and (subject.ent_type_ == "PERSON" or subject.pos_ == "PRON"):
            return None  # "Putin was welcomed by Kim": a greeting; "the ruling was welcomed" a stance
        if subject is None or not any(t.pos_ in ("NOUN", "PROPN", "NUM", "VERB") for t in subject.subtree) \
                and subject.lower_ not in RELATIVE_PRONOUNS:
            return None  # "it was endorsed by the board": no position in the words
        last = subject.right_edge
        while last.i > subject.i and (last.is_punct or last.dep_ == "cc"):
            last = last.nbor(-1)  # ("Berlin's pledge to add soldiers, and …": the parser's loose "and")
        start = subject.left_edge.idx
        end = self._clause_end(last.idx + len(last.text), start)
        return (start, end) if end <= verb.idx and "\n" not in self.text[start:verb.idx] else None

    def _sides_taken(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A super PAC backing Varga", "dock workers opposing the levy": a participle of
        taking a side on a noun says that noun's side, the participle's object. Read last, so
        that a side inside another attribution ("a poll found 78 percent of them backing
        Varga", "plans to recruit captains supporting Holm") is left to it, as corpora mark
        only the outer one."""
        out = []
        for token in self.doc:
            if _side_taker(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if obj is None:
                continue
            # "one pastor supporting Mr. Cruz, Ana Lind of …": a name set off after the object is
            # the writer's, most often the noun's own (the parser hangs it on the nearer name)
            aside = next((c for c in obj.children if c.dep_ in ("appos", "relcl") and c.i > obj.i
                          and self.doc[c.left_edge.i - 1].text == ","), None)
            last = self.doc[aside.left_edge.i - 2] if aside is not None else obj.right_edge
            start = obj.left_edge.idx
            end = self._clause_end(last.idx + len(last.text), start)
            if any(s < end and start < e for s, e in covered) or any(s <= token.idx < e for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _person_or_speaker(self, subject: Any) -> bool:
        """Whether a subject can voice a topic: someone who can speak, or people or a body
        described by a noun for them ("dock workers described the pier as a wreck", "the
        company reported a loss"; "the plans offer credits" voice nothing)."""
        if subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
            # "Ana Berg, who described herself as …": the noun the clause is on speaks (PolNeAR
            # marks what a relative clause says someone voiced, as for any other verb)
            subject = subject.head.head
        return self._can_speak(subject) or subject.ent_type_ in ("ORG", "NORP") \
            or subject.pos_ == "NOUN" and subject.lemma_.lower() in PERSON_NOUNS | INSTITUTION_NOUNS

    def _answers(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Half said so", "72 percent said yes", "a third say the same of the mayor": a
        short answer stands for a clause said before, and is what the subject said (polls
        report their findings this way)."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in ANSWER_VERBS or token.dep_ in ("amod", "acl"):
                continue
            if _complement(token) is not None or _subject(token) is None:
                continue
            answer = next((c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "obj", "advmod", "intj", "ccomp", "acomp")
                           and c.lower_ in ANSWER_WORDS), None)
            if answer is None:
                continue
            tokens = list(answer.subtree)
            start = min(t.idx for t in tokens)
            end = self._clause_end(max(t.idx + len(t.text) for t in tokens), start)
            if self.text[start:end].lower() in ("same", "opposite"):
                continue  # "the same" with nothing it is about is only half an answer
            if any(s < end and start < e for s, e in covered):
                continue
            self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _views(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Her criticism of the council", "Varga avoided any mention of the mayor", "renewed
        his call for a ban", "his claim that the pier is safe": a noun of voicing a view names
        what was voiced after its preposition or in its "that" clause; the speaker is its
        possessor or the subject of the verb that voices it."""
        out = []
        for noun in self.doc:
            if noun.pos_ != "NOUN":
                continue
            what = _view_content(noun)
            if what is None or what.lower_ in ("it", "this", "that") and what.n_lefts + what.n_rights == 0:
                continue  # "her professed opposition to it": a view of nothing the reader is shown
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                # the noun's verb, for the speaker's subject and a cue, is the noun itself
                if owner.lower_ in ("its", "their", "our", "my", "your") or not (
                        owner.lower_ in ("his", "her") or self._can_speak(owner)):
                    continue
                cue = noun
                holder = noun.head.head if noun.head.dep_ == "prep" else noun.head
                subject = _subject(holder) if holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in VOICING_VERBS else None
                example_of = _owner_of_example(owner) if owner.lower_ in ("his", "her") else None
                if example_of is not None:
                    owner = example_of
                elif owner.lower_ in ("his", "her") and subject is not None and subject.i < owner.i and self._can_speak(subject):
                    # "Trump is doubling down on his support for …": the one who voices it again
                    # is the subject that "his" points back to.
                    owner = subject
                elif owner.lower_ in ("his", "her"):
                    owner = _named_owner_above(noun) or owner
            elif noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in VOICING_VERBS and noun.head.pos_ == "VERB" \
                    and _subject(noun.head) is not None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.head.children):
                cue = noun.head
                # "the report renewed Republican calls for …": the calls are the Republicans'
                owner = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
            else:
                continue
            if what.dep_ in ("acl", "ccomp"):
                start, end = self._clause_span(what)
            else:
                start = what.left_edge.idx
                last = what.right_edge
                while last.i > what.i and _stranded(last):
                    last = last.nbor(-1)
                end = self._clause_end(last.idx + len(last.text), start)
            if "\n" in self.text[start:end] or any(s < end and start < e for s, e in covered):
                continue
            self._view_owners[(start, end)] = owner.i if owner is not None else None
            out.append((start, end, cue, "indirect"))
        return out

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
