import { type CampaignTarget, type Coverage, localDate } from '@lianxin/core';
import { Button, Card, Flex, Grid, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useOffsetPages } from '../../shared/use-offset-pages';
import { tagColorer, tagNamer, tagTextColor } from '../households/household-logic';
import type { HouseholdTag } from '@lianxin/core';
import { recordVisitHref, targetQuery } from './campaign-logic';
import { campaignMessages } from './campaigns.messages';

type Visited = 'all' | 'visited' | 'unvisited';
interface Props {
  campaignId: string;
  coverage: Coverage;
  tags: HouseholdTag[];
  /** Shows "记录走访" (the reader records visits). */
  canVisit: boolean;
  /** Starts filtered to this cadre (a cadre opening the campaign sees their own share first). */
  initialCadre?: string;
  /** Changes when targets or assignments changed elsewhere on the page. */
  version: number;
}

/** 对象户名单: the targets the reader sees, by cadre and visited or not, with a link to record a visit. */
export default function TargetList({ campaignId, coverage, tags, canVisit, initialCadre, version }: Props) {
  const t = useT(campaignMessages);
  const { locale } = useLocale();
  const [cadre, setCadre] = useState<string | undefined>(initialCadre);
  const [visited, setVisited] = useState<Visited>('all');
  const tagName = tagNamer(tags, locale);
  const tagColor = tagColorer(tags);
  // On a phone the tag and cadre columns give way; their contents move under the address.
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const tagList = (r: CampaignTarget) => (
    <Flex wrap gap={4}>
      {r.household.tags.map((c) => (
        <Tag key={c} color={tagColor(c)} style={{ marginInlineEnd: 0, color: tagTextColor(tagColor(c)) }}>
          {tagName(c)}
        </Tag>
      ))}
    </Flex>
  );


  // A page asked for under older filters never lands on the newer list.
  const fetchPage = useCallback((offset: number) => call('GET /api/campaigns/:id/targets', { params: { id: campaignId }, query: targetQuery({ cadre, visited, offset }) }), [campaignId, cadre, visited]);
  const { rows, next: nextOffset, loading, error, load } = useOffsetPages(fetchPage);
  useEffect(() => void load(0), [load, version]);

  const cadreOptions = coverage.byCadre.filter((r) => r.cadre).map((r) => ({ value: r.cadre!.id, label: r.cadre!.name ?? r.cadre!.id }));
  // The initial cadre (me) may hold no targets yet; keep the choice named.
  if (cadre && !cadreOptions.some((o) => o.value === cadre)) cadreOptions.unshift({ value: cadre, label: t('mineOnly') });

  return (
    <Card size="small" title={t('targetsTitle')}>
      {/* Filters in the body, not the header: they wrap on a phone instead of pushing the card wide. */}
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        <Select allowClear value={cadre} onChange={setCadre} options={cadreOptions} placeholder={t('filterCadreAll')} style={{ minWidth: 140 }} aria-label={t('filterCadre')} data-testid="targets-filter-cadre" />
        <Segmented<Visited>
          value={visited}
          onChange={setVisited}
          options={[
            { value: 'all', label: t('visitedAll') },
            { value: 'unvisited', label: t('visitedNo') },
            { value: 'visited', label: t('visitedYes') },
          ]}
          data-testid="targets-filter-visited"
        />
      </Flex>
      {error ? (
        <PageError error={error} onRetry={() => void load(0)} />
      ) : (
        <>
          <Table<CampaignTarget>
            rowKey={(r) => r.household.id}
            size="small"
            loading={loading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('targetsEmpty') }}
            data-testid="targets-table"
            columns={[
              {
                title: t('address'),
                key: 'household',
                render: (_, r) => (
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Link to={`/households/${r.household.id}`}>{r.household.address}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.household.headName} · {r.household.areaName}
                        {narrow && ` · ${r.cadre?.name ?? t('unassigned')}`}
                      </Typography.Text>
                    </div>
                    {narrow && tagList(r)}
                  </div>
                ),
              },
              {
                title: t('tags'),
                key: 'tags',
                responsive: ['md'],
                render: (_, r) => tagList(r),
              },
              { title: t('cadre'), key: 'cadre', responsive: ['md'], width: 96, render: (_, r) => r.cadre?.name ?? <Typography.Text type="secondary">{t('unassigned')}</Typography.Text> },
              {
                title: t('visit'),
                key: 'visit',
                width: 120,
                render: (_, r) =>
                  r.visitedAt ? (
                    <Tag color="success" style={{ marginInlineEnd: 0 }}>
                      {t('visitedOn', { date: localDate(new Date(r.visitedAt)) })}
                    </Tag>
                  ) : canVisit ? (
                    <Link to={recordVisitHref(campaignId, r.household.id)} data-testid="target-record-visit">
                      {t('recordVisit')}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{t('visitedNo')}</Typography.Text>
                  ),
              },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
            <Typography.Text type="secondary" data-testid="targets-shown">
              {t('shown', { n: rows.length })}
            </Typography.Text>
            {nextOffset !== null && (
              <Button onClick={() => void load(nextOffset)} loading={loading}>
                {t('loadMore')}
              </Button>
            )}
          </Flex>
        </>
      )}
    </Card>
  );
}
