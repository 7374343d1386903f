#!/usr/bin/env python3
"""Plain-Python baseline of `eventgraph reach`: every actor an actor could have influenced by
time-respecting chains (forward: earliest arrival at each) or that could have influenced it
(reverse: latest departure from each), over the same JSON file.

Same semantics as `eventgraph reach` without options (interval mode of baseline.py: a
partial date is the interval it covers; a link is crossed on a day of its interval not before
the previous link's; relations within since…until, open sides unbounded): one Dijkstra on
time from the origin over baseline.py's TemporalIndex, without a target. Reverse runs the same
search in reversed time (day t becomes -t).

    python3 benchmarks/reach.py benchmarks/data/large.json a82734 [a164287 …] [--json]

Prints load / build / per-query times and, per origin and direction, the number of actors
reached and a checksum of (actor, day) so the Swift answer can be compared.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from baseline import NEG, POS, TemporalIndex, load  # noqa: E402

INF = 10 ** 12


def reach(idx: TemporalIndex, s: int, reverse: bool) -> dict[int, int]:
    """Earliest day (reverse: negated latest day) each actor is reached on, origin excluded."""
    # baseline.py marks open sides with NEG/POS (date ordinals are >= 1); here they become
    # -INF/INF so that time can run backwards (day t as -t).
    lo = [-INF if x == NEG else x for x in idx.lo]
    hi = [INF if x == POS else x for x in idx.hi]
    if reverse:
        lows, highs = [-h for h in hi], [-l for l in lo]
    else:
        lows, highs = lo, hi
    actor_links, link_members, link_links = idx.actor_links, idx.link_members, idx.link_links

    def cross(link: int, t: int):
        nt = lows[link] if lows[link] > t else t
        return nt if nt <= highs[link] else None

    best_actor = {s: -INF}
    best_link: dict[int, int] = {}
    heap = [(-INF, 0, s)]  # (day, 0 = actor | 1 = link, id)
    push, pop = heapq.heappush, heapq.heappop
    done: dict[int, int] = {}
    while heap:
        day, kind, x = pop(heap)
        if kind == 0:
            if best_actor[x] < day or x in done:
                continue
            done[x] = day
            for link in actor_links[x]:
                nt = lows[link] if x == s else cross(link, day)
                if nt is not None and nt <= highs[link] and nt < best_link.get(link, INF):
                    best_link[link] = nt
                    push(heap, (nt, 1, link))
        else:
            if best_link[x] < day:
                continue
            for m in link_members[x]:
                if day < best_actor.get(m, INF):
                    best_actor[m] = day
                    push(heap, (day, 0, m))
            for other in link_links.get(x, ()):
                nt = cross(other, day)
                if nt is not None and nt < best_link.get(other, INF):
                    best_link[other] = nt
                    push(heap, (nt, 1, other))
    done.pop(s, None)
    return done


def checksum(idx: TemporalIndex, reached: dict[int, int], reverse: bool) -> str:
    """sha256 of the sorted 'id day' lines (day: ordinal of the date, 'any' when unbounded)."""
    lines = []
    for a, day in reached.items():
        d = -day if reverse else day
        lines.append(f"{idx.actor_ids[a]} {'any' if abs(d) >= INF else d}")
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:12]


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path, origins = args[0], args[1:]
    t0 = time.perf_counter()
    data = load(path)
    t1 = time.perf_counter()
    idx = TemporalIndex(data, "interval")
    t2 = time.perf_counter()
    rows = []
    for origin in origins:
        s = idx.aidx[origin]
        for reverse in (False, True):
            q0 = time.perf_counter()
            reached = reach(idx, s, reverse)
            q1 = time.perf_counter()
            rows.append({"origin": origin, "direction": "reverse" if reverse else "forward", "reached": len(reached),
                         "checksum": checksum(idx, reached, reverse), "query_s": round(q1 - q0, 3)})
    result = {"tool": "plain Python", "load_s": round(t1 - t0, 3), "build_s": round(t2 - t1, 3), "queries": rows}
    if "--json" in argv:
        print(json.dumps(result, indent=2))
    else:
        print(f"plain Python: load {result['load_s']} s, build {result['build_s']} s")
        for r in rows:
            print(f"  {r['origin']} {r['direction']}: {r['reached']} actors in {r['query_s']} s (checksum {r['checksum']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
