import { defineMessages } from '../../i18n/i18n';

export const searchMessages = defineMessages(
  {
    title: '全文检索',
    placeholder: '输入词语，如 低保、拆迁补偿、噪声扰民',
    hint: '检索标题、内容、地址和答复；多个词须同时出现，最后一个词可只输入开头。',
    results: '找到的诉求件（最新在前）',
    partial: '匹配的诉求件很多，结果可能不完整；请加上日期或区划筛选缩小范围。',
    noResults: '没有找到匹配的诉求件',
    more: '加载更多',
    from: '登记时间',
  },
  {
    title: 'Search',
    placeholder: 'Words, e.g. allowance, demolition compensation, noise',
    hint: 'Searches titles, contents, addresses and replies; all words must appear, the last may be a prefix.',
    results: 'Matching cases (newest first)',
    partial: 'Very many cases match, so the list may be incomplete; add a date or area filter to narrow it.',
    noResults: 'No matching cases',
    more: 'Load more',
    from: 'Registered',
  },
);
