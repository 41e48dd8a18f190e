import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalEmpty, PortalError, PortalLoading } from '../PortalState';
import { portalProjectsMessages } from './projects.messages';

/** The projects residents can read about. */
export default function ProjectsPage() {
  const t = useT(portalProjectsMessages);
  const list = useApi('GET /api/public/projects');
  return (
    <Card size="small" title={t('title')}>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {list.loading ? (
        <PortalLoading />
      ) : list.error ? (
        <PortalError error={list.error} onRetry={list.reload} />
      ) : !list.data?.items.length ? (
        <PortalEmpty />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(p) => (
            <List.Item style={{ display: 'block' }} data-testid="public-project">
              <Link to={`/projects/${p.id}`}>
                <Typography.Text strong>{p.name}</Typography.Text>
              </Link>
              <div style={{ fontSize: 12, color: '#888' }}>{`${p.areaName} · ${p.leadUnitName}`}</div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
