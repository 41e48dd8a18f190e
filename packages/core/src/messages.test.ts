import { describe, expect, it } from 'vitest';
import { CASE_STATES } from './case-machine.js';
import { label, renderMessage } from './labels.js';
import { MESSAGES, pickLocale, translate } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every key in English with the same placeholders', () => {
    for (const [key, zh] of Object.entries(MESSAGES['zh-CN'])) {
      const en = MESSAGES['en-US'][key as keyof (typeof MESSAGES)['en-US']];
      expect(en, key).toBeTruthy();
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('fills placeholders and picks the language', () => {
    expect(translate('zh-CN', 'error.file_too_large', { max: 10 })).toBe('文件过大（上限 10 MB）');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en-US');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale(undefined)).toBe('zh-CN');
  });

  it('names every state in both languages and renders coded parameters', () => {
    for (const state of CASE_STATES) {
      expect(label('state', state, 'zh-CN')).not.toBe(state);
      expect(label('state', state, 'en-US')).not.toBe(state);
    }
    expect(renderMessage('en-US', 'notice.escalated', { code: 'LX1', stage: 'handle', level: 2 })).toBe('Case LX1 is overdue (handling); escalated to supervisors');
    expect(renderMessage('zh-CN', 'notice.escalated', { code: 'LX1', stage: 'handle', level: 2 })).toBe('诉求件LX1已超期（办理），升级至督办员');
  });
});
