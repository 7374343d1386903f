#!/usr/bin/env python3
"""Python baselines for EventGraph path queries: networkx, igraph and a plain-Python
temporal search, on the same data file and the same query pairs.

    bash benchmarks/setup-venv.sh
    benchmarks/.venv/bin/python benchmarks/baseline.py benchmarks/data/large.json

The queries default to the generator's sidecar (`<stem>.queries.json`). Each tool runs in
its own subprocess (sequentially, so they don't compete for the 2 cores), and reports:

  load      json.load of the file (time.perf_counter)
  build     building that tool's graph from the loaded data
  peak RSS  resource.getrusage(RUSAGE_SELF).ru_maxrss of the subprocess at its end
            (so it covers json.load + build + the queries)

The graph is the one `eventgraph path` walks (spec: cli.md, "The graph that paths walk"):
one node per actor and one per link (an event, named by its id; a relation, named
`r#<index in the relations list>`, which no real id can collide with); an edge between a
link and every actor or event named in its roles (relation: its `from` and `to`). Paths
alternate actor/link except where an event names another event, and a path's length is
its number of link nodes ("links").

Queries, per tool:

  networkx  shortest: nx.bidirectional_shortest_path (what nx.shortest_path runs for one
            unweighted pair). k-shortest: itertools.islice(nx.shortest_simple_paths(G, s, t), k)
            (Yen's algorithm, unweighted). Both minimise edges; the reported length is the
            number of link nodes. A min-edge path has at least edges/2 links and every path
            has at least that many, so when the path found alternates (links == edges/2)
            it is also a minimum-links path; otherwise (an event-to-event edge on it) the
            minimum links is recomputed exactly with a weighted search (actor-link edge 1/2,
            link-link edge 1), untimed, and reported as `links`.
  igraph    shortest: Graph.get_shortest_paths(s, to=t) (BFS) and Graph.distances(s, t),
            timed separately; same exactness rule (weighted Graph.distances when needed).
            k-shortest: Graph.get_k_shortest_paths(s, to=t, k=k) (Yen's algorithm in C).
  temporal  plain Python over the loaded JSON (no graph library); two searches per pair:
            * earliest arrival: Dijkstra on arrival time (a binary heap keyed by the time
              at which a node is reached). Start at `from` at time -inf; crossing an event
              at time t is allowed when the event's date is not before t, and then the time
              becomes the event's date; a relation is crossable at any time and keeps t.
              Result: the earliest date at which `to` is reached, and the number of links on
              the path Dijkstra found (not minimised among equally early paths).
            * fewest links: the minimum number of links on a time-respecting path (what
              `eventgraph path --temporal` ranks by). A hop-layered search: layer h holds,
              for every node reached with <= h links, the earliest time it can be reached;
              only nodes whose time improved in layer h are expanded into layer h+1; the
              first layer that reaches `to` gives the answer. Exact, because reaching a
              node earlier never loses a continuation.
            Event dates: an event's time is the START of its date interval (`2024-03` is
            2024-03-01, `2024` is 2024-01-01; `start:` for spans), and "not before" is >=,
            i.e. the non-strict rule ("start" mode). The "interval" mode instead treats a partial
            date as the interval it covers and asks whether SOME choice of times inside the
            intervals is non-decreasing (crossing at max(t, start) when that is <= the
            interval's end; a relation then only within its `since`..`until`) -- that is the
            set of paths a `possible` temporal answer admits. Both modes run by default
            (`--temporal-modes`), on one index in one subprocess.

The k-shortest searches can be slow on the large graph (igraph's above all: ~33 s a pair):
they run on the first `--k-pairs` pairs (default: every pair, but igraph only 5 on graphs of
200k+ nodes) and stop starting new pairs after `--k-budget` seconds per tool; the output says
how many pairs were run.

Output: a table on stdout and a JSON file (default benchmarks/results/baseline-<name>.json,
<name> = the data file's stem) with every measurement and every path length per pair.
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Event fields that are not roles (format.md). Everything else on an event is a role.
EVENT_FIELDS = {"kind", "date", "start", "end", "title", "amount", "status", "claim",
                "claimed_by", "date_basis", "date_note", "sources", "tags", "description",
                "note", "url"}

NEG = -1            # "before any date" (date ordinals start at 1)
POS = 10 ** 9       # "after any date"


# --------------------------------------------------------------------------- data

def load(path: str):
    with open(path, "rb") as f:
        return json.load(f)


def role_ids(event: dict):
    """Every id an event names in its roles (actors or events), in file order."""
    for key, value in event.items():
        if key in EVENT_FIELDS:
            continue
        if isinstance(value, list):
            yield from value
        elif isinstance(value, str):
            yield value


def date_interval(text: str) -> tuple[int, int]:
    """A partial date as (first day, last day) ordinals. `~` (about) is ignored."""
    s = text.lstrip("~").strip()
    if len(s) == 4:
        y = int(s)
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    if len(s) == 7:
        y, m = int(s[:4]), int(s[5:7])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1).toordinal()
        return dt.date(y, m, 1).toordinal(), nxt - 1
    d = dt.date.fromisoformat(s).toordinal()
    return d, d


def event_interval(event: dict) -> tuple[int, int]:
    if "date" in event:
        return date_interval(str(event["date"]))
    lo = date_interval(str(event["start"]))[0]
    hi = date_interval(str(event["end"]))[1] if "end" in event else POS
    return lo, hi


def relation_node(index: int) -> str:
    return f"r#{index}"


def link_count(path, actors) -> int:
    return sum(1 for node in path if node not in actors)


def rss_mib() -> float:
    # Linux reports ru_maxrss in KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def summary(times: list[float]) -> dict:
    if not times:
        return {"n": 0}
    return {"n": len(times), "mean_ms": ms(statistics.fmean(times)),
            "median_ms": ms(statistics.median(times)), "max_ms": ms(max(times)),
            "total_s": round(sum(times), 3)}


# --------------------------------------------------------------------------- workers

def k_pairs_allowed(opts: dict, n_nodes: int, n_pairs: int, tool: str) -> int:
    """--k-pairs, else every pair -- except igraph on big graphs (its Yen search runs a
    whole-graph search per spur node: ~40 s a pair on the large preset), capped at 5."""
    if opts["k_pairs"] is not None:
        return min(opts["k_pairs"], n_pairs)
    if tool == "igraph" and n_nodes >= 200_000:
        return min(5, n_pairs)
    return n_pairs


def worker_networkx(data_path: str, pairs: list[dict], opts: dict) -> dict:
    import networkx as nx

    t0 = time.perf_counter()
    data = load(data_path)
    t1 = time.perf_counter()
    actors = data.get("actors", {})
    events = data.get("events", {})
    G = nx.Graph()
    G.add_nodes_from(actors)
    G.add_nodes_from(events)
    G.add_edges_from((eid, x) for eid, ev in events.items() for x in role_ids(ev))
    for i, rel in enumerate(data.get("relations", [])):
        r = relation_node(i)
        G.add_edge(r, rel["from"])
        G.add_edge(r, rel["to"])
    t2 = time.perf_counter()
    out = {"tool": "networkx", "version": nx.__version__,
           "load_s": round(t1 - t0, 3), "build_s": round(t2 - t1, 3),
           "load_build_s": round(t2 - t0, 3), "rss_after_build_mib": round(rss_mib(), 1),
           "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}

    def exact_links(s, t):
        def weight(u, v, _d):
            return 1.0 if (u not in actors and v not in actors) else 0.5
        length, _path = nx.bidirectional_dijkstra(G, s, t, weight=weight)
        return int(round(length))

    results, times = [], []
    for p in pairs:
        s, t = p["from"], p["to"]
        t0 = time.perf_counter()
        try:
            path = nx.bidirectional_shortest_path(G, s, t)
        except nx.NetworkXNoPath:
            path = None
        times.append(time.perf_counter() - t0)
        row = {"from": s, "to": t, "ms": ms(times[-1])}
        if path is None:
            row.update(links=None)
        else:
            links = link_count(path, actors)
            edges = len(path) - 1
            row.update(links=links, edges=edges, path=path)
            if 2 * links != edges:
                row["links_of_path_found"] = links
                row["links"] = exact_links(s, t)
        results.append(row)
    out["shortest"] = {"call": "nx.bidirectional_shortest_path(G, s, t)", **summary(times),
                       "pairs": results}

    k = opts["k"]
    n_k = k_pairs_allowed(opts, G.number_of_nodes(), len(pairs), "networkx")
    results, times = [], []
    budget_start = time.perf_counter()
    for p in pairs[:n_k]:
        if time.perf_counter() - budget_start > opts["k_budget"]:
            break
        s, t = p["from"], p["to"]
        t0 = time.perf_counter()
        try:
            paths = list(itertools.islice(nx.shortest_simple_paths(G, s, t), k))
        except nx.NetworkXNoPath:
            paths = []
        times.append(time.perf_counter() - t0)
        results.append({"from": s, "to": t, "ms": ms(times[-1]),
                        "links": [link_count(q, actors) for q in paths],
                        "edges": [len(q) - 1 for q in paths]})
    out["k_shortest"] = {"call": f"islice(nx.shortest_simple_paths(G, s, t), {k})", "k": k,
                         "pairs_planned": n_k, "budget_s": opts["k_budget"],
                         **summary(times), "pairs": results}
    out["peak_rss_mib"] = round(rss_mib(), 1)
    return out


def worker_igraph(data_path: str, pairs: list[dict], opts: dict) -> dict:
    import igraph

    t0 = time.perf_counter()
    data = load(data_path)
    t1 = time.perf_counter()
    actors = data.get("actors", {})
    events = data.get("events", {})
    relations = data.get("relations", [])
    index: dict[str, int] = {}
    for aid in actors:
        index[aid] = len(index)
    n_actors = len(index)
    for eid in events:
        index[eid] = len(index)
    n_before_rel = len(index)
    edges = [(index[eid], index[x]) for eid, ev in events.items() for x in role_ids(ev)]
    for i, rel in enumerate(relations):
        r = n_before_rel + i
        edges.append((r, index[rel["from"]]))
        edges.append((r, index[rel["to"]]))
    g = igraph.Graph(n=n_before_rel + len(relations), edges=edges, directed=False)
    del edges
    t2 = time.perf_counter()
    out = {"tool": "igraph", "version": igraph.__version__,
           "load_s": round(t1 - t0, 3), "build_s": round(t2 - t1, 3),
           "load_build_s": round(t2 - t0, 3), "rss_after_build_mib": round(rss_mib(), 1),
           "nodes": g.vcount(), "edges": g.ecount()}
    names = list(index)  # vertex id -> node id (relations appended below)
    names.extend(relation_node(i) for i in range(len(relations)))

    def links_of(vpath):
        return sum(1 for v in vpath if v >= n_actors)

    weights = None

    def exact_links(s, t):
        nonlocal weights
        if weights is None:
            weights = [1.0 if (a >= n_actors and b >= n_actors) else 0.5 for a, b in g.get_edgelist()]
        d = g.distances(s, t, weights=weights)[0][0]
        return int(round(d))

    results, times, dtimes = [], [], []
    for p in pairs:
        s, t = index[p["from"]], index[p["to"]]
        t0 = time.perf_counter()
        vpath = g.get_shortest_paths(s, to=t, output="vpath")[0]
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        dist = g.distances(s, t)[0][0]
        dtimes.append(time.perf_counter() - t0)
        row = {"from": p["from"], "to": p["to"], "ms": ms(times[-1]), "distances_ms": ms(dtimes[-1])}
        if not vpath:
            row.update(links=None)
        else:
            links, n_edges = links_of(vpath), len(vpath) - 1
            row.update(links=links, edges=n_edges, distance_edges=dist,
                       path=[names[v] for v in vpath])
            if 2 * links != n_edges:
                row["links_of_path_found"] = links
                row["links"] = exact_links(s, t)
        results.append(row)
    out["shortest"] = {"call": "g.get_shortest_paths(s, to=t)", **summary(times),
                       "distances": {"call": "g.distances(s, t)", **summary(dtimes)},
                       "pairs": results}

    k = opts["k"]
    if not hasattr(g, "get_k_shortest_paths"):
        out["k_shortest"] = {"n": 0, "note": f"Graph.get_k_shortest_paths is not in python-igraph {igraph.__version__}"}
    else:
        n_k = k_pairs_allowed(opts, g.vcount(), len(pairs), "igraph")
        results, times = [], []
        budget_start = time.perf_counter()
        for p in pairs[:n_k]:
            if time.perf_counter() - budget_start > opts["k_budget"]:
                break
            s, t = index[p["from"]], index[p["to"]]
            t0 = time.perf_counter()
            paths = g.get_k_shortest_paths(s, to=t, k=k, mode="all", output="vpath")
            times.append(time.perf_counter() - t0)
            results.append({"from": p["from"], "to": p["to"], "ms": ms(times[-1]),
                            "links": [links_of(q) for q in paths],
                            "edges": [len(q) - 1 for q in paths]})
        out["k_shortest"] = {"call": f"g.get_k_shortest_paths(s, to=t, k={k})", "k": k,
                             "pairs_planned": n_k, "budget_s": opts["k_budget"],
                             **summary(times), "pairs": results}
    out["peak_rss_mib"] = round(rss_mib(), 1)
    return out


class TemporalIndex:
    """Actors and links as ints, with each link's time window, for the temporal searches."""

    def __init__(self, data: dict, mode: str):
        self.mode = mode
        actors = data.get("actors", {})
        events = data.get("events", {})
        relations = data.get("relations", [])
        self.actor_ids = list(actors)
        aidx = {a: i for i, a in enumerate(self.actor_ids)}
        eidx = {e: i for i, e in enumerate(events)}
        self.aidx = aidx
        n_links = len(events) + len(relations)
        self.actor_links: list[list[int]] = [[] for _ in self.actor_ids]
        self.link_members: list[tuple[int, ...]] = []
        self.link_links: dict[int, list[int]] = {}   # event <-> event edges (rare)
        self.lo = [0] * n_links
        self.hi = [0] * n_links
        self.is_relation = bytearray(n_links)
        for li, (eid, ev) in enumerate(events.items()):
            self.lo[li], self.hi[li] = event_interval(ev)
            members = []
            for x in role_ids(ev):
                a = aidx.get(x)
                if a is not None:
                    if a not in members:
                        members.append(a)
                        self.actor_links[a].append(li)
                else:
                    other = eidx[x]
                    self.link_links.setdefault(li, []).append(other)
                    self.link_links.setdefault(other, []).append(li)
            self.link_members.append(tuple(members))
        base = len(events)
        for i, rel in enumerate(relations):
            li = base + i
            self.is_relation[li] = 1
            self.lo[li] = date_interval(str(rel["since"]))[0] if "since" in rel else NEG
            self.hi[li] = date_interval(str(rel["until"]))[1] if "until" in rel else POS
            a, b = aidx[rel["from"]], aidx[rel["to"]]
            self.link_members.append((a, b))
            self.actor_links[a].append(li)
            self.actor_links[b].append(li)

    def cross(self, link: int, t: int):
        """The time after crossing `link` when arriving at time t, or None if not allowed."""
        if self.mode == "start":
            if self.is_relation[link]:
                return t
            lo = self.lo[link]
            return lo if lo >= t else None
        nt = self.lo[link] if self.lo[link] > t else t
        return nt if nt <= self.hi[link] else None

    def earliest_arrival(self, s: int, t: int):
        """Dijkstra on arrival time. Returns (time, links on the path found) or None."""
        cross = self.cross
        actor_links, link_members, link_links = self.actor_links, self.link_members, self.link_links
        best_actor = {s: NEG}
        best_link: dict[int, int] = {}
        heap = [(NEG, 0, 0, s)]  # (time, links so far, 0 = actor | 1 = link, id)
        push, pop = heapq.heappush, heapq.heappop
        while heap:
            time_, hops, kind, x = pop(heap)
            if kind == 0:
                if best_actor[x] < time_:
                    continue
                if x == t:
                    return time_, hops
                for link in actor_links[x]:
                    nt = cross(link, time_)
                    if nt is not None and nt < best_link.get(link, POS):
                        best_link[link] = nt
                        push(heap, (nt, hops + 1, 1, link))
            else:
                if best_link[x] < time_:
                    continue
                for m in link_members[x]:
                    if time_ < best_actor.get(m, POS):
                        best_actor[m] = time_
                        push(heap, (time_, hops, 0, m))
                for other in link_links.get(x, ()):
                    nt = cross(other, time_)
                    if nt is not None and nt < best_link.get(other, POS):
                        best_link[other] = nt
                        push(heap, (nt, hops + 1, 1, other))
        return None

    def fewest_links(self, s: int, t: int, max_links: int = 1000):
        """Hop-layered earliest arrival. Returns (links, earliest time with that many) or None."""
        cross = self.cross
        actor_links, link_members, link_links = self.actor_links, self.link_members, self.link_links
        best_actor = {s: NEG}
        best_link: dict[int, int] = {}
        frontier_actors = [s]
        frontier_links: list[int] = []
        for hops in range(1, max_links + 1):
            layer: dict[int, int] = {}
            for a in frontier_actors:
                ta = best_actor[a]
                for link in actor_links[a]:
                    nt = cross(link, ta)
                    if nt is not None and nt < best_link.get(link, POS) and nt < layer.get(link, POS):
                        layer[link] = nt
            for link in frontier_links:
                tl = best_link[link]
                for other in link_links.get(link, ()):
                    nt = cross(other, tl)
                    if nt is not None and nt < best_link.get(other, POS) and nt < layer.get(other, POS):
                        layer[other] = nt
            if not layer:
                return None
            improved: dict[int, None] = {}
            for link, nt in layer.items():
                best_link[link] = nt
                for m in link_members[link]:
                    if nt < best_actor.get(m, POS):
                        best_actor[m] = nt
                        improved[m] = None
            if t in improved:
                return hops, best_actor[t]
            frontier_actors = list(improved)
            frontier_links = list(layer)
        return None


def worker_temporal(data_path: str, pairs: list[dict], opts: dict) -> dict:
    t0 = time.perf_counter()
    data = load(data_path)
    t1 = time.perf_counter()
    idx = TemporalIndex(data, opts["temporal_modes"][0])
    t2 = time.perf_counter()
    out = {"tool": "temporal", "version": f"Python {platform.python_version()}",
           "load_s": round(t1 - t0, 3), "build_s": round(t2 - t1, 3),
           "load_build_s": round(t2 - t0, 3), "rss_after_build_mib": round(rss_mib(), 1),
           "nodes": len(idx.actor_ids) + len(idx.link_members),
           "edges": sum(len(m) for m in idx.link_members) + sum(len(v) for v in idx.link_links.values()) // 2}

    def day(o):
        return None if o in (NEG, POS) else dt.date.fromordinal(o).isoformat()

    out["modes"] = {}
    for mode in opts["temporal_modes"]:
        idx.mode = mode
        out["modes"][mode] = temporal_queries(idx, pairs, day)
    out["peak_rss_mib"] = round(rss_mib(), 1)
    return out


def temporal_queries(idx: TemporalIndex, pairs: list[dict], day) -> dict:
    ea, ea_times, fl, fl_times = [], [], [], []
    for p in pairs:
        s, t = idx.aidx[p["from"]], idx.aidx[p["to"]]
        t0 = time.perf_counter()
        r = idx.earliest_arrival(s, t)
        ea_times.append(time.perf_counter() - t0)
        ea.append({"from": p["from"], "to": p["to"], "ms": ms(ea_times[-1]),
                   "arrival": day(r[0]) if r else None, "links": r[1] if r else None,
                   "reachable": r is not None,
                   # reached before any dated link: a path of undated relations only
                   "relations_only": bool(r and r[0] == NEG)})
        t0 = time.perf_counter()
        r = idx.fewest_links(s, t)
        fl_times.append(time.perf_counter() - t0)
        fl.append({"from": p["from"], "to": p["to"], "ms": ms(fl_times[-1]),
                   "links": r[0] if r else None, "arrival": day(r[1]) if r else None})
    return {"earliest_arrival": {"algorithm": "Dijkstra on arrival time (binary heap)",
                                 **summary(ea_times), "pairs": ea},
            "fewest_links": {"algorithm": "hop-layered earliest arrival (first layer reaching the target)",
                             **summary(fl_times), "pairs": fl}}


WORKERS = {"networkx": worker_networkx, "igraph": worker_igraph, "temporal": worker_temporal}


# --------------------------------------------------------------------------- driver

def run_worker(tool: str, data: str, queries: str, opts: dict) -> dict:
    with tempfile.NamedTemporaryFile("w+", suffix=".json", delete=False) as f:
        out_path = f.name
    try:
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", tool,
               "--worker-out", out_path, "--worker-opts", json.dumps(opts), data, "--queries", queries]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            return {"tool": tool, "error": f"worker exited with {proc.returncode}", "wall_s": round(wall, 1)}
        with open(out_path, encoding="utf-8") as f:
            res = json.load(f)
        res["wall_s"] = round(wall, 1)
        return res
    finally:
        os.unlink(out_path)


def fmt(x, digits=1):
    if x is None:
        return "-"
    return f"{x:.{digits}f}" if isinstance(x, float) else str(x)


def print_report(res: dict) -> None:
    tools = res["tools"]
    n_pairs = len(res["pairs"])
    print(f"\n## {res['name']}: {res['data']} ({res['data_bytes'] / 1e6:.1f} MB), "
          f"{n_pairs} query pairs, {res['date']}, {res['machine']['cores']} cores\n")
    print("| tool | load+build s | load / build s | peak RSS MiB | shortest mean ms "
          "| k=5 mean ms (pairs) | temporal earliest-arrival mean ms | temporal fewest-links mean ms |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ("networkx", "igraph", "temporal"):
        r = tools.get(name)
        if not r:
            continue
        if "error" in r:
            print(f"| {name} | error: {r['error']} | | | | | | |")
            continue
        common = (f"{r['load_build_s']:.2f} | {r['load_s']:.2f} / {r['build_s']:.2f} | "
                  f"{r['peak_rss_mib']:.0f}")
        if name == "temporal":
            for mode, m in r["modes"].items():
                print(f"| plain Python, temporal ({mode}) | {common} | - | - | "
                      f"{fmt(m['earliest_arrival'].get('mean_ms'))} | {fmt(m['fewest_links'].get('mean_ms'))} |")
            continue
        label = f"networkx {r['version']}" if name == "networkx" else f"python-igraph {r['version']}"
        ks = r.get("k_shortest", {})
        kcell = f"{fmt(ks['mean_ms'])} ({ks['n']}/{n_pairs})" if ks.get("n") else ("n/a" if "note" in ks else "-")
        print(f"| {label} | {common} | {fmt(r['shortest'].get('mean_ms'), 2)} | {kcell} | - | - |")

    def by_pair(section_of):
        return {(p["from"], p["to"]): p for p in (section_of or {}).get("pairs", [])}
    nx_r, ig_r, tm_r = tools.get("networkx", {}), tools.get("igraph", {}), tools.get("temporal", {})
    nx_sp, ig_sp = by_pair(nx_r.get("shortest")), by_pair(ig_r.get("shortest"))
    nx_k, ig_k = by_pair(nx_r.get("k_shortest")), by_pair(ig_r.get("k_shortest"))
    modes = list(tm_r.get("modes", {}))
    ea = {m: by_pair(tm_r["modes"][m]["earliest_arrival"]) for m in modes}
    fl = {m: by_pair(tm_r["modes"][m]["fewest_links"]) for m in modes}

    print("\nPath lengths in links. k=5: the lengths of the 5 shortest simple paths. "
          "Temporal, per mode: earliest arrival date (links on the path Dijkstra found; "
          "'any' = reached by undated relations only) and the fewest links on a time-respecting path.\n")
    head = "| from | to | shortest nx | shortest ig | k=5 nx | k=5 ig |"
    for m in modes:
        head += f" earliest arrival ({m}) | fewest links ({m}) |"
    print(head)
    print("|---" * (6 + 2 * len(modes)) + "|")
    mismatches = 0
    for p in res["pairs"]:
        key = (p["from"], p["to"])
        a, b = nx_sp.get(key, {}).get("links"), ig_sp.get(key, {}).get("links")
        if key in nx_sp and key in ig_sp and a != b:
            mismatches += 1
        kn, ki = nx_k.get(key, {}).get("links"), ig_k.get(key, {}).get("links")
        line = (f"| {p['from']} | {p['to']} | {fmt(a)} | {fmt(b)} | "
                f"{','.join(map(str, kn)) if kn else '-'} | {','.join(map(str, ki)) if ki else '-'} |")
        for m in modes:
            e, f = ea[m].get(key), fl[m].get(key)
            if not e:
                ecell = "-"
            elif not e["reachable"]:
                ecell = "unreachable"
            else:
                ecell = f"{'any' if e.get('relations_only') else e['arrival']} ({e['links']})"
            fcell = "-" if not f else (f["links"] if f["links"] is not None else "unreachable")
            line += f" {ecell} | {fcell} |"
        print(line)
    if nx_sp and ig_sp:
        print(f"\nshortest lengths: networkx and igraph "
              f"{'agree on every pair' if not mismatches else f'DISAGREE on {mismatches} pairs'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("data", help="graph JSON file from benchmarks/generate.py (or any EventGraph JSON file)")
    ap.add_argument("--queries", help="query pairs JSON (default: <stem>.queries.json next to the data)")
    ap.add_argument("--tools", default="networkx,igraph,temporal",
                    help="comma-separated subset of networkx,igraph,temporal")
    ap.add_argument("--k", type=int, default=5, help="k for the k-shortest paths (default 5)")
    ap.add_argument("--k-pairs", type=int, default=None,
                    help="number of pairs for k-shortest (default: all; igraph: 5 on graphs of 200k+ nodes)")
    ap.add_argument("--k-budget", type=float, default=300.0,
                    help="seconds per tool after which no new k-shortest pair is started (default 300)")
    ap.add_argument("--temporal-modes", default="start,interval",
                    help="comma-separated: start (an event's time is its date's first day; relations "
                         "at any time) and/or interval (partial dates are intervals; relations only "
                         "within since..until); default both")
    ap.add_argument("--name", help="result name (default: the data file's stem)")
    ap.add_argument("-o", "--output", help="result JSON (default benchmarks/results/baseline-<name>.json)")
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", help=argparse.SUPPRESS)
    ap.add_argument("--worker-opts", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    data = os.path.abspath(args.data)
    stem = data[:-5] if data.endswith(".json") else data
    queries = os.path.abspath(args.queries or stem + ".queries.json")
    with open(queries, encoding="utf-8") as f:
        pairs = json.load(f)["pairs"]

    if args.worker:
        res = WORKERS[args.worker](data, pairs, json.loads(args.worker_opts))
        with open(args.worker_out, "w", encoding="utf-8") as f:
            json.dump(res, f)
        return 0

    opts = {"k": args.k, "k_pairs": args.k_pairs, "k_budget": args.k_budget,
            "temporal_modes": [m.strip() for m in args.temporal_modes.split(",") if m.strip()]}
    for m in opts["temporal_modes"]:
        if m not in ("start", "interval"):
            ap.error(f"unknown temporal mode {m!r}")
    name = args.name or os.path.basename(stem)
    res = {"name": name, "data": os.path.relpath(data), "data_bytes": os.path.getsize(data),
           "queries": os.path.relpath(queries),
           "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "machine": {"cores": os.cpu_count(), "platform": platform.platform(),
                       "python": platform.python_version()},
           "options": opts, "pairs": pairs, "tools": {}}
    for tool in [t.strip() for t in args.tools.split(",") if t.strip()]:
        if tool not in WORKERS:
            ap.error(f"unknown tool {tool!r}")
        print(f"running {tool} on {res['data']} ...", file=sys.stderr, flush=True)
        res["tools"][tool] = run_worker(tool, data, queries, opts)
        r = res["tools"][tool]
        if "error" in r:
            print(f"  {tool}: {r['error']}", file=sys.stderr)
        else:
            print(f"  {tool}: load+build {r['load_build_s']} s, peak RSS {r['peak_rss_mib']:.0f} MiB, "
                  f"wall {r['wall_s']} s", file=sys.stderr, flush=True)

    out = args.output or os.path.join(HERE, "results", f"baseline-{name}.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1)
        f.write("\n")
    print_report(res)
    print(f"\nwrote {os.path.relpath(out)}")
    return 0 if all("error" not in r for r in res["tools"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
