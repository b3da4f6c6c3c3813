// The language the add-on writes in: one catalog is active at a time, English unless the adapter hands in
// another (it loads German and Danish from data files). The language is a setting of the execution rather
// than an argument, because every message of the core would otherwise need one threaded through to it.

import { EN } from './en';

export { EN };

export type Lang = 'en' | 'de' | 'da';
export const LANGUAGES: readonly Lang[] = ['en', 'de', 'da'];

export type Key = keyof typeof EN;
/** A catalog: the same keys as English, each a text with the same placeholders. */
export type Catalog = { readonly [K in Key]: string };

/** The texts in the active language; typed as English so that `fmt` knows each text's placeholders. */
export let T: typeof EN = EN;
let active: Lang = 'en';

/**
 * Makes `catalog` the language of the texts from now on; keys it lacks stay English, and without a
 * catalog (it could not be loaded) everything is English.
 */
export function useLanguage(lang: Lang, catalog?: Partial<Catalog> | null): void {
  active = catalog ? lang : 'en';
  T = (catalog ? { ...EN, ...catalog } : EN) as typeof EN;
}

export function language(): Lang {
  return active;
}

/** The language of a locale such as `de_DE`, `da-DK` or `en_US`; English for anything else. */
export function languageOf(locale: unknown): Lang {
  const code = String(locale ?? '')
    .slice(0, 2)
    .toLowerCase();
  return code === 'de' || code === 'da' ? code : 'en';
}

export type Arg = string | number;

/** One value per placeholder name, in the order the names first appear: `'{a} {b} {a}'` takes two. */
export type Args<S extends string, Seen extends string[] = [], Out extends Arg[] = []> = S extends `${string}{${infer N}}${infer Rest}`
  ? N extends Seen[number]
    ? Args<Rest, Seen, Out>
    : Args<Rest, [...Seen, N], [...Out, Arg]>
  : Out;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A text with its placeholders filled: `{name}` takes the values in the order the names first appear,
 * `{0}` names a value by position (translations whose order differs from English are built that way).
 * Numbers show the active language's decimal mark.
 */
export function fmt<S extends string>(text: S, ...args: Args<S>): string;
export function fmt(text: string, ...args: Arg[]): string {
  const names: string[] = [];
  return text.replace(PLACEHOLDER, (_, name: string) => show(args[position(name, names)]));
}

function position(name: string, names: string[]): number {
  const n = +name;
  if (n === n) return n;
  const i = names.indexOf(name);
  return i < 0 ? names.push(name) - 1 : i;
}

function show(value: Arg | undefined): string {
  if (typeof value !== 'number') return value ?? '';
  return Number.isInteger(value) ? String(value) : String(value).replace('.', T.decimal_);
}

/**
 * A text compiled once into a function, for texts filled in for every row of a table (explanations):
 * the same result as fmt without scanning the text again.
 */
export function compile<S extends string>(text: S): (...args: Args<S>) => string;
export function compile(text: string): (...args: Arg[]) => string {
  const pieces = text.split(PLACEHOLDER);
  const names: string[] = [];
  const at: number[] = [];
  for (let i = 1; i < pieces.length; i += 2) at.push(position(pieces[i], names));
  return (...args) => {
    let out = pieces[0];
    for (let k = 0; k < at.length; k++) out += show(args[at[k]]) + pieces[2 * k + 2];
    return out;
  };
}

/** A number with `digits` decimals and the active language's decimal mark: `3.2` or `3,2`. */
export function decimal(n: number, digits: number): string {
  return n.toFixed(digits).replace('.', T.decimal_);
}
