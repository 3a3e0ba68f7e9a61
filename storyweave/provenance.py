"""Provenance: which article reuses which, and how much of each is its own.

Every sentence of one article is matched to its nearest sentence in the other (MiniLM
cosine). Near-identical wording is copying; a high cosine with other words is paraphrase.
A link needs a share of the articles' sentences, or one long sentence copied word for word
that is no quotation and no house line (credit, copyright, dateline).
The direction follows publication times when both are known; otherwise the link is
undirected.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable, Mapping, Sequence

import numpy as np

from ._text import outlet_host
from .extract.quote_marks import quoted_spans
from .model import Annotation, Article, ProvenanceLink

#: Sentences at this cosine or above carry the same content (paraphrase or copy).
SHARED_COSINE = 0.84
#: Sentences whose words match this closely are copied, not paraphrased.
COPIED_WORDS = 0.85
#: A link is reported from this share of the smaller article's sentences.
MIN_LINK_SCORE = 0.12
MIN_SHARED_SENTENCES = 2
#: Articles sharing at least this share of their sentences count as one source of support.
SAME_SOURCE_SCORE = 0.3
#: A sentence of fewer words ("She was 91.", "Nobody was hurt.") is written
#: alike by outlets that never saw each other: sharing it shows no reuse.
MIN_SHARED_WORDS = 4
#: One sentence of this many words shared word for word is reuse on its own: outlets
#: that never saw each other do not write so long a sentence alike.
LONE_COPY_WORDS = 15
#: A police appeal ("Anyone with information is asked to call …"): the police give it to
#: every outlet, which prints it in its own words or theirs.
_APPEAL_WORDS = r"anyone with (?:any )?(?:information|knowledge)"
_APPEAL = re.compile(_APPEAL_WORDS, re.I)
#: Lines every article of an outlet or agency carries (credits, copyright, bylines, calls
#: to share, an editor's standing note on a subject): shared, they show a common house,
#: not a copied report.
_BOILERPLATE = re.compile(
    r"(?i)all rights reserved|editor[’']s note|copyright (?:©\s*)?\d{4}|©|\(c\) \d{4}|may not be (?:re)?published"
    r"|rewritten,? or redistributed|contributed to this (?:report|story)|associated press writer|staff writer"
    r"|reporting by|editing by|\bsign up\b|\bnewsletter\b|follow (?:us|him|her) on|click here|\bsubscribe\b"
    r"|" + _APPEAL_WORDS)
#: Quotation marks: every outlet quotes a speaker's or a statement's words as they were said,
#: so one quoted sentence shared shows no reuse.
_QUOTED = re.compile(r"[“”\"‘]|''|``")
#: A dateline ("LOS ANGELES (AP) — "): the agency's stamp, not the reporter's words.
_DATELINE = re.compile(r"^\W*[A-Z][A-Z .,'’-]{2,}(?:\([^)]{1,40}\))?\s*[—–-]+\s*")


def _words_similarity(a: str, b: str) -> float:
    wa = re.findall(r"\w+", a.lower())
    wb = re.findall(r"\w+", b.lower())
    return difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).ratio()


def copied_wording(a: str, b: str) -> bool:
    """Whether two sentences are one wording copied (:data:`COPIED_WORDS`), punctuation aside."""
    return _words_similarity(a, b) >= COPIED_WORDS


def _telling(sentence: str) -> bool:
    """Whether a sentence is long enough for two outlets sharing it to show reuse."""
    return len(re.findall(r"\w+", sentence)) >= MIN_SHARED_WORDS


def lone_copy(a: str, b: str) -> bool:
    """Whether two sentences are one long wording (:data:`LONE_COPY_WORDS` words or more)
    copied word for word, and neither a quotation nor a credit, dateline, appeal or other
    house line."""
    a, b = _DATELINE.sub("", a), _DATELINE.sub("", b)
    if len(re.findall(r"\w+", a)) < LONE_COPY_WORDS or any(p.search(t) for p in (_BOILERPLATE, _QUOTED) for t in (a, b)):
        return False
    return _words_similarity(a, b) >= COPIED_WORDS


def _quoted_sentences(annotation: Annotation) -> set[int]:
    """Indexes of the sentences inside a quotation that runs over several of them (the
    middle sentence of “A. B. C.” carries no mark of its own, but is still quoted words)."""
    spans = quoted_spans(annotation.article.text)
    return {n for n, s in enumerate(annotation.sentences) if any(a <= s.span[0] and s.span[1] <= b + 1 for a, b in spans)}


def _quotation_only(annotation: Annotation) -> list[int | None]:
    """For each sentence that is a quotation with few words of the outlet's own around it
    (fewer than :data:`MIN_SHARED_WORDS` outside the quotation marks: "“…,” Ida Marsh
    said."), the number of its quotation in the article; None for the other sentences.
    Outlets quoting one speaker print the same words without reusing each other; the words
    around a quotation ("said Ida Marsh, the harbour board's chair") are the outlet's."""
    spans = quoted_spans(annotation.article.text)
    out: list[int | None] = []
    for s in annotation.sentences:
        inside = [(n, max(a, s.span[0]), min(b + 1, s.span[1])) for n, (a, b) in enumerate(spans)
                  if a < s.span[1] and b + 1 > s.span[0]]
        if not inside:
            out.append(None)
            continue
        text = annotation.article.text
        kept, at = [], s.span[0]
        for _, a, b in sorted(inside, key=lambda q: q[1]):
            kept.append(text[at:a])
            at = max(at, b)
        kept.append(text[at : s.span[1]])
        out.append(inside[0][0] if len(re.findall(r"\w+", " ".join(kept))) < MIN_SHARED_WORDS else None)
    return out


def provenance(annotations: Sequence[Annotation]) -> list[ProvenanceLink]:
    """Reuse links between the articles of one story, strongest first.

    Args:
        annotations: the story's annotated articles.

    Returns:
        One :class:`ProvenanceLink` per pair of articles that share content.
    """
    links = []
    # Short sentences and police appeals show no reuse, whatever the share they make: two
    # short reports of one fire, each ending on the police's appeal, took it from the police.
    short = [np.array([not _telling(s.text) or bool(_APPEAL.search(s.text)) for s in a.sentences], dtype=bool)
             for a in annotations]
    quoted = [_quoted_sentences(a) for a in annotations]
    quotation = [_quotation_only(a) for a in annotations]
    for i, a in enumerate(annotations):
        for j, b in enumerate(annotations[i + 1 :], start=i + 1):
            if not len(a.sentences) or not len(b.sentences):
                continue
            cos = a.vectors @ b.vectors.T
            cos[short[i], :] = 0.0
            cos[:, short[j]] = 0.0
            pairs = []
            used_b: set[int] = set()
            for ia in np.argsort(-cos.max(axis=1), kind="stable"):
                ib = int(np.argmax(cos[ia]))
                if cos[ia, ib] < SHARED_COSINE or ib in used_b:
                    continue
                used_b.add(ib)
                pairs.append((int(ia), ib))
            score = len(pairs) / min(len(a.sentences), len(b.sentences))
            # The share is the usual evidence. Quotations shared with no words of the
            # outlets' own around them show that both quoted one speaker, not that one took
            # the other's report, unless they make up a large share of the shorter article
            # (:data:`SAME_SOURCE_SCORE`): that choice of quotes is one outlet's.
            # A quotation the parser cut into sentences is one choice of quote, however many
            # sentences it runs to: two reports of one interview print its one long passage.
            told = [(x, y) for x, y in pairs if quotation[i][x] is None and quotation[j][y] is None]
            quoted_pairs = [(x, y) for x, y in pairs if (x, y) not in told]
            quotations = min(len({(quotation[i][x], x if quotation[i][x] is None else -1) for x, _ in quoted_pairs}),
                             len({(quotation[j][y], y if quotation[j][y] is None else -1) for _, y in quoted_pairs}))
            chosen = (len(told) + quotations) / min(len(a.sentences), len(b.sentences))
            enough = len(pairs) >= MIN_SHARED_SENTENCES and score >= MIN_LINK_SCORE and (
                chosen >= SAME_SOURCE_SCORE or len(told) >= MIN_SHARED_SENTENCES)
            # A long sentence taken word for word is evidence enough alone, however long
            # the articles around it.
            if not enough and not any(
                    lone_copy(a.sentences[x].text, b.sentences[y].text) for x, y in pairs
                    if x not in quoted[i] and y not in quoted[j]):
                continue
            copied = sum(_words_similarity(a.sentences[x].text, b.sentences[y].text) >= COPIED_WORDS for x, y in pairs)
            kind = "copy" if copied >= len(pairs) / 2 else "paraphrase"
            source, derived, directed = a, b, False
            pa, pb = a.article.published, b.article.published
            if pa and pb and pa != pb:
                directed = True
                if pb < pa:
                    source, derived = b, a
            original = 1.0 - len(pairs) / len(derived.sentences)
            links.append(ProvenanceLink(source.article.id, derived.article.id, kind, round(score, 3), len(pairs), directed, round(original, 3)))
    links.sort(key=lambda l: (-l.score, l.source, l.derived))
    return links


def independent_groups(article_ids: Sequence[str], links: Sequence[ProvenanceLink],
                       outlets: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Each article's independent-source group: articles that reuse one another share one,
    and so do articles of one outlet (``outlets``: article id → keys naming its outlet, see
    :func:`outlet_keys`): an outlet reporting a thing twice is still one source for it."""
    known = set(article_ids)
    pairs = [(link.source, link.derived) for link in links
             if link.score >= SAME_SOURCE_SCORE and link.source in known and link.derived in known]
    first_of_outlet: dict[str, str] = {}
    for a in article_ids:
        for key in (outlets or {}).get(a, ()):
            pairs.append((first_of_outlet.setdefault(key, a), a))
    return connected(article_ids, pairs)


def connected(ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each id → the smallest id of the set the pairs join it to (itself when alone)."""
    parent = {a: a for a in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = sorted((find(a), find(b)))
        parent[rb] = ra
    return {a: find(a) for a in parent}


def outlet_keys(article: Article) -> tuple[str, ...]:
    """What tells an article's outlet: the site of its URL ("www.usatoday.com" =
    "usatoday.com"), and the outlet's name when the input gave one ("Reuters" = "reuters").
    A source name that stands in for one (a file name) tells nothing."""
    keys = []
    host = outlet_host(article.url)
    if host:
        keys.append("site:" + host)
    if article.source_named and article.source.strip():
        keys.append("name:" + " ".join(article.source.casefold().split()))
    return tuple(keys)


def source_groups(annotations: Sequence[Annotation], links: Sequence[ProvenanceLink]) -> dict[str, str]:
    """:func:`independent_groups` of a story's articles, their outlets read from their URLs
    and named sources."""
    return independent_groups([a.article.id for a in annotations], links,
                              {a.article.id: outlet_keys(a.article) for a in annotations})
