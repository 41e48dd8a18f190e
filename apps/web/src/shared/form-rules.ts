import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';

/**
 * A rule for an "end" field that must come after the form's `startField`: `inOrder(end, start)`
 * says whether they are in order; an empty field passes (the required rule speaks for it).
 */
export const afterField =
  (startField: string, inOrder: (end: Dayjs, start: Dayjs) => boolean, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, value?: Dayjs) => {
      const start = getFieldValue(startField) as Dayjs | undefined;
      return !value || !start || inOrder(value, start) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });
