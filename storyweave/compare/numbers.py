"""Number findings: different figures for one counted thing, unless owners, tellers, stages or occasions part them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, Sequence

from ..align import SAME_STATEMENT, same_statement
from ..align.words import UPDATED_AFTER_DAYS, among_other_groups, content_words
from ..forecasts import done, forecast
from ..model import Claim, DiscrepancyKind
from ..name_swaps import swapped_names
from .figures import (MONTHS, NUMBER_WORDS, QUANTIFIERS, RANGE_START, TIME_UNITS, _NAME, _NOT_A_NAME, _NOT_A_THING, _OCCASION,
                      _OTHER_TIME, _compatible, _figure_tokens, _figure_value, _numbers)
from .findings import _item

#: Two sentences whose bare counts are compared must be at least this related.
NUMBER_RELATED = 0.45
#: "a five-year deal", "an eight-year contract": a number word says how many or how long;
#: two figures that share only it ("a five-year, $70 million contract" / "a five-year deal
#: in the $75 million range") may count anything, so it never ties them.
_NUMBER_WORD = re.compile(r"(?:" + "|".join(NUMBER_WORDS) + r")+(?:" + "|".join(sorted(TIME_UNITS)) + r"|year|month|week|day|hour)?")


def _number_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None = None,
                      days: dict[str, dt.date | None] | None = None) -> None:
    """Different figures for the same measured thing in different articles ("a 12 km
    barrier" / "a 15 km flood barrier"). A figure with a unit is tied to the nouns next to
    it, when each article ties that noun to one figure only, or to the figures the other
    article gives and one more; a bare count also needs the two sentences to be about the
    same thing; sentences that name different people or places ("Clinton's plan" / "Trump's
    plan"; names only in a reporting frame, "The board said that …", tell who reports), or
    figures whose subjects (parsed from ``docs``, each article's spaCy doc) are names the
    other sentence lacks, measure different things, and so do counts or shares of
    nouns each absent from the other sentence; articles published ``UPDATED_AFTER_DAYS``
    apart (``days``: each article's known publication day) tell figures of two days. All
    versions of one figure make one discrepancy."""
    numbers = {c.id: _numbers(c.text) for c in claims}
    # A word that one article ties to several figures of one unit ("a 15 percent rate", "a
    # 39.6 percent rate") does not name one quantity there: no figure is compared by it,
    # unless the other article settles all but one of them (below).
    # A bare count is tied only to the counts of the same thing: "12 points and four
    # assists" ties the player's name to one figure of points.
    # A figure of a sentence dated to a year or month the two compared sentences do not name,
    # and naming what the rest of its article does not, is of another occasion ("a
    # 6.4-magnitude quake hit Kessby in February"): it does not make a word name two
    # quantities of this one ("the 6.1-magnitude quake"). A dated sentence naming only the
    # story's own people ("Through 14 games in the 2008 season, Vell had …") tells this story.
    values: dict[tuple[str, str, str], set[tuple[float, str | None, frozenset[str]]]] = {}
    counted = {(c.id, shown): _counted_next(c.text, shown) if not unit else None
               for c in claims for shown, unit, *_ in numbers[c.id]}
    occasions = _other_occasions(claims)
    for c in claims:
        for shown, unit, words, value, bound in numbers[c.id]:
            if bound == RANGE_START:
                continue
            for w in words:
                values.setdefault((c.article, unit, w), set()).add((value, counted[(c.id, shown)], occasions[c.id]))

    def tied(article: str, unit: str, word: str, thing: str | None, dated: frozenset[str] = frozenset()) -> set[float]:
        """The figures an article ties a word to, leaving out counts of another thing and
        figures told of another occasion than ``dated`` names."""
        return {v for v, t, when in values[(article, unit, word)]
                if (thing is None or t is None or t == thing) and (not when or when & dated)}

    def dated_elsewhere(article: str, unit: str, word: str, value: float) -> bool:
        """Whether an article gives this figure, by this word, of a dated occasion: the
        other article's figure is then that occasion's, told without its date."""
        return any(v == value and when for v, _, when in values.get((article, unit, word), ()))
    # The names a sentence mentions (not its first word, unless possessive).
    names = {c.id: {w.lower() for m in _NAME.findall(c.text) for w in m if w} - _NOT_A_NAME for c in claims}
    docs = docs or {}
    for c in claims:
        # The first word is a name too when the tagger says so ("Trump leads by 57 percent").
        first = _first_token(docs.get(c.article), c)
        if first is not None and first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and first.is_title:
            names[c.id].add(first.text.lower())
    noun_words: dict[str, set[str]] = {}

    def nouns(doc: Any, claim: Claim) -> set[str]:
        if claim.id not in noun_words:
            span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand")
            noun_words[claim.id] = {w for t in span or () if t.pos_ in ("NOUN", "PROPN") for w in content_words(t.text)}
        return noun_words[claim.id]
    conflicts: dict[tuple[str, str], dict[str, tuple[Claim, str]]] = {}
    printed_as: dict[tuple[str, str], str] = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.article == b.article or not numbers[a.id] or not numbers[b.id]:
                continue
            day_a, day_b = (days or {}).get(a.article), (days or {}).get(b.article)
            if day_a and day_b and abs((day_a - day_b).days) >= UPDATED_AFTER_DAYS:
                continue
            if _stages_of_a_count(a.text, b.text):
                continue  # "with 60 percent of precincts reporting, … 52 percent" / "with 98 percent …, 49 percent"
            values_a = {(v, u) for _, u, _, v, _ in numbers[a.id]}
            values_b = {(v, u) for _, u, _, v, _ in numbers[b.id]}
            for shown_a, unit, words_a, value_a, bound_a in numbers[a.id]:
                for shown_b, unit_b, words_b, value_b, bound_b in numbers[b.id]:
                    if RANGE_START in (bound_a, bound_b):
                        continue
                    # A word one article ties to several figures still names one quantity
                    # when the other article gives all but one of those figures too: "49.8
                    # percent of the vote and 47.6 percent" / "49.9 percent of the vote to
                    # 47.6 percent" agree on the runner-up and part on the winner.
                    thing_a, thing_b = counted[(a.id, shown_a)], counted[(b.id, shown_b)]
                    same_thing = thing_a if thing_a == thing_b else None
                    dated = occasions[a.id] | occasions[b.id]

                    def only_one_apart(w: str) -> bool:
                        in_a = tied(a.article, unit, w, same_thing, dated)
                        in_b = tied(b.article, unit_b, w, same_thing, dated)
                        return len(in_a - in_b) == 1 and len(in_b - in_a) == 1
                    shared = {w for w in (words_a & words_b) - QUANTIFIERS - _NOT_A_THING
                              if not _NUMBER_WORD.fullmatch(w) and only_one_apart(w)}
                    if unit != unit_b or _compatible((value_a, bound_a), (value_b, bound_b)) or not shared:
                        continue
                    if (value_a, unit) in values_b or (value_b, unit) in values_a:
                        continue  # both figures appear in both: they count different things
                    if any(dated_elsewhere(a.article, unit, w, value_b) or dated_elsewhere(b.article, unit_b, w, value_a)
                           for w in shared):
                        continue  # "… where a 6.6-magnitude quake struck": the other article's quake of 2009
                    # Two versions of one fact counting one named thing ("14 points" / "12
                    # points") are about the same thing: align said so.
                    joined = same_thing is not None and a.fact is not None and a.fact == b.fact
                    others_agree = values_a - {(value_a, unit)} == values_b - {(value_b, unit)}
                    if not unit and _counted_of_two_things(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b):
                        continue  # "300 complaints about the park" / "500 complaints about noise"
                    if not unit and not joined \
                            and _related_but_the_figure(a.text, shown_a, b.text, shown_b, others_agree) < NUMBER_RELATED:
                        continue
                    # A figure someone "needs to" or "has to" reach is worked out for one goal
                    # under one reckoning ("55 percent to tie", "91 percent to clinch"); two such
                    # figures differ only if the sentences are one statement.
                    if _REQUIRED.search(a.text) and _REQUIRED.search(b.text) and same_statement(a.text, b.text) < SAME_STATEMENT:
                        continue
                    # What a count or a share counts follows it ("four bullets", "62 percent of
                    # voters"); after a length or a sum come other words ("12 km from the pier").
                    if unit in ("", "%") and _count_different_things(a.text, shown_a, b.text, shown_b):
                        continue  # "four bullets" / "a 38-caliber revolver"
                    if unit == "%" and _shares_of_other_measures(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b):
                        continue  # "82 percent of its freight capacity" / "65 percent of freight"
                    if among_other_groups(a.text, b.text):
                        continue  # "the margin of error among that group was four points" / "… is 5.7 points"
                    if names[a.id] and names[b.id] and not names[a.id] & names[b.id] \
                            and not _reported_of_no_one(a.text) and not _reported_of_no_one(b.text):
                        continue  # "Clinton's plan would raise $1.1 trillion" / "Trump's … $4 trillion"
                    if _figure_of_a_place_unnamed(a.text, [(f, u) for f, u, *_ in numbers[a.id]], shown_a, b.text) \
                            or _figure_of_a_place_unnamed(b.text, [(f, u) for f, u, *_ in numbers[b.id]], shown_b, a.text):
                        continue  # "in Egypt by 80 percent, in India by 65 percent" / "70 percent between the continents"
                    if swapped_names(a.text, b.text):
                        continue  # "the Hawks offered Varis $16 million" / "the Owls offered Varis $20 million"
                    if _forecast_and_result(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b):
                        continue  # "is expected to report a loss of $40 million" / "reported a loss of $52 million"
                    if _stance(docs.get(a.article), a, shown_a) != _stance(docs.get(b.article), b, shown_b):
                        continue  # "the agent asked for a $200 million contract" / "the offer is worth $180 million"
                    if _other_owners(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b) \
                            or _two_of_a_kind(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b) \
                            or _some_one_and_a_party(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b):
                        continue  # "the Ravens offered between $140 and $150 million" / "… the Larks offered at least $160 million"
                    # A name near both figures says whose or where, not what is counted: "the
                    # $64,000 question for Orsk" and "$500,000 of Orsk ads" share only the place.
                    # Unless both figures count one named thing ("14 points" / "12 points").
                    if same_thing is None and not {w for w in shared if w not in names[a.id] | names[b.id]
                                                   and not any(n.startswith(w) for n in names[a.id] | names[b.id])}:
                        continue
                    # Only a noun names what a figure measures: two shares "followed closely
                    # by" a rival in two polls share an adverb and a verb, not a measure.
                    if same_thing is None and a.article in docs and b.article in docs:
                        shared &= nouns(docs[a.article], a) | nouns(docs[b.article], b)
                        if not shared:
                            continue
                    # The thing counted is named by a common word when there is one ("the
                    # vote", not "the orvath"); a name opening a sentence counts as a name here.
                    capitals = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+", f"{a.text} {b.text}")}
                    # Of common words, the one right after a figure says what it measures
                    # ("a 12-km stretch of the road built by the crews": the stretch; not so
                    # "raised $40,000 for the families" for the appeal).
                    after = {_counted_next(text, shown, joined_by_hyphen=True) for text, shown in ((a.text, shown_a), (b.text, shown_b))}
                    thing = same_thing or min(shared, key=lambda w: (any(n.startswith(w) for n in capitals), w not in after, w))
                    if not unit and (unit, thing) not in printed_as:
                        counted_a = _noun_counted(docs.get(a.article), a, shown_a)
                        if counted_a and counted_a == _noun_counted(docs.get(b.article), b, shown_b):
                            printed_as[(unit, thing)] = counted_a  # "two undersea cables": the cables, not the undersea
                    versions = conflicts.setdefault((unit, thing), {})
                    versions.setdefault(a.id, (a, shown_a))
                    versions.setdefault(b.id, (b, shown_b))
    for (unit, thing), versions in sorted(conflicts.items()):
        figures = " / ".join(dict.fromkeys(v for _, v in versions.values()))
        ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
        # The word as printed: the compared form is cut ("pirates" → "pirat").
        thing = printed_as.get((unit, thing)) or next((w.strip("-").lower() for c, _ in ordered for w in re.findall(r"[A-Za-z'’-]+", c.text)
                                                       if content_words(w) == [thing]), thing)
        add(DiscrepancyKind.NUMBER, f"The sources give different figures for the {thing}: {figures}.",
            [_item(c.article, c.text, c.span, _figure_value(shown)) for c, shown in ordered])


#: A reporting frame opening a sentence ("The Orrin Electoral Board said that …", "According
#: to the board, …") or closing it ("…, the board said."): it names who tells the figure.
_REPORT_OPENING = re.compile(r"^(?:according to [^,;:“\"]{1,80},\s*|[^,;:“\"]{1,80}?\b(?:said|says|reported|announced|stated)"
                             r"\s+(?:that\s+)?)", re.I)
_REPORT_CLOSING = re.compile(r",\s*(?:according to [^,;:“\"]{1,80}|[^,;:“\"]{1,80}?\s+(?:said|says|reported|announced)"
                             r"|(?:said|says)\s+[^,;:“\"]{1,80}?)\s*[.!]?$", re.I)
#: A frame told by a poll or a study gives that measurement's own figure, not another's
#: report of one figure: two polls' results are two findings of their own.
_MEASURED = re.compile(r"\b(?:polls?|survey|surveys|study|studies|analysis|estimates?|census|forecasts?|projections?|models?)\b", re.I)
#: Words pointing back to someone named before: the figure may be theirs.
_POINTING_BACK = re.compile(r"\b(?:he|she|it|they|his|her|him|its|their|them)\b", re.I)


def _reported_of_no_one(text: str) -> bool:
    """Whether a sentence's names are all in its reporting frame, and what is reported names
    and points back to no one ("The Orrin Electoral Board said that turnout was almost 90
    percent"): the board tells the figure, it is not its own, so another sentence naming
    other people is no sign of another owner. "The Mersey campaign said his plan would cost
    $4 billion" points back to someone, and keeps its names."""
    opened = _REPORT_OPENING.sub("", text, count=1)
    reported = _REPORT_CLOSING.sub("", opened, count=1)
    if reported == text or _MEASURED.search(text[: len(text) - len(opened)] + opened[len(reported):]):
        return False
    # The sentence's first word is a name only when the frame went before it.
    named = {w.lower() for m in _NAME.findall(" " + reported if opened != text else reported) for w in m if w} - _NOT_A_NAME
    return not named and not _POINTING_BACK.search(reported)


def _owner(doc: Any, claim: Claim, shown: str) -> set[str]:
    """The name whose figure this is: the proper nouns of the subject of the verb the
    figure hangs from ("the Ferrin Larks had offered at least $160 million" → ferrin,
    larks); none when that subject is a common noun ("the barrier will run for 12 km")."""
    at = claim.text.lower().find(shown.lower())
    if doc is None or at < 0:
        return set()
    chunk = doc.char_span(claim.span[0] + at, claim.span[0] + at + len(shown), alignment_mode="expand")
    if not chunk:
        return set()
    t = chunk[-1]
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")] if t.pos_ in ("VERB", "AUX") else []
    return {w.lower_ for s in subjects for w in s.subtree if w.pos_ == "PROPN"}


def _first_token(doc: Any, claim: Claim) -> Any:
    """The claim's first token in its article's parse, or None without one."""
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    return span[0] if span is not None and len(span) else None


def _other_owners(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether two figures belong to two parties: each is its subject's figure, the two
    subjects differ, and at least one goes unmentioned in the other sentence. Sentences built differently ("The
    Ravens offered …, according to Kettle's agent" / "According to Kettle's agent, the
    Larks offered …") share other names, so the names of the whole sentences cannot tell
    the two bidders apart; the subjects can. A figure whose subject is a common noun (the
    barrier, the landslide) keeps its comparison."""
    owner_a, owner_b = _owner(doc_a, a, shown_a), _owner(doc_b, b, shown_b)
    if not owner_a or not owner_b:
        return False
    words_a, words_b = set(content_words(a.text)), set(content_words(b.text))
    named_a, named_b = set(content_words(" ".join(owner_a))), set(content_words(" ".join(owner_b)))
    if named_a & named_b:
        return False
    # One owner unmentioned in the other sentence is enough when the two owners differ: "the
    # Ravens offered him what the Larks did, and the Kites between $140 and $150 million" /
    # "the Larks raised their offer of $160 million" (the Kites' figure, and the Larks')
    return not named_a & words_b or not named_b & words_a


def _of_some_one(doc: Any, claim: Claim, shown: str) -> bool:
    """Whether a figure is told of some thing a "there is" clause brings in ("there is at
    least one offer out there better than $184 million"): the verb it hangs from has
    "there" for its subject, so the thing is one of a kind, not a party's."""
    chunk = _figure_tokens(doc, claim, shown)
    if not chunk:
        return False
    verb = next((t for t in chunk[-1].ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "expl" for c in verb.children)


def _some_one_and_a_party(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether one figure is told of something a "there is" clause brings in and the other
    of a named party that sentence does not name: "there is at least one offer better than
    $184 million" may be any bidder's, and says nothing against "the Lind Hawks offered
    $160 million". A figure of a common noun ("there were more than 50 people hurt" / "40
    people were hurt") keeps its comparison."""
    for doc, claim, shown, other_doc, other, other_shown in ((doc_a, a, shown_a, doc_b, b, shown_b),
                                                             (doc_b, b, shown_b, doc_a, a, shown_a)):
        owner = _owner(other_doc, other, other_shown)
        if owner and not set(content_words(" ".join(owner))) & set(content_words(claim.text)) \
                and _of_some_one(doc, claim, shown):
            return True
    return False


def _noun_counted(doc: Any, claim: Claim, shown: str) -> str | None:
    """The noun a bare count counts by the parse ("two undersea cables" → cables, "about two
    dozen young protesters" → protesters), as printed: the words between may be modifiers,
    which name no thing. None without a parse or a noun."""
    tokens = _figure_tokens(doc, claim, shown)
    for token in tokens or ():
        if token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.head.i >= tokens.end:
            return token.head.text.lower()
    return None


def _teller(doc: Any, claim: Claim, shown: str) -> tuple[str, set[str]] | None:
    """What gives a figure, when that is a thing named by a common noun: the subject of the
    verb above the clause the figure sits in ("A poll for the Lind Courier found that 68
    percent of voters …" → poll, {lind, courier}), as its noun and the proper nouns in it.
    None when the teller is a person or a name ("Mayor Fenn said …"), or without a parse."""
    chunk = _figure_tokens(doc, claim, shown)
    if not chunk:
        return None
    verbs = [t for t in chunk[-1].ancestors if t.pos_ in ("VERB", "AUX")]
    if len(verbs) < 2:
        return None
    # The first verb's subject is the figure's own phrase ("68 percent of voters believe");
    # what tells it is the subject one clause up.
    subject = next((c for c in verbs[1].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    return subject.lemma_.lower(), {w.lower_ for w in subject.subtree if w.pos_ == "PROPN"}


def _two_of_a_kind(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether two figures are told by two things of one kind, told apart by their names:
    "a poll for the Lind Courier found 68 percent" and "a poll published by the Orsk Herald
    said 83 percent" are two polls, each with its result, not two versions of one. A person
    telling a figure is left out: two officials' two death tolls for one crash do clash."""
    teller_a, teller_b = _teller(doc_a, a, shown_a), _teller(doc_b, b, shown_b)
    if not teller_a or not teller_b or teller_a[0] != teller_b[0] or not teller_a[1] or not teller_b[1]:
        return False
    words_a, words_b = set(content_words(a.text)), set(content_words(b.text))
    return not set(content_words(" ".join(teller_a[1]))) & words_b and not set(content_words(" ".join(teller_b[1]))) & words_a


def _told_as_forecast(doc: Any, claim: Claim, shown: str) -> bool | None:
    """Whether a figure is told as forecast (True), as done (False), or neither (None), by
    the verb it hangs from, read as the facts read a statement's verb: ahead ("is expected
    to report a loss of $40 million"), a verb of forecasting ("analysts expected a loss of
    $40 million"), or done ("reported a loss of $52 million")."""
    chunk = _figure_tokens(doc, claim, shown)
    verb = next((t for t in (chunk[-1], *chunk[-1].ancestors) if t.pos_ in ("VERB", "AUX")), None) if chunk else None
    if verb is None:
        return None
    if forecast(verb):
        return True
    return False if done(verb) else None


#: Verbs of asking for or seeking a thing: its figure is what one party wants, not what was
#: offered, paid or agreed.
SEEKING_VERBS = frozenset({"seek", "ask", "demand", "request", "want"})
#: Verbs and nouns of offering: the figure is what one party puts forward, which the other may
#: take, refuse or better; the deal made is a figure of its own.
OFFERING_WORDS = frozenset({"offer", "propose", "proposal", "bid"})


def _stance(doc: Any, claim: Claim, shown: str) -> str | None:
    """Which side of a bargain a figure is told from, by the verb or noun governing it within
    its clause: "sought" for a thing someone seeks or asks for ("asking for an eight-year
    contract worth $200 million", :data:`SEEKING_VERBS`), "offered" for one put forward ("have
    offered him a deal worth $150 million", "the bid was $20 million", :data:`OFFERING_WORDS`),
    else None (a deal made, or no bargain at all). An ask, an offer and the deal struck are
    three figures, all right; two asks, or two offers, are still compared."""
    chunk = _figure_tokens(doc, claim, shown)
    if not chunk:
        return None
    for token in chunk[-1].ancestors:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in SEEKING_VERBS:
            return "sought"
        if lemma in OFFERING_WORDS and token.pos_ in ("VERB", "NOUN"):
            return "offered"
        if token.pos_ in ("VERB", "AUX") and any(child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in OFFERING_WORDS
                                                 for child in token.children):
            return "offered"  # "the offer is worth $180 million"
        if token.dep_ in ("ROOT", "ccomp", "relcl") and token.pos_ in ("VERB", "AUX"):
            return None  # the figure's own clause ends here
    return None


def _forecast_and_result(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether one figure is a forecast and the other the result: analysts' estimate of a
    loss written before the report and the loss reported are both right, whatever they
    say; two forecasts, or two results, are still compared."""
    told_a, told_b = _told_as_forecast(doc_a, a, shown_a), _told_as_forecast(doc_b, b, shown_b)
    return {told_a, told_b} == {True, False}


def _names_before_each(text: str, shown: list[str]) -> list[set[str]]:
    """The names between each figure and the figure before it (or the sentence's start):
    "services in Egypt were down by 80 percent, in India by 65 percent" → {egypt}, {india}."""
    pieces, start = [], 0
    for figure in shown:
        at = text.lower().find(figure.lower(), start)
        if at < 0:
            return []
        pieces.append({w.lower() for m in _NAME.findall(text[start:at]) for w in m if w} - _NOT_A_NAME)
        start = at + len(figure)
    return pieces


def _figure_of_a_place_unnamed(text: str, figures: list[tuple[str, str]], shown: str, other: str) -> bool:
    """Whether a figure is one of a list, each given for its own name ("down by 80 percent
    in Egypt, in India by 65 percent"), and the other sentence names none of them: its
    figure ("70 percent of the traffic between the continents") is of something else."""
    alike = [f for f, unit in figures if unit == next(u for f2, u in figures if f2 == shown)]
    names = _names_before_each(text, alike)
    if len(alike) < 2 or len(names) != len(alike) or not all(names):
        return False
    return not set(content_words(" ".join(set().union(*names)))) & set(content_words(other))


def _share_of(doc: Any, claim: Claim, shown: str) -> tuple[str, set[str]] | None:
    """What a share is a share of: the noun after its "of" and the words describing that
    noun ("82 percent of the port's freight handling capacity" → capacity, {freight,
    handling, port}). None for a figure without "of", or without a parse."""
    chunk = _figure_tokens(doc, claim, shown)
    if not chunk:
        return None
    of = next((c for t in chunk for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None:
        return None
    described = {w for t in noun.subtree if t.i < noun.i for w in content_words(t.text)}  # the words before it
    head = content_words(noun.text)
    return (head[0], described) if head else None


def _shares_of_other_measures(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether two shares are of two quantities, one a measure of the other's thing: "82
    percent of the port's freight capacity" and "65 percent of freight": a share of the
    capacity for freight is not a share of the freight carried. So are shares of one noun
    that each names by words the other lacks: two groups of voters, two polls' samples."""
    share_a, share_b = _share_of(doc_a, a, shown_a), _share_of(doc_b, b, shown_b)
    if not share_a or not share_b:
        return False
    if share_a[0] == share_b[0]:
        # One noun told of two groups, each by its own words ("40% of Sanders' voters" /
        # "17 percent of likely Democratic voters"): shares of two groups.
        return bool(share_a[1]) and bool(share_b[1]) and not share_a[1] & share_b[1]
    return share_b[0] in share_a[1] or share_a[0] in share_b[1]


#: "needs to win 55 percent", "must take": a figure someone has to reach.
_REQUIRED = re.compile(
    r"\b(?:needs?|needed|has|have|had)\s+to\s+(?:\w+\s+){0,2}?(?:win|get|reach|take|secure|gain|raise|collect)\b"
    r"|\bmust\s+(?:win|get|reach|take|secure|gain|raise|collect)\b", re.I)


#: "with 60 percent of precincts reporting", "with all precincts reporting", "with roughly
#: three-quarters of precincts tallied", "with 95% of the vote counted": how far a count of
#: votes had gone when a figure was told.
_COUNT_STAGE = re.compile(
    r"\bwith\s+(?:(?:about|around|roughly|nearly|almost|over|more than|some|just over|just under)\s+)?"
    r"(\d[\d.]*\s*(?:%|percent|per cent)|all|half|(?:a|one|two|three)[- ](?:quarters?|thirds?|half))"
    r"\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:precincts|votes?|ballots|districts|wards|polling (?:places|stations))"
    r"\s+(?:\w+\s+)?(?:reporting|reported|counted|tallied|in)\b", re.I)
_WHOLE_COUNT = frozenset({"all", "100 percent"})


def _count_stage(text: str) -> str | None:
    """How far the vote count had gone when the sentence's figures were told ("all" for a
    complete count), or None when the sentence does not say."""
    match = _COUNT_STAGE.search(text)
    if not match:
        return None
    stage = re.sub(r"\s*(?:%|per cent)$", " percent", re.sub(r"\s+", " ", match.group(1).lower().replace("-", " ")))
    return "all" if stage in _WHOLE_COUNT else stage


def _stages_of_a_count(text_a: str, text_b: str) -> bool:
    """Whether two sentences tell figures of a vote count at two stages: a partial count
    ("with 60 percent of precincts reporting, Morrow had 52 percent") is no version of the
    count at another stage ("with 98 percent reporting … 49 percent"), nor of a figure told
    without one, which may be the result. Both at one stage, or a complete count against a
    figure told without a stage, are still compared."""
    stage_a, stage_b = _count_stage(text_a), _count_stage(text_b)
    if stage_a == stage_b:
        return False
    return {stage_a, stage_b} != {"all", None}


def _other_occasions(claims: Sequence[Claim]) -> dict[str, frozenset[str]]:
    """By claim, the years and months ("in February", "in 2003", lower-cased) that date it
    to another occasion than its story's: those of a sentence naming someone or somewhere
    no other sentence of its article names ("a quake hit Kessby in February"); none for
    other sentences."""
    named = {c.id: {w.lower() for m in _NAME.findall(c.text) for w in m if w} - _NOT_A_NAME - set(MONTHS) for c in claims}
    # How many sentences of each article name each name: one's own name is named elsewhere
    # when more than one does (counted once, not by comparing every pair of sentences).
    sentences_naming = Counter((c.article, name) for c in claims for name in named[c.id])
    found = {}
    for c in claims:
        dates = frozenset(m.lower() for m in _OCCASION.findall(c.text))
        own = dates and any(sentences_naming[(c.article, name)] == 1 for name in named[c.id])
        found[c.id] = dates if own else frozenset()
    return found


def _related_but_the_figure(text_a: str, shown_a: str, text_b: str, shown_b: str, others_agree: bool) -> float:
    """How likely two sentences state the same thing once their figures are made one
    (:func:`~storyweave.align.same_statement`): the judge, trained on paraphrases, reads two
    figures as two statements ("as many as 20,000 marched" / "roughly 30,000 marched"), the
    very difference a number finding is to tell, so it reads the second sentence with the
    first one's figure (the judge's word on the sentences as written stands when higher).
    Only when the sentences' other figures (``others_agree``) are the same: "440 yards and
    four touchdowns receiving" and "eight passes for 66 yards and two touchdowns" tell two
    stretches of play in sentences built alike, not one statement with one figure changed;
    and only when neither names another time than the story's (:data:`_OTHER_TIME`)."""
    as_written = same_statement(text_a, text_b)
    at_a, at_b = text_a.lower().find(shown_a.lower()), text_b.lower().find(shown_b.lower())
    if at_a < 0 or at_b < 0 or as_written >= NUMBER_RELATED or not others_agree:
        return as_written
    if _OTHER_TIME.search(text_a) or _OTHER_TIME.search(text_b):
        return as_written  # "a stronger quake in March injured 60": another time's count, told alike
    one_figure = text_b[:at_b] + text_a[at_a : at_a + len(shown_a)] + text_b[at_b + len(shown_b) :]
    return max(as_written, same_statement(text_a, one_figure))


#: Prepositions after a counted noun that say what the things counted are of or about
#: ("complaints about the park", "comments on the plan", "members of the club"), not where
#: or when ("points in the first half").
_ABOUT = frozenset({"about", "on", "of", "over", "regarding", "concerning"})


def _counted_of_two_things(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether each count's noun says of what, and the two say of different things
    ("300 complaints about the park" / "500 complaints about the road")."""
    def of_what(doc: Any, claim: Claim, shown: str) -> set[str]:
        tokens = _figure_tokens(doc, claim, shown)
        nouns = [t.head for t in tokens or () if t.dep_ == "nummod" and t.head.pos_ == "NOUN"]
        return {o.lemma_.lower() for n in nouns[:1] for p in n.children if p.dep_ == "prep" and p.lower_ in _ABOUT
                for o in p.children if o.dep_ == "pobj"}
    what_a, what_b = of_what(doc_a, a, shown_a), of_what(doc_b, b, shown_b)
    return bool(what_a and what_b) and not what_a & what_b


def _counted(text: str, shown: str) -> str | None:
    """The word a figure counts: the first content word after it ("four bullets" → bullet)."""
    at = text.lower().find(shown.lower())
    if at < 0:
        return None
    after = content_words(text[at + len(shown) : at + len(shown) + 40])
    return after[0] if after and not after[0][0].isdigit() else None


def _counted_next(text: str, shown: str, joined_by_hyphen: bool = False) -> str | None:
    """The thing a bare count names right after it ("12 points" → point, "four assists" →
    assist); none when another word comes first ("scored 13 for the Owls"). With
    ``joined_by_hyphen``, also the word a hyphen joins to it ("a 6.2-magnitude quake")."""
    at = text.lower().find(shown.lower())
    following = re.match(r"[\s-]+([A-Za-z]+)\b" if joined_by_hyphen else r"\s+([A-Za-z]+)\b", text[at + len(shown) :]) if at >= 0 else None
    words = content_words(following.group(1)) if following else []
    return words[0] if words else None


def _count_different_things(text_a: str, shown_a: str, text_b: str, shown_b: str) -> bool:
    """Whether two figures name what they count and each names a thing the other sentence
    never mentions: "loaded with four bullets" and "a 38-caliber revolver" share the
    revolver, not the quantity."""
    noun_a, noun_b = _counted(text_a, shown_a), _counted(text_b, shown_b)
    if not noun_a or not noun_b or noun_a == noun_b:
        return False
    return noun_a not in content_words(text_b) and noun_b not in content_words(text_a)
