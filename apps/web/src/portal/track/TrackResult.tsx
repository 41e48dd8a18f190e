import type { TrackedCase } from '@lianxin/core';
import { Button, Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { portalMessages } from '../portal.messages';

const when = (iso: string | null, locale: string) => (iso ? new Date(iso).toLocaleString(locale, { hour12: false, dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** The requester's view of a case: state, unit, public timeline, reply and the way to rate it. */
export function TrackResult({ tracked }: { tracked: TrackedCase }) {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  return (
    <Card size="small" data-testid="track-result">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {tracked.code} <Tag color={tracked.status === 'closed' ? 'green' : 'blue'}>{tracked.statusLabel}</Tag>
      </Typography.Title>
      {tracked.title && <Typography.Paragraph>{tracked.title}</Typography.Paragraph>}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('kind')}>
          {tracked.kindLabel}
          {tracked.categoryName ? ` · ${tracked.categoryName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('unit')}>{tracked.unitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('registeredAt')}>{when(tracked.registeredAt, locale)}</Descriptions.Item>
        {tracked.dueAt && <Descriptions.Item label={t('dueAt')}>{when(tracked.dueAt, locale)}</Descriptions.Item>}
      </Descriptions>
      {tracked.extension && <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>{t('extension', { days: tracked.extension.days, reason: tracked.extension.reason ?? '' })}</Typography.Paragraph>}
      {tracked.notAcceptedReason && (
        <Card size="small" title={t('notAccepted')} style={{ marginTop: 12 }}>
          {tracked.notAcceptedReason}
        </Card>
      )}
      {tracked.reply && (
        <Card size="small" title={t('reply')} style={{ marginTop: 12 }} data-testid="track-reply">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{tracked.reply.text}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('repliedAt')} {when(tracked.reply.at, locale)}
          </Typography.Text>
        </Card>
      )}
      {tracked.evaluation && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('evaluation')}: <Tag>{tracked.evaluation.resultLabel}</Tag>
        </Typography.Paragraph>
      )}
      {tracked.awaitingEvaluation && tracked.evaluationToken && (
        <Link to={`/evaluate/${tracked.evaluationToken}`}>
          <Button type="primary" block style={{ marginTop: 12 }}>
            {t('rateNow')}
          </Button>
        </Link>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('timeline')}
      </Typography.Title>
      <Timeline
        items={[...tracked.timeline].reverse().map((e) => ({
          content: (
            <>
              <Typography.Text strong>{e.label}</Typography.Text> {e.unitName && <Typography.Text type="secondary">{e.unitName}</Typography.Text>}
              <div style={{ fontSize: 12, color: '#595959' }}>{when(e.at, locale)}</div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
