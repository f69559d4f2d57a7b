"""The label and the help line of every field of a plan's model, in French and English.

The app's forms are generated from the model (``tui/forms/generated``): a field added to the
model needs its two lines here and nothing else. The model's own descriptions stay English, for
the JSON Schema editors read; a French reader gets the French help from here. Keys are
``Model.field`` (the Pydantic model's class name and the field's name, not its YAML alias);
a test checks that every field of every model has both.

A table, long by nature (two entries for each of some 180 fields), kept in one place so that a
field's French and English sit side by side; ``tests/test_field_words.py`` holds the rules it
keeps: labels of at most 24 characters (they sit left of an input at 80 columns), one-line help,
the app's column word for the same thing (``labels.WORDS``), French typography as in ``words/tui``.
"""

from __future__ import annotations

from planaction.words.catalog import Catalog

#: "Model.field" -> (French label, English label): short, they sit left of an input at 80 columns;
#: the same word as the app's columns (``labels.WORDS``) for the same thing.
LABELS = Catalog(
    "fields.labels",
    {
        # Plan
        "Plan.version": ("Version du format", "Format version"),
        "Plan.id": ("Id", "Id"),
        "Plan.title": ("Titre", "Title"),
        "Plan.type": ("Type de plan", "Kind of plan"),
        "Plan.language": ("Langue", "Language"),
        "Plan.owner": ("Responsable", "Owner"),
        "Plan.sponsor": ("Sponsor", "Sponsor"),
        "Plan.period": ("Période", "Period"),
        "Plan.context": ("Contexte (QQOQCP)", "Context"),
        "Plan.objective": ("Objectif SMART", "SMART objective"),
        "Plan.synthesis": ("Synthèse", "Synthesis"),
        "Plan.recommendations": ("Recommandations", "Recommendations"),
        "Plan.people": ("Personnes", "People"),
        "Plan.stakes": ("Enjeux", "Stakes"),
        "Plan.objectives": ("Objectifs opérationnels", "Operational objectives"),
        "Plan.streams": ("Flux", "Streams"),
        "Plan.partners": ("Partenaires", "Partners"),
        "Plan.actions": ("Actions", "Actions"),
        "Plan.log": ("Suivi", "Follow-up log"),
        "Plan.kpis": ("Indicateurs clés", "KPIs"),
        "Plan.risks": ("Risques", "Risks"),
        "Plan.milestones": ("Jalons", "Milestones"),
        "Plan.health": ("Santé", "Health"),
        "Plan.playbooks": ("Playbooks", "Playbooks"),
        "Plan.value": ("Valeur", "Value"),
        "Plan.budget": ("Budget", "Budget"),
        "Plan.raci": ("RACI", "RACI"),
        "Plan.decisions": ("Décisions", "Decisions"),
        "Plan.rituals": ("Rituels", "Rituals"),
        # Period
        "Period.start": ("Début", "Start"),
        "Period.end": ("Fin", "End"),
        # Context
        "Context.what": ("Quoi", "What"),
        "Context.who": ("Qui", "Who"),
        "Context.where": ("Où", "Where"),
        "Context.when": ("Quand", "When"),
        "Context.how": ("Comment", "How"),
        "Context.why": ("Pourquoi", "Why"),
        "Context.how_much": ("Combien", "How much"),
        # Objective
        "Objective.statement": ("Énoncé", "Statement"),
        "Objective.indicator": ("Indicateur", "Indicator"),
        "Objective.unit": ("Unité", "Unit"),
        "Objective.baseline": ("Base", "Baseline"),
        "Objective.target": ("Cible", "Target"),
        "Objective.current": ("Actuel", "Current"),
        "Objective.deadline": ("Échéance", "Deadline"),
        "Objective.kpi": ("KPI", "KPI"),
        # Person
        "Person.name": ("Nom", "Name"),
        "Person.role": ("Rôle", "Role"),
        "Person.email": ("Courriel", "E-mail"),
        "Person.organisation": ("Organisation", "Organisation"),
        # Stake
        "Stake.id": ("Id", "Id"),
        "Stake.title": ("Enjeu", "Stake"),
        "Stake.description": ("Description", "Description"),
        "Stake.holders": ("Partagé par", "Shared by"),
        # OperationalObjective
        "OperationalObjective.id": ("Id", "Id"),
        "OperationalObjective.title": ("Objectif", "Objective"),
        "OperationalObjective.stake": ("Enjeu", "Stake"),
        "OperationalObjective.indicators": ("Indicateurs", "Indicators"),
        "OperationalObjective.expected_results": ("Résultats attendus", "Expected results"),
        "OperationalObjective.deadline": ("Échéance", "Deadline"),
        "OperationalObjective.owner": ("Responsable", "Owner"),
        # Partner
        "Partner.name": ("Nom", "Name"),
        "Partner.kind": ("Type de soutien", "Kind of support"),
        "Partner.brings": ("Ce qu'il apporte", "What it brings"),
        "Partner.expects": ("Ce qu'il attend", "What it expects"),
        # Stream
        "Stream.id": ("Id", "Id"),
        "Stream.name": ("Nom", "Name"),
        "Stream.description": ("Description", "Description"),
        # Origin
        "Origin.kind": ("Type", "Kind"),
        "Origin.ref": ("Référence", "Reference"),
        "Origin.note": ("Constat", "Finding"),
        # Action
        "Action.id": ("Id", "Id"),
        "Action.title": ("Titre", "Title"),
        "Action.owner": ("Responsable", "Owner"),
        "Action.co_owners": ("Co-pilotes", "Co-owners"),
        "Action.objective": ("Objectif", "Objective"),
        "Action.stream": ("Flux", "Stream"),
        "Action.origins": ("Origines", "Origins"),
        "Action.imperative": ("Impératif", "Imperative"),
        "Action.priority": ("Priorité", "Priority"),
        "Action.impact": ("Impact (0-5)", "Impact (0-5)"),
        "Action.urgency": ("Urgence (0-5)", "Urgency (0-5)"),
        "Action.effort": ("Effort (0-5)", "Effort (0-5)"),
        "Action.start": ("Début", "Start"),
        "Action.due": ("Échéance", "Due"),
        "Action.completed": ("Terminée le", "Completed"),
        "Action.status": ("Statut", "Status"),
        "Action.progress": ("Avancement", "Progress"),
        "Action.resources": ("Ressources", "Resources"),
        "Action.budget": ("Budget", "Budget"),
        "Action.skills": ("Compétences", "Skills"),
        "Action.partners": ("Partenaires", "Partners"),
        "Action.indicators": ("Indicateurs", "Indicators"),
        "Action.kpi": ("KPI", "KPI"),
        "Action.depends_on": ("Dépend de", "Depends on"),
        "Action.comment": ("Commentaire", "Comment"),
        # LogEntry
        "LogEntry.date": ("Date", "Date"),
        "LogEntry.action": ("Action", "Action"),
        "LogEntry.result": ("Résultat obtenu", "Result"),
        "LogEntry.comment": ("Commentaire", "Comment"),
        "LogEntry.author": ("Auteur", "Author"),
        # Measurement
        "Measurement.date": ("Date", "Date"),
        "Measurement.value": ("Valeur", "Value"),
        "Measurement.comment": ("Commentaire", "Comment"),
        # Kpi
        "Kpi.id": ("Id", "Id"),
        "Kpi.name": ("Nom", "Name"),
        "Kpi.unit": ("Unité", "Unit"),
        "Kpi.source": ("Source", "Source"),
        "Kpi.frequency": ("Fréquence", "Frequency"),
        "Kpi.direction": ("Sens", "Direction"),
        "Kpi.baseline": ("Base", "Baseline"),
        "Kpi.target": ("Cible", "Target"),
        "Kpi.deadline": ("Échéance", "Deadline"),
        "Kpi.owner": ("Responsable", "Owner"),
        "Kpi.stream": ("Flux", "Stream"),
        "Kpi.measurements": ("Mesures", "Measurements"),
        # Risk
        "Risk.id": ("Id", "Id"),
        "Risk.title": ("Risque", "Risk"),
        "Risk.probability": ("Probabilité", "Probability"),
        "Risk.impact": ("Impact", "Impact"),
        "Risk.mitigation": ("Mitigation", "Mitigation"),
        "Risk.owner": ("Responsable", "Owner"),
        "Risk.status": ("Statut", "Status"),
        "Risk.action": ("Action", "Action"),
        # Milestone
        "Milestone.id": ("Id", "Id"),
        "Milestone.title": ("Jalon", "Milestone"),
        "Milestone.due": ("Échéance", "Due"),
        "Milestone.deliverables": ("Livrables", "Deliverables"),
        "Milestone.evidence": ("Preuves", "Evidence"),
        "Milestone.criteria": ("Critère", "Criterion"),
        "Milestone.done": ("Atteint", "Done"),
        "Milestone.done_on": ("Atteint le", "Done on"),
        # HealthDimension
        "HealthDimension.name": ("Dimension", "Dimension"),
        "HealthDimension.weight": ("Poids", "Weight"),
        "HealthDimension.rating": ("Note (1-5)", "Rating (1-5)"),
        "HealthDimension.description": ("Description", "Description"),
        # HealthThresholds
        "HealthThresholds.green": ("Seuil du vert", "Green threshold"),
        "HealthThresholds.amber": ("Seuil de l'orange", "Amber threshold"),
        # Health
        "Health.dimensions": ("Dimensions", "Dimensions"),
        "Health.thresholds": ("Seuils", "Thresholds"),
        # Playbook
        "Playbook.signal": ("Signal", "Signal"),
        "Playbook.level": ("Météo", "RAG"),
        "Playbook.trigger": ("Déclencheur", "Trigger"),
        "Playbook.action": ("Action immédiate", "Immediate action"),
        "Playbook.owner": ("Responsable", "Owner"),
        "Playbook.delay_days": ("Délai (jours)", "Delay (days)"),
        # ValueLine
        "ValueLine.id": ("Id", "Id"),
        "ValueLine.hypothesis": ("Hypothèse de valeur", "Value hypothesis"),
        "ValueLine.kpi": ("KPI", "KPI"),
        "ValueLine.indicator": ("Indicateur", "Indicator"),
        "ValueLine.direction": ("Sens", "Direction"),
        "ValueLine.baseline": ("Base", "Baseline"),
        "ValueLine.target": ("Cible", "Target"),
        "ValueLine.actual": ("Réel", "Actual"),
        "ValueLine.unit_gain": ("Gain unitaire", "Unit gain"),
        "ValueLine.volume": ("Volume / an", "Volume / year"),
        "ValueLine.margin": ("Marge", "Margin"),
        "ValueLine.value_per_year": ("Valeur / an", "Value / year"),
        "ValueLine.notes": ("Notes", "Notes"),
        # Budget
        "Budget.amount": ("Montant", "Amount"),
        "Budget.currency": ("Devise", "Currency"),
        "Budget.note": ("Note", "Note"),
        # RaciRow
        "RaciRow.activity": ("Activité", "Activity"),
        "RaciRow.responsible": ("Réalisateurs (R)", "Responsible (R)"),
        "RaciRow.accountable": ("Approbateur (A)", "Accountable (A)"),
        "RaciRow.consulted": ("Consultés (C)", "Consulted (C)"),
        "RaciRow.informed": ("Informés (I)", "Informed (I)"),
        # Decision
        "Decision.id": ("Id", "Id"),
        "Decision.title": ("Décision", "Decision"),
        "Decision.owner": ("Responsable", "Owner"),
        "Decision.due": ("Échéance", "Due"),
        "Decision.date": ("Prise le", "Taken on"),
        "Decision.status": ("Statut", "Status"),
        "Decision.outcome": ("Ce qui est décidé", "Outcome"),
        # Ritual
        "Ritual.name": ("Nom", "Name"),
        "Ritual.frequency": ("Fréquence", "Frequency"),
        "Ritual.participants": ("Participants", "Participants"),
        "Ritual.purpose": ("Objet", "Purpose"),
    },
)

#: "Model.field" -> (French help line, English help line): what to write, with an example from the domain.
HELP = Catalog(
    "fields.help",
    {
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
        "Plan.raci": (
            "Matrice RACI : qui réalise, approuve, est consulté, est informé.",
            "RACI matrix: who is responsible, accountable, consulted, informed.",
        ),
        "Plan.decisions": ("Décisions attendues et prises.", "Decisions expected and taken."),
        "Plan.rituals": (
            "Rituels de gouvernance, par ex. point hebdo, revue mensuelle, QBR.",
            "Governance rituals, e.g. weekly meeting, monthly review, QBR.",
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
            "Constats auxquels l'action répond : audit, réclamation, évaluation externe…",
            "Findings this action answers: audit, complaint, external evaluation…",
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
    },
)


def field_label(model: type, name: str, lang: str) -> str:
    """The field's label; its name as written in the file when it has none yet (a test forbids that)."""
    key = f"{model.__name__}.{name}"
    return LABELS(key, lang) if key in LABELS else name


def field_help(model: type, name: str, lang: str) -> str:
    """The field's help line: what to write, with an example; empty when it has none yet."""
    key = f"{model.__name__}.{name}"
    return HELP(key, lang) if key in HELP else ""
