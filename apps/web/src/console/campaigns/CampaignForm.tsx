import { Alert, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { CampaignDetail } from '@lianxin/core';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { FormDrawer, useDrawerSave } from '../../shared/FormDrawer';
import { afterField } from '../../shared/form-rules';
import { PlannableAreaSelect } from '../field-work/PlannableAreaSelect';
import type { AreaTreeOption } from '../households/household-logic';
import { campaignMessages } from './campaigns.messages';

type Values = { name: string; areaCode: string; startsOn: Dayjs; endsOn: Dayjs; description?: string };
const FIELDS = ['name', 'areaCode', 'startsOn', 'endsOn', 'description'];

/** Starts a campaign (name, area, period, description); server errors land on the fields. */
export default function CampaignForm({ open, onClose, areas, onSaved }: { open: boolean; onClose: () => void; areas: AreaTreeOption[]; onSaved: (c: CampaignDetail) => void }) {
  const t = useT(campaignMessages);
  const [form] = Form.useForm<Values>();
  const { setProblem, run, drawer } = useDrawerSave(form, FIELDS);
  useEffect(() => {
    if (open) setProblem(null);
    // A township desk plans in one area only: start from it.
    if (open && areas.length === 1 && !form.getFieldValue('areaCode')) form.setFieldsValue({ areaCode: areas[0].value });
  }, [open, areas, form]);

  const submit = (v: Values) =>
    run(async () => {
      const body = { name: v.name.trim(), areaCode: v.areaCode, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn.format('YYYY-MM-DD'), description: v.description?.trim() || undefined };
      onSaved(await call('POST /api/campaigns', { body }));
      form.resetFields();
    });
  const required = [{ required: true, message: t('required') }];

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('createTitle')}
      size="default"
      {...drawer}
      labels={{ cancel: t('cancel'), save: t('save') }}
      saveTestId="campaign-save"
      problemTestId="campaign-form-error"
    >
      {areas.length === 0 && <Alert type="warning" showIcon title={t('noPlannableArea')} style={{ marginBottom: 12 }} />}
      {/* Kept mounted while closed, so a failed save never loses what was typed. */}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="name" label={t('name')} rules={[...required, { whitespace: true, message: t('required') }]}>
          <Input maxLength={100} placeholder={t('namePlaceholder')} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('area')} rules={required}>
          <PlannableAreaSelect areas={areas} placeholder={t('area')} testId="campaign-area" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="startsOn" label={t('startsOn')} rules={required} style={{ flex: '1 1 150px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('endsOn')}
            dependencies={['startsOn']}
            style={{ flex: '1 1 150px' }}
            rules={[...required, afterField('startsOn', (end, start) => !end.isBefore(start, 'day'), t('endBeforeStart'))]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} placeholder={t('descriptionPlaceholder')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
