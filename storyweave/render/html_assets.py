"""The HTML report's assets: its stylesheet, its own script, and the Vega charting library.

Vega is read at render time from the installed ``altair_viewer`` package, which ships the
minified bundles, so the report needs no network and storyweave no copy of Vega.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from ..errors import ModelMissingError

#: The Vega build the report inlines; the newest one altair_viewer ships.
VEGA_FILE = "vega-5.21.0.js"
#: Vega-Lite and vega-embed builds of the same package, for :func:`chart_bundle`:
#: vega-embed 6.20 carries Vega's CSP-safe expression interpreter (vega-interpreter)
#: and loads only next to Vega-Lite.
VEGA_LITE_FILE = "vega-lite-4.17.0.js"
VEGA_EMBED_FILE = "vega-embed-6.20.0.js"


def _viewer_script(name: str) -> str:
    """One JavaScript file shipped by the installed ``altair_viewer``.

    Raises:
        ModelMissingError: the package (or that file) is not installed.
    """
    spec = importlib.util.find_spec("altair_viewer")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / "scripts" / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise ModelMissingError(
        f"the HTML report needs the Vega charting library ({name}); install it with: pip install altair_viewer==0.4.0"
    )


@lru_cache(maxsize=1)
def vega_script() -> str:
    """The Vega library's minified JavaScript, read from the installed ``altair_viewer``.

    Raises:
        ModelMissingError: the package is not installed.
    """
    code = _viewer_script(VEGA_FILE)
    # Inline script must not contain its own end tag; the shipped bundle does not,
    # but a future one might, and the fix keeps the code's meaning.
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


@lru_cache(maxsize=1)
def chart_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script, to be served as a file.

    With it loaded, :func:`script` draws charts through vega-embed with ``ast: true``:
    expressions are parsed to trees and evaluated by the interpreter, so the page needs
    no ``'unsafe-eval'`` (the web app's policy is ``script-src 'self'``).

    Raises:
        ModelMissingError: the ``altair_viewer`` package is not installed.
    """
    # Each file is a complete UMD module; the semicolons keep them separate statements.
    return ";\n".join(_viewer_script(name) for name in (VEGA_FILE, VEGA_LITE_FILE, VEGA_EMBED_FILE)) + ";\n"


def css() -> str:
    """The report's stylesheet (no external fonts or images)."""
    return _CSS


def script() -> str:
    """The report's own script: citation clicks, passage highlighting, charts."""
    return _JS


_CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--blue:#0969da;--green:#1a7f37;--amber:#9a6700;--red:#cf222e}
*{box-sizing:border-box}
body{margin:0;background:var(--soft);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.sw-main{max-width:1040px;margin:0 auto;padding:24px 20px 60px}
.sw-index{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:8px 28px 20px;margin-bottom:32px}
.sw-index h1{font-size:1.4rem;margin:.5em 0 .3em}.sw-index li{margin:.35em 0}.sw-index a{color:var(--blue);text-decoration:none;font-weight:600}
.sw-story{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:8px 28px 28px;margin-bottom:32px}
.sw-head h1{font-size:1.75rem;line-height:1.25;margin:.2em 0 .3em}
.sw-kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:var(--muted);margin:1.2em 0 0}
.sw-meta{color:var(--muted);margin:.2em 0;font-size:.92rem;word-break:break-word}
.sw-chips{margin:.6em 0 0}
.sw-chip{display:inline-block;border-radius:999px;padding:2px 10px;margin:0 6px 6px 0;font-size:.85rem;font-weight:600;border:1px solid var(--line)}
.sw-corroborated{background:#dafbe1;color:var(--green)}.sw-single-source{background:#fff8c5;color:var(--amber)}
.sw-contested{background:#ffebe9;color:var(--red)}.sw-diff{background:#ddf4ff;color:var(--blue)}
.sw-nav{position:sticky;top:0;z-index:5;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);padding:8px 0;margin:12px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.88rem}
.sw-nav a{color:var(--blue);text-decoration:none}.sw-nav a:hover{text-decoration:underline}
.sw-section{border-top:1px solid var(--line);padding-top:6px;margin-top:22px;scroll-margin-top:48px}
.sw-section h2{font-size:1.25rem;margin:.5em 0 .2em}.sw-section h3{font-size:1.02rem;margin:1em 0 .3em}
.sw-section h3 small{color:var(--muted);font-weight:400}
.sw-lead{color:var(--muted);margin:0 0 .8em;font-size:.92rem}
.sw-brief{padding-left:1.4em}.sw-brief li{margin:.45em 0;font-size:1.04rem}
.sw-brief-phase{margin:.9em 0 .1em;font-weight:600;color:var(--muted)}
.sw-cite{color:var(--blue);text-decoration:none;font-weight:600;font-size:.85em;padding:0 1px;white-space:nowrap}
.sw-cite:hover,.sw-cite:focus{text-decoration:underline}
.sw-outlet{font-weight:600}.sw-by{color:var(--muted)}.sw-via{font-style:italic}.sw-credited{font-weight:600}
.sw-quotes,.sw-discs,.sw-single,.sw-timeline{padding-left:1.2em}.sw-quotes>li,.sw-discs>li,.sw-single>li,.sw-timeline>li{margin:.5em 0}
.sw-discs p{margin:.1em 0}
q{quotes:"“" "”"}
.sw-variants{list-style:none;padding-left:1em;border-left:3px solid var(--line);margin:.3em 0}
del{background:#ffebe9;color:#82071e;text-decoration:line-through}
ins{background:#dafbe1;color:#116329;text-decoration:underline}
.sw-tag{display:inline-block;background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:.78rem;color:var(--muted)}
.sw-note{display:block;color:var(--amber);font-size:.88rem}
.sw-none{color:var(--muted);font-style:italic}
.sw-timeline time{font-variant-numeric:tabular-nums;font-weight:600;margin-right:.4em}
.sw-table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.6em 0}
.sw-table th,.sw-table td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.sw-table th{background:var(--soft)}
.sw-figure{margin:.6em 0;overflow-x:auto}.sw-figure figcaption{color:var(--muted);font-size:.85rem}
.sw-article{border:1px solid var(--line);border-radius:8px;margin:.6em 0;padding:6px 14px;scroll-margin-top:48px}
.sw-article>summary{cursor:pointer;font-weight:600}
.sw-num{color:var(--blue)}
.sw-text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:1.6;margin:.6em 0}
.sw-junk summary{cursor:pointer;color:var(--muted);font-size:.88rem}
.sw-junk li{font-size:.85rem;color:var(--muted);word-break:break-word}
mark.sw-hl{background:#ffe066;outline:2px solid #f0b400;border-radius:2px;scroll-margin-top:80px}
.sw-foot{color:var(--muted);text-align:center;font-size:.8rem;padding-bottom:24px}
@media print{.sw-nav{position:static}.sw-article{break-inside:avoid}}
"""

_JS = r"""
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll("mark.sw-hl").forEach(function (m) {
      var parent = m.parentNode;
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parent.normalize();
    });
  }
  function show(target, start, end) {
    var box = document.getElementById(target);
    if (!box) { return; }
    if (box.tagName === "DETAILS") { box.open = true; }
    clear();
    var text = box.querySelector(".sw-text");
    var node = text && text.firstChild;
    if (node && node.nodeType === 3 && isFinite(start) && isFinite(end) && end > start && end <= node.length) {
      var range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      var mark = document.createElement("mark");
      mark.className = "sw-hl";
      mark.tabIndex = -1;
      range.surroundContents(mark);
      mark.scrollIntoView({block: "center"});
      mark.focus({preventScroll: true});
      return;
    }
    box.scrollIntoView({block: "start"});
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.sw-cite") : null;
    if (!link) { return; }
    event.preventDefault();
    var start = link.getAttribute("data-start"), end = link.getAttribute("data-end");
    show(link.getAttribute("data-target"), start === null ? NaN : +start, end === null ? NaN : +end);
  });
  window.storyweaveShow = show;
  // Charts wait until the page has loaded and painted: parsing the Vega bundle and
  // drawing four charts would otherwise hold back the first view of the brief. The
  // bundle sits in an inert <script type="text/plain"> and runs here, under this
  // script's nonce. A page that names the bundle's address instead (the web app, in
  // <meta name="storyweave-charts">) has it loaded from there, then the charts drawn.
  var nonce = document.currentScript ? document.currentScript.nonce : "";
  var fetching = false;
  function loadVega(then) {
    if (typeof vega !== "undefined") { return true; }
    var code = document.getElementById("sw-vega-code");
    var src = document.querySelector('meta[name="storyweave-charts"]');
    var run = document.createElement("script");
    if (code) {
      run.nonce = nonce;
      run.textContent = code.textContent;
      document.body.appendChild(run);
      return typeof vega !== "undefined";
    }
    if (src && !fetching) {
      fetching = true;
      run.src = src.getAttribute("content");
      run.onload = then;
      document.head.appendChild(run);
    }
    return false;
  }
  function clicked(event, item) {
    var d = item && item.datum;
    if (d && d.target) { show(d.target, d.start === null ? NaN : d.start, d.end === null ? NaN : d.end); }
  }
  function draw(box, spec) {
    if (box.swDrawn) { return; }
    box.swDrawn = true;
    if (typeof vegaEmbed === "function") {
      // A page whose policy forbids eval: vega-embed parses every expression to a tree
      // (ast) and runs it with its interpreter. No menu, no injected style sheet.
      var copy = Object.assign({}, spec);
      delete copy.$schema;  // the mode says it is Vega; the schema URL only draws a version warning
      vegaEmbed(box, copy, {mode: "vega", ast: true, renderer: "svg", actions: false, defaultStyle: false,
                            tooltip: false, hover: true})
        .then(function (result) { result.view.addEventListener("click", clicked); });
      return;
    }
    var view = new vega.View(vega.parse(spec), {renderer: "svg", container: box, hover: true});
    view.addEventListener("click", clicked);
    view.runAsync();
  }
  function inView(box) {
    var r = box.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight ? 1 : 0;
  }
  function charts() {
    var pending = [];
    document.querySelectorAll("script.sw-charts").forEach(function (data) {
      var specs = JSON.parse(data.textContent);
      Object.keys(specs).forEach(function (id) {
        var box = document.getElementById(id);
        if (box && !box.swDrawn) { pending.push([box, specs[id]]); }
      });
    });
    if (!pending.length || !loadVega(charts)) { return; }
    // The charts on screen first, then the rest in page order, one per task so that a
    // click or a scroll is never kept waiting behind all of them.
    pending.sort(function (a, b) { return inView(b[0]) - inView(a[0]); });
    (function next() {
      var item = pending.shift();
      if (!item) { return; }
      draw(item[0], item[1]);
      setTimeout(next, 0);
    })();
  }
  function whenIdle() {
    // The task after the next frame: the first paint has happened by then.
    window.requestAnimationFrame(function () { setTimeout(charts, 0); });
  }
  window.storyweaveCharts = charts;
  if (document.readyState === "complete") { whenIdle(); } else { window.addEventListener("load", whenIdle); }
})();
"""
