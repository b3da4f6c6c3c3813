// Shared test fixtures: the example sheets as Sheets would hand them over, and the bundle in node:vm.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { loadCode } from '../tools/apps-script-vm.mjs';
import { csvToValues } from '../tools/csv.mjs';

export type Values = (string | number | boolean | Date)[][];

/** An example CSV from examples/, with dates made in the given realm. */
export function example(name: string, DateType: DateConstructor = Date): Values {
  return csvToValues(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../examples', name), 'utf8'), DateType);
}

/** The built bundle in a fresh context, with optional fake services. */
export function bundle(globals: Record<string, unknown> = {}) {
  const context = loadCode(globals);
  return { context, Date: vm.runInContext('Date', context) as DateConstructor, call: (name: string, ...args: unknown[]) => context[name](...args) };
}

/** A 2D result from the vm realm as plain host arrays, for deep equality. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
