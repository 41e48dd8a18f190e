import { ACCESS_RULES, rolesFor } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { CONSOLE_ROUTES } from '../routes';

const rolesOf = (path: string) => CONSOLE_ROUTES.find((r) => r.path === path)?.roles;

describe('the console menu follows the access tables', () => {
  it('offers the dispatch page to those the server lets dispatch, and no one else', () => {
    const roles = rolesOf('/dispatch');
    expect(roles).toEqual(rolesFor('dispatch'));
    expect(roles).not.toContain('admin');
  });

  it('offers registration, alerts, households and field work by the abilities the server checks', () => {
    expect(rolesOf('/register')).toEqual(ACCESS_RULES['case.register'].roles);
    expect(rolesOf('/alerts')).toEqual(ACCESS_RULES['alert.read'].roles);
    expect(rolesOf('/households')).toEqual(ACCESS_RULES['household.read'].roles);
    expect(rolesOf('/visits')).toEqual(ACCESS_RULES['field.read'].roles);
    expect(rolesOf('/figures')).toEqual(ACCESS_RULES['figures.read'].roles);
    expect(rolesOf('/admin/*')).toEqual(['admin']);
  });

  it('leaves pages every staff member may use open to all', () => {
    for (const path of ['/', '/cases', '/search', '/map', '/policies']) expect(rolesOf(path)).toBeUndefined();
  });
});
