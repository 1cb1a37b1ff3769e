"""The committed catalogs are complete and well-formed, so every page reads in ru and zh-hans."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[3] / "src" / "coopnode" / "web" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def catalog(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang, nplurals", [("ru", 4), ("zh_Hans", 1)])
def test_every_message_is_translated_with_the_right_plural_forms(lang, nplurals):
    po = catalog(lang)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    assert not untranslated, untranslated[:10]
    assert not [e.msgid for e in po.fuzzy_entries()]
    for entry in po:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == nplurals, entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("lang", ["ru", "zh_Hans"])
def test_translations_keep_every_placeholder(lang):
    for entry in catalog(lang):
        expected = set(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == expected, (entry.msgid, form)
