#!/usr/bin/env python3
"""How the engine's SQLite statement grows with the index, without the site (standard library).

    python3 bench/search/fts_growth.py --sizes 1000,10000,100000

Not the search page: a stand-in for Wagtail's index tables (an ``entry`` table and its FTS5
table, filled by the same kind of trigger) holding SIZE synthetic documents of 120 words drawn
from a Vietnamese-like folded vocabulary with a few very common words ("cong", "doan") and rare
ones. For each size it times the previous engine's statement (FTS5 joined to the entry table,
bm25() over the newest 2,000 matches) and the current one (the FTS5 match limited to the newest
1,000 rowids inside a subquery, joined afterwards), for common, middling and rare queries.
Milliseconds of CPU, median of 5 runs.
"""

import argparse
import random
import sqlite3
import statistics
import time

COMMON = ["cong", "doan", "vien", "truong", "nam", "hoc"]
WORDS = [f"tu{n}" for n in range(5000)]
QUERIES = {
    "cong doan (everywhere)": ["cong", "doan"],
    "cong tu7 (a third of documents)": ["cong", "tu7"],
    "tu100 tu101 (1 in 2,500)": ["tu100", "tu101"],
    "xylophone (none)": ["xylophone"],
}


def build(size, seed=2026):
    rng = random.Random(seed)
    db = sqlite3.connect(":memory:")
    db.executescript(
        "CREATE TABLE entry (id INTEGER PRIMARY KEY, content_type_id INT, object_id TEXT,"
        " body TEXT, title TEXT);"
        "CREATE VIRTUAL TABLE entry_fts USING fts5(autocomplete, body, title);"
        "CREATE TRIGGER ins AFTER INSERT ON entry BEGIN INSERT INTO entry_fts"
        "(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body); END;"
    )
    rows = []
    for number in range(1, size + 1):
        words = rng.sample(COMMON, 4) + rng.choices(WORDS[:50], k=20) + rng.choices(WORDS, k=96)
        rng.shuffle(words)
        rows.append((number, 1, str(number), " ".join(words), " ".join(words[:10])))
    db.executemany("INSERT INTO entry VALUES (?, ?, ?, ?, ?)", rows)
    return db


def old(terms):
    match = "{title body} : (" + " AND ".join(f'"{t}"' for t in terms) + ")"
    return (
        "SELECT e.object_id, bm25(entry_fts, 0.0, 1.0, 3.0) FROM entry_fts JOIN entry e"
        " ON e.id = entry_fts.rowid WHERE entry_fts MATCH ? AND e.content_type_id IN (1)"
        " ORDER BY entry_fts.rowid DESC LIMIT 2000",
        [match],
    )


def new(terms):
    match = "{title body} : (" + " AND ".join(f'"{t}"' for t in terms) + ")"
    return (
        "SELECT c.id, e.object_id FROM (SELECT rowid AS id FROM entry_fts WHERE entry_fts"
        " MATCH ? ORDER BY rowid DESC LIMIT 1000) AS c JOIN entry e ON e.id = c.id"
        " WHERE e.content_type_id IN (1)",
        [match],
    )


def cpu_ms(db, sql, params, repeat=5):
    times = []
    for _ in range(repeat):
        started = time.process_time()
        db.execute(sql, params).fetchall()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    print("| documents | query | previous (bm25, join) ms | current (limited match) ms |")
    print("| ---: | --- | ---: | ---: |")
    for size in map(int, args.sizes.split(",")):
        db = build(size)
        for label, terms in QUERIES.items():
            before = cpu_ms(db, *old(terms))
            after = cpu_ms(db, *new(terms))
            print(f"| {size:,} | {label} | {before:.1f} | {after:.1f} |", flush=True)
        db.close()


if __name__ == "__main__":
    main()
