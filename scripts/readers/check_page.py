#!/usr/bin/env python3
"""Drives EventGraph's HTML page in headless Chromium (Chrome DevTools Protocol) like a user.

    check_page.py --bin EVENTGRAPH --graph GRAPH [--screenshot PNG]

Renders the page with `eventgraph render GRAPH --format html`, loads it, and checks: no
script error and no network request; every actor, event and relation shown; hovering an
actor (real mouse events) shows its details and hovering an arrow shows a quote; searching
by a Chinese name finds the actor; the time slider hides what had not happened yet (counts
compared with the node-link JSON export), the activity strip counts every event once, the period bands over the
slider do not overlap on a row, and the play button steps the date period by period; the kind and claim filters hide what they should;
a path between two actors named in different languages is highlighted with the length
`eventgraph path` gives. Exits 1 with a list of failures. With --screenshot, saves the
page as it stands after the path check.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def day(iso):
    return (datetime.date.fromisoformat(iso) - datetime.date(1970, 1, 1)).days


def first_day(partial):
    text = partial.lstrip("~")
    parts = text.split("-")
    return day(f"{parts[0]}-{parts[1] if len(parts) > 1 else '01'}-{parts[2] if len(parts) > 2 else '01'}")


def last_day(partial):
    parts = [int(p) for p in partial.lstrip("~").split("-")]
    if len(parts) == 3:
        return day(f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}")
    if len(parts) == 2:
        following = datetime.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return (following - datetime.date(1970, 1, 1)).days - 1
    return day(f"{parts[0]:04d}-12-31")


def expected_counts(graph, as_of=None, kinds=None, claims=None):
    """What the page should show, by the rules of docs/cli.md's filters."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    events = [n for n in graph["nodes"] if n["type"] == "event"]
    relations = [l for l in graph["links"] if l["type"] == "relation"]
    visible_events = {e["id"] for e in events
                      if (kinds is None or e["kind"] in kinds) and (claims is None or e["claim"] in claims)
                      and (as_of is None or first_day(e["start"]) <= as_of)}
    visible_relations = [r for r in relations if (kinds is None or r["kind"] in kinds)
                         and (as_of is None or "since" not in r or first_day(r["since"]) <= as_of)]
    actors = set()
    for link in graph["links"]:
        if link["type"] == "role" and link["source"] in visible_events and nodes[link["target"]]["type"] == "actor":
            actors.add(link["target"])
    for r in visible_relations:
        actors.update([r["source"], r["target"]])
    if as_of is None and kinds is None and claims is None:
        actors = {n["id"] for n in graph["nodes"] if n["type"] == "actor"}
    return len(actors), len(visible_events), len(visible_relations)


def shown(browser):
    return tuple(int(browser.evaluate(f"document.getElementById('eg-shown').dataset.{k}"))
                 for k in ("actors", "events", "relations"))


def center(browser, element_id):
    rect = browser.evaluate(f"""(() => {{ const el = document.getElementById({json.dumps(element_id)});
        if (!el) return null; el.scrollIntoView({{block: 'center', inline: 'center'}});
        const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]; }})()""")
    return rect


def set_input(browser, element_id, text):
    browser.evaluate(f"(() => {{ const el = document.getElementById({json.dumps(element_id)}); el.value = ''; el.focus(); }})()")
    browser.type_text(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--graph", required=True)
    parser.add_argument("--screenshot")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventgraph-page-") as work:
        page = os.path.join(work, "page.html")
        subprocess.run([args.bin, "render", args.graph, "--format", "html", "-o", page], check=True, stdout=subprocess.DEVNULL)
        graph = json.loads(subprocess.run([args.bin, "export", args.graph, "--format", "json"], check=True,
                                          capture_output=True, text=True).stdout)
        actors = {n["id"]: n for n in graph["nodes"] if n["type"] == "actor"}
        events = [n for n in graph["nodes"] if n["type"] == "event"]
        total = expected_counts(graph)

        with Browser() as browser:
            browser.open("file://" + page)
            check(browser.evaluate("document.body.dataset.ready") == "true", "the page script did not finish")
            check(shown(browser) == total, f"initially shown {shown(browser)}, expected {total}")

            # Hover an actor with the mouse: its details appear.
            actor_id = max(actors, key=lambda a: sum(1 for l in graph["links"] if a in (l["source"], l["target"])))
            box = center(browser, "eg-n-" + actor_id)
            if check(box is not None and box[2] > 0, f"actor {actor_id} is not drawn"):
                browser.mouse_move(box[0], box[1])
                detail = browser.evaluate("document.getElementById('eg-details').textContent")
                check(actors[actor_id]["name"] in detail, f"hovering {actor_id} shows {detail[:80]!r}")
            # Hover an arrow (an event drawn between actors): its quote appears.
            edge = browser.evaluate("""(() => { for (const g of document.querySelectorAll('#eg-diagram g.edge')) {
                const r = g.getBoundingClientRect(); if (r.width > 30 && g.querySelector('text')) return g.id; } return null; })()""")
            if check(edge is not None, "no labelled arrow to hover"):
                label = browser.evaluate(f"""(() => {{ const t = document.getElementById({json.dumps(edge)}).querySelector('text');
                    t.scrollIntoView({{block: 'center', inline: 'center'}}); const r = t.getBoundingClientRect();
                    return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
                browser.mouse_move(label[0], label[1])
                kind = browser.evaluate("document.getElementById('eg-details').dataset.type")
                html = browser.evaluate("document.getElementById('eg-details').innerHTML")
                check(kind in ("event", "relation"), f"hovering arrow {edge} shows a {kind}")
                if kind == "event":
                    check("<blockquote>" in html, f"hovering arrow {edge} shows no quote")

            # Search by a per-language name, typed as a user would.
            named = [a for a in actors.values() if a.get("names")]
            if named:
                target = sorted(named, key=lambda a: a["id"])[0]
                language, name = sorted(target["names"].items())[-1]
                set_input(browser, "eg-search", name)
                matches = browser.evaluate("[...document.querySelectorAll('#eg-diagram g.eg-match')].map(g => g.id)")
                results = browser.evaluate("[...document.querySelectorAll('#eg-results button')].map(b => b.dataset.id)")
                check("eg-n-" + target["id"] in matches, f"searching {name!r} ({language}) highlights {matches}")
                check(target["id"] in results, f"searching {name!r} lists {results}")
                check(browser.evaluate("document.querySelector('#eg-diagram svg').classList.contains('eg-searching')"),
                      "search does not dim the rest of the diagram")
                set_input(browser, "eg-search", "")
                browser.evaluate("document.getElementById('eg-search').dispatchEvent(new Event('input'))")

            # The time slider: the graph as of a date.
            starts = sorted(first_day(e["start"]) for e in events)
            if starts:
                middle = starts[len(starts) // 2]
                browser.evaluate(f"(() => {{ const s = document.getElementById('eg-asof'); s.value = {middle}; s.dispatchEvent(new Event('input')); }})()")
                expected = expected_counts(graph, as_of=middle)
                check(shown(browser) == expected, f"as of day {middle}: shown {shown(browser)}, expected {expected}")
                later = [e for e in events if first_day(e["start"]) > middle]
                if later:
                    hidden = browser.evaluate(f"""(() => {{ const el = document.getElementById('eg-n-' + {json.dumps(later[0]['id'])});
                        return el ? getComputedStyle(el).display : 'none'; }})()""")
                    check(hidden == "none", f"event {later[0]['id']} after the slider date is still drawn")
                label = browser.evaluate("document.getElementById('eg-asof-label').dataset.day")
                check(label == (datetime.date(1970, 1, 1) + datetime.timedelta(days=middle)).isoformat(), f"slider label says {label}")
                last = max(last_day(e.get("end") or e["start"]) for e in events)
                browser.evaluate(f"(() => {{ const s = document.getElementById('eg-asof'); s.value = {last}; s.dispatchEvent(new Event('input')); }})()")
                check(shown(browser) == total, f"slider back at the end shows {shown(browser)}")

                # The activity strip: one bar per period, every event counted once.
                bars = browser.evaluate("[...document.querySelectorAll('#eg-activity .eg-bar')].map(b => [b.dataset.period, Number(b.dataset.count)])")
                check(len(bars) >= 1 and sum(c for _, c in bars) == len(events),
                      f"the activity strip counts {sum(c for _, c in bars)} events in {len(bars)} bars, the graph has {len(events)}")
                # The graph's periods over the slider: each titled, no two bands on one row overlapping.
                bands = browser.evaluate("""[...document.querySelectorAll('#eg-periods .eg-period')].map(b => {
                    const r = b.getBoundingClientRect(); return [b.dataset.period, b.textContent, r.left, r.right, r.top]; })""")
                for i, a in enumerate(bands):
                    check(a[1] != "", f"period band {a[0]} has no title")
                    for b in bands[i + 1:]:
                        check(not (a[4] == b[4] and a[2] < b[3] - 1 and b[2] < a[3] - 1), f"period bands {a[0]} and {b[0]} overlap on one row")
                # Play (clicked with the mouse): from the end of the slider it starts again at the first
                # period's end, then steps period by period; the counts are those of that date.
                browser.evaluate("(() => { const s = document.getElementById('eg-asof'); s.value = s.max; s.dispatchEvent(new Event('input')); })()")
                box = center(browser, "eg-play")
                browser.click(box[0], box[1])
                first_period = browser.evaluate("document.getElementById('eg-asof-label').dataset.period")
                check(first_period == bars[0][0], f"play starts at {first_period}, not the first period {bars[0][0]}")
                day_one = browser.evaluate("Number(document.getElementById('eg-asof').value)")
                check(shown(browser) == expected_counts(graph, as_of=day_one), f"playing, as of day {day_one}: shown {shown(browser)}")
                check(browser.evaluate("document.getElementById('eg-play').getAttribute('aria-pressed')") == "true", "play is not pressed")
                browser.evaluate("new Promise(r => setTimeout(r, 1800))")
                stepped = browser.evaluate("document.getElementById('eg-asof-label').dataset.period")
                check(stepped in [b[0] for b in bars[1:4]], f"after 1.8 s playing shows {stepped}, not the next periods")
                browser.click(box[0], box[1])
                check(browser.evaluate("document.getElementById('eg-play').getAttribute('aria-pressed')") == "false", "pause did not stop")
                browser.evaluate(f"(() => {{ const s = document.getElementById('eg-asof'); s.value = {last}; s.dispatchEvent(new Event('input')); }})()")
                check(shown(browser) == total, f"slider back at the end after playing shows {shown(browser)}")

            # Kind and claim filters, clicked.
            kinds = sorted({e["kind"] for e in events})
            all_kinds = set(kinds) | {l["kind"] for l in graph["links"] if l["type"] == "relation"}
            if kinds:
                box = center(browser, "eg-kind-" + kinds[0])
                browser.click(box[0], box[1])
                expected = expected_counts(graph, kinds=all_kinds - {kinds[0]})
                check(shown(browser) == expected, f"without {kinds[0]}: shown {shown(browser)}, expected {expected}")
                browser.click(box[0], box[1])
            claims = sorted({e["claim"] for e in events} - {"asserted"})
            if claims:
                box = center(browser, "eg-claim-" + claims[0])
                browser.click(box[0], box[1])
                kept = {"asserted", "reported", "claimed", "disputed", "denied", "retracted"} - {claims[0]}
                expected = expected_counts(graph, claims=kept)
                check(shown(browser) == expected, f"without {claims[0]} claims: shown {shown(browser)}, expected {expected}")
                browser.click(box[0], box[1])
            check(shown(browser) == total, f"filters back on show {shown(browser)}")

            # A path between two actors, each named in another language.
            ids = sorted(actors)
            pairs = [("benchmark", "mofcom")] if {"benchmark", "mofcom"} <= set(ids) else [(ids[0], ids[-1])]
            for source, goal in pairs:
                names_of = lambda a: list(actors[a].get("names", {}).values()) or [actors[a]["name"]]
                set_input(browser, "eg-path-from", actors[source]["name"])
                set_input(browser, "eg-path-to", names_of(goal)[0])
                browser.press_enter()
                length = browser.evaluate("document.getElementById('eg-path-result').dataset.length")
                cli = subprocess.run([args.bin, "path", args.graph, source, goal, "--format", "json"], capture_output=True, text=True)
                expected = json.loads(cli.stdout)["paths"][0]["length"] if cli.returncode == 0 else "none"
                check(str(length) == str(expected), f"path {source} → {goal}: page says {length}, eventgraph path says {expected}")
                if cli.returncode == 0:
                    on_path = browser.evaluate("[...document.querySelectorAll('#eg-diagram g.node.eg-path')].map(g => g.id)")
                    for end in (source, goal):
                        check("eg-n-" + end in on_path, f"path end {end} is not highlighted ({on_path})")
                    edges = browser.evaluate("document.querySelectorAll('#eg-diagram g.edge.eg-path').length")
                    check(edges >= 1, "no edge of the path is highlighted")

            check(not browser.exceptions, f"script errors: {browser.exceptions}")
            remote = [u for u in browser.requests if not u.startswith(("file:", "data:", "about:"))]
            check(not remote, f"the page asked the network for {remote}")
            if args.screenshot:
                # Zoomed so labels read, with the highlighted path in the middle.
                browser.evaluate("""(() => { const z = document.getElementById('eg-zoom-fit'); z.click();
                    const svg = document.querySelector('#eg-diagram svg'), room = document.querySelector('main').clientWidth;
                    for (let i = 0; i < 12 && svg.getBoundingClientRect().width < room * 1.6; i++) document.getElementById('eg-zoom-in').click();
                    const on = document.querySelectorAll('#eg-diagram g.node.eg-path');
                    if (on.length) on[Math.floor(on.length / 2)].scrollIntoView({block: 'center', inline: 'center'}); })()""")
                browser.screenshot(args.screenshot)

    if failures:
        for failure in failures:
            print(f"check_page: FAIL: {failure}", file=sys.stderr)
        print(f"check_page: {len(failures)} checks failed for {args.graph}", file=sys.stderr)
        return 1
    print(f"check_page: ok: {args.graph}: hover, search, time slider, filters and path checked in Chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main())
