// What the add-on says in menus and dialogs, in English and German, chosen from the user's locale.

const EN = {
  menuEditor: 'Edit ICP criteria…',
  menuTemplate: 'Create ICP template',
  menuScore: 'Score this sheet',
  menuSegments: 'Build segment summary…',
  menuHelp: 'Help',
  helpTitle: 'icp-sheets help',
  sidebarTitle: 'ICP criteria',
  segmentPrompt: 'Segment by which column? For example: Industry, or Industry, Size band. Columns: ',
  segmentTitle: 'Segment summary',
  largeTable: (rows: number) =>
    `${rows} rows are more than one live formula can return. Write the scores as values instead (they will not update by themselves)?`,
  valuesNote: (when: string) => `Written as values by icp-sheets on ${when}; run Score this sheet to refresh.`,
  noTable: 'This sheet has no table: put column headers in the first row and one account per row below.',
  scored: (sheet: string) => `Scored ${sheet}; the scores follow rows and criteria.`,
  notScored: 'Nothing was scored.',
  templateCreated: (sheet: string, seeded: boolean) =>
    `Created ${sheet} with three example accounts to replace with yours` +
    (seeded ? ', a Personas sheet, and a starter profile in the ICP Criteria tab.' : ' and a Personas sheet; the ICP Criteria tab stays as it was.') +
    ' Run Score this sheet to see their scores.',
  noCriteria: (sheet: string) =>
    `Nothing was scored: there are no ICP criteria yet. Open Edit ICP criteria… to start a profile from the columns of ${sheet}, then run Score this sheet again.`,
  unfit: (sheet: string, count: number, total: number, lines: string, columns: boolean) =>
    `Nothing was scored: ${count} of ${total} rules in the ICP Criteria tab ${columns ? `do not fit the columns of ${sheet}` : 'cannot be used'}.\n${lines}\n` +
    `Open Edit ICP criteria… to start a profile from the columns of ${sheet}, or ${columns ? 'change the Attribute of' : 'correct'} these rules in the ICP Criteria tab.`,
  more: (count: number) => `… and ${count} more.`,
  criteriaProblem: (problem: string) => `Nothing was scored: the ICP Criteria tab has a problem. ${problem}`,
  spillBlocked: (cell: string, header: string) =>
    `The formula in ${cell} shows #REF!: a cell below it holds something, so its results cannot spill. Move what is typed under ${header} (icp-sheets’ output columns) elsewhere and run Score this sheet again.`,
  formulaError: (cell: string, error: string) => `The formula in ${cell} shows ${error} instead of scores. Select ${cell} to read why.`,
  segmentsBuilt: (sheet: string, segments: number, by: string) =>
    `Built ${sheet}: ${segments} segments by ${by}, with a chart of CLV:CAC and monthly churn.`,
  segmentsCancelled: 'No segment summary was built.',
  segmentsFailed: (problem: string) => `No segment summary was built: ${problem}`,
  scoresBroken: (sheet: string, problem: string) =>
    `No segment summary was built: it reads the score columns of ${sheet}, and they show an error. ${problem} Fix the criteria, run Score this sheet, then build the summary again.`,
  segmentsShowError: (sheet: string, error: string) => `${sheet} was built, but its formula in A1 shows ${error} instead of the summary. Select A1 to read why.`,
  chartTitle: 'CLV:CAC and monthly churn per segment',
  monthlyChurn: 'Monthly churn',
  starterProfile: 'Starter profile',
  menuValidate: 'Validate ICP…',
  validatePrompt: 'Validate the criteria against which outcome column (won/lost, a value, or churned)? Columns: ',
  validateNoCriteria: 'No validation tab was built: there are no ICP criteria yet. Write or learn them in Edit ICP criteria… first.',
  validationCancelled: 'No validation tab was built.',
  validationFailed: (problem: string) => `No validation tab was built: ${problem}`,
  validationBuilt: (sheet: string, outcome: string, auc: number, tiers: string, accounts: string, outcomes: string, kind: 'won' | 'value' | 'churn', rough: boolean) =>
    `Built ${sheet} against ${outcome}: AUC ${auc.toFixed(2)} (0.5 is a coin toss); tiers ${tiers} hold ${accounts} of the accounts and ${outcomes} of the ` +
    `${kind === 'won' ? 'wins' : kind === 'value' ? 'value' : 'churned accounts'}${rough ? ' (rough: under 30 of them)' : ''}.`,
  validationShowError: (sheet: string, error: string) => `${sheet} was built, but its formula in A1 shows ${error} instead of the validation. Select A1 to read why.`,
  validationChart: { won: 'Win rate by tier', value: 'Mean value by tier', churn: 'Churn rate by tier' },
};

type Messages = typeof EN;

const DE: Messages = {
  menuEditor: 'ICP-Kriterien bearbeiten…',
  menuTemplate: 'ICP-Vorlage anlegen',
  menuScore: 'Dieses Blatt bewerten',
  menuSegments: 'Segmentübersicht erstellen…',
  menuHelp: 'Hilfe',
  helpTitle: 'icp-sheets Hilfe',
  sidebarTitle: 'ICP-Kriterien',
  segmentPrompt: 'Nach welcher Spalte segmentieren? Zum Beispiel: Branche, oder Branche, Size band. Spalten: ',
  segmentTitle: 'Segmentübersicht',
  largeTable: (rows: number) =>
    `${rows} Zeilen sind mehr, als eine Live-Formel liefern kann. Die Bewertungen stattdessen als Werte schreiben (ohne automatische Aktualisierung)?`,
  valuesNote: (when: string) => `Als Werte geschrieben von icp-sheets am ${when}; zum Aktualisieren erneut bewerten.`,
  noTable: 'Dieses Blatt hat keine Tabelle: Spaltenüberschriften in die erste Zeile, darunter ein Konto pro Zeile.',
  scored: (sheet: string) => `${sheet} bewertet; die Werte folgen Zeilen und Kriterien.`,
  notScored: 'Nichts bewertet.',
  templateCreated: (sheet: string, seeded: boolean) =>
    `${sheet} angelegt, mit drei Beispielkonten zum Ersetzen durch Ihre` +
    (seeded ? ', einem Blatt Personas und einem Startprofil im Tab ICP Criteria.' : ' und einem Blatt Personas; der Tab ICP Criteria bleibt, wie er war.') +
    ' Mit „Dieses Blatt bewerten“ sehen Sie ihre Bewertungen.',
  noCriteria: (sheet: string) =>
    `Nichts bewertet: Es gibt noch keine ICP-Kriterien. Öffnen Sie „ICP-Kriterien bearbeiten…“, um ein Profil aus den Spalten von ${sheet} zu beginnen, und bewerten Sie dann erneut.`,
  unfit: (sheet: string, count: number, total: number, lines: string, columns: boolean) =>
    `Nichts bewertet: ${count} von ${total} Regeln im Tab ICP Criteria ${columns ? `passen nicht zu den Spalten von ${sheet}` : 'sind fehlerhaft'}.\n${lines}\n` +
    `Öffnen Sie „ICP-Kriterien bearbeiten…“, um ein Profil aus den Spalten von ${sheet} zu beginnen, oder ${columns ? 'ändern Sie das Merkmal dieser' : 'korrigieren Sie diese'} Regeln im Tab ICP Criteria.`,
  more: (count: number) => `… und ${count} weitere.`,
  criteriaProblem: (problem: string) => `Nichts bewertet: Der Tab ICP Criteria hat ein Problem. ${problem}`,
  spillBlocked: (cell: string, header: string) =>
    `Die Formel in ${cell} zeigt #REF!: Eine Zelle darunter enthält etwas, daher können ihre Ergebnisse nicht überlaufen. Verschieben Sie, was unter ${header} (den Ausgabespalten von icp-sheets) steht, und bewerten Sie erneut.`,
  formulaError: (cell: string, error: string) => `Die Formel in ${cell} zeigt ${error} statt Bewertungen. Wählen Sie ${cell}, um den Grund zu lesen.`,
  segmentsBuilt: (sheet: string, segments: number, by: string) =>
    `${sheet} erstellt: ${segments} Segmente nach ${by}, mit einem Diagramm von CLV:CAC und monatlicher Abwanderung.`,
  segmentsCancelled: 'Keine Segmentübersicht erstellt.',
  segmentsFailed: (problem: string) => `Keine Segmentübersicht erstellt: ${problem}`,
  scoresBroken: (sheet: string, problem: string) =>
    `Keine Segmentübersicht erstellt: Sie liest die Bewertungsspalten von ${sheet}, und diese zeigen einen Fehler. ${problem} Korrigieren Sie die Kriterien, bewerten Sie das Blatt und erstellen Sie die Übersicht dann erneut.`,
  segmentsShowError: (sheet: string, error: string) => `${sheet} wurde erstellt, aber seine Formel in A1 zeigt ${error} statt der Übersicht. Wählen Sie A1, um den Grund zu lesen.`,
  chartTitle: 'CLV:CAC und monatliche Abwanderung je Segment',
  monthlyChurn: 'Monatliche Abwanderung',
  starterProfile: 'Startprofil',
  menuValidate: 'ICP prüfen…',
  validatePrompt: 'Die Kriterien an welcher Ergebnisspalte prüfen (gewonnen/verloren, ein Wert oder gekündigt)? Spalten: ',
  validateNoCriteria: 'Kein Prüfblatt erstellt: Es gibt noch keine ICP-Kriterien. Schreiben oder lernen Sie sie zuerst unter „ICP-Kriterien bearbeiten…“.',
  validationCancelled: 'Kein Prüfblatt erstellt.',
  validationFailed: (problem: string) => `Kein Prüfblatt erstellt: ${problem}`,
  validationBuilt: (sheet: string, outcome: string, auc: number, tiers: string, accounts: string, outcomes: string, kind: 'won' | 'value' | 'churn', rough: boolean) =>
    `${sheet} gegen ${outcome} erstellt: AUC ${auc.toFixed(2).replace('.', ',')} (0,5 ist Zufall); die Stufen ${tiers} haben ${accounts} der Konten und ${outcomes} ` +
    `${kind === 'won' ? 'der Gewinne' : kind === 'value' ? 'des Werts' : 'der Kündigungen'}${rough ? ' (grob: weniger als 30 davon)' : ''}.`,
  validationShowError: (sheet: string, error: string) => `${sheet} wurde erstellt, aber seine Formel in A1 zeigt ${error} statt der Prüfung. Wählen Sie A1, um den Grund zu lesen.`,
  validationChart: { won: 'Gewinnrate je Stufe', value: 'Mittlerer Wert je Stufe', churn: 'Kündigungsrate je Stufe' },
};

export type Locale = 'en' | 'de';

/** The locale's language, English unless it is German. */
export function languageOf(locale: string | undefined): Locale {
  return (locale ?? '').toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function messages(locale: Locale): Messages {
  return locale === 'de' ? DE : EN;
}
