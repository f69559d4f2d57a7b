"""The stakes tab's view: stakes -> operational objectives -> actions, each with its RAG."""

from __future__ import annotations

import datetime as dt

from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from planaction.core.model import Plan, Rag
from planaction.present import views
from planaction.tui.widgets.tones import tone
from planaction.words.labels import rag_symbol
from planaction.words.safetext import one_line


class StakesTree(Tree[None]):
    """Stakes -> operational objectives -> actions; a label too long for the width ends in "…".

    Textual's tree draws a long label past the edge and scrolls sideways to it; here each label is
    cut to the room its indentation leaves, so that the RAG symbol and the start of every title stay
    in view and a cut shows as one.
    """

    def render_label(self, node: TreeNode[None], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        # the vertical scrollbar's room is kept either way: it comes after the labels are measured
        room = self.size.width - self.styles.scrollbar_size_vertical - depth * self.guide_depth
        if room > 0 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        return label

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
