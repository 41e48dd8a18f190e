import { type Contract, label, LEAVE_KINDS, type LeaveSchema } from '@lianxin/core';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { dutyMessages } from './duty.messages';
import { UNIT_HEAD_ROLES } from '@lianxin/core';

type Leave = Contract<typeof LeaveSchema>;
const stateColor: Record<string, string> = { pending: 'blue', approved: 'green', rejected: 'red', cancelled: 'default' };

/** 请假: my applications and, for unit heads, approvals and handing over the open cases of those away. */
export default function LeavePage() {
  const t = useT(dutyMessages);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const heads = me.roles.some((g) => UNIT_HEAD_ROLES.includes(g.role));
  const tab = heads && params.get('tab') === 'approve' ? 'approve' : 'mine';
  return (
    <Flex vertical gap={12} data-testid="leave-page">
      <PageHeader title={t('leaveTitle')} subtitle={t('leaveSubtitle')} testId="leave-title" />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'approve' ? { tab: k } : {}, { replace: true })}
          items={[{ key: 'mine', label: t('tabMine'), children: <MyLeave /> }, ...(heads ? [{ key: 'approve', label: <span data-testid="leave-tab-approve">{t('tabApprove')}</span>, children: <Approvals /> }] : [])]}
        />
      </Card>
    </Flex>
  );
}

function useColumns(withPerson: boolean): ColumnsType<Leave> {
  const t = useT(dutyMessages);
  const { locale } = useLocale();
  return [
    ...(withPerson ? [{ key: 'person', title: t('person'), width: 110, render: (_: unknown, l: Leave) => l.person.name }] : []),
    { key: 'kind', title: t('kind'), width: 90, render: (_: unknown, l) => label('leaveKind', l.kind, locale) },
    { key: 'period', title: t('period'), width: 260, render: (_: unknown, l) => `${l.startsOn} — ${l.endsOn} · ${t('days', { n: l.days, w: l.workingDays })}` },
    { key: 'reason', title: t('reason'), dataIndex: 'reason', ellipsis: true },
    { key: 'state', title: t('state'), width: 100, render: (_: unknown, l) => <Tag color={stateColor[l.state]}>{label('leaveState', l.state, locale)}</Tag> },
  ];
}

function MyLeave() {
  const t = useT(dutyMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi('GET /api/leave', { query: { view: 'mine' } });
  const [form] = Form.useForm<{ kind: Leave['kind']; startsOn: Dayjs; endsOn: Dayjs; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await call('POST /api/leave', { body: { kind: v.kind, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn.format('YYYY-MM-DD'), reason: v.reason.trim() } });
      message.success(t('done'));
      form.resetFields();
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (l: Leave) => {
    try {
      await call('POST /api/leave/:id/cancel', { params: { id: l.id } });
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const columns = [...useColumns(false), { key: 'act', title: '', width: 90, render: (_: unknown, l: Leave) => (l.may.cancel ? <Button size="small" onClick={() => withdraw(l)}>{t('withdraw')}</Button> : null) }];
  return (
    <Flex vertical gap={12}>
      <Form form={form} layout="inline" data-testid="leave-form" initialValues={{ kind: 'personal' }}>
        {error && <Alert type="error" showIcon title={error} style={{ width: '100%', marginBottom: 8 }} />}
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={LEAVE_KINDS.map((k) => ({ value: k, label: label('leaveKind', k, locale) }))} data-testid="leave-kind" />
        </Form.Item>
        <Form.Item name="startsOn" label={t('from')} rules={[{ required: true, message: t('required', { field: t('from') }) }]}>
          <DatePicker data-testid="leave-from" />
        </Form.Item>
        <Form.Item name="endsOn" label={t('to')} rules={[{ required: true, message: t('required', { field: t('to') }) }]}>
          <DatePicker data-testid="leave-to" />
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('reason') }) }]}>
          <Input style={{ width: 260 }} maxLength={1000} data-testid="leave-reason" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" loading={busy} onClick={submit} data-testid="leave-apply">
            {t('apply')}
          </Button>
        </Form.Item>
      </Form>
      {list.error ? <PageError error={list.error} onRetry={list.reload} /> : <Table<Leave> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} locale={{ emptyText: t('noLeave') }} data-testid="leave-mine" />}
    </Flex>
  );
}

function Approvals() {
  const t = useT(dutyMessages);
  const { message } = App.useApp();
  const list = useApi('GET /api/leave', { query: { view: 'approve' } });
  const [handover, setHandover] = useState<Leave | null>(null);
  const decide = async (l: Leave, approve: boolean) => {
    try {
      await call('POST /api/leave/:id/decide', { params: { id: l.id }, body: { approve } });
      message.success(t('done'));
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const columns = [
    ...useColumns(true),
    { key: 'open', title: t('openCases'), width: 80, render: (_: unknown, l: Leave) => l.openCases },
    {
      key: 'act',
      title: '',
      width: 200,
      render: (_: unknown, l: Leave) => (
        <Space>
          {l.may.decide && (
            <>
              <Button size="small" type="primary" onClick={() => decide(l, true)} data-testid={`leave-approve-${l.id}`}>
                {t('approve')}
              </Button>
              <Button size="small" onClick={() => decide(l, false)}>
                {t('reject')}
              </Button>
            </>
          )}
          {l.may.reassign && l.openCases > 0 && (
            <Button size="small" onClick={() => setHandover(l)} data-testid={`leave-reassign-${l.id}`}>
              {t('reassign')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      {list.error ? <PageError error={list.error} onRetry={list.reload} /> : <Table<Leave> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} locale={{ emptyText: t('noLeave') }} data-testid="leave-approvals" />}
      {handover && (
        <ReassignModal
          leave={handover}
          onClose={() => setHandover(null)}
          onDone={() => {
            setHandover(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function ReassignModal({ leave, onClose, onDone }: { leave: Leave; onClose: () => void; onDone: () => void }) {
  const t = useT(dutyMessages);
  const { message } = App.useApp();
  const open = useApi('GET /api/leave/:id/open-cases', { params: { id: leave.id } });
  const [to, setTo] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = open.data?.items.length ?? 0;
  const submit = async () => {
    if (!to) {
      setError(t('required', { field: t('reassignTo') }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await call('POST /api/leave/:id/reassign', { params: { id: leave.id }, body: { toUserId: to } });
      message.success(t('reassigned', { n: result.reassigned }));
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('reassignTitle', { name: leave.person.name })} onOk={submit} okText={t('reassignAll', { n })} okButtonProps={{ disabled: n === 0, ...({ 'data-testid': 'reassign-ok' } as object) }} cancelText={t('cancel')} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Flex vertical gap={8} data-testid="reassign-modal">
        {error && <Alert type="error" showIcon title={error} />}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={open.loading}
          dataSource={open.data?.items ?? []}
          locale={{ emptyText: t('noOpenCases') }}
          columns={[
            { key: 'code', title: '', width: 150, render: (_: unknown, c: { id: string; code: string }) => <Link to={`/cases/${c.id}`}>{c.code}</Link> },
            { key: 'title', title: '', dataIndex: 'title', ellipsis: true },
          ]}
        />
        <Space>
          <Typography.Text>{t('reassignTo')}</Typography.Text>
          <Select style={{ width: 180 }} value={to} onChange={setTo} options={(open.data?.handlers ?? []).map((h) => ({ value: h.id, label: h.name }))} data-testid="reassign-to" />
        </Space>
      </Flex>
    </Modal>
  );
}
