"""Parse-tree look-ups on reporting cues that several phases of the quote finder share:
which tokens are verbs of speech, the clause or object a cue verb reports, and the
"according to" phrase."""

from __future__ import annotations

from typing import Any

from .attribution_words import (
    SPEECH_VERBS, PHRASAL_SPEECH, PHRASAL_TOPIC_VERBS, TAKE_AIM_NOUNS, TAKE_AIM_PREPS, STANCE_VERBS, TOPIC_VERBS, SPEECH_NOUNS, PREP_OBJECT_VERBS,
    CIRCUMSTANCE_MARKS, LISTENER_VERBS, CLAUSE_VIEW_NOUNS, MADE_CLEAR_WORDS, ADVOCACY_NOUNS, RETORT_VERBS, BROADCAST_NOUNS,
    DEMAND_VERBS, MANDATIVE_VERBS, REFLEXIVE_PRONOUNS, PARTICLE_SENSE_VERBS, SENSE_PARTICLES, LETTING_IN_VERBS,
    ENTRANT_NOUNS, PERSON_NOUNS,
)
from .quote_noun_phrases import _a_dash


def _perfect_read_as_passive(verb: Any) -> bool:
    """Whether the parser read a contracted "has" as "is" ("he's said he would run", "who's
    called for more boats", "she's predicted big wins": "'s" as the passive auxiliary): a past
    participle after "'s" that takes an object, a clause, a particle or the preposition its
    verb voices with is the present perfect; "he's said to be angry", "she's seen as a
    moderate", "it's run by the council" stay passive."""
    if verb.tag_ not in ("VBN", "VBD") or not any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "agent" or c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in verb.children):
        return False

    def timed(phrase: Any) -> bool:  # "argued for years": when it was argued, not what
        return any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree)

    return any(c.dep_ in ("dobj", "obj", "ccomp", "dative", "prt") and c.i > verb.i and not timed(c)
               or c.dep_ == "prep" and c.i > verb.i and not timed(c) and (
                   c.lower_ in PREP_OBJECT_VERBS.get(lemma, ()) or lemma in DEMAND_VERBS and c.lower_ == "for")
               for c in verb.children)


def _passive(verb: Any, marks: tuple[str, ...] = ("nsubjpass", "auxpass")) -> bool:
    """Whether a verb is in the passive ("was praised by …"), by a child of one of the
    ``marks`` dependencies, and not a perfect the parser read as one
    (``_perfect_read_as_passive``)."""
    return any(c.dep_ in marks for c in verb.children) and not _perfect_read_as_passive(verb)


def aims_something(verb: Any) -> bool:
    """Whether "point" is the act of aiming: with an object and no "out" ("pointed a pistol
    at the guards", "pointed the way") it says nothing; "pointed out that …", "pointed out
    the cost", "pointed to the figures" and the idiom of blaming, "pointed the finger at
    the council", voice something."""
    return verb.lemma_.lower() == "point" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() != "finger"
                                                  for c in verb.children) \
        and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def demanded_of_subject(verb: Any) -> bool:
    """Whether a verb heads the "that" clause of a demand ("is demanding that the candidates
    propose a plan", "asked that the mayor explain the cost"): what its subject is asked to
    do or say, so the subject has said nothing."""
    first = verb
    while first.dep_ == "conj":
        first = first.head
    return first.dep_ == "ccomp" and first.head.lemma_.lower() in MANDATIVE_VERBS and first.head.i < first.i \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in first.children)


def _is_speech(token: Any) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if aims_something(token):
        return False
    if lemma in RETORT_VERBS and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False  # "to counter the rhetoric", "to retaliate": an act, not a retort
    if lemma == "add" and any(c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN") for c in token.children) \
            and any(c.dep_ == "prep" and c.lower_ == "to" and c.i > token.i for c in token.children):
        return False  # "can add a new title to his résumé: …" puts one thing with others
    if _put_it(token):
        return True  # "as the mayor put it, …", "she put it bluntly": a way of saying
    # "went on to promote the show" goes on doing, it does not go on speaking
    return lemma in SPEECH_VERBS or lemma in PHRASAL_SPEECH and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == PHRASAL_SPEECH[lemma] and c.i == token.i + 1 for c in token.children) \
        and not any(c.dep_ in ("xcomp", "advcl") and c.i > token.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in token.children)


def _put_it(verb: Any) -> bool:
    """Whether "put" is the idiom of saying: "it" as its only object and nothing placed
    anywhere ("as Varga put it", "put it plainly"; not "put it on the table", "put it to a
    vote", "put it off")."""
    return verb.lemma_.lower() == "put" and any(c.dep_ in ("dobj", "obj") and c.lower_ == "it" for c in verb.children) \
        and not any(c.dep_ in ("prep", "prt", "oprd", "dative", "ccomp", "xcomp") for c in verb.children)


def _complement(verb: Any) -> Any:
    """The clause a speech verb reports: its clausal complement, the one after it when
    there are two (the parser joins a quoted paragraph or an earlier clause to the verb as
    a second complement: "“…”\n\nBrennick, who …, said he may run"), or a "that" clause the parser hung on the noun of a
    prepositional phrase ("said in a statement that the pier is safe", read as a
    relative clause of "statement")."""
    titled = _clause_after_title(verb)
    if titled is not None:
        return titled
    # "Varga said, as the crowd left the hall, …": a clause opened by a conjunction of time
    # or cause tells when or why it was said, whatever the parser hung it as
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _circumstance(c) and not _after_object(verb, c)
               and not (verb.lemma_.lower() in PERCEIVING_VERBS and _small_clause(c))]
    after = [c for c in clauses if c.i > verb.i]
    if after or clauses:
        return (after or clauses)[0]
    question = _question_asked(verb)
    if question is not None:
        return question
    subject = _subject_with_predicate(verb)
    if subject is not None:
        return subject
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
    if gerund is not None and any(c.dep_ == "ccomp" and c.i > gerund.i for c in gerund.children):
        # "said seeing so many officers there was a welcome sight": the parser made the
        # gerund subject the verb's complement and hung the rest of the clause on it
        return gerund
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
    return _that_clause_after_dashed_aside(verb)


def _that_clause_after_dashed_aside(verb: Any) -> Any:
    """A "that" clause right after an aside set off by dashes just after the verb ("Varga,
    later claiming - wrongly again - that Brel had shut the quay, said …"), which the parser
    hung on anything but the verb: the aside is the writer's, the clause what was said; else
    None."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not _a_dash(doc[verb.i + 1]):
        return None
    closing = next((t for t in doc[verb.i + 2 : verb.sent.end] if _a_dash(t) or t.text in ",;:"), None)
    # (an aside with a verb of its own is a clause, not a word on how it was said)
    if closing is None or not _a_dash(closing) or closing.i + 1 >= len(doc) or any(
            t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 2 : closing.i]):
        return None
    mark = doc[closing.i + 1]
    clause = mark.head
    if mark.lower_ != "that" or mark.dep_ != "mark" or clause.i <= mark.i or clause.head is verb \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return clause


def _predicate_read_as_report(verb: Any) -> Any:
    """The clause the parser hung on a speech verb in a relative clause that is the predicate
    of the noun it describes ("Nothing the mayor said will calm the fishermen, Brel said": what
    "will calm the fishermen" is nothing, not something the mayor said), else None: so it is
    when the noun, with no relative pronoun after it, is hung on no verb
    but one after the clause, or on none at all."""
    if verb.dep_ != "relcl" or not _is_speech(verb) or any(c.tag_ in ("WDT", "WP") for c in verb.children):
        return None
    noun = verb.head
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or noun.i > verb.i or noun.dep_ not in ("nsubj", "npadvmod", "dep", "ROOT") \
            or not (noun.head.i == noun.i or noun.head.i > clause.right_edge.i):
        return None
    # the clause has no subject of its own: the noun is it ("… said the pier will close" has one)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children):
        return None
    return clause


def _subject_with_predicate(verb: Any) -> Any:
    """The subject a speech verb after it was given by the parser, with the predicate it read
    into a relative clause of that subject ("Nothing the mayor said will calm them, Brel
    said"): the whole is what the verb reports; else None."""
    return next((c for c in verb.children if c.i < verb.i and c.dep_ in ("nsubj", "npadvmod", "dep")
                 and any(_predicate_read_as_report(r) is not None for r in c.children)), None)


def _question_asked(verb: Any) -> Any:
    """"Lind asked the students if they were ready": the parser reads the "if" or "whether"
    clause right after the one asked as a condition; after "ask" it is the question put
    ("asked them to leave if it rained" asks an act, the condition is its own)."""
    if verb.lemma_.lower() != "ask" or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None
    asked = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "dative") and c.i > verb.i), None)
    after = asked.right_edge.i + 1 if asked is not None else verb.i + 1
    return next((c for c in verb.children if c.dep_ == "advcl" and c.left_edge.i == after
                 and c.left_edge.dep_ == "mark" and c.left_edge.lower_ in ("if", "whether")), None)


def _clause_after_title(verb: Any) -> Any:
    """"said on NBC’s “Meet the Press” on Sunday that …": the parser read the show's title as
    a verb and hung the "that" clause on it, or on its noun; the clause, else None."""
    for titled in verb.children:
        if titled.i > verb.i and titled.i > 0 and titled.doc[titled.i - 1].tag_ == "``" and titled.text[:1].isupper():
            for clause in titled.subtree:
                if clause.dep_ in ("ccomp", "relcl") and clause.i > titled.i \
                        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                    return clause
    return None


#: Verbs whose object and adjective ("is finding them reluctant", "find her more palatable")
#: are what someone perceives, not what they report.
PERCEIVING_VERBS = frozenset({"find", "consider", "deem"})


def _small_clause(clause: Any) -> bool:
    """Whether a clause has no verb, only an object and what it is taken to be."""
    return clause.pos_ == "ADJ" and not any(c.dep_ in ("mark", "aux", "auxpass", "cop") for c in clause.children)


def _after_object(verb: Any, clause: Any) -> bool:
    """Whether a clause belongs to the verb's object noun of saying ("denounced suggestions
    that …"), or comes after a comma that ends the verb's object, unquoted: the
    parser's join of the next clause ("since he announced his candidacy, here we are"); the
    object of "tell" is who heard it ("Kasich tells the crowd, he's been known …")."""
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and verb.i < c.i < clause.i]
    if any(c.lemma_.lower() in CLAUSE_VIEW_NOUNS for c in objects) or _saying_noun_before(verb, clause) is not None:
        return True  # "denounced suggestions by Trump, that they would deport …": the suggestion's clause
    return clause.left_edge.text == "," and doc[clause.left_edge.i + 1].text not in "“\"‘" \
        and verb.lemma_.lower() not in LISTENER_VERBS and bool(objects)


def _saying_noun_before(verb: Any, clause: Any) -> Any:
    """The noun of saying that a "that" clause the parser hung on the verb belongs to: the
    last of the verb's objects joined by "and"/"or", when it ends right before the clause, or
    before a time it was said ("could not trust the board or Varga's assertion Tuesday that
    the pier is safe": the assertion is Varga's, the clause what she asserted); else None."""
    if clause.i < verb.i or not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and verb.i < c.i < clause.i]
    for obj in objects:
        for noun in (obj, *obj.conjuncts):
            if not verb.i < noun.i < clause.i or noun.lemma_.lower() not in CLAUSE_VIEW_NOUNS:
                continue
            between = noun.doc[noun.i + 1 : clause.left_edge.i]
            if all(t.ent_type_ in ("DATE", "TIME") or t.dep_ == "npadvmod" or t.dep_ == "prep" and any(
                    c.ent_type_ in ("DATE", "TIME") for c in t.children) for t in between):
                return noun
    return None


def _clear_word(verb: Any) -> Any:
    """The "clear" of "made it clear" (or "plain") on a verb of making, else None."""
    if verb.lemma_.lower() != "make":
        return None
    return next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp") and c.lower_ in MADE_CLEAR_WORDS
                 and any(g.lower_ == "it" for g in c.children)), None)


def _circumstance(clause: Any) -> bool:
    """Whether a clause opens with a conjunction of time, cause or condition ("as the crowd
    left", "should the council refuse"), not with "that" ("that prices rose since the war"
    is still reported)."""
    marks = sorted((m for m in clause.children if m.dep_ == "mark"), key=lambda m: m.i)
    if marks:
        return marks[0].lower_ in CIRCUMSTANCE_MARKS
    # "…, should the campaign keep up its attacks": a condition by inversion, an "if"
    first = clause.left_edge
    return first.lower_ in ("should", "had", "were") and first.head.i == clause.i and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children)


def _set_out(verb: Any) -> bool:
    """Whether a verb and its particle set something out in words ("laid out a plan",
    ``PHRASAL_TOPIC_VERBS``)."""
    particle = PHRASAL_TOPIC_VERBS.get(verb.lemma_.lower())
    return particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


def _taken_aim_at(verb: Any) -> Any:
    """What "take" with a noun of attack or objection is aimed at ("took aim at the levy",
    "took a swipe at Varga", "takes issue with the ruling": ``TAKE_AIM_NOUNS``), the object
    of "at" or "with" on the noun or the verb; None for other takings ("took a shot of
    whisky", "took the issue to court")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
    if obj is None or obj.lemma_.lower() not in TAKE_AIM_NOUNS or any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
        return None  # ("a shot of whisky" is no attack)
    for holder in (obj, verb):
        prep = next((c for c in holder.children if c.dep_ == "prep" and c.i > obj.i and c.lower_ in TAKE_AIM_PREPS), None)
        target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if target is not None:
            return target
    return None


#: Nouns of people a verb may let in (``_people_let_in``).
_PEOPLE_NOUNS = PERSON_NOUNS | ENTRANT_NOUNS


def _people_let_in(verb: Any, obj: Any) -> bool:
    """Whether the object of "admit" is people let in ("admit 9,000 Ostlanders", "admitted
    refugees", "admitted Varga into the club"), not something owned up to ("admitted two
    mistakes")."""
    return obj.ent_type_ in ("NORP", "PERSON") or obj.tag_ == "NNPS" \
        or obj.lemma_.lower() in _PEOPLE_NOUNS \
        or any(c.dep_ == "prep" and c.lower_ == "into" for c in [*verb.children, *obj.children])


def _voiced_object(verb: Any) -> Any:
    """The object that holds what a stance or topic verb voices: the direct object of
    "endorsed the bill" or "discussed the budget", the object of "about" in "spoke about
    the budget"; None for other verbs."""
    lemma = verb.lemma_.lower()
    if lemma in PARTICLE_SENSE_VERBS and any(c.dep_ in ("prt", "prep") and c.lower_ in SENSE_PARTICLES for c in verb.children):
        return None  # "knocked Brel out of the race": another verb, no view
    if lemma in STANCE_VERBS or lemma in TOPIC_VERBS or _set_out(verb):
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
        if obj is None:
            # "most voters oppose raising the tax", "she supports keeping the pier open", "the
            # campaign reported raising $9 million": the parser makes a gerund object a clause,
            # but it is the position taken or the topic told all the same (an infinitive, "want
            # to stay", is an act the subject means to do, read elsewhere)
            obj = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and c.tag_ == "VBG"
                        and not any(a.dep_ in ("aux", "mark") for a in c.children)), None)
        if obj is not None and lemma in LETTING_IN_VERBS and _people_let_in(verb, obj):
            return None  # "wanted to admit 9,000 refugees": people let in, nothing owned up to
        return obj
    if lemma == "take":
        return _taken_aim_at(verb)
    if lemma == "make":
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
        if obj is None or obj.lemma_.lower() not in SPEECH_NOUNS:
            return None
        clause = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            return clause
        # "made the case for", "an appeal against"; but "made an announcement for the
        # speech" says nothing of the speech
        preps = ("of", "on", "about", "for", "against") if obj.lemma_.lower() in ADVOCACY_NOUNS else ("of", "on", "about")
        for holder in (obj, verb):
            prep = next((c for c in holder.children if c.dep_ == "prep" and c.i > obj.i and c.lower_ in preps), None)
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") and not _a_broadcast(prep, pobj):  # "made their case on Wednesday"
                return pobj
        return next((c for c in list(obj.children) + list(verb.children) if c.dep_ in ("acl", "xcomp") and c.i > obj.i), None)
    if lemma in PREP_OBJECT_VERBS:
        return next((pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in PREP_OBJECT_VERBS[lemma]
                     and prep.i > verb.i for pobj in prep.children
                     if pobj.dep_ in ("pobj", "pcomp") and not _a_broadcast(prep, pobj)), None)
    return None


def _a_broadcast(prep: Any, pobj: Any) -> bool:
    """Whether "on" or "over" names the show or line a remark went out on, not its topic
    ("made similar comments on the network’s “Harbour Live” program", "praised the crews over
    the radio"): a broadcast noun or a quoted title."""
    return prep.lower_ in ("on", "over") and (pobj.lemma_.lower() in BROADCAST_NOUNS or any(t.tag_ == "``" for t in pobj.subtree))


def _according_to(sent: Any) -> Any:
    for token in sent:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None


def _according_span(pobj: Any) -> tuple[int, int]:
    """Characters of "according to" given the object of its "to"."""
    according = pobj.head.head
    return according.idx, pobj.head.idx + len(pobj.head.text)


def finds_oneself(verb: Any) -> bool:
    """Whether "find" tells a state its subject came to be in ("found themselves targeted by
    challengers", "finds herself isolated"), not a finding: its object, or the subject of the
    clause after it, is a reflexive pronoun (session 36)."""
    if verb.lemma_.lower() != "find":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return any(o.lower_ in REFLEXIVE_PRONOUNS for o in objects)
