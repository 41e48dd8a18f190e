import { Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { apiUrl, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { AreaPicker } from '../submit/AreaPicker';
import { PhotoPicker, type UploadedPhoto } from '../submit/PhotoPicker';
import { portalServicesMessages } from './services.messages';

/** One service: conditions, materials with examples, time limit, fee, its QR code for posters, and the online application. */
export default function ServicePage() {
  const t = useT(portalServicesMessages);
  const { code = '' } = useParams();
  const item = useApi('GET /api/public/service-items/:code', { params: { code } });
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const [applying, setApplying] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (item.loading && !item.data) return <PortalLoading />;
  if (!item.data) return <PortalError error={item.error} />;
  const i = item.data;
  const submit = async (v: { areaCode: string; applicantName: string; applicantPhone: string; summary: string }) => {
    try {
      const r = await call('POST /api/public/service-applications', { body: { ...v, itemId: i.id, photos: photos.map((p) => p.token) } });
      setDone(r.number);
    } catch (e) {
      showSaveError(form, e, ['areaCode', 'applicantName', 'applicantPhone', 'summary', 'photos']);
    }
  };
  return (
    <>
      <Card size="small" title={<span data-testid="service-title">{i.name}</span>}>
        <Typography.Paragraph>
          <b>{t('unit')}：</b>
          {i.unitName}
          <br />
          <b>{t('limit')}：</b>
          {t(i.limitUnit === 'working_days' ? 'workingDays' : 'naturalDays', { n: i.limitDays })}
          <br />
          <b>{t('fee')}：</b>
          {i.fee}
        </Typography.Paragraph>
        {i.proxyAllowed && <Alert type="success" showIcon title={t('proxy')} style={{ marginBottom: 8 }} />}
        {i.needsCollective && <Alert type="info" showIcon title={t('collective', { days: i.publicityDays })} style={{ marginBottom: 8 }} />}
        <Typography.Paragraph>
          <b>{t('conditions')}：</b>
          {i.conditions}
        </Typography.Paragraph>
        <List size="small" header={<b>{t('materials')}</b>} dataSource={i.materials} renderItem={(m) => <List.Item>{m.name}{m.example && <Typography.Text type="secondary">（{m.example}）</Typography.Text>}</List.Item>} />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <img src={apiUrl('GET /api/public/service-items/:code/qr.png', { params: { code: i.code } })} alt={t('qrHint')} width={160} height={160} data-testid="service-qr" />
          <div style={{ color: '#888', fontSize: 12 }}>{t('qrHint')}</div>
        </div>
      </Card>
      {done ? (
        <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('submitted', { number: done })} data-testid="service-applied" />
      ) : !applying ? (
        <Button type="primary" block size="large" style={{ marginTop: 12 }} onClick={() => setApplying(true)}>
          {t('apply')}
        </Button>
      ) : (
        <Card size="small" title={t('apply')} style={{ marginTop: 12 }}>
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="areaCode" label={t('village')} rules={[{ required: true, message: t('required') }]}>
              <AreaPicker />
            </Form.Item>
            <Form.Item name="applicantName" label={t('name')} rules={[{ required: true, message: t('required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="applicantPhone" label={t('phone')} rules={[{ required: true, message: t('required') }]}>
              <Input inputMode="tel" />
            </Form.Item>
            <Form.Item name="summary" label={t('summary')} rules={[{ required: true, message: t('required') }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item label={t('photos')} name="photos">
              <PhotoPicker max={9} photos={photos} onChange={setPhotos} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large">
              {t('submit')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
