import { CameraOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { ApiError, upload } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { shrinkPhoto } from '../../shared/photo-shrink';
import { visitMessages } from './visits.messages';
import { isNetworkError } from '../offline/network';

/** Photos taken without signal (already shrunk), by upload uid: they wait in the offline queue with the visit. */
const keptOffline = new Map<string, File>();

/** The photos of the form that are kept on the phone rather than uploaded (no signal when taken). */
export function offlinePhotos(files: readonly UploadFile[]): Array<{ blob: Blob; name: string }> {
  return files.filter((f) => (f.response as { offline?: boolean } | undefined)?.offline && keptOffline.has(f.uid)).map((f) => ({ blob: keptOffline.get(f.uid)!, name: keptOffline.get(f.uid)!.name }));
}

/** Up to nine photos, each uploaded at once (POST /api/attachments); the visit links their ids. */
export const MAX_PHOTOS = 9;

/** The visit's photos as thumbnails, each removable; a failed upload stays visible (red) until removed. */
export default function PhotoField({ files = [], onChange, id }: { files?: UploadFile[]; onChange?: (files: UploadFile[]) => void; id?: string }) {
  const t = useT(visitMessages);
  return (
    <Upload
      id={id}
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp,image/*"
      multiple
      maxCount={MAX_PHOTOS}
      fileList={files}
      onChange={({ fileList }) => onChange?.(fileList)}
      data-testid="visit-photos"
      customRequest={({ file, onSuccess, onError }) => {
        void shrinkPhoto(file as File).then((photo) => {
          // Without signal the photo stays on the phone and goes with the visit into the offline queue.
          const keep = () => {
            keptOffline.set((file as File & { uid: string }).uid, photo);
            onSuccess?.({ offline: true });
          };
          if (!navigator.onLine) return keep();
          return upload('POST /api/attachments', photo, photo.name).then(
            (saved) => onSuccess?.(saved),
            (error: unknown) => (isNetworkError(error) ? keep() : onError?.(new Error(error instanceof ApiError ? error.title : String(error)))),
          );
        });
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
