import { Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import type { HouseholdView as Household } from '@lianxin/core';
import { useDebounced } from '../register/use-debounced';
import { visitMessages } from './visits.messages';
import { isNetworkError } from '../offline/network';
import { offlineHousehold, searchOfflineHouseholds } from '../offline/offline-reference';
import { useMe } from '../shell/session';

type Picked = Pick<Household, 'id' | 'address' | 'headName' | 'areaCode'>;

/**
 * The households of the visit's village, searched on the server by address as the cadre types
 * (a village has hundreds; the list shows 30 at a time). Chosen households stay named; households
 * preset by a link are looked up once.
 */
export default function HouseholdPicker({ areaCode, value = [], onChange, id, onPicked }: { areaCode?: string; value?: string[]; onChange?: (ids: string[]) => void; id?: string; onPicked?: (households: Picked[]) => void }) {
  const t = useT(visitMessages);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useApi('GET /api/households', areaCode ? { query: { areaCode, q: q || undefined, limit: 30 } } : null);
  const [known, setKnown] = useState<Map<string, Picked>>(new Map());
  // — offline — without signal, the households kept on the phone (offline reference data) answer the search.
  // The mode holds while a new search is in flight (its error is cleared then), so the list never
  // flips to the empty online answer and back between two keystrokes.
  const me = useMe();
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (!found.loading) setOffline(isNetworkError(found.error));
  }, [found.loading, found.error]);
  const [kept, setKept] = useState<{ q: string; rows: Picked[] } | null>(null);
  useEffect(() => {
    if (!offline || !areaCode) return;
    let current = true;
    void searchOfflineHouseholds(me.userId, areaCode, q).then((rows) => {
      if (!current) return;
      setKept({ q, rows });
      remember(rows);
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [offline, areaCode, q, me.userId]);
  const listed = offline ? (kept?.rows ?? []) : (found.data?.items ?? []);
  // The search whose answer the list shows, once it is the one typed (what a test or a screen reader may wait for).
  const [foundFor, setFoundFor] = useState<string>();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setFoundFor(found.data ? q : undefined), [found.data]); // a stale answer is dropped, so the data is the current search's
  const answered = offline ? kept?.q : found.loading ? undefined : foundFor;
  const settled = answered !== undefined && answered === search.trim() && q === search.trim();
  const remember = (items: Picked[]) => setKnown((prev) => new Map([...prev, ...items.map((h) => [h.id, h] as const)]));
  useEffect(() => {
    if (found.data) remember(found.data.items);
  }, [found.data]);
  // Households preset by a link (a campaign's target, a household's page) may lie outside the first page.
  const missing = value.filter((v) => !known.has(v));
  useEffect(() => {
    if (missing.length === 0) return;
    // Without signal, the household kept on the phone (a campaign target's link opened offline).
    void Promise.all(missing.map((h) => call('GET /api/households/:id', { params: { id: h } }).catch((e) => (isNetworkError(e) ? offlineHousehold(me.userId, h) : null)))).then((rows) => remember(rows.filter((r) => r !== null)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missing.join(',')]);
  useEffect(() => {
    onPicked?.(value.map((v) => known.get(v)).filter((h): h is Picked => !!h));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value.join(','), known]);

  const options = useMemo(() => {
    const chosen = value.filter((v) => !listed.some((h) => h.id === v)).map((v) => known.get(v)).filter((h): h is Picked => !!h);
    return [...listed, ...chosen].map((h) => ({ value: h.id, label: h.address, head: h.headName }));
  }, [listed, known, value]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={options}
      disabled={!areaCode}
      placeholder={t('householdsPlaceholder')}
      loading={found.loading}
      style={{ width: '100%' }}
      data-testid="visit-households"
      data-search-settled={settled ? answered : undefined}
      showSearch={{ filterOption: (input, o) => !!o && String(o.label).includes(input.trim()), onSearch: setSearch }}
      onBlur={() => setSearch('')}
      notFoundContent={found.loading ? <Spin size="small" /> : undefined}
      optionRender={(o) => (
        <div style={{ minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {o.data.label}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {o.data.head}
          </Typography.Text>
        </div>
      )}
    />
  );
}
