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
from typing import TYPE_CHECKING

from planaction.present.session import find_rescued
from planaction.store.atomic import SaveError
from planaction.tui.forms import ChoiceModal, FormScreen
from planaction.words.labels import date_text

if TYPE_CHECKING:
    from textual.app import App

    from planaction.tui.plan_screen import PlanScreen


class HoldsEdits:
    """A screen whose plan may hold unsaved edits (the plan screen): what leaving asks about.

    A marker the plan screen inherits, so that leaving can find open plans
    without importing the screen that imports it.
    """


def _t(lang: str, fr: str, en: str) -> str:
    return fr if lang == "fr" else en


def open_plans(app: App) -> list[PlanScreen]:
    """The plans open in the app, the one on top first."""
    return [screen for screen in reversed(app.screen_stack) if isinstance(screen, HoldsEdits)]  # type: ignore[misc]


def app_lang(app: App) -> str:
    plans = open_plans(app)
    return plans[0].lang if plans else (getattr(app, "lang", None) or "fr")


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
    if isinstance(top, FormScreen) and top.has_changes():
        _ask_about_form(app, top)
        return
    if top.is_modal:  # a question, the palette, a form with nothing typed: closing it loses nothing
        top.dismiss(None)
        app.call_after_refresh(request_quit, app)
        return
    leave_plans(app, open_plans(app), app.exit)


def _ask_about_form(app: App, form: FormScreen) -> None:
    lang = form.lang

    def chosen(choice: str | None) -> None:
        set_question_open(app, False)
        if choice == "discard":
            form.dismiss(None)
            app.call_after_refresh(request_quit, app)

    set_question_open(app, True)
    app.push_screen(
        ChoiceModal(
            _t(
                lang,
                "Ce formulaire a des modifications qui ne sont pas encore appliquées au plan.",
                "This form has changes that are not applied to the plan yet.",
            ),
            [
                ("cancel", _t(lang, "Revenir au formulaire", "Back to the form"), "primary"),
                ("discard", _t(lang, "Les abandonner et quitter", "Discard them and quit"), "error"),
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
            said.append(
                _t(
                    lang,
                    f"planaction : les modifications non enregistrées de {session.path} n'ont pas pu être gardées ({exc})",
                    f"planaction: the unsaved edits of {session.path} could not be kept ({exc})",
                )
            )
            continue
        if target is not None:
            said.append(rescued_sentence(session.path, target, lang))
    return said


def rescued_sentence(plan: Path, kept: Path, lang: str) -> str:
    return _t(
        lang,
        f"planaction : modifications non enregistrées de {plan} gardées dans {kept} ; "
        f"rouvrez {plan.name} pour les reprendre",
        f"planaction: unsaved edits of {plan} kept in {kept}; open {plan.name} again to take them back",
    )


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
            _t(
                lang,
                f"{kept} garde des modifications d'une session interrompue, mais ne se lit plus comme un plan : "
                "ouvrez-le dans un éditeur.",
                f"{kept} holds edits of an interrupted session but no longer reads as a plan: open it in an editor.",
            ),
            severity="warning",
            timeout=15,
            markup=False,
        )
        return
    if rescued.current:
        question = _t(
            lang,
            f"Des modifications de {name} n'avaient pas été enregistrées quand planaction a dû s'arrêter "
            f"({when}) ; elles sont gardées dans {kept}. Les reprendre ? Elles redeviennent des "
            "modifications non enregistrées (ctrl+z les annule) ; « Plus tard » laisse le fichier.",
            f"Edits of {name} were not saved when planaction had to stop ({when}); they are kept in "
            f"{kept}. Take them back? They become unsaved edits again (ctrl+z undoes them); "
            '"Later" leaves the file.',
        )
        choices = [("restore", _t(lang, "Reprendre", "Take back"), "primary")]
    else:
        question = _t(
            lang,
            f"Des modifications de {name} gardées dans {kept} ({when}) ont été faites sur une version "
            f"du fichier qui a changé depuis. Comparez-les : planaction diff {name} {kept}",
            f"Edits of {name} kept in {kept} ({when}) were made on a version of the file that has "
            f"changed since. Compare them: planaction diff {name} {kept}",
        )
        choices = []
    choices += [
        ("later", _t(lang, "Plus tard", "Later"), "default"),
        ("delete", _t(lang, "Supprimer", "Delete"), "error"),
    ]

    def chosen(choice: str | None) -> None:
        if choice == "restore" and rescued.plan is not None:
            session.restore(rescued)
            screen.refresh_views()
        elif choice == "delete":
            rescued.path.unlink(missing_ok=True)

    screen.app.push_screen(ChoiceModal(question, choices, focus=choices[0][0]), chosen)
