import { ATTENDANCE_CORRECTIONS, type AttendanceMark, type AttendanceSheetSchema, type Contract, label, localDate } from '@lianxin/core';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { dutyMessages } from './duty.messages';

type Sheet = Contract<typeof AttendanceSheetSchema>;
type Row = Sheet['rows'][number];
const SHORT: Record<AttendanceMark, [string, string]> = { present: ['√', 'P'], absent: ['×', 'A'], leave: ['假', 'L'], trip: ['差', 'T'], rest: ['休', '-'], future: ['', ''] };
const COLOR: Partial<Record<AttendanceMark, string>> = { absent: '#cf1322', leave: '#d46b08', trip: '#1677ff', rest: '#bfbfbf' };

/** 考勤: a unit's month, a mark per person and day; the unit head corrects a day with a reason; Excel. */
export default function AttendancePage() {
  const t = useT(dutyMessages);
  const { locale } = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const units = useMemo(() => [...new Map(me.roles.map((g) => [g.unitId, { value: g.unitId, label: g.unitName }])).values()], [me.roles]);
  const unitId = params.get('unit') ?? units[0]?.value ?? '';
  const month = params.get('month') ?? localDate(new Date()).slice(0, 7);
  const sheet = useApi('GET /api/attendance', unitId ? { query: { unitId, month } } : null);
  const [fix, setFix] = useState<{ row: Row; date: string } | null>(null);
  const en = locale === 'en-US';

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };

  if (sheet.error) return <PageError error={sheet.error} onRetry={sheet.reload} />;
  if (!sheet.data) return <PageLoading />;
  const s = sheet.data;
  const columns: ColumnsType<Row> = [
    { key: 'name', title: t('colName'), fixed: 'left', width: 90, render: (_: unknown, r) => r.person.name },
    ...s.dates.map((d, i) => ({
      key: d.date,
      title: String(Number(d.date.slice(8))),
      width: 34,
      align: 'center' as const,
      onCell: () => ({ style: { padding: 2, background: d.working ? undefined : '#fafafa' } }),
      render: (_: unknown, r: Row) => {
        const mark = r.marks[i]!;
        const text = `${SHORT[mark][en ? 1 : 0]}${r.corrected.includes(d.date) ? '*' : ''}`;
        return s.may.correct && mark !== 'future' ? (
          <Typography.Link onClick={() => setFix({ row: r, date: d.date })} style={{ color: COLOR[mark] }} data-testid={`mark-${r.person.id}-${d.date}`} title={label('attendanceMark', mark, locale)}>
            {text || '·'}
          </Typography.Link>
        ) : (
          <span style={{ color: COLOR[mark] }} data-testid={`mark-${r.person.id}-${d.date}`} title={label('attendanceMark', mark, locale)}>
            {text}
          </span>
        );
      },
    })),
    { key: 'present', title: t('present'), width: 56, fixed: 'right', render: (_: unknown, r) => <span data-testid={`present-${r.person.id}`}>{r.present}</span> },
    { key: 'leave', title: t('leave'), width: 56, fixed: 'right', dataIndex: 'leave' },
    { key: 'trip', title: t('trip'), width: 56, fixed: 'right', dataIndex: 'trip' },
    { key: 'absent', title: t('absent'), width: 56, fixed: 'right', dataIndex: 'absent' },
  ];
  return (
    <Flex vertical gap={12} data-testid="attendance-page">
      <PageHeader title={t('attendanceTitle')} subtitle={t('attendanceSubtitle')} testId="attendance-title" />
      <Card size="small">
        <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
          <Space wrap>
            <Select value={unitId} options={units} onChange={(v) => go({ unit: v })} style={{ width: 220 }} />
            <DatePicker picker="month" value={dayjs(`${month}-01`)} allowClear={false} onChange={(v) => v && go({ month: v.format('YYYY-MM') })} />
            <Typography.Text type="secondary">{t('legend')}</Typography.Text>
          </Space>
          <Button href={apiUrl('GET /api/attendance.xlsx', { query: { unitId, month } })} download data-testid="attendance-xlsx">
            {t('exportXlsx')}
          </Button>
        </Flex>
        <Table<Row> rowKey={(r) => r.person.id} size="small" bordered columns={columns} dataSource={s.rows} pagination={false} scroll={{ x: 90 + 34 * s.dates.length + 224 }} data-testid="attendance-table" />
      </Card>
      {fix && (
        <CorrectModal
          unitId={unitId}
          target={fix}
          onClose={() => setFix(null)}
          onDone={() => {
            setFix(null);
            sheet.reload();
          }}
        />
      )}
    </Flex>
  );
}

function CorrectModal({ unitId, target, onClose, onDone }: { unitId: string; target: { row: Row; date: string }; onClose: () => void; onDone: () => void }) {
  const t = useT(dutyMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: (typeof ATTENDANCE_CORRECTIONS)[number]; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/attendance/corrections', { body: { unitId, userId: target.row.person.id, date: target.date, status: v.status, reason: v.reason.trim() } });
      message.success(t('corrected'));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('correctTitle', { name: target.row.person.name, date: target.date })} onOk={submit} okText={t('submit')} cancelText={t('cancel')} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="correct-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="status" label={t('correctAs')} rules={[{ required: true, message: t('required', { field: t('correctAs') }) }]}>
          <Select options={ATTENDANCE_CORRECTIONS.map((c) => ({ value: c, label: label('attendanceMark', c, locale) }))} data-testid="correct-status" />
        </Form.Item>
        <Form.Item name="reason" label={t('correctReason')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('correctReason') }) }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="correct-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
