import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { areasRoutes } from '../areas/areas.routes.js';
import { createAreasService } from '../areas/areas.service.js';
import { createAuditQueries } from '../audit/audit.queries.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import { createCalendarService } from '../calendar/calendar.service.js';
import { categoriesRoutes } from '../categories/categories.routes.js';
import { createCategoriesService } from '../categories/categories.service.js';
import { timeLimitsRoutes } from '../time-limits/time-limits.routes.js';
import { createTimeLimitsService } from '../time-limits/time-limits.service.js';
import { unitsRoutes } from '../units/units.routes.js';
import { createUnitsService } from '../units/units.service.js';
import { usersRoutes } from '../users/users.routes.js';
import { createUsersService } from '../users/users.service.js';

/**
 * The administration API (SPEC §1, 管理员): areas, units, users, categories, time-limit rules,
 * the holiday calendar and the audit log. Reading the reference data is open to all staff;
 * every write needs the admin role and leaves an audit entry in its own transaction.
 * The services are wired here from the shared ones, since no other module calls them.
 */
export async function adminRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, clock, cipher, audit, deadlines } = services;
  await app.register(areasRoutes, { areas: createAreasService({ db, audit }) });
  await app.register(unitsRoutes, { units: createUnitsService({ db, clock, audit }) });
  await app.register(usersRoutes, { users: createUsersService({ db, clock, cipher, audit }), cipher });
  await app.register(categoriesRoutes, { categories: createCategoriesService({ db, audit, deadlines }) });
  await app.register(timeLimitsRoutes, { timeLimits: createTimeLimitsService({ db, audit, deadlines }) });
  await app.register(calendarRoutes, { calendar: createCalendarService({ db, audit, deadlines }) });
  await app.register(auditRoutes, { auditQueries: createAuditQueries({ db, audit }) });
}
