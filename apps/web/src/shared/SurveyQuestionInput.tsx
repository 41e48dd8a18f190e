import type { Question } from '@lianxin/core';
import { Checkbox, Input, Radio, Rate, Space } from 'antd';

/**
 * The input for one survey question by its kind (choice, multiple choice, scale, text): the same on
 * the portal, the console's answer form and the visit form. Form.Item hands it `value` and
 * `onChange`, which it passes to the control.
 */
export function SurveyQuestionInput({ question, ...control }: { question: Question; value?: unknown; onChange?: (value: unknown) => void; id?: string }) {
  const props = control as Record<string, never>;
  if (question.kind === 'single') {
    return (
      <Radio.Group {...props}>
        <Space direction="vertical">
          {question.options.map((o, i) => (
            <Radio key={i} value={i} style={{ minHeight: 32 }}>
              {o}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  }
  if (question.kind === 'multiple') return <Checkbox.Group {...props} options={question.options.map((o, i) => ({ label: o, value: i }))} />;
  if (question.kind === 'scale') return <Rate {...props} count={5} />;
  return <Input.TextArea {...props} rows={2} maxLength={2000} />;
}
