"""Denials: a deed done without, a denial of what the other omits, a withheld answer, a verb negated for one party."""

from __future__ import annotations

import re
from typing import Any

from .parse import _negated_verb, _one_stem, _stated_clause, subject_words


#: Doing a thing and doing without it: "seek consultation" / "bypass consultation".
#: Only the word that ends the object counts: in "bypassed user checks" the thing done
#: without is the checks, not the user. ("without" is left out: it is mostly an aside,
#: "without their knowledge".)
_WITHOUT = re.compile(r"\b(?:bypass|skip|waive|forgo|forego|circumvent|evade|sidestep)\w*\s+"
                      r"(?:(?:the|a|an|any|all|its|their)\s+)?([a-z]{4,})"
                      r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|nor|but|with|to|for|in|on|by|from|before|after|when|if)\b)", re.I)


def done_and_done_without(a: str, b: str) -> bool:
    """Whether one version tells something done without a thing ("nothing requires that an
    agency bypass consultation") that the other names without saying so ("the rules don't
    require agencies to seek consultation"): the two share their words and state near
    opposite things, and which one denies is not what sets them apart."""
    for text, other in ((a, b), (b, a)):
        skipped = {m.group(1).lower() for m in _WITHOUT.finditer(text)}
        if skipped and not _WITHOUT.search(other) and any(re.search(rf"\b{w}", other, re.I) for w in skipped):
            return True
    return False
#: Complements that carry what a main verb states ("is not the means", "was not reported to
#: have offered").
_COMPLEMENTS = frozenset({"attr", "acomp", "xcomp", "oprd"})
#: Verbs that state nothing by themselves.
_LIGHT_VERBS = frozenset({"be", "have", "do"})


def _denied(sentence: Any) -> set[str]:
    """The lemmas of what a sentence's main clause denies ("the act is not the means" →
    means; "none of the teams has been reported to have offered more" → report, offer);
    empty when the main clause is not negated."""
    root = sentence.root
    if not _negated_verb(root):
        return set()
    words, i = [root], 0
    while i < len(words):  # "reported to have offered": the complement's complement too
        words += [c for c in words[i].children if c.dep_ in _COMPLEMENTS]
        i += 1
    return {t.lemma_.lower() for t in words} - _LIGHT_VERBS


def denies_what_the_other_omits(a: Any, b: Any) -> bool:
    """Whether one parsed sentence denies something in its main clause that the other,
    not negated, does not mention at all: "the Endangered Species Act is not the means to
    arrest global warming" against "the service listed the polar bear under the Endangered
    Species Act due to global warming", or "none of the other teams has been reported to
    have offered more" against a list of the teams' offers. The same statement denied and
    affirmed shares its verb, in some form ("has not yet reacted" / "the reaction … has been
    muted"; a contradiction compare reports); here the shared words are only the subject
    matter."""
    for sentence, other in ((a, b), (b, a)):
        denied = _denied(sentence)
        if denied and not _negative(other) and not any(_one_stem(d, t.lemma_.lower()) for d in denied for t in other):
            return True
    return False


#: Words that deny wherever they stand.
_NEGATIVE_WORDS = frozenset({"no", "not", "n't", "never", "none", "nothing", "nobody", "neither", "nor", "without"})


def _negative(sentence: Any) -> bool:
    """Whether a sentence denies anything anywhere, by a word or an adjective in "un-": "no
    one was hurt, said the chief" (the denial under a speech verb) and "are unsure if" (a
    denial in other words: "did not know whether") may be the other's denial told again."""
    return any(t.lower_ in _NEGATIVE_WORDS or t.dep_ == "neg" or t.pos_ == "ADJ" and t.lower_.startswith("un")
               for t in sentence)


#: Verbs of telling: "would not say what she was treated for" withholds something, and so
#: does "declined to comment"; neither states what another source says was said.
TELLING = frozenset({"say", "tell", "comment", "speak", "talk", "add", "explain", "elaborate", "specify", "disclose"})
#: Verbs that refuse the verb under them ("declined to say", "refused to comment").
_REFUSING = frozenset({"decline", "refuse"})


def withholds(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause tells that someone would not tell something:
    "Vale would not say what the dispute was about", "the club declined to comment", "the
    agent had no comment"."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma in TELLING and _negated_verb(root):
        return True
    if lemma in _REFUSING and any(c.dep_ == "xcomp" and c.lemma_.lower() in TELLING for c in root.children):
        return True
    return lemma == "have" and any(c.dep_ == "dobj" and c.lemma_.lower() == "comment"
                                   and any(d.lower_ == "no" for d in c.children) for c in root.children)


def withheld_and_told(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells that someone would not tell something and the other
    does not: "Vale would not say what the dispute was about" and "Vale said on Monday that
    the dispute was about the lease" share their speaker, their verb in one stem and their
    subject matter, and the models read one statement; but a refusal to tell states nothing
    the telling states (and compare reads no contradiction in it either). The other telling
    the same refusal inside a longer clause withholds too ("A harbour master cannot simply
    say whatever comes to mind." / "The trouble is a harbour master cannot simply say …, because …")."""
    if withholds(a) == withholds(b):
        return False
    refusal, other = (a, b) if withholds(a) else (b, a)
    return not _negated_telling(other, refusal.root.lemma_.lower())


def _negated_telling(sentence: Any, lemma: str) -> bool:
    """Whether a parsed sentence negates a verb of telling of this lemma anywhere in it."""
    return lemma in TELLING and any(t.lemma_.lower() == lemma and _negated_verb(t) for t in sentence)


def _party(verb: Any) -> tuple[str, frozenset[str]] | None:
    """The voice and the naming words of a verb's subject; None for no subject or a pronoun
    (whom "he" means is not read here)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    words = subject_words(subject)
    return (subject.dep_, words) if words else None


def negated_for_another_party(a: Any, b: Any) -> bool:
    """Whether two parsed sentences state one verb, negated in one only, of two parties:
    "Unlike the two leads, the director is not signed for the sequel" / "the film's two
    leads are signed on for the sequel". The subjects, in one voice, share no word: one
    party did and the other did not, which is no contradiction (compare reads none) and
    no corroboration either. A subject in the other voice may be the other's object
    ("voters did not approve the plan" / "the plan was approved"), so it is left alone."""
    verb_a, verb_b = _stated_clause(a), _stated_clause(b)
    if verb_a.lemma_.lower() != verb_b.lemma_.lower() or _negated_verb(verb_a) == _negated_verb(verb_b):
        return False
    party_a, party_b = _party(verb_a), _party(verb_b)
    return party_a is not None and party_b is not None and party_a[0] == party_b[0] and not party_a[1] & party_b[1]
