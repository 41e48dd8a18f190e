import { Button, Empty, Result, Spin } from 'antd';
import { useT } from '../i18n/i18n';
import { portalMessages } from './portal.messages';

export function PortalLoading() {
  const t = useT(portalMessages);
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin />
      <div style={{ marginTop: 8, color: '#595959' }}>{t('loading')}</div>
    </div>
  );
}

export function PortalError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(portalMessages);
  return (
    <Result
      status="warning"
      title={t('loadFailed')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={onRetry ? <Button onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}

export function PortalEmpty({ text }: { text?: string }) {
  const t = useT(portalMessages);
  return <Empty description={text ?? t('empty')} />;
}
