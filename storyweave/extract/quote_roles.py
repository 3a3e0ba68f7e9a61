"""Role nouns and descriptions as speakers: titles, the one in focus, a role's place, phrases naming no one."""

from __future__ import annotations

from typing import Any

from ..nlp import tokens_starting_in
from .attribution_words import INDEFINITE, NAMING_LABELS, PERSON_NOUNS, PRONOUNS, ROLE_NOUNS


#: Abbreviated titles of role nouns ("Pres. Obama", "Gov. Varga").
ROLE_ABBREVIATIONS = {"president": ("pres",), "governor": ("gov",), "secretary": ("sec", "secy"), "senator": ("sen",),
                      "admiral": ("adm",), "general": ("gen",), "colonel": ("col",), "commander": ("cmdr",),
                      "lieutenant": ("lt",), "sergeant": ("sgt",), "captain": ("capt",)}


def _one_in_focus(noun: Any) -> bool:
    """Whether a role noun can stand for the one person the story is about: "the leader",
    not "the two leaders", "officials" or "a senior official"."""
    if "Plur" in noun.morph.get("Number") or noun.tag_ in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in noun.children)


def _place_of_role(noun: Any) -> str | None:
    """The place a role noun is of, written before it ("the Ostland senator", "the North
    Orsk governor"), lower-cased; None when it has none."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.i < noun.i]
    if not words:
        return None
    first = min(t.i for w in words for t in w.subtree)
    return " ".join(t.lower_ for t in noun.doc[first : noun.i] if t.pos_ == "PROPN") or None


def _capitalised_role(head: Any) -> bool:
    """Whether a word the tagger read as a name is a role noun capitalised after "the" ("the
    Nordland Governor", "the Prime Minister"), which names no one by itself."""
    return head.pos_ == "PROPN" and head.lower_ in ROLE_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _the_two(noun: Any) -> bool:
    """Whether a subject speaks of two people together: "the two leaders", "both men", "the
    two lawmakers"."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.lemma_.lower() not in PERSON_NOUNS | {"man", "woman"}:
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in noun.children)


def _two_described(noun: Any) -> bool:
    """Whether a subject is two definite descriptions of one person each joined by "and"
    ("the Ostland senator and the Orsk businessman discussed …"): like "the two men", the
    two people just named."""
    conjuncts = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ not in ("nsubj", "nsubjpass") or len(conjuncts) != 1 or conjuncts[0].conjuncts != (noun,):
        return False
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in noun.children):
        return False
    return all(t.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
               and not any(c.dep_ in ("appos", "poss") or c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in t.children)
               for t in (noun, conjuncts[0]))


#: Words that stand for a number of people without naming them ("few believe …", "most
#: say …"); the tagger reads them as adjectives or determiners.
COUNTED_PEOPLE = frozenset({"one", "few", "many", "most", "some", "several", "all", "both", "none", "others"})


#: Determiners that point back at someone already in the text ("this official").
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _common_noun_read_as_name(head: Any) -> bool:
    """Whether the recogniser took a common noun in the plural for a name only because it
    opens the sentence capitalised ("Groups of young people roamed …", read as an
    organisation "Groups")."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.i != head.sent.start or head.ent_type_ in ("", "PERSON") \
            or head.ent_iob_ != "B" or head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_iob_ == "I":
        return False  # (a surname may look like a plural: "Rivers is touting …")
    # a name is capitalised inside a sentence too
    return not any(t.text == head.text and t.i != t.sent.start for t in head.doc)


#: Nouns a report describes a public person by, once named ("the shipping magnate told
#: Reuters", "the self-described socialist said"): with "the", like a pronoun, they stand for
#: the one in focus. (Not the nouns of aides, sources and voters, who are mostly unnamed.)
DESCRIPTION_NOUNS = frozenset(
    "tycoon magnate mogul billionaire millionaire businessman businesswoman developer entrepreneur investor "
    "socialist populist conservative liberal front-runner frontrunner hopeful contender challenger incumbent "
    "candidate nominee politician lawmaker congressman congresswoman legislator celebrity".split()
)
#: Members of a party, which the tagger reads as names ("the Ostland Republican").
PARTY_MEMBERS = frozenset({"republican", "democrat"})


def _description_of_one(head: Any) -> str | None:
    """The noun of a definite description of one public person ("the gambling tycoon",
    "the Ostland Republican"): "the" and a singular noun of :data:`DESCRIPTION_NOUNS` or
    :data:`PARTY_MEMBERS`, lower-cased; None for anything else ("the aide", "the tycoons")."""
    if head.tag_ not in ("NN", "NNP") or "Plur" in head.morph.get("Number"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if head.dep_ == "conj" or any(c.dep_ == "conj" and not _second_noun_of_one(c) for c in head.children):
        return None  # "the mogul and the socialist have taken aim at one another": two people
    if _reciprocal(head.head):
        return None  # (the same, where the parser lost the first of them)
    noun = head.lower_
    doc = head.doc
    if head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 1].whitespace_ == "" \
            and doc[head.i - 2].whitespace_ == "":
        noun = f"{doc[head.i - 2].lower_}-{noun}"  # "front-runner", which the tokenizer splits
    if head.tag_ == "NNP":
        return noun if noun in PARTY_MEMBERS else None
    return noun if noun in DESCRIPTION_NOUNS else None


def _second_noun_of_one(conj: Any) -> bool:
    """Whether a noun joined by "and" to a description's noun shares its "the", so both
    describe one person ("the tycoon and reality star"; "the tycoon and the socialist" are two)."""
    return conj.pos_ == "NOUN" and conj.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in conj.children) \
        and not any(c.dep_ == "conj" for c in conj.children)


def _second_role(head: Any) -> Any:
    """The second noun of a description of one person in two roles that shares its "the"
    ("the onetime governor and present Harbour Party nominee"), when it is a noun a public
    person is described by (:data:`DESCRIPTION_NOUNS`); else None."""
    return next((c for c in head.children if c.dep_ == "conj" and _second_noun_of_one(c)
                 and c.lemma_.lower() in DESCRIPTION_NOUNS), None) \
        if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) else None


#: Words of a description that give its party ("the GOP front-runner"), as a member of it.
PARTY_WORDS = {"republican": "republican", "gop": "republican", "democratic": "democrat", "democrat": "democrat"}


def _party_of(head: Any) -> str | None:
    """The party a description's words before its noun give ("the Democratic front-runner"
    is a "democrat"), as a word of :data:`PARTY_MEMBERS`; None when they give none."""
    return next((PARTY_WORDS[t.lower_] for t in head.doc[head.left_edge.i : head.i] if t.lower_ in PARTY_WORDS), None)


def _reciprocal(verb: Any) -> bool:
    """Whether a verb's clause acts on "one another" or "each other", which takes a subject
    of two or more."""
    words = [t.lower_ for t in verb.subtree]
    return any(a in ("one", "each") and b in ("another", "other") for a, b in zip(words, words[1:]))


def _names_no_one(head: Any, span: tuple[int, int]) -> bool:
    """Whether a speaker phrase headed by ``head`` is common nouns only: no proper noun and
    no named entity in it ("officials", "Climate researchers", "a new council report",
    "few")."""
    if head.pos_ != "PROPN" and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in head.children):
        # "this Holm look-alike", "that Holm supporter": the noun (whatever the tagger made
        # of it) points back at someone the text described before; a name modifying it is
        # another person's
        return True
    if head.pos_ not in ("NOUN", "PRON") and head.lower_ not in COUNTED_PEOPLE:
        return False
    tokens = tokens_starting_in(head.doc, span[0], span[1])
    return not any(t.pos_ == "PROPN" or t.ent_type_ in NAMING_LABELS and not _common_noun_read_as_name(t) for t in tokens)


def _describes_a_group(unnamed: bool, speaker_text: str | None) -> bool:
    """Whether an unnamed speaker is described ("Officials", "the scientists", "they"), not
    a pronoun for one person that found no one ("he")."""
    return unnamed and bool(speaker_text) and str(speaker_text).lower() not in PRONOUNS
