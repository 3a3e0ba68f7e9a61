"""The analysis for a terminal: rich sections, tables and colour; plain text when piped.

Article text is untrusted and goes into rich only as :class:`rich.text.Text` (never as
markup strings), so "[bold]" or ":smile:" inside an article is printed as written.
"""

from __future__ import annotations

import os
import sys
from io import StringIO
from typing import Any, Iterator

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from . import (DiffOps, GroupView, StoryView, after_cue, counted, passage_articles, phase_heading, readable_date,
               relation_phrase, score, share, story_views, with_weekday)
from .markdown import support_note

DEFAULT_WIDTH = 100

_KIND_STYLE = {"date": "bold red", "number": "bold red", "contradiction": "bold red", "attribution": "bold magenta",
               "certainty": "bold yellow", "wording": "bold cyan"}


def _auto_color() -> bool:
    """Colour when stdout is a terminal, unless NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stdout
        return False


class _Writer:
    """Builds one story's renderables; ``color`` decides how diffs are marked."""

    def __init__(self, view: StoryView, color: bool) -> None:
        self.view = view
        self.color = color

    def outlet(self, article_id: str) -> Text:
        return Text.assemble((self.view.outlet(article_id), "bold"), (f" [{self.view.label(article_id)}]", "cyan"))

    def outlets(self, ids: list[str]) -> Text:
        return Text(", ").join(self.outlet(a) for a in sorted(set(ids), key=self.view.label))

    def cites(self, ids: list[str]) -> Text:
        return Text("".join(f"[{n}]" for n in self.view.labels(ids)), style="cyan")

    def said_by(self, quote: dict[str, Any], speaker: str | None = None) -> Text:
        text = self.outlet(quote["article"])
        if quote.get("channel"):
            text.append(" via ", "dim").append(str(quote["channel"]), "italic")
        unnamed = self.view.unnamed_source(quote)
        credited = self.view.credited_elsewhere(quote, speaker)
        if unnamed:
            # The outlet names no one ("officials said"): its own description, in its words.
            text.append(", citing ", "dim").append(unnamed, "italic")
        elif credited:
            text.append(" credited to ", "dim").append(credited, "bold magenta")
        return text

    def diff(self, ops: DiffOps) -> Text:
        # Without colour a strike-through is invisible, so plain text uses git's
        # word-diff markers instead.
        out = Text()
        for tag, words in ops:
            if not words:
                continue
            if out:
                out.append(" ")
            if tag == "equal":
                out.append(words)
            elif tag == "delete":
                out.append(words, "strike red") if self.color else out.append(f"[-{words}-]")
            else:
                out.append(words, "bold green") if self.color else out.append(f"{{+{words}+}}")
        return out

    @staticmethod
    def section(title: str) -> Group:
        # A blank line before each section: the rules alone make the page feel cramped.
        return Group(Text(), Rule(Text(title, style="bold"), align="left", style="dim"))

    @staticmethod
    def item(*parts: Text | str | tuple[str, str], indent: int = 2) -> Padding:
        return Padding(Text.assemble(*parts), (0, 0, 0, indent), expand=False)

    def quoted(self, text: str) -> Text:
        return Text.assemble("“", text, "”")

    def words(self, quote: dict[str, Any], text: str | Text) -> Text:
        """The speaker's own words in quotation marks; a paraphrase after its cue, without."""
        cue = self.view.cue(quote)
        if cue is None:
            return Text.assemble("“", text, "”")
        if not cue:
            return Text.assemble(text)
        return Text.assemble((f"{cue} ", "dim"), after_cue(text) if isinstance(text, str) else text)

    def group(self, group: GroupView, speaker: str | None = None) -> list[RenderableType]:
        line = Text.assemble(self.words(group.reference, group.reference["text"]), (" — ", "dim"),
                             Text("; ").join(self.said_by(q, speaker) for q in group.same))
        if group.variants and group.drift is not None:
            line.append(f"  drift {group.drift:.2f}", "dim")
        out: list[RenderableType] = [self.item(line, indent=4)]
        for v in group.variants:
            out.append(self.item(self.said_by(v.quote, speaker), ": ", self.words(v.quote, self.diff(v.ops)), indent=6))
        for part in group.parts:
            out.append(self.item(("in part: ", "dim"), self.words(part.reference, part.reference["text"]), (" — ", "dim"),
                                 Text("; ").join(self.said_by(q, speaker) for q in part.quotes()), indent=6))
        return out

    def story(self) -> list[RenderableType]:
        view, s = self.view, self.view.story
        out: list[RenderableType] = [Rule(Text(view.title, style="bold"), style="bold blue")]
        meta = Text.assemble(("Event date ", "dim"), with_weekday(s.get("event_date")) or "unknown",
                             (" · ", "dim"), counted(len(s.get('articles') or []), "article"))
        out.append(meta)
        if s.get("error"):
            out.append(Text(f"Not analysed: {s['error']}", style="bold red"))

        brief = s.get("brief") or {}
        sentences = brief.get("sentences") or []
        lines: list[Text] = []
        for n, b in enumerate(sentences):
            if heading := phase_heading(sentences, n):
                lines.append(Text(heading, style="bold dim"))
            lines.append(Text.assemble("• ", str(b.get("text") or ""), " ", self.cites(b.get("citations") or [])))
        lines = lines or [Text("No brief.", style="dim")]
        headline = Text(str(brief.get("headline") or "Brief"), style="bold")
        out.append(Panel(Group(*lines), title=headline, title_align="left", border_style="blue"))

        sources = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
        for col in ("#", "outlet", "title", "published"):
            sources.add_column(col, overflow="fold", style="dim" if col == "published" else None)
        for src in view.sources():
            sources.add_row(Text(f"[{src.label}]", style="cyan"), Text(src.outlet, style="bold"), Text(src.title), Text(src.published))
        out += [Text("Sources", style="bold"), Padding(sources, (0, 0, 0, 2), expand=False)]

        out.append(self.section("Who said what"))
        speakers = view.speakers()
        for speaker in speakers:
            out.append(self.item((speaker.name, "bold yellow")))
            for group in speaker.groups:
                out += self.group(group, speaker.name)
        if not speakers:
            out.append(self.item(("No quotes found.", "dim")))

        out.append(self.section("Where sources differ"))
        kinds = view.discrepancies()
        for kind, title, discs in kinds:
            for disc in discs:
                out.append(self.item((f"{title.upper()} ", _KIND_STYLE.get(kind, "bold")), str(disc.get("explanation") or "")))
                for it in disc.get("items") or []:
                    out.append(self.item(self.outlet(it["article"]), ": ", self.quoted(str(it.get("text") or "")), indent=6))
        for fact in view.facts("contested"):
            out.append(self.item(("CONTESTED ", "bold red"), str(fact.get("text") or ""), " ", self.cites(fact.get("sources") or [])))
            for reason in view.contested_because(fact):
                out.append(self.item(("because ", "dim"), reason, indent=6))
        if not kinds and not view.facts("contested"):
            out.append(self.item((view.nothing_differs(), "dim")))

        out.append(self.section("Single-source claims"))
        single = view.single_source()
        facts = {str(f.get("text") or ""): f for f in view.facts("single-source")}
        for first, items in view.single_source_by_outlet():
            out.append(self.item(("From ", "bold"), self.outlets([first]) if first else "an unknown outlet", (f" ({len(items)})", "dim")))
            for text, ids, certainties in items:
                how = ", ".join(c for c in certainties if c)
                # Several outlets behind one claim are still one source when they copy each other.
                note = f"; {support_note(view, ids, facts.get(text))}" if len(set(ids)) > 1 else ""
                out.append(self.item("• ", text, (" — ", "dim"), self.outlets(ids), (f" ({how}{note})" if how or note else "", "dim")))
        if not single:
            out.append(self.item(("None found.", "dim")))

        out.append(self.section("Corroborated facts"))
        corroborated = view.facts("corroborated")
        for fact in corroborated:
            out.append(self.item(("✓ ", "green"), str(fact.get("text") or ""), " ", self.cites(fact.get("sources") or [])))
        if not corroborated:
            out.append(self.item(("None found.", "dim")))

        out.append(self.section("Provenance"))
        links = s.get("provenance") or []
        if links:
            table = Table(box=None, padding=(0, 1), header_style="bold dim")
            for col, justify in (("Article", "left"), ("", "left"), ("Source", "left"), ("Score", "right"),
                                 ("Shared", "right"), ("Original", "right")):
                table.add_column(col, justify=justify)  # type: ignore[arg-type]
            for link in links:
                table.add_row(self.outlet(link["derived"]), Text(relation_phrase(link), style="italic"), self.outlet(link["source"]),
                              score(link.get("score")), str(link.get("shared_sentences", "–")), share(link.get("original_share")))
            out.append(Padding(table, (0, 0, 0, 2), expand=False))
        else:
            out.append(self.item(("No article copies another.", "dim")))

        out.append(self.section("Headline framing"))
        framing = s.get("framing") or []
        if framing:
            table = Table(box=None, padding=(0, 1), header_style="bold dim")
            table.add_column("Outlet", no_wrap=True)
            table.add_column("Headline", ratio=3, overflow="fold")
            table.add_column("Sensationalism", no_wrap=True)
            table.add_column("Signals", ratio=2, overflow="fold")
            for f in framing:
                table.add_row(self.outlet(f["article"]), Text(str(f.get("headline") or "")), self.meter(f.get("sensationalism")),
                              Text(", ".join(str(x) for x in f.get("signals") or []) or "–", style="dim"))
            out.append(Padding(table, (0, 0, 0, 2), expand=False))
        else:
            out.append(self.item(("None found.", "dim")))

        if "timeline" in s:
            out.append(self.section("Timeline"))
            for t in s.get("timeline") or []:
                cite = self.cites(passage_articles(t)) if t.get("article") else Text()
                out.append(self.item((readable_date(t.get("date")) or "undated", "bold"), "  ", str(t.get("text") or ""), " ", cite))

        out.append(self.section("Removed junk"))
        for src, counts in view.junk():
            detail = ", ".join(f"{reason} ×{n}" for reason, n in counts.items())
            summary = f"{sum(counts.values())} removed: {detail}" if counts else "nothing removed"
            out.append(self.item(self.outlet(src.id), ("  " + summary, "dim")))
        return out

    @staticmethod
    def meter(value: Any) -> Text:
        """'0.86 ████████▋░' coloured from calm (green) to loud (red)."""
        if not isinstance(value, (int, float)):
            return Text("–")
        v = min(max(float(value), 0.0), 1.0)
        filled = round(v * 10)
        style = "green" if v < 0.34 else "yellow" if v < 0.67 else "red"
        return Text.assemble(f"{v:.2f} ", ("█" * filled, style), ("░" * (10 - filled), "dim"))


def render(analysis: dict[str, Any], *, color: bool | None = None, width: int | None = None) -> str:
    """The analysis as terminal text.

    Args:
        analysis: the analysis JSON.
        color: ANSI colour and styles; None decides from ``sys.stdout`` (a terminal, and
            ``NO_COLOR`` unset). Without colour the text has no escape codes at all.
        width: columns to wrap at; None means 100.

    Returns:
        The text, ending with a newline.
    """
    return "".join(chunks(analysis, color=color, width=width))


def chunks(analysis: dict[str, Any], *, color: bool | None = None, width: int | None = None) -> Iterator[str]:
    """:func:`render`'s text a story at a time."""
    use_color = _auto_color() if color is None else color
    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=use_color,  # explicit, so FORCE_COLOR/TTY_COMPATIBLE in the env cannot override it
        color_system="standard" if use_color else None,
        no_color=not use_color,
        width=width or DEFAULT_WIDTH,
        highlight=False,  # rich would colour numbers and URLs inside article text
        emoji=False,
        markup=False,  # belt and braces: no string we print is parsed as markup
        legacy_windows=False,
        soft_wrap=False,
    )
    count = 0
    index = []
    for view in story_views(analysis):
        if count:
            console.print()
        for renderable in _Writer(view, use_color).story():
            console.print(renderable)
        count += 1
        index.append((Text(f"{count}.", style="cyan"), Text.assemble((view.title, "bold"), (" — ", "dim"), (view.at_a_glance(), "dim"))))
        yield _taken(buffer)
    # Stories are printed as they are analysed, so the list of them closes the report,
    # where a terminal leaves the reader.
    if count > 1:
        console.print()
        console.print(Rule(Text(f"{count} stories in this report", style="bold"), style="bold blue"))
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1, 0, 0))
        table.add_column(justify="right")
        table.add_column(overflow="fold")
        for number, line in index:
            table.add_row(number, line)
        console.print(table)
        yield _taken(buffer)
    if not count:
        console.print(Text("No stories found in the input.", style="dim"))
        yield _taken(buffer)


def _taken(buffer: StringIO) -> str:
    """The buffer's text, emptied. Tables and panels pad lines to the full width; trailing
    blanks only get in the way of diffs and copy-paste."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))
