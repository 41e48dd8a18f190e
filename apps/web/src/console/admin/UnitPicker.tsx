import { Select } from 'antd';
import { useMemo } from 'react';
import { useApi } from '../../shared/use-api';

/** Picks an active unit of the admin's area (up to 200, searchable by name). */
export function UnitPicker({ value, onChange, id, allowClear, placeholder }: { value?: string | null; onChange?: (id: string | null) => void; id?: string; allowClear?: boolean; placeholder?: string }) {
  const { data, loading } = useApi('GET /api/units', { query: { pageSize: 200 } });
  const options = useMemo(() => (data?.items ?? []).map((u) => ({ value: u.id, label: u.name })), [data]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', minWidth: 0 }}
      popupMatchSelectWidth={false}
    />
  );
}
