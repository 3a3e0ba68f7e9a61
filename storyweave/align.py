"""align: claims that state the same thing become one fact; quotes of one utterance
become one quote group.

Reads an extraction and the annotations' sentence vectors; adds facts and quote groups.
Candidates come from sentence-embedding cosine; facts are joined on the words the two
sentences share, so that two sentences about one topic that say different things stay
apart. :func:`same_statement` (a fine-tuned cross-encoder together with a lexical model) is the
sharper judge the brief's citations, certainty shifts and figure conflicts are checked with.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Callable, Sequence

import numpy as np

from . import cross_encoder
from .embed import DIMENSIONS, embed
from .statement_model import load_model
from .model import Annotation, Certainty, Claim, Entity, Fact, FactStatus, Quote, QuoteGroup
from .forecasts import forecast_and_outcome, parsed
from .extract.attribution_words import SPEECH_VERBS
from .name_swaps import other_doers, plain_name, same_name, swapped_names
from .opposites import opposite_words
from .proceedings import offence_and_step, other_steps

#: Cosine below which two claims are never the same statement (MiniLM; 95 % of the
#: paraphrase pairs of MSRP's training part lie above it).
CANDIDATE_COSINE = 0.55
#: same_statement score from which two sentences are the same statement (on the MSRP pairs
#: neither judge was trained on: accuracy 0.757, F1 0.824, precision 0.856; docs/benchmarks.md).
SAME_STATEMENT = 0.5
#: The lowest cut any caller applies (compare's NUMBER_RELATED): below it the lexical
#: probability decides alone, so the cross-encoder is not asked.
LEXICAL_FLOOR = 0.45
#: The same-statement cross-encoder (benchmarks/train_cross_encoder.py).
STATEMENT_MODEL = "same_statement_ce.onnx"
#: Facts are joined on :func:`combine`'s score, the most accurate cut of which on MSRP's
#: training part is 0.615 (accuracy 0.743); facts use a stricter one, since a false
#: "corroborated" misleads more than a missed link.
SAME_FACT = 0.65
#: Quotes of one utterance reworded by outlets keep a cosine above this.
SAME_QUOTE_COSINE = 0.72
SAME_QUOTE_WORDS = 0.5
#: Content words a quote needs before a reworded version of it is recognised by cosine.
MIN_REWORDED_WORDS = 3
#: A speaker resolved from context this surely ("he said" right after his own quote)
#: stands even when another outlet names someone else: that is attribution drift.
SURE_SPEAKER = 0.9
#: Quotes that share a distinctive three-word phrase need only this cosine.
SHARED_PHRASE_COSINE = 0.45

STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being it its this
    that these those he she they we i you his her their our your has have had do does did not no will would
    shall should can could may might must than then so such also into over after before about against between
    said says say told which who whom whose what when where while there here up out if""".split()
)


@lru_cache(maxsize=65536)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(content_words_uncached(text))


def content_words(text: str) -> list[str]:
    """Lowercased content words (see :func:`content_words_uncached`), memoised."""
    return list(_content_words(text))


def content_words_uncached(text: str) -> list[str]:
    """Lowercased content words, with a crude suffix strip so "transfers" meets "transfer"
    and hyphens dropped so "multi-polar" meets "multipolar"."""
    text = re.sub(r"(?<=\w)-(?=\w)", "", text.lower().replace("’", "'"))
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in STOPWORDS]
    return [re.sub(r"(?<=[a-z]{3})(ing|ed|es|s)$", "", w) for w in words]


def word_overlap(a: str, b: str) -> float:
    """Dice coefficient of the two sentences' content words (0–1)."""
    wa, wb = set(content_words(a)), set(content_words(b))
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def combine(cosine: float, overlap: float, a: str, b: str) -> float:
    """The same-statement score from its parts; numbers that disagree lower it."""
    score = 0.65 * cosine + 0.35 * overlap
    na, nb = _numbers(a), _numbers(b)
    if na and nb and not (na & nb):
        score -= 0.05
    return float(max(0.0, min(1.0, score)))


def same_statement(a: str, b: str) -> float:
    """How likely two sentences state the same thing, 0–1.

    The lower of two judges' probabilities, both trained on MSRP's training part: a
    cross-encoder (all-MiniLM-L6-v2 fine-tuned to read both sentences at once) and a
    logistic regression over the sentences' MiniLM cosine, shared words, numbers, names and
    negation (:mod:`storyweave.statement_model`). Both must agree: MSRP's pairs are nearly
    all near-copies, so the cross-encoder alone takes two different statements about one
    thing ("the visit reshaped relations", "America is furious with the visit": 0.99) for
    the same one, and a citation or a finding must not rest on that. A pair the lexical
    judge puts under :data:`LEXICAL_FLOOR` scores that probability. The pair is put in a
    fixed order first, so the score does not depend on which sentence comes first.

    Args:
        a: a sentence.
        b: another sentence.

    Returns:
        The probability that the two state the same thing; :data:`SAME_STATEMENT` and above
        is treated as the same statement.

    Raises:
        ModelMissingError: the tokenizer package or the judge's model file is missing.

    Example:
        >>> same_statement("The council approved the budget.", "The budget was passed by the council.") > 0.5
        True
    """
    if not a.strip() or not b.strip():
        return 0.0
    return same_statements([(a, b)])[0]


def same_statements(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """:func:`same_statement` of many pairs; scores are kept in memory by pair."""
    ordered = [tuple(sorted(p)) for p in pairs]
    scores = {p: _statement_scores[p] for p in ordered if p in _statement_scores}
    missing = sorted({p for p in ordered if p not in scores and p[0].strip() and p[1].strip()})
    if missing:
        texts = sorted({t for pair in missing for t in pair})
        vectors = dict(zip(texts, embed(texts)))
        lexical = load_model().score([(a, b, float(vectors[a] @ vectors[b])) for a, b in missing])
        # The cross-encoder (about 15 ms a pair) runs only where it can change a decision.
        judged = [pair for pair, p in zip(missing, lexical) if p >= LEXICAL_FLOOR]
        logits = cross_encoder.load(STATEMENT_MODEL).logits([a for a, _ in judged], [b for _, b in judged])[:, 0]
        crossed = {pair: 1.0 / (1.0 + np.exp(-float(logit))) for pair, logit in zip(judged, logits)}
        fresh = {pair: float(min(p, crossed[pair])) if pair in crossed else float(p) for pair, p in zip(missing, lexical)}
        scores.update(fresh)
        # Scores are answered from this call's own table: clearing a full memory must not
        # turn a pair scored earlier into 0.0.
        if len(_statement_scores) + len(fresh) > STATEMENT_MEMORY:
            _statement_scores.clear()
        _statement_scores.update(fresh)
    return [scores.get(p, 0.0) for p in ordered]


#: Pair scores kept in memory (about 150 bytes each); cleared when full.
STATEMENT_MEMORY = 200_000
_statement_scores: dict[tuple[str, ...], float] = {}


def _claim_vectors(claims: Sequence[Claim], annotations: Sequence[Annotation]) -> np.ndarray:
    by_span = {}
    for ann in annotations:
        for i, s in enumerate(ann.sentences):
            by_span[(ann.article.id, s.span)] = ann.vectors[i]
    missing = [c.text for c in claims if (c.article, c.span) not in by_span]
    extra = iter(embed(missing)) if missing else iter(())
    return np.stack([by_span.get((c.article, c.span)) if (c.article, c.span) in by_span else next(extra) for c in claims]) if claims else np.zeros((0, 384), np.float32)


def _cluster(items: Sequence[tuple[str, str]], scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Greedy average-link clustering: the strongest pairs first, one item per article."""
    cluster_of = {i: i for i in range(len(items))}
    members = {i: [i] for i in range(len(items))}
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        merged = members[ci] + members[cj]
        if len({items[k][0] for k in merged}) < len(merged):
            continue  # one article states a fact once; a second sentence is a new fact
        links = [scores.get((min(a, b), max(a, b)), 0.0) for a in members[ci] for b in members[cj]]
        if sum(links) / len(links) < threshold:
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci] = merged
        del members[cj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


#: Headline words news writers use for plain ones ("inked a pact" for "signed an
#: agreement"). The sentence model barely knows them (MiniLM puts "inked" as near
#: "signed" as "denied" is), so claims' main clauses are compared in plain words.
PLAIN_WORDS = {
    "ink": "sign", "inks": "signs", "inked": "signed", "inking": "signing",
    "pact": "agreement", "pacts": "agreements", "accord": "agreement", "accords": "agreements",
    "slam": "criticise", "slams": "criticises", "slammed": "criticised",
    "vow": "pledge", "vows": "pledges", "vowed": "pledged",
    "probe": "investigation", "probes": "investigations",
    "oust": "remove", "ousts": "removes", "ousted": "removed",
    "hike": "increase", "hikes": "increases", "hiked": "increased",
    "axe": "cut", "axes": "cuts", "axed": "cut",
    "quit": "resign", "quits": "resigns",
    "nab": "arrest", "nabs": "arrests", "nabbed": "arrested",
    "mull": "consider", "mulls": "considers", "mulled": "considered",
    "solon": "legislator", "solons": "legislators", "cops": "police",
}
_WORD = re.compile(r"[A-Za-z]+")


def plain_wording(text: str) -> str:
    """The text with headline words (:data:`PLAIN_WORDS`) put in plain words."""
    return _WORD.sub(lambda m: PLAIN_WORDS.get(m.group(0).lower(), m.group(0)), text)


def _fact_id(claim_ids: Sequence[str]) -> str:
    return "f-" + hashlib.sha1("|".join(sorted(claim_ids)).encode()).hexdigest()[:10]


#: A sentence that starts with a pronoun, credits its quote to one ("…,” she said.) or
#: carries glued brackets reads badly out of context.
UNCLEAR_ALONE = re.compile(r"^(he|she|they|it|this|these|those|his|her|their)\b"
                           r"|[”\"’'],?\s+(he|she|they)\s+(said|says|added|adds|told|wrote)\b", re.I)
ODD_CHARACTERS = re.compile(r"[`|]|\w\(|\)\w")
#: Two words glued where a caption met the text ("Courtesy of the Harbour GazetteAnna
#: Brill, the mayor, …"): a lower-case run, then a capital word. Names written so
#: ("PowerPoint") only make another wording of the fact preferred.
GLUED_WORDS = re.compile(r"[a-z]{3,}[A-Z][a-z]")
#: A quotation mark closing words before a speech verb, with no mark opening them in the
#: sentence ("There was smoke everywhere,' said Ada Lenk"): the quotation began in the
#: sentence before, and this is its end, not a statement.
CLOSED_NOT_OPENED = re.compile(r"^[^“‘\"']*[\w.!?,]\s?[”’\"']\s*(?:said|says|added|adds|told|tells|recalled|testified)\b")
#: An apostrophe inside a word ("don't", "O'Hara") is no quotation mark.
_IN_WORD_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
#: A sentence opening with a quotation mark, or closing one it never opened, gives someone's
#: words, though it may not say whose.
QUOTATION_OPENING = re.compile(r"\s*[“‘\"']")
QUOTATION_CLOSING = re.compile(r"[”’\"']\W*$")
#: Words in quotation marks at most this many, closed, are a title or a label, not a quotation.
TITLE_WORDS = 4
#: The outlet speaking for itself, outside quotation marks ("nobody would confirm that to
#: us", "we asked the ministry", "your city"): the sentence reads as that outlet's, not as
#: the fact. "US" in capitals is the country.
WRITERS_VOICE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Yy]ou|[Yy]our|us)\b")
#: Words in curly or straight double quotation marks.
_IN_QUOTATION_MARKS = re.compile(r"“[^”]*”|\"[^\"]*\"")
#: A sentence opening in small letters is a piece of one ("fast-moving fire destroyed …").
PIECE_OPENING = re.compile(r"\s*[a-z]")
#: A wording this many times longer than a fact's shortest says more than the fact.
WORDY = 1.4


def _quoted_alone(text: str) -> bool:
    """Whether a sentence opens a quotation, or closes one it did not open ("I was trying
    to get away.'"): the words are a speaker's, and the sentence may not say whose."""
    bare = _IN_WORD_APOSTROPHE.sub("", text)
    opening = QUOTATION_OPENING.match(bare)
    if opening:
        # "‘Catching Fire’ has a release date …": a title in quotation marks, not a quotation.
        title = re.match(r"[^”’\"']*[”’\"']", bare[opening.end():])
        return title is None or len(title.group().split()) > TITLE_WORDS
    closing = QUOTATION_CLOSING.search(bare)
    return closing is not None and not re.search(r"[“‘\"']", bare[: closing.start()])


def ends_a_quotation(text: str) -> bool:
    """Whether a sentence is the end of a quotation begun in the sentence before
    (:data:`CLOSED_NOT_OPENED`): read alone, it gives words without their beginning."""
    return CLOSED_NOT_OPENED.match(_IN_WORD_APOSTROPHE.sub("", text)) is not None


def _independent_count(members: Sequence[int], claims: Sequence[Claim], independent: dict[str, str]) -> int:
    """Sources that back a fact on their own. Two articles that reuse each other are one
    source for every fact they share, not only for their near-identical sentences: a
    rewrite that says the same thing in other words ("has not yet reacted" / "has been
    muted") is still the same reporting."""
    return len({independent.get(claims[i].article, claims[i].article) for i in members})


#: A figure with the word before it: a capitalised word makes it part of a name ("Windows
#: 2000", "IE 7", "Week 15"), which counts nothing.
_FIGURE_AFTER_WORD = re.compile(r"(\S+\s+)?(\d+(?:[.,]\d+)?)")


def _counts(text: str) -> set[str]:
    """The figures of a sentence that are not parts of names."""
    return {m.group(2) for m in _FIGURE_AFTER_WORD.finditer(text) if not (m.group(1) and m.group(1)[:1].isupper())}


def _representative(members: Sequence[int], claims: Sequence[Claim], cosines: np.ndarray) -> Claim:
    """The plainest wording of a fact: the claim closest to all the others (the medoid),
    hedges kept, avoiding sentences that read badly out of their article (a pronoun, odd
    characters, words glued together, the end of a quotation, the outlet's "we" or "us") or say much more than the shortest version (a
    second statement joined on with "and"). A plain statement comes before one crediting
    someone or quoting: an outlet's "X said …" is often a longer sentence that tells the fact
    in an aside ("… said Ada Lenk, who was hurt along with a boy …"), and a quotation's
    words read alone are no one's (the brief heads them with their speaker where a version
    credits them). A version giving a figure no other version gives ("By Saturday, at
    least 6,000 sites had been infected" among versions saying only that the number grows)
    would show that figure as corroborated by all of them: another version words the fact."""
    shortest = min(len(claims[i].text) for i in members)
    figures = {i: _counts(claims[i].text) for i in members}

    def lone_figure(i: int) -> bool:
        others = set().union(*(figures[j] for j in members if j != i))
        return bool(figures[i] - others)

    def cost(i: int) -> tuple[bool, bool, bool, bool, bool, bool, float, int]:
        c = claims[i]
        unclear = bool(UNCLEAR_ALONE.search(c.text) or ODD_CHARACTERS.search(c.text) or GLUED_WORDS.search(c.text)
                       or ends_a_quotation(c.text) or PIECE_OPENING.match(c.text)
                       or WRITERS_VOICE.search(_IN_QUOTATION_MARKS.sub("", c.text)))
        closeness = sum(float(cosines[i, j]) for j in members if j != i)
        # A quotation with no one named reads as no one's words, whatever its length; then a
        # plain statement comes before one credited to someone.
        quoted = c.certainty is not Certainty.ATTRIBUTED and _quoted_alone(c.text)
        return (unclear, quoted, c.certainty is not Certainty.HEDGED, lone_figure(i), len(c.text) > WORDY * shortest,
                c.certainty is Certainty.ATTRIBUTED, -closeness, len(c.text))
    return claims[min(members, key=cost)]


def plainest(claims: Sequence[Claim]) -> Claim:
    """The plainest of some versions of one fact, read alone (:func:`_representative`
    without the closeness of the versions, which it does not have)."""
    return _representative(range(len(claims)), claims, np.ones((len(claims), len(claims))))


def name_judge(entities: Sequence[Entity]) -> Callable[[str, str], bool]:
    """Whether two names stand for one entity: by their words (:func:`same_name`), or as
    aliases of one of the story's entities ("America" / "the United States"), a capital
    counting as the country it stands for."""
    ids: dict[str, str] = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            ids.setdefault(plain_name(name), e.stands_for or e.id)

    def same(a: str, b: str) -> bool:
        if same_name(a, b):
            return True
        x, y = ids.get(plain_name(a)), ids.get(plain_name(b))
        return x is not None and x == y

    return same


#: A capitalised word inside a sentence: a name, which every sentence of a story repeats.
_NAME = re.compile(r"(?<=[\w,;:’'\"”)] )[A-Z](?:[\w’'-]|\.(?=\w))*")  # "UsMagazine.com" whole


def _reports_something_else(speech: Claim, other: Claim) -> bool:
    """Whether ``speech`` reports what someone said and meets ``other`` only on the words
    framing it: "Putin stated [during his first visit since 2000] that the two could
    cooperate militarily" and "Putin's first visit since 2000 was a chance to flaunt their
    friendship". That is when the reported clause shares nothing with ``other`` but names
    (the story's people and places, which nearly every sentence repeats), the framing
    does, and ``other`` says things ``speech`` does not."""
    if speech.speech is None:
        return False
    reported, framing = speech.speech
    names = set(content_words(" ".join(_NAME.findall(speech.text) + _NAME.findall(other.text))))
    others = set(content_words(other.text)) - names
    said, around = set(content_words(reported)), set(content_words(framing)) - names
    return not said & others and bool(around & others) and len(others - set(content_words(speech.text))) >= 2


#: Two sentences of one fact share at least this many content words besides names.
MIN_SHARED_OWN_WORDS = 2
#: Days and months are written with a capital but say when, as any word of the statement
#: does ("exploded Friday at a bank branch" / "The explosion occurred Friday at a branch").
CALENDAR_WORDS = frozenset(content_words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"))


#: An age written after a name ("Ida Marsh, 36,") goes with the name: two sentences naming
#: the same people share it whatever they say of them.
_AGE = re.compile(r"(?<=[A-Za-z]), (\d{1,3}),")
#: A name opening an aside after a dash ("the victims - Ida Marsh and …").
_NAME_AFTER_DASH = re.compile(r"(?<=[–—-] )[A-Z][\w’'-]*")


def _own_shared(a: str, b: str, with_people: bool = False) -> set[str]:
    """The content words two sentences share besides names; ``with_people`` also sets aside
    names after a dash and the ages given with names."""
    a, b = plain_wording(a), plain_wording(b)  # "inked a pact" and "signed an agreement" share two words
    found = _NAME.findall(a) + _NAME.findall(b)
    if with_people:
        found += _NAME_AFTER_DASH.findall(a) + _NAME_AFTER_DASH.findall(b) + _AGE.findall(a) + _AGE.findall(b)
    names = set(content_words(" ".join(found))) - CALENDAR_WORDS
    own = (set(content_words(a)) & set(content_words(b))) - names
    return {w for w in own if len(w) > 1}


def _shares_only_names(a: str, b: str) -> bool:
    """Whether two sentences share fewer than :data:`MIN_SHARED_OWN_WORDS` content words
    besides names (a possessive's "s" aside): "His name is Deputy Ray Lund of the Harbour
    Police." and "Before he was shot, Harbour Police Deputy Ray Lund was looking for a
    burglar." share a long name, which lifts both the cosine and the word overlap, and
    state two things."""
    return len(_own_shared(a, b)) < MIN_SHARED_OWN_WORDS


#: Clauses that describe a noun ("the room where they were shot", "Ida Marsh, a nurse").
NOUN_CLAUSES = frozenset({"relcl", "acl", "appos"})


def _stem(token: Any) -> str | None:
    words = content_words(token.text)
    return words[0] if words else None


def _event_as_setting(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells something ``other`` does not (its main verb is not in
    ``other``) and names ``other``'s main event only in a clause describing a noun: "The
    far side of the hall was full of the victims' families - Ida Marsh and Lena Roos, who
    were shot there" describes the hall; it does not state "Ida Marsh was shot in the side"."""
    own, theirs = _stem(sentence.root), _stem(other.root)
    if own is None or theirs is None or own in content_words(other.text):
        return False
    described = {t.i for clause in sentence if clause.dep_ in NOUN_CLAUSES for t in clause.subtree}
    hits = [t.i for t in sentence if _stem(t) == theirs]
    return bool(hits) and all(i in described for i in hits)


#: Clauses that tell something of a noun ("the blaze, which police are treating as arson,";
#: "the victim, found at dawn,"). An apposition only names the noun again ("the Owls' offer
#: - a bid worth $40 million -"): what it shares is the noun's own description.
_ASIDE_CLAUSES = frozenset({"relcl", "acl"})
#: Marks that set an aside off from the noun it describes.
_ASIDE_MARKS = frozenset({",", "-", "–", "—", "(", "--"})


def _set_off(clause: Any) -> bool:
    """Whether a clause describing a noun is set off from it by a comma or a dash (a
    non-restrictive clause: an aside, not part of what names the noun)."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text in _ASIDE_MARKS


def _phrase_of(noun: Any) -> Any:
    """The head of the whole phrase a noun is part of, up to the verb it hangs from
    ("Kessby" in "at the scene of a fire in Kessby" → "at")."""
    while noun.head.i != noun.i and noun.head.pos_ not in ("VERB", "AUX"):
        noun = noun.head
    return noun


def shared_only_in_a_description(sentence: Any, other: Any) -> bool:
    """Whether all a parsed sentence shares with ``other`` (names aside) lies in a clause
    describing a noun, or is that noun, while its main clause tells something ``other``
    does not: "Nobody was hurt in the blaze, which police are treating as arson" shares
    "police", "treating" and "arson" with "Police are treating the blaze as arson" only in
    its relative clause, which sets the scene for its own statement (nobody was hurt). One
    sentence is one version of one fact, and this one's is the main clause's. Only a clause
    set off by a comma or a dash is an aside: "a guard who saw smoke rising from the roof
    raised the alarm" tells who raised it."""
    clauses = [clause for clause in sentence if clause.dep_ in _ASIDE_CLAUSES and _set_off(clause)]
    if not clauses:
        return False
    described = {t.i for clause in clauses for t in clause.subtree}
    # The noun described, with the phrase it is part of ("in the blaze at the dairy, which …").
    nouns = {t.i for clause in clauses for t in _phrase_of(clause.head).subtree} - described
    shared = _own_shared(sentence.text, other.text, with_people=True)
    hits = [t.i for t in sentence if _stem(t) in shared]
    if not any(i in described for i in hits) or not all(i in described or i in nouns for i in hits):
        return False
    names = set(content_words(" ".join(_NAME.findall(sentence.text)))) - CALENDAR_WORDS
    theirs = set(content_words(other.text))
    own = {w for t in sentence if t.i not in described and t.i not in nouns and not t.is_punct
           for w in content_words(t.text)} - theirs - names
    return bool(own)


#: Dependents of a main verb that name who or what the sentence is about.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def _subject_and_rest(sentence: Any) -> tuple[set[str], set[str], set[str]]:
    """The content words of a sentence's subjects (of its main verbs, with their
    descriptions), those of the rest of it, and the subjects' head words."""
    subjects = [child for root in sentence if root.dep_ == "ROOT" for child in root.children if child.dep_ in _SUBJECTS]
    subject = {t.i for child in subjects for t in child.subtree}
    words = [t for t in sentence if not t.is_punct]
    return (set(content_words(" ".join(t.text for t in words if t.i in subject))),
            set(content_words(" ".join(t.text for t in words if t.i not in subject))),
            set(content_words(" ".join(child.text for child in subjects))))


def _shares_only_the_subject(sentence: Any, other: Any) -> bool:
    """Whether two sentences about one party share words only in their subjects: "Ida
    Marsh, director of the Lind Harbour Trust, says the trust will sue" and "Ida Marsh,
    director of the Lind Harbour Trust, was blunt:" both name her with her long title, which
    lifts their similarity, and say two things (or the second nothing yet) about her. A
    subject of another head may hold the other's statement as a noun ("The reaction from
    Orsk, its main ally, has been muted" / "Orsk, its main ally, has not reacted")."""
    shared = set(content_words(sentence.text)) & set(content_words(other.text))
    (subject, rest, head), (other_subject, other_rest, other_head) = _subject_and_rest(sentence), _subject_and_rest(other)
    return bool(head & other_head) and bool(shared) and shared <= subject & other_subject \
        and not shared & (rest | other_rest)


#: A verb with the way it goes: "checked into" / "checked out of", "moved in" / "moved out".
_WAY = re.compile(r"\b([a-z]{3,})\s*-?\s*(into|in to|out of|in|out)\b")
_INWARD = frozenset({"into", "in to", "in"})
_BARE_WAY_END = re.compile(r"\s*(?:$|[.,;:!?)]|(?:at|on|to|for|with|after|before|early|late|again)\b)")


def _ways(text: str) -> set[tuple[str, bool]]:
    """Each verb followed by into/in or out (of), as (its stem, whether inward). A bare
    "in" or "out" counts only where no place or thing follows it ("checked in at Ferro
    House", "moved out on Friday."), since "in" mostly says where ("was arrested in Lund")."""
    found = set()
    lower = text.lower()
    for m in _WAY.finditer(lower):
        verb, way = m.group(1), m.group(2)
        if verb in STOPWORDS or not content_words(verb):
            continue
        if way in ("in", "out") and not _BARE_WAY_END.match(lower, m.end()):
            continue
        found.add((content_words(verb)[0], way in _INWARD))
    return found


#: Being in a state or place a common noun names ("is in talks", "joined the race") and
#: leaving it ("pulled out of talks", "withdrew from the race"), whatever the verb; "in and
#: out of prison" is both.
_DETERMINER = r"(?:(?:the|a|an|its|his|her|their|our|these|those)\s+)?"
_INSIDE = re.compile(r"\b(?:in and out of|in|into|in to|entered|enters|entering|joined|joins|joining)\s+" + _DETERMINER + r"([a-z]+)")
_OUTSIDE = re.compile(r"\b(?:out of|(?:withdr[ae]wn?|withdraw(?:s|ing)?|walk(?:ed|s|ing)? away|exit(?:ed|s|ing)?) from)\s+"
                      + _DETERMINER + r"([a-z]+)")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve hundred thousand".split())


def _states(text: str) -> set[tuple[str, bool]]:
    """Each common noun the text has someone in or out of, as (its stem, whether in). A
    capitalised place is left to :func:`_ways`, since "in Lund" mostly only says where;
    "two out of three" is a count."""
    found = set()
    for pattern, inside in ((_INSIDE, True), (_OUTSIDE, False)):
        for m in pattern.finditer(text.replace("’", "'")):
            noun = m.group(1)
            if noun not in _NUMBER_WORDS and content_words(noun):
                found.add((content_words(noun)[0], inside))
    return found


def opposite_ways(a: str, b: str) -> bool:
    """Whether one sentence has someone go into what the other has them come out of, with
    one verb ("has checked into the Ferro Clinic" / "has checked out of the Ferro Clinic"),
    or be in a state the other has them leave ("is still in talks" / "has pulled out of
    talks"): the words the two share, all but one or two, make them close to every model,
    and they tell two events."""
    ways_a, ways_b = _ways(a), _ways(b)
    if any((verb, not inward) in ways_b and (verb, not inward) not in ways_a for verb, inward in ways_a):
        return True
    states_a, states_b = _states(a), _states(b)
    return any((noun, not inside) in states_b and (noun, not inside) not in states_a and (noun, inside) not in states_b
               for noun, inside in states_a)


#: Verbs of asking someone to act ("urged the board to rescind the rule"); "call" only with
#: "on" or "for" ("called on the board to act").
REQUEST_VERBS = frozenset({"urge", "ask", "call", "press", "demand", "request", "petition", "implore", "beg", "pressure",
                           "lobby"})
_QUESTION_MARKS = frozenset({"if", "whether"})


def _asked_and_done(sentence: Any) -> tuple[set[str], set[str]]:
    """The verbs a parsed sentence asks someone to do (the clause under a verb of
    :data:`REQUEST_VERBS`, with its conjuncts) and the verbs it tells as done, as lemmas:
    an infinitive or a modal ("appealing for anyone to contact them", "users should
    install it") tells nothing done. "Asked whether she had
    resigned" is a question, not a request."""
    asked: set[int] = set()
    for t in sentence:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in REQUEST_VERBS:
            continue
        if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in t.children):
            continue
        for c in t.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and not any(
                    m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS for m in c.children):
                asked |= {c.i} | {x.i for x in c.conjuncts}
    verbs = [t for t in sentence if t.pos_ == "VERB"]
    # "to test and deploy", "should test and install": neither verb tells a deed.
    infinitive = {x.i for t in verbs if any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in t.children)
                  for x in (t, *t.conjuncts)}
    return ({t.lemma_.lower() for t in verbs if t.i in asked},
            {t.lemma_.lower() for t in verbs if t.i not in asked and t.i not in infinitive})


#: Words that tell someone was asked or told to act, besides :data:`REQUEST_VERBS`: a
#: sentence with one of them may tell the same request in other words ("were told to
#: leave" / "police urged them to leave").
ASKING_WORDS = REQUEST_VERBS | frozenset({
    "tell", "order", "invite", "invitation", "encourage", "advise", "instruct", "warn", "appeal", "approach",
    "persuade", "convince", "seek", "plead", "plea", "direct", "command", "require", "prompt", "recruit", "offer",
    "want", "hire", "commission"})


#: Modals and verbs that tell what ought to be done: a request told as a duty.
_OUGHT = frozenset({"should", "must", "ought", "need", "needs", "needed"})


def _asks_in_main_clause(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause (or the clause its speech verb reports) asks
    someone to do something, and tells nothing more: "Amsel asked Lind to sing" (but not
    "the council asked the mayor to resign, and she resigned")."""
    verb = _stated_clause(sentence)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REQUEST_VERBS:
        return False
    told_too = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return bool(_asked_and_done(list(verb.subtree))[0]) and not told_too


def _asks_nothing(sentence: Any) -> bool:
    """Whether a parsed sentence tells no asking at all: no word of :data:`ASKING_WORDS`,
    no modal of what ought to be done ("skippers should test their radios") and no verb
    with an object and an infinitive clause ("got her to pose")."""
    if any(t.lemma_.lower() in ASKING_WORDS or t.lower_ in _OUGHT for t in sentence):
        return False
    return not any(t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children)
                   and any(c.dep_ == "xcomp" for c in t.children) for t in sentence)


def request_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence asks someone to do what the other tells as done: "the
    scientists urged the secretaries to rescind the changes" and "the secretary rescinded
    the changes" share nearly every word, and the models read one statement, but a request
    is not the deed. Nor is a request told in the main clause any version of a sentence
    that asks nothing, whatever words it tells the deed in: "In 1961 Amsel asked Lind to
    sing at his club's opening" / "In 1961 Lind was the singer at the opening of Amsel's
    club". ``a`` and ``b`` are spaCy spans (or docs)."""
    asked_a, done_a = _asked_and_done(a)
    asked_b, done_b = _asked_and_done(b)
    if any(v in done_b and v not in done_a and v not in asked_b for v in asked_a) or \
            any(v in done_a and v not in done_b and v not in asked_a for v in asked_b):
        return True
    return _asks_in_main_clause(a) and _asks_nothing(b) or _asks_in_main_clause(b) and _asks_nothing(a)


#: Any form of a request verb ("urged", "lobbied"): its stem without a closing e or y.
_REQUEST_WORD = re.compile(r"\b(?:" + "|".join(sorted(v.rstrip("ey") for v in REQUEST_VERBS)) + ")", re.I)


@lru_cache(maxsize=65536)
def texts_request_and_deed(a: str, b: str) -> bool:
    """:func:`request_and_deed` of two bare sentences (parsed here, and remembered)."""
    if not _REQUEST_WORD.search(a) and not _REQUEST_WORD.search(b):
        return False  # nothing asked: the brief asks of every candidate, so spare the parse
    return request_and_deed(parsed(a)[:], parsed(b)[:])


#: Any form of a verb of :data:`proceedings.STEP_OF` or "guilty": a pair without one
#: tells no step of a case.
_STEP_WORD = re.compile(r"\b(?:arrest|detain|apprehend|charg|indict|accus|plead|pled|deni|deny|admit|convict|guilty|"
                        r"acquit|sentenc|jail|impris)", re.I)


@lru_cache(maxsize=65536)
def texts_offence_and_step(a: str, b: str) -> bool:
    """:func:`proceedings.offence_and_step` of two bare sentences (parsed here, and remembered)."""
    if not _STEP_WORD.search(a) and not _STEP_WORD.search(b):
        return False  # no step of a case: the brief asks of every candidate, so spare the parse
    return offence_and_step(parsed(a)[:], parsed(b)[:])


#: What a plea may be: "pleaded guilty", "pleaded not guilty", "pleads innocent".
_PLEAS = frozenset({"guilty", "innocent"})


def _pleas(sentence: Any) -> set[bool]:
    """The pleas a parsed sentence tells, each as whether it admits guilt: "pleaded guilty"
    is True, "pleaded not guilty" and "pleads innocent" False ("not" may hang from the verb
    or the adjective)."""
    found = set()
    for t in sentence:
        if t.pos_ != "VERB" or t.lemma_.lower() != "plead":
            continue
        for plea in (c for c in t.children if c.lower_ in _PLEAS):
            negated = any(c.dep_ == "neg" for c in (*t.children, *plea.children))
            found.add((plea.lower_ == "guilty") != negated)
    return found


def opposite_pleas(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells a plea of guilty and the other one of not guilty:
    a defendant who pleads not guilty at the arraignment may plead guilty years later
    ("had pleaded not guilty and had been free on bond" / "in April 2003 he pleaded guilty
    to obstruction"), so the two are two events, not two outlets disagreeing on one."""
    pleas_a, pleas_b = _pleas(a), _pleas(b)
    return len(pleas_a) == 1 and len(pleas_b) == 1 and pleas_a != pleas_b


@lru_cache(maxsize=65536)
def texts_opposite_pleas(a: str, b: str) -> bool:
    """:func:`opposite_pleas` of two bare sentences (parsed here, and remembered)."""
    if not all(re.search(r"\bplead", t, re.I) and re.search(r"\b(?:guilty|innocent)\b", t, re.I) for t in (a, b)):
        return False  # no two pleas: spare the parse
    return opposite_pleas(parsed(a)[:], parsed(b)[:])


#: Words before "all" / "every" that make it less than all ("nearly all") or no quantity
#: ("after all", "at all"), and before "only" that make it no limit ("not only").
_NOT_ALL = frozenset({"after", "at", "above", "not", "nearly", "almost", "virtually", "practically"})
_NOT_ONLY = frozenset({"not", "if"})
#: Words after "all" / "only" read as what they bound.
ALL_REACH, ONLY_REACH = 6, 3


def _bounded(text: str, quantifiers: frozenset[str], exceptions: frozenset[str], reach: int) -> list[set[str]]:
    """For each quantifier of ``text`` (not after one of ``exceptions``), the content words
    of the few words that follow it, plural "s" dropped and figures left out: what it bounds."""
    words = re.findall(r"[\w’'-]+", text.lower())
    return [{w[:-1] if w.endswith("s") and len(w) > 3 else w
             for w in content_words(" ".join(words[i + 1 : i + 1 + reach])) if not _FIGURE.search(w)}
            for i, w in enumerate(words) if w in quantifiers and (i == 0 or words[i - 1] not in exceptions)]


def all_and_only(a: str, b: str) -> bool:
    """Whether one version says a thing of all of something and the other of only a part of
    it: "the flaw affects all versions of the browser" / "the flaw was proven to exist only
    in version 7" (or "only in IE 7") share nearly every word, but the second says the first
    is wrong, so they corroborate nothing."""
    def clash(every: str, some: str) -> bool:
        alls = _bounded(every, frozenset({"all", "every"}), _NOT_ALL, ALL_REACH)
        onlys = _bounded(some, frozenset({"only"}), _NOT_ONLY, ONLY_REACH)
        # "only in IE 7 on all versions of Windows" bounds itself: no claim of all.
        mine = _bounded(every, frozenset({"only"}), _NOT_ONLY, ONLY_REACH)
        return not mine and any(whole & part for whole in alls for part in onlys)
    return clash(a, b) or clash(b, a)


#: Heads of a subject that tells of a part of a group: "almost all of the voters", "half of
#: the 300 workers".
PART_WORDS = frozenset({"all", "most", "half", "some", "many", "none", "few", "majority", "minority", "third", "quarter",
                        "rest", "each", "one", "two", "three"})


def _clauses(sentence: Any) -> list[Any]:
    """A sentence's main clause and the clauses its verb reports ("…, reports said")."""
    root = sentence.root
    return [root] + [c for c in root.children if c.dep_ == "ccomp"]


def _predicate_stems(clause: Any) -> set[str]:
    """The stems a clause tells its news with: its verb, or what "be" links its subject to
    ("were eligible")."""
    words = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")]
    return {stem for t in words if (stem := _stem(t)) is not None}


def _tells_of_a_part(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells something new of a part of a group (its subject, "almost
    all of the 2,000 members eligible") and meets ``other`` only in that subject: what
    ``other`` tells ("2,000 members were eligible") is how the group is named here."""
    theirs = set().union(*(_predicate_stems(c) for c in _clauses(other)))
    for clause in _clauses(sentence):
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.lower_ not in PART_WORDS \
                or not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
            continue
        if not theirs or _predicate_stems(clause) & theirs:
            continue
        group = {t.i for t in subject.subtree}
        hits = [t.i for t in sentence if _stem(t) in theirs]
        if hits and all(i in group for i in hits):
            return True
    return False


def part_and_whole(a: Any, b: Any) -> bool:
    """Whether one parsed version tells something of a part of a group the other only names
    or describes: "Almost all of the 2,000 members eligible cast a ballot" / "Some 2,000
    members were eligible to vote" share the figure and the group, and tell two things
    (the turnout, the electorate)."""
    return _tells_of_a_part(a, b) or _tells_of_a_part(b, a)


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


#: Subjects that deny their verb as "not" would ("nothing in the rule requires it").
_DENYING_SUBJECTS = frozenset({"nothing", "nobody", "none", "neither", "no-one"})
#: Complements that carry what a main verb states ("is not the means", "was not reported to
#: have offered").
_COMPLEMENTS = frozenset({"attr", "acomp", "xcomp", "oprd"})
#: Verbs that state nothing by themselves.
_LIGHT_VERBS = frozenset({"be", "have", "do"})


def _negated_verb(verb: Any) -> bool:
    """Whether a verb is negated by "not"/"never" or by a subject that denies it ("nobody
    signed")."""
    return any(c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in _DENYING_SUBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children)


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
    the telling states (and compare reads no contradiction in it either)."""
    return withholds(a) != withholds(b)


#: Verbs of wanting: "Orsk would like a May release" tells a wish, which another source's
#: deed ("Orsk has booked a May release") does not corroborate. "like" and "love" want only
#: under a modal ("would like"; "voters like the plan" likes it). Plans and aims are left
#: out: "plans to open in May" and "will open in May" are told as one schedule.
WANTING = frozenset({"want", "wish", "hope", "prefer", "desire", "like", "love"})
_WANTING_ONLY_WITH_MODAL = frozenset({"like", "love"})


def _stated_clause(sentence: Any) -> Any:
    """The verb of what a sentence states: its main verb, or the clause a speech verb
    reports ("Vale told reporters he would like to stay": like)."""
    verb = sentence.root
    if verb.lemma_.lower() in SPEECH_VERBS and not _negated_verb(verb):
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), verb)
    return verb


def wishes(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause (or the clause its speech verb reports) tells
    what someone wants (:data:`WANTING`)."""
    verb = _stated_clause(sentence)
    lemma = verb.lemma_.lower()
    if lemma not in WANTING or verb.pos_ != "VERB":
        return False
    return lemma not in _WANTING_ONLY_WITH_MODAL or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def wish_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells what someone wants and the other does not: "apparently
    Orsk would like a May release" and "Orsk has booked a May release" share their nouns, and
    the models read one statement, but a wish is not the deed and corroborates it no more
    than a request does (:func:`request_and_deed`)."""
    return wishes(a) != wishes(b)


#: Any form of a verb of wanting or of telling under a negation or a refusal: a sentence
#: without one is parsed for neither rule.
_WISH_WORD = re.compile(r"\b(?:want|wish|hope|prefer|desir|(?:would|'d|’d)\s+(?:like|love))", re.I)
_WITHHOLD_WORD = re.compile(r"\b(?:not|never|no|declin|refus)|n['’]t\b", re.I)


@lru_cache(maxsize=65536)
def texts_wish_or_withheld(a: str, b: str) -> bool:
    """:func:`wish_and_deed` or :func:`withheld_and_told` of two bare sentences (parsed
    here, and remembered)."""
    wish = _WISH_WORD.search(a) or _WISH_WORD.search(b)
    withheld = _WITHHOLD_WORD.search(a) or _WITHHOLD_WORD.search(b)
    if not wish and not withheld:
        return False  # the brief asks of every candidate, so spare the parse
    sentence_a, sentence_b = parsed(a)[:], parsed(b)[:]
    return bool(wish) and wish_and_deed(sentence_a, sentence_b) or bool(withheld) and withheld_and_told(sentence_a, sentence_b)


#: The words of a subject that name it: "the film's main stars" → film, main, stars; what
#: hangs from it further ("including Ida Marsh", or a name the parser wrongly hangs there
#: from a phrase before it) is left out.
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "flat", "conj"})


def subject_words(subject: Any) -> frozenset[str]:
    """The content words naming a parsed subject (:data:`_NAMING_DEPS`)."""
    words = [subject] + [c for c in subject.children if c.dep_ in _NAMING_DEPS]
    words += [c for w in words if w.dep_ == "conj" for c in w.children if c.dep_ in ("compound", "flat")]
    return frozenset(content_words(" ".join(w.text for w in words)))


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


def _one_stem(a: str, b: str) -> bool:
    """Whether two lemmas are one word in two forms: "react" / "reaction", "offer" / "offered"."""
    if min(len(a), len(b)) < 4:
        return a == b
    return b.startswith(a[:max(4, len(a) - 2)]) or a.startswith(b[:max(4, len(b) - 2)])


def _sentence(claim: Claim, docs: dict[str, Any]) -> Any:
    """The claim's parsed sentence: from its article's parse, or parsed alone when there is
    none (claims made by hand)."""
    doc = docs.get(claim.article)
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    return span if span is not None else parsed(claim.text)[:]


def _two_statements(a: Claim, b: Claim, docs: dict[str, Any], same: Callable[[str, str], bool],
                    sentence_of: Callable[[Claim], Any]) -> bool:
    """Whether two claims the sentence models put together state two things: they name
    different parties ("Orsk will pay" / "Wexmoor will pay", also in sentences built
    differently), they share little but names (:func:`_shares_only_names`), one goes into
    what the other comes out of (:func:`opposite_ways`), one reports a remark that meets the other only on its framing, one
    forecasts what the other tells as done ("is expected to win" before the vote / "won"),
    one names the other's event only as the setting of its own (:func:`_event_as_setting`),
    one shares with the other only an aside about a noun (:func:`shared_only_in_a_description`),
    one asks someone to do what the other tells as done (:func:`request_and_deed`), one
    wants what the other tells as done (:func:`wish_and_deed`), one withholds what the
    other tells (:func:`withheld_and_told`), one verb is negated in one only and said of
    two parties (:func:`negated_for_another_party`), one
    tells a plea of guilty and the other one of not guilty (:func:`opposite_pleas`),
    they share words only in their subjects (:func:`_shares_only_the_subject`),
    one says "all" of what the other says "only" of (:func:`all_and_only`), one tells of a
    part of the group the other names (:func:`part_and_whole`), one does
    without what the other does (:func:`done_and_done_without`), one denies what the other
    does not mention (:func:`denies_what_the_other_omits`), they tell two steps of one
    criminal case ("was charged" / "denied" / "was convicted"), or one tells the crime a
    step of the case in the other is for (:func:`offence_and_step`). The models see one
    statement in each: all other words are shared."""
    if swapped_names(a.text, b.text, same):
        return True
    if _shares_only_names(a.text, b.text) or opposite_ways(a.text, b.text):
        return True
    if _reports_something_else(a, b) or _reports_something_else(b, a):
        return True
    if forecast_and_outcome((docs.get(a.article), a.span, a.text), (docs.get(b.article), b.span, b.text)):
        return True
    sentence_a, sentence_b = sentence_of(a), sentence_of(b)
    # Few words of their own in common, and one tells the other's event only as the
    # setting of something else: a shared name and a word used another way tie them.
    if len(_own_shared(a.text, b.text, with_people=True)) <= MIN_SHARED_OWN_WORDS and (
            _event_as_setting(sentence_a, sentence_b) or _event_as_setting(sentence_b, sentence_a)):
        return True
    if shared_only_in_a_description(sentence_a, sentence_b) or shared_only_in_a_description(sentence_b, sentence_a):
        return True
    if request_and_deed(sentence_a, sentence_b) or opposite_pleas(sentence_a, sentence_b):
        return True
    if wish_and_deed(sentence_a, sentence_b) or withheld_and_told(sentence_a, sentence_b):
        return True
    if negated_for_another_party(sentence_a, sentence_b):
        return True
    if all_and_only(a.text, b.text) or done_and_done_without(a.text, b.text):
        return True
    if part_and_whole(sentence_a, sentence_b):
        return True
    # Opposite words ("did not fail" / "held") are one statement told two ways.
    if opposite_words(a.text, b.text) is None and denies_what_the_other_omits(sentence_a, sentence_b):
        return True
    if _shares_only_the_subject(sentence_a, sentence_b):
        return True
    if other_steps(sentence_a, sentence_b) or offence_and_step(sentence_a, sentence_b):
        return True
    return other_doers(sentence_a, sentence_b, same) is not None


def align_claims(claims: Sequence[Claim], annotations: Sequence[Annotation], independent: dict[str, str],
                 entities: Sequence[Entity] = (), quotes: Sequence[Quote] = ()) -> tuple[list[Claim], list[Fact]]:
    """Facts from claims.

    Args:
        claims: the story's claims.
        annotations: their articles' annotations (for the sentence vectors).
        independent: each article's group of articles that reuse one another (provenance).
        entities: the story's entities, so that two names of one entity are not read as
            two versions naming different people or places (:func:`swapped_names`).
        quotes: the story's quotes with their groups (:func:`group_quotes`): claims that
            report nothing but one utterance are one fact however its outlets worded it.

    Returns:
        The claims with their fact ids, and the facts.
    """
    same = name_judge(entities)
    docs = {a.article.id: a.doc for a in annotations}
    # Only claims of different articles are compared: one article's need no vectors.
    compared = len({c.article for c in claims}) > 1
    vectors = _claim_vectors(claims, annotations) if compared else np.zeros((len(claims), DIMENSIONS), np.float32)
    cosines = vectors @ vectors.T
    # A long sentence carries asides that dilute its similarity; its main clause says what
    # it states, so two claims are also compared by their main clauses.
    cores = [plain_wording(c.core or c.text) for c in claims]
    core_vectors = embed(cores) if compared else np.zeros((len(claims), DIMENSIONS), np.float32)
    core_cosines = core_vectors @ core_vectors.T
    sentences: dict[str, Any] = {}  # claim id -> its parsed sentence, found once per claim

    def sentence_of(claim: Claim) -> Any:
        if claim.id not in sentences:
            sentences[claim.id] = _sentence(claim, docs)
        return sentences[claim.id]

    utterances = [_utterance_reported(c, quotes) for c in claims]
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            one_utterance = utterances[i] is not None and utterances[i] == utterances[j]
            if claims[i].article == claims[j].article or max(cosines[i, j], core_cosines[i, j]) < CANDIDATE_COSINE and not one_utterance:
                continue
            if _two_statements(claims[i], claims[j], docs, same, sentence_of):
                continue
            whole = combine(float(cosines[i, j]), word_overlap(claims[i].text, claims[j].text), claims[i].text, claims[j].text)
            core = combine(float(core_cosines[i, j]), word_overlap(cores[i], cores[j]), cores[i], cores[j])
            scores[(i, j)] = max(whole, core, SAME_FACT if one_utterance else 0.0)
    clusters = _cluster([(c.article, c.text) for c in claims], scores, SAME_FACT)
    facts = []
    out = list(claims)
    for members in clusters:
        group = [claims[i] for i in members]
        ids = [c.id for c in group]
        fid = _fact_id(ids)
        sources = tuple(dict.fromkeys(c.article for c in group))
        n_independent = _independent_count(members, claims, independent)
        status = FactStatus.CORROBORATED if n_independent >= 2 else FactStatus.SINGLE_SOURCE
        representative = _representative(members, claims, cosines)
        facts.append(Fact(fid, representative.text, sources, tuple(ids), status, n_independent))
        for i in members:
            out[i] = replace(claims[i], fact=fid)
    return out, facts


#: Share of the content words a claim reports that must be a quote's for the claim to report
#: only that utterance ("Ross told reporters that the pier was “the safest in the county”").
UTTERANCE_SHARE = 0.75


def _utterance_reported(claim: Claim, quotes: Sequence[Quote]) -> tuple[str, str] | None:
    """The quote group and speaker of the one utterance a claim reports, when what its
    speech verb reports is nearly all of a named person's words in quotation marks: then
    two outlets' claims of it state one thing, that the speaker said it, whatever the words
    each gives ("the strongest promise" / "the firmest promise": the wording finding tells
    that difference). Reported speech is left to the statement judges: two outlets'
    paraphrases may be of two remarks ("the storm injured 30 on Sunday, the fire service
    said" / "a second storm injured 45 on Tuesday, officials said")."""
    if claim.speech is None:
        return None
    reported = set(content_words(claim.speech[0]))
    for quote in quotes:
        if quote.group and quote.speaker and quote.kind != "indirect" and quote.article == claim.article \
                and claim.span[0] <= quote.span[0] < claim.span[1] \
                and reported and len(reported & set(content_words(quote.text))) >= UTTERANCE_SHARE * len(reported):
            return quote.group, quote.speaker
    return None


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level edit of ``a`` into ``b`` as ``(op, words)`` pairs, op being
    ``equal``, ``delete`` or ``insert`` (a replacement is a delete then an insert)."""
    wa, wb = re.findall(r"[\w’'-]+", a), re.findall(r"[\w’'-]+", b)
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in wa], b=[w.lower() for w in wb], autojunk=False)
    ops: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            ops.append(("equal", " ".join(wa[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(wa[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(wb[j1:j2])))
    return ops


def common_runs(a: str, b: str, length: int = 3, words: Callable[[str], list[str]] = content_words) -> set[tuple[str, ...]]:
    """Every run of ``length`` words (as ``words`` reads a text) the two texts share, in order."""
    wa, wb = words(a), words(b)
    runs = {tuple(wa[i : i + length]) for i in range(len(wa) - length + 1)}
    return {tuple(wb[i : i + length]) for i in range(len(wb) - length + 1) if tuple(wb[i : i + length]) in runs}


def _shared_runs(a: str, b: str, length: int = 3) -> set[str]:
    """The content words of every run of ``length`` content words the two texts share, in order."""
    return {w for run in common_runs(a, b, length) for w in run}


def _shares_phrase(a: str, b: str, length: int = 3) -> bool:
    """Whether two texts share a run of ``length`` content words, in order: the mark of a
    quote that was reworded around its most distinctive phrase."""
    return bool(_shared_runs(a, b, length))


#: Share of the shorter quote's content words that runs shared with the longer must cover
#: for it to be an extract of the longer ("a peaceful vigil that devolved into a riot").
EXTRACT_SHARE = 0.75


def _one_remark(a: str, b: str) -> bool:
    """Whether two quotes sharing a run of words, one of them credited to no one named, are
    one remark: one is an extract of the other, or the statement judge takes them for one
    statement. A run of the story's topic words is shared by other remarks on it ("police
    officers shooting young men is a problem" / "what caused the police officers to shoot";
    "the boy was carrying a knife for a friend" / "she never said whether the boy was
    carrying a knife"), and a speaker nobody named may be anyone."""
    shorter = min(set(content_words(a)), set(content_words(b)), key=len)
    if shorter and len(_shared_runs(a, b) & shorter) >= EXTRACT_SHARE * len(shorter):
        return True
    return same_statement(a, b) >= SAME_STATEMENT


_CAPITAL_WORD = re.compile(r"\b[A-Z][\w’'-]*")
_FIGURE = re.compile(r"\d")


def _names_of_pair(a: str, b: str) -> set[str]:
    """Content words written as names in either text: with a capital inside it, or with a
    capital in both (a name that opens both quotes, "Tolvan Reese was seen …")."""
    opening = ({w for m in _CAPITAL_WORD.findall(a) for w in content_words(m)}
               & {w for m in _CAPITAL_WORD.findall(b) for w in content_words(m)})
    return _name_words(a) | _name_words(b) | opening


def _shares_plain_phrase(a: str, b: str, length: int = 3) -> bool:
    """Whether two texts share a run of ``length`` content words none of which is a name or a
    figure. Names, ages and counts are what every remark on a story repeats ("Tolvan Reese
    Jr. was caught in a barn" / "Tolvan Reese Jr. fled on foot", "the 40-year-old ranger was
    charged" / "a 40-year-old ranger was found dead"); a remark reworded around its own
    phrase shares the speaker's words ("at any hour of the day or night"). A possessive's
    "s" does not count: "the sheriff's deputy" is a title, not a phrase of three words."""
    names = _names_of_pair(a, b)
    runs = common_runs(a, b, length, lambda text: [w for w in content_words(text) if len(w) > 1])
    return any(not any(w in names or _FIGURE.search(w) for w in run) for run in runs)


def _other_speakers(a: Quote, b: Quote) -> bool:
    """Whether two quotes are credited to different people: both have a speaker and no one
    is credited in both ("Putin and Kim agreed" and "Kim agreed" share a speaker)."""
    return bool(a.speaker and b.speaker) and not set(a.credited()) & set(b.credited())


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _said_of_the_other(a: Quote, b: Quote) -> bool:
    """Whether one of two quotes, its speaker named by no one, names the other's speaker in
    its words: "the ministry may cover half the cost, officials said" is said of the
    ministry, not by it, and is no version of the ministry's own "plans to cover half"."""
    for one, other in ((a, b), (b, a)):
        name = _LEADING_ARTICLE.sub("", other.speaker_text or "")
        if one.speaker is None and other.speaker is not None and name[:1].isupper() \
                and re.search(rf"\b{re.escape(name)}\b", one.text):
            return True
    return False


#: Two quotes of two people sharing a run of words and this much of the shorter one at
#: most, with one more word besides, share a term rather than a remark.
TERM_SHARE = 0.5


def _shares_only_a_term(a: Quote, b: Quote) -> bool:
    """Whether two quotes credited to two different people share a run of words and little
    else, each saying more than that run: the run is then a name or a term both speakers
    use ("the Marsh Protection Act", "legitimate Web sites"), not one remark reworded
    around it. Little else is nothing else, or one word more when all they share is under
    :data:`TERM_SHARE` of the shorter quote ("an engine for accelerating the building of a
    new multipolar world" / "a driving force accelerating the creation of a new multipolar
    world" share most of the shorter: one remark). One speaker's remark reworded around its
    phrase ("ready to talk at any hour of the day or night" / "willing to negotiate …")
    stays one quote, and so does a short extract that is nearly all run."""
    if not _other_speakers(a, b):
        return False
    run = _shared_runs(a.text, b.text)
    wa, wb = set(content_words(a.text)), set(content_words(b.text))
    if not run or len(wa - run) < 2 or len(wb - run) < 2:
        return False
    shared = wa & wb
    others = len(shared - run)
    return others == 0 or others == 1 and len(shared) < TERM_SHARE * min(len(wa), len(wb))


def _wording_similarity(a: str, b: str) -> float:
    wa = [w.lower() for w in re.findall(r"[\w’'-]+", a)]
    wb = [w.lower() for w in re.findall(r"[\w’'-]+", b)]
    return difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).ratio()


def _one_speaker(a: Quote, b: Quote) -> bool:
    """Whether someone is credited with both quotes ("Putin and Kim agreed" / "Kim agreed")."""
    return bool(set(a.credited()) & set(b.credited()))


def _phrase_of_one_remark(a: Quote, b: Quote) -> bool:
    """Whether the run of words two quotes share (:func:`_shares_phrase`) may make them one
    remark: always for one person's words; for quotes of people not known to be one, only a
    run of the speaker's own words (:func:`_shares_plain_phrase`), not names and figures
    every report of the story repeats, and, when a speaker is not named, only an extract
    or what the statement judge takes for one statement (:func:`_one_remark`). Two named
    people's words have passed the term and verbatim tests already."""
    if _one_speaker(a, b):
        return True
    if not _shares_plain_phrase(a.text, b.text):
        return False
    return _other_speakers(a, b) or _one_remark(a.text, b.text)


def _same_words_if_other_speaker(a: Quote, b: Quote) -> bool:
    """Two quotes not credited to one person are one utterance only if the statement judge
    says so: MiniLM puts short quotes on one subject close whatever they say ("The pirates
    are from Somalia and Yemen" / "it is difficult to identify pirates": 0.73; "Varga was hit
    in the leg", credited to a named officer, / "Varga will probably walk again", credited to
    "police": 0.8). A speaker nobody named may be anyone, so only one named person's remark
    reworded is taken on closeness alone."""
    if _one_speaker(a, b):
        return True
    return same_statement(a.text, b.text) >= SAME_STATEMENT


#: Two people's quotes share at least this much of the shorter one's own words (names and
#: terms set aside) when one is the other's words.
VERBATIM_SHARE = 0.5

_CAPITALISED = re.compile(r"(?<=[\w,;:’'\"”)\]] )[A-Z][\w’'-]*")


def _name_words(text: str) -> set[str]:
    """Content words written with a capital inside the text: names and terms ("the Marsh
    Protection Act"), which two people speaking on one subject both use."""
    return {w for m in _CAPITALISED.findall(text) for w in content_words(m)}


def _same_words_verbatim_if_other_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotes credited to two different people are worded alike enough to be one
    utterance: a run of three of their own words in common, or half the shorter's own words,
    names and terms set aside. Closeness of meaning is not enough: two officials on one
    subject say things the phrase rule and the statement judge put together ("the Harbour
    Street fire was set deliberately, and the Tarnby police will find whoever did it" /
    "Nobody was hurt in the Harbour Street fire, and the Tarnby police are guarding the
    homes"), and an attribution finding says the words are the same. One person's remark
    reworded stays one quote whatever its wording."""
    if not _other_speakers(a, b):
        return True
    names = _name_words(a.text) | _name_words(b.text)
    if len(_shared_runs(a.text, b.text) - names) >= 3:
        return True
    wa, wb = set(content_words(a.text)) - names, set(content_words(b.text)) - names
    shared = len(wa & wb)
    return shared >= 2 and shared >= VERBATIM_SHARE * min(len(wa), len(wb))


def _other_claim_of_other_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotes say opposite things ("the barrier held" / "failed") or name
    different parties ("Orsk will pay" / "Wexmoor will pay") and are not both credited to
    one person: a council's claim and residents' other claim are two statements. One
    person's words in two such versions stay one group, which compare reports (a
    misquote)."""
    if set(a.credited()) & set(b.credited()):
        return False
    return opposite_words(a.text, b.text) is not None or swapped_names(a.text, b.text) is not None


def _said_of_a_name(quote: Quote) -> bool:
    """Whether a reported quote's words are no more than a name or a short phrase ("Holm
    assailed Mrs. Varga", "the delegates endorsed Mrs. Varga"): its verb says what was
    voiced about them, and the same name after another verb is another statement."""
    if quote.kind == "direct":
        return False
    words = set(content_words(quote.text))
    named = {w for m in _CAPITAL_WORD.findall(quote.text) for w in content_words(m)}
    return len(words) < MIN_REWORDED_WORDS or words <= named


def _other_acts(a: Quote, b: Quote) -> bool:
    """Whether two quotes, one of them words said of a name (:func:`_said_of_a_name`), come
    after different verbs ("assailed" / "supports"): one attacked and one backed the same
    person, and no outlet reworded the other."""
    return (_said_of_a_name(a) or _said_of_a_name(b)) \
        and content_words(a.cue or "") != content_words(b.cue or "")


def group_quotes(quotes: Sequence[Quote], confidences: dict[str, float]) -> tuple[list[Quote], list[QuoteGroup]]:
    """Quote groups: the same utterance as written by different outlets.

    The group's speaker is the best-attested one; a quote whose speaker was only resolved
    from context ("he said") takes the group's speaker when a named attribution says
    otherwise.
    """
    if not quotes:
        return [], []
    # Only quotes of different articles are compared: one article's need no vectors.
    compared = len({q.article for q in quotes}) > 1
    vectors = embed([q.text for q in quotes]) if compared else np.zeros((len(quotes), DIMENSIONS), np.float32)
    cosines = vectors @ vectors.T
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if quotes[i].article == quotes[j].article or _other_claim_of_other_speaker(quotes[i], quotes[j]) \
                    or _said_of_the_other(quotes[i], quotes[j]) or _other_acts(quotes[i], quotes[j]) \
                    or not _same_words_verbatim_if_other_speaker(quotes[i], quotes[j]):
                continue
            wa, wb = set(content_words(quotes[i].text)), set(content_words(quotes[j].text))
            overlap = len(wa & wb) / max(1, len(wa | wb))  # Jaccard: a short quote is not a long one
            phrase = cosines[i, j] >= SHARED_PHRASE_COSINE and _shares_phrase(quotes[i].text, quotes[j].text) \
                and not _shares_only_a_term(quotes[i], quotes[j]) and _phrase_of_one_remark(quotes[i], quotes[j])
            if phrase:
                scores[(i, j)] = 0.6
            elif overlap >= 0.8 and min(len(wa), len(wb)) >= 2 or (
                    # two or three words ("favored Mr. Cruz" / "attacked Cruz") are alike to
                    # the embedding whatever they say: only the same words make them one quote
                    cosines[i, j] >= SAME_QUOTE_COSINE and min(len(wa), len(wb)) >= MIN_REWORDED_WORDS
                    and _same_words_if_other_speaker(quotes[i], quotes[j])):
                scores[(i, j)] = 0.5 * float(cosines[i, j]) + 0.5 * max(overlap, SAME_QUOTE_WORDS if cosines[i, j] >= SAME_QUOTE_COSINE else 0)
    clusters = _cluster([(q.article, q.text) for q in quotes], scores, 0.6)
    out = list(quotes)
    groups = []
    for members in clusters:
        group = [quotes[i] for i in members]
        best = max(group, key=lambda q: (confidences.get(q.id, 0.0), q.kind == "direct", -members[group.index(q)]))
        speaker = best.speaker
        for i in members:
            q = quotes[i]
            weak = confidences.get(q.id, 0.0) < SURE_SPEAKER
            if q.speaker != speaker and weak and confidences.get(q.id, 0.0) < confidences.get(best.id, 0.0) and q.speaker_resolved:
                out[i] = replace(q, speaker=speaker, speakers=best.speakers)
        gid = "g-" + hashlib.sha1("|".join(q.id for q in group).encode()).hexdigest()[:10]
        for i in members:
            out[i] = replace(out[i], group=gid)
        first = group[0]
        differences = []
        drift = 0.0
        for q in group[1:]:
            ops = word_diff(first.text, q.text)
            drift = max(drift, 1.0 - _wording_similarity(first.text, q.text))
            differences.append({
                "quote": q.id, "against": first.id,
                "removed": [w for op, w in ops if op == "delete"], "added": [w for op, w in ops if op == "insert"],
                "ops": [list(o) for o in ops],
            })
        groups.append(QuoteGroup(gid, speaker, tuple(q.id for q in group), round(drift, 3), tuple(differences), best.speakers))
    return out, groups
