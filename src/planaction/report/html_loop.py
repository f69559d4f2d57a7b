"""The improvement loop's small sections of the one-page report (``html.page_html``): the imperative
criteria with their scores and corrective actions, the last retro, the latest lessons learned.

Small on purpose, so that the page stays one page: the last retro only (its three items), two
lessons (their titles), the criteria one line each; as of the report's day. Every plan string goes through ``esc``
(``printable`` then ``html.escape``), as in ``html``; a part the plan does not have adds nothing.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from planaction.present.improvement import Improvement, improvement_view
from planaction.words.improvement import say
from planaction.words.safetext import printable

if TYPE_CHECKING:
    from planaction.report.build import PlanReport

#: Lessons on the page: the latest written.
PAGE_LESSONS = 2


def esc(text: object) -> str:
    return html.escape(printable(str(text)), quote=True)


def _criteria(view: Improvement, lang: str) -> str:
    if not view.criteria:
        return ""
    rows = "".join(
        f'<tr><td class="num">{esc(c.score_text)}</td><td>{esc(c.name)}</td>'
        f"<td>{esc(', '.join(f'{i} ({status})' for i, _t, status in c.actions))}</td></tr>"
        for c in view.criteria
    )
    return f'<section class="criteria"><h2>{esc(say("criteria", lang))}</h2><table>{rows}</table></section>'


def _retro(view: Improvement, lang: str) -> str:
    retro = view.last_retro
    if retro is None:
        return ""
    items = " · ".join(
        f"<strong>{esc(say(f'retro_{i.kind}_short', lang))}</strong> {esc(i.what)}"
        + (f" {esc(say('retro_became', lang, action=i.action))}" if i.action else "")
        for i in retro.items
    )
    title = say("last_retro", lang, date=retro.date)
    return f'<section class="retro"><h2>{esc(title)}</h2><p>{items}</p></section>'


def _lessons(view: Improvement, lang: str) -> str:
    if not view.lessons:
        return ""
    items = [f"<li>{esc(lesson.title)}</li>" for lesson in view.lessons[-PAGE_LESSONS:]]
    return f'<section class="lessons"><h2>{esc(say("lessons", lang))}</h2><ul>{"".join(items)}</ul></section>'


def sections(report: PlanReport) -> list[str]:
    """The loop's sections for the page's right-hand column (empty strings for parts the plan lacks)."""
    lang = report.lang
    view = improvement_view(report.plan, lang, report.today)
    return [_criteria(view, lang), _retro(view, lang), _lessons(view, lang)]
