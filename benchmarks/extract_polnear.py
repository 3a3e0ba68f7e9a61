"""PolNeAR attribution relations: reading the brat standoff and scoring quote extraction.

The scores follow ``data/polnear/README.md``: the Citron-style cue-paired exact/overlap
scores and storyweave's quote–speaker F1 (greedy matching by content-token overlap,
correct when both sides share at least half their content tokens and the predicted source
overlaps the gold source). Tokens are ``\\w+`` runs and single punctuation marks.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: source (may be empty), cue and content, as char spans."""

    source: Spans
    cue: Spans
    content: Spans


@dataclass
class Document:
    name: str
    text: str
    gold: list[Attribution] = field(default_factory=list)


def _spans(offsets: str) -> Spans:
    out = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_brat(ann: str) -> list[Attribution]:
    """The attribution relations of one brat ``.ann`` text."""
    spans: dict[str, Spans] = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2 and " " in fields[1]:
            tid, info = fields[:2]
            kind, offsets = info.split(" ", 1)
            if kind in ("Source", "Cue", "Content"):
                spans[tid] = _spans(offsets)
    out = []
    for line in ann.splitlines():
        if not line.startswith("E") or "\t" not in line:
            continue
        roles: dict[str, Spans] = {"Source": (), "Cue": (), "Content": ()}
        for arg in line.split("\t")[1].split():
            role, tid = arg.split(":")
            if role in roles and tid in spans:
                roles[role] = roles[role] + spans[tid]
        if roles["Content"]:
            out.append(Attribution(roles["Source"], roles["Cue"], roles["Content"]))
    return out


def load(data: Path, part: str = "dev") -> list[Document]:
    """Documents of one compartment with the primary annotator's attributions."""
    path = data / f"{part}.jsonl.gz"
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            ann = record["annotations"].get(record["primary_annotator"], "")
            docs.append(Document(record["filename"], record["text"], parse_brat(ann)))
    return docs


_TOKEN = re.compile(r"\w+|[^\w\s]")


class Tokens:
    """Token indices of character spans in one text."""

    def __init__(self, text: str) -> None:
        self.bounds = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [b[0] for b in self.bounds]

    def of(self, spans: Spans) -> frozenset[int]:
        import bisect

        out: set[int] = set()
        for start, end in spans:
            i = max(0, bisect.bisect_right(self.starts, start) - 1)
            while i < len(self.bounds) and self.bounds[i][0] < end:
                if self.bounds[i][1] > start:
                    out.add(i)
                i += 1
        return frozenset(out)


def _show(text: str, spans: Spans, width: int = 160) -> str:
    words = " … ".join(" ".join(text[a:b].split()) for a, b in spans)
    return words if len(words) <= width else words[: width // 2] + " [..] " + words[-width // 2:]


def _error_lines(text: str, name: str, gold: list[Attribution], predicted: list[Attribution],
                 correct_g: set[int], correct_p: set[int], matched: dict[int, int]) -> list[str]:
    """MISS lines for gold pairs with a source that were not found, FALSE lines for the
    predicted pairs that are not correct (with the gold pair they were matched to, if any)."""
    out = []
    for gi, g in enumerate(gold):
        if g.source and gi not in correct_g:
            pi = matched.get(gi)
            got = f" | got [{_show(text, predicted[pi].source)}] {_show(text, predicted[pi].cue)}" if pi is not None else ""
            out.append(f"{name}: MISS [{_show(text, g.source)}] <{_show(text, g.cue)}> {_show(text, g.content)}{got}")
    gold_of = {pi: gi for gi, pi in matched.items()}
    for pi, p in enumerate(predicted):
        if pi not in correct_p:
            gi = gold_of.get(pi)
            was = (f" | gold [{_show(text, gold[gi].source)}] <{_show(text, gold[gi].cue)}> {_show(text, gold[gi].content, 80)}"
                   if gi is not None else "")
            out.append(f"{name}: FALSE [{_show(text, p.source)}] <{_show(text, p.cue)}> {_show(text, p.content)}{was}")
    return out


def _boundary_lines(text: str, name: str, gold: Attribution, predicted: Attribution,
                    same: dict[str, bool]) -> list[str]:
    """SPAN lines for the roles of a cue-paired gold and predicted quote whose token spans differ,
    gold first, to read where the boundaries part."""
    return [f"{name}: SPAN {role} gold [{_show(text, getattr(gold, role))}] got [{_show(text, getattr(predicted, role))}]"
            for role in ("source", "cue", "content") if not same[role]]


@dataclass
class QuoteScores:
    """Corpus-level counts for every PolNeAR metric."""

    predicted: int = 0
    gold: int = 0
    gold_with_source: int = 0
    pair_correct: int = 0
    content_correct: int = 0
    # Citron-style, paired by cue overlap
    cue_matched: int = 0
    source_exact: int = 0
    content_exact: int = 0
    overlap: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ("cue", "source", "content")})

    def add(self, text: str, gold: list[Attribution], predicted: list[Attribution],
            errors: list[str] | None = None, name: str = "", spans: list[str] | None = None) -> None:
        """Count one document; when ``errors`` is a list, append a line per gold pair missed
        (MISS) and per predicted pair not correct (FALSE), for reading errors; when ``spans``
        is a list, a SPAN line per role of a cue-paired quote whose boundaries differ."""
        tok = Tokens(text)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.gold_with_source += sum(bool(g.source) for g in gold)
        g_content = [tok.of(g.content) for g in gold]
        p_content = [tok.of(p.content) for p in predicted]
        g_source = [tok.of(g.source) for g in gold]
        p_source = [tok.of(p.source) for p in predicted]
        pairs = sorted(
            ((len(pc & gc), pi, gi) for pi, pc in enumerate(p_content) for gi, gc in enumerate(g_content) if pc & gc),
            key=lambda x: (-x[0], x[1], x[2]),
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        correct_p: set[int] = set()
        correct_g: set[int] = set()
        matched: dict[int, int] = {}
        for shared, pi, gi in pairs:
            if pi in used_p or gi in used_g:
                continue
            used_p.add(pi)
            used_g.add(gi)
            matched[gi] = pi
            if shared >= 0.5 * len(g_content[gi]) and shared >= 0.5 * len(p_content[pi]):
                self.content_correct += 1
                if g_source[gi] and p_source[pi] & g_source[gi]:
                    self.pair_correct += 1
                    correct_p.add(pi)
                    correct_g.add(gi)
        if errors is not None:
            errors.extend(_error_lines(text, name, gold, predicted, correct_g, correct_p, matched))
        # Citron-style: pair by cue overlap
        g_cue = [tok.of(g.cue) for g in gold]
        p_cue = [tok.of(p.cue) for p in predicted]
        used_g = set()
        for pi, pc in enumerate(p_cue):
            gi = next((i for i, gc in enumerate(g_cue) if i not in used_g and gc & pc), None)
            if gi is None:
                continue
            used_g.add(gi)
            self.cue_matched += 1
            same = {"source": p_source[pi] == g_source[gi], "cue": pc == g_cue[gi], "content": p_content[pi] == g_content[gi]}
            self.source_exact += same["source"]
            self.content_exact += same["content"]
            if spans is not None:
                spans.extend(_boundary_lines(text, name, gold[gi], predicted[pi], same))
        for role, gs, ps in (("cue", g_cue, p_cue), ("source", g_source, p_source), ("content", g_content, p_content)):
            gold_all = frozenset().union(*gs) if gs else frozenset()
            pred_all = frozenset().union(*ps) if ps else frozenset()
            self.overlap[role][0] += len(gold_all & pred_all)
            self.overlap[role][1] += len(pred_all)
            self.overlap[role][2] += len(gold_all)

    @staticmethod
    def _f1(correct: float, predicted: float, gold: float) -> tuple[float, float, float]:
        p = correct / predicted if predicted else 0.0
        r = correct / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def scores(self) -> dict[str, float]:
        p, r, f = self._f1(self.pair_correct, self.predicted, self.gold_with_source)
        cp, cr, cf = self._f1(self.content_correct, self.predicted, self.gold)
        out = {"pair_p": p, "pair_r": r, "pair_f1": f, "content_p": cp, "content_r": cr, "content_f1": cf,
               "source_exact_f1": self._f1(self.source_exact, self.predicted, self.gold)[2],
               "content_exact_f1": self._f1(self.content_exact, self.predicted, self.gold)[2]}
        for role, (shared, pred, gold) in self.overlap.items():
            out[f"{role}_overlap_f1"] = self._f1(shared, pred, gold)[2]
        return out
