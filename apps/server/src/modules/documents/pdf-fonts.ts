import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * The CJK font embedded in every PDF: Noto Sans Hans (思源黑体's Noto build, SIL OFL 1.1) from the
 * npm package @embedpdf/fonts-sc, so `npm install` brings it on a fresh machine and no system font
 * is needed. pdfkit embeds only the glyphs a document uses (a subset), so a one-page notice stays
 * around 50 KB although the font file is 8 MB.
 */
const require = createRequire(import.meta.url);
type ParsedFont = ReturnType<typeof fontkit.create>;
let fonts: { regular: ParsedFont; bold: ParsedFont } | undefined;

/**
 * The fonts, read and parsed once per process: parsing 30,000 CFF glyphs takes most of a second,
 * while pdfkit's subsetting of the few glyphs a document uses takes milliseconds.
 */
export function cjkFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!fonts) {
    // The package exports no file paths; its fonts sit beside its entry point.
    const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    const open = (file: string) => fontkit.create(readFileSync(join(dir, file)));
    fonts = { regular: open('NotoSansHans-Regular.otf'), bold: open('NotoSansHans-Bold.otf') };
  }
  return fonts;
}

// — screens —
/**
 * Where a serif (宋体-style) CJK font may be: Noto Serif CJK SC (思源宋体, SIL OFL 1.1) of Debian's
 * fonts-noto-cjk — the package the browser tests install too — or a file named by
 * LIANXIN_SERIF_FONT (a .ttc/.otf holding NotoSerifCJKsc-Regular and -Bold, or any .otf/.ttf).
 * Official documents (GB/T 9704) set their body in a 仿宋/宋 serif; no openly licensed 仿宋 is
 * packaged, so the 宋 serif is the nearest. Without one the documents fall back to the sans font.
 */
const SERIF_CANDIDATES: Array<{ regular: string; bold: string }> = [
  { regular: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc' },
  { regular: '/usr/share/fonts/opentype/noto-cjk/NotoSerifCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto-cjk/NotoSerifCJK-Bold.ttc' },
];
let serif: { regular: ParsedFont; bold: ParsedFont } | null | undefined;

/** The serif CJK fonts when the machine has them (read once), else null. */
export function serifFonts(): { regular: ParsedFont; bold: ParsedFont } | null {
  if (serif !== undefined) return serif;
  serif = null;
  const named = process.env.LIANXIN_SERIF_FONT;
  const candidates = named ? [{ regular: named, bold: named }] : SERIF_CANDIDATES;
  for (const c of candidates) {
    if (!existsSync(c.regular) || !existsSync(c.bold)) continue;
    try {
      const open = (file: string, name: string) => {
        const data = readFileSync(file);
        // A collection (.ttc) holds several languages: take the Simplified Chinese face.
        return file.endsWith('.ttc') ? (fontkit.create(data, name) as ParsedFont) : fontkit.create(data);
      };
      serif = { regular: open(c.regular, 'NotoSerifCJKsc-Regular'), bold: open(c.bold, 'NotoSerifCJKsc-Bold') };
      break;
    } catch {
      serif = null;
    }
  }
  return serif;
}

/**
 * A new A4 PDF with the CJK fonts registered as `cjk` and `cjk-bold`, and the serif faces of
 * official documents as `serif` and `serif-bold` (the sans ones where the machine has no serif).
 */
export function newPdf(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const { regular, bold } = cjkFonts();
  // pdfkit accepts a parsed fontkit font where its types only name paths and buffers.
  doc.registerFont('cjk', regular as unknown as Buffer);
  doc.registerFont('cjk-bold', bold as unknown as Buffer);
  const serifFaces = serifFonts();
  doc.registerFont('serif', (serifFaces?.regular ?? regular) as unknown as Buffer);
  doc.registerFont('serif-bold', (serifFaces?.bold ?? bold) as unknown as Buffer);
  doc.font('cjk');
  return doc;
}

/** Ends the document and resolves to its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
