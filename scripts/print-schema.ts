/**
 * `npm run schema`: writes `schema/schema.graphql` from the schema the server builds, sorted so
 * that the file changes only when the API does. Committed, and checked by
 * tests/graphql/schema-fresh.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printGatewaySchema } from '../src/graphql/print-schema.ts';

const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
writeFileSync(target, printGatewaySchema(), 'utf8');
console.log(`wrote ${target}`);
