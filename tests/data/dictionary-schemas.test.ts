/**
 * The JSON Schemas of the dictionaries (schema/*.schema.json, referenced by "$schema" in data/
 * for editor completion) accept the shipped files and reject a typo the loader also rejects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string): unknown => JSON.parse(readFileSync(path.join(root, p), 'utf8'));

describe('dictionary JSON Schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  for (const n of ['actors', 'regions', 'topics']) ajv.addSchema(read(`schema/${n}.schema.json`) as object, `${n}.schema.json`);

  it.each(['actors', 'regions', 'topics'])('data/%s.json is valid against its schema and names it', (n) => {
    const doc = read(`data/${n}.json`) as Record<string, unknown>;
    expect(doc.$schema).toBe(`../schema/${n}.schema.json`);
    const validate = ajv.getSchema(`${n}.schema.json`)!;
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects an unknown actor kind and an unknown key', () => {
    const validate = ajv.getSchema('actors.schema.json')!;
    expect(validate({ actors: [{ id: 'x', name: 'X', kind: 'PERSN' }] })).toBe(false);
    expect(validate({ actors: [{ id: 'x', name: 'X', kind: 'PERSON', alias: [] }] })).toBe(false);
  });
});
