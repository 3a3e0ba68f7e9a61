"""The clause a speech verb reports: where it ends, the gap a relative leaves in it, what is the writer's."""

from __future__ import annotations

from typing import Any

from .attribution_words import (CHANNEL_PREPS, CONTRAST_MARKS, DOCUMENT_NOUNS, FINDING_PARTICIPLES,
                                INDIRECT_VERBS, LISTENER_VERBS, RECORD_NOUNS, RELATIVE_PRONOUNS,
                                RESEARCH_NOUNS)
from .quote_cues import _clear_word, _is_speech, _predicate_read_as_report
from .quote_marks import _words
from .quote_subjects import _clause_subject_after, _finite, _tense_tag

def _set_off_by_dash(phrase: Any) -> bool:
    """Whether a dash opens the phrase, as a writer's aside ("— a dream for many Democrats —")."""
    return phrase.doc[phrase.left_edge.i - 1].text in ("—", "–")


def _reports_again(second: Any, first: Any) -> bool:
    """Whether a speech verb joined to a reported clause is the speaker reporting again
    ("said A and said that B"), not an act inside what was reported ("said he would meet
    the mayor and tell her to resign", "said he never asked the board for money"): it is in
    the first verb's tense and reports something of its own."""
    return _tense_tag(second) == _tense_tag(first) and (
        second.lemma_ == first.lemma_ or any(c.dep_ in ("ccomp", "oprd") for c in second.children))


def _whole_clause(clause: Any, words: str, subject_before: bool = False) -> bool:
    """Whether a short reported clause (its ``words``) is still a statement of its own: it has
    a subject (or ``subject_before`` it, the noun a relative gap stands for) and a finite
    verb ("said they were angry"), unlike a fragment ("said so")."""
    finite = _tense_tag(clause) in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
    return finite and _words(words) >= 3 and (subject_before or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children))


#: Auxiliaries that put a verb in the present or the future ("can", "will"), which a past
#: speech verb's own narration does not continue in.
_PRESENT_AUXILIARIES = frozenset({"will", "'ll", "’ll", "can", "may", "must", "shall"})


def _joined_to_report(verb: Any, clause: Any) -> Any:
    """A verb the parser joined to a past speech verb after its reported clause but written
    in the present or future ("said the polls could be off, and have been wrong before",
    "noted the pier was rebuilt, and it still leaks"): the writer's own narration would go on
    in the past ("said …, and left the room"), so it is still what was said. A participle of
    speech after a past verb ("added, noting that most boats were insured then, but few are
    today") is narrated in that verb's tense, and the parser may join the clause to either."""
    narrator = verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i else verb
    if _tense_tag(narrator) != "VBD":
        return None
    for c in sorted({*verb.children, *narrator.children}, key=lambda c: c.i):
        if c.dep_ != "conj" or c.i <= clause.right_edge.i or c.pos_ not in ("VERB", "AUX") or _is_speech(c) \
                or c.lemma_.lower() in INDIRECT_VERBS and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            continue  # ("…, and now her allies fear that …" is someone else's report)
        if _tense_tag(c) in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.lower_ in _PRESENT_AUXILIARIES for a in c.children):
            return c
    return None


#: Pronouns by which a reported clause is about the speaker ("Varga said she would …").
_SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she"})


def _about_the_speaker(clause: Any) -> bool:
    """Whether a reported clause tells of the speaker's own doing: an infinitive the speaker
    governs ("pledged to rebuild") or a clause whose subject is a personal pronoun."""
    if clause.dep_ == "xcomp":
        return True
    return any(c.dep_ == "nsubj" and c.lower_ in _SPEAKER_PRONOUNS for c in clause.children)


def _second_that_clause(verb: Any) -> bool:
    """Whether a clause opens with "and that" or "but that" ("said the pier was safe but that
    the council would not pay"): a complementiser after a conjunction adds a second clause to
    the same report, whatever its verb, as no new cue word stands before it."""
    first = verb.left_edge
    # (the parser may read the complementiser as a determiner: "and that talk of dissent masked …")
    return first.lower_ == "that" and first.dep_ in ("mark", "det") and first.i >= 1 \
        and first.doc[first.i - 1].lower_ in ("and", "but") and any(g.dep_ in ("nsubj", "nsubjpass") for g in verb.children)


def _after_comma_and(verb: Any) -> bool:
    """Whether a conjoined verb's clause opens with a comma and "and"/"but" ("…, and the
    council wants …"), before its subject and anything else of its own."""
    first = verb.left_edge
    return first.i >= 2 and first.doc[first.i - 1].dep_ == "cc" and first.doc[first.i - 2].text == ","


def _writers_addition(clause: Any) -> bool:
    """Whether an adverbial clause set off after a reported one is the writer's contrast or
    concession ("…, while the council wants it closed", "…, even as the council …"). A
    participle there ("…, bringing its total to …") is as often part of what was said, so it
    stays, unless the report is of the speaker's own doing (``_clause_span``)."""
    marks = [m for m in clause.children if m.dep_ == "mark" and m.i < clause.i]
    if not marks:
        return False
    # a concession is the writer's too ("…, even as the council votes to close it")
    conceding = marks[0].lower_ in ("as", "though") and marks[0].i > 0 and marks[0].nbor(-1).lower_ == "even"
    return marks[0].lower_ in CONTRAST_MARKS or conceding


def _made_clear(verb: Any) -> Any:
    """The clause someone "made it clear" or "made it plain" ("made it clear that the pier
    would stay shut"): a statement, which the parser hangs on the adjective; None otherwise."""
    adjective = _clear_word(verb)
    if adjective is None:
        return None
    return next((c for c in adjective.children if c.dep_ in ("advcl", "ccomp") and c.i > adjective.i
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _closing_conjunct(verb: Any) -> bool:
    """Whether a verb is an attribution closing its sentence that the parser joined to the
    clause before as a second verb ("The cannery will close by May, but the crews will be paid,
    said its owner", "The plan includes a sea wall, Varga told the council"): set
    off by a comma alone, with no "and" or "but" joining it and nothing after it but its
    speaker, the one told and when or where it was said."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.left_edge.i == 0 or verb.doc[verb.left_edge.i - 1].text not in (",", "—", "–", "--"):
        return False  # "…, and officials said" is a second act
    after = verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
    return (after is None or after.is_sent_start or after.text in (".", "!", "?")) and not any(
        c.dep_ in ("ccomp", "xcomp", "advcl", "conj", "cc") and c.i > verb.i for c in verb.children)


def _relative_gap(verb: Any) -> Any:
    """The relative pronoun that a speech verb's clause leaves a gap for ("the levy, which
    she said was overdue", "a toll which he said the port should collect"): a "which" or
    "that" before the verb's own subject, hung in the clause it reports; None when the
    verb is no relative clause of that kind."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or _predicate_read_as_report(verb) is not None:
        return None
    if verb.dep_ != "relcl":
        # "adapted to what Lind said is a growing demand": a free relative's "what" right
        # before the speaker is the subject of what was said (of words said: "what he hopes
        # will happen" is a wish)
        return next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ == "what" and c.tag_ == "WP"
                     and c.i == subject.left_edge.i - 1), None) if _is_speech(verb) else None
    # ("a fund that auditors said was drained …": the parser may tag the relative
    # "that" as a complementiser, but right before the speaker it is the clause's subject)
    pronoun = next((t for t in clause.subtree if t.i < subject.i and t.lower_ in RELATIVE_PRONOUNS and (
        t.tag_ in ("WDT", "WP") or t.lower_ == "that" and t.dep_ in ("nsubj", "nsubjpass") and t.i == subject.left_edge.i - 1
        and _is_speech(verb))), None)
    if pronoun is not None or any(c.tag_ in ("WDT", "WP") for c in verb.children) or verb.head.i > verb.i:
        return pronoun
    # "a review Lind said was overdue": with no pronoun, a reported clause that has no
    # subject of its own has its gap there, filled by the noun the clause is on ("the
    # things he said he would do" leaves its gap elsewhere; "the woman he hopes will win"
    # is a wish, not words said)
    if _finite(clause) and _is_speech(verb) and subject.left_edge.i == verb.head.i + 1 and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children):
        return verb.head
    return None


def _adverbial_relative(verb: Any) -> bool:
    """Whether a relative clause is whole: "Minnesota, where he says he can win" has its own
    subject and leaves no gap in what it reports, as "the things he said he would do" does;
    so has "a campaign in which he has said that …"."""
    return any(c.tag_ == "WRB" and c.lower_ in ("where", "when") and c.i < verb.i
               or c.dep_ == "prep" and c.i < verb.i and any(g.dep_ == "pobj" and g.lower_ in ("which", "whom") for g in c.children)
               for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def _stolen_subject(verb: Any, clause: Any) -> Any:
    """The words the parser took from a reported clause's subject and hung on the speech
    verb ("said [about a third of the cost] went on repairs", read as "said about …"):
    the first such child between the verb and a finite clause with no subject of its own;
    None otherwise ("told reporters he would run" names the one spoken to)."""
    if clause.i < verb.i:
        return None
    second = next((c for c in verb.children if getattr(_clause_subject_after(verb, c), "i", None) == clause.i), None)
    if second is not None and (second.dep_ != "nsubj" or any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)):
        return second  # "said closed piers -- those on the coast -- hurt trade" (``_clause_subject_after``)
    if verb.lemma_.lower() in LISTENER_VERBS or _tense_tag(clause) not in ("VBD", "VBZ", "VBP") \
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    # a phrase of where or when it was said ("reported on his forms", "said in February")
    # is the verb's own
    return next((c for c in verb.children if verb.i < c.i < clause.left_edge.i and c.dep_ in ("prep", "dobj", "obj", "npadvmod")
                 and c.right_edge.i + 1 == clause.left_edge.i and c.lower_ not in CHANNEL_PREPS), None)


def _stranded(token: Any) -> bool:
    """Whether ``token`` is a preposition or article the parser left without the words it
    opens, which follow it ("escaped prosecution after | the 2008 collapse resonated": the
    collapse read as the next verb's subject); "what he fought for." ends in its own."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.dep_ in ("prep", "det") and not any(token.children) and following is not None \
        and following.pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN") and following.head.i != token.i


#: Words opening a condition an "as" attribution may follow ("If …, as some hope, …").
_CONDITION_MARKS = frozenset({"if", "when", "once", "unless", "should"})
#: Prepositions that give what a verb of speech is about ("hints at", "talks about").
_TOPIC_PREPS = frozenset({"at", "about", "of", "for", "over"})


def _participle_read_as_clause(clause: Any) -> bool:
    """"said in a statement issued an hour before the event": the parser read the participle
    after a noun as the verb's complement; it describes the noun and reports nothing."""
    return clause.tag_ in ("VBN", "VBD") and clause.left_edge.i == clause.i and clause.i > 0 \
        and clause.doc[clause.i - 1].lemma_.lower() in DOCUMENT_NOUNS and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in clause.children)


def _that_clause(verb: Any) -> bool:
    """Whether a verb's complement clause opens with "that" ("showing that most voters …")."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in verb.children)


def _states_finding(verb: Any) -> bool:
    """Whether a verb is a poll's or a record's finding verb with that noun as its subject
    ("… rejecting the levy: a Gazette poll this month found …" is a second report, which the
    parser may hang on the first as a complement)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() in FINDING_PARTICIPLES and subject is not None \
        and subject.lemma_.lower() in RESEARCH_NOUNS | RECORD_NOUNS
