"""Words that tell of no deed yet: a request, a wish or a forecast, and the deed the other sentence tells."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..forecasts import FORECAST_WORDS, done, forecast
from ..nlp import parsed
from .denials import withheld_and_told
from .parse import _stated_clause


#: Verbs of asking someone to act ("urged the board to rescind the rule"); "call" only with
#: "on" or "for" ("called on the board to act").
REQUEST_VERBS = frozenset({"urge", "ask", "call", "press", "demand", "request", "petition", "implore", "beg", "pressure",
                           "lobby"})
_QUESTION_MARKS = frozenset({"if", "whether"})


def _asked_and_done(sentence: Any) -> tuple[set[str], set[str]]:
    """The verbs a parsed sentence asks someone to do (the clause under a verb of
    :data:`REQUEST_VERBS`, with its conjuncts) and the verbs it tells as done, as lemmas:
    an infinitive or a modal ("appealing for anyone to contact them", "users should
    install it") tells nothing done. "Asked whether she had
    resigned" is a question, not a request."""
    asked: set[int] = set()
    for t in sentence:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in REQUEST_VERBS:
            continue
        if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in t.children):
            continue
        for c in t.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and not any(
                    m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS for m in c.children):
                asked |= {c.i} | {x.i for x in c.conjuncts}
    verbs = [t for t in sentence if t.pos_ == "VERB"]
    # "to test and deploy", "should test and install": neither verb tells a deed.
    infinitive = {x.i for t in verbs if any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in t.children)
                  for x in (t, *t.conjuncts)}
    return ({t.lemma_.lower() for t in verbs if t.i in asked},
            {t.lemma_.lower() for t in verbs if t.i not in asked and t.i not in infinitive})


#: Words that tell someone was asked or told to act, besides :data:`REQUEST_VERBS`: a
#: sentence with one of them may tell the same request in other words ("were told to
#: leave" / "police urged them to leave").
ASKING_WORDS = REQUEST_VERBS | frozenset({
    "tell", "order", "invite", "invitation", "encourage", "advise", "instruct", "warn", "appeal", "approach",
    "persuade", "convince", "seek", "plead", "plea", "direct", "command", "require", "prompt", "recruit", "offer",
    "want", "hire", "commission"})


#: Modals and verbs that tell what ought to be done: a request told as a duty.
_OUGHT = frozenset({"should", "must", "ought", "need", "needs", "needed"})


def _asks_in_main_clause(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause (or the clause its speech verb reports) asks
    someone to do something, and tells nothing more: "Amsel asked Lind to sing" (but not
    "the council asked the mayor to resign, and she resigned")."""
    verb = _stated_clause(sentence)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REQUEST_VERBS:
        return False
    told_too = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return bool(_asked_and_done(list(verb.subtree))[0]) and not told_too


def _asks_nothing(sentence: Any) -> bool:
    """Whether a parsed sentence tells no asking at all: no word of :data:`ASKING_WORDS`,
    no modal of what ought to be done ("skippers should test their radios") and no verb
    with an object and an infinitive clause ("got her to pose")."""
    if any(t.lemma_.lower() in ASKING_WORDS or t.lower_ in _OUGHT for t in sentence):
        return False
    return not any(t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children)
                   and any(c.dep_ == "xcomp" for c in t.children) for t in sentence)


def request_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence asks someone to do what the other tells as done: "the
    scientists urged the secretaries to rescind the changes" and "the secretary rescinded
    the changes" share nearly every word, and the models read one statement, but a request
    is not the deed. Nor is a request told in the main clause any version of a sentence
    that asks nothing, whatever words it tells the deed in: "In 1961 Amsel asked Lind to
    sing at his club's opening" / "In 1961 Lind was the singer at the opening of Amsel's
    club". ``a`` and ``b`` are spaCy spans (or docs)."""
    asked_a, done_a = _asked_and_done(a)
    asked_b, done_b = _asked_and_done(b)
    if any(v in done_b and v not in done_a and v not in asked_b for v in asked_a) or \
            any(v in done_a and v not in done_b and v not in asked_a for v in asked_b):
        return True
    return _asks_in_main_clause(a) and _asks_nothing(b) or _asks_in_main_clause(b) and _asks_nothing(a)


#: Any form of a request verb ("urged", "lobbied"): its stem without a closing e or y.
_REQUEST_WORD = re.compile(r"\b(?:" + "|".join(sorted(v.rstrip("ey") for v in REQUEST_VERBS)) + ")", re.I)


@lru_cache(maxsize=65536)
def texts_request_and_deed(a: str, b: str) -> bool:
    """:func:`request_and_deed` of two bare sentences (parsed here, and remembered)."""
    if not _REQUEST_WORD.search(a) and not _REQUEST_WORD.search(b):
        return False  # nothing asked: the brief asks of every candidate, so spare the parse
    return request_and_deed(parsed(a)[:], parsed(b)[:])


#: Verbs of wanting: "Orsk would like a May release" tells a wish, which another source's
#: deed ("Orsk has booked a May release") does not corroborate. "like" and "love" want only
#: under a modal ("would like"; "voters like the plan" likes it). Plans and aims are left
#: out: "plans to open in May" and "will open in May" are told as one schedule.
WANTING = frozenset({"want", "wish", "hope", "prefer", "desire", "like", "love"})
_WANTING_ONLY_WITH_MODAL = frozenset({"like", "love"})


def forecast_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence's statement (its main clause, or the clause its speech
    verb reports) is awaited and the other's is done: "Marr is poised to widen her lead in
    Tuesday's vote" and "Tuesday's vote gave Marr a lead of ten points", "Vale is
    scheduled to appear at the forum" and "Vale also spoke at the forum". A forecast
    corroborates no outcome, whatever verb each tells it with (:func:`forecast_and_outcome`
    reads one verb they share)."""
    verb_a, verb_b = _stated_clause(a), _stated_clause(b)
    for awaited, told in ((verb_a, verb_b), (verb_b, verb_a)):
        if forecast(awaited) and not forecast(told) and done(told) and not _awaited_told_too(awaited, told.sent):
            return True
    return False


def _awaited_told_too(verb: Any, other: Any) -> bool:
    """Whether the verb a forecast puts ahead is in the other sentence too ("is expected to
    be arraigned today" / "was arrested and will be arraigned today"): then the other may
    tell the same thing in a second clause, and :func:`forecast_and_outcome` reads that verb."""
    awaited = {c.lemma_.lower() for c in (verb, *verb.children) if c.pos_ == "VERB" and (c is verb or c.dep_ == "xcomp")}
    return any(t.lemma_.lower() in awaited - FORECAST_WORDS for t in other)


def wishes(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause (or the clause its speech verb reports) tells
    what someone wants (:data:`WANTING`)."""
    verb = _stated_clause(sentence)
    lemma = verb.lemma_.lower()
    if lemma not in WANTING or verb.pos_ != "VERB":
        return False
    return lemma not in _WANTING_ONLY_WITH_MODAL or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def wish_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells what someone wants and the other does not: "apparently
    Orsk would like a May release" and "Orsk has booked a May release" share their nouns, and
    the models read one statement, but a wish is not the deed and corroborates it no more
    than a request does (:func:`request_and_deed`)."""
    return wishes(a) != wishes(b)


#: Any form of a verb of wanting or of telling under a negation or a refusal: a sentence
#: without one is parsed for neither rule.
_WISH_WORD = re.compile(r"\b(?:want|wish|hope|prefer|desir|(?:would|'d|’d)\s+(?:like|love))", re.I)
_WITHHOLD_WORD = re.compile(r"\b(?:not|never|no|declin|refus)|n['’]t\b", re.I)


@lru_cache(maxsize=65536)
def texts_wish_or_withheld(a: str, b: str) -> bool:
    """:func:`wish_and_deed` or :func:`withheld_and_told` of two bare sentences (parsed
    here, and remembered)."""
    wish = _WISH_WORD.search(a) or _WISH_WORD.search(b)
    withheld = _WITHHOLD_WORD.search(a) or _WITHHOLD_WORD.search(b)
    if not wish and not withheld:
        return False  # the brief asks of every candidate, so spare the parse
    sentence_a, sentence_b = parsed(a)[:], parsed(b)[:]
    return bool(wish) and wish_and_deed(sentence_a, sentence_b) or bool(withheld) and withheld_and_told(sentence_a, sentence_b)
