#!/usr/bin/env python3
"""Self-test of the benchmark tools: the generated small preset is valid input (every
constraint of schema.yaml that its kinds touch), the baselines give known answers on a
hand-made graph, and the temporal searches agree with brute force on the small preset.

    benchmarks/.venv/bin/python benchmarks/selftest.py      # after generate.py --preset small

Prints 'N passed, N failed'.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import baseline  # noqa: E402
from baseline import NEG, POS, TemporalIndex  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
passed = failed = 0


def check(name: str, got, want) -> None:
    global passed, failed
    if got == want:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: got {got!r}, want {want!r}")


def ev(kind, date, **roles):
    return {"kind": kind, "date": date, "title": kind, **roles, "sources": [{"source": "s"}]}


# a - S1 - E - S2 - b is 3 links over 4 edges; a - L1 - x - L2 - b is 2 links over 4 edges:
# a min-edge search may return either; the reported length must be 2.
FIXTURE = {
    "sources": {"s": {"title": "S"}},
    "actors": {k: {"kind": "company", "name": k.upper()} for k in ("a", "b", "x", "y", "c", "d")},
    "relations": [{"kind": "owns", "from": "c", "to": "d", "since": "2020"}],
    "events": {
        "e": ev("investment", "2020-05-01", investor="y", investee="d"),
        "s1": ev("statement", "2020-04", speaker="a", about=["e"]),
        "s2": ev("statement", "2020-06-01", speaker="b", about="e"),
        "l1": ev("meeting", "2021-01-01", participants=["a", "x"]),
        "l2": ev("meeting", "2020-01-01", participants=["x", "b"]),
        "l3": ev("agreement", "2019", parties=["a", "c"]),
        "l4": ev("agreement", "2019-06-01", parties=["d", "b"]),
    },
}


def fixture_tests(tmp: str) -> None:
    path = os.path.join(tmp, "fixture.json")
    with open(path, "w") as f:
        json.dump(FIXTURE, f)
    pairs = [{"from": "a", "to": "b"}, {"from": "a", "to": "y"}]
    opts = {"k": 3, "k_pairs": None, "k_budget": 60, "temporal_mode": "start"}
    nx_res = baseline.worker_networkx(path, pairs, opts)
    ig_res = baseline.worker_igraph(path, pairs, opts)
    for name, res in (("networkx", nx_res), ("igraph", ig_res)):
        check(f"{name} a-b links", res["shortest"]["pairs"][0]["links"], 2)
        check(f"{name} a-y links", res["shortest"]["pairs"][1]["links"], 2)   # a-s1-e-y
        check(f"{name} nodes", res["nodes"], 6 + 7 + 1)
        check(f"{name} k=3 a-b", sorted(res["k_shortest"]["pairs"][0]["links"])[:1], [2])

    data = baseline.load(path)
    idx = TemporalIndex(data, "start")
    A = idx.aidx
    # a->b time-respecting, start rule: l1 (2021) then l2 (2020) is not; s1 (2020-04-01)
    # -> e (2020-05-01) -> s2 (2020-06-01) is: 3 links. Also l3 (2019-01-01) -> c -owns- d
    # (relation, any time) -> l4 (2019-06-01) -> b: 3 links, arriving 2019-06-01 (earliest).
    r = idx.fewest_links(A["a"], A["b"])
    check("fewest a-b (start)", r[0], 3)
    r = idx.earliest_arrival(A["a"], A["b"])
    check("earliest a-b (start)", dt.date.fromordinal(r[0]).isoformat(), "2019-06-01")
    # interval rule: the relation c-owns-d only from 2020 -> l4 (2019-06-01) not after it;
    # earliest is then via s1, e, s2: 2020-06-01.
    idx2 = TemporalIndex(data, "interval")
    r = idx2.earliest_arrival(A["a"], A["b"])
    check("earliest a-b (interval)", dt.date.fromordinal(r[0]).isoformat(), "2020-06-01")
    check("fewest a-b (interval)", idx2.fewest_links(A["a"], A["b"])[0], 3)
    check("fewest b-a (start)", idx.fewest_links(A["b"], A["a"])[0], 2)   # l2 (2020) then l1 (2021)
    check("fewest y-a (start)", idx.fewest_links(A["y"], A["a"]), None)   # every way back is earlier
    check("earliest y-a (start)", idx.earliest_arrival(A["y"], A["a"]), None)


def brute_layers(idx: TemporalIndex, s: int, t: int, max_links: int = 40):
    """Hop-bounded earliest arrival recomputed over ALL links in every layer (no frontier):
    returns (fewest links, final earliest arrival)."""
    n_links = len(idx.link_members)
    actor = [POS] * len(idx.actor_ids)
    link = [POS] * n_links
    actor[s] = NEG
    fewest = None
    for h in range(1, max_links + 1):
        new_link = link[:]
        for li in range(n_links):
            best = new_link[li]
            for m in idx.link_members[li]:
                if actor[m] < POS:
                    nt = idx.cross(li, actor[m])
                    if nt is not None and nt < best:
                        best = nt
            for other in idx.link_links.get(li, ()):
                if link[other] < POS:
                    nt = idx.cross(li, link[other])
                    if nt is not None and nt < best:
                        best = nt
            new_link[li] = best
        new_actor = actor[:]
        for li in range(n_links):
            if new_link[li] < POS:
                for m in idx.link_members[li]:
                    if new_link[li] < new_actor[m]:
                        new_actor[m] = new_link[li]
        if new_actor == actor and new_link == link:
            break
        actor, link = new_actor, new_link
        if fewest is None and actor[t] < POS:
            fewest = h
    return fewest, (actor[t] if actor[t] < POS else None)


# The parts of Sources/EventGraph/Resources/schema.yaml that the generator uses.
PARENT = {"company": "organization", "fund": "organization", "government": "organization",
          "institution": "organization"}
AT = ["venue", "place", "organization"]
PARTY = ["person", "organization", "country"]
EVENT_ROLES = {  # role -> (kinds, required, many)
    "investment": {"investor": (PARTY, True, True), "investee": (["organization", "program"], True, True)},
    "acquisition": {"acquirer": (["person", "organization"], True, True),
                    "target": (["organization", "artifact"], True, True)},
    "agreement": {"parties": (PARTY, True, True)},
    "statement": {"speaker": (PARTY, True, True), "at": (AT, False, False),
                  "about": (["person", "organization", "country", "artifact", "program", "place", "event"], False, True)},
    "meeting": {"participants": (PARTY, True, True), "at": (AT, False, False)},
}
RELATION_ENDS = {
    "leads": (["person"], ["organization", "program"]),
    "owns": (["person", "organization", "country"], ["organization", "artifact", "venue"]),
    "part-of": (["person", "organization", "artifact", "program", "place", "venue"],
                ["organization", "country", "program", "artifact", "place", "venue"]),
    "competes-with": (None, None),
}
ID = re.compile(r"^[a-z][a-z0-9-]*$")


def kind_ok(kind: str, allowed) -> bool:
    return allowed is None or kind in allowed or PARENT.get(kind) in allowed


def valid_date(text: str) -> bool:
    try:
        baseline.date_interval(text)
        return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text))
    except ValueError:
        return False


def validate(data: dict) -> list[str]:
    errors = []
    sources, actors, events = data["sources"], data["actors"], data["events"]
    ids = list(sources) + list(actors) + list(events)
    errors += [f"bad id {i}" for i in ids if not ID.match(i)]
    if len(set(actors) | set(events)) != len(actors) + len(events):
        errors.append("an id is both an actor and an event")
    names = [a["name"].lower() for a in actors.values()]
    if len(set(names)) != len(names):
        errors.append("two actors share a name")

    def evidence(where, pieces):
        for e in pieces:
            if e.get("source") not in sources or set(e) - {"source", "quote", "note"}:
                errors.append(f"{where}: bad evidence {e}")

    for i, rel in enumerate(data["relations"]):
        ends = RELATION_ENDS.get(rel["kind"])
        if ends is None or rel["from"] not in actors or rel["to"] not in actors or rel["from"] == rel["to"]:
            errors.append(f"relation {i}: {rel}")
            continue
        if not kind_ok(actors[rel["from"]]["kind"], ends[0]) or not kind_ok(actors[rel["to"]]["kind"], ends[1]):
            errors.append(f"relation {i}: kinds {rel}")
        for key in ("since", "until"):
            if key in rel and not valid_date(rel[key]):
                errors.append(f"relation {i}: {key}")
        evidence(f"relation {i}", rel.get("sources", []))
    for eid, ev in events.items():
        roles = EVENT_ROLES.get(ev["kind"])
        if roles is None or not valid_date(ev["date"]) or not ev.get("title") or not ev.get("sources"):
            errors.append(f"{eid}: {ev}")
            continue
        evidence(eid, ev["sources"])
        named = []
        for key, value in ev.items():
            if key in baseline.EVENT_FIELDS:
                continue
            if key not in roles:
                errors.append(f"{eid}: unknown role {key}")
                continue
            kinds, _required, many = roles[key]
            if isinstance(value, list) and not many:
                errors.append(f"{eid}: {key} takes one id")
            for x in value if isinstance(value, list) else [value]:
                if x in actors:
                    named.append(x)
                    if not kind_ok(actors[x]["kind"], kinds):
                        errors.append(f"{eid}: {key} {x} is a {actors[x]['kind']}")
                elif x not in events or "event" not in kinds:
                    errors.append(f"{eid}: {key} {x}")
        errors += [f"{eid}: missing {k}" for k, (_, req, _) in roles.items() if req and k not in ev]
        if len(set(named)) != len(named) or not 2 <= len(named) <= 4:
            errors.append(f"{eid}: participants {named}")
    return errors


def small_tests() -> None:
    data_path = os.path.join(HERE, "data", "small.json")
    if not os.path.exists(data_path):
        print("skip: benchmarks/data/small.json missing (python3 benchmarks/generate.py --preset small)")
        return
    data = baseline.load(data_path)
    errors = validate(data)
    for e in errors[:10]:
        print("invalid:", e)
    check("small.json is valid input", len(errors), 0)
    with open(os.path.join(HERE, "data", "small.queries.json")) as f:
        pairs = json.load(f)["pairs"][:6]
    for mode in ("start", "interval"):
        idx = TemporalIndex(data, mode)
        for p in pairs:
            s, t = idx.aidx[p["from"]], idx.aidx[p["to"]]
            fewest, arrival = brute_layers(idx, s, t)
            got_f = idx.fewest_links(s, t)
            got_e = idx.earliest_arrival(s, t)
            check(f"{mode} fewest {p['from']}-{p['to']}", got_f[0] if got_f else None, fewest)
            check(f"{mode} earliest {p['from']}-{p['to']}", got_e[0] if got_e else None, arrival)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fixture_tests(tmp)
    small_tests()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
