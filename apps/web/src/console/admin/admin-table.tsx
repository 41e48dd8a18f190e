import { App, Button, Flex, type FormInstance, Modal, Popconfirm, Table, type TableProps, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { changedFields } from '../../shared/form-errors';
import { adminMessages } from './admin.messages';
import { useFormSubmit } from './use-form-submit';

/** An admin tab's toolbar: its filters on the left, the primary "new …" button on the right. */
export function AdminToolbar({ children, newLabel, onNew, newTestId }: { children: ReactNode; newLabel: string; onNew: () => void; newTestId?: string }) {
  return (
    <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
      {children}
      <Button type="primary" onClick={onNew} data-testid={newTestId}>
        {newLabel}
      </Button>
    </Flex>
  );
}

/** An admin tab's table: small rows, sideways scrolling, no paging unless given; `testId` names it for the browser tests. */
export function AdminTable<T extends object>({ testId, ...props }: TableProps<T> & { testId: string }) {
  return <Table<T> data-testid={testId} size="small" pagination={false} scroll={{ x: 'max-content' }} {...props} />;
}

/** The 状态 column: a green "active" tag or a grey "inactive" one. */
export function useStatusColumn() {
  const t = useT(adminMessages);
  return { title: t('status'), dataIndex: 'isActive', width: 80, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('active') : t('inactive')}</Tag> };
}

/** A danger "delete" button behind a confirmation. */
export function DeleteButton({ onConfirm }: { onConfirm: () => void }) {
  const t = useT(adminMessages);
  return (
    <Popconfirm title={t('confirmDelete')} okText={t('yes')} cancelText={t('no')} onConfirm={onConfirm}>
      <Button size="small" danger>
        {t('delete')}
      </Button>
    </Popconfirm>
  );
}

/** Runs a delete call: "deleted" and a reload on success, the error as a message otherwise. */
export function useRemove(reload: () => void) {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  return async (remove: () => Promise<unknown>) => {
    try {
      await remove();
      message.success(t('deleted'));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
}

/**
 * Which row an admin tab's dialog edits: `editing` is the row, `'new'` for a new one, or null (closed).
 * `current` is the row or null for a new one; `close(saved)` closes the dialog and reloads after a save.
 */
export function useEditing<T>(reload: () => void) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    editing,
    setEditing,
    current: editing === 'new' ? null : editing,
    close: (saved: boolean) => {
      setEditing(null);
      if (saved) reload();
    },
  };
}

/**
 * An admin dialog's save: a PATCH of only the changed fields (none → no call) when `patch` is given,
 * the create call otherwise; then "saved" and `onClose(true)`. Server field errors land on the fields.
 */
export function useDialogSave<F extends object>(form: FormInstance, fields: readonly string[], onClose: (saved: boolean) => void) {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const { run, busy } = useFormSubmit(form, fields);
  const save = (initial: Partial<F>, body: F, patch: ((changes: Partial<F>) => Promise<unknown>) | null, create: () => Promise<unknown>) =>
    run(async () => {
      if (patch) {
        const changes = changedFields<Record<string, unknown>>(initial, body as Record<string, unknown>) as Partial<F>;
        if (Object.keys(changes).length) await patch(changes);
      } else await create();
      message.success(t('saved'));
      onClose(true);
    });
  return { save, busy };
}

/** An admin dialog: a modal whose OK submits `form`, with the save / cancel labels and the busy state. */
export function AdminDialog({ title, form, busy, width, onClose, children }: { title: ReactNode; form: FormInstance; busy: boolean; width?: number; onClose: (saved: boolean) => void; children: ReactNode }) {
  const t = useT(adminMessages);
  return (
    <Modal open {...(width ? { width } : {})} title={title} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} destroyOnHidden>
      {children}
    </Modal>
  );
}
