import type { ButtonProps } from 'antd';
import { label, type ServiceApplicationView } from '@lianxin/core';
import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, List, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { servicesMessages } from './services.messages';

const VIEWS = ['all', 'carry', 'decide', 'overdue'] as const;
type View = (typeof VIEWS)[number];

/** 便民服务: applications in my reach, mine to carry as a proxy, to decide; committee meetings. */
export default function ServicesPage() {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'all';
  const [items, setItems] = useState<ServiceApplicationView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [convening, setConvening] = useState(false);
  const meetings = useApi('GET /api/service-meetings', view === 'decide' ? {} : null);

  const load = async (offset: number) => {
    setLoading(true);
    try {
      const page = await call('GET /api/service-applications', { query: { view, offset, limit: 20 } });
      setItems((prev) => (offset === 0 ? page.items : [...prev, ...page.items]));
      setNext(page.nextOffset);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, locale]);

  const columns: ColumnsType<ServiceApplicationView> = [
    { key: 'number', title: t('colNumber'), width: 170, render: (_: unknown, a) => <Link to={`/services/applications/${a.id}`}>{a.number}</Link> },
    { key: 'item', title: t('colItem'), dataIndex: 'itemName', ellipsis: true },
    { key: 'applicant', title: t('colApplicant'), width: 90, dataIndex: 'applicantMasked' },
    { key: 'village', title: t('colVillage'), width: 110, dataIndex: 'areaName' },
    { key: 'channel', title: t('colChannel'), width: 110, render: (_: unknown, a) => label('serviceChannel', a.channel, locale) },
    { key: 'state', title: t('colState'), width: 110, render: (_: unknown, a) => <Tag color={a.overdue ? 'red' : a.state === 'publicity' ? 'gold' : undefined} data-testid="service-state">{label('serviceState', a.state, locale)}</Tag> },
    { key: 'due', title: t('colDue'), width: 120, render: (_: unknown, a) => (a.dueAt ? <span style={{ color: a.dueLevel === 'red' ? '#cf1322' : a.dueLevel === 'yellow' ? '#d48806' : undefined }}>{dayjs(a.dueAt).format('MM-DD')}</span> : '—') },
    ...(view === 'carry' ? [{ key: 'bring', title: t('colBring'), render: (_: unknown, a: ServiceApplicationView) => a.toBringBack.join('、') }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Space wrap>
            <Link to="/services/catalogue">
              <Button>{t('catalogue')}</Button>
            </Link>
            {view === 'decide' && <Button onClick={() => setConvening(true)}>{t('convene')}</Button>}
            <Link to="/services/new">
              <Button type="primary" data-testid="service-new">
                {t('newApplication')}
              </Button>
            </Link>
          </Space>
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={view}
            onChange={(v) => setParams({ view: String(v) }, { replace: true })}
            options={VIEWS.map((v) => ({ value: v, label: t(`view${v[0].toUpperCase()}${v.slice(1)}` as 'viewAll') }))}
          />
        </Flex>
        {error ? (
          <PageError error={error} onRetry={() => load(0)} />
        ) : (
          <>
            <Table rowKey="id" size="small" columns={columns} dataSource={items} loading={loading} pagination={false} scroll={{ x: 700 }} locale={{ emptyText: t('empty') }} data-testid="service-list" />
            {next !== null && (
              <Button block style={{ marginTop: 8 }} onClick={() => load(next)}>
                {t('more')}
              </Button>
            )}
          </>
        )}
      </Card>
      {view === 'decide' && (meetings.data?.items.length ?? 0) > 0 && (
        <Card size="small" title={t('meetings')} style={{ marginTop: 12 }}>
          <List size="small" dataSource={meetings.data!.items} renderItem={(m) => <List.Item><Link to={`/services/meetings/${m.id}`}>{m.title}</Link> {m.unitName} {dayjs(m.heldAt).format('YYYY-MM-DD')}</List.Item>} />
        </Card>
      )}
      {convening && <ConveneModal onClose={() => setConvening(false)} />}
    </>
  );
}

/** 召开评议会: the unit, the members, and the applications awaiting the committee. */
function ConveneModal({ onClose }: { onClose: () => void }) {
  const t = useT(servicesMessages);
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const waiting = useApi('GET /api/service-applications', { query: { view: 'decide', state: 'committee', limit: 100 } });
  const [busy, setBusy] = useState(false);
  const units = [...new Map(me.roles.map((g) => [g.unitId, g.unitName])).entries()];
  const save = async (v: { title: string; unitId: string; heldAt: dayjs.Dayjs; members: string; applicationIds: string[] }) => {
    setBusy(true);
    try {
      const members = v.members.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name }));
      const m = await call('POST /api/service-meetings', { body: { title: v.title, unitId: v.unitId, heldAt: v.heldAt.toISOString(), members, applicationIds: v.applicationIds } });
      navigate(`/services/meetings/${m.id}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('convene')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'convene-ok' } as ButtonProps}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ unitId: units[0]?.[0], heldAt: dayjs() }}>
        <Form.Item name="title" label={t('meetingTitle')} rules={[{ required: true, message: t('required') }]}>
          <Input data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="unitId" label={t('meetingUnit')} rules={[{ required: true }]}>
          <Select options={units.map(([id, name]) => ({ value: id, label: name }))} />
        </Form.Item>
        <Form.Item name="heldAt" label={t('heldAt')} rules={[{ required: true }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="members" label={t('meetingMembers')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={4} data-testid="meeting-members" />
        </Form.Item>
        <Form.Item name="applicationIds" label={t('selectForMeeting')} rules={[{ required: true, message: t('required') }]}>
          <Checkbox.Group options={(waiting.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.number} ${a.itemName} ${a.applicantMasked}` }))} data-testid="meeting-apps" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
