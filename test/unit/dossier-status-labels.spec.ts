import { describe, expect, it } from '@jest/globals';
import {
  DOSSIER_STATUSES as SERVER_STATUSES,
  STATUS_LABELS,
} from '../../libs/dossiers/src/domain/dossier-status.machine';
import { DOSSIER_STATUS, DOSSIER_STATUSES } from '../../apps/web/src/api/dossier-status';

describe("the web app's dossier statuses (apps/web/src/api/dossier-status.ts)", () => {
  it('name every status the server has, in its order', () => {
    // given the server's statuses / then the web app has the same, in the same order
    expect(DOSSIER_STATUSES).toEqual([...SERVER_STATUSES]);
  });

  it("use the server's words, so a filter and a tag say what statusLabel says", () => {
    // given each status / when its web label is read / then it is the server's label
    for (const status of SERVER_STATUSES) expect(DOSSIER_STATUS[status].label).toBe(STATUS_LABELS[status]);
  });
});
