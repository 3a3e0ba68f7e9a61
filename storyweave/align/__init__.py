"""align: claims that state the same thing become one fact.

Reads an extraction and the annotations' sentence vectors; adds facts. Candidates come from
sentence-embedding cosine; facts are joined on the words the two sentences share, so that two
sentences about one topic that say different things stay apart, and the tests of
:mod:`storyweave.align.statements` keep apart two statements the models put together.
:func:`same_statement` (a fine-tuned cross-encoder together with a lexical model) is the
sharper judge the brief's citations, certainty shifts and figure conflicts are checked with.
Quotes of one utterance are grouped in :mod:`storyweave.align.quotes`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from typing import Any, Callable, Collection, Mapping, Sequence

import numpy as np

from .. import cross_encoder
from ..embed import DIMENSIONS, embed
from ..model import Annotation, Certainty, Claim, DateMention, Entity, Fact, FactStatus, Quote
from ..name_swaps import plain_name, same_name
from ..nlp import parsed
from .other_news import no_act_in_common, other_news_of_the_same_names
from .parse import speaker_and_words
from .repeats import repeats
from .statement_model import load_model
from .statements import two_statements
from .words import UPDATED_AFTER_DAYS, content_words, figures, figures_of_a_kind, plain_wording, word_overlap

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
#: Below this score, two sentences are one fact only if they tell one act, or acts taking
#: one thing (:func:`no_act_in_common`): near the cut, names and a topic shared make the
#: score. (PolNeAR train stories' facts: the wrong joins scored 0.650 and 0.651, the right
#: ones 0.654 to 0.68.)
ONE_ACT_NEEDED_BELOW = 0.69


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
    negation (:mod:`storyweave.align.statement_model`). Both must agree: MSRP's pairs are nearly
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


def _cluster(items: Sequence[tuple[str, str]], scores: dict[tuple[int, int], float], threshold: float,
             first_saying: Mapping[int, int] | None = None) -> list[list[int]]:
    """Greedy average-link clustering: the strongest pairs first, one item per article, but
    for the items of one remark said twice in a row (``first_saying``: an item's first
    saying of the remark it repeats)."""
    first_saying = first_saying or {}
    cluster_of = {i: i for i in range(len(items))}
    members = {i: [i] for i in range(len(items))}
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        merged = members[ci] + members[cj]
        remarks = {first_saying.get(k, k) for k in merged}
        if len({items[k][0] for k in remarks}) < len(remarks):
            continue  # one article states a fact once; a second sentence is a new fact
        links = [scores.get((min(a, b), max(a, b)), 0.0) for a in members[ci] for b in members[cj]]
        if sum(links) / len(links) < threshold:
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci] = merged
        del members[cj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


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
#: sentence before, and this is its end, not a statement. A straight mark after a space opens
#: words ('Lenk said Brennick "says whatever he must"', session 36); a curly one may close them.
CLOSED_NOT_OPENED = re.compile(r"^[^“‘\"']*[\w.!?,](?:\s?[”’]|[\"'])\s*(?:said|says|added|adds|told|tells|recalled|testified)\b")
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


def inside_a_quotation(claim: Claim, texts: Mapping[str, str]) -> bool:
    """Whether a claim's sentence lies inside a quotation opened earlier in its paragraph
    (“It came back to me last week. Many buyers have asked for it. …”), or opens one
    that goes on past it: its words are a speaker's, and it does not say whose. ``texts``
    holds the articles' texts by id (a parse rebuilds its text at every ``.text``)."""
    text = texts.get(claim.article)
    if text is None:
        return False
    before = text[text.rfind("\n", 0, claim.span[0]) + 1:claim.span[0]]
    # A sentence opening a quotation it does not close (“We need a new mayor. …) is
    # the first of the quotation's sentences, whose speaker comes after them if at all.
    opens = QUOTATION_OPENING.match(claim.text) and (claim.text.count("“") > claim.text.count("”")
                                                     or claim.text.count('"') % 2 == 1)
    return bool(opens) or before.count("“") > before.count("”") or before.count('"') % 2 == 1


#: Words that open a condition ("If Varga wins the vote, he would lead the party").
_CONDITIONS = frozenset({"if", "unless"})
#: Modals of a main clause that tells what a condition would bring about.
_WOULD = frozenset({"would", "could", "might", "'d"})


def hypothetical(sentence: Any) -> bool:
    """Whether a sentence's main clause tells what would follow from a condition ("If Varga
    won the Orsk vote again — as he did in 2010 — he would lead the party"): it states
    nothing as done, though an aside in its condition may, so it words no fact that another
    version states plainly."""
    return any(t.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ in _WOULD for c in t.children)
               and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
                       for c in t.children)
               for t in sentence)


def _representative(members: Sequence[int], claims: Sequence[Claim], cosines: np.ndarray,
                    quoted_within: Collection[int] = (), conditional: Collection[int] = ()) -> Claim:
    """The plainest wording of a fact: the claim closest to all the others (the medoid),
    hedges kept, avoiding sentences that read badly out of their article (a pronoun, odd
    characters, words glued together, the end of a quotation, the outlet's "we" or "us") or say much more than the shortest version (a
    second statement joined on with "and"). A plain statement comes before one crediting
    someone or quoting: an outlet's "X said …" is often a longer sentence that tells the fact
    in an aside ("… said Ada Lenk, who was hurt along with a boy …"), and a quotation's
    words read alone are no one's (the brief heads them with their speaker where a version
    credits them). A version giving a figure no other version gives ("By Saturday, at
    least 6,000 sites had been infected" among versions saying only that the number grows)
    would show that figure as corroborated by all of them: another version words the fact.
    ``quoted_within`` are the claims whose sentence lies inside a longer quotation
    (:func:`inside_a_quotation`): quoted, though they hold no quotation mark. ``conditional``
    are the claims whose main clause is :func:`hypothetical`: they rank with the quoted ones,
    and a quotation stating the fact plainly words it before a condition's aside does."""
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
        # A sentence inside a longer quotation names no speaker, whoever the article credits.
        quoted = c.certainty is not Certainty.ATTRIBUTED and _quoted_alone(c.text) or i in quoted_within or i in conditional
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


def _sentence(claim: Claim, docs: dict[str, Any]) -> Any:
    """The claim's parsed sentence: from its article's parse, or parsed alone when there is
    none (claims made by hand)."""
    doc = docs.get(claim.article)
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    return span if span is not None else parsed(claim.text)[:]


def align_claims(claims: Sequence[Claim], annotations: Sequence[Annotation], independent: dict[str, str],
                 entities: Sequence[Entity] = (), quotes: Sequence[Quote] = (),
                 dates: Sequence[DateMention] = (), published: Mapping[str, dt.date | None] | None = None,
                 ) -> tuple[list[Claim], list[Fact]]:
    """Facts from claims.

    Args:
        claims: the story's claims.
        annotations: their articles' annotations (for the sentence vectors).
        independent: each article's group of articles that reuse one another (provenance).
        entities: the story's entities, so that two names of one entity are not read as
            two versions naming different people or places (:func:`swapped_names`).
        quotes: the story's quotes with their groups (:func:`group_quotes`): claims that
            report nothing but one utterance are one fact however its outlets worded it.
        dates: the story's resolved time expressions: two claims telling of different days
            are one fact only when the statement judge takes them for one statement (then
            compare reports the dates' disagreement).
        published: each article's publication day, where it is known: two figures of one
            kind in articles written days apart are two facts (:func:`figures_of_two_days`).

    Returns:
        The claims with their fact ids, and the facts.
    """
    same = name_judge(entities)
    docs = {a.article.id: a.doc for a in annotations}
    texts = {a.article.id: a.article.text for a in annotations if a.doc is not None}
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

    # Two outlets' reported speech of one speaker is compared by what each says was said,
    # with the speaker's name for "she": "Varga announced that she cannot yet endorse Lind,
    # leaving …" / "Varga said that she was “not yet ready” to endorse Lind, adding …".
    said = [speaker_and_words(sentence_of(c)) if compared else None for c in claims]
    reporting = [i for i, s in enumerate(said) if s is not None]
    said_vectors = dict(zip(reporting, embed([said[i][1] for i in reporting]))) if reporting else {}
    utterances = [_utterance_reported(c, quotes) for c in claims]
    quoted = [_words_of_an_utterance(c, quotes, utterances[n]) for n, c in enumerate(claims)]
    days = [_days_told(c, dates) for c in claims]
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            one_utterance = utterances[i] is not None and utterances[i] == utterances[j] \
                or one_piece_quoted(quoted[i], quoted[j])
            if claims[i].article == claims[j].article or max(cosines[i, j], core_cosines[i, j]) < CANDIDATE_COSINE and not one_utterance:
                continue
            if two_statements(claims[i], claims[j], docs, same, sentence_of):
                continue
            if figures_of_two_days(claims[i], claims[j], published or {}):
                continue  # "4 in 10 say …" / "three in 10 said …", two weeks apart: two polls
            if other_news_of_the_same_names(sentence_of(claims[i]), sentence_of(claims[j])) \
                    and same_statement(claims[i].text, claims[j].text) < SAME_STATEMENT:
                continue  # "the four mayors are stuck near 10 percent" / "advisers to the four mayors discount it"
            if days[i] and days[j] and not days[i] & days[j] and same_statement(claims[i].text, claims[j].text) < SAME_STATEMENT:
                continue  # "sent a fundraising email on Saturday" / "… on Tuesday": two emails
            whole = combine(float(cosines[i, j]), word_overlap(claims[i].text, claims[j].text), claims[i].text, claims[j].text)
            core = combine(float(core_cosines[i, j]), word_overlap(cores[i], cores[j]), cores[i], cores[j])
            reported = _said_alike(said[i], said[j], said_vectors, i, j, same)
            score = max(whole, core, SAME_FACT if one_utterance else 0.0, reported)
            if SAME_FACT <= score < ONE_ACT_NEEDED_BELOW and not one_utterance \
                    and no_act_in_common(sentence_of(claims[i]), sentence_of(claims[j])):
                continue  # "shocked the council by refusing to back Lind" / "stayed unmoved — Lind must show …"
            scores[(i, j)] = score
    # A sentence a speaker says twice in a row is one remark: its two claims make one fact.
    remark = _repeated_remarks(claims, texts, sentence_of) if compared else {}
    for i, j in remark.items():
        scores[(min(i, j), max(i, j))] = 1.0
    clusters = _cluster([(c.article, c.text) for c in claims], scores, SAME_FACT, remark)
    facts = []
    out = list(claims)
    for members in clusters:
        group = [claims[i] for i in members]
        ids = [c.id for c in group]
        fid = _fact_id(ids)
        sources = tuple(dict.fromkeys(c.article for c in group))
        n_independent = _independent_count(members, claims, independent)
        status = FactStatus.CORROBORATED if n_independent >= 2 else FactStatus.SINGLE_SOURCE
        quoted_within = {i for i in members if inside_a_quotation(claims[i], texts)}
        conditional = {i for i in members if len(members) > 1 and hypothetical(sentence_of(claims[i]))}
        representative = _representative(members, claims, cosines, quoted_within, conditional)
        facts.append(Fact(fid, representative.text, sources, tuple(ids), status, n_independent))
        for i in members:
            out[i] = replace(claims[i], fact=fid)
    return out, facts


def _repeated_remarks(claims: Sequence[Claim], texts: Mapping[str, str], sentence_of: Callable[[Claim], Any]) -> dict[int, int]:
    """Claims that say the sentence before them again inside one quotation
    (:func:`repeats`: "We need a new mayor. We need a new mayor, a real one." is not), each
    with the claim of the remark's first saying: a speaker stressing one remark, which
    two outlets quoting both sentences corroborate once."""
    first_of: dict[int, int] = {}
    order = sorted(range(len(claims)), key=lambda n: (claims[n].article, claims[n].span))
    for i, j in zip(order, order[1:]):
        a, b = claims[i], claims[j]
        text = texts.get(a.article)
        if b.article != a.article or text is None or not _words_within(a.text, b.text):
            continue
        between = text[a.span[1]:b.span[0]]
        # The next sentence of the same paragraph, both a speaker's words.
        if between.strip(" \u00a0\"”“'’") or not (inside_a_quotation(a, texts) and inside_a_quotation(b, texts)):
            continue
        if repeats(sentence_of(a), sentence_of(b)):
            first_of[j] = first_of.get(i, i)
    return first_of


def _words_within(a: str, b: str) -> bool:
    """Whether every word of the shorter text is one of the longer's: what :func:`repeats`
    needs at least, read without a parse."""
    one, other = (set(re.findall(r"\w+", t.lower())) for t in (a, b))
    return one <= other or other <= one


def _said_alike(a: tuple[str, str] | None, b: tuple[str, str] | None, vectors: Mapping[int, np.ndarray], i: int, j: int,
                same: Callable[[str, str], bool]) -> float:
    """:func:`combine`'s score of what one speaker is reported saying in claims ``i`` and
    ``j`` (:func:`speaker_and_words`, their vectors by claim); 0 when either reports no
    one's words or the speakers differ."""
    if a is None or b is None or not same(a[0], b[0]):
        return 0.0
    return combine(float(vectors[i] @ vectors[j]), word_overlap(a[1], b[1]), a[1], b[1])


def figures_of_two_days(a: Claim, b: Claim, published: Mapping[str, dt.date | None]) -> bool:
    """Whether two claims give different figures of one kind (the same word after each:
    "About 4 in 10 say …" / "About three in 10 said …", "Varga has 503 delegates" / "Varga
    has 866 delegates") in articles published :data:`UPDATED_AFTER_DAYS` or more days
    apart: a running figure as it stood on each day, or two polls, so two facts. compare
    reads no disagreement in figures of two days, so joined they would stand as one
    corroborated fact that neither article states. A figure both sentences give (each
    giving both) counts two things, not one thing two ways."""
    day_a, day_b = published.get(a.article), published.get(b.article)
    if day_a is None or day_b is None or abs((day_a - day_b).days) < UPDATED_AFTER_DAYS:
        return False
    figures_a, figures_b = figures(a.text), figures(b.text)
    kinds_b = figures_of_a_kind(b.text)
    return any(kind and kind == other_kind and number not in figures_b and other not in figures_a
               for number, kind in figures_of_a_kind(a.text) for other, other_kind in kinds_b)


def _days_told(claim: Claim, dates: Sequence[DateMention]) -> frozenset[str]:
    """The days (resolved to a date) a claim's sentence names."""
    return frozenset(d.value[:10] for d in dates if d.article == claim.article and d.value and len(d.value) >= 10
                     and d.value[:4].isdigit() and claim.span[0] <= d.span[0] < claim.span[1])


#: Content words a sentence inside a quotation must give of another version's quoted
#: words, in a row, to be one piece of the remark: fewer ("I'm not there") may be said twice.
MIN_QUOTED_RUN = 4


def _words_of_an_utterance(claim: Claim, quotes: Sequence[Quote],
                           utterance: tuple[str, str] | None) -> tuple[tuple[str, str], tuple[str, ...]] | None:
    """The quote group and speaker of the utterance a claim gives words of, with those
    content words in order: what its speech verb reports (``utterance``, from
    :func:`_utterance_reported`), or the whole sentence when its words lie inside a named
    speaker's direct quotation, alone or as one sentence of it (“I'm not ready to back Lind. …”)."""
    if utterance is not None and claim.speech is not None:
        return utterance, tuple(content_words(claim.speech[0]))
    text = claim.text
    letters = [n for n, ch in enumerate(text) if ch.isalnum()]
    if not letters:
        return None
    first, last = claim.span[0] + letters[0], claim.span[0] + letters[-1]
    for quote in quotes:
        if quote.group and quote.speaker and quote.kind == "direct" and quote.article == claim.article \
                and quote.span[0] <= first and last < quote.span[1]:
            return (quote.group, quote.speaker), tuple(content_words(text))
    return None


def one_piece_quoted(a: tuple[tuple[str, str], tuple[str, ...]] | None,
                     b: tuple[tuple[str, str], tuple[str, ...]] | None) -> bool:
    """Whether two claims give words of one utterance (:func:`_words_of_an_utterance`), the
    words of one a run of the other's: a sentence of one outlet's longer quotation ("“I'm
    not ready to back Lind at this time. …") and another outlet's credited version of it
    ("“Frankly, I'm not ready to back Lind at this time,” Varga told the Gazette")."""
    if a is None or b is None or a[0] != b[0]:
        return False
    shorter, longer = sorted((a[1], b[1]), key=len)
    if len(shorter) < MIN_QUOTED_RUN:
        return False
    return any(longer[k:k + len(shorter)] == shorter for k in range(len(longer) - len(shorter) + 1))


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
