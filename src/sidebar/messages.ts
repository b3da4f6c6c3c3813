// The sidebar's words in English, German and Danish: every string a user reads in the sidebar lives here,
// numbers written the language's way. German and Danish use the terms of the add-on's own catalogs
// (src/core/i18n, src/addon/i18n): German "Accounts", "Merkmal", "Stufe"; Danish "virksomheder", "aftaler"
// for won and lost deals, "kunder" for churn, "Egenskab", "niveau".

import type { Lang } from '../core/i18n';
import { quote } from '../core/text';

/** Column names in a message: at most six, each cut to 40 characters. */
function names(list: readonly string[]): string {
  const cut = list.slice(0, 6).map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n));
  return list.length > 6 ? `${cut.join(', ')} … (+${list.length - 6})` : cut.join(', ');
}

/** A whole number as the language writes it: 1,200 · 1.200. */
const counter = (lang: Lang) => {
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return (n: number) => format.format(n);
};

/** The closest headers, quoted, in a list joined by the language's "or". */
const closestList = (near: readonly string[], or: string) =>
  near.length <= 1 ? near.map(quote).join('') : `${near.slice(0, -1).map(quote).join(', ')} ${or} ${quote(near[near.length - 1])}`;

type Kind = 'won' | 'value' | 'churn';

const n = counter('en');
const WORDS = { won: ['won', 'lost'], churn: ['churned', 'retained'] } as const;

const EN = {
  /** The page's title (Sheets shows the server's title over the sidebar; this one names the frame). */
  title: 'ICP criteria',
  /** The profile of rules whose Profile cell is blank, as the formulas call it. */
  defaultProfile: 'Default',
  table: 'Account table',
  noTable: 'No account table found: open the sheet with your accounts (headers in the first row) and reopen this editor.',
  headerRow: (row: number, rows: number) => `header row ${n(row)}, ${n(rows)} ${rows === 1 ? 'row' : 'rows'}`,
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
  previewSaved: (tab: string) => `Scored on your table with the criteria saved in the ${tab} tab.`,
  topAccounts: 'Top accounts',
  save: 'Save criteria',
  saving: 'Saving…',
  saved: (tab: string) => `Saved to the ${tab} tab: the formulas recalculate now.`,
  fixErrors: 'Fix the marked fields first.',
  failed: 'Something went wrong: ',
  noRules: 'No rules yet: add the first one.',
  stale: (tab: string) =>
    `The ${tab} tab was changed outside this editor since it was loaded, so nothing was saved. Reload to see the change (your unsaved edits here are dropped).`,
  changedOutside: (tab: string) =>
    `The ${tab} tab was changed outside this editor since it was loaded. Reload to see the change (your unsaved edits here are dropped); saving waits for that.`,
  reload: 'Reload from the tab',
  reloaded: (tab: string) => `The ${tab} tab was changed outside this editor: it shows the change now.`,
  renameProfile: 'Rename profile',
  deleteProfile: 'Delete profile',
  add: 'Add',
  rename: 'Rename',
  cancel: 'Cancel',
  profileBlank: 'Give the profile a name.',
  profileTaken: (name: string) => `There is already a profile “${name}”.`,
  deleteConfirm: (name: string, rules: number, tab: string) =>
    rules === 0
      ? `Delete the profile “${name}”? It has no rules yet.`
      : `Delete the profile “${name}” and its ${n(rules)} ${rules === 1 ? 'rule' : 'rules'}? The ${tab} tab keeps them until you save.`,
  noCriteria: (sheet: string) =>
    `There are no criteria yet, so Score this sheet has nothing to score ${sheet} with. Start a profile from its columns (one rule per column that describes accounts, for you to check), or add rules below.`,
  unfit: (count: number, total: number, sheet: string) =>
    `${n(count)} of ${n(total)} ${total === 1 ? 'rule does' : 'rules do'} not fit the columns of ${sheet}, so Score this sheet writes nothing:`,
  /** Why a rule's Attribute fits no column, with the closest headers. */
  notColumn: (name: string, near: readonly string[]) =>
    `${quote(name)} is not a column of the table.${near.length ? ` Closest: ${closestList(near, 'or')}.` : ''}`,
  more: (count: number) => `… and ${n(count)} more.`,
  unfitHelp:
    'Pick each one’s column in Attribute (they are marked in their profile) or delete it, or start a new profile from this sheet’s columns: these rules stay as they are.',
  startFromColumns: 'Start a profile from this sheet’s columns',
  started: (profile: string, rules: number, sheet: string, skipped: readonly string[]) =>
    `Started “${profile}” from ${n(rules)} columns of ${sheet}, 10 points each${skipped.length ? ` (left out: ${names(skipped)})` : ''}. Check the rules, then save.`,
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
    kind === 'won'
      ? `Learned from ${n(accounts)} accounts in “${outcome}”: ${n(positives)} won, ${n(accounts - positives)} lost (win rate ${base}).`
      : kind === 'value'
        ? `Learned from ${n(accounts)} accounts with a value in “${outcome}” (mean ${base}).`
        : `Learned from ${n(accounts)} accounts in “${outcome}”: ${n(positives)} churned (${base}).`,
  leftOut: (rows: number) => `${n(rows)} ${rows === 1 ? 'row' : 'rows'} without an outcome (open deals, blanks) left out.`,
  tooFew: (count: number, what: Kind, positive: boolean) =>
    `Only ${n(count)} ${what === 'value' ? 'accounts with a value' : `${WORDS[what][positive ? 0 : 1]} accounts`}: too few to tell how well these rules rank new accounts (30 are needed). Take them as a rough guide.`,
  nothingLearned: 'No rule ranks these accounts better than chance: nothing to suggest.',
  suggested: 'Suggested',
  aucNew: 'AUC',
  notEstimated: 'too little data',
  rough: 'rough',
  shareOfAccounts: (tiers: string) => `Accounts in ${tiers}`,
  shareOfOutcome: (tiers: string, kind: Kind) => `${kind === 'won' ? 'Wins' : kind === 'value' ? 'Value' : 'Churned'} in ${tiers}`,
  compareNote: (estimated: boolean) =>
    (estimated ? 'The suggestion’s AUC is measured on accounts it did not learn from; its tiers are' : 'The suggestion’s tiers are') +
    ' counted on the accounts it learned from, so they look better than they will on new ones.',
  noCurrent: 'Nothing to compare with yet: the shown profile has no rules.',
  notCompared: (problem: string) => `Not compared with the shown profile: ${problem}`,
  comparedWith: (profile: string, profiles: number) =>
    profiles > 1
      ? `Beside it: the profile “${profile}” alone. The sheet gives each account the score of the best of the ${n(profiles)} profiles, so Validate ICP… (all of them together) can show another AUC.`
      : `Beside it: “${profile}”, the criteria the sheet scores with.`,
  evidence: (accounts: number, kind: Kind, rate: string, lift: string) =>
    `${n(accounts)} accounts · ${kind === 'won' ? 'win rate' : kind === 'value' ? 'mean' : 'churn'} ${rate} · lift ${lift}`,
  legend: (kind: Kind, base: string) => [
    'Accounts: how many accounts with an outcome the rule matches.',
    kind === 'won'
      ? `Win rate: how often they were won (all accounts: ${base}).`
      : kind === 'value'
        ? `Mean: their average value (all accounts: ${base}).`
        : `Churn: how often they churned (all accounts: ${base}).`,
    kind === 'won'
      ? 'Lift: their rate over the average; 1.4 means won 40 % more often than the average account.'
      : kind === 'value'
        ? 'Lift: their mean over the average; 1.4 means 40 % more value than the average account.'
        : 'Lift: their churn over the average; 1.4 means churned 40 % more often (such rules get negative points).',
    'Points are learned together: a rule that says what another already says gets few.',
    `AUC: the chance that ${kind === 'won' ? 'a won account scores above a lost one' : kind === 'value' ? 'of two accounts the one with more value scores higher' : 'a retained account scores above a churned one'}; 0.5 is a coin toss, 0.7 useful, 0.8 strong.`,
  ],
  notLearnedFrom: (columns: readonly string[]) => `Not learned from: ${names(columns)}.`,
  addTicked: 'Add the ticked rules',
  asNewProfile: 'as a new profile',
  intoProfile: (profile: string) => `into “${profile}”`,
  addRules: (count: number) => `Add ${n(count)} ${count === 1 ? 'rule' : 'rules'}`,
  added: (count: number, profile: string, isNew: boolean, had: number, tab: string) =>
    `Added ${n(count)} ${count === 1 ? 'rule' : 'rules'} ${isNew ? `as the new profile “${profile}”` : `to “${profile}”, after its own`}` +
    `${had ? ` (leaving out ${n(had)} it has already)` : ''}. Save to write ${count === 1 ? 'it' : 'them'} to the ${tab} tab.`,
  alreadyHas: (profile: string, count: number) => `“${profile}” has ${count === 1 ? 'this rule' : `these ${n(count)} rules`} already: nothing was added.`,
  bestProfile: (rules: number, points: string, tier: string, profile: string) =>
    `Each account takes the score of its best profile. As a profile of their own, ${rules === 1 ? 'this rule gives' : `these ${n(rules)} rules give`} up to ${points} points${tier ? ` (tier ${tier})` : ''}: ` +
    `that can lift many accounts into the top tiers, whatever “${profile}” says. To sharpen “${profile}” instead, add ${rules === 1 ? 'it' : 'them'} into it.`,
  addInstead: (profile: string) => `Add into “${profile}” instead`,
};

export type SidebarMessages = typeof EN;

const nDe = counter('de');
const WORDS_DE = { won: ['gewonnene', 'verlorene'], churn: ['gekündigte', 'gehaltene'] } as const;

const DE: SidebarMessages = {
  title: 'ICP-Kriterien',
  defaultProfile: 'Standard',
  table: 'Account-Tabelle',
  noTable: 'Keine Account-Tabelle gefunden: Öffnen Sie das Blatt mit Ihren Accounts (Überschriften in der ersten Zeile) und öffnen Sie diesen Editor erneut.',
  headerRow: (row: number, rows: number) => `Kopfzeile ${nDe(row)}, ${nDe(rows)} ${rows === 1 ? 'Zeile' : 'Zeilen'}`,
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
  previewNote: 'Der Entwurf, auf Ihre Tabelle angewandt; gespeichert ist noch nichts.',
  previewSaved: (tab: string) => `Auf Ihre Tabelle angewandt, mit den Kriterien, wie sie im Tab ${tab} gespeichert sind.`,
  topAccounts: 'Top-Accounts',
  save: 'Kriterien speichern',
  saving: 'Wird gespeichert…',
  saved: (tab: string) => `Im Tab ${tab} gespeichert: Die Formeln rechnen jetzt neu.`,
  fixErrors: 'Korrigieren Sie zuerst die markierten Felder.',
  failed: 'Etwas ist schiefgegangen: ',
  noRules: 'Noch keine Regeln: Legen Sie die erste an.',
  stale: (tab: string) =>
    `Der Tab ${tab} wurde außerhalb dieses Editors geändert, seit er geladen wurde, daher wurde nichts gespeichert. Laden Sie neu, um die Änderung zu sehen (Ihre ungespeicherten Änderungen hier gehen dabei verloren).`,
  changedOutside: (tab: string) =>
    `Der Tab ${tab} wurde außerhalb dieses Editors geändert, seit er geladen wurde. Laden Sie neu, um die Änderung zu sehen (Ihre ungespeicherten Änderungen hier gehen dabei verloren); erst danach lässt sich speichern.`,
  reload: 'Aus dem Tab neu laden',
  reloaded: (tab: string) => `Der Tab ${tab} wurde außerhalb dieses Editors geändert: Der Editor zeigt jetzt die Änderung.`,
  renameProfile: 'Profil umbenennen',
  deleteProfile: 'Profil löschen',
  add: 'Hinzufügen',
  rename: 'Umbenennen',
  cancel: 'Abbrechen',
  profileBlank: 'Geben Sie dem Profil einen Namen.',
  profileTaken: (name: string) => `Es gibt schon ein Profil „${name}“.`,
  deleteConfirm: (name: string, rules: number, tab: string) =>
    rules === 0
      ? `Das Profil „${name}“ löschen? Es hat noch keine Regeln.`
      : `Das Profil „${name}“ und seine ${nDe(rules)} ${rules === 1 ? 'Regel' : 'Regeln'} löschen? Der Tab ${tab} behält sie bis zum Speichern.`,
  noCriteria: (sheet: string) =>
    `Es gibt noch keine Kriterien, daher kann „Dieses Blatt bewerten“ ${sheet} nicht bewerten. Beginnen Sie ein Profil aus den Spalten des Blatts (eine Regel je Spalte, die Accounts beschreibt, zum Prüfen), oder legen Sie unten Regeln an.`,
  unfit: (count: number, total: number, sheet: string) =>
    `${nDe(count)} von ${nDe(total)} ${total === 1 ? 'Regel passt' : 'Regeln passen'} nicht zu den Spalten von ${sheet}, daher schreibt „Dieses Blatt bewerten“ nichts:`,
  notColumn: (name: string, near: readonly string[]) =>
    `${quote(name)} ist keine Spalte der Tabelle.${near.length ? ` Am ähnlichsten: ${closestList(near, 'oder')}.` : ''}`,
  more: (count: number) => `… und ${nDe(count)} weitere.`,
  unfitHelp:
    'Wählen Sie für jede dieser Regeln die Spalte unter Merkmal (sie sind in ihrem Profil markiert) oder löschen Sie sie, oder beginnen Sie ein neues Profil aus den Spalten dieses Blatts: Diese Regeln bleiben dann, wie sie sind.',
  startFromColumns: 'Profil aus den Spalten dieses Blatts beginnen',
  started: (profile: string, rules: number, sheet: string, skipped: readonly string[]) =>
    `„${profile}“ aus ${nDe(rules)} Spalten von ${sheet} begonnen, je 10 Punkte${skipped.length ? ` (ausgelassen: ${names(skipped)})` : ''}. Prüfen Sie die Regeln und speichern Sie dann.`,
  starterEmpty: (sheet: string) =>
    `Keine Spalte von ${sheet} eignet sich für eine Startregel (Namen, IDs, Datums- und Betragsspalten bleiben außen vor): Legen Sie Regeln von Hand an.`,
  sql: 'Als SQL kopieren',
  sqlIntro:
    'Für eine Account-Liste im Data Warehouse: Diese Abfrage bewertet deren Tabelle so, wie die Formeln dieses Blatt bewerten, mit den Regeln oben (gespeichert oder nicht).',
  dialect: 'Dialekt',
  dialects: { bigquery: 'BigQuery', postgres: 'PostgreSQL', duckdb: 'DuckDB' },
  sqlTable: 'Tabelle',
  snake: 'Spaltennamen in snake_case (columns=snake)',
  copy: 'Kopieren',
  copied: (where: string) => `Kopiert. Fügen Sie die Abfrage in ${where} ein.`,
  copyBlocked: 'Der Browser verhindert hier das Kopieren: Die Abfrage ist markiert, kopieren Sie sie mit Strg+C (⌘C auf dem Mac).',
  sqlFixDraft: 'Korrigieren Sie zuerst die markierten Felder: Die Abfrage entsteht aus einem fehlerfreien Entwurf.',
  sqlWaiting: 'Abfrage wird geschrieben…',
  learn: 'Aus meinen Daten lernen',
  learnIntro:
    'Schlägt Regeln mit Punkten vor, je nachdem, wie Ihre Accounts ausgegangen sind: gewonnen oder verloren, ein Wert oder Churn. Es ändert sich nichts, bis Sie sie hinzufügen.',
  learnFromColumn: 'Aus einer Ergebnisspalte lernen',
  outcome: 'Ergebnisspalte',
  likely: 'Wahrscheinliche Ergebnisspalten',
  otherColumns: 'Andere Spalten',
  kinds: { won: 'gewonnen/verloren', value: 'Wert', churn: 'Churn' },
  noLikely: 'Keine Spalte liest sich als gewonnen/verloren, Wert oder Churn: Wählen Sie die Spalte, die sagt, wie die Accounts ausgegangen sind.',
  tenure: 'Laufzeit (Monate oder Startdatum)',
  noTenure: 'Keine: Churn je Account',
  learnAction: 'Lernen',
  learnedProfile: 'Gelernt',
  perMonth: (rate: string) => `${rate} pro Monat`,
  learning: 'Lernt aus Ihren Accounts…',
  learnedFrom: (kind: Kind, accounts: number, positives: number, outcome: string, base: string) =>
    kind === 'won'
      ? `Gelernt aus ${nDe(accounts)} Accounts in „${outcome}“: ${nDe(positives)} gewonnen, ${nDe(accounts - positives)} verloren (Gewinnrate ${base}).`
      : kind === 'value'
        ? `Gelernt aus ${nDe(accounts)} Accounts mit einem Wert in „${outcome}“ (Mittelwert ${base}).`
        : `Gelernt aus ${nDe(accounts)} Accounts in „${outcome}“: ${nDe(positives)} gekündigt (${base}).`,
  leftOut: (rows: number) => `${nDe(rows)} ${rows === 1 ? 'Zeile' : 'Zeilen'} ohne Ergebnis (offene Deals, leere Zellen) ausgelassen.`,
  tooFew: (count: number, what: Kind, positive: boolean) =>
    `Nur ${nDe(count)} ${what === 'value' ? 'Accounts mit einem Wert' : `${WORDS_DE[what][positive ? 0 : 1]} Accounts`}: zu wenige, um zu sagen, wie gut diese Regeln neue Accounts ordnen (30 sind nötig). Nehmen Sie sie als grobe Richtschnur.`,
  nothingLearned: 'Keine Regel ordnet diese Accounts besser als der Zufall: kein Vorschlag.',
  suggested: 'Vorschlag',
  aucNew: 'AUC',
  notEstimated: 'zu wenig Daten',
  rough: 'grob',
  shareOfAccounts: (tiers: string) => `Accounts in ${tiers}`,
  shareOfOutcome: (tiers: string, kind: Kind) => `${kind === 'won' ? 'Gewinne' : kind === 'value' ? 'Wert' : 'Gekündigt'} in ${tiers}`,
  compareNote: (estimated: boolean) =>
    (estimated ? 'Die AUC des Vorschlags ist an Accounts gemessen, aus denen er nicht gelernt hat; seine Stufen sind' : 'Die Stufen des Vorschlags sind') +
    ' an den Accounts gezählt, aus denen er gelernt hat, und wirken daher besser, als sie bei neuen sein werden.',
  noCurrent: 'Noch nichts zum Vergleichen: Das gezeigte Profil hat keine Regeln.',
  notCompared: (problem: string) => `Nicht mit dem gezeigten Profil verglichen: ${problem}`,
  comparedWith: (profile: string, profiles: number) =>
    profiles > 1
      ? `Daneben: das Profil „${profile}“ allein. Das Blatt gibt jedem Account die Punktzahl des besten der ${nDe(profiles)} Profile, daher kann „ICP prüfen…“ (alle zusammen) eine andere AUC zeigen.`
      : `Daneben: „${profile}“, die Kriterien, mit denen das Blatt bewertet.`,
  evidence: (accounts: number, kind: Kind, rate: string, lift: string) =>
    `${nDe(accounts)} Accounts · ${kind === 'won' ? 'Gewinnrate' : kind === 'value' ? 'Mittelwert' : 'Churn'} ${rate} · Lift ${lift}`,
  legend: (kind: Kind, base: string) => [
    'Accounts: wie viele Accounts mit Ergebnis die Regel trifft.',
    kind === 'won'
      ? `Gewinnrate: wie oft sie gewonnen wurden (alle Accounts: ${base}).`
      : kind === 'value'
        ? `Mittelwert: ihr durchschnittlicher Wert (alle Accounts: ${base}).`
        : `Churn: wie oft sie gekündigt haben (alle Accounts: ${base}).`,
    kind === 'won'
      ? 'Lift: ihre Gewinnrate im Verhältnis zum Durchschnitt; 1,4 heißt 40 % öfter gewonnen als der durchschnittliche Account.'
      : kind === 'value'
        ? 'Lift: ihr Mittelwert im Verhältnis zum Durchschnitt; 1,4 heißt 40 % mehr Wert als der durchschnittliche Account.'
        : 'Lift: ihr Churn im Verhältnis zum Durchschnitt; 1,4 heißt 40 % öfter gekündigt (solche Regeln bekommen Minuspunkte).',
    'Die Punkte werden gemeinsam gelernt: Eine Regel, die sagt, was eine andere schon sagt, bekommt wenige.',
    `AUC: die Wahrscheinlichkeit, dass ${kind === 'won' ? 'ein gewonnener Account höher punktet als ein verlorener' : kind === 'value' ? 'von zwei Accounts der mit mehr Wert höher punktet' : 'ein gehaltener Account höher punktet als ein gekündigter'}; 0,5 ist Zufall, 0,7 brauchbar, 0,8 stark.`,
  ],
  notLearnedFrom: (columns: readonly string[]) => `Nicht berücksichtigt: ${names(columns)}.`,
  addTicked: 'Die angekreuzten Regeln hinzufügen',
  asNewProfile: 'als neues Profil',
  intoProfile: (profile: string) => `zu „${profile}“`,
  addRules: (count: number) => `${nDe(count)} ${count === 1 ? 'Regel' : 'Regeln'} hinzufügen`,
  added: (count: number, profile: string, isNew: boolean, had: number, tab: string) =>
    `${nDe(count)} ${count === 1 ? 'Regel' : 'Regeln'} ${isNew ? `als neues Profil „${profile}“ hinzugefügt` : `zu „${profile}“ hinzugefügt, nach dessen eigenen`}` +
    `${had ? ` (${nDe(had)}, die es schon hat, ausgelassen)` : ''}. Speichern Sie, um sie in den Tab ${tab} zu schreiben.`,
  alreadyHas: (profile: string, count: number) =>
    `„${profile}“ hat ${count === 1 ? 'diese Regel' : `diese ${nDe(count)} Regeln`} schon: Es wurde nichts hinzugefügt.`,
  bestProfile: (rules: number, points: string, tier: string, profile: string) =>
    `Jeder Account erhält die Punktzahl seines besten Profils. Als eigenes Profil ${rules === 1 ? 'gibt diese Regel' : `geben diese ${nDe(rules)} Regeln`} bis zu ${points} Punkte${tier ? ` (Stufe ${tier})` : ''}: ` +
    `Das kann viele Accounts in die oberen Stufen heben, was auch immer „${profile}“ sagt. Um stattdessen „${profile}“ zu schärfen, fügen Sie sie dort hinzu.`,
  addInstead: (profile: string) => `Stattdessen zu „${profile}“ hinzufügen`,
};

const nDa = counter('da');
const WORDS_DA = { won: ['vundne aftaler', 'tabte aftaler'], churn: ['opsagte kunder', 'fastholdte kunder'] } as const;
/** Won and lost are deals, a value belongs to an account, churn to a customer. */
const NOUN_DA: Record<Kind, string> = { won: 'aftaler', value: 'virksomheder', churn: 'kunder' };

const DA: SidebarMessages = {
  title: 'ICP-kriterier',
  defaultProfile: 'Standard',
  table: 'Virksomhedstabel',
  noTable: 'Der blev ikke fundet nogen virksomhedstabel: åbn arket med dine virksomheder (overskrifter i første række), og åbn editoren igen.',
  headerRow: (row: number, rows: number) => `overskriftsrække ${nDa(row)}, ${nDa(rows)} ${rows === 1 ? 'række' : 'rækker'}`,
  profiles: 'Profiler',
  addProfile: '+ Profil',
  newProfile: 'Profilnavn',
  rules: 'Regler',
  attribute: 'Egenskab',
  operator: 'Operator',
  value: 'Værdi',
  points: 'Point',
  required: 'Påkrævet',
  addRule: '+ Tilføj regel',
  moveUp: 'Flyt op',
  moveDown: 'Flyt ned',
  remove: 'Slet',
  tiers: 'Niveauer',
  tierLabel: 'Niveau',
  tierMin: 'Minimumscore',
  addTier: '+ Niveau',
  preview: 'Forhåndsvisning',
  previewNote: 'Kladden er scoret på din tabel; intet er gemt endnu.',
  previewSaved: (tab: string) => `Scoret på din tabel med kriterierne, som de er gemt i fanen ${tab}.`,
  topAccounts: 'Bedst scorede virksomheder',
  save: 'Gem kriterier',
  saving: 'Gemmer…',
  saved: (tab: string) => `Gemt i fanen ${tab}: formlerne genberegnes nu.`,
  fixErrors: 'Ret først de markerede felter.',
  failed: 'Noget gik galt: ',
  noRules: 'Ingen regler endnu: tilføj den første.',
  stale: (tab: string) =>
    `Fanen ${tab} er blevet ændret uden for editoren, siden den blev indlæst, så intet blev gemt. Genindlæs for at se ændringen (dine ikke-gemte ændringer her går tabt).`,
  changedOutside: (tab: string) =>
    `Fanen ${tab} er blevet ændret uden for editoren, siden den blev indlæst. Genindlæs for at se ændringen (dine ikke-gemte ændringer her går tabt); først derefter kan du gemme.`,
  reload: 'Genindlæs fra fanen',
  reloaded: (tab: string) => `Fanen ${tab} er blevet ændret uden for editoren: ændringen vises nu.`,
  renameProfile: 'Omdøb profil',
  deleteProfile: 'Slet profil',
  add: 'Tilføj',
  rename: 'Omdøb',
  cancel: 'Annuller',
  profileBlank: 'Giv profilen et navn.',
  profileTaken: (name: string) => `Der findes allerede en profil med navnet »${name}«.`,
  deleteConfirm: (name: string, rules: number, tab: string) =>
    rules === 0
      ? `Vil du slette profilen »${name}«? Den har ingen regler endnu.`
      : `Vil du slette profilen »${name}« og dens ${nDa(rules)} ${rules === 1 ? 'regel' : 'regler'}? Fanen ${tab} beholder dem, indtil du gemmer.`,
  noCriteria: (sheet: string) =>
    `Der er endnu ingen kriterier, så Scor dette ark har intet at score ${sheet} efter. Start en profil ud fra arkets kolonner (én regel pr. kolonne, der beskriver virksomhederne, som du selv tjekker), eller tilføj regler nedenfor.`,
  unfit: (count: number, total: number, sheet: string) =>
    `${nDa(count)} af ${nDa(total)} ${total === 1 ? 'regel' : 'regler'} passer ikke til kolonnerne i ${sheet}, så Scor dette ark skriver intet:`,
  notColumn: (name: string, near: readonly string[]) =>
    `${quote(name)} er ikke en kolonne i tabellen.${near.length ? ` Nærmest: ${closestList(near, 'eller')}.` : ''}`,
  more: (count: number) => `… og ${nDa(count)} mere.`,
  unfitHelp:
    'Vælg kolonnen for hver af dem under Egenskab (de er markeret i deres profil), eller slet dem, eller start en ny profil ud fra arkets kolonner: så forbliver disse regler, som de er.',
  startFromColumns: 'Start en profil ud fra arkets kolonner',
  started: (profile: string, rules: number, sheet: string, skipped: readonly string[]) =>
    `Startede »${profile}« ud fra ${nDa(rules)} kolonner i ${sheet} med 10 point hver${skipped.length ? ` (udeladt: ${names(skipped)})` : ''}. Tjek reglerne, og gem dem så.`,
  starterEmpty: (sheet: string) =>
    `Ingen kolonne i ${sheet} egner sig til en startregel (navne, id'er, datoer og beløbskolonner udelades): tilføj regler manuelt.`,
  sql: 'Kopiér som SQL',
  sqlIntro: 'Til en virksomhedsliste i et data warehouse: forespørgslen scorer tabellen, som formlerne scorer dette ark, med reglerne ovenfor (gemt eller ej).',
  dialect: 'Dialekt',
  dialects: { bigquery: 'BigQuery', postgres: 'PostgreSQL', duckdb: 'DuckDB' },
  sqlTable: 'Tabel',
  snake: 'Kolonnenavne i snake_case (columns=snake)',
  copy: 'Kopiér',
  copied: (where: string) => `Kopieret. Indsæt forespørgslen i ${where}.`,
  copyBlocked: 'Browseren blokerer kopiering her: forespørgslen er markeret, så tryk Ctrl+C (⌘C på en Mac) for at kopiere den.',
  sqlFixDraft: 'Ret først de markerede felter: forespørgslen skrives ud fra en kladde uden fejl.',
  sqlWaiting: 'Skriver forespørgslen…',
  learn: 'Lær af mine data',
  learnIntro:
    'Foreslår regler med point ud fra, hvordan det gik dine virksomheder: vundet eller tabt, en værdi eller churn. Intet ændres, før du tilføjer dem.',
  learnFromColumn: 'Lær af en udfaldskolonne',
  outcome: 'Udfaldskolonne',
  likely: 'Sandsynlige udfaldskolonner',
  otherColumns: 'Andre kolonner',
  kinds: { won: 'vundet/tabt', value: 'værdi', churn: 'churn' },
  noLikely: 'Ingen kolonne ligner vundet/tabt, en værdi eller churn: vælg den kolonne, der viser, hvordan det gik virksomhederne.',
  tenure: 'Løbetid (måneder eller en startdato)',
  noTenure: 'Ingen: churn pr. kunde',
  learnAction: 'Lær',
  learnedProfile: 'Lært',
  perMonth: (rate: string) => `${rate} pr. måned`,
  learning: 'Lærer af dine virksomheder…',
  learnedFrom: (kind: Kind, accounts: number, positives: number, outcome: string, base: string) =>
    kind === 'won'
      ? `Lært af ${nDa(accounts)} aftaler i »${outcome}«: ${nDa(positives)} vundet, ${nDa(accounts - positives)} tabt (hitrate ${base}).`
      : kind === 'value'
        ? `Lært af ${nDa(accounts)} virksomheder med en værdi i »${outcome}« (gennemsnit ${base}).`
        : `Lært af ${nDa(accounts)} kunder i »${outcome}«: ${nDa(positives)} opsagt (${base}).`,
  leftOut: (rows: number) => `${nDa(rows)} ${rows === 1 ? 'række' : 'rækker'} uden udfald (åbne aftaler, tomme celler) er udeladt.`,
  tooFew: (count: number, what: Kind, positive: boolean) =>
    `Kun ${nDa(count)} ${what === 'value' ? 'virksomheder med en værdi' : WORDS_DA[what][positive ? 0 : 1]}: for få til at vurdere, hvor godt reglerne rangerer nye virksomheder (der skal 30 til). Brug dem som en grov rettesnor.`,
  nothingLearned: 'Ingen regel rangerer virksomhederne bedre end tilfældigt: intet at foreslå.',
  suggested: 'Forslag',
  aucNew: 'AUC',
  notEstimated: 'for lidt data',
  rough: 'groft',
  shareOfAccounts: (tiers: string) => `Virksomheder i ${tiers}`,
  shareOfOutcome: (tiers: string, kind: Kind) => `${kind === 'won' ? 'Vundne' : kind === 'value' ? 'Værdi' : 'Opsagte'} i ${tiers}`,
  compareNote: (estimated: boolean) =>
    (estimated ? 'Forslagets AUC er målt på virksomheder, det ikke er lært af; dets niveauer er' : 'Forslagets niveauer er') +
    ' talt op på de virksomheder, det er lært af, så de ser bedre ud, end de vil gøre på nye.',
  noCurrent: 'Intet at sammenligne med endnu: den viste profil har ingen regler.',
  notCompared: (problem: string) => `Ikke sammenlignet med den viste profil: ${problem}`,
  comparedWith: (profile: string, profiles: number) =>
    profiles > 1
      ? `Ved siden af: profilen »${profile}« alene. Arket giver hver virksomhed scoren fra den bedste af de ${nDa(profiles)} profiler, så Valider ICP… (alle sammen) kan vise en anden AUC.`
      : `Ved siden af: »${profile}«, de kriterier, arket scorer efter.`,
  evidence: (accounts: number, kind: Kind, rate: string, lift: string) =>
    `${nDa(accounts)} ${NOUN_DA[kind]} · ${kind === 'won' ? 'hitrate' : kind === 'value' ? 'gennemsnit' : 'churn'} ${rate} · lift ${lift}`,
  legend: (kind: Kind, base: string) => [
    `${kind === 'won' ? 'Aftaler' : kind === 'value' ? 'Virksomheder' : 'Kunder'}: hvor mange ${NOUN_DA[kind]} med et udfald reglen rammer.`,
    kind === 'won'
      ? `Hitrate: hvor ofte de blev vundet (alle aftaler: ${base}).`
      : kind === 'value'
        ? `Gennemsnit: deres gennemsnitlige værdi (alle virksomheder: ${base}).`
        : `Churn: hvor ofte de opsagde (alle kunder: ${base}).`,
    kind === 'won'
      ? 'Lift: deres hitrate i forhold til gennemsnittet; 1,4 betyder vundet 40 % oftere end den gennemsnitlige aftale.'
      : kind === 'value'
        ? 'Lift: deres gennemsnit i forhold til det samlede gennemsnit; 1,4 betyder 40 % mere værdi end den gennemsnitlige virksomhed.'
        : 'Lift: deres churn i forhold til gennemsnittet; 1,4 betyder opsagt 40 % oftere (sådanne regler får minuspoint).',
    'Point læres samlet: en regel, der siger det samme som en anden, får kun få point.',
    `AUC: sandsynligheden for, at ${kind === 'won' ? 'en vundet aftale scorer højere end en tabt' : kind === 'value' ? 'den af to virksomheder, der har mest værdi, scorer højest' : 'en fastholdt kunde scorer højere end en opsagt'}; 0,5 er plat eller krone, 0,7 brugbart, 0,8 stærkt.`,
  ],
  notLearnedFrom: (columns: readonly string[]) => `Ikke lært af: ${names(columns)}.`,
  addTicked: 'Tilføj de afkrydsede regler',
  asNewProfile: 'som ny profil',
  intoProfile: (profile: string) => `til »${profile}«`,
  addRules: (count: number) => `Tilføj ${nDa(count)} ${count === 1 ? 'regel' : 'regler'}`,
  added: (count: number, profile: string, isNew: boolean, had: number, tab: string) =>
    `Tilføjede ${nDa(count)} ${count === 1 ? 'regel' : 'regler'} ${isNew ? `som den nye profil »${profile}«` : `til »${profile}« efter dens egne`}` +
    `${had ? ` (${nDa(had)}, som den allerede har, er sprunget over)` : ''}. Gem for at skrive ${count === 1 ? 'den' : 'dem'} i fanen ${tab}.`,
  alreadyHas: (profile: string, count: number) =>
    `»${profile}« har allerede ${count === 1 ? 'denne regel' : `disse ${nDa(count)} regler`}: intet blev tilføjet.`,
  bestProfile: (rules: number, points: string, tier: string, profile: string) =>
    `Hver virksomhed får scoren fra sin bedste profil. Som en profil for sig ${rules === 1 ? 'giver denne regel' : `giver disse ${nDa(rules)} regler`} op til ${points} point${tier ? ` (niveau ${tier})` : ''}: ` +
    `det kan løfte mange virksomheder op i de øverste niveauer, uanset hvad »${profile}« siger. Tilføj ${rules === 1 ? 'den' : 'dem'} hellere til »${profile}« for at skærpe den.`,
  addInstead: (profile: string) => `Tilføj til »${profile}« i stedet`,
};

const MESSAGES: Readonly<Record<Lang, SidebarMessages>> = { en: EN, de: DE, da: DA };

/** The sidebar's texts in a language the server named (`en`, `de`, `da`); English for any other. */
export function sidebarMessages(language: string): SidebarMessages {
  return MESSAGES[language as Lang] ?? EN;
}
