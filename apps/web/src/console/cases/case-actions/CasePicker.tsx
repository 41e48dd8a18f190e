import { Select, Tag } from 'antd';
import { label, type SimilarCaseView } from '@lianxin/core';
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { useLatest } from '../../../shared/use-api';
import { useLocale, useT } from '../../../i18n/i18n';
import { casePageMessages } from '../case-page.messages';

interface Option {
  id: string;
  code: string;
  title: string;
  status: string;
  possibleDuplicate?: boolean;
}

/** Picks the case to merge into: the similar cases first, or any visible case found by code or title. */
export function CasePicker({ value, onChange, selfId, similar, id }: { value?: string; onChange?: (id: string) => void; selfId: string; similar: SimilarCaseView[]; id?: string }) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useLatest();

  useEffect(() => {
    const search = q.trim();
    // A new search supersedes any answer still on its way.
    void latest(Promise.resolve());
    if (!search) return setFound([]);
    setLoading(true);
    const timer = setTimeout(() => {
      latest(call('GET /api/cases', { query: { q: search, limit: 20 } })).then(
        ({ value, current }) => current && (setFound(value.items), setLoading(false)),
        () => (setFound([]), setLoading(false)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, latest]);

  const all = new Map<string, Option>();
  for (const s of similar) all.set(s.id, s);
  for (const f of found) if (!all.has(f.id)) all.set(f.id, f);
  all.delete(selfId);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('f_intoCasePlaceholder')}
      data-testid="merge-target"
      style={{ width: '100%' }}
      options={[...all.values()].map((o) => ({
        value: o.id,
        label: (
          <span title={`${o.code} ${o.title}`}>
            {o.possibleDuplicate && <Tag color="orange">{t('possibleDuplicate')}</Tag>}
            {o.code} · {o.title} · {label('state', o.status, locale)}
          </span>
        ),
      }))}
    />
  );
}
