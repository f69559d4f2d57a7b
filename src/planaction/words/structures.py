"""The words of cooperation across structures (seed 004): the structures register, approvals, the
skills gap, partners' contributions, stages; in checks, forms, the report, the app and the workbook.

Kept in one module so that the cooperation guide's vocabulary reads side by side. The tables of
other areas take theirs from here in one line each: ``MESSAGES`` (words.messages), ``LABELS`` and
``HELP`` (words.fields), ``SECTIONS`` (words.registers).
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

#: What the checks say (``core/checks._cooperation``), merged into ``words.messages``.
MESSAGES = {
    "noun.structure": ("structure", "structure"),
    "a.structure": ("une structure", "a structure"),
    "noun.approval": ("approbation", "approval"),
    "a.approval": ("une approbation", "an approval"),
    "nouns.structures": ("structures", "structures"),
    "check.holder_unknown": (
        "l'enjeu {id} est porté par « {holder} », absente des structures",
        'stake {id} is held by "{holder}", which is not among the structures',
    ),
    "check.known_structures": ("structures connues : {known}", "known structures: {known}"),
    "check.person_structure": (
        "{name} appartient à la structure « {structure} », absente des structures",
        '{name} belongs to structure "{structure}", which is not among the structures',
    ),
    "check.approver_unknown": (
        "l'objectif {id} est approuvé par « {structure} », absente des structures",
        'objective {id} is approved by "{structure}", which is not among the structures',
    ),
    "check.not_approved": (
        "l'objectif {id} n'est pas encore approuvé par : {missing}",
        "objective {id} is not yet approved by: {missing}",
    ),
    "check.not_approved.hint": (
        "chaque structure qui porte son enjeu l'approuve : ajoutez-la sous `approvals` (structure, by, date)",
        "each structure holding its stake approves it: add it under `approvals` (structure, by, date)",
    ),
    "check.partner_unknown": (
        "l'action {id} mobilise « {partner} », absent des partenaires",
        'action {id} involves "{partner}", which is not among the partners',
    ),
    "check.partner_unknown.hint": (
        "ajoutez-le sous `partners`, avec ce qu'il apporte et ce qu'il attend",
        "add it under `partners`, with what it brings and what it expects",
    ),
    "check.stage_missing": (
        "ce plan poursuit « {ref} », qu'aucun plan de son dossier ne porte (nom de fichier ou identifiant)",
        'this plan continues "{ref}", which no plan of its folder is (file name or plan id)',
    ),
    "check.stage_missing.hint": (
        "plans du dossier : {known}",
        "plans of the folder: {known}",
    ),
}

#: "Model.field" -> (French label, English label), merged into ``words.fields.LABELS``.
LABELS = {
    "Plan.structures": ("Structures", "Structures"),
    "Plan.stage": ("Étape", "Stage"),
    "Plan.continues": ("Poursuit le plan", "Continues plan"),
    "Person.structure": ("Structure", "Structure"),
    "Person.skills": ("Compétences", "Skills"),
    "Structure.id": ("Id", "Id"),
    "Structure.name": ("Nom", "Name"),
    "Structure.kind": ("Type de structure", "Kind"),
    "Structure.contacts": ("Contacts", "Contacts"),
    "Structure.joined": ("Entrée le", "Joined on"),
    "OperationalObjective.approvals": ("Approbations", "Approvals"),
    "Approval.structure": ("Structure", "Structure"),
    "Approval.by": ("Approuvé par", "Approved by"),
    "Approval.date": ("Date", "Date"),
}

#: "Model.field" -> (French help, English help), merged into ``words.fields.HELP``.
HELP = {
    "Plan.structures": (
        "Structures qui coopèrent : chacune porte ses enjeux et approuve les objectifs.",
        "Structures that cooperate: each holds its stakes and approves the objectives.",
    ),
    "Plan.stage": (
        "Numéro d'étape d'un projet long découpé en étapes, par ex. 2.",
        "Stage number of a long project run in stages, e.g. 2.",
    ),
    "Plan.continues": (
        "Le plan de l'étape précédente : son nom de fichier ou son identifiant.",
        "The previous stage's plan: its file name or its plan id.",
    ),
    "Person.structure": (
        "Identifiant ou nom de la structure de la personne, par ex. EI.",
        "Id or name of the person's structure, e.g. EI.",
    ),
    "Person.skills": (
        "Compétences de la personne, écrites comme dans les actions, par ex. Paie.",
        "The person's skills, written as in actions, e.g. Payroll.",
    ),
    "Structure.id": ("Identifiant court et stable, par ex. EI.", "Short, stable id, e.g. EI."),
    "Structure.name": (
        "Nom de la structure, par ex. EI Val'Recyclerie.",
        "Name of the structure, e.g. EI Val'Recyclerie.",
    ),
    "Structure.kind": ("Type de structure, par ex. ACI, EI, ETTI.", "Kind of structure, e.g. ACI, EI, ETTI."),
    "Structure.contacts": (
        "Personnes à contacter, écrites comme sous Personnes.",
        "People to contact, written as under People.",
    ),
    "Structure.joined": ("Date d'entrée dans la coopération.", "Date it joined the cooperation."),
    "OperationalObjective.approvals": (
        "Approbation de chaque structure qui porte l'enjeu : qui, par qui, quand.",
        "Approval by each structure holding the stake: who, by whom, when.",
    ),
    "Approval.structure": (
        "Identifiant ou nom de la structure qui approuve.",
        "Id or name of the approving structure.",
    ),
    "Approval.by": (
        "Qui approuve pour elle, par ex. son conseil d'administration.",
        "Who approves for it, e.g. its board.",
    ),
    "Approval.date": ("Date de l'approbation (AAAA-MM-JJ).", "Date of the approval (YYYY-MM-DD)."),
}

#: Section titles of the registers, merged into ``words.registers``.
SECTIONS = {
    "section_structures": ("Structures", "Structures"),
    "section_approvals": ("Approbations", "Approvals"),
}

#: What the report, the app and the workbook say about the cooperation.
say = Catalog(
    "structures",
    {
        "structures": ("Structures", "Structures"),
        "structure_line": ("{name} ({kind})", "{name} ({kind})"),
        "stakes_of": ("enjeux : {ids}", "stakes: {ids}"),
        "open_of": ("actions ouvertes : {ids}", "open actions: {ids}"),
        "none": ("aucune", "none"),
        "individual": ("individuel", "individual"),
        "shared": ("partagé", "shared"),
        "partners": (
            "Partenaires : ce qu'ils apportent, ce qu'ils attendent",
            "Partners: what they bring, what they expect",
        ),
        "brings": ("apporte : {text}", "brings: {text}"),
        "expects": ("attend : {text}", "expects: {text}"),
        "gap": ("Compétences manquantes", "Skills gap"),
        "gap_line": ("{skill} — requise par {ids}", "{skill} — required by {ids}"),
        "gap_answers": (
            "Réponses possibles : une formation, un expert ou un recrutement.",
            "Possible answers: training, an expert or a recruitment.",
        ),
        "approvals": ("Approbation des objectifs opérationnels", "Approval of the operational objectives"),
        "approved_all": ("approuvé par tous ses porteurs", "approved by all its holders"),
        "waiting_for": ("en attente de : {names}", "waiting for: {names}"),
        "no_holder": ("aucun porteur", "no holder"),
        "approved_short": ("approuvé", "approved"),
        "tree_objective": ("{id} ({state}) {title}", "{id} ({state}) {title}"),
        "tree_stake": ("{id} {title} — {kind} : {holders}", "{id} {title} — {kind}: {holders}"),
        "stage": ("Étape {stage}", "Stage {stage}"),
        "continues": ("poursuit {ref}", "continues {ref}"),
        "joined": ("Structures entrées à cette étape : {names}", "Structures joined at this stage: {names}"),
        "unknown_structure": (
            "structure inconnue : « {name} » ; structures du plan : {known}",
            'unknown structure: "{name}"; the plan\'s structures: {known}',
        ),
        "help_structure": (
            "ne garder que la part d'une structure (son identifiant ou son nom)",
            "keep only one structure's part (its id or its name)",
        ),
        "part_of": ("Part de {name}", "Part of {name}"),
        "filter_structure": ("structure : {name}", "structure: {name}"),
        "filter_by_structure": ("Filtre : structure {value}", "Filter: structure {value}"),
        "sheet_structures": ("Structures", "Structures"),
        "sheet_gap": ("Compétences manquantes", "Skills gap"),
        "col_structure_kind": ("Type de structure", "Kind of structure"),
        "col_contacts": ("Contacts", "Contacts"),
        "col_stakes": ("Enjeux", "Stakes"),
        "col_skill": ("Compétence", "Skill"),
        "col_actions": ("Actions", "Actions"),
        "col_answers": ("Réponses", "Answers"),
        "answers": ("formation, expert ou recrutement", "training, expert or recruitment"),
        # names of the workbook's tables (identifiers: one word)
        "table_structures": ("Structures", "Structures"),
        "table_gap": ("Manques", "SkillsGap"),
        "col_people": ("Personnes", "People"),
        "col_joined": ("Entrée le", "Joined on"),
    },
)
