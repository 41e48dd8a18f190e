import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The system operations. */
export const systemEndpoints = defineEndpoints({});
