"""The client workbook: written with openpyxl (export, sheet, styles, one builder per sheet: summary_sheet,
action_sheet, kpi_sheet, register_sheets; rows, hidden_sheet, identity, overwrite; spec for the shape) and
read back with python-calamine (book, cells, sheet_xml), merged three ways (merge, action/log/measurement
merges, merge_words) by the importer."""

import os
import sys

# openpyxl switches to lxml whenever lxml is installed, and python-pptx / python-docx (the deck and the
# canvas) bring it: then it writes an uncomputed formula as <v></v>, raises lxml's own error on a full
# disk, and reads some foreign parts differently. The workbook keeps the writer it was built and
# tested with, whatever else is installed (set before openpyxl is first imported; a caller's own
# setting wins).
os.environ.setdefault("OPENPYXL_LXML", "False")

#: What openpyxl imports on its first import only to find out whether it could use it: lxml, to check
#: its version (then set aside by the line above), and Pillow, for pictures in a sheet (the workbook
#: has none). Together a sixth of openpyxl's import, paid by every export.
_NOT_FOR_OPENPYXL = {"openpyxl.xml": "lxml", "openpyxl.drawing.image": "PIL"}


class _OpenpyxlWithoutExtras:
    """An import finder that answers "not installed" to those two imports, when openpyxl's own modules
    above ask, and to nobody else: the module that asks is found on the asking thread's stack, so a
    deck or a canvas importing lxml (even meanwhile, on another thread) gets it as usual."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        top = name.partition(".")[0]
        if top not in ("lxml", "PIL"):
            return None
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").startswith(("importlib", "_frozen_importlib")):
            frame = frame.f_back
        if frame is not None and _NOT_FOR_OPENPYXL.get(frame.f_globals.get("__name__", "")) == top:
            raise ModuleNotFoundError(f"{top} is left out of the workbook's openpyxl", name=name)
        return None


if not any(isinstance(finder, _OpenpyxlWithoutExtras) for finder in sys.meta_path):
    sys.meta_path.insert(0, _OpenpyxlWithoutExtras())
