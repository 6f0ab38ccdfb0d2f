"""Headless Chromium opens the seeds' pages (GitHub issue 6).

How: Debian's ``chromium`` is started headless with ``--remote-debugging-pipe``
and driven over the DevTools protocol on that pipe (fd 3 in, fd 4 out, JSON
messages ended by NUL), with the standard library only: no websocket client, no
Playwright. The pages are served by ``http.server`` on 127.0.0.1 (a thread).
For each page the test collects every console message of level error
(``Runtime.consoleAPICalled``), uncaught exception (``Runtime.exceptionThrown``),
browser log error (``Log.entryAdded``: failed loads, CSP violations) and
JavaScript dialog, then evaluates a DOM query in the loaded page.

Checks: every entity in the JSON has a ``<mark class="entity">`` with its id
inside the article text; every mention's first piece is in the DOM; the text's
``textContent`` (labels removed) is the article text; every in-page link has
its target; and the page logs no console error. A control page that does log
an error proves the collector is not blind.

Where Chromium cannot be had (``.ci/setup-chromium.sh`` installs it; or set
``VNEXTRACT_CHROMIUM``) the tests say so and skip.
"""
from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline.api import extract
from pipeline.html import read_text, render_article, write_report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_STEMS = ("000_27a17f53cc120f14", "002_35e965b3a4edabc5")
CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-proxy-server", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--window-size=1280,900")


def find_chromium() -> str | None:
    env = os.environ.get("VNEXTRACT_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in CANDIDATES if os.access(c, os.X_OK)), None)


def require_chromium() -> str:
    """The browser's path, or skip saying why."""
    exe = find_chromium()
    if exe is None:
        pytest.skip("Chromium not available: no `chromium` on PATH nor in /usr/bin "
                    "(.ci/setup-chromium.sh installs Debian's package)")
    try:
        out = subprocess.run([exe, "--headless", "--no-sandbox", "--version"], capture_output=True,
                             text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"Chromium not available: {exe} does not start ({exc})")
    if out.returncode != 0:
        pytest.skip(f"Chromium not available: {exe} --version exited {out.returncode}: {out.stderr.strip()[:300]}")
    return exe


class CDPError(RuntimeError):
    pass


class Browser:
    """Headless Chromium driven over ``--remote-debugging-pipe``."""

    def __init__(self, exe: str, profile: Path, log: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        cmd_r, cmd_w = os.pipe()        # we write commands; the browser reads them on fd 3
        res_r, res_w = os.pipe()        # the browser writes replies on fd 4; we read them
        # Put the browser's ends on fixed high numbers and let bash move them to 3 and 4
        # (no preexec_fn: the http server thread is running).
        hi_in = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 50)
        hi_out = fcntl.fcntl(res_w, fcntl.F_DUPFD, 50)
        os.close(cmd_r)
        os.close(res_w)
        script = f'exec 3<&{hi_in} 4>&{hi_out} {hi_in}<&- {hi_out}>&-; exec "$@"'
        self._log = log.open("wb")
        self.proc = subprocess.Popen(
            ["bash", "-c", script, "chromium", exe, *FLAGS, "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, pass_fds=(hi_in, hi_out))
        os.close(hi_in)
        os.close(hi_out)
        self._w, self._r = cmd_w, res_r
        self._buf = b""
        self._next = 0
        self.events: list[dict] = []
        self.session: str | None = None

    # -- protocol
    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from Chromium")
            ready, _, _ = select.select([self._r], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self._r, 1 << 16)
                if not chunk:
                    raise CDPError(f"Chromium closed the pipe (exit {self.proc.poll()})")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _event(self, deadline: float) -> None:
        ev = self._read_message(deadline)
        self.events.append(ev)
        if ev.get("method") == "Page.javascriptDialogOpening":   # an alert() would block the page: dismiss it
            self.call("Page.handleJavaScriptDialog", {"accept": False})

    def pump(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._event(deadline)
        except TimeoutError:
            pass

    def wait_event(self, method: str, seconds: float) -> dict:
        deadline = time.monotonic() + seconds
        seen = 0
        while True:
            for ev in self.events[seen:]:
                if ev.get("method") == method and ev.get("sessionId") == self.session:
                    return ev
            seen = len(self.events)
            self._event(deadline)

    # -- pages
    def open_tab(self) -> None:
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.call(domain)

    def load(self, url: str) -> list[str]:
        """Navigate to ``url``; the console errors (and dialogs) the page produced."""
        self.events.clear()
        nav = self.call("Page.navigate", {"url": url})
        if nav.get("errorText"):
            raise CDPError(f"navigation to {url} failed: {nav['errorText']}")
        self.wait_event("Page.loadEventFired", self.timeout)
        self.pump(0.5)                  # late console messages
        return console_errors(self.events, self.session)

    def evaluate(self, expression: str):
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in res:
            raise CDPError(f"evaluation failed: {res['exceptionDetails']}")
        return res["result"].get("value")

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False)
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)
        for fd in (self._w, self._r):
            try:
                os.close(fd)
            except OSError:
                pass
        self._log.close()


def console_errors(events: list[dict], session: str | None) -> list[str]:
    errors = []
    for ev in events:
        if session and ev.get("sessionId") not in (None, session):
            continue
        method, p = ev.get("method"), ev.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append("console." + p["type"] + ": " + " ".join(str(a.get("value", a.get("description")))
                                                             for a in p.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            errors.append("exception: " + str(d.get("exception", {}).get("description") or d.get("text")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            errors.append(f"log ({e.get('source')}): {e.get('text')} {e.get('url', '')}".strip())
        elif method == "Page.javascriptDialogOpening":
            errors.append(f"dialog {p.get('type')}: {p.get('message')}")
    return errors


PAGE_CHECK = r"""
(() => {
  const box = document.querySelector('article.entities');
  const ids = {};
  const firsts = [];
  if (box) {
    for (const m of box.querySelectorAll('mark.entity[data-entity-id]')) {
      const k = m.getAttribute('data-entity-id');
      ids[k] = (ids[k] || 0) + 1;
      if (m.id) firsts.push(m.id);
      const bg = getComputedStyle(m).backgroundColor;
      if (!bg || bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') return {unstyled: m.outerHTML};
    }
  }
  let text = null;
  if (box) {
    const clone = box.cloneNode(true);
    clone.querySelectorAll('.label').forEach(l => l.remove());
    text = clone.textContent;
  }
  const dangling = [];
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (id && !document.getElementById(id)) dangling.push(id);
  }
  return {ids, firsts, text, dangling, scripts: document.scripts.length, title: document.title,
          legend: Array.from(document.querySelectorAll('.legend [data-type]')).map(e => e.getAttribute('data-type')),
          factRows: document.querySelectorAll('table.facts tbody tr').length,
          evidence: document.querySelectorAll('.evidence[id^="ev-"]').length};
})()
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - silence the access log
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seeds' pages (as `show` writes them), a report over them, and a hostile page, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("site")
    pages: dict[str, tuple[dict, str]] = {}
    outs = root / "outputs"
    outs.mkdir()
    for stem in SEED_STEMS:
        src = SEEDS / f"{stem}.txt"
        text = read_text(src)
        art = extract(text, source=str(src)).model_dump(mode="json", exclude_none=True)
        (root / f"{stem}.html").write_text(render_article(art, text), encoding="utf-8")
        (outs / f"{stem}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
        pages[f"{stem}.html"] = (art, text)
    hostile = 'Tin <script>alert(1)</script> và "quotes" & <b>đậm</b> <img src=x onerror=alert(2)>\n'
    hostile_art = {"schema_version": "1.0", "doc_id": "0" * 16, "source": "<test>", "title": "<script>alert(3)</script>",
                   "length": len(hostile), "facts": [],
                   "entities": [{"id": "E1", "type": "ORGANIZATION", "text": "<script>", "canonical": "<script>",
                                 "mentions": [{"start": 4, "end": 12, "text": "<script>"}]}]}
    (root / "hostile.html").write_text(render_article(hostile_art, hostile), encoding="utf-8")
    pages["hostile.html"] = (hostile_art, hostile)
    (outs / "errors.jsonl").write_text(json.dumps({"source": "x.txt", "reason": "<script>alert(4)</script>"}) + "\n",
                                       encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(ROOT)                      # sources are relative to the repository, as `vnextract run seeds` writes them
    try:
        write_report(outs, root / "report" / "index.html")
    finally:
        os.chdir(cwd)
    (root / "control.html").write_text("<!DOCTYPE html><title>control</title><script>console.error('boom')</script>",
                                       encoding="utf-8")
    (root / "control-alert.html").write_text("<!DOCTYPE html><title>control</title><script>alert('pwned')</script>",
                                             encoding="utf-8")
    (root / "control-remote.html").write_text(
        render_article(hostile_art, hostile).replace("</title>", '</title><link rel="stylesheet" href="missing.css">'),
        encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root, pages
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    exe = require_chromium()
    tmp = tmp_path_factory.mktemp("chromium")
    b = Browser(exe, tmp / "profile", tmp / "chromium.log")
    try:
        b.open_tab()
    except Exception as exc:
        b.close()
        raise AssertionError(f"Chromium started but DevTools failed: {exc}\n"
                             + (tmp / "chromium.log").read_text(errors="replace")[-2000:]) from exc
    yield b
    b.close()


@pytest.mark.parametrize("page", [f"{s}.html" for s in SEED_STEMS] + ["hostile.html"])
def test_every_entity_highlighted_and_no_console_errors(browser, site, page):
    base, _, pages = site
    art, text = pages[page]
    errors = browser.load(f"{base}/{page}")
    assert errors == [], f"{page}: console errors: {errors}"
    got = browser.evaluate(PAGE_CHECK)
    assert "unstyled" not in got, f"mark without a background: {got.get('unstyled')}"
    assert art["entities"], "a seed with no entity would test nothing"
    missing = [e["id"] for e in art["entities"] if not got["ids"].get(e["id"])]
    assert missing == [], f"{page}: entities with no <mark> in the DOM: {missing}"
    firsts = set(got["firsts"])
    for e in art["entities"]:
        for k in range(1, len(e["mentions"]) + 1):
            assert f"{e['id']}-{k}" in firsts, f"{page}: mention {k} of {e['id']} not marked"
    assert got["text"] == text, "the rendered text is not the article text"
    assert got["dangling"] == [], f"links without a target: {got['dangling']}"
    assert got["scripts"] == 0
    assert got["factRows"] == len(art["facts"])
    assert set(e["type"] for e in art["entities"]) <= set(got["legend"])


def test_report_pages_load_cleanly(browser, site):
    base, root, pages = site
    errors = browser.load(f"{base}/report/index.html")
    assert errors == [], errors
    info = browser.evaluate(r"""(() => ({
        links: Array.from(document.querySelectorAll('table.articles a')).map(a => a.getAttribute('href')),
        failed: Array.from(document.querySelectorAll('table.failed-list td')).map(td => td.textContent),
        scripts: document.scripts.length}))()""")
    assert info["scripts"] == 0
    assert "<script>alert(4)</script>" in info["failed"]       # shown as text
    assert len(info["links"]) == len(SEED_STEMS)
    for href in info["links"]:
        stem = Path(href).stem
        errors = browser.load(f"{base}/report/{href}")
        assert errors == [], f"{href}: {errors}"
        got = browser.evaluate(PAGE_CHECK)
        art = pages[f"{stem}.html"][0]
        assert not [e["id"] for e in art["entities"] if not got["ids"].get(e["id"])]
        assert got["dangling"] == []


@pytest.mark.parametrize("page,needle", [("control.html", "boom"), ("control-alert.html", "pwned"),
                                         ("control-remote.html", "missing.css")])
def test_console_error_collector_is_not_blind(browser, site, page, needle):
    """Pages that log an error, open a dialog, or load a resource (blocked by the page's CSP) are caught."""
    base, _, _ = site
    errors = browser.load(f"{base}/{page}")
    assert any(needle in e for e in errors), errors


def test_skips_without_chromium(monkeypatch):
    me = sys.modules[__name__]
    monkeypatch.delenv("VNEXTRACT_CHROMIUM", raising=False)
    monkeypatch.setattr(me.shutil, "which", lambda name: None)
    monkeypatch.setattr(me, "CANDIDATES", ("/nonexistent/chromium",))
    assert me.find_chromium() is None
    with pytest.raises(pytest.skip.Exception, match="Chromium not available"):
        me.require_chromium()
