"""Build a large JSONL corpus of realistic rewrites from the real articles in ../shared/data.

Real coverage becomes events: an ECB+ sub-topic (the documents of different outlets
on one event), a PolNeAR article, an article-extraction benchmark body. Each event sits at
a date; its articles are its real documents, then wire copies (same body, another outlet
and headline) and rewrites of them: sentences dropped and reordered, words swapped, the
publication date shifted by a few days. Coverage used for a second event gets its
capitalised names replaced by names from other articles and a date months away — another
event of the same kind, the hard case. (Before 2026-12-04, session 11, each ECB+ document
was an event of its own, so two reports of one sub-topic counted as two events.)

Each line: ``id, title, text, source, published`` plus ``event`` (the gold story), so
``benchmarks/group.py`` can score the grouping too. Deterministic for a seed.

Usage:
    python benchmarks/make_scale_corpus.py --data ../shared/data --n 10000 -o /tmp/scale-10k.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterator

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?")
_OUTLETS = [f"outlet{i:03d}" for i in range(200)]
#: Light word swaps, as copy editors make them.
_SWAPS = {
    "said": "stated", "says": "states", "killed": "left dead", "people": "residents", "police": "officers",
    "began": "started", "after": "following", "before": "prior to", "about": "around", "big": "large",
    "also": "as well", "announced": "unveiled", "help": "assist", "buy": "purchase", "show": "reveal",
    "many": "numerous", "told": "informed", "but": "however", "because": "as", "shot": "gunned down",
}


def _ecbplus(folder: Path) -> Iterator[list[tuple[str, str]]]:
    """One list per sub-topic: its documents (reports of one event by several outlets)."""
    from ecbplus_data import read_documents

    coverage: dict[str, list[tuple[str, str]]] = {}
    for doc in read_documents(folder):
        lines = doc.lines()
        if len(lines) > 2 and lines[0]:  # a title and a body of two sentences or more
            coverage.setdefault(doc.subtopic, []).append((lines[0], " ".join(lines[1:])))
    for subtopic in sorted(coverage):
        yield coverage[subtopic]


def _polnear(folder: Path) -> Iterator[tuple[str, str]]:
    for name in ("train.jsonl.gz", "dev.jsonl.gz"):
        path = folder / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                body = doc["text"].split("\n", 1)[-1].strip()
                if body:
                    yield doc.get("title") or body[:80], body


def _extraction(folder: Path) -> Iterator[tuple[str, str]]:
    path = folder / "ground-truth.json"
    if path.exists():
        for item in json.loads(path.read_text(encoding="utf-8")).values():
            body = (item.get("articleBody") or "").strip()
            if body:
                yield body.split("\n", 1)[0][:90], body


def real_coverage(data: Path) -> list[list[tuple[str, str]]]:
    """The real English coverage found under ``data``, one list of (title, body) per
    event: an ECB+ sub-topic's documents, or one article."""
    out = list(_ecbplus(data / "ecbplus"))
    out += [[article] for article in [*_polnear(data / "polnear"), *_extraction(data / "article-extraction")]]
    if not out:
        sys.exit(f"{data}: no ECB+, PolNeAR or article-extraction files found; pass --data ../shared/data")
    return out


def _rewrite(rng: random.Random, text: str) -> str:
    sentences = _SENT.split(text)
    if len(sentences) > 3:
        keep = [s for i, s in enumerate(sentences) if i < 2 or rng.random() > 0.2]
        i = rng.randrange(1, len(keep) - 1) if len(keep) > 2 else 0
        keep[i : i + 2] = keep[i : i + 2][::-1]
        sentences = keep
    words = " ".join(sentences).split(" ")
    for i, w in enumerate(words):
        if w in _SWAPS and rng.random() < 0.5:
            words[i] = _SWAPS[w]
    return " ".join(words)


def _rename(text: str, mapping: dict[str, str]) -> str:
    return _NAME.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)


def build(data: Path, n: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """Yield ``n`` articles (dicts), events interleaved in time order as a feed would."""
    rng = random.Random(seed)
    bases = real_coverage(data)
    rng.shuffle(bases)
    names = sorted({m.group(0) for coverage in bases[:300] for _, body in coverage for m in _NAME.finditer(body)})
    start = dt.date(2024, 1, 1).toordinal()
    events: list[tuple[int, int, int, int]] = []  # (day, event, base, size)
    total = e = 0
    while total < n:
        # An event is covered by all of its real reports at least.
        size = min(n - total, max(len(bases[e % len(bases)]), int(rng.paretovariate(1.3))), 80)
        events.append((start + rng.randrange(365 * max(1, n // 20000)), e, e % len(bases), size))
        total += size
        e += 1
    out: list[tuple[int, str, dict[str, object]]] = []
    for day, event, base, size in events:
        coverage = bases[base]
        if event >= len(bases):  # the same kind of event again: other names, another time
            local = random.Random(event)
            found = sorted({x.group(0) for title, body in coverage for x in _NAME.finditer(title + " " + body)})
            mapping = {m: local.choice(names) for m in found}
            coverage = [(_rename(title, mapping), _rename(body, mapping)) for title, body in coverage]
        for k in range(size):
            # First the event's real reports, then copies and rewrites of any of them.
            title, body = coverage[k] if k < len(coverage) else coverage[rng.randrange(len(coverage))]
            kind = "original" if k < len(coverage) else ("copy" if rng.random() < 0.3 else "rewrite")
            text = body if kind != "rewrite" else _rewrite(rng, body)
            head = title if kind == "original" or rng.random() < 0.5 else _rewrite(rng, title)
            when = day + (0 if k == 0 else rng.randrange(0, 4))
            published = dt.datetime.fromordinal(when).replace(hour=rng.randrange(24), minute=rng.randrange(60))
            item = {"id": f"e{event}-{k}", "title": head, "text": text, "source": rng.choice(_OUTLETS),
                    "published": published.isoformat() + "Z", "event": f"e{event}"}
            out.append((when, item["published"], item))  # type: ignore[arg-type]
    out.sort(key=lambda t: (t[0], t[1]))
    for _, _, item in out:
        yield item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--n", type=int, default=1000, help="articles to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    with args.output.open("w", encoding="utf-8") as fh:
        for item in build(args.data, args.n, args.seed):
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
