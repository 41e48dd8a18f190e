import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, type ApiResponse, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { casePageMessages } from './case-page.messages';
import type { CaseDetail } from '@lianxin/core';


/**
 * The requester, masked; those the API allows (canRevealRequester) get a "显示" button that calls
 * GET /api/cases/:id/requester — each call is written to the audit log by the server.
 */
export function CasePageRequester({ c }: { c: CaseDetail }) {
  const t = useT(casePageMessages);
  const [clear, setClear] = useState<ApiResponse<'GET /api/cases/:id/requester'> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setClear(null);
    setError(null);
  }, [c.id]);

  const reveal = async () => {
    setLoading(true);
    setError(null);
    try {
      setClear(await call('GET /api/cases/:id/requester', { params: { id: c.id } }));
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setLoading(false);
    }
  };

  const shown = clear ?? c.requester;
  const extra =
    c.canRevealRequester && !c.requester.anonymous && !clear ? (
      <Tooltip title={t('revealHint')}>
        <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={reveal} data-testid="reveal-requester">
          {t('reveal')}
        </Button>
      </Tooltip>
    ) : null;
  return (
    <Card title={t('requester')} size="small" extra={extra} data-testid="requester-card">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} role="alert" />}
      {c.requester.anonymous ? (
        <Tag>{t('anonymous')}</Tag>
      ) : (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('name')}>{shown.name ?? t('none')}</Descriptions.Item>
            <Descriptions.Item label={t('phone')}>
              <span data-testid="requester-phone">{shown.phone ?? t('none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('idNumber')}>
              <span style={{ wordBreak: 'break-all' }}>{shown.idNumber ?? t('none')}</span>
            </Descriptions.Item>
          </Descriptions>
          {clear && <Alert type="info" showIcon title={t('revealed')} />}
        </>
      )}
    </Card>
  );
}
