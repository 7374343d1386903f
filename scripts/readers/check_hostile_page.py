#!/usr/bin/env python3
"""Opens the HTML page of a graph with hostile source URLs in headless Chromium and clicks
every citation of a hostile source in the details pane, like a user would.

    check_hostile_page.py --bin EVENTGRAPH --graph GRAPH --event ID

Renders the page, hovers event ID so its evidence shows in the details pane, then checks:
every link there is http, https or mailto; each hostile URL is shown as text; clicking each
citation of a source whose URL is not http/https/mailto opens no dialog, navigates nowhere
and requests nothing; no script error. Exits 1 with a list of failures.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def drain(browser):
    methods = []
    while True:
        try:
            methods.append(browser.events.get_nowait())
        except queue.Empty:
            return methods


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--event", required=True)
    args = parser.parse_args()
    allowed = ("http:", "https:", "mailto:")

    with tempfile.TemporaryDirectory(prefix="eventgraph-hostile-") as work:
        page = os.path.join(work, "page.html")
        subprocess.run([args.bin, "render", args.graph, "--format", "html", "-o", page], check=True, stdout=subprocess.DEVNULL)
        graph = json.loads(subprocess.run([args.bin, "export", args.graph, "--format", "json"], check=True,
                                          capture_output=True, text=True).stdout)
        sources = {s["id"]: s for s in graph.get("sources", [])}
        hostile = sorted(i for i, s in sources.items()
                         if s.get("url") and not s["url"].strip(" \t\n\r\x00\x01").lower().startswith(allowed))

        with Browser() as browser:
            url = "file://" + page
            browser.open(url)
            check(browser.evaluate("document.body.dataset.ready") == "true", "the page script did not finish")
            box = browser.evaluate(f"""(() => {{ const el = document.getElementById('eg-n-' + {json.dumps(args.event)});
                if (!el) return null; el.scrollIntoView({{block: 'center', inline: 'center'}});
                const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
            if not check(box is not None, f"event {args.event} is not drawn"):
                return report(args)
            browser.mouse_move(box[0], box[1])
            hrefs = browser.evaluate("[...document.querySelectorAll('#eg-details a')].map(a => a.getAttribute('href'))")
            check(hrefs, "the details pane shows no link at all (expected the allowed ones)")
            for href in hrefs:
                check(href.lower().startswith(allowed), f"the details pane links to {href!r}")
            text = browser.evaluate("document.getElementById('eg-details').textContent")
            check("javascript:alert(1)" in text, "a hostile URL is not shown as text")
            # Keep the details pane: moving the mouse away from the node must not clear it.
            drain(browser)
            requests_before = len(browser.requests)
            clicked = 0
            for source in hostile:
                spot = browser.evaluate(f"""(() => {{ const c = [...document.querySelectorAll('#eg-details cite')]
                    .find(c => c.textContent.includes('[' + {json.dumps(source)} + ']'));
                    if (!c) return null; c.scrollIntoView({{block: 'center'}}); const r = c.getBoundingClientRect();
                    return [r.left + 4, r.top + r.height / 2]; }})()""")
                if not check(spot is not None, f"no citation of {source} in the details pane"):
                    continue
                browser.click(spot[0], spot[1])
                clicked += 1
            time.sleep(0.5)
            events = drain(browser)
            dialogs = [e for e in events if e.get("method") == "Page.javascriptDialogOpening"]
            navigations = [e for e in events if e.get("method") in ("Page.frameNavigated", "Page.frameRequestedNavigation",
                                                                      "Page.navigatedWithinDocument", "Page.windowOpen",
                                                                      "Page.frameScheduledNavigation")]
            check(not dialogs, f"clicking opened dialogs: {dialogs}")
            check(not navigations, f"clicking navigated: {navigations}")
            check(browser.evaluate("location.href") == url, "the page navigated away")
            check(len(browser.requests) == requests_before, f"clicking requested {browser.requests[requests_before:]}")
            check(not browser.exceptions, f"script errors: {browser.exceptions}")
            check(clicked == len(hostile) and clicked > 0, f"clicked {clicked} of {len(hostile)} hostile citations")
    return report(args, clicked)


def report(args, clicked=0):
    if failures:
        for failure in failures:
            print(f"check_hostile_page: FAIL: {failure}", file=sys.stderr)
        return 1
    print(f"check_hostile_page: ok: {args.graph}: {clicked} hostile citations clicked; no dialog, navigation or request")
    return 0


if __name__ == "__main__":
    sys.exit(main())
