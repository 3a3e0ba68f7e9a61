"""Signed passages: a page of readers' letters or posts, each closed by its writer's name.

An outlet's letters page, or its roundup of readers' comments, prints each reader's words
with no quotation marks and no verb of speech: a paragraph or a few, then a line with the
name alone ("Lena Varga.", "@harbourwatch."), for a letter often followed by the writer's
town ("Kessby, Ont."). Read as the outlet's own text, those words would be its claims and
could lead its brief; they are the readers' statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Annotation, Quote
from .attribution import Attribution
from .entities import EntityIndex

#: A paragraph that is a name alone: two to four capitalised words (initials allowed, "Jr."
#: too), or a social-media handle; the closing full stop is the page's.
_SIGNATURE = re.compile(r"(?:@\w{2,30}|[A-Z][a-z]+(?:\s+[A-Z]\.){0,2}"
                        r"(?:\s+(?:[A-Z][a-z]*['’]?)?[A-Z][a-z'’-]+){1,3}(?:,?\s+(?:Jr|Sr)\.?)?)\.?")
#: The writer's town after the name: "Long Beach, Calif.", "Kessby, Ont.", "Orsk, Ostland".
_PLACE = re.compile(r"[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3},\s+[A-Z][A-Za-z.]{1,14}(?:\s+[A-Z][a-z]+)?\.?")
#: A town named by one word ("Minneapolis."), which only a line after a name can be.
_TOWN = re.compile(r"[A-Z][a-z'’-]+\.?")
#: A section label of the page: "LETTERS.", "FACEBOOK.", "TWITTER." — a word in capitals.
_SECTION = re.compile(r"[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2}\.?")
#: The outlet introducing what readers answer: "We asked our followers what they thought of …".
_INTRODUCTION = re.compile(r"\b(?:we asked|asked (?:our|its) (?:readers|followers)|"
                           r"our (?:readers|followers) (?:told|said|wrote))\b", re.I)
#: The cue of a signed passage's quote.
SIGNED_CUE = "signed"
#: Two signed passages at least, or one letter signed with its writer's town: a byline or a
#: contributor's credit closing a news report is one name alone.
MIN_SIGNATURES = 2


@dataclass(frozen=True)
class SignedPassage:
    """The words of one signed letter or post: ``span`` covers its paragraphs, ``signature``
    the name that closes them, ``signer`` that name as written."""

    span: tuple[int, int]
    signature: tuple[int, int]
    signer: str


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Each non-empty line of the text, as (start, end) without the spaces around it."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        words = match.group()
        if words.strip():
            start = match.start() + len(words) - len(words.lstrip())
            found.append((start, match.start() + len(words.rstrip())))
    return found


def signed_passages(text: str) -> list[SignedPassage]:
    """The readers' passages of a page of signed letters or posts, in text order; empty for
    any other article.

    A page qualifies when it ends on a signature (the name, or the name and its town) and
    every signature closes a passage of text: names one after the other are a list of
    contributors or headings ("Varga." then "Holm." then text), not signatures. A passage is
    the text since the last signature, section label ("LETTERS.") or the outlet's
    introduction ("We asked our followers …"). The first passage of the page, and the first
    of a section signed in another way (letters with their towns, then posts with names or
    handles alone, whose label the cleaning may have removed), leave their first paragraph to
    the outlet when they have several: it introduces what the readers answer."""
    paragraphs = _paragraphs(text)
    kinds = []
    for start, end in paragraphs:
        words = text[start:end]
        if _SECTION.fullmatch(words):
            kinds.append("section")
        elif _INTRODUCTION.search(words):
            kinds.append("introduction")
        elif kinds and kinds[-1] == "name" and (_PLACE.fullmatch(words) or _TOWN.fullmatch(words)):
            kinds.append("place")
        elif _SIGNATURE.fullmatch(words) and len(words.split()) <= 5:
            kinds.append("name")
        else:
            kinds.append("text")
    closing = [k for k in kinds if k not in ("section", "introduction")]
    if not closing or closing[-1] not in ("name", "place"):
        return []
    passages: list[SignedPassage] = []
    block: list[tuple[int, int]] = []
    signed_as: str | None = None  # how the passages of this section are signed, once known
    introduced = False  # the outlet's introduction opened this section
    for n, ((start, end), kind) in enumerate(zip(paragraphs, kinds)):
        if kind == "text":
            block.append((start, end))
        elif kind in ("section", "introduction"):
            block, signed_as, introduced = [], None, kind == "introduction"
        elif kind == "name":
            if not block:
                return []  # names without words between them sign nothing
            signer = text[start:end].rstrip(".")
            style = "town" if kinds[n + 1 : n + 2] == ["place"] else "handle" if signer.startswith("@") else "name"
            if style != signed_as and not introduced and len(block) > 1:
                block = block[1:]
            passages.append(SignedPassage((block[0][0], block[-1][1]), (start, end), signer))
            block, signed_as, introduced = [], style, False
    if len(passages) < MIN_SIGNATURES and "place" not in kinds:
        return []
    return passages


def signed_quotes(annotation: Annotation, index: EntityIndex) -> list[Attribution]:
    """Each signed passage of the article as its writer's words (cue ``SIGNED_CUE``): a reader
    named as the entities have them, else by the name or handle the page prints."""
    text, article = annotation.article.text, annotation.article.id
    found = []
    for passage in signed_passages(text):
        quote = Quote(id="", article=article, speaker=index.lookup(passage.signer, ("PERSON",), article),
                      speaker_text=passage.signer, speaker_span=passage.signature, cue=SIGNED_CUE, channel=None,
                      text=text[passage.span[0] : passage.span[1]], span=passage.span, kind="direct")
        found.append(Attribution(quote, 1.0, source_span=passage.signature, marked_content_span=passage.span))
    return found
