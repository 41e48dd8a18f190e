import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { ApiError, upload } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { registerMessages } from './register.messages';

/** Uploads each file at once (POST /api/attachments); the case links the ids when registered. */
export function AttachmentField({ files, onChange }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
  const t = useT(registerMessages);
  return (
    <Upload
      multiple
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        upload('POST /api/attachments', file as Blob).then(
          (saved) => onSuccess?.(saved),
          (error: unknown) => onError?.(new Error(error instanceof ApiError ? error.title : String(error))),
        );
      }}
    >
      <Button icon={<UploadOutlined />}>{t('upload')}</Button>
    </Upload>
  );
}

/** Ids of the files that finished uploading. */
export function uploadedIds(files: readonly UploadFile[]): string[] {
  return files.filter((f) => f.status === 'done' && (f.response as { id?: string } | undefined)?.id).map((f) => (f.response as { id: string }).id);
}
