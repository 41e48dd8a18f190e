import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { portalMessages } from '../portal.messages';
import { PortalEmpty, PortalError, PortalLoading } from '../PortalState';
import { BoardMap } from './BoardMap';
import { MonthlyRates } from './MonthlyRates';

interface BoardItem {
  ref: string;
  kindLabel: string;
  categoryName: string | null;
  title: string;
  content: string;
  status: string;
  statusLabel: string;
  unitName: string | null;
  areaName: string | null;
  month: string;
  reply: string | null;
  repliedOn: string | null;
}

/** 诉求公开栏: what residents agreed to publish, anonymised, with each answer; and the month's 三率. */
export default function BoardPage() {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  const [items, setItems] = useState<BoardItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: unknown }>({ loading: true });
  const [tab, setTab] = useState<'list' | 'map' | 'rates'>('list');

  const load = async (after: string | null) => {
    setState({ loading: true });
    try {
      const page = await api.get<{ items: BoardItem[]; nextCursor: string | null }>(`/api/public/board${query({ cursor: after ?? undefined, limit: 20 })}`);
      setItems((old) => (after ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState({ loading: false });
    } catch (error) {
      setState({ loading: false, error });
    }
  };
  useEffect(() => {
    void load(null);
  }, [locale]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        block
        value={tab}
        onChange={(v) => setTab(v as 'list' | 'map' | 'rates')}
        options={[
          { value: 'list', label: t('listView') },
          { value: 'map', label: t('mapView') },
          { value: 'rates', label: t('satisfactionRate') + ' · ' + t('resolutionRate') },
        ]}
      />
      {tab === 'rates' ? (
        <MonthlyRates />
      ) : tab === 'map' ? (
        <BoardMap />
      ) : (
        <Card size="small" title={t('boardTitle')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('boardHint')}</Typography.Text>}>
          {state.error && !items.length ? (
            <PortalError error={state.error} onRetry={() => void load(null)} />
          ) : state.loading && !items.length ? (
            <PortalLoading />
          ) : !items.length ? (
            <PortalEmpty />
          ) : (
            <List
              dataSource={items}
              data-testid="board-list"
              renderItem={(item) => (
                <List.Item style={{ display: 'block' }}>
                  <Space wrap size={4}>
                    <Tag color={item.status === 'closed' ? 'green' : 'blue'}>{item.statusLabel}</Tag>
                    <Tag>{item.kindLabel}</Tag>
                    {item.categoryName && <Tag>{item.categoryName}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.month} · {item.areaName}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph strong style={{ margin: '6px 0 2px' }}>
                    {item.title}
                  </Typography.Paragraph>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 4 }}>
                    {item.content}
                  </Typography.Paragraph>
                  {item.reply && (
                    <div style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {item.unitName} · {t('reply')} {item.repliedOn}
                      </Typography.Text>
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                        {item.reply}
                      </Typography.Paragraph>
                    </div>
                  )}
                </List.Item>
              )}
            />
          )}
          {cursor && (
            <Button block loading={state.loading} onClick={() => void load(cursor)}>
              {t('more')}
            </Button>
          )}
        </Card>
      )}
    </Space>
  );
}
