#!/usr/bin/env python3
"""Writes an ICEWS-style coded event table (CSV), deterministically, streaming.

    python3 benchmarks/generate_icews.py --rows 1000000 -o benchmarks/data/icews-1m.csv

Columns as ICEWS publishes them: Event ID, Event Date, Source Name, Source Sectors,
Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors,
Target Country, Story ID, Sentence Number, Publisher, City, District, Province, Country,
Latitude, Longitude. Actors: --actors distinct names (countries, governments, companies,
people), drawn with a skew so some are much more active; CAMEO codes from all 20 roots;
names with commas and quotes now and then (quoted as RFC 4180 says). Same seed and sizes,
same bytes (only random.Random(seed) is used).
"""
import argparse
import csv
import random
import sys

COUNTRIES = ["United States", "China", "Russian Federation", "India", "Japan", "Germany", "France",
             "United Kingdom", "Brazil", "Iran", "Israel", "Turkey", "Ukraine", "Pakistan", "Nigeria",
             "South Africa", "Mexico", "Indonesia", "Saudi Arabia", "South Korea"]
CAMEO = [("010", "Make statement"), ("020", "Make an appeal or request"), ("036", "Express intent to meet or negotiate"),
         ("040", "Consult"), ("042", "Make a visit"), ("043", "Host a visit"), ("051", "Praise or endorse"),
         ("057", "Sign formal agreement"), ("061", "Cooperate economically"), ("071", "Provide economic aid"),
         ("081", "Ease administrative sanctions"), ("090", "Investigate"), ("100", "Demand"),
         ("111", "Criticize or denounce"), ("112", "Accuse"), ("120", "Reject"), ("130", "Threaten"),
         ("141", "Demonstrate or rally"), ("150", "Demonstrate military or police power"),
         ("160", "Reduce relations"), ("163", "Impose embargo, boycott, or sanctions"), ("173", "Arrest, detain, or charge with legal action"),
         ("181", "Abduct, hijack, or take hostage"), ("190", "Use conventional military force"), ("200", "Use unconventional mass violence")]
SECTORS = ["Government,Executive", "Military", "Police", "Business", "Media", "Education", "NGOs", "Legislative / Parliamentary,Government",
           "Religious", "Citizen", "Rebel", "Judicial"]
ROLES = {"Government,Executive": "Government", "Military": "Armed Forces", "Police": "Police", "Business": "Business",
         "Media": "News Agency", "Education": "University", "NGOs": "Human Rights Group", "Legislative / Parliamentary,Government": "Parliament",
         "Religious": "Church", "Citizen": "Citizen", "Rebel": "Insurgents", "Judicial": "Court"}
PUBLISHERS = ["Xinhua", "BBC Monitoring", "Agence France-Presse", "Associated Press", "Reuters", "ITAR-TASS", "Yonhap"]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--actors", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    actors = []
    for c in COUNTRIES:
        actors.append((c, "", c))
    while len(actors) < a.actors:
        n = len(actors)
        country = COUNTRIES[int(rnd.random() * len(COUNTRIES))]
        sector = SECTORS[int(rnd.random() * len(SECTORS))]
        name = f"{ROLES[sector]} {n} ({country})"
        if n % 97 == 0:
            name = f"{ROLES[sector]} {n}, \"{country}\""
        actors.append((name, sector, country))
    out = sys.stdout if a.output == "-" else open(a.output, "w", newline="", encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
                "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
                "City", "District", "Province", "Country", "Latitude", "Longitude"])
    story = 20000000
    for i in range(a.rows):
        # Skewed choice: squaring favours low indexes (countries and early actors).
        s = actors[int((rnd.random() ** 2) * len(actors))]
        t = actors[int((rnd.random() ** 2) * len(actors))]
        if t is s:
            t = actors[(actors.index(s) + 1) % len(actors)] if len(actors) < 50 else actors[int(rnd.random() * len(actors))]
        code, text = CAMEO[int(rnd.random() * len(CAMEO))]
        day = 1 + int(rnd.random() * 3650)
        y, rem = 2015 + (day - 1) // 365, (day - 1) % 365
        m, d = 1 + rem // 31 if rem // 31 < 12 else 12, 1 + rem % 28
        if rnd.random() < 0.6:
            story += 1
        w.writerow([str(30000000 + i), f"{y:04d}-{m:02d}-{d:02d}", s[0], s[1], s[2], text, code,
                    f"{(rnd.random() * 20 - 10):.1f}", t[0], t[1], t[2], str(story), str(1 + int(rnd.random() * 5)),
                    PUBLISHERS[int(rnd.random() * len(PUBLISHERS))], "", "", "", s[2], "", ""])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
