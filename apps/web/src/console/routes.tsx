import { ACCESS_RULES, type Role, rolesFor, UNIT_ANSWER_ROLES, UNIT_HEAD_ROLES } from '@lianxin/core';
import type { ComponentType } from 'react';
import type { shellMessages } from './shell/shell.messages';

type NavKey = Extract<keyof (typeof shellMessages)['zh-CN'], `nav.${string}`>;

/** The menu's sections, in order: case work, field work, analysis, knowledge and administration. */
export const MENU_SECTIONS = ['cases', 'field', 'insight', 'system'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** One console page: loaded on first visit (split by route), shown in the menu to these roles. */
export type ConsoleRoute = {
  path: string;
  /** Who sees it (from the access tables of `@lianxin/core`); absent = every signed-in user. */
  roles?: readonly Role[];
  load: () => Promise<{ default: ComponentType }>;
} & (
  | { /** Menu entry and its section. */ nav: NavKey; section: MenuSection }
  | { /** Pages without one (e.g. a case's page) are reached by links. */ nav?: undefined; section?: undefined }
);

// Each page is offered to the roles the server lets through (the same tables), so nobody meets a 403.
const HOUSEHOLD_ROLES = ACCESS_RULES['household.read'].roles;
// Field work (SPEC §4): department handlers and unit heads work cases, not villages.
const FIELD_ROLES = ACCESS_RULES['field.read'].roles;
// — supervision — issuers and reviewers, and the units that answer orders.
const SUPERVISION_ROLES: readonly Role[] = [...new Set([...ACCESS_RULES['supervision.issue'].roles, ...UNIT_ANSWER_ROLES])];
// — duty, leave and attendance —: unit heads read their unit's sheet, attendance.read the area's.
const ATTENDANCE_ROLES: readonly Role[] = [...new Set([...UNIT_HEAD_ROLES, ...ACCESS_RULES['attendance.read'].roles])];
const ADMIN_ROLES: readonly Role[] = [...new Set([...ACCESS_RULES['org.manage'].roles, ...ACCESS_RULES['config.manage'].roles])];

// — accountability and bulletins —: the ledger is for those who read, decide or appeal records.
const ACCOUNTABILITY_ROLES: readonly Role[] = [...new Set([...ACCESS_RULES['accountability.read'].roles, ...ACCESS_RULES['accountability.decide'].roles, ...ACCESS_RULES['accountability.appeal'].roles])];

// — service centre —: those who read, take or decide applications.
const SERVICE_ROLES: readonly Role[] = [...new Set([...ACCESS_RULES['service.read'].roles, ...ACCESS_RULES['service.apply'].roles, ...ACCESS_RULES['service.decide'].roles])];

/** Every console page. A new module adds its entry here. */
export const CONSOLE_ROUTES: ConsoleRoute[] = [
  { path: '/', nav: 'nav.workbench', section: 'cases', load: () => import('./workbench/WorkbenchPage') },
  { path: '/register', nav: 'nav.register', section: 'cases', roles: ACCESS_RULES['case.register'].roles, load: () => import('./register/RegisterPage') },
  { path: '/cases', nav: 'nav.cases', section: 'cases', load: () => import('./cases/CaseListPage') },
  { path: '/cases/:id', load: () => import('./cases/CasePage') },
  { path: '/search', nav: 'nav.search', section: 'cases', load: () => import('./search/SearchPage') },
  { path: '/dispatch', nav: 'nav.dispatch', section: 'cases', roles: rolesFor('dispatch'), load: () => import('./dispatch/DispatchPage') },
  // — supervision —
  { path: '/supervision', nav: 'nav.supervision', section: 'cases', roles: SUPERVISION_ROLES, load: () => import('./supervision/SupervisionPage') },
  { path: '/supervision/:id', roles: SUPERVISION_ROLES, load: () => import('./supervision/OrderPage') },
  { path: '/figures', nav: 'nav.figures', section: 'insight', roles: ACCESS_RULES['figures.read'].roles, load: () => import('./figures/FiguresPage') },
  { path: '/map', nav: 'nav.map', section: 'insight', load: () => import('./map/MapPage') },
  { path: '/alerts', nav: 'nav.alerts', section: 'insight', roles: ACCESS_RULES['alert.read'].roles, load: () => import('./alerts/AlertsPage') },
  { path: '/households', nav: 'nav.households', section: 'field', roles: HOUSEHOLD_ROLES, load: () => import('./households/HouseholdListPage') },
  { path: '/households/:id', roles: HOUSEHOLD_ROLES, load: () => import('./households/HouseholdPage') },
  { path: '/village-map', nav: 'nav.villageMap', section: 'field', roles: HOUSEHOLD_ROLES, load: () => import('./village-map/VillageMapPage') },
  { path: '/visits', nav: 'nav.visits', section: 'field', roles: FIELD_ROLES, load: () => import('./visits/DiaryPage') },
  { path: '/visits/new', roles: FIELD_ROLES, load: () => import('./visits/VisitFormPage') },
  { path: '/visits/:id', roles: FIELD_ROLES, load: () => import('./visits/VisitPage') },
  { path: '/offline', nav: 'nav.offline', section: 'field', roles: FIELD_ROLES, load: () => import('./offline/OfflinePage') }, // — offline —
  { path: '/stationing', nav: 'nav.stationing', section: 'field', roles: FIELD_ROLES, load: () => import('./stationing/StationingPage') },
  { path: '/office-days', nav: 'nav.officeDays', section: 'field', roles: FIELD_ROLES, load: () => import('./office-days/OfficeDaysPage') },
  { path: '/reception', nav: 'nav.reception', section: 'field', roles: FIELD_ROLES, load: () => import('./reception/ReceptionPage') },
  { path: '/campaigns', nav: 'nav.campaigns', section: 'field', roles: FIELD_ROLES, load: () => import('./campaigns/CampaignsPage') },
  { path: '/campaigns/:id', roles: FIELD_ROLES, load: () => import('./campaigns/CampaignPage') },
  { path: '/policies', nav: 'nav.policies', section: 'system', load: () => import('./policies/PoliciesPage') },
  { path: '/audit/*', nav: 'nav.audit', section: 'system', roles: ACCESS_RULES['audit.read'].roles, load: () => import('./audit/AuditPage') },
  // — accountability and bulletins —
  { path: '/accountability', nav: 'nav.accountability', section: 'insight', roles: ACCOUNTABILITY_ROLES, load: () => import('./accountability/AccountabilityPage') },
  { path: '/bulletins', nav: 'nav.bulletins', section: 'insight', roles: ACCESS_RULES['bulletin.read'].roles, load: () => import('./bulletins/BulletinsPage') },
  { path: '/bulletins/:id', roles: ACCESS_RULES['bulletin.read'].roles, load: () => import('./bulletins/BulletinPage') },
  { path: '/admin/*', nav: 'nav.admin', section: 'system', roles: ADMIN_ROLES, load: () => import('./admin/AdminPage') },
  // — notices — every signed-in user's own notices (reached from the header's bell)
  { path: '/notices', load: () => import('./notices/NoticesPage') },
  { path: '/notices/settings', load: () => import('./notices/NoticeSettingsPage') },
  // — hard-cases —
  { path: '/hard-cases', nav: 'nav.hardCases', section: 'cases', roles: ACCESS_RULES['hard_case.read'].roles, load: () => import('./hard-cases/HardCasesPage') },
  { path: '/hard-cases/meetings/:id', roles: ACCESS_RULES['hard_case.read'].roles, load: () => import('./hard-cases/MeetingPage') },
  // — duty, leave and attendance — the roster and leave concern every staff member; attendance its readers
  { path: '/duty', nav: 'nav.duty', section: 'field', load: () => import('./duty/DutyPage') },
  { path: '/leave', nav: 'nav.leave', section: 'field', load: () => import('./duty/LeavePage') },
  { path: '/attendance', nav: 'nav.attendance', section: 'field', roles: ATTENDANCE_ROLES, load: () => import('./duty/AttendancePage') },
  // — evaluation — every staff member may take part in a cycle and see their own results
  { path: '/evaluation', nav: 'nav.evaluation', section: 'insight', load: () => import('./evaluation/EvaluationPage') },
  { path: '/evaluation/:id', load: () => import('./evaluation/CyclePage') },
  { path: '/awards', nav: 'nav.awards', section: 'insight', roles: [...new Set([...ACCESS_RULES['award.manage'].roles, ...ACCESS_RULES['award.decide'].roles])], load: () => import('./cadres/AwardsPage') },
  { path: '/mentoring', nav: 'nav.mentoring', section: 'insight', load: () => import('./cadres/MentoringPage') },
  { path: '/my-page', nav: 'nav.myPage', section: 'insight', load: () => import('./cadres/CadrePage') },
  { path: '/cadres/:userId', load: () => import('./cadres/CadrePage') },
  // — projects — 重点项目 and the selection desk
  { path: '/projects', nav: 'nav.projects', section: 'field', roles: ACCESS_RULES['project.read'].roles, load: () => import('./projects/ProjectsPage') },
  { path: '/projects/:id', roles: ACCESS_RULES['project.read'].roles, load: () => import('./projects/ProjectPage') },
  { path: '/projects/:id/desk', roles: ACCESS_RULES['selection.desk'].roles, load: () => import('./projects/DeskPage') },
  // — consultations —
  { path: '/consultations', nav: 'nav.consultations', section: 'field', roles: ACCESS_RULES['consultation.read'].roles, load: () => import('./consultations/ConsultationsPage') },
  { path: '/consultations/:id', roles: ACCESS_RULES['consultation.read'].roles, load: () => import('./consultations/ConsultationPage') },
  { path: '/consultations/:id/meetings/:meetingId/door', roles: ACCESS_RULES['consultation.read'].roles, load: () => import('./consultations/MeetingDoorPage') },
  { path: '/surveys', nav: 'nav.surveys', section: 'field', roles: ACCESS_RULES['consultation.read'].roles, load: () => import('./consultations/SurveysPage') },
  { path: '/surveys/:id', roles: ACCESS_RULES['consultation.read'].roles, load: () => import('./consultations/SurveyPage') },
  // — service centre —
  { path: '/services', nav: 'nav.services', section: 'field', roles: SERVICE_ROLES, load: () => import('./services/ServicesPage') },
  { path: '/services/new', roles: ACCESS_RULES['service.apply'].roles, load: () => import('./services/ApplyPage') },
  { path: '/services/catalogue', roles: SERVICE_ROLES, load: () => import('./services/CataloguePage') },
  { path: '/services/applications/:id', roles: SERVICE_ROLES, load: () => import('./services/ApplicationPage') },
  { path: '/services/meetings/:id', roles: ACCESS_RULES['service.decide'].roles, load: () => import('./services/MeetingPage') },
];
