"""The plan screen and its file: saving, leaving with unsaved changes, and a file changed on disk.

A save that meets another program's change asks (reload or keep mine); leaving a plan with
unsaved changes asks (save, don't save, cancel); the disk is checked every two seconds and when
the terminal gets the focus back.
"""

from __future__ import annotations

from typing import Any

from planaction.store import ConflictError, SaveError
from planaction.tui.flows import leaving
from planaction.tui.widgets.questions import ChoiceModal
from planaction.words.problems import PlanError
from planaction.words.safetext import printable
from planaction.words.tui import say


class PlanFile:
    """Saving and the file on disk for ``PlanScreen`` (a mixin: it uses the screen's session)."""

    _asking_disk = False

    def action_save(self, *, then: Any = None, force: bool = False) -> None:
        try:
            changed = self.session.save(force=force)
        except ConflictError:
            self.ask_disk(conflict=True)
            return
        except SaveError as exc:
            self.notify(
                printable(str(exc)),
                title=say("not_saved", self.lang),
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.refresh_title()
        if changed:
            self.notify(printable(say("saved", self.lang, path=self.session.path)), markup=False)
        if then is not None:
            then()

    def leave(self, after: Any) -> None:
        """Run ``after`` once unsaved changes are saved or given up (or stay)."""
        if not self.session.dirty:
            after()
            return

        def chosen(choice: str | None) -> None:
            leaving.set_question_open(self.app, False)
            if choice == "save":
                self.action_save(then=after)
            elif choice == "discard":
                after()

        lang = self.lang
        question = say("unsaved_question", lang, name=self.session.path.name)
        choices = [
            ("save", say("save", lang), "primary"),
            ("discard", say("dont_save", lang), "error"),
            ("cancel", say("cancel", lang), "default"),
        ]
        leaving.set_question_open(self.app, True)
        self.app.push_screen(ChoiceModal(question, choices, focus="save"), chosen)

    def action_quit_plan(self) -> None:
        leaving.request_quit(self.app)  # the one way out: asks about forms and every open plan

    def check_disk(self) -> None:
        if not self._asking_disk and self.app.screen is self and self.session.changed_on_disk():
            self.ask_disk(conflict=False)

    def ask_disk(self, *, conflict: bool) -> None:
        self._asking_disk = True
        dirty, lang = self.session.dirty, self.lang
        question = say("changed_on_disk_dirty" if dirty else "changed_on_disk", lang, name=self.session.path.name)
        choices = [
            ("reload", say("reload", lang), "warning" if dirty else "primary"),
            ("keep", say("keep_mine", lang), "primary" if dirty else "default"),
        ]

        def chosen(choice: str | None) -> None:
            self._asking_disk = False
            if choice == "reload":
                self.reload()
            elif choice == "keep":
                self.session.keep_mine()
                if conflict:
                    self.action_save()
                else:
                    self.notify(say("mine_will_replace", lang))

        self.app.push_screen(ChoiceModal(question, choices, focus="keep" if dirty else "reload"), chosen)

    def reload(self) -> None:
        try:
            self.session.reload()
        except PlanError as exc:
            first = exc.problems[0]
            self.notify(
                printable(f"{first.file}:{first.line}:{first.col}: {first.message}"),
                title=say("cannot_reload", self.lang),
                severity="error",
                timeout=10,
                markup=False,
            )
            self.session.keep_mine()
            return
        self._row_cache.clear()
        self.refresh_views()
        self.notify(say("reloaded", self.lang))
