import type { Role, StaffMember } from '@lianxin/core';
import { Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { useDebounced } from '../register/use-debounced';
import { fieldWorkMessages } from './field-work.messages';

type Props = {
  /** Only colleagues holding this role (any role when absent) … */
  role?: Role;
  /** … in a unit of this area subtree. */
  areaCode?: string;
  placeholder?: string;
  id?: string;
  testId?: string;
  /** People not to offer (those already on a list). */
  exclude?: readonly string[];
  /** Called with the people behind the chosen ids (for names in results). */
  onPeople?: (people: StaffMember[]) => void;
} & ({ mode: 'multiple'; value?: string[]; onChange?: (ids: string[]) => void } | { mode?: undefined; value?: string; onChange?: (id: string) => void });

/** The unit the person holds `role` in (else their first unit), to tell namesakes apart. */
const unitOf = (p: StaffMember, role?: Role) => p.grants.find((g) => g.role === role)?.unitName ?? p.grants[0]?.unitName ?? '';

/**
 * Picks colleagues from the staff directory (GET /api/staff), searched on the server by name as
 * the user types, so a large county is never cut off at the first page.
 */
export default function StaffSelect(props: Props) {
  const { role, areaCode, placeholder, id, testId, onPeople, exclude = [] } = props;
  const t = useT(fieldWorkMessages);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const staff = useApi('GET /api/staff', { query: { role, areaCode, q: q || undefined, limit: 50 } });
  // Chosen people stay named even when the current search no longer lists them.
  const [known, setKnown] = useState<Map<string, StaffMember>>(new Map());
  useEffect(() => {
    if (staff.data) setKnown((prev) => new Map([...prev, ...staff.data!.items.map((p) => [p.id, p] as const)]));
  }, [staff.data]);
  const chosen = props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
  useEffect(() => {
    onPeople?.(chosen.map((c) => known.get(c)).filter((p): p is StaffMember => !!p));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen.join(','), known]);

  const options = useMemo(() => {
    const listed = (staff.data?.items ?? []).filter((p) => !exclude.includes(p.id));
    const extra = chosen.filter((c) => !listed.some((p) => p.id === c)).map((c) => known.get(c)).filter((p): p is StaffMember => !!p);
    return [...listed, ...extra].map((p) => ({ value: p.id, label: p.displayName, username: p.username, unit: unitOf(p, role) }));
  }, [staff.data, known, chosen.join(','), role, exclude.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  const common = {
    id,
    'data-testid': testId,
    placeholder,
    options,
    loading: staff.loading,
    style: { width: '100%' },
    // The server searches the whole directory; the list on screen narrows at once while it answers.
    showSearch: { filterOption: (input: string, o?: { label: string; username: string }) => !!o && (o.label.includes(input.trim()) || o.username.toLowerCase().includes(input.trim().toLowerCase())), onSearch: setSearch },
    notFoundContent: staff.loading ? <Spin size="small" /> : t('staffNone'),
    optionRender: (o: { data: { label: string; unit: string } }) => (
      <div style={{ minWidth: 0 }}>
        <div>{o.data.label}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {o.data.unit}
        </Typography.Text>
      </div>
    ),
    onBlur: () => setSearch(''),
  };
  return props.mode === 'multiple' ? (
    <Select {...common} mode="multiple" value={props.value} onChange={(v: string[]) => props.onChange?.(v)} />
  ) : (
    <Select {...common} allowClear value={props.value} onChange={(v: string) => props.onChange?.(v)} />
  );
}
