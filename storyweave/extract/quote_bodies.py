"""Speakers that are bodies described again: "The campaign said" after "the Brennick campaign
said", "the company said" after a company that spoke right before."""

from __future__ import annotations

import re

from ..model import Annotation
from .attribution_words import CANDIDACY_NOUNS
from .entities import EntityIndex, entity_id
from .mention_links import PERSON_PRONOUNS, THING_PRONOUNS
from .quotes import Attribution


def bare_pronoun(text: str) -> bool:
    """Whether a speaker's words are a pronoun alone ("She"): it names no one."""
    return text.strip().lower() in PERSON_PRONOUNS | THING_PRONOUNS


#: Nouns that name an organisation by its kind ("the company said" after "Acme said").
ORGANISATION_NOUNS = frozenset("company firm group network newspaper paper publication outlet agency "
                               "organization organisation station website".split())
#: How far back, in characters, a repeated description looks for the body it repeats.
DESCRIBED_AGAIN_WINDOW = 600
#: Cues of a body relaying the news rather than acting in it ("Reuters reported").
REPORTING_CUE = re.compile(r"\b(?:report|according|reveal|publish|quot)", re.I)
#: Head nouns of the names of bodies of members, trusts and boards ("the Harbour Anglers
#: Association", "the Orsk Ferry Foundation"): such a body is no news outlet, so what it is cited
#: for ("…, according to the Anglers Association") is its own account, not news it relays.
MEMBERS_BODY_HEADS = frozenset("association foundation institute council coalition alliance union federation "
                               "society league committee fund club board commission caucus".split())
#: A web address used as a name ("Harbourlist.com said"), which names the company behind the
#: site even where the tagger saw no organisation in it.
WEB_ADDRESS = re.compile(r"[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|co|io)(?:\.[a-z]{2})?")
#: A definite description of one: "the" and a word or three before a lower-case noun.
_DESCRIPTION = re.compile(r"[Tt]he (?:[\w'’-]+ ){0,3}([a-z][\w-]*)")


def speaker_entity(attribution: Attribution) -> str | None:
    """The entity a quote's speaker is or gets: a named one, or one made of the words that
    describe it (see :func:`storyweave.extract.extract`)."""
    q = attribution.quote
    if q.speaker is not None:
        return q.speaker
    if q.speaker_text and not attribution.unnamed and not bare_pronoun(q.speaker_text):
        return entity_id(q.speaker_text, "OTHER")
    return None


def name_of(eid: str, index: EntityIndex) -> str | None:
    """The name of a story entity, None for one made of a speaker's words."""
    entity = index.get(eid)
    return entity.name if entity is not None else None


def speakers_in_order(attributions: list[Attribution], index: EntityIndex) -> list[tuple[int, str, str, str]]:
    """An article's speakers that are or get an entity, in the order they speak: (where,
    entity, name or words, cue)."""
    spoke = []
    for a in attributions:
        owned = group_of_person(a.quote.speaker_text, a.quote.article, index) \
            if a.quote.speaker is None and a.quote.speaker_text else None
        eid = owned[0] if owned else speaker_entity(a)
        if eid is not None:
            name = owned[1] if owned else name_of(eid, index) or a.quote.speaker_text or ""
            spoke.append(((a.quote.speaker_span or a.quote.span)[0], eid, name, a.quote.cue or ""))
    return sorted(spoke)


def body_described_again(words: str, start: int, spoke: list[tuple[int, str, str, str]], index: EntityIndex) -> str | None:
    """The speaker a definite description repeats: "the campaign" after "the Brennick campaign
    said" (the same head noun, the last such speaker of the article), "the company" after an
    organisation that spoke right before it and did not report the news ("Reuters reported …
    The company said" is another body, but a body of members cited for a figure is no outlet:
    "…, according to the Anglers Association. … the group says"); within
    :data:`DESCRIBED_AGAIN_WINDOW` characters."""
    described = re.fullmatch(r"[Tt]he ([a-z]+)", words.strip())
    if described is None:
        return None
    noun = described.group(1)
    before = [s for s in spoke if s[0] < start and start - s[0] <= DESCRIBED_AGAIN_WINDOW]
    for at, eid, name, _ in reversed(before):
        if name.lower() != words.strip().lower() and name.lower().split()[-1] == noun:
            return eid
    if noun in ORGANISATION_NOUNS and before:
        _, eid, name, cue = before[-1]
        entity = index.get(eid)
        body = entity.type == "ORG" if entity is not None else bool(WEB_ADDRESS.fullmatch(name.strip()))
        if body and (not REPORTING_CUE.search(cue) or _body_of_members(name)):
            return eid
    return None


def _body_of_members(name: str) -> bool:
    """Whether an organisation's name ends in a noun of a body of members or a trust."""
    words = name.strip().split()
    return bool(words) and words[-1].lower() in MEMBERS_BODY_HEADS


#: How far back, in characters, "It added" looks for the body described just before it.
BODY_CONTINUED_WINDOW = 300


def body_continued(words: str, start: int, described: tuple[int, str]) -> str | None:
    """The body an "It" opening its sentence continues: the one a description credited just
    before it ("“…,” the company wrote in its statement. It added, “…”"), within
    :data:`BODY_CONTINUED_WINDOW` characters; else None."""
    at, eid = described
    return eid if words.strip() == "It" and 0 < start - at <= BODY_CONTINUED_WINDOW else None


def person_described(words: str, span: tuple[int, int], annotation: Annotation, index: EntityIndex,
                     said: tuple[int, int] | None = None) -> str | None:
    """The person a definite description of one stands for ("the retired surgeon said",
    "the shipping magnate told"): of the people the article has named before it, the one
    the story describes by its noun ("former surgeon Ana Varga" in any report), when only
    one is; for "the candidate" or "the nominee", also the one person the article has named
    so far ("Ana Varga says she is under attack. “…,” the Harbour Party candidate told a
    radio show"), or the one of them not named in what is said (``said``, the quote's span:
    "“Judge Varga has embarrassed all …,” the Harbour Party nominee wrote" after Brennick and
    Judge Varga is Brennick's). None otherwise, and for a plural ("the surgeons")."""
    described = _DESCRIPTION.fullmatch(words.strip())
    if described is None or annotation.doc is None:
        return None
    phrase = annotation.doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None or phrase.root.tag_ != "NN" or phrase.root.lower_ != described.group(1):
        return None
    noun = phrase.root.lemma_.lower()
    here = annotation.article.id
    mentions = sorted((start, eid) for (article, start, _), eid in index.by_mention.items()
                      if article == here and start < span[0])
    named = list(dict.fromkeys(eid for _, eid in mentions
                               if (entity := index.get(eid)) is not None and entity.type == "PERSON"))
    fitting = [eid for eid in named if _fits(noun, index.descriptions.get(eid, frozenset()))]
    if len(fitting) == 1:
        return fitting[0]
    ahead = _described_ahead(noun, span, annotation, index) if not fitting else None
    if ahead is not None:
        return ahead
    if not fitting and noun in CANDIDACY_NOUNS:
        # one speaks of others by name, not of oneself
        in_quote = {eid for (article, start, _), eid in index.by_mention.items()
                    if article == here and said is not None and said[0] <= start < said[1]}
        speakers = [eid for eid in named if eid not in in_quote]
        if len(speakers) == 1:
            return speakers[0]
    return None


def _described_ahead(noun: str, span: tuple[int, int], annotation: Annotation, index: EntityIndex) -> str | None:
    """The person a description that no one named before fits points ahead to: the one
    person named after it, in its sentence or the next, whom the story describes or titles
    by its noun ("The port city's new mayor rejected the offer …. Holm, a sailor, was elected
    last week", where another report writes "Mayor Ivo Holm of Orsk")."""
    here = annotation.article.id
    sentences = [s.span for s in annotation.sentences]
    at = next((i for i, (start, end) in enumerate(sentences) if start <= span[0] < end), None)
    if at is None:
        return None
    until = sentences[min(at + 1, len(sentences) - 1)][1]
    ahead = {eid for (article, start, _), eid in index.by_mention.items()
             if article == here and span[1] <= start < until
             and (entity := index.get(eid)) is not None and entity.type == "PERSON"}
    fitting = [eid for eid in ahead if _fits(noun, index.descriptions.get(eid, frozenset()))
               or any(noun in title for title in index.titles.get(eid, ()))]
    return fitting[0] if len(fitting) == 1 else None


#: Nouns for the one who heads a body, each of them a "leader" of it ("the party's leader"
#: for "party chairman Ivo Holm").
HEADING_NOUNS = frozenset({"chairman", "chairwoman", "chairperson", "chair", "head", "president"})


def _fits(noun: str, descriptions: frozenset[str]) -> bool:
    """Whether a description's noun fits a person the story describes by ``descriptions``:
    the same noun, or "leader" for the one who heads a body."""
    return noun in descriptions or noun == "leader" and bool(descriptions & HEADING_NOUNS)


#: Nouns for the people around one person, who speak for them as a body ("Varga's aides",
#: "the Varga campaign"); one spokesman is a person of their own, and a family or a crowd
#: of supporters is not theirs to speak for.
ENTOURAGE_NOUNS = frozenset("aides advisers advisors allies associates campaign camp staff staffers team "
                            "lawyers attorneys".split())
#: "Mr. Varga's aides", "Varga’ aides", "the Varga campaign": the owner's name and the noun.
_OWNED_GROUP = re.compile(r"(?:[Tt]he )?((?:[A-Z][\w.-]*\s)*[A-Z][\w-]*?)(?:['’]s?)?\s([a-z]+)")


#: "the campaign of the former senator from Ostland": the noun and the one it belongs to.
_GROUP_OF = re.compile(r"[Tt]he ([a-z]+) of (the .+)")


def group_of_described(words: str, span: tuple[int, int], annotation: Annotation, index: EntityIndex,
                       said: tuple[int, int] | None = None) -> tuple[str, str] | None:
    """The body around a person a description names ("the campaign of the former senator
    from Ostland" after "former Ostland senator Rick Brel" is "Rick Brel's campaign"), as
    :func:`group_of_person` names it; None for any other speaker."""
    owned = _GROUP_OF.fullmatch(words.strip())
    if owned is None or owned.group(1) not in ENTOURAGE_NOUNS or annotation.doc is None:
        return None
    start = span[0] + words.index(owned.group(2))
    phrase = annotation.doc.char_span(start, span[1], alignment_mode="expand")
    if phrase is None:
        return None
    # the description ends at its noun: "from Ostland" tells where the senator is from
    root = phrase.root
    owner = (start, root.idx + len(root.text))
    person = person_described(annotation.article.text[owner[0] : owner[1]], owner, annotation, index, said)
    entity = index.get(person) if person is not None else None
    if entity is None:
        return None
    name = f"{entity.name}’s {owned.group(1)}"
    return entity_id(name, "OTHER"), name


def group_of_owner(words: str, owner: str, index: EntityIndex) -> tuple[str, str] | None:
    """The body of people around ``owner`` that "his team" or "her campaign" (``words``)
    names, as :func:`group_of_person` names "Varga's team" (entity id, name)."""
    entity = index.get(owner)
    noun = words.strip().split()[-1].lower() if words.strip() else ""
    if entity is None or noun not in ENTOURAGE_NOUNS:
        return None
    name = f"{entity.name}’s {noun}"
    return entity_id(name, "OTHER"), name


def group_of_person(words: str, article: str, index: EntityIndex) -> tuple[str, str] | None:
    """The one body the people around a named person make, however a report words it:
    "Mr. Varga's aides", "Varga’ aides" and "the Varga campaign" are "Ana Varga's aides"
    and "Ana Varga's campaign" wherever they speak (entity id, name); None for any other
    speaker. ("his aides" stays unnamed: the one a possessive stands for is too often not
    the last person of its gender named, nor the last who spoke.)"""
    owned = _OWNED_GROUP.fullmatch(words.strip())
    if owned is None or owned.group(2) not in ENTOURAGE_NOUNS:
        return None
    person = index.lookup(owned.group(1), ("PERSON",), article=article)
    entity = index.get(person) if person is not None else None
    if entity is None:
        return None
    name = f"{entity.name}’s {owned.group(2)}"
    return entity_id(name, "OTHER"), name
