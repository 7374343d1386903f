#!/usr/bin/env python3
"""Loads every EventGraph export into the real program that reads it, and checks what it got.

    check_exports.py --bin EVENTGRAPH [--generated N] GRAPH...

For each graph (and, with --generated, a generated graph of N actors full of awkward
strings), every format is exported with the eventgraph binary, then:

  graphml     networkx.read_graphml: every node and edge, with kind, dates, claim, evidence
  gexf        networkx.read_gexf (GEXF 1.3): the same, and each event's start/end days
  neo4j-csv   Kuzu (embedded graph database) COPY FROM the CSV files: counts, properties,
              and its weighted shortest path (WSHORTEST) between actor pairs agrees with
              `eventgraph path --format json` and with networkx on the node-link JSON
  cypher      Kuzu runs the Cypher script (after its own DDL in place of the Neo4j
              constraints): counts and properties
  timelinejs  jsonschema against scripts/readers/timelinejs.schema.json (TimelineJS3's
              documented format), and each slide's date keeps the event date's precision
  kumu        Python's csv module: Kumu's required columns (ID, Label / ID, From, To), every
              From/To names an element
  mermaid     Mermaid's own parser and renderer (mermaid.js as shipped on PyPI in mmdc)
              in headless Chromium: parses, and draws one node per actor and event
  dot         the Graphviz `dot` command parses the DOT export

The node-link JSON export is the reference. Exits 1 listing every failure.
"""

import argparse
import collections
import csv
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import kuzu
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cdp import Browser  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


# ---- Reference ------------------------------------------------------------------------------

def day_iso(partial, last=False):
    text = partial.lstrip("~")
    if text[5:6] in ("Q", "H"):
        # A quarter or half: its first or last month.
        year, n, months = int(text[:4]), int(text[6]), 3 if text[5] == "Q" else 6
        return day_iso(f"{year}-{(n - 1) * months + (months if last else 1):02d}", last)
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 3:
        return datetime.date(*parts).isoformat()
    if len(parts) == 2:
        if not last:
            return datetime.date(year, parts[1], 1).isoformat()
        following = datetime.date(year + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return (following - datetime.timedelta(days=1)).isoformat()
    return datetime.date(year, 12, 31).isoformat() if last else datetime.date(year, 1, 1).isoformat()


class Reference:
    """The graph as the node-link JSON export says."""

    def __init__(self, data):
        self.data = data
        self.actors = {n["id"]: n for n in data["nodes"] if n["type"] == "actor"}
        self.events = {n["id"]: n for n in data["nodes"] if n["type"] == "event"}
        self.roles = [l for l in data["links"] if l["type"] == "role"]
        self.relations = [l for l in data["links"] if l["type"] == "relation"]
        self.sources = {s["id"]: s for s in data["sources"]}

    def interval(self, event):
        return day_iso(event["start"]), day_iso(event.get("end") or event["start"], last=True)

    def role_multiset(self):
        return collections.Counter((l["source"], l["target"], l["role"]) for l in self.roles)

    def networkx_links(self):
        """A weighted graph whose shortest path weight between two actors is the number of links."""
        graph = nx.Graph()
        for link in self.roles:
            weight = 0.5 if link["target"] in self.actors else 1.0
            graph.add_edge(link["source"], link["target"], weight=weight)
        for r in self.relations:
            # A relation is a link of its own: actor - relation - actor.
            graph.add_edge(r["source"], "rel:" + r["id"], weight=0.5)
            graph.add_edge("rel:" + r["id"], r["target"], weight=0.5)
        return graph


# ---- Readers --------------------------------------------------------------------------------

def check_graphml(path, ref, label):
    g = nx.read_graphml(path)
    check(set(g.nodes) == set(ref.actors) | set(ref.events), f"{label} graphml: nodes differ")
    check(g.number_of_edges() == len(ref.roles) + len(ref.relations),
          f"{label} graphml: {g.number_of_edges()} edges, expected {len(ref.roles) + len(ref.relations)}")
    for node, attributes in g.nodes(data=True):
        expected = ref.actors.get(node) or ref.events.get(node)
        if expected is None:
            continue
        check(attributes.get("type") == expected["type"] and attributes.get("kind") == expected["kind"],
              f"{label} graphml: node {node} has type/kind {attributes.get('type')}/{attributes.get('kind')}")
        if expected["type"] == "event":
            start, end = ref.interval(expected)
            check((attributes.get("start"), attributes.get("end")) == (start, end), f"{label} graphml: {node} dates")
            check(attributes.get("claim") == expected["claim"], f"{label} graphml: {node} claim")
            check(json.loads(attributes.get("evidence", "[]")) == expected["sources"], f"{label} graphml: {node} evidence")
            check(attributes.get("date") == expected["date"], f"{label} graphml: {node} date as written")
        else:
            check(attributes.get("label") == expected["name"], f"{label} graphml: {node} label")
            check((attributes.get("since"), attributes.get("until")) == (expected.get("since"), expected.get("until")),
                  f"{label} graphml: {node} lifespan {attributes.get('since')}/{attributes.get('until')}")
    roles = collections.Counter()
    relations = 0
    for source, target, attributes in g.edges(data=True):
        if attributes.get("type") == "role":
            roles[(source, target, attributes.get("role"))] += 1
        elif attributes.get("type") == "relation":
            relations += 1
    check(roles == ref.role_multiset(), f"{label} graphml: role edges differ")
    check(relations == len(ref.relations), f"{label} graphml: {relations} relation edges")
    for r in ref.relations:
        if r.get("sources"):
            found = [a for s, t, a in g.edges(data=True) if a.get("type") == "relation" and (s, t) == (r["source"], r["target"])
                     and a.get("kind") == r["kind"]]
            check(any(json.loads(a.get("evidence", "[]")) == r["sources"] for a in found), f"{label} graphml: relation {r['id']} evidence")


def check_gexf(path, ref, label):
    g = nx.read_gexf(path, version="1.3")
    check(set(g.nodes) == set(ref.actors) | set(ref.events), f"{label} gexf: nodes differ")
    check(g.number_of_edges() == len(ref.roles) + len(ref.relations), f"{label} gexf: edge count {g.number_of_edges()}")
    check(g.graph.get("mode") == "dynamic", f"{label} gexf: not a dynamic graph (Gephi's timeline needs one)")
    for node, attributes in g.nodes(data=True):
        expected = ref.actors.get(node) or ref.events.get(node)
        if expected is None:
            continue
        check(attributes.get("kind") == expected["kind"], f"{label} gexf: {node} kind")
        if expected["type"] == "event":
            start, end = ref.interval(expected)
            check((attributes.get("start"), attributes.get("end")) == (start, end),
                  f"{label} gexf: {node} start/end {attributes.get('start')}/{attributes.get('end')}, expected {start}/{end}")
            check(attributes.get("claim") == expected["claim"], f"{label} gexf: {node} claim")
            check(json.loads(attributes.get("evidence", "[]")) == expected["sources"], f"{label} gexf: {node} evidence")
            check(attributes.get("label") == expected["title"], f"{label} gexf: {node} label")
        else:
            check(attributes.get("label") == expected["name"], f"{label} gexf: {node} label")
            # The lifespan as the actor's spell on Gephi's timeline.
            lifespan = (expected.get("since") and day_iso(expected["since"]), expected.get("until") and day_iso(expected["until"], last=True))
            check((attributes.get("start"), attributes.get("end")) == lifespan,
                  f"{label} gexf: {node} start/end {attributes.get('start')}/{attributes.get('end')}, expected {lifespan}")
    roles = collections.Counter((s, t, a.get("role")) for s, t, a in g.edges(data=True) if a.get("type") == "role")
    check(roles == ref.role_multiset(), f"{label} gexf: role edges differ")
    for s, t, a in g.edges(data=True):
        if a.get("type") == "role":
            start, end = ref.interval(ref.events[s])
            check((a.get("start"), a.get("end")) == (start, end), f"{label} gexf: role edge {s}→{t} dates")


def check_timelinejs(path, ref, label):
    with open(path, encoding="utf-8") as file:
        timeline = json.load(file)
    with open(os.path.join(HERE, "timelinejs.schema.json"), encoding="utf-8") as file:
        schema = json.load(file)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(timeline), key=lambda e: list(e.path))
    check(not errors, f"{label} timelinejs: schema errors: {[f'{list(e.path)}: {e.message}' for e in errors[:5]]}")
    slides = {s.get("unique_id"): s for s in timeline.get("events", [])}
    check(set(slides) == set(ref.events), f"{label} timelinejs: slides differ from events")
    for event_id, slide in slides.items():
        event = ref.events.get(event_id)
        if not event:
            continue
        start = event["start"].lstrip("~").split("-")
        date = slide["start_date"]
        parts = [str(date.get(k)) for k in ("year", "month", "day") if k in date]
        check([int(p) for p in parts] == [int(p) for p in start],
              f"{label} timelinejs: {event_id} start_date {date} does not keep {event['start']}")
        # A span has an end date; a day known only to lie in a range (a relative date, written
        # `[first..last]`) is one day: its start and the range as display_date.
        one_day_in_range = event["date"].startswith("[")
        check(("end_date" in slide) == ("end" in event and not one_day_in_range), f"{label} timelinejs: {event_id} end_date")
        if one_day_in_range:
            check(slide.get("display_date") == event["date"], f"{label} timelinejs: {event_id} display_date")
        text = slide["text"]["text"]
        check(f"claim: {event['claim']}" in text, f"{label} timelinejs: {event_id} claim status missing")
        for source in event["sources"]:
            check(f"[{source['source']}]" in text, f"{label} timelinejs: {event_id} source {source['source']} missing")


def check_kumu(folder, ref, label):
    with open(os.path.join(folder, "elements.csv"), newline="", encoding="utf-8") as file:
        elements = list(csv.reader(file))
    with open(os.path.join(folder, "connections.csv"), newline="", encoding="utf-8") as file:
        connections = list(csv.reader(file))
    check(elements[0][:2] == ["ID", "Label"], f"{label} kumu: elements sheet starts {elements[0][:2]}")
    check(connections[0][:3] == ["ID", "From", "To"], f"{label} kumu: connections sheet starts {connections[0][:3]}")
    ids = {row[0] for row in elements[1:]}
    check(ids == set(ref.actors) | set(ref.events), f"{label} kumu: elements differ")
    check(len(connections) - 1 == len(ref.roles) + len(ref.relations), f"{label} kumu: connection count")
    check(len({row[0] for row in connections[1:]}) == len(connections) - 1, f"{label} kumu: connection ids repeat")
    for row in connections[1:]:
        check(row[1] in ids and row[2] in ids, f"{label} kumu: connection {row[0]} names an unknown element")
    header = elements[0]
    for row in elements[1:]:
        record = dict(zip(header, row))
        if row[0] in ref.actors:
            actor = ref.actors[row[0]]
            lifespan = (actor.get("since") and day_iso(actor["since"]) or "", actor.get("until") and day_iso(actor["until"], last=True) or "")
            check((record["Start Date"], record["End Date"]) == lifespan, f"{label} kumu: {row[0]} lifespan")
        if row[0] in ref.events:
            event = ref.events[row[0]]
            check(record["Claim"] == event["claim"] and record["Date"] == event["date"], f"{label} kumu: {row[0]} claim/date")
            check(record["Sources"].split("|") == list(dict.fromkeys(s["source"] for s in event["sources"])),
                  f"{label} kumu: {row[0]} sources")


KUZU_NODE_TABLES = {
    "Source": "id STRING, title STRING, publisher STRING, author STRING, published STRING, url STRING, language STRING, file STRING",
    "Actor": ("id STRING, kind STRING, name STRING, names {list}, aliases {list}, country STRING, description STRING, tags {list}, "
              "since STRING, until STRING, start_date {date}, end_date {date}"),
    "Event": ("id STRING, kind STRING, title STRING, description STRING, date_text STRING, start_date {date}, end_date {date}, "
              "approximate BOOLEAN, claim STRING, claimed_by STRING, status STRING, date_basis STRING, date_note STRING, date_source STRING, "
              "amount DOUBLE, currency STRING, tags {list}, sources {list}"),
}
RELATION_COLUMNS = ("id STRING, kind STRING, role STRING, since STRING, until STRING, start_date {date}, end_date {date}, "
                    "directed BOOLEAN, claim STRING, sources {list}, evidence STRING")


def kuzu_from_neo4j_csv(folder, database):
    """Kuzu loads the neo4j-admin CSV files as they are (COPY FROM, header row, columns by position)."""
    connection = kuzu.Connection(kuzu.Database(database))
    for table, columns in KUZU_NODE_TABLES.items():
        connection.execute(f"CREATE NODE TABLE {table}({columns.format(list='STRING', date='DATE')}, label STRING, PRIMARY KEY(id))")
    connection.execute("CREATE REL TABLE ROLE_A(FROM Event TO Actor, type STRING, role STRING)")
    connection.execute("CREATE REL TABLE ROLE_E(FROM Event TO Event, type STRING, role STRING)")
    connection.execute("CREATE REL TABLE CITES(FROM Event TO Source, type STRING, quote STRING, note STRING)")
    connection.execute(f"CREATE REL TABLE RELATION(FROM Actor TO Actor, type STRING, {RELATION_COLUMNS.format(list='STRING', date='DATE')})")
    for table, name in [("Source", "sources"), ("Actor", "actors"), ("Event", "events"), ("ROLE_A", "roles"),
                        ("ROLE_E", "event-roles"), ("CITES", "cites"), ("RELATION", "relations")]:
        path = os.path.join(folder, name + ".csv")
        with open(path, encoding="utf-8") as file:
            if sum(1 for _ in csv.reader(file)) <= 1:
                continue  # header only
        connection.execute(f"COPY {table} FROM '{path}' (HEADER=true, PARALLEL=false)")
    # Weights that make a path's cost its number of links (docs/cli.md): an actor-event or
    # actor-relation step is half a link, an event-event step (a review of an acquisition) one.
    for table, weight in [("ROLE_A", 0.5), ("ROLE_E", 1.0), ("RELATION", 1.0)]:
        connection.execute(f"ALTER TABLE {table} ADD weight DOUBLE DEFAULT {weight}")
    return connection


def kuzu_from_cypher(path, database):
    """Kuzu runs the Cypher script; its DDL stands in for the Neo4j-only constraint lines."""
    connection = kuzu.Connection(kuzu.Database(database))
    with open(path, encoding="utf-8") as file:
        lines = file.read().splitlines()
    for table, columns in KUZU_NODE_TABLES.items():
        connection.execute(f"CREATE NODE TABLE {table}({columns.format(list='STRING[]', date='STRING')}, PRIMARY KEY(id))")
    connection.execute("CREATE REL TABLE ROLE(FROM Event TO Actor, FROM Event TO Event, role STRING)")
    connection.execute("CREATE REL TABLE CITES(FROM Event TO Source, quote STRING, note STRING)")
    for kind in sorted(set(re.findall(r"CREATE \(a\)-\[:([A-Z0-9_]+) ", "\n".join(lines))) - {""}):
        connection.execute(f"CREATE REL TABLE {kind}(FROM Actor TO Actor, {RELATION_COLUMNS.format(list='STRING[]', date='STRING')})")
    statements = 0
    for number, statement in cypher_statements("\n".join(lines)):
        if statement.startswith("//") or statement.startswith("CREATE CONSTRAINT"):
            continue
        try:
            connection.execute(statement)
            statements += 1
        except RuntimeError as error:
            failures.append(f"cypher statement at line {number} rejected by Kuzu: {error}: {statement[:160]}")
    return connection, statements


def cypher_statements(text):
    """(line, statement) for each `;`-terminated statement or `//` comment line, quotes respected."""
    out, current, quote, line, start = [], "", None, 1, 1
    i = 0
    while i < len(text):
        c = text[i]
        if quote is None and not current.strip() and text.startswith("//", i):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            out.append((line, text[i:end]))
            i = end
            continue
        if not current.strip():
            start = line
        current += c
        if c == "\n":
            line += 1
        if quote:
            if c == "\\":
                current += text[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == ";":
            out.append((start, current.strip()))
            current = ""
        i += 1
    if current.strip():
        out.append((start, current.strip()))
    return out


def rows(connection, query):
    result = connection.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def check_kuzu_contents(connection, ref, label, role_tables, relation_tables):
    check(rows(connection, "MATCH (a:Actor) RETURN count(*)")[0][0] == len(ref.actors), f"{label}: actor count")
    check(rows(connection, "MATCH (e:Event) RETURN count(*)")[0][0] == len(ref.events), f"{label}: event count")
    check(rows(connection, "MATCH (s:Source) RETURN count(*)")[0][0] == len(ref.sources), f"{label}: source count")
    roles = sum(rows(connection, f"MATCH ()-[r:{t}]->() RETURN count(*)")[0][0] for t in role_tables)
    check(roles == len(ref.roles), f"{label}: {roles} role relationships, expected {len(ref.roles)}")
    relations = sum(rows(connection, f"MATCH ()-[r:{t}]->() RETURN count(*)")[0][0] for t in relation_tables)
    check(relations == len(ref.relations), f"{label}: {relations} relation relationships, expected {len(ref.relations)}")
    cites = rows(connection, "MATCH ()-[c:CITES]->() RETURN count(*)")[0][0]
    check(cites == sum(len(e["sources"]) for e in ref.events.values()), f"{label}: {cites} citations")
    for event_id, claim, kind, start, end, title in rows(connection, "MATCH (e:Event) RETURN e.id, e.claim, e.kind, e.start_date, e.end_date, e.title"):
        event = ref.events[event_id]
        check((claim, kind, title) == (event["claim"], event["kind"], event["title"]), f"{label}: event {event_id} properties")
        check((str(start), str(end)) == ref.interval(event), f"{label}: event {event_id} dates {start}/{end}")
    for actor_id, name, since, start in rows(connection, "MATCH (a:Actor) RETURN a.id, a.name, a.since, a.start_date"):
        actor = ref.actors[actor_id]
        check(name == actor["name"], f"{label}: actor {actor_id} name {name!r}")
        expected_start = actor.get("since") and day_iso(actor["since"])
        check((since, start and str(start)) == (actor.get("since"), expected_start), f"{label}: actor {actor_id} lifespan {since}/{start}")
    for event_id, quote in rows(connection, "MATCH (e:Event)-[c:CITES]->(s:Source) RETURN e.id, c.quote"):
        quotes = [s.get("quote") for s in ref.events[event_id]["sources"]]
        check(quote in quotes, f"{label}: citation of {event_id} has quote {quote!r}")


def kuzu_link_count(connection, a, b):
    result = rows(connection, f"MATCH p = (a:Actor {{id: '{a}'}})-[e:ROLE_A|ROLE_E|RELATION* WSHORTEST(weight)]-(b:Actor {{id: '{b}'}}) RETURN cost(e)")
    return round(result[0][0]) if result else None


def path_cli_count(binary, graph, a, b):
    run = subprocess.run([binary, "path", graph, a, b, "--format", "json"], capture_output=True, text=True)
    if run.returncode == 1 and not run.stdout.strip():
        return None
    check(run.returncode == 0, f"eventgraph path {a} {b} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)["paths"][0]["length"] if run.returncode == 0 else None


def check_paths(binary, graph, connection, ref, label, pairs_wanted=24):
    ids = sorted(ref.actors)
    generator = random.Random(20251122)
    pairs = set()
    nxgraph = ref.networkx_links()
    # Half the pairs from the largest connected part, so most have a path to agree on.
    largest = sorted(a for a in max(nx.connected_components(nxgraph), key=len, default=set()) if a in ref.actors)
    while len(largest) >= 2 and len(pairs) < min(pairs_wanted // 2, len(largest) * (len(largest) - 1) // 2):
        pairs.add(tuple(generator.sample(largest, 2)))
    while len(pairs) < min(pairs_wanted, len(ids) * (len(ids) - 1) // 2):
        a, b = generator.sample(ids, 2)
        pairs.add((a, b))
    reachable = 0
    for a, b in sorted(pairs):
        kuzu_count = kuzu_link_count(connection, a, b)
        cli_count = path_cli_count(binary, graph, a, b)
        try:
            nx_count = round(nx.shortest_path_length(nxgraph, a, b, weight="weight"))
        except (nx.NetworkXNoPath, nx.NodeNotFound):
            nx_count = None
        check(kuzu_count == cli_count == nx_count,
              f"{label}: shortest path {a} → {b}: Kuzu {kuzu_count}, eventgraph path {cli_count}, networkx {nx_count}")
        reachable += kuzu_count is not None
    return len(pairs), reachable


def check_mermaid(path, label, browser):
    import importlib.util
    # Only the file mmdc ships is used (importing mmdc would need its renderer's dependencies).
    script = os.path.join(os.path.dirname(importlib.util.find_spec("mmdc").origin), "assets", "mermaid.js")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    work = tempfile.mkdtemp(prefix="eventgraph-mermaid-")
    try:
        page = os.path.join(work, "mermaid.html")
        with open(page, "w", encoding="utf-8") as file:
            file.write("<!DOCTYPE html><meta charset=utf-8><body><div id=out></div>"
                       f"<script src='file://{script}'></script>"
                       f"<script id=src type=application/json>{json.dumps(text).replace('<', chr(92) + 'u003c')}</script></body>")
        browser.open("file://" + page)
        result = browser.evaluate("""(async () => {
            const m = globalThis.__esbuild_esm_mermaid_nm.mermaid.default || globalThis.__esbuild_esm_mermaid_nm.mermaid;
            m.initialize({startOnLoad: false, maxTextSize: 10000000, maxEdges: 100000, securityLevel: 'strict'});
            const text = JSON.parse(document.getElementById('src').textContent);
            try {
              await m.parse(text);
              const {svg} = await m.render('eg', text);
              document.getElementById('out').innerHTML = svg;
              return {ok: true, version: m.version || '', nodes: document.querySelectorAll('#out g.node').length,
                      edges: document.querySelectorAll('#out .edgePaths path, #out path.flowchart-link').length};
            } catch (error) { return {ok: false, error: String(error && error.message || error)}; }
        })()""")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def generated_graph(path, actors=60, events=90, seed=6):
    """A graph with awkward strings everywhere: quotes, backslashes, line breaks, CJK, markup, commas."""
    rnd = random.Random(seed)
    awkward = ['Quote "double" and \'single\'', "back\\slash \\n literal", "line\nbreak", "逗号，中文；名字",
               "<b>markup</b> & ampersand", "comma, separated; semi", "  leading and trailing  ", "#hash %percent {braces}",
               "end", "graph TD", "naïve café — “curly”", "tab\there"]
    kinds = ["person", "company", "fund", "government", "country", "model"]
    graph = {"title": "Generated graph: \"awkward\" <strings> & more", "sources": {}, "actors": {}, "events": {}, "relations": []}
    for s in range(3):
        graph["sources"][f"src-{s}"] = {"title": f"Source {s}: {rnd.choice(awkward)}", "published": "2025-06"}
    for n in range(actors):
        actor = {"kind": kinds[n % len(kinds)], "name": f"Actor {n} {rnd.choice(awkward)}".strip()}
        if n % 3 == 0:
            actor["names"] = {"zh-Hans": f"行动者{n}", "zh-Hant": f"行動者{n}"}
        if n % 5 == 0:
            actor["aliases"] = [f"A{n}", rnd.choice(["x, y", "quote\"d"])]
        if n % 4 == 1:
            # Lifespans around every event (2023-2025), so no event falls outside one.
            actor["since"] = ["2001", "2002-03", "2003-04-05"][n % 3]
            if n % 8 == 1:
                actor["until"] = "2030-06"

        graph["actors"][f"a{n}"] = actor
    by_kind = collections.defaultdict(list)
    for n in range(actors):
        by_kind[kinds[n % len(kinds)]].append(f"a{n}")
    orgs = by_kind["company"] + by_kind["fund"] + by_kind["government"]
    people_orgs = by_kind["person"] + orgs
    claims = ["asserted", "asserted", "reported", "claimed", "disputed", "denied", "retracted"]
    event_ids = []
    for n in range(events):
        year, month = 2023 + n % 3, 1 + n % 12
        date = [f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{1 + n % 28:02d}", f"~{year}-{month:02d}"][n % 4]
        evidence = [{"source": f"src-{n % 3}", "quote": rnd.choice(awkward)}]
        if n % 4 == 0:
            evidence.append({"source": f"src-{(n + 1) % 3}", "quote": rnd.choice(awkward), "note": rnd.choice(awkward)})
        event = {"date": date, "title": f"Event {n}: {rnd.choice(awkward)}".strip(), "claim": claims[n % len(claims)], "sources": evidence}
        if event["claim"] == "claimed":
            event["claimed_by"] = rnd.choice(people_orgs)
        shape = n % 5
        if shape == 0:
            event.update(kind="investment", investor=rnd.choice(orgs), investee=rnd.sample(orgs, 2))
            event["amount"] = {"value": 1000000 * (n + 1), "currency": "USD"}
        elif shape == 1:
            event.update(kind="acquisition", acquirer=rnd.choice(orgs), target=rnd.choice(orgs))
        elif shape == 2:
            event.update(kind="agreement", parties=rnd.sample(people_orgs, 3))
        elif shape == 3 and event_ids:
            event.update(kind="review", authority=rnd.choice(by_kind["government"]), subject=rnd.choice(event_ids))
        else:
            event.update(kind="meeting", participants=rnd.sample(people_orgs, 2))
        if n % 7 == 0:
            event.pop("date")
            event.update(start=f"{year}-{month:02d}", end=f"{year + 1}")
        graph["events"][f"e{n}"] = event
        event_ids.append(f"e{n}")
    for n in range(actors // 2):
        a, b = rnd.sample(orgs, 2)
        relation = {"kind": rnd.choice(["owns", "competes-with", "related-to"]), "from": a, "to": b}
        if n % 3 == 0:
            relation["since"] = f"{2020 + n % 5}"
            relation["sources"] = [{"source": "src-0", "quote": rnd.choice(awkward)}]
        graph["relations"].append(relation)
    for n in range(len(by_kind["person"]) // 2):
        graph["relations"].append({"kind": "leads", "from": by_kind["person"][n], "to": rnd.choice(orgs), "role": rnd.choice(awkward)})
    with open(path, "w", encoding="utf-8") as file:
        json.dump(graph, file, ensure_ascii=False, indent=1)


def export(binary, graph, format, out):
    run = subprocess.run([binary, "export", graph, "--format", format, "-o", out], capture_output=True, text=True)
    check(run.returncode == 0, f"export {format} of {graph} failed: {run.stderr.strip()}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--generated", type=int, default=0, help="also check a generated graph of N actors")
    parser.add_argument("graphs", nargs="*")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventgraph-readers-") as work:
        graphs = list(args.graphs)
        if args.generated:
            generated = os.path.join(work, "generated.json")
            generated_graph(generated, actors=args.generated, events=args.generated * 3 // 2)
            graphs.append(generated)
        with Browser() as browser:
            for index, graph in enumerate(graphs):
                label = os.path.basename(graph.rstrip("/"))
                out = os.path.join(work, f"g{index}")
                os.makedirs(out)
                run = subprocess.run([args.bin, "export", graph, "--format", "json"], capture_output=True, text=True)
                if not check(run.returncode == 0, f"{label}: json export failed: {run.stderr.strip()}"):
                    continue
                ref = Reference(json.loads(run.stdout))
                before = len(failures)
                for format in ("graphml", "gexf", "cypher", "timelinejs", "mermaid", "dot"):
                    export(args.bin, graph, format, os.path.join(out, "graph." + format))
                for format in ("neo4j-csv", "kumu"):
                    export(args.bin, graph, format, os.path.join(out, format))
                if len(failures) > before:
                    continue
                check_graphml(os.path.join(out, "graph.graphml"), ref, label)
                check_gexf(os.path.join(out, "graph.gexf"), ref, label)
                check_timelinejs(os.path.join(out, "graph.timelinejs"), ref, label)
                check_kumu(os.path.join(out, "kumu"), ref, label)
                connection = kuzu_from_neo4j_csv(os.path.join(out, "neo4j-csv"), os.path.join(out, "kuzu-csv"))
                check_kuzu_contents(connection, ref, f"{label} neo4j-csv in Kuzu", ["ROLE_A", "ROLE_E"], ["RELATION"])
                pairs, reachable = check_paths(args.bin, graph, connection, ref, label)
                cypher, statements = kuzu_from_cypher(os.path.join(out, "graph.cypher"), os.path.join(out, "kuzu-cypher"))
                relation_tables = sorted({re.sub(r"[^A-Z0-9]", "_", r["kind"].upper()) for r in ref.relations})
                check_kuzu_contents(cypher, ref, f"{label} cypher in Kuzu", ["ROLE"], relation_tables)
                mermaid = check_mermaid(os.path.join(out, "graph.mermaid"), label, browser)
                if check(mermaid.get("ok"), f"{label} mermaid: Mermaid rejected it: {mermaid.get('error')}"):
                    check(mermaid["nodes"] == len(ref.actors) + len(ref.events),
                          f"{label} mermaid: {mermaid['nodes']} nodes drawn, expected {len(ref.actors) + len(ref.events)}")
                dot = subprocess.run(["dot", "-Tcanon", os.path.join(out, "graph.dot")], capture_output=True, text=True)
                check(dot.returncode == 0, f"{label} dot: the dot command rejected it: {dot.stderr.strip()[:200]}")
                print(f"check_exports: {label}: graphml, gexf (networkx); neo4j-csv ({pairs} shortest paths, {reachable} reachable, "
                      f"agree with eventgraph path and networkx) and cypher ({statements} statements) in Kuzu; timelinejs (schema); "
                      f"kumu; mermaid ({mermaid.get('nodes')} nodes drawn by Mermaid in Chromium); dot")
            if browser.exceptions:
                failures.append(f"script errors in Chromium: {browser.exceptions[:3]}")
    if failures:
        for failure in failures[:40]:
            print(f"check_exports: FAIL: {failure}", file=sys.stderr)
        print(f"check_exports: {len(failures)} checks failed", file=sys.stderr)
        return 1
    print(f"check_exports: ok: {len(graphs)} graphs loaded by every reader")
    return 0


if __name__ == "__main__":
    sys.exit(main())
