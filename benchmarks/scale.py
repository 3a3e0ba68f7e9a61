"""Benchmark the two grouping paths at scale: one machine vs Spark (local mode).

For each corpus size, a JSONL corpus of realistic rewrites is built from the real
articles in ``--data`` (by ``benchmarks/make_scale_corpus.py``), then each path runs in a
fresh process: ``storyweave.group.group_sources`` (read, clean, group) and
``storyweave.spark.job.spark_group`` with ``--master`` (default ``local[2]``). Reported:
wall time, peak memory of the whole process tree (driver, JVM and Python workers,
sampled every 0.2 s), B³-F1 between the two groupings, and each path's B³-F1 against the
corpus's gold events. No figure is published for this corpus: the comparison is between
the two paths.

Usage:
    python benchmarks/scale.py --data ../shared/data --sizes 10000 100000 --workdir /tmp/scale
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def b_cubed_f1(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """B³ F1 of a clustering against another (same keys)."""
    pc, gc = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[k], gold[k]) for k in pred)
    p = sum(both[(pred[k], gold[k])] / pc[pred[k]] for k in pred) / len(pred)
    r = sum(both[(pred[k], gold[k])] / gc[gold[k]] for k in pred) / len(pred)
    return 2 * p * r / (p + r) if p + r else 0.0


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total / 2**20


def _child(path: Path, which: str, master: str, out: Path) -> None:
    """One measured run in this fresh process; prints a JSON result line."""
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss_mb(os.getpid()))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    if which == "single":
        from storyweave.group import group_sources

        rows, _ = group_sources([str(path)])
    else:
        from storyweave.spark.job import spark_group

        rows = spark_group(str(path), str(out), master=master).rows
    took = time.perf_counter() - t0
    stop.set()
    sampler.join()
    print(json.dumps({"seconds": took, "peak_mb": peak[0], "stories": {r["id"]: r["story"] for r in rows}}))


def run(data: Path, sizes: list[int], workdir: Path, master: str) -> str:
    workdir.mkdir(parents=True, exist_ok=True)
    lines = ["| articles | path | time | ms / article | peak memory (process tree) | stories | B³-F1 vs other path | B³-F1 vs gold events |",
             "|---|---|---|---|---|---|---|---|"]
    for n in sizes:
        path = workdir / f"scale-{n}.jsonl"
        if not path.exists():
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_scale_corpus.py"), "--data", str(data),
                            "--n", str(n), "-o", str(path)], check=True)
        gold = {}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                gold[d["id"]] = d["event"]
        results = {}
        for which in ("single", "spark"):
            # Each run's result is kept, so a failed or interrupted long run restarts
            # with the path that has not finished.
            saved = workdir / f"result-{n}-{which}-{master.replace('[', '').replace(']', '').replace('*', 'all')}.json"
            if not saved.exists():
                out = workdir / f"out-{n}-{which}-{os.getpid()}"
                proc = subprocess.run([sys.executable, __file__, "_child", str(path), which, master, str(out)],
                                      capture_output=True, text=True)
                if proc.returncode != 0:
                    sys.exit(f"scale.py: the {which} run on {n:,} articles failed:\n{proc.stderr[-4000:]}")
                saved.write_text(proc.stdout.strip().splitlines()[-1], encoding="utf-8")
            results[which] = json.loads(saved.read_text(encoding="utf-8"))
        single, spark = results["single"]["stories"], results["spark"]["stories"]
        agree = b_cubed_f1(spark, single)
        for which, label in (("single", "one machine"), ("spark", f"Spark {master}")):
            r = results[which]
            pred = r["stories"]
            lines.append(f"| {n:,} | {label} | {r['seconds']:.0f} s | {1000 * r['seconds'] / n:.1f} | {r['peak_mb']:.0f} MB "
                         f"| {len(set(pred.values())):,} | {agree:.4f} | {b_cubed_f1(pred, {k: gold[k] for k in pred}):.3f} |")
        print(lines[-2] + "\n" + lines[-1], file=sys.stderr, flush=True)  # progress: 100k takes a while
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        _child(Path(sys.argv[2]), sys.argv[3], sys.argv[4], Path(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the folder holding ecbplus/, polnear/ … (as ../shared/data)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/storyweave-scale"))
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    print(run(args.data, args.sizes, args.workdir, args.master))


if __name__ == "__main__":
    main()
