import { defineMessages } from '../../i18n/i18n';

/** Texts shared by the field-work screens. */
export const fieldWorkMessages = defineMessages(
  {
    staffNone: '没有找到匹配的人员',
  },
  {
    staffNone: 'Nobody matches',
  },
);
