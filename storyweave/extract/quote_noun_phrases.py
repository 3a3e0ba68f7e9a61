"""A speaker's noun phrase: where it ends, the entity it names, a title or apposition, past a dateline."""

from __future__ import annotations

from typing import Any

from .attribution_words import PERSON_NOUNS, ROLE_NOUNS
from .genders import TITLES


# the marks that end a dateline ("RENO, Nev. (AP) — …"), never part of a speaker's name
_DASHES = ("—", "–", "--")


def _a_dash(token: Any) -> bool:
    """Whether a token is a dash: a dash character, or a hyphen typed with spaces around it
    ("Mr. Trump - 60 percent of voters said")."""
    return token.text in _DASHES or token.text == "-" and bool(token.whitespace_) and token.i > 0 \
        and bool(token.doc[token.i - 1].whitespace_)


def _entity_of(token: Any) -> Any:
    """The named entity ``token`` is part of, or None. Read from the token's own entity tags:
    ``doc.ents`` builds every entity of the article on each call, and speakers are looked
    up hundreds of times an article."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _np_span(token: Any) -> tuple[int, int]:
    """The noun phrase a subject token heads, without relative clauses or appositions."""
    skip = {"relcl", "acl", "appos", "punct", "advcl", "prep", "case"}
    tokens = [token]
    # "But young pilots who …": a conjunction before the head joins the sentence, not the phrase
    stack = [c for c in token.children if c.dep_ not in skip and not (c.dep_ == "cc" and c.i < token.i)]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "acl", "punct", "advcl"})
    if any(c.dep_ == "appos" for c in token.children) and token.ent_type_ in ("", "CARDINAL"):
        # "the state news agency KCNA", "One of the authors, Ari Fleischer": the apposed name
        # is the speaker's name. (Not one the parser hung on it past its verb: "Most
        # dockers expect Varga to win Friday's vote, the last of …".)
        tokens.extend(t for c in token.children if c.dep_ == "appos" and not token.i < token.head.i < c.i
                      for t in c.subtree)
    # A clause set after the head ends its phrase: in "Mr. Vale, who claimed …, and Ana
    # Berg" the names after it are conjuncts (credited one by one), and a span running over
    # the clause would credit its words to the clause's speaker as a name.
    clause = min((c.left_edge.i for c in token.children if c.i > token.i and c.dep_ in ("relcl", "acl", "advcl")),
                 default=None)
    if clause is not None:
        tokens = [t for t in tokens if t.i < clause]
    first = min(t.i for t in tokens)
    commas = [t.i for t in token.doc[first : token.i] if t.text == ","]
    if commas and token.pos_ == "PROPN":
        # "Of Carson, Levine, who …, said": a name is not what a comma sets before it
        tokens = [t for t in tokens if t.i > commas[-1]]
        first = min(t.i for t in tokens)
    dashes = [t.i for t in token.doc[first : token.i] if _a_dash(t)]
    if dashes:
        # "RENO, Nev. (AP) — Republican hopeful Donald Trump": a dateline is no part of the name.
        tokens = [t for t in tokens if t.i > dashes[-1]]
    breaks = [t.i for t in token.doc[first : token.i] if "\n" in t.text]
    if breaks:
        # "9:30 p.m.\n\nIlse Varga says" (live blogs): a name never runs over a paragraph break.
        tokens = [t for t in tokens if t.i > breaks[-1]]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    # A name running through a preposition ("the University of Michigan") is named whole.
    name = _entity_of(token) if token.ent_type_ in ("ORG", "FAC", "GPE") else None
    if name is not None and not breaks and not dashes:
        start, end = min(start, name.start_char), max(end, name.end_char)
    # the recogniser may run a name into the paragraph break after it ("according to
    # Harbourwatch⏎⏎"): the break is no part of the speaker
    text = token.doc.char_span(start, end).text  # not doc.text: that joins the whole article
    end -= len(text) - len(text.rstrip())
    # "29 percent (and 43 percent of Republicans) said": the parser hangs the closing
    # parenthesis on the verb, but the phrase opened it
    after = token.doc[max(t.i for t in tokens) + 1] if max(t.i for t in tokens) + 1 < len(token.doc) else None
    if text.count("(") > text.count(")") and after is not None and after.text == ")" and after.idx == end:
        end += 1
    # "“Harbour Hour” host Ilse Varga": a title in quotation marks opening the phrase keeps
    # its opening mark, which the parser hangs elsewhere, with its closing one
    first = min(t.i for t in tokens)
    before = token.doc[first - 1] if first > 0 else None
    if before is not None and before.idx + len(before.text) == start and _opens_unclosed(before.text, text):
        start = before.idx
    return start, end


def _opens_unclosed(mark: str, words: str) -> bool:
    """Whether quotation mark ``mark`` before ``words`` opens one they close and do not open."""
    if mark == "“":
        return words.count("”") > words.count("“")
    return mark == '"' and words.count('"') % 2 == 1


def _apposed_name(subject: Any) -> Any:
    """The name set off at the end of a speaker described by a noun ("The director of the
    European Centre, Ina Kirsch, told …"), which the parser hangs on the organisation;
    a name after a person ("the lawyer for the victim, Ana Ruiz,") may be that person's."""
    if subject is None or subject.pos_ != "NOUN":
        return subject
    # set off by a comma: "the law firm Ruiz Brel" names the firm, not a person
    names = [t for t in subject.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
             and t.head.i != subject.i and t.head.ent_type_ != "PERSON"
             and t.head.lemma_.lower() not in PERSON_NOUNS | ROLE_NOUNS
             and t.left_edge.i > 0 and subject.doc[t.left_edge.i - 1].text == ","]
    if names and all(t.is_punct for t in subject.doc[names[-1].right_edge.i + 1 : subject.right_edge.i + 1]):
        return names[-1]
    return subject


def _titled_name(subject: Any) -> Any:
    """The name after a title the parser made the subject ("said Army Capt. Tomas Brennick",
    where "Capt." and "Brennick" are both subjects of "said")."""
    if subject is None or subject.text.rstrip(".").lower() not in TITLES or subject.i + 1 >= len(subject.doc):
        return subject
    after = subject.doc[subject.i + 1]
    name = _entity_of(after) if after.ent_iob_ == "B" and after.ent_type_ == "PERSON" else None
    return name.root if name is not None else subject


def _after_dateline(subject: Any, verb: Any) -> Any:
    """The subject after a dateline the parser took for it: in "RENO, Nev. (AP) — Senator
    Ilse Varga says", the head noun between the last dash and the verb, else ``subject``."""
    if subject is None or subject.i >= verb.i:
        return subject
    doc = subject.doc
    # a paragraph break after the subject ends a live blog's time stamp ("2:40 p.m.\n\nThe
    # mayor says") as a dash ends a dateline
    dashes = [t.i for t in doc[subject.i + 1 : verb.i] if _a_dash(t) or "\n" in t.text and t.text.isspace()]
    if not dashes:
        return subject
    first, stop = dashes[-1] + 1, verb.i
    heads = [t for t in doc[first:stop] if not first <= t.head.i < stop and t.pos_ in ("PROPN", "NOUN")
             and t.ent_type_ not in ("DATE", "TIME")]
    if not heads and doc[verb.i - 1].ent_type_ == "PERSON":
        # "Tuesday in New York, …, former president Bill Clinton said": a day opens the
        # paragraph, and the name the parser hung elsewhere is right before the verb
        return doc[verb.i - 1]
    return heads[-1] if heads else subject


def _named_person_around(token: Any) -> Any:
    """The named person a "who" clause hung on ``token`` is about: ``token`` itself, or the
    name its phrase describes ("Gov. Varga of Portview, a Republican who …", "Reich, a
    secretary of labor during the Clinton administration who …": the parser hangs the
    clause on the nearest noun). People named in the plural ("the party leaders who …")
    describe no one person, whatever the parser hangs them on."""
    if token.tag_ == "NNS":
        return token
    current = token
    described = None
    for _ in range(6):
        if current.pos_ == "PROPN" and current.ent_type_ == "PERSON":
            return current
        if described is None and current.i != token.i and (current.ent_type_ == "NORP" or current.lemma_.lower() in PERSON_NOUNS) \
                and not (token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS):
            # "one Democrat familiar with the discussion, who added …": a discussion adds nothing
            described = current
        if current.dep_ not in ("appos", "pobj", "prep", "amod") or current.head.i == current.i:
            break
        current = current.head
    return described if described is not None else token
