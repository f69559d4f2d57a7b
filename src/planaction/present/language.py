"""Which language the interface speaks: one decision, made here, for the app and the command line.

The person's choice (``--lang``) first; else the plans' own language (a plan's ``language:``, French
when the plan does not say, as the model reads it), when every plan shown speaks the same one; else
the locale (``PLANACTION_LANG``, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` as POSIX orders them:
``fr*`` is French, anything else English). A folder of English plans is shown in English even on a
French machine, and a folder mixing languages follows the machine.

Nothing here knows Textual: the app asks ``interface_language`` and shows the answer.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

LANGS = ("fr", "en")
#: The variables that name the locale, the first one set winning (POSIX: LC_ALL over LC_MESSAGES over LANG).
LOCALE_VARIABLES = ("PLANACTION_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The machine's language: ``fr`` for a French locale (``fr_FR.UTF-8``, ``fr``), else ``en``."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def interface_language(
    chosen: str | None, plan_languages: Iterable[str] = (), environ: Mapping[str, str] | None = None
) -> str:
    """The interface's language: ``chosen`` (``--lang``), else the plans' one language, else the locale."""
    if chosen in LANGS:
        return chosen  # type: ignore[return-value]
    spoken = set(plan_languages)
    if len(spoken) == 1 and (only := spoken.pop()) in LANGS:
        return only
    return locale_language(environ)


def folder_languages(folder: Path) -> list[str]:
    """The language of each readable plan of ``folder`` (an unreadable one says nothing)."""
    from planaction import store  # only when a folder is shown: the command line need not load plans

    languages = []
    for path in store.plan_files([folder]):
        document = store.read(path, nodes=False).document
        if document is not None:
            languages.append(document.plan.language)
    return languages
