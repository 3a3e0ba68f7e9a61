"""Stances, labels and attitudes: the position a stance or label verb, or an adjective of attitude, names."""

from __future__ import annotations

from typing import Any

from .attribution_words import (ATTITUDE_ADJECTIVES, ATTITUDE_PREPS, BROADCAST_NOUNS, CIRCUMSTANCE_PREPS,
                                DOCUMENT_NOUNS, FEELING_PARTICIPLES, FINITE_TAGS, HARM_REPORT_WORDS, HARM_WORDS,
                                PLACE_NOUNS, REASON_PREPS, STANCE_HOLDER_NOUNS, WRITERS_MODALS)

#: Determiners that make "on …" after a person a place or an occasion ("mocked Varga on the
#: radio", "hit Brel on a conference call"); without one it is a topic ("knocked Brel on trade").
_OCCASION_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
#: Where a stance can be written or spoken besides documents and broadcasts ("in an interview";
#: "op" is the first half of a split "op-ed").
_OCCASION_NOUNS = frozenset({"interview", "speech", "op"})

def bodily_attack(word: Any) -> bool:
    """Whether an "attack" (verb or noun) is blows, not words: told in a sentence, or just
    before one, of harm by hand or blade ("attacked Brel. He began to choke him"), or in a
    report of such violence, and not blamed or praised for anything ("attacked Varga over
    the stabbing" is words)."""
    if word.lemma_.lower() != "attack" or any(c.dep_ == "prep" and (c.lower_ in REASON_PREPS or c.lower_ == "as")
                                               for c in word.children):
        return False
    sentence = word.sent
    following = word.doc[sentence.end].sent if sentence.end < len(word.doc) else sentence
    if any(_harm(t) for part in (sentence, following) for t in part):
        return True
    return len({t.lemma_.lower() for t in word.doc if _harm(t)}) >= HARM_REPORT_WORDS


def _harm(token: Any) -> bool:
    return token.lemma_.lower() in HARM_WORDS  # (by lemma: "wound up" is "wind")


def _linked_attitude(word: Any) -> bool:
    """Whether a word is an adjective of attitude after a linking verb ("was eager")."""
    return word.pos_ == "ADJ" and word.dep_ == "acomp" and (
        word.lemma_.lower() in ATTITUDE_ADJECTIVES or word.lower_ in ATTITUDE_ADJECTIVES)


def _side_taken_by_role(noun: Any) -> Any:
    """The side a noun for one who takes sides names after a linking verb ("Holm has been a
    vocal critic of the levy": the levy), else None ("a critic" alone names no side)."""
    preps = STANCE_HOLDER_NOUNS.get(noun.lemma_.lower())
    if preps is None or noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.pos_ not in ("AUX", "VERB"):
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in preps), None)
    obj = next((o for o in prep.children if o.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return None if obj is None or any(t.ent_type_ in ("DATE", "TIME") for t in obj.subtree) else obj


def _opening_attitude(word: Any) -> bool:
    """Whether a word is an adjective of attitude or a participle of feeling opening its
    sentence, set off from the main clause ("Alarmed by the vote, …")."""
    return word.dep_ == "advcl" and word.i == word.sent.start and word.head.i > word.i \
        and (word.lower_ in ATTITUDE_ADJECTIVES | FEELING_PARTICIPLES)


def _supposed(verb: Any) -> bool:
    """Whether a linking verb states what the writer supposes of someone's mind: a modal of
    guessing ("must be wary") or a perfect after "would"/"could" ("would have been wary")."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & WRITERS_MODALS) or "have" in aux and bool(aux & {"would", "could", "'d"})


def _attitude_complement(adjective: Any) -> Any:
    """What an adjective of attitude is towards: its infinitive ("eager to run"), its clause
    ("confident that …") or the object of the preposition right after it ("wary of the deal");
    else None ("was angry" alone, "angry at the time" with a time)."""
    for c in adjective.children:
        if c.i < adjective.i:
            continue
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
        if c.dep_ == "ccomp" and not any(m.dep_ == "mark" and m.lower_ != "that" for m in c.children):
            return c
        if c.dep_ == "prep" and c.i == adjective.i + 1 and c.lower_ in ATTITUDE_PREPS:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and not any(t.ent_type_ in ("DATE", "TIME") for t in obj.subtree):
                return obj
    return None


def _regarded_as(verb: Any) -> list[Any]:
    """The "as" judgement of a verb of regarding that the parser hung elsewhere: on the object
    ("see police violence against protesters as a problem") or as a clause of its own ("sees
    the mayor as captured by the lobby", "see his push to close the pier as driven by
    ambition"); "such as" and "as well as" name examples, no judgement."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
    if obj is None:
        return []
    within = {t.i for t in obj.subtree} | {verb.i}
    relative = {t.i for c in obj.subtree if _complete_relative(c) for t in c.subtree}
    for token in obj.doc[obj.i + 1 : verb.sent.end]:
        if token.lower_ != "as" or token.doc[token.i - 1].lower_ in ("such", "well", "as", "so") or token.i in relative:
            continue
        if token.dep_ == "prep" and token.head.i in within and any(c.dep_ == "pobj" for c in token.children):
            return [token]
        if token.dep_ == "mark" and token.head.dep_ == "advcl" and token.head.head.i in within \
                and token.head.tag_ in ("VBN", "VBG", "JJ") and token.head.left_edge.i == token.i:
            return [token.head]
    return []


def _complete_relative(clause: Any) -> bool:
    """Whether a relative clause already says what its noun is (an adjective or a noun after
    "be", "become" …): an "as" the parser hung inside it is then the clause's ("see the rifts
    that have been bitter as a result of the strike": they were bitter as a result, no one
    judges them), while one after a clause that does something ("see the levy that the
    council passed as a burden") may still be the judgement the parser misplaced."""
    return clause.dep_ == "relcl" and any(c.dep_ in ("acomp", "attr") for c in clause.children)


def _small_clause(verb: Any) -> Any:
    """The object and label of a labelling verb that the parser read as a clause of its own,
    with no verb in it ("considers [Varga untrustworthy]", "considers [him a liar]"): the
    clause's head, the label; else None ("considered whether …" and a clause with a verb of
    its own are none)."""
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i or not (c.pos_ in ("ADJ", "NOUN") or c.tag_ == "VBN"):
            continue
        subject = next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)
        if subject is None or subject.i != verb.i + 1 and subject.left_edge.i != verb.i + 1:
            continue
        if any(t.dep_ in ("aux", "auxpass", "cop", "mark") for t in c.children):
            continue
        return c
    return None


#: Stance and topic verbs whose passive subject receives something rather than voices a view.
_PASSIVE_NO_VIEW = frozenset({"deny", "offer", "identify", "thank", "congratulate"})
#: Words for some of a group, who voice a view in a "by" phrase ("was criticized by some").
_PEOPLE_WORDS = frozenset({"some", "many", "most", "others", "few", "all"})
#: Parts of speech of nouns, one kind of list member whatever their tags.
_NOMINAL = frozenset({"NOUN", "PROPN"})


def _list_tail(last: Any) -> Any:
    """The last token of a list that the words ending at ``last`` open: what follows a comma
    there up to the sentence's end, when it holds "and" or "or", nothing with a subject or a
    finite verb of its own, and its first member is of a kind with the words before ("touted
    plans to dredge the harbour, rebuild the pier and cut the levy", "spoke of the decline of
    the port, the lack of jobs and the violence of the gangs"). None otherwise: "praised the
    crews, citing their speed and care" goes on with a phrase of another kind, the writer's."""
    sent = last.sent
    comma = last.i + 1
    while comma < sent.end and last.doc[comma].text in (")", "]"):
        comma += 1  # "Holm (D-Orsk), Lind (R-Vale) and Berg"
    if comma + 1 >= sent.end or last.doc[comma].text != ",":
        return None
    rest = [t for t in last.doc[comma + 1 : sent.end]]
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    if not rest or "\n" in last.doc[last.i : rest[-1].i + 1].text or not any(
            t.dep_ == "cc" and t.lower_ in ("and", "or") for t in rest):
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl", "mark") or t.tag_ in FINITE_TAGS or t.is_quote for t in rest):
        return None
    inside = {t.i for t in rest}
    first = next(t for t in rest if t.head.i not in inside or t.head.i == t.i)
    ending = [t for t in sent if t.i <= last.i <= t.right_edge.i <= comma]
    if not any(first.tag_ == t.tag_ if first.pos_ == "VERB" else t.pos_ in _NOMINAL and first.pos_ in _NOMINAL
               for t in ending):
        return None
    return rest[-1]


def _circumstance_prep(prep: Any, obj: Any) -> bool:
    """Whether a phrase hung on a stance verb after its object says when, where or through
    what the stance was voiced ("praised the crews at a rally", "attacked the board from the
    floor"); "on" only after a person or a pronoun ("mocked Varga on the radio"), since after a
    thing it is as often what the stance is about ("welcomed the ruling on the pier")."""
    if prep.lower_ == "on":
        return (obj.pos_ == "PRON" or obj.ent_type_ == "PERSON") and not _bare_topic(prep)
    return prep.lower_ in CIRCUMSTANCE_PREPS


def _bare_topic(prep: Any) -> bool:
    """Whether "on" takes a common noun with no article or demonstrative, which names what a
    stance is about ("knocked Brel on trade", "hit her on taxes"), not where it went out."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.pos_ == "NOUN" and pobj.ent_type_ not in ("DATE", "TIME") \
        and pobj.lemma_.lower() not in BROADCAST_NOUNS \
        and not any(c.dep_ in ("det", "poss") and c.lower_ in _OCCASION_DETERMINERS for c in pobj.children)


def medium_phrase(obj: Any) -> Any:
    """The first "in" phrase inside a stance's object that names the document, broadcast or
    interview it was voiced in ("panned Varga's plan in an op-ed in the Orsk Courier": the
    parser hangs it on "plan"), else None; the object ends before it."""
    for prep in obj.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i <= obj.i:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        # the tokenizer splits "op-ed" and the parser makes "op" a compound of "ed"
        words = {t.lemma_.lower() for t in pobj.subtree if t.i == pobj.i or t.dep_ == "compound"}
        if words & (DOCUMENT_NOUNS | BROADCAST_NOUNS | _OCCASION_NOUNS):
            return prep
    return None


def _object_infinitive(verb: Any, last: Any) -> Any:
    """An infinitive the parser hung on a stance verb that runs on from its object without a
    break ("defended his plan to raise the wage", "voted against a bill to cut taxes"): it
    says what the object is, so it is part of the position; None otherwise."""
    return next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.left_edge.i == last.i + 1
                 and c.left_edge.dep_ == "aux" and c.left_edge.lower_ == "to"), None)


def _a_place(token: Any) -> bool:
    """Whether a subject names places ("40 states", "a number of counties in Ohio",
    "Others, like Pennsylvania")."""
    if token.ent_type_ in ("GPE", "LOC") or token.lemma_.lower() in PLACE_NOUNS:
        return True
    return any(c.dep_ == "prep" and (c.lower_ == "like" and any(p.ent_type_ in ("GPE", "LOC") for p in c.children)
                                     or c.lower_ == "of" and any(p.lemma_.lower() in PLACE_NOUNS for p in c.children))
               for c in token.children)
