"""The tense of the clause a date stands in, read from the parse: cue words near a date
("predicted", "said") may belong to another clause than the date's ("Patrick predicted a
win in Texas, which votes on March 1"), which only the parse can tell."""

from __future__ import annotations

from typing import Any, Callable

from .attribution_words import FINITE_TAGS

#: Modals that put what they govern ahead: "will vote", "can win in November".
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll", "wo", "can", "ca"})


def clause_tense_reader(doc: Any) -> Callable[[int, int], str | None]:
    """A function giving the tense ("past", "present" or "future") of the clause holding
    the characters ``start:end`` of the parsed text, or None when the parse cannot tell."""

    def clause_tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span.root
        while True:
            if token.pos_ in ("VERB", "AUX"):
                tense = _finite_tense(token)
                if tense is not None:
                    return tense
                if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
                    return "past"  # "a poll taken in January"
            if token.head.i == token.i:
                return None
            token = token.head

    return clause_tense


def _finite_tense(verb: Any) -> str | None:
    """The tense of a verb that carries one, itself or by its auxiliaries; None for an
    infinitive or a participle (the clause above it tells), or a modal of a condition or a
    possibility ("would", "might"), left to the cue words."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    if modals:
        # ("Will had nothing but praise": a name at the head of a clause is no modal)
        return "future" if any(m.lower_ in FUTURE_MODALS and (m.is_lower or m.is_sent_start) for m in modals) else None
    finite = [a for a in auxiliaries if a.tag_ in FINITE_TAGS] or ([verb] if verb.tag_ in FINITE_TAGS else [])
    if not finite:
        return None
    first = finite[0]
    if first.tag_ == "VBD" or first.lemma_ == "have" and first is not verb:
        return "past"  # "has focused": done before the report
    return "present"
