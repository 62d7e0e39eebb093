#!/usr/bin/env bash
# Checks schema/topology.schema.json with check-jsonschema (PyPI): every example and every valid
# fixture must pass it, every invalid fixture must fail it, and every property has a description
# (scripts/check-schema-docs.py). Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
schema=schema/topology.schema.json
passed=0
failed=0
check() { # EXPECTATION FILE
  if check-jsonschema --schemafile "$schema" "$2" >/dev/null 2>&1; then result=valid; else result=invalid; fi
  if [ "$result" = "$1" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $2 should be $1 against $schema"
  fi
}
check-jsonschema --check-metaschema "$schema" >/dev/null || { echo "FAIL: $schema is not a valid JSON Schema"; exit 1; }
for f in examples/*/topology.yaml Tests/SchemaFixtures/valid/*.yaml; do check valid "$f"; done
for f in Tests/SchemaFixtures/invalid/*.yaml; do check invalid "$f"; done
python3 scripts/check-schema-docs.py "$schema" || failed=$((failed + 1))
echo "schema: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
