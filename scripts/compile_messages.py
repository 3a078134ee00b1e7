#!/usr/bin/env python3
"""Compile the project's gettext catalogs (locale/ and <app>/locale/) to .mo files.

    .venv/bin/python scripts/compile_messages.py           # write every .mo
    .venv/bin/python scripts/compile_messages.py --check   # verify the committed .mo files

Pure Python (polib), so a fresh machine needs no GNU gettext. ``--check`` writes nothing and
exits 1 if a .mo is missing, unreadable, or holds different translations from what its .po
compiles to. It compares parsed entries (msgctxt, msgid, plural, msgstr) and the header, not
bytes, so it does not depend on which compiler wrote the .mo.

The catalog in locale/vi supplies Vietnamese for Wagtail's own msgids: Django reads
LOCALE_PATHS before the installed apps' catalogs, so these translations take precedence.
"""

import argparse
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"


def catalog_entries(catalog):
    """What a compiled catalog holds: {(msgctxt, msgid, msgid_plural): msgstr or tuple}."""
    result = {}
    for entry in catalog:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if not any(forms):
                continue
            value = forms
        else:
            if not entry.msgstr:
                continue
            value = entry.msgstr
        result[(entry.msgctxt or None, entry.msgid, entry.msgid_plural or None)] = value
    return result


def po_files(locale_dir=LOCALE_DIR):
    """The project catalogue and every app's own (``<app>/locale/``), skipping the virtualenv."""
    paths = set(locale_dir.glob("*/LC_MESSAGES/*.po"))
    paths.update(ROOT.glob("*/locale/*/LC_MESSAGES/*.po"))
    return sorted(p for p in paths if not p.relative_to(ROOT).parts[0].startswith("."))


def check(po_path):
    """Return None if the .mo next to po_path matches it, else a description of the problem."""
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return "missing"
    po = polib.pofile(str(po_path))
    try:
        mo = polib.mofile(str(mo_path))
    except Exception as exc:  # a truncated or non-gettext file
        return f"unreadable ({exc})"
    expected, actual = catalog_entries(po), catalog_entries(mo)
    problems = []
    if po.metadata != mo.metadata:
        problems.append("header differs")
    missing = expected.keys() - actual.keys()
    extra = actual.keys() - expected.keys()
    changed = [k for k in expected.keys() & actual.keys() if expected[k] != actual[k]]
    for label, keys in (("missing", missing), ("extra", extra), ("changed", changed)):
        if keys:
            sample = ", ".join(repr(k[1][:40]) for k in sorted(keys, key=str)[:3])
            problems.append(f"{len(keys)} {label} (e.g. {sample})")
    return "; ".join(problems) or None


def compile_po(po_path):
    po = polib.pofile(str(po_path))
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    return len(po.translated_entries()), len(po)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if any .mo is missing or out of date with its .po",
    )
    args = parser.parse_args(argv)

    paths = po_files()
    if not paths:
        print(f"no catalogs under {LOCALE_DIR}", file=sys.stderr)
        return 1
    failed = False
    for po_path in paths:
        rel = po_path.relative_to(ROOT)
        if args.check:
            problem = check(po_path)
            if problem:
                failed = True
                print(f"{rel.with_suffix('.mo')}: {problem}", file=sys.stderr)
            else:
                print(f"{rel.with_suffix('.mo')}: up to date")
        else:
            translated, total = compile_po(po_path)
            print(f"{rel} -> {rel.with_suffix('.mo').name}: {translated}/{total} translated")
    if failed:
        print("run: .venv/bin/python scripts/compile_messages.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
