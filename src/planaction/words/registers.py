"""The words of the register tabs and their forms: section names, form titles, questions, empty tables."""

from __future__ import annotations

from planaction.words.catalog import Catalog
from planaction.words.improvement import SECTIONS as SECTIONS_IMPROVEMENT
from planaction.words.structures import SECTIONS as STRUCTURE_SECTIONS

say = Catalog(
    "registers",
    {
        # sections, one per register (``core.registers``) and one for the plan's single parts
        "section_parts": ("Le plan", "The plan"),
        "section_people": ("Personnes", "People"),
        "section_partners": ("Partenaires", "Partners"),
        "section_streams": ("Flux", "Streams"),
        "section_stakes": ("Enjeux", "Stakes"),
        "section_objectives": ("Objectifs opérationnels", "Operational objectives"),
        "section_log": ("Suivi", "Follow-up"),
        "section_kpis": ("Indicateurs clés", "KPIs"),
        "section_measurements": ("Mesures du KPI", "KPI measurements"),
        "section_value": ("Registre de valeur", "Value ledger"),
        "section_risks": ("Risques", "Risks"),
        "section_milestones": ("Jalons", "Milestones"),
        "section_decisions": ("Décisions", "Decisions"),
        "section_dimensions": ("Dimensions de santé", "Health dimensions"),
        "section_playbooks": ("Playbooks", "Playbooks"),
        "section_raci": ("RACI", "RACI"),
        "section_rituals": ("Rituels", "Rituals"),
        **STRUCTURE_SECTIONS,
        "section_count": ("{title} ({count})", "{title} ({count})"),
        # the plan's single parts
        "part_header": ("En-tête", "Header"),
        "part_period": ("Période", "Period"),
        "part_context": ("Contexte QQOQCP", "QQOQCP context"),
        "part_objective": ("Objectif SMART", "SMART objective"),
        "part_budget": ("Budget", "Budget"),
        "part_branding": ("Habillage", "Branding"),
        "part_thresholds": ("Seuils de santé", "Health thresholds"),
        "part_empty": ("(à remplir)", "(to fill in)"),
        "col_part": ("Partie", "Part"),
        "col_summary": ("Contenu", "Content"),
        # forms and questions
        "add_to": ("Ajouter : {section}", "Add: {section}"),
        "new_entry": ("Ajouter à « {section} »", 'Add to "{section}"'),
        "edit_entry": ("{section} — {name}", "{section} — {name}"),
        "entry_number": ("n° {n}", "no. {n}"),
        "next_id": ("vide : {id}", "empty: {id}"),
        "delete_entry_question": ("Supprimer {name} de « {section} » ?", 'Delete {name} from "{section}"?'),
        "clear_part_question": ("Vider « {part} » ?", 'Clear "{part}"?'),
        "header_kept": (
            "L'en-tête du plan ne se supprime pas : modifiez-le (e).",
            "The plan's header cannot be deleted: edit it (e).",
        ),
        "no_kpi_for_measurement": (
            "Choisissez d'abord un KPI dans « Indicateurs clés ».",
            'Pick a KPI in "KPIs" first.',
        ),
        "no_entries": ("Rien pour l'instant : a pour ajouter.", "Nothing yet: a to add."),
        "no_measurements": (
            "Aucune mesure pour ce KPI : a pour en ajouter une.",
            "No measurement for this KPI: a to add one.",
        ),
        "measurements_of": ("Mesures de {kpi}", "Measurements of {kpi}"),
        **SECTIONS_IMPROVEMENT,
    },
)
