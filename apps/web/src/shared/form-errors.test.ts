import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { changedFields, placeFieldErrors, showSaveError, toFieldPath } from './form-errors';

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

describe('showSaveError', () => {
  const form = () => {
    const set: unknown[] = [];
    return { set, setFields: (fields: unknown[]) => void set.push(...fields) };
  };

  it('puts field errors under their fields and returns the rest, or the title', () => {
    const f = form();
    const error = new ApiError(400, '输入有误', 'validation', [
      { field: 'name', message: '必填' },
      { field: 'startsAt', message: '格式不对' },
    ]);
    expect(showSaveError(f, error, ['name'])).toBe('格式不对');
    expect(f.set).toEqual([{ name: ['name'], errors: ['必填'] }]);
    expect(showSaveError(form(), error, ['name', 'startsAt'])).toBe('输入有误');
  });

  it('renames API fields to the form’s first, and passes other errors through', () => {
    const f = form();
    const error = new ApiError(400, '输入有误', 'validation', [{ field: 'startsAt', message: '格式不对' }]);
    expect(showSaveError(f, error, ['time'], (problems) => problems.map((p) => ({ ...p, field: 'time' })))).toBe('输入有误');
    expect(f.set).toEqual([{ name: ['time'], errors: ['格式不对'] }]);
    expect(showSaveError(form(), new Error('network down'), ['name'])).toBe('Error: network down');
  });
});
