"""Present readings: whether "today", "now" or a clock time tells of nowadays, of a habit or of the speaker's day."""

from __future__ import annotations

import re

from .time_words import (MONTH_FULL_RE, WEEKDAYS, WEEKDAY_RE, _Ctx, _alt, _at_sentence_start,
                         _ends_abbreviation, _inside_quotation, _is_cap, _sentence_of, _sentence_start)
from .date_tense import FUTURE_CUES, PAST_CUES, RESULT_NOUNS, SCHEDULED_NOUNS, _POSSESSIVE, _resolve_weekday


#: A verb of speech dated by a weekday: "said on Thursday", "told reporters Tuesday",
#: "Thursday said".
_SPOKEN_ON = re.compile(
    rf"\b(?:said|says|told|wrote|added|announced|stated|declared)\s+(?:[a-z]+\s+){{0,2}}?(?:on\s+)?(?P<wd>(?i:{WEEKDAY_RE}))\b"
    rf"|\b(?P<wd2>(?i:{WEEKDAY_RE}))\s+(?:said|told|wrote|added|announced)\b")


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
#: A noun of a scheduled thing or of its result, then "in", before a month: "a victory in
#: November", "the runoff in June".
_SCHEDULED_IN = re.compile(rf"\b(?:{_alt(SCHEDULED_NOUNS | RESULT_NOUNS)})\s+in\s+$", re.I)
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
