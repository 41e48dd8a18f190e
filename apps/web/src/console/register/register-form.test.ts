import type { AreaLevel, AreaNode } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { areaPathTo, defaultChannel, findArea, formFieldOf, isCollective, isValidId, isValidPhone, phoneReadyForLookup, presetFromLink, registrableAreas, toCascader, toCaseBody, type RegisterValues } from './register-form';

const area = (code: string, name: string, level: AreaLevel, children: AreaNode[] = []): AreaNode => ({ code, parentCode: null, name, level, lat: null, lng: null, sort: 0, children });
const TREE = [
  area('360000000000', '省', 'province', [
    area('369900000000', '市', 'city', [
      area('369901000000', '青溪县', 'county', [area('369901100000', '城关镇', 'township', [area('369901100201', '东门社区', 'village')]), area('369901101000', '溪南街道', 'township')]),
    ]),
  ]),
];

describe('defaultChannel', () => {
  it('remembers the last channel a user chose', () => {
    expect(defaultChannel('u1', [{ role: 'registrar', areaCode: '369901100201' }], 'letter')).toBe('letter');
  });
  it('starts a county-level registrar (the hotline centre) on the phone', () => {
    expect(defaultChannel('u1', [{ role: 'registrar', areaCode: '369901000000' }], null)).toBe('phone');
  });
  it('starts a stationed cadre on a field visit and a village desk on a walk-in', () => {
    expect(defaultChannel('u1', [{ role: 'stationed_cadre', areaCode: '369901100202' }], null)).toBe('field');
    expect(defaultChannel('u1', [{ role: 'registrar', areaCode: '369901100201' }, { role: 'handler', areaCode: '369901100201' }], null)).toBe('visit');
  });
});

describe('validation helpers', () => {
  it('accepts 11-digit mobiles and landlines, refuses short numbers', () => {
    expect(isValidPhone('13907981234')).toBe(true);
    expect(isValidPhone('0791-88886666')).toBe(true);
    expect(isValidPhone('1390798123')).toBe(false);
    expect(phoneReadyForLookup('1390798')).toBe(false);
    expect(phoneReadyForLookup('13907981234')).toBe(true);
  });
  it('checks the ID number’s check digit', () => {
    expect(isValidId('11010519491231002X')).toBe(true);
    expect(isValidId('110105194912310021')).toBe(false);
  });
  it('hints at a collective visit from five people', () => {
    expect(isCollective(4)).toBe(false);
    expect(isCollective(5)).toBe(true);
    expect(isCollective(undefined)).toBe(false);
  });
});

describe('toCaseBody', () => {
  const values: RegisterValues = {
    channel: 'phone',
    kind: 'inquiry',
    petitionClass: 'appeal',
    categoryCode: 'health.insurance',
    areaPath: ['369901100000', '369901100201'],
    requester: { phone: ' 13907981234 ', name: '张三', idNumber: '11010519491231002x', anonymous: false },
    peopleCount: 2,
    representatives: '李四',
    urgency: 'normal',
    title: ' 问报销 ',
    content: '怎么报销',
    resolveOnSpot: true,
    answer: '已告知',
  };
  it('takes the last area of the path, trims, drops what does not apply', () => {
    const body = toCaseBody(values, ['a1'], { lat: 27.1, lng: 115.2 });
    expect(body).toMatchObject({ areaCode: '369901100201', title: '问报销', lat: 27.1, lng: 115.2, attachmentIds: ['a1'], resolveOnSpot: { answer: '已告知' } });
    expect(body.requester).toEqual({ anonymous: false, phone: '13907981234', name: '张三', idNumber: '11010519491231002X' });
    expect(body.petitionClass).toBeUndefined(); // only for petitions
    expect(body.representatives).toBeUndefined(); // only for collective visits
  });
  it('sends nothing personal for an anonymous requester and no on-the-spot answer for other kinds', () => {
    const body = toCaseBody({ ...values, kind: 'complaint', requester: { ...values.requester, anonymous: true } }, [], null);
    expect(body.requester).toEqual({ anonymous: true });
    expect(body.resolveOnSpot).toBeUndefined();
    expect(body.lat).toBeUndefined();
  });
});

describe('formFieldOf', () => {
  it('maps server field paths onto the form', () => {
    expect(formFieldOf('requester.phone')).toEqual(['requester', 'phone']);
    expect(formFieldOf('areaCode')).toEqual(['areaPath']);
    expect(formFieldOf('resolveOnSpot.answer')).toEqual(['answer']);
    expect(formFieldOf('categoryCode')).toEqual(['categoryCode']);
    expect(formFieldOf('attachmentIds.0')).toBeNull();
    expect(formFieldOf('')).toBeNull();
  });
});

describe('area picker data', () => {
  it('roots the cascader at the areas the user may register in', () => {
    const roots = registrableAreas(TREE, ['369901100000']);
    expect(roots.map((r) => r.name)).toEqual(['城关镇']);
    expect(toCascader(roots)).toEqual([{ value: '369901100000', label: '城关镇', children: [{ value: '369901100201', label: '东门社区', children: undefined }] }]);
    expect(findArea(TREE, '369901100201')?.name).toBe('东门社区');
  });
});

describe('presetFromLink (a link from an office day, a reception session or a household)', () => {
  const roots = registrableAreas(TREE, ['369901100000']);
  const channels = ['visit', 'phone', 'joint_office', 'leader_reception'] as const;
  const household = '0b6f4a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b';

  it('finds the cascader path to an area inside the roots', () => {
    expect(areaPathTo(roots, '369901100201')).toEqual(['369901100000', '369901100201']);
    expect(areaPathTo(roots, '369901101000')).toBeUndefined();
  });

  it('presets the channel, the area path and the household', () => {
    const search = new URLSearchParams({ channel: 'joint_office', areaCode: '369901100201', householdId: household });
    expect(presetFromLink(search, roots, channels)).toEqual({ channel: 'joint_office', areaPath: ['369901100000', '369901100201'], householdId: household });
  });

  it('ignores a channel not offered, an area out of reach and a malformed id', () => {
    const search = new URLSearchParams({ channel: 'online', areaCode: '369901101000', householdId: 'x; drop' });
    expect(presetFromLink(search, roots, channels)).toEqual({});
    expect(presetFromLink(new URLSearchParams(), roots, channels)).toEqual({});
  });

  it('sends the household with the case', () => {
    const values: RegisterValues = { channel: 'visit', kind: 'help', urgency: 'normal', requester: { anonymous: true }, householdId: household };
    expect(toCaseBody(values, [], null).householdId).toBe(household);
  });
});
