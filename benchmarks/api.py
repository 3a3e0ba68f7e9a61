"""Web app under load: requests per second and p50/p99 latency of the story list and a story
page, read by many concurrent clients from this process while the server (a second process,
``storyweave serve`` on 127.0.0.1) ingests and analyses articles.

    .venv/bin/python benchmarks/api.py --data ../shared/data/ecbplus [--readers 50] [--duration 20]

--data is a folder laid out like the ECB+ set (``documents.jsonl.gz``): its news articles are
the ingest that runs during the load. The seed articles (--seeds) make the story that is read.
The baseline is Python's own ``http.server`` serving the same story page as a static file,
measured with the same client: the cost of HTTP on this machine with no application at all.
There is no published figure for this measurement.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from ecbplus_data import read_documents

HERE = Path(__file__).resolve().parent
PY = sys.executable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ecb_articles(folder: Path, n: int) -> list[dict]:
    """The first n ECB+ documents with two sentences or more after the title, as JSON
    articles (a sentence a paragraph, its tokens joined by spaces)."""
    out = []
    for doc in read_documents(folder):
        lines = doc.lines(" ".join)
        if len(lines) < 3:
            continue
        out.append({"id": doc.doc_id, "title": lines[0], "text": "\n\n".join(lines[1:]), "source": f"ecb-{doc.doc_id}"})
        if len(out) >= n:
            break
    return out


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    """One keep-alive HTTP/1.1 GET on an open connection; returns the status.

    A bare client: httpx's per-request CPU cost on this 2-core machine would otherwise
    be what the benchmark measures."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: identity\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    else:  # chunked
        while True:
            size = int((await reader.readline()).strip() or b"0", 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def _load(urls: list[str], readers: int, duration: float, max_requests: int) -> dict:
    """Each reader keeps one connection and fetches the URLs in turn until the time or
    request budget is spent."""
    latencies: list[float] = []
    errors = 0
    count = 0
    stop_at = time.monotonic() + duration
    parsed = [httpx.URL(u) for u in urls]

    async def reader(k: int) -> None:
        nonlocal errors, count
        u0 = parsed[0]
        conn = await asyncio.open_connection(u0.host, u0.port)
        i = k
        while time.monotonic() < stop_at and count < max_requests:
            count += 1
            u = parsed[i % len(parsed)]
            i += 1
            t0 = time.perf_counter()
            try:
                if await _get(*conn, f"{u.host}:{u.port}", u.raw_path.decode()) != 200:
                    errors += 1
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                conn[1].close()
                conn = await asyncio.open_connection(u0.host, u0.port)
            latencies.append(time.perf_counter() - t0)
        conn[1].close()

    t0 = time.monotonic()
    await asyncio.gather(*(reader(k) for k in range(readers)))
    elapsed = time.monotonic() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    return {"n": len(latencies), "rps": len(latencies) / elapsed, "p50": pct(0.50), "p99": pct(0.99), "errors": errors}


def _wait_job(base: str, job: str, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = httpx.get(f"{base}/api/v1/jobs/{job}", timeout=30).json()
        if body["state"] in ("done", "failed"):
            return body
        time.sleep(0.5)
    raise SystemExit(f"job {job} did not finish in {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder laid out like the ECB+ set (documents.jsonl.gz)")
    parser.add_argument("--seeds", type=Path, default=HERE.parents[1] / "shared" / "seeds")
    parser.add_argument("--ingest", type=int, default=40, help="articles ingested during the load")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load per endpoint (at most)")
    parser.add_argument("--requests", type=int, default=3000, help="requests per endpoint (at most)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sw-bench-api-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([PY, "-m", "storyweave.cli", "serve", "--db", str(tmp / "b.db"), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/v1/status", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(args.seeds.glob("*.txt"))]
        job = httpx.post(base + "/api/v1/uploads", files=files, timeout=60).json()["job"]
        seeded = _wait_job(base, job, 600)
        sid = seeded["stories"][0]
        page = httpx.get(f"{base}/stories/{sid}").text
        (tmp / "story.html").write_text(page, encoding="utf-8")

        ingest = httpx.post(base + "/api/v1/articles", json={"articles": _ecb_articles(args.data, args.ingest)}, timeout=60).json()["job"]
        rows = []
        targets = [("story list (API)", [f"{base}/api/v1/stories"]), ("story list (page)", [f"{base}/"]),
                   ("story page (HTML)", [f"{base}/stories/{sid}"]), ("story (API JSON)", [f"{base}/api/v1/stories/{sid}"])]
        for name, urls in targets:
            state = httpx.get(f"{base}/api/v1/jobs/{ingest}").json()
            r = asyncio.run(_load(urls, args.readers, args.duration, args.requests))
            rows.append((name, r, f"{state['state']} {state['done']}/{state['total']}"))
        final = httpx.get(f"{base}/api/v1/jobs/{ingest}").json()

        handler = partial(SimpleHTTPRequestHandler, directory=str(tmp))
        SimpleHTTPRequestHandler.protocol_version = "HTTP/1.1"  # keep-alive, like uvicorn
        SimpleHTTPRequestHandler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
        static = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=static.serve_forever, daemon=True).start()
        base_r = asyncio.run(_load([f"http://127.0.0.1:{static.server_address[1]}/story.html"], args.readers, args.duration, args.requests))
        static.shutdown()
    finally:
        server.terminate()
        server.wait(10)

    print(f"{args.readers} concurrent readers, at most {args.duration:.0f} s or {args.requests} requests per row; "
          f"ingest of {args.ingest} ECB+ articles running in the server (job state when the row started).\n")
    print("| endpoint | requests | req/s | p50 ms | p99 ms | errors | ingest job |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, r, state in rows:
        print(f"| storyweave: {name} | {r['n']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {state} |")
    print(f"| baseline: http.server, same story page as a static file | {base_r['n']} | {base_r['rps']:.0f} | "
          f"{base_r['p50']:.1f} | {base_r['p99']:.1f} | {base_r['errors']} | — |")
    print("| published figure | — | — | — | — | — | none exists for this measurement |")
    print(f"\nIngest job at the end: {final['state']} {final['done']}/{final['total']}, {len(final['errors'])} input errors.")


if __name__ == "__main__":
    main()
