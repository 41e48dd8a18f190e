import { randomUUID } from 'node:crypto';
import type SQLite from 'better-sqlite3';

/**
 * Bulk-writes synthetic cases straight into a SQLite file, for benchmarks only: realistic spread
 * over units, areas, states and six months, but without going through the services (a million
 * registrations through HTTP would take longer than the measurement itself).
 */
export function generateCases(sqlite: SQLite.Database, count: number, now = new Date()): { count: number; seconds: number } {
  const started = performance.now();
  const units = sqlite.prepare("SELECT id, area_code FROM units WHERE is_active = 1").all() as { id: string; area_code: string }[];
  const villages = (sqlite.prepare("SELECT code FROM areas WHERE level IN ('village', 'grid')").all() as { code: string }[]).map((a) => a.code);
  const categories = (sqlite.prepare('SELECT code FROM categories WHERE parent_code IS NOT NULL').all() as { code: string }[]).map((c) => c.code);
  const user = (sqlite.prepare('SELECT user_id FROM user_roles LIMIT 1').get() as { user_id: string }).user_id;
  if (!units.length || !villages.length || !categories.length) throw new Error('seed the organisation first');

  const states = [
    ['closed', 62],
    ['handling', 10],
    ['assigned', 4],
    ['replied', 6],
    ['registered', 3],
    ['evaluated', 1],
    ['reopened', 1],
    ['not_accepted', 5],
    ['merged', 3],
    ['final', 1],
    ['reviewing', 2],
    ['rereviewing', 2],
  ] as const;
  const weighted = states.flatMap(([state, weight]) => Array<string>(weight).fill(state));
  const kinds = ['help', 'complaint', 'inquiry', 'suggestion', 'report', 'petition', 'praise'];
  const channels = ['phone', 'online', 'visit', 'letter', 'field', 'joint_office', 'leader_reception', 'transfer'];
  const titles = ['小区路灯损坏', '拖欠工资', '低保申请进度', '噪声扰民', '道路积水', '停水无通知', '宅基地纠纷', '医保报销咨询'];
  const day = localDay(now);

  const insert = sqlite.prepare(`INSERT INTO cases (id, code, channel, kind, category_code, title, content, requester_key, anonymous,
    people_count, area_code, urgency, public_consent, flag_collective, flag_repeat, flag_cross_level, flag_risk, flag_major,
    status, owner_level, registered_by, registered_unit_id, first_contact_user_id, current_unit_id, received_at, registered_at,
    dispatched_at, replied_at, closed_at, clock_started_at, current_due_at, due_level, escalation_level, return_count, reopen_count,
    dissatisfied_count, review_level, extension_days, version, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, 'normal', 0, 0, 0, 0, 0, 0, ?, 'unit', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', 0, 0, 0, 0, 0, 0, 1, ?)`);
  const sixMonths = 183 * 86_400_000;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const state = weighted[i % weighted.length];
      const unit = units[(i * 7919) % units.length];
      const registeredAt = new Date(now.getTime() - ((i * 2654435761) % sixMonths));
      const at = registeredAt.toISOString();
      const open = !['closed', 'not_accepted', 'merged', 'final'].includes(state);
      const assigned = state !== 'registered' && state !== 'not_accepted';
      const due = new Date(registeredAt.getTime() + 7 * 86_400_000).toISOString();
      insert.run(
        randomUUID(),
        `BX${day}-${String(i).padStart(7, '0')}`,
        channels[i % channels.length],
        kinds[i % kinds.length],
        categories[i % categories.length],
        titles[i % titles.length],
        `${titles[i % titles.length]}，请有关部门尽快处理。编号${i}`,
        `bench-requester-${i % 200_000}`,
        villages[(i * 31) % villages.length],
        state,
        user,
        unit.id,
        user,
        assigned ? unit.id : null,
        at,
        at,
        assigned ? at : null,
        ['replied', 'evaluated', 'closed', 'final'].includes(state) ? at : null,
        open ? null : at,
        at,
        open ? due : null,
        at,
      );
    }
  });
  for (let from = 0; from < count; from += 10_000) batch(from, Math.min(count, from + 10_000));
  sqlite.exec('ANALYZE');
  return { count, seconds: (performance.now() - started) / 1000 };
}

function localDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
