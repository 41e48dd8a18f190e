import { z } from 'zod';

// Schema pieces several contract files share (not exported from the package: each contract
// exports its own schemas).

/** An area code: 12 digits, or 15 for a group below a village. */
export const areaCode = z.string().regex(/^\d{12}(\d{3})?$/);

/** A record id in a request. */
export const id = z.string().min(1).max(64);

/** A comma-separated query value read as a list of `item`, at most `max` of them. */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(1000)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(item).max(max).optional());

/** How an answer names a case it lists: the first fields of every case row. */
export const caseRefFields = {
  id: z.string(),
  code: z.string(),
  title: z.string(),
  status: z.string(),
};
