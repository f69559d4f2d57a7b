"""Sentences of the app's frame and of what Textual shows by itself, in the interface's language.

Textual writes a few things in English on its own (the header icon's tooltip, the empty
``Select``'s prompt, the palette's "no matches"): the app replaces each with the sentence here,
so that a French interface has no English word and an English one no French.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "interface",
    {
        "open_palette": ("Ouvrir la palette de commandes", "Open the command palette"),
        "select_prompt": ("Choisir", "Select"),
        "no_matches": ("Aucune commande trouvée", "No matches found"),
    },
)
