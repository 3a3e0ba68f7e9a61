"""Quotes: who said what, through which channel.

Split the way a reader does (compare bbc/citron): find the quoted content, find the
reporting cue (a speech verb or "according to"), then the source span, then decide which
belong together by the parse (the content lies in the cue's subtree). Indirect speech
("Kim said the pact would …") is the clausal complement of a speech verb.

Speakers written as pronouns ("he said") or role nouns ("the leader said") are resolved
to the most salient person before them: a subject of their own sentence that comes after
the last speaker, else the last speaker within two sentences, else the last person who was
a grammatical subject, else the last person named. People whose
gender the article makes clear (genders.py: "Mrs Varga", "spokesman Brel", "Varga arrived.
She …") are skipped when the pronoun or role noun says the other gender.

Beyond speech, what PolNeAR annotates as attributions: labels ("called him a loser",
"voters see her as electable"), stances, topics and choices ("criticised the council for
its delay", "spoke about the budget", "would vote for Brennick"), requests ("urged the
council to act"), headline sources ("Poll: …"), findings of surveys ("a survey found …"),
what "I" and "we" think outside quotation marks (interviews, op-eds) and statements of
documents someone issued ("issued a statement saying …").

A speaker described by common nouns only ("officials said", "according to figures
released by both city halls", "a senior official said") names no one: the quote keeps
the description as its speaker text, with its modifiers, and is marked unnamed, so no
entity is made of it and reports list it among unnamed sources, not as a speaker.

The finder is split by phase, one module each: ``quote_marks`` (quotation marks in the
raw text), ``quote_direct`` (the cue of each quoted passage, mixed quotes),
``quote_reported`` (the clauses speech verbs report) and ``quote_reported_acts`` (labels,
requests, findings, stances, answers, views), their parse look-ups in ``quote_report_clauses``,
``quote_stances`` and ``quote_views``, ``quote_sources`` ("according to", polls, a name and a colon),
``quote_speakers`` (who a cue credits, and the channel; its parse look-ups in ``quote_subjects``,
``quote_misparsed``, ``quote_holders``, ``quote_noun_phrases`` and ``quote_roles``), ``quote_passages`` (continuations
and grouping), ``quote_corpus_spans`` (spans as PolNeAR and PARC mark them); the parse
look-ups they share are in ``quote_cues``, the state in ``quote_context``, the word tables
in ``attribution_words`` and the result types in ``attribution``. This module runs the
phases in order and makes the attributions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .._text import capitalised, letter_words
from ..model import Annotation, Quote
from .attribution import Attribution, Speaker
from .attribution_words import (
    GUESSED_STATES, GUESSED_WISHES, GUESSING_ADVERBS, WRITERS_MODALS, UNSAID_MODALS, FIRST_PERSON, MAX_TITLE_WORDS, STANCE_VERBS, PRONOUNS, NON_PERSON_PRONOUNS, GROUP_PRONOUNS,
    ROLE_NOUNS, STANCE_HOLDER_NOUNS, MIN_QUOTE_WORDS, MIN_UNCUED_QUOTE_WORDS, PREP_OBJECT_VERBS, REFUSALS, MAX_WORK_TITLE_WORDS, WORK_NOUNS,
    OUTCOME_VERBS, DEMAND_NOUNS, PERSON_NOUNS, INDEFINITE, QUANTIFIERS, ATTITUDE_ADJECTIVES, FEELING_PARTICIPLES,
    ATTITUDE_PREPS,
)
from .entities import EntityIndex
from .genders import pronoun_gender
from .quote_corpus_spans import CorpusSpans
from .quote_cues import _according_span, _according_to, _is_speech, finds_oneself
from .quote_direct import DirectQuotes
from .quote_holders import _finding_holder, _side_taker
from .quote_marks import quoted_spans, _words
from .quote_misparsed import _named_after_quote
from .quote_noun_phrases import _after_dateline, _apposed_name, _titled_name
from .quote_passages import Passages, _passages_of_one_cue, _without_relays
from .quote_reported import ReportedSpeech
from .quote_reported_acts import ReportedActs
from .quote_roles import _describes_a_group
from .quote_signed import signed_quotes
from .quote_sources import SourceAttributions, _opinion_owner
from .quote_speakers import SpeakerFinding
from .quote_subjects import _sentence_subject, _subject

__all__ = ["Attribution", "QuoteFinder", "Speaker", "find_quotes", "quoted_spans"]


def _closed(text: str, start: int, end: int) -> int:
    """``end`` past a bracket or quotation mark the words opened and the text closes right
    after them ("… Sen. Ted Cruz (R-Tex.)", "defended his comments as being “sarcastic.”"),
    with the stop the writer set inside it."""
    bracket = re.match(r"\.?\)", text[end : end + 2])
    if bracket and text.count("(", start, end) > text.count(")", start, end):
        return end + bracket.end()
    closing = re.match(r"[.,!?]?(?:[”\"]|'')", text[end : end + 3])
    words = text[start:end]
    if closing and (words.count("“") > words.count("”") or words.count('"') % 2 == 1 or words.count("''") % 2 == 1):
        return end + closing.end()
    return end


def _opened(text: str, start: int, end: int) -> int:
    """``start`` before a quotation mark set right before the words and closed inside them
    ("offering “a deep and sincere apology” to Sanders"), so no closing mark is shown alone."""
    if start and text[start - 1] == "“" and text.count("”", start, end) > text.count("“", start, end):
        return start - 1
    return start


def _desire_told_by_another(verb: Any) -> bool:
    """Whether a verb of wanting is inside what someone else says or believes ("Asked if she
    believed Putin wanted Trump to win, Clinton said …"): a claim about a mind, not words of
    its own."""
    return verb.lemma_.lower() in ("want", "wish", "hope") and verb.dep_ == "ccomp" and (
        _is_speech(verb.head) or verb.head.lemma_.lower() in GUESSED_STATES)


def _asked_about(verb: Any) -> bool:
    """Whether a verb is what someone was asked about ("Asked if she believed …", "asked
    whether he thinks …"): a question put to them, no statement of theirs."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children) \
        and verb.head.lemma_.lower() in ("ask", "question", "wonder")


def _all_told(verb: Any) -> bool:
    """Whether a verb is the "told" of "All told, …" (in all), which tells no one anything."""
    return verb.lower_ == "told" and verb.i > 0 and verb.doc[verb.i - 1].lower_ == "all" \
        and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ","


def _asked_of_another(verb: Any) -> bool:
    """Whether an infinitive is what someone asks, urges or expects of the object before it
    ("urged voters to say …", "ignored her call to admit …"): not yet said by anyone."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _WISHING_VERBS \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        # "Greens want the mayor to push for new rules": the parser gave the infinitive the
        # object as its subject; it is still only wanted of her
        return True
    if verb.dep_ not in ("xcomp", "advcl"):
        return False
    obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
    if obj is None or verb.head.lemma_.lower() in OUTCOME_VERBS | _MEANS_VERBS:
        return False
    # "arranged calls to discuss the race" are telephone calls, made to speak; "lobbied the
    # councils to back the plan" asks it of them, though the parser read a purpose in it
    return verb.dep_ == "xcomp" or obj.right_edge.i == verb.i - 2 and (
        obj.lemma_.lower() in DEMAND_NOUNS and obj.tag_ == "NN" or verb.head.lemma_.lower() in _PERSUADING_VERBS)


#: Words between a work and its title ("the book titled “…”").
_NAMING_WORDS = frozenset({"titled", "entitled", "called", "named"})
#: Verbs whose object is the subject's means of an act ("used his speech to call for …").
_MEANS_VERBS = frozenset({"use", "take", "spend", "seize", "have"})
#: Verbs of wanting or asking something of someone ("want the mayor to push for …").
_WISHING_VERBS = frozenset({"want", "wish", "expect", "need", "like", "prefer", "ask", "urge"})
#: Verbs of getting someone to do something ("lobbied the councils to back …").
_PERSUADING_VERBS = frozenset({"lobby", "press", "pressure", "push", "encourage", "persuade", "convince", "urge", "ask"})

#: How often the phases run again after the final check turned some of their candidates
#: down: each run frees the words those held; a third is rarely needed and bounds the cost.
MAX_PHASE_RERUNS = 2
#: How sure the resolver must be of the person a "he" or "she" speaker stands for before
#: the article is taken to call them so (below it, the subject of a sentence before was guessed).
CALLED_CONFIDENCE = 0.7
#: Heads climbed from the word before a colon to the act that hands a quotation over
#: ("apologized [for [what happened]]:"; "who told the council [when asked [about [the levy]]]:").
MAX_COLON_CLIMB = 6


def _infinitive_of_purpose(verb: Any) -> bool:
    """Whether a verb is an infinitive of purpose, hung on a noun ("on condition of anonymity
    to speak freely about the nominee", "his decision to announce a run") or on an act ("will
    join the show to discuss his book"): what someone may, wants or is to say, not what they
    said."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.left_edge.i), None)
    if to is None or to.i == 0:
        return False
    before = verb.doc[to.i - 1]
    # the parser may hang it on the verb of the sentence ("he said, on condition of anonymity
    # to speak …", "will increase the pressure on her to say whether …"); the noun right
    # before it is still what it serves
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "auxpass" for c in verb.head.children) \
            and verb.head.lemma_.lower() not in OUTCOME_VERBS:
        return True  # "the story was updated to note …", "is expected to announce …" (but "was forced to admit")
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" or verb.dep_ in ("xcomp", "advcl") and before.pos_ in ("NOUN", "PRON") \
        and before.dep_ == "pobj" and before.head.head.pos_ == "NOUN" or verb.dep_ == "advcl" and not _is_speech(verb.head) \
        and any(c.tag_ == "MD" for c in verb.head.children)  # "will join the show to discuss …": not yet said


#: Marks that set a stand off from the description of its holder ("Holm was blunt — …").
STAND_MARKS = frozenset({"—", "–", "--", ":"})


def _stand_of_one_described(verb: Any) -> bool:
    """Whether a verb under a modal follows a dash or colon that closes a description of
    someone's manner ("Holm was courteous yet clear — Varga must show that she can run the
    port"): the clause is the stand of the one described, told by the writer; a duty or a
    supposition is no statement of its own subject."""
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    # the parser hangs the description on the verb or the verb on the description
    # (the words between them run from the end of the description to the start of the verb's
    # clause)
    described = [(c, c.right_edge.i + 1, verb.i) for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if verb.dep_ in ("conj", "parataxis"):
        described.append((verb.head, verb.head.i + 1, verb.left_edge.i))
    return any(manner.i < verb.i and manner.lemma_ == "be" and any(c.dep_ == "acomp" for c in manner.children)
               and any(c.dep_ == "nsubj" for c in manner.children)
               and any(t.text in STAND_MARKS for t in verb.doc[first:last]) for manner, first, last in described)


#: Verbs of a duty before a "to" infinitive: "needs to explain", "has to show".
DUTY_VERBS = frozenset({"need", "have"})


def _own_view(verb: Any, subject: Any) -> bool:
    """Whether a verb states a view its own subject voices or holds: the subject is the
    verb's ("they denounced the levy", "they want the pier rebuilt"), not an infinitive's
    ("asked them to support Holm"); no modal guesses or advises it ("they may want to
    reconsider", "they should back her"), and it is no state of mind a writer may only guess
    at ("they think the pier will never reopen", unless "I" or "we" say it)."""
    return subject is not None and subject.dep_ == "nsubj" and subject.head.i == verb.i and not any(
        c.dep_ == "aux" and c.lower_ in WRITERS_MODALS | UNSAID_MODALS for c in verb.children) and not (
        verb.lemma_.lower() in GUESSED_STATES and subject.lower_ not in FIRST_PERSON)


def _guessed_mind(verb: Any, subject: Any) -> bool:
    """Whether a verb of a state of mind is the writer's guess at it: under a modal of guessing
    ("he must know …"), or, for a wish too, with an adverb of guessing ("she will likely want
    …", "he probably thinks …") that no "I" or "we" puts on their own mind."""
    lemma = verb.lemma_.lower()
    if lemma in GUESSED_STATES and any(c.dep_ == "aux" and c.lower_ in WRITERS_MODALS for c in verb.children):
        return True
    return lemma in GUESSED_STATES | GUESSED_WISHES and (subject is None or subject.lower_ not in FIRST_PERSON) \
        and any(c.dep_ == "advmod" and c.lower_ in GUESSING_ADVERBS for c in verb.children)


class QuoteFinder(DirectQuotes, ReportedSpeech, ReportedActs, SourceAttributions, Passages, CorpusSpans, SpeakerFinding):
    """Finds the direct and indirect quotes of one article. The phases live in their own
    modules (see the module docstring); this class runs them in order and makes the
    attributions."""

    def find(self) -> list[Attribution]:
        """Direct quotes first (they claim their spans), then indirect speech; speakers are
        resolved in text order so that "he said" sees every speaker before it."""
        candidates: list[tuple[int, int, Any, str]] = []
        uncued: list[tuple[int, int]] = []
        named: list[tuple[int, int]] = []  # quotes handed over by a colon after a name, or to a name with no verb
        for start, end in quoted_spans(self.text):
            words = _words(self.text[start:end])
            alone = self._utterance_alone(start, end)
            if words < MIN_QUOTE_WORDS and not alone:
                continue
            chunk = self.doc.char_span(start, end, alignment_mode="expand")
            if chunk is None:
                continue
            verb = None
            for s in sorted({t.sent.start: t.sent for t in chunk}.values(), key=lambda s: -s.start):
                verb = self._quote_verb(s, start, end)
                if verb is not None:
                    break
            if verb is None:
                verb = self._cue_across(start, end)
            if verb is None and words >= MIN_UNCUED_QUOTE_WORDS:
                verb = self._act_before_colon(start)
            if verb is None and words < MIN_QUOTE_WORDS:
                continue
            if alone and verb is not None and words < MIN_UNCUED_QUOTE_WORDS and self._attributed_right_after(end, verb):
                self._short_answers.add((start, end))  # "“Not this year,” she said": said whole
            if verb is None:
                if words >= MIN_UNCUED_QUOTE_WORDS and _according_to(chunk[0].sent) is not None:
                    verb = _according_to(chunk[0].sent).head.head  # the "according" token
                elif words >= MIN_UNCUED_QUOTE_WORDS and self._named_before_colon(start) is not None:
                    named.append((start, end))
                    continue
                elif words >= MIN_UNCUED_QUOTE_WORDS and self._named_after_comma(end) is not None:
                    named.append((start, end))
                    continue
                elif words >= MIN_UNCUED_QUOTE_WORDS or self._opens_sentence(start):
                    uncued.append((start, end))
                    continue
                else:
                    continue
            if self._title_of_channel(verb, start, end):
                continue
            candidates.append((start, end, verb, "direct"))
        # "including “Listen To The Music,” “Black Water,” …": songs, not words said; nor do
        # they claim the clause they stand in ("said it reminds him of the book “…”")
        self._work_titles = {(s, e) for s, e, _, _ in candidates
                             if _a_title(self.text[s:e]) and self._used_as_title(s) or self._title_of_work(s, e)}
        titles = [c for c in candidates if (c[0], c[1]) in self._work_titles]
        quoted = self._mixed([c for c in candidates if (c[0], c[1]) not in self._work_titles]) + titles
        found = self._before_joined_subjects(_passages_of_one_cue(self._attributed_phases(quoted)))
        for start, end in named:
            before = self._named_before_colon(start)
            eid, span = before or self._named_after_comma(end)
            mark = self.text.rindex(":", 0, start) if before else self.text.index(",", end)
            quote = Quote(id="", article=self.annotation.article.id, speaker=eid, speaker_text=self.text[span[0]:span[1]],
                          speaker_span=span, cue=self.text[mark], channel=None, text=self.text[start:end], span=(start, end),
                          kind="direct")
            found.append(Attribution(quote, 0.8, (mark, mark + 1)))
            self.context.speakers.append((self.context.sentence_of(start), start, eid))
        found.sort(key=lambda a: a.quote.span)
        found.extend(self._continuations(uncued, found))
        # A headline's source holds its line whole ("Poll: most residents want a wall"): a
        # stance or clause read inside the line is the finding it reports, not another quote.
        colons = self._colon_attributions([a.quote.span for a in found if a.quote.kind != "indirect"])
        found = [a for a in found if not any(c.quote.span[0] <= a.quote.span[0] and a.quote.span[1] <= c.quote.span[1]
                                             for c in colons)]
        found.extend(colons)
        found.sort(key=lambda a: a.quote.span)
        found = self._after_anchors(_without_relays(self._before_relative_statements(found), self._spoken, self._relayed))
        found = self._named_in_next_paragraph(found)
        return [self._as_marked(self._pointed_back(a, found)) for a in found]

    def _act_before_colon(self, start: int) -> Any:
        """The act a colon hands a quotation over from, when the parser hung the colon on the
        quotation's own verb or on a root the act hangs under (session 36): "Lenk has since
        apologized for what happened: “Yes, I should have …”", "… would involve Ruiz, who told
        the council when asked about the levy: “That matter is closed …”". From the word before
        the colon up its heads, within its sentence: the first verb of speech, else the first
        act of someone who can speak; None when nothing fits. A passive ("when asked") tells
        what was done to the speaker, not what they did."""
        before = start - (2 if self.text[max(0, start - 2) : start] in ("''", "``") else 1)
        while before > 0 and self.text[before - 1] in " \n\t":
            before -= 1
        if before < 2 or self.text[before - 1] != ":":
            return None
        colon = self.doc.char_span(before - 1, before, alignment_mode="expand")
        if colon is None or not len(colon) or colon[0].i == 0:
            return None
        word = self.doc[colon[0].i - 1]
        acts = []
        node = word
        for _ in range(MAX_COLON_CLIMB):
            if node.pos_ == "VERB" and not _undergone(node):
                acts.append(node)
            if node.head.i == node.i or node.head.i > colon[0].i:
                break
            node = node.head
        speech = next((v for v in acts if _is_speech(v) and _subject(v) is not None), None)
        if speech is not None:
            return speech
        return next((v for v in acts if _subject(v) is not None and self._can_speak(_subject(v))), None)

    def _utterance_alone(self, start: int, end: int) -> bool:
        """Whether the quoted words at ``start``–``end`` open their sentence and close with
        the comma, question or exclamation mark of a line spoken before its attribution
        ("“Never,” said Brennick", "“Not this year,” she said"): an answer or cry in a word or
        two, not a scare quote inside a sentence."""
        closing = self.text[end - 1 : end + 4]
        return self._opens_sentence(start) and re.match(r"[^,!?]?[,!?](?:[”\"’]|'')", closing) is not None

    def _attributed_right_after(self, end: int, verb: Any) -> bool:
        """Whether the speech verb ``verb`` follows the quote ending at ``end`` in the same
        sentence with at most its speaker between ("…,” she said", "…!” Rep. Holm said of")."""
        gap = re.sub(r"^[,!?]?(?:[”\"’]|'')", "", self.text[end : verb.idx])
        return verb.idx >= end and len(gap) <= 60 and not re.search(r"[.!?;:\n“”\"]", gap)

    def _attributed_phases(self, quoted: list[tuple[int, int, Any, str]]) -> list[Attribution]:
        """The attributions of the quoted passages and of every phase's candidates, in text
        order. A phase candidate the final check turns down claims no span: the phases run
        again without it, so a later phase may read the words it held ("In the harbour survey,
        most fishermen backed the levy": the short stance "the levy" of no one named is turned
        down, and the survey's finding holds the clause)."""
        state = self._speaker_state()
        refused: set[tuple[int, int, int, str]] = set()
        candidates = self._phase_candidates(quoted, refused)
        found, turned_down = self._attributed(candidates, quoted)
        for _ in range(MAX_PHASE_RERUNS):
            if turned_down <= refused:
                break
            refused |= turned_down
            again = self._phase_candidates(quoted, refused)
            if again == [c for c in candidates if _key(c) not in refused]:
                break  # nothing else reads the freed words: the attributions stand
            self._restore_speaker_state(state)
            candidates = again
            found, turned_down = self._attributed(candidates, quoted)
        return found

    def _phase_candidates(self, quoted: list[tuple[int, int, Any, str]],
                          refused: set[tuple[int, int, int, str]]) -> list[tuple[int, int, Any, str]]:
        """The quoted passages and what each phase reads, in text order. Each phase skips what
        the ones before it claimed (a mixed quote claims its clause), but not the candidates in
        ``refused``: those block only what lies inside them, since words read as one report
        that no one can be credited with hold no report of their own ("said her group planned
        to march" of a speaker not found is no plan of the group's)."""
        candidates = list(quoted)
        self._covered_cues.clear()
        phases = (self._indirect, self._parentheticals, self._what_said, self._as_attributions, self._labels, self._stances, self._requests,
                  self._attitudes, self._findings, self._answers, self._views, self._according_clauses, self._source_openings,
                  self._record_asides, self._sides_taken, self._participle_findings)
        held: list[tuple[int, int]] = []  # the spans of the refused candidates of the phases so far
        for phase in phases:
            covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
            for (s, e, verb, _), span in zip(candidates, covered):
                self._covered_cues[(s, e)] = self._covered_cues[span] = verb
            read = [c for c in phase(covered) if not any(s <= c[0] and c[1] <= e for s, e in held)]
            candidates.extend(c for c in read if _key(c) not in refused)
            held.extend((c[0], c[1]) for c in read if _key(c) in refused)
        candidates.sort(key=lambda c: (c[0], c[1]))
        return candidates

    def _attributed(self, candidates: list[tuple[int, int, Any, str]], quoted: list[tuple[int, int, Any, str]]
                    ) -> tuple[list[Attribution], set[tuple[int, int, int, str]]]:
        """The attributions made of ``candidates`` in text order (so that "he said" sees every
        speaker before it), and the phase candidates turned down for want of a speaker who can
        be credited with them. A quoted passage, or words that report nothing whoever speaks
        (``_no_report``), keep their span all the same."""
        found: list[Attribution] = []
        turned_down: set[tuple[int, int, int, str]] = set()
        passages = {_key(c) for c in quoted}
        for candidate in candidates:
            attribution = self._attribute(*candidate)
            if attribution is not None:
                found.append(attribution)
            elif _key(candidate) not in passages and not self._no_report(*candidate):
                turned_down.add(_key(candidate))
        return found, turned_down

    def _speaker_state(self) -> tuple[list[tuple[int, int, str]], dict[str, set[str]], set[tuple[int, int]],
                                      list[tuple[int, int, str]]]:
        """What making attributions changes: the speakers so far, the pronouns each was called
        by, the "according to" sides credited and what each speaker said."""
        return (list(self.context.speakers), {k: set(v) for k, v in self.context.called.items()},
                set(self._according_sides), list(self.context.said))

    def _restore_speaker_state(self, state: tuple[list[tuple[int, int, str]], dict[str, set[str]],
                                                  set[tuple[int, int]], list[tuple[int, int, str]]]) -> None:
        """Undoes the attributions made since ``state`` was taken, before they are made again."""
        speakers, called, sides, said = state
        self.context.speakers[:] = speakers
        self.context.said[:] = said
        self.context.called.clear()
        self.context.called.update({k: set(v) for k, v in called.items()})
        self._according_sides.clear()
        self._according_sides.update(sides)

    def _pointed_back(self, attribution: Attribution, found: list[Attribution]) -> Attribution:
        """"Turnout fell to 38 percent. That’s according to the board.": the board's words
        are the sentence the pronoun stands for, which the quote shows; corpora mark the
        pronoun, which stays the content span. The pronoun alone when that sentence is
        someone else's quote already."""
        span = attribution.quote.span
        if span not in self._pointers:
            return attribution
        sentence = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if sentence is None or sentence.sent.start == 0:
            return attribution
        before = self.doc[sentence.sent.start - 1].sent
        start, end = before.start_char, before.end_char
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if re.search(r"(?<![.\s]\w)\.$", self.text[start:end]):
            end -= 1  # without its full stop, as a reported clause is shown ("U.S." keeps it)
        if _words(self.text[start:end]) < MIN_QUOTE_WORDS or any(
                a is not attribution and a.quote.span[0] < end and start < a.quote.span[1] for a in found):
            return attribution
        quote = replace(attribution.quote, text=self.text[start:end], span=(start, end))
        return replace(attribution, quote=quote, content_span=span)

    def _no_report(self, start: int, end: int, verb: Any, kind: str) -> bool:
        """Whether the words read as a report are none, whoever speaks: a work's title, or a
        cue that reports nothing here. Their words stay claimed, so no later phase reads a
        report inside them ("urged the crews to say that …" asks for words not yet said)."""
        if (start, end) in self._work_titles:
            return True
        if kind != "indirect":
            return False
        # "“Secretary Clinton voted for that war,” Sanders said": what a speaker says of
        # someone else is the speaker's quote, not the other one's statement; and "… every
        # poll has shown him trailing.\n\nComing into the debate, …": a reported clause is in
        # its cue's paragraph.
        return any(s <= verb.idx < e and _words(self.text[s:e]) >= MIN_QUOTE_WORDS for s, e in self._quoted) \
            or "\n" in self.text[min(verb.idx, end) : max(verb.idx, start)] \
            or _infinitive_of_purpose(verb) or _all_told(verb) or _desire_told_by_another(verb) \
            or _asked_about(verb) or _asked_of_another(verb) or finds_oneself(verb) or _stand_of_one_described(verb)

    def _attribute(self, start: int, end: int, verb: Any, kind: str) -> Attribution | None:
        if self._no_report(start, end, verb, kind):
            return None
        if kind == "mixed" and (start, end) in self._clauses and self._labelled_by_another(verb, start, end):
            # "said he left because the governor cast him as “reckless”": the speaker said the
            # clause, but the label in it is the governor's, so the clause is shown, not the label
            start, end = self._clauses[(start, end)]
            kind = "indirect"
        # a mixed quote's fragment may be short ("a “glide path”"), its reported clause is not
        words = _words(self.text[slice(*self._clauses.get((start, end), (start, end)))])
        according = _according_to(verb.sent)
        if verb.lower_ == "according":
            speaker = self._speaker(according, (start, end))
            # "according to a new poll" names a source that is no entity: kept, speaker id None.
            if speaker[0] is None and (speaker[1] is None or speaker[1].lower() in NON_PERSON_PRONOUNS):
                return None
            return self._make(start, end, speaker, "according to", None, kind, _according_span(according))
        if verb.lower_ in ("in", "from") and verb.dep_ == "prep":
            # "In a new poll, …": the poll is the source, named by the phrase; "In her view, …":
            # the one whose view it is
            source = next((c for c in verb.children if c.dep_ == "pobj"), None)
            cue = verb
            owner = _opinion_owner(source) if source is not None else None
            if owner is not None:
                source, cue = owner, source  # the view is the cue, as corpora mark it
            speaker = self._speaker(source, (start, end))
            if speaker[1] is None:
                return None
            possessive = re.search(r"\s*['’]s?$", speaker.text)
            if owner is not None and possessive and speaker.span is not None:
                # "Varga's view": the owner is Varga, without the possessive ending
                cut = len(speaker.text) - possessive.start()
                speaker = speaker._replace(text=speaker.text[: possessive.start()], span=(speaker.span[0], speaker.span[1] - cut))
            return self._make(start, end, speaker, cue.text, None, kind, (cue.idx, cue.idx + len(cue.text)))
        if verb.i in self._record_sources:
            # "…, port records show": the records named before the finding word, however parsed
            first, noun = (self.doc[i] for i in self._record_sources[verb.i])
            span = (first.idx, noun.idx + len(noun.text))
            speaker = Speaker(None, self.text[span[0] : span[1]], span, 0.5, unnamed=True)
            return self._make(start, end, speaker, verb.text, None, kind, (verb.idx, verb.idx + len(verb.text)))
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
            verb = verb.head.head  # "X quoted Y as saying …": the quoting verb names both
        speaker_token = None
        if verb.lemma_.lower() == "quote":
            speaker_token = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if self._view_owners.get((start, end)) is not None:
            speaker_token = self.doc[self._view_owners[(start, end)]]  # "his criticism of …"
        relative = None
        if speaker_token is None:
            subject, relative = self._subject_and_relative(verb)
            speaker_token = _titled_name(_apposed_name(_after_dateline(subject, verb)))
            listed = _after_list(speaker_token, start)
            if listed is not speaker_token:
                end = max(end, self.doc[listed.i - 1].idx)  # the list closes the reported clause
                speaker_token = listed
            inserted = self._inserted.get((start, end))
            if speaker_token is not None and start <= speaker_token.idx < end \
                    and not (inserted is not None and inserted[0] <= speaker_token.idx < inserted[1]):
                # the parser took a word of the quote for the subject; the name after it speaks,
                # or, for a participle before it ("Varga paused, telling the crowd, “…”"), the
                # subject of the clause it was set off from
                speaker_token = _named_after_quote(verb) if verb.idx >= end else _sentence_subject(verb, start)
        if speaker_token is not None and speaker_token.lower_ in ("'s", "’s"):
            return None  # "Let’s hope we see more …": the writer's wish, no one's statement
        speaker = self._speaker(speaker_token, (start, end))
        if relative is not None and speaker_token is subject and speaker.span is not None \
                and speaker.span[1] <= relative.idx < start and "\n" not in self.text[speaker.span[1] : relative.idx]:
            # "voters who said …": the clause names its speaker by the relative pronoun, so the
            # speaker as written runs from the noun to it (the entity stays the noun's).
            speaker = speaker._replace(span=(speaker.span[0], relative.idx + len(relative.text)))
        else:
            relative = None
        if speaker[0] is None and according is not None and verb.lemma_.lower() != "quote":
            # "… is described as ‘X’, according to Putin": the phrase names the speaker.
            speaker = self._speaker(according, (start, end))
            cue = "according to"
            cue_span = _according_span(according)
            channel = None
            side = self._according_side(according.head.head)
            if kind == "indirect" and (start, end) not in self._clauses and side[0] <= start and end <= side[1]:
                # "Most say they would pay more for local fish, but …, according to the survey": the
                # phrase vouches for its whole side of the sentence, not only the clause of the
                # verb inside it; one attribution per side
                if side in self._according_sides:
                    return None
                self._according_sides.add(side)
                start, end = side
        else:
            cue = self._cue_text(verb, start)
            # "referred to the pier", "commented on the delay": the preposition that takes what
            # is voiced reads with the cue ("referring to …", not "referring the pier")
            prep = re.fullmatch(r"\s*(\w+)\s+", self.text[verb.idx + len(verb.text) : start]) if start > verb.idx else None
            voiced = self.doc.char_span(start, start + 1, alignment_mode="expand") if start > verb.idx else None
            voiced = voiced[0] if voiced else None
            while voiced is not None and voiced.head.i != voiced.i and start <= voiced.head.idx < end:
                voiced = voiced.head
            if voiced is not None and voiced.head.dep_ == "prep" and voiced.head.head.i == verb.i:
                # "has spoken privately to a dozen senators about the matter": the preposition
                # the parse hangs what is voiced on, whatever comes between
                prep = re.fullmatch(r"(\w+)", voiced.head.text)
            # (an attitude's preposition reads with it too: "wary of …", "Alarmed by …")
            if prep and (prep.group(1).lower() in PREP_OBJECT_VERBS.get(verb.lemma_.lower(), ())
                         or verb.lower_ in ATTITUDE_ADJECTIVES | FEELING_PARTICIPLES and prep.group(1).lower() in ATTITUDE_PREPS
                         or prep.group(1).lower() in STANCE_HOLDER_NOUNS.get(verb.lemma_.lower(), ())):
                cue = f"{cue} {prep.group(1)}"
            cue_span = (verb.idx, verb.idx + len(verb.text))
            channel = self._channel(verb, verb.sent, speaker[2])
            if (start, end) in self._relays:
                channel = self._channel_name(_subject(self._relays[(start, end)]))
            if channel and speaker[0] and self.index.lookup(channel) == speaker[0]:
                channel = None  # "Carson criticized the media, though he added …": no relay of his own words
        if speaker[0] is None and speaker[1] is not None and speaker[1].lower() in GROUP_PRONOUNS \
                and (_is_speech(verb) or self._first_person_belief(speaker, verb, kind) or _own_view(verb, speaker_token)) \
                and not any(s <= speaker.span[0] < e for s, e in self._quoted):
            # "they say", "we said", "I told him", "they denounced the levy", "they want the pier
            # rebuilt": people speak or hold a view, though the pronoun names no one; the quote
            # is kept with the pronoun as an unnamed speaker ("they think …" stays the writer's).
            speaker = speaker._replace(unnamed=True)
        elif speaker[0] is None and speaker[1] is not None and speaker[1].lower() == "it" and _is_speech(verb) \
                and _own_view(verb, speaker_token) and self._speaking_thing_before(speaker_token):
            # "The report detailed the breaches. It said officials hid them": a body or a
            # document speaks, though no entity names it
            speaker = speaker._replace(unnamed=True)
        elif speaker[0] is None and (speaker[1] is None or speaker[1].lower() in NON_PERSON_PRONOUNS):
            return None
        if speaker[0] is None and words < MIN_UNCUED_QUOTE_WORDS and (start, end) not in self._short_answers and not (
                kind == "indirect" and speaker.text and (verb.lemma_.lower() in STANCE_VERBS or verb.lemma_.lower() == "vote")
                and (self._names_someone(start, end) or _POLL_SHARE.search(speaker.text)
                     or _people_described(speaker_token) or self._names_people(speaker.span))):
            # A short phrase is a quote only with a named speaker, but a group's choice of a
            # named candidate ("about 6 in 10 white men supported Brennick") is a finding, as
            # is a poll's share on anything ("only 32 percent opposed the tax"), the side
            # people described by their role take ("the mayors endorsed her") and that of a
            # group whose description names its people ("several candidates, including Varga
            # and Holm, criticized the levy").
            return None
        if kind == "indirect" and _guessed_mind(verb, speaker_token):
            # "he must know it has a limit", "she will likely want her aides cleared": the
            # writer guessing at a mind, not a statement.
            return None
        # "must" before a verb of saying is a duty ("must prove that he deserves the seat"): a
        # guess with it ("must know") was left out above.
        unsaid = [c for c in verb.children if c.i < verb.i and (c.dep_ == "aux" and c.lower_ in UNSAID_MODALS | {"must"}
                                                                 or c.dep_ == "neg")]
        if kind == "indirect" and unsaid and cue_span == (verb.idx, verb.idx + len(verb.text)):
            # "did not recommend that she face charges", "should ask the court to rule",
            # "could offer a testimony", "must prove": the cue keeps the words that say it was
            # not (or not yet) said, so no reader takes the clause for what was said.
            # (a contracted auxiliary stays with its subject: "he’s not predicting" → "not predicting")
            first = min(c.idx for c in [*unsaid, *(c for c in verb.children if c.dep_ == "aux" and c.i < verb.i
                                                   and c.text[:1] not in "'’")])
            cue = f"{self.text[first : verb.idx]}{cue}"
        elif kind == "indirect" and (verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in REFUSALS
                                     or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DUTY_VERBS) \
                and verb.head.i < verb.i and cue_span == (verb.idx, verb.idx + len(verb.text)) and verb.idx - verb.head.idx < 40 \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "declined at first to criticize David Duke", "needs to explain why …", "has to
            # show that …": the cue says it was not (or not yet) done
            cue = f"{self.text[verb.head.idx : verb.idx]}{cue}"
        if speaker.unnamed and verb.tag_ == "VBG" and kind != "direct" and not _is_speech(verb) and (
                speaker_token is None or speaker_token.lemma_.lower() not in ROLE_NOUNS) and _side_taker(verb) is None \
                and _finding_holder(verb) is None:
            # "The unprecedented resolution …, revealing how galaxies formed": a participle
            # hung on a thing says what the thing shows, not what anyone said; one of speech
            # ("The departments declined, saying …") still credits the group that spoke, and
            # one of taking a side or of a finding the thing it describes ("placards backing
            # Holm", "a poll showing Holm ahead").
            return None
        made = self._make(start, end, speaker, cue, channel, kind, cue_span)
        return replace(made, relative=True) if relative is not None else made

    def _make(self, start: int, end: int, speaker: Speaker,
              cue: str, channel: str | None, kind: str, cue_span: tuple[int, int] | None = None) -> Attribution:
        eid, speaker_text, speaker_span, confidence, unnamed, also, owner = speaker
        end = _closed(self.text, start, end)
        if kind == "indirect":
            start = _opened(self.text, start, end)
        if eid and speaker_span and _words(self.text[start:end]) >= MIN_UNCUED_QUOTE_WORDS:
            # Only real utterances set who is speaking; a two-word phrase in quotes does not.
            self.context.speakers.append((self.context.sentence_of(start), start, eid))
            self.context.speakers.sort(key=lambda s: s[1])
            self.context.said.append((start, end, eid))
            if also:
                self.context.joint.add(start)
            if speaker_text and speaker_text.lower() in PRONOUNS and confidence >= CALLED_CONFIDENCE:
                # (a guess at whom a "she" stands for tells nothing of their gender: "… President
                # Varga adopted it. She has called for …" guessed at Varga, a man, for the "he" after)
                self.context.called[eid].add(pronoun_gender(speaker_text) or "")
        quote = Quote(
            id="",
            article=self.annotation.article.id,
            speaker=eid,
            speakers=(eid, *also) if eid and also else (),
            speaker_text=speaker_text,
            speaker_span=speaker_span,
            cue=cue,
            channel=channel,
            text=self._words_said(start, end),
            span=(start, end),
            kind=kind,
            # Only a speaker found from context may take another outlet's name for the same
            # words (align_quotes.group_quotes); "Officials" or "the scientists" describe other
            # people, and a source named without an entity ("Tehran's seismologic center")
            # is named all the same: they stay theirs.
            speaker_resolved=confidence < 1.0 and not _describes_a_group(unnamed, speaker_text) and not (
                eid is None and not unnamed and speaker_text and speaker_text.lower() not in PRONOUNS | NON_PERSON_PRONOUNS),
        )
        return Attribution(quote, confidence, cue_span, content_span=self._clauses.get((start, end)), unnamed=unnamed,
                           owner=owner)


    def _used_as_title(self, start: int) -> bool:
        """Whether the title-like quoted words at ``start`` name a work: one of a list of
        titles in the sentence, or the object of an act or a preposition ("proceeded to
        perform “Bridge Over Troubled Water”"). A single one after a cue may be a slogan
        someone said."""
        first = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if first is None:
            return False
        sent = first.sent
        if sum(1 for s, e in self._quoted if sent.start_char <= s < sent.end_char and _a_title(self.text[s:e])) >= 2:
            return True
        before = next((t for t in reversed(self.doc[sent.start : first.start]) if not t.is_punct), None)
        # (or owned by a broadcaster or a paper: "host of MSNBC’s “Morning Joe”")
        return before is not None and (before.pos_ == "ADP" or before.tag_ == "POS"
                                       or before.pos_ == "VERB" and not _is_speech(before))

    def _title_of_work(self, start: int, end: int) -> bool:
        """Whether quoted words beside a noun naming a work are its title ("she wrote in her
        memoir, “Tough Choices.”", "Burrows's book “Backfire: Carly Fiorina's Battle for the
        Soul of HP”", "told the “Harbour Morning” show", "“Twin Peaks,” the cult series", or
        beside its author: "“Harbour Lights,” by Ana Ruiz"): every word but the small ones
        capitalised, no sentence inside."""
        first = self.doc.char_span(start, start + 1, alignment_mode="expand")
        last = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if first is None or last is None:
            return False
        before = next((t for t in reversed(self.doc[first.sent.start : first.start]) if not t.is_punct), None)
        if before is not None and before.lower_ in _NAMING_WORDS and before.i > 0:
            before = self.doc[before.i - 1]  # "the 1969 book titled “…”"
        # after it, the noun itself or an apposition's ("“Twin Peaks,” the cult series")
        after = next((t for t in self.doc[last.end : first.sent.end] if not t.is_punct), None)
        while after is not None and after.dep_ in ("det", "amod", "compound") and after.head.i > after.i:
            after = after.head
        by_author = after is not None and after.lower_ == "by" and any(c.dep_ == "pobj" and c.pos_ == "PROPN"
                                                                        for c in after.children)
        if not by_author and not any(t is not None and t.lemma_.lower() in WORK_NOUNS for t in (before, after)):
            return False
        words = self.text[start:end]
        content = [t for t in self.doc.char_span(start, end, alignment_mode="expand") or () if t.is_alpha and not t.is_stop]
        return bool(content) and all(t.text[:1].isupper() for t in content) \
            and len(words.split()) <= MAX_WORK_TITLE_WORDS and not re.search(r"[.!?]\s", words)

    def _words_said(self, start: int, end: int) -> str:
        """The quote's text: the clause without an attribution inserted in it ("underneath
        the criticism, Democratic sources said, Axelrod still …" → "underneath the criticism
        … Axelrod still …")."""
        gap_noun = self._gap_nouns.get((start, end))
        if gap_noun:
            # "the levy, which she said was overdue": what she said, "[the levy] was overdue",
            # with the noun the writer's "which" stands for in brackets, as editors mark it
            return f"[{gap_noun}] {self.text[start:end]}"
        inserted = self._inserted.get((start, end))
        if inserted is None or not start < inserted[0] < inserted[1] < end:
            return self.text[start:end]
        return f"{self.text[start : inserted[0]].rstrip(' ,—–-')} … {self.text[inserted[1] : end].lstrip(' ,—–-')}"


def _undergone(verb: Any) -> bool:
    """Whether a verb is passive: with a passive auxiliary or subject, or a bare participle
    ("when asked about it")."""
    children = {c.dep_ for c in verb.children}
    return bool(children & {"nsubjpass", "auxpass"}) or verb.tag_ == "VBN" and not children & {"aux", "nsubj"}


def _key(candidate: tuple[int, int, Any, str]) -> tuple[int, int, int, str]:
    """A candidate as a set member: its span, its cue's token index and its kind."""
    start, end, verb, kind = candidate
    return start, end, verb.i, kind


def _people_described(token: Any) -> bool:
    """Whether a subject is people described by a noun for a person ("the mayors", "his
    aides", "fishermen") or by their politics or nation ("Democrats"), who can take a side;
    "some residents", "several voters" or "most voters" are no one in particular."""
    if token is None or any(c.dep_ in ("det", "amod", "nummod") and c.lower_ in INDEFINITE | QUANTIFIERS for c in token.children):
        return False
    return token.ent_type_ == "NORP" or token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS


def _after_list(subject: Any, start: int) -> Any:
    """The speaker after a reported clause ending in a list the parser ran into the subject
    ("… shifted from Fiorina to Rubio to, now, Cruz, Wilkin said"): a subject joined to
    names by commas alone, with no "and", is the last of them."""
    if subject is None or subject.idx < start or any(c.dep_ == "cc" for c in subject.children):
        return subject
    # (the parser may hang the last name as an apposition: "…, Orrin, Brennick said")
    names = [c for c in subject.children if c.pos_ == "PROPN" and (
        c.dep_ == "conj" or c.dep_ == "appos" and c.ent_type_ == subject.ent_type_ == "PERSON")]
    return names[-1] if names and subject.pos_ == "PROPN" else subject


def _a_title(words: str) -> bool:
    """Whether quoted words are a title (a song, a book, a show): a few words, every one
    capitalised but articles and "of" after the first ("Meet the Press"), no full stop; a
    preposition in small letters reads as a phrase ("from “Buffalo to Albany”")."""
    capitals = capitalised(words)
    small = [w.lower() in _TITLE_ARTICLES for w in letter_words(words)]
    return 2 <= len(capitals) <= MAX_TITLE_WORDS and capitals[0] and all(c or s for c, s in zip(capitals[1:], small[1:])) \
        and not re.search(r"[.!?]\s", words)


#: A share of those polled ("32 percent of voters", "6 in 10 residents").
_POLL_SHARE = re.compile(r"\d+\s*(?:%|percent\b|per cent\b|in \d+\b)")


#: Small words a title keeps in small letters that no phrase of places or slogans needs.
_TITLE_ARTICLES = frozenset({"the", "a", "an", "of", "and"})


def find_quotes(annotation: Annotation, index: EntityIndex) -> list[Attribution]:
    """The quotes of one article, direct and indirect, in text order."""
    found = [_trimmed(a, annotation.article.text) for a in QuoteFinder(annotation, index).find()]
    signed = signed_quotes(annotation, index)
    return sorted(found + signed, key=lambda a: a.quote.span[0]) if signed else found


def _trimmed(found: Attribution, text: str) -> Attribution:
    """The quote without the spaces inside its marks, as some archives space them ("`` Now
    that we have …, '' he said"): they are no words of the speaker."""
    quote = found.quote
    start, end = quote.span
    words = text[start:end]
    lead, trail = len(words) - len(words.lstrip()), len(words) - len(words.rstrip())
    if not (lead or trail) or not words.strip():
        return found
    return replace(found, quote=replace(quote, text=quote.text.strip(), span=(start + lead, end - trail)))
