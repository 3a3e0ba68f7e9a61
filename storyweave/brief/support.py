"""brief's citations: whether an article's sentence states a brief line.

A sentence supports a line when it holds the line's figures and most of its content words,
and the statement judge takes it, or one of its opening clauses (:func:`statement_units`),
for the same statement (:func:`model_states`, the rule ``benchmarks/brief.py`` judges by)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..align import SAME_STATEMENT, same_statement
from ..align.intentions import texts_request_and_deed, texts_wish_or_withheld
from ..align.opposites import opposite_ways, texts_offence_and_step, texts_opposite_pleas
from ..align.words import content_words, figures
from ..extract.dates import leading_stamp_end
from ..forecasts import texts_forecast_and_outcome
from ..name_swaps import other_doers, swapped_names
from ..nlp import parsed
from ..opposites import opposite_words

#: Quoted words are the speaker's, not the outlet's: "we" inside a quote is no slant.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")

#: Share of a sentence's content words a citing article's sentence must contain.
MIN_WORD_RECALL = 0.5
#: A short statement has few words to spare: up to this many content words, it needs
#: SHORT_WORD_RECALL of them ("Kim welcomed Putin at the airport" is not supported by
#: "Putin arrived at the airport").
SHORT_STATEMENT = 6
SHORT_WORD_RECALL = 0.67

BRACKETED = re.compile(r"\[([^\]]+)\]")
#: " [11 December 2008]": the day the brief adds after "yesterday", no word of the source.
ADDED_DAY = re.compile(r" \[\d{1,2} [A-Z][a-z]+ \d{4}\]")


@lru_cache(maxsize=65536)
def _word_set(text: str) -> frozenset[str]:
    # each brief line is checked against every sentence of every article
    return frozenset(content_words(text))


def word_recall(statement: str, sentence: str) -> float:
    """Share of the statement's content words found in the sentence (0–1)."""
    wanted = _word_set(statement)
    return len(wanted & _word_set(sentence)) / len(wanted) if wanted else 0.0


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """A brief sentence as its source words it: "[Kim] said" → "Kim said", "yesterday
    [11 December 2008]" → "yesterday"."""
    return BRACKETED.sub(r"\1", ADDED_DAY.sub("", text))


#: An opening shorter than this is not a statement of its own.
MIN_OPENING_WORDS = 6
#: Where a sentence's opening clause ends: a comma and a space (not the comma that closes
#: a quotation, ",”", which belongs to the quote).
CLAUSE_END = re.compile(r",\s")
#: Words after an opening clause that may deny it: the opening alone is then no statement.
NEGATION = re.compile(r"\b(not|no|never|nothing|neither|nor|none|without|den(y|ies|ied|ial)|false|untrue|\w+n['’]t)\b", re.I)


def statement_units(sentence: str) -> list[str]:
    """The units of a source sentence that can each state something: the sentence itself,
    then its openings up to each comma, longest first ("Kim said the pact would expand
    cooperation in politics, economy and defence" inside "…, calling it …").

    A news sentence often says more than one thing; the brief may take one of them (it
    cuts a trailing aside), so an article "contains" a brief sentence when one of these
    units states it. An opening of fewer than :data:`MIN_OPENING_WORDS` words is not a
    statement and is left out, and so is an opening followed by a negation
    (:data:`NEGATION`), which may take back what it says.

    Args:
        sentence: one sentence of an article.

    Returns:
        The sentence first, then the sentence without a date stamp glued before it
        (:func:`~storyweave.extract.dates.leading_stamp_end`), then its openings.
    """
    units = [sentence]
    # "Nov. 30, 2009 A prisoner escaped today": the page's date stamp glued before the
    # sentence is not part of it, so the sentence after it is a unit, and its openings.
    stamp = leading_stamp_end(sentence)
    if stamp:
        sentence = sentence[stamp:]
        units.append(sentence)
    for m in reversed(list(CLAUSE_END.finditer(sentence))):
        opening, rest = sentence[: m.start()], sentence[m.end():]
        if NEGATION.search(rest):
            break  # "…, though it has not been approved": the rest takes back what the opening says
        if len(opening.split()) >= MIN_OPENING_WORDS:
            units.append(opening)
    return units


def model_states(statement: str, sentence: str) -> bool:
    """True when the alignment model judges that ``sentence``, or one of its
    :func:`statement_units`, states ``statement`` (:func:`storyweave.align.same_statement`
    at :data:`~storyweave.align.SAME_STATEMENT`). Brackets the brief put around a name
    count as the name itself.

    This is the rule by which a brief citation stands, and the rule benchmarks/brief.py
    judges citations by.
    """
    statement = plain(statement)
    return statement == sentence or any(same_statement(statement, unit) >= SAME_STATEMENT for unit in statement_units(sentence))


def supported_by_any(statement: str, sentences: list[str]) -> bool:
    """``any(supports(statement, s) for s in sentences)``, the word test run first here:
    a brief line is checked against every sentence of every article."""
    line = plain(statement)
    wanted = _word_set(line)
    need = SHORT_WORD_RECALL if len(wanted) <= SHORT_STATEMENT else MIN_WORD_RECALL
    return any(supports(statement, s) for s in sentences
               if s == line or wanted and len(wanted & _word_set(s)) / len(wanted) >= need)


def supports(statement: str, sentence: str) -> bool:
    """True when ``sentence`` states ``statement``: the sentence holds the statement's
    numbers, its quoted words and most of its content words, and the alignment model
    judges that the sentence or one of its opening clauses states it
    (:func:`model_states`). A citation the model does not support is never made.

    The two tests are the two the benchmark judges a citation by (model over sentences
    and clauses, word overlap over whole sentences), so a citation stands only when both
    would accept it. The word tests come first because they are cheap and because the
    model alone is lenient with short sentences that share a topic but not a fact.
    Brackets the brief put around a resolved name count as the name itself.
    """
    statement = plain(statement)
    if statement == sentence:
        return True
    if not figures(statement) <= figures(sentence):
        return False  # "24 years" is not supported by a sentence saying "75 years", nor "four months" by "four and a half"
    wanted = len(_word_set(statement))
    if word_recall(statement, sentence) < (SHORT_WORD_RECALL if wanted <= SHORT_STATEMENT else MIN_WORD_RECALL):
        return False
    # Words in quotation marks are a speaker's exact words: an article that quotes them
    # otherwise ("firmest" for "strongest") reports a different wording, not this one.
    quoted = {w for q in QUOTED.findall(statement) for w in content_words(q)}
    if not quoted <= _word_set(sentence):
        return False
    if opposite_words(statement, sentence) or swapped_names(statement, sentence) or opposite_ways(statement, sentence):
        return False  # "the barrier failed" is not supported by "the barrier held", nor "Orsk pays" by "Wexmoor pays"
    if texts_forecast_and_outcome(statement, sentence):
        return False  # "is likely to win", written before the vote, is not backed by "won" after it
    if texts_request_and_deed(statement, sentence):
        return False  # "urged the board to rescind the rule" does not back "the board rescinded the rule"
    if texts_opposite_pleas(statement, sentence):
        return False  # "pleaded guilty" is not backed by "pleaded not guilty"
    if texts_offence_and_step(statement, sentence):
        return False  # "shot and killed the guard" is not backed by "was convicted of killing the guard"
    if texts_wish_or_withheld(statement, sentence):
        return False  # "has booked a May release" is not backed by "would like a May release", nor a telling by a refusal
    # Parsed last, for the few pairs the model takes for one statement.
    return model_states(statement, sentence) and not texts_other_doers(statement, sentence)


@lru_cache(maxsize=65536)
def texts_other_doers(statement: str, sentence: str) -> bool:
    """Whether the two tell what two parties did, each named nowhere in the other
    (:func:`~storyweave.name_swaps.other_doers`): "the Owls have offered Varis an 8-year
    contract" is not backed by "the Herons have made an eight-year offer to Varis",
    however alike the rest, as align keeps the two apart."""
    return other_doers(parsed(statement)[:], parsed(sentence)[:]) is not None
