"""Words that say the opposite of each other: "held" / "failed", "legal" / "illegal".

Sentence embeddings and the statement judge put "the barrier held overnight" and "the
barrier failed overnight" close together, since every other word is shared. Two outlets
that disagree this way would then corroborate one fact, a "drift" of one word would join
a council's words with residents' opposite claim, and the brief would cite both outlets for
either version. A list of opposite words decides instead, read only on the words in
which two texts differ and only when neither text negates anything. ("did not fail" and
"held" agree. Negation has its own check in :mod:`storyweave.compare`.)

The list is short and written for news: outcomes, votes, verdicts, moves of figures,
permissions, positions taken. Each entry gives a word's forms, its base form first.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Groups of forms that are opposites of each other (each side: its forms, base form first).
_OPPOSITE_FORMS: tuple[tuple[str, str], ...] = (
    ("hold holds held holding", "fail fails failed failing"),
    ("hold holds held holding", "collapse collapses collapsed collapsing"),
    ("succeed succeeds succeeded succeeding", "fail fails failed failing"),
    ("success", "failure"),
    ("pass passes passed passing", "fail fails failed failing"),
    ("pass passes passed passing", "reject rejects rejected rejecting"),
    ("win wins won winning", "lose loses lost losing"),
    ("victory", "defeat"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("rise rises rose risen rising", "drop drops dropped dropping"),
    ("rise rises rose risen rising", "decline declines declined declining"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("increase increases increased increasing", "fall falls fell fallen falling"),
    ("increase increases increased increasing", "drop drops dropped dropping"),
    ("increase increases increased increasing", "cut cuts cutting"),
    ("raise raises raised raising", "lower lowers lowered lowering"),
    ("raise raises raised raising", "cut cuts cutting"),
    ("higher", "lower"),
    ("confirm confirms confirmed confirming", "deny denies denied denying"),
    ("admit admits admitted admitting", "deny denies denied denying"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("accept accepts accepted accepting", "refuse refuses refused refusing"),
    ("approve approves approved approving", "reject rejects rejected rejecting"),
    ("approve approves approved approving", "veto vetoes vetoed vetoing"),
    ("approve approves approved approving", "disapprove disapproves disapproved disapproving"),
    ("allow allows allowed allowing", "ban bans banned banning"),
    ("allow allows allowed allowing", "forbid forbids forbade forbidden forbidding"),
    ("allow allows allowed allowing", "prohibit prohibits prohibited prohibiting"),
    ("permit permits permitted permitting", "ban bans banned banning"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("agree agrees agreed agreeing", "refuse refuses refused refusing"),
    ("agree agrees agreed agreeing", "disagree disagrees disagreed disagreeing"),
    ("acquit acquits acquitted acquitting acquittal", "convict convicts convicted convicting conviction"),
    ("guilty", "innocent"),
    ("arrest arrests arrested arresting", "release releases released releasing"),
    ("detain detains detained detaining", "release releases released releasing"),
    ("survive survives survived surviving", "die dies died dying"),
    ("survive survives survived surviving", "kill kills killed killing"),
    ("alive", "dead"),
    ("open opens opened opening", "closed closes closing"),
    ("open opens opened opening", "shut shuts shutting"),
    ("begin begins began begun beginning", "end ends ended ending"),
    ("start starts started starting", "end ends ended ending"),
    ("start starts started starting", "stop stops stopped stopping"),
    ("resume resumes resumed resuming", "suspend suspends suspended suspending"),
    ("resume resumes resumed resuming", "halt halts halted halting"),
    ("lift lifts lifted lifting", "impose imposes imposed imposing"),
    ("join joins joined joining", "leave leaves left leaving"),
    ("join joins joined joining", "quit quits quitting"),
    ("include includes included including", "exclude excludes excluded excluding"),
    ("praise praises praised praising", "criticise criticises criticised criticising"),
    ("praise praises praised praising", "criticize criticizes criticized criticizing"),
    ("praise praises praised praising", "condemn condemns condemned condemning"),
    ("welcome welcomes welcomed welcoming", "condemn condemns condemned condemning"),
    ("true", "false"),
    ("legal", "illegal"),
    ("present", "absent"),
    ("peaceful", "violent"),
    ("clothed", "naked"),
    ("clothed", "nude"),
)

#: Prefixes that make a word its opposite ("safe" / "unsafe", "legal" / "illegal").
_NEGATING_PREFIXES = ("un", "il", "ir", "non", "non-")
#: Words that negate: with one of them in either text the words may not mean what they say.
_NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "without", "none", "nothing", "cannot"})


def _build() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    base_of: dict[str, str] = {}
    opposites: dict[str, set[str]] = {}
    for left, right in _OPPOSITE_FORMS:
        a, b = left.split(), right.split()
        for forms in (a, b):
            for form in forms:
                base_of[form] = forms[0]
        opposites.setdefault(a[0], set()).add(b[0])
        opposites.setdefault(b[0], set()).add(a[0])
    return base_of, {k: frozenset(v) for k, v in opposites.items()}


_BASE_OF, _OPPOSITES = _build()


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+(?:-[a-z]+)*(?:'t)?", text.lower().replace("’", "'")))


def _pairs_named(words: frozenset[str]) -> set[frozenset[str]]:
    """The pairs of opposites (as their base forms) both of whose words a text holds."""
    bases = {_BASE_OF[w] for w in words if w in _BASE_OF}
    return {frozenset((base, o)) for base in bases for o in _OPPOSITES.get(base, ()) if o in bases}


@lru_cache(maxsize=4096)
def opposite_words(a: str, b: str) -> tuple[str, str] | None:
    """The word of ``a`` and the word of ``b`` that say the opposite of each other, or
    None.

    Only the words in which the two texts differ are read, and nothing is found when
    either text negates ("not", "never", "didn't" …): "the barrier did not fail" agrees
    with "the barrier held".

    >>> opposite_words("The flood barrier held overnight.", "The flood barrier failed overnight.")
    ('held', 'failed')
    >>> opposite_words("The barrier did not fail.", "The barrier held.") is None
    True
    """
    words_a, words_b = _words(a), _words(b)
    if any(w in _NEGATIONS or w.endswith("n't") for w in words_a | words_b):
        return None
    only_a, only_b = sorted(words_a - words_b), words_b - words_a
    bases_b = {_BASE_OF[w]: w for w in sorted(only_b) if w in _BASE_OF}
    # A text naming both words of a pair ("win or lose, he is staying in the race") sets
    # them side by side and says neither.
    both = _pairs_named(words_a) | _pairs_named(words_b)
    for word in only_a:
        base = _BASE_OF.get(word)
        for opposite in sorted(_OPPOSITES.get(base, ())) if base else ():
            if opposite in bases_b and frozenset((base, opposite)) not in both:
                return word, bases_b[opposite]
        for prefix in _NEGATING_PREFIXES:
            if len(word) >= 4 and prefix + word in only_b:
                return word, prefix + word
            if word.startswith(prefix) and len(word) - len(prefix) >= 4 and word[len(prefix):] in only_b:
                return word, word[len(prefix):]
    return None
