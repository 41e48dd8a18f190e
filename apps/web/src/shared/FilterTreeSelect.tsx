import { TreeSelect, type TreeSelectProps } from 'antd';

/**
 * A list filter picking one node of a tree (a category, an area): clearable, searchable by name,
 * full width, its popup as wide as the names. `label` is both its placeholder and its accessible name.
 */
export function FilterTreeSelect({ label, value, treeData, onChange, testId }: { label: string; value: string | undefined; treeData: TreeSelectProps['treeData']; onChange: (value?: string) => void; testId?: string }) {
  return (
    <TreeSelect
      aria-label={label}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder={label}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      value={value}
      treeData={treeData}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
