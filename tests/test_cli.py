"""The command line: what a user types and what comes back (exit status, stdout, stderr)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyweave import __version__
from storyweave.cli import app

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_cli_version_names_storyweave_and_python():
    result = _run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"storyweave {__version__} (Python 3.")


def test_cli_runs_as_python_dash_m_storyweave():
    result = subprocess.run([sys.executable, "-m", "storyweave", "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"storyweave {__version__} ")


def test_cli_help_paragraphs_fill_the_terminal_and_keep_brackets():
    # a paragraph of a command's help reads as one paragraph at any width (its source lines
    # are not kept as line breaks), and "[spark]" is text, not markup to drop
    result = subprocess.run([sys.executable, "-m", "storyweave", "spark-group", "--help"], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "Needs pip install 'storyweave[spark]' and Java 17." in result.stdout
    assert "failed (exit 1). Needs pip install" in result.stdout  # two source lines, one printed line


def test_cli_unknown_format_is_a_usage_error():
    result = _run("analyze", "examples", "--format", "pdf")
    assert result.exit_code == 2


def test_cli_workers_below_one_is_a_usage_error_naming_the_option():
    result = _run("analyze", "examples", "--workers", "0")
    assert result.exit_code == 2
    assert "--workers" in result.stderr


def test_cli_extract_prints_one_cleaned_article_a_line(seeds_dir):
    result = _run("extract", str(seeds_dir))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert set(rows[0]) == {"id", "input_id", "source", "source_named", "location", "url", "title", "author",
                            "published", "language", "text", "removed"}
    assert all("Leave a Comment" not in r["text"] for r in rows)
    assert not any(r["source_named"] for r in rows)  # text files: the source is the file name


@pytest.mark.slow
def test_cli_bad_inputs_are_reported_and_the_rest_analysed(tmp_path: Path, seeds_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "empty.txt").write_text("")
    (corpus / "photo.txt").write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    result = _run("analyze", str(corpus), str(missing), "--db", ":memory:", "--format", "json")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert any(line.startswith(f"storyweave: {corpus / 'empty.txt'}:") for line in errors)
    assert any(line.startswith(f"storyweave: {corpus / 'photo.txt'}:") and "binary" in line for line in errors)
    assert any(line.startswith(f"storyweave: {missing}:") and "no such file" in line for line in errors)
    analysis = json.loads(result.stdout)
    assert len(analysis["articles"]) == 5 and len(analysis["stories"]) == 1


@pytest.mark.slow
def test_cli_markdown_to_file_and_a_second_run_reuses_the_store(tmp_path: Path, examples_dir):
    db = tmp_path / "store.db"
    out = tmp_path / "report.md"
    first = _run("analyze", str(examples_dir), "--db", str(db), "--format", "markdown", "-o", str(out))
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""  # the report went to the file
    report = out.read_text()
    assert report.startswith("#") and "12 km" in report
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("store.db")) == ["report.md"]  # no part file left
    second = _run("analyze", str(examples_dir), "--db", str(db), "--format", "markdown")
    assert second.exit_code == 0 and second.stdout == report


def test_cli_output_to_a_missing_folder_exits_2_with_one_line(tmp_path: Path, examples_dir):
    out = tmp_path / "no-such-folder" / "report.json"
    result = _run("analyze", str(examples_dir), "--db", ":memory:", "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"storyweave: {out}: cannot write (No such file or directory); choose another -o path"]
    assert not out.parent.exists()


def test_cli_output_to_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path, examples_dir):
    # "-o /dev/null" or a named pipe is written to as it is: a report renamed over it
    # (as files are, so a failed run leaves no half report) had turned /dev/null into a file.
    import stat
    import threading

    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = _run("analyze", str(examples_dir), "--db", ":memory:", "--format", "markdown", "-o", str(pipe))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].startswith("# ")
    assert not (tmp_path / ".report.pipe.part").exists()


def test_cli_nothing_readable_exits_1_with_one_line(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = _run("analyze", str(empty), "--db", ":memory:")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"storyweave: {empty}:")
    assert lines[-1] == "storyweave: no article could be read; nothing to analyse"


@pytest.mark.slow
def test_cli_stories_lists_what_the_store_holds(tmp_path: Path, examples_dir):
    db = tmp_path / "store.db"
    assert _run("analyze", str(examples_dir), "--db", str(db), "--format", "json").exit_code == 0
    result = _run("stories", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1 and len(rows[0]["articles"]) == 5 and rows[0]["title"]


def test_cli_analyze_says_which_articles_are_not_english(tmp_path: Path) -> None:
    german = ("Die britische Regierung hat noch am Samstagabend in einem Brief wie vom Gesetz vorgeschrieben eine "
              "Verschiebung beantragt. Zuvor hatte die Sondersitzung des Unterhauses noch nicht die erwartete "
              "historische Entscheidung gebracht. Eine Mehrheit der Abgeordneten hat gegen den Wunsch der Regierung "
              "gestimmt, den nachverhandelten Vertrag jetzt zu billigen, und der Premierminister muss nun warten.")
    (tmp_path / "brief.txt").write_text("Brexit-Vertrag vertagt\n\n" + german + "\n", encoding="utf-8")
    (tmp_path / "ferry.txt").write_text("Ferry Sails Again\n\nThe ferry to Orsk sailed again on Friday after a "
                                        "three-day halt, the harbour master said.\n", encoding="utf-8")
    result = _run("analyze", str(tmp_path), "--db", ":memory:", "--format", "json")
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if "reads English" in line]
    # One line for the German article, naming it; the English one is analysed without a word.
    assert len(notes) == 1 and "brief.txt: its words are not English" in notes[0]


def test_cli_a_story_whose_analysis_fails_is_reported_and_the_others_analysed(tmp_path: Path, monkeypatch) -> None:
    # A fault in one story's analysis (a bug, injected here around the real extractor) costs
    # that story alone: it is listed with its articles and the error, the rest is analysed.
    import storyweave.pipeline as pipeline

    real_extract = pipeline.extract

    def failing_for_the_ferry(story, annotations):
        if any("ferry" in a.article.text for a in annotations):
            raise OverflowError("date value out of range")
        return real_extract(story, annotations)

    monkeypatch.setattr(pipeline, "extract", failing_for_the_ferry)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry strike ends in Tarnby\n\nThe ferry crews of Tarnby ended their strike on "
                                      "Monday after the harbour board agreed to a pay rise, union head Ivo Brand said.\n")
    (corpus / "orchard.txt").write_text("Frost ruins Kell Ford apple crop\n\nA late frost destroyed most of the apple "
                                        "blossom in the orchards of Kell Ford, growers said on Thursday.\n")
    result = _run("analyze", str(corpus), "--db", ":memory:", "--format", "json")
    assert result.exit_code == 1
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith("storyweave: story 'Ferry strike ends in Tarnby' (1 article): this story could not be analysed "
                            "(OverflowError: date value out of range)")
    stories = {s["title"]: s for s in json.loads(result.stdout)["stories"]}
    assert len(stories["Ferry strike ends in Tarnby"]["articles"]) == 1 and stories["Ferry strike ends in Tarnby"]["error"]
    (orchard,) = [s for title, s in stories.items() if "Ferry" not in title]
    assert "error" not in orchard and orchard["claims"]
