import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type BulletinDocument, CHINESE_ORDINALS } from './bulletins.model.js';

const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const pt = (n: number) => n * 2;
const cm = (n: number) => Math.round((n / 2.54) * 1440);

/** The bulletin as a Word file: the same parts and order as the PDF. */
export async function renderBulletinDocx(d: BulletinDocument): Promise<Buffer> {
  const run = (text: string, size = 16, font = BODY_FONT, bold = false, color?: string) => new TextRun({ text, size: pt(size), font, bold, color });
  const para = (text: string) => new Paragraph({ indent: { firstLine: pt(16) * 10 * 2 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '444444' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, bold = false) => new TableCell({ borders, children: [new Paragraph({ children: [run(text, 10.5, BODY_FONT, bold)] })] });
  const body: Array<Paragraph | Table> = [];
  d.sections.forEach((s, i) => {
    body.push(new Paragraph({ indent: { firstLine: pt(16) * 10 * 2 }, spacing: { before: 120 }, children: [run(`${CHINESE_ORDINALS[i] ?? i + 1}、${s.title}`, 16, HEADING_FONT)] }));
    for (const p of s.paragraphs) body.push(para(p));
    for (const t of s.tables) {
      if (t.caption) body.push(new Paragraph({ spacing: { before: 120 }, children: [run(t.caption, 12, HEADING_FONT)] }));
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ children: t.columns.map((c) => cell(c, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((v) => cell(v === null ? '' : String(v))) }))],
        }),
      );
      body.push(new Paragraph({ children: [] }));
    }
  });
  const doc = new Document({
    creator: d.issuer,
    title: d.title,
    sections: [
      {
        properties: { page: { margin: { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6) } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${d.issuer}通报`, 28, TITLE_FONT, true, 'C00000')] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } }, children: [run(d.number, 14)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 300 }, children: [run(d.title, 22, TITLE_FONT, true)] }),
          new Paragraph({ children: [run(`${d.recipients}：`)] }),
          para(d.intro),
          ...body,
          para(d.closing),
          new Paragraph({ spacing: { before: 600 }, alignment: AlignmentType.RIGHT, children: [run(d.issuer)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.date)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
