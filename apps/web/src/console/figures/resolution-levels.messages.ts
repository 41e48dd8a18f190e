import { defineMessages } from '../../i18n/i18n';

/** Words of the level-of-resolution card (小事不出村、大事不出乡). */
export const resolutionMessages = defineMessages(
  {
    title: '小事不出村、大事不出乡',
    hint: '按办结单位所在层级统计本期登记且已办结的诉求件；越级：经来访、来信到上级登记、实由下级办结的件（口径见 METRICS.md）',
    area: '区划',
    closed: '办结',
    village: '村级',
    township: '乡级',
    county: '县级',
    above: '越级',
    share: '占比',
    noData: '本期没有已办结的诉求件',
  },
  {
    title: 'Small matters stay in the village, large ones in the township',
    hint: 'Closed cases registered in the period, by the level of the unit that closed them; above level: brought in person or by letter to a higher level but closed by a lower one (see METRICS.md)',
    area: 'Area',
    closed: 'Closed',
    village: 'Village',
    township: 'Township',
    county: 'County',
    above: 'Above level',
    share: 'Share',
    noData: 'No case of the period is closed yet',
  },
);
