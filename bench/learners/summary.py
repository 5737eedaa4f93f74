"""Prints the figures of bench/run-learners.sh as a Markdown table, from Gatling's reports and the
LRS count. Gatling 3.13 keeps its figures in each report's js/stats.js (a script, not JSON): one
"stats: {...}" block for all requests, then one per request name."""
import glob
import json
import os
import re

RESULTS = "bench/learners/target/gatling"


def blocks(prefix):
    runs = sorted(glob.glob(f"{RESULTS}/{prefix}-*/js/stats.js"))
    if not runs:
        return []
    text = open(runs[-1], encoding="utf-8").read()
    if "function fillStats" in text:
        text = text[: text.index("function fillStats")]
    found = []
    for chunk in text.split("stats: {")[1:]:
        figures = {"name": re.search(r'"name": "([^"]*)"', chunk).group(1)}
        for key in ("percentiles1", "percentiles3", "percentiles4", "maxResponseTime",
                    "meanNumberOfRequestsPerSecond"):
            figures[key] = re.search(r'"%s": \{\s*"total": "?([^",\s]*)' % key, chunk).group(1)
        counts = re.search(r'"numberOfRequests": \{\s*"total": "?(\d+)"?,\s*"ok": "?(\d+)"?,'
                           r'\s*"ko": "?(\d+)', chunk)
        figures["total"], figures["ko"] = counts.group(1), counts.group(3)
        found.append(figures)
    return found


def row(label, f):
    return (f"| {label} | {f['total']} | {f['ko']} | {f['percentiles1']} | {f['percentiles3']} | "
            f"{f['percentiles4']} | {f['maxResponseTime']} | {f['meanNumberOfRequestsPerSecond']} |")


base, learners = blocks("baselinesimulation"), blocks("learnerssimulation")
print("| requests | count | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |")
print("|---|---|---|---|---|---|---|---|")
if base:
    print(row("baseline: login page only", base[0]))
if learners:
    print(row("learners: all requests", learners[0]))
    for figures in learners[1:]:
        print(row("learners: " + figures["name"], figures))
if base and learners:
    b, l = int(base[0]["percentiles3"]), int(learners[0]["percentiles3"])
    print(f"\np95 learners / p95 baseline = {l} / {b} = {l / max(b, 1):.2f}")
lrs = "bench/learners/target/learners-lrs.json"
if os.path.exists(lrs):
    f = json.load(open(lrs))
    print(f"\nStatements in the LRS after the run: {f['statements']} of {f['expected']} expected;"
          f" {f['registrations']} registrations; per verb {f['perVerb']};"
          f" still queued in the LMS (readiness): {f['waitingInLms']};"
          f" counted {f['secondsAfterLastRequest']} s after the last request")
