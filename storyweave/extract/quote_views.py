"""Nouns of voicing a view ("her criticism of …"): what they say was voiced, and whose a "his"/"her" example is."""

from __future__ import annotations

from typing import Any

from .attribution_words import CLAUSE_VIEW_NOUNS, INDIRECT_VERBS, STANCE_VERBS, TOPIC_VERBS, VIEW_NOUNS
from .quote_cues import _a_broadcast, _is_speech, _saying_noun_before
from .quote_stances import bodily_attack

def _named_owner_above(noun: Any) -> Any:
    """The name owning a phrase that ``noun`` elaborates ("uneasy about Trump's statements,
    including his proposal …, his statement that …": "his" is Trump's), else None."""
    current = noun
    for _ in range(6):
        if current.dep_ not in ("pobj", "prep", "appos", "conj", "dobj", "acl") or current.head.i == current.i:
            return None
        current = current.head
        named = next((c for c in current.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if named is not None and current.pos_ == "NOUN":
            return named
    return None


#: Words that open an example of the phrase before them ("Brennick's proposals, in particular his …").
_EXAMPLE_OPENERS = (("in", "particular"), ("particularly",), ("especially",), ("notably",), ("including",),
                    ("such", "as"), ("namely",), ("specifically",))


def _owner_of_example(possessive: Any) -> Any:
    """The named owner of the phrase that a "his"/"her" phrase gives an example of ("voiced
    displeasure with Varga's plans, in particular her plan for a levy": the plan is Varga's,
    not the subject's), when the name owns the nearest noun before the example word in the
    sentence's clause; else None."""
    doc = possessive.doc
    start = possessive.sent.start
    opener = next((words for words in _EXAMPLE_OPENERS if possessive.i - len(words) >= start and tuple(
        t.lower_ for t in doc[possessive.i - len(words) : possessive.i]) == words), None)
    if opener is None:
        return None
    for token in reversed(doc[start : possessive.i - len(opener)]):
        if token.pos_ in ("VERB", "AUX"):
            return None  # the example belongs to the clause of that verb
        named = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) \
            if token.pos_ == "NOUN" else None
        if named is not None:
            # (the tagger often reads a person's surname as an organisation; a place owns no plan "his")
            return named if named.ent_type_ in ("PERSON", "ORG", "NORP", "") else None
    return None


def _view_content(noun: Any) -> Any:
    """What a noun of voicing a view says was voiced: the object of its preposition ("her
    criticism of the council"), or for a noun of saying its "that" clause ("his claim that
    the pier is safe", "her argument was that the pier is safe")."""
    lemma = noun.lemma_.lower()
    if lemma in CLAUSE_VIEW_NOUNS:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        # "stressed in his remarks that …": the clause is the verb's, the noun where it was said
        channel = noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and _is_speech(noun.head.head)
        if clause is not None and not channel:
            return clause
        if noun.dep_ == "conj":
            # "could not trust the board or Varga's assertion Tuesday that …": the parser hung
            # the noun's clause on the verb the noun is joined to the object of ("undercut
            # Varga's argument that …", the object itself, is as true, but no corpus marks it:
            # -0.0001 on PolNeAR train 600-840)
            first = noun
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            verb = first.head if first.dep_ in ("dobj", "obj") else None
            if verb is not None and (_is_speech(verb) or verb.lemma_.lower() in STANCE_VERBS | TOPIC_VERBS | INDIRECT_VERBS):
                verb = None  # "rebutted the oil company's accusation that …": the rebuttal takes the accusation whole
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None) if verb is not None else None
            owner_noun = _saying_noun_before(verb, clause) if clause is not None else None
            if owner_noun is not None and owner_noun.i == noun.i:
                return clause
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
            # "His assertion was that …": the clause is the copula's
            clause = next((c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.head.i
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is not None:
                return clause
    if bodily_attack(noun):
        return None
    preps = VIEW_NOUNS.get(lemma)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps and c.i > noun.i), None) if preps else None
    what = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return None if what is None or _a_broadcast(prep, what) else what  # "a comment on Twitter" says where
