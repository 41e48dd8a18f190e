import { PHONE_PATTERN, UNIT_KINDS, type UnitKind, type UnitView } from '@lianxin/core';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { AreaTreeSelect } from './AreaTreeSelect';
import { changedFields } from '../../shared/form-errors';
import { useFormSubmit } from './use-form-submit';

interface UnitForm {
  name: string;
  kind: UnitKind;
  areaCode: string;
  phone: string | null;
  isActive?: boolean;
}


/** 单位: the units of the admin's area, searchable; create and edit in a dialog. */
export default function UnitsTab() {
  const t = useT(adminMessages);
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi('GET /api/units', { query: { q: q || undefined, includeInactive: includeInactive || undefined, page, pageSize: 20 } });
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Input.Search allowClear placeholder={t('unitName')} aria-label={t('search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 240, maxWidth: '100%' }} />
          <Checkbox checked={includeInactive} onChange={(e) => (setIncludeInactive(e.target.checked), setPage(1))}>
            {t('showInactive')}
          </Checkbox>
        </Flex>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="unit-new">
          {t('newUnit')}
        </Button>
      </Flex>
      <Table<UnitView>
        data-testid="units-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: data?.total, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('unitName'), dataIndex: 'name', ellipsis: { showTitle: false }, width: 240, render: (v: string) => <Tooltip title={v}>{v}</Tooltip> },
          { title: t('unitKind'), dataIndex: 'kind', width: 130, render: (k: UnitKind) => t(`kind.${k}`) },
          { title: t('unitArea'), dataIndex: 'areaName', width: 160, ellipsis: true },
          { title: t('unitPhone'), dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
          { title: t('status'), dataIndex: 'isActive', width: 80, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('active') : t('inactive')}</Tag> },
          { title: t('actions'), key: 'actions', width: 80, render: (_: unknown, u: UnitView) => <Button size="small" onClick={() => setEditing(u)}>{t('edit')}</Button> },
        ]}
      />
      {editing && (
        <UnitDialog
          unit={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
    </>
  );
}

function UnitDialog({ unit, onClose }: { unit: UnitView | null; onClose: (saved: boolean) => void }) {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitForm>();
  const { run, busy } = useFormSubmit(form, ['name', 'kind', 'areaCode', 'phone', 'isActive']);
  const initial: Partial<UnitForm> = unit ? { name: unit.name, kind: unit.kind, areaCode: unit.areaCode, phone: unit.phone, isActive: unit.isActive } : { kind: 'department', phone: null };

  const save = (values: UnitForm) =>
    run(async () => {
      const body = { ...values, phone: values.phone?.trim() || null };
      if (unit) {
        const changes = changedFields(initial, body);
        if (Object.keys(changes).length) await call('PATCH /api/admin/units/:id', { params: { id: unit.id }, body: changes });
      } else await call('POST /api/admin/units', { body });
      message.success(t('saved'));
      onClose(true);
    });

  return (
    <Modal open title={unit ? t('editUnit') : t('newUnit')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="unit-form">
        <Form.Item name="name" label={t('unitName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('unitKind')} rules={[{ required: true, message: t('required') }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('unitArea')} rules={[{ required: true, message: t('required') }]}>
          <AreaTreeSelect />
        </Form.Item>
        <Form.Item name="phone" label={t('unitPhone')} rules={[{ validator: async (_, v?: string | null) => { if (v && v !== unit?.phone && !PHONE_PATTERN.test(v.trim())) throw new Error(t('phoneFormat')); } }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        {unit && (
          <Form.Item name="isActive" label={t('status')} valuePropName="checked">
            <Switch checkedChildren={t('active')} unCheckedChildren={t('inactive')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
