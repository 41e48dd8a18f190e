import { type HouseholdDetail, type HouseholdView as Household, holds } from '@lianxin/core';
import { Alert, Button, Card, Checkbox, Flex, Input, Segmented, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, apiUrl } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi, useCursorPages } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { areaTreeOptions, commonAreaCode, tagColorer, tagNamer, tagTextColor } from './household-logic';
import HouseholdForm from './HouseholdForm';
import { householdMessages } from './households.messages';
import ImportDialog from './ImportDialog';

const isVillage = (code: string | undefined): code is string => !!code && /^\d{12}$/.test(code) && !code.endsWith('000');

/** 民情档案: filtered, keyset-paged list with Excel template, import and export. */
export default function HouseholdListPage() {
  const t = useT(householdMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  // Who may create and import: core's household.edit, as the server asks it.
  const canEdit = holds(me.roles, 'household.edit');
  // The area picker starts at the user's own area (not the province); a cadre of one village has it chosen.
  const ownArea = useMemo(() => commonAreaCode(me.roles.map((g) => g.areaCode)), [me.roles]);
  const [areaCode, setAreaCode] = useState<string | undefined>(() => (isVillage(ownArea) ? ownArea : undefined));
  const [tags, setTags] = useState<string[]>([]);
  const [tagMatch, setTagMatch] = useState<'any' | 'all'>('any');
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  // The address box waits for a pause in typing.
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTyped(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const tagList = useApi('GET /api/tags');
  const areas = useApi('GET /api/areas', { query: { format: 'tree', root: ownArea } });
  const areaOptions = useMemo(() => areaTreeOptions(areas.data?.items ?? []), [areas.data]);
  const tagName = tagNamer(tagList.data?.items, locale);
  const tagColor = tagColorer(tagList.data?.items);

  const filters = useMemo(
    () => ({ areaCode, tags, tagMatch: tags.length > 1 ? tagMatch : undefined, contactUserId: mine ? me.userId : undefined, q: typed || undefined }),
    [areaCode, tags, tagMatch, mine, me.userId, typed],
  );
  // New filters start from the first page; "load more" appends the next.
  const { items: rows, loading, error, hasMore, loadMore, reload } = useCursorPages('GET /api/households', { query: { ...filters, limit: 50 } });

  const exportHref = apiUrl('GET /api/households/export.xlsx', { query: filters });

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
          {canEdit && <Button href={apiUrl('GET /api/households/template.xlsx')}>{t('template')}</Button>}
          {canEdit && <Button onClick={() => setImporting(true)}>{t('import')}</Button>}
          <Button href={exportHref}>{t('export')}</Button>
          {/* Cards are printed per village (12-digit code, not a township or a grid). */}
          <Button
            href={isVillage(areaCode) ? apiUrl('GET /api/contact-cards.pdf', { query: { area: areaCode } }) : undefined}
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
            treeDefaultExpandedKeys={ownArea ? [ownArea] : undefined}
            data-testid="household-area"
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
        error instanceof ApiError && error.status === 400 ? <Alert type="error" showIcon message={error.title} /> : <PageError error={error} onRetry={reload} />
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
                      <Tag key={c} color={tagColor(c)} style={{ marginInlineEnd: 0, color: tagTextColor(tagColor(c)) }}>
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
            {hasMore && (
              <Button onClick={loadMore} loading={loading}>
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
      <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={reload} />
    </Flex>
  );
}
