import { ACCESS_RULES, type HardCaseView } from '@lianxin/core';
import { App, DatePicker, Form, Input, List, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { useApi } from '../../shared/use-api';
import StaffSelect from '../field-work/StaffSelect';
import { useMe } from '../shell/session';
import { hardCasesMessages } from './hard-cases.messages';

type Values = { title: string; scheduledAt: Dayjs; place: string; chairUserId: string; areaCode: string; unitIds: string[] };
const FIELDS = ['title', 'scheduledAt', 'place', 'chairUserId', 'areaCode', 'unitIds', 'caseIds'];

/** Schedules a joint review (集中会审) of the chosen cases; answers the new meeting's id, or nothing when cancelled. */
export function MeetingForm({ cases, onClose }: { cases: HardCaseView[]; onClose: (meetingId?: string) => void }) {
  const t = useT(hardCasesMessages);
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const units = useApi('GET /api/units', { query: { pageSize: 200 } });
  // Where the user may hold a review: the areas of the units where they are supervisor or leader.
  const areas = useMemo(() => {
    const seen = new Map<string, string>();
    const managers: readonly string[] = ACCESS_RULES['hard_case.manage'].roles;
    for (const g of me.roles.filter((r) => managers.includes(r.role))) seen.set(g.areaCode, g.areaName ?? g.unitName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [me.roles]);
  // The units handling the chosen cases are invited unless the user changes it.
  const handling = useMemo(() => [...new Set(cases.map((c) => c.unitId).filter((u): u is string => !!u))], [cases]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const meeting = await call('POST /api/hard-case-meetings', {
        body: { title: v.title.trim(), scheduledAt: v.scheduledAt.toISOString(), place: v.place.trim(), chairUserId: v.chairUserId, areaCode: v.areaCode, unitIds: v.unitIds, caseIds: cases.map((c) => c.id) },
      });
      message.success(t('scheduled'));
      onClose(meeting.id);
    } catch (e) {
      message.error(showSaveError(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('schedule')} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose()} confirmLoading={busy} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'meeting-save' } as Record<string, string>}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: t('meetingTitleDefault'), scheduledAt: dayjs().add(1, 'day').hour(9).minute(30).second(0), areaCode: areas[0]?.value, unitIds: handling }}
      >
        <Form.Item name="title" label={t('meetingTitle')} rules={[...required, { max: 120 }]}>
          <Input maxLength={120} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="scheduledAt" label={t('scheduledAt')} rules={required}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="meeting-time" />
        </Form.Item>
        <Form.Item name="place" label={t('place')} rules={[...required, { whitespace: true, message: t('required') }]}>
          <Input maxLength={120} placeholder={t('placePlaceholder')} data-testid="meeting-place" />
        </Form.Item>
        <Form.Item name="chairUserId" label={t('chair')} rules={required}>
          <StaffSelect testId="meeting-chair" />
        </Form.Item>
        {areas.length > 1 && (
          <Form.Item name="areaCode" label={t('meetingArea')} rules={required}>
            <Select options={areas} />
          </Form.Item>
        )}
        {areas.length <= 1 && (
          <Form.Item name="areaCode" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="unitIds" label={t('units')} extra={t('unitsHelp')} rules={required}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={units.loading} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="meeting-units" />
        </Form.Item>
        <Typography.Text strong>
          {t('agenda')} · {t('agendaCount', { n: cases.length })}
        </Typography.Text>
        <List size="small" dataSource={cases} renderItem={(c) => <List.Item data-testid="meeting-agenda-item">{`${c.code} ${c.title}`}</List.Item>} />
      </Form>
    </Modal>
  );
}
