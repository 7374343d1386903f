#!/usr/bin/env python3
"""Checks FollowTheMoney entity streams with the real `followthemoney` package, as Aleph
and OpenSanctions would read them.

Usage: check_ftm.py [--bin EVENTGRAPH] FILE...
Each line must be an entity whose schema exists and is not abstract; each property must
belong to the schema and each value must be valid for the property's type (dates,
countries, numbers…); each entity reference must name an entity of the stream whose schema
is the property's range. Prints, as JSON, the number of entities per schema of each file
and every problem; exits 0 when there is none, 1 otherwise.
"""
import argparse
import json
import sys

from followthemoney import model
from followthemoney.types import registry


def check(path):
    problems = []
    entities = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError as error:
                problems.append(f"{path}:{number}: not JSON: {error}")
                continue
            entities.append((number, data))
    schemata = {}
    ids = {}
    for number, data in entities:
        schema = model.get(data.get("schema", ""))
        if schema is None:
            problems.append(f"{path}:{number}: unknown schema {data.get('schema')!r}")
            continue
        if schema.abstract:
            problems.append(f"{path}:{number}: schema {schema.name} is abstract")
        ids[data.get("id")] = schema
    for number, data in entities:
        schema = model.get(data.get("schema", ""))
        if schema is None:
            continue
        schemata[schema.name] = schemata.get(schema.name, 0) + 1
        if not data.get("id"):
            problems.append(f"{path}:{number}: no id")
        proxy = model.get_proxy({"id": data.get("id"), "schema": schema.name}, cleaned=False)
        for name, values in (data.get("properties") or {}).items():
            prop = schema.get(name)
            if prop is None:
                problems.append(f"{path}:{number}: {schema.name} has no property {name!r}")
                continue
            for value in values:
                if prop.type == registry.entity:
                    target = ids.get(value)
                    if target is None:
                        problems.append(f"{path}:{number}: {name} names {value!r}, which is not in the stream")
                    elif not target.is_a(prop.range):
                        problems.append(f"{path}:{number}: {name} must be a {prop.range.name}, {value!r} is a {target.name}")
                elif prop.type.clean(value) is None:
                    problems.append(f"{path}:{number}: {value!r} is not a valid {prop.type.name} for {name}")
                else:
                    proxy.add(name, value, cleaned=False)
        if not proxy.schema.name == schema.name:
            problems.append(f"{path}:{number}: schema changed while reading")
    return {"file": path, "entities": len(entities), "schemata": schemata, "problems": problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", help="the eventgraph binary (unused; the same options as the other readers)")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    results = [check(path) for path in args.files]
    print(json.dumps(results, indent=1, sort_keys=True))
    sys.exit(1 if any(r["problems"] for r in results) else 0)


if __name__ == "__main__":
    main()
