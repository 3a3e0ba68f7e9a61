"""Clean: keep the article body, cut the site furniture, and say what was cut and why.

Reads an :class:`~storyweave.model.Article` from ingest (``title``, ``text``, ``raw_html``);
returns a new one whose ``text`` is the body only, whose ``title`` is the headline alone,
and whose ``removed`` lists every piece cut, each with a reason a reader understands.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata

from storyweave import _html, _junk, extractors
from storyweave._text import capitalised, dateline_day, headline_parts, normalise_key, tidy_line
from storyweave.model import Article, Removed
from storyweave.options import Options

logger = logging.getLogger("storyweave")

OUTSIDE_MAIN = "outside the main content (trafilatura)"
OUTSIDE_BASELINE = "outside the page's paragraphs (baseline: the main-content extractor found nothing)"
SECTION_LABEL = "section label"
DATELINE = "dateline (read as the publication date)"
UPDATE_STAMP = "time of a later update (not the publication date)"
#: A dateline that stamps an edit ("Last updated at 11:24, Tuesday, 18 June 2013") may be
#: days after the article appeared; its "on Saturday" and "yesterday" were written earlier
#: and counted from that day, another outlet's "Saturday" would seem a week apart.
_UPDATE_WORDS = re.compile(r"\b(?:updated|modified|amended|edited|revised)\b", re.I)
MEDIA_TAG = "media tag in title"
SITE_NAME = "site name in title"
TITLE_QUOTE = "unbalanced quote mark in title"
TITLE_REPEATED = "headline repeated in the body"
#: Why an input whose cleaning left no body is reported (by every reader of inputs).
NOTHING_LEFT = "no article text left after removing page junk; check that it holds an article"

#: A section label is one or two capitalised words ("World", "US Politics").
_LABEL = re.compile(r"[A-Z][\w&'’.-]*(?: (?:[A-Z&][\w&'’.-]*))?")
_LABEL_CHARS = 30
#: The line after a label must read like a headline: a few words, not a paragraph.
_HEADLINE_MIN_WORDS = 3
_HEADLINE_MAX_CHARS = 200
_MEDIA_TAG = re.compile(
    r"\s*[\(\[]\s*(?:videos?|photos?|pics|pictures|in pictures|watch|listen|audio|gallery|"
    r"photo gallery|podcast|infographic|graphic content)\s*[\)\]]\s*",
    re.IGNORECASE,
)
_MEDIA_PREFIX = re.compile(
    r"^(?:watch|video|photos|listen|in pictures|breaking(?: news)?|exclusive|just in|revealed|shocking|"
    r"must see|must watch|you won'?t believe|update[ds]?|live)\s*[:|!–—-]\s+",
    re.IGNORECASE,
)
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("«", "»"), ("‹", "›"), ("„", "“"), ('"', '"'), ("'", "'"))
#: Hard-wrapped text: most lines this long and none longer (e-mail style, 72-80 columns).
_WRAP_MIN, _WRAP_MAX, _WRAP_SHARE, _WRAP_MIN_LINES = 40, 100, 0.8, 4


def clean(article: Article, options: Options | None = None) -> Article:
    """Return ``article`` with its body alone in ``text`` and every cut piece in ``removed``.

    The cascade, step by step:

    1. HTML (``raw_html`` set): the extractor cascade of :mod:`storyweave.extractors`
       (trafilatura first; comments off, tables on, one paragraph a line) keeps the main
       content. Every text block of the page missing from its output is recorded as
       "outside the main content (trafilatura)"; short teasers and promotions that
       trafilatura's precision mode leaves out are recorded as "teaser or promotion".
       If trafilatura finds nothing, the baseline keeps every ``<p>`` of the page and the
       reason says so; if the page has no ``<p>`` either, ingest's rough text is used.
       Plain text: the body as read, line by line. Either way mojibake is undone first
       ("PeÃ±a" → "Peña", ftfy's encoding repair only).
    2. Plain text only: a first line of one or two capitalised words ("World") followed
       by a headline-like line is a section label; the next line becomes the title. A
       line holding only a date ("Saturday, August 24, 2013"), above or just below the
       headline, is the dateline: it leaves the title and the body and, when the article
       has no publication time, gives its publication day (which "yesterday" and "on
       Wednesday" are then resolved against). A dateline of an update ("Last updated at
       11:24, Tuesday, 18 June 2013") is cut too but gives no day.
    3. The title loses media tags ("(VIDEO)", "[WATCH]"), a trailing " | Site" or
       " - Site" when the site name is known, and unbalanced leading or trailing quote
       marks.
    4. The junk rules run on every line (see :mod:`storyweave._junk`): comment prompts,
       tag lists, post navigation, related-articles rails, embedded social posts (and
       the tweet text just above a "— Name (@handle) Month D, YYYY" credit), share and
       follow prompts, cookie notices, newsletter prompts, advertisement labels. A
       first body line that repeats the headline is cut too. A rule matches whole lines
       only, so a sentence of the article is never cut; doubtful lines stay.
    5. Whitespace: one paragraph a line, paragraphs separated by one blank line, runs of
       spaces made one, no trailing spaces. Hard-wrapped plain text (most lines 40-100
       characters) has its wrapped lines joined back into paragraphs first.

    The id does not change: it names the article as read.

    Args:
        article: an article from :func:`storyweave.ingest.ingest`.
        options: the run's options (none of them changes cleaning today).

    Returns:
        A new :class:`Article`; the input is not changed.
    """
    removed: list[Removed] = list(article.removed)
    title = tidy_line(_repaired(article.title))
    published = article.published
    if article.raw_html is not None:
        paragraphs = [_repaired(p) for p in _main_content(article, removed)]
    else:
        paragraphs = _plain_paragraphs(_repaired(article.text))
        title, paragraphs = _section_label(title, paragraphs, removed)
        title, paragraphs, day = _dateline(title, paragraphs, removed)
        published = published or day
    title = _clean_title(title, article.source, removed)
    paragraphs = _drop_junk(paragraphs, title, removed)
    return dataclasses.replace(
        article, title=_no_controls(title), text=_no_controls("\n\n".join(paragraphs)), published=published,
        removed=tuple(Removed(_no_controls(r.text), r.reason) for r in removed),
    )


#: C0 and C1 control characters other than tab and newline, and DEL. They are never
#: article text, and a terminal obeys them (ESC starts sequences that clear the screen,
#: retitle the window or forge links), so no output may carry them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


#: A UTF-8 lead byte read as Latin-1 or Windows-1252 (Â … ô) before a continuation byte read
#: the same way (Latin-1's NBSP … ¿, or the Windows-1252 signs in 0x80–0x9F: € ‚ ƒ „ … ™ …):
#: mojibake leaves at least one such pair, and most articles none, so ftfy (75 ms to import)
#: is loaded only for the few that have one.
_MOJIBAKE_PAIR = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                            "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _repaired(text: str) -> str:
    """The text with mojibake undone: UTF-8 once decoded as Latin-1 or Windows-1252
    ("PeÃ±a Nieto", "itâ€™s"), as archives and feeds pass it on. Left as it is, one
    outlet's "Peña Nieto" and another's "PeÃ±a Nieto" are two people. ftfy repairs only
    byte sequences that cannot be meant as written (accented words and "£5" stay).

    Letters are composed first (Unicode NFC): an archive that decomposed its text writes
    "é" as "e" and a combining accent, and its mojibake "Ã§" as "A", a combining tilde
    and "§", which neither the pair test nor ftfy's repair knows; composed, the name
    matches the other outlets' and the mojibake is found."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _MOJIBAKE_PAIR.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def _main_content(article: Article, removed: list[Removed]) -> list[str]:
    """Step 1 for HTML: the main content, one paragraph a line; the rest recorded."""
    # Ingest's rough text of an HTML page is its visible text, one rendered line a line.
    blocks = [tidy_line(line) for line in article.text.split("\n") if line.strip()]
    found = extractors.extract_main(article.raw_html or "", blocks, location=article.location)
    kept = list(found.paragraphs)
    if not kept:
        return blocks
    reason = OUTSIDE_BASELINE if found.method == extractors.BASELINE else f"outside the main content ({found.method})"
    removed.extend(Removed(line, extractors.TRIMMED) for line in found.trimmed)
    _record_outside(blocks, kept, article.title, reason, removed, accounted=found.trimmed)
    return kept


def _record_outside(
    blocks: list[str], kept: list[str], title: str, reason: str, removed: list[Removed],
    accounted: tuple[str, ...] = (),
) -> None:
    kept_lines = {normalise_key(line) for line in kept}
    kept_all = normalise_key(" ".join(kept))
    title_key = normalise_key(title)
    # Lines already recorded with a reason of their own are not recorded twice.
    seen: set[str] = {normalise_key(line) for line in accounted}
    for block in blocks:
        key = normalise_key(block)
        if key in kept_lines or key == title_key or key in seen:
            continue
        # A long block found inside a kept paragraph is part of it (inline markup split it).
        if len(key) >= 40 and key in kept_all:
            continue
        seen.add(key)
        removed.append(Removed(block, reason))


def _plain_paragraphs(text: str) -> list[str]:
    """Step 1 and 5 for plain text: one paragraph a line, hard wrapping undone."""
    lines = [tidy_line(line) for line in text.split("\n")]
    if not _hard_wrapped(lines):
        return [line for line in lines if line]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        # A junk line stays a line of its own so that step 4 can still cut it whole.
        if not line or _junk.junk_reason(line):
            if current:
                paragraphs.append(" ".join(current))
            current = []
            if line:
                paragraphs.append(line)
        else:
            current.append(line)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Tell whether paragraphs were wrapped at a fixed width (e-mail, wire copy)."""
    filled = [line for line in lines if line]
    if not filled or max(map(len, filled)) > _WRAP_MAX:
        return False
    # The last line of a paragraph is short in any case; judge the lines that continue.
    continued = [line for line, nxt in zip(lines, lines[1:] + [""]) if line and nxt]
    if len(continued) < _WRAP_MIN_LINES:
        return False
    return sum(1 for line in continued if len(line) >= _WRAP_MIN) / len(continued) >= _WRAP_SHARE


def _section_label(
    title: str, paragraphs: list[str], removed: list[Removed]
) -> tuple[str, list[str]]:
    """Step 2: "World" above the headline is the site's section, not the title."""
    if not paragraphs or len(title) > _LABEL_CHARS or not _LABEL.fullmatch(title):
        return title, paragraphs
    if any(ch.isdigit() for ch in title):
        return title, paragraphs
    if not _looks_like_headline(paragraphs[0]):
        return title, paragraphs
    removed.append(Removed(title, SECTION_LABEL))
    return paragraphs[0], paragraphs[1:]


def _looks_like_headline(line: str) -> bool:
    """A few words, not a paragraph, and no junk."""
    return (
        len(line.split()) >= _HEADLINE_MIN_WORDS
        and len(line) <= _HEADLINE_MAX_CHARS
        and (not line.endswith((".", ",", ";", ":")) or line.endswith(("...", "…")))
        and _junk.junk_reason(line) is None
    )


def _dateline(
    title: str, paragraphs: list[str], removed: list[Removed]
) -> tuple[str, list[str], str | None]:
    """Step 2: a date on a line of its own, above the headline or just below it, is the
    page's dateline; returns the title, the paragraphs and the dateline's day (ISO)."""
    day = None
    above = dateline_day(title)
    # Only with a body below the headline: a page that is a date and a headline has no
    # article to read either way, and keeps its date as the title.
    if above and len(paragraphs) > 1 and _looks_like_headline(paragraphs[0]):
        updated = bool(_UPDATE_WORDS.search(title))
        removed.append(Removed(title, UPDATE_STAMP if updated else DATELINE))
        title, paragraphs, day = paragraphs[0], paragraphs[1:], None if updated else above
    below = dateline_day(paragraphs[0]) if paragraphs else None
    if below and len(paragraphs) > 1:
        updated = bool(_UPDATE_WORDS.search(paragraphs[0]))
        removed.append(Removed(paragraphs[0], UPDATE_STAMP if updated else DATELINE))
        paragraphs, day = paragraphs[1:], day or (None if updated else below)
    return title, paragraphs, day.isoformat() if day else None


def _title_parts(title: str) -> set[str]:
    """The headline and, when it joins a headline and a deck ("Trump questions the
    moderators; Talk compared to 'working the referees'"), each of its parts: a first body
    line that repeats one of them is the page's deck, not the story."""
    return {normalise_key(p).rstrip(".;:, ") for p in [title, *headline_parts(title, min_words=1)]}


def _clean_title(title: str, site: str, removed: list[Removed]) -> str:
    """Step 3: the headline alone, without media tags, site name or stray quote marks."""
    for match in list(_MEDIA_TAG.finditer(title)) + list(_MEDIA_PREFIX.finditer(title)):
        removed.append(Removed(match.group().strip(), MEDIA_TAG))
    title = _MEDIA_PREFIX.sub("", _MEDIA_TAG.sub(" ", title)).strip()
    title = _strip_site(title, site, removed)
    title = _strip_unbalanced_quotes(title, removed)
    return tidy_line(title)


def _strip_site(title: str, site: str, removed: list[Removed]) -> str:
    site_key = _compact(site)
    if len(site_key) < 3:
        return title
    for sep in _html.TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and _compact(tail) and (
            _compact(tail) == site_key or _compact(tail).startswith(site_key)
            or site_key.startswith(_compact(tail))
        ):
            removed.append(Removed(tail.strip(), SITE_NAME))
            return head.strip()
    return title


def _compact(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _strip_unbalanced_quotes(title: str, removed: list[Removed]) -> str:
    for opener, closer in _QUOTE_PAIRS:
        if title.startswith(opener) and _unbalanced(title, opener, closer):
            removed.append(Removed(opener, TITLE_QUOTE))
            title = title[1:].lstrip()
        if title.endswith(closer) and _unbalanced(title, opener, closer):
            removed.append(Removed(closer, TITLE_QUOTE))
            title = title[:-1].rstrip()
    return title


def _unbalanced(title: str, opener: str, closer: str) -> bool:
    if opener == closer:
        return _quote_marks(title, opener) % 2 == 1
    return _quote_marks(title, opener) != _quote_marks(title, closer)


def _quote_marks(title: str, mark: str) -> int:
    # An apostrophe between letters (Russia’s, don't) is not a quote mark.
    return sum(
        1
        for i, ch in enumerate(title)
        if ch == mark
        and not (0 < i < len(title) - 1 and title[i - 1].isalnum() and title[i + 1].isalnum())
    )


def _headline_like(line: str) -> bool:
    """A short line of three words or more nearly all capitalised ("Rand Paul Scores
    Direct Hit On Donald Trump.")."""
    capitals = capitalised(line)
    return len(line) <= _HEADLINE_MAX_CHARS and len(capitals) >= _HEADLINE_MIN_WORDS and sum(capitals) >= 0.8 * len(capitals)


def _drop_junk(paragraphs: list[str], title: str, removed: list[Removed]) -> list[str]:
    """Step 4: cut whole lines the junk rules recognise; keep everything else."""
    reasons: list[str | None] = [_junk.junk_reason(line) for line in paragraphs]
    for i, line in enumerate(paragraphs):
        # Tweet text sits just above its credit line, often without a link of its own.
        if _junk.is_social_credit(line) and i > 0 and reasons[i - 1] is None:
            if _junk.looks_like_tweet(paragraphs[i - 1]):
                reasons[i - 1] = _junk.SOCIAL
    for i in range(1, len(paragraphs)):
        # The linked headlines a rail heading ("Related:") lists, one a line.
        if reasons[i] is None and reasons[i - 1] == _junk.RAIL and _headline_like(paragraphs[i]):
            reasons[i] = _junk.RAIL
    # The headline, or its parts one line each ("Bleak outlook for the run;" then "Chances
    # are small, according to poll."), opening the body.
    parts = _title_parts(title)
    for i, reason in enumerate(reasons):
        if reason is not None:
            continue
        if normalise_key(paragraphs[i]).rstrip(".;:, ") not in parts:
            break
        reasons[i] = TITLE_REPEATED
    kept: list[str] = []
    for line, reason in zip(paragraphs, reasons):
        if reason is None:
            kept.append(line)
        else:
            removed.append(Removed(line, reason))
    return kept

