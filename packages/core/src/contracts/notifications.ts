import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The notifications operations. */
export const notificationsEndpoints = defineEndpoints({});
