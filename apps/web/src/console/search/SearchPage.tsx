import { type CaseSearchPage, label } from '@lianxin/core';
import { Alert, Button, Card, DatePicker, Input, List, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { SnippetText } from '../../shared/SnippetText';
import { TimeLeftBadge } from '../../shared/TimeLeftBadge';
import { useLatest } from '../../shared/use-api';
import { searchMessages } from './search.messages';

function Snippet({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} ellipsis={{ rows: 3 }}>
      <SnippetText text={text} />
    </Typography.Paragraph>
  );
}

/** Chinese full-text search over the cases the user may see, with highlighted excerpts. */
export default function SearchPage() {
  const t = useT(searchMessages);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [page, setPage] = useState<CaseSearchPage | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: unknown }>({ loading: false });
  // Not useCursorPages: the page's `partial` flag (the search stopped early) is shown too.
  const latest = useLatest();

  const load = (cursor?: string) => {
    if (!q) return setPage(null);
    setState({ loading: true });
    latest(call('GET /api/search/cases', { query: { q, from, to, cursor, limit: 20 } })).then(
      ({ value, current }) => {
        if (!current) return;
        setPage((old) => (cursor && old ? { ...value, items: [...old.items, ...value.items] } : value));
        setState({ loading: false });
      },
      (error) => setState({ loading: false, error }),
    );
  };
  useEffect(() => {
    void load();
  }, [q, from, to, locale]);

  const setRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    const next = new URLSearchParams(params);
    if (range?.[0] && range[1]) {
      next.set('from', range[0].startOf('day').toISOString());
      next.set('to', range[1].endOf('day').toISOString());
    } else {
      next.delete('from');
      next.delete('to');
    }
    setParams(next);
  };

  return (
    <Card title={t('title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          defaultValue={q}
          placeholder={t('placeholder')}
          enterButton
          allowClear
          autoFocus
          maxLength={100}
          data-testid="search-input"
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
        <Space wrap>
          <Typography.Text type="secondary">{t('from')}</Typography.Text>
          <DatePicker.RangePicker onChange={(range) => setRange(range as [Dayjs | null, Dayjs | null] | null)} />
        </Space>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        {page?.partial && <Alert type="info" showIcon title={t('partial')} />}
        {state.error ? (
          <PageError error={state.error} onRetry={() => void load()} />
        ) : state.loading && !page ? (
          <PageLoading />
        ) : !page ? null : !page.items.length ? (
          <PageEmpty>{t('noResults')}</PageEmpty>
        ) : (
          <List
            header={t('results')}
            dataSource={page.items}
            data-testid="search-results"
            renderItem={(hit) => (
              <List.Item style={{ display: 'block' }}>
                <Space wrap size={4}>
                  <Link to={`/cases/${hit.id}`}>
                    <Typography.Text strong>{hit.code}</Typography.Text>
                  </Link>
                  <Tag color={stateColor(hit.status)}>{label('state', hit.status, locale)}</Tag>
                  <Tag>{label('kind', hit.kind, locale)}</Tag>
                  {hit.clock && <TimeLeftBadge clock={hit.clock} />}
                </Space>
                <div style={{ overflowWrap: 'anywhere' }}>{hit.title}</div>
                {hit.snippet && <Snippet text={hit.snippet} />}
              </List.Item>
            )}
          />
        )}
        {page?.nextCursor && (
          <Button block loading={state.loading} onClick={() => void load(page.nextCursor!)}>
            {t('more')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
