/**
 * Refused dossiers in Biểu II.06a/VPCP/KSTT and the public aggregate (issue 16, item 2; docs/domain.md
 * "Refused dossiers in the statistics"; ADR 0011).
 *
 * The table (Thông tư 01/2020/TT-VPCP, Phụ lục II — the periodic-report circular; the forms 01–06
 * of TT 01/2018/TT-VPCP are the desk's papers, not this table) has two outcome groups only: "Số hồ
 * sơ đã giải quyết" (trước hạn / đúng hạn / quá hạn) and "Số hồ sơ đang giải quyết" (trong hạn /
 * quá hạn), which together account for every dossier "nhận giải quyết". It has no column for
 * refusals. NĐ 61/2018/NĐ-CP Điều 18 (kept by NĐ 118/2025/NĐ-CP) treats the refusal as the
 * dossier's answer: the authority returns the dossier with a written notice of the reason (Mẫu 03,
 * "Phiếu từ chối giải quyết hồ sơ"), the notice is entered as the result ("nhập vào mục trả kết
 * quả") and must be given within the processing time. So:
 * - a refused dossier was received ("nhận giải quyết": it counts in the received columns);
 * - it is RESOLVED ("đã giải quyết") when the refusal is handed back (`resolved_at`), and early,
 *   on time or late against the appointment in force, exactly like a result — a refusal given after
 *   the appointment is a late answer;
 * - it is never "đang giải quyết" after that.
 * A withdrawal is not an answer: it leaves the table when withdrawn (summary.rules.ts).
 */
export function countsAsResolved(status: string): boolean {
  return status !== 'withdrawn';
}

/** `countsAsResolved` over a `dossiers` alias, for the SQL aggregates. */
export const countsAsResolvedSql = (alias: string) => `${alias}.status <> 'withdrawn'`;
