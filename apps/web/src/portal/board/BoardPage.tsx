import { Button, Card, List, Segmented, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useApi, useCursorPages } from '../../shared/use-api';
import { AreaPicker } from '../submit/AreaPicker';
import { categoryTree } from '../submit/submit-form';
import { visuallyHidden } from '../../shared/a11y';
import { portalMessages } from '../portal.messages';
import { PortalEmpty, PortalError, PortalLoading } from '../PortalState';
import { BoardMap } from './BoardMap';
import { MonthlyRates } from './MonthlyRates';

/** 诉求公开栏: what residents agreed to publish, anonymised, with each answer; and the month's 三率. */
export default function BoardPage() {
  const t = useT(portalMessages);
  const [areaCode, setAreaCode] = useState<string | undefined>();
  const [categoryCode, setCategoryCode] = useState<string | undefined>();
  const board = useCursorPages('GET /api/public/board', { query: { limit: 20, areaCode, categoryCode } });
  const options = useApi('GET /api/public/options');
  const categories = useMemo(() => categoryTree(options.data?.categories ?? []), [options.data]);
  const { items } = board;
  const [tab, setTab] = useState<'list' | 'map' | 'rates'>('list');

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
          <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }} data-testid="board-filters">
            <label htmlFor="board-area" style={visuallyHidden}>
              {t('filterArea')}
            </label>
            <AreaPicker id="board-area" anyLevel value={areaCode} onChange={setAreaCode} placeholder={t('filterArea')} />
            <TreeSelect
              id="board-category"
              aria-label={t('filterCategory')}
              style={{ width: '100%' }}
              treeData={categories}
              value={categoryCode}
              onChange={(v) => setCategoryCode(v || undefined)}
              allowClear
              showSearch
              treeNodeFilterProp="title"
              placeholder={t('filterCategory')}
            />
          </Space>
          {board.error && !items.length ? (
            <PortalError error={board.error} onRetry={board.reload} />
          ) : board.loading && !items.length ? (
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
          {board.hasMore && (
            <Button block loading={board.loading} onClick={board.loadMore}>
              {t('more')}
            </Button>
          )}
        </Card>
      )}
    </Space>
  );
}
