import { writtenDate } from '../letters/letters.rules.ts';
import type { LetterFrame, OfficialLetter } from '../letters/letter-layout.ts';
import type { Answer } from './coordination.rules.ts';

/**
 * The two letters of COORD-1 (书面形式): the letter of request (商请确认函) and the letter of
 * answer (复函), as lines in the 公文 frame of the letters module. Pure.
 */
export type RequestLetterInput = {
  subjectTitle: string; answeringAgencyName: string; matter: string; ourWording: string; urgent: boolean;
  /** The Beijing date the letter is dated and the date the answer is due. */
  date: string; dueDate: string;
};

export function requestLetter(r: RequestLetterInput, frame: LetterFrame): OfficialLetter {
  return {
    number: frame.number,
    title: `关于商请确认《${r.subjectTitle}》有关内容的函`,
    salutation: `${r.answeringAgencyName}：`,
    body: [
      `我单位拟公开《${r.subjectTitle}》，其中部分内容涉及贵单位。根据政府信息发布协调的有关规定，现函请贵单位确认。`,
      `需确认的事项：${r.matter}`,
      `拟发布的表述：“${r.ourWording}”`,
      r.urgent
        ? `因情况紧急，请于${writtenDate(r.dueDate, 'arabic')}当日书面答复。`
        : `请于${writtenDate(r.dueDate, 'arabic')}前书面答复：同意；同意但需修改表述的，请提出建议的表述；不同意的，请说明理由。逾期未答复的，将提请市政府信息公开工作主管部门协调。`,
      '特此函告。',
    ],
    signatureName: frame.signatureName,
    date: writtenDate(r.date, frame.dateStyle),
    contact: frame.contact,
  };
}

export type AnswerLetterInput = {
  subjectTitle: string; requestingAgencyName: string; requestNumber: string; answer: Answer; proposedWording: string | null; opinion: string; date: string;
};

const ANSWER_SENTENCES: Record<Answer, (proposed: string | null) => string> = {
  agree: () => '经研究，我单位同意按拟发布的表述公开。',
  agree_with_changes: (proposed) => `经研究，我单位同意公开，但为使同一内容表述一致，建议将有关表述修改为：“${proposed ?? ''}”`,
  disagree: () => '经研究，我单位不同意按拟发布的表述公开。',
};

export function answerLetter(a: AnswerLetterInput, frame: LetterFrame): OfficialLetter {
  return {
    number: frame.number,
    title: `关于《${a.subjectTitle}》有关内容的复函`,
    salutation: `${a.requestingAgencyName}：`,
    body: [
      `贵单位${a.requestNumber}函收悉。现函复如下：`,
      ANSWER_SENTENCES[a.answer](a.proposedWording),
      ...(a.opinion.trim() ? [`${a.answer === 'disagree' ? '理由' : '说明'}：${a.opinion.trim()}`] : []),
      '特此函复。',
    ],
    signatureName: frame.signatureName,
    date: writtenDate(a.date, frame.dateStyle),
    contact: frame.contact,
  };
}
