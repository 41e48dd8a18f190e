import { describe, expect, it } from 'vitest';
import { act, allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

// Friday 13 February 2026, 10:00 China time: the last working day before the Spring Festival
// holiday (15–23 February); Saturday 14 and Saturday 28 February are swapped working days.
const BEFORE_SPRING_FESTIVAL = new Date('2026-02-13T02:00:00.000Z');

const { ctx, boss } = suiteContext({ boss: allPowerful }, { start: BEFORE_SPRING_FESTIVAL });

describe('deadlines over the Spring Festival', () => {
  it('counts one working day to the swapped Saturday and moves a natural-day limit out of the holiday', async () => {
    const created = (await boss.post('/api/cases', caseInput())).json();
    expect(created.deadlines.intake).toBe('2026-02-14T15:59:59.999Z');
    const dispatched = await act(boss, created.id, 'dispatch', { unitId: ctx.org.units['u-civil'] });
    expect(dispatched.deadlines.accept).toBe('2026-02-14T15:59:59.999Z');
    // 7 natural days end on 20 February, inside the holiday: the limit ends with its first working day.
    expect(dispatched.deadlines.handle).toBe('2026-02-24T15:59:59.999Z');
  });

  it('gives a petition 15 days to decide on acceptance, ending on the swapped Saturday', async () => {
    const created = (await boss.post('/api/cases', caseInput({ kind: 'petition', channel: 'letter', petitionClass: 'appeal' }))).json();
    expect(created.deadlines.intake).toBe('2026-02-28T15:59:59.999Z');
  });

  it('gives online submissions two hours and critical matters two hours of handling', async () => {
    const online = (await boss.post('/api/cases', caseInput({ channel: 'online' }))).json();
    expect(online.deadlines.intake).toBe('2026-02-13T04:00:00.000Z');
    const critical = (await boss.post('/api/cases', caseInput({ urgency: 'critical', categoryCode: 'utilities.gas', title: '小区燃气泄漏', content: '楼道里燃气味很重，怀疑管道泄漏。' }))).json();
    const dispatched = await act(boss, critical.id, 'dispatch', { unitId: ctx.org.units['u-housing'] });
    expect(dispatched.deadlines.handle).toBe('2026-02-13T04:00:00.000Z');
  });
});

describe('the clock of a case', () => {
  it('turns yellow at 75% of the limit and red when overdue', async () => {
    const created = (await boss.post('/api/cases', caseInput({ channel: 'online' }))).json();
    expect(created.clock).toMatchObject({ level: 'normal', dueAt: '2026-02-13T04:00:00.000Z' });
    ctx.clock.advance(95 * 60_000);
    const yellow = (await boss.get(`/api/cases/${created.id}`)).json();
    expect(yellow.clock.level).toBe('yellow');
    ctx.clock.advance(30 * 60_000);
    const red = (await boss.get(`/api/cases/${created.id}`)).json();
    expect(red.clock.level).toBe('red');
    expect(red.clock.remainingMs).toBeLessThan(0);
    const overdue = (await boss.get('/api/cases?overdue=true&limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(overdue).toContain(created.id);
  });
});
