"""The story's timeline: its sentences placed at the dates they tell, one entry per fact and
day, in time order. A stage of its own after align (it needs the facts) so that the analysis
JSON only writes it down."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any, Sequence

from ._text import DATELINE
from .extract import published_day
from .extract.attribution_words import DOCUMENT_NOUNS, SPEECH_VERBS
from .extract.clause_tense import FUTURE_MODALS, finite_tense
from .extract.dates import iso_week, value_start
from .extract.quote_marks import quoted_spans
from .model import Annotation, Claim, DateMention, Extraction, Passage, TimelineEntry

#: Words before a date that make it a point of reference, not the time of what the sentence
#: tells: "his first visit since July 2000" did not happen in 2000, nor did "unlike in May
#: 2019, the vote was calm" (the parser hangs "in May 2019" on the verb).
_REFERENCE_POINT = re.compile(r"\b(?:(?:ever )?since|(?:(?:un)?like|than)(?:\s+(?:in|on|at|during|of))?)\s+(?:the\s+)?$", re.I)


def timeline(extraction: Extraction, annotations: Sequence[Annotation]) -> tuple[TimelineEntry, ...]:
    """Each sentence at each day or month it is told at (years alone are too coarse to
    order a story by), earliest first; a sentence told at one day in two ways ("yesterday
    (July 21st)") once, at its finest value ("this morning (July 21)": 2013-07-21TMO; "last
    week Friday": the Friday, not the week)."""
    docs = {a.article.id: a.doc for a in annotations}
    texts = {a.article.id: a.article.text for a in annotations}
    quoted = {a.article.id: quoted_spans(a.article.text) for a in annotations}
    published = {a.article.id: published_day(a) for a in annotations}
    dated: dict[tuple[str, str, tuple[int, int]], Claim] = {}
    for before, date in zip((None, *extraction.dates), extraction.dates):
        if not (date.value and len(date.value) >= 7 and date.value[:4].isdigit()):
            continue
        if before is not None and before.article == date.article and _ends_a_range(texts.get(date.article, ""), before, date):
            continue
        if _speakers_day(date, quoted.get(date.article, [])):
            continue
        sentence = next((c for c in extraction.claims if c.article == date.article and c.span[0] <= date.span[0] < c.span[1]), None)
        if sentence is None or _dates_something_else(date, sentence, docs.get(date.article)):
            continue
        if _a_span_counted_back(date, sentence):
            continue
        neighbours = [d for d in extraction.dates if d.article == date.article and d is not date
                      and sentence.span[0] <= d.span[0] < sentence.span[1]]
        if _names_another_time(date, neighbours, docs.get(date.article), published.get(date.article),
                               quoted.get(date.article, [])):
            continue
        if _one_of_several_times(date, neighbours, texts.get(date.article, "")):
            continue
        if _of_a_year_named_before(date, neighbours, sentence, published.get(date.article)):
            continue
        dated[(date.value, date.article, sentence.span)] = sentence
    finer = {(article, span, value[:10]) for value, article, span in dated if len(value) > 10}
    finer |= {(article, span, iso_week(dt.date.fromisoformat(value[:10]))) for value, article, span in dated if _DAY.match(value)}
    kept = sorted((key for key in dated if not ((len(key[0]) == 10 or "-W" in key[0]) and (key[1], key[2], key[0]) in finer)),
                  key=_in_time)
    return _one_entry_per_fact([(value, dated[(value, article, span)]) for value, article, span in kept])


def _dates_something_else(date: DateMention, sentence: Claim, doc: Any) -> bool:
    """Whether the date is not the time of what the sentence tells: a point of reference
    ("since July 2000"), the report's own dateline ("PHILADELPHIA, July 29 (UPI) —"), or
    the time of a thing the sentence compares with ("warned of floods like those seen in
    March 2010"). A description keeps its date: "the blaze, which broke out on Sunday" and
    "Clinton, who declared victory on Tuesday night" often tell the story's own events
    (of 23 dates in descriptions of people on the timelines of 100 PolNeAR articles, about
    half did)."""
    before = sentence.text[: date.span[0] - sentence.span[0]]
    dateline = DATELINE.match(sentence.text)
    if _REFERENCE_POINT.search(before) or dateline and len(before) < dateline.end():
        return True
    tokens = doc.char_span(date.span[0], date.span[1], alignment_mode="expand") if doc is not None else None
    token = tokens.root if tokens is not None else None
    below = None
    while token is not None and token.head.i != token.i:
        if token.lower_ in COMPARISONS and token.dep_ in ("prep", "pobj", "dobj", "nsubj", "attr"):
            return True
        if token.lower_ == "since" and token.dep_ == "prep" or _a_change_counted_from(token, below):
            return True
        below, token = token, token.head
    return False


def _a_change_counted_from(token: Any, below: Any) -> bool:
    """Whether a date under ``token`` is the time a change is counted from: "down from 21
    points during the first quarter", "up 5 points from her March average" (not the "to"
    end of "up from 5 in March to 9 in May")."""
    return token.lower_ in ("down", "up") and any(c.lower_ == "from" and c.dep_ == "prep" for c in token.children) \
        and below is not None and below.lower_ != "to"


#: A span reaching back to the time of telling: "voters who decided over the last month",
#: "spending in this last week or two". What the sentence tells fell somewhere in it (or is
#: the span itself), so no single point of the timeline is its own.
_SPAN_BACK = re.compile(r"\b(?:over|during|in|within|throughout|for)\s+(?:the|this)\s+(?:last|past)\s+"
                        r"(?:few\s+|couple\s+of\s+)?(?:days?|weeks?|months?)$", re.I)


def _a_span_counted_back(date: DateMention, sentence: Claim) -> bool:
    """Whether a date is a span counted back from the telling ("over the last month")."""
    return bool(_SPAN_BACK.search(sentence.text, 0, date.span[1] - sentence.span[0]))


def _names_another_time(date: DateMention, neighbours: Sequence[DateMention], doc: Any,
                        published: dt.date | None, quoted: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the parse shows a date to be the time of a thing the clause only mentions,
    not of what the clause tells: a time the clause is told before or after ("spending
    before Tuesday's primary", "is staggering after a defeat Tuesday"), a past thing
    named in a clause told in the present ("faces a count over the March 8 incident"), or
    a thing named in a clause another date places ("A few days ago, Wednesday's debate
    appeared …")."""
    span = doc.char_span(date.span[0], date.span[1], alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    verb, path = _clause_of(span.root, span)
    tense = _telling_tense(verb)
    gone = published is not None and _ends_before(date.value, published)
    if _told_before_or_after(span, path, tense, gone):
        return True
    if gone and (tense == "future" or _held_now_by_a_modal(verb)) and not _of_a_described_thing(path) \
            and not any(start <= i < end for start, end in quoted for i in (verb.idx, date.span[0])):
        # a day gone names a thing in what is still to come ("Monday's ruling will
        # reverberate"); a speaker's "will" or "can" is of the day they spoke, and a
        # participle describing a thing has its own time ("the deal brokered last week")
        return True
    argument = _in_an_argument(span, path)
    if not (argument or _a_nouns_time(span) and not any(t.lower_ == "according" for t in path)):
        return False  # the date is the clause's own ("voted on Tuesday", "won in Tuesday's primary")
    if gone and tense == "present" and verb.lemma_ not in SPEECH_VERBS and not _a_subject_of(path, verb) \
            and not _at_a_telling(path):
        return True  # (also a noun's day on the verb: "Even with his victory Tuesday, it remains …")
    if not argument:
        return False
    # (an infinitive has a time of its own, often later: "vowed Tuesday to remain in the
    # fight", a participle shares its clause's; and what lasts "until the convention in
    # July" reaches that time)
    if any(_an_infinitive(t) or t.lower_ in ("until", "till") for t in path):
        return False
    return any(_places_the_clause(other, date, verb, doc) for other in neighbours)


#: What joins the times of a list: "in May or June or July", "on Monday, Tuesday or Wednesday".
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:or|and)\s+)?(?:(?:in|on|at|by)\s+)?")


def _one_of_several_times(date: DateMention, neighbours: Sequence[DateMention], text: str) -> bool:
    """Whether a date is one of times offered as alternatives ("tell us how much you love us
    in May or June or July", "a ruling expected Monday or Tuesday"): the sentence tells no
    one of them."""
    listed = sorted((*neighbours, date), key=lambda d: d.span[0])
    at = listed.index(date)
    start = end = at
    while start > 0 and _LIST_JOIN.fullmatch(text, listed[start - 1].span[1], listed[start].span[0]):
        start -= 1
    while end + 1 < len(listed) and _LIST_JOIN.fullmatch(text, listed[end].span[1], listed[end + 1].span[0]):
        end += 1
    joins = [text[listed[i].span[1]:listed[i + 1].span[0]] for i in range(start, end)]
    return any(re.search(r"\bor\b", join) for join in joins)


#: A month, season or quarter with no year of its own: "in February", "early June", "the summer".
_PART_OF_A_YEAR = re.compile(r"^\d{4}-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])$")
#: Words tying a time to the telling, whose year they give: "last fall", "this summer", "next March".
_DEICTIC = re.compile(r"\b(?:this|last|next|past|coming|previous)\b", re.I)
#: A year named by the one told of before: "June of that year", "the same year".
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same|the\s+following|the\s+previous)\s+year\b", re.I)


def _of_a_year_named_before(date: DateMention, neighbours: Sequence[DateMention], sentence: Claim,
                             published: dt.date | None) -> bool:
    """Whether a month or season written without a year may be of a year the sentence has
    just named ("Eight years ago, Varga had won 11 straight contests in February", "she
    stayed in the 2008 race until June", "the end of the primaries in early June of that
    year"): in a narrative a bare month belongs to the year being told of, which the
    publication date does not give, so the timeline cannot place it."""
    if not _PART_OF_A_YEAR.match(date.value or "") or re.search(r"\d{4}", date.text) or _DEICTIC.search(date.text):
        return False
    if _THAT_YEAR.search(sentence.text, 0, min(len(sentence.text), date.span[1] - sentence.span[0] + 20)):
        return True
    return any(other.span[0] < date.span[0] and re.fullmatch(r"\d{4}", other.value or "")
               and other.value not in (date.value[:4], published and str(published.year)) for other in neighbours)


def _held_now_by_a_modal(verb: Any) -> bool:
    """Whether a clause tells what must, can or should be ("he should get a boost"), which no
    day gone can be the time of ("he should get a boost from the win Tuesday", written on
    Wednesday: the day is the win's)."""
    # (a negated one often judges a deed, whose day it may be: "you can't trash us in
    # February and then ask for our votes")
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    return any(a.lower_ in _PRESENT_MODALS for a in auxiliaries) \
        and not any(a.lemma_ == "have" or a.dep_ == "neg" for a in auxiliaries)


def _of_a_described_thing(path: Sequence[Any]) -> bool:
    """Whether a date is the time of a participle or relative clause describing a noun ("the
    deal brokered last week", "the release she issued last week")."""
    return any(t.dep_ in ("acl", "relcl") for t in path)


def _a_nouns_time(span: Any) -> bool:
    """Whether a date qualifies a noun ("his victory Tuesday", "Tuesday's ruling")."""
    return span.root.dep_ in _OF_THE_NOUN and span.root.head.pos_ == "NOUN"


def _an_infinitive(token: Any) -> bool:
    """Whether a word is a verb after "to" ("to remain")."""
    return token.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" and c.dep_ == "aux" for c in token.children)


def _clause_of(token: Any, span: Any) -> tuple[Any, list[Any]]:
    """The word heading the clause that holds a token (the first one above it that carries a
    tense: an infinitive or a participle is told at its clause's time), and the words
    between them outside the date's own words."""
    path: list[Any] = []
    while token.head.i != token.i:
        token = token.head
        if _telling_tense(token) is not None or token.head.i == token.i:
            return token, path  # (a root with no tense read still heads the clause)
        if not span.start <= token.i < span.end:
            path.append(token)
    return token, path


#: Modals of what holds at the time of telling: "must prepare", "can win", "should get".
_PRESENT_MODALS = frozenset({"must", "can", "ca", "should"})


def _telling_tense(verb: Any) -> str | None:
    """The tense a clause is told in: "past", "perfect", "present" (with a modal of duty or
    ability too), "future", "conditional", or None for a word that carries none."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    modals = {a.lower_ for a in auxiliaries if a.tag_ == "MD"}
    if modals:
        if any(a.lemma_ == "have" for a in auxiliaries):
            return "perfect"
        return "future" if modals & FUTURE_MODALS else "present" if modals & _PRESENT_MODALS else "conditional"
    return finite_tense(verb)


def _ends_before(value: str, day: dt.date) -> bool:
    """Whether the time a value names (a day, an ISO week or a month) is over before ``day``."""
    start = value_start(value)
    if start is None:
        return False
    if _DAY.match(value):
        return start < day
    if "-W" in value:
        return start + dt.timedelta(days=6) < day
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return (start.year, start.month) < (day.year, day.month)
    return False


#: Prepositions putting what a clause tells before or after the time they govern:
#: "before Tuesday's vote", "ahead of the March 1 contests", "after a defeat Tuesday".
_BEFORE = frozenset({"before", "ahead", "prior"})
_AFTER = frozenset({"after", "following"})
#: Words bringing a "before" next to the time it governs: "just before Tuesday's vote" may
#: be on Tuesday.
_CLOSE_TO = frozenset({"just", "shortly", "right", "moments", "minutes", "hours", "immediately"})
#: How a date belongs to the noun phrase it is in: "Tuesday's vote", "the March 1
#: contests", "a defeat Tuesday" (not "the event on Monday", which the parser may hang on
#: the noun though it is the verb's day: "said ahead of his event on Monday").
_OF_THE_NOUN = frozenset({"poss", "compound", "nmod", "amod", "npadvmod", "nummod", "tmod"})


def _told_before_or_after(span: Any, path: Sequence[Any], tense: str | None, gone: bool) -> bool:
    """Whether a date is governed by "before" or "after" (as a preposition, over a noun
    phrase or a gerund: "ahead of the March 1 contests", "After trouncing her in
    Tuesday's primary"): a thing done before it is not at it; one done after it may be on
    the same day when told in the past ("After the debate last week, he told reporters"),
    but not when told in the present of a time since gone ("After a defeat Tuesday, she is
    staggering"), nor a thing named by the time it follows ("the contests after Tuesday's
    primary")."""
    preposition = next((t for t in path if t.dep_ == "prep" and _before_or_after(t) is not None), None)
    if preposition is None:
        return False
    own = span.root.dep_ in _OF_THE_NOUN or span.root.head.i == preposition.i
    if not own:
        return False
    if _before_or_after(preposition) in _BEFORE:
        return not any(t.lower_ in _CLOSE_TO for t in preposition.doc[max(0, preposition.i - 2):preposition.i])
    return preposition.head.pos_ in ("NOUN", "PROPN") or gone and tense in ("present", "future", "conditional")


def _before_or_after(preposition: Any) -> str | None:
    """"before", "after" (or "ahead", "prior", "following") for a preposition of one, else None."""
    if preposition.lower_ in _BEFORE | _AFTER:
        return preposition.lower_
    if preposition.lower_ in ("of", "to") and preposition.head.lower_ in ("ahead", "prior") \
            and preposition.head.i == preposition.i - 1:
        return preposition.head.lower_
    return None


#: Dependencies of a noun that is an argument of its clause's verb, or of a preposition
#: hung on a noun: a date under one names the time of a thing the clause mentions.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "csubj"})


def _in_an_argument(span: Any, path: Sequence[Any]) -> bool:
    """Whether a date is inside a noun phrase the clause speaks of ("faces a count of
    battery as a result of the March 8 incident", "Wednesday's debate appeared …"), not
    the clause's own time ("won in Tuesday's primary", "voted Tuesday")."""
    return any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in _ARGUMENTS
               or t.dep_ == "prep" and t.head.pos_ in ("NOUN", "PROPN") for t in path) \
        or span.root.dep_ in ("poss", "compound", "nmod", "amod", "nummod") and span.root.head.dep_ in _ARGUMENTS


#: Occasions of a telling: a reporter hangs "in an interview on Sunday" on the clause told
#: ("his campaign doesn't want that, in an interview with CNN on Sunday"), whose time it is.
_TELLING_OCCASIONS = DOCUMENT_NOUNS | {"interview", "speech", "remarks", "briefing", "conference", "call", "appearance"}


def _at_a_telling(path: Sequence[Any]) -> bool:
    """Whether a date is in a phrase of the occasion of a telling ("in an interview on Sunday")."""
    return any(t.lemma_.lower() in _TELLING_OCCASIONS and t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "at")
               for t in path)


def _a_subject_of(path: Sequence[Any], verb: Any) -> bool:
    """Whether the date qualifies the clause's subject itself ("A Feb. 1 letter warns",
    "Tuesday's results show"): a document or an event speaks in the present of its day."""
    return bool(path) and path[0].dep_ in ("nsubj", "nsubjpass") and path[0].head.i == verb.i


#: Prepositions giving a clause its time: "on Tuesday", "at 8 p.m.", "in March".
_TIME_PREPOSITIONS = frozenset({"on", "at", "in", "during"})


def _places_the_clause(other: DateMention, date: DateMention, verb: Any, doc: Any) -> bool:
    """Whether another date of the sentence is the time of the clause a date is named in:
    it is that clause's own adverbial, or a participle's hung on it ("A few days ago,
    Wednesday's debate appeared …", "On Tuesday, she criticised Monday's ruling"), and
    another time."""
    if not other.value or other.value == date.value or re.match(r"P\d|PT\d|XXXX", other.value):
        return False
    span = doc.char_span(other.span[0], other.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    own_verb, path = _clause_of(span.root, span)
    return own_verb.i == verb.i and all(
        t.pos_ == "VERB" and t.dep_ == "advcl" or i == 0 and t.lower_ in _TIME_PREPOSITIONS
        for i, t in enumerate(path))


#: Words that count days from the day they are said: inside a quotation that day is the
#: speaker's, which the publication date does not tell ("“Last night you said …”", asked in
#: an interview the day before the report).
_SAID_DAY = re.compile(r"(?:earlier\s+|later\s+)?(?:today|tonight|yesterday|tomorrow|last\s+night|"
                       r"this\s+(?:morning|afternoon|evening))\b", re.I)


def _speakers_day(date: DateMention, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether a date is a day counted from a speaker's "today" inside quotation marks."""
    return bool(_SAID_DAY.match(date.text)) and any(start <= date.span[0] < end for start, end in quoted)


#: A time span's two ends: "between Oct. 30 and Nov. 9", "from May 2 through May 9" (not "from
#: Tuesday to Friday", which may move a thing to its new day).
_RANGE_OPENER = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_JOIN = {"between": re.compile(r"\s*and\s*"), "from": re.compile(r"\s*(?:through|until|till|-|–)\s*")}


def _ends_a_range(text: str, first: DateMention, date: DateMention) -> bool:
    """Whether ``date`` closes a span ``first`` opens: the sentence is told once, at the
    span's start ("The poll was conducted between Oct. 30 and Nov. 9")."""
    opener = _RANGE_OPENER.search(text, max(0, first.span[0] - 10), first.span[0])
    return bool(opener) and bool(_RANGE_JOIN[opener.group().split()[0].lower()].fullmatch(text, first.span[1], date.span[0]))


#: Words setting what they govern beside another time: "floods like those of 2010", "the
#: kind seen in 2010", "worse than in 2010".
COMPARISONS = frozenset({"like", "unlike", "than", "kind", "sort", "type"})


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Where TIMEX3's parts of a day fall in it, as hours: morning before afternoon, evening
#: before night (as text, "TAF" < "TMO" < "TNI").
_PART_HOURS = {"MO": 9.0, "DT": 12.0, "AF": 15.0, "EV": 19.0, "NI": 22.0}
_TIME_OF_DAY = re.compile(r"T(?:(MO|DT|AF|EV|NI)|(\d{2}):(\d{2}))")


def _hour(value: str) -> float:
    """The hour a value's time of day starts at; -1 for a value with none (a whole day comes
    before its parts)."""
    m = _TIME_OF_DAY.match(value, 10)
    if m is None:
        return -1.0
    return _PART_HOURS[m.group(1)] if m.group(1) else int(m.group(2)) + int(m.group(3)) / 60


def _in_time(key: tuple[str, str, tuple[int, int]]) -> tuple[dt.date, float, str, str, tuple[int, int]]:
    """Sorts entries by when their time starts: "2016-W30" (a week in July) comes before
    "2016-11-08", and a morning before the afternoon of its day, which sorting the values
    as text would not do."""
    return (value_start(key[0]) or dt.date.max, _hour(key[0]), *key)


def _one_entry_per_fact(dated: list[tuple[str, Claim]]) -> tuple[TimelineEntry, ...]:
    """Sentences of one fact on one date made one entry, citing every article's sentence
    (``passages``): copies of a wire story tell the same event at the same date, and the
    reader should see it once with its sources, as the facts list shows it. The first
    sentence in time order speaks for them."""
    entries: list[TimelineEntry] = []
    first_of: dict[tuple[str, str], int] = {}
    for value, sentence in dated:
        passage = Passage(sentence.article, sentence.span)
        at = first_of.get((value, sentence.fact)) if sentence.fact else None
        if at is not None:
            entries[at] = replace(entries[at], passages=(*entries[at].passages, passage))
            continue
        if sentence.fact:
            first_of[(value, sentence.fact)] = len(entries)
        entries.append(TimelineEntry(value, sentence.text, sentence.article, sentence.span, (passage,)))
    return tuple(entries)
