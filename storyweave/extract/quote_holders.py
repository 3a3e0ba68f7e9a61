"""Who holds the side, finding or quoted label that a participle or a labelling verb gives."""

from __future__ import annotations

from typing import Any

from .attribution_words import (BACKING_VERBS, FINDING_PARTICIPLES, LABEL_VERBS, NON_PERSON_PRONOUNS, OPENERS,
                                QUOTE_MARKS, RECORD_NOUNS, RESEARCH_NOUNS)
from .quote_cues import _passive


def _side_taker(verb: Any) -> Any:
    """The noun a participle of taking a side describes ("a super PAC backing Varga", "dock
    workers opposing the levy", "placards supporting the mayor"): the side is that noun's,
    as a relative clause would say ("a PAC that backs Varga")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in BACKING_VERBS:
        return None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i > verb.i or noun.lower_ in NON_PERSON_PRONOUNS:
        return None
    return noun


def _finding_holder(verb: Any) -> Any:
    """The poll or record a participle of finding describes ("with a new poll showing Varga
    ahead", "records indicating that the levy was never paid"): the finding is that noun's,
    as "a poll that shows …" would say; a participle on anything else ("a video showing the
    crowd") states no finding. After "with" the parser gives the noun as the participle's own
    subject ("with some polls indicating that …")."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in FINDING_PARTICIPLES:
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if noun is None:
            return None
    elif verb.dep_ == "acl":
        noun = verb.head
    else:
        return None
    if noun.pos_ != "NOUN" or noun.i > verb.i or noun.lemma_.lower() not in RESEARCH_NOUNS | RECORD_NOUNS:
        return None
    return noun


#: Marks that open a quoted label after its object ("called the plan “reckless”"); a
#: single mark is as often an apostrophe, so only double ones count.
_LABEL_OPENERS = frozenset(OPENERS) | {"''", "``"}
#: Words an object phrase before a quoted label is made of ("the 12-nation pact", "AP's
#: report a", "him", "striking pilots"); a preposition ("called on Varga") or a verb other
#: than a modifier means no object.
_OBJECT_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART"})
_OBJECT_MARKS = frozenset({"-", "–", "'s", "’s", "'", "’"})
_MAX_LABELLED_OBJECT = 8


def _quoted_label(verb: Any) -> tuple[Any, Any] | None:
    """The first and last tokens of the object and quoted label that follow a labelling
    verb in the active voice, read off the words whatever the parse made of them ("called
    [the system “rigged”]", "branded [protesters “thugs” and “looters”]"): an object phrase
    naming someone or something, then the label in quotation marks, and any further label
    joined by "and" or "or". None when no object comes first: "a group called “The Ring”"
    gives a name; "consider" is left out, as what is considered need not be said."""
    if verb.lemma_.lower() not in LABEL_VERBS - {"consider"} or verb.pos_ != "VERB" or _passive(verb):
        return None
    doc, sent_end = verb.doc, verb.sent.end
    i = verb.i + 1
    while i < sent_end and i - verb.i <= _MAX_LABELLED_OBJECT and doc[i].text not in _LABEL_OPENERS:
        if doc[i].pos_ not in _OBJECT_WORDS and doc[i].text not in _OBJECT_MARKS and doc[i].dep_ not in ("amod", "compound"):
            return None
        i += 1
    if i >= sent_end or doc[i].text not in _LABEL_OPENERS \
            or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[verb.i + 1 : i]):
        return None
    last = None
    while i < sent_end and doc[i].text in _LABEL_OPENERS:
        close = next((j for j in range(i + 1, min(sent_end, i + 12)) if doc[j].text in QUOTE_MARKS), None)
        if close is None:
            break
        last = doc[close]
        after = close + 1
        while after < sent_end and doc[after].text in (",", "."):
            after += 1  # the comma or full stop the quote may hold
        if after + 1 < sent_end and doc[after].lower_ in ("and", "or") and doc[after + 1].text in _LABEL_OPENERS:
            i = after + 1
        else:
            break
    if last is None:
        return None
    after = last.i + 1
    if after < sent_end and doc[after].lower_ in ("that", "to") and doc[verb.i + 1].lower_ == "it" \
            and doc[verb.i + 2].text in _LABEL_OPENERS:
        return None  # "called it “shameful” that …": "it" stands for the clause after, the real object
    # "called the ferry owners “free riders” who rely on …": a relative clause on the label is part of it
    label = next((t for t in doc[i + 1 : last.i] if t.head.i not in range(i + 1, last.i)), None)
    clauses = [c for c in label.children if c.dep_ == "relcl" and c.i > last.i] if label is not None else []
    if clauses and clauses[-1].right_edge.i < sent_end:
        last = clauses[-1].right_edge
    return doc[verb.i + 1], last
