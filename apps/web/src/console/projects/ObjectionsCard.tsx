import type { Objections } from '@lianxin/core';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { projectsMessages } from './projects.messages';

type Item = Objections['items'][number];

/** 公示异议 on the project page: the objections of the period, recording one received in person, handling each. */
export function ObjectionsCard({ projectId }: { projectId: string }) {
  const t = useT(projectsMessages);
  const { message } = App.useApp();
  const loaded = useApi('GET /api/projects/:id/selection/objections', { params: { id: projectId } });
  const [data, setData] = useState<Objections | null>(null);
  const [handling, setHandling] = useState<Item | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [recordForm] = Form.useForm();
  const [handleForm] = Form.useForm();
  useEffect(() => setData(loaded.data ?? null), [loaded.data]);
  if (!data) return null;

  const params = { id: projectId };
  const run = async (work: () => Promise<Objections>, form: ReturnType<typeof Form.useForm>[0]) => {
    setProblem(null);
    try {
      setData(await work());
      form.resetFields();
      message.success(t('saved'));
      return true;
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(e.fieldErrors.filter((f) => f.field).map((f) => ({ name: f.field as string, errors: [f.message] })));
        setProblem(e.title);
      } else setProblem(String(e));
      return false;
    }
  };

  return (
    <Card size="small" title={t('objections')} data-testid="objections-card">
      <Typography.Paragraph type="secondary">{t('objectionsHint')}</Typography.Paragraph>
      {data.objectionUntil && <Typography.Paragraph>{data.open ? t('publishedUntil', { date: formatDue(data.objectionUntil) }) : t('objClosed')}</Typography.Paragraph>}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} role="alert" />}
      <Table<Item>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.items}
        locale={{ emptyText: t('objectionsNone') }}
        data-testid="objections-table"
        columns={[
          { key: 'at', title: t('objChannel'), width: 150, render: (_: unknown, o) => `${o.channel === 'portal' ? t('objPortal') : t('objStaff')} · ${formatDue(o.createdAt)}` },
          { key: 'name', title: t('objName'), dataIndex: 'name', width: 90 },
          { key: 'text', title: t('objText'), render: (_: unknown, o) => `${o.order !== null ? `#${o.order} ` : ''}${o.text}` },
          {
            key: 'outcome',
            title: t('objOutcome'),
            width: 260,
            render: (_: unknown, o) =>
              o.outcome ? (
                <span>
                  <Tag color={o.outcome === 'upheld' ? 'red' : undefined}>{o.outcome === 'upheld' ? t('objUpheld') : t('objDismissed')}</Tag>
                  {o.reply}
                </span>
              ) : data.may.handle ? (
                <Button size="small" onClick={() => setHandling(o)} data-testid="objection-handle">
                  {t('objHandle')}
                </Button>
              ) : (
                <Tag color="orange">{t('objPending')}</Tag>
              ),
          },
        ]}
      />
      {data.may.record && (
        <Form form={recordForm} layout="vertical" style={{ marginTop: 12, maxWidth: 560 }} onFinish={(v) => run(() => call('POST /api/projects/:id/selection/objections', { params, body: { ...v, order: v.order ?? undefined } }), recordForm)} data-testid="objection-record">
          <Typography.Text strong>{t('objRecord')}</Typography.Text>
          <Form.Item name="name" label={t('objName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('objPhone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
          <Form.Item name="text" label={t('objText')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="order" label={t('objOrder')}>
            <InputNumber min={1} />
          </Form.Item>
          <Button htmlType="submit">{t('objSave')}</Button>
        </Form>
      )}
      <Modal open={!!handling} title={t('objHandle')} onCancel={() => setHandling(null)} okText={t('objSave')} onOk={() => handleForm.submit()} destroyOnHidden>
        {handling && <Typography.Paragraph>{handling.text}</Typography.Paragraph>}
        <Form
          form={handleForm}
          layout="vertical"
          onFinish={async (v) => {
            if (handling && (await run(() => call('POST /api/projects/:id/selection/objections/:objectionId/handle', { params: { id: projectId, objectionId: handling.id }, body: v }), handleForm))) setHandling(null);
          }}
        >
          <Form.Item name="outcome" label={t('objOutcome')} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'upheld', label: t('objUpheld') }, { value: 'dismissed', label: t('objDismissed') }]} />
          </Form.Item>
          <Form.Item name="reply" label={t('objReply')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="objection-reply" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
