import type { FlatView, Selection } from '@lianxin/core';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError, PageLoading } from '../../shared/PageState';
import { projectsMessages } from './projects.messages';

const POLL_MS = 3000;
const flatLabel = (f: Pick<FlatView, 'building' | 'unit' | 'number'>) => `${f.building}栋${f.unit}单元${f.number}`;

/**
 * 选房窗口: one desk on the selection day. It calls the next household in order, shows the flats
 * still free within the household's entitlement (refreshed every few seconds, so another desk's
 * choice disappears), confirms the choice and prints the confirmation sheet. The server decides:
 * a flat another desk gave away a moment earlier is refused with a 409.
 */
export default function DeskPage() {
  const { id = '' } = useParams();
  const t = useT(projectsMessages);
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const desk = params.get('desk') || '1号台';
  const [sel, setSel] = useState<Selection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ householdId: string; flat: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setSel(await call('GET /api/projects/:id/selection', { params: { id } }));
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

  if (error && !sel) return <PageError error={error} onRetry={load} />;
  if (!sel) return <PageLoading />;

  const act = async (work: () => Promise<Selection>, after?: (s: Selection) => void) => {
    setBusy(true);
    try {
      const next = await work();
      setSel(next);
      after?.(next);
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
      await load();
    } finally {
      setBusy(false);
    }
  };
  const mine = sel.households.find((h) => h.state === 'called' && h.desk === desk) ?? null;
  const free = mine ? sel.flats.filter((f) => !f.taken && f.size <= mine.entitledArea) : [];
  const others = sel.households.filter((h) => h.state === 'called' && h.desk !== desk);
  const pickedFlat = sel.flats.find((f) => f.id === picked && !f.taken) ?? null;

  return (
    <Flex vertical gap={12} data-testid="desk-page">
      <PageHeader
        title={`${t('desk')} · ${sel.projectName}`}
        subtitle={`${t('flats')} ${sel.summary.taken} / ${sel.summary.flats} · ${t('chosen')} ${sel.summary.chosen} / ${sel.summary.eligible}`}
        extra={<Link to={`/projects/${id}`}>{t('back')}</Link>}
      />
      <Card size="small">
        <Space>
          {t('deskName')}
          <Input
            style={{ width: 120 }}
            defaultValue={desk}
            data-testid="desk-name"
            onBlur={(e) => {
              const p = new URLSearchParams(params);
              p.set('desk', e.target.value.trim() || '1号台');
              setParams(p, { replace: true });
            }}
          />
        </Space>
      </Card>
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="desk-done"
          message={t('done', { flat: done.flat })}
          action={
            <a href={apiUrl('GET /api/projects/:id/selection/households/:householdId/sheet.pdf', { params: { id, householdId: done.householdId } })} download data-testid="desk-sheet">
              {t('printSheet')}
            </a>
          }
        />
      )}
      <Card size="small" title={t('serving')}>
        {mine ? (
          <Flex vertical gap={12}>
            <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="desk-household">
              <Descriptions.Item label={t('colOrder')}>{mine.order}</Descriptions.Item>
              <Descriptions.Item label={t('head')}>{mine.headNameMasked}</Descriptions.Item>
              <Descriptions.Item label={t('colEntitled')}>{`${mine.entitledArea}${t('sqm')}`}</Descriptions.Item>
              <Descriptions.Item label={t('colPeople')}>{mine.people}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">{t('choose')}</Typography.Text>
            <Flex wrap gap={8} data-testid="desk-flats">
              {free.map((f) => (
                <Button key={f.id} type={picked === f.id ? 'primary' : 'default'} onClick={() => setPicked(f.id)} data-testid="desk-flat">
                  {`${flatLabel(f)} · ${f.size}${t('sqm')} · ${f.type}`}
                </Button>
              ))}
              {!free.length && <Empty />}
            </Flex>
            <Space>
              <Button
                type="primary"
                disabled={!pickedFlat}
                loading={busy}
                data-testid="desk-confirm"
                onClick={() =>
                  pickedFlat &&
                  act(
                    () => call('POST /api/projects/:id/selection/households/:householdId/confirm', { params: { id, householdId: mine.id }, body: { flatId: pickedFlat.id, desk } }),
                    () => {
                      setDone({ householdId: mine.id, flat: flatLabel(pickedFlat) });
                      setPicked(null);
                    },
                  )
                }
              >
                {pickedFlat ? `${t('confirm')}：${flatLabel(pickedFlat)}` : t('confirm')}
              </Button>
              <Button danger loading={busy} onClick={() => act(() => call('POST /api/projects/:id/selection/households/:householdId/absent', { params: { id, householdId: mine.id } }))}>
                {t('absent')}
              </Button>
            </Space>
          </Flex>
        ) : (
          <Flex vertical gap={8} align="start">
            <Typography.Text type="secondary">{t('noneServing')}</Typography.Text>
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={!sel.summary.drawn || !!sel.summary.publishedAt}
              data-testid="desk-call-next"
              onClick={() => act(() => call('POST /api/projects/:id/selection/call-next', { body: { desk }, params: { id } }), () => setDone(null))}
            >
              {t('callNext')}
            </Button>
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('deskOthers')}>
        <List
          size="small"
          dataSource={others}
          locale={{ emptyText: '—' }}
          renderItem={(h) => (
            <List.Item>
              <Tag color="blue">{h.desk}</Tag> {t('colOrder')} {h.order} · {h.headNameMasked}
            </List.Item>
          )}
        />
        {sel.households
          .filter((h) => h.state === 'absent')
          .map((h) => (
            <Button key={h.id} size="small" style={{ margin: 4 }} onClick={() => act(() => call('POST /api/projects/:id/selection/households/:householdId/call', { params: { id, householdId: h.id }, body: { desk } }))}>
              {`${t('callAgain')} ${h.order} · ${h.headNameMasked}`}
            </Button>
          ))}
      </Card>
    </Flex>
  );
}
