import type { Answer, PendingSurveys } from '@lianxin/core';
import { Collapse, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useLatest } from '../../shared/use-api';
import { visitMessages } from './visits.messages';
import { SurveyQuestionInput } from '../../shared/SurveyQuestionInput';
import { isNetworkError } from '../offline/network';
import { offlinePendingSurveys } from '../offline/offline-reference';
import { useMe } from '../shell/session';

type Pending = PendingSurveys['items'][number];
/** The open surveys of each household picked, keyed by household id. */
export type SurveysByHousehold = Record<string, Pending[]>;
type Values = Record<string, Record<string, Record<string, unknown>>>; // surveys[householdId][surveyId][q<index>]

/** The answers given to one survey's questions in the form (empty questions left out). */
export function answersOf(questions: Pending['questions'], values: Record<string, unknown> | undefined): Answer[] {
  const answers: Answer[] = [];
  questions.forEach((q, index) => {
    const value = values?.[`q${index}`];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (q.kind === 'scale' && !value)) return;
    if (q.kind === 'single') answers.push({ index, choice: Number(value) });
    if (q.kind === 'multiple') answers.push({ index, choices: (value as number[]).map(Number) });
    if (q.kind === 'scale') answers.push({ index, scale: Number(value) });
    if (q.kind === 'text' && String(value).trim()) answers.push({ index, text: String(value).trim() });
  });
  return answers;
}

/** Every (household, survey) with at least one answer in the form. */
export function surveyAnswersOf(pending: SurveysByHousehold, values: Values | undefined) {
  return Object.entries(pending).flatMap(([householdId, surveys]) =>
    surveys.map((s) => ({ householdId, surveyId: s.id, title: s.title, answers: answersOf(s.questions, values?.[householdId]?.[s.id]) })).filter((x) => x.answers.length > 0),
  );
}

/** The open surveys household `id` may answer: the server's, or without signal those kept on the phone. */
async function pendingOf(userId: string, id: string): Promise<Pending[]> {
  try {
    return (await call('GET /api/surveys/pending', { query: { householdId: id } })).items;
  } catch (error) {
    if (!isNetworkError(error)) return [];
    return (await offlinePendingSurveys(userId, id)).map((s) => ({ id: s.id, title: s.title, closesOn: s.closesOn, questions: s.questions }));
  }
}

/**
 * 问卷随访: the open surveys each visited household has not answered, to answer with the household
 * in the visit form itself (saved after the visit with its id, marked as entered by the cadre).
 * Without signal the surveys kept on the phone are offered, and the answers wait in the queue.
 */
export function VisitSurveys({ households, onLoaded }: { households: Array<{ id: string; address: string }>; onLoaded: (p: SurveysByHousehold) => void }) {
  const t = useT(visitMessages);
  const [pending, setPending] = useState<SurveysByHousehold>({});
  const latest = useLatest();
  const me = useMe();
  const key = households.map((h) => h.id).join(',');
  useEffect(() => {
    if (!key) {
      setPending({});
      onLoaded({});
      return;
    }
    const ids = key.split(',');
    void latest(Promise.all(ids.map(async (id) => [id, await pendingOf(me.userId, id)] as const))).then((r) => {
      if (!r.current) return;
      const next = Object.fromEntries(r.value) as SurveysByHousehold;
      setPending(next);
      onLoaded(next);
    });
    // The key stands for the households.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const panels = households.flatMap((h) => (pending[h.id] ?? []).map((s) => ({ h, s })));
  if (panels.length === 0) return null;
  return (
    <div data-testid="visit-surveys">
      <Typography.Paragraph type="secondary">{t('surveysHint')}</Typography.Paragraph>
      <Collapse
        size="small"
        items={panels.map(({ h, s }) => ({
          key: `${h.id}:${s.id}`,
          label: <span data-testid="visit-survey-panel">{`${s.title} · ${h.address}`}</span>,
          children: s.questions.map((q, index) => (
            <Form.Item key={index} name={['surveys', h.id, s.id, `q${index}`]} label={`${index + 1}. ${q.text}`}>
              <SurveyQuestionInput question={q} />
            </Form.Item>
          )),
        }))}
      />
    </div>
  );
}
