import { describe, expect, it } from 'vitest';
import { findPersonalData, maskPersonalData, passesLuhn } from './personal-text.js';

const masked = (text: string) => maskPersonalData(text).text;
const kinds = (text: string) => findPersonalData(text).map((h) => h.kind);

describe('personal data in free text', () => {
  it.each([
    ['电话13812345678', '电话138****5678'],
    ['电话：138 1234 5678。', '电话：138 **** 5678。'],
    ['手机138-1234-5678', '手机138-****-5678'],
    ['+86 13812345678', '+86 138****5678'],
    ['+86-138-1234-5678', '+86-138-****-5678'],
    ['(+86)13812345678', '(+86)138****5678'],
    ['008613812345678', '0086138****5678'],
    ['8613812345678', '86138****5678'],
    ['请打１３８１２３４５６７８联系', '请打１３８****５６７８联系'],
    ['我姓王，19912345678，住3栋', '我姓王，199****5678，住3栋'],
    ['tel13812345678', 'tel138****5678'],
  ])('masks the mobile in %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
    expect(kinds(text)).toEqual(['mobile']);
  });

  it.each([
    ['座机0791-88881234', '座机0791-****1234'],
    ['(0791)8888 1234', '(0791)**** 1234'],
    ['（0791）88881234', '（0791）****1234'],
    ['010 65123456', '010 ****3456'],
    ['02188881234', '021****1234'],
    ['村委会0797-8123456', '村委会0797-***3456'],
  ])('masks the landline in %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
    expect(kinds(text)).toEqual(['landline']);
  });

  it.each([
    ['身份证36010219900101123X', '身份证3601**********123X'],
    ['身份证号36010219900101123x。', '身份证号3601**********123x。'],
    ['ID 360702198512310045', 'ID 3607**********0045'],
    ['440305 20001129 5518', '4403** ******** 5518'],
    ['老身份证360102900101123', '老身份证3601*******1123'],
  ])('masks the ID number in %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
    expect(kinds(text)).toEqual(['id_number']);
  });

  it('needs the right check digit for an 18-digit ID number', () => {
    expect(findPersonalData('360102199001011234')).toEqual([]);
  });

  it.each([
    ['卡号6222021234567890128', '卡号6222***********0128'],
    ['卡号 6217 0000 1234 5678 907', '卡号 6217 **** **** ***8 907'],
    ['4111-1111-1111-1111', '4111-****-****-1111'],
  ])('masks the bank card in %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
    expect(kinds(text)).toEqual(['bank_card']);
  });

  it('needs a right Luhn checksum for a bank card', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(findPersonalData('卡号6222021234567890129')).toEqual([]);
  });

  it.each([
    ['邮箱 zhang.san@example.com 联系', '邮箱 z***@example.com 联系'],
    ['12345678@qq.com', '1***@qq.com'],
  ])('masks the e-mail in %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
    expect(kinds(text)).toEqual(['email']);
  });

  it('masks every piece of a text with several', () => {
    const text = '我叫张三，电话13812345678，身份证36010219900101123X，座机0791-88881234，邮箱a.b@c.cn。';
    expect(masked(text)).toBe('我叫张三，电话138****5678，身份证3601**********123X，座机0791-****1234，邮箱a***@c.cn。');
    expect(kinds(text)).toEqual(['mobile', 'id_number', 'landline', 'email']);
  });

  it('leaves a masked text as it is', () => {
    const once = masked('电话13812345678，身份证36010219900101123X，卡6222021234567890128，x@y.com');
    expect(findPersonalData(once)).toEqual([]);
    expect(masked(once)).toBe(once);
  });

  it.each([
    '2026-12-05 14:30 来电',
    '20261205',
    '2026年12月5日',
    '时间 20261205143000',
    '欠薪12000元，共1,234,567.89元，约3.5万元',
    '金额 13500.00 元',
    '诉求编号LX20261205-000019',
    '见LX20261205-000019与LX20260103-001234',
    '青民发〔2025〕12号',
    '赣府办字〔2026〕103号文件',
    '第2026-0315号',
    '门牌 东门小区6栋2单元302室',
    '面积 120.5 平方米，3 户 15 人',
    '区划 360102001001',
    '12345',
    '电话号码不详',
    '0.5 公里',
    '1380元',
  ])('finds nothing in %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(masked(text)).toBe(text);
  });
});
