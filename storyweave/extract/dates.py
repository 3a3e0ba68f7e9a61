"""Time expressions (TIMEX3): find them in news text and normalise them to ISO-8601 values.

Pure Python, no NLP model: a table of small patterns (``RULES``), each with a builder that
checks its context and computes a TimeML ``type`` and ``value``. All rules run over the text,
overlapping candidates are resolved longest-first, and anchor-relative expressions are
resolved against the article's publication date (the *anchor*) with news conventions:

* "today" / "tonight" / "this morning" = anchor, "yesterday" = anchor - 1, "tomorrow" = + 1;
* a bare weekday is the nearest such day on or before the anchor in past-tense sentences (the
  default in news), on or after it when a future cue ("will", "is to", "next", "until" ...)
  comes just before; when the anchor is only a lower bound of the real publication date, the
  first such day on or after the anchor;
* a month without a year takes the anchor's year, moved back (past) or forward (future) a
  year when that year would put it on the wrong side of the anchor.

Extents follow the TimeML / TempEval-3 conventions: prepositions ("on", "in", "since") and
quantity modifiers ("about", "more than") are left out; determiners and temporal modifiers
("the past two years", "early December", "a mere 24 hours", "six years ago") are kept.
Without an anchor nothing anchor-relative is guessed: the expression is returned with
``value=None`` (months without a year get the TimeML underspecified ``XXXX-MM``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Literal, Sequence, TypeAlias

from .._text import DATELINE_WORDS

__all__ = ["TimeExpression", "find_time_expressions", "latest_explicit_date", "stated_day", "value_start", "wire_dateline_day"]

Tense = Literal["past", "future"]
#: The tense a parse gives the clause holding ``text[start:end]``: "past", "present",
#: "future", or None when it cannot tell (and the readings of :mod:`.clause_tense`:
#: "perfect", "possible", "ahead", "set").
ClauseTense: TypeAlias = Callable[[int, int], "str | None"]
#: The parse's readings of a clause told in the past: a present perfect ("has won") tells of
#: what is done as the simple past does.
PAST_READINGS = ("past", "perfect")


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text.

    Attributes:
        text: The expression as written.
        span: ``(start, end)`` character offsets into the text given.
        type: TIMEX3 type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: TIMEX3 value (``2024-06-19``, ``2024-06``, ``2024-W25``, ``P24Y``,
            ``PRESENT_REF``, ``XXXX-09`` ...), or ``None`` when it cannot be resolved.
        day_offset: For expressions of one day relative to the anchor (today 0, yesterday -1,
            "on Wednesday" ...), the offset in days from the anchor; else ``None``.
        relative: True when the value depends on the anchor.
    """

    text: str
    span: tuple[int, int]
    type: str
    value: str | None
    day_offset: int | None = None
    relative: bool = False


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


# Cues for the tense of the clause around an expression. The nearest cue before the
# expression decides; with none before it, the clause after it is looked at; the default is
# the past, as in most news reports.
FUTURE_CUES = re.compile(
    r"\b(?:will|won['’]t|shall|would|['’]ll|going\s+to|(?:is|are|was|were)\s+to|(?:must|(?-i:may|might))(?!\s+have\b)|could(?!\s+(?:have|not|never)\b)|(?:has|have)\s+to|(?:plans?|planned|"
    r"set|expected|scheduled|due|poised|slated|hopes?|aims?|aiming|intends?|seeks?|seeking|vow(?:s|ed)?|"
    r"pledge[sd]?|promise[sd]?)\s+to|due\s+(?:in|on|by)|(?:scheduled|slated|planned)\s+for|"
    r"next|upcoming|until|till|postponed|delayed|adjourned|"
    # "with the deadline just weeks away, Sept. 14"
    r"(?:hours?|days?|weeks?|months?)\s+away|"
    # A condition in the present is ahead: "if he wins in Washington on Saturday".
    r"if|"
    # A hearing or a return someone is bound or remanded to: "remanded in custody to appear
    # before the court on 19 August" is ahead of the report, whatever "remanded" says.
    r"to\s+(?:appear|face|stand\s+trial|be\s+(?:sentenced|arraigned|tried|released|heard)|return|resume))\b", re.I)
PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|(?:was|were|had|did)n['’]t|ago|last|began|came|went|took|met|left|saw|"
    r"gave|became|fell|rose|wrote|spoke|broke|fled|"
    # a refusal to speak is what someone did: "wouldn't say Tuesday how …"
    r"(?:would\s+not|wouldn['’]t)\s+(?:say|comment|discuss|elaborate|confirm|specify|reveal|disclose|answer|detail)|"
    # a participle after "be" is passive, not past ("will be held on December 15")
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bget )"
    r"(?:said|told|made|got|found|held|won(?!['’]t\b)|lost|sold|brought|paid|sent|spent|led|struck|"
    # ("a contested convention", "the embattled mayor", "two million unemployed dockers" are
    # adjectives, and "the United States" a name, no verbs; a verb in "-ed" is written in
    # small letters)
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\d )(?<!million )(?<!billion )(?<!thousand )(?<!hundred )"
    r"(?!(?:expected|scheduled|planned|slated|poised)\b)(?-i:[a-z]{3,}ed)(?!\s+by\b)|"
    # ("followed by a stop at Whitby" is a participle with its agent, no verb of its own)
    r"died|lied|tied))\b",
    re.I)


# "since their Oct. 13 debate": what something counts from lies before the report,
# whatever the tense of the clause.
_SINCE = re.compile(r"\bsince\s+(?:[\w’'-]+\s+){0,2}$", re.I)
# "The primary is June 14", "the vote is on Tuesday", "a memorial is planned Friday": a day
# something is set for.
_IS_ON = re.compile(r"\b(?:is|are)\s+(?:on\s+|(?:set|planned|scheduled|slated)\s+(?:for\s+|on\s+)?)?$")


#: Future cues that only bound a time ("until May"): ahead of a present, not of a past.
_UP_TO = frozenset({"until", "till"})

#: Future cues that are adjectives of a noun, not of the clause's verb.
_NOUN_CUES = frozenset({"next", "upcoming"})

#: A present "is/are" or an infinitive: a clause of its own opens between a past cue and a
#: date ("to the", "to Paris" are places, not infinitives).
_CLAUSE_OF_ITS_OWN = re.compile(r"\b(?:is|are|am)\b|\bto\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)[a-z]+\b")

#: A sentence opening with a condition, whose first clause tells what may come ("Whether the
#: levy passes or fails in May, the council will …" weighs two outcomes still to come).
_OPENING_CONDITION = re.compile(r"[\"“'‘(]?(?:If|Unless|Should|Whether)\s")


#: A clause joined by "but", "yet" or a semicolon: the cues before it are another clause's.
_COORDINATE_CLAUSE = re.compile(r"(?:,\s*(?:but|yet)|;)\s+")


def _clause_start(text: str, start: int) -> int:
    """Where the words read for the tense of a date at ``start`` begin: its sentence, at
    most 90 characters back, and after a "but" joining another clause ("the ferry will sail,
    but on Thursday the port closed …": the sailing is not Thursday's)."""
    s0 = max(_sentence_start(text, start), start - 90)
    joins = list(_COORDINATE_CLAUSE.finditer(text, s0, start))
    return joins[-1].end() if joins else s0


def _tense_before(text: str, start: int) -> Tense | None:
    """The tense the nearest cue before ``start`` in its clause gives, or None without one."""
    s0 = _clause_start(text, start)
    window = text[s0:start]
    futures = list(FUTURE_CUES.finditer(window))
    past = [m.end() for m in PAST_CUES.finditer(window)]
    if futures and futures[-1].group().lower() in _UP_TO and max(past, default=-1) > max(
            (m.end() for m in futures[:-1]), default=-1):
        # "had rented the dock until May": what a past verb says lasted up to a time
        # ended then; "until" looks ahead only from a present or a future.
        futures.pop()
    fut = [m.end() for m in futures]
    if fut or past:
        if max(past, default=-1) > max(fut, default=-1) and _CLAUSE_OF_ITS_OWN.search(window, max(past)):
            # "routes the city has not authorized are planned for … July 18", "vowed Tuesday
            # to remain in the fight through the primary on June 7": the past verb tells of
            # another clause than the date's.
            return None
        return "future" if max(fut, default=-1) > max(past, default=-1) else "past"
    sentence = _sentence_start(text, start)
    if _OPENING_CONDITION.match(text, sentence) and "," not in text[sentence:start]:
        return "future"  # a long "If he follows up … with a win in Washington on Saturday,"
    return None


def _tense(ctx: _Ctx, start: int, end: int) -> Tense:
    """Guess the tense of the clause holding ``text[start:end]`` (past unless cued)."""
    return _cued_tense(ctx, start, end) or "past"


def _cued_tense(ctx: _Ctx, start: int, end: int) -> Tense | None:
    """The tense the words around ``text[start:end]`` give its clause; None when no word
    does (news is mostly past, but a clause with no cue may tell what is ahead)."""
    if ctx.tense_hint in ("past", "future"):
        return ctx.tense_hint
    text = ctx.text
    if _SINCE.search(text[max(0, start - 40) : start]):
        return "past"  # "will take the stage after a run of wins since their Oct. 13 debate"
    if _IS_ON.search(text[max(0, start - 20) : start]):
        return "future"  # "The District's primary is June 14": what is set for a day is ahead

    if _OPENING_UNTIL.fullmatch(text, _sentence_start(text, start), start) and ctx.clause_tense is not None \
            and ctx.clause_tense(start, end) in PAST_READINGS:
        # "Until Monday's ruling, the ferry firms were losing money": what a past clause
        # says held up to a time ended then ("until" looks ahead only from a present)
        return "past"
    before = _tense_before(text, start)
    if before == "past":
        return _after_a_past_cue(ctx, start, end)
    # A quotation's close ends its clause: the "he said" after it is the telling, not the told.
    after = re.split(r"[.;!?\"”]|''", text[end:end + 80], maxsplit=1)[0]
    if before == "future" and _NEXT_IN_A_SERIES.search(text, max(0, start - 40), start) and _past_verb_first(after):
        # "His next speech, on May 28, was delivered to …": "next" orders the speeches, the
        # verb after the date places them in time.
        return _after_a_past_cue(ctx, start, end)
    if before is not None:
        return before
    # After the expression, "next" and "upcoming" qualify a noun of their own ("On Monday
    # night, in an attempt to sway the next debate, …"): only a verb tells the clause's time.
    # "could" after it is a possibility of its own ("is campaigning Wednesday and could split
    # the vote"); before it, it governs the day ("could win California on Tuesday").
    fut = [m.start() for m in FUTURE_CUES.finditer(after) if m.group().lower() not in _NOUN_CUES | {"could"}]
    past = [m.start() for m in PAST_CUES.finditer(after)]
    # (unless the parse finds a past or present verb governing the date: "fumbled a question
    # on Sunday about how she would fund the pier", "By Monday morning the cleanup, if slow,
    # had begun", "is a dip after a weak August harvest, or a trend that will last": the cue
    # after it is another clause's)
    if fut and min(fut) < min(past, default=10**6) and not _told_in_another_tense(ctx, start, end):
        return "future"
    if past:
        return _after_a_past_cue(ctx, start, end)
    # With no cue word, the parse may still see the clause look ahead ("are not eligible to
    # vote in November", "the votes she needs in November"); a present or past reading is
    # left to the rules, as before.
    return "future" if ctx.clause_tense is not None and ctx.clause_tense(start, end) in ("future", "ahead") else None


#: "Until" opening a sentence right before its time: "Until Monday's ruling, …".
_OPENING_UNTIL = re.compile(r"[\"“'‘(]?(?:Until|Till|Up\s+until)\s+(?:(?:the|this|last)\s+)?")

#: "next" or "upcoming" qualifying a noun before a date set off after it: "His next
#: speech, on May 28, …" (the date is no part of the noun phrase, which "next" alone dates).
_NEXT_IN_A_SERIES = re.compile(r"\b(?:next|upcoming)\s+(?:[a-z-]+\s+){0,2}[a-z]{3,},\s+(?:on\s+|in\s+)?$", re.I)


def _past_verb_first(after: str) -> bool:
    """Whether a past cue comes before any future cue in the words after a date."""
    past = PAST_CUES.search(after)
    fut = FUTURE_CUES.search(after)
    return past is not None and (fut is None or past.start() < fut.start())


#: A plan or prospect told in the past tense: "the ferry was to dock on Monday", "the mayor
#: was set to sign the lease on Friday", "applicants were due to file by May 2", "the dockers
#: said they were likely to strike in November", "planned to speak on Friday".
_PLAN_TOLD_IN_THE_PAST = re.compile(
    r"\b(?:(?:was|were)(?:n['’]t|\s+not)?\s+(?:(?:also|still|already|originally|initially|widely|both|all)\s+)?"
    r"(?:(?:going|set|due|expected|scheduled|slated|poised|about|supposed|likely|unlikely|hoping|planning|ready|eager|"
    r"preparing)\s+)?to|(?:had|has|have)\s+been\s+(?:set|due|expected|scheduled|slated|poised|supposed|likely)\s+to|"
    r"(?:planned|hoped|intended|expected|wanted|aimed|vowed|pledged|promised)\s+to"
    # "mentioned a planned march on Saturday": a thing planned, whether the mention was before it
    r"|(?:a|an|the|its|his|her|their)\s+(?:planned|scheduled))\b", re.I)
#: "would" after a past verb is the future of that past ("said they would light the bridge on
#: Monday night"); "would have" is a past that did not happen.
_WOULD = re.compile(r"\b(?:would|wouldn['’]t)\b(?!\s+(?:not\s+)?have\b)", re.I)
#: A condition's "were to" ("if he were to win on Tuesday") is no plan told in the past.
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.I)


def _ahead_of_a_past_telling(text: str, start: int) -> bool:
    """Whether the date at ``start`` is the time of a plan or prospect told in the past
    tense, with no cue after it in the clause ("was set to sign the lease on Friday",
    "said they would light the bridge on Monday night"): it lies after a telling
    that was itself before the report, so it may be just gone as well as ahead, which the
    future tense read from the report's time does not allow."""
    s0 = _clause_start(text, start)
    window = text[s0:start]
    last_cue = max([m.end() for m in FUTURE_CUES.finditer(window)] + [m.end() for m in PAST_CUES.finditer(window)],
                   default=-1)
    plans = [m for m in _PLAN_TOLD_IN_THE_PAST.finditer(window) if not _CONDITION.search(window, 0, m.start())]
    if plans and plans[-1].end() >= last_cue:
        return True
    woulds = list(_WOULD.finditer(window))
    return bool(woulds) and woulds[-1].end() >= last_cue and bool(PAST_CUES.search(window, 0, woulds[-1].start()))


def _told_in_another_tense(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether the parse finds a verb in the past or the present governing the date."""
    return ctx.clause_tense is not None and ctx.clause_tense(start, end) in (*PAST_READINGS, "present")


def _after_a_past_cue(ctx: _Ctx, start: int, end: int) -> Tense | None:
    """The tense of a date's clause with a past cue word near it: the past, unless the
    parse puts the clause in the present (then no verb places the date) or the future, as
    the cue belongs to another clause ("Patrick predicted a win in Texas, which votes on
    March 1"; "… chose a candidate who can win in November")."""
    parsed = ctx.clause_tense(start, end) if ctx.clause_tense is not None else None
    return "future" if parsed in ("future", "possible", "ahead") else None if parsed in ("present", "set") else "past"


def _resolve_weekday(ctx: _Ctx, wd: int, start: int, end: int, det: str | None) -> dt.date | None:
    """Date of a bare or qualified weekday under the module's news conventions."""
    a = ctx.anchor
    if a is None:
        return None
    det = (det or "").lower()
    back = (a.weekday() - wd) % 7      # days back to the weekday, 0..6
    ahead = (wd - a.weekday()) % 7     # days ahead, 0..6
    if det == "last":
        return a - dt.timedelta(days=back or 7)
    if det == "next":
        return a + dt.timedelta(days=ahead or 7)
    if ctx.weekdays_ahead:
        return a + dt.timedelta(days=ahead)
    if ctx.tense_hint is None and _ahead_of_a_past_telling(ctx.text, start):
        # "The ferry was to dock on Monday", in Tuesday's paper: what was planned at a time
        # before the report lies after that time, the nearer day (were the docking ahead of
        # the report, the writer would say "is to dock").
        return a - dt.timedelta(days=back) if back <= ahead else a + dt.timedelta(days=ahead)
    if _EARLIER_OR_LATER.search(ctx.text, max(0, start - 10), start):
        # "when she visits later Monday", in Tuesday's paper: the day the writer was telling
        # of, which may be the day before the paper's date; the nearer one is meant.
        return a - dt.timedelta(days=back) if back <= ahead else a + dt.timedelta(days=ahead)
    if _a_past_event_of_the_day(ctx.text, start, end):
        # "the town will remember the stabbing in Leeds on Friday", "Friday's shooting", in a clause
        # looking ahead: the event has happened, as a past verb would say.
        return a - dt.timedelta(days=back)
    cued = _cued_tense(ctx, start, end)
    if cued == "future" and ctx.clause_tense is not None and ctx.clause_tense(start, end) == "ahead" \
            and _cued_tense(replace(ctx, clause_tense=None), start, end) != "future":
        # "the votes she needs Tuesday", with no future cue word: what a verb of need takes
        # is ahead, but a weekday beside it may be the day of the telling ("said the union
        # doesn't want that, in an interview Sunday"); the nearer one is meant.
        return a - dt.timedelta(days=back) if back < ahead else a + dt.timedelta(days=ahead)
    if cued is None and ctx.clause_tense is not None and ctx.clause_tense(start, end) == "set" and back != 1 \
            and not _NTH_OF_A_MONTH.search(ctx.text, max(0, start - 12), start):
        # "Wisconsin holds its primary Tuesday", "he speaks in Ohio on Friday": a report
        # tells what is done in the past tense; in the present, an act at a weekday is one
        # set for the coming day. (Not the day before a paper's date, often the day it was
        # written on: "is campaigning Wednesday" in Thursday's paper.)
        return a + dt.timedelta(days=ahead)
    # ("the town's runoff on Tuesday" names the day of a scheduled thing as "Tuesday's runoff" does)
    of_a_thing = _POSSESSIVE.match(ctx.text, end) or _SCHEDULED_ON.search(ctx.text, max(0, start - 30), start)
    uncued_thing = cued is None and of_a_thing and not _RUN_UP.search(ctx.text, max(0, start - 20), start)
    if cued != "future" and _after_a_forward_word(ctx.text, start) and back != 1 and ctx.clause_tense is not None \
            and ctx.clause_tense(start, end) in ("present", "perfect"):
        # "the mayor barnstorms the coast ahead of Tuesday's vote": what lies ahead of a present
        # is to come, as is what lies ahead of a present perfect, whose time runs up to the
        # report ("has spent heavily ahead of Tuesday's vote", "has become a second home for
        # her as she tours ahead of Tuesday's vote"). (Not the day before the paper's date,
        # often the day it was written on.)
        return a + dt.timedelta(days=ahead)
    if cued != "future" and (_after_a_forward_word(ctx.text, start) or uncued_thing):
        # "a tight race ahead of the Iowa caucuses on Monday", "challenged him to a debate
        # before Monday's caucus", "the situation she is facing in Tuesday's primary", "holds
        # a solid lead in Tuesday's primary": the day lies after the clause's time, which a
        # past verb does not put before the report; the nearer one is meant.
        return a - dt.timedelta(days=back) if back <= ahead else a + dt.timedelta(days=ahead)
    if (cued or "past") == "future":
        if _names_a_day_of_a_thing(ctx.text, start, end) and back < ahead and not _after_a_forward_word(ctx.text, start):
            # "Monday's ruling will reverberate", written on Tuesday: the clause's tense is
            # what the named thing does next, not when it happened; the nearer day is meant.
            # (What is to be done "before Tuesday's vote" is done ahead of a vote to come.)
            return a - dt.timedelta(days=back)
        return a + dt.timedelta(days=ahead)
    if (_FOR_A_THING.search(ctx.text, max(0, start - 40), start)
            or _DONE_FOR.search(ctx.text, max(0, start - 30), start) and _POSSESSIVE.match(ctx.text, end)) and ahead < back:
        # "didn't make the cut for the main stage Thursday": the day of what the place was
        # for, not of the verb; the nearer one is meant.
        return a + dt.timedelta(days=ahead)
    return a - dt.timedelta(days=back)


#: "the first Monday in September": a weekday counted in a month names a day of every year
#: ("which the town celebrates on the first Monday in September"), no day a present sets.
_NTH_OF_A_MONTH = re.compile(r"\b(?:first|second|third|fourth|last)\s+$", re.I)


#: Words that look forward from the clause's time to a day: "ahead of the caucuses on Monday",
#: "before Iowans kick off the voting Monday", "up to Monday night's caucuses".
#: ("the minutes leading up to Monday's caucuses", "in the run-up to" look back on a time as
#: often as forward: they are left to the clause's tense.)
_FORWARD_WORD = re.compile(r"\b(?:before|ahead\s+of|(?<!leading\s)(?<!run-)up\s+to|in\s+advance\s+of|prior\s+to)\s+"
                           r"((?:[\w’'.-]+\s+){0,6})$", re.I)


#: "in the minutes leading up to Monday's caucuses": a time told looking back as often as
#: forward, left to the default.
_RUN_UP = re.compile(r"\b(?:leading\s+up|run-up)\s+to\s+$", re.I)


def _after_a_forward_word(text: str, start: int) -> bool:
    """Whether a forward-looking word governs the day at ``start``, with no past verb of its
    own between them ("before Iowans voted Monday" is a day gone)."""
    m = _FORWARD_WORD.search(text, max(0, start - 80), start)
    return bool(m) and not PAST_CUES.search(m.group(1))


#: "for" and a noun before a weekday: "the cut for the main stage Thursday".
_FOR_A_THING = re.compile(r"\bfor\s+(?i:the|his|her|their|its|our)\s+(?:[a-z]+\s+)?[a-z]{3,}\s+$")
#: A participle and "for" right before a possessive weekday: "a segment recorded for Sunday's
#: show", "remarks prepared for Monday's meeting" (what was made for a thing to come; "the
#: crowd for Saturday's regatta" counts those of a thing gone).
_DONE_FOR = re.compile(r"\b[a-z]{3,}(?:ed|en)\s+for\s+$")
#: "later" or "earlier" before a weekday: "when she visits later Monday".
_EARLIER_OR_LATER = re.compile(r"\b(?:later|earlier)\s+$", re.I)
#: Nouns of violent events that are reported once they have happened ("the shooting on
#: Friday", "Friday's slaying"); a plan to attack is told with a verb, not with these.
PAST_EVENT_NOUNS = frozenset(
    """slaying slayings killing killings shooting shootings stabbing stabbings murder murders
    massacre bombing bombings crash explosion blast death deaths assassination ambush
    rampage""".split())
#: A noun of such an event, maybe with a place after it, before a weekday: "the stabbing in
#: Leeds on Friday", "the deadly shooting on Sunday".
_PAST_EVENT_BEFORE = re.compile(
    rf"\b(?i:the|a|an|this|that|his|her|their|its|[a-z]+['’]s)\s+(?:[A-Za-z-]+\s+){{0,2}}(?i:{_alt(PAST_EVENT_NOUNS)})"
    r"(?:\s+(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:,?\s+[A-Z][\w.’'-]*)*)?\s+(?:on\s+|last\s+)?$")
#: A possessive weekday before such a noun: "Friday's slaying", "Sunday's deadly shooting".
_PAST_EVENT_AFTER_DAY = re.compile(rf"['’]s\s+(?:[a-z-]+\s+)?(?i:{_alt(PAST_EVENT_NOUNS)})\b")


def _a_past_event_of_the_day(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``text[start:end]`` dates a violent event named by its noun
    ("the stabbing in Leeds on Friday", "Friday's shooting"), which has happened."""
    return bool(_PAST_EVENT_BEFORE.search(text, max(0, start - 80), start) or _PAST_EVENT_AFTER_DAY.match(text, end))


#: A possessive after a weekday: "Monday's ruling".
_POSSESSIVE = re.compile(r"['’]s\b")
#: A determiner and a noun before a weekday: "his address Sunday", "the vote Tuesday".
_THING_BEFORE = re.compile(r"\b(?i:the|his|her|their|its|our)\s+[a-z]{3,}\s+$")


def _names_a_day_of_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``text[start:end]`` dates a thing in the subject ("Monday's
    ruling", "his address Sunday … will be a topic"), not what the clause's verb does: with
    a cue before it ("will hold the meeting Monday") the verb governs it."""
    if _POSSESSIVE.match(text, end):
        return True
    if _DET_BEFORE.search(text, max(0, start - 30), start) and _NOUN_AFTER.match(text, end):
        return True  # "if he follows up his Tuesday wins"
    if _tense_before(text, start) is not None:
        return False
    if _THING_BEFORE.search(text, max(0, start - 30), start):
        return True
    # "Her victories in Pennsylvania and Delaware on Tuesday will only accelerate that shift":
    # the day of the results the subject names.
    return bool(_EVENT_SUBJECT.match(text[_sentence_start(text, start):start]))




#: Months ahead of the anchor within which a month no verb puts in the past is the coming one.
NEAR_MONTHS_AHEAD = 2
#: Months back within which the month of a plan told in the past ("was due in March") is the
#: one just gone; further back, the telling would be too old for the report.
PLANNED_MONTHS_BACK = 1


def _resolve_month(ctx: _Ctx, month: int, start: int, end: int, det: str | None,
                   day: int | None = None) -> tuple[int, bool] | None:
    """Year of a month (or month-day) written without a year: (year, is_relative)."""
    a = ctx.anchor
    if a is None:
        return None
    det = (det or "").lower()
    here = (month, day or 0)
    now = (a.month, a.day if day else 0)
    if det == "last":
        return (a.year if here < now else a.year - 1), True
    if det == "next":
        return (a.year if here > now else a.year + 1), True
    if det == "this":
        return a.year, True
    if day and _END_OF_THE_CURRENT_PERIOD.search(ctx.text, max(0, start - 80), start):
        # "this fiscal year, which ends June 30", written in January: the year under way
        # has not ended, its last day is the coming one
        return a.year + (here < now), True
    if ctx.tense_hint is None and _ahead_of_a_past_telling(ctx.text, start):
        # "were due to file by May 2" in June, "said they were likely to strike in
        # November" in March: after a telling shortly before the report; a day is the
        # nearest one, a month the coming one unless it is the month just gone.
        if day:
            return _nearest_year(a, month, day), True
        return (a.year - (month > a.month) if (a.month - month) % 12 <= PLANNED_MONTHS_BACK
                else a.year + (month < a.month)), True
    tense = _cued_tense(ctx, start, end)
    if tense == "future":
        return (a.year if here >= now else a.year + 1), True
    if day and _SCHEDULED_ON.search(ctx.text, max(0, start - 30), start) and _after_a_forward_word(ctx.text, start):
        # "topped the polls before the harbour caucus Feb. 1": the day names the scheduled thing
        # the clause looks forward to, not the time of its verb ("won the primary on April 5"
        # is the time of the verb)
        return _nearest_year(a, month, day), True
    if day and (tense is None or _names_a_thing(ctx.text, start, end) and not _a_thing_done(ctx.text, start, end, tense)) \
            and not _SINCE.search(ctx.text[max(0, start - 40):start]):
        # A day no verb puts in the past ("Trump is the favourite in Wisconsin's primary
        # April 5", written in March) is the nearest one; so is a day naming a thing.
        return _nearest_year(a, month, day), True
    if tense is None and day is None and 0 < (month - a.month) % 12 <= NEAR_MONTHS_AHEAD:
        # "tell us how much you love us in May or June or July", written in May: with no
        # verb to put it in the past, a month just ahead is the coming one, not last year's
        # (which a report would call "last June").
        return a.year + (month < a.month), True
    if tense is None and day is None and (month - a.month) % 12 <= SCHEDULED_MONTHS_AHEAD \
            and _a_present_looking_ahead(ctx, start, end):
        # "All roads lead to the harbour -- and November", "when the delegates get to Orsk in
        # July", written in March: a present with no word of the past tells of a month
        # months ahead as of the coming one (last year's would be told in the past)
        return a.year + (month < a.month), True
    return (a.year if here <= now else a.year - 1), True


def _a_present_looking_ahead(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a month's clause is in the simple present by its parse, with no word of the
    past (no past verb elsewhere in it that the parse overrules), the month naming no thing
    ("the late August release") and told after no word of what is over ("since her op-ed in
    May", "despite winning there in February", "after the massacre in June"), nor joined to a
    month before it ("the polls in February and October" are both the last ones)."""
    text = ctx.text
    if ctx.clause_tense is None or ctx.clause_tense(start, end) not in ("present", "set"):
        return False
    if _cued_tense(replace(ctx, clause_tense=None), start, end) is not None:
        return False
    names_a_thing = _DET_BEFORE.search(text, max(0, start - 30), start) \
        and not _IS_CONTRACTED.search(text, max(0, start - 12), start)
    return not (names_a_thing or _OVER_BEFORE.search(text, _clause_start(text, start), start)
                or _JOINED_TO_A_MONTH.search(text, max(0, start - 20), start))


#: A word of what is over, earlier in a month's clause: "since", "despite", "after", "following".
_OVER_BEFORE = re.compile(r"\b(?:since|despite|after|following)\b[^,;:]*$", re.I)
#: "is" written short after a pronoun, no possessive: "Then there's November".
_IS_CONTRACTED = re.compile(r"\b(?i:there|here|it|that|what|who|he|she)['’]s\s+$")
#: A month joined to a month before it: "in February and October".
_JOINED_TO_A_MONTH = re.compile(rf"\b{MONTH_RE}\s+(?:and|or)\s+$")


#: The end of a period under way: "this fiscal year, which ends June 30", "the current
#: session, ending June 30" (a year or session that has ended is no longer "this" one).
_END_OF_THE_CURRENT_PERIOD = re.compile(
    r"\b(?:this|the\s+current)\s+(?:[a-z]+\s+){0,2}(?:year|season|session|term|quarter)\b,?\s+"
    r"(?:(?:which|that)\s+)?(?:ends|closes|expires|ending|closing|runs\s+(?:through|to|until))\s+(?:on\s+)?$", re.I)


#: "the June 7 primary", "a Nov. 8 vote": a month and day naming a thing, after a determiner
#: and before a word in small letters that is no preposition or conjunction.
_DET_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her|our|next|whose)|\w['’]s)\s+"
                         r"(?:[a-z]+-[a-z-]+\s+)?$", re.I)  # "the delegate-packed April 19 primary"
# Names may stand between the date and its noun: "the Nov. 8 U.S. presidential election".
_NOUN_AFTER = re.compile(r"(?:\s+[A-Z][\w.’'-]*)*\s+(?!(?:and|or|to|through|at|in|on|of|by|for|from|with|when|as|that|which|"
                         r"until|till|but|after|before|is|was|will|would)\b)[a-z]{3,}\b")


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` modifies a noun after a determiner.

    Such a date is not governed by the tense of the clause: "have stepped up their visits
    ahead of the June 7 primary", written on May 26, is twelve days ahead, not a year back.
    """
    return bool(_DET_BEFORE.search(text, max(0, start - 30), start) and _NOUN_AFTER.match(text, end))


def _a_thing_done(text: str, start: int, end: int, tense: Tense | None) -> bool:
    """Whether a day naming a thing in a past clause dates something done ("his
    commitments included a May 11 speech", written in December: last May's), not something
    set ahead that the past clause looks to ("have stepped up their visits ahead of the
    June 7 primary", "engineered the leak to sway the Nov. 8 election")."""
    return tense == "past" and not _scheduled_noun_after(text, end) and not _after_a_forward_word(text, start) \
        and not _SET_IN_THE_PAST.match(text, end)


#: A past of scheduling after a day naming a thing, in its clause: "the mayor's Dec. 28 visit
#: was scheduled two weeks ago" (the thing was set for a day after the scheduling, which may
#: still be ahead).
_SET_IN_THE_PAST = re.compile(r"[^.;:!?]{0,60}?\b(?:was|were|had\s+been)\s+(?:scheduled|planned|slated|arranged|booked)\b")


def _nearest_year(anchor: dt.date, month: int, day: int) -> int:
    """The year putting month/day nearest the anchor ("June 7" on May 26 is 12 days ahead)."""
    def gap(year: int) -> int:
        d = _valid(year, month, day)
        return abs((d - anchor).days) if d else 10**6
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=gap)


def _season_value(ctx: _Ctx, season: str, start: int, end: int, det: str | None) -> str | None:
    code, idx = SEASONS[season.lower()]
    a = ctx.anchor
    if a is None:
        return None
    # ordinal of the season the anchor is in (winter of Y covers Dec Y .. Feb Y+1)
    cur_year = a.year - 1 if a.month <= 2 else a.year
    cur_idx = {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2}.get(a.month, 3)
    cur = cur_year * 4 + cur_idx
    det = (det or "").lower()
    candidates = [(y * 4 + idx) for y in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if det == "last":
        o = max(c for c in candidates if c < cur)
    elif det == "next":
        o = min(c for c in candidates if c > cur)
    elif det == "this" and cur_idx == idx:
        o = cur
    elif _tense(ctx, start, end) == "future" or det == "this" and idx > cur_idx:
        o = min(c for c in candidates if c >= cur)
    else:
        o = max(c for c in candidates if c <= cur)
    return f"{o // 4}-{code}"


def _days_from_anchor(d: dt.date, ctx: _Ctx) -> int | None:
    return (d - ctx.anchor).days if ctx.anchor is not None else None


def _day_found(ctx: _Ctx, start: int, end: int, offset: int | None, typ: str = "DATE",
               suffix: str = "") -> _Found:
    """A one-day expression at ``offset`` days from the anchor (value None without anchor,
    or when the anchor is only a lower bound: "today" is then some day not before it)."""
    if ctx.anchor is None or offset is None or ctx.lower_bound:
        return _Found(start, end, typ, None, offset, True)
    d = ctx.anchor + dt.timedelta(days=offset)
    return _Found(start, end, typ, d.isoformat() + suffix, offset, True)


# --------------------------------------------------------------------------------------------
# Rule builders. Each takes the match and the context and returns found expressions, or None
# to reject the match (context says it is not a time expression).
# --------------------------------------------------------------------------------------------

_Built: TypeAlias = Sequence[_Found] | _Found | None
Build = Callable[[re.Match, _Ctx], _Built]


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _day_num(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _b_iso(m: re.Match, ctx: _Ctx) -> _Built:
    d = _valid(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{m['h']}:{m['mi']}")
    return _Found(m.start(), m.end(), "DATE", d.isoformat())


def _b_slash(m: re.Match, ctx: _Ctx) -> _Built:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    if a > 12 and b <= 12:      # unambiguous day/month (European order)
        d = _valid(y, b, a)
    elif b > 12 and a <= 12:    # unambiguous month/day (US order)
        d = _valid(y, a, b)
    elif a <= 12 and b <= 12:   # 03/04/2024: either order; do not guess
        return _Found(m.start(), m.end(), "DATE", None)
    else:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat()) if d else None


def _b_full_date(m: re.Match, ctx: _Ctx) -> _Built:
    """"June 18, 2024", "18 June 2024", "Wednesday, June 19, 2024"."""
    if not _is_cap(m["mon"]):
        return None
    d = _valid(int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], _day_num(m["d"]))
    return _Found(m.start(), m.end(), "DATE", d.isoformat()) if d else None


def _b_month_day(m: re.Match, ctx: _Ctx) -> _Built:
    """"June 18", "18 June", "on Wednesday, June 19" (year from the anchor)."""
    mon = m["mon"]
    if not _is_cap(mon):
        return None
    if mon.lower() in ("may", "march") and m["d"] and not re.match(r"\d", m["d"]):
        return None
    # "June 18 2.5%" / "May 5,000": the number belongs to something else
    if re.match(r"\s*(?:%|percent|per\s+cent|million|billion|people|[,.]\d)", ctx.text[m.end():m.end() + 10]):
        return None
    month, day = MONTHS[mon.lower().rstrip(".")], _day_num(m["d"])
    if not 1 <= day <= 31:
        return None
    res = _resolve_month(ctx, month, m.start(), m.end(), None, day)
    if res is not None and ctx.anchor is not None and (_PAST_EVENT_AFTER.match(ctx.text, m.end())
                                                       or _PAST_EVENT_BEFORE.search(ctx.text, max(0, m.start() - 80), m.start())):
        # "after the Sept. 11 terrorist attacks", "the harbour massacre on June 12": an attack
        # named by its day has happened; one more than half a year back is named by a day of
        # some year the text does not give.
        gone = _valid(ctx.anchor.year - ((month, day) > (ctx.anchor.month, ctx.anchor.day)), month, day)
        res = (gone.year, True) if gone and (ctx.anchor - gone).days <= RECENT_EVENT_DAYS else None
    if res is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", None, True)
    d = _valid(res[0], month, day)
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), _days_from_anchor(d, ctx), True)


#: Nouns of events that can only have happened, after a month and day: "the Sept. 11 terrorist
#: attacks", "the Nov. 13 shootings".
_PAST_EVENT_AFTER = re.compile(r"(?:\s+[a-z-]+)?\s+(?:attacks?|bombings?|shootings?|massacres?|killings?|"
                               r"crash(?:es)?|explosions?|blasts?|riots?|ambush(?:es)?|hijackings?)\b")
#: How far back a day naming such an event may lie and still be taken for this year's or last.
RECENT_EVENT_DAYS = 183


def _b_month_year(m: re.Match, ctx: _Ctx) -> _Built:
    """"May 2010", "February 2022", "early June 2024", "March of 2003"."""
    if not _is_cap(m["mon"]):
        return None
    return _Found(m.start(), m.end(), "DATE", f"{m['y']}-{MONTHS[m['mon'].lower().rstrip('.')]:02d}")


def _b_month_of_relative_year(m: re.Match, ctx: _Ctx) -> _Built:
    """"January of last year", "June 5 of next year", "late March of this year": one date,
    the month (and day) in the year named relative to the anchor."""
    if not _is_cap(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower().rstrip(".")]
    if ctx.anchor is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    if not m["d"]:
        return _Found(m.start(), m.end(), "DATE", f"{year}-{month:02d}", None, True)
    d = _valid(year, month, _day_num(m["d"]))
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), _days_from_anchor(d, ctx), True)


#: Words before a bare "May"/"March" that make it the month, not the verb/noun.
MONTH_CONTEXT = {"in", "last", "next", "this", "early", "late", "mid", "since", "until", "till",
                 "by", "through", "before", "after", "from", "during", "of", "between", "and",
                 "or", "to", "that", "each", "every", "throughout"}


#: Words of time that "and"/"or" may join a month to: "between now and March".
_TIME_WORDS = frozenset("now then today tomorrow year month week spring summer fall winter".split())


def _joined_to_a_non_month(text: str, start: int, prev: str) -> bool:
    """Whether "and"/"or" before "May"/"March" joins it to something other than a month ("the
    Coalition to Stop Trump and March on the RNC"), so that it says nothing of a month
    ("in April and May" does)."""
    if prev not in ("and", "or"):
        return False
    before = re.search(r"([\w.]+)\W+(?:and|or)\W*$", text[max(0, start - 40):start], re.I)
    word = before.group(1).lower().rstrip(".") if before else ""
    return not (word in MONTHS or word in WEEKDAYS or word in SEASONS or word in _TIME_WORDS or word[:1].isdigit())


def _b_bare_month(m: re.Match, ctx: _Ctx) -> _Built:
    """A month name alone: "in September", "late last July", "early December"."""
    mon = m["mon"]
    if not _is_cap(mon):
        return None
    prev = _prev_word(ctx.text, m.start())
    has_ctx = bool(m["mod"] or m["det"]) or prev in MONTH_CONTEXT
    if mon.lower() in ("may", "march") and (not has_ctx or _joined_to_a_non_month(ctx.text, m.start(), prev)):
        return None   # "May could ..." (modal), "March on Washington", "Stop Trump and March on the RNC"
    nxt = ctx.text[m.end():m.end() + 20]
    # "June Carter", "August Wilson": a following capitalised name makes it a given name
    if not has_ctx and re.match(r"\s+[A-Z][a-z]", nxt) and not re.match(rf"\s+(?:{WEEKDAY_RE})\b", nxt):
        return None
    if not has_ctx and _at_sentence_start(ctx.text, m.start()) and re.match(r"\s+(?:is|was|has|said|says)\b", nxt):
        return None   # "June said ..." sentence-initial name
    month = MONTHS[mon.lower()]
    # ("said that November is …" is a conjunction and a month of its own)
    told_year = _year_told_before(ctx.text, m.start()) \
        if prev == "that" and not m["det"] and not _SUBJECT_OF_VERB.match(nxt) else None
    if told_year is not None:
        # "riots at the 1968 convention contributed to Humphrey's loss that November": the
        # month of the year the story is telling of, not of the report's.
        return _Found(m.start(), m.end(), "DATE", f"{told_year}-{month:02d}")
    cued = _cued_tense(ctx, m.start(), m.end())
    names_a_thing = _POSSESSIVE.match(ctx.text, m.end()) or (
        (_names_a_thing(ctx.text, m.start(), m.end()) or _names_a_qualified_scheduled_thing(ctx.text, m.start(), m.end()))
        and cued != "future"
        # "according to a February survey", in a past clause: a thing not scheduled ahead
        # was done in the month gone ("a June referendum" may be the coming one)
        and not (cued == "past" and not _scheduled_noun_after(ctx.text, m.end())))
    if not (m["det"] or m["mod"]) and ctx.anchor is not None and _REPORT_OF_THE_MONTH.match(ctx.text, m.end()):
        # "awaits the November housing report", written in December: a report of figures is
        # named by the month it counts, which is over by the time it comes out; the nearer
        # month is meant, whatever the tense
        return _Found(m.start(), m.end(), "DATE", f"{_nearest_month_year(ctx.anchor, month)}-{month:02d}", None, True)
    if not (m["det"] or m["mod"]) and names_a_thing and ctx.anchor is not None:
        # "called November's election a test" or "a June referendum", written in August or
        # March: the month names the election, whatever the verb's tense; the nearer one is meant.
        year = _nearest_month_year(ctx.anchor, month)
        if _names_a_date_set_ahead(ctx, m.start(), m.end(), month):
            year = ctx.anchor.year + (month < ctx.anchor.month)
        return _Found(m.start(), m.end(), "DATE", f"{year}-{month:02d}", None, True)
    if not (m["det"] or m["mod"]) and ctx.anchor is not None and cued is None \
            and 0 < (month - ctx.anchor.month) % 12 <= SCHEDULED_MONTHS_AHEAD and _SCHEDULED_IN.search(ctx.text, max(0, m.start() - 30), m.start()):
        # "does not translate into a victory in November", "the vote in June", written in
        # March with no verb to date it: the coming one
        return _Found(m.start(), m.end(), "DATE", f"{ctx.anchor.year + (month < ctx.anchor.month)}-{month:02d}", None, True)
    res = _resolve_month(ctx, month, m.start(), m.end(), m["det"])
    if res is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", None, True)
    return _Found(m.start(), m.end(), "DATE", f"{res[0]}-{month:02d}", None, True)


#: A report of figures after a month, past a word or two naming them: "the November jobs
#: report", "March retail sales figures", "the April consumer price index".
_REPORT_OF_THE_MONTH = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:report|data|figures|numbers|statistics|index|readings?)\b")
#: A verb after a month: the month is the subject of a clause ("that November was cold").
_SUBJECT_OF_VERB = re.compile(r"\s+(?:is|was|will|would|has|had|could|may|might|should|must)\b", re.I)
#: A year written as a year: four digits not inside a longer number, a date or a count.
_WRITTEN_YEAR = re.compile(rf"(?<![\d,.$£€-])({YEAR_RE})(?![\d,]|['’]?s\b|\s+(?:people|percent|votes))")
#: How far back "that November" looks for the year it speaks of: its sentence and the one before.
TOLD_YEAR_CHARS = 300


def _year_told_before(text: str, start: int) -> int | None:
    """The year written last before ``start`` in its paragraph, within ``TOLD_YEAR_CHARS``:
    the one "that November" refers to; None without one."""
    lo = max(0, start - TOLD_YEAR_CHARS, text.rfind("\n", 0, start) + 1)
    years = _WRITTEN_YEAR.findall(text, lo, start)
    return int(years[-1]) if years else None


#: Nouns of what is set for a date ahead: "the November election" in April is the coming one.
SCHEDULED_NOUNS = frozenset(
    """election elections vote ballot referendum primary primaries caucus caucuses runoff
    convention conventions inauguration summit deadline trial hearing""".split())
#: Months ahead within which a month naming a scheduled thing, with no tense cue, is the coming one.
SCHEDULED_MONTHS_AHEAD = 8
#: A noun of something scheduled dated by a weekday: "the town's runoff on Tuesday".
_SCHEDULED_ON = re.compile(rf"\b(?:{_alt(SCHEDULED_NOUNS)})\s+(?:on\s+)?$", re.I)


#: A noun of something scheduled that a month names, past up to two words qualifying it
#: ("the November general election", "the June Democratic primary"); a preposition, a
#: conjunction or a verb ends the noun phrase ("a November poll on the election" names a poll).
_NOUN_OF_MONTH = re.compile(r"(?:['’]s)?(?:\s+(?!(?:and|or|to|at|in|on|of|by|for|from|with|as|that|which|who|"
                            r"is|are|was|were|will|would|has|had|the|a|an)\b)[\w.’'-]+){0,2}?\s+"
                            rf"(?:{_alt(SCHEDULED_NOUNS)})\b")


def _scheduled_noun_after(text: str, end: int) -> bool:
    """Whether a month names a noun of something scheduled ("the June primary", "the
    November general election")."""
    return bool(_NOUN_OF_MONTH.match(text, end, end + 60))


#: A determiner and one or two adjectives before a month: "a tough November", "the
#: crucial June" (a preposition or a conjunction ends the noun phrase: "the votes in June").
_DET_ADJECTIVES_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her|our|whose)|\w['’]s)"
                                    r"(?:\s+(?!(?:and|or|but|to|at|in|on|of|by|for|from|with|as|than|that|which|who|"
                                    r"is|are|was|were|be|been|has|have|had)\b)(?-i:[a-z][a-z-]*)){1,2}\s+$", re.I)


def _names_a_qualified_scheduled_thing(text: str, start: int, end: int) -> bool:
    """Whether a month stands between the adjectives and the noun of something scheduled:
    "a tough November runoff election", "the crucial June primary" (the month names the
    event as it does right after the determiner)."""
    return bool(_DET_ADJECTIVES_BEFORE.search(text, max(0, start - 40), start) and _scheduled_noun_after(text, end))


def _names_a_date_set_ahead(ctx: _Ctx, start: int, end: int, month: int) -> bool:
    """Whether a month names something scheduled ("the November election", "a June
    referendum") in a clause no verb puts in the past or future, and lies at most
    ``SCHEDULED_MONTHS_AHEAD`` months ahead: written in April, the coming November's
    election is meant, though last November is nearer."""
    ahead = (month - ctx.anchor.month) % 12 if ctx.anchor else 0
    return bool(_scheduled_noun_after(ctx.text, end) and 0 < ahead <= SCHEDULED_MONTHS_AHEAD
                and _cued_tense(ctx, start, end) is None)


def _nearest_month_year(anchor: dt.date, month: int) -> int:
    """The year putting ``month`` nearest the anchor's month (ahead on a tie)."""
    ahead = (month - anchor.month) % 12
    return anchor.year + (anchor.month + ahead > 12) if ahead <= 6 else anchor.year - (month > anchor.month)


#: Words after a bare year-like number that make it a count, not a year ("2000 people").
COUNT_NOUNS = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|police|officers|votes|voters|"
    r"cases|deaths|units|homes|houses|jobs|feet|ft|metres|meters|m|km|kilometres|kilometers|"
    r"miles|tons|tonnes|pounds|lbs|kg|dollars|euros|barrels|cars|vehicles|flights|students|"
    r"workers|employees|members|residents|square|acres|hectares|calories|points|rounds|"
    r"times|hours|GMT|UTC|BST|EST|EDT|PST|hrs|sq|mph|km/h)\b", re.I)


#: Capitalised words that may stand right before a year without making it part of a name.
NAME_OK_BEFORE_YEAR = {"fiscal", "fy", "spring", "summer", "fall", "autumn", "winter", "since", "in",
                       "by", "until", "of", "mid", "early", "late", "christmas", "easter"}


def _year_ok(m: re.Match, ctx: _Ctx, y: int) -> bool:
    t = ctx.text
    if ctx.anchor is not None and y > ctx.anchor.year + 30:
        return False
    if COUNT_NOUNS.match(t[m.end():m.end() + 14]):
        return False
    prev = _prev_word(t, m.start())
    if prev in ("no.", "no", "number", "page", "pages", "flight", "route", "room", "article",
                "section", "paragraph", "resolution", "at", "about", "nearly", "some", "than",
                "over", "almost", "approximately", "roughly", "around", "the"):
        # "at 1500 GMT", "about 2000 protesters", "more than 1900"; "the 2012 election" is
        # still a year, so "the" only refuses when a plural count noun does not follow
        if prev != "the" or re.match(r"\s+[a-z]+s\b", t[m.end():m.end() + 20]):
            return False
    if re.match(r"\s*(?:%|percent|per\s+cent|[.,]\d)", t[m.end():m.end() + 8]):
        return False
    pm = re.search(r"([A-Z][\w.&-]*)\s+$", t[max(0, m.start() - 30):m.start()])
    if (pm and pm.group(1).lower().rstrip(".") not in MONTHS and pm.group(1).lower() not in NAME_OK_BEFORE_YEAR
            and not _at_sentence_start(t, m.start() - len(pm.group(0)))):
        return False   # "Windows Server 2003", "Euro 2012": a product or event name
    return True


def _b_year(m: re.Match, ctx: _Ctx) -> _Built:
    """A year alone or with a modifier: "1961", "mid-2023", "fiscal 2013", "the end of 2012"."""
    y = int(m["y"])
    if not _year_ok(m, ctx, y):
        return None
    return _Found(m.start(), m.end(), "DATE", str(y))


def _b_year_range(m: re.Match, ctx: _Ctx) -> _Built:
    """"2009-2010", "1957-58": two DATEs, the dash between them belongs to neither."""
    y1, y2s = int(m["y"]), m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 30 or not _year_ok(m, ctx, y1):
        return None
    s2 = m.start("y2")
    return [_Found(m.start("y"), m.end("y"), "DATE", str(y1)),
            _Found(s2, m.end(), "DATE", str(y2))]


def _b_decade(m: re.Match, ctx: _Ctx) -> _Built:
    """"1990s", "the early 2000s", "'90s" -> 199 / 200 (TimeML decade value)."""
    digits = m["dec"] or m["dec2"]
    if len(digits) == 2:        # '90s
        if ctx.anchor is None:
            return _Found(m.start(), m.end(), "DATE", None)
        century = ctx.anchor.year // 100 if int(digits) <= ctx.anchor.year % 100 else ctx.anchor.year // 100 - 1
        return _Found(m.start(), m.end(), "DATE", f"{century}{digits[0]}")
    return _Found(m.start(), m.end(), "DATE", digits[:3])


def _b_century(m: re.Match, ctx: _Ctx) -> _Built:
    """"20th century" -> 19 (TimeML century value = first two digits of its years)."""
    w = m["ord"].lower()
    n = int(re.sub(r"\D", "", w)) if w[0].isdigit() else ORDINALS.get(w)
    if not n or n > 22:
        return None
    if m.group().rstrip()[-7:] == "Century" and re.match(r"\s+[A-Z]", ctx.text[m.end():m.end() + 3]):
        return None  # "21st Century Fox": a company's name
    return _Found(m.start(), m.end(), "DATE", f"{n - 1:02d}")


def _b_quarter(m: re.Match, ctx: _Ctx) -> _Built:
    """"the third quarter (of 2023)", "Q3 2023", "first-quarter" -> 2023-Q3."""
    groups = m.groupdict()
    q = (groups.get("q") or groups.get("q2") or "").lower()
    year = groups.get("y") or groups.get("y2")
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
         "4th": 4, "final": 4}.get(q) or int(q.lstrip("q"))
    if year:
        return _Found(m.start(), m.end(), "DATE", f"{year}-Q{n}")
    if ctx.anchor is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    cur = (ctx.anchor.month - 1) // 3 + 1
    if _tense(ctx, m.start(), m.end()) == "future":
        y = ctx.anchor.year if n >= cur else ctx.anchor.year + 1
    else:
        y = ctx.anchor.year if n <= cur else ctx.anchor.year - 1
    return _Found(m.start(), m.end(), "DATE", f"{y}-Q{n}", None, True)


def _b_half(m: re.Match, ctx: _Ctx) -> _Built:
    """"the first half of 2024" -> 2024-H1; "of this/last/next year" relative to the anchor."""
    n = 1 if m["h"].lower() == "first" else 2
    if m["y"]:
        return _Found(m.start(), m.end(), "DATE", f"{m['y']}-H{n}")
    if ctx.anchor is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    shift = {"this": 0, "the": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _Found(m.start(), m.end(), "DATE", f"{ctx.anchor.year + shift}-H{n}", None, True)


#: The weeks of a month counted from its start or its end: "the first week of March" is
#: March 1-7, "the last week of October" October 25-31.
WEEK_OF_MONTH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _b_week_of_month(m: re.Match, ctx: _Ctx) -> _Built:
    """"the last week of October", "the first week of March 2016": the ISO week holding
    the middle of those seven days (the week most of them fall in); the month's year as a
    month alone would have it ("came the last week of October", written in January, is the
    October gone)."""
    if not _is_cap(m["mon"]):
        return None
    month = MONTHS[m["mon"].lower()]
    if m["y"]:
        year = int(m["y"])
    else:
        alone = _rule_named("bare_month").pattern.match(ctx.text, m.start("mon"))
        found = _b_bare_month(alone, ctx) if alone and alone.end() == m.end("mon") else None
        value = found.value if isinstance(found, _Found) else None
        if not value or not value[:4].isdigit():
            return _Found(m.start(), m.end(), "DATE", None, None, True)
        year = int(value[:4])
    nth = WEEK_OF_MONTH_ORDINALS[m["nth"].lower()]
    last_day = calendar.monthrange(year, month)[1]
    middle = dt.date(year, month, 7 * nth - 3 if nth > 0 else last_day - 3)
    return _Found(m.start(), m.end(), "DATE", iso_week(middle), None, not m["y"])


def _b_season(m: re.Match, ctx: _Ctx) -> _Built:
    """"last summer", "this spring", "summer 2024", "the fall of 2008" -> 2024-SU."""
    season, det = m["season"], m["det"]
    code = SEASONS[season.lower()][0]
    if m["y"]:
        return _Found(m.start(), m.end(), "DATE", f"{m['y']}-{code}")
    prev = _prev_word(ctx.text, m.start())
    if not (det or m["mod"] or prev in ("in", "during", "since", "until", "by", "through", "over",
                                        "before", "after", "this", "last", "next", "early", "late")):
        return None   # "summer" as a noun modifier ("summer camp"), "fall" the verb
    if season.lower() == "fall" and not (det or m["mod"]):
        return None
    if _is_cap(season) and not _at_sentence_start(ctx.text, m.start("season")):
        return None   # "the Winter Olympics", "British Summer Time": part of a name
    return _Found(m.start(), m.end(), "DATE", _season_value(ctx, season, m.start(), m.end(), det),
                  None, True)


def _b_relative_unit(m: re.Match, ctx: _Ctx) -> _Built:
    """"this week", "last year", "the past year", "the end of the year", "next month"."""
    if m["det"] and m.group().istitle() and _in_a_title(ctx.text, m.start(), m.group()):
        return None  # "said on ABC's This Week": a programme, not a week
    det = re.sub(r"\s+", " ", (m["det"] or "").lower()).strip()
    unit = m["unit"].lower()
    mod = (m["mod"] or "").lower()
    start, end = m.start(), m.end()
    if det in ("", "the") and not mod:
        return None                                   # "the year", "year" alone
    if det in ("the past", "past", "the coming", "the next") and unit not in ("weekend",):
        return _Found(start, end, "DURATION", _duration_value(1, unit))
    if det == "the last" and _OF_AFTER.match(ctx.text, end):
        return _Found(start, end, "DATE", None, None, True)   # "the last year of his term"
    if det in ("the last",) and unit in ("year", "decade", "century"):
        # "said about Latinos in the last year", written in July, is the twelve months up to
        # the report, as "the past year" is, not the calendar year before ("the last week"
        # stays the week before, as TempEval annotates it).
        return _Found(start, end, "DURATION", _duration_value(1, unit))
    if det in ("the previous", "the following", "previous", "following"):
        return _Found(start, end, "DATE", None, None, True)   # relative to the narrative
    a = ctx.anchor
    if a is None:
        return _Found(start, end, "DATE", None, None, True)
    shift = {"last": -1, "the last": -1, "next": 1, "this": 0, "the current": 0, "current": 0,
             "the coming": 1, "coming": 1}.get(det)
    if shift is None:    # "the end of (the) year": the nearest one in the clause's tense
        if unit == "year":
            month = 12 if "end" in mod or "close" in mod else 1 if ("start" in mod or "beginning" in mod or "early" in mod) else a.month
            tense = _tense(ctx, start, end)
            y = a.year - 1 if tense == "past" and month > a.month else a.year
            return _Found(start, end, "DATE", str(y), None, True)
        shift = 0
    if unit == "year":
        return _Found(start, end, "DATE", str(a.year + shift), None, True)
    if unit == "month":
        y, mo = _shift_months(a, shift)
        return _Found(start, end, "DATE", f"{y}-{mo:02d}", None, True)
    if unit == "week":
        if shift == -1 and a.weekday() == 6:
            # Written on a Sunday, "last week" is the week that is ending ("Trump last week
            # invited …" of a Wednesday four days back), not the one before it.
            shift = 0
        return _Found(start, end, "DATE", iso_week(a + dt.timedelta(weeks=shift)), None, True)
    if unit == "weekend":
        sat = a + dt.timedelta(days=(5 - a.weekday()) % 7 + 7 * shift)
        if shift == 0 and a.weekday() == 6:
            sat = a - dt.timedelta(days=1)
        if shift == -1 or shift == 0 and a.weekday() < 5 and _weekend_past(ctx, mod, start, end):
            sat = a - dt.timedelta(days=(a.weekday() - 5) % 7 or 7)
        return _Found(start, end, "DATE", iso_week(sat) + "-WE", None, True)
    if unit == "quarter":
        q = (a.month - 1) // 3 + shift
        y, q = a.year + q // 4, q % 4 + 1
        return _Found(start, end, "DATE", f"{y}-Q{q}", None, True)
    if unit == "decade":
        return _Found(start, end, "DATE", str(a.year // 10 + shift), None, True)
    if unit == "century":
        return _Found(start, end, "DATE", f"{a.year // 100 + shift:02d}", None, True)
    return None


#: "the last year of his term": the final one of something, not the time up to the report.
_OF_AFTER = re.compile(r"\s+of\b")


def _weekend_past(ctx: _Ctx, mod: str, start: int, end: int) -> bool:
    """Whether "this weekend", written on a weekday, is the one just gone: "suggesting
    earlier this weekend", "Starting this weekend, his wife has joined him" (a past cue
    says so; with none, the coming weekend is meant)."""
    return mod.startswith("earlier") or _cued_tense(ctx, start, end) == "past"


def _b_earlier_in(m: re.Match, ctx: _Ctx) -> _Built:
    """"earlier in the day" -> the anchor day; "later in the week/month/year" likewise."""
    unit = m["unit"].lower()
    a = ctx.anchor
    if unit == "day":
        # the day the story is telling of ("As voters went to the polls earlier in the day",
        # after Tuesday's results): found as a clock time's day is, by _attach_clock_times
        return replace(_day_found(ctx, m.start(), m.end(), 0), floating=True)
    if a is None:
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    value = {"week": iso_week(a), "month": f"{a.year}-{a.month:02d}", "year": str(a.year)}[unit]
    return _Found(m.start(), m.end(), "DATE", value, None, True)


def _b_ago(m: re.Match, ctx: _Ctx) -> _Built:
    """"six years ago" -> anchor year - 6; "a week ago" -> that ISO week; vague -> PAST_REF."""
    n = _number(m["num"])
    unit = _unit_key(m["unit"])
    a = ctx.anchor
    start, end = m.start(), m.end()
    if n is None:
        return _Found(start, end, "DATE", "PAST_REF")
    if a is None:
        return _Found(start, end, "DATE", None, None, True)
    n = int(n) if float(n).is_integer() else n
    if not isinstance(n, int):
        return _Found(start, end, "DATE", None, None, True)
    if unit == "year":
        return _Found(start, end, "DATE", str(a.year - n), None, True)
    if unit == "decade":
        return _Found(start, end, "DATE", str(a.year - 10 * n), None, True)
    if unit == "month":
        y, mo = _shift_months(a, -n)
        return _Found(start, end, "DATE", f"{y}-{mo:02d}", None, True)
    if unit in ("week", "fortnight"):
        return _Found(start, end, "DATE", iso_week(a - dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))), None, True)
    if unit == "day":
        return _day_found(ctx, start, end, -n)
    return _Found(start, end, "TIME", None, None, True)   # "two hours ago": time of day unknown


def _b_weekday_ago(m: re.Match, ctx: _Ctx) -> _Built:
    """"two Sundays ago" -> the Sunday two weeks back (strictly before the anchor)."""
    n = _number(m["num"])
    if ctx.anchor is None or n is None or not float(n).is_integer():
        return _Found(m.start(), m.end(), "DATE", None, None, True)
    back = (ctx.anchor.weekday() - WEEKDAYS[m["wd"].lower()]) % 7 or 7
    return _day_found(ctx, m.start(), m.end(), -(back + 7 * (int(n) - 1)))


#: Prepositions/verbs after which a bare plural unit is a duration ("for years", "in decades").
BARE_UNIT_CONTEXT = {"for", "in", "over", "within", "after", "than", "took", "take", "takes",
                     "taken", "spent", "spend", "lasted", "last", "lasting"}
#: Words/values before "a <unit>" that make it a rate: "$5 million a year", "twice a day".
RATE_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|trillion|[a-z]+s)?|"
                         rf"million|billion|trillion|once|twice|times|thrice|{UNIT_RE}s)\s*$", re.I)


def _titled_unit(text: str, m: re.Match) -> bool:
    """Whether a duration's unit is capitalised inside a sentence written in small letters
    ("The movie 13 Hours by Michael Bay", "Zuckoff's 13 Hours book") or stands in quotation
    marks ("Movie ’13 Hours’ Is About To Come Out"): a title. A headline capitalising every
    word ("Talks Drag On For 3 Weeks") says nothing either way."""
    unit_start = m.start("unit")
    if not text[unit_start].isupper() or _at_sentence_start(text, m.start()):
        return False
    closing = text[m.end() - 1:m.end() + 1]  # the pattern may have taken it for a plural's "’"
    if re.search(r"[’'\"”]", closing) and re.search(r"[‘’'\"“]$", text[max(0, m.start() - 1):m.start()]):
        return True
    before = re.search(r"([A-Za-z][\w’'-]*)\W*$", text[max(0, m.start() - 30):m.start()])
    after = re.match(r"\W*([A-Za-z]\w*)", text[m.end():m.end() + 30])
    return bool(before and before.group(1)[0].islower() or after and after.group(1)[0].islower())


def _b_duration(m: re.Match, ctx: _Ctx) -> _Built:
    """"24 years", "a month", "the past two years", "recent weeks", "a mere 24 hours"."""
    det = (m["det"] or "").lower()
    adjs = (m["adj"] or "").lower().split()
    num, unit, plural = m["num"], m["unit"], m["plural"]
    start, end = m.start(), m.end()
    t = ctx.text
    after = t[end:end + 20]
    if _titled_unit(t, m):
        return None   # the film "13 Hours", "Zuckoff's 13 Hours book": a title, not a duration
    if re.match(r"[\s-]*(?:old|olds)\b|\s+and\s+(?:older|over|up)\b", after):
        return None   # ages ("22 years old", "6 months and older") are not annotated in TimeML
    if re.match(r"\s+ago\b", after):
        return None   # handled by the "ago" rule
    key = _unit_key(unit)
    if num is None:
        if det in ("a", "an"):
            if key == "second":
                return None    # "a second time", "a second round"
            n: float | None = 1
        elif plural and ("recent" in adjs or "past" in adjs or "last" in adjs or "coming" in adjs
                         or "next" in adjs or "few" in adjs):
            n = None
        elif plural and not det and not adjs and _prev_word(t, start) in BARE_UNIT_CONTEXT:
            n = None          # "for years"
        elif plural and key in ("decade", "century") and not det and not adjs:
            n = None          # "decades of conflict"
        else:
            return None
    else:
        n = _number(num)
        if num.lower() in ("second",):
            return None
        if det in ("a", "an") and n not in (None,) and not re.match(r"(?:few|couple|dozen|hundred)", num.lower()):
            # "a 24 hours" is not English; "a mere 24 hours" is (adjective between)
            if not adjs and not m["hyphen"]:
                return None
        if n is not None and not plural and n != 1 and not m["hyphen"]:
            return None   # "two hour" is not a duration (it is "two-hour")
        if n is not None and plural and n == 1 and not re.match(r"\d", num):
            return None   # "one years"
    if det in ("a", "an") and not adjs and num is None and RATE_BEFORE.search(t[max(0, start - 25):start]):
        return _Found(start, end, "SET", _duration_value(1, unit))   # "$5 million a year"
    if m["hyphen"]:
        if re.match(r"-old\b", t[end:end + 5]):
            return None
        # "a four-week closure": the compound is an adjective, the article belongs to the noun
        start = m.start("num")
    return _Found(start, end, "DURATION", _duration_value(n, unit))


def _b_weekday(m: re.Match, ctx: _Ctx) -> _Built:
    """"Wednesday", "last Friday", "Sunday night", "Fridays" (a SET)."""
    wd_word = m["wd"]
    if not _is_cap(wd_word):
        return None
    wd = WEEKDAYS[wd_word.lower()]
    prev = _prev_word(ctx.text, m.start())
    if prev in ("good", "black", "ash", "holy", "super", "cyber", "easter", "palm", "bloody", "maundy"):
        return None   # named days ("Black Friday") need a calendar, not the weekday rule
    nxt = ctx.text[m.end():m.end() + 20]
    if re.match(r"\s+(?:Times|Telegraph|Mail|Express|Post|Night\s+Football|Herald|Mirror|Star|Tribune)\b", nxt):
        return None   # newspaper and show names
    if m["plural"] or m["part_plural"]:
        # "debates on Saturday evenings" recur as "on Saturdays" do: no one day
        return _Found(m.start(), m.end(), "SET", f"XXXX-WXX-{wd + 1}")
    part = m["part"]
    typ, suffix = ("TIME", "T" + PARTS_OF_DAY[part.lower()]) if part else ("DATE", "")
    if not m["det"] and prev in ("one", "some"):
        # "One Sunday in late 2001", "some Friday night": some such day, which the text does
        # not tell
        return _Found(m.start(), m.end(), typ, None, None, True)
    d = _resolve_weekday(ctx, wd, m.start(), m.end(), m["det"])
    if d is None:
        return _Found(m.start(), m.end(), typ, None, None, True)
    return _Found(m.start(), m.end(), typ, d.isoformat() + suffix, _days_from_anchor(d, ctx), True)


def _b_deictic_day(m: re.Match, ctx: _Ctx) -> _Built:
    """today / tonight / yesterday (morning) / tomorrow / last night / this morning."""
    if _in_a_title(ctx.text, m.start(), m.group()):
        return None  # "on CBS This Morning", "NBC's Today": a programme, not a day
    w = re.sub(r"\s+", " ", m.group().lower())
    w = re.sub(r"^(?:earlier|later) ", "", w)
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    if w == "today" and _nowadays(ctx.text, m.start(), m.end()):
        return _Found(m.start(), m.end(), "DATE", "PRESENT_REF")
    if w == "tomorrow" and _future_age(ctx.text, m.start(), m.end()):
        return _Found(m.start(), m.end(), "DATE", "FUTURE_REF")
    # Quoted words count their days from the day they were spoken ("Durbin said on Thursday
    # he “hand-delivered a letter … today”", in Friday's paper, is Thursday).
    spoken = _speaking_day_offset(ctx, m.start())
    if w in offsets:
        typ, suffix = ("TIME", "TNI") if "night" in w else ("DATE", "")
        return _day_found(ctx, m.start(), m.end(), spoken + offsets[w], typ, suffix)
    first, _, part = w.partition(" ")
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1, "today": 0, "tonight": 0}.get(first)
    if offset is None or part not in PARTS_OF_DAY:
        return None
    return _day_found(ctx, m.start(), m.end(), spoken + offset, "TIME", "T" + PARTS_OF_DAY[part])


#: A verb of speech dated by a weekday: "said on Thursday", "told reporters Tuesday",
#: "Thursday said".
_SPOKEN_ON = re.compile(
    rf"\b(?:said|says|told|wrote|added|announced|stated|declared)\s+(?:[a-z]+\s+){{0,2}}?(?:on\s+)?(?P<wd>(?i:{WEEKDAY_RE}))\b"
    rf"|\b(?P<wd2>(?i:{WEEKDAY_RE}))\s+(?:said|told|wrote|added|announced)\b")
#: Opening and closing double quotation marks.
_OPENING_QUOTES, _CLOSING_QUOTES = "“", "”"


def _inside_quotation(text: str, sentence: int, pos: int) -> bool:
    """Whether ``pos`` lies inside double quotation marks opened in its sentence."""
    before = text[sentence:pos]
    curly = before.count(_OPENING_QUOTES) - before.count(_CLOSING_QUOTES)
    return curly > 0 or before.count('"') % 2 == 1 or before.count("``") > before.count("''")


def _speaking_day_offset(ctx: _Ctx, pos: int) -> int:
    """Days from the anchor to the day the quoted words at ``pos`` were spoken, when its
    sentence dates the speech with a weekday outside the quotation; else 0."""
    sentence = _sentence_start(ctx.text, pos)
    if ctx.anchor is None or not _inside_quotation(ctx.text, sentence, pos):
        return 0
    for m in _SPOKEN_ON.finditer(_sentence_of(ctx.text, pos), 0):
        at = sentence + m.start("wd" if m["wd"] else "wd2")
        if _is_cap(m["wd"] or m["wd2"]) and not _inside_quotation(ctx.text, sentence, at):
            d = _resolve_weekday(ctx, WEEKDAYS[(m["wd"] or m["wd2"]).lower()], at, at + 3, None)
            return (d - ctx.anchor).days if d else 0
    return 0


#: Nouns of what happens on a day: "today's vote" is the day's, "today's voters" are
#: nowadays' (singular and plural are both read; a final "s" is dropped before looking).
DAY_EVENT_NOUNS = frozenset(
    """vote election primary primarie caucus caucuse meeting hearing session debate announcement
    decision ruling verdict speech address rally game match race event attack protest march
    deadline launch release report poll briefing conference summit talk visit trial ceremony
    funeral celebration storm weather forecast trading market news paper edition show episode
    remark comment statement result headline proceeding walkout strike shooting bombing
    sentencing arraignment action""".split())
#: Nouns of a result, which exists only once its day is over: "her victories on Tuesday will
#: …" are Tuesday's gone ("the vote on Tuesday will decide the race" may be ahead).
RESULT_NOUNS = frozenset("win wins victory victories loss losses defeat defeats".split())
#: A noun of a scheduled thing or of its result, then "in", before a month: "a victory in
#: November", "the runoff in June".
_SCHEDULED_IN = re.compile(rf"\b(?:{_alt(SCHEDULED_NOUNS | RESULT_NOUNS)})\s+in\s+$", re.I)
#: A sentence opening with a subject whose head is a result, running to "on" before a weekday.
_EVENT_SUBJECT = re.compile(
    r"[\"“'‘(]?(?i:the|his|her|their|its|our|[a-z]+['’]s)\s+(?:[a-z-]+\s+)?"
    rf"(?:{_alt(RESULT_NOUNS)})\b[^.;:!?]*\bon\s+$")
#: Verbs of the present that say how things are ("politics today is …", "defenders today
#: argue"), not what happened on the day.
_PRESENT_STATE = re.compile(
    r"\b(?:is|are|am|isn['’]t|aren['’]t|remains?|does|do|doesn['’]t|don['’]t|has|have|hasn['’]t|"
    r"haven['’]t|exists?|seems?|stands?|lives?|faces?|argues?|believes?|knows?|needs?|can|cannot|can['’]t)\b", re.I)
#: Words that set the present against the past in one sentence: "his words today and the
#: bureau's actions in the past".
_THEN_AND_NOW = re.compile(r"\b(?:in\s+the\s+past|used\s+to|back\s+then|at\s+the\s+time|in\s+those\s+days|"
                           r"(?:years|decades|generations)\s+ago)\b", re.I)
#: Where the clause of a "today" ends: punctuation or a word opening another clause.
_CLAUSE_END = re.compile(r"[,;:—–()\"“”]|\b(?:that|which|who|where|because|when|while|but|if)\b", re.I)
#: Words before "today" that make it the day something is due or done: "is expected today",
#: "is due today", "are open today".
_DAY_STATE_BEFORE = re.compile(r"\b(?:[a-z]+ed|[a-z]+en|due|set|here|there|out|up|down|open|closed|off|"
                               r"back|home|away|again|on|in|at|busy|free|available)\s+$", re.I)


#: A participle after "is" that tells a state: "is deeply divided".
_STATE_PARTICIPLE = re.compile(r"\b(?:is|are|am|be|been|being|remains?)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b", re.I)
#: A name after a preposition of place just before "today": "is in Paris today".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|on|near|inside|outside)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+$")


def _sentence_end(text: str, pos: int, limit: int = 200) -> int:
    """Where the sentence holding ``pos`` ends: its first full stop after ``pos`` that
    closes no title or initial ("Today, Mr. Cruz serves …"), at most ``limit`` on."""
    for stop in re.finditer(r"[.!?](?:\s|$)", text[pos:pos + limit]):
        if not _ends_abbreviation(text, pos + stop.start()):
            return pos + stop.start()
    return min(len(text), pos + limit)


def _nowadays(text: str, start: int, end: int) -> bool:
    """Whether "today" means the present age, not the day of the report (TIMEX3
    PRESENT_REF): "today's refugees", "the party today is divided", "his words today and
    the bureau's actions in the past". A clause in the past or the future ("signed today",
    "will vote today") is the day."""
    if _POSSESSIVE.match(text, end):
        return _ages_noun_after(text, end)
    if _OF_A_NOUN_BEFORE.search(text, max(0, start - 40), start):
        return True  # "the sailors of today", "the dockers of today"
    s0 = max(_sentence_start(text, start), start - 120)
    sentence_end = _sentence_end(text, end)
    before = text[s0:start]
    cut = _CLAUSE_END.search(text, end, sentence_end)
    after = text[end:cut.start() if cut else sentence_end]
    # "is deeply divided" is a state, not a past.
    after_verbs = _STATE_PARTICIPLE.sub(" is ", after)
    if FUTURE_CUES.search(before + after) or PAST_CUES.search(text[max(s0, start - 60):start] + after_verbs):
        return False
    if _THEN_AND_NOW.search(text, s0, sentence_end):
        return True
    last_word = re.search(r"([a-z]+)\s+$", before)
    if last_word and (last_word[1] in DAY_EVENT_NOUNS or last_word[1].rstrip("s") in DAY_EVENT_NOUNS):
        return False  # "the decision today shows …", "their announcement today": the day's
    if not before.strip(" \"“'‘("):
        # "Today is the deadline" is the day; "Today, that membership costs $500" sets the
        # present against a past the text tells of.
        return _opens_a_present_state(text, end, sentence_end)
    if _DAY_STATE_BEFORE.search(before) or _PLACE_BEFORE.search(before):
        return False  # "is expected today", "is in Paris today"
    return bool(_PRESENT_STATE.search(before[-80:]) or _PRESENT_STATE.search(text, end, sentence_end))


#: Verbs of the present that tell how things stand, not what is done on a day ("costs",
#: "belongs", "continues to"); "votes" or "holds" may be the day's act.
_STATE_VERB = re.compile(
    r"\b(?:is|are|isn['’]t|aren['’]t|remains?|costs?|owns?|belongs?|contains?|consists?|includes?|"
    r"means?|lacks?|weighs?|exists?|stands?|lives?|knows?|believes?|seems?|looks?|continues?\s+to|serves?\s+as|"
    r"(?:has|have|hasn['’]t|haven['’]t)(?!\s+(?:[a-z]+ed|[a-z]+en|been|got|had|made|met|held|won|lost|said|told)\b))\b", re.I)
#: A verb of being before what makes it a day's state or an act: "is expected", "are
#: voting", "is in Paris", "is due".
_DAY_STATE_AFTER_BE = re.compile(
    r"\b(?:is|are|isn['’]t|aren['’]t)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+en|[a-z]+ing|due|set|here|there|"
    r"out|up|down|open|closed|off|back|home|away|in|at|on)\b", re.I)
#: Where the clause after an opening "Today," ends ("that" may open its subject: "Today,
#: that same membership costs …").
_OPENING_CLAUSE_END = re.compile(r"[,;:—–()\"“”]|\b(?:which|who|where|because|when|while|but|if)\b", re.I)
#: A phrase set off by commas after an opening "Today," before its clause: a concession or a
#: phrase of manner or place, whose noun may carry a relative clause but which has no "be",
#: "have" or modal of its own ("Today, despite a ruling that gave the pier to the town, …",
#: "Today, in most ports, …", "Today, however, …").
_ASIDE = re.compile(r"(?:(?:despite|in\s+spite\s+of|notwithstanding|for\s+all|like|unlike|in|across|among|"
                    r"at|on|for|with|without|under|amid|after)\s+(?:(?!(?:is|are|was|were|has|have|had|"
                    r"will|would)\b)[\w$%.’'-]+\s*){1,15}|however|though|still|meanwhile|instead|nonetheless|"
                    r"nevertheless|moreover|indeed|by\s+contrast|in\s+contrast|as\s+a\s+result)\s*,\s*", re.I)


def _opens_a_present_state(text: str, end: int, sentence_end: int) -> bool:
    """Whether a sentence-opening "Today," leads a clause telling how things now stand
    ("Today, that same membership costs $500, but …", "Today, the harbour is one of the
    busiest in Europe"), not what happens on the day ("Today, the council votes on the
    levy", "Today is the deadline", "Today, the mayor is in Oslo")."""
    comma = re.match(r"\s*,\s*", text[end:sentence_end])
    if not comma:
        return False
    start = end + comma.end()
    aside = _ASIDE.match(text, start, sentence_end)
    if aside:
        # "Today, despite years of losses, the yard continues to …": the clause is past the aside
        start = aside.end()
    cut = _OPENING_CLAUSE_END.search(text, start, sentence_end)
    clause = text[start:cut.start() if cut else sentence_end]
    if FUTURE_CUES.search(clause) or PAST_CUES.search(clause) or _DAY_STATE_AFTER_BE.search(clause):
        return False
    return bool(_STATE_VERB.search(clause))


#: An article, maybe with an adjective of hope, before "tomorrow": "Imagine a tomorrow where
#: …", "a better tomorrow" make it a noun for the times to come ("vote on the budget
#: tomorrow" is the day: a noun of the clause may stand there too, so the adjectives are few).
_ARTICLE_BEFORE = re.compile(r"\b(?i:a|an|the|our|your|their)\s+"
                             r"(?:(?:better|brighter|bright|greater|safer|fairer|new|different)\s+)?$")


def _future_age(text: str, start: int, end: int) -> bool:
    """Whether "tomorrow" means the times to come (TIMEX3 FUTURE_REF), not the day after the
    report: "Imagine a tomorrow where …", "build a better tomorrow", "tomorrow's leaders"
    ("tomorrow's vote" is the day's)."""
    if _POSSESSIVE.match(text, end):
        return _ages_noun_after(text, end)
    return bool(_ARTICLE_BEFORE.search(text, max(0, start - 30), start))


#: Nouns of a whole age or society, which "today's" dates as the present age in the singular
#: too: "in today's world", "today's society", "in today's climate".
AGE_NOUNS = frozenset("world society culture era age climate generation".split())
#: A noun and "of" before "today": "the leaders of today" (of the present age).
_OF_A_NOUN_BEFORE = re.compile(r"\b[a-z]{3,}[\"”’']?\s+of\s+$")
#: Words that end the noun phrase after "today's" ("today's most pressing global challenges").
_PHRASE_ENDS = frozenset("of on in at for with about to from by and or but that which who between over".split())


def _ages_noun_after(text: str, end: int) -> bool:
    """Whether the words after "today's" name people or things of the present age ("today's
    refugees", "today's Republican Party"), not a thing of the day ("today's vote")."""
    words = []
    for w in re.findall(r"[A-Za-z-]+", text[end:end + 60])[1:6]:
        if w.lower() in _PHRASE_ENDS:
            break  # "today's vote on the bills": the noun comes before "on"
        words.append(w)
    if not words or any(w.lower().rstrip("s") in DAY_EVENT_NOUNS for w in words):
        return False
    if words[0].lower() in AGE_NOUNS:
        return True  # "in today's world", "today's society"
    return words[0][0].isupper() or any(w.islower() and w.endswith("s") and not w.endswith("ss") for w in words)


#: A capitalised word or possessive just before a capitalised "This Morning" / "Today".
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w.&]*(?:['’]s)?\s+|[A-Z][\w.&]*(?:['’]s)?\s+(?:''|``|[\"“‘'])|\s(?:''|``|[\"“‘']))$")


def _in_a_title(text: str, start: int, found: str) -> bool:
    """Whether a capitalised deictic day inside a sentence follows a capitalised word
    ("appearance on CBS This Morning"): part of a programme's name."""
    if not found[:1].isupper() or _at_sentence_start(text, start):
        return False
    return bool(_CAPITAL_BEFORE.search(text, max(0, start - 30), start))


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word inside a sentence stands beside another capitalised word
    ("the Midnight Crew", "High Noon"): part of a name, not a time."""
    if not text[start:start + 1].isupper() or _at_sentence_start(text, start):
        return False
    return bool(re.match(r"\s+[A-Z]", text[end:end + 2]) or re.search(r"[A-Z][\w.’'-]*\s+$", text[max(0, start - 30):start]))


#: Words that make a clock time recur: "weekdays from 6AM", "daily at noon", "every night at 9",
#: "on Sundays at 10" (in small letters: "Breitbart News Daily" is a show).
_RECURS = re.compile(r"\b(?:weekdays|weeknights|weekends|daily|nightly|every|each)\b|"
                     r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b")


#: A full stop ending a sentence; that of "a.m." or "p.m." only before a capital.
_SENTENCE_STOP = re.compile(r"(?<![aApP]\.[mM])[.!?](?:\s|$)|(?<=[aApP]\.[mM])\.(?:\s+(?=[A-Z\"“‘'])|$)")


def _sentence_of(text: str, pos: int) -> str:
    """The sentence around ``pos`` (up to its first full stop after ``pos``)."""
    start = _sentence_start(text, pos)
    stop = _SENTENCE_STOP.search(text[pos:pos + 300])
    return text[start:pos + stop.start() if stop else pos + 300]


#: Where the clause before a clock time begins: a comma or a relative pronoun.
_CLAUSE_OPENING = re.compile(r"(?:[,;:—–(]|\b(?:which|that|who|where|when)\b)(?!.*(?:[,;:—–(]|\b(?:which|that|who|where|when)\b))", re.S)
#: A day named in a sentence, which a clock time in it may be of.
_DAY_NAMED = re.compile(rf"\b(?:today|tonight|tomorrow|yesterday|{WEEKDAY_RE}|{MONTH_FULL_RE})\b", re.I)
#: "be" gives the time of one thing: "the deadline is 5 p.m.", "the vote's at noon".
_BE = re.compile(r"\b(?:is|are|isn['’]t|aren['’]t)\b|\w['’]s\s+(?:at|about|around|set)\b", re.I)


def _a_present_habit(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a clock time with no day is the hour of something done every day: a verb
    in the simple present ("the day shift starts at 6 a.m.", "the show, which ends at 9
    a.m.") whose clause names no event of one day ("the rally begins at 7 p.m.", "polls
    close at 8 p.m." are the day's) and whose sentence names no day."""
    if ctx.clause_tense is None or ctx.clause_tense(start, end) != "present":
        return False
    sentence = _sentence_start(ctx.text, start)
    head = ctx.text[sentence:start]
    opening = _CLAUSE_OPENING.search(head)
    clause = head[opening.end() if opening else 0:]
    if _DAY_NAMED.search(_sentence_of(ctx.text, start)) or _BE.search(clause):
        return False
    return not any(w in DAY_EVENT_NOUNS or w.rstrip("s") in DAY_EVENT_NOUNS
                   for w in re.findall(r"[a-z]+", clause.lower()))


def _b_clock(m: re.Match, ctx: _Ctx) -> _Built:
    """"3 p.m.", "15:00 GMT", "8:30 am Saturday", "6.30am", "noon" -> anchor date + THH:MM."""
    if m["named"]:
        if _in_a_name(ctx.text, m.start(), m.end()):
            return None  # the police unit "known as the Midnight Crew", "High Noon"
        hh, mm = (12, 0) if m["named"].lower() in ("noon", "midday") else (0, 0)
    else:
        hh, mm = int(m["h"]), int(m["mi"] or m["mi_dot"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm:
            if not 1 <= hh <= 12:
                return None
            hh = hh % 12 + (12 if ampm == "pm" else 0)
        elif not m["mi"] or not (m["tz"] or _prev_word(ctx.text, m.start()) in ("at", "by", "until", "from", "before", "after")):
            return None    # a bare "15:30" could be a score or a ratio
        if hh > 24 or mm > 59:
            return None
    clock = f"T{hh:02d}:{mm:02d}"
    if m["wd"]:
        if not _is_cap(m["wd"]):
            return None
        d = _resolve_weekday(ctx, WEEKDAYS[m["wd"].lower()], m.start(), m.end(), None)
    elif m["rel"]:
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
        d = ctx.anchor + dt.timedelta(days=off) if ctx.anchor and not ctx.lower_bound else None
    else:
        if _RECURS.search(_sentence_of(ctx.text, m.start())) or _a_present_habit(ctx, m.start(), m.end()):
            # "airs weekdays from 6:00AM to 9:00AM", "the day shift starts at 6 a.m.": an hour
            # of every such day, of none in particular
            return _Found(m.start(), m.end(), "TIME", clock)
        # A bare "6am" is on the publication day, which a lower bound does not give.
        d = None if ctx.lower_bound else ctx.anchor
        if d is None:
            return _Found(m.start(), m.end(), "TIME", "T" + clock[1:], None, True, floating=True)
        return _Found(m.start(), m.end(), "TIME", d.isoformat() + clock, 0, True, floating=True)
    if d is None:
        return _Found(m.start(), m.end(), "TIME", None, None, True)
    return _Found(m.start(), m.end(), "TIME", d.isoformat() + clock, _days_from_anchor(d, ctx), True)


REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
        "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
        "the future": "FUTURE_REF"}


def _b_ref(m: re.Match, ctx: _Ctx) -> _Built:
    """now / currently -> PRESENT_REF; recently -> PAST_REF; the future -> FUTURE_REF."""
    w = re.sub(r"\s+", " ", m.group().lower())
    if w == "now" and re.match(r"\s*(?:that|-)", ctx.text[m.end():m.end() + 6]):
        return None   # "now that ..." is a conjunction; "now-defunct" is an adjective
    return _Found(m.start(), m.end(), "DATE", REFS[w])


SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
               "biweekly": "P2W", "biannually": "P6M"}


def _b_set(m: re.Match, ctx: _Ctx) -> _Built:
    """"every week" / "weekly" -> P1W; "every two years" -> P2Y; "every Monday" -> XXXX-WXX-1."""
    g = m.group()
    groups = m.groupdict()
    if groups.get("adv"):
        if not g.islower():
            return None   # "Daily Mail", "Weekly Standard"
        return _Found(m.start(), m.end(), "SET", SET_ADVERBS[g.lower()])
    if groups.get("wd"):
        return _Found(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    if groups.get("part"):
        return _Found(m.start(), m.end(), "SET", "T" + PARTS_OF_DAY[m["part"].lower()])
    n = _number(m["num"]) if groups.get("num") else 1
    return _Found(m.start(), m.end(), "SET", _duration_value(n, m["unit"]))


#: Words before a holiday that make it a day something happens on: "on Christmas", "by
#: Christmas", "before New Year's Eve", "last Christmas".
HOLIDAY_TIME_WORDS = frozenset(
    """on at by before after until till since over for around during through throughout from
    near past this last next of""".split())
#: One of those words, maybe with an article and an adjective: "during a chaotic New Year's Eve".
_HOLIDAY_TIME_BEFORE = re.compile(
    rf"\b(?i:{_alt(HOLIDAY_TIME_WORDS)})\s+(?:(?i:a|an|the)\s+)?(?:[a-z]+\s+)?$")


#: Days ahead of the report within which a feast is "the" feast a span before it counts from.
FEAST_DAYS_AHEAD = 14


def _coming_feast(anchor: dt.date | None, month: int, day: int) -> dt.date | None:
    """The next day of a feast on or after the anchor, when it is at most
    ``FEAST_DAYS_AHEAD`` days away."""
    if anchor is None:
        return None
    d = _valid(anchor.year + ((month, day) < (anchor.month, anchor.day)), month, day)
    return d if d is not None and (d - anchor).days <= FEAST_DAYS_AHEAD else None


def _b_holiday(m: re.Match, ctx: _Ctx) -> _Built:
    """"Christmas", "New Year's Eve" -> month-day in the anchor's (tense-adjusted) year."""
    key = m.group().lower().replace("’", "'")
    key = re.sub(r"\s+", " ", key)
    month, day = HOLIDAYS[key]
    if not _HOLIDAY_TIME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        # "Pope Francis calling Christmas a sham", "the Christmas party slaughter": the feast
        # or its season, not a day of the story; TimeML leaves its year unspecified.
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}")
    coming = _coming_feast(ctx.anchor, month, day)
    if coming is not None and _after_a_forward_word(ctx.text, m.start()):
        # "the debate was held the Saturday before Christmas", two days before it: what is
        # counted back from a feast a few days ahead is counted from that one (last year's
        # would be "last Christmas"), whatever the verb's tense.
        return _Found(m.start(), m.end(), "DATE", coming.isoformat(), _days_from_anchor(coming, ctx), True)
    res = _resolve_month(ctx, month, m.start(), m.end(), _prev_word(ctx.text, m.start()) if _prev_word(ctx.text, m.start()) in ("last", "next", "this") else None, day)
    if res is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", None, True)
    d = dt.date(res[0], month, day)
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), _days_from_anchor(d, ctx), True)


# --------------------------------------------------------------------------------------------
# The pattern table. Order is priority among candidates of the same length; longer candidates
# always win over shorter overlapping ones.
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """One pattern of the table: its name, compiled regex, builder and why it exists."""

    name: str
    pattern: re.Pattern
    build: Build
    why: str
    needs: tuple[str, ...] = ()   # lower-case substrings without which the rule cannot match


def _rule(name: str, pattern: str, build: Build, why: str, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(name, re.compile(pattern, re.I), build, why, needs)


def _rule_named(name: str) -> Rule:
    """The rule of the table with that name."""
    return next(r for r in RULES if r.name == name)


# Pieces shared by several rules of the table.
_WD_PREFIX = rf"(?:(?:{WEEKDAY_RE}),?\s+)?"             # "Wednesday, " before a date
_DATE_SEP = r"(?:\s*,\s*|\s+)"                            # "June 18, 2024" / "June 18 2024"
_DET_REL = (r"(?:the\s+(?:last|next|past|coming|previous|following|current)|"
            r"this|last|next|past|coming|previous|following|current|the)")
#: Determiners and adjectives that TimeML keeps inside a duration's extent.
_DUR_DET = r"(?:the|a|an|these|those|its|their|his|her|our)"
_DUR_ADJ = (r"(?:mere|full|whole|entire|past|last|next|coming|recent|additional|further|extra|"
            r"consecutive|straight|first|final)")
_ISO_TIME = r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)"
# "6.30am", the British style, only with am/pm: a bare "6.30" is a number.
_CLOCK = (r"(?:(?P<named>noon|midday|midnight)|(?P<h>\d{1,2})(?::(?P<mi>\d{2})|\.(?P<mi_dot>\d{2})(?=\s*[ap]\.?\s?m))?"
          r"(?:\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b))?)")
_CLOCK_DAY = rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY_RE})|(?P<rel>today|tonight|tomorrow|yesterday))\b)"
_QUARTER_ORD = r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"

RULES: list[Rule] = [
    # --- explicit calendar dates (not anchor-relative) ---------------------------------------
    _rule("iso_date", rf"{L}(?P<y>\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}}){_ISO_TIME}?(?!\d)", _b_iso,
          "machine dates in datelines and credits: 2024-06-18, 2024-06-18T15:00"),
    _rule("slash_date", rf"{L}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\d/])",
          _b_slash, "numeric dates; only an unambiguous day/month order gets a value"),
    _rule("full_date_mdy",
          rf"{L}{_WD_PREFIX}(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_RE}){_DATE_SEP}(?P<y>{YEAR_RE}){R}",
          _b_full_date, "US order with year: June 18, 2024 (a weekday in front is part of it)"),
    _rule("full_date_dmy",
          rf"{L}{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE}){_DATE_SEP}(?P<y>{YEAR_RE}){R}",
          _b_full_date, "British order with year: 18 June 2024, the 18th of June 2024"),
    _rule("month_year", rf"{L}(?P<mod>{MOD_RE})?(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR_RE}){R}",
          _b_month_year, "month of a given year: May 2010, early June 2024"),
    _rule("month_of_relative_year",
          rf"{L}(?P<mod>{MOD_RE})?(?P<mon>{MONTH_RE})(?:\s+(?P<d>{DAY_RE}))?,?\s+of\s+(?P<rel>last|this|next)\s+year\b",
          _b_month_of_relative_year, "a month of a year named from the anchor: January of last year -> 2015-01",
          (" of last year", " of this year", " of next year")),
    _rule("year_range", rf"{L}(?P<y>{YEAR_RE})\s*[-–]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d-])",
          _b_year_range, "2009-2010 and 1957-58 are two DATEs in TimeML",
          ("-", "–")),
    _rule("year", rf"{L}(?:{MOD_RE}|fiscal\s+(?:year\s+)?|FY\s?)?(?P<y>{YEAR_RE}){R}(?![-–]\d)(?!['’]?s\b)",
          _b_year, "a year: 1961, mid-2023, fiscal 2013, the end of 2012 (counts refused)"),
    _rule("decade", rf"{L}(?:(?:early|late|mid)(?:-|\s+))?(?:(?P<dec>1[5-9]\d0|20\d0)|['’](?P<dec2>\d0))['’]?s\b",
          _b_decade, "decades: the 1990s -> 199 ('the' left out, as for centuries)",
          ("0s", "0's", "0’s")),
    _rule("century",
          rf"{L}(?:(?:early|late|mid)(?:-|\s+))?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})[\s-]+century\b",
          _b_century, "centuries: the 20th century -> 19 ('the' left out as in the TE3 gold)",
          ("century",)),
    _rule("quarter_of",
          rf"{L}(?:the\s+)?{_QUARTER_ORD}[\s-]quarter(?:\s+of\s+(?:(?P<y>{YEAR_RE})|the\s+year|this\s+year))?\b",
          _b_quarter, "quarters: the third quarter (of 2023), first-quarter (profit)",
          ("quarter",)),
    _rule("quarter_q", rf"{L}(?:(?P<q>Q[1-4])(?:\s+(?P<y>{YEAR_RE}))?|(?P<y2>{YEAR_RE})\s+(?P<q2>Q[1-4]))\b",
          _b_quarter, "quarters in business copy: Q3 2023, 2023 Q3"),
    _rule("half",
          rf"{L}the\s+(?P<h>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR_RE})|(?P<rel>this|last|next|the)\s+year)\b",
          _b_half, "halves of a year: the first half of 2024 -> 2024-H1",
          ("half",)),
    _rule("holiday", rf"{L}(?:{_alt(HOLIDAYS)})\b", _b_holiday,
          "fixed-date holidays: Christmas -> XXXX-12-25 in the anchor's year",
          ("christmas", "new year", "halloween", "valentine", "boxing")),

    # --- dates whose year or day comes from the anchor -----------------------------------------
    _rule("month_day", rf"{L}{_WD_PREFIX}(?P<mon>{MONTH_RE})\s+(?P<d>{DAY_RE})(?!\d|:\d)\b",
          _b_month_day, "month and day without year: April 7 (year from the anchor and tense)"),
    _rule("day_month", rf"{L}{_WD_PREFIX}(?P<d>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})\b",
          _b_month_day, "day and month without year: 7 April"),
    _rule("bare_month",
          rf"{L}(?P<mod>{MOD_RE})?(?:(?P<det>last|next|this)\s+)?(?P<mon>{MONTH_FULL_RE})\b(?!-)",
          _b_bare_month, "a month alone: in September, late last July (May/March need context)"),
    _rule("week_of_month",
          rf"{L}the\s+(?P<nth>{_alt(WEEK_OF_MONTH_ORDINALS)})\s+week\s+(?:of|in)\s+(?P<mon>{MONTH_FULL_RE})(?:,?\s+(?P<y>{YEAR_RE}))?{R}",
          _b_week_of_month, "a week counted in a month: the last week of October -> 2015-W44",
          ("week of", "week in")),
    _rule("season",
          rf"{L}(?P<mod>{MOD_RE})?(?:(?P<det>this|last|next)\s+|the\s+)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}))?\b",
          _b_season, "seasons: last summer -> 2012-SU (bare 'fall' and noun uses refused)"),
    _rule("relative_unit",
          rf"{L}(?P<mod>{MOD_RE}|(?:earlier|later)\s+)?(?P<det>{_DET_REL})?\s*(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)",
          _b_relative_unit, "calendar units relative to the anchor: this week, last year, the past year"),
    _rule("earlier_in", rf"{L}(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)\b",
          _b_earlier_in, "earlier in the day -> the anchor date",
          ("earlier", "later")),
    _rule("ago", rf"{L}(?P<num>{NUMBER_RE})?\s*(?P<unit>{UNIT_RE})s?\s+ago\b",
          _b_ago, "N units ago -> the anchor moved back (TimeML keeps 'ago' in the extent)",
          ("ago",)),
    _rule("weekday_ago", rf"{L}(?P<num>{NUMBER_RE})\s+(?P<wd>{WEEKDAY_RE})s?\s+ago\b", _b_weekday_ago,
          "two Sundays ago -> that date (otherwise 'Sundays' would read as a SET)",
          ("ago",)),
    _rule("weekday",
          rf"{L}(?:(?:early|late)\s+)?(?:(?P<det>last|next|this)\s+)?(?P<wd>{WEEKDAY_RE})(?P<plural>s)?(?:\s+(?P<part>{PART_RE})(?P<part_plural>s)?)?\b",
          _b_weekday, "weekdays resolved against the anchor by tense; plural = SET"),
    _rule("deictic_day",
          rf"{L}(?:(?:earlier|later)\s+)?(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:yesterday|tomorrow|today|this|tonight)(?:\s+(?:{PART_RE}))?|last\s+night)\b",
          _b_deictic_day, "today / yesterday / tomorrow / this morning / last night"),
    _rule("clock", rf"{L}{_CLOCK}(?:\s+(?P<tz>{TZ_RE}))?{_CLOCK_DAY}?(?![\w:])",
          _b_clock, "clock times: 3 p.m., 15:00 GMT Saturday (date from the weekday or anchor)"),

    # --- durations, reference points, recurrences ---------------------------------------------
    _rule("duration",
          rf"{L}(?:(?P<det>{_DUR_DET})\s+)?(?P<adj>(?:{_DUR_ADJ}\s+)+)?"
          rf"(?:(?P<num>{NUMBER_RE})(?:\s+|(?P<hyphen>-)))?(?P<unit>{UNIT_RE})(?P<plural>s)?(?(plural)['’]?)(?![\w-])",
          _b_duration, "durations: 24 years, a month, the past two years, two-day, recent weeks"),
    _rule("ref",
          rf"{L}(?:now|currently|presently|nowadays|these\s+days|at\s+present|recently|lately|the\s+past|the\s+future)\b"
          rf"(?!\s+(?:{NUMBER_RE}|{UNIT_RE}|[a-z]+s)\b)",
          _b_ref, "TimeML reference points: now -> PRESENT_REF, recently -> PAST_REF"),
    _rule("set_adverb", rf"{L}(?P<adv>{_alt(SET_ADVERBS)})\b", _b_set,
          "recurrence adverbs: weekly -> P1W, annually -> P1Y (lower case only: not 'Daily Mail')"),
    _rule("set_every",
          rf"{L}(?:every|each)\s+(?:(?P<wd>{WEEKDAY_RE})|(?P<part>{PART_RE})|(?:(?P<num>{NUMBER_RE})\s+)?(?P<unit>{UNIT_RE}))s?\b",
          _b_set, "every week -> P1W, every two years -> P2Y, every Monday -> XXXX-WXX-1",
          ("every", "each")),
    _rule("set_per", rf"{L}(?:once|twice|\w+\s+times)\s+(?:a|an|per)\s+(?P<unit>{UNIT_RE})\b", _b_set,
          "frequencies: twice a year -> P1Y",
          ("once", "twice", "times")),
]


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

def _candidates(ctx: _Ctx) -> list[tuple[_Found, int]]:
    out: list[tuple[_Found, int]] = []
    lower = ctx.text.lower()
    for prio, rule in enumerate(RULES):
        if rule.needs and not any(n in lower for n in rule.needs):
            continue
        for m in rule.pattern.finditer(ctx.text):
            if m.end() == m.start():
                continue
            built = rule.build(m, ctx)
            if built is None:
                continue
            for f in ([built] if isinstance(built, _Found) else built):
                out.append((f, prio))
    return out


def _trim(text: str, f: _Found) -> _Found:
    """Drop whitespace and trailing punctuation a pattern may have swallowed."""
    s, e = f.start, f.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    if (s, e) == (f.start, f.end):
        return f
    return replace(f, start=s, end=e)


def find_time_expressions(text: str, anchor: dt.date | None = None, *,
                          anchor_is_lower_bound: bool = False,
                          tense_hint: Tense | None = None,
                          weekdays_ahead: bool | None = None,
                          clause_tense: ClauseTense | None = None) -> list[TimeExpression]:
    """Find time expressions in ``text`` and normalise them to TIMEX3 values.

    Args:
        text: Plain text (an article body, a sentence ...).
        anchor: The publication date that relative expressions are resolved against
            ("yesterday", "on Wednesday", "last year"). Without it they get ``value=None``.
        anchor_is_lower_bound: The real publication date is unknown but not earlier than
            ``anchor`` (e.g. the latest date written in the article): a bare weekday then
            resolves to the first such day on or after the anchor.
        tense_hint: Force "past" or "future" resolution of weekdays/months instead of
            guessing the tense from cue words around each expression.
        weekdays_ahead: Whether a bare weekday resolves to the first such day on or after
            the anchor (None: when the anchor is a lower bound). False for an anchor that
            is a guess near the real date (another article's of the story): weekdays then
            follow the tense, as with a real anchor.
        clause_tense: The tense of an expression's clause as a parse reads it: a past cue
            word near the expression is set aside when the clause is in the present or the
            future (cue words cannot tell whose verb they are).

    Returns:
        The expressions in text order, non-overlapping.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Ctx(text, anchor, anchor_is_lower_bound, tense_hint,
               anchor_is_lower_bound if weekdays_ahead is None else weekdays_ahead, clause_tense)
    cands = [(_trim(text, f), p) for f, p in _candidates(ctx)]
    cands.sort(key=lambda fp: (-(fp[0].end - fp[0].start), fp[1], fp[0].start))
    taken: list[_Found] = []
    for f, _ in cands:
        if f.end <= f.start:
            continue
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    taken.sort(key=lambda f: f.start)
    taken = _attach_clock_times(text, taken, None if ctx.lower_bound else anchor, lambda f: _told_in_the_past(ctx, f))
    taken = _quoted_days_of_the_telling(text, taken, None if ctx.lower_bound else anchor)
    taken = _order_day_ranges(text, taken)
    taken = _repeat_written_years(text, taken)
    taken = _restated_in_brackets(text, taken)
    return [TimeExpression(text[f.start:f.end], (f.start, f.end), f.type, f.value, f.day_offset,
                           f.relative) for f in taken]


#: What stands between a relative date and the full date in brackets that restates it
#: ("today (4 November 2011)"), and after that date.
_OPENING_BRACKET = re.compile(r"\s*\(\s*")
_CLOSING_BRACKET = re.compile(r"\s*\)")


def _bracketed_days(text: str, found: Sequence[_Found]) -> list[tuple[range, dt.date]]:
    """Runs of relative dates the text restates at once as a full date in brackets
    ("yesterday (10 October 2011)", "Last week Friday (14 October 2011)"): the indices of
    the run in ``found`` and the day in the brackets."""
    runs = []
    for i in range(len(found) - 1):
        last, stated = found[i], found[i + 1]
        day = _DAY_VALUE.match(stated.value or "") if not stated.relative else None
        if not (day and last.relative and _OPENING_BRACKET.fullmatch(text, last.end, stated.start)
                and _CLOSING_BRACKET.match(text, stated.end)):
            continue
        first = i
        while first > 0 and found[first - 1].relative and not text[found[first - 1].end:found[first].start].strip():
            first -= 1
        runs.append((range(first, i + 1), dt.date(int(day[1]), int(day[2]), int(day[3]))))
    return runs


def _restated_in_brackets(text: str, found: list[_Found]) -> list[_Found]:
    """A relative date the text restates in brackets takes the written day: the writer knew
    the day, the anchor is only a guess when the publication date is unknown ("Last week
    Friday (14 October 2011)" resolved against a later story date fell a week off)."""
    out = list(found)
    for run, day in _bracketed_days(text, found):
        for i in run:
            f = out[i]
            if f.value is None:
                continue
            value = iso_week(day) if "-W" in f.value else day.isoformat() + (f.value[10:] if _DAY_VALUE.match(f.value) else "")
            out[i] = _Found(f.start, f.end, f.type, value, f.day_offset, f.relative, f.floating)
    return out


_YEAR_IN_BRACKETS = re.compile(r"\([^()]{0,40}\b\d{4}\s*\)")


def stated_day(text: str) -> dt.date | None:
    """The day a text says it was written on, from the first relative day it restates in
    brackets ("announced today (4 November 2011)", "said yesterday (10 October 2011)"), or
    None."""
    if not _YEAR_IN_BRACKETS.search(text):
        return None  # (the whole text is read for dates only when a bracket may hold one)
    found = find_time_expressions(text)
    for run, day in _bracketed_days(text, [_Found(e.span[0], e.span[1], e.type, e.value, e.day_offset, e.relative)
                                           for e in found]):
        offset = found[run[-1]].day_offset
        if offset is not None:
            return day - dt.timedelta(days=offset)
    return None


def _told_in_the_past(ctx: _Ctx, f: _Found) -> bool:
    """Whether the clause of ``f`` is told in the past, by its cue words or its parse."""
    parsed = ctx.clause_tense(f.start, f.end) if ctx.clause_tense is not None else None
    return parsed in PAST_READINGS or parsed is None and _cued_tense(ctx, f.start, f.end) == "past"


def _attach_clock_times(text: str, found: list[_Found], anchor: dt.date | None,
                        told_in_the_past: Callable[[_Found], bool] = lambda f: False) -> list[_Found]:
    """Give a clock time, or "earlier in the day", the date written right after it ("at 7
    a.m. on May 4, 2009") or before it ("June 18, 2024 at 9:14 pm"), or in a past clause
    the day the story was last telling of."""
    out = list(found)
    dated: list[int] = []   # the clock times given a day so far, which carry the narrative's day on
    for i in range(len(out)):
        f = out[i]
        if not f.floating:
            continue
        prev = _day_after_clock(text, out, i) or _day_before_clock(text, out, i, told_in_the_past(f)) or (
            None if _a_stamp_line(text, f) else _narrative_day(text, out, i, anchor, dated[-1] if dated else None))
        if prev is None:
            continue
        dated.append(i)
        m = _DAY_VALUE.match(prev.value or "")
        clock = f.value[f.value.index("T"):] if f.value and "T" in f.value else ""
        out[i] = _Found(f.start, f.end, f.type, f"{m[1]}-{m[2]}-{m[3]}{clock}", prev.day_offset,
                        prev.relative)
    return [_Found(f.start, f.end, f.type, None if f.floating and f.value and f.value.startswith("T") else f.value,
                   f.day_offset, f.relative) if f.floating else f for f in out]


#: A speaker's own day: "today", "tonight", "this morning".
_SPEAKERS_DAY = re.compile(r"(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))", re.I)
#: A verb telling in the past what was said: "she said", "told reporters", "wrote".
_TOLD = re.compile(r"\b(?:said|told|wrote|added|declared|insisted|warned|explained|argued|tweeted|stated|"
                   r"remarked|shouted|recalled|promised|vowed)\b")
#: A quotation within a sentence, for its words to be set apart from the telling's.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|``.*?(?:''|$)", re.S)


def _quoted_days_of_the_telling(text: str, found: list[_Found], anchor: dt.date | None) -> list[_Found]:
    """Give a speaker's "today" or "tonight", in quoted words told in the past, the day they
    were spoken: a day written in the telling of its sentence ("an email sent on Tuesday
    night warned: “our victory tonight …”"), else the day the story was telling of when
    that is the day before the report, the day a morning paper's story was written ("Voters
    went to the polls on Tuesday. … “what voters confirmed here tonight,” she said", in
    Wednesday's paper)."""
    if anchor is None:
        return found
    out = list(found)
    for i, f in enumerate(out):
        if f.day_offset != 0 or not _SPEAKERS_DAY.fullmatch(text[f.start:f.end]):
            continue
        sentence = _sentence_start(text, f.start)
        if not _inside_quotation(text, sentence, f.start):
            continue
        told = _QUOTED.sub(" ", _sentence_of(text, f.start) + text[f.end:f.end + 200].split("\n", 1)[0])
        if not _TOLD.search(told):
            continue
        day = _day_of_the_telling(text, out, i, sentence, anchor)
        if day is None:
            continue
        suffix = f.value[10:] if f.value else ""
        out[i] = _Found(f.start, f.end, f.type, day.isoformat() + suffix, (day - anchor).days, f.relative)
    return out


def _day_of_the_telling(text: str, found: list[_Found], i: int, sentence: int, anchor: dt.date) -> dt.date | None:
    """The day quoted words at ``found[i]`` were spoken on: a day not after the report
    written outside quotation marks earlier in its sentence, else the last day so written
    before it within ``NARRATIVE_DAY_CHARS`` when that is the day before the report; None
    without one."""
    for j in range(i - 1, -1, -1):
        prev = found[j]
        if prev.start < found[i].start - NARRATIVE_DAY_CHARS:
            return None
        m = _DAY_VALUE.match(prev.value or "")
        if not m or prev.type not in ("DATE", "TIME") or _inside_quotation(text, _sentence_start(text, prev.start), prev.start):
            continue
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if prev.start >= sentence:
            return day if day <= anchor else None
        return day if day == anchor - dt.timedelta(days=1) else None
    return None


def _a_stamp_line(text: str, f: _Found) -> bool:
    """Whether a clock time is a line of its own ("2:14 p.m." heading a live blog's entry): it
    stamps the entry on the report's day; the past verbs below it do not date it."""
    lo = text.rfind("\n", 0, f.start) + 1
    hi = text.find("\n", f.end)
    return not (text[lo:f.start] + text[f.end:hi if hi >= 0 else len(text)]).strip(" .:—–-")


#: How far back a clock time (or "earlier in the day") in a past clause looks for the day the
#: story is telling of.
NARRATIVE_DAY_CHARS = 1500


def _narrative_day(text: str, found: list[_Found], i: int, anchor: dt.date | None,
                   last_dated: int | None = None) -> _Found | None:
    """For a clock time in a past clause whose sentence names no day ("Only Connecticut
    remained uncalled as votes were counted by 9:30 p.m.", after "declared the winner …
    early Tuesday night"), the last day not after the report written before it, within
    ``NARRATIVE_DAY_CHARS``, and not in quoted words, whose days are the speaker's ("not a
    mayor who is neutral on Monday and who knows what on Wednesday"); after a night, an
    hour before dawn is of the next day ("late Monday night … landed at 1:48 a.m."). Further
    back, the day of the clock time last dated (``found[last_dated]``) goes on: a long
    account told hour by hour stays on its day. None in a present or future clause ("The
    hearing is at 3 p.m." is the report's day) or without such a day."""
    f = found[i]
    sentence = text[_sentence_start(text, f.start):f.end + 120].split(". ", 1)[0]
    if anchor is None or not PAST_CUES.search(sentence) or FUTURE_CUES.search(sentence):
        return None
    for j in range(i - 1, -1, -1):
        prev = found[j]
        beyond = prev.start < f.start - NARRATIVE_DAY_CHARS
        if beyond and (last_dated is None or j < last_dated):
            return None
        day = _DAY_VALUE.match(prev.value or "") if prev.type in ("DATE", "TIME") and not prev.floating else None
        if day and dt.date(int(day[1]), int(day[2]), int(day[3])) <= anchor \
                and not _inside_quotation(text, _sentence_start(text, prev.start), prev.start):
            # (beyond reach, only the clock time last dated carries its day on: another day
            # written after it has ended its account)
            return None if beyond and j != last_dated else _past_the_night(prev, f)
    return None


#: Hours of a night told after its evening ("Tuesday night", "at 11 p.m."), and hours
#: before dawn, which belong to the night before.
_NIGHT_HOURS, _SMALL_HOURS = range(18, 24), range(0, 6)


def _past_the_night(day: _Found, clock: _Found) -> _Found:
    """The day of a clock time told after ``day``: the next one when ``day`` is told as a
    night or an evening hour and the clock time is before dawn ("Tuesday night … shortly
    after midnight", "at 11 p.m. … at 1:48 a.m."); else ``day`` itself."""
    told = (day.value or "").partition("T")[2]
    hour = (clock.value or "").partition("T")[2][:2]
    night = told in ("NI", "EV") or told[:2].isdigit() and int(told[:2]) in _NIGHT_HOURS
    if not (night and hour.isdigit() and int(hour) in _SMALL_HOURS):
        return day
    after = dt.date.fromisoformat(day.value[:10]) + dt.timedelta(days=1)
    return _Found(day.start, day.end, day.type, after.isoformat(),
                  None if day.day_offset is None else day.day_offset + 1, day.relative)


def _day_before_clock(text: str, found: list[_Found], i: int, told_in_the_past: bool = False) -> _Found | None:
    """The day a clock time at ``found[i]`` is on: the date written right before it ("June
    18, 2024 at 9:14 pm"), else the last day written earlier in its sentence ("On the
    November 24 show, from 6AM to 9AM"); None when there is none. A day ahead of the report
    is another clause's when the clock time's own is told in the past ("after a talk on the
    caucus they will hold Monday night, the pilots left at 2 p.m.")."""
    sentence = _sentence_start(text, found[i].start)
    for j in range(i - 1, -1, -1):
        prev = found[j]
        if prev.start < sentence:
            return None
        if prev.type in ("DATE", "TIME") and prev.value and _DAY_VALUE.match(prev.value) and not prev.floating:
            if told_in_the_past and (prev.day_offset or 0) > 0 and _CLAUSE_BREAK.search(text, prev.end, found[i].start):
                return None
            return prev
    return None


#: What joins a clock time to the date after it: "at 7 a.m. on May 4, 2009".
_CLOCK_TO_DAY = re.compile(r"\s*,?\s*on\s+")
#: A comma or a dash between two parts of a sentence.
_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s")


def _day_after_clock(text: str, found: list[_Found], i: int) -> _Found | None:
    """The day written right after a clock time with "on" ("at 7 a.m. on May 4,
    2009", "at 2 p.m. on June 3"), or None."""
    if i + 1 >= len(found):
        return None
    nxt = found[i + 1]
    if nxt.type in ("DATE", "TIME") and nxt.value and _DAY_VALUE.match(nxt.value) and not nxt.floating \
            and _CLOCK_TO_DAY.fullmatch(text, found[i].end, nxt.start):
        return nxt
    return None


#: A month and day written without a year (the year a reader must supply).
_MONTH_DAY_ONLY = re.compile(rf"^(?:{WEEKDAY_RE},?\s+)?(?:{MONTH_RE}\s+{DAY_RE}|{DAY_RE}\s+(?:of\s+)?{MONTH_RE})$", re.I)


def _repeat_written_years(text: str, found: list[_Found]) -> list[_Found]:
    """A month and day in the past that the text wrote earlier with its year is that day
    again: after "testimony on November 12, 2012", "the November 12th admission" is of
    2012, not of the report's year."""
    written: dict[str, str] = {}
    out = []
    for f in found:
        day = _DAY_VALUE.match(f.value or "")
        if day and not f.relative:
            written.setdefault(f"{day[2]}-{day[3]}", day[1])
        elif day and f.relative and (f.day_offset or 0) < 0 and _MONTH_DAY_ONLY.match(text[f.start:f.end]) \
                and f"{day[2]}-{day[3]}" in written:
            # (a day ahead is the coming one: "Last year's fair opened on June 7, 2015; this
            # year it opens June 7")
            year = written[f"{day[2]}-{day[3]}"]
            f = _Found(f.start, f.end, f.type, year + f.value[4:], None, False)
        out.append(f)
    return out


def _order_day_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """In "from Friday through Sunday" the second weekday cannot precede the first one."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not (a.relative and b.relative and a.day_offset is not None and b.day_offset is not None
                and a.value and b.value and b.day_offset < a.day_offset <= b.day_offset + 7):
            continue
        if not re.fullmatch(r"\s*(?:-|–|to|through|thru|until|till)\s*", text[a.end:b.start]):
            continue
        m = _DAY_VALUE.match(b.value)
        if not m:
            continue
        d = dt.date(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(days=7)
        out[i] = _Found(b.start, b.end, b.type, d.isoformat() + b.value[10:], b.day_offset + 7, True)
    return out


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")


#: Words before a date in its sentence that put it ahead of the writing: "is tentatively
#: scheduled to open November 20, 2009", "the vote will be held on May 5, 2025".
_AHEAD = re.compile(r"\b(?:will|shall|scheduled|slated|set to|expected to|planned|plans? to|is to|are to)\b"
                    r"[^.!?\n]*$", re.I)


def looked_forward_to(text: str, start: int) -> bool:
    """Whether the sentence before a date tells it as still to come: a date an article
    looks forward to is no day it must have been published after."""
    return _AHEAD.search(text, max(0, start - 200), start) is not None


def latest_explicit_date(texts: Iterable[str]) -> dt.date | None:
    """The latest fully written calendar date (day precision) in the texts.

    Only dates written out with day, month and year count ("June 18, 2024", "18 June 2024",
    "2024-06-18", "6/18/2024" when unambiguous); nothing relative is resolved. Used as a lower
    bound for an article's publication date when its metadata has none (an embedded social
    post's credit line, an update stamp).

    Args:
        texts: Texts to scan (title, body, captions ...).

    Returns:
        The latest such date, or None when no text has one.
    """
    best: dt.date | None = None
    for text in texts:
        if not text:
            continue
        for te in find_time_expressions(text):
            if te.relative or te.value is None or looked_forward_to(text, te.span[0]):
                continue
            m = _DAY_VALUE.match(te.value)
            if not m:
                continue
            d = _valid(int(m[1]), int(m[2]), int(m[3]))
            if d and (best is None or d > best):
                best = d
    return best


#: A stamp glued before a sentence starts near it: a date past this many characters is the
#: sentence's own.
STAMP_MAX_CHARS = 70
#: Punctuation, a time and a time zone (or two: "07:05 PM ET EDT") between a stamp's date
#: and the sentence ("… 2013, 10:34 PM EDT A man …").
_STAMP_TAIL = re.compile(r"[\s,|:;-]*(?:(?:at\s+)?\d{1,2}\s*[:.]\s*\d{2}\s*(?:[aApP]\.?\s*[mM]\b\.?)?\s*(?:[A-Z]{2,4}\b)?)?"
                         r"(?:\s*(?:[ECMPAH][SD]?T|GMT|UTC|BST|CES?T)\b)?[\s,|:;-]*")
#: A day written in figures, year included ("6/6/2013", "06/06/13"): which figure is the month
#: is not known, yet a stamp's day it is.
_NUMERIC_DAY = re.compile(r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})")
#: What opens a sentence after a stamp: a capital or an opening quotation mark.
_SENTENCE_OPENING = re.compile(r"[A-Z“\"‘'(]")


def leading_stamp_end(text: str) -> int:
    """Where a page's date stamp, glued before a sentence by the extraction of the page,
    ends; 0 when the text opens with none. A stamp holds a full date, perhaps a weekday,
    a time and stamp words, and the sentence after it opens with a capital: "Published at
    12:45, Wednesday, 12 June 2013 A trial date has been set" (the date is the page's, not
    the trial's), "Nov. 30, 2009 A prisoner escaped today". "On Nov. 30, 2009 a prisoner
    escaped" and "Monday Police said" open with no stamp."""
    if not any(c.isdigit() for c in text[:STAMP_MAX_CHARS]):
        return 0  # a stamp's date has figures: most sentences are done with here (a hot path)
    last, end, dated = 0, 0, False
    # Past the first stamp, so that a second one ("PUBLISHED: … UPDATED: …") is taken whole;
    # every stamp starts near the beginning, and ends before three times that.
    for te in find_time_expressions(text[: 3 * STAMP_MAX_CHARS]):
        if te.span[0] > STAMP_MAX_CHARS or not _only_stamp_words(text[last : te.span[0]]):
            break
        last = end = te.span[1]
        dated = dated or bool(not te.relative and (te.value and _DAY_VALUE.match(te.value)
                                                   or _NUMERIC_DAY.fullmatch(text[te.span[0]:te.span[1]])))
    if not dated:
        return 0
    end += _STAMP_TAIL.match(text, end).end() - end
    rest = text[end:]
    return end if _SENTENCE_OPENING.match(rest) and len(rest.split()) >= 4 else 0


def _only_stamp_words(gap: str) -> bool:
    """Whether text between a stamp's dates and times is only punctuation, numbers, time
    zones and stamp words ("Last updated at")."""
    return all(w.lower() in DATELINE_WORDS or (w.isupper() and len(w) <= 4) or w.lower() in ("a", "p", "m")
               for w in re.findall(r"[^\W\d_]+", gap))  # "7:15 a.m." spelt out


#: A wire dateline opening a paragraph: a place in capitals, a month and day, perhaps the
#: year and the agency, then a dash ("LOS ANGELES, Feb. 2 (UPI) —", "PARIS, June 3, 2024 —").
_WIRE_DATELINE = re.compile(
    rf"(?m)^[A-Z][A-Z .'’-]{{2,}}(?:,\s*[A-Z][\w.]*\.?)*,\s*(?P<mon>(?i:{MONTH_RE}))\s+(?P<d>\d{{1,2}})"
    rf"(?:,\s*(?P<y>{YEAR_RE}))?\s*(?:\([A-Za-z .]+\))?\s*(?:—|–|―|--|-)\s")
#: Characters from the start of an article searched for its dateline (title and lead).
WIRE_DATELINE_CHARS = 400
#: Days between a dateline's day and the publication date within which the dateline is the
#: day the report was written: a wire story filed late at night or abroad is often stamped
#: the day before or after.
WIRE_DATELINE_DAYS = 2


def wire_dateline_day(text: str, published: dt.date) -> dt.date | None:
    """The day of the wire dateline opening the article ("LOS ANGELES, Feb. 2 (UPI) —"),
    when it lies within :data:`WIRE_DATELINE_DAYS` of the publication date; None otherwise.
    The report's "yesterday" and "Tuesday" are told from the dateline's day."""
    m = _WIRE_DATELINE.search(text[:WIRE_DATELINE_CHARS])
    if m is None or not m["mon"][:1].isupper():
        return None
    month, day = MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
    d = _valid(int(m["y"]), month, day) if m["y"] else _valid(_nearest_year(published, month, day), month, day)
    if d is None or abs((d - published).days) > WIRE_DATELINE_DAYS:
        return None
    return d


#: A TIMEX3 calendar value: a year and, after it, a month (and day), an ISO week (and its
#: weekend), a quarter, a half or a season.
_CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})(-WE)?|Q([1-4])|H([12])|(SP|SU|FA|WI)))?(?:T.*)?")
#: The month a season of a year starts in (winter of Y starts in December of Y).
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def value_start(value: str) -> dt.date | None:
    """The first day of the time a TIMEX3 calendar value names ("2016-W30" → Monday 25 July
    2016, "2016-SU" → 1 June 2016, "2016-07-30TNI" → 30 July 2016), so that values of
    different precision sort in time: "2016-W30" before "2016-11-08". None for any other
    value (PRESENT_REF, durations, sets, centuries)."""
    m = _CALENDAR_VALUE.fullmatch(value or "")
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[4]:
            monday = dt.date.fromisocalendar(year, int(m[4]), 1)
            return monday + dt.timedelta(days=5) if m[5] else monday
        month = (int(m[2]) if m[2] else 3 * int(m[6]) - 2 if m[6] else 6 * int(m[7]) - 5 if m[7]
                 else _SEASON_MONTHS[m[8]] if m[8] else 1)
        return dt.date(year, month, int(m[3]) if m[3] else 1)
    except ValueError:
        return None
