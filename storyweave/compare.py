"""compare: where the sources part ways, and how each frames the story.

Reads the aligned facts and quote groups; adds discrepancies (date, number, wording,
certainty, attribution, contradiction), headline framing and the provenance links made
before alignment. Each discrepancy compares statements that align says are the same, so
two sentences about different things are never set against each other.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from .align import SAME_STATEMENT, _wording_similarity, content_words, same_statement, word_diff
from .extract.dates import ORDINALS, dateline_day, find_time_expressions
from .framing import frame_headline
from .model import (
    Alignment,
    Annotation,
    Certainty,
    Claim,
    Comparison,
    Discrepancy,
    DiscrepancyItem,
    Fact,
    FactStatus,
    DiscrepancyKind,
    Framing,
    ProvenanceLink,
    Quote,
)
from .forecasts import ahead_and_done, forecast_and_outcome
from .name_swaps import swapped_names
from .opposites import opposite_words

#: Quotes count as reworded from this share of changed words (a changed comma is not).
WORDING_DRIFT = 0.05
#: Only attributions at least this sure are set against each other (named, or "he said"
#: right after the speaker's own quote).
SURE_ATTRIBUTION = 0.9
#: Word-sequence similarity from which two pieces of reported speech are the same words.
SAME_REPORTED_WORDS = 0.6
#: Shorter quoted phrases are names or slogans ("comprehensive strategic partnership"),
#: which any speaker may use.
MIN_ATTRIBUTED_WORDS = 4
#: A reworded quote keeps most of the words of the shorter version in order, or, reworded
#: whole (two translations of one remark), about its length. A much longer quote that keeps
#: little of the shorter one is another remark by the same speaker on the same subject ("I
#: have no problem with being checked" / "I have always said that I expect to be checked
#: by anyone who wants to"), not a version of it.
SAME_REMARK_KEPT = 0.65
SAME_REMARK_LENGTH = 1.3


def _id(kind: str, items: Iterable[DiscrepancyItem]) -> str:
    key = kind + "|" + "|".join(f"{i.article}:{i.span[0]}" for i in items)
    return "x-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _item(article: str, text: str, span: tuple[int, int]) -> DiscrepancyItem:
    return DiscrepancyItem(article, text, span)


@lru_cache(maxsize=8192)
def _day_expressions(text: str, anchor: tuple[dt.date | None, bool]) -> list[tuple[str, str | None, int | None]]:
    out = []
    for e in find_time_expressions(text, anchor[0], anchor_is_lower_bound=anchor[1]):
        if e.type != "DATE" or not (e.day_offset is not None or (e.value and len(e.value) == 10)):
            continue
        if re.match(r"\s?['’]s\b", text[e.span[1] :]):
            continue  # "Sunday's game" names an event; it does not date what the sentence says
        if re.search(r"\bas\s+(?:of|at)\s+$", text[: e.span[0]], re.I):
            continue  # "as of Wednesday" is when a running tally was read, not when anything happened
        value = e.value if e.value and len(e.value) == 10 else None
        if e.day_offset is not None and anchor[1]:
            value = None  # "today" needs the real publication date, not a lower bound of it
        out.append((e.text, value, e.day_offset))
    return out


def _date_line(text: str, expression: str) -> bool:
    """Whether a line is only a date: "PUBLISHED: Monday, March 11, 2013, 10:34 PM" stamps a
    page; two outlets' stamps differ without any statement being dated differently."""
    rest = [w for w in content_words(text.replace(expression, " ")) if not w[0].isdigit() and w not in ("am", "pm")]
    # "Monday, Sep 10, 2012 | Updated 9:01 AM EDT": a stamp's own words and time zone are
    # no statement either.
    return len(rest) < 2 or dateline_day(text) is not None


def _date_conflicts(members: Sequence[Any], anchors: dict[str, tuple[dt.date | None, bool]], add: Any) -> None:
    """One discrepancy when the versions of one statement carry different days."""
    dated = []
    for m in members:
        days = _day_expressions(m.text, anchors.get(m.article, (None, False)))
        if len(days) == 1 and not _date_line(m.text, days[0][0]):
            dated.append((m, *days[0]))
    # Outlets that quote one utterance with the same "today" relay the speaker's word; the
    # day it meant is the day of speaking, which neither publication date tells.
    if all(isinstance(m, Quote) for m, *_ in dated) and len({text.lower() for _, text, _, _ in dated}) == 1:
        return
    # Two sentences that one fact holds by a shared subject ("the campaign sent a fundraising
    # email") may still tell of two events, each on its day; only versions the statement judge
    # takes for one statement can date it differently.
    if dated and not any(a.article != b.article and (va or oa) != (vb or ob) and same_statement(a.text, b.text) >= SAME_STATEMENT
                         for i, (a, _, va, oa) in enumerate(dated) for b, _, vb, ob in dated[i + 1 :]):
        return
    resolved = {value for _, _, value, _ in dated if value}
    offsets = {offset for _, _, value, offset in dated if offset is not None and not value}
    if len({m.article for m, *_ in dated}) < 2:
        return
    if len(resolved) > 1:
        versions = ", ".join(dict.fromkeys(f"{value} (“{text}”)" for _, text, value, _ in dated if value))
        explanation = f"The same statement is dated differently: {versions}."
    elif not resolved and len(offsets) > 1:
        words = " / ".join(dict.fromkeys(f"“{text}”" for _, text, _, _ in dated))
        explanation = (f"The same statement is dated differently: {words}. The publication dates are unknown, so "
                       "these can only all be right if the articles appeared on different days.")
    else:
        return
    add(DiscrepancyKind.DATE, explanation, [_item(m.article, m.text, m.span) for m, *_ in dated])


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
TIME_UNITS = frozenset({"year", "years", "day", "days", "month", "months", "week", "weeks", "hour", "hours", "old"})
UNITS = ("%", "percent", "per cent", "million", "billion", "trillion", "km", "kilometres", "kilometers", "miles", "metres", "meters", "cm")
#: Unit spellings that mean the same thing ("5%" = "5 percent").
SAME_UNIT = {"percent": "%", "per cent": "%", "kilometres": "km", "kilometers": "km", "metres": "m", "meters": "m"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
#: "dwarfing the $90 million deal", "up from 12 last year": the figure is what this one is
#: measured against (another deal, another year), not a version of it.
COMPARED_WITH = re.compile(r"\b(?:dwarf|exceed|surpass|eclips|topp|beat|compared (?:with|to)|up from|down from)\w*\b[^.;]{0,25}$")
#: Words before a figure that make it a bound or an estimate, so "more than 50,000" and
#: "52,000" agree.
LOWER_BOUND = re.compile(r"(more than|better than|over|at least|upwards of|in excess of|no fewer than)\s+$")
UPPER_BOUND = re.compile(r"(less than|fewer than|under|up to|at most|no more than|as (?:much|many|high) as)\s+$")
#: A figure with a currency word after it ("200 million euros", "a two million-euro heist")
#: is a sum in that currency. Sums in two currencies are never compared: without the
#: rate, "€2 million" and "$2.6 million" may be one sum. ("pounds" is left out: "weighing
#: 130 pounds" is no sum.)
CURRENCY_WORDS = {"euro": "€", "euros": "€", "dollar": "$", "dollars": "$", "sterling": "£", "yen": "yen ",
                  "yuan": "yuan ", "rupee": "rupee ", "rupees": "rupee ", "franc": "franc ", "francs": "franc ",
                  "rouble": "rouble ", "roubles": "rouble "}
_CURRENCY_AFTER = re.compile(r"\s*-?\s*(" + "|".join(CURRENCY_WORDS) + r")\b")
ESTIMATE = re.compile(r"(about|around|nearly|almost|some|roughly|approximately|an estimated|close to)\s+$")
#: An estimate ("about 300") agrees with figures this close to it.
ESTIMATE_TOLERANCE = 0.1
#: Content words this close to a number say what it counts.
NUMBER_WINDOW = 4
#: Two sentences whose bare counts are compared must be at least this related.
NUMBER_RELATED = 0.45

_NUMBER = re.compile(
    r"(?<![\w.-])(us\$|\$us|\$|€|£)?(?:(?<=[$€£])\s)?(\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?:\s*("
    + "|".join(re.escape(u) for u in UNITS) + r"))?(?!\w|-(?!(?:" + "|".join(CURRENCY_WORDS) + r")\b))",
    re.I,
)
_DATE_NEIGHBOUR = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\s*$")
#: "15 miles north of Detroit": what follows names the place a distance is measured from,
#: not the thing measured (two sources may place two different things near one city).
_REFERENCE_POINT = re.compile(
    r"\s*(?:(?:north|south|east|west)(?:\s*-?\s*(?:east|west))?|outside|away|short|inland|offshore)\s+(?:of|from)\b")
#: "$1 million ($1.52 million)", "58km (36 miles)": a figure in brackets right after
#: another is the same figure in another currency or unit, not a second count.
_CONVERSION = re.compile(r"\d[\d,.]*\s*(?:[a-z%$€£]+\s*){0,2}\([^()]*?(?:[a-z]{1,3}\s*)?[$€£]?$")
#: "0800 555 111", "0845 125 2222": groups of digits side by side, or a leading zero, are a
#: telephone number or a code, which counts nothing.
_DIGIT_NEIGHBOUR_BEFORE = re.compile(r"\d\s+$")
_DIGIT_NEIGHBOUR_AFTER = re.compile(r"\s+\d")
#: Words that say when, not what: "hours after the shooting", "120 miles an hour".
_NOT_A_THING = frozenset({"hour", "day", "week", "month", "year", "minut", "time"})
#: A capitalised word inside a sentence, or opening it as a possessive ("Brill's plan").
#: Read from the words, not the tagger's entities: the small spaCy model leaves names out
#: ("shield Port Halvern and Saltmere" tags no "Saltmere"), which would part two versions
#: of one figure. A word in capitals ("CNN", "JD Marrow") is a name too.
_NAME = re.compile(r"(?<=[\s(“\"'‘])([A-Z][a-z]+|[A-Z]{2,}(?=[\s,.;:)”'’]))(?:['’]s)?\b|^([A-Z][a-z]+)['’]s\b")
#: "a five-year deal", "an eight-year contract": a number word says how many or how long;
#: two figures that share only it ("a five-year, $70 million contract" / "a five-year deal
#: in the $75 million range") may count anything, so it never ties them.
_NUMBER_WORD = re.compile(r"(?:" + "|".join(NUMBER_WORDS) + r")+(?:" + "|".join(sorted(TIME_UNITS)) + r"|year|month|week|day|hour)?")
_NOT_A_NAME = frozenset("the a an this that these those he she it they we i his her its their but and or in on at "
                        "for of to by with mr mrs ms dr".split())


def _numbers(text: str) -> list[tuple[str, str, set[str], float, str]]:
    """Each number with its unit, the content words around it, its value and whether it is
    a bound or an estimate. Years, ages, durations and days of the month are not numbers
    here (dates are compared as dates)."""
    found: list[tuple[re.Match[str], int, list[Any]]] = []
    lower = text.lower()
    for m in _NUMBER.finditer(lower):
        currency, number, unit = (m.group(1) or "").replace("us", ""), m.group(2), m.group(3) or ""
        named = _CURRENCY_AFTER.match(lower, m.end())
        if named and not currency:
            currency = CURRENCY_WORDS[named.group(1)]
        if re.fullmatch(r"(1[5-9]|20)\d\d", number) and not unit and not currency:
            continue
        if re.fullmatch(r"0\d+", number) or _DIGIT_NEIGHBOUR_BEFORE.search(lower[max(0, m.start() - 3) : m.start()]) \
                or _DIGIT_NEIGHBOUR_AFTER.match(lower, m.end()):
            continue
        if _CONVERSION.search(lower[max(0, m.start() - 40) : m.start()]):
            continue
        after = re.findall(r"[a-z]+", lower[m.end() : m.end() + 40])[:2]
        if after and after[0] in TIME_UNITS or (after[:1] == ["years"]):
            continue
        if number == "one" and not unit and re.match(r"\s+of\b", lower[m.end() :]):
            continue  # "is one of the largest providers" says among which, not how many
        head = lower[max(0, m.start() - 30) : m.start()]
        if not currency and not unit and (_DATE_NEIGHBOUR.search(head) or (after[:1] and after[0] in MONTHS)):
            continue  # "May 12", "12 May": a day, not a count
        if COMPARED_WITH.search(head):
            continue
        # Other figures ("the top 1 percent") say nothing about what this one counts.
        # A window that starts or ends inside a word would make a new word of its piece
        # ("police" cut to "olice"), which two sentences may share by chance.
        window = lower[max(0, m.start() - 60) : m.start()]
        if m.start() > 60 and lower[m.start() - 61].isalnum():
            window = window.split(" ", 1)[-1] if " " in window else ""
        before = [w for w in content_words(window) if not w[0].isdigit()][-NUMBER_WINDOW:]
        end = named.end() if named else m.end()  # "euros" says in what, not what of
        rest = lower[end : end + 60]
        if end + 60 < len(lower) and lower[end + 60].isalnum():
            rest = rest.rsplit(" ", 1)[0] if " " in rest else ""
        rest = re.sub(r"^\s*\([^)]*\)", "", rest)  # the figure again in other units says nothing new
        following = [] if _REFERENCE_POINT.match(rest) else [w for w in content_words(rest) if not w[0].isdigit()][:NUMBER_WINDOW]
        value = float(NUMBER_WORDS[number]) if number in NUMBER_WORDS else float(number.replace(",", ""))
        bound = "min" if LOWER_BOUND.search(head) else "max" if UPPER_BOUND.search(head) else "about" if ESTIMATE.search(head) else "exact"
        shown = (text if len(text) == len(lower) else lower)[m.start() : m.end()]
        found.append((m, end, [shown, f"{currency}{SAME_UNIT.get(unit, unit)}", set(before) | set(following), value, bound]))
    _ranges(lower, found)
    return [tuple(f) for _, _, f in found]  # type: ignore[misc]


#: The bound of a range's lower end. A range is one figure, its top: "$140 to $150
#: million" is one offer, which a source saying "at least $160 million" contradicts, while
#: a figure below the range's bottom may well be another deal ("$22 million per season").
RANGE_START = "from"


def _ranges(lower: str, found: list[tuple[re.Match[str], int, list[Any]]]) -> None:
    """Marks the two ends of each range ("$140 million to $160 million", "between 40 and 60")
    as its lower and upper bound. The ends are neighbours joined by "to" (or by "and" after
    "between": "12 dead and 40 injured" are two counts) with one unit, or only the second
    naming it ("$140 to $160 million"); "rose 5 percent to 120" is no range."""
    for (m, end, a), (n, _, b) in zip(found, found[1:]):
        joint = re.fullmatch(r"\s*(to|and)\s*", lower[end : n.start()])
        if not joint or a[4] != "exact" or b[4] != "exact" or not (a[1] == b[1] or b[1].startswith(a[1]) and a[1] in ("", "$", "€", "£")):
            continue
        if joint.group(1) == "and" and not re.search(r"\bbetween\s*$", lower[: m.start()]):
            continue
        a[4], b[4] = RANGE_START, "max"
        a[1] = b[1]  # "$140 to $160 million": the first end is millions too


def _compatible(x: tuple[float, str], y: tuple[float, str]) -> bool:
    """Whether two figures can both be true: a bound or an estimate agrees with the
    figures inside it."""
    (a, ba), (b, bb) = x, y
    if a == b:
        return True
    if "about" in (ba, bb) and abs(a - b) <= ESTIMATE_TOLERANCE * max(a, b):
        return True
    if ba == "min" and bb == "min" or ba == "max" and bb == "max":
        return True
    if ba in ("exact", "about") and bb in ("exact", "about"):
        return False
    low = [v for v, bound in (x, y) if bound == "min"]
    high = [v for v, bound in (x, y) if bound == "max"]
    exact = [v for v, bound in (x, y) if bound in ("exact", "about")]
    return all(e >= l for e in exact for l in low) and all(e <= h for e in exact for h in high) and all(l <= h for l in low for h in high)


def _number_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None = None) -> None:
    """Different figures for the same measured thing in different articles ("a 12 km
    barrier" / "a 15 km flood barrier"). A figure with a unit is tied to the nouns next to
    it, when each article ties that noun to one figure only, or to the figures the other
    article gives and one more; a bare count also needs the two sentences to be about the
    same thing; sentences that name different people or places ("Clinton's plan" / "Trump's
    plan"), or figures whose subjects (parsed from ``docs``, each article's spaCy doc) are
    names the other sentence lacks, measure different things, and so do counts or shares of
    nouns each absent from the other sentence. All versions of one figure make one
    discrepancy."""
    numbers = {c.id: _numbers(c.text) for c in claims}
    # A word that one article ties to several figures of one unit ("a 15 percent rate", "a
    # 39.6 percent rate") does not name one quantity there: no figure is compared by it,
    # unless the other article settles all but one of them (below).
    values: dict[tuple[str, str, str], set[float]] = {}
    for c in claims:
        for _, unit, words, value, bound in numbers[c.id]:
            if bound == RANGE_START:
                continue
            for w in words:
                values.setdefault((c.article, unit, w), set()).add(value)
    # The names a sentence mentions (not its first word, unless possessive).
    names = {c.id: {w.lower() for m in _NAME.findall(c.text) for w in m if w} - _NOT_A_NAME for c in claims}
    docs = docs or {}
    conflicts: dict[tuple[str, str], dict[str, tuple[Claim, str]]] = {}
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.article == b.article or not numbers[a.id] or not numbers[b.id]:
                continue
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
                    shared = {w for w in (words_a & words_b) - QUANTIFIERS - _NOT_A_THING if not _NUMBER_WORD.fullmatch(w)
                              if len(values[(a.article, unit, w)] - values[(b.article, unit_b, w)]) == 1
                              and len(values[(b.article, unit_b, w)] - values[(a.article, unit, w)]) == 1}
                    if unit != unit_b or _compatible((value_a, bound_a), (value_b, bound_b)) or not shared:
                        continue
                    if (value_a, unit) in values_b or (value_b, unit) in values_a:
                        continue  # both figures appear in both: they count different things
                    if not unit and same_statement(a.text, b.text) < NUMBER_RELATED:
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
                    if names[a.id] and names[b.id] and not names[a.id] & names[b.id]:
                        continue  # "Clinton's plan would raise $1.1 trillion" / "Trump's … $4 trillion"
                    if swapped_names(a.text, b.text):
                        continue  # "the Hawks offered Varis $16 million" / "the Owls offered Varis $20 million"
                    if _other_owners(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b) \
                            or _two_of_a_kind(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b):
                        continue  # "the Ravens offered between $140 and $150 million" / "… the Larks offered at least $160 million"
                    # A name near both figures says whose or where, not what is counted: "the
                    # $64,000 question for Orsk" and "$500,000 of Orsk ads" share only the place.
                    if not {w for w in shared if w not in names[a.id] | names[b.id]
                            and not any(n.startswith(w) for n in names[a.id] | names[b.id])}:
                        continue
                    # The thing counted is named by a common word when there is one ("the
                    # vote", not "the orvath"); a name opening a sentence counts as a name here.
                    capitals = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+", f"{a.text} {b.text}")}
                    thing = min(shared, key=lambda w: (any(n.startswith(w) for n in capitals), w))
                    versions = conflicts.setdefault((unit, thing), {})
                    versions.setdefault(a.id, (a, shown_a))
                    versions.setdefault(b.id, (b, shown_b))
    for (unit, thing), versions in sorted(conflicts.items()):
        figures = " / ".join(dict.fromkeys(v for _, v in versions.values()))
        ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
        # The word as printed: the compared form is cut ("pirates" → "pirat").
        thing = next((w.lower() for c, _ in ordered for w in re.findall(r"[A-Za-z'’-]+", c.text)
                      if content_words(w) == [thing]), thing)
        add(DiscrepancyKind.NUMBER, f"The sources give different figures for the {thing}: {figures}.",
            [_item(c.article, c.text, c.span) for c, _ in ordered])


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


def _other_owners(doc_a: Any, a: Claim, shown_a: str, doc_b: Any, b: Claim, shown_b: str) -> bool:
    """Whether two figures belong to two parties: each is the subject's figure and that
    subject goes unmentioned in the other sentence. Sentences built differently ("The
    Ravens offered …, according to Kettle's agent" / "According to Kettle's agent, the
    Larks offered …") share other names, so the names of the whole sentences cannot tell
    the two bidders apart; the subjects can. A figure whose subject is a common noun (the
    barrier, the landslide) keeps its comparison."""
    owner_a, owner_b = _owner(doc_a, a, shown_a), _owner(doc_b, b, shown_b)
    if not owner_a or not owner_b:
        return False
    words_a, words_b = set(content_words(a.text)), set(content_words(b.text))
    return not set(content_words(" ".join(owner_a))) & words_b and not set(content_words(" ".join(owner_b))) & words_a


def _teller(doc: Any, claim: Claim, shown: str) -> tuple[str, set[str]] | None:
    """What gives a figure, when that is a thing named by a common noun: the subject of the
    verb above the clause the figure sits in ("A poll for the Lind Courier found that 68
    percent of voters …" → poll, {lind, courier}), as its noun and the proper nouns in it.
    None when the teller is a person or a name ("Mayor Fenn said …"), or without a parse."""
    at = claim.text.lower().find(shown.lower())
    if doc is None or at < 0:
        return None
    chunk = doc.char_span(claim.span[0] + at, claim.span[0] + at + len(shown), alignment_mode="expand")
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


#: "needs to win 55 percent", "must take": a figure someone has to reach.
_REQUIRED = re.compile(
    r"\b(?:needs?|needed|has|have|had)\s+to\s+(?:\w+\s+){0,2}?(?:win|get|reach|take|secure|gain|raise|collect)\b"
    r"|\bmust\s+(?:win|get|reach|take|secure|gain|raise|collect)\b", re.I)


def _counted(text: str, shown: str) -> str | None:
    """The word a figure counts: the first content word after it ("four bullets" → bullet)."""
    at = text.lower().find(shown.lower())
    if at < 0:
        return None
    after = content_words(text[at + len(shown) : at + len(shown) + 40])
    return after[0] if after and not after[0][0].isdigit() else None


def _count_different_things(text_a: str, shown_a: str, text_b: str, shown_b: str) -> bool:
    """Whether two figures name what they count and each names a thing the other sentence
    never mentions: "loaded with four bullets" and "a 38-caliber revolver" share the
    revolver, not the quantity."""
    noun_a, noun_b = _counted(text_a, shown_a), _counted(text_b, shown_b)
    if not noun_a or not noun_b or noun_a == noun_b:
        return False
    return noun_a not in content_words(text_b) and noun_b not in content_words(text_a)


QUANTIFIERS = frozenset({"more", "than", "about", "least", "nearly", "almost", "around", "some", "over", "under", "up", "down",
                         "fewer", "less", "roughly", "approximately", "estimat", "close"})


#: Words that turn a proposition into its prohibition or denial.
DENIALS = frozenset({"not", "no", "never", "n't", "deny", "prohibit", "ban", "bar", "forbid", "refuse", "reject"})


#: Verbs of telling: "would not say why" withholds a reason, it does not deny what another
#: source says someone said.
TELLING = frozenset({"say", "tell", "comment", "speak", "talk", "add", "explain", "elaborate", "specify", "disclose"})


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


def _predicates(doc: Any, span: tuple[int, int]) -> dict[str, tuple[bool, bool]]:
    """The verbs of a sentence (lemma → (negated?, under a negation?)), verbs of telling
    and hypothetical verbs left out. A verb is under a negation when a word it hangs from
    is negated: "the gulf is not deep enough that we can expect tsunamis" does not expect
    them."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    out: dict[str, tuple[bool, bool]] = {}
    for t in chunk or ():
        if t.pos_ == "VERB" and t.lemma_.lower() not in TELLING and not _hypothetical(t) and not _set_aside(t):
            negated = any(c.dep_ == "neg" or _denying_subject(c) for c in t.children)
            under = negated or any(c.dep_ == "neg" or _denying_subject(c) for a in t.ancestors for c in a.children) \
                or any(_denying_verb(a) for a in t.ancestors)
            was = out.get(t.lemma_.lower(), (False, False))
            out[t.lemma_.lower()] = (negated or was[0], under or was[1])
    return out


#: The words of a subject that name it: "the film's main stars" → film, main, stars; what
#: hangs from it further ("including Ida Marsh", or a name the parser wrongly hangs there
#: from a phrase before it) is left out.
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "flat", "conj"})


def _subject_words(subject: Any) -> frozenset[str]:
    words = [subject] + [c for c in subject.children if c.dep_ in _NAMING_DEPS]
    words += [c for w in words if w.dep_ == "conj" for c in w.children if c.dep_ in ("compound", "flat")]
    return frozenset(content_words(" ".join(w.text for w in words)))


def _subjects(doc: Any, span: tuple[int, int], lemma: str) -> tuple[str, frozenset[str]] | None:
    """Who does what a verb says in a sentence: the voice of its subject ("nsubj" or
    "nsubjpass") and the words naming that subject (:func:`_subject_words`). None when a
    use of the verb has no subject or a pronoun for one (whom "he" means is not read
    here), or without a parse."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if doc is not None else None
    found: set[tuple[str, frozenset[str]]] = set()
    for t in chunk or ():
        if t.pos_ != "VERB" or t.lemma_.lower() != lemma:
            continue
        subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        found.add((subject.dep_, _subject_words(subject)))
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


def _contradiction(a: Any, b: Any) -> str | None:
    """How two aligned statements contradict: the same verb negated in one only, or
    opposite words ("confirmed" / "denied", "held" / "failed")."""
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
        return f"One source says “{flipped[0]}”, the other “not {flipped[0]}”."
    opposed = opposite_words(text_a, text_b)
    if opposed and (_only_in_names(doc_a, span_a, opposed[0]) or _only_in_names(doc_b, span_b, opposed[1])):
        return None  # "the end zone" names a place; it says nothing has ended
    # "is expected to win" before the vote and "lost" after it are both right.
    if opposed and not ahead_and_done(doc_a, span_a, {opposed[0]}, doc_b, span_b, {opposed[1]}):
        return f"One source says “{opposed[0]}”, the other “{opposed[1]}”."
    return None


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
    # Relative clauses ("…, which are banned") describe; they are not the claim.
    dropped = {x.i for c in clause.subtree if c.dep_ == "relcl" for x in c.subtree}
    tokens = [x for x in clause.subtree if x.i not in dropped]
    return "".join(x.text_with_ws for x in tokens).strip(" ,.")


CORE_VERBS = frozenset({"fear", "say", "state", "tell", "add", "announce", "believe", "suspect", "claim", "allege", "think",
                        "worry", "report", "warn", "stress", "note"})


def discrepancies(alignment: Alignment, annotations: Sequence[Annotation], anchors: dict[str, tuple[dt.date | None, bool]],
                  confidences: dict[str, float]) -> list[Discrepancy]:
    """Every way the story's sources disagree, each with its items and an explanation."""
    extraction = alignment.extraction
    docs = {a.article.id: a.doc for a in annotations}
    claims_by_fact: dict[str, list[Claim]] = {}
    for c in extraction.claims:
        if c.fact:
            claims_by_fact.setdefault(c.fact, []).append(c)
    quotes_by_group: dict[str, list[Quote]] = {}
    for q in extraction.quotes:
        if q.group:
            quotes_by_group.setdefault(q.group, []).append(q)
    names = {e.id: e.name for e in extraction.entities}
    found: list[Discrepancy] = []

    def add(kind: DiscrepancyKind, explanation: str, items: Sequence[DiscrepancyItem]) -> None:
        for known in found:
            # The same difference seen through a quote and through its sentence is one finding.
            if known.kind is kind and len(known.items) == len(items) and all(
                x.article == y.article and x.span[0] < y.span[1] and y.span[0] < x.span[1]
                for x, y in zip(known.items, items)
            ):
                return
        found.append(Discrepancy(_id(kind.value, items), kind, explanation, tuple(items)))

    groups: list[list[Any]] = list(claims_by_fact.values())
    groups += [[q for q in quotes if q.kind == "direct"] for quotes in quotes_by_group.values()]
    for members in groups:
        _date_conflicts(members, anchors, add)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.article == b.article:
                    continue
                contradiction = _contradiction((docs.get(a.article), a.span, a.text), (docs.get(b.article), b.span, b.text))
                if contradiction:
                    add(DiscrepancyKind.CONTRADICTION, contradiction, [_item(a.article, a.text, a.span), _item(b.article, b.text, b.span)])
    _number_conflicts(extraction.claims, add, docs)

    _certainty_shifts(extraction.claims, docs, add)

    for group in alignment.quote_groups:
        quotes = quotes_by_group.get(group.id, [])
        # The speaker's own words, whole (direct) or in part (mixed), are compared for wording.
        _wording_drift([q for q in quotes if q.kind != "indirect"], add)
        _attribution_drift(quotes, confidences, docs, names, add)
    found.sort(key=lambda d: (list(DiscrepancyKind).index(d.kind), d.items[0].article, d.items[0].span))
    return found


def _attribution_drift(quotes: Sequence[Quote], confidences: dict[str, float], docs: dict[str, Any], names: dict[str, str],
                       add: Any) -> None:
    """One attribution finding when one quote group's words, surely attributed, are credited
    to two voices in different articles."""
    sure = [q for q in quotes if confidences.get(q.id, 0.0) >= SURE_ATTRIBUTION and q.speaker
            and len(re.findall(r"\w+", q.text)) >= MIN_ATTRIBUTED_WORDS]
    by_speaker: dict[str, Quote] = {}
    for q in sure:
        by_speaker.setdefault(q.speaker, q)  # type: ignore[arg-type]
    voices: list[Quote] = []
    for q in sorted(by_speaker.values(), key=lambda q: q.kind == "indirect"):
        if not any(_same_voice(_speaker_names(q, names), _speaker_names(v, names)) for v in voices):
            voices.append(q)
    if len(voices) < 2 or len({q.article for q in voices}) < 2:
        return
    chosen = voices[:2]
    # The same words credited to two people: words in quotation marks, or reported speech
    # in nearly the same words. Two outlets paraphrasing one report, each from its own
    # source ("the navy said two boats were closing in and firing" / "the crew said two
    # boats were firing small arms"), is no drift.
    if all(q.kind == "indirect" for q in chosen) and _wording_similarity(chosen[0].text, chosen[1].text) < SAME_REPORTED_WORDS:
        return
    if any(_speaks_for(x, y, docs, names) or _pronoun_near_other_name(x, y, docs, names) for x, y in (chosen, chosen[::-1])):
        return
    who = " and ".join(names.get(q.speaker or "", q.speaker_text or "?") for q in chosen)
    add(DiscrepancyKind.ATTRIBUTION, f"The same words are credited to different speakers: {who}.",
        [_item(q.article, q.text, q.span) for q in chosen])


#: Sentences before a "he said" quote in which the person it stands for was named.
PRONOUN_REACH = 2


def _pronoun_near_other_name(quote: Quote, other: Quote, docs: dict[str, Any], names: dict[str, str]) -> bool:
    """Whether a quote credited by "he" or "she" comes within :data:`PRONOUN_REACH`
    sentences of the name the other outlet credits the words to: the pronoun may as well
    stand for that person, and a finding that the words changed speakers would rest on our
    reading of it, not on what either outlet wrote."""
    if (quote.speaker_text or "").strip().lower() not in ("he", "she"):
        return False
    doc = docs.get(quote.article)
    named = re.findall(r"\b[A-Z][\w'’-]*", names.get(other.speaker or "", "") or other.speaker_text or "")
    if doc is None or not named:
        return False
    sentences = list(doc.sents)
    at = next((k for k, s in enumerate(sentences) if s.start_char <= quote.span[0] < s.end_char), None)
    if at is None:
        return False
    end = max(quote.span[1], quote.speaker_span[1] if quote.speaker_span else 0)
    before = doc.text[sentences[max(0, at - PRONOUN_REACH)].start_char : end]
    return re.search(r"\b" + re.escape(named[-1]) + r"\b", before) is not None


#: Words between a body's name and its officer's name: "Tamsk Police Lt. Ida Marsh".
TITLE_REACH = 3


def _body_names(quote: Quote, names: dict[str, str]) -> set[str]:
    """How an article may call the speaker of a quote: its capitalised words as the quote
    and as the entity index name it, and their initials ("Oregon Coast Police" → OCP)."""
    out = set()
    for written in (quote.speaker_text or "", names.get(quote.speaker or "", "")):
        words = re.findall(r"\b[A-Z][\w'’-]*", written)
        if words:
            out.add(" ".join(words))
        if len(words) > 1:
            out.add("".join(w[0] for w in words))
    return out


def _speaks_for(person: Quote, body: Quote, docs: dict[str, Any], names: dict[str, str]) -> bool:
    """Whether the article quoting a person names that person, anywhere, as an officer of
    the body the other outlet credits ("Oregon Coast Police Lt. Marsh said", or "OCP Lt.
    Ida Marsh", in one place, "Marsh said" at the quote): a spokesman gives the body's
    word, as with a description at the quote itself (:func:`_same_voice`)."""
    doc = docs.get(person.article)
    surname = (re.findall(r"\b[A-Z][\w'’-]*", names.get(person.speaker or "", "") or person.speaker_text or "") or [None])[-1]
    bodies = {b for b in _body_names(body, names) if surname and surname not in b.split()}
    if doc is None or not surname or not bodies:
        return False
    # The words between are a title or a role ("Lt.", "general manager"), never a full stop
    # or a word joining two parties ("the police told Marsh", "the police and Marsh").
    title = r"\s+(?:(?!(?:and|or|with|to|by|from|for|of|said|told|asked|met|thanked)\b)(?:[A-Z][a-z]{0,3}\.|[\w'’-]+)\s+){0,%d}?" % TITLE_REACH
    return any(re.search(r"\b" + re.escape(b) + title + re.escape(surname) + r"\b", doc.text) for b in bodies)


def _speaker_names(quote: Quote, names: dict[str, str]) -> tuple[set[str], set[str]]:
    """The capitalised words that name a quote's speaker, as written and as the entity is
    called ("32-year-old protester Ida Marsh" → ida, marsh); and the same words with each
    two side by side also run together, which another spelling may match ("VanDort" is
    "Van Dort")."""
    words: set[str] = set()
    spellings: set[str] = set()
    for written in (quote.speaker_text or "", names.get(quote.speaker or "", "")):
        found = [w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", written)]
        words |= set(found)
        spellings |= set(found) | {a + b for a, b in zip(found, found[1:])}
    return words - _NOT_A_NAME, spellings - _NOT_A_NAME


#: Name words at least this long still match with one letter added, dropped or changed: a
#: misspelling, not another name.
_TYPO_MIN_LETTERS = 5


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether two words are the same, or long words a letter added, dropped or changed apart."""
    return a == b or min(len(a), len(b)) >= _TYPO_MIN_LETTERS and Levenshtein.distance(a, b) <= 1


def _same_voice(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """Whether two speakers' names (:func:`_speaker_names`) are one voice: every name word
    of one is in the other's ("Marsh" / "protester Ida Marsh"; "the Central Water Board" /
    "the Central Board for Water and Drains"), or the spokesman's description names the
    body that the other outlet credits ("Larks manager Ed Kane" / "the Larks"): the body
    speaks through him. One letter off still matches (the entity index keeps a misspelt
    name apart). Two people who share a first name ("Ed Kane" / "Ed Voss") stay apart."""
    if not a[0] or not b[0]:
        return False
    (small, _), (_, large) = sorted((a, b), key=lambda names: len(names[0]))
    return all(any(_one_letter_apart(w, x) for x in large) for w in small)


def _wording_drift(verbatim: Sequence[Quote], add: Any) -> None:
    """One wording finding per quote group: the first quote and every variant that words
    it differently, as items; the explanation lists each distinct change once, so three
    outlets sharing one rewording read as one finding, not one per pair."""
    # A phrase of a word or two in quotation marks ("the conflagration") is a label an
    # outlet borrows, not a version of the sentence another outlet quotes whole.
    verbatim = [q for q in verbatim if len(re.findall(r"\w+", q.text)) >= MIN_ATTRIBUTED_WORDS]
    if not verbatim:
        return
    first = verbatim[0]
    variants: list[Quote] = []
    changes: list[tuple[str, str, str]] = []
    for q in verbatim[1:]:
        if q.article == first.article or 1.0 - _wording_similarity(first.text, q.text) < WORDING_DRIFT:
            continue
        if _kept_share(first.text, q.text) < SAME_REMARK_KEPT and (
                _length_ratio(first.text, q.text) > SAME_REMARK_LENGTH or _another_remark(first.text, q.text)):
            continue
        found = [c for c in map(_respelt_ends_trimmed, _unelided(word_changes(word_diff(_mark_elisions(first.text), _mark_elisions(q.text)))))
                 if not (c[0] == "replace" and same_spelling(c[1], c[2])) and not _editorial(c, first.text, q.text)
                 and re.search(r"\w", c[1] + c[2])]  # a dash printed as "--" or "—" is punctuation
        if not found:
            continue  # one outlet quotes only part of the sentence: same words, shorter extract
        if any(v.article == q.article for v in variants):
            continue  # one article's wording is shown once
        variants.append(q)
        changes += [c for c in found if c not in changes]
    if not variants:
        return
    # The changes of words that carry meaning are named first; a swapped "with"/"to" is
    # counted among the rest when there are more changes than are shown.
    shown = sorted(sorted(range(len(changes)), key=lambda i: (not _carries_meaning(changes[i]), i))[:MAX_CHANGES_SHOWN])
    listed = "; ".join(_change_phrase(changes[i]) for i in shown)
    rest = len(changes) - len(shown)
    more = f" and {rest} more change{'s' if rest != 1 else ''}" if rest else ""
    outlets = f" ({len(variants) + 1} sources)" if len(variants) > 1 else ""
    add(DiscrepancyKind.WORDING, f"The same quote is worded differently{outlets}: {listed}{more}.",
        [_item(q.article, q.text, q.span) for q in [first, *variants]])


#: Stands in a quote for the words an outlet left out and marked with an ellipsis.
_ELISION = "__elided__"
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")


def _mark_elisions(text: str) -> str:
    return _ELLIPSIS.sub(f" {_ELISION} ", text)


def _unelided(changes: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The changes with the words opposite an ellipsis taken out: "We will … rebuild" says
    that words were left out there, so whatever the full quote has in their place is no
    change; other words changed next to it still are."""
    out = []
    for kind, old, new in changes:
        old_words = [w for w in old.split() if w.lower() != _ELISION]
        new_words = [w for w in new.split() if w.lower() != _ELISION]
        if (old_words, new_words) == (old.split(), new.split()):
            out.append((kind, old, new))
        elif old_words and new_words:
            out.append((kind, " ".join(old_words), " ".join(new_words)))
    return out


def _kept_share(a: str, b: str) -> float:
    """The share of the shorter quote's words that the longer one has in the same order:
    an outlet quoting a part of a remark keeps all of that part, whatever the rest."""
    wa = [w.lower() for w in re.findall(r"[\w’'-]+", a)]
    wb = [w.lower() for w in re.findall(r"[\w’'-]+", b)]
    if not wa or not wb:
        return 0.0
    kept = sum(m.size for m in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_matching_blocks())
    return kept / min(len(wa), len(wb))


def _another_remark(a: str, b: str) -> bool:
    """Whether two quotes of about one length are two remarks that share one phrase ("The
    people of Lusk deserve a mayor who answers their calls" / "The people of Lusk deserve
    better than another four years of this"): they have one run of words in common, every
    other word differs, and the statement judge does not take them for one statement. A
    remark reworded whole ("perfectly peaceful and protective" / "strictly peace-loving and
    defensive") shares no phrase, only small words, and stays a rewording; so does one that
    keeps even a "the" of its rest in place ("We will reopen every bridge in the valley …" /
    "We will reopen every crossing over the river …"): the statement judge misses many
    paraphrases, so it decides only where the words leave nothing else in common."""
    wa = [w.lower() for w in re.findall(r"[\w’'-]+", a)]
    wb = [w.lower() for w in re.findall(r"[\w’'-]+", b)]
    runs = [m for m in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_matching_blocks() if m.size]
    if len(runs) != 1 or not content_words(" ".join(wa[runs[0].a : runs[0].a + runs[0].size])):
        return False
    rest_a = wa[: runs[0].a] + wa[runs[0].a + runs[0].size :]
    rest_b = wb[: runs[0].b] + wb[runs[0].b + runs[0].size :]
    if set(content_words(" ".join(rest_a))) & set(content_words(" ".join(rest_b))):
        return False
    return same_statement(a, b) < SAME_STATEMENT


def _length_ratio(a: str, b: str) -> float:
    """How many times longer, in words, the longer quote is."""
    na, nb = len(re.findall(r"[\w’'-]+", a)), len(re.findall(r"[\w’'-]+", b))
    return max(na, nb) / max(1, min(na, nb))


#: Words an outlet puts into a quote: anything in square brackets ("[The police] have"), or
#: a name in round ones ("her (Ida Marsh) and her family"), which names whom the speaker
#: meant. Round brackets holding other words may be the speaker's own aside.
_INSERTED = re.compile(r"\[([^\]]*)\]|\(((?:[A-Z][\w’'.-]*\s?)+)\)")


def _editorial(change: tuple[str, str, str], old_text: str, new_text: str) -> bool:
    """Whether a change only puts in or takes out words the outlet inserted
    (:data:`_INSERTED`): "[The police] have a hard time" for "They have a hard time" is the
    outlet's clarification, which the brackets mark as not the speaker's."""
    _, old, new = change
    def bracketed(words: str, text: str) -> bool:
        inside = {w.lower() for m in _INSERTED.finditer(text) for w in re.findall(r"[\w’'-]+", m.group(1) or m.group(2))}
        return bool(inside) and all(w.strip("()[]").lower() in inside for w in words.split())
    return any(words and bracketed(words, text) for words, text in ((old, old_text), (new, new_text)))


#: A wording finding names this many changes and counts the rest.
MAX_CHANGES_SHOWN = 4


#: British and American spellings of one word ("realised" / "realized", "defence" /
#: "defense"): an outlet's house style, not a change in what was said.
#: Each rule is narrow enough that what it merges is never two different words ("four" and
#: "for": 'our' needs two letters before it; "filled" and "filed": 'lled' needs "el"/"al").
_SPELLINGS = ((re.compile(r"is(e[sd]?|ing|ation)$"), r"iz\1"), (re.compile(r"ys(e[sd]?|ing)$"), r"yz\1"),
              (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
              (re.compile(r"(?<=[^aeiou])tre(s)?$"), r"ter\1"), (re.compile(r"ence$"), "ense"),
              (re.compile(r"ogue$"), "og"), (re.compile(r"(?<=\w\w[ae])ll(ed|ing|er)$"), r"l\1"),
              (re.compile(r"amme$"), "am"))


def _ordinal_figure(n: int) -> str:
    """11 → "11th", 21 → "21st"."""
    return f"{n}{'th' if 10 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


#: Numbers and ordinals in words, as figures ("eleven" → "11", "eleventh" → "11th").
_NUMBER_SPELLINGS = {**{w: str(n) for w, n in NUMBER_WORDS.items() if w not in ("hundred", "dozen")},
                     **{w: _ordinal_figure(n) for w, n in ORDINALS.items()}}


#: Contractions whose long form is certain ("'s" and "'d" are not: "he's" is "he is" or "he
#: has"), irregular ones first.
_CONTRACTIONS = ((re.compile(r"\bwon\s?['’]\s?t\b"), "will not"), (re.compile(r"\bcan\s?['’]\s?t\b|\bcannot\b"), "can not"),
                 (re.compile(r"\bshan\s?['’]\s?t\b"), "shall not"), (re.compile(r"n\s?['’]\s?t\b"), " not"),
                 (re.compile(r"(?<=\w)\s?['’]\s?m\b"), " am"), (re.compile(r"(?<=\w)\s?['’]\s?re\b"), " are"),
                 (re.compile(r"(?<=\w)\s?['’]\s?ve\b"), " have"), (re.compile(r"(?<=\w)\s?['’]\s?ll\b"), " will"))


def _uncontracted(words: str) -> str:
    """Words with contractions written out: whether "I'm sorry" or "I am sorry" was printed
    is how a transcriber heard the speaker, not what was said."""
    for pattern, replacement in _CONTRACTIONS:
        words = pattern.sub(replacement, words)
    return words


def _spelling_key(words: str) -> str:
    words = _uncontracted(words.lower())
    # Where an apostrophe sits ("population's" / "populations'") and whether a compound is
    # hyphenated ("cyber-criminals" / "cyber criminals") is how a transcriber punctuated
    # the spoken words, not what was said.
    key = re.sub(r"(?<=\w)(?:\s['’‘]\s|['’‘])(?=\w)", "", words.lower())  # "I ’ m" = "I'm"
    key = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", re.sub(r"['’‘]", "", key))
    # A number in figures or in words ("the 11th hour" / "the eleventh-hour") is the
    # transcriber's style too; a dash left on its own is punctuation.
    words = [_NUMBER_SPELLINGS.get(w, w) for w in key.split() if re.search(r"\w", w)]
    for pattern, replacement in _SPELLINGS:
        words = [pattern.sub(replacement, w) for w in words]
    return " ".join(words)


def _respelt_ends_trimmed(change: tuple[str, str, str]) -> tuple[str, str, str]:
    """A replacement without the words at its ends that are only spelt another way: "I've"
    → "that I have" adds “that”. The words left are shown as the outlet printed them when
    it printed them whole, else in their long form."""
    kind, old, new = change
    if kind != "replace":
        return change
    key_old, key_new = _spelling_key(old).split(), _spelling_key(new).split()
    if not key_old or not key_new or key_old[0] != key_new[0] and key_old[-1] != key_new[-1]:
        return change
    while key_old and key_new and key_old[0] == key_new[0]:
        key_old, key_new = key_old[1:], key_new[1:]
    while key_old and key_new and key_old[-1] == key_new[-1]:
        key_old, key_new = key_old[:-1], key_new[:-1]
    if not key_old and not key_new:
        return ("replace", old, old)  # only spelt another way: no change
    if not key_old:
        return ("add", "", _as_printed(key_new, new))
    if not key_new:
        return ("drop", _as_printed(key_old, old), "")
    return ("replace", _as_printed(key_old, old), _as_printed(key_new, new))


def _as_printed(keys: list[str], text: str) -> str:
    """The words of ``text`` whose spelling keys are ``keys``, as printed, or the keys
    themselves when a printed word holds more than one of them ("I've" for "i have")."""
    printed = [w for w in text.split() if _spelling_key(w) in keys]
    return " ".join(printed) if [_spelling_key(w) for w in printed] == keys else " ".join(keys)


def same_spelling(a: str, b: str) -> bool:
    """Whether two wordings differ only in spelling convention, apostrophes or hyphens."""
    return _spelling_key(a) == _spelling_key(b)


def _word_key(word: str) -> str:
    """A word as compared for a change: case and a possessive ending do not count
    ("countries" and "Countries’" are the same word put in another order)."""
    return re.sub(r"['’]s?$", "", word.lower())


def word_changes(ops: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """What a reader would say changed from one wording to another, from their word diff
    (:func:`~storyweave.align.word_diff`), as ``(kind, old, new)`` in text order.

    The diff's runs of equal words anchor the two wordings; the words between two anchors
    are one change: a ``replace`` (“fully” → “thoroughly”), an ``add`` (new only) or a
    ``drop`` (old only). A content word dropped between one pair of anchors and added
    between another was moved, not replaced: it is one ``move`` (old and new both the
    moved words, with those of its neighbours that moved along: “on Monday”), and the
    changes it sat in shrink to what was really changed, so "signed today, among other
    things, provides" against "signed yesterday provides, among other things" is
    “today” → “yesterday” and a moved “provides”. Words one wording only has at either end
    are where the outlets began or stopped quoting, no change (unless the same words sit
    at the other end: "this summer" put first); a replacement at an end is rewording and
    stays. Case and possessive endings alone are no change.
    """
    regions: list[tuple[list[str], list[str], bool]] = []  # (old words, new words, at an end)
    old: list[str] = []
    new: list[str] = []
    anchored = False
    for op, words in ops:
        if op == "equal":
            if old or new:
                regions.append((old, new, not anchored))
            old, new, anchored = [], [], True
        elif op == "delete":
            old += words.split()
        else:
            new += words.split()
    if old or new:
        regions.append((old, new, True))

    moves: list[tuple[int, str]] = []
    for i, (_, added, end_i) in enumerate(regions):
        for word in list(added):
            if word not in added or not content_words(word):
                continue  # a "the" that changed place alone is no news
            # Between the two ends, only the same words are a move ("this summer" put
            # first); otherwise they are where the outlets began and stopped quoting.
            j = next((j for j, (dropped, _, end_j) in enumerate(regions)
                      if j != i and any(_word_key(w) == _word_key(word) for w in dropped)
                      and (not (end_i and end_j) or sorted(map(_word_key, dropped)) == sorted(map(_word_key, added)))), None)
            if j is None:
                continue
            # The words that went with it move too ("on Monday" put first).
            dropped = regions[j][0]
            moved = []
            for w in list(added):
                match = next((d for d in dropped if _word_key(d) == _word_key(w)), None)
                if match is not None:
                    dropped.remove(match)
                    added.remove(w)
                    moved.append(w)
            moves.append((min(i, j), " ".join(moved)))

    found: list[tuple[int, tuple[str, str, str]]] = []
    for i, (dropped, added, at_end) in enumerate(regions):
        if dropped and added:
            if [_word_key(w) for w in dropped] != [_word_key(w) for w in added]:
                found.append((i, ("replace", " ".join(dropped), " ".join(added))))
        elif at_end:
            continue
        elif added:
            found.append((i, ("add", "", " ".join(added))))
        elif dropped:
            found.append((i, ("drop", " ".join(dropped), "")))
    found += [(i, ("move", words, words)) for i, words in moves]
    found.sort(key=lambda f: (f[0], f[1][0] == "move"))
    return [change for _, change in found]


def _carries_meaning(change: tuple[str, str, str]) -> bool:
    _, old, new = change
    return bool(content_words(f"{old} {new}"))


def _change_phrase(change: tuple[str, str, str]) -> str:
    """One change in plain words: “fully” → “thoroughly”, adds “a”, drops “x”, moves “y”."""
    kind, old, new = change
    if kind == "add":
        return f"adds “{new}”"
    if kind == "drop":
        return f"drops “{old}”"
    if kind == "move":
        return f"moves “{old}”"
    return f"“{old}” → “{new}”"


def _certainty_shifts(claims: Sequence[Claim], docs: dict[str, Any], add: Any) -> None:
    """Claims stated as plain fact whose proposition other sources only hedge. The hedged
    proposition is the clause under "fear"/"say" when there is one, else the main clause."""
    hedged = []
    for c in claims:
        if c.certainty is Certainty.HEDGED and not _cue_names_someone(docs.get(c.article), c) \
                and not _hedge_on_aside(docs.get(c.article), c) and not _forecast(docs.get(c.article), c):
            core = _core(docs.get(c.article), c.span)
            forms = {core} if core else {c.text, c.core or c.text}
            hedged.append((c, forms))
    for plain in (c for c in claims if c.certainty is Certainty.ASSERTED):
        if set(re.findall(r"[a-z']+", plain.text.lower())) & DENIALS or _ability(docs.get(plain.article), plain):
            continue
        plain_forms = {plain.text, plain.core or plain.text}
        matches = [
            h for h, forms in hedged
            if h.article != plain.article and max(same_statement(x, y) for x in forms for y in plain_forms) >= SAME_STATEMENT
            # "is likely to win" written before the vote is no hedged "won" after it
            and not forecast_and_outcome((docs.get(h.article), h.span, h.text), (docs.get(plain.article), plain.span, plain.text))
            and not _hedge_on_other_clause(docs.get(h.article), h, plain.text)
            and not _wish_against_deed(docs.get(h.article), h, docs.get(plain.article), plain)
        ]
        if matches:
            cues = ", ".join(dict.fromkeys(f"“{h.cue}”" for h in matches))
            add(DiscrepancyKind.CERTAINTY, f"Stated as fact in one source; hedged in {len(matches)} other{'s' if len(matches) > 1 else ''} ({cues}).",
                [_item(plain.article, plain.text, plain.span)] + [_item(h.article, h.text, h.span) for h in matches])


#: Verbs of wanting or planning: "Orsk would like a May opening" tells a wish, which no
#: other source's deed ("Orsk has booked a May opening") states as fact.
WANTING = frozenset({"want", "like", "wish", "hope", "plan", "intend", "seek", "aim", "prefer"})


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


def contest(facts: Sequence[Fact], found: Sequence[Discrepancy], claims: Sequence[Claim]) -> list[Fact]:
    """Facts whose versions disagree on a date, a number or a negation become contested,
    with the discrepancies that say so (a reader asks why; the other side of one may be a
    sentence the facts did not join to this one)."""
    by_span: dict[tuple[str, tuple[int, int]], list[str]] = {}
    for d in found:
        if d.kind in CONTESTING:
            for i in d.items:
                by_span.setdefault((i.article, tuple(i.span)), []).append(d.id)
    reasons: dict[str, list[str]] = {}
    for c in claims:
        if c.fact:
            for disc in by_span.get((c.article, tuple(c.span)), ()):
                if disc not in reasons.setdefault(c.fact, []):
                    reasons[c.fact].append(disc)
    return [replace(f, status=FactStatus.CONTESTED, contested_by=tuple(reasons[f.id]))
            if reasons.get(f.id) and len(f.sources) > 1 else f for f in facts]


CONTESTING = frozenset({DiscrepancyKind.DATE, DiscrepancyKind.NUMBER, DiscrepancyKind.CONTRADICTION})


def compare(alignment: Alignment, annotations: Sequence[Annotation], links: Sequence[ProvenanceLink],
            anchors: dict[str, tuple[dt.date | None, bool]], confidences: dict[str, float]) -> Comparison:
    """Discrepancies, provenance and framing of one story."""
    framing = []
    for ann in annotations:
        result = frame_headline(ann.article.title, ann.article.text[:1500])
        framing.append(Framing(ann.article.id, ann.article.title, round(result.sensationalism, 3), tuple(result.signals)))
    return Comparison(tuple(discrepancies(alignment, annotations, anchors, confidences)), tuple(links), tuple(framing))
