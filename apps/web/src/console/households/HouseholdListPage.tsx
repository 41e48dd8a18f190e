import { Alert, Button, Card, Checkbox, Flex, Input, Segmented, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApiPath } from '../../shared/use-api';
import { hasRole, useMe } from '../shell/session';
import { areaTreeOptions, tagColorer, tagNamer } from './household-logic';
import type { AreaNode, Household, HouseholdDetail, HouseholdTag } from './household-types';
import HouseholdForm from './HouseholdForm';
import { householdMessages } from './households.messages';
import ImportDialog from './ImportDialog';

/** Who may create and import (households.policy EDITING_ROLES). */
export const EDITING_ROLES = ['stationed_cadre', 'registrar', 'dispatcher', 'unit_head', 'admin'] as const;

const isVillage = (code: string | undefined): code is string => !!code && /^\d{12}$/.test(code) && !code.endsWith('000');

/** 民情档案: filtered, keyset-paged list with Excel template, import and export. */
export default function HouseholdListPage() {
  const t = useT(householdMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const canEdit = hasRole(me, ...EDITING_ROLES);
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [tags, setTags] = useState<string[]>([]);
  const [tagMatch, setTagMatch] = useState<'any' | 'all'>('any');
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<Household[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [tick, setTick] = useState(0);
  const tagList = useApiPath<{ items: HouseholdTag[] }>('/api/tags');
  const areas = useApiPath<{ items: AreaNode[] }>('/api/areas?format=tree');
  const areaOptions = useMemo(() => areaTreeOptions(areas.data?.items ?? []), [areas.data]);
  const tagName = tagNamer(tagList.data?.items, locale);
  const tagColor = tagColorer(tagList.data?.items);

  const filters = useMemo(
    () => ({ areaCode, tags, tagMatch: tags.length > 1 ? tagMatch : undefined, contactUserId: mine ? me.userId : undefined, q: q.trim() || undefined }),
    [areaCode, tags, tagMatch, mine, me.userId, q],
  );

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.get<{ items: Household[]; nextCursor: string | null }>(`/api/households${query({ ...filters, cursor: after, limit: 50 })}`);
        setRows((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  // New filters start from the first page (the address box waits for a pause in typing).
  useEffect(() => {
    const timer = setTimeout(() => void load(null), 250);
    return () => clearTimeout(timer);
  }, [load, tick]);

  const exportHref = `/api/households/export.xlsx${query(filters)}`;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          {canEdit && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="household-create">
              {t('create')}
            </Button>
          )}
          <Button href="/api/households/template.xlsx">{t('template')}</Button>
          {canEdit && <Button onClick={() => setImporting(true)}>{t('import')}</Button>}
          <Button href={exportHref}>{t('export')}</Button>
          {/* Cards are printed per village (12-digit code, not a township or a grid). */}
          <Button
            href={isVillage(areaCode) ? `/api/contact-cards.pdf?area=${areaCode}` : undefined}
            target="_blank"
            disabled={!isVillage(areaCode)}
            title={isVillage(areaCode) ? undefined : t('contactCardsHint')}
            data-testid="contact-cards"
          >
            {t('contactCards')}
          </Button>
        </Space>
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={areaOptions}
            value={areaCode}
            onChange={(v) => setAreaCode(v || undefined)}
            placeholder={t('areaAll')}
            style={{ minWidth: 180, flex: '1 1 180px' }}
            aria-label={t('area')}
          />
          <Select
            mode="multiple"
            allowClear
            value={tags}
            onChange={setTags}
            placeholder={t('tags')}
            options={(tagList.data?.items ?? []).map((tag) => ({ value: tag.code, label: tagName(tag.code) }))}
            style={{ minWidth: 180, flex: '1 1 200px' }}
            aria-label={t('tags')}
            data-testid="filter-tags"
          />
          {tags.length > 1 && (
            <Segmented value={tagMatch} onChange={(v) => setTagMatch(v as 'any' | 'all')} options={[{ value: 'any', label: t('tagMatchAny') }, { value: 'all', label: t('tagMatchAll') }]} />
          )}
          <Input.Search allowClear placeholder={t('addressSearch')} value={q} onChange={(e) => setQ(e.target.value)} style={{ flex: '1 1 180px', minWidth: 160 }} aria-label={t('addressSearch')} />
          <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
            {t('mine')}
          </Checkbox>
        </Flex>
      </Card>
      {error ? (
        error instanceof ApiError && error.status === 400 ? <Alert type="error" showIcon message={error.title} /> : <PageError error={error} onRetry={() => void load(null)} />
      ) : (
        <Card size="small">
          <Table<Household>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: t('empty') }}
            data-testid="household-table"
            onRow={(h) => ({ onDoubleClick: () => navigate(`/households/${h.id}`) })}
            columns={[
              { title: t('headName'), dataIndex: 'headName', width: 90, render: (v: string, h) => <Link to={`/households/${h.id}`}>{v}</Link> },
              { title: t('address'), dataIndex: 'address', ellipsis: true, render: (v: string) => <span title={v}>{v}</span> },
              { title: t('area'), dataIndex: 'areaName', width: 110, ellipsis: true },
              {
                title: t('tags'),
                dataIndex: 'tags',
                render: (codes: string[]) => (
                  <Flex wrap gap={4}>
                    {codes.map((c) => (
                      <Tag key={c} color={tagColor(c)} style={{ marginInlineEnd: 0 }}>
                        {tagName(c)}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              { title: t('members'), dataIndex: 'memberCount', width: 64, align: 'right' },
              { title: t('contact'), dataIndex: ['contact', 'name'], width: 90, ellipsis: true },
              { title: t('needs'), dataIndex: 'needs', ellipsis: true, render: (v: string | null) => (v ? <span title={v}>{v}</span> : null) },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('shown', { n: rows.length })}</Typography.Text>
            {cursor && (
              <Button onClick={() => void load(cursor)} loading={loading}>
                {t('loadMore')}
              </Button>
            )}
          </Flex>
        </Card>
      )}
      <HouseholdForm
        open={creating}
        onClose={() => setCreating(false)}
        areas={areaOptions}
        tags={tagList.data?.items ?? []}
        onSaved={(h: HouseholdDetail) => {
          setCreating(false);
          navigate(`/households/${h.id}`);
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={() => setTick((n) => n + 1)} />
    </Flex>
  );
}
