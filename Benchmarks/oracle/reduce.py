#!/usr/bin/env python3
"""Shrinks a difference between Cited and citeproc-js to its smallest reproducer.

    python3 Benchmarks/oracle/reduce.py STYLE.csl DATA_DIR --cluster CLUSTER_ID [--format text]
    python3 Benchmarks/oracle/reduce.py STYLE.csl DATA_DIR --entry ITEM_ID [--format text]

With --cluster: drops other clusters and uncited items while the cluster still renders
differently, then prints the remaining items, clusters and both outputs. With --entry: the
same for the bibliography of all items, keeping ITEM_ID and whichever others are needed for
some entry to differ. The reduced input is written to OUT (default out/oracle/reduced/) as
items.json and citations.json, ready to become a regression fixture.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, HERE)
from compare import normal  # noqa: E402


def render(args, items, clusters):
    with tempfile.TemporaryDirectory() as folder:
        items_path = os.path.join(folder, "items.json")
        with open(items_path, "w", encoding="utf-8") as handle:
            json.dump(items, handle, ensure_ascii=False)
        extra = []
        if clusters is not None:
            clusters_path = os.path.join(folder, "citations.json")
            with open(clusters_path, "w", encoding="utf-8") as handle:
                json.dump(clusters, handle, ensure_ascii=False)
            extra = ["--citations", clusters_path]
        locales = os.path.join(SHARED, "csl", "locales")
        want = subprocess.run(["node", os.path.join(SHARED, "oracle", "citeproc.js"), "--style", args.style,
                               "--items", items_path, "--format", args.format, "--json", "--locales", locales] + extra,
                              capture_output=True, timeout=120)
        got = subprocess.run([args.cited, "render", "--style", args.style, "--bibliography", items_path, "--locales",
                              locales, "--format", args.format, "--json"] + extra, capture_output=True, timeout=120)
        try:
            return json.loads(want.stdout), json.loads(got.stdout)
        except ValueError:
            return None, None


def cluster_differs(args, items, clusters):
    cited_ids = {cite["id"] for cluster in clusters for cite in cluster["items"]}
    used = [item for item in items if item["id"] in cited_ids]
    want, got = render(args, used, clusters)
    if want is None:
        return False
    index = next(i for i, cluster in enumerate(clusters) if cluster["id"] == args.cluster)
    return normal(want["citations"][index], args.format) != normal(got["citations"][index], args.format)


def entry_differs(args, items, _clusters):
    want, got = render(args, items, None)
    if want is None:
        return False
    return any(normal(a, args.format) != normal(b, args.format) for a, b in zip(want["bibliography"], got["bibliography"]))


def shrink(values, keep, still_differs):
    """Delta debugging light: drop halves, then quarters, ... of the droppable values."""
    chunk = max(1, len(values) // 2)
    while True:
        index = 0
        changed = False
        while index < len(values):
            candidate = values[:index] + values[index + chunk:]
            dropped = values[index:index + chunk]
            if not any(keep(value) for value in dropped) and still_differs(candidate):
                values = candidate
                changed = True
            else:
                index += chunk
        if chunk == 1 and not changed:
            return values
        chunk = max(1, chunk // 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("style")
    parser.add_argument("data")
    parser.add_argument("--cluster")
    parser.add_argument("--entry")
    parser.add_argument("--format", default="text")
    parser.add_argument("--cited", default=os.path.join(ROOT, ".build", "release", "cited"))
    parser.add_argument("--out", default=os.path.join(ROOT, "out", "oracle", "reduced"))
    args = parser.parse_args()
    with open(os.path.join(args.data, "items.json"), encoding="utf-8") as handle:
        items = json.load(handle)
    with open(os.path.join(args.data, "citations.json"), encoding="utf-8") as handle:
        clusters = json.load(handle)
    if args.cluster:
        if not cluster_differs(args, items, clusters):
            sys.exit("the cluster renders the same")
        clusters = shrink(clusters, lambda c: c["id"] == args.cluster, lambda cs: cluster_differs(args, items, cs))
        cited_ids = {cite["id"] for cluster in clusters for cite in cluster["items"]}
        items = [item for item in items if item["id"] in cited_ids]
    else:
        if not entry_differs(args, items, None):
            sys.exit("the bibliography renders the same")
        items = shrink(items, lambda i: i["id"] == args.entry, lambda its: entry_differs(args, its, None))
        clusters = None
    want, got = render(args, items, clusters)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "items.json"), "w", encoding="utf-8") as handle:
        json.dump(items, handle, ensure_ascii=False, indent=1)
    if clusters is not None:
        with open(os.path.join(args.out, "citations.json"), "w", encoding="utf-8") as handle:
            json.dump(clusters, handle, ensure_ascii=False, indent=1)
    print(json.dumps({"items": items, "citations": clusters}, ensure_ascii=False, indent=1))
    print("citeproc-js:", json.dumps(want, ensure_ascii=False, indent=1))
    print("cited:", json.dumps(got, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
