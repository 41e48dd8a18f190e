import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { label, type Locale, PHONE_PATTERN, ROLES, type Role, type UserUpdate, type UserView } from '@lianxin/core';
import { App, Button, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { adminMessages } from './admin.messages';
import { changedFields } from '../../shared/form-errors';
import { UnitPicker } from './UnitPicker';
import { useFormSubmit } from './use-form-submit';

interface UserForm {
  username?: string;
  displayName: string;
  password?: string;
  phone?: string | null;
  locale: Locale;
  isActive?: boolean;
  grants: { role: Role; unitId: string }[];
}

const USERNAME = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;
const FIELDS = ['username', 'displayName', 'password', 'phone', 'locale', 'isActive', 'grants'];

/** Create a user, or edit one: name, phone, language, active, roles × units, password reset. */
export function UserDialog({ user, onClose }: { user: UserView | null; onClose: (saved: boolean) => void }) {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const { run, busy } = useFormSubmit(form, FIELDS);
  const initial: Partial<UserForm> = user
    ? { displayName: user.displayName, locale: user.locale, isActive: user.isActive, grants: user.grants.map((g) => ({ role: g.role, unitId: g.unitId })) }
    : { locale: 'zh-CN', grants: [{ role: 'handler', unitId: undefined as unknown as string }] };

  const password = { validator: async (_: unknown, v?: string) => {
    if (v && (v.length < 8 || !/\p{L}/u.test(v) || !/\d/.test(v))) throw new Error(t('passwordRule'));
  } };

  const save = (values: UserForm) =>
    run(async () => {
      const phone = values.phone?.trim() || null;
      if (user) {
        const { password: newPassword, ...rest } = values;
        const changes: UserUpdate = changedFields<Omit<UserForm, 'password'>>(initial, { ...rest, phone: phone ?? undefined });
        if (newPassword) changes.password = newPassword;
        if (Object.keys(changes).length) await call('PATCH /api/admin/users/:id', { params: { id: user.id }, body: changes });
      } else {
        await call('POST /api/admin/users', { body: { ...values, username: values.username?.trim() ?? '', password: values.password ?? '', phone } });
      }
      message.success(t('saved'));
      onClose(true);
    });

  return (
    <Modal open width={640} title={user ? `${t('editUser')} · ${user.username}` : t('newUser')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="user-form">
        <Row gutter={12}>
          {!user && (
            <Col xs={24} sm={12}>
              <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }, { pattern: USERNAME, message: t('usernameFormat') }]}>
                <Input autoComplete="off" maxLength={32} autoFocus />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="password"
              label={user ? t('newPassword') : t('password')}
              extra={user ? t('newPasswordHelp') : t('passwordRule')}
              rules={[...(user ? [] : [{ required: true, message: t('required') }]), password]}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('phone')} extra={user?.phone ?? undefined} rules={[{ validator: async (_, v?: string) => { if (v && !PHONE_PATTERN.test(v.trim())) throw new Error(t('phoneFormat')); } }]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="locale" label={t('locale')}>
              <Select options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en-US', label: 'English' }]} />
            </Form.Item>
          </Col>
          {user && (
            <Col xs={24} sm={12}>
              <Form.Item name="isActive" label={t('status')} valuePropName="checked">
                <Switch checkedChildren={t('active')} unCheckedChildren={t('inactive')} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.List name="grants" rules={[{ validator: async (_, grants?: unknown[]) => { if (!grants?.length) throw new Error(t('grantsRequired')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('roles')} required>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} wrap={false} align="top">
                  <Col flex="160px">
                    <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('required') }]}>
                      <Select aria-label={t('role')} options={ROLES.map((r) => ({ value: r, label: label('role', r, locale) }))} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto" style={{ minWidth: 0 }}>
                    <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('required') }]}>
                      <UnitPicker placeholder={t('unit')} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('delete')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'handler' })} disabled={fields.length >= 20}>
                {t('addGrant')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
