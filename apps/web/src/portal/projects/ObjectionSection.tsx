import type { PublicProject } from '@lianxin/core';
import { Alert, Form, Input, InputNumber, List, Tag, Typography } from 'antd';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { formatDue } from '../../shared/time-left';
import { VerifiedForm } from '../consult/VerifiedForm';
import { portalProjectsMessages } from './projects.messages';

/**
 * 公示异议 on the project's public page: during the period a resident of the area objects, verified
 * by an SMS code against the registry; after it, every objection and its outcome (redacted, no names).
 */
export function ObjectionSection({ p }: { p: PublicProject }) {
  const t = useT(portalProjectsMessages);
  if (!p.objectionUntil) return null;
  if (p.objectionsOpen)
    return (
      <>
        <Alert type="warning" showIcon title={t('objection', { date: formatDue(p.objectionUntil) })} style={{ marginBottom: 12 }} />
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('objectionGive')}
        </Typography.Title>
        <VerifiedForm
          requestCode={(phone) => call('POST /api/public/projects/:id/objections/code', { params: { id: p.id }, body: { phone } })}
          submit={async (v) => {
            await call('POST /api/public/projects/:id/objections', { params: { id: p.id }, body: { phone: v.phone, code: v.code, text: String(v.text ?? ''), order: typeof v.order === 'number' ? v.order : undefined } });
          }}
          submitText={t('objectionSubmit')}
          done={t('objectionDone')}
        >
          <Form.Item name="text" label={t('objectionText')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="objection-text" />
          </Form.Item>
          <Form.Item name="order" label={t('objectionOrder')}>
            <InputNumber min={1} style={{ width: 140 }} />
          </Form.Item>
        </VerifiedForm>
      </>
    );
  const o = p.objectionOutcome;
  return (
    <div data-testid="objection-outcome">
      <Typography.Paragraph>
        {t('objectionEnded', { date: formatDue(p.objectionUntil) })} {o && o.received > 0 ? t('objectionOutcome', { received: o.received, upheld: o.upheld, dismissed: o.dismissed, pending: o.pending }) : t('objectionNone')}
      </Typography.Paragraph>
      {o && o.items.length > 0 && (
        <List
          size="small"
          dataSource={o.items}
          renderItem={(i) => (
            <List.Item>
              <div>
                <Tag color={i.outcome === 'upheld' ? 'red' : i.outcome === 'dismissed' ? undefined : 'orange'}>
                  {i.outcome === 'upheld' ? t('objectionUpheld') : i.outcome === 'dismissed' ? t('objectionDismissed') : t('objectionPending')}
                </Tag>
                {i.order !== null && <span>{t('objectionAbout', { order: i.order })} · </span>}
                {i.text}
                {i.reply && <div style={{ color: '#595959' }}>{t('objectionReply', { reply: i.reply })}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
