"""Resource limits that keep one hostile input from stalling or exhausting a run.

Every article storyweave reads is untrusted, so every input is read against a bound:
characters per article (``Options.max_article_chars``), bytes per JSONL line, items per
feed, and wall-clock time per network request. The limits are named here, with the
reason for each value; docs/security.md lists them with the tests that prove them.
"""

from __future__ import annotations

#: Items read from one feed. News feeds carry tens of items, rarely a few hundred; a feed
#: listing thousands is a mistake or an attack that would have storyweave fetch every
#: link. The items past this are reported as one failure naming the feed.
MAX_FEED_ITEMS = 1000

#: A request's whole exchange (connect, headers, body) may take this many times the
#: per-read timeout. The read timeout alone does not end a server that sends one byte
#: just inside every timeout; this deadline does.
TOTAL_TIMEOUT_FACTOR = 4

#: Bytes of UTF-8 a character takes at most: a JSONL line or file longer than
#: ``max_article_chars * BYTES_PER_CHAR`` bytes cannot hold an article under the limit,
#: so it is refused without being read into memory.
BYTES_PER_CHAR = 4


def total_timeout(timeout: float) -> float:
    """The wall-clock deadline, in seconds, of one request whose per-read timeout is ``timeout``."""
    return timeout * TOTAL_TIMEOUT_FACTOR


def max_input_bytes(max_article_chars: int) -> int:
    """The most bytes read of one file, stdin or JSONL line for a character limit."""
    return max_article_chars * BYTES_PER_CHAR
