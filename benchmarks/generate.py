#!/usr/bin/env python3
"""Deterministic synthetic EventGraph data for benchmarks.

    python3 benchmarks/generate.py --preset small            # -> benchmarks/data/small.json
    python3 benchmarks/generate.py --preset large            # -> benchmarks/data/large.json
    python3 benchmarks/generate.py --actors 200000 --events 1000000 --relations 200000 \
        --seed 42 -o benchmarks/data/large.json

Writes one JSON graph file in the EventGraph input format (the project's format spec, format.md;
same structure as the YAML form) and a sidecar `<stem>.queries.json` next to it with ~20
(from, to) actor pairs that every benchmark answers. Same arguments + same seed -> the
same bytes (only `random.Random.random()` is used, and nothing iterates a set or a hash).

The file is written as it is generated (one entity per line); only per-actor arrays
(kind, name, popularity rank, a union-find parent) are kept in memory.

What is generated (all of it valid against Sources/EventGraph/Resources/schema.yaml):

  actors     company 72% | person 15% | fund 8% | government 5%
  relations  leads (person -> company)          15%, optional `role`
             owns (fund|company|person|government -> company) 30%
             part-of (company -> company)       25%
             competes-with (company - company)  30%  (undirected)
             `since` on 70% (YYYY or YYYY-MM), `until` on 10% of those; `sources` on 30%
  events     investment  investor -> investee   30%  (investor: a fund 40%, else any actor;
                                                     investee: company|fund|government), amount 20%
             acquisition acquirer -> target     10%  (company|person -> company), status 50%, amount 20%
             agreement   parties                20%
             statement   speaker -> about       20%  (0.3% of them also name an earlier event
                                                     in `about`: a link-to-link edge)
             meeting     participants (+ `at`)  20%  (`at` an organization, 15%)
  participants per event: 2 (60%), 3 (28%), 4 (12%), all distinct
  dates      2015-01-01 .. 2025-12-31 uniform; YYYY-MM-DD 88%, YYYY-MM 10%, YYYY 2%
  evidence   1 (92%) or 2 pieces per event; 31% of pieces carry a quote of ~30 bytes
             (10% of quotes in Chinese); quote share/length are the knobs for the file size

Participants are drawn with a skewed ("preferential") choice: a fixed random popularity
ranking of the actors, and each draw is, with probability 0.6, the actor at rank
floor(n * u^2.2) of the role's pool (u uniform in [0,1)), otherwise uniform over the pool.
This gives a heavy-tailed degree distribution (a few hubs with thousands of links) while
nearly every actor has a few links, so random pairs are almost always connected.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time

PRESETS = {
    "small": dict(actors=2_000, events=10_000, relations=2_000),
    "large": dict(actors=200_000, events=1_000_000, relations=200_000),
}

PREFERENTIAL_SHARE = 0.6   # share of draws that follow the popularity ranking
PREFERENTIAL_EXPONENT = 2.2
QUERY_PAIRS = 20
QUOTE_CHARS = 30    # mean quote length in bytes
QUOTE_SHARE = 0.31  # share of evidence pieces with a quote; with QUOTE_CHARS: large preset ~212 MB
SEP = (",", ":")  # compact JSON inside each line; one entity per line

FIRST_DAY = dt.date(2015, 1, 1).toordinal()
LAST_DAY = dt.date(2025, 12, 31).toordinal()

STEMS = ("Nor", "Vel", "Kai", "Ast", "Quor", "Lum", "Zen", "Tera", "Ori", "Hal", "Syn", "Vox",
         "Cor", "Meri", "Pax", "Sol", "Tri", "Ultra", "Neo", "Aur", "Bel", "Cyr", "Dex", "Eon")
ENDS = ("vex", "ion", "ara", "is", "on", "ix", "ent", "os", "yn", "ora", "ium", "ite")
COMPANY_TYPES = ("Labs", "Systems", "Technologies", "Semiconductor", "AI", "Robotics",
                 "Networks", "Holdings", "Cloud", "Dynamics", "Devices", "Software")
FUND_TYPES = ("Capital", "Ventures", "Partners", "Fund", "Investment Group")
GOV_TYPES = ("Ministry of Industry", "Trade Commission", "Regulatory Office",
             "Science Agency", "Development Bureau", "Export Control Office")
FIRST_NAMES = ("Wei", "Anna", "Rajesh", "Maria", "Kenji", "Liang", "Sofia", "David", "Mei",
               "Omar", "Elena", "Jun", "Priya", "Lucas", "Hana", "Tomas", "Yuki", "Ahmed")
LAST_NAMES = ("Chen", "Smith", "Kumar", "Garcia", "Tanaka", "Wang", "Rossi", "Kim", "Li",
              "Haddad", "Novak", "Zhang", "Patel", "Silva", "Sato", "Dubois", "Ivanova")
PUBLISHERS = ("Reuters", "Caixin", "Nikkei Asia", "Bloomberg", "The Information", "36Kr",
              "Financial Times", "South China Morning Post", "TechCrunch", "NetEase")
WORDS = ("the", "company", "said", "on", "in", "a", "statement", "that", "it", "would",
         "invest", "billion", "dollars", "over", "next", "three", "years", "according", "to",
         "people", "familiar", "with", "the", "matter", "deal", "was", "announced", "after",
         "regulators", "approved", "chips", "models", "data", "centers", "capacity", "export",
         "controls", "market", "share", "revenue", "growth", "partnership", "agreement",
         "signed", "officials", "confirmed", "talks", "between", "two", "sides", "continued",
         "new", "funding", "round", "valued", "at", "startup", "founded", "by", "former")
CJK = "公司表示将在未来三年内投资数十亿美元据知情人士透露该交易已获监管机构批准芯片模型数据中心出口管制市场份额收入增长合作协议签署官员确认双方会谈继续新一轮融资估值初创企业创始人"
CURRENCIES = ("USD", "USD", "USD", "CNY", "EUR", "JPY")
LEAD_ROLES = ("CEO", "Chair", "President", "Founder & CEO", "CTO")
STATUSES = ("announced", "completed", "completed", "blocked", "under-review")


class Generator:
    def __init__(self, actors: int, events: int, relations: int, seed: int,
                 quote_chars: int, quote_share: float):
        self.n_actors, self.n_events, self.n_relations = actors, events, relations
        self.seed = seed
        self.quote_chars = quote_chars
        self.quote_share = quote_share
        self.rng = random.Random(seed)
        self.rand = self.rng.random
        self.n_sources = max(20, events // 200)

    # -- random helpers (only rng.random(), so output is stable across Python versions) --
    def below(self, n: int) -> int:
        return int(self.rand() * n)

    def pick(self, seq):
        return seq[int(self.rand() * len(seq))]

    def draw(self, pool: list[int]) -> int:
        """A skewed draw from `pool` (actor indices sorted by popularity rank)."""
        n = len(pool)
        if self.rand() < PREFERENTIAL_SHARE:
            return pool[int(n * self.rand() ** PREFERENTIAL_EXPONENT)]
        return pool[int(self.rand() * n)]

    def draw_distinct(self, pool: list[int], count: int, taken: list[int]) -> list[int]:
        out: list[int] = []
        tries = 0
        while len(out) < count:
            a = self.draw(pool) if tries < 20 else pool[self.below(len(pool))]
            tries += 1
            if tries > 100_000:
                raise RuntimeError("actor pool too small for the requested participants; use more actors")
            if a not in taken and a not in out:
                out.append(a)
        return out

    def date(self) -> str:
        d = dt.date.fromordinal(FIRST_DAY + self.below(LAST_DAY - FIRST_DAY + 1))
        r = self.rand()
        if r < 0.88:
            return d.isoformat()
        if r < 0.98:
            return f"{d.year:04d}-{d.month:02d}"
        return f"{d.year:04d}"

    def quote(self) -> str:
        """A quote of about `quote_chars` bytes (uniform in [0.5, 1.5] x the mean)."""
        target = max(8, int(self.quote_chars * (0.5 + self.rand())))
        if self.rand() < 0.10:  # Chinese: 3 bytes per character in UTF-8
            n = max(3, target // 3)
            start = self.below(len(CJK) - n) if n < len(CJK) else 0
            return CJK[start:start + n]
        words = [self.pick(WORDS)]
        length = len(words[0])
        while length < target:
            word = self.pick(WORDS)
            words.append(word)
            length += 1 + len(word)
        return " ".join(words)

    def evidence(self) -> list[dict]:
        count = 1 if self.rand() < 0.92 else 2
        out = []
        for _ in range(count):
            piece = {"source": f"src-{1 + self.below(self.n_sources)}"}
            if self.rand() < self.quote_share:
                piece["quote"] = self.quote()
            out.append(piece)
        return out

    # -- union-find over actors, used only to choose connected query pairs --
    def find(self, a: int) -> int:
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(self, members: list[int]) -> None:
        r0 = self.find(members[0])
        for m in members[1:]:
            r = self.find(m)
            if r != r0:
                self.parent[r] = r0

    # -- the file --
    def write(self, out) -> dict:
        rng = self
        w = out.write
        dumps = json.dumps
        na = self.n_actors

        w("{\n")
        w(f'"title": {dumps(f"Synthetic EventGraph benchmark ({na} actors, {self.n_events} events, {self.n_relations} relations, seed {self.seed})")},\n')
        w('"description": "Generated by benchmarks/generate.py; deterministic for a given seed.",\n')

        # sources
        w('"sources": {\n')
        for i in range(1, self.n_sources + 1):
            d = self.date()
            src = {"title": f"Source {i}: industry report {d[:4]}",
                   "publisher": self.pick(PUBLISHERS), "published": d[:7]}
            w(f'"src-{i}": {dumps(src, ensure_ascii=False, separators=SEP)}' + (",\n" if i < self.n_sources else "\n"))
        w("},\n")

        # actors: kinds, names, popularity ranking
        kinds = []
        names = []
        short = []  # a short form of the name, used in event titles
        for i in range(na):
            r = self.rand()
            if r < 0.72:
                kind = "company"
                stem = f"{self.pick(STEMS)}{self.pick(ENDS)}"
                name = f"{stem} {self.pick(COMPANY_TYPES)} {i}"
            elif r < 0.87:
                kind = "person"
                stem = self.pick(LAST_NAMES)
                name = f"{self.pick(FIRST_NAMES)} {stem} {i}"
            elif r < 0.95:
                kind = "fund"
                stem = f"{self.pick(STEMS)}{self.pick(ENDS)}"
                name = f"{stem} {self.pick(FUND_TYPES)} {i}"
            else:
                kind = "government"
                stem = self.pick(GOV_TYPES)
                name = f"{stem} {i}"
            kinds.append(kind)
            names.append(name)
            short.append(stem)
        # every pool is non-empty even for small graphs: a0..a3 take one kind each
        for idx, kind in enumerate(("company", "person", "fund", "government")):
            if kinds[idx] != kind:
                kinds[idx] = kind
                short[idx] = {"company": "Anchor", "person": "Anchor", "fund": "Anchor",
                              "government": "Anchor Ministry"}[kind]
                names[idx] = {"company": "Anchor Systems", "person": "Ada Anchor",
                              "fund": "Anchor Capital", "government": "Anchor Ministry"}[kind] + f" {idx}"
        w('"actors": {\n')
        for i in range(na):
            actor = {"kind": kinds[i], "name": names[i]}
            if self.rand() < 0.3:
                actor["country"] = self.pick(("US", "CN", "JP", "DE", "FR", "GB", "KR", "IN", "TW", "SG"))
            w(f'"a{i}": {dumps(actor, ensure_ascii=False, separators=SEP)}' + (",\n" if i < na - 1 else "\n"))
        w("},\n")

        # popularity ranking: a seeded Fisher-Yates shuffle of the actors
        order = list(range(na))
        for i in range(na - 1, 0, -1):
            j = self.below(i + 1)
            order[i], order[j] = order[j], order[i]
        pool_all = order
        pool_company = [a for a in order if kinds[a] == "company"]
        pool_person = [a for a in order if kinds[a] == "person"]
        pool_fund = [a for a in order if kinds[a] == "fund"]
        pool_org = [a for a in order if kinds[a] != "person"]
        pool_owner = [a for a in order if kinds[a] in ("fund", "company")]

        self.parent = list(range(na))
        degree = [0] * na

        def ids(members: list[int]):
            return f"a{members[0]}" if len(members) == 1 else [f"a{m}" for m in members]

        # relations
        w('"relations": [\n')
        for i in range(self.n_relations):
            r = self.rand()
            rel: dict = {}
            if r < 0.15:
                a = self.draw(pool_person)
                b = self.draw(pool_company)
                rel = {"kind": "leads", "from": f"a{a}", "to": f"a{b}"}
                if self.rand() < 0.5:
                    rel["role"] = self.pick(LEAD_ROLES)
            elif r < 0.45:
                a = self.draw(pool_owner) if self.rand() < 0.85 else self.draw(pool_all)
                b = self.draw_distinct(pool_company, 1, [a])[0]
                rel = {"kind": "owns", "from": f"a{a}", "to": f"a{b}"}
            elif r < 0.70:
                a = self.draw(pool_company)
                b = self.draw_distinct(pool_company, 1, [a])[0]
                rel = {"kind": "part-of", "from": f"a{a}", "to": f"a{b}"}
            else:
                a = self.draw(pool_company)
                b = self.draw_distinct(pool_company, 1, [a])[0]
                rel = {"kind": "competes-with", "from": f"a{a}", "to": f"a{b}"}
            if self.rand() < 0.7:
                since = self.date()
                since = since[:7] if self.rand() < 0.5 else since[:4]
                rel["since"] = since
                if self.rand() < 0.1:
                    year = int(since[:4]) + 1 + self.below(4)
                    rel["until"] = str(year)
            if self.rand() < 0.3:
                rel["sources"] = self.evidence()
            degree[a] += 1
            degree[b] += 1
            self.union([a, b])
            w(dumps(rel, ensure_ascii=False, separators=SEP) + (",\n" if i < self.n_relations - 1 else "\n"))
        w("],\n")

        # events
        w('"events": {\n')
        event_refs = 0
        for i in range(self.n_events):
            r = self.rand()
            p = self.rand()
            n = 2 if p < 0.60 else (3 if p < 0.88 else 4)
            date = self.date()
            ev: dict = {}
            if r < 0.30:
                k = 1 if n == 2 or self.rand() < 0.7 else 2
                src = self.draw_distinct(pool_fund if self.rand() < 0.4 and len(pool_fund) >= 4 else pool_all, k, [])
                dst = self.draw_distinct(pool_org, n - k, src)
                members = src + dst
                ev = {"kind": "investment", "date": date,
                      "title": f"{short[src[0]]} invests in {short[dst[0]]}",
                      "investor": ids(src), "investee": ids(dst)}
                if self.rand() < 0.2:
                    ev["amount"] = {"value": (1 + self.below(999)) * 10 ** (5 + self.below(4)),
                                    "currency": self.pick(CURRENCIES)}
            elif r < 0.40:
                k = 1 if n == 2 or self.rand() < 0.8 else 2
                src = self.draw_distinct(pool_company if self.rand() < 0.9 or len(pool_person) < 4 else pool_person, k, [])
                dst = self.draw_distinct(pool_company, n - k, src)
                members = src + dst
                ev = {"kind": "acquisition", "date": date,
                      "title": f"{short[src[0]]} acquires {short[dst[0]]}",
                      "acquirer": ids(src), "target": ids(dst)}
                if self.rand() < 0.2:
                    ev["amount"] = {"value": (1 + self.below(999)) * 10 ** (6 + self.below(4)),
                                    "currency": self.pick(CURRENCIES)}
                if self.rand() < 0.5:
                    ev["status"] = self.pick(STATUSES)
            elif r < 0.60:
                members = self.draw_distinct(pool_all, n, [])
                ev = {"kind": "agreement", "date": date,
                      "title": f"{short[members[0]]} and {short[members[1]]} agree",
                      "parties": [f"a{m}" for m in members]}
            elif r < 0.80:
                k = 1 if n == 2 or self.rand() < 0.8 else 2
                src = self.draw_distinct(pool_all, k, [])
                dst = self.draw_distinct(pool_all, n - k, src)
                members = src + dst
                about = [f"a{m}" for m in dst]
                if i > 0 and self.rand() < 0.003:
                    about.append(f"e{self.below(i)}")
                    event_refs += 1
                ev = {"kind": "statement", "date": date,
                      "title": f"{short[src[0]]} on {short[dst[0]]}",
                      "speaker": ids(src), "about": about[0] if len(about) == 1 else about}
            else:
                at = None
                if self.rand() < 0.15:
                    at = self.draw(pool_org)
                    members = self.draw_distinct(pool_all, n - 1, [at])
                else:
                    members = self.draw_distinct(pool_all, n, [])
                ev = {"kind": "meeting", "date": date,
                      "title": f"{short[members[0]]} meets {short[members[1]] if len(members) > 1 else short[at]}",
                      "participants": [f"a{m}" for m in members]}
                if at is not None:
                    ev["at"] = f"a{at}"
                    members = members + [at]
            ev["sources"] = self.evidence()
            for m in members:
                degree[m] += 1
            self.union(members)
            w(f'"e{i}": {dumps(ev, ensure_ascii=False, separators=SEP)}' + (",\n" if i < self.n_events - 1 else "\n"))
        w("}\n}\n")

        return self.choose_queries(pool_all, degree, event_refs)

    def choose_queries(self, pool_all: list[int], degree: list[int], event_refs: int) -> dict:
        """~20 connected (from, to) pairs: uniform, popularity-weighted and mixed draws."""
        na = self.n_actors
        roots = [self.find(a) for a in range(na)]
        counts: dict[int, int] = {}
        for r in roots:
            counts[r] = counts.get(r, 0) + 1
        giant = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
        pairs = []
        seen = []
        how_list = ["uniform"] * 10 + ["popular"] * 5 + ["mixed"] * 5
        for how in how_list[:QUERY_PAIRS]:
            for _ in range(10_000):
                if how == "uniform":
                    s, t = self.below(na), self.below(na)
                elif how == "popular":
                    s, t = self.draw(pool_all), self.draw(pool_all)
                else:
                    s, t = self.draw(pool_all), self.below(na)
                if s != t and roots[s] == roots[t] and (s, t) not in seen and degree[s] and degree[t]:
                    break
            seen.append((s, t))
            pairs.append({"from": f"a{s}", "to": f"a{t}", "how": how,
                          "degree_from": degree[s], "degree_to": degree[t]})
        sorted_deg = sorted(degree)
        stats = {
            "actors": na, "events": self.n_events, "relations": self.n_relations,
            "sources": self.n_sources, "event_to_event_refs": event_refs,
            "components": len(counts), "largest_component_actors": giant[1],
            "isolated_actors": sum(1 for d in degree if d == 0),
            "degree": {"max": sorted_deg[-1], "p99": sorted_deg[int(0.99 * (na - 1))],
                       "p90": sorted_deg[int(0.90 * (na - 1))],
                       "median": sorted_deg[(na - 1) // 2], "min": sorted_deg[0],
                       "mean": round(sum(degree) / na, 2)},
        }
        return {"pairs": pairs, "stats": stats}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", choices=sorted(PRESETS),
                    help="small = 2k actors / 10k events / 2k relations; "
                         "large = 200k / 1M / 200k (~212 MB)")
    ap.add_argument("--actors", type=int)
    ap.add_argument("--events", type=int)
    ap.add_argument("--relations", type=int)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--quote-chars", type=int, default=QUOTE_CHARS,
                    help=f"mean length of an evidence quote in bytes (tunes the file size; default {QUOTE_CHARS})")
    ap.add_argument("--quote-share", type=float, default=QUOTE_SHARE,
                    help=f"share of evidence pieces that carry a quote (default {QUOTE_SHARE})")
    ap.add_argument("-o", "--output",
                    help="output JSON file (default benchmarks/data/<preset>.json)")
    args = ap.parse_args(argv)

    sizes = dict(PRESETS[args.preset]) if args.preset else {}
    for key in ("actors", "events", "relations"):
        if getattr(args, key) is not None:
            sizes[key] = getattr(args, key)
    missing = [k for k in ("actors", "events", "relations") if k not in sizes]
    if missing:
        ap.error(f"give --preset or all of --actors/--events/--relations (missing {', '.join(missing)})")
    if sizes["actors"] < 50 or sizes["events"] < 1 or sizes["relations"] < 0:
        ap.error("need at least 50 actors and 1 event")
    out_path = args.output
    if out_path is None:
        if not args.preset:
            ap.error("-o is required without --preset")
        out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", f"{args.preset}.json")
    os.makedirs(os.path.dirname(os.path.abspath(out_path)) or ".", exist_ok=True)
    stem = out_path[:-5] if out_path.endswith(".json") else out_path
    queries_path = stem + ".queries.json"

    t0 = time.perf_counter()
    gen = Generator(sizes["actors"], sizes["events"], sizes["relations"], args.seed,
                    args.quote_chars, args.quote_share)
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as f:
        result = gen.write(f)
    os.replace(tmp, out_path)
    size = os.path.getsize(out_path)
    queries = {
        "data": os.path.basename(out_path),
        "generator": {"seed": args.seed, **sizes, "quote_chars": args.quote_chars,
                      "quote_share": args.quote_share},
        "bytes": size,
        "stats": result["stats"],
        "pairs": result["pairs"],
    }
    with open(queries_path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(queries, f, indent=2)
        f.write("\n")
    os.replace(queries_path + ".tmp", queries_path)
    elapsed = time.perf_counter() - t0
    st = result["stats"]
    print(f"wrote {out_path}: {size:,} bytes ({size / 1e6:.1f} MB, {size / 2**20:.1f} MiB) in {elapsed:.1f} s",
          file=sys.stderr)
    print(f"  {st['actors']} actors, {st['events']} events, {st['relations']} relations, "
          f"{st['sources']} sources; {st['event_to_event_refs']} event->event refs", file=sys.stderr)
    print(f"  degree max {st['degree']['max']} p99 {st['degree']['p99']} p90 {st['degree']['p90']} "
          f"median {st['degree']['median']} mean {st['degree']['mean']}; isolated {st['isolated_actors']}; "
          f"largest component {st['largest_component_actors']} of {st['actors']} actors", file=sys.stderr)
    print(f"wrote {queries_path}: {len(result['pairs'])} query pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
