"""align's vetoes: whether two claims the sentence models put together state two things.

MiniLM and the statement judges see one statement in two sentences that share most of their
words; these tests read the parse for what sets them apart: other parties, one clause the
setting of the other's event, a request and its deed, a reaction and what it reacts to, a
wish, a plea of guilty and one of not guilty, a part and the whole, steps of one criminal case, a forecast and a deed
(:func:`two_statements`), and other news of the same names
(:func:`other_news_of_the_same_names`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from .align_words import STOPWORDS, among_other_groups, content_words, figures, plain_wording
from .extract.attribution_words import SPEECH_VERBS
from .forecasts import FORECAST_WORDS, done, forecast, forecast_and_outcome
from .model import Claim
from .name_swaps import other_doers, swapped_names
from .nlp import parsed
from .opposites import opposite_words
from .proceedings import offence_and_step, other_steps

#: A capitalised word inside a sentence: a name, which every sentence of a story repeats.
_NAME = re.compile(r"(?<=[\w,;:’'\"”)] )[A-Z](?:[\w’'-]|\.(?=\w))*")  # "UsMagazine.com" whole


def _reports_something_else(speech: Claim, other: Claim) -> bool:
    """Whether ``speech`` reports what someone said and meets ``other`` only on the words
    framing it: "Putin stated [during his first visit since 2000] that the two could
    cooperate militarily" and "Putin's first visit since 2000 was a chance to flaunt their
    friendship". That is when the reported clause shares nothing with ``other`` but names
    (the story's people and places, which nearly every sentence repeats), the framing
    does, and ``other`` says things ``speech`` does not."""
    if speech.speech is None:
        return False
    reported, framing = speech.speech
    names = set(content_words(" ".join(_NAME.findall(speech.text) + _NAME.findall(other.text))))
    others = set(content_words(other.text)) - names
    said, around = set(content_words(reported)), set(content_words(framing)) - names
    return not said & others and bool(around & others) and len(others - set(content_words(speech.text))) >= 2


#: Two sentences of one fact share at least this many content words besides names.
MIN_SHARED_OWN_WORDS = 2
#: Days and months are written with a capital but say when, as any word of the statement
#: does ("exploded Friday at a bank branch" / "The explosion occurred Friday at a branch").
CALENDAR_WORDS = frozenset(content_words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"))


#: An age written after a name ("Ida Marsh, 36,") goes with the name: two sentences naming
#: the same people share it whatever they say of them.
_AGE = re.compile(r"(?<=[A-Za-z]), (\d{1,3}),")
#: A name opening an aside after a dash ("the victims - Ida Marsh and …").
_NAME_AFTER_DASH = re.compile(r"(?<=[–—-] )[A-Z][\w’'-]*")


def _own_shared(a: str, b: str, with_people: bool = False) -> set[str]:
    """The content words two sentences share besides names; ``with_people`` also sets aside
    names after a dash and the ages given with names."""
    a, b = plain_wording(a), plain_wording(b)  # "inked a pact" and "signed an agreement" share two words
    found = _NAME.findall(a) + _NAME.findall(b)
    if with_people:
        found += _NAME_AFTER_DASH.findall(a) + _NAME_AFTER_DASH.findall(b) + _AGE.findall(a) + _AGE.findall(b)
    names = set(content_words(" ".join(found))) - CALENDAR_WORDS
    own = (set(content_words(a)) & set(content_words(b))) - names
    return {w for w in own if len(w) > 1}


def _shares_only_names(a: str, b: str) -> bool:
    """Whether two sentences share fewer than :data:`MIN_SHARED_OWN_WORDS` content words
    besides names (a possessive's "s" aside): "His name is Deputy Ray Lund of the Harbour
    Police." and "Before he was shot, Harbour Police Deputy Ray Lund was looking for a
    burglar." share a long name, which lifts both the cosine and the word overlap, and
    state two things."""
    return len(_own_shared(a, b)) < MIN_SHARED_OWN_WORDS


#: Clauses that describe a noun ("the room where they were shot", "Ida Marsh, a nurse").
NOUN_CLAUSES = frozenset({"relcl", "acl", "appos"})


def _stem(token: Any) -> str | None:
    words = content_words(token.text)
    return words[0] if words else None


def _event_as_setting(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells something ``other`` does not (its main verb is not in
    ``other``) and names ``other``'s main event only in a clause describing a noun: "The
    far side of the hall was full of the victims' families - Ida Marsh and Lena Roos, who
    were shot there" describes the hall; it does not state "Ida Marsh was shot in the side"."""
    own, theirs = _stem(sentence.root), _stem(other.root)
    if own is None or theirs is None or own in content_words(other.text):
        return False
    described = {t.i for clause in sentence if clause.dep_ in NOUN_CLAUSES for t in clause.subtree}
    hits = [t.i for t in sentence if _stem(t) == theirs]
    return bool(hits) and all(i in described for i in hits)


#: Clauses that tell something of a noun ("the blaze, which police are treating as arson,";
#: "the victim, found at dawn,"). An apposition only names the noun again ("the Owls' offer
#: - a bid worth $40 million -"): what it shares is the noun's own description.
_ASIDE_CLAUSES = frozenset({"relcl", "acl"})
#: Marks that set an aside off from the noun it describes.
_ASIDE_MARKS = frozenset({",", "-", "–", "—", "(", "--"})


def _set_off(clause: Any) -> bool:
    """Whether a clause describing a noun is set off from it by a comma or a dash (a
    non-restrictive clause: an aside, not part of what names the noun)."""
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].text in _ASIDE_MARKS


def _phrase_of(noun: Any) -> Any:
    """The head of the whole phrase a noun is part of, up to the verb it hangs from
    ("Kessby" in "at the scene of a fire in Kessby" → "at")."""
    while noun.head.i != noun.i and noun.head.pos_ not in ("VERB", "AUX"):
        noun = noun.head
    return noun


def shared_only_in_a_description(sentence: Any, other: Any) -> bool:
    """Whether all a parsed sentence shares with ``other`` (names aside) lies in a clause
    describing a noun, or is that noun, while its main clause tells something ``other``
    does not: "Nobody was hurt in the blaze, which police are treating as arson" shares
    "police", "treating" and "arson" with "Police are treating the blaze as arson" only in
    its relative clause, which sets the scene for its own statement (nobody was hurt). One
    sentence is one version of one fact, and this one's is the main clause's. Only a clause
    set off by a comma or a dash is an aside: "a guard who saw smoke rising from the roof
    raised the alarm" tells who raised it."""
    clauses = [clause for clause in sentence if clause.dep_ in _ASIDE_CLAUSES and _set_off(clause)]
    if not clauses:
        return False
    described = {t.i for clause in clauses for t in clause.subtree}
    # The noun described, with the phrase it is part of ("in the blaze at the dairy, which …").
    nouns = {t.i for clause in clauses for t in _phrase_of(clause.head).subtree} - described
    shared = _own_shared(sentence.text, other.text, with_people=True)
    hits = [t.i for t in sentence if _stem(t) in shared]
    if not any(i in described for i in hits) or not all(i in described or i in nouns for i in hits):
        return False
    names = set(content_words(" ".join(_NAME.findall(sentence.text)))) - CALENDAR_WORDS
    theirs = set(content_words(other.text))
    own = {w for t in sentence if t.i not in described and t.i not in nouns and not t.is_punct
           for w in content_words(t.text)} - theirs - names
    return bool(own)


#: Dependents of a main verb that name who or what the sentence is about.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def _subject_and_rest(sentence: Any) -> tuple[set[str], set[str], set[str]]:
    """The content words of a sentence's subjects (of its main verbs, with their
    descriptions), those of the rest of it, and the subjects' head words."""
    subjects = [child for root in sentence if root.dep_ == "ROOT" for child in root.children if child.dep_ in _SUBJECTS]
    subject = {t.i for child in subjects for t in child.subtree}
    words = [t for t in sentence if not t.is_punct]
    return (set(content_words(" ".join(t.text for t in words if t.i in subject))),
            set(content_words(" ".join(t.text for t in words if t.i not in subject))),
            set(content_words(" ".join(child.text for child in subjects))))


def _shares_only_the_subject(sentence: Any, other: Any) -> bool:
    """Whether two sentences about one party share words only in their subjects: "Ida
    Marsh, director of the Lind Harbour Trust, says the trust will sue" and "Ida Marsh,
    director of the Lind Harbour Trust, was blunt:" both name her with her long title, which
    lifts their similarity, and say two things (or the second nothing yet) about her. A
    subject of another head may hold the other's statement as a noun ("The reaction from
    Orsk, its main ally, has been muted" / "Orsk, its main ally, has not reacted")."""
    shared = set(content_words(sentence.text)) & set(content_words(other.text))
    (subject, rest, head), (other_subject, other_rest, other_head) = _subject_and_rest(sentence), _subject_and_rest(other)
    return bool(head & other_head) and bool(shared) and shared <= subject & other_subject \
        and not shared & (rest | other_rest)


#: Dependencies of what a verb is done to: its object, or its subject in the passive.
_THEMES = frozenset({"dobj", "nsubjpass"})
#: Words that count a noun as one thing ("a pact", "one man") or as several ("many
#: agreements", "three men"); a bare noun counts nothing ("damage" / "damages").
_ONE = frozenset({"a", "an", "one", "single"})
_SEVERAL = frozenset({"many", "several", "numerous", "multiple", "various", "dozens", "hundreds", "thousands", "both"})


def _counted(noun: Any) -> bool:
    """Whether a noun's words count it: as one thing when singular ("a pact", "one man"),
    as several when plural ("many agreements", "three men")."""
    for child in noun.children:
        word = child.lower_
        if noun.tag_ == "NN" and child.dep_ in ("det", "nummod") and word in _ONE:
            return True
        if noun.tag_ == "NNS" and (word in _SEVERAL or child.dep_ == "nummod" and child.like_num and word not in _ONE):
            return True
    return False


def _deeds_done_to(sentence: Any) -> dict[tuple[str, str], set[tuple[bool, bool]]]:
    """Each main verb of a sentence with the noun it is done to, in plain words, and that
    noun's number (plural or not) and whether words count it ("inked a pact" → ("sign",
    "agreement"): {(False, True)}; "many agreements have been signed" → {(True, True)})."""
    found: dict[tuple[str, str], set[tuple[bool, bool]]] = {}
    for verb in sentence:
        if verb.dep_ not in ("ROOT", "conj", "ccomp") or verb.pos_ not in ("VERB", "AUX"):
            continue
        for noun in verb.children:
            if noun.dep_ in _THEMES and noun.pos_ == "NOUN" and noun.tag_ in ("NN", "NNS"):
                deed = (plain_wording(verb.lemma_.lower()), plain_wording(noun.lemma_.lower()))
                found.setdefault(deed, set()).add((noun.tag_ == "NNS", _counted(noun)))
    return found


def one_and_many(sentence: Any, other: Any) -> bool:
    """Whether two sentences tell one deed done to one thing in one and to several in the
    other ("Putin and Kim inked a defence pact" / "Many agreements have also been signed
    between them"; "police arrested a man" / "police arrested men"): the one is not the
    many, however alike the rest of the words. One side's words must count its noun: a
    bare noun ("the agreement", "damage" / "damages") may stand for either."""
    mine = _deeds_done_to(sentence)
    return any(plural != other_plural and (counted or other_counted)
               for deed, numbers in _deeds_done_to(other).items() if deed in mine
               for plural, counted in numbers for other_plural, other_counted in mine[deed])


#: A verb with the way it goes: "checked into" / "checked out of", "moved in" / "moved out".
_WAY = re.compile(r"\b([a-z]{3,})\s*-?\s*(into|in to|out of|in|out)\b")
_INWARD = frozenset({"into", "in to", "in"})
_BARE_WAY_END = re.compile(r"\s*(?:$|[.,;:!?)]|(?:at|on|to|for|with|after|before|early|late|again)\b)")


def _ways(text: str) -> set[tuple[str, bool]]:
    """Each verb followed by into/in or out (of), as (its stem, whether inward). A bare
    "in" or "out" counts only where no place or thing follows it ("checked in at Ferro
    House", "moved out on Friday."), since "in" mostly says where ("was arrested in Lund")."""
    found = set()
    lower = text.lower()
    for m in _WAY.finditer(lower):
        verb, way = m.group(1), m.group(2)
        if verb in STOPWORDS or not content_words(verb):
            continue
        if way in ("in", "out") and not _BARE_WAY_END.match(lower, m.end()):
            continue
        found.add((content_words(verb)[0], way in _INWARD))
    return found


#: Being in a state or place a common noun names ("is in talks", "joined the race") and
#: leaving it ("pulled out of talks", "withdrew from the race"), whatever the verb; "in and
#: out of prison" is both.
_DETERMINER = r"(?:(?:the|a|an|its|his|her|their|our|these|those)\s+)?"
_INSIDE = re.compile(r"\b(?:in and out of|in|into|in to|entered|enters|entering|joined|joins|joining)\s+" + _DETERMINER + r"([a-z]+)")
_OUTSIDE = re.compile(r"\b(?:out of|(?:withdr[ae]wn?|withdraw(?:s|ing)?|walk(?:ed|s|ing)? away|exit(?:ed|s|ing)?) from)\s+"
                      + _DETERMINER + r"([a-z]+)")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve hundred thousand".split())


def _states(text: str) -> set[tuple[str, bool]]:
    """Each common noun the text has someone in or out of, as (its stem, whether in). A
    capitalised place is left to :func:`_ways`, since "in Lund" mostly only says where;
    "two out of three" is a count."""
    found = set()
    for pattern, inside in ((_INSIDE, True), (_OUTSIDE, False)):
        for m in pattern.finditer(text.replace("’", "'")):
            noun = m.group(1)
            if noun not in _NUMBER_WORDS and content_words(noun):
                found.add((content_words(noun)[0], inside))
    return found


def opposite_ways(a: str, b: str) -> bool:
    """Whether one sentence has someone go into what the other has them come out of, with
    one verb ("has checked into the Ferro Clinic" / "has checked out of the Ferro Clinic"),
    or be in a state the other has them leave ("is still in talks" / "has pulled out of
    talks"): the words the two share, all but one or two, make them close to every model,
    and they tell two events."""
    ways_a, ways_b = _ways(a), _ways(b)
    if any((verb, not inward) in ways_b and (verb, not inward) not in ways_a for verb, inward in ways_a):
        return True
    states_a, states_b = _states(a), _states(b)
    return any((noun, not inside) in states_b and (noun, not inside) not in states_a and (noun, inside) not in states_b
               for noun, inside in states_a)


#: Verbs of asking someone to act ("urged the board to rescind the rule"); "call" only with
#: "on" or "for" ("called on the board to act").
REQUEST_VERBS = frozenset({"urge", "ask", "call", "press", "demand", "request", "petition", "implore", "beg", "pressure",
                           "lobby"})
_QUESTION_MARKS = frozenset({"if", "whether"})


def _asked_and_done(sentence: Any) -> tuple[set[str], set[str]]:
    """The verbs a parsed sentence asks someone to do (the clause under a verb of
    :data:`REQUEST_VERBS`, with its conjuncts) and the verbs it tells as done, as lemmas:
    an infinitive or a modal ("appealing for anyone to contact them", "users should
    install it") tells nothing done. "Asked whether she had
    resigned" is a question, not a request."""
    asked: set[int] = set()
    for t in sentence:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in REQUEST_VERBS:
            continue
        if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") for c in t.children):
            continue
        for c in t.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and not any(
                    m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS for m in c.children):
                asked |= {c.i} | {x.i for x in c.conjuncts}
    verbs = [t for t in sentence if t.pos_ == "VERB"]
    # "to test and deploy", "should test and install": neither verb tells a deed.
    infinitive = {x.i for t in verbs if any(c.dep_ == "aux" and c.tag_ in ("TO", "MD") for c in t.children)
                  for x in (t, *t.conjuncts)}
    return ({t.lemma_.lower() for t in verbs if t.i in asked},
            {t.lemma_.lower() for t in verbs if t.i not in asked and t.i not in infinitive})


#: Words that tell someone was asked or told to act, besides :data:`REQUEST_VERBS`: a
#: sentence with one of them may tell the same request in other words ("were told to
#: leave" / "police urged them to leave").
ASKING_WORDS = REQUEST_VERBS | frozenset({
    "tell", "order", "invite", "invitation", "encourage", "advise", "instruct", "warn", "appeal", "approach",
    "persuade", "convince", "seek", "plead", "plea", "direct", "command", "require", "prompt", "recruit", "offer",
    "want", "hire", "commission"})


#: Modals and verbs that tell what ought to be done: a request told as a duty.
_OUGHT = frozenset({"should", "must", "ought", "need", "needs", "needed"})


def _asks_in_main_clause(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause (or the clause its speech verb reports) asks
    someone to do something, and tells nothing more: "Amsel asked Lind to sing" (but not
    "the council asked the mayor to resign, and she resigned")."""
    verb = _stated_clause(sentence)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REQUEST_VERBS:
        return False
    told_too = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    return bool(_asked_and_done(list(verb.subtree))[0]) and not told_too


def _asks_nothing(sentence: Any) -> bool:
    """Whether a parsed sentence tells no asking at all: no word of :data:`ASKING_WORDS`,
    no modal of what ought to be done ("skippers should test their radios") and no verb
    with an object and an infinitive clause ("got her to pose")."""
    if any(t.lemma_.lower() in ASKING_WORDS or t.lower_ in _OUGHT for t in sentence):
        return False
    return not any(t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children)
                   and any(c.dep_ == "xcomp" for c in t.children) for t in sentence)


def request_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence asks someone to do what the other tells as done: "the
    scientists urged the secretaries to rescind the changes" and "the secretary rescinded
    the changes" share nearly every word, and the models read one statement, but a request
    is not the deed. Nor is a request told in the main clause any version of a sentence
    that asks nothing, whatever words it tells the deed in: "In 1961 Amsel asked Lind to
    sing at his club's opening" / "In 1961 Lind was the singer at the opening of Amsel's
    club". ``a`` and ``b`` are spaCy spans (or docs)."""
    asked_a, done_a = _asked_and_done(a)
    asked_b, done_b = _asked_and_done(b)
    if any(v in done_b and v not in done_a and v not in asked_b for v in asked_a) or \
            any(v in done_a and v not in done_b and v not in asked_a for v in asked_b):
        return True
    return _asks_in_main_clause(a) and _asks_nothing(b) or _asks_in_main_clause(b) and _asks_nothing(a)


#: Any form of a request verb ("urged", "lobbied"): its stem without a closing e or y.
_REQUEST_WORD = re.compile(r"\b(?:" + "|".join(sorted(v.rstrip("ey") for v in REQUEST_VERBS)) + ")", re.I)


@lru_cache(maxsize=65536)
def texts_request_and_deed(a: str, b: str) -> bool:
    """:func:`request_and_deed` of two bare sentences (parsed here, and remembered)."""
    if not _REQUEST_WORD.search(a) and not _REQUEST_WORD.search(b):
        return False  # nothing asked: the brief asks of every candidate, so spare the parse
    return request_and_deed(parsed(a)[:], parsed(b)[:])


#: Any form of a verb of :data:`proceedings.STEP_OF` or "guilty": a pair without one
#: tells no step of a case.
_STEP_WORD = re.compile(r"\b(?:arrest|detain|apprehend|charg|indict|accus|plead|pled|deni|deny|admit|convict|guilty|"
                        r"acquit|sentenc|jail|impris)", re.I)


@lru_cache(maxsize=65536)
def texts_offence_and_step(a: str, b: str) -> bool:
    """:func:`proceedings.offence_and_step` of two bare sentences (parsed here, and remembered)."""
    if not _STEP_WORD.search(a) and not _STEP_WORD.search(b):
        return False  # no step of a case: the brief asks of every candidate, so spare the parse
    return offence_and_step(parsed(a)[:], parsed(b)[:])


#: What a plea may be: "pleaded guilty", "pleaded not guilty", "pleads innocent".
_PLEAS = frozenset({"guilty", "innocent"})


def _pleas(sentence: Any) -> set[bool]:
    """The pleas a parsed sentence tells, each as whether it admits guilt: "pleaded guilty"
    is True, "pleaded not guilty" and "pleads innocent" False ("not" may hang from the verb
    or the adjective)."""
    found = set()
    for t in sentence:
        if t.pos_ != "VERB" or t.lemma_.lower() != "plead":
            continue
        for plea in (c for c in t.children if c.lower_ in _PLEAS):
            negated = any(c.dep_ == "neg" for c in (*t.children, *plea.children))
            found.add((plea.lower_ == "guilty") != negated)
    return found


def opposite_pleas(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells a plea of guilty and the other one of not guilty:
    a defendant who pleads not guilty at the arraignment may plead guilty years later
    ("had pleaded not guilty and had been free on bond" / "in April 2003 he pleaded guilty
    to obstruction"), so the two are two events, not two outlets disagreeing on one."""
    pleas_a, pleas_b = _pleas(a), _pleas(b)
    return len(pleas_a) == 1 and len(pleas_b) == 1 and pleas_a != pleas_b


@lru_cache(maxsize=65536)
def texts_opposite_pleas(a: str, b: str) -> bool:
    """:func:`opposite_pleas` of two bare sentences (parsed here, and remembered)."""
    if not all(re.search(r"\bplead", t, re.I) and re.search(r"\b(?:guilty|innocent)\b", t, re.I) for t in (a, b)):
        return False  # no two pleas: spare the parse
    return opposite_pleas(parsed(a)[:], parsed(b)[:])


#: Words before "all" / "every" that make it less than all ("nearly all") or no quantity
#: ("after all", "at all"), and before "only" that make it no limit ("not only").
_NOT_ALL = frozenset({"after", "at", "above", "not", "nearly", "almost", "virtually", "practically"})
_NOT_ONLY = frozenset({"not", "if"})
#: Words after "all" / "only" read as what they bound.
ALL_REACH, ONLY_REACH = 6, 3


def _bounded(text: str, quantifiers: frozenset[str], exceptions: frozenset[str], reach: int) -> list[set[str]]:
    """For each quantifier of ``text`` (not after one of ``exceptions``), the content words
    of the few words that follow it, plural "s" dropped and figures left out: what it bounds."""
    words = re.findall(r"[\w’'-]+", text.lower())
    return [{w[:-1] if w.endswith("s") and len(w) > 3 else w
             for w in content_words(" ".join(words[i + 1 : i + 1 + reach])) if not any(c.isdigit() for c in w)}
            for i, w in enumerate(words) if w in quantifiers and (i == 0 or words[i - 1] not in exceptions)]


def all_and_only(a: str, b: str) -> bool:
    """Whether one version says a thing of all of something and the other of only a part of
    it: "the flaw affects all versions of the browser" / "the flaw was proven to exist only
    in version 7" (or "only in IE 7") share nearly every word, but the second says the first
    is wrong, so they corroborate nothing."""
    def clash(every: str, some: str) -> bool:
        alls = _bounded(every, frozenset({"all", "every"}), _NOT_ALL, ALL_REACH)
        onlys = _bounded(some, frozenset({"only"}), _NOT_ONLY, ONLY_REACH)
        # "only in IE 7 on all versions of Windows" bounds itself: no claim of all.
        mine = _bounded(every, frozenset({"only"}), _NOT_ONLY, ONLY_REACH)
        return not mine and any(whole & part for whole in alls for part in onlys)
    return clash(a, b) or clash(b, a)


#: Heads of a subject that tells of a part of a group: "almost all of the voters", "half of
#: the 300 workers".
PART_WORDS = frozenset({"all", "most", "half", "some", "many", "none", "few", "majority", "minority", "third", "quarter",
                        "rest", "each", "one", "two", "three"})


def _clauses(sentence: Any) -> list[Any]:
    """A sentence's main clause and the clauses its verb reports ("…, reports said")."""
    root = sentence.root
    return [root] + [c for c in root.children if c.dep_ == "ccomp"]


def _predicate_stems(clause: Any) -> set[str]:
    """The stems a clause tells its news with: its verb, or what "be" links its subject to
    ("were eligible")."""
    words = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")]
    return {stem for t in words if (stem := _stem(t)) is not None}


def _tells_of_a_part(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells something new of a part of a group (its subject, "almost
    all of the 2,000 members eligible") and meets ``other`` only in that subject: what
    ``other`` tells ("2,000 members were eligible") is how the group is named here."""
    theirs = set().union(*(_predicate_stems(c) for c in _clauses(other)))
    for clause in _clauses(sentence):
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.lower_ not in PART_WORDS \
                or not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
            continue
        if not theirs or _predicate_stems(clause) & theirs:
            continue
        group = {t.i for t in subject.subtree}
        hits = [t.i for t in sentence if _stem(t) in theirs]
        if hits and all(i in group for i in hits):
            return True
    return False


def part_and_whole(a: Any, b: Any) -> bool:
    """Whether one parsed version tells something of a part of a group the other only names
    or describes: "Almost all of the 2,000 members eligible cast a ballot" / "Some 2,000
    members were eligible to vote" share the figure and the group, and tell two things
    (the turnout, the electorate)."""
    return _tells_of_a_part(a, b) or _tells_of_a_part(b, a)


def figures_of_other_groups(a: str, b: str) -> bool:
    """Whether two versions give different figures, one of a group picked out with "among"
    that the other does not name: "The margin of error among the dockers polled was plus
    or minus six points" / "The margin of error is plus or minus 3.5 points" tell of two
    samples (compare reads no disagreement in them either, :func:`among_other_groups`)."""
    figures_a, figures_b = figures(a), figures(b)
    return bool(figures_a or figures_b) and not figures_a & figures_b and among_other_groups(a, b)


#: Doing a thing and doing without it: "seek consultation" / "bypass consultation".
#: Only the word that ends the object counts: in "bypassed user checks" the thing done
#: without is the checks, not the user. ("without" is left out: it is mostly an aside,
#: "without their knowledge".)
_WITHOUT = re.compile(r"\b(?:bypass|skip|waive|forgo|forego|circumvent|evade|sidestep)\w*\s+"
                      r"(?:(?:the|a|an|any|all|its|their)\s+)?([a-z]{4,})"
                      r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|nor|but|with|to|for|in|on|by|from|before|after|when|if)\b)", re.I)


def done_and_done_without(a: str, b: str) -> bool:
    """Whether one version tells something done without a thing ("nothing requires that an
    agency bypass consultation") that the other names without saying so ("the rules don't
    require agencies to seek consultation"): the two share their words and state near
    opposite things, and which one denies is not what sets them apart."""
    for text, other in ((a, b), (b, a)):
        skipped = {m.group(1).lower() for m in _WITHOUT.finditer(text)}
        if skipped and not _WITHOUT.search(other) and any(re.search(rf"\b{w}", other, re.I) for w in skipped):
            return True
    return False


#: Subjects that deny their verb as "not" would ("nothing in the rule requires it").
_DENYING_SUBJECTS = frozenset({"nothing", "nobody", "none", "neither", "no-one"})
#: Complements that carry what a main verb states ("is not the means", "was not reported to
#: have offered").
_COMPLEMENTS = frozenset({"attr", "acomp", "xcomp", "oprd"})
#: Verbs that state nothing by themselves.
_LIGHT_VERBS = frozenset({"be", "have", "do"})


def _negated_verb(verb: Any) -> bool:
    """Whether a verb is negated by "not"/"never" or by a subject that denies it ("nobody
    signed")."""
    return any(c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in _DENYING_SUBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
        for c in verb.children)


def _denied(sentence: Any) -> set[str]:
    """The lemmas of what a sentence's main clause denies ("the act is not the means" →
    means; "none of the teams has been reported to have offered more" → report, offer);
    empty when the main clause is not negated."""
    root = sentence.root
    if not _negated_verb(root):
        return set()
    words, i = [root], 0
    while i < len(words):  # "reported to have offered": the complement's complement too
        words += [c for c in words[i].children if c.dep_ in _COMPLEMENTS]
        i += 1
    return {t.lemma_.lower() for t in words} - _LIGHT_VERBS


def denies_what_the_other_omits(a: Any, b: Any) -> bool:
    """Whether one parsed sentence denies something in its main clause that the other,
    not negated, does not mention at all: "the Endangered Species Act is not the means to
    arrest global warming" against "the service listed the polar bear under the Endangered
    Species Act due to global warming", or "none of the other teams has been reported to
    have offered more" against a list of the teams' offers. The same statement denied and
    affirmed shares its verb, in some form ("has not yet reacted" / "the reaction … has been
    muted"; a contradiction compare reports); here the shared words are only the subject
    matter."""
    for sentence, other in ((a, b), (b, a)):
        denied = _denied(sentence)
        if denied and not _negative(other) and not any(_one_stem(d, t.lemma_.lower()) for d in denied for t in other):
            return True
    return False


#: Words that deny wherever they stand.
_NEGATIVE_WORDS = frozenset({"no", "not", "n't", "never", "none", "nothing", "nobody", "neither", "nor", "without"})


def _negative(sentence: Any) -> bool:
    """Whether a sentence denies anything anywhere, by a word or an adjective in "un-": "no
    one was hurt, said the chief" (the denial under a speech verb) and "are unsure if" (a
    denial in other words: "did not know whether") may be the other's denial told again."""
    return any(t.lower_ in _NEGATIVE_WORDS or t.dep_ == "neg" or t.pos_ == "ADJ" and t.lower_.startswith("un")
               for t in sentence)


#: Verbs of telling: "would not say what she was treated for" withholds something, and so
#: does "declined to comment"; neither states what another source says was said.
TELLING = frozenset({"say", "tell", "comment", "speak", "talk", "add", "explain", "elaborate", "specify", "disclose"})
#: Verbs that refuse the verb under them ("declined to say", "refused to comment").
_REFUSING = frozenset({"decline", "refuse"})


def withholds(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause tells that someone would not tell something:
    "Vale would not say what the dispute was about", "the club declined to comment", "the
    agent had no comment"."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma in TELLING and _negated_verb(root):
        return True
    if lemma in _REFUSING and any(c.dep_ == "xcomp" and c.lemma_.lower() in TELLING for c in root.children):
        return True
    return lemma == "have" and any(c.dep_ == "dobj" and c.lemma_.lower() == "comment"
                                   and any(d.lower_ == "no" for d in c.children) for c in root.children)


def withheld_and_told(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells that someone would not tell something and the other
    does not: "Vale would not say what the dispute was about" and "Vale said on Monday that
    the dispute was about the lease" share their speaker, their verb in one stem and their
    subject matter, and the models read one statement; but a refusal to tell states nothing
    the telling states (and compare reads no contradiction in it either)."""
    return withholds(a) != withholds(b)


#: Verbs of wanting: "Orsk would like a May release" tells a wish, which another source's
#: deed ("Orsk has booked a May release") does not corroborate. "like" and "love" want only
#: under a modal ("would like"; "voters like the plan" likes it). Plans and aims are left
#: out: "plans to open in May" and "will open in May" are told as one schedule.
WANTING = frozenset({"want", "wish", "hope", "prefer", "desire", "like", "love"})
_WANTING_ONLY_WITH_MODAL = frozenset({"like", "love"})


def _stated_clause(sentence: Any) -> Any:
    """The verb of what a sentence states: its main verb, or the clause a speech verb
    reports ("Vale told reporters he would like to stay": like)."""
    verb = sentence.root
    if verb.lemma_.lower() in SPEECH_VERBS and not _negated_verb(verb):
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), verb)
    return verb


def forecast_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence's statement (its main clause, or the clause its speech
    verb reports) is awaited and the other's is done: "Marr is poised to widen her lead in
    Tuesday's vote" and "Tuesday's vote gave Marr a lead of ten points", "Vale is
    scheduled to appear at the forum" and "Vale also spoke at the forum". A forecast
    corroborates no outcome, whatever verb each tells it with (:func:`forecast_and_outcome`
    reads one verb they share)."""
    verb_a, verb_b = _stated_clause(a), _stated_clause(b)
    for awaited, told in ((verb_a, verb_b), (verb_b, verb_a)):
        if forecast(awaited) and not forecast(told) and done(told) and not _awaited_told_too(awaited, told.sent):
            return True
    return False


def _awaited_told_too(verb: Any, other: Any) -> bool:
    """Whether the verb a forecast puts ahead is in the other sentence too ("is expected to
    be arraigned today" / "was arrested and will be arraigned today"): then the other may
    tell the same thing in a second clause, and :func:`forecast_and_outcome` reads that verb."""
    awaited = {c.lemma_.lower() for c in (verb, *verb.children) if c.pos_ == "VERB" and (c is verb or c.dep_ == "xcomp")}
    return any(t.lemma_.lower() in awaited - FORECAST_WORDS for t in other)


def wishes(sentence: Any) -> bool:
    """Whether a parsed sentence's main clause (or the clause its speech verb reports) tells
    what someone wants (:data:`WANTING`)."""
    verb = _stated_clause(sentence)
    lemma = verb.lemma_.lower()
    if lemma not in WANTING or verb.pos_ != "VERB":
        return False
    return lemma not in _WANTING_ONLY_WITH_MODAL or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def wish_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells what someone wants and the other does not: "apparently
    Orsk would like a May release" and "Orsk has booked a May release" share their nouns, and
    the models read one statement, but a wish is not the deed and corroborates it no more
    than a request does (:func:`request_and_deed`)."""
    return wishes(a) != wishes(b)


#: Any form of a verb of wanting or of telling under a negation or a refusal: a sentence
#: without one is parsed for neither rule.
_WISH_WORD = re.compile(r"\b(?:want|wish|hope|prefer|desir|(?:would|'d|’d)\s+(?:like|love))", re.I)
_WITHHOLD_WORD = re.compile(r"\b(?:not|never|no|declin|refus)|n['’]t\b", re.I)


@lru_cache(maxsize=65536)
def texts_wish_or_withheld(a: str, b: str) -> bool:
    """:func:`wish_and_deed` or :func:`withheld_and_told` of two bare sentences (parsed
    here, and remembered)."""
    wish = _WISH_WORD.search(a) or _WISH_WORD.search(b)
    withheld = _WITHHOLD_WORD.search(a) or _WITHHOLD_WORD.search(b)
    if not wish and not withheld:
        return False  # the brief asks of every candidate, so spare the parse
    sentence_a, sentence_b = parsed(a)[:], parsed(b)[:]
    return bool(wish) and wish_and_deed(sentence_a, sentence_b) or bool(withheld) and withheld_and_told(sentence_a, sentence_b)


#: The words of a subject that name it: "the film's main stars" → film, main, stars; what
#: hangs from it further ("including Ida Marsh", or a name the parser wrongly hangs there
#: from a phrase before it) is left out.
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "flat", "conj"})


def subject_words(subject: Any) -> frozenset[str]:
    """The content words naming a parsed subject (:data:`_NAMING_DEPS`)."""
    words = [subject] + [c for c in subject.children if c.dep_ in _NAMING_DEPS]
    words += [c for w in words if w.dep_ == "conj" for c in w.children if c.dep_ in ("compound", "flat")]
    return frozenset(content_words(" ".join(w.text for w in words)))


def _party(verb: Any) -> tuple[str, frozenset[str]] | None:
    """The voice and the naming words of a verb's subject; None for no subject or a pronoun
    (whom "he" means is not read here)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    words = subject_words(subject)
    return (subject.dep_, words) if words else None


def negated_for_another_party(a: Any, b: Any) -> bool:
    """Whether two parsed sentences state one verb, negated in one only, of two parties:
    "Unlike the two leads, the director is not signed for the sequel" / "the film's two
    leads are signed on for the sequel". The subjects, in one voice, share no word: one
    party did and the other did not, which is no contradiction (compare reads none) and
    no corroboration either. A subject in the other voice may be the other's object
    ("voters did not approve the plan" / "the plan was approved"), so it is left alone."""
    verb_a, verb_b = _stated_clause(a), _stated_clause(b)
    if verb_a.lemma_.lower() != verb_b.lemma_.lower() or _negated_verb(verb_a) == _negated_verb(verb_b):
        return False
    party_a, party_b = _party(verb_a), _party(verb_b)
    return party_a is not None and party_b is not None and party_a[0] == party_b[0] and not party_a[1] & party_b[1]


def _one_stem(a: str, b: str) -> bool:
    """Whether two lemmas are one word in two forms: "react" / "reaction", "offer" / "offered"."""
    if min(len(a), len(b)) < 4:
        return a == b
    return b.startswith(a[:max(4, len(a) - 2)]) or a.startswith(b[:max(4, len(b) - 2)])


#: Dependents of a stated verb that tell neither what it does nor to what: who does it
#: (its subject), when, why or how (adverbial clauses and modifiers), and asides.
_NOT_SAID = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "advcl", "advmod", "npadvmod", "parataxis",
                       "mark", "aux", "auxpass", "punct", "cc", "intj", "dep", "meta", "appos", "relcl", "acl"})


def _said_tokens(verb: Any) -> list[Any]:
    """The tokens of what a stated verb says of its subject (:func:`_said_words`), in order."""
    kept: list[Any] = []
    todo = [verb]
    while todo:
        token = todo.pop()
        kept.append(token)
        todo += [c for c in token.children if c.dep_ not in _NOT_SAID]
    return sorted(kept, key=lambda t: t.i)


def _said_words(verb: Any) -> set[str]:
    """The content words of what a stated verb says of its subject: the verb, and what it
    is done to, with or about (objects, complements, prepositions), without its subject
    and the clauses that set it in time or give an aside; a name counts whole ("New
    Hampshire", never "new")."""
    kept = _said_tokens(verb)
    words = {" ".join(content_words(plain_wording(t.text))) if t.pos_ != "PROPN" else _whole_name(t) for t in kept}
    return words - CALENDAR_WORDS - {""}


def _whole_name(token: Any) -> str:
    """A proper noun with the proper nouns next to it ("New Hampshire"), in content words."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return " ".join(content_words(doc[start:end].text))


def _names_nothing_of(sentence: Any, other: Any) -> bool:
    """Whether nothing a parsed sentence says of its subject (:func:`_said_words`) is in
    ``other`` (as a word of one stem in plain words, or a whole name), and its subject does
    not name ``other``'s deed as a noun ("the reaction from Orsk has been muted" / "Orsk has
    not reacted")."""
    verb, theirs = _stated_clause(sentence), _stated_clause(other)
    their_words = set(content_words(plain_wording(other.text)))  # "inked a pact" tells "signed an agreement"
    said = _said_words(verb)
    if not said or any(all(w in their_words or any(_one_stem(w, x) for x in their_words) for w in item.split())
                       for item in said):
        return False
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    their_verb = theirs.lemma_.lower()
    return not any(_one_stem(c.lemma_.lower(), their_verb) for c in subjects)


def _about_shared_names(sentence: Any, other: Any) -> bool:
    """Whether the subject of a parsed sentence's stated clause names someone ``other``
    names too (a whole name: "New Hampshire" is not "New Jersey")."""
    theirs = set(content_words(other.text))
    names = {_whole_name(t) for c in _stated_clause(sentence).children if c.dep_ in _SUBJECTS
             for t in c.subtree if t.pos_ == "PROPN"}
    return any(name and set(name.split()) <= theirs for name in names)


#: Share of the content words two sentences have in common that are names, from which what
#: ties them is whom they are about rather than what they say.
NAMES_SHARE = 0.5


def _share_of_names(a: Any, b: Any) -> float:
    """The share of the content words two parsed sentences have in common that are words of
    proper nouns (days and months aside)."""
    shared = set(content_words(a.text)) & set(content_words(b.text))
    names = {w for t in (*a, *b) if t.pos_ == "PROPN" for w in content_words(t.text)} - CALENDAR_WORDS
    return len(shared & names) / max(1, len(shared))


def other_news_of_the_same_names(a: Any, b: Any) -> bool:
    """Whether two parsed sentences name the same people (mostly names in common,
    :data:`NAMES_SHARE`) and one says of the people its subject names nothing the other
    says (:func:`_names_nothing_of`): "Four harbour mayors - Ida Varga of Orsk, Tomas Edd of
    Lund, Ana Pell of Vale and Rui Mont of Kessby - have all been stuck near 10 percent in
    the polls" and "Advisers to the four harbour mayors - Ida Varga of Orsk, … - discount
    either outcome" share a long list of names, which lifts the cosine and the word
    overlap, and tell two things. A list of names is what such a pair shares; two versions
    of one statement share words of what they state (or the statement judge sees one
    statement in other words, which align asks before it parts them)."""
    if _share_of_names(a, b) < NAMES_SHARE:
        return False
    return any(_names_nothing_of(x, y) and _about_shared_names(x, y) for x, y in ((a, b), (b, a)))


#: Words of answering or judging what someone else said or did: "mocked Vale for not having
#: won a ward", "a dig at Vale's remark that …", "contradicted Vale's comments that …", "an ad
#: buy to respond to Vale's ad". Physical words that news also uses for words ("attack",
#: "blast", "slam") are left out: "the gunmen attacked the convoy Vale led" tells a deed.
REACTION_WORDS = frozenset({
    "mock", "mockery", "ridicule", "deride", "taunt", "lampoon", "scoff", "jeer", "contradict", "rebut", "rebuttal",
    "refute", "dispute", "criticize", "criticise", "criticism", "fault", "dismiss", "reject", "rejection", "deny",
    "denial", "respond", "response", "reply", "retort", "react", "reaction", "counter", "dig", "jab", "swipe",
    "praise", "applaud", "laud", "hail", "welcome", "condemn", "condemnation", "denounce", "decry", "defend"})


def _doer(sentence: Any) -> Any:
    """The subject of a parsed sentence's main verb, the one who does or says what it tells
    ("Vale said …": Vale); None when there is none."""
    return next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)


def _named_words(doer: Any) -> set[str]:
    """The words a doer must be named with: a name by its head alone ("Mr. Edd" is "Edd"),
    a noun by all its naming words (:func:`subject_words`)."""
    return set(content_words(doer.text)) if doer.pos_ == "PROPN" else set(subject_words(doer))


def _reacts_to_the_deed_of(sentence: Any, other: Any) -> bool:
    """Whether ``sentence`` tells someone's answer to, or judgement of, what the doer of
    ``other`` said or did, and ``other`` tells that saying or deed: "Edd mocked Vale for not
    having won a ward" / "Vale has not won a ward", "The tweet was a dig at Vale's remark
    that the port should close" / "Vale said the port should close". The doer of ``other``
    (a name or noun, not a pronoun) is in what the reaction word aims at and not in the
    reacting subject, and ``other`` has no word of the reaction's stem ("Edd criticised Vale
    for the deal" / "Edd attacked Vale over the deal" both tell the reaction)."""
    doer, mine = _doer(other), _doer(sentence)
    if doer is None or doer.pos_ == "PRON":
        return False
    needed = _named_words(doer)
    if not needed or mine is not None and subject_words(mine) & subject_words(doer):
        return False
    their_stems = {t.lemma_.lower() for t in other}
    for word in _said_tokens(_stated_clause(sentence)):
        lemma = word.lemma_.lower()
        if lemma not in REACTION_WORDS or any(_one_stem(lemma, w) for w in their_stems):
            continue
        aimed_at = [t for c in word.children if c.dep_ not in _SUBJECTS for t in c.subtree]
        if needed <= set(content_words(" ".join(t.text for t in aimed_at))):
            return True
    return False


def reaction_and_deed(a: Any, b: Any) -> bool:
    """Whether one parsed sentence tells a reaction to what the other tells
    (:func:`_reacts_to_the_deed_of`): a mockery, a rebuttal or an answer is not the remark
    or the deed it is aimed at, though it repeats its words, and corroborates it no more than
    a request corroborates its deed (:func:`request_and_deed`)."""
    return _reacts_to_the_deed_of(a, b) or _reacts_to_the_deed_of(b, a)


#: Words opening a clause that tells what came before a statement or caused it: "announced
#: their separation after the Orsk Post revealed the affair". Words of the same time ("as",
#: "while", "when") are left out: "temperatures were minus 20 as firefighters battled the
#: blaze" tells of the firefighters' night too.
_SETTING_MARKS = frozenset({"after", "before", "since", "because", "once", "until"})


def _doer_only_in_a_setting(sentence: Any, other: Any) -> bool:
    """Whether the doer of ``other`` is named in ``sentence`` only inside a clause that sets
    its statement in time or gives its cause (:data:`_SETTING_MARKS`), and ``sentence``'s
    own doer is another named party: "Vale's wife announced they had separated after the
    Orsk Post revealed the affair" tells her announcement, and "Vale had an affair, the
    Orsk Post reported" the Post's report."""
    doer, mine = _doer(other), _doer(sentence)
    if doer is None or mine is None or doer.pos_ == "PRON" or mine.pos_ == "PRON":
        return False
    needed = _named_words(doer)
    if not needed or subject_words(mine) & subject_words(doer) or _predicate_stems(_stated_clause(sentence)) & set(
            content_words(other.text)):
        return False
    settings = [c for c in sentence if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in _SETTING_MARKS for m in c.children)]
    inside = {t.i for c in settings for t in c.subtree}
    hits = [t.i for t in sentence if needed & set(content_words(t.text))]
    return bool(hits) and all(i in inside for i in hits)


def deed_as_the_time_of_another(a: Any, b: Any) -> bool:
    """Whether one parsed sentence names the other's doer only in the clause that says when
    or why its own, other doer acted (:func:`_doer_only_in_a_setting`)."""
    return _doer_only_in_a_setting(a, b) or _doer_only_in_a_setting(b, a)


#: Subjects that tell of everybody: "just about everybody heads to Orsk" is no version of
#: "Vale heads to Orsk", which tells of one.
EVERYBODY = frozenset({"everybody", "everyone", "all"})
_ONE_PERSON = frozenset({"he", "she"})


def _of_one(subject: Any) -> bool:
    """Whether a parsed subject names one party: "he", "she", a name, a singular noun."""
    if subject.pos_ == "PRON":
        return subject.lower_ in _ONE_PERSON
    return subject.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subject.children)


def everybody_and_one(a: Any, b: Any) -> bool:
    """Whether one parsed sentence's main verb is said of everybody (:data:`EVERYBODY`) and
    the other's of one party: "Just about everybody now heads to Orsk" / "He will head to
    Orsk, where he leads the polls". What all do is not what one does, and the one is not
    all."""
    subjects = [_doer(s) for s in (a, b)]
    if None in subjects:
        return False
    every = [s.lower_ in EVERYBODY for s in subjects]
    return every[0] != every[1] and _of_one(subjects[every[0]])


def two_statements(a: Claim, b: Claim, docs: dict[str, Any], same: Callable[[str, str], bool],
                   sentence_of: Callable[[Claim], Any]) -> bool:
    """Whether two claims the sentence models put together state two things: they name
    different parties ("Orsk will pay" / "Wexmoor will pay", also in sentences built
    differently), they share little but names (:func:`_shares_only_names`), one goes into
    what the other comes out of (:func:`opposite_ways`), one reports a remark that meets the other only on its framing, one
    forecasts what the other tells as done ("is expected to win" before the vote / "won"),
    one names the other's event only as the setting of its own (:func:`_event_as_setting`),
    one shares with the other only an aside about a noun (:func:`shared_only_in_a_description`),
    one asks someone to do what the other tells as done (:func:`request_and_deed`), one
    reacts to what the other tells (:func:`reaction_and_deed`), one names the other's doer
    only in what came before its own deed (:func:`deed_as_the_time_of_another`), one tells of
    everybody and the other of one (:func:`everybody_and_one`), one wants what the other
    tells as done (:func:`wish_and_deed`), one withholds what the other tells (:func:`withheld_and_told`), one verb is negated in one only and said of
    two parties (:func:`negated_for_another_party`), one
    tells a plea of guilty and the other one of not guilty (:func:`opposite_pleas`), one
    tells a deed done to one thing and the other to several (:func:`one_and_many`),
    they share words only in their subjects (:func:`_shares_only_the_subject`),
    one says "all" of what the other says "only" of (:func:`all_and_only`), one tells of a
    part of the group the other names (:func:`part_and_whole`), one does
    without what the other does (:func:`done_and_done_without`), one denies what the other
    does not mention (:func:`denies_what_the_other_omits`), they tell two steps of one
    criminal case ("was charged" / "denied" / "was convicted"), or one tells the crime a
    step of the case in the other is for (:func:`offence_and_step`), one awaits what the
    other tells as done, in any verbs (:func:`forecast_and_deed`), or they give different
    figures, one of a group the other does not name (:func:`figures_of_other_groups`). The
    models see one statement in each: all other words are shared. (Two sentences telling
    other news of the same names, :func:`other_news_of_the_same_names`, are parted in
    align only when the statement judge agrees.)"""
    if swapped_names(a.text, b.text, same):
        return True
    if _shares_only_names(a.text, b.text) or opposite_ways(a.text, b.text):
        return True
    if _reports_something_else(a, b) or _reports_something_else(b, a):
        return True
    if forecast_and_outcome((docs.get(a.article), a.span, a.text), (docs.get(b.article), b.span, b.text)):
        return True
    sentence_a, sentence_b = sentence_of(a), sentence_of(b)
    # Few words of their own in common, and one tells the other's event only as the
    # setting of something else: a shared name and a word used another way tie them.
    if len(_own_shared(a.text, b.text, with_people=True)) <= MIN_SHARED_OWN_WORDS and (
            _event_as_setting(sentence_a, sentence_b) or _event_as_setting(sentence_b, sentence_a)):
        return True
    if shared_only_in_a_description(sentence_a, sentence_b) or shared_only_in_a_description(sentence_b, sentence_a):
        return True
    if request_and_deed(sentence_a, sentence_b) or opposite_pleas(sentence_a, sentence_b):
        return True
    if reaction_and_deed(sentence_a, sentence_b) or everybody_and_one(sentence_a, sentence_b):
        return True
    if deed_as_the_time_of_another(sentence_a, sentence_b):
        return True
    if wish_and_deed(sentence_a, sentence_b) or withheld_and_told(sentence_a, sentence_b):
        return True
    if negated_for_another_party(sentence_a, sentence_b) or forecast_and_deed(sentence_a, sentence_b):
        return True
    if all_and_only(a.text, b.text) or done_and_done_without(a.text, b.text) or figures_of_other_groups(a.text, b.text):
        return True
    if part_and_whole(sentence_a, sentence_b) or one_and_many(sentence_a, sentence_b):
        return True
    # Opposite words ("did not fail" / "held") are one statement told two ways.
    if opposite_words(a.text, b.text) is None and denies_what_the_other_omits(sentence_a, sentence_b):
        return True
    if _shares_only_the_subject(sentence_a, sentence_b):
        return True
    if other_steps(sentence_a, sentence_b) or offence_and_step(sentence_a, sentence_b):
        return True
    return other_doers(sentence_a, sentence_b, same) is not None
