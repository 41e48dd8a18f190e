import { describe, expect, it } from 'vitest';
import { categoryTree, isPhone, submissionBody, type SubmitValues } from './submit-form';

describe('submissionBody', () => {
  const base: SubmitValues = { kind: 'help', categoryCode: 'social.dibao', description: '  家里老人想申请低保  ', areaCode: '369901101201', name: '王大妈', phone: '13807981234' };

  it('keeps name and phone for a named request and trims the text', () => {
    const body = submissionBody(base, ['tok1']);
    expect(body).toMatchObject({ description: '家里老人想申请低保', name: '王大妈', phone: '13807981234', anonymous: false, photos: ['tok1'] });
  });

  it('drops name and phone entirely when anonymous', () => {
    const body = submissionBody({ ...base, anonymous: true }, []);
    expect(body.name).toBeUndefined();
    expect(body.phone).toBeUndefined();
    expect(body.anonymous).toBe(true);
  });

  it('sends the map pin only when there is one', () => {
    expect(submissionBody(base, [], { lat: 27.8, lng: 115.9 })).toMatchObject({ lat: 27.8, lng: 115.9 });
    expect('lat' in submissionBody(base, [])).toBe(false);
  });
});

describe('isPhone', () => {
  it('accepts mainland mobile numbers only', () => {
    expect(isPhone('13807981234')).toBe(true);
    expect(isPhone('1380798123')).toBe(false);
    expect(isPhone('23807981234')).toBe(false);
  });
});

describe('categoryTree', () => {
  it('nests children under their parents', () => {
    const tree = categoryTree([
      { code: 'social', parentCode: null, name: '社会保障' },
      { code: 'social.dibao', parentCode: 'social', name: '低保' },
    ]);
    expect(tree).toEqual([{ value: 'social', title: '社会保障', children: [{ value: 'social.dibao', title: '低保', children: [] }] }]);
  });
});
