import { Alert, App, Button, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useEffect } from 'react';
import type { OfficeDayScheduleView } from '@lianxin/core';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useFormSubmit } from '../admin/use-form-submit';
import { type AreaOption, isVillageCode } from '../field-work/area-options';
import { officeDayMessages } from './office-days.messages';

type Values = { villageCode?: string; weekday: number; place?: string; isActive: boolean };
const FIELDS = ['villageCode', 'weekday', 'place', 'isActive'] as const;

type Props = {
  open: boolean;
  /** Changing this schedule; absent = set one for a village (Monday by default). */
  schedule?: OfficeDayScheduleView;
  /** Schedules already listed: choosing a village that has one loads it, since saving changes it. */
  existing: readonly OfficeDayScheduleView[];
  villages: AreaOption[];
  onClose: () => void;
  onSaved: (s: OfficeDayScheduleView) => void;
};

/** Sets a village's joint office day (PUT /api/office-days/schedules — one per village). */
export default function ScheduleForm({ open, schedule, existing, villages, onClose, onSaved }: Props) {
  const t = useT(officeDayMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useFormSubmit(form, FIELDS);
  const villageCode = Form.useWatch('villageCode', form);
  const already = !schedule && villageCode ? existing.find((s) => s.villageCode === villageCode) : undefined;
  const weekdays = t('weekdays').split(',');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(schedule ? { villageCode: schedule.villageCode, weekday: schedule.weekday, place: schedule.place ?? '', isActive: schedule.isActive } : { weekday: 1, isActive: true });
  }, [open, schedule, form]);

  // A village that already has a schedule: show what it is, so the save is a deliberate change.
  useEffect(() => {
    if (already) form.setFieldsValue({ weekday: already.weekday, place: already.place ?? '', isActive: already.isActive });
  }, [already, form]);

  const save = (v: Values) =>
    run(async () => {
      const saved = await call('PUT /api/office-days/schedules', { body: { villageCode: v.villageCode ?? '', weekday: v.weekday, place: v.place?.trim() || undefined, isActive: v.isActive } });
      message.success(t('saved'));
      onSaved(saved);
    });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={schedule ? t('scheduleEditTitle') : t('scheduleTitle')}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => form.submit()} data-testid="schedule-save">
          {t('save')}
        </Button>,
      ]}
    >
      <Alert type="info" showIcon title={<span style={{ overflowWrap: 'anywhere' }}>{t('scheduleHint')}</span>} style={{ marginBottom: 12 }} />
      {already && <Alert type="warning" showIcon title={t('existing')} style={{ marginBottom: 12 }} data-testid="schedule-existing" />}
      <Form form={form} layout="vertical" onFinish={save} requiredMark>
        <Form.Item
          name="villageCode"
          label={t('village')}
          rules={[{ required: true, message: t('required') }, { validator: (_, v) => (!v || isVillageCode(v) ? Promise.resolve() : Promise.reject(new Error(t('villageOnly')))) }]}
        >
          <TreeSelect treeData={villages} showSearch treeNodeFilterProp="title" disabled={!!schedule} placeholder={t('villagePlaceholder')} data-testid="schedule-village" />
        </Form.Item>
        <Form.Item name="weekday" label={t('weekday')} rules={[{ required: true, message: t('required') }]}>
          <Select options={weekdays.map((w, i) => ({ value: i + 1, label: w }))} data-testid="schedule-weekday-select" />
        </Form.Item>
        <Form.Item name="place" label={t('place')}>
          <Input maxLength={200} placeholder={t('placePlaceholder')} data-testid="schedule-place" />
        </Form.Item>
        <Form.Item name="isActive" label={t('active')} valuePropName="checked">
          <Switch data-testid="schedule-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
