import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tooltip, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { apiUrl } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { useCursorPages } from '../../shared/use-api';
import { caseListMessages } from './case-list/case-list.messages';
import { CaseFilters } from './case-list/CaseFilters';
import { CaseTable } from './case-list/CaseTable';
import { activeFilterCount, filtersToApi, filtersToSearch, type ListFilters, parseFilters } from './case-list/list-query';
import { PagedList } from './case-list/PagedList';
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
  const reference = useReference();
  // A new filter or order starts again from the first page.
  const pages = useCursorPages('GET /api/cases', { query: { ...apiQuery, limit: PAGE_SIZE } });

  const change = (patch: Partial<ListFilters>) => setSearch(filtersToSearch({ ...latest.current, ...patch }));
  const exportHref = apiUrl('GET /api/cases/export.xlsx', { query: { ...apiQuery, lang: locale } });
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
      <PagedList pages={pages} texts={{ loadMore: t('loadMore'), shown: t('shown', { n: pages.items.length }), noMore: t('noMore') }}>
        {(items) => <CaseTable items={items} loading={pages.loading} filters={filters} reference={reference} onSort={(sort) => change({ sort })} />}
      </PagedList>
    </Space>
  );
}
