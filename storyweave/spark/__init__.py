"""Batch grouping on Apache Spark, for archives too large for one machine's patience.

:func:`~storyweave.spark.job.spark_group` reads a corpus (JSONL or Parquet, one article a
row), cleans and sketches articles on the executors, finds near-duplicate sets with a
MinHash LSH band join, assigns stories on the driver and writes article → story. See
``docs/scale.md``. Needs ``pip install 'storyweave[spark]'`` and Java 17.
"""

from __future__ import annotations

__all__ = ["spark_group"]


def __getattr__(name: str) -> object:
    # The job module imports pyspark; importing storyweave.spark alone must not.
    if name == "spark_group":
        from .job import spark_group

        return spark_group
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
