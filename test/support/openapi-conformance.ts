import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';

type Json = Record<string, unknown>;

/** The committed contract (docs/openapi.json, `npm run api:generate`). */
const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Json }> }> }>>;
  components: { schemas: Record<string, Json> };
};

/**
 * Every declared object closed (`additionalProperties: false` unless it says otherwise): a field
 * the server sends but the document does not declare would be missing from the web's generated
 * types, so it fails here as surely as a missing required one.
 */
function closed(schemas: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      schema.properties && !('additionalProperties' in schema) ? { ...schema, additionalProperties: false } : schema,
    ]),
  );
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const components = { schemas: closed(DOCUMENT.components.schemas) };
const compiled = new Map<string, ValidateFunction>();

/**
 * Checks an answer against what docs/openapi.json declares for `method template` and its status
 * (issue 17 item 1): the status must be declared, a JSON body must match its schema, an error's
 * `code` must be one the route lists. Returns the response, for chaining.
 */
export function conforms(res: Response, method: string, template: string): Response {
  const operation = DOCUMENT.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${template} is not in docs/openapi.json`);
  const declared = operation.responses[String(res.status)];
  if (!declared) {
    throw new Error(
      `${method} ${template} answered ${res.status} (${JSON.stringify(res.body)}), which it does not declare (declared: ${Object.keys(operation.responses).join(', ')})`,
    );
  }
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  const schema =
    declared.content?.[type]?.schema ??
    (type === 'application/json' ? undefined : declared.content?.['application/json']?.schema);
  if (!declared.content) return res;
  if (!declared.content[type])
    throw new Error(
      `${method} ${template} ${res.status} answered ${type}; declared ${Object.keys(declared.content).join(', ')}`,
    );
  if (!schema) return res;
  const key = `${method} ${template} ${res.status} ${type}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ ...schema, components });
    compiled.set(key, validate);
  }
  const body = type === 'application/json' ? res.body : res.text;
  if (!validate(body)) {
    throw new Error(
      `${method} ${template} ${res.status} does not match its declared schema: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  return res;
}
