import { Alert, App, Button, Result } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth.context';
import type { McLookups } from '../../modeler/properties/mc-lookups';
import type { IssueOverlays } from '../../modeler/issues/issue-overlays';
import type { DiagramElement } from '../../modeler/moddle.types';
import { PartnersModal, type PartnersTarget } from '../admin/partners.modal';
import { unitLabel } from '../admin/unit-tree';
import { deployRefusalMessage } from './deploy-error.message';
import { IssuesList } from './issues-list';
import { ModelerToolbar } from './modeler-toolbar';
import { OpenDefinitionModal } from './open-definition.modal';
import { TimeBudgetTag } from './time-budget.tag';
import { useBpmnModeler } from './use-bpmn-modeler';
import { useDiagramFiles } from './use-diagram-files';
import { useUnsavedChanges } from '../../layout/use-unsaved-changes';
import { useDiagramRevision } from './use-diagram-revision';
import { useDiagramValidation } from './use-diagram-validation';
import { useProcedureCatalog } from './use-procedure-catalog';
import { useTimeBudget } from './use-time-budget';
import { useUnits } from './use-units';
import { VendorConversionAlert } from './vendor-conversion.alert';

/** Thiết kế quy trình (administrators): draw, check and deploy a procedure's BPMN diagram. */
export default function ModelerPage() {
  const { user } = useAuth();
  if (!user?.roles.includes('admin')) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Chỉ quản trị viên được thiết kế và triển khai quy trình."
      />
    );
  }
  return <ModelerWorkspace />;
}

function ModelerWorkspace() {
  const { message } = App.useApp();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modeler = useBpmnModeler(canvasRef, panelRef);
  const revision = useDiagramRevision(modeler);
  const unitCodes = useUnits(modeler);
  useProcedureCatalog(modeler);
  const budget = useTimeBudget(modeler, revision);
  const validation = useDiagramValidation(modeler, revision, unitCodes, budget.issues);
  // A deploy refused for units outside the administrator's reach: the way out is to declare them partners.
  const [refusal, setRefusal] = useState<{ text: string; units: string[] } | null>(null);
  const [partnersOf, setPartnersOf] = useState<PartnersTarget | null>(null);
  const onUnitsRefused = useCallback(
    (cause: ApiError) => {
      const units = modeler?.get<McLookups>('mcLookups').units ?? [];
      const refused = (cause.details as { units?: unknown } | undefined)?.units;
      setRefusal({
        text: deployRefusalMessage(cause, (code) => unitLabel(units, code)) ?? cause.message,
        units: Array.isArray(refused) ? refused.map(String) : [],
      });
    },
    [modeler],
  );
  const files = useDiagramFiles(modeler, { onDeployRefused: validation.showDeployErrors, onUnitsRefused });
  useUnsavedChanges(files.dirty, 'Sơ đồ đang vẽ');
  const [choosing, setChoosing] = useState(false);
  const [params] = useSearchParams();

  // Opens `/modeler?key=…&version=…` (a link from elsewhere), or a fresh template.
  const { openDeployed, newFromTemplate } = files;
  useEffect(() => {
    if (!modeler) return;
    const key = params.get('key');
    if (key) void openDeployed(key, Number(params.get('version')) || undefined);
    else void newFromTemplate();
    // Only once per modeler: later changes of the URL do not replace the diagram being drawn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modeler]);

  const nameOf = useCallback(
    (elementId: string) => {
      const name = modeler?.get<{ get(id: string): DiagramElement | undefined }>('elementRegistry').get(elementId)
        ?.businessObject.name;
      return name?.replace(/\s+/g, ' ').trim() || undefined;
    },
    [modeler],
  );

  const reveal = useCallback(
    (elementId: string) => modeler?.get<IssueOverlays>('issueOverlays').reveal(elementId) ?? false,
    [modeler],
  );

  const convertVendorAssignments = () => {
    if (!modeler) return;
    const registry = modeler.get<{ get(id: string): DiagramElement | undefined }>('elementRegistry');
    const modeling = modeler.get<{ updateProperties(element: DiagramElement, props: Record<string, unknown>): void }>(
      'modeling',
    );
    let converted = 0;
    for (const assignment of files.vendorAssignments) {
      const element = registry.get(assignment.elementId);
      const properties: Record<string, unknown> = {};
      if (assignment.candidateGroups) properties['mc:candidateGroups'] = assignment.candidateGroups;
      if (assignment.duration) properties['mc:duration'] = assignment.duration;
      if (!element || Object.keys(properties).length === 0) continue;
      modeling.updateProperties(element, properties);
      converted++;
    }
    files.setVendorAssignments([]);
    message.success(`Đã chuyển ${converted} bước sang thuộc tính mc:. Có thể hoàn tác bằng Ctrl+Z.`);
  };

  return (
    <div className="mc-modeler" data-testid="modeler-page">
      <ModelerToolbar
        origin={files.origin}
        processKey={budget.processId}
        dirty={files.dirty}
        errors={validation.errors}
        deploying={files.deploying}
        onNew={() => files.guard(() => void files.newFromTemplate())}
        onOpen={() => files.guard(() => setChoosing(true))}
        onImport={(file) => files.guard(() => void files.importFile(file))}
        onDownloadXml={() => void files.downloadXml()}
        onDownloadSvg={() => void files.downloadSvg()}
        onDeploy={() => {
          setRefusal(null);
          void files.deploy();
        }}
        onPartners={() => budget.processId && setPartnersOf({ key: budget.processId })}
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          title={refusal.text}
          data-testid="deploy-refusal"
          action={
            budget.processId && (
              <Button
                size="small"
                onClick={() => budget.processId && setPartnersOf({ key: budget.processId, add: refusal.units })}
                data-testid="deploy-refusal-partners"
              >
                Khai báo đơn vị phối hợp
              </Button>
            )
          }
        />
      )}
      <VendorConversionAlert
        assignments={files.vendorAssignments}
        onConvert={convertVendorAssignments}
        onDismiss={() => files.setVendorAssignments([])}
      />
      <div className="mc-modeler__body">
        <div className="mc-modeler__stage">
          <div className="mc-modeler__canvas" ref={canvasRef} data-testid="modeler-canvas" />
          <div className="mc-modeler__budget">
            <TimeBudgetTag budget={budget} />
          </div>
        </div>
        <div className="mc-modeler__panel" ref={panelRef} data-testid="properties-panel" />
      </div>
      <IssuesList issues={validation.issues} server={validation.server} onReveal={reveal} nameOf={nameOf} />
      <PartnersModal
        target={partnersOf}
        onClose={() => setPartnersOf(null)}
        onSaved={(saved) => {
          setPartnersOf(null);
          setRefusal(null);
          message.success(
            `Đã lưu ${saved.partnerUnitCodes.length} đơn vị phối hợp của quy trình ${saved.key}. Có thể triển khai lại.`,
          );
        }}
      />
      <OpenDefinitionModal
        open={choosing}
        onClose={() => setChoosing(false)}
        onOpen={(key, version) => {
          setChoosing(false);
          void files.openDeployed(key, version);
        }}
      />
    </div>
  );
}
