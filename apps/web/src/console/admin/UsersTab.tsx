import { label, ROLES, type Role, type UserView } from '@lianxin/core';
import { App, Button, Flex, Input, Select, Tag, Tooltip } from 'antd';
import { call } from '../../api/client';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { AdminTable, AdminToolbar, useEditing, useStatusColumn } from './admin-table';
import { UserDialog } from './UserDialog';

/** 用户与角色: users of the admin's area with their roles per unit; create, edit, reset password. */
export default function UsersTab() {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi('GET /api/admin/users', { query: { q: q || undefined, role, page, pageSize: 20 } });
  const edit = useEditing<UserView>(reload);
  const statusColumn = useStatusColumn();
  const { message } = App.useApp();
  const unlock = async (u: UserView) => {
    try {
      await call('POST /api/admin/users/:id/unlock', { params: { id: u.id } });
      message.success(t('unlocked'));
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <>
      <AdminToolbar newLabel={t('newUser')} onNew={() => edit.setEditing('new')} newTestId="user-new">
        <Flex wrap gap={8}>
          <Input.Search allowClear placeholder={`${t('username')} / ${t('displayName')}`} aria-label={t('search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 240, maxWidth: '100%' }} />
          <Select
            allowClear
            placeholder={t('allRoles')}
            aria-label={t('role')}
            value={role}
            onChange={(v) => (setRole(v), setPage(1))}
            options={ROLES.map((r) => ({ value: r, label: label('role', r, locale) }))}
            style={{ width: 160 }}
          />
        </Flex>
      </AdminToolbar>
      <AdminTable<UserView>
        testId="users-table"
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, pageSize: 20, total: data?.total, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('username'), dataIndex: 'username', width: 150 },
          { title: t('displayName'), dataIndex: 'displayName', width: 110, ellipsis: true },
          {
            title: t('roles'),
            key: 'grants',
            render: (_: unknown, u: UserView) => (
              <Flex wrap gap={4} style={{ maxWidth: 480 }}>
                {u.grants.map((g) => (
                  <Tooltip key={`${g.role}-${g.unitId}`} title={g.unitName}>
                    <Tag color={g.unitIsActive ? 'blue' : 'default'} style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {label('role', g.role, locale)} · {g.unitName}
                    </Tag>
                  </Tooltip>
                ))}
              </Flex>
            ),
          },
          { title: t('phone'), dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
          {
            ...statusColumn,
            width: 110,
            render: (active: boolean, u: UserView) => (
              <Flex wrap gap={4}>
                {statusColumn.render(active)}
                {u.locked && (
                  <Tooltip title={t('lockedHint')}>
                    <Tag color="red" data-testid="user-locked">{t('locked')}</Tag>
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, u: UserView) => (
              <Flex wrap gap={4}>
                <Button size="small" onClick={() => edit.setEditing(u)}>{t('edit')}</Button>
                {u.locked && (
                  <Button size="small" danger onClick={() => void unlock(u)} data-testid="user-unlock">
                    {t('unlock')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {edit.editing && <UserDialog user={edit.current} onClose={edit.close} />}
    </>
  );
}
