import { CONSULTATION_RULES, type ConsultationSummary, consultationLabel, holds, reachOf } from '@lianxin/core';
import { Button, Card, DatePicker, Drawer, Flex, Form, Input, Select, Table, Tag, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call, upload } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { areaOptions } from '../field-work/area-options';
import { PlannableAreaSelect } from '../field-work/PlannableAreaSelect';
import { useMe } from '../shell/session';
import { consultationsMessages } from './consultations.messages';

export const STATE_COLOR = { open: 'green', closed: 'orange', decided: 'blue' } as const;
const lines = (v?: string) => (v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** 征求意见: the consultations of my areas, and a drawer to start one. */
export default function ConsultationsPage() {
  const t = useT(consultationsMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const canManage = holds(me.roles, 'consultation.manage');
  const list = useApi('GET /api/consultations', { query: { limit: 100 } });
  const areas = useApi('GET /api/areas', canManage ? { query: { format: 'tree' } } : null);
  const plannable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'consultation.manage')), [areas.data, me.roles]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [documents, setDocuments] = useState<Array<{ id: string; fileName: string }>>([]);

  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const c = await call('POST /api/consultations', {
        body: {
          title: v.title,
          background: v.background,
          areaCode: v.areaCode,
          options: lines(v.options),
          questions: lines(v.questions),
          rule: v.rule,
          opensOn: (v.opensOn as Dayjs).format('YYYY-MM-DD'),
          closesOn: (v.closesOn as Dayjs).format('YYYY-MM-DD'),
          attachmentIds: documents.map((d) => d.id),
        },
      });
      setOpen(false);
      navigate(`/consultations/${c.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };

  return (
    <Flex vertical gap={12} data-testid="consultations-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Flex gap={8}>
            <Link to="/surveys">{t('surveys')}</Link>
            {canManage && (
              <Button type="primary" data-testid="consultation-create" onClick={() => setOpen(true)}>
                {t('create')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small">
        {list.error ? (
          <PageError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<ConsultationSummary>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('empty') }}
            onRow={() => ({ 'data-testid': 'consultation-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'title', title: t('colTitle'), render: (_: unknown, c) => <Link to={`/consultations/${c.id}`}>{c.title}</Link> },
              { key: 'area', title: t('colArea'), dataIndex: 'areaName', width: 140 },
              { key: 'state', title: t('colState'), width: 120, render: (_: unknown, c) => <Tag color={STATE_COLOR[c.state]}>{consultationLabel('state', c.state, locale)}</Tag> },
              { key: 'period', title: t('colPeriod'), width: 220, render: (_: unknown, c) => `${c.opensOn} — ${c.closesOn}` },
              { key: 'opinions', title: t('colOpinions'), dataIndex: 'opinionCount', width: 90 },
              { key: 'meetings', title: t('colMeetings'), dataIndex: 'meetingCount', width: 90 },
            ]}
          />
        )}
      </Card>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('createTitle')} size="large" extra={<Button type="primary" onClick={save} data-testid="consultation-save">{t('save')}</Button>}>
        {error && <div role="alert" style={{ color: '#c00', marginBottom: 8 }}>{error}</div>}
        <Form form={form} layout="vertical" initialValues={{ rule: 'household' }}>
          <Form.Item name="title" label={t('topic')} rules={[{ required: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="background" label={t('background')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item name="areaCode" label={t('area')} rules={[{ required: true }]}>
            <PlannableAreaSelect areas={plannable} placeholder={t('area')} testId="consultation-area" />
          </Form.Item>
          <Form.Item name="options" label={t('options')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="questions" label={t('questions')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('documents')}>
            <Upload
              fileList={documents.map((d) => ({ uid: d.id, name: d.fileName, status: 'done' as const }))}
              onRemove={(f) => setDocuments((list) => list.filter((d) => d.id !== f.uid))}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const a = await upload('POST /api/attachments', file as File, (file as File).name);
                  setDocuments((list) => [...list, { id: a.id, fileName: a.fileName }]);
                  onSuccess?.(a);
                } catch (e) {
                  setError(e instanceof ApiError ? e.title : String(e));
                  onError?.(e as Error);
                }
              }}
            >
              <Button>{t('upload')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name="rule" label={t('rule')}>
            <Select options={CONSULTATION_RULES.map((r) => ({ value: r, label: consultationLabel('rule', r, locale) }))} />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="opensOn" label={t('opensOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="closesOn" label={t('closesOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        </Form>
      </Drawer>
    </Flex>
  );
}
