import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import type { AreaOption } from './area-options';

/** The "which area" filter of a field-work list: the areas the user reaches, searchable by name, clearable. */
export default function AreaFilter({ areas, value, onChange, placeholder, label, testId, style }: {
  areas: AreaOption[];
  value?: string;
  onChange: (areaCode: string | undefined) => void;
  placeholder: string;
  label: string;
  testId?: string;
  style?: CSSProperties;
}) {
  return (
    <TreeSelect
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeData={areas}
      value={value}
      onChange={(v?: string) => onChange(v || undefined)}
      placeholder={placeholder}
      aria-label={label}
      style={{ flex: '1 1 200px', minWidth: 0, ...style }}
      data-testid={testId}
    />
  );
}
