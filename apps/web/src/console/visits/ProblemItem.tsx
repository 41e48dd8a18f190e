import { label, type ProblemConvertedView as ProblemConverted, type VisitProblemView as VisitProblem } from '@lianxin/core';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import type { TreeOption } from '../register/register-form';
import ProblemCaseDialog, { type CaseDetails } from './ProblemCaseDialog';
import { canConvert, needsCategory } from './visit-logic';
import { visitMessages } from './visits.messages';

const DIALOG_FIELDS: ReadonlyArray<keyof CaseDetails> = ['kind', 'categoryCode', 'phone'];

/**
 * One problem found on a visit. With a category it becomes a case (channel 走访发现) in one tap;
 * without one, or to add the resident's phone, a short dialog asks first.
 */
export default function ProblemItem({ visitId, problem, householdAddress, categoryName, categoryTree, canRegister, onConverted, onTaken, areaCode }: {
  visitId: string;
  /** Where the visit took place: an open case on the same matter there is flagged (issue 18). */
  areaCode?: string;
  problem: VisitProblem;
  /** The household the problem concerns, when the visit went to several. */
  householdAddress?: string;
  categoryName: (code: string) => string;
  categoryTree: TreeOption[];
  canRegister: boolean;
  onConverted: (answer: ProblemConverted) => void;
  /** Someone else turned it into a case meanwhile (409): the page reloads to show that case. */
  onTaken: () => void;
}) {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Array<{ name: keyof CaseDetails; errors: string[] }>>([]);
  const [duplicate, setDuplicate] = useState<{ id: string; code: string; title: string } | null>(null);
  // Before it becomes a case: is an open case already about the same matter here?
  useEffect(() => {
    if (!canRegister || !canConvert(problem)) return;
    let live = true;
    const text = problem.text.trim();
    call('POST /api/cases/similar', { body: { title: text.slice(0, 120), content: text.slice(0, 5000), areaCode, limit: 5 } }).then(
      (answer) => live && setDuplicate(answer.items.find((c) => c.possibleDuplicate) ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [canRegister, problem, areaCode]);

  const convert = async (details: Partial<CaseDetails> = {}) => {
    setBusy(true);
    setFailure(null);
    setFieldErrors([]);
    try {
      const body = { kind: details.kind ?? 'help', categoryCode: details.categoryCode || undefined, requester: details.phone?.trim() ? { phone: details.phone.trim() } : undefined };
      onConverted(await call('POST /api/visits/:id/problems/:problemId/case', { params: { id: visitId, problemId: problem.id }, body }));
      setAsking(false);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setAsking(false);
        onTaken();
      } else if (error instanceof ApiError) {
        const mapped = error.fieldErrors.map((e) => ({ name: (e.field === 'requester.phone' ? 'phone' : e.field) as keyof CaseDetails, errors: [e.message] }));
        setFieldErrors(mapped.filter((m) => DIALOG_FIELDS.includes(m.name)));
        setFailure(error.title);
      } else setFailure(String(error));
    } finally {
      setBusy(false);
    }
  };
  const openDialog = () => {
    setFailure(null);
    setFieldErrors([]);
    setAsking(true);
  };

  return (
    <Flex vertical gap={4} data-testid="visit-problem-item" data-problem-id={problem.id}>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        {problem.seq}. {problem.text}
      </Typography.Text>
      {householdAddress && (
        <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
          {t('problemConcerns', { address: householdAddress })}
        </Typography.Text>
      )}
      {duplicate && canConvert(problem) && (
        <Alert
          type="warning"
          showIcon
          data-testid="visit-problem-duplicate"
          title={
            <>
              {t('problemDuplicate', { code: duplicate.code })} <Link to={`/cases/${duplicate.id}`}>{duplicate.title}</Link>
            </>
          }
        />
      )}
      <Flex gap={8} wrap align="center">
        {problem.categoryCode && <Tag>{categoryName(problem.categoryCode)}</Tag>}
        {problem.caseId ? (
          <Link to={`/cases/${problem.caseId}`} data-testid="visit-problem-case">
            <Tag color="green">
              {t('converted')} {problem.caseCode}
              {problem.caseStatus ? ` · ${label('state', problem.caseStatus, locale)}` : ''}
            </Tag>
          </Link>
        ) : (
          canRegister &&
          canConvert(problem) && (
            <>
              <Button type="primary" loading={busy && !asking} onClick={() => (needsCategory(problem) ? openDialog() : void convert())} data-testid="visit-problem-convert">
                {t('toCase')}
              </Button>
              {!needsCategory(problem) && (
                <Button type="link" onClick={openDialog}>
                  {t('toCaseMore')}
                </Button>
              )}
            </>
          )
        )}
      </Flex>
      {failure && !asking && <Alert type="error" showIcon title={failure} />}
      {asking && (
        <ProblemCaseDialog
          open={asking}
          problem={problem}
          categoryTree={categoryTree}
          categoryName={categoryName}
          busy={busy}
          failure={failure}
          fieldErrors={fieldErrors}
          onSubmit={(details) => void convert(details)}
          onCancel={() => setAsking(false)}
        />
      )}
    </Flex>
  );
}
