/**
 * The expected access table (issues 9 and 15): for every endpoint, who passes on a resource of
 * their own unit (`own`), who passes from a unit outside its subtree — a child or a sibling unit
 * (`other`) — and who from a unit above it (`above`: the parent, the province). The spec runs it
 * twice, on the city's resources and on the commune Tân Lợi's. Everyone else must be refused
 * (401/403/404).
 */
export const ROLES = ['anonymous', 'reception', 'specialist', 'head', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Who = readonly Role[];

export interface Fixture {
  /** The unit owning the resources below (the city, or the commune Tân Lợi). */
  city: string;
  /** Dossier whose first task (reception, city) the task routes use. */
  taskDossier: string;
  taskId: string;
  /** Dossier the one-stop actions are tried on. */
  actionDossier: string;
  /** An instance (of a third dossier) for the admin instance routes. */
  instanceId: string;
  instanceDossier: string;
  /** A process key owned by the unit, and a procedure of it owned by the unit. */
  definitionKey: string;
  procedureCode: string;
  /** A fresh account and a fresh unit inside the unit. */
  username: string;
  unitCode: string;
  unique(): string;
}

export interface MatrixRequest {
  path: string;
  body?: object | string;
  contentType?: string;
}

export interface Entry {
  /** Who passes on the own unit's resource. */
  own: Who;
  /** Who passes from a unit outside the resource's subtree (child or sibling); default: the same as `own` (nothing unit-scoped in the route). */
  other?: Who;
  /** Who passes from a unit above the resource's unit (parent, province); default: `other`. */
  above?: Who;
  /** The request names a resource that exists: a 404 is then a refusal, not an allowed answer. */
  found?: boolean;
  request: (f: Fixture) => MatrixRequest;
}

export const ANYONE: Who = ROLES;
export const STAFF: Who = ['reception', 'specialist', 'head', 'leader', 'admin'];
export const NOBODY: Who = [];
const ADMIN: Who = ['admin'];
const REPORTS: Who = ['leader', 'admin'];
const path = (value: string) => () => ({ path: value });
const PERIOD = 'from=2026-01-01&to=2026-03-31';
const BOUNDARY = 'matrix-boundary';
const RESULT_UPLOAD = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nresult\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ket-qua.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 matrix\r\n--${BOUNDARY}--\r\n`;

export const ACCESS_MATRIX: Record<string, Entry> = {
  // Operations and documentation: open by design (set METRICS_TOKEN to close /metrics).
  'GET /health': { own: ANYONE, request: path('/health') },
  'GET /health/ready': { own: ANYONE, request: path('/health/ready') },
  'GET /health/live': { own: ANYONE, request: path('/health/live') },
  'GET /metrics': { own: ANYONE, request: path('/metrics') },
  'GET /api/docs': { own: ANYONE, request: path('/api/docs') },
  'GET /api/docs/': { own: ANYONE, request: path('/api/docs/') },
  'GET /api/docs/index.html': { own: ANYONE, request: path('/api/docs/index.html') },
  'GET /api/docs/LICENSE': { own: ANYONE, request: path('/api/docs/LICENSE') },
  'GET /api/docs/swagger-ui-init.js': { own: ANYONE, request: path('/api/docs/swagger-ui-init.js') },
  'GET /api/docs/docs/swagger-ui-init.js': { own: ANYONE, request: path('/api/docs/docs/swagger-ui-init.js') },
  'GET /api/docs-json': { own: ANYONE, request: path('/api/docs-json') },
  'GET /api/docs-yaml': { own: ANYONE, request: path('/api/docs-yaml') },

  // Identity
  'POST /api/auth/login': { own: ANYONE, request: () => ({ path: '/api/auth/login', body: {} }) },
  'GET /api/auth/me': { own: STAFF, request: path('/api/auth/me') },
  'POST /api/auth/password': { own: STAFF, request: () => ({ path: '/api/auth/password', body: {} }) },
  'GET /api/units': { own: STAFF, request: path('/api/units') },
  'GET /api/admin/audit': { own: ADMIN, request: path('/api/admin/audit?limit=1') },
  'GET /api/admin/units': { own: ADMIN, request: path('/api/admin/units') },
  'GET /api/admin/deployment-warnings': { own: ADMIN, request: path('/api/admin/deployment-warnings') },
  'POST /api/admin/units': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({
      path: '/api/admin/units',
      body: { code: unitCode(f), name: 'Đơn vị thử quyền', kind: 'office', parentCode: f.city },
    }),
  },
  'PATCH /api/admin/units/:code': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/units/${f.unitCode}`, body: { name: 'Đơn vị thử quyền (sửa)' } }),
  },
  'POST /api/admin/units/:code/move': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/units/${f.unitCode}/move`, body: { parentCode: f.city } }),
  },
  'POST /api/admin/units/:code/deactivate': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/units/${f.unitCode}/deactivate` }),
  },
  'POST /api/admin/units/:code/reactivate': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/units/${f.unitCode}/reactivate` }),
  },
  'GET /api/admin/users': { own: ADMIN, request: path('/api/admin/users?limit=1') },
  'GET /api/admin/users/:username': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/users/${f.username}` }),
  },
  'POST /api/admin/users': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({
      path: '/api/admin/users',
      body: { username: `mx-${f.unique()}`, fullName: 'Cán bộ thử quyền', unitCode: f.city, roles: ['specialist'] },
    }),
  },
  'PATCH /api/admin/users/:username': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/users/${f.username}`, body: { fullName: 'Cán bộ thử quyền (sửa)' } }),
  },
  'POST /api/admin/users/:username/deactivate': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/users/${f.username}/deactivate` }),
  },
  'POST /api/admin/users/:username/reactivate': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/users/${f.username}/reactivate` }),
  },
  'POST /api/admin/users/:username/reset-password': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/users/${f.username}/reset-password` }),
  },
  'POST /api/admin/users/:username/unlock': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/users/${f.username}/unlock` }),
  },

  // Workflow administration (issue 15): a key, its instances and incidents belong to the key's
  // owner; administrators of the owner's unit or above manage them, others get 403/404.
  'POST /api/definitions': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({ path: '/api/definitions', body: diagram(f.definitionKey), contentType: 'text/xml' }),
  },
  'POST /api/definitions/validate': {
    own: ADMIN,
    request: () => ({ path: '/api/definitions/validate', body: '<not-bpmn/>', contentType: 'text/xml' }),
  },
  'GET /api/definitions': { own: ADMIN, request: path('/api/definitions') },
  'GET /api/definitions/:key/xml': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/definitions/${f.definitionKey}/xml` }),
  },
  'GET /api/definitions/:key/ownership': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/definitions/${f.definitionKey}/ownership` }),
  },
  'PUT /api/definitions/:key/partners': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/definitions/${f.definitionKey}/partners`, body: { unitCodes: [] } }),
  },
  'POST /api/instances': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({ path: '/api/instances', body: { definitionKey: f.definitionKey } }),
  },
  'GET /api/instances/:id': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/instances/${f.instanceId}` }),
  },
  'POST /api/instances/:id/messages': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/instances/${f.instanceId}/messages`, body: { messageName: 'khong-co' } }),
  },
  'POST /api/instances/:id/cancel': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/instances/${f.instanceId}/cancel`, body: { reason: 'Thử quyền' } }),
  },
  'GET /api/incidents': { own: ADMIN, request: path('/api/incidents') },
  'POST /api/incidents/:id/retry': {
    own: ADMIN,
    request: () => ({ path: '/api/incidents/00000000-0000-4000-8000-000000000000/retry' }),
  },
  'POST /api/admin/migrations': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({
      path: '/api/admin/migrations',
      body: { definitionKey: f.definitionKey, fromVersion: 1, toVersion: 99 },
    }),
  },
  'POST /api/admin/migrations/plan': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({
      path: '/api/admin/migrations/plan',
      body: { definitionKey: f.definitionKey, fromVersion: 1, toVersion: 99 },
    }),
  },
  'POST /api/messages': { own: ADMIN, request: () => ({ path: '/api/messages', body: {} }) },
  'POST /api/signals': { own: ADMIN, request: () => ({ path: '/api/signals', body: {} }) },
  'GET /api/admin/operations/summary': { own: ADMIN, request: path('/api/admin/operations/summary') },
  'GET /api/admin/operations/jobs': { own: ADMIN, request: path('/api/admin/operations/jobs?limit=200') },
  'GET /api/admin/operations/incidents': {
    own: ADMIN,
    request: path('/api/admin/operations/incidents?limit=200&status=all'),
  },
  'GET /api/admin/operations/sms': { own: ADMIN, request: path('/api/admin/operations/sms?limit=1') },
  'POST /api/admin/operations/sms/:id/retry': {
    own: ADMIN,
    request: () => ({ path: '/api/admin/operations/sms/00000000-0000-4000-8000-000000000000/retry' }),
  },
  'POST /api/admin/operations/incidents/:id/retry': {
    own: ADMIN,
    request: () => ({ path: '/api/admin/operations/incidents/00000000-0000-4000-8000-000000000000/retry' }),
  },
  // Dry runs only: the matrix must not retry or cancel the fixture's instances. Outside the reach the answer is empty (the spec checks nothing leaks).
  'POST /api/admin/operations/incidents/bulk-retry': {
    own: ADMIN,
    request: () => ({ path: '/api/admin/operations/incidents/bulk-retry', body: { dryRun: true, reason: 'ma trận' } }),
  },
  'GET /api/admin/operations/instances': {
    own: ADMIN,
    request: (f) => ({ path: `/api/admin/operations/instances?definitionKey=${f.definitionKey}` }),
  },
  'POST /api/admin/operations/instances/bulk-cancel': {
    own: ADMIN,
    request: (f) => ({
      path: '/api/admin/operations/instances/bulk-cancel',
      body: { dryRun: true, reason: 'ma trận', definitionKey: f.definitionKey },
    }),
  },

  // Tasks: a task of the unit's reception; other units get 404 (no existence oracle); administrators above see it.
  'GET /api/tasks': { own: STAFF, request: path('/api/tasks') },
  'GET /api/tasks/:id': {
    own: ['reception', 'head', 'admin'],
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/tasks/${f.taskId}` }),
  },
  'GET /api/tasks/:id/opinions': {
    own: ['reception', 'head', 'admin'],
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/tasks/${f.taskId}/opinions` }),
  },
  'POST /api/tasks/:id/claim': {
    own: ['reception'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/tasks/${f.taskId}/claim` }),
  },
  'POST /api/tasks/:id/unclaim': {
    own: ['reception', 'head'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/tasks/${f.taskId}/unclaim` }),
  },
  'POST /api/tasks/:id/delegate': {
    own: ['reception', 'head'],
    other: NOBODY,
    found: true,
    request: (f) => ({
      path: `/api/tasks/${f.taskId}/delegate`,
      body: { userId: '00000000-0000-4000-8000-000000000000' },
    }),
  },
  // Bulk actions answer 200 with each step done or refused on its own (refusals per task, not per request);
  // the request names no step of the unit, so nothing changes here. Bulk assign is for heads only.
  'POST /api/tasks/bulk-claim': {
    own: STAFF,
    request: () => ({ path: '/api/tasks/bulk-claim', body: { taskIds: ['00000000-0000-4000-8000-000000000000'] } }),
  },
  'POST /api/tasks/bulk-assign': {
    own: ['head'],
    request: () => ({
      path: '/api/tasks/bulk-assign',
      body: { taskIds: ['00000000-0000-4000-8000-000000000000'], userId: 'specialist' },
    }),
  },
  // The head's officer picker lists the officers of the head's own unit (none for steps of another unit).
  'POST /api/tasks/assignable-officers': {
    own: ['head'],
    request: () => ({
      path: '/api/tasks/assignable-officers',
      body: { taskIds: ['00000000-0000-4000-8000-000000000000'] },
    }),
  },
  // Saved inbox filters: every officer keeps their own; another's or a missing one is 404.
  'GET /api/inbox/filters': { own: STAFF, request: path('/api/inbox/filters') },
  'POST /api/inbox/filters': {
    own: STAFF,
    request: (f) => ({
      path: '/api/inbox/filters',
      body: { name: `Ma trận ${f.unique()}`, filter: { due: 'overdue' } },
    }),
  },
  'DELETE /api/inbox/filters/:id': {
    own: STAFF,
    request: () => ({ path: '/api/inbox/filters/00000000-0000-4000-8000-000000000000' }),
  },
  'POST /api/tasks/:id/complete': {
    own: ['reception'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/tasks/${f.taskId}/complete`, body: { variables: {} } }),
  },
  'GET /api/notifications': { own: STAFF, request: path('/api/notifications') },
  // Live inbox (ADR 0022): any signed-in officer gets a ticket; the stream itself opens only with one, so without it nobody passes.
  'POST /api/inbox/events/ticket': { own: STAFF, request: path('/api/inbox/events/ticket') },
  'GET /api/inbox/events': { own: NOBODY, request: path('/api/inbox/events') },
  'POST /api/notifications/:id/read': {
    own: STAFF,
    request: () => ({ path: '/api/notifications/00000000-0000-4000-8000-000000000000/read' }),
  },
  // Calendar: any officer reads; administrators change.
  'GET /api/calendar/holidays': { own: STAFF, request: path('/api/calendar/holidays?year=2027') },
  'PUT /api/calendar/holidays': {
    own: ADMIN,
    request: () => ({ path: '/api/calendar/holidays?year=2199', body: { holidays: 'x' } }),
  },
  'DELETE /api/calendar/holidays': { own: ADMIN, request: () => ({ path: '/api/calendar/holidays?year=2199' }) },
  'GET /api/calendar/office-hours': {
    own: STAFF,
    request: (f) => ({ path: `/api/calendar/office-hours?unit=${f.unitCode}` }),
  },
  'PUT /api/calendar/office-hours': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({
      path: `/api/calendar/office-hours?unit=${f.unitCode}`,
      body: {
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '13:00', end: '17:00' },
        ],
      },
    }),
  },
  'DELETE /api/calendar/office-hours': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    request: (f) => ({ path: `/api/calendar/office-hours?unit=${f.unitCode}` }),
  },
  'GET /api/calendar/preview': {
    own: STAFF,
    request: path('/api/calendar/preview?duration=2d&from=2027-03-01T08:00:00%2B07:00'),
  },

  // Catalog: public reads; administrators edit (unknown codes, so nothing changes).
  'GET /api/procedures': { own: ANYONE, request: path('/api/procedures') },
  'GET /api/procedures/:code': { own: ANYONE, found: true, request: path('/api/procedures/1.001612') },
  'GET /api/procedures/:code/forms/:file': {
    own: ANYONE,
    request: path('/api/procedures/1.001612/forms/khong-co.docx'),
  },
  'GET /api/admin/procedures': { own: ADMIN, request: path('/api/admin/procedures') },
  'GET /api/admin/procedures/export': { own: ADMIN, request: path('/api/admin/procedures/export') },
  'POST /api/admin/procedures/import': {
    own: ADMIN,
    request: () => ({ path: '/api/admin/procedures/import', body: { procedures: 'x' } }),
  },
  'GET /api/admin/procedures/:code': { own: ADMIN, found: true, request: path('/api/admin/procedures/1.001612') },
  'POST /api/admin/procedures': { own: ADMIN, request: () => ({ path: '/api/admin/procedures', body: {} }) },
  // A procedure belongs to its owning unit (issue 15): administrators of that unit or above change it.
  'PUT /api/admin/procedures/:code': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/procedures/${f.procedureCode}`, body: procedureBody(f) }),
  },
  'POST /api/admin/procedures/:code/publish': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/procedures/${f.procedureCode}/publish` }),
  },
  'POST /api/admin/procedures/:code/unpublish': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/procedures/${f.procedureCode}/unpublish` }),
  },
  'POST /api/admin/procedures/:code/forms': {
    own: ADMIN,
    other: NOBODY,
    above: ADMIN,
    found: true,
    request: (f) => ({ path: `/api/admin/procedures/${f.procedureCode}/forms` }),
  },

  // Dossiers: the city's staff; another unit's staff get 404.
  'POST /api/dossiers': { own: ['reception'], request: () => ({ path: '/api/dossiers', body: {} }) },
  'GET /api/dossiers': { own: STAFF, request: path('/api/dossiers?limit=5') },
  'GET /api/dossiers/:code': {
    own: STAFF,
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}` }),
  },
  'GET /api/dossiers/:code/receipt.pdf': {
    own: STAFF,
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/receipt.pdf` }),
  },
  'GET /api/dossiers/:code/control-slip.pdf': {
    own: STAFF,
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/control-slip.pdf` }),
  },
  'GET /api/dossiers/:code/supplement-draft': {
    own: ['reception', 'leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/supplement-draft` }),
  },
  'GET /api/dossiers/:code/appointment-proposals': {
    own: ['reception', 'leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/appointment-proposals` }),
  },
  'GET /api/dossiers/:code/forms/:form': {
    own: STAFF,
    other: NOBODY,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/forms/02` }),
  },
  // Files (issue 16): the dossier's read rule; the upload is a real one-file multipart body.
  'POST /api/dossiers/:code/files': {
    own: STAFF,
    other: NOBODY,
    found: true,
    request: (f) => ({
      path: `/api/dossiers/${f.taskDossier}/files`,
      body: RESULT_UPLOAD,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    }),
  },
  'GET /api/dossiers/:code/files': {
    own: STAFF,
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.taskDossier}/files` }),
  },
  'GET /api/dossiers/:code/files/:id': {
    own: STAFF,
    other: NOBODY,
    request: (f) => ({ path: `/api/dossiers/${f.taskDossier}/files/00000000-0000-4000-8000-000000000000` }),
  },
  'POST /api/dossiers/:code/supplement-request': {
    own: ['reception', 'leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({
      path: `/api/dossiers/${f.actionDossier}/supplement-request`,
      body: { reason: 'Thiếu bản sao giấy tờ' },
    }),
  },
  'POST /api/dossiers/:code/supplement-received': {
    own: ['reception', 'leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/supplement-received`, body: {} }),
  },
  'POST /api/dossiers/:code/apology': {
    own: ['leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({
      path: `/api/dossiers/${f.actionDossier}/apology`,
      body: { reason: 'Chậm do xác minh', newAppointmentAt: '2027-12-01T08:00:00+07:00' },
    }),
  },
  'POST /api/dossiers/:code/return': {
    own: ['reception'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/return`, body: {} }),
  },
  'POST /api/dossiers/:code/refuse': {
    own: ['reception', 'leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/refuse`, body: { reason: 'Không đủ điều kiện' } }),
  },
  'POST /api/dossiers/:code/withdraw': {
    own: ['reception', 'leader'],
    other: NOBODY,
    found: true,
    request: (f) => ({ path: `/api/dossiers/${f.actionDossier}/withdraw`, body: { reason: 'Công dân rút hồ sơ' } }),
  },

  // Reports: leaders and administrators of the unit or above.
  'GET /api/reports/units': { own: REPORTS, request: path('/api/reports/units') },
  'GET /api/reports/summary': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/summary?${PERIOD}&unit=${f.city}` }),
  },
  'GET /api/reports/periodic': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/periodic?kind=six-monthly&year=2026&half=1&unit=${f.city}` }),
  },
  'GET /api/reports/trend': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/trend?${PERIOD}&unit=${f.city}` }),
  },
  'GET /api/reports/breakdown': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/breakdown?${PERIOD}&unit=${f.city}` }),
  },
  'GET /api/reports/overdue': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/overdue?unit=${f.city}` }),
  },
  'GET /api/reports/ratings': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/ratings?${PERIOD}&unit=${f.city}` }),
  },
  'GET /api/reports/heatmap': {
    own: REPORTS,
    other: NOBODY,
    above: REPORTS,
    request: (f) => ({ path: `/api/reports/heatmap?procedure=1.001612&${PERIOD}&unit=${f.city}` }),
  },

  // The desk's queue of online submissions (issue 18 item 3): reception officers, each of its own unit's submissions
  // (a submission of another unit reads as 404 SUBMISSION_NOT_FOUND; the flow: test/e2e/online-submission.e2e-spec.ts).
  'GET /api/online-desk/submissions': { own: ['reception'], request: path('/api/online-desk/submissions') },
  'GET /api/online-desk/submissions/:id': {
    own: ['reception'],
    request: path('/api/online-desk/submissions/00000000-0000-4000-8000-000000000000'),
  },
  'GET /api/online-desk/submissions/:id/files/:fileId': {
    own: ['reception'],
    request: path(
      '/api/online-desk/submissions/00000000-0000-4000-8000-000000000000/files/00000000-0000-4000-8000-000000000000',
    ),
  },
  'POST /api/online-desk/submissions/:id/accept': {
    own: ['reception'],
    request: () => ({ path: '/api/online-desk/submissions/00000000-0000-4000-8000-000000000000/accept', body: {} }),
  },
  'POST /api/online-desk/submissions/:id/supplement-request': {
    own: ['reception'],
    request: () => ({
      path: '/api/online-desk/submissions/00000000-0000-4000-8000-000000000000/supplement-request',
      body: { reason: 'Thiếu giấy tờ' },
    }),
  },
  'POST /api/online-desk/submissions/:id/refuse': {
    own: ['reception'],
    request: () => ({
      path: '/api/online-desk/submissions/00000000-0000-4000-8000-000000000000/refuse',
      body: { reason: 'Không thuộc thẩm quyền' },
    }),
  },

  // Citizens' channels.
  'GET /api/public/dossiers/:code': {
    own: ANYONE,
    found: true,
    request: (f) => ({ path: `/api/public/dossiers/${f.actionDossier}` }),
  },
  'GET /api/public/stats': { own: ANYONE, request: path('/api/public/stats') },
  // Citizens (ADR 0027): the sign-in is open to anyone (an empty body: 400); every other citizen route needs a
  // citizen token, which no officer holds and no staff token replaces (test/e2e/citizen-auth.e2e-spec.ts).
  'POST /api/citizen/auth/code': { own: ANYONE, request: () => ({ path: '/api/citizen/auth/code', body: {} }) },
  'POST /api/citizen/auth/verify': { own: ANYONE, request: () => ({ path: '/api/citizen/auth/verify', body: {} }) },
  'POST /api/citizen/auth/sign-out': { own: NOBODY, request: () => ({ path: '/api/citizen/auth/sign-out' }) },
  'GET /api/citizen/me': { own: NOBODY, request: path('/api/citizen/me') },
  'GET /api/citizen/dossiers': { own: NOBODY, request: path('/api/citizen/dossiers') },
  'GET /api/citizen/dossiers/:code': {
    own: NOBODY,
    request: (f) => ({ path: `/api/citizen/dossiers/${f.actionDossier}` }),
  },
  'GET /api/citizen/dossiers/:code/results': {
    own: NOBODY,
    request: (f) => ({ path: `/api/citizen/dossiers/${f.actionDossier}/results` }),
  },
  'GET /api/citizen/dossiers/:code/results/:id': {
    own: NOBODY,
    request: (f) => ({ path: `/api/citizen/dossiers/${f.actionDossier}/results/00000000-0000-4000-8000-000000000000` }),
  },
  // Online submission, the citizen's side (issue 18 item 3): a citizen token only (test/e2e/online-submission.e2e-spec.ts).
  'POST /api/online/procedures/:code/files': {
    own: NOBODY,
    request: () => ({
      path: '/api/online/procedures/1.001612/files',
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="documentKey"\r\n\r\ngiay-de-nghi\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 matrix\r\n--${BOUNDARY}--\r\n`,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    }),
  },
  'POST /api/online/procedures/:code/submissions': {
    own: NOBODY,
    request: () => ({ path: '/api/online/procedures/1.001612/submissions', body: {} }),
  },
  'GET /api/online/submissions': { own: NOBODY, request: path('/api/online/submissions') },
  'GET /api/online/submissions/:id': {
    own: NOBODY,
    request: path('/api/online/submissions/00000000-0000-4000-8000-000000000000'),
  },
  'GET /api/online/submissions/:id/files/:fileId': {
    own: NOBODY,
    request: path(
      '/api/online/submissions/00000000-0000-4000-8000-000000000000/files/00000000-0000-4000-8000-000000000000',
    ),
  },
  'POST /api/online/submissions/:id/payments': {
    own: NOBODY,
    request: () => ({ path: '/api/online/submissions/00000000-0000-4000-8000-000000000000/payments' }),
  },
  'POST /api/online/submissions/:id/resubmit': {
    own: NOBODY,
    request: () => ({ path: '/api/online/submissions/00000000-0000-4000-8000-000000000000/resubmit', body: {} }),
  },
  // The result files need the lookup key printed on the receipt: without it nobody passes (the key: test/e2e/files.e2e-spec.ts).
  'GET /api/public/dossiers/:code/results': {
    own: NOBODY,
    request: (f) => ({ path: `/api/public/dossiers/${f.actionDossier}/results` }),
  },
  // Form 01 by code and lookup key (the SMS of an accepted online submission): without the key nobody passes.
  'GET /api/public/dossiers/:code/receipt.pdf': {
    own: NOBODY,
    request: (f) => ({ path: `/api/public/dossiers/${f.actionDossier}/receipt.pdf` }),
  },
  'GET /api/public/dossiers/:code/results/:id': {
    own: NOBODY,
    request: (f) => ({ path: `/api/public/dossiers/${f.actionDossier}/results/00000000-0000-4000-8000-000000000000` }),
  },
  // Paying a fee needs the lookup key printed on the receipt: without it nobody passes (the key: test/e2e/payments.e2e-spec.ts).
  'POST /api/public/dossiers/:code/payments': {
    own: NOBODY,
    request: (f) => ({ path: `/api/public/dossiers/${f.actionDossier}/payments`, body: {} }),
  },
  // The return page's check and VNPay's IPN take no account: the gateway's signature is the credential (an unsigned
  // request answers 400 and changes nothing: test/e2e/payments.e2e-spec.ts).
  'GET /api/public/payments/return': {
    own: ANYONE,
    request: path('/api/public/payments/return?vnp_TxnRef=MC000000000000&vnp_ResponseCode=00'),
  },
  'GET /api/payments/vnpay/ipn': {
    own: ANYONE,
    request: path('/api/payments/vnpay/ipn?vnp_TxnRef=MC000000000000&vnp_ResponseCode=00'),
  },
  // Satisfaction ratings (ADR 0030): the criteria are public; a rating needs the receipt's lookup key, so nobody passes without it
  // (the key and the rating itself: test/e2e/ratings.e2e-spec.ts).
  'GET /api/public/rating-criteria': { own: ANYONE, request: path('/api/public/rating-criteria') },
  'POST /api/public/dossiers/:code/rating': {
    own: NOBODY,
    request: (f) => ({ path: `/api/public/dossiers/${f.actionDossier}/rating`, body: { key: 'ZZZZZZ', overall: 5 } }),
  },
  // Administrators edit the criteria (unknown codes, so nothing changes).
  'GET /api/admin/rating-criteria': { own: ADMIN, request: path('/api/admin/rating-criteria') },
  // A code of the default set: an administrator gets 409 RATING_CRITERION_EXISTS and nothing is added (a new criterion
  // would be asked of every citizen in the suites after this one).
  'POST /api/admin/rating-criteria': {
    own: ADMIN,
    request: (f) => ({
      path: '/api/admin/rating-criteria',
      body: { code: 'thoi-gian', label: `Thử quyền ${f.unique()}` },
    }),
  },
  'PATCH /api/admin/rating-criteria/:code': {
    own: ADMIN,
    request: () => ({ path: '/api/admin/rating-criteria/khong-co-tieu-chi', body: { label: 'Thử quyền' } }),
  },
  // Only the SMS gateway (x-sms-secret): no account, officer or administrator passes without it.
  'POST /api/sms/inbound': {
    own: NOBODY,
    request: (f) => ({ path: '/api/sms/inbound', body: { from: '0905000000', text: `HS ${f.actionDossier}` } }),
  },
};

/** A valid catalog entry for the fixture's procedure (the PUT must reach the scope check). */
export function procedureBody(f: Fixture): object {
  return {
    name: 'Thủ tục thử quyền',
    field: 'Thử quyền',
    level: 'district',
    legalTime: { days: 3 },
    fee: 0,
    requiredDocuments: [{ code: 'don', name: 'Đơn đề nghị', kind: 'original', required: true }],
    processKey: f.definitionKey,
    channels: ['direct'],
    published: true,
  };
}

/** A one-step diagram under `key`, its step in the receiving unit. */
export function diagram(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="urn:motcua:bpmn:1" id="Defs_${key}" targetNamespace="urn:motcua:test">
  <bpmn:process id="${key}" name="Quy trình thử quyền" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_TiepNhan" name="Tiếp nhận" mc:unit="receiving" mc:candidateGroups="reception"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_TiepNhan" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_TiepNhan" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

function unitCode(f: Fixture): string {
  const digits = f.unique().replace(/\D/g, '').padEnd(5, '7');
  return `9${digits.slice(0, 2)}.${digits.slice(2, 4)}.20.H15`;
}
