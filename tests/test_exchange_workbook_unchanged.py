"""The client workbook of every example plan, part for part as the writer made it before it was split into
one module per sheet (``tests/fixtures/workbook_digests.json``, written from that code's output).

Each part of the XLSX archive is compared, with the export's date and time masked (the workbook records
when it was written). An intended change of the workbook, or a new openpyxl that writes its XML
differently, rewrites the digests with ``PLANACTION_WRITE_GOLDEN=1``; read the workbook first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from planaction import store
from planaction.exchange.xlsx import export
from tests.conftest import PLANS, REPO

DIGESTS = Path(__file__).parent / "fixtures" / "workbook_digests.json"
TODAY = dt.date(2025, 5, 12)


def normalised(data: bytes) -> bytes:
    """Every part of the archive, by name, without the moment of the export."""
    book = zipfile.ZipFile(io.BytesIO(data))
    parts = []
    for name in book.namelist():
        part = book.read(name)
        if name == "docProps/core.xml":
            part = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"", part)
        part = re.sub(rb"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d", b"T", part)
        parts.append(name.encode() + b"\n" + part)
    return b"\n====\n".join(parts)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_workbook_unchanged(path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the workbook records where its plan is, relative to here
    plan = store.load(path, nodes=False).plan
    plan_path = Path("plans") / path.name  # as recorded from the repository's root
    data = export.render(
        plan, plan_id=store.plan_id(plan, path), file_name=path.name, today=TODAY, lang=lang, plan_path=plan_path
    )
    digest = hashlib.sha256(normalised(data)).hexdigest()
    digests = json.loads(DIGESTS.read_text(encoding="utf-8"))
    key = f"{path.stem}.{lang}"
    if os.environ.get("PLANACTION_WRITE_GOLDEN"):
        digests[key] = digest
        DIGESTS.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert digests[key] == digest, f"the workbook of {path.name} ({lang}) changed"
