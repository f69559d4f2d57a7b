"""The one-page steering report of a plan, or the portfolio table of a folder.

One report object, built from ``views`` and ``rules``, printed four ways:
Rich in a terminal, plain text when piped (or with ``NO_COLOR``), Markdown
fit for a pull-request comment or an e-mail, and JSON for scripts. Plan text
is data in all of them: no markup, no terminal escape, no HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Any

from planaction import store
from planaction.core import rules
from planaction.core.model import Plan, Rag
from planaction.present import describe, people, views
from planaction.words.labels import bar, date_text, rag_symbol, word
from planaction.words.markdown_text import md
from planaction.words.safetext import json_text, one_line

#: Open actions shown on the one-page report (all of them in JSON).
PAGE_ACTIONS = 10


@dataclass(frozen=True)
class OpenAction:
    id: str
    title: str
    owner: str
    co_owners: tuple[str, ...]
    due: dt.date | None
    due_text: str
    status: str
    status_text: str
    progress: int
    rag: Rag | None
    why: str


@dataclass
class PlanReport:
    file: str
    plan: Plan
    today: dt.date
    lang: str
    board: views.Dashboard
    open_actions: list[OpenAction]
    since: tuple[str, list[str]] | None = None
    owner: str = ""  # the plan's owner as the directory spells them (see people)

    def t(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en


@dataclass
class PortfolioReport:
    folder: str
    today: dt.date
    lang: str
    rows: list[views.PortfolioRow]
    since: dict[str, list[str]] = field(default_factory=dict)
    since_rev: str | None = None

    def __post_init__(self) -> None:
        # One person, one spelling across the folder: each owner as the plans' people: lists spell them.
        directory = people.Directory(row.plan for row in self.rows if row.plan is not None)
        self.rows = [dc_replace(row, owner=directory.name(row.owner)) if row.plan else row for row in self.rows]

    def t(self, fr: str, en: str) -> str:
        return fr if self.lang == "fr" else en

    @property
    def name(self) -> str:
        """The folder's own name, which reads better as a title than "." or a long path."""
        return Path(self.folder).name or Path(self.folder).resolve().name or self.folder


def open_actions(plan: Plan, today: dt.date, lang: str) -> list[OpenAction]:
    """Open actions, most urgent first: overdue, then by due date (undated last); each person under
    one spelling (see ``people``)."""
    directory = people.Directory([plan])
    rows = [r for r in views.action_rows(plan, today, lang) if rules.is_open(r.action)]
    rows.sort(key=lambda r: (r.overdue_days is None, -(r.overdue_days or 0), r.due or dt.date.max, r.id))
    return [
        OpenAction(
            r.id,
            r.title,
            directory.name(r.owner),
            tuple(directory.name(name) for name in r.action.co_owners),
            r.due,
            r.due_text,
            r.status.value,
            r.status_text,
            r.progress,
            r.rag,
            r.why,
        )
        for r in rows
    ]


def plan_report(
    file: str, plan: Plan, today: dt.date, lang: str, *, since: tuple[str, Plan] | None = None
) -> PlanReport:
    changes = (since[0], describe.changes(since[1], plan, lang)) if since is not None else None
    return PlanReport(
        file,
        plan,
        today,
        lang,
        views.dashboard(plan, today, lang),
        open_actions(plan, today, lang),
        changes,
        people.Directory([plan]).name(plan.owner),
    )


# ---------------------------------------------------------------------------
# JSON


def _rag(rag: Rag | None) -> str | None:
    return rag.value if rag else None


def _round(value: float | None, digits: int) -> float | None:
    """Ratios and percentages without float noise (0.9500000000000002)."""
    return round(value, digits) if value is not None else None


def plan_json(report: PlanReport) -> dict[str, Any]:
    plan, board = report.plan, report.board
    objective = None
    if plan.objective is not None:
        objective = {
            "statement": plan.objective.statement,
            "unit": plan.objective.unit,
            "baseline": plan.objective.baseline,
            "current": rules.objective_current(plan),
            "target": plan.objective.target,
            "deadline": plan.objective.deadline.isoformat() if plan.objective.deadline else None,
            "attainment": _round(board.objective_attainment, 4),
        }
    decision = rules.next_decision(plan)
    return {
        "kind": "plan",
        "file": report.file,
        "id": store.plan_id(plan, report.file),
        "title": plan.title,
        "type": plan.type.value,
        "owner": report.owner,
        "sponsor": plan.sponsor,
        "today": report.today.isoformat(),
        "rag": _rag(board.rag),
        "rag_text": board.rag_text,
        "progress": _round(board.progress, 1),
        "objective": objective,
        "health": {"score": board.health.score, "rag": _rag(board.health.rag)} if board.health else None,
        "streams": [{"name": name, "rag": _rag(level), "text": text} for name, level, text in board.streams],
        "kpis": [
            {
                "id": k.id,
                "name": k.name,
                "unit": k.unit or None,
                "baseline": plan.kpi(k.id).baseline,
                "current": rules.kpi_current(plan.kpi(k.id)),
                "target": plan.kpi(k.id).target,
                "attainment": _round(k.attainment, 4),
                "trend": k.trend,
                "reached": k.reached,
            }
            for k in board.kpis
        ],
        "open_actions": [
            {
                "id": a.id,
                "title": a.title,
                "owner": a.owner,
                "co_owners": list(a.co_owners),
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
                "progress": a.progress,
                "rag": _rag(a.rag),
                "why": a.why,
            }
            for a in report.open_actions
        ],
        "top_risks": [
            {
                "id": r.id,
                "title": r.title,
                "score": rules.risk_score(r),
                "rag": rules.risk_rag(r).value,
                "mitigation": r.mitigation,
            }
            for r in rules.top_risks(plan)
        ],
        "next_milestones": [
            {"id": m.id, "title": m.title, "due": m.due.isoformat(), "late": m.due < report.today}
            for m in rules.next_milestones(plan, report.today)
        ],
        "next_decision": (
            {
                "id": decision.id,
                "title": decision.title,
                "owner": decision.owner,
                "due": decision.due.isoformat() if decision.due else None,
            }
            if decision
            else None
        ),
        "since": {"revision": report.since[0], "changes": report.since[1]} if report.since else None,
    }


def portfolio_json(report: PortfolioReport) -> dict[str, Any]:
    plans = []
    for r in report.rows:
        plan = r.plan
        score = rules.health_score(plan) if plan is not None else None
        plans.append(
            {
                "file": str(r.path),
                "id": store.plan_id(plan, r.path) if plan else None,
                "title": plan.title if plan else None,
                "type": plan.type.value if plan else None,
                "owner": r.owner if plan else None,
                "start": plan.period.start.isoformat() if plan and plan.period else None,
                "end": plan.period.end.isoformat() if plan and plan.period else None,
                "rag": _rag(r.rag),
                "rag_text": r.rag_text or None,
                "progress": _round(r.progress, 1),
                "overdue": r.overdue if plan else None,
                "health": score.score if score is not None else None,
                "error": r.error or None,
                "since": report.since.get(str(r.path)) if report.since_rev else None,
            }
        )
    return {
        "kind": "portfolio",
        "folder": report.folder,
        "today": report.today.isoformat(),
        "plans": plans,
        "since_revision": report.since_rev,
    }


def to_json(report: PlanReport | PortfolioReport) -> str:
    data = plan_json(report) if isinstance(report, PlanReport) else portfolio_json(report)
    return json_text(data)


# ---------------------------------------------------------------------------
# Markdown


def since_heading(revision: str, lang: str) -> str:
    """The title of the "what changed" part: a steering committee is what the revision stands for."""
    if lang == "fr":
        return f"Depuis le dernier comité ({one_line(revision)})"
    return f"Since the last steering committee ({one_line(revision)})"


def _late(late: bool, lang: str, separator: str) -> str:
    """The mark of a milestone whose date has passed: words, since a symbol alone explains nothing."""
    if not late:
        return ""
    return separator + ("en retard" if lang == "fr" else "late")


def _figure(value: str, unit: str) -> str:
    """A KPI figure with its unit, or a dash when it was never set."""
    return one_line(f"{value} {unit}".rstrip()) if value else "—"


def _md_rag(rag: Rag | None, lang: str) -> str:
    emoji = {Rag.GREEN: "🟢", Rag.AMBER: "🟠", Rag.RED: "🔴"}.get(rag, "⚪") if rag else "⚪"
    return f"{emoji} {rag.label(lang) if rag else '—'}"


def plan_markdown(report: PlanReport) -> str:
    t, lang, plan, board = report.t, report.lang, report.plan, report.board
    sep = " : " if lang == "fr" else ": "
    out = [f"## {md(plan.title)}", ""]
    meta = [f"**{word('owner', lang)}** : {md(report.owner)}" if lang == "fr" else f"**Owner**: {md(report.owner)}"]
    if plan.sponsor:
        meta.append(f"**Sponsor** : {md(plan.sponsor)}" if lang == "fr" else f"**Sponsor**: {md(plan.sponsor)}")
    if plan.period:
        meta.append(
            f"**{word('period', lang)}**{sep}{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
        )
    out += [" · ".join(meta), ""]
    out.append(
        f"**{word('plan_rag', lang)}** : {_md_rag(board.rag, lang)} — {md(board.rag_text)}"
        if lang == "fr"
        else f"**Plan RAG**: {_md_rag(board.rag, lang)} — {md(board.rag_text)}"
    )
    if board.progress is not None:
        out.append("")
        out.append(
            f"**{word('progress', lang)}** : `{bar(board.progress / 100)}` {board.progress_text}"
            if lang == "fr"
            else f"**Progress**: `{bar(board.progress / 100)}` {board.progress_text}"
        )
    if board.objective:
        out += [
            "",
            f"**{word('objective', lang)}** : {md(board.objective)}"
            if lang == "fr"
            else f"**Objective**: {md(board.objective)}",
        ]
        if board.objective_figures:
            out.append(f"{t('base → actuel → cible', 'baseline → current → target')}{sep}{md(board.objective_figures)}")
    if board.health is not None:
        out += ["", f"**{word('health_score', lang)}**{sep}{_md_rag(board.health.rag, lang)} {board.health_text}"]
    if board.streams:
        out += [
            "",
            f"### {t('RAG par flux', 'RAG by stream')}",
            "",
            f"| {word('stream', lang)} | {word('rag', lang)} | {word('why', lang)} |",
            "|---|---|---|",
        ]
        out += [f"| {md(name)} | {_md_rag(level, lang)} | {md(text)} |" for name, level, text in board.streams]
    if board.kpis:
        out += [
            "",
            f"### {word('kpis', lang)}",
            "",
            f"| KPI | {word('baseline', lang)} | {word('current', lang)} | {word('target', lang)} | {word('attainment', lang)} |",
            "|---|---:|---:|---:|---:|",
        ]
        for k in board.kpis:
            mark = " ✓" if k.reached else ""
            base, current, target = (md(_figure(v, k.unit)) for v in (k.baseline, k.current, k.target))
            out.append(
                f"| {md(k.id)} {md(k.name)} | {base} | {current}{mark} | {target} | {k.attainment_text or '—'} |"
            )
    shown = report.open_actions[:PAGE_ACTIONS]
    out += ["", f"### {t('Actions ouvertes', 'Open actions')} ({len(report.open_actions)})", ""]
    if shown:
        out += [
            f"| {word('rag', lang)} | {word('action', lang)} | {t('Qui', 'Who')} | {t('Quand', 'When')} | {word('status', lang)} |",
            "|---|---|---|---|---|",
        ]
        for a in shown:
            out.append(
                f"| {_md_rag(a.rag, lang)} | {md(a.id)} {md(a.title)} | {md(a.owner)} | {a.due_text or '—'} | {md(a.status_text)} — {md(a.why)} |"
            )
        if len(report.open_actions) > len(shown):
            out += [
                "",
                t(
                    f"… et {len(report.open_actions) - len(shown)} autres.",
                    f"… and {len(report.open_actions) - len(shown)} more.",
                ),
            ]
    else:
        out.append(t("Aucune action ouverte.", "No open action."))
    if board.risks:
        out += ["", f"### {word('top_risks', lang)}", ""]
        out += [
            f"- {_md_rag(level, lang)} {md(title)}" + (f" — {md(mitigation)}" if mitigation else "")
            for title, level, mitigation in board.risks
        ]
    if board.milestones:
        out += ["", f"### {word('next_milestones', lang)}", ""]
        out += [f"- {when} — {md(text)}{_late(late, lang, ' — ')}" for text, when, late in board.milestones]
    if board.decision:
        out += [
            "",
            f"**{word('next_decision', lang)}** : {md(board.decision)}"
            if lang == "fr"
            else f"**Next decision**: {md(board.decision)}",
        ]
    if report.since is not None:
        revision, lines = report.since
        out += ["", f"### {md(since_heading(revision, lang))}", ""]
        out += [f"- {md(line)}" for line in lines] or [t("- aucun changement", "- no changes")]
    out += ["", f"_{t('Rapport du', 'Report of')} {date_text(report.today, lang)} — planaction_"]
    return "\n".join(out) + "\n"


def portfolio_markdown(report: PortfolioReport) -> str:
    t, lang = report.t, report.lang
    out = [f"## {t('Portefeuille', 'Portfolio')} — {md(report.name)}", ""]
    out += [
        f"| Plan | {word('owner', lang)} | {word('rag', lang)} | {word('progress', lang)} | {word('overdue', lang)} | {word('health', lang)} |",
        "|---|---|---|---:|---:|---:|",
    ]
    for r in report.rows:
        if r.error:
            out.append(f"| {md(r.path.name)} | — | ⚠ {t('invalide', 'invalid')}{t(' : ', ': ')}{md(r.error)} | | | |")
        else:
            out.append(
                f"| {md(r.title)} | {md(r.owner)} | {_md_rag(r.rag, lang)} | {r.progress_text} | {r.overdue} | {r.health or '—'} |"
            )
    if report.since_rev:
        out += ["", f"### {md(since_heading(report.since_rev, lang))}", ""]
        for file, lines in report.since.items():
            if lines:
                out.append(f"**{md(Path(file).name)}**")
                out += [f"- {md(line)}" for line in lines]
                out.append("")
    out += ["", f"_{t('Rapport du', 'Report of')} {date_text(report.today, lang)} — planaction_"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Terminal: Rich when it is one, plain text otherwise


def plan_plain(report: PlanReport) -> str:
    t, lang, plan, board = report.t, report.lang, report.plan, report.board
    sep = " : " if lang == "fr" else ": "
    out = [one_line(plan.title), "=" * min(len(one_line(plan.title)), 80)]
    out.append(
        f"{word('owner', lang)}{sep}{one_line(report.owner)}"
        + (f"   Sponsor{sep}{one_line(plan.sponsor)}" if plan.sponsor else "")
    )
    if plan.period:
        out.append(
            f"{word('period', lang)}{sep}{date_text(plan.period.start, lang)} – {date_text(plan.period.end, lang)}"
        )
    out.append(f"{word('plan_rag', lang)}{sep}{rag_symbol(board.rag)} {one_line(board.rag_text)}")
    if board.progress is not None:
        out.append(f"{word('progress', lang)}{sep}[{bar(board.progress / 100)}] {board.progress_text}")
    if board.objective:
        out.append(f"{word('objective', lang)}{sep}{one_line(board.objective)}")
        if board.objective_figures:
            out.append(f"  {t('base → actuel → cible', 'baseline → current → target')}{sep}{board.objective_figures}")
    if board.health is not None:
        out.append(f"{word('health_score', lang)}{sep}{rag_symbol(board.health.rag)} {board.health_text}")
    if board.streams:
        out += ["", t("RAG par flux", "RAG by stream")]
        out += [f"  {rag_symbol(level)} {one_line(name)} — {one_line(text)}" for name, level, text in board.streams]
    if board.kpis:
        out += ["", word("kpis", lang)]
        for k in board.kpis:
            figures = f"{k.baseline or '?'} → {k.current or '?'} → {k.target or '?'} {k.unit}".rstrip()
            out.append(
                f"  {'✓' if k.reached else ' '} {one_line(k.id)} {one_line(k.name)}{sep}{one_line(figures)} {k.attainment_text}".rstrip()
            )
    shown = report.open_actions[:PAGE_ACTIONS]
    out += ["", f"{t('Actions ouvertes', 'Open actions')} ({len(report.open_actions)})"]
    for a in shown:
        out.append(
            f"  {rag_symbol(a.rag)} {one_line(a.id)} {one_line(a.title)} — {one_line(a.owner)} — {a.due_text or '—'} — {one_line(a.why)}"
        )
    if len(report.open_actions) > len(shown):
        out.append(
            "  "
            + t(
                f"… et {len(report.open_actions) - len(shown)} autres",
                f"… and {len(report.open_actions) - len(shown)} more",
            )
        )
    if board.risks:
        out += ["", word("top_risks", lang)]
        for title, level, mitigation in board.risks:
            out.append(
                f"  {rag_symbol(level)} {one_line(title)}" + (f" — {one_line(mitigation)}" if mitigation else "")
            )
    if board.milestones:
        out += ["", word("next_milestones", lang)]
        out += [f"  {when} {one_line(text)}{_late(late, lang, ' — ')}" for text, when, late in board.milestones]
    if board.decision:
        out += ["", f"{word('next_decision', lang)}{sep}{one_line(board.decision)}"]
    if report.since is not None:
        revision, lines = report.since
        out += ["", since_heading(revision, lang)]
        out += [f"  {one_line(line)}" for line in lines] or [t("  aucun changement", "  no changes")]
    return "\n".join(out) + "\n"


def portfolio_plain(report: PortfolioReport) -> str:
    t, lang = report.t, report.lang
    out = [f"{t('Portefeuille', 'Portfolio')} — {one_line(report.name)}", ""]
    for r in report.rows:
        if r.error:
            out.append(f"  ! {one_line(r.path.name)} — {t('invalide', 'invalid')} {one_line(r.error)}")
        else:
            health = f" — {word('health', lang).lower()} {r.health}" if r.health else ""
            out.append(
                f"  {rag_symbol(r.rag)} {one_line(r.title)} — {one_line(r.owner)} — {r.progress_text} — "
                f"{r.overdue} {word('overdue', lang).lower()}{health}"
            )
    if report.since_rev:
        out += ["", since_heading(report.since_rev, lang)]
        for file, lines in report.since.items():
            for line in lines:
                out.append(f"  {one_line(Path(file).name)}: {one_line(line)}")
    return "\n".join(out) + "\n"


def print_rich(report: PlanReport | PortfolioReport, console: Any) -> None:
    """Rich tables and colours for a terminal; every piece of plan text is a Text, never markup."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    styles = {Rag.GREEN: "bold green", Rag.AMBER: "bold yellow", Rag.RED: "bold red"}

    def rag(level: Rag | None, text: str) -> Text:
        return Text(f"{rag_symbol(level)} {one_line(text)}", style=styles.get(level, "dim") if level else "dim")

    def plain(text: str) -> Text:
        return Text(one_line(text))

    lang = report.lang
    if isinstance(report, PortfolioReport):
        table = Table(title=Text(f"{report.t('Portefeuille', 'Portfolio')} — {one_line(report.name)}"), expand=True)
        for heading in (
            "Plan",
            word("owner", lang),
            word("rag", lang),
            word("progress", lang),
            word("overdue", lang),
            word("health", lang),
        ):
            table.add_column(heading, overflow="ellipsis")
        for r in report.rows:
            if r.error:
                table.add_row(
                    plain(r.path.name),
                    Text("—"),
                    Text(f"! {one_line(r.error)}", style="bold red"),
                    Text(""),
                    Text(""),
                    Text(""),
                )
            else:
                table.add_row(
                    plain(r.title),
                    plain(r.owner),
                    rag(r.rag, r.rag.label(lang) if r.rag else ""),
                    Text(r.progress_text),
                    Text(str(r.overdue), style="bold red" if r.overdue else ""),
                    Text(r.health),
                )
        console.print(table)
        if report.since_rev:
            console.print(Text(since_heading(report.since_rev, lang), style="bold"))
            for file, lines in report.since.items():
                for line in lines:
                    console.print(Text(f"  {one_line(Path(file).name)}: {one_line(line)}"))
        return
    plan, board, t = report.plan, report.board, report.t
    head = Text.assemble((one_line(plan.title), "bold"), "\n", rag(board.rag, board.rag_text))
    if board.progress is not None:
        head.append(f"\n{word('progress', lang)} ")
        head.append(bar(board.progress / 100), style="cyan")
        head.append(f" {board.progress_text}")
    if board.objective:
        head.append(f"\n{word('objective', lang)} : " if lang == "fr" else "\nObjective: ")
        head.append(one_line(board.objective))
        if board.objective_figures:
            head.append(f" ({board.objective_figures})")
    if board.health is not None:
        head.append("\n")
        head.append_text(rag(board.health.rag, f"{word('health_score', lang)} {board.health_text}"))
    console.print(Panel(head, title=Text(f"{one_line(report.owner)} — {date_text(report.today, lang)}"), expand=True))
    if board.streams:
        streams = Table(title=t("RAG par flux", "RAG by stream"), expand=True, show_header=False)
        streams.add_column()
        streams.add_column(ratio=1)
        for name, level, text in board.streams:
            streams.add_row(rag(level, level.label(lang) if level else ""), plain(f"{name} — {text}"))
        console.print(streams)
    if board.kpis:
        kpis = Table(title=word("kpis", lang), expand=True)
        for heading in (
            "KPI",
            word("baseline", lang),
            word("current", lang),
            word("target", lang),
            word("attainment", lang),
        ):
            kpis.add_column(heading, overflow="ellipsis")
        for k in board.kpis:
            kpis.add_row(
                plain(f"{k.id} {k.name}"),
                plain(_figure(k.baseline, k.unit)),
                Text(f"{_figure(k.current, k.unit)}{' ✓' if k.reached else ''}", style="green" if k.reached else ""),
                plain(_figure(k.target, k.unit)),
                Text(k.attainment_text or "—"),
            )
        console.print(kpis)
    actions = Table(title=f"{t('Actions ouvertes', 'Open actions')} ({len(report.open_actions)})", expand=True)
    for heading in (word("rag", lang), word("action", lang), t("Qui", "Who"), t("Quand", "When"), word("why", lang)):
        actions.add_column(heading, overflow="ellipsis")
    for a in report.open_actions[:PAGE_ACTIONS]:
        actions.add_row(
            rag(a.rag, a.rag.label(lang) if a.rag else ""),
            plain(f"{a.id} {a.title}"),
            plain(a.owner),
            Text(a.due_text or "—"),
            plain(a.why),
        )
    console.print(actions)
    if board.risks:
        console.print(Text(word("top_risks", lang), style="bold"))
        for title, level, mitigation in board.risks:
            line = rag(level, title)
            if mitigation:
                line.append(f" — {one_line(mitigation)}", style="")
            console.print(line)
    if board.milestones:
        console.print(Text(word("next_milestones", lang), style="bold"))
        for text, when, late in board.milestones:
            console.print(
                Text.assemble(
                    (f"  {when} ", "bold red" if late else "dim"), one_line(text), (_late(late, lang, " — "), "red")
                )
            )
    if board.decision:
        console.print(
            Text.assemble(
                (f"{word('next_decision', lang)} : " if lang == "fr" else "Next decision: ", "bold"),
                one_line(board.decision),
            )
        )
    if report.since is not None:
        revision, lines = report.since
        console.print(Text(since_heading(revision, lang), style="bold"))
        for line in lines or [t("aucun changement", "no changes")]:
            console.print(Text(f"  {one_line(line)}"))


def render(report: PlanReport | PortfolioReport, fmt: str) -> str:
    """The report as text (plain), markdown or json."""
    if fmt == "json":
        return to_json(report)
    if fmt == "markdown":
        return plan_markdown(report) if isinstance(report, PlanReport) else portfolio_markdown(report)
    return plan_plain(report) if isinstance(report, PlanReport) else portfolio_plain(report)
