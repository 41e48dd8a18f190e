import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, Row, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { FilterTreeSelect } from '../../shared/FilterTreeSelect';
import { TimeLeftBadge } from '../../shared/TimeLeftBadge';
import { useCursorPages } from '../../shared/use-api';
import { formatTime } from '../cases/case-list/case-summary';
import { FlagTags } from '../cases/case-list/CaseTable';
import { PagedList } from '../cases/case-list/PagedList';
import { useReference } from '../cases/case-list/use-reference';
import { BatchResultPanel } from './BatchResultPanel';
import { dispatchMessages } from './dispatch.messages';
import { afterBatch, type BatchResponse, commonSuggestion, type QueueItem } from './dispatch-queue';
import { OnDutyTag } from '../duty/OnDutyTag'; // — duty —

const PAGE_SIZE = 30;
/** A one-line cut with "…" by CSS (the whole text in the title): no measuring per row, as Typography's ellipsis does. */
const CUT = { display: 'inline-block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' } as const;

/** 派单中心: the queue of registered and returned cases, dispatched one by one or in batches. */
export default function DispatchPage() {
  const t = useT(dispatchMessages);
  const { message } = App.useApp();
  const reference = useReference();
  const [filter, setFilter] = useState<{ q?: string; areaCode?: string }>({});
  const pages = useCursorPages('GET /api/cases/dispatch-queue', { query: { ...filter, limit: PAGE_SIZE } });
  // Cases dispatched from this page leave the queue without a reload.
  const [dispatched, setDispatched] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo(() => {
    const seen = new Set<string>();
    return pages.items.filter((i) => !dispatched.has(i.id) && !seen.has(i.id) && seen.add(i.id));
  }, [pages.items, dispatched]);
  const [selected, setSelected] = useState<string[]>([]);
  const [unitId, setUnitId] = useState<string>();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<BatchResponse | null>(null);
  const [codes, setCodes] = useState<Map<string, string>>(new Map());

  const select = (ids: string[]) => {
    setSelected(ids);
    // Preselect the unit most of the ticked cases are suggested for, unless one is chosen already.
    if (!unitId) setUnitId(commonSuggestion(items, ids));
  };

  const dispatch = async () => {
    if (!selected.length) return void message.warning(t('selectFirst'));
    if (!unitId) return void message.warning(t('unitFirst'));
    setSending(true);
    try {
      const response = await call('POST /api/cases/dispatch-batch', { body: { caseIds: selected, unitId, note: note.trim() || undefined } });
      setCodes(new Map(items.map((i) => [i.id, i.code])));
      setResult(response);
      const next = afterBatch(items, response.results);
      const left = new Set(next.items.map((i) => i.id));
      setDispatched((prev) => new Set([...prev, ...items.filter((i) => !left.has(i.id)).map((i) => i.id)]));
      setSelected(next.stillSelected);
      if (!next.stillSelected.length) setNote('');
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setSending(false);
    }
  };

  const columns: ColumnsType<QueueItem> = useMemo(
    () => [
      {
        key: 'case',
        title: t('colCase'),
        render: (_: unknown, c) => (
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex gap={6} wrap align="center">
              {c.returnCount > 0 && <Tag color="orange">{t('returned')}</Tag>}
              <FlagTags flags={c.flags} />
              <OnDutyTag person={c.onDuty} /> {/* — duty — */}
              <Link to={`/cases/${c.id}`} title={c.title}>
                <span style={{ ...CUT, maxWidth: 360 }}>{c.title}</span>
              </Link>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.code}
            </Typography.Text>
          </Flex>
        ),
      },
      { key: 'area', title: t('colArea'), dataIndex: 'areaCode', width: 110, ellipsis: true, render: (code: string) => reference.areaName.get(code) ?? code },
      { key: 'due', title: t('colDue'), width: 140, render: (_: unknown, c) => <TimeLeftBadge clock={c.clock} emptyText="—" /> },
      { key: 'registered', title: t('colRegistered'), dataIndex: 'registeredAt', width: 140, render: formatTime },
      {
        key: 'return',
        title: t('colReturn'),
        width: 220,
        render: (_: unknown, c) =>
          c.lastReturn ? (
            <Typography.Text type="warning" style={{ ...CUT, maxWidth: 200 }} title={t('returnedBy', { unit: c.lastReturn.unitName ?? '', reason: c.lastReturn.reason ?? '' })} data-testid="return-reason">
              {t('returnedBy', { unit: c.lastReturn.unitName ?? '', reason: c.lastReturn.reason ?? '' })}
            </Typography.Text>
          ) : (
            '—'
          ),
      },
      {
        key: 'suggest',
        title: t('colSuggest'),
        width: 200,
        render: (_: unknown, c) =>
          c.suggestion ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0, maxWidth: 190, overflow: 'hidden', textOverflow: 'ellipsis' }}
              title={t('useSuggestion', { unit: c.suggestion.unitName, pct: Math.round(c.suggestion.confidence * 100) })}
              onClick={() => {
                setUnitId(c.suggestion!.unitId);
                setSelected((prev) => (prev.includes(c.id) ? prev : [...prev, c.id]));
              }}
            >
              {c.suggestion.unitName} · {Math.round(c.suggestion.confidence * 100)}%
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('noSuggestion')}</Typography.Text>
          ),
      },
    ],
    [t, reference.areaName],
  );

  return (
    <Flex vertical gap={12} data-testid="dispatch-centre">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <Input.Search aria-label={t('search')} placeholder={t('search')} allowClear maxLength={100} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
          </Col>
          <Col xs={18} md={10}>
            <FilterTreeSelect label={t('area')} value={filter.areaCode} treeData={reference.areaTree} onChange={(areaCode) => setFilter((f) => ({ ...f, areaCode }))} />
          </Col>
          <Col xs={6} md={4}>
            <Button icon={<ReloadOutlined />} onClick={pages.reload} aria-label={t('refresh')}>
              {t('refresh')}
            </Button>
          </Col>
        </Row>
      </Card>
      <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 2 }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('selected', { n: selected.length })}</Typography.Text>
          <Select
            aria-label={t('unit')}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={t('unitPlaceholder')}
            style={{ flex: '1 1 220px', minWidth: 180 }}
            popupMatchSelectWidth={false}
            value={unitId}
            onChange={(value?: string) => setUnitId(value)}
            options={reference.units.filter((u) => u.isActive !== false).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="batch-unit"
          />
          <Input aria-label={t('note')} placeholder={t('note')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} style={{ flex: '2 1 220px', minWidth: 180 }} />
          <Button type="primary" icon={<SendOutlined />} loading={sending} disabled={!selected.length} onClick={dispatch} data-testid="batch-dispatch">
            {t('dispatch', { n: selected.length })}
          </Button>
        </Flex>
      </Card>
      {result && <BatchResultPanel result={result} codeOf={(id) => codes.get(id) ?? id} onClose={() => setResult(null)} />}
      <PagedList pages={pages} items={items} texts={{ loadMore: t('loadMore') }}>
        {(shown) => (
          <Table<QueueItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={shown}
            loading={pages.loading}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('empty') }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => select(keys as string[]) }}
            data-testid="dispatch-queue"
          />
        )}
      </PagedList>
    </Flex>
  );
}
