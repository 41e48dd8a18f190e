import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { useT } from '../../i18n/i18n';
import { CategoryTreeSelect } from '../register/CategoryTreeSelect';
import type { TreeOption } from '../register/register-form';
import { visitMessages } from './visits.messages';

/**
 * 发现的问题: any number of problems, each with an optional category and household (one of those
 * visited). Each can become a case in one tap on the visit's page.
 */
export default function ProblemsField({ categoryTree, households }: { categoryTree: TreeOption[]; households: Array<{ id: string; address: string }> }) {
  const t = useT(visitMessages);
  return (
    <Form.List name="problems">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              type="inner"
              title={`${t('problemText')} ${index + 1}`}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('removeProblem')}>
                  {t('removeProblem')}
                </Button>
              }
              data-testid="visit-problem"
            >
              <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                <Input.TextArea rows={2} maxLength={2000} placeholder={t('problemPlaceholder')} aria-label={t('problemText')} />
              </Form.Item>
              <Flex gap={8} wrap>
                <Form.Item name={[field.name, 'categoryCode']} style={{ flex: '1 1 200px', marginBottom: 0, minWidth: 0 }}>
                  <CategoryTreeSelect treeData={categoryTree} placeholder={t('problemCategory')} />
                </Form.Item>
                {households.length > 1 && (
                  <Form.Item name={[field.name, 'householdId']} style={{ flex: '1 1 200px', marginBottom: 0, minWidth: 0 }}>
                    <Select allowClear placeholder={t('problemHousehold')} options={households.map((h) => ({ value: h.id, label: h.address }))} />
                  </Form.Item>
                )}
              </Flex>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} size="large" block type="dashed" data-testid="visit-add-problem">
            {t('addProblem')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
