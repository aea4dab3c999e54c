import { describe, expect, it } from 'vitest';
import { englishDivisionName } from './english-place-name.js';

describe('a division named in English', () => {
  it('writes the proper part in pinyin and translates the generic part', () => {
    expect(englishDivisionName('城关镇')).toBe('Chengguan Town');
    expect(englishDivisionName('长乐乡')).toBe('Changle Township');
    expect(englishDivisionName('东风村')).toBe('Dongfeng Village');
    expect(englishDivisionName('朝阳街道')).toBe('Chaoyang Subdistrict');
    expect(englishDivisionName('解放社区')).toBe('Jiefang Community');
    expect(englishDivisionName('西湖区')).toBe('Xihu District');
    expect(englishDivisionName('重庆市')).toBe('Chongqing City');
    expect(englishDivisionName('景宁县')).toBe('Jingning County');
  });

  it("puts an apostrophe before a syllable that opens with a vowel (Xi'an), as pinyin's rules say", () => {
    expect(englishDivisionName('西安市')).toBe("Xi'an City");
    expect(englishDivisionName('平安村')).toBe("Ping'an Village");
  });

  it('keeps a name with no Chinese in it, and romanises a name that is only a generic word', () => {
    expect(englishDivisionName('Demo Town')).toBe('Demo Town');
    expect(englishDivisionName('村')).toBe('Cun');
    expect(englishDivisionName('第1村')).toBe('Di1 Village');
  });
});
