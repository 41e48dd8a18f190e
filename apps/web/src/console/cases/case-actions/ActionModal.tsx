import { caseActionKey, label } from '@lianxin/core';
import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../../api/client';
import { useLocale, useT } from '../../../i18n/i18n';
import { casePageMessages } from '../case-page.messages';
import type { ActionInput, CaseActionKey, CaseContext, CaseDetail } from '@lianxin/core';
import type { SimilarCaseView } from '@lianxin/core';
import { type ActionValues, actionBody, formFieldOf, type StaffAction } from './action-config';
import { ACTION_FIELDS, ActionFields, initialValues } from './ActionFields';

/**
 * Posts `action` with its body typed by its contract (`ActionInput<A>`); the answer is the case page.
 * The 19 action operations share their path parameter and their answer, but TypeScript cannot tie a
 * key of that union to its own body, so the call is typed through one of them.
 */
function postAction<A extends StaffAction>(action: A, id: string, body: ActionInput<A>): Promise<CaseDetail> {
  return call(caseActionKey(action) as CaseActionKey<'accept'>, { params: { id }, body: body as ActionInput<'accept'> });
}

interface Props {
  action: StaffAction | null;
  c: CaseDetail;
  context: CaseContext | undefined;
  similar: SimilarCaseView[];
  onClose: () => void;
  /** Called after success (with the updated case) and after a 409, so the page reloads. */
  onChanged: (updated?: CaseDetail) => void;
}

/**
 * One action in a modal form: validates, posts to /api/cases/:id/<path>, puts the server's field
 * errors on the fields, and on 409 (someone else changed the case) says so and reloads.
 */
export function ActionModal({ action, c, context, similar, onClose, onChanged }: Props) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!action) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(initialValues(action, c));
    // Only when a form opens: keep what the user typed across background reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  if (!action) return null;
  const title = label('action', action, locale);

  const submit = async (values: ActionValues) => {
    setSaving(true);
    setFailure(null);
    try {
      const updated = await postAction(action, c.id, actionBody(action, values));
      message.success(t('done', { action: title }));
      onClose();
      onChanged(updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.warning(t('stale'));
        onClose();
        onChanged();
      } else if (error instanceof ApiError) {
        const placed = error.fieldErrors
          .map((f) => ({ name: formFieldOf(f.field, ACTION_FIELDS[action]), errors: [f.message] }))
          .filter((f): f is { name: string; errors: string[] } => f.name !== null);
        form.setFields(placed as never);
        setFailure(error.title);
      } else {
        setFailure(String(error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${title} · ${c.code}`}
      okText={t('submit')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ danger: action === 'return' || action === 'not_accept', 'data-testid': 'action-submit' } as never}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark disabled={saving} data-testid={`action-form-${action}`}>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
        <ActionFields action={action} form={form} c={c} context={context} similar={similar} />
      </Form>
    </Modal>
  );
}
