"""brief's headlines: what sits above a story's body, and lines that read as headlines.

Where an article's body begins under its headline and deck (:func:`body_start`), a headline
that addresses its reader (:func:`addresses_reader`) or says nothing of the event
(:func:`says_something`), and a sentence that is a teaser rather than a statement
(:func:`headline_like`), which the brief leaves out.
"""

from __future__ import annotations

import re
from typing import Any

from .._junk import junk_reason
from .._text import datelines
from ..framing import framing_signals, sensationalism
from ..nlp import parsed
from .support import QUOTED
from .views import attributed


#: "Two mayors, one hall and a plan: …" — a label before a colon is a headline's device;
#: a colon after a speech verb ("Putin said: …") is not.
COLON_LABEL = re.compile(r"^(?P<label>[^:“\"]{3,90}):\s")


SPEECH_BEFORE_COLON = re.compile(r"\b(said|says|told|added|wrote|stated|declared|announced|according to)\s*$", re.I)


#: A body sentence the headline classifier rates this sensational is a teaser.
TEASER_SENSATIONALISM = 0.9
#: "at least 12 people", "derailed, at least for now, …": a figure's bound or a deed's time
#: hedged, no superlative of the outlet's (session 40). ("…, at least when it comes to …"
#: qualifies the writer's own claim, and stays a signal.)
BOUND = re.compile(r"\bat (?:least|most)(?=\s+(?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
                   r"several|half|a dozen|dozens|hundreds|thousands)\b|temporarily\b|briefly\b|for (?:now|the moment|"
                   r"the time being|a (?:while|time))\b))", re.I)


#: Paragraphs a page may set above its dateline: the headline, a deck and a second deck.
HEADLINE_PARAGRAPHS = 3


def body_start(text: str) -> int:
    """Where an article's body begins: at its dateline ("CASPER, Wyo. - Sen. …") when one
    opens a paragraph just below the headline. The lines above it are the headline and its
    deck ("Ada Roos is outworked in the harbour wards."), a page's summary in headline style
    rather than news told. With no dateline, a deck is known by its grammar (:func:`_deck`);
    0 when neither follows the headline."""
    for start, _ in datelines(text)[:1]:
        above = [p for p in text[:start].split("\n") if p.strip()]
        if 0 < len(above) <= HEADLINE_PARAGRAPHS:
            return start
    # The headline paragraph is often taken off before the text reaches the brief: the deck
    # then opens it.
    paragraphs = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for n, paragraph in enumerate(paragraphs[:2]):
        if n + 1 < len(paragraphs) and _deck(paragraph.group()):
            return paragraphs[n + 1].start()
    return 0


#: A deck is a line of a headline's length.
DECK_WORDS = 15


def _deck(paragraph: str) -> bool:
    """Whether the paragraph under the headline is a deck in headline grammar: one short
    sentence whose subject is a singular common noun with no article ("Protest is set as
    leaders weigh …", "Vote on quay delayed again."), as headlines drop them and a story's
    sentences do not ("A protest is set …")."""
    if len(paragraph.split()) > DECK_WORDS:
        return False
    doc = parsed(paragraph.strip())
    if len(list(doc.sents)) != 1:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if subject is None or subject.i != 0 or any(c.dep_ in ("det", "poss", "nummod") for c in subject.children):
        return False
    return subject.tag_ == "NN" or subject.tag_ == "NNS" and root.tag_ == "VBP" and _article_dropped(doc)


def _article_dropped(doc: Any) -> bool:
    """Whether a singular common noun after the verb goes without its article ("Dockers march
    on town hall", "Sources come in from fringe …", session 41): a plural subject with no
    article opens a story's sentences too ("Dockers marched on the town hall on Monday"), but
    a headline's present tense and dropped article do not."""
    return any(t.tag_ == "NN" and t.dep_ in ("pobj", "dobj") and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children)
               for t in doc)


#: Verbs a headline opens on to tell its reader what to do or think ("Expect …", "Don't bet on
#: …", "Forget the polls"). Written out: the parser takes many a name that opens a headline for
#: a verb ("Varga sticking by …").
READER_VERBS = frozenset("""expect watch meet forget remember consider imagine beware ignore brace prepare bet guess
    think look believe blame""".split())


#: The parts of a headline: a headline and its deck, or two clauses set apart by a semicolon.
HEADLINE_PARTS = re.compile(r"\s*[;\n]\s*|:\s+")


def addresses_reader(headline: str) -> bool:
    """Whether the headline tells its reader what to do or think ("Expect prices to roar back",
    "Don't bet on the vote"): a column's or a teaser's, whose opening lines are the writer's
    case rather than the news (session 36). Only a part in sentence case is read: in one with
    every word capitalised ("Report Finds Rise in …") the parser takes a noun for a verb."""
    for part in HEADLINE_PARTS.split(headline.strip()):
        words = part.split()
        if len(words) < 3 or words[1][:1].isupper():
            continue
        doc = parsed(part)
        first = doc[0]
        if first.lower_ in ("do", "don't", "don’t"):
            first = next((t for t in doc[1:] if t.pos_ == "VERB"), first)
        if (first.tag_ == "VB" and first.dep_ == "ROOT" and first.lower_ in READER_VERBS
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)):
            return True
    return False


def headline_like(text: str) -> bool:
    """True for a teaser rather than a statement: a colon label, a framing signal
    (question, ellipsis, vague "this", emotional word …), a very sensational line, or a
    line the junk rules remove ("Leave a Comment")."""
    own = QUOTED.sub("", text)
    label = COLON_LABEL.match(own)
    if label and not SPEECH_BEFORE_COLON.search(label.group("label")):
        return True
    if junk_reason(text) is not None:
        return True
    # The model is asked last, and only of short lines: a sentence is read through the
    # brief's filters one at a time, and embedding each costs more than all the rest.
    signals = framing_signals(BOUND.sub("at", own))
    # A superlative someone in the line gives ("… has the best odds of beating …, according to
    # three polls") is their finding, not the outlet's hype (session 36).
    only_superlatives = all(s.startswith("superlative") for s in signals)
    if signals and not (only_superlatives and attributed(own)):
        return True
    return len(own.split()) < 12 and sensationalism(own) >= TEASER_SENSATIONALISM


# What a time stamp is made of: "updated 8:41 p.m. EST, Tue March 3, 2009".
_TIME_STAMP_WORDS = re.compile(
    r"\b(?:updated?|posted|published|last|modified|on|at|[ap]\.?\s?m\.?|[ecmp][sd]t|gmt|utc|bst|cet|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)(?:day)?|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\.?(?=\W|$)",
    re.I)


#: A byline in a title's place ("BYLINE: Ana Ruiz", "By Ana Ruiz and Ian Holm"), as news
#: archives export a page whose headline was lost.
_BYLINE = re.compile(r"\s*(?:byline\s*:|by\s+[A-Z])", re.I)


def says_something(headline: str) -> bool:
    """Whether a title says what happened, rather than when a page was updated or who
    wrote it: no byline, and two words left once dates, times and "updated"/"posted" are
    taken out. A page whose title was lost often shows its time stamp in its place."""
    if _BYLINE.match(headline):
        return False
    rest = re.sub(r"[\d:.,/\-]+", " ", _TIME_STAMP_WORDS.sub(" ", headline))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) >= 2
