import { Alert, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Switch, TimePicker, Typography } from 'antd';
import type { ReceptionSessionDetail as SessionDetail } from '@lianxin/core';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { FormDrawer, useDrawerSave } from '../../shared/FormDrawer';
import { afterField } from '../../shared/form-rules';
import { PlannableAreaSelect } from '../field-work/PlannableAreaSelect';
import { renameFields } from '../campaigns/campaign-logic';
import StaffSelect from '../field-work/StaffSelect';
import type { AreaTreeOption } from '../households/household-logic';
import { chinaInstant, sessionChanges, sessionWhen } from './reception-logic';
import { receptionMessages } from './reception.messages';

type Values = { leaderUserId: string; areaCode: string; date: Dayjs; startTime: Dayjs; endTime: Dayjs; place: string; topic?: string; capacity: number; isPublished: boolean };
const FIELDS = ['leaderUserId', 'areaCode', 'date', 'startTime', 'endTime', 'place', 'topic', 'capacity', 'isPublished'];
/** A time of day for the time pickers. */
const clock = (h: number, m: number) => dayjs().hour(h).minute(m).second(0).millisecond(0);
/** The API's instants are the form's date + clock times. */
const API_TO_FORM = { startsAt: 'startTime', endsAt: 'endTime' };

interface Props {
  open: boolean;
  onClose: () => void;
  /** Editing this session; absent = schedule a new one. */
  session?: SessionDetail;
  areas: AreaTreeOption[];
  onSaved: (s: SessionDetail) => void;
}

/**
 * Schedules a reception day, or edits one: leader, area and time are fixed once set (the API
 * changes place, topic, places and publishing only), so editing shows them read-only.
 */
export default function SessionForm({ open, onClose, session, areas, onSaved }: Props) {
  const t = useT(receptionMessages);
  const [form] = Form.useForm<Values>();
  const { setProblem, run, drawer } = useDrawerSave(form, FIELDS, (problems) => renameFields(problems, API_TO_FORM));
  const weekdays = t('weekdays').split(',');

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    if (session) form.setFieldsValue({ place: session.place, topic: session.topic ?? '', capacity: session.capacity, isPublished: session.isPublished });
    // Someone who plans in one area only starts from it.
    else if (areas.length === 1 && !form.getFieldValue('areaCode')) form.setFieldsValue({ areaCode: areas[0].value });
  }, [open, session, areas, form]);

  const submit = (v: Values) =>
    run(async () => {
      if (session) {
        const patch = sessionChanges(session, v);
        onSaved(Object.keys(patch).length ? await call('PATCH /api/reception/sessions/:id', { params: { id: session.id }, body: patch }) : session);
      } else {
        const date = v.date.format('YYYY-MM-DD');
        onSaved(
          await call('POST /api/reception/sessions', {
            body: {
              leaderUserId: v.leaderUserId,
              areaCode: v.areaCode,
              startsAt: chinaInstant(date, v.startTime.format('HH:mm')),
              endsAt: chinaInstant(date, v.endTime.format('HH:mm')),
              place: v.place.trim(),
              topic: v.topic?.trim() || undefined,
              capacity: v.capacity,
              isPublished: v.isPublished,
            },
          }),
        );
        form.resetFields();
      }
    });
  const required = [{ required: true, message: t('required') }];

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={session ? t('editTitle') : t('createTitle')}
      {...drawer}
      labels={{ cancel: t('cancel'), save: t('save') }}
      saveTestId="session-save"
      problemTestId="session-form-error"
    >
      {!session && areas.length === 0 && <Alert type="warning" showIcon title={t('noPlannableArea')} style={{ marginBottom: 12 }} />}
      {session && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('leader')}>{session.leader.name}</Descriptions.Item>
            <Descriptions.Item label={t('area')}>{session.areaName}</Descriptions.Item>
            <Descriptions.Item label={t('when')}>{sessionWhen(session, weekdays)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('fixedHint')}
          </Typography.Paragraph>
        </>
      )}
      {/* Kept mounted while closed, so a failed save never loses what was typed. */}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark initialValues={{ capacity: 10, isPublished: false, startTime: clock(9, 0), endTime: clock(11, 30) }}>
        {!session && (
          <>
            <Form.Item name="leaderUserId" label={t('leader')} rules={required}>
              <StaffSelect role="leader" placeholder={t('leaderPlaceholder')} testId="session-leader" />
            </Form.Item>
            <Form.Item name="areaCode" label={t('area')} rules={required}>
              <PlannableAreaSelect areas={areas} placeholder={t('area')} testId="session-area" />
            </Form.Item>
            <Form.Item name="date" label={t('date')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="session-date" />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="startTime" label={t('startTime')} rules={required} style={{ flex: '1 1 120px' }}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="session-start" />
              </Form.Item>
              <Form.Item
                name="endTime"
                label={t('endTime')}
                dependencies={['startTime']}
                style={{ flex: '1 1 120px' }}
                rules={[...required, afterField('startTime', (end, start) => end.format('HH:mm') > start.format('HH:mm'), t('endBeforeStart'))]}
              >
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="session-end" />
              </Form.Item>
            </Flex>
          </>
        )}
        <Form.Item name="place" label={t('place')} rules={[...required, { whitespace: true, message: t('required') }]}>
          <Input maxLength={200} placeholder={t('placePlaceholder')} />
        </Form.Item>
        <Form.Item name="topic" label={t('topic')}>
          <Input maxLength={200} placeholder={t('topicPlaceholder')} />
        </Form.Item>
        <Form.Item name="capacity" label={t('capacity')} rules={required}>
          <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isPublished" label={t('publish')} valuePropName="checked" extra={t('publishHint')}>
          <Switch data-testid="session-publish" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
