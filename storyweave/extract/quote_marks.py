"""Quotation marks in the raw text: where quoted passages open and close (curly,
straight and typewriter marks, apostrophes, quotes running over paragraphs), and the word
count the finder measures passages by. Works on characters, not on the parse."""

from __future__ import annotations

import re

from .attribution_words import OPENERS, MIXED_CLOSERS


#: Two digits of a year after an apostrophe ("’08", "the ‘90s").
_ELIDED_YEAR = re.compile(r"\d\d(?!\d)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the content inside quotation marks (marks excluded)."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = None
        width = 1
        if text.startswith("''", i) or text.startswith("``", i):
            # Typewriter quotes of news archives: ''Like this,'' he said (or ``like this'').
            close, width = "''", 2
        elif ch in OPENERS:
            close = OPENERS[ch]
        elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()) and not _ELIDED_YEAR.match(text, i + 1):
            # ("said in ‘08 that …": a year cut short, written with the wrong mark)
            close = "’"
        if close is None:
            i += 1
            continue
        end = i + width
        paragraph_end = text.find("\n", i)
        limit = n if paragraph_end < 0 else paragraph_end
        found = _closing_mark(text, end, limit, close)
        if found < 0:
            at_paragraph_start = i == 0 or text[i - 1] == "\n"
            if not ((at_paragraph_start or _quote_goes_on(text, limit)) and close in ("”", '"', "''") and limit - i > 20):
                i += width
                continue
            # A quote running over several paragraphs reopens each one and closes only at
            # its end: this paragraph is quoted to its end.
            found = limit
            while found > i + 1 and text[found - 1] in " \t":
                found -= 1
        start, stop = i + width, found
        while stop > start and text[stop - 1] in " ,":
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        i = found + (len(close) if found < limit else 1)
    return spans


def _closing_mark(text: str, start: int, limit: int, close: str) -> int:
    """Where the mark ``close`` (or its curly or straight twin) first closes a quote
    between ``start`` and ``limit``; -1 when none does. A "’" followed by a letter is an
    apostrophe ("don’t")."""
    closers = (close, MIXED_CLOSERS[close]) if close in MIXED_CLOSERS else (close,)
    for end in range(start, limit):
        if text.startswith(closers, end) and (close != "’" or end + 1 >= len(text) or not text[end + 1].isalpha()):
            return end
        if close == "”" and text[end] == "“" and end > start and text[end - 1] in ",.?!" \
                and (end + 1 >= len(text) or text[end + 1].isspace()):
            return end  # "“It's unusual,“ said …": an opening mark typed where the closing one goes
    return -1


def _quote_goes_on(text: str, paragraph_end: int) -> bool:
    """Whether the paragraph after ``paragraph_end`` opens with a quotation mark: a quote
    that runs on into the next paragraph is not closed in this one (“A,” she said. “B.⏎“C.”),
    whether it opened the paragraph or not."""
    rest = text[paragraph_end:].lstrip()
    # news archives reopen it with typewriter marks too (''A.⏎''B.'')
    return paragraph_end < len(text) and (rest[:1] in ("“", '"') or rest.startswith(("''", "``")))


def _past_closing_mark(text: str, i: int) -> int:
    """``i`` moved past a closing quotation mark that starts there (two apostrophes too)."""
    if text.startswith("''", i):
        return i + 2
    return i + 1 if i < len(text) and text[i] in "”\"’»" else i


def _opening_mark_width(text: str, start: int) -> int:
    """The width of a quotation mark that opens just before ``start`` (0 when none)."""
    if text[max(0, start - 2) : start] in ("''", "``"):
        return 2
    return 1 if start > 0 and (text[start - 1] in OPENERS or text[start - 1] == "‘") else 0


def _words(text: str) -> int:
    """How many words a text has (the finder's measure of a passage)."""
    return len(re.findall(r"\w+", text))
