"""The project's own msgids, found without GNU gettext (CI has none).

Python: calls of gettext and friends, read with ``ast``. Templates: Django's own
``templatize`` (what makemessages feeds to xgettext), read back the same way.

    .venv/bin/python -m tests.i18n.extract    # lists msgids without Vietnamese
"""

import ast
import re
from pathlib import Path

from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
# The apps and templates the i18n catalogue (locale/vi) covers; newer apps keep their own.
APPS = ["cms", "home", "articles", "exemplars", "search"]
CALLS = {
    "_": ("msgid",),
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "ngettext": ("msgid", "plural"),
    "ngettext_lazy": ("msgid", "plural"),
    "pgettext": ("context", "msgid"),
    "pgettext_lazy": ("context", "msgid"),
    "npgettext": ("context", "msgid", "plural"),
    "npgettext_lazy": ("context", "msgid", "plural"),
}


def python_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def template_files():
    folders = [ROOT / "templates"] + [ROOT / app / "templates" for app in APPS]
    for folder in folders:
        yield from sorted(folder.rglob("*.html")) if folder.exists() else ()


def _messages_in_code(tree, origin):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in CALLS:
            continue
        roles = CALLS[name]
        values = {}
        for role, arg in zip(roles, node.args, strict=False):
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                values[role] = arg.value
        if "msgid" in values:
            yield values.get("context"), values["msgid"], values.get("plural"), origin


def _template_code(source):
    """templatize's output as Python ast (it is Python-like; its text filler is dropped)."""
    code = templatize(source)
    calls = re.findall(
        r"\b(?:n?p?gettext|_)\((?:[^()'\"]|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")*\)", code
    )
    return ast.parse("\n".join(calls) or "pass")


def project_messages():
    """{(context, msgid, plural): [where, …]} for the project's own code and templates."""
    found = {}
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for context, msgid, plural, origin in _messages_in_code(tree, path.relative_to(ROOT)):
            found.setdefault((context, msgid, plural), []).append(str(origin))
    for path in template_files():
        tree = _template_code(path.read_text(encoding="utf-8"))
        for context, msgid, plural, origin in _messages_in_code(tree, path.relative_to(ROOT)):
            found.setdefault((context, msgid, plural), []).append(str(origin))
    return found


def catalogue(path=ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"):
    import polib

    return polib.pofile(str(path))


def vietnamese_catalogues():
    """The project catalogue and every app's own Vietnamese catalogue (Django reads them all)."""
    paths = [ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"]
    paths += sorted(ROOT.glob("*/locale/vi/LC_MESSAGES/django.po"))
    return [catalogue(path) for path in paths if path.relative_to(ROOT).parts[0][0] != "."]


def untranslated(messages=None, catalogues=None):
    """The project's msgids that have no Vietnamese in any catalogue Django reads."""
    messages = project_messages() if messages is None else messages
    catalogues = vietnamese_catalogues() if catalogues is None else catalogues
    translated = {
        (entry.msgctxt or None, entry.msgid)
        for po in catalogues
        for entry in po
        if not entry.obsolete
        and "fuzzy" not in entry.flags
        and (entry.msgstr or any(entry.msgstr_plural.values()))
    }
    return {key: where for key, where in messages.items() if key[:2] not in translated}


if __name__ == "__main__":
    import django

    django.setup()
    for (context, msgid, plural), where in sorted(untranslated().items(), key=str):
        print(f"{where[0]}\t{context or ''}\t{msgid!r}\t{plural or ''}")
