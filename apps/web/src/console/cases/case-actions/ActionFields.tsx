import type { SimilarCaseView } from '@lianxin/core';
import { Alert, Checkbox, Form, type FormInstance, Input, InputNumber, Radio, Select } from 'antd';
import { useLocale, useT } from '../../../i18n/i18n';
import { webLabel } from '../../../shared/labels';
import { type CasePageMessageKey, casePageMessages } from '../case-page.messages';
import type { CaseContext, CaseDetail } from '@lianxin/core';
import type { SimilarCaseView as SimilarCase } from '@lianxin/core';
import { type ActionValues, appendQuote, type StaffAction } from './action-config';
import { CasePicker } from './CasePicker';
import { PolicyQuotePicker } from './PolicyQuotePicker';
import { UnitSelect } from './UnitSelect';

/** Form field names each action uses (server field errors are placed on these). */
export const ACTION_FIELDS: Record<StaffAction, Array<keyof ActionValues>> = {
  dispatch: ['unitId', 'note', 'returnUnjustified'],
  accept: ['note'],
  return: ['reason'],
  add_co_unit: ['unitId', 'note'],
  request_extension: ['days', 'reason'],
  approve_extension: ['extensionId', 'note'],
  reject_extension: ['extensionId', 'note'],
  reply: ['reply', 'solved'],
  callback: ['result', 'solved', 'comment'],
  close: ['note'],
  reopen: ['reason'],
  resolve_on_spot: ['answer'],
  not_accept: ['reason'],
  merge: ['intoCaseId'],
  assign_leader: ['leaderUserId'],
  request_review: ['reason', 'unitId'],
  complete_review: ['decision'],
  request_rereview: ['reason', 'unitId'],
  complete_rereview: ['decision'],
};

/** Starting values of an action's form. */
export function initialValues(action: StaffAction, c: CaseDetail): ActionValues {
  const pending = c.extensions.find((x) => x.status === 'pending');
  if (action === 'approve_extension' || action === 'reject_extension') return { extensionId: pending?.id };
  // 问题是否解决 and the resident's verdict are facts to state, never presets.
  if (action === 'reply' || action === 'callback') return {};
  // The rules' limit comes with the case: the form never starts above it.
  if (action === 'request_extension') return { days: c.extensionMaxDays ?? undefined };
  return {};
}

interface Props {
  action: StaffAction;
  form: FormInstance<ActionValues>;
  c: CaseDetail;
  context: CaseContext | undefined;
  similar: SimilarCaseView[];
}

/** The fields of one action's form, with validation in the user's language. */
export function ActionFields({ action, form, c, context, similar }: Props) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const need = (field: CasePageMessageKey) => [{ required: true, whitespace: true, message: t('required', { field: t(field) }) }];
  const needPick = (field: CasePageMessageKey) => [{ required: true, message: t('required', { field: t(field) }) }];
  const text = (name: keyof ActionValues, field: CasePageMessageKey, required: boolean, max: number, rows = 3) => (
    <Form.Item name={name} label={t(field)} rules={required ? [...need(field), { max }] : [{ max }]}>
      <Input.TextArea rows={rows} maxLength={max} showCount autoFocus={required} />
    </Form.Item>
  );
  const quote = (name: 'reply' | 'answer') => (
    <Form.Item label={t('f_quote')}>
      <PolicyQuotePicker categoryCode={c.categoryCode} onQuote={(q) => form.setFieldValue(name, appendQuote(form.getFieldValue(name), q))} />
    </Form.Item>
  );
  const solved = (
    <Form.Item name="solved" label={t('f_solved')} rules={needPick('f_solved')}>
      <Radio.Group options={[{ value: true, label: t('yes') }, { value: false, label: t('no') }]} />
    </Form.Item>
  );
  const pending = c.extensions.filter((x) => x.status === 'pending');
  const excludeUnits = [c.currentUnitId, ...c.coUnits.map((u) => u.unitId)].filter((x): x is string => !!x);

  switch (action) {
    case 'dispatch':
      return (
        <>
          <Form.Item name="unitId" label={t('f_unit')} rules={needPick('f_unit')}>
            <UnitSelect suggestFrom={{ title: c.title, content: c.content }} />
          </Form.Item>
          {c.counts.returns > 0 && (
            <Form.Item name="returnUnjustified" valuePropName="checked">
              <Checkbox>{t('f_returnUnjustified')}</Checkbox>
            </Form.Item>
          )}
          {text('note', 'f_note', false, 1000, 2)}
        </>
      );
    case 'add_co_unit':
      return (
        <>
          <Form.Item name="unitId" label={t('f_unit')} rules={needPick('f_unit')}>
            <UnitSelect exclude={excludeUnits} />
          </Form.Item>
          {text('note', 'f_note', false, 1000, 2)}
        </>
      );
    case 'accept':
    case 'close':
      return text('note', 'f_note', false, 1000, 2);
    case 'return':
    case 'reopen':
    case 'not_accept':
      return text('reason', 'f_reason', true, 1000);
    case 'request_extension':
      return (
        <>
          <Form.Item name="days" label={t('f_days')} rules={needPick('f_days')} extra={c.extensionMaxDays ? t('f_daysMax', { max: c.extensionMaxDays }) : undefined}>
            <InputNumber min={1} max={c.extensionMaxDays ?? 90} precision={0} style={{ width: 160 }} data-testid="extension-days" />
          </Form.Item>
          {text('reason', 'f_reason', true, 1000)}
        </>
      );
    case 'approve_extension':
    case 'reject_extension':
      return (
        <>
          {pending.length === 0 ? (
            <Alert type="warning" showIcon title={t('f_noPendingExtension')} style={{ marginBottom: 16 }} />
          ) : (
            <Form.Item name="extensionId" label={t('f_extension')} rules={needPick('f_extension')}>
              <Select options={pending.map((x) => ({ value: x.id, label: t('f_extensionLine', { days: x.days, reason: x.reason }) }))} />
            </Form.Item>
          )}
          {text('note', 'f_note', false, 1000, 2)}
        </>
      );
    case 'reply':
      return (
        <>
          {quote('reply')}
          {text('reply', 'f_reply', true, 5000, 6)}
          {solved}
        </>
      );
    case 'resolve_on_spot':
      return (
        <>
          {quote('answer')}
          {text('answer', 'f_answer', true, 5000, 5)}
        </>
      );
    case 'callback':
      return (
        <>
          <Form.Item name="result" label={t('f_result')} rules={needPick('f_result')}>
            <Radio.Group options={['satisfied', 'basically_satisfied', 'dissatisfied'].map((r) => ({ value: r, label: webLabel('evaluation', r, locale) }))} />
          </Form.Item>
          {solved}
          {text('comment', 'f_comment', false, 1000, 2)}
        </>
      );
    case 'merge':
      return (
        <Form.Item name="intoCaseId" label={t('f_intoCase')} rules={needPick('f_intoCase')}>
          <CasePicker selfId={c.id} similar={similar} />
        </Form.Item>
      );
    case 'assign_leader':
      return (
        <Form.Item name="leaderUserId" label={t('f_leader')} rules={needPick('f_leader')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="leader-select"
            options={(context?.leaderCandidates ?? []).map((l) => ({ value: l.id, label: l.unitName ? `${l.displayName}（${l.unitName}）` : l.displayName }))}
          />
        </Form.Item>
      );
    case 'request_review':
    case 'request_rereview':
      return (
        <>
          {text('reason', 'f_reason', true, 1000)}
          <Form.Item name="unitId" label={`${t('f_reviewUnit')} ${t('f_optional')}`}>
            <UnitSelect />
          </Form.Item>
        </>
      );
    case 'complete_review':
    case 'complete_rereview':
      return text('decision', 'f_decision', true, 5000, 5);
  }
}
