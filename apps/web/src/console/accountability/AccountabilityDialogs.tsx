import type { AccountabilityRecordView as Line } from '@lianxin/core';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { UnitPicker } from '../admin/UnitPicker';
import { accountabilityMessages } from './accountability.messages';

type Close = (done: boolean) => void;

/** Runs a write, shows field errors on the form or the problem's title. */
function useSubmit(onClose: Close) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const t = useT(accountabilityMessages);
  const run = async (write: () => Promise<unknown>, form: ReturnType<typeof Form.useForm>[0]) => {
    setBusy(true);
    try {
      await write();
      message.success(t('done'));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
      else message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** 确认 / 撤销 with a reason. */
export function DecideDialog({ line, onClose }: { line: Line; onClose: Close }) {
  const t = useT(accountabilityMessages);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit(onClose);
  return (
    <Modal open title={`${t('decide')} · ${line.caseCode}`} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ decision: 'confirmed' }} onFinish={(v) => run(() => call('POST /api/accountability/:id/decide', { params: { id: line.id }, body: v }), form)}>
        {line.appealText && <p data-testid="appeal-text">{`${t('appealText')}：${line.appealText}`}</p>}
        <Form.Item name="decision" label={t('decision')}>
          <Radio.Group options={[{ value: 'confirmed', label: t('confirm') }, { value: 'withdrawn', label: t('withdraw') }]} />
        </Form.Item>
        <Form.Item name="reason" label={t('decisionReason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 申诉 by the unit's head. */
export function AppealDialog({ line, onClose }: { line: Line; onClose: Close }) {
  const t = useT(accountabilityMessages);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit(onClose);
  return (
    <Modal open title={`${t('appeal')} · ${line.caseCode}`} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => run(() => call('POST /api/accountability/:id/appeal', { params: { id: line.id }, body: v }), form)}>
        <Form.Item name="text" label={t('appealText')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A supervisor's entry by hand: the case by its code, the unit, what happened. */
export function CreateDialog({ onClose }: { onClose: Close }) {
  const t = useT(accountabilityMessages);
  const [form] = Form.useForm();
  const { busy, run } = useSubmit(onClose);
  const submit = (v: { code: string; unitId: string; note: string }) =>
    run(async () => {
      const found = await call('GET /api/cases', { query: { code: v.code.trim() } });
      const c = found.items[0];
      if (!c) {
        form.setFields([{ name: 'code', errors: [t('caseNotFound')] }]);
        throw new Error(t('caseNotFound'));
      }
      return call('POST /api/accountability', { body: { caseId: c.id, unitId: v.unitId, note: v.note } });
    }, form);
  return (
    <Modal open title={t('create')} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="code" label={t('caseCode')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input placeholder="LX20260302-000001" />
        </Form.Item>
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true, message: t('required') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
