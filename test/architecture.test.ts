// The rooms of the code and what each may import (README, Architecture). tsconfig.core.json already keeps
// Apps Script, DOM and Node types out of src/core; this keeps the rooms' imports pointing one way.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

interface Import {
  readonly file: string;
  readonly target: string;
  readonly typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return files(relative);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** Every import and re-export of a room's files: a path relative to the repository, or a package name. */
function imports(dir: string): Import[] {
  return files(dir).flatMap((file) => {
    const source = readFileSync(path.join(root, file), 'utf8');
    return [...source.matchAll(/^\s*(import|export)(\s+type)?[^'";]*?from\s+'([^']+)'/gm)].map(([, , type, spec]) => ({
      file,
      target: spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec,
      typeOnly: Boolean(type),
    }));
  });
}

const inRoom = (target: string, ...rooms: string[]) => rooms.some((room) => target === room || target.startsWith(`${room}/`));
const broken = (found: Import[], allowed: (i: Import) => boolean) => found.filter((i) => !allowed(i)).map((i) => `${i.file} → ${i.target}`);

describe('architecture', () => {
  it('finds the imports it checks', () => {
    // A parser that found nothing would pass every rule below.
    expect(imports('src/core').length).toBeGreaterThan(50);
    expect(imports('src/sidebar').some((i) => i.typeOnly && inRoom(i.target, 'src/addon'))).toBe(true);
  });

  it('src/core imports only src/core: no Apps Script, no DOM, no packages', () => {
    expect(broken(imports('src/core'), (i) => inRoom(i.target, 'src/core'))).toEqual([]);
  });

  it('src/addon imports src/core and itself, nothing else', () => {
    expect(broken(imports('src/addon'), (i) => inRoom(i.target, 'src/core', 'src/addon'))).toEqual([]);
  });

  it('src/sidebar imports src/core and itself, and only types from src/addon (the server runs elsewhere)', () => {
    // help.ts runs in the build, not in the browser: it writes dist/Help.html from the registry and the menu.
    const buildTime = (i: Import) => i.file === 'src/sidebar/help.ts' && ['src/addon/registry', 'src/addon/messages'].includes(i.target);
    expect(
      broken(imports('src/sidebar'), (i) => inRoom(i.target, 'src/core', 'src/sidebar') || (i.typeOnly && inRoom(i.target, 'src/addon')) || buildTime(i)),
    ).toEqual([]);
  });

  it('nothing shipped or run locally imports the tests', () => {
    for (const room of ['src', 'emulator', 'playground', 'tools', 'bench']) {
      expect(broken(imports(room), (i) => !inRoom(i.target, 'test'))).toEqual([]);
    }
  });

  it('the emulator imports only what the add-on ships, never the playground', () => {
    expect(broken(imports('emulator'), (i) => inRoom(i.target, 'src', 'emulator') || i.target.startsWith('node:'))).toEqual([]);
  });
});
