"""openpyxl as the workbook imports it: its own writer (not lxml's) and without what an export never uses.

Set up when ``planaction.exchange.xlsx`` is imported, before openpyxl's first import: an environment
variable and an import finder that answers for a few of openpyxl's own modules only.
"""

import os
import sys
from collections.abc import Iterator, Mapping
from importlib.machinery import ModuleSpec, PathFinder
from importlib.util import module_from_spec, spec_from_loader
from types import ModuleType
from typing import Any

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
    deck or a canvas importing lxml (even meanwhile, on another thread) gets it as usual.

    It also spares two modules of openpyxl work done on import for what an export never uses
    (``_LATER``): about a fifth of what is left of openpyxl's import."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        later = _LATER.get(name)
        if later is not None:
            found = PathFinder.find_spec(name, path)  # type: ignore[arg-type]
            if found is None or found.loader is None:
                return None
            spec = spec_from_loader(name, later(found), origin=found.origin)
            if spec is not None:
                spec.has_location = found.has_location  # its __file__, for tracebacks
            return spec
        top = name.partition(".")[0]
        if top not in ("lxml", "PIL"):
            return None
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals.get("__name__", "").startswith(("importlib", "_frozen_importlib")):
            frame = frame.f_back
        if frame is not None and _NOT_FOR_OPENPYXL.get(frame.f_globals.get("__name__", "")) == top:
            raise ModuleNotFoundError(f"{top} is left out of the workbook's openpyxl", name=name)
        return None


class _BuiltinStyles(Mapping[str, Any]):
    """openpyxl's built-in named styles ("Good", "Bad", "Accent1"...), read from their XML when first
    looked up: a cell given one by name, a workbook read without styles. An export does neither."""

    def __init__(self, spec: ModuleSpec) -> None:
        self._spec = spec
        self.module: ModuleType | None = None

    def _styles(self) -> dict[str, Any]:
        if self.module is None:
            module = module_from_spec(self._spec)
            self._spec.loader.exec_module(module)  # type: ignore[union-attr]
            self.module = module
        return self.module.styles

    def __getitem__(self, name: str) -> Any:
        return self._styles()[name]

    def __contains__(self, name: object) -> bool:
        return name in self._styles()

    def __iter__(self) -> Iterator[str]:
        return iter(self._styles())

    def __len__(self) -> int:
        return len(self._styles())


class _LaterBuiltinStyles:
    """Loads ``openpyxl.styles.builtins`` as a module whose ``styles`` parse when first looked up
    (any other name of the module loads it whole)."""

    def __init__(self, found: ModuleSpec) -> None:
        self.found = found

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        styles = _BuiltinStyles(self.found)
        module.styles = styles  # type: ignore[attr-defined]

        def everything_else(name: str) -> Any:
            if name.startswith("__"):  # what the import system looks for (``__path__``...): not the styles
                raise AttributeError(name)
            styles._styles()
            return getattr(styles.module, name)

        module.__getattr__ = everything_else  # type: ignore[method-assign]


class _ManifestWithoutSystemTypes:
    """Loads ``openpyxl.packaging.manifest``, which makes a ``mimetypes.MimeTypes()`` on import: its
    table is Python's own types and openpyxl's, but making the first one reads the system's
    tables (``/etc/mime.types``) for the module's global functions, which openpyxl never calls.
    They are read when someone first calls them, as if openpyxl had not been imported."""

    def __init__(self, found: ModuleSpec) -> None:
        self.loader = found.loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[union-attr]

    def exec_module(self, module: ModuleType) -> None:
        import mimetypes

        if mimetypes.inited:
            self.loader.exec_module(module)  # type: ignore[union-attr]
            return
        mimetypes.inited = True
        try:
            self.loader.exec_module(module)  # type: ignore[union-attr]
        finally:
            mimetypes.inited = False


_LATER = {"openpyxl.styles.builtins": _LaterBuiltinStyles, "openpyxl.packaging.manifest": _ManifestWithoutSystemTypes}

if not any(isinstance(finder, _OpenpyxlWithoutExtras) for finder in sys.meta_path):
    sys.meta_path.insert(0, _OpenpyxlWithoutExtras())
