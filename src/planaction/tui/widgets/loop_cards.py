"""The improvement loop's two cards on the dashboard: the situation analysis (the QQOQCP questions
answered, then the SWOT a quadrant a line) and the last retro held by today (its three items, each
with its owner and the action it became).

Laid out from ``present.improvement`` as the other cards are from ``views.dashboard``; each line is
cut to the card's width so that the cards stay short; a card the plan has nothing for is hidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.content import Content

from planaction.core.model import Plan
from planaction.present.improvement import improvement_view
from planaction.tui.widgets.line_table import fit
from planaction.tui.widgets.tones import lines
from planaction.words.improvement import say
from planaction.words.safetext import printable

#: The dashboard's ``_card(card_id, title, body, show=...)``.
ShowCard = Callable[..., None]


def fill(card: ShowCard, plan: Plan, today: dt.date, lang: str, screen_width: int) -> None:
    """Fill the "situation" and "retro" cards, side by side (the situation alone takes the row)."""
    view = improvement_view(plan, lang, today)
    # a card's room for text: its share of the row, less the pane's padding, its border and padding
    width = max(20, (screen_width - 4) // (1 if view.last_retro is None else 2) - 4)
    label_width = max((len(label) for label, _text in view.context), default=0)
    label_width = max([label_width, *(len(label) for _key, label, _items in view.swot)])
    situation: list[Content | str] = []
    for label, text in view.context:
        situation.append(
            Content.assemble((f"{label:<{label_width}} ", "bold"), printable(fit(text, width - label_width - 1)))
        )
    for _key, label, items in view.swot:
        situation.append(
            Content.assemble(
                (f"{label:<{label_width}} ", "bold"), printable(fit(" · ".join(items) or "—", width - label_width - 1))
            )
        )
    card("situation", say("situation", lang), lines(*situation) if situation else Content("—"), show=bool(situation))
    retro = view.last_retro
    if retro is None:
        card("retro", say("no_retro", lang), Content("—"), show=False)
        return
    short = {kind: say(f"retro_{kind}_short", lang) for kind in ("process", "content", "risk")}
    item_width = max(len(word) for word in short.values())
    items: list[Content | str] = []
    for item in retro.items:
        tail = item.text(lang).removeprefix(item.what)  # " (owner) → A8": what is cut, not who nor the action
        room = max(8, width - item_width - 1 - len(tail))
        text = printable(fit(item.what, room).rstrip() + tail)
        items.append(Content.assemble((f"{short[item.kind]:<{item_width}} ", "bold"), text))
    card("retro", say("last_retro", lang, date=retro.date), lines(*items) if items else Content("—"))
