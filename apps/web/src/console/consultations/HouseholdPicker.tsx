import { Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../shared/use-api';

/** Picks a household of the registry by its address (the registry's text search), showing the masked head. */
export function HouseholdPicker({ value, onChange, areaCode, testId }: { value?: string; onChange?: (id: string) => void; areaCode?: string; testId?: string }) {
  const [q, setQ] = useState('');
  const list = useApi('GET /api/households', { query: { limit: 20, ...(q ? { q } : {}), ...(areaCode ? { areaCode } : {}) } });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={list.loading}
      data-testid={testId}
      options={(list.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.headName} · ${h.address}` }))}
    />
  );
}
