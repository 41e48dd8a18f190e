import { TreeSelect } from 'antd';
import type { TreeOption } from './register-form';

/** The category tree, searchable by name; the whole tree is small (tens of nodes). */
export function CategoryTreeSelect({ id, value, onChange, treeData, placeholder }: { id?: string; value?: string; onChange?: (code: string) => void; treeData: TreeOption[]; placeholder: string }) {
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(code) => onChange?.(code as string)}
      treeData={treeData}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      placeholder={placeholder}
      allowClear
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
