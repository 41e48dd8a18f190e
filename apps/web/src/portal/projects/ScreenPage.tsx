import type { PublicBoard } from '@lianxin/core';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PortalError, PortalLoading } from '../PortalState';
import { portalProjectsMessages } from './projects.messages';

const POLL_MS = 3000;

/**
 * 选房大屏: a page for the TV in the hall. It polls the public board every few seconds (no login,
 * masked names only) and shows every flat — free or taken, with the taker's place in the order —
 * who is choosing at each desk, and the latest choices. Full-width, large type, dark background.
 */
export default function ScreenPage() {
  const { id = '' } = useParams();
  const t = useT(portalProjectsMessages);
  const [board, setBoard] = useState<PublicBoard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setBoard(await call('GET /api/public/projects/:id/board', { params: { id } }));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!board) return error ? <PortalError error={error} onRetry={load} /> : <PortalLoading />;

  const buildings = [...new Set(board.flats.map((f) => `${f.building}栋${f.unit}单元`))];
  const time = new Date(board.updatedAt).toLocaleTimeString('zh-CN', { hour12: false });
  return (
    <div style={{ background: '#7a1a12', color: '#fff', minHeight: '100vh', padding: 24, fontSize: 18 }} data-testid="screen-page">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 12 }}>
        <h1 style={{ color: '#ffd666', margin: 0, fontSize: 36 }}>{t('screenTitle', { name: board.projectName })}</h1>
        <div style={{ fontSize: 24 }} data-testid="screen-progress">
          {t('progress', { taken: board.taken, total: board.total })} · {t('updated', { time })}
        </div>
      </div>
      <div style={{ display: 'flex', gap: 24, marginTop: 16, flexWrap: 'wrap' }}>
        <div style={{ flex: '3 1 600px' }}>
          {buildings.map((b) => (
            <div key={b} style={{ marginBottom: 12 }}>
              <div style={{ fontSize: 20, color: '#ffd666' }}>{b}</div>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                {board.flats
                  .filter((f) => `${f.building}栋${f.unit}单元` === b)
                  .map((f) => (
                    <div
                      key={f.id}
                      data-testid={f.taken ? 'screen-flat-taken' : 'screen-flat-free'}
                      title={`${f.size}㎡ ${f.type}`}
                      style={{ width: 96, padding: '6px 4px', textAlign: 'center', borderRadius: 6, background: f.taken ? '#595959' : '#389e0d', color: '#fff' }}
                    >
                      <div style={{ fontWeight: 700 }}>{f.number}</div>
                      <div style={{ fontSize: 13 }}>{f.taken ? `${t('taken')} #${f.takenByOrder ?? ''}` : `${f.size}㎡`}</div>
                    </div>
                  ))}
              </div>
            </div>
          ))}
        </div>
        <div style={{ flex: '1 1 280px' }}>
          <h2 style={{ color: '#ffd666' }}>{t('serving')}</h2>
          <div data-testid="screen-serving">
            {board.serving.length ? (
              board.serving.map((s) => (
                <div key={s.desk} style={{ fontSize: 26, marginBottom: 6 }}>
                  {s.desk} · {t('colOrder')} {s.order} · {s.name}
                </div>
              ))
            ) : (
              <div>{t('none')}</div>
            )}
          </div>
          <h2 style={{ color: '#ffd666', marginTop: 24 }}>{t('recent')}</h2>
          <div data-testid="screen-recent">
            {board.recent.map((r) => (
              <div key={`${r.order}-${r.at}`} style={{ marginBottom: 4 }}>
                {t('colOrder')} {r.order} · {r.name} → {r.flat}
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
