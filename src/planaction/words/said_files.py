"""What the files say, by code: YAML text, reading, saving, locks and merge conflicts.

Merged into ``words.messages``; each entry is ``code: (french, english)``, the English
being the program's sentence word for word (tests and scripts read it).
"""

from __future__ import annotations

FILES: dict[str, tuple[str, str]] = {}
