import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { supervisionMessages } from './supervision.messages';

/**
 * A dialog asking for one text (a response, a note, an instruction) and sending it; the server's
 * refusal is shown in the dialog, in the user's language.
 */
export function TextPromptModal({
  open,
  title,
  field,
  required,
  max,
  onSubmit,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  field: string;
  required: boolean;
  max: number;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}) {
  const t = useT(supervisionMessages);
  const [form] = Form.useForm<{ text?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { text } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit((text ?? '').trim());
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} onOk={submit} okText={t('submit')} cancelText={t('cancel')} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid={testId}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="text" label={field} rules={required ? [{ required: true, whitespace: true, message: t('required', { field }) }] : []}>
          <Input.TextArea rows={4} maxLength={max} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
