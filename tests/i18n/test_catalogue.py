"""Every msgid the project writes has Vietnamese, and the compiled catalogue is current.

Extraction is pure Python (tests/i18n/extract.py), so CI needs no GNU gettext.
"""

import subprocess
import sys

from django.utils import translation

from tests.i18n.extract import ROOT, catalogue, project_messages, untranslated


def test_extraction_finds_template_and_python_msgids():
    messages = project_messages()
    keys = {msgid for _, msgid, _ in messages}
    assert "News" in keys  # {% translate %} in a template
    assert "Page %(number)s/%(total)s" in keys  # {% blocktranslate %}
    assert "organisation name" in keys  # gettext_lazy in a model


def test_every_project_msgid_has_vietnamese():
    missing = untranslated()
    assert not missing, "msgids without Vietnamese in locale/vi:\n" + "\n".join(
        f"  {where[0]}: {msgid!r}" for (_, msgid, _), where in sorted(missing.items(), key=str)
    )


def test_catalogue_entries_are_well_formed():
    for entry in catalogue():
        if entry.obsolete or not entry.msgid:
            continue
        assert "fuzzy" not in entry.flags, entry.msgid
        for name in ("%(number)s", "%(total)s", "%(name)s", "%(count)s"):
            if name in entry.msgid and entry.msgstr:
                assert name in entry.msgstr, entry.msgid


def test_compiled_catalogues_are_up_to_date():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_messages.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_vietnamese_and_english_answers():
    with translation.override("vi"):
        assert translation.gettext("Department unions") == "Công đoàn bộ phận"
    with translation.override("en"):
        assert translation.gettext("Department unions") == "Department unions"
