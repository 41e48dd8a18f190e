import { describe, expect, it } from 'vitest';
import { hashFeatures } from '@lianxin/core';
import { classifierFeatures, classifierHashes } from './features.js';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps two-character words such as 低保 and 拆迁, drops punctuation and function words', () => {
    const words = tokenize('我家的低保被取消了，拆迁补偿也没有到位！');
    expect(words).toEqual(expect.arrayContaining(['低保', '拆迁', '补偿', '取消']));
    for (const dropped of ['我', '的', '了', '，', '！', '没有']) expect(words).not.toContain(dropped);
  });

  it('normalises full-width Latin and digits and lower-cases them', () => {
    expect(tokenize('ＡＢＣ小区１２３号楼')).toEqual(expect.arrayContaining(['abc', '123']));
  });
});

describe('classifier features', () => {
  it('hashes the same features without making their strings (rare characters outside the BMP too)', () => {
    for (const [title, content] of [['停水三天', '小区自来水停水，水压很低！请尽快修水管。'], ['', 'ＡＢＣ小区 𠀀𠀁 路灯不亮'], ['标题', '']]) {
      expect(Array.from(classifierHashes(title!, content!))).toEqual(Array.from(hashFeatures(classifierFeatures(title!, content!))));
    }
  });
});
