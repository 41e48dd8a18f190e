import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import { placeFieldErrors } from '../../shared/form-errors';

/**
 * Runs a form's save call: on a problem+json answer the server's messages (already in the user's
 * language) go under the fields they name, anything else into one error message.
 * Returns whether the save succeeded.
 */
export function useFormSubmit(form: FormInstance, fields: readonly string[]) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (save: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await save();
        return true;
      } catch (error) {
        if (!(error instanceof ApiError)) {
          message.error(String(error));
          return false;
        }
        const { placed, rest } = placeFieldErrors(error.fieldErrors, fields);
        if (placed.length) form.setFields(placed.map((p) => ({ name: p.name as never, errors: p.errors })));
        if (!placed.length || rest.length) message.error(rest.length ? rest.join('；') : error.title);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [form, fields, message],
  );
  return { run, busy };
}
