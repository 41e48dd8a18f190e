import { readFileSync } from 'node:fs';
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

/** A new A4 PDF with the CJK fonts registered as `cjk` and `cjk-bold`. */
export function newPdf(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const { regular, bold } = cjkFonts();
  // pdfkit accepts a parsed fontkit font where its types only name paths and buffers.
  doc.registerFont('cjk', regular as unknown as Buffer);
  doc.registerFont('cjk-bold', bold as unknown as Buffer);
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
