import { describe, expect, it } from 'vitest';
import { changedFields, placeFieldErrors, toFieldPath } from './form-errors';

describe('server field errors on forms', () => {
  it('turns dotted fields into form paths', () => {
    expect(toFieldPath('grants.0.unitId')).toEqual(['grants', 0, 'unitId']);
    expect(toFieldPath('username')).toEqual(['username']);
  });

  it('places errors of known fields and keeps the rest for a message', () => {
    const { placed, rest } = placeFieldErrors(
      [
        { field: 'username', message: '已被使用' },
        { field: 'username', message: '已被使用' },
        { field: 'grants.1.unitId', message: '引用的单位不存在' },
        { field: 'body', message: 'bad json' },
      ],
      ['username', 'grants'],
    );
    expect(placed).toEqual([
      { name: ['username'], errors: ['已被使用'] },
      { name: ['grants', 1, 'unitId'], errors: ['引用的单位不存在'] },
    ]);
    expect(rest).toEqual(['bad json']);
  });

  it('keeps only changed keys for a PATCH, with null to clear', () => {
    expect(changedFields<Record<string, unknown>>({ name: 'a', phone: '1', sort: 0 }, { name: 'a', phone: null, sort: 2, kind: undefined })).toEqual({ phone: null, sort: 2 });
  });
});
