"""What a command does before anything else: start fast.

pydantic looks for plugins the first time a model is built, through
``importlib.metadata``, which imports the e-mail parser and reads every
installed distribution's metadata: about 20 ms of each command's start on our
machines (``bench/bench_cold.py``), for plugins planaction never uses. The
command line is an application, so it tells pydantic there are none by
standing in for the one function pydantic asks (``get_plugins``). A library
importing planaction is not affected, and ``PLANACTION_PYDANTIC_PLUGINS=1``
keeps pydantic's own lookup (for a plugin you install on purpose).
"""

from __future__ import annotations

import os
import sys
import types

LOADER = "pydantic.plugin._loader"


def skip_pydantic_plugins() -> None:
    if os.environ.get("PLANACTION_PYDANTIC_PLUGINS") == "1" or LOADER in sys.modules:
        return
    loader = types.ModuleType(LOADER, "planaction: no pydantic plugins (see planaction.cli.startup)")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader
