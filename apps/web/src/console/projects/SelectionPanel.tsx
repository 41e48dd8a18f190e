import { type FlatsAdd, label, type ProjectDetail, type Selection, type SelectionHouseholdView } from '@lianxin/core';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { ObjectionsCard } from './ObjectionsCard';
import { projectsMessages } from './projects.messages';

export const selectionStateColor = (s: string) => (s === 'chosen' ? 'green' : s === 'called' ? 'blue' : s === 'absent' ? 'orange' : undefined);

/** 选房登记 on the project page: set-up (eligible households, flats, slots), the draw, the list, the 公示. */
export default function SelectionPanel({ project, onChange }: { project: ProjectDetail; onChange: () => void }) {
  const t = useT(projectsMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const loaded = useApi('GET /api/projects/:id/selection', { params: { id: project.id } });
  const [sel, setSel] = useState<Selection | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSel(loaded.data ?? null), [loaded.data]);
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.reload} />;
  if (!sel) return <PageLoading />;

  const run = async (work: () => Promise<Selection>) => {
    setBusy(true);
    try {
      setSel(await work());
      onChange();
      message.success(t('saved'));
    } catch (e) {
      message.error(e instanceof ApiError ? [e.title, ...e.fieldErrors.map((f) => `${f.field}: ${f.message}`)].join('；') : String(e));
    } finally {
      setBusy(false);
    }
  };
  const params = { id: project.id };
  const manage = sel.may.manage && !sel.summary.publishedAt;
  const slotName = new Map(sel.slots.map((s) => [s.id, `${formatDue(s.startsAt)}–${formatDue(s.endsAt).slice(11)}`]));
  const flatName = new Map(sel.flats.map((f) => [f.id, `${f.building}栋${f.unit}单元${f.number}`]));

  const columns: ColumnsType<SelectionHouseholdView> = [
    { key: 'order', title: t('colOrder'), width: 80, render: (_: unknown, h) => h.order ?? '—' },
    { key: 'number', title: t('colNumber'), dataIndex: 'number', width: 70 },
    { key: 'head', title: t('head'), dataIndex: 'headNameMasked', width: 100 },
    { key: 'address', title: t('address'), dataIndex: 'address', ellipsis: true },
    { key: 'entitled', title: t('colEntitled'), width: 90, render: (_: unknown, h) => `${h.entitledArea}${t('sqm')}` },
    { key: 'people', title: t('colPeople'), dataIndex: 'people', width: 60 },
    { key: 'state', title: t('colState'), width: 90, render: (_: unknown, h) => <Tag color={selectionStateColor(h.state)}>{label('selectionState', h.state, locale)}</Tag> },
    {
      key: 'slot',
      title: t('colSlot'),
      width: 200,
      render: (_: unknown, h) =>
        sel.may.desk && h.state !== 'chosen' && !sel.summary.publishedAt ? (
          <Select
            size="small"
            style={{ width: 190 }}
            allowClear
            value={h.slotId ?? undefined}
            options={sel.slots.map((s) => ({ value: s.id, label: `${slotName.get(s.id)} (${s.booked}/${s.capacity})` }))}
            onChange={(slotId) => run(() => call('POST /api/projects/:id/selection/households/:householdId/book', { params: { ...params, householdId: h.id }, body: { slotId: slotId ?? null } }))}
          />
        ) : h.slotId ? (
          slotName.get(h.slotId)
        ) : (
          '—'
        ),
    },
    { key: 'code', title: t('colCode'), dataIndex: 'bookingCode', width: 120 },
    {
      key: 'flat',
      title: t('colFlat'),
      width: 200,
      render: (_: unknown, h) =>
        h.flatId ? (
          <Space>
            {flatName.get(h.flatId)}
            <a href={apiUrl('GET /api/projects/:id/selection/households/:householdId/sheet.pdf', { params: { ...params, householdId: h.id } })} target="_blank" rel="noreferrer">
              {t('sheet')}
            </a>
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="selection-panel">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('eligible')}>{sel.summary.eligible}</Descriptions.Item>
        <Descriptions.Item label={t('flats')}>{`${sel.summary.taken} / ${sel.summary.flats}`}</Descriptions.Item>
        <Descriptions.Item label={t('booked')}>{sel.summary.booked}</Descriptions.Item>
        <Descriptions.Item label={t('seed')}>
          <span data-testid="selection-seed">{sel.summary.seed ?? (sel.summary.drawn ? t('rulePublished') : t('notDrawn'))}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('drawnAt')}>{sel.summary.drawnAt ? formatDue(sel.summary.drawnAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('publish')}>{sel.summary.objectionUntil ? t('publishedUntil', { date: formatDue(sel.summary.objectionUntil) }) : '—'}</Descriptions.Item>
      </Descriptions>

      {manage && !sel.summary.drawn && <SetUp project={project} sel={sel} busy={busy} run={run} />}
      {manage && !sel.summary.drawn && sel.summary.eligible > 0 && (
        <Card size="small" title={t('drawTitle')}>
          <Typography.Paragraph type="secondary">{t('drawHint')}</Typography.Paragraph>
          <Form layout="inline" onFinish={(v: { seed: string }) => run(() => call('POST /api/projects/:id/selection/draw', { params, body: { rule: 'lottery', seed: v.seed } }))}>
            <Form.Item name="seed" rules={[{ required: true }]} style={{ minWidth: 360 }}>
              <Input placeholder={t('seed')} maxLength={200} data-testid="draw-seed" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="draw-submit">
              {t('draw')}
            </Button>
          </Form>
        </Card>
      )}
      {manage && sel.summary.drawn && (
        <Form layout="inline" initialValues={{ objectionDays: 5 }} onFinish={(v: { objectionDays: number }) => run(() => call('POST /api/projects/:id/selection/publish', { params, body: v }))}>
          <Form.Item name="objectionDays" label={t('objectionDays')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="selection-publish">
            {t('publish')}
          </Button>
        </Form>
      )}
      <Table<SelectionHouseholdView> rowKey="id" size="small" columns={columns} dataSource={sel.households} pagination={{ pageSize: 50 }} scroll={{ x: 1200 }} data-testid="selection-table" />
      {sel.summary.publishedAt && <ObjectionsCard projectId={project.id} />}
    </Flex>
  );
}

/** Before the draw: eligible households from the households concerned, flats and booking slots. */
function SetUp({ project, sel, busy, run }: { project: ProjectDetail; sel: Selection; busy: boolean; run: (work: () => Promise<Selection>) => Promise<void> }) {
  const t = useT(projectsMessages);
  const params = { id: project.id };
  const eligible = (v: { perPerson: number; minArea: number }) =>
    run(() =>
      call('PUT /api/projects/:id/selection/households', {
        params,
        body: { households: project.households.map((h) => ({ householdId: h.id, people: Math.max(1, h.memberCount), entitledArea: Math.max(v.minArea, v.perPerson * Math.max(1, h.memberCount)) })) },
      }),
    );
  const flats = (v: { building: string; unit: string; from: number; to: number; suffixes: string; size: number; type: string }) => {
    const rows: FlatsAdd['flats'] = [];
    for (let floor = v.from; floor <= v.to; floor++) for (const s of v.suffixes.split(/[,，\s]+/).filter(Boolean)) rows.push({ building: v.building, unit: v.unit, floor, number: `${floor}${s}`, size: v.size, type: v.type });
    return run(() => call('POST /api/projects/:id/selection/flats', { params, body: { flats: rows } }));
  };
  const slot = (v: { start: Dayjs; end: Dayjs; capacity: number }) =>
    run(() => call('POST /api/projects/:id/selection/slots', { params, body: { slots: [{ startsAt: v.start.toISOString(), endsAt: v.end.toISOString(), capacity: v.capacity }] } }));
  return (
    <Flex vertical gap={8}>
      <Card size="small" title={`${t('eligible')} (${sel.summary.eligible} / ${project.householdCount})`}>
        <Form layout="inline" initialValues={{ perPerson: 40, minArea: 80 }} onFinish={eligible}>
          <Form.Item name="perPerson" label={t('perPerson')}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="minArea" label={t('minArea')}>
            <InputNumber min={1} max={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={busy} disabled={!project.households.length} data-testid="selection-eligible">
            {t('addEligible')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={`${t('addFlats')} (${sel.summary.flats})`}>
        <Form layout="inline" initialValues={{ building: '1', unit: '1', from: 2, to: 6, suffixes: '01,02', size: 120, type: '三室两厅' }} onFinish={flats}>
          <Form.Item name="building" label={t('building')} rules={[{ required: true }]}>
            <Input style={{ width: 60 }} data-testid="flats-building" />
          </Form.Item>
          <Form.Item name="unit" label={t('unit')} rules={[{ required: true }]}>
            <Input style={{ width: 60 }} />
          </Form.Item>
          <Form.Item label={t('floors')}>
            <Space.Compact>
              <Form.Item name="from" noStyle>
                <InputNumber min={-5} max={200} style={{ width: 70 }} />
              </Form.Item>
              <Form.Item name="to" noStyle>
                <InputNumber min={-5} max={200} style={{ width: 70 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="suffixes" label={t('number')} tooltip={t('perFloor')} rules={[{ required: true }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="size" label={t('size')}>
            <InputNumber min={1} max={2000} />
          </Form.Item>
          <Form.Item name="type" label={t('type')} rules={[{ required: true }]}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="flats-add">
            {t('addFlats')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={`${t('slots')} (${sel.slots.length})`}>
        <Form layout="inline" initialValues={{ capacity: 20 }} onFinish={slot}>
          <Form.Item name="start" label={t('slotStart')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="end" label={t('slotEnd')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="capacity" label={t('capacity')}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('addSlot')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
