"""Number findings: different figures for the same measured or counted thing in
different articles, with the bounds, estimates, ranges, units and currencies that let two
figures agree, and the owners and tellers that make them figures of different things."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, Callable, Iterable, Sequence

from ..align import SAME_STATEMENT, same_statement
from ..align_words import UPDATED_AFTER_DAYS, among_other_groups, content_words
from ..extract.attribution_words import SPEECH_VERBS
from ..extract.quote_marks import quoted_spans
from ..forecasts import done, forecast
from ..model import Claim, DiscrepancyKind
from ..name_swaps import TITLES, swapped_names
from .findings import _item

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
#: A bound before a list of figures bounds each of them: "better than eight years and $184
#: million".
LOWER_BOUND_OF_LIST = re.compile(r"(more than|better than|at least|upwards of|in excess of|no fewer than)\s+(?:\$?\d[\d,.]*|"
                                 + "|".join(NUMBER_WORDS) + r")(?:[\s-]+[a-z]+){0,2},?\s+and\s+$")
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

#: A unit joined to its figure by a hyphen, as a figure describing a noun is written ("a
#: 12-km stretch", "a 5-mile route"): the unit is singular there.
HYPHENED_UNITS = {"km": "km", "kilometre": "km", "kilometer": "km", "mile": "miles", "metre": "m", "meter": "m",
                  "percent": "%", "million": "million", "billion": "billion"}
#: Words a hyphen joins to a figure that say what it measures without being a unit: "a
#: 6.2-magnitude quake" is the quake's magnitude 6.2, read as "magnitude 6.2" is.
HYPHENED_MEASURES = ("magnitude",)

#: (A figure is read whole or not at all: "the 2.5-liter engine" is no "2", as a hyphen after
#: the whole figure refuses it and the pattern would otherwise back off to its first digit.
#: A hyphen before a unit or a measure keeps it: "a 12-km stretch".)
_NUMBER = re.compile(
    r"(?<![\w.-])(us\$|\$us|\$|€|£)?(?:(?<=[$€£])\s)?(\d(?:,?\d)*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![.,]\d)(?:\s*("
    + "|".join(re.escape(u) for u in UNITS) + r")|\s*-\s*(" + "|".join(sorted(HYPHENED_UNITS, key=len, reverse=True)) + r")\b)?"
    r"(?!\w|-(?!(?:" + "|".join([*CURRENCY_WORDS, *HYPHENED_MEASURES]) + r")\b))",
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
#: "3:30 p.m.", "12:45": the two sides of a time of day.
_CLOCK = re.compile(r"\d:$")
_CLOCK_AFTER = re.compile(r":\d")
#: "five rounds sooner than", "13 more than his rival": the figure is a difference
#: between two things, not a count of either.
_DIFFERENCE_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:more|fewer|less|sooner|earlier|later|longer|shorter|higher|lower|"
                               r"bigger|smaller|older|younger)\s+than\b")
#: "0800 555 111", "0845 125 2222": groups of digits side by side, or a leading zero, are a
#: telephone number or a code, which counts nothing.
_DIGIT_NEIGHBOUR_BEFORE = re.compile(r"\d\s+$")
#: "120, 000" (a thousands group set apart by a space) is one figure cut in two.
_DIGIT_NEIGHBOUR_AFTER = re.compile(r"\s+\d|,\s\d{3}(?!\d)")
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
#: "a mother of 12", "father of three": how many children someone has, a detail reports of
#: one story often disagree on while their sentences say nothing else alike.
_CHILDREN = re.compile(r"\b((?:grand)?(?:mother|father|parent|mom|mum|dad))\s+of\s+(\d+|" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_PARENT_WORD = {"mom": "mother", "mum": "mother", "dad": "father"}
_NOT_A_NAME = frozenset("the a an this that these those he she it they we i his her its their but and or in on at "
                        "for of to by with mr mrs ms dr".split())
#: "two dozen", "3 dozen": a count of dozens, one figure (24, 36), not a figure and a dozen.
_DOZENS = re.compile(r"\s+dozen\b(?!s)")


def _numbers(text: str) -> list[tuple[str, str, set[str], float, str]]:
    """Each number with its unit, the content words around it, its value and whether it is
    a bound or an estimate. Years, ages, durations and days of the month are not numbers
    here (dates are compared as dates)."""
    found: list[tuple[re.Match[str], int, list[Any]]] = []
    lower = text.lower()
    read_with_its_count = -1  # where the "dozen" of "two dozen" starts, read with its count
    for m in _NUMBER.finditer(lower):
        if m.start() == read_with_its_count:
            continue
        currency, number = (m.group(1) or "").replace("us", ""), m.group(2)
        unit = m.group(3) or HYPHENED_UNITS.get(m.group(4) or "", "")
        dozens = None if unit or currency or number == "dozen" else _DOZENS.match(lower, m.end())
        stop = dozens.end() if dozens else m.end()
        if dozens:
            read_with_its_count = dozens.end() - len("dozen")
        named = _CURRENCY_AFTER.match(lower, stop)
        if named and not currency:
            currency = CURRENCY_WORDS[named.group(1)]
        if re.fullmatch(r"(1[5-9]|20)\d\d", number) and not unit and not currency:
            continue
        if re.fullmatch(r"0\d+", number) or _DIGIT_NEIGHBOUR_BEFORE.search(lower[max(0, m.start() - 3) : m.start()]) \
                or _DIGIT_NEIGHBOUR_AFTER.match(lower, stop):
            continue
        if _CONVERSION.search(lower[max(0, m.start() - 40) : m.start()]):
            continue
        after = re.findall(r"[a-z]+", lower[stop : stop + 40])[:2]
        if after and after[0] in TIME_UNITS or (after[:1] == ["years"]):
            continue
        if number == "one" and not unit and re.match(r"\s+of\b", lower[stop :]):
            continue  # "is one of the largest providers" says among which, not how many
        head = lower[max(0, m.start() - 30) : m.start()]
        if not currency and not unit and (_DATE_NEIGHBOUR.search(head) or (after[:1] and after[0] in MONTHS)):
            continue  # "May 12", "12 May": a day, not a count
        if COMPARED_WITH.search(head):
            continue
        if _CLOCK.search(lower[max(0, m.start() - 2) : m.start()]) or _CLOCK_AFTER.match(lower, stop):
            continue  # "3:30 p.m.", "12:45": a time of day, which counts nothing
        if _DIFFERENCE_AFTER.match(lower, stop):
            continue  # "five rounds sooner than", "13 more than": how far apart two things are
        # Other figures ("the top 1 percent") say nothing about what this one counts.
        # A window that starts or ends inside a word would make a new word of its piece
        # ("police" cut to "olice"), which two sentences may share by chance.
        window = lower[max(0, m.start() - 60) : m.start()]
        if m.start() > 60 and lower[m.start() - 61].isalnum():
            window = window.split(" ", 1)[-1] if " " in window else ""
        before = [w for w in content_words(window) if not w[0].isdigit()][-NUMBER_WINDOW:]
        end = named.end() if named else stop  # "euros" says in what, not what of
        rest = lower[end : end + 60]
        if end + 60 < len(lower) and lower[end + 60].isalnum():
            rest = rest.rsplit(" ", 1)[0] if " " in rest else ""
        rest = re.sub(r"^\s*\([^)]*\)", "", rest)  # the figure again in other units says nothing new
        following = [] if _REFERENCE_POINT.match(rest) else [w for w in content_words(rest) if not w[0].isdigit()][:NUMBER_WINDOW]
        value = float(NUMBER_WORDS[number]) if number in NUMBER_WORDS else float(number.replace(",", ""))
        if dozens:
            value *= 12
        bound = "min" if LOWER_BOUND.search(head) or LOWER_BOUND_OF_LIST.search(head) else "max" if UPPER_BOUND.search(head) else "about" if ESTIMATE.search(head) else "exact"
        shown = (text if len(text) == len(lower) else lower)[m.start() : stop]
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


def _number_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None = None,
                      days: dict[str, dt.date | None] | None = None) -> None:
    """Different figures for the same measured thing in different articles ("a 12 km
    barrier" / "a 15 km flood barrier"). A figure with a unit is tied to the nouns next to
    it, when each article ties that noun to one figure only, or to the figures the other
    article gives and one more; a bare count also needs the two sentences to be about the
    same thing; sentences that name different people or places ("Clinton's plan" / "Trump's
    plan"), or figures whose subjects (parsed from ``docs``, each article's spaCy doc) are
    names the other sentence lacks, measure different things, and so do counts or shares of
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
                    if names[a.id] and names[b.id] and not names[a.id] & names[b.id]:
                        continue  # "Clinton's plan would raise $1.1 trillion" / "Trump's … $4 trillion"
                    if _figure_of_a_place_unnamed(a.text, [(f, u) for f, u, *_ in numbers[a.id]], shown_a, b.text) \
                            or _figure_of_a_place_unnamed(b.text, [(f, u) for f, u, *_ in numbers[b.id]], shown_b, a.text):
                        continue  # "in Egypt by 80 percent, in India by 65 percent" / "70 percent between the continents"
                    if swapped_names(a.text, b.text):
                        continue  # "the Hawks offered Varis $16 million" / "the Owls offered Varis $20 million"
                    if _forecast_and_result(docs.get(a.article), a, shown_a, docs.get(b.article), b, shown_b):
                        continue  # "is expected to report a loss of $40 million" / "reported a loss of $52 million"
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


#: Units of a length of time ("served four months", "a 12-year sentence").
DURATION_UNITS = {"hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
                  "month": "month", "months": "month", "year": "year", "years": "year"}
#: A length of time: a figure (a half after it: "4 1/2", "4-1/2", "four and a half") and
#: its unit, also joined by a hyphen ("a 4 - month term", as some archives space it).
_DURATION = re.compile(
    r"(?<![\w./-])(?<!/\s)(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?P<half>\s*-?\s*1\s*/\s*2|\s*½|\s+and\s+a\s+half)?(?![\w/])\s*-?\s*(?P<unit>" + "|".join(DURATION_UNITS) + r")\b", re.I)
#: What follows a length of time when it tells no length: an age ("75 years old", "a
#: 30-year-old record"), or a point in time counted back from the day of writing ("two years
#: ago", which outlets writing on two days put differently).
_NO_LENGTH_AFTER = re.compile(r"\s*-?\s*(?:old|ago)\b")


def _durations(text: str) -> dict[str, list[tuple[str, float, str, tuple[set[str], set[str]]]]]:
    """The lengths of time a sentence gives, by unit: each as printed, its value, its bound
    ("more than five years") and the content words before it and after it, names left out.
    A half after a figure adds to it, also when the space before it was lost ("41/2
    months": 4½, as scraped pages print "4½") and when the tokenizer spaced its slash
    ("41 / 2 months": not "2 months"). Ages and "ago" are left out, and so are
    a speaker's words in quotation marks: "after three years" / "after four years" in one
    quote is a rewording of the quote, which the wording finding tells."""
    out: dict[str, list[tuple[str, float, str, tuple[set[str], set[str]]]]] = {}
    lower = text.lower()
    names = {w for m in re.findall(r"\b[A-Z][a-z]+", text) for w in content_words(m)}
    quoted = quoted_spans(text)
    for m in _DURATION.finditer(lower):
        if _NO_LENGTH_AFTER.match(lower, m.end()) or _quoted_at(text, m.start(), quoted):
            continue
        number = m.group(1)
        value = float(NUMBER_WORDS[number]) if number in NUMBER_WORDS else float(number)
        if m.group("half"):
            value += 0.5
        head = lower[max(0, m.start() - 30) : m.start()]
        bound = "min" if LOWER_BOUND.search(head) else "max" if UPPER_BOUND.search(head) else "about" if ESTIMATE.search(head) else "exact"
        # The words on each side, names left out: a name says whose, not what lasted.
        before = content_words(lower[max(0, m.start() - 40) : m.start()])[-NUMBER_WINDOW:]
        after = content_words(lower[m.end() : m.end() + 40])[:NUMBER_WINDOW]
        near = tuple({w for w in side if not w[0].isdigit() and w not in _NOT_A_THING and w not in QUANTIFIERS and w not in names}
                     for side in (before, after))
        out.setdefault(DURATION_UNITS[m.group("unit")], []).append((text[m.start() : m.end()], value, bound, near))
    return out


def _quoted_at(text: str, at: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the character at ``at`` is inside quotation marks: a quoted span, or a
    quotation the sentence opens and does not close, or closes without opening (a quote
    running over several sentences)."""
    if any(start <= at < end for start, end in quoted):
        return True
    before, after = text[:at], text[at:]
    return before.count("“") > before.count("”") or "“" not in before and "”" in after and "“" not in after


def _same_digits(a: str, b: str) -> bool:
    """Whether two figures as printed have the same digits, only their marks apart ("41/2" /
    "412", "2.5" / "25"): a page that lost a fraction's slash or a point garbled one figure;
    two outlets did not report two."""
    digits_a, digits_b = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    return bool(digits_a) and digits_a == digits_b


def _lost_half(shown: str, other: float) -> bool:
    """Whether a figure is the other with its half typed "1/2" and the slash lost: "412
    months" against "four and a half months" (4½) is one figure a page garbled."""
    digits = re.sub(r"\D", "", shown)
    return len(digits) > 2 and digits.endswith("12") and float(digits[:-2]) + 0.5 == other


def _duration_conflicts(claims: Sequence[Claim], add: Any, days: dict[str, dt.date | None] | None = None,
                       docs: dict[str, Any] | None = None) -> None:
    """Different lengths of time in two versions of one fact ("He served four months in
    federal prison" / "He served five months in federal prison"). Lengths of time are
    compared where align joined the two sentences and each gives one length in that
    unit, tied by a word (not a name) both have on the same side of it: "led the country
    for 24 years" and "since July 2000" are no two lengths, and two lengths in sentences
    align kept apart may be of two things ("a 12-year sentence" / "another three-year
    sentence"). In sentences align kept apart, a length is compared only when words on
    both sides of it tie it (:func:`_lengths_told_alike`). Elsewhere lengths of time are no
    figures (:func:`_numbers`)."""
    by_fact: dict[str, list[Claim]] = {}
    for c in claims:
        if c.fact:
            by_fact.setdefault(c.fact, []).append(c)
    reported: set[tuple[str, str]] = set()
    for _, versions in sorted(by_fact.items()):
        lengths = {c.id: _durations(c.text) for c in versions}
        conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
        for i, a in enumerate(versions):
            for b in versions[i + 1 :]:
                if a.article == b.article:
                    continue
                for unit in sorted(set(lengths[a.id]) & set(lengths[b.id])):
                    if len(lengths[a.id][unit]) != 1 or len(lengths[b.id][unit]) != 1:
                        continue  # "served four months of a six-month term": which is which is not read here
                    (shown_a, value_a, bound_a, near_a), = lengths[a.id][unit]
                    (shown_b, value_b, bound_b, near_b), = lengths[b.id][unit]
                    # Tied by a word on the same side: "served four months" / "served five
                    # months"; "held two days before the trial" and "the trial lasted three
                    # days" share a word on two sides, and tell two things.
                    if _compatible((value_a, bound_a), (value_b, bound_b)) \
                            or not (near_a[0] & near_b[0] or near_a[1] & near_b[1]):
                        continue
                    if _same_digits(shown_a, shown_b) or _lost_half(shown_a, value_b) or _lost_half(shown_b, value_a):
                        continue  # "41/2 months" / "412 months" / "four and a half": one figure, its half garbled by a page
                    found = conflicts.setdefault(unit, {})
                    found.setdefault(a.id, (a, shown_a))
                    found.setdefault(b.id, (b, shown_b))
        _report_lengths(add, conflicts)
        reported.update((c.id, unit) for unit, found in conflicts.items() for c, _ in found.values())
    _lengths_told_alike(claims, add, days or {}, docs or {}, reported)


def _another_time(text: str, lengths: dict[str, list[tuple[str, float, str, tuple[set[str], set[str]]]]]) -> bool:
    """Whether a sentence tells of another time than its story's ("last year", "in 2019"),
    the words of its own lengths of time left out ("for the past three weeks")."""
    for found in lengths.values():
        for shown, *_ in found:
            text = re.sub(r"\bthe\s+(?:past|last)\s+" + re.escape(shown), " ", text, flags=re.I)
    return bool(_OTHER_TIME.search(text))


#: Letters that make one word of two forms ("sentenc-ed", "sentence") when a length's
#: article is asked how many lengths a word stands beside.
_STEM = 6
#: "a 12-year sentence", "a seven - year deal": a length joined to a noun by a hyphen.
_DESCRIBES_A_NOUN = re.compile(r"-\s*(?:" + "|".join(DURATION_UNITS) + r")$", re.I)


def _people_in(claim: Claim, doc: Any) -> set[str]:
    """The people a sentence names, by the tagger ("Roos had been …"; a place, "in Lusk",
    tells where, not whose); without a parse, its capitalised words inside it."""
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    if span is None:
        return {w.lower() for m in _NAME.findall(claim.text) for w in m if w} - _NOT_A_NAME - set(MONTHS)
    return {t.text.lower() for t in span if t.ent_type_ == "PERSON"} - _NOT_A_NAME


def _report_lengths(add: Any, conflicts: dict[str, dict[str, tuple[Claim, str]]]) -> None:
    """One finding per unit: every version's length, in article order."""
    for unit, found in sorted(conflicts.items()):
        ordered = sorted(found.values(), key=lambda cv: (cv[0].article, cv[0].span))
        figures = " / ".join(dict.fromkeys(re.sub(r"\s+", " ", shown) for _, shown in ordered))
        add(DiscrepancyKind.NUMBER, f"The sources give different lengths of time: {figures}.",
            [_item(c.article, c.text, c.span, _figure_value(shown)) for c, shown in ordered])


def _lengths_told_alike(claims: Sequence[Claim], add: Any, days: dict[str, dt.date | None], docs: dict[str, Any],
                        reported: set[tuple[str, str]]) -> None:
    """Different lengths of time in sentences align kept apart, tied by a word on each side
    ("had been hospitalized for the past three weeks for pneumonia" / "had been hospitalized
    in Lusk for four weeks due to pneumonia": what lasted and what for), when each article
    ties both words to that one length in the unit, on either side ("sentenced to seven
    years" and "a 12-year sentence" in one article tie "sentence" to two), neither length
    describes a noun ("a seven-year deal" / "an eight-year deal": the terms of two offers
    may differ), neither sentence is in a finding of the versions of one fact already, the
    sentences name no two sets of people, no year or month one of them lacks and no other
    time (:data:`_OTHER_TIME`: "for four weeks last year"; "the past three weeks" is the
    length itself), and the articles are of one day (:data:`UPDATED_AFTER_DAYS`: "in
    hospital for three weeks" and "for four weeks" may be told a week apart)."""
    lengths = {c.id: _durations(c.text) for c in claims}
    # By article, unit and word: the lengths that word stands beside. A word is known by its
    # first letters here, as the crude suffix strip keeps "sentenced" and "sentence" apart.
    beside: dict[tuple[str, str, str], set[float]] = {}
    for c in claims:
        for unit, found in lengths[c.id].items():
            for _, value, _, near in found:
                for w in near[0] | near[1]:
                    beside.setdefault((c.article, unit, w[:_STEM]), set()).add(value)
    told = [c for c in claims if lengths[c.id] and not _another_time(c.text, lengths[c.id])]
    names = {c.id: _people_in(c, docs.get(c.article)) for c in told}
    dates = {c.id: {m.lower() for m in _OCCASION.findall(c.text)} for c in told}
    conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
    for i, a in enumerate(told):
        for b in told[i + 1 :]:
            if a.article == b.article or a.fact is not None and a.fact == b.fact or dates[a.id] != dates[b.id]:
                continue
            if names[a.id] and names[b.id] and not names[a.id] & names[b.id]:
                continue
            day_a, day_b = days.get(a.article), days.get(b.article)
            if day_a and day_b and abs((day_a - day_b).days) >= UPDATED_AFTER_DAYS:
                continue
            for unit in sorted(set(lengths[a.id]) & set(lengths[b.id])):
                if len(lengths[a.id][unit]) != 1 or len(lengths[b.id][unit]) != 1 or {(a.id, unit), (b.id, unit)} & reported:
                    continue
                (shown_a, value_a, bound_a, near_a), = lengths[a.id][unit]
                (shown_b, value_b, bound_b, near_b), = lengths[b.id][unit]
                if _compatible((value_a, bound_a), (value_b, bound_b)) or _same_digits(shown_a, shown_b) \
                        or _lost_half(shown_a, value_b) or _lost_half(shown_b, value_a):
                    continue
                if _DESCRIBES_A_NOUN.search(shown_a) or _DESCRIBES_A_NOUN.search(shown_b):
                    continue  # "a seven-year deal": a term, of which two offers may have two

                def of_one_length(side: int) -> bool:
                    return any(beside[(a.article, unit, w[:_STEM])] == {value_a} and beside[(b.article, unit, w[:_STEM])] == {value_b}
                               for w in near_a[side] & near_b[side])
                if of_one_length(0) and of_one_length(1):
                    found = conflicts.setdefault(unit, {})
                    found.setdefault(a.id, (a, shown_a))
                    found.setdefault(b.id, (b, shown_b))
    _report_lengths(add, conflicts)


def _children_conflicts(claims: Sequence[Claim], add: Any) -> None:
    """Different numbers of children for one person in different articles ("Horton, a
    mother of 12" / "Brooklyn mother of 13 Zurana Horton"). Compared whatever else the two
    sentences say, when both name the person: a parent in a sentence that names no one may
    be another parent of the story."""
    found: dict[str, list[tuple[Claim, str, int, set[str]]]] = {}
    for c in claims:
        # A name opening the sentence counts too: it must be among the other sentence's names.
        opening = re.findall(r"^[A-Z][a-z]+\b", c.text)
        named = {w.lower() for w in [w for m in _NAME.findall(c.text) for w in m if w] + opening} - _NOT_A_NAME
        for m in _CHILDREN.finditer(c.text):
            parent = m.group(1).lower()
            who = named - {parent, _PARENT_WORD.get(parent, parent)}
            if who:
                count = m.group(2).lower()
                value = int(count) if count.isdigit() else NUMBER_WORDS[count]
                found.setdefault(_PARENT_WORD.get(parent, parent), []).append((c, m.group(2), value, who))
    for parent, mentions in sorted(found.items()):
        versions: dict[str, tuple[Claim, str]] = {}
        person: set[str] = set()
        for i, (a, shown_a, value_a, who_a) in enumerate(mentions):
            for b, shown_b, value_b, who_b in mentions[i + 1:]:
                if a.article != b.article and value_a != value_b and who_a & who_b:
                    versions.setdefault(a.id, (a, shown_a))
                    versions.setdefault(b.id, (b, shown_b))
                    person = person or who_a & who_b
        if versions:
            ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
            name = _person_named(person, [c.text for c, _ in ordered])
            figures = " / ".join(dict.fromkeys(shown.lower() for _, shown in ordered))
            add(DiscrepancyKind.NUMBER, f"The sources give different numbers of children for {name}: {figures}.",
                [_item(c.article, c.text, c.span, _figure_value(shown)) for c, shown in ordered])


#: People counted with their ages listed after them: "two women, 71 and 39", "three men --
#: 19, 20 and 25-years-old".
_GROUP_AGES = re.compile(
    r"\b(" + "|".join(w for w, n in NUMBER_WORDS.items() if 2 <= n <= 9) + r"|[2-9])\s+(?:[a-z]+\s+)?"
    r"(women|men|people|victims|girls|boys|children|teenagers|teens|sisters|brothers|adults)\s*(?:,|--|—|–)\s*"
    r"(?:aged\s+)?(\d{1,3}(?:\s*(?:,\s*and|,|and)\s*\d{1,3})+)\b", re.I)
#: A person named with an age after the name: "Ida Roos, 64," / "… and Ida Roos, 64."
_NAMED_AGE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*),\s*(\d{1,3})\s*(?=,|\.|;|\s+and\b|$)")
#: … or with the age before it: "64-year-old Ida Roos", "a 64 - year - old nurse, Ida Roos".
_AGED_NAME = re.compile(r"\b(\d{1,3})\s*-\s*years?\s*-\s*old\s+(?:[a-z]+\s+){0,2},?\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")


def _group_age_conflicts(claims: Sequence[Claim], add: Any) -> None:
    """Different ages of one group of people: "the bodies of two women, 71 and 39, were
    found" / "the bodies of Ida Roos, 64, and Eva Lind, 39, were found". The group's list
    counts as many people as the other sentence names with an age; one age at least is in
    both lists (it tells which people they are) and the lists differ; and the sentences
    share a word that is no name, age or count ("bodies"), so they tell of one event."""
    groups, named = [], []
    for c in claims:
        for m in _GROUP_AGES.finditer(c.text):
            count = m.group(1).lower()
            ages = sorted(int(a) for a in re.findall(r"\d+", m.group(3)))
            if len(ages) == (int(count) if count.isdigit() else NUMBER_WORDS[count]):
                groups.append((c, f"{count} {m.group(2).lower()}", ages))
        pairs = _NAMED_AGE.findall(c.text) + [(name, age) for age, name in _AGED_NAME.findall(c.text)]
        if len(pairs) >= 2:
            named.append((c, sorted(int(a) for _, a in pairs), {w.lower() for n, _ in pairs for w in n.split()}))
    for group, people, ages in groups:
        versions = [(c, listed) for c, listed, _ in named if c.article != group.article and len(listed) == len(ages)
                    and set(listed) & set(ages) and listed != ages and _share_a_plain_word(group.text, c.text)]
        # Other sentences giving the same people the same ages tell the disputed ages too.
        told = {tuple(listed) for _, listed in versions}
        who = {w for c, _, names in named for v, _ in versions if c is v for w in names}
        versions += [(c, listed) for c, listed, names in named if c.article != group.article and tuple(listed) in told
                     and names & who and all(c is not v for v, _ in versions)]
        if versions:
            shown = " / ".join(dict.fromkeys(_list_ages(listed) for listed in [ages] + [v for _, v in versions]))
            add(DiscrepancyKind.NUMBER, f"The sources give different ages of the {people}: {shown}.",
                [_item(c.article, c.text, c.span, _list_ages(listed)) for c, listed in [(group, ages)] + versions])


def _list_ages(ages: list[int]) -> str:
    return ", ".join(str(a) for a in ages[:-1]) + f" and {ages[-1]}"


def _share_a_plain_word(text_a: str, text_b: str) -> bool:
    """Whether two sentences share a content word that is no name (written in capitals in
    either) and no figure."""
    capitalised = set(content_words(" ".join(re.findall(r"\b[A-Z][\w'’-]*", text_a + " " + text_b))))

    def plain_words(text: str) -> set[str]:
        return {w for w in content_words(text) if not w[0].isdigit() and w not in capitalised}

    return bool(plain_words(text_a) & plain_words(text_b))


def _person_named(person: set[str], texts: Sequence[str]) -> str:
    """The person's name: the longest run of the person's words in one of the versions. The
    first version listed may name no one ("a Kessby mother of 12 died", tied to the others
    through a third version), and a place both versions name ("Kessby") is no part of the
    name."""
    words = ([re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’-]+", text)] for text in texts)
    return _longest_run(words, lambda word: word.lower() in person) or "one person"


def _longest_run(texts: Iterable[list[str]], belongs: Callable[[str], bool]) -> str:
    """The longest run of words that each ``belongs``, over the texts' words: a name as
    one of the versions prints it."""
    best: list[str] = []
    for words in texts:
        run: list[str] = []
        for word in words:
            run = run + [word] if belongs(word) else []
            best = run if len(run) > len(best) else best
    return " ".join(best)


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


def _figure_tokens(doc: Any, claim: Claim, shown: str) -> Any:
    """The parsed tokens of a figure as the claim shows it, found as a whole word ("63" in
    "Varga has 163 and Holm has 63" is the last figure, not the end of "163"), or None (no
    parse, not found)."""
    found = re.search(r"(?<![\w.,])" + re.escape(shown.lower()) + r"(?![\w]|[.,]\d)", claim.text.lower())
    if doc is None or found is None:
        return None
    return doc.char_span(claim.span[0] + found.start(), claim.span[0] + found.end(), alignment_mode="expand")


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


#: A year or a month named in full: it dates what a sentence tells.
_OCCASION = re.compile(r"\b(?:1[89]\d\d|20\d\d|" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)


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


QUANTIFIERS = frozenset({"more", "than", "about", "least", "nearly", "almost", "around", "some", "over", "under", "up", "down",
                         "fewer", "less", "roughly", "approximately", "estimat", "close"})


#: Words telling that people were hurt or killed, by what they count: "40 people were
#: injured", "25 were hurt" and "wounding 25" count one thing in other words.
CASUALTY_WORDS = {"injure": "injured", "injured": "injured", "hurt": "injured", "wound": "injured", "wounded": "injured",
                  "kill": "killed", "killed": "killed", "die": "killed", "dead": "killed"}
#: Nouns that say only that people are counted: "ten people" and "ten" count one thing,
#: "two officers" another.
_ANY_PEOPLE = frozenset({"people", "person", "other", "others"})
#: Words placing a count at another time than the story's: "a quake in March killed
#: four", "killed 900 in 1999", "over the past week".
_OTHER_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d|" + "|".join(m for m in MONTHS if len(m) > 3) + r"|ago|last|previous|"
                         r"earlier|former|past|since|so far|until|before)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
#: A subject that points back to what another sentence named: "It killed 300 people" may
#: be the quake of a paragraph about an earlier one.
_POINTING_BACK = frozenset({"it", "that", "this", "those", "these", "they"})
_MODALS = frozenset({"could", "may", "might", "would", "should", "can", "will"})


def _casualty(number: Any) -> tuple[str, str, Any] | None:
    """What a count of people hurt or killed counts, from the parse of its figure: the kind
    (injured, killed), the noun counted ("" for people in general) and the word telling the
    harm. "40 people were injured", "injuring 40", "at least 30 injured", "nine dead". None
    for a part of a count ("20 of the 60 wounded") or a figure of something else."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head if number.dep_ == "nummod" else number
    if counted.lemma_.lower() in CASUALTY_WORDS and counted is not number:
        return CASUALTY_WORDS[counted.lemma_.lower()], "", counted  # "about 50 hurt"
    if counted.dep_ in ("nsubj", "nsubjpass", "dobj") and counted.head.lemma_.lower() in CASUALTY_WORDS:
        harm = counted.head
    else:
        harm = next((c for c in counted.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in CASUALTY_WORDS), None)
        if harm is None and counted.dep_ == "nsubj" and counted.head.lemma_ == "be":
            harm = next((c for c in counted.head.children if c.dep_ == "acomp" and c.lemma_.lower() in CASUALTY_WORDS), None)
    if harm is None:
        return None
    noun = counted.lemma_.lower() if counted.pos_ == "NOUN" and counted.lemma_.lower() not in _ANY_PEOPLE else ""
    return CASUALTY_WORDS[harm.lemma_.lower()], noun, harm


def _told_of_another_time_or_group(number: Any, harm: Any) -> bool:
    """Whether a count is told of a part of the people (named by place: "two people from
    Holm village"), of another time than the story's, of a subject pointing back to
    another sentence ("It killed 300 people"), or as what may be ("could rise to 100"),
    negated or hedged."""
    counted = number.head if number.dep_ == "nummod" else number
    if any(t.pos_ == "PROPN" for t in counted.subtree):
        return True
    clause = harm
    while clause.dep_ in ("conj", "advcl", "acl", "xcomp") and clause.head.i != clause.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            break
        clause = clause.head
    for verb in {harm, clause}:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != counted.i and (
                    c.lower_ in _POINTING_BACK or any(d.dep_ == "det" and d.lower_ in _POINTING_BACK for d in c.children)):
                return True
    # "could rise to 100 dead", "were not injured": a verb above the count says it may not be so.
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS
               for t in [counted, harm, *harm.ancestors, *counted.ancestors] for c in t.children)


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _names_by_article(claims: Sequence[Claim], docs: dict[str, Any]) -> dict[str, set[str]]:
    """The words of the names each article's claims give: the places of the story are
    those more than one article names. (Any proper noun: the tagger may take a town for a
    person in one sentence and a place in the next.)"""
    named: dict[str, set[str]] = {}
    for c in claims:
        doc = docs.get(c.article)
        span = doc.char_span(c.span[0], c.span[1], alignment_mode="expand") if doc is not None else None
        named.setdefault(c.article, set()).update(
            w for t in (span or []) if t.ent_type_ in _PLACES or t.pos_ == "PROPN" for w in content_words(t.text))
    return named


def _places_of_harm(harm: Any) -> set[str]:
    """The places a harm is told of ("killed ten in Lusk"), leaving out the doer's own
    description ("the blast in Lusk injured 40" is the story's blast wherever it was)."""
    doer = {t.i for c in harm.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    return {w for t in harm.subtree if t.i not in doer and t.ent_type_ in _PLACES for w in content_words(t.text)}


def _days_told(doc: Any, claim: Claim) -> set[str]:
    """The weekdays a sentence places what it tells on, leaving out the day a source spoke
    ("40 were hurt on Saturday, police said on Monday" tells of Saturday): a weekday whose
    nearest verb is a verb of saying dates the report, not the event."""
    span = doc.char_span(claim.span[0], claim.span[1], alignment_mode="expand") if doc is not None else None
    if span is None:
        return {d.lower() for d in _WEEKDAY.findall(claim.text)}
    days = set()
    for t in span:
        if not _WEEKDAY.fullmatch(t.text):
            continue
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
            days.add(t.lower_)
    return days


def _dates_part(text_a: str, text_b: str, days_a: set[str], days_b: set[str]) -> bool:
    """Whether two sentences place their counts at two times: one names another time than
    the story's ("in March", "in 1999", "over the past week"), or each names its
    own day ("on Saturday" / "on Sunday"; :func:`_days_told`). A day named by one only is
    the story's day."""
    if _OTHER_TIME.search(text_a) or _OTHER_TIME.search(text_b):
        return True
    return bool(days_a and days_b and not days_a & days_b)


def _casualty_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
    """Different counts of the people hurt (or killed) in different articles, however the
    sentences word it: "40 people were injured" / "25 were hurt" / "wounding 30". Bare counts
    elsewhere need the two sentences to be one statement; a count of casualties names what
    it counts by its verb, so the kind of harm and the people counted ("people", or the
    same noun: "officers" / "officers") tie them. Counts of a part, of another time or of
    a subject pointing back to another sentence are left out (:func:`_told_of_another_time_or_group`,
    :func:`_dates_part`); places the two sentences do not share set them apart."""
    if not docs:
        return
    counts: list[tuple[Claim, str, tuple[str, str], tuple[float, str], set[str]]] = []
    named_in = _names_by_article(claims, docs)
    for c in claims:
        doc = docs.get(c.article)
        for shown, unit, _, value, bound in _numbers(c.text):
            if unit or bound == RANGE_START:
                continue
            chunk = _figure_tokens(doc, c, shown)
            if not chunk:
                continue
            found = _casualty(chunk[-1])
            if not found or _told_of_another_time_or_group(chunk[-1], found[2]):
                continue
            elsewhere = {w for t in found[2].subtree if t.ent_type_ in _PLACES for w in content_words(t.text)}
            if any(not any(w in words for art, words in named_in.items() if art != c.article) for w in elsewhere):
                continue  # "a dozen were killed by a quake in eastern Lund": a place no other article names
            counts.append((c, shown, found[:2], (value, bound), _places_of_harm(found[2])))
    days = {c.id: _days_told(docs.get(c.article), c) for c, *_ in counts}
    conflicts: dict[tuple[str, str], dict[str, tuple[Claim, str]]] = {}
    for i, (a, shown_a, what_a, value_a, places_a) in enumerate(counts):
        for b, shown_b, what_b, value_b, places_b in counts[i + 1 :]:
            if a.article == b.article or what_a != what_b or _compatible(value_a, value_b):
                continue
            if _dates_part(a.text, b.text, days[a.id], days[b.id]):
                continue
            if places_a - set(content_words(b.text)) or places_b - set(content_words(a.text)):
                continue  # "killed 10 in Lusk" / "killed 3": another place's toll
            versions = conflicts.setdefault(what_a, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
    for (kind, noun), versions in sorted(conflicts.items()):
        _report_counts(add, f"of {noun}s {kind}" if noun else f"of people {kind}", versions)


def _report_counts(add: Any, counted: str, versions: dict[str, tuple[Claim, str]]) -> None:
    """One number finding for all versions of a count, each sentence cited once."""
    ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
    # "eleven" and "11" are one figure: each figure is named once, as first printed.
    shown_by_value: dict[str, str] = {}
    for _, shown in ordered:
        written = re.sub(r"\s+", " ", shown.lower())
        shown_by_value.setdefault(_figure_value(written), written)
    figures = " / ".join(shown_by_value.values())
    add(DiscrepancyKind.NUMBER, f"The sources give different numbers {counted}: {figures}.",
        [_item(c.article, c.text, c.span, _figure_value(s)) for c, s in dict((c.id, (c, s)) for c, s in ordered).values()])


def _figure_value(written: str) -> str:
    """A figure as digits, so that "eleven" and "11" (or "1,200" and "1200") are one."""
    written = re.sub(r"\s+", " ", written.lower())
    count, dozen, rest = written.partition(" dozen")
    if dozen and not rest:  # "two dozen" is 24
        digits = _figure_value(count)
        return str(round(float(digits) * 12)) if re.fullmatch(r"\d+(?:\.\d+)?", digits) else written
    return str(NUMBER_WORDS[written]) if written in NUMBER_WORDS else written.replace(",", "")


#: Verbs telling that a person was hit by gunfire: "Vell was shot nine times", "hitting
#: him six times", "six bullets struck Vell", "hit by six bullets".
_HIT_VERBS = frozenset({"shoot", "hit", "strike"})
#: Verbs of which a bullet is the subject when it hits someone: "seven bullets entered his body".
_BULLET_HITS = frozenset({"hit", "strike", "enter", "pierce"})
_BULLETS = frozenset({"bullet", "round", "shot"})
#: Findings on a body, whose owner is the one a pronoun in what they show stands for
#: ("Vell's autopsy showed he had been shot six times").
_BODY_FINDINGS = frozenset({"autopsy", "post-mortem", "postmortem", "x-ray", "scan"})
_HIT_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _person_hit(verb: Any) -> Any:
    """The person a verb of hitting tells of, when it is named: the subject of "Vell was
    shot" or the object of "struck Vell", or the owner of an autopsy that shows "he was shot"
    (:func:`_owner_of_the_finding`). None for no one named ("he was shot"), a thing ("struck
    the car") or a shot aimed ("shot at Vell": how often someone fired)."""
    if any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return None
    person = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if person is not None and person.lower_ in _HIT_PRONOUNS:
        return _owner_of_the_finding(verb)
    return person if person is not None and person.pos_ == "PROPN" else None


def _owner_of_the_finding(verb: Any) -> Any:
    """The named owner of a finding on a body that reports the verb ("Vell's autopsy
    showed he had been shot six times": the only person it can be), else None: a pronoun
    is read no further ("Vell's lawyer said he had been shot" may be the lawyer)."""
    if verb.dep_ != "ccomp":
        return None
    finding = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in _BODY_FINDINGS), None)
    owner = next((c for c in finding.children if c.dep_ == "poss"), None) if finding is not None else None
    return owner if owner is not None and owner.pos_ == "PROPN" else None


def _times_hit(number: Any) -> tuple[set[str], Any] | None:
    """The name of the person a count of hits tells of, and the verb telling it, from the
    parse of its figure: "Vell was shot nine times", "hitting Vell six times", "six bullets
    struck Vell", "Vell was hit by six bullets". None for shots fired ("fired 14 shots",
    "fired 14 times": the hits are another count), a part ("three of the seven bullets")
    and a figure of anything else."""
    if number.dep_ != "nummod" or any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head
    noun = counted.lemma_.lower()
    verb = None
    if noun == "time" and counted.dep_ in ("npadvmod", "advmod") and counted.head.lemma_.lower() in _HIT_VERBS:
        verb = counted.head  # "shot nine times"
    elif noun == "time" and counted.dep_ == "appos" and counted.head.dep_ == "dobj" \
            and counted.head.head.lemma_.lower() in _HIT_VERBS:
        verb = counted.head.head  # "hitting Vell nine times", the count parsed as the name's apposition
    elif noun in _BULLETS and counted.dep_ == "nsubj" and counted.head.lemma_.lower() in _BULLET_HITS:
        verb = counted.head  # "six bullets struck Vell"
    elif noun in _BULLETS and counted.dep_ == "pobj" and counted.head.dep_ == "agent" \
            and counted.head.head.lemma_.lower() in _HIT_VERBS:
        verb = counted.head.head  # "was hit by six bullets"
    person = _person_hit(verb) if verb is not None else None
    if person is None:
        return None
    # A title ("Mr.", "Sgt.") is no part of whom: two men called "Mr." are two people.
    name = {w for t in person.subtree if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLES for w in content_words(t.text)}
    return (name, verb) if name else None


def _shot_count_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None) -> None:
    """Different counts of the times one named person was hit in a shooting, however the
    sentences word it: "Vell was shot nine times" / "six bullets struck Vell" / "hitting
    Vell six times". The person's name ties the two sentences, as the harm and the people
    counted tie counts of casualties (:func:`_casualty_conflicts`); shots fired are not
    hits ("fired 14 shots" / "six bullets hit him" tell two things). A count negated or
    under a modal, or a sentence naming another time ("shot twice in 2009"), is left out."""
    if not docs:
        return
    counts: list[tuple[Claim, str, set[str], tuple[float, str]]] = []
    for c in claims:
        if _OTHER_TIME.search(c.text):
            continue  # "shot twice in 2009": another shooting of the same man
        for shown, unit, _, value, bound in _numbers(c.text):
            if unit or bound == RANGE_START:
                continue
            chunk = _figure_tokens(docs.get(c.article), c, shown)
            found = _times_hit(chunk[-1]) if chunk else None
            if found is None or any(t.dep_ == "neg" or t.dep_ == "aux" and t.lower_ in _MODALS
                                    for v in [found[1], *found[1].ancestors] for t in v.children):
                continue
            counts.append((c, shown, found[0], (value, bound)))
    conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
    for i, (a, shown_a, name_a, value_a) in enumerate(counts):
        for b, shown_b, name_b, value_b in counts[i + 1 :]:
            if a.article != b.article and name_a & name_b and not _compatible(value_a, value_b):
                versions = conflicts.setdefault(min(name_a & name_b), {})  # one finding a person
                versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
                versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
    for _, versions in sorted(conflicts.items()):
        _report_counts(add, "of times a person was hit", versions)


#: A win–loss record ("52-3", "45-7-2", "25 - 7" as some archives space it): wins, losses
#: and draws.
_RECORD = r"(\d{1,3}\s*-\s*\d{1,3}(?:\s*-\s*\d{1,3})?)"
_HOLDER = r"([A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)*)"
#: The ways a report ties a record to its holder: in brackets after the name ("Vell
#: (52-3)"), between commas after it with a count of some kind of win after it ("Vell,
#: 52-3, 46 KOs," — "beat the Owls, 65-53, on Friday" is a score), or as what a result took
#: the holder to ("improved the Owls to 25-7", "Vell fell to 45-7-2").
_RECORDS = (
    re.compile(_HOLDER + r"\s*\(\s*" + _RECORD + r"\s*(?=[,;)])"),
    re.compile(_HOLDER + r",\s*" + _RECORD + r",\s*\d+\s+[A-Za-z]"),
    re.compile(r"\b(?:improv|took|take|drop|fell|fall|mov|lift|push|rais)\w*\s+(?:the\s+)?" + _HOLDER
               + r"(?:['’]s?\s+record)?\s+to\s+" + _RECORD + r"\b"),
    re.compile(_HOLDER + r"\s+(?:improved|fell|dropped|moved)\s+(?:(?:his|her|its|their)\s+record\s+)?to\s+" + _RECORD + r"\b"),
)


#: Where the words telling what a record spans end: "25-7 on the season and …", "52-3
#: with 46 KOs".
_SPAN_END = re.compile(r"[,;:.()]|\b(?:and|with|but|as|after)\b")


def _records(text: str) -> list[tuple[set[str], str, tuple[int, ...], frozenset[str]]]:
    """The win–loss records a sentence gives, each with the words naming its holder, as
    printed, as numbers, and with the words after it telling what it spans ("41-20
    all-time in tournament play", "25-7 on the season"; none for the record so far)."""
    found = []
    for pattern in _RECORDS:
        for m in pattern.finditer(text):
            holder = {w for w in content_words(m.group(1)) if w not in TITLES} - _NOT_A_NAME
            shown = re.sub(r"\s+", "", m.group(2))
            after = text[m.end(2) :]
            span = frozenset(content_words(after[: (_SPAN_END.search(after) or re.search(r"$", after)).start()]))
            if holder:
                found.append((holder, shown, tuple(int(n) for n in shown.split("-")), span))
    return found


def _one_result_apart(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether two records are one game or fight apart (52-3 / 53-3): the holder's record
    before the event and after it, as a preview and a report each rightly give it."""
    apart = sorted(abs(x - y) for x, y in zip(a, b))
    return len(a) == len(b) > 1 and apart[-1] == 1 and apart[-2] == 0


def _record_conflicts(claims: Sequence[Claim], add: Any) -> None:
    """Different win–loss records for one holder in different articles ("Vell (45-1, 33
    KOs)" / "Vell (43-1)"): the figure a sports reader compares first. Tied by a word of the
    holder's name, over one span (the words after each record: "on the season", "all-time in
    tournament play"), in reports that give another holder the same record
    (:func:`_agree_on_another_record`). Records one result apart are the record before the
    event and after it, and are left alone."""
    records = [(c, *r) for c in claims for r in _records(c.text)]
    by_article: dict[str, list[tuple[set[str], tuple[int, ...]]]] = {}
    for c, holder, _, record, _ in records:
        by_article.setdefault(c.article, []).append((holder, record))
    conflicts: dict[str, dict[str, tuple[Claim, str]]] = {}
    named: dict[str, set[str]] = {}
    for i, (a, holder_a, shown_a, record_a, span_a) in enumerate(records):
        for b, holder_b, shown_b, record_b, span_b in records[i + 1 :]:
            if a.article == b.article or not holder_a & holder_b or record_a == record_b or span_a != span_b \
                    or len(record_a) != len(record_b) or _one_result_apart(record_a, record_b):
                continue  # the same record, two holders, two spans ("25-7 on the season" / "41-20 all-time") or one result apart
            if not _agree_on_another_record(by_article.get(a.article, []), by_article.get(b.article, []), holder_a | holder_b):
                continue  # "the Herons (10-0)" / "the Herons (14-1)": two weeks of a season
            key = min(holder_a & holder_b)  # one finding a holder
            named.setdefault(key, set()).update(holder_a & holder_b)
            versions = conflicts.setdefault(key, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
    for holder, versions in sorted(conflicts.items()):
        ordered = sorted(versions.values(), key=lambda cv: (cv[0].article, cv[0].span))
        name = _holder_named(named[holder], [c.text for c, _ in ordered])
        figures = " / ".join(dict.fromkeys(shown for _, shown in ordered))
        add(DiscrepancyKind.NUMBER, f"The sources give different win–loss records for {name}: {figures}.",
            [_item(c.article, c.text, c.span, shown) for c, shown in ordered])


def _agree_on_another_record(records_a: Sequence[tuple[set[str], tuple[int, ...]]],
                             records_b: Sequence[tuple[set[str], tuple[int, ...]]], holder: set[str]) -> bool:
    """Whether two articles (their records as ``(holder, record)``) give one other holder
    the same record (the opponent's "Osk (14-13-2)" in both): then they tell one stage of
    the season, and two records of the first holder cannot both be right. Records change
    with every game; without that, two reports may well be a week apart."""
    return any(ra == rb and ha & hb and not (ha | hb) & holder for ha, ra in records_a for hb, rb in records_b)


def _holder_named(holder: set[str], texts: Sequence[str]) -> str:
    """The holder's name as printed: the longest run of words, each one of the holder's
    (compared as content words: "Herons" is "heron")."""
    return _longest_run((re.findall(r"[\w'’-]+", text) for text in texts),
                        lambda word: bool(content_words(word)) and set(content_words(word)) <= holder) or "one holder"


#: Verbs telling that a thing was destroyed whole: "leveled seven villages", "four
#: villages were destroyed" count one thing in other words. (Damage is another count: a
#: village damaged may stand.)
_DESTROY_VERBS = frozenset({"destroy", "level", "flatten", "raze", "demolish", "wreck", "obliterate"})


def _owner_words(token: Any) -> set[str]:
    """The words of a name (a proper noun and its compound parts), titles left out; empty
    for anything but a name ("he", "the team")."""
    return {w for t in _name_tokens(token) for w in content_words(t.text)}


def _name_tokens(token: Any) -> list[Any]:
    """The proper nouns of a name, titles left out; none for anything but a name."""
    if token.pos_ != "PROPN":
        return []
    return [t for t in token.subtree if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLES]


def _subject_of(verb: Any) -> Any:
    """The subject of a verb, read through a relative clause ("Vell, who now has 40") and
    through verbs joined by "and" that share the first one's subject ("finished with 20
    and now has 40")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head


def _count_of_one_owner(number: Any) -> tuple[str, str, frozenset[str], str] | None:
    """What a bare count is a count of, when its sentence ties it to one owner or one deed
    whatever else the sentences say: what a named person or body has ("Vell now has 2,040
    points", "Vell has 2,040") — by the thing counted and the name; a named owner's
    measure given with "of" ("Vell's record of 2,012") — by the measure and the name; or
    things destroyed whole ("leveled seven villages", "four villages were destroyed") — by
    the thing. As (kind, the thing or measure, the owner's name words, the word printed);
    None for any other count, a part ("three of the seven"), or a count negated or under
    a modal ("would have 30")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in number.children):
        return None
    counted = number.head if number.dep_ == "nummod" else number
    found = None
    # Only what one has now ("has 2,040"): what one had ("had 10 points in the first seven
    # minutes") may be a stretch of the event, a running count.
    if counted.dep_ == "dobj" and counted.head.lemma_.lower() == "have" and counted.head.tag_ in ("VBZ", "VBP"):
        subject = _subject_of(counted.head)
        owner = _owner_words(subject) if subject is not None else set()
        noun = "" if counted is number else counted.lemma_.lower()
        found = ("has", noun, frozenset(owner), "" if counted is number else counted.lower_), counted.head
    elif counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.pos_ == "NOUN":
        measure = counted.head.head
        owner = next((_owner_words(c) for c in measure.children if c.dep_ == "poss"), set())
        found = ("of", measure.lemma_.lower(), frozenset(owner), measure.lower_), measure
    elif counted is not number and counted.pos_ == "NOUN" and (
            counted.dep_ in ("dobj", "nsubjpass") and counted.head.lemma_.lower() in _DESTROY_VERBS):
        found = ("destroyed", counted.lemma_.lower(), frozenset(), counted.lower_), counted.head
    if found is None or (found[0][0] != "destroyed" and not found[0][2]):
        return None
    what, word = found
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for t in [word, *word.ancestors] for c in t.children):
        return None
    return what


def _owned_count_conflicts(claims: Sequence[Claim], add: Any, docs: dict[str, Any] | None,
                           days: dict[str, dt.date | None] | None = None) -> None:
    """Different counts of one owner's or one deed's thing in sentences built differently,
    which the general number rule cannot take for one statement: "Vell now has 2,040
    points" / "Vell now has 2,004 points in 96 games"; "Vell's record of 2,012" / "Vell's
    scoring record of 2,021 points"; "leveled seven villages" / "four villages were
    destroyed". The owner's name and the verb (or the measure) tie the figures, as the harm
    ties counts of casualties (:func:`_casualty_conflicts`); two things counted ("has 20
    points" / "has 12 rebounds") or two owners are kept apart. A sentence naming another
    time ("had 40 in 2009") is left out, and so are places the other sentence lacks; articles
    published ``UPDATED_AFTER_DAYS`` apart (``days``) tell a running count on two days
    ("Varga has 503 delegates" / "Varga has 866 delegates")."""
    if not docs:
        return
    counts: list[tuple[Claim, str, tuple[str, str, frozenset[str], str], tuple[float, str]]] = []
    # A place most articles name is the story's own ("seven villages in Ostland"): it sets no
    # count apart from one told without it. Other places do ("four villages in Tarn").
    named_in = _names_by_article(claims, docs)
    story_places = {w for w in set().union(*named_in.values()) if 2 * sum(w in ws for ws in named_in.values()) > len(named_in)}
    where: dict[str, set[str]] = {}
    figures = {c.id: {(v, u) for _, u, _, v, _ in _numbers(c.text)} for c in claims}
    for c in claims:
        if _OTHER_TIME.search(c.text):
            continue  # "had 1,900 points before the season": a count of another time
        for shown, unit, _, value, bound in _numbers(c.text):
            if unit or bound == RANGE_START:
                continue
            chunk = _figure_tokens(docs.get(c.article), c, shown)
            found = _count_of_one_owner(chunk[-1]) if chunk else None
            if found is not None:
                counts.append((c, shown, found, (value, bound)))
                where[f"{c.id} {shown}"] = _places_of_count(chunk[-1], found[0] == "destroyed") - story_places
    # The things each owner is told to have: a count told without its noun ("who now has
    # 2,004") is of the one thing, when only one is told.
    nouns_had: dict[str, set[str]] = {}
    for _, _, (kind, thing, owner, _), _ in counts:
        for w in owner if kind == "has" and thing else ():
            nouns_had.setdefault(w, set()).add(thing)
    conflicts: dict[tuple[str, str, str], dict[str, tuple[Claim, str]]] = {}
    conflicts_words: dict[tuple[str, str, str], tuple[str, set[str]]] = {}
    for i, (a, shown_a, (kind_a, thing_a, owner_a, word_a), value_a) in enumerate(counts):
        for b, shown_b, (kind_b, thing_b, owner_b, word_b), value_b in counts[i + 1 :]:
            if a.article == b.article or kind_a != kind_b or _compatible(value_a, value_b):
                continue
            day_a, day_b = (days or {}).get(a.article), (days or {}).get(b.article)
            if day_a and day_b and abs((day_a - day_b).days) >= UPDATED_AFTER_DAYS:
                continue
            if thing_a != thing_b and not (kind_a == "has" and not (thing_a and thing_b) and owner_a & owner_b
                                           and len(nouns_had.get(min(owner_a & owner_b), ())) <= 1):
                continue  # "has 20 points" / "has 12 rebounds"; "has 2,040" is the one count told of its owner
            if kind_a != "destroyed" and not owner_a & owner_b:
                continue
            if (value_a[0], "") in figures[b.id] or (value_b[0], "") in figures[a.id]:
                continue  # both figures in both sentences: two things counted
            if where[f"{a.id} {shown_a}"] - set(content_words(b.text)) or where[f"{b.id} {shown_b}"] - set(content_words(a.text)):
                continue  # "leveled seven villages in Lusk" / "four villages in Tarn"
            key = (kind_a, thing_a or thing_b, min(owner_a & owner_b) if owner_a & owner_b else "")
            versions = conflicts.setdefault(key, {})
            versions.setdefault(f"{a.id} {shown_a}", (a, shown_a))
            versions.setdefault(f"{b.id} {shown_b}", (b, shown_b))
            conflicts_words.setdefault(key, (word_a or word_b, owner_a & owner_b))
    # "has 2,302" and "has 2,301 points": a count told without its noun is the one count of
    # that owner told with one, when there is only one.
    for kind, thing, owner in [k for k in conflicts if k[0] == "has" and not k[1]]:
        told = [k for k in conflicts if k[0] == "has" and k[1] and k[2] == owner]
        if len(told) == 1:
            for version, cited in conflicts.pop((kind, thing, owner)).items():
                conflicts[told[0]].setdefault(version, cited)
    for key, versions in sorted(conflicts.items()):
        kind, _, _ = key
        word, owner = conflicts_words[key]
        # "Tal Orrin's record": the name without its possessive ending.
        name = _holder_named(set(owner), [re.sub(r"['’]s\b", "", c.text) for c, _ in versions.values()]) if owner else ""
        counted = {"has": f"of {word} {name} has" if word else f"for what {name} has",
                   "of": f"for {name}'s {word}", "destroyed": f"of {word} destroyed"}[kind]
        _report_counts(add, counted, versions)


def _places_of_count(number: Any, destroyed: bool) -> set[str]:
    """The places the things counted are told to be in ("seven villages in Ostland's south"),
    or, for things destroyed, where the verb says they were ("three villages were
    destroyed in Tarn"), leaving out the doer ("the quake in Lund")."""
    counted = number.head if number.dep_ == "nummod" else number
    tokens = list(counted.subtree)
    if destroyed:
        doer = {t.i for c in counted.head.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
        tokens += [t for t in counted.head.subtree if t.i not in doer]
    # Any proper noun: the tagger may miss a small town ("three villages in Tarn").
    return {w for t in tokens if t.ent_type_ in _PLACES or t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")
            for w in content_words(t.text)}
