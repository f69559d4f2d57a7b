"""How a workbook is refused: one located problem per cell, and the exception that carries them.

Every part of the import (the archive check, the sheet reader, the cell
readers, the merge) refuses with ``CellProblem``s naming ``Sheet!Cell`` (or
the workbook itself); the import collects them and refuses the workbook as a
whole, so that nothing is written unless every cell could be read.
"""

from __future__ import annotations

from dataclasses import dataclass

from planaction.words.safetext import one_line


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    cell: str  # "F12", or "" for the sheet itself
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        """One line (and a hint): cell text quoted in a message can neither forge lines nor act on a terminal."""
        where = one_line(f"{self.sheet}!{self.cell}" if self.cell else self.sheet)
        text = f"{where}: {one_line(self.message)}"
        return f"{text}\n  hint: {one_line(self.hint)}" if self.hint else text


class WorkbookRefused(Exception):
    """The workbook cannot be imported; nothing was changed."""

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def column_letter(index: int) -> str:
    """The letters of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
