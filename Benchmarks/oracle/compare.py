#!/usr/bin/env python3
"""Differential harness: Cited against citeproc-js, entry by entry and cluster by cluster.

    python3 Benchmarks/oracle/compare.py [STYLE.csl|DIR ...] [--data DIR] [--formats text,html]
                                         [--out out/oracle] [--jobs 2] [--cited PATH]

Renders the same items, citation clusters, style and locales through `cited render --json`
and through ../shared/oracle/citeproc.js, in each format, twice per style: the bibliography
of every item (no citations), and the clusters in document order (positions, ibid,
disambiguation) with the bibliography of the cited items. Prints agreement per style and
writes OUT/report.md (the per-style table) and OUT/differences.txt (the differences
grouped by the shape of the first difference, biggest group first, smallest example
first). Oracle outputs are cached in OUT/cache by content hash.

A development tool: never part of `swift test` or CI. Needs node (for citeproc-js) and a
release build of cited (`swift build -c release --static-swift-stdlib --product cited`).
"""
import argparse
import concurrent.futures
import difflib
import hashlib
import html
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def run_json(command, timeout):
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": "timeout after %ds" % timeout}
    if done.returncode not in (0, 1):
        return {"error": "exit %d: %s" % (done.returncode, done.stderr.decode("utf-8", "replace")[-400:])}
    try:
        return json.loads(done.stdout.decode("utf-8"))
    except ValueError as error:
        return {"error": "bad JSON (%s): %s" % (error, done.stderr.decode("utf-8", "replace")[-400:])}


def oracle(style, items, citations, fmt, locales, cache):
    key = hashlib.sha1()
    for path in (style, items) + ((citations,) if citations else ()):
        with open(path, "rb") as handle:
            key.update(handle.read())
    key.update(fmt.encode())
    path = os.path.join(cache, key.hexdigest() + ".json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    command = ["node", os.path.join(SHARED, "oracle", "citeproc.js"), "--style", style, "--items", items,
               "--format", fmt, "--json", "--locales", locales]
    if citations:
        command += ["--citations", citations]
    result = run_json(command, 300)
    if "error" not in result:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(result, handle, ensure_ascii=False)
    return result


def cited(binary, style, items, citations, fmt, locales):
    command = [binary, "render", "--style", style, "--bibliography", items, "--locales", locales,
               "--format", fmt, "--json"]
    if citations:
        command += ["--citations", citations]
    return run_json(command, 120)


ENTRY_WRAPPER = re.compile(r'^\s*<div class="csl-entry">(.*)</div>\s*$', re.S)


ANCHOR = re.compile(r'<a href="[^"]*">|</a>')


def normal(text, fmt):
    if fmt == "html":
        # Links are Cited's addition (citeproc-js writes none by default): compared without them.
        text = ANCHOR.sub("", text)
        match = ENTRY_WRAPPER.match(text)
        if match:
            text = match.group(1)
        text = re.sub(r">\s*\n\s*<", "><", text.strip())
        # Cited escapes quotes in HTML text (the project's rule); citeproc-js leaves them: the
        # same page either way.
        text = text.replace("&#34;", '"').replace("&#39;", "'")
    return text.strip()


YEAR_BEFORE = re.compile(r"(?<![0-9])([5-9][0-9][0-9])$")


LABEL_VARIABLES = {
    "page", "issue", "number", "volume", "number-of-pages", "number-of-volumes", "edition", "chapter-number",
    "collection-number", "section", "paragraph", "line", "verse", "folio", "column", "figure", "part", "book",
    "opus", "sub-verbo", "locator", "note", "timestamp", "version", "supplement", "printing", "act", "scene",
    "rule", "title", "appendix", "canon", "elocation", "equation", "algorithm", "table",
}
_label_terms = None


def label_terms():
    """Every form of every label term in the locales, without full stops ("p", "no", "pp")."""
    global _label_terms
    if _label_terms is None:
        _label_terms = set()
        folder = os.path.join(SHARED, "csl", "locales")
        pattern = re.compile(r'<term name="([a-z-]+)"[^>]*>(.*?)</term>', re.S)
        value = re.compile(r"<(?:single|multiple)>(.*?)</(?:single|multiple)>|^([^<]+)$", re.S)
        for name in os.listdir(folder):
            if not name.endswith(".xml"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                for term, body in pattern.findall(handle.read()):
                    if term in LABEL_VARIABLES:
                        for single, plain in value.findall(body.strip()):
                            text = (single or plain).strip().replace(".", "")
                            if text:
                                _label_terms.add(text)
    return _label_terms


def kept_insertion(expected, i1, inserted):
    """The "ad" term after a year of 500 to 999: Cited prints it, citeproc-js does not."""
    return len(inserted) <= 16 and not re.search(r"[0-9]", inserted) and YEAR_BEFORE.search(expected[:i1])


def kept_deletion(expected, i1, i2):
    """A label of an empty variable, a whole word: citeproc-js prints it, Cited does not."""
    deleted = expected[i1:i2]
    core = deleted.strip(" ,:;()").replace(".", "")
    starts = i1 == 0 or not expected[i1 - 1].isalnum() or not deleted[0].isalnum()
    ends = i2 == len(expected) or not expected[i2].isalnum() or not deleted[-1].isalnum()
    whole = starts and ends
    return 0 < len(deleted) <= 16 and whole and not re.search(r"[0-9]", deleted) and core in label_terms()


def spec_kept(expected, actual):
    """True when every difference is a case Docs/conformance.md lists where Cited keeps the
    specification's answer and the harness can recognise: the "ad" term after a year of 500
    to 999 (the specification asks for it on "positive years of less than four digits";
    citeproc-js omits it) and a `<label>` of an empty variable (the specification: "only
    rendered if the selected variable is non-empty"; citeproc-js prints it)."""
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    changed = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert" and kept_insertion(expected, i1, actual[j1:j2]):
            changed = True
        elif tag == "delete" and kept_deletion(expected, i1, i2):
            changed = True
        else:
            return False
    return changed


def signature(expected, actual):
    """The shape of the first difference: the differing fragments with a little context,
    digits folded, so one cause lands in one group."""
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = expected[max(0, i1 - 6):i1]
        fold = lambda s: re.sub(r"[0-9]", "9", s)
        return "%s|%s→%s" % (fold(before[-6:]), fold(expected[i1:i2][:24]), fold(actual[j1:j2][:24]))
    return "(whitespace)"


def compare_lists(expected, actual, fmt):
    pairs = []
    for index in range(max(len(expected), len(actual))):
        want = normal(expected[index], fmt) if index < len(expected) else "<missing>"
        got = normal(actual[index], fmt) if index < len(actual) else "<missing>"
        pairs.append((want, got))
    return pairs


def one_style(args, style, fmt):
    items = os.path.join(args.data, "items.json")
    citations = os.path.join(args.data, "citations.json")
    result = {"style": os.path.basename(style)[:-4], "format": fmt, "entries": [0, 0], "clusters": [0, 0],
              "spec": {"entries": 0, "clusters": 0}, "diffs": [], "errors": []}
    for mode in ("bibliography", "citations"):
        clusters = citations if mode == "citations" else None
        want = oracle(style, items, clusters, fmt, args.locales, args.cache)
        got = cited(args.cited, style, items, clusters, fmt, args.locales)
        for side, value in (("citeproc-js", want), ("cited", got)):
            if "error" in value:
                result["errors"].append("%s %s: %s" % (side, mode, value["error"]))
        if "error" in want or "error" in got:
            continue
        parts = [("bibliography", "entries")] if mode == "bibliography" else [("citations", "clusters")]
        ids = []
        if mode == "citations":
            with open(citations, encoding="utf-8") as handle:
                ids = [cluster["id"] for cluster in json.load(handle)]
        for member, counter in parts:
            pairs = compare_lists(want.get(member, []), got.get(member, []), fmt)
            for index, (want_text, got_text) in enumerate(pairs):
                result[counter][1] += 1
                if want_text == got_text:
                    result[counter][0] += 1
                elif spec_kept(want_text, got_text):
                    result["spec"][counter] += 1
                else:
                    where = counter + (" " + ids[index] if index < len(ids) else "")
                    result["diffs"].append((where, want_text, got_text))
    return result


def styles_from(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            found += sorted(os.path.join(path, name) for name in os.listdir(path) if name.endswith(".csl"))
        else:
            found.append(path)
    return found


def with_kept(result, counter):
    """Identical, or different only where Cited keeps the specification's answer."""
    return [result[counter][0] + result["spec"][counter], result[counter][1]]


def percent(pair):
    return 100.0 * pair[0] / pair[1] if pair[1] else 100.0


def write_report(args, results):
    by_style = defaultdict(dict)
    totals = defaultdict(lambda: [0, 0])
    kept = defaultdict(int)
    for result in results:
        by_style[result["style"]][result["format"]] = result
        for counter in ("entries", "clusters"):
            totals[(result["format"], counter)][0] += result[counter][0]
            totals[(result["format"], counter)][1] += result[counter][1]
            kept[(result["format"], counter)] += result["spec"][counter]
    formats = args.formats
    lines = ["| style | " + " | ".join("%s entries | %s clusters" % (f, f) for f in formats) + " |",
             "|---|" + "---|---|" * len(formats)]
    for style in sorted(by_style):
        cells = []
        for fmt in formats:
            result = by_style[style].get(fmt)
            if result is None:
                cells += ["", ""]
                continue
            mark = " ⚠" if result["errors"] else ""
            cells += ["%.1f %%%s" % (percent(with_kept(result, "entries")), mark),
                      "%.1f %%" % percent(with_kept(result, "clusters"))]
        lines.append("| %s | %s |" % (style, " | ".join(cells)))
    summary = []
    for fmt in formats:
        entries, clusters = totals[(fmt, "entries")], totals[(fmt, "clusters")]
        summary.append("%s: entries %d/%d (%.2f %%), clusters %d/%d (%.2f %%)" % (
            fmt, entries[0], entries[1], percent(entries), clusters[0], clusters[1], percent(clusters)))
        spec_entries, spec_clusters = kept[(fmt, "entries")], kept[(fmt, "clusters")]
        summary.append("%s with the specification's answer kept (Docs/conformance.md): entries %d more (%.2f %%),"
                       " clusters %d more (%.2f %%)" % (
                           fmt, spec_entries, percent([entries[0] + spec_entries, entries[1]]), spec_clusters,
                           percent([clusters[0] + spec_clusters, clusters[1]])))
    with open(os.path.join(args.out, "report.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(summary) + "\n\n" + "\n".join(lines) + "\n")
    return summary


def write_differences(args, results):
    groups = defaultdict(list)
    for result in results:
        for counter, want, got in result["diffs"]:
            groups[signature(want, got)].append((len(want), result["style"], result["format"], counter, want, got))
    ordered = sorted(groups.items(), key=lambda pair: -len(pair[1]))
    with open(os.path.join(args.out, "differences.json"), "w", encoding="utf-8") as handle:
        json.dump([{"signature": sig, "style": case[1], "format": case[2], "where": case[3], "citeproc-js": case[4],
                    "cited": case[5]} for sig, cases in ordered for case in cases], handle, ensure_ascii=False,
                  indent=1)
    with open(os.path.join(args.out, "differences.txt"), "w", encoding="utf-8") as handle:
        for sig, cases in ordered:
            cases.sort()
            styles = sorted({case[1] for case in cases})
            handle.write("=== %d × %s   (%d styles: %s)\n" % (len(cases), sig, len(styles), ", ".join(styles[:8])))
            for _, style, fmt, counter, want, got in cases[:3]:
                handle.write("  [%s %s %s]\n  citeproc-js: %s\n  cited:       %s\n" % (style, fmt, counter, want, got))
            handle.write("\n")
        for result in results:
            for error in result["errors"]:
                handle.write("ERROR %s %s: %s\n" % (result["style"], result["format"], error))
    return ordered


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("styles", nargs="*")
    parser.add_argument("--data", default=None, help="a folder with items.json and citations.json")
    parser.add_argument("--formats", default="text,html")
    parser.add_argument("--out", default=os.path.join(ROOT, "out", "oracle"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cited", default=os.path.join(ROOT, ".build", "release", "cited"))
    parser.add_argument("--locales", default=os.path.join(SHARED, "csl", "locales"))
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--items", type=int, default=150)
    args = parser.parse_args()
    args.formats = args.formats.split(",")
    args.cache = os.path.join(args.out, "cache")
    os.makedirs(args.cache, exist_ok=True)
    if args.data is None:
        args.data = os.path.join(args.out, "data-%d-%d" % (args.seed, args.items))
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), args.data, "--items", str(args.items),
                        "--seed", str(args.seed)], check=True)
    styles = styles_from(args.styles or [os.path.join(SHARED, "csl", "styles"), os.path.join(SHARED, "csl", "styles-more")])
    jobs = [(style, fmt) for style in styles for fmt in args.formats]
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for result in pool.map(lambda job: one_style(args, *job), jobs):
            results.append(result)
            print("%-60s %-4s entries %5.1f %%  clusters %5.1f %%%s" % (
                result["style"][:60], result["format"], percent(with_kept(result, "entries")),
                percent(with_kept(result, "clusters")),
                "  " + "; ".join(result["errors"])[:120] if result["errors"] else ""), flush=True)
    summary = write_report(args, results)
    groups = write_differences(args, results)
    print("\n".join(summary))
    print("%d difference groups; see %s" % (len(groups), os.path.join(args.out, "differences.txt")))


if __name__ == "__main__":
    main()
