"""The words and pattern pieces of time expressions, and the small helpers every date rule shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Literal, Sequence, TypeAlias


Tense = Literal["past", "future"]
#: The tense a parse gives the clause holding ``text[start:end]``: "past", "present",
#: "future", or None when it cannot tell (and the readings of :mod:`.clause_tense`:
#: "perfect", "possible", "ahead", "set").
ClauseTense: TypeAlias = Callable[[int, int], "str | None"]
#: The parse's readings of a clause told in the past: a present perfect ("has won") tells of
#: what is done as the simple past does.
PAST_READINGS = ("past", "perfect")


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
#: TimeML part-of-day suffixes.
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
#: Season -> (TimeML code, index in the year's cycle; winter of year Y = Dec Y .. Feb Y+1).
SEASONS = {"spring": ("SP", 0), "summer": ("SU", 1), "fall": ("FA", 2), "autumn": ("FA", 2),
           "winter": ("WI", 3)}
#: Calendar/duration units -> TimeML duration letter and whether it is a time (PT...) unit.
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
#: How many of the base unit a unit is, when a count is folded into a simpler unit
#: (the TempEval-3 gold writes "a decade" as P10Y, a fortnight is two weeks).
UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100}
SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "a": 1, "an": 1, "couple": 2, "dozen": 12, "hundred": 100,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
#: Quantity words that make a duration vague: TimeML writes the count as X (PXY).
VAGUE_NUMBERS = {"few", "several", "many", "some", "numerous", "multiple", "dozens", "hundreds",
                 "thousands", "countless"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "twenty-first": 21}
#: Fixed-date holidays (month, day); movable feasts are left out (need a calendar).
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
            "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
            "valentine's day": (2, 14), "boxing day": (12, 26)}


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first (so "sept" wins over "sep")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Building blocks of the patterns below (all compiled case-insensitively; builders re-check
# capitalisation where it matters, e.g. "May" the month vs "may" the modal verb).
MONTH_RE = rf"(?:{_alt(k for k in MONTHS if len(k) > 3 or k == 'may')}|(?:{_alt(k for k in MONTHS if len(k) <= 4 and k != 'may')})\.?)"
MONTH_FULL_RE = _alt(k for k in MONTHS if len(k) > 3 or k == "may")
WEEKDAY_RE = _alt(WEEKDAYS)
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
WORD_NUMBER_RE = rf"(?:(?:{_alt(TENS)})(?:[- ](?:{_alt(k for k, v in SMALL_NUMBERS.items() if v < 10 and len(k) > 2)}))?|{_alt(k for k in SMALL_NUMBERS if k not in ('a', 'an', 'couple', 'dozen', 'hundred'))})"
NUMBER_RE = rf"(?:\d+(?:\.\d+)?|{WORD_NUMBER_RE}|a\s+couple\s+of|a\s+dozen|a\s+few|a\s+hundred|{_alt(VAGUE_NUMBERS)}(?:\s+of)?)"
UNIT_RE = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"
PART_RE = _alt(PARTS_OF_DAY)
SEASON_RE = _alt(SEASONS)
#: Temporal modifiers that are part of the extent ("early December", "the end of 2012").
MOD_RE = r"(?:(?:early|late|mid)(?:-|\s+)|(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+)"
TZ_RE = r"(?:GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|local\s+time)"
#: Left/right word boundaries that also refuse hyphen/slash/digit-glued neighbours.
L = r"(?<![\w/$£€#@-])"
R = r"(?![\w-]*\d)(?!\w)"


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

@dataclass
class _Ctx:
    """What a rule builder can see: the text, the anchor and the caller's options."""

    text: str
    anchor: dt.date | None
    lower_bound: bool
    tense_hint: Tense | None
    weekdays_ahead: bool = False
    clause_tense: ClauseTense | None = None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    type: str
    value: str | None
    day_offset: int | None = None
    relative: bool = False
    floating: bool = False   # a clock time whose date was taken from the anchor, not the text


#: What a rule builder returns: the expressions found, or None to reject the match (its
#: context says it is no time expression).
_Built: TypeAlias = Sequence[_Found] | _Found | None
Build = Callable[[re.Match, _Ctx], _Built]


def _number(s: str | None) -> float | None:
    """Parse "24", "two", "twenty-four", "a", "a couple of"; None for vague quantities."""
    if s is None:
        return 1
    w = re.sub(r"\s+", " ", s.lower().strip())
    w = re.sub(r"\s+of$", "", w)
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in ("a couple", "couple"):
        return 2
    if w in ("a dozen", "dozen"):
        return 12
    if w == "a hundred":
        return 100
    if w in SMALL_NUMBERS:
        return SMALL_NUMBERS[w]
    m = re.fullmatch(rf"({_alt(TENS)})(?:[- ](\w+))?", w)
    if m:
        return TENS[m.group(1)] + (SMALL_NUMBERS.get(m.group(2), 0) if m.group(2) else 0)
    return None  # few, several, many ...


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _unit_key(unit: str) -> str:
    u = unit.lower().rstrip("s")
    return "century" if u.startswith("centur") else u


def _duration_value(n: float | None, unit: str) -> str:
    """TimeML duration value: P24Y, PT2H, PXM, P10Y for one decade, PXDE for "decades"."""
    key = _unit_key(unit)
    letter, is_time = UNITS[key]
    if n is None:
        return ("PTX" if is_time else "PX") + letter
    if key in UNIT_FACTOR:
        n, letter = n * UNIT_FACTOR[key], ("W" if key == "fortnight" else "Y")
    return ("PT" if is_time else "P") + _fmt_num(n) + letter


def _shift_months(d: dt.date, months: int) -> tuple[int, int]:
    idx = d.year * 12 + d.month - 1 + months
    return idx // 12, idx % 12 + 1


def iso_week(d: dt.date) -> str:
    """The ISO week a day is in, as TIMEX3 writes it: "2016-W30"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _is_cap(s: str) -> bool:
    return s[:1].isupper()


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’.$%-]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


#: Abbreviations a full stop ends without ending the sentence: "would defeat Mr. Trump in
#: November" is one clause, whose "would" still governs the month.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr gov sen rep st gen lt col sgt capt prof rev jr sr "
                                "pres supt insp cmdr adm maj gens sens reps govs".split())
#: The word a full stop closes: "Mr" in "Mr. Trump", "J" in "Donald J. Trump".
_WORD_BEFORE_STOP = re.compile(r"(?<![\w.])([A-Za-z]+)\.$")


def _ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``text[stop]`` closes a title or an initial ("Mr.", "J.")."""
    m = _WORD_BEFORE_STOP.search(text, max(0, stop - 12), stop + 1)
    if m is None or text[stop] != ".":
        return False
    word = m.group(1)
    return word.lower() in TITLE_ABBREVIATIONS or (len(word) == 1 and word.isupper())


#: A sentence's end: a stop before a capital (maybe after a closing mark), or a line break.
_SENTENCE_BREAK = re.compile(r"(?:[.!?][\"'”’)]?\s+(?=[\"“'‘(]?[A-Z])|\n)")


def _sentence_start(text: str, pos: int) -> int:
    cut = 0
    lo = max(0, pos - 300)
    # (the capital opening a sentence may be the first letter at ``pos``: "… a year. Today, …")
    for m in _SENTENCE_BREAK.finditer(text, lo, min(len(text), pos + 2)):
        if m.end() <= pos and not _ends_abbreviation(text, m.start()):
            cut = m.end()
    return cut


def _at_sentence_start(text: str, pos: int) -> bool:
    return not text[_sentence_start(text, pos):pos].strip(" \"“'‘(")


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
#: Opening and closing double quotation marks.
_OPENING_QUOTES, _CLOSING_QUOTES = "“", "”"


def _inside_quotation(text: str, sentence: int, pos: int) -> bool:
    """Whether ``pos`` lies inside double quotation marks opened in its sentence."""
    before = text[sentence:pos]
    curly = before.count(_OPENING_QUOTES) - before.count(_CLOSING_QUOTES)
    return curly > 0 or before.count('"') % 2 == 1 or before.count("``") > before.count("''")


#: A full stop ending a sentence; that of "a.m." or "p.m." only before a capital.
_SENTENCE_STOP = re.compile(r"(?<![aApP]\.[mM])[.!?](?:\s|$)|(?<=[aApP]\.[mM])\.(?:\s+(?=[A-Z\"“‘'])|$)")


def _sentence_of(text: str, pos: int) -> str:
    """The sentence around ``pos`` (up to its first full stop after ``pos``)."""
    start = _sentence_start(text, pos)
    stop = _SENTENCE_STOP.search(text[pos:pos + 300])
    return text[start:pos + stop.start() if stop else pos + 300]
