import { Select, Tag } from 'antd';
import { label, type SimilarCaseView } from '@lianxin/core';
import { useEffect, useState } from 'react';
import { api, query } from '../../../api/client';
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

  useEffect(() => {
    const search = q.trim();
    if (!search) return setFound([]);
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .get<{ items: Option[] }>(`/api/cases${query({ q: search, limit: 20 })}`)
        .then((r) => live && setFound(r.items))
        .catch(() => live && setFound([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

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
