"""brief: a neutral summary built from the best-supported facts, every sentence cited.

Reads the aligned facts, the comparison and the annotated articles; adds the brief.

1. Candidates: every fact, worded by one of its own claims (the fact's wording first,
   else the plainest member). A wording is left out when another source contradicts it
   (date, number and contradiction discrepancies) or it is the asserted version of a
   claim others hedge — so a contested fact still enters through a member that does not
   carry the disputed detail. Also left out: loaded words, the outlet's own "you/we",
   headline-like teasers (a colon label, a framing signal, a line the junk rules know, a
   deck above the dateline), and sentences that need the one before them
   (:mod:`storyweave.brief.context`). A pronoun that opens the sentence ("It has accused
   …") or names a speaker ("…,” he said") is replaced by the entity it stands for, in
   brackets, when the article makes that clear; otherwise the wording is
   not used.
2. Citations: each article one of whose sentences states the candidate
   (:mod:`storyweave.brief.support`): the sentence holds the candidate's numbers and most
   of its content words, and the alignment model judges that the sentence or one of its
   opening clauses states it (the rule the benchmark judges by) — so a sentence cites
   every article that says it, and only those.
3. Support: the citing articles, with articles that copy one another counted once.
4. Choice: every candidate two or more independent sources support, then the other facts
   align found corroborated, then the opening sentences of single outlets (not those
   of an outlet whose headline is clickbait) so that a thin story still reads as a
   story; a candidate that repeats a chosen sentence is dropped, and one that retells a
   chosen line's deed (:mod:`storyweave.brief.retold`) takes its place when a reader
   would rather cite it (more sources, or as many and more articles). The outlet's reading of
   how someone did or what an event amounts to (:mod:`storyweave.brief.reading`) goes in only
   when no plain line can take its place.
5. Order: importance and time — the position at which the articles tell it (news puts
   what matters first and background last), moved up by its number of independent
   sources; lines alike in that (within one step) go by their articles' publication
   days from the event's day on, then those written before it, so a running story's
   openings read in the order the news came. The first line that tells news and could
   open a story (:mod:`storyweave.brief.lede`) goes in front: not a quotation, a forecast,
   nor "Varga has also played …".
6. Phases: a story that ran over weeks or months (a shooting, the charge, the verdict a year
   on; :mod:`storyweave.brief.phases`) is told phase by phase in time order, each phase with
   room of its own and its own outlets' openings, each arranged as above; a story of one
   phase is built exactly as before.

The wording is always a source sentence, never a new one (only a dateline is cut, a
pronoun named in brackets and a "yesterday" dated in brackets): hedges are kept, and the
headline is the least sensational of the story's headlines.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from typing import Any, Sequence

from ..extract.attribution_words import SPEECH_VERBS
from ..extract.dates import leading_stamp_end
from ..extract.quote_signed import SIGNED_CUE
from ..model import (Alignment, Annotation, Brief, BriefSentence, Certainty, Claim, Comparison, DateMention, Discrepancy,
                     Fact, FactStatus)
from ..nlp import parse_ahead, parsed
from ..provenance import source_groups
from .context import needs_line_before
from .headlines import addresses_reader, body_start, headline_like, says_something
from .lede import NOT_YET
from .names import (PRONOUN_AFTER_PHRASE, PRONOUN_SPEAKER, RESOLVABLE_START, _Names, _unattributed_quote,
                    quotation_marks_whole)
from .order import (Candidate, after_their_names, after_what_they_lean_on, deed_on_a_day_first,
                    headline_lede_first, leaning_lines, news_first, reader_order)
from .phases import has_room as phase_has_room, line_phase, story_phases
from .retold import repeats, retold, same_deed_in_other_words, same_event_and_setting, story_descriptions
from .support import BRACKETED, MIN_OPENING_WORDS, QUOTED, plain, supported_by_any
from .views import outlets_reading, writers_view

MIN_SENTENCES = 3
#: A figure of a number finding that at least this many independent sources give, and this
#: many times as many as give any other, may be told in the brief (the finding still lists
#: the others): one late or garbled figure does not silence what every other outlet reports,
#: while two outlets against one (early reports against an autopsy) stay in dispute.
MAJORITY_SOURCES = 3
MAJORITY_RATIO = 3
MAX_SENTENCES = 15
#: Opening sentences of single outlets added when fewer than this many are corroborated.
FILL_TO = 8
#: Opening sentences of single outlets always offered to the brief.
MIN_LEADS = 2

#: A sentence with these is opinion or a teaser, not a summary line: the writer's "you", "we"
#: or "me" (a column's "Varga told me"), an exclamation, a question, a trailing ellipsis.
#: Case counts: "US" is the country, not "us".
SLANTED = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e|I)\b|[!?]|\.\.\.|…")
#: Loaded words: a neutral brief does not take them over from an outlet.
LOADED = re.compile(
    r"\b(furious|furiously|watershed|shock\w*|stun\w*|bombshell|slam\w*|blast(ed|s)|chilling|alarming|"
    r"outrag\w*|disastrous|catastroph\w*|historic|explosive|sleep|nightmare|humiliat\w*|brutal|"
    r"bad news|flaunt\w*|stage-managed|peril|finally|giant|massive|remarkable|extraordinary|strident\w*)\b"
    # A judgement of a person's character or conduct is the outlet's, not news (session 30,
    # read on running political stories): words that condemn or mock whom they describe, and
    # (session 36, round 9) the adverbs that mock what someone did ("ridiculously claimed") …
    r"|\b(?:arrogant|brash|smug|snarky|petulant|pompous|cocky|abrasive|bombastic|boorish|crass|hapless|feckless|inept|"
    r"clueless|hypocritical|xenophobic|jingoistic|bigoted|demagogic|sleazy|self-proclaimed|self-styled|consummate|"
    r"ridiculous(?:ly)?|absurd(?:ly)?|laughabl[ey]|pathetic(?:ally)?|disgrace\w*|shameful(?:ly)?|embarrassing|"
    r"raunchy|lurid|sordid|tawdry|salacious|"
    # a mood the writer gives someone ("a grumpy Brennick", "the ranting radio host"), session 37
    # ("paranoid" is also a diagnosis: "paranoid schizophrenia")
    r"grumpy|cranky|ranting|"
    r"pernicious|vendetta|enmity|tirade|rant|rants|ranted|diatribe|screed|meltdown|debacle|fiasco|boisterous|"
    # greed or glee pictured as hunger ("salivating over the prospect"; session 35, round 7)
    r"salivat\w*|drooling)\b"
    # … and heated verbs for someone's criticism or reply, the writer's colour on what was said
    r"|\b(?:railed|railing|rails|lashed out|lashing out|lashes out|fired back|fires back|firing back|sneered|gloated|"
    r"whined|mocked|scoffed)\b"
    # "ripped the FBI director for …", "tore into Ada Roos over …" (session 33); a storm that
    # "ripped through the town" or "ripped the roof off" describes no one's words
    r"|\b(?:ripped|rips|ripping|tore|tears|tearing)\s+(?:into\s+)?(?:(?:the\s+)?(?-i:[A-Z])[\w.'’-]*\s+){1,5}(?:for|over)\b"
    # A comment adverb set off before the sentence is the writer's own stance on it
    # ("Oddly, both ferries were named Vell"; session 22).
    # "Ominously for the board's plan, …" weighs it for someone (session 37)
    r"|^(?:incredibly|amazingly|astonishingly|remarkably|unbelievably|oddly|strangely|curiously|ironically|sadly|"
    r"tragically|unfortunately|fortunately|thankfully|luckily|happily|mercifully|predictably|inexplicably|ominously)"
    r"(?:\s+for\s+[^,]{1,60})?,",
    re.I,
)
#: A sentence that needs the one before it to be understood; also one opening on a part of
#: a pronoun's things ("Of his 11 goals this year, eight came at home"), whose subject is
#: that part, so it never names whose they are, on a time told by the sentence before
#: ("That same year he …"; any opening "That", session 22: "That's a club record" says
#: what only the line before told) or on things other than ones it does not name ("Other shops
#: were damaged").
UNCLEAR_START = re.compile(r"^(he|she|they|it|that|these|those|his|her|their|and|but|yet|however|also|additionally|meanwhile|so"
                           # "Nor, the chair said, did she …" goes on from a denial before (session 37)
                           r"|nor"
                           # "This weekend, …" is a time counted from the day of writing, not a thing told before
                           # (session 41); "This year's campaign …" is a thing
                           r"|this(?!\s+(?:week|weekend|morning|afternoon|evening|month|year),)"
                           r"|(?:of|among) (?:his|her|their)|other|others"
                           # a connective that answers or goes on from the line before ("For his part, …", "In
                           # fact, …"), a step of a sequence ("First his wife …", "Then the council …"), a
                           # time counted from one told before ("A month later, …") and a question put before
                           # ("Asked about it, …"), session 31
                           r"|for (?:his|her|its|their|our|my) part|in fact|indeed|in turn|in response|in return"
                           r"|(?:first|second|then)(?=,|\s+(?:his|her|their|its|the|a|an|he|she|they|it)\b)"
                           r"|(?:(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+) )?"
                           r"(?:minutes?|hours?|days?|weeks?|months?|years?|moments?) later"
                           # a time a sentence before told ("At the time, …", "At the same time, …") and
                           # the next of a sequence told before ("Then came another …"), session 38
                           r"|at the (?:same )?time(?=,)|then came"
                           r"|\w+ (?:about|on) (?:it\b|them\b|this(?=,))"
                           r"|(?:(?:later|earlier) )?that (?:same )?(?:year|month|week|day|night|morning|afternoon|evening|time)"
                           # a likeness to a place or time told before ("As in Orsk, dockers had …") and a
                           # view the sentence before set out ("As the theory goes, …"), session 35
                           r"|as in (?-i:[A-Z])\w*|as (?:the|that|this) \w+ goes)\b",
                           re.I)
ODD_CHARACTERS = re.compile(r"[`|]|\w\(|\)\w")
#: "The most important of these": points back at a sentence the brief does not have.
BACK_REFERENCE = re.compile(r"\b(of|among|from|like) (these|them|those"
                            # "families of those killed in the fire", "among those who …": the words
                            # after "those" tell who they are (session 40); "the first of those urged
                            # the board" is a verb's subject, one told before
                            r"(?!\s+(?:who|whom|whose|that|\w+ed\s+(?:by|in|at|on|during|when|while|after|before|since"
                            r"|from|with|over|under|near|outside|inside)\b)))\b|"
                            # "No arrests were made in that fire": the fire of a sentence the brief does not have
                            r"\b(?:in|of|at|from|after|since|during|by|with|for|on|over|about|before|until) that\b|"
                            # "Instead, they lost 24-17.": an answer to a sentence the brief does not have
                            r"^(?:instead|nevertheless|nonetheless|otherwise|even so|by contrast|on the other hand)\b|"
                            # "Jones, in short, may be …": a sum of what the sentences before told (session 37)
                            r"\bin (?:short|sum|other words)\b", re.I)
#: "… told delegates here that …", "… campaign in a barn here": in the writer's own words "here"
#: is the place of the dateline, which the brief cuts, or of a sentence it does not have
#: (session 36, round 9); "The positive here is …" ("in this matter") is the writer's reading too.
#: "Here and there" and "neither here nor there" name no place.
WRITERS_HERE = re.compile(r"\bhere\b(?!\s+and\s+there\b)(?<!\bneither here)", re.I)
#: A place the line names ("in Ostland", "at the University of Orsk"), which its "here" reads as.
NAMED_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?[A-Z]")
#: Words that add to something told before (session 36, round 9): "…, too," or "too." (not
#: "too late"), "also", "as well" (not "as well as"), "either." after a negation.
ADDS_TO_WORDS_BEFORE = re.compile(r",\s*too\b|\btoo\s*[.,;!?”\"]|\balso\b|\bas well\b(?!\s+as\b)|"
                                  r"\beither\s*[.,;!?”\"]", re.I)
#: Words that answer or date from a sentence before when they go with the line's main verb
#: (session 31): "Brennick instead delivered …" (instead of what?), "… met the mayor the next
#: morning" (after which day?). Under a clause of their own they answer that clause ("…, instead
#: claiming …", "a shooting that had taken place the previous day").
MAIN_VERB_BACK_REFERENCE = re.compile(r"\binstead\b(?!\s+of)|\bthe (?:next|following|previous) "
                                      r"(?:day|morning|afternoon|evening|night|week|month|year)\b", re.I)
#: Any quotation mark (or the two apostrophes or backticks typed for one).
QUOTE_MARK = re.compile(r"[“”\"‘]|''|``")

#: A dateline the wire puts before the first sentence: "PORT CITY — ".
DATELINE = re.compile(r"^[A-Z][A-Z .,'’()-]{2,40}\s[—–-]{1,2}\s(?=[A-Z“\"])")
MAX_WORDS = 45

#: "…, marking a watershed moment": an aside after the main clause that may be cut,
#: leaving the source's own main clause as the brief's wording.
CUTTABLE_ASIDE = re.compile(r",\s(?=(\w+ing|which|who)\b)")
#: After an aside, a comma and a word in small letters that opens no further aside: the
#: sentence goes on ("…, killing two of them, starts Monday"), so the aside sits inside it.
RESUMED = re.compile(r",\s+(?!(?:\w+ing|which|who|and|but|or)\b)[a-z]")
#: Sentences that open with a subordinate clause cannot lose what follows their comma.
SUBORDINATE_START = re.compile(r"^(if|when|while|although|though|as|after|before|because|since|unless|despite|during|under)\b", re.I)
#: Opening sentences: the first fifth of an article.
LEAD_POSITION = 0.2
#: An outlet whose headline is at least this sensational offers no opening sentence of its own.
CLICKBAIT_HEADLINE = 0.5
#: How far up (in share of an article) each independent source beyond the first moves a sentence.
IMPORTANCE_STEP = 0.05
#: Words for a day counted from the day of writing.
DAY_WORD = re.compile(r"(yesterday|today|tomorrow|tonight|last night|this (morning|afternoon|evening))", re.I)
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


#: The end of a piece of a sentence, not of a statement: a colon that introduces what
#: follows ("… will probably sue:"), a comma or a conjunction, a title cut from its name
#: ("shot Deputy Sgt."), or no closing mark at all ("According to local radio"; a closing
#: quotation mark with no full stop before it ends a quoted name, not a sentence: "Filmmaker
#: quits 'Harbour Lights'" is a subheading).
INCOMPLETE_END = re.compile(
    r"(?:\b(?:Sgt|Lt|Col|Gen|Gov|Sen|Rep|Capt|Cpl|Maj|Prof|Dr|Mr|Mrs|Ms)\.|[^.!?”’\"')\]]"
    r"|[^.!?,\s”’\"'`]\s*[”’\"']+"
    # a full stop the sentence splitter took for an end ("hit .308 with 33 homers, including .")
    r"|\b(?:including|and|or|but|of|the|an?)\s*\."
    # a quotation cut at its comma, the full stop put after it ("“The crews just ran in so fast,.")
    r"|,\s*\.)\s*$")


#: A quotation opening on "And", "But" …: the speaker going on from words the line leaves
#: out ("“And the rate rise in December presents risks …”"), session 38. ("Name" is the
#: stand-in of a speaker the brief names in brackets.)
CONTINUED_QUOTATION = re.compile(r"^(?:Name\s+)?[“\"‘'](?:and|but|yet|or|nor|also|so(?!\s+(?:far|many|much|few|little|long)\b))\b",
                                 re.I)


#: The start of a piece of a sentence, not of a sentence: a small letter, or the minutes of
#: a time the splitter cut off ("40am on Saturday …" of "6.40am").
PIECE_START = re.compile(r"(?:[a-z]|\d+\s?[ap]m\b)")


def _passes_plain_checks(text: str) -> bool:
    """The checks of a line's readability that need no parse (some ask the headline model)."""
    own = QUOTED.sub("", text)
    return not (INCOMPLETE_END.search(text) or PIECE_START.match(text) or SLANTED.search(own) or LOADED.search(own) or UNCLEAR_START.search(text) or BACK_REFERENCE.search(own)
                or CONTINUED_QUOTATION.match(text)
                or WRITERS_HERE.search(own) and not NAMED_PLACE.search(own)
                or PRONOUN_SPEAKER.search(text) or ODD_CHARACTERS.search(text) or len(text.split()) > MAX_WORDS
                or headline_like(text) or _unattributed_quote(text, own))


def _passes_parse_checks(text: str) -> bool:
    """The checks of a line's readability that read its parse."""
    own = QUOTED.sub("", text)
    return has_finite_verb(text) and not (says_nothing(text) or writers_view(own) or _main_verb_refers_back(own)
                                          or needs_line_before(text))


def _main_verb_refers_back(own: str) -> bool:
    """Whether the line's main verb is told against a sentence before it
    (:data:`MAIN_VERB_BACK_REFERENCE`): "instead", or a day counted from one told before."""
    found = [m.end() - 1 for m in MAIN_VERB_BACK_REFERENCE.finditer(own)]
    if not found:
        return False
    doc = parsed(own)
    for end in found:
        token = next((t for t in doc if t.idx <= end < t.idx + len(t)), None)
        # The clause the words belong to: the first verb above them ("closed the quay the
        # next morning", the parser often hanging the time on the object).
        verb = next((a for a in (token.ancestors if token is not None else ()) if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            return True
    return False


def has_finite_verb(text: str) -> bool:
    """Whether the line is a sentence: some verb in it is finite ("set", "is setting"), not a
    caption or a label ("Ada Roos setting the club record.", "The roar.") that states nothing."""
    doc = parsed(text)
    if not any(_finite(t) for t in doc):
        return False
    # A caption's -ing form heads the line even when a clause under it has a verb of its own
    # ("Ada Roos saying she was “thrilled”."): the finite verb must be the main clause's. (A
    # past participle is not read so: the parser takes many a past tense for one.)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBG":
        return True
    return any(_finite(t) or any(_finite(a) for a in t.children if a.dep_ in ("aux", "auxpass")) for t in [root, *root.conjuncts])


def _finite(token: Any) -> bool:
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") or "Fin" in token.morph.get("VerbForm")


#: What a speech verb says: the clause it reports, its object, a passive subject ("results
#: will be announced"), "spoke about …". A verb with none of them ("Ida Marr of the harbour
#: board said Monday, adding that …") had its words cut off into the sentence before, by a
#: quotation or a title the splitter took for an end ("… '' the Rev." / "Ida Marr … said").
_SAID_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "oprd", "csubj", "attr", "nsubjpass", "csubjpass"})
#: ("called for a recount" says what was asked, session 40)
_SAID_PREPOSITIONS = frozenset({"about", "of", "on", "for"})
_SPEECH_WORD = re.compile(r"\b(?:said|says|adds|added|adding|told|tells|stated|states|explained|noted|announced)\b", re.I)


def says_nothing(text: str) -> bool:
    """Whether a sentence's main verb is a speech verb that says nothing in it: no clause,
    object or quotation (:data:`_SAID_DEPS`). Read alone, no one knows what was said."""
    if not _SPEECH_WORD.search(text) or QUOTE_MARK.search(text):
        return False  # no speech verb, or a quotation the verb may say: spare the parse
    root = next((t for t in parsed(text) if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in SPEECH_VERBS:
        return False
    return not any(c.dep_ in _SAID_DEPS or c.dep_ == "prep" and c.lower_ in _SAID_PREPOSITIONS and _about_something(c)
                   or _asked_deed(c) for c in root.children)


def _asked_deed(clause: Any) -> bool:
    """Whether a clause under a speech verb is what someone was asked to do: "calling for the
    council to close the quay" (session 40)."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


def _about_something(preposition: Any) -> bool:
    """Whether a preposition after a speech verb tells what was spoken of ("commented on
    the plan"), not when ("said on Monday")."""
    return any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in preposition.children)


def _cuts(text: str) -> list[str]:
    """The sentence, then its main clause without a trailing aside ("…, marking a
    watershed moment …"), so that a fact an outlet wraps in a judgement can still be
    told in that outlet's words."""
    out = [text]
    if not SUBORDINATE_START.match(DATELINE.sub("", text, count=1)):
        for m in CUTTABLE_ASIDE.finditer(text):
            opening = text[: m.start()].rstrip()
            if RESUMED.search(text, m.end()):
                continue  # "The trial of the worker accused of shooting three, killing two, starts Monday"
            if len(opening.split()) >= MIN_OPENING_WORDS and QUOTED.sub("", opening).count("“") == 0 and opening.count("“") == opening.count("”"):
                out.append(opening + ".")
                break
    return out


def _named_wording(text: str, claim: Claim, names: _Names) -> str | None:
    """The wording the brief would show for a claim (or a cut of it), with its pronouns and
    speakers named, before it is judged readable; None when it needs context it lacks."""
    text = DATELINE.sub("", text, count=1)
    # "Nov. 30, 2009 A prisoner escaped today": the page's date stamp, glued on by the
    # extraction, is no part of the sentence.
    text = text[leading_stamp_end(text):]
    offset = claim.text.find(text[:-1] if text.endswith(".") else text)
    if offset < 0:
        return None
    shifted = Claim(claim.id, claim.article, text, (claim.span[0] + offset, claim.span[0] + offset + len(text)), claim.certainty)
    named = names.name_speaker(text, shifted)
    if named is None:
        return None
    if RESOLVABLE_START.match(named):
        named = names.name_opening(named, shifted) or named
    elif PRONOUN_AFTER_PHRASE.match(named) and not names.names_a_person(named, shifted):
        # "As director of the agency, he fought …": named, or left out as an opening "He" is
        named = names.name_opening(named, shifted)
        if named is None:
            return None
    headed = names.name_quoted(named, shifted)
    # A quotation cut from its speaker that adds to what he said before ("[Varga:] “I give her,
    # too, the same award.”") needs those words; headed, it would read as if it had them.
    if headed != named and ADDS_TO_WORDS_BEFORE.search(named):
        return None
    return headed


def _stand_in(match: re.Match[str]) -> str:
    return "Name"  # a resolved name reads as a name to the filters, whatever its words


def named_facts(alignment: Alignment, annotations: Sequence[Annotation]) -> tuple[Fact, ...]:
    """The facts with the pronouns of their wording named as the brief names them: "It has
    accused …" becomes "[The United States] has accused …" and "…, he said" "…, [Kim] said"
    where the article makes clear whom the pronoun stands for, and a quotation whose
    speaker the sentence does not name is headed by the speaker ("[Kim:] “…”"). A fact is
    listed away from its article, where "It" says nothing; a pronoun that cannot be named
    stays as it is.
    """
    claims = {c.id: c for c in alignment.extraction.claims}
    names = _Names(alignment.extraction.entities, alignment.extraction.quotes, annotations)
    out = []
    for fact in alignment.facts:
        claim = next((claims[c] for c in fact.claims if c in claims and claims[c].text == fact.text), None)
        text = fact.text if claim is None else names.name_speaker(fact.text, claim) or fact.text
        if claim is not None and (RESOLVABLE_START.match(text)
                                  or PRONOUN_AFTER_PHRASE.match(text) and not names.names_a_person(text, claim)):
            text = names.name_opening(text, claim) or text
        if claim is not None:
            text = quotation_marks_whole(names.name_quoted(text, claim))
        text = text[leading_stamp_end(text):]  # a page's date stamp glued before the sentence
        out.append(fact if text == fact.text else replace(fact, text=text))
    return tuple(out)


def brief(alignment: Alignment, comparison: Comparison, annotations: Sequence[Annotation]) -> Brief:
    """The story's brief: 3–15 cited sentences.

    Args:
        alignment: facts and quote groups.
        comparison: discrepancies, provenance and framing (the headline comes from the
            plainest title).
        annotations: the story's articles, with their sentences.

    Returns:
        A :class:`Brief` whose every sentence cites the articles that support it.
    """
    claims = {c.id: c for c in alignment.extraction.claims}
    length = {a.article.id: max(1, len(a.article.text)) for a in annotations}
    sentences = {a.article.id: [s.text for s in a.sentences] for a in annotations}
    groups = source_groups(annotations, comparison.provenance)
    names = _Names(alignment.extraction.entities, alignment.extraction.quotes, annotations)
    clickbait = {f.article for f in comparison.framing
                 if f.sensationalism >= CLICKBAIT_HEADLINE and f.signals or addresses_reader(f.headline)}
    known = story_descriptions(annotations)
    body = {a.article.id: body_start(a.article.text) for a in annotations}
    # An outlet's lede tells its news however late the same outlet's other article (a follow-up,
    # a reprint) tells it again: "A federal judge has ordered the release of …" opens one report
    # and closes the next, and the mean of the two places had made it no lead (session 36, round 9).
    ledes = {a.article.id: _lede_start(a, body[a.article.id]) for a in annotations}
    # Sentences another source contradicts are reported under "differ"; an assertion that
    # other sources hedge would overstate what is known.
    doubtful: set[str] = set()
    asserted = {(c.article, tuple(c.span)) for c in claims.values() if c.certainty is Certainty.ASSERTED}
    for d in comparison.discrepancies:
        if d.kind.value in ("date", "number", "contradiction"):
            told = _majority_figure(d, groups)
            doubtful.update(i.text for i in d.items if i.text and not (told and i.figure == told))
        elif d.kind.value == "certainty":
            doubtful.update(i.text for i in d.items if i.text and (i.article, tuple(i.span)) in asserted)

    def disputed(text: str) -> bool:
        return any(text in t or t in text for t in doubtful)

    # A reader's letter or post on an outlet's page is the reader's view, not the story's news.
    letters = [(q.article, q.span) for q in alignment.extraction.quotes if q.cue == SIGNED_CUE]

    def in_a_letter(claim: Claim) -> bool:
        return any(article == claim.article and start <= claim.span[0] < end for article, (start, end) in letters)

    tries: list[tuple[Fact, list[Claim], list[tuple[str, Claim]]]] = []
    for fact in alignment.facts:
        members = [claims[c] for c in fact.claims if c in claims]
        if not members or fact.status is FactStatus.CONTESTED and all(disputed(c.text) for c in members):
            continue
        by_text: dict[str, list[Claim]] = {}
        for c in sorted(members, key=lambda c: c.id):
            by_text.setdefault(c.text, []).append(c)  # outlets that print one sentence alike: each may name its "he"
        wordings = [fact.text] + sorted(set(by_text) - {fact.text}, key=lambda t: (len(t), t))
        # (a deck above the dateline is no line of the story)
        usable = [(w, c) for w in wordings if w in by_text and not disputed(w) for c in by_text[w]
                  if c.span[0] >= body.get(c.article, 0) and not in_a_letter(c)]
        # Every whole sentence before any cut one: a cut is the last resort.
        tries.append((fact, members, usable + [(cut, c) for w, c in usable for cut in _cuts(w)[1:]]))
    named: dict[tuple[str, str], str | None] = {}
    plain_ok: dict[str, bool] = {}

    def filtered(shown: str, claim: Claim) -> str | None:
        """The wording shown, as the filters read it (a resolved name reads as a name), if it
        passes the checks that need no parse."""
        if (shown, claim.id) not in named:
            named[shown, claim.id] = _named_wording(shown, claim, names)
        wording = named[shown, claim.id]
        if wording is None:
            return None
        text = BRACKETED.sub(_stand_in, wording)
        if text not in plain_ok:
            plain_ok[text] = _passes_plain_checks(text)
        return text if plain_ok[text] else None

    def display(shown: str, claim: Claim) -> str | None:
        text = filtered(shown, claim)
        return named[shown, claim.id] if text is not None and _passes_parse_checks(text) else None

    # Most facts are shown in their first wording: those that pass the checks needing no
    # parse are parsed together, which is faster than one at a time.
    parse_ahead(text for _, _, wordings in tries if wordings and (text := filtered(*wordings[0])) is not None)

    # A story that ran over weeks or months tells each of its phases (phases.py).
    phases, phase_of = story_phases(annotations, alignment.facts)
    candidates: list[Candidate] = []
    for fact, members, shown_wordings in tries:
        text, source, reading = None, None, False
        for shown, claim in shown_wordings:
            wording = display(shown, claim)
            if wording is None:
                continue
            # The outlet's reading of a fact is told only when none of its outlets tells it plainly.
            read = outlets_reading(wording)
            if text is None or not read:
                text, source, reading = wording, claim, read
            if not read:
                break
        if text is None or source is None:
            continue
        citing = [aid for aid, said in sentences.items() if supported_by_any(text, said)]
        if not citing:
            continue
        support = len({groups.get(a, a) for a in citing})
        position = sum(c.span[0] / length.get(c.article, 1) for c in members) / len(members)
        if support < 2 and source.span[0] == ledes.get(source.article):
            position = min(position, source.span[0] / length.get(source.article, 1))
        candidates.append(Candidate(text, tuple(sorted(citing)), support, position, fact, source.article, source.span,
                                     reading, line_phase(citing, fact, phase_of)))

    candidates.sort(key=lambda c: (-c.support, -c.fact.independent_sources, -len(c.citations), c.position, c.fact.id))
    chosen: list[Candidate] = []

    displaced: list[Candidate] = []

    def retells(candidate: Candidate, other: Candidate) -> bool:
        line, told = plain(candidate.text), plain(other.text)
        # A fact align found corroborated is one of its own, however like a chosen line's
        # deed it reads; one outlet's other wording of a chosen deed is a repeat.
        if candidate.fact.status is FactStatus.CORROBORATED:
            return same_event_and_setting(line, told) or same_deed_in_other_words(line, told, known)
        return retold(line, told, known)

    def has_room(candidate: Candidate) -> bool:
        if not phases:
            return len(chosen) < MAX_SENTENCES
        told = [sum(1 for c in chosen if c.phase == n) for n in range(len(phases))]
        return phase_has_room(candidate.phase, told, MAX_SENTENCES)

    def add(candidate: Candidate) -> None:
        if any(candidate is c for c in chosen + displaced):
            return
        line = plain(candidate.text)
        retold = [c for c in chosen if retells(candidate, c)]
        if any(repeats(line, plain(c.text)) for c in chosen if not any(c is r for r in retold)):
            return
        if not retold:
            if has_room(candidate):
                chosen.append(candidate)
        # Which of two wordings of one deed is told should not hang on the order they come
        # in: the one a reader would rather cite takes the other's place.
        elif len(retold) == 1 and reader_order(candidate) < reader_order(retold[0]) \
                and (candidate.phase == retold[0].phase or has_room(candidate)):
            chosen[chosen.index(retold[0])] = candidate
            displaced.append(retold[0])

    # The outlet's reading of how someone did or what an event amounts to goes in only when no
    # plain line of the story can take its place: when the brief is otherwise too short.
    plain_lines = [c for c in candidates if not c.reading]
    for candidate in plain_lines:
        # align's corroborated facts all belong in the brief, even where only one article
        # words it closely enough to be cited: the citation then names that one.
        if candidate.support >= 2 or candidate.fact.status is FactStatus.CORROBORATED:
            add(candidate)
    # Opening sentences tell what happened even when no other outlet words them alike;
    # a few always go in, more when little is corroborated — but a clickbait outlet's
    # opening is its teaser, not its news.
    leads = sorted((c for c in plain_lines if c.support < 2 and c.position <= LEAD_POSITION and c.article not in clickbait),
                   key=lambda c: (c.position, c.fact.id))
    # each phase's own openings first: a later phase's news is told by its own outlets
    leads = _openings_of_each_phase(leads, MIN_LEADS) if phases else leads
    for n, candidate in enumerate(leads):
        if n >= MIN_LEADS * max(1, len(phases)) and len(chosen) >= FILL_TO:
            break
        add(candidate)
    for candidate in plain_lines + [c for c in candidates if c.reading]:
        if len(chosen) >= MIN_SENTENCES:
            break
        add(candidate)
    # Lines told as early in their articles (within a step) are alike in importance; a
    # running story's openings then read in the order the news came from the event's day on,
    # then what was written before it (previews, background), undated ones last.
    day = {a.article.id: (a.article.published or "")[:10] or "~" for a in annotations}
    event_day = (alignment.extraction.event_date or "")[:10]

    def importance(c: Candidate) -> float:
        return c.position - IMPORTANCE_STEP * (c.support - 1)

    def told(c: Candidate) -> tuple[bool, str]:
        written = day.get(c.article, "~")
        return written < event_day, written
    chosen = [c for c in chosen if not _overtaken(c, chosen, day)]
    # a story of several phases tells them in time order, each phase's lines as a brief's
    chosen.sort(key=lambda c: (c.phase, math.floor(importance(c) / IMPORTANCE_STEP), told(c), importance(c), c.fact.id))
    headlines = [f for f in comparison.framing if says_something(f.headline)] or list(comparison.framing)
    # A headline in capitals shouts, however plain its words.
    plainest = min(headlines, key=lambda f: (f.headline.isupper(), f.sensationalism, len(f.headline)), default=None)
    # The brief's first line tells the news its headline tells: that article's lede (session 37).
    # A headline with a framing signal (a question: "Are the dockers sinking the port?") heads a
    # column or an analysis, whose lede is its case.
    headed = {f.article for f in comparison.framing
              if plainest is not None and not plainest.signals and f.headline == plainest.headline}

    def arranged(lines: list[Candidate]) -> list[Candidate]:
        leaning = leaning_lines(lines, {a.article.id: a.sentences for a in annotations}, known,
                                alignment.extraction.entities)
        lean = [line.line for line in leaning]
        lines = headline_lede_first(news_first(lines, lean), {(a, ledes[a]) for a in headed if a in ledes}, lean)
        lines = deed_on_a_day_first(lines, {a.article.id: a.sentences for a in annotations}, lean,
                                    alignment.extraction.entities)
        lines = after_what_they_lean_on(lines, leaning, MIN_SENTENCES)
        return after_their_names(lines, alignment.extraction.entities)
    chosen = [line for n in sorted({c.phase for c in chosen}) for line in arranged([c for c in chosen if c.phase == n])]
    day_words = _day_words(alignment.extraction.dates)
    # the days of each phase shown when the brief tells more than one
    spans = [(p.first.isoformat(), p.last.isoformat()) for p in phases] if len({c.phase for c in chosen}) > 1 else []
    out = tuple(BriefSentence(quotation_marks_whole(_dated(c, day_words.get(c.article, ()))), c.citations,
                              spans[c.phase] if spans else None)
                for c in chosen)
    return Brief(plainest.headline if plainest else "", out)


#: "has yet to endorse", "is yet to decide": what had not happened when the line was written.
NOT_DONE_YET = re.compile(NOT_YET.pattern + r"\s+(\w+)", re.I)


def _openings_of_each_phase(leads: list[Candidate], each: int) -> list[Candidate]:
    """The opening lines with the first ``each`` of every phase in front (in their order), then
    the rest: the openings of the first days no longer fill the room a later phase's need."""
    first = [c for n, c in enumerate(leads) if sum(1 for o in leads[:n] if o.phase == c.phase) < each]
    return first + [c for c in leads if not any(c is f for f in first)]


def _overtaken(line: Candidate, chosen: Sequence[Candidate], day: dict[str, str]) -> bool:
    """Whether a line says what had yet to happen ("While Varga has yet to endorse Holm's
    bid, …") and another line of the brief, written on a later day, tells it done ("Varga on
    Friday endorsed the re-election of Holm"): a brief read as of now would say both at once.
    The later news stands; the stale line goes."""
    match = NOT_DONE_YET.search(line.text)
    if match is None or not day.get(line.article, "~").strip("~"):
        return False
    doc = parsed(line.text)
    verb = next((t for t in doc if t.idx == match.start(1)), None)
    have = next((t for t in doc if t.idx == match.start()), None)
    holder = have.head if have is not None and have.dep_ in ("aux", "auxpass") else have
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None) if holder is not None else None
    # the one who had yet to do it, by name ("Ada Roos", "Roos"): someone else doing it is other news
    names = {t.text for t in subject.subtree if t.pos_ == "PROPN"} if subject is not None else set()
    if verb is None or not names:
        return False
    for other in chosen:
        if other is line or day.get(other.article, "~") <= day[line.article]:
            continue
        done = [t for t in parsed(other.text) if t.lemma_.lower() == verb.lemma_.lower() and t.tag_ in ("VBD", "VBN")]
        if done and any(re.search(rf"\b{re.escape(n)}\b", other.text) for n in names):
            return True
    return False


def _day_words(dates: Sequence[DateMention]) -> dict[str, list[DateMention]]:
    """By article, its words for a day counted from the day it was written ("yesterday",
    "this morning") that resolve to a day."""
    out: dict[str, list[DateMention]] = {}
    for mention in dates:
        if DAY_WORD.fullmatch(mention.text) and mention.value and DAY_VALUE.match(mention.value):
            out.setdefault(mention.article, []).append(mention)
    return out


#: A day given right after a day word, in brackets: "today [12 May]", "yesterday (Tuesday, 11 May)".
_DAY_GIVEN = re.compile(r"\s*(?:\[|\([^)]*\d)")


def _dated(candidate: Candidate, day_words: Sequence[DateMention]) -> str:
    """The line with the day its words "yesterday", "today" or "this morning" stand for
    added in brackets: a brief gathers outlets written on different days, so its reader
    cannot count from the day of writing. Only where the source sentence says the word once,
    outside a quotation (a speaker's "today" is the day they spoke), and only a day the
    article's own publication date gives."""
    text = candidate.text
    start, end = candidate.span
    quoted = [m.span() for m in QUOTED.finditer(text)]
    for mention in sorted(day_words, key=lambda m: -m.span[0]):
        if not (start <= mention.span[0] and mention.span[1] <= end):
            continue
        places = [m for m in re.finditer(rf"\b{re.escape(mention.text)}\b(?![’']s)", text, re.I)
                  if not any(a <= m.start() < b for a, b in quoted)]
        # (nor where the source gives the day itself: "today (20 October 2011)")
        if len(places) == 1 and not _DAY_GIVEN.match(text, places[0].end()):
            day = dt.date.fromisoformat(mention.value[:10])
            at = places[0].end()
            text = f"{text[:at]} [{day.day} {day:%B %Y}]{text[at:]}"
            quoted = [m.span() for m in QUOTED.finditer(text)]
    return text


def _lede_start(annotation: Annotation, body: int) -> int:
    """Where an article's lede begins: its first sentence in the body that is not the headline
    printed again above it."""
    title = (annotation.article.title or "").strip().rstrip(".").lower()
    return next((s.span[0] for s in annotation.sentences
                 if s.span[0] >= body and s.text.strip().rstrip(".").lower() != title), -1)


def _majority_figure(finding: Discrepancy, groups: dict[str, str]) -> str:
    """The figure of a number finding that far more independent sources give than any
    other (``MAJORITY_SOURCES``, ``MAJORITY_RATIO``), else ""."""
    if finding.kind.value != "number" or not all(i.figure for i in finding.items):
        return ""
    sources: dict[str, set[str]] = {}
    for item in finding.items:
        sources.setdefault(item.figure, set()).add(groups.get(item.article, item.article))
    ranked = sorted(sources.items(), key=lambda fs: -len(fs[1]))
    if len(ranked) < 2:
        return ""
    (figure, most), (_, next_most) = ranked[0], ranked[1]
    return figure if len(most) >= MAJORITY_SOURCES and len(most) >= MAJORITY_RATIO * len(next_most) else ""


