import { CameraOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { api, ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { visitMessages } from './visits.messages';

/** Up to nine photos, each uploaded at once (POST /api/attachments); the visit links their ids. */
export const MAX_PHOTOS = 9;

export default function PhotoField({ files, onChange }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
  const t = useT(visitMessages);
  return (
    <Upload
      listType="picture-card"
      accept="image/*"
      multiple
      maxCount={MAX_PHOTOS}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      data-testid="visit-photos"
      customRequest={({ file, onSuccess, onError }) => {
        const body = new FormData();
        body.append('file', file as Blob);
        api.post<{ id: string }>('/api/attachments', body).then(
          (saved) => onSuccess?.(saved),
          (error: unknown) => onError?.(new Error(error instanceof ApiError ? error.title : String(error))),
        );
      }}
    >
      {files.length < MAX_PHOTOS && (
        <div>
          <CameraOutlined style={{ fontSize: 20 }} />
          <div style={{ marginTop: 4, fontSize: 12 }}>{t('photosAdd')}</div>
        </div>
      )}
    </Upload>
  );
}
