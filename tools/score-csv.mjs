// Scores a file of accounts in the terminal. The default JS engine runs the built bundle as Apps Script would
// and prints the scored table; --engine duckdb runs the query ICP_SQL writes over CSV or Parquet files of
// millions of rows, with a progress line, and writes CSV or Parquet.
//
// npm run score -- [accounts.csv] [--criteria criteria.csv] [--tiers tiers.csv] [--profile NAME]
//                  [--missing neutral] [--engine js|duckdb] [--out scored.parquet|scored.csv]
// (the criteria file may also be the second positional argument, as before)

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import vm from 'node:vm';
import { loadCode } from './apps-script-vm.mjs';
import { csvToValues } from './csv.mjs';
import { loadCore } from './icp-core.mjs';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    criteria: { type: 'string' },
    tiers: { type: 'string' },
    profile: { type: 'string', default: '' },
    missing: { type: 'string', default: 'zero' },
    engine: { type: 'string', default: 'js' },
    out: { type: 'string' },
  },
});
const accountsPath = positionals[0] ?? 'examples/accounts.csv';
const criteriaPath = flags.criteria ?? positionals[1] ?? 'examples/criteria.csv';
const criteria = csvToValues(readFileSync(criteriaPath, 'utf8'));
const tiers = flags.tiers ? csvToValues(readFileSync(flags.tiers, 'utf8')) : '';
const options = `missing=${flags.missing}`;

/** @param {number} n */
const count = (n) => n.toLocaleString('en-US');

try {
  if (flags.engine === 'duckdb') await duckdb();
  else if (flags.engine === 'js') await js();
  else throw new Error(`--engine must be js or duckdb, not "${flags.engine}".`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

async function duckdb() {
  const { scoreWithDuckDB } = await import('./score-duckdb.mjs');
  const tty = process.stderr.isTTY;
  const result = await scoreWithDuckDB({
    input: accountsPath,
    criteria,
    tiers,
    profile: flags.profile,
    missing: /** @type {'zero' | 'neutral'} */ (flags.missing),
    out: flags.out,
    progress: ({ percentage, rows, total }) => {
      const line = `Scoring ${accountsPath}: ${percentage.toFixed(0)}% (${count(rows)} of ${count(total)} rows)`;
      if (tty) process.stderr.write(`\r${line}\x1b[K`);
      else console.error(line);
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  console.log(`Scored ${count(result.rows)} rows in ${(result.ms / 1000).toFixed(1)} s with DuckDB${flags.out ? ` → ${flags.out}` : ''}`);
  console.log(`Tiers: ${result.tiers.map((t) => `${t.tier || '(none)'} ${count(t.count)}`).join(' · ')}`);
  if (!flags.out) console.log('Add --out scored.parquet (or .csv) to keep every scored row.');
  result.connection.closeSync();
}

async function js() {
  if (/\.parquet$/i.test(accountsPath)) throw new Error('The JS engine reads CSV; score Parquet files with --engine duckdb.');
  const sheets = loadCode();
  const DateType = vm.runInContext('Date', sheets);
  const table = csvToValues(readFileSync(accountsPath, 'utf8'), DateType);
  // The same refusal as the DuckDB engine's: a scored file's icp_* columns would come out twice.
  (await loadCore()).assertUnscored((table[0] ?? []).map(String), path.basename(accountsPath));
  const column = (/** @type {unknown[][]} */ result) => result.map((r) => String(r[0]));
  let score, tier, match;
  try {
    score = column(sheets.ICP_SCORE(table, criteria, flags.profile, options));
    tier = column(sheets.ICP_TIER(table, criteria, flags.profile, tiers, options));
    match = flags.profile ? score.map((_, i) => (i === 0 ? 'Profile' : flags.profile)) : column(sheets.ICP_MATCH(table, criteria, options));
  } catch (error) {
    // Errors from the vm realm are not instances of this realm's Error.
    throw new Error(/** @type {{ message?: string }} */ (error).message ?? String(error));
  }
  if (flags.out) {
    if (!/\.csv$/i.test(flags.out)) throw new Error('The JS engine writes CSV; write Parquet with --engine duckdb.');
    const field = (/** @type {unknown} */ v) => {
      const text = v instanceof DateType ? /** @type {Date} */ (v).toISOString().slice(0, 10) : String(v);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = table.map((row, i) =>
      [...row, i === 0 ? 'icp_score' : score[i], i === 0 ? 'icp_tier' : tier[i], i === 0 ? 'icp_profile' : match[i]].map(field).join(','),
    );
    writeFileSync(flags.out, `${lines.join('\n')}\n`);
  }
  const rows = table.map((row, i) => [String(row[0]), score[i], tier[i], match[i]]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  if (!flags.out) for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));

  /** @type {Record<string, number>} */
  const counts = {};
  for (const t of tier.slice(1)) if (t !== '') counts[t] = (counts[t] ?? 0) + 1;
  console.log(
    `${flags.out ? `Scored ${count(table.length - 1)} rows → ${flags.out}\n` : '\n'}Tiers: ${Object.entries(counts)
      .sort()
      .map(([t, n]) => `${t} ${n}`)
      .join(' · ')}`,
  );
}
