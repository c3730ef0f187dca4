/** `newsgate dictionaries check`: the shipped data loads; a bad extension file is reported by file, path and fix. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {}, cwd: process.cwd() } };
}

describe('newsgate dictionaries check', () => {
  it('the shipped dictionaries load', async () => {
    const c = io();
    expect(await runCli(['dictionaries', 'check'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/ok, \d+ actors, \d+ regions, \d+ topics/);
  }, 60_000);

  it('reports each problem of an extension file with its JSON path and a did-you-mean', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dict-check-'));
    const file = path.join(dir, 'ext.json');
    writeFileSync(file, JSON.stringify({ actors: [{ id: 'x-y', name: 'X', kind: 'PERSN', aliases: [], affiliations: [{ actor: 'hezbolah', relation: 'member_of' }], countries: ['IQ'] }] }));
    const c = io();
    expect(await runCli(['dictionaries', 'check', file], c.io)).toBe(1);
    const err = c.err.join('');
    expect(err).toContain(`${file}: actors[0].kind: "PERSN" is not allowed`);
    expect(err).toContain('actors[0].affiliations[0].actor: no actor has id "hezbolah"; use an existing id (e.g. "hezbollah")');
  }, 60_000);

  it('reports an alias shared by two actors as a warning', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dict-check-'));
    const file = path.join(dir, 'ext.json');
    writeFileSync(file, JSON.stringify({ actors: [{ id: 'another-group', name: 'Another Group', kind: 'ARMED_GROUP', aliases: ['Hezbollah Brigades'], affiliations: [], countries: ['IQ'] }] }));
    const c = io();
    expect(await runCli(['dictionaries', 'check', file], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/warning: alias "hezbollah brigades" belongs to 2 actors \(.*another-group.*\)/i);
  }, 60_000);

  it('a wrong subcommand prints the usage', async () => {
    const c = io();
    expect(await runCli(['dictionaries', 'chek'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('usage: newsgate dictionaries check');
  });
});
