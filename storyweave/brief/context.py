"""brief's context: whether a line leaves out what the sentence before it told
(:func:`needs_line_before`).

A brief line is read alone. Some sentences are whole in their article but say half of what
they mean there: "Through a foundation, so did the son-in-law of a former president" (did
what?), "The kingdom donated more than $10 million" (to whom?). The article's sentence
before gives the deed or the receiver; the brief does not have it, so such a line is left
out, as an opening "He" that cannot be named is. So is a line that only sets a thing told
before against its times ("The inquiry comes against a political backdrop in which …"), or
points at it ("Ministers pursued that goal at great cost": which goal?).
"""

from __future__ import annotations

from typing import Any

from ..nlp import parsed
from .support import QUOTED

#: Words that stand for the predicate of the sentence before ("so did the son-in-law",
#: "neither has the council").
ELLIPSIS_ADVERBS = frozenset({"so", "neither", "nor"})
#: Verbs of giving money that name the receiver, or leave it to the sentence before (lemmas).
GIVING = frozenset({"donate", "contribute"})
#: Prepositions that name a gift's receiver or purpose ("to the foundation", "toward the
#: campaign", "for the relief effort").
RECEIVER_PREPOSITIONS = frozenset({"to", "toward", "towards", "for", "into"})
#: Words that set what "comes" against its times ("comes amid …", "comes as …", "comes at a
#: time when …", "comes two weeks after …").
SETTING_WORDS = frozenset({"against", "amid", "amidst", "as", "after", "at"})
#: Determiners that point back at a thing told before ("that goal", "those efforts"); "this"
#: more often points at the time of writing ("this election", "this season").
BACK_POINTERS = frozenset({"that", "these", "those"})
#: Determiners that point at a thing already told ("the move", "this decision").
POINTING_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def needs_line_before(text: str) -> bool:
    """Whether the line's main clause takes its deed, its receiver or its subject from the
    sentence before: "so did …" standing for that sentence's predicate, money given to no one
    named, a quotation given in answer to a question the line does not tell, or "Many are …"."""
    doc = parsed(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    return (stands_for_predicate_before(root) or gift_without_receiver(root) or sets_unnamed_thing_in_its_times(root)
            or answer_without_question(root, text) or quantity_of_things_before(root) or people_before(doc, text)
            or any(points_back(t) for t in doc if not _quoted(t, text)))


#: Pronouns of several people or things.
PLURAL_PRONOUNS = frozenset({"they", "them"})


def people_before(doc: Any, text: str) -> bool:
    """Whether the line's first "they" or "them" stands for people the sentence before told,
    and a "they" does something in it (session 41): "Holm can ask them to back another man,
    but they need not." names no one it could stand for before it, only one person. A
    plural noun, a common noun ("the board said they …"), a name told with "the" ("the
    Ostland Navy says they …"), two names or two people joined ("Roos and Brel said they …")
    may be whom it means; with nothing before it, "They …" is the opening checks'
    (:data:`~storyweave.brief.UNCLEAR_START`)."""
    pronoun = next((t for t in doc if t.lower_ in PLURAL_PRONOUNS and not _quoted(t, text)), None)
    if pronoun is None:
        return False
    before = [t for t in doc[:pronoun.i] if t.pos_ in ("NOUN", "PROPN", "PRON")
              and t.lower_ not in ("i", "me", "you", "we", "us", "it")]
    # a "they" that does something is whom the line is about; a "them" alone the receiver of one
    # named person's deed ("The Ostland frigate ordered them to stop" still tells the order)
    if not any(t.lower_ == "they" and t.dep_ in ("nsubj", "nsubjpass") and not _quoted(t, text) for t in doc):
        return False
    names = [t for t in before if t.dep_ != "compound"]
    return len(names) == 1 and names[0].pos_ == "PROPN" and names[0].tag_ != "NNPS" and not any(
        c.dep_ in ("conj", "det") for c in names[0].children)


#: Words of quantity that may stand for a noun ("Many are closed", "All ran …").
QUANTITIES = frozenset({"all", "both", "many", "most", "some", "several", "each", "few", "none", "neither", "either"})


def quantity_of_things_before(root: Any) -> bool:
    """"Many are under construction", "All ran counter to his statements": the main clause's
    subject is a quantity alone, of things the sentence before named (session 38). "Many
    clubs …" and "Most of the dockers …" name them."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in QUANTITIES and not list(c.children)
               for c in root.children)


#: Verbs of answering: what they bring is an answer to something asked before.
ANSWERING = frozenset({"reply", "answer", "respond", "retort"})


def answer_without_question(root: Any, text: str) -> bool:
    """"“The home side will win that one,” the mayor replied.": a quotation answering a
    question the reader has not seen (a moderator's, in the sentence before). A line that
    tells what was asked ("Asked about the vote, she replied …", "The mayor, when asked about
    the vote, responded …", "replied to the letter", "answered the question") stands alone."""
    if root.lemma_.lower() not in ANSWERING or not QUOTED.search(text):
        return False
    asked = any(t.lemma_.lower() in ("ask", "question") and t.i < root.i for t in root.doc)
    return not asked and not any(c.dep_ in ("dobj", "advcl") or c.dep_ == "prep" and c.lower_ == "to"
                                 for c in root.children)


def _quoted(token: Any, text: str) -> bool:
    """Whether the token is inside a quotation: a speaker's "that" points at what was before
    them, which the line's "said" frames."""
    return any(m.start() <= token.idx < m.end() for m in QUOTED.finditer(text))


def stands_for_predicate_before(root: Any) -> bool:
    """"Through a foundation, so did the son-in-law of …": the main clause is an auxiliary
    with "so" or "neither" for the verb phrase of a sentence the reader has not seen. Within
    one sentence ("He lost, and so did his party") the clause it stands for is there: the
    parser joins it as a conjunct, not as the main verb."""
    if root.lemma_ not in ("do", "be", "have") and root.tag_ != "MD":
        return False
    # the parser takes "Neither" for the subject and "the council" of "Nor has the council" for
    # an object; "He did so on Monday" puts the word after the verb
    return any(c.lower_ in ELLIPSIS_ADVERBS and c.i < root.i for c in root.children)


def gift_without_receiver(root: Any) -> bool:
    """"The kingdom donated more than $10 million": a sum given with no receiver or purpose
    in the line (to the foundation? to the campaign?). "Donated $1 million to the relief
    fund" and "contributed to the decline" say where it went."""
    verbs = [root, *root.conjuncts]
    if not any(v.lemma_ in GIVING for v in verbs):
        return False
    for verb in verbs:
        if verb.lemma_ not in GIVING:
            continue
        # the receiver may hang on the sum ("donated $2 million for flood relief")
        told = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "conj") for t in c.subtree]
        if any(t.dep_ == "dative" or t.dep_ == "prep" and t.lower_ in RECEIVER_PREPOSITIONS for t in told):
            return False
        if not any(t.ent_type_ == "MONEY" or t.text == "$" for t in verb.subtree):
            return False  # "contributed greatly": no gift
    return True


def sets_unnamed_thing_in_its_times(root: Any) -> bool:
    """"The objection comes at a time when …", "The move came as …": the writer's frame for
    a thing told in the sentence before, named here only by a common noun ("the objection" —
    whose, to what?). With a name in its subject ("The Ostland council's vote comes as …")
    the line says what it sets."""
    if root.lemma_ != "come":
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS for c in subject.children):
        return False
    if any(t.pos_ in ("PROPN", "NUM", "PRON") for t in subject.subtree if t is not subject):
        return False
    return any(t.lower_ in SETTING_WORDS for c in root.children if c.i > root.i for t in (c, *c.children)
               if t.dep_ in ("prep", "mark") and (t.lower_ != "at" or _at_a_time(t)))


def _at_a_time(preposition: Any) -> bool:
    """"at a time when …", "at a moment of …": a time set, not a place ("came at the quay")."""
    return any(o.dep_ == "pobj" and o.lemma_ in ("time", "moment", "point") for o in preposition.children)


def points_back(token: Any) -> bool:
    """"… pursued that goal at great political cost", "Those efforts failed": a thing named by
    "that", "these" or "those" alone, so told in the sentence before. A clause or phrase after
    the noun says which ("those dockers who struck", "that part of the quay"), and a time
    ("that week") is the unclear openings' matter (``UNCLEAR_START``)."""
    if token.dep_ != "det" or token.lower_ not in BACK_POINTERS or token.head.pos_ != "NOUN":
        return False
    thing = token.head
    if thing.ent_type_ in ("DATE", "TIME"):
        return False
    # "… is saying that director Ada Roos …": a title before a name, and "that" the conjunction
    following = thing.doc[thing.i + 1] if thing.i + 1 < len(thing.doc) else None
    if following is not None and following.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in thing.subtree):
        return False
    return not any(c.dep_ in ("relcl", "acl", "prep") and c.i > thing.i for c in thing.children)


#: What a subject may carry and still lean on the sentence before: words before its noun
#: ("the policy mistake", "the two men", "the relative doldrums"). A phrase or clause after
#: the noun, a name or an owner says which ("the mistake of the board", "the men who fled").
WHICH_DEPS = frozenset({"prep", "relcl", "acl", "poss", "appos", "case"})


#: Words for a person by office, trade or standing ("the Ostland senator", "the billionaire
#: businessman", "the harbour board front-runner"): with "the" and no name, a person the
#: article named before.
PERSON_ROLES = frozenset("""senator governor congressman congresswoman lawmaker candidate nominee front-runner
    frontrunner runner president mayor speaker secretary chairman chairwoman leader minister premier businessman
    businesswoman billionaire tycoon mogul magnate developer justice judge prosecutor spokesman spokeswoman host
    donor chief executive director commander admiral general""".split())


def described_person(line: str) -> str | None:
    """The noun of the line's subject when it is one person told by office or trade and "the"
    alone, no name (session 37): "The billionaire businessman only narrowly edged out …", "The
    Ostland senator found ways to …". The article named the person before; read alone, which
    senator? A subject that says which ("the senator from Ostland", "the mayor, Ada Roos") or
    names someone ("the Brennick aide") is whole."""
    doc = parsed(line)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lower_ not in PERSON_ROLES
            or _quoted(subject, line)):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    if any(c.dep_ in WHICH_DEPS for c in subject.children) or any(t.ent_type_ == "PERSON" for t in subject.subtree):
        return None
    return subject.lower_


def leaning_description(line: str, before: str) -> str | None:
    """The noun of the line's subject when it is a thing or people told in the article's
    sentence before and named here by "the" alone (session 36): "The policy mistake would see
    …" after a quotation warning of "a policy mistake", "The two men met …" after a sentence
    naming both. Read alone, the reader does not know which; a brief line before it that tells
    the noun's thing gives it back. "The board voted …" after a sentence with no board names
    its own thing, and so does a subject that says which ("the mistake the board made")."""
    doc = parsed(line)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_ or _quoted(subject, line):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    if any(c.dep_ in WHICH_DEPS for c in subject.children) or any(
            t.pos_ == "PROPN" or t.ent_type_ and t.ent_type_ != "CARDINAL" for t in subject.subtree):
        return None
    counted = any(c.dep_ == "nummod" for c in subject.children)  # "the two men": counted from before
    told_before = {t.lemma_.lower() for t in parsed(before) if t.pos_ == "NOUN"}
    return subject.lemma_.lower() if counted or subject.lemma_.lower() in told_before else None
