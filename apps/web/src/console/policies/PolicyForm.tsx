import { type CategoryNode, POLICY_KINDS, type PolicyView } from '@lianxin/core';
import { App, DatePicker, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { policiesMessages } from './policies.messages';

interface Values {
  kind: PolicyView['kind'];
  title: string;
  body: string;
  source?: string;
  categoryCode?: string | null;
  publishedAt?: Dayjs | null;
  isActive?: boolean;
}
type Option = { value: string; title: string; children: Option[] };

/** Admin dialog: a new policy or standard answer, or changes to one (including withdrawing it). */
export function PolicyForm({ policy, onClose }: { policy: PolicyView | null; onClose: (saved: boolean) => void }) {
  const t = useT(policiesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const categories = useApi('GET /api/categories');
  const options = (nodes: CategoryNode[]): Option[] => nodes.map((n) => ({ value: n.code, title: locale === 'en-US' ? n.nameEn : n.name, children: options(n.children) }));

  const submit = async (v: Values) => {
    setBusy(true);
    const body = {
      kind: v.kind,
      title: v.title.trim(),
      body: v.body.trim(),
      source: v.source?.trim() || null,
      categoryCode: v.categoryCode ?? null,
      publishedAt: v.publishedAt ? v.publishedAt.format('YYYY-MM-DD') : null,
      ...(policy ? { isActive: v.isActive } : {}),
    };
    try {
      if (policy) await call('PATCH /api/admin/policies/:id', { params: { id: policy.id }, body });
      else await call('POST /api/admin/policies', { body });
      message.success(t('saved'));
      onClose(true);
    } catch (e) {
      const fields = ['kind', 'title', 'body', 'source', 'categoryCode', 'publishedAt', 'isActive'];
      const known = e instanceof ApiError ? e.fieldErrors.filter((f) => fields.includes(f.field)) : [];
      if (known.length) form.setFields(known.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      else message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={720} title={policy ? t('edit') : t('create')} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={policy ? { ...policy, source: policy.source ?? undefined, publishedAt: policy.publishedAt ? dayjs(policy.publishedAt) : null } : { kind: 'answer' }}
      >
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
          <Select options={POLICY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('titleLabel')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('body')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="source" label={t('source')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('category')}>
          <TreeSelect allowClear treeData={options(categories.data?.items ?? [])} showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="publishedAt" label={t('publishedAt')}>
          <DatePicker />
        </Form.Item>
        {policy && (
          <Form.Item name="isActive" label={t('isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
