import { App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Tree } from 'antd';
import { type AreaNode, subtreePrefix } from '@lianxin/core';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { childLevel, flattenTree } from './admin-logic';
import { changedFields } from '../../shared/form-errors';
import { useFormSubmit } from './use-form-submit';

const CODE_PATTERN = /^\d{12}(\d{3})?$/;

interface AreaForm {
  code?: string;
  name: string;
  lat: number | null;
  lng: number | null;
  sort: number;
}

/** 区划: the area tree; select an area to edit it or to add an area under it. */
export default function AreasTab() {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('GET /api/areas', { query: { format: 'tree' } });
  const [selected, setSelected] = useState<string | null>(null);
  const nodes = useMemo(() => flattenTree(data?.items ?? []), [data]);
  const area = nodes.find((n) => n.code === selected) ?? null;

  const [editForm] = Form.useForm<AreaForm>();
  const [childForm] = Form.useForm<AreaForm>();
  const edit = useFormSubmit(editForm, ['name', 'lat', 'lng', 'sort']);
  const add = useFormSubmit(childForm, ['code', 'parentCode', 'name', 'level', 'lat', 'lng', 'sort']);

  // The tree reloads after a save and on a language switch, giving new objects for the same
  // areas: the forms follow the area's values and code, so nothing typed is lost by a reload.
  const areaValues = area ? JSON.stringify([area.code, area.name, area.lat, area.lng, area.sort]) : null;
  useEffect(() => {
    if (area) editForm.setFieldsValue({ name: area.name, lat: area.lat, lng: area.lng, sort: area.sort });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaValues, editForm]);
  useEffect(() => {
    if (!area) return;
    childForm.resetFields();
    childForm.setFieldsValue({ code: subtreePrefix(area.code), sort: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [area?.code, childForm]);

  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;

  type TreeItem = { key: string; title: string; children: TreeItem[] };
  const treeData = (list: AreaNode[]): TreeItem[] =>
    list.map((n) => ({ key: n.code, title: `${n.name}  ${n.code}`, children: treeData(n.children ?? []) }));

  const saveEdit = (values: AreaForm) =>
    edit.run(async () => {
      const body = changedFields({ name: area!.name, lat: area!.lat, lng: area!.lng, sort: area!.sort }, { ...values, lat: values.lat ?? null, lng: values.lng ?? null });
      if (Object.keys(body).length) await call('PATCH /api/admin/areas/:code', { params: { code: area!.code }, body });
      message.success(t('saved'));
      reload();
    });

  const saveChild = (values: AreaForm) =>
    add.run(async () => {
      const created = await call('POST /api/admin/areas', { body: { ...values, code: values.code?.trim() ?? '', parentCode: area!.code, lat: values.lat ?? null, lng: values.lng ?? null } });
      message.success(t('saved'));
      reload();
      setSelected(created.code);
    });

  const level = (l: string) => t(`level.${l}` as 'level.county');
  const next = area ? childLevel(area.level) : null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10} lg={9}>
        <Card size="small" styles={{ body: { maxHeight: 560, overflow: 'auto' } }}>
          {nodes.length === 0 ? (
            <PageEmpty />
          ) : (
            <Tree
              data-testid="area-tree"
              showLine
              // Open down to the county, so its townships are one glance away.
              defaultExpandedKeys={nodes.filter((n) => ['province', 'city', 'county'].includes(n.level)).map((n) => n.code)}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
              treeData={treeData(data!.items)}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={14} lg={15}>
        {!area ? (
          <Card size="small">
            <PageEmpty>{t('selectArea')}</PageEmpty>
          </Card>
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={area.name}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                { key: 'code', label: t('areaCode'), children: area.code },
                { key: 'level', label: t('areaLevel'), children: level(area.level) },
              ]} />
              <Form form={editForm} name="area-edit" layout="vertical" onFinish={saveEdit} style={{ marginTop: 12 }}>
                <Form.Item name="name" label={t('areaName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 60 }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <CoordinateFields />
                <Button type="primary" htmlType="submit" loading={edit.busy}>
                  {t('save')}
                </Button>
              </Form>
            </Card>
            {next && (
              <Card size="small" title={`${t('addChild')} · ${level(next)}`}>
                <Form form={childForm} name="area-create" layout="vertical" onFinish={saveChild} data-testid="area-create-form">
                  <Form.Item
                    name="code"
                    label={t('areaCode')}
                    extra={t('areaCodeHelp')}
                    rules={[{ required: true, message: t('required') }, { pattern: CODE_PATTERN, message: t('areaCodeFormat') }]}
                  >
                    <Input inputMode="numeric" maxLength={15} />
                  </Form.Item>
                  <Form.Item name="name" label={t('areaName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 60 }]}>
                    <Input maxLength={60} />
                  </Form.Item>
                  <CoordinateFields />
                  <Button type="primary" htmlType="submit" loading={add.busy}>
                    {t('create')}
                  </Button>
                </Form>
              </Card>
            )}
          </Space>
        )}
      </Col>
    </Row>
  );
}

/** Latitude, longitude and order, side by side. */
function CoordinateFields() {
  const t = useT(adminMessages);
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item name="lat" label={t('lat')}>
          <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="lng" label={t('lng')}>
          <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name="sort" label={t('sort')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
