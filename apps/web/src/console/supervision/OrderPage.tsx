import { label } from '@lianxin/core';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { PageError, PageLoading } from '../../shared/PageState';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { orderStateColor } from './CaseSupervisionPanel';
import { supervisionMessages } from './supervision.messages';
import { TextPromptModal } from './TextPromptModal';

type Prompt = 'respond' | 'accept' | 'return';

/** One 督办单: its cases, the unit's signature and response, the review, the document, and exactly the steps the user may take. */
export default function OrderPage() {
  const { id = '' } = useParams();
  const t = useT(supervisionMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const order = useApi('GET /api/supervision/orders/:id', { params: { id } });
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const o = order.data;

  const after = () => {
    order.reload();
    message.success(t('done'));
  };
  const sign = async () => {
    try {
      await call('POST /api/supervision/orders/:id/sign', { params: { id } });
      after();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const submit = async (text: string) => {
    if (prompt === 'respond') await call('POST /api/supervision/orders/:id/respond', { params: { id }, body: { response: text } });
    if (prompt === 'accept') await call('POST /api/supervision/orders/:id/accept', { params: { id }, body: text ? { note: text } : {} });
    if (prompt === 'return') await call('POST /api/supervision/orders/:id/return', { params: { id }, body: { note: text } });
    after();
  };

  if (!o && order.loading) return <PageLoading />;
  if (!o) return <PageError error={order.error} onRetry={order.reload} />;
  const at = (iso: string | null, who?: string | null) => (iso ? `${who ? `${who} · ` : ''}${formatDue(iso)}` : '—');

  return (
    <Flex vertical gap={12} data-testid="order-page">
      <Link to="/supervision">
        <ArrowLeftOutlined /> {t('back')}
      </Link>
      <Card
        size="small"
        title={
          <Space wrap>
            <span data-testid="order-number">{o.number}</span>
            <Tag>{label('supervisionLevel', o.level, locale)}</Tag>
            <Tag color={orderStateColor(o.state)} data-testid="order-state">
              {label('supervisionState', o.state, locale)}
            </Tag>
            {o.overdue && <Tag color="red">{o.respondedLate ? t('late') : t('overdue')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap size={4}>
            <a href={apiUrl('GET /api/supervision/orders/:id/document.:format', { params: { id: o.id, format: 'pdf' } })} download data-testid="order-pdf">
              <DownloadOutlined /> {t('download')} PDF
            </a>
            <a href={apiUrl('GET /api/supervision/orders/:id/document.:format', { params: { id: o.id, format: 'docx' } })} download>
              DOCX
            </a>
          </Space>
        }
      >
        {(o.may.sign || o.may.respond || o.may.accept || o.may.return) && (
          <Space wrap style={{ marginBottom: 12 }}>
            {o.may.sign && (
              <Button type="primary" onClick={sign} data-testid="order-sign">
                {t('sign')}
              </Button>
            )}
            {o.may.respond && (
              <Button type="primary" onClick={() => setPrompt('respond')} data-testid="order-respond">
                {t('respond')}
              </Button>
            )}
            {o.may.accept && (
              <Button type="primary" onClick={() => setPrompt('accept')} data-testid="order-accept">
                {t('accept')}
              </Button>
            )}
            {o.may.return && (
              <Button danger onClick={() => setPrompt('return')} data-testid="order-return">
                {t('return')}
              </Button>
            )}
          </Space>
        )}
        {o.escalatedAt && <Alert type="error" showIcon title={t('escalated', { at: formatDue(o.escalatedAt) })} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('colUnit')}>{o.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('issuedBy')}>
            {o.issuingUnitName} · {o.issuedByName}
          </Descriptions.Item>
          <Descriptions.Item label={t('issuedAt')}>{formatDue(o.issuedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('colDue')}>{formatDue(o.responseDueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('reason')} span={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('signedAt')}>{at(o.signedAt, o.signedByName)}</Descriptions.Item>
          <Descriptions.Item label={t('respondedAt')}>{at(o.respondedAt, o.respondedByName)}</Descriptions.Item>
          <Descriptions.Item label={t('response')} span={2}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="order-response">
              {o.response ?? t('noResponse')}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('reviewedAt')} span={2}>
            {o.reviewedAt ? `${formatDue(o.reviewedAt)}${o.reviewNote ? ` · ${o.reviewNote}` : ''}` : '—'}
            {o.returnCount > 0 && <Tag style={{ marginInlineStart: 8 }}>{t('returnCount', { n: o.returnCount })}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('cases')}>
        <List
          size="small"
          dataSource={o.cases}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                <Link to={`/cases/${c.id}`}>{c.code}</Link>
                <Typography.Text>{c.title}</Typography.Text>
                <Tag color={stateColor(c.status)}>{label('state', c.status, locale)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <TextPromptModal
        open={prompt !== null}
        title={prompt === 'respond' ? t('respond') : prompt === 'accept' ? t('accept') : t('return')}
        field={prompt === 'respond' ? t('response') : prompt === 'accept' ? t('reviewNote') : t('returnNote')}
        required={prompt !== 'accept'}
        max={prompt === 'respond' ? 5000 : 1000}
        onSubmit={submit}
        onClose={() => setPrompt(null)}
        testId={`order-prompt-${prompt ?? 'none'}`}
      />
    </Flex>
  );
}
