"""brief's phases: the dated phases of a story that runs over weeks or months.

A story grouped over time (a shooting, the charge days later, the verdict a year on) is
one story with several phases. Its brief tells each phase, in time order, with lines of its
own: under one cap for the whole story, the first days' corroborated facts took every line
and the verdict went untold. A phase is a run of the days the articles were written on with
no gap of more than ``PHASE_GAP_DAYS`` between two of them: a story that went quiet for more
than a week and came back has news of a new phase.

The day an article was written is its publication day, else its page's date stamp, glued
before its first sentence ("Published April 11, 2009 A man …"), a title that is only a date,
or after its last sentence (:func:`storyweave.extract.written_day`): the page's own date, not
a date its story tells. An article with neither is put in the phase whose
articles share the most facts with it. A line belongs to the earliest phase among the
articles that tell it: what a later report retells ("… charged in the April shooting") was
news when it happened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from ..extract import written_day
from ..model import Annotation, Fact

#: More days than this between two articles' days open a new phase of the story.
PHASE_GAP_DAYS = 7
#: Fewer articles than this make one brief, however far apart: two or three reports leave
#: the brief room for each, and its news comes first (a phased brief opens on the earliest
#: days, which a small story's headline seldom tells). Phases pay where many reports of the
#: first days would take every line.
MIN_PHASED_ARTICLES = 4
#: Lines kept for each phase, and each phase beyond the first adds to the brief.
PHASE_SENTENCES = 5
#: The most lines a brief of several phases holds: each phase told, but not forty lines.
MAX_PHASED_SENTENCES = 25


@dataclass(frozen=True)
class Phase:
    """A run of days the story's articles were written on."""

    first: dt.date
    last: dt.date


def story_phases(annotations: Sequence[Annotation], facts: Sequence[Fact]) -> tuple[list[Phase], dict[str, int]]:
    """The story's phases, earliest first, and each article's phase; ``([], {})`` for a story
    of one phase or of fewer than ``MIN_PHASED_ARTICLES`` articles (the brief of such a story
    is built as it always was)."""
    if len(annotations) < MIN_PHASED_ARTICLES:
        return [], {}
    days = {a.article.id: day for a in annotations if (day := written_day(a)) is not None}
    runs: list[list[dt.date]] = []
    for day in sorted(set(days.values())):
        if runs and (day - runs[-1][-1]).days <= PHASE_GAP_DAYS:
            runs[-1].append(day)
        else:
            runs.append([day])
    if len(runs) < 2:
        return [], {}
    phase_of = {aid: next(n for n, run in enumerate(runs) if day in run) for aid, day in days.items()}
    for annotation in annotations:
        aid = annotation.article.id
        if aid not in phase_of:
            phase_of[aid] = _closest_phase(aid, phase_of, facts)
    return [Phase(run[0], run[-1]) for run in runs], phase_of


def _closest_phase(article: str, phase_of: dict[str, int], facts: Sequence[Fact]) -> int:
    """The phase whose dated articles share the most facts with an undated one (the first on
    a tie, or when it shares none)."""
    shared: dict[int, int] = {}
    for fact in facts:
        if article in fact.sources:
            for phase in {phase_of[a] for a in fact.sources if a in phase_of}:
                shared[phase] = shared.get(phase, 0) + 1
    return min(shared, key=lambda p: (-shared[p], p)) if shared else 0


def has_room(phase: int, told: Sequence[int], max_sentences: int) -> bool:
    """Whether a line of a phase may go in, the brief holding ``told`` lines of each phase: a
    phase has at most what one story's brief holds (``max_sentences``); the brief grows by
    ``PHASE_SENTENCES`` a phase beyond the first, up to ``MAX_PHASED_SENTENCES``, and keeps
    ``PHASE_SENTENCES`` lines free for each other phase until it has them — the best-supported
    lines come first, and the first days' corroborated facts would take every line."""
    phases = len(told)
    total = min(max_sentences + PHASE_SENTENCES * (phases - 1), MAX_PHASED_SENTENCES)
    kept = min(PHASE_SENTENCES, total // phases)
    held = sum(max(0, kept - lines) for other, lines in enumerate(told) if other != phase)
    return told[phase] < max_sentences and sum(told) + held < total


def line_phase(citations: Sequence[str], fact: Fact, phase_of: dict[str, int]) -> int:
    """The phase a line tells: the earliest of the articles citing it or telling its fact."""
    return min((phase_of[a] for a in (*citations, *fact.sources) if a in phase_of), default=0)
