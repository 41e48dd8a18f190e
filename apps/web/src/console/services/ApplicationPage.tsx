import type { ButtonProps } from 'antd';
import { label, type ServiceAction, type ServiceApplicationDetail } from '@lianxin/core';
import { App, Button, Card, Checkbox, Descriptions, Flex, Form, Image, Input, Modal, Result, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { PhotoInput } from './ApplyPage';
import { servicesMessages } from './services.messages';

const ACTIONS: ServiceAction[] = ['receive', 'request_materials', 'supplement', 'review', 'to_committee', 'approve', 'refuse', 'deliver'];
type Objection = ServiceApplicationDetail['objections'][number];

/** One application: the checklist with photos, the steps taken, what the caller may do now, the 公示 and its objections. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const detail = useApi('GET /api/service-applications/:id', { params: { id } });
  const [data, setData] = useState<ServiceApplicationDetail | null>(null);
  const [acting, setActing] = useState<ServiceAction | null>(null);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const [objecting, setObjecting] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const a = data ?? detail.data;

  if (!a && detail.loading) return <PageLoading />;
  if (!a) {
    if (detail.error instanceof ApiError && (detail.error.status === 403 || detail.error.status === 404)) return <Result status={detail.error.status === 403 ? '403' : '404'} title={detail.error.title} extra={<Link to="/services">{t('back')}</Link>} />;
    return <PageError error={detail.error} onRetry={detail.reload} />;
  }

  const run = async (fn: () => Promise<ServiceApplicationDetail>) => {
    try {
      setData(await fn());
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.title) : String(e));
      return false;
    }
  };

  const hasNotice = a.events.some((e) => e.action === 'request_materials' || e.action === 'refuse' || e.action === 'vote_failed');
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Link to="/services">← {t('back')}</Link>
        <Space wrap>
          {a.may.reveal && (
            <Button size="small" onClick={async () => {
              const r = await call('POST /api/service-applications/:id/reveal', { params: { id } });
              setRevealed(`${r.name} ${r.phone}${r.idNumber ? ` ${r.idNumber}` : ''}`);
            }}>
              {t('reveal')}
            </Button>
          )}
          {hasNotice && (
            <a href={apiUrl('GET /api/service-applications/:id/notice.:format', { params: { id, format: 'pdf' } })} target="_blank" rel="noreferrer" data-testid="service-notice">
              {t('notice')} PDF
            </a>
          )}
          {hasNotice && <a href={apiUrl('GET /api/service-applications/:id/notice.:format', { params: { id, format: 'docx' } })}>DOCX</a>}
          {a.state === 'publicity' && (
            <a href={apiUrl('GET /api/service-applications/:id/poster.pdf', { params: { id } })} target="_blank" rel="noreferrer" data-testid="service-poster">
              {t('poster')}
            </a>
          )}
        </Space>
      </Flex>
      <Card size="small" title={<span data-testid="service-number">{a.number}</span>} extra={<Tag color={a.overdue ? 'red' : 'blue'} data-testid="service-detail-state">{label('serviceState', a.state, locale)}</Tag>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('colItem')}>{a.itemName}</Descriptions.Item>
          <Descriptions.Item label={t('colApplicant')}>{revealed ?? `${a.applicantMasked} ${a.phoneMasked}`}</Descriptions.Item>
          <Descriptions.Item label={t('colVillage')}>{a.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('colChannel')}>{label('serviceChannel', a.channel, locale)}{a.proxyName ? `（${a.proxyName}）` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('colDue')}>{a.dueAt ? dayjs(a.dueAt).format('YYYY-MM-DD') : '—'} {a.overdue && <Tag color="red">{t('overdue')}</Tag>}</Descriptions.Item>
          {a.publicityEndsAt && <Descriptions.Item label="公示">{t('publicityUntil', { date: dayjs(a.publicityEndsAt).format('YYYY-MM-DD HH:mm') })}</Descriptions.Item>}
          {a.decisionReason && <Descriptions.Item label={t('decision')}>{a.decisionReason}</Descriptions.Item>}
          {a.evaluation && <Descriptions.Item label={label('serviceAction', 'evaluate', locale)}>{label('evaluation', a.evaluation.result, locale)} {a.evaluation.comment}</Descriptions.Item>}
          {a.evaluationUrl && (
            <Descriptions.Item label={t('evaluationLink')}>
              <Typography.Text copyable data-testid="service-evaluation-url" style={{ fontSize: 12 }}>
                {a.evaluationUrl}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('summaryLabel')}：{a.summary}
        </Typography.Paragraph>
        {a.toBringBack.length > 0 && (
          <Typography.Paragraph type="warning" data-testid="service-bring">
            {t('colBring')}：{a.toBringBack.join('、')}
          </Typography.Paragraph>
        )}
        <Space wrap>
          {ACTIONS.filter((x) => a.may[x]).map((x) => (
            <Button key={x} type={x === 'refuse' ? 'default' : 'primary'} danger={x === 'refuse'} onClick={() => setActing(x)} data-testid={`service-act-${x}`}>
              {label('serviceAction', x, locale)}
            </Button>
          ))}
          {a.state === 'publicity' && a.may.answerObjection && (
            <Button onClick={() => run(() => call('POST /api/service-applications/:id/publicity/close', { params: { id } }))} data-testid="service-close-publicity">
              {t('closePublicity')}
            </Button>
          )}
          {a.state === 'publicity' && (
            <Button onClick={() => setObjecting(true)} data-testid="service-object-window">
              {t('objectionWindow')}
            </Button>
          )}
        </Space>
      </Card>

      <Card size="small" title={t('materials')} style={{ marginTop: 12 }}>
        {a.materials.map((m) => (
          <div key={m.id} style={{ marginBottom: 8 }} data-testid="service-material">
            <Tag color={m.state === 'present' ? 'green' : m.state === 'missing' ? 'red' : 'orange'}>{label('materialState', m.state, locale)}</Tag> {m.name} {m.note && <Typography.Text type="secondary">（{m.note}）</Typography.Text>}
            <Image.PreviewGroup>
              {m.photos.map((p) => (
                <Image key={p.id} width={56} height={56} style={{ objectFit: 'cover', marginLeft: 6 }} src={apiUrl('GET /api/service-applications/:id/photos/:photoId', { params: { id, photoId: p.id } })} alt={p.fileName} />
              ))}
            </Image.PreviewGroup>
          </div>
        ))}
      </Card>

      {a.objections.length > 0 && (
        <Card size="small" title={t('objections')} style={{ marginTop: 12 }}>
          {a.objections.map((o) => (
            <div key={o.id} style={{ marginBottom: 8 }} data-testid="service-objection">
              <Tag>{label('objectionState', o.state, locale)}</Tag> {o.content}
              {o.answer && <div style={{ color: '#666' }}>{o.finding} — {o.answer}</div>}
              {o.state === 'recorded' && a.may.answerObjection && (
                <Button size="small" style={{ marginLeft: 8 }} onClick={() => run(() => call('POST /api/service-applications/:id/objections/:objectionId/investigate', { params: { id, objectionId: o.id } }))}>
                  {t('investigate')}
                </Button>
              )}
              {o.state !== 'answered' && a.may.answerObjection && (
                <Button size="small" style={{ marginLeft: 8 }} onClick={() => setAnswering(o)} data-testid="service-answer-objection">
                  {t('answer')}
                </Button>
              )}
            </div>
          ))}
        </Card>
      )}

      <Card size="small" title={t('events')} style={{ marginTop: 12 }}>
        <Timeline
          items={a.events.map((e) => ({
            children: (
              <>
                <b>{label('serviceAction', e.action, locale)}</b> {e.actorName ?? ''} <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                {e.note && <div>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>

      {acting && <StepModal a={a} action={acting} onClose={() => setActing(null)} run={run} />}
      {answering && <AnswerModal a={a} objection={answering} onClose={() => setAnswering(null)} run={run} />}
      {objecting && (
        <TextModal title={t('objectionWindow')} field={t('objectionContent')} onClose={() => setObjecting(false)} onOk={(content) => run(() => call('POST /api/service-applications/:id/objections', { params: { id }, body: { content } }))} />
      )}
    </>
  );
}

function TextModal({ title, field, onClose, onOk }: { title: string; field: string; onClose: () => void; onOk: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  return (
    <Modal open title={title} onCancel={onClose} onOk={async () => (await onOk(text.trim())) && onClose()} okButtonProps={{ disabled: !text.trim(), 'data-testid': 'text-ok' } as ButtonProps}>
      <Typography.Text>{field}</Typography.Text>
      <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="text-input" />
    </Modal>
  );
}

/** One step, with its note, the materials to request, or the photos of the materials brought. */
function StepModal({ a, action, onClose, run }: { a: ServiceApplicationDetail; action: ServiceAction; onClose: () => void; run: (fn: () => Promise<ServiceApplicationDetail>) => Promise<boolean> }) {
  const t = useT(servicesMessages);
  const { locale } = useLocale();
  const [note, setNote] = useState('');
  const [wanted, setWanted] = useState<string[]>(a.materials.filter((m) => m.state !== 'present').map((m) => m.name));
  const [extra, setExtra] = useState('');
  const [photos, setPhotos] = useState<Record<string, string[]>>({});
  const missing = a.materials.filter((m) => m.state !== 'present');
  const ok = async () => {
    let materials: Array<{ name: string; state: 'present' | 'missing'; attachmentIds: string[] }> | undefined;
    if (action === 'request_materials') materials = [...wanted, ...extra.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean)].map((name) => ({ name, state: 'missing', attachmentIds: [] }));
    if (action === 'supplement') materials = missing.map((m) => ({ name: m.name, state: 'present', attachmentIds: photos[m.name] ?? [] }));
    const done = await run(() => call('POST /api/service-applications/:id/steps', { params: { id: a.id }, body: { action, note: note.trim() || undefined, materials } }));
    if (done) onClose();
  };
  return (
    <Modal open title={label('serviceAction', action, locale)} onCancel={onClose} onOk={ok} okButtonProps={{ 'data-testid': 'step-ok', disabled: action === 'refuse' && !note.trim() } as ButtonProps}>
      {action === 'request_materials' && (
        <Form.Item label={t('missingWhat')} layout="vertical">
          <Checkbox.Group value={wanted} onChange={(v) => setWanted(v as string[])} options={a.materials.map((m) => m.name)} />
          <Input placeholder={t('materialName')} value={extra} onChange={(e) => setExtra(e.target.value)} data-testid="step-extra-material" style={{ marginTop: 6 }} />
        </Form.Item>
      )}
      {action === 'supplement' &&
        missing.map((m, i) => (
          <div key={m.name} style={{ marginBottom: 8 }}>
            {m.name} <PhotoInput testId={`supplement-photo-${i}`} onUploaded={(p) => setPhotos((x) => ({ ...x, [m.name]: [...(x[m.name] ?? []), p.id] }))} /> {(photos[m.name] ?? []).length > 0 && <Tag color="green">✓ {(photos[m.name] ?? []).length}</Tag>}
          </div>
        ))}
      <Typography.Text>{action === 'refuse' ? t('noReasonRefuse') : t('note')}</Typography.Text>
      <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} data-testid="step-note" />
    </Modal>
  );
}

function AnswerModal({ a, objection, onClose, run }: { a: ServiceApplicationDetail; objection: Objection; onClose: () => void; run: (fn: () => Promise<ServiceApplicationDetail>) => Promise<boolean> }) {
  const t = useT(servicesMessages);
  const [finding, setFinding] = useState('');
  const [answer, setAnswer] = useState('');
  const [upheld, setUpheld] = useState(false);
  const ok = async () => {
    if (await run(() => call('POST /api/service-applications/:id/objections/:objectionId/answer', { params: { id: a.id, objectionId: objection.id }, body: { finding: finding.trim(), upheld, answer: answer.trim() } }))) onClose();
  };
  return (
    <Modal open title={t('answer')} onCancel={onClose} onOk={ok} okButtonProps={{ disabled: !finding.trim() || !answer.trim(), 'data-testid': 'answer-ok' } as ButtonProps}>
      <Typography.Paragraph>{objection.content}</Typography.Paragraph>
      <Typography.Text>{t('finding')}</Typography.Text>
      <Input.TextArea rows={2} value={finding} onChange={(e) => setFinding(e.target.value)} data-testid="answer-finding" />
      <Checkbox checked={upheld} onChange={(e) => setUpheld(e.target.checked)} style={{ margin: '8px 0' }}>
        {t('upheld')}
      </Checkbox>
      <div>
        <Typography.Text>{t('answerText')}</Typography.Text>
        <Input.TextArea rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="answer-text" />
      </div>
    </Modal>
  );
}
