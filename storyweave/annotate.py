"""annotate: sentences, named entities, parses and sentence vectors, once per text.

Reads an article's cleaned ``text``; adds :class:`~storyweave.model.Annotation` with its
sentences (spans into ``text``), entity mentions, the spaCy ``Doc`` (for the parse that
extract reads) and one unit vector per sentence. Parses are cached in the store by the
hash of the text and vectors by the hash of each sentence, so nothing is computed twice.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from ._text import datelines
from .embed import embed, text_key
from .model import Annotation, Article, Mention, Sentence
from .nlp import PARSE_KEY, load_nlp
from .options import Options

if TYPE_CHECKING:
    from .store.base import Store

#: Words that end a person's name the tagger ran on into a Title Case headline; never
#: part of a name after its first word.
HEADLINE_VERBS = frozenset("says said tells told asks asked slams responds warns claims admits denies calls vows "
                           "urges blasts defends is was are were has had have never not".split())
#: Words in small letters that open names ("de Gaulle", "van Gogh", "bin Salman").
NAME_PARTICLES = frozenset("de da di del della der den van von la le al el bin ibn du dos das ter".split())
#: The rest of a name after a nickname the tagger stopped in: the closing mark and the surname.
_NICKNAME_TAIL = re.compile(r"[”\"]\s+[A-Z][\w'’-]+")
#: Online services the tagger takes for people ("On Twitter, the governor called him …",
#: "her Facebook post"): general knowledge, kept as organisations.
PLATFORMS = frozenset("twitter facebook instagram youtube snapchat tiktok reddit linkedin whatsapp "
                      "tumblr periscope pinterest".split())
#: Tokens that open no person's name: a title's article ("The Inside Story") or a case's
#: "v." ("Doe v. Doe").
NOT_IN_NAMES = frozenset("v. vs. vs".split())
NAME_OPENERS_NOT = frozenset("the a an".split())
#: Marks that end no name: "[Libertarian candidate Gary] Lund" gives the tagger "Gary]".
_CLOSERS = frozenset("] ) [ ( '' \" ” “".split())
#: Dashes standing alone, after which a name never runs on ("Mr. Vale - 60 percent of …").
_DASHES = frozenset("- – — --".split())
#: Entity labels storyweave keeps as mentions; numbers and dates are handled in extract.
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


#: The store's kind for cached parses: compressed, and without the tagger's hidden vectors
#: (the pipeline drops them, :func:`storyweave.nlp.load_nlp`), a parse takes ~1/20 of the
#: room it took (15 KB for a 3 KB article instead of 325 KB).
PARSE_CACHE = "spacy-doc.z:" + PARSE_KEY


def text_hash(text: str) -> str:
    return text_key(text)


def _parse(texts: Sequence[str], store: Store | None) -> list[object]:
    from spacy.tokens import Doc

    nlp = load_nlp()
    docs: list[object | None] = [None] * len(texts)
    todo: list[int] = []
    for i, text in enumerate(texts):
        cached = store.get_blob(PARSE_CACHE, text_hash(text)) if store else None
        if cached is not None:
            docs[i] = Doc(nlp.vocab).from_bytes(zlib.decompress(cached))
        else:
            todo.append(i)
    for batch in _parse_batches(todo, texts):
        for i, doc in zip(batch, nlp.pipe([texts[i] for i in batch], batch_size=len(batch))):
            docs[i] = doc
            if store:
                store.put_blob(PARSE_CACHE, text_hash(texts[i]), zlib.compress(doc.to_bytes(exclude=["user_data"]), 3))
    return docs  # type: ignore[return-value]


#: Texts parsed together at most, and their characters at most: the parser's working
#: memory grows with the text of its batch, and the articles of one story come together
#: (four live blogs of 13 to 34 KB in one batch of eight took 180 MB more at their peak).
PARSE_BATCH = 8
PARSE_BATCH_CHARS = 40_000


def _parse_batches(todo: Sequence[int], texts: Sequence[str]) -> list[list[int]]:
    """The texts to parse (their indices), in order, cut into batches of at most
    :data:`PARSE_BATCH` texts and, unless one text alone is longer, :data:`PARSE_BATCH_CHARS`
    characters."""
    batches: list[list[int]] = []
    size = 0
    for i in todo:
        if not batches or len(batches[-1]) >= PARSE_BATCH or size + len(texts[i]) > PARSE_BATCH_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(i)
        size += len(texts[i])
    return batches


# A sentence the parser opened with a word in small letters ("… on Pitkin Ave. brandishing
# a loaded gun"): the full stop before it ended an abbreviation, not the sentence.
_CONTINUES = re.compile(r"[a-z]+\b")


#: A parser sentence of closing marks alone ('"' after "… a piece of history."): they
#: close the sentence before.
_CLOSING_ONLY = re.compile(r"[\"”’')\]]+")

#: A quotation mark with a space before it ending a sentence: it opens the next one.
_TRAILING_OPENER = re.compile(r"[.!?]\s+(''|“|\")$")


def _sentences(doc: object) -> list[Sentence]:
    """Parser sentences, split again at line breaks: a paragraph never ends mid-sentence,
    a sentence does not begin with a small letter in the middle of one, and a dateline
    ("PORT CITY — ") is no sentence."""
    text: str = doc.text  # type: ignore[attr-defined]
    spans: list[tuple[int, int]] = []
    dateline_spans = datelines(text)
    for sent in doc.sents:  # type: ignore[attr-defined]
        start = sent.start_char
        for piece in text[sent.start_char : sent.end_char].split("\n"):
            stripped = piece.strip()
            if stripped:
                s = text.index(stripped, start)
                start = s + len(stripped)
                if any(a <= s and start <= b for a, b in dateline_spans):
                    continue
                if spans and (_CONTINUES.match(stripped) or _CLOSING_ONLY.fullmatch(stripped)) \
                        and "\n" not in text[spans[-1][1] : s]:
                    spans[-1] = (spans[-1][0], start)
                else:
                    spans.append((s, start))
            else:
                start += len(piece) + 1
    for i in range(len(spans) - 1):
        # "… record the moment. ''That wasn't …": the parser ends a sentence after the mark
        # that opens the next one's quotation. A mark ending a paragraph closes its
        # quotation ("… a total loss. ''" and a new line): a quotation opens in the
        # paragraph that holds it.
        opening = _TRAILING_OPENER.search(text, spans[i][0], spans[i][1])
        gap = text[spans[i][1] : spans[i + 1][0]]
        if opening and not gap.strip() and "\n" not in gap:
            spans[i], spans[i + 1] = (spans[i][0], opening.start() + 1), (opening.start(1), spans[i + 1][1])
    return [Sentence(text[a:b], (a, b), text_hash(text[a:b])) for a, b in spans]


def _vectors(sentences: Sequence[Sentence], store: Store | None, model: str) -> np.ndarray:
    hashes = [s.hash for s in sentences]
    known = store.get_vectors(model, hashes) if store else {}
    missing = sorted({s.hash: s.text for s in sentences if s.hash not in known}.items())
    if missing:
        fresh = embed([t for _, t in missing])
        new = {h: fresh[i] for i, (h, _) in enumerate(missing)}
        if store:
            store.put_vectors(model, new)
        known = {**known, **new}
    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    return np.stack([known[h] for h in hashes]).astype(np.float32)


def annotate(articles: Iterable[Article], options: Options | None = None, store: Store | None = None) -> list[Annotation]:
    """Annotate cleaned articles.

    Args:
        articles: cleaned articles.
        options: analysis options (the embedder name keys the vector cache).
        store: where parses and vectors are cached; None computes everything.

    Returns:
        One :class:`Annotation` per article, in order.
    """
    options = options or Options()
    articles = list(articles)
    docs = _parse([a.text for a in articles], store)
    out = []
    for article, doc in zip(articles, docs):
        sentences = _sentences(doc)
        starts = [s.span[0] for s in sentences]
        out.append(Annotation(article, tuple(sentences), tuple(entity_mentions(doc, starts)),
                              _vectors(sentences, store, options.embedder), doc))
    return out


def _could_be_person(ent: Any) -> bool:
    """Whether a span the tagger calls a person can name one: some word of it is capitalised
    ("a general election matchup" is none), it opens with no article ("The Inside Story")
    and it holds no "v." of a case name ("Doe v. Doe")."""
    if not any(t.text[:1].isupper() for t in ent):
        return False
    if ent[0].lower_ in NAME_OPENERS_NOT and len(ent) > 1:
        return False
    return not any(t.lower_ in NOT_IN_NAMES for t in ent[1:])


def _ends_name(t: Any) -> bool:
    """Whether a name the tagger ran on stops before this token: a number or a dash standing
    between spaces ("Mr. Orrin - 60 percent"), not one inside a name ("Kim Jong-un")."""
    if t.like_num:
        return True
    return t.text in _DASHES and bool(t.whitespace_) and bool(t.doc[t.i - 1].whitespace_)


def _names_run_on(doc: Any, kept: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """The people's names with a last word the tagger left off put back: "Andrés Varga" runs
    on to "Andrés Varga Nieto" when the word after it, in capitals, is one the article gives
    the name's last word elsewhere ("Varga Nieto said …"), as a two-part surname is written."""
    pairs = {ent.text for ent, label in kept if label == "PERSON" and len(ent) == 2}
    taken = {i for ent, _ in kept for i in range(ent.start, ent.end)}
    out = []
    for ent, label in kept:
        after = doc[ent.end] if ent.end < len(doc) else None
        if (label == "PERSON" and len(ent) >= 2 and after is not None and ent[-1].whitespace_ == " "
                and after.i not in taken and after.is_title and after.is_alpha
                and f"{ent[-1].text} {after.text}" in pairs):
            ent = doc[ent.start : ent.end + 1]
        out.append((ent, label))
    return out


def entity_mentions(doc: Any, sentence_starts: Sequence[int]) -> list[Mention]:
    """The named-entity mentions of a parsed text, each with its sentence number.

    A hashtag is no one ("#Justdoit"), a person's name ends before a headline's verb that
    the tagger ran into it ("Trump Says He Never Pledged …" is Trump) and runs on over a
    nickname the tagger stopped at ("John “Tig” Tiegen").
    """
    text = doc.text  # spaCy joins its tokens on every read of ``doc.text``
    kept: list[tuple[Any, str]] = []
    for ent in doc.ents:
        if kept and ent.start_char < kept[-1][0].end_char:
            continue  # the surname a nickname's name was carried over
        label = ent.label_
        hashtag = ent.text.startswith("#") or text[max(0, ent.start_char - 1) : ent.start_char] == "#"
        if label not in MENTION_LABELS or label in ("PERSON", "ORG") and hashtag:
            continue
        if label == "PERSON":
            # A word in small letters the tagger ran into a name before it ("rang Taylor").
            while len(ent) > 1 and ent[0].is_lower and ent[0].is_alpha and ent[0].lower_ not in NAME_PARTICLES:
                ent = ent[1:]
            # A gerund opening a sentence the tagger ran into the name ("Bashing Vance may be job one").
            while len(ent) > 1 and ent[0].tag_ == "VBG" and ent[0].lower_.endswith("ing"):
                ent = ent[1:]
            # A bracket or quotation mark closing an editor's insertion ("[candidate Gary] Lund").
            while len(ent) > 1 and ent[-1].text in _CLOSERS:
                ent = ent[:-1]
            while len(ent) > 1 and ent[-1].is_lower and ent[-1].is_alpha and ent[-2].whitespace_:
                ent = ent[:-1]  # a small word after it ("Juan “Chico” Manriquez of Oakland"; "Kim Jong-un" stays)
            # A nickname in quotation marks splits a name for the tagger ("John “Tig” Tiegen").
            nickname = _NICKNAME_TAIL.match(text, ent.end_char) if "“" in ent.text or '"' in ent.text else None
            if nickname is not None:
                ent = doc.char_span(ent.start_char, nickname.end(), alignment_mode="expand") or ent
            if not _could_be_person(ent):
                continue
            if ent.text.lower() in PLATFORMS:
                kept.append((ent, "ORG"))
                continue
            if len(ent) == 1 and ent[0].tag_ == "NNPS":
                kept.append((ent, "NORP"))  # a plural names a group: "accounts of various Estonians"
                continue
            cut = next((t for t in ent[1:] if t.lower_ in HEADLINE_VERBS or _ends_name(t)), None)
            if cut is not None:
                ent = doc[ent.start : cut.i]
                while len(ent) and not ent[-1].text[-1:].isalnum():
                    ent = ent[:-1]
                if not len(ent):
                    continue
        kept.append((ent, label))
    kept = _names_run_on(doc, kept)
    people = [ent for ent, label in kept if label == "PERSON"]
    full_names = {ent.text for ent in people if len(ent) > 1}
    name_words = {t.text for ent in people for t in ent if not t.is_upper}
    starts = set(sentence_starts)
    mentions: list[Mention] = []
    for ent, label in kept:
        if label == "PERSON":
            if len(ent) == 1 and ent.text.isupper() and ent.text.isalpha() and ent.text.title() not in name_words:
                continue  # a word in capitals no other name has ("the USA TODAY NETWORK")
            if len(ent) > 2 and ent.start_char in starts and ent[1:].text in full_names:
                ent = ent[1:]  # "Comedian Sarah Silverman" where the article also writes "Sarah Silverman"
        index = max(0, np.searchsorted(sentence_starts, ent.start_char, side="right") - 1) if sentence_starts else 0
        mentions.append(Mention(ent.text, label, (ent.start_char, ent.end_char), int(index)))
    return mentions
