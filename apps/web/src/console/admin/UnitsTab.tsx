import { PHONE_PATTERN, UNIT_KINDS, type UnitKind, type UnitView } from '@lianxin/core';
import { Button, Checkbox, Flex, Form, Input, Select, Switch, Tooltip } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { AreaTreeSelect } from './AreaTreeSelect';
import { AdminDialog, AdminTable, AdminToolbar, useDialogSave, useEditing, useStatusColumn } from './admin-table';

interface UnitForm {
  name: string;
  kind: UnitKind;
  areaCode: string;
  phone: string | null;
  isActive?: boolean;
}
const FIELDS = ['name', 'kind', 'areaCode', 'phone', 'isActive'];

/** 单位: the units of the admin's area, searchable; create and edit in a dialog. */
export default function UnitsTab() {
  const t = useT(adminMessages);
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi('GET /api/units', { query: { q: q || undefined, includeInactive: includeInactive || undefined, page, pageSize: 20 } });
  const edit = useEditing<UnitView>(reload);
  const statusColumn = useStatusColumn();

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <>
      <AdminToolbar newLabel={t('newUnit')} onNew={() => edit.setEditing('new')} newTestId="unit-new">
        <Flex wrap gap={8} align="center">
          <Input.Search allowClear placeholder={t('unitName')} aria-label={t('search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 240, maxWidth: '100%' }} />
          <Checkbox checked={includeInactive} onChange={(e) => (setIncludeInactive(e.target.checked), setPage(1))}>
            {t('showInactive')}
          </Checkbox>
        </Flex>
      </AdminToolbar>
      <AdminTable<UnitView>
        testId="units-table"
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, pageSize: 20, total: data?.total, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('unitName'), dataIndex: 'name', ellipsis: { showTitle: false }, width: 240, render: (v: string) => <Tooltip title={v}>{v}</Tooltip> },
          { title: t('unitKind'), dataIndex: 'kind', width: 130, render: (k: UnitKind) => t(`kind.${k}`) },
          { title: t('unitArea'), dataIndex: 'areaName', width: 160, ellipsis: true },
          { title: t('unitPhone'), dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
          statusColumn,
          { title: t('actions'), key: 'actions', width: 80, render: (_: unknown, u: UnitView) => <Button size="small" onClick={() => edit.setEditing(u)}>{t('edit')}</Button> },
        ]}
      />
      {edit.editing && <UnitDialog unit={edit.current} onClose={edit.close} />}
    </>
  );
}

function UnitDialog({ unit, onClose }: { unit: UnitView | null; onClose: (saved: boolean) => void }) {
  const t = useT(adminMessages);
  const [form] = Form.useForm<UnitForm>();
  const { save: submit, busy } = useDialogSave<UnitForm>(form, FIELDS, onClose);
  const initial: Partial<UnitForm> = unit ? { name: unit.name, kind: unit.kind, areaCode: unit.areaCode, phone: unit.phone, isActive: unit.isActive } : { kind: 'department', phone: null };

  const save = (values: UnitForm) => {
    const body = { ...values, phone: values.phone?.trim() || null };
    return submit(initial, body, unit && ((changes) => call('PATCH /api/admin/units/:id', { params: { id: unit.id }, body: changes })), () => call('POST /api/admin/units', { body }));
  };

  return (
    <AdminDialog title={unit ? t('editUnit') : t('newUnit')} form={form} busy={busy} onClose={onClose}>
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
    </AdminDialog>
  );
}
