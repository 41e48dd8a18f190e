import { defineMessages } from '../i18n/i18n';

/** Words of the portal's public bulletins page (定期通报 · 公开版). */
export const portalBulletinsMessages = defineMessages(
  { title: '通报公开', hint: '各单位诉求办理情况通报（公开版，只含单位名称和数据）', back: '返回', nav: '通报公开' },
  { title: 'Public bulletins', hint: 'How units handled residents’ requests (public version: unit names and figures only)', back: 'Back', nav: 'Bulletins' },
);
