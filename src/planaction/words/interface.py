"""Sentences of the app's frame and of what Textual shows by itself, in the interface's language.

Textual writes a few things in English on its own (the header icon's tooltip, the empty
palette's "No matches found"): the app replaces each with the sentence here,
so that a French interface has no English word and an English one no French.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "interface",
    {
        "open_palette": ("Ouvrir la palette de commandes", "Open the command palette"),
        "no_matches": ("Aucune commande trouvée", "No matches found"),
        # the action count above the table, agreeing with the number of actions
        "shown_actions_one": ("{shown} / {total} action", "{shown} / {total} action"),
    },
)
