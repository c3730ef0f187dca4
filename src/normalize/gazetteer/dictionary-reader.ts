/**
 * Reading dictionary JSON with messages an analyst can act on: every problem of every file is
 * collected with the file, the JSON path, what is wrong and an example of what is right
 * ({@link Problems}); {@link Reader} reads typed values and reports instead of throwing.
 */
import { readFile } from 'node:fs/promises';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import { fold } from './fold.ts';

export type Json = unknown;
export type Obj = Record<string, Json>;

export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Collects every problem of every file, so one run shows them all. */
export class Problems {
  readonly list: Problem[] = [];
  readonly warnings: string[] = [];
  add(file: string, at: string, message: string): void {
    this.list.push({ file, path: at, message });
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, 25).map((p) => `  ${p.file}: ${p.path}: ${p.message}`);
    const more = this.list.length > 25 ? `\n  … and ${this.list.length - 25} more` : '';
    throw new NewsgateError(
      ErrorCode.DICTIONARY_INVALID,
      `${this.list.length} problem${this.list.length === 1 ? '' : 's'} in the dictionaries:\n${shown.join('\n')}${more}`,
      { details: { problems: this.list } },
    );
  }
}

/** Field readers that record a problem and return a safe default. */
export class Reader {
  constructor(
    readonly problems: Problems,
    readonly file: string,
  ) {}

  object(value: Json, at: string, example: string): Obj | null {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Obj;
    this.problems.add(this.file, at, `must be an object, e.g. ${example}`);
    return null;
  }

  array(value: Json, at: string, example: string): Json[] {
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.problems.add(this.file, at, `must be an array, e.g. ${example}`);
    return [];
  }

  keys(obj: Obj, at: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problems.add(this.file, `${at}.${key}`, `unknown key "${key}"; allowed keys are ${allowed.join(', ')}`);
    }
  }

  string(obj: Obj, key: string, at: string, example: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.problems.add(this.file, `${at}.${key}`, `${value === undefined ? 'is missing' : 'must be a non-empty string'}, e.g. "${key}": ${example}`);
    return undefined;
  }

  strings(obj: Obj, key: string, at: string, example: string): string[] {
    const out: string[] = [];
    this.array(obj[key], `${at}.${key}`, example).forEach((v, i) => {
      if (typeof v === 'string' && fold(v) !== '') out.push(v.trim());
      else this.problems.add(this.file, `${at}.${key}[${i}]`, `must be a non-empty string with letters or digits, e.g. ${example}`);
    });
    return out;
  }

  number(obj: Obj, key: string, at: string, min: number, max: number): number | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
    this.problems.add(this.file, `${at}.${key}`, `must be a number between ${min} and ${max}, e.g. "${key}": 33.31`);
    return undefined;
  }

  oneOf<T extends string>(obj: Obj, key: string, at: string, allowed: readonly T[], required: boolean): T | undefined {
    const value = obj[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problems.add(this.file, `${at}.${key}`, `${value === undefined ? 'is missing' : `"${String(value)}" is not allowed`}; use one of ${allowed.join(', ')}`);
    return undefined;
  }
}

export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The known id sharing the longest prefix with `wanted`, as a "did you mean" example. */
export function closest(wanted: string, ids: Iterable<string>): string {
  let best = '';
  let bestScore = -1;
  for (const id of ids) {
    let n = 0;
    while (n < id.length && n < wanted.length && id[n] === wanted[n]) n++;
    if (n > bestScore) {
      best = id;
      bestScore = n;
    }
  }
  return best;
}

export async function readJson(problems: Problems, file: string): Promise<Json | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new NewsgateError(ErrorCode.DICTIONARY_INVALID, `cannot read dictionary file ${file}: ${(err as Error).message}; check the path (data/ or the "dictionaries" list in feeds.json)`, {
      cause: err,
      details: { file },
    });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    problems.add(file, '$', `is not valid JSON (${(err as Error).message}); fix the syntax (a trailing comma or a missing quote is the usual cause)`);
    return undefined;
  }
}
