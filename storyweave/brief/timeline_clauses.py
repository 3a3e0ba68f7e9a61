"""The timeline's clause rules: whether the parse shows a date to be the time of what its
clause tells, or only of a thing the clause names ("faces a count over the March 8 incident"),
sets beside ("floods like those of 2010") or counts from ("since July 2000")."""

from __future__ import annotations

import re
from typing import Any, Sequence

from .._text import DATELINE
from ..extract.attribution_words import DOCUMENT_NOUNS, SPEECH_VERBS
from ..extract.clause_tense import FUTURE_MODALS, finite_tense
from ..model import Claim, DateMention


#: Words before a date that make it a point of reference, not the time of what the sentence
#: tells: "his first visit since July 2000" did not happen in 2000, nor did "unlike in May
#: 2019, the vote was calm" (the parser hangs "in May 2019" on the verb).
_REFERENCE_POINT = re.compile(r"\b(?:(?:ever )?since|(?:(?:un)?like|than)(?:\s+(?:in|on|at|during|of))?)\s+(?:the\s+)?$", re.I)


def dates_something_else(date: DateMention, sentence: Claim, doc: Any) -> bool:
    """Whether the date is not the time of what the sentence tells: a point of reference
    ("since July 2000"), the report's own dateline ("PHILADELPHIA, July 29 (UPI) —"), or
    the time of a thing the sentence compares with ("warned of floods like those seen in
    March 2010"). A description keeps its date: "the blaze, which broke out on Sunday" and
    "Varga, who declared victory on Tuesday night" often tell the story's own events
    (of 23 dates in descriptions of people on the timelines of 100 PolNeAR articles, about
    half did)."""
    before = sentence.text[: date.span[0] - sentence.span[0]]
    dateline = DATELINE.match(sentence.text)
    if _REFERENCE_POINT.search(before) or dateline and len(before) < dateline.end():
        return True
    tokens = doc.char_span(date.span[0], date.span[1], alignment_mode="expand") if doc is not None else None
    token = tokens.root if tokens is not None else None
    below, clause = None, None
    while token is not None and token.head.i != token.i:
        if token.lower_ in COMPARISONS and token.dep_ in ("prep", "pobj", "dobj", "nsubj", "attr"):
            return True
        if token.lower_ == "since" and token.dep_ == "prep" or _a_change_counted_from(token, below):
            return True
        if clause is None and token.pos_ in ("VERB", "AUX"):
            clause = token  # (the date's own clause; a comparison above it sets a thing beside)
            if _a_clause_of_comparison(token):
                return True
        below, token = token, token.head
    return False


def _tokens_of(date: DateMention, doc: Any) -> Any:
    """The parse's tokens of a date, or None (no parse, or none of its tokens found)."""
    span = doc.char_span(date.span[0], date.span[1], alignment_mode="expand") if doc is not None else None
    return span if span is not None and len(span) else None


def told_in_the_past(date: DateMention, doc: Any) -> bool:
    """Whether the parse shows the clause holding a date told in the past or the perfect
    ("the dockers began meeting at 10 a.m.", "had a lead shortly before midnight")."""
    span = _tokens_of(date, doc)
    if span is None:
        return False
    verb, _ = _clause_of(span.root, span)
    return _telling_tense(verb) in ("past", "perfect")


def hour_of_a_kind(date: DateMention, doc: Any) -> bool:
    """Whether a date qualifies a noun in the plural ("ferries that make midnight sailings"): it
    names what kind of things they are, not when one was."""
    span = _tokens_of(date, doc)
    if span is None:
        return False
    return span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.tag_ in ("NNS", "NNPS")


def _a_clause_of_comparison(token: Any) -> bool:
    """Whether a word heads a clause a comparison opens ("hit harder than they were hit by
    France on Sunday night", "bigger than it was in March"): its time is the compared
    thing's, told only to measure what the sentence tells against it."""
    # (not "like" as a conjunction: "looks like he'll be competitive in November" is no comparison)
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "than" for c in token.children)


def _a_change_counted_from(token: Any, below: Any) -> bool:
    """Whether a date under ``token`` is the time a change is counted from: "down from 21
    points during the first quarter", "up 5 points from her March average" (not the "to"
    end of "up from 5 in March to 9 in May")."""
    return token.lower_ in ("down", "up") and any(c.lower_ == "from" and c.dep_ == "prep" for c in token.children) \
        and below is not None and below.lower_ != "to"


def names_another_time(date: DateMention, neighbours: Sequence[DateMention], doc: Any,
                       gone: bool, quoted: Sequence[tuple[int, int]] = (), ahead: bool = False) -> bool:
    """Whether the parse shows a date to be the time of a thing the clause only mentions,
    not of what the clause tells: a time the clause is told before or after ("spending
    before Tuesday's primary", "is staggering after a defeat Tuesday", "the rally followed
    Tuesday's vote"), a past thing named in a clause told in the present ("faces a count
    over the March 8 incident"), a coming thing named in a clause told in the past ("was
    not hopeful about the looming vote in October"), a thing mentioned ("referring to his
    vow last week"), or a thing named in a clause another date places ("A few days ago,
    Wednesday's debate appeared …"). ``gone``: whether the date's time is over before the
    publication day; ``ahead``: whether it starts after it."""
    span = _tokens_of(date, doc)
    if span is None:
        return False
    verb, path = _clause_of(span.root, span)
    tense = _telling_tense(verb)
    if _told_before_or_after(span, path, verb, tense) or _of_a_thing_referred_to(span, path, verb) \
            or _of_a_thing_followed_or_preceded(path, verb):
        return True
    if ahead and tense == "past" and _a_coming_thing_of_a_past_clause(span, path, verb):
        return True
    if gone and (tense == "future" or _held_now_by_a_modal(verb)) and not _of_a_described_thing(path) \
            and not any(start <= i < end for start, end in quoted for i in (verb.idx, date.span[0])):
        # a day gone names a thing in what is still to come ("Monday's ruling will
        # reverberate"); a speaker's "will" or "can" is of the day they spoke, and a
        # participle describing a thing has its own time ("the deal brokered last week")
        return True
    argument = _in_an_argument(span, path)
    if not (argument or _a_nouns_time(span) and not any(t.lower_ == "according" for t in path)):
        return False  # the date is the clause's own ("voted on Tuesday", "won in Tuesday's primary")
    if gone and tense == "present" and verb.lemma_ not in SPEECH_VERBS and not _a_subject_of(path, verb) \
            and not _at_a_telling(path):
        return True  # (also a noun's day on the verb: "Even with his victory Tuesday, it remains …")
    if not argument:
        return False
    # (an infinitive has a time of its own, often later: "vowed Tuesday to remain in the
    # fight", a participle shares its clause's; and what lasts "until the convention in
    # July" reaches that time)
    if any(_an_infinitive(t) or t.lower_ in ("until", "till") for t in path):
        return False
    return any(_places_the_clause(other, date, verb, doc) for other in neighbours)


#: Verbs putting what a clause tells in order with a thing: "the rally followed Tuesday's vote",
#: "the leak preceded the March 3 hearing".
_ORDERING = frozenset({"follow", "precede"})


def _of_a_thing_followed_or_preceded(path: Sequence[Any], verb: Any) -> bool:
    """Whether a date is in the object of "follow" or "precede" ("The crews' walkout
    followed the union's August 2 vote"): the clause tells a thing done after or before
    that one, as "after" and "before" do, not at its time."""
    return verb.lemma_ in _ORDERING and any(t.dep_ == "dobj" and t.head.i == verb.i for t in path)


#: Adjectives telling a thing as still to come: "the looming vote in October", "the upcoming
#: vote on Tuesday".
_COMING = frozenset({"looming", "upcoming", "coming", "impending", "forthcoming", "next"})

#: Verbs of setting a time for a thing, whose object's coming time is the plan told: "scheduled
#: a vote for Tuesday", "announced a rally on Friday".
_PLANNING = frozenset({"schedule", "reschedule", "set", "plan", "slate", "announce", "call", "move",
                       "postpone", "delay", "push", "book", "arrange"})

#: Objects of "set" that make it prepare for a thing, not set its time: "set the stage for
#: a calmer regatta next weekend".
_PREPARING = frozenset({"stage", "scene", "tone"})


def _a_coming_thing_of_a_past_clause(span: Any, path: Sequence[Any], verb: Any) -> bool:
    """Whether a date ahead of the report names a thing a clause told in the simple past
    speaks of ("was not hopeful about the looming vote in October", "set the stage for
    a calmer regatta next weekend"): what is over cannot be at a time still to come. Not
    a plan the clause sets ("scheduled a vote for Tuesday", "was due to speak Saturday", an
    infinitive's own time), nor a clause a saying reports, whose past is the speaker's
    present ("said the vote was on Tuesday"), nor a description ("the rally planned for
    Friday")."""
    if _of_a_described_thing(path) or any(_an_infinitive(t) or t.lower_ in ("until", "till") for t in path):
        return False
    if verb.dep_ in ("ccomp", "conj") and verb.head.lemma_ in SPEECH_VERBS:
        return False
    if verb.lemma_ in _PLANNING and not any(c.dep_ == "dobj" and c.lemma_ in _PREPARING for c in verb.children):
        return False
    return any(t.pos_ in ("NOUN", "PROPN") for t in path) or _a_nouns_time(span) or _after_a_coming_noun(span)


def _after_a_coming_noun(span: Any) -> bool:
    """Whether a date's preposition follows a noun told as coming ("the looming vote in
    October", which the parser may hang on the verb): the date is that thing's."""
    preposition = span.root.head
    if preposition.dep_ != "prep" or preposition.i == 0:
        return False
    noun = preposition.doc[preposition.i - 1]
    return noun.pos_ == "NOUN" and any(c.lower_ in _COMING and c.dep_ == "amod" for c in noun.children)


#: Verbs of mentioning a thing told of before, whose object's time is that thing's: "referring to
#: his vow last week", "citing Tuesday's poll", "recalled the March storm".
_MENTIONING = frozenset({"refer", "cite", "recall", "allude", "mention", "invoke"})


def _of_a_thing_referred_to(span: Any, path: Sequence[Any], verb: Any) -> bool:
    """Whether a date qualifies the object of a verb of mentioning ("said Brennick, referring to
    Mr. Holm's vow last week", "cited Tuesday's poll"): the mention comes after the thing,
    whose time it is (not "cited on Tuesday", the verb's own time, nor "invoked the state's
    history in hearings in June", the occasion of the mention)."""
    if not path or span.root.dep_ not in _OF_THE_NOUN or path[0].pos_ not in ("NOUN", "PROPN"):
        return False
    above = [*path[1:], verb]
    # (the verb right above the object, or above the preposition taking it: "referring to")
    mentioning = above[1] if above[0].dep_ == "prep" and len(above) > 1 else above[0]
    return mentioning.pos_ == "VERB" and mentioning.lemma_ in _MENTIONING and path[0].dep_ in ("dobj", "pobj")


def _held_now_by_a_modal(verb: Any) -> bool:
    """Whether a clause tells what must, can or should be ("he should get a boost"), which no
    day gone can be the time of ("he should get a boost from the win Tuesday", written on
    Wednesday: the day is the win's)."""
    # (a negated one often judges a deed, whose day it may be: "you can't trash us in
    # February and then ask for our votes")
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    return any(a.lower_ in _PRESENT_MODALS for a in auxiliaries) \
        and not any(a.lemma_ == "have" or a.dep_ == "neg" for a in auxiliaries)


def _of_a_described_thing(path: Sequence[Any]) -> bool:
    """Whether a date is the time of a participle or relative clause describing a noun ("the
    deal brokered last week", "the release she issued last week")."""
    return any(t.dep_ in ("acl", "relcl") for t in path)


def _a_nouns_time(span: Any) -> bool:
    """Whether a date qualifies a noun ("his victory Tuesday", "Tuesday's ruling")."""
    return span.root.dep_ in _OF_THE_NOUN and span.root.head.pos_ == "NOUN"


def _an_infinitive(token: Any) -> bool:
    """Whether a word is a verb after "to" ("to remain")."""
    return token.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" and c.dep_ == "aux" for c in token.children)


def _clause_of(token: Any, span: Any) -> tuple[Any, list[Any]]:
    """The word heading the clause that holds a token (the first one above it that carries a
    tense: an infinitive or a participle is told at its clause's time), and the words
    between them outside the date's own words."""
    path: list[Any] = []
    while token.head.i != token.i:
        token = token.head
        if _telling_tense(token) is not None or token.head.i == token.i:
            return token, path  # (a root with no tense read still heads the clause)
        if not span.start <= token.i < span.end:
            path.append(token)
    return token, path


#: Modals of what holds at the time of telling: "must prepare", "can win", "should get".
_PRESENT_MODALS = frozenset({"must", "can", "ca", "should"})


def _telling_tense(verb: Any) -> str | None:
    """The tense a clause is told in: "past", "perfect", "present" (with a modal of duty or
    ability too), "future", "conditional", or None for a word that carries none."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    modals = {a.lower_ for a in auxiliaries if a.tag_ == "MD"}
    if modals:
        if any(a.lemma_ == "have" for a in auxiliaries):
            return "perfect"
        return "future" if modals & FUTURE_MODALS else "present" if modals & _PRESENT_MODALS else "conditional"
    return finite_tense(verb)


#: Prepositions putting what a clause tells before or after the time they govern:
#: "before Tuesday's vote", "ahead of the March 1 contests", "after a defeat Tuesday".
_BEFORE = frozenset({"before", "ahead", "prior"})


_AFTER = frozenset({"after", "following"})


#: Words bringing a "before" next to the time it governs: "just before Tuesday's vote" may
#: be on Tuesday.
_CLOSE_TO = frozenset({"just", "shortly", "right", "moments", "minutes", "hours", "immediately"})


#: How a date belongs to the noun phrase it is in: "Tuesday's vote", "the March 1
#: contests", "a defeat Tuesday" (not "the event on Monday", which the parser may hang on
#: the noun though it is the verb's day: "said ahead of his event on Monday").
_OF_THE_NOUN = frozenset({"poss", "compound", "nmod", "amod", "npadvmod", "nummod", "tmod"})


def _told_before_or_after(span: Any, path: Sequence[Any], verb: Any, tense: str | None) -> bool:
    """Whether a date is governed by "before" or "after" (as a preposition, over a noun
    phrase or a gerund: "ahead of the March 1 contests", "After trouncing her in
    Tuesday's primary"): a thing done before it is not at it; one done after it may be on
    the same day when told in the simple past ("After the debate last week, he told
    reporters"), but not when told in the present or the future ("After a defeat Tuesday,
    she is staggering", "is set to go to trial after the November election") or in the
    perfect, which tells a thing done by a later time ("after suspending his campaign
    Tuesday night, he has laid off his staff"), nor a thing named by the time it follows
    ("the contests after Tuesday's primary")."""
    preposition = next((t for t in path if t.dep_ == "prep" and _before_or_after(t) is not None), None)
    if preposition is None:
        return False
    own = span.root.dep_ in _OF_THE_NOUN or span.root.head.i == preposition.i or _dates_its_gerund(path, preposition)
    if not own:
        return False
    if _before_or_after(preposition) in _BEFORE:
        return not any(t.lower_ in _CLOSE_TO for t in preposition.doc[max(0, preposition.i - 2):preposition.i])
    return preposition.head.pos_ in ("NOUN", "PROPN") or tense in ("present", "future", "conditional") \
        or _a_perfect(verb)


def _a_perfect(verb: Any) -> bool:
    """Whether a verb is in the perfect ("has laid off", "had begun"), which tells a thing done
    before a later time: one done after a time ("after suspending his campaign Tuesday night,
    he has laid off his staff") may be any day between, not that time's."""
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.i < verb.i
                                      for c in verb.children)


def _dates_its_gerund(path: Sequence[Any], preposition: Any) -> bool:
    """Whether a date is the time of the gerund a preposition governs, bare or after "on",
    "in" or "at" ("after suspending the ferry on Tuesday night")."""
    at = next(i for i, t in enumerate(path) if t.i == preposition.i)
    return 1 <= at <= 2 and path[at - 1].dep_ == "pcomp" and path[at - 1].pos_ in ("VERB", "AUX") \
        and all(t.dep_ == "prep" and t.lower_ in _TIME_PREPOSITIONS for t in path[:at - 1])


def _before_or_after(preposition: Any) -> str | None:
    """"before", "after" (or "ahead", "prior", "following", "in the wake of") for a preposition
    of one, else None."""
    if preposition.lower_ in _BEFORE | _AFTER:
        return preposition.lower_
    if preposition.lower_ in ("of", "to") and preposition.head.lower_ in ("ahead", "prior") \
            and preposition.head.i == preposition.i - 1:
        return preposition.head.lower_
    if preposition.lower_ == "of" and preposition.head.lower_ == "wake" and preposition.head.head.lower_ == "in":
        # "in the wake of Monday's ruling": an aftermath, told after the thing has had its effects
        return "after"
    return None


#: Dependencies of a noun that is an argument of its clause's verb, or of a preposition
#: hung on a noun: a date under one names the time of a thing the clause mentions.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "csubj"})


def _in_an_argument(span: Any, path: Sequence[Any]) -> bool:
    """Whether a date is inside a noun phrase the clause speaks of ("faces a count of
    battery as a result of the March 8 incident", "Wednesday's debate appeared …"), not
    the clause's own time ("won in Tuesday's primary", "voted Tuesday")."""
    return any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in _ARGUMENTS
               or t.dep_ == "prep" and t.head.pos_ in ("NOUN", "PROPN") for t in path) \
        or span.root.dep_ in ("poss", "compound", "nmod", "amod", "nummod") and span.root.head.dep_ in _ARGUMENTS


#: Occasions of a telling: a reporter hangs "in an interview on Sunday" on the clause told
#: ("his campaign doesn't want that, in an interview with CNN on Sunday"), whose time it is.
_TELLING_OCCASIONS = DOCUMENT_NOUNS | {"interview", "speech", "remarks", "briefing", "conference", "call", "appearance"}


def _at_a_telling(path: Sequence[Any]) -> bool:
    """Whether a date is in a phrase of the occasion of a telling ("in an interview on Sunday")."""
    return any(t.lemma_.lower() in _TELLING_OCCASIONS and t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "at")
               for t in path)


def _a_subject_of(path: Sequence[Any], verb: Any) -> bool:
    """Whether the date qualifies the clause's subject itself ("A Feb. 1 letter warns",
    "Tuesday's results show"): a document or an event speaks in the present of its day."""
    return bool(path) and path[0].dep_ in ("nsubj", "nsubjpass") and path[0].head.i == verb.i


#: Prepositions giving a clause its time: "on Tuesday", "at 8 p.m.", "in March".
_TIME_PREPOSITIONS = frozenset({"on", "at", "in", "during"})


def _places_the_clause(other: DateMention, date: DateMention, verb: Any, doc: Any) -> bool:
    """Whether another date of the sentence is the time of the clause a date is named in:
    it is that clause's own adverbial, or a participle's hung on it ("A few days ago,
    Wednesday's debate appeared …", "On Tuesday, she criticised Monday's ruling"), and
    another time."""
    if not other.value or other.value == date.value or re.match(r"P\d|PT\d|XXXX", other.value):
        return False
    span = doc.char_span(other.span[0], other.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    own_verb, path = _clause_of(span.root, span)
    return own_verb.i == verb.i and all(
        t.pos_ == "VERB" and t.dep_ == "advcl" or i == 0 and t.lower_ in _TIME_PREPOSITIONS
        for i, t in enumerate(path))


#: Words setting what they govern beside another time: "floods like those of 2010", "the
#: kind seen in 2010", "worse than in 2010".
COMPARISONS = frozenset({"like", "unlike", "than", "kind", "sort", "type"})


#: A season named with "the" and nothing tying it to a year: "in the spring", "the fall".
_A_SEASON_ALONE = re.compile(r"the\s+(?:spring|summer|fall|autumn|winter)", re.I)


def a_season_of_every_year(date: DateMention, doc: Any) -> bool:
    """Whether a season is the time of a habit told of things in general ("prices rise in
    the spring", "ferries run less in the winter"): a simple present with a subject that
    names a kind (a bare plural or mass noun) tells what happens every year, not in one."""
    span = _tokens_of(date, doc)
    if span is None or not _A_SEASON_ALONE.fullmatch(date.text):
        return False
    verb, _ = _clause_of(span.root, span)
    simple = verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    return simple and any(c.dep_ == "nsubj" and _a_kind(c) for c in verb.children)


def _a_kind(noun: Any) -> bool:
    """Whether a subject names a kind, not a thing: a common noun in the plural or a mass
    noun with no article, number or possessive ("things", "rates", "traffic")."""
    return noun.pos_ == "NOUN" and noun.tag_ in ("NNS", "NN") \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


#: Modals that soften "want" into a suggestion: "you might want to wait", "you may want to call".
_SUGGESTING_MODALS = frozenset({"might", "may"})


def a_suggested_time(date: DateMention, doc: Any) -> bool:
    """Whether a date is the time of what a speaker only suggests someone might want to do
    ("you might want to wait until May", "you may want to book for October"): the set
    phrase gives advice, which tells nothing that happened or will happen (a condition's
    outcome keeps its time, "they may not survive past next week if they lose")."""
    span = _tokens_of(date, doc)
    if span is None:
        return False
    verb, path = _clause_of(span.root, span)
    return verb.lemma_ == "want" and any(_an_infinitive(t) and t.head.i == verb.i for t in path) \
        and any(c.dep_ == "aux" and c.lower_ in _SUGGESTING_MODALS and c.i < verb.i for c in verb.children)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def a_figure_of_changing_days(date: DateMention, neighbours: Sequence[DateMention], doc: Any) -> bool:
    """Whether a weekday is one of a run of days written one after the other that give a
    stand held in the present a day each ("a mayor who is for the pier on Tuesday and
    against it on Wednesday", "says he's neutral on Monday, hostile on Tuesday"): a figure
    of someone who keeps changing, whose days are no dates. The run's first day must date
    a state, a simple present "be" with an adjective or a stand ("for", "against"); a
    schedule of acts ("sails to Oslo on Monday and to Bergen on Tuesday") keeps its days."""
    run = _a_run_of_weekdays(date, neighbours)
    if not run:
        return False
    span = _tokens_of(run[0], doc)
    if span is None:
        return False
    verb, _ = _clause_of(span.root, span)
    return verb.lemma_ == "be" and verb.tag_ in ("VBP", "VBZ") and _telling_tense(verb) == "present" \
        and any(c.dep_ == "acomp" or c.dep_ == "prep" and c.lower_ in ("for", "against") for c in verb.children)


def _a_run_of_weekdays(date: DateMention, neighbours: Sequence[DateMention]) -> list[DateMention]:
    """The weekdays named in a sentence, in order, if ``date`` is one of two or more of them
    each the day after the one written before it ("on Monday, … on Tuesday")."""
    days = sorted((d for d in (*neighbours, date) if d.text.lower() in _WEEKDAYS), key=lambda d: d.span[0])
    if len(days) < 2 or date not in days:
        return []
    order = [_WEEKDAYS.index(d.text.lower()) for d in days]
    successive = all((b - a) % 7 == 1 for a, b in zip(order, order[1:]))
    return days if successive else []
