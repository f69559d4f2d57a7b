"""The words of a plan's past in its deliverables: the one-page report's and the workbook's baseline
columns (``export --baseline REV``) and the one-page report's history across committees."""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "baseline",
    {
        # the open actions' columns against a baseline
        "col_baseline_due": ("Échéance à la réf.", "Baseline due"),
        "col_slipped": ("Glissement", "Slipped"),
        "col_replanned": ("Replanifiée", "Re-planned"),
        "col_slipped_days": ("Glissement (jours)", "Slipped (days)"),
        "slipped_days": ("{days} j", "{days} d"),
        "replanned_times": ("{count} fois", "{count}×"),
        "columns_note": (
            "Référence {revision} : échéance à la référence, glissement depuis, nombre de replanifications",
            "Baseline {revision}: due date at the baseline, slip since, number of re-plannings",
        ),
        # the history across committees
        "history_heading": ("Au fil des comités", "Across committees"),
        "burnup": ("Burn-up : périmètre et actions faites", "Burn-up: scope and actions done"),
        "scope": ("périmètre", "scope"),
        "done": ("fait", "done"),
        "trail": ("Météo du plan à chaque point", "Plan RAG at each point"),
        "history_span": (
            "{count} points du {first} au {last}, depuis {start}",
            "{count} points from {first} to {last}, since {start}",
        ),
        "history_span_tags": (
            "{count} comités ({pattern}) du {first} au {last}",
            "{count} committees ({pattern}) from {first} to {last}",
        ),
        "help_tags": (
            "ajoute l'historique aux étiquettes des comités qui suivent ce motif (ex. 'copil-*') : burn-up et météo",
            "add the history at the committees' tags matching this pattern (e.g. 'copil-*'): burn-up and RAG",
        ),
        "history_more": ("(les {count} derniers)", "(the last {count})"),
    },
)
