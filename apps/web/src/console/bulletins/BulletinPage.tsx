import { type BulletinDetail, label, TYPICAL_KINDS, type TypicalKind } from '@lianxin/core';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Flex, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, apiUrl, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { BulletinSections } from './BulletinSections';
import { bulletinsMessages } from './bulletins.messages';

type Typical = BulletinDetail['typicalCases'][number];

/** One bulletin: header, body, downloads; while a draft, typical cases and publishing for its managers. */
export default function BulletinPage() {
  const { id = '' } = useParams();
  const t = useT(bulletinsMessages);
  const { locale } = useLocale();
  const { data: b, error, reload } = useApi('GET /api/bulletins/:id', { params: { id } });
  if (error) return <PageError error={error} onRetry={reload} />;
  if (!b) return <PageLoading />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/bulletins">{t('back')}</Link>
      <Flex justify="space-between" wrap gap={8} align="start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="bulletin-title">
            {b.title}
          </Typography.Title>
          <Space size={8}>
            <Typography.Text type="secondary" data-testid="bulletin-number">{b.number}</Typography.Text>
            <Tag color={b.state === 'published' ? 'green' : 'gold'} data-testid="bulletin-state">{label('bulletinState', b.state, locale)}</Tag>
            {b.isPublic && <Tag color="blue">{t('onPortal')}</Tag>}
          </Space>
        </div>
        <Space wrap>
          {(['pdf', 'docx', 'xlsx'] as const).map((format) => (
            <Button key={format} icon={<DownloadOutlined />} href={apiUrl(`GET /api/bulletins/:id/bulletin.${format}`, { params: { id: b.id } })} download data-testid={`download-${format}`}>
              {`${t('download')} ${format.toUpperCase()}`}
            </Button>
          ))}
          {b.canManage && <PublishButton bulletin={b} onDone={reload} />}
        </Space>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={1} items={[{ label: t('issuer'), children: b.issuer }, { label: t('recipients'), children: b.recipients }]} />
        <BulletinSections sections={b.sections} />
      </Card>
      {b.canManage && <TypicalEditor bulletin={b} onDone={reload} />}
    </Space>
  );
}

function PublishButton({ bulletin, onDone }: { bulletin: BulletinDetail; onDone: () => void }) {
  const t = useT(bulletinsMessages);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isPublic, setPublic] = useState(false);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await call('POST /api/bulletins/:id/publish', { params: { id: bulletin.id }, body: { public: isPublic } });
      message.success(t('published'));
      setOpen(false);
      onDone();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="publish">
        {t('publish')}
      </Button>
      <Modal open={open} title={t('publish')} okText={t('publish')} cancelText={t('cancel')} onOk={publish} confirmLoading={busy} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph>{t('publishConfirm')}</Typography.Paragraph>
        <Checkbox checked={isPublic} onChange={(e) => setPublic(e.target.checked)}>
          {t('publishPublic')}
        </Checkbox>
      </Modal>
    </>
  );
}

/** The typical cases, chosen by code before publishing. */
function TypicalEditor({ bulletin, onDone }: { bulletin: BulletinDetail; onDone: () => void }) {
  const t = useT(bulletinsMessages);
  const { message } = App.useApp();
  const [rows, setRows] = useState<Typical[]>(bulletin.typicalCases);
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<TypicalKind>('good');
  const [note, setNote] = useState('');
  useEffect(() => setRows(bulletin.typicalCases), [bulletin.typicalCases]);

  const add = async () => {
    const found = (await call('GET /api/cases', { query: { code: code.trim() } })).items[0];
    if (!found) return void message.error(t('caseNotFound'));
    setRows((r) => [...r.filter((x) => x.caseId !== found.id), { caseId: found.id, code: found.code, title: found.title, kind, note }]);
    setCode('');
    setNote('');
  };
  const save = async () => {
    try {
      await call('PUT /api/bulletins/:id/typical-cases', { params: { id: bulletin.id }, body: { cases: rows.map(({ caseId, kind: k, note: n }) => ({ caseId, kind: k, note: n })) } });
      message.success(t('done'));
      onDone();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Card size="small" title={t('typical')} extra={<Typography.Text type="secondary">{t('typicalHint')}</Typography.Text>}>
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        <Input aria-label={t('caseCode')} placeholder={t('caseCode')} value={code} onChange={(e) => setCode(e.target.value)} style={{ width: 200 }} />
        <Select aria-label={t('kind')} value={kind} onChange={setKind} options={TYPICAL_KINDS.map((k) => ({ value: k, label: t(k) }))} style={{ width: 120 }} />
        <Input aria-label={t('note')} placeholder={t('note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} maxLength={500} />
        <Button onClick={add} disabled={!code.trim()}>
          {t('addTypical')}
        </Button>
        <Button type="primary" onClick={save}>
          {t('saveTypical')}
        </Button>
      </Flex>
      <Table<Typical>
        size="small"
        rowKey="caseId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('kind'), dataIndex: 'kind', render: (k: TypicalKind) => t(k) },
          { title: t('caseCode'), dataIndex: 'code' },
          { title: t('bulletinTitle'), dataIndex: 'title' },
          { title: t('note'), dataIndex: 'note' },
          { title: '', key: 'x', render: (_, r) => <Button size="small" type="link" onClick={() => setRows((all) => all.filter((x) => x.caseId !== r.caseId))}>{t('remove')}</Button> },
        ]}
      />
    </Card>
  );
}
