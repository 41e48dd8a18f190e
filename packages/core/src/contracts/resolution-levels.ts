import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';
import { areaCode } from './fields.js';

/** The levels a case can be resolved at (小事不出村、大事不出乡): by the area level of the unit that closed it. */
export const RESOLUTION_LEVELS = ['village', 'township', 'county'] as const;
export type ResolutionLevel = (typeof RESOLUTION_LEVELS)[number];

/** Query of GET /api/metrics/resolution-levels (same period rules as GET /api/metrics). */
export const ResolutionLevelsQuerySchema = z.object({
  from: z.iso.date().optional().describe('First China-time day of the period (by registration time); default 30 days before `to`'),
  to: z.iso.date().optional().describe('Last China-time day of the period (included); default today'),
  areaCode: areaCode.optional().describe('Only cases in this area subtree; groups are the level below it (townships of a county, villages of a township)'),
});
export type ResolutionLevelsQuery = z.infer<typeof ResolutionLevelsQuerySchema>;

const share = (what: string) => z.number().nullable().describe(`${what}; a fraction in [0, 1], null when no case was closed`);

/** The counts and shares of one area. */
export const ResolutionLevelsRowSchema = z.object({
  key: z.string().describe('Area code, or `total`'),
  label: z.string(),
  closed: z.number().int().describe('Cases closed (closed or final)'),
  village: z.number().int().describe('Closed by a village (community) unit'),
  township: z.number().int().describe('Closed by a township (street) unit'),
  county: z.number().int().describe('Closed by a unit at county level or above'),
  aboveCompetent: z.number().int().describe('越级: registered by a unit above the level of the unit that closed it (see docs/METRICS.md)'),
  villageShare: share('village / closed'),
  townshipShare: share('township / closed'),
  countyShare: share('county / closed'),
  aboveCompetentShare: share('aboveCompetent / closed'),
});
export type ResolutionLevelsRow = z.infer<typeof ResolutionLevelsRowSchema>;

export const ResolutionLevelsReportSchema = z.object({
  from: z.string().describe('Start of the period (ISO instant)'),
  to: z.string().describe('End of the period (ISO instant, excluded)'),
  groups: z.array(ResolutionLevelsRowSchema),
  total: ResolutionLevelsRowSchema,
});
export type ResolutionLevelsReport = z.infer<typeof ResolutionLevelsReportSchema>;

export const resolutionLevelsEndpoints = defineEndpoints({
  'GET /api/metrics/resolution-levels': {
    tag: 'metrics',
    summary: '小事不出村、大事不出乡：各级办结占比 Share of cases resolved at village, township and county level, and raised above the competent level',
    query: ResolutionLevelsQuerySchema,
    response: ResolutionLevelsReportSchema,
  },
});
