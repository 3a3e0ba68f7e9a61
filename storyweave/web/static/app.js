// storyweave web UI: progress of a job, live updates of the story list and a story page,
// and dropping files on the add form. Everything shown comes from the API as text
// (textContent), never as HTML.
"use strict";

function poll(url, every, onData) {
  let stopped = false;
  async function tick() {
    if (stopped) return;
    try {
      const r = await fetch(url, { headers: { Accept: "application/json" } });
      if (r.ok && onData(await r.json()) === false) { stopped = true; return; }
    } catch (e) { /* the server may be restarting: try again later */ }
    setTimeout(tick, every);
  }
  setTimeout(tick, every);
}

function jobPage(box) {
  const bar = document.getElementById("bar");
  const label = document.getElementById("bar-label");
  const status = document.getElementById("job-state");
  const errors = document.getElementById("job-errors");
  const stories = document.getElementById("job-stories");
  if (["done", "failed"].includes(box.dataset.state)) return;
  poll("/api/v1/jobs/" + encodeURIComponent(box.dataset.job), 700, (job) => {
    bar.max = Math.max(job.total, 1);
    bar.value = job.state === "done" ? bar.max : job.done;
    const state = job.state.charAt(0).toUpperCase() + job.state.slice(1);
    label.textContent = state + ": " + job.done + " of " + job.total + " read";
    status.textContent = { queued: "Waiting for earlier work…", running: "Reading articles…",
      analysing: "Grouping and analysing stories…", done: "Done.", failed: "Failed." }[job.state] || job.state;
    errors.replaceChildren(...job.errors.map((e) => { const li = document.createElement("li"); li.textContent = e.input + ": " + e.error; return li; }));
    if (job.state === "done") {
      stories.replaceChildren(...job.stories.map((id) => {
        const li = document.createElement("li"); const a = document.createElement("a");
        a.href = "/stories/" + encodeURIComponent(id); a.textContent = "Open story " + id; li.append(a);
        fetch("/api/v1/stories/" + encodeURIComponent(id) + "/summary").then((r) => r.ok ? r.json() : null)
          .then((s) => { if (s && s.title) a.textContent = s.title; }).catch(() => {});
        return li;
      }));
      return false;
    }
    return job.state !== "failed";
  });
}

function storyPage(el) {
  const live = document.getElementById("live");
  poll("/api/v1/stories/" + encodeURIComponent(el.dataset.story) + "/summary", 5000, (s) => {
    if (s.updated && s.updated !== el.dataset.version) { live.hidden = false; return false; }
  });
}

function listPage(live) {
  poll("/api/v1/status", 5000, (s) => {
    if (s.version !== live.dataset.version) { live.hidden = false; return false; }
  });
}

function dropZone(zone) {
  const input = document.getElementById("files");
  ["dragenter", "dragover"].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((t) => zone.addEventListener(t, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    const dt = new DataTransfer();
    for (const f of input.files) dt.items.add(f);
    for (const f of e.dataTransfer.files) dt.items.add(f);
    input.files = dt.files;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const job = document.getElementById("job");
  if (job) jobPage(job);
  const story = document.querySelector("article.story[data-story]");
  if (story) storyPage(story);
  const live = document.querySelector("#live[data-version]");
  if (live) listPage(live);
  const zone = document.getElementById("drop");
  if (zone) dropZone(zone);
  const mark = document.getElementById("hl");
  if (mark) { mark.scrollIntoView({ block: "center" }); mark.focus({ preventScroll: true }); }
});
