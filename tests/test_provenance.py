"""provenance: who reuses whom, built from hand-made annotations (no model needed)."""

from __future__ import annotations

import json

import numpy as np

from storyweave.model import Annotation, Article, Sentence
from storyweave.provenance import independent_groups, provenance


def _annotation(article_id: str, sentences: list[str], vectors: list[list[float]], published: str | None = None) -> Annotation:
    text = " ".join(sentences)
    spans, start = [], 0
    for s in sentences:
        spans.append(Sentence(s, (start, start + len(s)), s))
        start += len(s) + 1
    v = np.array(vectors, dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    article = Article(article_id, article_id, article_id, "t", text, published=published)
    return Annotation(article, tuple(spans), (), v)


WIRE = ["The barrier will be 12 km long.", "It will cost two billion.", "Work starts in April.", "The mayor is pleased."]


def test_provenance_copy_is_linked_and_directed_by_publication_time():
    basis = np.eye(6).tolist()
    wire = _annotation("wire", WIRE, basis[:4], published="2025-05-13T08:00:00")
    copy = _annotation("copy", WIRE[:3] + ["Residents are worried."], basis[:3] + [basis[5]], published="2025-05-13T10:00:00")
    other = _annotation("other", ["A storm hit the coast.", "Trees fell."], [basis[4], basis[5]])
    links = provenance([copy, other, wire])
    strongest = links[0]
    assert (strongest.source, strongest.derived, strongest.kind) == ("wire", "copy", "copy")
    assert strongest.directed and strongest.shared_sentences == 3
    assert strongest.original_share == 0.25  # one sentence of four is the copy's own
    groups = independent_groups(["wire", "copy", "other"], links)
    assert groups["wire"] == groups["copy"] != groups["other"]


def test_provenance_unknown_times_leave_the_link_undirected():
    basis = np.eye(4).tolist()
    a = _annotation("a", WIRE, basis)
    b = _annotation("b", WIRE, basis)
    (link,) = provenance([a, b])
    assert not link.directed and link.score == 1.0


def test_provenance_articles_of_one_site_are_one_source():
    groups = independent_groups(["a", "b", "c", "d"], [], {"a": ["site:orsk-courier.example"],
                                                          "b": ["site:orsk-courier.example"],
                                                          "c": ["site:valley-ledger.example"], "d": []})
    assert groups["a"] == groups["b"] and len({groups["a"], groups["c"], groups["d"]}) == 3


def test_provenance_articles_an_input_credits_to_one_outlet_are_one_source(tmp_path):
    # A JSONL dump names each article's outlet; two from "Orsk Courier" (one with its URL,
    # one without) are one source, while text files named after their outlet are not
    # merged: a file name only stands in for an outlet.
    from storyweave.ingest import ingest
    from storyweave.provenance import outlet_keys

    lines = [
        {"id": "1", "source": "Orsk Courier", "url": "https://www.orsk-courier.example/a", "title": "Pier shut",
         "text": "The pier was shut on Monday after storm damage, the harbour master said."},
        {"id": "2", "source": "orsk  courier", "title": "Pier repairs", "text": "Repairs to the pier begin next week."},
        {"id": "3", "source": "Valley Ledger", "title": "Storm hits", "text": "The storm damaged the pier on Monday."},
        # as `storyweave extract` writes a text file's article: the source is its file name
        {"id": "4", "source": "Valley Ledger", "source_named": False, "title": "Storm hits twice",
         "text": "The storm damaged the pier again on Tuesday."},
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    (tmp_path / "files").mkdir()
    for name in ("orsk-courier-1", "orsk-courier-2"):
        (tmp_path / "files" / f"{name}.txt").write_text(f"Pier news {name}\n\nThe pier was shut on Monday.\n")
    articles = [*ingest(str(dump)), *ingest(str(tmp_path / "files"))]
    keys = {a.input_id or a.source: outlet_keys(a) for a in articles}
    groups = independent_groups(list(keys), [], keys)
    assert groups["1"] == groups["2"] != groups["3"] != groups["4"]
    assert groups["orsk-courier-1"] != groups["orsk-courier-2"]


def test_provenance_site_of_an_article_url():
    from storyweave._text import outlet_host

    assert outlet_host("https://www.orsk-courier.example/news/2025/pier") == "orsk-courier.example"
    assert outlet_host("http://news.orsk-courier.example/a") == "news.orsk-courier.example"
    assert outlet_host(None) is None and outlet_host("") is None


def test_provenance_a_few_words_written_alike_show_no_reuse():
    # Two obituaries agree on the age and say it the only way it is said; that, with one
    # sentence of common news, is no sign that one outlet took the other's text.
    basis = np.eye(6).tolist()
    a = _annotation("a", ["Orla Venn, the rower turned film star, has died.", "She was 88.", "Her films ran for years.",
                          "She leaves two sons."], [basis[0], basis[1], basis[2], basis[3]])
    b = _annotation("b", ["Film star and rower Orla Venn has died.", "She was 88.", "She won gold in 1952.",
                          "A service will be held in Marrow."], [basis[0], basis[1], basis[4], basis[5]])
    assert provenance([a, b]) == []
    # Longer sentences shared are reuse as before.
    c = _annotation("c", ["Orla Venn, the rower turned film star, has died.", "She was 88.", "Her films ran for years."],
                    [basis[0], basis[1], basis[2]])
    (link,) = provenance([a, c])
    assert link.shared_sentences == 2


def test_provenance_one_long_sentence_copied_word_for_word_is_reuse():
    # Two long reports share a single sentence of 17 words, word for word: no outlet writes
    # that alike by chance. A shared copyright line or a dateline over a short sentence is
    # the agency's stamp and shows nothing.
    lifted = "Marta Quill has left the Ferro Clinic in Aldmoor after finishing a thirty-day program, her lawyer told reporters."
    notice = ("Copyright 2025 The Orsk Press. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed.")
    n = 12
    basis = np.eye(2 * n + 2).tolist()
    own_a = [f"Line {i} of the first report says something of its own." for i in range(n)]
    own_b = [f"Line {i} of the second report says another thing." for i in range(n)]
    a = _annotation("a", own_a + [lifted], basis[:n] + [basis[2 * n]])
    b = _annotation("b", own_b + [lifted], basis[n : 2 * n] + [basis[2 * n]])
    (link,) = provenance([a, b])
    assert link.kind == "copy" and link.shared_sentences == 1
    c = _annotation("c", own_a + [notice], basis[:n] + [basis[2 * n + 1]])
    d = _annotation("d", own_b + [notice], basis[n : 2 * n] + [basis[2 * n + 1]])
    assert provenance([c, d]) == []
    # Outlets quote one statement as it was made: a shared quotation is no copying.
    said = ("“Whatever the cause of the fire, the council will rebuild the pier before the summer season begins,” "
            "the mayor said.")
    g = _annotation("g", own_a + [said], basis[:n] + [basis[2 * n + 1]])
    h = _annotation("h", own_b + [said], basis[n : 2 * n] + [basis[2 * n + 1]])
    assert provenance([g, h]) == []
    # The middle sentence of a quotation running over three carries no mark of its own.
    middle = "Whatever its cause, the council will rebuild the pier before the summer season begins for the ferries."
    wide = np.eye(2 * n + 5).tolist()
    q = _annotation("q", own_a + ["“The fire is out.", middle, "We owe the town that,” the mayor said."],
                    wide[:n] + wide[2 * n : 2 * n + 3])
    r = _annotation("r", own_b + ["“Nobody was hurt, and the fire is finally out.", middle, "It is the least we owe,” she said."],
                    wide[n : 2 * n] + [wide[2 * n + 3], wide[2 * n + 1], wide[2 * n + 4]])
    assert provenance([q, r]) == []
    stamp = "ORSK (AP) — The pier reopened on Monday after the storm."
    e = _annotation("e", own_a + [stamp], basis[:n] + [basis[2 * n + 1]])
    f = _annotation("f", own_b + [stamp], basis[n : 2 * n] + [basis[2 * n + 1]])
    assert provenance([e, f]) == []


def test_provenance_quotations_of_one_speaker_alone_show_no_reuse():
    # Two reports quote the mayor's two remarks word for word, as every outlet would.
    n = 6
    basis = np.eye(2 * n + 2).tolist()
    own_a = [f"Line {i} of the first report says something of its own." for i in range(n)]
    own_b = [f"Line {i} of the second report says another thing." for i in range(n)]
    quotes = ["“The work of our harbour crews will be respected,” Mayor Ida Marsh said.",
              "“With a new pier, we can grow the town and keep the beach clean for our children.”"]
    a = _annotation("a", own_a + quotes, basis[:n] + basis[2 * n :])
    b = _annotation("b", own_b + quotes, basis[n : 2 * n] + basis[2 * n :])
    assert provenance([a, b]) == []
    # Two short reports made mostly of the same quotations chose them from one another.
    g = _annotation("g", own_a[:2] + quotes, basis[:2] + basis[2 * n :])
    h = _annotation("h", own_b[:2] + quotes, basis[n : n + 2] + basis[2 * n :])
    assert len(provenance([g, h])) == 1
    # The same two sentences told in the outlet's own words are reuse.
    told = ["The work of the harbour crews will be respected, Mayor Ida Marsh said on Monday.",
            "With a new pier the town can grow and keep the beach clean for its children, she said."]
    c = _annotation("c", own_a + told, basis[:n] + basis[2 * n :])
    d = _annotation("d", own_b + told, basis[n : 2 * n] + basis[2 * n :])
    assert len(provenance([c, d])) == 1
    # Quotations framed by the same long words of the outlet's own are reuse too.
    framed = [q.replace(" Mayor Ida Marsh said.", " said Ida Marsh, the mayor of Kessby and chair of its harbour board.")
              for q in quotes]
    framed[1] = framed[1].replace("children.”", "children,” said the mayor of Kessby, Ida Marsh, at the pier on Monday.")
    e = _annotation("e", own_a + framed, basis[:n] + basis[2 * n :])
    f = _annotation("f", own_b + framed, basis[n : 2 * n] + basis[2 * n :])
    assert len(provenance([e, f])) == 1



def test_provenance_one_long_quotation_cut_into_sentences_is_one_choice_of_quote():
    # Two short reports of one interview print its one long passage; the parser cuts it
    # into four sentences, which alone would make a third of the shorter report.
    n = 8
    basis = np.eye(2 * n + 4).tolist()
    own_a = [f"Line {i} of the first report says something of its own." for i in range(n)]
    own_b = [f"Line {i} of the second report says another thing." for i in range(n)]
    passage = ["Mayor Ida Marsh told the Courier: “The pier is not safe today.", "It was not safe last year.",
               "It will not be safe next year.", "We need a new pier.”"]
    a = _annotation("a", own_a + passage, basis[:n] + basis[2 * n :])
    b = _annotation("b", own_b[:4] + passage, basis[n : n + 4] + basis[2 * n :])
    assert provenance([a, b]) == []
    # Four quotations of their own chosen alike are still one outlet's choice.
    quotes = ["“The pier is not safe today,” Marsh said.", "“It was not safe last year.”",
              "“It will not be safe next year.”", "“We need a new pier,” she added."]
    c = _annotation("c", own_a + quotes, basis[:n] + basis[2 * n :])
    d = _annotation("d", own_b[:4] + quotes, basis[n : n + 4] + basis[2 * n :])
    assert len(provenance([c, d])) == 1


def test_provenance_an_editors_standing_note_shows_no_reuse():
    # Two reports of one outlet end on the note its editors put under every story on a
    # politician: a house line, like a copyright, not a report one took from the other.
    n = 8
    basis = np.eye(2 * n + 1).tolist()
    own_a = [f"Line {i} of the first report says something of its own." for i in range(n)]
    own_b = [f"Line {i} of the second report says another thing." for i in range(n)]
    note = ("Editor’s note: Mayor Tomas Brel has repeatedly refused to release the harbour accounts and has "
            "sued three reporters who asked for them.")
    a = _annotation("a", own_a + [note], basis[:n] + basis[2 * n :])
    b = _annotation("b", own_b + [note], basis[n : 2 * n] + basis[2 * n :])
    assert provenance([a, b]) == []
    # The same long line told as the outlet's news is reuse.
    told = note.removeprefix("Editor’s note: ")
    c = _annotation("c", own_a + [told], basis[:n] + basis[2 * n :])
    d = _annotation("d", own_b + [told], basis[n : 2 * n] + basis[2 * n :])
    assert len(provenance([c, d])) == 1


def test_provenance_a_police_appeal_shows_no_reuse():
    # Two reports of one fire tell two facts alike and end on the police's appeal: the
    # appeal came from the police, so the two share two sentences of the shorter's nine,
    # not three, and stay two sources (a share under SAME_SOURCE_SCORE).
    from storyweave.provenance import SAME_SOURCE_SCORE

    basis = np.eye(19).tolist()
    own_a = [f"Line {i} of the first report says something of its own." for i in range(6)]
    own_b = [f"Line {i} of the second report says another thing." for i in range(10)]
    told = ["Fire chief Ida Marsh saw flames under the eaves of the old mill when she arrived.",
            "The old mill on the Kessby road is a total loss, the town said."]
    a = _annotation("a", own_a + told + ["Anyone with knowledge of the fire is asked to call Sergeant Ada Lenk."],
                    basis[:6] + basis[16:19])
    b = _annotation("b", own_b + told + ["Police ask anyone with information about how the fire started to call Sgt. Lenk."],
                    basis[6:16] + basis[16:19])
    (link,) = provenance([a, b])
    assert link.shared_sentences == 2 and link.score < SAME_SOURCE_SCORE
