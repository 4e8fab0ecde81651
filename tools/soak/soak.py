#!/usr/bin/env python3
"""Soak test: the dashboard runs in tmux while files land in its folder at a steady rate.

Writes one article every 1/RATE seconds (each written under a temporary name and renamed into
place, as scrapers do), rewrites an earlier one now and then and deletes another, for DURATION
seconds, sampling the dashboard's memory every SAMPLE seconds; then, if QUIET_SECONDS is given,
leaves the folder alone that long while still sampling, to show memory at a steady corpus. At the
end it quits the dashboard and checks that the index holds exactly the articles the folder holds.

Usage: python3 tools/soak/soak.py [DURATION_SECONDS] [RATE_PER_SECOND] [QUIET_SECONDS]
Needs tmux and a release build: swift build -c release --product sitrep
"""
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("SITREP_BINARY", os.path.join(ROOT, ".build", "release", "sitrep"))
DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 3600
RATE = float(sys.argv[2]) if len(sys.argv) > 2 else 20
QUIET = float(sys.argv[3]) if len(sys.argv) > 3 else 0
SAMPLE = 30

PEOPLE = ["Antony Blinken", "Dmytro Kuleba", "Dmitry Peskov", "Volodymyr Zelensky", "Jens Stoltenberg", "Sergei Lavrov"]
PLACES = ["Kyiv", "Mariupol", "Crimea", "Donbas", "Odesa", "Kharkiv", "Moscow", "Brussels"]
OUTLETS = ["Wire", "Reuters", "UPI", "UNIAN", "The Moscow Times"]


def article(k, rng, version=0):
    person, place, other = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(PEOPLE)
    day = 1 + k % 28
    paragraphs = [f"{person} spoke about {place} on Tuesday, officials said in report {k} (version {version})."]
    for _ in range(rng.randint(2, 12)):
        paragraphs.append(f"“We are watching the situation in {rng.choice(PLACES)} closely,” {other} said, "
                          f"adding that talks in {rng.choice(PLACES)} would resume next week.")
    return (f"---\ntitle: {person} on {place}, report {k}\nsource: {rng.choice(OUTLETS)}\npublished: 2021-04-{day:02d}\n---\n\n"
            + "\n\n".join(paragraphs) + "\n")


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def sitrep_pid(session):
    out = subprocess.run(["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"], capture_output=True, text=True).stdout.split()
    if not out:
        return None
    pane = int(out[0])
    with open(f"/proc/{pane}/comm") as f:
        if f.read().strip() == "sitrep":
            return pane
    children = subprocess.run(["pgrep", "-P", str(pane)], capture_output=True, text=True).stdout.split()
    return int(children[0]) if children else None


def main():
    if not os.path.exists(BINARY):
        sys.exit(f"soak: build first: swift build -c release --product sitrep ({BINARY} is missing)")
    work = tempfile.mkdtemp(prefix="sitrep-soak-")
    folder, cache = os.path.join(work, "articles"), os.path.join(work, "cache")
    os.makedirs(folder)
    os.makedirs(cache)
    index = os.path.join(cache, "sitrep", "index.sqlite")
    session = f"sitrep-soak-{os.getpid()}"
    command = f"XDG_CACHE_HOME='{cache}' '{BINARY}' '{folder}'"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", command], check=True)
    time.sleep(3)
    pid = sitrep_pid(session)
    rng = random.Random(2021)
    present = {}  # name -> version
    written = rewritten = deleted = 0
    samples = []
    started = time.time()
    next_sample = started
    k = 0
    try:
        while time.time() - started < DURATION:
            tick = time.time()
            name = f"a{k:07d}.txt"
            temporary = os.path.join(folder, name + ".part")
            with open(temporary, "w") as f:
                f.write(article(k, rng))
            os.rename(temporary, os.path.join(folder, name))
            present[name] = 0
            written += 1
            k += 1
            if k % 7 == 0 and present:
                victim = rng.choice(list(present))
                present[victim] += 1
                temporary = os.path.join(folder, victim + ".part")
                with open(temporary, "w") as f:
                    f.write(article(int(victim[1:8]), rng, present[victim]))
                os.rename(temporary, os.path.join(folder, victim))
                rewritten += 1
            if k % 10 == 0 and len(present) > 1:
                victim = rng.choice(list(present))
                os.remove(os.path.join(folder, victim))
                del present[victim]
                deleted += 1
            if time.time() >= next_sample:
                samples.append((round(time.time() - started), rss_kb(pid) if pid else None))
                next_sample += SAMPLE
            time.sleep(max(0, 1 / RATE - (time.time() - tick)))
        time.sleep(5)
        samples.append((round(time.time() - started), rss_kb(pid) if pid else None))
        writes_ended = len(samples) - 1
        quiet_started = time.time()
        while time.time() - quiet_started < QUIET:
            time.sleep(min(SAMPLE, max(0, QUIET - (time.time() - quiet_started))))
            samples.append((round(time.time() - started), rss_kb(pid) if pid else None))
        alive = pid is not None and os.path.exists(f"/proc/{pid}")
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
        subprocess.run(["tmux", "send-keys", "-t", session, "q"])
        time.sleep(2)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)

    # The index as the dashboard left it, read directly (a command would reconcile it first).
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as db:
        indexed = {os.path.basename(row[0]) for row in db.execute("SELECT DISTINCT path FROM article")}
    on_disk = set(n for n in os.listdir(folder) if n.endswith(".txt"))
    rss = [r for _, r in samples if r]
    report = {
        "seconds": round(time.time() - started), "rate": RATE, "written": written, "rewritten": rewritten, "deleted": deleted,
        "filesAtEnd": len(on_disk), "indexed": len(indexed), "missingFromIndex": len(on_disk - indexed),
        "notInFolder": len(indexed - on_disk), "dashboardAliveAtEnd": alive,
        "rssStartMB": round(rss[0] / 1024) if rss else None, "rssEndMB": round(rss[-1] / 1024) if rss else None,
        "rssMaxMB": round(max(rss) / 1024) if rss else None,
        "rssWhenWritingStoppedMB": round(samples[writes_ended][1] / 1024) if samples[writes_ended][1] else None,
        "quietSeconds": QUIET, "screenTitle": screen.splitlines()[0] if screen else "",
        "rssSamplesMB": [(t, round(r / 1024)) for t, r in samples if r],
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    shutil.rmtree(work, ignore_errors=True)
    ok = report["missingFromIndex"] == 0 and report["notInFolder"] == 0 and alive
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
