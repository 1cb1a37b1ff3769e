"""Score the zh/en components on the dev set with a minimal stand-in for the assembly.

A developer aid while the pipeline's assembly is being written: mentions are grouped by
(type, name), an event is a trigger plus the first date of its sentence (status planned when
the trigger hints so or the date is after the document's), an agreement is a mention grouped by
title.  Writes PRED_DIR/NAME.json and runs shared/eval/score.py on it.

    .venv/bin/python tests/extract/zh_en_dev_score.py [--verbose]
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from coopnode.extract.types import Doc

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV = SHARED / "eval" / "dev"


def predict(name: str) -> dict:
    lang = name.split("_")[0]
    components = importlib.import_module(f"coopnode.extract.{lang}").COMPONENTS
    text = (DEV / f"{name}.txt").read_text("utf-8")
    m = re.match(r"date (\d{4}-\d{2}-\d{2})\n", text)
    doc = Doc(text=text, language=lang, published=m.group(1) if m else None)
    if doc.published is None:
        from coopnode.extract.dates import first_absolute_date
        doc.published = first_absolute_date(text, lang)
    for stage in ("sentences", "entities", "positions", "dates", "triggers", "agreements"):
        setattr(doc, stage, getattr(components, stage)(doc))
    entities: dict[tuple[str, str], dict] = {}
    for e in doc.entities:
        ent = entities.setdefault((e.type, e.name), {
            "id": f"e{len(entities) + 1}", "type": e.type, "name": e.name, "mentions": []})
        if e.text not in ent["mentions"]:
            ent["mentions"].append(e.text)
    events = []
    for t in doc.triggers:
        sentence = doc.sentence_of(t.start)
        if sentence is None:
            continue
        dates = [d for d in doc.dates if sentence.start <= d.start < sentence.end]
        if not dates:
            continue
        date = min(dates, key=lambda d: abs(d.start - t.start)).value
        planned = t.planned_hint or (doc.published is not None and date > doc.published)
        key = (t.type, date)
        if any((v["type"], v["date"]) == key for v in events):
            continue
        events.append({"id": f"v{len(events) + 1}", "type": t.type, "date": date,
                       "status": "planned" if planned else "past", "evidence": sentence.text})
    agreements: dict[str, dict] = {}
    for a in doc.agreements:
        agreements.setdefault(a.title, {"id": f"a{len(agreements) + 1}", "type": a.type,
                                        "title": a.title, "parties": [], "date": None})
    return {"language": lang, "published": doc.published, "entities": list(entities.values()),
            "events": events, "agreements": list(agreements.values())}


def main() -> None:
    names = sorted(p.name[: -len(".txt")] for p in DEV.glob("*.txt")
                   if p.name.startswith(("zh_", "en_")))
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as gold:
        for name in names:
            (Path(out) / f"{name}.json").write_text(
                json.dumps(predict(name), ensure_ascii=False, indent=1), "utf-8")
            (Path(gold) / f"{name}.gold.json").write_text(
                (DEV / f"{name}.gold.json").read_text("utf-8"), "utf-8")
        subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), gold, out,
                        *sys.argv[1:]], check=False)


if __name__ == "__main__":
    main()
