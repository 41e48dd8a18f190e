import { label, type SimilarCaseView } from '@lianxin/core';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { stateColor } from '../../shared/labels';
import { casePageMessages } from './case-page.messages';

/** Cases like this one (GET /api/cases/:id/similar): possible duplicates marked, and how each was answered. */
export function CasePageSimilar({ items, loading, error, onRetry }: { items: SimilarCaseView[] | undefined; loading: boolean; error: unknown; onRetry: () => void }) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  return (
    <Card title={t('similar')} size="small" data-testid="similar-cases">
      {error ? (
        <PageError error={error} onRetry={onRetry} />
      ) : loading && !items ? (
        <PageLoading />
      ) : (
        <List
          size="small"
          dataSource={items ?? []}
          locale={{ emptyText: t('noSimilar') }}
          renderItem={(s) => (
            <List.Item>
              <div style={{ minWidth: 0, width: '100%' }}>
                <Space wrap size={4}>
                  <Link to={`/cases/${s.id}`}>{s.code}</Link>
                  <Tag color={stateColor(s.status)}>{label('state', s.status, locale)}</Tag>
                  {s.possibleDuplicate && <Tag color="orange">{t('possibleDuplicate')}</Tag>}
                  <Typography.Text type="secondary">{t('score', { pct: Math.round(Math.min(s.score, 1) * 100) })}</Typography.Text>
                </Space>
                <Typography.Text ellipsis={{ tooltip: s.title }} style={{ display: 'block' }}>
                  {s.title}
                </Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: s.reply ?? undefined }} style={{ margin: 0 }}>
                  {s.reply ? t('answer', { text: s.reply }) : t('noAnswer')}
                </Typography.Paragraph>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
