"""The subject of a cue verb: its own, or one shared with a participle, a joined verb or a clause around it."""

from __future__ import annotations

from typing import Any

from .attribution_words import (DOCUMENT_NOUNS, GERUND_PREPS, INSTITUTION_NOUNS, LISTENER_VERBS,
                                OUTCOME_VERBS, PERSON_NOUNS, PRONOUNS, ROLE_NOUNS, SPEECH_NOUNS, SPOKESBODY_NOUNS,
                                STATE_LEAVING_VERBS)
from .quote_cues import _is_speech, _passive
from .quote_holders import _finding_holder, _quoted_label, _side_taker
from .quote_misparsed import _misparsed_subject, _subject_read_as_object


def _clause_subject_after(verb: Any, noun: Any) -> Any:
    """The clause whose subject the parser hung on a speech verb as a second subject of its
    own ("Varga, whose …, said [closed piers] -- those on the coast -- hurt trade"): the
    verb's complement right after ``noun`` (dashes or commas between), finite or in a bare
    form the tagger gave a plural's present tense, with no subject; None otherwise. (The
    parser may make the noun the verb's object instead, unless the verb has a listener:
    "told reporters -- those at the pier -- …".)"""
    if noun.i < verb.i or noun.dep_ != "nsubj" and (noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() in LISTENER_VERBS):
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS:
        return None  # "The plan, said Mayor Marsh, is doomed": the one named after the verb speaks
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None)
    if clause is None or clause.tag_ not in ("VBD", "VBZ", "VBP", "VB") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass", "mark") for c in clause.children):
        return None
    between = noun.doc[noun.right_edge.i + 1 : clause.left_edge.i]
    return clause if all(t.is_punct for t in between) else None


def _existential(verb: Any) -> bool:
    """Whether a verb is the "be" of "there is …", which has no doer."""
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)


def _subject(verb: Any) -> Any:
    """The grammatical subject of a verb, climbing from participles to the clause they hang on."""
    holder = _side_taker(verb)
    if holder is None:
        holder = _finding_holder(verb)
    if holder is not None:
        return holder
    opener = _name_before_opening_participle(verb)
    if opener is not None:
        return opener
    if verb.dep_ == "acl" and verb.head.i < verb.i and _quoted_label(verb) is not None:
        # "Kessby, a port ally, called the levy “theft”": a label given to an object is said
        # by the noun the parser hung the verb on; a name given ("a group called …") has no object
        return verb.head
    seen = 0
    first = verb
    while verb is not None and seen < 4:
        if verb is not first and _existential(verb):
            # "there is little in his record to suggest that he could win": what the sentence
            # says exists suggests it, not the subject of a clause joined before
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb is first and verb.lemma_.lower() != "quote" and _passive(verb, ("auxpass",)):
            # "Sanders had been told that he would lose", "he was confirmed 92 to 0": the
            # subject heard it or is what was said of; the speaker is the "by" phrase, or no
            # one named ("was quoted as saying" is the speaker's own)
            subjects = []
        if subjects:
            # Two subjects are a parse slip ("9:30 p.m.\n\nDonald Trump says"): the one
            # nearest the verb is the speaker, or the one named after it when the verb is
            # inserted into the clause of the other ("The plan, said Mayor Ida Marsh, is …").
            # "Workers who have walked out since the pier's collapse say": the noun after "since"
            # is the time's, the other subject the speaker's
            untimed = [c for c in subjects if not _after_time_word(c)]
            if untimed and len(untimed) < len(subjects):
                subjects = untimed
            # "Varga, whose …, said closed piers -- those on the coast -- hurt trade": a second
            # subject after the verb, before a clause with none, is that clause's
            own = [c for c in subjects if _clause_subject_after(verb, c) is None]
            if len(own) < len(subjects) and any(c.i < verb.i for c in own):
                subjects = [c for c in own if c.i < verb.i]
            else:
                fronted = _fronted_subject(verb)
                subjects = [c for c in subjects if fronted is None or c.i != fronted.i]
            # "Most voters in Kent, Surrey and Sussex said": the parser may make the rest of
            # a list of places after a preposition a second subject; places do not speak
            people = [c for c in subjects if c.ent_type_ not in _PLACES]
            subjects = people if people else subjects
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            subject = _gerund_subject_after_of(subject, verb)
            subject = _speaker_after_topic(subject, verb)
            subject = _conjunct_after_clause(subject)
            if subject.pos_ in ("VERB", "AUX") and subject.left_edge.pos_ == "PROPN" and not any(
                    c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "acomp") for c in subject.children):
                # "Mrs. Clinton, the nominee and favorite to win the election come November,
                # proposed": the parser made "come" the subject; the name opening it is
                subject = subject.left_edge
                while subject.dep_ in ("compound", "flat") and subject.head.i > subject.i:
                    subject = subject.head
            if subject.lower_ == "what" and verb is not first and verb.dep_ == "ccomp":
                # "recalled what happened in 2008 to point out that …": the one who recalled
                verb, seen = verb.head, seen + 1
                continue
            return subject
        slip = _misparsed_subject(verb)
        if slip is not None:
            return slip
        remarked = (_remark_on_report(verb) or _remark_on_relative_report(verb)) if verb is first else None
        if remarked is not None:
            verb = remarked
            seen += 1
            continue
        # A passive's "by" phrase does that verb's act, not a participle's hung on it ("was
        # booed by supporters after telling them …" is the one booed telling).
        for child in verb.children if verb is first else ():
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and (_is_speech(verb) and _is_speech(verb.head.head)
                                                                  or _speakers_next_act(verb)) \
                and verb.head.head.i < verb.i:
            # "He said the attacks worked and said that …": the parser joins the second
            # speech verb to the reported clause; it shares the first one's subject. Not when
            # the outer verb comes after ("X met leaders and vowed “…,” the Ledger reported"):
            # the Ledger relays what X vowed.
            verb = verb.head.head
            seen += 1
            continue
        opened = _subject_read_as_object(verb)
        if opened is not None:
            return opened
        joined = _subject_joined_before(verb) if verb is first else None
        if joined is not None:
            return joined
        brought = _object_controller(verb)
        if brought is not None:
            return brought
        partner = _participle_partner(verb)
        if partner is not None:
            verb = partner
            seen += 1
            continue
        if verb is first and _reduced_relative(verb):
            return None
        if _participle_hung_on_subject(verb):
            return verb.head
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head is not verb:
            verb = _clause_before_participle(verb) or verb.head
            seen += 1
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_PREPS \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            # "began by saying …", "after talking about the budget, Varga left": the one who
            # does the main act does the act of the gerund
            verb = _act_taking_content(verb) or verb.head.head
            seen += 1
            continue
        # "issued a statement saying …": only speech hands a document's words to its issuer
        # ("a video showing the crowd" shows, it does not speak)
        holder = _issuer(verb) if _is_speech(first) else None
        if holder is not None:
            verb = holder
            seen += 1
            continue
        if verb.dep_ in ("acomp", "attr") and verb.head is not verb:
            # "voters are more likely to say …", "was quick to deny …", "is a critic of the
            # levy": the adjective's or the noun's subject
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _name_before_opening_participle(verb: Any) -> Any:
    """The name opening a sentence when a participle follows it after a comma ("Varga, later
    alleging that …, said …"): the participle is that name's act however the parser hung the
    two (in a long article it may make both hang on the clause the participle reports); else
    None."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc, start = verb.doc, verb.sent.start
    comma = verb.i - 1
    while comma > start and doc[comma].pos_ == "ADV":
        comma -= 1
    if comma <= start or doc[comma].text != ",":
        return None
    name = doc[start:comma]
    if len(name) > 4 or not all(t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_ != "")
                                and t.ent_type_ not in ("DATE", "TIME") for t in name):
        return None
    return name[-1]


def _participle_hung_on_subject(verb: Any) -> bool:
    """Whether the parser hung a participle set off by commas on the name that is its main
    verb's subject ("Varga, later alleging that …, said …"), as a clause of its own or as the
    name's modifier: that name does its act. (A name opening the sentence is at times tagged
    an adjective; its entity tag still shows it a name.)"""
    head = verb.head
    named = head.pos_ == "PROPN" or head.ent_type_ != "" and head.text[:1].isupper()
    return verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and named and head.dep_ in ("nsubj", "nsubjpass") \
        and head.i + 1 < verb.i and head.doc[head.i + 1].text == ","


#: Nouns of things said or written, whose aim is their speaker's ("a speech aimed at …").
_SAID_THINGS = DOCUMENT_NOUNS | SPEECH_NOUNS | frozenset({"address", "speech", "interview", "talk", "remarks"})


def _reduced_relative(verb: Any) -> bool:
    """Whether a past form the parser hung on the main verb as a clause of its own, with no
    subject, marker or auxiliary, follows right on a noun that ends a prepositional phrase
    ("vowed to cooperate after a meeting Friday aimed at calming the council"): it
    says what the noun is, a meeting aimed at something, and is no act of the main subject.
    (A participle set off by a comma, "left the talks, convinced that …", is the subject's.)"""
    if verb.dep_ != "advcl" or verb.tag_ != "VBD" or verb.i == 0 or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    noun = before.head if before.dep_ in ("npadvmod", "compound") else before
    if before.pos_ not in ("NOUN", "PROPN") or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return False
    # "opened the week with an address in Orsk focused on the docks": what a speech or a
    # document is focused on is its speaker's view, whichever noun of the phrase it follows
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        if noun.lemma_.lower() in _SAID_THINGS:
            return False
        noun = noun.head.head
    return noun.lemma_.lower() not in _SAID_THINGS


def _act_taking_content(gerund: Any) -> Any:
    """The verb whose object a means ("by citing …") is hung inside the content of, when the
    parser hung the means on a verb of that content: in "defended his stance of not allowing
    Lutherans to settle by citing a survey" the settling is the stance's content, no act done,
    and the one who defended it cited the survey; else None."""
    if gerund.head.lower_ != "by":
        return None
    current = gerund.head.head
    for _ in range(4):
        if current.dep_ == "pcomp" and current.head.lower_ == "of" and current.head.head.pos_ == "NOUN":
            noun = current.head.head
            if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
                return noun.head
            return None
        if current.head.i == current.i or current.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            return None
        current = current.head
    return None


def _issuer(noun: Any) -> Any:
    """The verb by which someone issues a document noun that a participle of speech hangs
    on ("issued a statement saying …", "responded with a note saying …"): the one who issues
    it says what it says; None for other nouns ("a man saying …" is someone else)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head if noun.dep_ in ("dobj", "obj") else None
    if verb is not None and verb.lemma_.lower() in _RECEIVING:
        return None  # "Police receive 911 calls saying shots were fired": the callers said it
    return verb if verb is not None and verb.pos_ == "VERB" and verb.i != noun.i else None


#: Verbs by which a document reaches someone who did not write it.
_RECEIVING = frozenset({"receive", "get", "obtain", "read", "see", "hear", "review", "find", "cite", "intercept"})


def _object_controller(verb: Any) -> Any:
    """The object an infinitive's act falls to ("the win led Mayor Varga to declare …":
    Varga declared), or that a participle right after it describes ("the killings have left
    62 percent of voters saying …": the voters say it); else None."""
    obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OUTCOME_VERBS:
        return obj
    if obj is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "ccomp") \
            and verb.head.lemma_.lower() in STATE_LEAVING_VERBS and obj.right_edge.i == verb.i - 1 and any(
                t.lemma_.lower() in PERSON_NOUNS or t.ent_type_ in ("PERSON", "NORP") or t.lower_ in PRONOUNS
                for t in obj.subtree):
        return obj  # people, not "left the hall saying …"
    return None


def _finite(verb: Any) -> bool:
    """Whether a verb is finite, in its own form or its auxiliary's ("opposed", "has
    opposed", "will oppose"), as a verb with a subject of its own is."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


#: Verbs by which speakers comment on what they have just said ("…, adding that …",
#: "…, implying that …"); not a manner of speaking ("shouting", "chanting"), which the
#: subject of a reported clause may well do.
REMARKING_VERBS = frozenset({"add", "imply", "suggest", "note", "argue", "insist", "claim", "explain", "contend"})


def _remark_on_report(verb: Any) -> Any:
    """The speech verb whose reported clause the parser hung a remarking participle on
    ("Holm questioned why Varga's wife did not speak at the rally, implying that she was
    forbidden": the one who questioned implies, not the wife), else None."""
    clause = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in REMARKING_VERBS \
            or verb.i == 0 or verb.doc[verb.i - 1].text != "," or clause.dep_ != "ccomp":
        return None
    reporter = clause.head
    if reporter.i > clause.i or not _is_speech(reporter) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return reporter


def _remark_on_relative_report(verb: Any) -> Any:
    """The speech verb of a relative clause with a subject of its own that a remarking
    participle follows right after its comma ("Varga called the vote rigged, a charge that
    port officials denied, noting that the rules were old": the officials note, commenting
    on their denial, not Varga), else None."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in REMARKING_VERBS \
            or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    relative = verb.doc[verb.i - 2]
    while relative.dep_ != "relcl" and relative.head.i != relative.i and relative.head.i < verb.i:
        relative = relative.head
    if relative.dep_ != "relcl" or relative.right_edge.i != verb.i - 2 or not _is_speech(relative) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < relative.i and c.pos_ in ("NOUN", "PROPN")
                       for c in relative.children):
        return None
    return relative


def _participle_partner(verb: Any) -> Any:
    """The adverbial participle that a bare "-ing" participle the parser joined to the finite
    verb of a reported clause is coordinated with ("warning that the storm could reach the
    coast and implying that …": "and" joins like with like, so "implying" goes with
    "warning", not with "could reach", and shares its subject); None when the verb is no
    such participle or none is above."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or head.tag_ == "VBG" or not _finite(head) \
            or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return None
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in head.children):
        return None  # only a reported clause ends before the "and" goes back to the reporter
    for above in head.ancestors:
        if above.tag_ == "VBG" and above.dep_ == "advcl" and above.i < head.i:
            return above  # (a gerund, "a platform of cutting taxes and …", has no subject to share)
        if above.pos_ in ("VERB", "AUX") and above.tag_ != "VBG":
            return None  # a finite verb above before any participle: nothing to pair with
    return None


def _clause_before_participle(verb: Any) -> Any:
    """The clause an adverbial participle follows when the parser hung the participle on a
    second clause joined to that one without "and" ("As the talks went on and Varga stood by
    his plan, refusing to admit it had failed, Brel again tried to …": "refusing" is
    Varga's, not Brel's, whose subject comes after it); None otherwise."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.dep_ != "conj" or not head.head.i < verb.i < head.i:
        return None
    if any(c.dep_ == "cc" and verb.i < c.i < head.i for c in head.head.children):
        return None  # "Varga stood by it, refusing …, and Brel tried": the parser's own "and"
    if not any(c.dep_ in ("nsubj", "nsubjpass") and verb.i < c.i < head.i for c in head.children):
        return None
    return head.head


#: Named-entity types of places, which are no speakers.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _conjunct_after_clause(subject: Any) -> Any:
    """The name joined after a subject that ends a clause of its own, which the parser read
    into the subject: the object of an act before ("Neither Lind nor Berg has won a seat and
    Varga suggested …": a seat suggests nothing) or a noun with a finite verb of its own ("a
    group of pilots called for a strike, and the union denounced …"), or a name right after
    a verb that lacks its object ("5 percent prefer Mayor Lind and 2 percent back Varga":
    Lind backs no one); else the subject."""
    later = [c for c in subject.conjuncts if c.i > subject.i]
    if not later:
        return subject
    if subject.pos_ == "PROPN" and _object_missing_before(subject):
        return later[-1]
    if subject.pos_ != "NOUN":
        return subject
    own_verb = any(c.dep_ == "acl" and c.tag_ == "VBD" and c.i < later[0].i for c in subject.children)
    a_thing = subject.lemma_.lower() not in PERSON_NOUNS | INSTITUTION_NOUNS | SPOKESBODY_NOUNS and not subject.ent_type_ \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children) \
        and any(c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in later)
    return later[-1] if own_verb or a_thing else subject


def _object_missing_before(noun: Any) -> bool:
    """Whether the word before the noun's phrase is a verb with no object or clause of its
    own but the clause the noun opens, so the phrase is that verb's object the parser read
    as the clause's subject."""
    start = noun.left_edge.i
    if start == 0:
        return False
    before = noun.doc[start - 1]
    return before.pos_ == "VERB" and not _is_speech(before) and not any(
        c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "dative", "prep") and c.i != noun.head.i
        for c in before.children)


def _tense_tag(verb: Any) -> str:
    """The tense a verb is written in: its own tag, or its auxiliary's ("did not suggest")."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP")), None)
    return aux.tag_ if aux is not None else verb.tag_


def _speakers_next_act(verb: Any) -> bool:
    """Whether a verb the parser joined to a reported clause is the speaker's next act:
    it has no subject of its own and is in the cue's past or present tense, after a
    clause not written in that tense ("proposed that more crews be left at the pier and
    pushed for a levy", "said she would resign and left the room"); "said the pier leaks and
    needs repairs" is one report."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or clause.dep_ != "ccomp" or clause.head.pos_ != "VERB" \
            or clause.i > verb.i or clause.head.i > clause.i:
        return False
    tense = _tense_tag(verb)
    return tense in ("VBD", "VBZ") and tense == _tense_tag(clause.head) and _tense_tag(clause) not in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _subject_joined_before(verb: Any) -> Any:
    """The subject of a second verb the parser joined, with "and", to what the first verb
    says or acts on ("McCain supported it and Cruz, as he has before, opposed the measure":
    "it and Cruz"; "one in three said … and one in four said …"): the noun phrase right
    before the verb (an aside set off by commas skipped), a conjunct under the first verb;
    None otherwise."""
    if verb.dep_ not in ("conj", "advcl", "ccomp") or verb.i == 0 or not _finite(verb):
        return None  # ("useful to officers and historians trying to …": a participle has no subject)
    doc = verb.doc
    before = doc[verb.i - 1]
    while before.dep_ in ("advmod", "neg") and before.head.i == verb.i and before.i > 0:
        before = doc[before.i - 1]  # "… and Kurz strongly suggested": the adverb is the verb's
    if before.text == ",":
        opening = next((t for t in reversed(doc[verb.head.i + 1 : before.i]) if t.text == ","), None)
        if opening is None:
            return None
        before = doc[opening.i - 1]
    while before.dep_ in ("pobj", "prep", "compound", "nummod") and before.head.i < verb.i and before.head.i != before.i:
        before = before.head  # "one in four": the phrase's head
    if before.dep_ != "conj" or before.pos_ not in ("PROPN", "NOUN", "NUM") or not any(
            c.dep_ == "cc" for c in before.head.children if c.i < before.i):
        return None
    first = before.head
    while first.dep_ == "conj":
        first = first.head
    # the conjunct hangs under the first verb (as its object, or inside its clause)
    return before if verb.head.i in {a.i for a in first.ancestors} else None


#: Words that open a clause or, as prepositions, a time ("since the storm", "after the vote").
_TIME_PREPOSITIONS = frozenset({"since", "after", "before", "until", "till"})


def _noun_before_time_clause(verb: Any, subject: Any) -> Any:
    """The noun a relative clause describes when the parser read a time phrase at that
    clause's end as a clause of its own ("Pilots who have struck since the storm's damage
    vowed to …": "since" made to open "the storm's damage vowed"): the main verb then has
    no subject but the noun; None when the verb is no such clause."""
    if subject is None or subject.pos_ != "NOUN" or verb.dep_ != "advcl" or verb.head.dep_ != "relcl" \
            or subject.i > verb.i or subject.head.i != verb.i:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in _TIME_PREPOSITIONS), None)
    noun = verb.head.head
    # only the noun phrase stands between the time word and the verb ("since the boy's death have vowed")
    if mark is None or mark.i != subject.left_edge.i - 1 or subject.right_edge.i + 1 != min(
            [c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i] + [verb.i]):
        return None
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.head.i else None


def _after_time_word(subject: Any) -> bool:
    """Whether a subject the parser gave a verb opens right after a time word ("Workers who
    have walked out since the pier's collapse say": "collapse" a second subject of "say")."""
    start = subject.left_edge.i
    return start > 0 and subject.doc[start - 1].lower_ in _TIME_PREPOSITIONS


def _main_subject_past_relative(verb: Any, relative: Any) -> Any:
    """The subject of the clause a "which" clause hangs in, when the parser joined ``verb``
    to the relative clause as its second act ("scrapped the rules which had favoured the
    board and vowed to …"); None otherwise."""
    if relative.lower_ != "which" or verb.dep_ != "conj" or verb.head.dep_ != "relcl" or relative.head.i != verb.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") and c.tag_ != "TO" for c in verb.children):
        return None  # "which had favoured the board and had been criticised": a verb group of its own
    host = verb.head.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    if host.pos_ not in ("VERB", "AUX") or host.i > verb.i:
        return None
    return next((c for c in host.children if c.dep_ == "nsubj" and c.i < host.i), None)


def _fronted_subject(verb: Any) -> Any:
    """The subject of the reported clause that the parser gave to an inserted speech verb
    ("The plan, said Marsh, is doomed": "plan" read as the subject of "said"): a subject
    before the verb, a comma between, when the verb's own subject follows it."""
    if verb.i < 1 or verb.doc[verb.i - 1].text not in (",", "—", "–"):
        return None
    before = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    after = any(c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("PROPN", "NOUN", "PRON")
                for c in verb.children)
    return before[-1] if before and after else None


def _gerund_subject_after_of(subject: Any, verb: Any) -> Any:
    """The subject of a gerund the parser read as a clause of the noun before it: in "his
    aides’ dread of polls going on to show distrust" the polls show it, not the dread;
    the noun after "of", right before the gerund, is its subject. A person or a role ahead of
    "of" ("the head of the firm arguing …") keeps the act."""
    if verb.tag_ != "VBG" or subject.pos_ != "NOUN" or subject.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS:
        return subject
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is not None and owner.i == verb.i - 1 and owner.pos_ in ("NOUN", "PROPN"):
        return owner
    return subject


def _speaker_after_topic(subject: Any, verb: Any) -> Any:
    """"Clinton, a top aide said, “is very confident”": no comma closes "a top aide" before
    the inserted verb, so the aide speaks and Clinton is what the words are about; "Clinton,
    a top aide, said" (closed) is Clinton."""
    if verb.i + 1 >= len(verb.doc) or verb.doc[verb.i + 1].text not in (",", "—", "–") or subject.i > verb.i:
        return subject
    role = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and c.right_edge.i == verb.i - 1 and verb.doc[c.left_edge.i - 1].text == ","), None)
    return role if role is not None and subject.pos_ == "PROPN" else subject


def _sentence_subject(verb: Any, start: int) -> Any:
    """The subject of the sentence a participle of speech is set off from, when both come
    before the quote at ``start`` ("Varga paused, telling the crowd, “…”"); else None."""
    root = verb.sent.root
    if verb.tag_ != "VBG" or root.i >= verb.i or root.idx >= start:
        return None
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)


#: Verbs by which a picture or a recording shows someone doing something ("a video showing
#: Varga discussing the levy").
_SHOWING_VERBS = frozenset({"show", "depict", "feature", "capture", "film", "record"})


def _shown_speaking_before(verb: Any) -> Any:
    """The person a recording shows speaking, when a participle of speech set off by a comma
    follows the participle that shows them: "a video that showed Lind discussing the bill,
    saying that one amendment …" is Lind saying it, though the parser hung "saying" on the
    sentence's main verb."""
    doc = verb.doc
    if verb.tag_ != "VBG" or not _is_speech(verb) or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    before = doc[verb.i - 2]
    shown_doing = next((t for t in (before, *before.ancestors) if t.tag_ == "VBG" and t.i < verb.i), None)
    if shown_doing is None or shown_doing.head.lemma_.lower() not in _SHOWING_VERBS:
        return None
    person = next((c for c in shown_doing.children if c.dep_ == "nsubj"), None) or next(
        (c for c in shown_doing.head.children if c.dep_ in ("dobj", "obj") and c.i < shown_doing.i), None)
    return person if person is not None and person.ent_type_ == "PERSON" else None


def _shown_speaking(verb: Any) -> Any:
    """The one a recording shows speaking, when a participle of speech follows them straight
    after the verb that shows them: "the film depicts one of the guards asking, “…”" is the
    guard asking, though the parser hung "asking" on a clause before it."""
    doc = verb.doc
    if verb.tag_ != "VBG" or not _is_speech(verb) or verb.i < 2:
        return None
    shown = doc[verb.i - 1]
    shown = next((t for t in (shown, *shown.ancestors) if t.dep_ in ("dobj", "obj")), None)
    if shown is None or shown.right_edge.i != verb.i - 1 or shown.head.lemma_.lower() not in _SHOWING_VERBS:
        return None
    return shown


def _one_apposed(noun: Any) -> bool:
    """Whether a noun is the "one" set after a phrase to describe it again ("the same
    agenda, one that …"), which stands for that phrase, not for a person."""
    return noun.lower_ == "one" and noun.dep_ in ("appos", "npadvmod") and noun.i > 0 \
        and noun.doc[noun.i - 1].text == ","
