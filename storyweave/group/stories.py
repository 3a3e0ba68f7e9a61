"""Incremental story grouping: each new article joins its best candidate story or starts one.

An article is never compared with every other article. Its heaviest terms, names and
years are looked up in an inverted index of the stories whose time span is near its
day; only the stories found there are scored, by the similarity between the article's
TF-IDF vector and the story's centroid. The article joins the best one when that
similarity reaches :data:`JOIN_COSINE` and its day fits the story's time span, else it
starts a new story. A story's span grows by joins only to :data:`SPAN_DAYS`; beyond, only
an article that names the story's own name joins it (a follow-up tells who or what the
story is about), so a topic running for months is not chained into one story.

Names and years make up :data:`NAME_WEIGHT` of the similarity, so two events of one kind
(two earthquakes, two summits) stay apart: they share their topic words but not their
places, people and dates. When an article names people and places of its own and nearly
none of them is the story's (:data:`NAME_VETO_COSINE`), it is another event whatever its
words share. The index is cut into :data:`BUCKET_DAYS`-day buckets: a story
is posted only in the buckets its span (widened by :data:`WINDOW_DAYS`) touches, and a
dated article looks only in its own bucket, so a story ages out of the candidate set
once it is more than a window older than the articles arriving, and the work per
article stays flat however long a feed is followed, in arrival order or not (an archive
loaded out of order works the same way).

IDF weights come from the document frequencies of everything seen so far, so the state
is the same whether articles arrive in one batch or one a day, on top of background
frequencies from English at large (:mod:`storyweave.group.background`), so that the
first few dozen articles of one topic are not split apart for lack of counts.

Its parts beside it: the tuned settings (:mod:`storyweave.group.settings`), a story's
profile and stored form (:mod:`storyweave.group.profile`), the checks of a story or a
vector that need no index (:mod:`storyweave.group.checks`) and the re-check window
(:mod:`storyweave.group.window`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import zlib
from dataclasses import replace
from typing import Iterable

import numpy as np

from .background import background_share
from .checks import (_all_short, _follows_up, _has_dates, _looks_back, _named_in, _nameless, _names_in,
                     _stretches, _top, _widens)
from .features import Sketch
from .profile import STATE_VERSION, StoryProfile
from .settings import (BACKGROUND_DOCUMENTS, BUCKET_DAYS, FAR_FOLLOW_UP_COSINE, FAR_MERGE_COSINE,
                       FAR_NAMED_COSINE, INDEX_TERMS, JOIN_COSINE, MAX_CANDIDATES, MAX_POSTINGS, MERGE_COSINE,
                       NAME_VETO_COSINE, NAME_WEIGHT, OWN_JOIN_COSINE, OWN_SHARE, QUERY_TERMS, RECHECK_COSINE,
                       REVISIT_PASSES, REVISIT_WINDOW, SAME_DAYS_MERGE_COSINE, SHARED_MERGE_COSINE,
                       SHORT_MERGE_COSINE, SHORT_MIX_COSINE, SHORT_WORDS, SMALL_MERGE_COSINE, SMALL_MERGE_NAMES,
                       SMALL_STORY, SPAN_DAYS, STORY_TERMS, STRETCH_MERGE_COSINE, TOPIC_SHARE, TOPIC_SPAN_DAYS,
                       UNDATED_MERGE_COSINE, VETO_MIN_NAMES, WINDOW_DAYS)
from .shared import NO_SENTENCES, SharedSentences
from .window import _NO_SHINGLES, Recheck, _Pending


def story_id_for(article_id: str) -> str:
    """The id of a story started by this article: stable across runs and machines."""
    return "s-" + hashlib.sha1(article_id.encode()).hexdigest()[:12]


class StoryIndex:
    """Stories built one article at a time, with an inverted index over their terms.

    Args:
        join_cosine: cosine from which an article joins a story.
        name_weight: weight of names and years against plain words.
    """

    def __init__(self, join_cosine: float = JOIN_COSINE, name_weight: float = NAME_WEIGHT) -> None:
        self.join_cosine = join_cosine
        self.name_weight = name_weight
        self.df: dict[str, int] = {}
        self.documents = 0
        self.background: dict[str, float] = {}  # term -> background_share, while unread > 0
        self.stories: dict[str, StoryProfile] = {}
        # term -> time bucket (None: undated) -> stories posted there
        self.postings: dict[str, dict[int | None, set[str]]] = {}
        self.changed: set[str] = set()
        # article id -> its place, for the articles still open to a re-check (arrival order)
        self.pending: dict[str, _Pending] = {}
        # stories with members in the store: a merge never relabels stored members
        self.sealed: set[str] = set()
        # whether articles joined the window since its last re-check
        self.unsettled = False
        # articles of the window stored as they are now (see window_rows)
        self.window_saved: set[str] = set()
        # the window's long sentences, to find two of its articles printing the same one
        self.sentences = SharedSentences()

    # -- scoring ----------------------------------------------------------------------

    def _background_share(self, term: str) -> float:
        share = self.background.get(term)
        if share is None:
            share = self.background[term] = background_share(term)
        return share

    def _idf(self, term: str) -> float:
        unread = max(0, BACKGROUND_DOCUMENTS - self.documents)
        df = self.df.get(term, 0) + (unread * self._background_share(term) if unread else 0.0)
        return math.log((self.documents + unread + 1) / (df + 1)) + 1.0

    def vector(self, sketch: Sketch) -> dict[str, float]:
        """The article's TF-IDF vector under the current document frequencies: its words
        and its names each of unit length, so neither part drowns the other."""
        terms = list(sketch.terms)
        if not terms:
            return {}
        n = len(terms)
        tf = np.fromiter(sketch.terms.values(), dtype=np.float64, count=n)
        # map() over C callables: no Python frame per term.
        df = np.fromiter(map(self.df.get, terms, itertools.repeat(0, n)), dtype=np.float64, count=n)
        unread = max(0, BACKGROUND_DOCUMENTS - self.documents)
        if unread:
            df += unread * np.fromiter(map(self._background_share, terms), dtype=np.float64, count=n)
        w = tf * (np.log((self.documents + unread + 1) / (df + 1)) + 1.0)
        is_name = np.arange(n) >= sketch.words  # names come after the words
        words = math.sqrt(float(np.dot(w[~is_name], w[~is_name]))) or 1.0
        names = math.sqrt(float(np.dot(w[is_name], w[is_name]))) or 1.0
        w /= np.where(is_name, names, words)
        return dict(zip(terms, w.tolist()))

    def _fits_time(self, story: StoryProfile, day: int | None) -> bool:
        if day is None or story.first_day is None or story.last_day is None:
            return True
        return story.first_day - WINDOW_DAYS <= day <= story.last_day + WINDOW_DAYS

    def _names_own(self, vec: dict[str, float], story: StoryProfile) -> bool:
        """Whether an article (its vector) names the story's heaviest name (not a year), and
        that name is the story's own: at least :data:`OWN_SHARE` of the documents read that
        name it are in the story."""
        names = {t: w for t, w in story.total.items() if t[0] == "@" and not t[1:].isdigit()}
        if not names:
            return False
        top = _top(names, 1)[0]
        return top in vec and story.names.get(top, 0) >= OWN_SHARE * self.df.get(top, 0)

    def _outgrows(self, story: StoryProfile, first: int | None, last: int | None,
                  other: StoryProfile | None = None) -> bool:
        """Whether taking in days ``first`` to ``last`` (those of story ``other`` when
        merging) would make the story span more than it may by the usual joins and merges:
        :data:`SPAN_DAYS`, or :data:`TOPIC_SPAN_DAYS` when its heaviest name (and the other
        story's) is a figure of many stories (:data:`TOPIC_SHARE`)."""
        if not _stretches(story, first, last, TOPIC_SPAN_DAYS):
            return False
        if _stretches(story, first, last, SPAN_DAYS):
            return True
        # A story naming no one has no figure of many stories to be held to.
        return all(s.name_norm and self._heaviest_share(s) < TOPIC_SHARE for s in (story, other) if s is not None)

    def _heaviest_share(self, story: StoryProfile) -> float:
        """Share of the documents read naming the story's heaviest name (not a year) that
        are in the story (1 when it names no one)."""
        names = {t: w for t, w in story.total.items() if t[0] == "@" and not t[1:].isdigit()}
        if not names:
            return 1.0
        top = _top(names, 1)[0]
        return story.names.get(top, 0) / max(1, self.df.get(top, 0))

    def _share_own_name(self, a: StoryProfile, b: StoryProfile) -> bool:
        """Whether two stories both name the heaviest name (not a year) of one of them, and
        that name would be the merged story's own (:data:`OWN_SHARE` of the documents that
        name it are in the two): what lets a merge take a story beyond :data:`SPAN_DAYS`,
        as it lets an article join beyond it. Counted over the two together, because a
        merge mends a story split in parts, none of which need hold most of its name."""
        for story in (a, b):
            names = {t: w for t, w in story.total.items() if t[0] == "@" and not t[1:].isdigit()}
            if not names:
                continue
            top = _top(names, 1)[0]
            both = a.names.get(top, 0) + b.names.get(top, 0)
            if a.names.get(top) and b.names.get(top) and both >= OWN_SHARE * self.df.get(top, 0):
                return True
        return False

    def candidates(self, vec: dict[str, float], day: int | None = None) -> list[StoryProfile]:
        """Stories near the article's day sharing at least one of its heaviest terms."""
        hits: dict[str, float] = {}
        for term in _top(vec, QUERY_TERMS):
            weight = vec[term]
            buckets = self.postings.get(term)
            if not buckets:
                continue
            if day is None:
                lists = list(buckets.values())
            else:
                lists = [p for p in (buckets.get(day // BUCKET_DAYS), buckets.get(None)) if p]
            for posting in lists:
                if len(posting) > MAX_POSTINGS:
                    continue
                for sid in posting:
                    hits[sid] = hits.get(sid, 0.0) + weight
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], self.stories[kv[0]].seq))[: MAX_CANDIDATES]
        return [self.stories[sid] for sid, _ in ranked]

    def cosine(self, vec: dict[str, float], story: StoryProfile, veto: bool = True,
               nameless: bool | None = None) -> float:
        """The article's similarity to a story: the cosines of words and of names with
        the story's centroid, mixed by ``name_weight`` (the share of names); the word
        cosine alone when either side names no one and no year (``nameless``: whether
        ``vec`` has no name term, read from ``vec`` when None, which then must keep its
        names after its words as an article's vector does)."""
        total = story.total
        norm, name_norm = story._lengths()
        words = names = 0.0
        # The shared terms only, found by a set intersection in C: most of an article's
        # terms are not in a given story.
        for t in vec.keys() & total.keys():
            if t[0] == "@":
                names += vec[t] * total[t]
            else:
                words += vec[t] * total[t]
        words = words / norm if norm else 0.0
        names = names / name_norm if name_norm else 0.0
        if not name_norm or (_nameless(vec) if nameless is None else nameless):
            # Nothing to compare names with: the words are all the evidence there is, and
            # weighed at 1 - name_weight they could never reach a cut however alike.
            score = words
        else:
            score = (1.0 - self.name_weight) * words + self.name_weight * names
        # Below RECHECK_COSINE, the lowest cut any caller applies, a score decides nothing, so
        # the names are counted only for the few candidates that could be joined.
        if veto and names < NAME_VETO_COSINE and score >= RECHECK_COSINE and name_norm and _names_in(vec) >= VETO_MIN_NAMES:
            return 0.0
        return score

    def best(self, sketch: Sketch) -> tuple[StoryProfile | None, float, dict[str, float]]:
        """The story an article would join (or None), its cosine, and the article's vector."""
        vec = self.vector(sketch)
        best, best_score = self._best_for(vec, sketch.day)
        if best is not None and best_score < self.join_cosine:
            best = None
        return best, best_score, vec

    def _best_for(self, vec: dict[str, float], day: int | None) -> tuple[StoryProfile | None, float]:
        best, best_score = None, -1.0
        for story in self.candidates(vec, day):
            if not self._fits_time(story, day):
                continue
            score = self.cosine(vec, story)
            if score <= best_score:
                continue
            # Below RECHECK_COSINE, the lowest cut, a score decides nothing, so the span is
            # checked only for the few stories that could be joined.
            if score >= RECHECK_COSINE and self._outgrows(story, day, day) and not self._names_own(vec, story):
                continue
            best, best_score = story, score
        return best, best_score

    # -- updating -----------------------------------------------------------------------

    def new_story(self, story_id: str) -> StoryProfile:
        story = StoryProfile(story_id, len(self.stories))
        self.stories[story_id] = story
        return story

    def add(self, story: StoryProfile, sketch: Sketch, vec: dict[str, float], key: str | None = None,
            copy_of: str | None = None, sentences: np.ndarray = NO_SENTENCES, outlet: str = "") -> None:
        """Put an article (its sketch and vector) into a story and count its terms.

        Args:
            story: the story it joins (a copy: its original's).
            sketch: the article's features.
            vec: its vector (from :meth:`best`).
            key: the article id; given, the article waits in the re-check window.
            copy_of: the article it copies. A copy goes wherever its original goes while
                the original is in the window, and stays in this story otherwise.
            sentences: hashes of its long sentences (:mod:`storyweave.group.shared`).
            outlet: its outlet, when known.
        """
        self.documents += 1
        for term in sketch.terms:
            self.df[term] = self.df.get(term, 0) + 1
        self._place(story, sketch, vec)
        if key is not None:
            original = self.pending.get(copy_of) if copy_of is not None else None
            follows = None
            if original is not None and (original.movable or original.follows is not None):
                follows = original.follows or copy_of
            self.pending[key] = _Pending(replace(sketch, shingles=_NO_SHINGLES), vec, story.id,
                                         copy_of is None, follows=follows, sentences=sentences, outlet=outlet)
            self.sentences.add(key, sentences, outlet)
            self.unsettled = True

    def recheck(self, close: bool = True) -> Recheck:
        """Re-check the articles of the window, and their stories, as they are now.

        0. The movable articles are all taken out of their stories and placed again in
           the order of their ids, with the window's counts and :data:`JOIN_COSINE`, so
           what follows starts from the same stories whatever order they came in; an
           original and its copies go together, where the smallest of their ids goes.
        1. Each movable article without copies is taken out of its story and scored
           again, with the current document frequencies, against its candidate stories
           (only those, as on arrival) and its own story; it moves when another story now
           fits it better from :data:`RECHECK_COSINE` (from :data:`OWN_JOIN_COSINE` when it
           names that story's own name), or starts a story of its own when none does.
        2. Each story the window touched is compared, centroid to centroid, with its
           candidate stories; two stories from :data:`MERGE_COSINE` become one (from
           :data:`UNDATED_MERGE_COSINE` when only one of them has a date, that is, more than
           :data:`DATED_SHARE` of its articles dated; the larger, or
           the older, absorbs the other): the two halves of one event that arrived before
           the articles linking them. A story of at most :data:`SMALL_STORY` articles
           merges from :data:`SMALL_MERGE_COSINE` with one at least as large that has its
           heaviest names (:data:`SMALL_MERGE_NAMES`), one of them not a figure of many
           stories. Two stories made only of one-line reports (:data:`SHORT_WORDS`) merge
           from :data:`SHORT_MERGE_COSINE`; a story of more than :data:`SMALL_STORY` of them
           and a story of full articles only from :data:`SHORT_MIX_COSINE`. Those looser cuts do not stretch a story beyond
           :data:`SPAN_DAYS`, nor do joins of articles that do not name its own name.
           Two stories an article of each of which prints the same sentence
           (:mod:`storyweave.group.shared`) merge from :data:`SHARED_MERGE_COSINE` when that
           takes neither into other days. Two dated stories of the same days sharing the
           own name of one of them merge from :data:`SAME_DAYS_MERGE_COSINE`.

        Articles join on arrival only from the stricter :data:`JOIN_COSINE`, so early
        wrong joins are rare, and what the strict pass left apart is brought together
        here with all of the window's evidence.

        Args:
            close: empty the window, so its articles' stories are final; False keeps
                them movable, to be re-checked again with the articles still to come.

        Returns:
            The story of every article of the window, and the stories absorbed.
        """
        result = Recheck()
        copies = self._copies()  # the window's copy sets do not change during a re-check
        self._replace_in_key_order(copies)
        for _ in range(REVISIT_PASSES):
            changes = self._move_articles(copies) + self._merge_stories(result)
            if not changes:
                break
        result.placed = {key: item.story for key, item in self.pending.items()}
        self.unsettled = False
        if close:
            # Their stories are stored with them from now on, pinned copies' ones too
            # (nothing else may have changed those).
            self.changed.update(item.story for item in self.pending.values())
            self.pending.clear()
            self.sentences.clear()
        return result

    def _replace_in_key_order(self, copies: dict[str, list[str]]) -> None:
        """Take every movable article of the window out of its story and place them
        again one by one in the order of their ids, as on arrival but with the counts of
        the whole window: the stories the re-check starts from no longer depend on the
        order the window's articles came in. Copies of a movable original go with it."""
        movable = sorted(copies)
        for key in movable:
            for k in (key, *copies[key]):
                item = self.pending[k]
                self._take(self.stories[item.story], item.sketch, item.vec)
        for key in movable:
            item = self.pending[key]
            vec = self.vector(item.sketch)
            best, best_score = self._best_for(vec, item.sketch.day)
            if best is None or best_score < self.join_cosine:
                best = self._story_of_its_own(key, item.story)
            self._place(best, item.sketch, vec)
            item.vec, item.story, item.documents = vec, best.id, self.documents
            for copy in copies[key]:  # a copy set goes where its smallest id goes
                item = self.pending[copy]
                vec = self.vector(item.sketch)
                self._place(best, item.sketch, vec)
                item.vec, item.story, item.documents = vec, best.id, self.documents

    def _copies(self) -> dict[str, list[str]]:
        """The articles that move in a re-check -> the other articles of their copy set
        (an original and the window's copies of it, each of them keyed by its smallest
        id, not by the first to come, so that the order of arrival decides nothing)."""
        sets: dict[str, list[str]] = {}
        for key in sorted(self.pending):
            item = self.pending[key]
            if item.movable:
                sets.setdefault(key, []).insert(0, key)
            elif item.follows is not None and item.follows in self.pending and self.pending[item.follows].movable:
                sets.setdefault(item.follows, []).append(key)
        return {min(keys): sorted(keys)[1:] for keys in sets.values()}

    def _story_of_its_own(self, key: str, before: str) -> StoryProfile:
        """An empty story for an article to start: the one it was in before the re-check,
        so that a story keeps its id from one re-check to the next (the window stays open
        across runs, and readers link to stories by id), else the one it started on
        arrival, else a new one."""
        for story_id in (before, story_id_for(key)):
            story = self.stories.get(story_id)
            if story is not None and story.size == 0:
                return story
        return self.new_story(story_id_for(f"{key}#{len(self.stories)}"))

    def _move_articles(self, copies: dict[str, list[str]]) -> int:
        changes = 0
        # In the order of article ids, not of arrival: the re-check should not depend on
        # the order in which the window's articles came. A copy set stays where
        # _replace_in_key_order put it: one story told by several outlets word for word
        # is evidence of its own (letting the sets move too took ECB+ nowhere and the
        # scale corpus's B³-F1 at 10,000 articles from 0.825 to 0.795).
        for key in sorted(k for k, others in copies.items() if not others):
            item = self.pending[key]
            story = self.stories[item.story]
            self._take(story, item.sketch, item.vec)
            # Counts do not change during a re-check: a second pass reuses the first's vector.
            vec = item.vec if item.documents == self.documents else self.vector(item.sketch)
            item.documents = self.documents
            best, best_score = self._best_for(vec, item.sketch.day)
            own = self.cosine(vec, story) if story.size else -1.0
            if best is None or best_score <= own:
                best, best_score = story, own
            if best_score < RECHECK_COSINE and not (
                    best_score >= OWN_JOIN_COSINE and best.size and self._names_own(vec, best)):
                # Alone: back in its own (now empty) story, or a new one. (Its own story,
                # when it scores best there and names that story's own name, keeps it.)
                best = story if story.size == 0 else self.new_story(story_id_for(f"{key}#{len(self.stories)}"))
            self._place(best, item.sketch, vec)
            if best.id != item.story:
                changes += 1
            item.vec, item.story = vec, best.id
        return changes

    def _centroid(self, story: StoryProfile) -> dict[str, float]:
        """The story's centroid with its word and name parts each of unit length."""
        words, names = story.norm or 1.0, story.name_norm or 1.0
        return {t: w / names if t[0] == "@" else w / words for t, w in story.total.items()}

    def _merge_stories(self, result: Recheck) -> int:
        # In the order of each story's first article id, not of story ids: a story's id
        # comes from the article that started it, which depends on the order of arrival.
        # story -> (its article, the other article) for each pair printing one sentence
        links: dict[str, list[tuple[str, str]]] = {}
        for pair in self.sentences.pairs():
            for key, other in (pair, pair[::-1]):
                if key in self.pending and other in self.pending:
                    links.setdefault(self.pending[key].story, []).append((key, other))
        first_key: dict[str, str] = {}
        for key in sorted(self.pending, reverse=True):
            first_key[self.pending[key].story] = key
        touched = [self.stories[sid] for sid in sorted(first_key, key=first_key.__getitem__)]
        changes = 0
        for story in touched:
            if story.size == 0:
                continue
            best = self._merge_partner(story, self._sharing_stories(story, links.get(story.id, ())))
            if best is None:
                continue
            keep, gone = (best, story) if (best.size, -best.seq) > (story.size, -story.seq) else (story, best)
            if gone.id in self.sealed:
                if keep.id in self.sealed:
                    continue  # both have stored members, which keep their story
                keep, gone = gone, keep
            self._absorb(keep, gone)
            result.merged[gone.id] = keep.id
            for item in self.pending.values():
                if item.story == gone.id:
                    item.story = keep.id
            changes += 1
        return changes

    def _sharing_stories(self, story: StoryProfile, links: Iterable[tuple[str, str]]) -> set[str]:
        """The stories with an article that prints a sentence an article of this story
        prints too (``links``: pairs of window articles from :meth:`SharedSentences.pairs`,
        this story's first), when each of the two articles meets the other's story from
        :data:`SHARED_MERGE_COSINE`: an article whose names say it is another event (the
        name veto) links nothing, whatever it quotes. (A pair whose article a merge of this
        pass moved is read again in the next pass.)"""
        out: set[str] = set()
        for key, other_key in links:
            item, other = self.pending[key], self.pending[other_key]
            if item.story != story.id or other.story == story.id:
                continue
            if (self.cosine(item.vec, self.stories[other.story]) >= SHARED_MERGE_COSINE
                    and self.cosine(other.vec, story) >= SHARED_MERGE_COSINE):
                out.add(other.story)
        return out

    def _merge_partner(self, story: StoryProfile, sharing: set[str] = frozenset()) -> StoryProfile | None:
        """The story this one is best merged with, or None: from :data:`MERGE_COSINE`
        among the stories near it in time (from :data:`SMALL_MERGE_COSINE` for a small
        story whose heaviest names the other has, not all of them figures of many stories:
        :func:`_named_in`, :meth:`_names_not_all_figures`; from
        :data:`SHORT_MERGE_COSINE` between two stories of one-line reports, and only from
        :data:`SHORT_MIX_COSINE` between a larger one of those and a story of full
        articles), else, when this
        story looks back at an earlier year, from :data:`FAR_MERGE_COSINE` among the
        stories of that year (the trial of a shooting two years on; from
        :data:`FAR_NAMED_COSINE` when one of the two has the other's heaviest names, and from
        :data:`FAR_FOLLOW_UP_COSINE` when this story is small and the two also share the own
        name of one of them). A
        small story of one-line reports with the other's heaviest names is scored without
        the name veto. Two stories that would span more than :data:`SPAN_DAYS` merge only
        from :data:`MERGE_COSINE` when they share the own name of one of them, else from
        :data:`STRETCH_MERGE_COSINE`. A story with an article printing a sentence that an
        article of this one prints too (``sharing``: :meth:`_sharing_stories`) merges from
        :data:`SHARED_MERGE_COSINE` when that takes neither story into other days, and two dated
        stories of the same days sharing the own name of one of them from
        :data:`SAME_DAYS_MERGE_COSINE` (:meth:`_same_days_same_name`)."""
        centroid = self._centroid(story)
        nameless = not story.name_norm
        best, best_score = None, 0.0
        found = self.candidates(centroid, story.last_day)
        found += [self.stories[sid] for sid in sorted(sharing) if self.stories[sid] not in found]
        # Looked up at the story's latest day, as an article of that day would be.
        for other in found:
            if other is story or other.size == 0 or not self._spans_meet(story, other):
                continue
            score = self.cosine(centroid, other, nameless=nameless)
            if (score == 0.0 and story.size <= SMALL_STORY and other.size >= story.size and _all_short(story)
                    and _named_in(centroid, other)):
                # One-line reports name few of a story's names, so their name cosine with
                # its centroid is low even when their heaviest names are the story's:
                # the name veto does not apply to them.
                score = self.cosine(centroid, other, veto=False, nameless=nameless)
            if score < best_score:
                continue
            # The same sentence in two reports of the same days: one event, told in two ways.
            same_text = other.id in sharing and score >= SHARED_MERGE_COSINE and not _widens(story, other)
            if (not same_text and self._outgrows(other, story.first_day, story.last_day, story)
                    and not self._may_stretch(story, other, score)):
                continue
            alike = _has_dates(story) == _has_dates(other)
            cut = MERGE_COSINE if alike else UNDATED_MERGE_COSINE
            short = _all_short(story)
            if short != _all_short(other):
                if (story if short else other).size > SMALL_STORY:
                    cut = max(cut, SHORT_MIX_COSINE)
            elif short and alike:
                cut = min(cut, SHORT_MERGE_COSINE)
            if same_text:
                cut = min(cut, SHARED_MERGE_COSINE)
            if alike and self._same_days_same_name(story, other):
                cut = min(cut, SAME_DAYS_MERGE_COSINE)
            if score >= cut or (
                score >= SMALL_MERGE_COSINE and story.size <= SMALL_STORY and other.size >= story.size
                and _named_in(centroid, other) and self._names_not_all_figures(centroid, story, other)
            ):
                best, best_score = other, score
        if best is not None or not _looks_back(story):
            return best
        best_score = 0.0
        for other in self.candidates(centroid):  # in every time bucket
            if other is story or other.size == 0 or self._spans_meet(story, other) or not _follows_up(story, other):
                continue
            score = self.cosine(centroid, other, nameless=nameless)
            cut = FAR_MERGE_COSINE
            # The names are read only when a looser cut could apply.
            named = score >= min(FAR_NAMED_COSINE, FAR_FOLLOW_UP_COSINE) and (
                _named_in(centroid, other) or _named_in(self._centroid(other), story))
            if score >= FAR_NAMED_COSINE and named:
                cut = FAR_NAMED_COSINE
            if named and story.size <= SMALL_STORY and self._share_own_name(story, other):
                cut = min(cut, FAR_FOLLOW_UP_COSINE)
            if score >= max(cut, best_score):
                best, best_score = other, score
        return best

    def _names_not_all_figures(self, centroid: dict[str, float], story: StoryProfile, other: StoryProfile) -> bool:
        """Whether one of the :data:`SMALL_MERGE_NAMES` heaviest names (not years) of a small
        story's centroid is not a figure of many stories: at least :data:`TOPIC_SHARE` of the
        documents naming it are in the two stories. A debate's reports and the primary night
        a few days on both name the candidates and the states still to vote, who are in many
        stories; a report of the same event names something only that event's stories name
        (the accused, the town, the venue)."""
        names = {t: w for t, w in centroid.items() if t[0] == "@" and not t[1:].isdigit()}
        return any(story.names.get(t, 0) + other.names.get(t, 0) >= TOPIC_SHARE * self.df.get(t, 0)
                   for t in _top(names, SMALL_MERGE_NAMES))

    def _same_days_same_name(self, story: StoryProfile, other: StoryProfile) -> bool:
        """Whether two dated stories tell the same days (the merge takes neither into other
        days: :func:`_widens`) and share the own name of one of them
        (:meth:`_share_own_name`): the arrest and the charge two days on name the accused,
        while their words (the shots, the court) part them."""
        return _has_dates(story) and _has_dates(other) and not _widens(story, other) and self._share_own_name(
            story, other)

    def _may_stretch(self, story: StoryProfile, other: StoryProfile, score: float) -> bool:
        """Whether two stories meeting at ``score`` may merge into one spanning more than
        :data:`SPAN_DAYS`. Never from the looser cuts below :data:`MERGE_COSINE`: they meet a
        story's neighbours on the same topic. From MERGE_COSINE when the two share the own
        name of one of them, or when the merge takes neither into other days; else only from
        :data:`STRETCH_MERGE_COSINE`: two reports of one kind of event on other days share
        their words and their figures."""
        if score < MERGE_COSINE:
            return False
        return score >= STRETCH_MERGE_COSINE or not _widens(story, other) or self._share_own_name(story, other)

    def _spans_meet(self, a: StoryProfile, b: StoryProfile) -> bool:
        if a.first_day is None or b.first_day is None or a.last_day is None or b.last_day is None:
            return True
        return a.first_day - WINDOW_DAYS <= b.last_day and b.first_day - WINDOW_DAYS <= a.last_day

    def _absorb(self, keep: StoryProfile, gone: StoryProfile) -> None:
        """Merge story ``gone`` into ``keep``; ``gone`` is left empty."""
        for term, w in gone.total.items():
            keep.total[term] = keep.total.get(term, 0.0) + w
        if len(keep.total) > 2 * STORY_TERMS:
            keep.total = {t: keep.total[t] for t in _top(keep.total, STORY_TERMS)}
        for name, n in gone.names.items():
            keep.names[name] = keep.names.get(name, 0) + n
        keep.size += gone.size
        keep.dated += gone.dated
        keep.short += gone.short
        for day, n in gone.days.items():
            keep.days[day] = keep.days.get(day, 0) + n
        if gone.held is not None:
            keep.held = gone.held if keep.held is None else (min(keep.held[0], gone.held[0]),
                                                             max(keep.held[1], gone.held[1]))
        keep._respan()
        gone.size, gone.total, gone.names, gone.first_day, gone.last_day, gone.dated, gone.short = (
            0, {}, {}, None, None, 0, 0)
        gone.days, gone.held = {}, None
        for story in (keep, gone):
            story.update_norms()
            self._index(story)
            self.changed.add(story.id)

    def seal(self) -> None:
        """Mark every story with members outside the re-check window as stored (called
        after each save): their memberships are final, so a merge never relabels them.
        The window is stored as it is now."""
        self.window_saved = set(self.pending)
        open_members: dict[str, int] = {}
        for item in self.pending.values():
            open_members[item.story] = open_members.get(item.story, 0) + 1
        self.sealed = {sid for sid, story in self.stories.items() if story.size > open_members.get(sid, 0)}

    def window_full(self) -> bool:
        """Whether the re-check window holds :data:`REVISIT_WINDOW` articles."""
        return len(self.pending) >= REVISIT_WINDOW

    def _take(self, story: StoryProfile, sketch: Sketch, vec: dict[str, float]) -> None:
        """Take an article back out of a story."""
        story.remove(sketch, vec)
        self._index(story)
        self.changed.add(story.id)

    def _place(self, story: StoryProfile, sketch: Sketch, vec: dict[str, float]) -> None:
        total = story.total
        for term, w in vec.items():
            total[term] = total.get(term, 0.0) + w
        if len(total) > 2 * STORY_TERMS:
            story.total = total = {t: total[t] for t in _top(total, STORY_TERMS)}
        story.update_norms()
        for name in sketch.names:
            story.names[name] = story.names.get(name, 0) + 1
        story.size += 1
        if sketch.words < SHORT_WORDS:
            story.short += 1
        if sketch.day is not None:
            story.dated += 1
            story.add_day(sketch.day)
        self._index(story)
        self.changed.add(story.id)

    def _index(self, story: StoryProfile) -> None:
        """Post the story under its centroid's heaviest terms (and no others), so the
        index is a function of the stored profiles alone."""
        top = frozenset(_top(story.total, INDEX_TERMS, ordered=False))
        if story.first_day is None or story.last_day is None:
            buckets: frozenset[int | None] = frozenset([None])
        else:
            first = (story.first_day - WINDOW_DAYS) // BUCKET_DAYS
            buckets = frozenset(range(first, (story.last_day + WINDOW_DAYS) // BUCKET_DAYS + 1))
        old_top, old_buckets = story.indexed, story.buckets
        for term in old_top - top:
            for bucket in old_buckets:
                self.postings[term][bucket].discard(story.id)
        # A span shrinks back when an article leaves: the terms kept leave the buckets lost.
        lost = old_buckets - buckets
        if lost:
            for term in old_top & top:
                for bucket in lost:
                    self.postings[term][bucket].discard(story.id)
        # New terms go into every bucket; terms kept only into the buckets the span
        # gained (usually none: most updates leave the span and most terms alone).
        gained = buckets - old_buckets
        for term in top - old_top if not gained else top:
            for bucket in gained if term in old_top else buckets:
                self.postings.setdefault(term, {}).setdefault(bucket, set()).add(story.id)
        story.indexed, story.buckets = top, buckets

    # -- persistence ----------------------------------------------------------------------

    def meta_bytes(self) -> bytes:
        """Document frequencies and counters, serialised for the store."""
        data = {"v": STATE_VERSION, "documents": self.documents, "df": self.df, "unsettled": self.unsettled}
        return zlib.compress(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())

    def stored_profiles(self, story_ids: Iterable[str]) -> list[tuple[str, bytes]]:
        """Stories' profiles as the store keeps them: without the articles of the open
        window, which are stored on their own and placed again when the state is loaded
        (their vectors change with the counts, so their share of a centroid is not kept)."""
        inside: dict[str, list[_Pending]] = {}
        for item in self.pending.values():
            inside.setdefault(item.story, []).append(item)
        rows = []
        for sid in story_ids:
            story = self.stories[sid]
            if sid in inside:
                base = StoryProfile(story.id, story.seq, story.size, dict(story.total), dict(story.names),
                                    story.first_day, story.last_day, story.dated, story.short, dict(story.days),
                                    story.held)
                for item in inside[sid]:
                    base.remove(item.sketch, item.vec)
                story = base
            rows.append((sid, story.to_bytes()))
        return rows

    def window_rows(self) -> tuple[list[tuple[str, bytes]], list[str]]:
        """What the store's copy of the window lacks: (article id, :meth:`_Pending.to_bytes`)
        of the articles to write, and the ids of the articles that left it."""
        added = [(key, item.to_bytes()) for key, item in self.pending.items() if key not in self.window_saved]
        return added, sorted(self.window_saved.difference(self.pending))

    @classmethod
    def restore(cls, meta: bytes, stories: Iterable[tuple[str, bytes]],
                window: Iterable[tuple[str, str, bytes]] = (), **kwargs: float) -> StoryIndex:
        """An index rebuilt from :meth:`meta_bytes`, the stored profiles (see
        :meth:`stored_profile`) and the open window: (article id, its story, the
        article's :meth:`_Pending.to_bytes`), in the order the articles came."""
        index = cls(**kwargs)
        data = json.loads(zlib.decompress(meta))
        index.documents, index.df = data["documents"], data["df"]
        index.unsettled = bool(data.get("unsettled", False))
        profiles = sorted((StoryProfile.from_bytes(sid, blob) for sid, blob in stories), key=lambda p: p.seq)
        for profile in profiles:
            index.stories[profile.id] = profile
            index._index(profile)
        for key, story_id, blob in window:
            sketch, movable, follows, sentences, outlet = _Pending.read(blob)
            vec = index.vector(sketch)
            index._place(index.stories[story_id], sketch, vec)
            index.pending[key] = _Pending(sketch, vec, story_id, movable, index.documents, follows, sentences, outlet)
            index.sentences.add(key, sentences, outlet)
        index.changed.clear()
        index.seal()
        return index
