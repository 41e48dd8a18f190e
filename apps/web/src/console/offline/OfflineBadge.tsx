import { CloudSyncOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { hasRole, useMe } from '../shell/session';
import { useOnline } from './network';
import { offlineMessages } from './offline.messages';
import { useQueue } from './offline-queue';
import { syncQueue } from './offline-sync';

/**
 * In the header of a field worker's console: "offline" without signal, and how many records wait
 * on the phone; it opens the queue. When the signal returns, the queue syncs by itself. A
 * stationed cadre's reference data is kept here by itself after signing in.
 */
export default function OfflineBadge() {
  const t = useT(offlineMessages);
  const me = useMe();
  const online = useOnline();
  const navigate = useNavigate();
  const { counts, ready } = useQueue(me.userId);

  useEffect(() => {
    if (online && ready && counts.waiting > 0) void syncQueue(me.userId).catch(() => undefined);
    // Only a change of signal (or of a first load) starts a sync; the queue page's button does the rest.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, ready, me.userId]);

  // A stationed cadre signed in with signal: keep what the field pages read offline, a few seconds
  // after the page has loaded (it never competes with the page's own requests).
  const stationed = hasRole(me, 'stationed_cadre');
  useEffect(() => {
    if (!online || !stationed) return;
    // Loaded then, and only for them: the header of every other user stays as small as before.
    const timer = setTimeout(() => void import('./offline-reference').then((m) => m.prepareOffline(me)).catch(() => undefined), 5000);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [online, stationed, me.userId]);

  if (online && counts.pending === 0) return null;
  return (
    <Badge count={counts.pending} size="small" offset={[-4, 4]}>
      <Button
        size="small"
        icon={online ? <CloudSyncOutlined /> : <DisconnectOutlined />}
        onClick={() => navigate('/offline')}
        data-testid="offline-badge"
        aria-label={online ? t('badgeWaiting', { n: counts.pending }) : t('badgeOffline')}
      >
        {online ? t('badgeWaiting', { n: counts.pending }) : t('badgeOffline')}
      </Button>
    </Badge>
  );
}
