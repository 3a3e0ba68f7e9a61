"""Figures read from a sentence (bounds, estimates, ranges, units, currencies) and the helpers every count finding shares."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..align.words import content_words
from ..model import Claim, DiscrepancyKind
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
#: An estimate from below: "almost 90 percent" is a little under 90, so a figure above it
#: ("93.87 percent") disagrees however close, where "about 90" would agree with it.
ALMOST = re.compile(r"(?<![\w-])(nearly|almost|just under|just short of|just shy of)\s+$")
#: An estimate ("about 300") agrees with figures this close to it.
ESTIMATE_TOLERANCE = 0.1
#: Content words this close to a number say what it counts.
NUMBER_WINDOW = 4

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
        bound = "min" if LOWER_BOUND.search(head) or LOWER_BOUND_OF_LIST.search(head) else "max" if UPPER_BOUND.search(head) else "almost" if ALMOST.search(head) \
            else "about" if ESTIMATE.search(head) else "exact"
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
    figures inside it; an estimate from below ("almost 90") not with an exact figure above it."""
    (a, ba), (b, bb) = x, y
    if a == b:
        return True
    if ba == "almost" and bb == "exact" and b > a or bb == "almost" and ba == "exact" and a > b:
        return False
    estimates = ("about", "almost")
    if (ba in estimates or bb in estimates) and abs(a - b) <= ESTIMATE_TOLERANCE * max(a, b):
        return True
    if ba == "min" and bb == "min" or ba == "max" and bb == "max":
        return True
    told = ("exact", *estimates)
    if ba in told and bb in told:
        return False
    low = [v for v, bound in (x, y) if bound == "min"]
    high = [v for v, bound in (x, y) if bound == "max"]
    exact = [v for v, bound in (x, y) if bound in told]
    return all(e >= l for e in exact for l in low) and all(e <= h for e in exact for h in high) and all(l <= h for l in low for h in high)


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


def _figure_tokens(doc: Any, claim: Claim, shown: str) -> Any:
    """The parsed tokens of a figure as the claim shows it, found as a whole word ("63" in
    "Varga has 163 and Holm has 63" is the last figure, not the end of "163"), or None (no
    parse, not found)."""
    found = re.search(r"(?<![\w.,])" + re.escape(shown.lower()) + r"(?![\w]|[.,]\d)", claim.text.lower())
    if doc is None or found is None:
        return None
    return doc.char_span(claim.span[0] + found.start(), claim.span[0] + found.end(), alignment_mode="expand")


def bare_count_tokens(claims: Sequence[Claim], docs: dict[str, Any]) -> Iterator[tuple[Claim, str, float, str | None, Any]]:
    """Each bare count of the claims (no unit, not the start of a range) with its last parsed
    token, leaving out sentences told of another time ("had 1,900 points before the
    season"): (claim, figure as shown, value, bound, token)."""
    for c in claims:
        if _OTHER_TIME.search(c.text):
            continue
        for shown, unit, _, value, bound in _numbers(c.text):
            if unit or bound == RANGE_START:
                continue
            chunk = _figure_tokens(docs.get(c.article), c, shown)
            if chunk:
                yield c, shown, value, bound, chunk[-1]


#: A year or a month named in full: it dates what a sentence tells.
_OCCASION = re.compile(r"\b(?:1[89]\d\d|20\d\d|" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)


QUANTIFIERS = frozenset({"more", "than", "about", "least", "nearly", "almost", "around", "some", "over", "under", "up", "down",
                         "fewer", "less", "roughly", "approximately", "estimat", "close"})
#: Words placing a count at another time than the story's: "a quake in March killed
#: four", "killed 900 in 1999", "over the past week".
_OTHER_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d|" + "|".join(m for m in MONTHS if len(m) > 3) + r"|ago|last|previous|"
                         r"earlier|former|past|since|so far|until|before)\b", re.I)
_MODALS = frozenset({"could", "may", "might", "would", "should", "can", "will"})


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


def _holder_named(holder: set[str], texts: Sequence[str]) -> str:
    """The holder's name as printed: the longest run of words, each one of the holder's
    (compared as content words: "Herons" is "heron")."""
    return _longest_run((re.findall(r"[\w'’-]+", text) for text in texts),
                        lambda word: bool(content_words(word)) and set(content_words(word)) <= holder) or "one holder"
