"""Other news of the same names: a reaction and what it reacts to, a deed as the time of another, other things said."""

from __future__ import annotations

from typing import Any

from .parse import _SUBJECTS, _doer, _one_stem, _predicate_stems, _stated_clause, subject_words
from .shared_words import CALENDAR_WORDS
from .words import content_words, plain_wording


#: Dependents of a stated verb that tell neither what it does nor to what: who does it
#: (its subject), when, why or how (adverbial clauses and modifiers), and asides.
_NOT_SAID = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "advcl", "advmod", "npadvmod", "parataxis",
                       "mark", "aux", "auxpass", "punct", "cc", "intj", "dep", "meta", "appos", "relcl", "acl"})


def _said_tokens(verb: Any) -> list[Any]:
    """The tokens of what a stated verb says of its subject (:func:`_said_words`), in order."""
    kept: list[Any] = []
    todo = [verb]
    while todo:
        token = todo.pop()
        kept.append(token)
        todo += [c for c in token.children if c.dep_ not in _NOT_SAID]
    return sorted(kept, key=lambda t: t.i)


def _said_words(verb: Any) -> set[str]:
    """The content words of what a stated verb says of its subject: the verb, and what it
    is done to, with or about (objects, complements, prepositions), without its subject
    and the clauses that set it in time or give an aside; a name counts whole ("New
    Hampshire", never "new")."""
    kept = _said_tokens(verb)
    words = {" ".join(content_words(plain_wording(t.text))) if t.pos_ != "PROPN" else _whole_name(t) for t in kept}
    return words - CALENDAR_WORDS - {""}


def _whole_name(token: Any) -> str:
    """A proper noun with the proper nouns next to it ("New Hampshire"), in content words."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return " ".join(content_words(doc[start:end].text))


def _names_nothing_of(sentence: Any, other: Any) -> bool:
    """Whether nothing a parsed sentence says of its subject (:func:`_said_words`) is in
    ``other`` (as a word of one stem in plain words, or a whole name), and its subject does
    not name ``other``'s deed as a noun ("the reaction from Orsk has been muted" / "Orsk has
    not reacted")."""
    verb, theirs = _stated_clause(sentence), _stated_clause(other)
    their_words = set(content_words(plain_wording(other.text)))  # "inked a pact" tells "signed an agreement"
    said = _said_words(verb)
    if not said or any(all(w in their_words or any(_one_stem(w, x) for x in their_words) for w in item.split())
                       for item in said):
        return False
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    their_verb = theirs.lemma_.lower()
    return not any(_one_stem(c.lemma_.lower(), their_verb) for c in subjects)


def _about_shared_names(sentence: Any, other: Any) -> bool:
    """Whether the subject of a parsed sentence's stated clause names someone ``other``
    names too (a whole name: "New Hampshire" is not "New Jersey")."""
    theirs = set(content_words(other.text))
    names = {_whole_name(t) for c in _stated_clause(sentence).children if c.dep_ in _SUBJECTS
             for t in c.subtree if t.pos_ == "PROPN"}
    return any(name and set(name.split()) <= theirs for name in names)


#: Share of the content words two sentences have in common that are names, from which what
#: ties them is whom they are about rather than what they say.
NAMES_SHARE = 0.5


def _share_of_names(a: Any, b: Any) -> float:
    """The share of the content words two parsed sentences have in common that are words of
    proper nouns (days and months aside)."""
    shared = set(content_words(a.text)) & set(content_words(b.text))
    names = {w for t in (*a, *b) if t.pos_ == "PROPN" for w in content_words(t.text)} - CALENDAR_WORDS
    return len(shared & names) / max(1, len(shared))


def other_news_of_the_same_names(a: Any, b: Any) -> bool:
    """Whether two parsed sentences name the same people (mostly names in common,
    :data:`NAMES_SHARE`) and one says of the people its subject names nothing the other
    says (:func:`_names_nothing_of`): "Four harbour mayors - Ida Varga of Orsk, Tomas Edd of
    Lund, Ana Pell of Vale and Rui Mont of Kessby - have all been stuck near 10 percent in
    the polls" and "Advisers to the four harbour mayors - Ida Varga of Orsk, … - discount
    either outcome" share a long list of names, which lifts the cosine and the word
    overlap, and tell two things. A list of names is what such a pair shares; two versions
    of one statement share words of what they state (or the statement judge sees one
    statement in other words, which align asks before it parts them)."""
    if _share_of_names(a, b) < NAMES_SHARE:
        return False
    return any(_names_nothing_of(x, y) and _about_shared_names(x, y) for x, y in ((a, b), (b, a)))


#: Words of answering or judging what someone else said or did: "mocked Vale for not having
#: won a ward", "a dig at Vale's remark that …", "contradicted Vale's comments that …", "an ad
#: buy to respond to Vale's ad". Physical words that news also uses for words ("attack",
#: "blast", "slam") are left out: "the gunmen attacked the convoy Vale led" tells a deed.
REACTION_WORDS = frozenset({
    "mock", "mockery", "ridicule", "deride", "taunt", "lampoon", "scoff", "jeer", "contradict", "rebut", "rebuttal",
    "refute", "dispute", "criticize", "criticise", "criticism", "fault", "dismiss", "reject", "rejection", "deny",
    "denial", "respond", "response", "reply", "retort", "react", "reaction", "counter", "dig", "jab", "swipe",
    "praise", "applaud", "laud", "hail", "welcome", "condemn", "condemnation", "denounce", "decry", "defend"})


def _named_words(doer: Any) -> set[str]:
    """The words a doer must be named with: a name by its head alone ("Mr. Edd" is "Edd"),
    a noun by all its naming words (:func:`subject_words`)."""
    return set(content_words(doer.text)) if doer.pos_ == "PROPN" else set(subject_words(doer))


def _reacts_to_the_deed_of(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells someone's answer to, or judgement of, what the doer of
    ``other`` said or did, and ``other`` tells that saying or deed: "Edd mocked Vale for not
    having won a ward" / "Vale has not won a ward", "The tweet was a dig at Vale's remark
    that the port should close" / "Vale said the port should close". The doer of ``other``
    (a name or noun, not a pronoun) is in what the reaction word aims at and not in the
    reacting subject, and ``other`` has no word of the reaction's stem ("Edd criticised Vale
    for the deal" / "Edd attacked Vale over the deal" both tell the reaction)."""
    doer, mine = _doer(other), _doer(sentence)
    if doer is None or doer.pos_ == "PRON":
        return False
    needed = _named_words(doer)
    if not needed or mine is not None and subject_words(mine) & subject_words(doer):
        return False
    their_stems = {t.lemma_.lower() for t in other}
    for word in _said_tokens(_stated_clause(sentence)):
        lemma = word.lemma_.lower()
        if lemma not in REACTION_WORDS or any(_one_stem(lemma, w) for w in their_stems):
            continue
        aimed_at = [t for c in word.children if c.dep_ not in _SUBJECTS for t in c.subtree]
        if needed <= set(content_words(" ".join(t.text for t in aimed_at))):
            return True
    return False


def reaction_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells a reaction to what the other tells
    (:func:`_reacts_to_the_deed_of`): a mockery, a rebuttal or an answer is not the remark
    or the deed it is aimed at, though it repeats its words, and corroborates it no more than
    a request corroborates its deed (:func:`request_and_deed`)."""
    return _reacts_to_the_deed_of(a, b) or _reacts_to_the_deed_of(b, a)


#: Words opening a clause that tells what came before a statement or caused it: "announced
#: their separation after the Orsk Post revealed the affair". Words of the same time ("as",
#: "while", "when") are left out: "temperatures were minus 20 as firefighters battled the
#: blaze" tells of the firefighters' night too.
_SETTING_MARKS = frozenset({"after", "before", "since", "because", "once", "until"})


def _doer_only_in_a_setting(sentence: Any, other: Any) -> bool:
    """Whether the doer of ``other`` is named in ``sentence`` only inside a clause that sets
    its statement in time or gives its cause (:data:`_SETTING_MARKS`), and ``sentence``'s
    own doer is another named party: "Vale's wife announced they had separated after the
    Orsk Post revealed the affair" tells her announcement, and "Vale had an affair, the
    Orsk Post reported" the Post's report."""
    doer, mine = _doer(other), _doer(sentence)
    if doer is None or mine is None or doer.pos_ == "PRON" or mine.pos_ == "PRON":
        return False
    needed = _named_words(doer)
    if not needed or subject_words(mine) & subject_words(doer) or _predicate_stems(_stated_clause(sentence)) & set(
            content_words(other.text)):
        return False
    settings = [c for c in sentence if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in _SETTING_MARKS for m in c.children)]
    inside = {t.i for c in settings for t in c.subtree}
    hits = [t.i for t in sentence if needed & set(content_words(t.text))]
    return bool(hits) and all(i in inside for i in hits)


def deed_as_the_time_of_another(a: Any, b: Any) -> bool:
    """Whether one parsed sentence names the other's doer only in the clause that says when
    or why its own, other doer acted (:func:`_doer_only_in_a_setting`)."""
    return _doer_only_in_a_setting(a, b) or _doer_only_in_a_setting(b, a)


#: Verbs that tell little of an act themselves: what they take tells it ("had breakfast",
#: "held a lead", "was the winner").
_LIGHT_VERBS = frozenset({"have", "take", "make", "give", "hold", "get", "be", "do"})
#: Clauses that go on telling the act of the verb they hang on ("is scheduled to meet",
#: "said he would resign", "won and thanked").
_ACT_CLAUSES = frozenset({"xcomp", "ccomp", "conj", "parataxis"})
#: How a verb or noun takes what its act is done to, on, in or for (the doer left out).
_PARTICIPANT_LINKS = frozenset({"dobj", "attr", "dative", "oprd", "prep", "pobj", "agent"})


def _act_verbs(sentence: Any) -> list[Any]:
    """The verbs that tell what a sentence tells done: its main verbs and those of their
    complement clauses."""
    verbs, todo = [], [t for t in sentence if t.dep_ == "ROOT"]
    while todo:
        token = todo.pop()
        verbs.append(token)
        todo += [c for c in token.children if c.dep_ in _ACT_CLAUSES and c.pos_ in ("VERB", "AUX")]
    return verbs


def _acts(sentence: Any) -> set[str]:
    """The lemmas of what a sentence tells done: its act verbs, or the thing a light verb
    takes ("had breakfast": "breakfast")."""
    acts: set[str] = set()
    for token in _act_verbs(sentence):
        lemma = token.lemma_.lower()
        if lemma in _LIGHT_VERBS:
            acts |= {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"}
        elif token.pos_ == "VERB":
            acts.add(lemma)
    return acts


def _participants(sentence: Any) -> set[str]:
    """The head nouns of what the act verbs take besides their doer, and through
    prepositions what those nouns take ("was named the winner of the Holm primary":
    "winner", "primary"); the names and modifiers inside a noun phrase are left out."""
    found: set[str] = set()
    todo = list(_act_verbs(sentence))
    while todo:
        token = todo.pop()
        for child in token.children:
            if child.dep_ not in _PARTICIPANT_LINKS:
                continue
            if token.lemma_.lower() == "be" and child.dep_ != "attr":
                continue  # "was on a firm path to the post" tells where someone stands, not what is done
            if child.pos_ in ("NOUN", "PROPN"):
                found.add(child.lemma_.lower())
            if child.pos_ in ("NOUN", "PROPN", "ADP"):
                todo.append(child)
    return found


def no_act_in_common(sentence: Any, other: Any) -> bool:
    """Whether two sentences each tell an act, neither tells the other's in any form, and
    their acts take nothing in common besides the doer ("Varga shocked the council by
    refusing to back Lind" / "Varga stayed unmoved — Lind must show he has earned the post":
    two things said of one quarrel; "Varga prevailed in the Holm primary" / "Varga was named
    the winner of the Holm primary": one win told with two verbs). Names and a topic lift
    the models' scores; a pair they join only just needs an act or its object in common."""
    own, theirs = _acts(sentence), _acts(other)
    if not own or not theirs:
        return False
    words = {t.lemma_.lower() for t in sentence if t.pos_ in ("VERB", "NOUN", "ADJ")}
    other_words = {t.lemma_.lower() for t in other if t.pos_ in ("VERB", "NOUN", "ADJ")}
    if own & other_words or theirs & words:
        return False
    theirs_taken = _participants(other)
    return not any(_one_stem(mine, their) for mine in _participants(sentence) for their in theirs_taken)
