import { EyeOutlined } from '@ant-design/icons';
import type { CaseDetail, RevealedCaseText } from '@lianxin/core';
import { Alert, Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { defineMessages, useT } from '../../i18n/i18n';
import { casePageMessages } from './case-page.messages';

const messages = defineMessages(
  {
    masked: '个人信息已遮挡',
    maskedHint: '正文、答复或办理意见中的电话、身份证号等已遮挡',
  },
  {
    masked: 'Personal data masked',
    maskedHint: 'Phones, ID numbers and the like in the content, reply or notes are masked',
  },
);

/** The case with its free text in clear: title, content, reply, comment and the notes that were masked. */
function withText(c: CaseDetail, text: RevealedCaseText): CaseDetail {
  const notes = new Map(text.notes.map((n) => [n.seq, n.note]));
  return {
    ...c,
    title: text.title,
    content: text.content,
    reply: c.reply && { ...c.reply, text: text.reply ?? c.reply.text },
    evaluation: c.evaluation && { ...c.evaluation, comment: text.evaluationComment },
    events: c.events.map((e) => (notes.has(e.seq) ? { ...e, note: notes.get(e.seq)! } : e)),
  };
}

/**
 * Personal data typed into a case's free text: the API answers it masked (138****5678); those it
 * allows (canRevealText — the requester reveal's rule) get the same 显示 control as the requester,
 * which calls GET /api/cases/:id/personal-text — each call is written to the audit log. The clear
 * text is kept for this version of the case only: an action or a reload shows it masked again.
 */
export function usePersonalText(c: CaseDetail | undefined) {
  const t = useT(casePageMessages);
  const own = useT(messages);
  const [revealed, setRevealed] = useState<{ key: string; text: RevealedCaseText } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = c ? `${c.id}:${c.version}` : '';
  const text = revealed?.key === key ? revealed.text : null;
  const masked = Boolean(c && (c.textProtected || c.events.some((e) => e.noteProtected)));

  const reveal = async () => {
    if (!c) return;
    setLoading(true);
    setError(null);
    try {
      setRevealed({ key, text: await call('GET /api/cases/:id/personal-text', { params: { id: c.id } }) });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setLoading(false);
    }
  };

  const control =
    masked && !text ? (
      <span data-testid="personal-text">
        <Tooltip title={own('maskedHint')}>
          <Tag>{own('masked')}</Tag>
        </Tooltip>
        {c?.canRevealText && (
          <Tooltip title={t('revealHint')}>
            <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={reveal} data-testid="reveal-text">
              {t('reveal')}
            </Button>
          </Tooltip>
        )}
      </span>
    ) : null;
  const notice = error ? (
    <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} role="alert" />
  ) : text ? (
    <Alert type="info" showIcon title={t('revealed')} style={{ marginBottom: 8 }} data-testid="text-revealed" />
  ) : null;
  return { shown: c && text ? withText(c, text) : c, control, notice };
}
