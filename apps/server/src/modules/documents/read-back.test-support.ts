import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF, read back with a PDF parser (pdf.js), whitespace removed. */
export async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, '');
}

/** The text of a DOCX, read back with mammoth, whitespace removed. */
export async function docxText(data: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: data })).value.replace(/\s+/g, '');
}
