"""A consultant in a steering meeting: a KPI measured below its playbook's threshold fires the
playbook on the dashboard; on the Governance tab, ``p`` turns it into an action, saved in the file.

Driven with a Pilot on a copy of the onboarding example; the saved file is read back."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from textual.widgets import Static

from planaction import store
from planaction.core.model import OriginKind
from tests.tui.conftest import make_app

QUIET_DAY = dt.date(2026, 12, 6)


def added_lines(before: Path, after: Path) -> list[str]:
    done = subprocess.run(
        ["git", "diff", "--no-index", "--no-color", "-U0", str(before), str(after)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in done.stdout.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


async def test_a_low_measurement_fires_the_playbook_and_p_answers_it(plan_copy, tmp_path: Path) -> None:
    path = plan_copy("onboarding-client.yaml")
    original = tmp_path / "original.yaml"
    original.write_bytes(path.read_bytes())
    app = make_app(path, today=QUIET_DAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("6")  # KPIs: K4 is the fourth row
        await pilot.pause()
        await pilot.press("down", "down", "down", "m")
        await pilot.pause()
        await pilot.press("3", "0", "ctrl+s")
        await pilot.pause()
        await pilot.press("2")  # the dashboard
        await pilot.pause()
        card = str(app.screen.query_one("#card-playbooks", Static).render())
        assert "Adoption : K4 à 30" in card and "sous le seuil de 40" in card
        await pilot.press("9", "shift+tab", "home", "down", "enter")  # Governance, then its playbooks
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("p")  # a second time: refused, nothing added
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    plan = store.load(path).plan
    answers = [a for a in plan.actions if any(o.kind == OriginKind.PLAYBOOK for o in a.origins)]
    assert [(a.id, a.title, a.owner, a.due) for a in answers] == [
        ("A15", "Session coaching ciblée + micro-parcours vidéo", "CSM + Champion", dt.date(2026, 12, 11))
    ]
    diff = added_lines(original, path)
    assert all(line.startswith("+") for line in diff)  # nothing of the plan rewritten
    assert "+      - kind: playbook" in diff and "+        ref: Adoption" in diff
    assert "+        note: K4 à 30\u00a0%, sous le seuil de 40\u00a0%" in diff
    assert "+        value: 30" in diff
