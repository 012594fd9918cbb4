#!/usr/bin/env python3
"""Seeded generator of messy, realistic CSL-JSON items and citation clusters.

    python3 Benchmarks/oracle/generate.py OUTDIR [--items N] [--seed S]

Writes OUTDIR/items.json (CSL-JSON array) and OUTDIR/citations.json (clusters in document
order, the format of `cited render --citations` and of ../shared/oracle/citeproc.js).
Same N and seed, same bytes. Only the standard library.

The items cover every CSL 1.0.2 item type and the oddities that real exports carry:
numbers with letters, ranges and roman numerals; pages with colons, letters and commas;
names with particles, suffixes, bare initials, hyphens; literal, institutional, CJK and
Cyrillic names; titles with parentheses, quotes, markup, acronyms and colons; dates with
seasons, ranges, circa, literals and missing parts; odd DOIs and URLs; empty fields.
Most items are ordinary; the oddities are sprinkled, as in a real bibliography.
"""
import argparse
import json
import os
import random

TYPES = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
    "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
]
# Real bibliographies are mostly articles, books and chapters.
COMMON_TYPES = ["article-journal"] * 8 + ["book"] * 4 + ["chapter"] * 3 + [
    "paper-conference", "paper-conference", "report", "thesis", "webpage", "article-newspaper",
    "article-magazine", "dataset", "entry-encyclopedia", "post-weblog", "legal_case", "patent",
]

FAMILY = [
    "Smith", "Johnson", "Garcia", "Miller", "Müller", "Schröder", "Dubois", "Rossi", "Novák",
    "Kowalski", "Kovács", "Jensen", "Johansson", "Virtanen", "Ivanov", "Popescu", "Yılmaz", "Silva",
    "O'Brien", "McDonald", "MacLeod", "Kim", "Park", "Tanaka", "Suzuki", "Patel", "Singh", "Khan",
    "Okafor", "Mensah", "Cohen", "Fernández", "Muñoz", "Smith-Jones", "García Márquez", "Østergaard",
    "Łukasiewicz", "Westfahl", "Nguyen", "Tsai", "Baker", "Hall", "Adams", "Clark", "Lewis",
]
GIVEN = [
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "Anna", "Hans",
    "Jean-Pierre", "Marie-Claire", "François", "Hélène", "Giulia", "José", "María José", "Søren",
    "Olga", "Mehmet", "Priya", "Kwame", "Seo-yeon", "Hiroshi", "Wei", "Gary", "Kellee",
]
ODD_GIVEN = [
    "Morten O", "J.R.R.", "A. B.", "J R", "W.-H.", "Jean-P.", "M. C.", "E.", "K", "Ph. D.",
    "Tz.-Ch.", "Hans-Georg", "Mary Ann", "A.J.", "Ma. Lourdes",
]
PARTICLES = [
    ("non-dropping-particle", "van der", "Berg"), ("non-dropping-particle", "de", "Vries"),
    ("non-dropping-particle", "van", "Dijk"), ("non-dropping-particle", "de la", "Fontaine"),
    ("non-dropping-particle", "di", "Stefano"), ("non-dropping-particle", "al-", "Farabi"),
    ("non-dropping-particle", "van 't", "Hoff"), ("non-dropping-particle", "d'", "Alembert"),
    ("dropping-particle", "von", "Neumann"), ("dropping-particle", "de", "Gaulle"),
    ("dropping-particle", "von der", "Leyen"), ("dropping-particle", "du", "Bois"),
]
SUFFIXES = ["Jr.", "Sr.", "III", "II", "Jr"]
CJK_NAMES = [("周", "望"), ("王", "小明"), ("李", "伟"), ("张", "勇"), ("欧阳", "修"), ("田中", "太郎"),
             ("山本", "花子"), ("김", "민준")]
PINYIN_NAMES = [("Zhou", "Wang"), ("Wang", "Xiaoming"), ("Li", "Wei"), ("Ouyang", "Xiu"),
                ("Zhang", "Yong")]
CYRILLIC_NAMES = [("Иванов", "Иван"), ("Петрова", "Анна Сергеевна"), ("Соколов", "Д. А.")]
INSTITUTIONS = [
    "World Health Organization", "National Bureau of Statistics of China", "IEEE",
    "U.S. Department of Energy", "Intergovernmental Panel on Climate Change (IPCC)",
    "International Organization for Standardization", "OECD", "Central Committee of the CCP",
    "中共中央办公厅", "The Royal Society", "European Commission, Joint Research Centre",
]

TITLE_WORDS = [
    "analysis", "of", "the", "effects", "on", "growth", "in", "a", "model", "for", "policy",
    "reform", "and", "state", "capacity", "evidence", "from", "China", "leading", "small", "groups",
    "governance", "networks", "climate", "change", "adaptation", "cod", "stocks", "learning",
    "deep", "neural", "data", "through", "between", "politics", "institutions", "local", "central",
]
ODD_TITLES = [
    "Growth of Atlantic cod (Gadus morhua) in the Barents Sea",
    "\u201cThe party leads everything\u201d: Xi Jinping and the LSGs",
    "A \"quoted\" word and 'single quotes' in a title",
    "Using <i>Escherichia coli</i> as a model organism",
    "Expression of {E}scherichia coli proteins",
    "The role of NATO and the UN in post-war Europe",
    "mRNA vaccines and iPhone apps: a review",
    "On the origin of species: or, the preservation of favoured races",
    "COVID-19 and SARS-CoV-2: what we know",
    "Title with <b>bold</b> and <sup>2</sup> superscript and CO<sub>2</sub>",
    "Why? An inquiry into the question",
    "Ends with a full stop.",
    "The 2nd edition of the 19th-century text",
    "Of mice and men: a re-evaluation",
    "x-ray crystallography of e-commerce platforms",
    "Diagnostic accuracy (sensitivity and specificity) of tests",
    "领导小组与中国政治",
    "Научная статья о политике",
    "Stop words: the end of the beginning in a story",
    "Part I: Theory & practice",
    "A title with a <span class=\"nocase\">lowercase iPad</span> span",
    "The small caps <span style=\"font-variant:small-caps;\">Society</span>",
]
CONTAINERS = [
    "Journal of Chinese Political Science", "The China Quarterly", "Nature", "PLoS ONE",
    "IEEE Transactions on Pattern Analysis and Machine Intelligence", "Modern China",
    "Journal of Contemporary China", "Proceedings of the National Academy of Sciences",
    "ICES Journal of Marine Science", "China Leadership Monitor", "政治学研究", "理论与改革",
    "Zeitschrift für Politikwissenschaft", "Journal of the American Chemical Society",
]
CONTAINER_SHORT = {"Proceedings of the National Academy of Sciences": "Proc. Natl. Acad. Sci.",
                   "Journal of the American Chemical Society": "J. Am. Chem. Soc.",
                   "Journal of Chinese Political Science": "J. Chin. Polit. Sci."}
PUBLISHERS = [
    ("Cambridge University Press", "Cambridge"), ("Oxford University Press", "Oxford"),
    ("Routledge", "London"), ("Springer", "Berlin"), ("MIT Press", "Cambridge, MA"),
    ("Harvard University Asia Center", "Cambridge, Mass."), ("人民出版社", "北京"),
    ("Brill", "Leiden; Boston"), ("Wiley-Blackwell", "Hoboken, NJ"), ("IEEE", "Piscataway, NJ"),
]
VOLUMES = ["12", "3", "60-I", "XIV", "suppl. 2", "12A", "1-2", "45 (Part 1)", "vol. 7", "ii", "2019"]
ISSUES = ["4", "1-2", "S1", "Suppl 3", "Spring", "3/4", "12", "e1", "II"]
PAGES = ["123-145", "1-10", "217495:1-217495:14", "e0123456", "S12-S19", "101", "ii-xiv",
         "33, 35-37", "1123-1129", "45\u201367", "1234-56", "A1-A3", "7 pp.", "321-9", "1--12"]
NUMBERS = ["ISO 21378:2019", "2", "RFC 7230", "No. 45", "12-34", "WP/19/102", "3 and 4", "XI",
           "US 6,123,456 B2", "1234"]
EDITIONS = ["2", "2nd", "3rd ed.", "revised", "10", "1st American", "Second"]
GENRES = ["PhD thesis", "Master's thesis", "Working paper", "Technical report", "Doctoral dissertation",
          "Blog post", "Video", "Dataset"]
LANGS = ["en", "en-US", "en-GB", "zh-CN", "zh", "de-DE", "fr", "ja", "ru", None]
SEASONS = [1, 2, 3, 4]


def person(rng, odd):
    roll = rng.random()
    if not odd or roll < 0.55:
        return {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN)}
    roll = rng.random()
    if roll < 0.15:
        kind, particle, family = rng.choice(PARTICLES)
        return {"family": family, "given": rng.choice(GIVEN), kind: particle}
    if roll < 0.25:
        return {"family": rng.choice(FAMILY), "given": rng.choice(ODD_GIVEN)}
    if roll < 0.32:
        return {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN), "suffix": rng.choice(SUFFIXES)}
    if roll < 0.45:
        family, given = rng.choice(CJK_NAMES)
        return {"family": family, "given": given}
    if roll < 0.55:
        family, given = rng.choice(PINYIN_NAMES)
        return {"family": family, "given": given}
    if roll < 0.62:
        family, given = rng.choice(CYRILLIC_NAMES)
        return {"family": family, "given": given}
    if roll < 0.72:
        return {"literal": rng.choice(INSTITUTIONS)}
    if roll < 0.78:
        return {"family": rng.choice(FAMILY)}
    if roll < 0.82:
        return {"given": rng.choice(GIVEN)}
    if roll < 0.86:
        return {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN), "comma-suffix": True,
                "suffix": "Jr."}
    if roll < 0.90:
        return {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN), "static-ordering": True}
    return {"family": rng.choice(FAMILY).upper(), "given": rng.choice(GIVEN)}


def names(rng, odd, low=1, high=4):
    count = rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5, 7, 11, 25]) if rng.random() < 0.8 else rng.randint(low, high)
    return [person(rng, odd) for _ in range(count)]


def title(rng, odd):
    if odd and rng.random() < 0.45:
        return rng.choice(ODD_TITLES)
    words = [rng.choice(TITLE_WORDS) for _ in range(rng.randint(3, 10))]
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    if rng.random() < 0.3:
        text += ": " + " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.1:
        text = text.title()
    return text


def date(rng, odd):
    year = rng.choice([1999, 2005, 2010, 2010, 2015, 2018, 2019, 2019, 2020, 2021, 2023])
    if not odd or rng.random() < 0.5:
        parts = [year]
        if rng.random() < 0.4:
            parts.append(rng.randint(1, 12))
            if rng.random() < 0.6:
                parts.append(rng.randint(1, 28))
        return {"date-parts": [parts]}
    roll = rng.random()
    if roll < 0.15:
        return {"date-parts": [[year]], "season": rng.choice(SEASONS)}
    if roll < 0.3:
        return {"date-parts": [[year], [year + rng.randint(1, 3)]]}
    if roll < 0.4:
        return {"date-parts": [[year, 3], [year, 5]]}
    if roll < 0.5:
        return {"date-parts": [[year, 3, 1], [year, 3, 15]]}
    if roll < 0.6:
        return {"date-parts": [[year]], "circa": True}
    if roll < 0.7:
        return {"literal": rng.choice(["forthcoming", "n.d.", "Spring 2010", "in press", "c. 1850"])}
    if roll < 0.78:
        return {"raw": rng.choice(["2010-05-03", "2011", "2012-04"])}
    if roll < 0.85:
        return {"date-parts": [[str(year), "4"]]}
    if roll < 0.9:
        return {"date-parts": [[-50]]}
    if roll < 0.95:
        return {"date-parts": [[year, 13]]}
    return {"date-parts": [[year + 1000 if year < 1000 else 800]]}


def doi(rng, odd):
    if odd and rng.random() < 0.4:
        return rng.choice(["10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
                           "https://doi.org/10.1000/xyz123", "10.1234/a_b-c.d(1)", "doi:10.5555/12345678"])
    return "10.%d/%s.%d" % (rng.randint(1000, 9999), rng.choice(["jcps", "cq", "nature", "plos"]), rng.randint(1, 99999))


def url(rng, odd):
    if odd and rng.random() < 0.4:
        return rng.choice(["https://example.org/a?b=1&c=2", "http://example.com/path_(with)_parens",
                           "https://例子.测试/路径", "https://example.org/~user/file%20name.pdf",
                           "www.example.com/no-scheme", "ftp://example.org/file.txt"])
    return "https://example.org/%s/%d" % (rng.choice(["article", "item", "doc"]), rng.randint(1, 9999))


def maybe(rng, p):
    return rng.random() < p


def item(rng, index, item_type):
    odd = maybe(rng, 0.4)
    it = {"id": "it%04d" % index, "type": item_type}
    if item_type == "legal_case" or (item_type in ("bill", "legislation", "treaty", "regulation") and maybe(rng, 0.7)):
        pass
    elif maybe(rng, 0.93):
        it["author"] = names(rng, odd)
    elif maybe(rng, 0.5):
        it["editor"] = names(rng, odd)
    it["title"] = title(rng, odd)
    if maybe(rng, 0.06):
        del it["title"]
    it["issued"] = date(rng, odd) if maybe(rng, 0.92) else None
    if it["issued"] is None:
        del it["issued"]
    add_type_fields(rng, it, item_type, odd)
    add_common_fields(rng, it, odd)
    if odd and maybe(rng, 0.1):
        it[rng.choice(["volume", "page", "publisher", "container-title"])] = ""
    return it


def add_type_fields(rng, it, item_type, odd):
    if item_type in ("article-journal", "article", "review", "review-book", "article-magazine", "periodical"):
        it["container-title"] = rng.choice(CONTAINERS)
        if it["container-title"] in CONTAINER_SHORT and maybe(rng, 0.5):
            it["container-title-short"] = CONTAINER_SHORT[it["container-title"]]
        it["volume"] = rng.choice(VOLUMES) if odd else str(rng.randint(1, 80))
        if maybe(rng, 0.7):
            it["issue"] = rng.choice(ISSUES) if odd else str(rng.randint(1, 12))
        if maybe(rng, 0.85):
            it["page"] = rng.choice(PAGES) if odd else "%d-%d" % (lambda a: (a, a + rng.randint(5, 30)))(rng.randint(1, 900))
        if maybe(rng, 0.6):
            it["DOI"] = doi(rng, odd)
        if item_type.startswith("review") and maybe(rng, 0.7):
            it["reviewed-author"] = names(rng, odd)
            it["reviewed-title"] = title(rng, odd)
    elif item_type in ("book", "classic", "collection", "musical_score", "pamphlet", "map", "graphic"):
        publisher, place = rng.choice(PUBLISHERS)
        it["publisher"] = publisher
        if maybe(rng, 0.7):
            it["publisher-place"] = place
        if maybe(rng, 0.25):
            it["edition"] = rng.choice(EDITIONS)
        if maybe(rng, 0.2):
            it["number-of-pages"] = rng.choice(["320", "xii, 345", "250 pp."])
        if maybe(rng, 0.15):
            it["collection-title"] = "Studies in " + title(rng, False)
            it["collection-number"] = rng.choice(["12", "3", "IV", "45a"])
        if maybe(rng, 0.15):
            it["volume"] = rng.choice(["2", "II", "1-3"])
            it["number-of-volumes"] = rng.choice(["3", "4"])
        if maybe(rng, 0.2):
            it["translator"] = names(rng, odd)
        if maybe(rng, 0.1):
            it["original-date"] = {"date-parts": [[rng.choice([1867, 1905, 1959])]]}
            it["original-title"] = title(rng, odd)
        if maybe(rng, 0.2):
            it["ISBN"] = rng.choice(["978-0-19-953556-9", "0-19-953556-X", "9787010000000"])
        if item_type == "map":
            it["scale"] = "1:50,000"
        if item_type == "graphic":
            it["medium"] = "Oil on canvas"
            it["dimensions"] = "50 x 70 cm"
    elif item_type in ("chapter", "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference"):
        it["container-title"] = ("Proceedings of the " if item_type == "paper-conference" else "The Handbook of ") + title(rng, False)
        if maybe(rng, 0.7):
            it["editor"] = names(rng, odd)
        if maybe(rng, 0.2):
            it["container-author"] = names(rng, odd)
        publisher, place = rng.choice(PUBLISHERS)
        if maybe(rng, 0.85):
            it["publisher"] = publisher
        if maybe(rng, 0.6):
            it["publisher-place"] = place
        if maybe(rng, 0.8):
            it["page"] = rng.choice(PAGES) if odd else "%d-%d" % (lambda a: (a, a + rng.randint(5, 30)))(rng.randint(1, 500))
        if item_type == "paper-conference":
            if maybe(rng, 0.6):
                it["event-title"] = "International Conference on " + title(rng, False)
            if maybe(rng, 0.5):
                it["event-place"] = rng.choice(["Vancouver, BC, Canada", "Beijing", "Online"])
            if maybe(rng, 0.3):
                it["DOI"] = doi(rng, odd)
        if maybe(rng, 0.15):
            it["volume"] = rng.choice(VOLUMES)
        if maybe(rng, 0.15):
            it["chapter-number"] = rng.choice(["3", "IV", "12a"])
        if item_type.startswith("entry") and maybe(rng, 0.5):
            it["URL"] = url(rng, odd)
            it["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
    elif item_type in ("thesis", "manuscript", "document"):
        it["publisher"] = rng.choice(["University of Oxford", "Peking University", "MIT", "Universität Wien"])
        if maybe(rng, 0.5):
            it["publisher-place"] = rng.choice(["Oxford", "Beijing", "Cambridge, MA"])
        it["genre"] = rng.choice(GENRES)
        if item_type == "manuscript" and maybe(rng, 0.5):
            it["archive"] = "National Archives"
            it["archive_location"] = "Box 12, Folder 3"
    elif item_type in ("report", "standard", "software", "dataset"):
        it["publisher"] = rng.choice(["World Bank", "RAND Corporation", "ISO", "Zenodo", "GitHub"])
        if maybe(rng, 0.5):
            it["publisher-place"] = rng.choice(["Washington, DC", "Santa Monica, CA", "Geneva"])
        if maybe(rng, 0.7):
            it["number"] = rng.choice(NUMBERS)
        if maybe(rng, 0.3):
            it["genre"] = rng.choice(GENRES)
        if maybe(rng, 0.3):
            it["collection-title"] = rng.choice(["Policy Research Working Paper", "RAND Reports"])
        if item_type == "software":
            it["version"] = rng.choice(["1.4.61", "2.0", "v3.1-beta"])
        if item_type == "dataset" and maybe(rng, 0.6):
            it["DOI"] = doi(rng, odd)
        if maybe(rng, 0.3):
            it["URL"] = url(rng, odd)
    elif item_type in ("webpage", "post", "post-weblog"):
        it["container-title"] = rng.choice(["Wikipedia", "China Digital Times", "Sinocism", "The Diplomat"])
        it["URL"] = url(rng, odd)
        if maybe(rng, 0.7):
            it["accessed"] = {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}
    elif item_type in ("article-newspaper",):
        it["container-title"] = rng.choice(["The New York Times", "People's Daily", "人民日报", "South China Morning Post"])
        if maybe(rng, 0.4):
            it["section"] = rng.choice(["A", "Opinion", "3"])
        if maybe(rng, 0.5):
            it["page"] = rng.choice(["A1", "3", "12-13", "B4"])
        if maybe(rng, 0.4):
            it["URL"] = url(rng, odd)
        if maybe(rng, 0.3):
            it["publisher-place"] = rng.choice(["New York", "Beijing", "Hong Kong"])
    elif item_type in ("legal_case", "legislation", "bill", "treaty", "regulation", "hearing"):
        it["authority"] = rng.choice(["Supreme Court", "U.S. Congress", "European Parliament", "全国人民代表大会"])
        if maybe(rng, 0.6):
            it["container-title"] = rng.choice(["U.S. Reports", "Official Journal", "Federal Register"])
            it["volume"] = str(rng.randint(1, 600))
            it["page"] = str(rng.randint(1, 900))
        if maybe(rng, 0.5):
            it["number"] = rng.choice(NUMBERS)
        if maybe(rng, 0.3):
            it["section"] = rng.choice(["§ 12", "sec. 3", "Art. 5"])
        if maybe(rng, 0.3):
            it["jurisdiction"] = rng.choice(["us", "eu", "cn"])
    elif item_type == "patent":
        it["number"] = rng.choice(["US 6,123,456 B2", "CN101234567A", "EP1234567"])
        if maybe(rng, 0.5):
            it["authority"] = rng.choice(["U.S. Patent and Trademark Office", "EPO"])
        if maybe(rng, 0.3):
            it["submitted"] = {"date-parts": [[2015, 6, 1]]}
    elif item_type in ("motion_picture", "broadcast", "song", "performance", "event", "speech", "interview"):
        if maybe(rng, 0.5):
            it["director"] = names(rng, odd)
        if item_type in ("broadcast",) and maybe(rng, 0.6):
            it["container-title"] = "Nightly News"
            it["number"] = rng.choice(["S2E4", "12"])
        if item_type in ("speech", "event", "performance") and maybe(rng, 0.7):
            it["event-title"] = "Annual Meeting of the " + rng.choice(["APSA", "AAS", "ISA"])
            it["event-place"] = rng.choice(["Chicago, IL", "Toronto", "Seoul"])
        if item_type == "interview" and maybe(rng, 0.6):
            it["interviewer"] = names(rng, odd)
        if item_type == "song":
            it["composer"] = names(rng, odd)
            it["medium"] = "CD"
        if maybe(rng, 0.5):
            it["publisher"] = rng.choice(["BBC", "Warner Bros.", "CCTV"])
        if maybe(rng, 0.3):
            it["medium"] = rng.choice(["Film", "Video", "Audio recording", "DVD"])
    elif item_type == "personal_communication":
        it["genre"] = rng.choice(["Letter", "Email", "Interview"])
        if maybe(rng, 0.6):
            it["recipient"] = names(rng, odd)
    elif item_type == "figure":
        it["container-title"] = rng.choice(CONTAINERS)
        it["number"] = rng.choice(["3", "S2", "4a"])


def add_common_fields(rng, it, odd):
    if maybe(rng, 0.15) and "URL" not in it:
        it["URL"] = url(rng, odd)
        if maybe(rng, 0.6):
            it["accessed"] = {"date-parts": [[2023, rng.randint(1, 12), rng.randint(1, 28)]]}
    if maybe(rng, 0.1) and "DOI" not in it:
        it["DOI"] = doi(rng, odd)
    lang = rng.choice(LANGS)
    if lang and maybe(rng, 0.5):
        it["language"] = lang
    if maybe(rng, 0.08):
        it["note"] = rng.choice(["In Chinese.", "Reprinted 2005", "Accessed via JSTOR", "Original work published 1900"])
    if maybe(rng, 0.05):
        it["status"] = rng.choice(["forthcoming", "in press"])
    if maybe(rng, 0.05):
        it["title-short"] = it.get("title", "Untitled").split(":")[0][:20]
    if maybe(rng, 0.04):
        it["ISSN"] = "1234-567X"
    if maybe(rng, 0.04):
        it["PMID"] = str(rng.randint(10000000, 39999999))
    if maybe(rng, 0.05):
        it["medium"] = rng.choice(["Print", "Online"])
    if maybe(rng, 0.05):
        it["archive"] = rng.choice(["JSTOR", "ProQuest"])
    if maybe(rng, 0.04):
        it["abstract"] = "An abstract."
    if maybe(rng, 0.04):
        it["call-number"] = "JQ1509 .W35 2010"
    if maybe(rng, 0.03):
        it["year-suffix"] = "a"


def twins(rng, items):
    """Items that share authors and year, so disambiguation, year suffixes and
    subsequent-author-substitute have work to do."""
    extra = []
    for n in range(len(items) // 10):
        base = rng.choice(items)
        if "author" not in base:
            continue
        twin = dict(base)
        twin["id"] = "%s-tw%d" % (base["id"], n)
        twin["title"] = title(rng, False)
        if maybe(rng, 0.4):
            authors = [dict(a) for a in base["author"]]
            if authors and "given" in authors[0] and maybe(rng, 0.5):
                authors[0]["given"] = rng.choice(GIVEN)
            twin["author"] = authors
        if maybe(rng, 0.3) and "issued" in base:
            twin["issued"] = {"date-parts": [[2019]]}
        extra.append(twin)
    return extra


def clusters(rng, items):
    ids = [it["id"] for it in items]
    out = []
    note = 0
    labels = ["page", "page", "page", "chapter", "section", "paragraph", "figure", "volume", "line",
              "note", "verse", "book", "column", "folio", "issue", "opus", "sub verbo", "part"]
    locators = ["12", "12-15", "3, 7", "xii", "45n2", "iv-vi", "101 ff.", "2.3", "12\u201315", "A4"]
    previous = None
    for n in range(max(1, len(items) * 2 // 3)):
        note += 1
        count = 1 if maybe(rng, 0.7) else rng.randint(2, 5)
        if previous and maybe(rng, 0.2):
            chosen = [previous]
        else:
            chosen = rng.sample(ids, count)
        cites = []
        for key in chosen:
            cite = {"id": key}
            if maybe(rng, 0.45):
                cite["locator"] = rng.choice(locators)
                cite["label"] = rng.choice(labels)
            if maybe(rng, 0.08):
                cite["prefix"] = rng.choice(["see ", "cf. ", "e.g., ", "See also "])
            if maybe(rng, 0.06):
                cite["suffix"] = rng.choice([", emphasis added", " (discussing reform)", "; and passim"])
            if count == 1 and maybe(rng, 0.06):
                cite["suppress-author"] = True
            cites.append(cite)
        previous = chosen[-1]
        out.append({"id": "c%04d" % (n + 1), "noteIndex": note, "items": cites})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--items", type=int, default=150)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    items = []
    for index in range(args.items):
        item_type = TYPES[index] if index < len(TYPES) else rng.choice(COMMON_TYPES + TYPES)
        items.append(item(rng, index, item_type))
    items += twins(rng, items)
    citations = clusters(rng, items)
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "items.json"), "w", encoding="utf-8") as handle:
        json.dump(items, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    with open(os.path.join(args.outdir, "citations.json"), "w", encoding="utf-8") as handle:
        json.dump(citations, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
