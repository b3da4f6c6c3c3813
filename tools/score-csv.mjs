// Scores a CSV of accounts with the built bundle, as Apps Script would run it, and prints the scored table
// and the tier counts. Usage: node tools/score-csv.mjs [accounts.csv] [criteria.csv]

import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { loadCode } from './apps-script-vm.mjs';
import { csvToValues } from './csv.mjs';

const [accountsPath = 'examples/accounts.csv', criteriaPath = 'examples/criteria.csv'] = process.argv.slice(2);
const sheets = loadCode();
const DateType = vm.runInContext('Date', sheets);
const table = csvToValues(readFileSync(accountsPath, 'utf8'), DateType);
const criteria = csvToValues(readFileSync(criteriaPath, 'utf8'));

const score = sheets.ICP_SCORE(table, criteria);
const tier = sheets.ICP_TIER(table, criteria);
const match = sheets.ICP_MATCH(table, criteria);
const rows = table.map((row, i) => [String(row[0]), String(score[i][0]), String(tier[i][0]), String(match[i][0])]);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));

/** @type {Record<string, number>} */
const counts = {};
for (const [t] of tier.slice(1)) if (t !== '') counts[t] = (counts[t] ?? 0) + 1;
console.log(`\nTiers: ${Object.entries(counts).sort().map(([t, n]) => `${t} ${n}`).join(' · ')}`);
