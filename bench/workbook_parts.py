"""Check that two trees write the same client workbooks, part by part, byte for byte.

A speed change to the workbook export must not change what it writes. This
script exports every example plan in ``plans/`` and the 1,000-action plan of
``bench.py``, in French and in English, on two days, with this tree and with
another one (``--vs SRC``: the ``src`` folder of a checkout of the version
before), and compares every part of the archives, in order. The export's
timestamps (``docProps/core.xml``, the hidden sheet's ``exported_at``) are
masked; nothing else is.

Usage: python bench/workbook_parts.py --vs /path/to/other/checkout/src
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASKS = [
    (re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>"), rb"<dcterms:\1>T</dcterms:\1>"),
    (re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"), b"TIMESTAMP"),
]
DAYS = (dt.date(2026, 6, 1), dt.date(2025, 5, 20))


def parts(big: Path) -> dict[str, list[tuple[str, str]]]:
    """Each export's parts in archive order: (name, digest of the masked bytes), by case."""
    import planaction.cli  # noqa: F401  (as the command starts)
    from planaction import store
    from planaction.exchange.xlsx import export

    found = {}
    for path in [*sorted((ROOT / "plans").rglob("*.yaml")), big]:
        document = store.load(path, nodes=False)
        for lang in ("fr", "en"):
            for today in DAYS:
                data = export.render(
                    document.plan,
                    plan_id=document.plan_id,
                    file_name=path.name,
                    today=today,
                    lang=lang,
                    plan_path=document.path,
                )
                listed = []
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for info in archive.infolist():
                        body = archive.read(info)
                        for pattern, replacement in MASKS:
                            body = pattern.sub(replacement, body)
                        listed.append((info.filename, hashlib.sha256(body).hexdigest()))
                found[f"{path.stem} {lang} {today}"] = listed
    return found


def run(src: Path | None, big: Path) -> dict[str, list[list[str]]]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, __file__, "--dump", str(big)], env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vs", type=Path, help="the src folder of the other tree")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        print(json.dumps(parts(args.dump)))
        return 0
    if args.vs is None:
        parser.error("--vs SRC is required")
    sys.path.insert(0, str(Path(__file__).parent))
    from bench import generate

    with tempfile.TemporaryDirectory(prefix="planaction-parts-") as folder:
        big = Path(folder, "plan-1000.yaml")
        big.write_text(generate(1000), encoding="utf-8")
        mine, theirs = run(ROOT / "src", big), run(args.vs, big)
    differ = 0
    for case in sorted(set(mine) | set(theirs)):
        a, b = mine.get(case), theirs.get(case)
        if a == b:
            continue
        differ += 1
        names = [n for n, _ in a or []]
        other = dict(map(tuple, b or []))
        changed = [n for n, digest in a or [] if other.get(n) != digest]
        order = "" if names == [n for n, _ in b or []] else " (parts listed in another order)"
        print(f"{case}: {', '.join(changed) or 'parts missing'}{order}")
    print(f"{len(mine)} workbooks compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
