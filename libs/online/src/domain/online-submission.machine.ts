import { AppError } from '../../../common/src';

/** Where an online submission stands (issue 18 item 3). */
export const SUBMISSION_STATUSES = ['waiting', 'supplement_required', 'refused', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What the desk does with a submission waiting in its queue; the citizen answers a supplement request. */
export type SubmissionAction = 'accept' | 'request-supplement' | 'refuse' | 'resubmit';

/** The status each action needs, and the one it leaves. */
const TRANSITIONS: Record<SubmissionAction, { from: SubmissionStatus; to: SubmissionStatus }> = {
  accept: { from: 'waiting', to: 'accepted' },
  'request-supplement': { from: 'waiting', to: 'supplement_required' },
  refuse: { from: 'waiting', to: 'refused' },
  resubmit: { from: 'supplement_required', to: 'waiting' },
};

export const transitionOf = (action: SubmissionAction) => TRANSITIONS[action];

/**
 * 409 `SUBMISSION_ALREADY_DECIDED` when the submission is no longer where the action starts: an
 * officer lost a race to another, or the citizen resubmits what is not waiting for them.
 */
export function notInState(action: SubmissionAction, status: SubmissionStatus): AppError {
  return AppError.conflict(
    'SUBMISSION_ALREADY_DECIDED',
    `The submission is ${status}: ${action} needs it ${TRANSITIONS[action].from}`,
    { status },
  );
}
