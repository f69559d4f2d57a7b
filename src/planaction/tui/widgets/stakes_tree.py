"""The stakes tab's view: stakes -> operational objectives -> actions, each with its RAG."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Tree

from planaction.core.model import Plan, Rag
from planaction.present import views
from planaction.tui.widgets.tones import tone
from planaction.words.labels import rag_symbol
from planaction.words.safetext import one_line


class StakesTree(Tree[None]):
    """Stakes -> operational objectives -> actions."""

    def show(self, plan: Plan, today: dt.date, lang: str) -> None:
        self.clear()
        self.root.set_label(self._text(plan.title, None))
        for node in views.stakes_tree(plan, today, lang):
            self._add(self.root, node)
        self.root.expand_all()

    def _text(self, label: str, rag: Rag | None) -> Text:
        text = Text(one_line(label))
        if rag is not None:
            colour = self.app.get_css_variables().get(tone(rag).lstrip("$"), "")
            text = Text.assemble((rag_symbol(rag) + " ", f"bold {colour}".strip()), text)
        return text

    def _add(self, parent, node: views.TreeNode) -> None:
        branch = parent.add(self._text(node.label, node.rag), expand=True) if node.children else None
        if branch is None:
            parent.add_leaf(self._text(node.label, node.rag))
            return
        for child in node.children:
            self._add(branch, child)
