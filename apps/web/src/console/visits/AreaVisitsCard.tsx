import { Button, Card, Flex, List } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import VisitCard from './VisitCard';
import type { Visit, VisitPage } from './visit-types';
import { visitMessages } from './visits.messages';

/** 辖区最近走访: every cadre's visits in the reader's area, newest first, keyset pages. */
export default function AreaVisitsCard() {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const [items, setItems] = useState<Visit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<VisitPage>(`/api/visits?limit=20${after ? `&cursor=${encodeURIComponent(after)}` : ''}`);
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(null), [load, locale]);

  return (
    <Card size="small" title={t('areaVisits')}>
      {error ? (
        <PageError error={error} onRetry={() => void load(null)} />
      ) : (
        <>
          <List<Visit> loading={loading} dataSource={items} locale={{ emptyText: <PageEmpty>{t('areaVisitsEmpty')}</PageEmpty> }} renderItem={(v) => <List.Item key={v.id}><VisitCard visit={v} showCadre showDate /></List.Item>} data-testid="area-visits" />
          {cursor && (
            <Flex justify="center">
              <Button onClick={() => void load(cursor)} loading={loading}>
                {t('loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
