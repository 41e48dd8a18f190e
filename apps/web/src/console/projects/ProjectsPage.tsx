import { grantsWith, holds, type ProjectSummary, reachOf } from '@lianxin/core';
import { App, Button, Card, Drawer, Flex, Form, Input, Segmented, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { areaOptions } from '../field-work/area-options';
import { PlannableAreaSelect } from '../field-work/PlannableAreaSelect';
import { useMe } from '../shell/session';
import { projectsMessages } from './projects.messages';

interface CreateForm {
  name: string;
  areaCode: string;
  leadUnitId: string;
  description?: string;
  orderRule: 'lottery' | 'published';
  householdsArea?: string;
  tags?: string[];
}

/** 重点项目: the projects of my area, and a new one for those who manage projects. */
export default function ProjectsPage() {
  const t = useT(projectsMessages);
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [offset, setOffset] = useState(0);
  const list = useApi('GET /api/projects', { query: { offset, limit: 50 } });
  const canManage = holds(me.roles, 'project.manage');
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CreateForm>();
  const areas = useApi('GET /api/areas', open ? { query: { format: 'tree' } } : null);
  const tags = useApi('GET /api/tags', open ? {} : null);
  const plannable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'project.manage')), [areas.data, me.roles]);
  const myUnits = useMemo(() => [...new Map(grantsWith(me.roles, 'project.manage').map((g) => [g.unitId, me.roles.find((r) => r.unitId === g.unitId)?.unitName ?? g.unitId])).entries()], [me.roles]);

  const submit = async (v: CreateForm) => {
    setSaving(true);
    try {
      const created = await call('POST /api/projects', {
        body: {
          name: v.name,
          areaCode: v.areaCode,
          leadUnitId: v.leadUnitId,
          description: v.description,
          orderRule: v.orderRule,
          ...(v.householdsArea ? { households: { areaCode: v.householdsArea, ...(v.tags?.length ? { tags: v.tags } : {}) } } : {}),
        },
      });
      setOpen(false);
      navigate(`/projects/${created.id}`);
    } catch (e) {
      message.error(showSaveError(form, e, ['name', 'areaCode', 'leadUnitId', 'description', 'orderRule'], (problems) => problems.map((p) => (p.field === 'households.areaCode' ? { ...p, field: 'householdsArea' } : p))));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<ProjectSummary> = [
    { key: 'name', title: t('colName'), render: (_: unknown, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
    { key: 'area', title: t('colArea'), dataIndex: 'areaName', width: 140 },
    { key: 'lead', title: t('colLead'), dataIndex: 'leadUnitName', width: 220, ellipsis: true },
    { key: 'households', title: t('colHouseholds'), dataIndex: 'householdCount', width: 100 },
    { key: 'created', title: t('colCreated'), width: 160, render: (_: unknown, p) => formatDue(p.createdAt) },
  ];

  return (
    <Flex vertical gap={12} data-testid="projects-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canManage && (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="project-create">
              {t('create')}
            </Button>
          )
        }
      />
      <Card size="small">
        {list.error ? (
          <PageError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<ProjectSummary> rowKey="id" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} locale={{ emptyText: t('empty') }} data-testid="projects-table" />
        )}
        {list.data?.nextOffset != null && (
          <Button block style={{ marginTop: 8 }} onClick={() => setOffset(list.data!.nextOffset!)}>
            {t('more')}
          </Button>
        )}
      </Card>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('createTitle')} size="large" forceRender>
        <Form<CreateForm> form={form} layout="vertical" onFinish={submit} initialValues={{ orderRule: 'lottery', leadUnitId: myUnits[0]?.[0] }}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input maxLength={100} data-testid="project-name" />
          </Form.Item>
          <Form.Item name="areaCode" label={t('area')} rules={[{ required: true }]}>
            <PlannableAreaSelect areas={plannable} testId="project-area" />
          </Form.Item>
          <Form.Item name="leadUnitId" label={t('leadUnit')} rules={[{ required: true }]}>
            <Select options={myUnits.map(([value, label]) => ({ value, label }))} data-testid="project-lead" />
          </Form.Item>
          <Form.Item name="description" label={t('description')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="orderRule" label={t('orderRule')}>
            <Segmented options={[{ value: 'lottery', label: t('ruleLottery') }, { value: 'published', label: t('rulePublished') }]} />
          </Form.Item>
          <Form.Item name="householdsArea" label={t('householdsArea')}>
            <PlannableAreaSelect areas={plannable} allowClear testId="project-households-area" />
          </Form.Item>
          <Form.Item name="tags" label={t('householdsTags')}>
            <Select mode="multiple" allowClear options={(tags.data?.items ?? []).map((tag) => ({ value: tag.code, label: tag.nameZh }))} />
          </Form.Item>
          <Flex gap={8} justify="end">
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="project-save">
              {t('save')}
            </Button>
          </Flex>
        </Form>
      </Drawer>
    </Flex>
  );
}
