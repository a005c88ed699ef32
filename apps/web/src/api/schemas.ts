import type { components } from './schema.gen';

/**
 * The server's DTOs as the OpenAPI document declares them (`npm run api:generate` writes
 * schema.gen.ts from docs/openapi.json; test/unit/api-contract.spec.ts fails when it is stale).
 * Pages import these names instead of retyping a response by hand (issue 17 item 1).
 */
export type Schemas = components['schemas'];
