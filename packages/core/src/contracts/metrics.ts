import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The metrics operations. */
export const metricsEndpoints = defineEndpoints({});
