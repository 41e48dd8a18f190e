import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { OfficialDocument } from './document-texts.js';

/** Fonts named for Word: 方正小标宋 for the title and 仿宋 for the body, as official documents use; Word substitutes when absent. */
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const pt = (n: number) => n * 2; // docx sizes are half-points
const cm = (n: number) => Math.round((n / 2.54) * 1440); // twips

/** The official document as a Word file with the same content and order as the PDF. */
export async function renderDocumentDocx(d: OfficialDocument): Promise<Buffer> {
  const run = (text: string, size = 16, bold = false) => new TextRun({ text, size: pt(size), bold, font: BODY_FONT });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '666666' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const facts = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: d.facts.map(
      ([label, value]) =>
        // A row never breaks across pages, and every row keeps with the next: Word moves the table whole.
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ borders, width: { size: 22, type: WidthType.PERCENTAGE }, children: [new Paragraph({ keepNext: true, children: [run(label, 12)] })] }),
            new TableCell({ borders, width: { size: 78, type: WidthType.PERCENTAGE }, children: [new Paragraph({ keepNext: true, children: [run(value, 12)] })] }),
          ],
        }),
    ),
  });
  const doc = new Document({
    creator: d.unitName,
    title: `${d.title} ${d.caseCode}`,
    sections: [
      {
        properties: { page: { margin: { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6) } } },
        // GB/T 9704 page numbers: "— n —" in 4号 under the text area.
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('— ', 14), new TextRun({ children: [PageNumber.CURRENT], size: pt(14), font: BODY_FONT }), run(' —', 14)] })] }) },
        children: [
          // 版头: the issuing unit's mark in red, the 发文字号, and the red separator line under it.
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: d.unitName, size: pt(26), font: TITLE_FONT, bold: true, color: 'D40000' })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'D40000', space: 8 } },
            children: [run(d.number, 16)],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: d.title, size: pt(22), font: TITLE_FONT, bold: true })] }),
          new Paragraph({ spacing: { after: 120 }, children: [run(d.recipient)] }),
          ...d.paragraphs.map((p) => new Paragraph({ indent: { firstLine: pt(16) * 10 * 2 }, spacing: { line: 560, after: 60 }, alignment: AlignmentType.JUSTIFIED, children: [run(p)] })),
          new Paragraph({ spacing: { after: 200 }, children: [] }),
          facts,
          new Paragraph({ spacing: { before: 600 }, alignment: AlignmentType.RIGHT, children: [run(d.seal, 12)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.unitName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.date)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
