"""The Spark grouping job: a corpus on disk → article → story (and duplicate_of).

The same grouping as ``storyweave group`` (:mod:`storyweave.group`), with the work that
does not depend on order spread over the executors. Step by step:

1. **Read** JSONL (``.jsonl``, ``.jsonl.gz``; one JSON article a line) or Parquet (one
   article a row, the same fields as JSONL) into rows numbered in input order.
2. **Prepare** (executors, ``mapPartitions``): each row becomes an :class:`Article`
   exactly as ``storyweave ingest`` reads a JSONL line, is cleaned with
   :func:`storyweave.clean.clean`, sketched (:func:`storyweave.group.features.sketch`)
   and MinHashed (:func:`storyweave.group.dups.signature`, same permutations and seed).
3. **Near-duplicates** (executors, one shuffle): each signature is cut into the same
   bands as datasketch's ``MinHashLSH`` for :data:`~storyweave.group.dups.DUPLICATE_JACCARD`
   and ``NUM_PERM``; rows sharing a band are candidates, confirmed by the estimated
   Jaccard similarity. Each article keeps its earliest confirmed match.
4. **Stories** (driver, one ordered pass): prepared rows stream back partition by
   partition in input order; each joins its original's story or the best story of a
   :class:`~storyweave.group.stories.StoryIndex`, as :meth:`storyweave.group.Grouper.add`
   does, with the same re-check of every window of articles
   (:meth:`~storyweave.group.stories.StoryIndex.recheck`). This pass is order-dependent by design (a story is what came before), so it is
   the one sequential step; it reads compact sketches, never article text.
5. **Write** Parquet or JSONL rows ``position, id, article, story, duplicate_of``
   (``id`` is the input's own id where it had one, as ``storyweave group`` prints) and,
   optionally, load the cleaned articles, the stories and the grouping state into a store.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from ..errors import ConfigError, InputError
from ..model import Article, InputFailure, Story

#: Rows of the output, in this column order.
OUTPUT_COLUMNS = ("position", "id", "article", "story", "duplicate_of")


@dataclass
class SparkGroupResult:
    """What :func:`spark_group` did.

    Attributes:
        rows: the grouped rows, in input order (what was written to the output).
        failures: inputs that could not be read or cleaned (location and reason).
        stories: how many stories the rows form.
    """

    rows: list[dict[str, Any]] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)
    stories: int = 0


def _bands() -> tuple[int, int]:
    """Bands and rows per band of datasketch's LSH for storyweave's duplicate threshold."""
    from datasketch import MinHashLSH

    from ..group.dups import DUPLICATE_JACCARD, NUM_PERM

    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _json_value(value: Any) -> Any:
    """A Parquet cell as JSONL would carry it (dates as ISO 8601)."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _prepare(rows: Iterable[tuple[tuple[str, str, int], int]], keep_article: bool) -> Iterator[tuple[Any, ...]]:
    """Executor side: raw rows → (position, ok, payload...).

    Yields ``(pos, True, row_id, article_id, sketch_pickle, signature_bytes, n_shingles,
    article_json_or_None, sentence_hashes_bytes, outlet)`` for a grouped article and ``(pos, False, location, reason)``
    for a row that failed.
    """
    # Imported on the executor: these are what the worker process runs.
    from ..clean import NOTHING_LEFT, clean
    from ..errors import StoryweaveError
    from ..group.dups import signature
    from ..group.features import sketch
    from ..group.shared import sentence_hashes
    from ..ingest import read_json_line  # the JSONL reader's own record → Article step
    from ..options import Options

    options = Options()
    for (location, line, _), pos in rows:
        stem = Path(location.rsplit(":", 1)[0]).name.split(".")[0]
        item = read_json_line(line, location, stem, options)
        if isinstance(item, InputFailure):
            yield (pos, False, item.source, item.reason)
            continue
        try:
            article = clean(item, options)
        except StoryweaveError as exc:
            yield (pos, False, item.location, str(exc))
            continue
        if not article.text.strip():
            yield (pos, False, item.location, NOTHING_LEFT)
            continue
        features = sketch(article.title, article.text, article.published)
        sig = signature(features.shingles)
        yield (
            pos, True, article.input_id or article.id, article.id,
            pickle.dumps(features, protocol=pickle.HIGHEST_PROTOCOL), sig.astype("<u4").tobytes(),
            len(features.shingles), json.dumps(article.to_json(), ensure_ascii=False) if keep_article else None,
            sentence_hashes(article.text).astype("<u4").tobytes(), article.source if article.source_named else "",
        )


def _band_keys(record: tuple[Any, ...], bands: int, rows: int) -> Iterator[tuple[tuple[int, bytes], tuple[int, bytes]]]:
    pos, sig = record[0], record[5]
    width = 4 * rows  # bytes per band: rows uint32 values
    for b in range(bands):
        yield (b, sig[b * width : (b + 1) * width]), (pos, sig)


def _confirmed_pairs(bucket: tuple[Any, Iterable[tuple[int, bytes]]], threshold: float) -> Iterator[tuple[int, int]]:
    """(later, earlier) positions of candidates whose signatures agree enough."""
    members = sorted(bucket[1])
    for i, (later, sig_later) in enumerate(members):
        a = np.frombuffer(sig_later, dtype="<u4")
        for earlier, sig_earlier in members[:i]:
            if float(np.mean(np.frombuffer(sig_earlier, dtype="<u4") == a)) >= threshold:
                yield later, earlier


def _session(master: str | None, app_name: str) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("the Spark job needs PySpark and Java 17: pip install 'storyweave[spark]'") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master is not None:  # None under spark-submit, which sets the master itself
        builder = builder.master(master)
    # Quiet and local-friendly defaults; spark-submit's --conf overrides every one.
    for key, value in (("spark.ui.enabled", "false"), ("spark.ui.showConsoleProgress", "false"),
                       ("spark.sql.shuffle.partitions", "8"),
                       ("spark.driver.memory", os.environ.get("STORYWEAVE_SPARK_DRIVER_MEMORY", "2g")),
                       ("spark.python.worker.reuse", "true")):
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _read(spark: Any, source: str) -> Any:
    """The corpus as an RDD of ((location, json_line, file_index), position), in input order."""
    from pyspark.sql import functions as F

    path = Path(source)
    is_parquet = source.endswith(".parquet") or (path.is_dir() and any(path.rglob("*.parquet")))
    if not source.startswith(("hdfs:", "s3a:", "gs:", "abfs:")) and not path.exists():
        raise InputError(source, "no such file or folder; give a JSONL or Parquet file or a folder of them")
    if is_parquet:
        df = spark.read.parquet(source).withColumn("_file", F.input_file_name())
        cols = [c for c in df.columns if c != "_file"]

        def to_line(row: Any) -> tuple[str, str]:
            data = {c: _json_value(row[c]) for c in cols if row[c] is not None}
            return row["_file"], json.dumps(data, ensure_ascii=False)

        lines = df.rdd.map(to_line)
    else:
        df = spark.read.text(source).withColumn("_file", F.input_file_name())
        lines = df.rdd.map(lambda row: (row["_file"], row["value"]))
    numbered = lines.zipWithIndex()
    # Line numbers within each file, for error locations: a file's rows are contiguous.
    starts = dict(numbered.map(lambda x: (x[0][0], x[1])).reduceByKey(min).collect())
    starts_b = spark.sparkContext.broadcast(starts)

    def locate(x: tuple[tuple[str, str], int]) -> tuple[tuple[str, str, int], int]:
        (file, line), pos = x
        name = file[len("file://"):] if file.startswith("file://") else file
        return (f"{name}:{pos - starts_b.value[file] + 1}", line, 0), pos

    return numbered.map(locate).filter(lambda x: x[0][1].strip() != "")


def spark_group(
    source: str,
    output: str,
    *,
    master: str | None = "local[*]",
    fmt: str = "parquet",
    store_url: str | None = None,
    spark: Any = None,
) -> SparkGroupResult:
    """Group a corpus on Spark; the same stories as :func:`storyweave.group.group_sources`.

    Args:
        source: a JSONL (optionally gzipped) or Parquet file, or a folder of them; any
            path Spark reads (``hdfs://``, ``s3a://`` with the cluster's connectors).
        output: the folder to write (Spark writes a folder of part files); must not exist.
        master: the Spark master (``local[*]``, ``spark://host:7077``, ``yarn``); None
            to use the one spark-submit set; ignored when ``spark`` is given.
        fmt: ``"parquet"`` or ``"jsonl"``.
        store_url: also load the cleaned articles, the stories and the grouping state
            into this store (``--db``), so ``storyweave analyze``/``follow`` continue.
        spark: an existing SparkSession to use (it is left running).

    Returns:
        The rows written, the failed inputs and the number of stories.

    Raises:
        ConfigError: PySpark is missing, the format is unknown or the output exists.
        InputError: the source does not exist.
        StoreError: the store cannot be written.
    """
    from ..group import GROUPER, Assignment, relabel, story_id_for
    from ..group.dups import DUPLICATE_JACCARD
    from ..group.shared import NO_SENTENCES
    from ..group.stories import StoryIndex

    if fmt not in ("parquet", "jsonl"):
        raise ConfigError(f"--format {fmt!r}: use parquet or jsonl")
    if "://" not in output and Path(output).exists():
        raise ConfigError(f"{output} already exists; remove it or choose another output folder")
    own = spark is None
    if own:
        spark = _session(master, "storyweave-spark-group")
    try:
        from pyspark import StorageLevel

        raw = _read(spark, source)
        keep = store_url is not None
        # On disk, not on the heap: sketches are a few KB an article, and the JVM heap
        # is needed for the shuffle (a 100,000-article run ran out of a 2 GB heap).
        prepared = raw.mapPartitions(lambda rows: _prepare(rows, keep)).persist(StorageLevel.DISK_ONLY)

        # Near-duplicates: one shuffle on (band, band values), as datasketch's LSH buckets.
        bands, rows_per_band = _bands()
        firsts: dict[int, int] = dict(
            prepared.filter(lambda r: r[1] and r[6] > 0)
            .flatMap(lambda r: _band_keys(r, bands, rows_per_band))
            .groupByKey()
            .flatMap(lambda bucket: _confirmed_pairs(bucket, DUPLICATE_JACCARD))
            .reduceByKey(min)
            .collect()
        )
        needed = set(firsts.values())

        # Stories: one ordered pass on the driver, as Grouper.add does it.
        index = StoryIndex()
        members: dict[str, Assignment] = {}
        by_story: dict[str, set[str]] = {}
        signatures: dict[str, bytes] = {}
        article_at: dict[int, str] = {}
        result = SparkGroupResult()
        first_row: dict[str, str] = {}
        for rec in prepared.toLocalIterator():
            pos = rec[0]
            if not rec[1]:
                result.failures.append(InputFailure(rec[2], rec[3]))
                continue
            _, _, row_id, aid, sketch_blob, sig, n_shingles, _, sentence_blob, outlet = rec
            if pos in needed:
                article_at[pos] = aid
            assignment = members.get(aid)
            if assignment is None:
                features = pickle.loads(sketch_blob)
                original = None
                if n_shingles and pos in firsts:
                    first = article_at[firsts[pos]]
                    original = members[first].duplicate_of or first
                story, _, vec = index.best(features)
                if original is not None:
                    # A copy belongs with its original, whatever its wording scores.
                    story = index.stories[members[original].story]
                if story is None:
                    story = index.new_story(story_id_for(aid))
                # (a copy prints its original's sentences again, as in Grouper.add)
                sentences = NO_SENTENCES if original is not None else \
                    np.frombuffer(sentence_blob, dtype="<u4").astype(np.uint32)
                index.add(story, features, vec, key=aid, copy_of=original, sentences=sentences, outlet=outlet)
                assignment = Assignment(aid, story.id, original)
                members[aid] = assignment
                by_story.setdefault(story.id, set()).add(aid)
                signatures[aid] = sig
                if index.window_full():
                    relabel(members, by_story, index.recheck())
            if aid in first_row:
                duplicate_of: str | None = first_row[aid]
            elif assignment.duplicate_of is not None:
                duplicate_of = first_row.get(assignment.duplicate_of, assignment.duplicate_of)
            else:
                duplicate_of = None
            first_row.setdefault(aid, row_id)
            result.rows.append({"position": pos, "id": row_id, "article": aid, "story": assignment.story,
                                "duplicate_of": duplicate_of})
        # The re-check of the last window, then every row's final story (as Grouper.settle).
        relabel(members, by_story, index.recheck())
        for row in result.rows:
            row["story"] = members[row["article"]].story
        result.stories = len({r["story"] for r in result.rows})

        if store_url is not None:
            _load_store(prepared, store_url, members, signatures, index, GROUPER)
        prepared.unpersist()
        _write(spark, result.rows, output, fmt)
        return result
    finally:
        if own:
            spark.stop()


def _write(spark: Any, rows: list[dict[str, Any]], output: str, fmt: str) -> None:
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    schema = StructType([StructField("position", LongType(), False)] +
                        [StructField(c, StringType(), c == "duplicate_of") for c in OUTPUT_COLUMNS[1:]])
    # Sliced, so no single task carries every row through the JVM heap.
    data = spark.sparkContext.parallelize([tuple(r[c] for c in OUTPUT_COLUMNS) for r in rows],
                                          max(1, len(rows) // 20_000))
    df = spark.createDataFrame(data, schema)
    # Sorted, so the part files read back in input order.
    df = df.orderBy("position")
    if fmt == "parquet":
        df.write.parquet(output)
    else:
        df.write.json(output)


def _store_articles(url: str, records: Iterable[tuple[Any, ...]]) -> None:
    """Executor side: store a partition's cleaned articles (concurrent writers are safe)."""
    from ..store import open_store

    articles = (Article.from_json(json.loads(r[7])) for r in records if r[1])
    with open_store(url) as store:
        store.add_articles(articles)


def _load_store(prepared: Any, url: str, members: dict[str, Any], signatures: dict[str, bytes],
                index: Any, grouper: str) -> None:
    """Articles from the executors; stories and grouping state from the driver."""
    from ..store import open_store

    prepared.foreachPartition(lambda records: _store_articles(url, records))
    stories: dict[str, list[str]] = {}
    duplicates: dict[str, dict[str, str]] = {}
    for a in members.values():
        stories.setdefault(a.story, []).append(a.article)
        if a.duplicate_of is not None:
            duplicates.setdefault(a.story, {})[a.article] = a.duplicate_of
    with open_store(url) as store:
        store.save_stories([Story(sid, "", tuple(ids), duplicates.get(sid, {})) for sid, ids in stories.items()])
        changed = sorted(index.changed)
        store.save_grouping(
            grouper,
            index.meta_bytes(),
            [(sid, index.stories[sid].to_bytes()) for sid in changed],
            [(a.article, a.story, a.duplicate_of, signatures[a.article]) for a in members.values()],
        )


def main(argv: list[str] | None = None) -> int:
    """``spark-submit storyweave/spark/submit.py INPUT OUTPUT [--format jsonl] [--db URL]``.

    Returns:
        The exit status: 0 when every input was grouped, 1 when some failed.
    """
    import argparse

    parser = argparse.ArgumentParser(prog="storyweave spark job", description="Group a corpus on Spark.")
    parser.add_argument("source")
    parser.add_argument("output")
    parser.add_argument("--format", dest="fmt", choices=("parquet", "jsonl"), default="parquet")
    parser.add_argument("--db", default=None)
    args = parser.parse_args(argv)
    result = spark_group(args.source, args.output, master=None, fmt=args.fmt, store_url=args.db)
    for failure in result.failures:
        print(f"storyweave spark job: {failure}", file=sys.stderr)
    print(f"{len(result.rows)} articles in {result.stories} stories written to {args.output}")
    return 1 if result.failures else 0
