"""align's vetoes together: whether two claims the sentence models put together state two things."""

from __future__ import annotations

from typing import Any, Callable

from ..forecasts import forecast_and_outcome
from ..model import Claim
from ..name_swaps import other_doers, swapped_names
from ..opposites import opposite_words
from .denials import (denies_what_the_other_omits, done_and_done_without, negated_for_another_party,
                      withheld_and_told)
from .intentions import forecast_and_deed, request_and_deed, wish_and_deed
from .opposites import opposite_pleas, opposite_ways
from .other_news import deed_as_the_time_of_another, reaction_and_deed
from .proceedings import offence_and_step, other_steps
from .quantities import (all_and_only, everybody_and_one, figures_of_other_groups, one_and_many,
                         part_and_whole)
from .shared_words import (MIN_SHARED_OWN_WORDS, _event_as_setting, _own_shared,
                           _reports_something_else, _shares_only_names, _shares_only_the_subject,
                           shared_only_in_a_description)


def two_statements(a: Claim, b: Claim, docs: dict[str, Any], same: Callable[[str, str], bool],
                   sentence_of: Callable[[Claim], Any]) -> bool:
    """Whether two claims the sentence models put together state two things: they name
    different parties ("Orsk will pay" / "Wexmoor will pay", also in sentences built
    differently), they share little but names (:func:`_shares_only_names`), one goes into
    what the other comes out of (:func:`opposite_ways`), one reports a remark that meets the other only on its framing, one
    forecasts what the other tells as done ("is expected to win" before the vote / "won"),
    one names the other's event only as the setting of its own (:func:`_event_as_setting`),
    one shares with the other only an aside about a noun (:func:`shared_only_in_a_description`),
    one asks someone to do what the other tells as done (:func:`request_and_deed`), one
    reacts to what the other tells (:func:`reaction_and_deed`), one names the other's doer
    only in what came before its own deed (:func:`deed_as_the_time_of_another`), one tells of
    everybody and the other of one (:func:`everybody_and_one`), one wants what the other
    tells as done (:func:`wish_and_deed`), one withholds what the other tells (:func:`withheld_and_told`), one verb is negated in one only and said of
    two parties (:func:`negated_for_another_party`), one
    tells a plea of guilty and the other one of not guilty (:func:`opposite_pleas`), one
    tells a deed done to one thing and the other to several (:func:`one_and_many`),
    they share words only in their subjects (:func:`_shares_only_the_subject`),
    one says "all" of what the other says "only" of (:func:`all_and_only`), one tells of a
    part of the group the other names (:func:`part_and_whole`), one does
    without what the other does (:func:`done_and_done_without`), one denies what the other
    does not mention (:func:`denies_what_the_other_omits`), they tell two steps of one
    criminal case ("was charged" / "denied" / "was convicted"), or one tells the crime a
    step of the case in the other is for (:func:`offence_and_step`), one awaits what the
    other tells as done, in any verbs (:func:`forecast_and_deed`), or they give different
    figures, one of a group the other does not name (:func:`figures_of_other_groups`). The
    models see one statement in each: all other words are shared. (Two sentences telling
    other news of the same names, :func:`other_news_of_the_same_names`, are parted in
    align only when the statement judge agrees.)"""
    if swapped_names(a.text, b.text, same):
        return True
    if _shares_only_names(a.text, b.text) or opposite_ways(a.text, b.text):
        return True
    if _reports_something_else(a, b) or _reports_something_else(b, a):
        return True
    if forecast_and_outcome((docs.get(a.article), a.span, a.text), (docs.get(b.article), b.span, b.text)):
        return True
    sentence_a, sentence_b = sentence_of(a), sentence_of(b)
    # Few words of their own in common, and one tells the other's event only as the
    # setting of something else: a shared name and a word used another way tie them.
    if len(_own_shared(a.text, b.text, with_people=True)) <= MIN_SHARED_OWN_WORDS and (
            _event_as_setting(sentence_a, sentence_b) or _event_as_setting(sentence_b, sentence_a)):
        return True
    if shared_only_in_a_description(sentence_a, sentence_b) or shared_only_in_a_description(sentence_b, sentence_a):
        return True
    if request_and_deed(sentence_a, sentence_b) or opposite_pleas(sentence_a, sentence_b):
        return True
    if reaction_and_deed(sentence_a, sentence_b) or everybody_and_one(sentence_a, sentence_b):
        return True
    if deed_as_the_time_of_another(sentence_a, sentence_b):
        return True
    if wish_and_deed(sentence_a, sentence_b) or withheld_and_told(sentence_a, sentence_b):
        return True
    if negated_for_another_party(sentence_a, sentence_b) or forecast_and_deed(sentence_a, sentence_b):
        return True
    if all_and_only(a.text, b.text) or done_and_done_without(a.text, b.text) or figures_of_other_groups(a.text, b.text):
        return True
    if part_and_whole(sentence_a, sentence_b) or one_and_many(sentence_a, sentence_b):
        return True
    # Opposite words ("did not fail" / "held") are one statement told two ways.
    if opposite_words(a.text, b.text) is None and denies_what_the_other_omits(sentence_a, sentence_b):
        return True
    if _shares_only_the_subject(sentence_a, sentence_b):
        return True
    if other_steps(sentence_a, sentence_b) or offence_and_step(sentence_a, sentence_b):
        return True
    return other_doers(sentence_a, sentence_b, same) is not None
