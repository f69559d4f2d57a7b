"""What closing a plan says: the ``close`` and ``reopen`` commands, the reports and the portfolio's filter.

A closed plan is done with: it reminds no one and leaves the portfolio's default view. These
sentences are the only place that says so, in French and English.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "closing",
    {
        "help_on": (
            "date de clôture (AAAA-MM-JJ ; par défaut : aujourd'hui)",
            "closing date (YYYY-MM-DD; default: today)",
        ),
        "closed": ("Plan « {title} » clos le {date}.", 'Plan "{title}" closed on {date}.'),
        "reopened": ("Plan « {title} » rouvert.", 'Plan "{title}" reopened.'),
        "was_open": ("Le plan « {title} » n'était pas clos.", 'Plan "{title}" was not closed.'),
        "closed_on": ("Clos le {date}", "Closed on {date}"),
        "closed_undated": ("Clos", "Closed"),
        "show_closed": ("Afficher les plans clos", "Show closed plans"),
        "hide_closed": ("Masquer les plans clos", "Hide closed plans"),
        "closed_hidden_one": ("1 plan clos masqué", "1 closed plan hidden"),
        "closed_hidden_many": ("{count} plans clos masqués", "{count} closed plans hidden"),
    },
)
