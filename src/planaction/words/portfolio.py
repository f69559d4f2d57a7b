"""The words of the portfolio screen: its filter and sorts, and the "New plan" form with its refusals.

Column names, key labels and plan types are shared with the reports (``words/labels.py``); the
rest of the app's sentences are in ``words/tui.py``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "portfolio",
    {
        # -- keys and palette
        "key_new_plan": ("Nouveau plan", "New plan"),
        "cmd_new_plan": ("Nouveau plan…", "New plan…"),
        "cmd_new_plan_help": (
            "un fichier dans ce dossier, à partir d'un modèle ou vide",
            "a file in this folder, from a template or empty",
        ),
        "cmd_filter_text": ("Filtrer par texte…", "Filter by text…"),
        "cmd_filter_none": ("Filtre : aucun (tous les plans)", "Filter: none (every plan)"),
        "cmd_filter_owner": ("Filtre : responsable {value}", "Filter: owner {value}"),
        "cmd_filter_type": ("Filtre : type {value}", "Filter: type {value}"),
        "cmd_filter_rag": ("Filtre : météo {value}", "Filter: RAG {value}"),
        "cmd_sort": ("Trier par {column}", "Sort by {column}"),
        "cmd_rescan": ("Relire le dossier", "Rescan the folder"),
        # -- filter line and status
        "filter_placeholder": (
            "Filtrer : titre, responsable, type, nom du fichier…",
            "Filter: title, owner, type, file name…",
        ),
        "shown": (" — {shown} affichés", " — {shown} shown"),
        "filter_on": (" — filtre : {filter}", " — filter: {filter}"),
        "type": ("type", "type"),
        "quoted": ("« {text} »", "“{text}”"),
        "no_match": (
            "Aucun plan ne correspond au filtre — « échap » l'efface",
            "No plan matches the filter — press escape to clear it",
        ),
        # -- the New plan form
        "new_title": ("Nouveau plan dans {folder}", "New plan in {folder}"),
        "field_file": ("Fichier", "File"),
        "field_title": ("Titre", "Title"),
        "field_owner": ("Responsable", "Owner"),
        "field_template": ("Modèle", "Template"),
        "field_language": ("Langue du plan", "Plan language"),
        "field_examples": ("Exemples", "Examples"),
        "keep_examples": ("Garder le contenu d'exemple du modèle", "Keep the template's example content"),
        "file_placeholder": ("client-2027 (.yaml est ajouté)", "client-2027 (.yaml is added)"),
        "empty_plan": ("Plan vide", "Empty plan"),
        "lang_fr": ("français", "French"),
        "lang_en": ("anglais", "English"),
        "about_empty": (
            "Un plan vide : titre, responsable et langue ; le reste se remplit ensuite.",
            "An empty plan: title, owner and language; the rest is filled in afterwards.",
        ),
        "about_template": (
            "Le modèle « {type} » : son type et sa méthode (en commentaires), sans contenu d'exemple.",
            "The “{type}” template: its type and method (as comments, in French), without example content.",
        ),
        "about_examples": (
            "Le modèle « {type} » avec ses actions, KPI, risques… d'exemple, à remplacer ou supprimer.",
            "The “{type}” template with its example actions, KPIs, risks…, to replace or delete.",
        ),
        "create": ("Créer", "Create"),
        "cancel": ("Annuler", "Cancel"),
        "required": ("À remplir", "Required"),
        "to_fix": ("À corriger : {fields}", "To fix: {fields}"),
        # -- refused names
        "name_empty": ("Donnez un nom de fichier", "Give a file name"),
        "name_folder": (
            "Un nom de fichier seul, sans dossier : le plan est créé dans {folder}",
            "A file name only, no folder: the plan is made in {folder}",
        ),
        "name_hidden": (
            "Un nom qui commence par un point est caché : le plan ne serait pas listé",
            "A name that starts with a dot is hidden: the plan would not be listed",
        ),
        "name_invisible": (
            "Le nom contient un caractère invisible ou de contrôle",
            "The name holds an invisible or control character",
        ),
        "name_long": ("Nom trop long (255 octets au plus)", "Name too long (255 bytes at most)"),
        "name_suffix": (
            "Un plan finit par .yaml ou .yml (sans extension, .yaml est ajouté) : « {suffix} » ne convient pas",
            "A plan ends in .yaml or .yml (with none, .yaml is added): “{suffix}” will not do",
        ),
        "name_exists": (
            "{name} existe déjà dans ce dossier : choisissez un autre nom",
            "{name} already exists in this folder: choose another name",
        ),
        # -- after
        "created": ("{name} créé", "{name} created"),
        "not_created": ("Plan non créé : {error}", "Plan not created: {error}"),
    },
)
