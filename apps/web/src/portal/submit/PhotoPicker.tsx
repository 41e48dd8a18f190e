import { PlusOutlined } from '@ant-design/icons';
import { App, Image, Space, Spin } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, upload } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { portalMessages } from '../portal.messages';
import { shrinkPhoto } from '../../shared/photo-shrink';

export interface UploadedPhoto {
  token: string;
  preview: string;
}

/** Picks photos (camera or gallery), compresses each on the phone and uploads it for a token. */
export function PhotoPicker({ max, photos, onChange }: { max: number; photos: UploadedPhoto[]; onChange: (p: UploadedPhoto[]) => void }) {
  const t = useT(portalMessages);
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const added: UploadedPhoto[] = [];
    try {
      for (const file of [...files].slice(0, max - photos.length)) {
        // Every photo is redrawn (1600 px), whatever its size: a resident on a slow network sends several.
        const blob = await shrinkPhoto(file, { longSide: 1600, quality: 0.8, above: 0 });
        const { token } = await upload('POST /api/public/photos', blob, blob.name);
        added.push({ token, preview: URL.createObjectURL(blob) });
      }
    } catch (error) {
      message.error(error instanceof ApiError ? error.title : String(error));
    } finally {
      onChange([...photos, ...added]);
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Space wrap>
      {photos.map((p) => (
        <Image key={p.token} src={p.preview} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} />
      ))}
      {photos.length < max && (
        <button
          type="button"
          onClick={() => input.current?.click()}
          disabled={busy}
          style={{ width: 72, height: 72, border: '1px dashed #bbb', borderRadius: 6, background: '#fff', cursor: 'pointer' }}
          aria-label={t('addPhoto')}
        >
          {busy ? <Spin size="small" /> : <PlusOutlined />}
          <div style={{ fontSize: 11 }}>{busy ? t('compressing') : t('addPhoto')}</div>
        </button>
      )}
      <input ref={input} type="file" accept="image/jpeg,image/png,image/webp" multiple style={{ display: 'none' }} data-testid="photo-input" onChange={(e) => void add(e.target.files)} />
    </Space>
  );
}
