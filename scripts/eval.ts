/**
 * `npm run eval [-- --verbose] [-- --dir path]`: precision, recall and F1 of actors, countries,
 * places, regions and topics — and, on sets annotated in format v2, claims, quotes, figures and
 * datelines — on the annotated articles, through the real normalize stage and the default
 * tagger. `new:` refs of the annotation resolve through the dictionaries in force.
 * Exit code 1 when a fixture leaks an entity, quote or figure from translator notes or comments.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDefaultTagger } from '../src/normalize/gazetteer/create-default-tagger.ts';
import { ENTITY_TYPES, evaluate, formatReport, loadAnnotatedFixtures } from '../src/normalize/gazetteer/evaluate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { verbose: { type: 'boolean', short: 'v', default: false }, dir: { type: 'string' } },
});
const dir = values.dir ?? path.join(root, 'tests/fixtures/annotated');
const fixtures = await loadAnnotatedFixtures(dir);
if (fixtures.length === 0) {
  console.error(`no annotated fixtures in ${dir}`);
  process.exit(2);
}
const { tagger, catalog } = await createDefaultTagger(); // as the gateway builds it (discovery on: it vetoes names like "Chad Smith")
const report = evaluate(fixtures, tagger, catalog);
console.log(`${path.relative(process.cwd(), dir) || dir}: ${formatReport(report, values.verbose === true)}`);
const leaked = report.outcomes.some((o) => ENTITY_TYPES.some((t) => o.leaked[t].length > 0) || o.leakedStatements.length > 0);
process.exit(leaked ? 1 : 0);
