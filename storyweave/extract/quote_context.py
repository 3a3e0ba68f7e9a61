"""What the quote finder knows of the article it reads: the text and parse, the memos its
phases leave each other, and who was speaking or acting in the sentences read so far, by
which a pronoun or role noun ("he said", "the mayor said") is resolved to a person."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any, Callable

from ..model import Annotation
from .attribution import Attribution
from .attribution_words import INDEFINITE, PERSON_NOUNS, RANK_NOUNS, ROLE_NOUNS, SPEECH_NOUNS
from .entities import EntityIndex
from .genders import compatible, is_main_subject, only_lead_words, person_genders, pronoun_gender
from .quote_cues import _is_speech
from .quote_marks import quoted_spans
from .quote_roles import ROLE_ABBREVIATIONS

#: Nouns of what someone said whose owner is speaking ("Varga's statement", "his remarks").
STATEMENT_NOUNS = SPEECH_NOUNS | {"speech", "testimony", "interview"}
#: Mentions that make a person the article's main one, whom an otherwise unanchored
#: pronoun stands for.
MAIN_PERSON_MENTIONS = 3
#: Sentences back within which the last speaker goes on when the sentences since name
#: someone only as the subject of a question.
SPEAKER_SENTENCES = 5
#: Who spoke, when it was one person the article does not name ("One California delegate
#: said"): a "he" after them is theirs, and resolves to no one.
UNNAMED_PERSON = ""
#: One-sentence paragraphs opening with the same pronoun, each between longer paragraphs,
#: that make a list of headings ("He said …", "He implied …", "He called …" in "The things
#: he has said this year").
LIST_ITEMS = 3


#: Words for a part of what follows their "of" ("one of Varga's speeches").
PARTITIVES = frozenset({"one", "some", "many", "most", "several", "each", "all", "few", "both", "another"})


def _owned_subject(token: Any) -> Any:
    """The subject of its clause that a name owns, directly or as a part of what it owns
    ("Sanders's candidacy took root", "One of Varga's tirades came in May"), else None."""
    if token.dep_ != "poss" or token.head.ent_type_ == "PERSON":
        return None
    owned = token.head
    if owned.dep_ == "pobj" and owned.head.lower_ == "of" and owned.head.head.lower_ in PARTITIVES:
        owned = owned.head.head
    if any(_subject_named(c) is not None for c in owned.children):
        # "Varga's deputy — Councillor Sam Brel — has backed …": the name set beside the
        # subject says who it is, and the owner is only whose deputy
        return None
    return owned if owned.dep_ in ("nsubj", "nsubjpass") else None


def _subject_named(token: Any) -> Any:
    """The subject of its clause that a person's name is set beside to say who it is ("Varga's
    deputy — Councillor Sam Brel — has backed …", "The new chairman, Sam Brel, said"), else
    None."""
    if token.dep_ != "appos" or token.ent_type_ != "PERSON" or token.head.pos_ != "NOUN":
        return None
    return token.head if token.head.dep_ in ("nsubj", "nsubjpass") else None


def _owns_subject(token: Any) -> bool:
    """Whether a name owns the thing that is its clause's subject: what the sentence is
    about ("Sanders's candidacy took root …. His attacks on big banks …" are Sanders's; "One
    of Varga's tirades came in May, when she told …" is hers)."""
    return _owned_subject(token) is not None


def _verbless_root(token: Any) -> bool:
    """Whether a name is the root the parser made of a sentence it found no first verb for,
    with the verbs after it hung on it ("Rep. Ivo Brel (D-Ore.), chairman of the panel,
    didn't object, but he did ask …": Brel is the subject of both)."""
    return token.dep_ == "ROOT" and token.pos_ == "PROPN" and any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > token.i for c in token.children)


def _opening_name_of_subjectless_root(token: Any) -> bool:
    """Whether a name opening its sentence, set off by a comma, is one the parser left
    hanging while the sentence's main verb has no subject ("Varga, later alleging that Holm
    wanted …, said he would …": Varga is the one who said it)."""
    if token.dep_ != "dep" or token.ent_type_ != "PERSON" or token.i + 1 >= len(token.doc) \
            or token.doc[token.i + 1].text != ",":
        return False
    opening = [t for t in token.doc[token.sent.start : token.i] if not t.is_punct]
    root = token.sent.root
    return all(t.ent_type_ == "PERSON" or t.dep_ == "compound" for t in opening) and root.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


#: Sentences back, past the pronoun's own, within which "they" looks for the group it
#: continues ("Greens say …. What's more, the board's figures are wrong, they say").
GROUP_SENTENCES = 3


def _main_subjects(sentence: Any) -> list[Any]:
    """The subjects of a sentence's main verb and of the verbs joined to it by "and" or a
    comma, in text order; not those of the clauses they govern ("Greens say the board is
    looking …" has "Greens" only)."""
    verbs = [sentence.root]
    for verb in verbs:
        verbs += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c not in verbs]
    return sorted((c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda t: t.i)


def _plural(token: Any) -> bool:
    return token.tag_ in ("NNS", "NNPS") or "Plur" in token.morph.get("Number") or any(
        c.dep_ == "conj" for c in token.children)


def group_continued(pronoun: Any, quoted: list[tuple[int, int]]) -> Any:
    """The subject a "they" continues: the nearest plural subject of a main verb before it,
    in its own sentence ("her advisers say …, and they say …") or in the
    :data:`GROUP_SENTENCES` before, past other "they"s that continue it and past subjects
    of one, whom "they" cannot stand for ("Yet Greens have attacked the levy …. For
    instance: that Varga misjudged the port. They are also focused on …. They say …");
    None when there is none (a subject inside a quotation is the speaker's words, not the
    writer's)."""
    doc = pronoun.doc
    sentence = pronoun.sent
    for _ in range(GROUP_SENTENCES + 1):
        subjects = [t for t in _main_subjects(sentence) if t.i < pronoun.i and t.head.i != pronoun.head.i
                    and not any(a <= t.idx < b for a, b in quoted)]
        for subject in reversed(subjects):
            if subject.lower_ == "they" or not _plural(subject):
                continue
            return subject
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
    return None


#: A photo credit on a line of its own: agency names joined by a slash ("Handout/Reuters.",
#: "POOL New/Reuters.", "AP Photo/Ana Ruiz").
_PHOTO_CREDIT = re.compile(r"[A-Z][\w.’' -]{0,40}/[A-Z][\w.’' -]{0,40}")
#: Words at most on a photo credit's line.
CREDIT_WORDS = 5


def _captions(text: str) -> list[tuple[int, int]]:
    """The paragraphs right after a photo credit line: the caption of the picture, whose
    people are in the picture, not in the story, so a "he added" after "POOL/Reuters.⏎⏎Officer
    Ivo Brel holds up the gun …" continues the one the story quoted before the picture."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [after for (a, b), after in zip(paragraphs, paragraphs[1:])
            if len(text[a:b].split()) <= CREDIT_WORDS and _PHOTO_CREDIT.fullmatch(text[a:b].strip().rstrip("."))]


class _Context:
    """Who was speaking or acting in the sentences read so far, for pronoun resolution."""

    def __init__(self, annotation: Annotation, index: EntityIndex) -> None:
        self.annotation = annotation
        self.index = index
        self.article = annotation.article.id
        self.speakers: list[tuple[int, int, str]] = []  # (sentence, char, entity)
        self.said: list[tuple[int, int, str]] = []  # (start, end, entity) of what each speaker said
        # where two or more people said something together ("Councillors Brel and Holm, who
        # say …"): a "he" or "she" after it continues neither of them alone
        self.joint: set[int] = set()
        self.persons: list[tuple[int, int, str, bool]] = []  # (sentence, char, entity, is_subject)
        starts = [s.span[0] for s in annotation.sentences]
        self._starts = starts
        spans = {}
        for m in annotation.mentions:
            eid = self._person_of(m)
            if eid is not None:
                self.persons.append((m.sentence, m.span[0], eid, self._is_subject(m.span)))
                spans[m.span[0]] = m.span
        self.persons += self._untagged_subjects()
        self.persons += self._role_subjects()
        # A name inside a quotation is what the speaker talks about, never whom a "he said"
        # after it stands for ("“… Donald Trump lost me a long time ago,” he said").
        quoted = quoted_spans(annotation.article.text)
        self.quoted = quoted
        unnamed = [(sentence, char) for sentence, char in self._unnamed_speakers() if not any(a <= char < b for a, b in quoted)]
        self.persons += [(sentence, char, UNNAMED_PERSON, True) for sentence, char in unnamed]
        self.speakers += [(sentence, char, UNNAMED_PERSON) for sentence, char in unnamed]
        self.persons = [p for p in self.persons if not any(a <= p[1] < b for a, b in quoted)]
        captions = _captions(annotation.article.text)
        self.persons = [p for p in self.persons if not any(a <= p[1] < b for a, b in captions)]
        self.speakers += self._owners_of_statements(quoted)
        self.speakers.sort(key=lambda s: s[1])
        self.persons.sort(key=lambda p: p[1])
        self.main_subjects = {p[1] for p in self.persons
                              if p[3] and self._is_main_subject(spans.get(p[1], (p[1], p[1] + 1)))}
        self.mention_counts = Counter(p[2] for p in self.persons)
        text = annotation.article.text
        self.questions = {i for i, s in enumerate(annotation.sentences)
                          if text[s.span[0] : s.span[1]].rstrip(" ”\"’").endswith("?")}
        # The pronouns speakers were credited by ("he said" resolved to Brel): a later "she"
        # skips Brel even when nothing else in the article tells his gender.
        self.called: dict[str, set[str]] = defaultdict(set)
        self.genders = person_genders(annotation, self._person_of, quoted,
                                      lambda m: bool(is_main_subject(annotation.doc, m.span)))
        self.list_items = self._list_items()

    def _list_items(self) -> dict[int, int]:
        """The start of each list heading's opening pronoun, to the start of the first
        heading's: a run of one-sentence paragraphs that open with the same pronoun, each
        followed by a paragraph of several sentences telling its story, are the items of one
        list, and share the subject the first item's pronoun stands for, not the last person
        the story before each item quoted ("… fired back,” Kessby said.\n\nHe implied a
        judge was biased.\n\nPhoto.\n\nThe candidate …" is the list's "he")."""
        text = self.annotation.article.text
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        # a photo credit or a caption of a word or two sits between a heading and its story
        paragraphs = [p for p in paragraphs if len(text[p[0] : p[1]].split()) > 2]

        def sentences(p: tuple[int, int]) -> int:
            return sum(1 for s in self._starts if p[0] <= s < p[1])

        items: dict[str, list[int]] = defaultdict(list)
        for i, (a, b) in enumerate(paragraphs[:-1]):
            opening = re.match(r"(He|She|They) [a-z]", text[a:b])
            if opening and sentences((a, b)) == 1 and sentences(paragraphs[i + 1]) >= 2 \
                    and (i == 0 or sentences(paragraphs[i - 1]) >= 2):
                items[opening[1]].append(a)
        return {start: found[0] for found in items.values() if len(found) >= LIST_ITEMS for start in found}

    def _person_of(self, mention: Any) -> str | None:
        eid = self.index.by_mention.get((self.article, mention.span[0], mention.span[1]))
        entity = self.index.get(eid)
        return eid if entity and entity.type == "PERSON" else None

    def _owners_of_statements(self, quoted: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """People named as the owners of a statement, a remark or a speech ("listening to
        Varga's statement on Tuesday. She called the levy …"): the article has them speaking,
        as a "Varga said" would; not when a person is the sentence's subject ("Brel tweeted,
        quoting Varga's statement. He added …": Brel speaks, Varga is quoted)."""
        found = []
        subjects = {p[0] for p in self.persons if p[3]}
        for m in self.annotation.mentions:
            if m.sentence in subjects:
                continue
            chunk = self.annotation.doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            if chunk is None or any(a <= m.span[0] < b for a, b in quoted) or (eid := self._person_of(m)) is None:
                continue
            owner = chunk.root
            if owner.dep_ == "poss" and owner.head.lemma_.lower() in STATEMENT_NOUNS and owner.head.tag_ in ("NN", "NNS"):
                found.append((m.sentence, m.span[0], eid))
        return found

    def _untagged_subjects(self) -> list[tuple[int, int, str, bool]]:
        """Subjects that name a person of the story the tagger missed in this sentence
        ("Trump did rule out …" where it tagged "Trump" elsewhere)."""
        spans = [m.span for m in self.annotation.mentions]
        found = []
        for token in self.annotation.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or any(a <= token.idx < b for a, b in spans):
                continue
            eid = self.index.lookup(token.text, ("PERSON",), self.article)
            if eid is None and len(self.index.namesakes(token.text)) > 1:
                # one of two namesakes, no telling which: still someone a "he" after it may
                # stand for, so it is not passed over for a person named before
                eid = UNNAMED_PERSON
            if eid is not None:
                found.append((self.sentence_of(token.idx), token.idx, eid, True))
        return found

    def _role_subjects(self) -> list[tuple[int, int, str, bool]]:
        """A bare role or rank as a subject ("the admiral chuckled") acting for the one person
        named before it whom the story titles so ("Adm. Ana Varga"): a "he said" after it goes
        on with that person, not with another named as a subject before ("Gen. Brel asked
        Admiral Varga …. Later, the admiral chuckled. “…,” he said" is Varga's)."""
        found = []
        for token in self.annotation.doc:
            role = token.lemma_.lower()
            if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN" or role not in ROLE_NOUNS | RANK_NOUNS \
                    or [c.lower_ for c in token.children] != ["the"]:
                continue  # ("the party leader", "the Ostland senator" are the role finder's to read)
            words = {role, *ROLE_ABBREVIATIONS.get(role, ())}
            titled = {p[2] for p in self.persons if p[1] < token.idx
                      and any(words.intersection(title) for title in self.index.titles.get(p[2], ()))}
            if len(titled) == 1:
                found.append((self.sentence_of(token.idx), token.idx, titled.pop(), True))
        return found

    def _unnamed_speakers(self) -> list[tuple[int, int]]:
        """Sentence and position of each speaker introduced as one new person without a name
        ("One California delegate said", "a senior aide told reporters"), or pointed back at
        as one ("The neighbour said …" after "a neighbour" and no named person described so)."""
        found = []
        introduced: set[str] = set()  # the nouns an unnamed person was introduced by so far
        described = {noun for nouns in self.index.descriptions.values() for noun in nouns}
        for token in self.annotation.doc:
            noun = token.lemma_.lower()
            if token.tag_ != "NN" or noun not in PERSON_NOUNS:
                continue
            determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "nummod")]
            new = any(d in INDEFINITE for d in determiners)
            if new:
                introduced.add(noun)
            again = determiners == ["the"] and noun in introduced and noun not in described | ROLE_NOUNS | RANK_NOUNS
            if token.dep_ == "nsubj" and _is_speech(token.head) and (new or again) \
                    and not any(c.dep_ == "appos" for c in token.children):  # "a pastor, Ana Ruiz," is named
                found.append((self.sentence_of(token.idx), token.left_edge.idx))
        return found

    def _is_subject(self, span: tuple[int, int]) -> bool:
        chunk = self.annotation.doc.char_span(span[0], span[1], alignment_mode="expand")
        return bool(chunk is not None and any(
            t.dep_ in ("nsubj", "nsubjpass") or _owns_subject(t) or _verbless_root(t) or _subject_named(t) is not None
            or _opening_name_of_subjectless_root(t) for t in chunk))

    def _is_main_subject(self, span: tuple[int, int]) -> bool:
        doc = self.annotation.doc
        chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
        if chunk is not None and any(_opening_name_of_subjectless_root(t) for t in chunk):
            return True  # the parser left the main verb without it
        if chunk is not None and ((owned := _owned_subject(chunk.root)) is not None
                                  or (owned := _subject_named(chunk.root)) is not None):
            span = (owned.idx, owned.idx + len(owned.text))
        return bool(is_main_subject(doc, span))

    def sentence_of(self, char: int) -> int:
        lo = 0
        for i, s in enumerate(self._starts):
            if s <= char:
                lo = i
        return lo

    def last_two_people(self, char: int) -> tuple[str, ...]:
        """The two people named in the three sentences up to ``char``, in the order they
        are first named there; () when that is not exactly two people, or when a name there
        is no entity (the tagger missed a person: "Mayor Ana Lindqvist met …", so two found
        may be two of three)."""
        sentence = self.sentence_of(char)
        named = [p[2] for p in sorted(self.persons, key=lambda p: p[1]) if p[1] < char and sentence - p[0] <= 3]
        people = tuple(dict.fromkeys(named))
        if len(people) != 2:
            return ()
        start = self._starts[max(0, sentence - 3)]
        spans = [m.span for m in self.annotation.mentions]

        def known(token: Any) -> bool:
            return any(a <= token.idx < b for a, b in spans)

        doc = self.annotation.doc
        for token in doc.char_span(start, char, alignment_mode="contract") or ():
            if token.pos_ == "PROPN" and not known(token) and not (token.dep_ == "compound" and known(token.head)):
                return ()
        return people

    def resolve(self, char: int, word: str = "", allowed: Callable[[str], bool] | None = None) -> tuple[str | None, float]:
        """The person a pronoun or role noun ``word`` at ``char`` stands for (one ``allowed``
        accepts, if given), and how sure that is; "she" never stands for someone the article
        calls Mr or "he"; None when it is an unnamed person who spoke last."""
        eid, confidence = self._resolve(char, word, allowed)
        return (None, 0.0) if eid == UNNAMED_PERSON else (eid, confidence)

    def _resolve(self, char: int, word: str, allowed: Callable[[str], bool] | None) -> tuple[str | None, float]:
        sentence = self.sentence_of(char)
        wanted = pronoun_gender(word)
        named_since = {s[1] for s in self.speakers if s[2] == UNNAMED_PERSON and any(
            s[1] < p[1] < char and p[3] for p in self.persons)}

        def fits(eid: str) -> bool:
            if eid == UNNAMED_PERSON:
                # only for "he"/"she", and not past a person named as a subject since
                return wanted is not None and allowed is None
            called = self.called.get(eid, set())
            # "he" and "she" are people ("White America embracing Obama announced …" spoke, but is no "he")
            person = wanted is None or (entity := self.index.get(eid)) is not None and entity.type == "PERSON"
            # what this article shows of a gender, else what its pronouns so far said, else
            # what the story's other articles show
            known = self.genders.get(eid) or (next(iter(called)) if len(called) == 1 else None) or self.index.genders.get(eid)
            return person and compatible(known, wanted) \
                and (allowed is None or allowed(eid))

        ahead = self._named_ahead(char, word)
        if ahead is not None and fits(ahead):
            return ahead, 0.9
        topic = self._named_topic(char, word)
        if topic is not None and fits(topic):
            return topic, 0.9
        first = self.list_items.get(char)
        if first is not None and first != char:
            listed, confidence = self._resolve(first, word, allowed)
            if listed is not None:
                return listed, min(confidence, 0.8)
        # "X said that he knew …": a pronoun opening X's own reported clause is X, so a quote
        # starting at the pronoun counts as before it.
        speakers = self.speakers if wanted is None else [s for s in self.speakers if s[1] not in self.joint]
        recent = [s for s in speakers if s[1] <= char and sentence - s[0] <= 2 and fits(s[2]) and s[1] not in named_since]
        # "Carson criticized the media, though he added …": a person the pronoun's sentence
        # has as a subject before it, later than the last speaker, is whom it continues.
        reported = self._reported_by(char)
        same = [p for p in self.persons if p[0] == sentence and p[1] < char and p[3] and fits(p[2])
                and not any(a <= p[1] < b for a, b in reported)]
        # the subject of the sentence's main verb before one of a clause inside it ("Lynch has
        # the final say on whether Clinton faces charges, and though she has said …")
        same = [p for p in same if p[1] in self.main_subjects] or same
        if same and (shown := self._shown_instead(sentence, char, wanted, same, reported, fits)) is not None:
            return shown, 0.8
        if same and (not recent or recent[-1][1] < same[-1][1]):
            return same[-1][2], 0.9
        # "Trump vowed, “…” Earlier, Sheriff Joe Arpaio vouched for the wall. He said, “…”":
        # a sentence opening with the pronoun continues the main subject of the one before,
        # named since the last speaker
        before = self._not_reported([p for p in self.persons if p[0] == sentence - 1 and p[3] and fits(p[2])])
        before = [p for p in before if p[1] in self.main_subjects] or before[:1]
        if before and recent and recent[-1][1] < before[-1][1] \
                and (only_lead_words(self.annotation.article.text[self._starts[sentence] : char])
                     or not any(p[0] == sentence and p[1] < char and fits(p[2]) for p in self.persons)
                     and not any(self._starts[sentence] <= a < char for a, _ in self.quoted)):
            # (words before the pronoun that name no one it may stand for, and quote no one, are
            # lead words too: "Brel's campaign vowed …. As word of Varga's wins came in, he gave a
            # speech"; a quotation before it is _introduced_before_quotation's to read)
            return before[-1][2], 0.8
        if (continued := self._introduced_before_quotation(char, word, fits)) is not None:
            return continued, 0.8
        if recent:
            # A speaker in the sentence before is the strongest cue a reader has.
            return recent[-1][2], 0.9 if sentence - recent[-1][0] <= 1 else 0.7
        subjects = [p for p in self.persons if p[1] < char and p[3] and sentence - p[0] <= 3 and fits(p[2])
                    and not self._under_pronoun(p[1], word)]
        if subjects:
            # The subject of a main verb before one inside a clause ("Obama will make the case
            # that Clinton is qualified. “…,” he will say").
            main = [p for p in subjects if p[1] in self.main_subjects]
            if all(p[0] in self.questions for p in subjects):
                # Only the subjects of the writer's questions ("But what if Clinton wins? …"
                # between an interview's answers): the one who has been answering goes on.
                last = [s for s in speakers if s[1] <= char and sentence - s[0] <= SPEAKER_SENTENCES and fits(s[2])
                        and s[1] not in named_since]
                if last:
                    return last[-1][2], 0.5
            return (main or subjects)[-1][2], 0.6
        # Named but never a subject nearby: the latest sentence naming someone; of two there
        # ("… Trump's guiding principle is getting through Anderson Cooper's questions. After
        # all, while he insisted …" in a story about Trump), the one the article names most.
        named = [p for p in self.persons if p[1] < char and sentence - p[0] <= 3 and fits(p[2])
                 and not self._under_pronoun(p[1], word)]
        if named:
            last = [p for p in named if p[0] == named[-1][0]]
            return max(last, key=lambda p: (self.mention_counts[p[2]], p[1]))[2], 0.4
        # Nobody near (a long quotation since): the last one who spoke continues, else the
        # one person named so far, else the article's main person.
        earlier = [s for s in speakers if s[1] <= char and fits(s[2]) and s[1] not in named_since]
        if earlier:
            return earlier[-1][2], 0.3
        people = {p[2] for p in self.persons if p[1] < char and fits(p[2])}
        if len(people) == 1:
            return people.pop(), 0.3
        # (counted as far as the reader has read: "… killed four men: Ivo Brel, Sam Holm, …" names
        # no main person, though a namesake the linker joins to Holm is quoted all through the end)
        so_far = Counter(p[2] for p in self.persons if p[1] < char)
        main = [p for p in self.persons if p[1] < char and fits(p[2]) and so_far[p[2]] >= MAIN_PERSON_MENTIONS]
        if main:
            return max(main, key=lambda p: (so_far[p[2]], p[1]))[2], 0.3
        return None, 0.0

    def _introduced_before_quotation(self, char: int, word: str, fits: Callable[[str], bool]) -> str | None:
        """The person a "he" or "she" right after a quotation that opens its sentence stands
        for when the sentence before the quotation introduced them as its main subject, named
        since the last speaker ("Varga pointed to the levy as “theft.” “We were robbed,” she
        said"), unless the quotation itself speaks of someone that pronoun would stand for
        ("… “He lied,” he said") or names the one introduced ("Brel drew a pistol. “Ivo fired
        first,” he said"): the one introduced is talked about."""
        if word.lower() not in ("he", "she"):
            return None
        text = self.annotation.article.text
        quotation = next(((a, b) for a, b in reversed(self.quoted)
                          if b <= char and not text[b:char].strip(" ,”\"’'\n")), None)
        if quotation is None:
            return None
        opened = self.sentence_of(quotation[0])
        if opened == 0 or text[self._starts[opened] : quotation[0]].strip(" \n“\"‘'`"):
            return None
        others = {"he": r"\b(?:he|him|his|himself)\b", "she": r"\b(?:she|her|hers|herself)\b"}[word.lower()]
        if re.search(others, text[quotation[0] : quotation[1]], re.I):
            return None
        before = self._not_reported([p for p in self.persons if p[0] == opened - 1 and p[3] and fits(p[2])])
        before = [p for p in before if p[1] in self.main_subjects] or before[:1]
        if before and self._named_in(before[-1][2], text[quotation[0] : quotation[1]]):
            return None
        last = [s for s in self.speakers if s[1] < quotation[0] and fits(s[2])]
        if before and (not last or last[-1][1] < before[-1][1]):
            return before[-1][2]
        return None

    def _named_in(self, eid: str, words: str) -> bool:
        """Whether ``words`` call a person by a first name or surname of theirs."""
        entity = self.index.get(eid)
        names = entity.name.split() if entity is not None else []
        return any(re.search(rf"\b{re.escape(n)}\b", words) for n in names[:1] + names[-1:] if len(n) > 1)

    def _shown_instead(self, sentence: int, char: int, wanted: str | None, subjects: list[tuple[int, int, str, bool]],
                       reported: list[tuple[int, int]], fits: Callable[[str], bool]) -> str | None:
        """The one person named before a "he" or "she" in its sentence, not as a subject,
        whom the story shows to be of the pronoun's gender, when no subject there is shown to
        be: "Governor Robin Brel called Mayor Ada Varga a menace after she criticised …" is
        Varga; had the writer meant Brel, a woman too, "she" would not tell the two apart."""
        if wanted is None:
            return None

        def shown(eid: str) -> str | None:
            return self.genders.get(eid) or self.index.genders.get(eid)

        if any(shown(p[2]) is not None for p in subjects):
            return None
        others = {p[2] for p in self.persons if p[0] == sentence and p[1] < char and not p[3] and fits(p[2])
                  and shown(p[2]) == wanted and not any(a <= p[1] < b for a, b in reported) and self._object_at(p[1])}
        return next(iter(others)) if len(others) == 1 else None

    def _object_at(self, char: int) -> bool:
        """Whether the name starting at ``char`` is a verb's object ("called Mayor Ada Varga
        a disgrace"), not a possessive or a word deeper in a phrase ("Varga's plan")."""
        found = self.annotation.doc.char_span(char, char + 1, alignment_mode="expand")
        if found is None:
            return False
        token = found[0]
        while token.dep_ in ("compound", "flat") and token.head.i > token.i:
            token = token.head
        return token.dep_ == "dobj"

    def _not_reported(self, persons: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
        """Of the subjects of one sentence, those it does not report as someone else's words:
        in "Like his remarks on the judge, Brel said, Holm's attacks were unacceptable" Holm is
        what Brel said, and a "he said" after it goes on with Brel, not Holm; nor is a name in
        what a speaker said a subject of the writer's, whatever the parser made of it ("His
        loyalty moved from Holm to, now, Kane, Varga said", the parser making "Kane" a subject
        of "said" beside Varga)."""
        persons = [p for p in persons if not any(a <= p[1] < b and p[2] != eid for a, b, eid in self.said)]
        if not persons or self.annotation.doc is None:
            return persons
        doc = self.annotation.doc
        first = doc.char_span(persons[0][1], persons[0][1] + 1, alignment_mode="expand")
        if first is None or not len(first):
            return persons
        root = first[0].sent.root
        # the attribution inserted in the sentence ("…, Brel said, …"): its subject alone
        # speaks; the rest of the sentence is what was said
        inserted = [c for c in root.children if c.dep_ == "parataxis" and _is_speech(c)]
        speakers = [(c.left_edge.idx, c.idx + len(c.text)) for v in inserted for c in v.children if c.dep_ == "nsubj"]
        if not speakers:
            return persons
        return [p for p in persons if any(a <= p[1] < b for a, b in speakers)]

    def _reported_by(self, char: int) -> list[tuple[int, int]]:
        """Character spans of the clauses the pronoun at ``char`` reports or was asked about
        ("Also, Trump isn't a conservative, he said": Trump is what was said, not who said
        it; "Asked about her vote in the event that Clinton faces Trump, she replied")."""
        tokens = self.annotation.doc.char_span(char, char + 1, alignment_mode="expand")
        if tokens is None or not len(tokens) or tokens[0].dep_ not in ("nsubj", "nsubjpass"):
            return []
        verb = tokens[0].head
        return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in verb.children if c.i < verb.i and (
            c.dep_ in ("ccomp", "parataxis") or c.dep_ == "advcl" and c.lemma_.lower() == "ask" and c.tag_ == "VBN")]

    def _named_ahead(self, char: int, word: str) -> str | None:
        """The person a "he" or "she" opening a sentence's clause points ahead to ("Ever since
        she endorsed Clinton, Ms. Warren has been …"): the named subject of the main clause,
        when the sentence names no one before the pronoun."""
        if word.lower() not in ("he", "she"):
            return None
        tokens = self.annotation.doc.char_span(char, char + len(word), alignment_mode="expand")
        if tokens is None or len(tokens) != 1:
            return None
        pronoun = tokens[0]
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i \
                or not any(c.dep_ == "mark" for c in clause.children):
            return None
        sentence = self.sentence_of(char)
        if any(p[0] == sentence and p[1] < char for p in self.persons):
            return None
        subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
        if subject is None:
            return None
        first, last = subject.left_edge.idx, subject.idx + len(subject.text)
        return next((p[2] for p in self.persons if p[0] == sentence and first <= p[1] < last), None)

    def _named_topic(self, char: int, word: str) -> str | None:
        """The person a sentence opening "As for X," or "As to X," turns to, whom a "he" or
        "she" right after the comma continues ("As for Varga, she said she was not worried"
        is Varga's, whoever spoke before)."""
        if word.lower() not in ("he", "she"):
            return None
        sentence = self.sentence_of(char)
        start = self.annotation.sentences[sentence].span[0]
        topic = re.fullmatch(r"\s*As (?:for|to) ([^,]{1,60}),\s*", self.annotation.article.text[start:char])
        if topic is None:
            return None
        first, last = start + topic.start(1), start + topic.end(1)
        named = {p[2] for p in self.persons if p[0] == sentence and first <= p[1] < last}
        return next(iter(named)) if len(named) == 1 else None

    def _under_pronoun(self, char: int, word: str) -> bool:
        """Whether the name at ``char`` is in the clause of an earlier subject pronoun
        ``word`` ("asked Sanders if he would endorse Clinton": that "he" is not Clinton, and
        neither is the next "he")."""
        if word.lower() not in ("he", "she"):
            return False
        token = self.annotation.doc.char_span(char, char + 1, alignment_mode="expand")
        if token is None or not len(token):
            return False
        name = head = token[0]
        while head.head.i != head.i:
            head = head.head
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == word.lower() and c.i < name.i for c in head.children):
                return True
        return False


class FinderBase:
    """The state every phase of :class:`~storyweave.extract.quotes.QuoteFinder` reads and
    writes: the article, its parse and entities, the speaker context, and the spans one
    phase marks for a later one. Each phase module adds one mixin on this base; they call
    each other's methods through ``self``."""

    def __init__(self, annotation: Annotation, index: EntityIndex) -> None:
        self.annotation = annotation
        self.index = index
        self.doc = annotation.doc
        self.text = annotation.article.text
        self.context = _Context(annotation, index)
        self._clauses: dict[tuple[int, int], tuple[int, int]] = {}  # mixed quote -> its clause
        self._quoted = quoted_spans(self.text)
        self._work_titles: set[tuple[int, int]] = set()  # quoted titles of works: "the book titled “…”"
        self._according_sides: set[tuple[int, int]] = set()  # sides of "according to" already credited
        self._short_answers: set[tuple[int, int]] = set()  # short yet whole: "said so", "said they were angry", "That’s"
        self._gap_nouns: dict[tuple[int, int], str] = {}  # "the levy, which she said was overdue": clause -> "the levy"
        self._pointers: set[tuple[int, int]] = set()  # "That’s according to …": the pronoun, standing for the sentence before
        self._view_owners: dict[tuple[int, int], int | None] = {}  # "his criticism of X": X -> "his"
        self._anchors: dict[int, Attribution] = {}  # a continuation (by id) -> the passage it continues
        self._inserted: dict[tuple[int, int], tuple[int, int]] = {}  # "A, she said, B": A..B -> ", she said,"
        self._relays: dict[tuple[int, int], Any] = {}  # "Varga said: “…,” the Herald reported": quote -> "reported"
        self._titles: dict[tuple[str, str], bool] = {}  # (entity, role noun) -> the article gives it that role
        self._namesakes_chosen: dict[str, tuple[int, str]] = {}  # a shared surname -> (where, whom) it last stood for
        self._record_sources: dict[int, tuple[int, int]] = {}  # "…, port records show": "show" -> "port", "records"
        self._relayed: dict[tuple[int, int], Attribution] = {}  # "The Gazette reported Varga said X": X -> the Gazette's
        # the span each candidate of the phases so far covers -> the verb it is credited to
        self._covered_cues: dict[tuple[int, int], Any] = {}

    def _clause_end(self, end: int, start: int) -> int:
        """``end`` moved back over closing punctuation and white space, not before ``start``,
        and over a closing quotation mark or bracket nothing in the clause opened (a quote whose
        opening mark is in the paragraph before: "… those lies,” Varga says")."""
        while end > start:
            if self.text[end - 1] in ".,;: \u2014\n\t\r":
                end -= 1
            elif self.text[end - 1] in "”\"" and not any(m in self.text[start : end - 1] for m in "“\""):
                end -= 1
            elif self.text[end - 1] == ")" and "(" not in self.text[start : end - 1]:
                end -= 1  # "(although he allowed that some might be good people)": the writer's bracket
            else:
                return end
        return end
