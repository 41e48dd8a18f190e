import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { shellMessages } from '../console/shell/shell.messages';

/** Centered spinner for a page or panel that is loading. */
export function PageLoading() {
  const t = useT(shellMessages);
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }} role="status" aria-live="polite">
      <Spin tip={t('loading')}>
        <div style={{ width: 120, height: 40 }} />
      </Spin>
    </div>
  );
}

/** An error in the user's language with a retry button. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(shellMessages);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      title={t('loadFailed')}
      description={message}
      action={onRetry ? <Button onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}

/** The empty state, optionally with a hint. */
export function PageEmpty({ children }: { children?: ReactNode }) {
  const t = useT(shellMessages);
  return <Empty description={children ?? t('empty')} />;
}
