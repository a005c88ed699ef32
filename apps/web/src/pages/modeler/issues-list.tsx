import { Typography } from 'antd';
import type { DiagramIssue } from '../../modeler/lint/issue.types';
import type { ServerCheck } from './use-diagram-validation';

interface Props {
  issues: DiagramIssue[];
  server: ServerCheck;
  /** Selects the element; false when the finding has none on the canvas. */
  onReveal(elementId: string): boolean;
  /** The element's name as drawn, if it has one. */
  nameOf(elementId: string): string | undefined;
}

const serverNote: Record<ServerCheck, string> = {
  idle: '',
  checking: 'Máy chủ đang kiểm tra…',
  ok: 'Đã kiểm tra cả trên máy chủ.',
  unavailable: 'Máy chủ chưa hỗ trợ kiểm tra trước: lỗi của máy chủ sẽ hiện khi triển khai.',
  failed: 'Chưa kiểm tra được trên máy chủ.',
};

/** The findings as a list under the diagram; clicking one selects its element. */
export function IssuesList({ issues, server, onReveal, nameOf }: Props) {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return (
    <div className="mc-issues" data-testid="issues-list">
      <div className="mc-issues__header">
        <Typography.Text strong>
          {issues.length === 0 ? 'Không có lỗi hay cảnh báo' : `${errors} lỗi, ${issues.length - errors} cảnh báo`}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="server-check" data-state={server}>
          {serverNote[server]}
        </Typography.Text>
      </div>
      <ul className="mc-issues__list">
        {issues.map((issue, index) => (
          <li
            key={`${issue.elementId}-${issue.code}-${index}`}
            className={`mc-issues__item mc-issues__item--${issue.severity}`}
            data-testid={`issue-${issue.severity}`}
            data-element-id={issue.elementId}
            data-code={issue.code}
            onClick={() => onReveal(issue.elementId)}
          >
            <span className="mc-issues__dot" aria-label={issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo'} />
            <span className="mc-issues__element" title={issue.elementId}>
              {(issue.elementId && nameOf(issue.elementId)) || issue.elementId || 'Tệp'}
            </span>
            <span>{issue.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
