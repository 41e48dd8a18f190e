import { label, SERVICE_LEVELS, type ServiceItemView, type ServiceItemWrite } from '@lianxin/core';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { hasRole, useMe } from '../shell/session';
import { servicesMessages } from './services.messages';

/** 事项清单: the catalogue with each service's QR code for posters; administrators add services. */
export default function CataloguePage() {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const me = useMe();
  const [q, setQ] = useState('');
  const list = useApi('GET /api/service-items', { query: q ? { q } : {} });
  // The service being edited: null while none, 'new' for a new one.
  const [editing, setEditing] = useState<ServiceItemView | 'new' | null>(null);
  const isAdmin = hasRole(me, 'admin');
  const columns: ColumnsType<ServiceItemView> = [
    { key: 'code', title: t('code'), dataIndex: 'code', width: 80 },
    { key: 'name', title: t('colItem'), render: (_: unknown, i) => <>{i.name} {!i.active && <Tag>{t('inactive')}</Tag>}</> },
    { key: 'category', title: t('category'), dataIndex: 'category', width: 100 },
    { key: 'level', title: t('level'), width: 130, render: (_: unknown, i) => label('serviceLevel', i.level, locale) },
    { key: 'unit', title: t('unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    { key: 'limit', title: t('limit'), width: 100, render: (_: unknown, i) => t(i.limitUnit === 'working_days' ? 'workingDays' : 'naturalDays', { n: i.limitDays }) },
    { key: 'flags', title: '', width: 170, render: (_: unknown, i) => <>{i.proxyAllowed && <Tag color="green">{t('proxyAllowed')}</Tag>}{i.needsCollective && <Tag color="gold">{t('collective')}</Tag>}</> },
    { key: 'qr', title: t('qr'), width: 70, render: (_: unknown, i) => <a href={apiUrl('GET /api/public/service-items/:code/qr.png', { params: { code: i.code } })} target="_blank" rel="noreferrer">PNG</a> },
    ...(isAdmin ? [{ key: 'edit', title: '', width: 70, render: (_: unknown, i: ServiceItemView) => <Button size="small" onClick={() => setEditing(i)}>{t('edit')}</Button> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('catalogue')} extra={<><Link to="/services"><Button>{t('back')}</Button></Link> {isAdmin && <Button type="primary" onClick={() => setEditing('new')}>{t('newItem')}</Button>}</>} />
      <Card size="small">
        <Input.Search allowClear onSearch={setQ} style={{ maxWidth: 300, marginBottom: 12 }} />
        {list.error ? <PageError error={list.error} onRetry={list.reload} /> : <Table rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 900 }} />}
      </Card>
      {editing && <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />}
    </>
  );
}

const FIELDS = ['code', 'name', 'category', 'level', 'unitId', 'conditions', 'limitDays', 'fee', 'materials', 'publicityDays', 'quorumPercent', 'voteRule'];

type ItemForm = Omit<ServiceItemWrite, 'materials'> & { materials: string };

/** The materials as the form's text: one per line, "name：example". */
const materialsText = (item: ServiceItemView) => item.materials.map((m) => (m.example ? `${m.name}：${m.example}` : m.name)).join('\n');

/** A new service, or a change to one (the same form; PUT keeps its id and its applications). */
function ItemModal({ item, onClose, onSaved }: { item: ServiceItemView | null; onClose: () => void; onSaved: () => void }) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const units = useApi('GET /api/units', { query: {} });
  const save = async (v: ItemForm) => {
    try {
      const materials = (v.materials ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((line) => {
        const [name, example] = line.split(/[:：]/);
        return { name: name.trim(), example: example?.trim() || undefined };
      });
      const body = { ...v, materials, proxyAllowed: !!v.proxyAllowed, needsCollective: !!v.needsCollective, active: v.active !== false };
      if (item) await call('PUT /api/service-items/:id', { params: { id: item.id }, body });
      else await call('POST /api/service-items', { body });
      message.success(t('itemSaved'));
      onSaved();
    } catch (e) {
      showSaveError(form, e, FIELDS);
    }
  };
  return (
    <Modal open title={t(item ? 'editItem' : 'newItem')} onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={item ? { ...item, materials: materialsText(item) } : { level: 'township', limitDays: 20, limitUnit: 'working_days', fee: '不收费', publicityDays: 7, quorumPercent: 67, voteRule: 'simple', active: true }}
      >
        <Form.Item name="code" label={t('code')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name" label={t('colItem')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="category" label={t('category')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="level" label={t('level')}><Select options={SERVICE_LEVELS.map((l) => ({ value: l, label: label('serviceLevel', l, locale) }))} /></Form.Item>
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}><Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
        <Form.Item name="conditions" label={t('conditions')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="materials" label={t('materialsHint')}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="limitDays" label={t('limitDays')}><InputNumber min={1} max={180} /></Form.Item>
        <Form.Item name="fee" label={t('fee')}><Input /></Form.Item>
        <Form.Item name="proxyAllowed" valuePropName="checked"><Checkbox>{t('proxyAllowed')}</Checkbox></Form.Item>
        <Form.Item name="needsCollective" valuePropName="checked"><Checkbox>{t('collective')}</Checkbox></Form.Item>
        <Form.Item name="publicityDays" label={t('publicityDays')}><InputNumber min={1} max={30} /></Form.Item>
        <Form.Item name="quorumPercent" label={t('quorumPercent')}><InputNumber min={1} max={100} /></Form.Item>
        <Form.Item name="voteRule" label={t('voteRule')}><Select options={[{ value: 'simple', label: t('voteSimple') }, { value: 'two_thirds', label: t('voteTwoThirds') }]} /></Form.Item>
        <Form.Item name="limitUnit" hidden><Input /></Form.Item>
        <Form.Item name="active" valuePropName="checked"><Checkbox>{t('activeItem')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
