/**
 * SLOT — online submissions awaiting review (issue 18 item 3, another engineer's part).
 *
 * "My dossiers" shows this component above the desk's dossiers. Today it renders nothing. The
 * online submission work replaces its body with the citizen's submissions that the desk has not
 * accepted yet (pre-registration code, procedure, submitted at, "chờ tiếp nhận" / "cần bổ sung" with
 * the desk's reason and a link to resubmit), read from its own citizen route with `as: 'citizen'`
 * (citizen.api.ts). Keep it light: no antd Table (the page's first load stays ≤ 200 KB gzipped).
 */
export function OnlineSubmissionsSlot(_props: { citizenId: string }) {
  return null;
}
