import { consultationLabel, type ConsultationState, DISCLOSURE_KINDS, type DisclosureKind, label, type ProjectDetail } from '@lianxin/core';
import { App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { PageHeader } from '../../shared/PageHeader';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { projectsMessages } from './projects.messages';
import SelectionPanel from './SelectionPanel';

/** A project's page: what it gathers — households, disclosures, consultations, selection, cases, visits. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const t = useT(projectsMessages);
  const { locale } = useLocale();
  const loaded = useApi('GET /api/projects/:id', { params: { id } });
  const [project, setProject] = useState<ProjectDetail | null>(null);
  useEffect(() => setProject(loaded.data ?? null), [loaded.data]);
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.reload} />;
  if (!project) return <PageLoading />;

  const tabs = [
    { key: 'overview', label: t('tabOverview'), children: <Overview project={project} /> },
    { key: 'disclosures', label: t('tabDisclosures'), children: <Disclosures project={project} onChange={setProject} /> },
    // The consultations module fills this section; without consultations it stays hidden.
    ...(project.consultations.length
      ? [
          {
            key: 'consultations',
            label: t('tabConsultations'),
            children: <List dataSource={project.consultations} renderItem={(c) => <List.Item><Link to={`/consultations/${c.id}`}>{c.title}</Link>{` · ${consultationLabel('state', c.state as ConsultationState, locale)}${c.at ? ` · ${formatDue(c.at)}` : ''}`}</List.Item>} />,
          },
        ]
      : []),
    { key: 'selection', label: t('tabSelection'), children: <SelectionPanel project={project} onChange={loaded.reload} /> },
    { key: 'cases', label: t('tabCases'), children: <Cases project={project} onChange={setProject} /> },
    {
      key: 'visits',
      label: t('tabVisits'),
      children: project.visits.length ? (
        <List
          dataSource={project.visits}
          renderItem={(v) => (
            <List.Item>
              <Link to={`/visits/${v.id}`}>{formatDue(v.occurredAt)}</Link> · {v.cadreName} {v.place ? `· ${v.place}` : ''} <Typography.Text type="secondary">{v.notes}</Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <PageEmpty>{t('noVisits')}</PageEmpty>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="project-page">
      <PageHeader
        title={project.name}
        subtitle={`${project.areaName} · ${project.leadUnitName}`}
        testId="project-title"
        extra={
          <Space wrap>
            <Link to="/projects">{t('back')}</Link>
            <a href={`/m/projects/${project.id}`} target="_blank" rel="noreferrer">
              {t('publicPage')}
            </a>
            <a href={`/m/projects/${project.id}/screen`} target="_blank" rel="noreferrer" data-testid="project-screen-link">
              {t('screen')}
            </a>
            {project.may.desk && (
              <Link to={`/projects/${project.id}/desk`} data-testid="project-desk-link">
                <Button type="primary">{t('desk')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('households')}>{project.householdCount}</Descriptions.Item>
          <Descriptions.Item label={t('eligible')}>{project.selection.eligible}</Descriptions.Item>
          <Descriptions.Item label={t('flats')}>{`${project.selection.taken} / ${project.selection.flats}`}</Descriptions.Item>
          <Descriptions.Item label={t('seed')}>{project.selection.seed ?? t('notDrawn')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs items={tabs} destroyOnHidden data-testid="project-tabs" />
      </Card>
    </Flex>
  );
}

function Overview({ project: p }: { project: ProjectDetail }) {
  const t = useT(projectsMessages);
  return (
    <Flex vertical gap={8}>
      {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
      <Table
        rowKey="id"
        size="small"
        dataSource={p.households}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'head', title: t('head'), render: (_: unknown, h) => <Link to={`/households/${h.id}`}>{h.headNameMasked}</Link> },
          { key: 'address', title: t('address'), dataIndex: 'address' },
          { key: 'members', title: t('members'), dataIndex: 'memberCount', width: 80 },
        ]}
      />
    </Flex>
  );
}

function Disclosures({ project: p, onChange }: { project: ProjectDetail; onChange: (d: ProjectDetail) => void }) {
  const t = useT(projectsMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: DisclosureKind; title: string; body: string; isPublic: boolean }>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: { kind: DisclosureKind; title: string; body: string; isPublic: boolean }) => {
    setSaving(true);
    try {
      onChange(await call('POST /api/projects/:id/disclosures', { params: { id: p.id }, body: v }));
      form.resetFields();
    } catch (e) {
      message.error(showSaveError(form, e, ['kind', 'title', 'body']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      {p.disclosures.length ? (
        <List
          dataSource={p.disclosures}
          renderItem={(d) => (
            <List.Item data-testid="project-disclosure">
              <List.Item.Meta
                title={
                  <Space>
                    <Tag>{label('disclosureKind', d.kind, locale)}</Tag>
                    {d.title}
                    <Tag color={d.isPublic ? 'green' : undefined}>{d.isPublic ? t('public') : t('internal')}</Tag>
                  </Space>
                }
                description={<Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{d.body}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      ) : (
        <PageEmpty>{t('noDisclosures')}</PageEmpty>
      )}
      {p.may.manage && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'policy', isPublic: true }}>
          <Flex gap={8} wrap>
            <Form.Item name="kind" label={t('kind')} style={{ width: 160 }}>
              <Select options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: label('disclosureKind', k, locale) }))} />
            </Form.Item>
            <Form.Item name="title" label={t('docTitle')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 240 }}>
              <Input maxLength={200} data-testid="disclosure-title" />
            </Form.Item>
          </Flex>
          <Form.Item name="body" label={t('body')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="disclosure-body" />
          </Form.Item>
          <Form.Item name="isPublic" valuePropName="checked">
            <Checkbox>{t('isPublic')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="disclosure-save">
            {t('addDisclosure')}
          </Button>
        </Form>
      )}
    </Flex>
  );
}

function Cases({ project: p, onChange }: { project: ProjectDetail; onChange: (d: ProjectDetail) => void }) {
  const t = useT(projectsMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const suggestions = useApi('GET /api/projects/:id/case-suggestions', { params: { id: p.id } });
  const link = async (caseId: string) => {
    try {
      onChange(await call('POST /api/projects/:id/cases', { params: { id: p.id }, body: { caseId } }));
      suggestions.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const [code, setCode] = useState('');
  const linkByCode = async () => {
    try {
      const found = await call('GET /api/cases', { query: { code } });
      const first = found.items[0];
      if (!first) {
        message.error(t('notFound'));
        return;
      }
      await link(first.id);
      setCode('');
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Flex vertical gap={12}>
      <Space.Compact style={{ maxWidth: 420 }}>
        <Input placeholder={t('caseCode')} value={code} onChange={(e) => setCode(e.target.value.trim())} data-testid="project-case-code" />
        <Button onClick={linkByCode} disabled={!code}>
          {t('linkCase')}
        </Button>
      </Space.Compact>
      {p.cases.length ? (
        <List
          dataSource={p.cases}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/cases/${c.id}`}>{c.code}</Link> {c.title} <Tag>{label('state', c.status, locale)}</Tag>
            </List.Item>
          )}
        />
      ) : (
        <PageEmpty>{t('noCases')}</PageEmpty>
      )}
      <Typography.Title level={5}>{t('suggested')}</Typography.Title>
      <List
        loading={suggestions.loading}
        dataSource={suggestions.data?.items ?? []}
        renderItem={(c) => (
          <List.Item
            actions={[
              c.linked ? (
                <Tag key="l">{t('linked')}</Tag>
              ) : (
                <Button key="b" size="small" onClick={() => link(c.id)}>
                  {t('link')}
                </Button>
              ),
            ]}
          >
            <Link to={`/cases/${c.id}`}>{c.code}</Link> {c.title} <Typography.Text type="secondary">{c.score}</Typography.Text>
          </List.Item>
        )}
      />
    </Flex>
  );
}
