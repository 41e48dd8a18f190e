import { label } from '@lianxin/core';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import type { VisitView as Visit } from '@lianxin/core';
import { visitMessages } from './visits.messages';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** One visit as a diary entry: when, where, whom, what was noted and delivered, problems found. */
export default function VisitCard({ visit, showCadre = false, showDate = false }: { visit: Visit; showCadre?: boolean; showDate?: boolean }) {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const where = visit.households.length ? visit.households.map((h) => `${h.address}（${h.headName}）`).join('、') : (visit.place ?? '');
  const raised = visit.problems.filter((p) => p.caseId).length;
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }} data-testid="diary-visit" data-visit-id={visit.id}>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong>{showDate ? `${visit.localDate} ${timeOf(visit.occurredAt)}` : timeOf(visit.occurredAt)}</Typography.Text>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {label('visitKind', visit.kind, locale)}
        </Tag>
        {showCadre && <Typography.Text type="secondary">{visit.cadre.name}</Typography.Text>}
        <Typography.Text type="secondary">{visit.areaName}</Typography.Text>
        <Link to={`/visits/${visit.id}`}>{t('open')}</Link>
      </Flex>
      {where && <Typography.Text style={{ overflowWrap: 'anywhere' }}>{where}</Typography.Text>}
      <Typography.Paragraph type={visit.notes ? undefined : 'secondary'} ellipsis={{ rows: 3, expandable: true, symbol: '…' }} style={{ marginBottom: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {visit.notes ?? t('noNotes')}
      </Typography.Paragraph>
      {(visit.delivered.length > 0 || visit.problems.length > 0) && (
        <Flex gap={4} wrap>
          {visit.delivered.map((d) => (
            <Tag key={d} color="red">
              {label('delivery', d, locale)}
            </Tag>
          ))}
          {visit.problems.length > 0 && (
            <Tag color="orange">
              {t('problems')} {visit.problems.length}
              {raised ? ` · ${t('casesRaised')} ${raised}` : ''}
            </Tag>
          )}
        </Flex>
      )}
    </Flex>
  );
}
