/**
 * `newsgate demo` as a newcomer without internet runs it: a real process (NODE_ENV=production),
 * no feeds.json, no store: within seconds the API answers with the sample corpus, tagged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, waitFor } from '../e2e/feed-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
});

describe('newsgate demo', () => {
  it('serves the sample corpus on an in-memory store, with no network and no config', async () => {
    child = spawn(process.execPath, ['bin/newsgate.js', 'demo', '--port', '0'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOST: '127.0.0.1', FEEDS_FILE: '/nonexistent/feeds.json', STORE_URL: 'sqlite:///nonexistent/x.sqlite' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    await waitFor(() => /"msg":"newsgate listening"/.test(out), 60_000, `the demo to listen (stderr: ${err})`);
    expect(err).toMatch(/newsgate demo: \d+ sample articles in 3 feeds/);
    const url = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out)![1]!;
    let body: { data?: any } = {};
    await waitFor(async () => {
      body = await graphql<any>(url, '{ articles(first: 100) { totalCount edges { node { language source { id } actors { actor { id } } } } } }');
      return (body.data?.articles.totalCount ?? 0) >= 60;
    }, 60_000, 'the sample articles to be ingested');
    const nodes = body.data.articles.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.source.id))).toEqual(new Set(['demo-wire', 'demo-translations', 'demo-arabic']));
    expect(nodes.some((n: any) => n.language === 'ar')).toBe(true);
    expect(nodes.flatMap((n: any) => n.actors.map((a: any) => a.actor.id))).toContain('kataib-hizbullah');
  }, 150_000);
});
