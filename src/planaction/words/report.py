"""The words of the steering report (``planaction report``): headings, counts and notes, in French and English.

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
    },
)
