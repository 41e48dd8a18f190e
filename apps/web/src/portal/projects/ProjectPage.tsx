import { label } from '@lianxin/core';
import { Card, Collapse, Flex, List, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalEmpty, PortalError, PortalLoading } from '../PortalState';
import { ObjectionSection } from './ObjectionSection';
import { portalProjectsMessages } from './projects.messages';

/** A project's public page: disclosures, the drawn order with its seed, the 公示 of the results, decisions. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const t = useT(portalProjectsMessages);
  const { locale } = useLocale();
  const page = useApi('GET /api/public/projects/:id', { params: { id } });
  if (page.loading) return <PortalLoading />;
  if (page.error || !page.data) return <PortalError error={page.error} onRetry={page.reload} />;
  const p = page.data;
  return (
    <Flex vertical gap={10} data-testid="public-project-page">
      <Card size="small" title={p.name}>
        <Typography.Paragraph type="secondary">{`${p.areaName} · ${t('lead')}：${p.leadUnitName}`}</Typography.Paragraph>
        {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
        <Flex gap={12} wrap>
          <Link to={`/projects/${p.id}/booking`}>{t('booking')}</Link>
          <Link to={`/projects/${p.id}/screen`}>{t('screen')}</Link>
          <Link to={`/villages/${p.areaCode}`}>{t('village', { name: p.areaName })}</Link>
        </Flex>
      </Card>
      <Card size="small" title={t('disclosures')}>
        {p.disclosures.length ? (
          <Collapse
            size="small"
            items={p.disclosures.map((d) => ({
              key: d.id,
              label: (
                <span data-testid="public-disclosure">
                  <Tag>{label('disclosureKind', d.kind, locale)}</Tag>
                  {d.title}
                </span>
              ),
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>,
            }))}
          />
        ) : (
          <PortalEmpty text={t('noDisclosures')} />
        )}
      </Card>
      {p.order.length > 0 && (
        <Card size="small" title={t('order')}>
          <Typography.Paragraph>
            {t('seed')}：<Typography.Text code data-testid="public-seed">{p.seed ?? t('none')}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('seedHint')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="order"
            pagination={{ pageSize: 20 }}
            dataSource={p.order}
            columns={[
              { key: 'o', title: t('colOrder'), dataIndex: 'order', width: 70 },
              { key: 'n', title: t('colNumber'), dataIndex: 'number', width: 70 },
              { key: 'name', title: t('colName'), dataIndex: 'name' },
            ]}
          />
        </Card>
      )}
      {p.publishedAt && (
        <Card size="small" title={t('results')} data-testid="public-results">
          <Table
            size="small"
            rowKey={(r) => `${r.order}-${r.name}`}
            pagination={false}
            dataSource={p.results}
            columns={[
              { key: 'o', title: t('colOrder'), dataIndex: 'order', width: 70 },
              { key: 'name', title: t('colName'), dataIndex: 'name' },
              { key: 'flat', title: t('colFlat'), dataIndex: 'flat' },
              { key: 'size', title: t('colSize'), dataIndex: 'size', width: 70 },
            ]}
          />
          <ObjectionSection p={p} />
        </Card>
      )}
      {p.decisions.length > 0 && (
        <Card size="small" title={t('decisions')}>
          <List dataSource={p.decisions} renderItem={(d) => <List.Item>{d.title}</List.Item>} />
        </Card>
      )}
    </Flex>
  );
}
