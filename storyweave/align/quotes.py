"""align's quote groups: quotes of one utterance, as different outlets wrote it, become one
group with its best-attested speaker and the word differences between the versions.

Candidates come from sentence-embedding cosine and shared runs of words; the tests below
keep apart two people's remarks that share a term, words said of a name after different
verbs, and opposite claims of different speakers."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import replace
from typing import Sequence

import numpy as np

from ..embed import DIMENSIONS, embed
from ..model import Quote, QuoteGroup
from ..name_swaps import swapped_names
from ..opposites import opposite_words
from . import SAME_STATEMENT, TITLE_WORDS, _cluster, same_statement
from .words import common_runs, content_words

#: Quotes of one utterance reworded by outlets keep a cosine above this.
SAME_QUOTE_COSINE = 0.72
SAME_QUOTE_WORDS = 0.5
#: Content words a quote needs before a reworded version of it is recognised by cosine.
MIN_REWORDED_WORDS = 3
#: Content words from which each of two quotations says a statement of its own, which the
#: statement judge can read (:func:`_same_words_if_other_speaker`).
MIN_JUDGED_WORDS = 5
#: Statement judge's score under which one person's two quotations of that length are other
#: remarks: well under its cut (:data:`SAME_STATEMENT`), which a misquote may miss.
OTHER_REMARK_BELOW = 0.35
#: A speaker resolved from context this surely ("he said" right after his own quote)
#: stands even when another outlet names someone else: that is attribution drift.
SURE_SPEAKER = 0.9
#: Quotes that share a distinctive three-word phrase need only this cosine.
SHARED_PHRASE_COSINE = 0.45
#: Share of two quotes' content words (Jaccard) from which they are nearly the same words.
SAME_WORDS = 0.8


#: A figure's digits with its separators and decimal point ("12,000", "2.5").
_FIGURE_DIGITS = r"\d+(?:[.,]\d+)*"
#: A word, with its apostrophes and hyphens; an opening single quotation mark typed between
#: two letters ("Varga‘s") stands for an apostrophe, so it does not split the word. A figure
#: keeps its currency sign, separators and decimal point ("$12,000", "2.5%"): shown in a
#: quote's changed words, "12 000" and "12,000" were not what either outlet printed. Initials
#: with their points ("U.N.") are one word, the same word as "UN" (:func:`_typography_plain`).
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[$£€]?" + _FIGURE_DIGITS + r"[\w’'-]*%?|(?:[\w’'-]|(?<=\w)‘(?=\w))+")


def _words(text: str) -> list[str]:
    # a dash typed as hyphens ("less safe - it risks" / "less safe -- it risks") is the
    # outlet's typography, not a word
    return [w for w in _WORD.findall(text) if w.strip("-")]


def _typography_plain(word: str) -> str:
    # the typography of one word: its apostrophe's glyph, and the points of initials
    return re.sub(r"(?<=[a-z])\.", "", re.sub(r"[’‘]", "'", word.lower()))


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level edit of ``a`` into ``b`` as ``(op, words)`` pairs, op being
    ``equal``, ``delete`` or ``insert`` (a replacement is a delete then an insert)."""
    wa, wb = _words(a), _words(b)
    # The apostrophe's glyph ("I’m" / "I'm") is the outlet's typography, so an opening left out
    # before such a word stays where the quote began, not a dropped phrase.
    matcher = difflib.SequenceMatcher(a=[_typography_plain(w) for w in wa], b=[_typography_plain(w) for w in wb], autojunk=False)
    ops: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            ops.append(("equal", " ".join(wa[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(wa[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(wb[j1:j2])))
    return ops


#: A figure's thousands separator or decimal point between two digits ("12,000", "2.5").
_INSIDE_FIGURE = re.compile(r"(?<=\d)([,.])(?=\d)")


def _figures_whole(text: str) -> str:
    # a decimal point stays apart, as a letter, so "2.5" does not become "25"
    return _INSIDE_FIGURE.sub(lambda m: "" if m.group(1) == "," else "p", text)


def _words_of_runs(text: str) -> list[str]:
    """Content words as runs of words are read: a possessive's "s" is no word of its own, so
    "Ana Varga's" is a name, not a phrase of three words two remarks on her share; and a
    figure is one word, so "destroyed 12,000 files" / "destroyed 12,000 letters" share two
    words, not a phrase of three."""
    return [w for w in content_words(_figures_whole(text)) if len(w) > 1]


def _shared_runs(a: str, b: str, length: int = 3) -> set[str]:
    """The content words of every run of ``length`` content words the two texts share, in order."""
    return {w for run in common_runs(a, b, length, _words_of_runs) for w in run}


def _shares_phrase(a: str, b: str, length: int = 3) -> bool:
    """Whether two texts share a run of ``length`` content words, in order: the mark of a
    quote that was reworded around its most distinctive phrase."""
    return bool(_shared_runs(a, b, length))


#: Share of the shorter quote's content words that runs shared with the longer must cover
#: for it to be an extract of the longer ("a peaceful vigil that devolved into a riot").
EXTRACT_SHARE = 0.75


def _one_remark(a: str, b: str) -> bool:
    """Whether two quotes sharing a run of words, one of them credited to no one named, are
    one remark: one is an extract of the other, or the statement judge takes them for one
    statement. A run of the story's topic words is shared by other remarks on it ("police
    officers shooting young men is a problem" / "what caused the police officers to shoot";
    "the boy was carrying a knife for a friend" / "she never said whether the boy was
    carrying a knife"), and a speaker nobody named may be anyone."""
    shorter = min(set(_words_of_runs(a)), set(_words_of_runs(b)), key=len)
    if shorter and len(_shared_runs(a, b) & shorter) >= EXTRACT_SHARE * len(shorter):
        return True
    return same_statement(a, b) >= SAME_STATEMENT


_CAPITAL_WORD = re.compile(r"\b[A-Z][\w’'-]*")
_FIGURE = re.compile(r"\d")


def _names_of_pair(a: str, b: str) -> set[str]:
    """Content words written as names in either text: with a capital inside it, or with a
    capital in both (a name that opens both quotes, "Tolvan Reese was seen …")."""
    opening = ({w for m in _CAPITAL_WORD.findall(a) for w in content_words(m)}
               & {w for m in _CAPITAL_WORD.findall(b) for w in content_words(m)})
    return _name_words(a) | _name_words(b) | opening


def _shares_plain_phrase(a: str, b: str, length: int = 3) -> bool:
    """Whether two texts share a run of ``length`` content words none of which is a name or a
    figure. Names, ages and counts are what every remark on a story repeats ("Tolvan Reese
    Jr. was caught in a barn" / "Tolvan Reese Jr. fled on foot", "the 40-year-old ranger was
    charged" / "a 40-year-old ranger was found dead"); a remark reworded around its own
    phrase shares the speaker's words ("at any hour of the day or night"). A possessive's
    "s" does not count: "the sheriff's deputy" is a title, not a phrase of three words."""
    names = _names_of_pair(a, b)
    runs = common_runs(a, b, length, _words_of_runs)
    return any(not any(w in names or _FIGURE.search(w) for w in run) for run in runs)


def _shares_a_plain_word(a: str, b: str) -> bool:
    """Whether two texts share a content word that is neither a name nor a figure. Two
    reports of one person's words that share only names ("called the Orsk Harbour Trust “a
    gift to the nation”" / "claimed the Orsk Harbour Trust had lost money for a decade")
    tell two remarks about the same people or bodies, in outlets' own words."""
    names = _names_of_pair(a, b)
    shared = set(_words_of_runs(a)) & set(_words_of_runs(b))
    return any(w not in names and not _FIGURE.search(w) for w in shared)


def other_speakers(a: Quote, b: Quote) -> bool:
    """Whether two quotes are credited to different people: both have a speaker and no one
    is credited in both ("Putin and Kim agreed" and "Kim agreed" share a speaker)."""
    return bool(a.speaker and b.speaker) and not set(a.credited()) & set(b.credited())


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _said_of_the_other(a: Quote, b: Quote) -> bool:
    """Whether one of two quotes, its speaker named by no one, names the other's speaker in
    its words: "the ministry may cover half the cost, officials said" is said of the
    ministry, not by it, and is no version of the ministry's own "plans to cover half"."""
    for one, other in ((a, b), (b, a)):
        name = _LEADING_ARTICLE.sub("", other.speaker_text or "")
        if one.speaker is None and other.speaker is not None and name[:1].isupper() \
                and re.search(rf"\b{re.escape(name)}\b", one.text):
            return True
    return False


#: Two quotes of two people sharing a run of words and this much of the shorter one at
#: most, with one more word besides, share a term rather than a remark.
TERM_SHARE = 0.5


def _shares_only_a_term(a: Quote, b: Quote) -> bool:
    """Whether two quotes credited to two different people share a run of words and little
    else, each saying more than that run: the run is then a name or a term both speakers
    use ("the Marsh Protection Act", "legitimate Web sites"), not one remark reworded
    around it. Little else is nothing else, or one word more when all they share is under
    :data:`TERM_SHARE` of the shorter quote ("an engine for accelerating the building of a
    new multipolar world" / "a driving force accelerating the creation of a new multipolar
    world" share most of the shorter: one remark). One speaker's remark reworded around its
    phrase ("ready to talk at any hour of the day or night" / "willing to negotiate …")
    stays one quote, and so does a short extract that is nearly all run."""
    if not other_speakers(a, b):
        return False
    run = _shared_runs(a.text, b.text)
    wa, wb = set(_words_of_runs(a.text)), set(_words_of_runs(b.text))
    if not run or len(wa - run) < 2 or len(wb - run) < 2:
        return False
    shared = wa & wb
    others = len(shared - run)
    return others == 0 or others == 1 and len(shared) < TERM_SHARE * min(len(wa), len(wb))


def _term_in_reported_words(a: Quote, b: Quote) -> bool:
    """Whether, of two quotes credited to two different people, one is a few words in
    quotation marks (a title's length at most) found in the other's reported words: the
    other's outlet wrote that term in its own words, not in quotation marks, so it
    quoted no one with it ("argues he can't deliver on single-payer health care" /
    another politician's "single-payer health care")."""
    if not other_speakers(a, b):
        return False
    for short, other in ((a, b), (b, a)):
        words = _words_of_runs(short.text)
        if short.kind != "indirect" and other.kind == "indirect" and 0 < len(short.text.split()) <= TITLE_WORDS \
                and set(words) <= _shared_runs(short.text, other.text, min(3, len(words))):
            return True
    return False


def wording_similarity(a: str, b: str) -> float:
    """Share of the two texts' words in common, in order, typography aside (see :func:`word_diff`)."""
    wa = [_typography_plain(w) for w in _words(a)]
    wb = [_typography_plain(w) for w in _words(b)]
    return difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).ratio()


#: Words a quote needs for its appearing word for word in a longer quote to outweigh a
#: closer rewording elsewhere: two or three words ("the founder") recur in many remarks.
EXTRACT_WORDS = 5


def _word_for_word_extract(a: str, b: str) -> bool:
    """Whether the shorter text is a run of the longer one, word for word (typography and
    case aside): an outlet quoting the first sentence of a longer quotation gives those
    words, and another remark of the speaker reworded close to them is another remark
    ("No, I meant he is the founder" is in "No, I meant he is the founder. I do.", not in
    "I meant exactly that. He is the founder")."""
    shorter, longer = sorted(([_typography_plain(w) for w in _words(t)] for t in (a, b)), key=len)
    size = len(shorter)
    if size < EXTRACT_WORDS or size == len(longer):
        return False
    return any(longer[k:k + size] == shorter for k in range(len(longer) - size + 1))


def _one_speaker(a: Quote, b: Quote) -> bool:
    """Whether someone is credited with both quotes ("Putin and Kim agreed" / "Kim agreed")."""
    return bool(set(a.credited()) & set(b.credited()))


def _phrase_of_one_remark(a: Quote, b: Quote) -> bool:
    """Whether the run of words two quotes share (:func:`_shares_phrase`) may make them one
    remark: always for one person's words; for quotes of people not known to be one, only a
    run of the speaker's own words (:func:`_shares_plain_phrase`), not names and figures
    every report of the story repeats, and, when a speaker is not named, only an extract
    or what the statement judge takes for one statement (:func:`_one_remark`). Two named
    people's words have passed the term and verbatim tests already. One person's words told
    in an outlet's own words must share a word besides the names (:func:`_shares_a_plain_word`)."""
    if _one_speaker(a, b):
        return "indirect" not in (a.kind, b.kind) or _shares_a_plain_word(a.text, b.text)
    if not _shares_plain_phrase(a.text, b.text):
        return False
    return other_speakers(a, b) or _one_remark(a.text, b.text)


def _same_words_if_other_speaker(a: Quote, b: Quote) -> bool:
    """Two quotes not credited to one person are one utterance only if the statement judge
    says so: MiniLM puts short quotes on one subject close whatever they say ("The pirates
    are from Somalia and Yemen" / "it is difficult to identify pirates": 0.73; "Varga was hit
    in the leg", credited to a named officer, / "Varga will probably walk again", credited to
    "police": 0.8). A speaker nobody named may be anyone, so only one named person's words
    in quotation marks, reworded, are taken on closeness alone: two outlets' reports of what
    one person said may be of two remarks on one subject ("praised Pyongyang for resisting
    US pressure and threats" / "emphasised Moscow's support for Pyongyang's efforts against
    Western threats": 0.74). Nor does closeness alone make one remark of two quotations of
    one person that each say a statement of its own (:data:`MIN_JUDGED_WORDS` content words
    or more): a politician's remarks on one subject on two occasions are close in meaning
    ("Building the bridge now would be good for Orsk" / "It all hangs on whether the people
    of Orsk want that bridge": 0.82), and outlets print one remark's words alike, so the
    statement judge, which reads such sentences, must not take them for other statements
    (:data:`OTHER_REMARK_BELOW`; one remark an outlet misquoted, "We will reopen every
    bridge before the first snow" / "We will reopen every crossing ahead of winter", stays
    one quote to report). A short phrase two translators rendered in other words ("calm and
    watchful" / "quiet and on guard") gives the judge too little to read."""
    if _one_speaker(a, b) and "indirect" not in (a.kind, b.kind):
        if min(len(content_words(a.text)), len(content_words(b.text))) < MIN_JUDGED_WORDS:
            return True
        return same_statement(a.text, b.text) >= OTHER_REMARK_BELOW
    return same_statement(a.text, b.text) >= SAME_STATEMENT


def _one_cue(a: Quote, b: Quote) -> bool:
    """Whether two quotes, one of them reported, come after the same words of saying."""
    return "indirect" in (a.kind, b.kind) and bool(a.cue) and (a.cue or "").lower() == (b.cue or "").lower()


def _one_report(a: Quote, b: Quote) -> bool:
    """Whether two outlets report one person's statement with the same verb, one naming
    more of it than the other ("denied the weapons transfer" / "denied claims of weapons
    transfers"): too few words for closeness alone, so the statement judge must take the
    two, verb and all, for one statement."""
    if not _one_cue(a, b) or not _one_speaker(a, b):
        return False
    shorter, longer = sorted((set(content_words(a.text)), set(content_words(b.text))), key=len)
    if shorter and shorter == longer:
        return True  # the same verb and the same words ("took some shots at Varga" twice), however short
    return len(shorter) >= 2 and shorter <= longer \
        and same_statement(f"{a.cue} {a.text}", f"{b.cue} {b.text}") >= SAME_STATEMENT


_FIGURE_WORD = re.compile(_FIGURE_DIGITS)


def _figures(text: str) -> set[str]:
    return {_figures_whole(f) for f in _FIGURE_WORD.findall(text)}


def _one_figure_reported(a: Quote, b: Quote, cosine: float) -> bool:
    """Whether two outlets report one person's statement after the same verb, close in
    meaning and giving the same figure ("saying she would consider sending up to 9,000 army
    engineers to rebuild the delta dikes" / "saying she would deploy up to 9,000 soldiers on
    the delta to repair its dikes"): the
    figure is the statement's own, and the outlets reworded the rest, too freely for the
    statement judge. A figure shared by remarks far apart in meaning is no such mark
    (:func:`_words_of_runs`)."""
    return cosine >= SAME_QUOTE_COSINE and _one_cue(a, b) and _one_speaker(a, b) \
        and bool(_figures(a.text) & _figures(b.text))


#: Two people's quotes share at least this much of the shorter one's own words (names and
#: terms set aside) when one is the other's words.
VERBATIM_SHARE = 0.5

_CAPITALISED = re.compile(r"(?<=[\w,;:’'\"”)\]] )[A-Z][\w’'-]*")


def _name_words(text: str) -> set[str]:
    """Content words written with a capital inside the text: names and terms ("the Marsh
    Protection Act"), which two people speaking on one subject both use."""
    return {w for m in _CAPITALISED.findall(text) for w in content_words(m)}


#: Irregular forms of the verbs of saying, read as the plain verb ("said" is "say").
_SAYING_FORMS = {"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell", "telling": "tell"}


def _verb(cue: str | None) -> tuple[str, ...]:
    """A cue's words with tense and person aside ("says" / "said", "warns" / "warned")."""
    words = re.findall(r"[a-z]+", (cue or "").lower())
    return tuple(_SAYING_FORMS.get(w) or re.sub(r"(?<=[a-z]{3})(?:ing|ed|es|s)$", "", w) for w in words)


def _same_words_verbatim_if_other_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotes credited to two different people are worded alike enough to be one
    utterance: a run of three of their own words in common, or half the shorter's own words,
    names and terms set aside. Closeness of meaning is not enough: two officials on one
    subject say things the phrase rule and the statement judge put together ("the Harbour
    Street fire was set deliberately, and the Tarnby police will find whoever did it" /
    "Nobody was hurt in the Harbour Street fire, and the Tarnby police are guarding the
    homes"), and an attribution finding says the words are the same. One person's remark
    reworded stays one quote whatever its wording."""
    if not other_speakers(a, b):
        return True
    names = _name_words(a.text) | _name_words(b.text)
    if len(_shared_runs(a.text, b.text) - names) >= 3:
        return True
    wa, wb = set(_words_of_runs(a.text)) - names, set(_words_of_runs(b.text)) - names
    shared = len(wa & wb)
    return shared >= 2 and shared >= VERBATIM_SHARE * min(len(wa), len(wb))


def _two_accounts_of_one_subject(a: Quote, b: Quote, confidences: dict[str, float]) -> bool:
    """Whether two quotes are two people's reported words after different verbs, each surely
    credited, sharing no run of three of their own words: each outlet tells what a remark was
    about, and two remarks on one subject share it ("referring to issues that are important
    to the Vell community" of an ally's remark / "focused on issues impacting the Vell
    community" of the candidate's speech). A speaker resolved less surely may be the other's
    misread, whose group then puts the words back under the right name; one poll finding
    reported after one verb of saying ("say" / "said") stays one."""
    if not (other_speakers(a, b) and a.kind == b.kind == "indirect" and _verb(a.cue) != _verb(b.cue)):
        return False
    if min(confidences.get(a.id, 0.0), confidences.get(b.id, 0.0)) < SURE_SPEAKER:
        return False
    names = _name_words(a.text) | _name_words(b.text)
    return len(_shared_runs(a.text, b.text) - names) < 3


def _other_claim_of_other_speaker(a: Quote, b: Quote) -> bool:
    """Whether two quotes say opposite things ("the barrier held" / "failed") or name
    different parties ("Orsk will pay" / "Wexmoor will pay") and are not both credited to
    one person: a council's claim and residents' other claim are two statements. One
    person's words in two such versions stay one group, which compare reports (a
    misquote)."""
    if set(a.credited()) & set(b.credited()):
        return False
    return opposite_words(a.text, b.text) is not None or swapped_names(a.text, b.text) is not None


def _said_of_a_name(quote: Quote) -> bool:
    """Whether a reported quote's words are no more than a name or a short phrase ("Holm
    assailed Mrs. Varga", "the delegates endorsed Mrs. Varga"): its verb says what was
    voiced about them, and the same name after another verb is another statement. Words in
    quotation marks inside a report ("called her handling “extremely careless”") are the
    speaker's own, whatever verb an outlet brings them with, so they are no such phrase."""
    if quote.kind != "indirect":
        return False
    words = set(content_words(quote.text))
    named = {w for m in _CAPITAL_WORD.findall(quote.text) for w in content_words(m)}
    return len(words) < MIN_REWORDED_WORDS or words <= named


def _other_acts(a: Quote, b: Quote) -> bool:
    """Whether two quotes, one of them words said of a name (:func:`_said_of_a_name`), come
    after different verbs ("assailed" / "supports"): one attacked and one backed the same
    person, and no outlet reworded the other."""
    return (_said_of_a_name(a) or _said_of_a_name(b)) \
        and content_words(a.cue or "") != content_words(b.cue or "")


#: Words of saying denied ("isn't saying", "made no mention of", "did not suggest") or
#: declined ("declined to comment", "refused to answer"): what follows was not said.
_NOT_SAID = re.compile(
    r"(?:n[’']t|\b(?:not|never|no))\b(?:\s+\w+){0,2}?\s+(?:say|says|said|saying|mention\w*|refer\w*|suggest\w*"
    r"|comment\w*|tell\w*|told|nam(?:e|ed|es|ing)|specif\w*|confirm\w*|acknowledg\w*|address\w*|answer\w*)\b"
    r"|\b(?:declin|refus)\w*", re.I)


def _not_said(quote: Quote) -> bool:
    """Whether a reported quote gives what its speaker did not say ("Brennick isn't saying
    what other techniques he would support")."""
    return quote.kind != "direct" and bool(_NOT_SAID.search(quote.cue or ""))


def _said_and_not_said(a: Quote, b: Quote) -> bool:
    """Whether one of two quotes is what was said and the other what was not, in other
    words: a silence reported on a subject is no version of a remark on it ("isn't saying
    what other techniques he would support" / "defended his support of other techniques").
    Nearly the same words are one report whatever the verb: "refused to say whether Orsk
    is the capital" and "wavered on whether he would consider Orsk the capital" are one
    question left unanswered."""
    if _not_said(a) == _not_said(b):
        return False
    wa, wb = set(_words_of_runs(a.text)), set(_words_of_runs(b.text))
    return len(wa & wb) < SAME_WORDS * len(wa | wb)


def _each_in_their_own_words(a: Quote, b: Quote, confidences: dict[str, float]) -> bool:
    """Whether two quotations, each surely credited to a different person, differ in more
    than a few words: each is what its speaker said, however close in meaning ("I support
    and endorse our speaker, Ana Varga" from the nominee, "I strongly support Ana Varga"
    from his running mate). One person's words an outlet credits to another (a spokesman
    quoting his mayor) are nearly the same words, and stay one group."""
    return (other_speakers(a, b) and a.kind == b.kind == "direct"
            and min(confidences.get(a.id, 0.0), confidences.get(b.id, 0.0)) >= SURE_SPEAKER
            and wording_similarity(a.text, b.text) < SAME_WORDS)


def group_quotes(quotes: Sequence[Quote], confidences: dict[str, float]) -> tuple[list[Quote], list[QuoteGroup]]:
    """Quote groups: the same utterance as written by different outlets.

    The group's speaker is the best-attested one; a quote whose speaker was only resolved
    from context ("he said") takes the group's speaker when a named attribution says
    otherwise.
    """
    if not quotes:
        return [], []
    # Only quotes of different articles are compared: one article's need no vectors.
    compared = len({q.article for q in quotes}) > 1
    vectors = embed([q.text for q in quotes]) if compared else np.zeros((len(quotes), DIMENSIONS), np.float32)
    cosines = vectors @ vectors.T
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if quotes[i].article == quotes[j].article:
                continue
            wa, wb = set(content_words(quotes[i].text)), set(content_words(quotes[j].text))
            overlap = len(wa & wb) / max(1, len(wa | wb))  # Jaccard: a short quote is not a long one
            # the vetoes below judge statements (slow): only pairs that could be one quote go to them
            if not (cosines[i, j] >= SHARED_PHRASE_COSINE or _one_cue(quotes[i], quotes[j])
                    or overlap >= SAME_WORDS or cosines[i, j] >= SAME_QUOTE_COSINE) \
                    or _other_claim_of_other_speaker(quotes[i], quotes[j]) \
                    or _said_of_the_other(quotes[i], quotes[j]) or _other_acts(quotes[i], quotes[j]) \
                    or _said_and_not_said(quotes[i], quotes[j]) or _term_in_reported_words(quotes[i], quotes[j]) \
                    or _each_in_their_own_words(quotes[i], quotes[j], confidences) \
                    or _two_accounts_of_one_subject(quotes[i], quotes[j], confidences) \
                    or not _same_words_verbatim_if_other_speaker(quotes[i], quotes[j]):
                continue
            phrase = cosines[i, j] >= SHARED_PHRASE_COSINE and _shares_phrase(quotes[i].text, quotes[j].text) \
                and not _shares_only_a_term(quotes[i], quotes[j]) and _phrase_of_one_remark(quotes[i], quotes[j])
            if phrase or _one_report(quotes[i], quotes[j]) \
                    or _one_figure_reported(quotes[i], quotes[j], float(cosines[i, j])):
                scores[(i, j)] = 0.6
            elif overlap >= SAME_WORDS and min(len(wa), len(wb)) >= 2 or (
                    # two or three words ("favored Mr. Cruz" / "attacked Cruz") are alike to
                    # the embedding whatever they say: only the same words make them one quote
                    cosines[i, j] >= SAME_QUOTE_COSINE and min(len(wa), len(wb)) >= MIN_REWORDED_WORDS
                    and _same_words_if_other_speaker(quotes[i], quotes[j])):
                scores[(i, j)] = 0.5 * float(cosines[i, j]) + 0.5 * max(overlap, SAME_QUOTE_WORDS if cosines[i, j] >= SAME_QUOTE_COSINE else 0)
            if (i, j) in scores and _word_for_word_extract(quotes[i].text, quotes[j].text):
                scores[(i, j)] = 1.0  # the same words come before any rewording
    clusters = _cluster([(q.article, q.text) for q in quotes], scores, 0.6)
    out = list(quotes)
    groups = []
    for members in clusters:
        group = [quotes[i] for i in members]
        best = max(group, key=lambda q: (confidences.get(q.id, 0.0), q.kind == "direct", -members[group.index(q)]))
        speaker = best.speaker
        for i in members:
            q = quotes[i]
            weak = confidences.get(q.id, 0.0) < SURE_SPEAKER
            if q.speaker != speaker and weak and confidences.get(q.id, 0.0) < confidences.get(best.id, 0.0) and q.speaker_resolved:
                out[i] = replace(q, speaker=speaker, speakers=best.speakers)
        gid = "g-" + hashlib.sha1("|".join(q.id for q in group).encode()).hexdigest()[:10]
        for i in members:
            out[i] = replace(out[i], group=gid)
        first = group[0]
        differences = []
        drift = 0.0
        for q in group[1:]:
            ops = word_diff(first.text, q.text)
            drift = max(drift, 1.0 - wording_similarity(first.text, q.text))
            differences.append({
                "quote": q.id, "against": first.id,
                "removed": [w for op, w in ops if op == "delete"], "added": [w for op, w in ops if op == "insert"],
                "ops": [list(o) for o in ops],
            })
        groups.append(QuoteGroup(gid, speaker, tuple(q.id for q in group), round(drift, 3), tuple(differences), best.speakers))
    return out, groups
