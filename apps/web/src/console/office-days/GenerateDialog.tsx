import { Alert, App, DatePicker, Form, Modal, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { placeFieldErrors } from '../../shared/form-errors';
import type { AreaOption } from '../field-work/area-options';
import { defaultGeneratePeriod, periodFieldErrors } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';

type Values = { period: [Dayjs, Dayjs]; areaCode?: string };

/**
 * Creates the sessions of a period from the active schedules (POST …/sessions/generate). The
 * server skips holidays and never creates a village's session twice, so running it again is safe.
 */
export default function GenerateDialog({ open, areas, today, onClose, onDone }: { open: boolean; areas: AreaOption[]; today: string; onClose: () => void; onDone: () => void }) {
  const t = useT(officeDayMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const period = defaultGeneratePeriod(today);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const result = await call('POST /api/office-days/sessions/generate', { body: { from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD'), areaCode: v.areaCode || undefined } });
      message.success(t('generated', { created: result.created, scheduled: result.scheduled }));
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) return void message.error(String(error));
      const { placed, rest } = placeFieldErrors(periodFieldErrors(error.fieldErrors), ['period', 'areaCode']);
      form.setFields(placed.map((p) => ({ name: p.name as never, errors: p.errors })));
      if (!placed.length || rest.length) message.error(rest.length ? rest.join('；') : error.title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('generateTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('generate')} cancelText={t('cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'generate-submit' } as Record<`data-${string}`, string>} destroyOnHidden>
      <Alert type="info" showIcon title={<span style={{ overflowWrap: 'anywhere' }}>{t('generateHint')}</span>} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ period: [dayjs(period.from), dayjs(period.to)] }}>
        <Form.Item name="period" label={t('period')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} data-testid="generate-period" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('generateArea')}>
          <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeData={areas} placeholder={t('generateAreaAll')} data-testid="generate-area" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
