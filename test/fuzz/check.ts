// What every fuzzed call must do: finish within a second, and either answer with values Sheets can show or
// throw the add-on's own IcpError with a short message. Errors from the bundle come from the node:vm realm,
// so they are recognised by name, not by `instanceof`.

import { expect } from 'vitest';

/** The one timed assertion the project allows (issue 8 asks for it); generous, as the inputs are small. */
export const MAX_CALL_MS = 1000;
/** Messages quote at most ~60 characters of input; lists show ten items. */
export const MAX_MESSAGE_LENGTH = 2000;

export interface Outcome {
  readonly value?: unknown;
  readonly error?: { name: string; message: string };
  /** How long the call took, in milliseconds. */
  readonly ms: number;
}

/** Calls `fn`, timing it, and checks that it ends well. */
export function expectClean(what: string, fn: () => unknown): Outcome {
  const started = performance.now();
  let outcome: Omit<Outcome, 'ms'>;
  try {
    outcome = { value: fn() };
  } catch (error) {
    const { name, message, stack } = error as Error;
    if (name !== 'IcpError') throw new Error(`${what} threw ${name}: ${message}\n${stack}`);
    expect(typeof message, what).toBe('string');
    expect(message.length, `${what}: message of ${message.length} characters: ${message.slice(0, 200)}…`).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    outcome = { error: { name, message } };
  }
  const elapsed = performance.now() - started;
  expect(elapsed, `${what} took ${Math.round(elapsed)} ms`).toBeLessThan(MAX_CALL_MS);
  return { ...outcome, ms: elapsed };
}

/** Sheets shows a custom function's answer: a value, or a rectangle of values; text at most 50,000 characters. */
export function expectSheetsValue(what: string, value: unknown): void {
  const cells = Array.isArray(value) ? value : [[value]];
  for (const row of cells) {
    expect(Array.isArray(row), `${what}: a row that is not an array`).toBe(true);
    for (const cell of row as unknown[]) {
      const type = typeof cell;
      expect(['string', 'number', 'boolean'], `${what}: a ${type} in the result`).toContain(type);
      if (type === 'number') expect(Number.isFinite(cell), `${what}: ${String(cell)} in the result`).toBe(true);
      if (type === 'string') expect((cell as string).length, `${what}: text of ${(cell as string).length} characters`).toBeLessThanOrEqual(50_000);
    }
  }
}

/** Counts cases per target, and how many answered with values rather than an IcpError; printed at the end. */
export class Tally {
  private readonly counts = new Map<string, { cases: number; values: number; ms: number; slowest: number }>();
  private readonly started = performance.now();
  add(target: string, outcome: Outcome): void {
    const count = this.counts.get(target) ?? { cases: 0, values: 0, ms: 0, slowest: 0 };
    count.cases++;
    count.ms += outcome.ms;
    count.slowest = Math.max(count.slowest, outcome.ms);
    if (!outcome.error) count.values++;
    this.counts.set(target, count);
  }
  report(title: string): string {
    const total = [...this.counts.values()].reduce((sum, c) => sum + c.cases, 0);
    const lines = [...this.counts].map(
      ([target, c]) =>
        `  ${target}: ${c.cases} cases, ${c.values} answered with values, ${c.cases - c.values} with an IcpError; ` +
        `calls ${(c.ms / 1000).toFixed(1)} s in all, slowest ${Math.round(c.slowest)} ms`,
    );
    return `${title}: ${total} cases in ${((performance.now() - this.started) / 1000).toFixed(1)} s\n${lines.join('\n')}`;
  }
}

/** A fixed seed per target, from its name: adding a target leaves the others' cases as they were. */
export function seedOf(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash >>> 0;
}
