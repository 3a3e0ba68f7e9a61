"""Renderers: the finished analysis JSON as terminal text, Markdown or JSON.

Every renderer reads only the analysis JSON (the public contract in design.md), never
the model objects, so what a user sees in any format is exactly what the JSON says.
:class:`StoryView` holds what several renderers work out the same way (citation
numbers, speakers, word diffs, junk counts), so their sections agree.
"""

from __future__ import annotations

import datetime as dt
import difflib
import importlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence

from .._text import capitalised, names_together
from ..errors import ConfigError
from ..extract.attribution_words import CLAUSE_VIEW_NOUNS, VIEW_NOUNS

__all__ = ["RENDERERS", "render", "render_chunks"]

Renderer = Callable[..., str]

#: The "Who said what" heading for quotes whose outlet describes the speaker without
#: naming them ("officials said", "according to figures released by the council").
UNNAMED = "Unnamed sources"
#: How a first-person speaker the article does not name is shown: its writer(s).
WRITERS = {"i": "the writer", "we": "the writers"}
_FORMATS = ("terminal", "markdown", "json", "html")


def _lazy(module: str, function: str) -> Callable[..., Any]:
    """A renderer imported on first use, so ``--format json`` never loads rich."""

    def call(analysis: dict[str, Any], **kw: Any) -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), function)(analysis, **kw)

    call.__name__ = call.__qualname__ = f"{function}_{module}"
    call.__doc__ = f"Render with :func:`storyweave.render.{module}.{function}`."
    return call


RENDERERS: dict[str, Renderer] = {name: _lazy(name, "render") for name in _FORMATS}
_CHUNKS: dict[str, Callable[..., Iterator[str]]] = {name: _lazy(name, "chunks") for name in _FORMATS}


def render(analysis: dict[str, Any], fmt: str, **kw: Any) -> str:
    """Render an analysis in one of the :data:`RENDERERS` formats.

    Args:
        analysis: the analysis JSON (``schema``, ``articles``, ``stories``).
        fmt: the format name.
        **kw: passed to the renderer (e.g. ``color`` and ``width`` for ``terminal``).

    Returns:
        The rendered text, ending with a newline.

    Raises:
        ConfigError: the format is unknown.
    """
    return "".join(render_chunks(analysis, fmt, **kw))


def render_chunks(analysis: dict[str, Any], fmt: str, **kw: Any) -> Iterator[str]:
    """:func:`render`'s text in pieces, a story at a time where the format allows.

    ``analysis["stories"]`` may be any iterable, read once: a run over an archive hands its
    stories over as they are analysed, so neither the analysis nor the text is held whole
    (except for ``html``, whose header is made from all of its stories).

    Raises:
        ConfigError: the format is unknown (raised at the call, before any text).
    """
    try:
        renderer = _CHUNKS[fmt]
    except KeyError:
        known = ", ".join(sorted(_CHUNKS))
        raise ConfigError(f"unknown output format {fmt!r}; use one of: {known}") from None
    return renderer(analysis, **kw)


# ---------------------------------------------------------------------------------------
# What renderers share. Not public API: the names may change with the renderers.

#: Discrepancy kinds in the order a reader wants them: hard contradictions first, wording
#: drift last. Unknown kinds follow in the order they appear.
KIND_ORDER = ("date", "number", "contradiction", "attribution", "certainty", "wording")
KIND_TITLES = {
    "date": "Dates",
    "number": "Numbers",
    "contradiction": "Contradictions",
    "attribution": "Who said it",
    "certainty": "Certainty",
    "wording": "Quote wording",
}

_OP_NAMES = {"equal": "equal", "=": "equal", "delete": "delete", "-": "delete", "insert": "insert", "+": "insert"}
_WORD = re.compile(r"\S+")
_PUNCT = re.compile(r"^\W+|\W+$")

DiffOps = list[tuple[str, str]]  # (equal | delete | insert, words)


def passages(entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The sentences a timeline entry cites, one per article telling it (``passages``), or
    the entry's own sentence in an analysis saved before entries were merged."""
    return entry.get("passages") or [{"article": entry.get("article"), "span": entry.get("span")}]


def passage_articles(entry: Mapping[str, Any]) -> list[str]:
    """The articles a timeline entry cites."""
    return [p["article"] for p in passages(entry) if p.get("article")]


def _norm(word: str) -> str:
    # Quotes differ in case and trailing punctuation depending on where they were cut;
    # that is not a difference in wording.
    return _PUNCT.sub("", word).lower()


def _words_of(text: str) -> list[str]:
    return [w for w in (_norm(w) for w in _WORD.findall(text)) if w]


def part_of(part: str, whole: str) -> bool:
    """Whether a quote's words run, in order and unbroken, inside a longer one's (case and
    punctuation aside)."""
    a, b = _words_of(part), _words_of(whole)
    return len(a) < len(b) and any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


#: Words a quote needs before it is shown as a part of a longer one: one word in quotation
#: marks is a term the speaker used, worth its own line.
MIN_PART_WORDS = 2


def _a_name_reported(quote: Mapping[str, Any]) -> bool:
    """Whether a reported quote is nothing but a name ("councillors supporting Mrs. Varga"):
    its verb is what was voiced, so the name inside a longer remark is no part of it."""
    caps = capitalised(str(quote.get("text") or ""))
    return quote.get("kind") == "indirect" and bool(caps) and all(caps)


def _piece_of(part: Mapping[str, Any], whole: Mapping[str, Any]) -> bool:
    """Whether a quote gives a piece of another's words. Reported words are the outlet's own
    ("went on to criticize the harbour board"), so they quote no piece of a quotation that
    happens to hold them ("… the harbour board has failed us"); and they are what their verb
    says was done, so they are a piece of longer reported words only with that verb in them
    too ("railed against the judge" is no piece of "implied the judge was biased")."""
    if part.get("kind") == "indirect":
        if whole.get("kind") != "indirect":
            return False
        verb = set(_words_of(str(part.get("cue") or "")))
        if not verb <= set(_words_of(f"{whole.get('cue') or ''} {whole['text']}")):
            return False
    return part_of(str(part["text"]), str(whole["text"]))


def _fold_parts(groups: list[GroupView]) -> list[GroupView]:
    """One speaker's utterances with those made of another one's words listed under it:
    every quote of the part must run inside one quote of the whole."""
    kept = []
    for group in groups:
        texts = [q["text"] for q in group.quotes()]
        articles = {q["article"] for q in group.quotes()}
        foldable = not any(_a_name_reported(q) for q in group.quotes())
        wholes = [g for g in groups if foldable and g is not group and all(len(_words_of(t)) >= MIN_PART_WORDS for t in texts)
                  and all(any(_piece_of(p, q) for q in g.quotes()) for p in group.quotes())]
        # of several, the one the part's own articles quote ("full support" in the article
        # that quotes "a full support and firm alliance")
        whole = max(wholes, key=lambda g: len(articles & {q["article"] for q in g.quotes()}), default=None)
        if whole is None:
            kept.append(group)
        else:
            whole.parts.append(group)
    # a part of a part is listed under the part's whole
    for group in kept:
        group.parts = _all_parts(group)
    for group in kept:
        for part in group.parts:
            part.parts = []
    return kept


def _all_parts(group: GroupView) -> list[GroupView]:
    return [p for part in group.parts for p in (part, *_all_parts(part))]


def same_wording(a: str, b: str) -> bool:
    """True when two quotes have the same words, ignoring case and punctuation."""
    return [_norm(w) for w in _WORD.findall(a)] == [_norm(w) for w in _WORD.findall(b)]


def word_diff(old: str, new: str) -> DiffOps:
    """A word diff from ``old`` to ``new``: runs of equal, deleted and inserted words."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    matcher = difflib.SequenceMatcher(None, [_norm(w) for w in a], [_norm(w) for w in b], autojunk=False)
    ops: DiffOps = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(b[j1:j2])))
        if tag in ("delete", "replace"):
            ops.append(("delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("insert", " ".join(b[j1:j2])))
    return ops


#: A cue verb with its particle or what says it was not said ("did not recommend",
#: "should formally ask", "didn't say", "made no comment on", "renewed Republican calls for").
_CUE_WORDS = re.compile(r"[A-Za-z]+(?:n['’]t)?(?: [A-Za-z.'’-]+){0,4}")
#: Words that open a reported clause written before its cue ("The ministry may pay, officials
#: said") and read lower case after it ("said the ministry may pay"); names keep their capital.
_CLAUSE_OPENERS = re.compile(r"(?:The|A|An|This|That|These|Those|It|Its|Their|Our|No|Some|All|Most|Many|There|"
                             r"While|Although|Though|If|When|Because|Unless|Since|After|Before|Once|At|In|On|For|During|Despite|"
                             r"He|She|They|We|His|Her|"
                             r"About|Other|Another|Both|Each|Every|Few|More|Much|Several|Such|Even|Only|Also|Now|As|Like|Unlike|With|Without|Given|"
                             r"Almost|Nearly|Roughly|Around|Over|Fewer|Less|Half|None|Just|Still|Yet|Then|So)\b")


def reported_cue(quote: dict[str, Any], article_text: str = "") -> str | None:
    """How to show a quote's words: None for the speaker's own words (direct or mixed
    quotes, shown in quotation marks), else the cue verb that opens the reporter's
    paraphrase ("praised Pyongyang for resisting …", "said the pact would …"; "" when the
    cue is no verb, as in "according to"). Quotation marks around indirect speech would
    tell the reader the speaker used those words. ``article_text``, the quote's article,
    tells a verb from a noun of the same spelling: "who supports Mrs. Varga" puts the
    cue right before the words, "his support for Mrs. Varga" a preposition between."""
    if quote.get("kind") != "indirect":
        return None
    cue = str(quote.get("cue") or "").strip()
    if any(noun in CLAUSE_VIEW_NOUNS or noun in VIEW_NOUNS for noun in (cue.lower(), cue.lower().removesuffix("s"))) \
            and not _right_before(cue, quote, article_text):
        # a noun cue with the preposition that brings its words reads as written ("his
        # dismissal of the couple", "her call for a ban"); else "assertion: …"
        preposition = _preposition_after(cue, quote, article_text)
        return f"{cue} {preposition}" if preposition else cue + ":"
    # "according to X" and "In a new poll, …" credit a source with no verb of its own
    return cue if _CUE_WORDS.fullmatch(cue) and not cue.lower().startswith("according") and cue.lower() not in ("in", "from") else ""


def _text_before(quote: dict[str, Any], article_text: str, width: int) -> str | None:
    """The ``width`` characters the article writes before the quote's words, if it has a span."""
    span = quote.get("span")
    if not article_text or not isinstance(span, (list, tuple)) or not span or not isinstance(span[0], int):
        return None
    return article_text[max(0, span[0] - width):span[0]]


def _right_before(cue: str, quote: dict[str, Any], article_text: str) -> bool:
    """Whether the article writes ``cue`` right before the quote's words, as a verb its object."""
    before = _text_before(quote, article_text, len(cue) + 4)
    return before is not None and re.search(rf"\b{re.escape(cue)}\s*$", before, re.I) is not None


def _preposition_after(cue: str, quote: dict[str, Any], article_text: str) -> str | None:
    """The preposition the article writes between a noun cue and the quote's words
    ("dismissal of the couple" → "of"), when it is one of those the noun takes."""
    before = _text_before(quote, article_text, len(cue) + 20)
    written = re.search(rf"\b{re.escape(cue)}\s+(\w+)\s+$", before, re.I) if before is not None else None
    if written is None:
        return None
    takes = VIEW_NOUNS.get(cue.lower()) or VIEW_NOUNS.get(cue.lower().removesuffix("s")) or frozenset()
    return written.group(1).lower() if written.group(1).lower() in takes else None


#: A word linking the writer's sentence to the one before ("However, debates are …, noted
#: Lind"): no part of what the speaker said, and "noted However piers" reads wrong.
_LINKING_OPENER = re.compile(r"(?:However|But|And|Moreover|Furthermore|Nonetheless|Nevertheless|Meanwhile|Indeed),?\s+(?=\w)")


#: The opening mark each paragraph of a long quotation reopens with, where a page ran its
#: paragraphs together ("… as well. “The cells are full."): a sentence end before it.
_REOPENED = re.compile(r"(?<=[.?!])\s+“")


def one_quotation(text: str) -> str:
    """A quotation's words without the marks its paragraphs reopened with, so that it shows as
    one quotation, not quotations nested: "A. “B. “C.”" is shown "A. B. C.". A quotation
    with a closing mark inside it quotes someone in turn and keeps its marks."""
    body = text[:-1] if text.endswith("”") else text
    if "”" in body or not _REOPENED.search(body) or "“" in _REOPENED.sub(" ", body):
        return text
    return _REOPENED.sub(" ", body)


def after_cue(text: str) -> str:
    """A reported clause as it reads after its cue verb: "said the ministry may pay"."""
    linking = _LINKING_OPENER.match(text)
    text = text[linking.end():] if linking else text
    return text[0].lower() + text[1:] if _CLAUSE_OPENERS.match(text) else text


def _ops_from_json(raw: Any) -> DiffOps | None:
    """Diff ops given in a ``differences`` item (``[[tag, text], ...]`` or ``[{op, text}]``)."""
    if not isinstance(raw, list):
        return None
    ops: DiffOps = []
    for op in raw:
        tag, text = (op.get("op"), op.get("text")) if isinstance(op, dict) else (op[0], op[1])
        if _OP_NAMES.get(str(tag)) is None or not isinstance(text, str):
            return None  # not a form we know: recompute rather than show something wrong
        ops.append((_OP_NAMES[str(tag)], text))
    return ops


@dataclass
class Variant:
    """A quote worded differently from its group's reference quote."""

    quote: dict[str, Any]
    ops: DiffOps


@dataclass
class GroupView:
    """One utterance: the reference wording, the quotes that match it, and the variants."""

    reference: dict[str, Any]
    same: list[dict[str, Any]]
    variants: list[Variant]
    drift: float | None = None
    #: Shorter utterances of the same speaker made of this one's words (a mixed quote's
    #: "“partnership agreement”" beside the whole sentence another outlet quotes).
    parts: list[GroupView] = field(default_factory=list)

    def quotes(self) -> list[dict[str, Any]]:
        return [*self.same, *(v.quote for v in self.variants)]


@dataclass
class SpeakerView:
    name: str
    groups: list[GroupView] = field(default_factory=list)


@dataclass
class Source:
    label: int
    id: str
    outlet: str
    title: str
    location: str
    published: str


class StoryView:
    """One story of the analysis JSON, with what every renderer needs worked out once.

    Articles are numbered in the story's order ([1], [2], ...); ids the story cites but
    does not list are numbered after them, so every citation has a legend entry.

    Args:
        articles: the analysis's ``articles`` by id.
        story: one entry of its ``stories``.
    """

    def __init__(self, articles: Mapping[str, dict[str, Any]], story: dict[str, Any]) -> None:
        self.story = story
        self.articles = articles
        self._entities = {e["id"]: e for e in story.get("entities") or []}
        self._quotes = {q["id"]: {**q, "text": one_quotation(q["text"])} if q.get("kind") == "direct" else q
                        for q in story.get("quotes") or []}
        self._claims = {c["id"]: c for c in story.get("claims") or []}
        self._labels: dict[str, int] = {}
        for aid in self._cited_ids():
            self._labels.setdefault(aid, len(self._labels) + 1)

    def _cited_ids(self) -> list[str]:
        s = self.story
        ids = list(s.get("articles") or [])
        for sentence in (s.get("brief") or {}).get("sentences") or []:
            ids += sentence.get("citations") or []
        ids += [q["article"] for q in s.get("quotes") or []]
        ids += [c["article"] for c in s.get("claims") or []]
        for fact in s.get("facts") or []:
            ids += fact.get("sources") or []
        for disc in s.get("discrepancies") or []:
            ids += [i["article"] for i in disc.get("items") or []]
        for link in s.get("provenance") or []:
            ids += [link["source"], link["derived"]]
        ids += [f["article"] for f in s.get("framing") or []]
        ids += [a for t in s.get("timeline") or [] if t.get("article") for a in passage_articles(t)]
        return ids

    # -- articles ----------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return str(self.story.get("title") or (self.story.get("brief") or {}).get("headline") or "Untitled story")

    @property
    def headline(self) -> str:
        """The brief's headline (the plainest of the articles' titles), else the title."""
        return str((self.story.get("brief") or {}).get("headline") or self.title)

    def at_a_glance(self) -> str:
        """The story in one line for an index of many: "2016-04-26 (Tuesday) · 4 articles
        from 2 outlets · 3 differences" (one article has nothing to differ from)."""
        ids = self.story.get("articles") or []
        line = (f"{with_weekday(self.story.get('event_date')) or 'date unknown'} · {counted(len(ids), 'article')} "
                f"from {counted(len({self.outlet(a) for a in ids}), 'outlet')}")
        return line + f" · {counted(len(self.story.get('discrepancies') or []), 'difference')}" if len(ids) > 1 else line

    def cue(self, quote: dict[str, Any]) -> str | None:
        """:func:`reported_cue` of a quote of this story, read in its article."""
        return reported_cue(quote, str((self.articles.get(quote.get("article")) or {}).get("text") or ""))

    def label(self, article_id: str) -> int:
        """The article's citation number."""
        return self._labels[article_id]

    def labels(self, article_ids: list[str]) -> list[int]:
        """Citation numbers for these articles, sorted and without repeats."""
        return sorted({self._labels[a] for a in article_ids if a in self._labels})

    def article_url(self, article_id: str) -> str | None:
        return (self.articles.get(article_id) or {}).get("url")

    def outlet(self, article_id: str) -> str:
        """The outlet's name, else where the article was read, else its id."""
        art = self.articles.get(article_id) or {}
        return str(art.get("source") or art.get("location") or article_id)

    def sources(self) -> list[Source]:
        """The sources legend, in citation order."""
        out = []
        for aid, n in self._labels.items():
            art = self.articles.get(aid) or {}
            out.append(Source(n, aid, self.outlet(aid), str(art.get("title") or ""),
                              str(art.get("location") or ""), str(art.get("published") or "")))
        return out

    def junk(self) -> list[tuple[Source, Counter[str]]]:
        """For each article, how many pieces clean removed, by reason."""
        return [(src, Counter(str(r.get("reason") or "unknown") for r in (self.articles.get(src.id) or {}).get("removed") or []))
                for src in self.sources() if src.id in self.articles]

    # -- quotes ----------------------------------------------------------------------------------

    def speaker_name(self, quote: dict[str, Any]) -> str:
        """The speaker's name, or the names of everyone a joint attribution credits
        ("Vladimir Putin and Kim Jong Un"); :data:`UNNAMED` when the outlet names no one
        ("officials said": speaker null, its description in ``speaker_text``)."""
        ids = list(quote.get("speakers") or []) or [quote.get("speaker") or ""]
        names = [str(e.get("name") or e["id"]) for e in (self._entities.get(i) for i in ids) if e]
        if not names:
            return UNNAMED
        return names_together(names)

    def unnamed_source(self, quote: dict[str, Any]) -> str | None:
        """How the outlet describes a speaker it does not name, in its words and quotation
        marks ("“engineers from both city halls”"), else None: what a reader needs beside an
        unnamed-source quote. "I find his language deplorable" outside quotation marks is
        the article's own voice: "the writer"."""
        if self._entities.get(quote.get("speaker") or ""):
            return None
        described = str(quote.get("speaker_text") or "")
        return WRITERS.get(described.lower(), f"“{described}”") if described else None

    def credited_elsewhere(self, quote: dict[str, Any], speaker: str | None) -> str | None:
        """Whom the outlet credits these words to when it is not ``speaker``, under whom they
        are listed (one outlet gives the words to a leader, another to a news agency): the
        reader must see it where the words are quoted."""
        if speaker is None or self.unnamed_source(quote):
            return None
        credited = self.speaker_name(quote)
        return credited if credited != speaker else None

    def speakers(self) -> list[SpeakerView]:
        """Quote groups by speaker, speakers in the order they are first quoted."""
        groups = list(self.story.get("quote_groups") or [])
        grouped = {qid for g in groups for qid in g.get("quotes") or []}
        # A quote align left alone is an utterance of its own.
        groups += [{"id": None, "quotes": [q["id"]], "differences": []}
                   for q in self.story.get("quotes") or [] if q["id"] not in grouped]
        speakers: dict[str, SpeakerView] = {}
        for group in groups:
            quotes = [self._quotes[qid] for qid in group.get("quotes") or [] if qid in self._quotes]
            if not quotes:
                continue
            speaker = group.get("speaker") or quotes[0].get("speaker")
            # Lead with words the outlet credits to the group's speaker: a line under "KCNA"
            # must not show the wording an outlet gives to someone else.
            quotes.sort(key=lambda q: q.get("speaker") != speaker)
            name = self.speaker_name({**quotes[0], "speaker": speaker,
                                      "speakers": group.get("speakers") or quotes[0].get("speakers")})
            view = speakers.setdefault(name, SpeakerView(name))
            if len(quotes) == 1 and any(g.reference["article"] == quotes[0]["article"] and same_wording(g.reference["text"], quotes[0]["text"])
                                        for g in view.groups):
                continue  # the same words printed twice in one article (the quote, then the post it came from)
            view.groups.append(self._group(group, quotes))
        for view in speakers.values():
            if view.name != UNNAMED:  # sources nobody named may be anyone: one's words are not another's
                view.groups = _fold_parts(view.groups)
        first_seen = {q["id"]: i for i, q in enumerate(self.story.get("quotes") or [])}
        # Named speakers first, in the order they are first quoted; unnamed sources last.
        return sorted(speakers.values(), key=lambda s: (s.name == UNNAMED, min(first_seen.get(g.reference["id"], 0) for g in s.groups)))

    def _group(self, group: dict[str, Any], quotes: list[dict[str, Any]]) -> GroupView:
        reference = quotes[0]
        given = {d.get("quote"): d for d in group.get("differences") or [] if isinstance(d, dict)}
        same, variants = [reference], []
        for quote in quotes[1:]:
            if same_wording(reference["text"], quote["text"]):
                same.append(quote)
                continue
            diff = given.get(quote["id"]) or {}
            # align names the quote it diffed against ("against"); default to the reference.
            base = self._quotes.get(diff.get("against") or diff.get("base") or "", reference)
            ops = _ops_from_json(diff.get("ops")) or word_diff(base["text"], quote["text"])
            variants.append(Variant(quote, ops))
        drift = group.get("drift")
        return GroupView(reference, same, variants, float(drift) if isinstance(drift, (int, float)) else None)

    # -- facts and claims ---------------------------------------------------------------------------

    def facts(self, status: str) -> list[dict[str, Any]]:
        return [f for f in self.story.get("facts") or [] if f.get("status") == status]

    def single_source(self) -> list[tuple[str, list[str], list[str]]]:
        """Single-source facts and unaligned claims: (text, article ids, certainties)."""
        out = []
        for fact in self.facts("single-source"):
            claims = [self._claims[c] for c in fact.get("claims") or [] if c in self._claims]
            certainties = sorted({str(c.get("certainty")) for c in claims if c.get("certainty")})
            out.append((str(fact.get("text") or ""), list(fact.get("sources") or []), certainties))
        for claim in self.story.get("claims") or []:
            if not claim.get("fact"):
                out.append((str(claim.get("text") or ""), [claim["article"]], [str(claim.get("certainty") or "")]))
        return _one_line_per_wording(out)

    def single_source_by_outlet(self) -> list[tuple[str, list[tuple[str, list[str], list[str]]]]]:
        """:meth:`single_source` grouped by the article whose words each line shows (else the
        first that says it), in the order of the sources, so a reader sees at once what each
        outlet alone reports: a line in a paraphrasing article's words is not put under the
        article it paraphrases, which worded it otherwise."""
        order = {aid: n for n, aid in enumerate(self.story.get("articles") or [])}
        worded_by = {(str(c.get("text") or ""), c.get("article")) for c in self._claims.values()}
        groups: dict[str, list[tuple[str, list[str], list[str]]]] = {}
        for item in self.single_source():
            saying = sorted(item[1], key=lambda a: (order.get(a, len(order)), a))
            first = next((a for a in saying if (item[0], a) in worded_by), saying[0] if saying else "")
            groups.setdefault(first, []).append(item)
        return sorted(groups.items(), key=lambda g: (order.get(g[0], len(order)), g[0]))

    def contested_because(self, fact: dict[str, Any]) -> list[str]:
        """The explanations of the discrepancies that make a fact contested, worded to follow
        "because" ("because the same statement is dated differently …"; "AP" stays)."""
        by_id = {d.get("id"): d for d in self.story.get("discrepancies") or []}
        reasons = [str(by_id[d].get("explanation") or "") for d in fact.get("contested_by") or [] if d in by_id]
        return [r[0].lower() + r[1:] if r[:1].isupper() and r[1:2].islower() else r for r in reasons]

    def discrepancies(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        """Discrepancies by kind: (kind, section title, discrepancies)."""
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for disc in self.story.get("discrepancies") or []:
            # each item is shown in quotation marks: a quotation's reopened paragraphs as one
            items = [{**item, "text": one_quotation(str(item.get("text") or ""))} if isinstance(item, dict) else item
                     for item in disc.get("items") or []]
            by_kind.setdefault(str(disc.get("kind") or "other"), []).append({**disc, "items": items})
        kinds = [k for k in KIND_ORDER if k in by_kind] + [k for k in by_kind if k not in KIND_ORDER]
        return [(k, KIND_TITLES.get(k, k.capitalize()), by_kind[k]) for k in kinds]

    def nothing_differs(self) -> str:
        """What "Where sources differ" says when it lists nothing: that the sources agree,
        or, for a story of one article, that there was nothing to compare (saying one
        article "agrees" would read as corroboration)."""
        if len(self.story.get("articles") or []) <= 1:
            return "One article only: nothing to compare."
        return "The sources agree on everything compared."


def _one_line_per_wording(items: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    """Single-source lines with the same words folded into one, citing every article that
    prints them: two articles carrying one sentence word for word are one source repeating
    itself (a wire copy, an updated version), which align may have left as two facts (a
    sentence too short to compare), and listing it once per article would read as two claims."""
    merged: dict[str, tuple[str, list[str], list[str]]] = {}
    for text, ids, certainties in items:
        key = " ".join(text.split())
        if key not in merged:
            merged[key] = (text, list(ids), list(certainties))
            continue
        _, known_ids, known_certainties = merged[key]
        known_ids.extend(a for a in ids if a not in known_ids)
        known_certainties[:] = sorted(set(known_certainties) | set(certainties))
    return list(merged.values())


def story_views(analysis: dict[str, Any]) -> Iterator[StoryView]:
    """A :class:`StoryView` for every story, in the analysis's order, made as it is read
    (the article index once for all of them: a run may hold thousands)."""
    articles = {a["id"]: a for a in analysis.get("articles") or []}
    for story in analysis.get("stories") or []:
        yield StoryView(articles, story)


def counted(n: int, noun: str, plural: str = "") -> str:
    """"1 article", "3 articles", "2 stories": a count with its noun in the right number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def with_weekday(value: Any) -> str:
    """"2024-06-19" → "2024-06-19 (Wednesday)": news says "on Wednesday", readers check it here."""
    text = str(value or "")
    try:
        return f"{text} ({dt.date.fromisoformat(text):%A})" if len(text) == 10 else readable_date(text)
    except ValueError:
        return text


#: TIMEX3's parts of a day, seasons and halves as a reader says them.
_DAY_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_TIMEX_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_TIMEX_PART = re.compile(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])")
_TIMEX_DAY_PART = re.compile(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)")
_TIMEX_CLOCK = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?")


def readable_date(value: Any) -> str:
    """A TIMEX3 value as a reader says it: "2016-07-30TNI" → "2016-07-30 night",
    "2016-W30-WE" → "weekend of 2016-07-30", "2016-W30" → "week of 2016-07-25", "2016-SU" →
    "summer 2016", "2016-Q1" → "first quarter of 2016". Plain days, months and years, and
    anything else, are shown as they are."""
    text = str(value or "")
    if m := _TIMEX_DAY_PART.fullmatch(text):
        return f"{m.group(1)} {_DAY_PARTS[m.group(2)]}"
    if m := _TIMEX_CLOCK.fullmatch(text):
        return f"{m.group(1)} {m.group(2)}"
    if m := _TIMEX_WEEK.fullmatch(text):
        try:
            if m.group(3):
                return f"weekend of {dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6)}"
            return f"week of {dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)}"
        except ValueError:
            return text  # no such week ("2015-W53")
    if m := _TIMEX_PART.fullmatch(text):
        year, part = m.groups()
        if part in _SEASONS:
            return f"{_SEASONS[part]} {year}"
        whole = "quarter" if part[0] == "Q" else "half"
        return f"{_ORDINALS[part[1]]} {whole} of {year}"
    return text


def phase_heading(sentences: Sequence[dict[str, Any]], n: int) -> str | None:
    """The heading before a brief line that opens a dated phase of its story ("Reports of
    2031-04-07 to 2031-04-09"), else None: a story that ran over months is told phase by phase,
    and its reader should see where the verdict's reports begin."""
    phase = sentences[n].get("phase")
    if not isinstance(phase, dict) or n and sentences[n - 1].get("phase") == phase:
        return None
    first, last = str(phase.get("first") or ""), str(phase.get("last") or "")
    return f"Reports of {first}" if first == last or not last else f"Reports of {first} to {last}"


def brief_order_words(sentences: Sequence[dict[str, Any]]) -> str:
    """How the brief's lines are ordered, as its introduction says it."""
    if any(isinstance(b.get("phase"), dict) for b in sentences):
        return "phase by phase, earliest first, most important first within each"
    return "most important first"


def share(value: Any) -> str:
    """0.25 -> '25%'; anything not a number -> '–'."""
    return f"{value:.0%}" if isinstance(value, (int, float)) else "–"


def relation_phrase(link: dict[str, Any]) -> str:
    """How a provenance link reads between its two articles: 'paraphrases', 'shares a source with'."""
    kind = str(link.get("kind") or "")
    if link.get("directed"):
        return {"copy": "copies", "paraphrase": "paraphrases"}.get(kind, f"derives ({kind}) from" if kind else "derives from")
    return "shares a source with" if kind in ("shared-source", "") else f"shares text ({kind}) with"


def score(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, (int, float)) else "–"
