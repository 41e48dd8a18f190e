import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CampaignDetail } from '@lianxin/core';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import type { AreaTreeOption } from '../households/household-logic';
import { campaignMessages } from './campaigns.messages';

type Values = { name: string; areaCode: string; startsOn: Dayjs; endsOn: Dayjs; description?: string };
const FIELDS = ['name', 'areaCode', 'startsOn', 'endsOn', 'description'];

/** Starts a campaign (name, area, period, description); server errors land on the fields. */
export default function CampaignForm({ open, onClose, areas, onSaved }: { open: boolean; onClose: () => void; areas: AreaTreeOption[]; onSaved: (c: CampaignDetail) => void }) {
  const t = useT(campaignMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (open) setProblem(null);
    // A township desk plans in one area only: start from it.
    if (open && areas.length === 1 && !form.getFieldValue('areaCode')) form.setFieldsValue({ areaCode: areas[0].value });
  }, [open, areas, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      const body = { name: v.name.trim(), areaCode: v.areaCode, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn.format('YYYY-MM-DD'), description: v.description?.trim() || undefined };
      onSaved(await call('POST /api/campaigns', { body }));
      form.resetFields();
    } catch (error) {
      setProblem(showSaveError(form, error, FIELDS));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('required') }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('createTitle')}
      size="default"
      styles={{ wrapper: { maxWidth: '100vw' } }}
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="campaign-save">
            {t('save')}
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="campaign-form-error" />}
      {areas.length === 0 && <Alert type="warning" showIcon title={t('noPlannableArea')} style={{ marginBottom: 12 }} />}
      {/* Kept mounted while closed, so a failed save never loses what was typed. */}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="name" label={t('name')} rules={[...required, { whitespace: true, message: t('required') }]}>
          <Input maxLength={100} placeholder={t('namePlaceholder')} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('area')} rules={required}>
          <TreeSelect
            treeData={areas}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={areas.map((a) => a.value)}
            placeholder={t('area')}
            popupMatchSelectWidth={false}
            data-testid="campaign-area"
          />
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
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, value?: Dayjs) => {
                  const start = getFieldValue('startsOn') as Dayjs | undefined;
                  return !value || !start || !value.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('endBeforeStart')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} placeholder={t('descriptionPlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
