"""Who a quote credits: the subject, agent or name the parse gives a cue verb (climbing
from participles, past datelines and the parser's slips), the noun phrase it heads, the
entity it names or the person a pronoun or role noun stands for, speakers described by
common nouns only, and the relay channel ("told CNN", "quoted by Reuters")."""

from __future__ import annotations

import re
from typing import Any

from ..nlp import tokens_starting_in
from .attribution import Speaker
from .attribution_words import (
    SPEECH_VERBS, PHRASAL_SPEECH, DEMAND_VERBS, INDIRECT_VERBS, DOCUMENT_NOUNS, GERUND_PREPS, PRONOUNS, LISTENER_VERBS,
    NON_PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON, BODY_PARTS, LABEL_VERBS, PERSON_NOUNS, RELATIVE_PRONOUNS, ROLE_NOUNS, CANDIDACY_NOUNS, OPENERS, NAMING_LABELS, INDEFINITE, QUOTE_MARKS,
    MAX_DESCRIPTION_WORDS, CONTRAST_MARKS, SPEECH_NOUNS, WORK_NOUNS, VIEW_NOUNS, VOICING_VERBS, SPOKESBODY_NOUNS,
    OUTCOME_VERBS, STATE_LEAVING_VERBS, INSTITUTION_NOUNS, BACKING_VERBS, FINDING_PARTICIPLES, RESEARCH_NOUNS, RECORD_NOUNS,
)
from .genders import TITLES
from .quote_context import FinderBase
from .quote_cues import _according_to, _clear_word, _complement, _is_speech, _passive, _taken_aim_at
from .quote_marks import _words


# the marks that end a dateline ("RENO, Nev. (AP) — …"), never part of a speaker's name
_DASHES = ("—", "–", "--")


def _a_dash(token: Any) -> bool:
    """Whether a token is a dash: a dash character, or a hyphen typed with spaces around it
    ("Mr. Trump - 60 percent of voters said")."""
    return token.text in _DASHES or token.text == "-" and bool(token.whitespace_) and token.i > 0 \
        and bool(token.doc[token.i - 1].whitespace_)

#: How sure "they" is of the joint subject of the sentence before, and "the two leaders" of
#: the only two people the sentences before name: below a name in the attribution (1.0) and
#: below "he" after that person's own quote (0.9), so another outlet's named attribution of
#: the same words wins.
JOINT_PRONOUN_CONFIDENCE = 0.7


def _entity_of(token: Any) -> Any:
    """The named entity ``token`` is part of, or None. Read from the token's own entity tags:
    ``doc.ents`` builds every entity of the article on each call, and speakers are looked
    up hundreds of times an article."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _np_span(token: Any) -> tuple[int, int]:
    """The noun phrase a subject token heads, without relative clauses or appositions."""
    skip = {"relcl", "acl", "appos", "punct", "advcl", "prep", "case"}
    tokens = [token]
    # "But young pilots who …": a conjunction before the head joins the sentence, not the phrase
    stack = [c for c in token.children if c.dep_ not in skip and not (c.dep_ == "cc" and c.i < token.i)]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "punct", "advcl"})
    if any(c.dep_ == "appos" for c in token.children) and token.ent_type_ in ("", "CARDINAL"):
        # "the state news agency KCNA", "One of the authors, Ari Fleischer": the apposed name
        # is the speaker's name.
        tokens.extend(t for c in token.children if c.dep_ == "appos" for t in c.subtree)
    # A clause set after the head ends its phrase: in "Mr. Vale, who claimed …, and Ana
    # Berg" the names after it are conjuncts (credited one by one), and a span running over
    # the clause would credit its words to the clause's speaker as a name.
    clause = min((c.left_edge.i for c in token.children if c.i > token.i and c.dep_ in ("relcl", "acl", "advcl")),
                 default=None)
    if clause is not None:
        tokens = [t for t in tokens if t.i < clause]
    first = min(t.i for t in tokens)
    commas = [t.i for t in token.doc[first : token.i] if t.text == ","]
    if commas and token.pos_ == "PROPN":
        # "Of Carson, Levine, who …, said": a name is not what a comma sets before it
        tokens = [t for t in tokens if t.i > commas[-1]]
        first = min(t.i for t in tokens)
    dashes = [t.i for t in token.doc[first : token.i] if _a_dash(t)]
    if dashes:
        # "RENO, Nev. (AP) — Republican hopeful Donald Trump": a dateline is no part of the name.
        tokens = [t for t in tokens if t.i > dashes[-1]]
    breaks = [t.i for t in token.doc[first : token.i] if "\n" in t.text]
    if breaks:
        # "9:30 p.m.\n\nIlse Varga says" (live blogs): a name never runs over a paragraph break.
        tokens = [t for t in tokens if t.i > breaks[-1]]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    # A name running through a preposition ("the University of Michigan") is named whole.
    name = _entity_of(token) if token.ent_type_ in ("ORG", "FAC", "GPE") else None
    if name is not None and not breaks and not dashes:
        start, end = min(start, name.start_char), max(end, name.end_char)
    # the recogniser may run a name into the paragraph break after it ("according to
    # Harbourwatch⏎⏎"): the break is no part of the speaker
    text = token.doc.char_span(start, end).text  # not doc.text: that joins the whole article
    return start, end - (len(text) - len(text.rstrip()))


def _apposed_name(subject: Any) -> Any:
    """The name set off at the end of a speaker described by a noun ("The director of the
    European Centre, Ina Kirsch, told …"), which the parser hangs on the organisation;
    a name after a person ("the lawyer for the victim, Ana Ruiz,") may be that person's."""
    if subject is None or subject.pos_ != "NOUN":
        return subject
    # set off by a comma: "the law firm Ruiz Brel" names the firm, not a person
    names = [t for t in subject.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
             and t.head.i != subject.i and t.head.ent_type_ != "PERSON"
             and t.head.lemma_.lower() not in PERSON_NOUNS | ROLE_NOUNS
             and t.left_edge.i > 0 and subject.doc[t.left_edge.i - 1].text == ","]
    if names and all(t.is_punct for t in subject.doc[names[-1].right_edge.i + 1 : subject.right_edge.i + 1]):
        return names[-1]
    return subject


def _titled_name(subject: Any) -> Any:
    """The name after a title the parser made the subject ("said Army Capt. Tomas Brennick",
    where "Capt." and "Brennick" are both subjects of "said")."""
    if subject is None or subject.text.rstrip(".").lower() not in TITLES or subject.i + 1 >= len(subject.doc):
        return subject
    after = subject.doc[subject.i + 1]
    name = _entity_of(after) if after.ent_iob_ == "B" and after.ent_type_ == "PERSON" else None
    return name.root if name is not None else subject


def _after_dateline(subject: Any, verb: Any) -> Any:
    """The subject after a dateline the parser took for it: in "RENO, Nev. (AP) — Senator
    Ilse Varga says", the head noun between the last dash and the verb, else ``subject``."""
    if subject is None or subject.i >= verb.i:
        return subject
    doc = subject.doc
    # a paragraph break after the subject ends a live blog's time stamp ("2:40 p.m.\n\nThe
    # mayor says") as a dash ends a dateline
    dashes = [t.i for t in doc[subject.i + 1 : verb.i] if _a_dash(t) or "\n" in t.text and t.text.isspace()]
    if not dashes:
        return subject
    first, stop = dashes[-1] + 1, verb.i
    heads = [t for t in doc[first:stop] if not first <= t.head.i < stop and t.pos_ in ("PROPN", "NOUN")
             and t.ent_type_ not in ("DATE", "TIME")]
    if not heads and doc[verb.i - 1].ent_type_ == "PERSON":
        # "Tuesday in New York, …, former president Bill Clinton said": a day opens the
        # paragraph, and the name the parser hung elsewhere is right before the verb
        return doc[verb.i - 1]
    return heads[-1] if heads else subject


#: Speech verbs whose participle opening a sentence is said to its subject ("Asked whether …,
#: Varga shook her head"), not by it.
_TOLD_WHOM = frozenset({"tell", "inform", "assure", "reassure", "warn", "advise", "notify", "remind", "brief", "ask", "urge"})


#: What lies between the first of two joined people and the second one's surname: "and",
#: then the second one's capitalised titles and first names ("and House Speaker Paul ").
_JOINED_BEFORE = re.compile(r"\s+and\s+(?:[A-Z][\w.'’-]*\s+)+")
#: Words that open an adverbial clause, whose speech is timed or set against the main
#: clause's act, never relayed by it.
ADVERBIAL_OPENERS = CONTRAST_MARKS | {"when", "as", "after", "before", "because", "since", "although", "though", "until", "once"}
#: Words of a cue made of "make" and its noun of speech, up to the preposition.
MAX_NOUN_CUE_WORDS = 5
#: Words of the one told that a cue shows ("told foundation employees", "told The
#: Associated Press"); a longer description is left to the article.
MAX_LISTENER_WORDS = 4
#: At most this many words from "take" to the preposition of its target make the cue ("took
#: a swipe at", "took some sharp shots at"); longer, the verb alone is.
MAX_AIM_WORDS = 5
#: Abbreviated titles of role nouns ("Pres. Obama", "Gov. Varga").
ROLE_ABBREVIATIONS = {"president": ("pres",), "governor": ("gov",), "secretary": ("sec", "secy"), "senator": ("sen",)}


def _side_taker(verb: Any) -> Any:
    """The noun a participle of taking a side describes ("a super PAC backing Varga", "dock
    workers opposing the levy", "placards supporting the mayor"): the side is that noun's,
    as a relative clause would say ("a PAC that backs Varga")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in BACKING_VERBS:
        return None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i > verb.i or noun.lower_ in NON_PERSON_PRONOUNS:
        return None
    return noun


def _clause_subject_after(verb: Any, noun: Any) -> Any:
    """The clause whose subject the parser hung on a speech verb as a second subject of its
    own ("Varga, whose …, said [closed piers] -- those on the coast -- hurt trade"): the
    verb's complement right after ``noun`` (dashes or commas between), finite or in a bare
    form the tagger gave a plural's present tense, with no subject; None otherwise. (The
    parser may make the noun the verb's object instead, unless the verb has a listener:
    "told reporters -- those at the pier -- …".)"""
    if noun.i < verb.i or noun.dep_ != "nsubj" and (noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() in LISTENER_VERBS):
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in PERSON_NOUNS | ROLE_NOUNS:
        return None  # "The plan, said Mayor Marsh, is doomed": the one named after the verb speaks
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None)
    if clause is None or clause.tag_ not in ("VBD", "VBZ", "VBP", "VB") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass", "mark") for c in clause.children):
        return None
    between = noun.doc[noun.right_edge.i + 1 : clause.left_edge.i]
    return clause if all(t.is_punct for t in between) else None


def _finding_holder(verb: Any) -> Any:
    """The poll or record a participle of finding describes ("with a new poll showing Varga
    ahead", "records indicating that the levy was never paid"): the finding is that noun's,
    as "a poll that shows …" would say; a participle on anything else ("a video showing the
    crowd") states no finding. After "with" the parser gives the noun as the participle's own
    subject ("with some polls indicating that …")."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in FINDING_PARTICIPLES:
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if noun is None:
            return None
    elif verb.dep_ == "acl":
        noun = verb.head
    else:
        return None
    if noun.pos_ != "NOUN" or noun.i > verb.i or noun.lemma_.lower() not in RESEARCH_NOUNS | RECORD_NOUNS:
        return None
    return noun


def _subject(verb: Any) -> Any:
    """The grammatical subject of a verb, climbing from participles to the clause they hang on."""
    holder = _side_taker(verb)
    if holder is None:
        holder = _finding_holder(verb)
    if holder is not None:
        return holder
    if verb.dep_ == "acl" and verb.head.i < verb.i and _quoted_label(verb) is not None:
        # "Kessby, a port ally, called the levy “theft”": a label given to an object is said
        # by the noun the parser hung the verb on; a name given ("a group called …") has no object
        return verb.head
    seen = 0
    first = verb
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb is first and verb.lemma_.lower() != "quote" and _passive(verb, ("auxpass",)):
            # "Sanders had been told that he would lose", "he was confirmed 92 to 0": the
            # subject heard it or is what was said of; the speaker is the "by" phrase, or no
            # one named ("was quoted as saying" is the speaker's own)
            subjects = []
        if subjects:
            # Two subjects are a parse slip ("9:30 p.m.\n\nDonald Trump says"): the one
            # nearest the verb is the speaker, or the one named after it when the verb is
            # inserted into the clause of the other ("The plan, said Mayor Ida Marsh, is …").
            # "Workers who have walked out since the pier's collapse say": the noun after "since"
            # is the time's, the other subject the speaker's
            untimed = [c for c in subjects if not _after_time_word(c)]
            if untimed and len(untimed) < len(subjects):
                subjects = untimed
            # "Varga, whose …, said closed piers -- those on the coast -- hurt trade": a second
            # subject after the verb, before a clause with none, is that clause's
            own = [c for c in subjects if _clause_subject_after(verb, c) is None]
            if len(own) < len(subjects) and any(c.i < verb.i for c in own):
                subjects = [c for c in own if c.i < verb.i]
            else:
                fronted = _fronted_subject(verb)
                subjects = [c for c in subjects if fronted is None or c.i != fronted.i]
            # "Most voters in Kent, Surrey and Sussex said": the parser may make the rest of
            # a list of places after a preposition a second subject; places do not speak
            people = [c for c in subjects if c.ent_type_ not in _PLACES]
            subjects = people if people else subjects
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            subject = _speaker_after_topic(subject, verb)
            subject = _conjunct_after_clause(subject)
            if subject.pos_ in ("VERB", "AUX") and subject.left_edge.pos_ == "PROPN" and not any(
                    c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "acomp") for c in subject.children):
                # "Mrs. Clinton, the nominee and favorite to win the election come November,
                # proposed": the parser made "come" the subject; the name opening it is
                subject = subject.left_edge
                while subject.dep_ in ("compound", "flat") and subject.head.i > subject.i:
                    subject = subject.head
            if subject.lower_ == "what" and verb is not first and verb.dep_ == "ccomp":
                # "recalled what happened in 2008 to point out that …": the one who recalled
                verb, seen = verb.head, seen + 1
                continue
            return subject
        slip = _misparsed_subject(verb)
        if slip is not None:
            return slip
        # A passive's "by" phrase does that verb's act, not a participle's hung on it ("was
        # booed by supporters after telling them …" is the one booed telling).
        for child in verb.children if verb is first else ():
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and (_is_speech(verb) and _is_speech(verb.head.head)
                                                                  or _speakers_next_act(verb)) \
                and verb.head.head.i < verb.i:
            # "He said the attacks worked and said that …": the parser joins the second
            # speech verb to the reported clause; it shares the first one's subject. Not when
            # the outer verb comes after ("X met leaders and vowed “…,” the Ledger reported"):
            # the Ledger relays what X vowed.
            verb = verb.head.head
            seen += 1
            continue
        opened = _subject_read_as_object(verb)
        if opened is not None:
            return opened
        joined = _subject_joined_before(verb) if verb is first else None
        if joined is not None:
            return joined
        brought = _object_controller(verb)
        if brought is not None:
            return brought
        partner = _participle_partner(verb)
        if partner is not None:
            verb = partner
            seen += 1
            continue
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_PREPS \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            # "began by saying …", "after talking about the budget, Varga left": the one who
            # does the main act does the act of the gerund
            verb = verb.head.head
            seen += 1
            continue
        # "issued a statement saying …": only speech hands a document's words to its issuer
        # ("a video showing the crowd" shows, it does not speak)
        holder = _issuer(verb) if _is_speech(first) else None
        if holder is not None:
            verb = holder
            seen += 1
            continue
        if verb.dep_ in ("acomp", "attr") and verb.head is not verb:
            # "voters are more likely to say …", "was quick to deny …", "is a critic of the
            # levy": the adjective's or the noun's subject
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _issuer(noun: Any) -> Any:
    """The verb by which someone issues a document noun that a participle of speech hangs
    on ("issued a statement saying …", "responded with a note saying …"): the one who issues
    it says what it says; None for other nouns ("a man saying …" is someone else)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head if noun.dep_ in ("dobj", "obj") else None
    if verb is not None and verb.lemma_.lower() in _RECEIVING:
        return None  # "Police receive 911 calls saying shots were fired": the callers said it
    return verb if verb is not None and verb.pos_ == "VERB" and verb.i != noun.i else None


#: Verbs by which a document reaches someone who did not write it.
_RECEIVING = frozenset({"receive", "get", "obtain", "read", "see", "hear", "review", "find", "cite", "intercept"})


#: Marks that open a quoted label after its object ("called the plan “reckless”"); a
#: single mark is as often an apostrophe, so only double ones count.
_LABEL_OPENERS = frozenset(OPENERS) | {"''", "``"}
#: Words an object phrase before a quoted label is made of ("the 12-nation pact", "AP's
#: report a", "him", "striking pilots"); a preposition ("called on Varga") or a verb other
#: than a modifier means no object.
_OBJECT_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART"})
_OBJECT_MARKS = frozenset({"-", "–", "'s", "’s", "'", "’"})
_MAX_LABELLED_OBJECT = 8


def _quoted_label(verb: Any) -> tuple[Any, Any] | None:
    """The first and last tokens of the object and quoted label that follow a labelling
    verb in the active voice, read off the words whatever the parse made of them ("called
    [the system “rigged”]", "branded [protesters “thugs” and “looters”]"): an object phrase
    naming someone or something, then the label in quotation marks, and any further label
    joined by "and" or "or". None when no object comes first: "a group called “The Ring”"
    gives a name; "consider" is left out, as what is considered need not be said."""
    if verb.lemma_.lower() not in LABEL_VERBS - {"consider"} or verb.pos_ != "VERB" or _passive(verb):
        return None
    doc, sent_end = verb.doc, verb.sent.end
    i = verb.i + 1
    while i < sent_end and i - verb.i <= _MAX_LABELLED_OBJECT and doc[i].text not in _LABEL_OPENERS:
        if doc[i].pos_ not in _OBJECT_WORDS and doc[i].text not in _OBJECT_MARKS and doc[i].dep_ not in ("amod", "compound"):
            return None
        i += 1
    if i >= sent_end or doc[i].text not in _LABEL_OPENERS \
            or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[verb.i + 1 : i]):
        return None
    last = None
    while i < sent_end and doc[i].text in _LABEL_OPENERS:
        close = next((j for j in range(i + 1, min(sent_end, i + 12)) if doc[j].text in QUOTE_MARKS), None)
        if close is None:
            break
        last = doc[close]
        after = close + 1
        while after < sent_end and doc[after].text in (",", "."):
            after += 1  # the comma or full stop the quote may hold
        if after + 1 < sent_end and doc[after].lower_ in ("and", "or") and doc[after + 1].text in _LABEL_OPENERS:
            i = after + 1
        else:
            break
    if last is None:
        return None
    after = last.i + 1
    if after < sent_end and doc[after].lower_ in ("that", "to") and doc[verb.i + 1].lower_ == "it" \
            and doc[verb.i + 2].text in _LABEL_OPENERS:
        return None  # "called it “shameful” that …": "it" stands for the clause after, the real object
    # "called the ferry owners “free riders” who rely on …": a relative clause on the label is part of it
    label = next((t for t in doc[i + 1 : last.i] if t.head.i not in range(i + 1, last.i)), None)
    clauses = [c for c in label.children if c.dep_ == "relcl" and c.i > last.i] if label is not None else []
    if clauses and clauses[-1].right_edge.i < sent_end:
        last = clauses[-1].right_edge
    return doc[verb.i + 1], last


def _misparsed_subject(verb: Any) -> Any:
    """A speaker the parser hung on a speech verb as a modifier: a name read as a compound
    ("“…,” Varga answers.") or a share read as a number ("About 4 in 10 say they …"), a
    name after a quote, or an apposition of an opening phrase, when the verb has no subject."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in INDIRECT_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None  # ("receive 911 calls saying …": a noun of the same letters has no speaker slip)
    before = [c for c in verb.children if c.i < verb.i and c.dep_ not in ("punct", "advmod", "aux", "neg", "prep", "mark", "cc")]
    if not before:
        return _apposed_subject(verb) or _inverted_subject(verb)
    slip = before[-1]
    if slip.i == verb.i - 1 and (slip.dep_ == "compound" and slip.pos_ == "PROPN" or slip.dep_ == "nummod" and slip.pos_ == "NUM"):
        return slip
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) >= 2 and slip.i == clauses[0].i and clauses[-1].i > verb.i and slip.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(t.text in OPENERS or t.text in ("‘", "’", "''", "``") for t in verb.doc[slip.left_edge.i : verb.i]):
        # "Kasich offered the man a job, then says he will …": the parser makes the first
        # act a clause of the speech verb; its subject is the speaker of the second.
        subject = next((c for c in slip.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in PRONOUNS):
            return subject
    return _named_after_quote(verb) or _apposed_subject(verb) or _subject_after_break(verb) or _inverted_subject(verb)


#: Words opening a clause that the parser may read as a preposition ("as Davis attacked").
_CLAUSE_OPENING_PREPOSITIONS = frozenset({"as", "while", "when", "after", "before", "because", "since", "until"})


def _speech_noun_cue(verb: Any, content_start: int) -> str:
    """The cue "make" voices through its noun, up to the preposition ("made no comment on",
    "made conflicting statements about", "made the case for"): "made" alone would show
    "made no comment on the ruling" as "made the ruling"; so do the verbs that voice a view
    noun ("launched an attack against", not "launched Varga"), unless what was voiced starts
    at the noun ("offered his assessment of the plan"); "" for other verbs."""
    lemma = verb.lemma_.lower()
    if lemma == "make":
        nouns = SPEECH_NOUNS | VIEW_NOUNS.keys()
    elif lemma in VOICING_VERBS:
        nouns = VIEW_NOUNS.keys()
    else:
        return ""
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in nouns), None)
    if noun is None or noun.idx >= content_start:
        return ""
    prep = next((c for holder in (noun, verb) for c in holder.children if c.dep_ == "prep" and c.i > noun.i), None)
    words = verb.doc[verb.i : (prep.i if prep is not None else noun.i) + 1]
    if len(words) > MAX_NOUN_CUE_WORDS:  # "made a series of conflicting statements about": the noun and its preposition
        words = [verb, noun] + ([prep] if prep is not None else [])
    return " ".join(t.text for t in words)


def _named_person_around(token: Any) -> Any:
    """The named person a "who" clause hung on ``token`` is about: ``token`` itself, or the
    name its phrase describes ("Gov. Varga of Portview, a Republican who …", "Reich, a
    secretary of labor during the Clinton administration who …": the parser hangs the
    clause on the nearest noun). People named in the plural ("the party leaders who …")
    describe no one person, whatever the parser hangs them on."""
    if token.tag_ == "NNS":
        return token
    current = token
    described = None
    for _ in range(6):
        if current.pos_ == "PROPN" and current.ent_type_ == "PERSON":
            return current
        if described is None and current.i != token.i and (current.ent_type_ == "NORP" or current.lemma_.lower() in PERSON_NOUNS) \
                and not (token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS):
            # "one Democrat familiar with the discussion, who added …": a discussion adds nothing
            described = current
        if current.dep_ not in ("appos", "pobj", "prep", "amod") or current.head.i == current.i:
            break
        current = current.head
    return described if described is not None else token


def _object_controller(verb: Any) -> Any:
    """The object an infinitive's act falls to ("the win led Mayor Varga to declare …":
    Varga declared), or that a participle right after it describes ("the killings have left
    62 percent of voters saying …": the voters say it); else None."""
    obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OUTCOME_VERBS:
        return obj
    if obj is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "ccomp") \
            and verb.head.lemma_.lower() in STATE_LEAVING_VERBS and obj.right_edge.i == verb.i - 1 and any(
                t.lemma_.lower() in PERSON_NOUNS or t.ent_type_ in ("PERSON", "NORP") or t.lower_ in PRONOUNS
                for t in obj.subtree):
        return obj  # people, not "left the hall saying …"
    return None


def _finite(verb: Any) -> bool:
    """Whether a verb is finite, in its own form or its auxiliary's ("opposed", "has
    opposed", "will oppose"), as a verb with a subject of its own is."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _participle_partner(verb: Any) -> Any:
    """The adverbial participle that a bare "-ing" participle the parser joined to the finite
    verb of a reported clause is coordinated with ("warning that the storm could reach the
    coast and implying that …": "and" joins like with like, so "implying" goes with
    "warning", not with "could reach", and shares its subject); None when the verb is no
    such participle or none is above."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or head.tag_ == "VBG" or not _finite(head) \
            or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return None
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in head.children):
        return None  # only a reported clause ends before the "and" goes back to the reporter
    for above in head.ancestors:
        if above.tag_ == "VBG" and above.dep_ == "advcl" and above.i < head.i:
            return above  # (a gerund, "a platform of cutting taxes and …", has no subject to share)
        if above.pos_ in ("VERB", "AUX") and above.tag_ != "VBG":
            return None  # a finite verb above before any participle: nothing to pair with
    return None


#: Named-entity types of places, which are no speakers.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _conjunct_after_clause(subject: Any) -> Any:
    """The name joined after a subject that ends a clause of its own, which the parser read
    into the subject: the object of an act before ("Neither Lind nor Berg has won a seat and
    Varga suggested …": a seat suggests nothing) or a noun with a finite verb of its own ("a
    group of pilots called for a strike, and the union denounced …"); else the subject."""
    later = [c for c in subject.conjuncts if c.i > subject.i]
    if not later or subject.pos_ != "NOUN":
        return subject
    own_verb = any(c.dep_ == "acl" and c.tag_ == "VBD" and c.i < later[0].i for c in subject.children)
    a_thing = subject.lemma_.lower() not in PERSON_NOUNS | INSTITUTION_NOUNS | SPOKESBODY_NOUNS and not subject.ent_type_ \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children) \
        and any(c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in later)
    return later[-1] if own_verb or a_thing else subject


def _tense_tag(verb: Any) -> str:
    """The tense a verb is written in: its own tag, or its auxiliary's ("did not suggest")."""
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP")), None)
    return aux.tag_ if aux is not None else verb.tag_


def _speakers_next_act(verb: Any) -> bool:
    """Whether a verb the parser joined to a reported clause is the speaker's next act:
    it has no subject of its own and is in the cue's past or present tense, after a
    clause not written in that tense ("proposed that more crews be left at the pier and
    pushed for a levy", "said she would resign and left the room"); "said the pier leaks and
    needs repairs" is one report."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or clause.dep_ != "ccomp" or clause.head.pos_ != "VERB" \
            or clause.i > verb.i or clause.head.i > clause.i:
        return False
    tense = _tense_tag(verb)
    return tense in ("VBD", "VBZ") and tense == _tense_tag(clause.head) and _tense_tag(clause) not in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _subject_joined_before(verb: Any) -> Any:
    """The subject of a second verb the parser joined, with "and", to what the first verb
    says or acts on ("McCain supported it and Cruz, as he has before, opposed the measure":
    "it and Cruz"; "one in three said … and one in four said …"): the noun phrase right
    before the verb (an aside set off by commas skipped), a conjunct under the first verb;
    None otherwise."""
    if verb.dep_ not in ("conj", "advcl", "ccomp") or verb.i == 0 or not _finite(verb):
        return None  # ("useful to officers and historians trying to …": a participle has no subject)
    doc = verb.doc
    before = doc[verb.i - 1]
    while before.dep_ in ("advmod", "neg") and before.head.i == verb.i and before.i > 0:
        before = doc[before.i - 1]  # "… and Kurz strongly suggested": the adverb is the verb's
    if before.text == ",":
        opening = next((t for t in reversed(doc[verb.head.i + 1 : before.i]) if t.text == ","), None)
        if opening is None:
            return None
        before = doc[opening.i - 1]
    while before.dep_ in ("pobj", "prep", "compound", "nummod") and before.head.i < verb.i and before.head.i != before.i:
        before = before.head  # "one in four": the phrase's head
    if before.dep_ != "conj" or before.pos_ not in ("PROPN", "NOUN", "NUM") or not any(
            c.dep_ == "cc" for c in before.head.children if c.i < before.i):
        return None
    first = before.head
    while first.dep_ == "conj":
        first = first.head
    # the conjunct hangs under the first verb (as its object, or inside its clause)
    return before if verb.head.i in {a.i for a in first.ancestors} else None


def _subject_read_as_object(verb: Any) -> Any:
    """The subject of a clause the parser opened as a prepositional phrase ("… grew louder
    as Patti Davis, Ronald Reagan's daughter, attacked Trump": "Davis" the object of
    "as", "attacked" a clause with no subject), when only an apposition and commas stand
    between it and the verb."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # such a clause is finite: "went before reporters to denounce …" is theirs
    for prep in verb.head.children:
        if prep.lower_ == "as" and any(c.dep_ in ("dobj", "obj") and c.i < prep.i for c in verb.head.children):
            continue  # "dismissed Walker as an ineffective leader, arguing …": "as" names a role
        if prep.dep_ == "prep" and prep.lower_ in _CLAUSE_OPENING_PREPOSITIONS and prep.i < verb.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN") and all(
                    t.dep_ in ("punct", "appos") or t.head.i != verb.head.i and t.head.dep_ != "ROOT"
                    for t in verb.doc[obj.i + 1 : verb.i]):
                return obj
    return None


#: Words that open a clause or, as prepositions, a time ("since the storm", "after the vote").
_TIME_PREPOSITIONS = frozenset({"since", "after", "before", "until", "till"})


def _noun_before_time_clause(verb: Any, subject: Any) -> Any:
    """The noun a relative clause describes when the parser read a time phrase at that
    clause's end as a clause of its own ("Pilots who have struck since the storm's damage
    vowed to …": "since" made to open "the storm's damage vowed"): the main verb then has
    no subject but the noun; None when the verb is no such clause."""
    if subject is None or subject.pos_ != "NOUN" or verb.dep_ != "advcl" or verb.head.dep_ != "relcl" \
            or subject.i > verb.i or subject.head.i != verb.i:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in _TIME_PREPOSITIONS), None)
    noun = verb.head.head
    # only the noun phrase stands between the time word and the verb ("since the boy's death have vowed")
    if mark is None or mark.i != subject.left_edge.i - 1 or subject.right_edge.i + 1 != min(
            [c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i] + [verb.i]):
        return None
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.head.i else None


def _after_time_word(subject: Any) -> bool:
    """Whether a subject the parser gave a verb opens right after a time word ("Workers who
    have walked out since the pier's collapse say": "collapse" a second subject of "say")."""
    start = subject.left_edge.i
    return start > 0 and subject.doc[start - 1].lower_ in _TIME_PREPOSITIONS


def _main_subject_past_relative(verb: Any, relative: Any) -> Any:
    """The subject of the clause a "which" clause hangs in, when the parser joined ``verb``
    to the relative clause as its second act ("scrapped the rules which had favoured the
    board and vowed to …"); None otherwise."""
    if relative.lower_ != "which" or verb.dep_ != "conj" or verb.head.dep_ != "relcl" or relative.head.i != verb.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") and c.tag_ != "TO" for c in verb.children):
        return None  # "which had favoured the board and had been criticised": a verb group of its own
    host = verb.head.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    if host.pos_ not in ("VERB", "AUX") or host.i > verb.i:
        return None
    return next((c for c in host.children if c.dep_ == "nsubj" and c.i < host.i), None)


def _fronted_subject(verb: Any) -> Any:
    """The subject of the reported clause that the parser gave to an inserted speech verb
    ("The plan, said Marsh, is doomed": "plan" read as the subject of "said"): a subject
    before the verb, a comma between, when the verb's own subject follows it."""
    if verb.i < 1 or verb.doc[verb.i - 1].text not in (",", "—", "–"):
        return None
    before = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    after = any(c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("PROPN", "NOUN", "PRON")
                for c in verb.children)
    return before[-1] if before and after else None


def _speaker_after_topic(subject: Any, verb: Any) -> Any:
    """"Clinton, a top aide said, “is very confident”": no comma closes "a top aide" before
    the inserted verb, so the aide speaks and Clinton is what the words are about; "Clinton,
    a top aide, said" (closed) is Clinton."""
    if verb.i + 1 >= len(verb.doc) or verb.doc[verb.i + 1].text not in (",", "—", "–") or subject.i > verb.i:
        return subject
    role = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                 and c.right_edge.i == verb.i - 1 and verb.doc[c.left_edge.i - 1].text == ","), None)
    return role if role is not None and subject.pos_ == "PROPN" else subject


def _inverted_subject(verb: Any) -> Any:
    """The speaker named right after a speech verb that follows its quote ("“…,” said Ilse
    Varga, smiling") when the parser made the name the subject of a clause after the verb
    ("Varga … smiling") instead of the verb's own."""
    doc = verb.doc
    if verb.i < 1 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in {*OPENERS.values(), "’", "''"}:
        return None
    after = doc[verb.i + 1]
    if after.head.i == verb.i and after.pos_ == "ADV" and after.is_title:
        return after  # "“…,” said Skelly": a name the tagger took for an adverb by its "-ly"
    named = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ == "PROPN" and c.left_edge.i == verb.i + 1), None)
    if named is not None:
        # "“…,” recalled Mr. Holm": the quotation is what was recalled, so the name the
        # parser took for the object of the inverted verb is its subject
        return named
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "advcl") and clause.i > verb.i:
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1
                            and c.pos_ == "PROPN"), None)
            if subject is not None:
                return subject
    return None


def _subject_after_break(verb: Any) -> Any:
    """The noun that opens a speech verb's paragraph when the parser ran the paragraph before
    into its sentence and hung the noun there ("… works.”⏎⏎Sen. Ilse Varga, facing a
    challenge, said she would …", the name read as an object of "works")."""
    doc = verb.doc
    breaks = [t.i for t in doc[verb.sent.start : verb.i] if "\n" in t.text]
    if not breaks:
        return None
    first = breaks[-1] + 1
    opening = [t for t in doc[first : verb.i] if not first <= t.head.i < verb.i and not t.is_punct and not t.is_space]
    if not opening or opening[0].pos_ not in ("PROPN", "NOUN") or opening[0].head.i == verb.i:
        return None
    return opening[0]


def _apposed_subject(verb: Any) -> Any:
    """The subject the parser read as an apposition of an opening phrase ("In a statement to
    the gazette, her adviser, Ana Ruiz, said"): the noun set off by commas right before the
    verb, hung on the object of a preposition of the verb, or on a word of a participle
    clause opening the sentence ("Alarmed by the unrest in Nevada, Senator Ilse Varga, …,
    said": the parser may also join the name to "Nevada" as a second item, with no "and")."""
    for prep in verb.children:
        fronted = prep.dep_ == "advcl" and prep.tag_ in ("VBN", "VBG") and prep.left_edge.i == verb.sent.start
        if prep.dep_ != "prep" and not fronted or prep.i > verb.i:
            continue
        for pobj in prep.subtree:
            appos = [a for a in pobj.children if a.i > pobj.i and (a.dep_ == "appos" or fronted and a.dep_ == "conj"
                                                                   and a.pos_ == "PROPN"
                                                                   and not any(c.dep_ == "cc" for c in pobj.children))]
            if appos and re.fullmatch(r"\s*,\s*", verb.doc[appos[-1].right_edge.i + 1 : verb.i].text_with_ws or " "):
                return appos[0]
            last = appos[-1] if appos else None
            while last is not None and any(c.dep_ == "appos" and c.i > last.i for c in last.children):
                last = max((c for c in last.children if c.dep_ == "appos"), key=lambda c: c.i)  # a name set off after a name
            if last is not None and last.pos_ == "PROPN" and last.right_edge.i == verb.i - 1 \
                    and verb.doc[last.left_edge.i - 1].text == ",":
                # "…, while on the trail for his wife, Ilse Brennick, former mayor Tomas
                # Brennick said": the name set off by a comma right before the verb, whatever
                # the parser hung it on, is its subject
                return last
    return None


def _sentence_subject(verb: Any, start: int) -> Any:
    """The subject of the sentence a participle of speech is set off from, when both come
    before the quote at ``start`` ("Varga paused, telling the crowd, “…”"); else None."""
    root = verb.sent.root
    if verb.tag_ != "VBG" or root.i >= verb.i or root.idx >= start:
        return None
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)


def _named_after_quote(verb: Any) -> Any:
    """The speaker named right after a quote closed by a comma when the parser gave its
    speech verb no subject ("“…,” harbour master Tomas Brennick, in a yellow coat, said"):
    the last word of the noun phrase that opens the attribution."""
    doc = verb.doc
    marks = [t for t in doc[verb.sent.start : verb.i] if t.text in ("”", '"', "''", "’") and t.i > 0
             and doc[t.i - 1].text in (",", "?", "!")]
    if not marks or "\n" in doc[marks[-1].i : verb.i].text:
        return None
    run: list[Any] = []
    for t in doc[marks[-1].i + 1 : verb.i]:
        if t.pos_ in ("PROPN", "NOUN") or t.dep_ == "compound" or not run and t.pos_ in ("DET", "ADJ"):
            run.append(t)
            continue
        break
    while run and run[-1].pos_ not in ("PROPN", "NOUN"):
        run.pop()
    if not run:
        return None
    after = doc[run[-1].i + 1]
    return run[-1] if after.i == verb.i or after.text == "," else None


def _one_in_focus(noun: Any) -> bool:
    """Whether a role noun can stand for the one person the story is about: "the leader",
    not "the two leaders", "officials" or "a senior official"."""
    if "Plur" in noun.morph.get("Number") or noun.tag_ in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in noun.children)


def _place_of_role(noun: Any) -> str | None:
    """The place a role noun is of, written before it ("the Vermont senator", "the New
    Jersey governor"), lower-cased; None when it has none."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.i < noun.i]
    if not words:
        return None
    first = min(t.i for w in words for t in w.subtree)
    return " ".join(t.lower_ for t in noun.doc[first : noun.i] if t.pos_ == "PROPN") or None


def _capitalised_role(head: Any) -> bool:
    """Whether a word the tagger read as a name is a role noun capitalised after "the" ("the
    Nordland Governor", "the Prime Minister"), which names no one by itself."""
    return head.pos_ == "PROPN" and head.lower_ in ROLE_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _the_two(noun: Any) -> bool:
    """Whether a subject speaks of two people together: "the two leaders", "both men"."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.lemma_.lower() not in ROLE_NOUNS | {"man", "woman"}:
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in noun.children)


#: Words that stand for a number of people without naming them ("few believe …", "most
#: say …"); the tagger reads them as adjectives or determiners.
COUNTED_PEOPLE = frozenset({"one", "few", "many", "most", "some", "several", "all", "both", "none", "others"})


#: Determiners that point back at someone already in the text ("this official").
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _common_noun_read_as_name(head: Any) -> bool:
    """Whether the recogniser took a common noun in the plural for a name only because it
    opens the sentence capitalised ("Groups of young people roamed …", read as an
    organisation "Groups")."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.i != head.sent.start or head.ent_type_ in ("", "PERSON") \
            or head.ent_iob_ != "B" or head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_iob_ == "I":
        return False  # (a surname may look like a plural: "Rivers is touting …")
    # a name is capitalised inside a sentence too
    return not any(t.text == head.text and t.i != t.sent.start for t in head.doc)


def _names_no_one(head: Any, span: tuple[int, int]) -> bool:
    """Whether a speaker phrase headed by ``head`` is common nouns only: no proper noun and
    no named entity in it ("officials", "Climate researchers", "a new council report",
    "few")."""
    if head.pos_ != "PROPN" and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in head.children):
        # "this Holm look-alike", "that Holm supporter": the noun (whatever the tagger made
        # of it) points back at someone the text described before; a name modifying it is
        # another person's
        return True
    if head.pos_ not in ("NOUN", "PRON") and head.lower_ not in COUNTED_PEOPLE:
        return False
    tokens = tokens_starting_in(head.doc, span[0], span[1])
    return not any(t.pos_ == "PROPN" or t.ent_type_ in NAMING_LABELS and not _common_noun_read_as_name(t) for t in tokens)


def _describes_a_group(unnamed: bool, speaker_text: str | None) -> bool:
    """Whether an unnamed speaker is described ("Officials", "the scientists", "they"), not
    a pronoun for one person that found no one ("he")."""
    return unnamed and bool(speaker_text) and str(speaker_text).lower() not in PRONOUNS


class SpeakerFinding(FinderBase):
    """Speakers and channels of the cue tokens the phases find."""

    def _entity_for(self, span: tuple[int, int], text: str, head: Any = None) -> str | None:
        """The entity a speaker phrase names: a mention that covers the phrase's head word
        ("North Korea's state news agency KCNA" is KCNA, not North Korea)."""
        best = None
        for (article, start, end), eid in self.index.by_mention.items():
            if article != self.annotation.article.id or not (start >= span[0] and end <= span[1]):
                continue
            if head is not None and not (start <= head.idx < end) and not any(
                start <= c.idx < end for c in head.children if c.dep_ == "appos"
            ):
                continue
            entity = self.index.get(eid)
            if entity is not None and entity.type in ("GPE", "LOC", "FAC") and head is not None and head.pos_ == "NOUN" \
                    and not start <= head.idx < end and head.lemma_.lower() in PERSON_NOUNS:
                continue  # "the only candidate in the capital, Ashford,": the place names the capital, not the candidate
            rank = {"PERSON": 0, "ORG": 1}.get(entity.type if entity else "", 2)
            if best is None or (rank, -start) < best[0]:
                best = ((rank, -start), eid)
        if best:
            entity = self.index.get(best[1])
            if entity is not None and entity.type == "NORP" and head is not None and head.tag_ in ("NNP", "NN") \
                    and any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE | {"the"} for c in head.children):
                # "The Wisconsin Republican said", "another Republican added": one party member
                # described, not the party
                return None
            if entity is not None and entity.type == "GPE" and len(entity.name.split()) == 1 and entity.stands_for is None:
                # "Kasich bemoaned …": a place that speaks, named like the story's one person of
                # that surname and standing for no government, is that person.
                return self.index.lookup(entity.name, ("PERSON",)) or best[1]
            return best[1]
        if head is not None and head.pos_ == "PROPN" and _capitalised_role(head):
            return None  # "the Nordland Governor said": the role is no name, the place not the speaker
        if head is not None and head.pos_ == "PROPN":
            # the name without what is set off after it ("Simmons, an Obama supporter")
            name = " ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "flat") or t.i == head.i)
            here = self.annotation.article.id
            return self.index.lookup(name, article=here) or self.index.lookup(text, article=here)
        if head is not None and head.pos_ in ("NOUN", "ADP", "ADJ", "ADV", "VERB") and head.text[:1].isupper() \
                and span == (head.idx, head.idx + len(head.text)):
            # a surname alone the tagger took for a common noun or another word ("Trump later
            # defended …", "From said" for Al From)
            return self.index.lookup(head.text, ("PERSON",), self.annotation.article.id)
        return self.index.lookup(text, article=self.annotation.article.id) if head is None else None

    def _named_in_report(self, eid: str, pronoun: Any, content: tuple[int, int] | None) -> bool:
        """Whether the words a pronoun reports, after it, name the one it was resolved to: "she
        believed that Ivo had wanted to warn them" cannot be Ivo's (a pronoun does not stand
        for a name in the clause it governs); "Ivo was tired, he said" may be."""
        return content is not None and pronoun.idx < content[0] and any(
            p[2] == eid and content[0] <= p[1] < content[1] for p in self.context.persons)

    def _speaker(self, subject: Any, content: tuple[int, int] | None = None) -> Speaker:
        """Who a subject token (or the object of "according to") credits; ``content`` is
        the quoted span, which an unnamed speaker's description must not run into."""
        if subject is None:
            return Speaker(None, None, None, 0.0)
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if (subject.lower_ in BODY_PARTS or subject.lemma_.lower() in WORK_NOUNS) and subject.pos_ == "NOUN" \
                and owner is not None:
            subject = owner  # "his eyes … urged", "according to his book": the owner speaks
        elif subject.pos_ == "ADP":
            # the parser's slip: "Of Carson, Levine … said" made "Of" the subject
            subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
            subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)
        span = _np_span(subject)
        words = self.text[span[0] : span[1]]
        if subject.lower_ in PRONOUNS:
            eid, confidence = self.context.resolve(subject.idx, subject.lower_)
            role = self._role_nearer(subject, eid) if eid is not None else None
            if role is not None:
                # "calls for the prime minister to quit, ignoring his appeals": "his" is the
                # minister's, whom the article may name with the role elsewhere
                eid, confidence = self.context.resolve(subject.idx, subject.lower_, lambda e: self._titled(e, role))
            elif eid is not None and self._named_in_report(eid, subject, content):
                # "Kane said …, whereas Brel admitted he knew …. He also said that Brel
                # lied": not the one named in what he reports, but the next one who fits
                named = eid
                eid, confidence = self.context.resolve(
                    subject.idx, subject.lower_, lambda e: e != named and not self._named_in_report(e, subject, content))
            # "He and Chairman Ilse Varga both condemned …": a joint statement is each one's
            also = self._also_credited(subject, eid) if eid is not None else ()
            return Speaker(eid, subject.text, (subject.idx, subject.idx + len(subject.text)), confidence,
                           unnamed=eid is None, also=also)
        if subject.lower_ in NON_PERSON_PRONOUNS:
            joint = self._joint_subject_before(subject) if subject.lower_ == "they" else \
                self._organisation_before(subject) if subject.lower_ == "it" else ()
            return Speaker(joint[0] if joint else None, subject.text, (subject.idx, subject.idx + len(subject.text)),
                           JOINT_PRONOUN_CONFIDENCE if joint else 0.0, also=joint[1:])
        eid = self._entity_for(span, words, subject) if not _common_noun_read_as_name(subject) else None
        if eid is None and subject.lemma_.lower() in ROLE_NOUNS | CANDIDACY_NOUNS \
                and (subject.pos_ == "NOUN" or _capitalised_role(subject)) \
                and _one_in_focus(subject):
            # "the North Korean leader said": a role noun stands for the person in focus, if
            # the article gives them that role ("the mayor said" is not President Obama).
            role = subject.lemma_.lower()
            place = _place_of_role(subject)
            if place is not None and any(self._titled_from(e, role, place) for e in self.index.titles):
                # "the Vermont senator said": the senator the story names from Vermont, not
                # the senator from elsewhere named last (a place no title names leaves the role
                # to whoever holds it: "Governor Ana Lindqvist … the Nordland Governor")
                eid, confidence = self.context.resolve(subject.idx, role, lambda e: self._titled_from(e, role, place))
            else:
                eid, confidence = self.context.resolve(subject.idx, role, lambda e: self._titled(e, role))
            if eid is not None or role not in CANDIDACY_NOUNS:
                # (a candidate no one is named as stays the description it is)
                return Speaker(eid, words, span, confidence, unnamed=eid is None)
        if eid is None and _the_two(subject):
            # "the two leaders said": the two people the last sentences name, if only two.
            pair = self.context.last_two_people(subject.idx)
            if pair:
                return Speaker(pair[0], words, span, JOINT_PRONOUN_CONFIDENCE, also=pair[1:])
        if eid is None and _names_no_one(subject, span):
            span = self._description(subject, span, content)
            return Speaker(None, self.text[span[0] : span[1]], span, 0.5, unnamed=True)
        return Speaker(eid, words, span, 1.0 if eid else 0.5, also=self._also_credited(subject, eid) if eid else ())

    def _role_nearer(self, pronoun: Any, eid: str) -> str | None:
        """The role noun naming no one that stands between ``pronoun`` and any name in its
        sentence ("removed the mayor of Roanoke after he suggested …": "he" is the mayor,
        not the person named before; "calls for the premier to quit, ignoring his appeals":
        the appeals are the premier's), when the article never gives ``eid`` that role; else
        None."""
        if pronoun.lower_ not in ("he", "she") and not (pronoun.lower_ in ("his", "her") and pronoun.tag_ == "PRP$"):
            return None
        # "…, and he accused the mayor of …": the one he acts on is not he
        acted_on = {c.lemma_.lower() for c in pronoun.head.children if c.dep_ in ("dobj", "obj", "dative") and c.i > pronoun.i}
        mentions = [(m.span, m.label) for m in self.annotation.mentions]
        for token in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            if any(a <= token.idx < b for a, b in self._quoted):
                continue  # a quotation's words are what was said, not who says it
            label = next((label for (a, b), label in mentions if a <= token.idx < b), None)
            if label == "PERSON" or label is None and token.pos_ == "PROPN":
                return None  # a name is nearer (a place or a date is no antecedent)
            if token.lemma_.lower() in ROLE_NOUNS and token.tag_ == "NN" and token.dep_ not in ("compound", "poss") \
                    and token.lemma_.lower() not in acted_on \
                    and not any(c.pos_ == "PROPN" and c.dep_ in ("compound", "appos") for c in token.children):
                if pronoun.tag_ == "PRP$" and any(label == "PERSON" and pronoun.sent.start_char <= a < token.idx
                                                  for (a, _), label in mentions):
                    # "Varga said the governor should resign, repeating her call …": a person named
                    # before the role may own it as well
                    return None
                return None if self._titled(eid, token.lemma_.lower()) else token.lemma_.lower()
        return None

    def _titled(self, eid: str, role: str) -> bool:
        """Whether the article names ``eid`` with the role noun: before a mention ("President
        Barack Obama", "North Korean leader Kim") or in an apposition after it ("Varga, the
        city's mayor"); or any article of the story titles them so."""
        if (eid, role) not in self._titles:
            self._titles[(eid, role)] = self._named_with_role(eid, role) or self._titled_from(eid, role)
        return self._titles[(eid, role)]

    def _titled_from(self, eid: str, role: str, place: str | None = None) -> bool:
        """Whether any article of the story writes the role (of ``place``, if given) as a
        title before ``eid``'s name ("Vermont Sen. Bernie Sanders", "Senator Ted Cruz of
        Texas"): the story's other reports may give the role this one leaves out."""
        words = {role, *ROLE_ABBREVIATIONS.get(role, ())}
        return any(words.intersection(title) and (place is None or all(w in title for w in place.split()))
                   for title in self.index.titles.get(eid, ()))

    def _named_with_role(self, eid: str, role: str) -> bool:
        words = "|".join(map(re.escape, (role, *ROLE_ABBREVIATIONS.get(role, ()))))
        title = re.compile(rf"\b(?i:{words})\.?[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){{0,3}}$")
        role_word = re.compile(rf"\b{re.escape(role)}\b", re.I)
        for (article, start, end), mentioned in self.index.by_mention.items():
            if article != self.annotation.article.id or mentioned != eid:
                continue
            # in an apposition, or as what the person is or becomes ("Varga would become the
            # party's candidate")
            after = re.match(r",\s+(?:the|a|an|its|his|her|their)\b[^,.;]{0,40}", self.text[end : end + 60]) \
                or re.match(r"\s+(?:(?:would|will|has|had)\s+)?(?:is|was|be|been|become|became)\s+"
                            r"(?:the|its|his|her|their)\b[^,.;]{0,40}", self.text[end : end + 70])
            if title.search(self.text[max(0, start - 60) : start]) or after and role_word.search(after.group()):
                return True
        return False

    def _joint_subject_before(self, pronoun: Any) -> tuple[str, ...]:
        """Everyone "they" stands for when the sentence before is about two or more named
        people together ("Lindqvist and her deputy, Berglund, met the workers. They said
        …"), else (): the subject of that sentence's main verb, and no plural subject
        between it and the pronoun."""
        sentence = pronoun.sent
        if sentence.start == 0:
            return ()
        before = pronoun.doc[sentence.start - 1].sent
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and t.i < pronoun.i
               for t in sentence):
            return ()
        for subject in before.root.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            span = _np_span(subject)
            eid = self._entity_for(span, self.text[span[0] : span[1]], subject)
            also = self._also_credited(subject, eid) if eid else ()
            return (eid, *also) if also else ()
        return ()

    def _organisation_before(self, pronoun: Any) -> tuple[str, ...]:
        """The organisation "it" stands for when it opens its sentence and the sentence before
        is about one ("The agency released its findings on Monday. It said …"): that sentence's
        main subject, when it names an organisation; else ()."""
        sentence = pronoun.sent
        if sentence.start == 0 or pronoun.i != sentence.start:
            return ()
        before = pronoun.doc[sentence.start - 1].sent
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return ()
        span = _np_span(subject)
        entity = self.index.get(self._entity_for(span, self.text[span[0] : span[1]], subject))
        return (entity.id,) if entity is not None and entity.type == "ORG" else ()

    def _speaking_thing_before(self, pronoun: Any, depth: int = 0) -> bool:
        """Whether "it" stands for a body or a document that speaks: the subject of its
        sentence's main verb before it, or in the sentence before the main verb's subject or
        a speech verb's, is an organisation, a noun for a body or a document, or an "it" that
        stands for one ("The report also detailed the breaches. It said …", "…, the company
        wrote in its statement. It added …"); "The storm was expected. It said …" is no one's."""
        sentence = pronoun.sent
        candidates = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
        if not candidates and sentence.start > 0:
            before = pronoun.doc[sentence.start - 1].sent
            candidates = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and (
                t.head.i == before.root.i or _is_speech(t.head)) and not any(a <= t.idx < b for a, b in self._quoted)]
        for subject in candidates:
            if "Plur" in subject.morph.get("Number"):
                continue
            if subject.lower_ == "it" and depth < 3 and self._speaking_thing_before(subject, depth + 1):
                return True
            if subject.ent_type_ == "ORG" or subject.pos_ == "NOUN" and subject.lemma_.lower() in (
                    INSTITUTION_NOUNS | SPOKESBODY_NOUNS | DOCUMENT_NOUNS | RECORD_NOUNS):
                return True
        return False

    def _also_credited(self, subject: Any, eid: str) -> tuple[str, ...]:
        """The others a joint subject names beside its head, in text order ("Putin and his
        North Korean counterpart, Kim Jong-un, agreed"): a joint statement is each one's,
        not the first-named person's alone. A conjunct naming no one ("the United States and
        its allies") adds no one."""
        others: list[str] = []
        # A conjunct with no "and" or comma of its own before it is a parser slip or part of
        # one name ("California Department of Alcohol and Drug Program deputy director
        # Millicent Tidwell", "Procter and Gamble": the "and" is inside a name).
        joined = [c for c in subject.conjuncts if c.i > subject.i and any(
            t.lower_ in ("and", "&", ",") and not t.ent_type_ for t in subject.doc[subject.i + 1 : c.left_edge.i])]
        # "Mayor Ana Lindqvist and her deputy, Tomas Berglund": a name set off after the
        # second person describes that person, though the parser may hang it on the first.
        late_names = [c for c in subject.children if c.dep_ == "appos" and joined and c.i > joined[0].i]
        for conj in joined + late_names:
            span = _np_span(conj)
            found = self._entity_for(span, self.text[span[0] : span[1]], conj)
            if found and found != eid and found not in others:
                others.append(found)
        if not joined:
            # "Donald Trump and House Speaker Paul Ryan pledged": the parser may hang the first
            # name on the second one's title; the words still join two people.
            start = _np_span(subject)[0]
            for (article, a, b), other in self.index.by_mention.items():
                person = self.index.get(other)
                if article == self.annotation.article.id and start <= a and b <= subject.idx and other != eid \
                        and person is not None and person.type == "PERSON" and other not in others \
                        and _JOINED_BEFORE.fullmatch(self.text[b : subject.idx]):
                    others.append(other)
        return tuple(others)

    def _description(self, head: Any, span: tuple[int, int], content: tuple[int, int] | None) -> tuple[int, int]:
        """An unnamed speaker's words with the modifiers that say who they are
        ("engineers from both city halls", "figures released by both city halls")."""
        extra = [t for c in head.children if c.dep_ in ("prep", "acl") and c.i > head.i for t in c.subtree]
        if not extra:
            return span
        end = max(span[1], max(t.idx + len(t.text) for t in extra))
        wider = self.text[span[0] : end]
        if _words(wider) > MAX_DESCRIPTION_WORDS or "\n" in wider or any(m in wider for m in OPENERS) \
                or (content is not None and span[0] < content[1] and content[0] < end):
            return span
        return span[0], end

    def _subject_and_relative(self, verb: Any) -> tuple[Any, Any]:
        """The subject of a speech verb and, when the clause is a relative one ("Putin, who
        emphasised"), the relative pronoun that stands for it there. From a participle
        ("…, describing it as") climb to the clause it hangs on until the subject is someone
        who can speak."""
        if verb.lemma_.lower() in _TOLD_WHOM and verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" \
                and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
            # "Asked whether …, Varga shook her head", "Varga said when asked what …" (the
            # tagger may read it as a past tense): she was asked; who asked, unsaid, unless a
            # "by" phrase names the asker ("Asked by a reporter whether …": the question is hers)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return asker, None
        holder = _side_taker(verb)
        if holder is None:
            holder = _finding_holder(verb)
        if holder is not None:
            return holder, None  # "groups backing Varga", "a poll showing …": the noun, whatever it is
        current = verb
        for _ in range(4):
            subject = _subject(current)
            owner = _noun_before_time_clause(current, subject)
            if owner is not None and not self._can_demand(subject) and self._a_thing(subject):
                # a death, a storm's damage: no thing vows or says
                return owner, None
            relative = None
            if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
                relative = subject
                subject = subject.head.head  # "Putin, who emphasised": the noun the clause is about
                if relative.lower_ == "who":
                    subject = _named_person_around(subject)
                doer = _main_subject_past_relative(current, relative)
                if doer is not None and self._a_thing(subject) and not self._a_thing(doer) \
                        and doer.lower_ not in NON_PERSON_PRONOUNS - GROUP_PRONOUNS:
                    # "scrapped the rules which had favoured the board and vowed to …": the
                    # parser joined the second act to the relative clause; rules vow nothing
                    return doer, None
            if subject is not None and (current is verb and (verb.tag_ != "VBG" or _object_controller(verb) is not None)
                                        or self._can_speak(subject) or self._people(subject)):
                return subject, relative
            if subject is not None and current is verb and subject.head.i == verb.i and subject.dep_ == "nsubj" \
                    and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
                    and _is_speech(verb) and (subject.lemma_.lower() in PERSON_NOUNS or subject.ent_type_ == "NORP"):
                # "showed dock workers warning of …": a participle's own subject, people, speaks
                # (not what the clause around it is about; "banners proclaiming" are things)
                return subject, relative
            host = current.head.head
            if current.dep_ == "pcomp" and current.head.lower_ in GERUND_PREPS and host.dep_ == "ccomp" and _is_speech(host.head):
                # "said the deadlock has kept us safe before claiming …": no thing claims; the
                # parser hung the gerund inside the reported clause
                current = host.head
                continue
            if current.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp") or current.head is current:
                return subject, relative
            current = current.head
        return None, None

    def _people(self, noun: Any) -> bool:
        """Whether a noun names people ("more councillors have begun urging …", "more
        Republicans …"), who speak for the participle or infinitive their verb governs,
        before any subject of the clause above it ("the meeting unfolded as …")."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in PERSON_NOUNS or noun.ent_type_ == "NORP"

    def _a_thing(self, noun: Any) -> bool:
        """Whether a common noun names a thing, which cannot voice anything: no person,
        institution or body that speaks, no name, no document or finding that states."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() not in PERSON_NOUNS | INSTITUTION_NOUNS | SPOKESBODY_NOUNS \
            | DOCUMENT_NOUNS | RESEARCH_NOUNS | RECORD_NOUNS and noun.ent_type_ not in NAMING_LABELS and not self._can_speak(noun)

    def _can_speak(self, token: Any) -> bool:
        if token.lower_ in PRONOUNS or token.lemma_.lower() in ROLE_NOUNS:
            return True
        if token.lemma_.lower() in SPOKESBODY_NOUNS:
            # "her office issued a statement saying …", "the campaign of Sen. Varga said …"
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in token.children if c.dep_ == "poss"), None) or (
                next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
            if owner is not None and (owner.lower_ in ("his", "her") or self._can_speak(owner)):
                return True
        entity = self.index.get(self._entity_for(_np_span(token), token.text, token))
        if entity is None and token.pos_ == "NOUN":
            # "the other man, his cousin Ivo Marsh, cited …": a description named in an apposition
            return any(c.dep_ == "appos" and self._can_speak(c) for c in token.children)
        return entity is not None and entity.type in ("PERSON", "ORG")

    def _can_demand(self, subject: Any) -> bool:
        """Whether a subject can voice a demand: someone who can speak, a group named by its
        politics or nation ("Democrats"), or people described in the plural ("lawmakers have
        called for a ban"); a singular thing ("the situation calls for calm") cannot."""
        return self._can_speak(subject) or subject.ent_type_ == "NORP" or (
            subject.pos_ == "NOUN" and "Plur" in subject.morph.get("Number"))

    def _names_people(self, span: tuple[int, int] | None) -> bool:
        """Whether characters of the text (a speaker's description) name a person."""
        return span is not None and any(t.ent_type_ == "PERSON" for t in tokens_starting_in(self.doc, span[0], span[1]))

    def _names_someone(self, start: int, end: int) -> bool:
        """Whether characters of the text hold the name of a person or an organisation."""
        return any(start <= t.idx < end and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"))
                   for t in self.doc.char_span(start, end, alignment_mode="expand") or [])

    def _first_person_belief(self, speaker: Speaker, verb: Any, kind: str) -> bool:
        """Whether "I" or "we" report what they think, believe or hope in a clause ("I think
        the pier is safe" in an interview's answer), not quoted by anyone."""
        return kind == "indirect" and (speaker.text or "").lower() in FIRST_PERSON \
            and verb.lemma_.lower() in INDIRECT_VERBS and _complement(verb) is not None

    def _channel(self, verb: Any, sent: Any, speaker_span: tuple[int, int] | None) -> str | None:
        if verb.lemma_.lower() == "quote":
            subject = _subject(verb)
            return self._channel_name(subject) if subject is not None else None
        according = _according_to(sent)
        if according is not None and not (speaker_span is not None and speaker_span[0] <= according.idx < speaker_span[1]):
            # ("according to Varga, who stressed …": the speaker is no channel of her own words)
            return self._channel_name(according)
        head = verb.head
        hops = 0
        if verb.dep_ == "conj" and _is_speech(head):
            # "Ryan saying he was encouraged and Trump calling it a great meeting": two voices
            # side by side, neither relaying the other.
            return None
        if verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_OPENERS for c in verb.children):
            # "Sanders pushed for X, while Clinton slammed it", "was asking a question when Trump
            # shot back that …": two voices side by side, or one's act timed by the other's
            return None
        if verb.dep_ == "pcomp" and head.lower_ in GERUND_PREPS:
            # "was booed by supporters after telling them …": one doer's acts in a row, no relay
            return None
        child = verb
        while head.i != verb.i and hops < 3:  # (spaCy makes a new Token object each time: compare positions)
            # A speech verb in another paragraph (the parser runs a sentence ending in a colon
            # on into the next) relays nothing said here.
            if "\n" in self.text[min(head.idx, verb.idx) : max(head.idx, verb.idx)]:
                break
            if any(start <= head.idx < end for start, end in self._quoted):
                break  # "“He says what everyone wants to say,” Moody said": the speaker's words relay nothing
            if head.lemma_.lower() in LABEL_VERBS and any(c.dep_ == "oprd" for c in head.children):
                break  # "42% say they're liberal, 32% call themselves conservative": a verdict of its own
            if _is_speech(head) and any(c.dep_ == "ccomp" and c.i > head.i and c.i != child.i for c in head.children):
                break  # "520 said they back Clinton, 39 said they back Sanders": the second says words of its own
            if _is_speech(head):
                subject = _subject(head)
                if subject is not None and subject.pos_ in ("PRON", "DET"):
                    return None  # "via he", "via That": a pronoun names no relay
                if subject is not None and (speaker_span is None or not (speaker_span[0] <= subject.idx < speaker_span[1])):
                    return self._channel_name(subject)
            if head.head.i == head.i or head.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                # "Protest groups say …, and the A.C.L.U. has sued the city, saying …": a clause
                # joined with a subject of its own is no part of what the first verb reports
                break
            child, head, hops = head, head.head, hops + 1
        return None

    def _channel_name(self, token: Any) -> str:
        """The relay a subject names: an organisation named in it ("a White House
        spokesman": the White House), unless its head is a person's name ("GOP nominee
        Donald Trump" is Trump, not the GOP); else the phrase."""
        span = _np_span(token)
        named = [(start, end, self.index.get(eid)) for (article, start, end), eid in self.index.by_mention.items()
                 if article == self.annotation.article.id and start >= span[0] and end <= span[1]]
        organisations = [(start, end) for start, end, entity in named if entity and entity.type == "ORG"]
        person = next(((start, end) for start, end, entity in sorted(named, key=lambda n: n[:2])
                       if entity and entity.type == "PERSON" and start <= token.idx < end), None)
        if organisations:
            return self.text[slice(*(person or organisations[0]))]
        return self.text[span[0] : span[1]]

    def _cue_text(self, verb: Any, content_start: int) -> str:
        if verb.lemma_.lower() == "quote":
            return verb.text + (" … as saying" if "as saying" in verb.sent.text else "")
        noun_cue = _speech_noun_cue(verb, content_start)
        if noun_cue:
            return noun_cue
        clear = _clear_word(verb)
        if clear is not None:
            return self.text[verb.idx : clear.idx + len(clear.text)]  # "made it clear", not "made"
        target = _taken_aim_at(verb) if verb.lemma_.lower() == "take" else None
        if target is not None and target.head.i - verb.i <= MAX_AIM_WORDS:
            return self.text[verb.idx : target.head.idx + len(target.head.text)]  # "took aim at", not "took"
        listener = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "dative") and verb.i < c.i
                         and c.right_edge.idx < content_start), None) if verb.lemma_.lower() in LISTENER_VERBS else None
        if listener is not None and listener.left_edge.i == verb.i + 1 and listener.right_edge.i - verb.i <= MAX_LISTENER_WORDS \
                and listener.lower_ not in PRONOUNS:
            # "told foundation employees the organization would …": without them the cue
            # reads "told the organization would …"; a pronoun ("told him") adds nothing
            return self.text[verb.idx : listener.right_edge.idx + len(listener.right_edge.text)]
        particles = [c.text for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1
                     and PHRASAL_SPEECH.get(verb.lemma_.lower()) == c.lower_
                     # "call on him to quit": "call" alone reads as the noun
                     or c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in ("on", "for") and verb.pos_ == "VERB"
                     and verb.lemma_.lower() in DEMAND_VERBS]
        return " ".join([verb.text, *particles])
