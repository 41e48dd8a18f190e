import { HOUSEHOLD_RELATIONSHIPS, type HouseholdDetail, type HouseholdRelationship, type MemberView as Member, RELATIONSHIP_LABELS, type RevealedMember } from '@lianxin/core';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { fieldPath } from './household-logic';
import { householdMessages } from './households.messages';

interface Props {
  household: HouseholdDetail;
  canEdit: boolean;
  canReveal: boolean;
  onChanged: (h: HouseholdDetail) => void;
}

type MemberValues = { name: string; relationship: HouseholdRelationship; idNumber?: string; phone?: string; birthDate?: string; note?: string };

/** Members, masked; "显示" reveals the full data once (the server audits the read). */
export default function MembersCard({ household, canEdit, canReveal, onChanged }: Props) {
  const t = useT(householdMessages);
  const { locale } = useLocale();
  const [revealed, setRevealed] = useState<Map<string, RevealedMember> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<MemberValues>();
  const relationshipName = (r: string) => RELATIONSHIP_LABELS[r as keyof typeof RELATIONSHIP_LABELS]?.[locale === 'en-US' ? 1 : 0] ?? r;

  const reveal = async () => {
    setProblem(null);
    try {
      const answer = await call('GET /api/households/:id/personal-data', { params: { id: household.id } });
      setRevealed(new Map(answer.members.map((m) => [m.id, m])));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : String(e));
    }
  };

  const openEditor = (m: Member | 'new') => {
    setEditing(m);
    form.resetFields();
    if (m !== 'new') form.setFieldsValue({ name: revealed?.get(m.id)?.name ?? '', relationship: m.relationship as HouseholdRelationship, note: m.note ?? undefined });
  };

  const save = async (values: MemberValues) => {
    setSaving(true);
    const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as MemberValues;
    try {
      const saved =
        editing === 'new'
          ? await call('POST /api/households/:id/members', { params: { id: household.id }, body: clean })
          : await call('PATCH /api/households/:id/members/:memberId', { params: { id: household.id, memberId: (editing as Member).id }, body: clean });
      setEditing(null);
      setRevealed(null);
      onChanged(saved);
    } catch (e) {
      if (e instanceof ApiError) form.setFields(e.fieldErrors.filter((f) => f.field).map((f) => ({ name: fieldPath(f.field) as never, errors: [f.message] })));
      setProblem(e instanceof ApiError ? e.title : String(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (m: Member) => {
    try {
      onChanged(await call('DELETE /api/households/:id/members/:memberId', { params: { id: household.id, memberId: m.id } }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : String(e));
    }
  };

  const show = (m: Member, key: 'name' | 'idNumber' | 'phone') => (revealed?.get(m.id)?.[key] ?? m[key]) || '—';

  return (
    <Card
      size="small"
      title={`${t('members')} (${household.members.length})`}
      extra={
        <Space>
          {canReveal &&
            (revealed ? (
              <Button size="small" onClick={() => setRevealed(null)}>
                {t('hide')}
              </Button>
            ) : (
              <Tooltip title={t('revealHint')}>
                <Button size="small" onClick={() => void reveal()} data-testid="members-reveal">
                  {t('reveal')}
                </Button>
              </Tooltip>
            ))}
          {canEdit && (
            <Button size="small" onClick={() => openEditor('new')}>
              {t('addMember')}
            </Button>
          )}
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} closable onClose={() => setProblem(null)} />}
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={household.members}
        data-testid="members-table"
        columns={[
          { title: t('relationship'), dataIndex: 'relationship', render: relationshipName, width: 90 },
          { title: t('name'), key: 'name', render: (_, m) => show(m, 'name') },
          { title: t('idNumber'), key: 'id', render: (_, m) => show(m, 'idNumber') },
          { title: t('phone'), key: 'phone', render: (_, m) => show(m, 'phone') },
          { title: t('birthDate'), key: 'birth', render: (_, m) => revealed?.get(m.id)?.birthDate ?? m.birthYear ?? '—', width: 90 },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, m: Member) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => openEditor(m)}>
                        {t('edit')}
                      </Button>
                      {!m.isHead && (
                        <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove(m)}>
                          <Button size="small" type="link" danger>
                            {t('remove')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('addMember') : t('editMember')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={saving} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('name')} rules={editing === 'new' ? [{ required: true, message: t('required') }] : []}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="relationship" label={t('relationship')} rules={[{ required: true, message: t('required') }]}>
            <Select options={HOUSEHOLD_RELATIONSHIPS.map((r) => ({ value: r, label: relationshipName(r) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('idNumber')}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label={t('phone')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="birthDate" label={t('birthDate')}>
            <Input maxLength={10} placeholder="1960 / 1960-05-01" />
          </Form.Item>
          <Form.Item name="note" label={t('notes')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
