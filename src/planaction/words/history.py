"""What ``planaction history`` says: a plan's figures from committee to committee."""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "history",
    {
        "heading": ("Historique : {title}", "History: {title}"),
        "span": ("{count} points, du {first} au {last}", "{count} points, from {first} to {last}"),
        "span_one": ("1 point, le {first}", "1 point, on {first}"),
        "none": (
            "aucune révision de ce fichier dans l'historique git demandé",
            "no revision of this file in the git history asked for",
        ),
        "col_revision": ("Révision", "Revision"),
        "col_date": ("Date", "Date"),
        "col_rag": ("Météo", "RAG"),
        "col_progress": ("Avancement", "Progress"),
        "col_health": ("Santé", "Health"),
        "col_done": ("Fait / périmètre", "Done / scope"),
        "trail": ("Météo au fil des points : {trail}", "RAG from point to point: {trail}"),
        "burnup": ("Burn-up (█ fait, ░ reste du périmètre) :", "Burn-up (█ done, ░ rest of the scope):"),
        "skipped": (
            "{revision} ({date}) laissé de côté : le plan ne se lit pas ({problem})",
            "{revision} ({date}) left out: the plan does not read ({problem})",
        ),
    },
)
