import { describe, expect, it } from 'vitest';
import { ACTION_PATHS, actionBody, appendQuote, formFieldOf, orderedActions } from './action-config';

describe('orderedActions', () => {
  it('keeps only staff actions and puts the usual next step first', () => {
    expect(orderedActions(['return', 'evaluate', 'accept', 'add_co_unit'])).toEqual(['accept', 'add_co_unit', 'return']);
  });
});

describe('actionBody', () => {
  it('builds the bodies the API validates, leaving blank optional text out', () => {
    expect(actionBody('dispatch', { unitId: 'u1', note: '  ' })).toEqual({ unitId: 'u1', note: undefined, returnUnjustified: undefined });
    expect(actionBody('return', { reason: ' 不属于本单位职责 ' })).toEqual({ reason: '不属于本单位职责' });
    expect(actionBody('request_extension', { days: 5, reason: '需要实地核查' })).toEqual({ days: 5, reason: '需要实地核查' });
    expect(actionBody('reply', { reply: '已办理', solved: true })).toEqual({ reply: '已办理', solved: true });
    expect(actionBody('callback', { result: 'satisfied' })).toEqual({ result: 'satisfied', solved: false, comment: undefined });
    expect(actionBody('request_review', { reason: '不服', unitId: '' })).toEqual({ reason: '不服', unitId: undefined });
  });
  it('has a path for every action the server routes', () => {
    expect(Object.keys(ACTION_PATHS)).toHaveLength(19);
    expect(ACTION_PATHS.add_co_unit).toBe('co-units');
    expect(ACTION_PATHS.approve_extension).toBe('extensions/approve');
  });
});

describe('formFieldOf', () => {
  it('maps server field names onto form fields', () => {
    expect(formFieldOf('reason', ['reason'])).toBe('reason');
    expect(formFieldOf('body.unitId', ['unitId'])).toBe('unitId');
    expect(formFieldOf('body', ['reason'])).toBeNull();
    expect(formFieldOf('returnUnjustified', ['unitId'])).toBeNull();
  });
});

describe('appendQuote', () => {
  it('adds the quotation after the draft', () => {
    expect(appendQuote('', '《条例》第一条')).toBe('《条例》第一条');
    expect(appendQuote('经核查，\n', '《条例》第一条')).toBe('经核查，\n\n《条例》第一条');
  });
});
