import { isInSubtree, label, localDate, reachOf, VISIT_DELIVERIES, VISIT_KINDS } from '@lianxin/core';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, TreeSelect, Typography, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, call, callOnce } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { areaOptions } from '../field-work/area-options';
import { uploadedIds } from '../register/AttachmentField';
import { toCategoryTree } from '../register/register-form';
import { findCaseByCode } from '../cases/find-case-by-code';
import { hasRole, useMe } from '../shell/session';
import CheckInField, { type CheckIn } from './CheckInField';
import HouseholdPicker from './HouseholdPicker';
import PhotoField, { offlinePhotos } from './PhotoField';
import { surveyAnswersOf, type SurveysByHousehold, VisitSurveys } from './VisitSurveys';
import { isNetworkError } from '../offline/network';
import { offlineMessages } from '../offline/offline.messages';
import { queueSurveyAnswers, queueVisit } from '../offline/offline-queue';
import ProblemsField from './ProblemsField';
import { areaForHouseholds, defaultVisitArea, idsFromLink, isInFuture, keptProblemRows, laterTimes, photoStates, stationedVillage, toVisitBody, type VisitFormValues, visitFormField } from './visit-logic';
import { visitMessages } from './visits.messages';

type Values = Omit<VisitFormValues, 'occurredAt'> & { occurredAt: Dayjs; caseCode?: string; photos?: UploadFile[]; checkIn?: CheckIn | null; surveys?: Record<string, Record<string, Record<string, unknown>>> };
type Picked = { id: string; address: string; areaCode: string };

/**
 * 记录走访: one visit as a cadre records it at the door — phone first (one column, big targets),
 * preset by links from a campaign's target list or a household (`?campaignId=&householdIds=`).
 */
export default function VisitFormPage() {
  const t = useT(visitMessages);
  const tOffline = useT(offlineMessages);
  const { message } = App.useApp();
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const categories = useApi('GET /api/categories');
  const campaigns = useApi('GET /api/campaigns', { query: { limit: 100 } });
  const ownVillage = defaultVisitArea(me.roles);
  // A cadre whose unit is not a village's (a township's or a department's) starts where they are stationed.
  const assignments = useApi('GET /api/stationing/assignments', !ownVillage && hasRole(me, 'stationed_cadre') ? { query: { activeOn: localDate(new Date()), limit: 500 } } : null);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pendingSurveys, setPendingSurveys] = useState<SurveysByHousehold>({});

  const visitAreas = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'field.write'), { withGrids: true }), [areas.data, me.roles]);
  const categoryTree = useMemo(() => toCategoryTree(categories.data?.items ?? [], locale === 'en-US'), [categories.data, locale]);
  const linked = useMemo(() => idsFromLink(search.get('householdIds')), [search]);
  const kind = Form.useWatch('kind', form);
  const areaCode = Form.useWatch('areaCode', form);
  const householdIds = Form.useWatch('householdIds', form) ?? [];
  const uploading = photoStates(Form.useWatch('photos', form) ?? []).uploading > 0;
  const ready = !!areas.data && !!categories.data;

  const initialValues = useMemo<Partial<Values>>(
    () => ({ kind: 'visit', occurredAt: dayjs(), areaCode: ownVillage, householdIds: linked, delivered: [], problems: [], photos: [], checkIn: null, campaignId: search.get('campaignId') ?? undefined, caseCode: search.get('caseCode') ?? undefined }),
    // The form starts once; later changes of the session must not reset what the cadre typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // Households preset by a link decide the village once they are known (a campaign's target may lie in any of its villages).
  const placedFromLink = useRef(false);
  useEffect(() => {
    const found = picked.filter((h) => linked.includes(h.id));
    if (!ready || placedFromLink.current || found.length === 0) return;
    placedFromLink.current = true;
    const area = areaForHouseholds(form.getFieldValue('areaCode'), found);
    if (area !== form.getFieldValue('areaCode')) form.setFieldValue('areaCode', area);
  }, [ready, picked, linked, form]);
  useEffect(() => {
    const village = assignments.data && stationedVillage(assignments.data.items, me.userId);
    if (ready && village && !form.getFieldValue('areaCode') && linked.length === 0) form.setFieldValue('areaCode', village);
  }, [ready, assignments.data, me.userId, linked, form]);

  if (!ready) {
    if (areas.error || categories.error) return <PageError error={areas.error ?? categories.error} onRetry={() => (areas.error ? areas.reload() : categories.reload())} />;
    return <PageLoading />;
  }

  const campaignOptions = (campaigns.data?.items ?? []).filter((c) => !areaCode || isInSubtree(areaCode, c.areaCode)).map((c) => ({ value: c.id, label: c.name }));
  const leave = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/visits'));

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    const kept = keptProblemRows({ ...values, occurredAt: undefined });
    try {
      let caseId: string | undefined;
      if (values.kind === 'case_outreach') {
        // The cadre knows the case by its tracking code; the API takes its id (an exact, scoped lookup).
        const code = values.caseCode?.trim() ?? '';
        const found = await findCaseByCode(code);
        if (!found) {
          form.setFields([{ name: 'caseCode', errors: [t('caseNotFound')] }]);
          form.scrollToField('caseCode');
          return;
        }
        caseId = found.id;
      }
      const body = toVisitBody({ ...values, occurredAt: values.occurredAt.toISOString() }, uploadedIds(values.photos ?? []), values.checkIn ?? null, caseId);
      // — offline — without signal (or with photos kept on the phone) the visit waits in the queue,
      // and the survey answers given with its households wait after it.
      const keptPhotos = offlinePhotos(values.photos ?? []);
      const answered = surveyAnswersOf(pendingSurveys, values.surveys).filter((a) => body.householdIds.includes(a.householdId));
      const addressOf = (id: string) => picked.find((h) => h.id === id)?.address ?? '';
      const queue = async () => {
        const label = picked.filter((h) => body.householdIds.includes(h.id)).map((h) => h.address).join('、') || body.place || '';
        const visit = await queueVisit(me.userId, label, body as never, keptPhotos);
        for (const a of answered) await queueSurveyAnswers(me.userId, { visit }, { surveyId: a.surveyId, householdId: a.householdId, answers: a.answers, label: `${a.title} · ${addressOf(a.householdId)}` });
        message.success(tOffline('queued'));
        navigate('/offline');
      };
      if (values.kind !== 'case_outreach' && (!navigator.onLine || keptPhotos.length > 0)) return await queue();
      let saved;
      try {
        saved = await call('POST /api/visits', { body });
      } catch (error) {
        if (values.kind !== 'case_outreach' && isNetworkError(error)) return await queue();
        throw error;
      }
      // The surveys answered with the household, with the visit's id (entered by the cadre on the visit);
      // answers the signal dropped wait in the queue, with their own key, like a visit.
      let entered = 0;
      let kept = 0;
      for (const a of answered) {
        const key = crypto.randomUUID();
        try {
          await callOnce('POST /api/surveys/:id/answers', key, { params: { id: a.surveyId }, body: { householdId: a.householdId, answers: a.answers, visitId: saved.id } });
          entered += 1;
        } catch (e) {
          if (isNetworkError(e)) {
            // The same key: an answer the server did keep before the signal went is not written twice.
            await queueSurveyAnswers(me.userId, { visitId: saved.id }, { key, surveyId: a.surveyId, householdId: a.householdId, answers: a.answers, label: `${a.title} · ${addressOf(a.householdId)}` });
            kept += 1;
          } else message.error(t('surveysFailed', { title: a.title, reason: e instanceof ApiError ? e.title : String(e) }), 8);
        }
      }
      if (entered) message.success(t('surveysSaved', { n: entered }));
      if (kept) message.warning(tOffline('queuedSurveys', { n: kept }), 8);
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
    <Flex vertical gap={12} style={{ maxWidth: 760, margin: '0 auto', width: '100%', minWidth: 0 }}>
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
          <Form.Item
            name="occurredAt"
            label={t('occurredAt')}
            rules={[{ required: true, message: t('required') }, { validator: async (_, v?: Dayjs) => { if (v && isInFuture(v.toDate(), new Date())) throw new Error(t('futureTime')); } }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              size="large"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              disabledTime={(d) => {
                const now = dayjs();
                if (!d || !d.isSame(now, 'day')) return {};
                const later = laterTimes({ hour: now.hour(), minute: now.minute() });
                return { disabledHours: () => later.hours, disabledMinutes: later.minutes };
              }}
              allowClear={false}
              inputReadOnly
              data-testid="visit-time"
            />
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
            <Form.Item name="caseCode" label={t('caseCode')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
              <Input maxLength={30} placeholder={t('caseCodePlaceholder')} size="large" autoComplete="off" data-testid="visit-case-code" />
            </Form.Item>
          )}
          <Form.Item name="checkIn" label={t('checkIn')} extra={t('checkInHint')}>
            <CheckInField />
          </Form.Item>
        </Card>

        <Card size="small" style={{ marginTop: 12 }}>
          <Form.Item name="notes" label={t('notes')}>
            <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('notesPlaceholder')} />
          </Form.Item>
          <Form.Item name="delivered" label={t('delivered')}>
            <Checkbox.Group options={VISIT_DELIVERIES.map((d) => ({ value: d, label: label('delivery', d, locale) }))} />
          </Form.Item>
          <Form.Item
            name="photos"
            valuePropName="files"
            label={t('photos')}
            extra={t('photosHint')}
            rules={[{ validator: async (_, files?: UploadFile[]) => { const n = photoStates(files ?? []).failed; if (n) throw new Error(t('photosFailed', { n })); } }]}
          >
            <PhotoField />
          </Form.Item>
          {campaignOptions.length > 0 && (
            <Form.Item name="campaignId" label={t('campaign')}>
              <Select allowClear options={campaignOptions} placeholder={t('campaignNone')} size="large" data-testid="visit-campaign" />
            </Form.Item>
          )}
        </Card>

        <Card size="small" title={t('surveys')} style={{ marginTop: 12, display: Object.values(pendingSurveys).some((l) => l.length) ? undefined : 'none' }}>
          <VisitSurveys households={picked.filter((h) => householdIds.includes(h.id))} onLoaded={setPendingSurveys} />
        </Card>

        <Card size="small" title={t('problemsFound')} style={{ marginTop: 12 }}>
          <ProblemsField categoryTree={categoryTree} households={picked.filter((h) => householdIds.includes(h.id))} />
        </Card>

        <Flex gap={8} style={{ marginTop: 12, position: 'sticky', bottom: 0, zIndex: 2, background: '#f5f5f5', padding: '8px 0' }}>
          <Button type="primary" htmlType="submit" size="large" loading={saving} disabled={uploading} block data-testid="visit-save">
            {saving ? t('saving') : uploading ? t('photosUploading') : t('save')}
          </Button>
          <Button size="large" onClick={leave}>
            {t('cancel')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
