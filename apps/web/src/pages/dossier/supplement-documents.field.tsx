import { Checkbox, Form, Select, Space, Tag, Typography } from 'antd';
import type { SupplementDraft } from '../../api/dossiers.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { KIND_LABELS } from './dossier-labels';

/**
 * Form 02's list: the procedure's documents as checkboxes (those an earlier step named are checked),
 * and any other paper typed in. Names go to the server, so the desk's log reads as Form 02 does.
 */
export function SupplementDocumentsField({ draft }: { draft: SupplementDraft | null }) {
  const documents = draft?.documents ?? [];
  return (
    <>
      <Form.Item name="documents" label="Giấy tờ cần bổ sung (theo danh mục của thủ tục)">
        {documents.length ? (
          <Checkbox.Group style={{ width: '100%' }} data-testid="action-documents">
            <Space orientation="vertical" size={4}>
              {documents.map((doc) => (
                <Checkbox key={doc.code} value={doc.name} data-testid={`action-document-${doc.code}`}>
                  {doc.name} <Typography.Text type="secondary">({KIND_LABELS[doc.kind] ?? doc.kind})</Typography.Text>
                  {doc.received && <Tag style={{ marginLeft: 6 }}>đã nộp</Tag>}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        ) : (
          <Typography.Text type="secondary">
            {draft ? 'Thủ tục không có danh mục giấy tờ.' : 'Đang tải danh mục giấy tờ…'}
          </Typography.Text>
        )}
      </Form.Item>
      <Form.Item name="otherDocuments" label="Giấy tờ, nội dung khác (gõ rồi nhấn Enter)">
        <Select
          mode="tags"
          open={false}
          maxCount={FIELD_LIMITS.documents}
          placeholder="Ví dụ: Bản vẽ mặt cắt công trình tỷ lệ 1/100"
          data-testid="action-other-documents"
        />
      </Form.Item>
    </>
  );
}
