import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The auth operations. */
export const authEndpoints = defineEndpoints({});
