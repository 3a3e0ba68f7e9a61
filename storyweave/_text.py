"""Private text helpers shared by ingest, clean, extract and the analysis JSON: ids,
decoding, dates, datelines, whitespace.

Not a stable API.
"""

from __future__ import annotations

import codecs
import email.utils
import hashlib
import re
import unicodedata
from datetime import date, datetime
from typing import Callable
from urllib.parse import urlsplit

#: Share of characters that may be control characters in text decoded with the
#: Windows-1252 fallback before the bytes count as binary. Real Latin-1/Windows-1252
#: articles have none; random binary decodes to about 12 % controls.
MAX_CONTROL_SHARE = 0.001
#: Share of non-ASCII characters allowed in Windows-1252 fallback text. Western European
#: prose stays well under 10 %; binary data decoded this way is about 50 % non-ASCII.
MAX_NON_ASCII_SHARE = 0.3
#: Share of letters among the non-space characters that makes a decoding look like prose.
MIN_LETTER_SHARE = 0.5
#: A dateline opening a paragraph: a place in capitals, perhaps its state, a day and an
#: agency, then a dash ("LOS ANGELES, Feb. 2 (UPI) —", "RENO, Nev. (AP) --", "DES MOINES -
#: "); a short place alone ("NATO —") may be a subject, and no place opens with "A" ("A
#: FIRE - BOMB attack" is a lead in capitals).
DATELINE = re.compile(r"(?!A )(?:[A-Z][A-Z .'-]{2,}(?=,|\s*\()|[A-Z][A-Z .'-]{3,}[A-Z])(?:,\s*[A-Z][\w.]*\.?)*"
                      r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Za-z ]+\))?(?:\s*(?:—|–|―|--)|\s-(?=\s))\s*")

_PARAGRAPH_START = re.compile(r"^[ \t]*", re.M)


def datelines(text: str) -> list[tuple[int, int]]:
    """The character spans of the datelines opening paragraphs of ``text``, each with the
    spaces after its dash."""
    spans = []
    for start in _PARAGRAPH_START.finditer(text):
        found = DATELINE.match(text, start.end())
        if found:
            spans.append((found.start(), found.end()))
    return spans


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WS = re.compile(r"\s+")
_HSPACE = re.compile(r"[^\S\n]+")


class DecodeError(ValueError):
    """Bytes that are not text; ``str(exc)`` is the one-line reason for the user."""


def names_together(names: list[str]) -> str:
    """Names as a reader writes a joint subject: "A", "A and B", "A, B and C"."""
    return names[-1] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def article_id(title: str, text: str) -> str:
    """Return the stable id of an article: 16 hex chars of sha256 of its normalised text.

    The text is NFKC-normalised, whitespace-collapsed and lowercased, so the same article
    read from a file, an HTML page or a JSONL line with different spacing gets one id.
    """
    return hashlib.sha256(normalise_key(title + "\n" + text).encode("utf-8")).hexdigest()[:16]


def normalise_key(text: str) -> str:
    """Return ``text`` NFKC-normalised, whitespace collapsed, lowercased: for comparisons."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


#: Why bytes are no article: what a binary file, or one saved with a text name, is told.
NOT_TEXT = "not text (binary data); pass .txt, .html or .jsonl files"


def decode(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then strict UTF-8; then
    Windows-1252 (a superset of Latin-1's printable range, with Latin-1 for the five
    bytes it leaves undefined), accepted only when the result looks like prose.

    Args:
        data: the raw bytes.

    Returns:
        The text (line endings normalised to ``\\n``) and the encoding used.

    Raises:
        DecodeError: the bytes are binary or in an encoding that cannot be told.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (byte {exc.start}); re-save it as UTF-8"
                ) from exc
    if b"\x00" in data[:8192]:
        # NUL bytes never occur in UTF-8 or 8-bit text; UTF-16 without a BOM is too rare
        # to guess at, and guessing wrong would turn a binary file into nonsense.
        raise DecodeError(NOT_TEXT)
    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text = codecs.charmap_decode(data, "strict", _WINDOWS_1252)[0]
    if not looks_like_text(text):
        raise DecodeError(NOT_TEXT)
    return _newlines(text), "cp1252"


def _windows_1252_table() -> str:
    # Windows-1252 leaves five bytes undefined; map them as Latin-1 does so that any byte
    # decodes (they become control characters, which looks_like_text then counts).
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


_WINDOWS_1252 = _windows_1252_table()


def looks_binary(text: str) -> bool:
    """Tell whether decoded ``text`` is decoded binary: too many control characters, or
    too many characters beyond ASCII (what the bytes of an image become)."""
    if not text:
        return False
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    if controls / len(text) > MAX_CONTROL_SHARE:
        return True
    return sum(1 for ch in text if ord(ch) > 127) / len(text) > MAX_NON_ASCII_SHARE


def looks_like_text(text: str) -> bool:
    """Tell whether decoded ``text`` reads like prose rather than decoded binary."""
    if not text or looks_binary(text):
        return False
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return True
    return sum(1 for ch in visible if ch.isalpha()) / len(visible) >= MIN_LETTER_SHARE


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def plain_characters(text: str) -> str:
    """Return ``text`` with no-break spaces made spaces and a horizontal bar ("WASHINGTON ―
    The …", as some outlets set a dateline) the em dash it stands for: the parser knows no
    horizontal bar and reads it as a verb. One character for one, so offsets into ``text``
    hold (the corpus benchmarks read spans back from them)."""
    return text.replace("\xa0", " ").replace("\u2015", "\u2014")


def tidy_line(line: str) -> str:
    """Return ``line`` with its characters made plain and runs of spaces and tabs one space."""
    return _HSPACE.sub(" ", plain_characters(line)).strip()


_YEAR_MONTH = re.compile(r"^\d{4}(-\d{2})?$")


#: Years before this are no publication dates but a system's empty value ("0001-01-01",
#: Go's zero time, which content systems print as datePublished).
MIN_NEWS_YEAR = 1800
#: Years after this are no publication dates either, but a system's "no end" ("9999-12-31").
MAX_NEWS_YEAR = 2200
#: The Unix clock's zero written as a time: a null stored as a number.
_UNIX_ZERO = re.compile(r"^1970-01-01[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$")


def placeholder_date(value: str) -> bool:
    """Whether ``value`` is an empty date a system wrote out: a year before
    :data:`MIN_NEWS_YEAR` or after :data:`MAX_NEWS_YEAR`, or the Unix clock's zero with a
    time ("1970-01-01T00:00:00Z")."""
    value = value.strip()
    # ISO 8601's year first, or RFC 2822's after the day and month ("Mon, 01 Jan 0001 …",
    # which email.utils would read as 2001)
    year = re.match(r"^(\d{4})-\d{2}", value) or re.search(r"\b\d{1,2} [A-Za-z]{3} (\d{4})\b", value)
    return bool(year and not MIN_NEWS_YEAR <= int(year.group(1)) <= MAX_NEWS_YEAR or _UNIX_ZERO.match(value))


def normalise_date(value: str) -> str | None:
    """Return ``value`` as ISO 8601, as precise as given, or None when it is not a date or
    is a placeholder (:func:`placeholder_date`).

    Accepts ISO 8601 (``2026-03-03``, ``2026-03-03T10:00:00Z``, ``2026-03``) and RFC 2822
    (``Tue, 03 Mar 2026 10:00:00 +0000``).
    """
    value = value.strip()
    if not value or placeholder_date(value):
        return None
    if _YEAR_MONTH.match(value):
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    elif len(value) == 10:  # a date with no time: keep it a date, not midnight
        return parsed.date().isoformat()
    if not MIN_NEWS_YEAR <= parsed.year <= MAX_NEWS_YEAR:  # an RFC 2822 placeholder ("Mon, 01 Jan 0001 …")
        return None
    return parsed.isoformat()


#: A weekday, written out or cut short ("Saturday", "Sat.", "Thurs").
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
#: A weekday before a written date ("Saturday, 3 December 2016") and a clock time after it
#: ("Dec. 3, 2016 10:00 AM EST", "… at 10:00"): the day is what a publication date needs.
_WRITTEN_WEEKDAY = re.compile(rf"^{_WEEKDAY},?\s+", re.I)
_WRITTEN_TIME = re.compile(r"(?:,|\s)\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*$", re.I)
_WRITTEN_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%d %b, %Y", "%d %B, %Y")


def written_date(value: str) -> str | None:
    """A date written out with its day, month and year ("Dec. 3, 2016", "Saturday, 3 December
    2016 10:00 GMT", "December 3, 2016 at 10:00 AM") as ISO 8601 ("2016-12-03"), or None."""
    text = _WRITTEN_TIME.sub("", _WRITTEN_WEEKDAY.sub("", value.strip()))
    text = re.sub(r"(?<=[A-Za-z])\.", "", text)  # "Dec." is "Dec"
    text = re.sub(r"\b(Sept)\b", "Sep", text, flags=re.I)
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)  # "3rd December"
    for fmt in _WRITTEN_FORMATS:
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return day.isoformat() if MIN_NEWS_YEAR <= day.year <= MAX_NEWS_YEAR else None
    return None


#: Words a dateline may carry besides its date and time ("Published: 18 June 2024 | 10:30").
DATELINE_WORDS = frozenset("published posted updated last modified first on at article date time am pm".split())
#: A dateline is short; a longer line with a date in it is a sentence or a headline.
DATELINE_MAX_CHARS = 60
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
#: A day written with its month's name and its year, perhaps after a weekday ("Saturday,
#: August 24, 2013", "MON 22 JUL 2013", "the 18th of September 2013"): what
#: :func:`written_date` reads once "the" and "of" are gone.
_WRITTEN_DAY = re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?"
                          rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+\d{{4}}\b", re.I)
#: An ISO 8601 day, perhaps with a time and a zone ("2024-06-18T15:00Z"): what
#: :func:`normalise_date` reads.
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:+-])")
#: A day in figures, month and day in either order ("11/19/2019").
_FIGURES_DAY = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
#: How long ago a page was updated, printed after its stamp ("… 9:08 GMT 1 day ago").
_AGO = re.compile(r"(?<!\d)\d+\s*(?:second|minute|hour|day|week)s?\s+ago\b", re.I)
_WEEKDAY_WORD = re.compile(rf"{_WEEKDAY}$", re.I)


def dateline_day(line: str) -> date | None:
    """The day of a line that holds nothing but a date (and perhaps a time): the dateline
    a page prints above or below its headline ("Saturday, August 24, 2013", "Published:
    18 June 2024 | 10:30 BST", "2024-06-18T15:00Z"). None for any other line, and for a
    date without its day, month and year ("APR 28", "11 / 09 / 2010": which is the month?)
    or with a system's empty value ("0001-01-01T00:00:00Z"). Of two dates ("Published …
    Updated …") the first is the day.
    """
    if len(line) > DATELINE_MAX_CHARS:
        return None
    days = sorted(((m.span(), read(m)) for pattern, read in _DAY_READERS for m in pattern.finditer(line)),
                  key=lambda found: found[0])
    if not days:
        return None
    rest = line
    for (start, end), _ in reversed(days):
        rest = rest[:start] + " " + rest[end:]
    if not _only_dateline_words(_AGO.sub(" ", rest)):
        return None
    return next((day for _, day in days if day), None)


#: What ends the sentence before a page stamp glued after the last one ("… on Monday. Posted
#: April 12, 2007"), or the line before a stamp on a line of its own.
_LAST_SENTENCE_END = re.compile(r"(?:[.!?…][\"”’')]*\s+|\n)(?=\S)")


def trailing_stamp_day(text: str) -> date | None:
    """The day of a page's date stamp after its last sentence, alone on a line or glued on
    ("… said on Monday. Posted April 12, 2007 at 4:45 pm"); None when the text ends on none.
    Read by extraction's page stamp and by grouping alike."""
    tail = text.rstrip()[-DATELINE_MAX_CHARS - 2:]
    ends = list(_LAST_SENTENCE_END.finditer(tail))
    return dateline_day(tail[ends[-1].end():]) if ends else None


def _iso_day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None


def _figures_day(m: re.Match[str]) -> date | None:
    """The day of "11/19/2019" or "19/11/2019"; None when either figure could be the month."""
    first, second, year = (int(g) for g in m.groups())
    if (first <= 12) == (second <= 12):
        return None
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if MIN_NEWS_YEAR <= year <= MAX_NEWS_YEAR else None


def _written_day(m: re.Match[str]) -> date | None:
    # "the 18th of September 2013" is "18th September 2013" to the written-date reader
    return _iso_day(written_date(re.sub(r"(?i)\b(?:the|of)\s+", "", m.group())))


_DAY_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], date | None]], ...] = (
    (_WRITTEN_DAY, _written_day),
    (_ISO_DAY, lambda m: _iso_day(normalise_date(m.group()))),
    (_FIGURES_DAY, _figures_day),
)


def _only_dateline_words(text: str) -> bool:
    """Whether what a line holds besides its date is punctuation, numbers (a time), time
    zones ("BST", "EDT") and dateline words ("Last updated at", "a.m.", "Today,")."""
    return all(w.lower() in DATELINE_WORDS or w.lower() in ("today", "a", "p", "m") or (w.isupper() and len(w) <= 4)
               or _WEEKDAY_WORD.match(w) for w in re.findall(r"[^\W\d_]+", text))


def outlet_host(url: str | None) -> str | None:
    """The site an article's URL is on ("https://www.usatoday.com/…" → "usatoday.com"), or None."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


#: A headline part needs this many words to stand on its own.
PART_MIN_WORDS = 4
# Where a long headline joins a teaser or a deck to a plain summary: a spaced dash or bar,
# a semicolon, or an ellipsis (which stays with the teaser before it).
_PART_BREAK = re.compile(r"\s+[-–—|]\s+|\s*;\s+|(?<=\.\.\.)\s+|(?<=…)\s+")


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def letter_words(text: str) -> list[str]:
    """The words of ``text`` that open with a letter (numbers aside)."""
    return _LETTER_WORD.findall(text)


def capitalised(text: str) -> list[bool]:
    """For each word of ``text`` (numbers aside), whether it opens with a capital: how
    headlines, titles and subheadings are told from sentences."""
    return [w[0].isupper() for w in letter_words(text)]

#: Words a sentence writes in small letters and a headline capitalises ("Takes A Closer
#: Look At The Candidates").
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for by with from as into".split())


def title_case(text: str) -> bool:
    """Whether a line is written as a headline: nearly every word capitalised, small words
    inside it too ("The Daily Show Takes A Closer Look At The GOP Candidates"). A related
    article's headline left in the body states nothing of this story."""
    words = letter_words(text)
    if len(words) < 4:
        return False
    inside = words[1:]
    small = [w for w in inside if w.lower() in TITLE_SMALL_WORDS]
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words) and len(small) >= 2 and all(w[0].isupper() for w in small)


def headline_parts(text: str, min_words: int = PART_MIN_WORDS) -> list[str]:
    """The parts of a headline that joins a teaser or a deck to a summary ("Now America will
    lose its sleep... Putin and Kim joined hands - Russian President … inked security pact"),
    each with at least ``min_words`` words; none when it has one part only."""
    parts = [p.strip() for p in _PART_BREAK.split(text) if len(p.split()) >= min_words]
    return parts if len(parts) > 1 else []


#: Words of every English text; a text of other words is in another language.
_ENGLISH_WORDS = frozenset("the of and to a in is that for it was on with as he she by at from his her are be "
                           "have has had said not they this which but were their an will would who".split())
#: Share of :data:`_ENGLISH_WORDS` under which a text of :data:`_LANGUAGE_MIN_WORDS` words or
#: more is not English: 13 % and up in PolNeAR's English articles (tweets and all), 23 % in
#: the middle English page of trafilatura-eval, at most 7.5 % in its German, French,
#: Spanish and Italian pages.
_ENGLISH_SHARE = 0.10
_LANGUAGE_MIN_WORDS = 40


def not_english(language: str | None, text: str) -> str | None:
    """Why an article is not read as English ("the page says it is in German (de)", "its
    words are not English"), or None. storyweave's models read English only."""
    code = (language or "en").lower().split("-")[0]
    if code != "en":
        return f"the page says it is in {_LANGUAGE_NAMES.get(code, code)}" + (f" ({code})" if code in _LANGUAGE_NAMES else "")
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) >= _LANGUAGE_MIN_WORDS and sum(w in _ENGLISH_WORDS for w in words) < _ENGLISH_SHARE * len(words):
        return "its words are not English"
    return None


_LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
                   "ru": "Russian", "zh": "Chinese", "ja": "Japanese", "ar": "Arabic", "pl": "Polish", "sv": "Swedish",
                   "tr": "Turkish", "uk": "Ukrainian", "ko": "Korean", "hi": "Hindi"}
