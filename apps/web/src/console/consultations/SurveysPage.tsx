import { holds, type Question, reachOf } from '@lianxin/core';
import { Button, Card, DatePicker, Drawer, Flex, Form, Input, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { areaOptions } from '../field-work/area-options';
import { PlannableAreaSelect } from '../field-work/PlannableAreaSelect';
import { useMe } from '../shell/session';
import { surveysMessages } from './surveys.messages';

const KINDS: Record<string, Question['kind']> = { 单选: 'single', 多选: 'multiple', 量表: 'scale', 文字: 'text', single: 'single', multiple: 'multiple', scale: 'scale', text: 'text' };

/** Reads the questions typed one per line: kind|question|option1/option2. */
export function parseQuestions(text: string): Question[] | null {
  const out: Question[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [kind, question, options] = line.split('|').map((s) => s.trim());
    const k = KINDS[kind];
    if (!k || !question) return null;
    out.push({ kind: k, text: question, options: k === 'single' || k === 'multiple' ? (options ?? '').split('/').map((s) => s.trim()).filter(Boolean) : [] });
  }
  return out.length ? out : null;
}

/** 问需调查: the surveys of my areas and a drawer to start one. */
export default function SurveysPage() {
  const t = useT(surveysMessages);
  const me = useMe();
  const navigate = useNavigate();
  const canManage = holds(me.roles, 'consultation.manage');
  const list = useApi('GET /api/surveys', { query: { limit: 100 } });
  const areas = useApi('GET /api/areas', canManage ? { query: { format: 'tree' } } : null);
  const plannable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'consultation.manage')), [areas.data, me.roles]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const save = async () => {
    const v = await form.validateFields();
    const questions = parseQuestions(v.questions ?? '');
    if (!questions) return setError(t('badQuestions'));
    setError(null);
    try {
      const s = await call('POST /api/surveys', {
        body: { title: v.title, intro: v.intro ?? '', areaCode: v.areaCode, questions, opensOn: (v.opensOn as Dayjs).format('YYYY-MM-DD'), closesOn: (v.closesOn as Dayjs).format('YYYY-MM-DD') },
      });
      setOpen(false);
      navigate(`/surveys/${s.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };

  return (
    <Flex vertical gap={12} data-testid="surveys-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} extra={canManage && <Button type="primary" onClick={() => setOpen(true)} data-testid="survey-create">{t('create')}</Button>} />
      <Card size="small">
        {list.error ? (
          <PageError error={list.error} onRetry={list.reload} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('empty') }}
            columns={[
              { key: 'title', title: t('colTitle'), render: (_: unknown, s) => <Link to={`/surveys/${s.id}`}>{s.title}</Link> },
              { key: 'area', title: t('colArea'), dataIndex: 'areaName', width: 140 },
              { key: 'period', title: t('colPeriod'), width: 220, render: (_: unknown, s) => `${s.opensOn} — ${s.closesOn}` },
              { key: 'answered', title: t('colAnswered'), width: 140, render: (_: unknown, s) => `${s.answered}/${s.households}` },
            ]}
          />
        )}
      </Card>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('create')} size="large" extra={<Button type="primary" onClick={save}>{t('save')}</Button>}>
        {error && <div role="alert" style={{ color: '#c00', marginBottom: 8 }}>{error}</div>}
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t('name')} rules={[{ required: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="intro" label={t('intro')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="areaCode" label={t('area')} rules={[{ required: true }]}>
            <PlannableAreaSelect areas={plannable} placeholder={t('area')} testId="survey-area" />
          </Form.Item>
          <Form.Item name="questions" label={t('questions')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} placeholder={'单选|最需要解决的问题|道路/饮水/就医\n量表|对村容村貌的满意度\n文字|其他建议'} />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="opensOn" label={t('opensOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="closesOn" label={t('closesOn')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        </Form>
      </Drawer>
    </Flex>
  );
}
