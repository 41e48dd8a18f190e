import type { CategoryNode } from '@lianxin/core';
import { Button, Checkbox, Form, Input, InputNumber, Switch, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { AdminDialog, AdminTable, AdminToolbar, useDialogSave, useEditing, useStatusColumn } from './admin-table';
import { UnitPicker } from './UnitPicker';

interface CategoryForm {
  code?: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  defaultUnitId: string | null;
  sort: number;
  isActive?: boolean;
}

const FIELDS = ['code', 'parentCode', 'name', 'nameEn', 'defaultUnitId', 'sort', 'isActive'];
const CODE = /^[a-z][a-z0-9_.]*$/;
type Row = Omit<CategoryNode, 'children'> & { children?: Row[] };
// A leaf gets no `children`, so the table draws no expand button for it.
const rowsOf = (nodes: CategoryNode[]): Row[] => nodes.map(({ children, ...n }) => (children.length ? { ...n, children: rowsOf(children) } : n));

/** 诉求分类: the category tree as a nested table; create, rename, move, deactivate. */
export default function CategoriesTab() {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const [includeInactive, setIncludeInactive] = useState(true);
  const { data, error, loading, reload } = useApi('GET /api/categories', { query: { includeInactive } });
  const edit = useEditing<CategoryNode>(reload);
  const statusColumn = useStatusColumn();
  const rows = useMemo(() => rowsOf(data?.items ?? []), [data]);

  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <>
      <AdminToolbar newLabel={t('newCategory')} onNew={() => edit.setEditing('new')}>
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('showInactive')}
        </Checkbox>
      </AdminToolbar>
      <AdminTable<Row>
        testId="categories-table"
        rowKey="code"
        loading={loading}
        dataSource={rows}
        columns={[
          { title: locale === 'en-US' ? t('categoryNameEn') : t('categoryName'), key: 'name', render: (_: unknown, c: Row) => (locale === 'en-US' ? c.nameEn : c.name) },
          { title: t('categoryCode'), dataIndex: 'code', width: 200 },
          { title: t('sort'), dataIndex: 'sort', width: 70 },
          statusColumn,
          { title: t('actions'), key: 'actions', width: 80, render: (_: unknown, c: Row) => <Button size="small" onClick={() => edit.setEditing({ ...c, children: [] })}>{t('edit')}</Button> },
        ]}
      />
      {edit.editing && <CategoryDialog category={edit.current} tree={data?.items ?? []} onClose={edit.close} />}
    </>
  );
}

function CategoryDialog({ category, tree, onClose }: { category: CategoryNode | null; tree: CategoryNode[]; onClose: (saved: boolean) => void }) {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const [form] = Form.useForm<CategoryForm>();
  const { save: submit, busy } = useDialogSave<CategoryForm>(form, FIELDS, onClose);
  const initial: Partial<CategoryForm> = category
    ? { parentCode: category.parentCode, name: category.name, nameEn: category.nameEn, defaultUnitId: category.defaultUnitId, sort: category.sort, isActive: category.isActive }
    : { parentCode: null, defaultUnitId: null, sort: 0 };
  type Option = { value: string; title: string; disabled?: boolean; children: Option[] };
  const options = (nodes: CategoryNode[]): Option[] =>
    nodes.map((n) => ({ value: n.code, title: `${locale === 'en-US' ? n.nameEn : n.name} (${n.code})`, disabled: n.code === category?.code, children: options(n.children) }));

  const save = (values: CategoryForm) => {
    const body = { ...values, parentCode: values.parentCode ?? null, defaultUnitId: values.defaultUnitId ?? null };
    return submit(
      initial,
      body,
      category && ((changes) => call('PATCH /api/admin/categories/:code', { params: { code: category.code }, body: changes })),
      () => call('POST /api/admin/categories', { body: { ...body, code: values.code ?? '' } }),
    );
  };

  return (
    <AdminDialog title={category ? `${t('editCategory')} · ${category.code}` : t('newCategory')} form={form} busy={busy} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        {!category && (
          <Form.Item name="code" label={t('categoryCode')} rules={[{ required: true, message: t('required') }, { pattern: CODE, message: t('categoryCodeFormat') }, { max: 64 }]}>
            <Input maxLength={64} autoFocus />
          </Form.Item>
        )}
        <Form.Item name="parentCode" label={t('parentCategory')}>
          <TreeSelect allowClear placeholder={t('topLevel')} treeData={options(tree)} showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="name" label={t('categoryName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('categoryNameEn')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="defaultUnitId" label={t('defaultUnit')}>
          <UnitPicker allowClear />
        </Form.Item>
        <Form.Item name="sort" label={t('sort')}>
          <InputNumber min={0} max={1_000_000} precision={0} />
        </Form.Item>
        {category && (
          <Form.Item name="isActive" label={t('status')} valuePropName="checked">
            <Switch checkedChildren={t('active')} unCheckedChildren={t('inactive')} />
          </Form.Item>
        )}
      </Form>
    </AdminDialog>
  );
}
