"""The workbook export does each piece of work once: counts, which do not drift as times do.

Its action table, its dashboard and its streams sheet each judge every action; within one
export each action is judged once (``judging.judged_once``), and the memo ends with the export.
"""

from __future__ import annotations

import datetime as dt

from planaction import store
from planaction.core import judging, rules
from planaction.exchange.xlsx import export
from tests.conftest import PLANS

TODAY = dt.date(2025, 5, 12)


def test_an_export_judges_each_action_once(monkeypatch) -> None:
    document = store.load(PLANS / "onboarding-client.yaml", nodes=False)
    plan = document.plan
    assert plan.streams  # the streams are judged too: on the dashboard and on their own sheet
    judged: list[str] = []
    judge = rules._action_rag

    def counting(action, today, due_soon_days):
        judged.append(action.id)
        return judge(action, today, due_soon_days)

    monkeypatch.setattr(rules, "_action_rag", counting)
    export.render(plan, plan_id=document.plan_id, file_name="plan.yaml", today=TODAY, lang="fr")
    assert sorted(judged) == sorted(a.id for a in plan.actions)
    # outside an export nothing is kept: the same action is judged again
    judged.clear()
    rules.action_rag(plan.actions[0], TODAY)
    rules.action_rag(plan.actions[0], TODAY)
    assert judged == [plan.actions[0].id] * 2


def test_the_memo_tells_days_and_actions_apart() -> None:
    plan = store.load(PLANS / "support-it.yaml", nodes=False).plan
    first, second = plan.actions[0], plan.actions[1]
    with judging.judged_once():
        once = rules.action_rag(first, TODAY)
        assert rules.action_rag(first, TODAY) is once
        assert rules.action_rag(first, dt.date(2030, 1, 1)) == rules._action_rag(first, dt.date(2030, 1, 1), 7)
        assert rules.action_rag(second, TODAY) == rules._action_rag(second, TODAY, 7)
        assert rules.action_rag(first, TODAY, due_soon_days=30) == rules._action_rag(first, TODAY, 30)
    assert judging._MEMO.get() is None


def test_rows_written_by_column_number_their_styles_row_by_row() -> None:
    """The table's rows are written column by column (a column of text checked as one); the styles
    a cell needs only sometimes are still numbered as a row by row writer meets them."""
    from openpyxl import Workbook

    from planaction.exchange.xlsx.rows import FastRows, Styles

    styles = Styles(Workbook(), "dd/mm/yyyy")
    rows = FastRows(styles._scratch, styles, 2)
    # row 2: a date in the open column C; row 3: a date in column A, then a text read as a formula in B
    columns = [[None, dt.date(2025, 1, 2)], ["plain & <b>", "=1+1"], [dt.date(2025, 1, 1), ""]]
    rows.add(columns, ["top", "wrap", "top^"], [None, 30])
    assert styles.id("date^") < styles.id("date") < styles.id("wrap!")
    second = rows.lines[1]
    assert second.startswith('<row r="3" ht="30" customHeight="1"><c r="A3"')
    assert f'<c r="B3" s="{styles.id("wrap!")}" t="inlineStr"><is><t xml:space="preserve">=1+1</t>' in second
    assert "plain &amp; &lt;b&gt;" in rows.lines[0]
    assert f'<c r="C3" s="{styles.id("top^")}"/>' in second  # empty, unlocked like its column


def test_a_text_holding_the_separator_is_still_written_as_it_was() -> None:
    """Texts that hold NUL (which ``spec.cell_text`` never leaves) are checked one by one."""
    from openpyxl import Workbook

    from planaction.exchange.xlsx.rows import FastRows, Styles

    styles = Styles(Workbook(), "dd/mm/yyyy")
    rows = FastRows(styles._scratch, styles, 2)
    rows.add([["a\x00=b", "c & d", None], ["x", "\x00", "=y"]], ["top", "wrap"], [None, None, None])
    assert "a\x00=b</t>" in rows.lines[0] and "c &amp; d</t>" in rows.lines[1]
    assert f'<c r="B4" s="{styles.id("wrap!")}" t="inlineStr">' in rows.lines[2]
    assert "top!" not in styles.ids  # no text of column A reads as a formula
