import type { CategoryKeywordsSchema, Contract } from '@lianxin/core';
import { Alert, App, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';

type Row = Contract<typeof CategoryKeywordsSchema>;

/**
 * 智能推荐: the suggestion model's state (what decides now, how many handled cases it learned
 * from, its calibration, when it was trained), retraining, and each category's cold-start
 * keywords, which decide while too few cases are handled.
 */
export default function SuggestTab() {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('GET /api/admin/suggest');
  const [busy, setBusy] = useState(false);

  const retrain = async () => {
    setBusy(true);
    try {
      const result = await call('POST /api/admin/suggest/retrain');
      message.success(t('suggestRetrained', { cases: result.cases, s: result.seconds }));
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('suggestState')} loading={loading && !data} data-testid="suggest-state">
        {data && (
          <Flex vertical gap={12}>
            <Alert
              type={data.source === 'model' ? 'success' : 'info'}
              showIcon
              data-testid="suggest-state-source"
              title={data.source === 'model' ? t('suggestSourceModel', { cases: data.cases }) : t('suggestSourceKeywords', { min: data.modelMinCases, cases: data.cases })}
            />
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label={t('suggestLabels')}>{data.labels}</Descriptions.Item>
              <Descriptions.Item label={t('suggestTemperature')}>{data.temperature === null ? t('suggestNone') : data.temperature.toFixed(2)}</Descriptions.Item>
              <Descriptions.Item label={t('suggestTrainedAt')}>
                {data.trainedAt ? `${dayjs(data.trainedAt).format('YYYY-MM-DD HH:mm')}（${t('suggestSeconds', { s: data.seconds ?? 0 })}）` : t('suggestNone')}
              </Descriptions.Item>
            </Descriptions>
            <div>
              <Button type="primary" loading={busy} onClick={() => void retrain()} data-testid="suggest-retrain">
                {t('suggestRetrain')}
              </Button>
            </div>
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('suggestKeywordsTitle')}>
        <Typography.Paragraph type="secondary">{t('suggestKeywordsHint')}</Typography.Paragraph>
        <Table<Row>
          size="small"
          rowKey="code"
          loading={loading}
          dataSource={data?.categories}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="suggest-keywords"
          columns={[
            {
              title: t('suggestCategory'),
              key: 'name',
              width: 180,
              render: (_: unknown, c: Row) => (
                <Flex vertical>
                  <Typography.Text>{locale === 'en-US' ? c.nameEn : c.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.code}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('suggestFromName'), key: 'fromName', width: 200, render: (_: unknown, c: Row) => c.fromName.map((w) => <Tag key={w}>{w}</Tag>) },
            { title: t('suggestKeywords'), key: 'keywords', render: (_: unknown, c: Row) => <KeywordsEditor row={c} onSaved={reload} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}

/** One category's keywords as tags: type and press Enter to add; save, or go back to the built-in ones. */
function KeywordsEditor({ row, onSaved }: { row: Row; onSaved: () => void }) {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const [value, setValue] = useState<string[]>(row.keywords);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = value.join('\u0000') !== row.keywords.join('\u0000');

  const run = async (action: () => Promise<Row>) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await action();
      setValue(saved.keywords);
      message.success(t('suggestSaved'));
      onSaved();
    } catch (e) {
      setProblem(e instanceof ApiError ? (e.fieldErrors[0] ? `${e.fieldErrors[0].field}: ${e.fieldErrors[0].message}` : e.title) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={4} style={{ minWidth: 360 }} data-testid={`keywords-${row.code}`}>
      <Flex gap={8} align="center">
        <Select
          mode="tags"
          value={value}
          onChange={(v: string[]) => setValue(v.map((w) => w.trim()).filter(Boolean))}
          tokenSeparators={[',', '，', '、', ' ']}
          open={false}
          style={{ flex: 1, minWidth: 260 }}
          aria-label={`${t('suggestKeywords')} ${row.name}`}
          data-testid={`keywords-input-${row.code}`}
        />
        <Tag color={row.edited ? 'blue' : 'default'}>{row.edited ? t('suggestEdited') : t('suggestBuiltIn')}</Tag>
      </Flex>
      <Flex gap={8}>
        <Button size="small" type="primary" disabled={!changed} loading={busy} onClick={() => void run(() => call('PUT /api/admin/suggest/keywords/:code', { params: { code: row.code }, body: { keywords: value } }))} data-testid={`keywords-save-${row.code}`}>
          {t('save')}
        </Button>
        {row.edited && (
          <Button size="small" disabled={busy} onClick={() => void run(() => call('DELETE /api/admin/suggest/keywords/:code', { params: { code: row.code } }))} data-testid={`keywords-reset-${row.code}`}>
            {t('suggestReset')}
          </Button>
        )}
      </Flex>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Flex>
  );
}
