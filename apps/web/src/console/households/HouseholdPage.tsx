import { type HouseholdDetail, holds } from '@lianxin/core';
import { Alert, Button, Card, Col, Descriptions, Flex, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import HistoryCard from './HistoryCard';
import { areaTreeOptions, tagColorer, tagNamer, tagTextColor } from './household-logic';
import HouseholdForm from './HouseholdForm';
import { householdMessages } from './households.messages';
import MembersCard from './MembersCard';

const MapView = lazy(() => import('../../shared/map/MapView'));

/** One household (户档案): record, members, map, history; edit with the version, archive. */
export default function HouseholdPage() {
  const { id = '' } = useParams();
  const t = useT(householdMessages);
  const { locale } = useLocale();
  const me = useMe();
  const loaded = useApi('GET /api/households/:id', { params: { id } });
  const [household, setHousehold] = useState<HouseholdDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const tags = useApi('GET /api/tags');
  const areas = useApi('GET /api/areas', editing ? { query: { format: 'tree' } } : null);
  const areaOptions = useMemo(() => areaTreeOptions(areas.data?.items ?? []), [areas.data]);
  useEffect(() => setHousehold(loaded.data ?? null), [loaded.data]);

  if (loaded.loading && !household) return <PageLoading />;
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.reload} />;
  if (!household) return <PageLoading />;

  // The server says what this user may do with this household; the buttons follow it.
  const { canEdit, canReveal } = household;
  const tagName = tagNamer(tags.data?.items, locale);
  const tagColor = tagColorer(tags.data?.items);
  const point = household.lat != null && household.lng != null ? { lat: household.lat, lng: household.lng } : null;

  const archive = async () => {
    setProblem(null);
    try {
      setHousehold(await call('POST /api/households/:id/archive', { params: { id: household.id }, body: { reason } }));
      setArchiving(false);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : String(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <div style={{ minWidth: 0 }}>
          <Link to="/households">← {t('back')}</Link>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="household-title">
            {household.headName} · {household.address}
          </Typography.Title>
          {household.archivedAt && <Tag color="default">{t('archived')}</Tag>}
        </div>
        <Space wrap>
          {!household.archivedAt && holds(me.roles, 'field.write', household.areaCode) && (
            <Link to={`/visits/new?householdIds=${household.id}`} data-testid="household-record-visit">
              <Button type="primary">{t('recordVisit')}</Button>
            </Link>
          )}
          {!household.archivedAt && holds(me.roles, 'case.register', household.areaCode) && (
            <Link to={`/register?householdId=${household.id}&areaCode=${household.areaCode}`} data-testid="household-register-case">
              <Button>{t('registerCase')}</Button>
            </Link>
          )}
          {canEdit && (
            <>
              <Button onClick={() => setEditing(true)} data-testid="household-edit">
                {t('edit')}
              </Button>
              <Button danger onClick={() => setArchiving(true)}>
                {t('archive')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {problem && <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t('address')}>{household.address}</Descriptions.Item>
                <Descriptions.Item label={t('area')}>{household.areaName ?? household.areaCode}</Descriptions.Item>
                <Descriptions.Item label={t('headName')}>{household.headName}</Descriptions.Item>
                <Descriptions.Item label={t('contact')}>{household.contact?.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('tags')} span={2}>
                  <Flex wrap gap={4} data-testid="household-tags">
                    {household.tags.map((c) => (
                      <Tag key={c} color={tagColor(c)} style={{ marginInlineEnd: 0, color: tagTextColor(tagColor(c)) }}>
                        {tagName(c)}
                      </Tag>
                    ))}
                  </Flex>
                </Descriptions.Item>
                <Descriptions.Item label={t('needs')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{household.needs ?? '—'}</span>
                </Descriptions.Item>
                {household.notes && (
                  <Descriptions.Item label={t('notes')} span={2}>
                    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{household.notes}</span>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <MembersCard household={household} canEdit={canEdit} canReveal={canReveal} onChanged={setHousehold} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('coordinates')}>
              {point ? (
                <Suspense fallback={<PageLoading />}>
                  <MapView height={220} pin={point} focus={{ ...point, zoom: 16 }} ariaLabel={t('coordinates')} testId="household-map" />
                </Suspense>
              ) : (
                <Typography.Text type="secondary">{t('noCoordinates')}</Typography.Text>
              )}
            </Card>
            <HistoryCard householdId={household.id} canEdit={canEdit} />
          </Flex>
        </Col>
      </Row>
      <HouseholdForm
        open={editing}
        onClose={() => setEditing(false)}
        household={household}
        areas={areaOptions.length ? areaOptions : [{ value: household.areaCode, title: household.areaName ?? household.areaCode }]}
        tags={tags.data?.items ?? []}
        onSaved={(h) => {
          setEditing(false);
          setHousehold(h);
        }}
      />
      <Modal open={archiving} title={t('archive')} onCancel={() => setArchiving(false)} onOk={() => void archive()} okButtonProps={{ danger: true, disabled: !reason.trim() }} okText={t('archive')} cancelText={t('cancel')}>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={t('archiveReason')} aria-label={t('archiveReason')} />
      </Modal>
    </Flex>
  );
}
