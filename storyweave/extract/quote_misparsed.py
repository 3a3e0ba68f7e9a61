"""A cue verb's subject the parser misplaced: inverted, apposed, after a break or the quote, read as an object."""

from __future__ import annotations

import re
from typing import Any

from .attribution_words import INDIRECT_VERBS, OPENERS, PRONOUNS, SPEECH_VERBS
from .quote_cues import _is_speech


def _misparsed_subject(verb: Any) -> Any:
    """A speaker the parser hung on a speech verb as a modifier: a name read as a compound
    ("“…,” Varga answers.") or a share read as a number ("About 4 in 10 say they …"), a
    name after a quote, or an apposition of an opening phrase, when the verb has no subject."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in INDIRECT_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None  # ("receive 911 calls saying …": a noun of the same letters has no speaker slip)
    before = [c for c in verb.children if c.i < verb.i and c.dep_ not in ("punct", "advmod", "aux", "neg", "prep", "mark", "cc")]
    if not before:
        return _apposed_subject(verb) or _inverted_subject(verb) or _named_after_quote(verb)
    slip = before[-1]
    if slip.i == verb.i - 1 and (slip.dep_ == "compound" and slip.pos_ == "PROPN" or slip.dep_ == "nummod" and slip.pos_ == "NUM"):
        return slip
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) >= 2 and slip.i == clauses[0].i and clauses[-1].i > verb.i and slip.tag_ in ("VBD", "VBZ", "VBP") \
            and _reported_clause(slip):
        # "Varga, later alleging that Holm wanted to close the pier, said he would …": the
        # first clause is what the participle before it reports, not an act of its own; the
        # name opening the sentence, set off by a comma, does both
        return _opening_name(verb, slip)
    if len(clauses) >= 2 and slip.i == clauses[0].i and clauses[-1].i > verb.i and slip.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(t.text in OPENERS or t.text in ("‘", "’", "''", "``") for t in verb.doc[slip.left_edge.i : verb.i]):
        # "Kasich offered the man a job, then says he will …": the parser makes the first
        # act a clause of the speech verb; its subject is the speaker of the second.
        subject = next((c for c in slip.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in PRONOUNS):
            return subject
    return _named_after_quote(verb) or _apposed_subject(verb) or _subject_after_break(verb) or _inverted_subject(verb)


def _reported_clause(clause: Any) -> bool:
    """Whether a clause is opened by "that" after a participle of saying before it, as a
    clause another verb reports is ("alleging that Holm wanted …")."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None:
        return False
    return any(t.tag_ == "VBG" and _is_speech(t) for t in clause.doc[clause.sent.start : mark.i])


def _opening_name(verb: Any, clause: Any) -> Any:
    """The name that opens the sentence of ``verb`` and is set off by a comma right after
    it, in the subtree of ``clause`` where the parser hung it, else None."""
    first = clause.doc[verb.sent.start]
    while first.is_punct and first.i < verb.i:
        first = first.doc[first.i + 1]
    name = first
    while name.i + 1 < verb.i and name.doc[name.i + 1].ent_type_ == "PERSON" and name.ent_type_ == "PERSON":
        name = name.doc[name.i + 1]
    if first.ent_type_ != "PERSON" or name.doc[name.i + 1].text != "," \
            or not any(t.i == name.i for t in clause.subtree):
        return None
    return name


def _speech_verb_read_as_noun(subject: Any) -> Any:
    """The speaker of a speech verb the parser read as a plural noun heading the subject of
    the clause it reports ("a decline that the association predicts will continue":
    "the association predicts" made the subject of "continue"): the singular noun before it, when a
    modal ("predicts will") or a verb in the singular ("predicts is"), which no plural
    subject takes, follows; None otherwise."""
    word = subject.lower_
    if subject.tag_ != "NNS" or not word.endswith("s") or subject.i + 1 >= len(subject.doc) \
            or word[:-1] not in SPEECH_VERBS | INDIRECT_VERBS:
        return None
    if subject.doc[subject.i + 1].tag_ not in ("MD", "VBZ"):
        return None
    noun = next((c for c in subject.children if c.dep_ == "compound" and c.i == subject.i - 1
                 and c.tag_ in ("NN", "NNP")), None)
    if noun is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    return noun


#: Words opening a clause that the parser may read as a preposition ("as Davis attacked").
_CLAUSE_OPENING_PREPOSITIONS = frozenset({"as", "while", "when", "after", "before", "because", "since", "until"})


def _subject_read_as_object(verb: Any) -> Any:
    """The subject of a clause the parser opened as a prepositional phrase ("… grew louder
    as Patti Davis, Ronald Reagan's daughter, attacked Trump": "Davis" the object of
    "as", "attacked" a clause with no subject), when only an apposition and commas stand
    between it and the verb."""
    if verb.dep_ not in ("advcl", "conj", "ROOT") or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # such a clause is finite: "went before reporters to denounce …" is theirs
    if verb.dep_ in ("conj", "ROOT"):
        return _subject_read_as_object_of_joined(verb)
    for prep in verb.head.children:
        if prep.lower_ == "as" and any(c.dep_ in ("dobj", "obj") and c.i < prep.i for c in verb.head.children):
            continue  # "dismissed Walker as an ineffective leader, arguing …": "as" names a role
        if prep.dep_ == "prep" and prep.lower_ in _CLAUSE_OPENING_PREPOSITIONS and prep.i < verb.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN") and all(
                    t.dep_ in ("punct", "appos") or t.head.i != verb.head.i and t.head.dep_ != "ROOT"
                    for t in verb.doc[obj.i + 1 : verb.i]):
                return obj
    return None


def _subject_read_as_object_of_joined(verb: Any) -> Any:
    """The same slip when the parser joined the verb to the main clause with no "and", or
    made the main clause the verb's, and hung the "as" phrase on a clause between ("The
    quarrel began before he left Orsk, as Ivo Brel, contradicting Varga, said …": "said"
    joined to "began", whose subject is no speaker of it, or "began" read as what was
    said): the object of the last such "as" before the verb, a name, with nothing but an
    aside set off by commas between."""
    opening = verb.sent.start if verb.dep_ == "ROOT" else verb.head.i + 1
    if verb.dep_ == "ROOT" and not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ == "cc" and opening <= c.i < verb.i for c in verb.head.children):
        return None  # "Varga arrived as mayor, and said …": a joined act of the main subject
    for prep in reversed(verb.doc[opening : verb.i]):
        if prep.dep_ != "prep" or prep.lower_ not in _CLAUSE_OPENING_PREPOSITIONS or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN" and _set_off_between(obj, verb):
            return obj
        return None
    return None


def _set_off_between(name: Any, verb: Any) -> bool:
    """Whether only punctuation and asides set off by commas (an apposition, a participle's
    phrase: ", contradicting Varga,") stand between a name and a verb."""
    between = verb.doc[name.i + 1 : verb.i]
    if not between:
        return True
    if between[0].text != "," or between[-1].text != ",":
        return all(t.is_punct for t in between)
    aside = between[1:-1]
    return all(t.is_punct or t.dep_ == "appos" or t.head.i != verb.head.i and t.head.dep_ != "ROOT"
               or t.dep_ in ("advcl", "acl") and t.tag_ in ("VBG", "VBN") for t in aside) \
        and all(aside.start <= t.i < aside.end for a in aside if a.dep_ in ("advcl", "acl", "appos") for t in a.subtree)


def _inverted_subject(verb: Any) -> Any:
    """The speaker named right after a speech verb that follows its quote ("“…,” said Ilse
    Varga, smiling") when the parser made the name the subject of a clause after the verb
    ("Varga … smiling") instead of the verb's own."""
    doc = verb.doc
    if verb.i < 1 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in {*OPENERS.values(), "’", "''"}:
        return None
    if verb.tag_ == "VBG" or verb.lemma_.lower() == "tell":
        # a participle is not inverted, nor "told" (“…,” asked Varga, but never told Varga):
        # in "did not want to address “that woman,” telling Radio 9 that …" the name is the one told
        return None
    after = doc[verb.i + 1]
    if after.head.i == verb.i and after.pos_ == "ADV" and after.is_title:
        return after  # "“…,” said Skelly": a name the tagger took for an adverb by its "-ly"
    named = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ == "PROPN" and c.left_edge.i == verb.i + 1), None)
    if named is not None:
        # "“…,” recalled Mr. Holm": the quotation is what was recalled, so the name the
        # parser took for the object of the inverted verb is its subject
        return named
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "advcl") and clause.i > verb.i:
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1
                            and c.pos_ == "PROPN"), None)
            if subject is not None:
                return subject
    return None


def _subject_after_break(verb: Any) -> Any:
    """The noun that opens a speech verb's paragraph when the parser ran the paragraph before
    into its sentence and hung the noun there ("… works.”⏎⏎Sen. Ilse Varga, facing a
    challenge, said she would …", the name read as an object of "works")."""
    doc = verb.doc
    breaks = [t.i for t in doc[verb.sent.start : verb.i] if "\n" in t.text]
    if not breaks:
        return None
    first = breaks[-1] + 1
    opening = [t for t in doc[first : verb.i] if not first <= t.head.i < verb.i and not t.is_punct and not t.is_space]
    if not opening or opening[0].pos_ not in ("PROPN", "NOUN") or opening[0].head.i == verb.i:
        return None
    return opening[0]


def _apposed_subject(verb: Any) -> Any:
    """The subject the parser read as an apposition of an opening phrase ("In a statement to
    the gazette, her adviser, Ana Ruiz, said"): the noun set off by commas right before the
    verb, hung on the object of a preposition of the verb, or on a word of a participle
    clause opening the sentence ("Alarmed by the unrest in Nevada, Senator Ilse Varga, …,
    said": the parser may also join the name to "Nevada" as a second item, with no "and")."""
    for prep in verb.children:
        fronted = prep.dep_ == "advcl" and prep.tag_ in ("VBN", "VBG") and prep.left_edge.i == verb.sent.start
        if prep.dep_ != "prep" and not fronted or prep.i > verb.i:
            continue
        for pobj in prep.subtree:
            appos = [a for a in pobj.children if a.i > pobj.i and (a.dep_ == "appos" or fronted and a.dep_ == "conj"
                                                                   and a.pos_ == "PROPN"
                                                                   and not any(c.dep_ == "cc" for c in pobj.children))]
            if appos and re.fullmatch(r"\s*,\s*", verb.doc[appos[-1].right_edge.i + 1 : verb.i].text_with_ws or " "):
                return appos[0]
            last = appos[-1] if appos else None
            while last is not None and any(c.dep_ == "appos" and c.i > last.i for c in last.children):
                last = max((c for c in last.children if c.dep_ == "appos"), key=lambda c: c.i)  # a name set off after a name
            if last is not None and last.pos_ == "PROPN" and last.right_edge.i == verb.i - 1 \
                    and verb.doc[last.left_edge.i - 1].text == ",":
                # "…, while on the trail for his wife, Ilse Brennick, former mayor Tomas
                # Brennick said": the name set off by a comma right before the verb, whatever
                # the parser hung it on, is its subject
                return last
    return None


def _named_after_quote(verb: Any) -> Any:
    """The speaker named right after a quote closed by a comma when the parser gave its
    speech verb no subject ("“…,” harbour master Tomas Brennick, in a yellow coat, said"):
    the last word of the noun phrase that opens the attribution."""
    doc = verb.doc
    marks = [t for t in doc[verb.sent.start : verb.i] if t.text in ("”", '"', "''", "’") and t.i > 0
             and doc[t.i - 1].text in (",", "?", "!")]
    if not marks or "\n" in doc[marks[-1].i : verb.i].text:
        return None
    run: list[Any] = []
    for t in doc[marks[-1].i + 1 : verb.i]:
        # a place opening the speaker's title may be tagged a verb ("Orsk police Chief …")
        if t.pos_ in ("PROPN", "NOUN") or t.dep_ == "compound" or not run and (t.pos_ in ("DET", "ADJ") or t.ent_type_):
            run.append(t)
            continue
        break
    while run and run[-1].pos_ not in ("PROPN", "NOUN"):
        run.pop()
    if not run:
        return None
    after = doc[run[-1].i + 1]
    return run[-1] if after.i == verb.i or after.text == "," else None
