import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus, type AlertView as Alert, holds, isAlertOpen as isOpen } from '@lianxin/core';
import { App, Button, Flex, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { UnitPicker } from '../admin/UnitPicker';
import { AlertCases } from './AlertCases';
import { KIND_COLORS, STATUS_COLORS } from './alert-colors';
import { alertsMessages } from './alerts.messages';

type StatusFilter = AlertStatus | 'all';

/** 预警: hotspots, repeat requesters and risk words in the user's area; acknowledge, dismiss or act. */
export default function AlertsPage() {
  const t = useT(alertsMessages);
  const me = useMe();
  const { message } = App.useApp();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [kind, setKind] = useState<AlertKind | undefined>();
  const [limit, setLimit] = useState(20);
  const { data, error, loading, reload } = useApi('GET /api/alerts', { query: { status: status === 'all' ? undefined : status, kind, limit } });
  const [dismissing, setDismissing] = useState<Alert | null>(null);
  const [tasking, setTasking] = useState<Alert | null>(null);
  // The access rule the server applies: a dispatcher over the alert's area.
  const canTask = (a: Alert) => holds(me.roles, 'alert.task', a.areaCode);
  const canScan = holds(me.roles, 'job.run');
  const [scanning, setScanning] = useState(false);
  const scan = async () => {
    setScanning(true);
    try {
      const r = await call('POST /api/admin/jobs/hotspot-scan');
      message.success(t('scanned', { n: r.scanned, h: r.hotspot, r: r.repeatRequester, w: r.riskWords, g: r.grown }));
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setScanning(false);
    }
  };
  useEffect(() => setLimit(20), [status, kind]);

  const acknowledge = async (a: Alert) => {
    try {
      await call('POST /api/alerts/:id/acknowledge', { params: { id: a.id } });
      message.success(t('done'));
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Flex wrap gap={8} align="center">
        <Segmented<StatusFilter>
          aria-label={t('status')}
          value={status}
          onChange={setStatus}
          options={[...ALERT_STATUSES.map((s) => ({ value: s as StatusFilter, label: t(`status.${s}`) })), { value: 'all', label: t('all') }]}
        />
        <Select allowClear placeholder={t('kind')} aria-label={t('kind')} value={kind} onChange={setKind} style={{ width: 150 }} options={ALERT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        {canScan && (
          <Button loading={scanning} onClick={() => void scan()} data-testid="alerts-scan">
            {t('scanNow')}
          </Button>
        )}
      </Flex>
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : (
        <Table<Alert>
          data-testid="alerts-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (a) => <AlertCases id={a.id} /> }}
          columns={[
            { title: t('kind'), dataIndex: 'kind', width: 100, render: (k: AlertKind) => <Tag color={KIND_COLORS[k]}>{t(`kind.${k}`)}</Tag> },
            {
              title: t('alert'),
              key: 'title',
              width: 360,
              render: (_: unknown, a: Alert) => (
                <div style={{ maxWidth: 420, minWidth: 200 }}>
                  <Typography.Text strong ellipsis={{ tooltip: a.title }} style={{ display: 'block' }}>
                    {a.title}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: a.summary }} style={{ margin: 0, fontSize: 12 }}>
                    {a.summary}
                  </Typography.Paragraph>
                  {a.topic && (
                    <div data-testid="alert-topic" style={{ margin: '2px 0' }}>
                      <Tag>
                        {t('topicPlace')}：{a.topic.place ?? t('topicVillage')}
                      </Tag>
                      {a.topic.matter.length > 0 && (
                        <Tag>
                          {t('topicMatter')}：{a.topic.matter.join('、')}
                        </Tag>
                      )}
                    </div>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cases', { n: a.caseCount })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('status'),
              dataIndex: 'status',
              width: 110,
              render: (s: AlertStatus, a: Alert) => (
                <Tooltip title={a.statusNote}>
                  <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag>
                </Tooltip>
              ),
            },
            { title: t('createdAt'), dataIndex: 'createdAt', width: 140, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
            {
              title: t('actions'),
              key: 'actions',
              width: 260,
              render: (_: unknown, a: Alert) => (
                <Space wrap size={4}>
                  {a.status === 'open' && <Button size="small" onClick={() => acknowledge(a)}>{t('acknowledge')}</Button>}
                  {isOpen(a) && canTask(a) && <Button size="small" type="primary" onClick={() => setTasking(a)}>{t('makeTask')}</Button>}
                  {isOpen(a) && <Button size="small" onClick={() => setDismissing(a)}>{t('dismiss')}</Button>}
                  {a.taskCaseId && <Link to={`/cases/${a.taskCaseId}`}>{t('openTask')}</Link>}
                </Space>
              ),
            },
          ]}
        />
      )}
      {data?.nextOffset != null && (
        <Button onClick={() => setLimit((n) => Math.min(100, n + 20))} disabled={limit >= 100}>
          {t('loadMore')}
        </Button>
      )}
      {dismissing && <DismissDialog alert={dismissing} onClose={(done) => (setDismissing(null), done && reload())} />}
      {tasking && <TaskDialog alert={tasking} onClose={(done) => (setTasking(null), done && reload())} />}
    </Space>
  );
}

function DismissDialog({ alert, onClose }: { alert: Alert; onClose: (done: boolean) => void }) {
  const t = useT(alertsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await call('POST /api/alerts/:id/dismiss', { params: { id: alert.id }, body: { reason: reason.trim() } });
      message.success(t('done'));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'reason')) form.setFields([{ name: 'reason', errors: e.fieldErrors.filter((f) => f.field === 'reason').map((f) => f.message) }]);
      else message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('dismiss')} · ${alert.title}`} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('dismissReason')} rules={[{ required: true, whitespace: true, message: t('dismissReasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TaskDialog({ alert, onClose }: { alert: Alert; onClose: (done: boolean) => void }) {
  const t = useT(alertsMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title?: string; unitId: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { title?: string; unitId: string }) => {
    setBusy(true);
    try {
      const result = await call('POST /api/alerts/:id/task', { params: { id: alert.id }, body: { unitId: values.unitId, title: values.title?.trim() || undefined } });
      message.success(t('taskCreated', { code: result.task.code }));
      onClose(true);
    } catch (e) {
      const known = e instanceof ApiError ? e.fieldErrors.filter((f) => f.field === 'unitId' || f.field === 'title') : [];
      if (known.length) form.setFields(known.map((f) => ({ name: f.field as 'unitId', errors: [f.message] })));
      else message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('makeTask')} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ title: alert.title }}>
        <Form.Item name="title" label={t('taskTitle')} extra={t('taskTitleHelp')} rules={[{ max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="unitId" label={t('taskUnit')} rules={[{ required: true, message: t('taskUnitRequired') }]}>
          <UnitPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
