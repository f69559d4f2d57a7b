"""Leaving the app without losing work: one way out that asks, and a rescue when no one can be asked.

Every way out — ``ctrl+q`` (Textual's own binding), ``q``, the palette's
"Quit", the portfolio's ``q`` — calls ``request_quit``: a form with typed
changes asks first ("back to the form / discard"), any other question on
screen is closed, then each open plan with unsaved changes asks "save /
don't save / cancel". Only then does the app exit.

When the app must stop without asking (the terminal closed: SIGHUP; a
``kill``: SIGTERM; a crash), the unsaved edits of each open plan are written
to ``plan.yaml.unsaved`` (``EditSession.rescue``) and never into the plan,
since no one confirmed them as a save; the next time the plan opens,
``offer_rescued`` asks whether to take them back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planaction.present.language import LANGS, interface_language
from planaction.present.session import find_rescued
from planaction.store.atomic import SaveError
from planaction.tui.widgets.questions import ChoiceModal
from planaction.words.labels import date_text
from planaction.words.tui import say

if TYPE_CHECKING:
    from textual.app import App

    from planaction.tui.screens.plan import PlanScreen


class HoldsEdits:
    """A screen whose plan may hold unsaved edits (the plan screen): what leaving asks about.

    A marker the plan screen inherits, so that leaving can find open plans
    without importing the screen that imports it.
    """


def open_plans(app: App) -> list[PlanScreen]:
    """The plans open in the app, the one on top first."""
    return [screen for screen in reversed(app.screen_stack) if isinstance(screen, HoldsEdits)]  # type: ignore[misc]


def app_lang(app: App) -> str:
    """The language the app speaks now: the plan on top's, else the portfolio's, else the one chosen
    for an empty app (``interface_language``: ``--lang``, else the locale)."""
    plans = open_plans(app)
    if plans:
        return plans[0].lang
    for screen in reversed(app.screen_stack):
        lang = getattr(screen, "lang", None)
        if isinstance(lang, str) and lang in LANGS:
            return lang
    return interface_language(getattr(app, "lang", None))


def question_open(app: App) -> bool:
    """Whether a "leave?" question is on screen already (a second ctrl+q must not stack another)."""
    return bool(getattr(app, "_leave_question", False))


def set_question_open(app: App, value: bool) -> None:
    app._leave_question = value  # type: ignore[attr-defined]


def request_quit(app: App) -> None:
    """Leave the app once nothing unsaved would be lost (the person decides each case)."""
    if question_open(app):
        return
    top = app.screen
    holds_typing = getattr(top, "has_changes", None)  # a form (FormScreen, the new plan's)
    if callable(holds_typing) and holds_typing():
        _ask_about_form(app, top)
        return
    if top.is_modal:  # a question, the palette, a form with nothing typed: closing it loses nothing
        top.dismiss(None)
        app.call_after_refresh(request_quit, app)
        return
    leave_plans(app, open_plans(app), app.exit)


def _ask_about_form(app: App, form: Any) -> None:
    lang = form.lang

    def chosen(choice: str | None) -> None:
        set_question_open(app, False)
        if choice == "discard":
            form.dismiss(None)
            app.call_after_refresh(request_quit, app)

    set_question_open(app, True)
    app.push_screen(
        ChoiceModal(
            say("form_unapplied", lang),
            [
                ("cancel", say("back_to_form", lang), "primary"),
                ("discard", say("discard_and_quit", lang), "error"),
            ],
            focus="cancel",
        ),
        chosen,
    )


def leave_plans(app: App, plans: list[PlanScreen], then: object) -> None:
    """Ask each plan in turn (save / don't save / cancel); ``then`` once all agreed."""
    if not plans:
        then()  # type: ignore[operator]
        return
    plans[0].leave(lambda: leave_plans(app, plans[1:], then))


# -- when no one can be asked ------------------------------------------------------


def rescue_all(app: App) -> list[str]:
    """Keep every open plan's unsaved edits beside it; the sentences to tell the person."""
    lang = app_lang(app)
    said = []
    for screen in open_plans(app):
        session = screen.session
        try:
            target = session.rescue()
        except (SaveError, OSError) as exc:
            said.append(say("rescue_failed", lang, path=session.path, problem=exc))
            continue
        if target is not None:
            said.append(rescued_sentence(session.path, target, lang))
    return said


def rescued_sentence(plan: Path, kept: Path, lang: str) -> str:
    return say("rescued", lang, plan=plan, kept=kept, name=plan.name)


def _when(kept: str, lang: str) -> str:
    """The time edits were kept, as the app shows dates (30/11/2026 01:14)."""
    try:
        moment = dt.datetime.fromisoformat(kept)
    except ValueError:
        return kept
    return f"{date_text(moment.date(), lang)} {moment:%H:%M}"


def offer_rescued(screen: PlanScreen) -> None:
    """Ask whether to take back edits an earlier session had to keep beside this plan."""
    session, lang = screen.session, screen.lang
    rescued = find_rescued(session.document)
    if rescued is None or not screen.is_attached:
        return
    name, kept, when = session.path.name, rescued.path.name, _when(rescued.kept, lang)
    if rescued.plan is None:
        screen.notify(
            say("rescued_unreadable", lang, kept=kept),
            severity="warning",
            timeout=15,
            markup=False,
        )
        return
    if rescued.current:
        question = say("rescued_offer", lang, name=name, when=when, kept=kept)
        choices = [("restore", say("take_back", lang), "primary")]
    else:
        question = say("rescued_stale", lang, name=name, when=when, kept=kept)
        choices = []
    choices += [
        ("later", say("later", lang), "default"),
        ("delete", say("delete", lang), "error"),
    ]

    def chosen(choice: str | None) -> None:
        if choice == "restore" and rescued.plan is not None:
            session.restore(rescued)
            screen.refresh_views()
        elif choice == "delete":
            rescued.path.unlink(missing_ok=True)

    screen.app.push_screen(ChoiceModal(question, choices, focus=choices[0][0]), chosen)
