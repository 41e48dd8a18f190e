import { z } from 'zod';
import { caseRefFields } from './fields.js';
import { defineEndpoints } from './endpoint.js';
import { ALERT_KINDS, ALERT_STATUSES, isAlertOpen } from './values.js';
export { ALERT_KINDS, ALERT_STATUSES, isAlertOpen } from './values.js';

export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Query of the alert list (GET /api/alerts), newest first. */
export const AlertListQuerySchema = z.object({
  status: z.enum(ALERT_STATUSES).optional().describe('Only alerts in this status'),
  kind: z.enum(ALERT_KINDS).optional().describe('Only alerts of this kind'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Alerts to skip'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

/** Body of POST /api/alerts/:id/dismiss. */
export const AlertDismissSchema = z.object({
  reason: z.string().trim().min(1).max(500).describe('Why the alert needs no action'),
});
export type AlertDismiss = z.infer<typeof AlertDismissSchema>;

/** Body of POST /api/alerts/:id/task: a proactive task (主动治理 · 未诉先办) dispatched to a unit. */
export const AlertTaskSchema = z.object({
  title: z.string().trim().min(1).max(120).optional().describe('Title of the task (default: the alert title)'),
  unitId: z.string().trim().min(1).max(64).describe('Unit the task is dispatched to'),
});
export type AlertTask = z.infer<typeof AlertTaskSchema>;

/** Path parameter of the alert routes. */
export const AlertIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** An alert as lists and pages show it. */
export const AlertSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  areaCode: z.string().describe('Village (or wider area) the alert concerns'),
  title: z.string(),
  summary: z.string(),
  caseCount: z.number().int(),
  windowStart: z.string().describe('Start of the window the scan looked at (ISO instant)'),
  windowEnd: z.string(),
  status: z.enum(ALERT_STATUSES),
  statusNote: z.string().nullable().describe('Why it was dismissed'),
  taskCaseId: z.string().nullable().describe('The proactive task made from it'),
  topic: z
    .object({
      place: z.string().nullable().describe('The named place or organisation the cases speak of (溪南花园), or null when the village is the place'),
      matter: z.array(z.string()).describe('Words naming the matter, most shared first (噪音, 施工)'),
      categoryCode: z.string().describe('The category most of its cases carry'),
    })
    .nullable()
    .describe('A hotspot: the topic its cases share (a place and a matter); null for other kinds'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertView = z.infer<typeof AlertSchema>;

/** One case behind an alert. */
export const AlertCaseSchema = z.object({
  ...caseRefFields,
  categoryCode: z.string(),
  areaCode: z.string(),
  registeredAt: z.string(),
});

/** GET /api/alerts/:id: the alert and the cases behind it. */
export const AlertDetailSchema = AlertSchema.extend({ cases: z.array(AlertCaseSchema.omit({ categoryCode: true, areaCode: true })) });
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

/** A page of alerts, newest first. */
export const AlertPageSchema = z.object({
  items: z.array(AlertSchema),
  nextOffset: z.number().int().nullable().describe('Pass as `offset` for the next page; null at the end'),
});

/** POST /api/alerts/:id/task: the alert, now handled, and the task dispatched from it. */
export const AlertTaskResultSchema = z.object({
  alert: AlertSchema,
  task: z.object({ id: z.string(), code: z.string(), status: z.string(), channel: z.string(), currentUnitId: z.string().nullable() }),
});

/** The alerts operations. */
/** What one early-warning scan did (POST /api/admin/jobs/hotspot-scan). */
export const HotspotScanResultSchema = z.object({
  scanned: z.number().int().describe('Cases received within the window'),
  hotspot: z.number().int().describe('New hot-topic alerts'),
  repeatRequester: z.number().int().describe('New repeat-requester alerts'),
  riskWords: z.number().int().describe('New risk-word alerts'),
  grown: z.number().int().describe('Open alerts that gained cases'),
});

export const alertsEndpoints = defineEndpoints({
  'GET /api/alerts': { tag: 'alerts', summary: '预警列表 Alerts in my area', query: AlertListQuerySchema, response: AlertPageSchema },
  'GET /api/alerts/:id': { tag: 'alerts', summary: '预警详情 Alert with its cases', params: AlertIdParamsSchema, response: AlertDetailSchema },
  'POST /api/alerts/:id/acknowledge': { tag: 'alerts', summary: '确认预警 Acknowledge an alert', params: AlertIdParamsSchema, response: AlertSchema },
  'POST /api/alerts/:id/dismiss': { tag: 'alerts', summary: '忽略预警 Dismiss an alert', params: AlertIdParamsSchema, body: AlertDismissSchema, response: AlertSchema },
  'POST /api/alerts/:id/task': {
    tag: 'alerts',
    summary: '转为主动治理任务 Make a proactive task',
    params: AlertIdParamsSchema,
    body: AlertTaskSchema,
    response: AlertTaskResultSchema,
  },
  'POST /api/admin/jobs/hotspot-scan': {
    tag: 'alerts',
    summary: '立即执行预警扫描 Run the early-warning scan now (admin, supervisor): hot topics, repeat requesters, risk words',
    response: HotspotScanResultSchema,
  },
});

