"""Tense and anchor reading: which side of the publication day a weekday, month or season lies on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .time_words import MONTH_RE, PAST_READINGS, SEASONS, Tense, _Ctx, _Found, _alt, _sentence_start, _valid


# Cues for the tense of the clause around an expression. The nearest cue before the
# expression decides; with none before it, the clause after it is looked at; the default is
# the past, as in most news reports.
FUTURE_CUES = re.compile(
    r"\b(?:will|won['’]t|shall|would|['’]ll|going\s+to|(?:is|are|was|were)\s+to|(?:must|(?-i:may|might))(?!\s+have\b)|could(?!\s+(?:have|not|never)\b)|(?:has|have)\s+to|(?:plans?|planned|"
    r"set|expected|scheduled|due|poised|slated|hopes?|aims?|aiming|intends?|seeks?|seeking|vow(?:s|ed)?|"
    r"pledge[sd]?|promise[sd]?)\s+to|due\s+(?:in|on|by)|(?:scheduled|slated|planned)\s+for|"
    # ("the looming vote in October": an adjective telling a thing as ahead)
    r"next|upcoming|looming|impending|forthcoming|until|till|postponed|delayed|adjourned|"
    # "with the deadline just weeks away, Sept. 14"
    r"(?:hours?|days?|weeks?|months?)\s+away|"
    # A mandative subjunctive tells what is to be done after the demand: "ordered that the
    # ferry logs be handed over by Thursday".
    r"(?:order|demand|requir|insist|ask|request|direct|urg|recommend|propos|mandat|stipulat|decree)[a-z]*\s+"
    r"that\s+(?:[^\s.;!?]+\s+){1,10}?be(?=\s)|"
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
_NOUN_CUES = frozenset({"next", "upcoming", "looming", "impending", "forthcoming"})

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
    r"|(?:a|an|the|its|his|her|their)\s+(?:planned|scheduled)"
    # "was recasting an address, to be delivered Wednesday": a passive infinitive naming what
    # is to be done to a thing (not one of report, "was said to be arrested Monday")
    r"|(?<!\bsaid\s)(?<!\bthought\s)(?<!\bbelieved\s)(?<!\breported\s)(?<!\bknown\s)(?<!\balleged\s)"
    r"(?<!\bseemed\s)(?<!\bappeared\s)(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\bto\s+be\s+[a-z]+(?:ed|en)\b(?=\s+(?:on\s+)?$))", re.I)
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
        # "last Monday" written on a Wednesday: a day of the paper's own week is told as "on
        # Monday", so "last" reaches into the week before
        return a - dt.timedelta(days=back + 7 if wd < a.weekday() else back or 7)
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
#: Nouns of a result, which exists only once its day is over: "her victories on Tuesday will
#: …" are Tuesday's gone ("the vote on Tuesday will decide the race" may be ahead).
RESULT_NOUNS = frozenset("win wins victory victories loss losses defeat defeats".split())
#: A sentence opening with a subject whose head is a result, running to "on" before a weekday.
_EVENT_SUBJECT = re.compile(
    r"[\"“'‘(]?(?i:the|his|her|their|its|our|[a-z]+['’]s)\s+(?:[a-z-]+\s+)?"
    rf"(?:{_alt(RESULT_NOUNS)})\b[^.;:!?]*\bon\s+$")
