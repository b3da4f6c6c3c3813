// Schemas for what the sidebar sends, checked where it enters: the zod idea (declare the shape once, get the
// type from it, errors that name the path at fault) in the few lines the add-on needs. zod/mini costs 14 KB of
// dist/Code.js, which every custom-function call loads; these combinators cost well under one.

/** Where a value is wrong (`['rules', 2, 'points']`) and why. */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A check of an untrusted value that yields it typed, or the issues found. */
export interface Schema<T> {
  check(value: unknown, path: (string | number)[], issues: Issue[]): T;
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const leaf = <T>(what: string, ok: (value: unknown) => boolean): Schema<T> => ({
  check(value, path, issues) {
    if (!ok(value)) issues.push({ path: [...path], message: `expected ${what}` });
    return value as T;
  },
});

export const string = (): Schema<string> => leaf('text', (v) => typeof v === 'string');
export const boolean = (): Schema<boolean> => leaf('true or false', (v) => typeof v === 'boolean');
export const integer = (): Schema<number> => leaf('a whole number', (v) => Number.isSafeInteger(v));

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return { optional: true, check: (value, path, issues) => (value === undefined ? undefined : inner.check(value, path, issues)) };
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return {
    check(value, path, issues) {
      if (!Array.isArray(value)) {
        issues.push({ path: [...path], message: 'expected a list' });
        return [];
      }
      return value.map((v, i) => item.check(v, [...path, i], issues));
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type Required<S extends Shape> = { [K in keyof S as S[K]['optional'] extends true ? never : K]: Infer<S[K]> };
type Optional<S extends Shape> = { [K in keyof S as S[K]['optional'] extends true ? K : never]?: Infer<S[K]> };
export type ObjectOf<S extends Shape> = Required<S> & Optional<S>;

/** An object with these fields; other fields are dropped, so nothing unexpected travels further. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    check(value, path, issues) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ path: [...path], message: 'expected an object' });
        return {} as ObjectOf<S>;
      }
      // The keys come from the schema, never from the payload, so a plain object is safe.
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const field = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
        const checked = shape[key].check(field, [...path, key], issues);
        if (checked !== undefined) out[key] = checked;
      }
      return out as ObjectOf<S>;
    },
  };
}

/** Checks a value against a schema: the typed value, or every issue found. */
export function safeParse<T>(schema: Schema<T>, value: unknown): { success: true; data: T } | { success: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const data = schema.check(value, [], issues);
  return issues.length ? { success: false, issues } : { success: true, data };
}
