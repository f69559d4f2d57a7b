"""The words of exports and imports: format names and what the exchange says to people.

The client workbook's own words (table names, notes, page footers, date formats) are here too; column
headings and sheet names are in ``exchange/xlsx/spec.py``, next to the shape of the workbook they name.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "exchange",
    {
        "format_xlsx": ("classeur Excel (.xlsx)", "Excel workbook (.xlsx)"),
        "format_pptx": ("présentation de QBR (.pptx)", "QBR deck (.pptx)"),
        "format_docx": ("canevas Word du plan (.docx)", "Word canvas of the plan (.docx)"),
        "format_md": ("rapport de pilotage en Markdown (.md)", "steering report in Markdown (.md)"),
        "format_json": ("rapport de pilotage en JSON (.json)", "steering report as JSON (.json)"),
        "format_html": ("tableau de bord d'une page (.html)", "one-page dashboard (.html)"),
        "format_pdf": ("tableau de bord d'une page en PDF (.pdf)", "one-page dashboard as PDF (.pdf)"),
        # the client workbook: notes, validations, footers
        "editable_column": (
            "Vous pouvez modifier cette colonne ; planaction reprendra vos changements.",
            "You may edit this column; planaction will merge your changes back.",
        ),
        "allowed_values": ("Valeurs possibles : {choices}", "Allowed values: {choices}"),
        "page_footer": ("Page &P / &N", "Page &P of &N"),
        "count": ("{name} : {count}", "{name}: {count}"),
        "more_in_actions": ("… et {count} autres (feuille Actions)", "… and {count} more (Actions sheet)"),
        "time_to_value": ("{days} j ({kpi})", "{days} days ({kpi})"),
        # shared: a label and its value, a percentage, items of a list on one line
        "label_value": ("{label} : {value}", "{label}: {value}"),
        "percent": ("{value} %", "{value}%"),
        "list_sep": (" ; ", "; "),
        # the calendar (.ics): the alarm the day before
        "due_tomorrow": ("Échéance demain : {id} {title}", "Due tomorrow: {id} {title}"),
        "milestone_tomorrow": ("Jalon demain : {title}", "Milestone tomorrow: {title}"),
        # reading a client's cell (exchange/xlsx/cells.py): what is refused, and how to write it
        "number_not_date": ("« {text} » est un nombre, pas une date", '"{text}" is a number, not a date'),
        "not_a_date": ("« {text} » n'est pas une date", '"{text}" is not a date'),
        "write_a_date": ("écrivez une date, par ex. 15/05/2025", "write a date, e.g. 2025-05-15"),
        "not_a_number": ("« {text} » n'est pas un nombre", '"{text}" is not a number'),
        "write_a_number": ("écrivez un nombre, par ex. 4,2", "write a number, e.g. 4.2"),
        "not_a_progress": ("« {text} » n'est pas un avancement", '"{text}" is not a progress'),
        "write_a_percentage": ("écrivez un pourcentage de 0 % à 100 %", "write a percentage from 0% to 100%"),
        "write_a_percentage_eg": (
            "écrivez un pourcentage de 0 % à 100 %, par ex. 80 %",
            "write a percentage from 0% to 100%, e.g. 80%",
        ),
        "progress_in_points": (
            "« {text} » : l'avancement s'écrit en points entiers de pourcentage",
            '"{text}": progress is written in whole percentage points',
        ),
        "write_half": ("écrivez par ex. 50 % pour la moitié", "write e.g. 50% for half"),
        "or_meant": (", ou {meant}", ", or {meant}"),
        # the import (exchange/xlsx/*_merge.py, merge_words.py): changes, conflicts, what is ignored
        "empty": ("(vide)", "(empty)"),
        "quoted": ("« {text} »", '"{text}"'),
        "change": ("{subject} {field} : {before} → {after}", "{subject} {field}: {before} -> {after}"),
        "conflict": (
            "{subject} {field} ({cell}) : classeur {theirs}, plan {ours} (à l'export : {base})",
            "{subject} {field} ({cell}): workbook {theirs}, plan {ours} (at export: {base})",
        ),
        "row_without_id": (
            "{sheet} ligne {row} : sans id, une nouvelle action ne se crée pas dans le classeur",
            "{sheet} row {row}: no id; new actions are added in the plan, not in the workbook",
        ),
        "rows_missing": (
            "lignes absentes du classeur (rien ne change pour elles) : {ids}",
            "rows missing from the workbook (nothing changes for them): {ids}",
        ),
        "priority_changed": (
            "{id} : priorité changée dans le classeur ({where}), non reprise",
            "{id}: priority changed in the workbook ({where}), not imported",
        ),
        "macros_ignored": (
            "le classeur contient des macros : elles sont ignorées",
            "the workbook contains macros: they were ignored",
        ),
        "log_entry_changed": (
            "{sheet} ligne {row} : une entrée existante a été modifiée, non reprise",
            "{sheet} row {row}: an existing entry was changed, not imported",
        ),
        "log_entry_deleted": (
            "{count} entrée(s) du suivi supprimée(s) du classeur, gardée(s) dans le plan : {listed}{more}",
            "{count} follow-up entry deleted from the workbook, kept in the plan: {listed}{more}",
        ),
        "log_entries_deleted": (
            "{count} entrée(s) du suivi supprimée(s) du classeur, gardée(s) dans le plan : {listed}{more}",
            "{count} follow-up entries deleted from the workbook, kept in the plan: {listed}{more}",
        ),
        "same_log_entry": (
            "{sheet} ligne {row} : même entrée que la ligne {first}, reprise une fois",
            "{sheet} row {row}: the same entry as row {first}, imported once",
        ),
        "log_added": ("+ suivi {date} {action} : {result}", "+ log {date} {action}: {result}"),
        "measurement": ("mesure", "measurement"),
        "measurement_moved": (
            "{sheet} ligne {row} : le KPI ou la date d'une mesure exportée a changé, "
            "non repris (ajoutez une ligne pour une nouvelle mesure)",
            "{sheet} row {row}: the KPI or date of an exported measurement was "
            "changed, not imported (add a row for a new measurement)",
        ),
        "measurement_added": ("+ mesure {subject} : {shown}", "+ measurement {subject}: {shown}"),
        "measurement_corrected": (
            "mesure {subject} : {before} → {after} (correction)",
            "measurement {subject}: {before} -> {after} (correction)",
        ),
        # an export that would write over a workbook holding edits (exchange/xlsx/overwrite.py)
        "not_ours": (
            "{path} : ce fichier n'est pas un classeur écrit par planaction ; rien n'est écrit. "
            "Exportez ailleurs avec -o, ou remplacez-le avec --force",
            "{path}: this file is not a workbook planaction wrote; nothing was written. "
            "Export elsewhere with -o, or replace it with --force",
        ),
        "holds_unreadable": ("il ne peut pas être importé tel quel ({why})", "it cannot be imported as it is ({why})"),
        "n_changes": ("{count} changement(s)", "{count} change(s)"),
        "n_conflicts": ("{count} conflit(s)", "{count} conflict(s)"),
        "n_ignored": ("{count} point(s) non repris", "{count} item(s) not imported"),
        "holds": ("il contient {counts} pas encore dans le plan", "it holds {counts} not in the plan yet"),
        "changed_since": (
            "{path} : ce classeur a changé depuis que planaction l'a écrit et {holds} ; rien n'est écrit. "
            "Importez-le d'abord (planaction import {plan} {path}), exportez ailleurs avec -o, "
            "ou remplacez-le avec --force",
            "{path}: this workbook changed since planaction wrote it and {holds}; nothing was written. "
            "Import it first (planaction import {plan} {path}), export elsewhere with -o, or replace it with --force",
        ),
        # the hidden column that keys a log row or a measurement (exchange/xlsx/spec.py)
        "ref_heading": ("Réf. planaction", "planaction ref."),
        # Excel table names (no space: Excel refuses one)
        "table_log": ("Suivi", "Log"),
        "table_measurements": ("Mesures", "Measurements"),
        "table_risks": ("Risques", "Risks"),
        "table_milestones": ("Jalons", "Milestones"),
        "table_value": ("Valeur", "Value"),
        # how dates show in cells and on chart axes
        "cell_date_format": ("DD/MM/YYYY", "YYYY-MM-DD"),
        "chart_date_format": ("dd/mm/yy", "yyyy-mm-dd"),
    },
)
