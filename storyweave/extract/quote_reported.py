"""Reported speech without quotation marks, found from cue words in the parse: the clause a
speech or belief verb reports (also inserted: "The pier, she said, will reopen"), labels
("called him a loser"), requests and vows, findings of polls and records, stances, topics
and choices, short answers ("said so") and nouns of voicing a view ("her criticism of
…"). Each phase returns candidates ``(start, end, cue token, kind)`` that do not overlap
the spans ``covered`` by the phases before it."""

from __future__ import annotations

import re
from typing import Any

from .._text import DATELINE
from .attribution_words import (
    SPEECH_VERBS, INDIRECT_VERBS, DEMAND_VERBS, LABEL_VERBS, REGARD_VERBS, MIN_STANCE_WORDS, GREETING_VERBS, TOPIC_VERBS, WITHHELD_NOUNS,
    SPEAKER_ONLY_TOPIC_VERBS, REASON_PREPS, REQUEST_VERBS, ORDER_VERBS, COMMIT_VERBS, PRESSING_VERBS, VIEW_NOUNS, CLAUSE_VIEW_NOUNS,
    VOICING_VERBS, ANSWER_VERBS, ANSWER_WORDS, CONTRAST_MARKS, NOT_VOICING_VERBS, FINDING_VERBS,
    RESEARCH_ONLY_FINDING_VERBS, RESEARCH_NOUNS, RECORD_NOUNS, FINDING_PARTICIPLES, BACKING_VERBS, CIRCUMSTANCE_PREPS, OBJECT_PRONOUNS, REFLEXIVE_PRONOUNS, MIN_LABEL_WORDS, PERSON_NOUNS, RELATIVE_PRONOUNS, MIN_QUOTE_WORDS, LISTENER_VERBS, CHANNEL_PREPS, PLACE_NOUNS,
    DOCUMENT_NOUNS, THAT_CONJUNCTIONS, INSTITUTION_NOUNS, ATTITUDE_ADJECTIVES, ATTITUDE_PREPS, STANCE_HOLDER_NOUNS,
    FEELING_PARTICIPLES, AGENT_COMMIT_VERBS, WRITERS_MODALS, STANCE_VERBS, FINITE_TAGS,
)
from .quote_context import FinderBase
from .quote_cues import (
    _a_broadcast, _circumstance, _clear_word, _complement, _is_speech, _passive, _predicate_read_as_report, _put_it,
    _saying_noun_before, _voiced_object, aims_something,
)
from .quote_marks import quoted_spans, _words
from .quote_speakers import (
    _clause_subject_after, _finding_holder, _finite, _fronted_subject, _quoted_label, _side_taker, _speakers_next_act, _subject,
    _tense_tag,
)


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


def _regarded_as(verb: Any) -> list[Any]:
    """The "as" judgement of a verb of regarding that the parser hung elsewhere: on the object
    ("see police violence against protesters as a problem") or as a clause of its own ("sees
    the mayor as captured by the lobby", "see his push to close the pier as driven by
    ambition"); "such as" and "as well as" name examples, no judgement."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
    if obj is None:
        return []
    within = {t.i for t in obj.subtree} | {verb.i}
    for token in obj.doc[obj.i + 1 : verb.sent.end]:
        if token.lower_ != "as" or token.doc[token.i - 1].lower_ in ("such", "well", "as", "so"):
            continue
        if token.dep_ == "prep" and token.head.i in within and any(c.dep_ == "pobj" for c in token.children):
            return [token]
        if token.dep_ == "mark" and token.head.dep_ == "advcl" and token.head.head.i in within \
                and token.head.tag_ in ("VBN", "VBG", "JJ") and token.head.left_edge.i == token.i:
            return [token.head]
    return []


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
        return obj.pos_ == "PRON" or obj.ent_type_ == "PERSON"
    return prep.lower_ in CIRCUMSTANCE_PREPS


def _object_infinitive(verb: Any, last: Any) -> Any:
    """An infinitive the parser hung on a stance verb that runs on from its object without a
    break ("defended his plan to raise the wage", "voted against a bill to cut taxes"): it
    says what the object is, so it is part of the position; None otherwise."""
    return next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.left_edge.i == last.i + 1
                 and c.left_edge.dep_ == "aux" and c.left_edge.lower_ == "to"), None)


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
    preps = VIEW_NOUNS.get(lemma)
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps and c.i > noun.i), None) if preps else None
    what = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return None if what is None or _a_broadcast(prep, what) else what  # "a comment on Twitter" says where


def _a_place(token: Any) -> bool:
    """Whether a subject names places ("40 states", "a number of counties in Ohio",
    "Others, like Pennsylvania")."""
    if token.ent_type_ in ("GPE", "LOC") or token.lemma_.lower() in PLACE_NOUNS:
        return True
    return any(c.dep_ == "prep" and (c.lower_ == "like" and any(p.ent_type_ in ("GPE", "LOC") for p in c.children)
                                     or c.lower_ == "of" and any(p.lemma_.lower() in PLACE_NOUNS for p in c.children))
               for c in token.children)


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


class ReportedSpeech(FinderBase):
    """The phases that find reported speech from cue words."""

    def _indirect(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        out = []
        quoted = quoted_spans(self.text)
        for token in self.doc:
            lemma = token.lemma_.lower()
            made_clear = _made_clear(token)
            if not (token.pos_ == "VERB" and (lemma in INDIRECT_VERBS or lemma in DEMAND_VERBS or made_clear is not None
                                              or self._voices_that_clause(token))) or aims_something(token):
                continue
            if _finding_holder(token) is not None and not _that_clause(token):
                continue  # "the polls showing Varga leading" is read last (_participle_findings)
            gap = _relative_gap(token)
            if token.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in token.children) \
                    and not _adverbial_relative(token) and gap is None:
                # "the things he said he would do" leaves an unmarked gap in its clause; "voters
                # who said they were angry" (the relative pronoun being the speaker) reports a
                # whole one, and "the levy, which she said was overdue" one about the noun.
                continue
            clause = _complement(token) if lemma in INDIRECT_VERBS or lemma not in DEMAND_VERBS else None
            demand = None
            clause = made_clear if made_clear is not None else clause
            if clause is None and lemma in DEMAND_VERBS:
                # "Clinton called for a ban on assault weapons": the demand is what was said,
                # when someone who can speak made it ("the situation calls for calm" is no demand).
                subject = _subject(token)
                if subject is None or not self._can_demand(subject) or _passive(token, ("auxpass",)):
                    continue  # ("500 supporters were called for the rally": called on, not calling)
                if lemma == "call" and any(c.dep_ in ("dobj", "oprd") for c in token.children):
                    continue  # "called the deal a turning point for the coast" names; "called for" has no object
                prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
                clause = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")),
                              None) if prep is not None else None
                demand = clause
            # "the plan, which she said would fail" reports only through the gap its relative
            # pronoun fills (below); a demonstrative "that" ("said that was a mistake", tagged DT)
            # is an ordinary subject.
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not None else []
            # ("told investors that concerns … were overblown": a "that" beside another subject
            # is the complementiser the parser misread; "insisted that was not part of the deal":
            # right after the verb it is a demonstrative, relative to nothing)
            if clause is None or gap is None and len(subjects) == 1 and subjects[0].lower_ in RELATIVE_PRONOUNS \
                    and subjects[0].tag_ in ("WDT", "WP") and subjects[0].i != token.i + 1:
                continue
            if _participle_read_as_clause(clause):
                continue
            start, end = self._clause_span(clause)
            purpose = _object_infinitive(token, clause.right_edge) if demand is not None else None
            if purpose is not None:
                # "called for a special prosecutor to oversee the inquiry": what the one asked for should do
                end = self._clause_end(purpose.right_edge.idx + len(purpose.right_edge.text), start)
            split = next((c for c in token.children if c.dep_ == "ccomp" and c.i > clause.i > token.i
                          and c.left_edge.i == clause.right_edge.i + 1 and not c.left_edge.is_punct and not _circumstance(c)
                          # "said A, and more than half said B" is a second report
                          and clause.right_edge.dep_ != "cc" and not _is_speech(c) and not _states_finding(c)
                          # "the levy, which she said was overdue, passed": the comma closes the aside
                          and not (gap is not None and clause.right_edge.text == ",")), None)
            if split is not None and "\n" not in self.text[end : split.right_edge.idx]:
                # "told the board he was upset there have not been more boats …": the parser broke
                # one clause into two complements of the verb, side by side
                end = max(end, self._clause_end(split.right_edge.idx + len(split.right_edge.text), start))
            stolen = _stolen_subject(token, clause)
            if stolen is not None:
                start = min(start, stolen.left_edge.idx)
            if gap is not None:
                # "the levy, which she said was overdue": the relative pronoun stands for the
                # noun before and fills a gap in the clause; what was said is the clause after
                # the verb, about that noun.
                if not (gap.i < token.i < clause.i) or clause.i not in {t.i for t in token.children}:
                    continue
                start = max(start, self.doc[token.i + 1].idx)
            long_quotes = [(a, b) for a, b in quoted if _words(self.text[a:b]) >= MIN_QUOTE_WORDS]
            end = self._run_on_end(token, clause, start, end, covered + long_quotes)
            # (the noun a gap stands for is the subject of its clause: "a review Lind said was overdue")
            if start <= token.idx < end or _words(self.text[start:end]) < 4 and not _whole_clause(
                    clause, self.text[start:end], gap is not None and gap.i == token.head.i) and clause is not demand:
                continue  # (a demand is whole in a few words: "called for higher wages")
            if _words(self.text[start:end]) < 4:
                self._short_answers.add((start, end))  # "said they were angry" is a statement whole
            if end <= token.idx:
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
                if subject is None:
                    continue  # a clause before the verb is speech only in "…, X said" order
                # The parser hangs a second half ("… has collapsed but the store is intact,
                # crews said") or an apposition ("Yemen, two countries on the gulf, Sinha
                # said") on the speech verb: all before the speaker is what was said, and before
                # the verb when the speaker follows it ("…, says harbour master Ida Marsh").
                # (an adverb with words of its own, "as long as they …", is a clause the parser
                # hung on the verb, part of what was said)
                cue = min([token.idx] + [c.idx for c in token.children
                                         if c.dep_ in ("aux", "neg", "advmod") and clause.right_edge.i < c.i < token.i
                                         and not (c.dep_ == "advmod" and (c.n_lefts or c.n_rights))])
                end = max(end, self._clause_end(min(subject.left_edge.idx, cue), start))
            # Reported speech stays in its paragraph: a line above it the parser read into the
            # clause ("Live updates and local coverage") is no part of what was said.
            if token.idx > start:
                start = max(start, self.text.rfind("\n", start, min(end, token.idx)) + 1)
            end = self._before_quoted_aside(token, clause, start, end, covered)
            # (a verb inside the clause is an aside in it: "Any plan, said Lind, would fail")
            inner = self._reported_inside(token, token, start, end) if not start <= token.idx < end else set()
            if self._holds_quote(start, end, [c for c in covered if c not in inner], [q for q in quoted if q not in inner]):
                continue  # scare quotes ("the NFL has gone “soft”") leave it reported speech
            if gap is not None and token.head.ent_type_ not in ("DATE", "TIME") and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != gap.i for c in clause.children):
                # only a gap for the subject reads with the noun before it ("[the levy] was
                # overdue", not "[the toll] the port should collect"); a clause "on Monday,
                # which …" is about the thing, not the day
                self._gap_nouns[(start, end)] = self._gap_noun(token)
            out.append((start, end, token, "indirect"))
        return out

    def _run_on_end(self, verb: Any, clause: Any, start: int, end: int, taken: list[tuple[int, int]]) -> int:
        """The end of a reported clause after the verb, run on through what the parser joined
        to the speech verb but is still reported: a second "that" clause ("said the pier needs
        repairs, but that the council would not pay") and a verb in the present or future
        (``_joined_to_report``); ``taken`` are quotes the run may not reach into."""
        if clause.i < verb.i:
            return end
        more = next((c for c in verb.children if c.dep_ == "conj" and c.idx >= end and not _is_speech(c)
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        # "said that she had seen the letters, and that the talk masked …": the parser may make
        # the second "that" clause a complement of its own; "and that" still joins it to the first
        more = more or next((c for c in verb.children if c.dep_ == "ccomp" and c.i > clause.i and c.idx >= end
                             and _second_that_clause(c)), None)
        if more is not None and "\n" not in self.text[end : more.idx]:
            end = self._clause_end(more.right_edge.idx + len(more.right_edge.text), start)
        joined = _joined_to_report(verb, clause)
        return self._joined_end(joined, start, end, taken) if joined is not None else end

    def _joined_end(self, joined: Any, start: int, end: int, taken: list[tuple[int, int]]) -> int:
        """The end of a reported clause run on to the verb joined to it (``_joined_to_report``),
        short of the punctuation after it ("… it still leaks. ''" where the parser took in the
        next quote's opening mark); ``end`` when that would cross a paragraph or run into a quote
        (``taken``; scare quotes of one word leave it reported speech, as in ``_holds_quote``)."""
        last = joined.right_edge
        while last.i > joined.i and (last.is_punct or last.is_quote or last.is_space):
            last = last.nbor(-1)
        stop = self._clause_end(last.idx + len(last.text), start)
        if "\n" in self.text[end:stop] or any(s < stop and end < e for s, e in taken):
            return end
        return max(end, stop)

    def _reported_inside(self, head: Any, verb: Any, start: int, end: int) -> set[tuple[int, int]]:
        """The spans covered so far (quotes, mixed quotes' clauses, reported clauses) that the
        clause ``start``–``end`` of ``head`` holds with a speaker and cue of their own before
        them ("Ross said Obama had told the leaders he would allow “no daylight”", "Instead,
        she said, her boss told her he had booked a room"): ``verb`` reports that statement
        whole, so they leave its clause reported speech; which of the two is the utterance is
        settled when both are made (``_without_relays``)."""
        inside: set[tuple[int, int]] = set()
        subtree = {t.i for t in head.subtree}
        for span, cue in self._covered_cues.items():
            # the inner cue opens its statement; one after a quote ("“…,” Lind added") hands
            # the quote over to a speaker of its own
            if cue.i == verb.i or cue.i not in subtree or not start <= cue.idx < span[0] < end:
                continue
            if verb.idx >= end and re.search(r"[—–-]\s*(?:''|\W)?$", self.text[max(start, span[0] - 5) : span[0]]):
                continue  # "… - “He would have loved Stalin,” Biden said - …": an aside of its own
            subject = _subject(cue)
            if subject is not None and start <= subject.idx < end:
                inside.add(span)
        return inside

    def _holds_quote(self, start: int, end: int, covered: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> bool:
        """Whether a clause overlaps a quote already found or holds quoted words of its own,
        which leave it to the direct quote; the title of a work named in a longer clause
        ("said it reminds him of the book titled “…”") does neither."""
        def title_inside(s: int, e: int) -> bool:
            return (s, e) in self._work_titles and _words(self.text[start:end]) - _words(self.text[s:e]) >= 4
        return any(s < end and start < e and not title_inside(s, e) for s, e in covered) or any(
            s < end and start < e and _words(self.text[s:e]) >= MIN_QUOTE_WORDS and not title_inside(s, e) for s, e in quoted)

    def _before_quoted_aside(self, verb: Any, clause: Any, start: int, end: int, covered: list[tuple[int, int]]) -> int:
        """"said he backed the bill on accreditation bodies, which he called “a cartel”": a
        quote in a relative clause set off by a comma is a remark of its own about a noun
        of what was said, as is one a participle of speech introduces ("…, explaining, “…”"),
        so the report ends at that comma and both are kept."""
        quoted = [s for s, e in covered if start < s < end and (s, e) not in self._work_titles]
        if not quoted:
            return end
        first = min(quoted)
        for token in clause.subtree:
            aside = token.dep_ == "relcl" or token.dep_ == "advcl" and token.tag_ == "VBG" and _is_speech(token)
            if not aside or token.left_edge.i == 0:
                continue
            comma = self.doc[token.left_edge.i - 1]
            if comma.is_quote and comma.i > 0:
                comma = self.doc[comma.i - 1]  # "the book titled “…,” explaining"
            last = token.right_edge
            if comma.text == "," and max(start, verb.idx) < comma.idx < first <= last.idx + len(last.text) + 1 \
                    and _words(self.text[start:comma.idx]) >= 4:
                return comma.idx
        return end

    def _gap_noun(self, verb: Any) -> str:
        """The noun phrase a relative clause's gap stands for, without the clause ("Harbor
        Tools, which he said moved 1,400 jobs" → "Harbor Tools"); a capital "The" opening a
        sentence is lowered, as the words are shown inside the quote."""
        if verb.dep_ != "relcl":
            # "what she said is overdue": "[it] is overdue", as editors fill a free relative
            # ("what he said were lies": "[they] were lies")
            plural = any(c.dep_ == "ccomp" and (c.tag_ == "VBP" or c.lower_ == "were") for c in verb.children)
            return "they" if plural else "it"
        noun = verb.head
        first = noun.left_edge
        last = max((t for t in noun.subtree if t.i < verb.left_edge.i), key=lambda t: t.i, default=noun)
        while last.i > first.i and (last.is_punct or last.dep_ == "cc"):
            last = self.doc[last.i - 1]
        words = self.text[first.idx : last.idx + len(last.text)]
        if first.dep_ == "det" and first.is_sent_start and first.text in ("The", "A", "An"):
            words = first.lower_ + words[len(first.text):]
        return words

    def _voices_that_clause(self, verb: Any) -> bool:
        """Whether a verb outside the speech lists still reports what its subject said or
        thinks: "joked that …", "conceded privately that …", "figures that …". A "that"
        clause after the verb of someone who can speak is their statement or belief; verbs of
        bringing something about ("ensured that the pier reopened") are not."""
        if verb.lemma_.lower() in NOT_VOICING_VERBS:
            return False
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None) if clause is not None else None
        if mark is None:
            return False
        if any(t.lower_ in ("so", "such") for c in verb.children if c.i < clause.i for t in (c, *c.children)):
            return False  # "was so consumed with the hostages that he traded arms": a result, not a statement
        if mark.i > 0 and mark.doc[mark.i - 1].lower_ in THAT_CONJUNCTIONS:
            return False  # "is spending more now that others pay": a time or condition, not a statement
        if _saying_noun_before(verb, clause) is not None:
            return False  # "cannot trust Varga's assertion that …": what she asserted, not trusted
        subject = _subject(verb)
        return subject is not None and self._can_speak(subject)

    def _parentheticals(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"The pier, she said, will reopen in May", "The pier will reopen, she said": the
        parser hangs an inserted attribution on the reported clause as a side remark, so the
        speech verb has no clause of its own; what was said is the whole clause around it.
        So it is when the parser joins a closing attribution to the clause as a second verb
        ("The cannery will close by May, said its owner": ``_closing_conjunct``)."""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.dep_ != "parataxis" and not _closing_conjunct(token) or token.pos_ != "VERB" \
                    or not (lemma in INDIRECT_VERBS or lemma in SPEECH_VERBS):
                continue
            around = self._inserted_clause(token)
            if around is None:
                continue
            start, end, first, last = around
            closing = token.dep_ == "conj"
            if closing:
                end = self._clause_end(first, start)  # what was said ends where its attribution begins
            while end > start and self.text[end - 1] in "'\"”’ .,":
                end -= 1  # a stray closing mark of the passage around is no part of the clause
            if _words(self.text[start:end]) - (0 if closing else _words(self.text[first:last])) < 4:
                continue
            inner = self._reported_inside(token.head, token, start, end)
            if self._holds_quote(start, end, [c for c in covered if c not in inner], [q for q in self._quoted if q not in inner]):
                continue
            if not closing:
                self._inserted[(start, end)] = (first, last)
            out.append((start, end, token, "indirect"))
        return out

    def _as_attributions(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"As Varga told reporters, the pier will close in May", "The pier, as Varga noted,
        is older than the town hall": an attribution opened by "as" says the clause it is
        set in; the clause around it is what was said."""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            # verbs that report a clause: "as the crowd shouted, …" tells when
            if token.dep_ != "advcl" or token.pos_ != "VERB" or lemma not in INDIRECT_VERBS and not _put_it(token):
                continue
            if token.left_edge.lower_ != "as" or token.left_edge.dep_ != "mark" \
                    or not any(c.dep_ == "nsubj" for c in token.children):
                continue
            # "as he said he would" reports its own clause; "as she expected it" is no attribution
            # and "as the council hints at new rules" tells what it speaks about, not the clause
            if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ in ("dobj", "obj") and lemma not in LISTENER_VERBS and not _put_it(token)
                   or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS for c in token.children):
                continue
            host = token.head
            if host.pos_ in ("NOUN", "PROPN", "PRON") and host.head.i != host.i:
                host = host.head  # "The pier, as the mayor noted, is …": hung on the subject
            aside = range(token.left_edge.i, token.right_edge.i + 1)
            if host.pos_ not in ("VERB", "AUX") or host.i in aside or not self._set_off(aside):
                continue
            subject = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            # "Of course, as Ruiz observed, the pier …": words before an attribution that opens
            # the clause frame it, they are not said
            tokens = [t for t in host.subtree if t.i not in aside and (subject is None or subject.i < aside[0] or t.i > aside[-1])]
            condition = next((c for c in host.children if c.dep_ == "advcl" and c.i != token.i and c.right_edge.i == aside[0] - 2
                              and any(m.dep_ == "mark" for m in c.children)), None)
            if condition is not None:
                # "If the wages rise, as some hope, the town gains": the hope is the condition's
                tokens = list(condition.subtree)
            while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc" or tokens[0].lower_ in _CONDITION_MARKS):
                tokens.pop(0)
            while tokens and tokens[-1].is_punct:
                tokens.pop()
            if not tokens:
                continue
            start = max(tokens[0].idx, self.text.rfind("\n", 0, token.idx) + 1)
            end = self._clause_end(tokens[-1].idx + len(tokens[-1].text), start)
            if _words(self.text[start:end]) < 4 or "\n" in self.text[start:end] or self._holds_quote(start, end, covered, self._quoted):
                continue
            first, last = self.doc[aside[0]], self.doc[aside[-1]]
            if start < first.idx < end:
                self._inserted[(start, end)] = (self.doc[aside[0] - 1].idx, last.idx + len(last.text))
            out.append((start, end, token, "indirect"))
        return out

    def _set_off(self, aside: range) -> bool:
        """Whether a span of tokens is set off from its sentence by commas or dashes (or
        opens or closes it)."""
        before = self.doc[aside[0] - 1] if aside[0] > 0 else None
        after = self.doc[aside[-1] + 1] if aside[-1] + 1 < len(self.doc) else None
        opens = before is None or before.is_sent_end or before.is_space or before.i < self.doc[aside[0]].sent.start
        closes = after is None or after.is_sent_end or after.text in ".!?"
        return (opens or before.text in (",", "—", "–")) and (closes or after.text in (",", "—", "–")) \
            and not (opens and closes)

    def _inserted_clause(self, token: Any) -> tuple[int, int, int, int] | None:
        """The clause an inserted attribution ("The pier, she said, will reopen") sits in, as
        characters (start, end) without it, and the characters of the attribution with its
        comma or dash; None when ``token`` is no such inserted speech verb."""
        lemma = token.lemma_.lower()
        host = token.head
        if host.pos_ not in ("VERB", "AUX") or host.i == token.i:
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return None
        # an inserted attribution reports nothing of its own: "told reporters" names the
        # one spoken to, but a clause or object of its own is a sentence of its own
        if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ in ("dobj", "obj") and lemma not in ("tell", "ask") for c in token.children):
            return None
        fronted = _fronted_subject(token)
        # "At times, aides said, the mere mention …": the parser can hang the clause's opening
        # phrase on the inserted verb; the attribution begins at its subject or verb
        opening = min(token.i, *(c.left_edge.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass")))
        inserted = [t for t in token.subtree if (fronted is None or t.i > fronted.right_edge.i) and t.i >= opening]
        first, last = inserted[0], inserted[-1]
        words = [t for t in inserted if not t.is_punct]
        before = self.doc[words[0].i - 1] if words[0].i > 0 else None
        if before is None or before.text not in (",", "—", "–"):
            return None  # set off by a comma or a dash, as an inserted remark is
        first = min(first, before, key=lambda t: t.i)
        if host.dep_ in ("relcl", "acl"):
            return None  # "the days when, he said, …" reports inside a description
        # an aside after the clause ("…, the latter a reference to …") is the writer's
        # gloss, not what was said
        framing = {t.i for c in host.children if c.i != token.i and (
            c.dep_ in ("npadvmod", "appos") and c.i > last.i
            and self.doc[c.left_edge.i - 1].text == ",") for t in c.subtree}
        cut = min(framing, default=host.right_edge.i + 1)
        tokens = [t for t in host.subtree if not first.i <= t.i <= last.i and t.i < cut]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens.pop(0)
        if not tokens or tokens[0].tag_ in ("WRB", "WDT") and not tokens[0].lower_.endswith("ever") \
                and tokens[0].head.i == host.i:
            # "the days when, he said, …" reports inside a description ("Whatever progress he
            # made, aides said, could …" opens a clause of its own, and so does a time clause
            # the words open with: "When she saw him, he said, her eyes widened")
            return None
        start = min(t.idx for t in tokens)
        end = self._clause_end(max(t.idx + len(t.text) for t in tokens), start)
        start = max(start, self.text.rfind("\n", 0, token.idx) + 1)
        if "\n" in self.text[token.idx : end]:
            end = self._clause_end(self.text.index("\n", token.idx), start)
        return start, end, first.idx, last.idx + len(last.text)

    def _labels(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Bush called him a loser": the object and its label, as reported speech."""
        out = []
        for token in self.doc:
            span = self._label_span(token) if token.pos_ == "VERB" else None
            if span is None or _words(self.text[span[0] : span[1]]) < MIN_LABEL_WORDS:
                continue
            if any(s < span[1] and span[0] < e for s, e in covered):
                continue
            out.append((span[0], span[1], token, "indirect"))
        return out

    def _label_span(self, verb: Any) -> tuple[int, int] | None:
        """Characters of the object and its label after a labelling verb in the active voice
        ("called [him a loser]", "labelled [the plan “reckless”]"); None for a name given
        ("a group called the Freedom Caucus": no subject) or a passive ("he was called")."""
        span = self._label_by_parse(verb)
        if span is None and (words := _quoted_label(verb)) is not None and _subject(verb) is not None:
            # the parser may hang the object or the label anywhere ("called the system
            # “rigged”" read the label as the object's participle), or read the verb as a
            # noun's modifier; the quotation marks still show where the label ends
            span = words[0].idx, words[1].idx + len(words[1].text)
        return span

    def _label_by_parse(self, verb: Any) -> tuple[int, int] | None:
        """The object and label of ``_label_span`` as the parse shows them."""
        lemma = verb.lemma_.lower()
        if lemma not in LABEL_VERBS and lemma not in REGARD_VERBS and lemma != "refer" or verb.dep_ in ("acl", "relcl", "amod"):
            return None
        if _passive(verb) or _subject(verb) is None:
            return None
        if lemma == "refer":
            # "referred to Varga as a bright leader": a label given through "to … as"
            to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i), None)
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and to is not None and c.i > to.i), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is None or as_ is None:
                return None
            start, last = obj.left_edge.idx, as_.right_edge
            return start, self._clause_end(last.idx + len(last.text), start)
        if lemma in REGARD_VERBS:
            predicates = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
            predicates = predicates or _regarded_as(verb)
        elif (small := _small_clause(verb)) is not None:
            # "considers Varga untrustworthy", "called him a liar": object and label read as one clause
            return small.left_edge.idx, self._clause_end(small.right_edge.idx + len(small.right_edge.text), small.left_edge.idx)
        else:
            predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
            # "called the plan “a reckless gamble”" is often parsed as an apposition
            predicates += [a for c in verb.children if c.dep_ in ("dobj", "obj") for a in c.children if a.dep_ == "appos"]
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "obj", "oprd", "nmod", "ccomp")]
        objects = [c for c in right if not (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))]
        if not predicates or len(objects) < 2 and not any(c.dep_ in ("dobj", "obj") for c in right):
            # "called Trump" with no label, or a label with no object (a clause after it is no
            # object: "a PAC called Our Principles is ramping up" gives a name, read as the main verb)
            return None
        start = right[0].left_edge.idx
        last = predicates[-1].right_edge
        return start, self._clause_end(last.idx + len(last.text), start)

    def _requests(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga urged the council to rebuild the pier": whom the subject asked, and to do
        what. (Questions, "asked whether …", are clauses and read as indirect speech.)"""
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.pos_ != "VERB" or lemma not in REQUEST_VERBS and lemma not in COMMIT_VERBS \
                    and lemma not in DEMAND_VERBS or token.dep_ in ("amod", "acl", "relcl"):
                continue
            if _passive(token) or _subject(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            act = next((c for c in token.children if c.dep_ == "xcomp" and c.i > token.i), None)
            pressed = obj if lemma in PRESSING_VERBS else None  # "pushed the board to act", as "urged"
            if lemma in DEMAND_VERBS:
                if not self._can_demand(_subject(token)):
                    continue  # "the plan calls for the council to pay": a document's terms, no demand
                # "called on the mayor to resign": the one asked is the object of "on"; "called for
                # the council to act": the parser makes the act a clause marked by "for".
                on = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "on" and c.i > token.i), None)
                obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
                if on is not None and obj is None:
                    # the parser often leaves "on" bare and hangs the person on the verb
                    obj = next((c for c in token.children if c.dep_ in ("oprd", "dobj", "obj") and c.i > on.i), None)
                clause = next((c for c in token.children if c.dep_ == "advcl" and c.i > token.i and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
                if obj is None and clause is not None:
                    obj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    act = clause
                obj = pressed if obj is None and on is None and clause is None else obj
            if lemma in COMMIT_VERBS and not (lemma in DEMAND_VERBS and obj is not None):
                # "vowed to veto the bill": the act alone, no one asked ("pushed for the board
                # to act" stays a demand of the board, and "pushed the board to act" asks it)
                obj = act if obj is None and not any(c.dep_ in ("dobj", "obj") and c.i > token.i for c in token.children) else None
                subject = _subject(token)
                if lemma in ("promise", "threaten") and not (self._can_speak(subject) or subject.ent_type_ == "NORP"
                                                            or subject.lemma_.lower() in PERSON_NOUNS):
                    continue  # "retirements promise to swell costs", "the decision threatens to create a bind"
                if lemma in AGENT_COMMIT_VERBS and subject.pos_ == "NOUN" and "Plur" not in subject.morph.get("Number") \
                        and not self._person_or_speaker(subject):
                    continue  # "the levy aims to cut debts": a thing's purpose, no one's aim
                if lemma == "look" and (act is None or act.lemma_.lower() == "be" or token.tag_ != "VBG"):
                    continue  # "is looking to win" is an aim; "looks to be close" a guess
            if obj is None or act is None or act.i < obj.i:
                continue
            if lemma in ORDER_VERBS and not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                continue  # "told the gazette in an interview recorded …": no act asked of anyone
            start = obj.left_edge.idx
            last = act.right_edge
            while last.i > act.i and (last.is_punct or last.dep_ == "cc"):
                last = last.nbor(-1)
            tail = _list_tail(last)  # "vowed to dredge the harbour, rebuild the pier and cut the levy"
            last = tail if tail is not None else act.right_edge
            end = self._clause_end(last.idx + len(last.text), start)
            if any(s < end and start < e for s, e in covered):
                continue
            if _words(self.text[start:end]) < 4:
                if not (lemma in COMMIT_VERBS and _is_speech(act)):
                    continue
                # "declined to comment", "refused to say": a refusal to speak is short but whole
                self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _attitudes(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Varga was eager to reopen the pier", "the mayors are wary of the levy", "Holm is
        confident that the ferry will sail": an adjective of attitude after a linking verb
        names a position its subject holds; what its complement names is that position. So
        does one, or a participle of feeling, opening the sentence ("Alarmed by the vote,
        party leaders …", "Convinced that the pier was unsafe, Varga …")."""
        out = []
        for adjective in self.doc:
            side = _side_taken_by_role(adjective)
            if not (_linked_attitude(adjective) or _opening_attitude(adjective) or side is not None):
                continue
            subject = _subject(adjective)
            if subject is None or not self._person_or_speaker(subject) or _supposed(adjective.head):
                continue
            what = side if side is not None else _attitude_complement(adjective)
            if what is None:
                continue
            tokens = [t for t in sorted(what.subtree, key=lambda t: t.i) if not (t.dep_ == "mark" and t.head.i == what.i)]
            start = tokens[0].idx
            end = self._clause_end(tokens[-1].idx + len(tokens[-1].text), start)
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e for s, e in covered):
                continue
            out.append((start, end, adjective, "indirect"))
        return out

    def _findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A new poll shows Brennick with a ten-point lead", "records showed the council
        ignoring the warnings": what a poll, record or document shows is its finding, a
        source's claim. A person who shows something ("showed his papers") makes no claim."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in FINDING_VERBS or token.dep_ in ("amod", "acl", "relcl") \
                    or _finding_holder(token) is not None:
                continue  # (a participle's finding, "a poll showing …", is read last: _participle_findings)
            if _passive(token) or any(c.dep_ == "ccomp" for c in token.children):
                continue
            subject = _subject(token)
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if subject is None or obj is None or subject.pos_ != "NOUN" or self._can_speak(subject) \
                    or subject.ent_type_ == "PERSON":
                continue
            if token.lemma_.lower() in RESEARCH_ONLY_FINDING_VERBS and subject.lemma_.lower() not in RESEARCH_NOUNS:
                continue  # "the refugees found their way", "a graduate finds a job": no finding
            span = self._finding_span(token, obj, covered)
            if span is not None:
                out.append((*span, token, "indirect"))
        return out

    def _finding_span(self, verb: Any, obj: Any, covered: list[tuple[int, int]]) -> tuple[int, int] | None:
        """What a finding verb's object and the words after it state, None when it is under
        four words or overlaps ``covered``."""
        # the figures a finding goes on to give are part of it ("showed Varga ahead, winning 51
        # percent to 39", "…, 32 to 25, while Holm was at 18"), and so is a participle joined
        # to it that says more of the object ("found Varga even statewide, but losing the
        # coast"); a joined verb of its own, or a writer's "although …" or "because …", is not
        rest = [c for c in verb.children if c.i >= obj.i and (
            c.dep_ not in ("punct", "cc", "conj", "advcl")
            or c.dep_ in ("conj", "advcl") and c.tag_ == "VBG"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
            or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONTRAST_MARKS for m in c.children))]
        start = obj.left_edge.idx
        last = max((c.right_edge for c in rest), key=lambda t: t.i)
        end = self._clause_end(last.idx + len(last.text), start)
        if _words(self.text[start:end]) < 4 or any(s < end and start < e for s, e in covered):
            return None
        return start, end

    def _participle_findings(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"With a new poll showing Brennick ahead", "a survey showing her support down to 20
        percent": a participle of finding on a poll or record states that noun's finding, its
        object and what follows it, or the clause the parser made of them ("polls showing Varga
        leading Holm"). Read last, as ``_sides_taken``, so that a finding inside another
        attribution ("refused to dispute the polls showing Varga leading") is left to it, as
        corpora mark only the outer one. (A "that" clause after it, "a poll showing that …", is
        reported speech, read first by ``_indirect``, whose stances it holds.)"""
        out = []
        for token in self.doc:
            if _finding_holder(token) is None or _that_clause(token) \
                    or _passive(token):
                continue
            clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
            if clause is not None:
                start, end = self._clause_span(clause)
                if _words(self.text[start:end]) >= 4 and not any(s < end and start < e for s, e in covered):
                    out.append((start, end, token, "indirect"))
                continue
            # "suggesting" and "indicating" report a clause; an object alone ("a report suggesting
            # donors [were granted …]") is the parser's cut of one
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None) \
                if token.lemma_.lower() in FINDING_VERBS else None
            span = self._finding_span(token, obj, covered) if obj is not None else None
            if span is not None:
                out.append((*span, token, "indirect"))
        return out

    def _stances(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Most voters support a ban on imports", "Varga criticised the council for its
        delay", "spoke about the budget", "would vote for Brennick": the object (with what
        it is blamed or praised for) is the position, topic or choice voiced."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.dep_ in ("amod", "acl"):
                continue
            if _passive(token):
                span = self._passive_stance(token)
                if span is not None and not any(s < span[1] and span[0] < e for s, e in covered):
                    out.append((span[0], span[1], token, "indirect"))
                continue
            if _subject(token) is None:
                continue
            first = token
            while first.dep_ == "conj":
                first = first.head
            if first.dep_ == "xcomp" and (any(c.dep_ in ("dobj", "obj") for c in first.head.children)
                                          or first.head.lemma_.lower() in DEMAND_VERBS):
                # "asked him to condemn violence", "called on the council to attack the levy", "urged
                # them to rebuild and praise the crews": an act asked of someone else, not a stance
                continue
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in token.children):
                continue  # "asked Varga if she would ever endorse Brennick": a question, no side taken
            obj = _voiced_object(token)
            if obj is None or not any(t.pos_ in ("NOUN", "PROPN", "VERB", "NUM") for t in obj.subtree) and not (
                    obj.lower_ in OBJECT_PRONOUNS | REFLEXIVE_PRONOUNS
                    and any(c.dep_ == "nsubj" and c.lower_ not in OBJECT_PRONOUNS for c in token.children)
                    and (token.lemma_.lower() in BACKING_VERBS or any(
                        c.dep_ == "prep" and (c.lower_ in REASON_PREPS or c.lower_ == "as") and c.i > obj.i for c in token.children))):
                # "agreed to support each other": no position in the words; but "the governor
                # endorsed her" takes a side on someone named before, and "criticized him for
                # saying …" or "portrayed him as aloof" says what for or as what, when the verb
                # has its own subject ("would see him endorse her" is the writer's guess at an outcome)
                continue
            if token.lemma_.lower() in GREETING_VERBS and (obj.ent_type_ == "PERSON" or obj.pos_ == "PRON"):
                continue  # "Kim welcomed Putin at the airport": a greeting, not a stance
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "dative")]
            if token.lemma_.lower() == "deny" and (any(o.lemma_.lower() in WITHHELD_NOUNS for o in objects) or len(objects) > 1
                                                   or any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)):
                continue  # "denied Sanders the nomination" withholds; "denied the charges" answers
            # "voted for Brennick, a harbour pilot who …": a description set off after a name
            # is the writer's, not the choice voiced
            # ("pushed for a single-payer system — a dream for many Democrats —": an aside
            # set off by dashes is the writer's whatever it describes)
            described = {t.i for a in obj.children if a.dep_ in ("appos", "relcl") and a.i > obj.i and (
                obj.pos_ == "PROPN" and self.doc[a.left_edge.i - 1].text == "," or _set_off_by_dash(a)) for t in a.subtree}
            tokens = [t for t in obj.subtree if t.i not in described]
            while described and tokens and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            glued = max(tokens, key=lambda t: t.i)
            while not glued.whitespace_ and glued.i + 1 < len(self.doc) and self.doc[glued.i + 1].head.i == obj.head.i \
                    and self.doc[glued.i + 1].dep_ == obj.dep_:
                # "endorsed the re-election of …": the parser can read the parts of a hyphenated
                # word as objects side by side; the object runs on through all of them
                glued = self.doc[glued.i + 1]
                tokens.extend(glued.subtree)
            if token.lemma_.lower() in SPEAKER_ONLY_TOPIC_VERBS and not self._person_or_speaker(_subject(token)):
                continue
            if token.lemma_.lower() == "vote" and _a_place(_subject(token)):
                continue
            reason = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in REASON_PREPS and c.i > obj.i
                           and not any(_a_broadcast(c, p) for p in c.children)), None)
            if reason is None and token.lemma_.lower() == "accuse" and not any(
                    c.dep_ == "prep" and c.lower_ in REASON_PREPS for c in obj.children):
                # an accusation without its charge (or with a charge the parser lost) says
                # nothing; "accused the mayor of lying" may hang the charge on the person
                continue
            if reason is not None:
                tokens.extend(reason.subtree)
            # the parser hangs what completes the object on the verb ("announced a concert in
            # support of the senator", "described the crowd as shocked"); a comma ends it
            last = max(tokens, key=lambda t: t.i)
            for c in sorted(token.children if obj.head.i == token.i else (), key=lambda c: c.i):
                if c.i <= last.i:
                    continue
                if c.dep_ not in ("prep", "oprd", "advcl") or c.dep_ == "advcl" and (not any(
                        m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and c.left_edge.lower_ != "as"
                        or any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)):
                    break  # ("tweeted his observations as he lined up outside": "as" with a subject is when)
                if any(t.is_punct or t.is_space for t in self.doc[last.i + 1 : c.left_edge.i]) or c.lower_ in REASON_PREPS \
                        or any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) or _circumstance_prep(c, obj):
                    # when, where or how it was voiced ("endorsed her in 2008", "mocked Varga on
                    # the radio", "praised the crews at a rally") is no part of it
                    break
                tokens.extend(c.subtree)
                last = max(tokens, key=lambda t: t.i)
            # "announced a series of steps to tighten gun sales", "defended his call to raise the
            # wage": the parser hangs the purpose on the verb, but it says what the object is
            purpose = next((c for c in token.children if c.dep_ == "xcomp" and c.i > obj.i), None) \
                if token.lemma_.lower() in TOPIC_VERBS else None
            if purpose is None:
                purpose = _object_infinitive(token, last)
            if purpose is not None:
                tokens.extend(purpose.subtree)
            tokens.sort(key=lambda t: t.i)
            while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()  # "favored Mr. Cruz and 12 percent backed …": the parser's loose "and"
            tail = _list_tail(tokens[-1])
            if tail is not None:
                # the parser hangs a list's later members anywhere; they share its first one's role
                tokens.extend(self.doc[tokens[-1].i + 1 : tail.i + 1])
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            if "\n" in self.text[start:end] and start > token.idx:
                # the parser can run a headline into the next paragraph; a stance stays in its own
                end = self._clause_end(self.text.index("\n", start), start)
            # what it is blamed or praised for may hold a report of its own ("criticized him for
            # saying he had served"): both stand, one inside the other
            reason_from = reason.idx if reason is not None else end
            if any(t.i > token.i and self._record_aside(t) is not None for t in token.sent):
                # "Most residents oppose the levy, a survey found, …": records set off after the
                # verb state the whole clause (``_record_asides``), the stance with it
                continue
            if _words(self.text[start:end]) < MIN_STANCE_WORDS or any(s < end and start < e and not reason_from <= s < e <= end
                                                                     for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _passive_stance(self, verb: Any) -> tuple[int, int] | None:
        """"The levy was opposed by most fishermen", "the plan has been criticized by Varga":
        a stance or topic verb in the passive voices its subject, and the "by" phrase names who
        voiced it (``_subject`` reads the speaker there). None without a "by" phrase naming
        someone who can voice a view ("was opposed from the start", "is backed by data"), and
        for the verbs whose object is no view in the passive ("was denied bail", "was offered a
        post", "was identified by police"; "was welcomed" a person is a greeting)."""
        lemma = verb.lemma_.lower()
        if not (lemma in STANCE_VERBS or lemma in TOPIC_VERBS) or lemma in _PASSIVE_NO_VIEW:
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
        voicer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if voicer is None or not (self._person_or_speaker(voicer) or voicer.lower_ in _PEOPLE_WORDS or self._can_demand(voicer)
                                  or voicer.ent_type_ == "PERCENT" or voicer.pos_ == "NUM"):
            return None
        if any(c.dep_ == "prep" and c.i > verb.i and (c.lower_ in REASON_PREPS or c.lower_ == "as") for c in verb.children):
            # "Holm was berated by his father for the delay", "was dismissed by critics as a
            # lightweight": the position runs on either side of the verb, more than one span holds
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
        if subject is not None and lemma in GREETING_VERBS and (subject.ent_type_ == "PERSON" or subject.pos_ == "PRON"):
            return None  # "Putin was welcomed by Kim": a greeting; "the ruling was welcomed" a stance
        if subject is None or not any(t.pos_ in ("NOUN", "PROPN", "NUM", "VERB") for t in subject.subtree) \
                and subject.lower_ not in RELATIVE_PRONOUNS:
            return None  # "it was endorsed by the board": no position in the words
        last = subject.right_edge
        while last.i > subject.i and (last.is_punct or last.dep_ == "cc"):
            last = last.nbor(-1)  # ("Berlin's pledge to add soldiers, and …": the parser's loose "and")
        start = subject.left_edge.idx
        end = self._clause_end(last.idx + len(last.text), start)
        return (start, end) if end <= verb.idx and "\n" not in self.text[start:verb.idx] else None

    def _sides_taken(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"A super PAC backing Varga", "dock workers opposing the levy": a participle of
        taking a side on a noun says that noun's side, the participle's object. Read last, so
        that a side inside another attribution ("a poll found 78 percent of them backing
        Varga", "plans to recruit captains supporting Holm") is left to it, as corpora mark
        only the outer one."""
        out = []
        for token in self.doc:
            if _side_taker(token) is None:
                continue
            obj = next((c for c in token.children if c.dep_ in ("dobj", "obj") and c.i > token.i), None)
            if obj is None:
                continue
            # "one pastor supporting Mr. Cruz, Ana Lind of …": a name set off after the object is
            # the writer's, most often the noun's own (the parser hangs it on the nearer name)
            aside = next((c for c in obj.children if c.dep_ in ("appos", "relcl") and c.i > obj.i
                          and self.doc[c.left_edge.i - 1].text == ","), None)
            last = self.doc[aside.left_edge.i - 2] if aside is not None else obj.right_edge
            start = obj.left_edge.idx
            end = self._clause_end(last.idx + len(last.text), start)
            if any(s < end and start < e for s, e in covered) or any(s <= token.idx < e for s, e in covered):
                continue
            out.append((start, end, token, "indirect"))
        return out

    def _person_or_speaker(self, subject: Any) -> bool:
        """Whether a subject can voice a topic: someone who can speak, or people or a body
        described by a noun for them ("dock workers described the pier as a wreck", "the
        company reported a loss"; "the plans offer credits" voice nothing)."""
        if subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
            # "Ana Berg, who described herself as …": the noun the clause is on speaks (PolNeAR
            # marks what a relative clause says someone voiced, as for any other verb)
            subject = subject.head.head
        return self._can_speak(subject) or subject.ent_type_ in ("ORG", "NORP") \
            or subject.pos_ == "NOUN" and subject.lemma_.lower() in PERSON_NOUNS | INSTITUTION_NOUNS

    def _answers(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Half said so", "72 percent said yes", "a third say the same of the mayor": a
        short answer stands for a clause said before, and is what the subject said (polls
        report their findings this way)."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in ANSWER_VERBS or token.dep_ in ("amod", "acl"):
                continue
            if _complement(token) is not None or _subject(token) is None:
                continue
            answer = next((c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "obj", "advmod", "intj", "ccomp", "acomp")
                           and c.lower_ in ANSWER_WORDS), None)
            if answer is None:
                continue
            tokens = list(answer.subtree)
            start = min(t.idx for t in tokens)
            end = self._clause_end(max(t.idx + len(t.text) for t in tokens), start)
            if self.text[start:end].lower() in ("same", "opposite"):
                continue  # "the same" with nothing it is about is only half an answer
            if any(s < end and start < e for s, e in covered):
                continue
            self._short_answers.add((start, end))
            out.append((start, end, token, "indirect"))
        return out

    def _views(self, covered: list[tuple[int, int]]) -> list[tuple[int, int, Any, str]]:
        """"Her criticism of the council", "Varga avoided any mention of the mayor", "renewed
        his call for a ban", "his claim that the pier is safe": a noun of voicing a view names
        what was voiced after its preposition or in its "that" clause; the speaker is its
        possessor or the subject of the verb that voices it."""
        out = []
        for noun in self.doc:
            if noun.pos_ != "NOUN":
                continue
            what = _view_content(noun)
            if what is None or what.lower_ in ("it", "this", "that") and what.n_lefts + what.n_rights == 0:
                continue  # "her professed opposition to it": a view of nothing the reader is shown
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                # the noun's verb, for the speaker's subject and a cue, is the noun itself
                if owner.lower_ in ("its", "their", "our", "my", "your") or not (
                        owner.lower_ in ("his", "her") or self._can_speak(owner)):
                    continue
                cue = noun
                holder = noun.head.head if noun.head.dep_ == "prep" else noun.head
                subject = _subject(holder) if holder.pos_ in ("VERB", "AUX") and holder.lemma_.lower() in VOICING_VERBS else None
                example_of = _owner_of_example(owner) if owner.lower_ in ("his", "her") else None
                if example_of is not None:
                    owner = example_of
                elif owner.lower_ in ("his", "her") and subject is not None and subject.i < owner.i and self._can_speak(subject):
                    # "Trump is doubling down on his support for …": the one who voices it again
                    # is the subject that "his" points back to.
                    owner = subject
                elif owner.lower_ in ("his", "her"):
                    owner = _named_owner_above(noun) or owner
            elif noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in VOICING_VERBS and noun.head.pos_ == "VERB" \
                    and _subject(noun.head) is not None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.head.children):
                cue = noun.head
                # "the report renewed Republican calls for …": the calls are the Republicans'
                owner = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"), None)
            else:
                continue
            if what.dep_ in ("acl", "ccomp"):
                start, end = self._clause_span(what)
            else:
                start = what.left_edge.idx
                last = what.right_edge
                while last.i > what.i and _stranded(last):
                    last = last.nbor(-1)
                end = self._clause_end(last.idx + len(last.text), start)
            if "\n" in self.text[start:end] or any(s < end and start < e for s, e in covered):
                continue
            self._view_owners[(start, end)] = owner.i if owner is not None else None
            out.append((start, end, cue, "indirect"))
        return out

    def _clause_span(self, clause: Any) -> tuple[int, int]:
        """Characters of a clause without its complementiser and closing punctuation."""
        tokens = list(clause.subtree)
        second = [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and not _second_that_clause(c) and (
            _is_speech(c) and clause.head.i < clause.i and _is_speech(clause.head) and (
                any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) or _reports_again(c, clause.head)
                # "says he respects her and calls her “a fine mayor”": a second act of speech that
                # quotes words of its own is the speaker's, not part of the first report
                or _tense_tag(c) == _tense_tag(clause.head) and self._quotes_in(c))
            # the parser may tag the second verb wrongly ("and most voters said …" as a modifier)
            or any(t.tag_ in ("VBD", "VBZ", "VBP") and t.lemma_.lower() in INDIRECT_VERBS and t.lemma_.lower() in SPEECH_VERBS
                   and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree))]
        # "worry that the gates will slow boats, and councillors want to see the budget": a
        # belief or wish set off by a comma and "and", with a subject of its own, is another
        # report the parser joined to the clause (without the comma it may still be reported:
        # "said the pier is safe and residents want it open")
        second += [c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and not _is_speech(c)
                   and c.lemma_.lower() in INDIRECT_VERBS and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                   and _after_comma_and(c)]
        # "said she would resign and left the room": the speaker's next act, not part of what was said
        second += [c for c in clause.children if _speakers_next_act(c)]
        # "said he saw no need to change, telling reporters that …": a participle of speech
        # after a comma is the speaker's next utterance, with its own content.
        second += [c for c in clause.children if c.i > clause.i and c.doc[c.left_edge.i - 1].text == ","
                   and c.dep_ == "advcl" and c.tag_ == "VBG" and _is_speech(c)]
        # "said the pier would reopen, while the council wants it closed": a contrast set off
        # after the clause is the writer's
        second += [c for c in clause.children if c.i > clause.i and c.dep_ == "advcl"
                   and c.doc[c.left_edge.i - 1].text in (",", "—", "–", "--") and _writers_addition(c)]
        # "said she would keep the pier open, touting a plan for moorings": a participle set off
        # after a report of the speaker's own doing tells what her saying did, and is the
        # writer's; after a report about others ("said the storm hit, killing two") it stays
        second += [c for c in clause.children if c.i > clause.i and c.dep_ == "advcl" and c.tag_ == "VBG"
                   and c.left_edge.i == c.i and c.doc[c.i - 1].text == "," and _about_the_speaker(clause)
                   and not any(s <= c.idx < e for s, e in self._quoted)]
        if second:
            # "said A and said B", "said A, and most voters said B": a second speech verb
            # joined to the clause reports a clause of its own.
            first = min(second, key=lambda c: c.i)
            tokens = [t for t in tokens if t.i < first.left_edge.i]
            while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                tokens.pop()
        while len(tokens) > 1 and _stranded(tokens[-1]):
            tokens.pop()
        # "pushed for a single-payer system — a dream for many Democrats": the writer's aside
        aside = {t.i for c in clause.children if c.dep_ == "appos" and c.i > clause.i and _set_off_by_dash(c) for t in c.subtree}
        tokens = [t for t in tokens if t.i not in aside] or tokens
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("that", "whether")), None)
        if mark is not None and mark.i > tokens[0].i and clause.doc[mark.i - 1].is_punct:
            # "said — on Twitter, as it happens — that …": a remark set off before the
            # complementiser is the writer's aside
            tokens = [t for t in tokens if t.i >= mark.i]
        while len(tokens) > 1 and tokens[0].dep_ == "cc" and tokens[0].i < clause.i:
            tokens = tokens[1:]  # "But Eggleston had limited time …, the people said": the writer's link
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        # A clause the parser ran over a line break ("… around twelve days" in a title, then
        # a date line and the first paragraph): what was reported stays on its verb's line.
        start = max(start, self.text.rfind("\n", 0, clause.idx) + 1)
        line_end = self.text.find("\n", clause.idx, end)
        end = line_end if line_end != -1 else end
        dateline = DATELINE.match(self.text, start, end)
        if dateline:
            start = dateline.end()  # "LOS ANGELES, Feb. 2 (UPI) — The record is done, Kiedis said"
        # "questioning whether he was eligible" asks; only "that" goes
        lead = re.match(r"that\s+", self.text[start:end], re.I)
        first = min(tokens, key=lambda t: t.i)
        if lead and first.dep_ not in ("nsubj", "nsubjpass"):  # "said that was a mistake": a subject, kept
            start += lead.end()
        end = self._clause_end(end, start)
        # "they were worried about the economy, and …": a conjunction the clause was cut at
        trail = re.search(r"[\s,;]+(and|but|or)$", self.text[start:end])
        return start, self._clause_end(start + trail.start(), start) if trail else end

    def _quotes_in(self, token: Any) -> bool:
        """Whether a quoted passage of two words or more lies in a token's subtree."""
        first, last = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        return any(first <= s and e <= last and _words(self.text[s:e]) >= MIN_QUOTE_WORDS for s, e in self._quoted)
