import { Cascader } from 'antd';
import type { CascaderOption } from './register-form';

/** The area cascader: the user's registrable areas down to grids; any level may be chosen. */
export function AreaCascader({ id, value, onChange, options, placeholder }: { id?: string; value?: string[]; onChange?: (path: string[]) => void; options: CascaderOption[]; placeholder: string }) {
  return (
    <Cascader
      id={id}
      options={options}
      value={value}
      onChange={(path) => onChange?.((path ?? []) as string[])}
      changeOnSelect
      expandTrigger="hover"
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
