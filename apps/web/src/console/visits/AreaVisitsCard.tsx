import { reachOf, type VisitView as Visit } from '@lianxin/core';
import { Button, Card, Flex, List } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import { useApi, useCursorPages } from '../../shared/use-api';
import AreaFilter from '../field-work/AreaFilter';
import { areaOptions } from '../field-work/area-options';
import { useMe } from '../shell/session';
import VisitCard from './VisitCard';
import { visitMessages } from './visits.messages';

/** 辖区最近走访: every cadre's visits in the reader's area (or a part of it), newest first, keyset pages. */
export default function AreaVisitsCard() {
  const t = useT(visitMessages);
  const me = useMe();
  const tree = useApi('GET /api/areas', { query: { format: 'tree' } });
  const areas = useMemo(() => areaOptions(tree.data?.items ?? [], reachOf(me.roles, 'field.read')), [tree.data, me.roles]);
  const [areaCode, setAreaCode] = useState<string | undefined>();
  // Only the latest request fills the list (a quick change of area must not show the previous one's).
  const visits = useCursorPages('GET /api/visits', { query: { areaCode, limit: 20 } });

  return (
    <Card size="small" title={t('areaVisits')} data-testid="area-visits-card">
      <Flex vertical gap={8}>
        <AreaFilter areas={areas} value={areaCode} onChange={setAreaCode} placeholder={t('areaAll')} label={t('areaFilter')} testId="area-visits-filter" style={{ flex: 'none', width: '100%' }} />
        {visits.error ? (
          <PageError error={visits.error} onRetry={visits.reload} />
        ) : (
          <>
            <List<Visit>
              loading={visits.loading}
              dataSource={visits.items}
              locale={{ emptyText: <PageEmpty>{t('areaVisitsEmpty')}</PageEmpty> }}
              renderItem={(v) => (
                <List.Item key={v.id}>
                  <VisitCard visit={v} showCadre showDate />
                </List.Item>
              )}
              data-testid="area-visits"
            />
            {visits.hasMore && (
              <Flex justify="center">
                <Button onClick={visits.loadMore} loading={visits.loading} data-testid="area-visits-more">
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
