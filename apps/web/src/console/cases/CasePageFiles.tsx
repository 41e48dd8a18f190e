import { FileOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Card, Image, List, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { apiUrl } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { casePageMessages } from './case-page.messages';
import type { CaseDetail } from '@lianxin/core';

type DocumentType = 'acceptance' | 'not_accepted' | 'reply' | 'extension';

/** Which official documents the server can generate now (documents.service.ts factsFor). */
export function availableDocuments(c: Pick<CaseDetail, 'status' | 'events' | 'reply' | 'extensions'>): DocumentType[] {
  const docs: DocumentType[] = [];
  if (c.status !== 'not_accepted' && c.status !== 'merged') docs.push('acceptance');
  if (c.events.some((e) => e.action === 'not_accept')) docs.push('not_accepted');
  if (c.reply && c.events.some((e) => ['reply', 'resolve_on_spot', 'complete_review', 'complete_rereview'].includes(e.action))) docs.push('reply');
  if (c.extensions.some((x) => x.status === 'approved')) docs.push('extension');
  return docs;
}

// Leaflet loads only with a case that has a place.
const MapView = lazy(() => import('../../shared/map/MapView'));

/** Photos are shown, not only offered as downloads (the resident's picture is the evidence). */
export const isPicture = (mimeType: string) => /^image\/(jpeg|png|webp|gif)$/.test(mimeType);

const sizeText = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Official documents (DOCX/PDF, each download audited) and the case's attachments. */
export function CasePageFiles({ c }: { c: CaseDetail }) {
  const t = useT(casePageMessages);
  const docs = availableDocuments(c);
  const pictures = c.attachments.filter((a) => isPicture(a.mimeType));
  const pinned = typeof c.lat === 'number' && typeof c.lng === 'number' ? { lat: c.lat, lng: c.lng } : null;
  return (
    <>
      {pictures.length > 0 && (
        <Card title={t('photos')} size="small" data-testid="case-photos">
          <Image.PreviewGroup>
            <Space wrap>
              {pictures.map((a) => (
                <Image
                  key={a.id}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  src={apiUrl('GET /api/attachments/:id', { params: { id: a.id } })}
                  alt={a.fileName}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        </Card>
      )}
      {pinned && (
        <Card title={t('location')} size="small">
          <Suspense fallback={null}>
            <MapView height={220} pin={pinned} focus={{ ...pinned, zoom: 15 }} ariaLabel={t('location')} testId="case-map" />
          </Suspense>
        </Card>
      )}
      <Card title={t('documents')} size="small" data-testid="documents">
        <List
          size="small"
          dataSource={docs}
          locale={{ emptyText: t('noDocuments') }}
          renderItem={(d) => (
            <List.Item>
              <Typography.Text>{t(`doc_${d}`)}</Typography.Text>
              <Space>
                <a href={apiUrl('GET /api/cases/:id/documents/:file', { params: { id: c.id, file: `${d}.docx` } })} download>
                  <FileWordOutlined /> {t('docx')}
                </a>
                <a href={apiUrl('GET /api/cases/:id/documents/:file', { params: { id: c.id, file: `${d}.pdf` } })} download>
                  <FilePdfOutlined /> {t('pdf')}
                </a>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('attachments')} size="small" data-testid="attachments">
        <List
          size="small"
          dataSource={c.attachments}
          locale={{ emptyText: t('noAttachments') }}
          renderItem={(a) => (
            <List.Item>
              <a href={apiUrl('GET /api/attachments/:id', { params: { id: a.id } })} download={a.fileName} title={a.fileName} style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                <FileOutlined /> {a.fileName}
              </a>
              <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
