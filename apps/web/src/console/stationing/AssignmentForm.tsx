import { Alert, Button, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AssignmentView as Assignment } from '@lianxin/core';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { placeFieldErrors } from '../../shared/form-errors';
import StaffSelect from '../field-work/StaffSelect';
import { type AreaOption, isVillageCode } from '../field-work/area-options';
import { assignmentPatch, editableOf } from './assignment-logic';
import { stationingMessages } from './stationing.messages';

/** `end` is the edit form opened on the last day (preset to today). */
export type FormMode = 'create' | 'edit' | 'end';

type Values = {
  cadreUserId?: string;
  villageCode?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs | null;
  minDaysPerWeek?: number | null;
  note?: string;
};

const FIELDS = ['cadreUserId', 'villageCode', 'startsOn', 'endsOn', 'minDaysPerWeek', 'note'] as const;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

type Props = {
  open: boolean;
  mode: FormMode;
  assignment?: Assignment;
  /** Villages the user may plan in. */
  villages: AreaOption[];
  globalRule?: number;
  today: string;
  onClose: () => void;
  onSaved: (a: Assignment) => void;
};

/**
 * Stations a cadre in a village, or changes / ends an assignment. Server field errors land on the
 * fields (an overlapping assignment's message lands on the date it concerns).
 */
export default function AssignmentForm({ open, mode, assignment, villages, globalRule, today, onClose, onSaved }: Props) {
  const t = useT(stationingMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = mode !== 'create' && assignment;

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    if (editing) {
      const e = editableOf(assignment);
      form.setFieldsValue({ endsOn: mode === 'end' ? dayjs(today) : e.endsOn ? dayjs(e.endsOn) : null, minDaysPerWeek: e.minDaysPerWeek, note: e.note });
    } else form.setFieldsValue({ startsOn: dayjs(today) });
  }, [open, mode, assignment, editing, today, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      let saved: Assignment;
      if (editing) {
        const before = editableOf(assignment);
        // Ending shows the last day only: the rule and the note stay as they are.
        const after = mode === 'end' ? { ...before, endsOn: day(v.endsOn) } : { endsOn: day(v.endsOn), minDaysPerWeek: v.minDaysPerWeek ?? null, note: v.note ?? '' };
        const patch = assignmentPatch(before, after);
        if (Object.keys(patch).length === 0) return onClose();
        saved = await call('PATCH /api/stationing/assignments/:id', { params: { id: assignment.id }, body: patch });
      } else {
        // The form's rules require the cadre, the village and the first day before it submits.
        saved = await call('POST /api/stationing/assignments', {
          body: {
            cadreUserId: v.cadreUserId!,
            villageCode: v.villageCode!,
            startsOn: day(v.startsOn)!,
            endsOn: day(v.endsOn),
            minDaysPerWeek: v.minDaysPerWeek ?? null,
            note: v.note?.trim() || undefined,
          },
        });
      }
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) return setProblem(String(error));
      const { placed, rest } = placeFieldErrors(error.fieldErrors, FIELDS);
      form.setFields(placed.map((p) => ({ name: p.name as never, errors: p.errors })));
      setProblem(placed.length && !rest.length ? null : rest.length ? rest.join('；') : error.title);
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('required2') }];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={mode === 'create' ? t('createTitle') : mode === 'end' ? t('end') : t('editTitle')}
      destroyOnHidden
      width={560}
      styles={{ body: { maxWidth: '100%' } }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button key="save" type="primary" danger={mode === 'end'} loading={saving} onClick={() => form.submit()} data-testid="assignment-save">
          {mode === 'end' ? t('end') : t('save')}
        </Button>,
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="assignment-error" />}
      {editing && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[
          { key: 'cadre', label: t('cadre'), children: assignment.cadre.name },
          { key: 'village', label: t('village'), children: `${assignment.township.name ?? ''} ${assignment.village.name}` },
          { key: 'starts', label: t('startsOn'), children: assignment.startsOn },
        ]} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        {!editing && (
          <>
            <Form.Item name="cadreUserId" label={t('cadre')} rules={required}>
              <StaffSelect role="stationed_cadre" placeholder={t('cadrePlaceholder')} testId="assignment-cadre" />
            </Form.Item>
            <Form.Item name="villageCode" label={t('village')} rules={[...required, { validator: (_, v) => (!v || isVillageCode(v) ? Promise.resolve() : Promise.reject(new Error(t('villageOnly')))) }]}>
              <TreeSelect treeData={villages} showSearch treeNodeFilterProp="title" placeholder={t('villagePlaceholder')} data-testid="assignment-village" />
            </Form.Item>
          </>
        )}
        <Row gutter={12}>
          {!editing && (
            <Col xs={24} sm={12}>
              <Form.Item name="startsOn" label={t('startsOn')} rules={required}>
                <DatePicker style={{ width: '100%' }} data-testid="assignment-starts" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="endsOn" label={t('endsOn')} extra={mode === 'end' ? t('endHint') : undefined} rules={mode === 'end' ? required : undefined}>
              <DatePicker style={{ width: '100%' }} placeholder={t('endsOnOpen')} data-testid="assignment-ends" />
            </Form.Item>
          </Col>
        </Row>
        {mode !== 'end' && (
          <>
            <Form.Item name="minDaysPerWeek" label={t('minDays')}>
              <InputNumber min={1} max={7} precision={0} style={{ width: '100%' }} placeholder={globalRule ? t('minDaysGlobal', { n: globalRule }) : undefined} data-testid="assignment-min-days" />
            </Form.Item>
            <Form.Item name="note" label={t('note')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('notePlaceholder')} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
