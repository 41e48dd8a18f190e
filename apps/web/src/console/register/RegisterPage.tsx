import { CASE_KINDS, CHANNELS, label, PETITION_CLASSES, reachOf, URGENCIES } from '@lianxin/core';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography, type UploadFile } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { AreaCascader } from './AreaCascader';
import { AssistantPanel } from './AssistantPanel';
import { AttachmentField, uploadedIds } from './AttachmentField';
import { CategoryTreeSelect } from './CategoryTreeSelect';
import { LocationField } from './LocationField';
import {
  defaultChannel,
  findArea,
  formFieldOf,
  isCollective,
  isValidId,
  isValidPhone,
  presetFromLink,
  registrableAreas,
  type RegisterValues,
  rememberChannel,
  toCascader,
  toCaseBody,
  toCategoryTree,
} from './register-form';
import { registerMessages, type RegisterMessageKey } from './register.messages';
import { RegisterSuccess, type RegisteredCase } from './RegisterSuccess';
import { RequesterHistory } from './RequesterHistory';

const CHANNEL_CHOICES = CHANNELS.filter((c) => c !== 'proactive' && c !== 'online');

/** 登记: a reception desk's or hotline operator's form, fast with the keyboard. */
export default function RegisterPage() {
  const t = useT(registerMessages);
  const { locale } = useLocale();
  const me = useMe();
  const [form] = Form.useForm<RegisterValues>();
  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const categories = useApi('GET /api/categories');
  const [pin, setPin] = useState<{ lat: number; lng: number } | null>(null);
  const [focus, setFocus] = useState<{ lat: number; lng: number; zoom?: number } | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<RegisteredCase | null>(null);
  const firstField = useRef<{ focus: () => void } | null>(null);

  const registeringAreas = useMemo(() => reachOf(me.roles, 'case.register'), [me]);
  const areaRoots = useMemo(() => registrableAreas(areas.data?.items ?? [], registeringAreas), [areas.data, registeringAreas]);
  const areaOptions = useMemo(() => toCascader(areaRoots), [areaRoots]);
  const categoryTree = useMemo(() => toCategoryTree(categories.data?.items ?? [], locale === 'en-US'), [categories.data, locale]);
  const [search] = useSearchParams();
  const preset = useMemo(() => presetFromLink(search, areaRoots, CHANNEL_CHOICES), [search, areaRoots]);

  const initialValues = useMemo<Partial<RegisterValues>>(
    () => ({
      channel: defaultChannel(me.userId, me.roles),
      kind: 'help',
      urgency: 'normal',
      peopleCount: 1,
      requester: { anonymous: false },
      // A desk that covers one area starts there.
      areaPath: registeringAreas.length === 1 ? [registeringAreas[0]] : undefined,
      // A link from a joint office day, a reception session or a household says where and how.
      ...preset,
    }),
    [me, registeringAreas, preset],
  );

  const kind = Form.useWatch('kind', form);
  const channel = Form.useWatch('channel', form);
  const anonymous = Form.useWatch(['requester', 'anonymous'], form);
  const phone = Form.useWatch(['requester', 'phone'], form);
  const people = Form.useWatch('peopleCount', form);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const areaPath = Form.useWatch('areaPath', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const resolveOnSpot = Form.useWatch('resolveOnSpot', form);
  const areaCode = areaPath?.[areaPath.length - 1];

  if (areas.loading || categories.loading) return <PageLoading />;
  if (areas.error || categories.error) return <PageError error={areas.error ?? categories.error} onRetry={() => (areas.error ? areas.reload() : categories.reload())} />;

  const required = (field: RegisterMessageKey) => ({ required: true, message: t('required', { field: t(field) }) });

  const submit = async (values: RegisterValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const saved = await call('POST /api/cases', { body: toCaseBody(values, uploadedIds(files), pin) });
      rememberChannel(me.userId, values.channel);
      setCreated(saved);
    } catch (error) {
      if (error instanceof ApiError) {
        const placed = error.fieldErrors.map((e) => ({ name: formFieldOf(e.field), errors: [e.message] })).filter((e): e is { name: (string | number)[]; errors: string[] } => e.name !== null);
        form.setFields(placed as Parameters<typeof form.setFields>[0]);
        if (placed.length) form.scrollToField(placed[0].name as Parameters<typeof form.scrollToField>[0]);
        setFailure(error.title);
      } else setFailure(String(error));
    } finally {
      setSubmitting(false);
    }
  };

  const another = () => {
    const keep = form.getFieldsValue(['channel', 'kind', 'areaPath']);
    setCreated(null);
    setPin(null);
    setFiles([]);
    setFailure(null);
    // The form mounts again; keep what a desk usually repeats.
    setTimeout(() => {
      form.resetFields();
      form.setFieldsValue(keep);
      firstField.current?.focus();
    });
  };

  if (created) return <Card><RegisterSuccess created={created} onAnother={another} /></Card>;

  const onAreaChange = (path: string[]) => {
    const area = findArea(areaRoots, path[path.length - 1] ?? '');
    if (area?.lat != null && area.lng != null && !pin) setFocus({ lat: area.lat, lng: area.lng, zoom: area.level === 'township' ? 13 : 15 });
  };

  const submitOnCtrlEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  const kindOptions = CASE_KINDS.map((k) => ({ value: k, label: label('kind', k, locale) }));
  const channelOptions = CHANNEL_CHOICES.map((c) => ({ value: c, label: label('channel', c, locale) }));
  const phoneRequired = !anonymous && channel !== 'letter';

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      {failure && <Alert type="error" showIcon title={t('submitFailed')} description={failure} closable onClose={() => setFailure(null)} data-testid="register-error" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Form<RegisterValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} scrollToFirstError requiredMark="optional" data-testid="register-form">
            {/* Set only by a link from a household's page; sent with the case. */}
            <Form.Item name="householdId" hidden>
              <Input />
            </Form.Item>
            <Card size="small" title={t('sectionSource')}>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item name="channel" label={t('channel')} rules={[required('channel')]}>
                    <Select ref={(r) => { firstField.current = r; }} autoFocus showSearch optionFilterProp="label" options={channelOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="kind" label={t('kind')} rules={[required('kind')]}>
                    <Select showSearch optionFilterProp="label" options={kindOptions} />
                  </Form.Item>
                </Col>
                {kind === 'petition' && (
                  <Col xs={24} sm={8}>
                    <Form.Item name="petitionClass" label={t('petitionClass')} rules={[required('petitionClass')]}>
                      <Select options={PETITION_CLASSES.map((c) => ({ value: c, label: t(`petitionClass.${c}`) }))} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            </Card>

            <Card size="small" title={t('sectionRequester')} style={{ marginTop: 12 }}>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={['requester', 'phone']}
                    label={t('phone')}
                    dependencies={[['requester', 'anonymous'], 'channel']}
                    rules={[
                      { required: phoneRequired, message: t('phoneRequired') },
                      { validator: async (_, v?: string) => { if (v && !isValidPhone(v)) throw new Error(t('phoneInvalid')); } },
                    ]}
                  >
                    <Input inputMode="tel" maxLength={13} placeholder={t('phonePlaceholder')} disabled={anonymous} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={6}>
                  <Form.Item name={['requester', 'name']} label={t('name')}>
                    <Input maxLength={50} disabled={anonymous} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10}>
                  <Form.Item
                    name={['requester', 'idNumber']}
                    label={t('idNumber')}
                    rules={[{ validator: async (_, v?: string) => { if (v && !isValidId(v)) throw new Error(t('idInvalid')); } }]}
                  >
                    <Input maxLength={18} disabled={anonymous} autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              {!anonymous && <RequesterHistory phone={phone} />}
              <Row gutter={12} style={{ marginTop: 8 }}>
                <Col xs={12} sm={6} style={{ display: 'flex', alignItems: 'center' }}>
                  <Form.Item name={['requester', 'anonymous']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('anonymous')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name="peopleCount" label={t('peopleCount')}>
                    <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                {isCollective(people) && (
                  <Col xs={24} sm={12}>
                    <Form.Item name="representatives" label={t('representatives')}>
                      <Input maxLength={200} placeholder={t('representativesPlaceholder')} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
              {isCollective(people) && <Alert type="warning" showIcon title={t('collectiveHint')} data-testid="collective-hint" />}
            </Card>

            <Card size="small" title={t('sectionMatter')} style={{ marginTop: 12 }}>
              <Form.Item name="title" label={t('titleField')} rules={[required('titleField'), { max: 120 }]}>
                <Input maxLength={120} placeholder={t('titlePlaceholder')} showCount />
              </Form.Item>
              <Form.Item name="content" label={t('content')} rules={[required('content'), { max: 5000 }]} extra={t('contentHint')}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} placeholder={t('contentPlaceholder')} onKeyDown={submitOnCtrlEnter} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="categoryCode" label={t('category')} rules={[required('category')]}>
                    <CategoryTreeSelect treeData={categoryTree} placeholder={t('categoryPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="urgency" label={t('urgency')}>
                    <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: label('urgency', u, locale) }))} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card size="small" title={t('sectionPlace')} style={{ marginTop: 12 }}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="areaPath" label={t('area')} rules={[required('area')]}>
                    <AreaCascader options={areaOptions} placeholder={t('areaPlaceholder')} onChange={onAreaChange} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="address" label={t('address')} rules={[{ max: 200 }]}>
                    <Input maxLength={200} placeholder={t('addressPlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <LocationField pin={pin} onPick={setPin} focus={focus} />
            </Card>

            <Card size="small" title={t('sectionMore')} style={{ marginTop: 12 }}>
              <Flex wrap gap={16}>
                <Form.Item name="crossLevel" valuePropName="checked" noStyle>
                  <Checkbox>{t('crossLevel')}</Checkbox>
                </Form.Item>
                <Form.Item name="major" valuePropName="checked" noStyle>
                  <Checkbox>{t('major')}</Checkbox>
                </Form.Item>
                <Form.Item name="publicConsent" valuePropName="checked" noStyle>
                  <Checkbox>{t('publicConsent')}</Checkbox>
                </Form.Item>
              </Flex>
              <Form.Item label={t('attachments')} extra={t('uploadHint')} style={{ marginTop: 12 }}>
                <AttachmentField files={files} onChange={setFiles} />
              </Form.Item>
              {kind === 'inquiry' && (
                <>
                  <Form.Item name="resolveOnSpot" valuePropName="checked" label={t('resolveOnSpot')} extra={t('resolveOnSpotHint')}>
                    <Switch data-testid="resolve-on-spot" />
                  </Form.Item>
                  {resolveOnSpot && (
                    <Form.Item name="answer" label={t('answer')} rules={[{ required: true, whitespace: true, message: t('answerRequired') }, { max: 5000 }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('answerPlaceholder')} onKeyDown={submitOnCtrlEnter} />
                    </Form.Item>
                  )}
                </>
              )}
            </Card>

            <Flex gap={8} style={{ marginTop: 12, paddingBlock: 8 }}>
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="register-submit">
                {kind === 'inquiry' && resolveOnSpot ? t('submitResolve') : t('submit')}
              </Button>
              <Button htmlType="button" onClick={() => { form.resetFields(); setPin(null); setFiles([]); }}>
                {t('reset')}
              </Button>
            </Flex>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 12 }}>
            <AssistantPanel
              title={title}
              content={content}
              areaCode={areaCode}
              phone={anonymous ? undefined : phone}
              categoryCode={categoryCode}
              onApplyCategory={(code) => form.setFields([{ name: 'categoryCode', value: code, errors: [] }])}
            />
          </div>
        </Col>
      </Row>
    </Flex>
  );
}
