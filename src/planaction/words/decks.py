"""The words of the documents a client keeps: the QBR deck (.pptx) and the Word canvas (.docx).

The slide titles follow seed 003's QBR pack (five slides), the Word canvas seed 000's "Plan d'Action
Visuel"; the column headings they share with the app and the workbook come from ``labels.WORDS``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

say = Catalog(
    "decks",
    {
        # the QBR deck: seed 003's five slides
        "qbr_title": ("Revue trimestrielle (QBR)", "Quarterly business review (QBR)"),
        "slide_summary": ("Résumé exécutif", "Executive summary"),
        "slide_adoption": ("Adoption", "Adoption"),
        "slide_value": ("Valeur : indicateurs face à la base et à la cible", "Value: KPIs against baseline and target"),
        "slide_initiatives": ("Initiatives et risques", "Initiatives and risks"),
        "slide_roadmap": ("Feuille de route et priorités", "Roadmap and priorities"),
        "footer": ("{title} — situation au {date}", "{title} — as of {date}"),
        "highlights": ("Trois faits marquants", "Three highlights"),
        "decisions": ("Trois décisions attendues", "Three decisions expected"),
        "plan_rag": ("Météo du plan : {rag}", "Plan RAG: {rag}"),
        "rag_unknown": ("non évaluée", "not assessed"),
        "progress_line": ("Avancement global : {progress}", "Overall progress: {progress}"),
        "health_line": ("Score de santé : {score}", "Health score: {score}"),
        "hl_objective": ("Objectif : {figures}", "Objective: {figures}"),
        "hl_done_one": (
            "{done} action terminée sur {total}, avancement global {progress}",
            "{done} of {total} actions done, overall progress {progress}",
        ),
        "hl_done_many": (
            "{done} actions terminées sur {total}, avancement global {progress}",
            "{done} of {total} actions done, overall progress {progress}",
        ),
        "hl_milestone": ("Jalon atteint le {date} : {title}", "Milestone reached on {date}: {title}"),
        "hl_kpi": ("Cible atteinte : {name} ({current})", "Target reached: {name} ({current})"),
        "hl_log": ("{date} — {result}", "{date} — {result}"),
        "hl_overdue_one": ("{count} action en retard", "{count} overdue action"),
        "hl_overdue_many": ("{count} actions en retard", "{count} overdue actions"),
        "hl_none": ("Rien de marquant à signaler", "Nothing notable to report"),
        "decision_line": ("{title} — {who}, avant le {date}", "{title} — {who}, by {date}"),
        "decision_undated": ("{title} — {who}", "{title} — {who}"),
        "decision_none": ("Aucune décision attendue", "No decision expected"),
        "recommendation": ("Recommandation : {text}", "Recommendation: {text}"),
        # adoption
        "adoption_chart": ("Utilisateurs actifs et profondeur d'usage", "Active users and depth of use"),
        "adoption_all_kpis": (
            "Aucun indicateur n'est rattaché au flux adoption : voici les indicateurs mesurés du plan.",
            "No KPI belongs to the adoption stream: these are the plan's measured KPIs.",
        ),
        "adoption_none": ("Aucun indicateur mesuré pour l'instant.", "No KPI measured yet."),
        # value
        "value_chart": (
            "Atteinte de la cible (0 % = base, 100 % = cible)",
            "Attainment (0% = baseline, 100% = target)",
        ),
        "gap_comment": ("Commentaire d'écart", "Gap comment"),
        "gap_reached": ("Cible atteinte", "Target reached"),
        "gap_left": ("Écart à la cible : {gap}", "Gap to target: {gap}"),
        "gap_unmeasured": ("Pas encore mesuré", "Not measured yet"),
        "value_total": (
            "Valeur créée : {total} par an ; budget {budget} ; ROI {roi}",
            "Value created: {total} a year; budget {budget}; ROI {roi}",
        ),
        "no_kpis": ("Le plan n'a pas d'indicateur.", "The plan has no KPI."),
        # initiatives and risks
        "open_actions": ("Ouvertes", "Open"),
        "blocked": ("Bloquées", "Blocked"),
        "overall": ("Ensemble du plan", "Whole plan"),
        "no_risks": ("Aucun risque ouvert.", "No open risk."),
        "blockers": ("Blocages et retards", "Blockers and delays"),
        "blocker_line": ("{id} {title} — {owner} : {why}", "{id} {title} — {owner}: {why}"),
        "no_blockers": ("Aucun blocage ni retard.", "No blocker, nothing overdue."),
        # roadmap and priorities
        "state": ("État", "State"),
        "ms_done": ("Atteint", "Reached"),
        "ms_late": ("En retard", "Late"),
        "ms_next": ("À venir", "Upcoming"),
        "priorities": ("Priorités : prochaines actions", "Priorities: next actions"),
        "no_milestones": ("Le plan n'a pas de jalon.", "The plan has no milestone."),
        "no_priorities": ("Aucune action ouverte.", "No open action."),
        # the Word canvas (seed 000)
        "canvas_title": ("Plan d'action visuel", "Visual action plan"),
        "canvas_objective": ("Objectif stratégique", "Strategic objective"),
        "canvas_summary": ("Résumé du plan", "Plan summary"),
        "canvas_domain": ("Projet ou domaine", "Project or area"),
        "canvas_owner": ("Responsable du plan", "Plan owner"),
        "canvas_period": ("Période (de – à)", "Period (from – to)"),
        "canvas_planning": ("Tableau de planification des actions", "Action planning table"),
        "canvas_follow_up": ("Suivi et évaluation", "Follow-up and evaluation"),
        "canvas_followed": ("Action suivie", "Action followed"),
        "canvas_follow_date": ("Date de suivi", "Follow-up date"),
        "canvas_synthesis": ("Synthèse et recommandations", "Synthesis and recommendations"),
        "canvas_progress": ("Progression globale", "Overall progress"),
        "canvas_chart": ("Avancement par action", "Progress by action"),
        "canvas_chart_streams": ("Avancement par flux", "Progress by stream"),
        "canvas_no_actions": ("Le plan n'a pas encore d'action.", "The plan has no action yet."),
        "canvas_no_log": ("Aucun suivi enregistré.", "No follow-up recorded."),
        "canvas_nothing": ("Ni synthèse ni recommandation pour l'instant.", "No synthesis or recommendation yet."),
        "period_text": ("{start} – {end}", "{start} – {end}"),
        # the workbook's import: a cell the plan keeps, changed by the client
        "xlsx_not_imported": (
            "{id} : colonne « {field} » modifiée dans le classeur ({where}), non reprise",
            "{id}: {field} changed in the workbook ({where}), not imported",
        ),
        # the workbook's sheets of means, streams and partners (when the plan has them)
        "sheet_means": ("Moyens", "Means"),
        "sheet_streams": ("Flux", "Streams"),
        "sheet_partners": ("Partenaires", "Partners"),
        "table_means": ("Moyens", "Means"),
        "table_streams": ("Flux", "Streams"),
        "table_partners": ("Partenaires", "Partners"),
        "col_skills": ("Compétences", "Skills"),
        "col_partners": ("Partenaires", "Partners"),
        "col_origins": ("Origines", "Origins"),
        "col_description": ("Description", "Description"),
        "col_open": ("Actions ouvertes", "Open actions"),
        "col_kind": ("Type d'appui", "Kind of support"),
        "col_brings": ("Ce qu'il apporte", "What it brings"),
        "col_expects": ("Ce qu'il attend", "What it expects"),
        # the workbook's summary sheet: the one-page dashboard
        "xlsx_streams": ("Météo par flux", "RAG by stream"),
        "xlsx_open_actions": (
            "Actions ouvertes ({shown} sur {total}, les plus urgentes)",
            "Open actions ({shown} of {total}, most urgent first)",
        ),
    },
)
