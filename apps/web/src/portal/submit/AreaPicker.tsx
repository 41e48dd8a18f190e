import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useLatest } from '../../shared/use-api';
import { portalMessages } from '../portal.messages';

interface AreaOption {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: AreaOption[];
}
const load = async (parentCode?: string): Promise<AreaOption[]> => {
  const { items } = await call('GET /api/public/areas', { query: { parentCode } });
  // Villages are the last level a resident picks; grids are for staff.
  return items.map((a) => ({ value: a.code, label: a.name, isLeaf: a.level === 'village' }));
};

/** The codes from the county down to `code` (12-digit division codes nest by prefix). */
export function ancestry(code: string): string[] {
  const county = `${code.slice(0, 6)}000000`;
  const township = `${code.slice(0, 9)}000`;
  return [county, township, code].filter((c, i, all) => all.indexOf(c) === i);
}

/** County → township → village, loaded level by level; a QR code can preset the village. */
export function AreaPicker({
  value,
  onChange,
  id,
  anyLevel = false,
  placeholder,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  /** A filter may stop at a township (or the county); a submission names the village. */
  anyLevel?: boolean;
  placeholder?: string;
}) {
  const t = useT(portalMessages);
  const [options, setOptions] = useState<AreaOption[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const latest = useLatest();

  useEffect(() => {
    const preset = async () => {
      const roots = await load();
      if (!value) return { roots, path: [] };
      // Open the preset village's branch so the picker can show its name.
      let level = roots;
      for (const code of ancestry(value).slice(0, -1)) {
        const node = level.find((o) => o.value === code);
        if (!node) break;
        node.children = await load(code);
        level = node.children;
      }
      return { roots, path: ancestry(value).filter((c, i) => i > 0 || roots.some((r) => r.value === c)) };
    };
    latest(preset()).then(
      ({ value: loaded, current }) => {
        if (!current) return;
        if (value) setPath(loaded.path);
        setOptions(loaded.roots);
      },
      () => setOptions([]),
    );
    // Only the first value presets the picker.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const loadData = async (selected: AreaOption[]) => {
    const target = selected[selected.length - 1];
    target.children = await load(target.value);
    setOptions((o) => [...o]);
  };

  return (
    <Cascader
      id={id}
      options={options}
      loadData={(s) => loadData(s as AreaOption[])}
      value={path}
      changeOnSelect={anyLevel}
      placeholder={placeholder ?? t('areaPlaceholder')}
      onChange={(codes) => {
        const list = (codes ?? []) as string[];
        setPath(list);
        onChange?.(list[list.length - 1]);
      }}
      style={{ width: '100%' }}
    />
  );
}
