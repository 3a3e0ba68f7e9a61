"""Contradiction findings: the same verb negated in one version of a statement only, or
opposite words ("held" / "failed"), read from each article's parse."""

from __future__ import annotations

from typing import Any

from ..align.denials import TELLING
from ..align.parse import subject_words
from ..forecasts import ahead_and_done
from ..opposites import opposite_words


#: Modals that, with "have", make a negated verb counterfactual: "would not have placed
#: him on the list if …" says that he was placed.
COUNTERFACTUAL_MODALS = frozenset({"would", "could", "might", "should"})


def _hypothetical(verb: Any) -> bool:
    """Whether a verb is counterfactual ("would not have placed"), conditional (in, or
    governing, an "if"/"unless" clause) or asked about ("whether"): its negation states
    no fact."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & COUNTERFACTUAL_MODALS and "have" in auxes:
        return True
    # A clause that asks "whether" it is so leaves it open; only the verb it hangs on states
    # anything ("the question is whether she has the votes" says neither that she has them
    # nor that she lacks them).
    if any(m.dep_ == "mark" and m.lower_ == "whether" for m in verb.children):
        return True
    clauses = [verb] + [c for c in verb.children if c.dep_ == "advcl"]
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for c in clauses for m in c.children)


#: Words that open a phrase a sentence sets aside: "Despite reports that he would not return,
#: he is back at the table" states that he is back, not that he will not return.
CONCESSIVE = frozenset({"despite", "notwithstanding", "spite", "contrary"})


def _set_aside(token: Any) -> bool:
    """Whether a word sits inside a concessive phrase (:data:`CONCESSIVE`): what that phrase
    says is what the sentence answers, often others' claim, not what it states. The small
    parser hangs the phrase's clause from "despite" or makes "despite" a child of that
    clause's verb ("said" in "Despite reports that said he would not return"); a "despite"
    on the main verb leaves the main clause stated."""
    return any(a.lower_ in CONCESSIVE or a.dep_ != "ROOT" and any(c.lower_ in CONCESSIVE and c.i < token.i for c in a.children)
               for a in token.ancestors)


def _negations(doc: Any, span: tuple[int, int]) -> int:
    """How many words of a sentence negate a verb, adjective or copula that states a fact."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    return sum(1 for t in chunk or () if t.dep_ == "neg" and not _hypothetical(t.head) and not _set_aside(t))


#: Subjects that deny their verb as "not" would: "nothing in the code requires it".
NEGATIVE_SUBJECTS = frozenset({"nothing", "nobody", "none", "neither", "no one", "no-one"})
#: Verbs that deny the verb under them: "ruled out racing" does not race, "refused to
#: sign" does not sign. ("rule" counts only with "out".)
DENYING_VERBS = frozenset({"refuse", "decline", "deny", "avoid", "reject", "forbid", "prohibit", "ban", "bar", "preclude", "prevent"})


def _denying_subject(token: Any) -> bool:
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    phrase = token.lower_ if token.lower_ != "one" else " ".join(t.lower_ for t in token.subtree)
    return phrase in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _denying_verb(token: Any) -> bool:
    lemma = token.lemma_.lower()
    return lemma in DENYING_VERBS or lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


def _predicate_words(chunk: Any) -> list[tuple[str, Any, list[Any]]]:
    """The predicates of a parsed sentence: each verb (its lemma), and each adjective a verb
    takes as its complement, named with that verb ("plead guilty") or alone after "be"
    ("safe" in "the bridge is safe"), as (name, the verb, the words whose negation negates
    it). "Pleaded not guilty" negates the adjective, "is not safe" the copula: a verb alone
    would miss both, and the versions "pleaded guilty" / "pleaded not guilty" or "is safe" /
    "is not safe" would pass as one statement."""
    found = []
    for t in chunk or ():
        if t.pos_ == "VERB":
            found.append((t.lemma_.lower(), t, [t]))
        elif t.pos_ == "ADJ" and t.dep_ == "acomp" and t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i:
            verb = t.head
            name = t.lemma_.lower() if verb.lemma_.lower() == "be" else f"{verb.lemma_.lower()} {t.lemma_.lower()}"
            found.append((name, verb, [verb, t]))
    return found


def _predicates(doc: Any, span: tuple[int, int]) -> dict[str, tuple[bool, bool]]:
    """The predicates of a sentence (:func:`_predicate_words`: name → (negated?, under a
    negation?)), verbs of telling and hypothetical verbs left out. A verb is under a
    negation when a word it hangs from is negated: "the gulf is not deep enough that we can
    expect tsunamis" does not expect them."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    out: dict[str, tuple[bool, bool]] = {}
    for name, t, words in _predicate_words(chunk):
        # "would not say why" withholds a reason; it denies nothing another source says was said
        if t.lemma_.lower() not in TELLING and not _hypothetical(t) and not _set_aside(t):
            negated = any(c.dep_ == "neg" or _denying_subject(c) for w in words for c in w.children)
            under = negated or any(c.dep_ == "neg" or _denying_subject(c) for a in t.ancestors for c in a.children) \
                or any(_denying_verb(a) for a in t.ancestors)
            was = out.get(name, (False, False))
            out[name] = (negated or was[0], under or was[1])
    return out


def _negated(name: str) -> str:
    """A predicate's name negated as news writes it: "not safe", "plead not guilty"."""
    verb, _, adjective = name.rpartition(" ")
    return f"{verb} not {adjective}" if verb else f"not {name}"


def _subjects(doc: Any, span: tuple[int, int], lemma: str) -> tuple[str, frozenset[str]] | None:
    """Who does what a verb says in a sentence: the voice of its subject ("nsubj" or
    "nsubjpass") and the words naming that subject (:func:`storyweave.align.parse.subject_words`).
    None when a use of the verb has no subject or a pronoun for one (whom "he" means is not
    read here), or without a parse."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    found: set[tuple[str, frozenset[str]]] = set()
    for name, t, _ in _predicate_words(chunk):
        if name != lemma:
            continue
        subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        found.add((subject.dep_, subject_words(subject)))
    return found.pop() if len(found) == 1 else None


def _other_subjects(a: tuple[str, frozenset[str]] | None, b: tuple[str, frozenset[str]] | None) -> bool:
    """Whether a verb has two different parties for subjects in the same voice, sharing no
    word ("the film's stars are signed" / "Ross is not signed"): one signed and the other not
    is no contradiction. Subjects in two voices ("voters did not approve the plan" / "the
    plan was approved") are left to the other rules: the passive's subject is the active's
    object."""
    return a is not None and b is not None and a[0] == b[0] and bool(a[1]) and bool(b[1]) and not a[1] & b[1]


def _only_in_names(doc: Any, span: tuple[int, int], word: str) -> bool:
    """Whether every use of a word in a sentence modifies a noun as part of its name ("the
    end zone", "the open day"): it then tells of no opening or ending."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    uses = [t for t in chunk or () if t.lower_ == word.lower()]
    return bool(uses) and all(t.dep_ == "compound" for t in uses)


#: Words that make a negation say "not so far": "has not yet signed", "is still not open".
SO_FAR = frozenset({"yet", "still"})


def _not_so_far(doc: Any, span: tuple[int, int], lemma: str) -> bool:
    """Whether every negated use of a verb says it has not happened so far: a perfect ("has
    not formally overturned it") or a "yet"/"still" ("is not yet open"). Written before the
    other source's day, that is no denial of what the other source tells as done since."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    uses = [t for t in chunk or () if t.pos_ == "VERB" and t.lemma_.lower() == lemma and any(c.dep_ == "neg" for c in t.children)]
    return bool(uses) and all(
        any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in t.children) and t.tag_ == "VBN"
        or any(c.lower_ in SO_FAR for c in t.children) for t in uses)


def _contradiction(a: Any, b: Any, days: tuple[Any, Any] = (None, None)) -> str | None:
    """How two aligned statements contradict: the same verb negated in one only, or
    opposite words ("confirmed" / "denied", "held" / "failed"). ``days`` are the two
    versions' publication days when known: a version saying a thing has not happened so
    far, written on an earlier day than the one telling it done, is told as such (the
    news may have moved on between the two), not as one source denying the other."""
    (doc_a, span_a, text_a), (doc_b, span_b, text_b) = a, b
    pa, pb = _predicates(doc_a, span_a), _predicates(doc_b, span_b)
    # Negated in one, and in the other neither negated nor under a negation.
    flipped = [verb for verb in sorted(set(pa) & set(pb))
               if (pa[verb][0] and not pb[verb][1] or pb[verb][0] and not pa[verb][1])
               and not _other_subjects(_subjects(doc_a, span_a, verb), _subjects(doc_b, span_b, verb))]
    # As many negations on each side is a negation moved, not added: "I didn't feel we
    # were executing it" / "I feel we weren't executing it".
    if flipped and _negations(doc_a, span_a) % 2 != _negations(doc_b, span_b) % 2 \
            and not ahead_and_done(doc_a, span_a, {flipped[0]}, doc_b, span_b, {flipped[0]}):
        moved = _earlier_not_yet(a, b, days, flipped[0])
        if moved:
            return (f"One source says “{_negated(flipped[0])}” on {moved[0]:%Y-%m-%d}, a later one “{flipped[0]}” on "
                    f"{moved[1]:%Y-%m-%d}: it may have happened in between.")
        return f"One source says “{flipped[0]}”, the other “{_negated(flipped[0])}”."
    opposed = opposite_words(text_a, text_b)
    if opposed and (_only_in_names(doc_a, span_a, opposed[0]) or _only_in_names(doc_b, span_b, opposed[1])):
        return None  # "the end zone" names a place; it says nothing has ended
    # "is expected to win" before the vote and "lost" after it are both right.
    if opposed and not ahead_and_done(doc_a, span_a, {opposed[0]}, doc_b, span_b, {opposed[1]}):
        return f"One source says “{opposed[0]}”, the other “{opposed[1]}”."
    return None


def _earlier_not_yet(a: Any, b: Any, days: tuple[Any, Any], lemma: str) -> tuple[Any, Any] | None:
    """The two days (the negating version's first) when the version negating a verb says
    "not so far" (:func:`_not_so_far`) and was published on an earlier day than the other;
    else None."""
    (doc_a, span_a, _), (doc_b, span_b, _) = a, b
    day_a, day_b = days
    if day_a is None or day_b is None or day_a == day_b:
        return None
    negated_a = any(c.dep_ == "neg" for t in (doc_a.char_span(span_a[0], span_a[1], alignment_mode="expand") or ())
                    if t.pos_ == "VERB" and t.lemma_.lower() == lemma for c in t.children) if doc_a is not None else False
    if negated_a:
        return (day_a, day_b) if day_a < day_b and _not_so_far(doc_a, span_a, lemma) else None
    return (day_b, day_a) if day_b < day_a and _not_so_far(doc_b, span_b, lemma) else None
