"""The words of the app (``tui/``): every sentence a person reads on its screens, in French and English.

Keys are grouped by where they show: panels and tabs, forms and questions, leaving, the plan's
file, exports and the workbook, the palette, the portfolio, ``keys.toml``. Words shared with the
reports and the workbook (column names, key labels, statuses) stay in ``words/labels.py``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "tui",
    {
        # -- panels
        "field": ("{key} : ", "{key}: "),
        "card_weather": ("Météo du plan", "Plan status"),
        "since_baseline": (
            "Depuis {rev} : avancement {before} → {after}, {done_before} → {done_after} terminées",
            "Since {rev}: progress {before} → {after}, {done_before} → {done_after} done",
        ),
        "card_streams": ("RAG par flux", "RAG by stream"),
        "card_risks": ("Risques principaux", "Top risks"),
        "next_decision": ("Décision attendue : ", "Next decision: "),
        "card_next": ("Prochains jalons", "Next milestones"),
        "objective_figures": ("base → actuel → cible : ", "baseline → current → target: "),
        "week_of": ("Semaine du", "Week of"),
        "week_of_baseline": ("Semaine du (░ = {rev})", "Week of (░ = {rev})"),
        # -- tabs
        "tab_actions": ("Actions", "Actions"),
        "tab_dashboard": ("Tableau de bord", "Dashboard"),
        "tab_log": ("Suivi", "Follow-up"),
        "tab_timeline": ("Calendrier", "Timeline"),
        "tab_risks": ("Risques", "Risks"),
        "tab_kpis": ("KPI & valeur", "KPIs & value"),
        "tab_tree": ("Enjeux", "Stakes"),
        "tab_plan": ("Plan", "Plan"),
        "tab_milestones": ("Jalons", "Milestones"),
        "tab_governance": ("Gouvernance", "Governance"),
        "filter_placeholder": ("Filtrer : titre, responsable, commentaire…", "Filter: title, owner, comment…"),
        "no_actions": ("Aucune action — « a » en ajoute une", "No actions — press a to add one"),
        "no_log": ("Aucune entrée de suivi — « l » en ajoute une", "No follow-up yet — press l to add one"),
        "no_risks": ("Aucun risque", "No risks"),
        "col_probability": ("Prob.", "Prob."),
        "col_score": ("P×I", "P×I"),
        "col_plan": ("Plan", "Plan"),
        "col_type": ("Type", "Type"),
        "attained": ("Atteinte", "Attained"),
        "trend": ("Tendance", "Trend"),
        "no_kpis": ("Aucun indicateur — ajoutez une section kpis:", "No KPIs — add a kpis: section"),
        "value_figures": ("Base → cible / réel", "Baseline → target / actual"),
        "euros_per_year": ("€ / an", "€ / year"),
        "no_value": ("Registre de valeur vide", "Empty value ledger"),
        "value_total": ("Valeur / an : {value}", "Value / year: {value}"),
        "value_budget": ("Budget : {value}", "Budget: {value}"),
        "value_roi": ("ROI : {value}", "ROI: {value}"),
        "value_time": ("Délai de création de valeur : {value}", "Time to value: {value}"),
        # -- modals
        "apply": ("Appliquer", "Apply"),
        "apply_theirs": ("Appliquer, classeur prioritaire", "Apply, workbook wins"),
        "cancel": ("Annuler", "Cancel"),
        "open": ("Ouvrir", "Open"),
        "no_such_file": ("Fichier introuvable : {path}", "No such file: {path}"),
        # -- forms
        "save": ("Enregistrer", "Save"),
        "to_fix": ("À corriger : {fields}", "To fix: {fields}"),
        "new_action": ("Nouvelle action", "New action"),
        "new_log": ("Nouvelle entrée de suivi", "New follow-up entry"),
        "new_measurement": ("Nouvelle mesure", "New measurement"),
        "title_required": ("le titre est obligatoire", "a title is required"),
        "owner_required": ("le responsable est obligatoire", "an owner is required"),
        "result_required": ("le résultat est obligatoire", "a result is required"),
        "value_required": ("la valeur est obligatoire", "a value is required"),
        "none_f": ("(aucune)", "(none)"),
        "none_m": ("(aucun)", "(none)"),
        "choose": ("(à choisir)", "(choose)"),
        "field_required": ("{field} : à remplir", "{field}: required"),
        "too_many_lines": ("{count} lignes : {most} au plus", "{count} lines: {most} at most"),
        "whole_plan": ("(tout le plan)", "(whole plan)"),
        "impact_0_5": ("Impact (0-5)", "Impact (0-5)"),
        "urgency_0_5": ("Urgence (0-5)", "Urgency (0-5)"),
        "effort_0_5": ("Effort (0-5)", "Effort (0-5)"),
        "indicators_lines": ("Indicateurs (un par ligne)", "Indicators (one a line)"),
        "skills": ("Compétences", "Skills"),
        "partners": ("Partenaires", "Partners"),
        "depends_on": ("Dépend de", "Depends on"),
        "origins_lines": ("Origines (une par ligne)", "Origins (one a line)"),
        "date_hint": ("JJ/MM/AAAA", "YYYY-MM-DD"),
        # -- leaving
        "form_unapplied": (
            "Ce formulaire a des modifications qui ne sont pas encore appliquées au plan.",
            "This form has changes that are not applied to the plan yet.",
        ),
        "back_to_form": ("Revenir au formulaire", "Back to the form"),
        "discard_and_quit": ("Les abandonner et quitter", "Discard them and quit"),
        "discard_typed": ("Les abandonner", "Discard them"),
        "rescue_failed": (
            "planaction : les modifications non enregistrées de {path} n'ont pas pu être gardées ({problem})",
            "planaction: the unsaved edits of {path} could not be kept ({problem})",
        ),
        "rescued": (
            "planaction : modifications non enregistrées de {plan} gardées dans {kept} ; "
            "rouvrez {name} pour les reprendre",
            "planaction: unsaved edits of {plan} kept in {kept}; open {name} again to take them back",
        ),
        "rescued_unreadable": (
            "{kept} garde des modifications d'une session interrompue, mais ne se lit plus comme un plan : "
            "ouvrez-le dans un éditeur.",
            "{kept} holds edits of an interrupted session but no longer reads as a plan: open it in an editor.",
        ),
        "rescued_offer": (
            "Des modifications de {name} n'avaient pas été enregistrées quand planaction a dû s'arrêter "
            "({when}) ; elles sont gardées dans {kept}. Les reprendre ? Elles redeviennent des "
            "modifications non enregistrées (ctrl+z les annule) ; « Plus tard » laisse le fichier.",
            "Edits of {name} were not saved when planaction had to stop ({when}); they are kept in "
            "{kept}. Take them back? They become unsaved edits again (ctrl+z undoes them); "
            '"Later" leaves the file.',
        ),
        "take_back": ("Reprendre", "Take back"),
        "rescued_stale": (
            "Des modifications de {name} gardées dans {kept} ({when}) ont été faites sur une version "
            "du fichier qui a changé depuis. Comparez-les : planaction diff {name} {kept}",
            "Edits of {name} kept in {kept} ({when}) were made on a version of the file that has "
            "changed since. Compare them: planaction diff {name} {kept}",
        ),
        "later": ("Plus tard", "Later"),
        "delete": ("Supprimer", "Delete"),
        # -- exports and the workbook
        "export_button": ("Exporter", "Export"),
        "unknown_suffix": (
            "« {suffix} » ne nomme aucun format d'export ; formats connus : {known}",
            '"{suffix}" names no export format; known formats: {known}',
        ),
        "export_to_question": (
            "Exporter vers (le suffixe choisit le format : {known}) :",
            "Export to (the suffix picks the format: {known}):",
        ),
        "export_save_first": (
            "Le classeur doit correspondre au fichier : enregistrer d'abord ?",
            "The workbook must match the file: save first?",
        ),
        "save_and_export": ("Enregistrer et exporter", "Save and export"),
        "exporting": ("Export en cours : {name}…", "Exporting {name}…"),
        "workbook_written": ("Classeur écrit : {path}", "Workbook written: {path}"),
        "export_written": ("Exporté : {path}", "Exported: {path}"),
        "workbook_changed": (
            "{name} a changé depuis que planaction l'a écrit : il peut contenir des modifications "
            "du client pas encore importées, que le remplacer perdrait. « Autre nom » écrit {other} ; "
            "Échap annule.",
            "{name} changed since planaction wrote it: it may hold the client's edits, not yet "
            'imported, which replacing it would lose. "Other name" writes {other}; Escape cancels.',
        ),
        "import_first": ("Importer d'abord", "Import first"),
        "other_name": ("Autre nom", "Other name"),
        "replace": ("Remplacer", "Replace"),
        "import_question": (
            "Classeur à importer (les changements s'affichent avant d'être appliqués) :",
            "Workbook to import (the changes show before they apply):",
        ),
        "workbook_refused": ("Classeur refusé", "Workbook refused"),
        "nothing_to_import": (
            "Rien à importer : le classeur ne change rien.",
            "Nothing to import: the workbook changes nothing.",
        ),
        "changes": ("Changements", "Changes"),
        "conflicts_kept": ("Conflits (gardés du plan)", "Conflicts (the plan's kept)"),
        "ignored": ("Ignoré", "Ignored"),
        "imported": ("Importé : ctrl+s pour enregistrer, ctrl+z pour annuler", "Imported: ctrl+s saves, ctrl+z undoes"),
        "import_title": ("Importer {name}", "Import {name}"),
        # -- edits
        "delete_question": ("Supprimer l'action {id} « {title} » ?", 'Delete action {id} "{title}"?'),
        "keep": ("Garder", "Keep"),
        "nothing_to_undo": ("Rien à annuler", "Nothing to undo"),
        "nothing_to_redo": ("Rien à rétablir", "Nothing to redo"),
        # -- the file
        "not_saved": ("Non enregistré", "Not saved"),
        "saved": ("Enregistré : {path}", "Saved: {path}"),
        "unsaved_question": (
            "Des modifications de {name} ne sont pas enregistrées. Les enregistrer ?",
            "{name} has unsaved changes. Save them?",
        ),
        "dont_save": ("Ne pas enregistrer", "Don't save"),
        "changed_on_disk": (
            "{name} a été modifié sur le disque par un autre programme.",
            "{name} was changed on disk by another program.",
        ),
        "changed_on_disk_dirty": (
            "{name} a été modifié sur le disque par un autre programme. "
            "Recharger perd vos modifications non enregistrées.",
            "{name} was changed on disk by another program. Reloading loses your unsaved changes.",
        ),
        "reload": ("Recharger", "Reload"),
        "keep_mine": ("Garder ma version", "Keep mine"),
        "mine_will_replace": (
            "Votre version sera enregistrée à la place.",
            "Your version will replace it when you save.",
        ),
        "cannot_reload": ("Relecture impossible", "Cannot reload"),
        "reloaded": ("Rechargé depuis le disque", "Reloaded from disk"),
        # -- the plan's palette
        "tab_command": ("Onglet : {tab}", "Tab: {tab}"),
        "import_workbook": ("Importer un classeur…", "Import a workbook…"),
        "export_to": ("Exporter vers…", "Export to…"),
        "filter_none": ("Filtre : aucun", "Filter: none"),
        "filter_overdue": ("Filtre : en retard", "Filter: overdue"),
        "filter_imperative": ("Filtre : critères impératifs", "Filter: imperative"),
        "filter_status": ("Filtre : statut {value}", "Filter: status {value}"),
        "filter_priority": ("Filtre : priorité {value}", "Filter: priority {value}"),
        "filter_owner": ("Filtre : responsable {value}", "Filter: owner {value}"),
        "filter_stream": ("Filtre : flux {value}", "Filter: stream {value}"),
        "sort_by": ("Trier par {column}", "Sort by {column}"),
        # -- the plan screen
        "shown_actions": ("{shown} / {total} actions", "{shown} / {total} actions"),
        "filter_on": (" — filtre : {filter}", " — filter: {filter}"),
        "unsaved_marker": ("● modifié", "● unsaved"),
        # -- the portfolio
        "invalid_row": ("{name} — invalide {error}", "{name} — invalid {error}"),
        "no_plans": ("Aucun plan (*.yaml) dans ce dossier", "No plans (*.yaml) in this folder"),
        "plans_one": ("{count} plan", "{count} plan"),
        "plans_many": ("{count} plans", "{count} plans"),
        "invalid_one": (", {count} invalide", ", {count} invalid"),
        "invalid_many": (", {count} invalides", ", {count} invalid"),
        "invalid_plan": ("Plan invalide", "Invalid plan"),
        # -- keys.toml
        "keys_keep": ("les touches gardent leurs valeurs par défaut", "keys keep their defaults"),
        "keys_not_utf8": ("{path}: le fichier n'est pas en UTF-8 ; {keep}", "{path}: not UTF-8 text; {keep}"),
        "keys_not_toml": (
            "{path}:{where}: TOML illisible ({detail}) ; {keep}",
            "{path}:{where}: not valid TOML ({detail}); {keep}",
        ),
        "keys_no_table": (
            "{path}:1: écrivez [keys] puis une ligne par touche, par ex. {example} ; {keep}",
            "{path}:1: write [keys] then one line a key, e.g. {example}; {keep}",
        ),
        "keys_did_you_mean": (" vouliez-vous dire « {name} » ?", ' did you mean "{name}"?'),
        "keys_unknown_id": (
            "{where}: « {id} » n'est pas un identifiant de touche ;{hint} ligne ignorée",
            '{where}: "{id}" is not a binding id;{hint} line ignored',
        ),
        "keys_not_text": (
            '{where}: écrivez la touche entre guillemets ({id} = "t") ; {id} garde sa touche',
            '{where}: write the key in quotes ({id} = "t"); {id} keeps its key',
        ),
        "keys_not_a_key": (
            "{where}: « {key} » n'est pas une touche (par ex. t, ctrl+s, f2, plus) ; {id} garde sa touche",
            '{where}: "{key}" is not a key (e.g. t, ctrl+s, f2, plus); {id} keeps its key',
        ),
        "keys_taken": (
            "{where}: « {key} » est déjà la touche de {other} ; {id} garde sa touche",
            '{where}: "{key}" is already the key of {other}; {id} keeps its key',
        ),
        # -- the palette and the app
        "palette_placeholder": ("Chercher une commande…", "Search for commands…"),
        "theme_placeholder": ("Chercher un thème…", "Search for themes…"),
        "cmd_light_dark": ("Thème clair / sombre", "Light / dark theme"),
        "cmd_theme": ("Thème…", "Theme…"),
        "cmd_theme_help": ("Choisir un thème de couleurs", "Choose a colour theme"),
        "cmd_quit": ("Quitter", "Quit"),
        "cmd_quit_help": (
            "ctrl+q — demande d'abord s'il reste des modifications",
            "ctrl+q — first asks about unsaved changes",
        ),
        "how_to_quit": (
            "Pour quitter : « {key} » (planaction demande d'abord s'il reste des modifications à enregistrer)",
            'To quit: "{key}" (planaction first asks about unsaved changes)',
        ),
    },
)
