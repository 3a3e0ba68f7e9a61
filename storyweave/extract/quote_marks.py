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
        at_paragraph_start = i == 0 or text[i - 1] == "\n"
        run = _closed_paragraphs_later(text, limit, close) if found < 0 and at_paragraph_start else None
        if run:
            # A quote over several paragraphs typed with one opening and one closing mark.
            spans.extend(_trimmed(text, start, stop) for start, stop in [(i + width, limit), *run])
            i = run[-1][1] + 1
            continue
        if found < 0:
            if not ((at_paragraph_start or _quote_goes_on(text, limit)) and close in ("”", '"', "''") and limit - i > 20):
                i += width
                continue
            # A quote running over several paragraphs reopens each one and closes only at
            # its end: this paragraph is quoted to its end.
            found = limit
            while found > i + 1 and text[found - 1] in " \t":
                found -= 1
        spans.append(_trimmed(text, i + width, found))
        i = found + (len(close) if found < limit else 1)
    return [span for span in spans if span[1] > span[0]]


#: Paragraphs a quote typed with only one opening and one closing mark runs over at most,
#: the one it opens in left out.
MAX_UNMARKED_PARAGRAPHS = 3
#: Any quotation mark.
_ANY_MARK = re.compile(r"[“”„«»\"]|''|``")


def _closed_paragraphs_later(text: str, paragraph_end: int, close: str) -> list[tuple[int, int]]:
    """The paragraphs a quote left open at the end of its paragraph runs on over, when a
    later one closes it with no mark of its own before (“He is 16.⏎Why would he run?⏎He
    knows better.”): each paragraph's span, the last one's up to its closing mark; empty when
    none closes it so within :data:`MAX_UNMARKED_PARAGRAPHS`, or another mark comes first."""
    if close not in ("”", '"'):
        return []
    closers = (close, MIXED_CLOSERS[close])
    run: list[tuple[int, int]] = []
    end = paragraph_end
    while len(run) < MAX_UNMARKED_PARAGRAPHS and end < len(text):
        start = end + len(text[end:]) - len(text[end:].lstrip())
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        paragraph = text[start:end].rstrip()
        marks = list(_ANY_MARK.finditer(paragraph))
        if not marks:
            run.append((start, end))
            continue
        last = marks[0]
        if len(marks) == 1 and last.group() in closers and last.end() == len(paragraph) and last.start() > 0:
            return [*run, (start, start + last.start())]
        return []
    return []


def _trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    """A quoted span without the spaces and comma before its closing mark."""
    while stop > start and text[stop - 1] in " ,\t":
        stop -= 1
    return start, stop


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
        if close == "”" and text[end] == "“" and text[end - 2 : end] in (", ", ". ") and end - 2 > start \
                and (text[end + 1 : end + 2].islower() or close not in text[end + 1 : limit]):
            # "“… an hour, “the firm said", "“…, “testified Varga": the mark typed after the
            # space, before words in small letters (no quotation opens so), or none closes later
            return end
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
