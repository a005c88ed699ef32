import { describe, expect, it } from '@jest/globals';
import { completionVariables, DEFAULT_TASK_FORM, isRequired, isShown, opinionNeeds, readTaskForm } from './task-form';

describe('readTaskForm (mc:form)', () => {
  it('reads outcomes with their variables and required fields, and the fields', () => {
    // given the approval form of the household business diagram
    const raw = {
      outcomes: [
        { key: 'approved', label: 'Duyệt', variables: { approved: true } },
        { key: 'rejected', label: 'Không đồng ý', variables: { approved: false }, requires: ['note'], danger: true },
      ],
      fields: [{ key: 'note', label: 'Ý kiến', type: 'textarea' }],
    };
    // when
    const form = readTaskForm(raw);
    // then the note field drawn before opinions existed is the opinion box, required by the refusal
    expect(form.outcomes.map((o) => [o.key, o.label, o.variables, o.requires, o.danger])).toEqual([
      ['approved', 'Duyệt', { approved: true }, [], false],
      ['rejected', 'Không đồng ý', { approved: false }, ['opinion'], true],
    ]);
    expect(form.fields).toEqual([]);
    expect(form.opinion.label).toBe('Ý kiến');
    expect([opinionNeeds(form, form.outcomes[0]), opinionNeeds(form, form.outcomes[1])]).toEqual([
      { opinion: false, attachments: false },
      { opinion: true, attachments: false },
    ]);
  });

  it('reads the opinion and attachments a step requires, for every outcome or for one', () => {
    // given a form with only an opinion entry, and one whose send-back needs a file
    const plain = readTaskForm({ opinion: { label: 'Kết quả thẩm định' } });
    const strict = readTaskForm({
      opinion: 'required',
      outcomes: [
        { key: 'ok', label: 'Đạt' },
        { key: 'back', label: 'Trả lại', requires: ['attachments'] },
      ],
      fields: [{ key: 'note', label: 'Ghi chú riêng', type: 'textarea' }],
    });
    // then the first is not the agree / disagree fallback, and keeps its own label
    expect(plain).not.toBe(DEFAULT_TASK_FORM);
    expect([plain.outcomes, plain.fields, plain.opinion.label, opinionNeeds(plain, undefined)]).toEqual([
      [],
      [],
      'Kết quả thẩm định',
      { opinion: false, attachments: false },
    ]);
    // and with an `opinion` entry, a `note` field stays an ordinary field
    expect(strict.fields.map((f) => f.key)).toEqual(['note']);
    expect([opinionNeeds(strict, strict.outcomes[0]), opinionNeeds(strict, strict.outcomes[1])]).toEqual([
      { opinion: true, attachments: false },
      { opinion: true, attachments: true },
    ]);
  });

  it('accepts the JSON text as drawn, bare string outcomes and select options', () => {
    const form = readTaskForm(
      '{"outcomes":["approve","reject"],"fields":[{"key":"kind","type":"select","options":["a",{"value":"b","label":"Bê"}]}]}',
    );
    expect(form.outcomes.map((o) => o.key)).toEqual(['approve', 'reject']);
    expect(form.fields[0]).toMatchObject({
      key: 'kind',
      label: 'kind',
      type: 'select',
      options: [
        { value: 'a', label: 'a' },
        { value: 'b', label: 'Bê' },
      ],
    });
  });

  it('drops what it cannot show: unknown types become text, bad keys, duplicates and empty selects go', () => {
    const form = readTaskForm({
      outcomes: [{ label: 'no key' }, { key: 'ok' }, { key: 'ok', label: 'again' }, 42],
      fields: [
        { key: 'a b' },
        { key: 'outcome' },
        { key: 'n', type: 'color' },
        { key: 's', type: 'select' },
        { key: 'n', type: 'number' },
      ],
    });
    expect(form.outcomes.map((o) => o.label)).toEqual(['ok']);
    expect(form.fields.map((f) => [f.key, f.type])).toEqual([['n', 'text']]);
  });

  it('falls back to agree / disagree for a step drawn without a usable form', () => {
    for (const raw of [null, undefined, '', '{not json', [], {}, { outcomes: [] }])
      expect(readTaskForm(raw)).toBe(DEFAULT_TASK_FORM);
  });
});

describe('completionVariables', () => {
  const form = readTaskForm({
    outcomes: [{ key: 'rework', label: 'Trả lại', variables: { approved: false }, requires: ['note'] }],
    opinion: 'optional',
    fields: [
      { key: 'note', type: 'textarea' },
      { key: 'amount', type: 'number' },
      { key: 'paid', type: 'checkbox' },
      { key: 'on', type: 'date' },
    ],
  });

  it('sends the outcome key, its variables and the filled fields', () => {
    const variables = completionVariables(form, form.outcomes[0], {
      note: '  Thiếu bản vẽ  ',
      amount: 1_500_000,
      paid: true,
      on: new Date('2025-06-03T02:00:00Z'),
    });
    expect(variables).toEqual({
      outcome: 'rework',
      approved: false,
      note: 'Thiếu bản vẽ',
      amount: 1_500_000,
      paid: true,
      on: '2025-06-03T02:00:00.000Z',
    });
  });

  it('leaves out empty text and numbers, and sends no outcome when the form has none', () => {
    expect(completionVariables(form, undefined, { note: '   ', amount: null })).toEqual({ paid: false });
  });

  it('makes a field required by the chosen outcome', () => {
    expect([
      isRequired(form.fields[0], form.outcomes[0]),
      isRequired(form.fields[0], undefined),
      isRequired(form.fields[1], form.outcomes[0]),
    ]).toEqual([true, false, false]);
  });

  it('shows and sends a field with `onlyWith` only for those outcomes (the citizen-facing reason of a refusal)', () => {
    // given the approval form of the shipped procedures: the reason belongs to the refusal only
    const approval = readTaskForm({
      outcomes: [
        { key: 'approved', label: 'Duyệt' },
        { key: 'rejected', label: 'Không đồng ý cấp', requires: ['rejectionReason'] },
      ],
      fields: [{ key: 'rejectionReason', label: 'Lý do từ chối', type: 'textarea', onlyWith: ['rejected'] }],
    });
    const [approve, refuse] = approval.outcomes;
    const reason = approval.fields[0];
    // then
    expect([isShown(reason, undefined), isShown(reason, approve), isShown(reason, refuse)]).toEqual([
      false,
      false,
      true,
    ]);
    expect(completionVariables(approval, approve, { rejectionReason: 'gõ rồi đổi ý' })).toEqual({
      outcome: 'approved',
    });
    expect(completionVariables(approval, refuse, { rejectionReason: 'Trùng tên' })).toEqual({
      outcome: 'rejected',
      rejectionReason: 'Trùng tên',
    });
  });
});
