import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useMemo, useState } from 'react';
import type { DiagramIssue } from '../../modeler/lint/issue.types';
import type { ModdleElement } from '../../modeler/moddle.types';
import type { McLookups, ProcedureInfo } from '../../modeler/properties/mc-lookups';
import { processBudget, stepHours } from '../../modeler/time-budget/budget.collector';
import { describeWorkingHours } from '../../modeler/time-budget/step-duration';
import { loadProcedure } from './modeler-lookups';

const LOOKUP_DELAY_MS = 500;

export interface TimeBudget {
  processId: string | null;
  processName: string | null;
  procedureCode: string | null;
  /** Working hours along the heaviest path. */
  hours: number;
  /** Names of the steps on that path that take time. */
  steps: string[];
  procedure: ProcedureInfo | null;
  /** The TIME_BUDGET_EXCEEDED warning, when the legal time is known and exceeded. */
  issues: DiagramIssue[];
}

/** The executable process the deploy key comes from (the first, as the server deploys it). */
export function mainProcess(modeler: Modeler): ModdleElement | null {
  const definitions = modeler.getDefinitions() as unknown as ModdleElement | undefined;
  const processes = ((definitions?.rootElements ?? []) as ModdleElement[]).filter((root) =>
    root.$instanceOf('bpmn:Process'),
  );
  return processes.find((process) => process.isExecutable) ?? processes[0] ?? null;
}

/** Step durations along the longest path against the procedure's legal time (DESIGN §2 validate). */
export function useTimeBudget(modeler: Modeler | null, revision: number): TimeBudget {
  const [procedure, setProcedure] = useState<ProcedureInfo | null>(null);

  const base = useMemo(() => {
    const process = modeler && revision > 0 ? mainProcess(modeler) : null;
    if (!process) return { processId: null, processName: null, procedureCode: null, hours: 0, steps: [] as string[] };
    const budget = processBudget(process);
    const elements = new Map(
      ((process.flowElements ?? []) as ModdleElement[]).map((element) => [element.id as string, element]),
    );
    return {
      processId: process.id as string,
      processName: (process.name as string | undefined) ?? null,
      procedureCode: ((process.get('mc:procedureCode') as string | undefined) ?? '').trim() || null,
      hours: budget.hours,
      steps: budget.path
        .map((id) => elements.get(id))
        .filter((element): element is ModdleElement => !!element && stepHours(element) > 0)
        .map((element) => (element.name as string | undefined) ?? element.id),
    };
  }, [modeler, revision]);

  const code = base.procedureCode;
  useEffect(() => {
    if (!modeler) return;
    const lookups = modeler.get<McLookups>('mcLookups');
    if (!code) {
      setProcedure(null);
      lookups.setProcedure(null);
      return;
    }
    let cancelled = false;
    const loading: ProcedureInfo = { code, state: 'loading' };
    setProcedure(loading);
    lookups.setProcedure(loading);
    const timer = window.setTimeout(async () => {
      const found = await loadProcedure(code);
      if (cancelled) return;
      setProcedure(found);
      lookups.setProcedure(found);
    }, LOOKUP_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [modeler, code]);

  const issues = useMemo<DiagramIssue[]>(() => {
    const legal = procedure?.state === 'found' ? procedure.legalHours : undefined;
    if (legal === undefined || base.hours <= legal || !base.processId) return [];
    return [
      {
        elementId: base.processId,
        code: 'TIME_BUDGET_EXCEEDED',
        severity: 'warning',
        source: 'modeler',
        message: `Tổng thời hạn các bước (${describeWorkingHours(base.hours)}) vượt thời hạn giải quyết theo quy định (${procedure?.sameDay ? 'trong ngày: 1 ngày làm việc' : describeWorkingHours(legal)})`,
      },
    ];
  }, [base, procedure]);

  return { ...base, procedure, issues };
}
