"""The Spark grouping job (local mode) agrees with the single-machine grouping.

One local[2] Spark session is shared by the module (a JVM start costs seconds). The
corpus is the development ECB+ documents (text from their XML tokens), in topic order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

pytest.importorskip("pyspark")

from _ecbplus import b_cubed_f1, ecb_documents  # noqa: E402

from storyweave.cli import app  # noqa: E402
from storyweave.group import group_sources  # noqa: E402
from storyweave.spark.job import spark_group  # noqa: E402
from storyweave.store import open_store  # noqa: E402

#: Documents used: the whole development set is 772; the first topics keep the test short.
N_DOCS = 300


@pytest.fixture(scope="module")
def ecb_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = [(d.topic, d.doc_id, d.lines(" ".join)) for d in ecb_documents()]
    path = tmp_path_factory.mktemp("ecb") / "ecbplus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for _, doc_id, lines in docs[:N_DOCS]:
            out.write(json.dumps({"id": doc_id, "title": lines[0] if lines else "", "text": "\n".join(lines[1:])}) + "\n")
        out.write("{not json\n")  # one broken line: reported, the rest goes on
    return path


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from storyweave.spark.job import _session

    session = _session("local[2]", "storyweave-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_result(spark: Any, ecb_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    out = tmp_path_factory.mktemp("spark") / "groups"
    return spark_group(str(ecb_jsonl), str(out), spark=spark), out


def test_spark_grouping_agrees_with_single_machine_on_ecbplus(ecb_jsonl: Path, spark_result: tuple[Any, Path]) -> None:
    result, _ = spark_result
    single, failures = group_sources([str(ecb_jsonl)])
    assert len(result.rows) == len(single) > N_DOCS * 0.9
    # Same rows in the same order; the stories agree at B³-F1 >= 0.99 (measured: identical).
    assert [r["id"] for r in result.rows] == [r["id"] for r in single]
    f1 = b_cubed_f1({r["id"]: r["story"] for r in result.rows}, {r["id"]: r["story"] for r in single})
    assert f1 >= 0.99
    same_dup = sum(a["duplicate_of"] == b["duplicate_of"] for a, b in zip(result.rows, single))
    assert same_dup / len(single) >= 0.99
    assert [str(f) for f in result.failures] == [str(f) for f in failures]


def test_spark_failures_name_file_and_line(ecb_jsonl: Path, spark_result: tuple[Any, Path]) -> None:
    result, _ = spark_result
    broken = [f for f in result.failures if "not valid JSON" in f.reason]
    assert [f.source for f in broken] == [f"{ecb_jsonl}:{N_DOCS + 1}"]


def test_spark_output_parquet_reads_back_in_input_order(spark: Any, spark_result: tuple[Any, Path]) -> None:
    result, out = spark_result
    back = [r.asDict() for r in spark.read.parquet(str(out)).orderBy("position").collect()]
    assert [r["id"] for r in back] == [r["id"] for r in result.rows]
    assert back[0].keys() == {"position", "id", "article", "story", "duplicate_of"}
    assert len({r["story"] for r in back}) == result.stories


def test_spark_parquet_input_jsonl_output_and_store(
    spark: Any, spark_result: tuple[Any, Path], ecb_jsonl: Path, tmp_path: Path
) -> None:
    result, _ = spark_result
    lines = [json.loads(x) for x in ecb_jsonl.read_text(encoding="utf-8").splitlines()[:80]]
    spark.createDataFrame(lines).coalesce(1).write.parquet(str(tmp_path / "in.parquet"))
    db = tmp_path / "news.db"
    again = spark_group(str(tmp_path / "in.parquet"), str(tmp_path / "out"), fmt="jsonl", store_url=str(db), spark=spark)
    # A prefix of the corpus groups as the single-machine grouper groups it (not as within
    # the whole corpus: the re-check lets later articles move earlier ones).
    alone = tmp_path / "alone.jsonl"
    alone.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    assert [r["story"] for r in again.rows] == [r["story"] for r in group_sources([str(alone)])[0]]
    written = [json.loads(x) for f in sorted((tmp_path / "out").glob("part-*.json")) for x in f.read_text().splitlines()]
    assert [w["id"] for w in written] == [r["id"] for r in again.rows]
    with open_store(str(db)) as store:
        assert len(store.all_articles()) == len({r["article"] for r in again.rows})
        assert {s.id for s in store.get_stories()} == {r["story"] for r in again.rows}
        # The grouping state is saved: the single-machine grouper extends the same stories.
        small = tmp_path / "small.jsonl"
        small.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
        rows, _ = group_sources([str(small)], store=store)
    assert [r["story"] for r in rows] == [r["story"] for r in again.rows]


def test_spark_cli_refuses_existing_output(tmp_path: Path, ecb_jsonl: Path) -> None:
    (tmp_path / "out").mkdir()
    result = CliRunner().invoke(app, ["spark-group", str(ecb_jsonl), str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"storyweave spark-group: {tmp_path / 'out'} already exists; remove it or choose another output folder"
    )
