"""Speed and memory of `storyweave analyze` on a folder of articles (default: the seeds).

Prints a Markdown table: cold CLI time (a new process, empty store), the same with a warm
store (a second run of the same files), per-story analysis time in one process with the
models loaded and the parses and vectors stored, the first time (every sentence pair judged
anew) and warm (the judgements remembered; the analysis itself recomputed), and peak memory.
With ``--workers N`` also the cold CLI with ``--workers N`` on its own empty store, its
speed-up, and whether its report is byte-identical to the one-process run.

    python benchmarks/analyze.py [--data DIR] [--repeat 5] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "seeds"


def _cli(data: Path, db: str, workers: int = 1) -> tuple[float, float, str]:
    """Wall time, peak RSS (MB; the largest of its processes) and the report of one
    `storyweave analyze` run."""
    command = [sys.executable, "-m", "storyweave.cli", "analyze", str(data), "--db", db, "--format", "json",
               "--workers", str(workers)]
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"storyweave analyze failed: {done.stderr.strip()}")
    json.loads(done.stdout)
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return elapsed, peak, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of articles (default: ../shared/seeds)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the warm in-process measurement")
    parser.add_argument("--workers", type=int, default=1, help="also time a cold run with this many worker processes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        cold, cold_peak, report = _cli(args.data, db)
        cached, _, _ = _cli(args.data, db)
        if args.workers > 1:
            parallel, parallel_peak, parallel_report = _cli(args.data, str(Path(tmp) / "workers.db"), args.workers)

        from storyweave.annotate import annotate
        from storyweave.group import group
        from storyweave.pipeline import analyze_story, read_sources
        from storyweave.render import counted
        from storyweave.store import open_store

        read = read_sources([str(args.data)])
        with open_store(db) as store:
            annotate(read.articles, store=store)  # fills the caches
            stories = group(read.articles)
            by_id = {a.id: a for a in read.articles}
            timings = []
            for _ in range(1 + args.repeat):
                start = time.perf_counter()
                for story in stories:
                    story_annotations = annotate([by_id[a] for a in story.articles], store=store)
                    analyze_story(story, story_annotations)
                timings.append((time.perf_counter() - start) / max(1, len(stories)))
    # The first pass meets each sentence pair, parse and quote vector for the first time, as
    # a new story does in a long-running process; the others are answered from memory.
    first, warm = timings[0], statistics.median(timings[1:])
    in_process_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Data: {args.data} ({counted(len(read.articles), 'article')}, {counted(len(stories), 'story', 'stories')}); {os.cpu_count()} cores; "
          f"{time.strftime('%Y-%m-%d')}\n")
    print("| measure | storyweave | target |")
    print("|---|---|---|")
    print(f"| cold CLI, empty store (s) | {cold:.2f} | < 10 |")
    print(f"| CLI, second run of the same files (s) | {cached:.2f} | |")
    print(f"| first analysis per story in process, models loaded, parses and vectors stored (s) | {first:.3f} | |")
    print(f"| warm analysis per story, models loaded, caches filled (s, median of {args.repeat}) | {warm:.3f} | < 1 |")
    print(f"| peak memory, cold CLI (MB) | {cold_peak:.0f} | |")
    print(f"| peak memory, in-process run (MB) | {in_process_peak:.0f} | |")
    if args.workers > 1:
        same = "the same report" if parallel_report == report else "A DIFFERENT REPORT"
        print(f"| cold CLI, `--workers {args.workers}` (s; {same}) | {parallel:.2f} ({cold / parallel:.2f}× faster) | |")
        print(f"| peak memory of its largest process (MB) | {parallel_peak:.0f} | |")


if __name__ == "__main__":
    main()
