import { addLocalDays, type Contract, type DutyRosterSchema, type DutyShift, type DutySwapSchema, localDate } from '@lianxin/core';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { dutyMessages } from './duty.messages';

type Roster = Contract<typeof DutyRosterSchema>;
type Day = Roster['days'][number];
type Swap = Contract<typeof DutySwapSchema>;
type Draft = Record<string, { userId: string | null; leadUserId: string | null }>;

/** The Monday of the week holding a local date. */
export function mondayOfDate(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addLocalDays(date, -((weekday + 6) % 7));
}

/** 值班表: a unit's week by day and shift — built by its head, read by everyone it concerns; swaps and exports. */
export default function DutyPage() {
  const t = useT(dutyMessages);
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const units = useMemo(() => [...new Map(me.roles.map((g) => [g.unitId, { value: g.unitId, label: g.unitName }])).values()], [me.roles]);
  const today = localDate(new Date());
  const unitId = params.get('unit') ?? units[0]?.value ?? '';
  const from = params.get('from') ?? mondayOfDate(today);
  const roster = useApi('GET /api/duty/roster', unitId ? { query: { unitId, from, days: 7 } } : null);
  const swaps = useApi('GET /api/duty/swaps', unitId ? { query: { unitId } } : null);
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);
  const [swapFor, setSwapFor] = useState<{ shiftId: string; date: string; shift: DutyShift } | null>(null);

  useEffect(() => {
    const next: Draft = {};
    for (const d of roster.data?.days ?? []) for (const s of d.slots) next[`${d.date}|${s.shift}`] = { userId: s.person?.id ?? null, leadUserId: s.lead?.id ?? null };
    setDraft(next);
  }, [roster.data]);

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };

  const save = async () => {
    if (!roster.data) return;
    const entries = roster.data.days
      .filter((d) => d.date >= today)
      .flatMap((d) => d.slots.map((s) => ({ date: d.date, shift: s.shift, ...draft[`${d.date}|${s.shift}`]! })));
    if (entries.length === 0) return;
    setSaving(true);
    try {
      await call('PUT /api/duty/roster', { body: { unitId, entries } });
      message.success(t('saved'));
      roster.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setSaving(false);
    }
  };

  const decide = async (swap: Swap, approve: boolean) => {
    try {
      await call('POST /api/duty/swaps/:id/decide', { params: { id: swap.id }, body: { approve } });
      message.success(t('done'));
      swaps.reload();
      roster.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };

  if (!unitId) return <PageError error={new Error('no unit')} />;
  if (roster.error) return <PageError error={roster.error} onRetry={roster.reload} />;
  if (!roster.data) return <PageLoading />;
  const r = roster.data;
  const members = r.members.map((m) => ({ value: m.id, label: m.name }));
  const weekdays = t('weekdays').split(',');

  const slotCell = (d: Day, shift: DutyShift) => {
    const slot = d.slots.find((s) => s.shift === shift)!;
    const key = `${d.date}|${shift}`;
    const editable = r.may.edit && d.date >= today;
    const value = draft[key] ?? { userId: null, leadUserId: null };
    const awayToday = (id: string | null) => !!id && !!r.members.find((m) => m.id === id)?.onLeave.includes(d.date);
    return (
      <Flex vertical gap={4} data-testid={`slot-${d.date}-${shift}`}>
        {editable ? (
          <>
            <Select
              allowClear
              size="small"
              placeholder={t('unfilled')}
              value={value.userId ?? undefined}
              options={members.map((m) => ({ ...m, disabled: awayToday(m.value), label: awayToday(m.value) ? `${m.label}（${t('onLeave')}）` : m.label }))}
              onChange={(v) => setDraft((x) => ({ ...x, [key]: { ...value, userId: v ?? null } }))}
              style={{ width: 150 }}
              data-testid={`pick-${d.date}-${shift}`}
            />
            <Select
              allowClear
              size="small"
              placeholder={t('lead')}
              value={value.leadUserId ?? undefined}
              options={members}
              onChange={(v) => setDraft((x) => ({ ...x, [key]: { ...value, leadUserId: v ?? null } }))}
              style={{ width: 150 }}
            />
          </>
        ) : (
          <Space size={4} wrap>
            {slot.person ? <Typography.Text>{slot.person.name}</Typography.Text> : <Tag color="red">{t('unfilled')}</Tag>}
            {slot.lead && <Typography.Text type="secondary">{`${t('lead')}：${slot.lead.name}`}</Typography.Text>}
          </Space>
        )}
        <Space size={4} wrap>
          {slot.onLeave && <Tag color="orange">{t('onLeave')}</Tag>}
          {slot.pendingSwap && <Tag color="blue">{t('swapPending')}</Tag>}
          {slot.shiftId && slot.person?.id === me.userId && d.date >= today && !slot.pendingSwap && (
            <Button size="small" type="link" onClick={() => setSwapFor({ shiftId: slot.shiftId!, date: d.date, shift })} data-testid={`ask-swap-${d.date}-${shift}`}>
              {t('askSwap')}
            </Button>
          )}
        </Space>
      </Flex>
    );
  };

  const columns: ColumnsType<Day> = [
    {
      key: 'date',
      title: t('colDate'),
      width: 170,
      render: (_: unknown, d) => (
        <Space size={4} wrap>
          <Typography.Text strong={d.date === today}>{`${d.date.slice(5)} ${weekdays[d.weekday - 1]}`}</Typography.Text>
          {d.holiday ? <Tag color="red">{d.holiday}</Tag> : <Tag color={d.working ? undefined : 'gold'}>{d.working ? t('workingDay') : t('dayOff')}</Tag>}
        </Space>
      ),
    },
    { key: 'day', title: t('colDay'), render: (_: unknown, d) => slotCell(d, 'day') },
    { key: 'night', title: t('colNight'), render: (_: unknown, d) => slotCell(d, 'night') },
  ];

  const swapColumns: ColumnsType<Swap> = [
    { key: 'date', title: t('colDate'), width: 160, render: (_: unknown, s) => `${s.date} ${s.shift === 'day' ? t('colDay').split(' ')[0] : t('colNight').split(' ')[0]}` },
    { key: 'from', title: t('swapFrom'), width: 100, render: (_: unknown, s) => s.from?.name ?? '—' },
    { key: 'to', title: t('swapTo'), width: 100, render: (_: unknown, s) => s.to.name },
    { key: 'reason', title: t('swapReason'), dataIndex: 'reason', ellipsis: true },
    {
      key: 'state',
      title: t('state'),
      width: 170,
      render: (_: unknown, s) =>
        s.may.decide ? (
          <Space>
            <Button size="small" type="primary" onClick={() => decide(s, true)} data-testid={`approve-swap-${s.id}`}>
              {t('approve')}
            </Button>
            <Button size="small" onClick={() => decide(s, false)}>
              {t('reject')}
            </Button>
          </Space>
        ) : (
          <Tag color={s.state === 'approved' ? 'green' : s.state === 'rejected' ? 'red' : 'blue'}>{s.state === 'approved' ? t('approve') : s.state === 'rejected' ? t('reject') : t('swapPending')}</Tag>
        ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="duty-page">
      <PageHeader title={t('rosterTitle')} subtitle={t('rosterSubtitle')} testId="duty-title" />
      <Card size="small">
        <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Space wrap>
            <Select value={unitId} options={units} onChange={(v) => go({ unit: v })} style={{ width: 220 }} data-testid="duty-unit" />
            <Button onClick={() => go({ from: addLocalDays(from, -7) })}>{t('prevWeek')}</Button>
            <Button onClick={() => go({ from: mondayOfDate(today) })}>{t('thisWeek')}</Button>
            <Button onClick={() => go({ from: addLocalDays(from, 7) })} data-testid="duty-next-week">
              {t('nextWeek')}
            </Button>
            <Typography.Text type="secondary">{`${r.from} — ${r.to}`}</Typography.Text>
            {r.gaps > 0 ? <Tag color="red" data-testid="duty-gaps">{t('gaps', { n: r.gaps })}</Tag> : <Tag color="green" data-testid="duty-gaps">{t('noGaps')}</Tag>}
          </Space>
          <Space wrap>
            <Button href={apiUrl('GET /api/duty/roster.:format', { params: { format: 'xlsx' }, query: { unitId, from, days: 7 } })} download data-testid="duty-xlsx">
              {t('exportXlsx')}
            </Button>
            <Button href={apiUrl('GET /api/duty/roster.:format', { params: { format: 'pdf' }, query: { unitId, from, days: 7 } })} download data-testid="duty-pdf">
              {t('printPdf')}
            </Button>
            {r.may.edit && (
              <Button type="primary" loading={saving} onClick={save} data-testid="duty-save">
                {t('save')}
              </Button>
            )}
          </Space>
        </Flex>
        <Table<Day> rowKey="date" size="small" columns={columns} dataSource={r.days} pagination={false} scroll={{ x: 640 }} data-testid="duty-table" />
      </Card>
      <Card size="small" title={t('swaps')}>
        <Table<Swap> rowKey="id" size="small" columns={swapColumns} dataSource={swaps.data?.items ?? []} loading={swaps.loading} pagination={false} locale={{ emptyText: t('noSwaps') }} data-testid="duty-swaps" />
      </Card>
      <SwapModal
        target={swapFor}
        members={members.filter((m) => m.value !== me.userId)}
        onClose={() => setSwapFor(null)}
        onDone={() => {
          setSwapFor(null);
          swaps.reload();
          roster.reload();
        }}
      />
    </Flex>
  );
}

function SwapModal({ target, members, onClose, onDone }: { target: { shiftId: string; date: string; shift: DutyShift } | null; members: Array<{ value: string; label: string }>; onClose: () => void; onDone: () => void }) {
  const t = useT(dutyMessages);
  const [form] = Form.useForm<{ toUserId: string; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/duty/swaps', { body: { shiftId: target!.shiftId, toUserId: values.toUserId, reason: values.reason.trim() } });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!target} title={`${t('swapTitle')} ${target?.date ?? ''}`} onOk={submit} okText={t('submit')} cancelText={t('cancel')} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="swap-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="toUserId" label={t('swapTo')} rules={[{ required: true, message: t('required', { field: t('swapTo') }) }]}>
          <Select options={members} data-testid="swap-to" />
        </Form.Item>
        <Form.Item name="reason" label={t('swapReason')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('swapReason') }) }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
