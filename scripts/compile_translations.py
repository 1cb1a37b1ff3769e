"""Compile every ``locale/*/LC_MESSAGES/*.po`` under ``src/`` to ``.mo``.

Uses the Python ``polib`` library, which is installed with the project, so no system gettext
is needed to set up a node.  Only rebuilds catalogs whose ``.po`` is newer than the ``.mo``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    try:
        import polib
    except ImportError:
        print("polib is missing: run scripts/setup.sh", file=sys.stderr)
        return 1
    count = 0
    for po_path in sorted((ROOT / "src").rglob("locale/*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        count += 1
    if count:
        print(f"compiled {count} translation catalog(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
