import { isValidIdNumber } from '@lianxin/core';
import type { Rng } from './random.js';

/**
 * Fictional residents: names drawn from common surnames of the region, phones in made-up
 * number blocks, and 18-digit ID numbers of the fictional county 369901 with a correct
 * GB 11643 check digit. Each call of `person()` gives a new phone and ID number.
 */

const SURNAMES = Array.from('刘陈李王张黄吴胡杨罗曾熊徐邓肖周彭万涂付余程朱谢龚廖何钟邹叶江汪袁饶聂赖温郭魏傅章雷邱简');
const DOUBLE_SURNAMES = ['欧阳', '司马'];
const MALE_GIVEN = ['建华', '国强', '志明', '水生', '火根', '长生', '德胜', '金林', '春生', '永福', '文斌', '海军', '小龙', '伟', '强', '军', '平', '鹏', '俊杰', '家乐', '宇航', '明亮', '根发', '冬生', '样生', '福林', '新华', '建军', '三毛', '细伢'];
const FEMALE_GIVEN = ['秀英', '桂花', '冬梅', '春兰', '玉兰', '凤英', '丽华', '小燕', '红梅', '美玲', '晓琴', '婷', '芳', '敏', '静', '雪梅', '金莲', '菊香', '招娣', '慧娟', '思琪', '雨欣', '佳怡', '丽萍', '水仙'];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of a 17-digit ID body. */
export function idCheckDigit(body17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body17[i]), 0);
  return ID_CHECK[sum % 11];
}

export interface Person {
  name: string;
  male: boolean;
  phone: string;
  idNumber: string;
  birthYear: number;
}

export interface PeopleFactory {
  person(options?: { minAge?: number; maxAge?: number }): Person;
  name(male?: boolean): string;
}

const PHONE_BLOCKS = ['139079', '135797', '158790', '187079', '199797', '138079'];

export function createPeople(rng: Rng, nowYear: number): PeopleFactory {
  const phones = new Set<string>();
  const ids = new Set<string>();

  function name(male = rng.chance(0.55)): string {
    const surname = rng.chance(0.01) ? rng.pick(DOUBLE_SURNAMES) : rng.pick(SURNAMES);
    return surname + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
  }

  function phone(): string {
    for (;;) {
      const candidate = rng.pick(PHONE_BLOCKS) + String(rng.int(0, 99_999)).padStart(5, '0');
      if (!phones.has(candidate)) {
        phones.add(candidate);
        return candidate;
      }
    }
  }

  function idNumber(birthYear: number, male: boolean): string {
    for (;;) {
      const month = rng.int(1, 12);
      const day = rng.int(1, 28);
      let seq = rng.int(0, 998);
      if ((seq % 2 === 1) !== male) seq += 1;
      const body = `369901${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
      const id = body + idCheckDigit(body);
      if (!isValidIdNumber(id)) throw new Error(`generated an invalid ID number ${id}`);
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  }

  return {
    name,
    person({ minAge = 22, maxAge = 82 } = {}) {
      const male = rng.chance(0.55);
      const birthYear = nowYear - rng.int(minAge, maxAge);
      return { name: name(male), male, phone: phone(), idNumber: idNumber(birthYear, male), birthYear };
    },
  };
}
