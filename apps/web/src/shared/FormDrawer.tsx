import { Alert, Button, Drawer, type DrawerProps, type FormInstance, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { showSaveError } from './form-errors';

/**
 * A side drawer holding a form: Cancel and Save (`saveTestId`) at the top, the save's problem as an
 * error banner (`problemTestId`) above the form. The form itself is the children.
 */
export function FormDrawer({
  open,
  onClose,
  title,
  size,
  destroyOnHidden,
  saving,
  onSave,
  labels,
  saveTestId,
  problem,
  problemTestId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: DrawerProps['size'];
  destroyOnHidden?: boolean;
  saving: boolean;
  onSave: () => void;
  labels: { cancel: string; save: string };
  saveTestId: string;
  problem: string | null;
  problemTestId: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      {...(size ? { size } : {})}
      styles={{ wrapper: { maxWidth: '100vw' } }}
      {...(destroyOnHidden ? { destroyOnHidden } : {})}
      extra={
        <Space>
          <Button onClick={onClose}>{labels.cancel}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            {labels.save}
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid={problemTestId} />}
      {children}
    </Drawer>
  );
}

/**
 * A drawer form's save state: `run(save)` marks it busy, clears the last problem, and on failure puts
 * the server's field errors under `fields` (after `rename`) and keeps the rest as `problem`.
 */
export function useDrawerSave(form: FormInstance, fields: readonly string[], rename?: Parameters<typeof showSaveError>[3]) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (save: () => Promise<void>) => {
    setSaving(true);
    setProblem(null);
    try {
      await save();
    } catch (error) {
      setProblem(showSaveError(form, error, fields, rename));
    } finally {
      setSaving(false);
    }
  };
  /** The FormDrawer props this state fills: the busy Save, which submits `form`, and the problem. */
  const drawer = { saving, problem, onSave: () => form.submit() };
  return { saving, problem, setProblem, run, drawer };
}
