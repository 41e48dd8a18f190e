import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { caseListMessages } from './case-list/case-list.messages';
import type { CasePage, CaseSummary } from './case-list/case-summary';
import { CaseFilters } from './case-list/CaseFilters';
import { CaseTable } from './case-list/CaseTable';
import { activeFilterCount, filtersToApi, filtersToSearch, type ListFilters, parseFilters } from './case-list/list-query';
import { useReference } from './case-list/use-reference';

const PAGE_SIZE = 50;

/** 台账: every case the user may see, filtered and sorted from the URL, keyset-paged, exportable. */
export default function CaseListPage() {
  const t = useT(caseListMessages);
  const { locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => parseFilters(search), [search]);
  // Ant Design's table (and a select mid-motion) can call back with a handler from an earlier
  // render; every change is applied to the filters as they are now, never to a closure's copy.
  const latest = useRef(filters);
  latest.current = filters;
  const apiQuery = useMemo(() => filtersToApi(filters), [filters]);
  const key = query(apiQuery);
  const reference = useReference();
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);

  // A new filter or order starts again from the first page.
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    api.get<CasePage>(`/api/cases${query({ ...apiQuery, limit: PAGE_SIZE })}`).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (e) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, locale, tick]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await api.get<CasePage>(`/api/cases${query({ ...apiQuery, limit: PAGE_SIZE, cursor })}`);
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [apiQuery, cursor]);

  const change = (patch: Partial<ListFilters>) => setSearch(filtersToSearch({ ...latest.current, ...patch }));
  const exportHref = `/api/cases/export.xlsx${query({ ...apiQuery, lang: locale })}`;
  const count = activeFilterCount(filters);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          {count > 0 && <Typography.Text type="secondary">{t('filtersOn', { n: count })}</Typography.Text>}
          <Tooltip title={t('exportHint')}>
            <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="export-xlsx">
              {t('export')}
            </Button>
          </Tooltip>
        </Space>
      </Flex>
      <Card size="small">
        <CaseFilters filters={filters} onChange={change} onReset={() => setSearch(filtersToSearch({ status: [], sort: latest.current.sort }))} reference={reference} />
      </Card>
      {error ? <PageError error={error} onRetry={() => setTick((n) => n + 1)} /> : null}
      <CaseTable items={items} loading={loading} filters={filters} reference={reference} onSort={(sort) => change({ sort })} />
      <Flex justify="center" align="center" gap={12} wrap>
        <Typography.Text type="secondary" data-testid="shown-count">
          {t('shown', { n: items.length })}
        </Typography.Text>
        {cursor ? (
          <Button onClick={loadMore} loading={loading} data-testid="load-more">
            {t('loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('noMore')}</Typography.Text>
        )}
      </Flex>
    </Space>
  );
}
