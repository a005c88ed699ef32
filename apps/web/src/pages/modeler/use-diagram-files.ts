import { deployRefusalMessage } from './deploy-error.message';
import { App } from 'antd';
import type Modeler from 'bpmn-js/lib/Modeler';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { deployDefinition, definitionXml, type ValidationIssueView } from '../../api/definitions.api';
import { reportError } from '../../api/report-error';
import { DOCUMENT_ERROR_CODES, VALIDATION_MESSAGES } from '../../modeler/lint/lint-messages.vi';
import { findVendorAssignments, type VendorAssignment } from '../../modeler/camunda/vendor-assignments';
import type { ModdleElement } from '../../modeler/moddle.types';
import { newProcessKey, oneStopTemplate } from '../../modeler/template/one-stop.template';
import { downloadText, safeFileName } from './diagram-file';
import { mainProcess } from './use-time-budget';

/** Where the diagram on the canvas came from. */
export type DiagramOrigin =
  { kind: 'template' } | { kind: 'deployed'; key: string; version?: number } | { kind: 'file'; fileName: string };

interface Options {
  /** Errors of a refused deploy, to be shown on their elements. */
  onDeployRefused(errors: ValidationIssueView[]): void;
  /** A deploy refused for steps on units outside the administrator's reach (`UNIT_NOT_ADMINISTERED`). */
  onUnitsRefused(cause: ApiError): void;
}

/** New, open, import, download and deploy, with the "unsaved changes" guard. */
export function useDiagramFiles(modeler: Modeler | null, { onDeployRefused, onUnitsRefused }: Options) {
  const { message, modal } = App.useApp();
  const [origin, setOrigin] = useState<DiagramOrigin | null>(null);
  const [dirty, setDirty] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const [vendorAssignments, setVendorAssignments] = useState<VendorAssignment[]>([]);

  useEffect(() => {
    if (!modeler) return;
    const changed = () => setDirty(true);
    modeler.on('commandStack.changed', changed);
    return () => modeler.off('commandStack.changed', changed);
  }, [modeler]);

  const load = useCallback(
    async (xml: string, from: DiagramOrigin): Promise<boolean> => {
      if (!modeler) return false;
      try {
        const { warnings } = await modeler.importXML(xml);
        const canvas = modeler.get<{ zoom(level: string | number, center?: string): number }>('canvas');
        if (canvas.zoom('fit-viewport', 'auto') > 1) canvas.zoom(1, 'auto');
        setOrigin(from);
        setDirty(false);
        setVendorAssignments(findVendorAssignments(modeler.getDefinitions() as unknown as ModdleElement));
        if (warnings.length)
          message.warning(`Đã mở sơ đồ; ${warnings.length} chi tiết không đọc được và sẽ bị bỏ qua.`);
        return true;
      } catch (cause) {
        message.error(`Không đọc được tệp BPMN: ${cause instanceof Error ? cause.message : String(cause)}`);
        return false;
      }
    },
    [modeler, message],
  );

  /** Runs `action` now, or after the administrator agrees to drop unsaved changes. */
  const guard = useCallback(
    (action: () => void) => {
      if (!dirty) return action();
      modal.confirm({
        title: 'Bỏ các thay đổi chưa triển khai?',
        content: 'Sơ đồ hiện tại có thay đổi chưa được triển khai hoặc tải về.',
        okText: 'Bỏ thay đổi',
        cancelText: 'Ở lại',
        okButtonProps: { danger: true },
        onOk: action,
      });
    },
    [dirty, modal],
  );

  const newFromTemplate = useCallback(() => load(oneStopTemplate(newProcessKey()), { kind: 'template' }), [load]);

  const openDeployed = useCallback(
    async (key: string, version?: number) => {
      try {
        await load(await definitionXml(key, version), { kind: 'deployed', key, version });
      } catch (cause) {
        reportError(message, cause);
      }
    },
    [load, message],
  );

  const importFile = useCallback(
    async (file: File) => load(await file.text(), { kind: 'file', fileName: file.name }),
    [load],
  );

  const downloadXml = useCallback(async () => {
    if (!modeler) return;
    const { xml } = await modeler.saveXML({ format: true });
    downloadText(xml ?? '', `${baseName(modeler)}.bpmn`, 'application/xml');
  }, [modeler]);

  const downloadSvg = useCallback(async () => {
    if (!modeler) return;
    const { svg } = await modeler.saveSVG();
    downloadText(svg, `${baseName(modeler)}.svg`, 'image/svg+xml');
  }, [modeler]);

  const deploy = useCallback(async () => {
    if (!modeler) return;
    setDeploying(true);
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const result = await deployDefinition(xml ?? '');
      setOrigin({ kind: 'deployed', key: result.key, version: result.version });
      setDirty(false);
      const warnings = result.warnings?.length ? ` (${result.warnings.length} cảnh báo)` : '';
      message.success(`Đã triển khai phiên bản ${result.version} của quy trình ${result.key}${warnings}`);
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'BPMN_INVALID' && Array.isArray(cause.details)) {
        onDeployRefused(cause.details as ValidationIssueView[]);
        message.error(
          `Chưa triển khai được: sơ đồ có ${cause.details.length} lỗi (xem trên sơ đồ và danh sách bên dưới).`,
        );
      } else if (cause instanceof ApiError && cause.code === 'UNIT_NOT_ADMINISTERED') {
        onUnitsRefused(cause);
      } else if (deployRefusalMessage(cause)) {
        message.error(deployRefusalMessage(cause), 10);
      } else if (cause instanceof ApiError && DOCUMENT_ERROR_CODES.has(cause.code)) {
        message.error(`Chưa triển khai được: ${VALIDATION_MESSAGES[cause.code] ?? cause.message}`);
      } else {
        reportError(message, cause);
      }
    } finally {
      setDeploying(false);
    }
  }, [modeler, message, onDeployRefused, onUnitsRefused]);

  return {
    origin,
    dirty,
    deploying,
    vendorAssignments,
    setVendorAssignments,
    guard,
    newFromTemplate,
    openDeployed,
    importFile,
    downloadXml,
    downloadSvg,
    deploy,
  };
}

function baseName(modeler: Modeler): string {
  return safeFileName(mainProcess(modeler)?.id ?? 'quy-trinh');
}
