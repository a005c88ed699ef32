import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocumentOffline } from '../../apps/server/src/openapi/openapi.document';

type Response = {
  content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }>;
};
type Operation = { operationId?: string; responses: Record<string, Response> };

/** Controllers whose every route must declare its answers (issue 17 item 1, part B). */
const CONTROLLERS = [
  'AdminProceduresController',
  'DossiersController',
  'ProceduresController',
  'SmsOutboxAdminController',
  'FormsController',
  'DossierFilesController',
  'PublicLookupController',
  'PublicResultsController',
  'PublicStatsController',
  'SmsInboundController',
  'PublicRatingsController',
  'AdminRatingCriteriaController',
  'ReportsController',
];
/** Codes the guards answer with (added to the document from their metadata, not thrown by a service). */
const GUARD_CODES = new Set(['AUTH_REQUIRED', 'AUTH_TOKEN_INVALID', 'PASSWORD_CHANGE_REQUIRED', 'FORBIDDEN_ROLE']);

const ROOT = join(__dirname, '..', '..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

// Issue 17 item 1: "72 of 91 routes declare no response type; no route declares its error answers".
describe("part B's routes declare their answers (dossiers, procedures, forms, files, tracking, reports, SMS)", () => {
  let operations: Operation[];

  beforeAll(async () => {
    const document: OpenAPIObject = await openApiDocumentOffline();
    operations = Object.values(document.paths)
      .flatMap((item) => Object.values(item) as Operation[])
      .filter((operation) => CONTROLLERS.some((name) => operation?.operationId?.startsWith(`${name}_`)));
  });

  it('every operation declares a 2xx answer with a schema', () => {
    // given the operations of the controllers / when their success answers are read
    const untyped = operations
      .filter(
        (op) =>
          !Object.entries(op.responses).some(
            ([status, r]) => status.startsWith('2') && Object.values(r.content ?? {}).some((c) => c.schema),
          ),
      )
      .map((op) => op.operationId);
    // then each has a schema (JSON, or the binary of a file)
    expect(operations.length).toBe(49); // 42, the process heatmap (issue 19 item 5), the ratings (ADR 0030: 5 routes and the report)
    expect(untyped).toEqual([]);
  });

  it('every operation declares error answers, and each code it names is one the code base throws', () => {
    // given every source file outside the specs, without the @ApiErrors lines themselves
    const code = sources(join(ROOT, 'libs'))
      .concat(sources(join(ROOT, 'apps', 'server', 'src')))
      .map((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => !line.includes('@ApiErrors('))
          .join('\n'),
      )
      .join('\n');
    // when the codes of each operation's 4xx/5xx answers are read
    const silent = operations
      .filter((op) => !Object.keys(op.responses).some((status) => /^[45]/.test(status)))
      .map((op) => op.operationId);
    const declared = new Set(
      operations.flatMap((op) =>
        Object.entries(op.responses)
          .filter(([status]) => /^[45]/.test(status))
          .flatMap(([, r]) => r.content?.['application/json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? []),
      ),
    );
    const unknown = [...declared].filter((c) => !GUARD_CODES.has(c) && !code.includes(`'${c}'`));
    // then none is silent and none names a code nothing throws (a typo, or a code that was renamed)
    expect(silent).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
