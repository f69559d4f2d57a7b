"""The app's export offers the one-page report: a path ending in .html (or .pdf) typed in "Export to…"
writes the page, read back here by html.parser; the plan's branding shows on it."""

from __future__ import annotations

from textual.widgets import Input

from tests.export_page import read_page
from tests.tui.conftest import SIZE, make_app


async def test_export_to_html_writes_the_one_page_report(plan_copy, tmp_path) -> None:
    path = plan_copy()
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "branding:\n  client: Servicia <SA>\n  consultancy: Martin Conseil\n", encoding="utf-8")
    target = tmp_path / "comite.html"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        commands = {title: callback for title, _help, callback in app.screen.palette_commands()}
        commands["Exporter vers…"]()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(str(target) in str(n.message) for n in app._notifications)
    page = read_page(target)
    assert "Client : Servicia <SA>" in page.text and "Préparé par Martin Conseil" in page.text
    heading = next(h for h in page.sections if h.startswith("Actions ouvertes"))
    assert len(page.rows[heading]) > 1  # the table of open actions, with its header row
