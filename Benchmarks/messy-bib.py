#!/usr/bin/env python3
"""Seeded generator of messy BibLaTeX/BibTeX exports, as reference managers write them.

Usage: Benchmarks/messy-bib.py OUT_DIR [--files N] [--entries M] [--seed S]

Writes OUT_DIR/export-NNN.bib (N files of about M entries each, in the styles of Zotero,
JabRef, Mendeley, BibDesk and hand-kept files) and OUT_DIR/manifest.tsv: one line per file with
the number of entries it holds and whether it is clean (nothing an exporter got wrong) or messy
(keyless entries, duplicate keys, % lines inside entries, missing commas, stray characters,
unbalanced braces, Latin-1 bytes, crossref cycles, impossible dates). Same seed, same files.
"""
import argparse
import os
import random

FAMILIES = [
    "Smith", "M{\\\"u}ller", "Pe\\~{n}a", "Pe\\~na", "van Beethoven", "de la Fontaine", "O'Neil",
    "{\\O}rsted", "Garc{\\'\\i}a", "Dvo{\\v{r}}{\\'a}k", "Zhang", "Nguyen", "{World Health Organization}",
    "Иванов", "周", "王", "Ко", "Łukasiewicz", "Şahin", "Strauß",
]
GIVENS = ["Anna", "J{\\\"u}rgen", "Jean-Pierre", "A. B.", "Wei", "Mar{\\'\\i}a", "Иван", "望", "Li", "Zo{\\\"e}"]
WORDS = [
    "bridges", "{DNA}", "networks", "policy", "groups", "the", "of", "and", "$x^2$", "\\emph{in vivo}",
    "China's", "Leading", "Small", "models", "{LaTeX}", "learning", "--", "analysis", "état", "政治",
    "R\\&D", "50\\%", "systems", "{NASA}", "urban",
]
JOURNALS = ["Journal of Things", "Nature", "{IEEE} Transactions on Stuff", "China Quarterly", "Вопросы философии"]
PUBLISHERS = ["Springer", "Oxford University Press", "Cambridge {UP}", "人民出版社"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def name(rng):
    family = rng.choice(FAMILIES)
    if family.startswith("{"):
        return family
    given = rng.choice(GIVENS)
    form = rng.random()
    if form < 0.6:
        return f"{family}, {given}"
    if form < 0.8 and " " not in family:
        return f"{given} {family}"
    if form < 0.9:
        return f"{family}, Jr., {given}"
    return f"{family}, {given}"


def names(rng):
    count = rng.choice([1, 1, 2, 2, 3, 4, 6])
    listed = [name(rng) for _ in range(count)]
    if rng.random() < 0.08:
        listed.append("others")
    return " and ".join(listed)


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(2, 9))]
    text = " ".join(words)
    return text[0].upper() + text[1:] if text[0].isalpha() else text


def value(rng, text, style):
    if style == "jabref" and rng.random() < 0.2 and "\"" not in text and "{" not in text:
        return f'"{text}"'
    return "{" + text + "}"


def entry(rng, index, style, key):
    kind = rng.choice(["article"] * 5 + ["book", "incollection", "inproceedings", "thesis", "online", "report", "misc"])
    fields = [("author" if kind != "book" or rng.random() < 0.7 else "editor", names(rng)), ("title", title(rng))]
    year = rng.randint(1950, 2024)
    if style in ("mendeley", "bibdesk") or rng.random() < 0.3:
        fields.append(("year", str(year)))
        if rng.random() < 0.4:
            fields.append(("month", rng.choice(MONTHS)))
    else:
        date = str(year)
        if rng.random() < 0.4:
            date += f"-{rng.randint(1, 12):02d}"
        if rng.random() < 0.1:
            date += f"/{year + 1}"
        fields.append(("date", date))
    if kind == "article":
        fields.append(("journal" if style == "mendeley" else "journaltitle", rng.choice(JOURNALS)))
        fields += [("volume", str(rng.randint(1, 80))), ("number", str(rng.randint(1, 12)))]
        first = rng.randint(1, 900)
        fields.append(("pages", f"{first}--{first + rng.randint(1, 40)}"))
    elif kind in ("book", "incollection"):
        fields.append(("publisher", rng.choice(PUBLISHERS)))
        fields.append(("location" if rng.random() < 0.5 else "address", rng.choice(["Berlin", "New York", "北京"])))
        if kind == "incollection":
            fields.append(("booktitle", title(rng)))
    elif kind == "inproceedings":
        fields.append(("booktitle", "Proceedings of " + title(rng)))
    elif kind == "thesis":
        fields += [("institution", "University of Somewhere"), ("type", rng.choice(["phdthesis", "mathesis"]))]
    elif kind == "report":
        fields += [("institution", "Some Institute"), ("number", f"TR-{rng.randint(1, 99)}")]
    if rng.random() < 0.5:
        fields.append(("doi", f"10.{rng.randint(1000, 9999)}/abc.{index}"))
    if kind == "online" or rng.random() < 0.2:
        fields += [("url", f"https://example.org/p_{index}?q=1%20b"), ("urldate", f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")]
    if rng.random() < 0.3:
        fields.append(("keywords", "policy, china, networks"))
    if rng.random() < 0.15:
        fields.append(("abstract", title(rng) + ".\n\n" + title(rng) + "."))
    if rng.random() < 0.2:
        fields.append(("langid", rng.choice(["english", "ngerman", "chinese", "russian"])))
    if rng.random() < 0.1:
        fields.append(("note", "See also pp. 3--4"))
    if style == "zotero":
        fields.append(("file", f"Full Text:files/{index}/paper.pdf:application/pdf"))
    if style == "jabref" and rng.random() < 0.3:
        fields.append(("owner", "jm"))
    indent = "\t" if style == "bibdesk" else "  "
    body = ",\n".join(f"{indent}{name} = {value(rng, text, style)}" for name, text in fields)
    type_name = kind.capitalize() if style == "bibdesk" else kind
    return f"@{type_name}{{{key},\n{body}\n}}\n"


def messy(rng, text, index):
    """One exporter mistake in an entry's text."""
    choice = rng.randrange(9)
    if choice == 0:  # keyless
        return text.replace("{" + text.split("{", 1)[1].split(",", 1)[0] + ",", "{,", 1)
    if choice == 1:  # a % line between fields
        return text.replace(",\n", ",\n% imported from somewhere\n", 1)
    if choice == 2:  # a missing comma
        return text.replace(",\n", "\n", 1)
    if choice == 3:  # a stray character
        return text.replace(",\n", ",\n  ;\n", 1)
    if choice == 4:  # an unbalanced brace
        return text.replace("title = {", "title = {{", 1)
    if choice == 5:  # an impossible date
        return text.replace("\n}", ",\n  date = {2021-13-45}\n}", 1) if "date =" not in text else text
    if choice == 6:  # a crossref to itself
        key = text.split("{", 1)[1].split(",", 1)[0]
        return text.replace("\n}", f",\n  crossref = {{{key}}}\n}}", 1)
    if choice == 7:  # a Latin-1 byte (written as a surrogate, encoded below)
        return text.replace("title = {", "title = {caf\udce9 ", 1)
    return text  # the duplicate key is made by the caller


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--entries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    counter = 0
    for number in range(args.files):
        style = rng.choice(["zotero", "jabref", "mendeley", "bibdesk", "hand"])
        is_messy = rng.random() < 0.4
        parts = []
        if style == "jabref":
            parts.append("% Encoding: UTF-8\n\n@string{jot = {Journal of Things}}\n")
        count = 0
        previous_key = None
        for _ in range(rng.randint(args.entries // 2, args.entries * 3 // 2)):
            counter += 1
            key = f"key{counter}"
            if is_messy and previous_key and rng.random() < 0.03:
                key = previous_key  # a duplicate key
            text = entry(rng, counter, style, key)
            if is_messy and rng.random() < 0.08:
                text = messy(rng, text, counter)
            parts.append(text)
            previous_key = key
            count += 1
        if style == "jabref":
            parts.append("@Comment{jabref-meta: databaseType:biblatex;}\n")
        path = os.path.join(args.out, f"export-{number:03d}.bib")
        with open(path, "wb") as handle:
            handle.write("\n".join(parts).encode("utf-8", "surrogateescape"))
        manifest.append(f"{os.path.basename(path)}\t{count}\t{'messy' if is_messy else 'clean'}")
    with open(os.path.join(args.out, "manifest.tsv"), "w") as handle:
        handle.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
