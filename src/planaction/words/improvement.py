"""The words of the improvement loop (seeds 001, 002, 003): the SWOT, monthly retros, lessons
learned and imperative criteria with their scores, in French and English.

Data only. The other catalogues take their share by key (one line each, so that this loop's words
stay together here): ``LABELS`` and ``HELP`` join ``words.fields``, ``SECTIONS`` joins
``words.registers``, ``SAID`` (what the core says: nouns and checks) joins ``words.messages``; the
views, the report and the deliverables say ``say(key, lang)``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

#: "Model.field" -> (French label, English label), for the generated forms (``words.fields``).
LABELS: dict[str, tuple[str, str]] = {
    "Plan.swot": ("SWOT", "SWOT"),
    "Plan.retros": ("Rétrospectives", "Retros"),
    "Plan.lessons": ("Leçons apprises", "Lessons learned"),
    "Origin.score": ("Cotation (1-4)", "Score (1-4)"),
    "Swot.strengths": ("Forces", "Strengths"),
    "Swot.weaknesses": ("Faiblesses", "Weaknesses"),
    "Swot.opportunities": ("Opportunités", "Opportunities"),
    "Swot.threats": ("Menaces", "Threats"),
    "Retro.date": ("Date", "Date"),
    "Retro.process": ("Processus à simplifier", "Process to simplify"),
    "Retro.process_owner": ("Pilote du processus", "Process owner"),
    "Retro.process_action": ("Action (processus)", "Action (process)"),
    "Retro.content": ("Contenu à créer", "Content to create"),
    "Retro.content_owner": ("Pilote du contenu", "Content owner"),
    "Retro.content_action": ("Action (contenu)", "Action (content)"),
    "Retro.risk": ("Risque à éliminer", "Risk to remove"),
    "Retro.risk_owner": ("Pilote du risque", "Risk owner"),
    "Retro.risk_action": ("Action (risque)", "Action (risk)"),
    "Retro.note": ("Remarques", "Remarks"),
    "Lesson.title": ("Titre", "Title"),
    "Lesson.date": ("Date", "Date"),
    "Lesson.context": ("Contexte", "Context"),
    "Lesson.action": ("Action", "Action"),
    "Lesson.effect": ("Effet", "Effect"),
    "Lesson.replicability": ("Réplicabilité", "Replicability"),
    "Lesson.owner": ("Responsable", "Owner"),
}

#: "Model.field" -> (French help line, English help line), one line each (``words.fields``).
HELP: dict[str, tuple[str, str]] = {
    "Plan.swot": (
        "Forces, faiblesses, opportunités et menaces de la situation.",
        "Strengths, weaknesses, opportunities and threats of the situation.",
    ),
    "Plan.retros": (
        "Rétros mensuelles : un processus à simplifier, un contenu à créer, un risque à éliminer.",
        "Monthly retros: a process to simplify, a content to create, a risk to remove.",
    ),
    "Plan.lessons": (
        "Leçons apprises : contexte, action, effet, réplicabilité.",
        "Lessons learned: context, action, effect, replicability.",
    ),
    "Origin.score": (
        "Cotation du critère, de 1 à 4 (4 : satisfait) ; impératif coté 1 à 3 : actions correctives.",
        "Score of the criterion, 1 to 4 (4: met); imperative scored 1 to 3: corrective actions.",
    ),
    "Swot.strengths": (
        "Forces internes, une par ligne, par ex. Équipe soignante stable.",
        "Internal strengths, one a line, e.g. Stable care team.",
    ),
    "Swot.weaknesses": (
        "Faiblesses internes, une par ligne, par ex. Traçabilité papier.",
        "Internal weaknesses, one a line, e.g. Paper-based records.",
    ),
    "Swot.opportunities": (
        "Opportunités externes, une par ligne, par ex. Financement ARS.",
        "External opportunities, one a line, e.g. Regional health funding.",
    ),
    "Swot.threats": (
        "Menaces externes, une par ligne, par ex. Évaluation HAS en juin.",
        "External threats, one a line, e.g. HAS evaluation in June.",
    ),
    "Retro.date": ("Date de la rétro, par ex. 30/06/2025.", "Date of the retro, e.g. 2025-06-30."),
    "Retro.process": (
        "Un processus à simplifier, par ex. Validation des accès en trois étapes.",
        "One process to simplify, e.g. Three-step access approval.",
    ),
    "Retro.process_owner": ("Qui le simplifie, par ex. Léa Fontaine.", "Who simplifies it, e.g. Léa Fontaine."),
    "Retro.process_action": (
        "Identifiant de l'action qu'il est devenu, une fois décidée.",
        "Id of the action it became, once decided.",
    ),
    "Retro.content": (
        "Un contenu à créer, par ex. Vidéo de 90 secondes sur l'export.",
        "One content to create, e.g. 90-second video on the export.",
    ),
    "Retro.content_owner": ("Qui le crée, par ex. Hugo Bernard.", "Who creates it, e.g. Hugo Bernard."),
    "Retro.content_action": (
        "Identifiant de l'action qu'il est devenu, une fois décidée.",
        "Id of the action it became, once decided.",
    ),
    "Retro.risk": (
        "Un risque à éliminer, par ex. Sponsor absent des rituels.",
        "One risk to remove, e.g. Sponsor missing from the rituals.",
    ),
    "Retro.risk_owner": ("Qui l'élimine, par ex. Zoé Martin.", "Who removes it, e.g. Zoé Martin."),
    "Retro.risk_action": (
        "Identifiant de l'action qu'il est devenu, une fois décidée.",
        "Id of the action it became, once decided.",
    ),
    "Retro.note": ("Ce que la rétro a dit d'autre.", "What else the retro said."),
    "Lesson.title": (
        "La leçon en quelques mots, par ex. Former les champions avant le go-live.",
        "The lesson in a few words, e.g. Train the champions before go-live.",
    ),
    "Lesson.date": ("Date où elle est tirée, par ex. 15/07/2025.", "Date it was drawn, e.g. 2025-07-15."),
    "Lesson.context": (
        "Contexte : la situation rencontrée, par ex. Adoption faible à T+30.",
        "Context: the situation met, e.g. Low adoption at T+30.",
    ),
    "Lesson.action": (
        "Action : ce qui a été fait, par ex. Coaching ciblé par les champions.",
        "Action: what was done, e.g. Targeted coaching by the champions.",
    ),
    "Lesson.effect": (
        "Effet : ce que cela a changé, chiffré si possible, par ex. Actifs 30 j : 38 % → 61 %.",
        "Effect: what it changed, in figures if possible, e.g. Active 30d: 38% -> 61%.",
    ),
    "Lesson.replicability": (
        "Réplicabilité : où et comment le refaire, par ex. Tout client de plus de 50 comptes.",
        "Replicability: where and how to do it again, e.g. Any client over 50 accounts.",
    ),
    "Lesson.owner": ("Qui a rédigé la leçon, par ex. Zoé Martin.", "Who wrote the lesson, e.g. Zoé Martin."),
}

#: Section and part names of the register tabs (``words.registers``).
SECTIONS: dict[str, tuple[str, str]] = {
    "section_retros": ("Rétrospectives", "Retros"),
    "section_lessons": ("Leçons apprises", "Lessons learned"),
    "part_swot": ("SWOT", "SWOT"),
}

#: What the core says (``words.messages``): the nouns of the new registers and the loop's checks.
SAID: dict[str, tuple[str, str]] = {
    "noun.retro": ("rétrospective", "retro"),
    "a.retro": ("une rétrospective", "a retro"),
    "noun.lesson": ("leçon", "lesson"),
    "a.lesson": ("une leçon", "a lesson"),
    "op.ref.retro": ("la rétro du {dates}", "the retro of {dates}"),
    "check.criterion_uncorrected": (
        "le critère impératif « {ref} » est coté {score} sans action corrective en cours ou faite",
        'imperative criterion "{ref}" is scored {score} with no corrective action open or done',
    ),
    "check.criterion_uncorrected.hint": (
        "une cotation de 1 à 3 impose un plan d'actions correctives immédiat : "
        "portez ce critère sur une action à faire, ou rouvrez-en une",
        "a score of 1 to 3 calls for an immediate corrective action plan: "
        "put this criterion on an open action, or reopen one",
    ),
}

say = Catalog(
    "improvement",
    {
        # the SWOT quadrants and the situation analysis
        "swot": ("SWOT", "SWOT"),
        "strengths": ("Forces", "Strengths"),
        "weaknesses": ("Faiblesses", "Weaknesses"),
        "opportunities": ("Opportunités", "Opportunities"),
        "threats": ("Menaces", "Threats"),
        "situation": ("Analyse de la situation", "Situation analysis"),
        "qqoqcp": ("QQOQCP", "QQOQCP"),
        # retros and lessons
        "retros": ("Rétrospectives", "Retros"),
        "last_retro": ("Dernière rétro : {date}", "Last retro: {date}"),
        "no_retro": ("Aucune rétro", "No retro yet"),
        "retro_process": ("Processus à simplifier", "Process to simplify"),
        "retro_content": ("Contenu à créer", "Content to create"),
        "retro_risk": ("Risque à éliminer", "Risk to remove"),
        # the one-page report: a retro's items in a word each
        "retro_process_short": ("Simplifier", "Simplify"),
        "retro_content_short": ("Créer", "Create"),
        "retro_risk_short": ("Éliminer", "Remove"),
        "retro_item": ("{what} ({owner})", "{what} ({owner})"),
        "retro_became": ("→ {action}", "→ {action}"),
        "lessons": ("Leçons apprises", "Lessons learned"),
        "lesson_context": ("Contexte", "Context"),
        "lesson_action": ("Action", "Action"),
        "lesson_effect": ("Effet", "Effect"),
        "lesson_replicability": ("Réplicabilité", "Replicability"),
        # imperative criteria
        "criteria": ("Critères impératifs", "Imperative criteria"),
        "criterion": ("Critère", "Criterion"),
        "criteria_line": (" — critères : {criteria}", " — criteria: {criteria}"),
        "score": ("Cotation", "Score"),
        "score_of": ("{score}/4", "{score}/4"),
        "not_scored": ("non coté", "not scored"),
        "corrective_actions": ("Actions correctives", "Corrective actions"),
        "no_corrective_action": ("aucune action corrective", "no corrective action"),
        # the workbook's sheet (read-only, after the partners)
        "sheet_loop": ("Amélioration", "Improvement"),
        "table_loop": ("Amelioration", "Improvement"),
        "col_part": ("Partie", "Part"),
        "sep": (" : ", ": "),
        "col_item": ("Élément", "Item"),
        "col_detail": ("Détail", "Detail"),
        "part_swot": ("SWOT", "SWOT"),
        "part_criterion": ("Critère impératif", "Imperative criterion"),
        "part_retro": ("Rétrospective", "Retro"),
        "part_lesson": ("Leçon apprise", "Lesson learned"),
        # decisions
        "col_when": ("Quand", "When"),
        "expected_by": ("→ {date}", "→ {date}"),
        "decisions_taken": ("Décisions prises depuis {revision}", "Decisions taken since {revision}"),
        "no_decision_taken": ("aucune décision prise", "no decision taken"),
        "more_retros": ("… et {count} rétros plus anciennes", "… and {count} older retros"),
        "decision_taken": ("{title} ({owner}, {date})", "{title} ({owner}, {date})"),
        "nobody": ("—", "-"),
    },
)
