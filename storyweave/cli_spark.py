"""``storyweave spark-group``: near-duplicates and stories of a corpus on Apache Spark."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import typer

from .cli_errors import exit_on_error


class SparkFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"


def spark_group_cli(
    source: str = typer.Argument(..., help="A JSONL (.jsonl, .jsonl.gz) or Parquet file, or a folder of them; one article a row.", show_default=False),
    output: str = typer.Argument(..., help="The folder to write (must not exist): rows position, id, article, story, duplicate_of.", show_default=False),
    master: str = typer.Option("local[*]", "--master", help="Spark master: local[*], local[2], spark://HOST:7077, yarn."),
    fmt: SparkFormat = typer.Option(SparkFormat.parquet, "--format", "-f", help="Output format."),
    db: Optional[str] = typer.Option(None, "--db", help="Also load the cleaned articles, stories and grouping state into this store."),
) -> None:
    """Group a corpus on Spark: the same stories as `storyweave group`, with reading,
    cleaning, sketching and near-duplicate search spread over the executors.

    Prints the number of rows and stories; one stderr line per input that failed (exit 1).
    Needs pip install 'storyweave[spark]' and Java 17. For a cluster, see docs/scale.md.

    Example: storyweave spark-group archive.jsonl.gz stories.parquet --master local[2]
    """
    from .spark.job import spark_group

    with exit_on_error("spark-group"):
        result = spark_group(source, output, master=master, fmt=fmt.value, store_url=db)
    for failure in result.failures:
        typer.echo(f"storyweave spark-group: {failure}", err=True)
    sys.stdout.write(f"{len(result.rows)} articles in {result.stories} stories written to {output}\n")
    if result.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``storyweave spark-group`` to the CLI."""
    app.command("spark-group")(spark_group_cli)
