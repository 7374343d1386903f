#!/usr/bin/env python3
"""The Python yardstick for `eventgraph import --mapping icews` + `eventgraph path`: pandas
read_csv of the same ICEWS-style table, a networkx graph of it built the way EventGraph's
paths see it (actor — event — actor), and one shortest path, in one run.

    benchmarks/.venv/bin/python benchmarks/import_baseline.py benchmarks/data/icews-1m.csv "FROM NAME" "TO NAME"

Prints one line per step (seconds, time.perf_counter) and the peak RSS of the process
(resource.getrusage), and the path's length in events.
"""
import resource
import sys
import time

import networkx as nx
import pandas as pd


def main():
    path, source, target = sys.argv[1], sys.argv[2], sys.argv[3]
    t0 = time.perf_counter()
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    t1 = time.perf_counter()
    g = nx.Graph()
    # One node per actor name and one per event (as eventgraph links them); edges actor–event.
    events = "e:" + table["Event ID"]
    g.add_edges_from(zip(table["Source Name"], events))
    g.add_edges_from(zip(events, table["Target Name"]))
    t2 = time.perf_counter()
    nodes = nx.bidirectional_shortest_path(g, source, target)
    t3 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows {len(table)}; actors+events {g.number_of_nodes()}; edges {g.number_of_edges()}")
    print(f"read_csv   {t1 - t0:.2f} s")
    print(f"build      {t2 - t1:.2f} s")
    print(f"path       {t3 - t2:.3f} s ({(len(nodes) - 1) // 2} events: {' / '.join(nodes)})")
    print(f"total      {t3 - t0:.2f} s; peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
