import { label, VISIT_DELIVERIES, VISIT_KINDS } from '@lianxin/core';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, TreeSelect, Typography, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { areaOptions, FIELD_WRITE_ROLES, isInSubtree, reachOf } from '../field-work/field-scope';
import type { Campaign } from '../campaigns/campaign-types';
import type { AreaNode } from '../households/household-types';
import { uploadedIds } from '../register/AttachmentField';
import { type CategoryNode, toCategoryTree } from '../register/register-form';
import { caseWithCode } from '../reception/reception-logic';
import { useMe } from '../shell/session';
import CheckInField, { type CheckIn } from './CheckInField';
import HouseholdPicker from './HouseholdPicker';
import PhotoField from './PhotoField';
import ProblemsField from './ProblemsField';
import { defaultVisitArea, idsFromLink, keptProblemRows, toVisitBody, type VisitFormValues, visitFormField } from './visit-logic';
import type { Visit } from './visit-types';
import { visitMessages } from './visits.messages';

type Values = Omit<VisitFormValues, 'occurredAt'> & { occurredAt: Dayjs; caseCode?: string };

/**
 * 记录走访: one visit as a cadre records it at the door — phone first (one column, big targets),
 * preset by links from a campaign's target list or a household (`?campaignId=&householdIds=`).
 */
export default function VisitFormPage() {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const areas = useApi<{ items: AreaNode[] }>('/api/areas?format=tree');
  const categories = useApi<{ items: CategoryNode[] }>('/api/categories');
  const campaigns = useApi<{ items: Campaign[] }>('/api/campaigns?limit=100');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [checkIn, setCheckIn] = useState<CheckIn | null>(null);
  const [picked, setPicked] = useState<Array<{ id: string; address: string; areaCode: string }>>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const visitAreas = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, FIELD_WRITE_ROLES), { withGrids: true }), [areas.data, me.roles]);
  const categoryTree = useMemo(() => toCategoryTree(categories.data?.items ?? [], locale === 'en-US'), [categories.data, locale]);
  const kind = Form.useWatch('kind', form);
  const areaCode = Form.useWatch('areaCode', form);
  const householdIds = Form.useWatch('householdIds', form) ?? [];

  const initialValues = useMemo<Partial<Values>>(() => {
    const campaignId = search.get('campaignId') ?? undefined;
    return {
      kind: 'visit',
      occurredAt: dayjs(),
      areaCode: defaultVisitArea(me.roles, FIELD_WRITE_ROLES),
      householdIds: idsFromLink(search.get('householdIds')),
      delivered: [],
      problems: [],
      campaignId,
      caseCode: search.get('caseCode') ?? undefined,
    };
  }, [me.roles, search]);

  if (areas.loading || categories.loading) return <PageLoading />;
  if (areas.error || categories.error) return <PageError error={areas.error ?? categories.error} onRetry={() => (areas.error ? areas.reload() : categories.reload())} />;

  // A household from a link decides the village (a campaign's target may lie in any of its villages).
  if (!areaCode && picked[0]) form.setFieldValue('areaCode', picked[0].areaCode.slice(0, 12));
  const campaignOptions = (campaigns.data?.items ?? []).filter((c) => !areaCode || isInSubtree(areaCode, c.areaCode)).map((c) => ({ value: c.id, label: c.name }));

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    const kept = keptProblemRows({ ...values, occurredAt: undefined });
    try {
      let caseId: string | undefined;
      if (values.kind === 'case_outreach') {
        const code = values.caseCode?.trim() ?? '';
        const found = code ? caseWithCode((await api.get<{ items: { id: string; code: string }[] }>(`/api/cases${query({ q: code, limit: 20 })}`)).items, code) : undefined;
        if (!found) {
          form.setFields([{ name: 'caseCode', errors: [t('caseNotFound')] }]);
          return;
        }
        caseId = found.id;
      }
      const body = toVisitBody({ ...values, occurredAt: values.occurredAt.toISOString() }, uploadedIds(photos), checkIn, caseId);
      const saved = await api.post<Visit>('/api/visits', body);
      navigate(`/visits/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError) {
        const placed = error.fieldErrors.filter((e) => e.field).map((e) => ({ name: visitFormField(e.field, kept) as never, errors: [e.message] }));
        form.setFields(placed);
        if (placed.length) form.scrollToField(placed[0].name);
        setFailure(error.title);
      } else setFailure(String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <div>
        <Link to="/visits">← {t('backToDiary')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('record')}
        </Typography.Title>
      </div>
      {failure && <Alert type="error" showIcon title={t('saveFailed')} description={failure} closable onClose={() => setFailure(null)} data-testid="visit-error" />}
      <Form<Values> form={form} name="visit" layout="vertical" initialValues={initialValues} onFinish={save} requiredMark="optional" scrollToFirstError data-testid="visit-form">
        <Card size="small">
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large" options={VISIT_KINDS.map((k) => ({ value: k, label: label('visitKind', k, locale) }))} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('occurredAt')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" size="large" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} inputReadOnly />
          </Form.Item>
          <Form.Item name="areaCode" label={t('area')} rules={[{ required: true, message: t('required') }]}>
            <TreeSelect
              treeData={visitAreas}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={t('areaPlaceholder')}
              size="large"
              popupMatchSelectWidth={false}
              treeDefaultExpandedKeys={visitAreas.map((a) => a.value)}
              onChange={() => form.setFieldsValue({ householdIds: [], problems: (form.getFieldValue('problems') ?? []).map((p: object) => ({ ...p, householdId: undefined })) })}
              data-testid="visit-area"
            />
          </Form.Item>
          <Form.Item name="householdIds" label={t('householdsVisited')} extra={t('householdsHint')}>
            <HouseholdPicker areaCode={areaCode} onPicked={setPicked} />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('place')}
            dependencies={['householdIds']}
            rules={[{ validator: async (_, v?: string) => { if (householdIds.length === 0 && !v?.trim()) throw new Error(t('householdOrPlace')); } }]}
          >
            <Input maxLength={200} placeholder={t('placePlaceholder')} size="large" />
          </Form.Item>
          {kind === 'case_outreach' && (
            <Form.Item name="caseCode" label={t('caseCode')} rules={[{ required: true, message: t('required') }]}>
              <Input maxLength={30} placeholder={t('caseCodePlaceholder')} size="large" autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="checkIn" label={t('checkIn')}>
            <CheckInField value={checkIn} onChange={setCheckIn} />
          </Form.Item>
        </Card>

        <Card size="small" style={{ marginTop: 12 }}>
          <Form.Item name="notes" label={t('notes')}>
            <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('notesPlaceholder')} />
          </Form.Item>
          <Form.Item name="delivered" label={t('delivered')}>
            <Checkbox.Group options={VISIT_DELIVERIES.map((d) => ({ value: d, label: label('delivery', d, locale) }))} />
          </Form.Item>
          <Form.Item label={t('photos')} extra={t('photosHint')}>
            <PhotoField files={photos} onChange={setPhotos} />
          </Form.Item>
          {campaignOptions.length > 0 && (
            <Form.Item name="campaignId" label={t('campaign')}>
              <Select allowClear options={campaignOptions} placeholder={t('campaignNone')} size="large" data-testid="visit-campaign" />
            </Form.Item>
          )}
        </Card>

        <Card size="small" title={t('problemsFound')} style={{ marginTop: 12 }}>
          <ProblemsField categoryTree={categoryTree} households={picked.filter((h) => householdIds.includes(h.id))} />
        </Card>

        <Flex gap={8} style={{ marginTop: 12, position: 'sticky', bottom: 0, background: '#f5f5f5', padding: '8px 0' }}>
          <Button type="primary" htmlType="submit" size="large" loading={saving} block data-testid="visit-save">
            {saving ? t('saving') : t('save')}
          </Button>
          <Button size="large" onClick={() => navigate(-1)}>
            {t('cancel')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
