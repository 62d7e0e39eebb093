#!/usr/bin/env python3
"""Checks a rendered folder the way a cluster would see it.

Every custom resource is validated against its CRD schema (Tests/CRDs: the openAPIV3Schema of the
served version), including that it carries no field the schema does not declare (the API server
would silently prune it). Core kinds are checked with kubernetes-validate --strict. Files are read
with PyYAML, a YAML 1.1 reader, so quoting mistakes show up as type errors.

usage: check-rendered.py RENDERED_DIR CRDS_DIR
prints "rendered: N passed, M failed" and exits 1 on any failure.
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml

CRDS = {
    ("multicluster.linkerd.io/v1alpha3", "Link"): "link-multicluster.linkerd.io-v1alpha3.json",
    ("gateway.networking.k8s.io/v1", "HTTPRoute"): "httproute-gateway.networking.k8s.io-v1.json",
    ("policy.linkerd.io/v1beta3", "HTTPRoute"): "httproute-policy.linkerd.io-v1beta3.json",
    ("split.smi-spec.io/v1alpha1", "TrafficSplit"): "trafficsplit-split.smi-spec.io-v1alpha1.json",
    ("split.smi-spec.io/v1alpha2", "TrafficSplit"): "trafficsplit-split.smi-spec.io-v1alpha2.json",
    ("external-secrets.io/v1", "ExternalSecret"): "externalsecret-external-secrets.io-v1.json",
    ("argoproj.io/v1alpha1", "Application"): "application-argoproj.io-v1alpha1.json",
    ("kustomize.toolkit.fluxcd.io/v1", "Kustomization"): "kustomization-kustomize.toolkit.fluxcd.io-v1.json",
    ("helm.toolkit.fluxcd.io/v2", "HelmRelease"): "helmrelease-helm.toolkit.fluxcd.io-v2.json",
    ("source.toolkit.fluxcd.io/v1", "GitRepository"): "gitrepository-source.toolkit.fluxcd.io-v1.json",
    ("source.toolkit.fluxcd.io/v1", "HelmRepository"): "helmrepository-source.toolkit.fluxcd.io-v1.json",
}
CORE = {"ConfigMap", "Secret", "ServiceAccount", "ClusterRole", "ClusterRoleBinding"}


def undeclared(value, schema, path):
    """Fields the structural schema does not declare (what the API server would prune)."""
    problems = []
    if isinstance(value, dict) and schema.get("type") == "object" or (isinstance(value, dict) and "properties" in schema):
        if schema.get("x-kubernetes-preserve-unknown-fields"):
            return problems
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if properties is not None and key in properties:
                problems += undeclared(item, properties[key], f"{path}.{key}")
            elif isinstance(extra, dict):
                problems += undeclared(item, extra, f"{path}.{key}")
            elif properties is not None and extra is not True:
                problems.append(f"{path}.{key} is not declared by the schema")
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            problems += undeclared(item, schema["items"], f"{path}[{index}]")
    return problems


def main():
    rendered, crds = sys.argv[1], sys.argv[2]
    passed, failed, core_files = 0, 0, []
    schemas = {key: json.load(open(os.path.join(crds, name))) for key, name in CRDS.items()}
    # Each cluster's objects, and the GitOps wiring (_gitops/<tool>/ and _gitops/flux/<cluster>/);
    # kustomization.yaml files are kustomize's own, built with kubectl kustomize instead.
    paths = glob.glob(os.path.join(rendered, "*", "*", "*.yaml")) + glob.glob(os.path.join(rendered, "_gitops", "*", "*", "*.yaml"))
    for path in sorted(paths):
        if os.path.basename(os.path.dirname(path)) == "exports" or os.path.basename(path) == "kustomization.yaml":
            continue
        with open(path) as handle:
            documents = [d for d in yaml.safe_load_all(handle) if d is not None]
        if len(documents) != 1:
            print(f"FAIL {path}: {len(documents)} objects, expected one")
            failed += 1
            continue
        obj = documents[0]
        key = (obj.get("apiVersion"), obj.get("kind"))
        if obj.get("kind") in CORE:
            core_files.append(path)
            continue
        if key not in schemas:
            print(f"FAIL {path}: no schema for {key}")
            failed += 1
            continue
        schema = schemas[key]
        # Metadata is the API server's to check, unless the schema asks for it (Argo CD's Application does).
        kept = ("metadata",) if "metadata" in schema.get("required", []) else ()
        body = {k: v for k, v in obj.items() if k not in ("apiVersion", "kind", "metadata") or k in kept}
        errors = [f"{'.'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
                  for e in jsonschema.Draft7Validator(schema).iter_errors(body)]
        errors += undeclared(body, schema, "")
        if obj.get("metadata", {}).get("labels", {}).get("app.kubernetes.io/managed-by") != "mcapply":
            errors.append("missing label app.kubernetes.io/managed-by: mcapply")
        if errors:
            failed += 1
            for error in errors:
                print(f"FAIL {path}: {error}")
        else:
            passed += 1
    if core_files:
        result = subprocess.run(["kubernetes-validate", "--strict", "--quiet", *core_files], capture_output=True, text=True)
        if result.returncode == 0:
            passed += len(core_files)
        else:
            failed += 1
            print("FAIL kubernetes-validate:", result.stdout, result.stderr)
    print(f"rendered: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
