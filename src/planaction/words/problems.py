"""Problems found in a file, and their three printed forms (text, JSON, GitHub).

Every problem a user can cause is reported the same way: ``path:line:col:
level: message`` with a hint on the next line, which editors, ``grep`` and CI
annotations all understand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from planaction.words.safetext import json_text, one_line

ERROR = "error"
WARNING = "warning"
FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based
    col: int  # 1-based
    level: str
    message: str
    hint: str | None = None

    def __post_init__(self) -> None:
        # Messages quote plan text; one problem must stay one line (``path:line:col`` heads every
        # line that editors and CI read) and must not carry a terminal escape.
        object.__setattr__(self, "message", one_line(self.message))
        if self.hint is not None:
            object.__setattr__(self, "hint", one_line(self.hint))

    def as_text(self) -> str:
        # the file name too: a name holding a line break would start a line of its own (a GitHub
        # ``::error`` command, say); JSON keeps the exact name, escaped
        head = f"{one_line(self.file)}:{self.line}:{self.col}: {self.level}: {self.message}"
        return f"{head}\n  hint: {self.hint}" if self.hint else head


class PlanError(Exception):
    """A plan that cannot be read or written; carries located problems."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.as_text() for p in problems))
        self.problems = problems


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(problems: Iterable[Problem], fmt: str) -> str:
    """The problems as text lines, a JSON array, or GitHub workflow commands."""
    problems = list(problems)
    if fmt == "json":
        return json_text([asdict(p) for p in problems])
    if fmt == "github":
        lines = []
        for p in problems:
            command = "error" if p.level == ERROR else "warning"
            message = p.message + (f"\nhint: {p.hint}" if p.hint else "")
            lines.append(
                f"::{command} file={_github_escape(p.file, prop=True)},line={p.line},"
                f"col={p.col},title=planaction::{_github_escape(message)}"
            )
        return "\n".join(lines)
    return "\n".join(p.as_text() for p in problems)
