"""A speaker saying one sentence twice in a row, for emphasis: one remark, so one fact."""

from __future__ import annotations

from typing import Any

#: Adverbs that make a repeated sentence tell something more: a second time, a denial, a
#: change ("Orsk closed the mill. Orsk closed the mill again."): never mere emphasis.
_TELLING_ADVERBS = frozenset({"again", "not", "n't", "never", "no", "also", "too", "still", "now", "then",
                              "only", "once", "twice", "longer", "already", "soon", "later"})
#: Words of the shorter sentence the repeat must hold at least: "I'm there" twice is
#: too little to tell a repeat from two short answers.
MIN_REPEATED_WORDS = 3


def _words(sentence: Any) -> list[Any]:
    return [t for t in sentence if not (t.is_punct or t.is_space or t.is_quote)]


def _emphasis(token: Any, beside: set[str]) -> bool:
    """Whether a word a repeat adds only stresses what is said: the word beside it said
    again ("very, very"), an adverb that tells nothing new ("just", "really"), or a
    conjunction or interjection opening it ("And", "Oh")."""
    word = token.lower_
    if word in _TELLING_ADVERBS or token.dep_ == "neg":
        return False
    return word in beside or token.pos_ in ("ADV", "CCONJ", "INTJ")


def repeats(first: Any, second: Any) -> bool:
    """Whether one parsed sentence says another again, adding or dropping only words of
    emphasis (:func:`_emphasis`): "We need strong leaders. We need very, very strong
    leaders." or "And I'm just not ready. I'm not ready." A speaker's repetition in one
    quotation is one remark: two outlets quoting both sentences corroborate it once, not
    as two facts a reader would take for duplicates. Figures, names and negations must
    match word for word (the added words may not be any of them)."""
    a, b = _words(first), _words(second)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len({t.lower_ for t in shorter}) < MIN_REPEATED_WORDS:
        return False
    added = []
    rest = iter(shorter)
    wanted = next(rest, None)
    for k, token in enumerate(longer):  # the shorter must run through the longer in order
        if wanted is not None and token.lower_ == wanted.lower_:
            wanted = next(rest, None)
        else:
            added.append(k)
    return wanted is None and all(_emphasis(longer[k], _beside(longer, k)) for k in added)


def _beside(words: list[Any], k: int) -> set[str]:
    """The words either side of word ``k``, lower-cased."""
    return {words[n].lower_ for n in (k - 1, k + 1) if 0 <= n < len(words)}
