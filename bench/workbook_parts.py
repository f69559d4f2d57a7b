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
#: A plan of what a cell must not take as it is: formulas, markup, CR, control characters, dates
#: spreadsheets cannot show, a text past a cell's limit.
HOSTILE = """\
schema: 1
id: hostile
title: "=HYPERLINK(\\"x\\") & <b>\\r\\n title"
type: operational
language: fr
owner: "-Dupont & <Fils>"
period: {start: 1899-01-01, end: 2026-12-31}
objective:
  statement: "+1 objectif\\x01 avec \\uFFFE contrôle"
  unit: "j\\"ours"
  baseline: 7
  target: 3
streams:
  - id: S1
    name: "@flux"
    description: "desc\\r\\nCR"
actions:
  - id: A1
    title: "=1+1"
    owner: "Léa <admin>"
    co_owners: ["-x", "&y"]
    stream: S1
    start: 1899-06-01
    due: 1900-02-28
    status: done
    completed: 1900-03-01
    progress: 100
    indicators: ["\\tindent", "a & b"]
    comment: "@comment\\x0b vertical"
    resources: "=SUM(A1)"
    budget: 12.5
  - id: A2
    title: "Normal title"
    owner: "Bob"
    start: 2026-01-01
    due: 2026-03-01
    status: in_progress
    progress: 30
    comment: "ligne 1\\nligne 2\\r\\nligne 3"
  - id: A3
    title: "\\nstarts with a line break"
    owner: "Bob"
    due: 2026-05-01
    status: todo
  - id: A4
    title: "ok"
    owner: "Carl"
    status: blocked
    comment: "{long}"
log:
  - date: 2026-01-05
    action: A1
    result: "-5 % <ok>"
    comment: "=A1"
    author: "+me"
  - date: 2026-01-06
    action: A2
    result: "plain"
kpis:
  - id: K1
    name: "=KPI & <x>"
    unit: "%"
    baseline: 10
    target: 50
    measurements:
      - {date: 2026-01-10, value: 20, comment: "-first"}
      - {date: 2026-02-10, value: 25}
risks:
  - id: R1
    title: "=risk"
    probability: high
    impact: medium
    mitigation: "<mitigate> & go"
    owner: "-owner"
"""


def parts(generated: list[Path]) -> dict[str, list[tuple[str, str]]]:
    """Each export's parts in archive order: (name, digest of the masked bytes), by case."""
    import planaction.cli  # noqa: F401  (as the command starts)
    from planaction import store
    from planaction.exchange.xlsx import export

    found = {}
    for path in [*sorted((ROOT / "plans").rglob("*.yaml")), *generated]:
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


def run(src: Path | None, generated: list[Path]) -> dict[str, list[list[str]]]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, __file__, *(str(path) for path in generated)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vs", type=Path, help="the src folder of the other tree")
    parser.add_argument("generated", type=Path, nargs="*", help=argparse.SUPPRESS)  # run by run(): dump the parts
    args = parser.parse_args()
    if args.generated:
        print(json.dumps(parts(args.generated)))
        return 0
    if args.vs is None:
        parser.error("--vs SRC is required")
    sys.path.insert(0, str(Path(__file__).parent))
    from bench import generate

    with tempfile.TemporaryDirectory(prefix="planaction-parts-") as folder:
        big, hostile = Path(folder, "plan-1000.yaml"), Path(folder, "hostile.yaml")
        big.write_text(generate(1000), encoding="utf-8")
        hostile.write_text(HOSTILE.replace("{long}", "x" * 40_000), encoding="utf-8")
        mine, theirs = run(ROOT / "src", [big, hostile]), run(args.vs, [big, hostile])
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
