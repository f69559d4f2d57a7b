"""The help line under a generated form for the fields of the follow-up, KPIs, risks, milestones, health, value and governance registers (``words.fields`` says how to ask).

Data only, one (French, English) pair per field: what to write, with an example from the domain.
"""

from __future__ import annotations

HELP_REGISTERS: dict[str, tuple[str, str]] = {
    # LogEntry
    "LogEntry.date": ("Date du suivi, par ex. 06/05/2025.", "Date of the follow-up, e.g. 2025-05-06."),
    "LogEntry.action": (
        "Identifiant de l'action suivie ; vide pour une note sur tout le plan.",
        "Id of the action followed; empty for a note on the whole plan.",
    ),
    "LogEntry.result": (
        "Résultat obtenu, par ex. Taux d'utilisation 85 %.",
        "Result obtained, e.g. Usage rate 85%.",
    ),
    "LogEntry.comment": (
        "Commentaire sur le résultat, par ex. Bonne adhésion globale.",
        "Comment on the result, e.g. Good overall buy-in.",
    ),
    "LogEntry.author": ("Qui écrit l'entrée, par ex. Léa Fontaine.", "Who wrote the entry, e.g. Léa Fontaine."),
    # Measurement
    "Measurement.date": ("Date de la mesure, par ex. 31/05/2025.", "Date of the measurement, e.g. 2025-05-31."),
    "Measurement.value": (
        "Valeur mesurée, dans l'unité du KPI, par ex. 4,2.",
        "Measured value, in the KPI's unit, e.g. 4.2.",
    ),
    "Measurement.comment": (
        "Commentaire sur la valeur, par ex. extrait mensuel du logiciel de suivi.",
        "Comment on the value, e.g. monthly extract from the tracking tool.",
    ),
    # Kpi
    "Kpi.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. K1.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. K1.',
    ),
    "Kpi.name": (
        "Ce qui est mesuré, par ex. Délai moyen de traitement.",
        "What is measured, e.g. Average handling time.",
    ),
    "Kpi.unit": ("Unité, par ex. jours, %, /5.", "Unit, e.g. days, %, /5."),
    "Kpi.source": (
        "D'où vient le chiffre : outil, formulaire, comptabilité…",
        "Where the figure comes from: tool, form, accounting…",
    ),
    "Kpi.frequency": (
        "Fréquence de mesure : hebdomadaire, mensuelle, ponctuelle…",
        "How often it is measured: weekly, monthly, once…",
    ),
    "Kpi.direction": (
        "À la hausse si plus haut est mieux, à la baisse si plus bas est mieux.",
        "Up if higher is better, down if lower is better.",
    ),
    "Kpi.baseline": ("Valeur au départ, par ex. 8 (h/dossier).", "Value at the start, e.g. 8 (h/file)."),
    "Kpi.target": ("Valeur à atteindre, par ex. 6 (h/dossier).", "Value to reach, e.g. 6 (h/file)."),
    "Kpi.deadline": (
        "Date à laquelle la cible doit être atteinte, par ex. 22/11/2026.",
        "Date by which the target must be reached, e.g. 2026-11-22.",
    ),
    "Kpi.owner": ("Qui le mesure, par ex. Karim Benali.", "Who measures it, e.g. Karim Benali."),
    "Kpi.stream": ("Identifiant de son flux, par ex. valeur.", "Id of its stream, e.g. value."),
    "Kpi.measurements": (
        "Mesures datées, de la plus ancienne à la plus récente.",
        "Dated measurements, oldest first.",
    ),
    # Risk
    "Risk.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. R1.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. R1.',
    ),
    "Risk.title": (
        "Le risque en quelques mots, par ex. Sponsor peu visible.",
        "The risk in a few words, e.g. Sponsor rarely seen.",
    ),
    "Risk.probability": (
        "Faible, Moyen ou Élevé : les chances que le risque survienne.",
        "Low, Medium or High: how likely the risk is to occur.",
    ),
    "Risk.impact": (
        "Faible, Moyen ou Élevé : la gravité s'il survient.",
        "Low, Medium or High: how bad it would be if it occurred.",
    ),
    "Risk.mitigation": (
        "Comment le risque est réduit, par ex. Revue bimensuelle + mails de synthèse.",
        "How the risk is reduced, e.g. Fortnightly review + summary e-mails.",
    ),
    "Risk.owner": ("Qui surveille le risque, par ex. Léa Fontaine.", "Who watches the risk, e.g. Léa Fontaine."),
    "Risk.status": ("Ouvert, Maîtrisé, Survenu ou Clos.", "Open, Mitigated, Occurred or Closed."),
    "Risk.action": (
        "Identifiant de l'action qui porte la mitigation, par ex. A4.",
        "Id of the action that carries the mitigation, e.g. A4.",
    ),
    # Milestone
    "Milestone.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. T30.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. T30.',
    ),
    "Milestone.title": ("Nom de l'étape, par ex. T+30 Go-live 1.", "Name of the step, e.g. T+30 Go-live 1."),
    "Milestone.due": ("Date du jalon, par ex. 23/09/2026.", "Date of the milestone, e.g. 2026-09-23."),
    "Milestone.deliverables": (
        "Ce qui doit être fait d'ici là, par ex. accès provisionnés.",
        "What must be done by then, e.g. access granted.",
    ),
    "Milestone.evidence": (
        "Preuves que c'est fait : PV, journaux, rapports…",
        "Proof that it is done: minutes, logs, reports…",
    ),
    "Milestone.criteria": (
        "Critère d'acceptation, par ex. « prêt à démarrer » signé.",
        'Acceptance criterion, e.g. "ready to start" signed.',
    ),
    "Milestone.done": (
        "Le jalon est-il atteint ? Sa date va dans « Atteint le ».",
        'Whether the milestone is reached; its date goes in "Done on".',
    ),
    "Milestone.done_on": (
        "Date à laquelle il a été atteint, par ex. 25/09/2026.",
        "Date it was reached, e.g. 2026-09-25.",
    ),
    # HealthDimension
    "HealthDimension.name": ("La dimension notée, par ex. Adoption.", "The dimension rated, e.g. Adoption."),
    "HealthDimension.weight": (
        "Poids en points ; la somme des poids fait 100, par ex. 30.",
        "Weight in points; the weights sum to 100, e.g. 30.",
    ),
    "HealthDimension.rating": ("Note de 1 (faible) à 5 (excellent).", "Rating from 1 (weak) to 5 (excellent)."),
    "HealthDimension.description": (
        "Ce qui est noté, par ex. utilisateurs actifs à 7 et 30 jours.",
        "What is rated, e.g. users active over 7 and 30 days.",
    ),
    # HealthThresholds
    "HealthThresholds.green": (
        "Score à partir duquel la santé est au vert, par ex. 80.",
        "Score from which the health is green, e.g. 80.",
    ),
    "HealthThresholds.amber": (
        "Score à partir duquel la santé est à l'orange (en dessous : au rouge), par ex. 60.",
        "Score from which the health is amber (below: red), e.g. 60.",
    ),
    # Health
    "Health.dimensions": (
        "Dimensions notées avec leur poids, par ex. activation, adoption, valeur, support.",
        "Rated dimensions with their weights, e.g. activation, adoption, value, support.",
    ),
    "Health.thresholds": ("Seuils du vert et de l'orange, sur 100.", "Green and amber thresholds, out of 100."),
    # Playbook
    "Playbook.signal": ("Le signal surveillé, par ex. Adoption.", "The signal watched, e.g. Adoption."),
    "Playbook.level": (
        "La météo qui le déclenche : Orange ou Rouge.",
        "The RAG level that triggers it: amber or red.",
    ),
    "Playbook.trigger": (
        "Le déclencheur, par ex. Actifs 30 j < 40 %.",
        "The trigger, e.g. Active in 30 days < 40%.",
    ),
    "Playbook.action": (
        "L'action immédiate, par ex. Session de coaching ciblée + micro-parcours vidéo.",
        "The immediate action, e.g. Targeted coaching session + short video path.",
    ),
    "Playbook.owner": ("Qui agit, par ex. CSM + Champion.", "Who acts, e.g. CSM + champion."),
    "Playbook.delay_days": (
        "Délai pour agir, en jours (48 h = 2), par ex. 5.",
        "Delay to act, in days (48 h = 2), e.g. 5.",
    ),
    "Playbook.kpi": (
        "Le KPI dont la valeur déclenche le playbook (avec Sous, Au-dessus de ou Atteinte sous), par ex. K4.",
        "The KPI whose value triggers the playbook (with Below, Above or Attainment below), e.g. K4.",
    ),
    "Playbook.below": (
        "Se déclenche quand la dernière mesure du KPI est sous ce nombre, par ex. 40.",
        "Fires when the KPI's latest measurement is below this number, e.g. 40.",
    ),
    "Playbook.above": (
        "Se déclenche quand la dernière mesure du KPI dépasse ce nombre, par ex. 15.",
        "Fires when the KPI's latest measurement is above this number, e.g. 15.",
    ),
    "Playbook.attainment_below": (
        "Se déclenche sous ce % du chemin vers la cible du KPI, au prorata du temps, par ex. 70.",
        "Fires below this % of the way to the KPI's target, pro rata of the time, e.g. 70.",
    ),
    "Playbook.health_below": (
        "Se déclenche quand le score de santé (sur 100) est sous ce nombre, par ex. 60.",
        "Fires when the health score (out of 100) is below this number, e.g. 60.",
    ),
    "Playbook.dimension": (
        "La dimension du score de santé surveillée (avec Note sous), par ex. Adoption.",
        "The health dimension watched (with Rating below), e.g. Adoption.",
    ),
    "Playbook.rating_below": (
        "Se déclenche quand la note de la dimension (1 à 5) est sous ce nombre, par ex. 3.",
        "Fires when the dimension's rating (1 to 5) is below this number, e.g. 3.",
    ),
    "Playbook.stream": (
        "Le flux surveillé (avec Météo du flux), par ex. data.",
        "The stream watched (with Stream RAG), e.g. data.",
    ),
    "Playbook.stream_rag": (
        "Se déclenche quand la météo du flux est à ce niveau ou pire, par ex. Orange.",
        "Fires when the stream's RAG is at this level or worse, e.g. amber.",
    ),
    "Playbook.rituals_missed": (
        "Se déclenche quand les rituels ont manqué, en tout, au moins ce nombre de réunions, par ex. 2.",
        "Fires when the rituals have missed, in all, at least this many meetings, e.g. 2.",
    ),
    # ValueLine
    "ValueLine.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. V1.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. V1.',
    ),
    "ValueLine.hypothesis": (
        "Comment l'usage crée de la valeur, par ex. Réduction du délai de traitement.",
        "How usage creates value, e.g. Shorter handling time.",
    ),
    "ValueLine.kpi": ("Identifiant du KPI qui la mesure, par ex. K1.", "Id of the KPI that measures it, e.g. K1."),
    "ValueLine.indicator": (
        "Ce qui est mesuré, avec son unité, par ex. h/dossier.",
        "What is measured, with its unit, e.g. h/file.",
    ),
    "ValueLine.direction": (
        "À la hausse ou à la baisse : dans quel sens va le gain.",
        "Up or down: which way is a gain.",
    ),
    "ValueLine.baseline": ("Valeur avant, par ex. 8.", "Value before, e.g. 8."),
    "ValueLine.target": ("Valeur visée, par ex. 6.", "Value aimed at, e.g. 6."),
    "ValueLine.actual": ("Valeur atteinte, par ex. 6,1.", "Value reached, e.g. 6.1."),
    "ValueLine.unit_gain": (
        "Gain par unité (par défaut : base moins réel, ou l'inverse à la hausse).",
        "Gain per unit (default: baseline minus actual, or the reverse when up).",
    ),
    "ValueLine.volume": ("Unités par an, par ex. 2 400 dossiers.", "Units per year, e.g. 2400 files."),
    "ValueLine.margin": (
        "Valeur d'une unité de gain, par ex. 30 (€ par heure).",
        "Value of one unit of gain, e.g. 30 (EUR per hour).",
    ),
    "ValueLine.value_per_year": (
        "Valeur par an quand elle ne se calcule pas en gain × volume × marge, par ex. 48 000.",
        "Value per year when it is not unit gain x volume x margin, e.g. 48000.",
    ),
    "ValueLine.notes": (
        "La justification : les hypothèses derrière les chiffres.",
        "The rationale: the hypotheses behind the figures.",
    ),
    # Budget
    "Budget.amount": ("Budget total du plan, par ex. 9 000.", "Total budget of the plan, e.g. 9000."),
    "Budget.currency": ("Code de la devise, par ex. EUR.", "Currency code, e.g. EUR."),
    "Budget.note": (
        "Ce que couvre le budget, par ex. ateliers, formation, accompagnement.",
        "What the budget covers, e.g. workshops, training, support.",
    ),
    # RaciRow
    "RaciRow.activity": (
        "L'activité ou la décision, par ex. Définir les KPI et le périmètre.",
        "The activity or decision, e.g. Define the KPIs and the scope.",
    ),
    "RaciRow.responsible": ("R : qui réalise, par ex. PO/Chef de projet.", "R: who does it, e.g. PO/project lead."),
    "RaciRow.accountable": (
        "A : la personne qui en répond, une seule, par ex. Sponsor.",
        "A: the one who answers for it, e.g. Sponsor.",
    ),
    "RaciRow.consulted": (
        "C : qui est consulté, par ex. Utilisateurs clés.",
        "C: who is consulted, e.g. Key users.",
    ),
    "RaciRow.informed": ("I : qui est informé, par ex. Ops/IT.", "I: who is informed, e.g. Ops/IT."),
    # Decision
    "Decision.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. D1.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. D1.',
    ),
    "Decision.title": (
        "La décision attendue ou prise, par ex. Valider le périmètre et les KPI.",
        "The decision expected or taken, e.g. Approve the scope and the KPIs.",
    ),
    "Decision.owner": (
        "Qui décide (souvent le sponsor), par ex. Inès Caron.",
        "Who decides (often the sponsor), e.g. Inès Caron.",
    ),
    "Decision.due": (
        "Date à laquelle elle est attendue, par ex. 04/12/2026.",
        "Date by which it is expected, e.g. 2026-12-04.",
    ),
    "Decision.date": (
        "Date à laquelle elle a été prise, par ex. 24/08/2026.",
        "Date it was taken, e.g. 2026-08-24.",
    ),
    "Decision.status": ("Attendue, Prise ou Abandonnée.", "Expected, Taken or Dropped."),
    "Decision.outcome": (
        "Ce qui a été décidé, par ex. Renfort d'un agent support pendant 3 semaines.",
        "What was decided, e.g. One more support agent for 3 weeks.",
    ),
    # Ritual
    "Ritual.name": (
        "Nom du rituel, par ex. Point hebdo onboarding.",
        "Name of the ritual, e.g. Weekly onboarding meeting.",
    ),
    "Ritual.frequency": (
        "Fréquence du rituel : hebdomadaire, mensuelle, trimestrielle…",
        "How often it happens: weekly, monthly, quarterly…",
    ),
    "Ritual.participants": (
        "Qui y assiste, par ex. Léa Fontaine, Karim Benali.",
        "Who attends, e.g. Léa Fontaine, Karim Benali.",
    ),
    "Ritual.purpose": (
        "À quoi il sert : avancement, risques, décisions.",
        "What it is for: progress, risks, decisions.",
    ),
    "Ritual.last_held": (
        "Date de sa dernière tenue, pour voir s'il se tient à sa fréquence.",
        "Date it last took place, to see it is held at its frequency.",
    ),
}
