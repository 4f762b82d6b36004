import ExcelJS from 'exceljs';
import { chinaDateTimeOf, chinaLongDateOf } from '../../core/clock.ts';
import { INTAKES, RESPONSE_FORMS, RISK_LEVELS, SOURCES, STATES, type ResponseForm } from './opinion.rules.ts';
import type { allCases, getCase } from './opinion.service.ts';

const when = (iso: string | null) => (iso ? chinaDateTimeOf(iso) : '');

/** OP-3 舆情台账 as a workbook: one row per case, times in Beijing time. */
export async function caseLogWorkbook(log: Awaited<ReturnType<typeof allCases>>, at: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = at;
  book.modified = at;
  const sheet = book.addWorksheet('舆情台账');
  const head = ['编号', '标题', '来源', '链接或出处', '发生时间', '发现时间', '风险等级', '办理环节', '责任单位', '向上级报告', '回应', '处置结果反馈'];
  sheet.columns = [12, 36, 10, 30, 16, 16, 8, 8, 16, 24, 30, 30].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, head.length);
  sheet.getCell('A1').value = `${log.agencyName}舆情台账（共 ${log.cases.length} 件，导出于 ${chinaDateTimeOf(at)}）`;
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(head).font = { bold: true };
  for (const c of log.cases) {
    sheet.addRow([
      c.caseNo, c.title, SOURCES[c.source], c.link, when(c.happenedAt), when(c.foundAt), RISK_LEVELS[c.riskLevel], STATES[c.state], c.responsibleUnitName ?? '',
      c.reportedAt ? `${when(c.reportedAt)} ${c.reportedTo}` : '', c.responses.map((r) => `${RESPONSE_FORMS[r.form as ResponseForm]} ${when(r.responded_at)}`).join('；'), c.feedback,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** OP-3 专报: the special report on one case, as the opinion lead sends it up (DOCX). */
export async function specialReportDocx(detail: Awaited<ReturnType<typeof getCase>>, agencyName: string, at: Date): Promise<Uint8Array> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const c = detail.case;
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)], indent: { firstLine: 640 }, spacing: { line: 560 } });
  const h = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, bold: true })], spacing: { before: 240 } });
  const doc = new Document({
    title: `舆情专报 ${c.caseNo}`,
    creator: agencyName,
    styles: { default: { document: { run: { font: 'FangSong', size: 32 } } } },
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '舆 情 专 报', bold: true, size: 44 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${agencyName}　${c.caseNo}　${chinaLongDateOf(at)}`)] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: c.title, bold: true, size: 36 })] }),
        h('一、基本情况'),
        p(`来源：${SOURCES[c.source]}（${INTAKES[c.intake]}）${c.link ? `，出处：${c.link}` : ''}。发生时间：${when(c.happenedAt)}；发现时间：${when(c.foundAt)}。`),
        p(c.summary),
        h('二、研判情况'),
        p(`风险等级：${RISK_LEVELS[c.riskLevel]}。${c.analysis || '尚未研判。'}`),
        h('三、处置方案'),
        p(c.handlingPlan || '尚未制定。'),
        h('四、办理情况'),
        p(`当前环节：${STATES[c.state]}。责任单位：${c.responsibleUnitName ?? '尚未转办'}。${c.reportedAt ? `${when(c.reportedAt)}已向${c.reportedTo}报告。` : ''}`),
        ...detail.responses.map((r) => p(`${RESPONSE_FORMS[r.form]}：${r.itemTitle ?? r.description}${r.respondedAt ? `（${when(r.respondedAt)}）` : '（审核中）'}`)),
        ...detail.clocks.map((k) => p(`${k.name}：${k.explanation.at(-1) ?? ''}${k.met ? '，已完成' : k.state === 'overdue' ? '，已超时' : ''}。`)),
        ...(c.feedback ? [h('五、处置结果'), p(c.feedback)] : []),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
