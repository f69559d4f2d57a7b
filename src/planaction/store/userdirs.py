"""The user's own folders: where planaction reads its settings and keeps its state.

``XDG_CONFIG_HOME`` and ``XDG_STATE_HOME`` as the XDG base directory spec says
(``~/.config`` and ``~/.local/state`` when unset or not absolute); on Windows,
``APPDATA`` and ``LOCALAPPDATA``. Each is ``.../planaction``. Tests and cron jobs
point them elsewhere with the same variables.
"""

from __future__ import annotations

import os
from pathlib import Path


def _base(variable: str, windows: str, default: tuple[str, ...]) -> Path:
    value = os.environ.get(variable, "")
    if value and Path(value).is_absolute():
        return Path(value)
    if os.name == "nt" and os.environ.get(windows):
        return Path(os.environ[windows])
    return Path.home().joinpath(*default)


def config_dir() -> Path:
    """Where settings are read from (``remind.toml``...)."""
    return _base("XDG_CONFIG_HOME", "APPDATA", (".config",)) / "planaction"


def state_dir() -> Path:
    """Where planaction remembers what it did (the journal of reminders sent)."""
    return _base("XDG_STATE_HOME", "LOCALAPPDATA", (".local", "state")) / "planaction"
