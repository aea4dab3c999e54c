import { describe, expect, it } from 'vitest';
import { findDataset } from './catalogue.js';
import { matchHeaders } from './header-match.js';
import { mappingTemplate, mappingTemplateToCsv, userMappingFromTemplate } from './mapping-template.js';

const death = findDataset('death')!;

describe('mappingTemplate', () => {
  const headers = ['编号', '姓名', '死亡日期', '备注'];

  it('lists every field, pre-filled with the automatic matches and blank for the rest', () => {
    const t = mappingTemplate(death, headers);
    expect(t.rows.map((r) => [r.field, r.required, r.header])).toEqual([
      ['id', true, null],
      ['name', true, '姓名'],
      ['death_date', true, '死亡日期'],
      ['source', false, null],
      ['division', false, null],
    ]);
    expect(t.unmatchedColumns).toEqual(['编号', '备注']);
  });

  it('turns a filled-in template into a mapping that makes the file importable', () => {
    const t = mappingTemplate(death, headers);
    const filled = t.rows.map((r) => (r.field === 'id' ? { ...r, header: '编号' } : r));
    expect(matchHeaders(death, headers, userMappingFromTemplate(filled)).refusal).toBeNull();
  });

  it('renders CSV that Excel opens as UTF-8, quoting cells that need it', () => {
    const csv = mappingTemplateToCsv(mappingTemplate(death, ['a,b', '姓名']));
    expect(csv.startsWith('\ufeff字段 field,中文名')).toBe(true);
    expect(csv).toContain('name,姓名,text,是,姓名\r\n');
    expect(csv).toContain('"a,b"');
  });
});
