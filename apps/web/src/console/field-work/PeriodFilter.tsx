import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** The "from … to" filter of a field-work list: two China-time dates, both always set, optional presets. */
export default function PeriodFilter({ from, to, onChange, label, presets, testId }: {
  from: string;
  to: string;
  onChange: (period: { from: string; to: string }) => void;
  label: string;
  presets?: Array<{ label: string; value: [Dayjs, Dayjs] }>;
  testId?: string;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      allowClear={false}
      presets={presets}
      value={[dayjs(from), dayjs(to)]}
      onChange={(range) => range?.[0] && range[1] && onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })}
      style={{ flex: '1 1 240px', minWidth: 0, maxWidth: 320 }}
      data-testid={testId}
    />
  );
}
