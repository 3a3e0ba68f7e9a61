"""PolNeAR train as training files for BBC Citron, to run Citron beside storyweave.

Citron (github.com/bbc/citron) ships models trained on PARC 3.0 and lacks its cue
classifier on GitHub; its ``scripts/train/*_builder.py`` train each part from a folder of
JSON files, one per document: ``{"text", "quotes": [{"cue", "sources", "contents"}]}``,
each span ``{"start", "end", "text"}``. This writes PolNeAR's primary annotations in that
form (read by this folder's PolNeAR reader), span edges stripped of white space;
attributions without exactly one cue are left out (Citron wants one cue a quote).

Usage: python benchmarks/polnear_to_citron.py --data ../shared/data/polnear OUTDIR
(the train part only: dev is what the benchmark scores; see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_polnear import load  # noqa: E402


def citron_span(text: str, start: int, end: int) -> dict | None:
    """A Citron span of the text, white space stripped from both ends; None when empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"start": start, "end": end, "text": text[start:end]} if end > start else None


def citron_quotes(doc) -> tuple[list[dict], int]:
    """The document's attributions as Citron quotes, and how many were left out."""
    quotes, left_out = [], 0
    for a in doc.gold:
        cues = [s for s in (citron_span(doc.text, *c) for c in a.cue) if s]
        contents = [s for s in (citron_span(doc.text, *c) for c in a.content) if s]
        sources = [s for s in (citron_span(doc.text, *c) for c in a.source) if s]
        if len(cues) != 1 or not contents:
            left_out += 1
            continue
        quotes.append({"cue": cues[0], "sources": sources, "contents": contents})
    return quotes, left_out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="a folder laid out like ../shared/data/polnear")
    ap.add_argument("out", type=Path, help="folder to write one JSON file per train article into")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    docs = load(args.data, "train")
    written = left_out = 0
    for doc in docs:
        quotes, skipped = citron_quotes(doc)
        written, left_out = written + len(quotes), left_out + skipped
        name = Path(doc.name).name
        (args.out / f"{name}.json").write_text(json.dumps({"text": doc.text, "quotes": quotes}, ensure_ascii=False),
                                               encoding="utf-8")
    print(f"train: {len(docs)} articles, {written} quotes written, {left_out} left out -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
