import { CASE_KINDS, type CategoryNode, CHANNELS, label, LIMIT_STAGES, LIMIT_UNITS, type TimeLimitRuleView, URGENCIES } from '@lianxin/core';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { flattenTree } from './admin-logic';
import { AdminDialog, AdminTable, AdminToolbar, DeleteButton, useDialogSave, useEditing, useRemove } from './admin-table';

type RuleForm = Omit<TimeLimitRuleView, 'id'>;
const FIELDS = ['stage', 'kind', 'categoryCode', 'urgency', 'channel', 'amount', 'unit', 'note', 'sort'];

/** 时限规则: the rule table that picks each stage's limit; the first matching rule wins. */
export default function RulesTab() {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const [stage, setStage] = useState<TimeLimitRuleView['stage'] | undefined>();
  const { data, error, loading, reload } = useApi('GET /api/time-limit-rules', { query: { stage } });
  const categories = useApi('GET /api/categories');
  const categoryName = useMemo(() => new Map(flattenTree(categories.data?.items ?? []).map((c) => [c.code, locale === 'en-US' ? c.nameEn : c.name])), [categories.data, locale]);
  const edit = useEditing<TimeLimitRuleView>(reload);
  const removeWith = useRemove(reload);
  const any = <Typography.Text type="secondary">{t('any')}</Typography.Text>;

  const remove = (rule: TimeLimitRuleView) => removeWith(() => call('DELETE /api/admin/time-limit-rules/:id', { params: { id: rule.id } }));

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <>
      <AdminToolbar newLabel={t('newRule')} onNew={() => edit.setEditing('new')}>
        <Select allowClear placeholder={t('stage')} aria-label={t('stage')} value={stage} onChange={setStage} options={LIMIT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} style={{ width: 180 }} />
      </AdminToolbar>
      <AdminTable<TimeLimitRuleView>
        testId="rules-table"
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        columns={[
          { title: t('sort'), dataIndex: 'sort', width: 60 },
          { title: t('stage'), dataIndex: 'stage', width: 100, render: (s: string) => t(`stage.${s}` as 'stage.intake') },
          { title: t('caseKind'), dataIndex: 'kind', width: 90, render: (k: string | null) => (k ? label('kind', k, locale) : any) },
          { title: t('category'), dataIndex: 'categoryCode', width: 120, ellipsis: true, render: (c: string | null) => (c ? (categoryName.get(c) ?? c) : any) },
          { title: t('urgency'), dataIndex: 'urgency', width: 90, render: (u: string | null) => (u ? label('urgency', u, locale) : any) },
          { title: t('channel'), dataIndex: 'channel', width: 110, render: (c: string | null) => (c ? label('channel', c, locale) : any) },
          { title: t('limit'), key: 'limit', width: 110, render: (_: unknown, r: TimeLimitRuleView) => t(r.amount === 1 ? `amount.${r.unit}.one` : `amount.${r.unit}`, { n: r.amount }) },
          { title: t('note'), dataIndex: 'note', width: 260, ellipsis: true, render: (n: string | null) => n ?? '' },
          {
            title: t('actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, r: TimeLimitRuleView) => (
              <Space size={4}>
                <Button size="small" onClick={() => edit.setEditing(r)}>
                  {t('edit')}
                </Button>
                <DeleteButton onConfirm={() => remove(r)} />
              </Space>
            ),
          },
        ]}
      />
      {edit.editing && <RuleDialog rule={edit.current} categories={categories.data?.items ?? []} onClose={edit.close} />}
    </>
  );
}

function RuleDialog({ rule, categories, onClose }: { rule: TimeLimitRuleView | null; categories: CategoryNode[]; onClose: (saved: boolean) => void }) {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const [form] = Form.useForm<RuleForm>();
  const { save: submit, busy } = useDialogSave<RuleForm>(form, FIELDS, onClose);
  const initial: Partial<RuleForm> = rule ?? { stage: 'handle', kind: null, categoryCode: null, urgency: null, channel: null, amount: 7, unit: 'natural_days', note: null };
  type Option = { value: string; title: string; children: Option[] };
  const categoryOptions = (nodes: CategoryNode[]): Option[] => nodes.map((n) => ({ value: n.code, title: locale === 'en-US' ? n.nameEn : n.name, children: categoryOptions(n.children) }));
  const anyOf = (values: readonly string[], group: 'kind' | 'urgency' | 'channel') => values.map((v) => ({ value: v, label: label(group, v, locale) }));

  const save = (values: RuleForm) => {
    const body = { ...values, kind: values.kind ?? null, categoryCode: values.categoryCode ?? null, urgency: values.urgency ?? null, channel: values.channel ?? null, note: values.note?.trim() || null };
    return submit(initial, body, rule && ((changes) => call('PATCH /api/admin/time-limit-rules/:id', { params: { id: rule.id }, body: changes })), () => call('POST /api/admin/time-limit-rules', { body }));
  };

  return (
    <AdminDialog width={640} title={rule ? t('editRule') : t('newRule')} form={form} busy={busy} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="stage" label={t('stage')} rules={[{ required: true, message: t('required') }]}>
              <Select options={LIMIT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('caseKind')}>
              <Select allowClear placeholder={t('any')} options={anyOf(CASE_KINDS, 'kind')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="categoryCode" label={t('category')}>
              <TreeSelect allowClear placeholder={t('any')} treeData={categoryOptions(categories)} showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="urgency" label={t('urgency')}>
              <Select allowClear placeholder={t('any')} options={anyOf(URGENCIES, 'urgency')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="channel" label={t('channel')}>
              <Select allowClear placeholder={t('any')} options={anyOf(CHANNELS, 'channel')} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="amount" label={t('amount')} rules={[{ required: true, message: t('required') }]}>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="unit" label={t('limitUnit')} rules={[{ required: true, message: t('required') }]}>
              <Select options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`limitUnit.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sort" label={t('sort')}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </AdminDialog>
  );
}
