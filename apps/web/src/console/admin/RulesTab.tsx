import { CASE_KINDS, type CategoryNode, CHANNELS, label, LIMIT_STAGES, LIMIT_UNITS, type TimeLimitRuleView, URGENCIES } from '@lianxin/core';
import { App, Button, Col, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { flattenTree } from './admin-logic';
import { changedFields } from '../../shared/form-errors';
import { useFormSubmit } from './use-form-submit';

type RuleForm = Omit<TimeLimitRuleView, 'id'>;
const FIELDS = ['stage', 'kind', 'categoryCode', 'urgency', 'channel', 'amount', 'unit', 'note', 'sort'];

/** 时限规则: the rule table that picks each stage's limit; the first matching rule wins. */
export default function RulesTab() {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [stage, setStage] = useState<TimeLimitRuleView['stage'] | undefined>();
  const { data, error, loading, reload } = useApi('GET /api/time-limit-rules', { query: { stage } });
  const categories = useApi('GET /api/categories');
  const categoryName = useMemo(() => new Map(flattenTree(categories.data?.items ?? []).map((c) => [c.code, locale === 'en-US' ? c.nameEn : c.name])), [categories.data, locale]);
  const [editing, setEditing] = useState<TimeLimitRuleView | 'new' | null>(null);
  const any = <Typography.Text type="secondary">{t('any')}</Typography.Text>;

  const remove = async (rule: TimeLimitRuleView) => {
    try {
      await call('DELETE /api/admin/time-limit-rules/:id', { params: { id: rule.id } });
      message.success(t('deleted'));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('stage')} aria-label={t('stage')} value={stage} onChange={setStage} options={LIMIT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} style={{ width: 180 }} />
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('newRule')}
        </Button>
      </Flex>
      <Table<TimeLimitRuleView>
        data-testid="rules-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('sort'), dataIndex: 'sort', width: 60 },
          { title: t('stage'), dataIndex: 'stage', width: 100, render: (s: string) => t(`stage.${s}` as 'stage.intake') },
          { title: t('caseKind'), dataIndex: 'kind', width: 90, render: (k: string | null) => (k ? label('kind', k, locale) : any) },
          { title: t('category'), dataIndex: 'categoryCode', width: 120, ellipsis: true, render: (c: string | null) => (c ? (categoryName.get(c) ?? c) : any) },
          { title: t('urgency'), dataIndex: 'urgency', width: 90, render: (u: string | null) => (u ? label('urgency', u, locale) : any) },
          { title: t('channel'), dataIndex: 'channel', width: 110, render: (c: string | null) => (c ? label('channel', c, locale) : any) },
          { title: t('limit'), key: 'limit', width: 110, render: (_: unknown, r: TimeLimitRuleView) => `${r.amount} ${t(`limitUnit.${r.unit}`)}` },
          { title: t('note'), dataIndex: 'note', width: 260, ellipsis: true, render: (n: string | null) => n ?? '' },
          {
            title: t('actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, r: TimeLimitRuleView) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)}>
                  {t('edit')}
                </Button>
                <Popconfirm title={t('confirmDelete')} okText={t('yes')} cancelText={t('no')} onConfirm={() => remove(r)}>
                  <Button size="small" danger>
                    {t('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <RuleDialog
          rule={editing === 'new' ? null : editing}
          categories={categories.data?.items ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
    </>
  );
}

function RuleDialog({ rule, categories, onClose }: { rule: TimeLimitRuleView | null; categories: CategoryNode[]; onClose: (saved: boolean) => void }) {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const { run, busy } = useFormSubmit(form, FIELDS);
  const initial: Partial<RuleForm> = rule ?? { stage: 'handle', kind: null, categoryCode: null, urgency: null, channel: null, amount: 7, unit: 'natural_days', note: null };
  type Option = { value: string; title: string; children: Option[] };
  const categoryOptions = (nodes: CategoryNode[]): Option[] => nodes.map((n) => ({ value: n.code, title: locale === 'en-US' ? n.nameEn : n.name, children: categoryOptions(n.children) }));
  const anyOf = (values: readonly string[], group: 'kind' | 'urgency' | 'channel') => values.map((v) => ({ value: v, label: label(group, v, locale) }));

  const save = (values: RuleForm) =>
    run(async () => {
      const body = { ...values, kind: values.kind ?? null, categoryCode: values.categoryCode ?? null, urgency: values.urgency ?? null, channel: values.channel ?? null, note: values.note?.trim() || null };
      if (rule) {
        const changes = changedFields(initial, body);
        if (Object.keys(changes).length) await call('PATCH /api/admin/time-limit-rules/:id', { params: { id: rule.id }, body: changes });
      } else await call('POST /api/admin/time-limit-rules', { body });
      message.success(t('saved'));
      onClose(true);
    });

  return (
    <Modal open width={640} title={rule ? t('editRule') : t('newRule')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} destroyOnHidden>
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
    </Modal>
  );
}
