"""The REST API (/api/v1) against the app, through Starlette's TestClient.

Tests marked slow run the real analysis of the seed articles (once per module)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from storyweave.model import Article, Story  # noqa: E402
from storyweave.store import open_store  # noqa: E402
from storyweave.web import create_app  # noqa: E402
from storyweave.web.refresh import analysis_key  # noqa: E402
from storyweave.options import Options  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _wait(client: TestClient, job: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/jobs/{job}").json()
        if body["state"] in ("done", "failed"):
            return body
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish: {body}")


def _fake_story(db: str, n: int = 3) -> None:
    """Stories written straight into the store, as the worker would, without models."""
    key = analysis_key(Options())
    with open_store(db) as store:
        for i in range(n):
            art = Article(f"a{i}", f"outlet{i}", f"f{i}.txt", f"Harbour bridge reopens {i}",
                          f"The harbour bridge in Lakeside reopened on Monday after repairs number {i}.",
                          published=f"2024-06-1{i}T08:00:00+00:00")
            store.add_articles([art])
            sid = f"s-{i}"
            store.save_stories([Story(sid, art.title, (art.id,))])
            story = {"id": sid, "title": art.title, "articles": [art.id], "event_date": None, "entities":
                     [{"id": "e1", "name": "Lakeside", "type": "GPE", "aliases": [], "articles": [art.id]}],
                     "facts": [], "discrepancies": [{"id": "x"}] * i, "brief": {"headline": art.title, "sentences": []}}
            store.save_analysis(sid, key, story)
            from storyweave.web.refresh import summarize
            store.save_story_summaries([summarize(story, {art.id: art})])


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "web.db")


@pytest.fixture
def idle_client(db: str):
    """An app whose worker does not run: jobs are recorded, nothing is analysed."""
    with TestClient(create_app(db, start_worker=False, max_request_bytes=200_000, max_articles=5)) as client:
        yield client


def test_api_post_articles_returns_job_at_once(idle_client: TestClient) -> None:
    r = idle_client.post("/api/v1/articles", json={"articles": [{"title": "T", "text": "Body text here."}] * 3})
    assert r.status_code == 202
    job = idle_client.get(f"/api/v1/jobs/{r.json()['job']}").json()
    assert job["state"] == "queued" and job["done"] == 0 and job["total"] == 3 and job["errors"] == []


@pytest.mark.parametrize(
    "body, status, words",
    [
        ({"articles": [{"title": "no body"}]}, 400, "articles[0]: no text, html or url"),
        ({"articles": []}, 400, "no articles given"),
        ({"articles": [{"text": "x"}] * 6}, 413, "at most 5"),
        ({"articles": [{"url": "ftp://x"}]}, 400, "not an http(s) URL"),
        ({"nothing": 1}, 422, "articles: Field required"),
        ({"articles": [{"text": 5}]}, 422, "articles.0.text"),
    ],
)
def test_api_post_articles_rejects_bad_input_with_json_error(idle_client: TestClient, body: dict, status: int, words: str) -> None:
    r = idle_client.post("/api/v1/articles", json=body)
    assert r.status_code == status
    assert words in r.json()["error"]


def test_api_request_size_limit(idle_client: TestClient) -> None:
    r = idle_client.post("/api/v1/articles", json={"articles": [{"text": "x" * 300_000}]})
    assert r.status_code == 413
    assert "larger than" in r.json()["error"]


def test_api_unknown_ids_are_404_with_message(idle_client: TestClient) -> None:
    for path in ("/api/v1/jobs/nope", "/api/v1/stories/nope", "/api/v1/articles/nope", "/api/v1/nothing"):
        r = idle_client.get(path)
        assert r.status_code == 404, path
        assert r.json()["error"]
    assert idle_client.delete("/api/v1/articles/nope").status_code == 404


def test_api_key_guards_writes_only(db: str) -> None:
    with TestClient(create_app(db, api_key="s3cret", start_worker=False)) as client:
        body = {"articles": [{"text": "Body."}]}
        r = client.post("/api/v1/articles", json=body)
        assert r.status_code == 401 and "API key" in r.json()["error"]
        assert client.post("/api/v1/articles", json=body, headers={"X-API-Key": "wrong"}).status_code == 401
        assert client.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 202
        assert client.get("/api/v1/stories").status_code == 200


def test_api_read_only_refuses_writes(db: str) -> None:
    _fake_story(db, 1)
    with TestClient(create_app(db, read_only=True)) as client:
        r = client.post("/api/v1/articles", json={"articles": [{"text": "Body."}]})
        assert r.status_code == 403 and "read-only" in r.json()["error"]
        assert client.delete("/api/v1/articles/a0").status_code == 403
        assert client.get("/api/v1/articles/a0").json()["title"] == "Harbour bridge reopens 0"


def test_api_story_list_filters_sorts_and_pages(db: str) -> None:
    _fake_story(db, 3)
    with TestClient(create_app(db, start_worker=False)) as client:
        first = client.get("/api/v1/stories", params={"limit": 2}).json()
        assert [s["id"] for s in first["stories"]] == ["s-2", "s-1"]  # newest first
        rest = client.get("/api/v1/stories", params={"limit": 2, "cursor": first["next"]}).json()
        assert [s["id"] for s in rest["stories"]] == ["s-0"] and rest["next"] is None
        assert client.get("/api/v1/stories", params={"sort": "contested"}).json()["stories"][0]["id"] == "s-2"
        assert [s["id"] for s in client.get("/api/v1/stories", params={"q": "repairs number 1"}).json()["stories"]] == ["s-1"]
        assert client.get("/api/v1/stories", params={"q": 'AND OR "('}).status_code == 200
        assert [s["id"] for s in client.get("/api/v1/stories", params={"source": "OUTLET0"}).json()["stories"]] == ["s-0"]
        assert len(client.get("/api/v1/stories", params={"entity": "lakeside"}).json()["stories"]) == 3
        assert [s["id"] for s in client.get("/api/v1/stories", params={"since": "2024-06-11"}).json()["stories"]] == ["s-2", "s-1"]
        assert client.get("/api/v1/stories", params={"since": "yesterday"}).status_code == 400
        assert client.get("/api/v1/stories", params={"cursor": "%%%"}).status_code == 400
        story = client.get("/api/v1/stories/s-1").json()
        assert story["id"] == "s-1" and story["articles"] == ["a1"]


def test_api_schema_fuzzing_finds_no_server_error(db: str) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    _fake_story(db, 2)
    app = create_app(db, start_worker=False)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @given(op.as_strategy())
        @settings(max_examples=12, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            # 501 is the documented answer of the feed endpoints when feeds are not installed.
            if response.status_code >= 500 and not (response.status_code == 501 and "/feeds" in case.formatted_path):
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:200]}")

        check()
    assert not failures, failures


@pytest.mark.slow
def test_api_seeds_resume_after_kill_then_delete_updates_story(db: str) -> None:
    """A job recorded before a 'kill' (after its first chunk was stored) finishes on restart."""
    if not SEEDS.is_dir():
        pytest.skip("seed articles not found")
    from storyweave.web.intake import file_item, read_items

    files = sorted(SEEDS.glob("*.txt"))
    with TestClient(create_app(db, start_worker=False)) as client:
        job = client.post("/api/v1/uploads", files=[("files", (f.name, f.read_bytes(), "text/plain")) for f in files]).json()["job"]
    # What the worker had done when the server was killed: the first two files stored.
    with open_store(db) as store:
        first, _ = read_items([file_item(f.name, f.read_bytes()) for f in files[:2]])
        store.add_articles(first)
        store.update_job(job, state="running", done=2, articles=[a.id for a in first])
    with TestClient(create_app(db)) as client:
        done = _wait(client, job)
        assert done["state"] == "done" and done["done"] == 5 and done["errors"] == []
        assert len(done["stories"]) == 1
        sid = done["stories"][0]
        story = client.get(f"/api/v1/stories/{sid}").json()
        assert len(story["articles"]) == 5 and story["brief"]["sentences"]
        article = client.get(f"/api/v1/articles/{story['articles'][0]}").json()
        assert article["text"] and "removed" in article and article["story"] == sid
        gone = client.delete(f"/api/v1/articles/{story['articles'][-1]}").json()
        assert _wait(client, gone["job"])["state"] == "done"
        left = client.get("/api/v1/stories").json()["stories"]
        assert sum(len(s["articles"]) for s in left) == 4


@pytest.mark.slow
def test_api_hostile_article_is_escaped_on_pages(db: str) -> None:
    hostile = {"title": "<script>alert(1)</script> Dam <b>breaks</b>",
               "text": "The dam near Rivertown broke on Tuesday, officials said. <img src=x onerror=alert(2)>\n\n"
                       "Rescue teams from Rivertown worked through the night, the mayor said."}
    with TestClient(create_app(db)) as client:
        done = _wait(client, client.post("/api/v1/articles", json={"articles": [hostile]}).json()["job"])
        assert done["state"] == "done", done
        sid = done["stories"][0]
        for path in (f"/stories/{sid}", f"/articles/{done['articles'][0]}", "/"):
            page = client.get(path)
            assert "<script>alert" not in page.text and "<img src=x" not in page.text
            assert "&lt;script&gt;" in page.text or "&lt;img" in page.text
            assert "script-src 'self'" in page.headers["content-security-policy"]
