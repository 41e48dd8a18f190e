import { label, MATERIAL_STATES, type MaterialState, type ServiceItemView } from '@lianxin/core';
import { App, Button, Card, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, upload } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { PageHeader } from '../../shared/PageHeader';
import { useApi } from '../../shared/use-api';
import { AreaTreeSelect } from '../admin/AreaTreeSelect';
import { useMe } from '../shell/session';
import { servicesMessages } from './services.messages';

type Check = { state: MaterialState; photos: Array<{ id: string; name: string }> };
const FIELDS = ['itemId', 'channel', 'areaCode', 'applicantName', 'applicantPhone', 'applicantIdNumber', 'summary', 'materials'];

/** Photo inputs that open the phone's camera; each photo is uploaded at once and listed by name. */
export function PhotoInput({ testId, onUploaded }: { testId: string; onUploaded: (p: { id: string; name: string }) => void }) {
  const t = useT(servicesMessages);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <label style={{ display: 'inline-block' }}>
      <input
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            const stored = await upload('POST /api/attachments', file, file.name);
            onUploaded({ id: stored.id, name: stored.fileName });
          } catch (err) {
            message.error(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      />
      <Button size="small" loading={busy} onClick={(e) => (e.currentTarget.previousElementSibling as HTMLInputElement | null)?.click()}>
        {t('addPhoto')}
      </Button>
    </label>
  );
}

/** 受理申请: at a window or by a village proxy on a phone, with the checklist and photos of each material. */
export default function ApplyPage() {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const catalogue = useApi('GET /api/service-items', {});
  const [item, setItem] = useState<ServiceItemView | null>(null);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [busy, setBusy] = useState(false);
  const me = useMe();
  // A village proxy (or a village window) takes applications of their own villages: pick among them.
  const villages = useMemo(
    () => [...new Map(me.roles.filter((g) => /^\d{9}(?!000)\d{3}$/.test(g.areaCode)).map((g) => [g.areaCode, { value: g.areaCode, label: g.areaName ?? g.unitName }])).values()],
    [me],
  );
  const items = useMemo(() => (catalogue.data?.items ?? []).filter((i) => i.active), [catalogue.data]);

  const pick = (id: string) => {
    const found = items.find((i) => i.id === id) ?? null;
    setItem(found);
    setChecks(Object.fromEntries((found?.materials ?? []).map((m) => [m.name, { state: 'missing' as MaterialState, photos: [] }])));
    form.setFieldValue('channel', found?.proxyAllowed ? 'proxy' : 'window');
    if (villages.length === 1) form.setFieldValue('areaCode', villages[0].value);
  };

  const save = async (v: { itemId: string; channel: 'window' | 'proxy'; areaCode: string; applicantName: string; applicantPhone: string; applicantIdNumber?: string; summary: string }) => {
    setBusy(true);
    try {
      const materials = Object.entries(checks).map(([name, c]) => ({ name, state: c.state, attachmentIds: c.photos.map((p) => p.id) }));
      const created = await call('POST /api/service-applications', { body: { ...v, applicantIdNumber: v.applicantIdNumber || undefined, materials } });
      message.success(`${t('saved')} ${created.number}`);
      navigate(`/services/applications/${created.id}`);
    } catch (e) {
      showSaveError(form, e, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('applyTitle')} />
      <Card size="small" style={{ maxWidth: 640 }}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="itemId" label={t('item')} rules={[{ required: true, message: t('required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              onChange={pick}
              options={items.map((i) => ({ value: i.id, label: `${i.name}（${label('serviceLevel', i.level, locale)}）` }))}
              data-testid="apply-item"
            />
          </Form.Item>
          {item && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('conditions')}：{item.conditions}
              <br />
              {t('limit')}：{t(item.limitUnit === 'working_days' ? 'workingDays' : 'naturalDays', { n: item.limitDays })} · {t('fee')}：{item.fee} {item.needsCollective && <Tag color="gold">{t('collective')}</Tag>}
            </Typography.Paragraph>
          )}
          <Form.Item name="channel" label={t('channel')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'proxy', label: label('serviceChannel', 'proxy', locale), disabled: item ? !item.proxyAllowed : false },
                { value: 'window', label: label('serviceChannel', 'window', locale) },
              ]}
            />
          </Form.Item>
          <Form.Item name="areaCode" label={t('village')} rules={[{ required: true, message: t('required') }]}>
            {villages.length ? (
              <Select options={villages} data-testid="apply-village" />
            ) : (
              <AreaTreeSelect id="apply-area" />
            )}
          </Form.Item>
          <Form.Item name="applicantName" label={t('applicantName')} rules={[{ required: true, message: t('required') }]}>
            <Input data-testid="apply-name" />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('applicantPhone')} rules={[{ required: true, message: t('required') }]}>
            <Input inputMode="tel" data-testid="apply-phone" />
          </Form.Item>
          <Form.Item name="applicantIdNumber" label={t('applicantId')}>
            <Input data-testid="apply-id" />
          </Form.Item>
          <Form.Item name="summary" label={t('summary')} rules={[{ required: true, message: t('required') }]}>
            <Input.TextArea rows={3} data-testid="apply-summary" />
          </Form.Item>
          {item && (
            <Form.Item label={t('materials')} name="materials">
              <Space direction="vertical" style={{ width: '100%' }} data-testid="apply-materials">
                {item.materials.map((m, i) => (
                  <Card size="small" key={m.name} data-testid={`material-${i}`}>
                    <Typography.Text strong>{m.name}</Typography.Text>
                    {m.example && <Typography.Text type="secondary"> · {m.example}</Typography.Text>}
                    <div style={{ marginTop: 6, display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
                      <Radio.Group
                        size="small"
                        optionType="button"
                        value={checks[m.name]?.state}
                        onChange={(e) => setChecks((c) => ({ ...c, [m.name]: { ...c[m.name], state: e.target.value } }))}
                        options={MATERIAL_STATES.map((s) => ({ value: s, label: label('materialState', s, locale) }))}
                      />
                      <PhotoInput
                        testId={`material-photo-${i}`}
                        onUploaded={(p) => setChecks((c) => ({ ...c, [m.name]: { state: 'present', photos: [...c[m.name].photos, p] } }))}
                      />
                      {checks[m.name]?.photos.map((p) => <Tag key={p.id}>{p.name}</Tag>)}
                    </div>
                  </Card>
                ))}
              </Space>
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="apply-submit">
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
