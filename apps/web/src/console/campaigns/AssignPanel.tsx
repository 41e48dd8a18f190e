import type { CampaignAssigned as Assigned, CampaignView as Campaign, Coverage, StaffMember } from '@lianxin/core';
import { Alert, Button, Card, Checkbox, Flex, Form, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import type { AreaTreeOption } from '../households/household-logic';
import { cadresOutside, evenShares, unassignedCount } from './campaign-logic';
import { campaignMessages } from './campaigns.messages';
import StaffSelect from '../field-work/StaffSelect';

type Values = { cadreUserIds: string[]; areaCode?: string; onlyUnassigned: boolean };

/**
 * 分配到干部: shares the targets evenly among chosen cadres — the server gives each household only to a
 * cadre who may visit it, neighbours together.
 */
export default function AssignPanel({ campaign, coverage, areas, onAssigned }: { campaign: Campaign; coverage: Coverage; areas: AreaTreeOption[]; onAssigned: (answer: Assigned) => void }) {
  const t = useT(campaignMessages);
  const [form] = Form.useForm<Values>();
  const cadres = Form.useWatch('cadreUserIds', form) ?? [];
  const onlyUnassigned = Form.useWatch('onlyUnassigned', form) ?? true;
  const areaCode = Form.useWatch('areaCode', form);
  const [people, setPeople] = useState<StaffMember[]>([]);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ answer: Assigned; names: Map<string, string> } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // A preview from the coverage at hand; with an area filter the server counts, so no preview then.
  const pool = onlyUnassigned ? unassignedCount(coverage) : coverage.total;
  const shares = evenShares(pool, cadres.length);
  const outside = cadresOutside(people, areaCode || campaign.areaCode);

  const assign = async (v: Values) => {
    setSaving(true);
    setProblem(null);
    setResult(null);
    try {
      const answer = await call('POST /api/campaigns/:id/assign', { params: { id: campaign.id }, body: { mode: 'even', cadreUserIds: v.cadreUserIds, onlyUnassigned: v.onlyUnassigned, areaCode: v.areaCode || undefined } });
      setResult({ answer, names: new Map(people.map((p) => [p.id, p.displayName])) });
      // Done: the choice is cleared so a second click cannot share the same people again by accident.
      form.resetFields();
      onAssigned(answer);
    } catch (error) {
      setProblem(showSaveError(form, error, ['cadreUserIds', 'areaCode', 'onlyUnassigned']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('assignTitle')} style={{ height: '100%' }}>
      <Form form={form} layout="vertical" initialValues={{ cadreUserIds: [], onlyUnassigned: true }} onFinish={assign}>
        <Form.Item name="cadreUserIds" label={t('cadres')} rules={[{ required: true, message: t('required') }]}>
          <StaffSelect mode="multiple" role="stationed_cadre" areaCode={campaign.areaCode} placeholder={t('cadresPlaceholder')} testId="assign-cadres" onPeople={setPeople} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('assignArea')}>
          <TreeSelect data-testid="assign-area" allowClear treeData={areas} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandedKeys={areas.map((a) => a.value)} placeholder={t('targetAreaAll')} popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="onlyUnassigned" valuePropName="checked">
          <Checkbox>{t('onlyUnassigned')}</Checkbox>
        </Form.Item>
      </Form>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assignHint')}
        </Typography.Text>
        {outside.length > 0 && <Alert type="warning" showIcon title={t('cadresOutside', { names: outside.map((p) => p.displayName).join('、') })} data-testid="assign-outside" />}
        {cadres.length > 0 && !areaCode && (
          <Typography.Text data-testid="assign-preview">{pool ? t('assignPreview', { n: pool, m: cadres.length, shares: shares.join(' / ') }) : t('nothingToAssign')}</Typography.Text>
        )}
        <div>
          <Button type="primary" loading={saving} disabled={cadres.length > 0 && !areaCode && pool === 0} onClick={() => form.submit()} data-testid="assign-submit">
            {t('assignEven')}
          </Button>
        </div>
        {problem && <Alert type="error" showIcon title={problem} data-testid="assign-problem" />}
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="assign-result"
            title={t('assigned', { n: result.answer.assigned })}
            description={
              <Flex wrap gap={4}>
                {result.answer.perCadre.map((p) => (
                  <Tag key={p.cadreUserId} data-testid="assign-result-cadre">
                    {t('perCadre', { name: result.names.get(p.cadreUserId) ?? p.cadreUserId, count: p.count })}
                  </Tag>
                ))}
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
