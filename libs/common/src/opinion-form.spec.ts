import { missingForCompletion, opinionRequirements, readOpinionRules } from './opinion-form';

describe('opinion rules of a step form (mc:form)', () => {
  it('reads "required" / "optional", an object with a label, and per-outcome requirements', () => {
    // given
    const rules = readOpinionRules({
      opinion: { label: 'Ý kiến thẩm định', required: false },
      attachments: 'optional',
      outcomes: [{ key: 'ok' }, { key: 'back', requires: ['opinion', 'attachments'] }, 'bare'],
    });
    // then
    expect(rules.label).toBe('Ý kiến thẩm định');
    expect([
      opinionRequirements(rules, 'ok'),
      opinionRequirements(rules, 'back'),
      opinionRequirements(rules, undefined),
    ]).toEqual([
      { opinion: false, attachments: false },
      { opinion: true, attachments: true },
      { opinion: false, attachments: false },
    ]);
    expect(opinionRequirements(readOpinionRules('{"opinion":"required","attachments":"required"}'), 'any')).toEqual({
      opinion: true,
      attachments: true,
    });
  });

  it('reads a `note` field drawn before opinions existed as the opinion, unless the form has an `opinion` entry', () => {
    // given the approval form as shipped before issue 16
    const legacy = readOpinionRules({
      outcomes: [{ key: 'approved' }, { key: 'rework', requires: ['note'] }],
      fields: [{ key: 'note', label: 'Ý kiến / lý do trả lại', type: 'textarea' }],
    });
    const modern = readOpinionRules({
      opinion: 'optional',
      outcomes: [{ key: 'rework', requires: ['note'] }],
      fields: [{ key: 'note', type: 'textarea' }],
    });
    // then
    expect([
      legacy.fromNoteField,
      legacy.label,
      opinionRequirements(legacy, 'rework').opinion,
      opinionRequirements(legacy, 'approved').opinion,
    ]).toEqual([true, 'Ý kiến / lý do trả lại', true, false]);
    expect([modern.fromNoteField, modern.label, opinionRequirements(modern, 'rework').opinion]).toEqual([
      false,
      'Ý kiến xử lý',
      false,
    ]);
  });

  it('names what a completion lacks: the opinion first (blanks do not count), then a file', () => {
    const rules = readOpinionRules({ opinion: 'required', outcomes: [{ key: 'back', requires: ['attachments'] }] });
    expect(missingForCompletion(rules, { outcome: 'back', opinion: '  \n ', attachments: 0 })).toBe('OPINION_REQUIRED');
    expect(missingForCompletion(rules, { outcome: 'back', opinion: 'Thiếu bản vẽ', attachments: 0 })).toBe(
      'ATTACHMENT_REQUIRED',
    );
    expect(missingForCompletion(rules, { outcome: 'back', opinion: 'Thiếu bản vẽ', attachments: 1 })).toBeNull();
    expect(missingForCompletion(rules, { outcome: 'other', opinion: 'Đạt', attachments: 0 })).toBeNull();
  });

  it('reads anything unusable as optional, with the default label', () => {
    for (const raw of [null, undefined, '', '{oops', [], 42, { opinion: 42, attachments: ['x'] }]) {
      const rules = readOpinionRules(raw);
      expect([rules.label, opinionRequirements(rules, undefined)]).toEqual([
        'Ý kiến xử lý',
        { opinion: false, attachments: false },
      ]);
    }
  });
});
