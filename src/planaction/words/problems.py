"""Problems found in a file, and their three printed forms (text, JSON, GitHub).

Every problem a user can cause is reported the same way: ``path:line:col:
level: message`` with a hint on the next line, which editors, ``grep`` and CI
annotations all understand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planaction.message import DEFAULT_LANG, Message
from planaction.words.safetext import json_text, one_line

ERROR = "error"
WARNING = "warning"
FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Problem:
    """A located problem. ``message`` and ``hint`` are the English sentences; ``code`` names the
    message for scripts (``validate --format json``), and ``said``/``hint_said`` keep the codes and
    values so that ``as_text("fr")`` can say it in French. A problem built from text alone (an older
    caller) has no code and reads the same in every language."""

    file: str
    line: int  # 1-based
    col: int  # 1-based
    level: str
    message: str
    hint: str | None = None
    code: str = ""
    said: Message | None = field(default=None, compare=False, repr=False)
    hint_said: Message | None = field(default=None, compare=False, repr=False)

    @staticmethod
    def of(
        file: str,
        line: int,
        col: int,
        level: str,
        said: Message,
        hint: Message | None = None,
        *,
        code: str | None = None,
    ) -> Problem:
        """A problem from messages (``code``: when ``said`` wraps the message that names it)."""
        return Problem(
            file,
            line,
            col,
            level,
            said.text(),
            None if hint is None else hint.text(),
            said.code if code is None else code,
            said,
            hint,
        )

    def message_in(self, lang: str) -> str:
        return self.message if self.said is None or lang == DEFAULT_LANG else one_line(self.said.text(lang))

    def hint_in(self, lang: str) -> str | None:
        if self.hint_said is None or lang == DEFAULT_LANG:
            return self.hint
        return one_line(self.hint_said.text(lang))

    def __post_init__(self) -> None:
        # Messages quote plan text; one problem must stay one line (``path:line:col`` heads every
        # line that editors and CI read) and must not carry a terminal escape.
        object.__setattr__(self, "message", one_line(self.message))
        if self.hint is not None:
            object.__setattr__(self, "hint", one_line(self.hint))

    def as_text(self, lang: str = DEFAULT_LANG) -> str:
        # the file name too: a name holding a line break would start a line of its own (a GitHub
        # ``::error`` command, say); JSON keeps the exact name, escaped
        head = f"{one_line(self.file)}:{self.line}:{self.col}: {self.level}: {self.message_in(lang)}"
        hint = self.hint_in(lang)
        return f"{head}\n  hint: {hint}" if hint else head

    def as_json(self, lang: str = DEFAULT_LANG) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "level": self.level,
            "message": self.message_in(lang),
            "hint": self.hint_in(lang),
            "code": self.code,
        }


class PlanError(Exception):
    """A plan that cannot be read or written; carries located problems (``text("fr")`` in French)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.as_text() for p in problems))
        self.problems = problems

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return "\n".join(p.as_text(lang) for p in self.problems)


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(problems: Iterable[Problem], fmt: str, lang: str = DEFAULT_LANG) -> str:
    """The problems as text lines, a JSON array, or GitHub workflow commands, in ``lang``."""
    problems = list(problems)
    if fmt == "json":
        return json_text([p.as_json(lang) for p in problems])
    if fmt == "github":
        lines = []
        for p in problems:
            command = "error" if p.level == ERROR else "warning"
            hint = p.hint_in(lang)
            message = p.message_in(lang) + (f"\nhint: {hint}" if hint else "")
            lines.append(
                f"::{command} file={_github_escape(p.file, prop=True)},line={p.line},"
                f"col={p.col},title=planaction::{_github_escape(message)}"
            )
        return "\n".join(lines)
    return "\n".join(p.as_text(lang) for p in problems)
