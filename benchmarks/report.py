"""How heavy the HTML report is and how fast it opens in Chromium.

Usage::

    .venv/bin/python benchmarks/report.py --data ../shared/seeds [--runs 5]

Analyses the articles in ``--data`` (a folder of articles, laid out like shared/seeds),
renders ``--format html`` and opens the file in Debian's headless Chromium through
Playwright, ``--runs`` times in one browser. Measured: file size; time from navigation to
the ``load`` event; the browser's first contentful paint (the brief on screen); time until
every chart has drawn (the report's Vega charts inlined in the file, drawn after the first
paint). An empty page opened the same way gives the machine's own overhead. The targets are the issue's (< 1 s, < 2 MB); no published figure or
open-source alternative produces this report, so the table shows the targets instead.
Prints a Markdown table for docs/benchmarks.md ("Brief").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
#: Every chart container holds an <svg> or <canvas> once Vega has drawn it.
#: Milliseconds from navigation to the first contentful paint (0 when the page painted nothing).
FIRST_PAINT = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime"
CHARTS_DRAWN = "() => [...document.querySelectorAll('.sw-chart')].every(c => c.querySelector('svg, canvas'))"


def build(data: Path) -> str:
    """The HTML report of the articles in ``data``."""
    from storyweave.pipeline import analyze
    from storyweave.render import html
    from storyweave.store import open_store

    with open_store(":memory:") as store:
        analysis, failures = analyze([str(data)], store=store)
    for failure in failures:
        print(f"not read: {failure}", file=sys.stderr)
    return html.render(analysis)


def measure(path: Path, runs: int) -> tuple[list[float], list[float], list[float], int]:
    """Seconds to the load event, to the first contentful paint and to the last chart
    drawn, per run; requests that left the page."""
    import playwright.sync_api as playwright_api

    loads, paints, drawn, outside = [], [], [], 0
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            loads.append(time.perf_counter() - start)
            page.wait_for_function(CHARTS_DRAWN, timeout=30_000)
            drawn.append(time.perf_counter() - start)
            paints.append(page.evaluate(FIRST_PAINT) / 1000)
            outside += sum(1 for u in requests if not u.startswith("file:") and not u.startswith("data:"))
            page.close()
        browser.close()
    return loads, paints, drawn, outside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder of articles about one event (shared/seeds)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    page = build(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(page, encoding="utf-8")
        size = path.stat().st_size
        loads, paints, drawn, outside = measure(path, args.runs)
        # The same browser opening an empty page: how much of the time is the machine's load.
        empty = Path(tmp) / "empty.html"
        empty.write_text("<!DOCTYPE html><title>x</title><p>x</p><div class=sw-chart><svg></svg></div>", encoding="utf-8")
        blank, blank_paints, _, _ = measure(empty, args.runs)
    print(f"**HTML report of {args.data.name}** ({args.runs} opens in one headless Chromium)\n")
    print("| measure | storyweave report | target (issue #8) |")
    print("|---|---|---|")
    print(f"| file size | {size / 1e6:.2f} MB | < 2 MB |")
    print(f"| navigation → load event, median (max) | {statistics.median(loads):.3f} s ({max(loads):.3f} s) | < 1 s |")
    print(f"| navigation → first contentful paint, median (max) | {statistics.median(paints):.3f} s ({max(paints):.3f} s) | < 1 s |")
    print(f"| navigation → every chart drawn, median (max) | {statistics.median(drawn):.3f} s ({max(drawn):.3f} s) | < 1 s |")
    print(f"| requests leaving the page | {outside} | 0 |")
    print(f"| (an empty page, same browser: load event / first paint, median) | {statistics.median(blank):.3f} s / "
          f"{statistics.median(blank_paints):.3f} s | – |")
    print("| published figure / open-source alternative | none: no other tool renders this report | – |")


if __name__ == "__main__":
    main()
