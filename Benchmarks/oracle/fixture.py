#!/usr/bin/env python3
"""Writes a regression fixture in the CSL test-suite format, its RESULT taken from citeproc-js.

    python3 Benchmarks/oracle/fixture.py SPEC.json [...]

SPEC.json: {"name": "group_Name", "description": "...", "mode": "citation"|"bibliography",
"csl": "<style ...>...</style>", "input": [items], "citation-items": [[cites], ...]}.
Writes Tests/CSLConformanceTests/Fixtures/NAME.txt with the HTML that citeproc-js
(../shared/oracle) renders, so each fixture states the reference processor's answer.
The styles in the specs are written for the fixture: no official style is copied.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def oracle(spec):
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for name, value in (("style.csl", spec["csl"]), ("items.json", json.dumps(spec["input"], ensure_ascii=False))):
            paths[name] = os.path.join(folder, name)
            with open(paths[name], "w", encoding="utf-8") as handle:
                handle.write(value)
        command = ["node", os.path.join(SHARED, "oracle", "citeproc.js"), "--style", paths["style.csl"],
                   "--items", paths["items.json"], "--format", "html", "--json",
                   "--locales", os.path.join(SHARED, "csl", "locales")]
        clusters = spec.get("citation-items")
        if spec["mode"] == "citation":
            clusters = clusters or [[{"id": item["id"]} for item in spec["input"]]]
            path = os.path.join(folder, "citations.json")
            with open(path, "w", encoding="utf-8") as handle:
                json.dump([{"id": "c%d" % (n + 1), "noteIndex": n + 1, "items": cites}
                           for n, cites in enumerate(clusters)], handle)
            command += ["--citations", path]
        done = subprocess.run(command, capture_output=True, check=True)
        return json.loads(done.stdout)


def fixture(spec):
    result = oracle(spec)
    if spec["mode"] == "citation":
        text = "\n".join(result["citations"])
    else:
        text = '<div class="csl-bib-body">\n' + "".join(result["bibliography"]) + "</div>"
    parts = [spec["description"].strip(), ">>===== MODE =====>>", spec["mode"], "<<===== MODE =====<<", ""]
    if spec.get("citation-items"):
        parts += [">>===== CITATION-ITEMS =====>>", json.dumps(spec["citation-items"], ensure_ascii=False),
                  "<<===== CITATION-ITEMS =====<<", ""]
    parts += [">>===== CSL =====>>", spec["csl"].strip(), "<<===== CSL =====<<", "",
              ">>===== INPUT =====>>", json.dumps(spec["input"], ensure_ascii=False, indent=2), "<<===== INPUT =====<<",
              "", ">>===== RESULT =====>>", text.rstrip("\n"), "<<===== RESULT =====<<", ""]
    return "\n".join(parts)


def main():
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            specs = json.load(handle)
        for spec in specs if isinstance(specs, list) else [specs]:
            target = os.path.join(ROOT, "Tests", "CSLConformanceTests", "Fixtures", spec["name"] + ".txt")
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(fixture(spec))
            print("wrote", os.path.relpath(target, ROOT))


if __name__ == "__main__":
    main()
