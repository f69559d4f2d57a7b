"""Every sentence the command line prints, in French and English: help, summaries, messages.

The language is the CLI's (``--lang``, else PLANACTION_LANG, LC_ALL, LC_MESSAGES or LANG, else
English: see ``cli/options.py``), except for what describes a plan (an
import's change list), which speaks the plan's language. The frame of a
located problem (``file:line:col: error:``, ``hint:``) stays as compilers and
editors read it; the sentence after it is translated.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog
from planaction.words.merging import COMMAND_WORDS

say = Catalog(
    "cli",
    {
        **COMMAND_WORDS,
        # --- planaction --help, and argparse's own words
        "usage": ("usage :", "usage:"),
        "arguments": ("arguments", "arguments"),  # argparse adds the colon to these two headings
        "options_heading": ("options", "options"),
        "options": ("options :", "options:"),
        "commands": ("commandes :", "commands:"),
        "error": ("erreur", "error"),
        "example": ("exemple :", "example:"),
        "description": (
            "Plans d'action en YAML : vérifier, modifier, piloter, exporter.",
            "Action plans (plans d'action) as YAML: validate, edit, steer, export.",
        ),
        "opens_app": (
            "planaction [CHEMIN] ouvre l'app sur un fichier de plan ou un dossier de plans (par défaut : le dossier courant) :",
            "planaction [PATH] opens the app on a plan file or a folder of plans (default: the current folder):",
        ),
        "command_help": (
            "planaction COMMANDE --help détaille les options d'une commande.",
            "planaction COMMAND --help shows a command's options.",
        ),
        "see_help": ("voir planaction --help", "see planaction --help"),
        "app_description": (
            "Ouvre l'app sur un fichier de plan, ou sur un dossier de plans (par défaut : ici).",
            "Open the app on a plan file, or on a folder of plans (default: here).",
        ),
        "argparse_required": (
            "arguments obligatoires manquants : {names}",
            "the following arguments are required: {names}",
        ),
        "argparse_choice": (
            "argument {arg} : choix invalide : {value} (choisir parmi {choices})",
            "argument {arg}: invalid choice: {value} (choose from {choices})",
        ),
        "argparse_unrecognized": ("arguments non reconnus : {values}", "unrecognized arguments: {values}"),
        "argparse_expected_one": ("argument {arg} : une valeur est attendue", "argument {arg}: expected one argument"),
        "argparse_not_with": (
            "argument {arg} : incompatible avec {other}",
            "argument {arg}: not allowed with argument {other}",
        ),
        "argparse_invalid_value": (
            "argument {arg} : valeur invalide ({kind}) : {value}",
            "argument {arg}: invalid {kind} value: {value}",
        ),
        "argparse_argument": ("argument {arg} : {message}", "argument {arg}: {message}"),
        "help_help": ("affiche cette aide", "show this help and exit"),
        "help_version": ("affiche la version", "print the version and exit"),
        "unknown_command": ("commande inconnue « {word} »", "unknown command '{word}'"),
        "did_you_mean": ("vouliez-vous dire : {commands} ?", "did you mean: {commands}?"),
        "list_commands": (
            "planaction --help liste les commandes ; planaction CHEMIN ouvre un plan ou un dossier existant",
            "planaction --help lists the commands; planaction PATH opens an existing plan or folder",
        ),
        # --- one-line summaries, in the order of --help
        "summary_validate": ("vérifie des fichiers et dossiers de plans", "check plan files and folders"),
        "summary_schema": ("affiche le JSON Schema des fichiers de plan", "print the JSON Schema of plan files"),
        "summary_set": ("modifie des champs d'une action", "change fields of an action"),
        "summary_add": ("ajoute une action (affiche son id)", "add an action (prints its id)"),
        "summary_log": ("ajoute une entrée de suivi à une action", "add a follow-up log entry for an action"),
        "summary_export": ("écrit le classeur du client (XLSX)", "write the client workbook (XLSX)"),
        "summary_import": (
            "reprend dans le plan les modifications du client dans le classeur",
            "merge a client's edits of the workbook back into the plan",
        ),
        "summary_report": (
            "le rapport de pilotage d'un plan, ou le portefeuille d'un dossier",
            "the steering report of a plan, or the portfolio of a folder",
        ),
        "summary_due": (
            "les actions et jalons en retard ou proches de chaque personne",
            "each person's overdue and due-soon actions and milestones",
        ),
        "summary_ics": (
            "un fichier iCalendar des échéances et jalons",
            "an iCalendar file of due dates and milestones",
        ),
        "summary_close": ("clôt un plan : il ne relance plus personne", "close a plan: it reminds no one any more"),
        "summary_reopen": ("rouvre un plan clos", "reopen a closed plan"),
        "summary_remind": (
            "envoie à chaque personne ses échéances par courriel, avec son agenda",
            "e-mail each person their due items, with their calendar",
        ),
        "summary_diff": (
            "ce qui a changé entre deux plans, ou depuis une révision git",
            "what changed between two plans, or since a git revision",
        ),
        "help_history_path": (
            "un fichier de plan ou un dossier de plans suivis par git",
            "a plan file or a folder of plans kept in git",
        ),
        "help_history_since": (
            "à partir de cette révision (ou date AAAA-MM-JJ), qui est le premier point",
            "from this revision (or date YYYY-MM-DD), which is the first point",
        ),
        "help_tags": (
            "un point par étiquette git correspondant à ce motif (un comité chacune), par ex. 'copil-*'",
            "one point per git tag matching this pattern (one committee each), e.g. 'copil-*'",
        ),
        "summary_history": (
            "les chiffres d'un plan de révision en révision (ou de comité en comité)",
            "a plan's figures from revision to revision (or committee to committee)",
        ),
        "summary_textconv": (
            "un plan à raison d'une ligne par valeur, pour diff.textconv de git",
            "a plan as one line per value, for git's diff.textconv",
        ),
        "summary_new": ("commence un plan à partir d'un modèle", "start a plan from a template"),
        "summary_templates": ("liste les modèles de plan", "list the plan templates"),
        "summary_completion": (
            "affiche le script de complétion pour bash, zsh ou fish",
            "print the completion script for bash, zsh or fish",
        ),
        # --- help of arguments and options
        "help_paths": ("fichiers ou dossiers de plans", "plan files or folders"),
        "help_plan": ("le fichier du plan", "the plan file"),
        "help_strict": ("compte les avertissements comme des erreurs", "treat warnings as errors"),
        "help_format": ("format de sortie (par défaut : {default})", "output format (default: {default})"),
        "help_today": (
            "la date à prendre pour aujourd'hui (AAAA-MM-JJ)",
            "the date to use as today (YYYY-MM-DD)",
        ),
        "help_lang_plan": ("langue (par défaut : celle du plan)", "language (default: the plan's)"),
        "help_lang_plans": (
            "langue (par défaut : celle de la plupart des plans)",
            "language (default: most plans')",
        ),
        "help_lang_book": (
            "langue du classeur (par défaut : celle du plan)",
            "language of the workbook (default: the plan's)",
        ),
        "help_lang_messages": (
            "langue des messages (par défaut : PLANACTION_LANG, LC_ALL, LC_MESSAGES, puis LANG)",
            "language of the messages (default: PLANACTION_LANG, LC_ALL, LC_MESSAGES, then LANG)",
        ),
        "help_lang_app": (
            "langue de l'app (par défaut : celle des plans, sinon celle du système)",
            "language of the app (default: the plans', else the system's)",
        ),
        "help_app_path": ("un fichier de plan ou un dossier de plans", "a plan file or a folder of plans"),
        "help_theme": ("thème de couleurs", "colour theme"),
        "help_app_baseline": (
            "le calendrier montre en ombre (░) où étaient les actions à cette révision, étiquette ou date",
            "the timeline shows as a shadow (░) where the actions were at this revision, tag or date",
        ),
        "baseline_needs_plan": (
            "--baseline compare un plan à lui-même : ouvrez un fichier de plan, pas un dossier",
            "--baseline compares a plan with itself: open a plan file, not a folder",
        ),
        "help_action_id": ("l'id de l'action (A3)", "the action's id (A3)"),
        "help_assignments": (
            "champs à donner, clé=valeur (status=done, due=2025-06-30) ; une valeur vide retire le champ",
            "fields to set, key=value (status=done, due=2025-06-30); an empty value removes the field",
        ),
        "help_result": ("le résultat constaté", "the result observed"),
        "help_log_date": ("date de l'entrée (par défaut : aujourd'hui)", "date of the entry (default: today)"),
        "help_comment": ("un commentaire sur le résultat", "a comment on the result"),
        "help_author": ("qui écrit l'entrée", "who writes the entry"),
        "help_export_output": (
            "où l'écrire ; le suffixe choisit le format (par défaut : à côté du plan)",
            "where to write it; its suffix picks the format (default: beside the plan)",
        ),
        "help_force": (
            "remplace le classeur même s'il a changé depuis que planaction l'a écrit "
            "(des modifications du client pas encore importées)",
            "replace the workbook even if it changed since planaction wrote it (a client's edits not yet imported)",
        ),
        "help_book": ("le classeur modifié par le client", "the workbook the client edited"),
        "help_dry_run": ("montre les changements, n'écrit rien", "show the changes, write nothing"),
        "help_theirs": ("en cas de conflit, prend la valeur du classeur", "on a conflict, take the workbook's value"),
        "help_ours": ("en cas de conflit, garde la valeur du plan", "on a conflict, keep the plan's value"),
        "help_report_path": ("un fichier de plan ou un dossier de plans", "a plan file or a folder of plans"),
        "help_since": ("ajoute ce qui a changé depuis cette révision git", "add what changed since this git revision"),
        "help_within": (
            "jours à venir comptés comme proches (par défaut 7)",
            "days ahead that count as due soon (default 7)",
        ),
        "help_owner": ("seulement cette personne", "only this person"),
        "help_ics_output": ("le fichier .ics à écrire", "the .ics file to write"),
        "help_diff_old": (
            "l'ancien plan, ou le plan à comparer à une révision",
            "the old plan, or the plan to compare with a revision",
        ),
        "help_diff_new": (
            "un second fichier de plan, ou une révision git (par défaut HEAD)",
            "a second plan file, or a git revision (default HEAD)",
        ),
        "help_textconv_file": ("le fichier que git montre", "the file git shows"),
        "help_new_file": ("le fichier à créer (.yaml)", "the file to create (.yaml)"),
        "help_template": ("type de plan (voir planaction templates)", "plan type (see planaction templates)"),
        "help_title": ("le titre du plan", "the plan's title"),
        "help_shell": ("le shell", "the shell"),
        # --- messages
        "not_a_date": (
            "« {text} » n'est pas une date ; écrivez AAAA-MM-JJ, par ex. 2025-05-01",
            '"{text}" is not a date; write YYYY-MM-DD, e.g. 2025-05-01',
        ),
        "no_plans": ("aucun fichier de plan (*.yaml, *.yml) dans {paths}", "no plan files (*.yaml, *.yml) in {paths}"),
        "no_plans_hint": (
            "donnez un fichier de plan ou un dossier de plans ; `planaction new FICHIER.yaml` en commence un",
            "give a plan file or a folder of plans; `planaction new FILE.yaml` starts one",
        ),
        "no_such_path": ("fichier ou dossier introuvable", "no such file or folder"),
        "no_such_file": ("fichier introuvable", "no such file"),
        "needs_terminal": (
            "l'app a besoin d'un terminal ; `planaction validate CHEMIN` vérifie les plans sans terminal",
            "the app needs a terminal; `planaction validate PATH` checks plans without one",
        ),
        "checked_one": ("{files} plan vérifié : ", "{files} plan checked: "),
        "checked_many": ("{files} plans vérifiés : ", "{files} plans checked: "),
        "checked_counts": (
            "{valid} {valid_word}, {invalid} {invalid_word}",
            "{valid} {valid_word}, {invalid} {invalid_word}",
        ),
        "valid_one": ("valide", "valid"),
        "valid_many": ("valides", "valid"),
        "invalid_one": ("invalide", "invalid"),
        "invalid_many": ("invalides", "invalid"),
        "checked_problems": (
            " ({errors} {error_word}, {warnings} {warning_word})",
            " ({errors} {error_word}, {warnings} {warning_word})",
        ),
        "error_one": ("erreur", "error"),
        "error_many": ("erreurs", "errors"),
        "warning_one": ("avertissement", "warning"),
        "warning_many": ("avertissements", "warnings"),
        "nothing_to_change": ("{file} : rien à changer", "{file}: nothing to change"),
        "export_suffix": (
            "{output} : le nom du fichier doit finir par l'un de {known}",
            "{output}: the file's name must end in one of {known}",
        ),
        "nothing_imported": ("rien n'a été importé dans {plan}", "nothing was imported into {plan}"),
        "no_changes": ("aucun changement", "no changes"),
        "conflicts_heading": (
            "conflits, non appliqués (--theirs prend le classeur, --ours garde le plan) :",
            "conflicts, not applied (--theirs takes the workbook's, --ours keeps the plan's):",
        ),
        "ignored_heading": ("ignoré :", "ignored:"),
        "dry_run_note": ("(essai : rien n'est écrit)", "(dry run: nothing written)"),
        "changes_saved": (
            "{count} changement(s) enregistré(s) dans {plan}",
            "{count} change(s) saved to {plan}",
        ),
        "not_valid_then": (
            "{name} à {rev} n'est pas un plan valide ({problem})",
            "{name} at {rev} is not a valid plan ({problem})",
        ),
        "within_negative": ("--within doit valoir 0 jour ou plus", "--within must be 0 or more days"),
        "owner_not_a_name": ("--owner {owner} n'est pas un nom", "--owner {owner} is not a name"),
        "ics_suffix": ("{output} : un fichier de calendrier finit par .ics", "{output}: a calendar file ends in .ics"),
        "ics_fix_first": (
            "aucun calendrier écrit : corrigez d'abord les plans ci-dessus",
            "no calendar written: fix the plans above first",
        ),
        "ics_same_id": (
            "ce plan et {other} ont le même id {id} : leurs événements s'écraseraient dans les calendriers",
            "this plan and {other} have the same id {id}, so their events would overwrite each other in calendars",
        ),
        "ics_same_id_hint": ("donnez à chaque plan son propre `id:`", "give each plan its own `id:`"),
        "new_suffix": ("{target} : un fichier de plan finit par .yaml", "{target}: a plan file ends in .yaml"),
        "new_exists": (
            "{target} : le fichier existe déjà ; choisissez un autre nom",
            "{target}: the file already exists; choose another name",
        ),
        "no_template": (
            "pas de modèle {name} ; choisissez parmi : {names}",
            "no template {name}; choose one of: {names}",
        ),
        "created": ("{target} : créé ; ouvrez-le avec : {command}", "{target}: created; open it with: {command}"),
        # --- key=value of set / add (cli/assignments.py), in the plan's language
        "not_key_value": ("« {item} » n'est pas de la forme clé=valeur", '"{item}" is not key=value'),
        "not_key_value_hint": (
            "écrivez par ex. status=done ou due=30/06/2025",
            "write e.g. status=done or due=2025-06-30",
        ),
        "nested_key": (
            "« {key} » contient des valeurs imbriquées : la ligne de commande ne peut pas le modifier",
            '"{key}" holds nested values and cannot be set from the command line',
        ),
        "nested_key_hint": ("modifiez le fichier ou utilisez l'app", "edit the file or use the app"),
        "did_you_mean_key": ("vouliez-vous dire « {key} » ?", 'did you mean "{key}"?'),
        "allowed_keys": ("clés possibles : {keys}", "allowed: {keys}"),
        "unknown_key": ("clé inconnue « {key} » ({a_noun})", 'unknown key "{key}" for {a_noun}'),
        "a_noun_vowel": ("{noun}", "an {noun}"),
        "a_noun": ("{noun}", "a {noun}"),
        "list_unreadable": (
            "{key} : impossible de lire la liste « {raw} » : {problem}",
            '{key}: cannot read the list "{raw}": {problem}',
        ),
        "key_problem": ("{key} : {problem}", "{key}: {problem}"),
    },
)


def counted(stem: str, count: int, lang: str) -> str:
    """The word ``stem`` agreeing with ``count``: French counts 0 and 1 in the singular ("0 erreur"),
    English only 1 ("0 errors")."""
    singular = count == 1 or (count == 0 and lang == "fr")
    return say(stem + ("_one" if singular else "_many"), lang)
