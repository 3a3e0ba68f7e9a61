"""brief's lede: whether a line could open a story (:func:`can_open`).

A brief, like a news story, opens on what happened. Some lines are good further down but
cannot be read first: they point back at a line before them ("Varga has also played …",
"Even the harbour master …"), hold back their news behind a colon ("… agreed on one thing:
…"), set a feature's scene ("Standing in the middle of the hall, Varga stared …"), tell a
history, a birth or what has yet to happen ("For years the board …", "Varga has yet to say
…", "Varga has been writing to Holm since 2029"), tell a time against another event's
("Earlier Tuesday, …"), or give the outlet's verdict on how someone did ("Varga struggled to
answer …"). Such a line keeps its place among the others; it only does not go in front.
"""

from __future__ import annotations

import re
from typing import Any

from ..nlp import parsed
from .reading import in_main_clause, reading_at
from .support import QUOTED, plain
from .views import attributed

#: "Even the decision to …": the line tops a list the reader has not been given.
EVEN_START = re.compile(r"^even\b", re.I)
#: "Earlier Tuesday, …", "Later in the day, …": a time told against another event's, which the
#: reader meets first; such a line follows the news it is earlier or later than (session 41).
ANCHORED_START = re.compile(r"^(?:earlier|later)\b", re.I)
#: A feature's scene-setting opening: the person's posture or gaze before any news
#: ("Standing in the midst of the crowd, …", "Seated behind a desk, …").
SCENE_START = re.compile(r"^(?:standing|sitting|seated|leaning|perched|kneeling|lying|strolling|pacing|wandering|gazing"
                         r"|staring|peering)\b", re.I)
#: A teaser's colon: "Both sides agreed on one thing after the ruling: …" holds back what
#: it announces for the words after it.
TEASING_COLON = re.compile(r"\b(?:one|two|three|a few|several) (?:thing|question|message|lesson|point)s?\b[^:;.]*:\s", re.I)
#: "For years the foundation thrived …", "Over the past decade, …": the line tells a history,
#: the background to the news rather than the news (session 35).
HISTORY_START = re.compile(r"^(?:for|over)\s+(?:the\s+)?(?:(?:past|last|previous)\s+)?(?:\w+\s+)?"
                           r"(?:years|decades|generations|centuries|decade|century)\b", re.I)
#: "There is an old saying that …", "As the saying goes, …": a feature's opening on a saying
#: rather than on what happened (session 35).
SAYING_START = re.compile(r"^(?:there\s+(?:is|was|'s|’s)\s+an?\s+(?:\w+\s+)?|as\s+the\s+(?:\w+\s+)?)"
                          r"(?:saying|adage|maxim|proverb|expression|cliché|cliche)\b", re.I)
#: "… has yet to address how …": what someone has not done, which waits on news to come.
NOT_YET = re.compile(r"\b(?:has|have|had|is|are|was|were)\s+yet\s+to\b", re.I)
#: "The general election is still almost a year away": how long until something, a countdown
#: that tells no news of its own (session 36).
COUNTDOWN = re.compile(r"\b(?:is|are|remains?|was|were)\s+(?:still\s+)?(?:(?:only|just|almost|nearly|about|roughly|some|"
                       r"more\s+than|less\s+than|over|under|at\s+least)\s+)?(?:a|an|one|two|three|four|five|six|seven|"
                       r"eight|nine|ten|a\s+few|several|many|mere|\d+)\s+(?:(?:more|full|short)\s+)?"
                       r"(?:days?|weeks?|months?|years?|hours?|decades?)\s+(?:\w+\s+)?away\b", re.I)


#: Nouns of a long stretch of time: a main verb told "for months" or "for the past decade"
#: tells a history, the background to the news (session 40).
LONG_SPANS = frozenset({"month", "year", "decade", "century", "generation"})
#: Words that make a stretch of time the one up to the time of writing ("for the past decade").
UP_TO_NOW = frozenset({"past", "last", "previous"})
#: Auxiliaries of what is still to happen.
FUTURE = frozenset({"will", "shall", "'ll", "’ll"})


def can_open(line: str) -> bool:
    """Whether a brief line could be the first a reader sees: it points back at no line
    before it nor at another event's time ("Earlier Tuesday, …"), sets no feature's scene,
    opens on no saying nor history ("For years …"), teases with no colon, tells an event
    rather than what has yet to happen or a birth, and gives no reading of the outlet's on
    how someone did or what an event amounts to (:mod:`storyweave.brief.reading`)."""
    own = QUOTED.sub("", plain(line)).strip()
    if any(start.match(own) for start in (EVEN_START, ANCHORED_START, SCENE_START, HISTORY_START, SAYING_START)):
        return False
    if TEASING_COLON.search(own) or reading_at(own) is not None:
        return False
    doc = parsed(own)
    return not (points_back(doc) or tells_no_event(doc) or tells_a_history(doc) or previews(doc))


def tells_a_history(doc: Any) -> bool:
    """Whether the line's main verb is told over a long stretch up to its time ("Varga
    dominated the race for months", "Varga has led the board for the past decade"): the
    background to the news, as an opening "For years …" is (session 40). A term counted out
    ("was jailed for two years") is a deed's."""
    for word in doc:
        if word.lower_ != "for" or word.dep_ != "prep" or word.head.pos_ not in ("VERB", "AUX") or not in_main_clause(word.head):
            continue
        for span in (c for c in word.children if c.dep_ == "pobj" and c.lemma_.lower() in LONG_SPANS):
            counted = any(c.dep_ == "nummod" for c in span.children)
            if not counted and (span.tag_ == "NNS" or any(c.lower_ in UP_TO_NOW for c in span.children)):
                return True
    return any(_ongoing_since_long_ago(word) for word in doc if word.lower_ == "since" and word.dep_ == "prep")


#: A year written out: "2015", "1998".
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def _ongoing_since_long_ago(since: Any) -> bool:
    """Whether "since …" tells that the line's main verb has gone on from a month or year ago
    to the time of writing ("Varga has been writing to Holm since March 2029", "… since last
    year"): what someone has been doing all along is the background to the news (session 41).
    A day ("has been missing since Friday", "since May 3, 2029") is news, and so is a first
    since a year ("the lowest rate since 2008"), which the parser hangs on a noun."""
    verb = since.head
    if verb.tag_ != "VBG" or not in_main_clause(verb):
        return False
    auxiliaries = {c.lemma_ for c in verb.children if c.dep_ == "aux"}
    if not {"have", "be"} <= auxiliaries:
        return False
    told = [t for c in since.children if c.dep_ == "pobj" for t in c.subtree]
    if any(t.like_num and not YEAR.match(t.text) for t in told):
        return False
    return any(YEAR.match(t.text) or t.lemma_.lower() in LONG_SPANS for t in told)


def previews(doc: Any) -> bool:
    """Whether the line tells, in the writer's own words and for no day, what will happen
    ("Cash and party backing will be weighed against the rivals' promises"): a preview's
    case, not news. A plan with its day ("The board will vote on Friday") or someone's word
    ("…, the chair said") is news (session 40)."""
    if any(e.label_ in ("DATE", "TIME") for e in doc.ents) or attributed(doc.text):
        return False
    return any(c.dep_ == "aux" and c.lower_ in FUTURE for verb in doc if verb.pos_ in ("VERB", "AUX") and in_main_clause(verb)
               for c in verb.children)


def tells_no_event(doc: Any) -> bool:
    """Whether the line's main clause tells what has not happened yet ("Varga has yet to
    address how …"; "While Varga has yet to endorse him, Brand has …" tells Brand's deed; "The
    vote is still a year away", session 36) or
    the birth of the person it is about ("Ross was born in Tamsk in 1931"), a life's
    background: neither is the news a story opens on (session 35)."""
    for match in [*NOT_YET.finditer(doc.text), *COUNTDOWN.finditer(doc.text)]:
        verb = next((t for t in doc if t.idx == match.start()), None)
        if verb is not None and in_main_clause(verb):
            return True
    return any(t.lemma_ == "bear" and t.tag_ == "VBN" and in_main_clause(t)
               and any(c.dep_ == "auxpass" for c in t.children) for t in doc)


def points_back(doc: Any) -> bool:
    """Whether the line's main clause says it adds to something told before: "Varga has
    also played …", "Varga won Ostland, too" ("also known as" names, and adds to nothing;
    "too close to call" is a degree, told of no verb)."""
    for token in doc:
        if token.lower_ not in ("also", "too") or token.dep_ != "advmod" or not in_main_clause(token.head):
            continue
        if token.lower_ == "also" and token.head.lemma_ in ("know", "call", "name"):
            continue
        return True
    return False
