#!/usr/bin/python3
"""Opens report.html files in headless Chromium and fails on anything a reader would notice.

For each file, through the DevTools protocol (over --remote-debugging-pipe, Python's
standard library only), it fails when:
  - the page logs a console error, throws, or opens a dialog (alert);
  - the page makes any request other than for the file itself;
  - the DOM holds a script, img, iframe, object or embed element, or an on* attribute;
  - on a phone-sized screen (390 px) the page is wider than the screen;
  - under print media the navigation bar still shows;
  - the screenshot is blank (a single colour).
Before the real files it checks a deliberately bad page and requires that check to fail,
so the checker itself is known to work.

Usage:
  check_report.py [--chromium PATH] [--writer TEST_EXE] [--work DIR] [--screenshot-dir DIR [--full-page]]
                  [FILE.html ...]
--writer runs `TEST_EXE [.write-reports]` with JADWAL_REPORT_DIR=DIR/reports first and
checks the reports it writes. Exit status: 0 all good, 1 a check failed, 77 Chromium is
missing (CTest's SKIP_RETURN_CODE).
"""

import argparse
import base64
import fcntl
import json
import select
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

SKIP = 77


# ---------------------------------------------------------------- PNG


def png_pixels(data):
    """(width, height, bytes per pixel, unfiltered rows) of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 0xFF
            elif f == 2:
                line[x] = (line[x] + b) & 0xFF
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def distinct_colours(png, limit=64):
    """How many distinct pixel colours the PNG has, counting up to `limit`."""
    _, _, bpp, rows = png_pixels(png)
    seen = set()
    for row in rows:
        for x in range(0, len(row), bpp):
            seen.add(row[x:x + bpp])
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


# ---------------------------------------------------------------- DevTools over a pipe


class Browser:
    """Chromium with --remote-debugging-pipe: commands go to its fd 3, replies come from its fd 4."""

    def __init__(self, chromium, profile):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # The child's ends, moved above 3 and 4 so that putting them there cannot clobber them.
        a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
        b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)

        def child_fds():
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [
            chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "about:blank",
        ]
        # close_fds would close 3 and 4 again after preexec_fn; every other descriptor
        # of ours is close-on-exec, so the child gets 0-4 only.
        # Its log goes to a file: a pipe nobody drains could fill up and stall the browser.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(args, close_fds=False, preexec_fn=child_fds, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=self.log)
        for fd in (to_child_r, from_child_w, a, b):
            os.close(fd)
        self.out = os.fdopen(to_child_w, "wb", buffering=0)
        self.inp = os.fdopen(from_child_r, "rb", buffering=0)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = self.inp.read(65536)
            if not chunk:
                self.log.seek(0)
                raise RuntimeError("Chromium closed the pipe: " + self.log.read().decode(errors="replace")[-2000:])
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.out.write(json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        for k, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(k)
        while True:
            e = self._read_message(deadline)
            if e.get("method") == method:
                return e
            self.events.append(e)

    def close(self):
        try:
            self.call("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# ---------------------------------------------------------------- the checks


DOM_CHECK = """(() => {
  const bad = document.querySelectorAll('script, img, iframe, object, embed, frame, base, form, input');
  let onattr = 0;
  for (const el of document.querySelectorAll('*'))
    for (const a of el.attributes) if (a.name.toLowerCase().startsWith('on')) onattr++;
  return JSON.stringify({bad: bad.length, onattr, sections: document.querySelectorAll('section').length,
                         svgs: document.querySelectorAll('svg').length, title: document.title});
})()"""


def check_page(browser, path, screenshot_dir, full_page=False, control=False):
    """The problems found in one page (an empty list when it is fine)."""
    problems = []
    url = Path(path).resolve().as_uri()
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.call(f"{domain}.enable", session=session)
    browser.events.clear()
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}, session=session)
    browser.call("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired")
    # Let late console messages and requests arrive.
    browser.call("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 300))", "awaitPromise": True},
                 session=session)

    def value(expression):
        return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                            session=session)["result"].get("value")

    dom = json.loads(value(DOM_CHECK))
    if dom["bad"]:
        problems.append(f"{dom['bad']} script/img/iframe/object/embed/form elements in the DOM")
    if dom["onattr"]:
        problems.append(f"{dom['onattr']} on* attributes in the DOM")
    wide = value("document.documentElement.scrollWidth")
    if wide > 390:
        problems.append(f"on a 390 px phone screen the page is {wide} px wide")
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
    if value("getComputedStyle(document.querySelector('nav') || document.body).display") != "none":
        problems.append("print media still shows the navigation (or the page has none)")
    browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=session)

    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": False}, session=session)
    shot_params = {"format": "png"}
    if full_page:  # the whole page, not just the first screen
        height = browser.call("Page.getLayoutMetrics", session=session)["cssContentSize"]["height"]
        shot_params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1})
    shot = base64.b64decode(browser.call("Page.captureScreenshot", shot_params, session=session)["data"])
    colours = distinct_colours(shot)
    if colours < 2:
        problems.append("the screenshot is blank (one colour)")
    if screenshot_dir:
        Path(screenshot_dir).mkdir(parents=True, exist_ok=True)
        name = Path(path).resolve().parent.name + "-" + Path(path).stem + ".png"
        (Path(screenshot_dir) / name).write_bytes(shot)

    for e in browser.events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Network.requestWillBeSent":
            req = params["request"]["url"]
            if req != url:
                problems.append(f"request for {req}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error: " + " ".join(str(a.get("value", a.get("description", "")))
                                                          for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"console error ({params['entry'].get('source')}): {params['entry'].get('text')}")
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: " + params["exceptionDetails"].get("text", ""))
        elif method == "Page.javascriptDialogOpening":
            problems.append("a dialog opened: " + params.get("message", ""))
    browser.events.clear()
    browser.call("Target.closeTarget", {"targetId": target})
    verdict = "OK" if not problems else "FAILED"
    if control:
        verdict = "caught, as it must be" if problems else "NOT CAUGHT"
    print(f"{path}: {dom['sections']} sections, {dom['svgs']} charts, {colours}{'+' if colours >= 64 else ''} "
          f"colours on screen, {verdict}")
    return problems


BAD_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head>
<body><h1>bad</h1><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script></body></html>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--writer", help="test executable whose hidden [.write-reports] test writes the reports")
    ap.add_argument("--work", help="scratch directory (default: a temporary one)")
    ap.add_argument("--screenshot-dir", help="keep each page's screenshot here")
    ap.add_argument("--full-page", action="store_true", help="screenshot whole pages, not the first 1280x1600")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    chromium = shutil.which(args.chromium) or (args.chromium if os.access(args.chromium, os.X_OK) else None)
    if not chromium:
        print(f"SKIP: no Chromium at {args.chromium}; install the Debian package 'chromium' to run this check")
        return SKIP

    with tempfile.TemporaryDirectory(prefix="jadwal-report-check-") as scratch:
        work = Path(args.work or scratch)
        work.mkdir(parents=True, exist_ok=True)
        files = list(args.files)
        if args.writer:
            out = work / "reports"
            env = dict(os.environ, JADWAL_REPORT_DIR=str(out))
            r = subprocess.run([args.writer, "[.write-reports]"], env=env)
            if r.returncode != 0:
                print(f"FAILED: {args.writer} [.write-reports] exited with {r.returncode}")
                return 1
            files += sorted(str(p) for p in out.glob("*/report.html"))
            if len(files) < 2:
                print(f"FAILED: the writer left no reports in {out}")
                return 1
        bad = work / "bad" / "report.html"
        bad.parent.mkdir(parents=True, exist_ok=True)
        bad.write_text(BAD_PAGE, encoding="utf-8")

        # A fresh profile each run: a stale lock left by a killed browser cannot stop the next.
        browser = Browser(chromium, Path(scratch) / "profile")
        try:
            # The negative control: a page with a script, a console error and a request must fail.
            control = check_page(browser, bad, None, control=True)
            expected = ("request for http://127.0.0.1:9/x.png", "console error", "script/img")
            missing = [e for e in expected if not any(e in p for p in control)]
            if missing:
                print(f"FAILED: the checker does not notice a bad page ({', '.join(missing)}); found: {control}")
                return 1
            failed = False
            for f in files:
                for p in check_page(browser, f, args.screenshot_dir, args.full_page):
                    print(f"  {p}")
                    failed = True
            return 1 if failed else 0
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main())
