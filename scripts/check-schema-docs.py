#!/usr/bin/env python3
"""Every property of a JSON Schema carries a description (or is a $ref to a definition that has
one), so an editor's hover shows the docs. Usage: check-schema-docs.py SCHEMA..."""
import json
import sys

failed = 0
for path in sys.argv[1:]:
    schema = json.load(open(path))
    missing = []

    def described(node):
        if "description" in node:
            return True
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return "description" in schema["$defs"][ref.split("/")[-1]]
        return False

    def walk(node, where):
        if isinstance(node, dict):
            for name, child in node.get("properties", {}).items():
                if not described(child):
                    missing.append(f"{where}/{name}")
                walk(child, f"{where}/{name}")
            for key, child in node.items():
                if key == "properties":
                    continue
                if key == "$defs":
                    for name, definition in child.items():
                        walk(definition, f"#/$defs/{name}")
                elif isinstance(child, (dict, list)):
                    walk(child, where)
        elif isinstance(node, list):
            for child in node:
                walk(child, where)

    walk(schema, "#")
    for name in sorted(set(missing)):
        print(f"FAIL: {path}: {name} has no description")
    failed += len(set(missing))
print(f"schema docs: {failed} properties without a description")
sys.exit(1 if failed else 0)
