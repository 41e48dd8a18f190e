import {
  type CaseAction,
  type CaseCreate,
  CaseCreateSchema,
  type CaseKind,
  type CaseState,
  type Channel,
  type Evaluation,
  type EvaluationResult,
  type LimitStage,
  type PetitionClass,
  addLocalDays,
  localDate,
  startOfLocalDay,
  TERMINAL_STATES,
  type Urgency,
  type WorkCalendar,
} from '@lianxin/core';
import type { AdjustableClock } from '../../../clock.js';
import { runTimeLimitSweep } from '../../../jobs/time-limit-sweep.js';
import type { Actor } from '../../../access/actor.js';
import { deliverOutbox } from '../../../modules/notifications/outbox-delivery.js';
import type { Services } from '../../../services.js';
import {
  CHANNEL_OPENINGS,
  CLOSE_AFTER_WINDOW_NOTES,
  CO_UNIT_NOTES,
  type CaseTemplate,
  DISPATCH_NOTES,
  DUPLICATE_OPENINGS,
  EVALUATION_COMMENTS,
  EXTENSION_APPROVALS,
  EXTENSION_REASONS,
  EXTENSION_REJECTIONS,
  NOT_ACCEPT_REASONS,
  REHANDLE_PREFIXES,
  REPEAT_ADDITIONS,
  RETURN_REASONS,
  REREVIEW_DECISIONS,
  REREVIEW_REASONS,
  REVIEW_DECISIONS,
  REVIEW_REASONS,
  RISK_SENTENCES,
  SUPERVISOR_CLOSE_NOTES,
  TEMPLATES,
  type UnitRef,
} from './content.js';
import { DEMO_UNITS, DEMO_USERS, DEPARTMENTS, type DeptKey, TOWNSHIPS, type TownshipDef, unitIdOfDept, unitIdOfTownship, unitIdOfVillage, userIdOf, type VillageDef } from './org.js';
import { demoActor } from './actors.js';
import { createPeople, type PeopleFactory, type Person } from './people.js';
import { createRng, type Rng } from './random.js';
import { createSlots, type Slots } from './slots.js';
import { createTiming, DAY, HOUR, MINUTE } from './timing.js';

/**
 * Six months of cases in 青溪县, driven through the real cases service on an adjustable clock.
 *
 * 1. Every case gets the state it should end in (a quota guarantees each state of the lifecycle)
 *    and a rough registration time.
 * 2. In order of time, each case gets its shape (matter, village, resident, channel, who
 *    registers, dispatches, handles …) and a script: the actions with their instants, following
 *    office hours and the configured time limits. Cases that must still be open when the seed
 *    ends are anchored near "now"; closed ones may lie anywhere in the six months.
 * 3. All scripts are merged into one timeline and played: the clock is set to each instant and the
 *    action goes through `services.cases` (register, act, evaluateByToken). The time-limit sweep
 *    and the SMS outbox delivery run through the simulated days, as the server's jobs would.
 */

type Body = Record<string, unknown>;
type StepOp =
  | { op: 'register' }
  | { op: 'act'; user: string; action: CaseAction; body: () => Body | Promise<Body> }
  | { op: 'evaluate'; evaluation: Evaluation };

interface Step {
  at: number;
  plan: Plan;
  order: number;
  op: StepOp;
}

interface ResolvedUnit {
  id: string;
  name: string;
  handler: string;
  head: string | null;
}

type Special = 'fresh' | 'repeat' | 'duplicate';

interface Plan {
  index: number;
  rng: Rng;
  target: CaseState;
  special: Special;
  provisionalAt: number;
  /** Chosen to carry extreme-risk words (so that every demo has some). */
  forceRisk: boolean;

  template: CaseTemplate;
  kind: CaseKind;
  petitionClass?: PetitionClass;
  channel: Channel;
  urgency: Urgency;
  village: VillageDef;
  township: TownshipDef;
  areaCode: string;
  lat: number;
  lng: number;
  person: Person | null;
  usePhone: boolean;
  useId: boolean;
  peopleCount: number;
  registrar: string;
  dispatcher: string;
  unit: ResolvedUnit;
  worker: string;
  approver: string;
  callbackUser: string;
  closer: string;

  onSpot: boolean;
  risk: boolean;
  major: boolean;
  crossLevel: boolean;
  publicConsent: boolean;
  leader: { user: string; by: string } | null;
  returned: { unit: ResolvedUnit; unjustified: boolean } | null;
  coUnits: ResolvedUnit[];
  extension: 'pending' | 'approved' | 'rejected' | null;
  extensionDays: number;
  lateAccept: boolean;
  lateReply: boolean;
  overdue: boolean;
  /** 0: no dissatisfaction; 1: dissatisfied once, then re-handled; 2: dissatisfied twice. */
  reopen: 0 | 1 | 2;
  /** 0: none; 1: 复查; 2: 复查 and 复核. */
  review: 0 | 1 | 2;
  mergeStage: 'registered' | 'assigned';
  solved: boolean;
  evaluation: { first: EvaluationResult; method: 'link' | 'callback' | 'window'; second: EvaluationResult; secondMethod: 'link' | 'callback' };

  repeatOf: Plan | null;
  mergeInto: Plan | null;

  slots: Slots | null;
  texts: { variant: number; title: string; content: string; body: string; address: string; reply: string; rehandle: string; answer: string; representatives: string | null };
  steps: Step[];
  regAt: number;
  terminalAt: number | null;
  expected: CaseState;
  caseId?: string;
}

const OPEN_TARGETS = new Set<CaseState>(['registered', 'assigned', 'handling', 'replied', 'evaluated', 'reopened', 'reviewing', 'rereviewing']);
const TERMINAL = new Set<CaseState>(TERMINAL_STATES);
const PETITION_ONLY = new Set<CaseState>(['reviewing', 'rereviewing', 'final']);

/** Shares of the states the cases end in; 'closed' takes the rest. */
const STATE_SHARES: ReadonlyArray<[CaseState, number]> = [
  ['registered', 0.015],
  ['assigned', 0.022],
  ['handling', 0.06],
  ['replied', 0.04],
  ['evaluated', 0.01],
  ['reopened', 0.012],
  ['not_accepted', 0.035],
  ['merged', 0.03],
  ['reviewing', 0.01],
  ['rereviewing', 0.008],
  ['final', 0.012],
];
const MIN_PER_STATE = 3;

const CHANNELS_BY_KIND: Readonly<Record<CaseKind, Partial<Record<Channel, number>>>> = {
  inquiry: { phone: 45, online: 25, visit: 18, joint_office: 12 },
  help: { phone: 25, visit: 22, field: 20, online: 10, joint_office: 12, letter: 3, transfer: 5, leader_reception: 3 },
  complaint: { phone: 34, online: 20, visit: 14, field: 8, transfer: 12, letter: 4, joint_office: 5, leader_reception: 3 },
  report: { phone: 25, online: 30, letter: 20, visit: 10, transfer: 15 },
  suggestion: { online: 40, phone: 20, joint_office: 20, visit: 10, letter: 10 },
  praise: { phone: 50, online: 20, visit: 20, letter: 10 },
  petition: { visit: 38, letter: 20, online: 12, leader_reception: 15, transfer: 10, phone: 5 },
};

/** Units a dispatcher plausibly mistakes for the right one (they return the case). */
const CONFUSED_WITH: Readonly<Partial<Record<UnitRef, readonly UnitRef[]>>> = {
  zhujian: ['jiaotong', 'chengguanju'],
  jiaotong: ['zhujian'],
  chengguanju: ['zhujian', 'shengtai'],
  shengtai: ['chengguanju', 'zhujian'],
  ziran: ['nongye'],
  nongye: ['ziran', 'shuili'],
  shuili: ['nongye'],
  renshe: ['zhujian'],
  minzheng: ['renshe'],
  yibao: ['weijian'],
  weijian: ['yibao'],
  jiaoyu: ['renshe'],
  gongan: ['chengguanju'],
  gongdian: ['zhujian'],
  zilaishui: ['zhujian'],
  jiwei: ['town'],
  town: ['nongye', 'sifa'],
  village: ['sifa'],
};

const UNJUSTIFIED_RETURN_REASONS = ['本单位近期工作任务重，人手不足，申请退回。', '该事项情况复杂，建议由其他部门牵头办理。'];
const COUNTY_DESKS = new Set(['registrar', 'hotline', 'dispatcher', 'xinfang', 'leader', 'leader2']);
const VILLAGES = TOWNSHIPS.flatMap((t) => t.villages.map((v) => ({ village: v, township: t })));
const UNIT_NAMES = new Map(DEMO_UNITS.map((u) => [u.id, u.name]));

export interface SeedCasesOptions {
  services: Services;
  clock: AdjustableClock;
  caseCount: number;
  seed: number;
  /** The real "now": nothing happens after it. */
  end: number;
  /** How far back the cases go. */
  days: number;
  /** Run the time-limit sweep and the SMS delivery along the way (default true). */
  jobs?: boolean;
  log?: (message: string) => void;
}

export interface SeedCasesResult {
  cases: number;
  steps: number;
}

export async function seedCases(options: SeedCasesOptions): Promise<SeedCasesResult> {
  const { services, clock, caseCount, end } = options;
  const start = end - options.days * DAY;
  const root = createRng(options.seed);
  const calendar = await services.deadlines.calendar();
  const people = createPeople(root.fork('people'), Number(new Date(end).toISOString().slice(0, 4)));
  const actors = buildActors();

  // 1. Targets and rough times; a few cases are sure to carry extreme-risk words.
  const targets = targetsFor(caseCount, root.fork('targets'));
  const riskCandidates = targets.map((t, i) => [t, i] as const).filter(([t]) => t === 'closed' || t === 'handling').map(([, i]) => i);
  const forcedRisk = new Set(root.fork('risk').shuffle(riskCandidates).slice(0, Math.max(2, Math.round(caseCount * 0.006))));
  const plans: Plan[] = targets.map((target, index) => {
    const rng = root.fork(`case:${index}`);
    const r = rng.fork('phase1');
    const special: Special = target === 'merged' ? 'duplicate' : !PETITION_ONLY.has(target) && r.chance(0.045) ? 'repeat' : 'fresh';
    const provisionalAt = OPEN_TARGETS.has(target)
      ? end - r.float(0, 12) * DAY
      : special === 'duplicate'
        ? start + 5 * DAY + r.next() * (end - start - 8 * DAY)
        : start + r.next() * (end - start - 2 * DAY);
    return { index, rng, target, special: forcedRisk.has(index) ? 'fresh' : special, provisionalAt, forceRisk: forcedRisk.has(index) } as Plan;
  });

  // 2. Shapes and scripts, in order of time (repeats refer to earlier cases); duplicates last, as
  //    they need the case they duplicate to be placed already.
  const env: Env = { services, calendar, start, end };
  const placed: Plan[] = [];
  const order = [...plans].sort((a, b) => Number(a.special === 'duplicate') - Number(b.special === 'duplicate') || a.provisionalAt - b.provisionalAt || a.index - b.index);
  for (const p of order) {
    if (p.special === 'duplicate') await placeDuplicate(env, p, placed, people);
    else if (p.special === 'repeat') await placeRepeat(env, p, placed, people);
    else {
      shapeFresh(p, people);
      await place(env, p);
    }
    writeTexts(p);
    placed.push(p);
  }
  options.log?.(`planned ${plans.length} cases`);

  // 3. One timeline, played through the services.
  const steps = plans.flatMap((p) => p.steps).sort((a, b) => a.at - b.at || a.plan.index - b.plan.index || a.order - b.order);
  const runJobs = options.jobs ?? true;
  const jobTimes = runJobs && steps.length ? jobSchedule(steps[0].at, end) : [];
  let nextJob = 0;
  let jobsMs = 0;
  const jobs = async (at: number) => {
    const started = performance.now();
    clock.set(new Date(at));
    await runTimeLimitSweep(services, new Date(at));
    await deliverOutbox({ db: services.db, cipher: services.cipher, clock, smsGateway: services.smsGateway }, 1000);
    jobsMs += performance.now() - started;
  };
  let done = 0;
  for (const step of steps) {
    for (; nextJob < jobTimes.length && jobTimes[nextJob] <= step.at; nextJob++) await jobs(jobTimes[nextJob]);
    clock.set(new Date(step.at));
    try {
      await play(services, actors, step);
    } catch (error) {
      const what = step.op.op === 'act' ? `${step.op.action} by ${step.op.user}` : step.op.op;
      throw new Error(
        `demo case #${step.plan.index} (${step.plan.template.key}, ${step.plan.kind}, to end ${step.plan.target}): step ${step.order} ${what} at ${new Date(step.at).toISOString()} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (++done % 2000 === 0) options.log?.(`played ${done}/${steps.length} steps`);
  }
  if (runJobs) await jobs(end - MINUTE);
  clock.set(new Date(end));

  options.log?.(`played ${steps.length} steps; ${jobTimes.length} job runs took ${(jobsMs / 1000).toFixed(1)} s`);
  await verify(services, plans);
  return { cases: plans.length, steps: steps.length };
}

/**
 * When the simulated server runs its jobs (time-limit sweep, SMS delivery): every two hours of the
 * office day and once late in the evening. The real server runs them every minute; this keeps the
 * history's escalations and deliveries within hours of when they were due, at a fraction of the cost.
 */
const JOB_HOURS = [8, 10, 12, 14, 16, 18, 22];
function jobSchedule(from: number, end: number): number[] {
  const times: number[] = [];
  for (let day = localDate(new Date(from)); startOfLocalDay(day).getTime() < end; day = addLocalDays(day, 1)) {
    for (const hour of JOB_HOURS) {
      const at = startOfLocalDay(day).getTime() + hour * HOUR;
      if (at > from && at < end) times.push(at);
    }
  }
  return times;
}

// ───────────────────────────── planning ─────────────────────────────

function targetsFor(n: number, rng: Rng): CaseState[] {
  const list: CaseState[] = [];
  for (const [state, share] of STATE_SHARES) for (let k = Math.max(MIN_PER_STATE, Math.round(n * share)); k > 0; k--) list.push(state);
  if (list.length + MIN_PER_STATE > n) throw new Error(`at least ${list.length + MIN_PER_STATE} cases are needed to show every state`);
  while (list.length < n) list.push('closed');
  return rng.shuffle(list);
}

function pickBy<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let roll = rng.next() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1];
}

function resolveUnit(ref: UnitRef, village: VillageDef, township: TownshipDef): ResolvedUnit {
  if (ref === 'town') return { id: unitIdOfTownship(township.code), name: township.unitName, handler: township.staff.handler, head: township.staff.head };
  if (ref === 'village') return { id: unitIdOfVillage(village.code), name: UNIT_NAMES.get(unitIdOfVillage(village.code))!, handler: village.cadre.username, head: null };
  const d = DEPARTMENTS.find((x) => x.key === ref)!;
  return { id: unitIdOfDept(ref as DeptKey), name: d.name, handler: d.handler[0], head: d.head[0] };
}

function chooseTemplate(r: Rng, target: CaseState, risk = false): CaseTemplate {
  let pool: readonly CaseTemplate[] = risk ? TEMPLATES.filter((t) => t.risk) : TEMPLATES;
  if (PETITION_ONLY.has(target)) pool = pool.filter((t) => t.kind === 'petition');
  else if (target === 'not_accepted') pool = pool.filter((t) => ['petition', 'complaint', 'report', 'help'].includes(t.kind));
  else if (target === 'reopened' || target === 'evaluated') pool = pool.filter((t) => ['complaint', 'help', 'petition', 'report'].includes(t.kind));
  // Praise is passed on and answered at once; it does not sit in a unit's queue.
  else if (target === 'assigned' || target === 'handling') pool = pool.filter((t) => t.kind !== 'praise');
  return pickBy(r, pool, (t) => t.weight * KIND_MIX[t.kind]);
}

/**
 * Tilts the template weights towards the usual mix of a county ledger: about a third complaints,
 * a fifth requests for help, one in seven inquiries and one in seven petitions.
 */
const KIND_MIX: Readonly<Record<CaseKind, number>> = { complaint: 0.72, help: 0.95, report: 0.8, inquiry: 1.35, suggestion: 1.3, petition: 1.6, praise: 1.1 };

function chooseVillage(r: Rng, template: CaseTemplate) {
  const pool = VILLAGES.filter(({ village }) => !template.where || (template.where === 'urban') === village.urban);
  return r.pick(pool);
}

/** Where the matter is: the village (or one of its grids), or the township for township-wide matters. */
function locate(p: Plan, r: Rng) {
  const { village: v, township: t } = p;
  if (p.template.level === 'township') {
    p.areaCode = t.code;
    p.lat = t.lat + r.float(-0.002, 0.002);
    p.lng = t.lng + r.float(-0.002, 0.002);
  } else if (v.grids && r.chance(0.6)) {
    const grid = r.pick(v.grids);
    p.areaCode = grid.code;
    p.lat = grid.lat + r.float(-0.0012, 0.0012);
    p.lng = grid.lng + r.float(-0.0012, 0.0012);
  } else {
    p.areaCode = v.code;
    p.lat = v.lat + r.float(-0.004, 0.004);
    p.lng = v.lng + r.float(-0.005, 0.005);
  }
  p.lat = Number(p.lat.toFixed(6));
  p.lng = Number(p.lng.toFixed(6));
}

function chooseChannel(r: Rng, p: Plan): Channel {
  const weights = { ...CHANNELS_BY_KIND[p.kind] };
  if (p.areaCode === p.township.code) delete weights.field;
  // Joint office days (Mondays) and leader reception days (Thursdays) lie days back: a case that
  // is meant to be recent and on time did not come in that way.
  if (OPEN_TARGETS.has(p.target) && !p.overdue && ['registered', 'assigned', 'reopened'].includes(p.target)) {
    delete weights.joint_office;
    delete weights.leader_reception;
  }
  return r.weighted(weights as Record<Channel, number>);
}

function chooseRegistrar(r: Rng, p: Plan): string {
  const desk = p.township.staff.desk;
  const cadre = p.village.cadre.username;
  const townshipLevel = p.areaCode === p.township.code;
  const by = (weights: Record<string, number>) => r.weighted(weights);
  switch (p.channel) {
    case 'phone':
    case 'online':
      return 'hotline';
    case 'transfer':
      return r.chance(0.5) ? 'hotline' : 'dispatcher';
    case 'letter':
      return by({ xinfang: 55, registrar: 15, [desk]: 30 });
    case 'visit':
      if (p.kind === 'petition') return by({ [desk]: 70, registrar: 15, xinfang: 15 });
      return townshipLevel ? by({ registrar: 55, [desk]: 45 }) : by({ registrar: 45, [desk]: 35, [cadre]: 20 });
    case 'proactive': // never planned by the demo: proactive tasks come from alerts
    case 'field':
      if (townshipLevel) return desk;
      if (p.village.code === '369901100202' && r.chance(0.6)) return 'cadre';
      return r.chance(0.85) ? cadre : desk;
    case 'joint_office':
      return townshipLevel || r.chance(0.4) ? desk : cadre;
    case 'leader_reception':
      return r.chance(0.6) ? 'leader' : 'leader2';
  }
}

/** Registrars who may also close on the spot (registrar or dispatcher role over the area). */
const canResolveOnSpot = (registrar: string) => !['leader', 'leader2', 'cadre'].includes(registrar);

/** The case's matter is chosen here; everything else follows from it (assignRoles, assignFeatures). */
function shapeFresh(p: Plan, people: PeopleFactory) {
  const r = p.rng.fork('shape');
  p.template = chooseTemplate(r, p.target, p.forceRisk);
  const { village, township } = chooseVillage(r, p.template);
  p.village = village;
  p.township = township;
  p.kind = p.template.kind;
  p.petitionClass = p.template.petitionClass;
  locate(p, r);
  p.overdue = r.chance(0.2);
  p.channel = chooseChannel(r, p);
  // Only matters that can hurt someone now are urgent; petitions, inquiries, praise and suggestions never are.
  p.urgency = ['complaint', 'help', 'report'].includes(p.kind) ? r.weighted(toUrgencyWeights(p.template.urgency ?? [0.94, 0.05, 0.01])) : 'normal';
  const collective = p.template.collective && r.chance(p.template.collective.rate) ? p.template.collective : null;
  p.peopleCount = collective ? r.int(collective.min, collective.max) : r.chance(0.1) ? r.int(2, 3) : 1;
  const mustBeReachable = p.target === 'reopened' || p.target === 'evaluated';
  const anonymous = !collective && !mustBeReachable && r.chance(p.template.anonymousRate ?? 0.02);
  p.person = anonymous ? null : people.person();
  p.usePhone = !anonymous && (p.channel !== 'letter' || mustBeReachable || r.chance(0.6));
  p.useId = !anonymous && (!p.usePhone ? r.chance(0.7) : r.chance(0.28));
  p.repeatOf = null;
  p.mergeInto = null;
  assignRoles(p, r);
  assignFeatures(p, r);
}

function toUrgencyWeights([normal, urgent, critical]: readonly [number, number, number]): Record<Urgency, number> {
  return { normal, urgent, critical };
}

function assignRoles(p: Plan, r: Rng) {
  p.registrar = chooseRegistrar(r, p);
  p.unit = resolveUnit(p.template.unit, p.village, p.township);
  const desk = p.township.staff.desk;
  if (p.template.unit === 'town' || p.template.unit === 'village') p.dispatcher = r.chance(0.75) ? desk : 'dispatcher';
  else p.dispatcher = p.registrar === desk && r.chance(0.4) ? desk : 'dispatcher';
  p.crossLevel = p.channel === 'transfer' && r.chance(0.12);
  const autoCrossLevel =
    p.kind === 'petition' && COUNTY_DESKS.has(p.registrar) && p.areaCode.slice(6, 9) !== '000' && (p.channel === 'visit' || p.channel === 'letter') && !p.repeatOf;
  const ownerHead = p.peopleCount >= 5 || p.repeatOf !== null || p.crossLevel || autoCrossLevel;
  p.worker = ownerHead && p.unit.head && r.chance(0.7) ? p.unit.head : p.unit.handler;
  p.approver = p.unit.head ?? 'supervisor';
  // 回访: the first-contact registrar calls back, or the hotline's call-back desk.
  const canCallBack = p.registrar !== 'cadre' && !p.registrar.startsWith('leader');
  p.callbackUser = canCallBack && r.chance(0.35) ? p.registrar : 'hotline';
  p.closer = r.chance(0.7) ? 'dispatcher' : p.dispatcher;
}

function assignFeatures(p: Plan, r: Rng) {
  const t = p.target;
  const reachable = p.person !== null;
  const dayLimits = p.urgency === 'normal' && p.template.category.split('.')[0] !== 'utilities';
  p.onSpot = t === 'closed' && p.repeatOf === null && !!p.template.answers?.length && canResolveOnSpot(p.registrar) && r.chance(({ inquiry: 0.75, praise: 0.55, suggestion: 0.3, help: 0.15 } as Record<string, number>)[p.kind] ?? 0);
  p.risk = !!p.template.risk && (p.forceRisk || r.chance(0.06));
  const leaderEligible = !p.onSpot && t !== 'not_accepted' && t !== 'merged';
  const wantsLeader = p.risk || (p.peopleCount >= 5 && r.chance(0.6)) || (p.kind === 'petition' && r.chance(0.12)) || (p.channel === 'leader_reception' && r.chance(0.6));
  p.leader = leaderEligible && wantsLeader ? (p.channel === 'leader_reception' ? { user: p.registrar, by: p.registrar } : { user: r.pick(['leader', 'leader2']), by: r.chance(0.7) ? 'dispatcher' : 'supervisor' }) : null;
  p.major = p.leader !== null && r.chance(0.3);
  p.publicConsent = r.chance(0.4);

  const dispatched = !p.onSpot && !['registered', 'not_accepted'].includes(t) && !(t === 'merged');
  p.returned = null;
  if (dispatched && r.chance(0.055)) {
    const unjustified = r.chance(0.25);
    const confused = (CONFUSED_WITH[p.template.unit] ?? ['town']).filter((ref) => resolveUnit(ref, p.village, p.township).id !== p.unit.id);
    const wrong = unjustified || confused.length === 0 ? p.unit : resolveUnit(r.pick(confused), p.village, p.township);
    p.returned = { unit: wrong, unjustified: wrong.id === p.unit.id };
  }
  const handles = dispatched && t !== 'assigned';
  p.coUnits = [];
  if (handles && p.template.coUnits?.length && r.chance(p.peopleCount >= 5 ? 0.6 : 0.25)) {
    const refs = r.shuffle(p.template.coUnits).slice(0, r.chance(0.2) ? 2 : 1);
    p.coUnits = refs.map((ref) => resolveUnit(ref, p.village, p.township)).filter((u) => u.id !== p.unit.id);
  }
  p.review = t === 'reviewing' ? 1 : t === 'rereviewing' || t === 'final' ? 2 : t === 'closed' && p.kind === 'petition' && r.chance(0.15) ? 1 : 0;
  p.extension = null;
  if (handles && dayLimits && p.review === 0 && ['complaint', 'help', 'report', 'petition'].includes(p.kind)) {
    if (t === 'handling' && r.chance(0.3)) p.extension = r.weighted({ pending: 5, approved: 4, rejected: 1 });
    else if (t !== 'handling' && r.chance(0.06)) p.extension = r.weighted({ approved: 8, rejected: 2 });
  }
  p.extensionDays = p.kind === 'petition' ? r.int(10, 30) : r.int(3, 7);
  p.lateAccept = p.urgency === 'normal' && r.chance(0.05);
  p.lateReply = p.extension !== 'approved' && p.review === 0 && r.chance(0.09);
  const disputable = ['complaint', 'help', 'report', 'petition'].includes(p.kind);
  p.reopen = t === 'reopened' ? 1 : t === 'evaluated' ? 2 : t === 'closed' && disputable && reachable && !p.onSpot && p.review === 0 && r.chance(0.07) ? (r.chance(0.25) ? 2 : 1) : 0;
  p.mergeStage = r.chance(0.7) ? 'registered' : 'assigned';
  p.solved = p.template.partial?.length ? r.chance(0.82) : true;
  const canLink = reachable && p.usePhone;
  const good = (): EvaluationResult => (p.solved ? (r.chance(0.76) ? 'satisfied' : 'basically_satisfied') : r.chance(0.25) ? 'satisfied' : 'basically_satisfied');
  p.evaluation = {
    first: p.reopen > 0 ? 'dissatisfied' : good(),
    method: p.reopen > 0 ? (canLink && r.chance(0.6) ? 'link' : 'callback') : canLink ? r.weighted({ link: 50, callback: 38, window: 12 }) : reachable ? r.weighted({ callback: 65, window: 35 }) : 'window',
    second: p.reopen === 2 ? 'dissatisfied' : r.chance(0.6) ? 'satisfied' : 'basically_satisfied',
    secondMethod: canLink && r.chance(0.55) ? 'link' : 'callback',
  };
}

/** A resident raising again a matter of theirs (重复访): same person, same matter, new channel. */
async function placeRepeat(env: Env, p: Plan, placed: Plan[], people: PeopleFactory) {
  const r = p.rng.fork('repeat');
  const candidates = placed.filter(
    (o) =>
      o.person && o.usePhone && o.special !== 'duplicate' && ['help', 'complaint', 'report', 'petition'].includes(o.kind) && o.regAt < p.provisionalAt - 3 * DAY && o.regAt > p.provisionalAt - 170 * DAY,
  );
  for (const original of r.shuffle(candidates).slice(0, 6)) {
    copyMatter(p, original);
    p.person = original.person;
    p.usePhone = true;
    p.useId = original.useId;
    p.peopleCount = original.peopleCount;
    p.repeatOf = original;
    p.overdue = r.chance(0.2);
    p.channel = chooseChannel(r, p);
    assignRoles(p, r);
    assignFeatures(p, r);
    await place(env, p);
    if (p.regAt > original.regAt + DAY) return;
  }
  // No earlier matter fits the time this case ended up at: it becomes a first-time matter.
  p.special = 'fresh';
  shapeFresh(p, people);
  await place(env, p);
}

/** A neighbour raising a matter already registered (the dispatcher merges it). */
async function placeDuplicate(env: Env, p: Plan, placed: Plan[], people: PeopleFactory) {
  const r = p.rng.fork('duplicate');
  const open = (o: Plan, at: number) => o.terminalAt === null || o.terminalAt > at + 30 * MINUTE;
  const mergeable = placed.filter((o) => o.special !== 'duplicate' && !o.onSpot);
  // Cases registered shortly before this one and still open when it comes in …
  let choices = mergeable
    .filter((o) => o.regAt < p.provisionalAt - HOUR && open(o, p.provisionalAt + 2 * DAY))
    .sort((a, b) => b.regAt - a.regAt)
    .slice(0, 40)
    .map((target) => ({ target, at: p.provisionalAt }));
  // … or, in a small demo with few such cases, a case that stays open a while, with this one in that window.
  if (choices.length === 0) {
    const windowOf = (o: Plan) => (o.terminalAt ?? env.end) - o.regAt;
    choices = r
      .shuffle(mergeable.filter((o) => windowOf(o) > 12 * HOUR))
      .slice(0, 10)
      .map((target) => ({ target, at: target.regAt + windowOf(target) * r.float(0.05, 0.3) }));
  }
  for (const { target, at } of choices) {
    p.provisionalAt = at;
    copyMatter(p, target);
    p.person = r.chance(0.1) ? null : people.person();
    p.usePhone = p.person !== null;
    p.useId = p.person !== null && r.chance(0.25);
    p.peopleCount = 1;
    p.repeatOf = null;
    p.mergeInto = target;
    p.overdue = r.chance(0.2);
    p.channel = chooseChannel(r, p);
    assignRoles(p, r);
    assignFeatures(p, r);
    await place(env, p);
    const mergeAt = p.steps[p.steps.length - 1].at;
    if (target.regAt < p.regAt - 10 * MINUTE && open(target, mergeAt)) return;
  }
  throw new Error(`demo case #${p.index}: no open case to merge into around ${new Date(p.provisionalAt).toISOString()}`);
}

function copyMatter(p: Plan, from: Plan) {
  p.template = from.template;
  p.kind = from.kind;
  p.petitionClass = from.petitionClass;
  p.village = from.village;
  p.township = from.township;
  p.areaCode = from.areaCode;
  p.lat = from.lat;
  p.lng = from.lng;
  p.urgency = from.urgency;
}

// ───────────────────────────── scripts ─────────────────────────────

interface Env {
  services: Services;
  calendar: WorkCalendar;
  start: number;
  end: number;
}

const subjectOf = (p: Plan) => ({ kind: p.kind, urgency: p.urgency, channel: p.channel, categoryCode: p.template.category });

async function dueAt(env: Env, stage: LimitStage, p: Plan, from: number): Promise<number> {
  const due = await env.services.deadlines.deadline(stage, subjectOf(p), new Date(from));
  if (!due) throw new Error(`no time-limit rule for ${stage}`);
  return new Date(due.dueAt).getTime();
}

async function handleLimitMs(env: Env, p: Plan): Promise<number> {
  const rule = await env.services.deadlines.rule('handle', subjectOf(p));
  if (!rule) return 7 * DAY;
  return rule.unit === 'hours' ? rule.amount * HOUR : rule.unit === 'natural_days' ? rule.amount * DAY : rule.amount * 1.4 * DAY;
}

/**
 * Where a case that stays open sits in time: how long before "now" its anchor step happened — the
 * dispatch for cases being handled (their clock runs from it), else the last step.
 */
async function anchorFor(env: Env, p: Plan): Promise<{ gap: number; step: 'dispatch' | 'last' }> {
  const r = p.rng.fork('gap');
  const last = (gap: number) => ({ gap, step: 'last' as const });
  switch (p.target) {
    case 'registered':
      return last(p.kind === 'petition' ? r.float(1, 9) * DAY : p.overdue ? r.float(30, 80) * HOUR : r.float(0.2, 4) * HOUR);
    case 'assigned':
      return last(p.overdue ? r.float(30, 100) * HOUR : r.float(0.3, 6) * HOUR);
    case 'handling': {
      const limit = await handleLimitMs(env, p);
      // An extension is asked for when the deadline nears.
      const share = p.overdue ? r.float(1.1, 2.2) : p.extension ? r.float(0.8, 0.97) : r.float(0.15, 0.85);
      return { gap: limit * share, step: 'dispatch' };
    }
    case 'replied':
      return last(r.chance(0.2) ? r.float(7.5, 14) * DAY : r.float(0.3, 6) * DAY);
    case 'reopened':
      return last(p.overdue ? r.float(2, 5) * DAY : r.float(0.5, 20) * HOUR);
    case 'evaluated':
      return last(r.float(1, 12) * DAY);
    default:
      return last(p.overdue ? r.float(31, 40) * DAY : r.float(2, 25) * DAY);
  }
}

/**
 * Builds the script from a registration time, and moves that time until the script fits before
 * "now". A case that must still be open at the end is anchored so that its last step happened
 * `anchorFor` before now: the latest registration time whose script ends by then (bisection; office
 * hours make the end of a script a step function of its start).
 */
async function place(env: Env, p: Plan) {
  const lastOf = () => p.steps[p.steps.length - 1].at;
  let t0 = p.provisionalAt;
  if (OPEN_TARGETS.has(p.target)) {
    const anchor = await anchorFor(env, p);
    const desired = env.end - anchor.gap;
    const anchorOf = () => (anchor.step === 'last' ? lastOf() : p.steps.filter((s) => s.op.op === 'act' && s.op.action === 'dispatch').at(-1)!.at);
    let lo = Math.max(env.start, desired - 170 * DAY);
    let hi = desired;
    for (let i = 0; i < 18 && hi - lo > 5 * MINUTE; i++) {
      const mid = (lo + hi) / 2;
      await buildScript(env, p, mid);
      if (anchorOf() <= desired && lastOf() <= env.end - 5 * MINUTE) lo = mid;
      else hi = mid;
    }
    t0 = lo;
  }
  await buildScript(env, p, t0);
  // Still too late (office hours pushed a step past "now"): move earlier.
  const r = p.rng.fork('fit');
  for (let i = 0; i < 16 && lastOf() > env.end - 5 * MINUTE; i++) {
    t0 = Math.max(env.start, t0 - (lastOf() - env.end) - r.float(0.05, OPEN_TARGETS.has(p.target) ? 0.4 : 6) * DAY);
    await buildScript(env, p, t0);
  }
  if (lastOf() > env.end - MINUTE) throw new Error(`demo case #${p.index} (${p.template.key} → ${p.target}) does not fit in the period`);
}

async function buildScript(env: Env, p: Plan, t0: number): Promise<void> {
  // Delays and office-hour jitter come from separate streams, so a script started later never
  // ends earlier (place() relies on that to anchor open cases near "now").
  const r = p.rng.fork('script');
  const timing = createTiming(env.calendar, p.rng.fork('jitter'));
  const steps: Step[] = [];
  let t = t0;
  let state: CaseState = 'registered';
  let terminalAt: number | null = null;
  const push = (op: StepOp, to: CaseState) => {
    // Whole seconds: the stored times then read the same in every run with the same seed.
    t = Math.floor(t / 1000) * 1000;
    steps.push({ at: t, plan: p, order: steps.length, op });
    state = to;
    if (terminalAt === null && TERMINAL.has(to)) terminalAt = t;
  };
  const advance = (next: number) => {
    t = Math.max(next, t + r.int(1, 4) * MINUTE);
  };
  const work = (minH: number, maxH: number) => advance(timing.work(t + r.float(minH, maxH) * HOUR));
  const awake = (minH: number, maxH: number) => advance(timing.awake(t + r.float(minH, maxH) * HOUR));
  const any = (minH: number, maxH: number) => advance(t + r.float(minH, maxH) * HOUR);
  const act = (user: string, action: CaseAction, body: () => Body | Promise<Body>, to: CaseState) => push({ op: 'act', user, action, body }, to);
  const finish = () => {
    p.steps = steps;
    p.regAt = steps[0].at;
    p.terminalAt = terminalAt;
    p.expected = state;
  };

  const fast = p.urgency !== 'normal';
  // Emergencies and water/power/gas (24-hour limits) are dispatched and handled round the clock.
  const hoursLimit = fast || p.template.category.startsWith('utilities');

  // 登记
  t = registrationTime(p, t0, timing, r, env.start);
  push({ op: 'register' }, p.onSpot ? 'closed' : 'registered');
  if (p.onSpot) return finish();

  const leaderStep = () => {
    if (!p.leader) return;
    const leaderUserId = userIdOf(p.leader.user);
    act(p.leader.by, 'assign_leader', () => ({ leaderUserId }), state);
  };

  if (p.target === 'registered') {
    if (p.leader && r.chance(0.5)) {
      work(0.1, 2);
      leaderStep();
    }
    return finish();
  }
  if (p.target === 'not_accepted') {
    if (p.kind === 'petition') work(24, 240);
    else work(0.5, 20);
    const reason = r.pick(p.kind === 'petition' ? NOT_ACCEPT_REASONS.petition : NOT_ACCEPT_REASONS.other);
    act(p.dispatcher, 'not_accept', () => ({ reason }), 'not_accepted');
    return finish();
  }
  const mergeStep = () => act('dispatcher', 'merge', () => ({ intoCaseId: p.mergeInto!.caseId }), 'merged');
  if (p.target === 'merged' && p.mergeStage === 'registered') {
    work(0.3, 10);
    mergeStep();
    return finish();
  }

  // 交办 (with a return 退单 first, sometimes)
  const dispatchDelay = () => {
    if (p.urgency === 'critical') any(0.05, 0.25);
    else if (p.urgency === 'urgent') any(0.1, 1.2);
    else if (p.kind === 'petition') work(20, 160);
    else if (p.channel === 'online' || hoursLimit) awake(0.2, 1.6);
    else work(0.3, 6);
  };
  const dispatchNote = r.chance(0.3) ? r.pick(DISPATCH_NOTES) : undefined;
  dispatchDelay();
  if (p.returned) {
    const wrong = p.returned.unit;
    act(p.dispatcher, 'dispatch', () => ({ unitId: wrong.id, note: dispatchNote }), 'assigned');
    if (fast) any(0.2, 2);
    else work(1, 20);
    const reason = p.returned.unjustified ? r.pick(UNJUSTIFIED_RETURN_REASONS) : r.pick(RETURN_REASONS).replaceAll('{right}', p.unit.name);
    act(wrong.handler, 'return', () => ({ reason }), 'registered');
    if (fast) any(0.1, 1);
    else work(0.3, 4);
  }
  const handlerUserId = p.worker === p.unit.handler && r.chance(p.template.unit === 'village' ? 0.6 : 0.2) ? userIdOf(p.unit.handler) : undefined;
  const unjustified = p.returned?.unjustified ?? false;
  act(p.dispatcher, 'dispatch', () => ({ unitId: p.unit.id, handlerUserId, note: unjustified ? '退单理由不成立，请按职责办理。' : dispatchNote, returnUnjustified: unjustified }), 'assigned');
  const dispatchAt = t;
  if (p.leader) {
    if (fast) any(0.1, 1);
    else work(0.2, 4);
    leaderStep();
  }
  if (p.target === 'assigned') return finish();
  if (p.target === 'merged') {
    work(1, 20);
    mergeStep();
    return finish();
  }

  // 签收
  if (p.urgency === 'critical') any(0.03, 0.3);
  else if (fast) any(0.1, 1.5);
  else if (hoursLimit) awake(0.2, 3);
  else if (p.lateAccept) work(28, 60);
  else work(0.2, 5);
  act(p.worker, 'accept', () => ({}), 'handling');
  const acceptAt = t;

  // 办理: co-units, extension
  const handleDue = await dueAt(env, 'handle', p, dispatchAt);
  const limit = Math.max(handleDue - dispatchAt, HOUR);
  for (const co of p.coUnits) {
    const at = acceptAt + limit * r.float(0.05, 0.25);
    advance(hoursLimit ? at : timing.work(at));
    const note = r.pick(CO_UNIT_NOTES);
    act(p.worker, 'add_co_unit', () => ({ unitId: co.id, note }), 'handling');
  }
  if (p.extension) {
    advance(timing.work(dispatchAt + limit * r.float(0.45, 0.75)));
    const reason = r.pick(p.kind === 'petition' ? EXTENSION_REASONS.petition : EXTENSION_REASONS.other);
    const days = p.extensionDays;
    act(p.worker, 'request_extension', () => ({ days, reason }), 'handling');
    if (p.extension !== 'pending') {
      work(0.5, 20);
      const note = r.pick(p.extension === 'approved' ? EXTENSION_APPROVALS : EXTENSION_REJECTIONS);
      const caseIdOf = () => p.caseId!;
      act(p.approver, p.extension === 'approved' ? 'approve_extension' : 'reject_extension', async () => ({ extensionId: await pendingExtension(env.services, caseIdOf()), note }), 'handling');
    }
  }
  if (p.target === 'handling') return finish();

  // 答复
  const replyTarget =
    p.extension === 'approved' ? handleDue + p.extensionDays * DAY * r.float(0.2, 0.8) : p.lateReply ? dispatchAt + limit * r.float(1.05, 1.6) : dispatchAt + limit * r.float(0.2, 0.85);
  advance(Math.max(hoursLimit ? replyTarget : timing.work(replyTarget), t + 10 * MINUTE));
  act(p.worker, 'reply', () => ({ reply: p.texts.reply, solved: p.solved }), 'replied');
  let replyAt = t;
  if (p.target === 'replied') return finish();

  // 评价 · 回访
  const evaluationOf = (result: EvaluationResult): Evaluation => {
    const solved = result === 'satisfied' ? r.chance(0.95) : result === 'basically_satisfied' ? r.chance(0.6) : r.chance(0.1);
    const comment = r.chance(0.6) ? r.pick(EVALUATION_COMMENTS[result]) : undefined;
    return comment ? { result, solved, comment } : { result, solved };
  };
  const afterEvaluation = (result: EvaluationResult, reopenCount: number): CaseState => (result !== 'dissatisfied' ? 'closed' : reopenCount === 0 ? 'reopened' : 'evaluated');
  const evaluate = async (result: EvaluationResult, method: 'link' | 'callback' | 'window', reopenCount: number) => {
    if (method === 'link') {
      awake(1, 96);
      push({ op: 'evaluate', evaluation: evaluationOf(result) }, afterEvaluation(result, reopenCount));
    } else if (method === 'callback') {
      work(20, 140);
      const evaluation = evaluationOf(result);
      act(p.callbackUser, 'callback', () => ({ ...evaluation }), afterEvaluation(result, reopenCount));
    } else {
      const evaluateDue = await dueAt(env, 'evaluate', p, replyAt);
      advance(timing.work(evaluateDue + r.float(2, 50) * HOUR));
      const note = r.pick(CLOSE_AFTER_WINDOW_NOTES);
      act(p.closer, 'close', () => ({ note }), 'closed');
    }
  };

  await evaluate(p.evaluation.first, p.evaluation.method, 0);
  if (p.reopen > 0) {
    // 重办: the same unit handles the matter again.
    const reopenAt = t;
    if (p.target === 'reopened') return finish();
    work(0.5, 8);
    act(p.worker, 'accept', () => ({}), 'handling');
    const due2 = await dueAt(env, 'handle', p, reopenAt);
    const replyAgain = reopenAt + Math.max(due2 - reopenAt, HOUR) * r.float(0.2, 0.7);
    advance(Math.max(hoursLimit ? replyAgain : timing.work(replyAgain), t + 10 * MINUTE));
    act(p.worker, 'reply', () => ({ reply: p.texts.rehandle, solved: true }), 'replied');
    replyAt = t;
    await evaluate(p.evaluation.second, p.evaluation.secondMethod, 1);
    if (p.target === 'evaluated') return finish();
    if (p.reopen === 2) {
      work(24, 120);
      const note = r.pick(SUPERVISOR_CLOSE_NOTES);
      act('supervisor', 'close', () => ({ note }), 'closed');
    }
  }

  // 复查 · 复核 (petitions)
  if (p.review >= 1) {
    const reviewDue = await dueAt(env, 'review_request', p, replyAt);
    const latest = reviewDue - 6 * HOUR;
    let at = timing.work(t + r.float(1, 12) * DAY);
    if (at > latest) at = timing.work(t + HOUR);
    advance(at);
    const reason = r.pick(REVIEW_REASONS);
    act('xinfang', 'request_review', () => ({ reason, unitId: unitIdOfDept('gov') }), 'reviewing');
    if (p.target === 'reviewing') return finish();
    work(8 * 24, 25 * 24);
    const decision = r.pick(REVIEW_DECISIONS);
    act('leader', 'complete_review', () => ({ decision }), 'closed');
    if (p.review === 2) {
      const rereviewDue = await dueAt(env, 'rereview_request', p, t);
      let at2 = timing.work(t + r.float(2, 15) * DAY);
      if (at2 > rereviewDue - 6 * HOUR) at2 = timing.work(t + HOUR);
      advance(at2);
      const reason2 = r.pick(REREVIEW_REASONS);
      act('xinfang', 'request_rereview', () => ({ reason: reason2, unitId: unitIdOfDept('city_xinfang') }), 'rereviewing');
      if (p.target === 'rereviewing') return finish();
      work(8 * 24, 25 * 24);
      const decision2 = r.pick(REREVIEW_DECISIONS);
      act('shixinfang', 'complete_rereview', () => ({ decision: decision2 }), 'final');
    }
  }
  return finish();
}

function registrationTime(p: Plan, t0: number, timing: ReturnType<typeof createTiming>, r: Rng, start: number): number {
  switch (p.channel) {
    case 'visit':
    case 'letter':
    case 'transfer':
      return timing.work(t0);
    case 'phone':
      return p.urgency === 'critical' ? t0 : timing.awake(t0);
    case 'online':
      return r.chance(0.85) ? timing.awake(t0) : t0;
    case 'proactive':
    case 'field':
      return timing.field(t0);
    case 'joint_office':
      return timing.weekly(t0, 1, start);
    case 'leader_reception':
      return timing.weekly(t0, 4, start);
  }
}

// ───────────────────────────── texts ─────────────────────────────

function writeTexts(p: Plan) {
  const r = p.rng.fork('text');
  // Titles, replies and answers listed one per content variant go with that variant.
  const variant = p.repeatOf?.texts.variant ?? p.mergeInto?.texts.variant ?? r.int(0, p.template.contents.length - 1);
  const paired = (list: readonly string[]) => (list.length === p.template.contents.length ? list[variant] : r.pick(list));
  const preset = p.repeatOf?.slots?.snapshot() ?? p.mergeInto?.slots?.snapshot() ?? {};
  const slots = createSlots(r, { village: p.village, township: p.township, at: p.regAt, peopleCount: p.peopleCount }, preset);
  p.slots = slots;
  let title: string;
  let body: string;
  if (p.repeatOf) {
    title = `再次反映：${p.repeatOf.texts.title.replace(/^再次反映：/, '')}`.slice(0, 120);
    body = `${p.repeatOf.texts.body}${r.pick(REPEAT_ADDITIONS)}`;
  } else {
    title = slots.fill(paired(p.template.titles));
    body = slots.fill(p.template.contents[variant]);
    if (p.mergeInto) body = r.pick(DUPLICATE_OPENINGS) + body;
  }
  if (p.risk) body += r.pick(RISK_SENTENCES);
  const openings = CHANNEL_OPENINGS[p.channel];
  const content = openings && r.chance(0.85) ? r.pick(openings) + body : body;
  const answers = p.template.answers ?? [];
  const solvedReplies = p.template.replies.length ? p.template.replies : answers;
  const reply = slots.fill(p.solved || !p.template.partial?.length ? paired(solvedReplies) : paired(p.template.partial));
  const rehandle = r.pick(REHANDLE_PREFIXES) + slots.fill(paired(solvedReplies));
  const answer = answers.length ? slots.fill(paired(answers)) : reply;
  const n = r.int(1, 60);
  const address =
    p.areaCode === p.township.code
      ? `${p.township.name}${r.pick(['人民路', '府前路', '圩镇'])}${n}号`
      : p.village.urban
        ? r.chance(0.5)
          ? `${p.township.name}${p.village.name}${slots.get('estate')}${r.int(1, 24)}栋${r.int(1, 3)}单元`
          : `${p.township.name}${p.village.name}${slots.get('place')}${r.int(1, 199)}号`
        : `${p.township.name}${p.village.name}${slots.get('place')}${n}号`;
  let representatives: string | null = null;
  if (p.peopleCount >= 5) {
    const k = Math.min(p.peopleCount, r.int(2, 5));
    const first = p.person?.name ?? '';
    const others = Array.from({ length: first ? 1 : 2 }, () => fakeName(r));
    representatives = `${[first, ...others].filter(Boolean).join('、')}等${k}人`;
  }
  p.texts = { variant, title, content, body, address, reply, rehandle, answer, representatives };
}

const REP_SURNAMES = Array.from('刘陈李王张黄吴胡杨罗曾熊徐邓肖周彭万');
const REP_GIVEN = ['建华', '水生', '冬梅', '国平', '春兰', '德明', '桂英', '长根', '火生', '小红'];
const fakeName = (r: Rng) => r.pick(REP_SURNAMES) + r.pick(REP_GIVEN);

function inputOf(p: Plan): CaseCreate {
  const r = p.rng.fork('input');
  const receivedAt =
    p.channel === 'letter' ? new Date(p.regAt - r.float(0.5, 3) * DAY).toISOString() : p.channel === 'transfer' ? new Date(p.regAt - r.float(0.3, 4) * HOUR).toISOString() : undefined;
  const requester = p.person
    ? {
        name: p.person.name,
        ...(p.usePhone ? { phone: p.person.phone } : {}),
        ...(p.useId ? { idNumber: p.person.idNumber } : {}),
        anonymous: false,
      }
    : { anonymous: true };
  return CaseCreateSchema.parse({
    channel: p.channel,
    kind: p.kind,
    ...(p.petitionClass ? { petitionClass: p.petitionClass } : {}),
    categoryCode: p.template.category,
    title: p.texts.title,
    content: p.texts.content,
    requester,
    peopleCount: p.peopleCount,
    ...(p.texts.representatives ? { representatives: p.texts.representatives } : {}),
    areaCode: p.areaCode,
    address: p.texts.address,
    lat: p.lat,
    lng: p.lng,
    urgency: p.urgency,
    publicConsent: p.publicConsent,
    ...(receivedAt ? { receivedAt } : {}),
    crossLevel: p.crossLevel,
    major: p.major,
    ...(p.onSpot ? { resolveOnSpot: { answer: p.texts.answer } } : {}),
  });
}

// ───────────────────────────── playing ─────────────────────────────

function buildActors(): Map<string, Actor> {
  return new Map(DEMO_USERS.map((u) => [u.username, demoActor(u.username)]));
}

async function play(services: Services, actors: Map<string, Actor>, step: Step) {
  const p = step.plan;
  const op = step.op;
  if (op.op === 'register') {
    const row = await services.cases.register(actorOf(actors, p.registrar), inputOf(p));
    p.caseId = row.id;
  } else if (op.op === 'act') {
    await services.cases.act(actorOf(actors, op.user), p.caseId!, op.action, await op.body());
  } else {
    await services.cases.evaluateByToken(await evaluationToken(services, p.caseId!), op.evaluation);
  }
}

function actorOf(actors: Map<string, Actor>, username: string): Actor {
  const actor = actors.get(username);
  if (!actor) throw new Error(`no demo user ${username}`);
  return actor;
}

/** The token of the evaluation link in the last 'replied' SMS — what the resident taps. */
async function evaluationToken(services: Services, caseId: string): Promise<string> {
  const sms = await services.db
    .selectFrom('outbox')
    .select('body')
    .where('caseId', '=', caseId)
    .where('template', '=', 'sms.replied')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  const token = sms && /\/m\/evaluate\/([^\s]+)/.exec(sms.body)?.[1];
  if (!token) throw new Error('no evaluation link was sent');
  return token;
}

async function pendingExtension(services: Services, caseId: string): Promise<string> {
  const row = await services.db.selectFrom('caseExtensions').select('id').where('caseId', '=', caseId).where('status', '=', 'pending').executeTakeFirst();
  if (!row) throw new Error('no pending extension');
  return row.id;
}

/** Every case must be in the state its script leads to. */
async function verify(services: Services, plans: Plan[]) {
  const ids = plans.map((p) => p.caseId!);
  const states = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await services.db.selectFrom('cases').select(['id', 'status']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) states.set(row.id, row.status);
  }
  const wrong = plans.filter((p) => states.get(p.caseId!) !== p.expected);
  if (wrong.length) {
    const sample = wrong.slice(0, 5).map((p) => `#${p.index} ${p.template.key}: expected ${p.expected}, is ${states.get(p.caseId!)}`);
    throw new Error(`${wrong.length} demo cases ended in an unexpected state: ${sample.join('; ')}`);
  }
}
