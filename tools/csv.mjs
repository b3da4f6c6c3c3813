// CSV in, cells out the way Google Sheets would store them after an import in the spreadsheet's locale:
// numbers become numbers (`2,100,000` in English, `1.250` in German and Danish, with the thousands format the
// import gives them), TRUE/FALSE booleans, yyyy-mm-dd dates Date objects, `5.1%` 0.051 shown as a percentage.
// Only what reads one way in that locale: everything else stays text for the add-on to parse.

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF); the delimiter is `,` or `;`, whichever the
 * first line uses more (German Excel exports use `;`).
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  /** @type {string[][]} */
  const rows = [];
  /** @type {string[]} */
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array(width - r.length).fill('')] : r));
}

/**
 * A spreadsheet locale's number marks: English writes `1,250.5`, German and Danish `1.250,5`.
 * @param {string} locale
 */
function marks(locale) {
  return /^(de|da)([_-]|$)/i.test(locale) ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

const escaped = (/** @type {string} */ c) => `\\${c}`;

/**
 * Reads a number as an import in the locale would, or returns undefined: the locale's own way (`1,250.5` ·
 * `1.250,5`, a group of three digits after each separator), or a decimal point where it cannot be a German or
 * Danish thousands group (`1.5`, `0.05`). A lone separator before exactly three digits means a thousand in one
 * locale and a fraction in the other (`1.500`, `680,985`): it counts only as the locale's thousands separator.
 * @param {string} t trimmed text
 * @param {string} locale
 * @returns {{ number: number, grouped: boolean, decimals: number } | undefined}
 */
function readNumber(t, locale) {
  const { decimal, group } = marks(locale);
  const own = new RegExp(`^(-?)(\\d{1,3}(?:${escaped(group)}\\d{3})+|\\d+)(?:${escaped(decimal)}(\\d+))?$`).exec(t);
  if (own) {
    const [, sign, whole, fraction = ''] = own;
    // `1.500` in an English sheet is one and a half, but a German export's fifteen hundred (and `1,500` the
    // other way round): not a number here.
    if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return undefined;
    return { number: Number(`${sign}${whole.split(group).join('')}.${fraction || '0'}`), grouped: whole.includes(group), decimals: fraction.length };
  }
  // A decimal point in a German or Danish sheet: English data, unless it could be a thousands group.
  const point = /^-?\d+\.(\d+)$/.exec(t);
  if (point && decimal === ',' && !/^-?[1-9]\d{0,2}\.\d{3}$/.test(t)) return { number: Number(t), grouped: false, decimals: point[1].length };
  return undefined;
}

/** `0`, `0.0`, `#,##0.00`: Sheets' number format for a number written with `decimals` and grouping. */
const numberFormat = (/** @type {boolean} */ grouped, /** @type {number} */ decimals) =>
  `${grouped ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;

/**
 * One CSV field as Sheets stores it after an import in a spreadsheet of `locale`: the value, and the number
 * format the import gives it (`#,##0` for `2,100,000`, `0.0%` for `5.1%`; '' for none).
 * @param {string} text
 * @param {DateConstructor} [DateType] the Date of the realm the value is for (a vm context has its own)
 * @param {string} [locale] the spreadsheet's locale, `en_US`, `de_DE`, `da_DK`
 * @returns {{ value: string | number | boolean | Date, format: string }}
 */
export function sheetCell(text, DateType = Date, locale = 'en_US') {
  const t = text.trim();
  const read = readNumber(t, locale);
  if (read) return { value: read.number, format: read.grouped ? numberFormat(true, read.decimals) : '' };
  const percent = /^(.+?)\s?%$/.exec(t);
  const share = percent ? readNumber(percent[1], locale) : undefined;
  // 5.1 / 100 is 0.050999…: the digits as written, shifted two places, are the value Sheets stores.
  if (share) return { value: Number((share.number / 100).toFixed(share.decimals + 2)), format: `${numberFormat(false, share.decimals)}%` };
  if (/^true$/i.test(t)) return { value: true, format: '' };
  if (/^false$/i.test(t)) return { value: false, format: '' };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (date) return { value: new DateType(Number(date[1]), Number(date[2]) - 1, Number(date[3])), format: '' };
  return { value: text, format: '' };
}

/**
 * One CSV field as Sheets stores it after an import in a spreadsheet of `locale` (see sheetCell).
 * @param {string} text
 * @param {DateConstructor} [DateType]
 * @param {string} [locale]
 * @returns {string | number | boolean | Date}
 */
export function sheetValue(text, DateType = Date, locale = 'en_US') {
  return sheetCell(text, DateType, locale).value;
}

/**
 * The cells of a CSV as an import in `locale` stores them: values, and the number format of each.
 * @param {string} text
 * @param {DateConstructor} [DateType]
 * @param {string} [locale]
 * @returns {{ values: (string | number | boolean | Date)[][], formats: string[][] }}
 */
export function csvToCells(text, DateType = Date, locale = 'en_US') {
  const cells = parseCsv(text).map((row) => row.map((field) => sheetCell(field, DateType, locale)));
  return { values: cells.map((row) => row.map((c) => c.value)), formats: cells.map((row) => row.map((c) => c.format)) };
}

/**
 * @param {string} text
 * @param {DateConstructor} [DateType]
 * @param {string} [locale]
 * @returns {(string | number | boolean | Date)[][]}
 */
export function csvToValues(text, DateType = Date, locale = 'en_US') {
  return parseCsv(text).map((row) => row.map((field) => sheetValue(field, DateType, locale)));
}
