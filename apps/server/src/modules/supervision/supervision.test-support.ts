import { expect } from 'vitest';
import { act, actionBody } from '../../test/case-driver.js';
import type { Client, TestContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

const DAY = 86_400_000;

/** A case registered, dispatched to 民政局 (u-civil) and accepted by its handler. */
export async function handlingCase(ctx: TestContext, registrar: Client, dispatcher: Client, handler: Client, input: Record<string, unknown> = {}): Promise<{ id: string; code: string }> {
  const created = await registrar.post('/api/cases', caseInput(input));
  expect(created.statusCode, created.body).toBe(201);
  const { id, code } = created.json();
  await act(dispatcher, id, 'dispatch', actionBody(ctx, 'dispatch'));
  await act(handler, id, 'accept', {});
  return { id, code };
}

/** A response date `days` from the test clock's now. */
export const dueIn = (ctx: TestContext, days: number) => new Date(ctx.clock.now().getTime() + days * DAY).toISOString();

/** The internal notices of `template`, by recipient. */
export async function noticesOf(ctx: TestContext, template: string) {
  const rows = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'caseId', 'params']).where('template', '=', template).execute();
  return rows;
}

/** The event actions of a case's timeline. */
export async function timeline(client: Client, caseId: string): Promise<string[]> {
  const detail = await client.get(`/api/cases/${caseId}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return detail.json().events.map((e: { action: string }) => e.action);
}

export { DAY };
