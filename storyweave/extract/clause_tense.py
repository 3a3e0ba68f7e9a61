"""The tense of the clause a date stands in, read from the parse: cue words near a date
("predicted", "said") may belong to another clause than the date's ("Patrick predicted a
win in Texas, which votes on March 1"), which only the parse can tell."""

from __future__ import annotations

from typing import Any, Callable

from .attribution_words import FINITE_TAGS

#: Modals that put what they govern ahead: "will vote".
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll", "wo"})
#: Modals of what is possible ("can win in November"): ahead of a past verb of another
#: clause, but alone often a habit or a rule ("shifts can run long during summer", "can't
#: trash us in February"), which tells no time.
POSSIBLE_MODALS = frozenset({"can", "ca"})

#: Verbs of needing and planning, whose participle tells of something still to be met, not
#: of a thing done: "the boost needed for a strong performance Tuesday", "the votes required
#: to pass it", "a rally planned for Friday". Such a participle has no time of its own; the
#: clause above it tells ("will give him the boost needed …" looks ahead).
FORWARD_PARTICIPLES = frozenset({"need", "require", "plan", "schedule", "slate", "expect", "intend", "anticipate"})


def clause_tense_reader(doc: Any) -> Callable[[int, int], str | None]:
    """A function giving the tense ("past", "present" or "future"; "possible" under "can")
    of the clause holding the characters ``start:end`` of the parsed text, or None when the
    parse cannot tell."""

    def clause_tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span.root
        looks_ahead = False
        while True:
            if token.pos_ in ("VERB", "AUX"):
                tense = _finite_tense(token)
                if tense is not None:
                    # An infinitive or a participle of need looks ahead from its clause's
                    # time: what someone now is "eligible to vote in", "wants to win in" or
                    # has "the votes needed to pass" is still to come.
                    return "future" if looks_ahead and tense == "present" else tense
                if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
                    if token.lemma_ not in FORWARD_PARTICIPLES:
                        return "past"  # "a poll taken in January": a thing done
                    looks_ahead = True
                looks_ahead = looks_ahead or _prospective_infinitive(token)
            if token.head.i == token.i:
                return None
            token = token.head

    return clause_tense


def _finite_tense(verb: Any) -> str | None:
    """The tense of a verb that carries one, itself or by its auxiliaries ("possible" under
    "can"); None for an infinitive or a participle (the clause above it tells), or a modal
    of a condition or a possibility ("would", "might"), left to the cue words."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    if modals:
        # ("Will had nothing but praise": a name at the head of a clause is no modal)
        told = [m.lower_ for m in modals if m.is_lower or m.is_sent_start]
        return "future" if FUTURE_MODALS.intersection(told) else "possible" if POSSIBLE_MODALS.intersection(told) else None
    finite = [a for a in auxiliaries if a.tag_ in FINITE_TAGS] or ([verb] if verb.tag_ in FINITE_TAGS else [])
    if not finite:
        return None
    first = finite[0]
    if first.tag_ == "VBD" or first.lemma_ == "have" and first is not verb:
        return "past"  # "has focused": done before the report
    return "present"


def _prospective_infinitive(verb: Any) -> bool:
    """Whether a verb is a "to" infinitive complementing or giving the purpose of the verb or
    adjective above it ("eligible to vote", "wants to win"). Not a perfect one ("is said to
    have won") nor one qualifying a noun ("the first state to vote"), which may tell of the past."""
    return (verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl")
            and any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children))
