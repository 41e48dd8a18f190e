import type { CalendarDayView } from '@lianxin/core';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { AdminTable, DeleteButton, useRemove } from './admin-table';
import { useFormSubmit } from './use-form-submit';

interface DayForm {
  date: Dayjs;
  kind: 'holiday' | 'workday';
  name: string;
}

/** 节假日: the year's days off and make-up working days; add or remove a day. */
export default function CalendarTab() {
  const t = useT(adminMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => dayjs().year());
  const { data, error, loading, reload } = useApi('GET /api/calendar', { query: { year } });
  const [form] = Form.useForm<DayForm>();
  const { run, busy } = useFormSubmit(form, ['date', 'kind', 'name']);

  const add = (values: DayForm) =>
    run(async () => {
      const date = values.date.format('YYYY-MM-DD');
      await call('PUT /api/admin/calendar/:date', { params: { date }, body: { kind: values.kind, name: values.name.trim() } });
      message.success(t('saved'));
      form.resetFields(['date']);
      if (values.date.year() !== year) setYear(values.date.year());
      else reload();
    });

  const removeWith = useRemove(reload);
  const remove = (day: CalendarDayView) => removeWith(() => call('DELETE /api/admin/calendar/:date', { params: { date: day.date } }));

  if (error) return <PageError error={error} onRetry={reload} />;
  const days = data?.days ?? [];
  const count = (kind: CalendarDayView['kind']) => days.filter((d) => d.kind === kind).length;
  const thisYear = dayjs().year();

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'holiday' }} data-testid="calendar-form" style={{ rowGap: 8 }}>
          <Form.Item name="date" label={t('date')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('dayKind')} rules={[{ required: true, message: t('required') }]}>
            <Select style={{ width: 150 }} options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`day.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('festival')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 30 }]}>
            <Input maxLength={30} placeholder={t('festivalPlaceholder')} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('addDay')}
          </Button>
        </Form>
      </Card>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('year')}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 6 }, (_, i) => thisYear - 3 + i).map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
        />
        <Tag color="red">{t(count('holiday') === 1 ? 'holidays.one' : 'holidays', { n: count('holiday') })}</Tag>
        <Tag color="blue">{t(count('workday') === 1 ? 'workdays.one' : 'workdays', { n: count('workday') })}</Tag>
        <Typography.Text type="secondary">{t('calendarHint')}</Typography.Text>
      </Flex>
      <AdminTable<CalendarDayView>
        testId="calendar-table"
        rowKey="date"
        loading={loading}
        dataSource={days}
        columns={[
          { title: t('date'), dataIndex: 'date', width: 120 },
          { title: t('weekday'), key: 'weekday', width: 90, render: (_: unknown, d: CalendarDayView) => dayjs(d.date).locale(locale === 'zh-CN' ? 'zh-cn' : 'en').format('dddd') },
          { title: t('dayKind'), dataIndex: 'kind', width: 130, render: (k: CalendarDayView['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`day.${k}`)}</Tag> },
          { title: t('festival'), dataIndex: 'name', width: 160, render: (n: string, d: CalendarDayView) => <>{n} {d.provisional && <Tag>{t('provisional')}</Tag>}</> },
          {
            title: t('actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, d: CalendarDayView) => <DeleteButton onConfirm={() => remove(d)} />,
          },
        ]}
      />
    </>
  );
}
