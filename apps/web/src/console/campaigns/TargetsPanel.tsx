import { Alert, Button, Card, Flex, Form, Popconfirm, Segmented, Select, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import type { CampaignTargetsAdded as TargetsAdded } from '@lianxin/core';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { type AreaTreeOption, tagNamer } from '../households/household-logic';
import type { HouseholdTag } from '@lianxin/core';
import { campaignMessages } from './campaigns.messages';

type Values = { areaCode?: string; tags: string[]; match: 'any' | 'all' };

/**
 * 选定对象户: adds the households of an area (the campaign's by default) with any or all of some
 * tags, and says how many were added.
 */
export default function TargetsPanel({ campaignId, areas, tags, onAdded }: { campaignId: string; areas: AreaTreeOption[]; tags: HouseholdTag[]; onAdded: (answer: TargetsAdded) => void }) {
  const t = useT(campaignMessages);
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const chosenTags = Form.useWatch('tags', form) ?? [];
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<TargetsAdded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tagName = tagNamer(tags, locale);

  const add = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    setResult(null);
    try {
      const answer = await call('POST /api/campaigns/:id/targets', { params: { id: campaignId }, body: { areaCode: v.areaCode || undefined, tags: v.tags ?? [], match: v.match ?? 'any' } });
      setResult(answer);
      onAdded(answer);
    } catch (error) {
      setProblem(showSaveError(form, error, ['areaCode', 'tags', 'match']));
    } finally {
      setSaving(false);
    }
  };

  const button = (
    <Button type="primary" loading={saving} onClick={chosenTags.length ? () => void add() : undefined} data-testid="targets-add">
      {t('addTargets')}
    </Button>
  );

  return (
    <Card size="small" title={t('addTargetsTitle')} style={{ height: '100%' }}>
      <Form form={form} layout="vertical" initialValues={{ tags: [], match: 'any' }}>
        <Form.Item name="areaCode" label={t('targetArea')}>
          <TreeSelect
            allowClear
            treeData={areas}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={areas.map((a) => a.value)}
            placeholder={t('targetAreaAll')}
            popupMatchSelectWidth={false}
            data-testid="targets-area"
          />
        </Form.Item>
        <Form.Item name="tags" label={t('tags')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={tags.map((tag) => ({ value: tag.code, label: tagName(tag.code) }))}
            placeholder={t('tags')}
            data-testid="targets-tags"
          />
        </Form.Item>
        {chosenTags.length > 1 && (
          <Form.Item name="match">
            <Segmented options={[{ value: 'any', label: t('tagsAny') }, { value: 'all', label: t('tagsAll') }]} />
          </Form.Item>
        )}
      </Form>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('targetsHint')}
        </Typography.Text>
        <div>
          {/* Every household of the area is rarely meant: say so before doing it. */}
          {chosenTags.length ? (
            button
          ) : (
            <Popconfirm title={t('noTagsConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => add()}>
              {button}
            </Popconfirm>
          )}
        </div>
        {problem && <Alert type="error" showIcon title={problem} />}
        {result && <Alert type="success" showIcon title={result.added ? t('added', { added: result.added, total: result.coverage.total }) : t('addedNone', { total: result.coverage.total })} data-testid="targets-added" data-added={result.added} />}
      </Flex>
    </Card>
  );
}
