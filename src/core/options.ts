// Options arrive as one text argument, `missing=neutral; margin=80%`, or as a two-column range. Every function
// that takes options also takes `lang` (the language it writes in: the adapter reads it, see optionValue).

import { cellText, isBlankRow, toGrid } from './cells';
import { icpError } from './errors';
import { T } from './i18n';
import { quote, quoteList } from './text';

/** Parses options into a map with lower-case keys, refusing keys the function does not know (null: none). */
export function parseOptions(value: unknown, known: readonly string[] | null, fn: string): Map<string, string> {
  const options = new Map<string, string>();
  const add = (key: string, raw: string) => {
    const name = key.trim().toLowerCase();
    if (known && !known.includes(name) && name !== 'lang') {
      throw icpError(T.notOption_, fn, quote(key.trim()), quoteList([...known, 'lang'], 'and'));
    }
    options.set(name, raw.trim());
  };
  for (const row of toGrid(value)) {
    if (isBlankRow(row)) continue;
    if (row.length >= 2 && cellText(row[1]).trim() !== '') {
      add(cellText(row[0]), cellText(row[1]));
      continue;
    }
    for (const pair of cellText(row[0]).split(/[;\n]/)) {
      if (pair.trim() === '') continue;
      // The name neither starts nor ends with a space, so a cell-long run of spaces is scanned once, not
      // once per place the name could start or end (that was quadratic: seconds for 50,000 characters).
      const match = /^\s*([^=:\s][^=:]*?)(?<!\s)\s*[=:]\s*(.*)$/.exec(pair);
      if (!match) throw icpError(T.optionShape_, fn, quote(pair.trim()));
      add(match[1], match[2]);
    }
  }
  return options;
}

/** One option's value read leniently (the others unchecked): undefined when it is absent or unreadable. */
export function optionValue(value: unknown, name: string): string | undefined {
  try {
    return parseOptions(value, null, '').get(name);
  } catch {
    return undefined;
  }
}
