"""The help line under a generated form for the fields of the plan, its parts, people, stakes and actions (``words.fields`` says how to ask).

Data only, one (French, English) pair per field: what to write, with an example from the domain.
"""

from __future__ import annotations

HELP_PLAN: dict[str, tuple[str, str]] = {
    # Plan
    "Plan.version": ("Version du format de fichier : 1.", "Version of the file format: 1."),
    "Plan.id": (
        "Identifiant stable du plan (par défaut : le nom du fichier), par ex. support-it.",
        "Stable identifier of the plan (default: the file name), e.g. support-it.",
    ),
    "Plan.title": (
        "Titre du plan, par ex. Optimisation support IT.",
        "Title of the plan, e.g. IT support improvement.",
    ),
    "Plan.type": (
        "Stratégique, Opérationnel, Amélioration continue, RH, RSE, Urgence, Formation…",
        "Strategic, Operational, Continuous improvement, HR, CSR, Crisis, Training…",
    ),
    "Plan.language": ("Langue du texte du plan : fr ou en.", "Language of the plan's text: fr or en."),
    "Plan.owner": (
        "Qui pilote le plan (responsable du plan), par ex. Responsable IT.",
        "Who runs the plan (the plan's owner), e.g. Head of IT.",
    ),
    "Plan.sponsor": (
        "Qui soutient le plan et prend les décisions, par ex. la directrice des opérations.",
        "Who sponsors it and takes the decisions, e.g. the operations director.",
    ),
    "Plan.status": (
        "Ouvert ou Clos : un plan clos ne relance plus personne et quitte la vue du portefeuille.",
        "Open or Closed: a closed plan reminds no one and leaves the portfolio's view.",
    ),
    "Plan.closed_on": ("Date de clôture du plan, par ex. 2025-07-01.", "Date the plan was closed, e.g. 2025-07-01."),
    "Plan.period": ("Premier et dernier jour du plan.", "First and last day of the plan."),
    "Plan.context": (
        "Analyse QQOQCP : Quoi, Qui, Où, Quand, Comment, Pourquoi, Combien.",
        "The situation: what, who, where, when, how, why, how much.",
    ),
    "Plan.objective": (
        "L'objectif SMART : spécifique, mesurable, atteignable, réaliste, daté.",
        "The SMART objective: specific, measurable, achievable, realistic, dated.",
    ),
    "Plan.synthesis": (
        "Où en est le plan, en quelques phrases pour la direction.",
        "Where the plan stands, in a few sentences for management.",
    ),
    "Plan.recommendations": (
        "Ce qu'il faut faire ensuite, par ex. Étendre le dispositif à la maintenance.",
        "What comes next, e.g. Extend the scheme to the maintenance team.",
    ),
    "Plan.people": (
        "Personnes impliquées : proposées comme responsables, relancées par courriel.",
        "People involved: offered as owners, sent reminders by e-mail.",
    ),
    "Plan.stakes": (
        "Enjeux partagés : ce que chaque partenaire risque ou gagne.",
        "Shared stakes: what each partner risks or gains.",
    ),
    "Plan.objectives": (
        "Objectifs opérationnels, chacun relié à un enjeu.",
        "Operational objectives, each linked to a stake.",
    ),
    "Plan.streams": (
        "Flux de travail, chacun avec sa météo, par ex. tech, data, adoption, valeur.",
        "Streams of work, each with its own RAG, e.g. tech, data, adoption, value.",
    ),
    "Plan.partners": (
        "Partenaires externes : ce qu'ils apportent et ce qu'ils attendent.",
        "External partners: what they bring and what they expect.",
    ),
    "Plan.actions": (
        "Les actions, chacune avec un pilote, une échéance et un indicateur.",
        "The actions, each with an owner, a due date and an indicator.",
    ),
    "Plan.log": ("Journal de suivi, de la plus ancienne entrée à la plus récente.", "Follow-up log, oldest first."),
    "Plan.kpis": (
        "Indicateurs clés (KPI) : 3 à 5, chacun relié à une source.",
        "Key performance indicators: 3 to 5, each tied to a source.",
    ),
    "Plan.risks": (
        "Registre des risques : probabilité, impact, mitigation.",
        "Risk register: probability, impact, mitigation.",
    ),
    "Plan.milestones": (
        "Jalons de la feuille de route, par ex. T0, T+30, T+90.",
        "Roadmap milestones, e.g. T0, T+30, T+90.",
    ),
    "Plan.health": (
        "Score de santé : dimensions notées, leurs poids et les seuils.",
        "Health score: rated dimensions, their weights and the thresholds.",
    ),
    "Plan.playbooks": (
        "Que faire quand un signal passe à l'orange ou au rouge.",
        "What to do when a signal turns amber or red.",
    ),
    "Plan.value": (
        "Registre de valeur : hypothèses et ce qu'elles rapportent par an.",
        "Value ledger: hypotheses and what they are worth per year.",
    ),
    "Plan.budget": ("Budget du plan, pour le ROI.", "Budget of the plan, for the ROI."),
    "Plan.branding": (
        "Client, cabinet et logo affichés sur les livrables.",
        "Client, consultancy and logo shown on the deliverables.",
    ),
    "Plan.raci": (
        "Matrice RACI : qui réalise, approuve, est consulté, est informé.",
        "RACI matrix: who is responsible, accountable, consulted, informed.",
    ),
    "Plan.decisions": ("Décisions attendues et prises.", "Decisions expected and taken."),
    "Plan.rituals": (
        "Rituels de gouvernance, par ex. point hebdo, revue mensuelle, QBR.",
        "Governance rituals, e.g. weekly meeting, monthly review, QBR.",
    ),
    "Plan.advice": (
        "Les conseils de la méthode que ce plan écarte, chacun avec sa raison.",
        "The method's advice this plan sets aside, each with its reason.",
    ),
    # Advice
    "Advice.ignore": (
        "Conseils écartés à dessein : code, raison, et au besoin les éléments visés.",
        "Advice set aside on purpose: its code, the reason, and the items it covers if not all.",
    ),
    "Advice.stale_days": (
        "Jours sans suivi ni mesure avant que le plan soit dit non mis à jour (30 par défaut).",
        "Days without a follow-up or measurement before the plan reads as not kept up to date (30).",
    ),
    "AdviceIgnore.code": (
        "Code du conseil à écarter, par ex. advice.no_start (le README les liste).",
        "Code of the advice to set aside, e.g. advice.no_start (the README lists them).",
    ),
    "AdviceIgnore.reason": (
        "Pourquoi il ne s'applique pas à ce plan ; sans raison, c'est signalé.",
        "Why it does not apply to this plan; one without a reason is reported.",
    ),
    "AdviceIgnore.ids": (
        "Seulement pour ces éléments, par ex. A2, A4 ; vide : tout le plan.",
        "Only for these items, e.g. A2, A4; empty: the whole plan.",
    ),
    # Period
    "Period.start": ("Premier jour du plan, par ex. 01/05/2025.", "First day of the plan, e.g. 2025-05-01."),
    "Period.end": ("Dernier jour du plan, par ex. 30/06/2025.", "Last day of the plan, e.g. 2025-06-30."),
    # Context
    "Context.what": (
        "Quoi : le problème ou le changement, par ex. des réclamations traitées en 10 jours.",
        "What: the problem or the change, e.g. complaints take 10 days to handle.",
    ),
    "Context.who": (
        "Qui : qui est concerné, qui agit, par ex. le service client et ses agents.",
        "Who: who is concerned, who acts, e.g. customer service and its agents.",
    ),
    "Context.where": (
        "Où : sites, services, périmètre, par ex. back-office, site de Nantes.",
        "Where: sites, services, scope, e.g. back office, Nantes site.",
    ),
    "Context.when": (
        "Quand : depuis quand, jusqu'à quand, à quel rythme, par ex. depuis janvier.",
        "When: since when, until when, how often, e.g. since January.",
    ),
    "Context.how": (
        "Comment : la démarche et les moyens, par ex. nouvelle procédure et outil de suivi.",
        "How: the approach and the means, e.g. a new procedure and a tracking tool.",
    ),
    "Context.why": (
        "Pourquoi : les enjeux et le bénéfice attendu, par ex. éviter la perte de contrats.",
        "Why: the stakes and the expected benefit, e.g. not losing contracts.",
    ),
    "Context.how_much": (
        "Combien : volumes, coûts, chiffres, par ex. 120 réclamations par mois.",
        "How much: volumes, costs, figures, e.g. 120 complaints a month.",
    ),
    # Objective
    "Objective.statement": (
        "L'objectif en une phrase, par ex. Réduire les délais de 10 à 5 jours d'ici 3 mois.",
        "The objective in one sentence, e.g. Cut delays from 10 to 5 days within 3 months.",
    ),
    "Objective.indicator": (
        "Ce qui est mesuré, par ex. Délai moyen de traitement.",
        "What is measured, e.g. Average handling time.",
    ),
    "Objective.unit": (
        "Unité de l'indicateur, par ex. jours, %, h/dossier.",
        "Unit of the indicator, e.g. days, %, h/file.",
    ),
    "Objective.baseline": ("Valeur au départ, par ex. 10.", "Value at the start, e.g. 10."),
    "Objective.target": ("Valeur à atteindre à l'échéance, par ex. 5.", "Value to reach by the deadline, e.g. 5."),
    "Objective.current": (
        "Dernière valeur connue, par ex. 4,2 ; vide si un KPI la mesure.",
        "Latest known value, e.g. 4.2; leave it empty when a KPI measures it.",
    ),
    "Objective.deadline": (
        "Date à laquelle la cible doit être atteinte, par ex. 31/07/2025.",
        "Date by which the target must be reached, e.g. 2025-07-31.",
    ),
    "Objective.kpi": (
        "Identifiant du KPI qui mesure cet objectif, par ex. K1.",
        "Id of the KPI that measures this objective, e.g. K1.",
    ),
    # Person
    "Person.name": (
        "Nom, tel qu'il s'écrit dans les champs Responsable, par ex. Léa Fontaine.",
        "Name, as written in the Owner fields, e.g. Léa Fontaine.",
    ),
    "Person.role": ("Rôle ou fonction, par ex. Responsable qualité.", "Role or function, e.g. Quality manager."),
    "Person.email": (
        "Adresse pour les rappels, par ex. lea.fontaine@exemple.fr.",
        "Address for reminders, e.g. lea.fontaine@example.com.",
    ),
    "Person.organisation": (
        "Sa structure, pour les plans à plusieurs partenaires, par ex. Mutuelle Horizon.",
        "Organisation, for multi-partner plans, e.g. Mutuelle Horizon.",
    ),
    # Stake
    "Stake.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. S1.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. S1.',
    ),
    "Stake.title": (
        "L'enjeu en quelques mots, par ex. Chiffre d'affaires.",
        "The stake in a few words, e.g. Turnover.",
    ),
    "Stake.description": (
        "Ce qui est en jeu, précisément : ce que chacun risque de perdre ou peut gagner.",
        "What is at stake, precisely: what each one may lose or gain.",
    ),
    "Stake.holders": (
        "Structures qui partagent cet enjeu, par ex. ACI Les Jardins du Val.",
        "Organisations that share this stake, e.g. ACI Les Jardins du Val.",
    ),
    # OperationalObjective
    "OperationalObjective.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. O1.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. O1.',
    ),
    "OperationalObjective.title": (
        "Précis, mesurable et daté, par ex. Obtenir 20 rendez-vous en 60 jours.",
        "Precise, measurable, dated, e.g. Get 20 meetings within 60 days.",
    ),
    "OperationalObjective.stake": (
        "Identifiant de l'enjeu que sert cet objectif, par ex. S1.",
        "Id of the stake this objective serves, e.g. S1.",
    ),
    "OperationalObjective.indicators": (
        "Indicateurs de suivi, par ex. Offre validée par les trois structures.",
        "Follow-up indicators, e.g. Offer approved by the three organisations.",
    ),
    "OperationalObjective.expected_results": (
        "Résultats mesurables, quantitatifs ou qualitatifs, par ex. une offre commune.",
        "Measurable results, quantitative or qualitative, e.g. a joint offer.",
    ),
    "OperationalObjective.deadline": (
        "Date à laquelle l'objectif doit être atteint, par ex. 06/03/2026.",
        "Date by which the objective must be met, e.g. 2026-03-06.",
    ),
    "OperationalObjective.owner": (
        "Qui répond de cet objectif : une personne, pas « l'équipe ».",
        'Who answers for this objective: one person, not "the team".',
    ),
    # Partner
    "Partner.name": (
        "Nom, tel qu'écrit dans les partenaires des actions, par ex. DDETS.",
        "Name, as written in the actions' partners, e.g. DDETS.",
    ),
    "Partner.kind": (
        "Type de soutien : financier, symbolique, compétences, expertise…",
        "Kind of support: financial, symbolic, skills, expertise…",
    ),
    "Partner.brings": (
        "Ce qu'il peut apporter au projet, par ex. cofinancement des parcours.",
        "What it can bring to the project, e.g. co-funding.",
    ),
    "Partner.expects": (
        "Ce qu'il peut attendre du projet, par ex. des sorties vers l'emploi.",
        "What it can expect from the project, e.g. people back into work.",
    ),
    # Stream
    "Stream.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. adoption.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. adoption.',
    ),
    "Stream.name": (
        "Nom affiché dans les tableaux de bord, par ex. Adoption.",
        "Name shown in dashboards, e.g. Adoption.",
    ),
    "Stream.description": (
        "Ce que couvre le flux, par ex. formation, champions, support et SLA.",
        "What the stream covers, e.g. training, champions, support and SLA.",
    ),
    # Origin
    "Origin.kind": (
        "D'où vient l'action : audit, auto-évaluation, réclamation, événement indésirable…",
        "Where the action comes from: audit, self-assessment, complaint, adverse event…",
    ),
    "Origin.ref": (
        "Référence du constat, par ex. Critère 3.10.2 ou Audit du 12/03.",
        "Reference of the finding, e.g. Criterion 3.10.2 or Audit of 12 March.",
    ),
    "Origin.note": (
        "Ce qui a été constaté, par ex. Analyse des événements indésirables non tracée.",
        "What was found, e.g. adverse events analysed without a record.",
    ),
    # Action
    "Action.id": (
        "Identifiant court et stable : lettres, chiffres, « - », « _ » ou « . », par ex. A3.",
        'A short stable identifier: letters, digits, "-", "_" or ".", e.g. A3.',
    ),
    "Action.title": (
        "Ce qu'il faut faire, en commençant par un verbe, par ex. Former les agents au CRM.",
        "What to do, starting with a verb, e.g. Train the agents on the new CRM.",
    ),
    "Action.owner": (
        "Le pilote : la seule personne qui répond de l'action, pas « l'équipe ».",
        'The one person who answers for the action, not "the team".',
    ),
    "Action.co_owners": (
        "Personnes qui épaulent le pilote, par ex. Karim Benali.",
        "People who back the owner, e.g. Karim Benali.",
    ),
    "Action.objective": (
        "Identifiant de l'objectif opérationnel que sert l'action, par ex. O1.",
        "Id of the operational objective it serves, e.g. O1.",
    ),
    "Action.stream": ("Identifiant de son flux, par ex. adoption.", "Id of its stream, e.g. adoption."),
    "Action.origins": (
        "Constats auxquels l'action répond, « nature : référence (cotation/4) » : audit : 3.10.2 (2/4)",
        "Findings this action answers, 'kind: reference (score/4)': audit: 3.10.2 (2/4)",
    ),
    "Action.imperative": (
        "L'action répond à un critère impératif (réglementaire) : elle est suivie en premier.",
        "The action answers an imperative (regulatory) criterion: it is tracked first.",
    ),
    "Action.priority": (
        "Faible, Moyen ou Élevé, selon l'urgence, l'impact et les exigences réglementaires.",
        "Low, Medium or High, by urgency, impact and regulatory requirements.",
    ),
    "Action.impact": (
        "De 0 à 5, pour le score de priorité impact × urgence / effort.",
        "0 to 5, for the priority score impact x urgency / effort.",
    ),
    "Action.urgency": (
        "De 0 à 5 : 5 quand l'action ne peut pas attendre.",
        "0 to 5: 5 when the action cannot wait.",
    ),
    "Action.effort": ("De 0 à 5 : 5 pour une action longue ou coûteuse.", "0 to 5: 5 for a long or costly action."),
    "Action.start": ("Date de début, par ex. 01/05/2025.", "Start date, e.g. 2025-05-01."),
    "Action.due": (
        "Date à laquelle l'action doit être terminée, par ex. 15/05/2025.",
        "Due date, e.g. 2025-05-15.",
    ),
    "Action.completed": (
        "Date de fin réelle, une fois l'action terminée, par ex. 14/05/2025.",
        "Completion date, once the action is done, e.g. 2025-05-14.",
    ),
    "Action.status": (
        "À faire, En cours, Terminé, Bloqué ou Annulé.",
        "To do, In progress, Done, Blocked or Cancelled.",
    ),
    "Action.progress": (
        "Avancement en pourcentage, de 0 à 100, par ex. 50 pour la moitié.",
        "Progress in percent, 0 to 100, e.g. 50 for half.",
    ),
    "Action.resources": (
        "Moyens nécessaires : personnes, outils, salles, temps, par ex. Salle + formateur.",
        "Means needed: people, tools, rooms, time, e.g. Room + trainer.",
    ),
    "Action.budget": ("Budget dans la devise du plan, par ex. 1 000.", "Budget in the plan's currency, e.g. 1000."),
    "Action.skills": (
        "Compétences nécessaires pour mener l'action, par ex. Comptabilité.",
        "Skills required to carry the action, e.g. Accounting.",
    ),
    "Action.partners": (
        "Partenaires externes à associer, par ex. DDETS.",
        "External partners to involve, e.g. DDETS.",
    ),
    "Action.indicators": (
        "Un ou deux indicateurs de succès au plus, par ex. 100 % des agents formés.",
        "One or two success indicators at most, e.g. 100% of agents trained.",
    ),
    "Action.kpi": (
        "Identifiant du KPI que l'action fait bouger, par ex. K1.",
        "Id of the KPI this action moves, e.g. K1.",
    ),
    "Action.depends_on": (
        "Identifiants des actions à terminer d'abord, par ex. A1, A2.",
        "Ids of the actions that must be done first, e.g. A1, A2.",
    ),
    "Action.comment": (
        "Commentaire libre : résultats observés, blocages.",
        "Free comment: observed results, blockers.",
    ),
}
