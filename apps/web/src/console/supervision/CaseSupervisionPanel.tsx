import { type CaseDetail, label } from '@lianxin/core';
import { App, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { IssueOrderModal } from './IssueOrderModal';
import { supervisionMessages } from './supervision.messages';
import { TextPromptModal } from './TextPromptModal';

type Prompt = { kind: 'urge' } | { kind: 'instruct' } | { kind: 'report'; instructionId: string };

/** Colour of an order's state tag. */
export const orderStateColor = (state: string) => (state === 'accepted' ? 'green' : state === 'returned' ? 'red' : state === 'responded' ? 'blue' : 'orange');

/**
 * The case page's 督办 · 催办 · 批示 panel: the orders on the case, the urges, the leaders'
 * instructions with their replies, and exactly the buttons the API says the user may press.
 */
export function CaseSupervisionPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const t = useT(supervisionMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const panel = useApi('GET /api/cases/:id/supervision', { params: { id: c.id } });
  const [issuing, setIssuing] = useState(false);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const changed = () => {
    panel.reload();
    onChanged();
    message.success(t('done'));
  };
  const acknowledge = async (instructionId: string) => {
    try {
      await call('POST /api/cases/:id/instructions/:instructionId/acknowledge', { params: { id: c.id, instructionId } });
      changed();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const p = panel.data;
  const may = p?.may;
  const buttons = may && (may.issue || may.urge || may.instruct) && (
    <Space wrap size={4}>
      {may.issue && (
        <Button size="small" danger onClick={() => setIssuing(true)} data-testid="supervise-case">
          {t('issue')}
        </Button>
      )}
      {may.urge && (
        <Button size="small" onClick={() => setPrompt({ kind: 'urge' })} data-testid="urge-case">
          {t('urge')}
        </Button>
      )}
      {may.instruct && (
        <Button size="small" type="primary" onClick={() => setPrompt({ kind: 'instruct' })} data-testid="instruct-case">
          {t('instruct')}
        </Button>
      )}
    </Space>
  );
  const submitPrompt = async (text: string) => {
    if (!prompt) return;
    if (prompt.kind === 'urge') await call('POST /api/cases/:id/urges', { params: { id: c.id }, body: text ? { note: text } : {} });
    if (prompt.kind === 'instruct') await call('POST /api/cases/:id/instructions', { params: { id: c.id }, body: { text } });
    if (prompt.kind === 'report') await call('POST /api/cases/:id/instructions/:instructionId/report', { params: { id: c.id, instructionId: prompt.instructionId }, body: { report: text } });
    changed();
  };
  const empty = p && p.orders.length === 0 && p.instructions.length === 0 && p.urgeCount === 0;
  return (
    <Card size="small" title={t('panel')} extra={buttons} loading={panel.loading && !p} data-testid="supervision-panel">
      {empty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />}
      {p && p.orders.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('orders')}</Typography.Text>}
          dataSource={p.orders}
          renderItem={(o) => (
            <List.Item>
              <Space wrap size={4}>
                <Link to={`/supervision/${o.id}`}>{o.number}</Link>
                <Tag>{label('supervisionLevel', o.level, locale)}</Tag>
                <Tag color={orderStateColor(o.state)}>{label('supervisionState', o.state, locale)}</Tag>
                {o.overdue && <Tag color="red">{t('overdue')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {p && p.urgeCount > 0 && (
        <Typography.Paragraph style={{ margin: '8px 0' }} data-testid="urge-count">
          <Tag color="volcano">{t('urgeCount', { n: p.urgeCount })}</Tag>
          {p.urges[0] && (
            <Typography.Text type="secondary">
              {p.urges[0].urgedByName} · {formatDue(p.urges[0].createdAt)}
              {p.urges[0].note ? ` · ${p.urges[0].note}` : ''}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      {p && p.instructions.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('instructions')}</Typography.Text>}
          dataSource={p.instructions}
          renderItem={(i) => (
            <List.Item data-testid="instruction">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{i.leaderName}</Typography.Text>
                  <Typography.Text type="secondary">{formatDue(i.createdAt)}</Typography.Text>
                  <Tag color={i.state === 'reported' ? 'green' : i.state === 'acknowledged' ? 'blue' : 'orange'} data-testid="instruction-state">
                    {label('instructionState', i.state, locale)}
                  </Tag>
                </Space>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{i.text}</Typography.Paragraph>
                {i.report && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {i.unitName}：{i.report}
                  </Typography.Paragraph>
                )}
                <Space size={4}>
                  {i.may.acknowledge && (
                    <Button size="small" type="primary" onClick={() => acknowledge(i.id)} data-testid="acknowledge-instruction">
                      {t('acknowledge')}
                    </Button>
                  )}
                  {i.may.report && (
                    <Button size="small" type="primary" onClick={() => setPrompt({ kind: 'report', instructionId: i.id })} data-testid="report-instruction">
                      {t('reportBack')}
                    </Button>
                  )}
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <IssueOrderModal open={issuing} caseIds={[c.id]} unitId={c.currentUnitId} onClose={() => setIssuing(false)} />
      <TextPromptModal
        open={prompt !== null}
        title={prompt?.kind === 'urge' ? t('urgeTitle') : prompt?.kind === 'instruct' ? t('instructTitle') : t('reportBack')}
        field={prompt?.kind === 'urge' ? t('note') : prompt?.kind === 'instruct' ? t('instructionText') : t('report')}
        required={prompt?.kind !== 'urge'}
        max={prompt?.kind === 'report' ? 5000 : prompt?.kind === 'instruct' ? 2000 : 1000}
        onSubmit={submitPrompt}
        onClose={() => setPrompt(null)}
        testId={`prompt-${prompt?.kind ?? 'none'}`}
      />
    </Card>
  );
}
