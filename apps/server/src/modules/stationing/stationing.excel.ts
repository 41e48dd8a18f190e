import ExcelJS from 'exceljs';
import type { StationingReport } from '@lianxin/core';

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function header(sheet: ExcelJS.Worksheet, columns: Array<[string, number]>) {
  sheet.columns = columns.map(([title, width]) => ({ header: title, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The stationing compliance report as a workbook with Chinese headers: a township summary, one
 * line per cadre and village, and the week-by-week detail (short weeks highlighted).
 */
export async function stationingWorkbook(report: StationingReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '连心 Lianxin';

  const towns = book.addWorksheet('乡镇汇总');
  header(towns, [['乡镇（街道）', 18], ['驻村安排数', 12], ['驻村干部数', 12], ['考核周数', 10], ['达标周数', 10], ['达标率', 10], ['未达标干部数', 14]]);
  for (const t of report.townships) {
    towns.addRow([t.township.name, t.assignments, t.cadres, t.weeksEvaluated, t.weeksCompliant, percent(t.complianceRate), t.flaggedCadres]);
  }
  towns.addRow([]);
  towns.addRow([`统计期间：${report.from} 至 ${report.to}；默认要求每周在村不少于 ${report.minDaysPerWeekDefault} 天`]);

  const cadres = book.addWorksheet('干部明细');
  header(cadres, [['驻村干部', 12], ['派出单位', 20], ['乡镇（街道）', 16], ['驻点村（社区）', 16], ['驻村起始', 12], ['驻村截止', 12], ['每周要求天数', 12], ['在村天数', 10], ['考核周数', 10], ['达标周数', 10], ['达标率', 10], ['是否预警', 10]]);
  for (const c of report.cadres) {
    const row = cadres.addRow([c.cadre.name, c.cadre.unit?.name ?? '', c.township.name, c.village.name, c.startsOn, c.endsOn ?? '长期', c.minDaysPerWeek, c.daysPresent, c.weeksEvaluated, c.weeksCompliant, percent(c.complianceRate), c.flagged ? '未达标' : '达标']);
    if (c.flagged) row.getCell(12).font = { color: { argb: 'FFCF1322' }, bold: true };
  }

  const weeks = book.addWorksheet('周明细');
  header(weeks, [['驻村干部', 12], ['驻点村（社区）', 16], ['周次', 10], ['周一', 12], ['周日', 12], ['在村天数', 10], ['要求天数', 10], ['结果', 10]]);
  for (const c of report.cadres) {
    for (const w of c.weeks) {
      const result = !w.evaluated ? '不完整周' : w.compliant ? '达标' : '未达标';
      const row = weeks.addRow([c.cadre.name, c.village.name, w.week, w.from, w.to, w.daysPresent, c.minDaysPerWeek, result]);
      if (w.evaluated && !w.compliant) row.getCell(8).font = { color: { argb: 'FFCF1322' }, bold: true };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
