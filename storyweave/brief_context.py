"""brief's context: whether a line leaves out what the sentence before it told
(:func:`needs_line_before`).

A brief line is read alone. Some sentences are whole in their article but say half of what
they mean there: "Through a foundation, so did the son-in-law of a former president" (did
what?), "The kingdom donated more than $10 million" (to whom?). The article's sentence
before gives the deed or the receiver; the brief does not have it, so such a line is left
out, as an opening "He" that cannot be named is.
"""

from __future__ import annotations

from typing import Any

from .nlp import parsed

#: Words that stand for the predicate of the sentence before ("so did the son-in-law",
#: "neither has the council").
ELLIPSIS_ADVERBS = frozenset({"so", "neither", "nor"})
#: Verbs of giving money that name the receiver, or leave it to the sentence before (lemmas).
GIVING = frozenset({"donate", "contribute"})
#: Prepositions that name a gift's receiver or purpose ("to the foundation", "toward the
#: campaign", "for the relief effort").
RECEIVER_PREPOSITIONS = frozenset({"to", "toward", "towards", "for", "into"})


def needs_line_before(text: str) -> bool:
    """Whether the line's main clause takes its deed or its receiver from the sentence before:
    "so did …" standing for that sentence's predicate, or money given to no one named."""
    doc = parsed(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    return stands_for_predicate_before(root) or gift_without_receiver(root)


def stands_for_predicate_before(root: Any) -> bool:
    """"Through a foundation, so did the son-in-law of …": the main clause is an auxiliary
    with "so" or "neither" for the verb phrase of a sentence the reader has not seen. Within
    one sentence ("He lost, and so did his party") the clause it stands for is there: the
    parser joins it as a conjunct, not as the main verb."""
    if root.lemma_ not in ("do", "be", "have") and root.tag_ != "MD":
        return False
    # the parser takes "Neither" for the subject and "the council" of "Nor has the council" for
    # an object; "He did so on Monday" puts the word after the verb
    return any(c.lower_ in ELLIPSIS_ADVERBS and c.i < root.i for c in root.children)


def gift_without_receiver(root: Any) -> bool:
    """"The kingdom donated more than $10 million": a sum given with no receiver or purpose
    in the line (to the foundation? to the campaign?). "Donated $1 million to the relief
    fund" and "contributed to the decline" say where it went."""
    verbs = [root, *root.conjuncts]
    if not any(v.lemma_ in GIVING for v in verbs):
        return False
    for verb in verbs:
        if verb.lemma_ not in GIVING:
            continue
        # the receiver may hang on the sum ("donated $2 million for flood relief")
        told = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "conj") for t in c.subtree]
        if any(t.dep_ == "dative" or t.dep_ == "prep" and t.lower_ in RECEIVER_PREPOSITIONS for t in told):
            return False
        if not any(t.ent_type_ == "MONEY" or t.text == "$" for t in verb.subtree):
            return False  # "contributed greatly": no gift
    return True
