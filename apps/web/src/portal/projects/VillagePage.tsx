import { label } from '@lianxin/core';
import { Card, Collapse, Flex, List, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalEmpty, PortalError, PortalLoading } from '../PortalState';
import { portalProjectsMessages } from './projects.messages';

/** A village's (community's) public page: the projects concerning it, their disclosures and decisions. */
export default function VillagePage() {
  const { code = '' } = useParams();
  const t = useT(portalProjectsMessages);
  const { locale } = useLocale();
  const page = useApi('GET /api/public/villages/:code', { params: { code } });
  if (page.loading) return <PortalLoading />;
  if (page.error || !page.data) return <PortalError error={page.error} onRetry={page.reload} />;
  const v = page.data;
  return (
    <Flex vertical gap={10} data-testid="public-village-page">
      <Card size="small" title={t('village', { name: v.name })}>
        <Typography.Text strong>{t('projects')}</Typography.Text>
        {v.projects.length ? (
          <List size="small" dataSource={v.projects} renderItem={(p) => <List.Item><Link to={`/projects/${p.id}`}>{p.name}</Link></List.Item>} />
        ) : (
          <PortalEmpty />
        )}
      </Card>
      <Card size="small" title={t('disclosures')}>
        {v.disclosures.length ? (
          <Collapse
            size="small"
            items={v.disclosures.map((d) => ({
              key: d.id,
              label: (
                <span>
                  <Tag>{label('disclosureKind', d.kind, locale)}</Tag>
                  {d.title} <Typography.Text type="secondary">· {d.projectName}</Typography.Text>
                </span>
              ),
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>,
            }))}
          />
        ) : (
          <PortalEmpty text={t('noDisclosures')} />
        )}
      </Card>
      {v.decisions.length > 0 && (
        <Card size="small" title={t('decisions')}>
          <List dataSource={v.decisions} renderItem={(d) => <List.Item>{d.title}</List.Item>} />
        </Card>
      )}
    </Flex>
  );
}
