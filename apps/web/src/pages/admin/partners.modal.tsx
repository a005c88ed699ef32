import { Alert, Descriptions, Modal, Spin, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth.context';
import type { UnitOption } from '../../modeler/properties/mc-lookups';
import { loadUnits } from '../modeler/modeler-lookups';
import { adminErrorMessage } from './admin-labels';
import { ownershipApi, type KeyOwnership } from './ownership.api';
import { flatUnitOptions, unitLabel } from './unit-tree';
import { foldedTitleSearch } from '../../search/folded-search';

export interface PartnersTarget {
  /** The process key (the `id` of the diagram's process). */
  key: string;
  /** Units to add to the declared ones, e.g. those a deploy was refused for. */
  add?: readonly string[];
}

interface Loaded {
  units: UnitOption[];
  /** Null: the key was never deployed (saving claims it for the administrator's unit). */
  ownership: KeyOwnership | null;
}

/**
 * "Đơn vị phối hợp liên thông" of a process key (issue 15): shows the owning unit and edits the
 * units outside it whose officers the key's diagrams may send steps to. The server decides who
 * may change them (the owner's administrators); its refusal is shown in Vietnamese here.
 */
export function PartnersModal(props: {
  target: PartnersTarget | null;
  onClose(): void;
  onSaved?(ownership: KeyOwnership): void;
}) {
  const { user } = useAuth();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [partners, setPartners] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const target = props.target;

  useEffect(() => {
    setLoaded(null);
    setError(null);
    if (!target) return;
    let cancelled = false;
    const ownership = ownershipApi.ownership(target.key).catch((cause: unknown) => {
      // Never deployed, or outside the administrator's reach: saving tells which (it claims a new key).
      if (cause instanceof ApiError && cause.code === 'DEFINITION_NOT_FOUND') return null;
      throw cause;
    });
    Promise.all([loadUnits(), ownership])
      .then(([units, found]) => {
        if (cancelled) return;
        setLoaded({ units, ownership: found });
        setPartners([...new Set([...(found?.partnerUnitCodes ?? []), ...(target.add ?? [])])]);
      })
      .catch((cause: unknown) => !cancelled && setError(adminErrorMessage(cause)));
    return () => {
      cancelled = true;
    };
  }, [target]);

  const save = async () => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await ownershipApi.setPartners(target.key, partners);
      props.onSaved?.(saved);
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  const units = loaded?.units ?? [];
  const owner = (): string => {
    if (!loaded) return '';
    // The server answers 404 alike for a new key and for one outside the administrator's reach.
    if (!loaded.ownership)
      return `Chưa triển khai, hoặc thuộc đơn vị ngoài phạm vi bạn quản trị. Nếu chưa triển khai, khi lưu quy trình sẽ thuộc đơn vị của bạn: ${user ? unitLabel(units, user.unitCode) : ''}`;
    if (loaded.ownership.ownerUnitCode === null) return 'Cấp tỉnh (quản trị viên cấp tỉnh)';
    return unitLabel(units, loaded.ownership.ownerUnitCode);
  };

  return (
    <Modal
      open={target !== null}
      title="Đơn vị phối hợp liên thông"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{
        disabled: !loaded,
        ...({ 'data-testid': 'partners-submit' } as Record<`data-${string}`, string>),
      }}
    >
      {!loaded && !error && <Spin />}
      {loaded && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Mã quy trình">
              <Typography.Text code>{target?.key}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="Đơn vị sở hữu">
              <span data-testid="partners-owner">{owner()}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">
            Sơ đồ của quy trình được giao bước xử lý cho đơn vị thuộc phạm vi quản trị của đơn vị sở hữu và cho các đơn
            vị phối hợp khai báo dưới đây. Chỉ quản trị viên của đơn vị sở hữu (hoặc cấp tỉnh) được thay đổi danh sách
            này.
          </Typography.Paragraph>
          <TreeSelect
            multiple
            showSearch={foldedTitleSearch}
            allowClear
            treeDefaultExpandAll
            popupMatchSelectWidth={false}
            style={{ width: '100%' }}
            placeholder="Chọn đơn vị phối hợp"
            treeData={flatUnitOptions(units)}
            value={partners}
            onChange={(codes: string[]) => setPartners(codes)}
            data-testid="partners-select"
          />
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="partners-error" />}
    </Modal>
  );
}
