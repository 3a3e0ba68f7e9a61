"""Certainty findings: a claim stated as plain fact whose proposition other sources only
hedge, with the hedges that hedge nothing it states (an aside, another clause, a forecast,
a wish) left out."""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..align import SAME_STATEMENT, same_statements
from ..align.shared_words import _shares_only_the_subject
from ..align.words import content_words
from ..forecasts import FORECAST_WORDS, ahead, forecast_and_outcome
from ..model import Certainty, Claim, DiscrepancyKind
from ..nlp import parsed
from .findings import _item

#: Words that turn a proposition into its prohibition or denial.
DENIALS = frozenset({"not", "no", "never", "n't", "deny", "prohibit", "ban", "bar", "forbid", "refuse", "reject"})


def _core(doc: Any, span: tuple[int, int]) -> str | None:
    """The proposition a hedged or attributed sentence reports ("they say they fear
    [Russia could help]"): the innermost clause under verbs of saying or fearing."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    verb = next((t for t in chunk or () if t.pos_ == "VERB" and t.lemma_.lower() in CORE_VERBS), None)
    clause = None
    while verb is not None:
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        verb = clause if clause is not None and clause.lemma_.lower() in CORE_VERBS else None
    if clause is None:
        return None
    # Relative clauses ("…, which are banned") describe; they are not the claim. So does a
    # clause on the whole claim ("…, which prompted Roos to resign"), parsed as a clause of
    # its own whose subject is "which".
    dropped = {x.i for c in clause.subtree if c.dep_ == "relcl" or _comment_clause(c) for x in c.subtree}
    tokens = [x for x in clause.subtree if x.i not in dropped]
    return "".join(x.text_with_ws for x in tokens).strip(" ,.")


def _comment_clause(token: Any) -> bool:
    """Whether a token heads a clause with "which" for its subject, hung on a verb as a
    clause of its own: a comment on the claim, not part of it."""
    return token.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "which" for c in token.children)


CORE_VERBS = frozenset({"fear", "say", "state", "tell", "add", "announce", "believe", "suspect", "claim", "allege", "think",
                        "worry", "report", "warn", "stress", "note"})


def _certainty_shifts(claims: Sequence[Claim], docs: dict[str, Any], add: Any) -> None:
    """Claims stated as plain fact whose proposition other sources only hedge. The hedged
    proposition is the clause under "fear"/"say" when there is one, else the main clause."""
    hedged = []
    for c in claims:
        if c.certainty is Certainty.HEDGED and not _cue_names_someone(docs.get(c.article), c) \
                and not _hedge_on_aside(docs.get(c.article), c) and not _forecast(docs.get(c.article), c) \
                and not _conceded(docs.get(c.article), c) and not _conditional(docs.get(c.article), c):
            core = _core(docs.get(c.article), c.span)
            forms = {core} if core else {c.text} | ({c.core} if _hedged_core(c) else set())
            hedged.append((c, forms))
    # The sources stating one hedged claim as fact are one finding: "three outlets say it,
    # one says 'reportedly'", not three findings against the same hedge.
    stated: dict[tuple[str, ...], tuple[list[Claim], list[Claim]]] = {}
    plains = [(c, {c.text, c.core or c.text}) for c in claims if c.certainty is Certainty.ASSERTED
              and not set(re.findall(r"[a-z']+", c.text.lower())) & DENIALS and not _ability(docs.get(c.article), c)]
    # A sentence that tells someone else's words may still state a thing as fact in a
    # clause under a verb like "revealed" ("… after the Courier revealed Varga had taken the
    # bribe"): the writer takes what was revealed as true.
    plains += [(c, facts) for c in claims if c.certainty is Certainty.ATTRIBUTED
               for facts in [_stated_facts(docs.get(c.article), c)] if facts]
    # every pair judged in one call: the sentences are embedded together, not one pair at a time
    pairs = sorted({(x, y) for plain, plain_forms in plains for h, forms in hedged if h.article != plain.article
                    for x in forms for y in plain_forms})
    score = dict(zip(pairs, same_statements(pairs)))
    for plain, plain_forms in plains:
        matches = [
            h for h, forms in hedged
            if h.article != plain.article and any(score[x, y] >= SAME_STATEMENT and not _only_the_subject_shared(x, y)
                                                  for x in forms for y in plain_forms)
            # "is likely to win" written before the vote is no hedged "won" after it
            and not forecast_and_outcome((docs.get(h.article), h.span, h.text), (docs.get(plain.article), plain.span, plain.text))
            and not _forecast_of_another_event(docs.get(h.article), h, docs.get(plain.article), plain)
            and not _hedge_on_other_clause(docs.get(h.article), h, plain.text)
            and not _wish_against_deed(docs.get(h.article), h, docs.get(plain.article), plain)
            # "plans to rejoin the team this week" states a plan, not the return that another
            # source says "is expected": neither tells it done
            and not _wish_against_deed(docs.get(plain.article), plain, docs.get(h.article), h)
        ]
        if matches:
            stated.setdefault(tuple(h.id for h in matches), ([], matches))[0].append(plain)
    for plains, matches in stated.values():
        cues = ", ".join(dict.fromkeys(f"“{h.cue}”" for h in matches))
        sources = len({p.article for p in plains})
        add(DiscrepancyKind.CERTAINTY,
            f"Stated as fact in {'one source' if sources == 1 else f'{sources} sources'}; "
            f"hedged in {len(matches)} other{'s' if len(matches) > 1 else ''} ({cues}).",
            [_item(p.article, p.text, p.span) for p in plains] + [_item(h.article, h.text, h.span) for h in matches])


def _only_the_subject_shared(hedged: str, plain: str) -> bool:
    """Whether a hedged proposition and a plain one share words only in their subjects
    ("former mayor Ida Varga has been taking bribes again" / "Former Orsk mayor Ida Varga had
    a rough day Monday"): the long title lifts the judge's score, and they tell two things
    of one person, so the plain one states nothing the other hedges."""
    return _shares_only_the_subject(parsed(hedged)[:], parsed(plain)[:])


#: Verbs whose clause the writer takes as true: "the Courier revealed Varga had taken the
#: bribe" tells the bribe as fact, where "the Courier said" would only tell the Courier's words.
FACTIVE_VERBS = frozenset({"reveal", "show", "prove", "discover", "confirm", "expose", "establish"})


def _stated_facts(doc: Any, claim: Claim) -> set[str]:
    """The clauses a sentence states as fact under a factive verb (:data:`FACTIVE_VERBS`),
    unless the verb itself is in someone's words ("Lind said the audit showed …"), is
    negated or hedged, or the clause holds a denial."""
    chunk = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    facts = set()
    for verb in chunk or ():
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in FACTIVE_VERBS or _reported(verb) \
                or any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "n't", "never", "may", "might", "could")
                       for c in verb.children):
            continue
        for words in _revealed(verb):
            if not {t.lower_ for t in words} & DENIALS:
                facts.add("".join(t.text_with_ws for t in words).strip(" ,."))
    return facts


def _revealed(verb: Any) -> list[list[Any]]:
    """The clauses a factive verb takes: its clausal complements, or, when the parser has
    hung the clause's subject on the verb as its object ("revealed [Varga] had taken"), the
    words after the verb up to the next punctuation, if they hold a verb of their own."""
    clauses = [list(c.subtree) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if clauses:
        return clauses
    after = []
    for t in verb.doc[verb.i + 1:verb.sent.end]:
        if t.is_punct:
            break
        after.append(t)
    return [after] if any(t.pos_ in ("VERB", "AUX") for t in after[1:]) else []


def _reported(token: Any) -> bool:
    """Whether a verb is what a verb of saying reports ("Lind said [the audit showed …]"),
    directly or through clauses joined to it. A clause of time or cause on the way up
    ("Roos announced they had split [after the Courier revealed …]") tells the writer's
    own account of when or why, not the speaker's words."""
    while token.head.i != token.i:
        if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in CORE_VERBS:
            return True
        # (a clause the parser made the subject of another, "[the Courier revealed] Varga
        # had taken", is still in what the verb of saying reports)
        if token.dep_ not in ("ccomp", "xcomp", "conj", "csubj"):
            return False
        token = token.head
    return False


def _hedged_core(claim: Claim) -> bool:
    """Whether a hedged claim's main clause (its ``core``, asides left out) holds the hedge.
    When the hedge sits in an aside ("The champion cornered Vale in the sixth, though no
    blow appeared to hurt him"), the main clause is stated as fact, so it is no hedged
    proposition another source could be said to state more firmly."""
    if not claim.core:
        return False
    if not claim.cue:
        return True
    cue = r"\s+".join(re.escape(w) for w in claim.cue.lower().split())
    return re.search(rf"(?<![\w']){cue}(?![\w'])", claim.core.lower()) is not None


#: Verbs of wanting or planning: "Orsk would like a May opening" tells a wish, which no
#: other source's deed ("Orsk has booked a May opening") states as fact.
WANTING = frozenset({"want", "like", "wish", "hope", "plan", "intend", "seek", "aim", "prefer",
                     # a schedule is a plan too ("is scheduled to return on Monday")
                     "schedule",
                     # and a need tells what is wanted to reach an end ("may need a third-place
                     # finish"), not that it was had
                     "need", "require"})


def _main_verbs(doc: Any, claim: Claim) -> set[str]:
    """The lemmas of a claim's root verbs (one per sentence the parser saw in it)."""
    chunk = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    return {t.lemma_.lower() for t in chunk or () if t.dep_ == "ROOT"}


def _wish_against_deed(doc_h: Any, hedged: Claim, doc_p: Any, plain: Claim) -> bool:
    """Whether a hedged claim tells what someone wants (:data:`WANTING`) and the plain one
    does not: the statement judge scores "Orsk would like a May opening" close to "Orsk has
    booked a May opening" since their nouns agree, but a wish is another proposition than
    a deed, so "apparently" on the wish hedges nothing the other source states."""
    wishes = _main_verbs(doc_h, hedged) & WANTING
    return bool(wishes) and not wishes & _main_verbs(doc_p, plain)


#: Modals that say what is possible or allowed, not what happens: "members can invoke the
#: act" states no more than "members may try to invoke it" does.
ABILITY_MODALS = frozenset({"can"})


def _ability(doc: Any, claim: Claim) -> bool:
    """Whether a claim's main verb is under a modal of ability ("can invoke"): the sentence
    is then no plain statement of fact that another source could hedge."""
    chunk = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    roots = [t for t in chunk or () if t.dep_ == "ROOT"]
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for t in roots for c in t.children)


#: Words that open a clause naming the event a forecast waits for.
_AWAITED = frozenset({"after", "once", "when", "until", "before"})


def _cue_tokens(doc: Any, claim: Claim) -> list[Any]:
    """The tokens of a claim's sentence that are its one-word hedge cue (none for a cue of
    several words, or without a parse)."""
    if doc is None or not claim.cue or " " in claim.cue:
        return []
    chunk = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
    return [t for t in chunk or () if t.lower_ == claim.cue.lower()]


def _forecast(doc: Any, claim: Claim) -> bool:
    """Whether a claim's modal hedge ("could", "may") sits on a verb that waits for an event
    in a clause of its own ("could have most of the seats once the votes are counted"): it
    forecasts what will hold then, which a source writing afterwards may state as fact
    without any shift of certainty."""
    cues = [t for t in _cue_tokens(doc, claim) if t.tag_ == "MD"]
    return bool(cues) and all(any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _AWAITED
                                                            for m in c.children) for c in t.head.children) for t in cues)


#: Words that open a condition: "could consult scientists if they chose".
_CONDITIONS = frozenset({"if", "unless"})


def _conditional(doc: Any, claim: Claim) -> bool:
    """Whether a claim's modal hedge ("could", "might") sits on a verb bound to a condition
    of its own ("agencies could still consult scientists if they chose"): the sentence says
    what the condition would bring about, not a guess at what happened, so no source
    stating the act plainly states it more firmly."""
    cues = [t for t in _cue_tokens(doc, claim) if t.tag_ == "MD"]
    # The parser may hang the condition on a word inside the clause ("consult ecologists
    # before building roads if they chose": on "building"), so it is looked for in all the
    # modal bears on.
    return bool(cues) and all(any(doc[i].dep_ == "mark" and doc[i].lower_ in _CONDITIONS and doc[i].head.dep_ == "advcl"
                                  for i in _hedge_reach(t)) for t in cues)


def _forecast_of_another_event(doc_h: Any, hedged: Claim, doc_p: Any, plain: Claim) -> bool:
    """Whether a hedged claim forecasts an event ("is expected to be arraigned", "is
    unlikely to trigger") that the plain claim does not name: the statement judge joins
    "Hale is expected to be arraigned on two charges" to "Hale was charged with two
    counts" by their shared nouns, but the charge and the arraignment are two events, so
    the expectation hedges nothing the other source states."""
    if not set((hedged.cue or "").lower().split()) & FORECAST_WORDS:
        return False  # "reportedly resigned and is expected to leave" hedges the resignation
    hedged_chunk = doc_h.char_span(hedged.span[0], hedged.span[1], alignment_mode="expand") if doc_h is not None else None
    plain_chunk = doc_p.char_span(plain.span[0], plain.span[1], alignment_mode="expand") if doc_p is not None else None
    if hedged_chunk is None or plain_chunk is None:
        return False
    forecast = {t.lemma_.lower() for t in hedged_chunk if t.pos_ == "VERB" and ahead(t)}
    named = {t.lemma_.lower() for t in plain_chunk}
    return bool(forecast) and not forecast & named


#: Verbs of being and having: "she may hold a lead, but …" grants a state of things.
_STATES = frozenset({"be", "have", "hold", "lead", "own"})
#: Conjunctions that answer a granted clause.
_ANSWERING = frozenset({"but", "yet"})


def _conceded(doc: Any, claim: Claim) -> bool:
    """Whether a claim's modal hedge grants a state of things that a clause joined by "but"
    answers ("Marn may hold a lead in delegates, but that is unlikely to deter Vale"): the
    concessive "may" takes the lead as known and argues past it, so another source stating
    the lead plainly shifts no certainty."""
    cues = [t for t in _cue_tokens(doc, claim) if t.tag_ == "MD" and t.lower_ in ("may", "might")]
    return bool(cues) and all(t.head.lemma_.lower() in _STATES
                              and any(c.dep_ == "cc" and c.lower_ in _ANSWERING for c in t.head.children)
                              and any(c.dep_ == "conj" for c in t.head.children) for t in cues)


def _cue_names_someone(doc: Any, claim: Claim) -> bool:
    """Whether a claim's hedge word is a noun for a person or thing ("fired at the suspect"):
    it then hedges nothing. A noun with a clause of its own ("the fear that the dam could
    fail") still hedges that clause."""
    cues = _cue_tokens(doc, claim)
    return bool(cues) and all(t.pos_ == "NOUN" and any(c.dep_ == "det" for c in t.children)
                              and not any(c.dep_ in ("acl", "ccomp", "relcl") for c in t.children) for t in cues)


#: Dependents that attach a circumstance or a description, not the statement: a hedge in
#: one of them ("charged with murder for allegedly shooting a co-worker", "killed him
#: because he allegedly pointed a gun") leaves the main clause stated as fact.
_ASIDE_DEPS = frozenset({"advcl", "relcl", "acl", "prep", "pcomp", "appos"})


def _hedge_on_aside(doc: Any, claim: Claim) -> bool:
    """Whether every occurrence of a claim's one-word hedge sits inside an aside of its
    sentence (:data:`_ASIDE_DEPS` on the way up to the main verb)."""
    cues = _cue_tokens(doc, claim)
    def aside(t: Any) -> bool:
        while t.head.i != t.i:
            if t.dep_ in _ASIDE_DEPS:
                return True
            t = t.head
        return False
    return bool(cues) and all(aside(t) for t in cues)


def _hedge_reach(cue: Any) -> set[int]:
    """The tokens a one-word hedge bears on: the verb it qualifies ("may" → "return") or
    the hedging word itself ("suspected"), with what hangs from it, but not the clauses
    joined to that verb by "and"/"but", which state their own things."""
    anchor = cue.head if cue.dep_ in ("aux", "advmod", "neg") and cue.head.i != cue.i else cue
    joined = {t.i for c in anchor.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return {t.i for t in anchor.subtree} - joined


def _hedge_on_other_clause(doc: Any, claim: Claim, plain: str) -> bool:
    """Whether a hedged sentence hedges a clause other than the one a plain version states:
    "A crew was sent to fix the pumps, but service may not return until Friday" does not
    hedge "a crew was sent to fix the pumps". That is when the plain version shares more
    words with the hedged sentence outside the hedge's reach than inside it."""
    cues = _cue_tokens(doc, claim)
    if not cues:
        return False
    chunk = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
    reach = set().union(*(_hedge_reach(t) for t in cues))
    inside = set(content_words(" ".join(t.text for t in chunk if t.i in reach)))
    outside = set(content_words(" ".join(t.text for t in chunk if t.i not in reach)))
    said = set(content_words(plain))
    return len(said & (outside - inside)) > len(said & inside)
