import { CASE_FLAGS, CASE_KINDS, CASE_STATES, type CaseFlag, type CaseKind, type CaseState, type Channel, CHANNELS, label } from '@lianxin/core';
import { Button, Col, DatePicker, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { FilterTreeSelect } from '../../../shared/FilterTreeSelect';
import { webLabel } from '../../../shared/labels';
import { caseListMessages } from './case-list.messages';
import type { ListFilters } from './list-query';
import type { Reference } from './use-reference';

const SPAN = { xs: 24, sm: 12, md: 8, xl: 6 };

/** The ledger's filters; every change goes to the URL through `onChange` (a patch of the filters). */
export function CaseFilters({ filters, onChange, onReset, reference }: { filters: ListFilters; onChange: (patch: Partial<ListFilters>) => void; onReset: () => void; reference: Reference }) {
  const t = useT(caseListMessages);
  const { locale } = useLocale();
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const options = (codes: readonly string[], group: 'state' | 'channel' | 'kind') => codes.map((code) => ({ value: code, label: label(group, code, locale) }));

  return (
    <Row gutter={[12, 12]} data-testid="case-filters">
      <Col xs={24} md={16} xl={12}>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          value={text}
          allowClear
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          data-testid="filter-q"
        />
      </Col>
      <Col {...SPAN}>
        <Select
          aria-label={t('status')}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('status')}
          style={{ width: '100%' }}
          value={filters.status}
          options={options(CASE_STATES, 'state')}
          onChange={(status: CaseState[]) => onChange({ status })}
          data-testid="filter-status"
        />
      </Col>
      <Col {...SPAN}>
        <Select
          aria-label={t('flag')}
          allowClear
          placeholder={t('flag')}
          style={{ width: '100%' }}
          value={filters.flag}
          options={CASE_FLAGS.map((f) => ({ value: f, label: webLabel('flag', f, locale) }))}
          onChange={(flag?: CaseFlag) => onChange({ flag })}
          data-testid="filter-flag"
        />
      </Col>
      <Col {...SPAN}>
        <FilterTreeSelect label={t('category')} value={filters.categoryCode} treeData={reference.categoryTree} onChange={(categoryCode) => onChange({ categoryCode })} testId="filter-category" />
      </Col>
      <Col {...SPAN}>
        <FilterTreeSelect label={t('area')} value={filters.areaCode} treeData={reference.areaTree} onChange={(areaCode) => onChange({ areaCode })} testId="filter-area" />
      </Col>
      <Col {...SPAN}>
        <Select
          aria-label={t('unit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('unit')}
          style={{ width: '100%' }}
          popupMatchSelectWidth={false}
          value={filters.unitId}
          options={reference.units.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(unitId?: string) => onChange({ unitId })}
          data-testid="filter-unit"
        />
      </Col>
      <Col {...SPAN}>
        <Select aria-label={t('channel')} allowClear placeholder={t('channel')} style={{ width: '100%' }} value={filters.channel} options={options(CHANNELS, 'channel')} onChange={(channel?: Channel) => onChange({ channel })} data-testid="filter-channel" />
      </Col>
      <Col {...SPAN}>
        <Select aria-label={t('kind')} allowClear placeholder={t('kind')} style={{ width: '100%' }} value={filters.kind} options={options(CASE_KINDS, 'kind')} onChange={(kind?: CaseKind) => onChange({ kind })} data-testid="filter-kind" />
      </Col>
      <Col {...SPAN}>
        <Select
          aria-label={t('overdue')}
          allowClear
          placeholder={t('overdue')}
          style={{ width: '100%' }}
          value={filters.overdue}
          options={[
            { value: 'true', label: t('overdueYes') },
            { value: 'false', label: t('overdueNo') },
          ]}
          onChange={(overdue?: 'true' | 'false') => onChange({ overdue })}
          data-testid="filter-overdue"
        />
      </Col>
      <Col xs={24} md={16} xl={12}>
        <DatePicker.RangePicker
          aria-label={t('dates')}
          style={{ width: '100%' }}
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          data-testid="filter-dates"
        />
      </Col>
      <Col {...SPAN}>
        <Button onClick={onReset} data-testid="filter-reset">
          {t('reset')}
        </Button>
      </Col>
    </Row>
  );
}
