"""How common a grouping term is in writing at large, for IDF before a corpus has any.

Story grouping weighs terms by inverse document frequency. Counted over what storyweave
has read so far, the frequencies mean little while it has read little: a folder of
twenty articles about one piracy case holds "pirates" and "navy" in nearly every
article, so those words weigh almost nothing, the few words left decide, and one event
breaks into many stories. Each term therefore also gets a *background* share of
documents, estimated from its frequency in English at large (wordfreq's small English
list, about 29,000 words), which counts as :data:`storyweave.group.settings.BACKGROUND_DOCUMENTS`
documents read before the first article; the corpus's own counts take over as it grows.
"""

from __future__ import annotations

import math
from functools import lru_cache

#: Frequency given to a word the list does not hold (it keeps words of frequency
#: >= 1e-6): rare, like most names.
UNLISTED_FREQUENCY = 1e-7
#: Words in a typical news article: a word of frequency f is in about
#: 1 - exp(-ARTICLE_WORDS * f) of all articles.
ARTICLE_WORDS = 400


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    # Imported here: wordfreq and its list load in 0.2 s, paid only by commands that group.
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "small")


def word_frequency(word: str) -> float:
    """How often a lower-case word occurs in English at large (0 for words the list does
    not hold, most names among them)."""
    return _frequencies().get(word, 0.0)


def background_share(term: str) -> float:
    """The share of news articles expected to hold ``term`` (a grouping term: a word, or
    "@" and a name, a multi-word name or a year)."""
    frequencies = _frequencies()
    # A phrase is as rare as its words together allow (wordfreq's own rule for phrases):
    # 1/f = sum of 1/f_i.
    inverse = sum(1.0 / frequencies.get(word, UNLISTED_FREQUENCY) for word in term.lstrip("@").split())
    if not inverse:
        return 0.0
    return -math.expm1(-ARTICLE_WORDS / inverse)
