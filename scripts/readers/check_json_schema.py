#!/usr/bin/env python3
"""Validates graph YAML files against the JSON Schema of `eventgraph schema --json-schema`,
with the real `jsonschema` package (Draft 2020-12), as an editor would.

Usage: check_json_schema.py --bin EVENTGRAPH [--expect-invalid] FILE...
Prints one line per file; exits 0 when every file is valid (or, with --expect-invalid,
when every file is rejected), 1 otherwise.

YAML is read by the system python's PyYAML (the readers' venv has no PyYAML), with dates
kept as strings, as YAML 1.2 editors see them.
"""
import argparse
import json
import subprocess
import sys

import jsonschema

TO_JSON = r"""
import json, sys, yaml
class Loader(yaml.SafeLoader):
    pass
# YAML 1.2 (what editors use) has no timestamp type: 2025-01-20 is a string.
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != 'tag:yaml.org,2002:timestamp']
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
out = {}
for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as f:
        out[path] = yaml.load(f, Loader=Loader)
json.dump(out, sys.stdout)
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--expect-invalid", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    schema = json.loads(subprocess.run([args.bin, "schema", "--json-schema"], check=True,
                                       capture_output=True, text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    documents = json.loads(subprocess.run(["/usr/bin/python3", "-c", TO_JSON] + args.files, check=True,
                                          capture_output=True, text=True).stdout)
    ok = True
    for path, document in documents.items():
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path)
            print(f"invalid: {path}: {len(errors)} error(s); first at /{where}: {first.message[:200]}")
            ok = ok and args.expect_invalid
        else:
            print(f"valid: {path}")
            ok = ok and not args.expect_invalid
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
