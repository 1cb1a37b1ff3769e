"""View what the zh/en components find on the dev texts (a developer aid, not a test).

    .venv/bin/python tests/extract/zh_en_dev_view.py en_06 zh_04 ...
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from coopnode.extract.types import Doc

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"


def view(name: str) -> None:
    lang = name.split("_")[0]
    components = importlib.import_module(f"coopnode.extract.{lang}").COMPONENTS
    doc = Doc(text=(DEV / f"{name}.txt").read_text("utf-8"), language=lang)
    doc.sentences = components.sentences(doc)
    doc.entities = components.entities(doc)
    doc.positions = components.positions(doc)
    doc.triggers = components.triggers(doc)
    doc.agreements = components.agreements(doc)
    print(f"=== {name}: {len(doc.sentences)} sentences")
    seen = set()
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text, e
        key = (e.type, e.name)
        if key not in seen:
            seen.add(key)
            print(f"  {e.type:13} {e.name}  [{e.text}] {e.country or ''} {e.source}")
    for p in doc.positions:
        print(f"  POS {p.title!r} person={p.person and p.person.name} org={p.organization and p.organization.name}")
    for t in doc.triggers:
        print(f"  TRG {t.type:9} {t.text!r}{' planned' if t.planned_hint else ''}")
    for a in doc.agreements:
        print(f"  AGR {a.type:11} {a.title!r}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        view(arg)
