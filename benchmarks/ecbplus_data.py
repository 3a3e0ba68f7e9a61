"""The one reader of the ECB+ data set, for every benchmark and the tests.

The folder (``../shared/data/ecbplus``) holds ``documents.jsonl.gz``, one document a
line (``doc_id, topic, subtopic, split, n_tokens, xml``, the text being the XML's
``<token sentence="n">`` elements), and the gold mentions of Cybulska and Vossen's setup,
``cybulska_setup/{split}_{event,entity}_gold_mentions.json.gz``.

Two things every reader has to get right, and each reader used to handle on its own:

* Every ``…ecbplus`` document (none of the ``…ecb`` ones) has as XML sentence 0 the URL
  of the article, tokenised like text (``http : / / www . …``). Read as text, it became
  the title of the article in one benchmark.
* The gold mentions number sentences from the title, so in an ``…ecbplus`` document a
  mention's ``sent_id`` is its XML sentence − 1. Read with the XML numbers, every such
  mention was paired with the sentence before its own (dev CoNLL F1 0.766 instead of 0.775).

:class:`EcbDocument` therefore keeps the URL apart and numbers its sentences as the gold
mentions do: 0 is the title.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Sequence

_URL_START = re.compile(r"(https?|www)\b")
# Tokens the tokeniser split off that a writer would attach to the word before (or, for
# opening brackets and "$", after). benchmarks/group.py's figures were measured with this
# exact rule: a change moves them.
_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s|n't|'re|'ll|'ve|'d|'m)(?=\s|$)")
_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenise(tokens: Sequence[str]) -> str:
    """The tokens as running text: spaces between them, except before punctuation and
    clitics and after opening brackets."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


#: What the tokeniser cut out of one written word and a reader needs whole: a decimal point,
#: a time's colon, a date's slashes or a thousands comma between figures ("5 . 4 per cent"
#: read as the figure 4, "12 : 45", "10 / 25 / 11", "£35 , 000"), the dots of initials
#: ("p . m ." ended the sentence for the splitter, "U . S ."), a web address ("TMZ . com"),
#: a calibre ("a . 357 Magnum"), a word's tail after a curly apostrophe ("couldn ’ t" lost
#: its negation) and an elided French article or an Irish name ("d ’ Antibes", "O ’ Neil").
_INSIDE_WORD = (
    (re.compile(r"(?<=\d) ([.:/]) (?=\d)"), r"\1"),
    (re.compile(r"(?<![\w.])([A-Za-z]) \. (?=[A-Za-z] \.)"), r"\1."),
    (re.compile(r"(?<=\w) \. (?=(?:com|org|net|gov|edu)\b)"), "."),
    (re.compile(r"(?<=[A-Za-z]) \. (?=\d+\b)"), " ."),
    (re.compile(r"(?<=\d) , (?=\d{3}\b)"), ","),
    (re.compile(r"(?<=\w) ’ (s|t|re|m|ve|d|ll)(?=\W|$)"), r"’\1"),
    (re.compile(r"(?<=\b[A-Za-z]) ’ (?=[A-Z])"), "’"),
)
#: The old Penn tokeniser's quotation marks, which the ECB documents carry for '"'.
_PENN_QUOTES = {"``": "“", "''": "”"}
_WRITTEN_BEFORE = re.compile(r" ([.,;:!?%'’”)\]}]|n't|'s|'re|'ll|'ve|'d|'m)(?=\s|$)")
_WRITTEN_AFTER = re.compile(r"(^|\s)([(\[{$“‘]) ")
#: A straight quotation mark after these tokens opens a quotation rather than closes one.
_OPENS_AFTER = frozenset({":", ",", "(", "said", "says", "saying", "told", "added", "wrote"})


def _straight_quotes(tokens: Sequence[str]) -> list[str]:
    """The line's straight quotation marks as curly ones, each on its side. They alternate;
    a line with an odd number of them opens with a closing one unless the first starts the
    line or follows a colon, a comma or a speech verb (the quotation then runs on into the
    next line: '" She is in rehab right now .' / 'Nothing bad will happen . "')."""
    marks = [i for i, t in enumerate(tokens) if t == '"' or _GLUED_MARK.fullmatch(t)]
    opening = True
    if len(marks) % 2 and marks[0] > 0 and tokens[marks[0] - 1].lower() not in _OPENS_AFTER:
        opening = False
    out = list(tokens)
    for i in marks:
        glued = _GLUED_MARK.fullmatch(tokens[i])
        if glued:
            # a mark the tokeniser left on its word ('"NYPD', 'today"') shows its side
            opening = bool(glued["word_after"])
            out[i] = f"“{glued['word_after']}" if opening else f"{glued['word_before']}”"
        else:
            out[i] = "“" if opening else "”"
        opening = not opening
    return out


#: A straight quotation mark the tokeniser left glued to the word it opens or closes.
_GLUED_MARK = re.compile(r'"(?P<word_after>\w[^"]*)|(?P<word_before>[^"]*\w)"')


def as_written(tokens: Sequence[str]) -> str:
    """The tokens of one sentence as a writer would have typed them, for text the pipeline
    reads: besides :func:`detokenise`'s spacing, decimals, times, initials, web addresses
    and curly-apostrophe contractions are put back in one word, and Penn and straight
    quotation marks become curly ones on the side they stand. (detokenise stays as it is:
    benchmarks/group.py's figures were measured with it.)"""
    text = " ".join(_PENN_QUOTES.get(t, t) for t in _straight_quotes(tokens))
    for pattern, joined in _INSIDE_WORD:
        text = pattern.sub(joined, text)
    return _WRITTEN_AFTER.sub(r"\1\2", _WRITTEN_BEFORE.sub(r"\1", text))


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document: its tokens by sentence, numbered as the gold mentions number them."""

    doc_id: str
    topic: int
    subtopic: str
    split: str
    url: str | None  # an "ecbplus" document's source URL; None for "ecb" documents
    sentences: dict[int, tuple[str, ...]]  # tokens by the gold mentions' sent_id: 0 is the title

    def lines(self, join: Callable[[Sequence[str]], str] = detokenise) -> list[str]:
        """One string per sentence, title first (``join=" ".join`` keeps the tokens as
        the data set split them)."""
        return [join(tokens) for _, tokens in sorted(self.sentences.items())]

    @property
    def title(self) -> str:
        lines = self.lines()
        return lines[0] if lines else ""

    @property
    def body(self) -> str:
        """The sentences after the title, one a line."""
        return "\n".join(self.lines()[1:])


def _document(row: dict) -> EcbDocument:
    sentences: dict[int, list[str]] = {}
    for token in ET.fromstring(row["xml"]).iter("token"):
        sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
    url = None
    if row["doc_id"].endswith("ecbplus"):
        url = "".join(sentences.pop(0, []))  # the tokeniser only split it, so this is the URL again
        if not _URL_START.match(url):  # the gold numbering below depends on it
            raise ValueError(f"{row['doc_id']}: XML sentence 0 is not a URL: {url[:80]!r}")
        sentences = {n - 1: tokens for n, tokens in sentences.items()}
    return EcbDocument(doc_id=row["doc_id"], topic=row["topic"], subtopic=row["subtopic"], split=row["split"], url=url,
                       sentences={n: tuple(tokens) for n, tokens in sorted(sentences.items())})


def read_documents(folder: Path, split: str | None = None) -> list[EcbDocument]:
    """The documents of one split (``"train"``, ``"dev"``) or all, sorted by (topic, doc_id):
    the order the benchmarks' seeded shuffles start from."""
    with gzip.open(Path(folder) / "documents.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh)
        docs = [_document(row) for row in rows if split is None or row["split"] == split]
    return sorted(docs, key=lambda d: (d.topic, d.doc_id))


def read_gold_mentions(folder: Path, split: str, kind: Literal["event", "entity"]) -> list[dict]:
    """Cybulska and Vossen's gold mentions of one split, as the file lists them (each with
    ``doc_id``, ``sent_id`` — numbered like :attr:`EcbDocument.sentences` — ``tokens_number``,
    ``tokens_str``, ``coref_chain``, ``mention_type`` …)."""
    path = Path(folder) / "cybulska_setup" / f"{split}_{kind}_gold_mentions.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)
