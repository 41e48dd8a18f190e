import { Alert, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { HouseholdImportResult } from '@lianxin/core';
import { ApiError, upload as uploadFile } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { householdMessages } from './households.messages';

/** Upload a filled-in template; shows how many rows were kept and each bad row's problem. */
export default function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const t = useT(householdMessages);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<HouseholdImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const result = await uploadFile('POST /api/households/import', file);
      setAnswer(result);
      if (result.imported > 0) onImported();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} title={t('importTitle')} footer={<Button onClick={onClose}>{t('cancel')}</Button>} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid="import-pick">
          {t('importPick')}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {answer && (
        <div style={{ marginTop: 12 }} data-testid="import-result">
          <Alert type={answer.failed ? 'warning' : 'success'} showIcon message={t('importResult', { total: answer.total, imported: answer.imported, failed: answer.failed })} />
          {answer.errors.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              dataSource={answer.errors}
              pagination={false}
              scroll={{ x: true, y: 300 }}
              data-testid="import-errors"
              columns={[
                { title: t('row'), dataIndex: 'row', width: 60 },
                { title: t('column'), dataIndex: 'column', width: 120 },
                { title: t('message'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
