import { Button, Card, Flex, List } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import { useApiPath } from '../../shared/use-api';
import AreaFilter from '../field-work/AreaFilter';
import { areaOptions, FIELD_READ_ROLES, reachOf } from '../field-work/field-scope';
import type { AreaNode } from '@lianxin/core';
import { useMe } from '../shell/session';
import VisitCard from './VisitCard';
import type { Visit, VisitPage } from './visit-types';
import { visitMessages } from './visits.messages';

/** 辖区最近走访: every cadre's visits in the reader's area (or a part of it), newest first, keyset pages. */
export default function AreaVisitsCard() {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const me = useMe();
  const tree = useApiPath<{ items: AreaNode[] }>('/api/areas?format=tree');
  const areas = useMemo(() => areaOptions(tree.data?.items ?? [], reachOf(me.roles, FIELD_READ_ROLES)), [tree.data, me.roles]);
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [items, setItems] = useState<Visit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  // Only the latest request may fill the list (a quick change of area must not show the previous one's).
  const latest = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const request = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await api.get<VisitPage>(`/api/visits${query({ areaCode, limit: 20, cursor: after })}`);
        if (request !== latest.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        if (request === latest.current) setError(e);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    },
    [areaCode],
  );
  useEffect(() => void load(null), [load, locale]);

  return (
    <Card size="small" title={t('areaVisits')} data-testid="area-visits-card">
      <Flex vertical gap={8}>
        <AreaFilter areas={areas} value={areaCode} onChange={setAreaCode} placeholder={t('areaAll')} label={t('areaFilter')} testId="area-visits-filter" style={{ flex: 'none', width: '100%' }} />
        {error ? (
          <PageError error={error} onRetry={() => void load(null)} />
        ) : (
          <>
            <List<Visit>
              loading={loading}
              dataSource={items}
              locale={{ emptyText: <PageEmpty>{t('areaVisitsEmpty')}</PageEmpty> }}
              renderItem={(v) => (
                <List.Item key={v.id}>
                  <VisitCard visit={v} showCadre showDate />
                </List.Item>
              )}
              data-testid="area-visits"
            />
            {cursor && (
              <Flex justify="center">
                <Button onClick={() => void load(cursor)} loading={loading} data-testid="area-visits-more">
                  {t('loadMore')}
                </Button>
              </Flex>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
