import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { query } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { useDebounced } from '../register/use-debounced';
import { officeDayMessages } from './office-days.messages';

interface Colleague {
  id: string;
  displayName: string;
  grants: Array<{ role: string; unitName: string }>;
}

type Props = { value?: string[]; onChange?: (ids: string[]) => void; exclude?: readonly string[]; placeholder?: string; testId?: string };

/**
 * Several colleagues of any role from the staff directory (GET /api/staff), searched on the server
 * as the user types: a joint office day brings township, village and department staff together.
 */
export default function ColleagueSelect({ value, onChange, exclude = [], placeholder, testId }: Props) {
  const t = useT(officeDayMessages);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const staff = useApi<{ items: Colleague[] }>(`/api/staff${query({ q, limit: 30 })}`);
  const [known, setKnown] = useState<Map<string, Colleague>>(new Map());
  const options = useMemo(() => {
    const listed = (staff.data?.items ?? []).filter((p) => !exclude.includes(p.id));
    // Chosen people keep their names when a new search no longer lists them.
    const kept = (value ?? []).filter((id) => !listed.some((p) => p.id === id)).map((id) => known.get(id)).filter((p): p is Colleague => !!p);
    return [...listed, ...kept].map((p) => ({ value: p.id, label: p.displayName, unit: p.grants[0]?.unitName ?? '' }));
  }, [staff.data, exclude, value, known]);

  return (
    <Select
      mode="multiple"
      value={value}
      onChange={(ids: string[]) => {
        setKnown((prev) => new Map([...prev, ...(staff.data?.items ?? []).filter((p) => ids.includes(p.id)).map((p) => [p.id, p] as const)]));
        onChange?.(ids);
      }}
      options={options}
      placeholder={placeholder}
      loading={staff.loading}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onBlur={() => setSearch('')}
      notFoundContent={staff.loading ? <Spin size="small" /> : t('noColleague')}
      optionRender={(o) => (
        <div style={{ minWidth: 0 }}>
          <div>{o.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
            {o.data.unit}
          </Typography.Text>
        </div>
      )}
      data-testid={testId}
    />
  );
}
