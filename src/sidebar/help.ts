// The help page (dist/Help.html), written by the build in English, German and Danish from what the product
// is: the menu's captions, the custom functions of the registry with their examples, the criteria tab's
// columns and operators from the catalogs. One page shows one language: the one the host names in
// <html lang> (the playground does), else the browser's, and the reader can switch. Apps Script opens the
// file as it is, so choosing costs Code.js nothing.

import { menuCaptions, TAB_NAMES } from '../addon/messages';
import { CUSTOM_FUNCTIONS, type CustomFunctionName } from '../addon/registry';
import { LANGUAGES, type Lang } from '../core/i18n';
import { DA } from '../core/i18n/da';
import { DE } from '../core/i18n/de';
import { EN } from '../core/i18n/en';
import { sidebarMessages } from './messages';

interface HelpTexts {
  readonly language: string;
  readonly title: string;
  readonly intro: string;
  /** Where the menu is in Sheets. */
  readonly menu: string;
  readonly start: string;
  /** The steps; `{0}`… are the menu's captions (editor, template, score, segments, validation) and the sidebar's panels. */
  readonly steps: readonly string[];
  readonly functions: string;
  /** How formulas are written in a spreadsheet of the language. */
  readonly separator: string;
  readonly summaries: Readonly<Record<CustomFunctionName, string>>;
  readonly criteria: string;
  /** The criteria tab: `{tab}`, `{columns}`, `{tiers}`, `{operators}`. */
  readonly criteriaText: string;
  readonly languages: string;
  readonly languagesText: string;
  readonly privacy: string;
}

const TEXTS: Readonly<Record<Lang, HelpTexts>> = {
  en: {
    language: 'English',
    title: 'icp-sheets help',
    intro:
      'icp-sheets scores every account of your Ideal Customer Profile sheet against weighted criteria, with formulas that recalculate when a row or a criterion changes.',
    menu: 'The menu is under Extensions → icp-sheets.',
    start: 'Get started',
    steps: [
      '{1} adds a sheet with three example accounts and a starter profile. Or open your own account table: headers in the first row, one account per row.',
      '{0} opens the criteria editor: profiles, rules with points, tiers and a live preview of the scores. “{5}” suggests rules from won and lost deals, a value or churn; “{6}” writes the query for a data warehouse.',
      '{2} adds the ICP score, ICP tier and Why columns beside the table, when the criteria fit its columns.',
      '{3} summarises churn, CLV, CAC and payback per segment, with a chart. {4} shows how well the tiers separate won from lost accounts.',
    ],
    functions: 'Functions',
    separator: 'Type them in any cell; Sheets suggests them as you type.',
    summaries: {
      ICP_SCORE: 'Scores every account row against the ICP criteria (0–100).',
      ICP_TIER: 'The ICP tier of every row: A, B, C, D, or DQ when a required rule fails.',
      ICP_EXPLAIN: 'Explains every row’s score, rule by rule.',
      ICP_MATCH: 'The best-fitting profile of every row.',
      ICP_ROW: 'Score, tier or explanation of one row, for a formula filled down beside each row.',
      ICP_SEGMENTS: 'Churn, ARPA, CLV, CAC, CLV:CAC and payback per segment, with health checks.',
      ICP_SUGGEST: 'Learns ICP criteria from how your accounts turned out: won/lost, a value, or churn.',
      ICP_VALIDATE: 'How well criteria separate good accounts from bad: outcome per tier, AUC, the top tiers’ share.',
      ICP_CLV: 'CLV = ARPA × margin ÷ monthly churn.',
      ICP_PAYBACK: 'CAC payback in months = CAC ÷ (ARPA × margin).',
      ICP_CHURN: 'Monthly churn = churned accounts ÷ customer-months.',
      ICP_SIZE_BAND: 'Size band from employees and revenue: SMB, Mid-market or Enterprise.',
      ICP_SQL: 'A SQL query that scores a warehouse table as ICP_SCORE, ICP_TIER and ICP_MATCH score the sheet.',
    },
    criteria: 'The criteria tab',
    criteriaText:
      'The {tab} tab holds the rules ({columns}) and the tiers ({tiers}). Edit it by hand or in the editor: every formula recalculates when it changes. Operators: {operators}. English, German and Danish words work in every spreadsheet.',
    languages: 'Languages',
    languagesText:
      'Formulas write in the spreadsheet’s language (File → Settings → Locale); the option "lang=en", "lang=de" or "lang=da" chooses another. Menus, messages and the editor follow the language of your Google account.',
    privacy: 'Nothing leaves this spreadsheet: icp-sheets makes no network calls.',
  },
  de: {
    language: 'Deutsch',
    title: 'icp-sheets – Hilfe',
    intro:
      'icp-sheets bewertet jeden Account Ihres Ideal-Customer-Profile-Blatts anhand gewichteter Kriterien, mit Formeln, die neu rechnen, sobald sich eine Zeile oder ein Kriterium ändert.',
    menu: 'Das Menü finden Sie unter Erweiterungen → icp-sheets.',
    start: 'Erste Schritte',
    steps: [
      '„{1}“ legt ein Blatt mit drei Beispiel-Accounts und einem Startprofil an. Oder öffnen Sie Ihre eigene Account-Tabelle: Überschriften in der ersten Zeile, ein Account pro Zeile.',
      '„{0}“ öffnet den Kriterien-Editor: Profile, Regeln mit Punkten, Stufen und eine Live-Vorschau der Scores. „{5}“ schlägt Regeln aus gewonnenen und verlorenen Deals, einem Wert oder Churn vor; „{6}“ schreibt die Abfrage für ein Data Warehouse.',
      '„{2}“ fügt neben der Tabelle die Spalten ICP-Score, ICP-Stufe und Begründung hinzu, wenn die Kriterien zu ihren Spalten passen.',
      '„{3}“ fasst Churn, CLV, CAC und Amortisation je Segment zusammen, mit einem Diagramm. „{4}“ zeigt, wie gut die Stufen gewonnene von verlorenen Accounts trennen.',
    ],
    functions: 'Funktionen',
    separator: 'Geben Sie sie in eine beliebige Zelle ein; Sheets schlägt sie beim Tippen vor. In einer deutschen Tabelle trennt ein Semikolon die Argumente.',
    summaries: {
      ICP_SCORE: 'Bewertet jede Account-Zeile anhand der ICP-Kriterien (0–100).',
      ICP_TIER: 'Die ICP-Stufe jeder Zeile: A, B, C, D oder DQ, wenn eine Pflichtregel nicht erfüllt ist.',
      ICP_EXPLAIN: 'Begründet den Score jeder Zeile, Regel für Regel.',
      ICP_MATCH: 'Das am besten passende Profil jeder Zeile.',
      ICP_ROW: 'Score, Stufe oder Begründung einer einzelnen Zeile, für eine Formel, die neben jeder Zeile nach unten kopiert wird.',
      ICP_SEGMENTS: 'Churn, ARPA, CLV, CAC, CLV:CAC und Amortisation je Segment, mit Health-Check.',
      ICP_SUGGEST: 'Lernt ICP-Kriterien daraus, wie Ihre Accounts ausgegangen sind: gewonnen/verloren, ein Wert oder Churn.',
      ICP_VALIDATE: 'Wie gut Kriterien gute von schlechten Accounts trennen: Ergebnis je Stufe, AUC, Anteil der oberen Stufen.',
      ICP_CLV: 'CLV = ARPA × Marge ÷ monatlicher Churn.',
      ICP_PAYBACK: 'CAC-Amortisation in Monaten = CAC ÷ (ARPA × Marge).',
      ICP_CHURN: 'Monatlicher Churn = gekündigte Accounts ÷ Kundenmonate.',
      ICP_SIZE_BAND: 'Größenklasse aus Mitarbeitenden und Umsatz: SMB, Mid-market oder Enterprise.',
      ICP_SQL: 'Eine SQL-Abfrage, die eine Tabelle im Data Warehouse so bewertet, wie ICP_SCORE, ICP_TIER und ICP_MATCH das Blatt bewerten.',
    },
    criteria: 'Der Kriterien-Tab',
    criteriaText:
      'Der Tab {tab} enthält die Regeln ({columns}) und die Stufen ({tiers}). Bearbeiten Sie ihn von Hand oder im Editor: Jede Formel rechnet neu, sobald er sich ändert. Operatoren: {operators}. Deutsche, englische und dänische Wörter funktionieren in jeder Tabelle.',
    languages: 'Sprachen',
    languagesText:
      'Formeln schreiben in der Sprache der Tabelle (Datei → Einstellungen → Gebietsschema); die Option "lang=en", "lang=de" oder "lang=da" wählt eine andere. Menüs, Meldungen und der Editor folgen der Sprache Ihres Google-Kontos.',
    privacy: 'Keine Daten verlassen diese Tabelle: icp-sheets baut keine Netzwerkverbindungen auf.',
  },
  da: {
    language: 'Dansk',
    title: 'icp-sheets – hjælp',
    intro:
      'icp-sheets scorer hver virksomhed i dit Ideal Customer Profile-ark efter vægtede kriterier, med formler, der genberegnes, så snart en række eller et kriterium ændres.',
    menu: 'Menuen finder du under Udvidelser → icp-sheets.',
    start: 'Kom i gang',
    steps: [
      '»{1}« tilføjer et ark med tre eksempelvirksomheder og en startprofil. Eller åbn din egen virksomhedstabel: overskrifter i første række, én virksomhed pr. række.',
      '»{0}« åbner kriterie-editoren: profiler, regler med point, niveauer og en forhåndsvisning af scorerne, der opdateres løbende. »{5}« foreslår regler ud fra vundne og tabte aftaler, en værdi eller churn; »{6}« skriver forespørgslen til et data warehouse.',
      '»{2}« tilføjer kolonnerne ICP-score, ICP-niveau og Begrundelse ved siden af tabellen, når kriterierne passer til dens kolonner.',
      '»{3}« opsummerer churn, CLV, CAC og tilbagebetalingstid pr. segment, med et diagram. »{4}« viser, hvor godt niveauerne adskiller vundne fra tabte aftaler.',
    ],
    functions: 'Funktioner',
    separator: 'Skriv dem i en vilkårlig celle; Sheets foreslår dem, mens du skriver. I et dansk regneark adskilles argumenterne med semikolon.',
    summaries: {
      ICP_SCORE: 'Scorer hver virksomhedsrække efter ICP-kriterierne (0–100).',
      ICP_TIER: 'ICP-niveauet for hver række: A, B, C, D eller DQ, når en påkrævet regel ikke er opfyldt.',
      ICP_EXPLAIN: 'Forklarer hver rækkes score, regel for regel.',
      ICP_MATCH: 'Den bedst passende profil for hver række.',
      ICP_ROW: 'Score, niveau eller begrundelse for én række, til en formel, der kopieres ned ved siden af hver række.',
      ICP_SEGMENTS: 'Churn, ARPA, CLV, CAC, CLV:CAC og tilbagebetalingstid pr. segment, med vurdering.',
      ICP_SUGGEST: 'Lærer ICP-kriterier af, hvordan det gik dine virksomheder: vundet/tabt, en værdi eller churn.',
      ICP_VALIDATE: 'Hvor godt kriterier adskiller gode virksomheder fra dårlige: udfald pr. niveau, AUC og de øverste niveauers andel.',
      ICP_CLV: 'CLV = ARPA × margin ÷ månedlig churn.',
      ICP_PAYBACK: 'CAC-tilbagebetaling i måneder = CAC ÷ (ARPA × margin).',
      ICP_CHURN: 'Månedlig churn = opsagte kunder ÷ kundemåneder.',
      ICP_SIZE_BAND: 'Størrelsesklasse ud fra medarbejdere og omsætning: SMB, Mid-market eller Enterprise.',
      ICP_SQL: 'En SQL-forespørgsel, der scorer en tabel i et data warehouse, som ICP_SCORE, ICP_TIER og ICP_MATCH scorer arket.',
    },
    criteria: 'Fanen med kriterier',
    criteriaText:
      'Fanen {tab} indeholder reglerne ({columns}) og niveauerne ({tiers}). Redigér den manuelt eller i editoren: alle formler genberegnes, så snart den ændres. Operatorer: {operators}. Danske, engelske og tyske ord virker i alle regneark.',
    languages: 'Sprog',
    languagesText:
      'Formler skriver på regnearkets sprog (Filer → Indstillinger → Landestandard); indstillingen "lang=en", "lang=de" eller "lang=da" vælger et andet. Menuer, meddelelser og editoren følger sproget for din Google-konto.',
    privacy: 'Intet forlader dette regneark: icp-sheets opretter ingen netværksforbindelser.',
  },
};

const CATALOGS = { en: EN, de: DE, da: DA } as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A formula as it is typed in a spreadsheet of the language: Sheets separates arguments with `;` where the
 * decimal mark is a comma (German, Danish). Commas inside quoted text stay.
 */
export function formulaIn(formula: string, lang: Lang): string {
  if (lang === 'en') return formula;
  return formula
    .split('"')
    .map((part, i) => (i % 2 ? part : part.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2')))
    .join('"');
}

function section(lang: Lang): string {
  const t = TEXTS[lang];
  const sidebar = sidebarMessages(lang);
  const [editor, template, score, segments, validation] = menuCaptions(lang);
  const captions = [editor, template, score, segments, validation, sidebar.learn, sidebar.sql];
  const step = (text: string) => escapeHtml(text.replace(/\{(\d)\}/g, (_, n: string) => captions[Number(n)]));
  const catalog = CATALOGS[lang];
  const list = (text: string) => text.split('|').join(' | ');
  const criteria = t.criteriaText
    .replace('{tab}', `<b>${escapeHtml(TAB_NAMES.criteria[LANGUAGES.indexOf(lang)])}</b>`)
    .replace('{columns}', escapeHtml(list(catalog.criteriaColumns_)))
    .replace('{tiers}', escapeHtml(list(catalog.tiersColumns_)))
    .replace('{operators}', escapeHtml(catalog.operators_.split('|').join(', ')));
  const functions = CUSTOM_FUNCTIONS.map(
    (fn) => `<li><code>${escapeHtml(formulaIn(fn.example?.formula ?? `=${fn.name}()`, lang))}</code><br>${escapeHtml(t.summaries[fn.name])}</li>`,
  );
  return [
    `<section lang="${lang}" data-title="${escapeHtml(t.title)}"${lang === 'en' ? '' : ' hidden'}>`,
    `<p>${escapeHtml(t.intro)} ${escapeHtml(t.menu)}</p>`,
    `<h2>${escapeHtml(t.start)}</h2>`,
    `<ol>${t.steps.map((s) => `<li>${step(s)}</li>`).join('')}</ol>`,
    `<h2>${escapeHtml(t.functions)}</h2>`,
    `<p>${escapeHtml(t.separator)}</p>`,
    `<ul class="functions">${functions.join('\n')}</ul>`,
    `<h2>${escapeHtml(t.criteria)}</h2>`,
    `<p>${criteria}</p>`,
    `<h2>${escapeHtml(t.languages)}</h2>`,
    `<p>${escapeHtml(t.languagesText)}</p>`,
    `<p class="privacy">${escapeHtml(t.privacy)}</p>`,
    '</section>',
  ].join('\n');
}

// Shows one language: the one <html lang> names, else the first of the browser's that the page has, else
// English; the buttons switch. A host that can only add to the end of the page (Apps Script's
// HtmlOutput.append) names the language with icpShowHelp('da'). ES5, as it runs in whatever browser opens it.
const SCRIPT = `(function () {
  var langs = ${JSON.stringify(LANGUAGES)};
  var root = document.documentElement;
  function pick() {
    var asked = root.getAttribute('lang');
    if (langs.indexOf(asked) >= 0) return asked;
    var wanted = navigator.languages || [navigator.language];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').slice(0, 2).toLowerCase();
      if (langs.indexOf(code) >= 0) return code;
    }
    return 'en';
  }
  function show(lang) {
    var sections = document.querySelectorAll('section[lang]');
    for (var i = 0; i < sections.length; i++) {
      var shown = sections[i].getAttribute('lang') === lang;
      sections[i].hidden = !shown;
      if (shown) document.title = sections[i].getAttribute('data-title');
    }
    var buttons = document.querySelectorAll('nav button');
    for (var j = 0; j < buttons.length; j++) buttons[j].setAttribute('aria-pressed', String(buttons[j].getAttribute('data-lang') === lang));
    root.setAttribute('lang', lang);
  }
  window.icpShowHelp = function (lang) {
    if (langs.indexOf(lang) >= 0) show(lang);
  };
  document.querySelector('nav').addEventListener('click', function (event) {
    var lang = event.target && event.target.getAttribute && event.target.getAttribute('data-lang');
    if (lang) show(lang);
  });
  show(pick());
})();`;

/** The whole help page, every language in it. */
export function helpPage(): string {
  const buttons = LANGUAGES.map(
    (lang) => `<button type="button" data-lang="${lang}" lang="${lang}" aria-pressed="${lang === 'en'}">${TEXTS[lang].language}</button>`,
  ).join('');
  return `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<meta charset="utf-8">
<title>${escapeHtml(TEXTS.en.title)}</title>
<style>
  body { font: 13px/1.5 Arial, sans-serif; color: #202124; margin: 0 4px 12px; }
  nav { display: flex; gap: 4px; justify-content: flex-end; margin: 4px 0; }
  nav button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #fff; border-radius: 12px; padding: 1px 10px; cursor: pointer; color: #5f6368; }
  nav button[aria-pressed="true"] { background: #e8f0fe; border-color: #1a73e8; color: #1a73e8; }
  h2 { font-size: 14px; margin: 16px 0 4px; }
  code { background: #f1f3f4; padding: 1px 4px; border-radius: 3px; font-size: 12px; }
  ul, ol { padding-left: 20px; margin: 4px 0; }
  li { margin-bottom: 4px; }
  .privacy { color: #5f6368; margin-top: 16px; }
</style>
</head>
<body>
<nav aria-label="Language / Sprache / Sprog">${buttons}</nav>
${LANGUAGES.map(section).join('\n')}
<script>
${SCRIPT}
</script>
</body>
</html>
`;
}
