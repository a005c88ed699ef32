import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CONTRACT_FILES, documentText, REPO_ROOT, typesText } from './api-contract';
import { openApiDocumentOffline } from './openapi.document';

/**
 * `npm run api:generate`: writes docs/openapi.json and apps/web/src/api/schema.gen.ts from the
 * controllers' decorators, without Postgres or Redis. test/unit/api-contract.spec.ts fails when
 * either committed file differs from what this would write.
 */
async function main() {
  const document = documentText(await openApiDocumentOffline());
  writeFileSync(CONTRACT_FILES.document, document);
  writeFileSync(CONTRACT_FILES.types, typesText(document));
  for (const file of Object.values(CONTRACT_FILES)) console.log(`wrote ${relative(REPO_ROOT, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
