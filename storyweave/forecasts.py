"""Forecasts and outcomes: "Marr is expected to win the race" and "Marr lost the race".

A story gathers articles written before an event and after it. A forecast written the
morning of a vote and the result reported the next day are both right whatever they say:
"is expected to win" does not contradict "lost", is not a hedged version of "won", and
does not corroborate it either. The sentence models see one statement (every other word is
shared), so the event's verb decides: forecast in one sentence ("is expected to win", "is
likely to win") and done in the other ("won", "has won", "was elected"). Two forecasts, or
two outcomes, are still set against each other.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .nlp import parsed
from .opposites import opposite_words

#: Words that put the verb after them ahead in time: "is expected to win", "is likely to
#: win", "is set to win", "is favoured to win".
FORECAST_WORDS = frozenset({"expect", "expected", "likely", "unlikely", "set", "poised", "due", "favour", "favor",
                            "favoured", "favored", "tip", "tipped", "project", "projected", "predict", "predicted",
                            "forecast", "bound", "slate", "slated", "schedule", "scheduled"})
#: Verbs whose tense says when something was told, not when the event happens.
_NOT_THE_EVENT = frozenset({"be", "have", "do", "say", "tell", "add", "report", "show", "expect", "predict", "project",
                            "forecast", "schedule", "set", "tip", "favour", "favor"})


#: Adverbs that make a "will" a guess: "will likely be a total loss", "will probably win".
HEDGED_FUTURE = frozenset({"likely", "probably"})


def ahead(t: Any) -> bool:
    """Whether a verb token is forecast: "is expected to win", "is likely to win", a guessed
    future ("will likely be a total loss", "will in all likelihood be"), or in the future
    perfect ("will have made the largest offer by the time this is over"). A plain "will" is
    not enough: news uses it for decisions already taken ("Cheeks will be replaced by
    DiLeo"), which a later "Cheeks was replaced by DiLeo" does corroborate."""
    if t.dep_ == "xcomp" and (t.head.lemma_.lower() in FORECAST_WORDS or t.head.lower_ in FORECAST_WORDS):
        return True
    auxiliaries = {c.lower_ for c in t.children if c.dep_ == "aux"}
    if "will" not in auxiliaries:
        return False
    if "have" in auxiliaries or any(c.dep_ == "advmod" and c.lower_ in HEDGED_FUTURE for c in t.children):
        return True
    # The parser hangs "in all likelihood" on the subject as often as on the verb.
    return any(_in_all_likelihood(c) for c in t.subtree)


#: Nouns of "in all likelihood", "in all probability": a guess, as "likely" is.
_LIKELIHOOD = frozenset({"likelihood", "probability"})


def _in_all_likelihood(t: Any) -> bool:
    """Whether a token is the "in" of "in (all) likelihood" or "in (all) probability"."""
    return t.dep_ == "prep" and t.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ in _LIKELIHOOD for c in t.children)


#: Verbs that forecast the thing they take for object: "analysts expected a loss of $40 million".
_FORECASTING_VERBS = frozenset({"expect", "predict", "project", "forecast", "anticipate"})


def forecast(verb: Any) -> bool:
    """Whether a stated verb tells what is awaited: forecast itself ("will likely win"), a
    word of forecasting over the verb it puts ahead ("is poised to shore up", "are scheduled
    to appear"), or a verb of forecasting with a thing for object ("analysts expected a
    loss of $40 million")."""
    if ahead(verb):
        return True
    lemma = verb.lemma_.lower()
    if lemma in _FORECASTING_VERBS and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") for c in verb.children):
        return True
    return (lemma in FORECAST_WORDS or verb.lower_ in FORECAST_WORDS) and any(
        c.dep_ == "xcomp" and ahead(c) for c in verb.children)


def done(t: Any) -> bool:
    """Whether a verb token tells what has happened: "lost", "has won", "was elected"."""
    if ahead(t):
        return False
    return t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have")
                                  for c in t.children)


def _tokens(doc: Any, span: tuple[int, int], words: set[str]) -> list[Any]:
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    return [t for t in chunk or () if t.lower_ in words or t.lemma_.lower() in words]


def ahead_and_done(doc_a: Any, span_a: tuple[int, int], words_a: set[str],
                   doc_b: Any, span_b: tuple[int, int], words_b: set[str]) -> bool:
    """Whether the event verb (its forms in each sentence given as words) is forecast in
    one sentence and done in the other."""
    ta, tb = _tokens(doc_a, span_a, words_a), _tokens(doc_b, span_b, words_b)
    if not ta or not tb:
        return False
    return all(map(ahead, ta)) and all(map(done, tb)) or all(map(done, ta)) and all(map(ahead, tb))


#: Verbs of :data:`_NOT_THE_EVENT` that are the event when they take a thing, not a clause,
#: for object: "is expected to report a loss" / "reported a loss", "is due to have surgery".
_EVENT_WITH_AN_OBJECT = frozenset({"report", "show", "have"})


def _event_verbs(doc: Any, span: tuple[int, int]) -> set[str]:
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    return {t.lemma_.lower() for t in chunk or () if t.pos_ == "VERB" and (
        t.lemma_.lower() not in _NOT_THE_EVENT or t.lemma_.lower() in _EVENT_WITH_AN_OBJECT and _takes_a_thing(t))}


def _takes_a_thing(verb: Any) -> bool:
    """Whether a verb has a noun for direct object and no clause after it."""
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _copulas(doc: Any, span: tuple[int, int]) -> dict[str, list[Any]]:
    """The forms of "be" in a span by the noun or adjective they predicate ("will likely be a
    total loss", "was a total loss": "loss")."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    out: dict[str, list[Any]] = {}
    for t in chunk or ():
        if t.lemma_.lower() == "be":
            for c in t.children:
                if c.dep_ in ("attr", "acomp"):
                    out.setdefault(c.lemma_.lower(), []).append(t)
    return out


def forecast_and_outcome(a: tuple[Any, tuple[int, int], str], b: tuple[Any, tuple[int, int], str]) -> bool:
    """Whether of two sentences (each as parse, span, text) one forecasts an event and the
    other tells how it turned out: a verb they share, a pair of opposite words ("win" /
    "lost"), or "be" with the same predicate ("will likely be a total loss" / "was a total
    loss"), is forecast in one and done in the other."""
    (doc_a, span_a, text_a), (doc_b, span_b, text_b) = a, b
    pairs = [({v}, {v}) for v in sorted(_event_verbs(doc_a, span_a) & _event_verbs(doc_b, span_b))]
    opposed = opposite_words(text_a, text_b)
    if opposed:
        pairs.append(({opposed[0]}, {opposed[1]}))
    if any(ahead_and_done(doc_a, span_a, x, doc_b, span_b, y) for x, y in pairs):
        return True
    ca, cb = _copulas(doc_a, span_a), _copulas(doc_b, span_b)
    return any(all(map(ahead, ca[w])) and all(map(done, cb[w])) or all(map(done, ca[w])) and all(map(ahead, cb[w]))
               for w in sorted(ca.keys() & cb.keys()))


@lru_cache(maxsize=65536)
def texts_forecast_and_outcome(a: str, b: str) -> bool:
    """:func:`forecast_and_outcome` of two bare sentences (parsed here, and remembered)."""
    both = f"{a} {b}".lower()
    if not any(w in FORECAST_WORDS or w in _LIKELIHOOD for w in re.findall(r"[a-z]+", both)) and "will have" not in both:
        return False  # nothing forecast: the brief asks of every candidate, so spare the parse
    return forecast_and_outcome((parsed(a), (0, len(a)), a), (parsed(b), (0, len(b)), b))
