import { defineMessages } from '../i18n/i18n';

/**
 * The language switch's one word, the name of the other language. Its own file so the residents'
 * portal, which shows the switch, does not pull in the console's messages.
 */
export const languageSwitchMessages = defineMessages({ language: 'English' }, { language: '中文' });
