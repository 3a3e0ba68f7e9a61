"""Steps of a criminal case: "was arrested", "was charged", "denied", "was convicted".

Crime stories tell one case step by step, and every step's sentence names the same person,
the same offence and the same place: "A man has been charged with arson after a fire at a
Wexmoor bakery" and "A man has denied arson following a fire at a Wexmoor bakery" share all
their words but the verb, so the sentence models see one statement. They are two facts (the
charge, then the plea), and so are "was charged with murder" and "was convicted of murder".
Two sentences that each tell a step and share none are two statements; "was arrested and
charged" still meets "was charged".
"""

from __future__ import annotations

from typing import Any, Iterable

#: The step each word tells, by lemma. "Accused of" is the charge as news tells it; "denied"
#: and "admitted" are the plea ("has denied arson"); "found guilty" is the verdict, and so
#: is the sentence, which tells it too ("was sentenced to life for the assault" /
#: "was in prison after being convicted of the assault": one fact in ECB+ topic 3). An
#: acquittal is the verdict too: "acquitted" / "convicted" is one fact, contested
#: (:mod:`storyweave.opposites`), not two.
STEP_OF = {
    "arrest": "arrest", "detain": "arrest", "apprehend": "arrest",
    "charge": "charge", "indict": "charge", "accuse": "charge",
    "plead": "plea", "deny": "plea", "admit": "plea",
    "convict": "verdict", "guilty": "verdict", "acquit": "verdict",
    "sentence": "verdict", "jail": "verdict", "imprison": "verdict",
}


def steps(tokens: Iterable[Any]) -> frozenset[str]:
    """The steps of a case that verbs (or "guilty") among the parsed tokens tell."""
    return frozenset(STEP_OF[t.lemma_.lower()] for t in tokens
                     if t.lemma_.lower() in STEP_OF and t.pos_ in ("VERB", "ADJ"))


def other_steps(a: Iterable[Any], b: Iterable[Any]) -> bool:
    """Whether two parsed sentences each tell a step of a case and share none: the charge
    and the plea, the charge and the verdict."""
    steps_a, steps_b = steps(a), steps(b)
    return bool(steps_a and steps_b and not steps_a & steps_b)
