"""Writes a generate.py JSON graph as block YAML (the same graph), streaming one record at a time.

Usage: python3 benchmarks/to_yaml.py DATA.json DATA.yaml
Only the standard library: strings are written as JSON strings (valid YAML double-quoted
scalars), ids, kinds and dates as plain scalars.
"""
import json
import sys


def q(text):
    return json.dumps(text, ensure_ascii=False)


def scalar(value):
    if isinstance(value, str):
        return q(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def block(value, indent):
    """A mapping or list value, in block style at `indent` spaces."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines += block(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {scalar(item) if not isinstance(item, (dict, list)) else json.dumps(item)}")
    else:
        for item in value:
            if isinstance(item, dict):
                inner = block(item, indent + 2)
                inner[0] = pad + "- " + inner[0].lstrip()
                lines += inner
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return lines


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        graph = json.load(f)
    with open(target, "w", encoding="utf-8") as out:
        for key in ("title", "description"):
            if key in graph:
                out.write(f"{key}: {q(graph[key])}\n")
        for section in ("sources", "actors", "events"):
            out.write(f"{section}:\n")
            for ident, record in graph.get(section, {}).items():
                out.write(f"  {ident}:\n")
                out.write("\n".join(block(record, 4)) + "\n")
        out.write("relations:\n")
        for record in graph.get("relations", []):
            out.write("\n".join(block([record], 2)) + "\n")


if __name__ == "__main__":
    main()
