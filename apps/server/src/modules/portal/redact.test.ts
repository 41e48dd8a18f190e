import { describe, expect, it } from 'vitest';
import { NameDictionary } from './name-dictionary.js';
import { NAME_MASK, NUMBER_MASK, redact } from './redact.js';

describe('redact (public board anonymiser)', () => {
  it('removes phone numbers in the forms people write them', () => {
    for (const phone of ['13907981234', '139 0798 1234', '139-0798-1234', '+86 139 0798 1234', '0798-1234567', '１３９０７９８１２３４', '一三九〇七九八一二三四']) {
      const out = redact(`有事请打${phone}联系我`);
      expect(out, phone).toBe(`有事请打${NUMBER_MASK}联系我`);
    }
  });

  it('removes ID numbers, with or without a lower-case x or spaces', () => {
    for (const id of ['11010519491231002X', '11010519491231002x', '110105 1949 1231 002X', '110105491231002']) {
      expect(redact(`身份证${id}。`), id).toBe(`身份证${NUMBER_MASK}。`);
    }
  });

  it('removes a known name, its given name, and names after 我叫/联系人', () => {
    expect(redact('我是张秀英，秀英家在东门', ['张秀英'])).toBe(`我是${NAME_MASK}，${NAME_MASK}家在东门`);
    expect(redact('我叫李建国，家住河口村')).toBe(`我叫${NAME_MASK}，家住河口村`);
    expect(redact('联系人：王小明')).toBe(`联系人：${NAME_MASK}`);
    expect(redact('承办人赵承办已联系您')).toBe(`承办人${NAME_MASK}已联系您`);
  });

  it('removes the surname before a form of address, and 老X/小X', () => {
    expect(redact('张阿姨反映，王书记答应过，老李说')).toBe('某阿姨反映，某书记答应过，某某说');
  });

  it('removes house and room numbers but keeps dates, amounts and place names', () => {
    expect(redact('东门社区解放路12号3栋2单元301室')).toBe(`东门社区解放路${NUMBER_MASK}号${NUMBER_MASK}栋${NUMBER_MASK}单元${NUMBER_MASK}室`);
    expect(redact('住在十二号楼')).toBe(`住在${NUMBER_MASK}号楼`);
    expect(redact('3月12号反映过，2026-03-02又去了，补助3000元')).toBe('3月12号反映过，2026-03-02又去了，补助3000元');
    expect(redact('河口村路灯不亮已有两周')).toBe('河口村路灯不亮已有两周');
  });

  it('removes e-mail addresses and licence plates', () => {
    expect(redact('邮箱zhang.xy@example.com，车牌赣A12345')).toBe(`邮箱${NUMBER_MASK}，车牌赣${NUMBER_MASK}`);
  });
});

describe('redact keeps ordinary words (issue 12, finding 7)', () => {
  it('does not eat words that contain a surname, nor numbers that are not personal', () => {
    for (const text of ['一两个小时就修好了', '我们住同一个小区', '值班医生态度很好', '东门小区6栋的下水道堵了', '依据青民发〔2025〕12号文件', '党支部书记和办公室主任都来了', '向书记汇报了情况', '2025-2026学年', '补助3000000元', '3月12号下午3:30']) {
      expect(redact(text), text).toBe(text);
    }
  });

  it('still removes a person’s building, unit and room', () => {
    expect(redact('我家住东门小区6栋2单元301室')).toBe(`我家住东门小区${NUMBER_MASK}栋${NUMBER_MASK}单元${NUMBER_MASK}室`);
  });
});

describe('redact with the dictionary of every staff and household member (issue 12, finding 6)', () => {
  const dictionary = NameDictionary.of(['王秀兰', '许艳', '甘露', '周平', '文明']);

  it('removes a known cadre named with no title, and a known two-character name that reads as a name', () => {
    expect(redact('王秀兰帮我们叫了救护车，许艳也来了', [], dictionary)).toBe(`${NAME_MASK}帮我们叫了救护车，${NAME_MASK}也来了`);
    expect(redact('感谢窗口的甘露同志', [], dictionary)).toBe(`感谢窗口的${NAME_MASK}同志`);
  });

  it('keeps a known two-character name where the text uses the ordinary word', () => {
    expect(redact('本周平均停水两次，争创文明城市', [], dictionary)).toBe('本周平均停水两次，争创文明城市');
    expect(redact('感谢文明同志', [], dictionary)).toBe(`感谢${NAME_MASK}同志`);
  });
});
