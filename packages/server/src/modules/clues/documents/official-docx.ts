import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * A standard form of the commission as data: a title, an optional table of labelled
 * fields (an approval form), sections of paragraphs (a report), and the lines signed at
 * its foot. Every text is already in words: the renderer only lays it out.
 */
export interface OfficialForm {
  /** The issuing commission, above the title. */
  issuer: string;
  title: string;
  /** A line under the title (the registration number). */
  reference: string | null;
  fields: { label: string; lines: string[] }[];
  sections: { heading: string; paragraphs: string[] }[];
  /** Right-aligned lines at the foot (who reported, the date). */
  signature: string[];
  /** Who downloaded the document and when: in the header and footer of every page. */
  watermark: string;
}

// Official documents are set in 仿宋 (body) and 宋体 (headings); Word falls back to a
// font of the reader's system when these are missing, so none is embedded.
const BODY_FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE_FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
/** Half-points: 三号 (16 pt) for the body, 二号 (22 pt) for the title, 小五 for the watermark. */
const SIZE = { body: 32, title: 44, table: 28, mark: 18 };
const LABEL_WIDTH = 22;

const text = (value: string, options: { bold?: boolean; size?: number; font?: typeof BODY_FONT } = {}) =>
  new TextRun({ text: value, bold: options.bold ?? false, size: options.size, font: options.font });

function watermarkLine(watermark: string) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: watermark, size: SIZE.mark, color: '808080' })],
  });
}

function fieldTable(fields: OfficialForm['fields']) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: fields.map(
      (field) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: LABEL_WIDTH, type: WidthType.PERCENTAGE },
              verticalAlign: VerticalAlign.CENTER,
              borders,
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [text(field.label, { bold: true, size: SIZE.table })],
                }),
              ],
            }),
            new TableCell({
              width: { size: 100 - LABEL_WIDTH, type: WidthType.PERCENTAGE },
              borders,
              children: (field.lines.length > 0 ? field.lines : ['']).map(
                (line) => new Paragraph({ children: [text(line, { size: SIZE.table })] }),
              ),
            }),
          ],
        }),
    ),
  });
}

/** The form as a DOCX file (Office Open XML), in the fonts and sizes of official documents. */
export async function renderOfficialDocx(form: OfficialForm): Promise<Buffer> {
  const body = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(form.issuer, { size: SIZE.body })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 200 },
      children: [text(form.title, { bold: true, size: SIZE.title, font: TITLE_FONT })],
    }),
    ...(form.reference
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(form.reference, { size: SIZE.table })] })]
      : []),
    ...(form.fields.length > 0 ? [fieldTable(form.fields)] : []),
    ...form.sections.flatMap((section) => [
      new Paragraph({ spacing: { before: 240 }, children: [text(section.heading, { bold: true })] }),
      ...section.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 640 }, children: [text(p)] })),
    ]),
    ...form.signature.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { before: i === 0 ? 480 : 0 },
          children: [text(line)],
        }),
    ),
  ];
  const document = new Document({
    creator: 'Qingfeng',
    title: form.title,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.body },
          paragraph: { spacing: { line: 560, lineRule: 'exact' } },
        },
      },
    },
    sections: [
      {
        headers: { default: new Header({ children: [watermarkLine(form.watermark)] }) },
        footers: { default: new Footer({ children: [watermarkLine(form.watermark)] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
