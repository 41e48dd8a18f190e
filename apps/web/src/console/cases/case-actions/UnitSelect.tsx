import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Suggestions, UnitView } from '@lianxin/core';
import { call } from '../../../api/client';
import { useT } from '../../../i18n/i18n';
import { useLatest } from '../../../shared/use-api';
import { casePageMessages } from '../case-page.messages';

type UnitOption = Pick<UnitView, 'id' | 'name' | 'areaName'>;

/**
 * Unit picker: searches GET /api/units as the user types; with `suggestFrom` it also shows the
 * learned suggestions of POST /api/cases/suggest as one-click tags.
 */
export function UnitSelect({
  value,
  onChange,
  exclude = [],
  suggestFrom,
  id,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  exclude?: string[];
  suggestFrom?: { title: string; content: string };
  id?: string;
}) {
  const t = useT(casePageMessages);
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<UnitOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [suggested, setSuggested] = useState<Suggestions['units']>([]);

  const latestUnits = useLatest();
  useEffect(() => {
    setLoading(true);
    const timer = setTimeout(() => {
      latestUnits(call('GET /api/units', { query: { q: q.trim() || undefined, pageSize: 100 } })).then(
        ({ value, current }) => {
          if (!current) return;
          setOptions(value.items);
          setLoading(false);
        },
        () => {
          setOptions([]);
          setLoading(false);
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, latestUnits]);

  const title = suggestFrom?.title;
  const content = suggestFrom?.content;
  const latestSuggestion = useLatest();
  useEffect(() => {
    if (!content) return;
    latestSuggestion(call('POST /api/cases/suggest', { body: { title, content } })).then(
      ({ value, current }) => current && setSuggested(value.units.filter((u) => !exclude.includes(u.id)).slice(0, 3)),
      () => setSuggested([]),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title, content]);

  const known = new Map(options.map((o) => [o.id, o]));
  for (const s of suggested) if (!known.has(s.id)) known.set(s.id, { id: s.id, name: s.name, areaName: '' });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        id={id}
        showSearch={{ filterOption: false, onSearch: setQ }}
        allowClear
        value={value}
        onChange={(v) => onChange?.(v ?? undefined)}
        loading={loading}
        placeholder={t('f_unitPlaceholder')}
        style={{ width: '100%' }}
        data-testid="unit-select"
        options={[...known.values()]
          .filter((o) => !exclude.includes(o.id))
          .map((o) => ({ value: o.id, label: o.areaName ? `${o.name}（${o.areaName}）` : o.name }))}
      />
      {suggested.length > 0 && (
        <Space wrap size={4}>
          <Typography.Text type="secondary">{t('f_suggested')}</Typography.Text>
          {suggested.map((s) => (
            <Tag.CheckableTag key={s.id} checked={value === s.id} onChange={() => onChange?.(s.id)}>
              {s.name} {Math.round(s.confidence * 100)}%
            </Tag.CheckableTag>
          ))}
        </Space>
      )}
    </Space>
  );
}
