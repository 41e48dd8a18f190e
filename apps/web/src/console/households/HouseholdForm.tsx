import { HOUSEHOLD_RELATIONSHIPS, type HouseholdDetail, type HouseholdRelationship, type HouseholdTag, RELATIONSHIP_LABELS } from '@lianxin/core';
import { Button, Col, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { FormDrawer } from '../../shared/FormDrawer';
import { fieldPath, tagNamer } from './household-logic';
import type { AreaTreeOption } from './household-logic';
import { householdMessages } from './households.messages';
import { isNetworkError } from '../offline/network';
import { householdValues } from '../offline/offline-logic';
import { offlineMessages } from '../offline/offline.messages';
import { queueHouseholdEdit } from '../offline/offline-queue';
import { useMe } from '../shell/session';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Editing this household; absent = create a new one (with its head as first member). */
  household?: HouseholdDetail;
  areas: AreaTreeOption[];
  tags: HouseholdTag[];
  onSaved: (h: HouseholdDetail) => void;
}

type Values = {
  areaCode: string;
  address: string;
  headName: string;
  lat?: number | null;
  lng?: number | null;
  tags?: string[];
  needs?: string;
  notes?: string;
  members?: { name: string; relationship: HouseholdRelationship; idNumber?: string; phone?: string }[];
};

/** The fields the edit form shows (the head's name arrives masked: it is only sent when retyped). */
const editable = (h: HouseholdDetail): Values => ({
  areaCode: h.areaCode,
  address: h.address,
  headName: h.headName,
  lat: h.lat,
  lng: h.lng,
  tags: h.tags,
  needs: h.needs ?? undefined,
  notes: h.notes ?? undefined,
});

/** Only what changed, so an edit never writes back masked or stale values. */
function changes<T extends object>(before: Values, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value ?? null) !== JSON.stringify((before as Record<string, unknown>)[key] ?? null)) out[key as keyof T] = value;
  }
  return out;
}

const blankToUndefined = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** Create or edit a household; server field errors land on the fields, a 409 reloads the record. */
export default function HouseholdForm({ open, onClose, household, areas, tags, onSaved }: Props) {
  const t = useT(householdMessages);
  const tOffline = useT(offlineMessages);
  const me = useMe();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState<number | undefined>(household?.version);
  // What the form started from: the household, or the latest one after a conflict.
  const [baseline, setBaseline] = useState<HouseholdDetail | undefined>(household);
  const tagName = tagNamer(tags, locale);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setVersion(household?.version);
    setBaseline(household);
    form.resetFields();
    if (household) form.setFieldsValue(editable(household));
    else form.setFieldsValue({ members: [{ name: '', relationship: 'head' }] });
  }, [open, household, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    const base = {
      areaCode: values.areaCode,
      address: values.address,
      headName: values.headName,
      lat: values.lat ?? null,
      lng: values.lng ?? null,
      tags: values.tags ?? [],
      needs: blankToUndefined(values.needs) ?? null,
      notes: blankToUndefined(values.notes) ?? null,
    };
    try {
      const changed = household ? changes(editable(baseline ?? household), base) : {};
      if (household && Object.keys(changed).length === 0) return onClose();
      const saved = household
        ? await call('PATCH /api/households/:id', {
            params: { id: household.id },
            body: { ...changed, ...('lat' in changed || 'lng' in changed ? { lat: base.lat, lng: base.lng } : {}), version: version ?? household.version },
          })
        : await call('POST /api/households', {
            body: {
              ...base,
              members: (values.members ?? []).map((m) => ({ name: m.name, relationship: m.relationship, idNumber: blankToUndefined(m.idNumber), phone: blankToUndefined(m.phone) })),
            },
          });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && household) {
        // Someone saved first: load theirs, keep the form open for a second look.
        const latest = await call('GET /api/households/:id', { params: { id: household.id } });
        setVersion(latest.version);
        setBaseline(latest);
        form.setFieldsValue(editable(latest));
        setProblem(t('conflict', { title: error.title }));
      } else if (household && isNetworkError(error)) {
        // — offline — no signal: the edit waits on the phone against the version read; a conflict is resolved later.
        const from = baseline ?? household;
        const changed = changes(editable(from), base);
        const body = { ...changed, ...('lat' in changed || 'lng' in changed ? { lat: base.lat, lng: base.lng } : {}) };
        await queueHouseholdEdit(me.userId, { householdId: household.id, baseVersion: version ?? household.version, base: householdValues(from as never), changes: body, label: from.address });
        setProblem(tOffline('queuedHousehold'));
      } else if (error instanceof ApiError) {
        const onFields = error.fieldErrors.filter((f) => f.field);
        form.setFields(onFields.map((f) => ({ name: fieldPath(f.field) as never, errors: [f.message] })));
        setProblem(error.title);
      } else setProblem(String(error));
    } finally {
      setSaving(false);
    }
  };

  const relationshipOptions = HOUSEHOLD_RELATIONSHIPS.map((r) => ({ value: r, label: RELATIONSHIP_LABELS[r][locale === 'en-US' ? 1 : 0] }));
  const required = [{ required: true, message: t('required') }];

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={household ? t('editTitle') : t('createTitle')}
      size="large"
      destroyOnHidden
      saving={saving}
      onSave={() => form.submit()}
      labels={{ cancel: t('cancel'), save: t('save') }}
      saveTestId="household-save"
      problem={problem}
      problemTestId="household-form-error"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="areaCode" label={t('area')} rules={required}>
          <TreeSelect treeData={areas} showSearch treeNodeFilterProp="title" placeholder={t('area')} treeDefaultExpandAll={false} />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="headName" label={t('headName')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="lat" label={t('lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="lng" label={t('lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('tags')}>
          <Select mode="multiple" options={tags.map((tag) => ({ value: tag.code, label: tagName(tag.code) }))} />
        </Form.Item>
        <Form.Item name="needs" label={t('needs')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="notes" label={t('notes')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1 }} />
        </Form.Item>
        {!household && (
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'name']} label={t('name')} rules={required}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'relationship']} label={t('relationship')} rules={required}>
                        <Select options={relationshipOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={7}>
                      <Form.Item name={[field.name, 'idNumber']} label={t('idNumber')}>
                        <Input maxLength={18} />
                      </Form.Item>
                    </Col>
                    <Col xs={9} md={5}>
                      <Form.Item name={[field.name, 'phone']} label={t('phone')}>
                        <Input maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={3} md={2}>
                      <Form.Item label=" ">
                        <Button danger type="text" onClick={() => remove(field.name)} aria-label={t('remove')}>
                          ×
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({ name: '', relationship: 'spouse' })}>{t('addMember')}</Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
    </FormDrawer>
  );
}
