"""What a cold export loads: not the import's reader, not what openpyxl only probes for.

The workbook's speed target is for a cold process, where imports are a third
of the time. These tests run the real export in a fresh interpreter and read
which modules it loaded, so that an import moved back to the top of a module
shows here rather than as a slower benchmark weeks later.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.conftest import PLANS

#: Exports support-it in a fresh interpreter, then prints the modules it loaded and what openpyxl made of
#: lxml and Pillow; then imports lxml as the deck and the canvas do, and says whether that worked.
EXPORT = """
import json, sys
from pathlib import Path
from planaction.cli import main
code = main(["export", sys.argv[1], "-o", sys.argv[2], "--today", "2025-05-12"])
import openpyxl, openpyxl.drawing.image
loaded = sorted(sys.modules)
import lxml.etree
print(json.dumps({"code": code, "loaded": loaded, "lxml_in_openpyxl": openpyxl.LXML,
                  "pillow_in_openpyxl": bool(openpyxl.drawing.image.PILImage), "lxml_later": lxml.etree.LXML_VERSION[0]}))
"""


def _export(tmp_path: Path) -> tuple[dict, Path]:
    book = tmp_path / "support-it.xlsx"
    done = subprocess.run(
        [sys.executable, "-c", EXPORT, str(PLANS / "support-it.yaml"), str(book)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), book


def test_a_cold_export_loads_neither_the_reader_nor_what_openpyxl_only_probes(tmp_path: Path) -> None:
    found, book = _export(tmp_path)
    assert found["code"] == 0
    loaded = set(found["loaded"])
    # the import's side: the workbook reader and the parsing of what a client typed
    for module in (
        "python_calamine",
        "planaction.exchange.xlsx.book",
        "planaction.exchange.xlsx.sheet_xml",
        "planaction.exchange.xlsx.cells",
        "planaction.exchange.xlsx.importer",
        "planaction.words.userinput",
        "planaction.core.slippage",
        # the app's views the workbook does not show (it imports the present modules it shows, not views)
        "planaction.present.views",
        "planaction.present.portfolio",
        "planaction.present.timeline",
        # the cooperation's and the improvement loop's views, for a plan that has neither
        "planaction.present.structures",
        "planaction.present.improvement",
    ):
        assert module not in loaded, module
    # openpyxl asks for lxml (then set aside) and Pillow (pictures: the workbook has none)
    assert not any(name == "lxml" or name.startswith(("lxml.", "PIL")) for name in loaded)
    assert found["lxml_in_openpyxl"] is False
    assert found["pillow_in_openpyxl"] is False
    # anyone else still gets lxml: the deck and the canvas (python-pptx, python-docx) need it
    assert found["lxml_later"] >= 4
    # and the workbook is whole: every sheet there, the actions in their table
    workbook = openpyxl.load_workbook(book)
    assert "Actions" in workbook.sheetnames
    assert workbook["Actions"]["A2"].value == "A1"


def test_lxml_and_pillow_are_refused_to_openpyxl_alone(tmp_path: Path) -> None:
    """In one process, a deck's lxml and a picture's Pillow import as usual after the workbook's openpyxl."""
    script = (
        "import planaction.exchange.xlsx.export, sys\n"
        "assert 'lxml' not in sys.modules and 'PIL' not in sys.modules\n"
        "import lxml.etree, PIL.Image\n"
        "from pptx import Presentation\n"
        "Presentation()\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_openpyxl_work_an_export_never_uses_is_left_until_asked(tmp_path: Path) -> None:
    """The built-in named styles are parsed, and the system's MIME tables read, only when someone asks."""
    script = (
        "import sys, mimetypes\n"
        "from planaction.cli import main\n"
        f"assert main(['export', {str(PLANS / 'support-it.yaml')!r}, '-o', {str(tmp_path / 'b.xlsx')!r}]) == 0\n"
        "builtins = sys.modules['openpyxl.styles.builtins']\n"
        "assert builtins.styles.module is None and not mimetypes.inited\n"
        "import openpyxl\n"
        "cell = openpyxl.Workbook().active['A1']\n"
        "cell.style = 'Good'\n"  # a built-in named style: parsed now
        "assert cell.style == 'Good' and 'Bad' in builtins.styles and builtins.normal.strip().startswith('<namedStyle')\n"
        "print(mimetypes.guess_type('x.json')[0], mimetypes.inited)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["application/json", "True"]  # after the path the export printed
