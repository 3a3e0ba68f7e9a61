"""The tense of the clause a date stands in, read from the parse: cue words near a date
("predicted", "said") may belong to another clause than the date's ("Patrick predicted a
win in Texas, which votes on March 1"), which only the parse can tell."""

from __future__ import annotations

from typing import Any, Callable

from .attribution_words import FINITE_TAGS, INDIRECT_VERBS, SPEECH_VERBS

#: Modals that put what they govern ahead: "will vote".
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll", "wo"})
#: Modals of what is possible or due ("can win in November", "declared they should beat
#: her in November"): ahead of a past verb of another clause, but alone often a habit or a
#: rule ("shifts can run long during summer", "can't trash us in February"), which tells no
#: time; and not in the perfect ("should have won in March").
POSSIBLE_MODALS = frozenset({"can", "ca", "should"})

#: Verbs of needing and planning, whose participle tells of something still to be met, not
#: of a thing done: "the boost needed for a strong performance Tuesday", "the votes required
#: to pass it", "a rally planned for Friday". Such a participle has no time of its own; the
#: clause above it tells ("will give him the boost needed …" looks ahead).
FORWARD_PARTICIPLES = frozenset({"need", "require", "plan", "schedule", "slate", "expect", "intend", "anticipate"})

#: Verbs of needing, wanting, facing and awaiting: in the present, what they take for a month
#: or a day is still to come ("the votes she needs in November", "faces voters in June"),
#: where a present of being or having may report what is past ("unemployment is 5 percent in
#: March"). ("hopes" is lemmatised "hop".)
FORWARD_VERBS = frozenset({"need", "require", "want", "face", "hope", "hop", "expect", "await", "seek",
                           "plan", "intend", "anticipate", "fear"})

#: Verbs of asking, promising and planning, whose present perfect tells of a request or an
#: intention standing now, so that the "to" infinitive they take is an act still to come
#: ("has invited the board to meet on Thursday"); verbs of trying and managing are left out,
#: as their infinitive may be done ("has managed to win on Tuesday").
INTENDING_VERBS = frozenset("""invite ask urge call agree promise pledge vow plan decide schedule arrange offer
    threaten intend expect hope want order tell encourage press push challenge demand""".split())

#: Words of something aimed at or in prospect, whose preposition (with a gerund or a noun
#: after it) tells of what is ahead: "his chances of winning in November", "good about her
#: chances in November", "is focused on winning in June", "the key to holding the Senate in
#: November". After words of time or cause a gerund tells of the past ("after winning in
#: November", "since leaving in May", "despite losing in March", "praised for winning in
#: March"), so only these look ahead.
PROSPECT_WORDS = frozenset(
    """chance odds hope prospect likelihood possibility probability risk danger fear threat
    goal aim bid plan strategy key path shot opportunity focus intent bent confident capable
    hopeful optimistic forward position""".split())
#: Verbs of states, which a present tells as holding now, not as an act set for a day
#: ("after his win on Thursday, the pier remains closed", "a mayor who knows on Monday what
#: the port wants", "voters stand in front of a polling place on Tuesday"): only an act (a
#: vote, a trial, a publication) can be scheduled, so only an act's present tells the future.
STATE_VERBS = frozenset(
    """be have remain stay seem appear look sound feel know believe think understand mean matter
    need want like love hate prefer wish own possess belong contain include consist depend
    deserve lack resemble represent reflect stand sit lie rest exist oppose support favor favour
    trail lead cost weigh equal fit hope hop expect fear doubt agree differ involve concern
    require suffice show remember forget""".split())

#: Verbs of saying that also name a formal act set for a day: a publication of figures or
#: news, or evidence given to a body ("the company reports earnings Thursday", "announces
#: its results on Friday", "testifies before the council on Thursday"). Other verbs of
#: saying tell what was said or thought ("says on Thursday that …", "are hailing the
#: speech on Thursday"), which some reports put in the present of a day gone.
FORMAL_SPEECH_ACTS = frozenset({"report", "announce", "testify"})

#: Clausal complements, which carry what a verb of saying tells ("says on Thursday that …").
CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})

#: Prepositions that put an act at its day ("begins on Thursday"); others bound a time
#: ("after Tuesday night", "as of Thursday", "until Monday") rather than place the act.
DAY_PREPOSITIONS = frozenset({"on"})

#: Prepositions that look ahead themselves: "marching toward November", "before voting in June".
FORWARD_PREPOSITIONS = frozenset({"before", "toward", "towards"})


def clause_tense_reader(doc: Any) -> Callable[[int, int], str | None]:
    """A function giving the tense ("past", "present" or "future"; "perfect" for a present
    perfect, done before the report in a time reaching it; "possible" under "can",
    "ahead" under a present verb of need, whose object is still to come though a weekday
    may be of the telling, "set" for a present act the date is directly of) of the clause
    holding the characters ``start:end`` of the parsed text, or None when the parse cannot
    tell."""

    def clause_tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span.root
        # A date naming a thing ("the March 8 incident") has the thing's time, not the verb's.
        adverbial = token.dep_ not in ("compound", "nmod", "amod", "poss")
        # The date is the verb's own: right under it ("voted Tuesday") or its preposition's.
        direct = token.dep_ in ("npadvmod", "tmod") or token.dep_ == "pobj" and token.head.dep_ == "prep" \
            and token.head.head.pos_ in ("VERB", "AUX")
        # The verb whose act the date places at its day, bare or after "on" ("begins
        # Thursday", "begins on Thursday"; not "after Tuesday night", "as of Thursday", nor
        # "the victories Tuesday" under a verb above the noun).
        own_verb = token.head if token.dep_ != "pobj" else token.head.head
        at_its_day = direct and own_verb.pos_ in ("VERB", "AUX") \
            and (token.dep_ != "pobj" or token.head.lower_ in DAY_PREPOSITIONS)
        looks_ahead = False
        sought = False
        verbless = True
        qualifying = False  # under an infinitive qualifying a noun: "the first town to ban …"
        while True:
            if token.pos_ in ("VERB", "AUX"):
                verbless = False
                if _imperative(token):
                    return "future"  # "Let's beat her in November", "Vote on Tuesday": asked of what is to come
                tense = finite_tense(token)
                if tense is None and _told_modals(token):
                    return None  # "could help him win in March": the modal's clause, not the verb above it
                if tense is None and _reported_perfect(token):
                    return "past"  # "is said to have run at a deficit in October": done before the report
                if tense == "present" and _time_clause(token):
                    # "Once the levy takes effect on May 1, dockers will …": a clause of
                    # time tells in the present what the clause above it places in time.
                    tense = None
                if tense is not None:
                    # An infinitive or a participle of need looks ahead from its clause's
                    # time: what someone now is "eligible to vote in", "wants to win in" or
                    # has "the votes needed to pass" is still to come.
                    if looks_ahead and tense == "present":
                        return "future"
                    if looks_ahead and tense == "perfect" and token.lemma_ in INTENDING_VERBS:
                        # "has invited the board to meet on Thursday", "has agreed to testify
                        # on Friday": an invitation or a promise made up to now is of an act
                        # still to come ("has managed to win on Tuesday" is done)
                        return "future"
                    if sought and tense in ("past", "perfect"):
                        # "Seeking a win in the harbour primary Feb. 9, the mayor toured
                        # the coast": what was sought then lay after then
                        return "ahead"
                    # A present verb of need dating its own clause, with no verb between:
                    # "the votes she needs in November" (not "hopes …, pointing to a sale in
                    # June", whose date is the pointing's).
                    if tense == "present" and adverbial and token.lemma_ in FORWARD_VERBS:
                        return "ahead"
                    if tense == "present" and _set_ahead(token):
                        # "On Friday, the mayor is scheduled to speak", "On Friday, she has a
                        # speech planned": what is scheduled now is still to come.
                        return "future"
                    if tense == "present" and at_its_day and token.i == own_verb.i and _an_act(token):
                        # "Wisconsin holds its primary on Tuesday", "the trial begins on
                        # Thursday", "he is speaking in Ohio on Friday": a report tells in the
                        # present an act set for a day (what was done it tells in the past).
                        return "set"
                    if tense == "present" and qualifying:
                        # "Orsk is the first town to ban plastic bags in October": the
                        # infinitive names the town by a thing it may have done; the present
                        # above it gives that no time
                        return None
                    return tense
                # A participle of seeking or need dating its own clause ("seeking a win
                # in the primary Feb. 9"): what it seeks is ahead of the clause's time.
                sought = sought or adverbial and _participle_of_seeking(token)
                looks_ahead = looks_ahead or sought
                adverbial = False
                if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
                    if token.lemma_ not in FORWARD_PARTICIPLES:
                        return "past"  # "a poll taken in January": a thing done
                    looks_ahead = True
                looks_ahead = looks_ahead or _prospective_infinitive(token) or _prospective_gerund(token)
                qualifying = qualifying or not looks_ahead and _qualifying_infinitive(token)
            elif token.dep_ == "prep" and verbless:
                # (only in the date's own phrase: past a verb, the preposition is that verb's)
                looks_ahead = looks_ahead or _prospective_preposition(token)
            if token.head.i == token.i:
                return None
            token = token.head

    return clause_tense


def _an_act(verb: Any) -> bool:
    """Whether a verb tells an act that may be set for a day: not a state ("remains", "is",
    "knows"), nor a telling of what was said ("Smith says on Thursday that the plan
    failed", "tells reporters Thursday"), unless it is a formal act of publication or
    evidence with no clause to tell ("the company reports earnings Thursday")."""
    if verb.lemma_ in STATE_VERBS:
        return False
    if verb.lemma_ not in SPEECH_VERBS and verb.lemma_ not in INDIRECT_VERBS:
        return True
    return verb.lemma_ in FORMAL_SPEECH_ACTS and not any(c.dep_ in CLAUSE_DEPS for c in verb.children)


def _participle_of_seeking(verb: Any) -> bool:
    """Whether a verb is a participle in "-ing" of seeking or need, with no auxiliary of a
    progressive ("seeking a win", "needing votes"; not "is seeking")."""
    return verb.tag_ == "VBG" and verb.lemma_ in FORWARD_VERBS \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _set_ahead(verb: Any) -> bool:
    """Whether a present verb tells of a plan: a passive of need or plan ("is scheduled",
    "are expected") or "have" with a planned thing ("has a speech scheduled")."""
    if verb.tag_ == "VBN":
        return verb.lemma_ in FORWARD_PARTICIPLES
    return verb.lemma_ == "have" and any(
        c.dep_ == "dobj" and any(p.dep_ == "acl" and p.tag_ == "VBN" and p.lemma_ in FORWARD_PARTICIPLES
                                 for p in c.children)
        for c in verb.children)


#: Words that may stand before an imperative in its clause: "So let us …", "Please join us
#: …", "Don't forget …", "Just vote …".
IMPERATIVE_OPENERS = frozenset({"do", "n't", "not", "please", "so", "just", "now", "then", "and", "but", "also"})


def _imperative(verb: Any) -> bool:
    """Whether a verb is an imperative: a bare form heading a sentence, or a quoted one
    opening it ("“Vote on Tuesday,” she said"), with no subject and nothing but a word like
    "please" or "do not" before it. A bare form after "to" or a modal is no imperative,
    nor is one with a subject (a present the tagger read as bare)."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") or c.tag_ in ("TO", "MD") for c in verb.children):
        return False
    # (from the sentence's start: a title inside it, "said on ''Meet the Harbour''", is none)
    before = [t for t in verb.doc[verb.sent.start:verb.i] if not t.is_punct]
    return all(t.lower_ in IMPERATIVE_OPENERS for t in before)


#: Conjunctions opening a clause of time, whose present takes the time of the clause it
#: hangs on ("once it takes effect", "when the polls close", "after he arrives").
TIME_CONJUNCTIONS = frozenset({"when", "once", "after", "before", "until", "till", "whenever", "as"})


def _time_clause(verb: Any) -> bool:
    """Whether a verb heads a clause of time ("once the levy takes effect", "by the time the
    tour is over"; the parser makes "by the time" a phrase of the clause's verb, not a
    conjunction, and may take the clause for a complement of the verb after it)."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_CONJUNCTIONS for c in verb.children):
        return True
    return verb.dep_ in ("advcl", "ccomp") and any(_by_the_time(c, verb) for c in verb.children)


def _by_the_time(child: Any, verb: Any) -> bool:
    """Whether a word under a verb opens its clause with "by the time"."""
    return child.dep_ == "prep" and child.lower_ == "by" and child.i < verb.i \
        and any(g.dep_ == "pobj" and g.lower_ == "time" and all(d.lower_ == "the" for d in g.children)
                for g in child.children)


def _told_modals(verb: Any) -> list[Any]:
    """The modals before a verb, not counting a capitalised name the tagger took for one
    ("Will had nothing but praise")."""
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ == "MD"
            and (c.is_lower or c.is_sent_start)]


def finite_tense(verb: Any) -> str | None:
    """The tense of a verb that carries one, itself or by its auxiliaries ("possible" under
    "can"); None for an infinitive or a participle (the clause above it tells), or a modal
    of a condition or a possibility ("would", "might"), left to the cue words."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    if modals:
        # ("Will had nothing but praise": a name at the head of a clause is no modal)
        told = [m.lower_ for m in modals if m.is_lower or m.is_sent_start]
        if FUTURE_MODALS.intersection(told):
            return "future"
        perfect = any(a.lemma_ == "have" for a in auxiliaries)
        return "possible" if POSSIBLE_MODALS.intersection(told) and not perfect else None
    finite = [a for a in auxiliaries if a.tag_ in FINITE_TAGS] or ([verb] if verb.tag_ in FINITE_TAGS else [])
    if not finite:
        # A participle heading a relative clause with a subject of its own and no auxiliary
        # is a past verb the tagger misread ("critics who on Sunday cast his remarks as …");
        # not "with the candidate focused on June", where the participle tells a state.
        if verb.tag_ == "VBN" and verb.dep_ == "relcl" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children):
            return "past"
        return None
    first = finite[0]
    if first.tag_ == "VBD":
        return "past"
    if first.lemma_ == "have" and first is not verb:
        # "has focused": done before the report, in a time that reaches it (what the time
        # runs "ahead of" is still to come: "has spent heavily ahead of Tuesday's vote")
        return "perfect"
    return "present"


def _prospective_infinitive(verb: Any) -> bool:
    """Whether a verb is a "to" infinitive complementing or giving the purpose of the verb or
    adjective above it ("eligible to vote", "wants to win", "allows the party to win") or a
    noun of prospect ("a chance to win"), progressive or passive too ("need to be caucusing", "expects to be sworn in").
    Not a perfect one ("is said to have won") nor one qualifying another noun ("the first
    state to vote"), which may tell of the past."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    plain = verb.tag_ == "VB" or verb.tag_ in ("VBG", "VBN") and any(a.lower_ == "be" for a in auxiliaries)
    # (one qualifying a noun of prospect looks ahead too: "a chance to win it on Tuesday")
    prospect = verb.dep_ in ("acl", "relcl") and bool(PROSPECT_WORDS.intersection({verb.head.lower_, verb.head.lemma_.lower()}))
    # (with a subject of its own the parser makes it a clausal complement: "allows the
    # harbour party to win a majority in November", "wants him to run in June")
    return (plain and (verb.dep_ in ("xcomp", "advcl", "ccomp") or prospect) and any(a.tag_ == "TO" for a in auxiliaries)
            and not any(a.lemma_ == "have" for a in auxiliaries))


def _reported_perfect(verb: Any) -> bool:
    """Whether a verb is a perfect infinitive under a passive of report ("is said to have
    won", "are thought to have met"): what is reported was done before the report."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return verb.head.tag_ == "VBN" and any(a.tag_ == "TO" for a in auxiliaries) \
        and any(a.lemma_ == "have" for a in auxiliaries)


def _qualifying_infinitive(verb: Any) -> bool:
    """Whether a verb is a "to" infinitive qualifying a noun ("the first town to ban")."""
    return verb.dep_ in ("acl", "relcl") and any(a.tag_ == "TO" for a in verb.children if a.dep_ == "aux")


def _prospective_gerund(verb: Any) -> bool:
    """Whether a verb is a gerund after a preposition that a word of prospect or aim governs
    ("chances of winning", "focused on winning"), or after "before" or "toward": what it
    tells is ahead of its clause's time."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and _prospective_preposition(verb.head)


def _prospective_preposition(prep: Any) -> bool:
    """Whether a preposition looks ahead ("toward"), or follows a word of prospect ("chances
    in", "focused on")."""
    # (the word as written too: "odds" is lemmatised "odd")
    return prep.lower_ in FORWARD_PREPOSITIONS or bool(
        PROSPECT_WORDS.intersection({prep.head.lower_, prep.head.lemma_.lower()}))
