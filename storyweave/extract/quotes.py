"""Quotes: who said what, through which channel.

Split the way a reader does (compare bbc/citron): find the quoted content, find the
reporting cue (a speech verb or "according to"), then the source span, then decide which
belong together by the parse (the content lies in the cue's subtree). Indirect speech
("Kim said the pact would …") is the clausal complement of a speech verb.

Speakers written as pronouns ("he said") or role nouns ("the leader said") are resolved
to the most salient person before them: the last speaker within two sentences, else the
last person who was a grammatical subject, else the last person named. People whose
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
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from ..model import Annotation, Quote
from .attribution_words import (
    SPEECH_VERBS, PHRASAL_SPEECH, INDIRECT_VERBS, GUESSED_STATES, WRITERS_MODALS, DOCUMENT_NOUNS,
    DEMAND_VERBS, LABEL_VERBS, REGARD_VERBS, STANCE_VERBS, MIN_STANCE_WORDS, TOPIC_VERBS,
    SPEAKER_ONLY_TOPIC_VERBS, SPEECH_NOUNS, REASON_PREPS, PREP_OBJECT_VERBS,
    LISTENER_VERBS, CHANNEL_PREPS, REQUEST_VERBS, COMMIT_VERBS, VIEW_NOUNS, CLAUSE_VIEW_NOUNS,
    VOICING_VERBS, ANSWER_VERBS, ANSWER_WORDS, CIRCUMSTANCE_MARKS, CONTRAST_MARKS,
    NOT_VOICING_VERBS, FINDING_VERBS, RESEARCH_ONLY_FINDING_VERBS, RESEARCH_NOUNS, GERUND_PREPS,
    MIN_LABEL_WORDS, PRONOUNS, NON_PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON,
    RELATIVE_PRONOUNS, ROLE_NOUNS, OPENERS, MIXED_CLOSERS, MIN_QUOTE_WORDS, MIN_UNCUED_QUOTE_WORDS,
    MAX_CONTINUATION_GAP, MAX_ATTRIBUTING_GAP, HEADLINE_SOURCE_NOUNS, MAX_HEADLINE_SOURCE_WORDS,
    POLL_NOUNS, NAMING_LABELS, INDEFINITE, MAX_DESCRIPTION_WORDS, ASIDE_RELATIVES, QUOTE_MARKS,
    COMPLEMENTISERS, CUE_MODIFIERS, CUE_ADVERBS, CUE_PARTICLES,
)
from .entities import EntityIndex
from .genders import compatible, is_main_subject, person_genders, pronoun_gender


class Speaker(NamedTuple):
    """Who an attribution credits, before ids are given."""

    entity: str | None
    text: str | None
    span: tuple[int, int] | None
    confidence: float
    unnamed: bool = False  # described by common nouns only ("officials"): no entity


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


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the content inside quotation marks (marks excluded)."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = None
        width = 1
        if text.startswith("''", i) or text.startswith("``", i):
            # Typewriter quotes of news archives: ''Like this,'' he said (or ``like this'').
            close, width = "''", 2
        elif ch in OPENERS:
            close = OPENERS[ch]
        elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            close = "’"
        if close is None:
            i += 1
            continue
        end = i + width
        paragraph_end = text.find("\n", i)
        limit = n if paragraph_end < 0 else paragraph_end
        found = _closing_mark(text, end, limit, close)
        if found < 0:
            at_paragraph_start = i == 0 or text[i - 1] == "\n"
            if not ((at_paragraph_start or _quote_goes_on(text, limit)) and close in ("”", '"', "''") and limit - i > 20):
                i += width
                continue
            # A quote running over several paragraphs reopens each one and closes only at
            # its end: this paragraph is quoted to its end.
            found = limit
            while found > i + 1 and text[found - 1] in " \t":
                found -= 1
        start, stop = i + width, found
        while stop > start and text[stop - 1] in " ,":
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        i = found + (len(close) if found < limit else 1)
    return spans


def _closing_mark(text: str, start: int, limit: int, close: str) -> int:
    """Where the mark ``close`` (or its curly or straight twin) first closes a quote
    between ``start`` and ``limit``; -1 when none does. A "’" followed by a letter is an
    apostrophe ("don’t")."""
    closers = (close, MIXED_CLOSERS[close]) if close in MIXED_CLOSERS else (close,)
    for end in range(start, limit):
        if text.startswith(closers, end) and (close != "’" or end + 1 >= len(text) or not text[end + 1].isalpha()):
            return end
    return -1


def _quote_goes_on(text: str, paragraph_end: int) -> bool:
    """Whether the paragraph after ``paragraph_end`` opens with a quotation mark: a quote
    that runs on into the next paragraph is not closed in this one (“A,” she said. “B.⏎“C.”),
    whether it opened the paragraph or not."""
    rest = text[paragraph_end:].lstrip()
    return paragraph_end < len(text) and rest[:1] in ("“", '"')


def _past_closing_mark(text: str, i: int) -> int:
    """``i`` moved past a closing quotation mark that starts there (two apostrophes too)."""
    if text.startswith("''", i):
        return i + 2
    return i + 1 if i < len(text) and text[i] in "”\"’»" else i


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class _Context:
    """Who was speaking or acting in the sentences read so far, for pronoun resolution."""

    def __init__(self, annotation: Annotation, index: EntityIndex) -> None:
        self.annotation = annotation
        self.index = index
        self.article = annotation.article.id
        self.speakers: list[tuple[int, int, str]] = []  # (sentence, char, entity)
        self.persons: list[tuple[int, int, str, bool]] = []  # (sentence, char, entity, is_subject)
        starts = [s.span[0] for s in annotation.sentences]
        self._starts = starts
        for m in annotation.mentions:
            eid = self._person_of(m)
            if eid is not None:
                self.persons.append((m.sentence, m.span[0], eid, self._is_subject(m.span)))
        # The pronouns speakers were credited by ("he said" resolved to Brel): a later "she"
        # skips Brel even when nothing else in the article tells his gender.
        self.called: dict[str, set[str]] = defaultdict(set)
        self.genders = person_genders(annotation, self._person_of, quoted_spans(annotation.article.text),
                                      lambda m: bool(is_main_subject(annotation.doc, m.span)))

    def _person_of(self, mention: Any) -> str | None:
        eid = self.index.by_mention.get((self.article, mention.span[0], mention.span[1]))
        entity = self.index.get(eid)
        return eid if entity and entity.type == "PERSON" else None

    def _is_subject(self, span: tuple[int, int]) -> bool:
        doc = self.annotation.doc
        chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
        return bool(chunk is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in chunk))

    def sentence_of(self, char: int) -> int:
        lo = 0
        for i, s in enumerate(self._starts):
            if s <= char:
                lo = i
        return lo

    def resolve(self, char: int, word: str = "") -> tuple[str | None, float]:
        """The person a pronoun or role noun ``word`` at ``char`` stands for, and how sure
        that is; "she" never stands for someone the article calls Mr or "he"."""
        sentence = self.sentence_of(char)
        wanted = pronoun_gender(word)

        def fits(eid: str) -> bool:
            called = self.called.get(eid, set())
            return compatible(self.genders.get(eid) or (next(iter(called)) if len(called) == 1 else None), wanted)

        # "X said that he knew …": a pronoun opening X's own reported clause is X, so a quote
        # starting at the pronoun counts as before it.
        recent = [s for s in self.speakers if s[1] <= char and sentence - s[0] <= 2 and fits(s[2])]
        if recent:
            # A speaker in the sentence before is the strongest cue a reader has.
            return recent[-1][2], 0.9 if sentence - recent[-1][0] <= 1 else 0.7
        subjects = [p for p in self.persons if p[1] < char and p[3] and sentence - p[0] <= 3 and fits(p[2])]
        if subjects:
            return subjects[-1][2], 0.6
        named = [p for p in self.persons if p[1] < char and sentence - p[0] <= 3 and fits(p[2])]
        if named:
            return named[-1][2], 0.4
        return None, 0.0


def _np_span(token: Any) -> tuple[int, int]:
    """The noun phrase a subject token heads, without relative clauses or appositions."""
    skip = {"relcl", "acl", "appos", "punct", "advcl", "prep"}
    tokens = [token]
    stack = [c for c in token.children if c.dep_ not in skip]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "punct", "advcl"})
    if any(c.dep_ == "appos" for c in token.children) and token.ent_type_ == "":
        # "the state news agency KCNA": the apposed name is the speaker's name.
        tokens.extend(t for c in token.children if c.dep_ == "appos" for t in c.subtree)
    first = min(t.i for t in tokens)
    dashes = [t.i for t in token.doc[first : token.i] if t.text in _DASHES]
    if dashes:
        # "RENO, Nev. (AP) — Republican hopeful Donald Trump": a dateline is no part of the name.
        tokens = [t for t in tokens if t.i > dashes[-1]]
    breaks = [t.i for t in token.doc[first : token.i] if "\n" in t.text]
    if breaks:
        # "9:30 p.m.\n\nIlse Varga says" (live blogs): a name never runs over a paragraph break.
        tokens = [t for t in tokens if t.i > breaks[-1]]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


_DASHES = ("—", "–", "--")


def _after_dateline(subject: Any, verb: Any) -> Any:
    """The subject after a dateline the parser took for it: in "RENO, Nev. (AP) — Senator
    Ilse Varga says", the head noun between the last dash and the verb, else ``subject``."""
    if subject is None or subject.i >= verb.i:
        return subject
    doc = subject.doc
    # a paragraph break after the subject ends a live blog's time stamp ("2:40 p.m.\n\nThe
    # mayor says") as a dash ends a dateline
    dashes = [t.i for t in doc[subject.i + 1 : verb.i] if t.text in _DASHES or "\n" in t.text and t.text.isspace()]
    if not dashes:
        return subject
    first, stop = dashes[-1] + 1, verb.i
    heads = [t for t in doc[first:stop] if not first <= t.head.i < stop and t.pos_ in ("PROPN", "NOUN")]
    return heads[-1] if heads else subject


def _subject(verb: Any) -> Any:
    """The grammatical subject of a verb, climbing from participles to the clause they hang on."""
    seen = 0
    first = verb
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # Two subjects are a parse slip ("9:30 p.m.\n\nDonald Trump says"): the one
            # nearest the verb is the speaker.
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        slip = _misparsed_subject(verb)
        if slip is not None:
            return slip
        for child in verb.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and _is_speech(verb) and _is_speech(verb.head.head):
            # "He said the attacks worked and said that …": the parser joins the second
            # speech verb to the reported clause; it shares the first one's subject.
            verb = verb.head.head
            seen += 1
            continue
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_PREPS \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            # "began by saying …", "after talking about the budget, Varga left": the one who
            # does the main act does the act of the gerund
            verb = verb.head.head
            seen += 1
            continue
        # "issued a statement saying …": only speech hands a document's words to its issuer
        # ("a video showing the crowd" shows, it does not speak)
        holder = _issuer(verb) if _is_speech(first) else None
        if holder is not None:
            verb = holder
            seen += 1
            continue
        if verb.dep_ == "acomp" and verb.head is not verb:
            # "voters are more likely to say …", "was quick to deny …": the adjective's subject
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _issuer(noun: Any) -> Any:
    """The verb by which someone issues a document noun that a participle of speech hangs
    on ("issued a statement saying …", "responded with a note saying …"): the one who issues
    it says what it says; None for other nouns ("a man saying …" is someone else)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head if noun.dep_ in ("dobj", "obj") else None
    return verb if verb is not None and verb.pos_ == "VERB" and verb.i != noun.i else None


def _misparsed_subject(verb: Any) -> Any:
    """A speaker the parser hung on a speech verb as a modifier: a name read as a compound
    ("“…,” Varga answers.") or a share read as a number ("About 4 in 10 say they …"), a
    name after a quote, or an apposition of an opening phrase, when the verb has no subject."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in INDIRECT_VERBS:
        return None
    before = [c for c in verb.children if c.i < verb.i and c.dep_ not in ("punct", "advmod", "aux", "neg", "prep", "mark", "cc")]
    if not before:
        return _apposed_subject(verb)
    slip = before[-1]
    if slip.i == verb.i - 1 and (slip.dep_ == "compound" and slip.pos_ == "PROPN" or slip.dep_ == "nummod" and slip.pos_ == "NUM"):
        return slip
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) >= 2 and slip.i == clauses[0].i and clauses[-1].i > verb.i and slip.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(t.text in OPENERS or t.text in ("‘", "’", "''", "``") for t in verb.doc[slip.left_edge.i : verb.i]):
        # "Kasich offered the man a job, then says he will …": the parser makes the first
        # act a clause of the speech verb; its subject is the speaker of the second.
        subject = next((c for c in slip.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in PRONOUNS):
            return subject
    return _named_after_quote(verb) or _apposed_subject(verb) or _subject_after_break(verb)


def _subject_after_break(verb: Any) -> Any:
    """The noun that opens a speech verb's paragraph when the parser ran the paragraph before
    into its sentence and hung the noun there ("… works.”⏎⏎Sen. Ilse Varga, facing a
    challenge, said she would …", the name read as an object of "works")."""
    doc = verb.doc
    breaks = [t.i for t in doc[verb.sent.start : verb.i] if "\n" in t.text]
    if not breaks:
        return None
    first = breaks[-1] + 1
    opening = [t for t in doc[first : verb.i] if not first <= t.head.i < verb.i and not t.is_punct and not t.is_space]
    if not opening or opening[0].pos_ not in ("PROPN", "NOUN") or opening[0].head.i == verb.i:
        return None
    return opening[0]


def _apposed_subject(verb: Any) -> Any:
    """The subject the parser read as an apposition of an opening phrase ("In a statement to
    the gazette, her adviser, Ana Ruiz, said"): the noun set off by commas right before the
    verb, hung on the object of a preposition of the verb."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for pobj in prep.subtree:
            appos = [a for a in pobj.children if a.dep_ == "appos" and a.i > pobj.i]
            if appos and re.fullmatch(r"\s*,\s*", verb.doc[appos[-1].right_edge.i + 1 : verb.i].text_with_ws or " "):
                return appos[0]
    return None


def _sentence_subject(verb: Any, start: int) -> Any:
    """The subject of the sentence a participle of speech is set off from, when both come
    before the quote at ``start`` ("Varga paused, telling the crowd, “…”"); else None."""
    root = verb.sent.root
    if verb.tag_ != "VBG" or root.i >= verb.i or root.idx >= start:
        return None
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)


def _named_after_quote(verb: Any) -> Any:
    """The speaker named right after a quote closed by a comma when the parser gave its
    speech verb no subject ("“…,” harbour master Tomas Brennick, in a yellow coat, said"):
    the last word of the noun phrase that opens the attribution."""
    doc = verb.doc
    marks = [t for t in doc[verb.sent.start : verb.i] if t.text in ("”", '"', "''", "’") and t.i > 0
             and doc[t.i - 1].text in (",", "?", "!")]
    if not marks or "\n" in doc[marks[-1].i : verb.i].text:
        return None
    run: list[Any] = []
    for t in doc[marks[-1].i + 1 : verb.i]:
        if t.pos_ in ("PROPN", "NOUN") or t.dep_ == "compound" or not run and t.pos_ in ("DET", "ADJ"):
            run.append(t)
            continue
        break
    while run and run[-1].pos_ not in ("PROPN", "NOUN"):
        run.pop()
    if not run:
        return None
    after = doc[run[-1].i + 1]
    return run[-1] if after.i == verb.i or after.text == "," else None


def _voiced_object(verb: Any) -> Any:
    """The object that holds what a stance or topic verb voices: the direct object of
    "endorsed the bill" or "discussed the budget", the object of "about" in "spoke about
    the budget"; None for other verbs."""
    lemma = verb.lemma_.lower()
    if lemma in STANCE_VERBS or lemma in TOPIC_VERBS:
        return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
    if lemma == "make":
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
        if obj is None or obj.lemma_.lower() not in SPEECH_NOUNS:
            return None
        clause = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            return clause
        for holder in (obj, verb):
            prep = next((c for c in holder.children if c.dep_ == "prep" and c.i > obj.i
                         and c.lower_ in ("of", "for", "against", "on", "about")), None)
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if pobj is not None:
                return pobj
        return next((c for c in list(obj.children) + list(verb.children) if c.dep_ in ("acl", "xcomp") and c.i > obj.i), None)
    if lemma in PREP_OBJECT_VERBS:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in PREP_OBJECT_VERBS[lemma]
                     and c.i > verb.i), None)
        return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return None


def _view_content(noun: Any) -> Any:
    """What a noun of voicing a view says was voiced: the object of its preposition ("her
    criticism of the council"), or for a noun of saying its "that" clause ("his claim that
    the pier is safe")."""
    lemma = noun.lemma_.lower()
    if lemma in CLAUSE_VIEW_NOUNS:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        # "stressed in his remarks that …": the clause is the verb's, the noun where it was said
        channel = noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and _is_speech(noun.head.head)
        if clause is not None and not channel:
            return clause
    preps = VIEW_NOUNS.get(lemma)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps and c.i > noun.i), None) if preps else None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def _complement(verb: Any) -> Any:
    """The clause a speech verb reports: its clausal complement, the one after it when
    there are two (the parser joins a quoted paragraph or an earlier clause to the verb as
    a second complement: "“…”\n\nBrennick, who …, said he may run"), or a "that" clause the parser hung on the noun of a
    prepositional phrase ("said in a statement that the pier is safe", read as a
    relative clause of "statement")."""
    # "Varga said, as the crowd left the hall, …": a clause opened by a conjunction of time
    # or cause tells when or why it was said, whatever the parser hung it as
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _circumstance(c)]
    after = [c for c in clauses if c.i > verb.i]
    if after or clauses:
        return (after or clauses)[0]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for noun in prep.children:
            for rel in noun.children:
                # a complementiser "that" (not a relative pronoun: it takes no role in the
                # clause) and a subject of its own make a reported clause, not a relative one
                if rel.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in rel.children) \
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in rel.children):
                    return rel
    return None


def _circumstance(clause: Any) -> bool:
    """Whether a clause opens with a conjunction of time or cause ("as the crowd left"), not
    with "that" ("that prices rose since the war" is still reported)."""
    marks = sorted((m for m in clause.children if m.dep_ == "mark"), key=lambda m: m.i)
    return bool(marks) and marks[0].lower_ in CIRCUMSTANCE_MARKS


def _reports_again(second: Any, first: Any) -> bool:
    """Whether a speech verb joined to a reported clause is the speaker reporting again
    ("said A and said that B"), not an act inside what was reported ("said he would meet
    the mayor and tell her to resign", "said he never asked the board for money"): it is in
    the first verb's tense and reports something of its own."""
    return _finite_tag(second) == _finite_tag(first) and (
        second.lemma_ == first.lemma_ or any(c.dep_ in ("ccomp", "oprd") for c in second.children))


def _finite_tag(verb: Any) -> str:
    """The tense a verb is written in: its own tag, or its auxiliary's ("did not suggest")."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP")), None)
    return aux.tag_ if aux is not None else verb.tag_


def _according_to(sent: Any) -> Any:
    for token in sent:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def _one_in_focus(noun: Any) -> bool:
    """Whether a role noun can stand for the one person the story is about: "the leader",
    not "the two leaders", "officials" or "a senior official"."""
    if "Plur" in noun.morph.get("Number") or noun.tag_ in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in noun.children)


def _names_no_one(head: Any, span: tuple[int, int]) -> bool:
    """Whether a speaker phrase headed by ``head`` is common nouns only: no proper noun and
    no named entity in it ("officials", "Climate researchers", "a new council report")."""
    if head.pos_ not in ("NOUN", "PRON"):
        return False
    tokens = [t for t in head.doc if span[0] <= t.idx < span[1]]
    return not any(t.pos_ == "PROPN" or t.ent_type_ in NAMING_LABELS for t in tokens)


def _according_span(pobj: Any) -> tuple[int, int]:
    """Characters of "according to" given the object of its "to"."""
    according = pobj.head.head
    return according.idx, pobj.head.idx + len(pobj.head.text)


def _is_speech(token: Any) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    # "went on to promote the show" goes on doing, it does not go on speaking
    return lemma in SPEECH_VERBS or lemma in PHRASAL_SPEECH and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == PHRASAL_SPEECH[lemma] and c.i == token.i + 1 for c in token.children) \
        and not any(c.dep_ in ("xcomp", "advcl") and c.i > token.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in token.children)


class QuoteFinder:
    """Finds the direct and indirect quotes of one article."""

    def __init__(self, annotation: Annotation, index: EntityIndex) -> None:
        self.annotation = annotation
        self.index = index
        self.doc = annotation.doc
        self.text = annotation.article.text
        self.context = _Context(annotation, index)
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}  # mixed quote -> its clause
        self._quoted = quoted_spans(self.text)
        self._short_answers: set[tuple[int, int]] = set()  # short yet whole: "said so", "said they were angry", "That’s"
        self._view_owners: dict[tuple[int, int], int | None] = {}  # "his criticism of X": X -> "his"
        self._anchors: dict[int, Attribution] = {}  # a continuation (by id) -> the passage it continues
        self._inserted: dict[tuple[int, int], tuple[int, int]] = {}  # "A, she said, B": A..B -> ", she said,"

    def _entity_for(self, span: tuple[int, int], text: str, head: Any = None) -> str | None:
        """The entity a speaker phrase names: a mention that covers the phrase's head word
        ("North Korea's state news agency KCNA" is KCNA, not North Korea)."""
        best = None
        for (article, start, end), eid in self.index.by_mention.items():
            if article != self.annotation.article.id or not (start >= span[0] and end <= span[1]):
                continue
            if head is not None and not (start <= head.idx < end) and not any(
                start <= c.idx < end for c in head.children if c.dep_ == "appos"
            ):
                continue
            if True:
                entity = self.index.get(eid)
                rank = {"PERSON": 0, "ORG": 1}.get(entity.type if entity else "", 2)
                if best is None or (rank, -start) < best[0]:
                    best = ((rank, -start), eid)
        if best:
            return best[1]
        return self.index.lookup(text) if head is None or head.pos_ == "PROPN" else None

    def _speaker(self, subject: Any, content: tuple[int, int] | None = None) -> Speaker:
        """Who a subject token (or the object of "according to") credits; ``content`` is
        the quoted span, which an unnamed speaker's description must not run into."""
        if subject is None:
            return Speaker(None, None, None, 0.0)
        span = _np_span(subject)
        words = self.text[span[0] : span[1]]
        if subject.lower_ in PRONOUNS:
            eid, confidence = self.context.resolve(subject.idx, subject.lower_)
            return Speaker(eid, subject.text, (subject.idx, subject.idx + len(subject.text)), confidence, unnamed=eid is None)
        if subject.lower_ in NON_PERSON_PRONOUNS:
            return Speaker(None, subject.text, (subject.idx, subject.idx + len(subject.text)), 0.0)
        eid = self._entity_for(span, words, subject)
        if eid is None and subject.lemma_.lower() in ROLE_NOUNS and subject.pos_ == "NOUN" and _one_in_focus(subject):
            # "the North Korean leader said": a role noun stands for the person in focus.
            eid, confidence = self.context.resolve(subject.idx, subject.lemma_)
            return Speaker(eid, words, span, confidence, unnamed=eid is None)
        if eid is None and _names_no_one(subject, span):
            span = self._description(subject, span, content)
            return Speaker(None, self.text[span[0] : span[1]], span, 0.5, unnamed=True)
        return Speaker(eid, words, span, 1.0 if eid else 0.5)

    def _description(self, head: Any, span: tuple[int, int], content: tuple[int, int] | None) -> tuple[int, int]:
        """An unnamed speaker's words with the modifiers that say who they are
        ("engineers from both city halls", "figures released by both city halls")."""
        extra = [t for c in head.children if c.dep_ in ("prep", "acl") and c.i > head.i for t in c.subtree]
        if not extra:
            return span
        end = max(span[1], max(t.idx + len(t.text) for t in extra))
        wider = self.text[span[0] : end]
        if _words(wider) > MAX_DESCRIPTION_WORDS or "\n" in wider or any(m in wider for m in OPENERS) \
                or (content is not None and span[0] < content[1] and content[0] < end):
            return span
        return span[0], end

    def _channel(self, verb: Any, sent: Any, speaker_span: tuple[int, int] | None) -> str | None:
        if verb.lemma_.lower() == "quote":
            subject = _subject(verb)
            return self._channel_name(subject) if subject is not None else None
        according = _according_to(sent)
        if according is not None and not (speaker_span is not None and speaker_span[0] <= according.idx < speaker_span[1]):
            # ("according to Varga, who stressed …": the speaker is no channel of her own words)
            return self._channel_name(according)
        head = verb.head
        hops = 0
        while head is not None and head is not verb and hops < 3:
            if _is_speech(head):
                subject = _subject(head)
                if subject is not None and (speaker_span is None or not (speaker_span[0] <= subject.idx < speaker_span[1])):
                    return self._channel_name(subject)
            if head.head is head:
                break
            head, hops = head.head, hops + 1
        return None

    def _channel_name(self, token: Any) -> str:
        span = _np_span(token)
        for (article, start, end), eid in self.index.by_mention.items():
            if article == self.annotation.article.id and start >= span[0] and end <= span[1]:
                entity = self.index.get(eid)
                if entity and entity.type == "ORG":
                    return self.text[start:end]
        return self.text[span[0] : span[1]]

    def _quote_verb(self, sent: Any, start: int, end: int) -> Any:
        """The speech verb of a sentence that governs the quoted span."""
        inside = [t for t in sent if start <= t.idx < end]
        # The parser's sentence can run over a paragraph break ("“…”\n\nSanders, who …, said
        # he …"): a verb in another paragraph does not introduce the quote.
        # "will continue to be “a champion”" goes on being, it does not go on speaking
        candidates = [t for t in sent if _is_speech(t) and not (start <= t.idx < end)
                      and "\n" not in self.text[min(t.idx, end) : max(t.idx, start)]
                      and not (t.lemma_.lower() == "continue" and any(c.dep_ in ("xcomp", "dobj") and c.i > t.i for c in t.children))]
        if not candidates:
            return None
        governed = []
        for verb in candidates:
            subtree = {t.i for t in verb.subtree}
            share = sum(t.i in subtree for t in inside) / max(1, len(inside))
            if share >= 0.5:
                governed.append((len(subtree), verb))
        if governed:
            return min(governed, key=lambda g: (g[0], g[1].i))[1]
        for verb in candidates:
            # "The pier, Varga said, is “safe for now”": an attribution inserted in the clause
            # that holds the quote introduces it, though the parser hangs it aside.
            around = self._inserted_clause(verb) if verb.dep_ == "parataxis" else None
            if around is not None and around[0] <= start and end <= around[1] + 1:
                return verb
        for verb in candidates:
            # "Asked what he wants, Varga said, “A pier.”": a verb that opens the quote with
            # only a comma or colon between introduces it, however the parser joined the two.
            if verb.idx < start and re.fullmatch(r"[\s,:]*(?:[“\"‘]|''|``)", self.text[self._after_listener(verb, start) : start]) \
                    and _subject(verb) is not None and _subject(verb).i < verb.i:
                return verb
        if re.match(r"[,?!](?:[”\"’]|'')", self.text[end : end + 3]) or (
                self.text[end - 1 : end] in ("?", "!") and self.text[end : end + 1] in ("”", '"', "’", "'")):
            # "“…,” Varga, 61, told the gazette": a quote closed by a comma hands over to
            # the attribution right after it, however the parser joined the two.
            for verb in sorted(candidates, key=lambda v: v.i):
                subject = _subject(verb)
                if verb.idx > end and subject is not None and end <= subject.idx and subject.i <= verb.i + 2 \
                        and len(self.text[end : verb.idx]) <= 60 and not re.search(r"[.;:\n]\s", self.text[end : verb.idx]):
                    return verb
                if verb.idx > end and subject is not None and end <= subject.idx < verb.idx \
                        and self._only_speaker_between(end, subject, verb):
                    # "“…,” Ilse Varga, the mayor since 2019 and a critic of the plan, said": a
                    # long apposition still only describes the speaker the quote hands over to
                    return verb
        # A quote that is the whole clause ("“…,” he said.") is often parsed as a sibling.
        outside = [t for t in sent if not (start - 1 <= t.idx <= end)]
        if len([t for t in outside if not t.is_punct]) <= 6 or sent.root in candidates:
            return min(candidates, key=lambda v: min(abs(v.idx - start), abs(v.idx - end)))
        return None

    def _after_listener(self, verb: Any, start: int) -> int:
        """Where the words of a verb of telling end before a quote at ``start``: after the
        one spoken to ("telling reporters, “…”", "told the crowd: “…”"), else after the verb."""
        after = verb.idx + len(verb.text)
        if verb.lemma_.lower() not in LISTENER_VERBS:
            return after
        for c in verb.children:
            last = c.right_edge
            if c.i > verb.i and c.dep_ in ("dobj", "dative", "obj") and last.idx + len(last.text) <= start:
                after = max(after, last.idx + len(last.text))
        return after

    def _title_of_channel(self, verb: Any, start: int, end: int) -> bool:
        """Whether a quoted name is where or to whom something was said, not what: a show or
        a paper in a phrase of the verb ("said on “Harbour Morning Live”", "told CNN’s “New
        Day”"), a name with no finite verb of its own."""
        if verb.lower_ == "according":
            return False
        inside = [t for t in verb.doc if start <= t.idx < end]
        if not inside or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in inside):
            return False
        lemma = verb.lemma_.lower()
        for c in verb.children:
            where = c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS and c.lower_ not in PREP_OBJECT_VERBS.get(lemma, ())
            # "told CNN’s “New Day” that …" names the one spoken to; "tell him “no more”" says it
            listener = c.dep_ in ("dobj", "dative") and lemma in ("tell", "ask", "inform") \
                and re.search(r"[’']s?\s*[“\"‘]$", self.text[max(0, start - 5) : start]) is not None
            if c.i > verb.i and (where or listener):
                if all(c.left_edge.i <= t.i <= c.right_edge.i for t in inside):
                    return True
        return False

    def _only_speaker_between(self, end: int, subject: Any, verb: Any) -> bool:
        """Whether the words between a quote's end and its speech verb are the subject and what
        describes it (appositions and their commas), with nothing else and no paragraph break."""
        if "\n" in self.text[end : verb.idx] or len(self.text[end : verb.idx]) > MAX_ATTRIBUTING_GAP:
            return False
        described = {t.i for t in subject.subtree}
        between = [t for t in self.doc[subject.left_edge.i : verb.i] if not t.is_punct and not t.is_space]
        lead = self.text[end : subject.left_edge.idx]
        return bool(between) and all(t.i in described or t.dep_ == "advmod" and t.head.i == verb.i for t in between) \
            and re.fullmatch(r"[\s,?!”\"’']*", lead) is not None

    def _cue_across(self, start: int, end: int) -> Any:
        """A speech verb the parser put in a sentence of its own beside the quote: a
        quote ending in "!" or "?" is split from its "he wrote." after it, and "she
        declared:" introduces a quote set in the next paragraph."""
        after = end
        while after < len(self.text) and self.text[after] in "”\"’',.!? ":
            after += 1
        tail = self.doc.char_span(after, min(len(self.text), after + 1), alignment_mode="expand")
        if tail is not None and len(tail) and after > end and "\n" not in self.text[end:after]:
            sent = tail[0].sent
            root = sent.root
            # only the bare attribution ("he wrote.", "tweeted Trump on Sunday"), nothing it
            # reports; the object of "told" or "asked" is the one spoken to
            if sent.start == tail[0].i and _is_speech(root) and root.i - sent.start <= 4 \
                    and _subject(root) is not None and not any(
                        c.dep_ == "ccomp" or c.dep_ == "dobj" and root.lemma_.lower() not in ("tell", "ask") for c in root.children):
                return root
        before = start - (2 if self.text[max(0, start - 2) : start] in ("''", "``") else 1)
        while before > 0 and self.text[before - 1] in " \n\t":
            before -= 1
        if before > 0 and self.text[before - 1] == ":":
            colon = self.doc.char_span(before - 1, before, alignment_mode="expand")
            verb = colon[0].head if colon is not None and len(colon) else None
            if verb is not None and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj") and verb.head.i < verb.i:
                verb = verb.head  # "released the following statement:"
            if verb is not None and _is_speech(verb) and verb.i < colon[0].i and _subject(verb) is not None:
                return verb
            # "The mayor released the following statement:", "She addressed the crowd again:":
            # any act of someone who can speak that a colon hands over to a quote introduces it.
            if verb is not None and verb.pos_ == "VERB" and verb.i < colon[0].i and _subject(verb) is not None \
                    and self._can_speak(_subject(verb)) and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
                return verb
        return None

    def find(self) -> list[Attribution]:
        """Direct quotes first (they claim their spans), then indirect speech; speakers are
        resolved in text order so that "he said" sees every speaker before it."""
        candidates: list[tuple[int, int, Any, str]] = []
        uncued: list[tuple[int, int]] = []
        named: list[tuple[int, int]] = []  # quotes handed over by a colon after a name
        for start, end in quoted_spans(self.text):
            words = _words(self.text[start:end])
            if words < MIN_QUOTE_WORDS:
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
            if verb is None:
                if words >= MIN_UNCUED_QUOTE_WORDS and _according_to(chunk[0].sent) is not None:
                    verb = _according_to(chunk[0].sent).head.head  # the "according" token
                elif words >= MIN_UNCUED_QUOTE_WORDS and self._named_before_colon(start) is not None:
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
        candidates = self._mixed(candidates)
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._indirect(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._parentheticals(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._labels(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._stances(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._requests(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._findings(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._answers(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._views(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._according_clauses(covered))
        covered = [self._clauses.get((s, e), (s, e)) for s, e, _, _ in candidates]
        candidates.extend(self._source_openings(covered))
        candidates.sort(key=lambda c: (c[0], c[1]))
        found: list[Attribution] = []
        for start, end, verb, kind in candidates:
            attribution = self._attribute(start, end, verb, kind)
            if attribution is not None:
                found.append(attribution)
        found = _passages_of_one_cue(found)
        for start, end in named:
            eid, span = self._named_before_colon(start)
            colon = self.text.rindex(":", 0, start)
            quote = Quote(id="", article=self.annotation.article.id, speaker=eid, speaker_text=self.text[span[0]:span[1]],
                          speaker_span=span, cue=":", channel=None, text=self.text[start:end], span=(start, end), kind="direct")
            found.append(Attribution(quote, 0.8, (colon, colon + 1)))
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
        return [self._as_marked(a) for a in self._after_anchors(_without_relays(self._before_relative_statements(found)))]

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
            if token.dep_ != "relcl" or first.lower_ not in ASIDE_RELATIVES or first.i == 0 \
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
        subtree = {t.i for t in head.subtree}

        def joins(token: Any) -> bool:
            return token.i in subtree and not _within(token, content) and not _within(token, cue) \
                and "\n" not in token.text and token.text not in _DASHES
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

    def _phrase_start(self, char: int) -> int:
        """Where the phrase holding the noun at ``char`` starts: "a quarter of [residents]
        who …" starts at "a quarter", and "against a quarter of residents" at "against"."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return char
        token = span[0]
        while token.dep_ == "pobj" and token.head.dep_ == "prep":
            if token.head.head.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
                return token.head.idx
            token = token.head.head
        return token.left_edge.idx

    def _spoken(self, attribution: Attribution) -> bool:
        """Whether an attribution's cue is a verb of speech ("said", "told"), not of belief."""
        cue = self.doc.char_span(*attribution.cue_span, alignment_mode="expand") if attribution.cue_span else None
        return cue is not None and len(cue) == 1 and _is_speech(cue[0])

    def _cut_before(self, attribution: Attribution, stop: int) -> Attribution:
        """The attribution with its reported clause ended before ``stop`` (and the
        conjunction or punctuation there), unless too little of it would be left."""
        start = attribution.quote.span[0]
        end = self._clause_end(stop, start)
        trail = re.search(r"[\s,;—–-]+(and|but|or|while|whereas)?$", self.text[start:end])
        end = self._clause_end(start + trail.start(), start) if trail else end
        if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS - 1:
            return attribution
        quote = replace(attribution.quote, span=(start, end), text=self.text[start:end])
        return replace(attribution, quote=quote)

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

    def _mixed(self, candidates: list[tuple[int, int, Any, str]]) -> list[tuple[int, int, Any, str]]:
        """Mixed quotes: a quoted fragment inside reported speech ("Morris says the campaign
        will “compete vigorously”", "said “the pier is safe” despite the cracks", "called the
        plan “a gamble”"). The quote keeps the verbatim words as its span (wording drift is
        about them); the clause the speech verb governs (or the object and its label) is
        its content span."""
        out = []
        for start, end, verb, kind in candidates:
            if self.text[:start].rstrip(" \t\n“\"‘'`").endswith(":"):
                # "released the following statement: “…”": a colon hands over to the quote alone
                out.append((start, end, verb, kind))
                continue
            if verb.lower_ == "according":
                c_start, c_end = self._according_side(verb)
                c_start = max(c_start, self.text.rfind("\n", 0, start) + 1)
                if c_start <= start and end <= c_end + 1 and "\n" not in self.text[end:c_end] \
                        and _words(self.text[c_start:c_end]) - _words(self.text[start:end]) >= 2:
                    # "The pier is “safe for now,” according to Varga": the source says the sentence
                    self._clauses[(start, end)] = (c_start, _past_closing_mark(self.text, max(c_end, end)))
                    out.append((start, end, verb, "mixed"))
                    continue
            around = self._inserted_clause(verb) if verb.dep_ == "parataxis" else None
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if around is not None and around[0] <= start and end <= around[1] + 1 and not _words(self.text[around[3] : start]) \
                    and start >= around[3] and (subject is None or start <= subject.idx < end):
                # "Asked about the pier, Varga said, “It is safe.”": a quote the attribution hands
                # over to is the utterance alone when it holds its clause's subject ("The pier, she
                # said, “is safe”" does not)
                out.append((start, end, verb, kind))
                continue
            if around is not None and around[0] <= start and end <= around[1] + 1 and \
                    _words(self.text[around[0] : around[1]]) - _words(self.text[around[2] : around[3]]) - _words(self.text[start:end]) >= 2:
                # "The pier, Varga said, is “safe for now”": what was said is the clause the
                # attribution was inserted in, the quoted words with it
                self._clauses[(start, end)] = (around[0], _past_closing_mark(self.text, max(around[1], end)))
                out.append((start, end, verb, "mixed"))
                continue
            reported = self._reported(verb)
            if reported is not None:
                (c_start, c_end), min_extra = reported
                # what was said stays in the quote's paragraph, however far the parser's
                # sentence runs ("… she added.\n\n''I don't know,'' she said.")
                c_start = max(c_start, self.text.rfind("\n", 0, start) + 1)
                if "\n" in self.text[end:c_end]:
                    c_end = self._clause_end(self.text.index("\n", end), start)
                quoted_words = _words(self.text[start:end])
                if c_start <= start and end <= c_end + 1 and _words(self.text[c_start:c_end]) - quoted_words >= min_extra \
                        and not (c_start <= verb.idx < c_end) and not self._speaker_inside(verb, c_start, c_end):
                    stop = max(c_end, end)
                    stop = _past_closing_mark(self.text, stop)  # the fragment's closing mark belongs to the content
                    self._clauses[(start, end)] = (c_start, stop)
                    out.append((start, end, verb, "mixed"))
                    continue
            lead = self._lead_in(verb, start, end)
            if lead is not None:
                self._clauses[(start, end)] = lead
                out.append((start, end, verb, "mixed"))
                continue
            out.append((start, end, verb, kind))
        return out

    def _speaker_inside(self, verb: Any, start: int, end: int) -> bool:
        """Whether the speaker of a verb is written inside characters of the text: a clause
        the parser ran on past the quote into its attribution is no reported clause."""
        subject = _subject(verb)
        return subject is not None and start <= subject.idx < end

    def _lead_in(self, verb: Any, start: int, end: int) -> tuple[int, int] | None:
        """A quote that closes a sentence after words of the speaker's own put in the
        writer's words ("Ryan says no matter what the council does, “the pier stays”",
        "vowed to fight the plan “every step of the way.”"): the parser seldom makes the
        quote part of one clause with them, but what was said runs from the verb to the
        quote's end."""
        if verb.lower_ == "according" or verb.idx > start or "\n" in self.text[verb.idx : start]:
            return None
        sent = verb.sent
        tail = self.text[end : sent.end_char]
        if not re.fullmatch(r"[\s”\"’».,!?']*", tail):
            return None  # the quote must close the sentence
        between = [t for t in sent if verb.i < t.i and t.idx < start - 1]
        if not between or any(t.text in OPENERS or t.text in ("‘", "’", "''", "``") for t in between):
            return None
        lemma = verb.lemma_.lower()
        # Adjuncts of the verb (when and where it was said) and the one spoken to are no part
        # of what was said.
        skipped = {t.i for c in verb.children if c.i > verb.i and (
            c.dep_ in ("prep", "npadvmod", "prt", "punct", "dative", "agent")
            or c.dep_ in ("dobj", "obj") and lemma in ("tell", "ask", "assure", "remind", "warn", "inform"))
            for t in c.subtree}
        rest = [t for t in between if t.i not in skipped and not t.is_punct and not t.is_space]
        if not rest or any(not any(a.i == verb.i for a in t.ancestors) for t in rest) or \
                any(_is_speech(t) and t.i != verb.i for t in rest):
            return None
        first = rest[0]
        if first.lower_ == "that" and first.dep_ == "mark":
            rest = rest[1:]
        if _words(" ".join(t.text for t in rest)) < 2:
            return None
        return rest[0].idx, _past_closing_mark(self.text, end)

    def _reported(self, verb: Any) -> tuple[tuple[int, int], int] | None:
        """What a cue verb reports around a quoted fragment, and how many words it must add
        to the fragment to make a mixed quote: the clause it governs ("said the plan would
        “fail”"), or the object and its label ("called the plan “a disaster”", one word
        more is enough: the object is what the label is about)."""
        if verb.lower_ == "according":
            return None
        label = self._label_span(verb)
        if label is not None:
            return label, 1
        clause = _complement(verb)
        if clause is None and verb.lemma_.lower() in COMMIT_VERBS:
            # "vowed to “take the fight” to every state": the act promised
            clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if clause is None:
            # "noted the shift from the old motto “Safe Waters”", "called for a move to a
            # “greener harbour”": the object around the fragment is what was voiced.
            clause = _voiced_object(verb) or next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
            if clause is None and verb.lemma_.lower() in DEMAND_VERBS:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                clause = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if clause is None:
            return None
        start, end = self._clause_span(clause)
        reason = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > clause.i), None)
        if reason is not None and verb.lemma_.lower() in STANCE_VERBS:
            # "accused Brennick of an “artful smear”": the charge is part of what was voiced
            end = max(end, self._clause_end(reason.right_edge.idx + len(reason.right_edge.text), start))
        return (start, end), 2

    def _label_span(self, verb: Any) -> tuple[int, int] | None:
        """Characters of the object and its label after a labelling verb in the active voice
        ("called [him a loser]", "labelled [the plan “reckless”]"); None for a name given
        ("a group called the Freedom Caucus": no subject) or a passive ("he was called")."""
        lemma = verb.lemma_.lower()
        if lemma not in LABEL_VERBS and lemma not in REGARD_VERBS and lemma != "refer" or verb.dep_ in ("acl", "relcl", "amod"):
            return None
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _subject(verb) is None:
            return None
        if lemma == "refer":
            # "referred to Varga as a bright leader": a label given through "to … as"
            to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i), None)
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and to is not None and c.i > to.i), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None or as_ is None:
                return None
            start, last = obj.left_edge.idx, as_.right_edge
            end = self._clause_end(last.idx + len(last.text), start)
            if end < len(self.text) and self.text[end] in "”\"’" and any(m in self.text[start:end] for m in "“\"‘"):
                end += 1
            return start, end
        if lemma in REGARD_VERBS:
            predicates = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
        else:
            predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
            # "called the plan “a reckless gamble”" is often parsed as an apposition
            predicates += [a for c in verb.children if c.dep_ in ("dobj", "obj") for a in c.children if a.dep_ == "appos"]
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "obj", "oprd", "nmod", "ccomp")]
        if not predicates or len(right) < 2 and not any(c.dep_ in ("dobj", "obj") for c in right):
            return None  # "called Trump" with no label, or a label with no object
        start = right[0].left_edge.idx
        last = predicates[-1].right_edge
        end = self._clause_end(last.idx + len(last.text), start)
        if end < len(self.text) and self.text[end] in "”\"’" and any(m in self.text[start:end] for m in "“\"‘"):
            end += 1  # "called the ties an “alliance”": the label's closing mark is part of it
        return start, end

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

    def _requests(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga urged the council to rebuild the pier": whom the subject asked, and to do
        what. (Questions, "asked whether …", are clauses and read as indirect speech.)"""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.pos_ != "VERB" or lemma not in REQUEST_VERBS and lemma not in COMMIT_VERBS \
                    and lemma not in DEMAND_VERBS or token.dep_ in ("amod", "acl", "relcl"):
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or _subject(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            act = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i), None)
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
            if lemma in COMMIT_VERBS:
                # "vowed to veto the bill": the act alone, no one asked
                obj = act if obj is None else None
            if obj is None or act is None or act.i < obj.i:
                continue
            start = obj.left_edge.idx
            end = self._clause_end(act.right_edge.idx + len(act.right_edge.text), start)
            if any(s < end and start < e for s, e in covered):
                continue
            if _words(self.text[start:end]) < 4:
                if not (lemma in COMMIT_VERBS and _is_speech(act)):
                    continue
                # "declined to comment", "refused to say": a refusal to speak is short but whole
                self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A new poll shows Brennick with a ten-point lead", "records showed the council
        ignoring the warnings": what a poll, record or document shows is its finding, a
        source's claim. A person who shows something ("showed his papers") makes no claim."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in FINDING_VERBS or token.dep_ in ("amod", "acl", "relcl"):
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass", "ccomp") for c in token.children):
                continue
            subject = _subject(token)
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if subject is None or obj is None or subject.pos_ != "NOUN" or self._can_speak(subject) \
                    or subject.ent_type_ == "PERSON":
                continue
            if token.lemma_.lower() in RESEARCH_ONLY_FINDING_VERBS and subject.lemma_.lower() not in RESEARCH_NOUNS:
                continue  # "the refugees found their way", "a graduate finds a job": no finding
            rest = [c for c in token.children if c.i >= obj.i and c.dep_ not in ("punct", "cc", "conj", "advcl")]
            start = obj.left_edge.idx
            last = max((c.right_edge for c in rest), key=lambda t: t.i)
            end = self._clause_end(last.idx + len(last.text), start)
            if _words(self.text[start:end]) < 4 or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _stances(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Most voters support a ban on imports", "Varga criticised the council for its
        delay", "spoke about the budget", "would vote for Brennick": the object (with what
        it is blamed or praised for) is the position, topic or choice voiced."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.dep_ in ("amod", "acl"):
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or _subject(token) is None:
                continue
            if token.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj") for c in token.head.children):
                continue  # "asked him to condemn violence": an act asked of someone else, not a stance
            obj = _voiced_object(token)
            if obj is None or not any(t.pos_ in ("NOUN", "PROPN", "VERB", "NUM") for t in obj.subtree):
                continue  # "agreed to support each other", "backed him": no position in the words
            # "voted for Brennick, a harbour pilot who …": a description set off after a name
            # is the writer's, not the choice voiced
            described = {t.i for a in obj.children if a.dep_ in ("appos", "relcl") and obj.pos_ == "PROPN"
                         and a.i > obj.i and self.doc[a.left_edge.i - 1].text in (",", "—", "–") for t in a.subtree}
            tokens = [t for t in obj.subtree if t.i not in described]
            while described and tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            if token.lemma_.lower() in SPEAKER_ONLY_TOPIC_VERBS and not self._can_speak(_subject(token)):
                continue
            reason = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > obj.i), None)
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
                if c.dep_ not in ("prep", "oprd", "advcl") or c.dep_ == "advcl" and not any(
                        m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and c.left_edge.lower_ != "as":
                    break
                if any(t.is_punct or t.is_space for t in self.doc[last.i + 1 : c.left_edge.i]) or c.lower_ in REASON_PREPS \
                        or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
                    break  # when it was voiced ("endorsed her in 2008") is no part of it
                tokens.extend(c.subtree)
                last = max(tokens, key=lambda t: t.i)
            purpose = next((c for c in token.children if c.dep_ == "xcomp" and c.i > obj.i), None)
            if purpose is not None and token.lemma_.lower() in TOPIC_VERBS:
                # "announced a series of steps to tighten gun sales": the parser hangs the
                # purpose on the verb, but it says what the steps are
                tokens.extend(purpose.subtree)
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            if "\n" in self.text[start:end] and start > token.idx:
                # the parser can run a headline into the next paragraph; a stance stays in its own
                end = self._clause_end(self.text.index("\n", start), start)
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _clause_span(self, clause: Any) -> tuple[int, int]:
        """Characters of a clause without its complementiser and closing punctuation."""
        tokens = list(clause.subtree)
        second = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and (
            _is_speech(c) and clause.head.i < clause.i and _is_speech(clause.head) and (
                any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) or _reports_again(c, clause.head)
                # "says he respects her and calls her “a fine mayor”": a second act of speech that
                # quotes words of its own is the speaker's, not part of the first report
                or _finite_tag(c) == _finite_tag(clause.head) and self._quotes_in(c))
            # the parser may tag the second verb wrongly ("and most voters said …" as a modifier)
            or any(t.tag_ in ("VBD", "VBZ", "VBP") and t.lemma_.lower() in INDIRECT_VERBS and t.lemma_.lower() in SPEECH_VERBS
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree))]
        # "said he saw no need to change, telling reporters that …": a participle of speech
        # after a comma is the speaker's next utterance, with its own content.
        second += [c for c in clause.children if c.i > clause.i and c.doc[c.left_edge.i - 1].text == ","
                   and c.dep_ == "advcl" and c.tag_ == "VBG" and _is_speech(c)]
        # "said the pier would reopen, while the council wants it closed": a contrast set off
        # after the clause is the writer's
        second += [c for c in clause.children if c.i > clause.i and c.dep_ == "advcl"
                   and c.doc[c.left_edge.i - 1].text in (",", "—", "–", "--") and _writers_addition(c)]
        if second:
            # "said A and said B", "said A, and most voters said B": a second speech verb
            # joined to the clause reports a clause of its own.
            first = min(second, key=lambda c: c.i)
            tokens = [t for t in tokens if t.i < first.left_edge.i]
            while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        lead = re.match(r"(that|whether)\s+", self.text[start:end], re.I)
        first = min(tokens, key=lambda t: t.i)
        if lead and first.dep_ not in ("nsubj", "nsubjpass"):  # "said that was a mistake": a subject, kept
            start += lead.end()
        end = self._clause_end(end, start)
        # "they were worried about the economy, and …": a conjunction the clause was cut at
        trail = re.search(r"[\s,;]+(and|but|or)$", self.text[start:end])
        return start, self._clause_end(start + trail.start(), start) if trail else end

    def _clause_end(self, end: int, start: int) -> int:
        """``end`` moved back over closing punctuation and spaces, not before ``start``."""
        while end > start and self.text[end - 1] in ".,;: \u2014":
            end -= 1
        return end

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
            if not all(self._remark_of_the_speaker(a.quote, previous.quote, start) for a in between):
                continue
            q = replace(previous.quote, text=self.text[start:end], span=(start, end))
            made = Attribution(q, previous.confidence * 0.9, None, continues=True)
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

    def _colon_attributions(self, covered: list[tuple[int, int]]) -> list[Attribution]:
        """"Kerry: the law sets the maximum …" — a line that opens with a person's or an
        organisation's name and a colon attributes the rest of the line to them (headlines)."""
        out = []
        for m in re.finditer(r"(?m)^([^\n:]{2,60}):[ \t]+([^\n]+)$", self.text):
            name_start, name_end = m.span(1)
            c_start, c_end = m.span(2)
            c_end = len(self.text[:c_end].rstrip(" .\"”"))
            c_start += len(m.group(2)) - len(m.group(2).lstrip("“\"‘ "))
            if _words(self.text[c_start:c_end]) < MIN_UNCUED_QUOTE_WORDS or any(s < c_end and c_start < e for s, e in covered):
                continue
            eid = None
            span = None
            for (article, start, end), entity in self.index.by_mention.items():
                if article != self.annotation.article.id or not (name_start <= start and end <= name_end):
                    continue
                known = self.index.get(entity)
                if known and known.type in ("PERSON", "ORG") and self.text[end:name_end].strip(" ’'s") == "":
                    eid, span = entity, (start, end)
            unnamed = False
            if eid is None:
                eid, span, unnamed = self._headline_source(name_start, name_end)
            if span is None:
                eid, span = self._transcript_speaker(name_start, name_end)
                if eid is not None and any(self.index.by_mention.get((self.annotation.article.id, s, e)) == eid
                                           for (a, s, e) in self.index.by_mention if c_start <= s < c_end):
                    # "Ana Ruiz: Pensions\nLast year Ruiz proposed …" is a heading over a story
                    # about her; a speaker's own turn does not name her in the third person
                    eid, span = None, None
            if span is None:
                continue
            if span is None:
                continue
            quote = Quote(id="", article=self.annotation.article.id, speaker=eid, speaker_text=self.text[span[0]:span[1]],
                          speaker_span=span, cue=":", channel=None, text=self.text[c_start:c_end], span=(c_start, c_end),
                          kind="direct")
            out.append(Attribution(quote, 0.8, (name_end, name_end + 1), unnamed=unnamed))
        return out

    def _named_before_colon(self, start: int) -> tuple[str, tuple[int, int]] | None:
        """The person a colon hands a quote to ("…, says pollster Ana Ruiz: “…”", "doesn’t
        surprise pollster Ana Ruiz: “…”"): the name that ends the text before the colon."""
        before = self.text[:start].rstrip(" \t\xa0“\"‘'`")  # a no-break space too ("McDonald:\xa0“…”")
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        name_end = len(self.text[:colon].rstrip())
        for (article, m_start, m_end), eid in self.index.by_mention.items():
            if article != self.annotation.article.id or m_end != name_end:
                continue
            entity = self.index.get(eid)
            if entity is not None and entity.type == "PERSON" and "\n" not in self.text[m_start:start]:
                return eid, (m_start, m_end)
        return None

    def _person_by_surname(self, name: str) -> str | None:
        """The one person of the story whose surname ``name`` is ("Varga" when the story
        names only "Ilse Varga", "VARGA" in a transcript); None when two share it. Headlines
        and transcripts name people by surname where the parser finds no name."""
        words = re.findall(r"[^\W\d_]+", name)
        if len(words) != 1:
            return None
        surname = words[0].lower()
        found = {e.id for e in self.index.entities if e.type == "PERSON"
                 and any([w.lower() for w in re.findall(r"[^\W\d_]+", n)][-1:] == [surname]
                         for n in (e.name, *e.aliases))}
        return found.pop() if len(found) == 1 else None

    def _transcript_speaker(self, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
        """The speaker a transcript line opens with ("TAPPER: Do you think …", "Lopez: Well,
        …"): a short capitalised name on a paragraph of its own that is someone the story
        names. Other labels ("Update: …", "Editor's note: …") name no one the story knows."""
        if start > 0 and self.text[start - 1] != "\n":
            return None, None
        name = self.text[start:end].strip()
        words = name.split()
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return None, None
        eid = self.index.lookup(name, ("PERSON",)) if len(words) > 1 else None
        eid = eid or self._person_by_surname(words[-1])
        if eid is None:
            return None, None
        return eid, (start, start + len(name))

    def _headline_source(self, start: int, end: int) -> tuple[str | None, tuple[int, int] | None, bool]:
        """The source before the colon of a headline when the parser tagged no name there
        (title case misleads it): a name the article's entities know ("Lynch: …" when the
        story names Loretta Lynch), or a source noun ("Poll: …"). Other headings ("The
        Latest: …", "Delegate Update: …") attribute nothing."""
        if self.text[:start].strip():
            return None, None, False  # only the title line: body lines with colons are lists and labels
        name = self.text[start:end].strip()
        words = name.split()
        if not 1 <= len(words) <= MAX_HEADLINE_SOURCE_WORDS:
            return None, None, False
        eid = self.index.lookup(name, ("PERSON", "ORG")) or self._person_by_surname(name)
        if eid is not None:
            return eid, (start, end), False
        if words[-1].lower() in HEADLINE_SOURCE_NOUNS:
            return None, (start, end), True
        return None, None, False

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
            if what is None:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                # the noun's verb, for the speaker's subject and a cue, is the noun itself
                if owner.lower_ in ("its", "their", "our", "my", "your") or not (
                        owner.lower_ in ("his", "her") or self._can_speak(owner)):
                    continue
                cue = noun
                holder = noun.head.head if noun.head.dep_ == "prep" else noun.head
                subject = _subject(holder) if holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in VOICING_VERBS else None
                if owner.lower_ in ("his", "her") and subject is not None and subject.i < owner.i and self._can_speak(subject):
                    # "Trump is doubling down on his support for …": the one who voices it again
                    # is the subject that "his" points back to.
                    owner = subject
            elif noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in VOICING_VERBS and noun.head.pos_ == "VERB" \
                    and _subject(noun.head) is not None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.head.children):
                cue = noun.head
            else:
                continue
            if what.dep_ in ("acl", "ccomp"):
                start, end = self._clause_span(what)
            else:
                start = what.left_edge.idx
                end = self._clause_end(what.right_edge.idx + len(what.right_edge.text), start)
            if "\n" in self.text[start:end] or any(s < end and start < e for s, e in covered):
                continue
            self._view_owners[(start, end)] = owner.i if owner is not None else None
            out.append((start, end, cue, "indirect"))
        return out

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

    def _according_clauses(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"According to Politico, the GOP leaners seem enamored with Trump": the rest of the
        sentence is what the source says."""
        out = []
        for sent in self.doc.sents:
            pobj = _according_to(sent)
            if pobj is None:
                continue
            according = pobj.head.head
            start, end = self._according_side(according)
            s_start, p_start = sent.start_char, according.left_edge.idx
            pointer = re.fullmatch(r"\s*(that|this|these|those)(?:’s|'s|\s+(?:is|was|are|were))\s*", self.text[s_start:p_start], re.I)
            if pointer is not None:
                # "That’s according to a new poll": the pronoun stands for what the sentence
                # before said, and the source says it.
                start, end = s_start + pointer.start(1), s_start + pointer.end(1)
                self._short_answers.add((start, end))
                if any(s < end and start < e for s, e in covered):
                    continue
                out.append((start, end, according, "indirect"))
                continue
            if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, according, "indirect"))
        return out

    def _according_side(self, according: Any) -> tuple[int, int]:
        """Characters of what an "according to" phrase attributes: the longer side of its
        sentence, without the phrase and the punctuation around it."""
        sent = according.sent
        phrase = list(according.subtree)
        p_start = phrase[0].idx
        p_end = phrase[-1].idx + len(phrase[-1].text)
        s_start, s_end = sent.start_char, sent.end_char
        while s_end > s_start and self.text[s_end - 1] in ".,;: \n\u2014":
            s_end -= 1
        start, end = max(((s_start, p_start), (p_end, s_end)), key=lambda r: r[1] - r[0])
        start += len(self.text[start:end]) - len(self.text[start:end].lstrip(" ,;:\u2014"))
        return start, self._clause_end(end, start)

    def _source_openings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"In a poll released Monday, 50 percent chose the mayor", "Varga leads by 8 points
        in the latest survey": a clause that opens or ends by placing itself in a poll or
        survey states what that source found; the source is the phrase, and what was found
        is the rest of the clause."""
        out = []
        for sent in self.doc.sents:
            root = sent.root
            if root.lemma_.lower() in INDIRECT_VERBS or root.lemma_.lower() in SPEECH_VERBS:
                continue  # "In a study, the group found …": the clause names its own source
            for opener in root.children:
                # a clause that opens with its source ("In a poll released Monday, …") or ends
                # with it ("Varga leads by 8 points in the latest survey")
                if opener.dep_ != "prep" or opener.lower_ != "in" or opener.i != sent.start and not _closes_sentence(opener):
                    continue
                source = next((c for c in opener.children if c.dep_ == "pobj"), None)
                if source is None or not _names_poll(source):
                    continue
                phrase = list(opener.subtree)
                clause = [t for t in root.subtree if t.i < phrase[0].i or t.i > phrase[-1].i]
                if opener.i < root.i:
                    # the source may carry its date ("In a poll last month, …"), but no clause of its own
                    comma = next((t.i for t in sent if source.i < t.i and t.text == ","), None)
                    if comma is None or comma - source.i > 8 or any(
                            t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in self.doc[source.i : comma]):
                        continue
                    clause = [t for t in clause if t.i > comma]
                words = [t for t in clause if not t.is_space and not t.is_punct]
                if not words:
                    continue
                start = words[0].idx
                end = self._clause_end(words[-1].idx + len(words[-1].text), start)
                if "\n" in self.text[start:end]:
                    continue
                if _words(self.text[start:end]) < MIN_UNCUED_QUOTE_WORDS or any(s < end and start < e for s, e in covered):
                    continue
                out.append((start, end, opener, "indirect"))
        return out

    def _quotes_in(self, token: Any) -> bool:
        """Whether a quoted passage of two words or more lies in a token's subtree."""
        first, last = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        return any(first <= s and e <= last and _words(self.text[s:e]) >= MIN_QUOTE_WORDS for s, e in self._quoted)

    def _attribute(self, start: int, end: int, verb: Any, kind: str) -> Attribution | None:
        # a mixed quote's fragment may be short ("a “glide path”"), its reported clause is not
        words = _words(self.text[slice(*self._clauses.get((start, end), (start, end)))])
        according = _according_to(verb.sent)
        if verb.lower_ == "according":
            speaker = self._speaker(according, (start, end))
            # "according to a new poll" names a source that is no entity: kept, speaker id None.
            if speaker[0] is None and (speaker[1] is None or speaker[1].lower() in NON_PERSON_PRONOUNS):
                return None
            return self._make(start, end, speaker, "according to", None, kind, _according_span(according))
        if verb.lower_ == "in" and verb.dep_ == "prep":
            # "In a new poll, …": the poll is the source, named by the phrase
            source = next((c for c in verb.children if c.dep_ == "pobj"), None)
            speaker = self._speaker(source, (start, end))
            if speaker[1] is None:
                return None
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
            speaker_token = _after_dateline(subject, verb)
            inserted = self._inserted.get((start, end))
            if speaker_token is not None and start <= speaker_token.idx < end \
                    and not (inserted is not None and inserted[0] <= speaker_token.idx < inserted[1]):
                # the parser took a word of the quote for the subject; the name after it speaks,
                # or, for a participle before it ("Varga paused, telling the crowd, “…”"), the
                # subject of the clause it was set off from
                speaker_token = _named_after_quote(verb) if verb.idx >= end else _sentence_subject(verb, start)
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
        else:
            cue = self._cue_text(verb)
            cue_span = (verb.idx, verb.idx + len(verb.text))
            channel = self._channel(verb, verb.sent, speaker[2])
        if speaker[0] is None and speaker[1] is not None and speaker[1].lower() in GROUP_PRONOUNS \
                and (_is_speech(verb) or self._first_person_belief(speaker, verb, kind)) \
                and not any(s <= speaker.span[0] < e for s, e in self._quoted):
            # "they say", "we said", "I told him": people speak, though the pronoun names no
            # one; the quote is kept with the pronoun as an unnamed speaker (what they want,
            # know or think is too often the writer's aside to count).
            speaker = speaker._replace(unnamed=True)
        elif speaker[0] is None and (speaker[1] is None or speaker[1].lower() in NON_PERSON_PRONOUNS):
            return None
        if speaker[0] is None and words < MIN_UNCUED_QUOTE_WORDS and (start, end) not in self._short_answers and not (
                kind == "indirect" and speaker.text and (verb.lemma_.lower() in STANCE_VERBS or verb.lemma_.lower() == "vote")
                and self._names_someone(start, end)):
            # A short phrase is a quote only with a named speaker, but a group's choice of a
            # named candidate ("about 6 in 10 white men supported Brennick") is a finding.
            return None
        if kind == "indirect" and verb.lemma_.lower() in GUESSED_STATES and any(
                c.dep_ == "aux" and c.lower_ in WRITERS_MODALS for c in verb.children):
            # "he must know it has a limit": the writer guessing at a mind, not a statement.
            return None
        if speaker.unnamed and verb.tag_ == "VBG" and kind != "direct" and not _is_speech(verb) and (
                speaker_token is None or speaker_token.lemma_.lower() not in ROLE_NOUNS):
            # "The unprecedented resolution …, revealing how galaxies formed": a participle
            # hung on a thing says what the thing shows, not what anyone said; one of speech
            # ("The departments declined, saying …") still credits the group that spoke.
            return None
        made = self._make(start, end, speaker, cue, channel, kind, cue_span)
        return replace(made, relative=True) if relative is not None else made

    def _first_person_belief(self, speaker: Speaker, verb: Any, kind: str) -> bool:
        """Whether "I" or "we" report what they think, believe or hope in a clause ("I think
        the pier is safe" in an interview's answer), not quoted by anyone."""
        return kind == "indirect" and (speaker.text or "").lower() in FIRST_PERSON \
            and verb.lemma_.lower() in INDIRECT_VERBS and _complement(verb) is not None

    def _names_someone(self, start: int, end: int) -> bool:
        """Whether characters of the text hold the name of a person or an organisation."""
        return any(start <= t.idx < end and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"))
                   for t in self.doc.char_span(start, end, alignment_mode="expand") or [])

    def _subject(self, verb: Any) -> Any:
        """The subject of a speech verb. From a participle ("…, describing it as") climb to
        the clause it hangs on until the subject is someone who can speak."""
        return self._subject_and_relative(verb)[0]

    def _subject_and_relative(self, verb: Any) -> tuple[Any, Any]:
        """The subject of a speech verb and, when the clause is a relative one ("Putin, who
        emphasised"), the relative pronoun that stands for it there."""
        current = verb
        for _ in range(4):
            subject = _subject(current)
            relative = None
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
                relative = subject
                subject = subject.head.head  # "Putin, who emphasised": the noun the clause is about
            if subject is not None and (current is verb and verb.tag_ != "VBG" or self._can_speak(subject)):
                return subject, relative
            if current.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp") or current.head is current:
                return subject, relative
            current = current.head
        return None, None

    def _can_speak(self, token: Any) -> bool:
        if token.lower_ in PRONOUNS or token.lemma_.lower() in ROLE_NOUNS:
            return True
        entity = self.index.get(self._entity_for(_np_span(token), token.text, token))
        return entity is not None and entity.type in ("PERSON", "ORG")

    def _can_demand(self, subject: Any) -> bool:
        """Whether a subject can voice a demand: someone who can speak, a group named by its
        politics or nation ("Democrats"), or people described in the plural ("lawmakers have
        called for a ban"); a singular thing ("the situation calls for calm") cannot."""
        return self._can_speak(subject) or subject.ent_type_ == "NORP" or (
            subject.pos_ == "NOUN" and "Plur" in subject.morph.get("Number"))

    def _cue_text(self, verb: Any) -> str:
        if verb.lemma_.lower() == "quote":
            return verb.text + (" … as saying" if "as saying" in verb.sent.text else "")
        particles = [c.text for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1
                     and PHRASAL_SPEECH.get(verb.lemma_.lower()) == c.lower_]
        return " ".join([verb.text, *particles])

    def _indirect(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        out = []
        quoted = quoted_spans(self.text)
        for token in self.doc:
            lemma = token.lemma_.lower()
            if not (token.pos_ == "VERB" and (lemma in INDIRECT_VERBS or lemma in DEMAND_VERBS
                                              or self._voices_that_clause(token))):
                continue
            gap = _relative_gap(token)
            if token.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in token.children) \
                    and not _adverbial_relative(token) and gap is None:
                # "the things he said he would do" leaves an unmarked gap in its clause; "voters
                # who said they were angry" (the relative pronoun being the speaker) reports a
                # whole one, and "the levy, which she said was overdue" one about the noun.
                continue
            clause = _complement(token) if lemma in INDIRECT_VERBS or lemma not in DEMAND_VERBS else None
            if clause is None and lemma in DEMAND_VERBS:
                # "Clinton called for a ban on assault weapons": the demand is what was said,
                # when someone who can speak made it ("the situation calls for calm" is no demand).
                subject = _subject(token)
                if subject is None or not self._can_demand(subject):
                    continue
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                clause = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            # "the plan, which she said would fail" reports only through the gap its relative
            # pronoun fills (below); a demonstrative "that" ("said that was a mistake", tagged DT)
            # is an ordinary subject.
            if clause is None or gap is None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS
                                                     and c.tag_ in ("WDT", "WP") for c in clause.children):
                continue
            start, end = self._clause_span(clause)
            if gap is not None:
                # "the levy, which she said was overdue": the relative pronoun stands for the
                # noun before and fills a gap in the clause; what was said is the clause after
                # the verb, about that noun.
                if not (gap.i < token.i < clause.i) or clause.i not in {t.i for t in token.children}:
                    continue
                start = max(start, self.doc[token.i + 1].idx)
            more = next((c for c in token.children if c.dep_ == "conj" and c.idx >= end and not _is_speech(c)
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                         and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
            if more is not None and clause.i > token.i and "\n" not in self.text[end : more.idx]:
                # "said the pier needs repairs, but that the council would not pay": the parser
                # joins the second "that" clause to the verb; it is reported all the same.
                end = self._clause_end(more.right_edge.idx + len(more.right_edge.text), start)
            if start <= token.idx < end or _words(self.text[start:end]) < 4 and not _whole_clause(clause, start, end):
                continue
            if _words(self.text[start:end]) < 4:
                self._short_answers.add((start, end))  # "said they were angry" is a statement whole
            if end <= token.idx:
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
                if subject is None:
                    continue  # a clause before the verb is speech only in "…, X said" order
                # The parser hangs a second half ("… has collapsed but the store is intact,
                # crews said") or an apposition ("Yemen, two countries on the gulf, Sinha
                # said") on the speech verb: all before the speaker is what was said.
                end = max(end, self._clause_end(subject.left_edge.idx, start))
            # Reported speech stays in its paragraph: a line above it the parser read into the
            # clause ("Live updates and local coverage") is no part of what was said.
            if token.idx > start:
                start = max(start, self.text.rfind("\n", start, min(end, token.idx)) + 1)
            if any(s < end and start < e for s, e in covered) or any(
                    s < end and start < e and _words(self.text[s:e]) >= MIN_QUOTE_WORDS for s, e in quoted):
                continue  # scare quotes ("the NFL has gone “soft”") leave it reported speech
            out.append((start, end, token, "indirect"))
        return out

    def _parentheticals(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"The pier, she said, will reopen in May", "The pier will reopen, she said": the
        parser hangs an inserted attribution on the reported clause as a side remark, so the
        speech verb has no clause of its own; what was said is the whole clause around it."""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.dep_ != "parataxis" or token.pos_ != "VERB" or not (lemma in INDIRECT_VERBS or lemma in SPEECH_VERBS):
                continue
            around = self._inserted_clause(token)
            if around is None:
                continue
            start, end, first, last = around
            while end > start and self.text[end - 1] in "'\"”’ .,":
                end -= 1  # a stray closing mark of the passage around is no part of the clause
            if _words(self.text[start:end]) - _words(self.text[first:last]) < 4:
                continue
            if any(s < end and start < e for s, e in covered) or any(
                    s < end and start < e and _words(self.text[s:e]) >= MIN_QUOTE_WORDS for s, e in self._quoted):
                continue
            self._inserted[(start, end)] = (first, last)
            out.append((start, end, token, "indirect"))
        return out

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
        inserted = list(token.subtree)
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
        if not tokens or tokens[0].tag_ in ("WRB", "WDT"):
            return None  # "the days when, he said, …" reports inside a description
        start = min(t.idx for t in tokens)
        end = self._clause_end(max(t.idx + len(t.text) for t in tokens), start)
        start = max(start, self.text.rfind("\n", 0, token.idx) + 1)
        if "\n" in self.text[token.idx : end]:
            end = self._clause_end(self.text.index("\n", token.idx), start)
        return start, end, first.idx, last.idx + len(last.text)

    def _voices_that_clause(self, verb: Any) -> bool:
        """Whether a verb outside the speech lists still reports what its subject said or
        thinks: "joked that …", "conceded privately that …", "figures that …". A "that"
        clause after the verb of someone who can speak is their statement or belief; verbs of
        bringing something about ("ensured that the pier reopened") are not."""
        if verb.lemma_.lower() in NOT_VOICING_VERBS:
            return False
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None or not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return False
        subject = _subject(verb)
        return subject is not None and self._can_speak(subject)

    def _make(self, start: int, end: int, speaker: Speaker,
              cue: str, channel: str | None, kind: str, cue_span: tuple[int, int] | None = None) -> Attribution:
        eid, speaker_text, speaker_span, confidence, unnamed = speaker
        if eid and speaker_span and _words(self.text[start:end]) >= MIN_UNCUED_QUOTE_WORDS:
            # Only real utterances set who is speaking; a two-word phrase in quotes does not.
            self.context.speakers.append((self.context.sentence_of(start), start, eid))
            self.context.speakers.sort(key=lambda s: s[1])
            if speaker_text and speaker_text.lower() in PRONOUNS:
                self.context.called[eid].add(pronoun_gender(speaker_text) or "")
        quote = Quote(
            id="",
            article=self.annotation.article.id,
            speaker=eid,
            speaker_text=speaker_text,
            speaker_span=speaker_span,
            cue=cue,
            channel=channel,
            text=self.text[start:end],
            span=(start, end),
            kind=kind,
            # Only a speaker found from context may take another outlet's name for the same
            # words (align.group_quotes); "Officials" or "the scientists" describe other
            # people, and stay theirs.
            speaker_resolved=confidence < 1.0 and not _describes_a_group(unnamed, speaker_text),
        )
        return Attribution(quote, confidence, cue_span, content_span=self._clauses.get((start, end)), unnamed=unnamed)


def _opening_mark_width(text: str, start: int) -> int:
    """The width of a quotation mark that opens just before ``start`` (0 when none)."""
    if text[max(0, start - 2) : start] in ("''", "``"):
        return 2
    return 1 if start > 0 and (text[start - 1] in OPENERS or text[start - 1] == "‘") else 0


def _within(token: Any, span: tuple[int, int]) -> bool:
    return span[0] <= token.idx < span[1]


def _cue_modifier(token: Any, verb: Any) -> bool:
    """Whether a word before a cue verb is part of the cue: its auxiliary or negation, or an
    adverb of time or repetition ("also", "later")."""
    return token.head == verb and (token.dep_ in CUE_MODIFIERS or token.dep_ == "advmod" and token.lower_ in CUE_ADVERBS)


def _same_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotes credit the same named speaker."""
    return a.speaker is not None and a.speaker == b.speaker


def _describes_a_group(unnamed: bool, speaker_text: str | None) -> bool:
    """Whether an unnamed speaker is described ("Officials", "the scientists", "they"), not
    a pronoun for one person that found no one ("he")."""
    return unnamed and bool(speaker_text) and str(speaker_text).lower() not in PRONOUNS


def _closes_sentence(phrase: Any) -> bool:
    """Whether a phrase after its head is the last thing in its sentence but punctuation."""
    sent = phrase.sent
    last = max((t.i for t in sent if not t.is_punct and not t.is_space), default=phrase.i)
    return phrase.i > phrase.head.i and phrase.right_edge.i == last


def _names_poll(noun: Any) -> bool:
    """Whether a noun names a poll or survey, or an average of them ("the average of recent
    polls")."""
    if noun.lemma_.lower() in POLL_NOUNS:
        return True
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(c.dep_ == "pobj" and c.lemma_.lower() in POLL_NOUNS for c in of.children)


def _writers_addition(clause: Any) -> bool:
    """Whether an adverbial clause set off after a reported one is the writer's contrast
    ("…, while the council wants it closed"). A participle there ("…, bringing its total to
    …") is as often part of what was said, so it stays."""
    marks = [m for m in clause.children if m.dep_ == "mark" and m.i < clause.i]
    return bool(marks) and marks[0].lower_ in CONTRAST_MARKS


def _relative_gap(verb: Any) -> Any:
    """The relative pronoun that a speech verb's clause leaves a gap for ("the levy, which
    she said was overdue", "a toll which he said the port should collect"): a "which" or
    "that" before the verb's own subject, hung in the clause it reports; None when the
    verb is no relative clause of that kind."""
    if verb.dep_ != "relcl":
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return None
    return next((t for t in clause.subtree if t.i < subject.i and t.tag_ in ("WDT", "WP")
                 and t.lower_ in RELATIVE_PRONOUNS), None)


def _adverbial_relative(verb: Any) -> bool:
    """Whether a relative clause is whole: "Minnesota, where he says he can win" has its own
    subject and leaves no gap in what it reports, as "the things he said he would do" does."""
    return any(c.tag_ == "WRB" and c.lower_ in ("where", "when") and c.i < verb.i for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def _whole_clause(clause: Any, start: int, end: int) -> bool:
    """Whether a short reported clause is still a statement of its own: it has a subject and
    a finite verb ("said they were angry"), unlike a fragment ("said so")."""
    finite = _finite_tag(clause) in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
    return finite and _words(clause.doc.text[start:end]) >= 3 and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


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


def _without_relays(found: list[Attribution]) -> list[Attribution]:
    """Drop a reported clause that holds another attribution whole ("[Putin said X], media
    reported"): the inner quote is the utterance, and the outer speaker is its channel."""
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
    return [a for a in found
            if not any(holds(a.quote, b.quote) and not echoed(b) for b in found)
            and not (echoed(a) and any(holds(b.quote, a.quote) for b in found))]


def find_quotes(annotation: Annotation, index: EntityIndex) -> list[Attribution]:
    """The quotes of one article, direct and indirect, in text order."""
    return QuoteFinder(annotation, index).find()
