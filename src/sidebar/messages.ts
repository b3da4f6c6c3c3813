// The sidebar's words in English and German: every string a user reads in the sidebar lives here.

/** Column names in a message: at most six, each cut to 40 characters. */
function names(list: readonly string[]): string {
  const cut = list.slice(0, 6).map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n));
  return list.length > 6 ? `${cut.join(', ')} … (+${list.length - 6})` : cut.join(', ');
}

type Kind = 'won' | 'value' | 'churn';
const WORDS = { won: ['won', 'lost'], churn: ['churned', 'retained'] } as const;
const WORDS_DE = { won: ['gewonnene', 'verlorene'], churn: ['gekündigte', 'gebliebene'] } as const;

const EN = {
  table: 'Account table',
  noTable: 'No account table found: open the sheet with your accounts (headers in the first row) and reopen this editor.',
  headerRow: (row: number, rows: number) => `header row ${row}, ${rows} rows`,
  profiles: 'Profiles',
  addProfile: '+ Profile',
  newProfile: 'Profile name',
  rules: 'Rules',
  attribute: 'Attribute',
  operator: 'Operator',
  value: 'Value',
  points: 'Points',
  required: 'Required',
  addRule: '+ Add rule',
  moveUp: 'Move up',
  moveDown: 'Move down',
  remove: 'Delete',
  tiers: 'Tiers',
  tierLabel: 'Tier',
  tierMin: 'Minimum score',
  addTier: '+ Tier',
  preview: 'Preview',
  previewNote: 'Draft scored on your table; nothing is saved yet.',
  topAccounts: 'Top accounts',
  save: 'Save criteria',
  saving: 'Saving…',
  saved: 'Saved to the ICP Criteria tab: the formulas recalculate now.',
  fixErrors: 'Fix the marked fields first.',
  failed: 'Something went wrong: ',
  noRules: 'No rules yet: add the first one.',
  stale: 'The ICP Criteria tab was changed outside this editor since it was loaded, so nothing was saved. Reload to see the change (your unsaved edits here are dropped).',
  changedOutside: 'The ICP Criteria tab was changed outside this editor since it was loaded. Reload to see the change (your unsaved edits here are dropped); saving waits for that.',
  reload: 'Reload from the tab',
  reloaded: 'The ICP Criteria tab was changed outside this editor: it shows the change now.',
  renameProfile: 'Rename profile',
  deleteProfile: 'Delete profile',
  add: 'Add',
  rename: 'Rename',
  cancel: 'Cancel',
  profileBlank: 'Give the profile a name.',
  profileTaken: (name: string) => `There is already a profile “${name}”.`,
  deleteConfirm: (name: string, rules: number) => (rules === 0 ? `Delete the profile “${name}”? It has no rules yet.`
    : `Delete the profile “${name}” and its ${rules} ${rules === 1 ? 'rule' : 'rules'}? The ICP Criteria tab keeps them until you save.`),
  noCriteria: (sheet: string) =>
    `There are no criteria yet, so Score this sheet has nothing to score ${sheet} with. Start a profile from its columns (one rule per column that describes accounts, for you to check), or add rules below.`,
  unfit: (count: number, total: number, sheet: string) =>
    `${count} of ${total} ${total === 1 ? 'rule does' : 'rules do'} not fit the columns of ${sheet}, so Score this sheet writes nothing:`,
  more: (count: number) => `… and ${count} more.`,
  unfitHelp: 'Pick each one’s column in Attribute (they are marked in their profile) or delete it, or start a new profile from this sheet’s columns: these rules stay as they are.',
  startFromColumns: 'Start a profile from this sheet’s columns',
  started: (profile: string, rules: number, sheet: string, skipped: readonly string[]) =>
    `Started “${profile}” from ${rules} columns of ${sheet}, 10 points each${skipped.length ? ` (left out: ${names(skipped)})` : ''}. Check the rules, then save.`,
  starterEmpty: (sheet: string) => `No column of ${sheet} suits a starter rule (names, IDs, dates and money columns are left out): add rules by hand.`,
  sql: 'Copy as SQL',
  sqlIntro: 'For an account list in a warehouse: this query scores its table as the formulas score this sheet, with the rules above (saved or not).',
  dialect: 'Dialect',
  dialects: { bigquery: 'BigQuery', postgres: 'PostgreSQL', duckdb: 'DuckDB' },
  sqlTable: 'Table',
  snake: 'snake_case column names (columns=snake)',
  copy: 'Copy',
  copied: (where: string) => `Copied. Paste it into ${where}.`,
  copyBlocked: 'This browser blocks copying here: the query is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
  sqlFixDraft: 'Fix the marked fields first: the query is written from a draft without errors.',
  sqlWaiting: 'Writing the query…',
  learn: 'Learn from my data',
  learnIntro: 'Suggests rules with points from how your accounts turned out: won or lost, a value, or churn. Nothing changes until you add them.',
  learnFromColumn: 'Learn from an outcome column',
  outcome: 'Outcome column',
  likely: 'Likely outcomes',
  otherColumns: 'Other columns',
  kinds: { won: 'won/lost', value: 'value', churn: 'churn' },
  noLikely: 'No column reads as won/lost, a value or churn: pick the one that says how accounts turned out.',
  tenure: 'Tenure (months, or a start date)',
  noTenure: 'None: churn per account',
  learnAction: 'Learn',
  learnedProfile: 'Learned',
  perMonth: (rate: string) => `${rate} a month`,
  learning: 'Learning from your accounts…',
  learnedFrom: (kind: Kind, accounts: number, positives: number, outcome: string, base: string) =>
    kind === 'won' ? `Learned from ${accounts} accounts in “${outcome}”: ${positives} won, ${accounts - positives} lost (win rate ${base}).`
    : kind === 'value' ? `Learned from ${accounts} accounts with a value in “${outcome}” (mean ${base}).`
    : `Learned from ${accounts} accounts in “${outcome}”: ${positives} churned (${base}).`,
  leftOut: (rows: number) => `${rows} ${rows === 1 ? 'row' : 'rows'} without an outcome (open deals, blanks) left out.`,
  tooFew: (count: number, what: Kind, positive: boolean) =>
    `Only ${count} ${what === 'value' ? 'accounts with a value' : `${WORDS[what][positive ? 0 : 1]} accounts`}: too few to tell how well these rules rank new accounts (30 are needed). Take them as a rough guide.`,
  nothingLearned: 'No rule ranks these accounts better than chance: nothing to suggest.',
  suggested: 'Suggested',
  aucNew: 'AUC',
  notEstimated: 'too little data',
  rough: 'rough',
  shareOfAccounts: (tiers: string) => `Accounts in ${tiers}`,
  shareOfOutcome: (tiers: string, kind: Kind) => `${kind === 'won' ? 'Wins' : kind === 'value' ? 'Value' : 'Churned'} in ${tiers}`,
  compareNote: (estimated: boolean) => (estimated ? 'The suggestion’s AUC is measured on accounts it did not learn from; its tiers are' : 'The suggestion’s tiers are') +
    ' counted on the accounts it learned from, so they look better than they will on new ones.',
  noCurrent: 'Nothing to compare with yet: the shown profile has no rules.',
  notCompared: (problem: string) => `Not compared with the shown profile: ${problem}`,
  evidence: (accounts: number, kind: Kind, rate: string, lift: string) =>
    `${accounts} accounts · ${kind === 'won' ? 'win rate' : kind === 'value' ? 'mean' : 'churn'} ${rate} · lift ${lift}`,
  legend: (kind: Kind, base: string) => [
    'Accounts: how many accounts with an outcome the rule matches.',
    kind === 'won' ? `Win rate: how often they were won (all accounts: ${base}).` : kind === 'value' ? `Mean: their average value (all accounts: ${base}).` : `Churn: how often they churned (all accounts: ${base}).`,
    kind === 'won' ? 'Lift: their rate over the average; 1.4 means won 40 % more often than the average account.'
    : kind === 'value' ? 'Lift: their mean over the average; 1.4 means 40 % more value than the average account.'
    : 'Lift: their churn over the average; 1.4 means churned 40 % more often (such rules get negative points).',
    'Points are learned together: a rule that says what another already says gets few.',
    `AUC: the chance that ${kind === 'won' ? 'a won account scores above a lost one' : kind === 'value' ? 'of two accounts the one with more value scores higher' : 'a retained account scores above a churned one'}; 0.5 is a coin toss, 0.7 useful, 0.8 strong.`,
  ],
  notLearnedFrom: (columns: readonly string[]) => `Not learned from: ${names(columns)}.`,
  addTicked: 'Add the ticked rules',
  asNewProfile: 'as a new profile',
  intoProfile: (profile: string) => `into “${profile}”`,
  addRules: (count: number) => `Add ${count} ${count === 1 ? 'rule' : 'rules'}`,
  added: (count: number, profile: string, isNew: boolean, had: number) =>
    `Added ${count} ${count === 1 ? 'rule' : 'rules'} ${isNew ? `as the new profile “${profile}”` : `to “${profile}”, after its own`}` +
    `${had ? ` (${had} it had already left out)` : ''}. The preview shows ${count === 1 ? 'it' : 'them'}; nothing is saved until you save.`,
};

export type SidebarMessages = typeof EN;

const DE: SidebarMessages = {
  table: 'Kontentabelle',
  noTable: 'Keine Kontentabelle gefunden: Blatt mit den Konten öffnen (Überschriften in Zeile 1) und den Editor neu öffnen.',
  headerRow: (row: number, rows: number) => `Kopfzeile ${row}, ${rows} Zeilen`,
  profiles: 'Profile',
  addProfile: '+ Profil',
  newProfile: 'Profilname',
  rules: 'Regeln',
  attribute: 'Merkmal',
  operator: 'Operator',
  value: 'Wert',
  points: 'Punkte',
  required: 'Pflicht',
  addRule: '+ Regel hinzufügen',
  moveUp: 'Nach oben',
  moveDown: 'Nach unten',
  remove: 'Löschen',
  tiers: 'Stufen',
  tierLabel: 'Stufe',
  tierMin: 'Mindestpunktzahl',
  addTier: '+ Stufe',
  preview: 'Vorschau',
  previewNote: 'Entwurf auf Ihre Tabelle angewandt; noch nichts gespeichert.',
  topAccounts: 'Beste Konten',
  save: 'Kriterien speichern',
  saving: 'Speichert…',
  saved: 'Im Tab ICP Criteria gespeichert: die Formeln rechnen jetzt neu.',
  fixErrors: 'Bitte zuerst die markierten Felder korrigieren.',
  failed: 'Etwas ist schiefgegangen: ',
  noRules: 'Noch keine Regeln: legen Sie die erste an.',
  stale: 'Der Tab ICP Criteria wurde außerhalb dieses Editors geändert, seit er geladen wurde; nichts wurde gespeichert. Neu laden, um die Änderung zu sehen (ungespeicherte Änderungen hier gehen verloren).',
  changedOutside: 'Der Tab ICP Criteria wurde außerhalb dieses Editors geändert, seit er geladen wurde. Neu laden, um die Änderung zu sehen (ungespeicherte Änderungen hier gehen verloren); Speichern wartet darauf.',
  reload: 'Aus dem Tab neu laden',
  reloaded: 'Der Tab ICP Criteria wurde außerhalb dieses Editors geändert: der Editor zeigt die Änderung jetzt.',
  renameProfile: 'Profil umbenennen',
  deleteProfile: 'Profil löschen',
  add: 'Hinzufügen',
  rename: 'Umbenennen',
  cancel: 'Abbrechen',
  profileBlank: 'Geben Sie dem Profil einen Namen.',
  profileTaken: (name: string) => `Es gibt schon ein Profil „${name}“.`,
  deleteConfirm: (name: string, rules: number) => (rules === 0 ? `Das Profil „${name}“ löschen? Es hat noch keine Regeln.`
    : `Das Profil „${name}“ und seine ${rules} ${rules === 1 ? 'Regel' : 'Regeln'} löschen? Der Tab ICP Criteria behält sie bis zum Speichern.`),
  noCriteria: (sheet: string) =>
    `Es gibt noch keine Kriterien, daher kann „Dieses Blatt bewerten“ ${sheet} nicht bewerten. Beginnen Sie ein Profil aus den Spalten (eine Regel je Spalte, die Konten beschreibt, zum Prüfen) oder legen Sie unten Regeln an.`,
  unfit: (count: number, total: number, sheet: string) =>
    `${count} von ${total} ${total === 1 ? 'Regel passt' : 'Regeln passen'} nicht zu den Spalten von ${sheet}, daher schreibt „Dieses Blatt bewerten“ nichts:`,
  more: (count: number) => `… und ${count} weitere.`,
  unfitHelp: 'Wählen Sie für jede die Spalte unter Merkmal (sie sind in ihrem Profil markiert) oder löschen Sie sie, oder beginnen Sie ein neues Profil aus den Spalten dieses Blatts: diese Regeln bleiben, wie sie sind.',
  startFromColumns: 'Profil aus den Spalten dieses Blatts beginnen',
  started: (profile: string, rules: number, sheet: string, skipped: readonly string[]) =>
    `„${profile}“ aus ${rules} Spalten von ${sheet} begonnen, je 10 Punkte${skipped.length ? ` (ausgelassen: ${names(skipped)})` : ''}. Prüfen Sie die Regeln und speichern Sie dann.`,
  starterEmpty: (sheet: string) => `Keine Spalte von ${sheet} eignet sich für eine Startregel (Namen, IDs, Datums- und Geldspalten bleiben aus): legen Sie Regeln von Hand an.`,
  sql: 'Als SQL kopieren',
  sqlIntro: 'Für eine Kontenliste im Data Warehouse: diese Abfrage bewertet ihre Tabelle so, wie die Formeln dieses Blatt bewerten, mit den Regeln oben (gespeichert oder nicht).',
  dialect: 'Dialekt',
  dialects: { bigquery: 'BigQuery', postgres: 'PostgreSQL', duckdb: 'DuckDB' },
  sqlTable: 'Tabelle',
  snake: 'Spaltennamen in snake_case (columns=snake)',
  copy: 'Kopieren',
  copied: (where: string) => `Kopiert. In ${where} einfügen.`,
  copyBlocked: 'Der Browser verhindert hier das Kopieren: die Abfrage ist markiert, mit Strg+C (⌘C auf dem Mac) kopieren.',
  sqlFixDraft: 'Bitte zuerst die markierten Felder korrigieren: die Abfrage entsteht aus einem fehlerfreien Entwurf.',
  sqlWaiting: 'Abfrage wird geschrieben…',
  learn: 'Aus meinen Daten lernen',
  learnIntro: 'Schlägt Regeln mit Punkten vor, je nachdem, wie Ihre Konten ausgegangen sind: gewonnen oder verloren, ein Wert oder Kündigung. Nichts ändert sich, bis Sie sie hinzufügen.',
  learnFromColumn: 'Aus einer Ergebnisspalte lernen',
  outcome: 'Ergebnisspalte',
  likely: 'Wahrscheinliche Ergebnisse',
  otherColumns: 'Andere Spalten',
  kinds: { won: 'gewonnen/verloren', value: 'Wert', churn: 'Kündigung' },
  noLikely: 'Keine Spalte liest sich als gewonnen/verloren, Wert oder Kündigung: wählen Sie die, die sagt, wie Konten ausgingen.',
  tenure: 'Laufzeit (Monate oder Startdatum)',
  noTenure: 'Keine: Kündigung je Konto',
  learnAction: 'Lernen',
  learnedProfile: 'Gelernt',
  perMonth: (rate: string) => `${rate} pro Monat`,
  learning: 'Lernt aus Ihren Konten…',
  learnedFrom: (kind: Kind, accounts: number, positives: number, outcome: string, base: string) =>
    kind === 'won' ? `Gelernt aus ${accounts} Konten in „${outcome}“: ${positives} gewonnen, ${accounts - positives} verloren (Gewinnrate ${base}).`
    : kind === 'value' ? `Gelernt aus ${accounts} Konten mit einem Wert in „${outcome}“ (Mittel ${base}).`
    : `Gelernt aus ${accounts} Konten in „${outcome}“: ${positives} gekündigt (${base}).`,
  leftOut: (rows: number) => `${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'} ohne Ergebnis (offene Deals, leer) ausgelassen.`,
  tooFew: (count: number, what: Kind, positive: boolean) =>
    `Nur ${count} ${what === 'value' ? 'Konten mit einem Wert' : `${WORDS_DE[what][positive ? 0 : 1]} Konten`}: zu wenige, um zu sagen, wie gut diese Regeln neue Konten ordnen (30 sind nötig). Nehmen Sie sie als grobe Richtung.`,
  nothingLearned: 'Keine Regel ordnet diese Konten besser als der Zufall: nichts vorzuschlagen.',
  suggested: 'Vorschlag',
  aucNew: 'AUC',
  notEstimated: 'zu wenig Daten',
  rough: 'grob',
  shareOfAccounts: (tiers: string) => `Konten in ${tiers}`,
  shareOfOutcome: (tiers: string, kind: Kind) => `${kind === 'won' ? 'Gewinne' : kind === 'value' ? 'Wert' : 'Kündigungen'} in ${tiers}`,
  compareNote: (estimated: boolean) => (estimated ? 'Die AUC des Vorschlags ist an Konten gemessen, aus denen er nicht gelernt hat; seine Stufen sind' : 'Die Stufen des Vorschlags sind') +
    ' an den Konten gezählt, aus denen er gelernt hat, daher wirken sie besser, als sie bei neuen sein werden.',
  noCurrent: 'Noch nichts zum Vergleichen: das gezeigte Profil hat keine Regeln.',
  notCompared: (problem: string) => `Nicht mit dem gezeigten Profil verglichen: ${problem}`,
  evidence: (accounts: number, kind: Kind, rate: string, lift: string) =>
    `${accounts} Konten · ${kind === 'won' ? 'Gewinnrate' : kind === 'value' ? 'Mittel' : 'Kündigung'} ${rate} · Lift ${lift}`,
  legend: (kind: Kind, base: string) => [
    'Konten: wie viele Konten mit Ergebnis die Regel trifft.',
    kind === 'won' ? `Gewinnrate: wie oft sie gewonnen wurden (alle Konten: ${base}).` : kind === 'value' ? `Mittel: ihr durchschnittlicher Wert (alle Konten: ${base}).` : `Kündigung: wie oft sie gekündigt haben (alle Konten: ${base}).`,
    kind === 'won' ? 'Lift: ihre Rate geteilt durch den Durchschnitt; 1,4 heißt 40 % öfter gewonnen als das durchschnittliche Konto.'
    : kind === 'value' ? 'Lift: ihr Mittel geteilt durch den Durchschnitt; 1,4 heißt 40 % mehr Wert als das durchschnittliche Konto.'
    : 'Lift: ihre Kündigungsrate geteilt durch den Durchschnitt; 1,4 heißt 40 % öfter gekündigt (solche Regeln bekommen Minuspunkte).',
    'Die Punkte werden gemeinsam gelernt: eine Regel, die sagt, was eine andere schon sagt, bekommt wenige.',
    `AUC: die Chance, dass ${kind === 'won' ? 'ein gewonnenes Konto höher punktet als ein verlorenes' : kind === 'value' ? 'von zwei Konten das mit mehr Wert höher punktet' : 'ein gebliebenes Konto höher punktet als ein gekündigtes'}; 0,5 ist Zufall, 0,7 brauchbar, 0,8 stark.`,
  ],
  notLearnedFrom: (columns: readonly string[]) => `Nicht daraus gelernt: ${names(columns)}.`,
  addTicked: 'Die angekreuzten Regeln hinzufügen',
  asNewProfile: 'als neues Profil',
  intoProfile: (profile: string) => `zu „${profile}“`,
  addRules: (count: number) => `${count} ${count === 1 ? 'Regel' : 'Regeln'} hinzufügen`,
  added: (count: number, profile: string, isNew: boolean, had: number) =>
    `${count} ${count === 1 ? 'Regel' : 'Regeln'} ${isNew ? `als neues Profil „${profile}“ hinzugefügt` : `zu „${profile}“ hinzugefügt, nach dessen eigenen`}` +
    `${had ? ` (${had} schon vorhandene ausgelassen)` : ''}. Die Vorschau zeigt sie; gespeichert wird erst beim Speichern.`,
};

export function sidebarMessages(language: string): SidebarMessages {
  return language === 'de' ? DE : EN;
}
