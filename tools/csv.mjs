// CSV in, cells out the way Google Sheets would store them: plain numbers become numbers, TRUE/FALSE
// booleans, yyyy-mm-dd dates Date objects, `12%` 0.12; everything else stays text for the add-on to parse.

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
      if (c === '"' && body[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array(width - r.length).fill('')] : r));
}

/**
 * One CSV field as Sheets (en-US locale) would store it after an import.
 * @param {string} text
 * @param {DateConstructor} [DateType] the Date of the realm the value is for (a vm context has its own)
 * @returns {string | number | boolean | Date}
 */
export function sheetValue(text, DateType = Date) {
  const t = text.trim();
  // `1.500` is fifteen hundred to a German sheet and 1.5 to an English one: leave it for the add-on to read.
  if (/^-?\d+(\.\d+)?$/.test(t) && !/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t);
  if (/^-?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (date) return new DateType(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  return text;
}

/**
 * @param {string} text
 * @param {DateConstructor} [DateType]
 * @returns {(string | number | boolean | Date)[][]}
 */
export function csvToValues(text, DateType = Date) {
  return parseCsv(text).map((row) => row.map((field) => sheetValue(field, DateType)));
}
