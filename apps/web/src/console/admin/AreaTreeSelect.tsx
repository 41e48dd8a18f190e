import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useApi } from '../../shared/use-api';
import { areaOptions } from './admin-logic';

/** Picks an area from the user's area tree (searchable by name). */
export function AreaTreeSelect({ value, onChange, id, placeholder }: { value?: string; onChange?: (code: string) => void; id?: string; placeholder?: string }) {
  const { data, loading } = useApi('GET /api/areas', { query: { format: 'tree' } });
  const treeData = useMemo(() => areaOptions(data?.items ?? []), [data]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={data?.items.map((n) => n.code)}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
