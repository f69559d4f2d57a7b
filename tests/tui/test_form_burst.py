"""The key that opens a form, then what to type in it, all in one burst (as a terminal sends a fast
typist's keys, or a paste): every key lands in its field, none goes to the plan behind the form.

Tried by hand in tmux: ``a``, "Former les agents au CRM", tab, "Karim Benali" sent at once gave a
form whose title was "Karim Benali": the keys before the form was ready were lost (and a letter
bound on the plan screen, such as ``s``, could have changed an action).
"""

from __future__ import annotations

import pytest

from planaction import store
from tests.tui.conftest import SIZE, make_app
from tests.tui.test_portfolio_new import burst, typed


async def test_add_an_action_in_one_burst(plan_copy) -> None:
    path = plan_copy()
    before = store.load(path).plan
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "a", *typed("Former les agents au CRM"), "tab", *typed("Karim Benali"))
        await pilot.press("ctrl+s")  # a person's ctrl+s comes after the form is on screen
        await pilot.pause()
        assert not app.screen.is_modal
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = store.load(path).plan
    added = plan.actions[-1]
    assert (added.title, added.owner) == ("Former les agents au CRM", "Karim Benali")
    # nothing else moved: every other action as it was (no letter reached the plan screen)
    assert [a.model_dump() for a in plan.actions[:-1]] == [a.model_dump() for a in before.actions]


@pytest.mark.parametrize(("key", "text", "field"), [("l", "Point fait avec l'équipe", "result")])
async def test_a_log_entry_in_one_burst(plan_copy, key: str, text: str, field: str) -> None:
    path = plan_copy()
    before = store.load(path).plan
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, key, *typed(text))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = store.load(path).plan
    assert len(plan.log) == len(before.log) + 1
    assert getattr(plan.log[-1], field) == text
    assert [a.model_dump() for a in plan.actions] == [a.model_dump() for a in before.actions]


async def test_a_risk_from_its_tab_in_one_burst(plan_copy) -> None:
    path = plan_copy("product-launch-en.yaml")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "5", "a", *typed("Supplier delay"))
        form = app.screen
        assert form.is_modal and form.query_one("#f-title").value == "Supplier delay"


async def test_keys_typed_while_the_form_gets_ready_wait_for_it(plan_copy) -> None:
    """As a terminal delivers them: 'a' alone, then (while the form is being built) the rest."""
    import asyncio

    from textual import events

    from planaction.tui.forms.action import ActionForm

    path = plan_copy()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        driver = app._driver
        driver.send_message(events.Key("a", "a"))
        for _ in range(10_000):  # until the form is on top, before it has its fields
            if isinstance(app.screen, ActionForm):
                break
            await asyncio.sleep(0)
        form = app.screen
        assert isinstance(form, ActionForm) and not form.ready
        for key in [*typed("Former"), "tab", *typed("Karim")]:
            name = {"tab": "tab", " ": "space"}.get(key, key)
            driver.send_message(events.Key(name, "\t" if key == "tab" else key))
        await pilot.pause()
        await pilot.pause()
        assert form.query_one("#f-title").value == "Former"
        assert form.query_one("#f-owner").value == "Karim"
