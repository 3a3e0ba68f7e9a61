"""Renderers on a small hand-written analysis: every section shows, hostile text stays inert."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyweave.errors import ConfigError
from storyweave.render import RENDERERS, GroupView, render, render_chunks, word_diff
from storyweave.render import json as json_renderer
from storyweave.render import markdown, terminal

DATA = Path(__file__).parent / "data" / "analysis_small.json"
ANSI = re.compile(r"\x1b\[")
BRIEF = [
    "Norland and Vesteria signed a harbour accord in Port Ellis on 19 June 2024.",
    "President Ada Kessel said Norland seeks a lasting alliance with Vesteria.",
    "The accord may open new shipping lanes; sources differ on how many.",
]


def _group(qid: str, text: str, **fields: str) -> GroupView:
    """A quote group of one quote of article "a" (``fields``: its kind, its cue)."""
    quote = {"id": qid, "text": text, "article": "a", **fields}
    return GroupView(quote, [quote], [])


@pytest.fixture
def analysis() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


# -- markdown ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["# Norland and Vesteria sign harbour accord", "## Sources", "## Brief", "## Who said what", "### Ada Kessel",
     "## Where sources differ", "### Dates", "### Numbers", "### Certainty", "### Quote wording", "### Contested facts",
     "## Single-source claims", "## Corroborated facts", "## Provenance", "## Headline framing", "## Timeline",
     "## Removed junk"],
)
def test_markdown_has_section(analysis: dict[str, Any], heading: str) -> None:
    assert heading in markdown.render(analysis).splitlines()


def test_markdown_brief_cites_sources(analysis: dict[str, Any]) -> None:
    md = markdown.render(analysis)
    assert f"- {BRIEF[0]} [1][2][3]" in md
    assert f"- {BRIEF[1]} [1][3]" in md  # citations sorted by number, whatever their JSON order
    assert "**Event date:** 2024-06-19" in md
    assert "| [1] | Coastline Times | Norland and Vesteria sign harbour accord |" in md


def test_markdown_shows_word_diff_and_channel(analysis: dict[str, Any]) -> None:
    md = markdown.render(analysis)
    assert "“We seek a lasting alliance with Vesteria” — Coastline Times [1]; Norland Wire [3]" in md
    assert "  - Daily Beacon [2] via RIA: “We seek a lasting ~~alliance~~ **engagement** with Vesteria”" in md


def test_a_quote_made_of_another_s_words_is_listed_under_it_in_every_format(analysis: dict[str, Any]) -> None:
    story = analysis["stories"][0]
    base = next(q for q in story["quotes"] if q["id"] == "q1")
    # Another outlet quotes two of the words alone; one word alone is a term, shown apart.
    story["quotes"] += [{**base, "id": "q8", "article": "b70e4d19c2a85f36", "text": "lasting alliance", "span": [0, 16]},
                        {**base, "id": "q9", "article": "b70e4d19c2a85f36", "text": "alliance", "span": [0, 8]}]
    md = markdown.render(analysis)
    said = md.split("## Who said what")[1].split("## Where sources differ")[0]
    lines = said.splitlines()
    whole = next(i for i, line in enumerate(lines) if line.startswith("- “We seek a lasting alliance with Vesteria”"))
    assert "  - in part: “lasting alliance” — Daily Beacon [2]" in lines[whole + 1:whole + 3]
    assert "- “alliance” — Daily Beacon [2]" in lines
    plain = terminal.render(analysis, color=False, width=200)
    assert "in part: “lasting alliance” — Daily Beacon [2]" in plain
    html = render(analysis, "html")
    assert "in part: <q>lasting alliance</q>" in html


def test_a_name_someone_backed_is_not_shown_as_part_of_their_remark_naming_it() -> None:
    from storyweave.render import _fold_parts

    def reported(qid: str, cue: str, text: str) -> GroupView:
        return _group(qid, text, kind="indirect", cue=cue)

    remark = reported("1", "said", "the levy would hurt Mayor Varga and every other candidate")
    backing = reported("2", "supporting", "Mayor Varga")
    phrase = reported("3", "said", "hurt Mayor Varga")
    kept = _fold_parts([remark, backing, phrase])
    assert [(g.reference["id"], [p.reference["id"] for p in g.parts]) for g in kept] == [("1", ["3"]), ("2", [])]


def test_parts_of_parts_are_listed_under_the_whole_quote() -> None:
    from storyweave.render import _fold_parts

    def utterance(qid: str, text: str) -> GroupView:
        return _group(qid, text)

    groups = [utterance("1", "the pier will reopen in May for the ferries"), utterance("2", "reopen in May for the ferries"),
              utterance("3", "in May for the"), utterance("4", "for the ferries"), utterance("5", "a fine day")]
    kept = _fold_parts(groups)
    assert [(g.reference["id"], sorted(p.reference["id"] for p in g.parts)) for g in kept] == [("1", ["2", "3", "4"]), ("5", [])]


def test_an_outlet_s_reported_words_are_no_part_of_a_quotation_holding_them() -> None:
    from storyweave.render import _fold_parts

    def view(qid: str, text: str, kind: str, cue: str = "criticize") -> GroupView:
        return _group(qid, text, kind=kind, cue=cue)

    # "went on to criticize the harbour board": the outlet's words, not a piece of the quotation.
    quotation = view("1", "We found that the harbour board had let the sea walls rot for a decade", "direct")
    reported = view("2", "the harbour board", "indirect")
    quoted_piece = view("3", "let the sea walls rot", "mixed")
    kept = _fold_parts([quotation, reported, quoted_piece])
    assert [(g.reference["id"], [p.reference["id"] for p in g.parts]) for g in kept] == [("1", ["3"]), ("2", [])]
    # Reported words after another verb are another act, not a piece of the longer report.
    doubted = view("4", "the harbour board had let the sea walls rot", "indirect", cue="implied")
    kept = _fold_parts([doubted, view("5", "the harbour board", "indirect", cue="railed against")])
    assert [(g.reference["id"], [p.reference["id"] for p in g.parts]) for g in kept] == [("4", []), ("5", [])]
    # The same act told at length and in short is one: "said the board must show it can repair
    # the walls" holds "show it can repair the walls".
    whole = view("6", "the board must show it can repair the walls", "indirect", cue="said")
    kept = _fold_parts([whole, view("7", "it can repair the walls", "indirect", cue="show")])
    assert [(g.reference["id"], [p.reference["id"] for p in g.parts]) for g in kept] == [("6", ["7"])]


def test_markdown_computes_word_diff_without_ops(analysis: dict[str, Any]) -> None:
    for diff in analysis["stories"][0]["quote_groups"][0]["differences"]:
        del diff["ops"]
    assert "~~alliance~~ **engagement**" in markdown.render(analysis)


def test_markdown_lists_findings_with_outlets(analysis: dict[str, Any]) -> None:
    md = markdown.render(analysis)
    assert "  - Daily Beacon [2]: “on Tuesday”" in md
    assert "- Norland and Vesteria signed a harbour accord in Port Ellis. — Coastline Times [1], Daily Beacon [2], Norland Wire [3]" in md
    assert "| Norland Wire [3] | paraphrases | Coastline Times [1] | 0.82 | 3 | 25% |" in md
    assert "| 0.86 | shock word, all-caps opener, secrecy framing |" in md
    assert "- **2024-06-18** — Daily Beacon dates the signing to Tuesday. [2]" in md
    assert "- Coastline Times [1]: 3 removed — comment-prompt ×1, share-prompt ×2" in md
    assert "- Norland Wire [3]: nothing removed" in md


def test_markdown_escapes_hostile_text(analysis: dict[str, Any]) -> None:
    md = markdown.render(analysis)
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md
    assert "](javascript:" not in md
    assert "\\[click\\]\\(javascript:alert\\(1\\)\\)" in md
    assert "[bold red]" not in md and "\\[bold red\\]" in md


def test_markdown_escape_neutralises_markdown_syntax() -> None:
    assert markdown.md_escape("![x](http://e/i.png) *a* _b_ `c` ~~d~~ | e & <f>\nnext") == (
        "\\!\\[x\\]\\(http://e/i.png\\) \\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\| e &amp; &lt;f&gt; next"
    )


def test_timeline_dates_read_as_words_in_every_format(analysis: dict[str, Any]) -> None:
    # TIMEX3 codes ("TNI", "W30-WE") mean nothing to a reader: each format says them in words.
    analysis["stories"][0]["timeline"] = [
        {"date": "2024-06-18TNI", "text": "Talks ran late into the night.", "article": "b70e4d19c2a85f36"},
        {"date": "2024-W25-WE", "text": "Crowds gathered at the harbour.", "article": "3f9a1c2e7b4d6051"},
        {"date": "2024-SU", "text": "Work on the quay is due to start.", "article": "3f9a1c2e7b4d6051"},
    ]
    for out in (markdown.render(analysis), terminal.render(analysis, color=False, width=200), render(analysis, "html")):
        for words in ("2024-06-18 night", "weekend of 2024-06-22", "summer 2024"):
            assert words in out
        assert "TNI" not in out and "W25-WE" not in out


def test_a_brief_told_phase_by_phase_shows_each_phase_s_days_in_every_format(analysis: dict[str, Any]) -> None:
    # a story that ran over months: the reader sees where the later reports begin
    sentences = analysis["stories"][0]["brief"]["sentences"]
    sentences[0]["phase"] = {"first": "2024-06-17", "last": "2024-06-19"}
    for later in sentences[1:]:
        later["phase"] = {"first": "2024-09-02", "last": "2024-09-02"}
    for out in (markdown.render(analysis), terminal.render(analysis, color=False, width=200), render(analysis, "html")):
        assert out.index("Reports of 2024-06-17 to 2024-06-19") < out.index(BRIEF[0]) < out.index("Reports of 2024-09-02")
        assert out.index("Reports of 2024-09-02") < out.index(BRIEF[1])
        assert out.count("Reports of 2024-09-02") == 1
    assert '<ol class="sw-brief" start="2">' in render(analysis, "html")
    for out in (markdown.render(analysis), render(analysis, "html")):
        assert "phase by phase, earliest first" in out


def test_a_brief_of_one_phase_shows_no_days(analysis: dict[str, Any]) -> None:
    for out in (markdown.render(analysis), terminal.render(analysis, color=False, width=200), render(analysis, "html")):
        assert "Reports of" not in out and "phase by phase" not in out


def test_markdown_timeline_only_when_present(analysis: dict[str, Any]) -> None:
    del analysis["stories"][0]["timeline"]
    assert "## Timeline" not in markdown.render(analysis)


# -- terminal -----------------------------------------------------------------------------------


def test_terminal_plain_has_no_ansi_and_shows_brief(analysis: dict[str, Any]) -> None:
    out = terminal.render(analysis, color=False)
    assert not ANSI.search(out)
    for sentence in BRIEF:
        assert sentence in out
    assert "Daily Beacon [2] via RIA: “We seek a lasting [-alliance-] {+engagement+} with Vesteria”" in out
    for title in ("Who said what", "Where sources differ", "Single-source claims", "Provenance", "Headline framing", "Timeline"):
        assert title in out


def test_terminal_sections_in_reading_order(analysis: dict[str, Any]) -> None:
    out = terminal.render(analysis, color=False, width=200)
    order = [BRIEF[0], "Who said what", "Where sources differ", "Single-source claims", "Provenance", "Headline framing", "Timeline"]
    positions = [out.index(s) for s in order]
    assert positions == sorted(positions)


def test_terminal_prints_markup_in_articles_literally(analysis: dict[str, Any]) -> None:
    for color in (False, True):
        out = terminal.render(analysis, color=color, width=200)
        assert "[bold red]hides a military clause[/bold red]" in out
        assert "<script>alert(1)</script>" in out  # shown as text: a terminal runs nothing


def test_terminal_color_mode_uses_ansi(analysis: dict[str, Any]) -> None:
    assert ANSI.search(terminal.render(analysis, color=True))


def test_terminal_auto_detects_pipe_and_no_color(analysis: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeTTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # must not override a pipe
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert not ANSI.search(terminal.render(analysis))
    monkeypatch.setattr("sys.stdout", FakeTTY())
    assert ANSI.search(terminal.render(analysis))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(terminal.render(analysis))


@pytest.mark.parametrize("width", [60, 100])
def test_terminal_respects_width(analysis: dict[str, Any], width: int) -> None:
    lines = terminal.render(analysis, color=False, width=width).splitlines()
    assert max(len(line) for line in lines) <= width
    assert all(line == line.rstrip() for line in lines)


# -- json and dispatch ----------------------------------------------------------------------------


def test_json_round_trips_and_is_deterministic(analysis: dict[str, Any]) -> None:
    first = json_renderer.render(analysis)
    assert json.loads(first) == analysis
    assert first.encode() == json_renderer.render(copy.deepcopy(analysis)).encode()
    assert first.endswith("}\n")
    assert list(json.loads(first)) == list(analysis)  # key order kept, not sorted
    assert json_renderer.render({"name": "Мединский “quoted”"}) == '{\n  "name": "Мединский “quoted”"\n}\n'


def test_render_dispatches_to_every_format(analysis: dict[str, Any]) -> None:
    assert set(RENDERERS) == {"terminal", "markdown", "json", "html"}
    assert render(analysis, "json") == json_renderer.render(analysis)
    assert render(analysis, "markdown") == markdown.render(analysis)
    assert render(analysis, "terminal", color=False, width=80) == terminal.render(analysis, color=False, width=80)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "html"])
def test_render_stories_read_once_as_they_come_give_the_same_text(analysis: dict[str, Any], fmt: str) -> None:
    # A long run hands its stories over as they are analysed (a one-pass iterator); the
    # report must read exactly as when every story is in hand.
    second = copy.deepcopy(analysis["stories"][0])
    second.update(id="s-second", title="A second story", brief={**second["brief"], "headline": "A second story"})
    whole = {**analysis, "stories": [*analysis["stories"], second]}
    kw: dict[str, Any] = {"color": False, "width": 90} if fmt == "terminal" else {}
    expected = render(whole, fmt, **kw)
    assert "A second story" in expected
    assert "".join(render_chunks({**whole, "stories": iter(whole["stories"])}, fmt, **kw)) == expected
    if fmt == "json":
        assert expected == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def test_render_unknown_format_lists_known_ones(analysis: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match="unknown output format 'pdf'; use one of: html, json, markdown, terminal"):
        render(analysis, "pdf")


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_render_empty_analysis(fmt: str) -> None:
    out = render({"schema": "storyweave.analysis/1", "articles": [], "stories": []}, fmt)
    assert out.endswith("\n")


def test_render_minimal_story_without_optional_keys() -> None:
    story = {"id": "s", "title": "Bare", "articles": ["a" * 16]}
    analysis = {"articles": [{"id": "a" * 16, "source": "Wire", "title": "T", "text": "", "removed": []}], "stories": [story]}
    assert "## Removed junk" in markdown.render(analysis)
    assert "Bare" in terminal.render(analysis, color=False)


def test_word_diff_ignores_case_and_punctuation() -> None:
    assert word_diff("We seek an alliance.", "we seek an engagement") == [
        ("equal", "we seek an"), ("delete", "alliance."), ("insert", "engagement")
    ]


def _with_unnamed_source(analysis: dict[str, Any]) -> dict[str, Any]:
    """The small analysis plus a quote its outlet credits to no one by name ("port officials said")."""
    analysis = copy.deepcopy(analysis)
    story = analysis["stories"][0]
    first = story["quotes"][0]
    story["quotes"].insert(0, {
        "id": "q0", "article": first["article"], "speaker": None, "speaker_text": "port officials in Ellis",
        "speaker_span": [0, 23], "cue": "said", "channel": None, "text": "the new lanes will open in the autumn",
        "span": [30, 67], "group": None, "kind": "indirect"})
    return analysis


def test_renderers_put_only_the_speakers_own_words_in_quotation_marks(analysis: dict[str, Any]) -> None:
    # Indirect speech is the reporter's paraphrase: shown after its cue, never between
    # quotation marks, which would say the speaker used those words.
    analysis = _with_unnamed_source(analysis)
    md = markdown.render(analysis)
    out = terminal.render(analysis, color=False, width=200)
    page = render(analysis, "html")
    for text in (md, out):
        assert "said the new lanes will open in the autumn —" in text
        assert "“the new lanes" not in text
        assert "“We seek a lasting alliance with Vesteria”" in text  # a direct quote keeps its marks
    assert 'said the new lanes will open in the autumn</span>' in page and "<q>the new lanes" not in page
    assert "<q>We seek a lasting alliance with Vesteria</q>" in page


def test_renderers_show_a_noun_cue_as_a_label(analysis: dict[str, Any]) -> None:
    # "His argument was that …": the cue is a noun, which cannot open the paraphrase as a verb does
    analysis = _with_unnamed_source(analysis)
    analysis["stories"][0]["quotes"][0]["cue"] = "argument"
    out = terminal.render(analysis, color=False, width=200)
    assert "argument: the new lanes will open in the autumn —" in out
    assert "argument the new lanes" not in markdown.render(analysis)
    analysis["stories"][0]["quotes"][0]["cue"] = "declarations"  # "her declarations of victory"
    assert "declarations: the new lanes" in terminal.render(analysis, color=False, width=200)


def test_renderers_a_poll_opening_its_sentence_is_no_verb_before_the_finding(analysis: dict[str, Any]) -> None:
    # "In a new Courier poll, the lanes lead …": "In" credits the poll and reads before nothing.
    analysis = _with_unnamed_source(analysis)
    analysis["stories"][0]["quotes"][0]["cue"] = "In"
    out = terminal.render(analysis, color=False, width=200)
    assert "In the new lanes" not in out and "the new lanes will open in the autumn —" in out


def test_renderers_list_unnamed_sources_last_with_the_outlets_description(analysis: dict[str, Any]) -> None:
    analysis = _with_unnamed_source(analysis)
    md = markdown.render(analysis)
    said = md.split("## Who said what")[1].split("## Where sources differ")[0]
    assert re.findall(r"^### (.+)$", said, re.M) == ["Ada Kessel", "Tomas Veyra", "Unnamed sources"]
    assert "- said the new lanes will open in the autumn — Coastline Times [1], citing “port officials in Ellis”" in said
    assert "### port officials" not in md
    out = terminal.render(analysis, color=False, width=200)
    assert out.index("Tomas Veyra") < out.index("Unnamed sources") < out.index("citing “port officials in Ellis”")
    page = render(analysis, "html")
    assert "Unnamed sources" in page and "citing <span class=\"sw-unnamed\">“port officials in Ellis”</span>" in page


def test_renderers_count_one_article_in_the_singular(analysis: dict[str, Any]) -> None:
    story = analysis["stories"][0]
    story["articles"] = story["articles"][:1]
    assert "· 1 article\n" in terminal.render(analysis, color=False, width=200)
    assert "1 article from 1 outlet<" in render(analysis, "html")


def test_renderers_a_clause_written_before_its_cue_reads_on_after_it() -> None:
    from storyweave.render import after_cue

    # "The ministry may pay half, officials said" is shown as "said the ministry may pay half".
    assert after_cue("The ministry may pay half") == "the ministry may pay half"
    assert after_cue("He should also get a boost from the win") == "he should also get a boost from the win"
    assert after_cue("While he trails in the polls, a win could help him") == "while he trails in the polls, a win could help him"
    assert after_cue("At the time, Varga was trying to sell the pier") == "at the time, Varga was trying to sell the pier"
    assert after_cue("Moscow is fighting the sanctions") == "Moscow is fighting the sanctions"
    assert after_cue("Theo Varga will run again") == "Theo Varga will run again"
    assert after_cue("About 270 people have been resettled") == "about 270 people have been resettled"
    assert after_cue("Almost 650 piers have closed since 2006") == "almost 650 piers have closed since 2006"
    assert after_cue("Nearly half the dockers voted") == "nearly half the dockers voted"
    assert after_cue("Overton Bank will pay") == "Overton Bank will pay"
    assert after_cue("Other efforts will also be expanded") == "other efforts will also be expanded"
    assert after_cue("Like his remarks about the pier, the jabs were unacceptable") == \
        "like his remarks about the pier, the jabs were unacceptable"
    # the writer's link to the sentence before is no part of what was said
    assert after_cue("However debates alone are not likely to move the vote") == "debates alone are not likely to move the vote"
    assert after_cue("But, the pier will close") == "the pier will close"
    assert after_cue("Butler will run") == "Butler will run"


def test_renderers_show_a_cue_that_names_who_called_for_it(analysis: dict[str, Any]) -> None:
    # "renewed Republican calls for a special prosecutor": without its cue the demand reads as
    # the source's own words
    analysis = _with_unnamed_source(analysis)
    analysis["stories"][0]["quotes"][0].update(cue="renewed Republican calls for", text="a special harbour prosecutor")
    assert "renewed Republican calls for a special harbour prosecutor —" in markdown.render(analysis)


def test_renderers_credit_a_joint_statement_to_everyone_it_names(analysis: dict[str, Any]) -> None:
    # "Kessel and her counterpart, Veyra, agreed to …": neither said it alone.
    analysis = copy.deepcopy(analysis)
    story = analysis["stories"][0]
    first = story["quotes"][0]
    story["quotes"].append({
        "id": "q9", "article": first["article"], "speaker": "e1", "speakers": ["e1", "e2"],
        "speaker_text": "Kessel and her counterpart, Veyra", "speaker_span": [0, 33], "cue": "agreed",
        "channel": None, "text": "to reopen the northern lane", "span": [41, 68], "group": None, "kind": "indirect"})
    md = markdown.render(analysis)
    said = md.split("## Who said what")[1].split("## Where sources differ")[0]
    assert re.findall(r"^### (.+)$", said, re.M) == ["Ada Kessel", "Tomas Veyra", "Ada Kessel and Tomas Veyra"]
    assert said.split("### Ada Kessel and Tomas Veyra")[1].count("agreed to reopen the northern lane") == 1
    assert "agreed to reopen" not in said.split("### Tomas Veyra")[0]
    out = terminal.render(analysis, color=False, width=200)
    assert out.index("Ada Kessel and Tomas Veyra") < out.index("agreed to reopen the northern lane")
    assert "Ada Kessel and Tomas Veyra" in render(analysis, "html")


def test_renderers_credit_a_first_person_outside_quotation_marks_to_the_writer(analysis: dict[str, Any]) -> None:
    # "I find his language deplorable" in an opinion piece: the writer's voice, not a source's words.
    analysis = _with_unnamed_source(analysis)
    analysis["stories"][0]["quotes"][0]["speaker_text"] = "I"
    md = markdown.render(analysis)
    assert "citing the writer" in md and "“I”" not in md
    assert "citing the writer" in terminal.render(analysis, color=False, width=200)


def test_renderers_say_a_one_article_story_has_nothing_to_compare(analysis: dict[str, Any]) -> None:
    # "The sources agree" under a story of one article would read as corroboration
    analysis = copy.deepcopy(analysis)
    story = analysis["stories"][0]
    story["discrepancies"] = []
    for fact in story.get("facts") or []:
        fact["status"] = "single-source" if fact.get("status") == "contested" else fact.get("status")
    several = [markdown.render(analysis), terminal.render(analysis, color=False, width=200), render(analysis, "html")]
    story["articles"] = story["articles"][:1]
    one = [markdown.render(analysis), terminal.render(analysis, color=False, width=200), render(analysis, "html")]
    assert all("nothing to compare" in text for text in one)
    assert all("nothing to compare" not in text and "agree on everything compared" in text for text in several)


def test_many_stories_come_with_an_index_of_them_in_every_format(analysis: dict[str, Any]) -> None:
    first = analysis["stories"][0]
    second = {**copy.deepcopy(first), "id": "s-second", "title": "Ferry <b>strike</b> ends", "event_date": "2024-07-02",
              "discrepancies": [], "brief": {"headline": "Ferry <b>strike</b> ends", "sentences": []}}
    one = render(analysis, "html")
    assert 'class="sw-index"' not in one and "All stories" not in one  # a single story needs no index
    analysis["stories"].append(second)
    html = render(analysis, "html")
    index = html.split('<nav class="sw-index"', 1)[1].split("</nav>", 1)[0]
    assert "<h1>2 stories</h1>" in index
    assert f'<a href="#s0">{first["brief"]["headline"]}</a>' in index
    assert '<a href="#s1">Ferry &lt;b&gt;strike&lt;/b&gt; ends</a>' in index  # an outlet's title stays text
    assert "2024-07-02 (Tuesday) · 3 articles from 3 outlets · 0 differences" in index
    assert 'id="s1"' in html
    assert html.count('<a href="#sw-index">All stories</a>') == 2  # each story's menu leads back
    md = markdown.render(analysis)
    closing = md.split("# 2 stories in this report\n\n", 1)[1]  # stories stream out first, so the list closes
    assert closing.startswith("1. **")
    assert "2. **Ferry &lt;b&gt;strike&lt;/b&gt; ends** — 2024-07-02 \\(Tuesday\\) · 3 articles from 3 outlets · 0 differences" in closing
    plain = terminal.render(analysis, color=False, width=200)
    closing = plain.split("2 stories in this report", 1)[1]
    assert "2. Ferry <b>strike</b> ends — 2024-07-02 (Tuesday) · 3 articles from 3 outlets · 0 differences" in closing


def test_a_cue_spelled_as_a_noun_reads_as_the_verb_it_is_in_the_article() -> None:
    from storyweave.render import reported_cue

    def cue(text: str, cue: str, words: str) -> str | None:
        start = text.index(words)
        return reported_cue({"kind": "indirect", "cue": cue, "text": words, "span": [start, start + len(words)]}, text)

    # The verb takes its object right after it: "supports Mrs. Varga", not "supports: …".
    assert cue("Ana Holm, who supports Mrs. Varga, spoke last.", "supports", "Mrs. Varga") == "supports"
    assert cue("She was careful to praise the harbour plan.", "praise", "the harbour plan") == "praise"
    # The noun has its preposition between, and reads with it: the words are what the
    # support is for, the dismissal of.
    assert cue("He repeated his support for Mrs. Varga.", "support", "Mrs. Varga") == "support for"
    assert cue("a rising outcry over his curt dismissal of the dockers", "dismissal", "the dockers") == "dismissal of"
    # A noun whose words come another way keeps the colon: "assertion: …".
    assert cue("His assertion was that the pier is safe.", "assertion", "the pier is safe") == "assertion:"
    # Without the article the spelling alone decides, as before.
    assert reported_cue({"kind": "indirect", "cue": "supports", "text": "Mrs. Varga", "span": [0, 10]}) == "supports:"


def test_a_story_not_analysed_says_why_in_every_format() -> None:
    story = {"id": "s", "title": "Bare", "articles": ["a" * 16],
             "error": "this story could not be analysed (OverflowError: <date> out of range)"}
    analysis = {"articles": [{"id": "a" * 16, "source": "Wire", "title": "T", "text": "", "removed": []}], "stories": [story]}
    assert "> **Not analysed:** this story could not be analysed \\(OverflowError: &lt;date&gt; out of range\\)" in markdown.render(analysis)
    assert "Not analysed: this story could not be analysed (OverflowError: <date> out of range)" in terminal.render(analysis, color=False)
    assert '<p class="sw-note">Not analysed: this story could not be analysed (OverflowError: &lt;date&gt; out of range)</p>' \
        in render(analysis, "html")


def test_a_story_of_one_article_is_listed_without_differences() -> None:
    from storyweave.render import StoryView

    article = {"id": "a" * 16, "source": "Wire", "title": "T", "text": ""}
    view = StoryView({article["id"]: article}, {"id": "s", "title": "Bare", "articles": [article["id"]], "event_date": "2024-07-02"})
    assert view.at_a_glance() == "2024-07-02 (Tuesday) · 1 article from 1 outlet"


def test_a_single_source_line_is_listed_under_the_article_whose_words_it_shows() -> None:
    from storyweave.render import StoryView

    first, second = "a" * 16, "b" * 16
    articles = {aid: {"id": aid, "source": name, "title": "T", "text": ""} for aid, name in ((first, "Wire"), (second, "Courier"))}
    # the Courier paraphrases the wire; the fact is worded by the Courier's sentence
    story = {"id": "s", "title": "Pier", "articles": [first, second],
             "claims": [{"id": "c1", "article": first, "text": "Crews shut the old pier on Monday.", "fact": "f1",
                         "certainty": "asserted"},
                        {"id": "c2", "article": second, "text": "The old pier was shut by crews on Monday.", "fact": "f1",
                         "certainty": "asserted"}],
             "facts": [{"id": "f1", "status": "single-source", "text": "The old pier was shut by crews on Monday.",
                        "sources": [first, second], "claims": ["c1", "c2"]}]}
    groups = StoryView(articles, story).single_source_by_outlet()
    assert [(outlet, [text for text, *_ in items]) for outlet, items in groups] == \
        [(second, ["The old pier was shut by crews on Monday."])]


def test_one_sentence_two_articles_print_word_for_word_is_one_single_source_line() -> None:
    # Session 35: align left a short sentence of a paper and its updated version as two facts;
    # the report listed it once under each, as if two claims.
    from storyweave.render import StoryView

    first, second = "a" * 16, "b" * 16
    articles = {aid: {"id": aid, "source": "Courier", "title": "T", "text": ""} for aid in (first, second)}
    line = "A fisherman he is not."
    story = {"id": "s", "title": "Pier", "articles": [first, second],
             "claims": [{"id": "c1", "article": first, "text": line, "fact": "f1", "certainty": "asserted"},
                        {"id": "c2", "article": second, "text": line, "fact": "f2", "certainty": "asserted"}],
             "facts": [{"id": "f1", "status": "single-source", "text": line, "sources": [first], "claims": ["c1"]},
                       {"id": "f2", "status": "single-source", "text": line, "sources": [second], "claims": ["c2"]}]}
    assert StoryView(articles, story).single_source() == [(line, [first, second], ["asserted"])]


def test_words_two_outlets_credit_to_different_speakers_are_shown_in_the_listed_speaker_s_wording(
        analysis: dict[str, Any]) -> None:
    story = analysis["stories"][0]
    # One outlet credits the words to the agency, the others to the president; align lists
    # the utterance under the agency, so the agency's own wording must lead it.
    for quote in story["quotes"]:
        if quote["id"] == "q2":
            quote["speaker"], quote["speakers"], quote["channel"] = "e6", ["e6"], None
    story["quote_groups"][0]["speaker"] = "e6"
    md = markdown.render(analysis)
    said = md.split("### RIA")[1].split("\n### ")[0]
    assert said.splitlines()[2].startswith("- “We seek a lasting engagement with Vesteria” — Daily Beacon [2] (")
    assert "  - Coastline Times [1] credited to Ada Kessel: “We seek a lasting ~~engagement~~ **alliance** with Vesteria”" in said
    plain = terminal.render(analysis, color=False, width=200)
    assert "“We seek a lasting engagement with Vesteria” — Daily Beacon [2]" in plain
    assert "Coastline Times [1] credited to Ada Kessel:" in plain
    assert 'credited to <span class="sw-credited">Ada Kessel</span>' in render(analysis, "html")


def test_a_quotation_whose_paragraphs_were_run_together_shows_as_one() -> None:
    from storyweave.render import StoryView, one_quotation

    article = {"id": "a" * 16, "source": "Wire", "title": "T", "text": ""}
    words = "The cells are full. “We cannot hold him here. “The hearing goes ahead without him.”"
    story = {"id": "s", "title": "Court", "articles": [article["id"]],
             "entities": [{"id": "e1", "name": "Ada Lusk", "type": "PERSON"}],
             "quotes": [{"id": "q1", "article": article["id"], "speaker": "e1", "speaker_text": "Ada Lusk", "cue": "said",
                         "text": words, "span": [0, len(words)], "kind": "direct"}]}
    [speaker] = StoryView({article["id"]: article}, story).speakers()
    assert speaker.groups[0].reference["text"] == \
        "The cells are full. We cannot hold him here. The hearing goes ahead without him."
    # someone quoted inside the words keeps the marks
    assert one_quotation("He told us. “Go home,” and we left.") == "He told us. “Go home,” and we left."


def test_a_differing_wording_whose_paragraphs_were_run_together_shows_as_one_quotation() -> None:
    from storyweave.render import StoryView

    first, second = "a" * 16, "b" * 16
    articles = {aid: {"id": aid, "source": "Wire", "title": "T", "text": ""} for aid in (first, second)}
    story = {"id": "s", "title": "Court", "articles": [first, second], "discrepancies": [
        {"id": "d1", "kind": "quote", "description": "The same quote is worded differently.", "items": [
            {"article": first, "text": "We are proud. “It was a hard season.”"},
            {"article": second, "text": "We are so proud of them."}]}]}
    [(_, _, [finding])] = StoryView(articles, story).discrepancies()
    assert [item["text"] for item in finding["items"]] == ["We are proud. It was a hard season.", "We are so proud of them."]
