"""The words of the steering report (``planaction report``) and of the views every face shows (``present``).

Column headings shared with the app (owner, RAG, progress...) stay in ``labels.WORDS``; what only the
report says lives here, so that the four renderers (text, Markdown, JSON, Rich) say it the same way.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "report",
    {
        # between a label and its value
        "sep": (" : ", ": "),
        "objective_figures": ("base → actuel → cible", "baseline → current → target"),
        "streams": ("RAG par flux", "RAG by stream"),
        "open_actions": ("Actions ouvertes", "Open actions"),
        "who": ("Qui", "Who"),
        "when": ("Quand", "When"),
        "more": ("… et {count} autres", "… and {count} more"),
        "no_open_action": ("Aucune action ouverte.", "No open action."),
        "no_changes": ("aucun changement", "no changes"),
        "report_of": ("Rapport du", "Report of"),
        "portfolio": ("Portefeuille", "Portfolio"),
        "invalid": ("invalide", "invalid"),
        # a milestone whose date has passed
        "late": ("en retard", "late"),
        # the "what changed" part: a steering committee is what the revision stands for
        "since": ("Depuis le dernier comité ({revision})", "Since the last steering committee ({revision})"),
        # planaction due: who has what overdue or due soon
        "day": ("jour", "day"),
        "days": ("jours", "days"),
        "overdue_by": ("{days} de retard", "{days} overdue"),
        "due_today": ("aujourd'hui", "today"),
        "due_in": ("dans {days}", "in {days}"),
        "nothing_today": ("Rien en retard ni à échéance aujourd'hui.", "Nothing overdue or due today."),
        "nothing_next_day": (
            "Rien en retard ni à échéance dans le prochain jour.",
            "Nothing overdue or due in the next day.",
        ),
        "nothing_within": (
            "Rien en retard ni à échéance dans les {count} prochains jours.",
            "Nothing overdue or due in the next {count} days.",
        ),
        "role_owner": ("pilote", "owner"),
        "role_co_owner": ("co-pilote", "co-owner"),
        "role_plan_owner": ("responsable du plan", "plan owner"),
        "due_overdue": ("EN RETARD", "OVERDUE"),
        "due_soon": ("BIENTÔT", "DUE SOON"),
        "due_overdue_md": ("En retard", "Overdue"),
        "due_soon_md": ("Bientôt", "Due soon"),
        "milestone": ("jalon", "milestone"),
        "due_as_of": ("Échéances au", "Due as of"),
        # present/: what every face shows (the app, this report, the workbook)
        "quoted": ("« {text} »", '"{text}"'),
        "percent": ("{value} %", "{value}%"),
        "skills": ("Compétences", "Skills"),
        "partners": ("Partenaires", "Partners"),
        "depends_on": ("Dépend de", "Depends on"),
        "time_to_value": ("{days} j ({kpi})", "{days} days ({kpi})"),
        # the stakes tree's group for objectives without a stake and actions without an objective
        "other": ("Autres", "Other"),
    },
)
