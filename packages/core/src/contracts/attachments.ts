import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

/** The attachments operations. */
export const attachmentsEndpoints = defineEndpoints({});
