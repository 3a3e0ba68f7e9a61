"""Claims: the declarative sentences of an article, each with how firmly it is stated.

``hedged`` when a hedge cue weakens it ("may", "could", "allegedly", "fear"), else
``attributed`` when someone other than the outlet says it (a quote, a speech verb, or
"according to"), else ``asserted``. The cue that decided is kept.

Then the claim-strength model (:mod:`.strength`, reading the sentence's vector and parse)
reviews the sentences the rules left ``asserted``: one it is confident states a conditional
finding ("suggests", "appears", "potentially") becomes ``hedged``, with the hedge word it contains as the cue. It never
turns a hedged or attributed sentence into an assertion.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .._text import title_case
from ..model import Annotation, Certainty, Claim
from .attribution_words import (BACKING_VERBS, FINITE_TAGS, LABEL_VERBS, REGARD_VERBS, REQUEST_VERBS, SPEECH_VERBS,
                               STANCE_VERBS)
from .quote_cues import aims_something, finds_oneself
from .quotes import Attribution
from .strength import conditional_cue, strength_probabilities

#: Words that weaken a statement. Modal verbs count only as auxiliaries (checked by tag).
HEDGE_WORDS = frozenset(
    """allegedly reportedly purportedly supposedly apparently possibly probably perhaps maybe
    likely unlikely unconfirmed alleged suspected rumoured rumored fear fears feared suspect
    suspects""".split()
)
HEDGE_MODALS = frozenset({"may", "might", "could"})
HEDGE_PHRASES = re.compile(
    r"\b(is|are|was|were|(?:has|have|had) been) (?:not )?(said|believed|thought|reported|understood|alleged|expected) to\b"
    # "It's unclear whether …", "it remains uncertain": the writer does not know. Not
    # "unclear how (when, why …) the cable broke": that takes the breaking as known and
    # doubts only a detail of it.
    r"|\bit(?: is|['’]s| was| remains) (?:still )?(unclear|not clear|not yet clear|uncertain)\b"
    r"(?!,? (?:exactly |precisely |just )?(?:how|when|why|where|who|what|which)\b)"
    r"|\b(appear|seem)(s|ed)? to\b"
    # "It seems a near certainty that …", "where, it seems, …": the writer's impression
    r"|\bit (seems|seemed|appears|appeared)\b"
    # an unattributed report: "It has been reported that the mayor resigned"
    r"|\bit(?:['’]s| has| had| is| was) (?:been )?(?:reported|alleged|rumou?red|claimed) that\b",
    re.I,
)
ATTRIBUTION_WORDS = frozenset({"according"})
#: A sentence shorter than this is a heading or a fragment, not a claim.
MIN_CLAIM_WORDS = 5
#: The end of a piece of a sentence cut before its statement is complete ("Where the work
#: is wholly beneficial, or", "Ida Marsh, the trust's director, commented,"): what it
#: states goes on in the next line, so its words alone are no claim to compare. (A
#: semicolon ends a whole clause: "It has been a poor season for Vale;" states it.)
CUT_OFF_END = re.compile(r"(?:,|\b(?:and|or|but|nor))\s*$", re.I)
#: Probability of "conditional causal" above which an asserted sentence with a hedge word
#: becomes hedged. In grouped CV on the claim-strength press releases (strength-ens.v4,
#: 2026-12-03), 87% of the sentences at ≥ 0.6 were conditional (recall 0.60; ≥ 0.5: 87%,
#: recall 0.71). High on purpose: the model was trained on science press
#: releases, and a news sentence wrongly hedged hides a claim's escalation.
HEDGE_PROBABILITY = 0.6


#: Nouns a poll counts that "likely" sorts, not hedges: "among likely voters".
POLL_POPULATIONS = frozenset("voter voters caucusgoer caucusgoers electorate".split())
#: Verbs of perceiving after "could be": "bodies could be seen" is what was seen.
PERCEPTION_PARTICIPLES = frozenset("seen heard felt spotted observed".split())
#: Words after "could" that make it an inability, not a hedge: "could not be reached".
_NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
#: Words before "likely" that make it a comparison of chances, which a poll or a study
#: states as a finding: "voters are more likely to …".
_COMPARATIVES = frozenset("more most less least as equally".split())
#: Adjectives that doubt only the noun they qualify: "misled the public about alleged fraud"
#: states the misleading as a fact (the doubt weakens the sentence when it is on its subject).
NOUN_DOUBTS = frozenset("alleged suspected reported purported rumored rumoured".split())
#: Words a clause that compares, tells a purpose, sets a condition or a concession, or asks
#: opens with ("less than someone could raise", "so that the army could round them up", "would
#: run if he could earn 15 percent", "although some might be good people", "asked whether the
#: vote could slip"): its modal weakens nothing the sentence states.
#: A clause that tells when ("after she allegedly hid the money", "before he could
#: leave") dates what the sentence states; a doubt inside it is the clause's own.
_SIDE_CLAUSE_MARKS = frozenset({"than", "so", "if", "unless", "whether", "although", "though",
                                "after", "before", "until", "when", "while",
                                # session 36: an absolute clause tells the circumstance ("With the
                                # mayor reportedly weighing a second term, a survey found …"): its
                                # doubt is the circumstance's, not the finding's
                                "with"})
#: Modals after "possibly" that make it an intensifier: "as far away as she possibly can",
#: "everything we possibly can" (with no verb after the modal).
_INTENSIFIED_MODALS = frozenset({"can", "could"})


def _not_a_hedge(t: Any) -> bool:
    """Whether a hedge word is used in a sense that weakens nothing.

    "could not be reached" and "couldn't afford" tell what someone was unable to do;
    "could be seen" what was seen; "likely voters" is a poll's population and "an unlikely
    alliance" a surprising one; "two suspects were arrested" names people; "people's fears"
    is a feeling, unlike "fears that the dam will break".
    """
    low, nxt = t.lower_, t.nbor(1) if t.i + 1 < len(t.doc) else None
    after = nxt.lower_ if nxt is not None else ""
    if _in_side_clause(t):
        return True
    if low == "possibly" and after in _INTENSIFIED_MODALS:
        # "as far away as she possibly can": the utmost, no doubt ("possibly could win" doubts)
        return t.i + 2 >= len(t.doc) or t.nbor(2).pos_ not in ("VERB", "AUX")
    if low == "could":
        # "could no longer defend" is an inability, as "could not" is
        return after in _NEGATIONS or (after == "no" and t.i + 2 < len(t.doc) and t.nbor(2).lower_ == "longer") or _perceived(t)
    if low in ("likely", "unlikely") and t.i > 0 and t.nbor(-1).lower_ in _COMPARATIVES:
        return True
    noun = _adjective_of_noun(t) if low in ("likely", "unlikely") else None
    if noun is not None:
        # "reacting to their likely nominee" doubts who the nominee is, not what the sentence
        # says of them; on the subject ("The likely nominee will …") or on what a copula states
        # ("advances are likely causes") the doubt is the claim's.
        # "a comment not likely to endear him" weighs a chance, as "is likely to" does.
        chance = any(c.dep_ == "xcomp" for c in t.children)
        stated = noun.dep_ in ("nsubj", "nsubjpass", "attr")  # "advances are likely causes"
        return low == "unlikely" or noun.lower_ in POLL_POPULATIONS or not chance and not stated
    if low in NOUN_DOUBTS and t.dep_ == "amod":
        return t.head.dep_ not in ("nsubj", "nsubjpass")
    if low in ("suspect", "suspects"):
        return t.pos_ in ("NOUN", "PROPN")
    if low in ("fear", "fears"):
        # "our enemies no longer fear us", "voters fear Lenk": dread of someone, no doubt
        # that something is so ("fear that the dam will break", "fear more flooding")
        return t.pos_ == "NOUN" and after != "that" or t.pos_ == "VERB" and _fears_someone(t)
    return False


def _fears_someone(verb: Any) -> bool:
    """Whether a verb of fearing has a person or a named one for its object, and no clause."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and (c.lower_ in _PERSONAL_OBJECTS or c.ent_type_ in _FEARED_NAMES) for c in verb.children)


#: Object pronouns of people ("fear us"); not "it" or "this", which may be an event.
_PERSONAL_OBJECTS = frozenset({"me", "us", "you", "him", "her", "them"})
#: Names of those one fears rather than doubts: people, groups, organisations, countries.
_FEARED_NAMES = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def _adjective_of_noun(t: Any) -> Any:
    """The noun an adjective qualifies, also through "and" ("the lone and unlikely
    alternative"); None when it qualifies none."""
    if t.dep_ == "conj" and t.head.dep_ == "amod":
        t = t.head
    if t.dep_ != "amod":
        return None
    noun = t.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head  # "likely women voters": the voters
    return noun


def _in_side_clause(t: Any) -> bool:
    """Whether the word sits in a clause that qualifies a noun ("all the arguments that could
    be made against him", "a database of people who could be suspects") or compares or tells
    a purpose ("less than he could raise"): what the sentence states stands outside it. Not
    when the noun is what a main "is" states ("This is a man who could be blackmailed")."""
    node = t
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            noun = node.head
            if noun.dep_ == "ROOT":
                return False  # a sentence without a verb of its own: "Young voters, who seem to …"
            return not (noun.dep_ in ("attr", "acomp") and noun.head.dep_ == "ROOT")
        if node.dep_ == "pcomp" and node.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in node.children):
            return True  # the same absolute clause, parsed as the object of "with"
        if node.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in _SIDE_CLAUSE_MARKS for c in node.children):
            # not when it hangs on a verbless root: "A program for patients after surgery
            # appears to be feasible" is the sentence, misparsed
            return not (node.head.dep_ == "ROOT" and node.head.pos_ not in ("VERB", "AUX"))
        node = node.head
    return False


def _phrase_in_side_clause(tokens: list, match: re.Match) -> bool:
    """Whether a hedging phrase sits in a clause that qualifies a noun ("told a voter who
    seemed to be confused", "a petition, which appeared to be aimed at her"): the doubt is
    the clause's, not the sentence's."""
    if not tokens:
        return False
    base = tokens[0].idx
    t = next((t for t in tokens if t.idx - base >= match.start()), None)
    return t is not None and _in_side_clause(t)


def _perceived(could: Any) -> bool:
    """Whether "could" opens what was seen or heard ("bodies could be seen lying in the
    street"), not what might be thought ("could be seen as weak", "… seen by many")."""
    doc, i = could.doc, could.i
    if i + 2 >= len(doc) or doc[i + 1].lower_ != "be" or doc[i + 2].lower_ not in PERCEPTION_PARTICIPLES:
        return False
    return i + 3 >= len(doc) or doc[i + 3].lower_ not in ("as", "by", "to")


def _hedge_cue(t: Any) -> bool:
    """Whether the token weakens the statement it is in (modals only as auxiliaries)."""
    if t.lower_ in HEDGE_MODALS and t.tag_ != "MD":
        return False
    return (t.lower_ in HEDGE_MODALS or t.lower_ in HEDGE_WORDS) and not _not_a_hedge(t)


#: Verbs of how something looks, which state an impression, not a fact, when a state follows.
IMPRESSION_VERBS = frozenset({"seem", "appear"})
#: Dependents that carry the state an impression verb gives: "appeared paralyzed", "seemed
#: equally unperturbed", "seems a sure thing".
_STATES = frozenset({"acomp", "attr", "oprd"})


def _impression(t: Any) -> bool:
    """Whether a verb gives the writer's impression of a state ("the team appeared paralyzed",
    "supporters seemed unperturbed"), not a showing up ("appeared at the hearing")."""
    # the lemmatiser leaves an auxiliary "appeared" as it is
    lemma = t.lemma_.lower() if t.dep_ not in ("aux", "auxpass") else re.sub(r"(?:s|ed)$", "", t.lower_)
    if t.pos_ not in ("VERB", "AUX") or lemma not in IMPRESSION_VERBS or _in_side_clause(t):
        return False
    if t.dep_ in ("aux", "auxpass") and t.head.tag_ == "VBN":
        return True  # "He appeared rattled": the parser makes the state the head
    return any(c.dep_ in _STATES or c.dep_ == "xcomp" and c.tag_ in ("VBN", "JJ") for c in t.children)


def certainty_of(sentence_doc: object, text: str, quoted: bool) -> tuple[Certainty, str | None]:
    """Certainty of one sentence and the cue that decided it."""
    tokens = list(sentence_doc)  # type: ignore[call-overload]
    for t in tokens:
        if _hedge_cue(t):
            return Certainty.HEDGED, t.text
    match = next((m for m in HEDGE_PHRASES.finditer(text) if not _phrase_in_side_clause(tokens, m)), None)
    if match:
        return Certainty.HEDGED, match.group(0)
    impression = next((t for t in tokens if _impression(t)), None)
    if impression is not None:
        return Certainty.HEDGED, impression.text
    if quoted:
        return Certainty.ATTRIBUTED, "quote"
    for t in tokens:
        if t.lower_ in ATTRIBUTION_WORDS:
            return Certainty.ATTRIBUTED, "according to"
        # Active voice only: "X said" attributes; "is mentioned in the deal" names no one.
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and _has_subject(t) and _speaks(t):
            return Certainty.ATTRIBUTED, t.text
        if t.pos_ == "VERB" and t.lemma_.lower() in CLAIMING_VERBS and _has_subject(t) and _claims_a_clause(t) \
                and not finds_oneself(t):
            return Certainty.ATTRIBUTED, t.text
        if t.lower_ == "by" and t.dep_ == "agent" and t.head.lemma_.lower() in SPEECH_VERBS \
                and t.head.lemma_.lower() not in AUTHORSHIP_VERBS:
            return Certainty.ATTRIBUTED, f"{t.head.text} by"
    verb = _speech_after_quotation(tokens)
    if verb is not None:
        return Certainty.ATTRIBUTED, verb
    return Certainty.ASSERTED, None


#: Particles that turn a verb of speech into another verb: "called off the deal", "write off
#: investment", "was called up".
NOT_SPEECH_PARTICLES = frozenset({"off", "up", "down"})
#: Verbs of speech that, before a verb other than one of speech or with an object, only say
#: something goes on: "Trump continues to dominate the field", "continued his attacks"
#: ("kept saying" still reports).
ASPECT_VERBS = frozenset({"continue"})
#: Verbs of writing whose passive with "by" names an author, not a source of what the sentence
#: states: "71% of front-page stories were written by men" ("first reported by the Post" is one).
AUTHORSHIP_VERBS = frozenset({"write"})
#: Verbs that report a claim only with the clause claimed ("Exxon contended in its letter
#: that …"; "maintained the road" claims nothing): beside the verbs of speech.
#: Findings are claims too: "they found that wages fell", "estimated that imports cost jobs".
#: An implication is one too: "He then implied that the leaders should be punished".
FINDING_VERBS = frozenset({"find", "estimate", "imply"})
#: A demand with what it demands is one too: "is demanding that the council publish the
#: contracts" (session 36; "demanded a recount" claims nothing).
CLAIMING_VERBS = frozenset({"contend", "maintain", "demand"}) | FINDING_VERBS
#: Words opening an adverbial clause that states a fact of its own, side by side with the
#: main one: "57 percent see Trump negatively while 61 percent say the same of Clinton".
_PARALLEL_MARKS = frozenset({"while", "whereas"})
#: Auxiliaries that make a verb of speech what someone ought to say, not what they said:
#: "Israel must also acknowledge the history …" is the writer's demand.
DEONTIC_AUXILIARIES = frozenset({"must", "should", "ought"})
#: Verbs of a promise: in a relative clause with what is promised ("which Beijing has vowed to
#: ignore") they tell what someone means to do, not words the sentence gives.
COMMITMENT_VERBS = frozenset({"vow", "pledge", "promise", "threaten"})
#: Verbs of speech that with "to" and no clause tell an action, not words: "added to the
#: picture", "responded to the crisis", "replied to the letter".
_TO_VERBS = frozenset({"add", "respond", "reply"})
#: Verbs of giving evidence, which without the clause or words given tell only that it was
#: given ("testified voluntarily in 1998"; "testified that the quay was unsafe" reports).
TESTIMONY_VERBS = frozenset({"testify"})
#: Dependents that carry what a verb of speech reports.
_REPORTED = frozenset({"ccomp", "xcomp"})
#: Objects "tell" needs to tell anything: "told reporters", "told the story"; without one it is
#: "revealing" ("His metaphor is telling") or the idiom "only time will tell".
_TOLD = frozenset({"dobj", "dative", "iobj", "ccomp", "xcomp", "obj"})


def _claims_a_clause(verb: Any, beside: Any = None) -> bool:
    """Whether a verb of claiming has the clause it claims: a complement, or a "that" clause
    the parser hung on a noun before it ("contended in a letter that the levy was illegal";
    for a finding, only a complement: "found something that was rotten" finds a thing).
    A clause inside ``beside`` is not the verb's: "responded to reports that he sold the
    boat" tells what was responded to, not what he said (session 36)."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    outside = set() if beside is None else {t.i for t in beside.subtree}
    return verb.lemma_.lower() not in FINDING_VERBS and any(
        t.dep_ == "mark" and t.lower_ == "that" and t.i not in outside for t in verb.subtree if t.i > verb.i)


def _has_subject(verb: Any) -> bool:
    """Whether a verb has a subject of its own, or, as the verb after "kept" or "went on"
    ("He kept saying …"), the subject of the verb it completes."""
    if any(c.dep_ == "nsubj" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG":
        return any(c.dep_ == "nsubj" for c in verb.head.children)
    # "Trump doubled down … and said the judge …": a second verb that reports a clause shares
    # the first one's subject; so does "…, saying he has been a pioneer" the main verb's ("…
    # and 34,500 are admitted", "blood clots, also called VTE" report nothing).
    # Since session 36 so does "…, calling it a “paperwork error”": the words it quotes are
    # the main verb's subject's.
    borrows = verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG"
    reports = any(c.dep_ == "ccomp" for c in verb.children) or verb.dep_ == "advcl" and _quotes_words(verb)
    return borrows and reports \
        and not any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children) \
        and any(c.dep_ == "nsubj" for c in verb.head.children)


def _speaks(verb: Any) -> bool:
    """Whether a verb of speech with a subject reports someone's words here. Not in "called
    off the deal", "continues to lead", "pointing America to a new system" (a pointing with
    an object) or a relative clause telling what someone once did without what they said
    ("a former clerk who has written about the census"); the sentence around those is the
    outlet's."""
    deps = {c.dep_ for c in verb.children}
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "prt" and c.lower_ in NOT_SPEECH_PARTICLES for c in verb.children):
        return False
    if lemma in ASPECT_VERBS and ("dobj" in deps or any(c.dep_ == "xcomp" and c.lemma_.lower() not in SPEECH_VERBS for c in verb.children)):
        return False  # "kept saying …" still reports words
    if aims_something(verb):
        return False  # "pointing America to a new system"; "points out some figures" reports them
    if not _says_something(verb, deps, lemma) or _conceded(verb):
        return False
    if verb.dep_ == "advcl":
        return _reports_in_adverbial_clause(verb, deps)
    if verb.dep_ == "relcl":
        # "…, who reported that Fox paid …", "which reported spending $10 million" give words;
        # "journalists who criticized the company", "a letter, which urged other nominees",
        # "which Beijing has vowed to ignore" tell what someone did or will do, unless words are
        # quoted ("who called him “a fraud”")
        return "ccomp" in deps or "xcomp" in deps and lemma not in COMMITMENT_VERBS or _quotes_words(verb)
    return True


def _quotes_words(verb: Any) -> bool:
    """Whether quotation marks stand among a verb's dependents ("thanked its members “for
    their support”", "by calling him “dopey”")."""
    return any(w.text in QUOTE_MARKS for w in verb.subtree if w.i > verb.i)


def _says_something(verb: Any, deps: set[str], lemma: str) -> bool:
    """Whether a verb of speech, by its sense here, reports words at all. Not "tell" with
    nothing told ("His metaphor is telling", "only time will tell whether …"), "add to"
    ("only added to the chaos"; "adds to evidence that …" reports a finding), a speech
    someone must or should make, or one not made
    ("The network did not respond to the request"; "did not say that …" still reports), nor
    "say no (yes) to", a refusal (an acceptance)."""
    if lemma == "tell" and (not deps & _TOLD or any(c.dep_ == "nsubj" and c.lemma_.lower() == "time" for c in verb.children)):
        return False
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    # what one responds or replies to is someone else's ("responded to reports that he …");
    # what adds to evidence that … is the finding it backs
    if lemma in _TO_VERBS and to is not None and not _claims_a_clause(verb, beside=None if lemma == "add" else to) \
            and (lemma == "add" or not _quotes_words(verb)):
        return False  # "only added to the chaos", "spent her time responding to controversies"
    if lemma == "add" and "dobj" in deps and not _claims_a_clause(verb):
        return False  # "added Latin hits to the playlist", "added 300 jobs"
    if lemma in TESTIMONY_VERBS and not deps & _REPORTED and not _claims_a_clause(verb) and not _quotes_words(verb):
        return False  # "testified before the committee in 2019": a testimony given, nothing of it told
    if lemma == "say" and any(c.lower_ in ("no", "yes") for c in verb.children) \
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "said no to the war": refused it, an act the outlet states
    if verb.dep_ in ("pcomp", "pobj") and not deps & (_REPORTED | {"dobj"}):
        return False  # "with all precincts reporting"
    if any(c.dep_ == "aux" and c.lower_ in DEONTIC_AUXILIARIES for c in verb.children):
        return False
    return not ("neg" in deps and not deps & _REPORTED)


def _reports_in_adverbial_clause(verb: Any, deps: set[str]) -> bool:
    """Whether a verb of speech in an adverbial clause tells whose words the sentence gives:
    it reports a clause of its own, or it is a bare "as X noted (in …)". Not "since he
    announced his candidacy", "when he reads from prepared texts", "as voters responded to
    the crackdown": the sentence around those is the outlet's."""
    if deps & _REPORTED or any(c.dep_ == "mark" and c.lower_ in _PARALLEL_MARKS for c in verb.children):
        return True
    if verb.tag_ == "VBG" and _quotes_words(verb):
        return True  # "…, calling it a “paperwork error”"
    as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    return as_clause and "dobj" not in deps and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


#: Words opening a clause that concedes something to what the sentence states.
_CONCESSIVE_MARKS = frozenset({"though", "although"})


def _conceded(verb: Any) -> bool:
    """Whether a verb heads a concession ("…, even though several members said they backed
    the levy", "though 32 percent said they had no view"): the sentence states what holds
    despite it, and that is the outlet's statement (session 36). Also when the parser made
    the concession the sentence's root ("The levy passed, though four members said …")."""
    return any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE_MARKS for c in verb.children)


#: Quotation marks as the tokenizer gives them ("''" is the doubled single mark of some wires).
QUOTE_MARKS = frozenset({"''", '"', "“", "”", "``"})


def _speech_after_quotation(tokens: list) -> str | None:
    """The speech verb after a sentence's opening quotation closes ("''They were rivals,''
    Ann Lee, his former aide, said."), which the parser may take for no one's; else None."""
    if not tokens or tokens[0].text not in QUOTE_MARKS:
        return None
    closing = next((i for i, t in enumerate(tokens[1:], 1) if t.text in QUOTE_MARKS), None)
    if closing is None:
        return None
    return next((t.text for t in tokens[closing + 1:] if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS), None)


#: Dependents that add circumstances, not the statement itself ("…, marking a watershed").
ASIDES = frozenset({"advcl", "relcl", "acl", "appos", "parataxis", "npadvmod", "intj", "meta", "dep"})
MIN_CORE_WORDS = 5


def main_clause(span: object) -> str | None:
    """The sentence's main clause without its asides, or None when that is the sentence."""
    root = span.root  # type: ignore[attr-defined]
    # The parser's sentence may run past ours: its words there are another sentence's.
    keep = [t for t in _without_asides(root) if span.start <= t.i < span.end]  # type: ignore[attr-defined]
    if _lost_its_subject(root, keep):
        return None
    core = _joined(keep)
    if len(re.findall(r"\w+", core)) < MIN_CORE_WORDS or len(keep) >= len(span) - 1:  # type: ignore[arg-type]
        return None
    return core


def speech_parts(span: object) -> tuple[str, str] | None:
    """What the sentence's main speech verb reports ("Kim said [the deal would expand
    trade]", "… but said [no one was hurt]"), each clause whole, and the words framing it
    other than the speaker ("during his first visit", "in a statement"); None when the
    main verb reports no clause."""
    root = span.root  # type: ignore[attr-defined]
    if root.pos_ != "VERB" or root.lemma_.lower() not in SPEECH_VERBS:
        return None
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.lemma_.lower() in SPEECH_VERBS)]
    said: dict[int, object] = {}
    framing: dict[int, object] = {}
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "ccomp":
                said.update((t.i, t) for t in child.subtree if span.start <= t.i < span.end)  # type: ignore[attr-defined]
            elif child.dep_ not in ("nsubj", "nsubjpass", "conj", "punct", "cc"):
                framing.update((t.i, t) for t in child.subtree if span.start <= t.i < span.end)  # type: ignore[attr-defined]
    if not said:
        return None
    return _joined([said[i] for i in sorted(said)]), _joined([framing[i] for i in sorted(framing)])


#: What names who or what a main clause is about.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _lost_its_subject(root: Any, keep: list) -> bool:
    """Whether a main clause, as the parser read it, opens with its verb and has no subject
    in the sentence: the parser ran a heading into it ("About the film series / The film
    series stars Ada Roos and …" reads the second "series" as a description of the first),
    and the verb with its object alone ("stars Ada Roos") would stand for any sentence
    about her."""
    kept = {t.i for t in keep}
    return root.pos_ in ("VERB", "AUX") and not any(t.i < root.i for t in keep) \
        and not any(c.dep_ in _SUBJECT_DEPS and c.i in kept for c in root.children)


def _dated(child: Any) -> bool:
    """Whether a noun phrase modifying a verb is a date with a figure ("to open November 20,
    2009"): it tells what the clause states, not an aside to it."""
    return child.dep_ == "npadvmod" and child.ent_type_ == "DATE" and any(t.like_num for t in child.subtree)


def _without_asides(root: object) -> list:
    keep = []
    stack = [root]
    while stack:
        t = stack.pop()
        keep.append(t)
        for child in t.children:
            if (child.dep_ in ASIDES and not _dated(child)) or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
                continue
            if child.dep_ == "punct" and child.text not in ("-", "’", "'"):
                continue
            if child.is_bracket or child.text in ("(", ")"):
                continue
            stack.append(child)
    return sorted(keep, key=lambda t: t.i)


def _joined(tokens: list) -> str:
    pieces = []
    for t, following in zip(tokens, tokens[1:] + [None]):
        adjacent = following is not None and following.i == t.i + 1
        pieces.append(t.text_with_ws if adjacent else t.text + " ")
    return re.sub(r"[\s,;:]+(and|but|or|while|yet)?$", "", "".join(pieces).strip())


def capitals_only(text: str) -> bool:
    """Whether a line of three words or more is written in capitals ("INTENSE CAMPAIGNING ON
    BOTH SIDES."): a subheading, no claim."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 3 and bool(letters) and all(c.isupper() for c in letters)


def _imperative(span: Any) -> bool:
    """Whether a sentence bids the reader ("Take approximately 7,000 hoops fans."): it opens
    with its main verb in the base form and has no subject. A feature's device, no claim."""
    root = span.root
    return root.i == span.start and root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def find_claims(annotation: Annotation, quotes: list[Attribution]) -> list[Claim]:
    """One claim per declarative sentence of the article.

    Args:
        annotation: the annotated article.
        quotes: its quotes, so sentences that carry one count as attributed.

    Returns:
        Claims in text order, without ids.
    """
    claims = []
    text = annotation.article.text
    doc = annotation.doc
    for n, sentence in enumerate(annotation.sentences):
        words = re.findall(r"\w+", sentence.text)
        if len(words) < MIN_CLAIM_WORDS or sentence.text.rstrip().endswith("?") or title_case(sentence.text) \
                or capitals_only(sentence.text) or CUT_OFF_END.search(sentence.text):
            continue
        span = doc.char_span(sentence.span[0], sentence.span[1], alignment_mode="expand")
        if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span) or _imperative(span):
            continue
        inside = [q for q in quotes if q.quote.span[0] < sentence.span[1] and sentence.span[0] < q.quote.span[1]]
        # someone's quoted words anywhere in the sentence ("…, calling the behavior a “fireable
        # offense”", "calling on attendees to oppose “bigotry”") make a stance it reports theirs too
        words = any(q.quote.kind != "indirect" for q in inside) or QUOTED_PHRASE.search(sentence.text) is not None
        quoted = any((q.quote.span[1] - q.quote.span[0]) > 0.3 * len(sentence.text) and (words or _reports_words(q, doc))
                     for q in inside)
        certainty, cue = certainty_of(span, sentence.text, quoted)
        if certainty is Certainty.ASSERTED:
            certainty, cue = _model_hedge(sentence.text, annotation.vectors[n], span) or (certainty, cue)
        claims.append(Claim("", annotation.article.id, text[sentence.span[0] : sentence.span[1]], sentence.span, certainty, cue,
                            core=main_clause(span), speech=speech_parts(span)))
    return claims


#: A hope is held, like a view ("allies are hoping to see her focus on strength"); the
#: parser's lemmatiser makes "hopes" and "hoped" into "hop".
HOPES = frozenset({"hope", "hop"})
#: Verbs of portraying someone or something as what the portrayer says it is.
PORTRAYAL_VERBS = frozenset({"portray", "depict", "characterize", "characterise", "frame"})
#: Verbs a poll, a study or a search reports its finding with ("a new poll shows Lind ahead").
FINDING_SHOWN = frozenset({"show", "find", "indicate", "reveal"})
#: Verbs whose object is what someone said of a thing: speech ("blamed the collapse on the
#: crisis"), a stance voiced ("mocked Brennick", "rejected the rumors", "congratulated her"), a
#: label, a view or a hope ("cast the attacks as a failure", "voters see her as electable"), talk of
#: something ("backers speak of a winnowed field"). Not a position held or taken ("supports",
#: "endorsed", "favors", "wants", "voted against") nor an act ("sought to", "declined to").
SPOKEN_STANCES = SPEECH_VERBS | LABEL_VERBS | REGARD_VERBS | REQUEST_VERBS | PORTRAYAL_VERBS | FINDING_SHOWN \
    | HOPES | {"speak"} | STANCE_VERBS - BACKING_VERBS - {"favor", "favour", "prefer", "want"}


#: Words in double quotation marks within a sentence: someone's, or a name the sentence quotes.
QUOTED_PHRASE = re.compile(r"[“\"][^“”\"]+[”\"]")


def _reports_words(attribution: Attribution, doc: Any) -> bool:
    """Whether a quote gives someone's words or a claim they made, so the outlet attributes
    the sentence: quoted words, a clause reported ("said [the system needs reform]",
    "according to officials, [the deal is off]"), or what a verb of speech says of something
    ("blamed the collapse on the crisis"). The quote stage also records a stance or an act as
    an indirect quote ("endorsed [the re-election of Lind]", "voted against [the bailout]",
    "sought [to ease his concerns]"): those tell what someone did, which the outlet states,
    unless the sentence also gives words of theirs (:func:`find_claims`)."""
    quote = attribution.quote
    if quote.kind != "indirect" or doc is None or any(mark in quote.text for mark in '"“”'):
        return True
    cue = doc.char_span(*attribution.cue_span, alignment_mode="expand") if attribution.cue_span else None
    if cue is not None and (finds_oneself(cue.root) or _conceded(cue.root)):
        return False
    if cue is None or cue.root.lemma_.lower() in SPOKEN_STANCES:
        return True
    span = doc.char_span(quote.span[0], quote.span[1], alignment_mode="expand")
    if span is None:
        return True
    return _heads_a_clause(span.root)


def _heads_a_clause(root: Any) -> bool:
    """Whether a phrase's head is a clause's verb (with a subject or a tense of its own), or
    what the parser took for a reported clause, not a noun phrase or an infinitive."""
    if root.dep_ == "ccomp":
        return True
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
    tensed = root.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in root.children)
    return root.pos_ in ("VERB", "AUX") and (own_subject or tensed)


def _model_hedge(text: str, vector: np.ndarray, parse: object) -> tuple[Certainty, str] | None:
    """Hedged and its cue when the strength model is confident the sentence is conditional
    and the sentence holds a hedge word to show as the cue; else None."""
    # the first hedge word in a hedging sense: "likely voters" shows no doubt
    cue = next((t.text for t in parse if conditional_cue(t.text) == t.text and not _not_a_hedge(t)), None)  # type: ignore[attr-defined]
    if cue is None or not np.any(vector):
        return None
    probabilities = strength_probabilities([text], np.asarray(vector).reshape(1, -1), [parse])[0]  # type: ignore[list-item]
    return (Certainty.HEDGED, cue) if probabilities[2] >= HEDGE_PROBABILITY else None
