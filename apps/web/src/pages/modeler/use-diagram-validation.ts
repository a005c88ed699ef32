import type Modeler from 'bpmn-js/lib/Modeler';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { validateDefinition, type ValidationIssueView } from '../../api/definitions.api';
import { ApiError } from '../../api/client';
import type { IssueOverlays } from '../../modeler/issues/issue-overlays';
import { lintDiagram } from '../../modeler/lint/diagram.linter';
import type { DiagramIssue } from '../../modeler/lint/issue.types';
import { DOCUMENT_ERROR_CODES, serverMessage } from '../../modeler/lint/lint-messages.vi';
import type { ModdleElement } from '../../modeler/moddle.types';

const LINT_DELAY_MS = 250;
const SERVER_DELAY_MS = 800;

/** `unavailable`: this server has no `POST /api/definitions/validate`; errors then come with the deploy. */
export type ServerCheck = 'idle' | 'checking' | 'ok' | 'unavailable' | 'failed';

/** Server findings as the modeler shows them. */
export function fromServer(views: ValidationIssueView[], severity: DiagramIssue['severity']): DiagramIssue[] {
  return views.map((view) => ({
    elementId: view.elementId ?? '',
    code: view.code,
    message: serverMessage(view.code, view.message),
    severity,
    source: 'server',
  }));
}

/**
 * Live validation: bpmnlint and the `mc:` checks in the browser right after each change, the
 * server's validator (the engine's own verdict) a little later. Findings go onto the elements.
 * A finding both make is shown once, in the server's words.
 */
export function useDiagramValidation(
  modeler: Modeler | null,
  revision: number,
  unitCodes: ReadonlySet<string>,
  extra: DiagramIssue[],
) {
  const [lintIssues, setLintIssues] = useState<DiagramIssue[]>([]);
  const [serverIssues, setServerIssues] = useState<DiagramIssue[]>([]);
  const [server, setServer] = useState<ServerCheck>('idle');
  const serverAvailable = useRef(true);
  const ticket = useRef(0);

  useEffect(() => {
    if (!modeler || revision === 0) return;
    const current = ++ticket.current;
    // Findings of the previous version would point at things that may be fixed by now.
    setServerIssues([]);
    const lintTimer = window.setTimeout(async () => {
      const issues = await lintDiagram(modeler.getDefinitions() as unknown as ModdleElement, unitCodes);
      if (current === ticket.current) setLintIssues(issues);
    }, LINT_DELAY_MS);
    const serverTimer = window.setTimeout(async () => {
      if (!serverAvailable.current) return;
      setServer('checking');
      try {
        const { xml } = await modeler.saveXML();
        const verdict = await validateDefinition(xml ?? '');
        if (current !== ticket.current) return;
        setServerIssues([
          ...fromServer(verdict.errors ?? [], 'error'),
          ...fromServer(verdict.warnings ?? [], 'warning'),
        ]);
        setServer('ok');
      } catch (cause) {
        if (current !== ticket.current) return;
        if (cause instanceof ApiError && (cause.statusCode === 404 || cause.statusCode === 405)) {
          serverAvailable.current = false;
          setServer('unavailable');
        } else if (cause instanceof ApiError && cause.statusCode === 400 && Array.isArray(cause.details)) {
          setServerIssues(fromServer(cause.details as ValidationIssueView[], 'error'));
          setServer('ok');
        } else if (cause instanceof ApiError && DOCUMENT_ERROR_CODES.has(cause.code)) {
          setServerIssues(fromServer([{ elementId: '', code: cause.code, message: cause.message }], 'error'));
          setServer('ok');
        } else {
          setServer('failed');
        }
      }
    }, SERVER_DELAY_MS);
    return () => {
      window.clearTimeout(lintTimer);
      window.clearTimeout(serverTimer);
    };
  }, [modeler, revision, unitCodes]);

  const issues = useMemo(() => {
    const said = new Set(serverIssues.map((issue) => `${issue.elementId}\u0000${issue.code}`));
    const own = lintIssues.filter((issue) => !said.has(`${issue.elementId}\u0000${issue.code}`));
    return sortIssues([...serverIssues, ...own, ...extra]);
  }, [lintIssues, serverIssues, extra]);

  useEffect(() => {
    if (!modeler) return;
    modeler.get<IssueOverlays>('issueOverlays').show(issues);
  }, [modeler, issues]);

  /** Errors of a refused deploy (400 BPMN_INVALID), shown until the next change. */
  const showDeployErrors = useCallback(
    (views: ValidationIssueView[]) => setServerIssues(fromServer(views, 'error')),
    [],
  );

  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { issues, errors, warnings: issues.length - errors, server, showDeployErrors };
}

function sortIssues(issues: DiagramIssue[]): DiagramIssue[] {
  return [...issues].sort((a, b) =>
    a.severity === b.severity ? a.elementId.localeCompare(b.elementId) : a.severity === 'error' ? -1 : 1,
  );
}
