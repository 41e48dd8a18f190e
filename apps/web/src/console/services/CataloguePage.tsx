import { label, SERVICE_LEVELS, type ServiceItemView } from '@lianxin/core';
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
  const [adding, setAdding] = useState(false);
  const columns: ColumnsType<ServiceItemView> = [
    { key: 'code', title: t('code'), dataIndex: 'code', width: 80 },
    { key: 'name', title: t('colItem'), render: (_: unknown, i) => <>{i.name} {!i.active && <Tag>停用</Tag>}</> },
    { key: 'category', title: t('category'), dataIndex: 'category', width: 100 },
    { key: 'level', title: t('level'), width: 130, render: (_: unknown, i) => label('serviceLevel', i.level, locale) },
    { key: 'unit', title: t('unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    { key: 'limit', title: t('limit'), width: 100, render: (_: unknown, i) => t(i.limitUnit === 'working_days' ? 'workingDays' : 'naturalDays', { n: i.limitDays }) },
    { key: 'flags', title: '', width: 170, render: (_: unknown, i) => <>{i.proxyAllowed && <Tag color="green">{t('proxyAllowed')}</Tag>}{i.needsCollective && <Tag color="gold">{t('collective')}</Tag>}</> },
    { key: 'qr', title: t('qr'), width: 70, render: (_: unknown, i) => <a href={apiUrl('GET /api/public/service-items/:code/qr.png', { params: { code: i.code } })} target="_blank" rel="noreferrer">PNG</a> },
  ];
  return (
    <>
      <PageHeader title={t('catalogue')} extra={<><Link to="/services"><Button>{t('back')}</Button></Link> {hasRole(me, 'admin') && <Button type="primary" onClick={() => setAdding(true)}>{t('newItem')}</Button>}</>} />
      <Card size="small">
        <Input.Search allowClear onSearch={setQ} style={{ maxWidth: 300, marginBottom: 12 }} />
        {list.error ? <PageError error={list.error} onRetry={list.reload} /> : <Table rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 900 }} />}
      </Card>
      {adding && <ItemModal onClose={() => setAdding(false)} onSaved={() => { setAdding(false); list.reload(); }} />}
    </>
  );
}

const FIELDS = ['code', 'name', 'category', 'level', 'unitId', 'conditions', 'limitDays', 'fee', 'materials'];

function ItemModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const units = useApi('GET /api/units', { query: {} });
  const save = async (v: { code: string; name: string; category: string; level: ServiceItemView['level']; unitId: string; conditions: string; limitDays: number; fee: string; materials: string; proxyAllowed?: boolean; needsCollective?: boolean }) => {
    try {
      const materials = v.materials.split('\n').map((s) => s.trim()).filter(Boolean).map((line) => {
        const [name, example] = line.split(/[:：]/);
        return { name: name.trim(), example: example?.trim() || undefined };
      });
      await call('POST /api/service-items', { body: { ...v, materials, proxyAllowed: !!v.proxyAllowed, needsCollective: !!v.needsCollective, limitUnit: 'working_days', publicityDays: 7, quorumPercent: 67, voteRule: 'simple', active: true } });
      message.success('OK');
      onSaved();
    } catch (e) {
      showSaveError(form, e, FIELDS);
    }
  };
  return (
    <Modal open title={t('newItem')} onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ level: 'township', limitDays: 20, fee: '不收费' }}>
        <Form.Item name="code" label={t('code')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name" label={t('colItem')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="category" label={t('category')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="level" label={t('level')}><Select options={SERVICE_LEVELS.map((l) => ({ value: l, label: label('serviceLevel', l, locale) }))} /></Form.Item>
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true }]}><Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
        <Form.Item name="conditions" label={t('conditions')} rules={[{ required: true }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="materials" label={`${t('materials')}（名称：示例，每行一项）`}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="limitDays" label={t('limitDays')}><InputNumber min={1} max={180} /></Form.Item>
        <Form.Item name="fee" label={t('fee')}><Input /></Form.Item>
        <Form.Item name="proxyAllowed" valuePropName="checked"><Checkbox>{t('proxyAllowed')}</Checkbox></Form.Item>
        <Form.Item name="needsCollective" valuePropName="checked"><Checkbox>{t('collective')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
