import { HELP_KIND_LABELS, HELP_KINDS, type HelpKind, label } from '@lianxin/core';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { buildTimeline, fieldPath } from './household-logic';
import { householdMessages } from './households.messages';

const KIND_COLORS = { visit: 'green', case: 'red', campaign: 'purple', help: 'blue' } as const;

/** The household's whole history as one timeline, and the "record help" form. */
export default function HistoryCard({ householdId, canEdit }: { householdId: string; canEdit: boolean }) {
  const t = useT(householdMessages);
  const { locale } = useLocale();
  const history = useApi('GET /api/households/:id/history', { params: { id: householdId } });
  const entries = useMemo(() => (history.data ? buildTimeline(history.data) : []), [history.data]);
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm();
  const helpName = (k: string) => HELP_KIND_LABELS[k as keyof typeof HELP_KIND_LABELS]?.[locale === 'en-US' ? 1 : 0] ?? k;
  const kindName = { visit: t('visit'), case: t('case'), campaign: t('campaign'), help: t('help') };

  const save = async (v: { kind: HelpKind; description: string; amount?: number; provider?: string; givenOn: { format: (f: string) => string } }) => {
    setSaving(true);
    setProblem(null);
    try {
      await call('POST /api/households/:id/help', {
        params: { id: householdId },
        body: { kind: v.kind, description: v.description, amount: v.amount ?? undefined, provider: v.provider || undefined, givenOn: v.givenOn.format('YYYY-MM-DD') },
      });
      setAdding(false);
      history.reload();
    } catch (e) {
      if (e instanceof ApiError) form.setFields(e.fieldErrors.filter((f) => f.field).map((f) => ({ name: fieldPath(f.field) as never, errors: [f.message] })));
      setProblem(e instanceof ApiError ? e.title : String(e));
    } finally {
      setSaving(false);
    }
  };

  const detailOf = (kind: string, detail?: string) => {
    if (!detail) return null;
    if (kind === 'case') return label('state', detail, locale);
    if (kind === 'help') return detail.split(' · ').map((p, i) => (i === 0 ? helpName(p) : p)).join(' · ');
    return detail;
  };

  return (
    <Card
      size="small"
      title={t('history')}
      extra={
        canEdit && (
          <Button size="small" onClick={() => { form.resetFields(); setAdding(true); }}>
            {t('addHelp')}
          </Button>
        )
      }
    >
      {history.loading && !history.data ? (
        <PageLoading />
      ) : history.error ? (
        <PageError error={history.error} onRetry={history.reload} />
      ) : entries.length === 0 ? (
        <PageEmpty>{t('historyEmpty')}</PageEmpty>
      ) : (
        <Timeline
          data-testid="household-history"
          items={entries.map((e) => ({
            key: e.key,
            color: KIND_COLORS[e.kind],
            children: (
              <div style={{ minWidth: 0 }}>
                <Tag color={KIND_COLORS[e.kind]}>{kindName[e.kind]}</Tag>
                <Typography.Text type="secondary">{e.at.slice(0, 10)}</Typography.Text>
                <div style={{ overflowWrap: 'anywhere' }}>{e.href ? <Link to={e.href}>{e.kind === 'visit' ? label('visitKind', e.title, locale) : e.title}</Link> : e.title}</div>
                {e.detail && <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>{detailOf(e.kind, e.detail)}</Typography.Text>}
              </div>
            ),
          }))}
        />
      )}
      <Modal open={adding} title={t('addHelp')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={saving} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} />}
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="kind" label={t('helpKind')} rules={[{ required: true, message: t('required') }]}>
            <Select options={HELP_KINDS.map((k) => ({ value: k, label: helpName(k) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('helpDescription')} rules={[{ required: true, message: t('required') }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="amount" label={t('helpAmount')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="provider" label={t('helpProvider')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="givenOn" label={t('givenOn')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
