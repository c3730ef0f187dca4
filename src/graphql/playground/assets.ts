/**
 * The files the playground needs, served by newsgate itself so it works with no internet:
 * GraphiQL 3's browser bundle and stylesheet, and React 18's UMD production builds. Paths are
 * resolved from the installed packages and named with their versions, so browsers may cache
 * them for good: a new version is a new name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** One asset: where it is on disk and how to serve it. */
export interface PlaygroundAsset {
  readonly name: string;
  readonly file: string;
  readonly contentType: string;
}

function fromPackage(pkg: string, relative: string, name: (version: string) => string, contentType: string): PlaygroundAsset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = require(manifest) as { version: string };
  return { name: name(version), file: join(dirname(manifest), relative), contentType };
}

const JS = 'text/javascript; charset=utf-8';

/** The kinds of asset the page loads. */
export type AssetKind = 'react' | 'react-dom' | 'graphiql-js' | 'graphiql-css';

/** Each asset by kind; its `name` is what it is served under (below `<graphql path>/assets/`). */
export const ASSETS_BY_KIND: Readonly<Record<AssetKind, PlaygroundAsset>> = {
  react: fromPackage('react', 'umd/react.production.min.js', (v) => `react-${v}.production.min.js`, JS),
  'react-dom': fromPackage('react-dom', 'umd/react-dom.production.min.js', (v) => `react-dom-${v}.production.min.js`, JS),
  'graphiql-js': fromPackage('graphiql', 'graphiql.min.js', (v) => `graphiql-${v}.min.js`, JS),
  'graphiql-css': fromPackage('graphiql', 'graphiql.min.css', (v) => `graphiql-${v}.min.css`, 'text/css; charset=utf-8'),
};

/** The same assets by served name, for the HTTP handler. */
export const PLAYGROUND_ASSETS: ReadonlyMap<string, PlaygroundAsset> = new Map(
  Object.values(ASSETS_BY_KIND).map((asset) => [asset.name, asset]),
);

const bodies = new Map<string, { raw: Buffer; gzip?: Buffer }>();

/**
 * The bytes of an asset, read once and kept (a few MB); gzipped once on first demand, since
 * GraphiQL's bundle is 3.5 MB raw and under 1 MB compressed.
 */
export function assetBytes(asset: PlaygroundAsset, gzip: boolean): Buffer {
  let entry = bodies.get(asset.name);
  if (entry === undefined) {
    entry = { raw: readFileSync(asset.file) };
    bodies.set(asset.name, entry);
  }
  if (!gzip) return entry.raw;
  entry.gzip ??= gzipSync(entry.raw);
  return entry.gzip;
}
