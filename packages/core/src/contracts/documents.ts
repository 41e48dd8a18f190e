import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The documents operations. */
export const documentsEndpoints = defineEndpoints({});
