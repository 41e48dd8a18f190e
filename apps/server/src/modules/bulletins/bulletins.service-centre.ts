import { subtreeRange } from '@lianxin/core';
import { computeServiceFigures } from '../service-centre/service-centre.figures.js';
import { serviceRepository as repo } from '../service-centre/service-centre.repository.js';
import type { SectionBuilder } from './bulletins.context.js';

/**
 * The bulletins' 便民服务 section: the period's applications over the bulletin's area — on-time
 * rate, 群众不出村 share, mean days and satisfaction — and a table by service.
 */
export const serviceCentreSection: SectionBuilder = {
  key: 'service_centre',
  async build(ctx) {
    const rows = await repo.figureRows(ctx.db, [subtreeRange(ctx.areaCode)], ctx.from.toISOString(), ctx.to.toISOString());
    const f = computeServiceFigures(rows, new Map(), 'zh-CN');
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
    return {
      key: 'service_centre',
      title: 'bulletin.section.service',
      public: true,
      paragraphs: f.total
        ? [{ key: 'bulletin.service.note', params: { total: f.total, decided: f.decided, onTime: pct(f.onTimeRate), proxy: pct(f.proxyShare), days: f.meanDays ?? '—', satisfaction: pct(f.satisfaction) } }]
        : [{ key: 'bulletin.service.none' }],
      tables: f.total
        ? [
            {
              caption: null,
              columns: [
                { label: 'bulletin.col.service', format: 'text' },
                { label: 'bulletin.col.applications', format: 'int' },
              ],
              rows: f.byService.map((r) => [r.label, r.count]),
            },
          ]
        : [],
    };
  },
};
